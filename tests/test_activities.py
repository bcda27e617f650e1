"""The record: `samverkan activities` lists it, `samverkan remove` corrects it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from snapshot import PLANS

TWO_YEARS = [
    ("2021", ["trygghetsvandringar", "--date", "2021-03-18", "--tag", "centrum",
              "--note", "Kvällsvandring; torget", "--by", "polis"]),
    ("2021", ["grannsamverkan", "--date", "2021-05-02", "--place", "Morö Backe",
              "--tag", "flerbostadsomrade"]),
    ("2022", ["ungdomsfester", "--date", "2022-02-12", "--count", "2"]),
]


@pytest.fixture
def logged(cli, plans) -> dict[str, str]:
    """Three activities logged over two years; their ids by pledge."""
    ids = {}
    for _, args in TWO_YEARS:
        result = cli("log", *args, "--plans-dir", plans, today="2022-03-01")
        assert result.exit_code == 0, result.output
        ids[args[0]] = re.search(r"Sparat (\w+) i", result.output).group(1)
    return ids


def listing(cli, plans: Path, *args: str) -> list[dict]:
    result = cli("activities", "--plans-dir", plans, "--format", "json", *args, today="2022-03-01")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_activities_lists_every_plan_year_with_ids(cli, plans, logged):
    rows = listing(cli, plans)
    assert [r["id"] for r in rows] == [logged["trygghetsvandringar"], logged["grannsamverkan"],
                                       logged["ungdomsfester"]]
    assert rows[0] == {"id": logged["trygghetsvandringar"], "pledge": "trygghetsvandringar",
                       "date": "2021-03-18", "count": 1, "place": None, "tags": ["centrum"],
                       "by": "polis", "note": "Kvällsvandring; torget",
                       "plan": str(plans / "2021.yaml")}
    assert rows[2]["count"] == 2

    table = cli("activities", "--plans-dir", plans, today="2022-03-01").output
    assert table.splitlines()[0].split()[:4] == ["Id", "Datum", "Löfte", "Antal"]
    assert all(i in table for i in logged.values())


def test_activities_filters(cli, plans, logged):
    assert [r["pledge"] for r in listing(cli, plans, "--year", "2022")] == ["ungdomsfester"]
    assert [r["pledge"] for r in listing(cli, plans, "--pledge", "grannsamverkan")] == [
        "grannsamverkan"]
    assert [r["date"] for r in listing(cli, plans, "--from", "2021-05-01", "--to", "2021-12-31")] \
        == ["2021-05-02"]
    assert [r["pledge"] for r in listing(cli, plans, "--tag", "centrum")] == ["trygghetsvandringar"]
    assert listing(cli, plans, "--tag", "nosuchtag") == []
    empty = cli("activities", "--plans-dir", plans, "--tag", "nosuchtag", today="2022-03-01")
    assert empty.output == "Inga aktiviteter registrerade som matchar.\n"


def test_activities_csv_opens_in_a_swedish_excel(cli, plans, logged):
    result = cli("activities", "--plans-dir", plans, "--format", "csv", "--delimiter", ";",
                 today="2022-03-01")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(
        b"\xef\xbb\xbfid;date;pledge;count;place;tags;by;note;plan")
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["note"] == "Kvällsvandring; torget"  # quoted, so the ; stays in the note
    assert rows[1]["place"] == "Morö Backe" and rows[1]["tags"] == "flerbostadsomrade"


def test_activities_markdown(cli, plans, logged):
    out = cli("activities", "--plans-dir", plans, "--format", "markdown", "--year", "2022",
              today="2022-03-01").output
    assert out.splitlines()[0].startswith("| Id | Datum | Löfte |")
    assert f"| {logged['ungdomsfester']} | 2022-02-12 | ungdomsfester | 2 |" in out


def test_activities_refuses_bad_filters(cli, plans, logged):
    typo = cli("activities", "--plans-dir", plans, "--pledge", "granssamverkan")
    assert typo.exit_code == 2 and "menade du 'grannsamverkan'?" in typo.output
    order = cli("activities", "--plans-dir", plans, "--from", "2022-01-01", "--to", "2021-01-01")
    assert order.exit_code == 2 and "ligger efter" in order.output
    delimiter = cli("activities", "--plans-dir", plans, "--format", "csv", "--delimiter", ";;")
    assert delimiter.exit_code == 2
    both = cli("activities", "--plans-dir", plans, "--plan", plans / "2021.yaml", "--year", "2021")
    assert both.exit_code == 2


def test_remove_deletes_exactly_that_activity(cli, plans, logged):
    path = plans / "2021.yaml"
    before = path.read_text(encoding="utf-8")
    walk = logged["trygghetsvandringar"]
    result = cli("remove", walk, "--plans-dir", plans, today="2022-03-01")
    assert result.exit_code == 0, result.output
    assert f"Tog bort {walk} (trygghetsvandringar 2021-03-18) ur {path}." in result.output
    after = path.read_text(encoding="utf-8")
    assert after == "".join(line for line in before.splitlines(keepends=True)
                            if f"id: {walk}," not in line)
    assert [r["id"] for r in listing(cli, plans)] == [logged["grannsamverkan"],
                                                      logged["ungdomsfester"]]


def test_removing_the_last_activity_leaves_an_empty_list(cli, plans, logged):
    result = cli("remove", logged["ungdomsfester"], "--year", "2022", "--plans-dir", plans,
                 today="2022-03-01")
    assert result.exit_code == 0
    assert (plans / "2022.yaml").read_text(encoding="utf-8") == (
        PLANS / "2022.yaml").read_text(encoding="utf-8")
    assert cli("validate", plans / "2022.yaml").exit_code == 0


def test_remove_refuses_an_unknown_id_and_changes_nothing(cli, plans, logged):
    before = {p.name: p.read_bytes() for p in plans.iterdir()}
    result = cli("remove", "zz99", "--plans-dir", plans)
    assert result.exit_code == 2
    assert "ingen aktivitet har id 'zz99'" in result.output
    elsewhere = cli("remove", logged["ungdomsfester"], "--year", "2021", "--plans-dir", plans)
    assert elsewhere.exit_code == 2
    assert {p.name: p.read_bytes() for p in plans.iterdir()} == before


def test_remove_refuses_an_id_found_in_two_plans(cli, plans):
    for year in ("2021", "2022"):
        path = plans / f"{year}.yaml"
        text = path.read_text(encoding="utf-8").replace(
            "activities: []",
            f"activities:\n  - {{id: a1b2, pledge: nosspanare, date: {year}-04-01}}")
        path.write_text(text, encoding="utf-8")
    result = cli("remove", "a1b2", "--plans-dir", plans)
    assert result.exit_code == 2 and "finns i flera planer" in result.output
    assert cli("remove", "a1b2", "--year", "2022", "--plans-dir", plans).exit_code == 0
    assert "a1b2" in (plans / "2021.yaml").read_text(encoding="utf-8")


def test_remove_keeps_hand_written_layout_around_it(cli, write_plan):
    path = write_plan("""
        year: 2021
        focus_areas: [{id: centrum, title: Centrum}]
        pledges:
          - {id: nosspanare, title: Nosspanare, focus_area: centrum, owner: polis, target: null}
        activities:
          # inskrivna för hand
          - id: b1
            pledge: nosspanare
            date: 2021-02-01   # första
          -
            id: b2
            pledge: nosspanare
            date: 2021-03-01
          - {id: b3, pledge: nosspanare, date: 2021-04-01,
             note: två rader}
        # slut
    """)
    assert cli("remove", "b2", "--plan", path).exit_code == 0
    assert cli("remove", "b3", "--plan", path).exit_code == 0
    assert path.read_text(encoding="utf-8").endswith(
        "activities:\n"
        "  # inskrivna för hand\n"
        "  - id: b1\n"
        "    pledge: nosspanare\n"
        "    date: 2021-02-01   # första\n"
        "# slut\n")


def test_activities_to_a_file_for_excel(cli, plans, logged, tmp_path):
    import openpyxl

    book = tmp_path / "aktiviteter.xlsx"
    result = cli("activities", "--plans-dir", plans, "--format", "xlsx", "--output", book,
                 today="2022-03-01")
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [logged["trygghetsvandringar"], logged["grannsamverkan"],
                                        logged["ungdomsfester"]]
    assert "Trygghetsvandringar" in rows[1]  # the pledge's title beside its id

    text = tmp_path / "aktiviteter.csv"
    assert cli("activities", "--plans-dir", plans, "--format", "csv", "--delimiter", ";",
               "--output", text, today="2022-03-01").exit_code == 0
    assert text.read_bytes().startswith(b"\xef\xbb\xbfid;date;pledge;")

    refused = cli("activities", "--plans-dir", plans, "--format", "xlsx")
    assert refused.exit_code == 2 and "--output" in refused.output
    plan_name = cli("activities", "--plans-dir", plans, "--output", plans / "2021.yaml")
    assert plan_name.exit_code == 2
