"""`log` killed with SIGKILL at varied moments: the plan is always valid and holds each
activity whole or not at all, and nothing left behind blocks the next run.

Two ways of choosing the moment: delays spread evenly over a whole run (from start-up
to after the write), and kills aimed at the write itself, fired the instant the
writer's temporary file appears beside the plan.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from processes import leftovers, run_cli, start_cli, valid_activities

SPREAD_KILLS = 30
AIMED_KILLS = 10


def log_args(plan: Path, n: int) -> tuple[str, ...]:
    return ("log", "trygghetsvandringar", "--plan", str(plan), "--date", "2021-04-01",
            "--tag", "centrum", "--place", "Torget", "--note", f"kill {n}")


def kill_and_check(plan: Path, n: int, when) -> str:
    """Start `log`, let `when(process)` choose the moment, SIGKILL it, check the file.

    Returns what happened: "inget" (nothing written), "hel" (the activity is there,
    complete) or "klar" (the process ended before the signal).
    """
    before = plan.read_bytes()
    old = valid_activities(plan)
    process = start_cli(*log_args(plan, n), cwd=plan.parent)
    when(process)
    finished = process.poll() is not None
    if not finished:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)

    after = plan.read_bytes()
    activities = valid_activities(plan)  # the file loads without a single error
    if after == before:
        return "klar-oförändrad" if finished else "inget"
    # exactly one activity more, whole, and every line that was there is still there
    assert activities[:-1] == old and len(activities) == len(old) + 1
    new = activities[-1]
    assert (new.pledge, new.date.isoformat(), new.tags, new.place, new.note) == (
        "trygghetsvandringar", "2021-04-01", ("centrum",), "Torget", f"kill {n}")
    assert after.splitlines()[:-1] == before.splitlines()  # one line added, none touched
    return "klar" if finished else "hel"


def run_time(plan: Path) -> float:
    start = time.perf_counter()
    result = run_cli(*log_args(plan, -1), cwd=plan.parent)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - start


def until_temporary_file(process, folder: Path, limit: float = 10.0) -> None:
    """Return the instant the writer's temporary file exists (it is writing the plan)."""
    end = time.perf_counter() + limit
    while time.perf_counter() < end and process.poll() is None:
        with os.scandir(folder) as entries:
            if any(e.name.endswith(".tmp") for e in entries):
                return


@pytest.mark.slow
def test_log_killed_at_varied_moments(plans: Path, figure) -> None:
    plan = plans / "2021.yaml"
    duration = min(run_time(plan) for _ in range(3))  # how long a whole `log` takes
    outcomes: dict[str, int] = {}
    stray = 0
    for n in range(SPREAD_KILLS):
        delay = duration * 1.2 * n / (SPREAD_KILLS - 1)
        outcome = kill_and_check(plan, n, lambda p, d=delay: time.sleep(d))
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        stray += len(leftovers(plans))
    aimed: dict[str, int] = {}
    for n in range(SPREAD_KILLS, SPREAD_KILLS + AIMED_KILLS):
        outcome = kill_and_check(plan, n, lambda p: until_temporary_file(p, plans))
        aimed[outcome] = aimed.get(outcome, 0) + 1
        stray += len(leftovers(plans))

    # the next run is not blocked by a lock or temporary file a killed run left
    result = run_cli(*log_args(plan, 999), cwd=plans)
    assert result.returncode == 0, result.stderr
    assert leftovers(plans) == []
    assert valid_activities(plan)[-1].note == "kill 999"
    total = SPREAD_KILLS + AIMED_KILLS
    figure("2. Krascher / crashes (SIGKILL)",
           f"{total} × `log` dödad med kill -9: {SPREAD_KILLS} med fördröjningar jämnt "
           f"fördelade över en hel körning, {AIMED_KILLS} i samma ögonblick som den "
           "tillfälliga filen finns",
           f"{total}/{total} filer giltiga; varje aktivitet hel eller inte alls; "
           "nästa `log` fungerar och städar bort kvarlämnade tillfälliga filer",
           fördröjda=outcomes, vid_skrivningen=aimed, tillfälliga_filer_efter_kill=stray,
           körtid_ms=round(duration * 1000), längsta_fördröjning_ms=round(duration * 1200))
