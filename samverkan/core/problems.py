"""Problems and errors: what is wrong with an input, as data.

A `Problem` is one finding about a file (path, line, column, severity, message).
Checks return lists of them; only the command-line layer prints them.
`SamverkanError` is the family of errors the CLI turns into a one-line message and
an exit code; nothing below the CLI prints.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Problem(NamedTuple):
    """One finding in a file; line and column are 1-based. `code` names the kind of
    problem where a command must tell it from the others (an identity number)."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: str = ""

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def format_github(self) -> str:
        title = "samverkan"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{self.severity} file={self.path},line={self.line},col={self.col},"
            f"title={title}::{message}"
        )

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
        }


def render_problems(problems: list[Problem], fmt: str = "text") -> str:
    """All problems in one of the formats `text`, `github` or `json`."""
    if fmt == "json":
        from samverkan.core.text import json_text  # (not loaded by `--help`)

        return json_text([p.as_dict() for p in problems])
    if fmt == "github":
        return "\n".join(p.format_github() for p in problems)
    return "\n".join(p.format() for p in problems)


class SamverkanError(Exception):
    """A problem the user can fix; the CLI prints the message and exits with `exit_code`."""

    exit_code = 2


class UsageError(SamverkanError):
    """The command was asked for something it cannot do (bad option value, unknown id)."""


class PlanNotFound(SamverkanError):
    """No plan file for the requested year or path."""


class PlanInvalid(SamverkanError):
    """The plan file has errors; `problems` holds them."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


class WriteFailed(SamverkanError):
    """The plan file could not be written; the original is untouched."""

    exit_code = 1
