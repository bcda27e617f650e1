"""Writing plan files without losing anything: locked, atomic, text-preserving edits.

`update_file` runs a transform of the file's bytes under a lock, checks that nobody
changed the file meanwhile, and replaces it atomically (temporary file in the same
folder, fsync, rename). Edits are made on the text itself (`append_activity`), so
every comment, blank line and the order people wrote stay exactly as they were.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from samverkan.i18n import tr
from samverkan.problems import SamverkanError, WriteFailed

T = TypeVar("T")
LOCK_TIMEOUT = 30.0
RETRIES = 5


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def atomic_write(path: Path, data: bytes, lang: str = "sv") -> None:
    """Replace `path` by `data` all at once; on failure the original is untouched."""
    if path.exists() and not os.access(path, os.W_OK):
        raise WriteFailed(tr(lang, "write_readonly", path=path))
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o7777)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except PermissionError:
        raise WriteFailed(tr(lang, "write_readonly", path=path)) from None
    except OSError as exc:
        reason = "disken är full" if exc.errno == errno.ENOSPC and lang == "sv" else (
            exc.strerror or str(exc))
        raise WriteFailed(tr(lang, "write_failed", path=path, reason=reason)) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def update_file(path: Path, transform: Callable[[bytes], tuple[bytes, T]],
                lang: str = "sv") -> T:
    """Apply `transform(old bytes) -> (new bytes, result)` to `path` under a lock.

    If the file changes between reading and writing (an editor saved, `git pull`
    ran), the transform runs again on the new content; after several tries it gives up
    with a message. A transform that raises leaves the file untouched.
    """
    from filelock import FileLock, Timeout

    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise WriteFailed(tr(lang, "write_readonly", path=path))
    try:
        lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
        with lock:
            for _ in range(RETRIES):
                before = path.read_bytes()
                new, result = transform(before)
                if path.read_bytes() != before:
                    continue
                atomic_write(path, new, lang)
                return result
    except Timeout:
        raise SamverkanError(tr(lang, "lock_timeout", path=path)) from None
    except PermissionError:
        raise WriteFailed(tr(lang, "write_readonly", path=path)) from None
    raise WriteFailed(tr(lang, "write_conflict", path=path))


# --- text edits -------------------------------------------------------------------------

# Plain (unquoted) only for text that reads back the same inside a flow mapping `{…}`:
# no commas, brackets, colons or hashes.
_PLAIN = re.compile(r"^[^\W\d_][\w .()/&'-]*$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def yaml_scalar(value: Any) -> str:
    """One value as YAML flow text: plain where that reads back the same, else quoted."""
    import json

    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    text = str(value)
    if (_PLAIN.match(text) and text.lower() not in _RESERVED and "  " not in text
            and not text.endswith(" ")):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_mapping(data: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in data.items()) + "}"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def _end_line(node: Node) -> int:
    """0-based index of the last line holding any of `node`'s text."""
    if isinstance(node, MappingNode):
        return max(_end_line(v) for pair in node.value for v in pair) if node.value else _mark_line(node.end_mark)
    if isinstance(node, SequenceNode):
        if node.flow_style or not node.value:
            return _mark_line(node.end_mark)
        return max(_end_line(v) for v in node.value)
    return _mark_line(node.end_mark)


def _mark_line(mark: Any) -> int:
    return mark.line if mark.column > 0 else max(mark.line - 1, 0)


def append_activity(text: str, root: Node | None, item: dict[str, Any]) -> str:
    """`text` with `item` added as the last entry of the top-level `activities:` list."""
    return append_item(text, root, item, "activities")


def append_item(text: str, root: Node | None, item: dict[str, Any], key: str) -> str:
    """`text` with `item` added, as one flow-mapping line, to the top-level list `key`.

    Only lines are added (or `[]` emptied); nothing a person wrote is re-emitted. The
    list is created at the end of the file when the key is missing.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    flow = flow_mapping(item)
    activities_key, activities = None, None
    if isinstance(root, MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                activities_key, activities = key_node, value_node
    lines = text.splitlines(keepends=True)
    if activities is None:
        body = text if not text or text.endswith(("\n", "\r")) else text + newline
        return f"{body}{key}:{newline}  - {flow}{newline}"

    if isinstance(activities, SequenceNode) and activities.value and not activities.flow_style:
        first = activities.value[0]
        first_line = lines[first.start_mark.line]
        indent = first_line[: len(first_line) - len(first_line.lstrip(" "))]
        if not first_line.lstrip(" ").startswith("-"):
            indent = " " * max(first.start_mark.column - 2, 0)
        after = _end_line(activities.value[-1])
        new_line = f"{indent}- {flow}{newline}"
        head = lines[: after + 1]
        if head and not head[-1].endswith(("\n", "\r")):
            head[-1] += newline
        return "".join(head) + new_line + "".join(lines[after + 1:])

    starts = _line_starts(text)
    if isinstance(activities, SequenceNode) and activities.flow_style and activities.value:
        end = starts[activities.end_mark.line] + activities.end_mark.column - 1  # the "]"
        return f"{text[:end]}, {flow}{text[end:]}"

    # `activities: []`, `activities:` (null) or `activities: ~`: the list starts here.
    key_line = activities_key.start_mark.line  # type: ignore[union-attr]
    line = lines[key_line]
    if isinstance(activities, SequenceNode) or (
            isinstance(activities, ScalarNode) and activities.start_mark.line == key_line):
        start = activities.start_mark.column
        end = activities.end_mark.column if activities.end_mark.line == key_line else len(
            line.rstrip("\r\n"))
        line = line[:start].rstrip() + line[end:]
        if not line.endswith(("\n", "\r")):
            line += newline
    lines[key_line] = line
    lines.insert(key_line + 1, f"  - {flow}{newline}")
    return "".join(lines)
