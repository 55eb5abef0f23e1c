"""
Right to left: an Arabic release read in Arabic, in Chromium.

The demo release is rewritten in Arabic (its speakers, contacts, photo credits
and reference number stay Latin, as they would), and read with an Arabic
interface. The English demo page is the left-to-right counterpart.
"""

import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from articles.demo import DEMO_SLUG, PHOTO_COUNT
from tests.browser.pages import load_lazy_images, open_lightbox, wait_until
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_gallery import swipe

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

ARABIC = {
    "title": "الجريمة المنظمة في صدارة جدول الأعمال مع اجتماع قادة الشرطة الأوروبيين في تيرانا",
    "lead": (
        "يلتقي قادة الشرطة من أنحاء أوروبا في تيرانا ثلاثة أيام للاتفاق على طريقة التصدي"
        " لجريمة منظمة تنمو أسرع من أي وقت مضى، إلى جانب الجرائم الإلكترونية والهجرة"
        " والاتجار بالمخدرات."
    ),
    "body": (
        "<p>يُعقد المؤتمر الإقليمي الأوروبي لمنظمة INTERPOL من 11 إلى 13 يونيو 2024"
        " ويشارك فيه نحو 200 مندوب من 50 بلدًا.</p>"
        '<p>البرنامج الكامل على <a href="https://www.interpol.int/">https://www.interpol.int/</a>'
        " ويمكن للصحفيين الكتابة إلى"
        " press@newsroom.example.</p>"
    ),
    "quotes": [
        "جرائم اليوم عابرة للحدود أكثر فأكثر.",
        "تحتاج أوروبا إلى استجابة شرطية موحدة واستراتيجية لهذه المشكلات المستمرة.",
        "لا يمكننا مواجهة هذه التحديات إلا معًا.",
    ],
    "caption": "المندوبون في الجلسة رقم %d من المؤتمر.",
}


def demo_release():
    from articles.models import Article

    return Article.objects.get(slug=DEMO_SLUG)


def page_url(demo, path_of, language):
    """
    The address of a page in ``language``: reversed under the language, it
    carries the language's prefix (/ar/…), which chooses the interface.
    """
    with translation.override(language):
        return demo.url(path_of())


@pytest.fixture
def arabic_release(demo):
    """The demo release, in Arabic."""
    from articles.models import GalleryImage

    release = demo_release()
    for quote, text in zip(release.quotes.order_by("position"), ARABIC["quotes"], strict=True):
        quote.text = text
        quote.context = ""
        quote.save()
    for number, image in enumerate(release.images.order_by("position"), start=1):
        GalleryImage.objects.filter(pk=image.pk).update(caption=ARABIC["caption"] % number)
    release.language = "ar"
    release.title = ARABIC["title"]
    release.lead = ARABIC["lead"]
    release.body = ARABIC["body"]
    release.save()  # a new fingerprint: no cached part of the English page is reused
    return release


def open_page(new_page, url, *, language, width=1280, height=800, **options):
    page = new_page(width=width, height=height, locale=language, **options)
    response = page.goto(url)
    assert response is not None and response.ok, url
    expect(page.locator(".gallery__link")).to_have_count(PHOTO_COUNT)
    return page


@pytest.fixture
def open_arabic(new_page, demo, arabic_release):
    def open_it(**options):
        url = page_url(demo, arabic_release.get_absolute_url, "ar")
        return open_page(new_page, url, language="ar", **options)

    return open_it


@pytest.fixture
def open_english(new_page, demo):
    release = demo_release()

    def open_it(**options):
        url = page_url(demo, release.get_absolute_url, "en")
        return open_page(new_page, url, language="en", **options)

    return open_it


def box(page, selector, nth=0):
    return page.locator(selector).nth(nth).bounding_box()


def right_edge(b):
    return b["x"] + b["width"]


def test_the_arabic_release_page_is_laid_out_right_to_left(open_arabic):
    page = open_arabic()
    assert page.evaluate("document.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    # The release is in the page's language: nothing of it says otherwise, but
    # for the organisation's notes to editors, a boilerplate in English.
    assert page.locator(".release [lang]:not(.notes *)").count() == 0
    assert page.locator(".notes [lang='en'][dir='ltr']").count() == 4

    main = box(page, "main")
    padding = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('main')).paddingRight)"
    )
    content_right = right_edge(main) - padding
    # The breadcrumb trail and the title start at the right edge.
    first_crumb, second_crumb = box(page, ".breadcrumbs li", 0), box(page, ".breadcrumbs li", 1)
    assert abs(right_edge(first_crumb) - content_right) <= 1
    assert second_crumb["x"] < first_crumb["x"]
    title = page.locator(".release__title")
    assert title.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert abs(right_edge(title.bounding_box()) - content_right) <= 1
    # The aside is on the left, after the main column that starts on the right.
    assert box(page, ".release__aside")["x"] < box(page, ".release__main")["x"]
    # The quotes' rule is on their reading side.
    quote = page.locator(".quote").first
    assert quote.evaluate("el => getComputedStyle(el).borderRightWidth") == "4px"
    assert quote.evaluate("el => getComputedStyle(el).borderLeftWidth") == "0px"

    load_lazy_images(page)
    first, second, fourth = (box(page, ".gallery__link", n) for n in (0, 1, 3))
    assert first["y"] == second["y"] and second["x"] < first["x"], "the first photo is rightmost"
    assert abs(right_edge(first) - content_right) <= 1
    assert fourth["y"] > first["y"]


def test_the_breadcrumb_arrow_points_the_way_the_page_reads(open_arabic, open_english):
    separator = "getComputedStyle(document.querySelector('.breadcrumbs li + li'), '::before')"
    arabic = open_arabic()
    assert arabic.evaluate(f"{separator}.transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    english = open_english()
    assert english.evaluate(f"{separator}.transform") == "none"


def test_data_in_an_arabic_page_keeps_its_own_direction(open_arabic):
    page = open_arabic()
    phone = page.locator(".contact__ways a[href^='tel:'] [dir='ltr']").first
    expect(phone).to_have_text("+33 4 72 00 00 01")
    email = page.locator(".contact__ways a[href^='mailto:'] [dir='ltr']").first
    expect(email).to_have_text("press@newsroom.example")
    for locator in (phone, email):
        assert locator.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    # The phone number reads left to right: its "+" comes first on screen.
    assert page.evaluate(
        """(() => {
            const span = document.querySelector(".contact__ways a[href^='tel:'] [dir='ltr']");
            const text = span.firstChild, range = document.createRange();
            range.setStart(text, 0); range.setEnd(text, 1);
            const plus = range.getBoundingClientRect();
            range.setStart(text, text.length - 1); range.setEnd(text, text.length);
            return plus.left < range.getBoundingClientRect().left;
        })()"""
    )
    expect(page.locator(".release__ref bdi")).to_have_text("PR-2024-061")
    expect(page.locator(".quote__name bdi").first).to_have_text("Taulant Balla")
    for time in page.locator(".release__meta time").all():
        assert time.get_attribute("dir") == "auto"


def test_an_english_release_in_an_arabic_page_is_marked_as_english(new_page, demo):
    release = demo_release()
    page = open_page(new_page, page_url(demo, release.get_absolute_url, "ar"), language="ar")
    assert page.evaluate("document.dir") == "rtl"
    for selector in (".release__title", ".release__lead", ".release__body", ".quote__text"):
        element = page.locator(selector).first
        assert element.get_attribute("lang") == "en", selector
        assert element.evaluate("el => getComputedStyle(el).direction") == "ltr", selector
    # The interface around it stays Arabic and right to left.
    meta = page.locator(".release__meta")
    assert meta.evaluate("el => getComputedStyle(el).direction") == "rtl"
    open_lightbox(page)
    expect(page.locator(".lightbox__text")).to_have_attribute("lang", "en")
    expect(page.locator(".lightbox__text")).to_have_attribute("dir", "ltr")


def counter(page):
    return page.locator(".lightbox__counter")


@pytest.mark.parametrize(
    ("language", "forward", "back"),
    [("ar", "ArrowLeft", "ArrowRight"), ("en", "ArrowRight", "ArrowLeft")],
)
def test_lightbox_arrow_keys_follow_the_reading_direction(
    open_arabic, open_english, language, forward, back
):
    page = open_arabic() if language == "ar" else open_english()
    # "2 من 13": a bare "2 / 13" would show as "13 / 2" in right-to-left text.
    of = "من" if language == "ar" else "/"
    links = page.locator(".gallery__link")
    links.nth(1).focus()
    page.keyboard.press("Enter")
    expect(counter(page)).to_have_text(f"2 {of} {PHOTO_COUNT}")

    page.keyboard.press(forward)
    expect(counter(page)).to_have_text(f"3 {of} {PHOTO_COUNT}")
    page.keyboard.press(back)
    page.keyboard.press(back)
    expect(counter(page)).to_have_text(f"1 {of} {PHOTO_COUNT}")

    # Previous sits where reading starts, next where it goes.
    previous, next_ = box(page, ".lightbox__previous"), box(page, ".lightbox__next")
    if language == "ar":
        assert next_["x"] < previous["x"]
    else:
        assert previous["x"] < next_["x"]
    dialog = page.get_by_role("dialog")
    dialog.get_by_role(
        "button", name=page.locator(".lightbox__next").get_attribute("aria-label")
    ).click()
    expect(counter(page)).to_have_text(f"2 {of} {PHOTO_COUNT}")

    page.keyboard.press("Escape")
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    wait_until(page, "document.activeElement === document.querySelectorAll('.gallery__link')[1]")


def test_arabic_lightbox_buttons_are_labelled_in_arabic(open_arabic):
    page = open_arabic()
    open_lightbox(page)
    dialog = page.get_by_role("dialog")
    for name in ("previous", "next", "close"):
        label = page.locator(f".lightbox__{name}").get_attribute("aria-label")
        assert label and not any("a" <= ch.lower() <= "z" for ch in label), label
        expect(dialog.get_by_role("button", name=label, exact=True)).to_be_visible()
    # The photo's size is data: left to right, as on the page.
    expect(page.locator(".lightbox__download [dir='ltr']")).to_have_text(
        re.compile(r"^1200 × 800 px, [\d.]+ KB$")
    )
    # The arrow icons are drawn mirrored: previous points right, next left.
    for name in ("previous", "next"):
        icon = page.locator(f".lightbox__icon--{name}")
        assert icon.evaluate("el => getComputedStyle(el).transform") == "matrix(-1, 0, 0, 1, 0, 0)"


def test_a_swipe_towards_the_right_shows_the_next_photo_in_arabic(open_arabic):
    page = open_arabic(width=375, height=740, has_touch=True, is_mobile=True)
    page.locator(".gallery__link").first.tap()
    expect(counter(page)).to_have_text(f"1 من {PHOTO_COUNT}")
    stage = box(page, ".lightbox__stage")
    y = stage["y"] + stage["height"] / 2
    left, right = stage["x"] + stage["width"] * 0.2, stage["x"] + stage["width"] * 0.8
    swipe(page, from_x=left, to_x=right, y=y)
    expect(counter(page)).to_have_text(f"2 من {PHOTO_COUNT}")
    swipe(page, from_x=right, to_x=left, y=y)
    expect(counter(page)).to_have_text(f"1 من {PHOTO_COUNT}")


def test_the_arabic_release_page_has_no_serious_axe_violations(open_arabic):
    page = open_arabic()
    blocking, report = blocking_violations(page)
    assert not blocking, report
    open_lightbox(page)
    blocking, report = blocking_violations(page)
    assert not blocking, report


@pytest.mark.parametrize("width", [375, 1280])
def test_arabic_release_fits_the_screen(open_arabic, width):
    """Leaves screenshots in test-output/screenshots/ for a person to look at."""
    page = open_arabic(width=width, height=812 if width < 600 else 800, reduced_motion="reduce")
    load_lazy_images(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("window.scrollX") == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"release-ar-{width}.png", full_page=True)
    open_lightbox(page)
    page.screenshot(path=SCREENSHOTS / f"lightbox-ar-{width}.png")
    assert page.problems.messages == []
