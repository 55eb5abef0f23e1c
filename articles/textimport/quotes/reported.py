"""Speakers not written next to the quotation: reported speech, the same speaker
carrying on, the person the lead is about, and statements set out without marks."""

from __future__ import annotations

import bisect
import itertools
import re

from ..model import Notes, ParsedSpeaker
from ..people import _mentions, _parse_who, _People
from ..segment import _TERMINAL_END, _last_sentence, _sentence_end
from ..vocabulary import _ANY_QUOTE, _INDIRECT_VERB, _ROLE_WORDS, _SOCIAL_HONORIFICS, _words
from .around import _sentences
from .before import _PREFIX_STATEMENT, _TOPIC_HEADING
from .headline import SPEAKS, title_subject
from .lead import _LEAD_SUBJECT
from .pronoun import opening_subject
from .scan import _Span

_MAX_REPORTS = 25


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
    if any(c.isalpha() for c in gap) and not _AND_THAT.match(gap):
        return None
    return previous.speaker


# "he said that “…”, and that “…”": the same sentence carries on to a second quotation.
_AND_THAT = re.compile(r"^[\s,]*(?:and|and that|and added that|adding that)[\s,]*$")


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
            head = ""
            if match.group(0) == "according to":
                tail = paragraph[match.end() : match.end() + 300]
                stop = _sentence_end(tail)
                who = _parse_who(tail[:stop] if stop else tail, after_verb=True)
            else:
                head = paragraph[max(0, match.start() - 300) : match.start()]
                head = re.split(r"[;:“”\"]", head)[-1]
                who = _parse_who(_last_sentence(head)[-200:], after_verb=False)
            if who is not None and who.ref == "pronoun" and index and head.strip() in ("He", "She"):
                # "She said she keeps in touch …" under a paragraph opening on "Stefanik, …".
                who = opening_subject(paragraphs[index - 1], people)
            if who is not None and who.name and people.may_be_person(who):
                speaker = people.candidate(who)
                found.append(((index, match.start()), speaker))
            elif who is not None and who.ref == "role":
                # "The Minister added that …": the one holding that office, named before.
                speaker = people.resolve(who, None, (index, match.start()))
                if speaker is not None:
                    found.append(((index, match.start()), speaker))
    return found


# "Example: “…”": the statement below, quoted under the issuer's name.
_TURN = re.compile(r"^[A-Z][\w.'’ -]{0,40}:\s*[“\"„]")


def _note_unquoted_statements(paragraphs: list[str], people: _People, notes: Notes) -> None:
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.endswith(":"):
            continue
        match = _PREFIX_STATEMENT.match(_last_sentence(paragraph))
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if match and following and following[0] not in _ANY_QUOTE and not _TURN.match(following):
            who = _parse_who(match.group("who"), after_verb=False)
            name = people.candidate(who).name if who and who.name else "the issuer"
            notes.unplace(
                f"statement by {name} follows without quotation marks; not taken as a quote"
            )


def _last_person(accepted, indirect, at) -> ParsedSpeaker | None:
    """Who "he" or "she" refers to: the last person quoted or reported before ``at``."""
    best, best_at = None, (-1, -1)
    if accepted and (accepted[-1].end_para, accepted[-1].end_pos) < at:
        best, best_at = accepted[-1].speaker, (accepted[-1].end_para, accepted[-1].end_pos)
    index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
    if index >= 0 and indirect[index][0] > best_at:
        best = indirect[index][1]
    return best


def _indirect_before(indirect, span: _Span, *, same_paragraph: bool = False):
    """Someone reported as speaking just before the quote, in its paragraph or the last."""
    at = (span.start_para, max(span.start_pos, 0))
    index = bisect.bisect_left(indirect, at, key=lambda item: item[0]) - 1
    if index >= 0 and indirect[index][0][0] >= span.start_para - (0 if same_paragraph else 1):
        return indirect[index][1]
    return None


_NEARBY = 3  # paragraphs


def _sole_speaker_nearby(span: _Span, paragraphs, accepted, indirect, people: _People, at):
    """A quotation opening its paragraph with no attribution at all, a paragraph or two
    after the one person the release has quoted or reported so far, with no one else named
    between: that person carries on ("Mr X said …" / a paragraph of background / "“…”")."""
    if span.prefix.strip() or len(people.quoted) > 1:
        return None
    if _under_heading(span, paragraphs, topic_allowed=bool(people.quoted)):
        return None
    above = paragraphs[span.start_para - 1].rstrip() if span.start_para else ""
    if above.endswith(":") and _others_named(above, people):
        return None  # "… pamphlets by Jo Roe and Al Lee, it is stated that Labor will:"
    reports = [(where, who) for where, who in indirect if where < at]
    # No one quoted yet: the one person reported so far ("X said she had today decided …").
    speaker = people.quoted[0] if people.quoted else (reports[0][1] if reports else None)
    if speaker is None or any(who is not speaker for _, who in reports):
        return None
    last = max(
        [where for where, _ in reports]
        + [(s.end_para, s.end_pos) for s in accepted if s.speaker is speaker],
        default=None,
    )
    if last is None:
        return None
    listed = _list_between(paragraphs, last[0], span.start_para)
    if span.start_para - last[0] > _NEARBY and not listed:
        return None
    # Someone else named between with a role ("Chief Medical Officer Ana Other") may be
    # the speaker; capitalised words without one ("Recovery Roundtable") are not. (In the
    # speaker's list, only a person an item opens with: others are what the items are about.)
    surname = speaker.name.split()[-1]
    between = [m for m in people.mentions if last[0] < m.para < span.start_para]
    if listed:  # (in the speaker's list, a person an item is; the rest is what it is about)
        between = [m for m in between if _item_is_person(paragraphs[m.para], m)]
    else:
        between = [m for m in between if m.role or m.office]
    if any(m.name.split()[-1] != surname for m in between):
        return None
    return speaker


def _list_between(paragraphs: list[str], last: int, start: int) -> bool:
    """ "Senator X noted five objectives …:" and the items below it, none a sentence ending
    in a stop: the speaker's list, the quotation after it theirs again."""
    items = paragraphs[last + 1 : start]
    return (
        paragraphs[last].rstrip().endswith(":")
        and 2 <= len(items) <= 12
        and not any(p.rstrip()[-1:] in '.!?:”"' or p.lstrip()[:1] in '“"' for p in items)
    )


_TITLES = _ROLE_WORDS | _SOCIAL_HONORIFICS


def _item_is_person(item: str, mention) -> bool:
    """A list item that opens with a person, titled or not ("• Lowtown Mayor Al Lee and the
    council", "Dr. Ana Other, Chief Medical Officer"), not one that names someone after a verb
    ("Award Captain Bo Carter the Medal")."""
    words = item.split()[: max(0, mention.pos - len(mention.name.split()) + 1)]
    words = [w for w in words if any(c.isalpha() for c in w)]  # (not a bullet or a number)
    low = [w.casefold().rstrip(".,") for w in words]
    verb = bool(low) and not _ITEM_VERBS.isdisjoint({low[0], low[0][:-1], low[0][:-2]})
    return not verb and all(
        w in _TITLES or w in ("the", "former") or word[:1].isupper()
        for w, word in zip(low, words, strict=True)
    )


# Verbs opening the items of a bill's or a plan's list.
_ITEM_VERBS = _words(
    "award require rename fund direct establish provide create allow prohibit expand ensure "
    "authorize authorise designate name honor honour recognize recognise ask urge"
)


def _others_named(paragraph: str, people: _People) -> bool:
    """A line introducing a quotation that names others and not the person quoted so far,
    handing over to no one by "she", "he" or an office."""
    if re.search(r"\b(?:he|she|his|her|they)\b", paragraph, re.IGNORECASE):
        return False
    quoted = {s.name.split()[-1] for s in people.quoted}
    named = [m.name.split()[-1] for m in _mentions([paragraph])]
    return bool(named) and not quoted & set(named)


def _under_heading(span: _Span, paragraphs: list[str], *, topic_allowed: bool = False) -> bool:
    """A short line without a full stop just above ("Example Growers") heads the quote: it
    names whoever speaks there, not the person quoted before."""
    above = paragraphs[span.start_para - 1] if span.start_para else ""
    if len(above) > 200:
        return False  # (a paragraph, not a heading: its words need not be counted)
    words = above.split()
    if len(words) > _HEADING_WORDS or _TERMINAL_END.search(above.rstrip()):
        return False
    # A topic's heading ("Income management", "Pensions", "Newstart recipients remain in
    # poverty") names no one: the person quoted above it carries on below it. ("Industry
    # reaction", "Quotes attributable to …" and a heading above the first quotation do not.)
    if not topic_allowed or _OTHERS_HEADING.search(above):
        return True
    return len(words) > 1 and not any(_COMMON_WORD.match(w) for w in words)


_HEADING_WORDS = 8
_OTHERS_HEADING = re.compile(
    r"\b(?:reactions?|responses?|responds?|attributable|quotes?|comments?|says|statements?|"
    r"views?|welcomes?|backs?)\b",
    re.IGNORECASE,
)
_COMMON_WORD = re.compile(r"^(?!(?:and|of|for|the|with|from|on|in|at)$)[a-z][a-z’'-]{3,}$")


# "View highlights from her interview below:", "Excerpts of his remarks follow:".
_INTERVIEW = re.compile(
    r"\b(?:interview|remarks|highlights|excerpts|conversation|appearance|Q&A)\b", re.IGNORECASE
)


# "Some of the interview is transcribed below. Follow the link …", below a lead in which the
# person it is about spoke or was interviewed (not one who interviewed someone else, nor
# "his remarks", whoever he is).
_TRANSCRIBED = re.compile(
    r"^(?:(?:some|part|parts|excerpts?|highlights)\s+of\s+)?the\s+interview\s+(?:is|are)\s+"
    r"(?:transcribed|set out|reproduced|printed|excerpted)\s+below\b",
    re.IGNORECASE,
)
_WAS_INTERVIEWED = re.compile(
    r"\b(?:spoke|speaks|talked|talks|was interviewed|appeared|told)\b"
    r"(?![^.]*\binterview(?:ed|ing)\b)"
)
# "Find her full remarks below.", "Read his remarks as prepared for delivery below:",
# "View the full transcript of her remarks below:"
_POINTER = re.compile(
    r"^(?:read|find|see|view)\s+(?:the\s+(?:full\s+)?(?:transcript|text)\s+of\s+)?"
    r"(?:her|his|their)\s+(?:full\s+)?"
    r"(?:remarks|statement|speech|testimony|comments)(?:\s+as\s+prepared(?:\s+for\s+delivery)?)?"
    r"\s+below\s*[.:]?$",
    re.IGNORECASE,
)


def _interviewee(span: _Span, paragraphs: list[str], people: _People, at, title: str = ""):
    """A quotation under a topic heading ("On the budget:") or just below a line pointing
    to it ("Find her full remarks below."), in a release that sets out an interview's or a
    speech's highlights: the words of the person the lead is about."""
    if span.prefix.strip() or span.start_para == 0:
        return None
    above_line = paragraphs[span.start_para - 1].strip()
    transcribed = bool(_TRANSCRIBED.match(above_line))
    if not (_TOPIC_HEADING.match(above_line) or _POINTER.match(above_line) or transcribed):
        return None
    if transcribed and not any(_WAS_INTERVIEWED.search(p) for p in paragraphs[: span.start_para]):
        return None
    above = paragraphs[: span.start_para - 1]
    if not above and _POINTER.match(above_line):
        # The pointer opens the release: the headline says whose remarks they are.
        return title_subject(title, SPEAKS, people)
    if not any(_INTERVIEW.search(p) for p in [*above, above_line]):
        return None
    for paragraph in above:
        if _TOPIC_HEADING.match(paragraph.strip()):
            break
        first = _sentences(paragraph, 1)
        match = _LEAD_SUBJECT.match(first[0]) if first else None
        if not match or not match.group("who")[:1].isupper():
            continue
        subject = re.split(r",|\s+and\s+|\s+&\s+", match.group("who"))[0]
        who = _parse_who(subject, after_verb=False)
        if who is not None and who.name:
            return people.resolve(who, None, at)
    return None
