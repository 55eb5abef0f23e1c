"""The failures of sample AQ (seed 59), a development sample drawn beside the held-out AP,
as small excerpts with the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers


def _catalogued(title_field: str, body: str) -> str:
    return (
        f'---\ntitle: {title_field}\ndate: "2002-05-14"\ncreators:\n  - "Example, Jo"\n'
        'source: "MINISTER FOR RIVERS"\n---\n\n' + body
    )


def test_a_catalogue_title_ending_in_an_escaped_line_break_still_finds_the_headline():
    text = _catalogued(
        '"Record investment in ferries, rivers and towns.\\n"',
        " Media Release\n\n RECORD INVESTMENT IN FERRIES, RIVERS AND TOWNS 14 May 2002  MIN 63/02"
        "\n\n The Government's Budget provides a record $6 billion for the river towns.\n",
    )
    assert parse_release_text(text).title.casefold() == (
        "record investment in ferries, rivers and towns"
    )


def test_a_weekday_date_and_reference_before_the_headline_are_not_part_of_it():
    text = _catalogued(
        '"Official painters to record the ferry crews."',
        " Minister for Rivers  Minister Assisting the Minister for Towns \n\n"
        " Wednesday 21 February 2007  RV023   OFFICIAL PAINTERS TO RECORD THE FERRY CREWS \n\n"
        " The River Museum has asked three painters to record the work of the ferry crews.\n",
    )
    assert parse_release_text(text).title == "OFFICIAL PAINTERS TO RECORD THE FERRY CREWS"


def test_a_stray_mark_above_the_contact_lines_makes_no_quotation():
    text = (
        "FUNDING FOR FERRY TRAINING\n\nThe Minister, Senator Jo Example, today announced a "
        "grant for ferry training.\n\n“The centre will help young people into work,” Senator "
        "Example said.\n\nLocal Member Al Roe MP said he was pleased the town would benefit.\n\n"
        "\"\n\nFurther information: Sam Poe, Minister's Office, 08 8237 7946\n\n"
        "11125 196 09:33: 15\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert not any("Further information" in p for p in release.paragraphs)


def test_when_after_a_role_is_not_part_of_it():
    text = (
        "FERRY GRANT\n\nSenator Jo Example, Minister for Rivers and Towns today announced a "
        "grant.\n\n“This will help,” Senator Example said.\n"
    )
    assert speakers(parse_release_text(text)) == [("Jo Example", "Minister for Rivers and Towns")]


def test_a_mark_glued_inside_a_sentence_closes_no_quotation():
    text = (
        "Budget - ferry services\n\nThe Minister for Rivers, the Hon Jo Example, said the "
        "budget reflected the Government's commitment.\n\nThe ferry budget will rise from $139 "
        'million to $158 million, representing"an increase of 14 per cent.\n'
    )
    assert parse_release_text(text).quotes == []


def test_a_statement_run_into_a_scanned_letterhead_line():
    # A typed statement whose scan ran letterhead, date, headline and body into one line:
    # the place before the date, the whole headline, and each quotation with its glued marks.
    text = _catalogued(
        '""cashes in" on ferries"',
        " P A R L I A M E N T  OF A U S T R A L I A \n\n"
        " PARLIAMENT HOUSE CANBERRA TEL. 721211STATEMENT BY JO EXAMPLE, MHR, SHADOW MINISTER FOR "
        'RIVERS Canberra 23 September, 1981DEPARTMENT "CASHES IN" ON FERRIESThe Government has '
        'turned the ferry service into a business."Some $57M will be raised from fares this '
        'year. This is not a widely known fact" said Mr Jo Example in reply to the Minister for '
        "Rivers.According to Mr Example the fares will rise again.Members of the river towns ask "
        "what they will gain. '\"I would like to know what the towns will gain from the new "
        'wharves" Mr Example asked.Mr Example said the service had been criticised."Four years '
        'on the ferry board has no standing whatsoever" Mr Example said"In the last 3 years '
        'some 300,000 people used the ferries and there is no timetable for them" Mr Example '
        "said.\n",
    )
    release = parse_release_text(text)
    assert release.title == 'DEPARTMENT "CASHES IN" ON FERRIES'
    assert release.dateline_city == "Canberra"
    found = quotes(release)
    assert [name for name, _ in found] == ["Jo Example"] * 4
    assert [t.split()[0] for _, t in found] == ["Some", "I", "Four", "In"]


def test_a_quotation_interrupted_by_its_attribution_after_the_event_is_one():
    text = (
        "Title: Sen. Example Hosts Ferry Roundtable\nDate: May 2, 2016\n\nContent:\n"
        "RIVERTOWN – Today, Senator Jo Example hosted a roundtable on ferries.\n"
        "“Our towns were built by the ferries,” said Senator Example after the event. “We "
        "need them to keep running.”\n"
    )
    found = quotes(parse_release_text(text))
    assert found == [
        ("Jo Example", "Our towns were built by the ferries. We need them to keep running.")
    ]


@pytest.mark.parametrize(
    "attribution", ["said a representative of Example Together", "added an employee of the Board"]
)
def test_words_of_someone_the_text_does_not_name_are_listed_not_credited(attribution):
    text = (
        "Title: Sen. Example Hosts Ferry Roundtable\nDate: May 2, 2016\n\nContent:\n"
        "RIVERTOWN – Today, Senator Jo Example hosted a roundtable on ferries.\n"
        "“Our towns were built by the ferries,” said Senator Example.\n"
        f"“The ferries are the heart of the family, and of the town,” {attribution}.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert any("The ferries are the heart" in note for note in release.unplaced)


def test_a_survivor_is_a_role_and_a_transcripts_speaker_is_no_footer():
    text = (
        "Title: Senator Example Takes Ferry Bosses to Task\nDate: January 31, 2024\n\n"
        'Content:\nWASHINGTON -\nToday, at a hearing titled "Ferries and the Safety Crisis,"\n'
        "Sen. Jo Example announced the FERRY Act.\nSen. Example pressed the Ferry CEO, Al Roe, "
        'on safety.\nSen. Example\n: "W\nhy not check every ferry every year\n?"\nAl Roe\n'
        ': "\nIt is my understanding that we check them all.\n"\nSen.  Example\n: "\n'
        'And how is that going\n?"\nOf the bill,\nSurvivor Sam Poe said\n, “\nI was on the '
        "ferry that sank, and no one was there to help us.\n”\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == [
        "Jo Example",
        "Al Roe",
        "Jo Example",
        "Sam Poe",
    ]
    assert dict(speakers(release))["Jo Example"] == "Senator"
    assert dict(speakers(release))["Sam Poe"] == "Survivor"


def test_a_bodys_words_are_listed_not_credited():
    text = (
        "Dairy bill advances\n\nWASHINGTON, D.C. - Today Congresswoman Jo Example led a bill."
        "\n\n“We thank Rep. Example for her work on behalf of our farmers and for leading this "
        "bill,”said the Northeast Example Dairy Cooperatives.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any(note.startswith("words of a body") for note in release.unplaced)


def test_a_joint_statement_after_a_colon_is_credited_to_neither():
    text = (
        "Title: NEWS: Roe and Example Joint Statement on Ferries\nDate: July 27, 2023\n\n"
        "Content:\nWASHINGTON, July 27 – Committee Chair Al Roe (D-Ore.) and Committee Chair Jo "
        "Example (I-Vt.) on Thursday issued a joint statement on ferry safety across the "
        "country:“In our country today, millions of people cannot reach a safe ferry.”\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any("joint statement of Al Roe and Jo Example" in n for n in release.unplaced)


def test_a_straight_single_mark_reopening_after_the_attribution_joins_the_statement():
    text = (
        "Minister refuses ferry licence\n\nThe Minister for Rivers, Senator Jo Example, today "
        "refused a licence.\n\n'The last Government left the case in the too hard basket,' "
        "Senator Example said. 'In fact, the court called it an ‘egregious failure’.'\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The last Government left the case in the too hard basket. In fact, the court "
            "called it an ‘egregious failure’.",
        )
    ]


@pytest.mark.parametrize(
    "heading, place",
    [("PROGRAM", ""), ("AIDAB", ""), ("CANBERRA", "Canberra"), ("HOBART", "Hobart")],
)
def test_a_word_in_capitals_above_the_contact_lines_is_a_place_only_if_used_as_one(heading, place):
    # (left over from sample AO: "PROGRAM" or "AIDAB" alone there was read as a place)
    text = (
        "Ferry aid\n\nThe Minister for Rivers, Jo Example, met the towns in Canberra and "
        "Hobart and announced a new ferry program. The aid is administered by AIDAB, the aid "
        f"bureau.\n\n“This program will help,” Mr Example said.\n\n{heading}\n\n"
        "For further information contact Sam Roe 06 276 4000\n"
    )
    assert parse_release_text(text).dateline_city == place


# A review of the rules above found these misfires on ordinary releases.

_PREAMBLE = (
    "FUNDING FOR FERRY TRAINING\n\nThe Minister for Rivers, Senator Al Poe, today announced "
    "a grant for ferry training.\n\n"
)


@pytest.mark.parametrize(
    "attribution",
    [
        "said a spokesman for the Minister, Jo Roe",
        "said one of the organisers, Jo Roe",
        "said a Senator for Victoria, Jo Roe",
        "said a mother of three from Ohio, Jo Roe",
        "said the Uniting Church Moderator Jo Roe",
        "said the Wiradjuri Elder Aunty Jo Roe",
        "said the Salvation Army Major Jo Roe",
    ],
)
def test_a_person_named_after_an_unnamed_role_or_a_bodys_words_is_the_speaker(attribution):
    text = _PREAMBLE + f"“The grant is welcome,” {attribution}.\n"
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_someone_named_after_one_of_the_organisers_is_the_speaker_of_her_words():
    text = _PREAMBLE + (
        "One of the organisers, Jo Roe, said the day was a success. “We are delighted,” she said.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


@pytest.mark.parametrize(
    "role", ["editor of USA Today", "Executive Director of Peace Now", "CEO of Fair Go Now"]
)
def test_a_capitalised_now_or_today_in_a_role_is_part_of_it(role):
    text = _PREAMBLE + f"“The grant is welcome,” said Jo Roe, {role}.\n"
    assert dict(speakers(parse_release_text(text)))["Jo Roe"] == role


def test_a_victims_groups_role_is_kept_whole():
    text = _PREAMBLE + "Ferry Victim Support Group President Sam Poe said: “It will save lives.”\n"
    assert speakers(parse_release_text(text))[-1] == (
        "Sam Poe",
        "Ferry Victim Support Group President",
    )


@pytest.mark.parametrize(
    "office", ["FEDERAL MEMBER FOR MELBOURNE", "Member for Sydney", "PO Box 123 Melbourne"]
)
def test_an_electorate_or_an_address_above_the_date_is_no_place_of_issue(office):
    text = _catalogued(
        '"Ferry funding boost"',
        f" JO ROE MP\n\n {office}\n\n 23 September 2011\n\n FERRY FUNDING BOOST\n\n The Federal "
        "Member, Jo Roe, today announced ferry funding for the towns.\n\n CANBERRA\n\n"
        " 23 September 2011\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


@pytest.mark.parametrize("head", ["STATEMENT", "ALP", "RELEASE", "DEMOCRATS"])
def test_a_word_of_the_letterhead_before_the_catalogued_headline_stays_out_of_it(head):
    text = _catalogued(
        '"Roe welcomes ferry funding"',
        f" {head} ROE WELCOMES FERRY FUNDING\n\n The Federal Member, Jo Roe, has welcomed "
        "ferry funding for the towns.\n",
    )
    assert parse_release_text(text).title == "ROE WELCOMES FERRY FUNDING"


def test_a_quotation_saying_where_to_find_more_information_is_kept():
    text = _PREAMBLE + (
        '"The centre will help young people into work," Senator Poe said.\n\n'
        '"For more information, or to apply, visit ferries.gov.au," Senator Poe said.\n'
    )
    assert len(parse_release_text(text).quotes) == 2


@pytest.mark.parametrize(
    "after",
    [
        "'Ferry Link' will begin in July and run to 2026.",
        "'Twas ever thus, the Opposition replied. The grant will be paid in July.",
    ],
)
def test_a_straight_single_mark_after_the_attribution_that_closes_no_sentence_opens_nothing(
    after,
):
    text = _PREAMBLE + f"'We will act,' Senator Poe said. {after}\n\nThe grant will be paid.\n"
    assert quotes(parse_release_text(text)) == [("Al Poe", "We will act")]


@pytest.mark.parametrize("attribution", ["she said", "the Minister said"])
def test_a_closing_mark_glued_before_the_attribution_still_closes(attribution):
    text = _PREAMBLE + f'This is the best outcome for the town"{attribution}.\n\nMore follows.\n'
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Al Poe"]


@pytest.mark.parametrize("when", ["before the accident", "during the campaign"])
def test_parts_said_on_two_occasions_stay_two(when):
    text = _PREAMBLE + f"“The ferry was safe,” Senator Poe said {when}. “Now it is gone.”\n"
    assert len(parse_release_text(text).quotes) == 2


def test_a_thousand_glued_openings_after_the_verb_are_read_once():
    text = _PREAMBLE + 'Mr Roe said"In the last year ' * 4000
    release = parse_release_text(text)  # quadratic before: seconds at this size
    assert release.title == "FUNDING FOR FERRY TRAINING"
