"""`samverkan est lagesbild`: counts against the previous period, ranking, rises, silent weeks."""

from __future__ import annotations

import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

AREAS = """
kind: est-omraden
language: sv
min_report_weeks: 2
areas:
  - id: centrum
    name: Centrum
    start_year: 2021
    reporters:
      - {id: polisen, name: Lokalpolisområde Skellefteå}
      - {id: skolan, name: Kanalskolan}
  - id: moron
    name: Morön
categories:
  - {id: klotter, title: Klotter}
  - {id: skadegorelse, title: Skadegörelse}
  - {id: nedskrapning, title: Nedskräpning}
"""

OBS_2020 = """
year: 2020
observations:
  - {id: a01, area: moron, category: klotter, week: 2020-W52, count: 2}
  - {id: a02, area: moron, category: klotter, week: 2020-W53, count: 1}
  - {id: a03, area: centrum, category: klotter, date: 2021-01-02, count: 4}
"""

OBS_2021 = """
year: 2021
observations:
  - {id: b01, area: centrum, category: klotter, week: 2021-W01, count: 1, reporter: polisen}
  - {id: b02, area: centrum, category: skadegorelse, week: 2021-W05, count: 2, reporter: polisen}
  - {id: b03, area: centrum, category: klotter, week: 2021-W06, count: 1, reporter: skolan}
  - {id: b04, area: centrum, category: klotter, week: 2021-W09, count: 3, reporter: polisen}
  - {id: b05, area: centrum, category: skadegorelse, date: 2021-03-02, count: 1}
  - {id: b06, area: centrum, category: nedskrapning, week: 2021-W10, count: 0, reporter: skolan}
  - {id: b07, area: centrum, category: klotter, week: 2021-W12, count: 2, reporter: polisen}
  - {id: b08, area: moron, category: nedskrapning, week: 2021-W10, count: 6}
  - {id: b09, area: moron, category: klotter, week: 2021-W13, count: 5}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    est = tmp_path / "est"
    est.mkdir()
    for name, text in (("omraden.yaml", AREAS), ("observationer-2020.yaml", OBS_2020),
                       ("observationer-2021.yaml", OBS_2021)):
        (est / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return est


def picture(cli, folder: Path, *args: str, today: str = "2021-06-30") -> dict:
    result = cli("est", "lagesbild", *args, "--format", "json", "--est-dir", folder, today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def area(data: dict, area_id: str) -> dict:
    return next(a for a in data["areas"] if a["id"] == area_id)


def counts(a: dict) -> dict[str, tuple[int, int, bool]]:
    return {c["id"]: (c["count"], c["previous"], c["rose"]) for c in a["categories"]}


def test_month_against_previous_month(cli, folder):
    data = picture(cli, folder, "--period", "2021-03")
    assert (data["period"]["weeks"], data["previous"]["weeks"]) == (
        ["2021-W09", "2021-W10", "2021-W11", "2021-W12"],
        ["2021-W05", "2021-W06", "2021-W07", "2021-W08"])
    assert data["period"]["complete"] is True
    centrum = area(data, "centrum")
    # W09: klotter 3 + skadegörelse 1 (2 March); W10: nedskräpning 0; W12: klotter 2.
    assert counts(centrum) == {"klotter": (5, 1, True), "skadegorelse": (1, 2, False),
                               "nedskrapning": (0, 0, False)}
    assert (centrum["total"], centrum["previous_total"], centrum["change"]) == (6, 3, 3)
    assert centrum["rose"] == ["klotter"]
    assert centrum["silent_weeks"] == ["2021-W11"]  # a count of 0 in W10 is a report
    assert centrum["reports_by_column"] == [2, 1, 0, 1]
    assert [(r["id"], r["silent_weeks"]) for r in centrum["reporters"]] == [
        ("polisen", ["2021-W10", "2021-W11"]),
        ("skolan", ["2021-W09", "2021-W11", "2021-W12"])]
    moron = area(data, "moron")
    # 2021-W13 (29 March – 4 April) belongs to April, by its Thursday.
    assert counts(moron)["klotter"] == (0, 0, False)
    assert (moron["total"], moron["silent_weeks"]) == (6, ["2021-W09", "2021-W11", "2021-W12"])
    assert [(a["id"], a["rank"]) for a in data["areas"]] == [("centrum", 1), ("moron", 1)]


def test_areas_are_ranked_by_their_count(cli, folder):
    data = picture(cli, folder, "--period", "2021-04")
    assert [(a["id"], a["rank"], a["total"]) for a in data["areas"]] == [
        ("moron", 1, 5), ("centrum", 2, 0)]


def test_week_one_is_compared_with_2020_w53(cli, folder):
    data = picture(cli, folder, "--period", "2021-W01")
    assert data["previous"]["id"] == "2020-W53"
    centrum = area(data, "centrum")
    # 2 January 2021 lies in 2020-W53.
    assert counts(centrum)["klotter"] == (1, 4, False)
    assert counts(area(data, "moron"))["klotter"] == (0, 1, False)


def test_quarter_across_the_year_boundary_and_the_start_year(cli, folder):
    data = picture(cli, folder, "--period", "2020Q4")
    assert data["previous"]["id"] == "2020Q3"
    assert data["period"]["weeks"][-1] == "2020-W53"
    centrum, moron = area(data, "centrum"), area(data, "moron")
    assert counts(centrum)["klotter"] == (4, 0, True)
    assert centrum["silent_weeks"] == []  # EST started in centrum in 2021
    assert len(moron["silent_weeks"]) == 14 - 2
    data = picture(cli, folder, "--period", "2021Q1")
    assert data["previous"]["id"] == "2020Q4"
    assert counts(area(data, "centrum"))["klotter"] == (7, 4, True)


def test_a_year_is_shown_by_month(cli, folder):
    data = picture(cli, folder, "--period", "2021")
    assert data["columns"][:4] == ["2021-01", "2021-02", "2021-03", "2021-04"]
    centrum = area(data, "centrum")
    klotter = next(c for c in centrum["categories"] if c["id"] == "klotter")
    assert klotter["by_column"][:4] == [1, 1, 5, 0]
    assert data["period"]["complete"] is False


def test_a_period_not_over_marks_open_weeks_not_silent(cli, folder):
    data = picture(cli, folder, "--period", "2021-03", today="2021-03-18")
    centrum = area(data, "centrum")
    assert centrum["silent_weeks"] == []
    assert centrum["open_weeks"] == ["2021-W11", "2021-W12"]
    assert counts(centrum)["klotter"] == (3, 1, True)  # W12 is not counted before it starts
    result = cli("est", "lagesbild", "--period", "2021-03", "--est-dir", folder,
                 today="2021-03-18")
    assert "Per 2021-03-18; perioden pågår, siffrorna är inte kompletta." in result.stdout


def test_default_period_is_the_last_whole_week(cli, folder):
    data = picture(cli, folder, today="2021-03-15")
    assert (data["period"]["id"], data["previous"]["id"]) == ("2021-W10", "2021-W09")


def test_the_table(cli, folder):
    result = cli("est", "lagesbild", "--period", "2021-03", "--area", "centrum",
                 "--est-dir", folder, "--wide")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == ("EST-lägesbild 2021-03 (2021-W09–2021-W12, 2021-03-01 – 2021-03-28), "
                        "jämfört med 2021-02 (2021-W05–2021-W08, 2021-02-01 – 2021-02-28)")
    # Centrum started EST in 2021: March 2020 is compared with nothing ("–").
    assert lines[1] == ("Samma period i fjol: 2020-03 (2020-W10–2020-W13, "
                        "2020-03-02 – 2020-03-29).")  # 2 April 2020 is W14's Thursday
    assert re.sub(r" +", " ", lines[8]) == "1 Centrum 6 3 +3 ↑ – – Klotter 2021-W11"
    assert ("Centrum (centrum), plats 1: antal 6, förra perioden 3 (+3), "
            "samma period i fjol –") in lines
    assert re.sub(r" +", " ", next(x for x in lines if x.startswith("Klotter"))) == (
        "Klotter 3 0 0 2 5 1 +4 ↑ – –")
    assert "Ökat: Klotter" in lines
    assert "Veckor utan rapport: 2021-W11" in lines
    assert ("Lokalpolisområde Skellefteå: rapporterat 2 av 4 veckor; utan rapport: "
            "2021-W10–W11") in lines
    assert "Morön" not in result.stdout


def test_markdown_and_english(cli, folder):
    result = cli("est", "lagesbild", "--period", "2021-03", "--format", "markdown",
                 "--lang", "en", "--est-dir", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("## EST situation picture 2021-03")
    assert ("| Rank | Area | Count | Previous | Change | Last year | vs last year | Rose "
            "| Weeks without reports |") in result.stdout
    assert "| Klotter | 3 | 0 | 0 | 2 | 5 | 1 | +4 ↑ | – | – |" in result.stdout
    assert "- Same period last year: no comparison; the area had not started then." in (
        result.stdout)
    assert "- Weeks without reports: 2021-W11" in result.stdout


class Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_heat_table_is_self_contained_and_accessible(cli, folder, tmp_path):
    out = tmp_path / "lagesbild.html"
    result = cli("est", "lagesbild", "--period", "2021-03", "--format", "html",
                 "--output", out, "--est-dir", folder)
    assert result.exit_code == 0, result.output
    assert f"Sparat lägesbilden i {out}." in result.stdout
    page = out.read_text(encoding="utf-8")
    parser = Html()
    parser.feed(page)
    tags = parser.tags
    assert ("html", {"lang": "sv"}) in tags
    assert not [t for t, a in tags if t in ("script", "link", "img", "iframe")]
    assert "http" not in page
    assert sum(t == "caption" for t, _ in tags) == 3  # ranking + one per area
    assert {a.get("scope") for t, a in tags if t == "th"} == {"col", "row"}
    heat = [a["class"] for t, a in tags if t == "td" and a.get("class", "").startswith("h")]
    assert "h4" in heat and "h0" in heat
    text = " ".join("".join(parser.text).split())
    assert "ingen rapport" in text  # Morön's silent weeks
    assert "(ökat jämfört med förra perioden)" in text  # the rise, in words too


def test_analyses_and_measures_of_the_period_are_shown(cli, folder):
    (folder / "insatser.yaml").write_text(textwrap.dedent("""
        analyses:
          - {id: c1, area: centrum, period: 2021-03, date: 2021-04-02, text: Klotter vid torget kvällstid}
          - {id: c2, area: centrum, period: 2021-05, date: 2021-06-02, text: Annan period}
        measures:
          - {id: sanering, area: centrum, title: Snabb klottersanering, start: 2021-03-15, categories: [klotter]}
        """), encoding="utf-8")
    result = cli("est", "lagesbild", "--period", "2021-03", "--est-dir", folder)
    assert "Analys 2021-03 (2021-04-02): Klotter vid torget kvällstid" in result.stdout
    assert "Annan period" not in result.stdout
    assert "Insats sanering: Snabb klottersanering (2021-03-15 –) mot klotter" in result.stdout
    result = cli("est", "lagesbild", "--period", "2021-03", "--as-of", "2021-04-01",
                 "--est-dir", folder)
    assert "Analys 2021-03" not in result.stdout  # written on 2 April


@pytest.mark.parametrize("args, message", [
    (["--period", "2021-13"], "ogiltig period '2021-13'"),
    (["--period", "2021-W53"], "vecka '2021-W53' finns inte; 2021 har 52 ISO-veckor"),
    (["--period", "2021-08"], "perioden 2021-08 har inte börjat än"),
    (["--area", "moronn"], "okänt område 'moronn'; menade du 'moron'?"),
    (["--as-of", "30/6"], "ogiltigt datum för --as-of '30/6'"),
])
def test_bad_options_exit_2(cli, folder, args, message):
    result = cli("est", "lagesbild", *args, "--est-dir", folder)
    assert result.exit_code == 2
    assert message in result.stderr


def test_errors_in_the_files_stop_the_picture(cli, folder):
    path = folder / "observationer-2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("category: klotter, week: 2021-W01",
                                                             "category: klotte, week: 2021-W01"),
                    encoding="utf-8")
    result = cli("est", "lagesbild", "--period", "2021-03", "--est-dir", folder)
    assert result.exit_code == 1
    assert "observationer-2021.yaml:3:" in result.stderr
    assert "okänd kategori 'klotte'" in result.stderr


def test_weeks_before_the_start_date_are_not_silent(cli, folder):
    path = folder / "omraden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    name: Morön\n", "    name: Morön\n    start: 2021-03-17\n"), encoding="utf-8")
    moron = area(picture(cli, folder, "--period", "2021-03"), "moron")
    # W11 (15–21 March) holds the start date: it is the first week a report is expected.
    assert moron["silent_weeks"] == ["2021-W11", "2021-W12"]
    assert moron["total"] == 6  # a report from before the start still shows in the counts
