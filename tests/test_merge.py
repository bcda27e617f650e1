"""The merge driver's merge, on texts: records with ids as sets, everything else as text.

The versions are what the tool itself writes (`samverkan log`, `remove`, `measure`, `est`,
`data import`) or what a person writes by hand, on inline files in tmp_path.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.plan.reader import read_plan
from samverkan.sync.merge import CHANGED, REMOVED, SAME_KEY, TEXT, merge

PLAN = textwrap.dedent("""\
    # Åtagandeplan 2021 (test)
    year: 2021
    language: sv
    focus_areas:
      - id: tryggare-centrum
        title: Tryggare centrum
        goals:
          - id: otrygghet
            title: Minska otryggheten i centrum
            indicator: Andel otrygga i centrum, %
            direction: decrease
            baseline: {year: 2020, value: 30}
          - id: vald
            title: Minska våldet
            indicator: Anmälda våldsbrott
            direction: decrease
            baseline: null
    pledges:
      - id: trygghetsvandringar
        title: Trygghetsvandringar
        focus_area: tryggare-centrum
        owner: gemensamt
        target: {min: 5, unit: vandringar}
      - id: ungdomsfester
        title: Ungdomsfester
        focus_area: tryggare-centrum
        owner: polis
        target: null

    # Aktiviteter registreras med samverkan log.
    activities: []
    """)


def line(ident: str, pledge: str = "trygghetsvandringar", date: str = "2021-03-18",
         note: str | None = None) -> str:
    extra = f", note: {note}" if note else ""
    return f"  - {{id: {ident}, pledge: {pledge}, date: {date}{extra}}}"


def with_activities(*lines: str, plan: str = PLAN) -> str:
    if not lines:
        return plan
    return plan.replace("activities: []\n", "activities:\n" + "".join(f"{x}\n" for x in lines))


def valid(text: str) -> bool:
    read = read_plan(text.encode("utf-8"), "plans/2021.yaml")
    return read.ok


def ids(text: str) -> list[str]:
    return re.findall(r"\bid: ([a-z0-9]{10})\b", text)


# --- concurrent logs -----------------------------------------------------------------------


def logged(cli, tmp_path: Path, text: str, *args: str, name: str = "side") -> tuple[str, str]:
    """`text` after `samverkan log ARGS` in a file of its own: (new text, the new id)."""
    path = tmp_path / name / "plans" / "2021.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = cli("log", *args, "--plan", path, today="2021-06-30")
    assert result.exit_code == 0, result.output
    return path.read_text(encoding="utf-8"), re.search(r"Sparat (\w+) i", result.output).group(1)


def test_two_logs_into_an_empty_list_are_both_kept(cli, tmp_path):
    ours, mine = logged(cli, tmp_path, PLAN, "trygghetsvandringar", "--date", "2021-03-18",
                        "--tag", "centrum", name="ours")
    theirs, yours = logged(cli, tmp_path, PLAN, "ungdomsfester", "--date", "2021-03-19",
                           "--note", "Kväll vid älven", name="theirs")
    result = merge(PLAN, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == [] and result.by_records
    assert ids(result.text) == [mine, yours]  # ours first, then theirs
    assert result.text.startswith(PLAN.split("activities: []")[0])
    assert valid(result.text)


def test_many_logs_on_both_sides_after_earlier_ones_merge_without_conflict(cli, tmp_path):
    base, first = logged(cli, tmp_path, PLAN, "ungdomsfester", "--date", "2021-02-01", name="b")
    ours, theirs = base, base
    mine, yours = [], []
    for day in range(1, 6):
        ours, new = logged(cli, tmp_path, ours, "trygghetsvandringar", "--date",
                           f"2021-03-0{day}", name="ours")
        mine.append(new)
        theirs, new = logged(cli, tmp_path, theirs, "ungdomsfester", "--date",
                             f"2021-04-0{day}", name="theirs")
        yours.append(new)
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert ids(result.text) == [first, *mine, *yours]
    assert result.records == 11
    assert valid(result.text)


def test_removed_on_one_side_and_untouched_on_the_other_is_removed():
    base = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"), line("cccccccccc"))
    ours = with_activities(line("aaaaaaaaaa"), line("cccccccccc"))  # `samverkan remove b…`
    theirs = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"), line("cccccccccc"),
                             line("dddddddddd"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert ids(result.text) == ["aaaaaaaaaa", "cccccccccc", "dddddddddd"]


def test_removing_every_activity_on_one_side_gives_the_empty_list_back():
    base = with_activities(line("aaaaaaaaaa"))
    ours = PLAN  # `remove` of the only one: `activities: []`
    theirs = with_activities(line("aaaaaaaaaa")).replace("Ungdomsfester\n", "Ungdomsfester!\n")
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert result.text == PLAN.replace("Ungdomsfester\n", "Ungdomsfester!\n")


def test_a_record_changed_on_one_side_takes_that_sides_text():
    base = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"))
    ours = with_activities(line("aaaaaaaaaa", note="Rättad anteckning"), line("bbbbbbbbbb"))
    theirs = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"), line("cccccccccc"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert result.text == with_activities(line("aaaaaaaaaa", note="Rättad anteckning"),
                                          line("bbbbbbbbbb"), line("cccccccccc"))


def test_the_same_change_on_both_sides_is_no_conflict():
    base = with_activities(line("aaaaaaaaaa"))
    both = with_activities(line("aaaaaaaaaa", note="Samma"), line("bbbbbbbbbb"))
    theirs = with_activities(line("aaaaaaaaaa", note="Samma"), line("cccccccccc"))
    result = merge(base, both, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert ids(result.text) == ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"]


# --- what must conflict ----------------------------------------------------------------------


def conflict_block(text: str, start_line: int) -> list[str]:
    lines = text.splitlines()[start_line - 1:]
    return lines[:next(i for i, x in enumerate(lines) if x.startswith(">>>>>>>")) + 1]


def test_changed_differently_on_both_sides_conflicts_around_just_that_record():
    base = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"))
    ours = with_activities(line("aaaaaaaaaa", note="Vår"), line("bbbbbbbbbb"),
                           line("cccccccccc"))
    theirs = with_activities(line("aaaaaaaaaa", note="Deras"), line("bbbbbbbbbb"),
                             line("dddddddddd"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    [conflict] = result.conflicts
    assert (conflict.reason, conflict.key, conflict.what) == (CHANGED, "aaaaaaaaaa",
                                                                "what_activity")
    lines = result.text.splitlines()
    assert conflict_block(result.text, conflict.line) == [
        "<<<<<<< ours", line("aaaaaaaaaa", note="Vår"), "||||||| base", line("aaaaaaaaaa"),
        "=======", line("aaaaaaaaaa", note="Deras"), ">>>>>>> theirs"]
    assert lines[conflict.ours_line - 1] == line("aaaaaaaaaa", note="Vår")
    assert lines[conflict.theirs_line - 1] == line("aaaaaaaaaa", note="Deras")
    # everything else merged: the other records once each, outside the markers
    assert lines[conflict.line + 6:] == [line("bbbbbbbbbb"), line("cccccccccc"),
                                         line("dddddddddd")]


def test_removed_on_one_side_and_changed_on_the_other_conflicts():
    base = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"))
    ours = with_activities(line("bbbbbbbbbb"))
    theirs = with_activities(line("aaaaaaaaaa", note="Rättad"), line("bbbbbbbbbb"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    [conflict] = result.conflicts
    assert (conflict.reason, conflict.ours_line) == (REMOVED, 0)
    assert conflict_block(result.text, conflict.line) == [
        "<<<<<<< ours", "||||||| base", line("aaaaaaaaaa"), "=======",
        line("aaaaaaaaaa", note="Rättad"), ">>>>>>> theirs"]
    assert result.text.splitlines()[conflict.theirs_line - 1] == line("aaaaaaaaaa",
                                                                       note="Rättad")


def test_two_different_records_with_one_id_are_reported_with_both_places():
    base = with_activities(line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"), line("zzzzzzzzzz", date="2021-05-01"))
    theirs = with_activities(line("aaaaaaaaaa"), line("zzzzzzzzzz", pledge="ungdomsfester"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    [conflict] = result.conflicts
    assert (conflict.reason, conflict.key) == (SAME_KEY, "zzzzzzzzzz")
    lines = result.text.splitlines()
    assert lines[conflict.ours_line - 1] == line("zzzzzzzzzz", date="2021-05-01")
    assert lines[conflict.theirs_line - 1] == line("zzzzzzzzzz", pledge="ungdomsfester")
    assert result.text.count("zzzzzzzzzz") == 2  # neither is dropped


def test_lines_outside_the_records_conflict_as_git_would_and_the_records_still_merge():
    base = with_activities(line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb")).replace(
        "title: Ungdomsfester", "title: Ungdomsfester (polisen)")
    theirs = with_activities(line("aaaaaaaaaa"), line("cccccccccc")).replace(
        "title: Ungdomsfester", "title: Extra resurser mot ungdomsfester")
    result = merge(base, ours, theirs, "plans/2021.yaml")
    [conflict] = result.conflicts
    assert conflict.reason == TEXT
    assert conflict_block(result.text, conflict.line) == [
        "<<<<<<< ours", "    title: Ungdomsfester (polisen)", "||||||| base",
        "    title: Ungdomsfester", "=======", "    title: Extra resurser mot ungdomsfester",
        ">>>>>>> theirs"]
    assert ids(result.text) == ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"]


# --- layout and comments ------------------------------------------------------------------------


def test_comments_blank_lines_and_hand_written_items_are_kept_byte_for_byte():
    base = with_activities(
        "  # Mars",
        line("aaaaaaaaaa"),
        "  - id: bbbbbbbbbb   # skriven för hand",
        "    pledge: ungdomsfester",
        "    date: 2021-03-20",
        "    note: >-",
        "      Två rader",
        "      text",
        "",
        "  # April",
        line("cccccccccc", date="2021-04-02"),
    ) + "# sist i filen\n"
    ours = base.replace(line("cccccccccc", date="2021-04-02") + "\n",
                        line("cccccccccc", date="2021-04-02") + "\n"
                        + line("dddddddddd", date="2021-04-03") + "\n")
    theirs = base.replace("  # April\n", "  # April (en ny kommentar)\n").replace(
        line("cccccccccc", date="2021-04-02") + "\n",
        line("cccccccccc", date="2021-04-02") + "\n" + line("eeeeeeeeee", date="2021-04-09")
        + "\n")
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert result.text == theirs.replace(
        line("eeeeeeeeee", date="2021-04-09"),
        line("dddddddddd", date="2021-04-03") + "\n" + line("eeeeeeeeee", date="2021-04-09"))
    assert valid(result.text)


def test_crlf_line_breaks_stay_and_a_last_line_without_its_break_is_merged_as_git_would():
    base = with_activities(line("aaaaaaaaaa")).replace("\n", "\r\n")
    ours = base + line("bbbbbbbbbb") + "\r\n"
    theirs = (base + line("cccccccccc")).rstrip("\r\n")  # (saved without the last break)
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert result.text == base + line("bbbbbbbbbb") + "\r\n" + line("cccccccccc")
    result = merge(base, ours, theirs + "\r\n", "plans/2021.yaml")
    assert result.text == base + line("bbbbbbbbbb") + "\r\n" + line("cccccccccc") + "\r\n"


def test_a_change_of_a_pledge_on_one_side_and_logs_on_the_other_both_arrive():
    base = with_activities(line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb")).replace(
        "target: {min: 5, unit: vandringar}", "target: {min: 6, unit: vandringar}")
    theirs = with_activities(line("aaaaaaaaaa"), line("cccccccccc"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert "min: 6" in result.text and ids(result.text) == ["aaaaaaaaaa", "bbbbbbbbbb",
                                                            "cccccccccc"]


def test_an_item_without_id_is_known_by_its_text():
    hand = "  - {pledge: ungdomsfester, date: 2021-03-01}"
    base = with_activities(hand, line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"))  # removed
    theirs = with_activities(hand, line("aaaaaaaaaa"), line("bbbbbbbbbb"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == [] and hand not in result.text
    # edited on both sides: an edit is a removal and an addition, so both edits are kept
    ours = with_activities(hand.replace("03-01", "03-02"), line("aaaaaaaaaa"))
    theirs = with_activities(hand.replace("03-01", "03-03"), line("aaaaaaaaaa"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    assert "2021-03-02" in result.text and "2021-03-03" in result.text


def test_a_side_that_is_not_yaml_merges_as_text():
    base = with_activities(line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb")) + "oj: [\n"
    theirs = with_activities(line("aaaaaaaaaa"), line("cccccccccc"))
    result = merge(base, ours, theirs, "plans/2021.yaml")
    assert not result.by_records and result.conflicts
    assert result.conflicts[0].reason == TEXT
    assert "bbbbbbbbbb" in result.text and "cccccccccc" in result.text


# --- measurements, EST and series -----------------------------------------------------------


def test_measurements_merge_by_goal_and_year(cli, tmp_path):
    ours, _ = logged(cli, tmp_path, PLAN, "trygghetsvandringar", name="ours")
    path = tmp_path / "ours" / "plans" / "2021.yaml"
    assert cli("measure", "otrygghet", "--year", "2021", "--value", "28", "--plan", path,
               today="2022-01-10").exit_code == 0
    ours = path.read_text(encoding="utf-8")
    theirs_path = tmp_path / "theirs" / "plans" / "2021.yaml"
    theirs_path.parent.mkdir(parents=True)
    theirs_path.write_text(PLAN, encoding="utf-8")
    for goal, year, value in (("otrygghet", "2022", "25"), ("vald", "2021", "140")):
        result = cli("measure", goal, "--year", year, "--value", value, "--plan",
                     theirs_path, today="2023-01-10")
        assert result.exit_code == 0, result.output
    theirs = theirs_path.read_text(encoding="utf-8")
    result = merge(PLAN, ours, theirs, "plans/2021.yaml")
    assert result.conflicts == []
    read = read_plan(result.text.encode(), "plans/2021.yaml")
    assert read.ok
    measured = {g.id: [(m.year, m.value) for m in g.measurements] for _, g in read.plan.goals()}
    assert measured == {"otrygghet": [(2021, 28), (2022, 25)], "vald": [(2021, 140)]}
    assert len(read.plan.activities) == 1
    # the same goal and year measured differently on the two sides: a conflict
    same = theirs.replace("{year: 2022, value: 25", "{year: 2021, value: 29")
    result = merge(PLAN, ours, same, "plans/2021.yaml")
    assert [(c.reason, c.key) for c in result.conflicts] == [(SAME_KEY, "otrygghet, 2021")]


EST_CONFIG = textwrap.dedent("""\
    min_report_weeks: 4
    areas:
      - id: centrum
        name: Centrum
        reporters:
          - {id: polisen, name: Polisen}
    categories:
      - {id: nedskrapning, title: Nedskräpning}
      - {id: klotter, title: Klotter}
    """)


def est_side(cli, tmp_path: Path, name: str, *commands: list[str],
             start: dict[str, str] | None = None) -> Path:
    folder = tmp_path / name / "est"
    folder.mkdir(parents=True)
    (folder / "omraden.yaml").write_text(EST_CONFIG, encoding="utf-8")
    for file, text in (start or {}).items():
        (folder / file).write_text(text, encoding="utf-8")
    for command in commands:
        result = cli("est", *command, "--est-dir", folder, today="2021-03-17")
        assert result.exit_code == 0, result.output
    return folder


def test_est_observations_and_work_merge_as_sets(cli, tmp_path):
    base = est_side(cli, tmp_path, "base",
                    ["rapport", "centrum", "klotter", "--reporter", "polisen"],
                    ["insats", "centrum", "--title", "Belysning i parken",
                     "--category", "klotter"])
    start = {p.name: p.read_text(encoding="utf-8") for p in base.glob("*-*.yaml")}
    start["insatser.yaml"] = (base / "insatser.yaml").read_text(encoding="utf-8")
    ours = est_side(cli, tmp_path, "ours",
                    ["rapport", "centrum", "nedskrapning", "--count", "3", "--reporter", "polisen"],
                    ["uppfoljning", "belysning-i-parken", "--assessment", "delvis"],
                    start=start)
    theirs = est_side(cli, tmp_path, "theirs",
                      ["rapport", "centrum", "klotter", "--count", "2", "--reporter", "polisen"],
                      ["analys", "centrum", "--period", "2021-W10", "--text", "Mörkt i parken"],
                      ["insats", "centrum", "--title", "Städning", "--category",
                       "nedskrapning"],
                      start=start)
    for name in ("observationer-2021.yaml", "insatser.yaml"):
        texts = [(side / name).read_text(encoding="utf-8") for side in (base, ours, theirs)]
        result = merge(*texts, f"est/{name}")
        assert result.conflicts == [] and result.by_records, name
        merged = tmp_path / "merged" / "est"
        merged.mkdir(parents=True, exist_ok=True)
        (merged / "omraden.yaml").write_text(EST_CONFIG, encoding="utf-8")
        (merged / name).write_text(result.text, encoding="utf-8")
        assert cli("validate", merged / name).exit_code == 0
        for side in (ours, theirs):  # every record of both sides is there
            for record in ids_of(texts[1] + texts[2]):
                assert record in result.text
    merged_obs = (merged / "observationer-2021.yaml").read_text(encoding="utf-8")
    assert merged_obs.count("- {id:") == 3
    work = (merged / "insatser.yaml").read_text(encoding="utf-8")
    assert work.count("id: belysning-i-parken") == 1 and "id: stadning" in work
    assert "Mörkt i parken" in work and "assessment: delvis" in work


def ids_of(text: str) -> set[str]:
    return set(re.findall(r"\{id: ([a-z0-9-]+)", text))


SERIES = textwrap.dedent("""\
    # Befolkning (test)
    id: befolkning
    title: Folkmängd
    unit: personer
    source: SCB
    frequency: year
    values:
      - {period: 2019, value: 100, source_text: "Källan"}
      - {period: 2020, value: 101, source_text: "Källan"}
    """)


def test_series_values_merge_by_period_and_category():
    imported = "  - {period: 2021, value: 102, file: a.csv, imported: 2022-01-10}\n"
    ours = SERIES + imported
    first = '  - {period: 2018, value: 99, source_text: "Källan"}\n'
    women = '  - {period: 2020, category: kvinnor, value: 50, source_text: "Källan"}\n'
    theirs = (SERIES.replace("values:\n", "values:\n" + first) + women)
    result = merge(SERIES, ours, theirs, "data/befolkning.yaml")
    assert result.conflicts == []
    # theirs' first value goes first; at the end, ours' additions and then theirs'
    assert result.text == SERIES.replace("values:\n", "values:\n" + first) + imported + women
    clash = SERIES + '  - {period: "2021", value: 999, file: b.csv, imported: 2022-01-11}\n'
    result = merge(SERIES, ours, clash, "data/befolkning.yaml")
    assert [(c.reason, c.key, c.what) for c in result.conflicts] == [
        (SAME_KEY, "2021", "what_series_value")]


def test_the_agreement_merges_as_text():
    base = "first_year: 2021\nlast_year: 2025\ngoals: []\n"
    ours = "title: Avtalet\n" + base
    theirs = base.replace("2025", "2026")
    result = merge(base, ours, theirs, "plans/agreement.yaml")
    assert result.conflicts == [] and result.text == "title: Avtalet\n" + theirs


@pytest.mark.parametrize("same", ["ours", "theirs", "both"])
def test_a_side_without_changes_gives_the_other_side_exactly(same):
    base = with_activities(line("aaaaaaaaaa"))
    changed = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"))
    ours = base if same in ("ours", "both") else changed
    theirs = base if same in ("theirs", "both") else changed
    assert merge(base, ours, theirs, "plans/2021.yaml").text == (
        base if same == "both" else changed)


# --- the set semantics, on random histories ----------------------------------------------------


NEW_IDS = [f"n{i:09d}" for i in range(6)]


@st.composite
def histories(draw):
    """A base list of activities (some with a comment before them) and what each side did
    to it: per base record keep, remove, edit (the side's own note) or edit the same way as
    the other side might; and new records, at random places, some with an id the other side
    also uses (with the same or a different content)."""
    base = [f"b{i:09d}" for i in range(draw(st.integers(0, 10)))]
    comments = {ident for ident in base if draw(st.booleans()) and draw(st.booleans())}
    sides = {}
    for name in ("ours", "theirs"):
        ops = {ident: draw(st.sampled_from(["keep", "keep", "remove", "edit", "edit_same"]))
               for ident in base}
        added = draw(st.lists(st.sampled_from(NEW_IDS), unique=True, max_size=4))
        notes = {ident: draw(st.sampled_from(["Gemensam", name.capitalize()]))
                 for ident in added}
        places = [draw(st.integers(0, len(base))) for _ in added]
        sides[name] = (ops, added, notes, places)
    return base, comments, sides


def history_text(base, comments, side=None) -> tuple[str, dict[str, str]]:
    """The plan's text for the base or a side, and each record's line by id."""
    records: list[tuple[str, str]] = []
    for ident in base:
        op = side[0][ident] if side else "keep"
        if op == "remove":
            continue
        note = {"keep": None, "edit": "Ändrad" + ("Vår" if side and side[4] == "ours"
                                                 else "Deras"), "edit_same": "Samma"}[op]
        records.append((ident, line(ident, note=note)))
    if side:
        _, added, notes, places, _ = side
        for ident, place in sorted(zip(added, places), key=lambda x: -x[1]):
            at = min(place, len(records))
            records.insert(at, (ident, line(ident, pledge="ungdomsfester", note=notes[ident])))
    lines = []
    for ident, text in records:
        if ident in comments:
            lines.append(f"  # om {ident}")
        lines.append(text)
    return with_activities(*lines), dict(records)


def expected(base, sides_records, base_records) -> dict[str, str]:
    """keep / drop / conflict per id, from the rule: added on either side is kept, removed
    on one side and untouched on the other is removed, changed differently on both sides
    (or removed on one and changed on the other, or added differently) is a conflict."""
    ours, theirs = sides_records
    verdict = {}
    for ident in set(base_records) | set(ours) | set(theirs):
        b, o, t = base_records.get(ident), ours.get(ident), theirs.get(ident)
        if o is not None and t is not None:
            verdict[ident] = ("keep", o) if o == t or t == b else ("keep", t) if o == b \
                else ("conflict", None)
        elif o is not None:
            verdict[ident] = ("keep", o) if b is None else ("drop", None) if o == b \
                else ("conflict", None)
        elif t is not None:
            verdict[ident] = ("keep", t) if b is None else ("drop", None) if t == b \
                else ("conflict", None)
        else:
            verdict[ident] = ("drop", None)
    return verdict


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_no_record_is_ever_lost_and_the_result_is_the_set_merge(history):
    base, comments, sides = history
    base_text, base_records = history_text(base, comments)
    texts, records = [], []
    for name in ("ours", "theirs"):
        text, found = history_text(base, comments, (*sides[name], name))
        texts.append(text)
        records.append(found)
    result = merge(base_text, texts[0], texts[1], "plans/2021.yaml")
    verdict = expected(base, records, base_records)

    outside: dict[str, list[str]] = {}
    inside: set[str] = set()
    in_conflict = False
    for text in result.text.splitlines():
        if text.startswith("<<<<<<<"):
            in_conflict = True
        elif text.startswith(">>>>>>>"):
            in_conflict = False
        for ident in re.findall(r"\bid: ([a-z0-9]{10})\b", text):
            (inside.add(ident) if in_conflict else outside.setdefault(ident, []).append(text))
    for ident, (what, record) in verdict.items():
        if what == "keep":
            assert outside.get(ident) == [record], (ident, result.text)
            assert ident not in inside
        elif what == "drop":
            assert ident not in outside and ident not in inside
        else:
            assert ident in inside and ident not in outside
    assert {c.key for c in result.conflicts} == {i for i, (w, _) in verdict.items()
                                                  if w == "conflict"}
    if not result.conflicts:
        assert valid(result.text)
        for ident in comments:  # a comment goes with its record
            assert (f"  # om {ident}" in result.text) == (verdict[ident][0] == "keep")


# --- the driver as git runs it ---------------------------------------------------------------


def driver_files(tmp_path: Path, base: str, ours: str, theirs: str,
                 encoding: str = "utf-8") -> list[Path]:
    paths = []
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        path = tmp_path / f".merge_file_{name}"
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        paths.append(path)
    return paths


def test_the_driver_leaves_a_clean_merge_in_ours_and_exits_0(cli, tmp_path):
    base = with_activities(line("aaaaaaaaaa"))
    ours = "\ufeff" + with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb"))  # a BOM
    theirs = with_activities(line("aaaaaaaaaa"), line("cccccccccc"))
    o, a, b = driver_files(tmp_path, base, ours, theirs)
    result = cli("merge", o, a, b, "plans/2021.yaml")
    assert result.exit_code == 0 and result.output == ""
    assert a.read_text(encoding="utf-8") == "\ufeff" + with_activities(
        line("aaaaaaaaaa"), line("bbbbbbbbbb"), line("cccccccccc"))


def test_the_driver_exits_1_and_names_each_conflict_with_its_line(cli, tmp_path):
    base = with_activities(line("aaaaaaaaaa"))
    o, a, b = driver_files(tmp_path, base, with_activities(line("aaaaaaaaaa", note="Vår")),
                           with_activities(line("aaaaaaaaaa", note="Deras")))
    result = cli("merge", o, a, b, "plans/2021.yaml", "--marker-size", "9")
    assert result.exit_code == 1
    merged = a.read_text(encoding="utf-8").splitlines()
    start = merged.index("<<<<<<<<< ours") + 1
    assert result.output.splitlines() == [
        (f"plans/2021.yaml:{start}:1: error: aktiviteten aaaaaaaaaa har ändrats på olika sätt "
         f"på båda sidorna (vår version rad {start + 1}, deras rad {start + 5}); behåll rätt "
         "version mellan markeringarna och ta bort markeringarna"),
        ("plans/2021.yaml: 1 konflikt(er) att lösa för hand, allt annat är sammanslaget; rätta "
         "filen, kör samverkan validate och sedan git add plans/2021.yaml")]
    english = cli("merge", o, a, b, "plans/2021.yaml", "--lang", "en")
    assert "was changed differently on both sides" not in english.output  # (a already merged)


def test_a_merge_that_makes_the_plan_invalid_is_left_for_a_person(cli, tmp_path):
    base = with_activities(line("aaaaaaaaaa"))
    ours = with_activities(line("aaaaaaaaaa"), line("bbbbbbbbbb", pledge="ungdomsfester"))
    pledge = PLAN[PLAN.index("  - id: ungdomsfester"):PLAN.index("\n# Aktiviteter")]
    theirs = with_activities(line("aaaaaaaaaa")).replace(pledge, "")  # the pledge removed
    o, a, b = driver_files(tmp_path, base, ours, theirs)
    result = cli("merge", o, a, b, "plans/2021.yaml")
    assert result.exit_code == 1
    assert "ungdomsfester" in result.output and ": error: " in result.output
    assert "den sammanslagna filen har fel som ingen av sidorna hade" in result.output
    merged = a.read_text(encoding="utf-8")
    assert "bbbbbbbbbb" in merged and "  - id: ungdomsfester" not in merged


def test_a_version_that_is_not_utf8_is_merged_line_by_line_as_git_would(cli, tmp_path):
    base = with_activities(line("aaaaaaaaaa")).encode("utf-8")
    ours = base.replace(b"(test)", b"(t\xe4st)")  # Latin-1
    theirs = base + line("cccccccccc").encode() + b"\n"
    o, a, b = driver_files(tmp_path, base, ours, theirs)
    result = cli("merge", o, a, b, "plans/2021.yaml")
    assert result.exit_code == 0
    assert "git:s vanliga sammanslagning rad för rad användes" in result.output
    assert a.read_bytes() == ours + line("cccccccccc").encode() + b"\n"


def test_an_unreadable_version_is_a_message_and_ours_is_left_as_it_was(cli, tmp_path):
    o, a, _ = driver_files(tmp_path, PLAN, PLAN, PLAN)
    result = cli("merge", o, a, tmp_path / "saknas", "plans/2021.yaml")
    assert result.exit_code == 2 and "finns inte" in result.output
    assert a.read_text(encoding="utf-8") == PLAN


@pytest.mark.slow
def test_a_whole_agreement_period_merges_in_seconds(tmp_path):
    """100,000 activities on each side, 50 new on each and an edit and a removal: the
    driver merges and checks the result in seconds, not minutes (loose bound: a busy
    machine)."""
    import time

    from samverkan.sync.driver import run_driver

    lines = [line(f"a{i:09d}", date=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}")
             for i in range(100_000)]
    base = with_activities(*lines)
    ours = base + "".join(line(f"o{i:09d}") + "\n" for i in range(50))
    theirs = (base.replace(lines[500] + "\n", "").replace(lines[9000],
                                                          line("a000009000", note="Rättad"))
              + "".join(line(f"t{i:09d}") + "\n" for i in range(50)))
    o, a, b = driver_files(tmp_path, base, ours, theirs)
    start = time.perf_counter()
    outcome = run_driver(o, a, b, "plans/2021.yaml")
    seconds = time.perf_counter() - start
    assert outcome.exit_code == 0 and outcome.problems == []
    merged = a.read_text(encoding="utf-8")
    found = ids(merged)
    assert len(found) == len(set(found)) == 100_000 - 1 + 100 and lines[500] not in merged
    assert "note: Rättad" in merged
    assert seconds < 60, seconds


def test_a_file_over_the_size_limit_is_merged_whole_by_git(tmp_path, monkeypatch):
    """The reader takes at most the size limit of a file; the driver never merges a file
    it has only read in part: git's line merge takes the whole files."""
    from samverkan.sync.driver import run_driver

    monkeypatch.setattr("samverkan.core.yamlfile.MAX_BYTES", 200)
    monkeypatch.setattr("samverkan.sync.driver.MAX_BYTES", 200)
    base = with_activities(line("aaaaaaaaaa"))
    o, a, b = driver_files(tmp_path, base, base + line("bbbbbbbbbb") + "\n",
                           base.replace("Ungdomsfester\n", "Ungdomsfester!\n"))
    outcome = run_driver(o, a, b, "plans/2021.yaml")
    assert outcome.exit_code == 0 and "git:s vanliga sammanslagning" in outcome.notes[0]
    assert a.read_text(encoding="utf-8") == with_activities(
        line("aaaaaaaaaa"), line("bbbbbbbbbb")).replace("Ungdomsfester\n", "Ungdomsfester!\n")
