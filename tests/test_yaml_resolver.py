"""The plan reader resolves plain values with ruamel.yaml's plain YAML 1.2 resolver
(`core/yamlfile._resolver`), not with the versioned one `typ="safe"` brings, which costs
more per value. A value must read as the same kind (text, number, date, true/false, null)
either way."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from samverkan.core.yamlfile import yaml_loader

TRICKY = ["yes", "No", "on", "OFF", "y", "~", "null", "Null", "NULL", "true", "True", "FALSE",
          "0o17", "017", "0x1F", "1_000", "1e3", "1.5e-3", ".5", "-.inf", ".NaN", "1:30",
          "190:20:30", "2021-03-01", "2021-3-1", "2021-03-01 10:00", "2021-03-01T10:00:00Z",
          "+12", "-0", "0.", "12e", "=", "<<", "!x", "&a", "*a", "1,5", "12 kr", ""]


def tags(text: str) -> tuple[str, str]:
    ours = yaml_loader().compose(text)
    theirs = YAML(typ="safe").compose(text)
    return (ours.value[0][1].tag, theirs.value[0][1].tag)


@pytest.mark.parametrize("value", TRICKY)
def test_a_tricky_value_reads_as_the_same_kind(value: str) -> None:
    if value[:1] in ("!", "&", "*"):
        value = f"'{value}'"  # (a tag, anchor or alias is no plain value)
    ours, theirs = tags(f"key: {value}\n")
    assert ours == theirs


@settings(max_examples=300, deadline=None)
@given(st.text(string.digits + "+-._:eE oOxXtTrRuUfFaAlLsSnN~", min_size=1, max_size=12))
def test_any_plain_value_reads_as_the_same_kind(value: str) -> None:
    text = f"key: '{value}'\n" if value.strip() != value or not value.strip() else (
        f"key: {value}\n")
    try:
        theirs = YAML(typ="safe").compose(text)
    except YAMLError:  # (not a plain value YAML takes: nothing to compare)
        return
    assert yaml_loader().compose(text).value[0][1].tag == theirs.value[0][1].tag
