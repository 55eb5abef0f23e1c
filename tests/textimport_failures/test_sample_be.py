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


# A review of the rules above (and of the fixes for the review of sample BD's) found these
# misfires, each fixed before the next sample was measured.


def _item(*lines, head="WASHINGTON – Sen. Jo Fenn (R-Utah) today welcomed the ferry vote.\n"):
    return "Title: Fenn on the Ferries\nDate: May 21, 2013\n\nContent:\n" + head + "".join(lines)


def test_a_label_word_the_text_also_uses_after_a_capital_is_no_turn():
    text = _item(
        "VIDEO: “The ferries will keep running,” the Senator said after the vote.\n",
        head="WASHINGTON – Sen. Jo Fenn (R-Utah) welcomed the ferry vote. Watch Video below.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn"]


def test_a_term_closed_by_a_double_mark_then_says_runs_on():
    text = harvested(
        "Ferry charter",
        " MEDIA RELEASE\n\n Ferry charter\n\n The Opposition today criticised the charter.\n\n "
        "“The Government’s ‘Ferry Charter” says every town will keep its ferry, but Lowtown has "
        "lost its service,” said Senator Jo Fenn. “It is a broken promise.”\n",
    )
    found = quotes(parse_release_text(text))
    assert found[0][0] == "Jo Fenn"
    assert "says every town will keep its ferry" in found[0][1]


def test_a_person_after_a_bullet_or_a_place_in_the_list_may_be_the_speaker():
    for item in ("• Lowtown Mayor Al Lee and the council", "Dr. Ana Other, Chief Medical Officer"):
        text = _item(
            "“The families who rely on these ferries deserve to know they are safe.”\n",
            "Senator Fenn said the roundtable heard from:\n",
            f"{item}\n",
            "Members of the Ferry Workers Union\n",
            "Business owners from the river towns\n",
            "“In twenty years I have watched our ferry service decline.”\n",
            head="WASHINGTON - Today, Senator Jo Fenn hosted a roundtable on ferry safety.\n",
        )
        found = quotes(parse_release_text(text))
        assert [name for name, _ in found] == ["Jo Fenn"], item


def test_the_issuers_own_name_signing_off_above_the_date_and_contact():
    text = harvested(
        "Ferry board launched",
        " THE HON JO EXAMPLE MP\n\n MINISTER FOR RIVERS\n\n MEDIA RELEASE\n\n FERRY BOARD "
        "LAUNCHED\n\n I have today launched the Ferry Board, which will advise me on the "
        "ferries.\n\n The board will report by June.\n\n JO EXAMPLE\n\n 3 November 1989\n\n "
        "Media contact: Al Marsh (062) 777 460\n",
    )
    assert parse_release_text(text).dateline_city == ""


def test_alderman_and_provost_before_a_name_are_roles():
    for title in ("Alderman", "Provost"):
        text = _item(f"“The ferry bill will pass this week,” said {title} Bo Carter.\n")
        assert speakers(parse_release_text(text)) == [("Bo Carter", title)]


def test_a_role_in_small_letters_and_a_time_before_said():
    text = _item("Greens leader Bob Brown last week said: “The ferries are unsafe.”\n")
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Bob Brown"]


def test_he_said_after_a_sentence_on_a_man_after_a_womans_quotation():
    text = _item(
        "“The wharf is falling into the river,” Fenn said. Governor Al Marsh vetoed the repairs "
        "last year. He said, “The repairs cost too much and the state cannot pay for them.”\n",
        head="WASHINGTON – Sen. Mary Fenn (R-Utah) today toured the Lowtown wharf.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Mary Fenn", "Al Marsh"]


def test_a_plural_inside_a_bodys_name_anywhere_in_the_role():
    text = _item("“The ferries matter,” said Chair of the Council of Rural Mayors Al Lee.\n")
    assert speakers(parse_release_text(text)) == [
        ("Al Lee", "Chair of the Council of Rural Mayors")
    ]


def test_a_reply_the_issuer_received_is_not_their_words():
    text = harvested(
        "Ferry reply",
        " Ferry reply\n\n I wrote to the Minister about the Lowtown ferry. This is the reply I "
        'received.\n\n "The ferry will run until June and then be reviewed by the board."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] != ["Jo Example"]


def test_a_role_in_parentheses_after_a_surname_is_no_nickname():
    text = _item(
        "“The board will serve the towns well,” Fenn said.\n",
        "“We will get the ferries running,” Roe said.\n",
        "“The books will balance,” Carter said.\n",
        head="WASHINGTON – Sen. Jo Fenn today welcomed the new ferry board: Ana Roe (Chair) Bo "
        "Carter (Treasurer) and Al Marsh.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [
        "Jo Fenn",
        "Ana Roe",
        "Bo Carter",
    ]


def test_a_lead_opening_on_a_party_and_a_title_after_the_headlines_colon():
    text = harvested(
        "Ferry bidding war",
        " Senator Jo Example   Australian Greens \n\n MEDIA RELEASE \n\n Ferry bidding war: "
        "Greens Senator Jo Example today urged the Government to end the bidding war.\n",
    )
    assert parse_release_text(text).title != "Ferry bidding war: Greens"


def test_a_headline_ending_in_pm_is_no_label():
    text = "SORRY PM\n\nThe towns have waited long enough for their ferries, the Mayor said.\n"
    assert parse_release_text(text).title == "SORRY PM"
