"""`samverkan log`: appends one activity, keeps every line people wrote, refuses bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan.plan.reader import load_plan


def activities(path: Path):
    loaded = load_plan(path)
    assert loaded.ok, [p.format() for p in loaded.problems if p.severity == "error"]
    return loaded.plan.activities


def test_log_appends_the_activity_and_prints_progress(cli, plans):
    result = cli("log", "trygghetsvandringar", "--plans-dir", plans, "--date", "2021-03-18",
                 "--tag", "centrum", "--by", "polis", "--note", "Kvällsvandring med boende")
    assert result.exit_code == 0, result.output
    [activity] = activities(plans / "2021.yaml")
    assert (activity.pledge, activity.date.isoformat(), activity.tags, activity.by,
            activity.note) == ("trygghetsvandringar", "2021-03-18", ("centrum",), "polis",
                               "Kvällsvandring med boende")
    assert f"Sparat {activity.id}" in result.stdout
    assert "Trygghetsvandringar: 1/5 vandringar, varav centrum 1/1" in result.stdout


def test_progress_counts_earlier_activities(cli, plans):
    for day in ("2021-02-01", "2021-03-01"):
        cli("log", "trygghetsvandringar", "--plans-dir", plans, "--date", day)
    result = cli("log", "trygghetsvandringar", "--plans-dir", plans, "--date", "2021-04-01",
                 "--tag", "centrum")
    assert "Trygghetsvandringar: 3/5 vandringar, varav centrum 1/1" in result.stdout
    ids = [a.id for a in activities(plans / "2021.yaml")]
    assert len(set(ids)) == 3


def test_date_defaults_to_today_and_plan_to_its_year(cli, plans):
    result = cli("log", "nykter-student", "--plans-dir", plans, today="2022-06-10")
    assert result.exit_code == 0, result.output
    assert [a.date.isoformat() for a in activities(plans / "2022.yaml")] == ["2022-06-10"]
    assert activities(plans / "2021.yaml") == ()


def test_every_line_people_wrote_survives(cli, plans):
    path = plans / "2021.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    cli("log", "ungdomsfester", "--plans-dir", plans, "--date", "2021-05-01", "--count", "2",
        "--place", "Stadsparken: norra delen", "--note", 'Fest "bakom" skolan # stoppad')
    cli("log", "ungdomsfester", "--plans-dir", plans, "--date", "2021-05-08")
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in before if line not in after]
    assert changed == ["activities: []"]
    assert after[: len(before) - 1] == before[:-1]
    assert after[len(before) - 1] == "activities:"
    first, second = activities(path)
    assert (first.count, first.place, first.note) == (2, "Stadsparken: norra delen",
                                                      'Fest "bakom" skolan # stoppad')
    assert second.date.isoformat() == "2021-05-08"


def test_comments_after_and_between_activities_are_kept(cli, write_plan, plans):
    path = plans / "2021.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "activities: []",
        "activities:  # registreras med samverkan log\n"
        "  # mars\n"
        "  - {id: a111, pledge: anti-langning, date: 2021-03-01}  # kampanjen\n"
        "  - id: b222\n"
        "    pledge: anti-langning\n"
        "    date: 2021-03-02\n"
        "    note: |\n"
        "      Två rader\n"
        "      anteckning\n"
        "\n"
        "# slut på filen\n")
    path.write_text(text, encoding="utf-8")
    result = cli("log", "anti-langning", "--plans-dir", plans, "--date", "2021-04-01")
    assert result.exit_code == 0, result.output
    new = path.read_text(encoding="utf-8")
    added = activities(path)[-1]
    new_line = next(line for line in new.splitlines(keepends=True) if added.id in line)
    assert new_line.startswith("  - {id: ")
    assert new.replace(new_line, "", 1) == text
    assert new.index(new_line) > new.index("      anteckning")
    assert new.index(new_line) < new.index("# slut på filen")
    assert [a.id for a in activities(path)][:2] == ["a111", "b222"]
    assert len(activities(path)) == 3


def test_a_plan_without_activities_key_gets_one(cli, plans):
    path = plans / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("activities: []\n", ""),
                    encoding="utf-8")
    assert cli("log", "anti-langning", "--plans-dir", plans, "--date", "2021-04-01").exit_code == 0
    assert len(activities(path)) == 1


def test_crlf_and_byte_order_mark_are_kept(cli, plans):
    path = plans / "2021.yaml"
    original = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))
    assert cli("log", "anti-langning", "--plans-dir", plans, "--date", "2021-04-01").exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert len(activities(path)) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["trygghetsvandring"], "menade du 'trygghetsvandringar'"),
        (["xyz-okant"], "löften: tillsyn-tobak-alkohol"),
        (["ungdomsfester", "--date", "2021-13-01"], "ogiltigt datum"),
        (["ungdomsfester", "--date", "18 mars"], "ogiltigt datum"),
        (["ungdomsfester", "--date", "2021-07-01"], "framtiden"),
        (["ungdomsfester", "--date", "2019-05-01"], "ingen plan för 2019"),
        (["ungdomsfester", "--count", "0"], "minst 1"),
        (["ungdomsfester", "--count", "två"], "ett heltal, minst 1"),
        (["ungdomsfester", "--by", "polisen"], "polis, kommun, gemensamt"),
        (["ungdomsfester", "--tag", "Centrum Norra"], "skriv t.ex. 'centrum-norra'"),
        (["ungdomsfester", "--tag", "flerbostadsområde"], "skriv t.ex. 'flerbostadsomrade'"),
        (["ungdomsfester", "--note", "Samtal med 811218-9876"], "personnummer"),
        (["ungdomsfester", "--note", "Samtal med 198112189876"], "personnummer"),
        (["ungdomsfester", "--place", "hos 811278+9873"], "samordningsnummer"),
        (["ungdomsfester", "--tag", "8112189876"], "personnummer"),
    ],
)
def test_refusals_exit_2_and_change_nothing(cli, plans, args, message):
    before = {p.name: p.read_bytes() for p in plans.iterdir()}
    result = cli("log", *args, "--plans-dir", plans)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in plans.iterdir()} == before


def test_a_tag_in_capitals_is_recorded_in_lowercase(cli, plans):
    result = cli("log", "trygghetsvandringar", "--plans-dir", plans, "--date", "2021-03-18",
                 "--tag", "Centrum")
    assert result.exit_code == 0, result.output
    assert activities(plans / "2021.yaml")[0].tags == ("centrum",)
    assert "varav centrum 1/1" in result.stdout


def test_date_outside_the_named_plan_year_is_refused(cli, plans):
    path = plans / "2021.yaml"
    before = path.read_bytes()
    result = cli("log", "ungdomsfester", "--plan", path, "--date", "2022-01-05",
                 today="2022-02-01")
    assert result.exit_code == 2
    assert "2022-01-05" in result.stderr and "2021" in result.stderr
    assert path.read_bytes() == before


def test_a_plan_with_errors_is_not_written(cli, plans):
    path = plans / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("min: 5", "min: fem"),
                    encoding="utf-8")
    before = path.read_bytes()
    result = cli("log", "ungdomsfester", "--plans-dir", plans, "--date", "2021-03-01")
    assert result.exit_code == 1
    assert "validate" in result.stderr and ":" in result.stderr
    assert path.read_bytes() == before


def test_english_messages(cli, plans):
    result = cli("log", "trygghetsvandring", "--plans-dir", plans, "--lang", "en")
    assert "unknown pledge 'trygghetsvandring'; did you mean 'trygghetsvandringar'?" in result.stderr


def test_several_processes_logging_at_once_are_all_recorded(plans):
    env = {**os.environ, "SAMVERKAN_TODAY": "2021-12-31", "SAMVERKAN_PLANS_DIR": str(plans)}
    script = (
        "import sys\n"
        "from samverkan.cli import app\n"
        "for i in range(8):\n"
        "    try:\n"
        "        app(['log', 'riskkvallar', '--date', '2021-06-0%d' % (i + 1),\n"
        "             '--note', 'Process %s, kväll %d' % (sys.argv[1], i)])\n"
        "    except SystemExit as exc:\n"
        "        if exc.code: raise\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for n in range(4)]
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr.decode()
    recorded = activities(plans / "2021.yaml")
    assert len(recorded) == 32
    assert {a.note for a in recorded} == {f"Process {n}, kväll {i}" for n in range(4)
                                          for i in range(8)}
    assert not [p for p in plans.iterdir() if p.name.endswith(".tmp")]
