"""Disk trouble: a read-only plan or folder, a full disk, a missing file. Each gives a
clear message and a non-zero exit, and leaves the original byte for byte as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from processes import leftovers, run_cli
from snapshot import PLANS

from samverkan.core import writer

LOG = ("log", "ungdomsfester", "--date", "2021-05-01", "--note", "Helgkväll")


def log_into(cli, plan: Path, lang: str = "sv"):
    return cli(*LOG, "--plan", plan, "--lang", lang)


# --- read-only ---------------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_plan_or_folder_is_left_alone(plans: Path, cli, what: str, figure) -> None:
    """Made read-only with chmod. Root ignores permission bits, so the writer also treats
    a file or folder without any write bit as read-only: the test means the same as root
    (in CI) and as a user."""
    plan = plans / "2021.yaml"
    before = plan.read_bytes()
    files = sorted(p.name for p in plans.iterdir())
    target = plan if what == "file" else plans
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        result = log_into(cli, plan)
    finally:
        target.chmod(mode)
    assert result.exit_code == 1
    assert result.stderr == (f"fel: kan inte skriva {plan}: filen eller mappen är skrivskyddad. "
                             "Inget ändrades.\n")
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plans.iterdir()) == files  # not even a lock file
    figure("5. Disken / disk trouble", f"skrivskyddad {'fil' if what == 'file' else 'mapp'} "
           "(chmod, även som root)", "tydligt meddelande, exit 1, originalet byte för byte orört")


def test_init_into_a_read_only_folder_creates_nothing(plans: Path, cli) -> None:
    files = sorted(p.name for p in plans.iterdir())
    plans.chmod(0o555)
    try:
        result = cli("init", "2023", "--plans-dir", plans, today="2023-01-10")
    finally:
        plans.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr == (f"fel: kan inte skriva {plans / '2023.yaml'}: filen eller mappen "
                             "är skrivskyddad. Inget ändrades.\n")
    assert sorted(p.name for p in plans.iterdir()) == files


def test_no_write_permission_for_this_user(plans: Path, cli, monkeypatch) -> None:
    """What a non-root user sees when the permission bits do not let them write."""
    plan = plans / "2021.yaml"
    before = plan.read_bytes()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (
        Path(p) == plan and mode == os.W_OK) else real_access(p, mode, **kw))
    result = log_into(cli, plan, "en")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "read-only. Nothing was changed." in result.stderr
    assert plan.read_bytes() == before


def nobody_can_run() -> bool:
    if os.geteuid() != 0:
        return False
    try:
        import pwd

        pwd.getpwnam("nobody")
    except KeyError:
        return False
    return True


@pytest.mark.skipif(not nobody_can_run(), reason="needs root to run a command as nobody")
def test_read_only_for_a_real_other_user(figure) -> None:
    """As root, run `log` as the user nobody on a plan nobody may not write."""
    folder = Path(tempfile.mkdtemp(prefix="samverkan-ro-"))
    try:
        folder.chmod(0o755)
        plan = folder / "2021.yaml"
        shutil.copy(PLANS / "2021.yaml", plan)
        plan.chmod(0o644)  # writable for root (the owner) only
        before = plan.read_bytes()
        try:
            result = run_cli(*LOG, "--plan", plan, cwd=folder, user="nobody")
        except (PermissionError, subprocess.SubprocessError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            pytest.skip(f"cannot start a process as nobody here ({reason}: the user nobody "
                        "cannot read this Python)")
        if "Permission denied" in result.stderr and "python" in result.stderr:
            pytest.skip("nobody cannot run this Python")
        assert result.returncode == 1, result.stderr
        assert "skrivskyddad" in result.stderr
        assert plan.read_bytes() == before
        figure("5. Disken / disk trouble", "plan som en annan användare inte får skriva "
               "(körd som nobody)", "tydligt meddelande, exit 1, originalet orört")
    finally:
        shutil.rmtree(folder)


def test_read_only_file_system(plans: Path, cli, monkeypatch) -> None:
    plan = plans / "2021.yaml"
    before = plan.read_bytes()

    def erofs(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(writer.tempfile, "mkstemp", erofs)
    result = log_into(cli, plan)
    assert result.exit_code == 1 and "skrivskyddad" in result.stderr
    assert plan.read_bytes() == before


# --- a full disk -------------------------------------------------------------------


class FullDisk:
    """Makes one step of a write fail with ENOSPC (or EDQUOT), as a full disk does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, code: int = errno.ENOSPC):
        def fail(*args, **kwargs):
            raise OSError(code, os.strerror(code))

        if step == "create":
            monkeypatch.setattr(writer.tempfile, "mkstemp", fail)
        elif step == "fsync":
            monkeypatch.setattr(writer.os, "fsync", fail)
        elif step == "write":
            real_fdopen = os.fdopen

            class Handle:
                def __init__(self, handle):
                    self.handle = handle

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    self.handle.close()

                def write(self, data):
                    self.handle.write(data[: len(data) // 2])
                    fail()

                def __getattr__(self, name):
                    return getattr(self.handle, name)

            monkeypatch.setattr(writer.os, "fdopen", lambda fd, *a, **k: Handle(
                real_fdopen(fd, *a, **k)))
        elif step == "replace":
            monkeypatch.setattr(writer.os, "replace", fail)


@pytest.mark.parametrize("step", ["create", "write", "fsync", "replace"])
def test_full_disk_leaves_the_plan_whole(plans: Path, cli, monkeypatch, step: str,
                                         figure) -> None:
    plan = plans / "2021.yaml"
    before = plan.read_bytes()
    with monkeypatch.context() as patch:
        FullDisk(patch, step)
        result = log_into(cli, plan)
    assert result.exit_code == 1
    assert result.stderr == f"fel: kunde inte skriva {plan}: disken är full. Filen är oförändrad.\n"
    assert plan.read_bytes() == before
    assert leftovers(plans) == []
    assert log_into(cli, plan).exit_code == 0  # room again: the next log works
    figure("5. Disken / disk trouble", f"full disk (ENOSPC) vid steget '{step}' (simulerad)",
           "tydligt meddelande, exit 1, originalet orört, ingen tillfällig fil kvar")


def test_disk_quota_in_english(plans: Path, cli, monkeypatch) -> None:
    plan = plans / "2021.yaml"
    FullDisk(monkeypatch, "write", errno.EDQUOT)
    result = log_into(cli, plan, "en")
    assert result.exit_code == 1
    assert result.stderr == f"error: could not write {plan}: the disk is full. The file is unchanged.\n"


def tiny_tmpfs() -> Path | None:
    """A 64 KiB tmpfs, where this machine allows mounting one (root with CAP_SYS_ADMIN)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return None
    where = Path(tempfile.mkdtemp(prefix="samverkan-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        where.rmdir()
        return None
    return where


def test_really_full_disk_when_a_tmpfs_can_be_mounted(figure) -> None:
    where = tiny_tmpfs()
    if where is None:
        pytest.skip("cannot mount a tmpfs here; the simulated full disk covers this")
    try:
        plan = where / "2021.yaml"
        shutil.copy(PLANS / "2021.yaml", plan)
        before = plan.read_bytes()
        fill = os.open(where / "fill", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fill, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fill)
        result = run_cli(*LOG, "--plan", plan, cwd=where)
        assert result.returncode == 1
        assert result.stderr == (f"fel: kunde inte skriva {plan}: disken är full. "
                                 "Filen är oförändrad.\n")
        assert plan.read_bytes() == before
        assert leftovers(where) == []
        figure("5. Disken / disk trouble", "verkligt full disk (tmpfs 64 KiB)",
               "tydligt meddelande, exit 1, originalet orört, ingen tillfällig fil kvar")
    finally:
        subprocess.run(["umount", str(where)], capture_output=True, check=False)
        where.rmdir()


# --- a missing file, a folder ---------------------------------------------------------


def test_missing_plan_or_a_folder_is_a_message_and_leaves_no_lock(tmp_path: Path, cli) -> None:
    """Both used to end in an internal error (exit 70), the missing one with a stray lock."""
    result = cli(*LOG, "--plan", tmp_path / "saknas.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"fel: filen {tmp_path / 'saknas.yaml'} finns inte\n"
    result = cli(*LOG, "--plan", tmp_path)
    assert result.exit_code == 2 and result.stderr.startswith(f"fel: kan inte läsa {tmp_path}")
    assert list(tmp_path.iterdir()) == []


def test_a_symlinked_plan_stays_a_link(plans: Path, cli) -> None:
    link = plans / "aktuell.yaml"
    link.symlink_to("2021.yaml")
    assert log_into(cli, link).exit_code == 0
    assert link.is_symlink() and "Helgkväll" in (plans / "2021.yaml").read_text()
