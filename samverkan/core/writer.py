"""Writing plan files without losing anything: locked, atomic, text-preserving edits.

`update_file` runs a transform of the file's bytes under a lock, checks that nobody
changed the file meanwhile, and replaces it atomically (temporary file in the same
folder, fsync, rename); `create_file` writes a new file the same way, never over an
existing one. Edits are made on the text itself (`append_item`, `replace_item`,
`remove_item`, `remove_key`, `replace_scalars`, located through the YAML node tree),
so every comment, blank line and the order people wrote stay exactly as they were.
"""

from __future__ import annotations

import errno
import glob
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from samverkan.core.i18n import os_reason, tr
from samverkan.core.problems import SamverkanError, WriteFailed
from samverkan.core.yamlfile import child_node, flow_mapping, read_bytes

T = TypeVar("T")
LOCK_TIMEOUT = 30.0
RETRIES = 5


BOM = b"\xef\xbb\xbf"


def encode_like(raw: bytes, text: str) -> bytes:
    """`text` as UTF-8, with the byte-order mark that the file's old bytes `raw` had."""
    return (BOM if raw.startswith(BOM) else b"") + text.encode("utf-8")


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class LockTimeout(Exception):
    """Another process held the lock longer than `LOCK_TIMEOUT`."""


class FileLock:
    """The lock file `lock`, held (`with FileLock(lock, timeout):`) by one process at a time.

    On Unix it is `fcntl.flock` on the lock file, exactly as the filelock library locks
    there (so that the two exclude each other), without importing filelock: its import
    costs `log` about a fifth of the floor. Elsewhere, and on a file system without
    flock, filelock does it (with its own fall-backs)."""

    def __init__(self, lock: Path, timeout: float):
        self.lock, self.timeout = lock, timeout
        self._fd: int | None = None
        self._other: Any = None

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self._library()
            return
        import time

        fd = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    if exc.errno in (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK):
                        self._library()
                        return
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(str(self.lock)) from None
                time.sleep(0.05)
                continue
            self._fd = fd
            return

    def _library(self) -> None:
        from filelock import FileLock as Library
        from filelock import Timeout

        self._other = Library(str(self.lock), timeout=self.timeout)
        try:
            self._other.acquire()
        except Timeout:
            self._other = None
            raise LockTimeout(str(self.lock)) from None

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # (closing the file releases its flock)
            self._fd = None
        if self._other is not None:
            self._other.release()
            self._other = None


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
    return WriteFailed(tr(lang, "write_failed", path=path, reason=os_reason(lang, exc)))


class _Missing:
    """`atomic_write(..., expect=MISSING)`: the file must still not exist."""


MISSING = _Missing()


def atomic_write(path: Path, data: bytes, lang: str = "sv",
                 expect: bytes | _Missing | None = None) -> None:
    """Replace `path` by `data` all at once; on failure the original is untouched.

    With `expect`, the file must still hold exactly those bytes (or, with `MISSING`, still
    not exist) at the last moment before the replace, checked after the new content is
    safely on disk; otherwise `_Changed` is raised and nothing is replaced.
    """
    if path.is_symlink():  # a link stays a link: the file it points to is replaced
        path = Path(os.path.realpath(path))
    if path.exists() and not _writable(path):
        raise WriteFailed(tr(lang, "write_readonly", path=path))
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # (mkstemp makes the file readable by its owner only; a file for colleagues gets
        # the mode any new file would get, or keeps the mode of the file it replaces)
        os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else new_file_mode())
        if expect is not None and (path.read_bytes() if path.exists() else MISSING) != expect:
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


def new_file_mode() -> int:
    """The mode a new file gets under the process's umask (0o644 under 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


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
                lang: str = "sv", create: bool = False) -> T:
    """Apply `transform(old bytes) -> (new bytes, result)` to `path` under a lock.

    If the file changes between reading and writing (an editor saved, `git pull`
    ran), the transform runs again on the new content; after several tries it gives up
    with a message. A transform that raises leaves the file untouched. With `create`,
    a missing file is read as empty bytes and created (if it is still missing). A
    symbolic link stays a link: the file it points to is replaced.
    """
    shown = path
    if path.is_symlink():
        path = Path(os.path.realpath(path))

    def read() -> bytes | None:
        if create and not path.exists():
            return None
        return read_bytes(path, lang)

    read()  # a missing (unless `create`) or unreadable file: a message before any lock
    if not _writable(path.parent) or (path.exists() and not _writable(path)):
        raise WriteFailed(tr(lang, "write_readonly", path=shown))
    try:
        with FileLock(lock_path(path), LOCK_TIMEOUT):
            _remove_stale_temporaries(path)
            for _ in range(RETRIES):
                before = read()
                new, result = transform(before or b"")
                try:
                    atomic_write(path, new, lang, expect=before if before is not None
                                 else MISSING)
                except _Changed:
                    continue
                return result
    except LockTimeout:
        raise SamverkanError(tr(lang, "lock_timeout", path=shown)) from None
    except OSError as exc:
        raise _failure(exc, shown, lang) from None
    raise WriteFailed(tr(lang, "write_conflict", path=shown))


def unexpected(path: Path, problems: list[Any], lang: str = "sv") -> WriteFailed:
    """The refusal of an edit whose new text did not read back as intended (the file is
    left as it was): the first error the new text got, which says what to change, or
    else that the file's layout is one the edit does not handle."""
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    what = (tr(lang, "write_unexpected_problem", problem=errors[0].message) if errors
            else tr(lang, "write_unexpected_layout"))
    return WriteFailed(tr(lang, "write_unexpected", path=path, what=what))


def create_file(path: Path, data: bytes, exists_error: SamverkanError, lang: str = "sv") -> None:
    """Write a new file at `path` under the same lock as `update_file`; raise
    `exists_error` (and write nothing) if the file is already there."""
    if not _writable(path.parent):
        raise WriteFailed(tr(lang, "write_readonly", path=path))
    try:
        with FileLock(lock_path(path), LOCK_TIMEOUT):
            if path.exists():
                raise exists_error
            atomic_write(path, data, lang)
    except LockTimeout:
        raise SamverkanError(tr(lang, "lock_timeout", path=path)) from None


# --- text edits -------------------------------------------------------------------------

def _end_line(node: Node) -> int:
    """0-based index of the last line holding any of `node`'s text."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return max(_end_line(v) for pair in node.value for v in pair)
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


def _dash_line(lines: list[str], item: Node) -> int:
    """0-based line of the `-` that opens a block sequence item (it may stand alone
    on the line above the item's first key)."""
    line = item.start_mark.line
    if "-" in lines[line][: item.start_mark.column]:
        return line
    while line > 0 and not lines[line - 1].lstrip(" ").startswith("-"):
        line -= 1
    return max(line - 1, 0)


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def _newline(text: str) -> str:
    """The line ending the file uses: CRLF, a lone CR (old Mac files) or LF."""
    return "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"


def _ensure_newline(line: str, newline: str) -> str:
    return line if line.endswith(("\n", "\r")) else line + newline


def append_item(text: str, mapping: Node | None, item: dict[str, Any], key: str) -> str:
    """`text` with `item` added as the last entry of the list `key` of `mapping`.

    `mapping` is the root (for `activities:`) or a nested block or flow mapping (a
    goal, for `measurements:`). Only text is added (or an empty `[]` opened); nothing
    a person wrote is re-emitted.
    """
    newline = _newline(text)
    flow = flow_mapping(item)
    key_node, seq = child_node(mapping, key)
    lines = text.splitlines(keepends=True)
    if key_node is None:
        if isinstance(mapping, MappingNode) and mapping.flow_style:
            end = mapping.end_mark.index - 1  # the "}"
            return f"{text[:end].rstrip()}, {key}: [{flow}]{text[end:]}"
        if not isinstance(mapping, MappingNode) or mapping.start_mark.column == 0:
            body = text if not text or text.endswith(("\n", "\r")) else text + newline
            return f"{body}{key}:{newline}  - {flow}{newline}"
        indent = " " * mapping.start_mark.column
        after = _end_line(mapping)
        head = lines[: after + 1]
        head[-1] = _ensure_newline(head[-1], newline)
        block = f"{indent}{key}:{newline}{indent}  - {flow}{newline}"
        return "".join(head) + block + "".join(lines[after + 1:])

    if isinstance(seq, SequenceNode) and seq.value and not seq.flow_style:
        indent = _indent_of(lines[_dash_line(lines, seq.value[0])])
        after = _end_line(seq.value[-1])
        head = lines[: after + 1]
        head[-1] = _ensure_newline(head[-1], newline)
        return "".join(head) + f"{indent}- {flow}{newline}" + "".join(lines[after + 1:])

    if isinstance(seq, SequenceNode) and seq.flow_style and seq.value:
        # right after the last entry: before a trailing comma, a comment or a line break
        end = seq.value[-1].end_mark.index
        return f"{text[:end]}, {flow}{text[end:]}"

    if isinstance(seq, SequenceNode) and seq.flow_style:
        close = seq.end_mark.index - 1  # the "]"
        line_start = text.rfind("\n", 0, close) + 1
        if seq.end_mark.line > seq.start_mark.line and not text[line_start:close].strip():
            # `[` … `]` over several lines, empty (perhaps with comments): a line of its own
            indent = " " * (key_node.start_mark.column + 2)
            return f"{text[:line_start]}{indent}{flow}{newline}{text[line_start:]}"

    assert seq is not None
    if isinstance(mapping, MappingNode) and mapping.flow_style:  # `{…, key: [], …}`
        return f"{text[: seq.start_mark.index]}[{flow}]{text[seq.end_mark.index:]}"
    # `key: []`, `key:` (null) or `key: ~`: the list starts on the next line.
    key_line = key_node.start_mark.line
    line = lines[key_line]
    if isinstance(seq, SequenceNode) or (
            isinstance(seq, ScalarNode) and seq.start_mark.line == key_line):
        start = seq.start_mark.column
        end = seq.end_mark.column if seq.end_mark.line == key_line else len(line.rstrip("\r\n"))
        line = _ensure_newline(line[:start].rstrip() + line[end:], newline)
    lines[key_line] = line
    indent = " " * (key_node.start_mark.column + 2)
    lines.insert(key_line + 1, f"{indent}- {flow}{newline}")
    return "".join(lines)


def replace_item(text: str, seq: SequenceNode, index: int, item: dict[str, Any]) -> str:
    """`text` with the `index`-th entry of `seq` replaced by `item` (one flow mapping).

    A flow entry is replaced where it stands (a comment after it stays); a block
    entry's lines become one line.
    """
    old = seq.value[index]
    flow = flow_mapping(item)
    if seq.flow_style or getattr(old, "flow_style", False):
        return text[: old.start_mark.index] + flow + text[old.end_mark.index:]
    newline = _newline(text)
    lines = text.splitlines(keepends=True)
    first, last = _dash_line(lines, old), _end_line(old)
    new_line = f"{_indent_of(lines[first])}- {flow}{newline}"
    return "".join(lines[:first]) + new_line + "".join(lines[last + 1:])


def remove_item(text: str, key_node: Node, seq: SequenceNode, index: int) -> str:
    """`text` without the `index`-th entry of the list `seq` (the value of `key_node`).

    Exactly that entry's text goes: its lines in a block list (a list left empty
    becomes `key: []`), or the entry and one comma in a flow list.
    """
    items = seq.value
    old = items[index]
    if seq.flow_style:
        if index + 1 < len(items):
            start, end = old.start_mark.index, items[index + 1].start_mark.index
        elif index > 0:
            start, end = items[index - 1].end_mark.index, old.end_mark.index
        else:
            start, end = old.start_mark.index, old.end_mark.index
        return text[:start] + text[end:]
    if len(items) == 1:
        return clear_list(text, key_node, seq)
    lines = text.splitlines(keepends=True)
    del lines[_dash_line(lines, old): _end_line(old) + 1]
    return "".join(lines)


def clear_list(text: str, key_node: Node, value: Node) -> str:
    """`text` with the value of `key_node` (a list, or null) made `[]`: a block list's
    entries go (with the lines between them), a flow list or null is replaced."""
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        lines = text.splitlines(keepends=True)
        del lines[_dash_line(lines, value.value[0]): _end_line(value.value[-1]) + 1]
        text = "".join(lines)
    elif value.end_mark.index > value.start_mark.index:  # `[…]`, `~`, `null`
        return text[: value.start_mark.index] + "[]" + text[value.end_mark.index:]
    colon = text.index(":", key_node.end_mark.index)
    return f"{text[: colon + 1]} []{text[colon + 1:]}"


def remove_key(text: str, mapping: MappingNode, key: str) -> str:
    """`text` without `key` and its value in `mapping` (lines in a block mapping)."""
    pairs = mapping.value
    index = next(i for i, (k, _) in enumerate(pairs)
                 if isinstance(k, ScalarNode) and k.value == key)
    key_node, value = pairs[index]
    if mapping.flow_style:
        if index > 0:
            start, end = pairs[index - 1][1].end_mark.index, value.end_mark.index
        elif len(pairs) > 1:
            start, end = key_node.start_mark.index, pairs[1][0].start_mark.index
        else:
            start, end = key_node.start_mark.index, value.end_mark.index
        return text[:start] + text[end:]
    lines = text.splitlines(keepends=True)
    del lines[key_node.start_mark.line: max(_end_line(value), key_node.start_mark.line) + 1]
    return "".join(lines)


def replace_scalars(text: str, replacements: list[tuple[Node, str]]) -> str:
    """`text` with each scalar node's text replaced (spans must not overlap)."""
    for node, new in sorted(replacements, key=lambda r: r[0].start_mark.index, reverse=True):
        text = text[: node.start_mark.index] + new + text[node.end_mark.index:]
    return text
