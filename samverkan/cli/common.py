"""What every command of the command line shares: options, today, language, errors.

The command modules (`followup`, `files`, `est`, `stats`) import from here; nothing
below the command line imports this package.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, SamverkanError, UsageError


class Lang(str, Enum):
    sv = "sv"
    en = "en"


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"


PlansDir = typer.Option(None, "--plans-dir", envvar="SAMVERKAN_PLANS_DIR", metavar="MAPP",
                        help="Mappen med planfilerna (standard: ./plans).")
LangOption = typer.Option(None, "--lang", help="Språk för utskriften: sv eller en "
                          "(standard: planens språk).")
DataDir = typer.Option(None, "--data-dir", envvar="SAMVERKAN_DATA_DIR", metavar="MAPP",
                       help="Mappen med grunddata (standard: data/ bredvid plans/).")
WideOption = typer.Option(False, "--wide", help="Bryt inte raderna: tabellerna så breda de "
                          "behöver (standard: terminalens bredd, 100 tecken i en fil eller pipe).")
DelimiterOption = typer.Option(";", "--delimiter", metavar="TECKEN",
                               help="Fältavgränsare i csv (standard ';', som svensk Excel läser; "
                               "',' för andra program).")


def today() -> dt.date:
    """Today's date; SAMVERKAN_TODAY (YYYY-MM-DD) fixes it for tests and demonstrations."""
    fixed = os.environ.get("SAMVERKAN_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def use_rich() -> bool:
    """Colour and box drawing only on a terminal; NO_COLOR (any non-empty value, see
    no-color.org) and TERM=dumb ask for plain text."""
    return (stdout_is_terminal() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb")


def stdout_is_terminal() -> bool:
    """Whether the output goes to a terminal window (tests replace this)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def output_width(wide: bool = False, to_file: bool = False) -> int | None:
    """How wide the lines of a table may be: the terminal's width on a terminal (COLUMNS
    when set), 100 into a pipe or a file (`to_file`: --output), no limit with --wide."""
    import shutil

    from samverkan.core.tables import PIPED_WIDTH

    if wide:
        return None
    if stdout_is_terminal() and not to_file:
        return shutil.get_terminal_size((80, 24)).columns
    return PIPED_WIDTH


def html_file(output: Path | None, fmt: str, name: str, lang: str) -> Path | None:
    """Where a document goes: `--output`, else the screen, except that an HTML document
    is never poured into a terminal: it goes to the file `name` in the current folder
    (never over an existing file), and `told_html_file` says so."""
    if output is not None or fmt != "html" or not stdout_is_terminal():
        return output
    path = Path(name)
    if path.exists():
        raise UsageError(tr(lang, "html_file_exists", path=path))
    return path


def told_html_file(given: Path | None, used: Path | None, lang: str) -> None:
    if given is None and used is not None:
        err(tr(lang, "note_prefix", note=tr(lang, "html_to_file", path=used)))


def check_delimiter(delimiter: str, lang: str) -> str:
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise UsageError(tr(lang, "bad_delimiter", value=delimiter))
    return delimiter


def err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a message and an exit code; never show a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang")
        prefix = "error" if getattr(lang, "value", lang) == "en" else "fel"
        try:
            return command(*args, **kwargs)
        except PlanInvalid as exc:
            for problem in exc.problems[:20]:
                err(problem.format())
            err(f"{prefix}: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except SamverkanError as exc:
            err(f"{prefix}: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if os.environ.get("SAMVERKAN_DEBUG"):
                raise
            err(f"{prefix}: internt fel ({type(exc).__name__}: {exc}); "
                "kör igen med SAMVERKAN_DEBUG=1 och rapportera felet")
            raise typer.Exit(70) from None

    return wrapper



def ui_lang(lang: Lang | None, plan_language: str | None = None) -> str:
    return lang.value if lang else (plan_language or "sv")




def stdin_is_terminal() -> bool:
    """Whether a person can answer questions (tests replace this)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False

