"""Issue 15, items 4 and 7: a plan file's year is its name's, and command-line values
that are not text, not a year of the agreement's range, or an absurd date get a one-line
message and exit 2 (never exit 70, never minutes of work)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import cli_env
from snapshot import copy_snapshot

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_snapshot(tmp_path)
    return tmp_path


def run(folder: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    """A real process, with arguments as the bytes a terminal sends."""
    argv = [sys.executable.encode(), b"-m", b"samverkan",
            *(a if isinstance(a, bytes) else a.encode() for a in args)]
    return subprocess.run(argv, cwd=folder, env=cli_env("2021-06-30"), capture_output=True,
                          timeout=120, check=False)


# --- item 4: plans/YYYY.yaml holds the plan of YYYY -------------------------------------


def test_a_copy_of_a_plan_under_another_years_name_is_an_error_at_its_year(cli, folder):
    plans = folder / "plans"
    logged = cli("log", "grannsamverkan", "--date", "2021-03-01", "--place", "Morö Backe",
                 "--tag", "flerbostadsomrade", "--plans-dir", plans)
    assert logged.exit_code == 0, logged.output
    shutil.copy(plans / "2021.yaml", plans / "2022.yaml")
    line = (plans / "2022.yaml").read_text(encoding="utf-8").splitlines().index("year: 2021") + 1
    result = cli("validate", plans / "2022.yaml")
    assert result.exit_code == 1
    assert (f"{plans / '2022.yaml'}:{line}:7: error: year: 2021 stämmer inte med filnamnet "
            "2022.yaml; en plan för 2021 heter 2021.yaml (rätta year: till 2022, eller byt "
            "namn på filen)") in result.stdout.splitlines()
    # before: the agreement counted the copied neighbourhood-watch area twice
    agreement = cli("status", "--agreement", "--plans-dir", plans)
    assert agreement.exit_code == 1
    assert "2022.yaml har fel" in agreement.stderr


def test_a_plan_named_otherwise_is_not_held_to_a_year(cli, folder):
    shutil.copy(folder / "plans" / "2021.yaml", folder / "utkast-2022.yaml")
    assert cli("validate", folder / "utkast-2022.yaml").exit_code == 0


# --- item 7: arguments that are not UTF-8 ----------------------------------------------


@pytest.mark.parametrize(("args", "option"), [
    ((b"log", b"trygghetsvandringar", b"--date", b"2021-03-01", b"--note", b"caf\xe9"),
     "--note"),
    ((b"measure", b"alkohol-ak9", b"--year", b"2021", b"--value", b"18", b"--source", b"\xe9"),
     "--source"),
    ((b"validate", b"\xff"), "FIL_ELLER_MAPP"),
    ((b"est", b"insats", b"centrum", b"--title", b"\xff", b"--category", b"klotter"),
     "--title"),
    ((b"log", b"trygghetsvandringar", b"--place", b"G\xe5gatan", b"--date", b"2021-03-01"),
     "--place"),
    ((b"status", b"--plans-dir", b"pl\xe4ns"), "--plans-dir"),
], ids=["log-note", "measure-source", "validate-path", "est-insats-title", "log-place",
        "plans-dir"])
def test_an_argument_that_is_not_utf8_is_one_line_and_exit_2(folder, args, option) -> None:
    plan = folder / "plans" / "2021.yaml"
    before = plan.read_bytes()
    done = run(folder, *args)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fel: {option} är inte skriven i UTF-8 (")
    assert "ställ in terminalen på UTF-8" in lines[0]
    assert plan.read_bytes() == before
    assert not list((folder / "est").glob("*.tmp"))


def test_the_message_names_the_bytes_in_english_too(folder) -> None:
    done = run(folder, "log", "trygghetsvandringar", "--note", b"caf\xe9", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.decode() == ("error: --note is not written in UTF-8 (caf\\xe9); set "
                                    "the terminal to UTF-8 and type the text (or the file "
                                    "name) again\n")


# --- item 7: years and dates ----------------------------------------------------------


YEAR_COMMANDS = [
    ("status", "--year", "{}"),
    ("report", "--year", "{}", "--format", "markdown"),
    ("measure", "alkohol-ak9", "--year", "{}", "--value", "18"),
    ("init", "{}"),
    ("init", "2023", "--from", "{}"),
    ("activities", "--year", "{}"),
    ("remove", "abc123", "--year", "{}"),
    ("lagesbild", "--year", "{}"),
]


@pytest.mark.parametrize("command", YEAR_COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("year", ["99999999999999999999", "10000000", "1999", "2101", "0021",
                                  "abc", "-2021", "0x7E5", ""])
def test_every_year_option_takes_only_the_agreements_years(cli, folder, command, year) -> None:
    args = [part.replace("{}", year) for part in command]
    start = time.monotonic()
    result = cli(*args, "--plans-dir", folder / "plans")
    assert result.exit_code == 2, result.output
    if command == ("init", "{}") and year.startswith("-"):
        return  # (an argument that starts with a dash is taken for an option)
    option = "ÅÅÅÅ" if command == ("init", "{}") else "--from" if "--from" in command else (
        "--year")
    assert result.stderr == (f"fel: {option} ska vara ett år mellan 2000 och 2100 (fick "
                             f"'{year}')\n")
    assert time.monotonic() - start < 10


def test_a_year_in_range_still_works(cli, folder) -> None:
    result = cli("status", "--year", "2021", "--plans-dir", folder / "plans", "--format", "json")
    assert result.exit_code == 0 and '"year": 2021' in result.stdout


@pytest.mark.parametrize("command", [
    ("est", "status", "--as-of", "{}"),
    ("est", "lagesbild", "--as-of", "{}"),
    ("status", "--as-of", "{}"),
    ("report", "--as-of", "{}", "--format", "markdown"),
    ("activities", "--from", "{}"),
    ("log", "trygghetsvandringar", "--date", "{}"),
    ("est", "insats", "centrum", "--title", "Ljus", "--category", "klotter", "--end", "{}"),
])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2101-01-01"])
def test_a_date_outside_the_agreements_years_is_refused(cli, folder, command, day) -> None:
    args = [part.replace("{}", day) for part in command]
    result = cli(*args, "--plans-dir", folder / "plans")
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"fel: datumet {day} ligger utanför åren 2000–2100; skriv ett "
                             "datum som ÅÅÅÅ-MM-DD i de åren\n")


def test_lagesbild_with_an_absurd_year_answers_at_once(folder) -> None:
    """Before: 99999999999999999999 ended in exit 70 and 10000000 ran for minutes."""
    for year in ("99999999999999999999", "10000000"):
        start = time.monotonic()
        done = run(folder, "lagesbild", "--year", year)
        assert done.returncode == 2
        assert done.stderr.decode().startswith("fel: --year ska vara ett år mellan 2000 och")
        assert time.monotonic() - start < 30


@pytest.mark.parametrize("count", ["99999999999", "1" + "0" * 30, "1000001"])
def test_a_count_beyond_any_real_one_is_refused(cli, folder, count) -> None:
    result = cli("log", "ungdomsfester", "--date", "2021-03-01", "--count", count,
                 "--plans-dir", folder / "plans")
    assert result.exit_code == 2
    shown = count if len(count) <= 24 else count[:20] + "…"
    assert result.stderr == (f"fel: --count {shown} är orimligt stort (högst 1000000); skriv "
                             "det verkliga antalet\n")


def test_the_environment_needs_no_utf8_locale_for_the_message(folder) -> None:
    env = {**cli_env("2021-06-30"), "LC_ALL": "C", "LANG": "C"}
    env.pop("PYTHONUTF8", None)
    argv = [sys.executable.encode(), b"-m", b"samverkan", b"log", b"trygghetsvandringar",
            b"--note", b"caf\xe9"]
    done = subprocess.run(argv, cwd=folder, env=env, capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == 2, done.stderr
    assert b"internt fel" not in done.stderr and b"Traceback" not in done.stderr
    assert os.fsencode("--note") in done.stderr


SV_INTERNAL = ("fel: internt fel (RuntimeError: trasig); kör igen med SAMVERKAN_DEBUG=1 "
               "och rapportera felet\n")
EN_INTERNAL = ("error: internal error (RuntimeError: trasig); run again with "
               "SAMVERKAN_DEBUG=1 and report the error\n")


@pytest.mark.parametrize(("lang", "expected"), [(None, SV_INTERNAL), ("en", EN_INTERNAL)])
def test_an_internal_error_is_one_line_in_the_users_language(cli, folder, monkeypatch, lang,
                                                              expected) -> None:
    """The last line of defence: a bug in samverkan itself is one line and exit 70, in
    English with `--lang en` too, never a traceback."""
    import samverkan.followup.status

    def broken(*args, **kwargs):
        raise RuntimeError("trasig")

    monkeypatch.setattr(samverkan.followup.status, "load_status", broken)
    monkeypatch.delenv("SAMVERKAN_DEBUG", raising=False)
    args = ["status", "--plans-dir", folder / "plans"] + (["--lang", lang] if lang else [])
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (70, expected)
