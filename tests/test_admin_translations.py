"""
Translations in the release admin: "Add translation", the group's languages
on every form of the group, the shared parts read-only on a translation, its
times following the source's, "source changed" with the diff and "Mark as up
to date", the list's filter and markers, history and permissions.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, GalleryImage
from articles.translations import shared, tracking
from tests.factories import make_article, make_event, make_image, make_quote, make_speaker
from tests.formdata import form_data

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/articles/article/"


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def add_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/translations/add/"


def confirm_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/translations/confirm/"


def staff(username: str, role: str) -> User:
    user = User.objects.create_user(username, password="x-Strong-pass-9", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def publisher_client(client):
    client.force_login(staff("pub", "Publishers"))
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(staff("ed", "Editors"))
    return client


@pytest.fixture
def source():
    article = make_article(
        title="Regional conference opens in Tirana",
        slug="tirana-conference",
        lead="Police chiefs meet in Tirana for three days.",
        body="<p>Some 160 senior police representatives attend.</p>",
        dateline_city="Tirana",
        dateline_country="Albania",
        event=make_event(name="European Regional Conference"),
        status=Article.Status.DRAFT,
        publish_at=None,
        themes=["Cybercrime"],
    )
    make_quote(article, make_speaker(name="Valdecy Urquiza"), text="We act together.", position=0)
    make_image(article, caption="The opening session", alt_text="Delegates in the hall")
    return article


@pytest.fixture
def french(source):
    return shared.translation_create(source=source, language="fr")


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def save(client, article, **changes):
    """Posts the article's change form as shown, with ``changes``; returns the response."""
    data = form_data(page(client.get(change_url(article))), "article_form")
    data.update(changes)
    return client.post(change_url(article), data)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


class TestAddingATranslation:
    def test_the_form_offers_the_languages_the_group_lacks(self, publisher_client, source):
        html = page(publisher_client.get(change_url(source)))
        assert "Languages of this release" in html
        assert "Add translation" in html
        assert '<option value="fr">French</option>' in html
        assert '<option value="en">' not in html.split('id="id_translation_language"')[1][:400]

    def test_makes_a_prefilled_draft_and_opens_it(self, publisher_client, source):
        response = publisher_client.post(add_url(source), {"language": "fr"})
        translation = Article.objects.get(source=source, language="fr")
        assert response.status_code == 302
        assert response.url == change_url(translation)
        assert translation.status == Article.Status.DRAFT
        assert translation.title == source.title
        assert [q.text for q in translation.quotes.all()] == ["We act together."]
        assert [i.caption for i in translation.images.all()] == ["The opening session"]
        assert translation.author.username == "pub"
        opened = publisher_client.get(response.url)
        assert "The French translation was made as a draft" in " ".join(messages_of(opened))

    def test_a_taken_language_is_a_message_not_an_error_page(self, publisher_client, french):
        response = publisher_client.post(add_url(french.source), {"language": "fr"}, follow=True)
        assert response.status_code == 200
        assert any("already exists" in m or "Choose a language" in m for m in messages_of(response))
        assert Article.objects.filter(language="fr").count() == 1

    def test_the_source_language_and_nonsense_are_refused(self, publisher_client, source):
        for language in ("en", "xx", ""):
            response = publisher_client.post(add_url(source), {"language": language}, follow=True)
            assert response.status_code == 200
            assert messages_of(response)
        assert not source.translations.exists()

    def test_from_a_translation_adds_to_the_same_group(self, publisher_client, french):
        publisher_client.post(add_url(french), {"language": "es"})
        spanish = Article.objects.get(language="es")
        assert spanish.source_id == french.source_id

    def test_a_page_to_choose_the_language(self, publisher_client, source):
        html = page(publisher_client.get(add_url(source)))
        assert '<select name="language"' in html and "Spanish" in html

    def test_unknown_release_is_not_found(self, publisher_client):
        assert publisher_client.post(
            "/admin/articles/article/999999/translations/add/", {}
        ).status_code in (302, 404)

    def test_needs_the_right_to_add_releases(self, client, source):
        user = User.objects.create_user("reader", password="x-Strong-pass-9", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_article"))
        client.force_login(user)
        assert "Add translation" not in page(client.get(change_url(source)))
        assert client.post(add_url(source), {"language": "fr"}).status_code == 403
        assert not source.translations.exists()

    def test_appears_in_both_histories(self, publisher_client, source):
        publisher_client.post(add_url(source), {"language": "fr"})
        translation = Article.objects.get(language="fr")
        comments = [v.revision.get_comment() for v in Version.objects.get_for_object(translation)]
        assert comments == [
            "Created as the French translation of “Regional conference opens in Tirana”."
        ]
        source_comments = [v.revision.get_comment() for v in Version.objects.get_for_object(source)]
        assert "French translation added." in source_comments
        history = page(publisher_client.get(f"/admin/articles/article/{translation.pk}/history/"))
        assert "Created as the French translation" in history


class TestTheGroupOnEveryForm:
    def test_each_language_with_its_state_and_a_link(self, publisher_client, source, french):
        shared.translation_create(source=source, language="ar")
        html = page(publisher_client.get(change_url(french)))
        panel = html.split('class="nr-group"')[1].split("</section>")[0]
        assert f'href="{change_url(source)}">English</a>' in panel
        assert 'aria-current="page">French</strong>' in panel
        ar = Article.objects.get(language="ar")
        assert f'href="{change_url(ar)}">Arabic</a>' in panel
        assert panel.count("nr-state--draft") == 3
        assert ">source</span>" in panel
        # Only the two languages left are offered.
        offered = panel.split("<select")[1]
        assert "Spanish" in offered and "French" not in offered and "Arabic" not in offered

    def test_source_changed_marks_in_the_group(self, publisher_client, source, french):
        Article.objects.filter(pk=french.pk).update(source_changed_at=timezone.now())
        panel = page(publisher_client.get(change_url(source))).split('class="nr-group"')[1]
        assert "nr-source-changed" in panel.split("</section>")[0]

    def test_a_release_alone_offers_a_translation(self, publisher_client, source):
        html = page(publisher_client.get(change_url(source)))
        assert "Only in English so far." in html


class TestSharedPartsOnATranslation:
    def test_shown_read_only_with_a_note_and_a_link(self, publisher_client, french):
        html = page(publisher_client.get(change_url(french)))
        assert 'name="dateline_city"' not in html
        assert 'name="event"' not in html
        assert 'name="themes"' not in html
        assert 'name="gallery_upload"' not in html
        assert 'name="images-0-credit"' not in html
        assert 'name="images-0-image"' not in html
        assert 'name="images-0-caption"' in html
        assert 'name="images-0-alt_text"' in html
        assert "Shared with the source — edit them there." in html
        assert "The photos are shared with the source" in html
        assert f'href="{change_url(french.source)}"' in html
        assert "European Regional Conference" in html
        # The source's own form has them all.
        source_html = page(publisher_client.get(change_url(french.source)))
        assert 'name="dateline_city"' in source_html
        assert "Shared with the source" not in source_html

    def test_a_forged_post_changes_none_of_them(self, publisher_client, french, source):
        image = french.images.get()
        other = make_event(name="Another event")
        response = save(
            publisher_client,
            french,
            title="La conférence régionale s'ouvre à Tirana",
            dateline_city="Paris",
            event=str(other.pk),
            themes="Nothing shared",
            **{
                "images-0-credit": "Forged",
                "images-0-caption": "La séance d'ouverture",
                "images-0-position": "7",
                "images-0-DELETE": "on",
                "images-TOTAL_FORMS": "2",
                "images-1-alt_text": "A new photo",
                "images-1-caption": "Forged",
                "images-1-position": "1",
            },
            gallery_upload_alt_text="Forged",
        )
        assert response.status_code == 302, response.context["errors"]
        french.refresh_from_db()
        assert french.title == "La conférence régionale s'ouvre à Tirana"
        assert (french.dateline_city, french.event_id) == ("Tirana", source.event_id)
        assert [t.name for t in french.themes.all()] == ["Cybercrime"]
        image.refresh_from_db()
        assert (image.caption, image.credit, image.position) == ("La séance d'ouverture", "", 0)
        assert GalleryImage.objects.filter(article=french).count() == 1

    def test_captions_stay_the_translations_own(self, publisher_client, french, source):
        save(publisher_client, french, **{"images-0-caption": "La séance d'ouverture"})
        assert french.images.get().caption == "La séance d'ouverture"
        assert source.images.get().caption == "The opening session"

    def test_language_of_the_group_is_refused_with_its_name(self, publisher_client, french):
        shared.translation_create(source=french.source, language="es")
        response = save(publisher_client, french, language="es")
        assert response.status_code == 200
        errors = str(response.context["adminform"].form.errors["language"])
        assert "This release already exists in Spanish" in errors
        response = save(publisher_client, french.source, language="fr")
        assert "already exists in French" in str(response.context["adminform"].form.errors)

    def test_a_language_outside_the_group_is_fine(self, publisher_client, french):
        assert save(publisher_client, french, language="de").status_code == 302
        french.refresh_from_db()
        assert french.language == "de"


class TestTimes:
    @pytest.fixture
    def scheduled(self, source):
        source.publish_at = timezone.now() + timedelta(days=2)
        source.save()
        return source

    def test_follow_the_source_while_ticked(self, publisher_client, scheduled):
        french = shared.translation_create(source=scheduled, language="fr")
        html = page(publisher_client.get(change_url(french)))
        assert 'name="follows_source_times"' in html
        assert 'name="publish_at_0"' in html
        # Locked, and a posted time is ignored.
        response = save(
            publisher_client,
            french,
            follows_source_times="on",
            publish_at_0="2030-01-01",
            publish_at_1="09:00",
        )
        assert response.status_code == 302, response.context["errors"]
        french.refresh_from_db()
        assert french.publish_at == scheduled.publish_at

    def test_unticked_they_are_the_translations_own(self, publisher_client, scheduled):
        french = shared.translation_create(source=scheduled, language="fr")
        data = form_data(page(publisher_client.get(change_url(french))), "article_form")
        data.pop("follows_source_times", None)
        data.update(publish_at_0="2030-01-01", publish_at_1="09:00")
        response = publisher_client.post(change_url(french), data)
        assert response.status_code == 302, response.context["errors"]
        french.refresh_from_db()
        assert not french.follows_source_times
        assert (
            timezone.localtime(french.publish_at).strftime("%Y-%m-%d %H:%M") == "2030-01-01 09:00"
        )
        # The source moving its time leaves it alone now.
        save(publisher_client, scheduled, publish_at_0="2031-02-02", publish_at_1="10:00")
        french.refresh_from_db()
        assert french.publish_at.year == 2030
        # Editable on the form, no longer locked.
        html = page(publisher_client.get(change_url(french)))
        assert 'name="publish_at_0" value="2030-01-01"' in html.replace(" disabled", "")

    def test_unticked_without_the_times_keeps_them(self, publisher_client, scheduled):
        french = shared.translation_create(source=scheduled, language="fr")
        data = form_data(page(publisher_client.get(change_url(french))), "article_form")
        data.pop("follows_source_times", None)
        for name in ("publish_at_0", "publish_at_1", "unpublish_at_0", "unpublish_at_1"):
            data.pop(name, None)  # Locked fields are not posted by a browser.
        assert publisher_client.post(change_url(french), data).status_code == 302
        french.refresh_from_db()
        assert french.publish_at == scheduled.publish_at


class TestSourceChanged:
    def change_the_lead(self, client, source):
        response = save(client, source, lead="Police chiefs from 40 countries meet in Tirana.")
        assert response.status_code == 302, response.context["errors"]

    def test_banner_with_the_diff_then_confirmed(self, publisher_client, source, french):
        assert "The source changed on" not in page(publisher_client.get(change_url(french)))
        self.change_the_lead(publisher_client, source)
        french.refresh_from_db()
        assert french.source_changed_at is not None
        html = page(publisher_client.get(change_url(french)))
        assert "The source changed on" in html
        banner = html.split('class="nr-source-changes"')[1].split("</section>")[0]
        assert "<dt>Lead</dt>" in banner
        assert "<del>Tirana for three days.</del><ins>Tirana.</ins>" in banner
        assert "<ins> from 40 countries</ins>" in banner
        assert "Mark as up to date" in banner
        response = publisher_client.post(confirm_url(french), follow=True)
        assert "marked as up to date" in " ".join(messages_of(response))
        french.refresh_from_db()
        assert french.source_changed_at is None
        assert "The source changed on" not in page(publisher_client.get(change_url(french)))
        comments = [v.revision.get_comment() for v in Version.objects.get_for_object(french)]
        assert comments[0].startswith("Marked as up to date with the source")

    def test_confirm_is_a_post(self, publisher_client, french):
        assert publisher_client.get(confirm_url(french)).status_code == 405

    def test_confirm_needs_the_right_to_change(self, client, source, french):
        Article.objects.filter(pk=french.pk).update(source_changed_at=timezone.now())
        user = User.objects.create_user("reader", password="x-Strong-pass-9", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_article"))
        client.force_login(user)
        html = page(client.get(change_url(french)))
        assert "The source changed on" in html
        assert "Mark as up to date" not in html
        assert client.post(confirm_url(french)).status_code == 403
        french.refresh_from_db()
        assert french.source_changed_at is not None

    def test_confirm_of_a_release_that_is_no_translation(self, publisher_client, source):
        assert publisher_client.post(confirm_url(source)).status_code == 404

    def test_long_text_is_shortened_around_the_change(self, publisher_client, source, french):
        words = " ".join(f"word{i}" for i in range(200))
        Article.objects.filter(pk=source.pk).update(body=f"<p>{words}</p>")
        source.refresh_from_db()
        tracking.translation_confirm(translation=french)
        body = source.body.replace("word100 ", "changed ")
        save(publisher_client, source, body=body)
        html = page(publisher_client.get(change_url(french)))
        banner = html.split('class="nr-source-changes"')[1].split("</section>")[0]
        assert "<ins>changed</ins>" in banner or "<ins>changed " in banner
        assert "word10 " not in banner and "…" in banner


class TestTheList:
    @pytest.fixture
    def groups(self, source, french):
        Article.objects.filter(pk=french.pk).update(source_changed_at=timezone.now())
        spanish = shared.translation_create(source=source, language="es")
        alone = make_article(title="A release alone", slug="alone")
        return {"source": source, "fr": french, "es": spanish, "alone": alone}

    def titles(self, client, query="") -> set:
        response = client.get(LIST_URL + query)
        assert response.status_code == 200
        return {article.title for article in response.context["cl"].result_list} | {
            article.slug for article in response.context["cl"].result_list
        }

    def test_filter_on_source_changed(self, publisher_client, groups):
        changed = self.titles(publisher_client, "?translation=changed")
        assert groups["fr"].slug in changed and groups["es"].slug not in changed
        current = self.titles(publisher_client, "?translation=current")
        assert groups["es"].slug in current and groups["fr"].slug not in current
        alone = self.titles(publisher_client, "?translation=none")
        assert {"alone", "tirana-conference"} <= alone and groups["fr"].slug not in alone

    def test_languages_and_marker_in_the_rows(self, publisher_client, groups):
        html = page(publisher_client.get(LIST_URL))
        assert html.count('class="nr-source-changed"') == 1
        assert '<abbr title="French" class="nr-lang--current">FR</abbr>' in html
        assert '<abbr title="English">EN</abbr>' in html
        assert "Translation" in html and "Source changed" in html

    def test_queries_do_not_grow_with_the_rows(self, publisher_client, groups):
        def count() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert publisher_client.get(LIST_URL).status_code == 200
            return len(captured)

        count()  # caches warmed
        before = count()
        for n in range(3):
            other = make_article(title=f"Other {n}", slug=f"other-{n}", themes=["Terrorism"])
            shared.translation_create(source=other, language="fr")
        assert count() == before

    def test_change_form_costs_the_same_in_a_larger_group(self, publisher_client, source, french):
        def count() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert publisher_client.get(change_url(french)).status_code == 200
            return len(captured)

        count()
        before = count()
        shared.translation_create(source=source, language="es")
        shared.translation_create(source=source, language="ar")
        assert count() == before


class TestInTheEditorsLanguage:
    @pytest.mark.parametrize(
        ("language", "heading", "changed"),
        [
            ("fr", "Langues de ce communiqué", "L’original a changé le"),
            ("es", "Idiomas de este comunicado", "El original cambió el"),
            ("ar", "لغات هذا البيان", "تغيّر الأصل في"),
        ],
    )
    def test_the_panel_and_banner_are_translated(
        self, publisher_client, french, language, heading, changed
    ):
        Article.objects.filter(pk=french.pk).update(source_changed_at=timezone.now())
        html = page(publisher_client.get(change_url(french), HTTP_ACCEPT_LANGUAGE=language))
        assert heading in html
        assert changed in html
        assert "Languages of this release" not in html
