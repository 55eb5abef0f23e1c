"""
The release form and list in Chromium, as an editor uses them: no sideways
scrolling at 1024, 1280 and 1920 px with the demo's 13 photos and 3 quotes;
the gallery and quotes reordered by dragging and by keyboard, and the order
saved; themes as chips with suggestions in the existing spelling. Screenshots
are left in test-output/screenshots/ for a person to look at.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.demo import DEMO_SLUG
from articles.models import Article
from tests.browser.test_csp_and_admin import sign_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
WIDTHS = [1024, 1280, 1920]


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"
    # Nor hidden inside a box that scrolls by itself (the list's results table).
    hidden = page.evaluate(
        """() => [...document.querySelectorAll('#content *')].filter((el) => {
            const style = getComputedStyle(el);
            return ['auto', 'scroll'].includes(style.overflowX)
                && el.scrollWidth > el.clientWidth + 1;
        }).map((el) => el.id || el.className)"""
    )
    assert hidden == [], f"these boxes scroll sideways: {hidden}"


def demo_release():
    return Article.objects.get(slug=DEMO_SLUG)


def change_path(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


@pytest.fixture
def publisher_page(new_page, demo):
    def open_at(width):
        staff("pub", "Publishers") if not _exists("pub") else None
        page = new_page(width=width, height=900)
        sign_in(page, demo, "pub")
        return page

    return open_at


def _exists(username) -> bool:
    from django.contrib.auth.models import User

    return User.objects.filter(username=username).exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_change_form_fits_the_window(publisher_page, demo, width):
    article = demo_release()
    assert article.images.count() == 13 and article.quotes.count() == 3
    page = publisher_page(width)
    page.goto(demo.url(change_path(article)))
    expect(page.locator(".nr-card__handle").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"admin-change-{width}.png", full_page=True)
    no_sideways_scroll(page)
    # Save at the top as well as at the bottom.
    assert page.locator(".submit-row input[name=_save]").count() == 2
    # The title is large and full width; the body editor is about 20 lines tall.
    title = page.locator("#id_title").bounding_box()
    main = page.locator("fieldset.nr-main").bounding_box()
    assert title["width"] > main["width"] * 0.8
    editor = page.locator(".nr-main .ProseMirror[contenteditable=true]").bounding_box()
    assert editor["height"] >= 20 * 18
    # The gallery is a grid: several photo cards side by side.
    tops = page.eval_on_selector_all(
        "#images-group .nr-card:not(.empty-form)", "(cards) => cards.map((c) => c.offsetTop)"
    )
    assert len(tops) == 13 and tops.count(tops[0]) >= (2 if width < 1280 else 3)
    assert page.problems.messages == []


@pytest.mark.parametrize("width", WIDTHS)
def test_add_form_fits_the_window(publisher_page, demo, width):
    page = publisher_page(width)
    page.goto(demo.url("/admin/articles/article/add/"))
    page.screenshot(path=SCREENSHOTS / f"admin-add-{width}.png", full_page=True)
    no_sideways_scroll(page)
    page.fill("#id_lead", "x" * 290)
    expect(page.locator("#id_lead-count")).to_have_text("290 / 300")
    page.type("#id_lead", "y" * 11)
    expect(page.locator("#id_lead-count")).to_have_text("301 / 300")
    expect(page.locator("#id_lead-count")).to_have_class("nr-count nr-count--over")


@pytest.mark.parametrize("width", WIDTHS)
def test_release_list_fits_the_window(publisher_page, demo, width):
    page = publisher_page(width)
    page.goto(demo.url("/admin/articles/article/"))
    page.screenshot(path=SCREENSHOTS / f"admin-list-{width}.png", full_page=True)
    no_sideways_scroll(page)
    row = page.locator("#result_list tbody tr").first
    expect(row.locator(".nr-state")).to_be_visible()
    title = row.locator("th").bounding_box()
    assert title["width"] >= 0.35 * page.locator("#result_list").bounding_box()["width"]


def gallery_order(article) -> list[int]:
    return list(article.images.order_by("position", "pk").values_list("pk", flat=True))


def save(page):
    page.locator(".submit-row input[name=_continue]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_gallery_reordered_by_dragging_is_saved(publisher_page, demo):
    article = demo_release()
    before = gallery_order(article)
    page = publisher_page(1280)
    page.goto(demo.url(change_path(article)))
    cards = page.locator("#images-group .nr-card:not(.empty-form)")
    cards.nth(0).locator(".nr-card__handle").drag_to(cards.nth(2))
    page.screenshot(path=SCREENSHOTS / "admin-gallery-dragged.png")
    save(page)
    after = gallery_order(article)
    assert after != before
    assert after[:3] == [before[1], before[2], before[0]]
    assert sorted(after) == sorted(before)


def test_gallery_and_quotes_reordered_by_keyboard_are_saved(publisher_page, demo):
    article = demo_release()
    photos = gallery_order(article)
    quotes = list(article.quotes.order_by("position", "pk").values_list("pk", flat=True))
    page = publisher_page(1280)
    page.goto(demo.url(change_path(article)))
    handle = page.locator("#images-group .nr-card:not(.empty-form) .nr-card__handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#images-group [data-nr-reorder-status]")).to_have_text("Photo 3 / 13")
    quote_handle = page.locator("#quotes-group .nr-card:not(.empty-form) .nr-card__handle").last
    quote_handle.focus()
    page.keyboard.press("ArrowUp")
    save(page)
    assert gallery_order(article)[:3] == [photos[1], photos[2], photos[0]]
    after = list(article.quotes.order_by("position", "pk").values_list("pk", flat=True))
    assert after == [quotes[0], quotes[2], quotes[1]]
    history = page.goto(demo.url(f"/admin/articles/article/{article.pk}/history/"))
    assert history.status == 200
    expect(page.locator("#change-history")).to_contain_text("Quotes reordered; photos reordered.")


def test_theme_chips_offer_the_existing_spelling(publisher_page, demo):
    from taggit.models import Tag

    # The demo's theme is spelled "cybercrime"; the editor types it otherwise.
    article = Article.objects.create(title="Chips", slug="chips", lead="Lead.", status="draft")
    page = publisher_page(1280)
    page.goto(demo.url(change_path(article)))
    chips = page.locator(".nr-chips__input")
    chips.click()
    chips.type("CYBER")
    option = page.locator(".nr-chips__option", has_text="cybercrime")
    expect(option.first).to_have_text("cybercrime")
    # Each letter asked for suggestions: the last answer may draw the list again.
    page.wait_for_load_state("networkidle")
    expect(option.first).to_be_visible()
    # The list drops below the field, aligned with it, not clipped by the row.
    field = page.locator(".nr-chips").bounding_box()
    listed = option.first.bounding_box()
    assert abs(listed["x"] - field["x"]) < 8 and listed["y"] >= field["y"] + field["height"] - 2
    assert page.evaluate(
        """() => { const o = document.querySelector('.nr-chips__option');
            const r = o.getBoundingClientRect();
            return document.elementFromPoint(r.x + 5, r.y + r.height / 2) === o; }"""
    )
    page.screenshot(path=SCREENSHOTS / "admin-theme-chips.png")
    page.keyboard.press("Enter")
    expect(page.locator(".nr-chip")).to_have_text(["cybercrime×"])
    # A new theme may be typed; the same name in another case is not added twice.
    chips.type("Deep fakes")
    expect(page.locator(".nr-chips__option--new")).to_have_text("Deep fakes (new theme)")
    page.keyboard.press("Enter")
    chips.type("Cybercrime,")
    expect(page.locator(".nr-chip")).to_have_text(["cybercrime×", "Deep fakes×"])
    save(page)
    names = sorted(t.name for t in Article.objects.get(pk=article.pk).themes.all())
    assert names == ["Deep fakes", "cybercrime"]
    assert Tag.objects.filter(name__iexact="cybercrime").count() == 1


def test_without_javascript_the_positions_are_fields(new_page, demo):
    staff("pub", "Publishers")
    page = new_page(width=1280, height=900, java_script_enabled=False)
    sign_in(page, demo, "pub")
    page.goto(demo.url(change_path(demo_release())))
    expect(page.locator("#id_images-0-position")).to_be_visible()
    expect(page.locator("#id_quotes-0-position")).to_be_visible()
    assert page.locator(".nr-card__handle").count() == 0
    # Themes stay a text field of names.
    expect(page.locator("#id_themes")).to_be_visible()


def test_block_menu_marker_is_a_glyph_the_fonts_have(publisher_page, demo):
    page = publisher_page(1280)
    page.goto(demo.url(change_path(demo_release())))
    marker = page.eval_on_selector(
        ".prose-menubar__selected", "(el) => getComputedStyle(el, '::after').content"
    )
    assert marker == '"▾"'


def test_a_photo_added_by_hand_shows_its_file_field_last(publisher_page, demo):
    page = publisher_page(1280)
    page.goto(demo.url(change_path(demo_release())))
    page.locator("#images-group .add-row a").click()
    card = page.locator("#images-13")
    expect(card.locator("input[type=file]")).to_be_visible()
    expect(card.locator("[data-nr-number]")).to_have_text("14")
    others = page.eval_on_selector_all(
        "#images-group .nr-card:not(.empty-form):not(#images-13) input[name$=position]",
        "(inputs) => inputs.map((i) => Number(i.value))",
    )
    assert int(card.locator("input[name$=position]").input_value()) == max(others) + 1


def test_an_editor_reading_a_live_release_gets_no_reordering(new_page, demo):
    staff("ed", "Editors")
    page = new_page(width=1280, height=900)
    sign_in(page, demo, "ed")
    page.goto(demo.url(change_path(demo_release())))
    expect(page.locator("#images-group .nr-card").first).to_be_visible()
    assert page.locator(".nr-card__handle").count() == 0
    no_sideways_scroll(page)
