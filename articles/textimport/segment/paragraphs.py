"""Lines into paragraphs: hard wraps joined (and quotations followed over wraps and page
breaks), paragraphs glued without a space ("Albania.Over") split again, and tidied."""

from __future__ import annotations

import re
import statistics

from ..foot import _CONTACT_LEAD
from ..model import Draft, Notes
from ..vocabulary import _DATE_ONLY, _NOT_NAME, _VERB
from .glued import _split_glued
from .sentences import _CONNECTOR_END, _TERMINAL_END, _is_abbreviation
from .tidy import _tidy, _tidy_after_split, degree_marks, mister_misread, unglue_names

_LONE_OPENERS = re.compile(r"^[“\"‘„]+$")
_TURNED_CLOSER = re.compile(r"^[“„](?:said|says|added|continued|concluded)\b")
_LONE_DASHES = frozenset({"–", "—", "-"})
# A scan's stop before the mark opening a paragraph's quotation: '."These extra funds …'.
_SPECK_BEFORE_MARK = re.compile(r"^[.,·]+\s*(?=[\"“][A-Z])")
_SENTENCE_ENDED = re.compile(r"[.!?:][\"”’]?\s*$")
# A figure wrapped onto a line of its own ("0.04%", "$1.2m") belongs to its sentence.
_FIGURE_LINE = re.compile(r"^[$€£¥]?\d[\d.,]*\s?(?:%|m|bn)?[.,;:]?$")
# A mention of an account or a hashtag in an embedded post ("@instagram", "#China"), which
# a scrape puts on a line of its own, belongs to the sentence it stands in.
_MENTION_LINE = re.compile(r"^[@#][A-Za-z_]\w{0,29}[.,;:!?]?$")


def join_paragraphs(draft: Draft, notes: Notes) -> None:
    """Join hard-wrapped lines into paragraphs and split glued ones; the title stands alone."""
    lines = draft.lines
    wrap_at = 0
    continued = [
        len(a)
        for a, b in zip(lines, lines[1:], strict=False)
        if b[0].islower() and not _TERMINAL_END.search(a)
    ]
    if len(continued) >= 3 and statistics.median(continued) >= 45:
        # Hard-wrapped text: a long line without an ending carries on below.
        wrap_at = int(statistics.median(continued) * 0.75)

    title = draft.title.casefold()
    blocks: list[list[str]] = []
    previous = ""
    straight = curly = 0  # the marks of the paragraph so far: is a quotation open?
    for at, line in enumerate(lines):
        if at and _SPECK_BEFORE_MARK.match(line) and _SENTENCE_ENDED.search(lines[at - 1]):
            # '…," Mr West said.' / '."These extra funds …': a scan's speck, not the stop or
            # the closing mark of a line wrapped above ('… deserves better' / '."Mrs X said')
            spotless = _SPECK_BEFORE_MARK.sub("", line)
            for lines_of_a_kind in (draft.after_blank, draft.page_starts):
                if line in lines_of_a_kind:
                    lines_of_a_kind.add(spotless)
            line = spotless
        if (
            _LONE_OPENERS.match(line)
            and not (straight % 2 or curly > 0)
            and _CONTACT_LEAD.match(lines[at + 1] if at + 1 < len(lines) else "")
        ):
            # '…back on track.' / '"' / 'Further information: …': a scan's stray mark, which
            # closes nothing and opens no quotation in the contact lines.
            notes.drop(f"stray mark: {line}")
            continue
        if (
            line[:1] == "”"
            and line[1:2].isalnum()
            and not line[1:2].islower()
            and previous[-1:] in ".!?"
        ):
            line = "“" + line[1:]  # "”The changes …" after a full stop: a turned opening mark
        elif (straight % 2 or curly > 0) and _TURNED_CLOSER.match(line):
            # '…the force,' / '“said McGinn.': a closing mark turned the wrong way
            line = ('" ' if straight % 2 else "” ") + line[1:]
        if blocks and _closes_block(blocks[-1], line, lines[at + 1 : at + 4]):
            # A closing mark on a line of its own ends the quotation it closes.
            blocks[-1][-1] += line
            previous = blocks[-1][-1]
            straight, curly = _marks(" ".join(blocks[-1]))
            continue
        if blocks and _verb_broken_over(previous, line):
            # '…in uniform,” s' / 'aid Senator Example.': the scrape broke the verb in two.
            blocks[-1][-1] += line
            previous = blocks[-1][-1]
            straight, curly = _marks(" ".join(blocks[-1]))
            continue
        standalone = bool(title) and title in {line.casefold(), previous.casefold()}
        joins = bool(blocks) and not standalone and _joins(previous, line, wrap_at)
        if not joins and blocks and not standalone and draft.meta_title:
            joins = _link_broken_out(previous, lines, at)
        if blocks and not standalone and (straight % 2 or curly > 0):
            joins = _joins_in_quotation(
                previous, line, joins, wrap_at, line in draft.page_starts, line in draft.after_blank
            )
        if joins:
            blocks[-1].append(line)
            more = _marks(line)
            straight, curly = straight + more[0], curly + more[1]
        else:
            blocks.append([line])
            straight, curly = _marks(line)
        previous = f"{previous} {line}" if joins and previous in _LONE_DASHES else line

    paragraphs: list[str] = []
    for b, block in enumerate(blocks):
        # '“…,”' / 'said Sen. Lee.' / '“…”': the attribution alone on its line, the next
        # part of the statement on the line below it (a scrape's lines, one statement).
        next_line = (
            b > 0
            and block[0] not in draft.after_blank
            and len(blocks[b - 1]) > 1
            and _ATTRIBUTION_ALONE.match(_last_line(blocks[b - 1])) is not None
        )
        for k, piece in enumerate(_split_glued(_tidy(" ".join(block)))):
            piece = _tidy_after_split(piece)
            if piece:
                paragraphs.append(piece)
                if k or next_line:
                    draft.glued_starts.add(piece)
    paragraphs = mister_misread([degree_marks(p) for p in paragraphs])
    unglued = unglue_names(paragraphs, draft.title or draft.meta_title)
    draft.glued_starts.update(
        u for p, u in zip(paragraphs, unglued, strict=True) if p in draft.glued_starts
    )
    draft.paragraphs = unglued


def _link_broken_out(prev: str, lines: list[str], at: int) -> bool:
    """A scrape's line break around a link or italics in the middle of a sentence ("… its
    decision" / "Dobbs" / "v." / "Jackson" / "."; "… for the 117" / "th" / "Congress."): a
    word or two after a line that stops mid-sentence goes on with it, when the short lines
    from there end the sentence within a few lines (not a heading, a list's items, a contact's
    lines or a name above a quotation, which end none)."""
    if not (prev[-1:].isalnum() or (prev[-1:] == "." and _is_abbreviation(prev, len(prev) - 1))):
        return False
    if prev.isupper():
        return False
    for line in lines[at : at + 5]:
        if line[:1] in _OPENING_MARKS or len(line.split()) > 2 or line.isupper():
            return False
        if line.endswith((".", "!", "?")) and not _is_abbreviation(line, len(line) - 1):
            return True
    return False


_OPENING_MARKS = "“\"‘'„"


# "CANBERRA A.C.T.": the place a statement is signed off from, with its state's initials.
_PLACE_WITH_STATE = re.compile(r"^[A-Z]{3,}(?: [A-Z]{3,})?[.,]? (?:[A-Z]\.){2,4}$")


def _joins(prev: str, line: str, wrap_at: int) -> bool:
    if _LONE_OPENERS.match(prev) or prev in _LONE_DASHES:
        return True  # '-' / 'Name, Role': a dash line broken after its dash
    if prev[:2] in ("– ", "— ", "- ") and line[:1] in '“"':
        return False  # a dash line names who spoke the quotation above; the next one is new
    if _is_attribution_line(prev, line):
        return True
    if _VERB_ENDING.search(prev) and (_NAME_LINE.match(line) or _NAME_ROLE_LINE.match(line)):
        return True  # '…,” said' / 'Sen. Example. “…': the attribution broke after its verb
    if prev.endswith((",”", ',"')) and _NAME_LINE.match(line):
        return True  # '“…,”' / 'Senator Example' / 'said.': the name after a comma's quotation
    if prev.endswith("“") or (
        prev.endswith('"')
        and prev[-2:-1] in (" ", ",", ":")
        and prev[-3:-2] not in ".!?"  # 'United Nations. "': a closing mark after a space
    ):
        return True  # 'said, “' at the end of a line: the quotation follows
    first = line[0]
    if first.islower():
        return True
    if first in ",.;:!?)]”’" or (first == '"' and (len(line) == 1 or not line[1].isalnum())):
        return True
    if _MENTION_LINE.match(line):
        return True  # 'The' / '@ferrycrews' / 'and …': a post's mention or hashtag on its own line
    if _TERMINAL_END.search(prev):
        return False
    if _FIGURE_LINE.match(line) and prev[-1:].isalpha():
        return True
    if first.isalpha() and not first.isupper():
        return True  # a script without capitals: only punctuation ends a sentence
    if _CONNECTOR_END.search(prev) and not _PLACE_WITH_STATE.match(line):
        return True  # (not "… costs to -So.uthexn--Aus-tra-l-i-a-.—" / "CANBERRA A.C.T.")
    if line[:2] in ("– ", "— ", "- ") or line in _LONE_DASHES:
        return True
    return bool(
        wrap_at
        and len(prev) >= wrap_at
        and (first.isalnum() or first in '“"‘(')
        and not _DATE_ONLY.match(line)
        and prev.isupper() == line.isupper()
    )


def _last_line(block: list[str]) -> str:
    """The block's last line, its full stop set on a line of its own by a scrape put back
    ('said Sen. Lee' / '.')."""
    if len(block) > 2 and block[-1] in (".", ","):
        return block[-2] + block[-1]
    return block[-1]


def _marks(text: str) -> tuple[int, int]:
    """Straight marks, and curly ones opened and not closed ("„…“" and "„…”" close too)."""
    if '"' not in text and "“" not in text and "„" not in text and "”" not in text:
        return 0, 0
    if "„" in text:
        return text.count('"'), text.count("„") - text.count("“") - text.count("”")
    return text.count('"'), text.count("“") - text.count("”")


_OPENS_LINE = re.compile(r'^[“„]|^"(?=\w)')


def _joins_in_quotation(
    prev: str, line: str, joins: bool, wrap_at: int, page_break: bool, after_blank: bool = False
) -> bool:
    """Inside a quotation over hard-wrapped paragraphs, a line opening with a mark starts the
    quotation's next paragraph (each opens with a mark, only the last closes); a line without
    one after a full line, or over a page break, carries the quotation on."""
    if _OPENS_LINE.match(line):
        return joins and bool(_LONE_OPENERS.match(prev))
    if joins:
        return joins
    # '“From the moment the Government decided to offer' / 'Australia as …' (not after a blank)
    words = len(prev.split()) + (prev[:1] in '“"' and line.split()[0].casefold() not in _NOT_NAME)
    if words >= 4 and prev[-1:].islower() and not after_blank:
        return True
    if not (line[0].isupper() or line[0].isdigit()):
        return joins
    if line.isupper() and len(line.split()) <= 3 and prev.rstrip()[-1:] in ".!?)":
        return False  # "CANBERRA" signing the statement off below its last sentence
    if after_blank and prev.rstrip()[-1:] in ".!?" and _WRITER_SAYS.match(line) and not page_break:
        return False  # '…on our shores.' / (blank) / 'Mr Example said …': the writer again

    return page_break or bool(wrap_at and wrap_at <= len(prev) <= _WRAPPED_AT_MOST * wrap_at)


# A line far longer than the text's wrapped lines (a whole paragraph on one line, in a
# release whose lists alone are wrapped) was not wrapped: its full stop ends the paragraph.
_WRAPPED_AT_MOST = 3


# "Mr Ruddock said the launch …": the writer reporting the speaker, outside the quotation.
_WRITER_SAYS = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Senator|Sen\.|The Minister|The Senator)\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?\s+(?:said|says|added|told|announced|noted)\b"
)
_ATTRIBUTION_ALONE = re.compile(r"^[^“”\"]{2,80}\.$")
# "Senator Example said." alone, or before the next quotation on its line.
_ATTRIBUTION_LINE = re.compile(
    rf"^(?:[A-Z][^“”\"]{{0,100}}?\s(?i:{_VERB})|{_VERB}\s+[A-Z][^“”\"]{{0,100}}?)"
    r"(?:\.?$|\.\s+[“\"](?=\w))"
)


# A line ending on the attribution's verb alone, and a short line naming who spoke.
_VERB_ENDING = re.compile(rf"(?:^[”\"]?\s*|[,?!.][”\"]\s*){_VERB}$")
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}(?:\.?$|[.,]\s+[“\"])")


# '…,” said' / 'Jo Example, VP of Strategy, Example Energy' / '.': the name and role below.
_NAME_ROLE_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4},\s+[^“”\"]{1,120}$")


_VERB_HEAD = re.compile(r"[,?!.][”\"]\s*([a-z]{1,4})$")
_VERB_TAIL = re.compile(r"^([a-z]{1,8})\s+[A-Z]")


def _verb_broken_over(prev: str, line: str) -> bool:
    """A quotation's verb broken over two lines after its closing mark: '…,” s' / 'aid X'."""
    if not line[:1].islower() or not prev[-1:].islower():
        return False  # the common case, checked without a pattern
    head, tail = _VERB_HEAD.search(prev), _VERB_TAIL.match(line)
    return bool(head and tail and re.fullmatch(_VERB, head.group(1) + tail.group(1)))


_QUOTE_CLOSED = re.compile(r"[,?!.]\s*[”\"]$")


def _is_attribution_line(prev: str, line: str) -> bool:
    """ "Senator Hawley concluded." on its own line, after the quotation it attributes."""
    if not prev.endswith(("”", '"')):
        return False  # the common case, checked without a pattern
    return bool(_QUOTE_CLOSED.search(prev)) and bool(_ATTRIBUTION_LINE.match(line))


def _closes_block(block: list[str], line: str, below: list[str]) -> bool:
    if line not in {'"', "”"}:
        return False
    if (
        len(block) > 1
        and block[-2].endswith((',"', ",”"))
        and _ATTRIBUTION_LINE.match(block[-1])
        and not any(c in block[-1] for c in '"“”')
        and any(c in b for b in below for c in '"”')
    ):
        return False  # '…,"' / 'said Sen. Lee.' / '"' / '…' / '.”': it opens the next part
    text = " ".join(block)
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")
