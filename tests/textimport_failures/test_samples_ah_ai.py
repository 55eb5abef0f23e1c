"""Failures of the development sample AH (seed 50) and of sample AI (seed 51), held out and
measured once, and one of AG's, as small excerpts with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes

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


def test_straight_marks_around_an_inner_attribution_and_a_turned_mark_before_a_figure():
    text = harvested(
        "Transfer of ferry passengers to Sydney",
        ' "It must be remembered the passengers are illegally aboard, and by law must be '
        'held ashore," the Minister said. "Regrettably, some of them saw fit to take '
        'advantage of the open deck."\n\n'
        " The Minister for Rivers, Jo Example, said the move was necessary.\n\n"
        ' \u201d1 am disappointed that this extra move has become necessary," the Minister '
        'said. "This group has been given comfortable cabins."\n',
    )
    assert [q[1][:14] for q in quotes(parse_release_text(text))] == [
        "It must be rem",
        "1 am disappoin",
    ]
