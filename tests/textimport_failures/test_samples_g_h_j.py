"""Text import: samples G, J and H, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers

# --------------------------------------------------------------------------
# Sample G: hearing transcripts, ranks, fragments, quotations closed at each paragraph
# --------------------------------------------------------------------------

HEARING = """\
Title: Example Questions Witnesses at the Rivers Hearing
Date: 2024

Content:
Washington, D.C.— Today, Congresswoman Jo Example questioned witnesses at a hearing of
the Rivers Subcommittee about the state of the country's dams.

Read a transcript of her questions below:

Congresswoman Example: “Ms. Rivera, isn't it true that your report on the dams was accurate?”

Ms. Rivera: “Yes.”

Congresswoman Example:“And Mr. Stone, do you agree that the dams need repair this year?”

Ana Stone, Chief Engineer, Example Office of Rivers and Waterways of the Northern Region:“Well, \
thank you for the question. The dams are old and the repairs cannot wait.

Rep. Example: Is that not a matter for the whole committee?

Mr. Lake: “I think it is. The committee should hear every engineer on it.”
"""


def test_hearing_transcript_turns_are_quotations_of_the_name_before_the_colon():
    release = parse_release_text(HEARING)
    assert quotes(release) == [
        ("Jo Example", "Ms. Rivera, isn't it true that your report on the dams was accurate?"),
        ("Rivera", "Yes."),
        ("Jo Example", "And Mr. Stone, do you agree that the dams need repair this year?"),
        (
            "Ana Stone",
            "Well, thank you for the question. The dams are old and the repairs cannot wait.",
        ),
        ("Lake", "I think it is. The committee should hear every engineer on it."),
    ]
    # A turn printed without quotation marks is not a quotation.
    assert not any("whole committee" in q.text for q in release.quotes)


@pytest.mark.parametrize(
    ("attribution", "role"),
    [
        ("Gen. Ana Other, Chief of the Example Guard, said:", "Chief of the Example Guard"),
        ("Adm. Ana Other said:", "Admiral"),
        ("Lt. Col. Ana Other said:", "Lt. Col."),
    ],
)
def test_military_rank_before_a_name_is_the_role(attribution, role):
    text = (
        "The Example Act was introduced on Tuesday.\n\n"
        f"In testimony to the committee, {attribution} “Access to care is critical to our "
        "readiness. All members need medical coverage.”\n"
    )
    assert speakers(parse_release_text(text)) == [("Ana Other", role)]


def test_a_few_words_quoted_inside_a_sentence_are_no_quotation():
    text = (
        "Senator Jo Example wrote to the Secretary on Tuesday.\n\n"
        "When asked if the dams were safe, Secretary Ana Other responded “no.” "
        "Senator Example said: “The Secretary must answer for the state of the dams.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "The Secretary must answer for the state of the dams.")
    ]
    assert [s.name for s in release.speakers] == ["Jo Example"]


def test_paragraphs_each_closing_their_marks_are_quotations_of_the_same_speaker():
    text = (
        "The Hon. Jane Example MP  Minister for Rivers\n\n"
        "12 March 2020\n\n"
        "New flood warnings for river towns\n\n"
        "Flood warnings will reach every river town by the end of the month.\n\n"
        "Minister Example said, “The warnings will give families hours more to prepare.”\n\n"
        "“We are working with every council on the routes people should take.”\n\n"
        "Chief Medical Officer Ana Other said the gauges had been tested.\n\n"
        "“Every gauge has been checked twice.”\n\n"
        "“Residents should keep a radio at home.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        ("Jane Example", "The warnings will give families hours more to prepare."),
        ("Jane Example", "We are working with every council on the routes people should take."),
        ("Ana Other", "Every gauge has been checked twice."),
        ("Ana Other", "Residents should keep a radio at home."),
    ]


def test_offices_of_a_letterhead_without_a_label_are_not_the_title():
    text = (
        "The Hon. Jane Example MP  Minister for Rivers\n\n"
        "Minister Assisting the Prime Minister for Regional Towns\n\n"
        "Professor Ana Other  Australian Government Chief Hydrology Officer\n\n"
        "14 March 2020\n\n"
        "Flood gauges installed in every river town\n\n"
        "New flood gauges have been installed in all forty river towns this week.\n"
    )
    release = parse_release_text(text)
    assert release.title == "Flood gauges installed in every river town"
    assert release.lead.startswith("New flood gauges have been installed")


def test_place_of_issue_in_the_letterhead_is_the_dateline():
    text = (
        "THE HON JANE EXAMPLE MP  Treasurer\n\n"
        "MEDIA RELEASE\n\n"
        "Media contact: Sam Other — Office of the Hon Jane Example MP — 02 6277 0000  "
        "The Hon Jane Example MP | Treasurer | MELBOURNE\n\n"
        "Wednesday 5 February 2020\n\n"
        "RIVER TOWNS ECONOMY REMAINS STRONG\n\n"
        "The economy of the river towns grew faster than expected last year.\n"
    )
    release = parse_release_text(text)
    assert release.title == "RIVER TOWNS ECONOMY REMAINS STRONG"
    assert (release.dateline_city, release.dateline_country) == ("Melbourne", "")


def test_a_body_dateline_wins_over_the_letterheads_place():
    text = (
        "The Hon Jane Example MP | Treasurer | MELBOURNE\n\n"
        "River towns economy remains strong\n\n"
        "CANBERRA, 5 February 2020 – The economy of the river towns grew faster than expected.\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"


def test_quotation_after_a_background_paragraph_is_the_only_speakers():
    text = (
        "THE HON JOE EXAMPLE MP  SHADOW MINISTER FOR RIVERS\n\n"
        "MINISTER MISSING AGAIN\n\n"
        "The Rivers Minister should explain her absence from today’s meeting, says Shadow "
        "Rivers Minister Joe Example.\n\n"
        "“River towns expect their Minister at every meeting about floods,” said Mr Example.\n\n"
        "Mr Example said the Minister had to focus on the floods and the drought.\n\n"
        "The Flood Recovery Roundtable was called to report on the recovery so far.\n\n"
        "“The Minister is hiding at a crucial time for our river towns. She must be replaced "
        "by someone able to speak for them.”\n"
    )
    release = parse_release_text(text)
    assert [q.speaker.name for q in release.quotes] == ["Joe Example", "Joe Example"]
    assert release.quotes[1].text.startswith("The Minister is hiding")


def test_quotation_after_someone_else_is_named_with_a_role_is_not_carried_on():
    text = (
        "Senator Joe Example said the floods had cost the towns dearly.\n\n"
        "“Every town has lost roads and bridges,” Senator Example said.\n\n"
        "Chief Hydrology Officer Ana Other also visited the towns on Tuesday.\n\n"
        "“The gauges will be replaced before the next wet season.”\n"
    )
    release = parse_release_text(text)
    assert [q.speaker.name for q in release.quotes] == ["Joe Example"]
    assert any("gauges will be replaced" in note for note in release.unplaced)


def test_a_whole_sentence_in_marks_after_a_colon_naming_no_one_is_reported():
    text = (
        "Congresswoman Jo Example questioned witnesses on Tuesday about the dams.\n\n"
        "Example: “Is that true of the dams today?”\n\n"
        "She backed the “Clean Rivers Act.”\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert release.unplaced == ["quotation without a speaker: “Is that true of the dams today?”"]


INTERVIEW_HIGHLIGHTS = """\
Springfield, Ill.—Congresswoman Ana Example joined a morning programme to discuss the
closure of the county's last rail depot.

Watch the full interview here.

Read highlights from her interview below:

On the Depot's Closure Announcement:

“I said from the first day that closing the depot would cut off the towns along the line,
and the board knew it. This decision should never have been made behind closed doors.”

On the Board's Attempts to Hide the Report:

“The board had the engineers' report for a year and kept it from the public. That is a
failure of basic accountability.”

On Reopening The Depot:

The board can still change course. I will keep pressing until the depot reopens for
every family that depends on it.”
"""


def test_an_interviews_highlights_under_topic_headings_are_the_interviewees():
    release = parse_release_text(INTERVIEW_HIGHLIGHTS)
    assert [name for name, _ in speakers(release)] == ["Ana Example"]
    said = quotes(release)
    assert [name for name, _ in said] == ["Ana Example"] * 3
    assert said[0][1].startswith("I said from the first day")
    assert said[2][1].startswith("The board can still change course")


REPORTED_WHEN_HE_SAID = """\
Bank Governor Sam Example has today confirmed that household spending was weak before
the floods.

The Governor could not have been clearer when he said that “Spending was weaker than we
had expected last year”, and that “the main cause is at home”.

The Treasurer's inaction has left the Bank to do the heavy lifting.
"""


def test_when_he_said_that_quotes_the_clauses_subject_and_carries_on_after_and_that():
    release = parse_release_text(REPORTED_WHEN_HE_SAID)
    assert quotes(release) == [
        ("Sam Example", "Spending was weaker than we had expected last year"),
        ("Sam Example", "the main cause is at home"),
    ]
    assert not any("without a speaker" in item for item in release.unplaced)


SCANNED_STATEMENT_QUOTES = """\
The Minister for Example Affairs, Mr Sam Example, speaking on the opening of the

new harbour, said: . ..

"This is a fitting time to thank the people who built the harbour over

twenty years of work."

The Director of the Example Committee, Dr. Ana Sample, spoke in Geneva on Monday.

"I give the assurance that the Committee will help these families in the shortest

possible time", Dr. Sam ple said.

Fund-raising was being undertaken by the Committee alone.. - Dr. Sample also

emphasised the help given to new countries and stated; "From whatever angle the

programmes are viewed, they serve development."
"""


def test_scanned_statements_attributions_read_past_specks_and_broken_names():
    release = parse_release_text(SCANNED_STATEMENT_QUOTES)
    said = quotes(release)
    assert [name for name, _ in said] == ["Sam Example", "Ana Sample", "Ana Sample"]
    assert said[0][1].startswith("This is a fitting time")
    assert said[2][1].startswith("From whatever angle")


def test_a_quotation_ending_on_an_inner_quotation_ends_without_its_single_mark():
    release = parse_release_text(
        "Rep. Jo Example wrote to the railway today.\n\n"
        "In the letter, Example states,“The railway announced an agreement, stating "
        "‘We are pleased to have resolved the service issues on the line’s route.’”\n"
    )
    assert quotes(release) == [
        (
            "Jo Example",
            "The railway announced an agreement, stating ‘We are pleased to have resolved "
            "the service issues on the line’s route.",
        )
    ]


def test_a_place_on_its_own_line_before_a_dash_line_is_the_dateline():
    release = parse_release_text(
        "Springfield, Ill.\n"
        "– Senator Jo Example (R-IL) led a letter to the agency today, urging it to reverse "
        "its new rules.\n"
        "“These rules are wrong for our farmers,” said Senator Example.\n"
    )
    assert (release.dateline_city, release.dateline_country) == ("Springfield", "Ill.")
    assert release.lead.startswith("Senator Jo Example")


SCANNED_SIGN_OFF = """\
THE MINISTER FOR EXAMPLE AFFAIRS

The Minister for Example Affairs, Mr Sam Example, said today that the harbour

would open in May.

"The harbour will serve the whole region for fifty years to come. "

Townsville. Q.L.D.

12th March, 1971.
"""


def test_a_scanned_statements_sign_off_place_is_the_dateline_and_stays_out_of_the_quote():
    release = parse_release_text(SCANNED_SIGN_OFF)
    assert (release.dateline_city, release.dateline_country) == ("Townsville", "Q.L.D.")
    assert quotes(release) == [
        ("Sam Example", "The harbour will serve the whole region for fifty years to come.")
    ]
    place = parse_release_text(SCANNED_SIGN_OFF.replace("Townsville. Q.L.D.", "TOWNSVILLE"))
    assert (place.dateline_city, place.dateline_country) == ("Townsville", "")


def test_a_scanned_embargo_line_and_specks_are_not_the_title():
    release = parse_release_text(
        "M B  ARGO until midday 12th March, 1971\n\n"
        ",  1  OV'd- ^\n\n"
        "HARBOUR TO OPEN IN MAY\n\n"
        "The Minister for Example Affairs, Mr Sam Example, said today that the harbour\n"
        "would open in May.\n"
    )
    assert release.title == "HARBOUR TO OPEN IN MAY"
    assert any("ARGO until midday" in item for item in release.dropped)


# --------------------------------------------------------------------------
# Sample J (development): Congress items
# --------------------------------------------------------------------------


def test_glued_straight_quotations_with_phrases_in_marks_inside():
    # '…rules."Since …': a quotation with a phrase in marks inside it ("Buy Local"), and the
    # next one glued to it by the one mark left between them.
    text = (
        "Title: Example Praises the Buy Local Order\n\nContent:\n"
        "MADISON, WI–Congresswoman Jo Example released the following statement on the "
        'order\'s "Buy Local" rules."At a time when our farms are struggling, an order that '
        'puts "Buy Local" first is welcome news. It ends the waivers that let agencies skip '
        '"Buy Local" rules."Since my first term I have fought for these rules, and I will '
        'keep fighting for them."'
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            'At a time when our farms are struggling, an order that puts "Buy Local" first is '
            'welcome news. It ends the waivers that let agencies skip "Buy Local" rules.',
        ),
        (
            "Jo Example",
            "Since my first term I have fought for these rules, and I will keep fighting for them.",
        ),
    ]


def test_headings_in_marks_are_not_quotations():
    text = (
        "Title: Example and Other Debate the Farm Bill\n\nContent:\n"
        "WASHINGTON—Senator Jo Example and Sen. Other spoke on the floor late last night. "
        "The following are excerpts from their discussion:\n"
        "“Second-Rate Farm Policy”\n"
        "SENATOR OTHER: Senator Example, I think this bill has gone off the rails.\n"
        "SENATOR JO EXAMPLE: Yes. I find it troubling that nobody has read it.\n"
        "“Read The Whole Bill”\n"
        "EXAMPLE: We ought to read every page before we vote on it.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == [] and release.speakers == []
    assert not any("Second-Rate" in note or "Whole Bill" in note for note in release.unplaced)


def test_statement_over_paragraphs_runs_past_words_quoted_inside_a_sentence():
    # Opened once, closed three paragraphs on; in between the speaker quotes someone in the
    # middle of a sentence (“…?”. and ‘no’), which neither ends nor opens a quotation.
    text = (
        "Title: Example on the Budget\n\nContent:\n"
        "Congresswoman Jo Example released the following statement:\n\n"
        "“This budget fails the families of our state. It raises what they pay for bread.\n\n"
        "As a governor once asked us, “Are you better off than you were a year ago?”. The "
        "answer for working families is a clear ‘no’. They deserve better.\n\n"
        "We will keep fighting until this budget is fixed.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "This budget fails the families of our state. It raises what they pay for bread."
            "\n\nAs a governor once asked us, “Are you better off than you were a year ago?”. "
            "The answer for working families is a clear ‘no’. They deserve better."
            "\n\nWe will keep fighting until this budget is fixed.",
        )
    ]


def test_remarks_below_a_pointer_line_are_the_lead_persons():
    text = (
        "Title: Example: The State of the Farms\n\nContent:\n"
        "Washington, D.C. –House Conference Chairwoman Jo Example joined her colleagues "
        "ahead of the farm bill vote to speak about rural families.\n\n"
        "Watch her full remarks here.\n\n"
        "Find her full remarks below.\n\n"
        "“Our farmers have waited long enough for this bill. They deserve a vote this week.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "Our farmers have waited long enough for this bill. They deserve a vote this week.",
        )
    ]


def test_you_said_in_a_letter_to_one_named_person_is_that_persons():
    text = (
        "Title: Example Presses the Secretary on Rail Safety\n\nContent:\n"
        "Today Senator Jo Example sent a letter to Transport Secretary Kim Other.\n\n"
        "Read the full letter below.\n\n"
        "The Honorable Kim Other\n\nSecretary of Transport\n\n"
        "Dear Secretary Other:\n\n"
        "At your hearing, you said in your answers to my questions for the record, “I will put "
        "the safety of every passenger before the schedule.” That promise has not been kept.\n\n"
        "Sincerely,\n\nJo Example\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Kim Other", "I will put the safety of every passenger before the schedule.")
    ]


@pytest.mark.parametrize(
    "salutation",
    ["Dear Colleague,", "Dear Chair Kim Other, Member Lee Third, and Member Ann Fourth:"],
)
def test_you_said_in_a_letter_to_no_one_person_is_credited_to_no_one(salutation):
    text = (
        "Senator Jo Example wrote to the rail board on Monday.\n\n"
        f"{salutation}\n\n"
        "Last year you said, “We will never cut corners on safety.” Yet the board did.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any("never cut corners" in note for note in release.unplaced)


# --------------------------------------------------------------------------
# Sample H, still missed after its fixes: scanned statements
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "PARLIAMENTARY LIBRARY",
        "P A R L I A M E N T A R Y  L I B R A R Y",
        "NATIONAL LIBRARY OF AUSTRALIA 12 OCT 1965",
    ],
)
def test_a_librarys_stamp_is_not_the_headline(stamp):
    text = (
        "FOR PRESS\n\n"
        "STATEMENT BY THE MINISTER FOR IMMIGRATION, THE HON. A.B. EXAMPLE, M.P.\n\n"
        f"{stamp}\n\n"
        "The Minister for Immigration, Mr. A.B. Example, said today that 300 refugees from "
        "the camps in Europe would arrive in Melbourne next month.\n\n"
        "Mr. Example said the first group would be housed at the Bonegilla centre.\n"
    )
    release = parse_release_text(text)
    assert "LIBRARY" not in release.title.upper().replace(" ", "")
    assert release.paragraphs[0].startswith("The Minister for Immigration")


def test_a_headline_about_a_library_is_still_the_headline():
    text = (
        "MEDIA RELEASE\n\nNATIONAL LIBRARY FUNDING BOOST\n\n"
        "The Minister for the Arts, Jo Example, today announced new funding for the library.\n"
    )
    assert parse_release_text(text).title == "NATIONAL LIBRARY FUNDING BOOST"
