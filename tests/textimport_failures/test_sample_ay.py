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
