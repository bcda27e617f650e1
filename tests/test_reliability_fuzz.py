"""Fuzzing the loader, `validate` and `log` with mutations of the shipped plans.

Seeded and deterministic (tests/mutations.py): a failing case is named
`base#index:mutations` and can be replayed with `mutants(bases(), index + 1, SEED)`.
Every case must end as "valid" or as problems `PATH:LINE:COL: severity: message`, with
no exception anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from mutations import mutants
from snapshot import PLANS
from typer.testing import CliRunner

from samverkan.cli import app
from samverkan.core.records import build
from samverkan.core.writer import append_activity
from samverkan.core.yamlfile import read_document
from samverkan.plan.model import Activity
from samverkan.plan.reader import load_plan_bytes

SEED = 20210128  # the date of the agreement's background document
CASES = 2400
CLI_EVERY = 8  # every 8th case also through `samverkan validate` and `samverkan log`
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (error|warning): \S")


def bases() -> dict[str, bytes]:
    """The shipped plans, and the 2021 plan with a few activities logged into it."""
    found = {p.name: p.read_bytes() for p in sorted(PLANS.glob("*.yaml"))}
    text = found["2021.yaml"].decode("utf-8")
    for i, (pledge, tags) in enumerate([("trygghetsvandringar", ["centrum"]),
                                        ("ungdomsfester", []),
                                        ("grannsamverkan", ["flerbostadsomrade"])]):
        item = {"id": f"a{i}b", "pledge": pledge, "date": dt.date(2021, 3, 1 + i),
                "place": f"Plats {i}", "note": "Kvällsvandring: med boende"}
        if tags:
            item["tags"] = tags
        text = append_activity(text, read_document(text.encode(), "x").root, item)
    found["2021-with-activities.yaml"] = text.encode("utf-8")
    return found


def line_count(raw: bytes) -> int:
    return len(re.split(rb"\r\n|\r|\n|\xc2\x85|\xe2\x80\xa8|\xe2\x80\xa9", raw))


def check_loader(name: str, raw: bytes) -> tuple[bool, list[str]]:
    """(valid?, what is wrong with how the loader answered)."""
    wrong = []
    try:
        loaded = load_plan_bytes(raw, "p.yaml")
    except Exception as exc:  # noqa: BLE001 - this is what the fuzz test looks for
        return False, [f"{name}: {type(exc).__name__}: {exc}"]
    lines = line_count(raw)
    for p in loaded.problems:
        if not (1 <= p.line <= lines and p.col >= 1 and p.severity in ("error", "warning")
                and p.message.strip() and not re.search(r"[\r\n]", p.message)):
            wrong.append(f"{name}: badly placed or worded problem {p.format()!r}")
    valid = not any(p.severity == "error" for p in loaded.problems)
    if valid and loaded.plan is None:
        wrong.append(f"{name}: no plan and no error")
    if valid and loaded.plan is not None and loaded.plan.pledges:
        wrong += check_append(name, loaded)
    return valid, wrong


def check_append(name: str, loaded) -> list[str]:
    """Appending an activity to a valid mutant keeps every line and adds one activity."""
    item = {"id": "f00d", "pledge": loaded.plan.pledges[0].id,
            "date": dt.date(loaded.plan.year, 6, 1), "note": "Fuzz"}
    try:
        new = append_activity(loaded.text, read_document(loaded.raw, "p.yaml").root, item)
    except Exception as exc:  # noqa: BLE001
        return [f"{name}: append_activity raised {type(exc).__name__}: {exc}"]
    again = load_plan_bytes(new.encode("utf-8"), "p.yaml")
    if not (again.ok and again.plan is not None
            and again.plan.activities == (*loaded.plan.activities, build(Activity, item))):
        return []  # `log` checks this very thing and refuses to write (see below)
    old_lines = loaded.text.splitlines()
    kept = iter(new.splitlines())
    if not all(any(line == other for other in kept) for line in old_lines
               if line.strip() != "activities: []"):
        return [f"{name}: appending lost or changed a line"]
    return []


def check_cli(name: str, raw: bytes, valid: bool, folder: Path) -> list[str]:
    """`validate` exits 0/1 with only `PATH:LINE:COL:` lines; `log` writes a whole
    activity or refuses and leaves the file byte for byte as it was."""
    wrong = []
    plan = folder / "2021.yaml"
    plan.write_bytes(raw)
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(plan)], env={"SAMVERKAN_TODAY": "2021-12-31"})
    if result.exception and not isinstance(result.exception, SystemExit):
        return [f"{name}: validate raised {result.exception!r}"]
    if result.exit_code != (0 if valid else 1):
        wrong.append(f"{name}: validate exit {result.exit_code}, valid={valid}")
    for line in result.stdout.splitlines():
        match = PROBLEM_LINE.match(line)
        if not match or match["path"] != str(plan):
            wrong.append(f"{name}: validate printed {line!r}")
    result = runner.invoke(app, ["log", "ungdomsfester", "--plan", str(plan), "--date",
                                 "2021-05-01", "--note", "Fuzz"],
                           env={"SAMVERKAN_TODAY": "2021-12-31"})
    if result.exception and not isinstance(result.exception, SystemExit):
        return [f"{name}: log raised {result.exception!r}"]
    if result.exit_code == 0:
        after = load_plan_bytes(plan.read_bytes(), str(plan))
        if not (after.ok and after.plan and after.plan.activities[-1].note == "Fuzz"):
            wrong.append(f"{name}: log said it saved, but the file is not right")
    elif result.exit_code in (1, 2):
        if plan.read_bytes() != raw:
            wrong.append(f"{name}: log refused (exit {result.exit_code}) but changed the file")
        if "internt fel" in result.stderr:
            wrong.append(f"{name}: log: {result.stderr.strip()}")
    else:
        wrong.append(f"{name}: log exit {result.exit_code}: {result.stderr.strip()}")
    return wrong


@pytest.mark.slow
def test_fuzzed_plans_are_valid_or_reported_never_a_traceback(tmp_path: Path, figure) -> None:
    wrong: list[str] = []
    outcome: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    through_cli = 0
    for index, (name, raw) in enumerate(mutants(bases(), CASES, SEED)):
        valid, problems = check_loader(name, raw)
        wrong += problems
        outcome["valid" if valid else "invalid"] += 1
        kinds.update(name.split(":", 1)[1].split("+"))
        if index % CLI_EVERY == 0 and not problems:
            wrong += check_cli(name, raw, valid, tmp_path)
            through_cli += 1
    assert not wrong, "\n".join(wrong[:20])
    assert sum(outcome.values()) >= 2000
    figure("4. Trasiga och fientliga filer / hostile files",
           f"fuzz: {CASES} muterade planer (frö {SEED}), varav {through_cli} även genom "
           "`validate` och `log`",
           f"0 undantag; {outcome['valid']} giltiga, {outcome['invalid']} med problem "
           "som PATH:RAD:KOL, exit 1; `log` skrev helt eller inget",
           mutations=dict(sorted(kinds.items())))


def test_the_mutator_is_deterministic() -> None:
    first = [raw for _, raw in mutants(bases(), 50, SEED)]
    assert first == [raw for _, raw in mutants(bases(), 50, SEED)]
    assert len(set(first)) > 45
