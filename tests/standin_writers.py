"""Stand-ins for the writing commands of issue 3 (`remove`, `measure`), for the
concurrency tests until those commands are merged.

Each runs as its own process and edits the plan the way those commands will: through
`writer.update_file` (lock, change check, atomic replace), as a text edit.

    python tests/standin_writers.py remove PLAN ACTIVITY_ID
    python tests/standin_writers.py edit-middle PLAN N
"""

from __future__ import annotations

import sys
from pathlib import Path

from ruamel.yaml.nodes import MappingNode

from samverkan.loader import child_node, load_plan_bytes
from samverkan.writer import update_file


def remove_activity(path: Path, activity_id: str) -> None:
    """Delete the line of one activity (as `log` writes it: one flow mapping a line)."""

    def transform(raw: bytes) -> tuple[bytes, None]:
        loaded = load_plan_bytes(raw, str(path))
        assert loaded.ok and loaded.text is not None and loaded.root is not None
        _, activities = child_node(loaded.root, "activities")
        for item in getattr(activities, "value", []):
            _, ident = child_node(item, "id")
            if isinstance(item, MappingNode) and ident is not None and ident.value == activity_id:
                lines = loaded.text.splitlines(keepends=True)
                del lines[item.start_mark.line]
                return "".join(lines).encode("utf-8"), None
        raise SystemExit(f"no activity {activity_id} in {path}")

    update_file(path, transform)


def edit_middle(path: Path, n: int) -> None:
    """Add a comment line in the middle of the file (under `focus_areas:`), as `measure`
    adds a measurement under a goal while `log` appends at the end."""

    def transform(raw: bytes) -> tuple[bytes, None]:
        lines = raw.decode("utf-8").splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.startswith("focus_areas:")) + 1
        lines.insert(at, f"  # mätning {n}\n")
        return "".join(lines).encode("utf-8"), None

    update_file(path, transform)


if __name__ == "__main__":
    command, plan, value = sys.argv[1:4]
    if command == "remove":
        remove_activity(Path(plan), value)
    elif command == "edit-middle":
        edit_middle(Path(plan), int(value))
    else:
        raise SystemExit(f"unknown stand-in {command}")
