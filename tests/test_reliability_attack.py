"""An independent attack (issue 15): the cases an outside attacker found, one by one, and
a seeded fuzzer over every kind of file and every command's options.

`test_the_independent_attack_case_by_case` runs each case of the issue through the
command line and records its outcome for docs/reliability.md. The fuzzer mutates the
files of every kind (plans, the agreement, the five kinds of EST file, data series, the
group's Markdown texts, a CSV export) and builds command lines from every command's
options (read from the command line itself, so a new option is fuzzed at once) with
odd values: text that is not UTF-8, control characters, huge and negative numbers,
impossible dates and years, empty strings, paths to devices, folders, pipes and links.
No case may end in exit 70, a traceback, a wait, or a control character on the screen.
Replay a failing case by its name: `file_cases(SEED, n)` / `argument_cases(SEED, n)`.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
import typer.testing
from mutations import mutate
from processes import cli_env
from snapshot import copy_snapshot
from typer.testing import CliRunner

from samverkan.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = 20210128 + 15  # the background document's date, and the issue
SECTION = "7. Oberoende attack / independent attack"
TODAY = "2021-06-30"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CASE_SECONDS = 30


# --- the workspace: every kind of file, with content ------------------------------------


A = "{id: a1, pledge: trygghetsvandringar, date: 2021-03-01, tags: [centrum], note: Kväll}"
EXTRA = {
    "est/observationer-2021.yaml": """\
        kind: est-observationer
        year: 2021
        observations:
          - {id: o1, area: centrum, category: klotter, week: "2021-W10", count: 3, reporter: polisen}
          - {id: o2, area: centrum, category: klotter, week: "2021-W11", count: 1, reporter: polisen}
          - {id: o3, area: centrum, category: nedskrapning, date: 2021-03-18, reporter: polisen}
        """,
    "est/grupplagesbilder-2021.yaml": """\
        kind: est-grupplagesbilder
        year: 2021
        pictures:
          - {id: g1, group: kage, period: 2021-03, date: 2021-03-24, counts: {vald-hot: 2}, text: Lugnt}
          - {id: g2, group: kage, period: 2021-02, date: 2021-02-24, counts: {mobbning-exkludering: 1}}
        """,
    "est/insatser.yaml": """\
        kind: est-insatser
        analyses:
          - {id: an1, area: centrum, period: 2021Q1, date: 2021-04-01, text: Belysningen, categories: [klotter]}
        measures:
          - {id: ljus, area: centrum, title: Bättre belysning, start: 2021-03-01, categories: [klotter]}
        follow_ups:
          - {id: f1, measure: ljus, date: 2021-06-01, assessment: delvis}
        """,
    "export.csv": """\
        Folkmängd i Skellefteå
        År;Folkmängd
        2019;72500
        2021;73000
        """,
}


def make_workspace(folder: Path) -> Path:
    copy_snapshot(folder)
    plan = folder / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "activities: []\n", f"activities:\n  - {A}\n"), encoding="utf-8")
    areas = folder / "est" / "omraden.yaml"
    areas.write_text(areas.read_text(encoding="utf-8").replace(
        "    reporters: []", "    reporters:\n      - {id: polisen, name: Polisen}"),
        encoding="utf-8")
    groups = folder / "est" / "forebyggargrupper.yaml"
    groups.write_text(groups.read_text(encoding="utf-8").replace(
        "groups: []", "groups:\n  - {id: kage, name: Kåge}"), encoding="utf-8")
    for name, text in EXTRA.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    odd = folder / "odd"
    odd.mkdir()
    (odd / "dir").mkdir()
    (odd / "dangling.md").symlink_to(odd / "nowhere" / "x.md")
    (odd / "link-to-dir").symlink_to(odd / "dir")
    (odd / "link-to-plan.md").symlink_to(plan)
    os.mkfifo(odd / "fifo")
    return folder


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_workspace(tmp_path / "template")  # (what `_reset` copies back)
    work = make_workspace(tmp_path / "work")
    monkeypatch.chdir(work)
    for name in ("SAMVERKAN_PLANS_DIR", "SAMVERKAN_DATA_DIR", "SAMVERKAN_EST_DIR",
                 "SAMVERKAN_DEBUG", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAMVERKAN_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    # (typer's test runner builds the command line anew for every call; once is enough)
    built = typer.main.get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: built)
    return work


# --- running one case --------------------------------------------------------------------


class _TooLong(BaseException):
    """(Not an Exception: the command's last line of defence must not catch it.)"""


def _alarm(signum, frame):
    raise _TooLong


def run(args: list[str]) -> tuple[int, str, str | None]:
    """(exit code, everything printed, what is wrong with how the command ended or None)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        result = CliRunner().invoke(app, args)
    except _TooLong:
        return -1, "", f"still running after {CASE_SECONDS} s"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    printed = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return result.exit_code, printed, f"traceback: {result.exception!r}"
    if result.exit_code == 70 or "internt fel" in printed:
        return 70, printed, f"exit 70: {printed.strip().splitlines()[-1:]}"
    if result.exit_code not in (0, 1, 2):
        return result.exit_code, printed, f"exit {result.exit_code}"
    if CONTROL.search(printed):
        return result.exit_code, printed, "a control character on the screen"
    return result.exit_code, printed, None


# --- the file fuzzer ---------------------------------------------------------------------


HOSTILE = [
    r'"811218\x2d9876"', r'"\x381121898\x376"', r'"811218\u002D9876"', '"811218-\\\n    9876"',
    r'"\e[2J"', r'"\a"', r'"\0"', r'"\e]0;titel\a"', '"a\u202eb"', "a\u202eb", r'"\u202e"',
    ".nan", ".inf", "-.inf", ".NaN", "0x7E5", "0o3745", "0b101", "9" * 400, "-" + "9" * 400,
    "1e400", "-1e400", "1e308", "150", "100.5", "-5", "-0.0", "1000001", "99999999999",
    "2021-02-30", "9999-12-31", "0001-01-01", "2021-12-31T23:59:60", '"2021-W99"',
    '"2021-W53"', "2021Q5", '"2021-13"', "20210", '""', '" "', "~", "[]", "{}",
    '"' + "x" * 3000 + '"', "&a [1]", "*a", "!!binary aGVq", "<<: {a: 1}", "!!float 1",
    "!!int 0x10", "!!str 1", "[.nan, .inf]", "{value: .inf}", "{low: 150, high: 200}",
]


def hostile_value(rng: random.Random, text: str) -> str:
    """A value of a `key: value` line (a flow entry too) made one of `HOSTILE`."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines)
             if re.search(r"\w: \S", line) and not line.lstrip().startswith("#")]
    if not keyed:
        return text
    i = rng.choice(keyed)
    matches = list(re.finditer(r"(\w+): ([^,{}\[\]]+)", lines[i]))
    if not matches:
        return text
    m = rng.choice(matches)
    lines[i] = lines[i][: m.start(2)] + rng.choice(HOSTILE) + lines[i][m.end(2):]
    return "\n".join(lines)


KINDS = {  # the file, and the commands that read it (besides `validate FILE`)
    "plan": ("plans/2021.yaml", [
        ["status", "--format", "json"], ["status", "--plan", "plans/2021.yaml"],
        ["report", "--format", "markdown"], ["activities", "--format", "csv"],
        ["log", "ungdomsfester", "--date", "2021-05-01", "--note", "Fuzz"],
        ["measure", "alkohol-ak9", "--year", "2021", "--value", "18,5"],
        ["remove", "a1"], ["init", "2023"], ["status", "--agreement"],
        ["lagesbild", "--year", "2021", "--format", "markdown"]]),
    "agreement": ("plans/agreement.yaml", [["status", "--agreement"],
                                           ["report", "--agreement", "--format", "markdown"]]),
    "est-omraden": ("est/omraden.yaml", [
        ["est", "lagesbild", "--period", "2021-03"], ["est", "status"],
        ["est", "rapport", "centrum", "klotter", "--reporter", "polisen", "--week", "2021-W12"],
        ["status", "--agreement"]]),
    "est-observationer": ("est/observationer-2021.yaml", [
        ["est", "lagesbild", "--period", "2021-03", "--format", "json"],
        ["est", "lagesbild", "--period", "2021Q1", "--format", "markdown"], ["est", "status"],
        ["est", "rapport", "centrum", "klotter", "--reporter", "polisen", "--week", "2021-W12"]]),
    "est-insatser": ("est/insatser.yaml", [
        ["est", "status", "--format", "json"], ["est", "status"],
        ["est", "insats", "centrum", "--title", "Ny", "--category", "klotter"],
        ["est", "uppfoljning", "ljus", "--assessment", "god"],
        ["est", "analys", "centrum", "--period", "2021-03", "--text", "Orsak"]]),
    "est-forebyggargrupper": ("est/forebyggargrupper.yaml", [
        ["est", "grupp", "oversikt", "--period", "2021Q1"],
        ["est", "grupp", "lagesbild", "--period", "2021-03", "--format", "json"],
        ["est", "grupp", "rapport", "kage", "--period", "2021-04", "--count", "vald-hot=1"]]),
    "est-grupplagesbilder": ("est/grupplagesbilder-2021.yaml", [
        ["est", "grupp", "oversikt", "--period", "2021Q1", "--format", "markdown"],
        ["est", "grupp", "lagesbild", "kage", "--period", "2021-03"],
        ["est", "grupp", "rapport", "kage", "--period", "2021-04", "--count", "vald-hot=1"]]),
    "data-series": ("data/befolkning.yaml", [
        ["lagesbild", "--year", "2021", "--format", "markdown"],
        ["data", "import", "export.csv", "--series", "befolkning"]]),
    "data-share": ("data/andts-alkohol-ak9.yaml", [
        ["lagesbild", "--year", "2021", "--format", "markdown"], ["status", "--format", "json"]]),
    "data-text": ("data/inledning.md", [["lagesbild", "--year", "2021", "--format", "markdown"]]),
    "csv-export": ("export.csv", [["data", "import", "export.csv", "--series", "befolkning"],
                                  ["data", "import", "export.csv", "--series", "befolkning",
                                   "--column", "Folkmängd"]]),
}


def file_cases(seed: int, count: int, originals: dict[str, bytes]
               ) -> Iterator[tuple[str, str, bytes, list[str]]]:
    """(name, file, mutated bytes, the command that reads it) for `count` cases."""
    rng = random.Random(seed)
    kinds = sorted(KINDS)
    for index in range(count):
        kind = kinds[index % len(kinds)]
        path, commands = KINDS[kind]
        raw = originals[path]
        if rng.random() < 0.5:
            names = []
            for _ in range(rng.choice([1, 1, 2])):
                text = raw.decode("utf-8", errors="surrogateescape")
                raw = hostile_value(rng, text).encode("utf-8", errors="surrogateescape")
                names.append("hostile_value")
            how = "+".join(names)
        else:
            how, raw = mutate(rng, raw)
        yield f"{kind}#{index}:{how}", path, raw, rng.choice(commands)


def fuzz_files(workspace: Path, seed: int, count: int) -> tuple[list[str], Counter[str]]:
    originals = {path: (workspace / path).read_bytes() for path, _ in KINDS.values()}
    wrong: list[str] = []
    exits: Counter[str] = Counter()
    for name, path, raw, command in file_cases(seed, count, originals):
        target = workspace / path
        target.write_bytes(raw)
        for args in (["validate", path], command):
            code, _, problem = run(args)
            exits[f"exit {code}"] += 1
            if problem:
                wrong.append(f"{name}: samverkan {' '.join(args)}: {problem[:300]}")
        target.write_bytes(originals[path])
        for created in ("plans/2023.yaml",):
            (workspace / created).unlink(missing_ok=True)
    return wrong, exits


# --- the argument fuzzer -----------------------------------------------------------------


def commands() -> list[tuple[list[str], list]]:
    """Every command of the command line (its words) and its parameters, as typer made them."""
    found = []

    def walk(command, words: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, sub in sorted(command.commands.items()):
                walk(sub, [*words, name])
        else:
            found.append((words, [p for p in command.params if p.name != "help"]))

    walk(typer.main.get_command(app), [])
    return found


# (No NUL character: a process cannot be given one in an argument or the environment.)
ODD = [
    "", " ", "\udce9", "caf\udce9", "\udcff\udcfe.yaml", "\x1b[2J", "ring\x07", "a\u202eb", "\x7f",
    "99999999999999999999", "9" * 400, "-1", "0", "1e400", "nan", "inf", "-inf", "0x7E5",
    "0o3745", "\uff12\uff10\uff12\uff11", "\u22125", "9999-12-31", "0001-01-01", "2021-02-30",
    "2021-W53", "2021-W99", "2021Q5", "2021-13", "10000000", "811218-9876", "811218\u20139876",
    "811218/9876", "x" * 5000, "..", ".", "-", "--", "ÅÄÖ åäö", "a,b", "a=b", "=", "kage=",
    "=3", "vald-hot=99999999999", "klotter=-1", "\n", "\t", "null", "~", "{}", "[]", "'", '"',
    " 2021 ", "2021\n", "+2021", "2021.0", "20 21", "2021-03-01T12:00", "18,5,5", "1 000",
]
ODD_PATHS = [
    "odd/dir", "odd/dangling.md", "odd/link-to-dir", "odd/link-to-plan.md", "odd/fifo",
    "odd/missing/x.md", "/dev/null", "/dev/zero", "plans/2021.yaml", "plans/agreement.yaml",
    "data/inledning.md", "data/befolkning.yaml", "est/insatser.yaml", "export.csv", "",
    "ut.md", "ut.xlsx", "ut.html", "ut.json", "ut.csv", "ut.txt", "ut.yaml", "\udce9.md",
    "odd/dir/ut.md", "plans", "est", "data", "odd", "nowhere",
]
SENSIBLE = {
    "--year": ["2021", "2022"], "--date": ["2021-03-01", "2021-06-30"],
    "--as-of": ["2021-06-30", "2021-12-31"], "--from": ["2021-03-01", "2021"],
    "--to": ["2021-06-30"], "--period": ["2021-03", "2021-W10", "2021Q1", "2021"],
    "--week": ["2021-W10"], "--count": ["1", "3", "vald-hot=2", "klotter=1"],
    "--tag": ["centrum"], "--place": ["Stadsparken"], "--note": ["Kvällsvandring"],
    "--text": ["Kvällsvandring"], "--title": ["Bättre belysning"], "--source": ["ANDTS 2021"],
    "--by": ["polis", "kommun"], "--owner": ["polis"], "--focus-area": ["andt-unga"],
    "--pledge": ["trygghetsvandringar"], "--value": ["18,5", "3"],
    "--series": ["befolkning", "andts-alkohol-ak9"], "--column": ["Folkmängd"],
    "--row": ["Skellefteå"], "--reporter": ["polisen"], "--partner": ["Skolan"],
    "--category": ["klotter"], "--start": ["2021-03-01"], "--end": ["2021-12-31"],
    "--id": ["ljus2"], "--assessment": ["god", "delvis"], "--delimiter": [";", ","],
    "--area": ["centrum"], "--plan": ["plans/2021.yaml"], "--plans-dir": ["plans"],
    "--est-dir": ["est"], "--data-dir": ["data"], "--output": ["ut.md", "ut.xlsx", "ut.json"],
    "pledge": ["trygghetsvandringar", "ungdomsfester"], "goal": ["alkohol-ak9"],
    "year": ["2023"], "activity_id": ["a1"], "area": ["centrum"], "category": ["klotter"],
    "measure": ["ljus"], "group": ["kage"], "file": ["export.csv"],
    "paths": ["plans/2021.yaml", "est", "data"],
}


def value_for(rng: random.Random, param) -> str:
    key = param.opts[0] if param.param_type_name == "option" else param.name
    choices = getattr(param.type, "choices", None)
    if choices and rng.random() < 0.85:
        picked = list(choices)
        if "html" in picked and rng.random() < 0.9:  # (html renders charts: slow, rarely)
            picked.remove("html")
        return str(rng.choice(picked))
    is_path = type(param.type).__name__ == "TyperPath"
    roll = rng.random()
    if key in SENSIBLE and roll < 0.65:
        return rng.choice(SENSIBLE[key])
    if is_path and roll < 0.85:
        return rng.choice(ODD_PATHS)
    return rng.choice(ODD)


def argument_cases(seed: int, count: int) -> Iterator[tuple[str, list[str]]]:
    rng = random.Random(seed)
    every = commands()
    for index in range(count):
        words, params = every[index % len(every)]
        args = list(words)
        for param in params:
            if param.param_type_name == "argument":
                many = param.nargs == -1
                if many or param.required or rng.random() < 0.8:
                    for _ in range(rng.randint(0, 3) if many else 1):
                        args.append(value_for(rng, param))
                continue
            if param.is_flag:
                if rng.random() < 0.3:
                    args.append(param.opts[0])
                continue
            html_default = param.opts[0] == "--format" and "html" in (param.type.choices or ())
            if param.required or html_default or rng.random() < 0.35:
                for _ in range(rng.randint(1, 3) if param.multiple else 1):
                    args += [rng.choice(param.opts), value_for(rng, param)]
        yield f"{' '.join(words)}#{index}", args


def fuzz_arguments(workspace: Path, seed: int, count: int,
                   template: Path) -> tuple[list[str], Counter[str]]:
    wrong: list[str] = []
    exits: Counter[str] = Counter()
    for n, (name, args) in enumerate(argument_cases(seed, count)):
        if n % 100 == 99:  # (the writing commands change the workspace; start afresh)
            _reset(workspace, template)
        code, _, problem = run(args)
        exits[f"exit {code}"] += 1
        if problem:
            shown = [a if len(a) <= 40 else a[:30] + f"…({len(a)})" for a in args]
            wrong.append(f"{name}: samverkan {shown!r}: {problem[:300]}")
    return wrong, exits


def _reset(workspace: Path, template: Path) -> None:
    for name in ("plans", "est", "data"):
        shutil.rmtree(workspace / name)
        shutil.copytree(template / name, workspace / name, symlinks=True)
    for path in workspace.glob("ut.*"):
        if path.is_file():
            path.unlink()


# --- the tests ---------------------------------------------------------------------------


def test_the_fuzzers_workspace_is_valid_before_it_is_mutated(workspace: Path) -> None:
    """Every mutant starts from a file without errors, and every command that reads one
    works on it, so that what the fuzzer finds is the mutation's doing."""
    code, printed, problem = run(["validate", "plans", "est", "data"])
    assert (code, problem) == (0, None), printed
    for _, commands in KINDS.values():
        for args in commands:
            code, printed, problem = run(args)
            assert (code, problem) == (0, None), (args, printed)
            _reset(workspace, workspace.parent / "template")
            for created in ("plans/2023.yaml",):
                (workspace / created).unlink(missing_ok=True)


def test_every_command_and_option_is_fuzzed() -> None:
    names = {" ".join(words) for words, _ in commands()}
    assert {"log", "status", "validate", "report", "schema", "measure", "init", "activities",
            "remove", "lagesbild", "data import", "est rapport", "est lagesbild",
            "est analys", "est insats", "est uppfoljning", "est status", "est grupp rapport",
            "est grupp lagesbild", "est grupp oversikt"} <= names
    drawn = Counter()
    for _, args in argument_cases(SEED, 3000):
        drawn.update(a for a in args if a.startswith("--"))
    every = {opt for _, params in commands() for p in params if p.param_type_name == "option"
             for opt in p.opts if opt.startswith("--")}
    assert every <= set(drawn), every - set(drawn)


def test_the_fuzzers_are_seeded() -> None:
    first = list(argument_cases(SEED, 200))
    assert first == list(argument_cases(SEED, 200))
    originals = {path: b"year: 2021\nnote: text\n" for path, _ in KINDS.values()}
    assert list(file_cases(SEED, 50, originals)) == list(file_cases(SEED, 50, originals))


FAST_FILES, FAST_ARGUMENTS = 110, 330
FILES, ARGUMENTS = 2750, 2750


def test_a_quick_round_of_the_fuzzer(workspace: Path, tmp_path: Path) -> None:
    """The first cases of the full fuzz below, in every run of the tests."""
    wrong, _ = fuzz_files(workspace, SEED, FAST_FILES)
    more, _ = fuzz_arguments(workspace, SEED, FAST_ARGUMENTS, tmp_path / "template")
    wrong += more
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.slow
def test_no_file_and_no_command_line_ends_in_exit_70_or_a_traceback(workspace: Path,
                                                                    tmp_path: Path,
                                                                    figure) -> None:
    wrong, by_file = fuzz_files(workspace, SEED, FILES)
    more, by_args = fuzz_arguments(workspace, SEED, ARGUMENTS, tmp_path / "template")
    wrong += more
    assert not wrong, f"{len(wrong)} cases:\n" + "\n".join(wrong[:30])
    assert FILES + ARGUMENTS >= 5000
    kinds = ", ".join(sorted(KINDS))
    figure(SECTION,
           f"fuzz (frö {SEED}): {FILES} muterade filer av alla slag ({kinds}), var och en "
           f"genom `validate` och ett kommando som läser den; {ARGUMENTS} kommandorader byggda "
           f"ur varje kommandos alternativ med udda värden (inte UTF-8, styrtecken, enorma tal, "
           f"omöjliga datum och år, tomma texter, sökvägar till enheter, mappar, rör och länkar)",
           "0 × exit 70, 0 undantag, 0 som hängde, inga styrtecken på skärmen",
           files=dict(sorted(by_file.items())), arguments=dict(sorted(by_args.items())))


# --- the attack, case by case -------------------------------------------------------------


def first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def test_the_independent_attack_case_by_case(workspace: Path, figure) -> None:
    plan = workspace / "plans" / "2021.yaml"
    pristine = {p: p.read_bytes() for p in (workspace / "plans").glob("*.yaml")}
    pristine.update({p: p.read_bytes() for p in (workspace / "est").glob("*.yaml")})
    pristine.update({p: p.read_bytes() for p in (workspace / "data").glob("*")})
    rows: list[tuple[str, ...]] = [("Punkt", "Fall", "Kommando", "Utfall")]

    def restore() -> None:
        for path, raw in pristine.items():
            path.write_bytes(raw)
        for extra in ("plans/2022-kopia.yaml", "rapport.md", "status.md", "lank.md"):
            target = workspace / extra
            if target.is_symlink() or target.exists():
                target.unlink()

    def set_note(value: str) -> None:
        text = pristine[plan].decode("utf-8")
        plan.write_text(text.replace("note: Kväll}", f"note: {value}}}"), encoding="utf-8")

    def set_text(path: str, old: str, new: str) -> None:
        target = workspace / path
        text = target.read_text(encoding="utf-8")
        assert old in text, (path, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    def case(item: str, what: str, setup, args: list[str], code: int, says: str,
             shown: str | None = None) -> None:
        restore()
        if setup is not None:
            setup()
        exit_code, printed, problem = run(args)
        assert problem is None, (what, problem)
        assert exit_code == code, (what, args, printed)
        assert says in printed, (what, says, printed)
        shown_lines = [line for line in printed.replace(str(workspace) + os.sep, "").splitlines()
                       if says in line]
        message = shown_lines[0] if shown_lines else first_line(printed)
        rows.append((item, what, "samverkan " + " ".join(shown or args),
                     f"exit {exit_code}: {message[:160]}"))

    escapes = [(r'"811218\x2d9876"', "personnummer"), (r'"\x381121898\x376"', "personnummer"),
               ('"811218-\\\n      9876"', "personnummer"),
               (r'"\e[2J"', "styrtecken (U+001B)"), (r'"\a"', "styrtecken (U+0007)"),
               (r'"\0"', "styrtecken (U+0000)"), (r'"\e]0;..\a"', "styrtecken (U+001B)")]
    for value, says in escapes:
        shown = value.replace("\n      ", "")
        case("1, 6", f"anteckning {shown} i en plan", lambda v=value: set_note(v),
             ["validate", "plans/2021.yaml"], 1, says)
        case("1, 6", f"anteckning {shown}, sedan aktiviteterna som csv",
             lambda v=value: set_note(v), ["activities", "--format", "csv"], 1, "har fel")
    case("1", r"titel med \u002D i en EST-insats", lambda: set_text(
        "est/insatser.yaml", "title: Bättre belysning", r'title: "811218\u002D9876"'),
        ["est", "status"], 1, "personnummer")
    case("1", r"titel med \u002D i en dataserie", lambda: set_text(
        "data/befolkning.yaml", "title: Folkmängd i Skellefteå kommun",
        r'title: "811218\u002D9876"'), ["validate", "data/befolkning.yaml"], 1, "personnummer")
    case("1", r"text med \x2d i en grupps lägesbild", lambda: set_text(
        "est/grupplagesbilder-2021.yaml", "text: Lugnt", r'text: "811218\x2d9876"'),
        ["est", "grupp", "oversikt", "--period", "2021Q1"], 1, "personnummer")
    case("6", r"\e[2J i ett pledge-id som meddelandet citerar", lambda: set_text(
        "plans/2021.yaml", "pledge: trygghetsvandringar, date: 2021-03-01",
        r'pledge: "\e[2J", date: 2021-03-01'), ["validate", "plans/2021.yaml"], 1,
        "\\u001b[2J")

    def copy_as_2022() -> None:
        shutil.copy(plan, workspace / "plans" / "2022.yaml")

    case("4", "2021.yaml kopierad till 2022.yaml", copy_as_2022,
         ["validate", "plans/2022.yaml"], 1, "stämmer inte med filnamnet")
    case("4", "… och hela avtalet räknar inte aktiviteterna två gånger", copy_as_2022,
         ["status", "--agreement"], 1, "2022.yaml har fel")

    case("5", ".nan i ett utgångsvärde", lambda: set_text(
        "plans/2021.yaml", "value: 20.0", "value: .nan"), ["status", "--format", "json"], 1,
        "inte .nan eller .inf")
    case("5", ".inf i en dataserie, sedan lägesbilden", lambda: set_text(
        "data/befolkning.yaml", "value: 72904", "value: .inf"),
        ["lagesbild", "--year", "2021", "--format", "markdown"], 1, "inte .nan eller .inf")

    def nines() -> None:
        (workspace / "export.csv").write_text("År;Folkmängd\n2021;" + "9" * 400 + "\n",
                                              encoding="utf-8")

    case("5", "CSV-värde med 400 nior", nines,
         ["data", "import", "export.csv", "--series", "befolkning"], 1, "inget rimligt tal")
    case("5", "en andel över 100 %", None,
         ["measure", "alkohol-ak9", "--year", "2021", "--value", "150"], 2, "utanför 0–100")
    case("5", "ett år skrivet 0x7E5", lambda: set_text(
        "plans/2021.yaml", "year: 2021", "year: 0x7E5"), ["validate", "plans/2021.yaml"], 1,
        "skriv 2021")
    case("5", "… och init från den planen", lambda: set_text(
        "plans/2022.yaml", "year: 2022", "year: 0o3746"), ["init", "2023"], 1, "skriv 2022")

    for args, option, shown in (
            (["log", "trygghetsvandringar", "--note", "caf\udce9"], "--note",
             ["log", "trygghetsvandringar", "--note", "$'caf\\xe9'"]),
            (["measure", "alkohol-ak9", "--year", "2021", "--value", "18", "--source",
              "\udce9"], "--source",
             ["measure", "alkohol-ak9", "--year", "2021", "--value", "18", "--source",
              "$'\\xe9'"]),
            (["validate", "\udcff"], "FIL_ELLER_MAPP", ["validate", "$'\\xff'"]),
            (["est", "insats", "centrum", "--title", "\udcff", "--category", "klotter"],
             "--title", ["est", "insats", "centrum", "--title", "$'\\xff'", "--category",
                         "klotter"])):
        case("7", "argument som inte är UTF-8", None, args, 2,
             f"{option} är inte skriven i UTF-8", shown)
    case("7", "datum år 9999", None, ["est", "status", "--as-of", "9999-12-31"], 2,
         "utanför åren 2000–2100")
    for year in ("99999999999999999999", "10000000"):
        case("7", "orimligt år", None, ["lagesbild", "--year", year], 2,
             "ska vara ett år mellan 2000 och 2100")

    case("8", "/dev/zero som plan", None, ["validate", "/dev/zero"], 1,
         "filen är för stor (64 MB")

    def huge() -> None:
        with open(workspace / "plans" / "2022-kopia.yaml", "wb") as handle:
            handle.truncate(3 * 2**30)

    case("8", "en fil på 3 GB", huge, ["validate", "plans/2022-kopia.yaml"], 1,
         "filen är för stor (3072 MB")

    def dangling() -> None:
        (workspace / "lank.md").symlink_to(workspace / "nowhere" / "x.md")

    case("9", "--output en länk till ingenting", dangling,
         ["report", "--format", "markdown", "--output", "lank.md"], 2, "som inte finns")
    case("9", "--output en enhet (/dev/zero)", None,
         ["status", "--format", "markdown", "--output", "/dev/zero"], 2, "ingen vanlig fil")
    for text in ("data/inledning.md", "data/analys.md"):
        case("10", f"--output {text}", None,
             ["lagesbild", "--year", "2021", "--format", "markdown", "--output", text], 2,
             "är en fil som samverkan läser")

    def flow_list() -> None:
        set_text("plans/2021.yaml", f"activities:\n  - {A}\n",
                 f"activities: [  # vårens\n  {A},  # första\n]\n")

    case("11", "log i en flödeslista över flera rader med kommentarer", flow_list,
         ["log", "ungdomsfester", "--date", "2021-05-01"], 0, "Sparat")
    case("11", "personnummer i id:t som --title ger", None,
         ["est", "insats", "centrum", "--title", "811218/9876", "--category", "klotter"], 2,
         "ge ett eget id med --id")

    def broken_2022() -> None:
        set_text("plans/2022.yaml", "year: 2022", "year: [")

    case("12", "remove ID när ett annat år är trasigt", broken_2022, ["remove", "a1"], 0,
         "2022.yaml har fel och söktes inte igenom")

    old = os.umask(0o022)
    try:
        case("12.5", "ny utfil under umask 022", None,
             ["status", "--format", "markdown", "--output", "status.md"], 0, "Sparat utskriften i status.md.")
        mode = stat.S_IMODE((workspace / "status.md").stat().st_mode)
    finally:
        os.umask(old)
    assert mode == 0o644
    rows[-1] = (*rows[-1][:3], f"{rows[-1][3]} (rättigheter {oct(mode)[2:]})")
    restore()
    assert len(rows) > 40
    figure(SECTION, f"{len(rows) - 1} fall ur issue 15 (punkt 1 och 4–12) och issue 12 punkt 5",
           "alla med exit 0, 1 eller 2 och ett meddelande som säger vad som är fel och vad "
           "man gör; ingen exit 70", cases=rows)


def test_the_real_process_gets_non_utf8_arguments_from_the_terminal(workspace: Path) -> None:
    """The in-process cases above pass surrogates, as Python makes them from the bytes a
    terminal sends; here the bytes themselves."""
    argv = [sys.executable.encode(), b"-m", b"samverkan", b"log", b"trygghetsvandringar",
            b"--note", b"caf\xe9"]
    done = subprocess.run(argv, cwd=workspace, env=cli_env(TODAY), capture_output=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.decode() == ("fel: --note är inte skriven i UTF-8 (caf\\xe9); ställ in "
                                    "terminalen på UTF-8 och skriv texten (eller filnamnet) "
                                    "igen\n")
