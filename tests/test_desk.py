"""The editor's desk: the admin's start page shows Editors and Publishers what is due."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.admin.desk import DeskSection, desk_section, desk_sections
from articles.models import Article
from tests.factories import make_article
from tests.test_workflow import change_url, open_form, signed_in, staff

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def section_html(html: str, key: str) -> str:
    match = re.search(
        rf'<section class="module nr-desk__section" id="desk-{key}".*?</section>', html, re.S
    )
    assert match, f"no desk section {key}"
    return match.group(0)


class TestDesk:
    def test_publisher_sees_releases_waiting_for_review_with_links(self):
        waiting = make_article(title="Conference opens", status=Article.Status.REVIEW)
        make_article(title="A draft", status=Article.Status.DRAFT, publish_at=None)
        html = signed_in(staff("pub", "Publishers")).get(INDEX).content.decode()
        review = section_html(html, "review")
        assert "In review, waiting for you" in review
        assert f'href="{change_url(waiting)}"' in review and "Conference opens" in review
        assert "A draft" not in review

    def test_editor_reads_waiting_for_a_publisher(self):
        make_article(title="Conference opens", status=Article.Status.REVIEW)
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        assert "In review, waiting for a Publisher" in section_html(html, "review")

    def test_embargoes_in_the_next_seven_days_to_the_minute(self):
        soon = timezone.now() + timedelta(days=2)
        soon = soon.replace(hour=9, minute=5, second=0, microsecond=0)
        lifting = make_article(title="Lifts soon", publish_at=soon)
        make_article(title="Lifts later", publish_at=timezone.now() + timedelta(days=9))
        make_article(title="Already live")
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        embargoes = section_html(html, "embargoes")
        assert "Lifts soon" in embargoes and f'href="{change_url(lifting)}"' in embargoes
        assert timezone.localtime(soon).strftime("%d %b %Y %H:%M") in embargoes
        assert "Lifts later" not in embargoes and "Already live" not in embargoes

    def test_a_release_scheduled_by_an_editor_shows_as_waiting_for_approval(self):
        soon = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
        make_article(title="Scheduled by an Editor", status=Article.Status.REVIEW, publish_at=soon)
        make_article(title="Undated draft", status=Article.Status.DRAFT, publish_at=None)
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        embargoes = section_html(html, "embargoes")
        assert "Scheduled by an Editor" in embargoes
        assert "not yet approved" in embargoes
        assert timezone.localtime(soon).strftime("%d %b %Y %H:%M") in embargoes
        assert "Undated draft" not in embargoes

    def test_recent_corrections_with_their_notes(self):
        from articles.models import Correction

        corrected = make_article(title="Figures corrected")
        Correction.objects.create(
            article=corrected, kind=Correction.Kind.CORRECTION, note="Corrects the number"
        )
        Correction.objects.create(
            article=make_article(title="Typo fixed"), kind=Correction.Kind.SILENT, note=""
        )
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        corrections = section_html(html, "corrections")
        assert "Figures corrected" in corrections and "Corrects the number" in corrections
        assert f'href="{change_url(corrected)}"' in corrections
        assert "Typo fixed" not in corrections

    def test_drafts_i_touched_lately(self):
        mine = make_article(title="My draft", status=Article.Status.DRAFT, publish_at=None)
        theirs = make_article(title="Their draft", status=Article.Status.DRAFT, publish_at=None)
        me = signed_in(staff("ed", "Editors"))
        other = signed_in(staff("ed2", "Editors"))
        form = open_form(me, mine)
        form["title"] = "My draft, edited"
        me.post(change_url(mine), form)
        form = open_form(other, theirs)
        form["title"] = "Their draft, edited"
        other.post(change_url(theirs), form)
        drafts = section_html(me.get(INDEX).content.decode(), "drafts")
        assert "My draft, edited" in drafts and f'href="{change_url(mine)}"' in drafts
        assert "Their draft" not in drafts

    def test_empty_sections_say_so(self):
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        assert "No release is waiting for review." in html
        assert "No embargo lifts in the next 7 days." in html

    def test_the_model_list_stays_below(self):
        html = signed_in(staff("ed", "Editors")).get(INDEX).content.decode()
        assert html.index("Your desk") < html.index("Press releases")

    def test_no_desk_for_staff_without_release_rights(self):
        from django.contrib.auth.models import User

        user = User.objects.create_user("viewer", password="x-Strong-pass-9", is_staff=True)
        html = signed_in(user).get(INDEX).content.decode()
        assert "Your desk" not in html

    def test_a_new_section_is_one_registered_function(self):
        from articles.admin import desk

        @desk_section
        def source_changed(user, now):
            return DeskSection(key="translations", title="Source changed", empty="None.")

        try:
            keys = [s.key for s in desk_sections(staff("ed", "Editors"))]
        finally:
            desk.SECTIONS.remove(source_changed)
        assert keys == ["review", "embargoes", "drafts", "corrections", "translations"]
