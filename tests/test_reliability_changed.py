"""A plan file changed under our feet: an editor saved, or `git pull` ran, between the
moment `log` read the file and the moment it writes. The other change is never
overwritten: `log` reads the file again and retries, or refuses with a message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from processes import leftovers

from samverkan.core import writer
from samverkan.followup import log as record

LOG = ("log", "ungdomsfester", "--date", "2021-05-01", "--note", "Helgkväll")
EDIT = b"# Kommentar sparad i en editor medan samverkan skrev\n"


class Editor:
    """Saves the plan (as an editor or `git pull` does: a new file renamed into place)
    the first `times` times the hooked step of `log` runs."""

    def __init__(self, plan: Path, times: int = 1, content: bytes | None = None):
        self.plan, self.times, self.content, self.saves = plan, times, content, 0

    def save(self) -> None:
        if self.saves < self.times:
            self.saves += 1
            data = self.content if self.content is not None else (
                EDIT.replace(b"\n", f" {self.saves}\n".encode()) + self.plan.read_bytes())
            tmp = self.plan.with_name("editor-save.tmp~")
            tmp.write_bytes(data)
            os.replace(tmp, self.plan)


def hook(monkeypatch: pytest.MonkeyPatch, where: str, editor: Editor) -> None:
    if where == "while-editing":  # between reading the file and writing it
        real = record.new_id  # (drawn for the file as read, before the new text)

        def item(*args, **kwargs):
            editor.save()
            return real(*args, **kwargs)

        monkeypatch.setattr(record, "new_id", item)
    else:  # the new file is on disk, a moment before it replaces the old one
        real_fsync = os.fsync

        def fsync(fd):
            real_fsync(fd)
            editor.save()

        monkeypatch.setattr(writer.os, "fsync", fsync)


@pytest.mark.parametrize("where", ["while-editing", "just-before-replace"])
def test_a_save_in_between_is_kept_and_the_log_retried(plans: Path, cli, monkeypatch,
                                                        where: str, figure) -> None:
    """`just-before-replace` used to overwrite the save: the check ran before the new
    file was written, not right before it replaced the old one."""
    plan = plans / "2021.yaml"
    editor = Editor(plan)
    hook(monkeypatch, where, editor)
    result = cli(*LOG, "--plan", plan)
    assert result.exit_code == 0, result.stderr
    text = plan.read_text()
    assert editor.saves == 1 and text.startswith(EDIT.decode().replace("\n", " 1\n"))
    assert text.count("note: Helgkväll") == 1
    assert leftovers(plans) == []
    figure("3. Filen ändras under skrivningen / file changed underneath",
           f"editor sparar {'under redigeringen' if where == 'while-editing' else 'precis före bytet'}",
           "läser om och försöker igen: editorns ändring och aktiviteten finns båda kvar")


def test_a_file_that_keeps_changing_is_refused(plans: Path, cli, monkeypatch, figure) -> None:
    plan = plans / "2021.yaml"
    editor = Editor(plan, times=writer.RETRIES)
    hook(monkeypatch, "just-before-replace", editor)
    result = cli(*LOG, "--plan", plan)
    assert result.exit_code == 1
    assert result.stderr == (f"fel: {plan} ändrades av någon annan medan samverkan skrev; "
                             "kör kommandot igen\n")
    text = plan.read_text()
    assert text.count("# Kommentar sparad i en editor") == writer.RETRIES  # every save kept
    assert "Helgkväll" not in text
    assert leftovers(plans) == []
    figure("3. Filen ändras under skrivningen / file changed underneath",
           f"editor sparar vid vart och ett av {writer.RETRIES} försök",
           "vägrar med tydligt meddelande, exit 1, alla editorns ändringar kvar")


def test_a_half_saved_file_is_refused_not_repaired(plans: Path, cli, monkeypatch) -> None:
    plan = plans / "2021.yaml"
    half = plan.read_bytes()[:5000]
    hook(monkeypatch, "while-editing", Editor(plan, content=half))
    result = cli(*LOG, "--plan", plan)
    assert result.exit_code == 1
    assert result.stderr.endswith(f"fel: {plan} har fel; kör `samverkan validate {plan}` "
                                  "och rätta dem först\n")
    assert plan.read_bytes() == half


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path: Path, monkeypatch) -> None:
    """`update_file(create=True)` (EST's yearly observation files): if someone creates the
    file in the moment before ours replaces nothing, theirs is read and kept."""
    path = tmp_path / "observationer-2021.yaml"
    real_fsync = os.fsync

    def fsync(fd):
        real_fsync(fd)
        if not path.exists():
            path.write_bytes(b"# skapad av en kollega\n")

    monkeypatch.setattr(writer.os, "fsync", fsync)
    seen = []

    def add_line(old: bytes) -> tuple[bytes, None]:
        seen.append(old)
        return old + b"- ny rad\n", None

    writer.update_file(path, add_line, create=True)
    assert seen == [b"", b"# skapad av en kollega\n"]
    assert path.read_bytes() == b"# skapad av en kollega\n- ny rad\n"
