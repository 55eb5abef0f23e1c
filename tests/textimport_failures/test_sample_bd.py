"""The failures of sample BD (seed 72), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_scans_ci_for_g_in_a_surname_given_in_full_above():
    text = harvested(
        "Ferry rights urgently needed",
        "  Senator Brian Example \n\n  Ferry rights urgently needed \n\n  Democrats Rivers "
        "spokesperson, Senator Brian Greig, says the Government must act on ferries. \n\n  “The "
        "towns have waited long enough for a safe crossing,” Senator Greig said. \n\n  “It is one "
        "of the unfortunate contradictions of this Government that it will not fund the "
        "wharves,” Senator Cireig   said. \n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Brian Greig"] * 2


def test_an_annual_report_is_no_person():
    text = harvested(
        "Ferry rights urgently needed",
        "  Ferry rights urgently needed \n\n  Senator Jo Example said the Government must act. "
        "\n\n  “The towns have waited long enough,” Senator Example said. \n\n  Amnesty "
        "International’s Annual Repon. stated that ‘ferry rights have no legal status in the "
        "river towns and cannot be invoked in the courts. ’ \n",
    )
    assert [s for s, _ in speakers(parse_release_text(text))] == ["Jo Example"]


def test_a_quotation_reopened_after_its_attribution_in_a_release_run_into_one_line():
    line = (
        "FERRY DEPORTATIONS MUST STOP The Democrats have called on the Minister to halt the "
        "ferry removals until the claims made by a former ferry official have been examined. "
        "Democrats’ Deputy Leader, Senator Jo Example, said the claims needed to be examined. "
        "“There are currently a number of river families facing removal.  "
        "None should be removed until the claims have been investigated,” Senator Example "
        "said. “In the six months to March, around 465 people lodged claims.  We should use "
        "the chance to learn more about the risks they face. “The ferry deal should not get "
        "in the way of a proper examination of these claims.” “The river towns are still "
        "accused of serious abuses, and we cannot keep turning our eyes away from that.  The "
        "towns may be changing, but they are still run badly. “This claim gives us a good "
        "chance to learn how the towns treat their critics today.” “The Minister would "
        "recall her time as acting Minister in 1997 when she authorised a removal. “That "
        "experience should remind her that she cannot rely on assurances alone.” Media "
        "contact - Senator Jo Example - 0418 743 789 "
    )
    assert len(line) >= 1000
    text = harvested("Ferry deportations must stop", f" DEMOCRATS MEDIA 05/300 {line}\n")
    found = [words for _, words in quotes(parse_release_text(text))]
    assert found[0].endswith("until the claims have been investigated")
    assert found[1].startswith("In the six months to March")
    assert found[1].endswith("a proper examination of these claims.")


def test_a_supervisor_before_the_name_is_a_role():
    text = (
        "Title: Roe Secures Ferry Funding\nDate: 2024\n\nContent:\nWashington, D.C.- "
        "Congresswoman Jo Roe announced funding for the Lowtown ferry.\n\n“I am proud to "
        'announce the funding for the ferry,”said Congresswoman Jo Roe.\n\n"This funding will '
        "spur our town's economy and welfare,”said Lowtown Supervisor Robert Marsh.\n"
    )
    assert speakers(parse_release_text(text)) == [
        ("Jo Roe", "Congresswoman"),
        ("Robert Marsh", "Lowtown Supervisor"),
    ]


def test_a_time_between_the_subject_and_said_and_he_after_the_sentence_on_him():
    text = (
        "Title: PREPARED REMARKS: Roe on Ferries\nDate: 2024\n\nContent:\nWASHINGTON, March 6 "
        "– Sen. Jo Roe spoke on the floor about the ferries.And let me share what officials "
        "have said. Governor Al Marsh has repeatedly called the cuts “reckless” and called "
        "the plan “over the top.”He said, “there are a lot of families who are stranded, and "
        "it has to stop.”Governor Marsh this week said, “there must be more ferries.” That’s "
        "Governor Al Marsh. That’s not me.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Al Marsh", "Al Marsh"]
    assert ("Al Marsh", "Governor") in speakers(release)


# A review of the rules above (and of the fixes for the review of sample BC's) found these
# misfires, each fixed before the next sample was measured.


def _item(*lines, head="WASHINGTON – Sen. Jo Fenn (R-Utah) today welcomed the ferry vote.\n"):
    return "Title: Fenn on the Ferry Vote\nDate: May 21, 2013\n\nContent:\n" + head + "".join(lines)


def test_a_turn_under_a_surname_given_in_full_outranks_a_source_line_or_he():
    text = _item(
        "BARTIROMO: “Congresswoman, what happens next on the ferries?”\n",
        "FENN: “Accountability is here, and the river towns will get their ferries.”\n",
        "– Sunday Morning Futures, Fox News\n",
        head="Sen. Jo Fenn joined Maria Bartiromo on Fox News to discuss the ferries.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Maria Bartiromo", "Jo Fenn"]
    text = _item(
        "Fenn: “Director, were the ferries ever at risk?”\n",
        "Wray: “Not that I am aware of,” he said.\n",
        head="WASHINGTON – Sen. Jo Fenn today questioned FBI Director Chris Wray.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn", "Chris Wray"]


def test_a_plural_possessive_inside_a_term_closed_by_a_double_mark():
    text = harvested(
        "Ferry bill",
        " MEDIA RELEASE\n\n Ferry bill\n\n The Opposition today criticised the ferry bill.\n\n "
        "“The Government cannot get its ‘Parents’ rights” legislation through the Senate without "
        "our votes,” said Senator Jo Fenn. “It will fail.”\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn"]
    text = harvested(
        "Ferry bill",
        " MEDIA RELEASE\n\n Ferry bill\n\n The Greens today criticised the ferry bill.\n\n "
        "“We will never support the ‘Pacific Solution,” said Greens Senator Jo Fenn. ‘The "
        "Government must act on the ferries now.”\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn"]


def test_a_list_item_naming_someone_after_a_verb_is_no_person_listed():
    text = _item(
        "“The crew of the Lowtown ferry saved forty lives that night.”\n",
        "Senator Fenn said the bill would:\n",
        "Award Captain Bo Carter the Congressional Gold Medal\n",
        "Rename the Lowtown wharf for the crew of the ferry\n",
        "Fund new life jackets for every ferry in the river towns\n",
        "“This bill is long overdue, and I urge my colleagues to pass it.”\n",
        head="WASHINGTON - Today, Senator Jo Fenn introduced a bill to honor a ferry crew.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn", "Jo Fenn"]


def test_any_city_above_its_date_and_a_contact_line_signs_off():
    for place, contact in (
        ("NEWCASTLE", "Enquiries: Al Marsh"),
        ("GENEVA", "Media contact: Al Marsh (049) 777 460"),
    ):
        text = harvested(
            "Ferry board",
            ' FERRY BOARD LAUNCHED\n\n "The board is to advise me on the ferries", Mr Example '
            f"said.\n\n {place}\n\n 3 November 1989\n\n {contact}\n",
        )
        assert parse_release_text(text).dateline_city == place.capitalize()


def test_a_plural_title_inside_a_bodys_name_stays_plural():
    text = _item(
        "“The ferry bill will pass this week,” said Speaker of the House of Representatives "
        "Al Marsh.\n"
    )
    assert ("Al Marsh", "Speaker of the House of Representatives") in speakers(
        parse_release_text(text)
    )


def test_a_surname_a_letter_away_from_the_ministers_is_another_person():
    text = harvested(
        "Ferry services must stay",
        " MEDIA RELEASE\n\n FERRY SERVICES MUST STAY\n\n The Minister for Rivers, Mr Jo Home, "
        'today kept the Lowtown ferry.\n\n "The towns have waited long enough for a safe '
        'crossing", Mr Home said.\n\n "If the ferry stops, the town stops", said Mr Horne, the '
        "Lowtown ferry master.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Home", "Horne"]


def test_a_closed_second_part_in_a_release_run_into_one_line_is_one_statement():
    line = (
        "DEMOCRATS MEDIA 05/300 FERRY CUTS MUST STOP The Democrats have called on the Minister "
        "to halt the ferry cuts until the river towns have been consulted about the timetable "
        "and the fares. Democrats’ Deputy Leader, Senator Jo Example, said the cuts were unfair "
        "to the families who rely on the service. “The Government has cut the Lowtown ferry "
        "without asking anyone who uses it,” Senator Example said. “That is no way to treat a "
        "town of four thousand people.” “In the six months to March, around 465 people used "
        "the ferry each day.  We should learn more about who they are before we act. “The "
        "ferry contract should not get in the way of a proper count of these people. “The "
        "river towns are still waiting for the survey the Minister promised in 2003, and we "
        "cannot keep turning our eyes away from that.  The towns may be changing, but they "
        "still need a ferry. “This survey gives us a good chance to learn how the towns use "
        "the ferry today.” Media contact for interviews and further information about the "
        "ferry survey - Senator Jo Example - 0418 743 789"
    )
    found = quotes(parse_release_text(harvested("Ferry cuts must stop", f" {line}\n")))
    assert found[0][1].endswith("That is no way to treat a town of four thousand people.")


def test_a_surname_that_is_also_a_title():
    for attribution in ("said Dr. Ana Provost, the board's chair", "said Board chair Jo Alderman"):
        text = _item(f"“The ferries will keep running,” {attribution}.\n")
        assert quotes(parse_release_text(text))[0][0] in ("Ana Provost", "Jo Alderman")


def test_a_time_after_a_subject_that_only_ends_on_a_name():
    for subject in (
        "A letter to Governor Al Marsh last year said:",
        "The man who met Governor Al Marsh this morning said,",
    ):
        text = _item(f"{subject} “The ferries are unsafe.”\n")
        assert all(name != "Al Marsh" for name, _ in quotes(parse_release_text(text))), subject


def test_she_said_after_a_sentence_on_someone_the_words_speak_of():
    text = _item(
        "“The wharf is falling into the river,” Fenn said. Governor Al Marsh did not join the "
        "tour. She said, “The Governor should come and see the wharf for himself.”\n",
        head="WASHINGTON – Sen. Mary Fenn (R-Utah) today toured the Lowtown wharf.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Mary Fenn", "Mary Fenn"]
