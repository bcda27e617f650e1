"""Real git for the merge driver's tests: a bare repository and clones of it in tmp_path.

Each clone is set up the way a member of the group sets one up: `git clone`, then
`samverkan git-setup` run as a process of its own. git runs the driver as a process too
(`python -m samverkan merge …`), exactly as on a member's computer. The repository's own
`.gitattributes` is the one committed, so the tests also prove that it names the files.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def isolate_git(monkeypatch, home: Path) -> None:
    """git without the computer's own configuration (no global or system config), for
    this process and every process it starts (git, and the driver git starts)."""
    home.mkdir(parents=True, exist_ok=True)
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    for key in ("SAMVERKAN_PLANS_DIR", "CI", "GITHUB_ACTIONS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1",
                       "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
                       "GIT_EDITOR": "true", "GIT_TERMINAL_PROMPT": "0",
                       "NO_COLOR": "1"}.items():
        monkeypatch.setenv(key, value)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`git ARGS` in `cwd` (after `isolate_git`)."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} in {cwd}: exit {done.returncode}\n"
                             f"{done.stdout}{done.stderr}")
    return done


def samverkan(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "samverkan", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def make_remote(tmp_path: Path, files: dict[str, str]) -> Path:
    """A bare repository whose first commit holds `files` and the repository's own
    `.gitattributes`."""
    work = tmp_path / "first"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / ".gitattributes").write_bytes((ROOT / ".gitattributes").read_bytes())
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Första versionen")
    remote = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(remote))
    return remote


def clone(remote: Path, folder: Path, setup: bool = True) -> Path:
    git(folder.parent, "clone", "-q", str(remote), str(folder))
    if setup:
        done = samverkan(folder, "git-setup")
        assert done.returncode == 0, done.stdout + done.stderr
    return folder


def commit(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


def activity_ids(text: str) -> list[str]:
    return re.findall(r"\{id: ([a-z0-9]+),", text)
