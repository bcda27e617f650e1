"""The installed console script and `python -m samverkan`, run as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def script() -> str:
    candidate = Path(sys.executable).parent / "samverkan"
    found = str(candidate) if candidate.exists() else shutil.which("samverkan")
    if not found:
        pytest.fail("the samverkan console script is not installed (pip install -e .)")
    return found


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), check=False, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1", **env})


def test_console_script_prints_the_status_of_the_shipped_plans(plans):
    result = run(script(), "status", "--year", "2021", "--plans-dir", str(plans),
                 SAMVERKAN_TODAY="2021-06-30")
    assert result.returncode == 0, result.stderr
    assert "Trygghetsvandringar" in result.stdout and "Summering:" in result.stdout
    assert result.stderr == ""


def test_python_dash_m_works_and_has_help():
    result = run(sys.executable, "-m", "samverkan", "--help")
    assert result.returncode == 0
    for command in ("log", "status", "validate"):
        assert command in result.stdout


def test_a_refusal_is_one_line_on_stderr_without_traceback(plans):
    result = run(script(), "log", "okant-lofte", "--plans-dir", str(plans),
                 SAMVERKAN_TODAY="2021-06-30")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_every_command_and_option_has_help_text():
    import typer.main

    from samverkan.cli import app

    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"log", "status", "validate"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name} has no help"
