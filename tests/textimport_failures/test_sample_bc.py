"""The failures of sample BC (seed 71), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_turns_under_surnames_in_capitals():
    text = (
        "Title: Members of the River Delegation Meet with the Ferry Board\nDate: May 21, 2013\n\n"
        "Content:\nWASHINGTON – Members of the River Delegation – U.S. Senators Ann Brook "
        "(R-Utah) and Jo Fenn (R-Utah), and Rep. Al Marsh (R-Utah) – today met with the Chair of "
        "the Ferry Board.\n"
        "BROOK: “I appreciated the chance to sit down with the Chair and talk about the ferries "
        "that serve our towns.”\n"
        'FENN: "I was proud to join the delegation today to press the case for new wharves."\n'
        "MARSH: “I thank the Chair for meeting with us to discuss the river crossings.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [
        "Ann Brook",
        "Jo Fenn",
        "Al Marsh",
    ]


def test_a_heading_in_capitals_before_a_colon_is_no_turn():
    text = (
        "Title: Fenn Backs Ferry Bill\nDate: May 21, 2013\n\nContent:\n"
        "WASHINGTON – Sen. Jo Fenn today backed the ferry bill.\n"
        "BACKGROUND: “The ferries are older than the towns they serve,” the board wrote in "
        "its report.\n"
    )
    assert quotes(parse_release_text(text)) == []


def test_a_term_in_single_marks_closed_by_a_double_one_inside_a_quotation():
    text = harvested(
        "Hollow promises on ferries",
        " MEDIA RELEASE \n\n Hollow promises on ferries \n\n The Government's promises were on "
        "display today, said the Greens. \n\n “Despite the rush of getting the ‘River Ferry "
        "Solution” legislation through last week, the government is dragging its feet on the "
        "wharves” said Greens rivers spokesperson Senator Jo Example today. \n\n “My motion "
        "called on the Government to fund the wharves now. \n\n “It is clear the promises were "
        "hollow words. \n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example", "Jo Example"]
    assert found[0][1].startswith("Despite the rush")
    assert found[0][1].endswith("dragging its feet on the wharves")


def test_an_attribution_ending_with_today_after_the_name():
    text = (
        "Ferries for all\n\nThe Greens today called for ferries.\n\n"
        "“We need ferries on every river,” said Senator Jo Example today.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_quotation_reopened_with_a_single_mark_after_its_attribution():
    text = (
        "Title: Fenn Applauds Ferry Policy\nDate: January 23, 2017\n\nContent:\n"
        "WASHINGTON - Sen. Jo Fenn (R-UT) applauds the action taken today on ferries.\n"
        "“I am delighted that this long-standing ferry rule has been restored,” Sen. Fenn said. "
        "‘Not only has it been restored; it has been updated to take into account the river "
        "towns’ needs.”\n"
    )
    found = quotes(parse_release_text(text))
    assert len(found) == 1
    assert found[0][1].endswith("to take into account the river towns’ needs.")


def test_a_quotation_after_the_speakers_list_is_theirs_again():
    text = (
        "Title: Fenn Statement on the Governor's Speech\nDate: September 7, 2011\n\nContent:\n"
        "WASHINGTON - Today, Senator Jo Fenn outlined proposals he would like the Governor to "
        "support in his speech.\n"
        "“The Governor's agenda for the ferries has been a failure. The towns are worse off.”\n"
        "Senator Fenn noted three objectives the Governor should support:\n"
        "Binding limits on ferry fares, so that the towns can plan\n"
        "Support for new wharves, including the bill sponsored by Sen. Al Marsh (WI)\n"
        "Faster building of the river crossings\n"
        "“The Governor has asked to speak to the towns on Thursday. I hope he will listen to "
        "them.”\n"
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Fenn", "Jo Fenn"]


def test_a_place_above_its_date_and_the_enquiries_lines():
    text = harvested(
        "Ferry board launched",
        " MEDIA\n\n RELEASE\n\n FERRY BOARD LAUNCHED\n\n The Minister for Rivers, Jo Example, "
        'announced today the members of the new ferry board.\n\n "The board is to advise me on '
        'the ferries", Mr Example said.\n\n CANBERRA\n\n 3 November 1989\n\n Enquiries:\n\n '
        "Al Marsh Mr Example's media secretary (062) 777 460\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_plural_title_before_two_names_gives_the_first_one_of_them():
    text = (
        "Title: Delegation Meets the Ferry Board\nDate: May 21, 2013\n\nContent:\n"
        "WASHINGTON – U.S. Senators Ann Brook (R-Utah) and Jo Fenn (R-Utah) today met the "
        "Ferry Board.\n“We met the board about the wharves,” said Sen. Brook.\n"
    )
    assert speakers(parse_release_text(text)) == [("Ann Brook", "U.S. Senator")]


# A review of the rules above found these misfires, each fixed before the next sample was
# measured.


def _fenn_item(*lines):
    return (
        "Title: Fenn Statement on Ferry Bill\nDate: May 21, 2013\n\nContent:\n"
        "WASHINGTON – Sen. Jo Fenn (R-Utah) today voted for the ferry bill.\n" + "".join(lines)
    )


def test_a_label_in_capitals_gives_way_to_the_attribution_after_the_quotation():
    for label in ("UPDATE: ", "NOTE: ", "ICYMI: ", "BACKGROUND:\n"):
        text = _fenn_item(
            f"{label}“The ferries will run on time from next week,” the Senator said.\n"
        )
        assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn"], label
    text = _fenn_item(
        "“We have waited long enough for this bill,” said Fenn.\n",
        "UPDATE: “The ferries will run on time from next week,” he said.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn", "Jo Fenn"]


def test_a_label_in_capitals_gives_way_to_a_dash_line_below():
    text = _fenn_item(
        "ENDORSEMENTS:\n“This bill will save lives on every river in the country.”\n",
        "– Ana Roe, President, Ferry Workers Union\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Ana Roe"]


def test_a_term_ending_in_s_in_single_marks_is_closed_already():
    text = harvested(
        "Ferries now",
        " MEDIA RELEASE\n\n Ferries now\n\n The Greens today called for ferries.\n\n “The ‘Stop "
        "the Boats’ slogan has failed the river families,” said Greens Senator Jo Fenn. ‘We "
        "need a humane policy for the towns now.”\n",
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Fenn",
            "The ‘Stop the Boats’ slogan has failed the river families. We need a humane policy "
            "for the towns now.",
        )
    ]
    text = _fenn_item(
        "“The ‘Yes’ vote in every river town shows what people want,” said Sen. Fenn. "
        '"Congress must now fund the wharves.”\n'
    )
    found = quotes(parse_release_text(text))
    assert all("said Sen. Fenn" not in words for _, words in found)
    assert found[0][1].startswith("The ‘Yes’ vote in every river town shows what people want")


def test_a_person_an_item_of_the_list_names_may_be_the_speaker_after_it():
    text = (
        "Title: Fenn Hosts Ferry Roundtable\nDate: September 7, 2011\n\nContent:\n"
        "WASHINGTON - Today, Senator Jo Fenn hosted a roundtable on ferry safety in Lowtown.\n"
        "“The families who rely on these ferries deserve to know they are safe.”\n"
        "Senator Fenn said the roundtable heard from:\n"
        "Mayor Al Lee and the Lowtown council\n"
        "Members of the Ferry Workers Union\n"
        "Business owners from the river towns\n"
        "“As Mayor of Lowtown I have watched our ferry service decline for a decade.”\n"
    )
    found = quotes(parse_release_text(text))
    assert (
        "Jo Fenn",
        "As Mayor of Lowtown I have watched our ferry service decline for a decade.",
    ) not in found


def test_a_name_or_a_label_above_the_date_and_the_contact_lines_is_no_place():
    for above in (
        " Gareth Example\n\n Minister for Foreign Affairs\n\n",
        " Jo Example\n\n",
        " MINISTER\n\n",
    ):
        text = harvested(
            "Ferry aid for the Pacific",
            " MEDIA RELEASE\n\n FERRY AID FOR THE PACIFIC\n\n The Minister for Foreign Affairs, "
            'Senator Gareth Example, announced today a grant for ferries.\n\n "The ferries are '
            f'the lifeline of the islands", Senator Example said.\n\n{above} 3 November 1989\n\n'
            " Media contact: Al Marsh (062) 777 460\n",
        )
        assert parse_release_text(text).dateline_city == "", above


def test_a_contact_line_between_the_heading_and_the_date_below_the_place():
    text = harvested(
        "Ferry board launched",
        ' FERRY BOARD LAUNCHED\n\n "The board is to advise me on the ferries", Mr Example '
        "said.\n\n CANBERRA\n\n STATEMENT FOR PRESS\n\n Contact: Al Marsh\n\n 3 November 1989\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"
