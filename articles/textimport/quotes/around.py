"""Attributions from the lines around a quotation: a byline or "X released the following
statement:" above it, a heading line naming the speaker ("Jane Roe – Director, Example
Inc."), and a dash line below or above it ("– X, ROLE")."""

from __future__ import annotations

import re

from ..people import _mentions, _parse_who, _Who
from ..segment import _sentence_end
from ..vocabulary import _MONTH_RE, _VERB, _WEEKDAY_RE
from .scan import _Span

_BYLINE = re.compile(r"^By\s+(?P<who>[A-Z][^“”\"]{2,80})$")
# "X released the following statement regarding …" ending a paragraph, the quote below it.
_STATEMENT_BEFORE = re.compile(
    r"^(?P<who>[^“”\"]{3,200}?)\s+(?:(?:today|yesterday|has|have|also|on \w+"
    rf"|{_WEEKDAY_RE})\s+)?"
    r"(?:issued|released|made|gave|delivered|published|shared)\s+"
    r"(?:(?:the\s+(?:following|below)|a|this)\s+(?:joint\s+)?(?:statement|remarks|comments|message)"
    # ("the following response", not "a response to the inquiry's report")
    r"|the\s+(?:following|below)\s+(?:response|reaction))\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?:;]$")
_DASH_LINE = re.compile(r"^[–—-]\s*(?P<who>[^–—“”\"]{3,200}?)\.?$")
# "Stated Congresswoman Jo Example." on its own line below the quote: the verb first.
# ("Said Sen. Example:" ends on a colon: it introduces the quotation below it.)
_VERB_LINE = re.compile(rf"^(?=[A-Z])(?i:{_VERB})\s+(?P<who>[A-Z][^“”\":]{{2,80}}?)\.?$")


def _statement_above(span: _Span, paragraphs: list[str]) -> _Who | None:
    """ "X released the following statement …", a byline ("By Rep. X") or a heading line
    ("Organisation – Name, Role") just above the quote."""
    if span.prefix.strip() or span.start_para == 0:
        return None
    above = paragraphs[span.start_para - 1]
    match = _BYLINE.match(above)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    who = _heading_line(above)
    if who is not None:
        return who
    who = _issuer_of_statement(above) or _remarks_below(above)
    if who is None and span.start_para > 1 and _context_between(above):
        # "X released the following statement hammering …" / a paragraph of context / the
        # statement: the first quotation below the announcement is its issuer's.
        who = _issuer_of_statement(paragraphs[span.start_para - 2])
    return who


def _context_between(paragraph: str) -> bool:
    """A paragraph of context between an announced statement and the statement: no mark, no
    one else's words ("… defended the cuts in a statement"), no one named but places ("in New
    York City"; not "Mayor Al Roe of Rivertown also responded")."""
    paragraph = paragraph.strip()
    if not paragraph or any(c in paragraph for c in '“”"') or paragraph[-1] not in ".!?":
        return False
    if len(paragraph) > 600 or _SPEECH_WORDS.search(paragraph):
        return False
    return all(
        re.search(rf"\b(?:in|at|from|of|to)\s+{re.escape(m.name)}\b", paragraph)
        for m in _mentions([paragraph])
    )


_SPEECH_WORDS = re.compile(
    r"\b(?:said|says|say|told|stated?|statements?|responded|replied|defended|added|according"
    r"|spoke|remarks|comments?|commented|testified|wrote|argued|warned|claimed)\b",
    re.IGNORECASE,
)


# "See below for Sen. Lee’s full remarks, as prepared for delivery:": the quotation below is
# the words of the person whose remarks the line announces.
_REMARKS_OF = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*?)['’]s?\s+"
    r"(?:(?:full|prepared|opening|closing|complete|floor)\s+)*"
    r"(?:remarks|statement|speech|testimony|comments|address|op-ed)\b"
)


def _remarks_below(paragraph: str) -> _Who | None:
    paragraph = paragraph.strip()
    if len(paragraph) > 300 or not (paragraph.endswith(":") or re.search(r"\bbelow\b", paragraph)):
        return None
    if len(paragraph.split()) > 30 or any(c in paragraph for c in '“”"'):
        return None
    match = _REMARKS_OF.search(paragraph)
    if not match:
        return None
    who = _parse_who(match.group("who"), after_verb=True)
    return who if who is not None and who.name else None


def _issuer_of_statement(paragraph: str) -> _Who | None:
    """Who "released the following statement" in this paragraph, the statement below it."""
    for sentence in _sentences(paragraph, 3):
        match = _STATEMENT_BEFORE.match(sentence)
        if match:
            return _parse_who(match.group("who"), after_verb=False)
    return None


def _turn_of_issuer(who: _Who, span: _Span, paragraphs: list[str]) -> bool:
    """ "Example: “…”" just below "Senator Jo Example released the following statement:":
    the surname before the colon is the issuer's, the statement theirs."""
    if not who.single or span.start_para == 0:
        return False
    issuer = _issuer_of_statement(paragraphs[span.start_para - 1])
    return bool(
        issuer is not None
        and issuer.name
        and issuer.name.split()[-1].casefold() == who.name.casefold()
    )


# A heading may end on a company's or a degree's abbreviation ("– BioFactura, Inc.").
_ENDS_ABBREVIATED = re.compile(r"\b(?:Inc|Ltd|Corp|Co|LLC|LLP|Jr|Sr|M\.D|Ph\.D|P\.C)\.$")
_COMPANY = re.compile(r"\b(?:Inc|Ltd|Corp|LLC|LLP|P\.C)\.?$")
_HEADING_DASH = re.compile(r"\s*[–—]\s*|\s+-\s*|(?<=\w)-\s+")


def _heading_line(line: str) -> _Who | None:
    """A line naming the speaker of the quote below it, with no verb: "ERIC – CEO Jo Example"."""
    if len(line) > 400 or len(line.split()) > 25 or any(c in line for c in '“”"'):
        return None
    if _TERMINAL.search(line) and not _ENDS_ABBREVIATED.search(line):
        return None
    parts = _HEADING_DASH.split(line)
    for part in [*parts[1:], parts[0]]:  # the person usually follows the organisation
        if _COMPANY.search(part):
            continue
        who = _parse_who(part, after_verb=True)
        # Two capitalised words alone may be an organisation ("Example Growers"):
        # a heading names a person with a role, a title or beside an organisation.
        named = len(parts) > 1 or "," in line or _TITLED.match(line)
        if who is not None and who.name and not who.single and (named or who.role or who.office):
            return who
    return None


_TITLED = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|Sen|Rep|Gov|Hon)\.?\s", re.IGNORECASE)


def _sentences(paragraph: str, most: int = 0) -> list[str]:
    out, start = [], 0
    while start < len(paragraph) and not (most and len(out) >= most):
        end = _sentence_end(paragraph, start) or len(paragraph)
        out.append(paragraph[start:end].strip())
        start = end
    return out


_SIGNED_WITH_POST_NOMINAL = re.compile(r"\s(?:MP|MHR|MLA|MLC|QC|KC)$")


def _name_line_below(span: _Span, paragraphs: list[str]) -> _Who | None:
    """A quotation standing alone as its paragraph, signed on the line below by a titled
    name without a dash ("Senator Example"), the text going on with no quotation after it."""
    if span.prefix.strip() or span.start_pos < 0:
        return None
    line = paragraphs[span.end_para + 1]
    following = paragraphs[span.end_para + 2] if span.end_para + 2 < len(paragraphs) else ""
    # "Australian Minister for Foreign Affairs and Trade Jo Example MP": a longer signature,
    # its office and a post-nominal around the name.
    limit = 14 if _SIGNED_WITH_POST_NOMINAL.search(line) else 6
    if (
        len(line.split()) > limit
        or _TERMINAL.search(line)
        or any(c in line for c in '“”"')
        or following[:1] in '“"'
    ):
        return None
    who = _parse_who(line, after_verb=True)
    if who is None or not who.name or not (who.role or who.office or who.titled):
        return None
    return who


# A quotation's source below it, in capitals: "PETER DUTTON, BOLT REPORT, 21 FEBRUARY 2017",
# "JULIE BISHOP, PRESS CONFERENCE, 22 FEBRUARY 2017".
_CITATION = re.compile(
    rf"^(?P<who>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,4}}),\s+"
    r"(?P<where>[A-Z0-9][^,]{0,60}),\s+"
    rf"\d{{1,2}}\s+(?i:{_MONTH_RE})\s+\d{{4}}\.?$"
)
# Where words were said: a program, a station, a press conference.
_MEDIA = re.compile(
    r"\b(?:report|radio|press|conference|interview|doorstop|abc|sky|news|tv|television|"
    r"program|programme|am|pm|fm|transcript|hansard|parliament|senate|estimates|speech|"
    r"question time|breakfast|insiders|lateline|today|sunrise|statement|forum|summit|"
    r"editorial|submission|inquiry|committee|hearing|house of representatives|\d{3})\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = r"(?:Mr|Mrs|Ms|Dr|Prof|Professor|Senator|Minister|Premier|Treasurer|Leader)"


def citation(line: str, paragraphs: list[str]) -> re.Match[str] | None:
    """A quotation's source below it, in capitals: "PETER DUTTON, BOLT REPORT, 21 FEBRUARY
    2017", "PETER DUTTON, TRIPLE J HACK, 14 NOVEMBER 2016". Not a place signing the release
    off ("GOLD COAST, Queensland, 21 February 2017"): where it was said is a program or
    station, or who said it is a person the text names with a title."""
    found = _CITATION.match(line.strip())
    if found is None:
        return None
    if _MEDIA.search(found.group("where")):
        return found
    surname = re.escape(_as_written(found.group("who"), paragraphs).split()[-1])
    titled = re.compile(rf"\b{_TITLE_BEFORE}\.?\s+(?:[A-Z][\w'’-]+\s+)?{surname}\b")
    return found if any(titled.search(p) for p in paragraphs) else None


def _as_written(capitals: str, paragraphs: list[str]) -> str:
    """A name in capitals as the text writes it elsewhere ("MARK MCGOWAN" → "Mark McGowan")."""
    pattern = re.compile(rf"\b{re.escape(capitals)}\b", re.IGNORECASE)
    for paragraph in paragraphs:
        for found in pattern.finditer(paragraph):
            if not found.group(0).isupper():
                return found.group(0)
    return capitals.title()


def _dash_line_attribution(span: _Span, paragraphs: list[str]) -> _Who | None:
    """ "– Ana Example, Under-Secretary-General" on its own line, after the quote or before it.

    A dash line between two quotations belongs to the one above it.
    """
    after = span.end_para + 1
    if not span.suffix.strip() and after < len(paragraphs):
        match = _DASH_LINE.match(paragraphs[after]) or _VERB_LINE.match(paragraphs[after])
        if match:
            return _parse_who(match.group("who"), after_verb=True)
        match = citation(paragraphs[after], paragraphs)
        # "PETER DUTTON, BOLT REPORT, 21 FEBRUARY 2017": who, where and when ("THE
        # AUSTRALIAN FINANCIAL REVIEW, EDITORIAL, …": a newspaper's words, no one's)
        if match and not match.group("who").startswith("THE "):
            return _parse_who(_as_written(match.group("who"), paragraphs), after_verb=True)
        who = _name_line_below(span, paragraphs)
        if who is not None:
            return who
    before = span.start_para - 1
    if not span.prefix.strip() and before >= 0:
        match = _DASH_LINE.match(paragraphs[before])
        above = paragraphs[before - 1].rstrip() if before > 0 else ""
        if match and not above.endswith(("”", '"')):
            return _parse_who(match.group("who"), after_verb=True)
    return None
