"""The activities list is read item by item, to exactly what a whole YAML reading gives.

Every test here reads a plan twice, through its split (`read_plan`, items in the form
`log` writes read without YAML, other items through YAML one by one) and the whole file
through YAML (`quick=False`), and asserts the same problems, lines and columns, and
the same plan; and that `log`'s appending without reading the file again
(`with_appended`) gives the bytes and the plan a full reading of the new file gives.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.core.records import fields_of
from samverkan.core.writer import append_activity
from samverkan.core.yamlfile import flow_mapping, read_document
from samverkan.plan import lines
from samverkan.plan.model import Activity
from samverkan.plan.reader import PlanRead, read_plan, with_appended

HEAD = textwrap.dedent("""\
    # Åtagandeplan 2021 (för testerna)
    year: 2021
    language: sv
    focus_areas:
      - id: tryggare-centrum
        title: Tryggare centrum
        goals:
          - id: flickor-otrygghet
            title: Minska flickors otrygghet
            indicator: Andel flickor otrygga, %
            direction: decrease
            baseline: null
      - id: andt-unga
        title: ANDT unga
    pledges:
      - id: trygghetsvandringar
        title: Trygghetsvandringar
        focus_area: tryggare-centrum
        owner: gemensamt
        target:
          min: 5
          unit: vandringar
          requirements:
            - {tag: centrum, min: 1}
      - id: grannsamverkan
        title: Grannsamverkan
        focus_area: tryggare-centrum
        owner: gemensamt
        target: {min: 2, unit: områden, counting: places}
      - id: ungdomsfester
        title: Ungdomsfester
        focus_area: andt-unga
        owner: polis
        target: {min: 10, unit: kvällar}
      - id: nosspanare
        title: Nosspanare
        focus_area: andt-unga
        owner: polis
        target: null
      - id: ansvarsfull-alkoholservering
        title: Ansvarsfull alkoholservering
        focus_area: andt-unga
        owner: gemensamt
        target: {min: 3, unit: serveringsställen, counting: places}
      - id: ungdomsveckor
        title: Ungdomsveckor
        focus_area: andt-unga
        owner: polis
        target: {min: 2, unit: veckor}
    """)
SMALL_HEAD = """\
year: 2021
focus_areas:
  - id: centrum
    title: Tryggare centrum
pledges:
  - id: vandringar
    title: Trygghetsvandringar
    focus_area: centrum
    owner: gemensamt
    target: {min: 5, unit: vandringar}
  - id: lob-vittnesforhor
    title: Vittnesförhör
    focus_area: centrum
    owner: polis
    target: null
"""
LINES = [
    ("  - {id: a1f3k9x2qe, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum], "
     "by: polis, note: Kvällsvandring med boende}\n"),
    ("  - {id: b20c, pledge: grannsamverkan, date: 2021-04-01, place: Norrböle, "
     "tags: [flerbostadsomrade, helg]}\n"),
    ('  - {id: c3d4, pledge: ungdomsfester, date: 2021-05-07, count: 3, note: "Tre fester, '
     'lugnt: inga \\"problem\\" \\\\ alls"}\n'),
    "  - {pledge: nosspanare, date: 2021-06-01}\n",
    ('  - {id: d5e6, pledge: ansvarsfull-alkoholservering, date: 2021-06-02, place: "Café 2:an",'
     ' by: gemensamt, note: "Kontroll 🍺 #1"}\n'),
]
BLOCK = """\
  # skrivet för hand
  - id: e7f8
    pledge: nosspanare   # kommentar
    date: 2021-07-01
    tags:
      - centrum
    note: |
      Två rader
      text
"""


def read_both(text: str | bytes) -> tuple[PlanRead, PlanRead]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_plan(raw, "2021.yaml"), read_plan(raw, "2021.yaml", quick=False)


def assert_alike(quick: PlanRead, full: PlanRead) -> None:
    assert quick.problems == full.problems
    assert quick.valid == full.valid and quick.ok == full.ok
    assert quick.plan == full.plan


def test_the_lines_log_writes_are_read_without_yaml_and_alike() -> None:
    quick, full = read_both(HEAD + "activities:\n" + "".join(LINES))
    assert quick.layout is not None and full.layout is None
    assert full.ok and len(full.plan.activities) == len(LINES)
    assert_alike(quick, full)
    assert quick.plan.activities[2].note == 'Tre fester, lugnt: inga "problem" \\ alls'


def test_items_written_by_hand_among_them_are_read_alike_and_the_rest_stays_quick() -> None:
    text = HEAD + "activities:\n" + "".join(LINES[:2]) + BLOCK + "".join(LINES[2:])
    quick, full = read_both(text)
    assert quick.layout is not None, "one hand-written item must not send the file the long way"
    assert_alike(quick, full)
    assert quick.plan.activities[2].note == "Två rader\ntext\n"


def test_one_in_a_hundred_written_by_hand_with_comments_is_read_alike() -> None:
    rnd = random.Random(7)
    items = []
    for i in range(300):
        if rnd.random() < 0.01 or i == 150:
            items.append(f"  # för hand, nr {i}\n  - id: h{i:04d}\n    pledge: ungdomsfester\n"
                         f"    date: 2021-05-{1 + i % 28:02d}\n    count: 2\n")
        else:
            items.append(f"  - {{id: a{i:04d}, pledge: trygghetsvandringar, "
                         f"date: 2021-03-{1 + i % 28:02d}, place: Torget}}\n")
    quick, full = read_both(HEAD + "activities:\n" + "".join(items))
    assert quick.layout is not None and quick.ok
    assert_alike(quick, full)


@pytest.mark.parametrize("layout", [
    "crlf", "bom", "no final line break", "comments and blank lines", "indent 0", "indent 4",
    "key comment"])
def test_layouts_people_write_are_read_quickly_and_alike(layout: str) -> None:
    items = list(LINES)
    key = "activities:\n"
    end = ""
    if layout == "comments and blank lines":
        items.insert(2, "\n  # mars: två vandringar\n")
        end = "\n# slut på listan\n\n"
    elif layout == "indent 0":
        items = [line[2:] for line in items]
    elif layout == "indent 4":
        items = ["  " + line for line in items]
    elif layout == "key comment":
        key = "activities:   # registreras med samverkan log\n"
    text = HEAD + key + "".join(items) + end
    if layout == "no final line break":
        text = text.rstrip("\n")
    raw = text.encode("utf-8")
    if layout == "crlf":
        raw = text.replace("\n", "\r\n").encode("utf-8")
    elif layout == "bom":
        raw = b"\xef\xbb\xbf" + raw
    quick, full = read_both(raw)
    assert quick.layout is not None
    assert_alike(quick, full)


@pytest.mark.parametrize("body", [
    "activities:\n  - id: a1f3\n    pledge: nosspanare\n    date: 2021-03-18\n",  # block style
    "activities:\n  - {id: a1f3, pledge: nosspanare,\n     date: 2021-03-18}\n",  # two lines
    "activities:\n  - {pledge: nosspanare, id: a1f3, date: 2021-03-18}\n",  # another order
    "activities: []\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\nnotes: x\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}  # kommentar\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: yes}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: null}\n",
    ("activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n"
     "    - {id: b1f3, pledge: nosspanare, date: 2021-03-19}\n"),  # another indentation
    "activities:\n\t- {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\r  # CR alone\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\nactivities:\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, count: 0}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-02-30}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-13-01}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2020-12-31}\n",
    "activities:\n  - {id: a1f3, pledge: okänt-löfte, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: okant, date: 2021-03-18}\n",
    ("activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n"
     "  - {id: a1f3, pledge: nosspanare, date: 2021-03-19}\n"),
    "activities:\n  - {id: 1234, pledge: nosspanare, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, tags: []}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, by: alla}\n",
    'activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: ""}\n',
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: Ring 811218-9876}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: \"a\\tb\"}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: \"811218\\x2d9876\"}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: \"\\e[2J\"}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, count: 0x10}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n<<<<<<< HEAD\n",
    "activities:\n  - id: a1f3\n    pledge: nosspanare\n    date: 2021-03-18\n    pledge: x\n",
    "activities:\n  - &a {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n  - *a\n",
    "activities:\n  - id: a1f3\n  pledge: nosspanare\n",  # mis-indented
    "activities:\n  -\n    id: a1f3\n    pledge: nosspanare\n    date: 2021-03-18\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n---\n",
])
def test_anything_else_is_read_with_the_same_problems(body: str) -> None:
    quick, full = read_both(HEAD + body)
    assert_alike(quick, full)


@pytest.mark.parametrize("head_change", [
    ("    focus_area: andt-unga\n", "    focus_area: okänt-område\n"),  # unknown focus area
    ("    title: Ungdomsveckor\n", ""),  # missing title
    ("year: 2021\n", "year: 2021\nyear: 2021\n"),  # duplicate key
    ("language: sv\n", "language: sv\nextra: 1\n"),  # unknown key
    ("        baseline: null\n", "        baseline: {year: 2020, value: .nan}\n"),
])
def test_problems_before_the_activities_are_placed_alike(head_change: tuple[str, str]) -> None:
    head = HEAD.replace(*head_change, 1)
    assert head != HEAD
    quick, full = read_both(head + "activities:\n" + "".join(LINES))
    assert quick.problems
    assert_alike(quick, full)


# --- any activity log could write ------------------------------------------------------

TRICKY = ["yes", "No", "null", "NULL", "~", "true", "inf", ".inf", "nan", "1e5", "0x1f",
          "2021-03-18", "12:30", "a: b", "a #b", "a, b", "[a]", "{a}", "&a", "*a", "!a",
          "'a'", '"a"', "a\\b", "-a", "- a", "? a", "a  b", " a", "a ", "Café", "ÅÄÖ åäö",
          "😀", "a\u00a0b", "a\u2028b", "a\x85b", "\ufeffa", "a'b", "a/b", "a&b", "(a)"]
texts = st.one_of(st.sampled_from(TRICKY),
                  st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20))
slugs = st.from_regex(r"\A[a-z][a-z0-9-]{0,12}\Z")
items = st.fixed_dictionaries(
    {"pledge": st.sampled_from(["vandringar", "lob-vittnesforhor"]),
     "date": st.dates(dt.date(2021, 1, 1), dt.date(2021, 12, 31))},
    optional={"id": st.from_regex(r"\A[a-z0-9]{2,16}\Z"), "count": st.integers(2, 10**9),
              "place": texts, "tags": st.lists(slugs, min_size=1, max_size=3),
              "by": st.sampled_from(["polis", "kommun", "gemensamt"]), "note": texts})
KEYS = tuple(fields_of(Activity))


def _line(item: dict) -> str:
    ordered = {key: item[key] for key in KEYS if key in item}
    return f"  - {flow_mapping(ordered)}\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, min_size=1, max_size=4))
def test_any_logged_activity_is_read_alike(logged: list[dict]) -> None:
    quick, full = read_both(SMALL_HEAD + "activities:\n" + "".join(map(_line, logged)))
    assert_alike(quick, full)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(string.printable + "åäö{}[]:,#-\"'\\", max_size=60))
def test_any_line_among_the_activities_is_read_alike(noise: str) -> None:
    quick, full = read_both(SMALL_HEAD + "activities:\n" + _line(
        {"pledge": "vandringar", "date": dt.date(2021, 3, 1)}) + noise + "\n")
    assert_alike(quick, full)


@pytest.mark.parametrize("comment", ["#\x0c", "# färg \x1b[31m", "#\x7f", "# tab\there"])
def test_a_control_character_in_a_comment_among_the_activities_is_read_alike(
        comment: str) -> None:
    """YAML refuses a control character (but a tab) in a comment, so the quick reading
    must too (found by the property above: a form feed after `#`)."""
    line = _line({"pledge": "vandringar", "date": dt.date(2021, 3, 1)})
    for text in (SMALL_HEAD + "activities:\n" + line + comment + "\n",
                 SMALL_HEAD + "activities: " + comment + "\n" + line):
        quick, full = read_both(text)
        assert_alike(quick, full)
        assert bool(quick.problems) == ("\t" not in comment)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(items, st.booleans()), min_size=1, max_size=5))
def test_any_mix_of_line_and_block_items_is_read_alike(logged: list) -> None:
    body = []
    for item, by_hand in logged:
        ordered = {key: item[key] for key in KEYS if key in item}
        if by_hand:
            body.append("  # för hand\n  -\n" + "".join(
                f"    {key}: {flow_mapping({key: value})[1:-1].split(': ', 1)[1]}\n"
                for key, value in ordered.items()))
        else:
            body.append(_line(item))
    quick, full = read_both(SMALL_HEAD + "activities:\n" + "".join(body))
    assert_alike(quick, full)


# --- appending, as log does ------------------------------------------------------------


@pytest.mark.parametrize("layout", ["plain", "crlf", "bom", "no final line break",
                                    "comments after", "indent 0", "block item last"])
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(item=items)
def test_appending_writes_and_knows_what_a_full_reading_would(layout: str, item: dict) -> None:
    first = [_line({"id": "a001", "pledge": "vandringar", "date": dt.date(2021, 2, 1)})]
    if layout == "indent 0":
        first = [line[2:] for line in first]
    if layout == "block item last":
        first.append("  - pledge: vandringar\n    date: 2021-02-02  # för hand\n")
    text = SMALL_HEAD + "activities:\n" + "".join(first)
    text += {"comments after": "\n# slut\n", "no final line break": ""}.get(layout, "")
    text = text.rstrip("\n") if layout == "no final line break" else text
    raw = text.replace("\n", "\r\n").encode() if layout == "crlf" else text.encode()
    if layout == "bom":
        raw = b"\xef\xbb\xbf" + raw
    activity = Activity(**{**item, "id": item.get("id", "b002") + "x",
                           "tags": tuple(item.get("tags", ()))})
    before = read_plan(raw, "2021.yaml")
    appended = with_appended(before, activity)
    item_dict = lines.activity_item(activity)
    by_tree = append_activity(before.text, read_document(raw, "2021.yaml").root, item_dict)
    expected = (b"\xef\xbb\xbf" if layout == "bom" else b"") + by_tree.encode("utf-8")
    if appended is None:  # a value the line form does not take: log then reads the whole file
        assert lines.read_line(lines.activity_line(activity, "  ")) != activity
        return
    new, after = appended
    assert new == expected
    assert_alike(after, read_plan(new, "2021.yaml", quick=False))
    assert after.layout == read_plan(new, "2021.yaml").layout


def test_the_line_form_is_made_from_the_activity_model() -> None:
    """The line form takes its rules from `plan.model`: a model change changes the form."""
    from samverkan.plan import model

    assert lines._bare(model.ACTIVITY_ID.pattern) in lines._ITEM
    assert lines._bare(model.SLUG.pattern) in lines._ITEM
    assert "|".join(model.OWNERS).encode() in lines._ITEM
    assert KEYS == ("id", "pledge", "date", "count", "place", "tags", "by", "note")
