"""Words and dates every stage reads: months, weekdays, roles, honorifics, connectors."""

from __future__ import annotations

import re


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
    sen rep gov commissioner-general spokesperson's cabinet senators representatives reps sens
    congressmen congresswomen members leaders chairs governors mayors judges justices ranking
    gen adm lt col maj capt sgt cmdr brig cpl amb supervisor alderwoman councilmember
    comptroller
    """
)
# What a person is, written before the name like a title ("Survivor Jo Roe said"), but in
# a body's name too ("Ferry Victim Support Group"): a role, never the name's first word.
_STATUS_WORDS = _words("survivor victim advocate activist alderman provost")
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
    # Military and diplomatic ranks before a name belong to the role: "Gen. Jo Example".
    "gen": "General",
    "adm": "Admiral",
    "lt": "Lieutenant",
    "col": "Colonel",
    "maj": "Major",
    "capt": "Captain",
    "sgt": "Sergeant",
    "cmdr": "Commander",
    "brig": "Brigadier",
    "cpl": "Corporal",
    "amb": "Ambassador",
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
    agent
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
    national international bureau works security economic crime social health education energy
    environment affairs development trade transport defence defense finance treasury rights
    human action watch division unit directorate secretariat taskforce society federation
    chamber trust campaign institute foundation letter letters america unions council councils
    board boards federations associations annual interim subcommittee subcommittees caucus
    """
)
_CONTEXT_STARTERS = _words(
    "in at during on speaking opening closing addressing commenting responding writing when "
    "while after before launching welcoming announcing"
)
_NOT_NAME = (
    _NOT_NAME_WORDS
    | _CONTEXT_STARTERS  # "Speaking from Darwin, Professor X said:"
    | _ROLE_WORDS
    | _SOCIAL_HONORIFICS
    | frozenset(_OFFICE_HONORIFICS)
    | _CONNECTORS
    | _WEEKDAYS
    # Month names are first names too (Jan, June, April); these ones never are.
    | _words("may march mar sep sept")
)
_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sen rep gov lt col gen sgt capt cmdr adm maj brig cpl amb st mt ft jr sr
    no nos vs etc inc
    ltd co corp dept est fig approx vol pp hon rev messrs jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue wed thu fri sat sun al vt pa ca fla ga ill mass mich minn mo ariz calif
    colo conn ind kan ky md neb nev okla ore tenn tex va wis wyo
    """
)
_VERB = (
    r"(?:said|says|added|adds|continued|continues|stated|states|explained|explains|noted|notes|"
    r"commented|remarked|declared|declares|wrote|writes|write|concluded|concludes|emphasi[sz]ed|"
    r"stressed|urged|warned|insisted|argued|observed|asked|asks|replied|responded|recalled|"
    r"acknowledged|admitted|vowed|cautioned|reiterated|affirmed|pledged|shared|"
    # "As the writer Ann Lee put it in her lecture:"
    r"puts? it|told(?:\s+[a-z]+){0,2})"
)
_INDIRECT_VERB = re.compile(
    r"\b(?:said|says|added|stated|explained|noted|warned|urged|announced"
    # "Rep. Example expressed disappointment with the vote. “…”": a view stated, then quoted.
    r"|expressed|stressed|emphasi[sz]ed|argued"
    # "The Minister went on to note that …"
    r"|went\s+on\s+to\s+(?:note|say|add|stress|explain))\b|\baccording to\b"
)

_OPENERS = "“„"
_CLOSERS = "”"
_ANY_QUOTE = '“”„"‘'


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
