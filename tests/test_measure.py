"""`samverkan measure`: goal measurements written into the plan, and how `status` shows them."""

from __future__ import annotations

import difflib
import json
from pathlib import Path


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line of `before` was changed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "a line was changed or removed"
    return [d[2:] for d in diff if d.startswith("+ ")]


def goals(cli, plans: Path, year: int, today: str = "2022-06-30") -> dict[str, dict]:
    result = cli("status", "--plans-dir", plans, "--year", year, "--format", "json", today=today)
    assert result.exit_code == 0, result.output
    return {g["id"]: g for g in json.loads(result.output)["goals"]}


def test_measure_writes_the_value_into_the_goal_and_keeps_every_line(cli, plans):
    before = (plans / "2021.yaml").read_text(encoding="utf-8")
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "18,5",
                 "--source", "ANDTS-undersökningen 2021, åk 9", "--plans-dir", plans,
                 today="2022-03-01")
    assert result.exit_code == 0, result.output
    assert "plans/2021.yaml" in result.output and "+ förbättrat" in result.output
    after = (plans / "2021.yaml").read_text(encoding="utf-8")
    assert added_lines(before, after) == [
        "        measurements:",
        ('          - {year: 2021, value: 18.5, source: "ANDTS-undersökningen 2021, åk 9", '
         'date: 2022-03-01}'),
    ]
    goal = goals(cli, plans, 2021)["alkohol-ak9"]
    assert goal["measurements"] == [
        {"year": 2021, "value": 18.5, "source": "ANDTS-undersökningen 2021, åk 9",
         "date": "2022-03-01"}]
    assert goal["latest"] == goal["measurements"][0]
    assert goal["status"] == "improved"
    assert cli("validate", plans / "2021.yaml").exit_code == 0


def test_measuring_a_year_again_replaces_it_and_says_so(cli, plans):
    cli("measure", "alkohol-ak9", "--year", "2021", "--value", "18", "--source", "ANDTS 2021",
        "--plans-dir", plans, today="2022-03-01")
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "17",
                 "--plans-dir", plans, today="2022-03-01")
    assert result.exit_code == 0
    assert "Ersatte den tidigare mätningen 2021 (18)" in result.output
    goal = goals(cli, plans, 2021)["alkohol-ak9"]
    assert goal["measurements"] == [{"year": 2021, "value": 17.0, "source": "ANDTS 2021",
                                     "date": "2022-03-01"}]


def test_each_year_goes_into_its_own_plan_and_status_shows_them_all(cli, plans):
    for year, value in (("2021", "18"), ("2022", "22")):
        cli("measure", "alkohol-ak9", "--year", year, "--value", value, "--plans-dir", plans,
            today="2022-12-01")
    assert "year: 2022, value: 22" in (plans / "2022.yaml").read_text(encoding="utf-8")
    goal = goals(cli, plans, 2022, today="2022-12-01")["alkohol-ak9"]
    assert [m["year"] for m in goal["measurements"]] == [2021, 2022]
    assert goal["latest"]["value"] == 22.0 and goal["status"] == "worsened"
    # The 2021 picture knows nothing of 2022 yet.
    assert goals(cli, plans, 2021, today="2022-12-01")["alkohol-ak9"]["latest"]["year"] == 2021

    table = cli("status", "--plans-dir", plans, "--year", "2022", "--wide",
                today="2022-12-01").output
    header = next(line for line in table.splitlines() if line.startswith("Mål ") and "2021" in line)
    assert header.split()[-5:] == ["2021", "2022", "Senast", "uppmätt", "Status"]
    row = next(line for line in table.splitlines()
               if line.startswith("Minska alkohol") and "åk 9" in line)
    assert row.split()[-6:] == ["18", "22", "2022:", "22", "−", "försämrat"]


def test_a_year_without_its_own_plan_goes_into_the_latest_earlier_plan(cli, plans):
    (plans / "2022.yaml").unlink()
    result = cli("measure", "narkotika-ak9", "--year", "2022", "--value", "3.5",
                 "--plans-dir", plans, today="2022-12-01")
    assert result.exit_code == 0 and "plans/2021.yaml" in result.output
    # Once the 2022 plan is made, its picture finds the measurement in the 2021 file;
    # 3.5 lies inside the 2020 range 3–4, so it reads unchanged.
    assert cli("init", "2022", "--plans-dir", plans, today="2022-12-01").exit_code == 0
    goal = goals(cli, plans, 2022, today="2022-12-01")["narkotika-ak9"]
    assert goal["latest"] == {"year": 2022, "value": 3.5, "source": None, "date": "2022-12-01"}
    assert goal["status"] == "unchanged"


def test_verdict_follows_the_goals_direction(cli, write_plan, tmp_path):
    path = write_plan("""
        year: 2021
        focus_areas:
          - id: tryggare-centrum
            title: Tryggare centrum
            goals:
              - id: trygghet
                title: Den upplevda tryggheten ska öka
                indicator: Andel trygga, %
                direction: increase
                baseline: {year: 2020, value: 60.0}
              - id: otrygghet
                title: Otryggheten ska minska
                indicator: Andel otrygga, %
                direction: decrease
                baseline: {year: 2020, value: 30.0}
              - id: omatt
                title: Inte mätt
                indicator: Något, %
                direction: decrease
                baseline: {year: 2020, value: 1.0}
        pledges: []
    """)
    for goal, value in (("trygghet", "65"), ("otrygghet", "35")):
        assert cli("measure", goal, "--year", "2021", "--value", value, "--plan", path,
                   today="2021-12-01").exit_code == 0
    out = json.loads(cli("status", "--plan", path, "--format", "json", today="2021-12-01").output)
    assert {g["id"]: g["status"] for g in out["goals"]} == {
        "trygghet": "improved", "otrygghet": "worsened", "omatt": "no_data"}
    table = cli("status", "--plan", path, today="2021-12-01").output
    assert "+ förbättrat" in table and "− försämrat" in table and "? saknar data" in table


def test_measure_refuses_an_unknown_goal_with_a_suggestion(cli, plans):
    before = (plans / "2021.yaml").read_bytes()
    result = cli("measure", "alkohol-ak8", "--year", "2021", "--value", "17", "--plans-dir", plans)
    assert result.exit_code == 2
    assert "okänt mål 'alkohol-ak8'; menade du 'alkohol-ak9'?" in result.output
    assert (plans / "2021.yaml").read_bytes() == before


def test_measure_refuses_what_is_not_a_number_a_future_year_and_identity_numbers(cli, plans):
    before = (plans / "2021.yaml").read_bytes()
    cases = [
        (["--year", "2021", "--value", "arton"], "--value ska vara ett tal"),
        (["--year", "2021", "--value", "18 %"], "--value ska vara ett tal"),
        (["--year", "2023", "--value", "18"], "--year 2023 går inte"),
        (["--year", "2021", "--value", "18", "--source", "elev 811218-9876"], "personnummer"),
    ]
    for args, message in cases:
        result = cli("measure", "alkohol-ak9", *args, "--plans-dir", plans, today="2022-03-01")
        assert result.exit_code == 2, args
        assert message in result.output, result.output
    assert (plans / "2021.yaml").read_bytes() == before


def test_measure_refuses_a_year_before_every_plan(cli, plans):
    result = cli("measure", "alkohol-ak9", "--year", "2020", "--value", "20", "--plans-dir", plans)
    assert result.exit_code == 2
    assert "baseline" in result.output


def test_validate_reports_two_measurements_of_one_year(cli, write_plan):
    path = write_plan("""
        year: 2021
        focus_areas:
          - id: tryggare-centrum
            title: Tryggare centrum
            goals:
              - id: otrygghet
                title: Otryggheten ska minska
                indicator: Andel otrygga, %
                direction: decrease
                baseline: {year: 2020, value: 30.0}
                measurements:
                  - {year: 2021, value: 28}
                  - {year: 2021, value: 27}
        pledges: []
    """)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:13:20: error: målet 'otrygghet' har redan en mätning för 2021 (rad 12)" in (
        result.output)
