"""The EST examples in the README and in docs/est.md are real: each command prints what is shown."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from snapshot import FIXTURES
from test_readme import console_steps

ROOT = Path(__file__).resolve().parent.parent


def section(path: Path, heading: str | None) -> str:
    text = path.read_text(encoding="utf-8")
    if heading is None:
        return text
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def line_pattern(shown: str) -> str:
    """The shown line as a regex; the random ids the tool assigns may differ."""
    pattern = re.escape(shown)
    return re.sub(r"Sparat\\ [a-z][a-z0-9]{9}\\ ", r"Sparat\\ [a-z][a-z0-9]{9}\\ ", pattern)


@pytest.mark.parametrize("doc, heading", [("README.md", "## EST"), ("docs/est.md", None)])
def test_the_est_examples_run_as_shown(cli, tmp_path, monkeypatch, doc, heading):
    for folder in ("plans", "est"):
        shutil.copytree(FIXTURES / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    steps = console_steps(section(ROOT / doc, heading))
    assert len(steps) >= 10
    for command, shown in steps:
        args = shlex.split(command)
        assert args[0] == "samverkan"
        result = cli(*args[1:], today="2021-06-30")
        printed = [p.rstrip() for p in (result.stdout + result.stderr).splitlines()]
        for line in shown:
            if line in ("…", ""):
                continue
            assert any(re.fullmatch(line_pattern(line.rstrip()), p) for p in printed), (
                f"`{command}` did not print:\n{line}\n--- it printed:\n" + "\n".join(printed))
        if "--output" in args:
            assert (tmp_path / args[args.index("--output") + 1]).read_text(
                encoding="utf-8").startswith("<!DOCTYPE html>")
