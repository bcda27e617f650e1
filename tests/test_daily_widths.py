"""Item 1 of issue 16: every table fits an 80-column terminal, and piped output 100 columns.

Titles are wrapped at spaces, never inside a word; dates, weeks and ids stay whole;
nothing is cut short with "…". `--wide` gives the long lines back.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from daily import log_year, repo, terminal, widest, words_whole  # noqa: F401 (fixtures)
from hypothesis import given, settings
from hypothesis import strategies as st
from test_terminal import on_a_terminal

from samverkan.core.tables import plain_table, wrap_lines

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

COMMANDS = [
    ["status", "--as-of", "2021-06-30"],
    ["status", "--agreement"],
    ["pledges"],
    ["activities"],
    ["est", "lagesbild", "--period", "2021Q1"],
    ["est", "lagesbild", "--period", "2021"],
    ["est", "status"],
]


def est_year(cli) -> None:
    for args in (["centrum", "klotter", "--week", "2021-W02"],
                 ["centrum", "narkotikaindikationer", "--week", "2021-W03", "--count", "2"],
                 ["norrbole", "otrygg-plats", "--week", "2021-W09", "--place", "Gångtunneln"],
                 ["centrum", "ordningsstorning", "--week", "2021-W11", "--count", "4"]):
        assert cli("est", "rapport", *args, today="2021-06-30").exit_code == 0
    assert cli("est", "insats", "centrum", "--title", "Ny belysning vid busskuren på torget",
               "--partner", "Skellefteå kommun", "--start", "2021-04-06", "--id", "belysning",
               "--category", "klotter", "--category", "otrygg-plats",
               today="2021-06-30").exit_code == 0
    assert cli("est", "uppfoljning", "belysning", "--assessment", "delvis",
               today="2021-06-30").exit_code == 0


@pytest.fixture
def year(repo, cli, made_once):  # noqa: F811
    made_once("daily-year", repo, lambda: (log_year(cli), est_year(cli)))
    return repo


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_piped_output_fits_100_columns_and_wide_does_not_wrap(year, cli, args):
    piped = cli(*args, today="2021-06-30")
    assert piped.exit_code == 0, piped.output
    assert widest(piped.stdout) <= 100, piped.stdout
    wide = cli(*args, "--wide", today="2021-06-30")
    assert wide.exit_code == 0, wide.output
    assert len(wide.stdout.splitlines()) <= len(piped.stdout.splitlines())
    assert "…" not in piped.stdout


def test_status_piped_is_under_100_where_it_was_143(year, cli):
    wide = cli("status", "--as-of", "2021-06-30", "--wide").stdout
    assert widest(wide) > 100  # the long titles and pace lines are there to wrap
    assert widest(cli("status", "--as-of", "2021-06-30").stdout) <= 100


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_80_columns_every_line_fits_and_reads_whole(year, cli, terminal, args):  # noqa: F811
    terminal(80)
    result = cli(*args, today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert widest(result.stdout) <= 80, result.stdout
    assert "…" not in result.stdout
    wide = cli(*args, "--wide", today="2021-06-30").stdout if args[0] != "status" else ""
    for date in set(DATE.findall(wide)):
        assert date in result.stdout  # never 2021-12-…


def test_status_on_an_80_column_terminal(year, cli, terminal):  # noqa: F811
    data = json.loads(cli("status", "--as-of", "2021-06-30", "--format", "json").stdout)
    terminal(80)
    out = cli("status", "--as-of", "2021-06-30", today="2021-06-30").stdout
    assert widest(out) <= 80
    for pledge in data["pledges"]:
        assert words_whole(out, pledge["title"]), pledge["title"]  # wrapped at spaces only
        assert pledge["due"] in out
    for goal in data["goals"]:
        assert words_whole(out, goal["title"]), goal["title"]
    # the requirements under the pledge, the pace lines wrapped under their bullet
    assert re.search(r"^Trygghetsvandringar .*\n  varav centrum 2\b", out, re.MULTILINE)
    bullets = [line for line in out.splitlines() if line.startswith("• ")]
    assert bullets and all(len(line) <= 80 for line in bullets)
    # 8 pledges and 3 goals in well under the 40 lines the first try took for 13
    assert len(out.splitlines()) < 75


def test_no_color_on_a_terminal_is_plain_and_fits(year, cli, terminal, monkeypatch):  # noqa: F811
    terminal(80)
    monkeypatch.setenv("NO_COLOR", "1")
    out = cli("status", "--as-of", "2021-06-30", today="2021-06-30").stdout
    assert "\x1b[" not in out and "─" not in out and "-----" in out
    assert widest(out) <= 80


def test_a_narrow_terminal_splits_a_wide_table(year, cli, terminal):  # noqa: F811
    """…into parts that repeat its first column."""
    terminal(60)
    out = cli("est", "lagesbild", "--period", "2021Q1", today="2021-06-30").stdout
    assert widest(out) <= 60
    assert out.count("Kategori") >= 2  # the category table in parts, each with its names
    assert "v01" in out and "v12" in out and "Förändring" in out  # 2021Q1 is W01–W12


# --- the table helper itself ------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö-0123456789", min_size=1, max_size=12)
CELL = st.lists(WORD, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 7).flatmap(lambda n: st.tuples(
    st.lists(WORD, min_size=n, max_size=n),
    st.lists(st.lists(CELL, min_size=n, max_size=n), min_size=1, max_size=5))),
    st.integers(40, 120))
def test_plain_table_fits_and_never_breaks_a_word(table, width):
    headers, rows = table
    text = plain_table(headers, rows, width)
    assert max(len(line) for line in text.splitlines()) <= width
    words = {w for row in [headers, *rows] for cell in row for w in cell.split()}
    assert words <= set(text.split())


def test_wrapped_prose_keeps_its_bullet_and_its_words():
    line = "- Trygghetsvandringar: 4 till senast 2021-12-31 (om 184 dagar); efter takten, " \
           "nästa behövs redan nu"
    wrapped = wrap_lines([line], 40)
    assert all(len(x) <= 40 for x in wrapped)
    assert wrapped[0].startswith("- ") and all(x.startswith("  ") for x in wrapped[1:])
    assert " ".join(" ".join(wrapped).split()) == line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a Linux pty")
def test_a_real_80_column_terminal(year):
    out = on_a_terminal(["status"], year, COLUMNS="80")
    assert "Trygghetsvandringar" in out and "\x1b[" in out  # colour: rich tables
    assert widest(out) <= 80 and "…" not in out
