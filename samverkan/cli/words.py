"""click's own words in Swedish: help pages and usage errors.

typer builds the command line on click, which frames every help page and usage error in
English ("Usage:", "Options", "Show this message and exit.", "[required]", "Error: No such
option", "Try '… -h' for help."). This module is the one place that puts that framing in
the user's language: Swedish, unless `--lang en` is on the command line.

- `App` is a `typer.Typer` whose groups and commands are the classes below.
- `Formatter` writes help pages (usage line, section headings, the brackets after an
  option's help) in the language; `Context` hands it to click.
- `Group.main` catches click's usage errors and prints them the way samverkan prints its
  own: the usage line, where to find help, and `fel: …` in one line, exit code 2.

The texts are in `samverkan.core.i18n` (keys `cli_*`).
"""

from __future__ import annotations

import contextvars
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from samverkan.core.i18n import tr

LANG: contextvars.ContextVar[str] = contextvars.ContextVar("samverkan_cli_lang", default="sv")


def lang_of(args: Sequence[str]) -> str:
    """`en` when `--lang en` (or `--lang=en`) is among the arguments, else `sv`."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "sv"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "sv"
    return "sv"


def t(key: str, **values: object) -> str:
    return tr(LANG.get(), key, **values)


# --- help pages --------------------------------------------------------------------------

HEADINGS = {"Options": "cli_options", "Arguments": "cli_arguments", "Commands": "cli_commands"}
EXTRAS = {"required": "cli_required", "default": "cli_default", "env var": "cli_env_var"}
# the help texts of the options typer and click add themselves
OWN_HELP = {"help": "cli_help_option", "install_completion": "cli_install_completion",
            "show_completion": "cli_show_completion"}


def usage_args(args: str) -> str:
    return (args.replace("[OPTIONS]", t("cli_options_metavar"))
            .replace("COMMAND [ARGS]...", t("cli_command_metavar")))


def extras(text: str) -> str:
    """The brackets click puts after an option's help (`[env var: X; default: 1;
    required]`) in the language."""

    def one(part: str) -> str:
        name, sep, rest = part.partition(": ")
        key = EXTRAS.get(name.strip())
        if key is None:
            return part
        return f"{t(key)}{sep}{rest}" if sep else t(key)

    def bracket(match: re.Match[str]) -> str:
        return "[" + "; ".join(one(p) for p in match.group(1).split("; ")) + "]"

    return re.sub(r"\[([^\[\]]*)\]\s*$", bracket, text)


class Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, usage_args(args), prefix or t("cli_usage") + " ")

    def write_heading(self, heading: str) -> None:
        key = HEADINGS.get(heading)
        super().write_heading(t(key) if key else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        super().write_dl([(term, extras(text)) for term, text in rows], col_max, col_spacing)


class Context(typer.Context):
    formatter_class = Formatter


def _own_help(params: list[Any]) -> list[Any]:
    for param in params:
        key = OWN_HELP.get(param.name or "")
        if key is not None:
            param.help = t(key)
    return params


class Command(TyperCommand):
    context_class = Context

    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _own_help(super().get_params(ctx))


class Group(TyperGroup):
    context_class = Context

    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _own_help(super().get_params(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        token = LANG.set(lang_of(arguments))
        try:
            if not standalone_mode:
                return super().main(arguments, prog_name, complete_var, False,
                                    windows_expand_args=windows_expand_args, **extra)
            try:
                code = super().main(arguments, prog_name, complete_var, False,
                                    windows_expand_args=windows_expand_args, **extra)
            except _click.exceptions.ClickException as exc:
                show(exc)
                sys.exit(exc.exit_code)
            except typer.Abort:
                sys.stderr.write(t("cli_aborted") + "\n")
                sys.exit(1)
            sys.exit(code if isinstance(code, int) else 0)
        finally:
            LANG.reset(token)


class App(typer.Typer):
    """A typer app whose help and usage errors speak the user's language."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


# --- usage errors ----------------------------------------------------------------------------

# click's and typer's complaints about a value, and their words in the language (the
# patterns are compiled on the first usage error: ~3M instructions every command would pay)
VALUE_PROBLEMS = [
    (r"(?s)^(?P<value>.*) is not one of (?P<choices>.*)\.$", "cli_not_one_of"),
    (r"(?s)^(?P<value>.*) is not a valid int(?:eger)?\.?$", "cli_not_integer"),
    (r"(?s)^(?P<value>.*) is not a valid float\.?$", "cli_not_number"),
    (r"(?s)^(?P<value>.*) is not a valid boolean\b.*$", "cli_not_boolean"),
    (r"(?s)^(?P<value>.*) is not in the range (?P<range>.*)\.$", "cli_not_in_range"),
]
OPTION_PROBLEMS = [
    (r"^Option '(?P<option>.*)' requires an argument\.$", "cli_needs_value"),
    (r"^Option '(?P<option>.*)' requires (?P<n>\d+) arguments\.$", "cli_needs_values"),
    (r"^Option '(?P<option>.*)' does not take a value\.$", "cli_no_value"),
    (r"^Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$", "cli_extra_args"),
    (r"^No such command (?P<name>'.*')\.(?: Did you mean (?P<guess>.*)\?)?$",
     "cli_no_command"),
    (r"^Missing command\.$", "cli_missing_command"),
]


def _matched(message: str, table: list[tuple[str, str]]) -> str | None:
    for pattern, key in table:
        match = re.match(pattern, message)
        if match:
            values = {k: v for k, v in match.groupdict().items() if v is not None}
            if key == "cli_no_command" and "guess" in values:
                return t("cli_no_command_guess", **values)
            return t(key, **values)
    return None


def message(exc: _click.exceptions.ClickException) -> str:
    """What went wrong, in one line in the language (click's own text in English)."""
    if LANG.get() == "en" or isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        return exc.format_message()
    if isinstance(exc, _click.exceptions.NoSuchOption):
        text = t("cli_no_such_option", name=exc.option_name)
        if exc.possibilities:
            text += "; " + t("did_you_mean", guess=", ".join(sorted(exc.possibilities)))
        return text
    hint = None
    if isinstance(exc, _click.exceptions.BadParameter):
        hint = exc.param_hint
        if hint is None and exc.param is not None:
            hint = exc.param.get_error_hint(exc.ctx)  # type: ignore[arg-type]
        if hint is not None and not isinstance(hint, str):
            hint = " / ".join(repr(h) for h in hint)
    if isinstance(exc, _click.exceptions.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        key = {"argument": "cli_missing_argument", "option": "cli_missing_option"}.get(
            kind, "cli_missing_parameter")
        return t(key, name=hint or "")
    if isinstance(exc, _click.exceptions.BadParameter):
        problem = _matched(exc.message, VALUE_PROBLEMS) or exc.message
        return t("cli_bad_value", name=hint, problem=problem) if hint else problem
    return _matched(exc.message, OPTION_PROBLEMS) or exc.message


def show(exc: _click.exceptions.ClickException) -> None:
    """Print a usage error: usage line and where to find help, then `fel: …`."""
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        sys.stderr.write(exc.format_message().rstrip("\n") + "\n")
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        sys.stderr.write(ctx.get_usage().rstrip("\n") + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            sys.stderr.write(t("cli_try_help", command=f"{ctx.command_path} "
                                                       f"{ctx.help_option_names[0]}") + "\n")
        sys.stderr.write("\n")
    prefix = "error" if LANG.get() == "en" else "fel"
    sys.stderr.write(f"{prefix}: {message(exc)}\n")
