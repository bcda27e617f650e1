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
from samverkan.completion import (
    complete_focus_areas,
    complete_places,
    complete_pledges,
    complete_tags,
)
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
    xlsx = "xlsx"


class ProblemFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"


class FailOn(str, Enum):
    behind = "behind"
    missed = "missed"


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
    pledge: Optional[str] = typer.Argument(
        None, metavar="LÖFTE", help="Löftets id, t.ex. trygghetsvandringar. Utan id i en "
        "terminal: välj ur en lista och svara på frågor.", autocompletion=complete_pledges),
    date: Optional[str] = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                       help="Dagen aktiviteten genomfördes (standard: i dag)."),
    tag: list[str] = typer.Option([], "--tag", metavar="TAGG",
                                  help="Tagg, t.ex. centrum; kan anges flera gånger.",
                                  autocompletion=complete_tags),
    place: Optional[str] = typer.Option(None, "--place", metavar="PLATS",
                                        help="Platsen, t.ex. Stadsparken.",
                                        autocompletion=complete_places),
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
    if pledge is None:
        answers = ask_log(plan, plans_dir, date, count, place, tag, note, now, language)
        if answers is None:
            return
        plan = plan or answers[0]
        pledge, date, count, place, tag, note = answers[1:]
    request = build_request(pledge, date, count, place, tag, by, note, now, language)
    path = plan or plan_path_for(find_dir(plans_dir), request.date.year, language, by="date")
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
                                             help="Visa bara detta fokusområde.",
                                             autocompletion=complete_focus_areas),
    fmt: StatusFormat = typer.Option(StatusFormat.table, "--format",
                                     help="Utskriftsformat: table, markdown, csv, json eller "
                                     "xlsx (Excel, kräver --output)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FIL",
                                          help="Skriv till FIL i stället för till skärmen."),
    fail_on: Optional[FailOn] = typer.Option(
        None, "--fail-on", help="Avsluta med kod 1 om något löfte är efter (behind) eller "
        "missat (missed); för schemalagda kontroller i CI."),
    agreement: bool = typer.Option(
        False, "--agreement", help="Visa hela avtalet: varje löfte år för år i alla planer, "
        "och avtalets mål över flera år (plans/agreement.yaml)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Visa lägesbilden: varje löfte mot sitt mål, och målens utveckling."""
    from samverkan import status as status_mod
    from samverkan.export import check_output

    ui = _lang(lang)
    if plan and year:
        raise UsageError(tr(ui, "plan_and_year"))
    output = check_output(output, fmt.value, ui)
    from samverkan.record import parse_date

    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    if agreement:
        sys.stdout.write(status_mod.agreement_text(
            plans_dir, day, fmt.value, lang.value if lang else None,
            {"--plan": plan, "--year": year, "--owner": owner, "--focus-area": focus_area,
             "--fail-on": fail_on, "--output": output,
             "--format xlsx": True if fmt.value == "xlsx" else None}))
        return
    result = status_mod.load_status(plan, year, day, owner, focus_area, plans_dir,
                                    lang.value if lang else None)
    language = _lang(lang, result.language)
    if output is not None:
        status_mod.save(result, fmt.value, language, output)
        err(tr(language, "output_written", path=output))
    else:
        text = status_mod.render(result, fmt.value, language, rich=use_rich())
        if text is not None:
            sys.stdout.write(text)
    if fail_on is not None and status_mod.fails(result.compliance, fail_on.value):
        raise typer.Exit(1)


@app.command()
@handle_errors
def validate(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="FIL_ELLER_MAPP",
                                                 help="Planfiler, seriefiler eller mappar "
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


# --- report ------------------------------------------------------------------------------


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"


@app.command()
@handle_errors
def report(
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Planåret att följa upp (standard: årets plan)."),
    plan: Optional[Path] = typer.Option(None, "--plan", metavar="FIL",
                                        help="Planfilen att följa upp (i stället för --year)."),
    agreement: bool = typer.Option(False, "--agreement",
                                   help="Hela avtalet: alla år sida vid sida och målen för "
                                   "hela avtalsperioden."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                        help="Läget som det var denna dag (standard: i dag)."),
    fmt: Optional[ReportFormat] = typer.Option(
        None, "--format", help="html (en fristående fil som går att skriva ut på A4) eller "
        "markdown (för protokoll); standard: efter filändelsen i --output, annars html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FIL",
                                          help="Skriv rapporten till denna fil "
                                          "(standard: skriv ut den)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Skriv sammanställningen av genomförandet till styrgruppen och kommunstyrelsen."""
    from samverkan.record import parse_date
    from samverkan.report import check_output, format_for, make_report, write_report

    ui = _lang(lang)
    if output is not None:
        check_output(output, ui)
    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    chosen = format_for(fmt.value if fmt else None, output)
    rendered = make_report(year=year, plan=plan, agreement=agreement, as_of=day, today=today(),
                           plans_dir=plans_dir, fmt=chosen, lang=lang.value if lang else None)
    if output is None:
        sys.stdout.write(rendered.text)
        return
    write_report(output, rendered.text, ui)
    typer.echo(tr(rendered.language, "report_written", path=output))


# --- editor support ---------------------------------------------------------------------


@app.command()
@handle_errors
def schema(
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FIL",
                                          help="Skriv schemat till FIL i stället för till "
                                          "skärmen, t.ex. schema/plan.schema.json."),
    lang: Optional[Lang] = LangOption,
) -> None:
    """Skriv ut planfilens JSON Schema, för editorer som VS Code (se docs/editor.md)."""
    from samverkan.export import check_output
    from samverkan.schema import schema_text

    language = _lang(lang)
    check_output(output, "json", language, stem="plan.schema")  # never over a plan
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    from samverkan.writer import atomic_write

    atomic_write(output, text.encode("utf-8"), language)
    err(tr(language, "schema_written", path=output))



# --- the terminal -----------------------------------------------------------------------


def stdin_is_terminal() -> bool:
    """Whether a person can answer questions (tests replace this)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def ask_log(plan: Path | None, plans_dir: Path | None, date: str | None, count: str | None,
            place: str | None, tags: list[str], note: str | None, now: dt.date,
            language: str) -> tuple | None:
    """`log` without a pledge: ask on a terminal, refuse without one (never wait).

    Returns (plan path, pledge, date, count, place, tags, note), or None when the user
    chose not to save."""
    from samverkan.plans import load_valid, plan_path_for
    from samverkan.plans import plans_dir as find_dir
    from samverkan.prompts import Answers, ask_activity, confirm_save
    from samverkan.record import parse_date

    if not stdin_is_terminal():
        raise UsageError(tr(language, "log_needs_pledge"))
    year = parse_date(date, language).year if date is not None else now.year
    path = plan or plan_path_for(find_dir(plans_dir), year, language, by="date")
    loaded = load_valid(path, language)
    assert loaded.plan is not None
    given = Answers("", date, place, list(tags), count, note)
    try:
        answers = ask_activity(loaded.plan, now, language, given, typer.prompt, typer.echo)
        if not confirm_save(answers, language, typer.prompt, typer.echo):
            typer.echo(tr(language, "log_not_saved"))
            return None
    except typer.Abort:
        err("\n" + tr(language, "log_aborted"))
        raise typer.Exit(1) from None
    return (path, answers.pledge, answers.date, answers.count, answers.place, answers.tags,
            answers.note)


# --- measurements, next year's plan, the record ----------------------------------------


class ActivityFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


@app.command()
@handle_errors
def measure(
    goal: str = typer.Argument(..., metavar="MÅL", help="Målets id, t.ex. alkohol-ak9."),
    year: int = typer.Option(..., "--year", metavar="ÅÅÅÅ", help="Året mätningen gäller."),
    value: str = typer.Option(..., "--value", metavar="TAL",
                              help="Det uppmätta värdet, t.ex. 18 eller 18,5."),
    source: Optional[str] = typer.Option(None, "--source", metavar="TEXT",
                                         help="Varifrån värdet kommer, t.ex. ANDTS 2021."),
    plan: Optional[Path] = typer.Option(
        None, "--plan", metavar="FIL", help="Planfilen (standard: plans/ÅÅÅÅ.yaml för "
        "mätåret, annars den senaste planen före)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Registrera ett måls uppmätta värde för ett år, som ANDTS-undersökningens resultat."""
    from samverkan.lifecycle import (check_measurement, parse_value, plan_for_measurement,
                                     record_measurement)
    from samverkan.model import Measurement
    from samverkan.plans import plans_dir as find_dir
    from samverkan.render import measurement_line

    language = _lang(lang)
    text = check_measurement(goal, year, source, today(), language)
    measurement = Measurement(year=year, value=parse_value(value, language), source=text)
    path = plan or plan_for_measurement(find_dir(plans_dir), year, language)
    typer.echo(measurement_line(record_measurement(path, goal, measurement, language), language))


@app.command()
@handle_errors
def init(
    year: int = typer.Argument(..., metavar="ÅÅÅÅ", help="Året för den nya planen."),
    from_year: Optional[int] = typer.Option(
        None, "--from", metavar="ÅÅÅÅ", help="Planen att utgå från (standard: den senaste "
        "före ÅÅÅÅ)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Skapa årets plan plans/ÅÅÅÅ.yaml från en tidigare plan (löften, mål, kommentarer)."""
    from samverkan.lifecycle import create_plan
    from samverkan.plans import plans_dir as find_dir

    language = _lang(lang)
    result = create_plan(find_dir(plans_dir), year, from_year, language)
    goals = sum(len(a.goals) for a in result.plan.focus_areas)
    typer.echo(tr(language, "init_done", path=result.path, source=result.source, year=year,
                  pledges=len(result.plan.pledges), goals=goals))


@app.command()
@handle_errors
def activities(
    plan: Optional[Path] = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Planåret (standard: alla planår)."),
    pledge: Optional[str] = typer.Option(None, "--pledge", metavar="ID",
                                         help="Visa bara detta löfte."),
    date_from: Optional[str] = typer.Option(None, "--from", metavar="ÅÅÅÅ-MM-DD",
                                            help="Visa aktiviteter från och med denna dag."),
    date_to: Optional[str] = typer.Option(None, "--to", metavar="ÅÅÅÅ-MM-DD",
                                          help="Visa aktiviteter till och med denna dag."),
    tag: Optional[str] = typer.Option(None, "--tag", metavar="TAGG",
                                      help="Visa bara aktiviteter med denna tagg."),
    fmt: ActivityFormat = typer.Option(ActivityFormat.table, "--format",
                                       help="Utskriftsformat: table, csv, json, markdown eller "
                                       "xlsx (Excel, kräver --output)."),
    delimiter: str = typer.Option(",", "--delimiter", metavar="TECKEN",
                                  help="Fältavgränsare i csv; ';' för svensk Excel."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FIL",
                                          help="Skriv till FIL i stället för till skärmen."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Lista de registrerade aktiviteterna med sina id."""
    from samverkan import activities as record
    from samverkan.export import check_output
    from samverkan.plans import plans_dir as find_dir
    from samverkan.record import parse_date
    from samverkan.render import render_activities

    language = _lang(lang)
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise UsageError(tr(language, "bad_delimiter", value=delimiter))
    output = check_output(output, fmt.value, language, stem="aktiviteter")
    start = parse_date(date_from, language) if date_from is not None else None
    end = parse_date(date_to, language) if date_to is not None else None
    paths = record.plan_files(find_dir(plans_dir), plan, year, today(), language)
    entries, titles = record.load_entries(paths, language)
    record.check_filters(pledge, start, end, set(titles), language)
    chosen = record.select(entries, pledge, start, end, tag)
    if output is None:
        sys.stdout.write(render_activities(chosen, fmt.value, language, delimiter))
        return
    record.save(chosen, fmt.value, language, output, delimiter, titles)
    err(tr(language, "output_written", path=output))


@app.command()
@handle_errors
def remove(
    activity_id: str = typer.Argument(..., metavar="ID",
                                      help="Aktivitetens id (visas av log och activities)."),
    plan: Optional[Path] = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Planåret (standard: leta i alla planår)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Ta bort en felaktigt registrerad aktivitet; resten av filen lämnas orörd."""
    from samverkan.activities import find_activity, plan_files, remove_activity
    from samverkan.plans import plans_dir as find_dir

    language = _lang(lang)
    path = find_activity(plan_files(find_dir(plans_dir), plan, year, today(), language),
                         activity_id, language)
    removed = remove_activity(path, activity_id, language)
    typer.echo(tr(language, "removed", id=activity_id, pledge=removed.pledge,
                  date=removed.date.isoformat(), path=path))


# --- EST: `samverkan est …` (the commands live in samverkan/est/cli.py) -----------------
from samverkan.est.cli import est_app  # noqa: E402 - needs the helpers above

app.add_typer(est_app, name="est")


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


@app.command()
@handle_errors
def lagesbild(
    year: Optional[int] = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                       help="Året lägesbilden gäller (standard: i år)."),
    fmt: Optional[ReportFormat] = typer.Option(
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
    from samverkan.report import check_output, format_for, write_report

    language = _lang(lang)
    if output is not None:
        check_output(output, language)
    chosen = format_for(fmt.value if fmt else None, output)
    now = today()
    document = make_lagesbild(year or now.year, data_dir, plans_dir, now, language)
    text = render(document, chosen, now)
    if output is None:
        sys.stdout.write(text)
        return
    write_report(output, text, language)
    typer.echo(tr(language, "lb_written", path=output, what=tr(
        language, "lb_written_what", fmt=chosen, n=len(document.notices))))


# --- the citizens' website ----------------------------------------------------------------


@app.command()
@handle_errors
def publish(
    output: Path = typer.Option(..., "--output", "-o", metavar="MAPP",
                                help="Mappen som webbplatsen skrivs till, t.ex. public/; en "
                                "tidigare webbplats där ersätts helt."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                        help="Läget som det var denna dag (standard: i dag)."),
    plans_dir: Optional[Path] = PlansDir,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Skriv webbplatsen för invånarna: löftena och hur det går, med öppna data."""
    from samverkan.publish.service import publish as build_site
    from samverkan.record import parse_date

    ui = _lang(lang)
    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    result = build_site(output, plans_dir=plans_dir, as_of=day, today=today(),
                        lang=lang.value if lang else None)
    typer.echo(tr(result.language, "pub_written", path=output, pages=result.pages))


def main() -> None:
    app()
