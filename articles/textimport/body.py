"""The body of the release made from a parsed text: its paragraphs less the lead and the
quotations, which the release shows apart."""

from __future__ import annotations

from .model import ParsedRelease
from .quotes.around import citation

_MARKS = "“”\"‘’'"


def body_paragraphs(parsed: ParsedRelease) -> list[str]:
    """The paragraphs that are neither the lead nor one of the quotes. A long first paragraph
    whose first sentences make the lead keeps the rest of it in the body."""
    quoted = {_unmarked(p) for q in parsed.quotes for p in q.text.split("\n\n")}
    lead = parsed.lead.strip()
    out: list[str] = []
    lead_found = not lead
    after_quote = False
    for index, paragraph in enumerate(parsed.paragraphs):
        text = paragraph.strip()
        if not lead_found and index < 3:
            if text == lead:
                lead_found = True
                continue
            if not lead.endswith("…") and text.startswith(lead):
                lead_found = True
                paragraph = text[len(lead) :].strip()
        if _unmarked(paragraph) in quoted:
            if out and out[-1].rstrip().endswith(":"):
                out.pop()  # the "…, who said:" line goes with its quote
            after_quote = True
            continue
        if after_quote and citation(text, parsed.paragraphs):
            continue  # "PETER LOWE, BOLT REPORT, 21 FEBRUARY 2017" goes with its quote too
        after_quote = False
        out.append(paragraph)
    return out


def _unmarked(text: str) -> str:
    return text.strip().strip(_MARKS).strip()
