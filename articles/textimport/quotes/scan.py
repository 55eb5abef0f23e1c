"""Quotations found in the paragraphs, followed over paragraph breaks.

A quotation continues into the next paragraph when that paragraph opens with
a quotation mark (the usual convention for multi-paragraph quotes), when it
closes one before opening another (the opening mark was lost), or when a
closing mark a few paragraphs on opens nothing (a statement quoted whole).
Straight and curly marks are both read; a single mark is trusted only where
it opens a paragraph, since it also serves as an apostrophe (a straight one only before a
capital).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ParsedSpeaker
from ..vocabulary import _CLOSERS, _OPENERS
from .marks import (
    _BULLETS,
    _SINGLE_CLOSED_AT_END,
    _SINGLE_CLOSES,
    _TERM_CLOSED,
    _VERB_BEFORE,
    _a_clause,
    _another_speaker,
    _attribution_follows,
    _closes_single,
    _closes_straight,
    _ends_with_attribution,
    _first_double_is_closer,
    _glued_in,
    _narrative_follows,
    _opens_straight,
    _reopens_straight,
    _sentence_after_that,
    _single_for_double,
    _slipped_closer,
    _turned_closer,
    straight_singles_as_doubles,
)
from .unclosed import (
    _announced_text,
    _broken_off,
    _closed_further_on,
    _lost_closer,
    _restarts,
    _runs_together,
    _where_lost_openings_may_be,
    footnotes_inside,
)


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
    # Why no one speaker is credited: "a joint statement of A and B", "the addressee's words".
    uncredited: str = ""
    # A closing mark with no opening one: the paragraph where the quotation may begin.
    may_begin: int = -1
    # A mark never closed, below a line announcing remarks: the quotation runs to the end.
    to_end: bool = False


def _scan_quotes(paragraphs: list[str]) -> list[_Span]:
    """Find quotations, following them over paragraph breaks.

    A quotation continues into the next paragraph when that paragraph opens
    with a quotation mark (the usual convention for multi-paragraph quotes)
    or when it closes one before opening another (the opening mark was lost).
    """
    paragraphs = straight_singles_as_doubles(paragraphs)
    spans: list[_Span] = []
    singles_quote = any("’" in p and _SINGLE_CLOSES.search(p) for p in paragraphs)
    current: _Span | None = None
    opener = ""
    depth = 0
    piece_start = 0
    skipped: set[int] = set()  # footnotes below a quotation running over them
    for i, p in enumerate(paragraphs):
        if i in skipped:
            continue
        n = len(p)
        closed_here = False
        single_closed = False  # "'A,' Senator X said. 'B.'": a straight single may reopen
        together = "“" in p and _runs_together(p)
        j = 0
        if current is not None:
            bullet = n - len(p.lstrip(_BULLETS))  # '• "That's why …'
            first = p[bullet : bullet + 1]
            piece_start = (
                bullet + 1 if first and (first in _OPENERS + '"‘' or first == opener) else 0
            )
            j = piece_start
            depth = 1
            since = piece_start
        while j < n:
            c = p[j]
            if current is None:
                double = c in _OPENERS or (c == '"' and _opens_straight(p, j))
                # Single quotes also serve as apostrophes: only trust one opening a paragraph.
                single = (
                    (
                        (c == "‘" or (c == "'" and j == 0 and p[1:2].isupper()))
                        and (
                            j == 0
                            or p[max(0, j - 3) : j].rstrip().endswith(":")
                            # "Mr Example says that ‘nothing convinces me’.": after a speech verb
                            or (c == "‘" and bool(_VERB_BEFORE.search(p, max(0, j - 60), j)))
                            # "… her original promises – ‘there will be no …’": after a dash,
                            # closed at the paragraph's end
                            or (
                                c == "‘"
                                and p[max(0, j - 3) : j].rstrip()[-1:] in ("–", "—")
                                and p.rstrip().endswith(("’", "’."))
                                and _a_clause(p[j + 1 :])  # (not a motto or a title)
                            )
                        )
                        and p[j + 1 : j + 2].strip() != ""  # "‘ Mr. Example said": a speck of OCR
                    )
                    or (
                        c == "'"
                        and single_closed
                        and p[j - 2 : j] == ". "
                        and p[j + 1 : j + 2].isupper()
                        # (closed again at a sentence's end: not "'Ferry Link' will begin …")
                        and bool(_SINGLE_CLOSED_AT_END.search(p, j + 1, j + 2000))
                    )
                    or (c == "'" and _sentence_after_that(p, j))  # "statement that ' A …'"
                )
                if double or single:
                    current, opener, depth, piece_start = _Span(i, j), c, 1, j + 1
                    since = piece_start
                elif (
                    (c in _CLOSERS or (c == '"' and _closes_straight(p, j) and not _glued_in(p, j)))
                    and not closed_here
                    and len(p[:j].split()) >= 3
                ):
                    # A closing mark with no opening one: the quote began with the paragraph.
                    spans.append(_Span(i, -1, i, j, [p[:j]]))
                    closed_here = True
            else:
                closing = False
                if together and opener == "“" and depth == 1 and _narrative_follows(p, j):
                    # "… Murray Darling Basin.  Mrs Mirabella also pointed to …": in a
                    # release run together, the writer's sentence ends the quotation whose
                    # closing mark was lost
                    current.pieces.append(p[piece_start : j + 1])
                    current.end_para, current.end_pos, current.closed = i, j, False
                    spans.append(current)
                    current, closed_here = None, True
                    j += 1
                    continue
                if opener == "'" and c == '"' and _attribution_follows(p, j):
                    closing = True  # "'This approach …," Senator Evans said.": a scan's mark
                elif opener in "‘'":
                    mid = current.start_para == i and current.start_pos > 0
                    closing = _closes_single(p, j, opener, since, mid)
                elif c == "“" and opener != "„" and _turned_closer(p, j):
                    depth -= 1  # "…to that truth. “" ending its paragraph: a turned closing mark
                    closing = depth <= 0
                elif (
                    c == "“"
                    and opener == "“"
                    and depth == 1
                    and together
                    and _restarts(p, j, since)
                ):
                    # "…their lives. “I urge …": the next paragraph, run into this one.
                    current.pieces.append(p[piece_start:j])
                    since = piece_start = j + 1
                elif c == "’" and opener in '“"' and depth == 1 and _slipped_closer(p, j, since):
                    closing = True  # "“On the domestic front,’ said the Minister": a slip
                elif c == "„" or (c == "“" and opener != "„"):
                    depth += 1
                elif c == "”" or c == "“":
                    depth -= 1
                    closing = depth == 0
                elif c == '"':
                    if _closes_straight(p, j):
                        depth -= 1
                        # '…about "fiscal sense," said Rep. Example': a comma, the mark and the
                        # verb end the whole quotation, however many marks opened inside it.
                        closing = depth <= 0 or _ends_with_attribution(p, j)
                    elif (opener == "“" and depth == 1 and together and _restarts(p, j, since)) or (
                        opener == '"' and depth == 1 and _reopens_straight(p, j)
                    ):
                        # '… by fair means or foul.  "Chen Yonglin has …': the next
                        # paragraph of the quotation, its break lost
                        current.pieces.append(p[piece_start:j])
                        since = piece_start = j + 1
                    elif _opens_straight(p, j):
                        depth += 1
                if closing:
                    single_closed = opener == "'"
                    current.pieces.append(p[piece_start:j])
                    current.end_para, current.end_pos = i, j
                    spans.append(current)
                    current, closed_here = None, True
            j += 1
        if current is not None:
            current.pieces.append(p[piece_start:])
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            following = following.lstrip(_BULLETS)  # '• "That's why …": a bullet before it
            if _broken_off(p, following):
                continues = True  # "… It will host a number of major" / "Harmony Day events …"
            elif opener in "‘'":
                continues = following[:1] == opener
                if (
                    not continues
                    and opener == "‘"
                    and not singles_quote
                    and following[:1] == "“"
                    and current.start_para == i
                    and current.start_pos == 0
                    and not _TERM_CLOSED.search(p)
                ):
                    # "‘Today’s revelation …" / "“The Government …": a typist's single mark
                    # opening a statement whose paragraphs go on in double ones
                    continues, opener = True, "“"
            else:
                continues = bool(following) and (
                    following[0] in _OPENERS + '"'
                    or (_single_for_double(following, singles_quote) and _lost_closer(p, 0) < 0)
                    or _first_double_is_closer(following)
                    or _closed_further_on(paragraphs, i + 1)
                )
                footnotes = 0 if continues else footnotes_inside(paragraphs, i, current.pieces)
                if footnotes:
                    continues, following = True, paragraphs[i + 1 + footnotes]
                    skipped.update(range(i + 1, i + 1 + footnotes))
                if continues and current.start_para == i:
                    # '“A,” Sen. Lee said. “B …' (its closing mark lost) / '“C,” Sen. Crapo
                    # said.': the next paragraph is another's
                    continues = not _another_speaker(p[: current.start_pos], following)
            if not continues and opener not in "‘'" and _announced_text(paragraphs, current, i):
                # "Sen. Lee’s full remarks, as prepared for delivery:" and a mark never closed,
                # with no mark after it: the remarks run to the end of the text.
                last = len(paragraphs) - 1
                current.pieces.extend(paragraphs[i + 1 :])
                current.end_para, current.end_pos, current.closed = (
                    last,
                    len(paragraphs[last]),
                    False,
                )
                current.to_end = True
                spans.append(current)
                current = None
                break
            if not continues:
                current.end_para, current.end_pos, current.closed = i, n, False
                cut = _lost_closer(p, piece_start) if opener not in "‘'" else -1
                if cut >= 0:
                    current.pieces[-1] = p[piece_start:cut]
                    current.end_pos = cut
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
    _where_lost_openings_may_be(paragraphs, spans)
    return spans


def _quote_text(span: _Span) -> str:
    parts = []
    for piece in span.pieces:
        piece = " ".join(piece.split()).strip('“”„" ')
        if piece:
            parts.append(piece)
    text = "\n\n".join(parts)
    if text.endswith("’") and "‘" in text and text[-2:-1] in ".!?,":
        text = text[:-1]  # "…, stating ‘We are pleased.’”: the inner quotation's mark ends too
    if text.count('"') % 2 and _opens_straight(text, text.rfind('"')):
        text += '"'  # '…about "fiscal sense," said X': the inner words' closing mark was shared
    return text.rstrip(" ,;:–—-")
