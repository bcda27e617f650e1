"""Dated commitments: an agreement goal's milestones (`milestones:` in plans/agreement.yaml),
each judged on its own due date in `status --agreement` and the report; the checks."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from samverkan.followup import agreement as agreement_module

FIRST, LAST = dt.date(2021, 1, 1), dt.date(2023, 12, 31)
MILESTONE = dt.date(2021, 12, 31)


def plan(year: int, places: list[tuple[str, str]]) -> str:
    logged = "".join(f"  - {{id: g{i}, pledge: grannsamverkan, date: {d}, place: {p}}}\n"
                     for i, (d, p) in enumerate(places))
    return textwrap.dedent(f"""\
        year: {year}
        focus_areas:
          - id: metoder
            title: Metoder
        pledges:
          - id: grannsamverkan
            title: Nya grannsamverkansområden
            focus_area: metoder
            owner: gemensamt
            target: {{min: 1, unit: områden, counting: places}}
        """) + ("activities:\n" + logged if logged else "activities: []\n")


def agreement_text(est_milestones: tuple[str, ...] = ("{by: 2021-12-31, min: 1}",
                                                   "{by: 2022-12-31, min: 2}")) -> str:
    listed = "".join(f"      - {m}\n" for m in est_milestones)
    return textwrap.dedent("""\
        first_year: 2021
        last_year: 2023
        goals:
          - id: grannsamverkan-hela
            title: Starta minst 3 nya grannsamverkansområden
            min: 3
            unit: områden
            count: {source: activities, pledge: grannsamverkan, counting: places}
            milestones:
              - {by: 2021-12-31, min: 1}
          - id: utan-delmal
            title: Utan delmål
            min: 3
            unit: områden
            count: {source: activities, pledge: grannsamverkan, counting: places}
          - id: est
            title: EST i områden
            min: 3
            unit: områden
            count: {source: est}
            milestones:
        """) + listed


def folder(tmp_path: Path, places: list[tuple[str, str]]) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    for year in (2021, 2022):
        mine = [(d, p) for d, p in places if d.startswith(str(year))]
        (plans / f"{year}.yaml").write_text(plan(year, mine), encoding="utf-8")
    (plans / "agreement.yaml").write_text(agreement_text(), encoding="utf-8")
    return plans


def goals(cli, plans: Path, today: str) -> dict[str, dict]:
    result = cli("status", "--agreement", "--plans-dir", plans, "--format", "json", today=today)
    assert result.exit_code == 0, result.output
    return {g["id"]: g for g in json.loads(result.output)["goals"]}


def pace(target: int, start: dt.date, due: dt.date, day: dt.date) -> int:
    """The contract's straight pace line: floor(target × share of the period elapsed)."""
    length = (due - start).days + 1
    return target * min(max((day - start).days + 1, 0), length) // length


@pytest.mark.parametrize("today, status", [
    ("2021-06-30", "on_track"),  # floor(1 × share) is 0 until the day itself
    ("2021-12-31", "behind"),  # the due date: the day is not over
    ("2022-01-01", "missed"),
])
def test_a_milestone_not_reached_is_judged_on_its_own_date(cli, tmp_path, today, status):
    plans = folder(tmp_path, [])
    goal = goals(cli, plans, today)["grannsamverkan-hela"]
    [milestone] = goal["milestones"]
    day = dt.date.fromisoformat(today)
    assert milestone == {"by": "2021-12-31", "target": 1, "done": 0,
                         "expected": pace(1, FIRST, MILESTONE, min(day, MILESTONE)),
                         "status": status}


def test_the_goal_paces_from_milestone_to_milestone(cli, tmp_path):
    plans = folder(tmp_path, [])
    day = dt.date(2022, 6, 30)
    found = goals(cli, plans, day.isoformat())
    # with the milestone: 1 by 2021-12-31, then a straight line from 1 to 3 over 2022–2023
    after = MILESTONE + dt.timedelta(days=1)
    assert found["grannsamverkan-hela"]["expected"] == 1 + pace(3 - 1, after, LAST, day)
    assert found["grannsamverkan-hela"]["status"] == "behind"
    # without milestones the straight line over the whole period stays
    assert found["utan-delmal"]["expected"] == pace(3, FIRST, LAST, day)
    assert found["utan-delmal"]["milestones"] == []


def test_a_milestone_reached_late_stays_missed(cli, tmp_path):
    plans = folder(tmp_path, [("2022-02-01", "Morö Backe")])
    goal = goals(cli, plans, "2022-06-30")["grannsamverkan-hela"]
    assert goal["done"] == 1
    assert goal["milestones"][0]["done"] == 0 and goal["milestones"][0]["status"] == "missed"


def test_a_milestone_reached_in_time_is_met(cli, tmp_path):
    plans = folder(tmp_path, [("2021-11-01", "Morö Backe"), ("2022-03-01", "Sunnanå")])
    goal = goals(cli, plans, "2022-06-30")["grannsamverkan-hela"]
    assert (goal["done"], goal["milestones"][0]["done"]) == (2, 1)
    assert goal["milestones"][0]["status"] == "met"


def test_a_counted_source_is_counted_on_each_milestone_date(cli, tmp_path, monkeypatch):
    plans = folder(tmp_path, [])
    running = {dt.date(2021, 12, 31): 1, dt.date(2022, 12, 31): 1, dt.date(2023, 3, 1): 2}
    asked = []

    def est_areas(where, as_of):
        asked.append(as_of)
        return running[as_of]

    monkeypatch.setitem(agreement_module.COUNT_SOURCES, "est", est_areas)
    goal = goals(cli, plans, "2023-03-01")["est"]
    assert sorted(asked) == sorted(running)
    assert [(m["by"], m["done"], m["status"]) for m in goal["milestones"]] == [
        ("2021-12-31", 1, "met"), ("2022-12-31", 1, "missed")]
    assert goal["done"] == 2
    # Before a milestone's date what is done so far counts, against its pace.
    early = goals(cli, plans, "2021-12-31")["est"]
    assert [m["status"] for m in early["milestones"]] == ["met", "on_track"]


def test_the_table_and_the_report_show_each_milestone(cli, tmp_path):
    plans = folder(tmp_path, [])
    table = cli("status", "--agreement", "--plans-dir", plans, today="2022-01-10").output
    lines = table.splitlines()
    goal = next(i for i, line in enumerate(lines) if line.startswith("Starta minst 3"))
    assert lines[goal + 1].split() == ["delmål", "senast", "2021-12-31", "1", "områden", "0",
                                       "1", "missat"]
    report = cli("report", "--agreement", "--plans-dir", plans, "--format", "markdown",
                 today="2022-01-10")
    assert report.exit_code == 0, report.output
    assert ("| Delmål: minst 1 senast 31 december 2021 | minst 1 → 0 genomförda (områden) "
            "| missat |") in report.output
    html = cli("report", "--agreement", "--plans-dir", plans, "--format", "html",
               today="2022-01-10").output
    assert '<tr class="milestone"><th scope="row">Delmål: minst 1 senast 31 december 2021' in html


def validate_est_milestones(cli, tmp_path, *milestones: str) -> tuple[list[str], str]:
    """The agreement file with the EST goal's milestones, its lines, and validate's output."""
    plans = folder(tmp_path, [])
    path = plans / "agreement.yaml"
    path.write_text(agreement_text(milestones), encoding="utf-8")
    result = cli("validate", path)
    return path.read_text(encoding="utf-8").splitlines(), result.output


def place(path_lines: list[str], fragment: str, key: str) -> str:
    """`LINE:COL` of `key`'s value on the line holding `fragment`."""
    row = next(i for i, line in enumerate(path_lines) if fragment in line)
    return f"{row + 1}:{path_lines[row].index(key + ': ') + len(key) + 3}"


def test_validate_reports_milestones_out_of_order_and_outside_the_agreement(cli, tmp_path):
    lines, out = validate_est_milestones(
        cli, tmp_path, "{by: 2022-12-31, min: 2}", "{by: 2021-12-31, min: 2}",
        "{by: 2024-03-31, min: 4}")
    path = tmp_path / "plans" / "agreement.yaml"
    assert (f"{path}:{place(lines, '2021-12-31, min: 2', 'by')}: error: delmålet 2021-12-31 står "
            "efter delmålet 2022-12-31; skriv delmålen i datumordning, ett per datum") in out
    assert (f"{path}:{place(lines, '2024-03-31', 'by')}: error: delmålet 2024-03-31 ligger "
            "utanför avtalsperioden 2021–2023; ange ett datum inom avtalet") in out
    assert (f"{path}:{place(lines, '2024-03-31', 'min')}: error: delmålet kräver 4, fler än "
            "målet 'est' självt (3); sänk delmålet eller höj målets min") in out
    assert "1 fil kontrollerad: 3 fel, 0 varningar" in out
    assert cli("status", "--agreement", "--plans-dir", path.parent,
               today="2022-01-10").exit_code == 1


def test_a_milestone_asking_less_than_the_one_before_is_an_error(cli, tmp_path):
    lines, out = validate_est_milestones(cli, tmp_path, "{by: 2021-12-31, min: 2}",
                                         "{by: 2022-06-30, min: 2}", "{by: 2022-12-31, min: 1}")
    path = tmp_path / "plans" / "agreement.yaml"
    assert (f"{path}:{place(lines, '2022-12-31, min: 1', 'min')}: error: delmålet kräver 1, "
            "färre än delmålet 2022-06-30 före det (2); ett senare delmål kräver minst lika "
            "många") in out
    assert "1 fil kontrollerad: 1 fel, 0 varningar" in out  # an equal one is allowed


def test_well_formed_milestones_validate(cli, tmp_path):
    _, out = validate_est_milestones(cli, tmp_path, "{by: 2021-12-31, min: 1}",
                                     "{by: 2023-12-31, min: 3}")
    assert "1 fil kontrollerad: inga fel, 0 varningar" in out
