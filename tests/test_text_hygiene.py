"""
Bidi controls and zero-width characters cannot reorder or disguise text:
one-line fields and theme names keep none, longer text keeps its languages'
joiners and marks but every directional run is an isolate closed on its line.
"""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from taggit.models import Tag

from articles.html import sanitize_body
from articles.models import Article, GalleryImage, Quote, Speaker
from tests.factories import make_article, make_event, make_image, make_quote, make_speaker
from tests.test_admin import ADD_URL, add_quotes, release_form
from tests.test_bundles import SMALL_IMAGES, run, small_bundle, write_bundle

pytestmark = pytest.mark.django_db

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"
LRM, RLM = "\u200e", "\u200f"
BIDI_CONTROLS = LRE + RLE + PDF + LRO + RLO + LRI + RLI + FSI + PDI
ONE_LINE_FORBIDDEN = BIDI_CONTROLS + ZWSP + ZWNJ + ZWJ + WJ + BOM + LRM + RLM
# Every kind at once, as a pasted or hostile value might carry them.
NASTY = f"{RLO}gnp.exe{PDF} {LRE}x{RLE}y{LRO}z {RLI}{FSI}{LRI}{ZWSP}{ZWNJ}{ZWJ}{WJ}{BOM}{LRM}{RLM}"

ARABIC = "الإنتربول"
MIXED = "Tirana تيرانا 2024"
PERSIAN = f"می{ZWNJ}خواهم"  # "I want": ZWNJ keeps the two parts from joining


def one_line_values(obj: models.Model) -> dict[str, str]:
    return {
        f.name: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if isinstance(f, models.CharField)
    }


def has_any(value: str, characters: str) -> bool:
    return any(c in value for c in characters)


def isolated_on_every_line(text: str) -> bool:
    """No embeddings or overrides; every isolate closed on its line, no closer without opener."""
    if has_any(text, LRE + RLE + PDF + LRO + RLO):
        return False
    for line in text.split("\n"):
        depth = 0
        for char in line:
            if char in LRI + RLI + FSI:
                depth += 1
            elif char == PDI:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return True


class TestOneLineFields:
    def test_no_bidi_or_zero_width_character_survives_a_save(self):
        speaker = make_speaker(
            name=f"Jurgen{NASTY} Stock",
            slug=f"jurgen-stock{ZWSP}",
            role=f"Secretary General{NASTY}",
            organisation=f"INTERPOL{NASTY}",
            country=f"Germany{NASTY}",
        )
        event = make_event(
            name=f"Conference{NASTY}",
            venue=f"Hall{NASTY}",
            city=f"Tirana{NASTY}",
            country=f"Albania{NASTY}",
            link=f"https://example.org/{ZWSP}conference",
        )
        article = make_article(
            title=f"Police chiefs meet{NASTY}",
            dateline_city=f"TIRANA{RLO}",
            dateline_country=f"Albania{NASTY}",
            reference=f"PR-2024{NASTY}",
            event=event,
        )
        quote = make_quote(article, speaker, context=f"opening{NASTY}")
        image = make_image(
            article,
            alt_text=f"Delegates{NASTY}",
            credit=f"Jane Doe{NASTY}",
            licence=f"Editorial use{NASTY}",
        )
        for obj in (speaker, event, article, quote, image):
            obj.refresh_from_db()
            values = one_line_values(obj)
            assert not [n for n, v in values.items() if has_any(v, ONE_LINE_FORBIDDEN)], values
        assert speaker.slug == "jurgen-stock"
        assert speaker.role == "Secretary Generalgnp.exe xyz "
        assert event.link == "https://example.org/conference"
        assert article.dateline == "TIRANA, Albaniagnp.exe xyz "

    def test_arabic_in_a_one_line_field_is_kept(self):
        speaker = make_speaker(name=ARABIC, role=MIXED)
        speaker.refresh_from_db()
        assert (speaker.name, speaker.role) == (ARABIC, MIXED)

    def test_alt_text_of_invisible_characters_only_is_no_alt_text(self):
        image = GalleryImage(article=make_article(), alt_text=f"{ZWSP}{RLO} ")
        with pytest.raises(ValidationError) as exc:
            image.clean()
        assert "alt_text" in exc.value.message_dict


class TestLongText:
    def test_runs_are_isolates_closed_on_their_line(self):
        text = f"Before {RLO}gnp.exe{PDF} after {RLI}open\n\n{PDI}next {LRE}embedded"
        speaker = make_speaker(bio=text)
        event = make_event(description=text)
        article = make_article(lead=text, event=event)
        quote = make_quote(article, speaker, text=text)
        image = make_image(article, caption=text)
        expected = f"Before {RLI}gnp.exe{PDI} after {RLI}open{PDI}\n\nnext {LRI}embedded{PDI}"
        for obj, name in [
            (speaker, "bio"),
            (event, "description"),
            (article, "lead"),
            (quote, "text"),
            (image, "caption"),
        ]:
            obj.refresh_from_db()
            assert getattr(obj, name) == expected, name
            assert isolated_on_every_line(getattr(obj, name))

    def test_zero_width_space_and_bom_go_joiners_and_marks_stay(self):
        speaker = make_speaker(bio=f"{BOM}Stock{ZWSP} said {PERSIAN}, {LRM}(2024){RLM} 👩{ZWJ}💻")
        speaker.refresh_from_db()
        assert speaker.bio == f"Stock said {PERSIAN}, {LRM}(2024){RLM} 👩{ZWJ}💻"

    def test_arabic_and_a_persian_joiner_survive_in_a_quote(self):
        text = f"{ARABIC}\n\n{MIXED}\n\n{PERSIAN}"
        quote = make_quote(make_article(), text=text, context=MIXED)
        quote.refresh_from_db()
        assert (quote.text, quote.context) == (text, MIXED)
        assert quote.paragraphs == [ARABIC, MIXED, PERSIAN]

    def test_a_paragraph_with_an_unclosed_isolate_is_closed_before_the_next(self, client):
        article = make_article()
        quote = make_quote(article, text=f"First {RLI}{ARABIC}\n\nSecond paragraph.")
        quote.refresh_from_db()
        assert quote.paragraphs == [f"First {RLI}{ARABIC}{PDI}", "Second paragraph."]
        html = client.get(article.get_absolute_url()).content.decode()
        assert f"<p>First {RLI}{ARABIC}{PDI}</p><p>Second paragraph.</p>" in html

    def test_saving_again_changes_nothing(self):
        quote = make_quote(make_article(), text=f"{RLO}a\n{RLI}b{PDI}{PDI}\nc{RLI}")
        cleaned = quote.text
        quote.save()
        quote.refresh_from_db()
        assert quote.text == cleaned == f"{RLI}a{PDI}\n{RLI}b{PDI}\nc{RLI}{PDI}"


class TestBody:
    def test_text_follows_the_long_text_rule_and_attributes_the_one_line_rule(self):
        body = (
            f"<p>{RLO}abc <strong>b{RLI}old</strong> d{PDI}{ZWSP}</p>"
            f'<p><a href="https://example.org/{ZWSP}x" title="t{RLO}">l&#x202E;ink</a></p>'
            f"<p>{PERSIAN}</p>"
        )
        article = make_article(body=body)
        article.refresh_from_db()
        assert article.body == (
            f"<p>{RLI}abc {PDI}<strong>b{RLI}old{PDI}</strong> d</p>"
            '<p><a href="https://example.org/x" title="t" rel="noopener noreferrer">'
            f"l{RLI}ink{PDI}</a></p>"
            f"<p>{PERSIAN}</p>"
        )

    def test_direction_markup_is_not_allowed(self):
        body = (
            '<p dir="rtl" style="direction: rtl; unicode-bidi: bidi-override">a</p>'
            '<p><bdo dir="rtl">b</bdo><bdi>c</bdi><span dir="rtl">d</span></p>'
        )
        assert sanitize_body(body) == "<p>a</p><p>bcd</p>"

    def test_a_body_of_invisible_characters_is_empty(self):
        assert sanitize_body(f"<p>{ZWSP}{BOM}</p>") == ""


class TestPublicPages:
    def test_dateline_shows_without_the_override(self, client):
        article = make_article(dateline_city=f"TIRANA{RLO}", dateline_country="Albania")
        html = client.get(article.get_absolute_url()).content.decode()
        assert "TIRANA, Albania" in html
        assert RLO not in html


class TestThemes:
    def test_zero_width_space_is_removed_from_a_theme_name(self):
        article = make_article(themes=[f"cyber{ZWSP}crime", f"{RLO}fraud"])
        assert sorted(article.themes.names()) == ["cybercrime", "fraud"]
        assert sorted(Tag.objects.values_list("slug", flat=True)) == ["cybercrime", "fraud"]

    def test_never_a_visually_identical_duplicate(self):
        make_article(themes=["cybercrime"])
        article = make_article()
        # Taggit looks the name up before saving cleans it: the new name then
        # clashes with the existing one, and the database refuses it.
        with contextlib.suppress(IntegrityError), transaction.atomic():
            article.themes.add(f"cyber{ZWSP}crime")
        assert list(Tag.objects.values_list("name", flat=True)) == ["cybercrime"]

    def test_a_look_alike_of_a_theme_in_the_same_case_is_that_theme(self):
        """Not a second, identical-looking theme, nor a unique-name error."""
        first = make_article(themes=["cybercrime"])
        second = make_article(themes=[f"cyber{ZWSP}crime", f"{ZWSP}"])
        second.themes.add("cyber\u2060crime")
        assert Tag.objects.count() == 1
        assert list(second.themes.names()) == list(first.themes.names()) == ["cybercrime"]

    def test_a_name_with_a_zero_width_space_joins_the_existing_theme(self):
        make_article(themes=["Cybercrime"])
        article = make_article(themes=[f"cyber{ZWSP}crime"])
        assert article.themes.names()[0] == "Cybercrime"
        assert Tag.objects.count() == 1


class TestAdmin:
    def test_the_add_form_saves_cleaned_values(self, admin_client):
        speaker = make_speaker()
        data = release_form(
            title=f"Regional{RLO} conference opens",
            dateline_city=f"Tirana{RLO}",
            lead=f"Police leaders meet {RLI}{ARABIC}",
            themes=f"organized crime, cyber{ZWSP}crime",
        )
        add_quotes(data, (speaker, f"First {RLI}{ARABIC}\n\nSecond {PERSIAN}."))
        response = admin_client.post(ADD_URL, data)
        assert response.status_code == 302, response.context["errors"] if response.context else ""
        article = Article.objects.get(slug="regional-conference-opens")
        assert (article.title, article.dateline_city) == ("Regional conference opens", "Tirana")
        assert article.lead == f"Police leaders meet {RLI}{ARABIC}{PDI}"
        assert sorted(article.themes.names()) == ["cybercrime", "organized crime"]
        assert article.quotes.get().paragraphs == [
            f"First {RLI}{ARABIC}{PDI}",
            f"Second {PERSIAN}.",
        ]


class TestBundleImport:
    def test_body_is_cleaned_as_by_the_admin(self, tmp_path):
        document = small_bundle()
        document["releases"][0]["body"] = f"<p>{RLO}abc</p><p>{ZWSP}</p>"
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        assert Article.objects.get().body == f"<p>{RLI}abc{PDI}</p><p></p>"

    def test_every_text_field_is_cleaned(self, tmp_path):
        document = small_bundle()
        release = document["releases"][0]
        release["title"] = f"Police chiefs meet{RLO}"
        release["dateline"]["city"] = f"TIRANA{RLO}"
        release["lead"] = f"Lead {RLI}open"
        release["themes"] = [f"cyber{ZWSP}crime"]
        release["quotes"][0]["text"] = f"Q {RLI}open\n\nnext"
        document["speakers"][0]["role"] = f"Secretary{RLO} General"
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        article = Article.objects.get()
        assert article.title == "Police chiefs meet"
        assert article.dateline_city == "TIRANA"
        assert isolated_on_every_line(article.lead)
        assert isolated_on_every_line(Quote.objects.get().text)
        assert Speaker.objects.get().role == "Secretary General"
        assert article.themes.names()[0] == "cybercrime"
