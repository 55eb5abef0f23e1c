"""The failures of sample AY (seed 67), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_letter_a_delegation_wrote_to_a_long_list_of_leaders():
    text = (
        "Title: NEWS: Roe, Lee, Other Urge Leaders to Fund Ferry Repairs\nDate: September 12, "
        "2023\n\nContent:\nBURLINGTON, Vt., Sept. 12 – Sen. Jo Roe (I-Vt.), Sen. Sam Lee (D-Vt.) "
        "and Rep. Al Other (VT-AL) on Monday sent aletterto leaders of the Senate and House urging "
        "them to fund ferry repairs.“As the towns begin to recover from the floods, we urge you to "
        "fund the ferries,” wrote the Vermont congressional delegation to Senate Majority Leader "
        "Ann Chief (D-N.Y.), Senate Minority Leader Bo Second (R-Ky.), Speaker of the House Cy "
        "Third (R-Calif.), House Minority Leader Di Fourth (D-N.Y.), Chair of the Senate "
        "Appropriations Committee Ed Fifth (D-Wash.), and Ranking Member Flo Sixth "
        "(D-Conn.).The floods damaged 200 miles of rail.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert any("Vermont congressional delegation" in note for note in release.unplaced)


def test_a_reference_to_an_office_the_letterhead_prints_above_a_name():
    text = (
        '---\ntitle: "Ferry service: two years without a closure"\ndate: "2016-07-27"\n'
        'creators:\n  - "Roe, Jo"\n---\n\n PRIME MINISTER \n\n THE HON. JO ROE MP \n\n'
        " MINISTER FOR RIVERS  THE HON. AL OTHER MP \n\n JOINT MEDIA RELEASE \n\n 27 July 2016 "
        "\n\n Ferry service: two years without a closure \n\n Today marks two years since the "
        "last ferry closure.\n\n The Prime Minister reiterated his Government’s commitment to "
        "the ferry service and the river towns.\n\n “A reliable ferry is the bedrock of the "
        "confidence on which the river towns are built.”\n\n The Minister for Rivers Al Other "
        "said the service had been a notable success.\n\n “Since the service began, 700 "
        "crossings have run on time,” Mr Other said.\n"
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Roe", "Al Other"]


def test_a_headline_in_capitals_ending_a_line_of_garbled_letterhead():
    text = harvested(
        "Ferry passengers in Singapore",
        ' Ftix.  â\u0080\u0094 \n\n N E W S "  R E L E A S E  .F R O M  THE·. M IN IS T E R  FOR,'
        " \n\n ||jt Illpli llliiT H E  H O M M . J .  E X A M P L E ML P.IEA / W  76 FERRY "
        "PASSENGERS IN SINGAPORE\n\n The Minister for Rivers, Mr Example, said today that "
        "arrangements had been completed for the 22 ferry passengers.\n",
    )
    assert parse_release_text(text).title == "FERRY PASSENGERS IN SINGAPORE"


# A review of the rules above found these misfires, each fixed before sample AZ was measured.


def test_the_delegation_leader_named_after_the_verb_is_one_person():
    text = (
        "Title: Vermont Delegation Visits Ferry Dock\nDate: September 12, 2023\n\nContent:\n"
        "BURLINGTON, Vt., Sept. 12 – Members of the Vermont congressional delegation on Monday "
        "toured the flooded ferry dock.\n“The damage is worse than we feared, and we will ask "
        "Congress for emergency funds,” said the delegation leader, Sen. Jo Roe (I-Vt.).\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_a_letterhead_printing_each_office_below_the_name():
    text = (
        "THE HON. JO ROE MP\nPRIME MINISTER\n\nTHE HON. AL OTHER MP\nTREASURER\n\n"
        "JOINT MEDIA RELEASE\n\nFerry service: two years without a closure\n\n"
        "Today marks two years since the last ferry closure.\n\n"
        "“A reliable ferry is the bedrock of the towns,” the Prime Minister said.\n\n"
        "“The budget has set aside $20 million for the service,” the Treasurer said.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe", "Al Other"]


def test_the_prime_ministers_words_are_not_the_deputys():
    text = (
        '---\ntitle: "New ferry terminal for Echuca"\ndate: "2016-07-27"\ncreators:\n'
        '  - "Roe, Jo"\n---\n\nDEPUTY PRIME MINISTER\nTHE HON. JO ROE MP\n\nNew ferry terminal '
        "for Echuca\n\nThe Deputy Prime Minister today announced $12 million for a new ferry "
        "terminal in Echuca.\n\n“The terminal will bring hundreds of jobs to the region,” Mr Roe "
        "said.\n\n“It is a great project for the river towns,” the Prime Minister said in "
        "Canberra on Tuesday.\n\nThe Prime Minister, Mr Al Other, will open the terminal in "
        "March.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe", "Al Other"]


def test_an_office_on_the_names_line_before_senator_the_hon():
    text = (
        '---\ntitle: "Ferry treaty signed"\ndate: "1990-07-27"\ncreators:\n  - "Evans, Jo"\n'
        "---\n\nMINISTER FOR FOREIGN AFFAIRS SENATOR THE HON. JO EVANS QC\n\nNEWS RELEASE\n\n"
        "Ferry treaty signed\n\nThe Minister for Foreign Affairs, Senator Jo Evans, today "
        "signed the ferry treaty.\n\n“This treaty will keep our river towns connected,” Senator "
        "Evans said.\n"
    )
    assert [s.role for s in parse_release_text(text).speakers] == ["Minister for Foreign Affairs"]


def test_an_office_holder_the_paragraph_above_is_about_is_not_the_issuers_speaker():
    for above in (
        "The President signed the bill on Friday after it passed the Senate unanimously.",
        "The Mayor thanked the Congresswoman for her work on the project.",
    ):
        text = (
            "Title: Roe Applauds Ferry Safety Act\nDate: July 27, 2023\n\nContent:\n"
            "WASHINGTON – U.S. Senator Jo Roe (D-Vt.) today applauded President Al Other for "
            f"signing the Ferry Safety Act into law.\n{above}\n“This law will keep Vermonters "
            "safe on the water. I was proud to write it.”\n"
        )
        assert "Al Other" not in [name for name, _ in quotes(parse_release_text(text))], above


def test_a_sentence_ending_in_the_catalogued_words_in_capitals_is_no_headline():
    text = (
        '---\ntitle: "Ferry Safety Week"\ndate: "2013-09-18"\ncreators:\n  - "Roe, Jo"\n---\n\n'
        "MINISTER FOR RIVERS\nTHE HON. JO ROE MP\n\nMEDIA RELEASE\n\nFerry Safety Week begins\n\n"
        "Ferry operators and passengers are reminded that this week is FERRY SAFETY WEEK\n\n"
        "“Safety is everyone’s business,” Mr Roe said.\n"
    )
    release = parse_release_text(text)
    assert release.title == "Ferry Safety Week begins"
    assert release.paragraphs[0].startswith("Ferry operators and passengers")
