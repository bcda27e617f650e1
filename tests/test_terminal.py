"""The terminal: --version, `log` asking questions, shell completion, colour only on a tty."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from ruamel.yaml import YAML
from snapshot import PLANS

import samverkan
from samverkan.cli import common as cli_module
from samverkan.cli.completion import (
    complete_focus_areas,
    complete_places,
    complete_pledges,
    complete_tags,
)
from samverkan.cli.prompts import fold, search_pledges
from samverkan.plan.reader import load_plan

ROOT = Path(__file__).resolve().parent.parent


def activities(path: Path) -> list[dict]:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))["activities"] or []


@pytest.fixture
def terminal(monkeypatch):
    """Pretend a person sits at a terminal (CliRunner's stdin is not one)."""
    monkeypatch.setattr(cli_module, "stdin_is_terminal", lambda: True)


def answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# --- --version -----------------------------------------------------------------------------


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"samverkan {samverkan.__version__}\n"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{samverkan.__version__}"' in pyproject


# --- log, asked on a terminal -------------------------------------------------------------


def test_log_asks_pick_by_words_then_details(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    result = cli("log", input=answers("vandr", "", "Stadsparken", "centrum", "",
                                      "Kvällsvandring med boende", ""))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert " 9. Trygghetsvandringar (trygghetsvandringar) 0/5, efter" in out
    assert "→ Trygghetsvandringar" in out
    assert "Datum (ÅÅÅÅ-MM-DD) [2021-06-30]" in out  # today is the default
    assert "t.ex. centrum" in out  # the pledge's requirement tag is suggested
    assert "Trygghetsvandringar: 1/5 vandringar, varav centrum 1/1" in out
    [saved] = activities(plans / "2021.yaml")
    assert {k: v for k, v in saved.items() if k != "id"} == {
        "pledge": "trygghetsvandringar", "date": __import__("datetime").date(2021, 6, 30),
        "place": "Stadsparken", "tags": ["centrum"], "note": "Kvällsvandring med boende"}


def test_log_pick_by_number_and_narrowing_search(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    # "alkohol" matches two titles; the list narrows and "2" picks from it.
    result = cli("log", "--date", "2021-03-01", "--note", "Krogbesök",
                 input=answers("alkohol", "2", "Nöjeskrogen Nord", "", ""))
    assert result.exit_code == 0, result.output
    assert "Flera löften passar 'alkohol':" in result.stdout
    assert "  2. Ansvarsfull alkoholservering" in result.stdout
    [saved] = activities(plans / "2021.yaml")
    assert saved["pledge"] == "ansvarsfull-alkoholservering"
    assert saved["place"] == "Nöjeskrogen Nord"
    assert "Datum" not in result.stdout and "Anteckning" not in result.stdout  # given


def test_log_asks_again_instead_of_failing(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    result = cli("log", input=answers(
        "inget sådant", "99", "12",           # no match, out of range, then Nosspanare
        "2021-02-30", "2022-01-05", "2021-02-03",  # bad date, future, then fine
        "", "Ej Slug!", "",                    # place; a bad tag, then none
        "0", "",                               # count below 1, then the default
        "Samtal med 811218-9876", "Hundägare bjöds in",  # identity number refused
        "kanske", "j"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Inget löfte passar 'inget sådant'" in out
    assert "välj ett nummer mellan 1 och 13" in out
    assert "ogiltigt datum '2021-02-30'" in out
    assert "ligger i framtiden" in out
    assert "taggen 'slug!' ska bestå av små bokstäver" in out
    assert "minst 1" in out
    assert "personnummer eller samordningsnummer" in out
    assert "svara j (ja) eller n (nej)" in out
    text = (plans / "2021.yaml").read_text(encoding="utf-8")
    assert "9876" not in text
    [saved] = activities(plans / "2021.yaml")
    assert (saved["pledge"], saved["note"]) == ("nosspanare", "Hundägare bjöds in")


def test_places_pledge_needs_a_place(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    result = cli("log", "--date", "2021-05-01",
                 input=answers("grannsamverkan", "", "Morö Backe", "flerbostadsomrade", "", ""))
    assert result.exit_code == 0, result.output
    assert "ange platsen; löftet räknas i antal olika områden" in result.stdout
    assert "Antal" not in result.stdout  # a places pledge counts places, not a count
    [saved] = activities(plans / "2021.yaml")
    assert (saved["place"], saved["tags"]) == ("Morö Backe", ["flerbostadsomrade"])


def test_log_no_saves_nothing(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    before = (plans / "2021.yaml").read_bytes()
    result = cli("log", input=answers("nosspanare", "", "", "", "", "", "n"))
    assert result.exit_code == 0
    assert "Inget sparades." in result.stdout
    assert (plans / "2021.yaml").read_bytes() == before


def test_log_end_of_input_cancels_cleanly(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    before = (plans / "2021.yaml").read_bytes()
    result = cli("log", input="nosspanare\n")  # then Ctrl-D
    assert result.exit_code == 1
    assert "Avbrutet. Inget sparades." in result.stderr
    assert "Traceback" not in result.output
    assert (plans / "2021.yaml").read_bytes() == before


def test_log_in_english(plans, cli, terminal, monkeypatch):
    monkeypatch.chdir(plans.parent)
    result = cli("log", "--lang", "en", input=answers("12", "", "", "", "", "", ""))
    assert result.exit_code == 0, result.output
    assert "Choose a pledge" in result.stdout and "Saved " in result.stdout


def test_log_without_pledge_and_without_terminal_fails_at_once(plans, cli, monkeypatch):
    """Piped or in CI: never wait for input, say what to type instead."""
    monkeypatch.chdir(plans.parent)
    before = (plans / "2021.yaml").read_bytes()
    result = cli("log", input="1\n\n\n\n\n\n\n")  # input is there, but no terminal
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: ange löftet: samverkan log LÖFTE")
    assert result.stdout == ""  # no list, no question
    assert (plans / "2021.yaml").read_bytes() == before


def test_log_without_pledge_really_piped_does_not_wait(plans):
    """The real command with stdin a pipe that stays open: it must end by itself."""
    env = {**os.environ, "SAMVERKAN_TODAY": "2021-06-30"}
    env.pop("SAMVERKAN_PLANS_DIR", None)
    proc = subprocess.Popen([sys.executable, "-m", "samverkan", "log"], cwd=plans.parent,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    try:
        code = proc.wait(timeout=60)  # stdin is still open: a prompt would block here
        out, errors = proc.stdout.read(), proc.stderr.read()
    finally:
        proc.kill()
        proc.stdin.close()
        proc.stdout.close()
        proc.stderr.close()
    assert code == 2
    assert "ange löftet" in errors.decode("utf-8")
    assert out == b""


def test_search_words_and_accents():
    plan = load_plan(PLANS / "2021.yaml").plan
    assert [p.id for p in search_pledges(plan.pledges, "trafik torget")] == ["trafik-torget"]
    assert [p.id for p in search_pledges(plan.pledges, "FORALDRAMOTEN")] == [
        "andt-foraldramoten"]
    assert [p.id for p in search_pledges(plan.pledges, "nykter-student")] == ["nykter-student"]
    assert len(search_pledges(plan.pledges, "ungdoms")) == 2
    assert fold("Övervakning") == "overvakning"


# --- shell completion -------------------------------------------------------------------


def ctx(**params) -> SimpleNamespace:
    return SimpleNamespace(params=params)


def test_completion_reads_the_plan(plans, monkeypatch):
    monkeypatch.chdir(plans.parent)
    monkeypatch.setenv("SAMVERKAN_TODAY", "2021-06-30")
    monkeypatch.delenv("SAMVERKAN_PLANS_DIR", raising=False)
    assert complete_pledges(ctx(), "tr") == [
        ("trygghetsvandringar", "Trygghetsvandringar"),
        ("trafik-torget", "Olovlig trafik på torget och gågatan")]
    assert complete_tags(ctx(), "") == ["centrum", "flerbostadsomrade"]
    assert complete_places(ctx(), "") == []
    assert [a for a, _ in complete_focus_areas(ctx(), "t")] == ["tryggare-centrum"]
    path = plans / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "activities: []", "activities:\n  - {pledge: nosspanare, date: 2021-02-01, "
        "place: Nordanå, tags: [hundar]}\n  - {pledge: grannsamverkan, date: 2021-03-01, "
        "place: Morö Backe}\n"), encoding="utf-8")
    assert complete_places(ctx(), "") == ["Morö Backe", "Nordanå"]
    assert complete_places(ctx(plan=path), "N") == ["Nordanå"]
    assert complete_tags(ctx(date="2021-04-01"), "") == ["centrum", "flerbostadsomrade",
                                                         "hundar"]


@pytest.mark.parametrize("params", [
    {"plans_dir": "/finns/inte"},
    {"plan": "/finns/inte.yaml"},
    {"date": "inte-ett-datum"},
])
def test_completion_never_raises(params, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = tmp_path / "plans" / "2021.yaml"
    broken.parent.mkdir()
    broken.write_text("year: [\n", encoding="utf-8")
    for complete in (complete_pledges, complete_tags, complete_places, complete_focus_areas):
        assert complete(ctx(**params), "") == []
        assert complete(ctx(), "") == []  # a broken plan offers nothing
        assert complete(None, "") == []


def test_completion_through_the_shell_protocol(plans):
    """What bash asks the installed command when Tab is pressed after `samverkan log tr`."""
    env = {**os.environ, "SAMVERKAN_TODAY": "2021-06-30", "_SAMVERKAN_COMPLETE": "complete_bash",
           "COMP_WORDS": "samverkan log tr", "COMP_CWORD": "2"}
    env.pop("SAMVERKAN_PLANS_DIR", None)
    program = "from samverkan.cli import app; app(prog_name='samverkan')"
    proc = subprocess.run([sys.executable, "-c", program], cwd=plans.parent, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.stdout.split() == ["trygghetsvandringar", "trafik-torget"]


# --- colour only on a terminal ---------------------------------------------------------------


BOX = re.compile("[\u2500-\u257f]")


def test_status_piped_is_plain_text(plans, cli):
    result = cli("status", "--plans-dir", plans, "--year", "2021")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert not BOX.search(result.stdout)
    assert "Trygghetsvandringar" in result.stdout and "-----" in result.stdout


def test_status_on_a_terminal_draws_boxes(plans, cli, monkeypatch):
    monkeypatch.setattr(cli_module, "use_rich", lambda: True)
    result = cli("status", "--plans-dir", plans, "--year", "2021")
    assert result.exit_code == 0
    assert BOX.search(result.stdout)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("env, rich", [
    ({}, True),
    ({"NO_COLOR": "1"}, False),
    ({"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
    ({"TERM": "dumb"}, False),
])
def test_use_rich_on_a_terminal(env, rich, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", Tty())
    assert cli_module.use_rich() is rich


def test_use_rich_never_when_piped(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert cli_module.use_rich() is False


def on_a_terminal(args: list[str], cwd: Path, **env: str) -> str:
    """Run samverkan with its output on a pseudo-terminal, as in a terminal window."""
    import pty
    import select

    environ = {**os.environ, "SAMVERKAN_TODAY": "2021-06-30", "TERM": "xterm-256color",
               "COLUMNS": "200", **env}
    for key in ("NO_COLOR", "SAMVERKAN_PLANS_DIR"):
        if key not in env:
            environ.pop(key, None)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "samverkan", *args], cwd=cwd,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=environ)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the program ended and closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        proc.wait(timeout=60)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a Linux pty")
def test_terminal_gets_colour_and_boxes_no_color_gets_plain_text(plans):
    coloured = on_a_terminal(["status", "--year", "2021"], plans.parent)
    assert "Trygghetsvandringar" in coloured
    assert BOX.search(coloured) and "\x1b[" in coloured
    plain = on_a_terminal(["status", "--year", "2021"], plans.parent, NO_COLOR="1")
    assert "Trygghetsvandringar" in plain
    assert not BOX.search(plain) and "\x1b[" not in plain
