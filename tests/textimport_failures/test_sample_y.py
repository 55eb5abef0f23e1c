"""Failures of sample Y (US Congress releases, seed 42) and of the development samples AA
(seed 44) and AB (seed 45) drawn after it, as small excerpts with the same structure. Those of
AC to AF are in ``test_samples_ac_to_af``."""

from articles.textimport import parse_release_text
from articles.textimport.letterhead import is_letterhead
from tests.textimport_failures import harvested, quotes, speakers


def test_an_endorsement_signed_after_its_full_stop_is_the_signers_quotation():
    text = (
        "Title: Example Bill to Keep the Ferries Wins Support\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Today, U.S. Senator Jo Example introduced the Ferry Act.\n"
        "“The river towns need their crossings,” said Senator Example.\n"
        "The legislation is endorsed by:\n"
        "Ferry Workers Union\n"
        "River Towns Association\n"
        "“Senator Example is right to stand up for the towns on the water.” Al Roe, Policy "
        "Director, River Towns Association\n"
        "“We thank the senator.” – Bo Hart, President, Ferry Workers Union\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[1:] == [
        ("Al Roe", "Senator Example is right to stand up for the towns on the water."),
        ("Bo Hart", "We thank the senator."),
    ]
    assert [name for name, _ in speakers(release)] == ["Jo Example", "Al Roe", "Bo Hart"]


def test_a_name_after_a_quotation_inside_a_paragraph_is_no_signature():
    text = (
        "Title: Example on the Ferries\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "“The towns need the crossings.” Al Roe, the mayor of Rivertown, has run the ferry "
        "since 1990.\n"
    )
    release = parse_release_text(text)
    assert "Al Roe" not in [name for name, _ in speakers(release)]


def test_a_role_after_the_name_ends_where_the_sentence_goes_on():
    text = (
        "Title: Example on the Ferries\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "Al Roe, the mayor of Rivertown, agreed with her and said: “The towns need the "
        "crossings.”\n"
        "“We need them,” Bo Hart, the owner of the ferry, stressed and said.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [
        ("Al Roe", "mayor of Rivertown"),
        ("Bo Hart", "owner of the ferry"),
    ]


def test_a_title_glued_to_the_name_is_read_apart():
    text = (
        "Title: Example’s Ferry Act Advances\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Congresswoman Jo Example’s Ferry Act advanced today.\n"
        "“I applaud Congresswoman Example’s work for the river towns,”said Federal Maritime "
        "CommissionerAl Roe.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Al Roe", "Federal Maritime Commissioner")]
    assert quotes(release) == [
        ("Al Roe", "I applaud Congresswoman Example’s work for the river towns")
    ]


def test_remarks_announced_below_and_never_closed_run_to_the_end_of_the_text():
    text = (
        "Title: Example Amendment on Ferry Funding Passes\nDate: March 27, 2015\n\nContent:\n"
        "WASHINGTON – Last night, Senator Jo Example (R-UT) introduced an amendment to fund "
        "the river ferries.\n"
        "See below for Sen. Example’s full remarks, as prepared for delivery:\n"
        "“The ferries carry half the valley to work every morning.\n"
        "As a result, the towns on the river depend on them.\n"
        "This amendment is essential for the towns of the river.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "The ferries carry half the valley to work every morning.\n\n"
            "As a result, the towns on the river depend on them.\n\n"
            "This amendment is essential for the towns of the river.",
        )
    ]
    assert any("run to the end of the text" in note for note in release.unplaced)


def test_a_mark_never_closed_after_a_said_line_still_ends_with_its_paragraph():
    text = (
        "Title: Example on Ferries\nDate: March 27, 2015\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "Senator Example said:\n"
        "“The ferries carry half the valley to work every morning.\n"
        "The amendment passed with 56 votes.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "The ferries carry half the valley to work every morning.")
    ]


def test_a_speck_before_the_printed_headline_does_not_hide_it():
    text = harvested(
        "Ferry given aid by Navy",
        " THURSDAY, APRIL 7, 1983 NO. 4^/83\n\n .  FERRY GIVEN\n\n AID BY NAVY\n\n"
        " Seventy ferry passengers were given assistance by two ships late yesterday.\n",
    )
    assert parse_release_text(text).title == "FERRY GIVEN AID BY NAVY"


def test_the_printed_headline_is_found_by_the_cataloguers_words_speck_and_plural_aside():
    text = harvested(
        "New Ferry Allowance For Student",
        " \u0380 . 1 0 5 / 8 6 Minister for Rivers\n\n 1July 1986\n\n"
        " NEW FERRY ALLOWANCE FOR STUDENTS\n\n"
        " The Government has introduced a new allowance to help students.\n",
    )
    assert parse_release_text(text).title == "NEW FERRY ALLOWANCE FOR STUDENTS"
    text = harvested(
        "1983-84 ferry program",
        " 18 May 1983\n\n 1983/84 'FERRY PROGRAM\n\n The Minister announced the program.\n",
    )
    assert parse_release_text(text).title == "1983/84 'FERRY PROGRAM"


def test_from_the_minister_for_with_its_typed_stop_is_letterhead():
    assert is_letterhead("From the Minister for Rivers_  and Ferries.")
    assert not is_letterhead("From the Minister for Rivers came the news today.")


def test_a_headline_as_catalogued_after_a_letterhead_in_capitals_on_its_line():
    text = harvested(
        "High Court rules not to protect the ferries.",
        " RIVER PARTY MEDIA 04/325 THURSDAY 29 APRIL 2004   SENATOR JO EXAMPLE LEADER OF THE "
        "RIVER PARTY  High Court rules not to protect the ferries\n\n"
        " The High Court today ruled that the ferries are not protected, Senator Example said.\n",
    )
    assert parse_release_text(text).title == "High Court rules not to protect the ferries"


def test_specks_after_the_name_that_ends_an_attribution_are_no_part_of_it():
    text = harvested(
        "Ferry program",
        " The Minister for Rivers, Mr Jo Example, today announced details of the ferry program.\n\n"
        " The points system under which ferry crews are selected has been changed, but points "
        'for arranged " -employment will continue to operate. .\n\n'
        " The Government's commitment to the ferries is based on the needs of the towns.\n\n"
        " In 1983/84 20,000 crossings will be made available under the River Program.\n\n"
        ' "It is unacceptable for instance that only 100 out of 17.000 in 1982/83 should be from '
        'the hill towns,   when there are already 300 ferries on the river alone," said Mr '
        "Example.\n\n"
        " \u00e2\u0080  \u00e2\u0080   . \n\n"
        ' "Persons from the hill towns are not receiving adequate representation."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example", "Jo Example"]


def test_a_closing_mark_lost_or_read_as_figures_before_the_attribution_ending_the_paragraph():
    text = harvested(
        "Ferry grants",
        " The Minister for Rivers, Mr Jo Example, today announced new grants.\n\n"
        ' "The remainder of the program will consist of some 3,000 crossings in each of the '
        "river towns,   said Mr Example.\n\n"
        " 'These initiatives will quicken the pace of the ferry works.1  he said.\n",
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The remainder of the program will consist of some 3,000 crossings in each of the "
            "river towns",
        ),
        ("Jo Example", "These initiatives will quicken the pace of the ferry works."),
    ]


def test_a_quotation_broken_off_by_a_page_goes_on_in_the_next_paragraph():
    text = harvested(
        "Ferry day",
        " Mr Jo Example MP today welcomed Ferry Day.\n\n"
        " ‘My own electorate of Rivertown is home to people from a wide range of backgrounds, "
        "from the first ferrymen to today’s boat builders. It will host a number of major\n\n"
        " Ferry Day events at Rivertown and Hillside.\n\n"
        " ‘It is time the Government stopped its statements on the ferries,’ Mr Example "
        "concluded.\n",
    )
    (quote,) = quotes(parse_release_text(text))
    assert quote[0] == "Jo Example"
    assert quote[1].startswith("My own electorate of Rivertown")
    assert "Ferry Day events at Rivertown and Hillside." in quote[1]
    assert quote[1].endswith("stopped its statements on the ferries")


def test_the_office_next_to_the_verb_is_the_subject_not_a_name_in_the_phrase_before_it():
    text = harvested(
        "Minister reassures the ferry towns",
        " MINISTER REASSURES THE FERRY TOWNS\n\n"
        " The Minister for Rivers, Mr Jo Example, said today the ferries would stay.\n\n"
        " Speaking at a meeting in Hillside with the Ferry Association of.Victoria, the "
        "Minister said that the towns should have no cause for concern.\n\n"
        ' "The review of the crossings should not be read as any hardening of our approach."\n',
    )
    release = parse_release_text(text)
    assert [name for name, _ in speakers(release)] == ["Jo Example"]
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_straight_marks_that_are_a_scans_bullets_or_specks_open_no_quotation():
    text = harvested(
        "A greater voice for the river towns",
        " The Minister for Rivers, Jo Example, said today the towns would be heard.\n\n"
        ' Mr Example said, that with the new group, the re " instatement of the ferry committee '
        'will help. "One of the first tasks of the committee will be a timetable for the '
        'crossings."\n\n'
        ' Mr Example said the plan funds such as: "funding of up to 132 ferry crews; "extending '
        'the night crossings; and "publication of the Ferry Book.\n\n'
        ' "The ferry offices will stay where people can reach them," he said.\n',
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "One of the first tasks of the committee will be a timetable for the crossings.",
        ),
        ("Jo Example", "The ferry offices will stay where people can reach them"),
    ]


def test_a_name_misread_by_the_scan_is_the_person_the_text_names_in_full():
    text = harvested(
        "Ferry guard",
        " Campaigning in Hillside, the Leader of the Opposition, Mr Kim Beazley, outlined a ferry "
        "guard.\n\n"
        " Mr BeazYley said the guard would patrol the river. “This new agency will free the "
        "ferries for their real work,” Mr Eleazley said.\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in speakers(release)] == ["Kim Beazley"]
