"""The command line: a thin typer layer over the library.

Each command parses its options, calls one or two library functions and prints
the result; `SamverkanError`s become a one-line message on stderr and an exit
code (0 fine, 1 problems found, 2 bad usage or unreadable input). The commands live
in `followup`, `files`, `est`, `stats`, `publish` and `sync`; what they share (options,
today, the language, error handling) in `common`. This module puts them together, in the
order `--help` lists them.
"""

from __future__ import annotations

import copy
import gc
import os
import sys
from collections.abc import Sequence

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


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app with only the command `args` name (its sub-commands too, for a group).

    typer turns every command's options into click's on every run; for a short command
    that was a quarter of its time (docs/performance.md). With no command, a global option
    before it (`--help`), an unknown name or shell completion running, the whole app."""
    name = next((a for a in args if not a.startswith("-")), None)
    if (name is None or (args and args[0] != name)
            or any(key.endswith("_COMPLETE") for key in os.environ)):
        return app
    commands = [c for c in app.registered_commands
                if (c.name or (c.callback.__name__ if c.callback else "")).replace("_", "-")
                == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = commands, groups
    return lean


def main() -> None:
    # What is imported by now (the interpreter's start, typer, the commands) lives until
    # the process ends: moved out of the cyclic garbage collector's sight, no later
    # collection (nor the one at exit) goes through it again (a cold `status` on a small
    # plan ~28M instructions less). Objects made later are collected as before.
    gc.freeze()
    app_for(sys.argv[1:])()
