"""Text edits of `writer`: lists grown, replaced and shrunk in the layouts people write."""

from __future__ import annotations

import textwrap

import pytest
from ruamel.yaml import YAML

from samverkan.core.writer import append_item, clear_list, remove_item, remove_key, replace_item
from samverkan.core.yamlfile import child_node


def doc(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def goal_node(text: str, index: int = 0):
    root = YAML(typ="safe").compose(text)
    return child_node(root, "goals")[1].value[index]


@pytest.mark.parametrize(("before", "after"), [
    # no list yet: it opens under the goal's last key
    ("""
     goals:
       - id: a
         baseline: null   # saknas
       - id: b
     """, """
     goals:
       - id: a
         baseline: null   # saknas
         measurements:
           - {year: 2021, value: 18}
       - id: b
     """),
    # an empty list
    ("""
     goals:
       - id: a
         measurements: []  # fylls i varje år
     """, """
     goals:
       - id: a
         measurements:  # fylls i varje år
           - {year: 2021, value: 18}
     """),
    # a block list with block entries and a comment
    ("""
     goals:
       - id: a
         measurements:
           # ANDTS
           - year: 2020
             value: 20
     """, """
     goals:
       - id: a
         measurements:
           # ANDTS
           - year: 2020
             value: 20
           - {year: 2021, value: 18}
     """),
    # a goal written as one flow mapping
    ("""
     goals:
       - {id: a, title: A}
     """, """
     goals:
       - {id: a, title: A, measurements: [{year: 2021, value: 18}]}
     """),
])
def test_append_item_in_every_layout(before, after):
    text = doc(before)
    assert append_item(text, goal_node(text), {"year": 2021, "value": 18.0},
                       "measurements") == doc(after)


def test_replace_item_keeps_a_trailing_comment_of_a_flow_entry():
    text = doc("""
        goals:
          - id: a
            measurements:
              - {year: 2021, value: 18}   # preliminärt
              - year: 2022
                value: 17
        """)
    seq = child_node(goal_node(text), "measurements")[1]
    once = replace_item(text, seq, 0, {"year": 2021, "value": 19.5})
    assert "  - {year: 2021, value: 19.5}   # preliminärt\n" in once
    twice = replace_item(once, child_node(goal_node(once), "measurements")[1], 1,
                         {"year": 2022, "value": 16})
    assert twice.endswith("      - {year: 2022, value: 16}\n")


def test_remove_item_and_clear_list_in_a_flow_list():
    text = "activities: [{id: a}, {id: b}, {id: c}]  # kvar\n"
    root = YAML(typ="safe").compose(text)
    key, seq = child_node(root, "activities")
    assert remove_item(text, key, seq, 1) == "activities: [{id: a}, {id: c}]  # kvar\n"
    assert remove_item(text, key, seq, 2) == "activities: [{id: a}, {id: b}]  # kvar\n"
    assert clear_list(text, key, seq) == "activities: []  # kvar\n"


def test_clear_list_of_a_null_value_and_remove_key():
    text = "activities:   # inga än\nyear: 2021\n"
    key, value = child_node(YAML(typ="safe").compose(text), "activities")
    assert clear_list(text, key, value) == "activities: []   # inga än\nyear: 2021\n"
    goals = doc("""
        goals:
          - id: a
            measurements:
              - {year: 2021, value: 1}
            title: A
        """)
    assert remove_key(goals, goal_node(goals), "measurements") == (
        "goals:\n  - id: a\n    title: A\n")


def test_measure_keeps_windows_line_endings_and_a_byte_order_mark(cli, plans):
    path = plans / "2021.yaml"
    original = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))
    result = cli("measure", "alkohol-ak9", "--year", "2021", "--value", "18", "--plan", path,
                 today="2022-01-10")
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert (b"        measurements:\r\n          - {year: 2021, value: 18, date: 2022-01-10}\r\n"
            in raw)
