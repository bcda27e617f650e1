"""A cache of plan files already read, keyed on their bytes, so it is never stale.

`status` and `log` are run again and again on a file that did not change, or that only
`log` changed. So `load_plan` keeps what it read (the problems and the `Plan` records,
the one form every command uses) in one file per plan and language, in
`$SAMVERKAN_CACHE_DIR`, else `$XDG_CACHE_HOME/samverkan`, else `~/.cache/samverkan`.
`SAMVERKAN_CACHE=off` turns it off. The cold path (no cache, as after a `git pull` and
always in CI) is fast on its own (docs/performance.md); the cache makes `log` after
`log` cost the same whatever the size of the file.

An entry is used only when it was made from exactly the same bytes, by exactly the
same code: its key is a BLAKE2b (SHA-256 for a large file) over the file's bytes, the
language, and the source of this package, Python, pydantic and ruamel.yaml. Time stamps
and sizes are never trusted for a plan. A damaged entry (a CRC-32 of it is stored with
it), a full disk or a read-only folder only mean the file is read again; no error
reaches the user.
The entries hold pickled plans: the folder is created readable by its owner only,
and an entry someone else owns is never read.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import pickle
import sys
import zlib
from itertools import repeat
from pathlib import Path
from typing import Any

try:  # (BLAKE2b, Python's own: without loading OpenSSL, which `hashlib` does, ~10M
    # instructions a command)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a build without it
    from hashlib import blake2b

# The key of a file's bytes: BLAKE2b, about 2 ms for 1 MiB here, against Python's own
# SHA-256 about 5 ms; OpenSSL's SHA-256 (through `hashlib`, with the processor's SHA
# instructions) about 1 ms, but loading OpenSSL costs about 7 ms of a command. Above this
# size (about 30,000 activities) OpenSSL's pays.
LARGE = 1 << 22

MAGIC = b"samverkan-cache 5\n"
MAX_ENTRIES = 256  # one per plan file and language; the oldest go first
# A file this large is kept only when the same bytes are read a second time (a marker
# with the key is left the first time): pickling 100,000 activities costs a cold `status`
# a third of its time and a third more memory, and CI and the first command after a
# `git pull` read a file once. `log` keeps the file it wrote at once (`eager`): the next
# command reads exactly that.
SECOND_READ = 1 << 20
SEEN = b"samverkan-seen 1\n"
_fingerprint: bytes | None = None


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get("SAMVERKAN_CACHE", "").strip().lower() in ("0", "off", "no", "false"):
        return None
    chosen = os.environ.get("SAMVERKAN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "samverkan"


def fingerprint() -> bytes:
    """What the reading of a plan depends on besides its bytes: this package's source,
    Python, and the installed pydantic-core and ruamel.yaml. Source files count by size and
    time of change, as for Python's own compiled files (`__pycache__`)."""
    global _fingerprint
    if _fingerprint is None:
        import importlib.util

        digest = blake2b(MAGIC + sys.version.encode(), digest_size=32)
        for source in _sources(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))):
            digest.update(source.encode())
        for name in ("pydantic_core", "ruamel.yaml", "_ruamel_yaml"):
            try:
                spec = importlib.util.find_spec(name)
                origin = spec.origin if spec and spec.origin else ""
                stat = os.stat(origin)
                digest.update(f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
            except (ImportError, OSError, ValueError):
                digest.update(f"{name}:-".encode())
        _fingerprint = digest.digest()
    return _fingerprint


def _sources(folder: str) -> list[str]:
    found = []
    for entry in os.scandir(folder):
        if entry.is_dir() and entry.name != "__pycache__":
            found.extend(_sources(entry.path))
        elif entry.name.endswith(".py"):
            stat = entry.stat()
            found.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    return sorted(found)


def key(raw: bytes, lang: str) -> bytes:
    if len(raw) > LARGE:
        from hashlib import sha256 as quick

        digest: Any = quick(fingerprint() + lang.encode() + b"\0")
    else:
        digest = blake2b(fingerprint() + lang.encode() + b"\0", digest_size=32)
    digest.update(raw)
    return digest.digest()


def _slot(folder: Path, path: Path, lang: str) -> Path:
    name = blake2b(f"{os.path.abspath(path)}\0{lang}".encode(), digest_size=20).hexdigest()
    return folder / f"{name}.plan"


def get(path: Path | str, raw: bytes, lang: str) -> Any:
    """What was read from exactly these bytes (a `reader.PlanRead`), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_slot(folder, Path(path), lang), "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # (entries hold pickles: only one's own are read)
            blob = handle.read()
    except OSError:
        return None
    start = len(MAGIC) + 4 + 32
    payload = memoryview(blob)[len(MAGIC) + 4:]
    if not blob.startswith(MAGIC) or zlib.crc32(payload).to_bytes(4, "big") != blob[
            len(MAGIC):len(MAGIC) + 4] or blob[len(MAGIC) + 4:start] != key(raw, lang):
        return None
    try:
        found = pickle.loads(memoryview(blob)[start:])
    except Exception:  # noqa: BLE001 - a damaged entry is a miss
        return None
    found.raw = raw
    return found


def _seen(target: Path, marker: bytes) -> bool:
    try:
        with open(target, "rb") as handle:
            return handle.read(len(marker) + 1) == marker
    except OSError:
        return False


def put(path: Path | str, raw: bytes, lang: str, read: Any, eager: bool = False) -> None:
    """Keep `read`, read from `raw`, for the next command (a file over `SECOND_READ`
    bytes only the second time its bytes are read, unless `eager`). Never raises."""
    folder = cache_dir()
    if folder is None:
        return
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = _slot(folder, Path(path), lang)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        digest = key(raw, lang)
        if not eager and len(raw) > SECOND_READ:
            marker = SEEN + digest
            if not _seen(target, marker):
                tmp.write_bytes(marker)
                os.replace(tmp, target)
                tmp = None
                return
        with open(tmp, "wb") as handle:
            # (pickled straight into the file, the CRC-32 counted on the way and written
            # last: no copy of the whole entry in memory, which for a plan of 100,000
            # activities was a tenth of the command's peak)
            handle.write(MAGIC + bytes(4))
            out = _Summed(handle)
            out.write(digest)
            pickle.dump(read, out, 5)
            handle.seek(len(MAGIC))
            handle.write(out.crc.to_bytes(4, "big"))
        os.replace(tmp, target)
        tmp = None
        if os.urandom(1)[0] < 16:
            _prune(folder)
    except Exception:  # noqa: BLE001, S110 - the cache only ever saves time
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


class _Summed:
    """A file to write to that keeps the CRC-32 of what was written."""

    def __init__(self, handle: Any):
        self.handle, self.crc = handle, 0

    def write(self, data: Any) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.handle.write(data)  # type: ignore[no-any-return]


def pack_rows(rows: tuple) -> bytes | None:
    """Records of one kind (named tuples: a plan's activities) as one `marshal` blob,
    column by column, dates as their ordinals; None when a value is not of the kinds
    marshal keeps (then pickle writes them). Each column is written at C speed, a shared
    value (a pledge's id, a day) once: 10,000 activities cost about half of pickling them
    as tuples."""
    if not rows:
        return None
    columns: list[Any] = list(zip(*rows))
    for at, column in enumerate(columns):
        if type(column[0]) is dt.date:
            if set(map(type, column)) != {dt.date}:
                return None
            columns[at] = (_DAYS, list(map(dt.date.toordinal, column)))
    try:
        return marshal.dumps(columns, 4)
    except ValueError:  # (a value marshal cannot keep)
        return None


_DAYS = "\0days"  # (a column of dates: a marker no column of text can equal as a tuple)


def unpack_rows(blob: bytes, kind: type) -> tuple:
    """The records `pack_rows` packed, as `kind` named tuples."""
    columns = marshal.loads(blob)
    for at, column in enumerate(columns):
        if type(column) is tuple and len(column) == 2 and column[0] == _DAYS:
            ordinals = column[1]
            days = {n: dt.date.fromordinal(n) for n in set(ordinals)}
            columns[at] = map(days.__getitem__, ordinals)
    return tuple(map(tuple.__new__, repeat(kind), zip(*columns)))


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.plan"), key=lambda p: p.stat().st_mtime)
    for old in entries[: max(len(entries) - MAX_ENTRIES, 0)]:
        old.unlink(missing_ok=True)
