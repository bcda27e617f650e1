"""The commands of the pledge follow-up: log, pledges, status, report, measure, init,
activities, remove."""

import datetime as dt
from enum import Enum
from pathlib import Path

import typer

# the module itself: `from samverkan.cli import common` would name the package, whose
# __init__ imports this module (an import loop)
import samverkan.cli.common as common  # noqa: PLR0402
from samverkan.cli.common import (
    DelimiterOption,
    Lang,
    LangOption,
    PlansDir,
    ReportFormat,
    WideOption,
    check_delimiter,
    echo,
    err,
    handle_errors,
    out,
    output_width,
    today,
    ui_lang,
    written,
)
from samverkan.cli.completion import (
    complete_focus_areas,
    complete_places,
    complete_pledges,
    complete_tags,
)
from samverkan.core.i18n import tr
from samverkan.core.problems import UsageError


class StatusFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"



class FailOn(str, Enum):
    behind = "behind"
    missed = "missed"



class ActivityFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"



@handle_errors
def log(
    pledge: str | None = typer.Argument(
        None, metavar="LÖFTE", help="Löftets id, t.ex. trygghetsvandringar. Utan id i en "
        "terminal: välj ur en lista och svara på frågor.", autocompletion=complete_pledges),
    date: str | None = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                    help="Dagen aktiviteten genomfördes (standard: i dag)."),
    tag: list[str] = typer.Option([], "--tag", metavar="TAGG",
                                  help="Tagg, med id eller titel, t.ex. centrum eller "
                                  "flerbostadsområde; kan anges flera gånger.",
                                  autocompletion=complete_tags),
    place: str | None = typer.Option(None, "--place", metavar="PLATS",
                                     help="Platsen, t.ex. Stadsparken.",
                                     autocompletion=complete_places),
    count: str | None = typer.Option(None, "--count", metavar="N",
                                     help="Hur många (standard 1)."),
    by: str | None = typer.Option(None, "--by", metavar="polis|kommun|gemensamt",
                                  help="Vem som genomförde aktiviteten."),
    note: str | None = typer.Option(None, "--note", metavar="TEXT",
                                    help="Kort anteckning om vad som gjordes (inga namn)."),
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL",
                                     help="Planfilen (standard: plans/ÅÅÅÅ.yaml för datumets år)."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Registrera en genomförd aktivitet och visa löftets nya läge."""
    from samverkan.followup.log import build_activity, log_activity
    from samverkan.followup.render import progress_line
    from samverkan.plan.folder import plan_path_for
    from samverkan.plan.folder import plans_dir as find_dir

    language = ui_lang(lang)
    now = today()
    if pledge is None:
        answers = ask_log(plan, plans_dir, date, count, place, tag, note, now, language)
        if answers is None:
            return
        plan = plan or answers[0]
        pledge, date, count, place, tag, note = answers[1:]
    activity = build_activity(pledge, date, count, place, tag, by, note, now, language)
    path = plan or plan_path_for(find_dir(plans_dir), activity.date.year, language, by="date")
    logged = log_activity(path, activity, now, language)
    echo(tr(language, "logged", id=logged.activity.id, path=path))
    if logged.occasion is not None:
        echo(tr(language, "log_planned_occasion", name=logged.occasion.name,
                date=logged.occasion.date.isoformat()))
    echo(progress_line(logged.status, language))
    for note in (logged.note, logged.tag_note):
        if note:
            err(tr(language, "note_prefix", note=note))


class PledgesFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


@handle_errors
def pledges(
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Planåret (standard: årets plan)."),
    fmt: PledgesFormat = typer.Option(PledgesFormat.table, "--format",
                                      help="Utskriftsformat: table, markdown, csv eller json."),
    delimiter: str = DelimiterOption,
    wide: bool = WideOption,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Lista årets medborgarlöften med id, mål, enhet och sista dag: id:t skrivs efter log."""
    from samverkan.core.inputs import parse_year
    from samverkan.followup.render import render_pledges
    from samverkan.plan.folder import load_valid, plan_path_for
    from samverkan.plan.folder import plans_dir as find_dir

    ui = ui_lang(lang)
    chosen_year = parse_year(year, ui)
    if plan and chosen_year:
        raise UsageError(tr(ui, "plan_and_year"))
    check_delimiter(delimiter, ui)
    path = plan or plan_path_for(find_dir(plans_dir, ui), chosen_year or today().year, ui)
    model = load_valid(path, ui).plan
    assert model is not None
    language = ui_lang(lang, model.language)
    out(render_pledges(model, str(path), fmt.value, language, output_width(wide), delimiter))


@handle_errors
def status(
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Planåret (standard: årets plan)."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Visa läget som det var denna dag (standard: i dag)."),
    owner: str | None = typer.Option(None, "--owner", metavar="polis|kommun|gemensamt",
                                     help="Visa bara löften med denna ansvariga part."),
    focus_area: str | None = typer.Option(None, "--focus-area", metavar="ID",
                                          help="Visa bara detta fokusområde.",
                                          autocompletion=complete_focus_areas),
    fmt: StatusFormat = typer.Option(StatusFormat.table, "--format",
                                     help="Utskriftsformat: table, markdown, csv, json eller "
                                     "xlsx (Excel, kräver --output)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv till FIL i stället för till skärmen."),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Avsluta med kod 1 om något löfte är efter (behind) eller "
        "missat (missed); för schemalagda kontroller i CI."),
    agreement: bool = typer.Option(
        False, "--agreement", help="Visa hela avtalet: varje löfte år för år i alla planer, "
        "och avtalets mål över flera år (plans/agreement.yaml)."),
    delimiter: str = DelimiterOption,
    wide: bool = WideOption,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Visa lägesbilden: varje löfte mot sitt mål, och målens utveckling."""
    from samverkan.core.inputs import parse_year
    from samverkan.core.output import check_output
    from samverkan.followup import status as status_mod

    ui = ui_lang(lang)
    chosen_year = parse_year(year, ui)
    if plan and chosen_year:
        raise UsageError(tr(ui, "plan_and_year"))
    check_delimiter(delimiter, ui)
    output = check_output(output, fmt.value, ui)
    width = output_width(wide, to_file=output is not None)
    from samverkan.core.inputs import parse_date

    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    if agreement:
        out(status_mod.agreement_text(
            plans_dir, day, fmt.value, lang.value if lang else None,
            {"--plan": plan, "--year": chosen_year, "--owner": owner,
             "--focus-area": focus_area, "--fail-on": fail_on, "--output": output,
             "--format xlsx": True if fmt.value == "xlsx" else None},
            width=width, delimiter=delimiter))
        return
    result = status_mod.load_status(plan, chosen_year, day, owner, focus_area, plans_dir,
                                    lang.value if lang else None)
    language = ui_lang(lang, result.language)
    if output is not None:
        written(output, status_mod.content(result, fmt.value, language, width, delimiter),
                language)
    else:
        text = status_mod.render(result, fmt.value, language,
                                 rich=common.use_rich() and not wide, width=width,
                                 delimiter=delimiter)
        if text is not None:
            out(text)
    if fail_on is not None and status_mod.fails(result.compliance, fail_on.value):
        raise typer.Exit(1)


@handle_errors
def report(
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Planåret att följa upp (standard: årets plan)."),
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL",
                                     help="Planfilen att följa upp (i stället för --year)."),
    agreement: bool = typer.Option(False, "--agreement",
                                   help="Hela avtalet: alla år sida vid sida och målen för "
                                   "hela avtalsperioden."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Läget som det var denna dag (standard: i dag)."),
    fmt: ReportFormat | None = typer.Option(
        None, "--format", help="html (en fristående fil som går att skriva ut på A4) eller "
        "markdown (för protokoll); standard: efter filändelsen i --output, annars html."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv rapporten till denna fil "
                                       "(standard: skriv ut den)."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Skriv sammanställningen av genomförandet till styrgruppen och kommunstyrelsen."""
    from samverkan.core.inputs import parse_date, parse_year
    from samverkan.report.service import check_output, format_for, make_report

    ui = ui_lang(lang)
    chosen_year = parse_year(year, ui)
    if output is not None:
        check_output(output, ui)
    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    chosen = format_for(fmt.value if fmt else None, output)
    name = ("rapport-avtalet" if agreement else f"rapport-{plan.stem}" if plan
            else f"rapport-{chosen_year or today().year}")
    given, output = output, common.html_file(output, chosen, f"{name}.html", ui)
    rendered = make_report(year=chosen_year, plan=plan, agreement=agreement, as_of=day,
                           today=today(), plans_dir=plans_dir, fmt=chosen,
                           lang=lang.value if lang else None)
    if output is None:
        out(rendered.text)
        return
    written(output, rendered.text, rendered.language)
    common.told_html_file(given, output, rendered.language)


def ask_log(plan: Path | None, plans_dir: Path | None, date: str | None, count: str | None,
            place: str | None, tags: list[str], note: str | None, now: dt.date,
            language: str) -> tuple | None:
    """`log` without a pledge: ask on a terminal, refuse without one (never wait).

    Returns (plan path, pledge, date, count, place, tags, note), or None when the user
    chose not to save."""
    from samverkan.cli.prompts import Answers, ask_activity, confirm_save
    from samverkan.core.inputs import parse_date
    from samverkan.plan.folder import load_valid, plan_path_for
    from samverkan.plan.folder import plans_dir as find_dir

    if not common.stdin_is_terminal():
        raise UsageError(tr(language, "log_needs_pledge"))
    year = parse_date(date, language).year if date is not None else now.year
    path = plan or plan_path_for(find_dir(plans_dir), year, language, by="date")
    loaded = load_valid(path, language)
    assert loaded.plan is not None
    given = Answers("", date, place, list(tags), count, note)
    try:
        answers = ask_activity(loaded.plan, now, language, given, common.prompt, echo)
        if not confirm_save(answers, language, common.prompt, echo):
            echo(tr(language, "log_not_saved"))
            return None
    except typer.Abort:
        err("\n" + tr(language, "log_aborted"))
        raise typer.Exit(1) from None
    return (path, answers.pledge, answers.date, answers.count, answers.place, answers.tags,
            answers.note)


@handle_errors
def measure(
    goal: str = typer.Argument(..., metavar="MÅL", help="Målets id, t.ex. alkohol-ak9."),
    year: str = typer.Option(..., "--year", metavar="ÅÅÅÅ", help="Året mätningen gäller."),
    value: str = typer.Option(..., "--value", metavar="TAL",
                              help="Det uppmätta värdet, t.ex. 18 eller 18,5."),
    source: str | None = typer.Option(None, "--source", metavar="TEXT",
                                      help="Varifrån värdet kommer, t.ex. ANDTS 2021."),
    date: str | None = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                    help="Dagen värdet blev känt (standard: i dag); "
                                    "status --as-of visar det från den dagen."),
    plan: Path | None = typer.Option(
        None, "--plan", metavar="FIL", help="Planfilen (standard: plans/ÅÅÅÅ.yaml för "
        "mätåret, annars den senaste planen före)."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Registrera ett måls uppmätta värde för ett år, som ANDTS-undersökningens resultat.
    Läser målet sina värden ur en serie i data/ (series:), skrivs värdet där."""
    from samverkan.core.inputs import parse_date, parse_number, parse_year
    from samverkan.followup.facts import check_measure_date, record
    from samverkan.followup.lifecycle import check_measurement, plan_for_measurement
    from samverkan.followup.render import measurement_line
    from samverkan.plan.folder import plans_dir as find_dir
    from samverkan.plan.model import Measurement

    language = ui_lang(lang)
    chosen_year = parse_year(year, language)
    now = today()
    text = check_measurement(goal, chosen_year, source, now, language)
    day = parse_date(date, language) if date is not None else now
    check_measure_date(day, chosen_year, now, language)
    measurement = Measurement(year=chosen_year, value=parse_number(value, language),
                              source=text, date=day)
    path = plan or plan_for_measurement(find_dir(plans_dir), chosen_year, language)
    echo(measurement_line(record(path, goal, measurement, language), language))


@handle_errors
def init(
    year: str = typer.Argument(..., metavar="ÅÅÅÅ", help="Året för den nya planen."),
    from_year: str | None = typer.Option(
        None, "--from", metavar="ÅÅÅÅ", help="Planen att utgå från (standard: den senaste "
        "före ÅÅÅÅ)."),
    beyond_agreement: bool = typer.Option(
        False, "--beyond-agreement", help="Skapa planen även för ett år utanför "
        "avtalsperioden (plans/agreement.yaml), t.ex. när avtalet har förlängts."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Skapa årets plan plans/ÅÅÅÅ.yaml från en tidigare plan (löften, mål, kommentarer)."""
    from samverkan.core.inputs import parse_year
    from samverkan.followup.lifecycle import create_plan
    from samverkan.plan.folder import plans_dir as find_dir

    language = ui_lang(lang)
    new_year = parse_year(year, language, "ÅÅÅÅ")
    result = create_plan(find_dir(plans_dir), new_year, parse_year(from_year, language, "--from"),
                         language, beyond_agreement)
    goals = sum(len(a.goals) for a in result.plan.focus_areas)
    echo(tr(language, "init_done", path=result.path, source=result.source, year=year,
                  pledges=len(result.plan.pledges), goals=goals))
    if result.note:
        err(tr(language, "note_prefix", note=result.note))


@handle_errors
def activities(
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Planåret (standard: alla planår)."),
    pledge: str | None = typer.Option(None, "--pledge", metavar="ID",
                                      help="Visa bara detta löfte."),
    date_from: str | None = typer.Option(None, "--from", metavar="ÅÅÅÅ-MM-DD",
                                         help="Visa aktiviteter från och med denna dag."),
    date_to: str | None = typer.Option(None, "--to", metavar="ÅÅÅÅ-MM-DD",
                                       help="Visa aktiviteter till och med denna dag."),
    tag: str | None = typer.Option(None, "--tag", metavar="TAGG",
                                   help="Visa bara aktiviteter med denna tagg (id eller "
                                   "titel, t.ex. flerbostadsområde)."),
    fmt: ActivityFormat = typer.Option(ActivityFormat.table, "--format",
                                       help="Utskriftsformat: table, csv, json, markdown eller "
                                       "xlsx (Excel, kräver --output)."),
    delimiter: str = DelimiterOption,
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv till FIL i stället för till skärmen."),
    wide: bool = WideOption,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Lista de registrerade aktiviteterna med sina id."""
    from samverkan.core.inputs import parse_date, parse_year
    from samverkan.core.output import check_output
    from samverkan.followup import activities as record
    from samverkan.followup.render import render_activities
    from samverkan.plan.folder import plans_dir as find_dir

    language = ui_lang(lang)
    chosen_year = parse_year(year, language)
    check_delimiter(delimiter, language)
    output = check_output(output, fmt.value, language, stem="aktiviteter")
    width = output_width(wide, to_file=output is not None)
    start = parse_date(date_from, language) if date_from is not None else None
    end = parse_date(date_to, language) if date_to is not None else None
    paths = record.plan_files(find_dir(plans_dir), plan, chosen_year, today(), language)
    loaded = record.load_record(paths, language)
    titles, tag_titles = loaded.titles, loaded.tag_titles
    record.check_filters(pledge, start, end, set(titles), language)
    chosen = record.select(loaded.entries, pledge, start, end,
                           record.tag_filter(tag, tag_titles))
    if output is None:
        out(render_activities(chosen, fmt.value, language, delimiter, width, tag_titles))
        return
    if fmt.value == "xlsx":
        from samverkan.followup.excel import activities_xlsx

        written(output, activities_xlsx([e.activity for e in chosen], language, titles,
                                        tag_titles), language)
    else:
        written(output, render_activities(chosen, fmt.value, language, delimiter, width,
                                          tag_titles), language)


@handle_errors
def remove(
    activity_id: str = typer.Argument(..., metavar="ID",
                                      help="Aktivitetens id (visas av log och activities)."),
    plan: Path | None = typer.Option(None, "--plan", metavar="FIL", help="Planfilen."),
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Planåret (standard: leta i alla planår)."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Ta bort en felaktigt registrerad aktivitet; resten av filen lämnas orörd."""
    from samverkan.core.inputs import parse_year
    from samverkan.followup.activities import (
        find_activity,
        plan_files,
        remove_activity,
        skipped_message,
    )
    from samverkan.plan.folder import plans_dir as find_dir

    language = ui_lang(lang)
    chosen_year = parse_year(year, language)
    path, skipped = find_activity(plan_files(find_dir(plans_dir), plan, chosen_year, today(),
                                             language), activity_id, language)
    removed = remove_activity(path, activity_id, language)
    if skipped:
        err(skipped_message(skipped, language))
    echo(tr(language, "removed", id=activity_id, pledge=removed.pledge,
                  date=removed.date.isoformat(), path=path))
