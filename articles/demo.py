"""
The demo: a release built on the facts of INTERPOL's 2024 European Regional
Conference in Tirana, and a few shorter releases so lists are not empty.

The text is Newsroom's own; the only words taken from the original release are
the three short quotations, attributed to their speakers. The photos are
generated. The conference release is also in French, Spanish and Arabic
(articles.demo_translations), one group of translations with the English one.
"""

from __future__ import annotations

import io
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFilter
from taggit.models import Tag

from articles import images, press, search, services
from articles.demo_translations import BOILERPLATES, THEME_NAMES, TRANSLATIONS
from articles.models import (
    Article,
    ArticleContact,
    Boilerplate,
    Contact,
    Correction,
    Event,
    Quote,
    Speaker,
    ThemeNames,
)
from articles.translations import shared, tracking

DEMO_SLUG = "european-regional-conference-tirana-2024"
DEMO_THEMES = [
    "organized crime",
    "cybercrime",
    "migration",
    "drug trafficking",
    "terrorism",
    "climate change",
]
PHOTO_SIZE = (2400, 1600)
PHOTO_COUNT = 13

SPEAKERS = [
    {
        "slug": "taulant-balla",
        "name": "Taulant Balla",
        "role": "Interior Minister of Albania",
        "organisation": "Government of Albania",
        "country": "Albania",
        "bio": "Minister responsible for Albania's State Police; host of the 2024 conference.",
    },
    {
        "slug": "ahmed-naser-al-raisi",
        "name": "Ahmed Naser Al-Raisi",
        "role": "INTERPOL President",
        "organisation": "INTERPOL",
        "country": "United Arab Emirates",
        "bio": "Elected President of INTERPOL by its General Assembly.",
    },
    {
        "slug": "jurgen-stock",
        "name": "Jurgen Stock",
        "role": "Secretary General of INTERPOL",
        "organisation": "INTERPOL",
        "country": "Germany",
        "bio": "Head of INTERPOL's General Secretariat in Lyon.",
    },
]

QUOTES = [
    ("taulant-balla", "Today’s crimes are increasingly international.", "opening the conference"),
    (
        "ahmed-naser-al-raisi",
        "Europe requires a unified and strategic policing response to these ongoing issues.",
        "",
    ),
    ("jurgen-stock", "We can only take on these challenges together.", ""),
]

EVENT = {
    "slug": "european-regional-conference-2024",
    "name": "INTERPOL European Regional Conference 2024",
    "venue": "Conference centre",
    "city": "Tirana",
    "country": "Albania",
    "start_date": date(2024, 6, 11),
    "end_date": date(2024, 6, 13),
    "expected_participants": 160,
    "description": (
        "Three days on emerging security threats in Europe: organized crime and its spread "
        "across borders, the future of policing, migration, cyber-enabled crime and drug "
        "trafficking."
    ),
}

BODY = """
<p>Senior police representatives from across Europe and beyond, some 160 of them, are meeting
in the Albanian capital from 11 to 13 June for three days of talks on the security threats the
region faces now and those it expects next.</p>
<p>Organized crime, and how quickly it now crosses borders, sets the agenda. Delegations will
also look at migration, crime that relies on the internet, and the trafficking of drugs, and at
what policing itself will need to change to keep up.</p>
<h2>Building on the Vienna Declaration</h2>
<p>The meeting follows the declaration adopted at the General Assembly in Vienna in November
2023, which set out long-term steps against organized crime: political priority at the highest
level, more investment in technology, support for officers on the front line, and more
cooperation and sharing of information between countries.</p>
<p>Europe is the most active region in the use of the Organization's databases, accounting for
about 4.2 billion searches in 2023, close to half of all checks made worldwide.</p>
"""

# The press office behind the demo: invented people, reserved example numbers and addresses.
CONTACTS = [
    {
        "slug": "claire-dubois",
        "name": "Claire Dubois",
        "role": "Press officer",
        "organisation": "INTERPOL Press Office (demo)",
        "phone": "+33 4 72 00 00 01",
        "email": "press@newsroom.example",
        "languages": "English, French",
        "is_default": True,
        "position": 1,
    },
    {
        "slug": "arben-kola",
        "name": "Arben Kola",
        "role": "Media relations, conference desk",
        "organisation": "INTERPOL Press Office (demo)",
        "phone": "+355 4 200 0001",
        "email": "tirana-media@newsroom.example",
        "languages": "Albanian, English, Italian",
        "is_default": False,
        "position": 2,
    },
]

BOILERPLATE = {
    "organisation": "INTERPOL",
    "language": "en",
    "heading": "About INTERPOL",
    "text": (
        "INTERPOL is the international police organisation through which police forces of "
        "196 member countries share information and work together on crime that crosses "
        "borders.\n\n"
        "Its General Secretariat is in Lyon, France; regional bureaus and a National Central "
        "Bureau in each member country connect officers to its databases and to each other.\n\n"
        "This is a demo: the organisation's facts are public, the press office is invented."
    ),
    "is_default": True,
}

CORRECTION_NOTE = "Corrects the closing date of the conference to 13 June."

LEAD = (
    "Police leaders from across Europe meet in Tirana for three days to agree how to answer "
    "organized crime that grows faster and reaches further than ever, alongside cybercrime, "
    "migration and drug trafficking."
)
# The lead as first written. The Spanish version translates it and was
# confirmed against it; the English lead was rewritten afterwards (at
# LEAD_EDITED_AT), so the Spanish release shows as "source changed", the
# lead's new words being what its translator has to catch up with.
EARLIER_LEAD = (
    "Police leaders from across Europe meet in Tirana for three days to discuss organized "
    "crime, cybercrime, migration and drug trafficking."
)
LEAD_EDITED_AT = datetime(2024, 6, 11, 10, 40, tzinfo=ZoneInfo("Europe/Tirane"))
OUT_OF_DATE = "es"

CAPTIONS = [
    "Delegates take their seats for the opening session.",
    "The Interior Minister of Albania opens the conference.",
    "The INTERPOL President addresses the plenary.",
    "The Secretary General of INTERPOL speaks on organized crime.",
    "Heads of delegation during the first panel.",
    "A working group on cyber-enabled crime.",
    "Discussion on migration and border security.",
    "Experts compare notes on drug trafficking routes.",
    "Delegates between sessions in the conference hall.",
    "The panel on the future of policing.",
    "Bilateral meetings on the second day.",
    "The closing session of the conference.",
    "Group photo of the heads of delegation.",
]

OTHER_RELEASES = [
    {
        "slug": "financial-investigations-workshop",
        "title": "Workshop trains investigators to follow criminal money across borders",
        "city": "Lyon",
        "country": "France",
        "days_ago": 3,
        "themes": ["organized crime", "money laundering"],
        "lead": (
            "Forty financial investigators from twelve countries spend a week on tracing, "
            "freezing and recovering the proceeds of organized crime."
        ),
    },
    {
        "slug": "ransomware-operation-results",
        "title": "Joint operation against ransomware groups leads to arrests in five countries",
        "city": "The Hague",
        "country": "Netherlands",
        "days_ago": 10,
        "themes": ["cybercrime"],
        "lead": (
            "Coordinated searches and arrests follow months of shared analysis of servers "
            "used to extort hospitals, schools and small businesses."
        ),
    },
    {
        "slug": "environmental-crime-report",
        "title": "New report maps the links between environmental crime and organized crime",
        "city": "Nairobi",
        "country": "Kenya",
        "days_ago": 24,
        "themes": ["climate change", "organized crime"],
        "lead": (
            "Illegal logging, mining and waste trafficking generate profits that fund other "
            "criminal activity, the report finds; it sets out ten recommendations."
        ),
    },
    {
        "slug": "drug-trafficking-maritime-routes",
        "title": "Police agencies agree closer watch on maritime drug trafficking routes",
        "city": "Lisbon",
        "country": "Portugal",
        "days_ago": 45,
        "themes": ["drug trafficking"],
        "lead": (
            "Port and coastal police commit to sharing vessel data in real time to intercept "
            "cocaine shipments crossing the Atlantic."
        ),
    },
    {
        "slug": "missing-migrants-identification",
        "title": "Helping families find missing migrants: a new identification protocol",
        "city": "Rome",
        "country": "Italy",
        "days_ago": 60,
        "themes": ["migration"],
        "lead": (
            "A shared protocol for recording and comparing information on missing and "
            "unidentified migrants is to be tested in four countries."
        ),
    },
]


OTHER_SLUGS = [data["slug"] for data in OTHER_RELEASES]


def demo_photo(index: int, size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    """A photo-sized JPEG that looks like a conference scene in soft focus."""
    rng = random.Random(index)  # the same photos on every run
    width, height = size
    top = (rng.randint(30, 70), rng.randint(50, 90), rng.randint(90, 140))
    bottom = (rng.randint(150, 200), rng.randint(130, 170), rng.randint(100, 140))
    gradient = Image.linear_gradient("L").resize(size)
    img = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), gradient)
    draw = ImageDraw.Draw(img)
    # A stage, a screen and rows of seated figures.
    draw.rectangle([0, int(height * 0.62), width, height], fill=(60, 52, 48))
    screen = [int(width * 0.3), int(height * 0.12), int(width * 0.7), int(height * 0.42)]
    draw.rectangle(screen, fill=(220, 228, 240), outline=(30, 30, 30), width=8)
    for row in range(4):
        y = int(height * (0.66 + row * 0.085))
        for col in range(14):
            x = int(width * (col + rng.random() * 0.3) / 14)
            r = int(height * (0.03 + row * 0.006))
            shade = rng.randint(20, 90)
            draw.ellipse([x, y - r, x + 2 * r, y + r], fill=(shade, shade, shade + 10))
            draw.rectangle([x - r // 2, y + r, x + 2 * r + r // 2, y + 4 * r], fill=(shade, 40, 60))
    img = img.filter(ImageFilter.GaussianBlur(radius=3))
    label = ImageDraw.Draw(img)
    label.text((screen[0] + 40, screen[1] + 40), f"Tirana 2024 · {index:02d}", fill=(11, 61, 110))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@transaction.atomic
def load_demo(*, photo_size: tuple[int, int] = PHOTO_SIZE) -> Article:
    """Create or refresh the demo data; running it again changes nothing."""
    speakers = {}
    for data in SPEAKERS:
        speakers[data["slug"]], _ = Speaker.objects.update_or_create(
            slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"}
        )
    event, _ = Event.objects.update_or_create(
        slug=EVENT["slug"], defaults={k: v for k, v in EVENT.items() if k != "slug"}
    )
    tirana = ZoneInfo("Europe/Tirane")
    article, _ = Article.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "title": "Organized crime tops the agenda as European police leaders meet in Tirana",
            "dateline_city": "Tirana",
            "dateline_country": "Albania",
            "lead": LEAD,
            "body": BODY.strip(),
            "status": Article.Status.PUBLISHED,
            "publish_at": datetime(2024, 6, 11, 9, 0, tzinfo=tirana),
            "unpublish_at": None,
            "event": event,
            "language": "en",
            "reference": "PR-2024-061",
        },
    )
    article.themes.set(DEMO_THEMES)
    article.quotes.all().delete()
    Quote.objects.bulk_create(
        Quote(article=article, speaker=speakers[slug], text=text, context=context, position=i)
        for i, (slug, text, context) in enumerate(QUOTES)
    )
    _load_gallery(article, photo_size)
    _load_other_releases()
    _load_press_office(article)
    _load_translations(article, speakers)
    # Quotes went in by bulk_create, which sends no signals: the search documents are written here.
    search.documents_update(
        Article.objects.filter(slug__in=[DEMO_SLUG, *OTHER_SLUGS]) | article.translations.all()
    )
    return article


def _load_press_office(article: Article) -> None:
    """Contacts, notes to editors, the lead photo and one public correction."""
    contacts = {}
    for data in CONTACTS:
        contacts[data["slug"]], _ = Contact.objects.update_or_create(
            slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"}
        )
    about, _ = Boilerplate.objects.update_or_create(
        organisation=BOILERPLATE["organisation"],
        language=BOILERPLATE["language"],
        defaults={k: BOILERPLATE[k] for k in ("heading", "text", "is_default")},
    )
    for language, text in BOILERPLATES.items():
        Boilerplate.objects.update_or_create(
            organisation=BOILERPLATE["organisation"],
            language=language,
            defaults={**text, "is_default": True},
        )
    # The conference release names both officers; the others show the default one.
    ArticleContact.objects.filter(article=article).delete()
    for position, slug in enumerate(["claire-dubois", "arben-kola"]):
        ArticleContact.objects.create(article=article, contact=contacts[slug], position=position)
    # The group photo leads, not the first one.
    article.boilerplate = about
    article.lead_image = article.images.filter(position=PHOTO_COUNT).first()
    article.save(update_fields=["boilerplate", "lead_image", "updated_at"])
    for other in Article.objects.filter(slug__in=OTHER_SLUGS).exclude(boilerplate=about):
        other.boilerplate = about
        other.save(update_fields=["boilerplate", "updated_at"])
    article.corrections.all().delete()
    tirana = ZoneInfo("Europe/Tirane")
    press.article_correction_record(
        article=article,
        kind=Correction.Kind.CORRECTION,
        note=CORRECTION_NOTE,
        at=datetime(2024, 6, 11, 11, 30, tzinfo=tirana),
    )


def _load_gallery(article: Article, photo_size: tuple[int, int]) -> None:
    existing = list(article.images.all())
    if len(existing) == PHOTO_COUNT:
        # Renditions are made by the worker; those it has not made yet (none
        # was running) are asked for again, which is a no-op if still queued.
        for image in existing:
            if not image.has_renditions:
                services.gallery_image_renditions_enqueue(image=image)
        return
    for image in existing:
        # Each photo's files have names of their own: a new photo replaces none.
        images.delete_renditions(image.renditions, storage=image.image.storage)
        image.image.delete(save=False)
        image.delete()
    for index in range(1, PHOTO_COUNT + 1):
        services.gallery_image_create(
            article=article,
            file=ContentFile(demo_photo(index, photo_size), name=f"tirana-2024-{index:02d}.jpg"),
            alt_text=f"{CAPTIONS[index - 1].rstrip('.')} (generated demo photo)",
            caption=CAPTIONS[index - 1],
            credit="Newsroom demo (generated image)",
            licence="Free for editorial use",
            position=index,
        )


def _load_other_releases() -> None:
    # Dated before the demo release so that it leads the home page.
    demo_day = datetime(2024, 6, 11, 9, 0, tzinfo=ZoneInfo("Europe/Tirane"))
    for data in OTHER_RELEASES:
        article, _ = Article.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "dateline_city": data["city"],
                "dateline_country": data["country"],
                "lead": data["lead"],
                "body": f"<p>{data['lead']}</p><p>This is a demo release.</p>",
                "status": Article.Status.PUBLISHED,
                "publish_at": demo_day - timedelta(days=data["days_ago"]),
                "language": "en",
            },
        )
        article.themes.set(data["themes"])


def _load_translations(article: Article, speakers: dict[str, Speaker]) -> None:
    """
    The release in French, Spanish and Arabic: one group with the English
    release, sharing its event, themes, photos and times, each with its own
    text, quotes, captions and notes to editors.
    """
    existing = {translation.language: translation for translation in article.translations.all()}
    current = tracking.source_text(article)
    for language, text in TRANSLATIONS.items():
        translation = existing.get(language) or shared.translation_create(
            source=article, language=language
        )
        translation.slug = f"{DEMO_SLUG}-{language}"
        translation.title = text["title"]
        translation.lead = text["lead"]
        translation.body = text["body"].strip()
        translation.status = Article.Status.PUBLISHED
        translation.follows_source_times = True
        translation.reference = article.reference
        translation.boilerplate = Boilerplate.objects.get(
            organisation=BOILERPLATE["organisation"], language=language
        )
        translation.notes_to_editors = ""
        if language == OUT_OF_DATE:
            translation.source_confirmed = {**current, "lead": EARLIER_LEAD}
            translation.source_changed_at = LEAD_EDITED_AT
        else:
            translation.source_confirmed = current
            translation.source_changed_at = None
        translation.save()
        translation.quotes.all().delete()
        Quote.objects.bulk_create(
            Quote(
                article=translation,
                speaker=speakers[slug],
                text=quote_text,
                context=context,
                position=i,
            )
            for i, ((slug, _text, _context), (quote_text, context)) in enumerate(
                zip(QUOTES, text["quotes"], strict=True)
            )
        )
        ArticleContact.objects.filter(article=translation).delete()
        for link in article.contact_links.order_by("position"):
            ArticleContact.objects.create(
                article=translation, contact_id=link.contact_id, position=link.position
            )
    # Times, photos, themes and the lead photo follow the English release; the
    # "source changed" marks are left as set above (the text matches, or the
    # Spanish mark keeps its time).
    shared.group_sync(article)
    for translation in article.translations.all():
        text = TRANSLATIONS[translation.language]
        for image in translation.images.all():
            caption = text["captions"][image.position - 1]
            alt_text = f"{caption.rstrip('.')} ({text['alt_note']})"
            if (image.caption, image.alt_text) != (caption, alt_text):
                image.caption, image.alt_text = caption, alt_text
                image.save(update_fields=["caption", "alt_text"])
    for name, names in THEME_NAMES.items():
        for theme in Tag.objects.filter(name__iexact=name):
            # Names an editor gave in other languages stay.
            kept, _ = ThemeNames.objects.get_or_create(theme=theme)
            if {**kept.names, **names} != kept.names:
                kept.names = {**kept.names, **names}
                kept.save(update_fields=["names"])
