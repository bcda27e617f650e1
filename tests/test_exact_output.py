"""The whole output of `status`, `validate` and `log`, compared with what a user should see.

Each expected text is written out here from the plan above it (sqlite-utils style): the
pace, the counts and the statuses are worked out by hand from the contract's rules, so a
change to any line of the output, its layout or its numbers shows up as a failed test.
Output is plain: the CLI runner is not a terminal (lines at most 100 columns).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

# A plan year with one pledge in each state on 2021-06-30 (the `cli` fixture's today). The
# period is the whole year, 365 days; on 2021-06-30 181 of them have passed, so a target
# of N expects floor(N × 181 / 365) by then.
FIVE_STATES = """\
    year: 2021
    language: sv

    focus_areas:
      - id: centrum
        title: Tryggare centrum

    pledges:
      # 2 of 2 done: met.
      - id: vandringar
        title: Trygghetsvandringar
        focus_area: centrum
        owner: gemensamt
        target:
          min: 2
          unit: vandringar
      # Distinct places: Krogen and krogen are one, Baren another: 2; expected
      # floor(4 × 181 / 365) = 1: on track.
      - id: servering
        title: Tillsyn av servering
        focus_area: centrum
        owner: kommun
        target:
          min: 4
          unit: serveringsställen
          counting: places
      # Distinct dates: two activities on 5 March are one evening: 2; expected
      # floor(10 × 181 / 365) = 4: behind.
      - id: fester
        title: Insatser mot ungdomsfester
        focus_area: centrum
        owner: polis
        target:
          min: 10
          unit: kvällar
          counting: dates
      # Due 31 May with 1 of 3: missed.
      - id: kampanj
        title: Vårkampanj
        focus_area: centrum
        owner: gemensamt
        target:
          min: 3
          unit: kampanjdagar
          due: 2021-05-31
      # No target: untracked, 3 recorded.
      - id: foraldramoten
        title: Information vid föräldramöten
        focus_area: centrum
        owner: kommun
        target: null

    activities:
      - {id: a1, pledge: vandringar, date: 2021-03-18}
      - {id: a2, pledge: vandringar, date: 2021-04-02}
      - {id: a3, pledge: servering, date: 2021-02-05, place: Krogen}
      - {id: a4, pledge: servering, date: 2021-02-12, place: 'krogen '}
      - {id: a5, pledge: servering, date: 2021-05-01, place: Baren}
      - {id: a6, pledge: fester, date: 2021-03-05}
      - {id: a7, pledge: fester, date: 2021-03-05}
      - {id: a8, pledge: fester, date: 2021-06-12}
      - {id: a9, pledge: kampanj, date: 2021-04-10}
      - {id: b1, pledge: foraldramoten, date: 2021-03-02, count: 3}
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder, so that outputs name files as `2021.yaml`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, text: str, name: str = "2021.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- status ----------------------------------------------------------------------------

def test_status_table_shows_each_state_the_pace_and_the_advice(cli, here):
    write(here, FIVE_STATES)
    result = cli("status", "--plan", "2021.yaml")
    assert result.exit_code == 0, result.output
    # servering: 2 more needed by 31 December (184 days after 30 June); the third is
    # expected on the day floor(4 × days / 365) reaches 3: day 274, 1 October.
    # fester: 8 more; already behind, so the next one is needed now. (Lines of advice wrap
    # at 100 columns, the width of a pipe.)
    assert result.stdout == textwrap.dedent("""\
        Lägesbild 2021, per 2021-06-30 (2021.yaml)

        Löfte                          Ansvar     Utfört  Förväntat  Senast      Status
        -----------------------------  ---------  ------  ---------  ----------  --------
        Trygghetsvandringar            gemensamt  2/2     0          2021-12-31  uppfyllt
        Tillsyn av servering           kommun     2/4     1          2021-12-31  i fas
        Insatser mot ungdomsfester     polis      2/10    4          2021-12-31  efter
        Vårkampanj                     gemensamt  1/3     3          2021-05-31  missat
        Information vid föräldramöten  kommun     3       –          2021-12-31  utan mål

        Summering: 1 uppfyllt, 1 i fas, 1 efter, 1 missat, 1 utan mål

        - Tillsyn av servering: 2 till senast 2021-12-31 (om 184 dagar); nästa senast 2021-10-01 för att
          hålla takten
        - Insatser mot ungdomsfester: 8 till senast 2021-12-31 (om 184 dagar); efter takten, nästa behövs
          redan nu
        """)


def test_status_csv_is_one_row_per_pledge_for_excel(cli, here):
    write(here, FIVE_STATES)
    result = cli("status", "--plan", "2021.yaml", "--format", "csv")
    assert result.exit_code == 0, result.output
    # UTF-8 with a byte-order mark and CRLF (Excel); `;` between the fields.
    header = ("id;title;focus_area;owner;unit;counting;target;done;expected;due;status;"
              "requirements;needed;next_due;status_text;decided;next_planned;not_done")
    rows = [
        ("vandringar;Trygghetsvandringar;centrum;gemensamt;vandringar;sum;2;2;0;2021-12-31;"
         "met;;0;;uppfyllt;;;"),
        ("servering;Tillsyn av servering;centrum;kommun;serveringsställen;places;4;2;1;"
         "2021-12-31;on_track;;2;2021-10-01;i fas;;;"),
        ("fester;Insatser mot ungdomsfester;centrum;polis;kvällar;dates;10;2;4;2021-12-31;"
         "behind;;8;2021-06-30;efter;;;"),
        ("kampanj;Vårkampanj;centrum;gemensamt;kampanjdagar;sum;3;1;3;2021-05-31;missed;;2;;"
         "missat;;;"),
        ("foraldramoten;Information vid föräldramöten;centrum;kommun;;sum;;3;;2021-12-31;"
         "untracked;;;;utan mål;;;"),
    ]
    # (the bytes: the runner's `stdout` turns CRLF into LF)
    assert result.stdout_bytes == ("\ufeff" + "".join(line + "\r\n" for line in [header, *rows])
                                   ).encode("utf-8")


def test_status_json_is_the_contract(cli, here):
    write(here, """\
        year: 2021
        language: sv
        focus_areas:
          - id: centrum
            title: Tryggare centrum
            goals:
              - id: trygghet
                title: Öka tryggheten i centrum
                indicator: Andel som känner sig trygga i centrum, %
                direction: increase
                baseline:
                  year: 2020
                  value: 60.0
        pledges:
          - id: vandringar
            title: Trygghetsvandringar
            focus_area: centrum
            owner: gemensamt
            target:
              min: 4
              unit: vandringar
              requirements:
                - tag: centrum
                  min: 1
          - id: foraldramoten
            title: Information vid föräldramöten
            focus_area: centrum
            owner: kommun
            target: null
        activities:
          - {id: a1, pledge: vandringar, date: 2021-03-18, tags: [centrum]}
          - {id: a2, pledge: vandringar, date: 2021-04-02}
          - {id: a3, pledge: foraldramoten, date: 2021-03-02, count: 3}
        """)
    result = cli("status", "--plan", "2021.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    # vandringar: 2 of 4, expected floor(4 × 181 / 365) = 1, centrum 1 of 1 (expected 0):
    # on track; 2 more needed, the third by 1 October (day 274 of 365).
    assert result.stdout == textwrap.dedent("""\
        {
          "plan": "2021.yaml",
          "year": 2021,
          "as_of": "2021-06-30",
          "pledges": [
            {
              "id": "vandringar",
              "title": "Trygghetsvandringar",
              "focus_area": "centrum",
              "owner": "gemensamt",
              "unit": "vandringar",
              "counting": "sum",
              "target": 4,
              "done": 2,
              "expected": 1,
              "start": "2021-01-01",
              "due": "2021-12-31",
              "status": "on_track",
              "requirements": [
                {
                  "tag": "centrum",
                  "target": 1,
                  "done": 1,
                  "met": true
                }
              ],
              "tag_titles": {
                "centrum": "centrum"
              },
              "needed": 2,
              "next_due": "2021-10-01",
              "concept": null,
              "origin": {
                "source": null,
                "decided": null,
                "by_value": {
                  "owner": null,
                  "focus_area": null,
                  "target": null
                }
              },
              "planned": [],
              "next_planned": null
            },
            {
              "id": "foraldramoten",
              "title": "Information vid föräldramöten",
              "focus_area": "centrum",
              "owner": "kommun",
              "unit": null,
              "counting": "sum",
              "target": null,
              "done": 3,
              "expected": null,
              "start": "2021-01-01",
              "due": "2021-12-31",
              "status": "untracked",
              "requirements": [],
              "tag_titles": {},
              "needed": null,
              "next_due": null,
              "concept": null,
              "origin": {
                "source": null,
                "decided": null,
                "by_value": {
                  "owner": null,
                  "focus_area": null,
                  "target": null
                }
              },
              "planned": [],
              "next_planned": null
            }
          ],
          "goals": [
            {
              "id": "trygghet",
              "title": "Öka tryggheten i centrum",
              "focus_area": "centrum",
              "indicator": "Andel som känner sig trygga i centrum, %",
              "direction": "increase",
              "baseline": {
                "year": 2020,
                "value": 60.0
              },
              "measurements": [],
              "latest": null,
              "status": "no_data",
              "origin": {
                "source": null,
                "decided": null,
                "by_value": {
                  "indicator": null,
                  "direction": null,
                  "baseline": null
                }
              }
            }
          ],
          "summary": {
            "met": 0,
            "on_track": 1,
            "behind": 0,
            "missed": 0,
            "untracked": 1
          }
        }
        """)


# --- validate --------------------------------------------------------------------------

def test_validate_prints_each_problem_at_its_place_and_a_summary(cli, here):
    write(here, """\
        year: 2021
        focus_areas:
          - id: centrum
            title: Tryggare centrum
            goals:
              - id: trygghet
                title: Öka tryggheten i centrum
                indicator: Andel som känner sig trygga i centrum, %
                direction: increase
                baseline: null
        pledges:
          - id: vandringar
            title: Trygghetsvandringar
            focus_area: centrum
            owner: polisen
            target:
              min: 2
              unit: vandringar
          - id: fester
            title: Insatser mot ungdomsfester
            focus_area: centrum
            owner: polis
            target:
              min: 10
              unit: kvällar
              counting: dates
        activities:
          - {id: a1, pledge: vandring, date: 2021-03-18}
          - {id: a2, pledge: fester, date: 2020-12-31}
          - {id: a3, pledge: fester, date: 2021-03-05, count: 2}
        """)
    result = cli("validate", "2021.yaml")
    assert result.exit_code == 1
    # Lines: 10 `baseline: null`, 15 `owner: polisen` (the value at column 12), 28–30 the
    # activities (`vandring` at column 22, the date 2020-12-31 at column 36).
    assert result.stdout == textwrap.dedent("""\
        2021.yaml:10:9: warning: målet 'trygghet' saknar baseline; fyll i den när underlaget ger en siffra
        2021.yaml:15:12: error: 'owner' ska vara en av: polis, kommun eller gemensamt; menade du 'polis'?
        2021.yaml:28:22: error: aktiviteten anger okänt löfte 'vandring'; menade du 'vandringar'?
        2021.yaml:29:36: error: datumet 2020-12-31 ligger utanför planåret 2021
        2021.yaml:30:5: warning: löftet 'fester' räknas i olika dagar, så count: 2 räknas som en dag; registrera varje dag för sig
        """)
    assert result.stderr == "1 fil kontrollerad: 3 fel, 2 varningar\n"


def test_validate_a_clean_plan_says_so(cli, here):
    write(here, FIVE_STATES)
    result = cli("validate", "2021.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "1 fil kontrollerad: inga fel, 0 varningar\n")


# --- log -------------------------------------------------------------------------------

LOG_PLAN = """\
    # Åtagandeplan 2021 (a comment the group wrote: it stays)
    year: 2021
    focus_areas:
      - id: centrum
        title: Tryggare centrum
    pledges:
      - id: vandringar
        title: Trygghetsvandringar
        focus_area: centrum
        owner: gemensamt
        target:
          min: 2
          unit: vandringar
    activities:
      # the first walk of the year
      - {id: a1, pledge: vandringar, date: 2021-03-18}
"""


def test_log_confirms_shows_progress_and_appends_one_line(cli, here, monkeypatch):
    from samverkan.followup import log

    monkeypatch.setattr(log, "new_id", lambda taken=frozenset(): "k7q2m9x4pa")
    path = write(here / "plans", LOG_PLAN)
    before = path.read_bytes()
    result = cli("log", "vandringar", "--date", "2021-06-01", "--place", "Stadsparken",
                 "--plans-dir", "plans")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Sparat k7q2m9x4pa i plans/2021.yaml.\n"
                             "Trygghetsvandringar: 2/2 vandringar (uppfyllt)\n")
    assert result.stderr == ""
    assert path.read_bytes() == before + (
        b"  - {id: k7q2m9x4pa, pledge: vandringar, date: 2021-06-01, place: Stadsparken}\n")


def test_log_refused_says_why_and_leaves_the_file_as_it_was(cli, here):
    path = write(here / "plans", LOG_PLAN)
    before = path.read_bytes()
    result = cli("log", "vandring", "--date", "2021-06-01", "--plans-dir", "plans")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("fel: okänt löfte 'vandring'; menade du 'vandringar'?\n")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["2021.yaml"]


def test_log_refuses_a_tag_longer_than_a_file_allows_before_writing(cli, here):
    """The one slug rule (`core.ids.SLUG`, at most 80 characters) holds for `--tag` too: a
    longer tag is a usage error (exit 2), not a write that fails on reading back."""
    path = write(here / "plans", LOG_PLAN)
    before = path.read_bytes()
    tag = "-".join(["trygghetsvandring"] * 5)  # 89 characters
    result = cli("log", "vandringar", "--date", "2021-06-01", "--tag", tag,
                 "--plans-dir", "plans")
    assert result.exit_code == 2
    assert result.stdout == ""
    # the suggestion is one the rule accepts: cut at a hyphen within 80 characters
    assert result.stderr == (
        f"fel: taggen '{tag}' ska bestå av små bokstäver a–z, siffror och bindestreck, högst 80 "
        f"tecken; skriv t.ex. '{'-'.join(['trygghetsvandring'] * 4)}'\n")
    assert path.read_bytes() == before
