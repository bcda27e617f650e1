"""Issue 15, items 11 and 12: writing into files laid out in every valid way, refusals
that say what is wrong and what to do, and `remove` past a broken plan year."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from snapshot import copy_snapshot

from samverkan.plan.reader import load_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_snapshot(tmp_path, ("plans", "est"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    return tmp_path


A1 = "{id: ab1, pledge: trygghetsvandringar, date: 2021-03-01}"
A2 = "{id: ab2, pledge: ungdomsfester, date: 2021-03-02, note: Kvällen i parken}"
LAYOUTS = {
    "trailing comma and comments": f"activities: [  # vårens\n  {A1},\n  {A2},  # sista\n]\n",
    "comment before the bracket": f"activities: [\n  {A1},\n  {A2}\n  # fler kommer\n]  # slut\n",
    "comment between the items": f"activities: [{A1},\n  # i parken\n  {A2}]\n",
    "item over two lines": f"activities: [\n  {A1},\n  {{id: ab2, pledge: ungdomsfester,\n"
                           "   date: 2021-03-02}\n]\n",
    "empty over two lines": "activities: [\n]\n",
    "empty with a comment": "activities: [\n  # inga än\n]\n",
    "trailing comma on the last line": f"activities: [\n  {A1}, ]\n",
}


def with_activities(folder: Path, layout: str) -> Path:
    plan = folder / "plans" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("activities: []\n", layout),
                    encoding="utf-8")
    return plan


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_log_into_a_flow_list_over_several_lines(cli, folder, layout):
    plan = with_activities(folder, LAYOUTS[layout])
    before = load_plan(plan)
    assert before.ok, before.problems
    old_lines = plan.read_text(encoding="utf-8").splitlines()
    result = cli("log", "trygghetsvandringar", "--date", "2021-03-05", "--note", "Ny vandring",
                 "--tag", "centrum")
    assert result.exit_code == 0, result.output
    after = load_plan(plan)
    assert after.ok and after.plan is not None, after.problems
    assert after.plan.activities[:-1] == before.plan.activities
    assert after.plan.activities[-1].note == "Ny vandring"
    text = plan.read_text(encoding="utf-8")
    for line in old_lines:  # every comment and every item as the person wrote it
        if "#" in line:
            assert line.split("#", 1)[1] in text
    assert cli("validate", plan).exit_code == 0


def test_est_and_measure_write_into_flow_lists_over_several_lines(cli, folder):
    work = folder / "est" / "insatser.yaml"
    work.write_text(work.read_text(encoding="utf-8").replace(
        "measures: []", "measures: [\n  # planerade\n]"), encoding="utf-8")
    result = cli("est", "insats", "centrum", "--title", "Bättre belysning", "--category",
                 "klotter", "--start", "2021-03-01", today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert "# planerade" in work.read_text(encoding="utf-8")
    assert cli("validate", work).exit_code == 0
    plan = folder / "plans" / "2021.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "          value: 20.0\n", "          value: 20.0\n", 1)
    lines = text.split("\n")
    source = next(i for i, line in enumerate(lines) if line.strip().startswith("source: \"Den"))
    lines.insert(source + 1, "        measurements: [  # ANDTS\n          {year: 2020, value: 20},"
                 "\n        ]")
    plan.write_text("\n".join(lines), encoding="utf-8")
    assert cli("validate", plan).exit_code == 0
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "18,5",
                 today="2021-12-31")
    assert result.exit_code == 0, result.output
    assert "# ANDTS" in plan.read_text(encoding="utf-8")
    assert cli("validate", plan).exit_code == 0


@pytest.mark.parametrize("title", ["811218/9876", "Möte 811218.9876", "811218_9876",
                                   "811218 -- 9876", "Samtal 811218*9876"])
def test_an_id_made_from_the_title_never_holds_an_identity_number(cli, folder, title):
    """Before: the title passed the check, its id (811218-9876) did not, and the user read
    "kunde inte skriva …: layout"."""
    work = folder / "est" / "insatser.yaml"
    before = work.read_bytes()
    result = cli("est", "insats", "centrum", "--title", title, "--category", "klotter",
                 today="2021-06-30")
    assert result.exit_code == 2
    assert result.stderr == ("fel: id:t 811218-**** som --title ger innehåller ett "
                             "personnummer eller samordningsnummer; beskriv insatsen utan det, "
                             "eller ge ett eget id med --id. Inget sparades.\n")
    assert work.read_bytes() == before
    ok = cli("est", "insats", "centrum", "--title", title.replace("9876", "98"), "--category",
             "klotter", today="2021-06-30")
    assert ok.exit_code == 0, ok.output


def test_an_edit_that_does_not_read_back_says_which_error_the_file_would_get(cli, folder,
                                                                             monkeypatch):
    """Whatever goes wrong between the edit and the file, the message is not "layout" but
    the error the file would have got, and what to do."""
    from samverkan.core import writer

    plan = with_activities(folder, LAYOUTS["empty over two lines"])
    before = plan.read_bytes()
    real = writer.append_item

    def broken(text, mapping, item, key):
        return real(text, mapping, item, key) + "extra: 1\n"

    monkeypatch.setattr(writer, "append_item", broken)
    result = cli("log", "trygghetsvandringar", "--date", "2021-03-05")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"fel: kunde inte skriva {Path('plans') / '2021.yaml'}: tillägget lästes inte tillbaka "
        "som avsett (filen fick detta fel: okänd nyckel 'extra'")
    assert "Filen är oförändrad; kör `samverkan validate" in result.stderr
    assert "layout" not in result.stderr
    assert plan.read_bytes() == before


# --- item 12: remove past a broken year ----------------------------------------------------


def logged_id(result) -> str:
    return result.stdout.split()[1]


def test_remove_finds_the_activity_beside_a_broken_plan_year_and_names_it(cli, folder):
    first = cli("log", "trygghetsvandringar", "--date", "2021-03-01", today="2021-06-30")
    assert first.exit_code == 0, first.output
    ident = logged_id(first)
    broken = folder / "plans" / "2022.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "year: [\n", encoding="utf-8")
    broken_bytes = broken.read_bytes()
    result = cli("remove", ident, today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Tog bort {ident} (trygghetsvandringar 2021-03-01)")
    assert result.stderr == (f"{Path('plans') / '2022.yaml'} har fel och söktes inte igenom; "
                             "kör `samverkan validate` och rätta dem, eller ange planen med "
                             "--plan FIL\n")
    assert ident not in (folder / "plans" / "2021.yaml").read_text(encoding="utf-8")
    assert broken.read_bytes() == broken_bytes


def test_remove_of_an_unknown_id_says_where_it_could_not_look(cli, folder):
    broken = folder / "plans" / "2022.yaml"
    broken.write_text(textwrap.dedent("year: 2022\nfocus_areas: [\n"), encoding="utf-8")
    result = cli("remove", "abc123", today="2021-06-30")
    assert result.exit_code == 2
    assert result.stderr == ("fel: ingen aktivitet har id 'abc123'; `samverkan activities` "
                             f"visar id:na; {Path('plans') / '2022.yaml'} har fel och söktes "
                             "inte igenom; kör `samverkan validate` och rätta dem, eller ange "
                             "planen med --plan FIL\n")


def test_remove_in_a_broken_plan_named_with_plan_shows_its_errors(cli, folder):
    broken = folder / "plans" / "2022.yaml"
    broken.write_text("year: 2022\nfocus_areas: [\n", encoding="utf-8")
    result = cli("remove", "abc123", "--plan", broken)
    assert result.exit_code == 1
    assert "2022.yaml har fel" in result.stderr
