"""The failures of sample AZ (seed 68), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_the_following_response_after_a_clause_naming_someone_else():
    text = (
        "Title: Roe Blasts Other on Ferry ‘Stunt’\nDate: March 12, 2012\n\nContent:\n"
        "WASHINGTON – Today, after Senator Al Other announced he would close 17 ferry routes, "
        "Senator Jo Roe released the following response:\n“Senator Al Other’s action is "
        "nothing more than a political stunt designed to distract the river towns.\n"
        "“I welcome the opportunity to discuss the ferry routes with Senator Other.”\n"
    )
    assert {name for name, _ in quotes(parse_release_text(text))} == {"Jo Roe"}


def test_a_quotation_below_a_lead_saying_whom_the_member_told():
    text = (
        "Title: Roe’s Full Remarks at the Ferry Summit\nDate: 2014\n\nContent:\n"
        "WASHINGTON – Today, Senator Jo Roe told the audience at the Ferry Summit it is time "
        "for the river towns to develop a reform agenda.\n“For too long, the towns have put "
        "off the difficult work of developing a modern ferry agenda. The service is not about "
        "the bills we pass, but the towns we want to be.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_what_a_report_stated_is_no_ones_quotation():
    text = harvested(
        "Why won't the Government raise ferry safety?",
        " Why won’t the Government raise ferry safety?\n\n Senator Jo Example today condemned "
        "the Government’s weak approach to ferry safety.\n\n When Senator Al Other, "
        "representing the Minister, suggested that ferry safety was improving, Senator Example "
        "pointed out that the Safety Council’s report on ferries for 2003 stated that “serious "
        "ferry accidents continued and in some respects the situation deteriorated.”\n",
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert any("report on ferries" in note for note in release.unplaced)


def test_parliament_house_canberra_between_two_paragraphs_of_a_statement():
    text = harvested(
        "Ferry settlement programs",
        " FERRY SETTLEMENT PROGRAMS\n\n The Minister for Rivers, Mr Jo Example, said the "
        "changes reflected the importance of the ferries.\n\n TEACHING CREWS\n\n"
        ' "Expenditure on crew training will increase $3.7m to $46m," Mr Example said.\n\n'
        " Parliament House, Canberra\n\n"
        ' "Crew training teaches safety to new crews and is vital to the service.\n\n'
        ' "This year\'s budget puts special emphasis on training at work."\n\n'
        ' "The Government has tried to make the ferries safer". Mr  Example said.\n',
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert [name for name, _ in quotes(release)] == ["Jo Example"] * 3
    assert all("Parliament House" not in p for p in release.paragraphs)


def test_a_headline_glued_to_the_straight_mark_opening_the_lead():
    text = harvested(
        "$1.9m funding boost for ferry services",
        "  MEDIA  RELEASE \n\n  Minister for Rivers  the Hon Jo Example MP \n\n"
        '  $1.9m funding boost for ferry services  "The Government has demonstrated its '
        'commitment to the river towns with grants commencing today" the Minister for Rivers, '
        "Jo Example, said today. \n",
    )
    assert parse_release_text(text).title == "$1.9m funding boost for ferry services"


# A review of the rules above found these misfires, each fixed before sample BA was measured.

_LETTERHEAD = "MEDIA RELEASE\n\nSenator Jo Roe\nShadow Minister for Rivers\n\n"


def test_a_minister_who_released_a_response_is_not_the_critics_speaker():
    text = (
        f"{_LETTERHEAD}Labor today condemned the Government's handling of the ferry inquiry.\n\n"
        '"Crews gave months of evidence to this inquiry," Senator Roe said.\n\nThe Minister for '
        "Rivers, Dr Al Other, yesterday released a response to the inquiry's report.\n\n"
        '"It ignores every recommendation that would have cost money. Crews deserve better."\n'
    )
    assert "Al Other" not in [name for name, _ in quotes(parse_release_text(text))]


def test_a_lead_whose_subject_welcomed_a_report_that_found_something():
    text = (
        f"{_LETTERHEAD}Senator Jo Roe today welcomed the Productivity Commission report, which "
        'found that ferry fares had doubled since 1996.\n\n"Families have been telling us this '
        'for years. The Government must act now."\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_a_lead_saying_she_told_a_meeting_about_someone_elses_letter():
    text = (
        f"{_LETTERHEAD}Senator Jo Roe told a public meeting in Hobart last night about a letter "
        "from a Launceston mother whose son has waited two years for a ferry berth.\n\n"
        '"My son is in pain every day and nobody at the wharf can tell us when he will be seen."\n'
    )
    assert quotes(parse_release_text(text)) == []


def test_a_reviews_chair_and_a_senators_submission_are_people():
    text = (
        "MEDIA RELEASE\n\nMinister for Rivers\n\nThe Hon Jo Roe MP\n\nThe Minister for Rivers, "
        "Jo Roe, today released the final report of the Review of Ferry Services.\n\nThe Review "
        'chair Professor John Smith said: "River people deserve the same ferries as city people."\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["John Smith"]


def test_parliament_house_canberra_in_a_letterhead_a_sentence_or_a_venue_stays():
    release = parse_release_text(
        "Senator Jo Roe\nShadow Treasurer\nParliament House, Canberra\n\nLABOR WELCOMES "
        'FARE CUT\n\nLabor today welcomed the decision to cut ferry fares.\n\n"Families '
        'will welcome this relief," Senator Roe said.\n\nMELBOURNE\n15 May 1998\n'
    )
    assert (release.title, release.dateline_city) == ("LABOR WELCOMES FARE CUT", "Melbourne")
    assert [s.name for s in release.speakers] == ["Jo Roe"]
    release = parse_release_text(
        f"{_LETTERHEAD}CREWS TO RALLY\n\nCrews will rally on Tuesday to demand better pay.\n\n"
        "The rally will begin at noon on the lawns in front of\nParliament House, Canberra\n"
        "and will be addressed by union leaders.\n\nHOBART\n15 May 1998\n"
    )
    assert release.dateline_city == "Hobart"
    assert any("front of Parliament House, Canberra and" in p for p in release.paragraphs)


def test_words_a_senator_described_then_a_stop_before_mr_x_said():
    text = (
        "MEDIA RELEASE\n\nThe Hon Jo Example MP\nMinister for Rivers\n\nFERRY SERVICES FUNDED\n\n"
        "Mr Example today announced new funding for ferry services.\n\nThe Opposition "
        'spokesman, Senator Jo Roe, yesterday described the program as "a waste of '
        "taxpayers' money\". Mr Example said.\n"
    )
    assert "Jo Example" not in [name for name, _ in quotes(parse_release_text(text))]


def test_a_headline_with_a_subtitle_in_marks_the_cataloguer_left_out():
    text = (
        '---\ntitle: "Address to the National Press Club"\ndate: "1997-10-01"\ncreators:\n'
        '  - "Roe, Jo"\n---\nMINISTER FOR RIVERS\nADDRESS TO THE NATIONAL PRESS CLUB "THE NEXT '
        'TEN YEARS"\n\nMr Roe today outlined the ferry program.\n\n"The towns will have 70 new '
        'ferries next year," Mr Roe said.\n'
    )
    assert parse_release_text(text).title == (
        'ADDRESS TO THE NATIONAL PRESS CLUB "THE NEXT TEN YEARS"'
    )


def test_the_last_of_a_list_of_hearing_dates_is_no_sign_off():
    body = "\n\n".join(
        [
            "The Committee expects to report to the Senate in March next year.",
            "Submissions close on 30 November.",
            "The inquiry will look at the safety of river ferries in every state.",
            "It will also consider the training of crews and the age of the fleet.",
            "Passengers, operators and unions are invited to make submissions.",
            "The terms of reference are on the Committee's website.",
            "Hearings will be held in each capital city.",
            "Witnesses may give evidence in private if they wish.",
        ]
    )
    text = (
        '---\ntitle: "Senate inquiry into ferries: Canberra, 19 October 1997"\ndate: '
        '"1997-10-19"\ncreators:\n  - "Roe, Jo"\n---\nSENATE INQUIRY INTO FERRIES\n\n'
        f'{body}\n\n"We want to hear from passengers," Senator Roe said.\n\nPublic hearings:\n\n'
        "Melbourne, 4 November 1997\n\nHobart, 5 November 1997\n"
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_parliament_house_canberra_signing_the_release_off():
    text = (
        "PRIME MINISTER\nTHE HON. JO ROE MP\n\nJOINT MEDIA RELEASE\n\n27 July 2016\n\nFERRY "
        "SERVICE: TWO YEARS WITHOUT A CLOSURE\n\nToday marks two years since the last ferry "
        'closure on the river.\n\n"Since the service began, 700 crossings have run on time," '
        "Ms Roe said.\n\nParliament House, Canberra\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert all("Parliament House" not in p for p in release.paragraphs)
