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
from typing import Any

import typer

from samverkan.core.problems import PlanInvalid, SamverkanError


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


def today() -> dt.date:
    """Today's date; SAMVERKAN_TODAY (YYYY-MM-DD) fixes it for tests and demonstrations."""
    fixed = os.environ.get("SAMVERKAN_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def use_rich() -> bool:
    """Colour and box drawing only on a terminal; NO_COLOR (any non-empty value, see
    no-color.org) and TERM=dumb ask for plain text."""
    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb")


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

