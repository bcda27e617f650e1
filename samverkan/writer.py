"""Writing plan files without losing anything: locked, atomic, text-preserving edits.

`update_file` runs a transform of the file's bytes under a lock, checks that nobody
changed the file meanwhile, and replaces it atomically (temporary file in the same
folder, fsync, rename). Edits are made on the text itself (`append_activity`), so
every comment, blank line and the order people wrote stay exactly as they were.
"""

from __future__ import annotations

import errno
import glob
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


class _Changed(Exception):
    """The file changed after it was read; the caller reads it again."""


def _writable(path: Path) -> bool:
    """Writable by us and not marked read-only. Root may write anything, but a file or
    folder without a single write permission bit was made read-only on purpose."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(path, os.W_OK)


def _failure(exc: OSError, path: Path, lang: str) -> WriteFailed:
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return WriteFailed(tr(lang, "write_readonly", path=path))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return WriteFailed(tr(lang, "write_failed", path=path, reason=tr(lang, "disk_full")))
    return WriteFailed(tr(lang, "write_failed", path=path, reason=exc.strerror or str(exc)))


def atomic_write(path: Path, data: bytes, lang: str = "sv", expect: bytes | None = None) -> None:
    """Replace `path` by `data` all at once; on failure the original is untouched.

    With `expect`, the file must still hold exactly those bytes at the last moment
    before the replace (checked after the new content is safely on disk); otherwise
    `_Changed` is raised and nothing is replaced.
    """
    if path.exists() and not _writable(path):
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
        if expect is not None and path.read_bytes() != expect:
            raise _Changed
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as exc:
        raise _failure(exc, path, lang) from None
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


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left beside `path`. Only a writer holding the
    lock makes them, so under the lock every one of them is stale."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass


def update_file(path: Path, transform: Callable[[bytes], tuple[bytes, T]],
                lang: str = "sv") -> T:
    """Apply `transform(old bytes) -> (new bytes, result)` to `path` under a lock.

    If the file changes between reading and writing (an editor saved, `git pull`
    ran), the transform runs again on the new content; after several tries it gives up
    with a message. A transform that raises leaves the file untouched. A symbolic link
    stays a link: the file it points to is replaced.
    """
    from filelock import FileLock, Timeout

    from samverkan.loader import read_text

    shown = path
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    read_text(path, lang)  # a missing or unreadable file: a message before any lock exists
    if not _writable(path.parent) or not _writable(path):
        raise WriteFailed(tr(lang, "write_readonly", path=shown))
    try:
        lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
        with lock:
            _remove_stale_temporaries(path)
            for _ in range(RETRIES):
                before = read_text(path, lang)
                new, result = transform(before)
                try:
                    atomic_write(path, new, lang, expect=before)
                except _Changed:
                    continue
                return result
    except Timeout:
        raise SamverkanError(tr(lang, "lock_timeout", path=shown)) from None
    except OSError as exc:
        raise _failure(exc, shown, lang) from None
    raise WriteFailed(tr(lang, "write_conflict", path=shown))


# --- text edits -------------------------------------------------------------------------

_PLAIN = re.compile(r"^[^\W\d_][\w .,()/&'-]*$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def yaml_scalar(value: Any) -> str:
    """One value as YAML flow text: plain where that reads back the same, else quoted."""
    import json

    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    text = str(value)
    if (_PLAIN.match(text) and text.lower() not in _RESERVED and "  " not in text
            and not text.endswith((" ", ","))):
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
    """`text` with `item` added as the last entry of the top-level `activities:` list.

    Only lines are added (or `[]` emptied); nothing a person wrote is re-emitted.
    """
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    flow = flow_mapping(item)
    activities_key, activities = None, None
    if isinstance(root, MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "activities":
                activities_key, activities = key_node, value_node
    lines = text.splitlines(keepends=True)
    if activities is None:
        body = text if not text or text.endswith(("\n", "\r")) else text + newline
        return f"{body}activities:{newline}  - {flow}{newline}"

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
