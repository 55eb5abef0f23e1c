"""What journalists expect on a release: contacts, notes, lead photo, times, corrections."""

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
import time_machine
import vobject
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from articles import press
from articles.models import ArticleContact, Boilerplate, Contact, Correction, MediaKit
from tests.factories import make_article, make_event, make_image, make_quote, tomorrow
from tests.formdata import form_data
from tests.test_workflow import change_url, signed_in, staff

pytestmark = pytest.mark.django_db


def make_contact(**kw) -> Contact:
    kw.setdefault("name", "Anna Kovacs")
    kw.setdefault("slug", kw["name"].lower().replace(" ", "-"))
    kw.setdefault("role", "Press officer")
    kw.setdefault("organisation", "INTERPOL")
    kw.setdefault("phone", "+33 4 72 44 70 00")
    kw.setdefault("email", "press@example.org")
    kw.setdefault("languages", "English, French")
    return Contact.objects.create(**kw)


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


class TestContacts:
    def test_release_shows_its_contacts_in_order_with_phone_and_mail_links(self, client):
        article = make_article()
        second = make_contact(name="Ben Moreau", phone="+41 22 000 00 00", email="ben@example.org")
        first = make_contact()
        ArticleContact.objects.create(article=article, contact=second, position=2)
        ArticleContact.objects.create(article=article, contact=first, position=1)
        make_contact(name="Default Person", is_default=True)
        html = page(client, article)
        assert html.index("Anna Kovacs") < html.index("Ben Moreau")
        assert "Default Person" not in html
        assert 'href="tel:+33472447000"' in html and "+33 4 72 44 70 00" in html
        assert 'href="mailto:press@example.org"' in html
        assert "Languages: English, French" in html
        assert f'href="{first.get_absolute_url()}" download' in html

    def test_release_without_contacts_shows_the_default_set(self, client):
        make_contact(name="Default Two", is_default=True, position=2)
        make_contact(name="Default One", is_default=True, position=1)
        make_contact(name="Not Default")
        html = page(client, make_article())
        assert html.index("Default One") < html.index("Default Two")
        assert "Not Default" not in html

    def test_vcard_parses_with_name_phone_mail_and_organisation(self, client):
        contact = make_contact(is_default=True, organisation="INTERPOL; Lyon, France")
        response = client.get(contact.get_absolute_url())
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/vcard")
        card = vobject.readOne(response.content.decode())
        assert card.fn.value == "Anna Kovacs"
        assert card.n.value.family == "Kovacs" and card.n.value.given == "Anna"
        assert card.tel.value == "+33 4 72 44 70 00"
        assert card.email.value == "press@example.org"
        assert card.org.value == ["INTERPOL; Lyon, France"]
        assert card.title.value == "Press officer"

    def test_vcard_of_a_contact_only_on_an_embargoed_release_is_404(self, client):
        contact = make_contact()
        ArticleContact.objects.create(article=make_article(publish_at=tomorrow()), contact=contact)
        assert client.get(contact.get_absolute_url()).status_code == 404

    def test_json_ld_and_api_carry_the_contacts(self, client):
        article = make_article()
        ArticleContact.objects.create(article=article, contact=make_contact())
        data = json_ld(page(client, article))
        (point,) = data["publisher"]["contactPoint"]
        assert point["contactType"] == "press"
        assert point["telephone"] == "+33 4 72 44 70 00"
        assert point["availableLanguage"] == ["English", "French"]
        api = client.get(reverse("articles:api_release", kwargs={"slug": article.slug})).json()
        assert api["contacts"] == ["anna-kovacs"]
        assert api["press_contacts"][0]["email"] == "press@example.org"

    def test_boilerplate_is_shown_under_its_heading(self, client):
        about = Boilerplate.objects.create(
            organisation="INTERPOL",
            heading="About INTERPOL",
            text="INTERPOL has 196 member countries.\n\nIt connects police.",
        )
        html = page(client, make_article(boilerplate=about))
        assert '<h2 id="notes-title" class="section-title">Notes to editors</h2>' in html
        assert "About INTERPOL" in html
        assert "<p>INTERPOL has 196 member countries.</p>" in html
        assert "<p>It connects police.</p>" in html

    def test_a_release_may_override_the_text(self, client):
        about = Boilerplate.objects.create(organisation="X", heading="About X", text="Shared.")
        html = page(client, make_article(boilerplate=about, notes_to_editors="Only here."))
        assert "Only here." in html and "Shared." not in html

    def test_api_carries_the_notes(self, client):
        about = Boilerplate.objects.create(organisation="X", heading="About X", text="Shared.")
        article = make_article(boilerplate=about)
        api = client.get(reverse("articles:api_release", kwargs={"slug": article.slug})).json()
        assert api["notes_to_editors"] == {"heading": "About X", "text": "Shared."}


class TestLeadPhoto:
    def test_first_photo_by_default_above_the_fold_with_credit(self, client):
        article = make_article()
        first = make_image(article, position=1, credit="Jane Doe", alt_text="First photo")
        make_image(article, position=2, alt_text="Second photo")
        html = page(client, article)
        figure = html[html.index('<figure class="lead-photo">') :]
        figure = figure[: figure.index("</figure>")]
        assert 'alt="First photo"' in figure and "Photo: <bdi>Jane Doe</bdi>" in figure
        assert 'loading="lazy"' not in figure
        assert html.index('class="lead-photo"') < html.index('class="release__lead"')
        assert f'content="http://testserver{first.large_url}"' in html

    def test_chosen_photo_is_the_lead_in_the_page_the_cards_and_link_previews(self, client):
        article = make_article(title="With photos", themes=["migration"])
        make_image(article, position=1, alt_text="First photo")
        chosen = make_image(article, position=2, alt_text="Chosen photo")
        article.lead_image = chosen
        article.save()
        html = page(client, article)
        figure = html[html.index('<figure class="lead-photo">') :]
        assert 'alt="Chosen photo"' in figure[: figure.index("</figure>")]
        assert f'<meta property="og:image" content="http://testserver{chosen.large_url}">' in html
        assert f'<meta name="twitter:image" content="http://testserver{chosen.large_url}">' in html
        for url in ("/", reverse("articles:theme", kwargs={"slug": "migration"})):
            listing = client.get(url).content.decode()
            card = listing[listing.index('<article class="card card--photo">') :]
            assert 'alt="Chosen photo"' in card[: card.index("</article>")]

    def test_cards_below_the_fold_load_their_thumbnails_lazily(self, client):
        for _ in range(4):
            make_image(make_article())
        html = client.get("/").content.decode()
        thumbs = html.split('<picture class="card__thumb">')[1:]
        assert len(thumbs) == 4
        assert ['loading="lazy"' in thumb.split("</picture>")[0] for thumb in thumbs] == [
            False,
            False,
            True,
            True,
        ]

    def test_feeds_carry_the_lead_photo(self, client):
        article = make_article()
        photo = make_image(article, credit="Jane Doe", width=2000)
        rss = feedparser.parse(client.get(reverse("articles:feed")).content)
        (entry,) = rss.entries
        (enclosure,) = entry.enclosures
        assert enclosure.href == f"http://testserver{photo.large_url}"
        assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
        (content,) = entry.media_content
        assert content["url"] == enclosure.href and content["medium"] == "image"
        assert entry.media_credit[0]["content"] == "Jane Doe"
        atom = feedparser.parse(client.get(reverse("articles:feed_atom")).content)
        assert atom.entries[0].enclosures[0].href == enclosure.href


class TestTimes:
    def test_publication_time_with_time_zone_and_offset(self, client, settings):
        settings.TIME_ZONE = "Europe/Tirane"
        published = datetime(2024, 6, 11, 7, 0, tzinfo=UTC)
        html = page(client, make_article(publish_at=published))
        assert (
            '<time datetime="2024-06-11T09:00:00+02:00" dir="auto">11 June 2024, 09:00 CEST</time>'
            in html
        )
        assert "Updated" not in html

    def test_embargo_times_are_kept_to_the_minute(self):
        article = make_article(publish_at=datetime(2030, 1, 1, 8, 14, 56, 123, tzinfo=UTC))
        article.refresh_from_db()
        assert article.publish_at == datetime(2030, 1, 1, 8, 14, tzinfo=UTC)

    def test_a_correction_shows_updated_and_date_modified(self, client):
        article = make_article()
        at = timezone.now().replace(microsecond=0)
        press.article_correction_record(
            article=article, kind=Correction.Kind.CORRECTION, note="Fixes a date.", at=at
        )
        html = page(client, article)
        assert "Updated <time" in html
        assert json_ld(html)["dateModified"] == timezone.localtime(at).isoformat()


class TestCorrections:
    def test_correction_is_listed_at_the_foot_and_a_silent_fix_is_not(self, client):
        article = make_article()
        press.article_correction_record(
            article=article, kind=Correction.Kind.SILENT, note="typo in paragraph 2"
        )
        press.article_correction_record(
            article=article,
            kind=Correction.Kind.CORRECTION,
            note="Corrects the number of participants to 160.",
        )
        html = page(client, article)
        assert "Corrects the number of participants to 160." in html
        assert "typo in paragraph 2" not in html
        assert html.index('id="corrections"') > html.index('class="release__body"')
        # History keeps both kinds.
        assert article.corrections.count() == 2

    def test_a_release_not_live_records_no_correction(self):
        article = make_article(publish_at=tomorrow())
        kind = Correction.Kind.CORRECTION
        assert press.article_correction_record(article=article, kind=kind, note="x") is None

    @pytest.mark.parametrize("name", ["articles:feed", "articles:feed_atom"])
    def test_correction_appears_in_the_feeds_as_an_update(self, client, name):
        article = make_article(lead="The lead.")
        before = feedparser.parse(client.get(reverse(name)).content).entries[0]
        assert before.summary == "The lead."
        later = timezone.now() + timedelta(hours=2)
        with time_machine.travel(later, tick=False):
            press.article_correction_record(
                article=article, kind=Correction.Kind.CORRECTION, note="Fixes a date."
            )
            after = feedparser.parse(client.get(reverse(name)).content).entries[0]
        assert after.summary.startswith("Updated ") and after.summary.endswith("The lead.")
        if name == "articles:feed_atom":
            # Atom's <updated> moves to the correction; <published> stays.
            assert after.updated_parsed[:5] == later.utctimetuple()[:5]
            assert after.published_parsed == before.published_parsed

    def test_api_lists_public_corrections(self, client):
        article = make_article()
        press.article_correction_record(article=article, kind="silent", note="typo")
        press.article_correction_record(article=article, kind="correction", note="Fixes a date.")
        api = client.get(reverse("articles:api_release", kwargs={"slug": article.slug})).json()
        assert [c["note"] for c in api["corrections"]] == ["Fixes a date."]
        assert api["updated_at"] is not None

    def test_publisher_marks_a_change_to_a_live_release_as_a_correction(self, client):
        article = make_article(title="Live release")
        make_quote(article)
        publisher = signed_in(staff("pub", "Publishers"))
        form = form_data(publisher.get(change_url(article)).content.decode(), "article_form")
        form["title"] = "Live release, corrected"
        # Refused without saying which kind of change it is.
        response = publisher.post(change_url(article), form)
        assert response.status_code == 200 and "correction for readers or a silent fix" in (
            response.content.decode()
        )
        form.update(change_kind="correction", correction_note="Corrects the title.")
        assert publisher.post(change_url(article), form).status_code == 302
        (correction,) = article.corrections.all()
        assert correction.note == "Corrects the title." and correction.is_public
        assert correction.made_by.username == "pub"
        assert "Corrects the title." in page(client, article)


def kit_of(client, article, **params):
    return client.get(reverse("articles:photos_zip", kwargs={"slug": article.slug}), params)


class TestMediaKit:
    def test_zip_of_the_originals_with_credits_built_once(self, client):
        article = make_article(title="Kit release")
        for n in range(2):
            make_image(article, position=n, caption=f"Caption {n}", credit="Jane Doe")
        html = page(client, article)
        kit = MediaKit.objects.get(article=article)
        assert f"Download all 2 photos (ZIP, <bdi>{kit.size_label}</bdi>)" in html
        assert "640 × 480 px, " in html
        response = kit_of(client, article)
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        assert len(data) == kit.size
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            credits = zf.read("CREDITS.txt").decode()
            manifest = json.loads(zf.read("manifest.json"))
        assert len([n for n in names if n.endswith(".jpg")]) == 2
        assert "Caption 0" in credits and "Credit: Jane Doe" in credits
        assert [p["caption"] for p in manifest["photos"]] == ["Caption 0", "Caption 1"]
        # Built once: the next download serves the same stored file.
        kit_of(client, article)
        assert MediaKit.objects.get(article=article).file == kit.file

    def test_a_changed_gallery_gets_a_new_kit(self, client):
        article = make_article()
        make_image(article)
        page(client, article)
        first = MediaKit.objects.get(article=article).file
        make_image(article, caption="Another")
        page(client, article)
        assert MediaKit.objects.get(article=article).file != first

    def test_embargo_404_before_200_after_by_itself(self, client):
        lift = (timezone.now() + timedelta(hours=1)).replace(second=0, microsecond=0)
        article = make_article(publish_at=lift)
        make_image(article)
        assert kit_of(client, article).status_code == 404
        with time_machine.travel(lift + timedelta(seconds=1)):
            response = kit_of(client, article)
            assert response.status_code == 200
            assert response["Content-Type"] == "application/zip"

    def test_share_link_and_staff_reach_an_embargoed_kit_privately(self, client, admin_client):
        article = make_article(publish_at=tomorrow())
        make_image(article)
        link = article.share_links.create()
        assert kit_of(client, article, share="wrong").status_code == 404
        response = kit_of(client, article, share=link.token)
        assert response.status_code == 200 and "private" in response["Cache-Control"]
        assert kit_of(admin_client, article).status_code == 200
        # The share page's download links carry its token.
        html = client.get(link.get_absolute_url()).content.decode()
        assert f"photos.zip?share={link.token}" in html
        assert f".pdf?share={link.token}" in html


def pdf_of(client, article, **params):
    return client.get(reverse("articles:pdf", kwargs={"slug": article.slug}), params)


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


class TestPdf:
    def test_pdf_holds_the_release_contacts_notes_and_page_numbers(self, client):
        about = Boilerplate.objects.create(
            organisation="INTERPOL", heading="About INTERPOL", text="Member countries: 196."
        )
        article = make_article(
            title="Police chiefs meet",
            dateline_city="Tirana",
            dateline_country="Albania",
            lead="Some 160 police leaders meet.",
            body="<p>Three days of talks.</p>",
            reference="PR-2024-061",
            boilerplate=about,
            event=make_event(name="Regional Conference"),
        )
        make_quote(article, text="We work together.")
        make_image(article, credit="Jane Doe")
        ArticleContact.objects.create(article=article, contact=make_contact())
        response = pdf_of(client, article)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text, pages = pdf_text(response)
        for expected in (
            "Police chiefs meet",
            "TIRANA, Albania",
            "Some 160 police leaders meet.",
            "Three days of talks.",
            "We work together.",
            "PR-2024-061",
            "Anna Kovacs",
            "+33 4 72 44 70 00",
            "About INTERPOL",
            "Member countries: 196.",
            "Photo: Jane Doe",
            f"1 / {pages}",
        ):
            assert expected in text, expected

    def test_built_once_per_version(self, client, monkeypatch):
        from articles import pdf

        article = make_article()
        calls = []
        real = pdf.render_release_pdf
        monkeypatch.setattr(pdf, "render_release_pdf", lambda *a: calls.append(1) or real(*a))
        pdf_of(client, article), pdf_of(client, article)
        assert len(calls) == 1
        article.title = "Changed"
        article.save()
        pdf_of(client, article)
        assert len(calls) == 2

    def test_embargo_404_before_200_after_by_itself(self, client):
        lift = (timezone.now() + timedelta(hours=1)).replace(second=0, microsecond=0)
        article = make_article(publish_at=lift)
        assert pdf_of(client, article).status_code == 404
        with time_machine.travel(lift + timedelta(seconds=1)):
            assert pdf_of(client, article).status_code == 200

    def test_drafts_are_404(self, client):
        assert pdf_of(client, make_article(status="draft")).status_code == 404


class TestAdmin:
    def test_release_form_has_contacts_lead_photo_and_notes(self, admin_client):
        article = make_article()
        mine = make_image(article, alt_text="Mine")
        make_image(make_article(), alt_text="Another release's photo")
        html = admin_client.get(change_url(article)).content.decode()
        assert "Press office" in html and 'name="contact_links-TOTAL_FORMS"' in html
        lead = html[html.index('name="lead_image"') :]
        lead = lead[: lead.index("</select>")]
        assert f'value="{mine.pk}"' in lead and "Another release" not in lead
        assert "The first photo" in lead

    def test_contacts_and_lead_photo_are_saved_from_the_form(self, admin_client):
        article = make_article(status="draft")
        photo = make_image(article)
        contact = make_contact()
        form = form_data(admin_client.get(change_url(article)).content.decode(), "article_form")
        form.update(
            {
                "lead_image": str(photo.pk),
                "contact_links-TOTAL_FORMS": "1",
                "contact_links-0-contact": str(contact.pk),
                "contact_links-0-position": "1",
            }
        )
        response = admin_client.post(change_url(article), form)
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.lead_image == photo
        assert [link.contact for link in article.contact_links.all()] == [contact]

    def test_embargo_times_are_entered_to_the_minute(self, admin_client):
        article = make_article(status="draft", publish_at=None)
        html = admin_client.get(change_url(article)).content.decode()
        assert 'name="publish_at_1"' in html
        form = form_data(html, "article_form")
        form.update(publish_at_0="2030-01-01", publish_at_1="08:14:56")
        assert admin_client.post(change_url(article), form).status_code == 302
        article.refresh_from_db()
        assert timezone.localtime(article.publish_at).strftime("%H:%M:%S") == "08:14:00"

    def test_the_release_list_shows_one_date_format(self, admin_client):
        make_article(publish_at=datetime(2024, 6, 11, 7, 0, tzinfo=UTC))
        make_article(publish_at=tomorrow())
        html = admin_client.get("/admin/articles/article/").content.decode()
        assert "11 Jun 2024 07:00" in html
        embargoed = timezone.localtime(tomorrow()).strftime("%d %b %Y")
        assert f"Embargoed until {embargoed}" in html

    def test_the_corrections_log_lists_both_kinds(self, admin_client):
        article = make_article(title="Logged")
        press.article_correction_record(article=article, kind="silent", note="typo")
        press.article_correction_record(article=article, kind="correction", note="Fixes a date.")
        html = admin_client.get("/admin/articles/correction/").content.decode()
        assert "typo" in html and "Fixes a date." in html


def test_a_new_release_starts_with_the_default_notes_of_its_language(admin_client):
    Boilerplate.objects.create(
        organisation="X", language="fr", heading="À propos", text="Fr.", is_default=True
    )
    english = Boilerplate.objects.create(
        organisation="X", language="en", heading="About X", text="En.", is_default=True
    )
    html = admin_client.get("/admin/articles/article/add/").content.decode()
    select = html[html.index('name="boilerplate"') :]
    select = select[: select.index("</select>")]
    assert f'<option value="{english.pk}" selected>' in select
