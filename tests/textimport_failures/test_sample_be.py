"""The failures of sample BE (seed 73), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_the_issuers_own_email_announced_above_it():
    text = harvested(
        "A fairer ferry system",
        " A fairer ferry system.\n\n Friday, June 17, 2005\n\n The Premier announced today "
        "changes to the ferry timetable.\n\n Several hundred people had emailed me about the "
        'issue and this is the text of the email I sent to them.\n\n "Thank you very much for '
        "writing to me about the ferries and the bill which had been placed on the notice "
        'paper by my colleague Al Marsh MP.\n\n "Thank you again for writing to me. "\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_message_delivered_on_the_issuers_behalf():
    text = harvested(
        "The ferry crisis",
        " 31 August 1991  209/91\n\n THE FERRY CRISIS\n\n Following is the message which Mr "
        "Al Marsh MP is delivering on my behalf to the rally being held in Canberra today:\n\n "
        '"The Opposition is extremely concerned about the ferry crisis and has urged all '
        'parties to show restraint."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_statement_regarding_under_the_issuers_letterhead():
    text = harvested(
        "A statement regarding the ferry ads",
        " Jo Example MP  Independent Member for Rivertown \n\n 9 August 2013 \n\n A STATEMENT "
        "REGARDING THE FERRY AD CAMPAIGN \n\n “The decision to keep running the ferry ads is "
        "hardly surprising. \n\n “I call on the Government to say how much the ads have cost "
        "by election day.” \n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_surname_letter_spaced_by_the_scan_and_a_middle_initial_in_the_letterhead():
    text = harvested(
        "Ferry board appointment 'poor joke'",
        " PRESS RELEASE\n\n SHADOW MINISTER FOR RIVERS\n\n SENATOR BRIAN R. MARSH  SENATOR FOR "
        "TASMANIA\n\n A STATEMENT FROM THE SHADOW MINISTER FOR RIVERS\n\n FERRY BOARD "
        "APPOINTMENT 'POOR JOKE'\n\n "
        "The reported appointment has offended the river towns, the Shadow Minister, Senator "
        'Brian M a r s h , said today.\n\n "Such appalling cronyism will damage the '
        'ferries."\n',
    )
    assert speakers(parse_release_text(text))[0][0] == "Brian R. Marsh"


def test_a_nickname_in_parentheses_between_the_names():
    text = (
        "Cricketers join the ferry campaign\n\nHigh profile cricketers Al Marsh and Kumar "
        "(Kumi) Sangaraja signed on to the campaign.\n\n“Do it the right way,” Marsh said in "
        "his message.\n\n“Hundreds of people have lost their lives on the river,” Sangaraja "
        "said in his message.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [
        "Al Marsh",
        "Kumar Sangaraja",
    ]


def test_who_says_so_after_the_headlines_colon_the_lead_glued_on():
    text = harvested(
        "Time to stop the ferry bidding war",
        " Senator Jo Example   Australian Greens \n\n MEDIA RELEASE \n\n Time to stop the ferry "
        "bidding war: Greens  The Australian Greens have today urged the Government to end the "
        "bidding war on ferry fares. \n",
    )
    assert parse_release_text(text).title == "Time to stop the ferry bidding war: Greens"


def test_a_typed_statements_number_and_a_speck_after_its_sign_off():
    text = harvested(
        "Additional aid for river towns",
        " FORPRESS:\n\n PM No. 61/1.971\n\n ADDITIONAL AID FOR RIVER TOWNS \n\n Statement by the "
        "Prime Minister, Mr. Jo Example\n\n The Government today discussed the plight of the "
        "river towns.\n\n CANBERRA  8 June 1971\n\n i\n",
    )
    release = parse_release_text(text)
    assert (release.title, release.dateline_city) == ("ADDITIONAL AID FOR RIVER TOWNS", "Canberra")


def test_a_statement_quoted_whole_closed_after_a_phrase_in_marks():
    text = (
        "Title: Roe Statement on the Ferry Board Resignation\nDate: 2024\n\nContent:\n"
        "ALBANY, N.Y. - Chair Jo Roe released the following statement regarding the "
        "resignation of the Ferry Board's President:\n\n“One down. Two to go.\n\nThis is only "
        "the beginning of fixing the ferries.\n\nIn the case of the Harbour Board, its chair "
        "answered the question. “If the ferries run” ie blaming the towns in her answer.”\n"
    )
    found = quotes(parse_release_text(text))
    assert len(found) == 1
    assert found[0][1].endswith("ie blaming the towns in her answer.")


def test_a_pasted_release_under_a_senators_name_and_seat():
    # Found trying the admin's "New release from text" with a release pasted without any
    # catalogue's front matter: the letterhead line went into the title.
    text = (
        "PRESS RELEASE\n\nSENATOR BRIAN R. MARSH  SENATOR FOR TASMANIA\n\nFERRY BOARD "
        "APPOINTMENT 'POOR JOKE'\n\nThe appointment has offended the towns, Senator Brian Marsh "
        'said today.\n\n"It is a joke," Senator Marsh said.\n'
    )
    release = parse_release_text(text)
    assert release.title == "FERRY BOARD APPOINTMENT 'POOR JOKE'"
    assert speakers(release)[0][0] == "Brian R. Marsh"
