"""The failures of sample AT (seed 62), held out and measured once, as small excerpts with
the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_excerpts_announced_under_a_lead_about_a_speech_are_the_speakers():
    text = (
        "Title: Excerpts from Lee’s Speech on Ferries\nDate: October 29, 2013\n\nContent:\n"
        "WASHINGTON – Today, Senator Jo Lee (R-UT) will give a speech at the Ferry Foundation "
        "on the way forward for the river towns.\nThe following are selected excerpts from the "
        "speech:\n“The ideas that built the river towns did not come down from a mountain.”\n"
        "…\n“It’s time for another great debate, and we should welcome all input.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Lee", "Jo Lee"]


def test_an_attribution_whose_full_stop_a_scrape_set_on_a_line_of_its_own():
    text = (
        "Title: Sen. Lee Introduces Bill to Protect Ferry Passengers\nDate: 2023\n\nContent:\n"
        "WASHINGTON – Today, Sen. Jo Lee introduced a bill.\n“Loopholes in our ferry system put "
        "passengers at risk – endangering the safety of families,”\nsaid Sen. Lee\n.\n"
        "“This bill would help stop these dangerous loopholes.”\n"
        "“Over the last two years, we’ve seen a historic number of sinkings,”\nsaid Sen. Roe\n.\n"
    )
    found = quotes(parse_release_text(text))
    assert found[0] == (
        "Jo Lee",
        "Loopholes in our ferry system put passengers at risk – endangering the safety of "
        "families. This bill would help stop these dangerous loopholes.",
    )


def test_a_second_part_whose_closing_mark_was_lost_does_not_take_anothers_paragraph():
    text = (
        "Title: Sens. Lee and Roe Introduce the Ferry Act\nDate: 2023\n\nContent:\n"
        "WASHINGTON – Today, Sens. Jo Lee and Al Roe introduced the Ferry Act.\n"
        "“Ferries make the river safer for millions of families every year,” Sen. Lee said. "
        "“Our bill would make it easier for families to cross safely.\n"
        "“By properly funding the ferries, our bill would help the river towns,” Sen. Roe "
        "said.\n"
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Lee", "Al Roe"]
    assert found[0][1].endswith("easier for families to cross safely.")


def test_a_scans_stop_before_the_mark_opening_a_quotation():
    text = harvested(
        "Minister's visit to Darwin",
        ' "The ferry budget will increase by $19.5 million this year," Mr Example said.\n\n'
        ' ."These extra funds will be directed to an increase of 60 grants to the towns."\n\n'
        " Mr Example will visit Darwin next week.\n",
    )
    found = quotes(parse_release_text(text))
    assert [t.split()[0] for _, t in found] == ["The", "These"]


def test_a_first_name_misspelt_in_the_text_takes_the_catalogues_spelling():
    text = (
        '---\ntitle: "Another ferry arrives"\ndate: "2013-02-14"\ncreators:\n  - "Keenan, '
        'Michael"\n---\n\n Another ferry arrives, Shadow Minister for Rivers, Al Roe and Shadow '
        "Minister for Justice, Micahel Keenan said today.\n\n Mr Keenan said: “This latest "
        "ferry arrives amid a week of tricks to distract from the failures.”\n"
    )
    assert [name for name, _ in speakers(parse_release_text(text))] == ["Michael Keenan"]


def test_the_writers_sentence_ends_a_quotation_in_a_release_run_together():
    text = harvested(
        "Labor-Greens alliance a threat to the river towns",
        " Jo Example - Federal Member for Indi has warned that the alliance is a disaster for "
        "the river towns.  “The people of Indi have every right to be concerned about this "
        "deal,” said Mrs Example.  “We are now looking at a choice between two coalitions.  "
        "“What we have seen today is the Greens taking control of Labor policy.  Mrs Example "
        "also pointed to the lack of regional representation in the Labor Party.  “As it "
        "currently stands, the Coalition is the only party that truly represents the river "
        "towns,” Mrs Example concluded.\n",
    )
    found = [t for _, t in quotes(parse_release_text(text))]
    assert not any("also pointed" in t for t in found)
    assert found[-1].startswith("As it currently stands")


def test_the_minister_in_a_release_the_one_minister_issued_is_the_issuer():
    text = (
        '---\ntitle: "Minister to visit Indonesia."\ndate: "2008-01-15"\ncreators:\n'
        '  - "Example, Jo"\nsource: "MINISTER FOR RIVERS"\n---\n\n Senator Jo Example will visit '
        "Jakarta.\n\n"
        " “Indonesia is a key partner for the river towns,” Senator Example said.\n\n"
        " Senator Example will also meet the Indonesian Minister for Foreign Affairs, Dr Al "
        "Wirajuda, and regional representatives.\n\n"
        " 'The ferry agency is a major partner in many of our programs,' the minister said.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"] * 2


# A review of the rules above found these misfires on ordinary releases.

_INDI = (
    " Jo Example - Federal Member for Indi has warned that the alliance is a disaster for the "
    "river towns.  “The people of Indi have every right to be concerned about this deal,” "
    "said Mrs Example.  “We are now looking at a choice between two coalitions.  "
)


@pytest.mark.parametrize(
    "middle",
    [
        "“We were promised a fair go.  Mr Albanese has broken that promise to the river towns.  ",
        "“I wrote to the Prime Minister last month. Mr Rudd replied that the wharf would have "
        "to wait. That is not good enough.  ",
    ],
)
def test_a_sentence_naming_someone_else_inside_her_own_words_does_not_end_them(middle):
    text = harvested(
        "Alliance a threat",
        _INDI + middle + "“As it currently stands, the Coalition is the only party that truly "
        "represents the river towns,” Mrs Example concluded.\n",
    )
    assert {name for name, _ in quotes(parse_release_text(text))} == {"Jo Example"}


@pytest.mark.parametrize(
    "lead, line",
    [
        (
            "WASHINGTON – Secretary Al Roe will speak at the Ferry Summit on Thursday.",
            "",
        ),
        (
            "WASHINGTON – Sen. Jo Lee will deliver a speech on the Senate floor today.",
            "Here is the statement from the Ferry Workers Union endorsing the bill:\n",
        ),
        (
            "WASHINGTON – Today, Sen. Jo Lee introduced a resolution honoring the ferry workers.",
            "The following is the text of the resolution:\n",
        ),
    ],
)
def test_words_below_a_lead_are_not_its_subjects_unless_they_are_excerpts_of_a_speech(lead, line):
    text = (
        "Title: Ferry Summit\nDate: May 2, 2023\n\nContent:\n"
        f"{lead}\n{line}“The ferry workers of Utah have served the river towns for a century.”\n"
    )
    assert quotes(parse_release_text(text)) == []


def test_a_first_name_of_the_same_letters_is_another_person():
    text = (
        '---\ntitle: "Nurse honoured"\ndate: "2013-02-14"\ncreators:\n  - "Smith, Diana"\n---'
        "\n\n Federal Member for Example, Diana Smith, today congratulated local nurse Nadia "
        "Smith on her Order of Australia.\n\n “Nadia has given forty years to the hospital,” Mrs "
        "Smith said.\n\n Nadia Smith said: “I am humbled by this honour and thank my "
        "colleagues.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Diana Smith", "Nadia Smith"]


def test_an_office_of_several_portfolios_keeps_its_capitalised_ones():
    text = (
        "Drought support\n\n“Farmers deserve support,” said Minister for Agriculture, Water "
        "Resources and Deputy Leader of the Nationals Jo Roe.\n"
    )
    assert speakers(parse_release_text(text)) == [
        ("Jo Roe", "Minister for Agriculture, Water Resources and Deputy Leader of the Nationals")
    ]


@pytest.mark.parametrize(
    "wrapped",
    [
        ' "We will not make the same mistake," Mrs Example said. "The north deserves better\n'
        ' ."Mrs Example said the Government would keep its promises to the river towns.\n',
        ' The Minister, Jo Example, said the previous government had "failed the north"\n'
        ' . "We will not make the same mistake," Mrs Example said.\n',
    ],
)
def test_a_stop_or_a_closing_mark_wrapped_onto_the_next_line_is_kept(wrapped):
    text = harvested("Ferry promise", " FERRY PROMISE\n\n" + wrapped)
    release = parse_release_text(text)
    assert not any("keep its promises" in t and "mistake" in t for _, t in quotes(release))
    assert release.title == "FERRY PROMISE"


def test_a_suffix_after_the_same_name_is_the_same_speaker():
    text = (
        "Title: Ferry Act\nDate: 2023\n\nContent:\nWASHINGTON – Rep. Jo Lee Jr. introduced the "
        "Ferry Act.\n“Ferries make the river safer,” Rep. Lee said. “Our bill would make it "
        "easier for families to cross.\n“It will fund the crews,” said Rep. Jo Lee Jr.\n"
    )
    assert not any("not closed" in note for note in parse_release_text(text).unplaced)
