"""Files written for people (`--output FILE`): which paths are allowed, and writing them.

Every command's `--output` goes through here, so that every output is checked, written
and named the same way:

- `check_output` runs before any work, so a mistake costs nothing. It refuses a path the
  tool reads as input: a plan, an EST file or a data series (`*.yaml`, `*.yml`) and the
  group's Markdown texts in a data folder (`data/inledning.md`, `data/analys.md`, …);
  a folder, a missing folder, a link that leads nowhere, and a device that is not a
  terminal, the null device or the command's own standard output.
- `save_output` writes. A regular file is replaced atomically (`writer.atomic_write`): a
  new file gets the mode the user's umask gives (644 under 022), an existing one keeps
  its mode. A symbolic link is followed and stays a link (the file it points to is
  replaced, under the same checks). Standard output (`--output /dev/stdout`), a pipe, a
  terminal and the null device are written through, never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from samverkan.core.i18n import os_reason, tr
from samverkan.core.problems import UsageError, WriteFailed

SUFFIXES = {"table": "txt", "markdown": "md", "csv": "csv", "json": "json", "xlsx": "xlsx",
            "html": "html"}
INPUT_SUFFIXES = (".yaml", ".yml")
# Character devices a report may be written through (Linux major numbers): the null
# device (1, 3) and terminals (4: virtual consoles and serial lines, 5: /dev/tty and the
# console, 136-143: pseudo-terminals). Any other device is refused before it is opened.
_NULL = (1, 3)
_TERMINALS = {4, 136, 137, 138, 139, 140, 141, 142, 143}
_TERMINALS_5 = {0, 1}


def check_output(output: Path | None, fmt: str, lang: str = "sv",
                 stem: str = "lagesbild", data_dir: Path | None = None) -> Path | None:
    """The file a report of format `fmt` goes to (None: the screen), or a `UsageError`.
    `stem` names the example file a message suggests (`lagesbild.xlsx`); `data_dir` is the
    data folder the command reads, when it is not the default one."""
    if output is None:
        if fmt == "xlsx":
            raise UsageError(tr(lang, "xlsx_needs_output"))
        return None
    if fmt == "xlsx" and output.suffix.lower() != ".xlsx" and not is_input(output, data_dir):
        raise UsageError(tr(lang, "xlsx_suffix", path=output))
    check_target(output, lang, name=f"{stem}.{SUFFIXES.get(fmt, fmt)}", data_dir=data_dir)
    if fmt == "xlsx":
        require_openpyxl(lang)
    return output


def require_openpyxl(lang: str = "sv") -> Any:
    """The openpyxl module (Excel workbooks), or a `UsageError` that says how to install it."""
    try:
        import openpyxl
    except ImportError:
        raise UsageError(tr(lang, "excel_missing")) from None
    return openpyxl


def is_input(path: Path, data_dir: Path | None = None) -> bool:
    """Whether the tool reads `path` (or, for a link, the file it leads to) as input."""
    for candidate in (path, Path(os.path.realpath(path))):
        if candidate.suffix.lower() in INPUT_SUFFIXES:
            return True
        if candidate.suffix.lower() == ".md" and _in_data_folder(candidate, data_dir):
            return True
    return False


def _in_data_folder(path: Path, data_dir: Path | None) -> bool:
    """The group's Markdown texts: `.md` files in the data folder (`validate` and
    `lagesbild` read every one of them)."""
    from samverkan.core.folders import data_dir as default_data
    from samverkan.core.folders import is_data_file

    folders = [data_dir] if data_dir is not None else []
    folders.append(default_data(None, None))
    return any(is_data_file(path, folder) for folder in folders)


def check_target(output: Path, lang: str = "sv", name: str = "rapport.html",
                 data_dir: Path | None = None) -> None:
    """Refuse an output path the tool reads as input, or where no file can be written
    without replacing something that is not one; `name` is the example file name a
    message about a folder suggests."""
    if is_input(output, data_dir):
        key = "output_is_plan" if output.suffix.lower() in INPUT_SUFFIXES else "output_is_input"
        raise UsageError(tr(lang, key, path=output))
    kind = _kind(output)
    if kind == "dir":
        raise UsageError(tr(lang, "output_is_dir", path=output, name=name))
    if kind == "dangling":
        raise UsageError(tr(lang, "output_dangling_link", path=output,
                            target=os.readlink(output)))
    if kind == "device":
        raise UsageError(tr(lang, "output_not_a_file", path=output))
    if kind == "missing" and not Path(os.path.realpath(output)).parent.is_dir():
        raise UsageError(tr(lang, "output_no_dir", path=output, dir=output.parent))


def _kind(path: Path) -> str:
    """What writing to `path` would meet: "missing" (a new file), "file" (a regular file,
    possibly behind links), "through" (standard output or error, a pipe, a terminal, the
    null device: written through), "dir", "dangling" (a link to nothing), or "device"
    (anything else: refused)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "dangling" if os.path.islink(path) else "missing"
    except OSError:
        return "missing"  # (an unreadable parent: the write reports it)
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if _is_standard_stream(info) or stat.S_ISFIFO(info.st_mode):
        return "through"
    if stat.S_ISREG(info.st_mode):
        return "file"
    if stat.S_ISCHR(info.st_mode):
        device = (os.major(info.st_rdev), os.minor(info.st_rdev))
        if (device == _NULL or device[0] in _TERMINALS
                or (device[0] == 5 and device[1] in _TERMINALS_5)):
            return "through"
    return "device"


def _is_standard_stream(info: os.stat_result) -> bool:
    for fd in (1, 2):
        try:
            if os.path.samestat(info, os.fstat(fd)):
                return True
        except OSError:
            continue
    return False


def save_output(path: Path, content: str | bytes, lang: str = "sv") -> None:
    """Write `content` (text as UTF-8) to the output `path` (see the module's rules)."""
    check_target(path, lang)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if _kind(path) == "through":
        _write_through(path, data, lang)
        return
    from samverkan.core.writer import atomic_write

    atomic_write(Path(os.path.realpath(path)) if path.is_symlink() else path, data, lang)


def _write_through(path: Path, data: bytes, lang: str) -> None:
    """Write to standard output or error (by its descriptor, so that nothing already
    there is truncated), a pipe, a terminal or the null device, without replacing it."""
    import sys

    info = os.stat(path)
    for fd, stream in ((1, sys.stdout), (2, sys.stderr)):
        try:
            same = os.path.samestat(info, os.fstat(fd))
        except OSError:
            same = False
        if same:
            stream.flush()
            _write_all(fd, data, path, lang)
            return
    try:
        # (not blocking: a pipe that nobody reads fails at once instead of hanging)
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as exc:
        reason = tr(lang, "output_no_reader") if exc.errno == errno.ENXIO else os_reason(
            lang, exc)
        raise WriteFailed(tr(lang, "write_failed", path=path, reason=reason)) from None
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data, path, lang)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, path: Path, lang: str) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise WriteFailed(tr(lang, "write_failed", path=path,
                             reason=os_reason(lang, exc))) from None
