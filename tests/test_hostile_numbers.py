"""Issue 15, item 5: every number in every kind of file is an ordinary number in a sane
range for its unit (a share in % between 0 and 100), integers are written in decimal,
and the commands that computed with `.nan`, `.inf` or a cell of 400 nines refuse them
with the line instead of exit 70 or `NaN` in JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from snapshot import copy_snapshot

ROOT = Path(__file__).resolve().parent.parent
PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
                     r"(?P<msg>.*)$")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    return tmp_path


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line `old` (stripped) of `path` by `new` (same indentation);
    return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == old)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = indent + new
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def errors(output: str) -> list[tuple[str, int, int, str]]:
    return [(Path(m["path"]).name, int(m["line"]), int(m["col"]), m["msg"])
            for m in map(PROBLEM.match, output.splitlines()) if m and m["sev"] == "error"]


# --- .nan, .inf and 400 nines ---------------------------------------------------------


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", ".NaN"])
def test_a_series_value_that_is_not_a_number_is_an_error_at_its_line(cli, folder, written):
    path = folder / "data" / "befolkning.yaml"
    line = replace_line(path, "value: 72904", f"value: {written}")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert ("befolkning.yaml", line, 12,
            "'value' ska vara ett vanligt tal, inte .nan eller .inf") in errors(result.stdout)
    # before: the lägesbild computed with it and ended in exit 70
    picture = cli("lagesbild", "--year", "2021", "--format", "markdown", today="2021-12-31")
    assert picture.exit_code == 1, picture.output
    assert "internt fel" not in picture.output and "befolkning.yaml" in picture.stderr


@pytest.mark.parametrize("written", [".nan", ".inf"])
def test_a_plan_value_that_is_not_a_number_never_reaches_json_or_the_report(cli, folder,
                                                                           written):
    replace_line(folder / "plans" / "2021.yaml", "value: 20.0", f"value: {written}")
    for command in (("status", "--format", "json"), ("report", "--format", "markdown"),
                    ("lagesbild", "--year", "2021", "--format", "markdown")):
        result = cli(*command, today="2021-12-31")
        assert result.exit_code == 1, (command, result.output)
        assert "NaN" not in result.stdout and "Infinity" not in result.stdout
        assert "internt fel" not in result.output


def test_a_csv_cell_of_400_nines_is_refused_at_its_line(cli, folder):
    export = folder / "befolkning.csv"
    export.write_text("Folkmängd i Skellefteå\nÅr;Folkmängd\n2019;72500\n2021;" + "9" * 400
                      + "\n", encoding="utf-8")
    before = (folder / "data" / "befolkning.yaml").read_bytes()
    result = cli("data", "import", export, "--series", "befolkning")
    assert result.exit_code == 1
    assert (f"{export}:4:6: error: '{'9' * 20}…' är inget rimligt tal (för stort); rätta "
            "cellen eller exportera om") in result.stderr.splitlines()
    assert (folder / "data" / "befolkning.yaml").read_bytes() == before
    assert "inf" not in (folder / "data" / "befolkning.yaml").read_text(encoding="utf-8")


# --- shares in per cent -----------------------------------------------------------------


@pytest.mark.parametrize(("value", "ok"), [("0", True), ("100", True), ("18,5", True),
                                           ("150", False), ("-1", False), ("100,5", False)])
def test_measure_refuses_a_share_outside_0_to_100(cli, folder, value, ok):
    plan = folder / "plans" / "2021.yaml"
    before = plan.read_bytes()
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", value,
                 today="2021-12-31")
    if ok:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    shown = value.replace(",", ".")
    assert result.stderr == (f"fel: --value {shown} ligger utanför 0–100 för målet alkohol-ak9 "
                             "(enhet %); skriv andelen i procent, t.ex. 18,5. Inget sparades.\n")
    assert plan.read_bytes() == before


def test_a_goal_counted_in_areas_is_not_held_to_100(cli, folder):
    result = cli("measure", "nya-grannsamverkansomraden", "--year", "2021", "--value", "150",
                 today="2021-12-31")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("old", "new", "field", "shown"), [
    ("value: 20.0", "value: 150", "value", "150"),
    ("value: 20.0", "value: -3", "value", "-3"),
])
def test_a_baseline_share_outside_0_to_100_is_an_error_at_its_line(cli, folder, old, new,
                                                                     field, shown):
    path = folder / "plans" / "2021.yaml"
    line = replace_line(path, old, new)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert ("2021.yaml", line, 18, (f"'{field}' är {shown}, utanför 0–100 för enheten %; rätta "
            "värdet")) in errors(result.stdout)


def test_a_measurement_share_outside_0_to_100_is_an_error_at_its_line(cli, folder):
    path = folder / "plans" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("          value: 20.0\n", "          value: 20.0\n", 1)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "value: 20.0")
    source = next(i for i in range(at, len(lines)) if lines[i].strip().startswith("source:"))
    lines.insert(source + 1, "        measurements:")
    lines.insert(source + 2, "          - {year: 2021, value: 250, source: ANDTS 2021}")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert ("2021.yaml", source + 3, 33, ("'value' är 250, utanför 0–100 för enheten %; rätta "
            "värdet")) in errors(result.stdout)


def test_a_series_in_per_cent_holds_shares_and_a_count_holds_counts(cli, folder):
    share = folder / "data" / "andts-alkohol-ak9.yaml"
    line = replace_line(share, "value: 20", "value: 120")
    result = cli("validate", share)
    assert ("andts-alkohol-ak9.yaml", line, 12, ("'value' är 120, utanför 0–100 för enheten "
            "%; rätta värdet")) in errors(result.stdout)
    count = folder / "data" / "befolkning.yaml"
    replace_line(count, "value: 72904", "value: 120")
    assert cli("validate", count).exit_code == 0


def test_importing_a_share_over_100_is_refused_at_its_line(cli, folder):
    export = folder / "andts.csv"
    export.write_text("År;Andel\n2021;18,5\n2022;185\n", encoding="utf-8")
    before = (folder / "data" / "andts-alkohol-ak9.yaml").read_bytes()
    result = cli("data", "import", export, "--series", "andts-alkohol-ak9", today="2022-12-31")
    assert result.exit_code == 1
    assert (f"{export}:3:1: error: värdet 185 för 2022 ligger utanför 0–100 för serien "
            "andts-alkohol-ak9 (enhet %); kontrollera kolumnen (--column) och raden (--row)"
            ) in result.stderr.splitlines()
    assert "fel: 1 värde(n) i" in result.stderr
    assert (folder / "data" / "andts-alkohol-ak9.yaml").read_bytes() == before


# --- integers in other bases, and sizes ----------------------------------------------


@pytest.mark.parametrize(("written", "decimal"), [("0x7E5", "2021"), ("0o3745", "2021")])
@pytest.mark.parametrize("kind", ["plan", "est", "series"])
def test_an_integer_in_another_base_is_refused_with_its_decimal_spelling(cli, folder, kind,
                                                                          written, decimal):
    path, old, col = {"plan": (folder / "plans" / "2021.yaml", "year: 2021", 7),
                      "est": (folder / "est" / "omraden.yaml", "start_year: 2021", 17),
                      "series": (folder / "data" / "befolkning.yaml", "- period: 2020", 13),
                      }[kind]
    key = old.split(":")[0]
    line = replace_line(path, old, f"{key}: {written}")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert (path.name, line, col, (f"talet {written} är inte skrivet med vanliga siffror; "
            f"skriv {decimal}")) in errors(result.stdout)


def test_init_from_a_plan_with_a_hexadecimal_year_is_a_message_not_exit_70(cli, folder):
    replace_line(folder / "plans" / "2022.yaml", "year: 2022", "year: 0x7E6")
    result = cli("init", "2023", today="2023-01-02")
    assert result.exit_code == 1, result.output
    assert "internt fel" not in result.output and "0x7E6" in result.stderr
    assert not (folder / "plans" / "2023.yaml").exists()


@pytest.mark.parametrize(("old", "new", "key"), [
    ("min: 10", "min: " + "9" * 400, "min"),
    ("min: 10", "min: 10000001", "min"),
])
def test_a_target_beyond_any_real_count_is_an_error_not_a_crash(cli, folder, old, new, key):
    path = folder / "plans" / "2021.yaml"
    line = replace_line(path, old, new)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert any(ln == line and msg == f"'{key}' får vara högst 1000000"
               for _, ln, _, msg in errors(result.stdout)), result.stdout
    assert cli("status", "--format", "json").exit_code == 1


def test_status_json_is_always_json(cli, folder):
    result = cli("status", "--format", "json", today="2021-12-31")
    assert result.exit_code == 0
    json.loads(result.stdout)
