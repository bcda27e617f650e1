"""Source or decision: a plan says which of its values quote the agreement's source
(`source:`) and which the group chose itself (`decided:`); `validate` names the values that
are neither, and status, the report, the lägesbild and the website show which is which.

(The shipped plans' quotes are checked against the source in tests/test_shipped_files.py.)
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

from snapshot import DATA

PLAN = """\
year: 2021
language: sv
focus_areas:
  - id: andt-unga
    title: Arbeta mot ungdomars användande av alkohol och narkotikabruk
    goals:
      - id: alkohol-ak9
        title: Minska alkoholkonsumtionen i åk 9
        indicator: Andel elever i åk 9 som druckit alkohol, %
        direction: decrease
        baseline: {year: 2020, value: 20.0, source: "20 % i årskurs 9"}
        source: "Minska alkoholkonsumtionen i åk 9 och åk 2"
      - id: upplevd-trygghet
        title: Den upplevda tryggheten ska öka
        indicator: Andel trygga invånare, %
        direction: increase
        source: "Den upplevda tryggheten ska öka."
        decided:
          by: beredningsgruppen
          values: [indicator]
          note: Underlaget anger ingen mätning.
pledges:
  - id: tillsyn
    title: Tillsyn av handel med tobak och alkohol
    focus_area: andt-unga
    owner: kommun
    target: {min: 1, unit: tillsyner}
    source: "Varje år kommer minst en tillsyn av de som bedriver handel med tobak och alkohol göras."
    decided:
      by: beredningsgruppen
      values: [owner, focus_area]
      note: Underlaget anger ingen ansvarig part per löfte.
  - id: riskkvallar
    title: Uppsökande arbete på riskkvällar
    focus_area: andt-unga
    owner: gemensamt
    target: {min: 10, unit: kvällar, counting: dates}
    source: "Vi ska prioritera minst tio kvällar där vi gemensamt arbetar uppsökande"
activities: []
"""

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def write(tmp_path: Path, text: str = PLAN) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir(exist_ok=True)
    path = folder / "2021.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(cli, path: Path) -> list[tuple[int, int, str, str]]:
    """What `validate` says of the file, but the goal without a baseline (the plan's
    upplevd-trygghet has none, which is another warning)."""
    result = cli("validate", path)
    found = [LINE.match(line) for line in result.stdout.splitlines()]
    return [(int(m["line"]), int(m["col"]), m["sev"], m["msg"]) for m in found
            if m and "'upplevd-trygghet' saknar baseline" not in m["msg"]]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


# --- validate ----------------------------------------------------------------------------


def test_a_plan_whose_values_are_all_quoted_or_decided_validates_clean(cli, tmp_path):
    path = write(tmp_path)
    assert cli("validate", path).exit_code == 0
    assert problems(cli, path) == []


def test_a_pledge_with_neither_source_nor_decision_is_named_at_its_id(cli, tmp_path):
    path = write(tmp_path, PLAN.replace(
        '    source: "Vi ska prioritera minst tio kvällar där vi gemensamt arbetar uppsökande"\n',
        ""))
    found = problems(cli, path)
    line = line_of(path, "- id: riskkvallar")
    assert [(ln, col, sev) for ln, col, sev, _ in found] == [(line, 9, "warning")]
    assert "löftet 'riskkvallar'" in found[0][3] and "source:" in found[0][3]
    assert "decided:" in found[0][3]
    assert cli("validate", path).exit_code == 0  # a warning, not an error


def test_values_a_decision_leaves_unquoted_are_named(cli, tmp_path):
    text = PLAN.replace('    source: "Varje år kommer minst en tillsyn av de som bedriver handel '
                        'med tobak och alkohol göras."\n', "")
    path = write(tmp_path, text)
    [(line, _, sev, message)] = problems(cli, path)
    assert (line, sev) == (line_of(path, "- id: tillsyn"), "warning")
    assert "'tillsyn': target varken citeras" in message  # owner, focus_area are decided


def test_a_goal_whose_baseline_has_no_source_is_named(cli, tmp_path):
    path = write(tmp_path, PLAN.replace(', source: "20 % i årskurs 9"', ""))
    [(line, _, sev, message)] = problems(cli, path)
    assert (line, sev) == (line_of(path, "- id: alkohol-ak9"), "warning")
    assert "målet 'alkohol-ak9': baseline varken citeras" in message


def test_a_decision_without_values_covers_the_whole_pledge(cli, tmp_path):
    text = PLAN.replace('    source: "Vi ska prioritera minst tio kvällar där vi gemensamt arbetar '
                        'uppsökande"\n', "    decided: {by: beredningsgruppen}\n")
    path = write(tmp_path, text)
    assert problems(cli, path) == []
    data = json.loads(cli("status", "--plan", path, "--format", "json").stdout)
    nights = next(p for p in data["pledges"] if p["id"] == "riskkvallar")
    assert nights["origin"]["by_value"] == {"owner": "decided", "focus_area": "decided",
                                            "target": "decided"}


def test_a_plan_that_marks_nothing_is_left_as_it_was(cli, tmp_path):
    """Plans written before source: and decided: existed get no new warnings."""
    text = "\n".join(line for line in PLAN.splitlines()
                     if not line.strip().startswith(("source:", "decided:", "by:", "values:",
                                                     "note:")))
    path = write(tmp_path, text.replace(', source: "20 % i årskurs 9"', "") + "\n")
    assert problems(cli, path) == []


def test_an_unknown_decided_value_is_an_error_naming_the_choices(cli, tmp_path):
    path = write(tmp_path, PLAN.replace("values: [owner, focus_area]", "values: [ansvar]"))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "owner, focus_area eller target" in result.stdout


# --- what the outputs show ---------------------------------------------------------------


def test_status_json_says_where_each_value_comes_from(cli, tmp_path):
    path = write(tmp_path)
    data = json.loads(cli("status", "--plan", path, "--format", "json").stdout)
    pledges = {p["id"]: p for p in data["pledges"]}
    tillsyn = pledges["tillsyn"]
    # the contract's keys are all still there
    assert {"id", "title", "focus_area", "owner", "unit", "counting", "target", "done",
            "expected", "due", "status", "requirements"} <= set(tillsyn)
    assert tillsyn["origin"] == {
        "source": "Varje år kommer minst en tillsyn av de som bedriver handel med tobak och "
                  "alkohol göras.",
        "decided": {"by": "beredningsgruppen", "values": ["owner", "focus_area"],
                    "note": "Underlaget anger ingen ansvarig part per löfte."},
        "by_value": {"owner": "decided", "focus_area": "decided", "target": "source"}}
    assert pledges["riskkvallar"]["origin"]["by_value"] == {
        "owner": "source", "focus_area": "source", "target": "source"}
    goals = {g["id"]: g for g in data["goals"]}
    assert goals["alkohol-ak9"]["origin"]["by_value"] == {
        "indicator": "source", "direction": "source", "baseline": "source"}
    assert goals["upplevd-trygghet"]["origin"]["by_value"] == {  # no baseline: not listed
        "indicator": "decided", "direction": "source"}


def test_status_marks_an_owner_the_group_chose_and_explains_the_mark(cli, tmp_path):
    path = write(tmp_path)
    out = cli("status", "--plan", path).stdout
    row = {line.split()[0]: line for line in out.splitlines() if line.startswith(("Tillsyn",
                                                                                  "Uppsökande"))}
    assert re.search(r"\bkommun \*", row["Tillsyn"])
    assert "gemensamt *" not in row["Uppsökande"] and "gemensamt" in row["Uppsökande"]
    assert "* = gruppens eget beslut, står inte i avtalets underlag" in out
    markdown = cli("status", "--plan", path, "--format", "markdown").stdout
    assert "\\* = gruppens eget beslut" in markdown  # a legend, not a Markdown list item


def test_status_without_decisions_shows_no_mark(cli, tmp_path):
    text = PLAN.replace("      values: [owner, focus_area]\n", "      values: [focus_area]\n")
    out = cli("status", "--plan", write(tmp_path, text)).stdout
    assert "*" not in out  # the focus area is not in the table: nothing to mark


def test_the_report_quotes_the_source_and_names_the_groups_decision(cli, tmp_path):
    path = write(tmp_path)
    out = cli("report", "--plan", path, "--format", "markdown").stdout
    pledge = out.split("#### Tillsyn av handel med tobak och alkohol", 1)[1].split("####")[0]
    assert "Ansvar: kommunen *" in pledge
    assert ("Ur underlaget: ”Varje år kommer minst en tillsyn av de som bedriver handel med "
            "tobak och alkohol göras.”") in pledge
    assert ("\\* Gruppens beslut (beredningsgruppen): ansvarig part, fokusområde. Underlaget "
            "anger ingen ansvarig part per löfte.") in pledge
    nights = out.split("#### Uppsökande arbete på riskkvällar", 1)[1].split("####")[0]
    assert "Gruppens beslut" not in nights and "Ansvar: gemensamt\n" in nights
    assert "\\* = gruppens eget beslut, står inte i avtalets underlag" in out
    assert "| Andel trygga invånare, % * |" in out  # the indicator the group chose


def test_the_html_report_has_the_legend_once_and_the_marks(cli, tmp_path):
    path = write(tmp_path)
    target = tmp_path / "rapport.html"
    assert cli("report", "--plan", path, "--output", target).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert html.count('id="origin-legend"') == 1
    assert "<dd>kommunen *</dd>" in html
    assert "Andel trygga invånare, % *" in html


def test_the_lagesbild_marks_the_owner_and_the_focus_area_the_group_chose(cli, tmp_path):
    path = write(tmp_path)
    shutil.copytree(DATA, tmp_path / "data")
    result = cli("lagesbild", "--year", "2021", "--plans-dir", path.parent, "--data-dir",
                 tmp_path / "data", "--format", "markdown", today="2021-06-30")
    assert result.exit_code == 0, result.output
    appendix = result.stdout.split("\n## Bilaga 1", 1)[1]
    assert "| Tillsyn av handel med tobak och alkohol | kommunen * |" in appendix
    assert "| Uppsökande arbete på riskkvällar | gemensamt |" in appendix
    assert "\\* = gruppens eget beslut, står inte i avtalets underlag" in appendix
    areas = result.stdout.split("\n## Fokusområden", 1)[1].split("\n## ", 1)[0]
    assert ("\\* Gruppens eget beslut, står inte i underlaget: att Tillsyn av handel med tobak "
            "och alkohol hör till fokusområdet.") in areas


def test_the_website_shows_the_quote_the_marks_and_the_legend(cli, tmp_path):
    path = write(tmp_path)
    site = tmp_path / "site"
    result = cli("publish", "--plans-dir", path.parent, "--output", site, today="2021-06-30")
    assert result.exit_code == 0, result.output
    page = (site / "lofte" / "tillsyn.html").read_text(encoding="utf-8")
    assert "<dd>Kommunen *</dd>" in page
    assert "Ur underlaget: ”Varje år kommer minst en tillsyn" in page
    assert "* Gruppens beslut (beredningsgruppen): ansvarig part, fokusområde." in page
    assert '<p class="legend">* = gruppens eget beslut, står inte i avtalets underlag</p>' in page
    nights = (site / "lofte" / "riskkvallar.html").read_text(encoding="utf-8")
    assert "Kommunen och polisen tillsammans *" not in nights
    assert "Kommunen och polisen tillsammans" in nights


def test_english_output_says_the_same(cli, tmp_path):
    out = cli("status", "--plan", write(tmp_path), "--lang", "en").stdout
    assert "* = the group's own decision, not stated in the agreement's background document" \
        in out
