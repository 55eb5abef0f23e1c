"""Stage 7, quotes: quotations, followed over paragraph breaks, and who said them.

Attributions are read after the quotation ("…,” said X", "…?” asked X",
"…,”X said.“…"), on a line of their own after it ("X concluded."), before it
("X, ROLE, said:", "Comments from X:"), and from a dash line ("– X, ROLE").
Straight and curly marks are both read. A quotation whose speaker cannot be
told is listed for the editor as unplaced, never silently dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .model import Draft, Notes, ParsedQuote, ParsedSpeaker
from .people import _mentions, _parse_who, _People, _Who
from .segment import _last_sentence, _sentence_end
from .vocabulary import _ANY_QUOTE, _CLOSERS, _INDIRECT_VERB, _OPENERS, _VERB, _short

# Attribution around a quotation.
_SUFFIX_AFTER = re.compile(rf"^{_VERB}\s+(?P<who>.+)$")
# "said Rep. X in a statement", "wrote Senator Y in a letter to the agency": where, not who.
_SUFFIX_WHERE = re.compile(
    r"\s+(?:in|at|during|on)\s+(?:a|an|the|his|her|their|its|this|today's)\s.*$", re.IGNORECASE
)
# "said Rep. Ocasio-Cortezin a statement": a scrape lost the space after the linked name.
_SUFFIX_WHERE_GLUED = re.compile(
    r"(?<=[a-z])(?:in|at|during)\s+(?:a|an|the|his|her|their|its|this|today's)\s.*$"
)


def _without_where(words: str) -> str:
    words = _SUFFIX_WHERE.sub("", words)
    match = _SUFFIX_WHERE_GLUED.search(words)
    if match:
        before = words[: match.start()].split()
        if before and before[-1][:1].isupper():  # a name, not "within" or "begin"
            words = words[: match.start()]
    return words


_SUFFIX_ACCORDING = re.compile(r"^according to\s+(?P<who>.+)$", re.IGNORECASE)
_SUFFIX_DASH = re.compile(r"^[–—-]\s*(?P<who>[^–—]+)$")
_SUFFIX_BEFORE = re.compile(rf"^(?P<who>[^“”\"]{{1,160}}?)\s+{_VERB}\b")
_PREFIX_SAID = re.compile(
    rf"^(?P<who>.+?)(?:,?\s+who)?,?\s+{_VERB}"
    r"(?:\s+(?:that|in a statement"
    r"|(?:in|at|during|on|of) (?:a|an|the|his|her|their|this)(?: [\w-]+){1,4}))?"
    r"\s*[:,]?\s*$"
)
# "Cook has been critical of the practice, famously writing, “…”": the clause's subject.
_PREFIX_PARTICIPLE = re.compile(
    r"(?:^|\bthat\s+|[;,]\s+)(?P<who>[A-Z][^,;“”\"]{1,60}?)\s+(?:has|had|have|was|is|were)\b"
    r"[^“”\"]{0,200}?,\s+(?:\w+ly\s+)?(?:saying|writing|adding|noting|stating|declaring)\s*[:,]?\s*$"
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
# "X released the following statement regarding …" ending a paragraph, the quote below it.
_STATEMENT_BEFORE = re.compile(
    r"^(?P<who>[^“”\"]{3,200}?)\s+(?:(?:today|has|have|also|on \w+)\s+)?"
    r"(?:issued|released|made|gave|delivered|published|shared)\s+"
    r"(?:the\s+(?:following|below)|a|this)\s+(?:joint\s+)?(?:statement|remarks|comments|message)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+(?P<who>[A-Z][^“”\"]{2,80})$")
_PREFIX_QUOTE = re.compile(
    r"\bquote[sd]?\s+(?P<who>[A-Z][^,:“”\"]{1,80}?)(?:\s+(?:at|in|on|during|from)\b[^:]*)?:\s*$"
)
_PREFIX_BARE = re.compile(r"^(?P<who>[^:]{3,80}):$")


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
    if j > 1 and p[j - 1] == " " and p[j - 2] in ",.!?" and p[j + 1 : j + 2] in (" ", ""):
        return True  # 'members, " they write': a space slipped in before the closing mark
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


_LOOKAHEAD = 10


def _closed_further_on(paragraphs: list[str], start: int) -> bool:
    """An op-ed or a statement quoted whole: opened once, its paragraphs unmarked, closed a
    few paragraphs on by a mark that opens nothing."""
    for p in paragraphs[start : start + _LOOKAHEAD]:
        if any(c in p for c in _OPENERS + "‘"):
            return False
        if '"' in p or any(c in p for c in _CLOSERS):
            return _first_double_is_closer(p)
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
                single = (
                    c == "‘"
                    and (j == 0 or p[max(0, j - 3) : j].rstrip().endswith(":"))
                    and p[j + 1 : j + 2].strip() != ""  # "‘ Mr. Example said": a speck of OCR
                )
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
                    following[0] in _OPENERS + '"'
                    or _first_double_is_closer(following)
                    or _closed_further_on(paragraphs, i + 1)
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


_INNER_ATTRIBUTION = re.compile(
    rf"(?:\baccording to\s+[^“”\"]{{3,80}}?|\s{_VERB}),\s*[“\"](?=\w)", re.IGNORECASE
)


def _restart_at_inner_attribution(span: _Span) -> None:
    """A mark opened and never closed, over a paragraph that introduces a quotation of its
    own ("“Prof. X, an expert …, According to Prof. X, “an interchangeable …"): the stray
    mark is layout, the quotation is the inner one."""
    if span.closed or len(span.pieces) != 1:
        return
    match = _INNER_ATTRIBUTION.search(span.pieces[0])
    if match:
        span.prefix += span.pieces[0][: match.end() - 1]
        span.pieces[0] = span.pieces[0][match.end() :]


def _quote_text(span: _Span) -> str:
    parts = []
    for piece in span.pieces:
        piece = " ".join(piece.split()).strip('“”„" ')
        if piece:
            parts.append(piece)
    text = "\n\n".join(parts)
    return text.rstrip(" ,;:–—-")


_OCCASION = re.compile(
    r"\b(?P<what>the\s+(?:\w+\s+){0,3}?(?:conference|meeting|summit|forum|session|event|"
    r"ceremony|assembly|congress|debate|hearing|launch|exhibition|workshop))\s+"
    r"(?:was|were|has been|is)\s+"
    r"(?P<verb>opened|closed|addressed|launched|chaired|welcomed)\s+by\b",
    re.IGNORECASE,
)
_ING = {
    "opened": "opening",
    "closed": "closing",
    "addressed": "addressing",
    "launched": "launching",
    "chaired": "chairing",
    "welcomed": "welcoming to",
}


def _attribution_before(sentence: str, *, colon: bool = False) -> _Who | None:
    """Attribution before a quotation ("X, ROLE, said:", "Comments from X:"), with its occasion."""
    who = _attribution_before_who(sentence, colon=colon)
    if who is not None and not who.context:
        # "The conference was opened by X, who said:" — said opening the conference.
        match = _OCCASION.search(sentence)
        if match:
            what = match.group("what")
            who.context = f"{_ING[match.group('verb').casefold()]} {what[:1].lower()}{what[1:]}"
    return who


def _attribution_before_who(sentence: str, *, colon: bool = False) -> _Who | None:
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
    match = _PREFIX_QUOTE.search(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    match = _PREFIX_ACCORDING.search(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    match = _PREFIX_PARTICIPLE.search(sentence)
    if match:
        return _parse_who(re.split(r"\bthat\s+", match.group("who"))[-1], after_verb=False)
    if colon:
        match = _PREFIX_BARE.match(sentence)
        if match:
            who = _parse_who(match.group("who"), after_verb=False)
            if who is not None and who.name and not who.single:
                return who
    return None


def run(draft: Draft, notes: Notes) -> None:
    draft.quotes, draft.speakers = _quotes(draft.paragraphs, notes)


def _quotes(paragraphs: list[str], notes: Notes) -> tuple[list[ParsedQuote], list[ParsedSpeaker]]:
    spans = _scan_quotes(paragraphs)
    people = _People(_mentions(paragraphs))
    indirect = _indirect_speakers(paragraphs, spans, people)
    _note_unquoted_statements(paragraphs, people, notes)

    accepted: list[_Span] = []
    for span in spans:
        _restart_at_inner_attribution(span)
        text = _quote_text(span)
        who = _own_attribution(span, paragraphs)
        span.own_attribution = who is not None
        if not text:
            continue
        at = (span.start_para, max(span.start_pos, 0))
        speaker = None
        if who is not None:
            span.context = who.context
            speaker = people.resolve(who, _last_person(accepted, indirect, at), at)
        if speaker is None and accepted:
            speaker = _continuation(accepted[-1], span)
        # Words just before the quote in its sentence that name nobody: a phrase in marks.
        # A quotation opening its own sentence after "Mr. X said that …" is X's.
        if (
            speaker is None
            and who is None
            and any(c.isalpha() for c in _last_sentence(span.prefix))
        ):
            # Marks around a title or a phrase are not speech; a sentence or a long
            # passage may be, and is listed rather than dropped.
            if len(text.split()) >= 8:
                notes.unplace(f"quotation without a speaker: “{_short(text, 70)}”")
            continue
        if speaker is None:
            speaker = _indirect_before(indirect, span)
        if speaker is None and not accepted:
            speaker = _issuer_above(span, paragraphs, people, at)
        if speaker is None:
            if len(text.split()) >= 4:
                notes.unplace(f"quotation without a speaker: “{_short(text, 70)}”")
            continue
        people.mark_quoted(speaker)
        if not span.closed:
            notes.unplace(
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


def _own_attribution(span: _Span, paragraphs: list[str]) -> _Who | None:
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
        (_SUFFIX_BEFORE, False, 25),
    ):
        match = pattern.match(clause) if clause else None
        if not match or len(match.group("who").split()) > max_words:
            continue
        if pattern is _SUFFIX_BEFORE and _NOT_SUBJECT.match(match.group("who")):
            continue  # "…" is incorrect and contradicts what X said: a sentence, not an attribution
        words = match.group("who")
        if after:
            words = _without_where(words)
        who = _parse_who(words, after_verb=after)
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
    if not found:
        who = _dash_line_attribution(span, paragraphs) or _statement_above(span, paragraphs)
        if who is not None:
            found.append(who)
    named = [w for w in found if w.name]
    return (named or found or [None])[0]


_MAX_REPORTS = 25
_TERMINAL = re.compile(r"[.!?:;]$")
# A clause after a quotation that starts in lower case is a sentence, unless it is a pronoun.
_NOT_SUBJECT = re.compile(r"(?!(?:the|a|an|he|she|they)\b)[a-z]")
_DASH_LINE = re.compile(r"^[–—-]\s*(?P<who>[^–—“”\"]{3,200}?)\.?$")


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
    for sentence in _sentences(above)[:3]:
        match = _STATEMENT_BEFORE.match(sentence)
        if match:
            return _parse_who(match.group("who"), after_verb=False)
    return None


# A heading may end on a company's or a degree's abbreviation ("– BioFactura, Inc.").
_ENDS_ABBREVIATED = re.compile(r"\b(?:Inc|Ltd|Corp|Co|LLC|LLP|Jr|Sr|M\.D|Ph\.D|P\.C)\.$")
_COMPANY = re.compile(r"\b(?:Inc|Ltd|Corp|LLC|LLP|P\.C)\.?$")
_HEADING_DASH = re.compile(r"\s*[–—]\s*|\s+-\s*|(?<=\w)-\s+")


def _heading_line(line: str) -> _Who | None:
    """A line naming the speaker of the quote below it, with no verb: "ERIC – CEO Jo Example"."""
    if len(line.split()) > 25 or any(c in line for c in '“”"'):
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


def _sentences(paragraph: str) -> list[str]:
    out, start = [], 0
    while start < len(paragraph):
        end = _sentence_end(paragraph, start) or len(paragraph)
        out.append(paragraph[start:end].strip())
        start = end
    return out


def _dash_line_attribution(span: _Span, paragraphs: list[str]) -> _Who | None:
    """ "– Ana Example, Under-Secretary-General" on its own line, after the quote or before it.

    A dash line between two quotations belongs to the one above it.
    """
    after = span.end_para + 1
    if not span.suffix.strip() and after < len(paragraphs):
        match = _DASH_LINE.match(paragraphs[after])
        if match:
            return _parse_who(match.group("who"), after_verb=True)
    before = span.start_para - 1
    if not span.prefix.strip() and before >= 0:
        match = _DASH_LINE.match(paragraphs[before])
        above = paragraphs[before - 1].rstrip() if before > 0 else ""
        if match and not above.endswith(("”", '"')):
            return _parse_who(match.group("who"), after_verb=True)
    return None


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
        # A real paragraph reports a few speakers; a pathological one must not cost more.
        for match in itertools.islice(_INDIRECT_VERB.finditer(paragraph), _MAX_REPORTS):
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


def _note_unquoted_statements(paragraphs: list[str], people: _People, notes: Notes) -> None:
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.endswith(":"):
            continue
        match = _PREFIX_STATEMENT.match(_last_sentence(paragraph))
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if match and following and following[0] not in _ANY_QUOTE:
            who = _parse_who(match.group("who"), after_verb=False)
            name = people.candidate(who).name if who and who.name else "the issuer"
            notes.unplace(
                f"statement by {name} follows without quotation marks; not taken as a quote"
            )


# The lead's subject: "Today, Congresswoman Jo Example voted …", "Sens. A and B introduced …".
_LEAD_SUBJECT = re.compile(
    r"^(?:(?:today|yesterday|this week|on \w+(?: \d{1,2})?),\s+)?"
    r"(?P<who>[A-Z][^“”\"]{2,200}?)\s+(?:(?:today|also|on \w+|this week)\s+)?"
    r"(?:[a-z]+ed|sent|led|wrote|spoke|won|took|made|gave)\b",
    re.IGNORECASE,
)


def _issuer_above(span: _Span, paragraphs: list[str], people: _People, at):
    """The first quotation, opening the paragraph after the lead's first sentence, with no
    attribution anywhere: the statement of the person the lead is about, the first one
    named when several issue it together ("Senators Lee, Graham and Cruz … they write")."""
    if span.prefix.strip() or span.start_para == 0:
        return None
    first = _sentences(paragraphs[span.start_para - 1])[:1]
    match = _LEAD_SUBJECT.match(first[0]) if first else None
    if not match or not match.group("who")[:1].isupper():
        return None
    subject = re.split(r",|\s+and\s+|\s+&\s+", match.group("who"))[0]
    who = _parse_who(subject, after_verb=False)
    if who is None or not who.name:
        return None
    return people.resolve(who, None, at)


def _last_person(accepted, indirect, at) -> ParsedSpeaker | None:
    """Who "he" or "she" refers to: the last person quoted or reported before ``at``."""
    best, best_at = None, (-1, -1)
    if accepted and (accepted[-1].end_para, accepted[-1].end_pos) < at:
        best, best_at = accepted[-1].speaker, (accepted[-1].end_para, accepted[-1].end_pos)
    index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
    if index >= 0 and indirect[index][0] > best_at:
        best = indirect[index][1]
    return best


def _indirect_before(indirect, span: _Span) -> ParsedSpeaker | None:
    """Someone reported as speaking just before the quote, in its paragraph or the last."""
    at = (span.start_para, max(span.start_pos, 0))
    index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
    if index >= 0 and indirect[index][0][0] >= span.start_para - 1:
        return indirect[index][1]
    return None
