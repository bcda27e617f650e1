"""`samverkan status`: the compliance table, its formats, filters and languages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from samverkan.followup.compliance import compute
from samverkan.followup.render import print_rich, render_plain
from samverkan.plan.reader import load_plan

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


def log_some(cli, plans):
    for args in (
        ["trygghetsvandringar", "--date", "2021-03-18", "--tag", "centrum"],
        ["trygghetsvandringar", "--date", "2021-04-02"],
        ["trygghetsvandringar", "--date", "2021-05-20"],
        ["ansvarsfull-alkoholservering", "--date", "2021-02-05", "--place", "Krogen"],
        ["ansvarsfull-alkoholservering", "--date", "2021-02-12", "--place", "krogen "],
        ["nykter-student", "--date", "2021-06-11"],
        ["andt-foraldramoten", "--date", "2021-03-02", "--count", "3"],
        ["trafik-torget", "--date", "2021-05-03"],
        ["trafik-torget", "--date", "2021-05-07"],
    ):
        assert cli("log", *args, "--plans-dir", plans, today="2021-06-30").exit_code == 0


def test_json_has_the_contract_shape(cli, plans):
    log_some(cli, plans)
    result = cli("status", "--plans-dir", plans, "--format", "json", "--as-of", "2021-06-30")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"plan", "year", "as_of", "pledges", "goals", "summary"}
    assert (data["year"], data["as_of"]) == (2021, "2021-06-30")
    by_id = {p["id"]: p for p in data["pledges"]}
    assert len(by_id) == 13
    walks = by_id["trygghetsvandringar"]
    assert {k: walks[k] for k in ("focus_area", "owner", "unit", "counting", "target", "done",
                                   "expected", "due", "status")} == {
        "focus_area": "tryggare-centrum", "owner": "gemensamt", "unit": "vandringar",
        "counting": "sum", "target": 5, "done": 3, "expected": 2, "due": "2021-12-31",
        "status": "on_track"}
    assert walks["requirements"] == [{"tag": "centrum", "target": 1, "done": 1, "met": True}]
    assert by_id["ansvarsfull-alkoholservering"]["done"] == 1        # one distinct venue
    assert by_id["nykter-student"]["status"] == "met"
    assert by_id["andt-foraldramoten"] == {**by_id["andt-foraldramoten"], "status": "untracked",
                                           "target": None, "expected": None, "done": 3}
    assert by_id["trafik-torget"]["done"] == 1                       # both in ISO week 18
    assert sum(data["summary"].values()) == 13
    assert data["summary"]["untracked"] == 2
    goal = next(g for g in data["goals"] if g["id"] == "alkohol-ak9")
    assert goal["baseline"]["value"] == 20.0 and goal["latest"] is None
    assert goal["status"] == "no_data"
    ranged = next(g for g in data["goals"] if g["id"] == "narkotika-ak9")
    assert (ranged["baseline"]["low"], ranged["baseline"]["high"]) == (3.0, 4.0)


def test_as_of_only_counts_activities_up_to_that_day(cli, plans):
    log_some(cli, plans)
    data = json.loads(cli("status", "--plans-dir", plans, "--format", "json",
                          "--as-of", "2021-04-01").stdout)
    walks = next(p for p in data["pledges"] if p["id"] == "trygghetsvandringar")
    assert (walks["done"], walks["expected"], walks["status"]) == (1, 1, "on_track")


def test_without_year_status_uses_the_plan_of_today(cli, plans):
    result = cli("status", "--plans-dir", plans, "--format", "json", today="2022-03-01")
    assert json.loads(result.stdout)["year"] == 2022


def test_no_plan_for_this_year_says_which_exist(cli, plans):
    result = cli("status", "--plans-dir", plans, today="2026-11-25")
    assert result.exit_code == 2
    assert "ingen plan för 2026" in result.stderr
    assert "2021, 2022" in result.stderr and "--year" in result.stderr
    assert "Traceback" not in result.output


def test_no_plans_folder_says_how_to_start(cli, tmp_path):
    result = cli("status", "--plans-dir", tmp_path / "saknas")
    assert result.exit_code == 2
    assert "inga planer" in result.stderr and "--plans-dir" in result.stderr


def test_filters_by_owner_and_focus_area(cli, plans):
    police = json.loads(cli("status", "--plans-dir", plans, "--format", "json",
                            "--owner", "polis").stdout)
    assert police["pledges"] and {p["owner"] for p in police["pledges"]} == {"polis"}
    assert sum(police["summary"].values()) == len(police["pledges"])
    centre = json.loads(cli("status", "--plans-dir", plans, "--format", "json",
                            "--focus-area", "tryggare-centrum").stdout)
    assert {p["focus_area"] for p in centre["pledges"]} == {"tryggare-centrum"}
    assert {g["focus_area"] for g in centre["goals"]} == {"tryggare-centrum"}


@pytest.mark.parametrize("args, message", [
    (["--owner", "polisen"], "--owner"),
    (["--focus-area", "centrum"], "tryggare-centrum"),
    (["--as-of", "30/6"], "--as-of"),
    (["--plan", "x.yaml", "--year", "2021"], "inte båda"),
])
def test_bad_options_are_one_line_refusals(cli, plans, args, message):
    result = cli("status", "--plans-dir", plans, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_csv_has_one_row_per_pledge(cli, plans):
    log_some(cli, plans)
    result = cli("status", "--plans-dir", plans, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 13
    walks = next(r for r in rows if r["id"] == "trygghetsvandringar")
    assert (walks["done"], walks["target"], walks["status"]) == ("3", "5", "on_track")
    assert walks["requirements"] == "centrum 1/1"


def test_markdown_has_both_tables(cli, plans):
    result = cli("status", "--plans-dir", plans, "--format", "markdown")
    assert "| Löfte | Ansvar | Utfört |" in result.stdout
    assert "### Mål" in result.stdout and "| Mål | Riktning | Utgångsläge |" in result.stdout
    assert "2020: 3–4" in result.stdout and "2020: 20" in result.stdout


def test_english_with_lang_en(cli, plans):
    result = cli("status", "--plans-dir", plans, "--lang", "en")
    assert "Pledge" in result.stdout and "Summary:" in result.stdout
    assert "behind" in result.stdout and "Löfte" not in result.stdout


def test_piped_output_is_plain_text(cli, plans):
    result = cli("status", "--plans-dir", plans)
    assert result.exit_code == 0
    assert not set("│┃━─┏") & set(result.stdout)
    assert "\x1b[" not in result.stdout


def test_plain_table_matches_golden(cli, plans):
    log_some(cli, plans)
    loaded = load_plan(plans / "2021.yaml")
    text = render_plain(compute(loaded.plan, dt.date(2021, 6, 30)), "plans/2021.yaml", "sv",
                        100)  # as piped
    assert text == (GOLDEN / "status_2021-06-30.txt").read_text(encoding="utf-8")


def test_rich_table_matches_golden_at_fixed_width(cli, plans):
    log_some(cli, plans)
    loaded = load_plan(plans / "2021.yaml")
    console = Console(file=io.StringIO(), width=80, color_system=None, force_terminal=False,
                      legacy_windows=False)
    print_rich(compute(loaded.plan, dt.date(2021, 6, 30)), "plans/2021.yaml", "sv", console)
    assert console.file.getvalue() == (GOLDEN / "status_2021-06-30_rich.txt").read_text(
        encoding="utf-8")


def test_fail_on_sets_the_exit_code(cli, plans):
    assert cli("status", "--plans-dir", plans, "--as-of", "2021-06-30").exit_code == 0
    assert cli("status", "--plans-dir", plans, "--as-of", "2021-06-30",
               "--fail-on", "behind").exit_code == 1
    assert cli("status", "--plans-dir", plans, "--as-of", "2021-06-30",
               "--fail-on", "missed").exit_code == 0
    # Nykter student is due 30 June: behind on the day, missed the day after.
    assert cli("status", "--plans-dir", plans, "--as-of", "2021-07-01",
               "--fail-on", "missed").exit_code == 1


def test_a_file_as_plans_dir_points_to_plan(cli, plans):
    for command in (["status"], ["log", "ungdomsfester"], ["report", "--year", "2021"]):
        result = cli(*command, "--plans-dir", plans / "2021.yaml")
        assert result.exit_code == 2, result.output
        assert "är en fil, inte en mapp" in result.stderr
        assert f"--plan {plans / '2021.yaml'}" in result.stderr
