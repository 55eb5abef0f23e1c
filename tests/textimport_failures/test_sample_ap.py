"""The failures of sample AP (seed 58), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_typists_title_in_lower_case_still_interrupts_one_statement():
    text = (
        "GUIDELINES FOR FERRIES\n\nGuidelines will be developed, the Minister for Rivers, "
        "Senator Jo Example, said today.\n\n"
        '"The Government has a long standing commitment to the towns, and is aware of their '
        'needs," senator Example said. "Australia was one of the first countries to run '
        'ferries.\n\n"I am keen to improve the service.\n\n"The guidelines will help the towns '
        'with their special needs."\n\nThe guidelines will cover safety.\n'
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example"]
    assert found[0][1].endswith("with their special needs.")


def test_a_full_name_given_only_inside_a_quotation_completes_the_surname():
    text = (
        "Fisherman is first to spot the boat\n\n“Jo Roe’s claim that the Government finds "
        "every boat before it lands is plainly false,” said Al Poe, Shadow Minister.\n\n"
        "Senator Roe has said: “Our watch on the coast is as good as you can get.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Al Poe", "Jo Roe"]


def test_a_harvested_line_of_quotations_a_third_of_the_text_is_read_a_sentence_at_a_time():
    line = (
        "Greens Senator Jo Example will give notice today of a motion to censure the Minister "
        'for Rivers.  "The Minister deserves censure for her failure to deal openly with the '
        'serious failures of her department in the care of the river towns," Senator Example '
        'said.  "The latest reports about the sinking of a ferry follow a series of serious '
        'failures that show a department out of control.  "The inquiry is not a public one and '
        "lacks the powers a royal commission has, and is clearly not enough to deal with the "
        'problems of the department and its contractors.  "The Minister needs to take '
        'responsibility for the failures of her department.  "If half of what has been '
        'reported is true then the Minister should resign."  DRAFT Censure Motion:  I give '
        "notice that on the next day of sitting I shall move a motion.  The motion follows."
    )
    text = harvested(
        "Greens move to censure Rivers Minister",
        f" Greens move to censure Rivers Minister\n\n {line}\n\n Senate censure the Minister "
        "for Rivers for (a) her failure; (i) to hold a full inquiry into the failures of her "
        "department to fulfil its duty of care to the towns; (ii) to answer for the ferries "
        "that sank; (iii) to take her responsibilities seriously.\n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example", "Jo Example"]
    assert found[0][1].endswith("in the care of the river towns")
    assert found[1][1].startswith("The latest reports")
    assert found[1][1].endswith("the Minister should resign.")


def test_initials_a_scan_read_with_a_letter_for_a_stop_are_initials():
    text = harvested(
        "Opposition leader's statement confused",
        " From the Minister for Rivers, the Hon. J.M.R. Example, M.P.\n\n 11 September 1979 "
        "133/79\n\n OPPOSITION LEADER'S STATEMENT CONFUSED\n\n \"The ignorance of the "
        "Opposition on river matters is revealed in the confused statement issued by Mr Roe,"
        '" the Minister for Rivers, the Hon. JiM.R. Example, said today.\n\n Mr Roe said that '
        "last year only 44 ferries ran.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_statement_under_one_issuers_letterhead_with_no_attribution_is_theirs():
    text = (
        '---\ntitle: "Statement on ferry-crossings"\ndate: "2010-07-07"\ncreators:\n'
        '  - "Example-Roe, Jo"\nsource: "AUSTRALIAN GREENS"\n---\n\n'
        " Senator Jo Example‐Roe   Australian Greens \n\n"
        " STATEMENT ON FERRY‐CROSSINGS AND RIVERTOWN WHARF  \n\n"
        " 22nd September 2010 5:51 pm \n\n"
        ' "Reports of the sinking of a ferry at Rivertown are very distressing – we send our '
        "sympathies to the families. \n\n"
        ' "The system of old ferries is damaging to the towns. \n\n'
        ' "I appeal to the Minister to visit the wharf to see the reality facing the '
        "crossings.'' \n"
    )
    release = parse_release_text(text)
    assert release.title == "STATEMENT ON FERRY‐CROSSINGS AND RIVERTOWN WHARF"
    assert not any("5:51" in p for p in release.paragraphs)
    found = quotes(release)
    assert [name for name, _ in found] == ["Jo Example-Roe"]
    assert found[0][1].endswith("the reality facing the crossings.")
    assert speakers(release)[0][0] == "Jo Example-Roe"


def test_an_abbreviated_weekday_and_an_ordinal_date_before_the_headline_stay_out_of_it():
    text = harvested(
        "Inquiry needed into ferry sinking surge",
        " Tue, 28th April 2009 INQUIRY NEEDED INTO FERRY SINKING SURGE\n\n The Government "
        "must hold an inquiry into the surge in ferry sinkings, the Opposition said today.\n",
    )
    assert parse_release_text(text).title == "INQUIRY NEEDED INTO FERRY SINKING SURGE"
