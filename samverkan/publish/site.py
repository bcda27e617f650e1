"""Writing the website's folder so that a reader never sees half a site.

The new site is built in a hidden folder beside the output (same file system), then
swapped in with two renames under a lock: the old folder out of the way, the new one
into its place, the old one removed. A failure before the swap leaves the old site as it
was. Only a folder that is empty, or that `publish` wrote before (it holds `MARKER`), is
ever replaced: `--output plans/` is refused, not overwritten.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.problems import SamverkanError, UsageError

MARKER = ".samverkan-publish"


def check_output(output: Path, lang: str = "sv") -> None:
    """Refuse, before any work, an output that is a file, has no parent folder, or is a
    folder with other content than an earlier site."""
    if output.exists() and not output.is_dir():
        raise UsageError(tr(lang, "pub_output_is_file", path=output))
    if not output.exists() and not output.parent.is_dir():
        raise UsageError(tr(lang, "pub_output_no_dir", dir=output.parent))
    if output.is_dir() and not (output / MARKER).is_file() and any(output.iterdir()):
        raise UsageError(tr(lang, "pub_output_not_site", path=output))


def write_site(output: Path, files: dict[str, bytes], lang: str = "sv") -> None:
    """Put `files` (relative path → bytes) at `output`, replacing the site there."""
    from filelock import FileLock, Timeout

    from samverkan.core.writer import LOCK_TIMEOUT, _failure, lock_path

    shown = output
    if output.is_symlink():  # the link stays; the folder it points to is replaced
        output = Path(os.path.realpath(output))
    try:
        with FileLock(str(lock_path(output)), timeout=LOCK_TIMEOUT):
            check_output(output, lang)
            _remove_leftovers(output)
            _swap_in(output, files)
    except Timeout:
        raise SamverkanError(tr(lang, "lock_timeout", path=shown)) from None
    except OSError as exc:
        raise _failure(exc, shown, lang) from None


def _swap_in(output: Path, files: dict[str, bytes]) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    new = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.", suffix=".new"))
    try:
        for name, data in files.items():
            path = new / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (new / MARKER).write_text(tr("sv", "pub_marker"), encoding="utf-8")
        for folder, dirs, names in os.walk(new):  # readable by the web server (umask)
            os.chmod(folder, 0o777 & ~umask)
            for name in names:
                os.chmod(os.path.join(folder, name), 0o666 & ~umask)
        old = None
        if output.exists():
            old = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.",
                                        suffix=".old"))
            os.rename(output, old / "site")
        try:
            os.rename(new, output)
        except OSError:
            if old is not None:
                os.rename(old / "site", output)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)


def _remove_leftovers(output: Path) -> None:
    """Folders a killed run left beside the output (only a run holding the lock makes
    them). A run killed between its two renames left the old site aside: it is put back."""
    pattern = f".{glob.escape(output.name)}.*"
    olds = sorted(output.parent.glob(pattern + ".old"), key=lambda p: p.stat().st_mtime)
    if not output.exists() and olds and (olds[-1] / "site").is_dir():
        os.rename(olds[-1] / "site", output)
    for stale in [*output.parent.glob(pattern + ".new"), *olds]:
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
