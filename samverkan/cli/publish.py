"""The command of the citizens' website: publish."""

from __future__ import annotations

from pathlib import Path

import typer

from samverkan.cli.common import (
    Lang,
    LangOption,
    PlansDir,
    echo,
    handle_errors,
    today,
    ui_lang,
)
from samverkan.core.i18n import tr


@handle_errors
def publish(
    output: Path = typer.Option(..., "--output", "-o", metavar="MAPP",
                                help="Mappen som webbplatsen skrivs till, t.ex. public/; en "
                                "tidigare webbplats där ersätts helt."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="ÅÅÅÅ-MM-DD",
                                     help="Läget som det var denna dag (standard: i dag)."),
    plans_dir: Path | None = PlansDir,
    lang: Lang | None = LangOption,
) -> None:
    """Skriv webbplatsen för invånarna: löftena och hur det går, med öppna data."""
    from samverkan.core.inputs import parse_date
    from samverkan.publish.service import publish as build_site

    ui = ui_lang(lang)
    day = parse_date(as_of, ui, "bad_as_of") if as_of is not None else today()
    result = build_site(output, plans_dir=plans_dir, as_of=day, today=today(),
                        lang=lang.value if lang else None)
    echo(tr(result.language, "pub_written", path=output, pages=result.pages))
