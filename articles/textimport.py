"""Parse a pasted or scraped plain-text press release into data for a draft.

Releases arrive copied from web pages, extracted from PDFs or taken from RSS
summaries: paragraphs glued together, hard-wrapped lines, gallery counters and
share buttons left in, quotation marks missing, doubled or straight, and the
odd run of mojibake. :func:`parse_release_text` is deliberately forgiving and
never raises. Whatever it removes is listed in ``ParsedRelease.dropped`` and
whatever it noticed but could not place is listed in
``ParsedRelease.unplaced``, so an editor reviewing the draft sees both.

Only the standard library is used, so the module imports and tests without
Django.
"""

from __future__ import annotations

import bisect
import datetime
import html
import re
import statistics
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "ParsedEvent",
    "ParsedQuote",
    "ParsedRelease",
    "ParsedSpeaker",
    "parse_release_text",
]

LEAD_MAX_CHARS = 300
TITLE_MAX_CHARS = 120


@dataclass
class ParsedSpeaker:
    """A person quoted in the release; ``role`` is "" when the text does not give one."""

    name: str
    role: str


@dataclass
class ParsedQuote:
    """The speaker's own words, without quotation marks or attribution.

    Paragraphs of a quote that runs over several paragraphs are joined by a
    blank line ("\\n\\n").
    """

    speaker: ParsedSpeaker
    text: str
    context: str = ""


@dataclass
class ParsedEvent:
    """A date range mentioned in the release; ``source`` is the text it was read from."""

    start: datetime.date
    end: datetime.date
    source: str


@dataclass
class ParsedRelease:
    """Everything found in one release.

    ``paragraphs`` is the readable body in order (quotes included, the
    dateline stripped from the paragraph that carried it, debris removed).
    ``dropped`` lists the debris removed and ``unplaced`` what was noticed but
    could not be placed, both for the editor's report.
    """

    title: str
    dateline_city: str
    dateline_country: str
    lead: str
    paragraphs: list[str]
    speakers: list[ParsedSpeaker]
    quotes: list[ParsedQuote]
    events: list[ParsedEvent]
    themes: list[str]
    dropped: list[str]
    unplaced: list[str]


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(item.strip() for item in text.split("|") if item.strip())


_MONTH_NAMES = (
    ("january", "jan", "janvier", "ianuarie", "januar", "enero"),
    ("february", "feb", "février", "fevrier", "februarie", "februar", "febrero"),
    ("march", "mar", "mars", "martie", "märz", "maerz", "marzo"),
    ("april", "apr", "avril", "aprilie", "abril"),
    ("may", "mai", "mayo"),
    ("june", "jun", "juin", "iunie", "juni", "junio"),
    ("july", "jul", "juillet", "iulie", "juli", "julio"),
    ("august", "aug", "août", "aout", "agosto"),
    ("september", "sep", "sept", "septembre", "septembrie", "septiembre", "setiembre"),
    ("october", "oct", "octobre", "octombrie", "oktober", "octubre"),
    ("november", "nov", "novembre", "noiembrie", "noviembre"),
    ("december", "dec", "décembre", "decembre", "decembrie", "dezember", "diciembre"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAY_RE = r"(?:mon|tues|tue|wednes|wed|thurs|thur|thu|fri|satur|sat|sun)(?:day)?\.?"
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun"
)

# Words that make a phrase a job title rather than a name. Words that are also
# common surnames (King, Bishop, Dean...) are left out on purpose.
_ROLE_WORDS = _words(
    """
    minister ministers prime president vice secretary secretary-general general director
    director-general chair chairman chairwoman chairperson ceo cfo coo cto head chief officer
    leader spokesperson spokesman spokeswoman senator member mp mla governor mayor commissioner
    ambassador deputy executive manager founder co-founder treasurer premier attorney
    attorney-general representative congresswoman congressman councillor councilor adviser
    advisor counsel coordinator inspector commander superintendent board acting shadow
    assistant editor analyst principal chancellor professor justice judge sheriff
    rapporteur envoy delegate consul captain colonel lieutenant sergeant admiral researcher
    scientist economist trustee diplomat official officials candidate speaker whip registrar
    controller auditor president-elect senior undersecretary under-secretary administrator
    sen rep gov commissioner-general spokesperson's cabinet
    """
)
_SOCIAL_HONORIFICS = _words(
    "mr mrs ms miss mx dr prof professor sir dame hon honourable honorable rev reverend "
    "excellency h.e"
)
_OFFICE_HONORIFICS = {
    "senator": "Senator",
    "sen": "Senator",
    "rep": "Representative",
    "representative": "Representative",
    "congresswoman": "Congresswoman",
    "congressman": "Congressman",
    "governor": "Governor",
    "gov": "Governor",
    "mayor": "Mayor",
    "minister": "Minister",
    "president": "President",
    "premier": "Premier",
    "chancellor": "Chancellor",
    "ambassador": "Ambassador",
    "commissioner": "Commissioner",
    "secretary": "Secretary",
    "judge": "Judge",
    "justice": "Justice",
    "councillor": "Councillor",
    "speaker": "Speaker",
}
_CONNECTORS = _words("of for and & the at on in to from with")
_ROLE_CONNECTORS = _words("of for and & the at on in to")
_PARTICLES = _words("de da di del della van von der den du la le bin binti ibn al el dos das")
_PRONOUNS = frozenset({"he", "she", "they"})
_POST_NOMINALS = _words(
    "MP MLA MHA MHR MLC AC AO AM OAM QC KC SC PHD JR SR II III IV OBE MBE CBE DBE KBE ESQ CSC APM"
)
# Capitalised words that start sentences or name organisations, never people.
_NOT_NAME_WORDS = _words(
    """
    today yesterday tomorrow tonight this that these those it its we our he she they i in on at
    as after before during while when according comments comment statement meanwhile however
    also but and or if there here what who where why how a an the his her their my your
    government department committee act bill court council agency authority office ministry
    party association organization organisation university institute commission parliament
    senate house congress assembly conference union foundation centre center program programme
    fund group bank police service services network project republic kingdom states nations
    declaration week day report plan strategy initiative summit forum coalition alliance company
    corporation inc ltd limited media news release press greens labor labour liberal nationals
    democrats republicans administration force forces army navy airport hospital school college
    museum region province state county city territory island islands street road federal
    national international
    """
)
_NOT_NAME = (
    _NOT_NAME_WORDS
    | _ROLE_WORDS
    | _SOCIAL_HONORIFICS
    | frozenset(_OFFICE_HONORIFICS)
    | _CONNECTORS
    | _WEEKDAYS
    | frozenset(_MONTHS)
)
_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sen rep gov lt col gen sgt capt cmdr st mt ft jr sr no nos vs etc inc
    ltd co corp dept est fig approx vol pp hon rev messrs jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue wed thu fri sat sun al vt pa ca fla ga ill mass mich minn mo ariz calif
    colo conn ind kan ky md neb nev okla ore tenn tex va wis wyo
    """
)
_CONTEXT_STARTERS = _words(
    "in at during on speaking opening closing addressing commenting responding writing when "
    "while after before launching welcoming announcing"
)
_VERB = (
    r"(?:said|says|added|adds|continued|continues|stated|states|explained|explains|noted|notes|"
    r"commented|remarked|declared|declares|wrote|writes|concluded|concludes|emphasi[sz]ed|"
    r"stressed|urged|warned|insisted|argued|observed|told(?:\s+[a-z]+){0,2})"
)
_INDIRECT_VERB = re.compile(
    r"\b(?:said|says|added|stated|explained|noted|warned|urged|announced)\b|\baccording to\b"
)

_OPENERS = "“„"
_CLOSERS = "”"
_ANY_QUOTE = '“”„"‘'

# --------------------------------------------------------------------------
# Line-level debris
# --------------------------------------------------------------------------

_DEBRIS_LINES = _phrases(
    """
    share|share this|share this article|share this page|share on facebook|share on twitter|
    share on linkedin|print|print this page|read more|continue reading|tweet|email|e-mail|
    facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|copy link|link copied|
    back to top|top|skip to content|skip to main content|advertisement|related|related news|
    related articles|related content|previous|next|close|menu|search|home|subscribe|sign up|
    log in|login|download|download pdf|view gallery|open gallery|play video|loading|loading...|
    more|show more|accept|accept all|reject all|manage preferences|cookie settings|got it|
    image|photo|video|gallery|x|×
    """
)
_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
_COUNTER_HEAD = re.compile(r"^(\d{1,3})\s*/$")
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:accept|consent|use|policy|settings|browsing|experience)\b"
    r"|\b(?:accept|consent|use|policy|settings)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_END_MARKER = re.compile(
    r"^[\s\-–—*#\[\]()]*(?:ends?|end of (?:media )?release|-?end-?)[\s\-–—*#\[\]()]*$|^#{3,}$",
    re.IGNORECASE,
)
_META = re.compile(
    r"^(Title|Date|Published|Link|URL|Tags|PR Tag|Issues|Content)\s*:\s*(.*)$", re.IGNORECASE
)
_LABELS = re.compile(
    r"^(?:joint\s+)?(?:media|press|news)\s+(?:release|statement|advisory)$"
    r"|^for immediate release$|^news$|^statement$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------
# Paragraph-level patterns
# --------------------------------------------------------------------------

_TERMINAL_END = re.compile(r"[.!?:;…][”\"’')\]]*$")
_CONNECTOR_END = re.compile(
    r"(?:[,&/(\-–—]|(?<![\w’'])(?:of|the|and|or|to|a|an|for|in|on|at|by|with|from|as|that|"
    r"which|who|is|are|was|were|be|but|their|its|our|his|her|this|these|those|OF|THE|AND|FOR|"
    r"TO|IN|ON|AT|BY|WITH|FROM)|\w[’']s)$"
)
_LONE_OPENERS = re.compile(r"^[“\"‘„]+$")
_DATE_ONLY = re.compile(
    rf"^(?:{_WEEKDAY_RE},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\.?$",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(
    rf"(?<!\d)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<mo3>\d\d)-(?P<d3>\d\d))(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_POST_FOOTER = re.compile(
    r"\s*(?:The post|Articolul|L[’']article|Der Beitrag|La entrada)\s.{1,300}?\s"
    r"(?:appeared first on|apare prima dată în|est apparu en premier sur|erschien zuerst auf|"
    r"se publicó primero en)\s.{1,120}$"
)
_READ_MORE_TAIL = re.compile(
    r"\s*(?:Read more|Continue reading|Mai mult|Lire la suite|Weiterlesen|Leer más)\s*[.…»›>]*$",
    re.IGNORECASE,
)
_PAREN_TAG = re.compile(r"\s*\([^()]{0,40}\)")

# Datelines: "TIRANA, Albania –", "WASHINGTON, July 31 –", "BURLINGTON, Vt., July 31 –",
# "Washington, D.C. -Today", "Washington D.C.—Today", "LONDON, 3 May 2024 -".
_DL_CAPS = r"[A-Z][A-Z’'.\-]*[A-Z.](?:\s+[A-Z][A-Z’'.\-]*[A-Z.]){0,3}"
_DL_TITLE = r"[A-Z][a-zà-ÿ’'\-]+(?:\s+[A-Z][a-zà-ÿ’'\-]+){0,2}"
_DL_REGION = (
    rf"(?!(?i:{_MONTH_RE}|{_WEEKDAY_RE})\b)[A-Z][\w.’'\-]*"
    rf"(?:\s+(?:and|of|the|[A-Z][\w.’'\-]*)){{0,3}}"
)
_DL_DATE = (
    rf"(?:(?i:{_WEEKDAY_RE}),?\s+)?(?:\d{{1,2}}\s+(?i:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?"
    rf"|(?i:{_MONTH_RE})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
)
_DL_DASH = r"(?:\s*[–—]+\s*|\s+-{1,2}\s*|\s*-{1,2}\s+)"
_DATELINE_CAPS = re.compile(
    rf"^(?P<city>{_DL_CAPS})(?:\s*,\s*(?P<region>{_DL_REGION}))?"
    rf"(?:\s*,?\s*(?P<date>{_DL_DATE}))?(?:\s*\([A-Za-z][\w .&-]{{0,30}}\))?"
    rf"{_DL_DASH}(?P<rest>\S.*)$",
    re.DOTALL,
)
_DATELINE_TITLE = re.compile(
    rf"^(?P<city>{_DL_TITLE})(?:\s*,\s*(?P<region>{_DL_REGION})|\s+(?P<dc>D\.\s?C\.))"
    rf"(?:\s*,?\s*(?P<date>{_DL_DATE}))?{_DL_DASH}(?P<rest>\S.*)$",
    re.DOTALL,
)
_DATELINE_ALONE = re.compile(
    rf"^(?P<city>{_DL_CAPS}|{_DL_TITLE})(?:\s*,\s*(?P<region>{_DL_REGION}))?\s*,\s*"
    rf"(?P<date>{_DL_DATE})\.?$"
)
_DATELINE_STOP = (
    _words(
        """
    media release press news statement update advisory joint embargo embargoed note editors
    editor immediate for contact contacts breaking alert notice exclusive photo video audio
    transcript speech interview opinion analysis background summary ends end today covid
    details what when where who why
    """
    )
    | _WEEKDAYS
    | frozenset(_MONTHS)
)

# Attribution around a quotation.
_SUFFIX_AFTER = re.compile(rf"^{_VERB}\s+(?P<who>.+)$")
_SUFFIX_ACCORDING = re.compile(r"^according to\s+(?P<who>.+)$", re.IGNORECASE)
_SUFFIX_DASH = re.compile(r"^[–—-]\s*(?P<who>[^–—]+)$")
_SUFFIX_BEFORE = re.compile(rf"^(?P<who>[^“”\"]{{1,160}}?)\s+{_VERB}\b")
_PREFIX_SAID = re.compile(
    rf"^(?P<who>.+?)(?:,?\s+who)?,?\s+{_VERB}"
    r"(?:\s+(?:that|in a statement|in (?:a|the|his|her|their) \w+))?\s*[:,]?\s*$"
)
_PREFIX_ACCORDING = re.compile(r"\baccording to\s+(?P<who>.+?)\s*[:,]?\s*$", re.IGNORECASE)
_PREFIX_FROM = re.compile(
    r"^(?:comments?|statement|remarks|quotes?|message)\s+(?:from|by)\s+(?P<who>.+?)\s*:$",
    re.IGNORECASE,
)
_PREFIX_STATEMENT = re.compile(
    r"^(?P<who>.+?)\s+(?:(?:today|has|have|also)\s+)?"
    r"(?:issued|released|made|gave|delivered|published)\s+"
    r"(?:the\s+following|a|this)\s+(?:statement|remarks|comments|message)\b.*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_PREFIX_BARE = re.compile(r"^(?P<who>[^:]{3,80}):$")

# Event date ranges.
_EV_WD = rf"(?:{_WEEKDAY_RE},?\s+)?"
_EV_SEP = (
    r"(?P<sep>\s*[-–—]\s*|\s+(?:to|until|till|through|thru|au|à|al|bis|până la|pana la)\s+"
    r"|\s+(?P<andsep>and|și|si|et|und|y)\s+)"
)
_EV_YEAR = r"(?:19|20)\d\d(?!\d)"
_EVENT_DAY_FIRST = re.compile(
    rf"{_EV_WD}(?<![\w.,$€£/\-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:\s+(?P<m1>{_MONTH_RE})\.?(?:,?\s+(?P<y1>{_EV_YEAR}))?)?{_EV_SEP}{_EV_WD}"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?"
    rf"(?:,?\s+(?P<y2>{_EV_YEAR}))?(?!\w)",
    re.IGNORECASE,
)
_EVENT_MONTH_FIRST = re.compile(
    rf"{_EV_WD}(?<![\w])(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<y1>{_EV_YEAR}))?{_EV_SEP}{_EV_WD}(?:(?P<m2>{_MONTH_RE})\.?\s+)?"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y2>{_EV_YEAR}))?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?:between|între|intre|entre|zwischen)\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------


def parse_release_text(
    text: str,
    *,
    title: str | None = None,
    known_themes: Iterable[str] = (),
    year: int | None = None,
) -> ParsedRelease:
    """Parse ``text`` into a :class:`ParsedRelease`; never raises.

    ``title`` overrides title detection. ``known_themes`` are matched
    case-insensitively on word boundaries, with simple variants (plurals,
    hyphenation, "-ise"/"-ize", compounds such as "cyber-enabled crime" for
    "cybercrime"). ``year`` dates event ranges whose text has no year; without
    it the year of a dated dateline or of the release date near the top is
    used, and a range with no year anywhere is reported in ``unplaced``.
    """
    try:
        return _Parser(text, title=title, known_themes=known_themes, year=year).run()
    except Exception as exc:  # an import batch must survive one pathological file
        return ParsedRelease(
            title=title if isinstance(title, str) else "",
            dateline_city="",
            dateline_country="",
            lead="",
            paragraphs=[],
            speakers=[],
            quotes=[],
            events=[],
            themes=[],
            dropped=[],
            unplaced=[f"text could not be parsed ({type(exc).__name__})"],
        )


# --------------------------------------------------------------------------
# Text clean-up
# --------------------------------------------------------------------------

_MOJIBAKE_RUN = re.compile(r"(?:[\u00c2-\u00f4][\u0080-\u00bf]+)+")
_PUA_BULLETS = re.compile(r"[\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf09f]")
_PUA = re.compile(r"[\ue000-\uf8ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h\d)\s*/?\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,200}>")


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1, once or twice over."""

    def fix(match: re.Match[str]) -> str:
        chunk = match.group(0)
        for _ in range(3):
            try:
                repaired = chunk.encode("latin-1").decode("utf-8")
            except UnicodeError:
                break
            if repaired == chunk:
                break
            chunk = repaired
        return chunk

    return _MOJIBAKE_RUN.sub(fix, text)


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "</" in text or re.search(r"<br\s*/?>", text, re.IGNORECASE):
        text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = _repair_mojibake(text)
    text = _PUA_BULLETS.sub("•", text)
    text = _PUA.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _ODD_SPACE.sub(" ", text)


def _is_junk(paragraph: str) -> bool:
    """Text nobody could read: no letters, mostly symbols, or undecodable mojibake."""
    chars = [c for c in paragraph if not c.isspace()]
    if not chars:
        return True
    letters = sum(1 for c in chars if unicodedata.category(c)[0] in "LM")
    if letters == 0:
        return True
    garbled = sum(1 for c in chars if c in "ÃÂ\ufffd" or "\x80" <= c <= "\x9f")
    if garbled >= 2 and garbled / len(chars) > 0.08:
        return True
    # Text extracted through a broken PDF font: symbols and semicolons between letters.
    symbols = sum(
        1 for c in chars if c in ";|{}¿#" or unicodedata.category(c) in {"Sk", "Sm", "So"}
    )
    if symbols >= 4 and symbols / len(chars) > 0.08:
        return True
    return len(chars) >= 12 and letters / len(chars) < 0.3


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cut_at_word(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters on a word boundary, marking the cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation, initial or decimal."""
    before = text[max(0, dot - 40) : dot].split()
    if not before:
        return False
    token = before[-1].lstrip("“\"‘'([")
    last = token.split(".")[-1]
    if len(last) == 1 and last.isalpha():
        return True
    if "." in token and token.replace(".", "").isalpha():
        return True
    if last.isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit():
        return True
    return last.casefold() in _ABBREVIATIONS


def _sentence_end(text: str, start: int = 0) -> int | None:
    """Index just after the first sentence ending at or after ``start``."""
    n = len(text)
    for i in range(start, n):
        c = text[i]
        if c not in ".!?":
            continue
        j = i + 1
        while j < n and text[j] in "”\"’')]":
            j += 1
        if j >= n:
            return j
        if not text[j].isspace():
            continue
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k < n and not (text[k].isupper() or text[k].isdigit() or text[k] in _ANY_QUOTE + "("):
            continue
        if c == "." and _is_abbreviation(text, i):
            continue
        return j
    return None


def _first_sentence(text: str) -> str:
    end = _sentence_end(text)
    return text[:end].strip() if end else text.strip()


def _last_sentence(text: str) -> str:
    start = 0
    while True:
        end = _sentence_end(text, start)
        if end is None or end >= len(text.rstrip()):
            return text[start:].strip()
        start = end


# --------------------------------------------------------------------------
# Tokens, names and roles
# --------------------------------------------------------------------------

_INITIAL = re.compile(r"(?:[A-Z]\.)+")


@dataclass
class _Tok:
    text: str
    core: str
    lead: str
    trail: str

    @property
    def low(self) -> str:
        return self.core.casefold().rstrip(".")


def _tokens(text: str) -> list[_Tok]:
    out = []
    for match in re.finditer(r"\S+", text):
        raw = match.group(0)
        i, j = 0, len(raw)
        while i < j and raw[i] in "“\"‘'([{«„":
            i += 1
        while j > i and raw[j - 1] in "”\"’'),;:!?]}»…":
            j -= 1
        core = raw[i:j]
        # A full stop belongs to the word only for initials and abbreviations.
        if core.endswith(".") and not (
            _INITIAL.fullmatch(core) or core[:-1].casefold() in _ABBREVIATIONS
        ):
            core = core[:-1]
            j -= 1
        out.append(_Tok(raw, core, raw[:i], raw[j:]))
    return out


def _is_initial(tok: _Tok) -> bool:
    return bool(_INITIAL.fullmatch(tok.core))


def _name_ish(tok: _Tok) -> bool:
    core = tok.core
    if not core or tok.lead:
        return False
    if _is_initial(tok):
        return True
    if not core[0].isupper() or not any(c.islower() for c in core):
        return False
    if any(c.isdigit() for c in core) or core.endswith(("’s", "'s")):
        return False
    return tok.low not in _NOT_NAME


def _walk_name(toks: list[_Tok], end: int, lo: int) -> int:
    """Index of the first word of the name ending at ``end`` (inclusive)."""
    start = end
    j = end - 1
    while j >= lo and end - start < 3:
        tok = toks[j]
        if tok.trail:
            break
        particle = (
            tok.low in _PARTICLES
            and j - 1 >= lo
            and _name_ish(toks[j - 1])
            and not toks[j - 1].trail
        )
        if not (particle or _name_ish(tok)):
            break
        start = j
        j -= 1
    # "Minister of Albania Taulant Balla", "Minister for Veterans’ Affairs Darren
    # Chester": a capitalised run after "of" or after another capitalised word
    # begins with the role's object, so only the last two words are the person.
    if end - start >= 2 and j >= lo and "," not in toks[j].trail:
        stop = toks[j]
        if stop.low in _CONNECTORS or (
            stop.core[:1].isupper()
            and stop.low not in _ROLE_WORDS
            and stop.low not in _SOCIAL_HONORIFICS
            and stop.low not in _OFFICE_HONORIFICS
        ):
            start = end - 1
    if all(_is_initial(t) for t in toks[start : end + 1]):
        return end + 1
    return start


def _has_role_word(text: str) -> bool:
    return any(w.casefold().strip(".,’'") in _ROLE_WORDS for w in text.split())


def _clean_role(text: str) -> str:
    segments = [s.strip() for s in text.strip().strip(",").split(",") if s.strip()]
    # "Dr", "the Hon" and the like introduce the name; they are not the role.
    while segments:
        words = segments[-1].split()
        while words and words[-1].casefold().rstrip(".") in _SOCIAL_HONORIFICS | {"the"}:
            words.pop()
        if words:
            segments[-1] = " ".join(words)
            break
        segments.pop()
    while segments and not _has_role_word(segments[0]):
        segments.pop(0)
    if len(segments) > 1 and all(
        w.casefold().rstrip(".") in _OFFICE_HONORIFICS for w in segments[-1].split()
    ):
        segments.pop()
    role = ", ".join(segments)
    role = re.sub(r"^(?:(?:the|a|an|in|at|of|and|for)\s+)+", "", role, flags=re.IGNORECASE)
    if not _has_role_word(role):
        return ""
    if " " in role:
        return role
    return _OFFICE_HONORIFICS.get(role.casefold().rstrip("."), role)  # "Sen." reads "Senator"


def _walk_role(toks: list[_Tok], start: int, lo: int) -> str:
    """The job title written just before the name starting at ``start``."""
    first = start
    j = start - 1
    while j >= lo and start - j <= 20:
        tok = toks[j]
        if re.search(r"[.!?;:]", tok.trail) or tok.lead or not tok.core:
            break
        if not (
            tok.core[0].isupper()
            or tok.low in _ROLE_WORDS
            or tok.low in _ROLE_CONNECTORS
            or tok.core == "&"
        ):
            break
        if (
            _name_ish(tok)
            and not _is_initial(tok)
            and j > lo
            and not toks[j - 1].trail
            and (toks[j - 1].low in _ROLE_WORDS or toks[j - 1].low in _SOCIAL_HONORIFICS)
            and toks[j + 1].low not in _ROLE_WORDS
        ):
            break  # "Ranking Member Raskin and Vice Ranking Member X": another person
        first = j
        j -= 1
    if first == start:
        return ""
    return _clean_role(" ".join(t.text for t in toks[first:start]))


def _apposition(toks: list[_Tok], segments: list[tuple[int, int]]) -> str:
    """The role given after the name: "Jurgen Stock, Secretary General of INTERPOL"."""
    text = ", ".join(" ".join(t.text for t in toks[a : b + 1]).strip(" ,") for a, b in segments)
    text = text.strip(" ,.;:")
    words = text.split()
    if not words:
        return ""
    first = words[0].casefold()
    if words[0][0].islower() and first not in {"a", "an", "the"} and first not in _ROLE_WORDS:
        return ""
    return re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE)


def _segments(toks: list[_Tok]) -> list[tuple[int, int]]:
    segments = []
    start = 0
    for i, tok in enumerate(toks):
        if "," in tok.trail or i == len(toks) - 1:
            segments.append((start, i))
            start = i + 1
    return segments


def _office_before(toks: list[_Tok], start: int) -> str:
    if start > 0:
        return _OFFICE_HONORIFICS.get(toks[start - 1].low, "")
    return ""


@dataclass
class _Who:
    name: str = ""
    role: str = ""
    office: str = ""
    single: bool = False
    ref: str = ""
    ref_text: str = ""
    context: str = ""


def _name_in_segment(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int, bool] | None:
    end = hi
    while end > lo and toks[end].core.upper().rstrip(".") in _POST_NOMINALS:
        end -= 1
    if not _name_ish(toks[end]) or _is_initial(toks[end]):
        return None
    start = _walk_name(toks, end, lo)
    if start > end:
        return None
    if end > start:
        return start, end, False
    # One word is a surname only after a title ("Senator Patterson") or on its own.
    if start == lo:
        return start, end, True
    before = toks[start - 1]
    if not before.trail and (before.low in _ROLE_WORDS or before.low in _SOCIAL_HONORIFICS):
        return start, end, True
    return None


def _parse_who(text: str, *, after_verb: bool) -> _Who | None:
    """Read a name and role from the words around an attribution verb."""
    text = _PAREN_TAG.sub("", text)
    text = " ".join(text.split()).strip(" ,.;:–—-")
    if not text or len(text) > 300:
        return None
    if text.casefold() in _PRONOUNS:
        return _Who(ref="pronoun")
    toks = _tokens(text)
    segments = _segments(toks)
    order = segments if after_verb else list(reversed(segments))
    for lo, hi in order:
        found = _name_in_segment(toks, lo, hi)
        if not found:
            continue
        start, end, single = found
        index = segments.index((lo, hi))
        following = segments[index + 1 :]
        apposition = _apposition(toks, following) if following else ""
        context = ""
        if after_verb:
            role = _walk_role(toks, start, lo) or apposition
        else:
            role = apposition or _walk_role(toks, start, 0)
            # "In the letter, Stefanik states": the opening phrase says where it was said.
            if index > 0 and toks[segments[0][0]].low in _CONTEXT_STARTERS:
                words = " ".join(t.text for t in toks[segments[0][0] : segments[index - 1][1] + 1])
                words = words.strip(" ,")
                context = words[:1].lower() + words[1:]
        name = " ".join(t.core for t in toks[start : end + 1])
        return _Who(
            name=name,
            role=role,
            office=_office_before(toks, start),
            single=single,
            context=context,
        )
    reference = re.sub(r"^(?:the|this|that|our)\s+", "", text, flags=re.IGNORECASE)
    if len(reference.split()) <= 6 and _has_role_word(reference):
        return _Who(ref="role", ref_text=reference)
    return None


@dataclass
class _Mention:
    name: str
    role: str
    office: str
    para: int
    pos: int


def _mentions(paragraphs: list[str]) -> list[_Mention]:
    """Every "ROLE First Last" in the text, to complete surnames and role references."""
    found = []
    for p_index, paragraph in enumerate(paragraphs):
        toks = _tokens(paragraph)
        for k, tok in enumerate(toks):
            if not _name_ish(tok) or _is_initial(tok):
                continue
            if k + 1 < len(toks) and not tok.trail and _name_ish(toks[k + 1]):
                continue
            start = _walk_name(toks, k, 0)
            if start >= k:
                continue
            found.append(
                _Mention(
                    name=" ".join(t.core for t in toks[start : k + 1]),
                    role=_walk_role(toks, start, 0),
                    office=_office_before(toks, start),
                    para=p_index,
                    pos=k,
                )
            )
    return found


# --------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------


@dataclass
class _Span:
    start_para: int
    start_pos: int
    end_para: int = -1
    end_pos: int = -1
    pieces: list[str] = field(default_factory=list)
    closed: bool = True
    prefix: str = ""
    suffix: str = ""
    # Filled in while attributing.
    speaker: ParsedSpeaker | None = None
    own_attribution: bool = False
    suffix_rest: str = ""
    context: str = ""


def _opens_straight(p: str, j: int) -> bool:
    before_ok = j == 0 or p[j - 1].isspace() or p[j - 1] in "([{—–-/:"
    return before_ok and j + 1 < len(p) and not p[j + 1].isspace()


def _closes_straight(p: str, j: int) -> bool:
    return j > 0 and not p[j - 1].isspace()


def _first_double_is_closer(p: str) -> bool:
    for j, c in enumerate(p):
        if c in _OPENERS:
            return False
        if c in _CLOSERS:
            return True
        if c == '"':
            return not _opens_straight(p, j) and _closes_straight(p, j)
    return False


def _scan_quotes(paragraphs: list[str]) -> list[_Span]:
    """Find quotations, following them over paragraph breaks.

    A quotation continues into the next paragraph when that paragraph opens
    with a quotation mark (the usual convention for multi-paragraph quotes)
    or when it closes one before opening another (the opening mark was lost).
    """
    spans: list[_Span] = []
    current: _Span | None = None
    opener = ""
    depth = 0
    piece_start = 0
    for i, p in enumerate(paragraphs):
        n = len(p)
        closed_here = False
        j = 0
        if current is not None:
            piece_start = 1 if n and p[0] in _OPENERS + '"‘' else 0
            j = piece_start
            depth = 1
        while j < n:
            c = p[j]
            if current is None:
                double = c in _OPENERS or (c == '"' and _opens_straight(p, j))
                # Single quotes also serve as apostrophes: only trust one opening a paragraph.
                single = c == "‘" and (j == 0 or p[max(0, j - 3) : j].rstrip().endswith(":"))
                if double or single:
                    current, opener, depth, piece_start = _Span(i, j), c, 1, j + 1
                elif (
                    (c in _CLOSERS or (c == '"' and _closes_straight(p, j)))
                    and not closed_here
                    and len(p[:j].split()) >= 3
                ):
                    # A closing mark with no opening one: the quote began with the paragraph.
                    spans.append(_Span(i, -1, i, j, [p[:j]]))
                    closed_here = True
            else:
                closing = False
                if opener == "‘":
                    closing = (
                        c == "’"
                        and p[j - 1] in ",.!?;:—–-"
                        and (j + 1 == n or not p[j + 1].isalpha())
                    )
                elif c == "„" or (c == "“" and opener != "„"):
                    depth += 1
                elif c == "”" or c == "“":
                    depth -= 1
                    closing = depth == 0
                elif c == '"':
                    if _closes_straight(p, j):
                        depth -= 1
                        closing = depth <= 0
                    elif _opens_straight(p, j):
                        depth += 1
                if closing:
                    current.pieces.append(p[piece_start:j])
                    current.end_para, current.end_pos = i, j
                    spans.append(current)
                    current, closed_here = None, True
            j += 1
        if current is not None:
            current.pieces.append(p[piece_start:])
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            if opener == "‘":
                continues = following[:1] == "‘"
            else:
                continues = bool(following) and (
                    following[0] in _OPENERS + '"' or _first_double_is_closer(following)
                )
            if not continues:
                current.end_para, current.end_pos, current.closed = i, n, False
                spans.append(current)
                current = None
    spans.sort(key=lambda s: (s.start_para, s.start_pos))
    # Spans never overlap, so the text around one ends at its neighbours.
    for index, span in enumerate(spans):
        start_text = paragraphs[span.start_para]
        left = 0
        if index and spans[index - 1].end_para == span.start_para:
            left = spans[index - 1].end_pos + 1
        span.prefix = start_text[left : max(span.start_pos, 0)]
        end_text = paragraphs[span.end_para]
        right = len(end_text)
        if index + 1 < len(spans) and spans[index + 1].start_para == span.end_para:
            right = max(spans[index + 1].start_pos, 0)
        span.suffix = end_text[span.end_pos + 1 : right]
    return spans


def _quote_text(span: _Span) -> str:
    parts = []
    for piece in span.pieces:
        piece = " ".join(piece.split()).strip('“”„" ')
        if piece:
            parts.append(piece)
    text = "\n\n".join(parts)
    return text.rstrip(" ,;:–—-")


# --------------------------------------------------------------------------
# Events and themes
# --------------------------------------------------------------------------


def _month(name: str | None) -> int | None:
    return _MONTHS.get(name.casefold().rstrip(".")) if name else None


def _release_year_from(text: str) -> int | None:
    match = _ANY_DATE.search(text)
    if match:
        return int(match.group("y1") or match.group("y2") or match.group("y3"))
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _theme_word(word: str) -> str:
    def inflect(w: str) -> str:
        pattern = re.escape(w)
        pattern = re.sub(r"(?<=[iy])[sz](?=(?:e|ed|es|ing|ation|ations)$)", "[sz]", pattern)
        pattern = re.sub(r"(?<=[a-z])ou?r$", "ou?r", pattern)
        if pattern.endswith("y"):
            return pattern[:-1] + "(?:y|ies)"
        return pattern + "(?:s|es)?"

    for prefix in (
        "counter",
        "cyber",
        "narco",
        "micro",
        "agri",
        "agro",
        "nano",
        "bio",
        "eco",
        "geo",
    ):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            # "cyber crime", "cyber-crime" and "cyber-enabled crime" are all cybercrime.
            return re.escape(prefix) + r"(?:[\s\-]?|-\w+[\s\-]+)" + inflect(word[len(prefix) :])
    return inflect(word)


def _theme_pattern(theme: str) -> re.Pattern[str] | None:
    words = [w for w in re.split(r"[\s\-]+", theme.casefold()) if w]
    if not words:
        return None
    body = r"[\s\-]+".join(_theme_word(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


# --------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------


class _Parser:
    def __init__(self, text, *, title, known_themes, year) -> None:
        self.dropped: list[str] = []
        self.unplaced: list[str] = []
        self.text = self._coerce_text(text)
        self.title_arg = " ".join(title.split()) if isinstance(title, str) else ""
        self.themes_arg = self._coerce_themes(known_themes)
        self.year_arg = self._coerce_year(year)
        self.meta_title = ""
        self.meta_date = ""
        self.title = self.title_arg

    # -- input --------------------------------------------------------------

    def _coerce_text(self, text) -> str:
        if text is None:
            return ""
        if isinstance(text, bytes | bytearray):
            self.unplaced.append("text was given as bytes; decoded as UTF-8")
            return bytes(text).decode("utf-8", errors="replace")
        if not isinstance(text, str):
            self.unplaced.append(f"text of type {type(text).__name__} was converted to a string")
            return str(text)
        return text

    def _coerce_themes(self, themes) -> list[str]:
        if themes is None or isinstance(themes, str | bytes):
            return [themes] if isinstance(themes, str) else []
        try:
            return [t.strip() for t in themes if isinstance(t, str) and t.strip()]
        except TypeError:
            return []

    def _coerce_year(self, year) -> int | None:
        if year is None or isinstance(year, bool):
            return None
        try:
            value = int(year)
        except (TypeError, ValueError):
            self.unplaced.append(f"year {year!r} is not a year; ignored")
            return None
        if not 1 <= value <= 9999:
            self.unplaced.append(f"year {value} is out of range; ignored")
            return None
        return value

    # -- run ----------------------------------------------------------------

    def run(self) -> ParsedRelease:
        text = _clean_text(self.text)
        if "\ufffd" in text:
            count = text.count("\ufffd")
            text = text.replace("\ufffd", "")
            self.unplaced.append(f"{count} undecodable character(s) removed")
        lines = self._lines(text)
        paragraphs = self._paragraphs(lines)
        paragraphs, lead_from = self._drop_title_copies(paragraphs)

        city = country = ""
        dateline_date = ""
        lead_index = None
        found = self._find_dateline(paragraphs)
        if found:
            index, city, country, dateline_date, rest = found
            if rest:
                paragraphs[index] = rest
                lead_index = index
            else:
                del paragraphs[index]
                lead_from = min(lead_from, index)

        if lead_index is None:
            lead_index = self._find_lead(paragraphs, lead_from)
        lead_source = paragraphs[lead_index] if lead_index is not None else ""
        lead = _cut_at_word(lead_source, LEAD_MAX_CHARS)
        if not self.title:
            self.title = self._derive_title(lead_source)

        release_year = self._release_year(paragraphs, dateline_date)
        quotes, speakers = self._quotes(paragraphs)
        events = self._events(paragraphs, release_year)
        themes = self._themes(paragraphs)
        if not paragraphs and self.text.strip():
            self.unplaced.append("no readable text found")
        return ParsedRelease(
            title=self.title,
            dateline_city=city,
            dateline_country=country,
            lead=lead,
            paragraphs=paragraphs,
            speakers=speakers,
            quotes=quotes,
            events=events,
            themes=themes,
            dropped=self.dropped,
            unplaced=self.unplaced,
        )

    # -- lines --------------------------------------------------------------

    def _lines(self, text: str) -> list[str]:
        raw = [" ".join(line.split()) for line in text.split("\n")]
        raw = [line for line in raw if line]
        lines: list[str] = []
        header = True
        i = 0
        while i < len(raw):
            line = raw[i]
            if line.endswith("=="):
                # Scraped feeds run items together with "==" between them.
                self.dropped.append("==")
                line = line.rstrip("=").rstrip()
                header = True
                if not line:
                    i += 1
                    continue
            if header and self._take_meta(line):
                i += 1
                continue
            if header and not lines and not self.title and not self.meta_title:
                following = raw[i + 1] if i + 1 < len(raw) else ""
                if self._looks_like_headline(line, following):
                    self.title = line
                    i += 1
                    continue
            header = False
            if _COUNTER.match(line):
                self.dropped.append(_COUNTER.sub(r"\1 / \2", line))
            elif _COUNTER_HEAD.match(line) and i + 1 < len(raw) and _LONE_NUMBER.match(raw[i + 1]):
                self.dropped.append(f"{line.rstrip('/ ').strip()} / {raw[i + 1]}")
                i += 1
            elif (
                _LONE_NUMBER.match(line)
                or line.casefold().strip(" .:|›»>") in _DEBRIS_LINES
                or _END_MARKER.match(line)
            ):
                self.dropped.append(line)
            elif len(line) <= 300 and _COOKIE.search(line):
                self.dropped.append(_short(line))
            else:
                lines.append(line)
            i += 1
        if self.meta_title and not self.title:
            self.title = " ".join(self.meta_title.split())
        return lines

    def _take_meta(self, line: str) -> bool:
        match = _META.match(line)
        if not match:
            return False
        key, value = match.group(1).casefold(), match.group(2).strip()
        if key == "title" and value and not self.meta_title:
            self.meta_title = value
        elif key in {"date", "published"} and value and not self.meta_date:
            self.meta_date = value
        self.dropped.append(_short(line))
        return True

    def _looks_like_headline(self, line: str, following: str) -> bool:
        words = line.split()
        if not following or not 2 <= len(words) <= 28 or len(line) > 160:
            return False
        if re.search(r"[.:;][”\"’')\]]*$", line) and not line.endswith("..."):
            return False
        if re.search(r"[“”\"].*\b(?:said|says)\b|\b(?:said|says)\b.*[“”\"]", line):
            return False
        if line[0] in _ANY_QUOTE or _LABELS.match(line) or _DATE_ONLY.match(line):
            return False
        if self._dateline_match(line) or _is_junk(line):
            return False
        if _CONNECTOR_END.search(line):
            return False
        return not (following[0].islower() or following[0] in ",;:)”’")

    # -- paragraphs ---------------------------------------------------------

    def _paragraphs(self, lines: list[str]) -> list[str]:
        wrap_at = 0
        continued = [
            len(a)
            for a, b in zip(lines, lines[1:], strict=False)
            if b[0].islower() and not _TERMINAL_END.search(a)
        ]
        if len(continued) >= 3 and statistics.median(continued) >= 45:
            # Hard-wrapped text: a long line without an ending carries on below.
            wrap_at = int(statistics.median(continued) * 0.75)

        title = self.title.casefold()
        blocks: list[list[str]] = []
        previous = ""
        for line in lines:
            standalone = bool(title) and title in {line.casefold(), previous.casefold()}
            if blocks and not standalone and self._joins(previous, line, wrap_at):
                blocks[-1].append(line)
            else:
                blocks.append([line])
            previous = line

        paragraphs: list[str] = []
        for block in blocks:
            for piece in _split_glued(_tidy(" ".join(block))):
                piece = _tidy_after_split(piece)
                piece = self._strip_feed_tail(piece)
                if not piece:
                    continue
                if _is_junk(piece):
                    self.dropped.append(_short(piece))
                    continue
                paragraphs.append(piece)
        return paragraphs

    @staticmethod
    def _joins(prev: str, line: str, wrap_at: int) -> bool:
        if _LONE_OPENERS.match(prev):
            return True
        first = line[0]
        if first.islower():
            return True
        if first in ",.;:!?)]”’" or (first == '"' and (len(line) == 1 or not line[1].isalnum())):
            return True
        if _TERMINAL_END.search(prev):
            return False
        if first.isalpha() and not first.isupper():
            return True  # a script without capitals: only punctuation ends a sentence
        if _CONNECTOR_END.search(prev):
            return True
        if line[:2] in ("– ", "— ") or line in ("–", "—"):
            return True
        return bool(
            wrap_at
            and len(prev) >= wrap_at
            and (first.isalnum() or first in '“"‘(')
            and not _DATE_ONLY.match(line)
            and prev.isupper() == line.isupper()
        )

    def _strip_feed_tail(self, paragraph: str) -> str:
        for pattern in (_POST_FOOTER, _READ_MORE_TAIL):
            match = pattern.search(paragraph)
            if match:
                self.dropped.append(_short(match.group(0).strip()))
                paragraph = paragraph[: match.start()].rstrip()
        return paragraph

    def _drop_title_copies(self, paragraphs: list[str]) -> tuple[list[str], int]:
        """Remove repeats of the title; the body starts after the first one."""
        if not self.title:
            return paragraphs, 0
        key = self.title.casefold().rstrip(".")
        kept: list[str] = []
        body_from = None
        i = 0
        while i < len(paragraphs):
            low = paragraphs[i].casefold().rstrip(".")
            taken = 0
            if low == key:
                taken = 1
            elif (
                i + 1 < len(paragraphs)
                and key.startswith(low)
                and f"{low} {paragraphs[i + 1].casefold().rstrip('.')}" == key
            ):
                taken = 2  # a heading hard-wrapped over two lines
            if taken:
                self.dropped.append(_short(" ".join(paragraphs[i : i + taken])))
                if body_from is None:
                    body_from = len(kept)
                i += taken
                continue
            kept.append(paragraphs[i])
            i += 1
        return kept, body_from or 0

    # -- dateline, lead, title ----------------------------------------------

    @staticmethod
    def _dateline_match(paragraph: str) -> re.Match[str] | None:
        for pattern in (_DATELINE_CAPS, _DATELINE_TITLE):
            match = pattern.match(paragraph)
            if not match:
                continue
            city_words = re.split(r"[\s.\-’']+", match.group("city").casefold())
            if any(w in _DATELINE_STOP for w in city_words if w):
                continue
            if len(match.group("rest").strip()) < 3:
                continue
            return match
        return None

    def _find_dateline(self, paragraphs: list[str]) -> tuple[int, str, str, str, str] | None:
        for index, paragraph in enumerate(paragraphs[:8]):
            match = self._dateline_match(paragraph)
            if match:
                rest = match.group("rest").strip()
                region = match.groupdict().get("region") or match.groupdict().get("dc") or ""
                return (
                    index,
                    _city_name(match.group("city")),
                    region.strip(" ,"),
                    match.group("date") or "",
                    rest,
                )
            match = _DATELINE_ALONE.match(paragraph)
            if match:
                city_words = re.split(r"[\s.\-’']+", match.group("city").casefold())
                if not any(w in _DATELINE_STOP for w in city_words if w):
                    region = (match.group("region") or "").strip(" ,")
                    return index, _city_name(match.group("city")), region, match.group("date"), ""
        return None

    @staticmethod
    def _find_lead(paragraphs: list[str], start: int) -> int | None:
        for index in range(start, len(paragraphs)):
            p = paragraphs[index]
            if (
                len(p.split()) >= 8
                and not p.isupper()
                and _TERMINAL_END.search(p)
                and not re.match(r"(?:authori[sz]ed by|media contacts?\b)", p, re.IGNORECASE)
            ):
                return index
        if start < len(paragraphs):
            return start
        return 0 if paragraphs else None

    @staticmethod
    def _derive_title(lead_source: str) -> str:
        sentence = _first_sentence(lead_source)
        if not sentence:
            return ""
        sentence = _cut_at_word(sentence, TITLE_MAX_CHARS)
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence

    def _release_year(self, paragraphs: list[str], dateline_date: str) -> int | None:
        for source in (dateline_date, self.meta_date):
            if source:
                found = _release_year_from(source)
                if found:
                    return found
        for paragraph in paragraphs[:10]:
            if _DATE_ONLY.match(paragraph):
                return _release_year_from(paragraph)
        return None

    # -- quotes -------------------------------------------------------------

    def _quotes(self, paragraphs: list[str]) -> tuple[list[ParsedQuote], list[ParsedSpeaker]]:
        spans = _scan_quotes(paragraphs)
        people = _People(_mentions(paragraphs))
        indirect = self._indirect_speakers(paragraphs, spans, people)
        self._note_unquoted_statements(paragraphs, people)

        accepted: list[_Span] = []
        for span in spans:
            text = _quote_text(span)
            who = self._own_attribution(span, paragraphs)
            span.own_attribution = who is not None
            if not text:
                continue
            at = (span.start_para, max(span.start_pos, 0))
            speaker = None
            if who is not None:
                span.context = who.context
                speaker = people.resolve(who, self._last_person(accepted, indirect, at), at)
            if speaker is None and accepted:
                speaker = self._continuation(accepted[-1], span)
            if speaker is None and who is None and any(c.isalpha() for c in span.prefix):
                continue  # quotation marks around a title or a phrase, not speech
            if speaker is None:
                speaker = self._indirect_before(indirect, span)
            if speaker is None:
                if len(text.split()) >= 4:
                    self.unplaced.append(f"quotation without a speaker: “{_short(text, 70)}”")
                continue
            people.mark_quoted(speaker)
            if not span.closed:
                self.unplaced.append(
                    f"quotation mark opened but not closed, taken to end with its paragraph: "
                    f"“{_short(text, 50)}”"
                )
            previous = accepted[-1] if accepted else None
            if (
                previous is not None
                and not span.own_attribution
                and previous.speaker is speaker
                and previous.end_para == span.start_para - 1
                and not span.prefix.strip()
                and not previous.suffix.strip()
            ):
                # Closed and reopened at the paragraph break with nothing between: one quote.
                previous.pieces.extend(span.pieces)
                previous.end_para, previous.end_pos = span.end_para, span.end_pos
                previous.suffix, previous.suffix_rest = span.suffix, span.suffix_rest
                continue
            span.speaker = speaker
            accepted.append(span)

        quotes = [
            ParsedQuote(speaker=s.speaker, text=_quote_text(s), context=s.context)
            for s in accepted
            if s.speaker is not None
        ]
        return quotes, people.quoted

    def _own_attribution(self, span: _Span, paragraphs: list[str]) -> _Who | None:
        """The attribution written next to the quote; names win over "she" or "the Minister"."""
        found: list[_Who] = []
        suffix = span.suffix.lstrip(" ,")
        end = _sentence_end(suffix)
        clause = (suffix[:end] if end else suffix).strip().rstrip(".").strip()
        span.suffix_rest = suffix
        for pattern, after, max_words in (
            (_SUFFIX_AFTER, True, 20),
            (_SUFFIX_ACCORDING, True, 20),
            (_SUFFIX_DASH, True, 10),
            (_SUFFIX_BEFORE, False, 10),
        ):
            match = pattern.match(clause) if clause else None
            if not match or len(match.group("who").split()) > max_words:
                continue
            who = _parse_who(match.group("who"), after_verb=after)
            if who is not None:
                found.append(who)
                span.suffix_rest = suffix[end:] if end else ""
                break
        prefix = _last_sentence(span.prefix)
        if prefix:
            who = _attribution_before(prefix)
            if who is not None:
                found.append(who)
        if not span.prefix.strip() and span.start_para > 0:
            previous = paragraphs[span.start_para - 1]
            if previous.rstrip().endswith(":"):
                who = _attribution_before(_last_sentence(previous), colon=True)
                if who is not None:
                    found.append(who)
        named = [w for w in found if w.name]
        return (named or found or [None])[0]

    @staticmethod
    def _continuation(previous: _Span, span: _Span) -> ParsedSpeaker | None:
        """The same speaker carries on when nothing but attribution lies between."""
        if span.own_attribution:
            return None
        if previous.end_para == span.start_para:
            if previous.suffix != span.prefix:
                return None  # another quotation lies between
            gap = previous.suffix_rest
        elif previous.end_para == span.start_para - 1:
            gap = previous.suffix_rest + " " + span.prefix
        else:
            return None
        if any(c.isalpha() for c in gap):
            return None
        return previous.speaker

    @staticmethod
    def _indirect_speakers(
        paragraphs: list[str], spans: list[_Span], people: _People
    ) -> list[tuple[tuple[int, int], ParsedSpeaker]]:
        """People reported as speaking ("Minister X said the plan..."), by position."""
        # Words inside quotations are the speaker's, not reports of speech: blank them out.
        hidden: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            for index in range(span.start_para, span.end_para + 1):
                a = max(span.start_pos, 0) if index == span.start_para else 0
                b = span.end_pos if index == span.end_para else len(paragraphs[index])
                hidden.setdefault(index, []).append((a, b))
        masked = list(paragraphs)
        for index, intervals in hidden.items():
            p, parts, last = paragraphs[index], [], 0
            for a, b in intervals:
                parts.append(p[last:a] + " " * (b - a))
                last = b
            masked[index] = "".join(parts) + p[last:]
        found = []
        for index, paragraph in enumerate(masked):
            for match in _INDIRECT_VERB.finditer(paragraph):
                if match.group(0) == "according to":
                    tail = paragraph[match.end() : match.end() + 300]
                    stop = _sentence_end(tail)
                    who = _parse_who(tail[:stop] if stop else tail, after_verb=True)
                else:
                    head = paragraph[max(0, match.start() - 300) : match.start()]
                    head = re.split(r"[;:“”\"]", head)[-1]
                    who = _parse_who(_last_sentence(head)[-200:], after_verb=False)
                if who is not None and who.name:
                    speaker = people.candidate(who)
                    found.append(((index, match.start()), speaker))
        return found

    def _note_unquoted_statements(self, paragraphs: list[str], people: _People) -> None:
        for index, paragraph in enumerate(paragraphs):
            if not paragraph.endswith(":"):
                continue
            match = _PREFIX_STATEMENT.match(_last_sentence(paragraph))
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if match and following and following[0] not in _ANY_QUOTE:
                who = _parse_who(match.group("who"), after_verb=False)
                name = people.candidate(who).name if who and who.name else "the issuer"
                self.unplaced.append(
                    f"statement by {name} follows without quotation marks; not taken as a quote"
                )

    @staticmethod
    def _last_person(accepted, indirect, at) -> ParsedSpeaker | None:
        """Who "he" or "she" refers to: the last person quoted or reported before ``at``."""
        best, best_at = None, (-1, -1)
        if accepted and (accepted[-1].end_para, accepted[-1].end_pos) < at:
            best, best_at = accepted[-1].speaker, (accepted[-1].end_para, accepted[-1].end_pos)
        index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
        if index >= 0 and indirect[index][0] > best_at:
            best = indirect[index][1]
        return best

    @staticmethod
    def _indirect_before(indirect, span: _Span) -> ParsedSpeaker | None:
        """Someone reported as speaking just before the quote, in its paragraph or the last."""
        at = (span.start_para, max(span.start_pos, 0))
        index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
        if index >= 0 and indirect[index][0][0] >= span.start_para - 1:
            return indirect[index][1]
        return None

    # -- events and themes --------------------------------------------------

    def _events(self, paragraphs: list[str], release_year: int | None) -> list[ParsedEvent]:
        events: list[ParsedEvent] = []
        seen: set[tuple[datetime.date, datetime.date]] = set()
        noted: set[str] = set()
        texts = list(paragraphs)
        if self.title:
            texts.append(self.title)
        for text in texts:
            matches = []
            for pattern in (_EVENT_DAY_FIRST, _EVENT_MONTH_FIRST):
                matches.extend(pattern.finditer(text))
            matches.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
            last_end = -1
            for match in matches:
                if match.start() < last_end:
                    continue
                result = self._event(match, text, release_year)
                if result is None:
                    continue
                last_end = match.end()
                if isinstance(result, str):
                    if result not in noted:
                        noted.add(result)
                        self.unplaced.append(result)
                    continue
                key = (result.start, result.end)
                if key not in seen:
                    seen.add(key)
                    events.append(result)
        return events

    def _event(
        self, match: re.Match[str], text: str, release_year: int | None
    ) -> ParsedEvent | str | None:
        """The event for ``match``, a note for the editor, or None when it is no range."""
        if match.group("andsep") and not _BETWEEN.search(
            text[max(0, match.start() - 15) : match.start()]
        ):
            return None
        months = [match.group("m1"), match.group("m2")]
        if "may" in months:
            return None  # lower-case "may" is the verb
        source = match.group(0).strip(" ,")
        d1, d2 = int(match.group("d1")), int(match.group("d2"))
        m1, m2 = _month(months[0]), _month(months[1])
        m1 = m1 or m2
        m2 = m2 or m1
        if m1 is None or m2 is None:
            return None
        if (not months[0] or not months[1]) and d2 < d1:
            return None  # "13-11 June" within one month runs backwards
        wraps = (m1, d1) > (m2, d2)
        y1 = int(match.group("y1")) if match.group("y1") else None
        y2 = int(match.group("y2")) if match.group("y2") else None
        if y2:
            end_year, start_year = y2, y1 or (y2 - 1 if wraps else y2)
        elif y1:
            start_year, end_year = y1, y1 + 1 if wraps else y1
        else:
            fallback = self.year_arg or release_year
            if fallback is None:
                return f"date range “{source}” has no year; pass a year to place it"
            start_year, end_year = fallback, fallback + 1 if wraps else fallback
        try:
            start = datetime.date(start_year, m1, d1)
            end = datetime.date(end_year, m2, d2)
        except ValueError:
            return f"date range “{source}” is not a valid date"
        if end < start or (end - start).days > 366:
            return f"date range “{source}” does not make sense"
        return ParsedEvent(start=start, end=end, source=source)

    def _themes(self, paragraphs: list[str]) -> list[str]:
        haystack = "\n".join([self.title, *paragraphs])
        found: list[str] = []
        for theme in self.themes_arg:
            if theme in found:
                continue
            pattern = _theme_pattern(theme)
            if pattern is not None and pattern.search(haystack):
                found.append(theme)
        return found


# --------------------------------------------------------------------------
# Helpers used by the parser
# --------------------------------------------------------------------------


def _city_name(city: str) -> str:
    if city.upper() != city:
        return city
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), city.lower())


def _attribution_before(sentence: str, *, colon: bool = False) -> _Who | None:
    """Attribution written before a quotation ("X, ROLE, said:", "Comments from X:")."""
    sentence = sentence.strip()
    if not sentence or len(sentence) > 400:
        return None
    match = _PREFIX_FROM.match(sentence) if colon else None
    if match:
        return _parse_who(match.group("who"), after_verb=False)
    if colon:
        match = _PREFIX_STATEMENT.match(sentence)
        if match:
            return _parse_who(match.group("who"), after_verb=False)
    match = _PREFIX_SAID.match(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=False)
    match = _PREFIX_ACCORDING.search(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    if colon:
        match = _PREFIX_BARE.match(sentence)
        if match:
            who = _parse_who(match.group("who"), after_verb=False)
            if who is not None and who.name and not who.single:
                return who
    return None


def _tidy(block: str) -> str:
    text = " ".join(block.split())
    text = re.sub(r"\s+([,.;:!?]+)(?=[\s”\"’)]|$)", r"\1", text)
    text = re.sub(r"\s+”(?=[\s,.;:!?]|$)", "”", text)
    text = re.sub(r"([“„])\s+", r"\1", text)
    text = re.sub(r'(^|\s)"\s+(?=\w)', r'\1"', text)
    # Scrapes drop the space where a link or tag used to be.
    text = re.sub(r"\)(?=[A-Za-z])", ") ", text)
    text = re.sub(r",(?=[A-Za-z“‘])", ", ", text)
    return re.sub(r"\b(said|says|stated|added|continued)(?=[A-Z])", r"\1 ", text)


def _tidy_after_split(piece: str) -> str:
    piece = re.sub(r"”(?=[a-z])", "” ", piece)
    piece = re.sub(r'(?<=[,.!?])"(?=[a-z])', '" ', piece)
    return piece.strip()


def _starts_sentence(text: str, i: int) -> bool:
    if i >= len(text):
        return False
    c = text[i]
    if c.isupper() or c in "“‘":
        return True
    return c == '"' and i + 1 < len(text) and text[i + 1].isalnum()


def _split_glued(paragraph: str) -> list[str]:
    """Split paragraphs glued without a space: "Albania.Over", "said:“Today", "cost.”INTERPOL"."""
    cuts: set[int] = set()
    straight = 0
    n = len(paragraph)
    for i, c in enumerate(paragraph):
        if c in ".!?" and i + 1 < n:
            j = i + 1
            # Step over a closing mark; an odd count of straight quotes means this one closes.
            if paragraph[j] == "”" or (paragraph[j] == '"' and straight % 2 == 1):
                j += 1
            if (
                _starts_sentence(paragraph, j)
                and not (c == "." and _is_abbreviation(paragraph, i))
                and not _looks_like_domain(paragraph, i, j)
            ):
                cuts.add(j)
        elif (c == "”" and _starts_sentence(paragraph, i + 1)) or (
            c == ":"
            and 0 < i < n - 1
            and paragraph[i - 1].isalpha()
            and _starts_sentence(paragraph, i + 1)
        ):
            cuts.add(i + 1)
        if c == '"':
            straight += 1
    pieces = []
    last = 0
    for cut in sorted(cuts):
        if 0 < cut < n:
            pieces.append(paragraph[last:cut].strip())
            last = cut
    pieces.append(paragraph[last:].strip())
    return [p for p in pieces if p]


def _looks_like_domain(text: str, dot: int, after: int) -> bool:
    """ "Accountable.US president" is a name, not two sentences."""
    words = text[max(0, dot - 40) : dot].split()
    word_before = words[-1] if words else ""
    match = re.match(r"[A-Z]{2,3}(?![\w])", text[after:])
    return bool(match and word_before[:1].isupper())


class _People:
    """Speakers found so far, and the mentions used to complete their names."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.mentions = mentions
        self.positions = [(m.para, m.pos) for m in mentions]
        self.quoted: list[ParsedSpeaker] = []
        self.quoted_ids: set[int] = set()
        self.known: dict[str, ParsedSpeaker] = {}
        self.by_surname: dict[str, list[_Mention]] = {}
        self.roles: dict[str, str] = {}
        for mention in mentions:
            self.by_surname.setdefault(mention.name.split()[-1], []).append(mention)
            if mention.role or mention.office:
                current = self.roles.get(mention.name, "")
                if not current or (mention.role and current in _OFFICE_HONORIFICS.values()):
                    self.roles[mention.name] = mention.role or mention.office

    def _full_name(self, surname: str) -> _Mention | None:
        # Prefer "Stuart Robert" to "S. Robert"; otherwise the first mention.
        candidates = self.by_surname.get(surname, [])
        for mention in candidates:
            if not _INITIAL.fullmatch(mention.name.split()[0]):
                return mention
        return candidates[0] if candidates else None

    def _role_of(self, name: str) -> str:
        return self.roles.get(name, "")

    def candidate(self, who: _Who) -> ParsedSpeaker:
        """A speaker for ``who`` without marking them as quoted."""
        name = who.name
        if who.single:
            known = self._by_surname(name)
            if known is not None:
                self._improve_role(known, who.role)
                return known
            mention = self._full_name(name)
            if mention is not None:
                name = mention.name
        existing = self.known.get(name.casefold())
        if existing is not None:
            self._improve_role(existing, who.role)
            return existing
        speaker = ParsedSpeaker(name=name, role="")
        self._improve_role(speaker, who.role or who.office)
        self._improve_role(speaker, self._role_of(name))
        self.known[name.casefold()] = speaker
        # Keyed with a leading space so a surname never collides with a full name.
        self.known.setdefault(f" {name.split()[-1]}", speaker)
        return speaker

    @staticmethod
    def _improve_role(speaker: ParsedSpeaker, role: str) -> None:
        """Keep the fullest role: "Senator" gives way to "Senator for Utah"."""
        if not role:
            return
        current = speaker.role.casefold()
        if (
            not current
            or (current in _OFFICE_HONORIFICS and role.casefold() not in _OFFICE_HONORIFICS)
            or (current in role.casefold() and len(role) > len(current))
        ):
            speaker.role = role

    def _by_surname(self, surname: str) -> ParsedSpeaker | None:
        return self.known.get(f" {surname}")

    def resolve(self, who: _Who, last: ParsedSpeaker | None, at) -> ParsedSpeaker | None:
        if who.ref == "pronoun":
            return last
        if who.ref == "role":
            return self._by_role(who.ref_text, at)
        return self.candidate(who)

    def mark_quoted(self, speaker: ParsedSpeaker) -> None:
        if id(speaker) not in self.quoted_ids:
            self.quoted_ids.add(id(speaker))
            self.quoted.append(speaker)

    def _by_role(self, reference: str, at) -> ParsedSpeaker | None:
        wanted = reference.casefold()
        for speaker in reversed(self.quoted):
            if wanted in speaker.role.casefold():
                return speaker
        # The latest holder named before the quote, else the first named after it.
        cut = bisect.bisect_left(self.positions, at)
        for mention in [*reversed(self.mentions[:cut]), *self.mentions[cut:]]:
            if wanted in mention.role.casefold() or wanted == mention.office.casefold():
                return self.candidate(_Who(name=mention.name, role=mention.role))
        return None
