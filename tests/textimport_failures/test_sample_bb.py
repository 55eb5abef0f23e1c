"""The failures of sample BB (seed 70), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_leads_subject_whose_role_begins_with_a_verbs_letters():
    text = harvested(
        "Ferry 5 years on",
        " FERRY 5 YEARS ON TIME TO UNDO THE DAMAGE\n\n On the eve of the 5th anniversary of the "
        "ferry's sinking, Democrats Rivers Spokesperson, Jo Example renewed his calls for the "
        "reversal of the laws passed in its wake.\n\n \"It's good that the Senate recently "
        'rejected the legislation, but the laws which followed are still in place."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_quotation_cited_with_its_speaker_in_parentheses():
    text = harvested(
        "Labor's ferry plan",
        " LABOR'S FERRY PLAN\n\n Jo Example has nothing to offer except an expensive $2 billion "
        "bureaucracy.\n\n “A coast guard is not a resolution to this problem,” (Jo Example, Media "
        "Conference, Parliament House, August 30, 2001)\n\n The Prime Minister has previously "
        "stated that “we want to deal with the towns that have signed the ferry charter. "
        "Rivertown is not.” (Doorstop Interview, 29 July 2010)\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert all(s.name != "Doorstop Interview" for s in release.speakers)


def test_a_sentence_in_straight_single_marks_after_he_says():
    text = harvested(
        "Labor's ferry plan",
        " LABOR'S FERRY PLAN\n\n Mr Jo Example claims he has a two prong policy.\n\n Firstly he "
        "says 'That requires negotiation with the towns to return to the sorts of positions we "
        "had in office.'\n",
    )
    release = parse_release_text(text)
    assert any("That requires negotiation" in t for _, t in quotes(release)) or any(
        "That requires negotiation" in note for note in release.unplaced
    )


def test_a_web_pages_date_stamp_run_on_after_the_headline():
    text = harvested(
        "Joint statement with the Prime Minister of Example",
        " Joint Statementwith the Prime Minister of  Example  SAT 07 MAY 2011 \n\n Prime "
        "Minister, Prime Minister of Example \n\n The two Governments have today announced a "
        "new arrangement for the river ferries.\n",
    )
    assert parse_release_text(text).title == "Joint Statementwith the Prime Minister of Example"


# A review of the rules above found these misfires, each fixed before the session closed.


def test_a_program_or_a_paper_cited_in_parentheses_is_no_speaker():
    for text, expected in (
        (
            "MEDIA RELEASE\n\nSenator Jane Smith\n\nTreasurer contradicts himself\n\nThe "
            "Treasurer Al Swan told the ABC:\n\n“There will be no new ferry taxes in this "
            "Budget.” (Four Corners, ABC, 3 May 2010)\n\n“Two days later he announced three,” "
            "Senator Smith said.\n",
            ["Al Swan", "Smith"],
        ),
        (
            "Title: Smith Calls for Action on Ferries\nDate: 3 May 2010\nContent:\nCANBERRA - "
            "Senator Jane Smith today called on the Government to act on ferry waiting lists.\n\n"
            "“The waiting lists have never been longer,” (Sydney Morning Herald, 3 May 2010)\n\n"
            "Senator Smith said the Government must act now.\n",
            ["Jane Smith"],
        ),
    ):
        assert [name for name, _ in quotes(parse_release_text(text))] == expected


def test_a_report_an_act_or_a_sign_saying_something_in_single_marks():
    for body in (
        "The Auditor-General's report notes 'Growth in ferry spending has outpaced all "
        "forecasts.' Senator Smith said the finding was damning.",
        "Section 5 of the Act states 'A person must not publish the material without consent.' "
        "The Minister published it anyway.",
        "Senator Smith visited the wharf on Monday, where a sign on the gate says 'No new "
        "passengers will be admitted today.' Staff said it had been there for a week.",
    ):
        text = (
            "MEDIA RELEASE\n\nSenator Jane Smith\n\nFerry report\n\n"
            f"{body}\n\n“This is a disgrace,” Senator Smith said.\n"
        )
        release = parse_release_text(text)
        assert quotes(release) == [("Smith", "This is a disgrace")], body
        assert release.unplaced == [], body


def test_a_lead_verb_glued_to_a_small_word():
    text = (
        "Title: Smith on Budget\nDate: May 3, 2010\nContent:\nCongresswoman Jane Smith "
        'spoketoday on the House floor about the ferry budget.\n\n"We need a budget that works '
        'for families."\n'
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jane Smith"]
