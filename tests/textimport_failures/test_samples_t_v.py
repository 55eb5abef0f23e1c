"""Text import: samples T and V, as small excerpts with the same structure (own words)."""

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers

# --------------------------------------------------------------------------
# Sample T
# --------------------------------------------------------------------------


def test_posts_signed_on_lines_of_their_own_one_after_another_are_each_quoted():
    # Each post's signature and date recur down the page, as a page footer would; a phrase
    # the post itself puts in marks does not stop it being a post.
    posts = [
        ("Glad to ride the morning ferry with the crews today", "pic.twitter.com/AbCdEf123"),
        ("Operators spend millions on “premium lounge” upgrades. Pay the crews", ""),
        ("One deckhand told me she works three winters without a day off", ""),
    ]
    text = (
        "Title: Example Rides the Ferry with Striking Crews\n"
        "Date: Monday, March 4, 2024\n\n"
        "Content:\n"
        "Today Senator Jo Example released the following posts after riding the ferry.\n"
    )
    for words, link in posts:
        text += f"{words}\n" + (f"{link}\n" if link else "")
        text += "— Jo Example (@ExampleJo)\nMarch 4, 2024\n"
    text += "Senator Example has long backed the crews.\n"
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "Glad to ride the morning ferry with the crews today"),
        ("Jo Example", "Operators spend millions on “premium lounge” upgrades. Pay the crews"),
        ("Jo Example", "One deckhand told me she works three winters without a day off"),
    ]


def test_a_posts_mentions_on_lines_of_their_own_stay_in_its_sentence():
    text = (
        "Title: Example Backs the Ferry Inquiry\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Today Senator Jo Example backed the inquiry into the ferry operators.\n"
        "It is overdue. The\n"
        "@harbourlines\n"
        "and\n"
        "@bayferries\n"
        "timetables were cut to raise fares, and they should be restored\n"
        "https://t.co/xYz123AbC\n"
        "— Jo Example (@ExampleJo)\n"
        "May 2, 2024\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "It is overdue. The @harbourlines and @bayferries timetables were cut to raise "
            "fares, and they should be restored",
        )
    ]


def test_a_mention_after_a_posts_first_sentence_and_a_hashtag_stay_in_the_post():
    text = (
        "Title: Example Presses Ferry Operators to Testify\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Senator Jo Example will hold a hearing next week. The operators have once again\n"
        "declined the invitation\n"
        "– as they did in spring.\n"
        "This is a pattern.\n"
        "@harbourlines\n"
        "have twice declined to testify about\n"
        "#winterfares\n"
        ". What are they hiding?\n"
        "https://t.co/xYz123AbC\n"
        "— Jo Example (@ExampleJo)\n"
        "May 2, 2024\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "This is a pattern. @harbourlines have twice declined to testify about "
            "#winterfares. What are they hiding?",
        )
    ]


def test_a_phrase_saying_what_the_words_are_about_before_name_and_roles():
    text = (
        "Example Introduces the Ferry Workers Act\n\n"
        "Senator Jo Example introduced the Ferry Workers Act today.\n\n"
        'Of the bill, Sam Roe, Head of Crew Relations, Harbour Union, said, "The act gives '
        'every deckhand a fair roster at last."\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Sam Roe", "The act gives every deckhand a fair roster at last.")]
    assert dict(speakers(release))["Sam Roe"] == "Head of Crew Relations, Harbour Union"


def test_a_persons_declaration_that_and_a_policy_articulated_by_a_person_stating():
    text = (
        "Members Write to the Governor on Ferry Fares\n\n"
        "Representatives Jo Example and Sam Roe sent a letter to the Governor today.\n\n"
        "Dear Governor:\n\n"
        'We support the policy outlined by then-Commissioner Ana Other in 2019, stating, "Every '
        "town on the river deserves a ferry it can afford,\" and Transport Secretary Ben Sample's "
        'declaration in 2021 that "A fare is a tax on the people who can least avoid it."\n\n'
        "Sincerely,\n\nJo Example\n\nSam Roe\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Ana Other", "Every town on the river deserves a ferry it can afford"),
        ("Ben Sample", "A fare is a tax on the people who can least avoid it."),
    ]


def test_they_said_after_a_list_of_surnames_is_several_peoples_words():
    text = (
        "Members Urge the Governor to Restore Ferry Passes\n\n"
        "Senator Jo Example and Representatives Sam Roe, Ana Other and Ben Sample sent a letter "
        "to the Governor today.\n\n"
        "In the letter to the Governor from Example, Roe, Other and Sample, they said, “The "
        "passes must be restored before the winter timetable starts.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert speakers(release) == []
    assert any("joint statement" in note for note in release.unplaced)


def test_the_subject_in_the_catalogues_brackets_after_the_printed_title_is_the_headlines():
    text = (
        "---\n"
        'title: "Joint Budget 2012-13 statement: [cheaper ferry passes; new river wharves]"\n'
        'date: "2012-05-08"\n'
        "creators:\n"
        '  - "Example, Jo"\n'
        "---\n\n"
        " Joint Media Release\n\n"
        " Minister for Rivers, Hon Jo Example MP\n\n"
        " Tuesday, 8 May 2012\n\n"
        " Joint Budget 2012-13 Statement Cheaper Ferry Passes\n\n"
        " The Budget halves the price of a ferry pass for riders aged 75 and over.\n"
    )
    release = parse_release_text(text)
    assert release.title == "Joint Budget 2012-13 Statement Cheaper Ferry Passes"
    assert release.paragraphs[0].startswith("The Budget halves")


def test_a_series_before_a_colon_in_the_catalogues_title_is_not_printed():
    text = (
        "---\n"
        'title: "Budget 2012: 2012-13 River Ferries Budget."\n'
        'date: "2012-05-08"\n'
        "creators:\n"
        '  - "Example, Jo"\n'
        "---\n\n"
        " 2012-13 River Ferries Budget\n\n"
        " Media release\n\n"
        " 8 May 2012\n\n"
        " The Government will deliver on its promise to lift the funding of the River Ferries\n\n"
        " Service (RFS) to a record share of transport spending by 2015-16.\n\n"
        " The Government will invest a further $30 million in wharves.\n"
    )
    release = parse_release_text(text)
    assert release.title == "2012-13 River Ferries Budget"
    assert release.paragraphs[0].startswith("The Government will deliver")


def test_the_place_and_date_ending_the_catalogues_title_give_the_dateline():
    text = (
        "---\n"
        'title: "[Select Committee on River Ferries holds its first hearing: Hobart, 3 March '
        '2004]"\n'
        'date: "2004-03-03"\n'
        "creators:\n"
        '  - "Select Committee on River Ferries"\n'
        "---\n\n"
        "  SELECT COMMITTEE ON RIVER FERRIES   \n\n"
        "  PARLIAMENT HOUSE  HOBART  TAS  7000  Telephone: 03 6200 0000 \n\n"
        "  3 March 2004 \n\n"
        "  MEDIA RELEASE \n\n"
        "  The Select Committee on River Ferries held its first hearing today.  \n\n"
        "  The Committee has received 14 submissions. \n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Hobart"


def test_today_opening_the_lead_is_not_part_of_the_speakers_role():
    text = (
        "Example Welcomes the Ferry Inquiry\n\n"
        "Today U.S. Senator Jo Example (D-Vt.) released the following statement:\n\n"
        "“The inquiry is overdue, and the riders deserve answers before the winter.”\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Jo Example", "U.S. Senator")]


# --------------------------------------------------------------------------
# Sample V
# --------------------------------------------------------------------------


def test_an_embedded_posts_phrase_in_marks_keeps_its_marks_in_the_quote():
    text = (
        "Example Answers the Harbour Board\n\n"
        "Senator Jo Example said the harbour board had failed the fishing fleet.\n\n"
        "I called the plan a “slow sinking” on purpose – the fleet is shrinking. Fix it\n"
        "https://t.co/AbC123xyz\n"
        "— Jo Example (@ExampleJo)\n"
        "May 3, 2020\n"
    )
    release = parse_release_text(text)
    assert [(q.speaker.name, q.text) for q in release.quotes] == [
        (
            "Jo Example",
            "I called the plan a “slow sinking” on purpose – the fleet is shrinking. Fix it",
        )
    ]


def test_a_statement_the_member_responded_with_is_theirs():
    text = (
        "Example Answers the Mayor\n\n"
        "RIVERTON – After Mayor Ann Roe’s remarks on the ferry came to light, she put out a "
        "statement that did not apologize for the cuts. "
        "U.S. Rep. Jo Example (VT-01) responded with this statement and offer:\n\n"
        "“Mayor Ann Roe’s statement did not answer the riders who lost their morning "
        "crossing.\n\n"
        "“I would like to invite the mayor to ride the last ferry with me and hear them "
        "out.”\n"
    )
    release = parse_release_text(text)
    assert [q.speaker.name for q in release.quotes] == ["Jo Example"]
    assert release.quotes[0].text.endswith("hear them out.")


def test_a_series_of_words_naming_a_subcommittee_is_in_the_role_before_the_name():
    text = (
        "Example Backs the Ferry Bill\n\n"
        "WASHINGTON – Today, Senator Jo Example introduced a bill to keep the river ferries "
        "running through the winter.\n\n"
        "“The crossings are a lifeline for the valley,” said Example.\n\n"
        '"The Ferry Access Act keeps the boats moving," said Rivers, Roads, and Public '
        'Transport Subcommittee Chairman Al Roe.  "I thank Senator Example for the bill."\n'
    )
    release = parse_release_text(text)
    assert [q.speaker.name for q in release.quotes] == ["Jo Example", "Al Roe"]
    assert ("Al Roe", "Rivers, Roads, and Public Transport Subcommittee Chairman") in speakers(
        release
    )
