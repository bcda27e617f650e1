"""Several processes writing one plan at the same time: nothing recorded is lost.

Real processes (`python -m samverkan`), started together from threads, each running
its commands one after the other, as colleagues logging from their own terminals.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from processes import leftovers, run_cli, valid_activities

from samverkan.followup.log import log_activity
from samverkan.plan.model import Activity
from samverkan.plan.reader import load_plan

PROCESSES = 4
LOGS_EACH = 25
PLEDGES = ["trygghetsvandringar", "ungdomsfester", "riskkvallar", "grannsamverkan"]


def logger(plan: Path, worker: int, count: int, barrier: threading.Barrier,
           prefix: str = "w") -> list[int]:
    """Run `count` logs one after the other; return their exit codes."""
    barrier.wait()
    codes = []
    for i in range(count):
        result = run_cli("log", PLEDGES[worker % len(PLEDGES)], "--plan", plan,
                         "--date", f"2021-{1 + i % 12:02d}-{1 + worker:02d}",
                         "--place", f"Plats {worker}-{i}", "--note", f"{prefix}{worker} nr {i}",
                         cwd=plan.parent)
        assert result.returncode == 0, result.stderr
        codes.append(result.returncode)
    return codes


@pytest.mark.slow
def test_four_processes_log_25_each_into_one_plan(plans: Path, figure) -> None:
    plan = plans / "2021.yaml"
    barrier = threading.Barrier(PROCESSES)
    with ThreadPoolExecutor(PROCESSES) as pool:
        runs = [pool.submit(logger, plan, w, LOGS_EACH, barrier) for w in range(PROCESSES)]
        codes = [code for run in runs for code in run.result()]

    activities = valid_activities(plan)
    notes = Counter(a.note for a in activities)
    expected = {f"w{w} nr {i}" for w in range(PROCESSES) for i in range(LOGS_EACH)}
    assert set(notes) == expected
    assert all(n == 1 for n in notes.values())
    assert len({a.id for a in activities}) == len(activities) == PROCESSES * LOGS_EACH
    for a in activities:  # each whole: its pledge, place and note belong together
        worker, i = a.note.removeprefix("w").split(" nr ")
        assert a.pledge == PLEDGES[int(worker) % len(PLEDGES)]
        assert a.place == f"Plats {worker}-{i}"
    assert leftovers(plans) == []
    figure("1. Samtidighet / concurrency",
           f"{PROCESSES} processer × {LOGS_EACH} `log` samtidigt i en plan",
           f"{len(activities)}/{PROCESSES * LOGS_EACH} registrerade, filen giltig, "
           f"id unika, 0 tillfälliga filer kvar",
           slutkoder=dict(Counter(codes)))


# --- a second writing command while `log` runs ----------------------------------------
#
# `remove` deletes activities logged beforehand and `measure` adds a goal's measurements in
# the middle of the file, each in its own processes, while `log` appends at the end.
# Another writing command gets a row in SECOND_WRITERS: its command line for round `i`
# and what must hold afterwards.

ROUNDS = 10
GOAL = "alkohol-ak9"


@dataclass(frozen=True)
class SecondWriter:
    argv: Callable[[Path, int, list[str]], list[str]]
    """The command line of round `i`, given the plan and the ids logged beforehand."""
    check: Callable[[Path, list[str]], None]
    """What must hold afterwards, besides every concurrent log being there."""
    what: str
    kept: str
    """What of the second writer's work the figure says was kept."""


def check_removed(plan: Path, old_ids: list[str]) -> None:
    ids = {a.id for a in valid_activities(plan)}
    assert not ids & set(old_ids), "a removed activity came back"


def check_measured(plan: Path, old_ids: list[str]) -> None:
    loaded = load_plan(plan)
    assert loaded.plan is not None
    goal = next(g for a in loaded.plan.focus_areas for g in a.goals if g.id == GOAL)
    assert [(m.year, m.value) for m in goal.measurements] == [
        (2011 + i, 10.0 + i) for i in range(ROUNDS)]
    assert {a.id for a in valid_activities(plan)} >= set(old_ids)


SECOND_WRITERS = {
    "remove": SecondWriter(lambda plan, i, ids: ["remove", ids[i], "--plan", str(plan)],
                           check_removed, "`remove`", "borttagna förblev borta"),
    "measure": SecondWriter(lambda plan, i, ids: ["measure", GOAL, "--year", str(2011 + i),
                                                  "--value", str(10 + i), "--plan", str(plan)],
                            check_measured, "`measure`", "mätvärden på plats"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SECOND_WRITERS))
def test_second_writer_while_log_runs(plans: Path, name: str, figure) -> None:
    writer = SECOND_WRITERS[name]
    plan = plans / "2021.yaml"
    old_ids = [log_activity(plan, Activity("ungdomsfester", dt.date(2021, 2, 1 + i),
                                           note=f"före {i}"), dt.date(2021, 12, 31))[0].id
               for i in range(ROUNDS)]
    barrier = threading.Barrier(2)

    def second() -> list[int]:
        barrier.wait()
        codes = []
        for i in range(ROUNDS):
            done = run_cli(*writer.argv(plan, i, old_ids), cwd=plans)
            assert done.returncode == 0, done.stderr
            codes.append(done.returncode)
        return codes

    with ThreadPoolExecutor(2) as pool:
        logs = pool.submit(logger, plan, 0, ROUNDS, barrier, "ny")
        other = pool.submit(second)
        logs.result(), other.result()

    notes = Counter(a.note for a in valid_activities(plan))
    assert all(notes[f"ny0 nr {i}"] == 1 for i in range(ROUNDS))
    writer.check(plan, old_ids)
    assert leftovers(plans) == []
    figure("1. Samtidighet / concurrency",
           f"{ROUNDS} `log` medan en annan process gör {ROUNDS} × {writer.what}",
           f"{ROUNDS}/{ROUNDS} loggade kvar, {ROUNDS}/{ROUNDS} {writer.kept}, filen giltig")

