"""The docs cannot drift: every error message is in the user guide, and examples run."""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

import pytest
from snapshot import PLANS

from samverkan.core.i18n import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = DOCS / "anvandarguide.md"
EST_GUIDE = DOCS / "est.md"

# The modules behind `log`, `status` and `validate` (and the files they write), and those
# commands' functions in cli.py: every message key they name is something a user can meet.
MODULES = ["plan/reader", "plan/checks", "plan/model", "plan/folder", "followup/log",
           "core/inputs", "core/years", "core/records", "core/yamlfile",
           "core/writer", "followup/status", "validation", "core/output", "followup/excel",
           "cli/prompts", "stats/series", "stats/statcsv", "stats/importer", "report/service",
           "est/checks", "cli/est", "est/files", "est/model", "est/periods", "est/picture",
           "est/record", "est/service",
           "publish/site", "publish/source", "sync/driver", "sync/gitsetup",
           "followup/facts"]  # est/render.py: headings and table lines only
CLI_FUNCTIONS = {"handle_errors", "log", "ask_log", "status", "validate", "data_import", "report",
                 "publish", "merge", "git_setup"}
# Keys that are not messages about a problem: headings, labels, questions, confirmations.
LABEL_PREFIXES = ("col_", "xl_", "status_", "goal_", "direction_", "what_", "ask_", "pick_")
LABELS = {"git_setup_done", "git_setup_already", "logged", "of_which", "untracked_progress", "status_title", "goals_title",
          "pledges_title", "summary", "none", "schema_written", "output_written",
          "log_not_saved", "import_done", "series_known", "report_written",
          "est_recorded", "est_week_tally", "est_written", "est_group_recorded_tally",
          "pub_written", "pub_marker"}
# Problems met while being asked (prefixed like the questions, but they are answers to fix).
ASKED_PROBLEMS = {"pick_out_of_range", "pick_date_year", "ask_place_needed", "ask_yes_no"}


def message_keys() -> set[str]:
    trees = [ast.parse((ROOT / "samverkan" / f"{m}.py").read_text(encoding="utf-8"))
             for m in MODULES]
    for cli_file in sorted((ROOT / "samverkan" / "cli").glob("*.py")):
        cli = ast.parse(cli_file.read_text(encoding="utf-8"))
        trees += [node for node in cli.body
                  if isinstance(node, ast.FunctionDef) and node.name in CLI_FUNCTIONS]
    keys = {node.value for tree in trees for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in MESSAGES}
    # Keys put together in f-strings, like f"est_unknown_{kind}": every key with that start.
    starts = {node.values[0].value for tree in trees for node in ast.walk(tree)
              if isinstance(node, ast.JoinedStr) and node.values
              and isinstance(node.values[0], ast.Constant)
              and str(node.values[0].value).endswith("_")}
    keys |= {k for k in MESSAGES for start in starts if k.startswith(start)}
    return {k for k in keys
            if k in ASKED_PROBLEMS or not (k in LABELS or k.startswith(LABEL_PREFIXES))}


def fixed_parts(text: str) -> list[str]:
    """The words of a message around its {placeholders}, which the guide writes as `…`."""
    parts = (" ".join(p.split()) for p in re.split(r"\{[^}]*\}", text))
    return [p for p in parts if len(re.sub(r"\W", "", p)) >= 3]


def normalized(text: str) -> str:
    return " ".join(text.split())


def test_the_scan_finds_the_messages_of_log_status_and_validate():
    keys = message_keys()
    assert {"unknown_pledge", "future_date", "identity_number_option", "bad_as_of",
            "no_plan_for_year", "extra", "duplicate_id", "no_files", "write_conflict",
            "excel_missing", "log_needs_pledge", "plan_and_year", "log_aborted",
            "report_year_and_agreement", "report_output_not_html",
            "est_bad_period", "est_no_reporters", "est_unknown_area", "est_known_category",
            "est_unknown_reporter_ref", "est_no_folder"} <= keys
    assert not keys & {"col_pledge", "status_met", "logged", "est_recorded", "est_col_area"}


@pytest.mark.parametrize("key", sorted(message_keys()))
def test_every_message_is_explained_in_the_user_guide(key):
    """Messages of the EST commands may be explained in docs/est.md instead."""
    guides = [GUIDE, EST_GUIDE] if key.startswith("est_") else [GUIDE]
    text = normalized(" ".join(g.read_text(encoding="utf-8") for g in guides))
    missing = [part for part in fixed_parts(MESSAGES[key]["sv"]) if part not in text]
    assert not missing, (f"docs/anvandarguide.md (or docs/est.md for est_ keys) should quote "
                         f"the message {key!r} (with … for the blanks) and say what to do; "
                         f"missing: {missing}")


def test_the_est_guide_has_a_section_of_error_messages():
    assert "\n## Felmeddelanden\n" in EST_GUIDE.read_text(encoding="utf-8")


def test_guide_has_the_sections_the_users_need():
    guide = GUIDE.read_text(encoding="utf-8")
    for heading in ("## 1. Installera", "## 2. Logga efter en aktivitet",
                    "## 3. Förbereda ett styrgruppsmöte", "## 4. Starta ett nytt år",
                    "## 5. Planfilen, rad för rad", "## Felmeddelanden"):
        assert heading in guide


def test_editor_docs_give_the_modeline_of_the_shipped_plans():
    first_line = (PLANS / "2021.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line in (DOCS / "editor.md").read_text(encoding="utf-8")
    assert first_line.split("$schema=")[1] in GUIDE.read_text(encoding="utf-8")


def code_blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_annotated_example_is_a_valid_plan(write_plan, cli):
    [example] = [b for b in code_blocks(GUIDE, "yaml") if b.startswith("# yaml-language")]
    result = cli("validate", write_plan(example))
    assert result.exit_code == 0, result.output


def test_the_guides_commands_run(plans, cli, monkeypatch):
    monkeypatch.chdir(plans.parent)
    lines = [line for block in code_blocks(GUIDE, "sh") for line in block.splitlines()
             if line.startswith("samverkan ") and "--install-completion" not in line
             and line != "samverkan log"]  # asks questions: tests/test_terminal.py
    assert len(lines) >= 7
    for line in lines:
        args = shlex.split(line)[1:]
        result = cli(*args, today="2021-10-15")
        assert result.exit_code == 0, (line, result.output)
        assert "Traceback" not in result.output
