"""The body of the release made from a parsed text: its paragraphs less the lead and the
quotations, which the release shows apart."""

from __future__ import annotations

from .model import ParsedRelease
from .quotes.around import citation
from .quotes.interrupted import _ATTRIBUTION_ALONE

_MARKS = "“”\"‘’'"


def body_paragraphs(parsed: ParsedRelease) -> list[str]:
    """The paragraphs that are neither the lead nor one of the quotes. A long first paragraph
    whose first sentences make the lead keeps the rest of it in the body."""
    quoted = {_unmarked(p) for q in parsed.quotes for p in q.text.split("\n\n")}
    texts = [q.text for q in parsed.quotes]
    paragraphs = parsed.paragraphs
    is_quote = [_is_quote(p, quoted, texts) for p in paragraphs]
    lead = parsed.lead.strip()
    out: list[str] = []
    lead_found = not lead
    after_quote = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if not lead_found and index < 3:
            if text == lead:
                lead_found = True
                continue
            if not lead.endswith("…") and text.startswith(lead):
                lead_found = True
                paragraph = text[len(lead) :].strip()
        if is_quote[index]:
            if out and out[-1].rstrip().endswith(":"):
                out.pop()  # the "…, who said:" line goes with its quote
            after_quote = True
            continue
        if after_quote and citation(text, paragraphs):
            continue  # "PETER LOWE, BOLT REPORT, 21 FEBRUARY 2017" goes with its quote too
        between = after_quote and is_quote[index + 1 : index + 2] == [True]
        if between and _ATTRIBUTION_ALONE.match(text):
            continue  # "Stated Rep. Jo Roe." between two parts of one quotation, joined
        after_quote = False
        out.append(paragraph)
    return out


def _is_quote(paragraph: str, quoted: set[str], texts: list[str]) -> bool:
    """A paragraph that is one of the quotes' paragraphs, or a part of a quotation joined
    with another around its attribution."""
    text = _unmarked(paragraph)
    if text in quoted:
        return True
    return (
        paragraph.lstrip()[:1] in '“"‘'
        and len(text) >= 20
        and not any(c in text for c in "“”")
        and any(text.rstrip(".,") in quote for quote in texts)
    )


def _unmarked(text: str) -> str:
    return text.strip().strip(_MARKS).strip()
