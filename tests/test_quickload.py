"""Activities in the form `log` writes them are read without YAML, to the same result.

Every test here reads a plan twice, the quick way (`load_plan_bytes`) and the whole file
through YAML (`quick=False`), and asserts the same problems, lines and columns, plan
and activities; and that `log`'s appending without reading the file again writes the
same bytes and knows the same plan as appending through the node tree.
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.plan.reader import LoadedPlan, append_strict, load_plan_bytes
from samverkan.plan.model import Activity
from samverkan.plan.lines import KEYS
from samverkan.core.writer import append_activity, flow_mapping

SHIPPED_PLANS = Path(__file__).resolve().parent.parent / "plans"

SHIPPED = (SHIPPED_PLANS / "2021.yaml").read_text(encoding="utf-8")
HEAD = SHIPPED[: SHIPPED.rindex("activities: []")]
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
    "  - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum], by: polis, "
    "note: Kvällsvandring med boende}\n",
    "  - {id: b20c, pledge: grannsamverkan, date: 2021-04-01, place: Norrböle, "
    "tags: [flerbostadsomrade, helg]}\n",
    '  - {id: c3d4, pledge: ungdomsfester, date: 2021-05-07, count: 3, note: "Tre fester, '
    'lugnt: inga \\"problem\\" \\\\ alls"}\n',
    "  - {pledge: nosspanare, date: 2021-06-01}\n",
    '  - {id: d5e6, pledge: ansvarsfull-alkoholservering, date: 2021-06-02, place: "Café 2:an",'
    ' by: gemensamt, note: "Kontroll 🍺 #1"}\n',
]


def read_both(text: str | bytes) -> tuple[LoadedPlan, LoadedPlan]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_plan_bytes(raw, "2021.yaml"), load_plan_bytes(raw, "2021.yaml", quick=False)


def assert_alike(quick: LoadedPlan, full: LoadedPlan) -> None:
    assert quick.problems == full.problems
    assert quick.valid == full.valid and quick.ok == full.ok
    assert quick.plan == full.plan
    assert quick.records == full.records
    assert quick.outline == full.outline


def test_the_lines_log_writes_are_read_quickly_and_alike() -> None:
    quick, full = read_both(HEAD + "activities:\n" + "".join(LINES))
    assert quick.strict is not None and full.strict is None
    assert full.ok and len(full.plan.activities) == len(LINES)
    assert_alike(quick, full)
    assert quick.records[2].note == 'Tre fester, lugnt: inga "problem" \\ alls'


@pytest.mark.parametrize("layout", [
    "crlf", "bom", "no final line break", "comments and blank lines", "indent 0", "indent 4",
    "key comment"])
def test_layouts_people_write_are_read_quickly_and_alike(layout: str) -> None:
    lines = list(LINES)
    key = "activities:\n"
    end = ""
    if layout == "comments and blank lines":
        lines.insert(2, "\n  # mars: två vandringar\n")
        end = "\n# slut på listan\n\n"
    elif layout == "indent 0":
        lines = [line[2:] for line in lines]
    elif layout == "indent 4":
        lines = ["  " + line for line in lines]
    elif layout == "key comment":
        key = "activities:   # registreras med samverkan log\n"
    text = HEAD + key + "".join(lines) + end
    if layout == "no final line break":
        text = text.rstrip("\n")
    raw = text.encode("utf-8")
    if layout == "crlf":
        raw = text.replace("\n", "\r\n").encode("utf-8")
    elif layout == "bom":
        raw = b"\xef\xbb\xbf" + raw
    quick, full = read_both(raw)
    assert quick.strict is not None
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
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n"
    "    - {id: b1f3, pledge: nosspanare, date: 2021-03-19}\n",  # another indentation
    "activities:\n\t- {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\r  # CR alone\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\nactivities:\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, count: 0}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-02-30}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2020-12-31}\n",
    "activities:\n  - {id: a1f3, pledge: okänt-löfte, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: okant, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n"
    "  - {id: a1f3, pledge: nosspanare, date: 2021-03-19}\n",
    "activities:\n  - {id: 1234, pledge: nosspanare, date: 2021-03-18}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, tags: []}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, by: alla}\n",
    'activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: ""}\n',
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: Ring 811218-9876}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18, note: \"a\\tb\"}\n",
    "activities:\n  - {id: a1f3, pledge: nosspanare, date: 2021-03-18}\n<<<<<<< HEAD\n",
])
def test_anything_else_reads_the_whole_file_with_the_same_problems(body: str) -> None:
    quick, full = read_both(HEAD + body)
    assert_alike(quick, full)


@pytest.mark.parametrize("head_change", [
    ("    focus_area: andt-unga\n", "    focus_area: okänt-område\n"),  # unknown focus area
    ("    title: Ungdomsveckor\n", ""),  # missing title
    ("year: 2021\n", "year: 2021\nyear: 2021\n"),  # duplicate key
    ("language: sv\n", "language: sv\nextra: 1\n"),  # unknown key
])
def test_problems_before_the_activities_are_placed_alike(head_change: tuple[str, str]) -> None:
    head = HEAD.replace(*head_change, 1)
    assert head != HEAD
    quick, full = read_both(head + "activities:\n" + "".join(LINES))
    assert quick.strict is not None
    assert quick.problems and not quick.ok
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
    optional={"id": st.from_regex(r"\A[a-f][0-9a-f]{3,6}\Z"), "count": st.integers(2, 10**9),
              "place": texts, "tags": st.lists(slugs, min_size=1, max_size=3),
              "by": st.sampled_from(["polis", "kommun", "gemensamt"]), "note": texts})


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


# --- appending, as log does ------------------------------------------------------------


@pytest.mark.parametrize("layout", ["plain", "crlf", "bom", "no final line break",
                                    "comments after", "indent 0"])
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(item=items)
def test_appending_quickly_writes_and_knows_what_a_full_reading_would(layout: str,
                                                                      item: dict) -> None:
    lines = [_line({"id": "a001", "pledge": "vandringar", "date": dt.date(2021, 2, 1)})]
    if layout == "indent 0":
        lines = [line[2:] for line in lines]
    text = SMALL_HEAD + "activities:\n" + "".join(lines)
    text += {"comments after": "\n# slut\n", "no final line break": ""}.get(layout, "")
    text = text.rstrip("\n") if layout == "no final line break" else text
    raw = text.replace("\n", "\r\n").encode() if layout == "crlf" else text.encode()
    if layout == "bom":
        raw = b"\xef\xbb\xbf" + raw
    item = {key: item[key] for key in KEYS if key in item} | {"id": item.get("id", "b002")}
    before = load_plan_bytes(raw, "2021.yaml")
    appended = append_strict(before, item)
    full_before = load_plan_bytes(raw, "2021.yaml", quick=False)
    by_tree = append_activity(full_before.text, full_before.root, item)
    expected = (b"\xef\xbb\xbf" if layout == "bom" else b"") + by_tree.encode("utf-8")
    if appended is None:  # a value quickload does not take: log then reads the whole file
        assert load_plan_bytes(expected, "2021.yaml").strict is None or not full_before.ok
        return
    new, after = appended
    assert new == expected
    full_after = load_plan_bytes(new, "2021.yaml", quick=False)
    assert_alike(after, full_after)
    quick_after = load_plan_bytes(new, "2021.yaml")
    assert after.strict.state() == quick_after.strict.state()


def test_the_quick_form_is_made_for_this_activity_model() -> None:
    """quickload.ITEM accepts only values `Activity` accepts; if the model changes, change
    the grammar in samverkan/quickload.py with it, then this test."""
    assert tuple(Activity.model_fields) == KEYS
    schema = Activity.model_json_schema()["properties"]
    assert schema["id"]["anyOf"][0] == {"pattern": "^[a-z0-9]{2,16}$", "type": "string"}
    assert schema["pledge"] == {"maxLength": 80, "pattern": "^[a-z0-9][a-z0-9-]*$",
                                "title": "Pledge", "type": "string"}
    assert schema["count"] == {"default": 1, "minimum": 1, "title": "Count", "type": "integer"}
    for text in ("place", "note"):
        assert schema[text]["anyOf"][0] == {"maxLength": 2000, "minLength": 1, "type": "string"}
    assert schema["by"]["anyOf"][0]["enum"] == ["polis", "kommun", "gemensamt"]
    assert not Activity.__pydantic_decorators__.model_validators
    assert set(Activity.__pydantic_decorators__.field_validators) == set()


any_items = st.fixed_dictionaries(
    {"pledge": st.sampled_from(["vandringar", "lob-vittnesforhor", "okänt"]),
     "date": st.dates(dt.date(2020, 12, 1), dt.date(2022, 1, 31))},
    optional={"id": st.sampled_from(["a001", "a002", "b003"]), "count": st.integers(1, 3),
              "tags": st.lists(slugs, max_size=2)})


@settings(max_examples=80, deadline=None)
@given(st.lists(any_items, max_size=6), items)
def test_checks_said_unchanged_by_appending_are_unchanged(before: list[dict],
                                                          appended: dict) -> None:
    """The promise of `checks.UNCHANGED_BY_APPENDING`, on which log's appending relies:
    an activity with a new id, a pledge of the plan and a date in its year changes none
    of their findings, whatever the record held before (duplicates, unknown pledges…)."""
    from samverkan.plan import checks
    from samverkan.plan.reader import _yaml

    data = _yaml().load(SMALL_HEAD + "activities:\n" + "".join(map(_line, before)))
    appended = appended | {"id": "f999"}
    after = dict(data, activities=[*(data["activities"] or []), appended])
    for check in checks.UNCHANGED_BY_APPENDING:
        assert list(check(after)) == list(check(data)), check.__name__
