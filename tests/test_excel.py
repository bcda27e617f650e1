"""Excel workbooks: `status --format xlsx --output FILE` and the activities writer, read back."""

from __future__ import annotations

import datetime as dt
import sys

import openpyxl  # in the `dev` extra through `samverkan[excel]`
import pytest

from samverkan.followup.compliance import compute
from samverkan.followup.excel import write_activities_xlsx, write_status_xlsx
from samverkan.plan.reader import load_plan_text

PLAN = """\
year: 2021
focus_areas:
  - id: tryggare-centrum
    title: Tryggare centrum
    goals:
      - id: flickor-otrygghet
        title: Minska flickors otrygghet
        indicator: Andel flickor otrygga, %
        direction: decrease
        baseline: {year: 2020, low: 3.0, high: 4.5}
        measurements: [{year: 2021, value: 2.5, date: 2021-05-20}]
pledges:
  - id: trygghetsvandringar
    title: Trygghetsvandringar
    focus_area: tryggare-centrum
    owner: gemensamt
    target: {min: 5, unit: vandringar, requirements: [{tag: centrum, min: 1}]}
  - id: lob-vittnesforhor
    title: Vittnesförhör LOB
    focus_area: tryggare-centrum
    owner: polis
    target: null
activities:
  - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum], by: polis,
     place: Stadsparken, note: Kvällsvandring med boende}
  - {id: b2c4, pledge: trygghetsvandringar, date: 2021-05-02, count: 2}
"""


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def by_header(sheet) -> list[dict]:
    header, *body = rows(sheet)
    return [dict(zip(header, row)) for row in body]


def test_status_xlsx_from_the_cli(plans, tmp_path, cli):
    target = tmp_path / "lagesbild.xlsx"
    result = cli("status", "--plans-dir", plans, "--year", "2021", "--format", "xlsx",
                 "--output", target, today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert str(target) in result.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Löften", "Mål", "Om"]
    pledges = book["Löften"]
    assert pledges.freeze_panes == "A2"
    header = rows(pledges)[0]
    assert header[:4] == ("Id", "Löfte", "Fokusområde", "Ansvar")
    assert {"Mål", "Utfört", "Förväntat", "Senast", "Status"} <= set(header)
    table = {row["Id"]: row for row in by_header(pledges)}
    assert len(table) == 13
    walks = table["trygghetsvandringar"]
    assert (walks["Mål"], walks["Utfört"], walks["Förväntat"]) == (5, 0, 2)
    assert walks["Status"] == "efter"
    assert walks["Senast"].date() == dt.date(2021, 12, 31)
    assert table["nykter-student"]["Senast"].date() == dt.date(2021, 6, 30)
    assert table["lob-vittnesforhor"]["Mål"] is None  # untracked: an empty cell, not "–"


def test_status_xlsx_has_numbers_and_dates_as_cells(tmp_path):
    loaded = load_plan_text(PLAN)
    assert loaded.ok, loaded.problems
    target = tmp_path / "s.xlsx"
    write_status_xlsx(compute(loaded.plan, dt.date(2021, 6, 30)), target, "sv", "2021.yaml")
    book = openpyxl.load_workbook(target)
    sheet = book["Löften"]
    header = [c.value for c in sheet[1]]
    walk = {h: c for h, c in zip(header, sheet[2])}
    assert walk["Utfört"].data_type == "n" and walk["Utfört"].value == 3
    assert walk["Mål"].value == 5
    assert walk["Senast"].is_date and walk["Senast"].number_format == "yyyy-mm-dd"
    assert walk["Från"].value.date() == dt.date(2021, 1, 1)
    assert walk["Krav"].value == "centrum 1/1"
    assert all(cell.font.bold for cell in sheet[1])

    goals = by_header(book["Mål"])
    assert goals[0]["Utgångsvärde lägst"] == 3.0 and goals[0]["Utgångsvärde högst"] == 4.5
    assert goals[0]["Senaste värde"] == 2.5 and goals[0]["Senaste mätår"] == 2021
    assert goals[0]["Status"] == "förbättrat"
    about = dict(rows(book["Om"])[1:])
    assert about["Planfil"] == "2021.yaml"
    assert about["Läget per"].date() == dt.date(2021, 6, 30)
    for sheet in book:
        assert sheet.freeze_panes == "A2"


def test_status_xlsx_in_english(tmp_path):
    loaded = load_plan_text(PLAN)
    target = tmp_path / "s.xlsx"
    write_status_xlsx(compute(loaded.plan, dt.date(2021, 6, 30)), target, "en")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Pledges", "Goals", "About"]
    assert rows(book["Pledges"])[0][:2] == ("Id", "Pledge")


def test_activities_xlsx(tmp_path):
    plan = load_plan_text(PLAN).plan
    target = tmp_path / "aktiviteter.xlsx"
    titles = {p.id: p.title for p in plan.pledges}
    write_activities_xlsx(plan.activities, target, "sv", titles=titles)
    sheet = openpyxl.load_workbook(target)["Aktiviteter"]
    assert sheet.freeze_panes == "A2"
    first, second = by_header(sheet)
    assert rows(sheet)[0] == ("Id", "Datum", "Löfte (id)", "Löfte", "Antal", "Plats", "Taggar",
                              "Utförd av", "Anteckning")
    assert first["Datum"].date() == dt.date(2021, 3, 18)
    assert sheet["B2"].is_date
    assert first["Löfte"] == "Trygghetsvandringar"
    assert (first["Plats"], first["Taggar"], first["Utförd av"]) == ("Stadsparken", "centrum",
                                                                     "polis")
    assert second["Antal"] == 2 and second["Plats"] is None


def test_activities_xlsx_without_titles_and_empty(tmp_path):
    target = tmp_path / "tom.xlsx"
    write_activities_xlsx([], target, "en")
    sheet = openpyxl.load_workbook(target)["Activities"]
    assert rows(sheet) == [("Id", "Date", "Pledge (id)", "Count", "Place", "Tags", "By",
                            "Note")]


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "--output FIL.xlsx"),
    (["--format", "xlsx", "--output", "lage.csv"], "ska sluta på .xlsx"),
    (["--format", "csv", "--output", "plans/2021.yaml"], "ser ut som en planfil"),
    (["--format", "xlsx", "--output", "saknas/lage.xlsx"], "finns inte"),
])
def test_bad_output_is_refused_before_anything_is_written(args, message, plans, cli,
                                                           monkeypatch):
    monkeypatch.chdir(plans.parent)
    before = (plans / "2021.yaml").read_bytes()
    result = cli("status", "--year", "2021", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert (plans / "2021.yaml").read_bytes() == before
    assert sorted(p.name for p in plans.parent.iterdir()) == ["plans"]


def test_without_openpyxl_a_clear_message_and_exit_2(plans, tmp_path, cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    target = tmp_path / "lage.xlsx"
    result = cli("status", "--plans-dir", plans, "--year", "2021", "--format", "xlsx",
                 "--output", target)
    assert result.exit_code == 2
    assert "pip install 'samverkan[excel]'" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_text_formats_can_go_to_a_file(plans, tmp_path, cli):
    target = tmp_path / "lage.md"
    result = cli("status", "--plans-dir", plans, "--year", "2021", "--format", "markdown",
                 "--output", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("## Lägesbild 2021")
