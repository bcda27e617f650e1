"""EST as of a day, and the same period last year (issue 19, items 1–5).

Every expected figure is computed here from the test's own list of reports with the
standard library's ISO calendar, not copied from the tool's output.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

AREAS = """
kind: est-omraden
language: sv
min_report_weeks: 26
areas:
  - id: centrum
    name: Centrum
    start_year: 2020
  - id: moron
    name: Morön
    start_year: 2021
categories:
  - {id: klotter, title: Klotter}
  - {id: skadegorelse, title: Skadegörelse}
"""

# (area, category, day, count): written with `date:` (so each counts from its day).
DATED = [
    ("centrum", "klotter", dt.date(2020, 1, 2), 9),     # 2020-W01, January 2020, 2020Q1
    ("centrum", "klotter", dt.date(2020, 3, 4), 2),     # 2020-W10
    ("centrum", "skadegorelse", dt.date(2020, 3, 5), 1),  # 2020-W10
    ("centrum", "klotter", dt.date(2020, 3, 30), 4),    # 2020-W14: Thursday 2 April → April, Q2
    ("centrum", "klotter", dt.date(2020, 12, 29), 3),   # 2020-W53
    ("centrum", "klotter", dt.date(2021, 1, 3), 5),     # 2020-W53 (a Sunday of 2021)
    ("centrum", "klotter", dt.date(2021, 1, 4), 1),     # 2021-W01
    ("centrum", "klotter", dt.date(2021, 3, 8), 6),     # 2021-W10
    ("centrum", "skadegorelse", dt.date(2021, 3, 12), 2),  # 2021-W10
    ("centrum", "klotter", dt.date(2021, 3, 29), 7),    # 2021-W13: Thursday 1 April → Q2
    ("moron", "klotter", dt.date(2021, 2, 17), 3),      # 2021-W07
]


def iso(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def thursday(day: dt.date) -> dt.date:
    year, week = iso(day)
    return dt.date.fromisocalendar(year, week, 4)


def in_quarter(day: dt.date, year: int, quarter: int) -> bool:
    t = thursday(day)
    return t.year == year and (t.month - 1) // 3 + 1 == quarter


def in_month(day: dt.date, year: int, month: int) -> bool:
    t = thursday(day)
    return (t.year, t.month) == (year, month)


def total(area: str, category: str | None, keep) -> int:
    return sum(n for a, c, day, n in DATED
               if a == area and (category is None or c == category) and keep(day))


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    est = tmp_path / "est"
    est.mkdir()
    write(est, "omraden.yaml", AREAS)
    by_year: dict[int, list[str]] = {}
    for i, (area, category, day, count) in enumerate(DATED):
        by_year.setdefault(iso(day)[0], []).append(
            f"  - {{id: d{i:02d}, area: {area}, category: {category}, date: {day}, "
            f"count: {count}}}")
    for year, lines in by_year.items():
        (est / f"observationer-{year}.yaml").write_text(
            f"year: {year}\nobservations:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return est


def picture(cli, folder: Path, *args: str, today: str = "2021-06-30") -> dict:
    result = cli("est", "lagesbild", *args, "--format", "json", "--est-dir", folder, today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def area(data: dict, area_id: str) -> dict:
    return next(a for a in data["areas"] if a["id"] == area_id)


def category(a: dict, category_id: str) -> dict:
    return next(c for c in a["categories"] if c["id"] == category_id)


# --- 5. the same period last year ----------------------------------------------------


def test_a_quarter_against_the_same_quarter_last_year(cli, folder):
    data = picture(cli, folder, "--period", "2021Q1")
    assert data["last_year"]["id"] == "2020Q1"
    first_monday = dt.date.fromisocalendar(2020, 1, 1)   # 2020-W01: Thursday 2 January
    assert data["last_year"]["first_day"] == first_monday.isoformat()
    centrum = area(data, "centrum")
    for cat in ("klotter", "skadegorelse"):
        now = total("centrum", cat, lambda d: in_quarter(d, 2021, 1))
        then = total("centrum", cat, lambda d: in_quarter(d, 2020, 1))
        assert (category(centrum, cat)["count"], category(centrum, cat)["last_year"],
                category(centrum, cat)["change_last_year"]) == (now, then, now - then)
    assert centrum["last_year_total"] == total("centrum", None, lambda d: in_quarter(d, 2020, 1))
    # The previous period is still 2020Q4 (which ends with 2020-W53).
    assert centrum["previous_total"] == total("centrum", None, lambda d: in_quarter(d, 2020, 4))
    # Morön started EST in 2021: nothing to compare with, said so.
    moron = area(data, "moron")
    assert (moron["last_year_total"], moron["change_last_year"]) == (None, None)
    assert category(moron, "klotter")["last_year"] is None


def test_a_week_against_the_same_week_number_last_year(cli, folder):
    data = picture(cli, folder, "--period", "2021-W10")
    assert data["last_year"]["weeks"] == ["2020-W10"]
    centrum = area(data, "centrum")
    for cat in ("klotter", "skadegorelse"):
        assert category(centrum, cat)["count"] == total(
            "centrum", cat, lambda d: iso(d) == (2021, 10))
        assert category(centrum, cat)["last_year"] == total(
            "centrum", cat, lambda d: iso(d) == (2020, 10))


def test_a_month_of_iso_weeks_against_the_same_month_last_year(cli, folder):
    data = picture(cli, folder, "--period", "2021-04")
    centrum = area(data, "centrum")
    assert data["last_year"]["id"] == "2020-04"
    # 2020-W14 (30 March – 5 April 2020) belongs to April 2020 by its Thursday.
    assert category(centrum, "klotter")["last_year"] == total(
        "centrum", "klotter", lambda d: in_month(d, 2020, 4))
    assert category(centrum, "klotter")["count"] == total(
        "centrum", "klotter", lambda d: in_month(d, 2021, 4))


def test_week_53_is_compared_with_nothing_and_says_so(cli, folder):
    assert dt.date(2019, 12, 28).isocalendar()[1] == 52   # 2019 has no week 53
    data = picture(cli, folder, "--period", "2020-W53")
    assert data["last_year"] is None
    centrum = area(data, "centrum")
    assert centrum["total"] == total("centrum", None, lambda d: iso(d) == (2020, 53))
    assert centrum["last_year_total"] is None
    result = cli("est", "lagesbild", "--period", "2020-W53", "--est-dir", folder)
    assert ("Samma period i fjol: ingen; 2019 har ingen vecka 53, så veckan jämförs inte "
            "med året före.") in result.stdout
    # The week after: 2021-W01 against 2020-W01.
    data = picture(cli, folder, "--period", "2021-W01")
    assert area(data, "centrum")["last_year_total"] == total(
        "centrum", None, lambda d: iso(d) == (2020, 1))


def test_table_markdown_and_html_show_the_same_period_last_year(cli, folder, tmp_path):
    now = total("centrum", "klotter", lambda d: in_quarter(d, 2021, 1))
    then = total("centrum", "klotter", lambda d: in_quarter(d, 2020, 1))
    change = f"+{now - then}" if now > then else f"−{then - now}"
    result = cli("est", "lagesbild", "--period", "2021Q1", "--format", "markdown",
                 "--est-dir", folder)
    assert result.exit_code == 0, result.output
    assert "Samma period i fjol: 2020Q1 (2020-W01–2020-W13" in result.stdout
    assert "| I fjol | Mot i fjol |" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("| Klotter |"))
    assert row.rstrip(" |").endswith(f"| {then} | {change}")
    assert "Samma period i fjol: ingen jämförelse; området hade inte startat då." in result.stdout

    result = cli("est", "lagesbild", "--period", "2021Q1", "--est-dir", folder)
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert any(line.startswith("Klotter ") and line.endswith(f" {then} {change}")
               for line in lines)
    heading = next(line for line in lines if line.startswith("Centrum (centrum)"))
    all_then = total("centrum", None, lambda d: in_quarter(d, 2020, 1))
    assert f"samma period i fjol {all_then} (" in heading

    out = tmp_path / "q1.html"
    result = cli("est", "lagesbild", "--period", "2021Q1", "--format", "html", "--output", out,
                 "--lang", "en", "--est-dir", folder)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<th scope="col" class="num">Last year</th>' in page
    assert f"same period last year {all_then} (" in page
    assert "Same period last year: 2020Q1" in page


# --- 2. lägesbild --as-of cuts by the observation's date -----------------------------


def test_as_of_counts_an_observation_from_its_date_and_a_week_from_its_monday(cli, est):
    for args in (["--date", "2021-03-02", "--count", "2"], ["--week", "2021-W09", "--count", "3"]):
        result = cli("est", "rapport", "centrum", "klotter", *args, "--est-dir", est,
                     today="2021-03-05")
        assert result.exit_code == 0, result.output
    monday = dt.date.fromisocalendar(2021, 9, 1)
    assert monday == dt.date(2021, 3, 1)

    def count(as_of: str) -> int:
        data = picture(cli, est, "--period", "2021-03", "--area", "centrum", "--as-of", as_of)
        return category(area(data, "centrum"), "klotter")["count"]

    assert count(monday.isoformat()) == 3    # the week-only report counts from Monday
    assert count("2021-03-02") == 3 + 2      # the dated one from its date


# --- 1. est status --as-of sees only what existed ------------------------------------


@pytest.fixture
def measured(cli, est) -> Path:
    steps = [
        (["insats", "centrum", "--title", "Ny belysning", "--id", "belysning", "--start",
          "2021-04-06", "--category", "klotter"], "2021-04-01"),
        (["uppfoljning", "belysning", "--assessment", "delvis", "--date", "2021-06-30"],
         "2021-06-30"),
        (["uppfoljning", "belysning", "--assessment", "god", "--date", "2021-12-15"],
         "2021-12-15"),
    ]
    for args, today in steps:
        result = cli("est", *args, "--est-dir", est, today=today)
        assert result.exit_code == 0, result.output
    return est


def status(cli, est, as_of: str, fmt: str = "json"):
    result = cli("est", "status", "--as-of", as_of, "--format", fmt, "--est-dir", est,
                 *(["--wide"] if fmt == "table" else []), today="2022-01-10")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if fmt == "json" else result.stdout


def test_status_as_of_a_day_shows_no_later_follow_up(cli, measured):
    text = status(cli, measured, "2021-06-25", "table")
    assert "god effekt" not in text and "delvis effekt" not in text
    assert "Startade insatser utan uppföljning: 1 (belysning)" in text
    data = status(cli, measured, "2021-06-25")
    assert (data["measures"][0]["follow_ups"], data["without_follow_up"]) == ([], ["belysning"])

    text = status(cli, measured, "2021-07-01", "table")
    assert "delvis effekt (2021-06-30)" in text and "god effekt" not in text
    data = status(cli, measured, "2021-07-01")
    assert [(f["date"], f["assessment"]) for f in data["measures"][0]["follow_ups"]] == [
        ("2021-06-30", "delvis")]
    assert data["without_follow_up"] == []

    data = status(cli, measured, "2021-12-15")
    assert [f["assessment"] for f in data["measures"][0]["follow_ups"]] == ["delvis", "god"]


def test_status_as_of_a_day_shows_measures_recorded_or_started_by_then(cli, measured):
    assert status(cli, measured, "2021-03-31")["measures"] == []   # not yet recorded
    [planned] = status(cli, measured, "2021-04-01")["measures"]    # recorded, starts 6 April
    assert planned["state"] == "planned"
    [ongoing] = status(cli, measured, "2021-04-06")["measures"]
    assert ongoing["state"] == "ongoing"


def test_a_hand_written_measure_without_recorded_exists_from_its_start(cli, est):
    (est / "insatser.yaml").write_text(textwrap.dedent("""
        measures:
          - {id: torget, area: centrum, title: Torget, start: 2021-05-03, categories: [klotter]}
        """), encoding="utf-8")
    assert status(cli, est, "2021-05-02")["measures"] == []
    assert [m["id"] for m in status(cli, est, "2021-05-03")["measures"]] == ["torget"]


# --- 3. "EST i gång" counts the ISO year of --as-of -----------------------------------


def test_est_running_counts_the_iso_year_of_the_as_of_day(cli, est):
    weeks = list(range(23, 53))          # 2021-W23 … 2021-W52: 30 weeks
    lines = [f"  - {{id: w{w:02d}, area: centrum, category: klotter, week: 2021-W{w:02d}, "
             f"count: 0}}" for w in weeks]
    (est / "observationer-2021.yaml").write_text(
        "year: 2021\nobservations:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    as_of = dt.date(2022, 1, 2)
    year, week, _ = as_of.isocalendar()
    assert (year, week) == (2021, 52)
    data = status(cli, est, as_of.isoformat())
    assert data["running"]["year"] == year
    assert data["running"]["areas"] == [{"id": "centrum", "weeks": len(weeks), "running": True}]
    text = status(cli, est, as_of.isoformat(), "table")
    assert f"EST i gång {year} (rapporter minst 26 veckor): 1 av 1 områden. " \
           f"Centrum {len(weeks)}/26 veckor (i gång)" in " ".join(text.split())
    # Monday 3 January 2022 begins 2022-W01: a new ISO year without reports.
    data = status(cli, est, "2022-01-03")
    assert (data["running"]["year"], data["running"]["areas"][0]["weeks"]) == (2022, 0)


# --- 4. a follow-up before the measure starts is refused -----------------------------


@pytest.mark.parametrize("args, today", [
    (["--date", "2021-04-05"], "2021-04-20"),
    ([], "2021-04-05"),                                  # today, before a planned start
])
def test_a_follow_up_before_the_start_is_refused(cli, est, args, today):
    result = cli("est", "insats", "centrum", "--title", "Belysning", "--id", "belysning",
                 "--start", "2021-04-06", "--category", "klotter", "--est-dir", est,
                 today="2021-04-01")
    assert result.exit_code == 0, result.output
    before = (est / "insatser.yaml").read_bytes()
    result = cli("est", "uppfoljning", "belysning", "--assessment", "god", *args,
                 "--est-dir", est, today=today)
    assert result.exit_code == 2
    day = args[1] if args else today
    assert (f"uppföljningen {day} ligger före insatsens start 2021-04-06; följ upp insatsen "
            "när den har startat (--date 2021-04-06 eller senare)") in result.stderr
    assert (est / "insatser.yaml").read_bytes() == before
    result = cli("est", "uppfoljning", "belysning", "--assessment", "god", "--date",
                 "2021-04-06", "--est-dir", est, today="2021-04-20")
    assert result.exit_code == 0, result.output   # on the start day itself: fine
