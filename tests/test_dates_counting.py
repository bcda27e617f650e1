"""Counting the source's words: "minst tio kvällar" counts distinct evenings (`counting:
dates`), and a pledge's title names the source's concept when it says something else
("Ansvarsfull alkoholservering" is the concept "Ansvarsfull alkoholförsäljning")."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

PLAN = """\
year: 2021
focus_areas:
  - id: andt-unga
    title: Arbeta mot ungdomars användande av alkohol och narkotikabruk
pledges:
  - id: riskkvallar
    title: Uppsökande arbete på riskkvällar
    focus_area: andt-unga
    owner: gemensamt
    target: {min: 10, unit: kvällar, counting: dates}
  - id: servering
    title: Ansvarsfull alkoholservering
    focus_area: andt-unga
    owner: kommun
    target: {min: 3, unit: serveringsställen, counting: places}
    concept: Ansvarsfull alkoholförsäljning
activities: []
"""


def plan_file(tmp_path: Path, activities: str = "") -> Path:
    folder = tmp_path / "plans"
    folder.mkdir(exist_ok=True)
    path = folder / "2021.yaml"
    text = PLAN if not activities else PLAN.replace(
        "activities: []\n", "activities:\n" + textwrap.indent(textwrap.dedent(activities), "  "))
    path.write_text(text, encoding="utf-8")
    return path


def nights(cli, path: Path, as_of: str = "2021-12-31") -> dict:
    data = json.loads(cli("status", "--plan", path, "--format", "json", "--as-of", as_of,
                          today="2022-01-10").stdout)
    return next(p for p in data["pledges"] if p["id"] == "riskkvallar")


def test_two_activities_on_one_evening_count_as_one_evening(cli, tmp_path):
    path = plan_file(tmp_path)
    for date, note in (("2021-06-05", "Stadsfesten, torget"), ("2021-06-05", "Stadsfesten, parken"),
                       ("2021-06-06", "Stadsfesten"), ("2021-07-20", "Trästockfestivalen")):
        result = cli("log", "riskkvallar", "--plan", path, "--date", date, "--note", note,
                     today="2021-08-01")
        assert result.exit_code == 0, result.output
    found = nights(cli, path)
    assert (found["counting"], found["done"], found["target"]) == ("dates", 3, 10)
    records = json.loads(cli("activities", "--plan", path, "--format", "json").stdout)
    assert len(records) == 4  # every activity is kept, the evening is counted once


def test_logging_a_second_activity_on_a_counted_evening_says_why_the_count_stays(cli, tmp_path):
    path = plan_file(tmp_path)
    first = cli("log", "riskkvallar", "--plan", path, "--date", "2021-06-05", today="2021-06-10")
    first_id = re.search(r"Sparat (\w+)", first.stdout)[1]
    again = cli("log", "riskkvallar", "--plan", path, "--date", "2021-06-05", today="2021-06-10")
    assert again.exit_code == 0
    assert "1/10 kvällar" in again.stdout
    assert f"dagen 2021-06-05 är redan räknad ({first_id})" in again.stderr


def test_count_above_one_is_refused_for_a_pledge_counted_by_dates(cli, tmp_path):
    path = plan_file(tmp_path)
    before = path.read_bytes()
    result = cli("log", "riskkvallar", "--plan", path, "--date", "2021-06-05", "--count", "2",
                 today="2021-06-10")
    assert result.exit_code == 2
    assert ("löftet 'riskkvallar' räknas i olika dagar (kvällar): två aktiviteter samma dag "
            "räknas som en, så --count 2 räknas inte") in result.stderr
    assert path.read_bytes() == before
    assert cli("log", "riskkvallar", "--plan", path, "--date", "2021-06-05", "--count", "1",
               today="2021-06-10").exit_code == 0


def test_a_count_written_by_hand_for_a_dates_pledge_is_a_warning(cli, tmp_path):
    path = plan_file(tmp_path, """\
      - {id: a1, pledge: riskkvallar, date: 2021-06-05, count: 3}
      - {id: a2, pledge: servering, date: 2021-06-05, count: 3, place: Krogen}
    """)
    result = cli("validate", path)
    assert result.exit_code == 0
    [warning] = result.stdout.splitlines()
    line = path.read_text(encoding="utf-8").splitlines().index(
        "  - {id: a1, pledge: riskkvallar, date: 2021-06-05, count: 3}") + 1
    assert warning.startswith(f"{path}:{line}:5: warning: löftet 'riskkvallar' räknas i olika "
                              "dagar, så count: 3 räknas som en dag")
    assert nights(cli, path)["done"] == 1


def test_the_texts_say_each_day_counts_once(cli, tmp_path):
    path = plan_file(tmp_path, """\
      - {id: a1, pledge: riskkvallar, date: 2021-06-05}
      - {id: a2, pledge: riskkvallar, date: 2021-06-05}
    """)
    listing = cli("pledges", "--plan", path, "--format", "markdown").stdout
    assert "varje dag räknas en gång (två samma kväll är en)" in listing
    report = cli("report", "--plan", path, "--format", "markdown", "--as-of", "2021-12-31",
                 today="2022-01-10").stdout
    assert "2 aktiviteter, 1 räknad: varje dag räknas en gång (2021-06-05 2 gånger)" in report
    english = cli("pledges", "--plan", path, "--lang", "en", "--format", "markdown").stdout
    assert "each day counts once (two on one evening are one)" in english


def test_the_schema_knows_counting_by_dates(cli):
    schema = json.loads(cli("schema").stdout)
    counting = schema["definitions"]["Target"]["properties"]["counting"]
    assert "dates" in json.dumps(counting)


def test_a_title_names_the_sources_concept_where_the_title_is_shown(cli, tmp_path):
    path = plan_file(tmp_path)
    shown = "Ansvarsfull alkoholservering (konceptet ”Ansvarsfull alkoholförsäljning”)"
    status = cli("status", "--plan", path, "--format", "markdown").stdout
    assert f"| {shown} |" in status
    data = json.loads(cli("status", "--plan", path, "--format", "json").stdout)
    servering = next(p for p in data["pledges"] if p["id"] == "servering")
    assert servering["title"] == "Ansvarsfull alkoholservering"  # the title stays the title
    assert servering["concept"] == "Ansvarsfull alkoholförsäljning"
    logged = cli("log", "servering", "--plan", path, "--date", "2021-03-01", "--place",
                 "Krogen", today="2021-03-02")
    assert logged.stdout.splitlines()[-1].startswith(f"{shown}: 1/3 serveringsställen")
    report = cli("report", "--plan", path, "--format", "markdown").stdout
    assert f"#### {shown}" in report
    english = cli("status", "--plan", path, "--lang", "en", "--format", "markdown").stdout
    assert "Ansvarsfull alkoholservering (the concept “Ansvarsfull alkoholförsäljning”)" \
        in english


def test_log_refuses_exactly_what_validate_finds_in_a_file_written_by_hand(cli, tmp_path):
    """One definition of "a pledge of the plan", "a date in the plan year" and "a pledge
    counted by dates takes no count above 1": `log` refuses through its options what
    `validate` reports when the same activity is written into the file by hand."""
    cases = [("riskkvallar", "2021-06-05", "1", False), ("riskkvallar", "2021-06-05", "2", True),
             ("servering", "2021-06-05", "2", False), ("riskkvällar", "2021-06-05", "1", True),
             ("riskkvallar", "2020-12-31", "1", True), ("servering", "2020-06-05", "3", True)]
    for n, (pledge, date, count, wrong) in enumerate(cases):
        (tmp_path / f"log{n}").mkdir()
        logged = plan_file(tmp_path / f"log{n}")
        refused = cli("log", pledge, "--plan", logged, "--date", date, "--count", count,
                      "--place", "Krogen", today="2021-12-31")
        (tmp_path / f"hand{n}").mkdir()
        by_hand = plan_file(tmp_path / f"hand{n}", f"""\
          - {{id: a1, pledge: {pledge}, date: {date}, count: {count}, place: Krogen}}
        """)
        found = cli("validate", by_hand).stdout.strip()
        assert (refused.exit_code != 0, bool(found)) == (wrong, wrong), (pledge, date, found)


def test_log_into_a_plan_without_pledges_is_refused_as_validate_reports_it(cli, tmp_path):
    """A plan whose `pledges:` is empty knows no pledge: `log` refuses before anything is
    written (it once wrote the line and then failed), and `validate` reports an activity
    written by hand there."""
    for n, empty in enumerate(("pledges:\n", "pledges: []\n")):
        path = tmp_path / f"{n}" / "2021.yaml"
        path.parent.mkdir()
        path.write_text(f"year: 2021\nfocus_areas:\n{empty}activities:\n", encoding="utf-8")
        before = path.read_bytes()
        for _ in range(2):
            result = cli("log", "vandringar", "--plan", path, "--date", "2021-03-01",
                         today="2021-03-02")
            assert result.exit_code == 2
            assert result.stderr == ("fel: okänt löfte 'vandringar'; planen har inga löften "
                                     "ännu; skriv in dem under `pledges:` först\n")
            assert path.read_bytes() == before
        path.write_text(before.decode() + "  - {id: a1, pledge: vandringar, date: 2021-03-01}\n",
                        encoding="utf-8")
        found = cli("validate", path)
        assert found.exit_code == 1
        assert found.stdout.startswith(
            f"{path}:5:22: error: aktiviteten anger okänt löfte 'vandringar'")
