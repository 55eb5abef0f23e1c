"""The failures of sample AX (seed 66), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_letter_the_member_joined_colleagues_in_sending_is_no_one_persons():
    text = (
        "Title: Sens. Call for Safer Ferries\nDate: May 30, 2017\n\nContent:\n"
        "WASHINGTON – Sen. Jo Example (R-UT) joined with 18 colleagues in sending a letter to "
        "Subcommittee Chairman Al Roe (R-SC) requesting language to fund safer ferries.\n"
        "“Your long standing commitment to the river towns has been greatly appreciated, and "
        "we urge you to include language funding safer ferries,” the letter reads.\n"
        "The letter was signed by Senators Jo Example (R-UT), Ann Other (R-LA) and Bo Third "
        "(R-KY).\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert any("letter several people sent" in note for note in release.unplaced)


def test_an_interruption_naming_a_long_role_with_a_dash():
    text = (
        "Title: NEWS: Example Introduces Ferry Bill\nDate: March 13, 2024\n\nContent:\n"
        "WASHINGTON, March 13 – Sen. Jo Example introduced the Ferry Act.“We applaud Senator "
        "Example’s bold initiative that will create a better life for the towns,”said Al Roe, "
        "Executive Director of FerryFour – the national campaign for the 4-day week.“100 "
        "years ago, critics of the ferry predicted doom. Now is the time to act.”Read the "
        "bill,here.\n"
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Al Roe"]
    assert found[0][1].endswith("Now is the time to act.")


def test_footnotes_a_page_printed_inside_a_quotation_running_over_them():
    text = harvested(
        "Smugglers call the shots",
        " SMUGGLERS CALL THE SHOTS\n\n More than 150 people arrived on three boats, the Member "
        "for Rivers, Jo Example, said.\n\n"
        ' "The smugglers have always had the Government at the end of a string.\n\n'
        ' "Guidelines on the Treatment of Persons Rescued at Sea1 published by the '
        "Organisation state - ‘the government responsible is responsible for a place of "
        "safety’.2\n\n"
        ' "Since the bungling of the crisis in 2009, the opportunity to engage has been '
        "damaged.\n\n"
        " 1 Resolution MSC.167(78) (adopted in May 2004 by the Committee).\n\n"
        " 2 Amending SOLAS Regulation 33.\n\n"
        " Source: http://www.example.org/rescueatsea.pdf\n\n"
        ' "After the last tragedy we called for urgent talks. More blowouts are on the way," '
        "Mr Example said.\n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example"]
    assert found[0][1].startswith("The smugglers have always")
    assert found[0][1].endswith("More blowouts are on the way")
    assert "Resolution MSC" not in found[0][1]


def test_a_closing_mark_after_a_space_glued_to_the_pronoun():
    text = harvested(
        "Grants for ferry services",
        " GRANTS FOR FERRY SERVICES\n\n The Minister for Rivers, Jo Example, today announced "
        'grants for ferry services.\n\n "The grants are keenly competed for by the towns, "he '
        'said.\n\n "They are seen to have particular value in helping the towns."\n',
    )
    found = quotes(parse_release_text(text))
    assert [(name, t) for name, t in found] == [
        ("Jo Example", "The grants are keenly competed for by the towns"),
        ("Jo Example", "They are seen to have particular value in helping the towns."),
    ]


def test_words_quoted_in_the_sentence_that_says_whom_she_told():
    text = harvested(
        "Government hypocritical on ferry deaths",
        " GOVERNMENT HYPOCRITICAL ON FERRY DEATHS\n\n The Member for Rivers, Jo Example, said "
        "today the Prime Minister had changed her tune.\n\n Last October 18, Ms Ann Other told "
        "the Sunday program that I had made “one of the most irresponsible and dangerous "
        "statements I think I’ve ever heard in politics” and I should apologise.\n\n"
        " Ms Ann Other, the Prime Minister, has not apologised.\n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Ann Other"]
    assert found[0][1].startswith("one of the most irresponsible")


# A review of the rules above found these misfires, each fixed before sample AY was measured.

_FEED = "Title: Ferry Waits\nDate: March 5, 2024\nContent:\nWASHINGTON – "
_HARVEST = (
    '---\ntitle: "Roe, Jo - Ferry waits"\ndate: 2024-03-05\ncreators:\n- "Roe, Jo"\n---\n'
    "MEDIA RELEASE\n\nJO ROE MP\nMinister for Rivers\n\nFerry waits\n\n"
)


def test_a_letter_the_member_sent_alone_beside_one_she_once_joined():
    for lead in (
        "Rep. Jo Roe (R-Ohio), who last year joined 25 colleagues in sending a letter on the "
        "same issue, today sent a letter to Secretary Al Other demanding answers.",
        "Rep. Jo Roe (R-Ohio), who joined the committee in January, led the effort in writing "
        "a letter to Secretary Al Other.",
    ):
        text = (
            f"{_FEED}{lead}\n\n“Travellers should not wait months for a ferry,” the letter reads.\n"
        )
        assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"], lead


def test_a_writers_clause_between_two_quotations_keeps_them_two():
    for body in (
        "“This is a great day for the river,” said Ms Roe, whose predecessor had said the "
        "ferry would never be funded by any government. “He was wrong.”",
        "“People have told me how slow this ferry is,” Ms Roe said, quoting a letter from a "
        "passenger whose husband waited nine hours for help: “Nobody came until the next "
        "morning.”",
    ):
        assert len(quotes(parse_release_text(_HARVEST + body + "\n"))) == 2, body


def test_a_source_line_or_a_numbered_list_after_a_quotation_that_lost_its_closing_mark():
    for body in (
        'Rep. Jo Roe (R-Ohio) said: "Fares have risen 20 percent since January 2021 and '
        "families are feeling it.\n\nSource: https://www.example.gov/fares/.\n\n"
        '"We cannot afford another fare rise," said Rep. Sam Lee (R-Ind.).',
        "Ms Roe said: “This budget grows the river economy by 2.1 per cent and creates 1.2 "
        "million jobs. The key measures are:\n\n1 Tax relief for every ferry worker.\n\n"
        "2 Investment in wharves.\n\n“This is a budget for the towns,” said Rep. Sam Lee.",
    ):
        text = (_FEED if body.startswith("Rep.") else _HARVEST) + body + "\n"
        names = [name for name, _ in quotes(parse_release_text(text))]
        assert names == ["Jo Roe", "Sam Lee"], body


def test_an_inner_quotation_in_straight_marks_opening_with_she_said():
    body = (
        '“When I asked the Secretary about the backlog, "she said the department was working '
        'on it." That was a year ago, and nothing has changed,” said Rep. Jo Roe (R-Ohio).'
    )
    found = quotes(parse_release_text(_FEED + body + "\n"))
    assert [name for name, _ in found] == ["Jo Roe"]
    assert found[0][1].endswith("nothing has changed")


def test_words_someone_else_said_quoted_in_the_sentence_that_says_whom_she_told():
    for body in (
        "Ms Roe told reporters that she had been called “a danger to the community” by the "
        "Opposition Leader, Mr Sam Lee.",
        "The Auditor-General released a report on the ferry on Monday.\n\nMs Roe told "
        "Parliament that it had found “no evidence of wrongdoing by any official”.",
        "Ms Roe told the audience that she had read “The Wealth of Nations and the Decline of "
        "Empires” twice.",
    ):
        assert quotes(parse_release_text(_HARVEST + body + "\n")) == [], body
