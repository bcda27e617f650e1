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
def out(text: str) -> None:
    """Write `text` to standard output as it is, but for characters a terminal acts on
    (`core.text.terminal_safe`): the one way text reaches the screen."""
    from samverkan.core.text import terminal_safe

    sys.stdout.write(terminal_safe(text))


def echo(message: str = "") -> None:
    """One line to standard output (see `out`)."""
    out(message + "\n")


def err(message: str) -> None:
    """One message to standard error (see `out`)."""
    from samverkan.core.text import terminal_safe

    sys.stderr.write(terminal_safe(message.rstrip("\n")) + "\n")


def prompt(text: str, **options: Any) -> Any:
    """`typer.prompt` with the question made safe for the terminal (see `out`)."""
    from samverkan.core.text import terminal_safe

    return typer.prompt(terminal_safe(text), **options)


def written(output: Path, content: str | bytes, lang: str) -> None:
    """Write an `--output` file (`core.output.save_output`) and say so, the same way for
    every command."""
    from samverkan.core.i18n import tr
    from samverkan.core.output import save_output

    save_output(output, content, lang)
    err(tr(lang, "output_written", path=output))


def _option_name(command: Callable[..., Any], name: str) -> str:
    """How the user wrote the parameter `name` of `command`: `--note`, or an argument's
    metavar (`LÖFTE`)."""
    import inspect

    default = inspect.signature(command).parameters[name].default
    declared = [d for d in getattr(default, "param_decls", None) or () if d.startswith("--")]
    if declared:
        return declared[0]
    return getattr(default, "metavar", None) or name.upper()


def _not_utf8(value: Any) -> str | None:
    """The text of a command-line value that was not valid UTF-8 (Python keeps such bytes
    as lone surrogates), else None."""
    for item in value if isinstance(value, (list, tuple)) else (value,):
        if isinstance(item, (str, os.PathLike)):
            text = os.fspath(item)
            if isinstance(text, str) and any("\udc80" <= c <= "\udcff" for c in text):
                return text
    return None


def check_arguments(command: Callable[..., Any], values: dict[str, Any], lang: str) -> None:
    """Refuse, with a message naming the option, a value that is not valid UTF-8
    (`--note $'caf\\xe9'` from a terminal set to Latin-1: nothing could store or print it)
    or that holds a control character (`--note $'\\e[2J'`: a file must not hold one)."""
    from samverkan.core.i18n import tr
    from samverkan.core.problems import UsageError
    from samverkan.core.text import CONTROL

    for name, value in values.items():
        text = _not_utf8(value)
        if text is not None:
            shown = text.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            raise UsageError(tr(lang, "argument_not_utf8", option=_option_name(command, name),
                                value=shown))
        for item in value if isinstance(value, (list, tuple)) else (value,):
            control = CONTROL.search(item) if isinstance(item, str) else None
            if control is not None:
                raise UsageError(tr(lang, "argument_control_character",
                                    option=_option_name(command, name),
                                    code=f"U+{ord(control.group()):04X}"))


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a message and an exit code; never show a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang")
        language = "en" if getattr(lang, "value", lang) == "en" else "sv"
        prefix = "error" if language == "en" else "fel"
        try:
            check_arguments(command, kwargs, language)
            return command(*args, **kwargs)
        except PlanInvalid as exc:
            for problem in exc.problems[:20]:
                err(problem.format())
            err(f"{prefix}: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except SamverkanError as exc:
            err(f"{prefix}: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:  # a path the system refuses (too long, a loop of links, …)
            from samverkan.core.i18n import os_reason

            name = os.fsdecode(exc.filename) if exc.filename is not None else "?"
            err(f"{prefix}: " + tr(language, "path_refused", reason=os_reason(language, exc),
                                   path=name if len(name) <= 80 else name[:60] + "…"))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # the last line of defence for users
            if os.environ.get("SAMVERKAN_DEBUG"):
                raise
            err(f"{prefix}: " + tr(language, "internal_error",
                                   detail=f"{type(exc).__name__}: {exc}"))
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

