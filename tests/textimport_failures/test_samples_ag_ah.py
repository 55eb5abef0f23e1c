"""Failures of sample AG (US Congress items and Australian releases, seed 50), held out and
measured once, and of the development sample AH drawn with it, as small excerpts with the
same structure."""

import pytest

from articles.textimport import body_paragraphs, parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_quotations_under_topic_headings_carry_on_the_one_speakers_statement():
    text = harvested(
        "Ferry budget: no vision for the valley",
        " MEDIA RELEASE   RIVER PARTY   SENATOR JO EXAMPLE\n\n"
        " No vision for the valley in the ferry budget\n\n"
        " River Party spokesperson on ferries Senator Jo Example said that the budget fails "
        "the river towns.\n\n"
        " “The Treasurer says this budget gives every town a fair go. It does not.\n\n"
        " Ferry upgrades aimed at cutting crossings\n\n"
        " “The investment in new engines is long overdue, but it is about cutting crossings, "
        "not running them.\n\n"
        " Pensions\n\n"
        " “Boatmen will be relieved that their pensions were kept, but more must be done.\n\n"
        " Ann Roe  Media Adviser  Office of Jo Example | River Party Senator for the Valley  "
        "1 River St, Valley 6003 |P: 08 9228 3277  ann.roe@example.gov.au |M: 0418 401 180\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"] * 3
    assert speakers(release) == [("Jo Example", "Senator")]


def test_a_label_printed_before_the_catalogued_headline_is_no_part_of_it():
    text = harvested(
        "Government hits new lows on ferry fares",
        " Media Release: Government hits new lows on ferry fares \n\n October 30, 2016 \n\n"
        " The Government has sunk to a new low in its latest attempt to raise ferry fares, \n\n"
        " River Party ferries spokesperson Jo Example says. \n",
    )
    assert parse_release_text(text).title == "Government hits new lows on ferry fares"


def test_a_glued_attribution_between_the_parts_of_one_statement_joins_them():
    text = (
        "Title: Example Condemns Ferry Cuts\nDate: 2023\n\nContent:\n"
        "“This is not a partisan issue but a question of keeping the valley's ferries running "
        "for every town,”said Congresswoman Jo Example.“We will not stop until the crossings "
        "are safe.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "This is not a partisan issue but a question of keeping the valley's ferries running "
            "for every town. We will not stop until the crossings are safe.",
        )
    ]


def test_a_participle_opening_the_sentence_is_no_speaker():
    text = harvested(
        "Ferries a living reality",
        " FERRIES A LIVING REALITY\n\n The Ferry Council's chairman, Professor J. Example, "
        "visited the river towns today.\n\n Speaking from Darwin, Professor Example said:\n\n"
        " “Ferries are a living reality in the towns of the valley.”\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


# --------------------------------------------------------------------------
# Sample AI (seed 51), held out and measured once
# --------------------------------------------------------------------------


def test_a_day_between_the_issuer_and_issued_the_following_statement_colon():
    text = (
        "Title: NEWS: Example Statement on Ferry Fares\nDate: January 11, 2022\n\nContent:\n"
        "WASHINGTON, Jan 11 – Sen. Jo Example (I-Vt.) Tuesday issued the following statement "
        "after the agency proposed a rule that would raise ferry fares for the river towns:\n\n"
        "“The agency's outrageous new fare is the poster child for how broken our ferry "
        "system has become.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The agency's outrageous new fare is the poster child for how broken our ferry "
            "system has become.",
        )
    ]


def test_a_headline_comment_from_a_person_credits_the_quotations_below_the_lead():
    text = harvested(
        "Comment from River Party deputy leader Jo Example",
        " Comment from River Party Deputy Leader Jo Example \n\n"
        " Jo Example will move an amendment to the ferry bill this afternoon. \n\n"
        " The amendment will cap ferry fares for one year. \n\n"
        " “Under the old plan, fares rose every year for a decade, in some towns by half.” \n\n"
        " “The amendment will ensure that no town pays more next year than it does now.” \n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"] * 2


def test_a_statement_broken_over_lines_around_its_attribution_line_is_one_quotation():
    text = (
        "Title: Sen. Example Introduces Ferry Act\nDate: 2024\n\nContent:\n"
        "WASHINGTON – Sen. Jo Example introduced the Ferry Act.\n"
        "“The current process for buying a ferry ticket hurts every town on the river,”\n"
        "said Sen. Example.\n"
        "“The Ferry Act would end it.”\n"
        "“Streamlining the fares is long overdue for the valley,”\n"
        "said Sen. Roe.\n"
        "“I am proud to cosponsor it.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The current process for buying a ferry ticket hurts every town on the river. The "
            "Ferry Act would end it.",
        ),
        (
            "Roe",
            "Streamlining the fares is long overdue for the valley. I am proud to cosponsor it.",
        ),
    ]


def test_a_quotation_below_a_blank_line_after_the_attribution_stays_apart():
    text = (
        "Ferry fares\n\nThe Minister announced new fares today.\n\n"
        "“The fares will fall by a third for every town on the river,” the Minister, Jo "
        "Example, said.\n\n“We will review them again next year.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jo Example", "The fares will fall by a third for every town on the river"),
        ("Jo Example", "We will review them again next year."),
    ]


def test_a_ministers_campaign_launch_in_a_scan_with_blank_lines_everywhere():
    text = harvested(
        "New campaign to stop unsafe ferries",
        "  NEW CAMPAIGN TO STOP UNSAFE FERRIES\n\n"
        "  A new campaign aimed at stopping unsafe ferries was launched in Sydney today by \n"
        "the Minister for Rivers, Jo Example.\n\n  \n\n"
        " “The campaign will see a range of publicity material \ndistributed throughout the "
        "river towns,” said the Minister, and warn people of \nthe risks of unsafe boats.\n\n"
        "  \n\n"
        " “On the domestic front,’ said the Minister, “I \nam calling on all boatmen to keep "
        "their ferries safe.”\n\n  \n\n"
        " “In the last week alone,” said the Minister, “we \n"
        "have seen an extra 168 boats fail their checks.\n\n  \n\n"
        " Mr Example said the campaign was yet another opportunity for the Government \n"
        "to remind people of the tough new penalties.\n",
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The campaign will see a range of publicity material distributed throughout the "
            "river towns",
        ),
        (
            "Jo Example",
            "On the domestic front, I am calling on all boatmen to keep their ferries safe.",
        ),
        (
            "Jo Example",
            "In the last week alone, we have seen an extra 168 boats fail their checks.",
        ),
    ]


def test_paragraphs_run_into_one_line_three_spaces_apart_are_paragraphs():
    text = harvested(
        "Ferries in a sea of confusion",
        " Ferries in a sea of confusion    29 October 2009    Senator Jo Example has today "
        "called on the Minister to admit he has lost control of the ferry timetable.    "
        '"Based on what the Minister has said over the last few days, the ongoing debacle with '
        'the night ferry beggars belief" Senator Example said.    "There are 78 passengers '
        "stranded on the night ferry, stranded in a sea of confusion created by the Minister, "
        "because of his failure to see the consequences of his own decisions about the "
        "timetable, the crews and the boats that the river towns depend on every day.   "
        ' "It is not enough for a Minister to have tough words. He has to act."    Enquiries '
        "to Jo Example on 02 6277 3387 \n",
    )
    release = parse_release_text(text)
    # the second quotation, left open, goes on in the next paragraph that opens with a mark
    assert [(q[1][:20], q[1][-20:]) for q in quotes(release)] == [
        ("Based on what the Mi", "night ferry beggars belief"[-20:]),
        ("There are 78 passeng", "ords. He has to act."),
    ]
    assert release.paragraphs[0].startswith("Senator Jo Example has today called")


def test_a_letter_one_senator_sent_is_hers_and_one_several_sent_is_no_ones():
    one = (
        "Title: Sen. Example Seeks Agency Comment on Ferry Licence\nDate: 2020\n\nContent:\n"
        "WASHINGTON – Sen. Jo Example (R-UT) sent a letter to the agency Thursday about the "
        "ferry licence.\n"
        "“There is no doubt that the valley needs its ferries. We look forward to hearing "
        "back from you,” the letter reads.\n"
    )
    assert [q[0] for q in quotes(parse_release_text(one))] == ["Jo Example"]
    several = one.replace("Sen. Jo Example (R-UT) sent", "Sen. Jo Example and Sen. Al Roe sent")
    release = parse_release_text(several)
    assert release.quotes == []
    assert any("There is no doubt" in note for note in release.unplaced)


def test_a_letterhead_garbled_by_the_scan_is_no_lead_above_the_catalogued_headline():
    text = harvested(
        "Australia makes first contribution to ferry program",
        " M iiMINISTER FOR fofore ig n affairs.V ... \u0380\u03a7 ./· viibiviit mi mi i\n\n"
        " g A N A N D T R A D E l& l NEWS RELEASE\n\n No- M 42 Date 7 March 1989\n\n"
        " Australia makes first contribution to ferry program\n\n"
        " Australia would provide $3.2 million to the river towns' ferries, the Minister, "
        "Senator Jo Example, announced today.\n",
    )
    release = parse_release_text(text)
    assert release.title == "Australia makes first contribution to ferry program"
    assert release.lead.startswith("Australia would provide $3.2 million")


def test_a_place_alone_below_the_departments_line_is_the_place_of_issue():
    text = harvested(
        "Ferry Council: final communique",
        " DEPARTMENT OF RIVER AFFAIRS\n\n CANBERRA\n\n FOR THE PRESS 3rd April, 1968.\n\n"
        " PR 55\n\n FERRY COUNCIL: FINAL COMMUNIQUE\n\n"
        " Following is the text of the final communique of the Ferry Council.\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_printed_web_pages_header_footer_and_menu_in_a_quotation_over_the_page():
    text = harvested(
        "Lantern parade a tribute to the river towns",
        " Senator Jo Example said it was a real pleasure to attend the parade.\n\n"
        " “I am pleased that this event was so well received by the towns.\n\n"
        " “The parade is a wonderful celebration of the valley’s diversity.\n\n"
        " Media Releases\n\n Search\n\n"
        " HOME MEDIA RELEASES SPEECHES TRANSCRIPTS BIOGRAPHY CONTACT\n\n Listen\n\n"
        " Page 1 of 2 Lantern parade a tribute to the river towns | Senator the Hon ...\n\n"
        " 8/07/2014 http://joexample.example.gov.au/media-releases/53\n\n"
        " “The river towns have always welcomed new citizens.”\n\n"
        " © Commonwealth of Australia 2014 Accessibility Privacy statement\n\n"
        " Page 2 of 2 Lantern parade a tribute to the river towns | Senator the Hon ...\n\n"
        " 8/07/2014 http://joexample.example.gov.au/media-releases/53\n",
    )
    release = parse_release_text(text)
    [quote] = release.quotes
    assert quote.text.startswith("I am pleased")
    assert quote.text.endswith("The river towns have always welcomed new citizens.")
    assert "Listen" not in release.paragraphs and "Media Releases" not in release.paragraphs


def test_a_surname_given_after_a_title_elsewhere_quoted_as_saying_on_a_date():
    text = harvested(
        "Government must wear blame for the ferry tragedy",
        " Mr Roe had openly criticised the idea of temporary ferries only weeks before. On "
        '6/4/99 Roe was quoted on AAP as saying "temporary ferries have never been successful '
        'in terms of moving people across the river."\n',
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Roe",
            "temporary ferries have never been successful in terms of moving people across the "
            "river.",
        )
    ]


def test_a_persons_response_was_to_colon_credits_the_quotation():
    text = harvested(
        "Government has no plan for ferry refugees",
        " On today’s AM program, Senator Roe’s limp response was to put off action: “The "
        "major impacts of the river’s rise will take many decades to unfold.”\n",
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Roe"]


def test_the_headline_printed_before_the_catalogues_colon_above_its_subheading():
    text = (
        '---\ntitle: "Valley towns should be granted ferry passes: repression continues as '
        'the agency denies the towns\' claims."\ndate: "1998-06-03"\ncreators:\n'
        '  - "Example, Jo"\n---\n\n  Media Release\n\n  Jo Example\n\n'
        "  River Party Senator for the Valley\n\n  Wednesday, 03 June, 1998\n\n"
        "  Valley Towns Should be \nGranted Ferry Passes\n\n"
        "  Repression Continues \nas the agency denies the towns' cla  ims\n\n"
        "  River Party Senator Jo Example says the agency has now made it clear that the "
        "towns are owed passes.\n"
    )
    assert parse_release_text(text).title == "Valley Towns Should be Granted Ferry Passes"


def test_the_catalogue_titles_part_after_its_colon_run_on_after_the_letterhead():
    text = (
        '---\ntitle: "Budget 2011: 2011-12 International ferry assistance budget"\n'
        'date: "2011-05-10"\ncreators:\n  - "Example, Jo"\n---\n\n'
        " The Hon Jo Example MP   Minister for Rivers 2011-12 International Ferry Assistance "
        "Budget Media release\n 10 May 2011\n"
        " The Government will deliver on its promise to fund the river ferries.\n"
    )
    assert parse_release_text(text).title == "2011-12 International Ferry Assistance Budget"


def test_a_release_run_on_after_its_date_and_label_and_quotations_a_line_each():
    body = (
        "All river children should be moved immediately from adult ferries :  River Party     "
        "The River Party has today called on the government to move all young passengers from "
        "adult ferries until the review of the timetable is completed or their ages are known "
        "to the crews, as the towns have asked for years in letters to every minister, and as "
        "the Ferry Board itself has recommended in each of its last three annual reports to "
        "the Parliament, without any reply from the government on any of them. The Board's "
        "chair wrote again last month and was told the review would take another year."
    )
    text = (
        '---\ntitle: "All river children should be moved immediately from adult ferries: River '
        'Party"\ndate: "2012-05-26"\ncreators:\n  - "Example, Jo"\n---\n\n'
        f" Saturday, 26 May 2012     MEDIA RELEASE     {body}\n"
        " “The risk to at least 22 children whose cases are being reviewed is far too great,” "
        "River Party spokesperson Sen. Jo Example said.\n"
        " “The revelations that another boy has been fined as an adult are the latest example "
        "of this scandal.”\n"
    )
    release = parse_release_text(text)
    assert release.title == (
        "All river children should be moved immediately from adult ferries: River Party"
    )
    assert [q[1][:12] for q in quotes(release)] == ["The risk to ", "The revelati"]


# --------------------------------------------------------------------------
# What a review of the rules above found they must not do
# --------------------------------------------------------------------------

_HEAD = (
    "Minister backs plan\n\nCANBERRA, 3 May 2024\n\nThe Minister for Rivers, Jane Roe, and "
    "the Opposition spokesman, Tom Vale, today spoke about the ferries.\n\n"
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ms Roe said that “the old ferry was no longer fit for purpose.” Locals agreed. “Today "
        "I am proud to launch the new one.”",
        "“This is a great day,” Ms Roe said, adding that the boat would cost $20 million. "
        "“Every town deserves a good ferry.”",
        "“We will build this ferry,” Ms Roe said during the 2019 election campaign. “Today I "
        "am proud to launch it.”",
        "“This is a great day,” Ms Roe said. “Every town deserves a good ferry,” Mr Vale "
        "countered.",
    ],
)
def test_two_statements_with_more_than_an_attribution_between_stay_two(paragraph):
    assert len(parse_release_text(_HEAD + paragraph + "\n").quotes) == 2


@pytest.mark.parametrize(
    "heading", ["Quotes attributable to Tom Vale", "Industry reaction", "Boatmen respond", "Unions"]
)
def test_a_heading_naming_others_or_above_the_first_quotation_blocks_the_sole_speaker(heading):
    text = (
        "Ferry support extended\n\nCANBERRA, 3 May 2024\n\nRivers Minister Jane Roe today "
        "announced ferry support would be extended.\n\nMs Roe said the towns had done it "
        f"tough.\n\n{heading}\n\n“We welcome this decision and thank the Government.”\n"
    )
    assert parse_release_text(text).quotes == []


def test_a_statement_by_a_person_does_not_credit_them_with_words_they_quote():
    text = (
        "Statement by Senator Jo Example\n\nCANBERRA, 3 May 2024\n\nLast night the Treasurer "
        "claimed in Parliament:\n\n“The ferries are back in surplus.”\n\nThat claim does not "
        "survive scrutiny.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any("back in surplus" in note for note in release.unplaced)


@pytest.mark.parametrize(
    "lead",
    [
        "In March, Senator Jo Smith sent a letter to the Minister.",
        "Senator Jo Smith, Chair of the Senate Committee, sent a letter to the Minister.",
        "Minister for Trade and Tourism Jo Smith sent a letter to the Minister.",
    ],
)
def test_a_letter_one_person_sent_whatever_stands_around_the_name(lead):
    text = (
        f"{_HEAD}{lead}\n\n“The towns deserve answers about the new timetable,” the letter reads.\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Smith"]


def test_a_letter_led_with_colleagues_is_no_one_persons():
    text = (
        f"{_HEAD}Sen. Jo Smith (R-UT) today led a letter with 24 of his Senate colleagues to "
        "the agency.\n\n“The towns deserve answers about the new timetable,” the letter reads.\n"
    )
    assert parse_release_text(text).quotes == []


def test_a_single_quotation_inside_the_quotation_is_no_slipped_closing_mark():
    text = (
        f"{_HEAD}“One passenger wrote to me, ‘You saved my life,’ said the card she showed me, "
        "and that is why we do this,” Ms Roe said.\n"
    )
    [quote] = parse_release_text(text).quotes
    assert quote.text.endswith("and that is why we do this")


def test_headlines_and_sentences_that_resemble_a_menu_or_a_printed_page_are_kept():
    release = parse_release_text(
        "HOME AFFAIRS MINISTER CONTACTS FAMILIES OF DETAINEES\n\nCANBERRA, 3 May 2024 - The "
        "Minister spoke today.\n\nShadow Treasurer Tom Vale said the figures set out on\n"
        "page 14 of 200 in Budget Paper No. 1 show the deficit is far larger\nthan the "
        "Treasurer admitted.\n"
    )
    assert release.title == "HOME AFFAIRS MINISTER CONTACTS FAMILIES OF DETAINEES"
    assert "page 14 of 200 in Budget Paper No. 1" in release.paragraphs[-1]


def test_a_name_below_a_ministers_line_is_no_place():
    text = (
        "MINISTER FOR RIVERS\nJANE ROWE\nMEDIA RELEASE\n\nNew ferry for Townsville\n\n"
        "The Minister announced a new ferry.\n"
    )
    assert parse_release_text(text).dateline_city == ""


# --------------------------------------------------------------------------
# Sample AJ (seed 52), held out and measured once
# --------------------------------------------------------------------------


def test_initials_completed_from_the_creators_short_first_name_or_misspelt_surname():
    bob = (
        '---\ntitle: "Ferry loans"\ndate: "1979-07-25"\ncreators:\n  - "Roe, Bob"\n---\n\n'
        " NEWS RELEASE BY THE ACTING MINISTER FOR RIVERS, THE HON. R.J. ROE, Q.C., M.P.\n\n"
        " FERRY LOANS\n\n The Acting Minister for Rivers, the Hon. R.J. Roe said today that "
        "ferry loans would go on.\n\n"
        ' "The loan, which is interest-free, is for up to two years," Mr Roe said.\n'
    )
    assert [s.name for s in parse_release_text(bob).speakers] == ["Bob Roe"]
    misspelt = (
        '---\ntitle: "Ferry team"\ndate: "1978-01-06"\ncreators:\n  - "Mackellar, Michael"\n'
        "---\n\n FERRY TEAM\n\n The Minister for Rivers, the Hon. M.J.R. MacKeliar, said "
        'today the team would go on.\n\n "The ferry team has selected 1100 passengers," '
        "Mr MacKellar said.\n"
    )
    assert [s.name.casefold() for s in parse_release_text(misspelt).speakers] == [
        "michael mackellar"
    ]


def test_the_place_before_the_contact_lines_and_the_librarys_stamp_at_the_foot():
    text = harvested(
        "More aid for ferry refugees",
        " MORE AID FOR FERRY REFUGEES\n\n The Minister for Rivers, Senator Jo Example, "
        "announced today a further $600,000 for the ferry towns.\n\n"
        " Assistance is provided through the Ferry Board.\n\n"
        " CANBERRA For further information contact Ferry Board Public Affairs: Al Roe (06) 276 "
        "4967 or A.H (06) 241 6248\n\n"
        " Ann Lee (06) 276 4966 or A.H (06) 247 8920 f COMMONWEALTH PARLIAMENTARY LIBRARY MICAH\n",
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert release.paragraphs[-1] == "Assistance is provided through the Ferry Board."


def test_a_long_clause_in_marks_credited_after_it_is_a_quotation():
    text = harvested(
        "Ferry campaign will continue",
        " The members of the Rivers Subcommittee are “really concerned about the health of "
        "children living on the ferries for months” Mr Roe said in Parliament last week.\n",
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Roe"]


def test_a_catalogued_headline_with_its_stop_set_off_by_a_space():
    text = harvested(
        "Ferry family reunion",
        " MINISTER FOR RIVERS\n\n FERRY FAMILY REUNION .\n\n Families demonstrating outside "
        "Parliament today have been concerned about the safety of relatives.\n",
    )
    assert parse_release_text(text).title == "FERRY FAMILY REUNION"


def test_quotations_with_their_source_below_in_capitals():
    text = harvested(
        "Government divided on ferry resettlement",
        " JO EXAMPLE MP\n\n SHADOW MINISTER FOR RIVERS\n\n"
        " GOVERNMENT DIVIDED ON FERRY RESETTLEMENT\n\n"
        " Transport Minister Julie Vale and Rivers Minister Peter Lowe have contradicted each "
        "other on the ferry swap.\n\n"
        " “Well we wouldn’t take anyone until we had assurances about the ferries.”\n\n"
        " PETER LOWE, BOLT REPORT, 21 FEBRUARY 2017\n\n"
        ' "That\'s not the way I would characterise it."\n\n'
        " JULIE VALE, PRESS CONFERENCE, 22 FEBRUARY 2017\n",
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Peter Lowe", "Julie Vale"]
    assert not any("BOLT REPORT" in p for p in body_paragraphs(release))  # with its quote
    assert dict(speakers(release))["Peter Lowe"] == "Rivers Minister"
    assert release.dateline_city == ""


def test_a_letterhead_name_and_mp_or_a_short_first_name_completes_the_surname():
    for letterhead in ("JO EXAMPLE MP", "SENATOR JO EXAMPLE"):
        text = (
            f"{letterhead}\nSHADOW MINISTER FOR RIVERS\n\nGOVERNMENT DIVIDED ON FERRIES\n\n"
            "The Government is divided on the ferries.\n\n"
            "“The Government is in chaos on the ferries,” Ms Example said.\n"
        )
        assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Example"], letterhead
