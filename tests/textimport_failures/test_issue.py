"""
Text import: the failures issue 18 lists, as small excerpts with the same structure (own words).
"""

import pytest

from articles.textimport import MAX_TEXT_BYTES, parse_release_text
from tests.textimport_failures import quotes, speakers

# --------------------------------------------------------------------------
# Titles: the headline below the letterhead, the letterhead and footers dropped
# --------------------------------------------------------------------------

LETTERHEAD_RELEASE = """\
The Hon Jane Citizen MP Deputy Prime Minister Minister for Rivers and Regional Roads

Senator the Hon Sam Example Minister for Bridges

MEDIA RELEASE

14 May 2021

NEW BRIDGE GIVES RIVER TOWNS A FASTER ROUTE

Work on the new bridge over the Example River will begin next month, cutting the trip
between the two towns by twenty minutes.

Deputy Prime Minister Jane Citizen said the bridge would carry 9,000 vehicles a day.

“This bridge is about getting people home sooner,” Ms Citizen said.

Authorised by Jane Citizen MP, Parliament House, Canberra.

UNCLASSIFIED

Ends.
"""


def test_headline_below_the_letterhead_is_the_title():
    release = parse_release_text(LETTERHEAD_RELEASE)
    assert release.title == "NEW BRIDGE GIVES RIVER TOWNS A FASTER ROUTE"
    assert release.lead.startswith("Work on the new bridge")
    body = "\n".join(release.paragraphs)
    for debris in ("MEDIA RELEASE", "14 May 2021", "Authorised by", "UNCLASSIFIED", "Ends", "Hon"):
        assert debris not in body
    assert any("Authorised by" in item for item in release.dropped)
    assert "UNCLASSIFIED" in release.dropped and "Ends." in release.dropped


def test_letterhead_in_capitals_above_a_wrapped_headline():
    text = (
        "ALEX SAMPLE MP\n\nSHADOW MINISTER FOR PARKS\n\nMEMBER FOR HILLTOWN\n\n"
        "NEW FIGURES SHOW PARK FUNDING HAS FALLEN\n\nAGAIN\n\n"
        "New figures released today show park funding has fallen for a third year.\n"
    )
    release = parse_release_text(text)
    assert release.title == "NEW FIGURES SHOW PARK FUNDING HAS FALLEN AGAIN"
    assert release.paragraphs == [
        "New figures released today show park funding has fallen for a third year."
    ]


def test_page_footer_repeated_on_every_page_is_dropped():
    footer = "Authorised by R. Example, 1 Sample Street, Canberra ACT"
    pages = [
        "The programme opened today in three regions of the country.",
        "It will run for four years and cost two million dollars.",
        "Applications close at the end of the month.",
    ]
    text = f"\n\n{footer}\n\nPage 1 of 3\n\n".join(pages)
    release = parse_release_text("Programme opens\n\n" + text)
    assert release.paragraphs == pages


def test_text_without_a_title_line_gets_a_clean_title_and_slug():
    text = (
        "The regional ministers of fisheries agreed on Tuesday to a joint plan for the "
        "protection of coastal waters in the north of the region, after two days of talks."
    )
    release = parse_release_text(text)
    assert not release.title.endswith(("…", " of", " in", " the"))
    assert release.title.startswith("The regional ministers of fisheries agreed on Tuesday")
    assert len(release.title) <= 120


# --------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------


def test_attribution_on_its_own_line_after_the_quote():
    text = (
        "Senator Kim Example questioned the agency head, Dana Sample, at a hearing.\n\n"
        "“If you knew about it and did nothing, I do not see how you are still in your job,”\n"
        "Senator Example concluded.\n\n"
        "“We acted within the rules,” Ms Sample said.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Kim Example",
            "If you knew about it and did nothing, I do not see how you are still in your job",
        ),
        ("Dana Sample", "We acted within the rules"),
    ]


def test_attribution_glued_between_two_quotes():
    text = (
        "“The companies have raised prices exorbitantly,”Rep. Lee Example said.“In addition, "
        "families are paying more for less.”\n"
    )
    release = parse_release_text(text)
    # One statement, interrupted by its attribution: one quotation.
    assert quotes(release) == [
        (
            "Lee Example",
            "The companies have raised prices exorbitantly. In addition, families are paying "
            "more for less.",
        )
    ]


def test_question_with_asked():
    text = "“Who signed off on this contract?” asked Senator Kim Example.\n"
    release = parse_release_text(text)
    assert quotes(release) == [("Kim Example", "Who signed off on this contract?")]
    assert release.speakers[0].role == "Senator"


def test_dash_line_names_the_speaker_of_the_quote():
    text = (
        "The forum closed on Friday.\n\n"
        "– Ana Example, UN Under-Secretary-General for Economic and Social Affairs\n\n"
        "“We leave with a plan that every country can follow.”\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [
        ("Ana Example", "UN Under-Secretary-General for Economic and Social Affairs")
    ]
    assert quotes(release) == [
        ("Ana Example", "We leave with a plan that every country can follow.")
    ]


def test_straight_quotes_on_their_own_lines():
    text = (
        "Minister Pat Example said:\n\n"
        '"\nThe plan is ready and the money is there.\n"\n\n'
        "The plan starts in June.\n\n"
        "Officials will report every quarter.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Pat Example", "The plan is ready and the money is there.")]
    assert "The plan starts in June." in release.paragraphs
    assert "Officials will report every quarter." in release.paragraphs


def test_multi_paragraph_quote_across_a_page_footer():
    footer = "Authorised by R. Example, Canberra ACT"
    text = (
        "Minister Pat Example said the scheme would open in July.\n\n"
        "“The first part of the scheme pays for new roofs.\n\n"
        "“The second part pays for solar panels.\n\n"
        f"{footer}\n\nPage 1 of 2\n\n"
        "“The third part pays for batteries.\n\n"
        "“The fourth part pays for advice.\n\n"
        "“The last part pays for the audits,” Minister Example said.\n\n"
        f"{footer}\n\nPage 2 of 2\n"
    )
    release = parse_release_text(text)
    assert len(release.quotes) == 1
    assert release.quotes[0].text.count("\n\n") == 4
    assert release.quotes[0].text.endswith("pays for the audits")


def test_unplaceable_quote_is_reported_not_dropped():
    text = "The report is out.\n\n“Nobody expected numbers this high in a single year.”\n"
    release = parse_release_text(text)
    assert any("Nobody expected numbers" in note for note in release.unplaced)


# --------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------


def test_organisation_words_are_not_taken_as_names():
    text = (
        "“Retirees have waited long enough,” said Alex Example, Executive Director of "
        "Social Security Works.\n\n"
        "“We follow the money,” said Paul Sample of the National Economic Crime Bureau.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [
        ("Alex Example", "Executive Director of Social Security Works"),
        ("Paul Sample", "National Economic Crime Bureau"),
    ]


def test_organisation_before_said_is_not_a_name():
    text = (
        "“Retirees have waited long enough,” Alex Example, Executive Director of Social "
        "Security Works said.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Alex Example", "Executive Director of Social Security Works")]


def test_surname_alone_is_linked_to_the_full_name_given_earlier():
    text = (
        "Today, Rep. Jan Example (D-Ill.) introduced a bill to cap drug prices.\n\n"
        "“No family should choose between medicine and rent,” said Example.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jan Example"]


def test_roles_with_initials_are_kept_whole():
    text = (
        "WASHINGTON, D.C.—U.S. Rep. Mark Example (D-Wis.) introduced a bill today.\n\n"
        "“This bill is overdue,” said U.S. Rep. Mark Example.\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Washington"
    assert release.paragraphs[0].startswith("U.S. Rep. Mark Example (D-Wis.) introduced")
    assert speakers(release) == [("Mark Example", "U.S. Rep.")]


# --------------------------------------------------------------------------
# Sentences and paragraphs
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "WASHINGTON, D.C.—U.S. Rep. Mark Example (D-Wis.) spoke today.",
        "Rep. Sam Example (R-N.Y.) joined the letter.",
        "For media enquiries contact Ellen.Example@agency.gov.au or call the office.",
        "To read the plan, visit www.RiverRoute.gov.au.Submissions close in June.",
        "The levy will fall to\n0.04%\nof turnover next year.",
    ],
)
def test_no_split_inside_abbreviations_addresses_or_figures(paragraph):
    release = parse_release_text("A headline for the test\n\n" + paragraph)
    text = " ".join(release.paragraphs)
    assert "D.C.—U." not in release.paragraphs
    for piece in ("U.S. Rep.", "(R-N.Y.)", "Ellen.Example@agency.gov.au", "www.RiverRoute.gov.au"):
        if piece in paragraph:
            assert any(piece in p for p in release.paragraphs), release.paragraphs
    if "0.04%" in paragraph:
        assert "fall to 0.04% of turnover" in text
        assert "0.04%" not in release.dropped


# --------------------------------------------------------------------------
# Datelines
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "city", "country"),
    [
        ("THE HAGUE, the Netherlands – ", "The Hague", "the Netherlands"),
        ("WASHINGTON, D.C.— ", "Washington", "D.C."),
        ("NEW YORK, 5 May (UN News) — ", "New York", ""),
        ("LYON, France — ", "Lyon", "France"),
    ],
)
def test_datelines(opening, city, country):
    release = parse_release_text(opening + "Judges from forty countries met on Monday.")
    assert (release.dateline_city, release.dateline_country) == (city, country)
    assert release.lead == "Judges from forty countries met on Monday."
    assert release.title.startswith("Judges from forty countries")


# --------------------------------------------------------------------------
# Encodings and junk
# --------------------------------------------------------------------------

RELEASE = "LYON, France – INTERPOL opened “Operation Example” today, its chief said."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_byte_order_marks(encoding):
    release = parse_release_text(RELEASE.encode(encoding))
    assert (release.dateline_city, release.dateline_country) == ("Lyon", "France")
    assert release.paragraphs == [RELEASE.removeprefix("LYON, France – ")]


def test_windows_1252_keeps_curly_quotes_and_dashes():
    text = "“We are ready – and we are early,” said Minister Pat Example.\n" * 2
    release = parse_release_text(text.encode("cp1252"))
    assert quotes(release)[0] == ("Pat Example", "We are ready – and we are early")


def test_random_bytes_make_no_draft():
    import random

    data = random.Random(18).randbytes(200_000)
    release = parse_release_text(data)
    assert release.paragraphs == [] and release.title == ""
    assert release.unplaced


def test_html_script_and_style_are_dropped():
    page = (
        "<html><head><title>Evil</title><style>p { color: red }</style></head><body>"
        "<script>alert('x')</script><h1>Ports reopen after storm</h1>"
        "<p>The ports reopened on Monday, the authority said.</p>"
        "<p style='x'>&ldquo;We worked through the night,&rdquo; said Pat Example.</p>"
        "</body></html>"
    )
    release = parse_release_text(page)
    assert release.title == "Ports reopen after storm"
    text = " ".join([release.title, *release.paragraphs, *(s.role for s in release.speakers)])
    for leftover in ("alert", "color", "Evil", "<", ">"):
        assert leftover not in text
    assert quotes(release) == [("Pat Example", "We worked through the night")]


def test_control_characters_terminal_escapes_and_bidi_overrides_are_removed():
    text = "INTER\x00POL \x1b[31mopens\x1b[0m a \u202eplan\u202c today\n\nThe plan is ready."
    release = parse_release_text(text)
    assert release.title == "INTERPOL opens a plan today"
    assert not any(c in release.title for c in "\x00\x1b\u202e\u202c[")


def test_text_over_the_size_limit_is_not_parsed():
    release = parse_release_text("Word " * (MAX_TEXT_BYTES // 5 + 10))
    assert release.paragraphs == []
    assert any("KB" in note for note in release.unplaced)
