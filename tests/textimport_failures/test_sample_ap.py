"""The failures of sample AP (seed 58), held out and measured once, as small excerpts with
the same structure."""

import pytest

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


def test_a_harvested_line_of_quotations_most_of_the_text_after_the_front_matter_is_split():
    line = (
        "Greens Senator Jo Example will give notice today of a motion to censure the Minister "
        "for Rivers and Towns in the Senate this week.  The motion will be moved on Tuesday.  "
        '"The Minister deserves censure for her failure to deal openly with the '
        'serious failures of her department in the care of the river towns," Senator Example '
        'said.  "The latest reports about the sinking of a ferry follow a series of serious '
        'failures that show a department out of control.  "The inquiry is not a public one and '
        "lacks the powers a royal commission has, and is clearly not enough to deal with the "
        'problems of the department and its contractors.  "The Minister needs to take '
        'responsibility for the failures of her department.  "If half of what has been '
        'reported is true then the Minister should resign."  DRAFT Censure Motion:  I give '
        "notice that on the next day of sitting I shall move a motion.  The motion follows the "
        "reports of the last month about the ferries, the wharves and the crews of the river "
        "towns, and the answers the Minister has given in the Senate over the winter."
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


# A review of the rules above found these misfires on ordinary releases.

_LEAD = (
    "FERRY FUNDING ANNOUNCED\n\nThe Minister for Rivers, Senator Jo Roe, today announced $5 "
    "million for ferries.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Roe said the so-called ''ferry tax'' would not go ahead.",
        "The main replaces the old 12'' pipe laid in 1950 with a modern 24'' pipe.",
    ],
)
def test_two_single_marks_that_close_no_quotation_stay_as_they_are(sentence):
    text = _LEAD + (
        f'{sentence}\n\n"This is a great day for the river towns," Senator Roe said.\n\n'
        'The money will buy two new ferries.\n\n"We have listened to the towns," she said.\n'
    )
    assert [t for _, t in quotes(parse_release_text(text))] == [
        "This is a great day for the river towns",
        "We have listened to the towns",
    ]


@pytest.mark.parametrize(
    "after",
    [
        "FOR IMMEDIATE RELEASE",
        "THE HON JO ROE MP",
        "TO ALL MEDIA",
        "AND THE MINISTER FOR RIVERS SAID",
    ],
)
def test_what_follows_the_catalogued_headline_in_capitals_is_not_part_of_it(after):
    text = harvested(
        "Ferry safety review announced",
        f" FERRY SAFETY REVIEW ANNOUNCED {after}\n\n The Minister for Rivers, Senator Jo Roe, "
        "today announced a review of ferry safety.\n",
    )
    assert parse_release_text(text).title == "FERRY SAFETY REVIEW ANNOUNCED"


@pytest.mark.parametrize(
    "body",
    [
        ' "We must never stop fighting for the rivers."\n\n Those were the words of Al Poe, who '
        "died yesterday at the age of 91.\n\n Our thoughts are with his family.\n",
        ' "The fleet is old, poorly maintained and unsafe," the report by the Rivers Authority '
        "found.\n\n The Greens call for the fleet to be replaced.\n",
    ],
)
def test_a_statement_headline_credits_the_issuer_only_with_a_statement_of_their_own(body):
    text = (
        '---\ntitle: "Statement on the ferries"\ndate: "2001-03-28"\ncreators:\n'
        '  - "Roe, Jo"\nsource: "AUSTRALIAN GREENS"\n---\n\n Senator Jo Roe   Australian Greens\n\n'
        " STATEMENT ON THE FERRIES\n\n" + body
    )
    assert "Jo Roe" not in [name for name, _ in quotes(parse_release_text(text))]


def test_an_events_date_and_time_at_the_foot_is_kept():
    text = (
        "MEDIA ALERT: MINISTER TO OPEN RIVERTOWN WHARF\n\nThe Minister for Rivers, Senator Jo "
        'Roe, will open the new Rivertown wharf this week.\n\n"The wharf is the heart of the '
        'town," Senator Roe said.\n\nMedia are invited to attend the opening at:\n\n'
        "Rivertown Wharf, Main Street\n\nFriday 5 March 2010 11.00 am\n"
    )
    assert "Friday 5 March 2010 11.00 am" in parse_release_text(text).paragraphs


def test_a_long_paragraph_typed_with_two_spaces_keeps_a_councils_quotation_whole():
    text = (
        "FERRY REVIEW RELEASED\n\nThe Minister for Rivers, Senator Jo Roe, today released the "
        "report of the ferry safety review.\n\nSenator Roe said the Government had listened "
        "carefully to the people of the river towns during the review.  “We have heard the "
        "towns and we know what they need,” she said.  “We will act on every recommendation.”  "
        "‘The ferries are old.  They are unsafe in bad weather.  They must be replaced before "
        "someone is hurt,’ the Rivertown council wrote in its submission to the review last "
        "year.  “We agree with the council and we will replace them,” Senator Roe said.  The "
        "first ferry will arrive in July and the second in December of next year.\n\n"
        "The review is available online.\n"
    )
    release = parse_release_text(text)
    assert all(name == "Jo Roe" for name, _ in quotes(release))
    assert not any(t.startswith("The ferries are old") for _, t in quotes(release))


@pytest.mark.parametrize(
    "named", ["“Ana Smith’s courage in the water saved three lives.", "“Kevin Smith’s family"]
)
def test_a_name_inside_a_speakers_own_quotation_does_not_complete_the_speakers_name(named):
    text = (
        "Title: Smith Statement on Ferry Sinking\nDate: May 2, 2024\n\nContent:\nWASHINGTON – "
        "Congressman Smith today issued the following statement on the ferry sinking:\n"
        f"{named} I will be introducing a resolution to honor them,” said Smith.\n"
    )
    assert speakers(parse_release_text(text)) == [("Smith", "Congressman")]


def test_an_honorific_glued_to_initials_is_no_scanned_initial():
    text = harvested(
        "Ferry safety review announced",
        ' FERRY SAFETY REVIEW ANNOUNCED\n\n "Every passenger deserves a safe crossing," the '
        "Minister for Rivers, MrJ.R. Example, said today.\n",
    )
    assert "M.J.R. Example" not in [name for name, _ in quotes(parse_release_text(text))]


def test_a_hyphenated_surname_in_a_letterhead_in_capitals_keeps_its_second_capital():
    text = (
        '---\ntitle: "Greens call for ferry inquiry"\ndate: "2001-03-28"\ncreators:\n'
        '  - "Example-Roe, Jo"\nsource: "AUSTRALIAN GREENS"\n---\n\n SENATOR JO EXAMPLE‐ROE\n'
        " AUSTRALIAN GREENS SENATOR FOR SOUTH AUSTRALIA\n\n GREENS CALL FOR FERRY INQUIRY\n\n"
        " The Greens today called for an inquiry into the Rivertown sinking.\n\n"
        ' "The families deserve answers," Senator Example‐Roe said.\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example-Roe"]


def test_a_spokesmans_words_after_a_lower_case_title_are_not_the_ministers():
    text = (
        "FERRY FARES\n\nThe Minister for Rivers, Jo Roe, today announced that ferry fares would "
        'be frozen.\n\n"Families are doing it tough," Ms Roe said.\n\nThe Opposition criticised '
        'the freeze. "It is a stunt," senator Poe\'s spokesman said.\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]
