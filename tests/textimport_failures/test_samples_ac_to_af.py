"""Failures of the development samples AC (seed 46), AD (47), AE (48) and AF (49), US Congress
items and Australian releases drawn with sample Z, as small excerpts with the same structure."""

from articles.textimport import parse_release_text
from articles.textimport.letterhead import is_letterhead
from tests.textimport_failures import harvested, quotes, speakers


def test_statements_signed_by_surnames_alone_are_peoples_when_the_others_are():
    text = (
        "Title: Ferry Act Expands Support\nDate: October 1, 2015\n\nContent:\n"
        "WASHINGTON – The bill is led by Chairman Jo Example, Senator Al Roe and Senator Bo "
        "Hart.\n"
        "The bill’s authors released the following statements:\n"
        "“After a year of work, we have a plan for the ferries,” Example said.\n"
        "“This bill is three years of work,” Roe said.\n"
        "“It keeps the crossings open at night,”\nHart Said.\n"
        "“We keep the tools the river police need,” Vale said.\n"
        "“Months of work have given it wide support,” Moss said.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == [
        "Jo Example",
        "Al Roe",
        "Bo Hart",
        "Vale",
        "Moss",
    ]


def test_a_company_by_one_word_is_no_person_without_others_signing_so():
    text = (
        "Title: Example Asks About Ferries\nDate: October 1, 2015\n\nContent:\n"
        "WASHINGTON – Senator Jo Example wrote to the ferry company.\n"
        "“We run every crossing on time,” Rivercorp said.\n"
    )
    release = parse_release_text(text)
    assert "Rivercorp" not in [name for name, _ in speakers(release)]


def test_a_place_signed_off_beside_a_date_in_figures_or_with_its_weekday_is_the_dateline():
    for sign_off in ("DARWIN 10.7.90", "Darwin Monday, 19 February 1996 For further information"):
        text = harvested(
            "Ferry services",
            " FERRY SERVICES\n\n The Government's decision on the ferries will cost more than "
            "it says.\n\n The towns deserve better.\n\n"
            f" {sign_off}\n\n For further information: Jo Example (089) 81 3567\n",
        )
        assert parse_release_text(text).dateline_city == "Darwin"


def test_a_headline_with_a_dash_under_a_joint_statement_line_and_a_shadow_ministers_offices():
    text = harvested(
        "Successful ferry crews - access to government services",
        " MEDIA STATEMENT 10 July 1990\n\n"
        " Joint Statement by Jo,Example, Shadow Minister for» Riv~ers and ~ Ferries^and Senator "
        "Al Roe, Joint Statement by J0-Example, Shadow . Minister for Rivers and Ferries and "
        "Senator Al Roe,\n\n"
        " SUCCESSFUL FERRY CREWS - ACCESS TO GOVERNMENT SERVICES\n\n"
        " Today's Cabinet decision to grant a range of services to ferry crews will cost money.\n",
    )
    assert (
        parse_release_text(text).title == "SUCCESSFUL FERRY CREWS - ACCESS TO GOVERNMENT SERVICES"
    )
    assert is_letterhead("Shadow Minister Assisting the Leader of the Opposition")


def test_a_quoted_line_ending_mid_sentence_goes_on_in_the_wrapped_line_below():
    text = (
        "  MEDIA RELEASE\n\n"
        "  FERRY PATRONS APPOINTED\n\n"
        "  The Federal Opposition has expressed dismay at today’s announcement \n"
        "by the Government that seven Government MPs have been appointed patrons \n"
        "of the river ferries in the valley towns.\n\n  \n\n"
        "  Shadow Minister for Rivers Jo Example has attacked the Minister for \n"
        "what he described as a blatant attempt to politicise the ferries of \n"
        "the river towns.\n\n  \n\n"
        " “From the moment the Government decided to offer \n"
        "Rivertown and Hillside a ferry for the 4,000 people there, the Opposition has \n"
        "given strong support to the operation.\n\n  \n\n"
        " “This Government is now turning the plight of the \n"
        "river towns into yet another opportunity for ‘jobs for the boys \n"
        "and girls’,” Mr Example said.\n"
    )
    (quote,) = quotes(parse_release_text(text))
    assert quote[0] == "Jo Example"
    assert quote[1].startswith("From the moment the Government decided to offer Rivertown")
    assert quote[1].endswith("‘jobs for the boys and girls’")


def test_a_ministers_statement_on_a_subject_is_the_headline_and_the_minister_adds_the_quotes():
    text = harvested(
        "Minister's statement on departure from Hillside",
        " 'g is\n\n 9 May 1979\n\n"
        " From the Minister for Rivers and Ferries, the Hon. J.R. Example, MP.\n\n"
        " STATEMENT BY MINISTER FOR RIVERS AND  FERRIES ON DEPARTURE FROM HILLSIDE\n\n"
        " Hillside deserves full recognition for its ferries, Mr Example said today.\n\n"
        " The Minister held talks with the Deputy Minister of the Interior, General Al Roe.\n\n"
        " The Minister went on to note that the floods were not of Hillside's making.\n\n"
        ' "The towns upstream have a heavy responsibility for the present situation."\n',
    )
    text = text.replace('"Example, Jo"', '"Example, Jack"')
    release = parse_release_text(text)
    assert (
        release.title == "STATEMENT BY MINISTER FOR RIVERS AND FERRIES ON DEPARTURE FROM HILLSIDE"
    )
    assert [name for name, _ in quotes(release)] == ["Jack Example"]


def test_the_minister_named_with_the_office_after_the_name_adds_the_quote():
    text = (
        "Title: T\n\nContent:\nThe river towns deserve recognition, Mr Jo Example, the Minister "
        "for Rivers, said today.\n\n"
        "The Minister added that the ferries were not the towns' making.\n\n"
        '"The towns upstream have a heavy responsibility for the present situation."\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_words_finishing_a_sentence_begun_before_according_to_are_a_fragment():
    text = (
        "Title: The ferry review\n\nContent:\n"
        "Senator Jo Example said the review was flawed.\n\n"
        "The audience did not seem representative of the towns which, according to Mr Al "
        'Roe, "have all gladly embraced the review."\n'
    )
    assert "Al Roe" not in [name for name, _ in speakers(parse_release_text(text))]


def test_a_mixed_case_letterhead_run_on_with_the_headline_and_date_on_one_line():
    text = harvested(
        "Latest ferry arrivals should go to Hillside",
        " Jo Example MP - Federal Member for  Stirling LATEST FERRY ARRIVALS SHOULD GO TO  "
        "HILLSIDE September 10, 2012\n\n"
        " Passengers on the latest ferry should be sent to Hillside, Jo Example said today.\n",
    )
    assert parse_release_text(text).title == "LATEST FERRY ARRIVALS SHOULD GO TO HILLSIDE"


def test_paragraphs_of_one_quotation_run_together_each_opening_with_a_mark():
    text = (
        "Title: Mercy for the ferry crews\n\nContent:\n"
        "Senator Jo Example said the crews are anxious. “They live in a state of limbo, unsure "
        'of their future. “I urge the Minister to grant them permits. "The situation is not '
        "something the crews control. “Those on the island have waited for two years and "
        'should not have to wait in the meantime". The party opposes the policy. Media Contact '
        "- Al Roe - 0400 729 555\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "They live in a state of limbo, unsure of their future.\n\n"
            "I urge the Minister to grant them permits.\n\n"
            "The situation is not something the crews control.\n\n"
            "Those on the island have waited for two years and should not have to wait in the "
            "meantime",
        )
    ]


def test_a_month_before_a_surname_is_no_first_name():
    text = (
        "Title: Example Visits All 29 Counties\nDate: November 8, 2012\n\nContent:\n"
        "SALT LAKE CITY- Today, Senator Example visited his last county.\n"
        "“Not everyone has a chance to come to my offices,” said Example.\n"
        "In February, he visited three counties. In April Example visited Carbon and Grand "
        "Counties.\n"
    )
    assert [name for name, _ in speakers(parse_release_text(text))] == ["Example"]


def test_a_closing_mark_doubled_before_the_verb_closes_the_quotation():
    text = (
        "Title: Example at the Ferry Opening\nDate: 2024\n\nContent:\n"
        "Today, Congresswoman Jo Example opened the new ferry office in Hillside.\n"
        "“We were honored to have Congresswoman Example join us. We look forward to serving "
        'the river towns.""said Al Roe, Ferry Founder and Chairman.\n'
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Al Roe",
            "We were honored to have Congresswoman Example join us. We look forward to serving "
            "the river towns.",
        )
    ]


def test_a_place_in_capitals_whose_dash_the_scrape_lost_is_the_dateline():
    text = (
        "Title: Sen. Example Votes For Ferry Bills\nDate: June 21, 2016\n\nContent:\n"
        "WASHINGTON \u200b Sen. Jo Example (R-UT) supported two ferry bills Monday.\n"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.lead[:4]) == ("Washington", "Sen.")
    for lead in ("ICYMI Sen. Example said the ferries matter.", "NASA Today announced a launch."):
        text = f"Title: T\nDate: June 21, 2016\n\nContent:\n{lead}\n"
        assert parse_release_text(text).dateline_city == ""


def test_a_statement_of_titled_surnames_after_when_it_was_issued_is_a_joint_one():
    text = (
        "Title: Leadership Statement on the Ferry Vote\nDate: 2023\n\nContent:\n"
        "Washington, D.C. —On Wednesday, Conference Chairwoman Example, Speaker Roe, Majority "
        "Leader Hart, and Majority Whip Vale issued the following statement on the vote:\n\n"
        "“Today, the House took a critical step for the river towns.”\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == []
    assert any("joint statement" in note for note in release.unplaced)


def scanned(catalogue: str, creator: str, body: str) -> str:
    """A typed statement as the catalogue harvest gives it, its issuer among the creators."""
    return (
        f'---\ntitle: "{catalogue}"\ndate: "1976-11-10"\ncreators:\n  - "{creator}"\n'
        'source: "Minister for Rivers"\n---\n\n' + body
    )


def test_a_typed_statement_by_initials_the_creators_first_name_a_short_headline():
    text = scanned(
        "Ferry Refugees",
        "Example, Michael",
        " N E W S  R E L E A S E  FRO M  THE M IN ISTER  FOR \n\n"
        " Rivcrs «I [lie AffairsTH E  H O N . M . J . R .  E X A M P L E M .P . IEA 53/76\n\n"
        " FERRY REFUGEES\n\n"
        " A decision on the 50 people who reached Hillside by ferry today would be made soon, "
        "the Minister for Rivers, the Hon.  M.J.R. Example said today. .\n\n"
        ' "The people have been allowed ashore at the Hillside station where they can be fed,\n'
        " Mr Example said. .\n\n"
        ' "Officers in Hillside will interview them tomorrow.\n\n'
        " \"They have been asked to report to me as a matter of urgency.'·\n\n"
        " Mr Example said that some of them might want to join relatives.\n\n"
        ' "It called at Rivertown, where the crews gave charts and provisions.  We do not know '
        "if they made any\n\n .  2 .\n\n other landfall.\n\n CANBERRA \n\n 10 November 1976\n",
    )
    release = parse_release_text(text)
    assert release.title == "FERRY REFUGEES"
    assert release.dateline_city == "Canberra"
    assert [name for name, _ in speakers(release)] == ["Michael Example"]
    texts = [q for _, q in quotes(release)]
    assert texts[0] == (
        "The people have been allowed ashore at the Hillside station where they can be fed"
    )
    assert texts[1].startswith("Officers in Hillside") and texts[1].endswith("urgency.'·")
    assert texts[2].endswith("We do not know if they made any other landfall.")


def test_a_sign_off_above_the_background_notes_and_a_scans_second_text_layer():
    text = harvested(
        "Aid for Hillside",
        " V-> ,'.' â€ ; A A r- Ν Î‘ Î‘ Ν Χ . \"*? . A - A A - ' Date 11 February 1982 THE HON. "
        "JO EXAMPLE AID FOR HILLSIDE The Minister for Rivers, the Hon. Jo Example, today "
        "announced that the Government had decided to provide further assistance valued at "
        "just over $3 million to the river towns.\n\n"
        " Date\n\n 11 February 1982\n\n AID FOR HILLSIDE\n\n"
        " The Minister for Rivers, the Hon. Jo Example, today announced further aid.\n\n"
        " HILLSIDE  22 AUGUST 2011   \n\n BACKGROUND   \n\n Members of the river council.\n",
    )
    release = parse_release_text(text)
    assert (release.title, release.dateline_city) == ("AID FOR HILLSIDE", "Hillside")


def test_a_doubled_opening_mark_a_bullet_before_a_mark_and_a_curly_closer_lost():
    text = (
        "Title: Ferry funding\n\nContent:\n"
        "The Minister for Rivers, Jo Example, today announced funding.\n\n"
        'Al Roe, the member for Hillside, is in Rivertown. As the Secretary of" "Friends of the '
        'Ferries", a friendship group, he will report back.\n\n'
        '"Strong ferries offer the most effective support for the river towns — from the '
        "oldest to the youngest.\n\n"
        "• \"That's why the Government's Ferry Strategy helps crews work through problems "
        'before they reach crisis point," Mr Example said.\n\n'
        " “Labor’s first goal is to protect the river \n"
        "$200 million of ferry funding.\n\n"
        " “Labor supports the ferries but will keep campaigning to make them fair, Mr Example "
        "said.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in speakers(release)] == ["Jo Example"]
    texts = [q for _, q in quotes(release)]
    assert texts[0].startswith("Strong ferries") and texts[0].endswith("reach crisis point")
    assert texts[1] == (
        "Labor’s first goal is to protect the river $200 million of ferry funding.\n\n"
        "Labor supports the ferries but will keep campaigning to make them fair"
    )


# What the rules above must not do, found by a review of them.


def test_words_in_capitals_before_a_lead_are_no_dateline_unless_a_feeds_place():
    for lead in (
        "PHOTOS Sen. Jo Example toured the Example Dam on Tuesday with local farmers.",
        "SENATE PASSES FARM BILL Sen. Jo Example applauded the Example Farm Act on Tuesday.",
    ):
        text = f"Title: Example Release\nDate: June 2, 2024\n\nContent:\n{lead}\n"
        assert parse_release_text(text).dateline_city == ""


def test_a_line_dating_a_notice_is_no_sign_off():
    body = "".join(f"Paragraph {n} of the notice about the ferries.\n\n" for n in range(4))
    for line in ("Effective 1 July 2025", "Posted March 5, 2024", "Dated 5 March 1975"):
        text = f"Ferry Fares Change\n\n{body}{line}\n\n{body}"
        assert parse_release_text(text).dateline_city == ""


def test_a_quotation_inside_a_quotation_after_a_full_stop_is_not_its_next_paragraph():
    text = (
        "Title: Example on Ferry Fares\n\nContent:\n"
        "Sen. Jo Example spoke on the floor on Tuesday.\n\n"
        "“A mother in Hillside wrote to me last week. “I can’t afford the fare,” she wrote. No "
        "family should have to write that letter,” said Sen. Example.\n"
    )
    ((speaker, words),) = quotes(parse_release_text(text))
    assert speaker == "Jo Example"
    assert words.endswith("No family should have to write that letter")


def test_a_blank_line_ends_a_paragraph_even_inside_an_open_quotation():
    text = (
        "Title: Example on the Ferry Bill\n\nContent:\n"
        "WASHINGTON - Sen. Jo Example spoke on the floor on Tuesday.\n\n"
        "Sen. Example called the bill “a lifeline for the families of the river towns who rely on "
        "the ferry every winter\n\n"
        "The bill now goes to the House, where a vote is expected in May.\n"
    )
    assert len(parse_release_text(text).paragraphs) == 3


def test_the_opening_mark_of_a_quotation_going_on_below_is_no_speck():
    text = (
        "Title: Example on the Ferry Bill\n\nContent:\n"
        'WASHINGTON - Sen. Jo Example said the bill was "an insult to every working family in '
        "the valley. We will keep fighting it.\n\n"
        '"We will win in the end," she said.\n'
    )
    release = parse_release_text(text)
    assert '"an insult' in release.lead


def test_an_organisation_signing_beside_two_named_people_is_no_person():
    text = (
        "Title: Statements on the Ferry Act\nDate: 2024\n\nContent:\n"
        "WASHINGTON – The bill is led by Senator Jo Example and Senator Al Roe.\n"
        "“The ferries matter,” Example said.\n"
        "“The towns need them,” Roe said.\n"
        "“We support the act,” Rivercorp said.\n"
    )
    assert "Rivercorp" not in [name for name, _ in speakers(parse_release_text(text))]


def test_the_contact_lines_and_date_at_the_foot_are_left_out_of_the_body():
    text = (
        "Title: Ferry patrons\n\nContent:\n"
        "The Opposition has expressed dismay at today’s announcement on the ferries.\n\n"
        "“This Government is turning the ferries into jobs for the boys,” Mr Jo Example said.\n\n"
        "Further information about the ferry fair can be found at: https://example.org/fair\n\n"
        "Wednesday, 9 June 1999\n\nFor media information:\n\nJo Example (02) 6277 4548\n"
    )
    release = parse_release_text(text)
    assert release.paragraphs[-1].startswith("Further information about the ferry fair")
    assert [d for d in release.dropped if d.startswith("foot:")] == [
        "foot: Wednesday, 9 June 1999",
        "foot: For media information:",
        "foot: Jo Example (02) 6277 4548",
    ]


def test_a_place_signing_off_above_its_date_gives_the_dateline_and_goes_with_the_foot():
    text = harvested(
        "Ferry refugees",
        " FERRY REFUGEES\n\n The Minister said the people had been allowed ashore.\n\n"
        " The Minister will report to Parliament next week.\n\n CANBERRA \n\n 10 November 1976\n",
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert release.paragraphs[-1] == "The Minister will report to Parliament next week."


def test_a_long_first_paragraph_gives_the_lead_its_first_sentences_and_the_body_the_rest():
    from articles.textimport import body_paragraphs

    first = (
        "The Minister for Rivers, Jo Example, today announced that the Government will fund "
        "the river ferries for another ten years. The decision follows a review of every "
        "crossing in the valley by the Ferry Board. Information to hand showed that the towns "
        "depend on the ferries for work, school and health care. The towns had asked for a "
        "longer commitment."
    )
    release = parse_release_text(f"Title: Ferries funded\n\nContent:\n{first}\n\nA second one.\n")
    assert len(first) > 300
    assert release.lead == (
        "The Minister for Rivers, Jo Example, today announced that the Government will fund the "
        "river ferries for another ten years. The decision follows a review of every crossing "
        "in the valley by the Ferry Board."
    )
    assert body_paragraphs(release) == [
        "Information to hand showed that the towns depend on the ferries for work, school and "
        "health care. The towns had asked for a longer commitment.",
        "A second one.",
    ]
