"""The command line: a thin typer layer over the library.

Each command parses its options, calls one or two library functions and prints
the result; `SamverkanError`s become a one-line message on stderr and an exit
code (0 fine, 1 problems found, 2 bad usage or unreadable input).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from samverkan import __version__
from samverkan.i18n import tr
from samverkan.problems import PlanInvalid, SamverkanError, UsageError

app = typer.Typer(
    name="samverkan",
    help="Följ upp samverkansavtalets medborgarlöften: logga aktiviteter, visa läget, "
    "kontrollera planfilerna.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    sv = "sv"
    en = "en"


class StatusFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


class ProblemFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"


class FailOn(str, Enum):
    behind = "behind"
    missed = "missed"


PlansDir = typer.Option(None, "--plans-dir", envvar="SAMVERKAN_PLANS_DIR",
                        help="Mappen med planfilerna (standard: ./plans).")
LangOption = typer.Option(None, "--lang", help="Språk för utskriften: sv eller en "
                          "(standard: planens språk).")
DataDir = typer.Option(None, "--data-dir", envvar="SAMVERKAN_DATA_DIR",
                       help="Mappen med grunddata (standard: data/ bredvid plans/).")


def today() -> dt.date:
    """Today's date; SAMVERKAN_TODAY (YYYY-MM-DD) fixes it for tests and demonstrations."""
    fixed = os.environ.get("SAMVERKAN_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def use_rich() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get(
        "TERM") != "dumb"


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


def _lang(lang: Lang | None, plan_language: str | None = None) -> str:
    return lang.value if lang else (plan_language or "sv")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"samverkan {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=version_callback,
                                 is_eager=True, help="Visa versionen och avsluta."),
) -> None:
    """Följ upp samverkansavtalets medborgarlöften."""


@app.command()
@handle_errors
def log(
    pledge: str = typer.Argument(..., metavar="LÖFTE", help="Löftets id, t.ex. trygghetsvandringar."),
    date: Optional[str] = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                       help="Dagen aktiviteten genomfördes (standard: i dag)."),
    tag: list[str] = typer.Option([], "--tag", metavar="TAGG",
                                  help="Tagg, t.ex. centrum; kan anges flera gånger."),
    place: Optional[str] = typer.Option(None, "--place", metavar="PLATS",
                                        help="Platsen, t.ex. Stadsparken."),
    count: Optional[str] = typer.Option(None, "--count", metavar="N",
                                        help="Hur många (standard 1)."),
    by: Optional[str] = typer.Option(None, "--by", metavar="polis|kommun|gemensamt",
                                     help="Vem som genomförde aktiviteten."),
    note: Optional[str] = typer.Option(None, "--note", metavar="TEXT",
                                       help="Kort anteckning om vad som gjordes (inga namn)."),
    plan: Optional[Path] = typer.Option(None, "--plan", metavar="FIL",
                                        help="Planfilen (standard: plans/ÅÅÅÅ.yaml för datumets år)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Registrera en genomförd aktivitet och visa löftets nya läge."""
    from samverkan.plans import plan_path_for, plans_dir as find_dir
    from samverkan.record import build_request, log_activity
    from samverkan.render import progress_line

    language = _lang(lang)
    now = today()
    request = build_request(pledge, date, count, place, tag, by, note, now, language)
    path = plan or plan_path_for(find_dir(plans_dir), request.date.year, language)
    activity_id, status = log_activity(path, request, now, language)
    typer.echo(tr(language, "logged", id=activity_id, path=path))
    typer.echo(progress_line(status, language))


@app.command()
@handle_errors
def status(
    plan: Optional[Path] = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Planåret (standard: årets plan)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                        help="Visa läget som det var denna dag (standard: i dag)."),
    owner: Optional[str] = typer.Option(None, "--owner", metavar="polis|kommun|gemensamt",
                                        help="Visa bara löften med denna ansvariga part."),
    focus_area: Optional[str] = typer.Option(None, "--focus-area", metavar="ID",
                                             help="Visa bara detta fokusområde."),
    fmt: StatusFormat = typer.Option(StatusFormat.table, "--format",
                                     help="Utskriftsformat: table, markdown, csv eller json."),
    fail_on: Optional[FailOn] = typer.Option(
        None, "--fail-on", help="Avsluta med kod 1 om något löfte är efter (behind) eller "
        "missat (missed); för schemalagda kontroller i CI."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Visa lägesbilden: varje löfte mot sitt mål, och målens utveckling."""
    from samverkan import status as status_mod

    ui = _lang(lang)
    if plan and year:
        raise UsageError(tr(ui, "plan_and_year"))
    from samverkan.record import parse_date

    day = parse_date(as_of, ui, "bad_as_of") if as_of else today()
    result = status_mod.load_status(plan, year, day, owner, focus_area, plans_dir,
                                    lang.value if lang else None)
    language = _lang(lang, result.language)
    text = status_mod.render(result, fmt.value, language, rich=use_rich())
    if text is not None:
        sys.stdout.write(text)
    if fail_on is not None and status_mod.fails(result.compliance, fail_on.value):
        raise typer.Exit(1)


@app.command()
@handle_errors
def validate(
    paths: Optional[list[Path]] = typer.Argument(None, help="Planfiler, seriefiler eller mappar "
                                                 "(standard: alla plans/*.yaml och data/*)."),
    fmt: Optional[ProblemFormat] = typer.Option(
        None, "--format", help="text (standard), github (GitHub Actions-annoteringar; "
        "standard när GITHUB_ACTIONS=true) eller json."),
    plans_dir: Optional[Path] = PlansDir,
    data_dir: Optional[Path] = DataDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Kontrollera planfiler och grunddata; varje problem skrivs som FIL:RAD:KOLUMN: fel|varning: text."""
    from samverkan.validation import validate_paths

    language = _lang(lang)
    chosen = fmt.value if fmt else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    report = validate_paths(paths or [], plans_dir, language, data_dir)
    if report.output(chosen):
        typer.echo(report.output(chosen))
    for message in report.unreadable:
        err(message)
    err(report.summary())
    raise typer.Exit(report.exit_code)


# --- the joint situation picture: base data and the yearly document ---------------------

data_app = typer.Typer(
    help="Grunddata för den samlade lägesbilden: serierna i data/.",
    no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(data_app, name="data")


@data_app.command("import")
@handle_errors
def data_import(
    file: Path = typer.Argument(..., metavar="FIL", help="CSV-export från SCB, Brå m.fl. "
                                "(semikolon, decimalkomma, perioder 2021, 2021M03 eller 2021-03)."),
    series: str = typer.Option(..., "--series", metavar="ID",
                               help="Serien som ska fyllas i, t.ex. brott-totalt (data/ID.yaml)."),
    column: Optional[str] = typer.Option(None, "--column", metavar="NAMN",
                                         help="Kolumnen med värdena, när filen har flera."),
    row: Optional[str] = typer.Option(None, "--row", metavar="TEXT",
                                      help="Välj raderna som innehåller TEXT, t.ex. Skellefteå, "
                                      "när filen har flera serier."),
    data_dir: Optional[Path] = DataDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Läs in en CSV-export i en serie; inget skrivs om någon rad inte kan läsas."""
    from samverkan.importer import import_values, read_export_file
    from samverkan.series import data_dir as find_data

    language = _lang(lang)
    table = read_export_file(file, column, row, language)
    for problem in table.problems:
        err(problem.format())
    result = import_values(table, find_data(data_dir), series, today(), language)
    typer.echo(tr(language, "import_done", added=result.added, changed=result.changed,
                  unchanged=result.unchanged, first=result.first, last=result.last,
                  path=result.path))


class DocFormat(str, Enum):
    html = "html"
    markdown = "markdown"


@app.command()
@handle_errors
def lagesbild(
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Året lägesbilden gäller (standard: i år)."),
    fmt: Optional[DocFormat] = typer.Option(
        None, "--format", help="html (standard) eller markdown; .md i --output ger markdown."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FIL",
                                          help="Skriv dokumentet till FIL (standard: skärmen)."),
    data_dir: Optional[Path] = DataDir,
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Den samlade lägesbilden för ett år, ur grunddata i data/ och årets plan."""
    from samverkan.lagesbild import make_lagesbild
    from samverkan.lagesbild_render import render

    language = _lang(lang)
    chosen = fmt.value if fmt else (
        "markdown" if output and output.suffix.lower() in (".md", ".markdown") else "html")
    now = today()
    document = make_lagesbild(year or now.year, data_dir, plans_dir, now, language)
    text = render(document, chosen, now)
    if output is None:
        sys.stdout.write(text)
        return
    from samverkan.writer import atomic_write

    atomic_write(output, text.encode("utf-8"), language)
    typer.echo(tr(language, "lb_written", path=output, what=tr(
        language, "lb_written_what", fmt=chosen, n=len(document.notices))))


def main() -> None:
    app()
