"""The write lock: `log` and the other writing commands take the plan's lock file with
`fcntl.flock` where the system has it, the way the filelock library locks on Unix, so a
process holding the lock through filelock (an older samverkan, a script) keeps them out;
where flock is missing, filelock itself takes it."""

from __future__ import annotations

import builtins
import textwrap
from pathlib import Path

import filelock
import pytest

from samverkan.core import writer

PLAN = """\
    year: 2021
    focus_areas:
      - {id: trygghet, title: Trygghet}
    pledges:
      - id: vandringar
        title: Trygghetsvandringar
        focus_area: trygghet
        owner: gemensamt
        target: {min: 5, unit: vandringar}
    activities: []
    """


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "2021.yaml"
    path.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    return path


def log(cli, plan: Path):
    return cli("log", "vandringar", "--date", "2021-05-01", "--plans-dir", plan.parent)


def test_a_lock_held_through_filelock_keeps_log_out_and_nothing_is_written(
        cli, plan, monkeypatch):
    monkeypatch.setattr(writer, "LOCK_TIMEOUT", 0.3)
    before = plan.read_bytes()
    with filelock.FileLock(str(writer.lock_path(plan))):
        result = log(cli, plan)
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"fel: {plan} är låst av en annan samverkan-process; försök igen "
                             "om en stund\n")
    assert plan.read_bytes() == before
    # once it is released, the same command goes through
    assert log(cli, plan).exit_code == 0
    assert plan.read_bytes().count(b"pledge: vandringar") == 1


def test_the_lock_log_holds_keeps_filelock_out(plan):
    with writer.FileLock(writer.lock_path(plan), 1.0), pytest.raises(filelock.Timeout):
        filelock.FileLock(str(writer.lock_path(plan)), timeout=0.2).acquire()
    with filelock.FileLock(str(writer.lock_path(plan)), timeout=0.2):
        pass  # released when log's lock is


def test_without_flock_the_library_takes_the_lock(cli, plan, monkeypatch):
    real_import = builtins.__import__

    def no_fcntl(name, *args, **kwargs):
        if name == "fcntl":
            raise ImportError("no fcntl here")
        return real_import(name, *args, **kwargs)

    taken: list[str] = []
    real_library = writer.FileLock._library

    def library(self) -> None:
        taken.append(str(self.lock))
        real_library(self)

    monkeypatch.setattr(builtins, "__import__", no_fcntl)
    monkeypatch.setattr(writer.FileLock, "_library", library)
    result = log(cli, plan)
    assert result.exit_code == 0, result.output
    assert taken == [str(writer.lock_path(plan))]
    assert plan.read_bytes().count(b"pledge: vandringar") == 1
