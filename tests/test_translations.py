"""
Translations of a release (articles.translations): a translation is a
release of its own in its group; the group shares event, dateline, themes,
photos (captions per language) and, unless set on purpose, the times; a
change of the source's text marks its translations "source changed".
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.media import access
from articles.models import Article
from articles.translations import group, shared, tracking
from tests.factories import make_article, make_event, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    article = make_article(
        title="Regional conference opens in Tirana",
        slug="tirana-conference",
        lead="Police chiefs meet in Tirana.",
        body="<p>Some 160 senior police representatives attend.</p>",
        dateline_city="Tirana",
        dateline_country="Albania",
        event=make_event(name="European Regional Conference"),
        reference="PR/2024/15",
        themes=["Cybercrime", "Drug trafficking"],
    )
    make_quote(article, make_speaker(name="Valdecy Urquiza"), text="We act together.", position=0)
    make_quote(article, make_speaker(name="Ilir Proda"), text="Welcome to Tirana.", position=1)
    make_image(article, caption="The opening session", alt_text="Delegates in the hall")
    return article


class TestMakingATranslation:
    def test_a_draft_in_the_chosen_language_prefilled_from_the_source(self, source):
        translation = shared.translation_create(source=source, language="fr")
        assert translation.status == Article.Status.DRAFT
        assert translation.language == "fr"
        assert translation.source == source
        assert translation.slug == "tirana-conference-fr"
        assert (translation.title, translation.lead) == (source.title, source.lead)
        assert translation.reference == "PR/2024/15"
        assert [(q.speaker.name, q.text, q.position) for q in translation.quotes.all()] == [
            ("Valdecy Urquiza", "We act together.", 0),
            ("Ilir Proda", "Welcome to Tirana.", 1),
        ]
        assert translation.event_id == source.event_id
        assert translation.dateline == "TIRANA, Albania"
        assert sorted(t.name for t in translation.themes.all()) == [
            "Cybercrime",
            "Drug trafficking",
        ]
        # The same stored photo, with a caption of its own to translate.
        (photo,) = translation.images.all()
        (original,) = source.images.all()
        assert photo.pk != original.pk
        assert photo.image.name == original.image.name
        assert photo.renditions == original.renditions
        assert photo.caption == "The opening session"
        assert translation.source_changed_at is None

    def test_one_translation_per_language_and_none_in_the_source_language(self, source):
        shared.translation_create(source=source, language="fr")
        for language in ("fr", "en"):
            with pytest.raises(ValidationError):
                shared.translation_create(source=source, language=language)
        assert source.translations.count() == 1

    def test_a_translation_of_a_translation_joins_the_source_group(self, source):
        french = shared.translation_create(source=source, language="fr")
        spanish = shared.translation_create(source=french, language="es")
        assert spanish.source == source
        assert {a.language for a in group.members(french)} == {"en", "fr", "es"}


class TestSharedParts:
    def test_the_source_edited_once_changes_every_translation(self, source):
        french = shared.translation_create(source=source, language="fr")
        french.images.update(caption="La séance d'ouverture")
        other = make_event(name="Another conference")
        source.event = other
        source.dateline_city = "Durrës"
        source.save()
        source.themes.set(["Cybercrime", "Border security"])
        make_image(source, caption="Group photo", position=1)
        shared.group_sync(source)
        french.refresh_from_db()
        assert french.event == other
        assert french.dateline_city == "Durrës"
        assert sorted(t.name for t in french.themes.all()) == ["Border security", "Cybercrime"]
        # The new photo arrives; the translated caption stays.
        assert [p.caption for p in french.images.order_by("position")] == [
            "La séance d'ouverture",
            "Group photo",
        ]

    def test_a_photo_removed_from_the_source_leaves_the_translations(self, source):
        french = shared.translation_create(source=source, language="fr")
        source.images.get().delete()
        shared.group_sync(source)
        assert not french.images.exists()

    def test_the_lead_photo_follows_the_source(self, source):
        second = make_image(source, caption="Second", position=1)
        french = shared.translation_create(source=source, language="fr")
        source.lead_image = second
        source.save()
        shared.group_sync(source)
        french.refresh_from_db()
        assert french.lead_image.image.name == second.image.name
        assert french.lead_image.article_id == french.pk

    def test_a_shared_photo_is_public_while_any_release_showing_it_is(self, source):
        french = shared.translation_create(source=source, language="fr")
        name = source.images.get().image.name
        source.status = Article.Status.DRAFT
        source.save()
        owner = access.owner_of(name)
        assert owner.article_ids == {source.pk, french.pk}
        assert not owner.is_public()
        french.status = Article.Status.PUBLISHED
        french.save()
        assert access.owner_of(name).is_public()


class TestReleasedTogether:
    def test_the_source_times_govern_translations_unless_set_on_purpose(self, source):
        lift = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=3)
        french = shared.translation_create(source=source, language="fr")
        spanish = shared.translation_create(source=source, language="es")
        spanish.follows_source_times = False
        spanish.publish_at = lift + timedelta(days=1)
        spanish.save()
        source.publish_at = lift
        source.unpublish_at = lift + timedelta(days=30)
        source.save()
        shared.group_sync(source)
        french.refresh_from_db()
        spanish.refresh_from_db()
        assert (french.publish_at, french.unpublish_at) == (lift, lift + timedelta(days=30))
        assert spanish.publish_at == lift + timedelta(days=1)

    def test_an_embargoed_group_lifts_for_every_approved_language_at_the_same_second(self, source):
        lift = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=3)
        translations = [
            shared.translation_create(source=source, language=code) for code in ("fr", "ar")
        ]
        for translation in translations:
            translation.status = Article.Status.PUBLISHED
            translation.save()
        source.publish_at = lift
        source.save()
        shared.group_sync(source)
        with time_machine.travel(lift - timedelta(seconds=1)):
            assert group.public_versions(source) == []
        with time_machine.travel(lift):
            assert [a.language for a in group.public_versions(source)] == ["en", "fr", "ar"]


class TestSourceChanged:
    def test_a_change_of_the_source_text_marks_the_translation_with_the_diff(self, source):
        french = shared.translation_create(source=source, language="fr")
        source.lead = "Police chiefs from 40 countries meet in Tirana."
        source.save()
        shared.group_sync(source)
        french.refresh_from_db()
        assert french.source_changed_at is not None
        (change,) = tracking.pending_changes(french)
        assert change.field == "lead"
        assert ("added", "from 40 countries ") in change.runs or any(
            kind == "added" and "40 countries" in text for kind, text in change.runs
        )
        assert Article.objects.filter(source_changed_at__isnull=False).get() == french

    def test_a_changed_quote_counts_and_confirming_clears_the_mark(self, source):
        french = shared.translation_create(source=source, language="fr")
        quote = source.quotes.get(position=1)
        quote.text = "Welcome to Tirana, and to Albania."
        quote.save()
        shared.group_sync(source)
        french.refresh_from_db()
        assert [c.field for c in tracking.pending_changes(french)] == ["quotes"]
        tracking.translation_confirm(translation=french)
        french.refresh_from_db()
        assert french.source_changed_at is None
        assert tracking.pending_changes(french) == []

    def test_a_change_taken_back_unmarks_and_shared_parts_never_mark(self, source):
        french = shared.translation_create(source=source, language="fr")
        source.title = "Changed"
        source.save()
        shared.group_sync(source)
        source.title = "Regional conference opens in Tirana"
        source.dateline_city = "Durrës"
        source.save()
        shared.group_sync(source)
        french.refresh_from_db()
        assert french.source_changed_at is None

    def test_the_diff_reads_body_text_without_markup(self):
        before = {"body": "First paragraph.\nSecond one."}
        after = {
            "body": tracking.plain_paragraphs(
                "<p>First paragraph.</p><p>Second <b>new</b> one.</p>"
            )
        }
        (change,) = tracking.changes(before, after)
        assert ("added", "new ") in change.runs
        assert all("<" not in text for _kind, text in change.runs)
