"""Item 9 of issue 16: setting up, from the README alone.

The README says how long the two set-up commands take, how to run the quick subset of the
tests (and that subset exists: the tests that take minutes are marked `slow`), and gives
the PowerShell commands beside the POSIX ones.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(lang: str) -> list[str]:
    found = re.search(rf"```{lang}\n(.*?)```", README, re.DOTALL)
    assert found, f"no ```{lang} block in the README"
    return found.group(1).splitlines()


def test_the_readme_says_how_long_the_two_commands_take():
    intro = README.split("**Svenska.**", 1)[0]
    assert re.search(r"first took \d+ min \d+ s", intro)
    assert re.search(r"second \d+ min \d+ s", intro)
    assert re.search(r'-m "not slow"', intro) and re.search(r"took \d+ min \d+ s\s+there", intro)


def test_powershell_commands_stand_beside_the_posix_ones():
    posix = block("sh")
    powershell = block("powershell")
    assert len(powershell) >= 3
    for unix, windows in zip(posix[:2], powershell[:2], strict=True):
        expected = unix.replace("python3 -m venv", "py -m venv").replace(".venv/bin/",
                                                                          ".venv\\Scripts\\")
        assert windows == expected.replace(" && ", "; ")
    assert powershell[2] == '.venv\\Scripts\\python -m pytest -m "not slow" -n auto'


def test_the_quick_subset_leaves_out_exactly_the_slow_tests():
    markers = subprocess.run([sys.executable, "-m", "pytest", "--markers"], cwd=ROOT,
                             check=False, capture_output=True, text=True, timeout=120).stdout
    assert "@pytest.mark.slow:" in markers
    quick = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m",
                            "not slow", "tests/test_reliability_fuzz.py",
                            "tests/test_reliability_crash.py"],
                           cwd=ROOT, check=False, capture_output=True, text=True,
                           timeout=120).stdout
    assert re.search(r"2 deselected", quick), quick
