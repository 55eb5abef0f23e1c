"""Stage 6, people: names and roles of the people a release quotes or reports.

Names are runs of capitalised words that are not organisation, role or
sentence words ("Security Works", "Crime Bureau" are organisations); a
surname alone ("Schakowsky") is completed from the full name given earlier;
roles are read before the name ("Interior Minister of Albania Taulant
Balla") or after it ("Jurgen Stock, Secretary General of INTERPOL") and kept
whole ("U.S. Rep.").

The stage is in parts: :mod:`.names` (tokens and names), :mod:`.roles`,
:mod:`.who` (the person in the words of an attribution), :mod:`.mentions` (the names the
text mentions) and :mod:`.registry` (the speakers found).
"""

from .mentions import _Mention, _mentions
from .registry import _People
from .who import _parse_who, _Who

__all__ = ["_Mention", "_People", "_Who", "_mentions", "_parse_who"]
