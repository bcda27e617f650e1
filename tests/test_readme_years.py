"""The README's "Over the years" examples are real: each `$ samverkan …` prints what is shown.

Activity ids are random, so an id the README shows after `Sparat` stands for the id the
run printed, in every later command and line.
"""

from __future__ import annotations

import re
import shlex

from test_readme import tour_blocks

SECTION = "## Over the years"


def test_the_examples_run_as_shown(cli, plans, est, monkeypatch):
    monkeypatch.chdir(plans.parent)
    ids: dict[str, str] = {}

    def real(text: str) -> str:
        for shown, actual in ids.items():
            text = text.replace(shown, actual)
        return text

    examples = tour_blocks(SECTION)
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
