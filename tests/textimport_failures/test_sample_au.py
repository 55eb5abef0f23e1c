"""The failures of sample AU (seed 63), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_letter_spaced_title_and_first_name_and_a_surname_a_scan_misread():
    text = (
        '---\ntitle: "Emergency aid for the river towns"\ndate: "1987-03-11"\ncreators:\n'
        '  - "Hayden, Bill"\n---\n\n EMERGENCY AID FOR THE RIVER TOWNS\n\n'
        " The M i n i s t e r  f o r  Foreign A f f a i r s ,  Mr B i l l  Ha/den, M . P . ,  "
        "t o d a y  a n n o u n c e d  a i d .\n\n"
        ' "This forms part of a $3.8 million emergency aid package to the towns," the Minister '
        "said.\n\n"
        ' "This is a tangible expression of our concern for the people of the towns," Mr '
        "Hayden said.\n"
    )
    release = parse_release_text(text)
    assert [s.name for s in release.speakers] == ["Bill Hayden"]


def test_a_headline_the_cataloguer_misspelt_after_a_letterhead_on_its_line():
    text = harvested(
        "Two more boats as Roe must grantee practical support for the river towns",
        " Jo Example MP - Federal Member for  Stirling TWO MORE BOATS AS ROE MUST  GUARANTEE "
        "PRACTICAL SUPPORT FOR THE RIVER  TOWNS December 14, 2012\n\n Two more boats arrived "
        "today, the Federal Member for Stirling, Jo Example, said.\n",
    )
    assert parse_release_text(text).title == (
        "TWO MORE BOATS AS ROE MUST GUARANTEE PRACTICAL SUPPORT FOR THE RIVER TOWNS"
    )
    assert quotes(parse_release_text(text)) == []


# A review of the rules above, and of the fixes to AT's review, found these misfires.


def test_a_constituent_named_a_letter_from_the_issuer_is_another_person():
    text = (
        '---\ntitle: "Ferry service restored"\ndate: "2001-03-28"\ncreators:\n'
        '  - "Keenan, Michael"\n---\n\n FERRY SERVICE RESTORED\n\n The Minister for Transport, '
        "Michael Keenan, today announced the ferry service would resume.\n\n “The people of "
        "Kurri have waited long enough,” Mr Keenan said.\n\n Local ferry operator Michael Keegan "
        "welcomed the news.\n\n “We have been waiting two years for this day,” Mr Keegan said.\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [
        "Michael Keenan",
        "Michael Keegan",
    ]


def test_a_suffix_after_another_name_is_another_speaker():
    text = (
        "Title: Ferry Act\nDate: 2023\n\nContent:\nWASHINGTON – Rep. Al Roe and Rep. Jo Lee Jr. "
        "introduced the Ferry Act.\n“Ferries make the river safer,” said Rep. Al Roe. “Our bill "
        "would make it easier for families to cross.\n“It will fund the crews and keep the "
        "wharves open,” said Rep. Jo Lee Jr.\n"
    )
    found = quotes(parse_release_text(text))
    assert found[0][0] == "Al Roe"
    assert found[0][1].endswith("easier for families to cross.")


def test_the_writers_sentence_after_quotations_said_by_the_same_member():
    text = harvested(
        "Alliance a threat",
        " Jo Example - Federal Member for Indi has warned that the alliance is a disaster for "
        "the river towns.  “The people of Indi have every right to be concerned about this "
        "deal,” Mrs Example said.  “We are now looking at a choice between two coalitions.  "
        "“What we have seen today is the Greens taking control of Labor policy.  Mrs Example "
        "also pointed to the lack of regional representation in the Labor Party.  “As it "
        "currently stands, the Coalition is the only party that truly represents the river "
        "towns,” Mrs Example said.\n",
    )
    found = [t for _, t in quotes(parse_release_text(text))]
    assert not any("also pointed" in t for t in found)


def test_excerpts_of_remarks_a_member_will_deliver():
    text = (
        "Title: Lee on Ferries\nDate: October 29, 2013\n\nContent:\nWASHINGTON – Today, Senator "
        "Jo Lee (R-UT) will deliver remarks at the Ferry Foundation on the river towns.\n"
        "The following are selected excerpts from the speech:\n“The ideas that built the river "
        "towns did not come down from a mountain.”\n…\n“It’s time for another great debate, "
        "and we should welcome all input.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Lee", "Jo Lee"]


def test_a_letter_spaced_word_beginning_like_a_title_is_one_word():
    line = "T h e  M i n i s t e r  t o d a y  a n n o u n c e d  Dr o u g h t  a i d  f o r  "
    text = "DROUGHT AID\n\n" + line + "t h e  St a t e .\n"
    assert "Drought aid for the State" in " ".join(parse_release_text(text).paragraphs)


def test_the_catalogued_headline_is_not_another_line_with_a_word_changed():
    text = (
        '---\ntitle: "Exports to China increase again"\ndate: "2001-03-28"\ncreators:\n'
        '  - "Example, Jo"\n---\n\n MINISTER FOR TRADE\n\n Exports to China decrease again\n\n'
        " EXPORTS TO CHINA INCREASE AGAIN\n\n Exports rose by 5 per cent, the Minister for "
        "Trade, Jo Example, said today.\n"
    )
    assert parse_release_text(text).title == "EXPORTS TO CHINA INCREASE AGAIN"


def test_many_sentences_about_the_speaker_in_one_paragraph_read_in_time():
    text = "Ferry funding\n\n“We need ferries.  “We need wharves.  " + "x.  Mr Li said no.  " * 6000
    assert parse_release_text(text).title == "Ferry funding"  # 4.3 s before
