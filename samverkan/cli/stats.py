"""The commands of the joint situation picture: data import, lagesbild."""

from __future__ import annotations

from pathlib import Path

import typer

from samverkan.cli.common import (
    DataDir,
    Lang,
    LangOption,
    PlansDir,
    ReportFormat,
    echo,
    err,
    handle_errors,
    html_file,
    out,
    today,
    told_html_file,
    ui_lang,
    written,
)
from samverkan.cli.words import App
from samverkan.core.i18n import counted, tr

data_app = App(
    help="Grunddata för den samlade lägesbilden: serierna i data/.",
    no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@handle_errors
def data_import(
    file: Path = typer.Argument(..., metavar="FIL", help="CSV-export från SCB, Brå m.fl. "
                                "(semikolon, decimalkomma, perioder 2021, 2021M03 eller 2021-03)."),
    series: str = typer.Option(..., "--series", metavar="ID",
                               help="Serien som ska fyllas i, t.ex. brott-totalt (data/ID.yaml)."),
    column: str | None = typer.Option(None, "--column", metavar="NAMN",
                                      help="Kolumnen med värdena, när filen har flera."),
    row: list[str] | None = typer.Option(
        None, "--row", metavar="TEXT",
        help="Välj raden som innehåller TEXT, t.ex. Skellefteå, när filen har flera serier. "
        "Kan anges flera gånger (alla ska passa): --row Skellefteå --row totalt. En rad som "
        "är exakt TEXT går före."),
    data_dir: Path | None = DataDir,
    lang: Lang | None = LangOption,
) -> None:
    """Läs in en CSV-export i en serie; inget skrivs om någon rad inte kan läsas."""
    from samverkan.stats.importer import import_values, read_export_file
    from samverkan.stats.series import data_dir as find_data

    language = ui_lang(lang)
    table = read_export_file(file, column, row, language)
    for problem in table.problems:
        err(problem.format())
    result = import_values(table, find_data(data_dir), series, today(), language)
    echo(tr(language, "import_done", added=counted(language, "n_new", result.added),
            changed=counted(language, "n_changed", result.changed),
            unchanged=counted(language, "n_unchanged", result.unchanged),
            first=result.first, last=result.last, path=result.path))


@handle_errors
def lagesbild(
    year: str | None = typer.Option(None, "--year", metavar="ÅÅÅÅ",
                                    help="Året lägesbilden gäller (standard: i år)."),
    fmt: ReportFormat | None = typer.Option(
        None, "--format", help="html (standard) eller markdown; .md i --output ger markdown."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv dokumentet till FIL (standard: skärmen)."),
    data_dir: Path | None = DataDir,
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Den samlade lägesbilden för ett år, ur grunddata i data/ och årets plan."""
    from samverkan.core.inputs import parse_year
    from samverkan.report.service import check_output, format_for
    from samverkan.stats.lagesbild import make_lagesbild
    from samverkan.stats.render import render

    language = ui_lang(lang)
    chosen_year = parse_year(year, language)
    if output is not None:
        check_output(output, language, data_dir)
    chosen = format_for(fmt.value if fmt else None, output)
    now = today()
    given, output = output, html_file(output, chosen, f"lagesbild-{chosen_year or now.year}.html",
                                      language)
    document = make_lagesbild(chosen_year or now.year, data_dir, plans_dir, now, language)
    text = render(document, chosen, now)
    if output is None:
        out(text)
        return
    written(output, text, language)
    told_html_file(given, output, language)
    if document.notices:
        err(counted(language, "lb_notices", len(document.notices)))


