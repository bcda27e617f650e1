"""Where the tests find the shipped plan, EST and data files: their frozen snapshot in
tests/fixtures/ (see its README.md), never the repository's `plans/`, `est/`, `data/`,
which are the group's live records and change with every `samverkan log`."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLANS = FIXTURES / "plans"
EST = FIXTURES / "est"
DATA = FIXTURES / "data"
SNAPSHOT = {"plans": PLANS, "est": EST, "data": DATA}


def copy_snapshot(target: Path, names: tuple[str, ...] = ("plans", "est", "data")) -> Path:
    """Copy the snapshot's folders (plans/, est/, data/) into `target`, as a fresh clone
    has them; returns `target`."""
    import shutil

    for name in names:
        shutil.copytree(SNAPSHOT[name], target / name)
    return target
