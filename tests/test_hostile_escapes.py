"""Issue 15, items 1 and 6: identity numbers and control characters written with YAML
escapes are caught in every kind of file the tool reads, at the value's line and
column; and nothing a file (or a file name) holds reaches the terminal as a control
character."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from snapshot import copy_snapshot

ROOT = Path(__file__).resolve().parent.parent
PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
                     r"(?P<msg>.*)$")
IDENTITY = "personnummer eller samordningsnummer"
CONTROL = "styrtecken"

# (how the value is written in the file, what it is): issue 15 items 1 and 6, verbatim
CASES = [
    (r'"811218\x2d9876"', IDENTITY),
    (r'"\x381121898\x376"', IDENTITY),
    ('"811218-\\\n          9876"', IDENTITY),
    (r'"811218\u002D9876"', IDENTITY),
    (r'"\e[2J"', CONTROL),
    (r'"\a"', CONTROL),
    (r'"\0"', CONTROL),
    (r'"\e]0;..\a"', CONTROL),
]
CASE_IDS = ["x2d", "x38-x37", "continued", "u002D", "e-2J", "bell", "nul", "osc-title"]

# Every kind of file, with VALUE where a text goes (`{}` is the shipped file's text).
KINDS = {
    "plan": ("plans/2021.yaml", None, """\
        activities:
          - {id: ab1, pledge: trygghetsvandringar, date: 2021-03-01, note: VALUE}
        """),
    "agreement": ("plans/agreement.yaml", None, None),  # title: VALUE
    "est-omraden": ("est/omraden.yaml", None, None),     # description: VALUE
    "est-observationer": ("est/observationer-2021.yaml", """\
        kind: est-observationer
        year: 2021
        observations:
          - {id: a1, area: centrum, category: klotter, week: "2021-W10", note: VALUE}
        """, None),
    "est-insatser": ("est/insatser.yaml", """\
        kind: est-insatser
        analyses: []
        measures:
          - {id: ljus, area: centrum, title: VALUE, start: 2021-03-01, categories: [klotter]}
        follow_ups: []
        """, None),
    "est-forebyggargrupper": ("est/forebyggargrupper.yaml", None, None),  # a group's name
    "est-grupplagesbilder": ("est/grupplagesbilder-2021.yaml", """\
        kind: est-grupplagesbilder
        year: 2021
        pictures:
          - {id: a1, group: kage, period: 2021-03, date: 2021-03-24, text: VALUE}
        """, None),
    "data-series": ("data/befolkning.yaml", None, None),  # title: VALUE
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_snapshot(tmp_path)
    groups = tmp_path / "est" / "forebyggargrupper.yaml"
    groups.write_text(groups.read_text(encoding="utf-8").replace(
        "groups: []", "groups:\n  - {id: kage, name: Kåge}"), encoding="utf-8")
    return tmp_path


def place(folder: Path, kind: str, value: str) -> tuple[Path, int, int]:
    """Write `value` into a file of `kind`; the file, and the line and column of the value."""
    name, whole, appended = KINDS[kind]
    path = folder / name
    if whole is not None:
        text = textwrap.dedent(whole)
    elif appended is not None:
        text = path.read_text(encoding="utf-8").replace("activities: []\n", "") + \
            textwrap.dedent(appended)
    else:
        text = path.read_text(encoding="utf-8")
        pattern = {"agreement": r"^title: .*$", "data-series": r"^title: .*$",
                   "est-omraden": r"^    description: .*$",
                   "est-forebyggargrupper": r"name: Kåge"}[kind]
        key = {"est-omraden": "    description: ", "est-forebyggargrupper": "name: "}.get(
            kind, "title: ")
        text, n = re.subn(pattern, key + "VALUE", text, count=1, flags=re.MULTILINE)
        assert n == 1
    at = text.index("VALUE")
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    path.write_text(text.replace("VALUE", value), encoding="utf-8")
    return path, line, col


def problems(output: str) -> list[tuple[str, int, int, str, str]]:
    return [(Path(m["path"]).name, int(m["line"]), int(m["col"]), m["sev"], m["msg"])
            for m in map(PROBLEM.match, output.splitlines()) if m]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_file_is_valid_before_the_attack(cli, folder, kind) -> None:
    path, _, _ = place(folder, kind, "Trygghetsvandring i centrum")
    result = cli("validate", path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize(("written", "what"), CASES, ids=CASE_IDS)
def test_escaped_number_or_control_character_is_reported_at_the_value(cli, folder, kind,
                                                                       written, what) -> None:
    path, line, col = place(folder, kind, written)
    result = cli("validate", path)
    assert result.exit_code == 1, result.output
    assert (path.name, line, col) in [(n, ln, c) for n, ln, c, sev, msg in problems(result.stdout)
                                      if sev == "error" and what in msg], result.stdout
    assert "9876" not in result.output and "\x1b" not in result.output
    assert "\x07" not in result.output and "\x00" not in result.output


@pytest.mark.parametrize(("written", "what"), [CASES[i] for i in (0, 1, 3)],
                         ids=[CASE_IDS[i] for i in (0, 1, 3)])
def test_an_escaped_number_in_a_key_is_reported_too(cli, folder, written, what) -> None:
    """(A key may not run over two lines in YAML, so the continued case has no key form.)"""
    path = folder / "plans" / "2021.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "language: sv\n", f"language: sv\n{written}: 1\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("language: sv") + 2
    result = cli("validate", path)
    assert result.exit_code == 1
    assert any(ln == line and c == 1 and IDENTITY in msg
               for _, ln, c, _, msg in problems(result.stdout)), result.stdout


@pytest.mark.parametrize("command", [
    ("activities", "--format", "csv"),
    ("report", "--format", "markdown"),
    ("status", "--format", "json"),
])
@pytest.mark.parametrize(("written", "what"), CASES, ids=CASE_IDS)
def test_the_commands_that_printed_the_number_refuse_the_plan(cli, folder, command, written,
                                                              what) -> None:
    place(folder, "plan", written)
    result = cli(*command, "--plans-dir", folder / "plans")
    assert result.exit_code == 1
    assert "811218-9876" not in result.output and "8112189876" not in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


@pytest.mark.parametrize(("written", "what"), CASES, ids=CASE_IDS)
def test_est_status_refuses_an_escaped_title(cli, folder, written, what) -> None:
    place(folder, "est-insatser", written)
    result = cli("est", "status", "--est-dir", folder / "est")
    assert result.exit_code == 1
    assert "9876" not in result.output and "\x1b" not in result.output


# --- never a control character from a file on the terminal ---------------------------


def test_a_value_quoted_in_a_message_is_shown_without_its_control_characters(cli, folder):
    """`validate` names an unknown pledge as the file writes it; a terminal would have
    cleared the screen and set its title."""
    path = folder / "plans" / "2021.yaml"
    text = path.read_text(encoding="utf-8").replace("activities: []\n", "")
    path.write_text(text + "activities:\n  - {id: ab1, pledge: \"\\e]0;x\\a\\e[2J\", "
                    "date: 2021-03-01}\n", encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", result.output)
    assert "\\u001b]0;x\\u0007\\u001b[2J" in result.stdout  # shown, not acted on


def test_a_file_name_with_control_characters_is_shown_safely(cli, tmp_path):
    result = cli("validate", tmp_path / "\x1b[2J.yaml")
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\\u001b[2J.yaml" in result.output


def test_a_raw_bidirectional_override_is_refused_and_never_printed(cli, folder):
    """U+202E is allowed by YAML but shows a line backwards (`a\u202eb`)."""
    path, line, col = place(folder, "plan", "Kv\u202eällsvandring")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert (path.name, line, col + 2, "error",
            ("otillåtet styrtecken (U+202E); ta bort det (följer ofta med text som klistrats "
             "in från ett ordbehandlingsprogram)")) in problems(result.stdout)


@pytest.mark.parametrize("text", ["a\x1b[2Jb", "ring\x07", "\x9b31m", "a\u202eb"])
def test_an_option_with_a_control_character_is_refused_before_any_file_is_touched(
        cli, folder, text) -> None:
    plan = folder / "plans" / "2021.yaml"
    before = plan.read_bytes()
    result = cli("log", "trygghetsvandringar", "--date", "2021-03-01", "--note", text,
                 "--plans-dir", folder / "plans")
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: --note innehåller ett styrtecken (U+")
    assert plan.read_bytes() == before
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", result.output)


def test_a_folder_name_with_a_control_character_is_shown_escaped_when_written(
        cli, folder, tmp_path) -> None:
    """`publish --output $'ring\\a'`: the site is written, and the line that names the folder
    shows the bell as `\\u0007` instead of ringing it (the fuzzer's case publish#690)."""
    target = tmp_path / "ring\x07"
    result = cli("publish", "--as-of", "2021-12-31", "--output", target,
                 "--plans-dir", folder / "plans")
    assert result.exit_code == 0, result.output
    assert (target / "index.html").is_file()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.output)
    assert f"{tmp_path}/ring\\u0007 (" in result.output


def test_the_markdown_texts_of_the_data_folder_are_checked_for_control_characters(cli, folder):
    path = folder / "data" / "inledning.md"
    path.write_text("# Inledning\n\nText med \x1b[2J i sig.\n", encoding="utf-8")
    result = cli("validate", "--plans-dir", folder / "plans")
    assert result.exit_code == 1
    assert ("inledning.md", 3, 10, "error",
            "otillåtet styrtecken (U+001B); ta bort det, det hör inte hemma i en text") in (
        problems(result.stdout))
    shown = cli("lagesbild", "--year", "2021", "--format", "markdown",
                "--plans-dir", folder / "plans", today="2021-12-31")
    assert shown.exit_code == 1 and "\x1b" not in shown.output


def test_the_terminal_filter_keeps_text_and_line_breaks_and_shows_the_rest() -> None:
    from samverkan.core.text import terminal_safe

    assert terminal_safe("Kvällsvandring\tcentrum\r\nrad två\n") == (
        "Kvällsvandring\tcentrum\r\nrad två\n")
    assert terminal_safe("a\x1b[2J\x07\x00\x9b\u202eb\rc\udce9") == (
        "a\\u001b[2J\\u0007\\u0000\\u009b\\u202eb\\u000dc\\udce9")
