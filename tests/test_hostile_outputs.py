"""Issue 15, items 8–10, and issue 12, item 5: files too large are not read, and every
`--output` goes through one helper: never over a file the tool reads, never replacing a
link, a device or a pipe, with the mode a colleague can read and one message."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from processes import cli_env
from snapshot import copy_snapshot

from samverkan.core.yamlfile import MAX_BYTES, Oversized, read_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_snapshot(tmp_path)
    groups = tmp_path / "est" / "forebyggargrupper.yaml"
    groups.write_text(groups.read_text(encoding="utf-8").replace(
        "groups: []", "groups:\n  - {id: kage, name: Kåge}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    return tmp_path


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


# Every command with --output, and a file name it takes.
OUTPUTS = [
    (("status", "--format", "markdown"), "status.md"),
    (("status", "--format", "xlsx"), "status.xlsx"),
    (("activities", "--format", "csv"), "aktiviteter.csv"),
    (("activities", "--format", "xlsx"), "aktiviteter.xlsx"),
    (("schema",), "plan.schema.json"),
    (("report", "--format", "markdown"), "rapport.md"),
    (("lagesbild", "--year", "2021", "--format", "markdown"), "lagesbild.md"),
    (("est", "lagesbild", "--period", "2021-03", "--format", "markdown"), "est.md"),
    (("est", "grupp", "oversikt", "--period", "2021Q1", "--format", "markdown"), "fris.md"),
]
IDS = [" ".join(c[:2]) + (" " + c[-1] if c[-2:-1] == ("--format",) else "") for c, _ in OUTPUTS]


def run_output(cli, command: tuple[str, ...], target: Path | str):
    return cli(*command, "--output", target, today="2021-12-31")


# --- item 8: the size is checked before reading ------------------------------------------


def test_a_huge_file_is_not_read_and_is_reported_with_its_size(cli, tmp_path):
    big = tmp_path / "2021.yaml"
    with big.open("wb") as handle:  # 3 GB without using the disk (a sparse file)
        handle.truncate(3 * 2**30)
    raw = read_bytes(big)
    assert isinstance(raw, Oversized) and raw.size == 3 * 2**30 and len(raw) < 100
    result = cli("validate", big)
    assert result.exit_code == 1
    assert result.stdout == f"{big}:1:1: error: filen är för stor (3072 MB, högst 64 MB); " \
                            "dela upp den per år\n"


def test_an_endless_stream_is_read_only_to_the_limit(cli):
    result = cli("validate", "/dev/zero")
    assert result.exit_code == 1
    assert "/dev/zero:1:1: error: filen är för stor (64 MB, högst 64 MB)" in result.stdout


def test_the_other_readers_refuse_a_huge_file_too(cli, folder):
    text = folder / "data" / "inledning.md"
    with text.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 10)
    result = cli("validate", "--plans-dir", folder / "plans")
    assert result.exit_code == 1
    assert f"{Path('data') / 'inledning.md'}:1:1: error: filen är för stor (64 MB" in (
        result.stdout)
    export = folder / "stor.csv"
    with export.open("wb") as handle:
        handle.truncate(3 * 2**30)
    imported = cli("data", "import", export, "--series", "befolkning")
    assert imported.exit_code == 1
    assert f"{export}:1:1: error: filen är för stor (3072 MB, högst 64 MB)" in imported.stderr


def test_a_named_pipe_nobody_writes_to_does_not_hang(cli, tmp_path):
    pipe = tmp_path / "2021.yaml"
    os.mkfifo(pipe)
    result = cli("validate", pipe)
    assert result.exit_code == 1
    assert f"{pipe}:1:1: error: filen är tom" in result.stdout


# --- item 10: never over an input ---------------------------------------------------------


@pytest.mark.parametrize(("command", "name"), OUTPUTS, ids=IDS)
@pytest.mark.parametrize("text", ["inledning", "analys"])
def test_the_groups_own_texts_are_never_an_output(cli, folder, command, name, text):
    target = folder / "data" / f"{text}.md"
    before = target.read_bytes()
    result = run_output(cli, command, Path("data") / f"{text}.md")
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"fel: {Path('data') / text}.md är en fil som samverkan läser "
                             "(gruppens text i datamappen); välj ett annat namn för --output, "
                             "indata skrivs aldrig över\n")
    assert target.read_bytes() == before


def test_a_text_of_a_data_folder_given_with_data_dir_is_an_input(cli, folder):
    (folder / "data").rename(folder / "grunddata")
    before = (folder / "grunddata" / "analys.md").read_bytes()
    result = cli("lagesbild", "--year", "2021", "--data-dir", folder / "grunddata",
                 "--output", folder / "grunddata" / "analys.md", today="2021-12-31")
    assert result.exit_code == 2 and "är en fil som samverkan läser" in result.stderr
    assert (folder / "grunddata" / "analys.md").read_bytes() == before


@pytest.mark.parametrize("target", ["plans/2021.yaml", "data/inledning.md"])
def test_a_link_to_an_input_is_refused_like_the_input(cli, folder, target):
    link = folder / "utfil.md"
    link.symlink_to(folder / target)
    before = (folder / target).read_bytes()
    result = run_output(cli, ("status", "--format", "markdown"), link)
    assert result.exit_code == 2
    assert link.is_symlink() and (folder / target).read_bytes() == before


# --- item 9: links, devices and pipes ----------------------------------------------------


def test_a_link_stays_a_link_and_the_file_it_points_to_is_written(cli, folder):
    real = folder / "delad" / "status.md"
    real.parent.mkdir()
    real.write_text("gammal\n", encoding="utf-8")
    real.chmod(0o640)
    link = folder / "status.md"
    link.symlink_to(real)
    result = run_output(cli, ("status", "--format", "markdown"), link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("#")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_link_to_nothing_is_refused(cli, folder):
    link = folder / "status.md"
    link.symlink_to(folder / "finns-inte" / "status.md")
    result = run_output(cli, ("status", "--format", "markdown"), link)
    assert result.exit_code == 2
    assert result.stderr == (f"fel: {link} är en länk till {folder / 'finns-inte' / 'status.md'}"
                             ", som inte finns; välj en vanlig fil för --output eller ta bort "
                             "länken\n")
    assert link.is_symlink()


def test_standard_output_is_written_through_never_replaced(folder):
    """As root, `report --output /dev/stdout` replaced /dev/stdout with a regular file. A
    link of our own to the process's standard output stands in for /dev/stdout here."""
    link = folder / "stdout.md"
    link.symlink_to("/proc/self/fd/1")
    for command in (("report", "--format", "markdown"), ("status", "--format", "markdown"),
                    ("lagesbild", "--year", "2021", "--format", "markdown")):
        done = subprocess.run([sys.executable, "-m", "samverkan", *command, "--output",
                               str(link)], cwd=folder, env=cli_env("2021-12-31"),
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("#"), command
        assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
        assert f"Sparat utskriften i {link}." in done.stderr


def test_the_null_device_takes_the_output(cli, folder):
    result = run_output(cli, ("status", "--format", "markdown"), "/dev/null")
    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_another_device_is_refused(cli, folder):
    device = folder / "zero"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("cannot make a device node here (not root)")
    result = run_output(cli, ("status", "--format", "markdown"), device)
    assert result.exit_code == 2
    assert result.stderr == (f"fel: {device} är ingen vanlig fil (en enhet eller ett uttag); "
                             "ange en fil med --output, t.ex. rapport.md\n")
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_named_pipe_is_written_through(cli, folder):
    pipe = folder / "ut.fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def read() -> None:
        with open(pipe, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        import time

        time.sleep(0.2)  # (the reader opens first, as a shell's `cat < fifo` would)
        result = run_output(cli, ("status", "--format", "markdown"), pipe)
    finally:
        reader.join(10)
        if reader.is_alive():  # the command never opened the pipe: let the reader go
            # (a blocking open would wait forever if the reader ended in between)
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"#")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_named_pipe_nobody_reads_is_a_message_not_a_hang(cli, folder):
    pipe = folder / "ut.fifo"
    os.mkfifo(pipe)
    result = run_output(cli, ("status", "--format", "markdown"), pipe)
    assert result.exit_code == 1
    assert result.stderr == (f"fel: kunde inte skriva {pipe}: ingen process läser från röret. "
                             "Filen är oförändrad.\n")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


# --- issue 12 item 5: files for colleagues ------------------------------------------------


@pytest.mark.parametrize(("command", "name"), OUTPUTS, ids=IDS)
def test_every_output_is_readable_by_colleagues_and_says_the_same(cli, folder, umask_022,
                                                                  command, name):
    result = run_output(cli, command, name)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((folder / name).stat().st_mode) == 0o644
    assert result.stderr.splitlines()[0] == f"Sparat utskriften i {name}."


@pytest.mark.parametrize(("command", "name"), OUTPUTS[:3] + OUTPUTS[4:], ids=IDS[:3] + IDS[4:])
@pytest.mark.parametrize("mode", [0o600, 0o664])
def test_an_output_replacing_a_file_keeps_its_mode(cli, folder, umask_022, command, name,
                                                   mode):
    (folder / name).write_text("gammal\n", encoding="utf-8")
    (folder / name).chmod(mode)
    result = run_output(cli, command, name)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((folder / name).stat().st_mode) == mode
    assert (folder / name).read_bytes() != b"gammal\n"


def test_a_stricter_umask_is_honoured(cli, folder):
    old = os.umask(0o077)
    try:
        assert run_output(cli, ("status", "--format", "json"), "status.json").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((folder / "status.json").stat().st_mode) == 0o600


def test_new_plan_and_est_files_are_readable_by_colleagues(cli, folder, umask_022):
    result = cli("init", "2023", today="2023-01-02")
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((folder / "plans" / "2023.yaml").stat().st_mode) == 0o644
    areas = folder / "est" / "omraden.yaml"
    areas.write_text(areas.read_text(encoding="utf-8").replace(
        "    reporters: []", "    reporters:\n      - {id: polisen, name: Polisen}"),
        encoding="utf-8")
    result = cli("est", "rapport", "centrum", "klotter", "--reporter", "polisen",
                 "--week", "2021-W10", today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((folder / "est" / "observationer-2021.yaml").stat().st_mode) == 0o644


def test_a_logged_plan_keeps_its_mode(cli, folder, umask_022):
    plan = folder / "plans" / "2021.yaml"
    plan.chmod(0o660)
    assert cli("log", "ungdomsfester", "--date", "2021-03-01").exit_code == 0
    assert stat.S_IMODE(plan.stat().st_mode) == 0o660
