"""Text import: samples L, M and N, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers

# --------------------------------------------------------------------------
# Sample L
# --------------------------------------------------------------------------


def test_an_attribution_broken_after_said_with_the_next_quotation_on_the_name_line():
    text = (
        "Title: Senators Introduce River Data Act\nDate: 2019\n\nContent:\n"
        "Today, U.S. Sens. Jo A. Example (D-VA) and Sam Other (R-MO) introduced the River Data "
        "Act.\n"
        "“When a river app says it is free, you are the product,” said\n"
        "Senator Other. “This bill tells people what their data is worth.”\n"
        "“For years, these apps have hidden the price,” said\n"
        "Senator Example. “Our bill puts a number on it.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Sam Other",
            "When a river app says it is free, you are the product. This bill tells people "
            "what their data is worth.",
        ),
        (
            "Jo A. Example",
            "For years, these apps have hidden the price. Our bill puts a number on it.",
        ),
    ]


def test_a_letter_quoted_with_the_senators_as_its_writers_is_credited_to_no_one():
    text = (
        "Title: Senators Urge Agency to Block River Sale\nDate: 2023\n\nContent:\n"
        "U.S. Senators Jo Example (R-Mo.), Sam Other (R-Ohio), and Ana Third (R-Fla.)\n"
        "sent a letter\nto the agency urging it to block the sale of the river company.\n"
        "“The sale was not made with the river towns in mind. It was made for the "
        "shareholders alone,”\nwrote the Senators.\nThey continued,\n"
        "“Protections for the river should build up the towns that live on it.”\n"
        "“The agency can and should block the sale before it is too late,”\n"
        "the Senators concluded.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert sum("joint statement of the Senators" in note for note in release.unplaced) == 3


def test_interview_highlights_when_the_show_name_is_glued_to_the_leads_verb():
    text = (
        "Title: ICYMI: Example on the River Inquiry\nDate: 2023\n\nContent:\n"
        "House Conference Chair Jo Example joinedMornings With Samon the River Network to "
        "discuss the inquiry into Governor Ana Other and the evidence gathered by the "
        "committee.\n"
        "View highlights from her interview below.\n"
        "On The Inquiry’s Next Steps:\n"
        "“Well, Sam, the committee has the documents now and the hearings come next.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jo Example", "Well, Sam, the committee has the documents now and the hearings come next.")
    ]


def test_the_person_heard_saying_the_quotation_is_its_speaker():
    text = (
        "WASHINGTON, Dec. 7 – Sen. Jo Example met yesterday with River Air CEO Sam Other to "
        "call for the return of the river flights.\n\n"
        "In response, the delegation was happy to hear River Air CEO Sam Other say, “When "
        "the new planes arrive, River Air expects to fly the route again.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Sam Other", "When the new planes arrive, River Air expects to fly the route again.")
    ]


def test_a_party_senators_line_of_offices_is_letterhead_even_with_open_in_an_office():
    body = (
        " Senator Jo Example             \n\n"
        " Labor Senator for Tasmania  Shadow Minister for Rivers and Open Government,  "
        "Regional Roads and the Arts   \n\n"
        " 08/12/04 \n\n"
        " Govt cuts leave river towns dry  \n\n"
        " River towns are in danger in the wake of  today's cuts to the rivers budget.    \n\n"
        " The Government's rivers office has been left with little option but  to close "
        "its regional desks.    \n"
    )
    release = parse_release_text(harvested("Government cuts leave river towns dry.", body))
    assert release.title == "Govt cuts leave river towns dry"


def test_a_state_glued_by_a_hyphen_to_the_lead_ends_the_dateline():
    text = (
        "River Falls, WI-Congresswoman Jo Example released the following statement on the "
        "river bridge.\n\n"
        "“The bridge must be rebuilt before the winter comes to the valley,” said Example.\n"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("River Falls", "WI")
    assert speakers(release)[0][0] == "Jo Example"


def test_a_capitalised_pair_glued_by_a_hyphen_is_no_dateline():
    release = parse_release_text("US-China trade talks resume next week in the capital.\n")
    assert release.dateline_city == ""


def test_an_opening_mark_glued_to_said_after_an_open_quotation_closes_it():
    text = (
        "WASHINGTON – Senators introduced the River Bridges Act today.\n"
        'Jo Example, president of the River Guild, spoke for the bill: "\n'
        "The bridges carry the valley's trade and must be kept in repair\n"
        ",\n"
        "“said Example.\n"
        '"\n'
        "The bill gives the towns the funds to do it.\n"
        '"\n'
        '"\n'
        "The valley has waited long enough for the work\n"
        '," said\n'
        "Sam Other\n"
        ', Director of the Valley Towns. "\n'
        "The towns are ready to start in the spring\n"
        '."\n'
    )
    # Jo Example's two parts, one paragraph, are one quotation; the scrape broke Sam Other's
    # second part into a paragraph of its own, so it stays a quotation of its own.
    assert [q[0] for q in quotes(parse_release_text(text))] == [
        "Jo Example",
        "Sam Other",
        "Sam Other",
    ]


def test_an_attribution_on_lines_of_its_own_between_marks_on_lines_of_their_own():
    text = (
        "Today, Senators Jo Example and Sam Other released the following statements on the "
        "new bridge:\n"
        "“\n"
        "The bridge opens the valley to the river towns,\n"
        "”\n"
        "Senator Example\n"
        "said. “\n"
        "I will keep working for the towns of the valley.\n"
        "”\n"
        "“\n"
        "The bridge was long overdue and I am glad to see it open,\n"
        "” said\n"
        "Senator Other. “\n"
        "It will carry the valley's trade for fifty years.\n"
        "”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The bridge opens the valley to the river towns. I will keep working for the towns "
            "of the valley.",
        ),
        (
            "Sam Other",
            "The bridge was long overdue and I am glad to see it open. It will carry the "
            "valley's trade for fifty years.",
        ),
    ]


@pytest.mark.parametrize("said", ["Example also said:", "Example also stated on Thursday:"])
def test_also_and_a_day_around_the_verb_keep_the_attribution(said):
    text = (
        "BURLINGTON, Vt., April 19 – Sen. Jo Example visited the river towns.\n\n"
        "At the end of the visit, Sam Other said: “It was a privilege to visit the towns of "
        "the valley with the Senator.”\n\n"
        f"{said}“Right now there are some immediate issues that my office is working on for "
        "the towns.”\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Sam Other", "Jo Example"]


def test_an_opening_mark_before_the_attribution_closing_the_paragraph_is_turned():
    text = (
        "Bridge grants announced\n\n"
        "The Minister for Rivers, Jo Example, said the grants would help the river towns.\n\n"
        "“There had been great interest in the grants. Of the 40 applications received, 12 "
        "are being funded this year, “ Mr Example said.\n\n"
        "In total 12 towns received funding.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "There had been great interest in the grants. Of the 40 applications received, 12 "
            "are being funded this year",
        )
    ]


def test_remarks_below_a_pointer_opening_the_release_are_the_headlines_speakers():
    text = (
        "Title: ICYMI: Example Speaks on House Floor on Her River Bridges Act\n"
        "Date: 2023\n\n"
        "Content:\n"
        "View the full transcript of her remarks below:\n\n"
        "“I rise today in support of my legislation, the River Bridges Act, and I thank the "
        "Chairman for his support.\n\n"
        "I urge my colleagues to join me in support of the bill.”\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Example"]


def test_an_opening_mark_glued_to_the_stop_before_the_verb_is_turned():
    text = (
        "Title: Example Statement on Ferry Permit\n"
        "Date: 2017\n\n"
        "Content:\n"
        "Rep. Jo Example released the following statement on the ferry permit.\n\n"
        "“I am disappointed by the decision to grant the permit, “said Rep. Jo Example. "
        "“The operator has broken the rules again and again.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "I am disappointed by the decision to grant the permit. The operator has broken the "
            "rules again and again.",
        ),
    ]


def test_paragraphs_opened_by_straight_single_marks_are_quotations():
    text = (
        "Minister Rejects Program Claims\n\n"
        "The Minister for Rivers, Jo Example, today rejected claims made on a television "
        "program.\n\n"
        "'To repeat these stories again and again does not make them true.\n\n"
        "'The inquiry found no evidence for the claims.'\n\n"
        "Mr Example said the contract was not understood.\n\n"
        "'There is no requirement to report staff numbers,' Mr Example said.\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "To repeat these stories again and again does not make them true.\n\n"
            "The inquiry found no evidence for the claims.",
        ),
        ("Jo Example", "There is no requirement to report staff numbers"),
    ]


def test_a_two_word_surname_is_completed_from_the_full_name():
    text = (
        "Title: Example Celebrates Passage of Ferry Safety Bill\n"
        "Date: 2020\n\n"
        "Content:\n"
        "Today, Senator Ana Ruiz Example (D-Nev.) applauded the passage of the Ferry Safety "
        "Act.\n\n"
        "“Our ferry crews deserve better support,” said Senator Ruiz Example.\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Ana Ruiz Example", "Our ferry crews deserve better support")
    ]


def test_remarks_below_a_pointer_after_the_lead_are_the_lead_subjects():
    text = (
        "Title: ICYMI: Example: We Have Delivered on River Bridges\n"
        "Date: 2023\n\n"
        "Content:\n"
        "Washington, D.C.— Congresswoman Jo Example joined her colleagues to highlight the "
        "progress on river bridges.\n\n"
        "Watch her questions here.\n\n"
        "View the full transcript of her remarks below.\n\n"
        "“When we began this work, the bridges were falling down. Now they are being "
        "rebuilt.\n\n"
        "We will keep delivering for the river towns.”\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_line_opening_with_the_verb_below_a_quotation_attributes_it():
    text = (
        "Title: Example’s Ferry Parents Bill Included in the Budget\n"
        "Date: 2023\n\n"
        "Content:\n"
        "Washington, D.C. —Congresswoman Jo Example celebrates the passage of the budget.\n\n"
        "“As a parent, I am proud to have led the Ferry Parents Bill.”Stated Rep. Jo Example."
        "“Two years ago, parents reached out to my office with concerns about the ferries.”\n"
    )
    # The two parts around the glued attribution are one statement (sample AL's labels).
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "As a parent, I am proud to have led the Ferry Parents Bill. Two years ago, parents "
            "reached out to my office with concerns about the ferries.",
        )
    ]


def test_a_name_glued_to_the_verb_after_it_still_gives_the_full_name():
    text = (
        "Title: Reps. Roe and Example Introduce Bill to Cut Ferry Spending\n"
        "Date: 2021\n\n"
        "Content:\n"
        "WASHINGTON, D.C. –Today, Reps. Jo Roe and Ana Exampleintroducedlegislationto cut ferry "
        'spending."The ferry budget grows every year,"said Congresswoman Example.\n'
    )
    assert quotes(parse_release_text(text)) == [
        ("Ana Example", "The ferry budget grows every year")
    ]


def test_a_place_and_date_on_one_line_at_the_foot_give_the_dateline():
    text = (
        "RIVER RESEARCH GRANTS ANNOUNCED\n\n"
        "The Minister for Rivers, Jo Example, today announced four new river research grants.\n\n"
        "The grants support research into river health.\n\n"
        "DARWIN  13 January 2009\n\n"
        "Contact: Sam Roe 0400 000 000\n"
    )
    assert parse_release_text(text).dateline_city == "Darwin"


def test_a_weekday_and_date_at_the_foot_are_no_place():
    text = (
        "RIVER RESEARCH GRANTS ANNOUNCED\n\n"
        "The Minister for Rivers, Jo Example, today announced four new river research grants.\n\n"
        "Monday 13 January 2009\n"
    )
    assert parse_release_text(text).dateline_city == ""


def test_a_post_signed_on_the_line_below_its_text_is_its_authors_quote():
    text = (
        "Title: Example Secures Commitment from Ferry Company to Keep Routes Open\n"
        "Date: Friday, September 15, 2023\n\n"
        "Content:\n"
        "Today U.S. Senator Jo Example released the following statement.\n"
        "I spoke with the head of the ferry company today. The routes will stay open. I hope…\n"
        "— Jo Example (@ExampleJo)\n"
        "September 15, 2023\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "I spoke with the head of the ferry company today. The routes will stay open. I hope…",
        )
    ]
