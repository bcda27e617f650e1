"""Shared fixtures: a copy of the shipped plans (their snapshot in tests/fixtures/) in a
temporary folder, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
import typer.main
import typer.testing
from snapshot import DATA, EST, PLANS
from typer.testing import CliRunner

from samverkan.cli import app_for


@pytest.fixture(autouse=True, scope="session")
def _session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """samverkan's cache of read plans never in the user's own cache folder, not even for
    fixtures wider than one test (they run before `_cache_dir`)."""
    before = os.environ.get("SAMVERKAN_CACHE_DIR")
    os.environ["SAMVERKAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("session-cache"))
    yield
    if before is None:
        os.environ.pop("SAMVERKAN_CACHE_DIR", None)
    else:
        os.environ["SAMVERKAN_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """samverkan's cache of read plans (see samverkan/cache.py) in a folder of each test's own."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SAMVERKAN_CACHE_DIR", str(folder))
    monkeypatch.delenv("SAMVERKAN_CACHE", raising=False)
    return folder


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A writable copy of the shipped `plans/` folder (tests/fixtures/plans)."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS, target)
    return target


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented YAML to a file in tmp_path and return its path."""

    def write(text: str, name: str = "2021.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


_BUILT: dict[tuple[int, ...], tuple[object, list[object]]] = {}


def _command_of(app: typer.Typer) -> object:
    """The click command of `app`, built once per set of commands.

    typer's test runner turns the app into click's command anew on every call (10-20 ms
    for the whole app, more than most commands take); the same commands give the same click
    command, which holds nothing of one run (the help texts in the language are set on each).
    """
    infos = [app.registered_callback, *app.registered_commands, *app.registered_groups]
    key = tuple(map(id, infos))
    if key not in _BUILT:  # (the infos are kept with it: their ids stay theirs)
        _BUILT[key] = (typer.main.get_command(app), infos)
    return _BUILT[key][0]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Run the CLI like a user: `cli("status", "--year", "2021", today="2021-06-30")`."""
    monkeypatch.setattr(typer.testing, "_get_command", _command_of)

    def run(*args: str, today: str | None = "2021-06-30", input: str | None = None,
            env: dict[str, str] | None = None):
        monkeypatch.delenv("SAMVERKAN_PLANS_DIR", raising=False)
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        if today:
            monkeypatch.setenv("SAMVERKAN_TODAY", today)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        argv = [str(a) for a in args]
        # the app the console script runs for these arguments (samverkan.cli.main): only the
        # command named is turned into click's, not all of them on every call
        result = CliRunner().invoke(app_for(argv), argv, input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return run


_MADE: dict[str, tuple[Path, object]] = {}


@pytest.fixture
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., object]:
    """`made_once(name, folder, make)`: the files `make()` writes into `folder`, made once.

    For fixtures that run many commands to make the same files for every test of a module
    (a year of `log`, a published site). The first test that asks for `name` runs `make()`
    as the fixture always did and the result is kept; every later test (in the same run and
    worker) gets a copy of that result in its own `folder` instead, and what `make()`
    returned the first time (ids it read from the output, say). `folder` must hold the same
    files before `make()` in every test that asks for `name` (or be missing in all)."""

    def get(name: str, folder: Path, make: Callable[[], object]) -> object:
        if name not in _MADE:
            value = make()
            kept = tmp_path_factory.mktemp(f"made-{name}")
            shutil.copytree(folder, kept, symlinks=True, dirs_exist_ok=True)
            _MADE[name] = (kept, value)
            return value
        kept, value = _MADE[name]
        for path in sorted(folder.rglob("*")):  # (what make() removed; none if no folder yet)
            if not (kept / path.relative_to(folder)).exists() and not path.is_dir():
                path.unlink()
        shutil.copytree(kept, folder, symlinks=True, dirs_exist_ok=True)
        return value

    return get


# --- EST ----------------------------------------------------------------------------------

@pytest.fixture
def est(plans: Path) -> Path:
    """A writable copy of the shipped `est/` folder (tests/fixtures/est), beside the copy of
    `plans/`."""
    target = plans.with_name("est")
    shutil.copytree(EST, target)
    return target


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped `plans/` and `data/` (tests/fixtures/), as the current folder
    (a fresh clone)."""
    shutil.copytree(PLANS, tmp_path / "plans")
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    return tmp_path


# --- figures of the reliability tests (docs/reliability.md) --------------------------

FIGURES: list[dict] = []


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Record a figure a reliability test measured, after its assertions passed.

    `figure(section, size, result, **details)`; `tools/reliability_figures.py` runs the
    tests with SAMVERKAN_FIGURES=FILE and renders the figures into docs/reliability.md.
    `cases=[header, *rows]` (tuples of text) adds the test's cases as a table of their own.
    """

    def record(section: str, size: str, result: str, *,
               cases: list[tuple[str, ...]] | None = None, **details: object) -> None:
        entry = {"test": request.node.nodeid, "section": section, "size": size,
                 "result": result, "details": details}
        if cases:
            entry["cases"] = [list(row) for row in cases]
        FIGURES.append(entry)

    return record


OUTCOMES: dict[str, dict[str, str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Remember how each reliability test ended (passed, failed, skipped and why)."""
    if "test_reliability_" not in report.nodeid:
        return
    if report.when == "call" or report.outcome != "passed":
        reason = ""
        if report.skipped and isinstance(report.longrepr, tuple):
            reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        OUTCOMES.setdefault(report.nodeid, {"outcome": report.outcome, "reason": reason,
                                            "seconds": f"{report.duration:.1f}"})


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import json
    import os

    out = os.environ.get("SAMVERKAN_FIGURES")
    if out:
        Path(out).write_text(json.dumps({"figures": FIGURES, "outcomes": OUTCOMES},
                                        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
