"""docs/reliability.md cannot drift from the tests: every reliability test that records a
figure has its row (or is listed as skipped), and every row names a test that exists.

The figures themselves come from `tools/reliability_figures.py`, which runs the tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"


def figure_tests() -> set[str]:
    found = set()
    for path in sorted((ROOT / "tests").glob("test_reliability_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and any(
                    arg.arg == "figure" for arg in node.args.args):
                found.add(f"tests/{path.name}::{node.name}")
    return found


def test_every_figure_test_has_its_row_in_docs_reliability() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = {re.sub(r"\[.*$", "", m) for m in re.findall(r"`(tests/[^`*]+::[^`]+)`", text)}
    assert figure_tests() - named == set(), "run tools/reliability_figures.py"
    assert named - figure_tests() == set(), "a row names a test that no longer records a figure"
