"""Text import: samples E and F, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers

# --------------------------------------------------------------------------
# Sample E: OCR'd typed statements whose first lines are debris or letterhead
# --------------------------------------------------------------------------


def test_debris_above_a_typed_letterhead_is_not_the_headline():
    text = (
        "(Ref 118/72) 4c\n\n"
        "THE COUNTRY PARTY OF EXAMPLE media release FEDERAL OFFICE\n\n"
        "STATEMENT BY THE HON. J.K. EXAMPLE, M.P., LEADER OF THE PARTY '\n\n"
        "NEW WHEAT SILOS FOR THE NORTH '\n\n"
        "The Government must build the silos before the next harvest, the party said today.\n"
    )
    release = parse_release_text(text)
    assert release.title == "NEW WHEAT SILOS FOR THE NORTH"
    assert "STATEMENT BY THE HON. J.K. EXAMPLE, M.P., LEADER OF THE PARTY '" not in (
        release.paragraphs
    )


def test_office_reference_and_for_the_press_are_letterhead():
    text = (
        "q'x P t\n\n"
        "DEPARTMENT OF TRADE\n\n"
        "CANBERRA\n\n"
        "FOR THE PRESS\n\n"
        "TRADE PR No. 41/69\n\n"
        "3rd March, 1969.\n\n"
        "EXPORTS TO ASIA\n\n"
        "The Minister for Trade said today that exports to Asia had doubled in a year.\n"
    )
    assert parse_release_text(text).title == "EXPORTS TO ASIA"


def test_phone_lines_of_a_letterhead_are_contacts():
    text = (
        "PRESS RELEASE ____________ THE SENATE\n\n"
        "Senator The Hon. A. B. EXAMPLE Leader of the Example Party\n\n"
        "Phones: Canberra, 705 Ext. 11\n\n"
        "FLOODS CLOSE THE NORTHERN ROAD\n\n"
        "The northern road has been closed by floods, the Senator said today.\n"
    )
    release = parse_release_text(text)
    assert release.title == "FLOODS CLOSE THE NORTHERN ROAD"
    assert not any("Phones" in p for p in release.paragraphs)


def test_header_run_into_one_line_by_ocr_is_cut_apart():
    text = (
        "x,\n\n"
        "DEPARTMENT OF TRADECANBERRAFOR THE PRESSPR 2214th May, 1970WOOL SALES ABROADThe "
        "Minister for Trade, Mr Jo Example, said today that wool sales abroad had risen.\n"
    )
    release = parse_release_text(text)
    assert release.title == "WOOL SALES ABROAD"
    assert release.paragraphs[0].startswith("The Minister for Trade")


# --------------------------------------------------------------------------
# Sample E: Congress items scraped with words glued together, mixed marks
# --------------------------------------------------------------------------


def test_attribution_glued_to_the_words_after_the_name():
    text = (
        "Members filed a resolution today.\n\n"
        '"We will not fund this war," said Rep. Jo Example-Smithin a statement. '
        '"Not one more dollar."\n\n'
        '"The budget is a moral document,"saidRep. Ana Otherin a statement.\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example-Smith", "We will not fund this war. Not one more dollar."),
        ("Ana Other", "The budget is a moral document"),
    ]


def test_newspaper_quoted_is_not_a_speaker_and_its_words_are_reported():
    text = (
        "Members filed a resolution today. According to the Example Gazette, "
        '"the sale covers guidance kits that turn ordinary bombs into guided missiles," '
        "which were sold before.\n"
    )
    release = parse_release_text(text)
    assert release.speakers == []
    assert any("the sale covers guidance kits" in note for note in release.unplaced)


def test_surname_completed_from_a_name_glued_to_the_word_before():
    text = (
        "The co-sponsors areJo Example, Ana Other and Sam Third.\n\n"
        '"We must stop funding this," said Rep. Example.\n'
    )
    assert speakers(parse_release_text(text)) == [("Jo Example", "Representative")]


def test_attribution_line_before_the_next_quotation_on_its_line():
    text = (
        "Senator Jo Example introduced the River Act.\n"
        "“The river is the lifeline of our towns,”\n"
        "Senator Example said. “If it runs dry, the towns go with it. We must act.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "The river is the lifeline of our towns. If it runs dry, the towns go with it. We "
            "must act.",
        ),
    ]


def test_curly_quotation_closed_by_a_straight_mark_before_a_glued_one():
    text = (
        "The winner hopes to “bring the app to every school in the state and beyond."
        'A video of the app is online."We were impressed with the care in her work," '
        "said Jo Example, District Director.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Jo Example", "We were impressed with the care in her work")]


def test_participle_after_the_subject_attributes_the_quote():
    text = (
        "Senator Ana Other wrote to Example Corp CEO Jo Example. In her letter, Senator Other "
        "notes that Example has been critical of tracking in the past, famously writing, "
        "“You never agreed to be followed.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Jo Example", "You never agreed to be followed.")]


def test_ocr_speck_before_an_indirect_report_and_the_quote_after_it():
    text = (
        "‘ Mr. Example said that figures alone did not tell the story of the relief effort.\n\n"
        '"It is in the flooded towns that the work of the servicemen is seen and known."\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Example", "It is in the flooded towns that the work of the servicemen is seen and known.")
    ]


# --------------------------------------------------------------------------
# Sample F: OCR'd typed statements (quotations over paragraphs and pages, the letterhead's
# names, headlines under notices and reference blocks)
# --------------------------------------------------------------------------

TYPED_QUOTATION = """\
MINISTER FOR HOUSING
HOMES FOR THE RIVER TOWNS
The Minister for Housing, Mr. Jo Example, said today that the Government
would build new homes in the towns along the river this year.
"The Government has decided to build two hundred homes in the river
towns. The first of them will be finished before the winter comes and
"The builders will start in the north, where the need is greatest.
Families who lost their homes in the floods will be housed first.
"The rest of the homes will follow as soon as the land is ready and
we expect the last of them to be finished by December," Mr. Example said.
The Minister said the cost would be met from the housing vote.
"""


def test_quotation_over_hard_wrapped_paragraphs_each_opening_with_a_mark():
    release = parse_release_text(TYPED_QUOTATION)
    [quote] = release.quotes
    assert quote.speaker.name == "Jo Example"
    assert quote.text.startswith("The Government has decided to build")
    assert quote.text.endswith("the last of them to be finished by December")
    assert quote.text.count("\n\n") == 2
    assert not any("not closed" in note for note in release.unplaced)


def test_quotation_runs_on_over_a_page_footer():
    text = (
        "MINISTER FOR HOUSING\n"
        "HOMES FOR THE RIVER TOWNS\n"
        "The Minister for Housing, Mr. Jo Example, said today that the Government\n"
        "would build new homes in the towns along the river this year.\n"
        '"The Government has decided to build two hundred homes in the river\n'
        "towns, and the first of them will be finished before the winter.\n"
        "- 3-\n"
        "Families who lost their homes in the floods will be housed in them\n"
        "first, and the others as the rest are finished.\n"
        '"The builders will start in the north, where the need is greatest,"\n'
        "Mr. Example said.\n"
    )
    release = parse_release_text(text)
    assert len(release.quotes) == 1
    quote = release.quotes[0]
    assert quote.speaker.name == "Jo Example"
    assert "Families who lost their homes" in quote.text
    assert quote.text.endswith("where the need is greatest")
    assert "- 3-" in release.dropped
    assert not any("not closed" in note for note in release.unplaced)


def test_short_name_takes_the_letterheads_initials_despite_ocr_damage():
    text = (
        "STATEMENT BY THE LEADER OF THE OPPOSITION, THE HON. J.K. MARCHAIINT, Q.C., M.P.\n"
        "WHEAT PRICES\n"
        "The Leader of the Opposition, Mr. Marchant, said today that the Government had "
        "failed the farmers.\n"
        '"The farmers were promised a fair price and they have not had one," Mr. Marchant '
        "said.\n"
    )
    release = parse_release_text(text)
    assert release.title == "WHEAT PRICES"
    assert [s.name for s in release.speakers] == ["J.K. Marchant"]


@pytest.mark.parametrize("letterhead", ["P.L. WALKER", "THE HON. P.L. WALKER, M.P."])
def test_name_misread_by_ocr_is_linked_to_the_letterheads_surname(letterhead):
    text = (
        "MINISTER FOR LABOUR\n"
        f"{letterhead}\n"
        "JOBS FOR NEW SETTLERS\n"
        "The Minister for Labour, Mr. Walkv-r, said today that 3,000 settlers had found work.\n"
        '"They found work in the factories of the cities within a month," Mr. Walkv-r said.\n'
    )
    release = parse_release_text(text)
    assert release.title == "JOBS FOR NEW SETTLERS"
    assert [s.name for s in release.speakers] == ["P.L. Walker"]


def test_a_short_name_close_to_two_letterhead_names_is_left_alone():
    from articles.textimport.people.letterhead import near_surname

    assert near_surname("Walkv-r", ["Walker"]) == "Walker"
    assert near_surname("Walken", ["Walker", "Walder"]) is None
    assert near_surname("Parker", ["Walker"]) is None  # another first letter: another name


def test_headline_under_an_embargo_notice_with_its_time_on_the_next_line():
    text = (
        "EMBARGO: NOT FOR PUBLICATION BEFORE\n"
        "7.00 P.M. SUNDAY 14 JULY 1974\n"
        "JOBS FOR NEW SETTLERS\n"
        "The Minister for Labour, Mr. Jo Example, said today that 3,000 settlers found work.\n"
    )
    release = parse_release_text(text)
    assert release.title == "JOBS FOR NEW SETTLERS"
    assert "7.00 P.M. SUNDAY 14 JULY 1974" in release.dropped


def test_headline_under_a_reference_block():
    for label in ("NO DATE", "NQ DATE"):
        text = (
            "MINISTER FOR HOUSING\n"
            f"{label}\n"
            "74/23 14th March, 1974\n"
            "HOSTELS FOR NEW SETTLERS\n"
            "The Minister for Housing, Mr. Jo Example, said today that two hostels would open.\n"
        )
        assert parse_release_text(text).title == "HOSTELS FOR NEW SETTLERS"


def test_headline_under_a_letter_spaced_label_and_a_date_damaged_by_ocr():
    text = (
        "N E W S R E L E A S E\n"
        "y6 February 1974\n"
        "AID FOR THE FLOODED TOWNS\n"
        "The Minister for Housing, Mr. Jo Example, said today that the Government would pay "
        "for new homes in the flooded towns.\n"
    )
    release = parse_release_text(text)
    assert release.title == "AID FOR THE FLOODED TOWNS"
    assert "letterhead: NEWS RELEASE" in release.dropped


def test_address_whose_opening_mark_was_lost_is_reported_from_its_start():
    text = (
        "PRIME MINISTER\n"
        "ADDRESS BY THE PRIME MINISTER AT THE OPENING OF THE NEW HOSTEL\n"
        "Mr. Mayor, ladies and gentlemen, it gives me great pleasure to be with you today.\n"
        "This hostel will be the first home in this country for many families.\n"
        'I now declare the hostel open."\n'
    )
    release = parse_release_text(text)
    assert any("Mr. Mayor, ladies and gentlemen" in note for note in release.unplaced)


# --------------------------------------------------------------------------
# Sample F: Congress items
# --------------------------------------------------------------------------


def test_you_said_in_a_letter_is_the_addressees_not_the_senders():
    text = (
        "Senator Jo Example wrote to the chief executive of Example Air on Monday.\n\n"
        "In the letter, Senator Example said the airline misled its passengers.\n\n"
        '"We will never cut corners on safety," you said. "Our planes are the safest."\n\n'
        "The airline has not answered the letter.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any("We will never cut corners" in note for note in release.unplaced)


def test_title_and_surname_completed_from_a_possessive():
    text = (
        "Today, Senator Jo Example’s bill to protect farmers passed the Senate.\n\n"
        '"Family farms feed this country and they deserve a fair price," said Sen. Example.\n'
    )
    assert speakers(parse_release_text(text)) == [("Jo Example", "Senator")]


def test_straight_quotation_glued_to_stating():
    text = (
        "Title: Clean Rivers Act Introduced\n\nContent:\n"
        "Congresswoman Ana Other introduced the Clean Rivers Act on Tuesday, "
        'stating,"We will not let our rivers be poisoned. Every family deserves clean water."\n'
    )
    assert quotes(parse_release_text(text)) == [
        ("Ana Other", "We will not let our rivers be poisoned. Every family deserves clean water.")
    ]


def test_straight_quotation_glued_after_a_closing_single_mark():
    text = (
        "The bill is backed by the Example Farmers Union and the 'River Towns Coalition.'"
        '"Our farmers need water they can trust," said Congresswoman Ana Other.\n'
    )
    assert quotes(parse_release_text(text)) == [
        ("Ana Other", "Our farmers need water they can trust")
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"Every family deserves clean water," said Senators Jo Example and Ana Other.',
        'Jo Example and Ana Other said, "Every family deserves clean water."',
        '"Every family deserves clean water," said Rep. Jo Example, Chair of the Rivers '
        "Caucus, and Rep. Ana Other, its Vice Chair.",
    ],
)
def test_joint_statement_is_not_credited_to_the_second_speaker(paragraph):
    text = f"Members introduced the Clean Rivers Act on Tuesday.\n\n{paragraph}\n"
    release = parse_release_text(text)
    assert release.quotes == []
    assert any(
        "joint statement of Jo Example and Ana Other" in note and "Every family" in note
        for note in release.unplaced
    )
