"""The failures of sample AT (seed 62), held out and measured once, as small excerpts with
the same structure."""

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


def test_a_first_name_misspelt_in_the_text_and_a_role_that_stops_at_another_name():
    text = (
        '---\ntitle: "Another ferry arrives"\ndate: "2013-02-14"\ncreators:\n  - "Keenan, '
        'Michael"\n---\n\n Another ferry arrives, Shadow Minister for Rivers, Al Roe and Shadow '
        "Minister for Justice, Micahel Keenan said today.\n\n Mr Keenan said: “This latest "
        "ferry arrives amid a week of tricks to distract from the failures.”\n"
    )
    assert speakers(parse_release_text(text)) == [("Michael Keenan", "Shadow Minister for Justice")]


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
