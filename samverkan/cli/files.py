"""The commands about the files themselves: validate, schema."""

import os
from enum import Enum
from pathlib import Path

import typer

from samverkan.cli.common import (
    DataDir,
    Lang,
    LangOption,
    PlansDir,
    echo,
    err,
    handle_errors,
    out,
    ui_lang,
    written,
)


class ProblemFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"



@handle_errors
def validate(
    paths: list[Path] | None = typer.Argument(None, metavar="FIL_ELLER_MAPP",
                                              help="Planfiler, seriefiler eller mappar "
                                              "(standard: alla plans/*.yaml och data/*)."),
    fmt: ProblemFormat | None = typer.Option(
        None, "--format", help="text (standard), github (GitHub Actions-annoteringar; "
        "standard när GITHUB_ACTIONS=true) eller json."),
    plans_dir: Path | None = PlansDir,
    data_dir: Path | None = DataDir,
    lang: Lang | None = LangOption,
) -> None:
    """Kontrollera planfiler och grunddata; varje problem skrivs som FIL:RAD:KOLUMN: fel|varning: text."""
    from samverkan.validation import validate_paths

    language = ui_lang(lang)
    chosen = fmt.value if fmt else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    report = validate_paths(paths or [], plans_dir, language, data_dir)
    if report.output(chosen):
        echo(report.output(chosen))
    for message in report.unreadable:
        err(message)
    err(report.summary())
    raise typer.Exit(report.exit_code)


@handle_errors
def schema(
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FIL",
                                       help="Skriv schemat till FIL i stället för till "
                                       "skärmen, t.ex. schema/plan.schema.json."),
    lang: Lang | None = LangOption,
) -> None:
    """Skriv ut planfilens JSON Schema, för editorer som VS Code (se docs/editor.md)."""
    from samverkan.core.output import check_output
    from samverkan.plan.schema import schema_text

    language = ui_lang(lang)
    check_output(output, "json", language, stem="plan.schema")  # never over a plan
    text = schema_text()
    if output is None:
        out(text)
        return
    written(output, text, language)



