"""Hostile and broken plan files: limits with clear messages, encodings and line endings
handled as a user expects, and the crashes the fuzz test found, each pinned down."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from processes import run_cli
from snapshot import PLANS

from samverkan.core import yamlfile as loader
from samverkan.plan.reader import load_plan_bytes, load_plan_text

PLAN_2021 = PLANS / "2021.yaml"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): ")


def errors(raw: bytes) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in load_plan_bytes(raw, "p.yaml").problems
            if p.severity == "error"]


# --- limits --------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path, cli, figure) -> None:
    big = tmp_path / "2021.yaml"
    with big.open("wb") as handle:
        handle.write(PLAN_2021.read_bytes())
        handle.write(b"#" * (loader.MAX_BYTES + 1 - big.stat().st_size) + b"\n")
    result = cli("validate", big)
    assert result.exit_code == 1
    assert f"{big}:1:1: error: filen är för stor (64 MB, högst 64 MB)" in result.stdout
    before = big.stat().st_size
    logged = cli("log", "ungdomsfester", "--plan", big, "--date", "2021-05-01")
    assert logged.exit_code == 1 and big.stat().st_size == before
    figure("4. Trasiga och fientliga filer / hostile files",
           f"fil på {before // 2**20} MB + 2 byte (gräns {loader.MAX_BYTES // 2**20} MB)",
           "avvisad med rad 1:1 och tydligt meddelande, exit 1, filen orörd")


def nested(depth: int) -> bytes:
    return b"year: 2021\nextra: " + b"[" * depth + b"]" * depth + b"\n"


def test_nesting_limit_has_a_clear_message_at_its_line_and_column() -> None:
    assert not any("djup" in m for _, _, m in errors(nested(loader.MAX_DEPTH)))
    assert (2, 48, "för djup nästling (mer än 40 nivåer); en plan behöver bara några få") in (
        errors(nested(loader.MAX_DEPTH + 1)))


@pytest.mark.parametrize("shape", ["flow", "dashes", "mappings", "indents"])
def test_extreme_nesting_is_a_message_not_a_crashed_process(tmp_path: Path, shape: str,
                                                             figure) -> None:
    """ruamel's C composer recursed until the process died with SIGSEGV (no message,
    no exit code a script could read) somewhere past ~25,000 levels."""
    depth = 300_000
    text = {
        "flow": b"a: " + b"[" * depth + b"]" * depth,
        "dashes": b"- " * depth + b"x\n",
        "mappings": b"{a: " * depth + b"x" + b"}" * depth,
        "indents": "".join(" " * i + "k:\n" for i in range(3000)).encode() + b"x\n",
    }[shape]
    path = tmp_path / "2021.yaml"
    path.write_bytes(text)
    result = run_cli("validate", path, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: error: för djup nästling "
                        r"\(mer än 40 nivåer\); en plan behöver bara några få\n", result.stdout)
    if shape == "flow":
        figure("4. Trasiga och fientliga filer / hostile files",
               f"nästling {depth:_} nivåer i flödesform (och lika djupt med `- ` och "
               "`{a: `, 3 000 nivåer indrag)".replace("_", " "),
               f"meddelande med rad och kolumn, exit 1 (gräns {loader.MAX_DEPTH}; "
               "tidigare segmenteringsfel)")


def aliases(count: int) -> str:
    uses = "".join("  - *t\n" for _ in range(count))
    return f"year: 2021\nextra:\n  - &t {{a: 1}}\n{uses}"


def test_alias_count_limit() -> None:
    assert not any("alias" in m for _, _, m in errors(aliases(loader.MAX_ALIASES).encode()))
    found = errors(aliases(loader.MAX_ALIASES + 1).encode())
    assert ("för många alias (*namn) i filen (högst 100); skriv ut värdena i stället"
            in [m for _, _, m in found])


def test_billion_laughs_and_recursive_aliases_are_refused_fast(figure) -> None:
    laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (line, _, message), *_ = errors("\n".join(laughs).encode())
    assert line == 7 and "blåser upp filen till över 5000000 värden" in message
    assert errors(b"a: &x [*x]\n") == [
        (1, 4, "ett alias (*namn) pekar på sig självt; skriv ut värdet i stället")]
    figure("4. Trasiga och fientliga filer / hostile files",
           "alias: 101 användningar; 10⁹ värden ('billion laughs'); alias till sig självt",
           "tre tydliga meddelanden, inget byggs upp i minnet")


# --- encodings, byte-order marks, line endings, tabs -------------------------------------


def test_byte_order_mark_is_accepted_and_kept_by_log(plans: Path, cli) -> None:
    plan = plans / "2021.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())
    assert cli("validate", plan).exit_code == 0
    assert cli("log", "ungdomsfester", "--plan", plan, "--date", "2021-05-01").exit_code == 0
    raw = plan.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    assert cli("validate", plan).exit_code == 0


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_are_kept_by_log(plans: Path, cli, newline: str) -> None:
    plan = plans / "2021.yaml"
    plan.write_bytes(plan.read_bytes().replace(b"\n", newline.encode()))
    for day in ("2021-05-01", "2021-05-02"):
        assert cli("log", "ungdomsfester", "--plan", plan, "--date", day).exit_code == 0
    text = plan.read_bytes().decode()
    others = {"\r\n": ["\n", "\r"], "\r": ["\n"]}[newline]
    assert all(other not in text.replace(newline, "") for other in others)
    assert text.count("pledge: ungdomsfester") == 2
    assert cli("validate", plan).exit_code == 0


def test_tab_in_indentation_is_named_as_such(write_plan, cli) -> None:
    plan = write_plan(PLAN_2021.read_text().replace("\n  - id: andt-unga", "\n\t- id: andt-unga"))
    result = cli("validate", plan)
    line = PLAN_2021.read_text().splitlines().index("  - id: andt-unga") + 1
    assert result.exit_code == 1
    assert (f"{plan}:{line}:1: error: tabbtecken i indrag; YAML kräver mellanslag för indrag"
            in result.stdout)


def test_tabs_inside_values_are_fine_and_a_tab_in_a_note_is_saved_as_a_space(
        plans: Path, cli) -> None:
    plan = plans / "2021.yaml"
    plan.write_bytes(plan.read_bytes().replace(b"language: sv", b"language:\tsv\t"))
    assert cli("validate", plan).exit_code == 0
    assert cli("log", "ungdomsfester", "--plan", plan, "--date", "2021-05-01",
               "--note", "Kväll\tmed\tfältare").exit_code == 0
    assert "note: Kväll med fältare}" in plan.read_text()


def test_utf16_and_latin1_files_say_what_to_do(write_plan, cli) -> None:
    utf16 = write_plan("", name="a.yaml")
    utf16.write_bytes(PLAN_2021.read_text().encode("utf-16"))
    latin1 = write_plan("", name="b.yaml")
    latin1.write_bytes(PLAN_2021.read_text().encode("latin-1", errors="replace"))
    result = cli("validate", utf16, latin1)
    assert result.exit_code == 1
    assert (f"{utf16}:1:1: error: filen är sparad som UTF-16; spara den som UTF-8 i din editor"
            in result.stdout)
    line, text = next((n, t) for n, t in enumerate(PLAN_2021.read_text().splitlines(), start=1)
                      if not t.isascii())
    col = next(i for i, c in enumerate(text, start=1) if not c.isascii())
    assert f"{latin1}:{line}:{col}: error: ogiltig UTF-8" in result.stdout


def test_control_character_is_reported_where_it_is(write_plan, cli) -> None:
    """A vertical tab (Word's shift-enter) used to be reported at 1:1."""
    plan = write_plan("year: 2021\nlanguage: sv\nfocus_areas: []\npledges: []\n"
                      "activities:\n  - {pledge: x, date: 2021-01-01, note: \"a\x0bb\"}\n")
    result = cli("validate", plan)
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(plan))}:6:43: error: otillåtet styrtecken \(U\+000B\)",
                     result.stdout, re.MULTILINE)


# --- crashes the fuzz test found ---------------------------------------------------------


def test_a_duplicated_key_is_a_problem_not_a_crash(write_plan, cli) -> None:
    """Any duplicated key (the commonest slip in a hand edit) crashed every command with
    an internal error: the message's `key` value clashed with a parameter name."""
    plan = write_plan(PLAN_2021.read_text().replace("language: sv\n", "language: sv\nyear: 2021\n"))
    result = cli("validate", plan)
    assert result.exit_code == 1
    line = PLAN_2021.read_text().splitlines().index("year: 2021") + 1
    assert (f"{plan}:{line + 2}:1: error: nyckeln 'year' står två gånger (först på rad {line}); "
            "ta bort den ena") in result.stdout


def test_a_list_as_id_is_a_problem_not_a_crash() -> None:
    """`id: [x]` crashed the reference check (an unhashable id)."""
    text = PLAN_2021.read_text().replace("  - id: andt-unga", "  - id: [andt-unga]")
    problems = load_plan_text(text).problems
    assert any("'id' ska vara text" in p.message for p in problems)
    text = textwrap.dedent("""\
        year: 2021
        focus_areas: [{id: !!set {a}, title: x}]
        pledges: [{id: !!set {b}, title: y, focus_area: a, owner: polis, target: null}]
    """)
    assert load_plan_text(text).problems


def test_an_error_at_the_end_of_a_truncated_file_points_at_its_last_line(write_plan,
                                                                         cli) -> None:
    """The fuzz test found `PATH:23:1` for a 22-line file cut off in its last line."""
    plan = write_plan("")
    plan.write_bytes(b"year: 2021\nlanguag")
    result = cli("validate", plan)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{plan}:2:8: error: YAML-syntaxfel:")
