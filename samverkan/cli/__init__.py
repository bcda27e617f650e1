"""The command line: a thin typer layer over the library.

Each command parses its options, calls one or two library functions and prints
the result; `SamverkanError`s become a one-line message on stderr and an exit
code (0 fine, 1 problems found, 2 bad usage or unreadable input). The commands live
in `followup`, `files`, `est`, `stats`, `publish` and `sync`; what they share (options,
today, the language, error handling) in `common`. This module puts them together, in the
order `--help` lists them.
"""

from __future__ import annotations

import typer

from samverkan import __version__
from samverkan.cli import files, followup, publish, stats, sync
from samverkan.cli.est import est_app
from samverkan.cli.words import App

app = App(
    name="samverkan",
    help="Följ upp samverkansavtalets medborgarlöften: logga aktiviteter, visa läget, "
    "kontrollera planfilerna.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


for command in (followup.log, followup.pledges, followup.status, files.validate,
                followup.report, files.schema,
                followup.measure, followup.init, followup.activities, followup.remove):
    app.command()(command)
app.add_typer(est_app, name="est")
stats.data_app.command("import")(stats.data_import)
app.add_typer(stats.data_app, name="data")
app.command()(stats.lagesbild)
app.command()(publish.publish)
app.command("merge")(sync.merge)
app.command("git-setup")(sync.git_setup)


def main() -> None:
    app()
