"""Text import: samples I and K, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers

# --------------------------------------------------------------------------
# Sample I: catalogue harvests of Australian parliamentary releases
# --------------------------------------------------------------------------

FRONT_MATTER = """\
---
title: "Example helps river towns fight floods."
date: "2003-04-11"
creators:
  - "Example, Jane"
  - "Liberal Party of Australia"
source: "MINISTER FOR RIVERS"
subjects:
  - "Floods"
trove_url: http://trove.example.org/version/123
source_url: http://parlinfo.example.org/display.w3p;query=Id%3A%22media/pressrel/AB1%22
---

Media Release

River Towns Get Flood Help

The Minister for Rivers, Jane Example, today announced $2 million for towns along the river.
"""


def test_a_harvesters_front_matter_is_not_the_release():
    release = parse_release_text(FRONT_MATTER)
    assert release.title == "River Towns Get Flood Help"
    assert release.paragraphs[0].startswith("The Minister for Rivers")
    assert not any("trove" in p or "creators" in p for p in release.paragraphs)
    assert any(note.startswith("front matter:") for note in release.dropped)


def test_three_dashes_over_ordinary_lines_are_no_front_matter():
    text = "---\nRiver Towns Get Flood Help\n---\n\nThe Minister today announced funding.\n"
    assert not any(n.startswith("front matter") for n in parse_release_text(text).dropped)


@pytest.mark.parametrize(
    "header, headline",
    [
        # The web page's section, then the headline with the office's reference after it.
        ("News Room\n\nRiver Towns Get Flood Help MPS 071/2001", "River Towns Get Flood Help"),
        (
            "MEDIA CENTRE\n\nRiver Towns Get Flood Help\n\nVPS 012/2004",
            "River Towns Get Flood Help",
        ),
        # A reference and the date on one line, or broken after the day.
        (
            "MEDIA RELEASE\n\nFA101  3 March 2002\n\nRIVER TOWNS GET FLOOD HELP",
            "RIVER TOWNS GET FLOOD HELP",
        ),
        (
            "MEDIA RELEASE\n\nAB12   3\nMarch 2002\n\nRIVER TOWNS GET FLOOD HELP",
            "RIVER TOWNS GET FLOOD HELP",
        ),
        ("012.07\n\nMedia release\n\nRiver towns get flood help", "River towns get flood help"),
    ],
)
def test_a_ministers_web_page_header_is_letterhead(header, headline):
    text = (
        f"{header}\n\n"
        "The Minister for Rivers, Jane Example, today announced $2 million for towns along "
        "the river.\n"
    )
    release = parse_release_text(text)
    assert release.title == headline
    assert release.paragraphs[0].startswith("The Minister for Rivers")


@pytest.mark.parametrize(
    "issuer",
    [
        "Senator Sam Example Leader of the Government in the Senate Minister for Rivers",
        "Senator Jo Example MINISTER FOR RIVERS AND REGIONAL ROADS",
    ],
)
def test_a_titled_name_and_the_offices_after_it_are_letterhead(issuer):
    text = (
        f"Media release\n\n{issuer}\n\n5 August 2008\n\nTalks on river towns\n\n"
        "The Minister for Rivers departs tonight for talks with the river towns on flood "
        "help.\n"
    )
    assert parse_release_text(text).title == "Talks on river towns"


def test_a_headline_naming_a_minister_is_still_the_headline():
    text = (
        "MEDIA RELEASE\n\nMinister for Rivers opens new bridge\n\n"
        "The Minister for Rivers, Jane Example, today opened the new bridge at Example Creek.\n"
    )
    assert parse_release_text(text).title == "Minister for Rivers opens new bridge"


def test_an_issuers_name_alone_under_the_office_is_letterhead():
    # The catalogue's creators name the minister; the letterhead gives the name on its own line.
    text = FRONT_MATTER.replace(
        "Media Release\n\nRiver Towns Get Flood Help",
        "MEDIA RELEASE\n\nMINISTER FOR RIVERS\n\nJANE EXAMPLE\n\nRIVER TOWNS GET FLOOD HELP",
    )
    assert parse_release_text(text).title == "RIVER TOWNS GET FLOOD HELP"


def test_a_name_the_catalogue_does_not_list_may_be_the_headline():
    text = FRONT_MATTER.replace("River Towns Get Flood Help", "JOHN CURTIN HOUSE")
    assert parse_release_text(text).title == "JOHN CURTIN HOUSE"


def test_a_company_quoted_by_its_one_word_name_is_no_speaker():
    text = (
        "Over the past year, Examplebucks has fought the union drive in its stores.\n\n"
        "According to Examplebucks “no worker has been or will be disciplined for organizing "
        "at any of our stores.”\n\n"
        "Jo Roe, a Kansas Examplebucks worker who got her job back, said, “We showed the rest "
        "of the country that we could organize.”\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Jo Roe", "Kansas Examplebucks worker who got her job back")]
    assert quotes(release) == [
        ("Jo Roe", "We showed the rest of the country that we could organize.")
    ]
    assert any("no worker has been" in note for note in release.unplaced)


def test_a_surname_alone_after_the_full_name_is_still_the_speaker():
    text = (
        "Senator Jo Roe spoke at the hearing on the ports today.\n\n"
        "“The ports must reopen before the harvest,” Roe said.\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jo Roe", "The ports must reopen before the harvest")
    ]


def test_a_first_quotation_after_the_one_person_reported_is_theirs():
    text = (
        "Media Centre\n\nFirst River Permits to be Issued\n\n"
        "Minister for Rivers, Jo Example, said she had today decided the first river permits "
        "would be issued to 12 towns.\n\n"
        "The towns include six on the upper river and six on the coast.\n\n"
        "‘I am still waiting for advice on two more towns.\n\n"
        "‘As a result of my decision today, my department will write to the towns.’\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "I am still waiting for advice on two more towns.\n\nAs a result of my decision "
            "today, my department will write to the towns.",
        )
    ]


def test_a_first_quotation_after_two_people_reported_is_nobodys():
    text = (
        "Minister for Rivers, Jo Example, said the first river permits would be issued.\n\n"
        "The Mayor of Example Creek, Sam Other, said the town had waited ten years.\n\n"
        "The towns include six on the upper river and six on the coast.\n\n"
        "“We are still waiting for advice on two more towns and will write to them soon.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert any("still waiting" in note for note in release.unplaced)


def test_a_transcript_pointed_to_below_is_the_lead_persons():
    text = (
        "Washington, D.C.— Congresswoman Jo Example joined her colleagues in welcoming the "
        "President of Examplia to Congress.\n\n"
        "Watch her full remarks here.\n\n"
        "View the full transcript of her remarks below:\n\n"
        "“Thank you all for coming today. It is my honor to welcome the President to Congress "
        "on behalf of my colleagues.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "Thank you all for coming today. It is my honor to welcome the President to "
            "Congress on behalf of my colleagues.",
        )
    ]


def test_you_with_an_adverb_before_the_verb_quotes_the_addressee():
    text = (
        "Senator Jo Example wrote to Secretary of State Sam Other today.\n\n"
        "Dear Secretary Other,\n\n"
        "Your department is doing the reverse. Last month, you personally acknowledged, "
        "“There has been a change in the approach to the river ports in recent years.” "
        "This is not a tenable position.\n\nSincerely,\n\nJo Example\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Sam Other", "There has been a change in the approach to the river ports in recent years.")
    ]


def test_a_printed_web_pages_footer_is_dropped():
    text = (
        "Media Release\n\nRiver Towns Get Flood Help\n\n"
        "The Minister for Rivers, Jo Example, today announced $2 million for the river towns.\n\n"
        "20 July 2000 Media Contact: Sam Other (02) 6277 0000\n\n"
        "See: Index of Media Releases\n\nMedia Release Index\n\n"
        "URL: http://www.minister.example.gov.au/media/r02084.htm Last update: 20 July 2000\n"
    )
    release = parse_release_text(text)
    assert not any("Index" in p or "URL" in p for p in release.paragraphs)
    assert any(note.startswith("URL:") for note in release.dropped)


def test_words_read_out_with_im_quoting_him_are_the_named_persons():
    text = (
        "Senator Jo Example questioned the company's vice president at the hearing today.\n\n"
        "Example:\n\n"
        "What do you think about Admiral Roe, head of the Pacific Command, his remark at the "
        "River Forum last year that, I’m quoting him: “Any company trading there will be made "
        "to share its secrets with the navy.” Do you think he is right?\n"
    )
    assert (
        "Roe",
        "Any company trading there will be made to share its secrets with the navy.",
    ) in (quotes(parse_release_text(text)))


def test_an_opening_mark_ending_its_paragraph_closes_the_quotation():
    text = (
        "WASHINGTON—Today, Senator Jo Example issued the following statement on the ruling.\n"
        "“The court has taken the river question away from the towns,” Example said. "
        "“That is a pity, but the towns will go on making their case to that end. “\n"
        "“I am glad the court said that the towns’ rights must be kept. As the judge wrote, "
        "‘the towns are given a fair hearing.’”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The court has taken the river question away from the towns. That is a pity, but "
            "the towns will go on making their case to that end.",
        ),
        (
            "Jo Example",
            "I am glad the court said that the towns’ rights must be kept. As the judge wrote, "
            "‘the towns are given a fair hearing.",
        ),
    ]


def test_two_straight_marks_glued_before_a_name_in_single_marks_split_the_quotations():
    text = (
        "WASHINGTON, D.C. – Reps. Jo Example and Sam Other introduced the River Act today."
        '"The river belongs to everyone,"Rep. Example said."It must stay that way for the '
        'towns along it for years to come.""‘River Plus\' plans are just private plans using '
        "the river's name. That's not right,\"said Rep. Other.\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The river belongs to everyone. It must stay that way for the towns along it for "
            "years to come.",
        ),
        (
            "Sam Other",
            "‘River Plus' plans are just private plans using the river's name. That's not right",
        ),
    ]


def test_a_lower_case_word_before_a_role_and_name_is_still_the_subject():
    text = (
        "A new children's centre will be built in Example County.\n\n"
        "“We’re delighted,” county Administrator Jo Example said of the grant. It was the "
        "last thing needed before the vote, he said.\n"
    )
    assert quotes(parse_release_text(text)) == [("Jo Example", "We’re delighted")]


def test_words_before_a_quotation_that_name_no_subject_are_no_attribution():
    text = (
        "Senator Sam Other spoke on the river plan today.\n\n"
        "“The plan will cost the towns nothing,” contradicts what Jo Example said last week.\n"
    )
    assert ("Jo Example", "The plan will cost the towns nothing") not in quotes(
        parse_release_text(text)
    )


def test_bill_is_a_first_name_before_a_surname():
    text = (
        "The Minister for Rivers, Jo Example and Member for Riverton, Bill Other today "
        "announced $2 million for the river towns.\n\n"
        "The Senate passed the River Bill last week.\n\n"
        "Parliamentary Secretary Other said: “The towns will be safer for it.”\n"
    )
    assert quotes(parse_release_text(text)) == [("Bill Other", "The towns will be safer for it.")]


def test_the_letterheads_first_name_completes_its_short_form():
    text = (
        "Media Release\n\n"
        "SENATOR THE HON. CHRISTOPHER EXAMPLE\n\n"
        "Minister for Rivers Senator for Western Australia\n\n"
        "28 March 2001\n\n"
        "River patrol finds a stranded boat\n\n"
        "A patrol found a stranded boat near the river mouth, the Minister for Rivers, Senator "
        "Chris Example said today.\n\n"
        '"This shows the river patrol is doing an excellent job," Senator Example said.\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Christopher Example", "This shows the river patrol is doing an excellent job")
    ]
    assert speakers(release) == [("Christopher Example", "Minister for Rivers")]


def test_a_dash_line_broken_after_its_dash_names_the_quotation_above():
    lines = [
        "WASHINGTON – Sen. Jo Example has introduced the River Act, a bill to keep the",
        "river open to boats from the towns along it, and to end the permits they need to",
        "sail it. The permits take months and cost the boat owners of the river towns",
        "a great deal of money. These rules make a boat on the river a costly thing to own.",
        "The bill is supported by River Friends of America and the Boat Owners Union.",
        "“River Friends of America applauds the River Act. It will keep the river open.”",
        "-",
        "Sam Other, Director of Government Affairs, River Friends of America",
        "“Boats are a way of life on the river and should be treated as such. We are glad",
        "to work with Sen. Example on this bill.”",
        "- Ann Roe, President, Boat Owners Union",
    ]
    assert quotes(parse_release_text("\n".join(lines) + "\n")) == [
        (
            "Sam Other",
            "River Friends of America applauds the River Act. It will keep the river open.",
        ),
        (
            "Ann Roe",
            "Boats are a way of life on the river and should be treated as such. We are glad "
            "to work with Sen. Example on this bill.",
        ),
    ]


def test_a_first_name_alone_is_the_one_person_named_with_it():
    text = (
        "BURLINGTON – Sen. Jo Example met the finalists of her essay contest today.\n\n"
        "The last topic was the one chosen by Sam Other of River High School: money in "
        "politics.\n\n"
        "Sam shared, “Money decides too much of what our towns get from the government, and "
        "we should be able to change that.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Sam Other",
            "Money decides too much of what our towns get from the government, and we should be "
            "able to change that.",
        )
    ]


def test_a_clause_ending_on_saying_without_a_comma_names_its_subject():
    text = (
        "BURLINGTON – Sen. Jo Example met the finalists of her essay contest today.\n\n"
        "The students then talked about the cost of housing in the river towns.\n\n"
        "Example closed the meeting saying, “You are living through hard times. By talking "
        "about them, you will see you are not alone.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "You are living through hard times. By talking about them, you will see you are not "
            "alone.",
        )
    ]


@pytest.mark.parametrize(
    ("catalogued", "body", "headline", "lead"),
    [
        (
            "River patrol finds stranded boat near the mouth.",
            " Media Release\n\n SENATOR THE HON. JO EXAMPLE\n\n 28 March 2001\n\n"
            " River patrol finds stranded boat near the mouth River patrol officers found a "
            "stranded boat with six people on board, the Minister for Rivers said today.\n",
            "River patrol finds stranded boat near the mouth",
            "River patrol officers found a stranded boat",
        ),
        (
            "Government programs widen the towns' river trade.",
            " Media Release\n Rivers, Regional Roads\n Minister for Rivers, Jo Example MP\n"
            " Government programs widen the towns'\n river trade\n RMS 77/98\n"
            " The Government's commitment to the river towns has been shown by a range of\n"
            "new programs for the boat owners.\n",
            "Government programs widen the towns' river trade",
            "The Government's commitment",
        ),
        (
            "Statement of the Ministers for Rivers of Examplia and Otherland [River floods]",
            " Statement of the Ministers for Rivers of Examplia and  Otherland\n"
            " Brussels, 15 November 2015\n"
            " We are determined to work together on the floods of the river this winter.\n",
            "Statement of the Ministers for Rivers of Examplia and Otherland",
            "We are determined",
        ),
    ],
)
def test_the_cataloguers_title_finds_the_headline_printed_in_the_body(
    catalogued, body, headline, lead
):
    release = parse_release_text(harvested(catalogued, body))
    assert release.title == headline
    assert release.lead.startswith(lead)


def test_a_lead_about_a_role_and_name_doing_something_gives_the_first_quotation():
    text = (
        "MEDIA RELEASE\n\nRiver Day Grants Open\n\n"
        "Federal Member for Riverton, Jo Example, is encouraging river clubs to apply for "
        "grants to hold River Day events.\n\n"
        "“Up to $3,000 is available to help river clubs with their plans for River Day.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "Up to $3,000 is available to help river clubs with their plans for River Day.",
        )
    ]


def test_a_closing_mark_opening_a_paragraph_after_a_full_stop_opens_it():
    text = (
        "Media Release\n\nRiver Bill introduced to Parliament\n\n"
        "An amended River Bill was introduced to Parliament today.\n\n"
        "“The changes do not alter the thrust of the Bill,” the Minister for Rivers, Jo "
        "Example, said.\n\n"
        "“At the same time, the Bill gives the towns a say on the river.\n\n"
        "”The changes were agreed by the party room after a long discussion.\n\n"
        "“The amended Bill strikes a balance between the towns and the boats.”\n\n"
        "The changes include:\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jo Example", "The changes do not alter the thrust of the Bill"),
        (
            "Jo Example",
            "At the same time, the Bill gives the towns a say on the river.\n\n"
            "The changes were agreed by the party room after a long discussion.\n\n"
            "The amended Bill strikes a balance between the towns and the boats.",
        ),
    ]


def test_a_turn_under_a_surname_alone_in_a_transcript_is_that_persons():
    text = (
        "Congresswoman Jo Example questioned Director Sam Other at today's hearing.\n\n"
        "Congresswoman Example:“Is there an investigation of the river contract?”\n\n"
        "Mr. Other:“I cannot confirm that.”\n\n"
        "Congresswoman Example:“Is there a second investigation?”\n\n"
        "Other: “Again, I’m not confirming any investigation.”\n\n"
        "Background: “The river contract was signed in May.”\n"
    )
    release = parse_release_text(text)
    assert ("Sam Other", "Again, I’m not confirming any investigation.") in quotes(release)
    assert not any(name == "Background" for name, _ in quotes(release))


def test_when_it_was_said_between_the_verb_and_the_colon_keeps_the_attribution():
    text = (
        "WASHINGTON – Sen. Jo Example spoke to the river towns' council today.\n\n"
        "River clinics have long had support from both parties. Governor Sam R. Other said "
        "back in 2005 for example: “I’m a big backer of a clinic in every river town.” And "
        "others followed him.\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Sam R. Other", "I’m a big backer of a clinic in every river town.")
    ]


def test_the_cataloguers_title_repeated_below_the_lead_is_not_taken_as_the_headline():
    body = (
        " Media Release\n\n River towns get flood help\n\n"
        " The Minister for Rivers, Jo Example, today announced $2 million for the river towns "
        "hit by the floods this winter.\n\n"
        " Flood help for the river towns\n\n"
        " The money will be paid to the councils next month.\n"
    )
    release = parse_release_text(harvested("Flood help for the river towns.", body))
    assert release.title == "River towns get flood help"
    assert any(p.startswith("The Minister for Rivers") for p in release.paragraphs)
