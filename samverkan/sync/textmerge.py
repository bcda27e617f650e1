"""The three-way line merge of texts: git's own (`git merge-file`).

What is not a record (pledges, goals, comments, the layout around the lists) merges
line by line exactly as git would merge it without the driver: the same algorithm, the
same conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`, with the base version
shown). git is there whenever git runs the driver.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from samverkan.core.problems import SamverkanError

LABELS = ("ours", "base", "theirs")
MARKER_SIZE = 7


class TextMergeFailed(SamverkanError):
    """git could not merge the texts (git missing, or an error of its own)."""


def merge_text(base: str, ours: str, theirs: str, marker_size: int = MARKER_SIZE,
               labels: tuple[str, str, str] = LABELS) -> tuple[str, int]:
    """(merged text, number of conflicts) of a line merge of `ours` and `theirs` from
    `base`; a conflict is left in the text between markers of `marker_size` characters."""
    with tempfile.TemporaryDirectory(prefix="samverkan-merge-") as folder:
        paths = []
        for name, text in zip(("ours", "base", "theirs"), (ours, base, theirs)):
            path = Path(folder) / name
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        merged, conflicts = merge_files(paths[0], paths[1], paths[2], marker_size, labels)
    return merged.decode("utf-8"), conflicts


def merge_files(ours: str, base: str, theirs: str, marker_size: int = MARKER_SIZE,
                labels: tuple[str, str, str] = LABELS) -> tuple[bytes, int]:
    """`merge_text` of three files' bytes, whatever their encoding."""
    command = ["git", "merge-file", "-p", "--diff3", f"--marker-size={marker_size}",
               "-L", labels[0], "-L", labels[1], "-L", labels[2], ours, base, theirs]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except OSError as exc:
        raise TextMergeFailed(f"git merge-file: {exc}") from None
    if not 0 <= done.returncode <= 127:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise TextMergeFailed(f"git merge-file: {detail or done.returncode}")
    return done.stdout, done.returncode
