"""Analys, insatser, uppföljning and `samverkan est status`: the rest of the EST cycle."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from samverkan.est.files import KIND_WORK, load_est_bytes


def work(est: Path):
    path = est / "insatser.yaml"
    loaded = load_est_bytes(path.read_bytes(), path, KIND_WORK)
    assert loaded.ok, [p.format() for p in loaded.problems]
    return loaded.plan


def report(cli, est, category, week, count, today="2021-06-30"):
    result = cli("est", "rapport", "centrum", category, "--week", week, "--count", str(count),
                 "--est-dir", est, today=today)
    assert result.exit_code == 0, result.output


def test_the_whole_cycle(cli, est):
    # Kartläggning: klotter rises in March.
    for week, count in (("2021-W07", 1), ("2021-W08", 1), ("2021-W09", 3), ("2021-W10", 4)):
        report(cli, est, "klotter", week, count)
    # Analys.
    result = cli("est", "analys", "centrum", "--period", "2021-03", "--category", "klotter",
                 "--text", "Klotter vid busskuren kvällstid; mörkt sedan belysningen gick sönder",
                 "--est-dir", est, today="2021-03-15")
    assert result.exit_code == 0, result.output
    [analysis] = work(est).analyses
    assert (analysis.area, analysis.period, analysis.date.isoformat(), analysis.categories) == (
        "centrum", "2021-03", "2021-03-15", ("klotter",))
    # Insats.
    result = cli("est", "insats", "centrum", "--title", "Ny belysning vid busskuren",
                 "--partner", "Skellefteå kommun", "--partner", "Skellefteå Buss",
                 "--start", "2021-03-15", "--end", "2021-05-31", "--category", "klotter",
                 "--category", "otrygg-plats", "--est-dir", est, today="2021-03-15")
    assert result.exit_code == 0, result.output
    assert f"Sparat ny-belysning-vid-busskuren i {est / 'insatser.yaml'}." in result.stdout
    [measure] = work(est).measures
    assert (measure.partners, measure.start.isoformat(), measure.end.isoformat(),
            measure.categories) == (("Skellefteå kommun", "Skellefteå Buss"), "2021-03-15",
                                    "2021-05-31", ("klotter", "otrygg-plats"))
    for week, count in (("2021-W11", 2), ("2021-W12", 1), ("2021-W13", 0)):
        report(cli, est, "klotter", week, count)

    # Status before any follow-up: started, open, without follow-up.
    result = cli("est", "status", "--format", "json", "--est-dir", est, today="2021-04-07")
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    [m] = status["measures"]
    # Whole weeks since the start: W11–W13 (3 weeks); the 3 weeks before: W08–W10.
    assert (m["state"], m["weeks"], m["before"], m["after"]) == ("ongoing", 3, 8, 3)
    assert status["open"] == status["without_follow_up"] == ["ny-belysning-vid-busskuren"]

    # Uppföljning.
    result = cli("est", "uppfoljning", "ny-belysning", "--assessment", "delvis",
                 "--text", "Belysningen är uppsatt; klottret har minskat", "--est-dir", est,
                 today="2021-04-07")
    assert result.exit_code == 2
    assert "okänd insats 'ny-belysning'; menade du 'ny-belysning-vid-busskuren'?" in result.stderr
    result = cli("est", "uppfoljning", "ny-belysning-vid-busskuren", "--assessment", "delvis",
                 "--text", "Belysningen är uppsatt; klottret har minskat", "--est-dir", est,
                 today="2021-04-07")
    assert result.exit_code == 0, result.output
    [follow_up] = work(est).follow_ups
    assert (follow_up.measure, follow_up.assessment, follow_up.date.isoformat()) == (
        "ny-belysning-vid-busskuren", "delvis", "2021-04-07")

    result = cli("est", "status", "--est-dir", est, "--wide", today="2021-06-30")
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[0] == "EST-status per 2021-06-30"
    row = next(line for line in lines if line.startswith("ny-belysning-vid-busskuren"))
    # Ended Monday 31 May (W22): the window is W11–W22 (12 weeks), against 2020-W51–2021-W10.
    assert row == ("ny-belysning-vid-busskuren Centrum Ny belysning vid busskuren "
                   "2021-03-15 – 2021-05-31 klotter, otrygg-plats avslutad 12 9 3 "
                   "delvis effekt (2021-04-07)")
    assert "Öppna insatser: 0 (–)" in lines
    assert "Startade insatser utan uppföljning: 0 (–)" in lines
    assert ("EST i gång 2021 (rapporter minst 26 veckor): 0 av 1 områden. "
            "Centrum 7/26 veckor (inte än)") in lines


def test_measure_ids_are_unique_and_may_be_chosen(cli, est):
    for _ in range(2):
        result = cli("est", "insats", "centrum", "--title", "Städning av torget",
                     "--category", "nedskrapning", "--est-dir", est, today="2021-04-01")
        assert result.exit_code == 0, result.output
    result = cli("est", "insats", "centrum", "--title", "Belysning", "--id", "ljus",
                 "--start", "2021-05-01", "--category", "otrygg-plats", "--est-dir", est,
                 today="2021-04-01")
    assert result.exit_code == 0, result.output
    assert [(m.id, m.start.isoformat()) for m in work(est).measures] == [
        ("stadning-av-torget", "2021-04-01"), ("stadning-av-torget-2", "2021-04-01"),
        ("ljus", "2021-05-01")]
    result = cli("est", "status", "--format", "json", "--est-dir", est, today="2021-04-20")
    status = json.loads(result.stdout)
    assert [(m["id"], m["state"], m["before"]) for m in status["measures"]] == [
        ("stadning-av-torget", "ongoing", 0), ("stadning-av-torget-2", "ongoing", 0),
        ("ljus", "planned", None)]
    assert status["without_follow_up"] == ["stadning-av-torget", "stadning-av-torget-2"]
    result = cli("est", "insats", "centrum", "--title", "Igen", "--id", "ljus",
                 "--category", "klotter", "--est-dir", est, today="2021-04-01")
    assert result.exit_code == 2
    assert "insatsen 'ljus' finns redan" in result.stderr


def test_comments_in_the_work_file_survive(cli, est):
    path = est / "insatser.yaml"
    before = path.read_text(encoding="utf-8")
    result = cli("est", "analys", "centrum", "--period", "2021Q1", "--text", "Orsaker: x",
                 "--est-dir", est, today="2021-04-01")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in before.splitlines() if line not in after] == ["analyses: []"]
    assert after.index("analyses:") + 1 == next(i for i, x in enumerate(after) if "Orsaker" in x)


@pytest.mark.parametrize("args, message", [
    (["analys", "centrum", "--period", "2021-Q5", "--text", "x"], "ogiltig period '2021-Q5'"),
    (["analys", "centrum", "--period", "2021-06", "--text", "x"],
     "perioden 2021-06 har inte börjat än"),
    (["analys", "centrum", "--period", "2021-03", "--text", "  "], "--text får inte vara tom"),
    (["analys", "centrm", "--period", "2021-03", "--text", "x"], "menade du 'centrum'?"),
    (["analys", "centrum", "--period", "2021-03", "--text", "Ärende 811218-9876"],
     "--text innehåller ett personnummer"),
    (["insats", "centrum", "--title", "Belysning"], "ange minst en kategori"),
    (["insats", "centrum", "--title", "Belysning", "--category", "ljus"],
     "okänd kategori 'ljus'"),
    (["insats", "centrum", "--title", "B", "--category", "klotter", "--start", "2021-05-01",
      "--end", "2021-04-01"], "slutdagen 2021-04-01 ligger före startdagen 2021-05-01"),
    (["insats", "centrum", "--title", "B", "--category", "klotter", "--partner",
      "Kontakt 19811218-9876"], "--partner innehåller ett personnummer"),
    (["insats", "centrum", "--title", "B", "--category", "klotter", "--id", "Stor Bokstav"],
     "taggen 'Stor Bokstav' ska bestå av små bokstäver"),
    (["uppfoljning", "finns-inte", "--assessment", "god"], "okänd insats 'finns-inte'"),
    (["uppfoljning", "x", "--assessment", "bra"],
     "--assessment ska vara god, delvis, ingen eller oklar (fick 'bra')"),
    (["status", "--as-of", "igår"], "ogiltigt datum för --as-of 'igår'"),
])
def test_refusals_exit_2_and_write_nothing(cli, est, args, message):
    before = {p.name: p.read_bytes() for p in est.iterdir()}
    result = cli("est", *args, "--est-dir", est, today="2021-04-01")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert {p.name: p.read_bytes() for p in est.iterdir()} == before


def test_status_without_measures(cli, est):
    result = cli("est", "status", "--format", "markdown", "--est-dir", est, today="2021-04-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == ["## EST-status per 2021-04-01", "",
                                              "Inga insatser registrerade."]


def test_an_area_runs_est_with_reports_in_enough_weeks(est, cli):
    from samverkan.est.service import load_running

    path = est / "omraden.yaml"
    text = path.read_text(encoding="utf-8").replace("min_report_weeks: 26", "min_report_weeks: 3")
    text = text.replace("categories:\n", "  - {id: moron, name: Morön}\n\ncategories:\n", 1)
    path.write_text(text, encoding="utf-8")
    for week in ("2020-W53", "2021-W01", "2021-W02"):  # 2020-W53 is a week of 2020
        report(cli, est, "klotter", week, 0)             # "checked, nothing seen" is a report
    report(cli, est, "klotter", "2021-W02", 2)           # a second report in the same week
    running = load_running(est, 2021)
    assert [(a.area.id, a.weeks, a.running) for a in running.areas] == [
        ("centrum", 2, False), ("moron", 0, False)]
    report(cli, est, "skadegorelse", "2021-W05", 1)
    running = load_running(est, 2021)
    assert (running.done, running.min_weeks) == (1, 3)
    assert load_running(est, 2021, as_of=dt.date(2021, 1, 31)).done == 0
    assert load_running(est.parent / "nowhere", 2021) is None


def test_the_agreement_goal_counts_each_area_that_has_run_est_once(est, cli):
    from samverkan.est.service import load_implemented

    path = est / "omraden.yaml"
    text = path.read_text(encoding="utf-8").replace("min_report_weeks: 26", "min_report_weeks: 2")
    path.write_text(text.replace("categories:\n", "  - {id: moron, name: Morön}\n\ncategories:\n",
                                 1), encoding="utf-8")
    for week in ("2021-W50", "2021-W51", "2022-W01", "2022-W02"):
        report(cli, est, "klotter", week, 1, today="2022-06-30")
    assert load_implemented(est, dt.date(2021, 12, 14)) == 0  # W51 had not begun
    assert load_implemented(est, dt.date(2021, 12, 20)) == 1
    assert load_implemented(est, dt.date(2022, 6, 30)) == 1   # centrum counts once
    result = cli("est", "status", "--format", "json", "--est-dir", est, today="2022-01-03")
    status = json.loads(result.stdout)
    # In January 2022 centrum has not yet run EST this year, but it did in 2021.
    assert (status["running"]["done"], status["implemented"]) == (0, ["centrum"])
    assert load_implemented(est.parent / "nowhere", dt.date(2022, 1, 1)) is None


def test_status_agreement_counts_the_areas_that_have_run_est(cli, plans, est):
    def est_goal(today: str) -> dict:
        result = cli("status", "--agreement", "--format", "json", "--plans-dir", plans,
                     today=today)
        assert result.exit_code == 0, result.output
        return next(g for g in json.loads(result.stdout)["goals"] if g["id"] == "est-omraden")

    # A fresh clone: est/ is there, nobody has reported yet — 0 areas, not "no data".
    assert (est_goal("2022-03-01")["done"], est_goal("2022-03-01")["status"]) == (0, "on_track")
    path = est / "omraden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("min_report_weeks: 26",
                                                             "min_report_weeks: 2"),
                    encoding="utf-8")
    for week in ("2021-W10", "2021-W11"):
        report(cli, est, "klotter", week, 0)
    goal = est_goal("2022-03-01")
    assert (goal["target"], goal["done"]) == (3, 1)
    assert est_goal("2021-03-14")["done"] == 0  # W11 had not begun
    result = cli("status", "--agreement", "--plans-dir", plans, today="2022-03-01")
    row = next(line for line in result.stdout.splitlines() if line.startswith("Implementera EST"))
    assert row.split()[-6:] == ["3", "områden", "1", "0", "i", "fas"]


def test_weeks_before_an_areas_start_date_do_not_count_towards_running_est(est, cli):
    from samverkan.est.service import load_running

    path = est / "omraden.yaml"
    text = path.read_text(encoding="utf-8").replace("min_report_weeks: 26", "min_report_weeks: 2")
    path.write_text(text.replace("    start_year: 2021\n",
                                 "    start_year: 2021\n    start: 2021-01-13\n"), encoding="utf-8")
    for week in ("2021-W01", "2021-W02"):  # W02 holds 13 January: the first week counted
        report(cli, est, "klotter", week, 0)
    [centrum] = load_running(est, 2021).areas
    assert (centrum.weeks, centrum.running) == (1, False)
    report(cli, est, "klotter", "2021-W03", 0)
    [centrum] = load_running(est, 2021).areas
    assert (centrum.weeks, centrum.running) == (2, True)
