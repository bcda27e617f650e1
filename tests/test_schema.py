"""The plan file's JSON Schema, for editors: generated, committed, and true to the model."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from ruamel.yaml import YAML
from snapshot import FIXTURES, PLANS

from samverkan.plan.schema import FIELDS, MODELS, plan_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schema" / "plan.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/plan.schema.json"


def as_editor_sees(text: str) -> object:
    """The YAML as an editor's schema check sees it: dates are plain strings."""

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return plain(YAML(typ="safe").load(text))


def errors(data: object) -> list[str]:
    validator = Draft7Validator(plan_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)
    return sorted(e.message for e in validator.iter_errors(data))


def test_committed_schema_is_the_generated_one():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schema/plan.schema.json is out of date: run "
        "`samverkan schema --output schema/plan.schema.json`")


def test_schema_command_prints_the_committed_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


def test_schema_command_writes_a_file(cli, tmp_path):
    target = tmp_path / "plan.schema.json"
    result = cli("schema", "--output", target)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == plan_schema()
    assert str(target) in result.stderr


def test_schema_is_draft_07_for_yaml_language_server():
    schema = plan_schema()
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    text = schema_text()
    assert "$defs" not in text  # draft-07 keeps shared parts under "definitions"
    assert schema["title"] == "Åtagandeplan"


def test_every_key_has_a_swedish_description():
    schema = plan_schema()
    sections = {"Plan": schema, **schema["definitions"]}
    assert set(sections) == set(MODELS)
    missing = [f"{model}.{key}" for model, section in sections.items()
               for key, prop in section["properties"].items() if not prop.get("description")]
    assert not missing, f"add these to samverkan.plan.schema.FIELDS: {missing}"
    assert set(FIELDS) == {(m, k) for m, s in sections.items() for k in s["properties"]}


@pytest.mark.parametrize("year", [2021, 2022])
def test_shipped_plans_start_with_the_modeline_and_fit_the_schema(year):
    text = (PLANS / f"{year}.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    # tests/fixtures/ has the repository's layout: plans/ beside schema/
    target = (PLANS / MODELINE.split("=", 1)[1]).resolve().relative_to(FIXTURES.resolve())
    assert ROOT / target == COMMITTED
    assert errors(as_editor_sees(text)) == []


def test_shipped_plans_with_the_modeline_still_validate(cli):
    result = cli("validate", PLANS)
    assert result.exit_code == 0, result.output


PLAN = textwrap.dedent("""\
    year: 2021
    focus_areas:
      - {id: tryggare-centrum, title: Tryggare centrum}
    pledges:
      - id: trygghetsvandringar
        title: Trygghetsvandringar
        focus_area: tryggare-centrum
        owner: gemensamt
        target: {min: 5, unit: vandringar, requirements: [{tag: centrum, min: 1}]}
    activities:
      - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum]}
    """)


def test_a_plan_with_activities_fits():
    assert errors(as_editor_sees(PLAN)) == []


@pytest.mark.parametrize("change, complaint", [
    ("owner: gemensamt", "owner: alla"),                   # not one of the owners
    ("unit: vandringar", "unit: vandringar, minimum: 3"),  # unknown key
    ("min: 5", "min: 0"),                                  # a target of at least 1
    ("date: 2021-03-18", "date: 18 mars"),                 # not a date
    ("id: trygghetsvandringar", "id: Trygghetsvandringar"),  # not a slug
])
def test_editor_flags_what_validate_refuses(change, complaint, write_plan, cli):
    broken = PLAN.replace(change, complaint)
    assert errors(as_editor_sees(broken)), "the editor should flag it"
    result = cli("validate", write_plan(broken))
    assert result.exit_code == 1, "and samverkan validate refuses it too"


def test_unknown_top_level_key_is_flagged():
    found = errors(as_editor_sees(PLAN + "remarks: x\n"))
    assert any("remarks" in message for message in found)
