"""Whether the words after a quotation introduce the next one instead of crediting it."""

from __future__ import annotations

import re

from ..vocabulary import _VERB
from .scan import _Span

_ENDS_INTRODUCING = re.compile(rf"\b{_VERB}\s*[,:]\s*$")
_ENDS_ON_VERB = re.compile(rf"\b{_VERB}(?:\s+[a-z]+){{0,3}}\s*$")


def _introduces_next(span: _Span, paragraphs: list[str], suffix: str) -> bool:
    """ "“….” In March, Secretary Roe said, “…”": after a quotation ended by its full stop, a
    sentence ending on the verb and a comma introduces the next quotation, not this one."""
    closing = paragraphs[span.end_para][: span.end_pos].rstrip("”’\"' ")
    after = paragraphs[span.end_para][span.end_pos + 1 + len(span.suffix) :]
    return (
        closing[-1:] in ".!?"
        and bool(
            _ENDS_INTRODUCING.search(suffix)
            # '“….” Prime Minister Roe said this morning “…”': the verb, then the next quotation.
            or (after[:1] in '“"' and after and _ENDS_ON_VERB.search(suffix))
        )
    )
