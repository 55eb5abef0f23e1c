"""The failures of sample AN (seed 56), held out and measured once, as small excerpts with
the same structure (and the like failure of AL's that the same rule fixes)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_statement_going_on_over_paragraphs_to_its_own_attribution_is_one():
    text = (
        "One year on, ferries fall short\n\nCANBERRA, 9 September 2016\n\n"
        "“It is exactly twelve months since the Minister pledged new ferries,” Senator Jo Roe "
        "said.  “One year on, only a quarter of them have arrived.\n\n"
        "“This stands in stark contrast to the towns across the bay.\n\n"
        "“The Minister needs to show the same urgency as other towns,” said Senator Roe.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Roe"]
    assert quotes(release)[0][1].endswith("show the same urgency as other towns")


def test_two_statements_in_one_paragraph_each_attributed_stay_two():
    text = (
        "Ferry volunteers\n\nSenator Al Lee spoke today.\n\n“We are ready,” Mr Lee said. "
        "“We have trained 400 new volunteers,” Mr Lee said.\n"
    )
    assert len(parse_release_text(text).quotes) == 2


def test_a_union_quoted_is_no_person():
    text = (
        "Screen the rich with the poor\n\nPERTH, 11 February 1988\n\nSenator Jo Roe rejected "
        "the call for more skilled migrants, when according to the W .A . Building Unions "
        '"hundreds of building workers are unemployed".\n\n"We must take the longer view," '
        "said Senator Roe.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_a_reference_line_with_the_date_and_the_place_and_a_party_after_the_colon():
    text = harvested(
        "Immigrants: screen the rich with the poor",
        " MEDIA RELEASE \n\n PR 88-030 11 February 1988 Perth\n\n"
        " IMMIGRANTS: SCREEN THE RICH WITH THE POOR: DEMOCRATS\n\n"
        " Senator Jo Example, the Democrats' spokesperson, today expressed concern.\n",
    )
    release = parse_release_text(text)
    assert release.title == "IMMIGRANTS: SCREEN THE RICH WITH THE POOR: DEMOCRATS"
    assert release.dateline_city == "Perth"


def test_a_place_above_the_contact_line_signs_the_release_off():
    text = (
        "Aid for refugee programs\n\nAustralia will contribute $745,000 to refugee programs, "
        "the Minister, Senator Jo Example, announced today.\n\n"
        "Emergency aid forms part of the overseas aid program.\n\nCANBERRA\n\n"
        "For further Information contact Al Roe, Director. Tel: (062) 764960.\n"
    )
    assert parse_release_text(text).dateline_city == "Canberra"


@pytest.mark.parametrize(
    "paragraph",
    [
        "'This approach is consistent with our policy of durable solutions," + '" Senator '
        "Example said.",
        '"Asylum seekers should have the right to work and study,’ Senator Jo Example said.',
    ],
)
def test_a_quotation_opened_and_closed_with_different_marks_before_its_attribution(paragraph):
    text = (
        "Ferry aid\n\nCANBERRA, 16 April 1989\n\nThe Minister, Senator Jo Example, announced "
        f"new aid today.\n\n{paragraph}\n\nThe aid will be paid this year.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert quotes(release)[0][1].startswith(("This approach", "Asylum seekers"))
    assert not quotes(release)[0][1].endswith("said.")


def test_a_letterhead_in_capitals_the_scan_cut_is_no_lead_above_the_headline():
    text = harvested(
        "Ferry help on health insurance",
        " ROM THE MINISTER FOR RIVERS  ENATOR THE HON JO EXAMPLE M.P. AND  HE MINISTER FOR "
        "FERRIES THE HON AL ROE M.P.\n\n FERRY HELP ON HEALTH INSURANCE\n\n 28/8/81\n\n"
        " The Minister for Rivers, Senator Jo Example, today announced help for ferry crews.\n",
    )
    assert parse_release_text(text).title == "FERRY HELP ON HEALTH INSURANCE"


# --------------------------------------------------------------------------
# What a review of the rules added for AN found they must not do
# --------------------------------------------------------------------------

_AID = (
    "Aid for refugee programs\n\nAustralia will contribute $745,000 to refugee programs, the "
    "Minister, Senator Jo Example, announced today.\n\nEmergency aid forms part of the overseas "
    "aid program.\n\n"
)


@pytest.mark.parametrize("above", ["INTERVIEWS AVAILABLE", "NOTES", "AUTHORISED", "EXAMPLE", "NSW"])
def test_a_heading_or_a_name_above_the_contact_line_is_no_place(above):
    text = _AID + f"{above}\n\nFor further information contact Al Roe. Tel: (062) 764960.\n"
    assert parse_release_text(text).dateline_city == ""


@pytest.mark.parametrize("after", ["Electorate Office", "Midnight", "Parliament House"])
def test_words_after_a_reference_lines_date_are_a_place_only_when_a_capital(after):
    text = harvested(
        "Ferry help for river towns",
        f" MEDIA RELEASE\n\n PR 88-030 11 February 1988 {after}\n\n"
        " FERRY HELP FOR RIVER TOWNS\n\n Senator Jo Example today announced help for crews.\n",
    )
    assert parse_release_text(text).dateline_city == ""


def test_a_statement_typed_in_capitals_keeps_its_lead():
    text = (
        "FERRY HELP FOR RIVER TOWNS\n\nTHE MINISTER FOR RIVERS, THE HON JO EXAMPLE, TODAY "
        "ANNOUNCED HELP FOR FERRY CREWS IN THE RIVER TOWNS.\n\nCREWS WILL BE TRAINED IN HOBART "
        "FROM JULY.\n"
    )
    release = parse_release_text(text)
    assert release.title == "FERRY HELP FOR RIVER TOWNS"
    assert release.lead.startswith("THE MINISTER FOR RIVERS")


@pytest.mark.parametrize(
    "lead, quote, speaker",
    [
        (
            "WASHINGTON, May 2 – Sen. Jo Example announced funding.",
            "“This is good news for workers,” said Dana Guild, president of the Ferry Union.",
            "Dana Guild",
        ),
        (
            "CANBERRA, 9 September 2016 – Senator Jo Guild today welcomed the ferry plan.",
            "“The ferries are late,” Senator Guild said.",
            "Jo Guild",
        ),
    ],
)
def test_guild_is_a_surname(lead, quote, speaker):
    text = f"Ferry plan\n\n{lead}\n\n{quote}\n"
    assert [name for name, _ in quotes(parse_release_text(text))] == [speaker]


def test_a_term_in_single_marks_inside_a_quotation_closes_nothing():
    text = (
        "Ferry aid\n\nCANBERRA, 16 April 1989\n\nThe Minister, Senator Jo Example, announced new "
        'aid today.\n\n"The so-called \'reforms,’ Mr Vale says, are nothing but cuts," said '
        "Senator Example.\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jo Example", "The so-called 'reforms,’ Mr Vale says, are nothing but cuts")
    ]
