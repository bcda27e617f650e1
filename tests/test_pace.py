"""Pace advice in `status` (what is still needed, and by when) and `status --fail-on`."""

from __future__ import annotations

import json

import pytest

PLAN = """
    year: 2021
    focus_areas:
      - id: tryggare-centrum
        title: Tryggare centrum
    pledges:
      - id: trygghetsvandringar
        title: Trygghetsvandringar
        focus_area: tryggare-centrum
        owner: gemensamt
        target:
          min: 5
          unit: vandringar
          requirements:
            - {tag: centrum, min: 1}
      - id: nykter-student
        title: Nykter student
        focus_area: tryggare-centrum
        owner: gemensamt
        target: {min: 1, unit: insatser, due: 2021-06-30}
      - id: lob-vittnesforhor
        title: Vittnesförhör
        focus_area: tryggare-centrum
        owner: polis
        target: null
    activities:
      - {id: a1, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum]}
      - {id: a2, pledge: trygghetsvandringar, date: 2021-05-20}
      - {id: a3, pledge: nykter-student, date: 2021-06-10}
"""


def pledges(cli, path, as_of: str) -> dict[str, dict]:
    result = cli("status", "--plan", path, "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.output
    return {p["id"]: p for p in json.loads(result.output)["pledges"]}


def test_on_track_pledge_gets_needed_and_the_next_date_on_pace(cli, write_plan):
    # 5 walks over 365 days: the pace asks for the 3rd walk on day ceil(3 × 365 / 5) = 219,
    # that is 7 August 2021; on 30 June (day 181) 2 are expected and 2 are done.
    p = pledges(cli, write_plan(PLAN), "2021-06-30")["trygghetsvandringar"]
    assert (p["status"], p["needed"], p["next_due"]) == ("on_track", 3, "2021-08-07")


def test_next_due_is_today_once_the_pace_overtakes(cli, write_plan):
    path = write_plan(PLAN)
    assert pledges(cli, path, "2021-08-06")["trygghetsvandringar"]["next_due"] == "2021-08-07"
    behind = pledges(cli, path, "2021-08-07")["trygghetsvandringar"]
    assert (behind["status"], behind["needed"], behind["next_due"]) == ("behind", 3, "2021-08-07")


def test_met_missed_and_untracked_have_no_next_date(cli, write_plan):
    path = write_plan(PLAN)
    now = pledges(cli, path, "2021-06-30")
    assert (now["nykter-student"]["needed"], now["nykter-student"]["next_due"]) == (0, None)
    assert (now["lob-vittnesforhor"]["needed"], now["lob-vittnesforhor"]["next_due"]) == (
        None, None)
    late = pledges(cli, path, "2022-01-10")["trygghetsvandringar"]
    assert (late["status"], late["needed"], late["next_due"]) == ("missed", 3, None)


def test_needed_counts_a_missing_requirement_too(cli, write_plan):
    text = PLAN.replace("tags: [centrum]", "tags: []") + "".join(
        f"      - {{id: b{i}, pledge: trygghetsvandringar, date: 2021-06-0{i}}}\n"
        for i in range(1, 4))
    p = pledges(cli, write_plan(text), "2021-06-30")["trygghetsvandringar"]
    # 5 walks done, none in the centre: one more is needed, by the due date.
    assert (p["done"], p["status"], p["needed"], p["next_due"]) == (5, "on_track", 1, "2021-12-31")


def test_advice_lines_say_how_many_and_by_when_in_swedish_and_english(cli, write_plan):
    path = write_plan(PLAN)
    sv = cli("status", "--plan", path, "--as-of", "2021-06-30", "--wide").output
    assert ("- Trygghetsvandringar: 3 till senast 2021-12-31 (om 184 dagar); "
            "nästa senast 2021-08-07 för att hålla takten") in sv
    en = cli("status", "--plan", path, "--as-of", "2021-08-07", "--lang", "en", "--wide").output
    assert ("- Trygghetsvandringar: 3 more by 2021-12-31 (in 146 days); "
            "behind pace, the next one is due now") in en
    assert "Nykter student:" not in sv  # met: nothing to advise


def test_advice_on_the_due_date_itself(cli, write_plan):
    path = write_plan(PLAN.replace("date: 2021-06-10", "date: 2021-07-01"))
    out = cli("status", "--plan", path, "--as-of", "2021-06-30").output
    assert "- Nykter student: 1 till senast 2021-06-30 (sista dagen i dag)" in out


@pytest.mark.parametrize(("as_of", "level", "code"), [
    ("2021-06-30", "behind", 0),   # walks on track, student met
    ("2021-06-30", "missed", 0),
    ("2021-08-07", "behind", 1),   # walks behind
    ("2021-08-07", "missed", 0),
    ("2022-01-10", "behind", 1),   # walks missed: `behind` catches missed too
    ("2022-01-10", "missed", 1),
])
def test_fail_on_exits_1_at_that_level_or_worse(cli, write_plan, as_of, level, code):
    result = cli("status", "--plan", write_plan(PLAN), "--as-of", as_of, "--fail-on", level)
    assert result.exit_code == code
    assert "Trygghetsvandringar" in result.output  # the picture is printed either way


def test_status_without_fail_on_exits_0_even_when_behind(cli, write_plan):
    assert cli("status", "--plan", write_plan(PLAN), "--as-of", "2022-01-10").exit_code == 0


def test_fail_on_refuses_an_unknown_level(cli, write_plan):
    assert cli("status", "--plan", write_plan(PLAN), "--fail-on", "late").exit_code == 2
