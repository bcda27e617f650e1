"""Running the installed CLI as real processes, and checking a plan file afterwards.

The reliability tests start `python -m samverkan` as separate processes (that is how
two colleagues, or a colleague and CI, write one plan at the same time) and look at
the file they leave behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from samverkan.plan.model import Activity
from samverkan.plan.reader import load_plan

TODAY = "2021-12-31"


def cli_env(today: str = TODAY) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SAMVERKAN_PLANS_DIR", "GITHUB_ACTIONS", "SAMVERKAN_DEBUG")}
    env.update({"SAMVERKAN_TODAY": today, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    return env


def cli_argv(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "samverkan", *(str(a) for a in args)]


def run_cli(*args: str | Path, cwd: Path, today: str = TODAY,
            user: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run one command to its end, like a user at a terminal."""
    return subprocess.run(cli_argv(*args), cwd=cwd, env=cli_env(today), capture_output=True,
                          text=True, timeout=120, user=user, check=False)


def start_cli(*args: str | Path, cwd: Path, today: str = TODAY) -> subprocess.Popen[str]:
    return subprocess.Popen(cli_argv(*args), cwd=cwd, env=cli_env(today), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def valid_activities(path: Path) -> list[Activity]:
    """The activities of the plan at `path`, which must load without a single error."""
    loaded = load_plan(path)
    errors = [p.format() for p in loaded.problems if p.severity == "error"]
    assert not errors, errors
    assert loaded.plan is not None
    return list(loaded.plan.activities)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a writer left in `folder` (lock files are expected and harmless)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
