"""Readable tag names: a plan gives its tags an id and a title (`tags:`); every output shows
the title, `log --tag` and `activities --tag` take the id or the title (case and accents
ignored), the file keeps the id; `est rapport` takes a category by its title."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from snapshot import DATA, EST

PLAN = """\
year: 2021
focus_areas:
  - id: tryggare-centrum
    title: Tryggare centrum
  - id: metoder
    title: Brottsförebyggande metoder
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
  - id: grannsamverkan
    title: Nya grannsamverkansområden
    focus_area: metoder
    owner: gemensamt
    target:
      min: 2
      unit: områden
      counting: places
      requirements:
        - {tag: flerbostadsomrade, min: 1}
tags:
  - {id: centrum, title: Centrum}
  - {id: flerbostadsomrade, title: flerbostadsområde}
activities: []
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "2021.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def log(cli, path: Path, *args: str):
    return cli("log", *args, "--plan", path, today="2021-06-30")


@pytest.mark.parametrize("typed", ["flerbostadsområde", "Flerbostadsområde",
                                   "FLERBOSTADSOMRADE", "flerbostadsomrade"])
def test_log_takes_a_tag_by_its_title_and_writes_its_id(cli, plan, typed):
    result = log(cli, plan, "grannsamverkan", "--date", "2021-05-01", "--place", "Morö",
                 "--tag", typed)
    assert result.exit_code == 0, result.output
    line = plan.read_text(encoding="utf-8").splitlines()[-1]
    assert line.endswith(", pledge: grannsamverkan, date: 2021-05-01, place: Morö, "
                         "tags: [flerbostadsomrade]}")  # the line form log always writes
    assert "varav flerbostadsområde 1/1" in result.stdout


def test_log_saves_a_tag_the_plan_does_not_define_and_says_what_to_do(cli, plan):
    """An ad-hoc tag (valborg, studenten) is the group's to use; a misspelt one is told."""
    result = log(cli, plan, "trygghetsvandringar", "--date", "2021-05-01", "--tag", "centum")
    assert result.exit_code == 0
    new = result.stdout.split("Sparat ", 1)[1].split()[0]
    assert plan.read_text(encoding="utf-8").splitlines()[-1].endswith("tags: [centum]}")
    assert ("obs: taggen 'centum' finns inte under tags: i planen (menade du 'centrum'?) och "
            "sparades som den är. Är den ny, lägg till den där med id och titel (där finns: "
            "centrum (Centrum), flerbostadsomrade (flerbostadsområde)); var det en "
            f"felskrivning: samverkan remove {new}") in result.stderr
    assert "varav Centrum 0/1" in result.stdout  # a misspelt tag does not count
    valborg = log(cli, plan, "trygghetsvandringar", "--date", "2021-04-30", "--tag", "Valborg")
    assert valborg.exit_code == 0
    assert "obs: taggen 'valborg' finns inte under tags: i planen och sparades" in valborg.stderr
    assert cli("validate", plan).exit_code == 0  # warnings: centum, valborg


def test_a_plan_without_tags_takes_any_tag_written_as_an_id(cli, plan):
    plan.write_text(PLAN.split("tags:\n")[0] + "activities: []\n", encoding="utf-8")
    assert log(cli, plan, "trygghetsvandringar", "--date", "2021-05-01", "--tag",
               "kvall").exit_code == 0
    refused = log(cli, plan, "trygghetsvandringar", "--date", "2021-05-01", "--tag", "Ej slug!")
    assert refused.exit_code == 2 and "taggen 'ej slug!' ska bestå av små bokstäver" \
        in refused.stderr
    result = cli("validate", plan)
    assert result.exit_code == 0 and "tagg" not in result.stdout  # old plans stay as they were


def test_validate_warns_of_a_tag_used_but_not_defined_once_where_first_used(cli, plan):
    text = PLAN.replace("activities: []\n", textwrap.dedent("""\
        activities:
          - {id: a1, pledge: trygghetsvandringar, date: 2021-03-01, tags: [kvall]}
          - {id: a2, pledge: trygghetsvandringar, date: 2021-03-02, tags: [kvall]}
        """)).replace("  - {id: centrum, title: Centrum}\n", "")
    plan.write_text(text, encoding="utf-8")
    result = cli("validate", plan)
    assert result.exit_code == 0
    lines = text.splitlines()
    requirement = lines.index("        - {tag: centrum, min: 1}")
    first = "  - {id: a1, pledge: trygghetsvandringar, date: 2021-03-01, tags: [kvall]}"
    activity = lines.index(first)
    rest = ("finns inte under tags: i planen (där finns: flerbostadsomrade); lägg till den där "
            "med id och titel")
    where_centrum = f"{plan}:{requirement + 1}:{lines[requirement].index('centrum') + 1}"
    where_kvall = f"{plan}:{activity + 1}:{first.index('{') + 1}"  # the activity's line
    assert result.stdout.splitlines() == [
        f"{where_centrum}: warning: taggen 'centrum' {rest} (id: centrum, title: …)",
        f"{where_kvall}: warning: taggen 'kvall' {rest} (id: kvall, title: …)"]


def test_a_tag_defined_twice_is_an_error(cli, plan):
    plan.write_text(PLAN.replace("  - {id: flerbostadsomrade, title: flerbostadsområde}\n",
                                 "  - {id: centrum, title: Centrum igen}\n"), encoding="utf-8")
    result = cli("validate", plan)
    assert result.exit_code == 1
    assert "taggen 'centrum' finns redan" in result.stdout


def test_status_shows_the_titles_and_json_keeps_the_ids(cli, plan):
    assert log(cli, plan, "trygghetsvandringar", "--date", "2021-05-01", "--tag",
               "Centrum").exit_code == 0
    table = cli("status", "--plan", plan, today="2021-06-30").stdout
    assert "varav Centrum 1/1" in table and "varav flerbostadsområde 0/1" in table
    data = json.loads(cli("status", "--plan", plan, "--format", "json").stdout)
    walks = next(p for p in data["pledges"] if p["id"] == "trygghetsvandringar")
    assert walks["requirements"] == [{"tag": "centrum", "target": 1, "done": 1, "met": True}]
    assert walks["tag_titles"] == {"centrum": "Centrum"}
    listing = cli("pledges", "--plan", plan, "--format", "markdown").stdout
    assert "varav minst 1 med taggen flerbostadsområde" in listing


def test_activities_filter_by_title_and_show_the_title(cli, plan):
    log(cli, plan, "grannsamverkan", "--date", "2021-05-01", "--place", "Morö", "--tag",
        "flerbostadsomrade")
    log(cli, plan, "trygghetsvandringar", "--date", "2021-05-02", "--tag", "centrum")
    chosen = json.loads(cli("activities", "--plan", plan, "--tag", "Flerbostadsområde",
                            "--format", "json").stdout)
    assert [a["pledge"] for a in chosen] == ["grannsamverkan"]
    assert chosen[0]["tags"] == ["flerbostadsomrade"]  # json keeps the id, as in the file
    table = cli("activities", "--plan", plan, "--tag", "flerbostadsområde").stdout
    assert "taggar: flerbostadsområde" in table


def test_the_report_the_lagesbild_and_the_website_show_the_titles(cli, plan, tmp_path):
    log(cli, plan, "grannsamverkan", "--date", "2021-05-01", "--place", "Morö", "--tag",
        "flerbostadsomrade")
    report = cli("report", "--plan", plan, "--format", "markdown").stdout
    assert "varav flerbostadsområde: minst 1 → 1 genomförd" in report
    assert "taggar: flerbostadsområde" in report  # the activity's note column
    assert "flerbostadsomrade" not in report
    shutil.copytree(DATA, tmp_path / "data")
    picture = cli("lagesbild", "--year", "2021", "--plans-dir", plan.parent, "--data-dir",
                  tmp_path / "data", "--format", "markdown", today="2021-06-30").stdout
    assert "varav flerbostadsområde: minst 1 → 1 genomförd" in picture
    site = tmp_path / "site"
    assert cli("publish", "--plans-dir", plan.parent, "--output", site,
               today="2021-06-30").exit_code == 0
    page = (site / "lofte" / "grannsamverkan.html").read_text(encoding="utf-8")
    assert "flerbostadsområde" in page and "flerbostadsomrade" not in page.replace(
        "grannsamverkan", "")


# --- EST: a category (and an area) by its title -------------------------------------------


@pytest.fixture
def est(tmp_path: Path) -> Path:
    folder = tmp_path / "est"
    shutil.copytree(EST, folder)
    for old in folder.glob("observationer-*.yaml"):
        old.unlink()
    return folder


@pytest.mark.parametrize("area, category", [("centrum", "skadegörelse"),
                                            ("Centrum", "Skadegörelse"),
                                            ("centrum", "skadegorelse")])
def test_est_rapport_takes_the_category_by_its_title(cli, est, area, category):
    result = cli("est", "rapport", area, category, "--date", "2021-03-10", "--est-dir", est,
                 today="2021-03-20")
    assert result.exit_code == 0, result.output
    written = (est / "observationer-2021.yaml").read_text(encoding="utf-8")
    assert "area: centrum, category: skadegorelse, date: 2021-03-10}" in written


def test_est_rapport_takes_a_title_with_spaces_and_a_slash(cli, est):
    result = cli("est", "rapport", "centrum", "otrygg plats/belysning", "--date", "2021-03-10",
                 "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 0, result.output
    assert "category: otrygg-plats" in (est / "observationer-2021.yaml").read_text(
        encoding="utf-8")


def test_est_analys_takes_categories_by_their_titles(cli, est):
    result = cli("est", "analys", "centrum", "--period", "2021-03", "--text",
                 "Klotter vid busstationen", "--category", "Klotter", "--category",
                 "nedskräpning", "--est-dir", est, today="2021-04-02")
    assert result.exit_code == 0, result.output
    work = (est / "insatser.yaml").read_text(encoding="utf-8")
    assert "categories: [klotter, nedskrapning]" in work


def test_both_ways_of_reading_a_plan_place_the_new_warnings_alike():
    """The item scanner (`plan.lines`) and YAML give the same problems at the same places."""
    from samverkan.plan.reader import read_plan

    text = PLAN.replace("activities: []\n", textwrap.dedent("""\
        activities:
          - {id: a1, pledge: trygghetsvandringar, date: 2021-03-01, tags: [kvall]}
          - {id: a2, pledge: grannsamverkan, date: 2021-03-02, count: 3, tags: [centrum, x]}
        """)).replace("      counting: places\n", "      counting: dates\n").encode()
    quick, whole = read_plan(text, "2021.yaml"), read_plan(text, "2021.yaml", quick=False)
    assert quick.layout is not None  # read item by item
    assert [p.format() for p in quick.problems] == [p.format() for p in whole.problems]
    assert len(quick.problems) == 3  # kvall, x, and the count of a pledge counted by dates
