"""The base data in `data/`: the shipped figures with their source sentences, and `validate`
on series files (every problem at its line and column)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from snapshot import DATA, PLANS

from samverkan.stats.periods import Period
from samverkan.stats.series import Series, load_series


def shipped(series_id: str) -> Series:
    loaded = load_series(DATA / f"{series_id}.yaml")
    assert loaded.ok, [p.format() for p in loaded.problems]
    assert isinstance(loaded.plan, Series)
    return loaded.plan


def value(series_id: str, period: object, category: str | None = None):
    from samverkan.stats.periods import parse_period

    found = shipped(series_id).at(parse_period(period), category)
    assert found is not None, (series_id, period, category)
    return found


def test_the_shipped_data_validates_without_problems(workspace, cli):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert "data/" not in result.output  # no problem in any series or text
    files = len([*DATA.glob("*.yaml"), *DATA.glob("*.md"), *PLANS.glob("*.yaml")])
    assert f"{files} filer kontrollerade: inga fel" in result.output


@pytest.mark.parametrize(("series_id", "period", "category", "expected", "quote"), [
    ("befolkning", 2016, None, 72266, "ökat från 72 266 till 72 904 mellan åren 2016–2020"),
    ("befolkning", 2020, None, 72904, "ökat från 72 266 till 72 904 mellan åren 2016–2020"),
    ("ntu-svarande", "2017–2018", None, 1526, "1526 personer, mellan 16 och 84 år"),
    ("ntu-otrygghet-kvall", "2017–2018", "Skellefteå kommun", 16, "16 % som upplever otrygghet"),
    ("ntu-otrygghet-kvall", "2017–2018", "Hela riket", 28, "I hela riket är det 28 %"),
    ("medborgardialog-svarande", 2020, "totalt", 213, "totalt 213 personer"),
    ("medborgardialog-svarande", 2020, "kvinnor", 106, "106 kvinnor, 54 män och 53"),
    ("medborgardialog-svarande", 2020, "män", 54, "106 kvinnor, 54 män och 53"),
    ("medborgardialog-svarande", 2020, "kön ej angivet", 53, "valde att inte ange sitt kön"),
    ("medborgardialog-val", 2020,
     "Alternativ 1: minska ungdomars användande av alkohol och narkotika", 189,
     "189 som valde alternativ 1"),
    ("andts-alkohol-ak9", 2012, None, 12, "jämfört med 2012 då 12%"),
    ("andts-alkohol-ak9", 2020, None, 20, "20 % i årskurs 9"),
    ("andts-narkotika-ak9", 2017, None, 7, "7% 2017 i åk 9"),
    ("andts-narkotika-gy2", 2020, None, 8, "åk 2 i gymnasiet så uppgår 8%"),
])
def test_each_figure_of_the_source_is_shipped_with_its_sentence(series_id, period, category,
                                                                  expected, quote):
    entry = value(series_id, period, category)
    assert entry.value == expected
    assert quote in entry.source_text


def test_a_range_is_kept_as_low_and_high_never_a_midpoint():
    for year in (2018, 2019, 2020):
        entry = value("andts-narkotika-ak9", year)
        assert (entry.value, entry.low, entry.high) == (None, 3, 4)
        assert "nivåer 3–4%" in entry.source_text


def test_ntu_covers_the_two_survey_years_as_one_period():
    assert value("ntu-svarande", "2017–2018").when == Period(2018, 0, 2017)


@pytest.mark.parametrize("series_id", ["brott-totalt", "brott-vald", "brott-tillgrepp",
                                       "brott-otrygghet", "andts-otrygghet-flickor-ak9",
                                       "andts-otrygghet-pojkar-ak9", "andts-otrygghet-flickor-gy2",
                                       "andts-otrygghet-pojkar-gy2", "andts-alkohol-gy2"])
def test_series_the_source_shows_only_as_pictures_are_shipped_empty(series_id):
    series = shipped(series_id)
    assert series.values == ()
    assert "samverkan data import" in (DATA / f"{series_id}.yaml").read_text(encoding="utf-8")


def test_every_shipped_value_names_its_source_sentence():
    for path in DATA.glob("*.yaml"):
        for entry in shipped(path.stem).values:
            assert entry.source_text, (path.name, entry.period)


def test_goal_links_name_goals_of_the_plans():
    from samverkan.plan.reader import load_plan

    plan = load_plan(PLANS / "2021.yaml").plan
    goals = {g.id for area in plan.focus_areas for g in area.goals}
    linked = {shipped(p.stem).goal for p in DATA.glob("*.yaml")} - {None}
    assert linked and linked <= goals


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems(result) -> list[tuple[int, int, str]]:
    found = []
    for line in result.output.splitlines():
        parts = line.split(":", 4)
        if len(parts) == 5 and parts[1].isdigit():
            found.append((int(parts[1]), int(parts[2]), parts[3].strip()))
    return found


def test_validate_places_each_series_problem_on_its_line(tmp_path, cli):
    path = write(tmp_path / "data", "brott-totalt.yaml", """
        id: brott-totalt
        title: Anmälda brott
        unit: anmälda brott
        source: Brå
        frequency: month
        values:
          - {period: 2021-01, value: 712, file: a.csv}
          - {period: 2021-13, value: 700, file: a.csv}
          - {period: 2021-01, value: 713, file: a.csv}
          - {period: 2021, value: 9000, file: a.csv}
          - {period: 2021-02, value: 1, low: 1, high: 2, file: a.csv}
          - {period: 2021-03, file: a.csv}
          - {period: 2021-04, low: 5, high: 4, file: a.csv}
          - {period: 2021-05, value: 3}
          - {period: 2021-06, valeu: 3, file: a.csv}
    """)
    result = cli("validate", str(path))
    assert result.exit_code == 1
    found = problems(result)
    assert (8, 14, "error") in found       # month 13
    assert (9, 14, "error") in found       # the period again
    assert (10, 14, "error") in found      # a year in a monthly series
    assert (11, 5, "error") in found       # value and range
    assert (12, 5, "error") in found       # no value
    assert (13, 5, "error") in found       # low > high
    assert (14, 5, "warning") in found     # no source
    assert (15, 23, "error") in found      # unknown key, on the key
    text = result.output
    assert "perioden 2021-01 finns redan (rad 7)" in text
    assert "serien är månadsvis (frequency: month) men perioden 2021 är ett år" in text
    assert "okänd nyckel 'valeu'; menade du 'value'?" in text
    assert "värdet för 2021-05 saknar källa" in text
    assert "period ska vara ett år (2021), en månad (2021-03)" in text


def test_the_id_must_be_the_file_name(tmp_path, cli):
    path = write(tmp_path / "data", "befolkning.yaml", """
        id: folkmangd
        title: Folkmängd
        unit: invånare
        source: SCB
        frequency: year
        values: []
    """)
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:1:5: error: id 'folkmangd' ska vara filens namn 'befolkning'" in result.output


def test_an_empty_series_file_says_what_a_series_needs(tmp_path, cli):
    path = write(tmp_path / "data", "x.yaml", "# tom\n")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "en serie behöver id, title, unit, source, frequency och values" in result.output


def test_files_outside_a_data_folder_are_still_checked_as_plans(tmp_path, cli):
    path = write(tmp_path / "plans", "2021.yaml", """
        id: brott-totalt
        title: x
    """)
    result = cli("validate", str(path))
    assert "nyckeln 'year' saknas" in result.output


def test_validate_checks_the_groups_texts_for_identity_numbers(workspace, cli):
    (workspace / "data" / "analys.md").write_text(
        "Analys\n\nSamtal med 811218-9876 om läget.\n", encoding="utf-8")
    for args in ([], ["data"]):
        result = cli("validate", *args)
        assert result.exit_code == 1
        assert "data/analys.md:3:12: error: personnummer eller samordningsnummer" in result.output
    refused = cli("lagesbild", "--year", "2021", "--format", "markdown")
    assert refused.exit_code == 1
    assert "data/analys.md:3:12: error: personnummer" in refused.output
    assert "Samtal med" not in refused.stdout


def test_validate_finds_the_data_folder_named_by_option_or_environment(tmp_path, cli):
    write(tmp_path / "plans", "2021.yaml", (PLANS / "2021.yaml").read_text("utf-8"))
    grund = tmp_path / "grund"
    write(grund, "befolkning.yaml", """
        id: befolkning
        title: Folkmängd
        unit: invånare
        source: SCB
        frequency: year
        values:
          - {period: 2016, value: 72266}
    """)
    plans = str(tmp_path / "plans")
    for args, env in ((["--data-dir", str(grund)], {}), ([], {"SAMVERKAN_DATA_DIR": str(grund)})):
        result = cli("validate", "--plans-dir", plans, *args, env=env)
        assert result.exit_code == 0
        assert f"{grund}/befolkning.yaml:7:5: warning: värdet för 2016 saknar källa" in result.output
