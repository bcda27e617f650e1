"""The cache of read plans is never stale, never changes an answer, and never gets in the way."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from samverkan.plan import cache
from samverkan.plan.reader import load_plan, read_plan

ACTIVITIES = [
    "  - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum]}\n",
    "  - {id: b2c4, pledge: nosspanare, date: 2021-04-02, note: Hundägare i Stadsparken}\n",
]


def with_activities(plans: Path, lines: list[str]) -> Path:
    path = plans / "2021.yaml"
    text = path.read_text(encoding="utf-8").replace("activities: []", "activities:\n")
    path.write_text(text + "".join(lines), encoding="utf-8")
    return path


def done(cli, plans: Path, pledge: str) -> int:
    result = cli("status", "--plans-dir", plans, "--format", "json")
    assert result.exit_code == 0, result.output
    return next(p["done"] for p in json.loads(result.stdout)["pledges"] if p["id"] == pledge)


def test_a_file_changed_without_changing_size_or_time_is_read_again(cli, plans: Path) -> None:
    path = with_activities(plans, ACTIVITIES)
    assert done(cli, plans, "trygghetsvandringar") == 1
    assert list(cache.cache_dir().glob("*.plan"))
    stat = path.stat()
    changed = path.read_bytes().replace(b"pledge: trygghetsvandringar, date: 2021-03-18",
                                        b"pledge: ungdomsfester,       date: 2021-03-18")
    assert len(changed) == stat.st_size
    path.write_bytes(changed)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert done(cli, plans, "trygghetsvandringar") == 0
    assert done(cli, plans, "ungdomsfester") == 1


ERRORS = """\
    year: 2021
    focus_areas:
      - id: centrum
        title: Tryggare centrum
        goals:
          - {id: otrygghet, title: Otrygghet, indicator: Andel otrygga, direction: decrease}
    pledges:
      - id: vandringar
        title: Trygghetsvandringar
        focus_area: centrum
        owner: alla
        target: {min: 5, unit: vandringar}
    activities:
      - {id: a1f3, pledge: vandringar, date: 2021-03-18}
      - {id: a1f3, pledge: vandringar, date: 2022-01-02}
      - {id: b1f3, pledge: okänt, date: 2021-03-19, colour: red}
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_file_with_errors_gets_the_same_report_with_and_without_cache(cli, write_plan,
                                                                          lang: str) -> None:
    path = write_plan(ERRORS)
    off = cli("validate", path, "--lang", lang, env={"SAMVERKAN_CACHE": "off"})
    first = cli("validate", path, "--lang", lang)
    again = cli("validate", path, "--lang", lang)
    assert off.exit_code == first.exit_code == again.exit_code == 1
    assert off.output == first.output == again.output
    assert len(off.stdout.splitlines()) == 7  # baseline, owner, id, date, pledge twice, key


def test_status_reads_alike_from_the_file_and_from_the_cache(cli, plans: Path) -> None:
    with_activities(plans, ACTIVITIES)
    for fmt in ("table", "markdown", "csv", "json"):
        off = cli("status", "--plans-dir", plans, "--format", fmt, env={"SAMVERKAN_CACHE": "off"})
        first = cli("status", "--plans-dir", plans, "--format", fmt)
        again = cli("status", "--plans-dir", plans, "--format", fmt)
        assert off.exit_code == 0
        assert off.stdout == first.stdout == again.stdout


MIXED = [
    "  - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, count: 3, tags: [centrum]}\n",
    "  - {pledge: nosspanare, date: 2021-04-02, place: \"Kåge \\\"norr\\\"\", by: polis}\n",
    "  # skrivet för hand\n",
    "  - pledge: trygghetsvandringar\n",
    "    date: 2021-05-06\n",
    "    tags:\n",
    "      - centrum\n",
    "    note: >-\n",
    "      Vandring med 12 personer, lugnt; 中文 och emoji 🚶\n",
    "  - {id: c3d4, pledge: ungdomsfester, date: 2021-03-18, note: Ingen fest}\n",
]


def test_every_kind_of_activity_comes_back_from_the_cache_as_read(cli, plans: Path) -> None:
    """The cache keeps the activities column by column (dates as day numbers): ids, places
    and notes that are missing, quoted or outside Latin-1, counts, tags, items written by
    hand, all come back as the file says, through `status` and as records."""
    path = with_activities(plans, MIXED)
    first = cli("status", "--plans-dir", plans, "--format", "json")
    again = cli("status", "--plans-dir", plans, "--format", "json")
    raw = path.read_bytes()
    kept = cache.get(path, raw, "sv")
    full = read_plan(raw, str(path), quick=False)
    assert kept is not None and kept.plan == full.plan and kept.problems == full.problems
    assert [type(a) for a in kept.plan.activities] == [type(a) for a in full.plan.activities]
    assert [type(a.date) for a in kept.plan.activities] == [dt.date] * 4
    assert kept.plan.activities[1].place == 'Kåge "norr"' and kept.plan.activities[1].id is None
    assert "🚶" in kept.plan.activities[2].note
    result = cli("log", "ungdomsfester", "--plans-dir", plans, "--date", "2021-03-19")
    assert result.exit_code == 0, result.output
    assert done(cli, plans, "ungdomsfester") == 2
    logged = cache.get(path, path.read_bytes(), "sv")
    assert logged is not None and logged.plan.activities[:4] == full.plan.activities
    warm = cli("status", "--plans-dir", plans, "--format", "json")
    off = cli("status", "--plans-dir", plans, "--format", "json",
              env={"SAMVERKAN_CACHE": "off"})
    assert off.exit_code == 0, off.output
    assert first.stdout == again.stdout and off.stdout == warm.stdout


def test_log_keeps_the_cache_in_step_with_the_file(cli, plans: Path) -> None:
    path = with_activities(plans, ACTIVITIES)
    for note in ("Kvällsvandring, lugnt", "Med boende: 12 personer"):
        result = cli("log", "trygghetsvandringar", "--plans-dir", plans, "--tag", "centrum",
                     "--note", note)
        assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    kept = cache.get(path, raw, "sv")
    full = read_plan(raw, str(path), quick=False)
    assert kept is not None and kept.layout is not None
    assert kept.problems == full.problems and kept.plan == full.plan
    assert done(cli, plans, "trygghetsvandringar") == 3


def test_the_first_activity_goes_through_the_cache_too(cli, plans: Path) -> None:
    path = plans / "2021.yaml"
    assert cli("log", "nosspanare", "--plans-dir", plans).exit_code == 0
    kept = cache.get(path, path.read_bytes(), "sv")
    assert kept is not None and len(kept.plan.activities) == 1
    assert done(cli, plans, "nosspanare") == 1


def test_a_damaged_cache_is_read_past(cli, plans: Path) -> None:
    with_activities(plans, ACTIVITIES)
    assert done(cli, plans, "nosspanare") == 1
    entries = list(cache.cache_dir().glob("*.plan"))
    assert entries
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        entry.write_bytes(bytes(data))
    assert done(cli, plans, "nosspanare") == 1
    for entry in cache.cache_dir().glob("*.plan"):
        entry.write_bytes(entry.read_bytes()[:40])
    assert done(cli, plans, "nosspanare") == 1


def test_no_cache_folder_is_no_problem(cli, plans: Path, tmp_path: Path) -> None:
    with_activities(plans, ACTIVITIES)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    env = {"SAMVERKAN_CACHE_DIR": str(blocked / "cache")}
    result = cli("status", "--plans-dir", plans, "--format", "json", env=env)
    assert result.exit_code == 0 and result.stderr == ""
    assert cli("log", "nosspanare", "--plans-dir", plans, env=env).exit_code == 0
    assert done(cli, plans, "nosspanare") == 2


def test_an_entry_is_kept_per_file_and_language(plans: Path) -> None:
    path = with_activities(plans, ACTIVITIES)
    load_plan(path, "sv")
    load_plan(path, "en")
    raw = path.read_bytes()
    assert cache.get(path, raw, "sv").problems[0].message != cache.get(path, raw, "en").problems[
        0].message
    assert cache.get(plans / "2022.yaml", raw, "sv") is None


def test_a_plan_from_the_cache_is_the_plan(plans: Path) -> None:
    path = with_activities(plans, ACTIVITIES)
    load_plan(path)
    kept = cache.get(path, path.read_bytes(), "sv").plan
    plan = read_plan(path.read_bytes(), str(path), quick=False).plan
    assert kept == plan and kept.pledge("nosspanare").title == "Nosspanare"
    assert kept.period(kept.pledges[7]) == plan.period(plan.pledges[7])
    with pytest.raises(AttributeError):
        kept.year = 2030


def test_a_large_file_is_kept_when_it_is_read_a_second_time(cli, plans: Path,
                                                             monkeypatch) -> None:
    """CI and the first command after a `git pull` read a file once: for a large file that
    read does not pay for pickling it; the second read of the same bytes keeps it; `log`
    keeps the file it wrote at once, since the next command reads exactly that."""
    monkeypatch.setattr(cache, "SECOND_READ", 100)  # (the plans here are a few KB)
    path = with_activities(plans, ACTIVITIES)
    raw = path.read_bytes()
    assert done(cli, plans, "trygghetsvandringar") == 1
    assert cache.get(path, raw, "sv") is None  # only seen
    assert done(cli, plans, "trygghetsvandringar") == 1
    kept = cache.get(path, raw, "sv")
    assert kept is not None and kept.plan == read_plan(raw, str(path)).plan
    # the marker of other bytes does not count as seen
    path.write_bytes(raw + b"  - {id: c5d6, pledge: trygghetsvandringar, date: 2021-05-01}\n")
    assert done(cli, plans, "trygghetsvandringar") == 2
    assert cache.get(path, path.read_bytes(), "sv") is None
    result = cli("log", "trygghetsvandringar", "--date", "2021-06-01", "--plans-dir", plans)
    assert result.exit_code == 0, result.output
    assert cache.get(path, path.read_bytes(), "sv") is not None
    assert done(cli, plans, "trygghetsvandringar") == 3


def run(code: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd,
                            capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, check=True)
    return result.stdout.rpartition("LOADED:")[2].strip()


LOADED = """\
    import sys
    from samverkan.cli import app
    try:
        app({args})
    except SystemExit:
        pass
    heavy = sorted({{m.split(".")[0] + "." + m.split(".")[1] for m in sys.modules
                     if m.startswith(("pydantic.", "ruamel.yaml"))}})
    print("LOADED:", " ".join(heavy))
"""


def test_help_and_version_load_neither_pydantic_nor_ruamel(tmp_path: Path) -> None:
    for args in (["--help"], ["--version"], ["status", "--help"]):
        assert run(LOADED.format(args=args), tmp_path) == ""


def test_status_and_validate_of_an_unchanged_plan_need_neither(plans: Path) -> None:
    with_activities(plans, ACTIVITIES)
    env = {"SAMVERKAN_TODAY": "2021-06-30", "NO_COLOR": "1"}
    for args in (["status", "--format", "json"], ["status"], ["validate", "plans/2021.yaml"]):
        run(LOADED.format(args=args), plans.parent, env)  # fills the cache
        assert run(LOADED.format(args=args), plans.parent, env) == ""
