"""The failures of sample AU (seed 63), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_letter_spaced_title_and_first_name_and_a_surname_a_scan_misread():
    text = (
        '---\ntitle: "Emergency aid for the river towns"\ndate: "1987-03-11"\ncreators:\n'
        '  - "Hayden, Bill"\n---\n\n EMERGENCY AID FOR THE RIVER TOWNS\n\n'
        " The M i n i s t e r  f o r  Foreign A f f a i r s ,  Mr B i l l  Ha/den, M . P . ,  "
        "t o d a y  a n n o u n c e d  a i d .\n\n"
        ' "This forms part of a $3.8 million emergency aid package to the towns," the Minister '
        "said.\n\n"
        ' "This is a tangible expression of our concern for the people of the towns," Mr '
        "Hayden said.\n"
    )
    release = parse_release_text(text)
    assert [s.name for s in release.speakers] == ["Bill Hayden"]


def test_a_headline_the_cataloguer_misspelt_after_a_letterhead_on_its_line():
    text = harvested(
        "Two more boats as Roe must grantee practical support for the river towns",
        " Jo Example MP - Federal Member for  Stirling TWO MORE BOATS AS ROE MUST  GUARANTEE "
        "PRACTICAL SUPPORT FOR THE RIVER  TOWNS December 14, 2012\n\n Two more boats arrived "
        "today, the Federal Member for Stirling, Jo Example, said.\n",
    )
    assert parse_release_text(text).title == (
        "TWO MORE BOATS AS ROE MUST GUARANTEE PRACTICAL SUPPORT FOR THE RIVER TOWNS"
    )
    assert quotes(parse_release_text(text)) == []
