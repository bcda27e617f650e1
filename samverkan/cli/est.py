"""`samverkan est …`: the EST commands, a typer sub-app registered in `samverkan.cli`.

Thin like the main CLI: each command checks its options, calls one or two functions of
`samverkan.est` and prints. Import `samverkan.cli` (which registers this app) rather than
this module directly.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from samverkan.cli.common import (
    Lang,
    LangOption,
    PlansDir,
    WideOption,
    echo,
    err,
    handle_errors,
    html_file,
    out,
    output_width,
    today,
    told_html_file,
    ui_lang,
    written,
)
from samverkan.cli.words import App
from samverkan.core.i18n import tr

est_app = App(
    name="est",
    help="EST – Effektiv samordning för trygghet: rapportörernas veckoobservationer per "
    "område, lägesbild, analys, insatser och uppföljning.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

EstDir = typer.Option(None, "--est-dir", envvar="SAMVERKAN_EST_DIR", metavar="MAPP",
                      help="Mappen med EST-filerna (standard: est/ bredvid plans/).")


class PictureFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    html = "html"


class StatusFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


def _folder(est_dir: Path | None, plans_dir: Path | None) -> Path:
    from samverkan.est.files import est_dir as find

    return find(est_dir, plans_dir)


@est_app.command()
@handle_errors
def rapport(
    area: str = typer.Argument(..., metavar="OMRÅDE",
                               help="Områdets id eller namn, t.ex. centrum."),
    category: str = typer.Argument(..., metavar="KATEGORI",
                                   help="Kategorin i checklistan, med id eller titel, t.ex. "
                                   "klotter eller skadegörelse."),
    week: str | None = typer.Option(None, "--week", metavar="ÅÅÅÅ-Wvv",
                                    help="Veckan observationen gäller, t.ex. 2021-W10 "
                                    "(standard: innevarande vecka)."),
    date: str | None = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                    help="Dagen, i stället för --week."),
    count: str | None = typer.Option(None, "--count", metavar="N",
                                     help="Hur många (standard 1; 0 = kontrollerat, "
                                     "inget sett)."),
    reporter: str | None = typer.Option(None, "--reporter", metavar="ORG",
                                        help="Rapporterande organisation (id i "
                                        "est/omraden.yaml), aldrig en person."),
    place: str | None = typer.Option(None, "--place", metavar="PLATS",
                                     help="Platsen, t.ex. Stadsparken."),
    note: str | None = typer.Option(None, "--note", metavar="TEXT",
                                    help="Kort anteckning (inga namn)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Kartläggning: registrera en observation från en rapportör."""
    from samverkan.est.record import build_report, record_observation

    ui = ui_lang(lang)
    request = build_report(area, category, week, date, count, reporter, place, note, today(), ui)
    recorded = record_observation(_folder(est_dir, plans_dir), request, ui)
    echo(tr(ui, "est_recorded", id=recorded.item.id, path=recorded.path))
    echo(tr(ui, "est_week_tally", area=recorded.area_name, week=request.week,
                  reports=recorded.week_reports, total=recorded.week_total))
    if recorded.note:
        err(tr(ui, "note_prefix", note=recorded.note))


@est_app.command()
@handle_errors
def lagesbild(
    period: str | None = typer.Option(None, "--period", metavar="PERIOD",
                                      help="2021-W10, 2021-03, 2021Q1 eller 2021 (standard: "
                                      "senaste hela veckan)."),
    area: str | None = typer.Option(None, "--area", metavar="OMRÅDE",
                                    help="Visa bara detta område."),
    fmt: PictureFormat = typer.Option(PictureFormat.table, "--format",
                                      help="table, markdown, json eller html (värmetabell att "
                                      "skicka till rapportörerna)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv till filen i stället för till skärmen."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Visa läget som det var denna dag (standard: i dag)."),
    wide: bool = WideOption,
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Lägesbild: per område och kategori antalet mot förra perioden, rangordnat."""
    from samverkan.core.output import check_output
    from samverkan.est.render import render_picture
    from samverkan.est.service import load_picture

    check_output(output, fmt.value, ui_lang(lang))  # never over a plan, before any work
    picture, language = load_picture(_folder(est_dir, plans_dir), period, area, as_of, today(),
                                     lang.value if lang else None)
    given, output = output, html_file(output, fmt.value, f"est-lagesbild-{picture.period}.html",
                                      language)
    width = output_width(wide, to_file=output is not None)
    _emit(render_picture(picture, fmt.value, language, today(), width), output, language)
    told_html_file(given, output, language)


@est_app.command()
@handle_errors
def analys(
    area: str = typer.Argument(..., metavar="OMRÅDE", help="Områdets id."),
    period: str = typer.Option(..., "--period", metavar="PERIOD",
                               help="Perioden analysen gäller: 2021-W10, 2021-03, 2021Q1 "
                               "eller 2021."),
    text: str = typer.Option(..., "--text", metavar="TEXT",
                             help="Orsaker som analysen hittat (inga namn)."),
    category: list[str] = typer.Option([], "--category", metavar="KATEGORI",
                                       help="Kategori analysen gäller; kan anges flera gånger."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Analys: registrera orsaker till lägesbilden i ett område under en period."""
    from samverkan.est.record import record_analysis

    ui = ui_lang(lang)
    recorded = record_analysis(_folder(est_dir, plans_dir), area, period, text, category,
                               today(), ui)
    echo(tr(ui, "est_recorded", id=recorded.item.id, path=recorded.path))


@est_app.command()
@handle_errors
def insats(
    area: str = typer.Argument(..., metavar="OMRÅDE", help="Områdets id."),
    title: str = typer.Option(..., "--title", metavar="TEXT", help="Vad insatsen är."),
    partner: list[str] = typer.Option([], "--partner", metavar="ORG",
                                      help="Samverkanspart (organisation); kan anges flera "
                                      "gånger."),
    start: str | None = typer.Option(None, "--start", metavar="ÅÅÅÅ-MM-DD",
                                     help="Startdag (standard: i dag; får ligga framåt)."),
    end: str | None = typer.Option(None, "--end", metavar="ÅÅÅÅ-MM-DD",
                                   help="Slutdag (utelämna för en insats som pågår "
                                   "tills vidare)."),
    category: list[str] = typer.Option([], "--category", metavar="KATEGORI",
                                       help="Kategori insatsen riktar sig mot; minst en, kan "
                                       "anges flera gånger."),
    note: str | None = typer.Option(None, "--note", metavar="TEXT",
                                    help="Kort anteckning (inga namn)."),
    measure_id: str | None = typer.Option(None, "--id", metavar="ID",
                                          help="Insatsens id (standard: av titeln)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Insats: registrera en insats med samverkansparter, datum och kategorier."""
    from samverkan.est.record import record_measure

    ui = ui_lang(lang)
    recorded = record_measure(_folder(est_dir, plans_dir), area, title, partner, start, end,
                              category, note, measure_id, today(), ui)
    echo(tr(ui, "est_recorded", id=recorded.item.id, path=recorded.path))
    if recorded.note:
        err(tr(ui, "note_prefix", note=recorded.note))


@est_app.command()
@handle_errors
def uppfoljning(
    measure: str = typer.Argument(..., metavar="INSATS", help="Insatsens id."),
    assessment: str = typer.Option(..., "--assessment", metavar="god|delvis|ingen|oklar",
                                   help="Bedömd effekt: god, delvis, ingen eller oklar."),
    text: str | None = typer.Option(None, "--text", metavar="TEXT",
                                    help="Bedömningen i ord (inga namn)."),
    date: str | None = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                    help="Dagen för uppföljningen (standard: i dag)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Uppföljning: registrera en bedömning av en insats."""
    from samverkan.est.record import record_follow_up

    ui = ui_lang(lang)
    recorded = record_follow_up(_folder(est_dir, plans_dir), measure, assessment, text, date,
                                today(), ui)
    echo(tr(ui, "est_recorded", id=recorded.item.id, path=recorded.path))


@est_app.command()
@handle_errors
def status(
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Visa läget som det var denna dag (standard: i dag)."),
    fmt: StatusFormat = typer.Option(StatusFormat.table, "--format",
                                     help="table, markdown eller json."),
    wide: bool = WideOption,
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Insatser och uppföljning: öppna insatser, insatser utan uppföljning, före och efter."""
    from samverkan.est.render import render_status
    from samverkan.est.service import load_status

    status_, areas, language = load_status(_folder(est_dir, plans_dir), as_of, today(),
                                           lang.value if lang else None)
    out(render_status(status_, areas, fmt.value, language, output_width(wide)))


# --- förebyggargrupper: samverkan est grupp … -------------------------------------------

grupp_app = App(
    name="grupp",
    help="Förebyggargrupperna: varje grupps regelbundna lägesbild för sitt område, och "
    "översikten till Fris (förebygganderådet i Skellefteå).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
est_app.add_typer(grupp_app, name="grupp")


@grupp_app.command("rapport")
@handle_errors
def grupp_rapport(
    group: str = typer.Argument(..., metavar="GRUPP",
                                help="Gruppens id i est/forebyggargrupper.yaml."),
    period: str | None = typer.Option(None, "--period", metavar="PERIOD",
                                      help="En månad (2021-03) eller en vecka (2021-W10); "
                                      "standard: veckan för --date (en träff)."),
    date: str | None = typer.Option(None, "--date", metavar="ÅÅÅÅ-MM-DD",
                                    help="Dagen för träffen (standard: i dag)."),
    count: list[str] = typer.Option([], "--count", metavar="KATEGORI=ANTAL",
                                    help="Antal i en kategori, t.ex. mobbning=2; kan anges "
                                    "flera gånger."),
    text: str | None = typer.Option(None, "--text", metavar="TEXT",
                                    help="Gruppens lägesbild i ord (inga namn)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Registrera en grupps lägesbild för en träff eller en månad."""
    from samverkan.est.record import record_group_picture

    ui = ui_lang(lang)
    recorded = record_group_picture(_folder(est_dir, plans_dir), group, period, date, count,
                                    text, today(), ui)
    echo(tr(ui, "est_recorded", id=recorded.item.id, path=recorded.path))
    echo(tr(ui, "est_group_recorded_tally", group=recorded.area_name,
                  period=recorded.item.period, total=recorded.week_total))


@grupp_app.command("lagesbild")
@handle_errors
def grupp_lagesbild(
    group: str | None = typer.Argument(None, metavar="[GRUPP]",
                                       help="Gruppens id (standard: alla grupper)."),
    period: str = typer.Option(..., "--period", metavar="PERIOD",
                               help="2021-03, 2021Q1, 2021 eller en vecka 2021-W10."),
    fmt: PictureFormat = typer.Option(PictureFormat.table, "--format",
                                      help="table, markdown, json eller html."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv till filen i stället för till skärmen."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Visa läget som det var denna dag (standard: i dag)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """En grupps lägesbild: per kategori mot förra perioden och samma period i fjol."""
    from samverkan.core.output import check_output
    from samverkan.est.grouprender import render_group_pictures
    from samverkan.est.service import load_groups_picture

    check_output(output, fmt.value, ui_lang(lang))
    groups, language = load_groups_picture(_folder(est_dir, plans_dir), period, group, as_of,
                                           today(), lang.value if lang else None)
    _emit(render_group_pictures(groups, fmt.value, language, today()), output, language)


@grupp_app.command("oversikt")
@handle_errors
def grupp_oversikt(
    period: str = typer.Option(..., "--period", metavar="PERIOD",
                               help="Perioden Fris ska se, t.ex. 2021Q1 eller 2021-03."),
    fmt: PictureFormat = typer.Option(PictureFormat.table, "--format",
                                      help="table, markdown, json eller html (en sida att "
                                      "skriva ut eller skicka)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv till filen i stället för till skärmen."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Visa läget som det var denna dag (standard: i dag)."),
    est_dir: Path | None = EstDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Översikten till Fris: alla gruppers lägesbilder sida vid sida för en period."""
    from samverkan.core.output import check_output
    from samverkan.est.grouprender import render_overview
    from samverkan.est.service import load_groups_picture

    check_output(output, fmt.value, ui_lang(lang))
    groups, language = load_groups_picture(_folder(est_dir, plans_dir), period, None, as_of,
                                           today(), lang.value if lang else None)
    _emit(render_overview(groups, fmt.value, language, today()), output, language)


def _emit(text: str, output: Path | None, lang: str) -> None:
    if output is None:
        out(text)
        return
    written(output, text, lang)
