"""The failures of sample AR (seed 60), held out and measured once, as small excerpts with
the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_patrol_agent_named_with_his_unit_before_a_tweet():
    text = (
        "Title: Stefanik Statement on the Surge at the Northern Border\nDate: 2023\n\nContent:\n"
        "East Greenbush, NY-Congresswoman Jo Example released the following statement "
        "followingChief Patrol Agent Al Roe's tweeton the surge at the border:\n"
        "Chief Patrol Agent Al Roe,United States Border Patrol Example Sector stated on Twitter "
        "tonight:\n“Over 6,100 apprehensions from 76 different countries this year, more than "
        "the last six years combined.”\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Al Roe"]
    assert "stated" not in dict(speakers(release))["Al Roe"]


@pytest.mark.parametrize(
    "catalogued, printed",
    [
        (
            "Budget 2010: Strengthening the river ferries.",
            "Budget 2010-11—Strengthening the river ferries",
        ),
        (
            "Arrival of K112 adds to the chaos on the rivers",
            "Arrival of boat K112 adds to the chaos on the rivers",
        ),
    ],
)
def test_the_headline_as_printed_where_the_catalogue_wrote_it_otherwise(catalogued, printed):
    text = harvested(
        catalogued,
        f" Senator Jo Example  Minister for Rivers\n\n {printed}  Joint media release with Al "
        "Roe\n\n Tuesday, 11 May 2010\n\n The Government will invest $1.2 billion in the river "
        "ferries.\n",
    )
    assert parse_release_text(text).title == printed


def test_a_topic_heading_in_capitals_under_the_lead_is_no_dateline():
    text = harvested(
        "Senate Estimates: in case you missed it",
        " Senate Estimates: In case you missed it\n\n The Senate Estimates hearings held last "
        "week again proved an effective avenue for questions on the ferries.\n\n"
        " Coalition Senators generated stories in print and on radio across a wide variety of "
        "portfolios.\n\n"
        " Judged on media coverage, the biggest stories of the week included:\n\n"
        " CHIEF FERRY MASTER RESIGNS - The chief ferry master came to the committee last week "
        "to announce his resignation.\n",
    )
    assert parse_release_text(text).dateline_city == ""


def test_a_catalogue_title_whose_other_part_is_a_label():
    text = harvested(
        "Budget 2005-06: joint media release.",
        " Joint Media Release\n\n The Minister for Rivers Jo Example and the Minister for Towns "
        "Al Roe\n\n 10 May 2005\n\n Budget 2005-06\n\n In the 2005-06 Budget, the Government "
        "has announced a number of measures for the river towns.\n",
    )
    assert parse_release_text(text).title == "Budget 2005-06"


def test_a_statement_in_straight_marks_whose_paragraph_break_was_lost():
    text = harvested(
        "Angry Ambassador invited to elaborate.",
        " 7th Jul 2005\n\n The ambassador was invited to elaborate on her outburst, Greens "
        'Senator Jo Example said today.  "As well as her outburst, I would like to hear her talk '
        'about the prisoners in ‘education with labour’ camps," Senator Example said.  "Her '
        'attack probably shows she has given up on getting him back.  "Al Roe has said how much '
        'he loves his country. Her outburst will not change that," Senator Example said.\n',
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example", "Jo Example"]
    assert found[1][1].startswith("Her attack probably shows")
    assert found[1][1].endswith("Her outburst will not change that")


# A review of the rules above (and of the fixes to AS's review) found these misfires on
# ordinary releases, and inputs that took seconds.

_HEAD = (
    "MEDIA RELEASE\nThe Hon Jo Roe MP\nMinister for Rivers\n\nFerry news\n\n"
    "The Minister spoke today.\n\n"
)


@pytest.mark.parametrize(
    "paragraph, quoted",
    [
        (
            '"One woman came up to me. "Never again," she said, and walked off," Senator Jo Roe '
            "said.",
            'One woman came up to me. "Never again," she said, and walked off',
        ),
        (
            '"Our veterans have waited long enough. "The Ferry First Act" will cut wait times in '
            'half," said Senator Jo Roe.',
            'Our veterans have waited long enough. "The Ferry First Act" will cut wait times in '
            "half",
        ),
    ],
)
def test_an_inner_quotation_after_a_full_stop_stays_inside_the_quotation(paragraph, quoted):
    assert quotes(parse_release_text(_HEAD + paragraph + "\n")) == [("Jo Roe", quoted)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "‘We’re talkin’ about real jobs here, not promises,’ Senator Roe said.",
        "‘I support Senator Martinez’ bill because it will help families,’ Senator Roe said.",
    ],
)
def test_an_apostrophe_ending_a_word_does_not_close_a_quotation_in_single_marks(paragraph):
    assert [name for name, _ in quotes(parse_release_text(_HEAD + paragraph + "\n"))] == ["Jo Roe"]


@pytest.mark.parametrize(
    "above, dateline",
    [
        (
            "Legislation would require the Department of Rivers to report wait times at every "
            "rural wharf.",
            "WASHINGTON, D.C. — U.S. Senator Jo Roe (D-Mont.) today introduced the Ferry Act.",
        ),
        (
            "Note: A complete summary of today's meeting of the Ferry Council will be made "
            "available after its conclusion.",
            "NEW YORK — The Ferry Council today met in New York.",
        ),
    ],
)
def test_a_dateline_under_a_standfirst_or_an_editors_note_is_still_the_dateline(above, dateline):
    text = f"Ferry Act introduced\n\n{above}\n\n{dateline}\n\nMore follows here.\n"
    assert parse_release_text(text).dateline_city in ("Washington", "New York")


@pytest.mark.parametrize(
    "role",
    [
        "head of shared services",
        "Special Envoy for the small island states of the Pacific",
    ],
)
def test_a_role_with_a_word_like_a_verb_in_it_is_kept_whole(role):
    text = _HEAD + f'"This hub will save millions," said Sam Lee, {role}.\n'
    assert dict(speakers(parse_release_text(text)))["Sam Lee"] == role


def test_agent_orange_stays_in_a_role():
    text = _HEAD + (
        'Vietnam veteran and Agent Orange Association president Bill Kerr said: "We welcome '
        'the inquiry and we will give evidence."\n'
    )
    assert dict(speakers(parse_release_text(text)))["Bill Kerr"].startswith("Agent Orange")


@pytest.mark.parametrize(
    "catalogued, printed",
    [
        (
            "Budget should focus on healthcare consumers",
            "Budget should focus on healthcare consumer s",
        ),
        (
            "Community groups to share in new grants program",
            "COMMUNITY GROUPS TO SHARE IN NEW GRANTS PRO GRAM",
        ),
    ],
)
def test_a_scans_broken_words_in_a_headline_are_not_printed_as_the_title(catalogued, printed):
    text = harvested(catalogued, f" {printed} 19 March 2012\n\n A more modern health system.\n")
    assert parse_release_text(text).title == catalogued


def test_a_two_word_part_of_a_catalogue_title_is_not_the_issuers_name_line():
    text = (
        '---\ntitle: "Media release: Jo Roe"\ndate: "2001-03-28"\ncreators:\n  - "Roe, Jo"\n---'
        "\n\n Jo Roe\n\n Minister for Health\n\n New hospital for Bendigo\n\n The Minister "
        "today announced a new hospital for Bendigo.\n"
    )
    assert parse_release_text(text).title == "New hospital for Bendigo"


@pytest.mark.parametrize(
    "body",
    [
        "The people said " + "‘A’ b " * 20000,
        "‘Ferry Link’ was late. " * 5000,
        "‘We will act,’ Mr Roe said. " * 4000,
        '"Start. ' + '. "Yes' * 18000 + '," he said.',
    ],
)
def test_long_paragraphs_of_marks_are_read_in_time(body):
    text = (_HEAD + body).encode()[: 128 * 1024 - 300].decode("utf-8", "ignore")
    assert parse_release_text(text).title == "Ferry news"  # seconds each before: 9 s to 27 s
