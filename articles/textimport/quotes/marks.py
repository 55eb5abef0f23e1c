"""How a quotation mark reads where it stands: a straight mark opening or closing, a
curly mark turned the wrong way, a single closing mark slipped in for a double one."""

from __future__ import annotations

import functools
import re

from ..vocabulary import _CLOSERS, _OPENERS, _VERB

_VERB_BEFORE_GLUED = re.compile(r"\b(?:said|says|added|asked|stated|continued)$")


def _opens_straight(p: str, j: int) -> bool:
    before_ok = (
        j == 0
        or p[j - 1].isspace()
        or p[j - 1] in "([{—–-/:"
        # "…the 'Example Coalition.'"New York …": glued after a sentence closed by another mark;
        # "… in Victoria. '"I would like …": a scan's speck before the mark.
        or (
            j > 1
            and p[j - 1] in "'’"
            and (p[j - 2] in ".!?" or p[j - 2].isspace())
            and p[j + 1 : j + 2].isalpha()
        )
        # '… whatsoever" Mr Morris said"In the last …': glued to the verb that introduces it.
        or (p[j + 1 : j + 2].isupper() and bool(_VERB_BEFORE_GLUED.search(p, max(0, j - 12), j)))
    )
    return before_ok and j + 1 < len(p) and not p[j + 1].isspace()


def _closes_straight(p: str, j: int) -> bool:
    if j > 1 and p[j - 1] == " " and p[j - 2] in ",.!?":
        # 'members, " they write': a space slipped in before the closing mark; 'groups, "he
        # said.': and the pronoun glued after it
        return p[j + 1 : j + 2] in (" ", "") or bool(_PRONOUN_SAID.match(p, j + 1))
    return j > 0 and not p[j - 1].isspace()


# (the attribution ending its sentence: not ', "she said the department …"', an inner quotation)
_PRONOUN_SAID = re.compile(r"(?:he|she|they)\s+(?:said|says|added)[.,]")


def _first_double_is_closer(p: str) -> bool:
    for j, c in enumerate(p):
        if c in _OPENERS:
            return False
        if c in _CLOSERS:
            return True
        if c == '"':
            return not _opens_straight(p, j) and _closes_straight(p, j)
    return False


def _turned_closer(p: str, j: int) -> bool:
    """An opening mark after a sentence's last stop, nothing after it in the paragraph: it
    can open nothing, so it closes the quotation, turned the wrong way."""
    if j > 1 and p[j - 1] == " " and p[j - 2] in ".!?," and not p[j + 1 :].strip():
        return True
    # "…to the United States, “said Rep. Example.": glued to the stop, the verb after it;
    # "…to our system. “ Mr Example said.": the name, then the verb ending the paragraph.
    k = j - 2 if j > 1 and p[j - 1] == " " else j - 1
    return (
        k >= 0
        and p[k] in ".!?,"
        and bool(_VERB_AFTER.match(p, j + 1) or _NAME_THEN_VERB_ENDS.match(p, j + 1))
    )


_VERB_AFTER = re.compile(rf" ?{_VERB}\b")
_NAME_THEN_VERB_ENDS = re.compile(rf" ?(?:[A-Z][\w.'’-]*\s+){{1,4}}{_VERB}\.?\s*$")
# A list's bullet before a paragraph that goes on with a quotation: '• "That's why …'.
_BULLETS = "•·*–- "
_VERB_BEFORE = re.compile(rf"\b{_VERB}(?:\s+that)?,?\s$")
_NAME_AFTER_VERB = re.compile(rf" ?{_VERB}\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z]")


def _ends_with_attribution(p: str, j: int) -> bool:
    return p[j - 1 : j] in (",", "!", "?") and bool(_NAME_AFTER_VERB.match(p, j + 1))


# "…no further negotiations’ Mr Andren said.": a single closing mark, no stop before it,
# where the double one belongs, the attribution after it.
# ("the Veterans’ Affairs Minister Jo Roe said the …" is a possessive: the sentence goes on).
_NAME_THEN_VERB = re.compile(rf" (?:[A-Z][\w.'’-]*\s+){{1,4}}{_VERB}(?:\s+today)?[.,](?:\s|$)")


def _slipped_closer(p: str, j: int, since: int) -> bool:
    """A ’ closing a curly quotation: after a comma or a question before the verb ("“On the
    domestic front,’ said the Minister"), or after a word before the name and the verb."""
    if "‘" in p[since:j] or re.search(r"(?:^|\s)'\w", p[since:j]):
        return False  # "… wrote to me, ‘You saved my life,’ said …": an inner quotation
    if p[j - 1] in ",!?":
        return bool(_VERB_AFTER.match(p, j + 1) or _NAME_THEN_VERB.match(p, j + 1))
    return p[j - 1].isalpha() and bool(_NAME_THEN_VERB.match(p, j + 1))


# A single mark closing a quotation ("…,’ Mr Lee said", "‘It is a disgrace’, Mr Lee said").
_SINGLE_CLOSES = re.compile(r"[.,!?]’|’,")


def _single_for_double(paragraph: str, singles_quote: bool) -> bool:
    """A paragraph of a quotation in double marks, reopened with a single one by a typist's
    slip ("‘The Minister’s comments confirm …"): no single mark closes anything in it, and
    the text quotes in double marks (``singles_quote`` says whether a single mark closes a
    quotation anywhere in it: "‘We will keep fighting,’ Mr Lee said.")."""
    return (
        paragraph[:1] == "‘"
        and not singles_quote
        # ("‘Fair go’ is what …": a term in single marks; "Minister’s" is an apostrophe)
        and not re.search(r"’(?![A-Za-z])", paragraph)
    )


def _attribution_follows(p: str, j: int) -> bool:
    """A comma, a question or an exclamation and the mark at ``j``, then the attribution:
    '…," said Senator X' or '…," Senator X said.'."""
    return _ends_with_attribution(p, j) or (
        p[j - 1 : j] in (",", "!", "?") and bool(_NAME_THEN_VERB.match(p, j + 1))
    )


# '…for the town"she said.', '…town"according to Senator Roe': the attribution after it.
_ATTRIBUTION_AHEAD = re.compile(rf"[^.!?\"“”]{{0,60}}?\b(?:{_VERB}|according\s+to)\b")


def _glued_in(p: str, j: int) -> bool:
    """A straight mark between a word and the next one in lower case, no attribution after
    it ("… representing"an increase of …"): a scan's speck inside the sentence, closing
    nothing."""
    return (
        p[j - 1 : j].isalpha()
        and p[j + 1 : j + 2].islower()
        and not _ATTRIBUTION_AHEAD.match(p, j + 1)
    )


def _closes_single(p: str, j: int, opener: str, since: int, mid: bool) -> bool:
    """Whether the single mark at ``j`` closes a quotation opened with ``opener`` at
    ``since`` (``mid``: inside its paragraph, not opening it)."""
    return (
        p[j] == ("’" if opener == "‘" else "'")
        and (j + 1 == len(p) or not p[j + 1].isalpha())
        and (
            p[j - 1] in ",.!?;:—–-"
            # "said ‘enough is enough’ and …", "‘Ferry Link’ was …": a term closed inside a
            # sentence (not the possessive of "the towns’ boats", nor "‘We’re talkin’ about")
            or (
                opener == "‘"
                and p[j - 1].isalpha()
                and p[j - 1] != "s"
                and bool(_LOWER_WORD_AFTER.match(p, j + 1))
                and (mid or bool(_CAPITALISED_WORDS.fullmatch(p, since, j)))
            )
            # "…will deter smugglers’.": the mark before the sentence's stop
            or (p[j + 1 : j + 2] in (".", "") and p[j + 2 : j + 3] in (" ", ""))
        )
    )


_LOWER_WORD_AFTER = re.compile(r" [a-z]")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}")


def _reopens_straight(p: str, j: int) -> bool:
    """A straight mark after a sentence's stop, before a capital, inside a quotation in
    straight marks (an inner one would be in single marks): the quotation's next paragraph,
    run into this one."""
    # ('… me. "Never again," she said, and walked off," Senator X said.': an inner quotation,
    # two marks after it; the next paragraph has only the quotation's closing mark after it)
    return (
        p[j - 2 : j] in (". ", "! ", "? ")
        and p[j + 1 : j + 2].isupper()
        and p.count('"', j + 1, j + 3000) == 1
    )


# '… every year,” Sen. Lee said. ' before the quotation's second part; '…,” Sen. Crapo said.'
# ending the next paragraph: who each names.
_SUFFIX = r"(?:\s+(?:Jr|Sr|II|III)\.?)?"
_NOT_SUFFIX = r"(?!(?:Jr|Sr|II|III)\b)"
_SAID_BY = re.compile(
    rf"[”\"],?\s*(?:(?:[A-Z][\w.'’-]*\s+){{0,3}}{_NOT_SUFFIX}(?P<who>[A-Z][\w'’-]+){_SUFFIX}\s+"
    rf"said|said\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}{_NOT_SUFFIX}(?P<who2>[A-Z][\w'’-]+){_SUFFIX})"
    r"\.?\s*$"
)


def _another_speaker(before: str, following: str) -> bool:
    """Whether the paragraph's attribution before the quotation and the next paragraph's
    own attribution name two different people."""
    first, then = _SAID_BY.search(before[-200:]), _SAID_BY.search(following[-200:])
    if not first or not then:
        return False
    # ("said Rep. Jo Lee Jr.": the surname before the suffix)
    names = [m["who"] or m["who2"] for m in (first, then)]
    return names[0] != names[1]


# "  Mrs Mirabella also pointed to …": the writer's sentence about the speaker.
_NARRATIVE_AFTER = re.compile(
    r"\s+(?:Mr|Mrs|Ms|Dr|Senator|Minister)\.?\s+(?P<name>[A-Z][\w'’-]+)\s+"
    r"(?:also\s+[a-z]+(?:ed|s)|pointed|noted|warned|called|urged|stressed|highlighted|"
    r"welcomed|criticised)\b"
)


def _narrative_follows(p: str, j: int) -> bool:
    """ "… Basin.  Mrs Mirabella also pointed to …" in a paragraph where Mrs Mirabella is the
    one quoted: the writer's sentence, the quotation's closing mark lost before it (no
    closing mark before the next opening one; not "Mr Rudd replied …" in her own words)."""
    if p[j] not in ".!?":
        return False
    found = _NARRATIVE_AFTER.match(p, j + 1)
    if not found:
        return False
    opening, closing = p.find("“", j, j + 3000), p.find("”", j, j + 3000)
    if closing != -1 and (opening == -1 or closing < opening):
        return False
    return _credited_in(p, found["name"])


@functools.lru_cache(maxsize=64)
def _credited_in(p: str, surname: str) -> bool:
    """Whether the paragraph credits a quotation to that surname ('…,” said Mrs X',
    '…,” Mrs X said', '…,” Mrs X concluded'): read once a paragraph and name."""
    name = re.escape(surname)
    credited = (
        rf"[”\"],?\s+(?:[A-Z]\w*\.?\s+)?{name}\s+(?:said|[a-z]+ed)\b"  # '…,” Mrs X concluded'
        rf"|[”\"],?\s+said\s+(?:[A-Z]\w*\.?\s+)?{name}\b"  # '…,” said Mrs Mirabella'
    )
    return bool(re.search(credited, p))


# "…,' Senator X said. 'In fact, … minister’.'": the straight single mark closing the part
# reopened after the attribution.
_SINGLE_CLOSED_AT_END = re.compile(r"[.!?,’]'(?=\s|$)")
# "‘Ferry Link’ was …": a term in single marks closed inside its sentence.
_TERM_CLOSED = re.compile(r"[A-Za-z]’\s+[a-z]")
# "… statement that ' Asylum seekers … the Nauruan people themselves.'": a whole sentence in
# straight single marks after "that".
_SENTENCE_IN_SINGLES = re.compile(r" ?[A-Z][^'\n]{20,600}?[.!?]'(?=\s|$)")


def _sentence_after_that(p: str, j: int) -> bool:
    """ "Mr Kun's statement that ' Asylum seekers … themselves.'": a sentence in straight
    single marks after "that"; after "has said that", a clause too ("'if elected, …'")."""
    if j == 0 or p[j - 1] != " ":
        return False  # ("l'a'a": an apostrophe in a word, read cheaply)
    if p[max(0, j - 5) : j] != "that " and not _PERSON_SAYS.search(p, max(0, j - 60), j):
        return False  # ("… he says 'That requires …'"; not "the Act states '…'")
    if _SENTENCE_IN_SINGLES.match(p, j + 1):
        return True
    return bool(_VERB_BEFORE.search(p, max(0, j - 60), j) and _CLAUSE_IN_SINGLES.match(p, j + 1))


_PERSON_SAYS = re.compile(
    r"\b(?:[Hh]e|[Ss]he|(?:Mr|Mrs|Ms|Dr|Senator)\s+[A-Z][a-z]+)\s+(?:says|said|added)\s$"
)
_CLAUSE_IN_SINGLES = re.compile(r"[a-z][^'\n]{20,600}?[.!?]'(?=\s|$)")


# "'The Government today passed a Bill …," Senator Roe said.': a scan's single mark opening
# a paragraph of a text that quotes in straight double marks, where no single mark closes a
# quotation ("'The Democrats' amendment …": an apostrophe closes nothing).
_STRAIGHT_SINGLE_CLOSES = re.compile(r"[.,!?]'(?:\s|$)")


def straight_singles_as_doubles(paragraphs: list[str]) -> list[str]:
    if not any(p[:1] == '"' for p in paragraphs) or any(
        _STRAIGHT_SINGLE_CLOSES.search(p) for p in paragraphs
    ):
        return paragraphs
    return [
        f'"{p[1:]}'
        if p[:1] == "'" and p[1:2].isupper() and not _SINGLE_CLOSES_TERM.search(p, 1)
        else p
        for p in paragraphs
    ]


# "'Keeping the Towns Connected' makes …": a title in single marks (not "Democrats' amendment").
_SINGLE_CLOSES_TERM = re.compile(r"(?<![sS])'(?=\s|$)")


def _a_clause(words: str) -> bool:
    """Eight words or more, most of them in small letters: a sentence, not a motto or a title
    ("‘Per ardua ad astra.’", "‘Leave No Child Behind.’")."""
    tokens = words.split()
    return len(tokens) >= 8 and 2 * sum(t[:1].islower() for t in tokens) >= len(tokens)
