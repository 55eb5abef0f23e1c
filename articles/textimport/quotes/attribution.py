"""Who a quotation is attributed to, from the words written next to it.

After the quotation ("…,” said X", "…?” asked X", "…,”X said.“…", "– X,
ROLE"), before it ("X, ROLE, said:", "Comments from X:", "X released the
following statement:", "…, famously writing, “…”"), and, through :mod:`.around`,
from the lines around it (a byline, a heading line naming the speaker, a dash line).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..people import _parse_who, _Who
from ..people.who import _BODY_WORDS
from ..segment import _last_sentence, _sentence_end
from ..vocabulary import _ROLE_WORDS, _VERB, _words
from .around import _dash_line_attribution, _statement_above
from .before import _attribution_before
from .introduces import _introduces_next
from .letters import _ADDRESSEE_AFTER, _ADDRESSEE_BEFORE, addressee
from .scan import _Span
from .specks import _SPECKS_AFTER_COLON, _before_specks
from .verbless import name_and_role_after

# Attribution around a quotation.
_SUFFIX_AFTER = re.compile(rf"^{_VERB}\s+(?P<who>.+)$")
# "said Rep. X in a statement", "wrote Senator Y in a letter to the agency": where, not who.
# ("said Mr X in reply to the Minister", "said Senator Y after the event": when, not who.)
_SUFFIX_WHERE = re.compile(
    r"\s+(?:(?:in|at|during|on|after|before|following)\s+(?:a|an|the|his|her|their|its|this|"
    r"today's)|in\s+(?:reply|response|answer)\s+to|(?:responding|replying)\s+to)\s.*$",
    re.IGNORECASE,
)
# "said Rep. Ocasio-Cortezin a statement": a scrape lost the space after the linked name.
_SUFFIX_WHERE_GLUED = re.compile(
    r"(?<=[a-z])(?:in|at|during)\s+(?:a|an|the|his|her|their|its|this|today's)\s.*$"
)


# "said the Minister, and warn people of the risks": the sentence goes on about the subject.
_SUFFIX_GOES_ON = re.compile(r",\s+(?:and|but)\s+[a-z].*$")
# "said Senator Jo Roe today": when, after the name.
_SUFFIX_WHEN = re.compile(
    r",?\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|"
    r"on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$"
)


def _without_where(words: str) -> str:
    words = _SUFFIX_GOES_ON.sub("", _SUFFIX_WHERE.sub("", words))
    words = _SUFFIX_WHEN.sub("", words)
    match = _SUFFIX_WHERE_GLUED.search(words)
    if match:
        before = words[: match.start()].split()
        if before and before[-1][:1].isupper():  # a name, not "within" or "begin"
            words = words[: match.start()]
    return words


_SUFFIX_ACCORDING = re.compile(r"^according to\s+(?P<who>.+)$", re.IGNORECASE)
_SUFFIX_DASH = re.compile(r"^[–—-]\s*(?P<who>[^–—]+)$")
# "…,” X continued to question the witnesses": "continued to" goes on with something else;
# so does "…?” X asked the Minister to guarantee …", a sentence of its own.
_SUFFIX_BEFORE = re.compile(
    rf"^(?P<who>[^“”\"]{{1,160}}?)\s+{_VERB}\b(?!(?<=continued|continues)\s+to\b)"
    r"(?!(?<=asked|urged)\s+(?:the\s+)?[A-Z][\w.,'’ -]{0,80}?\s+to\s+[a-z])"
)


# '"… the needs of migrants". Mr  Hurford said.': the attribution ending its paragraph, after
# a stop the typist put where the comma belongs.
_STOP_THEN_ATTRIBUTION = re.compile(
    r"^\.\s+(?:Mr|Mrs|Ms|Dr|Senator|Sen\.)\s+[A-Z][\w'’-]+\s+(?:said|says|added)\.?\s*$"
)


# ("(Doorstop Interview, 29 July 2010)": an occasion, no one's name)
_OCCASIONS = _words(
    "interview conference statement release speech hansard doorstop media transcript press "
    "radio television program"
)
_CITED_IN_PARENTHESES = re.compile(
    r"^\(\s*(?P<who>(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+)\s*,[^()]{0,120}\)"
)


def _cited_person(words: str, paragraphs: list[str]) -> bool:
    """A person cited in parentheses, named elsewhere in the text too (not "Four Corners",
    "Sydney Morning Herald" or "Doorstop Interview": a program, a paper, an occasion)."""
    if set(words.casefold().split()) & (_OCCASIONS | _BODY_WORDS):
        return False
    surname = words.split()[-1]
    return sum(p.count(surname) for p in paragraphs) >= 2


def _own_attribution(
    span: _Span, paragraphs: list[str], full_surnames: Collection[str] = ()
) -> _Who | None:
    """The attribution written next to the quote; names win over "she" or "the Minister"."""
    found: list[_Who] = []
    suffix = span.suffix.lstrip(" ,")
    opens = not span.prefix.strip() or re.search(r"[.!?][\s.,;'’]*$", span.prefix)  # a sentence
    # '“…,” (Kim Beazley, Media Conference, Parliament House, August 30, 2001)'
    cited = _CITED_IN_PARENTHESES.match(suffix)
    if cited and _cited_person(cited.group("who"), paragraphs):
        who = _parse_who(cited.group("who"), after_verb=True)
        if who is not None and who.name:
            span.suffix_rest = suffix[cited.end() :]
            return who
    if opens and _STOP_THEN_ATTRIBUTION.match(suffix):
        suffix = suffix[1:].lstrip()  # '"… migrants". Mr Hurford said.': a stop for the comma
    end = _sentence_end(suffix)
    clause = (suffix[:end] if end else suffix).strip().rstrip(".").strip()
    span.suffix_rest = suffix
    if _ADDRESSEE_AFTER.match(clause) or _ADDRESSEE_BEFORE.search(_last_sentence(span.prefix)):
        if _ADDRESSEE_AFTER.match(clause):
            span.suffix_rest = suffix[end:] if end else ""
        return addressee(span, paragraphs)
    for pattern, after, max_words in (
        (_SUFFIX_AFTER, True, 20),
        (_SUFFIX_ACCORDING, True, 20),
        (_SUFFIX_DASH, True, 10),
        (_SUFFIX_BEFORE, False, 25),
    ):
        match = pattern.match(clause) if clause else None
        words = match.group("who") if match else ""
        if match and after and len(words.split()) > max_words:
            # "wrote the delegation to Senate Majority Leader X, …, and Ranking Member Y": who
            # wrote, before the long list of those written to
            words = re.split(r"\s+to\s+", words, maxsplit=1)[0]
        if not match or len(words.split()) > max_words:
            continue
        if (
            pattern is _SUFFIX_BEFORE
            and _NOT_SUBJECT.match(match.group("who"))
            and not _role_after_lower_words(match.group("who"))
        ):
            continue  # "…" is incorrect and contradicts what X said: a sentence, not an attribution
        if pattern is _SUFFIX_BEFORE and _introduces_next(span, paragraphs, suffix):
            continue
        if after:
            words = _without_where(words)
        who = _parse_who(words, after_verb=after)
        if who is None and _BROKEN_NAME.match(words):
            # "Dr. Hav eman said": a scan broke the surname with a space.
            who = _parse_who(_BROKEN_NAME.sub(r"\g<title> \g<a>\g<b>", words), after_verb=after)
        if who is None and after and ". " in words:
            # "said Mr West. â€ â€.": a scan's specks after the sentence's stop.
            who = _before_specks(words)
        if who is not None:
            found.append(who)
            span.suffix_rest = suffix[end:] if end else ""
            break
    if not found and clause:
        rest = suffix[end:] if end else ""
        who = name_and_role_after(span, clause, rest)  # '“…,” Jo Example, President of X.'
        if who is not None:
            found.append(who)
            span.suffix_rest = suffix[end:] if end else ""
    # A turn under a surname alone ("Wray:", "HATCH:") counts only where the text names that
    # person in full; a word the text names no one by ("UPDATE:") gives way to any other
    # attribution ("UPDATE: “…,” the Senator said", a dash line below).
    tentative: list[_Who] = []
    prefix = _last_sentence(span.prefix)
    if prefix:
        # A transcript's turn, "Ms. Morris: “…”", the name opening the paragraph.
        opens = span.start_pos == len(span.prefix) and prefix == span.prefix.strip()
        who = _attribution_before(prefix, colon=opens and prefix.endswith(":"))
        if who is not None:
            unknown = who.unless_unknown and (
                who.name not in full_surnames or who.name.casefold() in _LABEL_WORDS
            )
            (tentative if unknown else found).append(who)
    if not span.prefix.strip() and span.start_para > 0:
        # "said: . ..": specks of a scan after the colon.
        previous = _SPECKS_AFTER_COLON.sub(":", paragraphs[span.start_para - 1])
        if previous.rstrip().endswith(":"):
            who = _attribution_before(_last_sentence(previous), colon=True)
            if who is not None and (who.name or who.ref == "joint"):
                # (a colon ending "X Tuesday issued the following statement after …:"
                # names no one as an attribution does; the statement's issuer does; "X and Y
                # issued a joint statement …:" names both)
                (tentative if who.unless_unknown else found).append(who)
    if not found:
        who = _dash_line_attribution(span, paragraphs) or _statement_above(span, paragraphs)
        if who is not None:
            found.append(who)
    found = found or tentative
    named = [w for w in found if w.name]
    return (named or found or [None])[0]


# Words heading a paragraph before a colon that are no one's surname ("UPDATE:", "VIDEO:").
_LABEL_WORDS = _words(
    "update updates note notes background icymi quote quotes video watch journalist reporter "
    "question answer endorsements support reaction reactions praise testimonials editor editors "
    "statement summary transcript context highlights"
)


_BROKEN_NAME = re.compile(
    r"^(?P<title>(?:Dr|Mr|Mrs|Ms|Sir|Prof|Senator|Minister)\.?)\s+(?P<a>[A-Z][a-z]+)\s+(?P<b>[a-z]+)$"
)
# A clause after a quotation that starts in lower case is a sentence, unless it is a pronoun.
_NOT_SUBJECT = re.compile(r"(?!(?:the|a|an|he|she|they)\b)[a-z]")
# "county Administrator Jim Wallace said", "state Sen. Jo Roe said": a lower-case word or
# two before a capitalised role and name is still the subject.
_LOWER_WORD_BEFORE_TITLED_NAME = re.compile(
    r"^(?:[a-z]+\s+){1,2}(?P<role>[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){1,4}$"
)


def _role_after_lower_words(words: str) -> bool:
    first = words.split()
    if (
        2 <= len(first) <= 3
        and first[0].rstrip(".") in _ROLE_WORDS
        and all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in first[1:])
    ):
        return True  # '…," senator Bolkus said.': a typist's title in lower case
    match = _LOWER_WORD_BEFORE_TITLED_NAME.match(words)
    return bool(match) and match.group("role").casefold().rstrip(".") in _ROLE_WORDS
