"""The README's tour is real: each `$ samverkan …` in it prints what the README shows."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tour_blocks(section: str = "## A tour") -> list[tuple[str, list[str]]]:
    """Each `$ command` of the README section's console blocks and the lines shown after it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return console_steps(text.split(section, 1)[1].split("\n## ", 1)[0])


def console_steps(text: str) -> list[tuple[str, list[str]]]:
    """(command, the lines shown after it) for each `$ …` in the ```console blocks of `text`."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return steps


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.DOTALL).group(1).splitlines()
    assert "samverkan status" in first_block[0]
    assert "pytest" in first_block[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first_block[1] in ci


def test_the_tour_runs_as_shown(plans):
    env = {**os.environ, "SAMVERKAN_TODAY": "2021-06-30", "NO_COLOR": "1"}
    env.pop("SAMVERKAN_PLANS_DIR", None)
    steps = tour_blocks()
    assert len(steps) >= 5
    for command, shown in steps:
        args = shlex.split(command)
        assert args[0] == "samverkan"
        if args[1] == "validate":  # the README shows a file with a typo in it
            path = plans / "2021.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("      min: 5", "      mni: 5", 1),
                            encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "samverkan", *args[1:]],
                                cwd=plans.parent, capture_output=True, text=True, env=env,
                                check=False, timeout=60)
        printed = (result.stdout + result.stderr).splitlines()
        for line in shown:
            if line == "…":
                continue
            pattern = re.sub(r"Sparat\\ [a-z][a-z0-9]{9}", r"Sparat\\ [a-z][a-z0-9]{9}",
                             re.escape(line))
            assert any(re.fullmatch(pattern, p.rstrip()) for p in printed), (
                f"`{command}` did not print:\n{line}\n--- it printed:\n" + "\n".join(printed))
