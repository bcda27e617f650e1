"""Reports written to a file (`--output FILE`): which paths are allowed, and writing text.

A report never overwrites a plan: an output named `*.yaml`/`*.yml` is refused, and an
Excel workbook must be named `*.xlsx`. Checks run before any work, so a mistake costs
nothing; writes are atomic (`writer.atomic_write`).
"""

from __future__ import annotations

from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.problems import UsageError

SUFFIXES = {"table": "txt", "markdown": "md", "csv": "csv", "json": "json", "xlsx": "xlsx",
            "html": "html"}


def check_output(output: Path | None, fmt: str, lang: str = "sv",
                 stem: str = "lagesbild") -> Path | None:
    """The file a report of format `fmt` goes to (None: the screen), or a `UsageError`.
    `stem` names the example file a message suggests (`lagesbild.xlsx`)."""
    if output is None:
        if fmt == "xlsx":
            raise UsageError(tr(lang, "xlsx_needs_output"))
        return None
    suffix = output.suffix.lower()
    if suffix in (".yaml", ".yml"):
        raise UsageError(tr(lang, "output_is_plan", path=output))
    if fmt == "xlsx" and suffix != ".xlsx":
        raise UsageError(tr(lang, "xlsx_suffix", path=output))
    if output.is_dir():
        raise UsageError(tr(lang, "output_is_dir", path=output,
                                name=f"{stem}.{SUFFIXES.get(fmt, fmt)}"))
    if not output.parent.is_dir():
        raise UsageError(tr(lang, "output_no_dir", path=output, dir=output.parent))
    if fmt == "xlsx":
        from samverkan.followup.excel import require_openpyxl

        require_openpyxl(lang)
    return output


def save_text(path: Path, text: str, lang: str = "sv") -> None:
    from samverkan.core.writer import atomic_write

    atomic_write(path, text.encode("utf-8"), lang)
