"""The clone's git set-up for the merge driver: `samverkan git-setup`, and `validate`'s
warning when it is missing.

The repository's committed `.gitattributes` names the driver for the files the tool
writes (`plans/*.yaml merge=samverkan`, and so for `est/` and `data/`), but git does not
let a repository configure the driver's command itself: each clone needs
`merge.samverkan.driver` in its own `.git/config`. `setup` writes it (and a name),
with the interpreter that runs now, so that it works from a virtual environment; run
again, it changes nothing. Without it git merges those files line by line, as if the
attributes were not there.

A plain `git pull` stops on two clones that both committed unless git knows whether to
merge or to rebase; when the person has no preference of their own (`pull.rebase` or
`pull.ff` at any level), `setup` sets `pull.rebase = true` for the clone: the clone's
own commits are replayed on top of the others', without a merge commit and without an
editor opening for its message.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.problems import Problem, UsageError

DRIVER = "samverkan"
PATTERNS = ("plans/*.yaml", "est/*.yaml", "data/*.yaml")
NAME = "samverkan: poster med id slås ihop post för post (samverkan merge)"
_ATTRIBUTE = f"merge={DRIVER}"


def driver_command(executable: str) -> str:
    """The driver's command line as git runs it (through the shell; git quotes `%P`)."""
    return f"{shlex.quote(executable)} -m samverkan merge %O %A %B %P --marker-size %L"


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=False)


@dataclass
class Setup:
    top: Path
    driver: str
    changed: list[str] = field(default_factory=list)  # the config keys written
    unattributed: list[str] = field(default_factory=list)  # PATTERNS .gitattributes misses


def setup(folder: Path, executable: str, lang: str = "sv") -> Setup:
    """Write `merge.samverkan.*` into the config of the clone `folder` is in (only what
    differs). Raises `UsageError` outside a git clone or without git."""
    try:
        found = _git(folder, "rev-parse", "--show-toplevel")
    except OSError as exc:
        raise UsageError(tr(lang, "git_setup_no_git", reason=exc.strerror or exc)) from None
    if found.returncode != 0 or not found.stdout.strip():
        raise UsageError(tr(lang, "git_setup_not_repo", path=folder.resolve()))
    top = Path(found.stdout.strip())
    result = Setup(top, driver_command(executable))
    for key, value in ((f"merge.{DRIVER}.name", NAME), (f"merge.{DRIVER}.driver", result.driver)):
        current = _git(top, "config", "--local", "--get", key)
        if current.returncode != 0 or current.stdout.rstrip("\n") != value:
            written = _git(top, "config", "--local", key, value)
            if written.returncode != 0:
                raise UsageError(written.stderr.strip())
            result.changed.append(key)
    if all(_git(top, "config", "--get", key).returncode != 0
           for key in ("pull.rebase", "pull.ff")):
        _git(top, "config", "--local", "pull.rebase", "true")  # (no preference of one's own)
        result.changed.append("pull.rebase")
    for pattern in PATTERNS:
        probe = pattern.replace("*", "x")
        said = _git(top, "check-attr", "merge", "--", probe).stdout.strip()
        if not said.endswith(f": merge: {DRIVER}"):
            result.unattributed.append(pattern)
    return result


def work_tree_of(folder: Path) -> Path | None:
    """The top of the git work tree `folder` is in (found without running git), or None."""
    try:
        here = folder.resolve()
    except OSError:
        return None
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def missing_driver(folder: Path, lang: str = "sv") -> Problem | None:
    """A warning when `folder` is in a git work tree whose `.gitattributes` names the
    driver but whose config does not set it up. Nothing in CI (`CI=true`): a CI run
    never merges, and a warning it cannot act on would teach people to skip warnings."""
    if os.environ.get("CI", "").lower() == "true":
        return None
    top = work_tree_of(folder)
    if top is None:
        return None
    attributes = top / ".gitattributes"
    try:
        lines = attributes.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    line = next((n for n, text in enumerate(lines, start=1)
                 if _ATTRIBUTE in text.split("#", 1)[0].split()), None)
    if line is None:
        return None
    try:
        configured = _git(top, "config", "--get", f"merge.{DRIVER}.driver")
    except OSError:
        return None  # (no git: nothing merges here)
    if configured.returncode == 0 and configured.stdout.strip():
        return None
    return Problem(_shown(attributes), line, 1, "warning", tr(lang, "git_driver_missing"))


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
