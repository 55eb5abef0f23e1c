"""The people stage, part by part: names, roles, the person in an attribution, and the
registry that completes surnames. The whole stage is tested through
``parse_release_text`` in ``test_textimport.py``."""

import pytest

from articles.textimport.people import _mentions, _parse_who, _People, _Who
from articles.textimport.people.names import _tokens, _walk_name
from articles.textimport.people.roles import _clean_role

# --------------------------------------------------------------------------
# names: tokens and the run of words that makes a name
# --------------------------------------------------------------------------


def test_tokens_keep_initials_and_abbreviations_but_not_a_sentence_stop():
    assert [t.core for t in _tokens("Dr. J.K. Example spoke.")] == [
        "Dr.",
        "J.K.",
        "Example",
        "spoke",
    ]


def test_a_name_is_the_capitalised_run_before_its_last_word():
    toks = _tokens("Minister of Albania Taulant Balla")
    assert _walk_name(toks, len(toks) - 1, 0) == 3  # the role's object is not the name


# --------------------------------------------------------------------------
# roles
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, role",
    [
        ("Executive Director of the Example Trust, Dr", "Executive Director of the Example Trust"),
        ("Sen.", "Senator"),
        ("to Example Corp CEO", "Example Corp CEO"),
        ("the committee", ""),
    ],
)
def test_roles_are_kept_whole_without_the_words_around_them(words, role):
    assert _clean_role(words) == role


# --------------------------------------------------------------------------
# who: the person in the words of an attribution
# --------------------------------------------------------------------------


def test_name_and_role_before_and_after_the_verb():
    before = _parse_who("Jo Example, Executive Director of Example Works", after_verb=False)
    assert (before.name, before.role) == ("Jo Example", "Executive Director of Example Works")
    after = _parse_who("U.S. Rep. Jo Example", after_verb=True)
    assert (after.name, after.role) == ("Jo Example", "U.S. Rep.")


def test_organisations_newspapers_and_references_are_not_names():
    gazette = _parse_who("the Example Gazette", after_verb=True)
    assert (gazette.name, gazette.ref) == ("", "body")
    dairies = _parse_who("the Northeast Example Dairy Cooperatives", after_verb=True)
    assert (dairies.name, dairies.ref) == ("", "body")
    # "the" inside an office, or before a possessive, still leaves the person named
    assert _parse_who("Senator for the ACT Jo Example", after_verb=True).name == "Jo Example"
    assert _parse_who("Fix the Court's Jo Example", after_verb=True).name == "Jo Example"
    assert _parse_who("a representative of Example Together", after_verb=True).ref == "unnamed"
    assert _parse_who("she", after_verb=True).ref == "pronoun"
    assert _parse_who("the Minister", after_verb=True).ref == "role"


# --------------------------------------------------------------------------
# registry: mentions and speakers
# --------------------------------------------------------------------------


def test_a_surname_alone_takes_the_full_name_given_earlier():
    people = _People(_mentions(["Senator Jo Example visited the towns."]))
    speaker = people.candidate(_Who(name="Example", single=True))
    assert (speaker.name, speaker.role) == ("Jo Example", "Senator")


def test_a_role_reference_finds_the_person_who_holds_it():
    people = _People(_mentions(["The Mayor, Jo Example, opened the bridge."]))
    people.candidate(_Who(name="Jo Example", role="Mayor"))
    assert people.resolve(_Who(ref="role", ref_text="Mayor"), None, (1, 0)).name == "Jo Example"
