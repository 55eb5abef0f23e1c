"""The failures of sample BD (seed 72), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_scans_ci_for_g_in_a_surname_given_in_full_above():
    text = harvested(
        "Ferry rights urgently needed",
        "  Senator Brian Example \n\n  Ferry rights urgently needed \n\n  Democrats Rivers "
        "spokesperson, Senator Brian Greig, says the Government must act on ferries. \n\n  “The "
        "towns have waited long enough for a safe crossing,” Senator Greig said. \n\n  “It is one "
        "of the unfortunate contradictions of this Government that it will not fund the "
        "wharves,” Senator Cireig   said. \n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Brian Greig"] * 2


def test_an_annual_report_is_no_person():
    text = harvested(
        "Ferry rights urgently needed",
        "  Ferry rights urgently needed \n\n  Senator Jo Example said the Government must act. "
        "\n\n  “The towns have waited long enough,” Senator Example said. \n\n  Amnesty "
        "International’s Annual Repon. stated that ‘ferry rights have no legal status in the "
        "river towns and cannot be invoked in the courts. ’ \n",
    )
    assert [s for s, _ in speakers(parse_release_text(text))] == ["Jo Example"]


def test_a_quotation_reopened_after_its_attribution_in_a_release_run_into_one_line():
    line = (
        "FERRY DEPORTATIONS MUST STOP The Democrats have called on the Minister to halt the "
        "ferry removals until the claims made by a former ferry official have been examined. "
        "Democrats’ Deputy Leader, Senator Jo Example, said the claims needed to be examined. "
        "“There are currently a number of river families facing removal.  "
        "None should be removed until the claims have been investigated,” Senator Example "
        "said. “In the six months to March, around 465 people lodged claims.  We should use "
        "the chance to learn more about the risks they face. “The ferry deal should not get "
        "in the way of a proper examination of these claims.” “The river towns are still "
        "accused of serious abuses, and we cannot keep turning our eyes away from that.  The "
        "towns may be changing, but they are still run badly. “This claim gives us a good "
        "chance to learn how the towns treat their critics today.” “The Minister would "
        "recall her time as acting Minister in 1997 when she authorised a removal. “That "
        "experience should remind her that she cannot rely on assurances alone.” Media "
        "contact - Senator Jo Example - 0418 743 789 "
    )
    assert len(line) >= 1000
    text = harvested("Ferry deportations must stop", f" DEMOCRATS MEDIA 05/300 {line}\n")
    found = [words for _, words in quotes(parse_release_text(text))]
    assert found[0].endswith("until the claims have been investigated")
    assert found[1].startswith("In the six months to March")
    assert found[1].endswith("a proper examination of these claims.")


def test_a_supervisor_before_the_name_is_a_role():
    text = (
        "Title: Roe Secures Ferry Funding\nDate: 2024\n\nContent:\nWashington, D.C.- "
        "Congresswoman Jo Roe announced funding for the Lowtown ferry.\n\n“I am proud to "
        'announce the funding for the ferry,”said Congresswoman Jo Roe.\n\n"This funding will '
        "spur our town's economy and welfare,”said Lowtown Supervisor Robert Marsh.\n"
    )
    assert speakers(parse_release_text(text)) == [
        ("Jo Roe", "Congresswoman"),
        ("Robert Marsh", "Lowtown Supervisor"),
    ]


def test_a_time_between_the_subject_and_said_and_he_after_the_sentence_on_him():
    text = (
        "Title: PREPARED REMARKS: Roe on Ferries\nDate: 2024\n\nContent:\nWASHINGTON, March 6 "
        "– Sen. Jo Roe spoke on the floor about the ferries.And let me share what officials "
        "have said. Governor Al Marsh has repeatedly called the cuts “reckless” and called "
        "the plan “over the top.”He said, “there are a lot of families who are stranded, and "
        "it has to stop.”Governor Marsh this week said, “there must be more ferries.” That’s "
        "Governor Al Marsh. That’s not me.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Al Marsh", "Al Marsh"]
    assert ("Al Marsh", "Governor") in speakers(release)
