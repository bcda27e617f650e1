"""One value per fact: a goal that names a data series (`series:`) keeps its values there
only; `measure` and `data import` write into it, `status` and `lagesbild` read it and show
the same figure; `status --as-of` shows only the values known that day; the checks."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

PLAN = """\
    year: 2021
    focus_areas:
      - id: andt-unga
        title: ANDT unga
        goals:
          - id: alkohol-ak9
            title: Minska alkohol i åk 9
            indicator: Andel i åk 9 som druckit alkohol, %
            direction: decrease
            baseline: {year: 2020, value: 20.0}
            series: andts-alkohol-ak9
          - id: flickor-otrygghet
            title: Minska flickors otrygghet
            indicator: Andel flickor otrygga, %
            direction: decrease
            baseline: {year: 2020, value: 30.0}
    pledges: []
    activities: []
    """

SERIES = """\
    # Kommentaren överst står kvar.
    id: andts-alkohol-ak9
    title: Elever i åk 9 som druckit alkohol (ANDTS)
    label: Alkohol åk 9
    unit: "%"
    source: ANDTS-undersökningen
    frequency: year
    goal: alkohol-ak9
    values:
      - period: 2020
        value: 20
        source_text: "20 % i årskurs 9 uppgav att de druckit alkohol"
      # 2022 läses in senare
      - {period: 2022, value: 15, file: andts-2022.csv, imported: 2022-11-20}
    """


def linked(series_id: str, label: str, values: str = "[]") -> str:
    """A series that follows the goal flickor-otrygghet (`goal:`); `values` goes after
    `values:` as it is (`[]`, or lines of its own)."""
    return textwrap.dedent(f"""\
        id: {series_id}
        title: {label} (ANDTS)
        label: {label}
        unit: "%"
        source: ANDTS-undersökningen
        frequency: year
        goal: flickor-otrygghet
        """) + f"values: {values}\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """plans/ and data/ side by side, as in the group's repository."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "plans" / "2021.yaml").write_text(textwrap.dedent(PLAN), encoding="utf-8")
    (tmp_path / "data" / "andts-alkohol-ak9.yaml").write_text(textwrap.dedent(SERIES),
                                                              encoding="utf-8")
    return tmp_path


def goal(cli, home: Path, goal_id: str = "alkohol-ak9", today: str = "2021-12-15",
         *args: str) -> dict:
    result = cli("status", "--plans-dir", home / "plans", "--format", "json", *args, today=today)
    assert result.exit_code == 0, result.output
    return {g["id"]: g for g in json.loads(result.output)["goals"]}[goal_id]


def lagesbild_cell(cli, home: Path, title: str, today: str = "2021-12-15") -> list[str]:
    """The cells of the goal's row in the focus areas' table of the lägesbild."""
    result = cli("lagesbild", "--year", "2021", "--plans-dir", home / "plans", "--data-dir",
                 home / "data", "--format", "markdown", today=today)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith(f"| {title} |"))
    return [cell.strip() for cell in row.strip("|").split(" | ")]


def swedish(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def test_measure_writes_into_the_series_and_status_and_lagesbild_show_that_figure(cli, home):
    plan_before = (home / "plans" / "2021.yaml").read_bytes()
    value = 17.5
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", swedish(value),
                 "--source", "ANDTS 2021", "--plans-dir", home / "plans", today="2021-11-15")
    assert result.exit_code == 0, result.output
    assert "data/andts-alkohol-ak9.yaml" in result.output and "+ förbättrat" in result.output
    assert (home / "plans" / "2021.yaml").read_bytes() == plan_before  # not in the plan
    text = (home / "data" / "andts-alkohol-ak9.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Kommentaren överst står kvar."
    # in period order, before 2022 and its comment
    new = lines.index(f"  - {{period: 2021, value: {value}, source: ANDTS 2021, "
                      "imported: 2021-11-15}")
    assert lines[new + 1] == "  # 2022 läses in senare"

    found = goal(cli, home)
    assert found["latest"] == {"year": 2021, "value": value, "source": "ANDTS 2021",
                               "date": "2021-11-15"}
    assert [m["year"] for m in found["measurements"]] == [2021]  # not the baseline year, not 2022
    cells = lagesbild_cell(cli, home, "Minska alkohol i åk 9")
    assert cells[2] == f"Alkohol åk 9: {swedish(found['latest']['value'])}"
    assert cells[3] == "+ förbättrat" and "saknas" not in " ".join(cells)
    assert cli("validate", home / "plans", today="2021-11-15").exit_code == 0


def test_a_value_read_in_with_data_import_is_the_one_status_shows(cli, home, monkeypatch):
    monkeypatch.chdir(home)
    (home / "andts-2021.csv").write_text("År;Andel, %\n2021;18,4\n", encoding="utf-8")
    result = cli("data", "import", "andts-2021.csv", "--series", "andts-alkohol-ak9",
                 "--data-dir", home / "data", today="2021-10-01")
    assert result.exit_code == 0, result.output
    found = goal(cli, home)
    assert (found["latest"]["value"], found["latest"]["date"]) == (18.4, "2021-10-01")
    assert lagesbild_cell(cli, home, "Minska alkohol i åk 9")[2] == (
        f"Alkohol åk 9: {swedish(found['latest']['value'])}")
    # Measured again: the same line is replaced, never a second value for 2021.
    cli("measure", "alkohol-ak9", "--year", "2021", "--value", "18,2", "--source", "ANDTS 2021, "
        "reviderad", "--plans-dir", home / "plans", today="2021-10-05")
    text = (home / "data" / "andts-alkohol-ak9.yaml").read_text(encoding="utf-8")
    assert text.count("period: 2021") == 1
    assert goal(cli, home)["latest"]["value"] == 18.2


def test_as_of_shows_only_values_known_that_day(cli, home):
    cli("measure", "alkohol-ak9", "--year", "2021", "--value", "17", "--source", "ANDTS 2021",
        "--date", "2021-11-15", "--plans-dir", home / "plans", today="2021-12-01")
    assert goal(cli, home, "alkohol-ak9", "2021-12-15", "--as-of", "2021-11-14")["latest"] is None
    assert goal(cli, home, "alkohol-ak9", "2021-12-15",
                "--as-of", "2021-11-15")["latest"]["value"] == 17.0
    # A measurement in the plan without a date counts from the end of its year.
    plan = home / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "        baseline: {year: 2020, value: 30.0}\n",
        "        baseline: {year: 2020, value: 30.0}\n"
        "        measurements: [{year: 2021, value: 28.0}]\n"), encoding="utf-8")
    flickor = [goal(cli, home, "flickor-otrygghet", "2022-01-10", "--as-of", day)["latest"]
               for day in ("2021-12-30", "2021-12-31")]
    assert flickor[0] is None and flickor[1]["value"] == 28.0


def test_measure_refuses_and_writes_nothing(cli, home):
    files = [home / "plans" / "2021.yaml", home / "data" / "andts-alkohol-ak9.yaml"]
    before = [f.read_bytes() for f in files]
    cases = [
        (["--year", "2021", "--value", "17", "--source", "x", "--date", "2021-12-02"],
         "--date 2021-12-02 ligger i framtiden"),
        (["--year", "2021", "--value", "17", "--source", "x", "--date", "2020-12-31"],
         "--date 2020-12-31 ligger före mätåret 2021"),
        (["--year", "2021", "--value", "17"], "ange --source"),
        # a share in % is checked before it reaches the series, as for a plan's goal
        (["--year", "2021", "--value", "150", "--source", "x"],
         "--value 150 ligger utanför 0–100 för målet alkohol-ak9"),
    ]
    for args, message in cases:
        result = cli("measure", "alkohol-ak9", *args, "--plans-dir", home / "plans",
                     today="2021-12-01")
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output
    # 2020 is the source's own figure, written with its sentence: never overwritten
    series = home / "data" / "andts-alkohol-ak9.yaml"
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "17", "--source", "x",
                 "--plans-dir", home / "plans", today="2021-12-01")
    assert result.exit_code == 0
    before[1] = series.read_bytes()
    series.write_text(series.read_text(encoding="utf-8").replace(
        "  - {period: 2021, value: 17, source: x, imported: 2021-12-01}\n",
        "  - period: 2021\n    value: 17\n    source_text: \"17 % i årskurs 9\"\n"),
        encoding="utf-8")
    before[1] = series.read_bytes()
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "16", "--source", "y",
                 "--plans-dir", home / "plans", today="2021-12-01")
    assert result.exit_code == 2
    line = series.read_text(encoding="utf-8").splitlines().index("  - period: 2021") + 1
    assert f"värdet för 2021 i {series} (rad {line}: 17) är skrivet för hand" in result.output
    assert [f.read_bytes() for f in files] == before


def problems(cli, path: Path, today: str = "2021-12-15") -> list[str]:
    return [line for line in cli("validate", path, today=today).output.splitlines()
            if line.startswith(str(path))]


def where(path: Path, fragment: str, key: str, on_key: bool = False) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if fragment in line)
    col = lines[row].index(f"{key}:") + (0 if on_key else len(key) + 2) + 1
    return f"{path}:{row + 1}:{col}"


def test_validate_keeps_one_place_per_value(cli, home):
    plan = home / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "        series: andts-alkohol-ak9\n",
        "        series: andts-alkohol-ak9\n"
        "        measurements:\n"
        "          - {year: 2021, value: 17.0, date: 2020-12-01}\n"), encoding="utf-8")
    found = problems(cli, plan)
    assert found == [
        (f"{where(plan, 'measurements:', 'measurements', on_key=True)}: error: målet "
         "'alkohol-ak9' läser sina värden ur serien andts-alkohol-ak9 (series:) men har också "
         "measurements:; ett värde står på ett ställe: flytta värdena till "
         "data/andts-alkohol-ak9.yaml och ta bort measurements:"),
        (f"{where(plan, 'date: 2020-12-01', 'date')}: error: mätningen för 2021 är daterad "
         "2020-12-01, före året; date: är dagen värdet blev känt"),
    ]


@pytest.mark.parametrize("series_text, message", [
    (None, ("målet 'alkohol-ak9' läser sina värden ur serien 'andts-alkohol-ak9', men {path} "
            "finns inte; rätta series: eller lägg till serien (se docs/lagesbild.md)")),
    (SERIES.replace("frequency: year", "frequency: month").split("    values:")[0]
     + "    values: []\n",
     "serien 'andts-alkohol-ak9' är månadsvis; ett mål mäts per år, välj en årsvis serie"),
    (SERIES.replace("goal: alkohol-ak9", "goal: alkohol-gy2"),
     ("serien 'andts-alkohol-ak9' följer upp målet 'alkohol-gy2' (goal: i {path}); ett mål och "
      "dess serie ska peka på varandra")),
    (SERIES.replace("value: 20\n", "value: tjugo\n"),
     ("målet 'alkohol-ak9' läser sina värden ur {path}, som har fel; kör samverkan validate "
      "och rätta serien")),
])
def test_a_goals_series_must_exist_be_yearly_and_follow_the_goal(cli, home, series_text,
                                                                 message):
    series = home / "data" / "andts-alkohol-ak9.yaml"
    if series_text is None:
        series.unlink()
    else:
        series.write_text(textwrap.dedent(series_text), encoding="utf-8")
    plan = home / "plans" / "2021.yaml"
    expected = f"{where(plan, 'series:', 'series')}: error: {message.format(path=series)}"
    assert problems(cli, plan) == [expected]
    # status, the report and measure refuse it too, naming the same line
    for args in (["status", "--plans-dir", home / "plans"],
                 ["report", "--year", "2021", "--plans-dir", home / "plans", "--format",
                  "markdown"],
                 ["measure", "alkohol-ak9", "--year", "2021", "--value", "17", "--source", "x",
                  "--plans-dir", home / "plans"]):
        result = cli(*args, today="2021-12-15")
        assert result.exit_code == 1, (args, result.output)
        assert expected in result.output
    assert "Traceback" not in result.output


def test_another_plan_may_not_keep_values_of_a_goal_that_reads_a_series(cli, home):
    older = home / "plans" / "2020.yaml"
    older.write_text(textwrap.dedent(PLAN).replace("year: 2021", "year: 2020").replace(
        "        series: andts-alkohol-ak9\n",
        "        measurements: [{year: 2020, value: 19.0}]\n"), encoding="utf-8")
    assert problems(cli, older) == [
        (f"{where(older, 'measurements:', 'measurements')}: error: målet 'alkohol-ak9' läser "
         "sina värden ur serien 'andts-alkohol-ak9' enligt planen för 2021; flytta mätningarna "
         "dit med samverkan measure och ta bort dem här")]


def test_a_plan_value_that_a_following_series_gives_differently_is_a_warning(cli, home):
    (home / "data" / "andts-otrygghet-flickor-ak9.yaml").write_text(linked(
        "andts-otrygghet-flickor-ak9", "Flickor åk 9",
        "\n  - {period: 2021, value: 27.5, file: a.csv, imported: 2021-11-01}"), encoding="utf-8")
    plan = home / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "        baseline: {year: 2020, value: 30.0}\n",
        "        baseline: {year: 2020, value: 30.0}\n"
        "        measurements: [{year: 2021, value: 28.0, date: 2021-11-02}]\n"),
        encoding="utf-8")
    result = cli("validate", plan, today="2021-12-15")
    assert result.exit_code == 0  # a warning
    assert f"{where(plan, 'value: 28.0', 'value')}: warning: målet 'flickor-otrygghet' har 28 " \
           "för 2021 här, men serien 'andts-otrygghet-flickor-ak9' har 27,5; låt målet läsa " \
           "serien (series: andts-otrygghet-flickor-ak9) och ta bort measurements:" \
           in result.output


def test_a_lagesbild_cell_shows_values_or_what_is_missing_never_both(cli, home):
    data = home / "data"
    value = 27.5
    (data / "andts-otrygghet-flickor-ak9.yaml").write_text(linked(
        "andts-otrygghet-flickor-ak9", "Flickor åk 9",
        f"\n  - {{period: 2021, value: {value}, file: a.csv, imported: 2021-11-01}}"),
        encoding="utf-8")
    (data / "andts-otrygghet-flickor-gy2.yaml").write_text(linked(
        "andts-otrygghet-flickor-gy2", "Flickor gy åk 2"), encoding="utf-8")
    cells = lagesbild_cell(cli, home, "Minska flickors otrygghet")
    assert cells[2] == f"Flickor åk 9: {swedish(value)}"
    # nothing for either series: the cell says what is missing, and only that
    (data / "andts-otrygghet-flickor-ak9.yaml").write_text(linked(
        "andts-otrygghet-flickor-ak9", "Flickor åk 9"), encoding="utf-8")
    cells = lagesbild_cell(cli, home, "Minska flickors otrygghet")
    assert cells[2] == ("Flickor åk 9: saknas (läs in serien andts-otrygghet-flickor-ak9); "
                        "Flickor gy åk 2: saknas (läs in serien andts-otrygghet-flickor-gy2)")
    # the goal's own value (the one status shows) goes first, without the missing series
    plan = home / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "        baseline: {year: 2020, value: 30.0}\n",
        "        baseline: {year: 2020, value: 30.0}\n"
        "        measurements: [{year: 2021, value: 26.0, date: 2021-11-02}]\n"),
        encoding="utf-8")
    latest = goal(cli, home, "flickor-otrygghet")["latest"]["value"]
    cells = lagesbild_cell(cli, home, "Minska flickors otrygghet")
    assert cells[2] == swedish(latest) and cells[3] == "+ förbättrat"


def test_a_goal_without_a_series_keeps_its_measurements_in_the_plan(cli, home):
    result = cli("measure", "flickor-otrygghet", "--year", "2021", "--value", "29",
                 "--plans-dir", home / "plans", today="2021-12-01")
    assert result.exit_code == 0, result.output
    assert "plans/2021.yaml" in result.output
    assert "measurements:\n          - {year: 2021, value: 29, date: 2021-12-01}" in (
        home / "plans" / "2021.yaml").read_text(encoding="utf-8")
