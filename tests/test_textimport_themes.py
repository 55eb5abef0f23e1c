"""The themes "New release from text" proposes: what the release is about, not a passing mention."""

from pathlib import Path

import pytest

from articles.textimport import parse_release_text
from articles.textimport.themes import explain

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "interpol-tirana-2024.txt"
KNOWN = [
    "organized crime",
    "cybercrime",
    "migration",
    "drug trafficking",
    "terrorism",
    "climate change",
    "money laundering",
]


def about(text: str) -> dict[str, bool]:
    release = parse_release_text(text, known_themes=KNOWN)
    return {theme: is_about for theme, _reason, is_about in explain(release)}


def test_a_theme_named_once_in_a_list_of_topics_further_down_is_a_passing_mention():
    text = (
        "Ministers agree plan against organized crime\n\n"
        "BRUSSELS, Belgium – Ministers agreed a plan against organized crime on Monday.\n\n"
        "The plan sets up a joint office and a shared database for investigators.\n\n"
        "It also funds training for customs officers at the external borders.\n\n"
        "“From terrorism and climate change to cybercrime, every threat crosses borders "
        "now,” said the chair.\n"
    )
    themes = about(text)
    assert themes["organized crime"] is True
    assert themes["terrorism"] is False
    assert themes["climate change"] is False


def test_a_theme_named_twice_is_what_the_release_is_about():
    text = (
        "Ministers meet in Brussels\n\n"
        "BRUSSELS, Belgium – Ministers met on Monday.\n\n"
        "They discussed the budget and the calendar of next year's meetings.\n\n"
        "Money laundering through art dealers was the first point of the afternoon.\n\n"
        "A new unit on money laundering will start in March.\n"
    )
    assert about(text)["money laundering"] is True


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed release is not available")
def test_the_reference_release_is_about_four_themes():
    themes = about(SEED.read_text(encoding="utf-8"))
    chosen = sorted(theme for theme, is_about in themes.items() if is_about)
    assert chosen == ["cybercrime", "drug trafficking", "migration", "organized crime"]
    assert themes.get("terrorism") is False and themes.get("climate change") is False
