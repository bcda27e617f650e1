"""Item 7 of issue 16: help and usage errors in Swedish throughout.

click frames every help page and usage error in English; samverkan's words (cli/words.py)
put that framing in Swedish, unless `--lang en` is on the command line.
"""

from __future__ import annotations

import re

import pytest
from typer.main import get_command

from samverkan.cli import app

ENGLISH = ["Usage:", "Options:", "Arguments:", "Commands:", "Show this message",
           "[required]", "default:", "env var", "Install completion", "Show completion",
           "[OPTIONS]", "COMMAND [ARGS]", "Error", "Try '", "No such", "Missing",
           "Invalid value", "is not", "Got unexpected", "Aborted", "requires an argument"]


def command_paths() -> list[list[str]]:
    def walk(command, path):
        yield path
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(get_command(app), []))


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def test_every_command_is_walked():
    paths = [" ".join(p) for p in command_paths()]
    assert {"", "log", "pledges", "status", "est", "est rapport", "data", "data import",
            "lagesbild"} <= set(paths)


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "samverkan")
def test_help_of_every_command_is_swedish(cli, path):
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.output
    assert not english_in(result.stdout), (english_in(result.stdout), result.stdout)
    assert result.stdout.startswith(f"Användning: samverkan {' '.join(path)}".rstrip() + " ")
    assert "Visa den här hjälpen och avsluta." in result.stdout
    assert re.search(r"^(Alternativ|Argument):$", result.stdout, re.MULTILINE)


def test_the_framing_is_translated_in_detail(cli):
    top = cli("--help").stdout
    assert "Användning: samverkan [ALTERNATIV] KOMMANDO [ARGUMENT]..." in top
    assert "Kommandon:" in top and "--install-completion" in top
    assert "Installera komplettering" in top and "Visa kompletteringen" in top
    imported = cli("data", "import", "--help").stdout
    assert "[krävs]" in imported and "[miljövariabel: SAMVERKAN_DATA_DIR]" in imported


@pytest.mark.parametrize("args, said", [
    (["log", "--bogus"], "fel: okänt alternativ --bogus"),
    (["measure"], "fel: argumentet 'MÅL' saknas"),
    (["measure", "alkohol-ak9", "--value", "3"], "fel: alternativet '--year' saknas"),
    (["status", "--format", "xx"],
     "fel: ogiltigt värde för '--format': 'xx' är inte ett av 'table', 'markdown'"),
    (["status", "--year", "abc"], "fel: --year ska vara ett år mellan 2000 och 2100 (fick 'abc')"),
    (["log", "--date"], "fel: --date behöver ett värde"),
    (["status", "--agreement=ja"], "fel: --agreement tar inget värde"),
    (["status", "extra"], "fel: för många argument: extra"),
    (["stat"], "fel: okänt kommando 'stat'; menade du 'status'?"),
    (["est", "rapport"], "fel: argumentet 'OMRÅDE' saknas"),
    (["est", "lagesbild", "--format", "pdf"], "fel: ogiltigt värde för '--format'"),
    (["data", "import"], "fel: argumentet 'FIL' saknas"),
])
def test_usage_errors_are_swedish(cli, args, said):
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr
    assert not english_in(result.stderr), (english_in(result.stderr), result.stderr)
    if args not in (["log", "--date"], ["status", "--agreement=ja"],  # (the parser's own)
                    ["status", "--year", "abc"]):  # (samverkan's own: a year is read by it)
        assert "Användning: samverkan" in result.stderr and "Hjälp: samverkan" in result.stderr


def test_without_a_command_the_help_is_swedish(cli):
    result = cli()
    assert "Användning: samverkan" in result.output and not english_in(result.output)


def test_with_lang_en_click_speaks_english(cli):
    help_text = cli("log", "--lang", "en", "--help").stdout
    assert help_text.startswith("Usage: samverkan log [OPTIONS]")
    assert "Show this message and exit." in help_text
    error = cli("log", "--lang", "en", "--bogus")
    assert error.exit_code == 2 and "error: No such option: --bogus" in error.stderr
