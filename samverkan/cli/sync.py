"""The commands for working together through git: merge (the merge driver) and git-setup."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from samverkan.cli.common import Lang, LangOption, echo, err, handle_errors, ui_lang
from samverkan.core.i18n import tr


@handle_errors
def merge(
    base: Path = typer.Argument(..., metavar="BAS", help="Den gemensamma förfadern (git: %O)."),
    ours: Path = typer.Argument(..., metavar="VÅR", help="Vår version; resultatet skrivs hit "
                                "(git: %A)."),
    theirs: Path = typer.Argument(..., metavar="DERAS", help="Deras version (git: %B)."),
    path: str | None = typer.Argument(None, metavar="SÖKVÄG", help="Filens sökväg i "
                                      "förrådet, t.ex. plans/2021.yaml (git: %P)."),
    marker_size: int = typer.Option(7, "--marker-size", min=1, max=100, metavar="N",
                                    help="Konfliktmarkeringarnas längd (git: %L)."),
    lang: Lang | None = LangOption,
) -> None:
    """Slå ihop två versioner av en fil post för post: git:s merge-drivrutin (se samverkan git-setup)."""
    from samverkan.sync.driver import run_driver

    language = ui_lang(lang)
    outcome = run_driver(base, ours, theirs, path, marker_size, language)
    for problem in outcome.problems:
        err(problem.format())
    for note in outcome.notes:
        err(note)
    raise typer.Exit(outcome.exit_code)


@handle_errors
def git_setup(lang: Lang | None = LangOption) -> None:
    """Ställ in git i den här klonen så att planer, EST-filer och grunddata slås ihop post för post (en gång per klon)."""
    from samverkan.sync.gitsetup import setup

    language = ui_lang(lang)
    done = setup(Path.cwd(), sys.executable, language)
    key = "git_setup_done" if done.changed else "git_setup_already"
    echo(tr(language, key, top=done.top, driver=done.driver))
    if done.unattributed:
        err(tr(language, "git_setup_attributes", top=done.top,
               patterns=", ".join(done.unattributed)))
