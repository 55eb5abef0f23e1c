"""The failures of sample AW (seed 65), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_feed_subtitle_the_content_repeats_and_an_attribution_without_its_stop():
    text = (
        "Title: NEWS: Example Offers Resolution on Ferry Fares\n"
        "Date: May 7, 2024\n"
        "Subtitle: “This body is quick to praise the ferries, but will not ask why fares "
        "keep rising,” said Example\n\n"
        "Content:\n"
        "“This body is quick to praise the ferries, but will not ask why fares keep rising,” "
        "said Example"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Example",
            "This body is quick to praise the ferries, but will not ask why fares keep rising",
        ),
    ]
    assert all("Subtitle" not in p for p in release.paragraphs)


def test_a_feed_subtitle_the_content_does_not_repeat_is_kept_without_its_label():
    text = (
        "Title: Example Backs the Ferry Bill\n"
        "Date: May 7, 2024\n"
        "Subtitle: The bill would fund two new ferries for the river towns\n\n"
        "Content:\n"
        "WASHINGTON – Sen. Jo Example (R-UT) backed the ferry bill on Tuesday.\n"
    )
    release = parse_release_text(text)
    assert "The bill would fund two new ferries for the river towns" in release.paragraphs
    assert all(not p.startswith("Subtitle") for p in release.paragraphs)


def test_a_statement_announced_two_paragraphs_above_it_and_d_c_without_its_stop():
    text = (
        "Title: Example Slams Governor Over Ferry Cuts\n"
        "Date: 2023\n\n"
        "Content:\n"
        "Washington, D.C-Congresswoman Jo Example released the following statement slamming "
        "the Governor for cutting the ferry service on the river.\n\n"
        "Governorannouncedthat 150 ferry crews will be moved to the city so that the service "
        "can be run at a loss.\n\n"
        "“The Governor and her allies are responsible for the ferry crisis that is hurting "
        "the river towns. Instead of moving crews to the city, she should fund the service.”"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Washington", "D.C")
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_a_statement_announced_above_is_not_given_a_quotation_someone_else_introduces():
    text = (
        "Title: Example Slams Governor Over Ferry Cuts\n"
        "Date: 2023\n\n"
        "Content:\n"
        "WASHINGTON – Congresswoman Jo Example released the following statement on the ferry "
        "cuts.\n\n"
        "The mayor of Rivertown, Al Roe, said:\n\n"
        "“The towns cannot wait another year for a ferry.”"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Al Roe"]


def test_a_place_of_issue_below_a_last_line_cut_by_the_scan():
    text = harvested(
        "Ferry evacuees",
        " FERRY EVACUEES\n\n The Minister, Mr Example, announced tonight that the Government "
        "would help the ferry's passengers.\n\n Most of the passengers are citizens of the "
        "towns and the towns will pay their transport costs to -So.uthexn--Riv-er-s-.—------"
        " -------- —\n\n CANBERRA A.C.T.\n",
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Canberra", "A.C.T.")
    assert "CANBERRA" not in release.paragraphs[-1]


def test_a_place_of_issue_ending_the_release_label_line_above_a_specked_date():
    text = harvested(
        "Example: ferries a disgrace",
        " PRESS RELEASE the senate P.R. NO. 8 5/167  .  CANBERRA \n\n .  30 JULY 1985\n\n"
        " EXAMPLE: FERRIES A DISGRACE\n\n Senator Jo Example today called upon the Minister to "
        "restore the ferry service to the river towns.\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_catalogue_title_joining_the_headline_and_the_first_question_of_a_fact_sheet():
    text = (
        '---\ntitle: "Ferry arrangements: what have the towns and the Government agreed to?"\n'
        'date: "2013-08-09"\ncreators:\n  - "Dept of Rivers"\n---\n\n'
        " Ferry Arrangements \n\n What have the towns and the Government agreed to?  Under the "
        "new agreement signed on 19 July 2013 the ferries will run every hour.\n\n When will "
        "these arrangements begin?  Immediately.\n"
    )
    release = parse_release_text(text)
    assert release.title == "Ferry Arrangements"
    assert release.paragraphs[0].startswith("What have the towns")


def test_a_letterhead_line_ending_in_a_semicolon_above_the_headline():
    text = harvested(
        "Ferry service sellout",
        " Senator Jo Example Australian Democrat  Senator for Victoria democrats;\n\n"
        " October 18,1994 94/461\n\n FERRY SERVICE SELLOUT\n\n The Government should be "
        "condemned for passing a Bill which ends the ferry service, according to the "
        "Democrats.\n",
    )
    assert parse_release_text(text).title == "FERRY SERVICE SELLOUT"


def test_a_straight_single_mark_opening_paragraphs_of_a_statement_in_double_marks():
    text = harvested(
        "Ferry service sellout",
        " FERRY SERVICE SELLOUT\n\n The Government should be condemned for ending the ferry "
        "service, according to the Democrats.\n\n"
        " 'The Government today passed a Bill which could well leave the so-called \"river "
        'towns" without a ferry for their daily work," Senator Jo Example, Democrat '
        "spokesperson on Rivers, said today.\n\n"
        ' "The Bill will let the Minister close ferries by regulation.\n\n'
        " 'This places the towns in breach of their own charters.\n\n"
        ' "One only has to recall the floods to show how despicable the Bill is.\n\n'
        " The Democrats have supported several amendments by the Opposition.\n\n"
        " 'The Democrats' amendment to keep one ferry is a very minor improvement.\n\n"
        ' "However, this is a day of shame," Senator Example concluded.\n',
    )
    found = quotes(parse_release_text(text))
    assert [(name, t.split()[:3]) for name, t in found] == [
        ("Jo Example", ["The", "Government", "today"]),
        ("Jo Example", ["The", "Bill", "will"]),
        ("Jo Example", ["The", "Democrats'", "amendment"]),
    ]
    assert found[1][1].endswith("how despicable the Bill is.")
    assert found[2][1].endswith("a day of shame")


def test_a_closing_mark_turned_before_the_name_and_verb():
    text = harvested(
        "Four days for the Government to come clean",
        " FOUR DAYS FOR THE GOVERNMENT TO COME CLEAN\n\n The latest ferry closure comes days "
        "before the Budget, the Member for Rivers, Jo Example, said today.\n\n"
        " Mr Example said: “Over 1500 people have already lost their ferry this month.\n\n"
        " “The Government has no plan and no solution to this crisis. “ Mr  Example said.\n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example"]
    assert found[0][1].endswith("no solution to this crisis.")


def test_a_speck_before_the_name_in_an_attribution_and_a_paragraph_after_it():
    text = harvested(
        "Ferry passengers arriving",
        " FERRY PASSENGERS ARRIVING\n\n Minister for Rivers, Senator Jo Example, said this "
        "group brings to 139 the number of passengers carried this year.\n\n"
        " 'Of the 146 people carried, there are 55 children,' the Minister said.\n\n"
        " 'The arrival of this group follows two others in June.\n\n"
        " 'Officers are working with the remaining 7 passengers,'  Senator 'Example said.\n\n"
        " 'The towns are pursuing options for a further 22 passengers.'\n",
    )
    found = quotes(parse_release_text(text))
    assert [(name, t.split()[0]) for name, t in found] == [
        ("Jo Example", "Of"),
        ("Jo Example", "The"),
        ("Jo Example", "The"),
    ]
    assert found[1][1].endswith("7 passengers")


# A review of the rules above found these misfires, each fixed before sample AX was measured.


def test_a_program_opening_a_feed_title_is_no_person():
    text = (
        "Title: Medicare Turns 59 as Example Pushes Dental Coverage\nDate: July 30, 2024\n\n"
        "Content:\nWASHINGTON – Rep. Jo Example (D-CA) marked the anniversary of Medicare "
        "today.\n\nAccording to Medicare, “more than 66 million Americans are enrolled.”\n\n"
        "“It is time to add dental coverage,” said Rep. Example.\n"
    )
    release = parse_release_text(text)
    assert [s.name for s in release.speakers] == ["Jo Example"]


def test_a_paragraph_between_that_introduces_someone_else():
    for between, expected in (
        ("Mayor Al Roe of Rivertown also responded to the cuts on Tuesday.", ["Al Roe"]),
        (
            "Al Roe, the president of the Ferry Operators Association, attended the roundtable.",
            ["Al Roe"],
        ),
        ("The Governor's office defended the cuts in a statement on Monday.", []),
    ):
        text = (
            "Title: Example Slams Governor Over Ferry Cuts\nDate: 2023\n\nContent:\n"
            "ALBANY, N.Y. – Congresswoman Jo Example released the following statement on the "
            f"ferry cuts.\n\n{between}\n\n“Our town will not survive another winter without a "
            "ferry.”\n"
        )
        assert [name for name, _ in quotes(parse_release_text(text))] == expected, between


def test_an_abbreviation_glued_to_a_word_by_a_hyphen_is_no_dateline():
    text = (
        "Title: Example Bill Would Speed Border Crossings\nDate: May 7, 2024\n\nContent:\n"
        "U.S-Mexico trade reached a record $800 billion last year.\n\n"
        "Rep. Jo Example (R-TX) today introduced a bill to add lanes at the busiest crossings.\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == ""
    assert release.paragraphs[0].startswith("U.S-Mexico trade")


def test_a_label_line_ending_in_an_electorate_an_institution_or_an_address_gives_no_place():
    for label in (
        "MEDIA RELEASE - JO EXAMPLE MP - MEMBER FOR PORT ADELAIDE",
        "MEDIA RELEASE - FEDERAL MEMBER FOR NORTH SYDNEY",
        "MEDIA RELEASE - UNIVERSITY OF WESTERN SYDNEY",
        "MEDIA RELEASE - JO EXAMPLE MP, PO BOX 123, NORTH MELBOURNE",
    ):
        text = (
            f"{label}\n\nFERRY SERVICE TO RESUME\n\nThe Member, Jo Example, welcomed the news "
            "that the ferry service would resume on Monday.\n"
        )
        assert parse_release_text(text).dateline_city == "", label


def test_a_headline_over_two_lines_in_capitals_catalogued_with_a_colon():
    for catalogued, second in (
        ("Ferry fares: Government must act now", "GOVERNMENT MUST ACT NOW"),
        ("Ferry fares: who will pay for the new boats?", "WHO WILL PAY FOR THE NEW BOATS?"),
    ):
        text = (
            f'---\ntitle: "{catalogued}"\ndate: "2001-03-28"\n---\n\n FERRY FARES\n {second} '
            "The Member for Rivers, Jo Example, today called on the Government to cap fares.\n"
        )
        assert parse_release_text(text).title == f"FERRY FARES {second}"


def test_an_opening_sentence_ending_in_a_colon_above_a_list_stays_the_lead():
    text = (
        "CANBERRA, 3 May 2001 - Minister for Rivers Senator Jo Example today announced:\n\n"
        "New Ferries for Rivertown\n\nLower Fares for Pensioners\n\n"
        "The measures will cost $40 million over four years.\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert "New Ferries for Rivertown" in release.paragraphs
    assert "Lower Fares for Pensioners" in release.paragraphs


def test_a_report_title_in_single_marks_opening_a_paragraph():
    text = (
        "FERRY REPORT RELEASED\n\nThe Minister for Rivers, Senator Jo Example, today released "
        "the report of the ferry inquiry.\n\n'Keeping the Towns Connected' makes 24 "
        "recommendations, all of which the Government accepts.\n\n"
        '"The report is a blueprint for the next decade," Senator Example said.\n'
    )
    found = quotes(parse_release_text(text))
    assert ("Jo Example", "The report is a blueprint for the next decade") in found
    assert not any("blueprint" in t and "Connected" in t for _, t in found)


def test_a_quotation_in_single_marks_naming_someone_keeps_its_opening_mark():
    text = (
        "COUNCIL REJECTS FERRY CUTS\n\nThe Member for Rivers, Jo Example, today tabled a letter "
        "from Rivertown Council.\n\nThe council told the Minister 'Rivertown says no to these "
        "cuts and will fight them'.\n\n'The council speaks for the whole town,' Mr Example "
        "said.\n"
    )
    release = parse_release_text(text)
    assert "the Minister 'Rivertown says no" in " ".join(release.paragraphs)
