"""The `est/` files: shipped content, `samverkan validate` on them, problems at their lines."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from samverkan.est.files import load_config

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def problems(output: str) -> list[tuple[str, int, int, str, str]]:
    found = []
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            found.append((Path(match["path"]).name, int(match["line"]), int(match["col"]),
                          match["sev"], match["msg"]))
    return found


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_shipped_checklist_and_area_centrum(est):
    loaded = load_config(est)
    assert loaded.ok, loaded.problems
    config = loaded.plan
    assert [(a.id, a.name, a.start_year, a.reporters) for a in config.areas] == [
        ("centrum", "Centrum", 2021, ())]
    assert [c.id for c in config.categories] == [
        "skadegorelse", "klotter", "nedskrapning", "anlagd-brand", "ordningsstorning",
        "narkotikaindikationer", "otrygg-plats"]
    assert not list(est.glob("observationer-*.yaml"))  # no invented observations
    assert "analyses: []" in (est / "insatser.yaml").read_text(encoding="utf-8")


def test_validate_by_default_checks_the_est_files_beside_plans(cli, plans, est):
    result = cli("validate", "--plans-dir", plans)
    assert result.exit_code == 0, result.output
    # and est/omraden.yaml, est/insatser.yaml, est/forebyggargrupper.yaml
    files = len(list(plans.glob("*.yaml"))) + 3
    assert f"{files} filer kontrollerade: inga fel" in result.stderr
    (est / "omraden.yaml").write_text(
        (est / "omraden.yaml").read_text(encoding="utf-8").replace(
            "min_report_weeks: 26", "min_report_week: 26"), encoding="utf-8")
    result = cli("validate", "--plans-dir", plans)
    assert result.exit_code == 1
    assert [p for p in problems(result.stdout) if p[3] == "error"] == [
        ("omraden.yaml", 17, 1, "error", "nyckeln 'min_report_weeks' saknas"),
        ("omraden.yaml", 23, 1, "error", ("okänd nyckel 'min_report_week'; menade du "
         "'min_report_weeks'?")),
    ]


def test_validate_one_est_file_by_name(cli, est):
    result = cli("validate", est / "omraden.yaml")
    assert result.exit_code == 0, result.output
    assert "1 fil kontrollerad: inga fel, 0 varningar" in result.stderr


def test_observation_problems_at_their_lines(cli, est):
    write(est, "observationer-2021.yaml", """
        kind: est-observationer
        year: 2021
        observations:
          - {id: a1, area: centrum, category: klotter, week: "2021-W10"}
          - {id: a2, area: centrm, category: klotter, week: "2021-W10"}
          - {id: a3, area: centrum, category: graffiti, week: "2021-W10"}
          - {id: a4, area: centrum, category: klotter, week: "2021-W53"}
          - {id: a5, area: centrum, category: klotter, week: "2020-W53"}
          - {id: a6, area: centrum, category: klotter, date: 2021-01-02}
          - {id: a7, area: centrum, category: klotter, week: "2021-W11", date: 2021-03-18}
          - {id: a1, area: centrum, category: klotter, week: "v. 11"}
          - {id: a9, area: centrum, category: klotter, week: "2021-W12", count: -1}
          - {id: b1, area: centrum, category: klotter, week: "2021-W12", reporter: polisen}
          - {id: b2, area: centrum, category: klotter, week: "2021-W12", note: "Samtal med 811218-9876"}
        """)
    result = cli("validate", est / "observationer-2021.yaml")
    assert result.exit_code == 1
    found = [(line, sev, msg) for _, line, _, sev, msg in problems(result.stdout)]
    assert (5, "error", "okänt område 'centrm'; områden i omraden.yaml: centrum") in found
    assert any(line == 6 and "okänd kategori 'graffiti'" in msg for line, _, msg in found)
    assert (7, "error", "vecka '2021-W53' finns inte; 2021 har 52 ISO-veckor") in found
    assert (8, "error", ("observationen hör till ISO-året 2020, men filen gäller 2021; "
            "flytta den till observationer-2020.yaml")) in found
    assert any(line == 9 and "ISO-året 2020" in msg for line, _, msg in found)  # 2 January
    assert any(line == 10 and "antingen week" in msg for line, _, msg in found)
    assert any(line == 11 and "ogiltig vecka 'v. 11'" in msg for line, _, msg in found)
    assert any(line == 11 and "observationen 'a1' finns redan (rad 4)" in msg
               for line, _, msg in found)
    assert any(line == 12 and "'count' ska vara minst 0" in msg for line, _, msg in found)
    assert any(line == 13 and "okänd rapporterande organisation 'polisen'" in msg
               for line, _, msg in found)
    assert any(line == 14 and "personnummer" in msg for line, _, msg in found)


def test_a_file_named_otherwise_is_checked_by_its_kind_key(cli, est):
    write(est, "vecka-10.yaml", """
        kind: est-observationer
        year: 2021
        observations:
          - {id: a1, area: centrum, category: klotter, week: "2021-W10", colour: red}
        """)
    result = cli("validate", est / "vecka-10.yaml")
    assert result.exit_code == 1
    assert [(line, msg) for _, line, _, _, msg in problems(result.stdout)] == [
        (4, ("okänd nyckel 'colour'; tillåtna: id, area, category, week, date, count, reporter, "
             "place, note"))]


def test_work_file_problems(cli, est):
    write(est, "insatser.yaml", """
        kind: est-insatser
        analyses:
          - {id: x1, area: centrum, period: 2021-Q5, date: 2021-04-02, text: Orsaker}
        measures:
          - {id: belysning, area: centrum, title: Belysning, start: 2021-04-01, end: 2021-03-01, categories: [otrygg-plats]}
          - {id: tom, area: centrum, title: Tom, start: 2021-04-01, categories: []}
          - {id: fel, area: centrum, title: Fel, start: 2021-04-01, categories: [grafitti]}
        follow_ups:
          - {id: f1, measure: belysningen, date: 2021-05-01, assessment: god}
          - {id: f2, measure: belysning, date: 2021-03-01, assessment: bra}
        """)
    result = cli("validate", est / "insatser.yaml")
    assert result.exit_code == 1
    found = [(line, sev, msg) for _, line, _, sev, msg in problems(result.stdout)]
    assert any(line == 3 and "ogiltig period '2021-Q5'" in msg for line, _, msg in found)
    assert (5, "error", "slutdagen 2021-03-01 ligger före startdagen 2021-04-01") in found
    assert (6, "error", "insatsen behöver minst en kategori den riktar sig mot") in found
    assert any(line == 7 and "okänd kategori 'grafitti'" in msg for line, _, msg in found)
    assert any(line == 9 and "okänd insats 'belysningen'" in msg for line, _, msg in found)
    assert any(line == 10 and "'assessment' ska vara en av: god, delvis, ingen" in msg
               for line, _, msg in found)
    assert (10, "warning", "uppföljningen 2021-03-01 ligger före insatsens start 2021-04-01") \
        in found


def test_references_unchecked_without_omraden_says_so(cli, tmp_path):
    folder = tmp_path / "est"
    folder.mkdir()
    write(folder, "observationer-2021.yaml", """
        year: 2021
        observations:
          - {id: a1, area: var-som-helst, category: klotter, week: "2021-W10"}
        """)
    result = cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert problems(result.stdout) == [
        ("observationer-2021.yaml", 1, 1, "warning",
         f"hittar inte {folder / 'omraden.yaml'}; områden och kategorier kontrolleras inte")]


def test_duplicate_ids_in_the_checklist(cli, est):
    path = est / "omraden.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: klotter\n    title: Klotter igen\n",
                    encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    [(_, line, _, _, msg)] = problems(result.stdout)
    assert "kategorin 'klotter' finns redan" in msg
    assert line == len(path.read_text(encoding="utf-8").splitlines()) - 1


def test_an_empty_est_file_says_what_it_needs(cli, est):
    (est / "observationer-2022.yaml").write_text("# inget än\n", encoding="utf-8")
    result = cli("validate", est / "observationer-2022.yaml")
    assert result.exit_code == 1
    assert problems(result.stdout) == [("observationer-2022.yaml", 1, 1, "error",
                                        "filen är tom; den behöver minst year")]


def test_an_area_may_have_a_start_date_that_agrees_with_its_start_year(cli, est):
    config = load_config(est).plan
    assert config.areas[0].start is None  # the source gives only the year
    path = est / "omraden.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    start_year: 2021\n",
                                 "    start_year: 2021\n    start: 2021-03-15\n"), encoding="utf-8")
    assert load_config(est).plan.areas[0].start.isoformat() == "2021-03-15"
    assert cli("validate", path).exit_code == 0
    path.write_text(text.replace("    start_year: 2021\n",
                                 "    start_year: 2021\n    start: 2022-03-15\n"), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    line = text.splitlines().index("    start_year: 2021") + 2
    assert problems(result.stdout) == [(
        "omraden.yaml", line, 12, "error",
        "start 2022-03-15 ligger inte i start_year 2021; ändra det ena, eller ta bort start_year")]
    path.write_text(text.replace("    start_year: 2021\n", "    start: 2021-13-01\n"),
                    encoding="utf-8")
    assert cli("validate", path).exit_code == 1
