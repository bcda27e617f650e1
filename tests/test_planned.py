"""Planned occasions of a pledge (`planned:`): the next one and the missed ones in `status`,
the occasion's name after `log`, planned against done in the report, and the checks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from pathlib import Path

import pytest

OCCASIONS = [("2021-06-10", "Studenten"), ("2021-07-02", "Trästockfestivalen"),
             ("2021-08-20", "Stadsfesten"), ("2021-09-11", "Skördefesten")]
DONE = ["2021-06-10", "2021-08-21"]  # the second is the day after Stadsfesten


def plan_text(occasions=OCCASIONS, done=DONE, target: str = "{min: 10, unit: kvällar}") -> str:
    planned = "".join(f"      - {{date: {d}, name: {n}}}\n" for d, n in occasions)
    logged = "".join(f"  - {{id: a{i}, pledge: riskkvallar, date: {d}}}\n"
                     for i, d in enumerate(done))
    return textwrap.dedent("""\
        year: 2021
        focus_areas:
          - id: andt-unga
            title: ANDT unga
        pledges:
          - id: riskkvallar
            title: Uppsökande arbete på riskkvällar
            focus_area: andt-unga
            owner: gemensamt
            target: {target}
            planned:
        """).format(target=target) + planned + ("activities:\n" + logged if logged
                                                 else "activities: []\n")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "2021.yaml"
    path.write_text(plan_text(), encoding="utf-8")
    return path


def expected(as_of: str, occasions=OCCASIONS, done=DONE) -> tuple[tuple | None, list[tuple]]:
    """The next occasion on `as_of` and the missed ones, worked out from the dates."""
    day = dt.date.fromisoformat(as_of)
    done_days = {dt.date.fromisoformat(d) for d in done if dt.date.fromisoformat(d) <= day}
    coming = [(d, n) for d, n in occasions
              if dt.date.fromisoformat(d) >= day and dt.date.fromisoformat(d) not in done_days]
    missed = [(d, n) for d, n in occasions
              if dt.date.fromisoformat(d) < day and dt.date.fromisoformat(d) not in done_days]
    return (coming[0] if coming else None), missed


@pytest.mark.parametrize("as_of", ["2021-06-01", "2021-07-02", "2021-07-03", "2021-08-25",
                                   "2021-12-31"])
def test_json_gives_the_next_occasion_and_each_state(cli, plan, as_of):
    result = cli("status", "--plan", plan, "--as-of", as_of, "--format", "json", today="2021-12-31")
    assert result.exit_code == 0, result.output
    pledge = json.loads(result.output)["pledges"][0]
    following, missed = expected(as_of)
    assert pledge["next_planned"] == (None if following is None
                                      else {"date": following[0], "name": following[1]})
    assert [(o["date"], o["name"]) for o in pledge["planned"] if o["state"] == "not_done"] == missed
    states = {o["date"]: o["state"] for o in pledge["planned"]}
    assert states["2021-06-10"] == ("done" if as_of >= "2021-06-10" else "coming")
    # An activity the day after an occasion does not make that occasion done.
    assert states["2021-08-20"] != "done"
    # The contract's keys stay as they were.
    assert {"id", "target", "done", "expected", "due", "status", "requirements", "needed",
            "next_due"} <= set(pledge)


def test_the_day_itself_is_not_over(cli, plan):
    """On the occasion's own day it is the next one, not missed (the day is not over)."""
    pledge = json.loads(cli("status", "--plan", plan, "--as-of", "2021-07-02", "--format", "json",
                            today="2021-12-31").output)["pledges"][0]
    assert pledge["next_planned"] == {"date": "2021-07-02", "name": "Trästockfestivalen"}
    assert "not_done" not in {o["state"] for o in pledge["planned"]}


def test_the_table_shows_the_next_and_the_missed_occasions(cli, plan):
    as_of = "2021-08-25"
    following, missed = expected(as_of)
    out = cli("status", "--plan", plan, "--as-of", as_of, "--wide", today="2021-12-31").output
    lines = out.splitlines()
    start = lines.index("Planerade tillfällen")
    line = lines[start + 2]
    assert line.startswith("- Uppsökande arbete på riskkvällar: ")
    assert f"nästa {following[0]} {following[1]}" in line
    for date, name in missed:
        assert f"ej genomförd {date} {name}" in line
    assert "Studenten" not in line  # done on its day


def test_markdown_and_csv_show_them_too(cli, plan):
    as_of = "2021-08-25"
    following, missed = expected(as_of)
    md = cli("status", "--plan", plan, "--as-of", as_of, "--format", "markdown",
             today="2021-12-31").output
    assert "### Planerade tillfällen" in md
    assert f"ej genomförd {missed[0][0]} {missed[0][1]}" in md
    text = cli("status", "--plan", plan, "--as-of", as_of, "--format", "csv",
               today="2021-12-31").output
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    # the columns scripts read stay where they were; the new ones come last
    assert rows[0][:15] == ["id", "title", "focus_area", "owner", "unit", "counting", "target",
                            "done", "expected", "due", "status", "requirements", "needed",
                            "next_due", "status_text"]
    row = dict(zip(rows[0], rows[1]))
    assert row["next_planned"] == f"{following[0]} {following[1]}"
    assert row["not_done"] == ", ".join(f"{d} {n}" for d, n in missed)


def test_after_the_last_occasion_none_is_left(cli, plan):
    out = cli("status", "--plan", plan, "--as-of", "2021-12-31", today="2021-12-31").output
    assert "inga fler planerade" in out
    en = cli("status", "--plan", plan, "--as-of", "2021-12-31", "--lang", "en",
             today="2021-12-31").output
    assert "Planned occasions" in en and "not done 2021-07-02 Trästockfestivalen" in en


def test_a_plan_without_planned_dates_has_no_such_block(cli, write_plan):
    path = write_plan(plan_text(occasions=[], done=[]).replace("    planned:\n", ""))
    result = cli("status", "--plan", path, today="2021-07-15")
    assert result.exit_code == 0, result.output
    assert "Planerade tillfällen" not in result.output
    pledge = json.loads(cli("status", "--plan", path, "--format", "json",
                            today="2021-07-15").output)["pledges"][0]
    assert pledge["planned"] == [] and pledge["next_planned"] is None


def test_log_on_a_planned_date_names_the_occasion(cli, plan):
    result = cli("log", "riskkvallar", "--date", "2021-07-02", "--plan", plan,
                 today="2021-07-03")
    assert result.exit_code == 0, result.output
    assert "Planerat tillfälle: Trästockfestivalen (2021-07-02)." in result.output
    other = cli("log", "riskkvallar", "--date", "2021-07-01", "--plan", plan, today="2021-07-03")
    assert other.exit_code == 0 and "Planerat tillfälle" not in other.output
    # and the occasion is done now
    pledge = json.loads(cli("status", "--plan", plan, "--format", "json",
                            today="2021-07-03").output)["pledges"][0]
    assert {o["date"]: o["state"] for o in pledge["planned"]}["2021-07-02"] == "done"


def test_the_report_lists_planned_against_done(cli, plan):
    as_of = "2021-08-25"
    result = cli("report", "--plan", plan, "--as-of", as_of, "--format", "markdown",
                 today="2021-12-31")
    assert result.exit_code == 0, result.output
    passed = [d for d, _ in OCCASIONS if d < as_of]
    done = [d for d in passed if d in DONE]
    assert (f"Planerade tillfällen: {len(done)} av {len(passed)} som har passerat genomfördes; "
            f"{len(OCCASIONS) - len(passed)} återstår") in result.output
    assert "10 juni 2021 Studenten: genomförd" in result.output
    assert "2 juli 2021 Trästockfestivalen: ej genomförd" in result.output
    assert "11 september 2021 Skördefesten: planerad" in result.output
    html = cli("report", "--plan", plan, "--as-of", as_of, "--format", "html",
               today="2021-12-31").output
    assert '<ul class="occasions">' in html and "Trästockfestivalen: ej genomförd" in html


def problems(cli, path: Path) -> list[tuple[int, int, str, str]]:
    result = cli("validate", path)
    found = []
    for line in result.output.splitlines():
        if line.startswith(str(path)):
            where, severity, message = line[len(str(path)) + 1:].split(": ", 2)
            row, col = where.split(":")
            found.append((int(row), int(col), severity, message))
    return found


def test_validate_checks_dates_names_and_duplicates_at_their_lines(cli, write_plan):
    text = plan_text(occasions=[("2021-06-10", "Studenten"), ("2022-01-05", "Trettondagen"),
                                ("2021-06-10", "Studenten igen")], done=[],
                     target="{min: 10, unit: kvällar, due: 2021-06-30}")
    text = text.replace("planned:\n", "planned:\n      - {date: 2021-07-02, name: Trästock}\n"
                        "      - {date: 2021-05-01}\n")
    path = write_plan(text)
    lines = path.read_text(encoding="utf-8").splitlines()

    def at(fragment: str) -> tuple[int, int]:
        row = next(i for i, line in enumerate(lines) if fragment in line)
        return row + 1, lines[row].index("date: ") + 7

    found = problems(cli, path)
    assert at("Trästock") + ("error",) == found[0][:3]
    assert "2021-07-02 ligger utanför löftets period 2021-01-01 – 2021-06-30" in found[0][3]
    assert (at("2021-05-01")[0], "error", "nyckeln 'name' saknas") in [
        (r, s, m) for r, _, s, m in found]
    assert (*at("Trettondagen"), "error", "datumet 2022-01-05 ligger utanför planåret 2021") in found
    duplicate = at("Studenten igen")
    assert (*duplicate, "warning",
            (f"datumet 2021-06-10 är redan planerat (rad {at('Studenten}')[0]}); "
             "ett tillfälle per datum")) in found
    assert cli("validate", path).exit_code == 1


def test_an_identity_number_in_a_name_is_refused(cli, write_plan):
    path = write_plan(plan_text(occasions=[("2021-06-10", "Studenten 811218-9876")], done=[]))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "personnummer" in result.output and f"{path}:12:" in result.output
    assert cli("status", "--plan", path, today="2021-07-01").exit_code == 1


def test_a_new_year_starts_without_last_years_dates(cli, plan):
    result = cli("init", "2022", "--plans-dir", plan.parent, today="2021-12-01")
    assert result.exit_code == 0, result.output
    text = (plan.parent / "2022.yaml").read_text(encoding="utf-8")
    assert "planned" not in text and "Studenten" not in text
    assert cli("validate", plan.parent / "2022.yaml").exit_code == 0
