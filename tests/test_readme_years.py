"""The README's "Over the years" examples are real: each `$ samverkan …` prints what is shown.

Activity ids are random, so an id the README shows after `Sparat` stands for the id the
run printed, in every later command and line.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Over the years"


def steps() -> list[tuple[str, list[str]]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", part, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


def test_the_examples_run_as_shown(cli, plans, monkeypatch):
    monkeypatch.chdir(plans.parent)
    ids: dict[str, str] = {}

    def real(text: str) -> str:
        for shown, actual in ids.items():
            text = text.replace(shown, actual)
        return text

    examples = steps()
    assert len(examples) >= 10
    for command, shown in examples:
        args = shlex.split(real(command))
        assert args[0] == "samverkan"
        printed = [p.rstrip() for p in cli(*args[1:], today="2022-03-01").output.splitlines()]
        for line in shown:
            saved = re.fullmatch(r"Sparat (\w+) i (.*)", line)
            if saved:
                match = next(re.fullmatch(r"Sparat (\w+) i (.*)", p) for p in printed
                             if p.startswith("Sparat "))
                ids[saved.group(1)] = match.group(1)
            if line == "…":
                continue
            assert real(line) in printed, (
                f"`{command}` did not print:\n{line}\n--- it printed:\n" + "\n".join(printed))
