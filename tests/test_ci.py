"""CI and pre-commit: the hook definition, and the workflows docs/ci.md gives.

(`--format github` and the GITHUB_ACTIONS default are tested in test_validate.py.)
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"

BROKEN = """\
year: 2021
focus_areas: [{id: tryggare-centrum, title: Tryggare centrum}]
pledges:
  - {id: nosspanare, title: Nosspanare, focus_area: tryggare-centrum, owner: polisen,
     target: null}
"""


# --- the pre-commit hook -----------------------------------------------------------------

# The keys pre-commit accepts in a hook definition (pre_commit/clientlib.py, MANIFEST_HOOK_DICT).
HOOK_KEYS = {"id", "name", "entry", "language", "alias", "files", "exclude", "types",
             "types_or", "exclude_types", "additional_dependencies", "args", "always_run",
             "fail_fast", "pass_filenames", "description", "language_version", "log_file",
             "minimum_pre_commit_version", "require_serial", "stages", "verbose"}


def hook() -> dict:
    hooks = YAML(typ="safe").load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    [found] = [h for h in hooks if h["id"] == "samverkan-validate"]
    return found


def test_hook_definition_loads_with_the_keys_pre_commit_knows():
    found = hook()
    assert {"id", "name", "entry", "language"} <= set(found) <= HOOK_KEYS
    assert found["language"] == "python"  # pre-commit installs this repository with pip
    assert isinstance(found["minimum_pre_commit_version"], str)
    assert "yaml" in found["types"]


def test_hook_entry_is_our_console_script():
    script = shlex.split(hook()["entry"])[0]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'{script} = "samverkan.cli:main"' in pyproject


@pytest.mark.parametrize("path, checked", [
    ("plans/2021.yaml", True),
    ("plans/2022.yml", True),
    ("plans/arkiv/2019.yaml", False),
    ("schema/plan.schema.json", False),
    (".github/workflows/samverkan.yml", False),
    ("docs/anvandarguide.md", False),
])
def test_hook_looks_at_plan_files_only(path, checked):
    assert bool(re.search(hook()["files"], path)) is checked


def run_hook(cli, files: list[Path]):
    """What pre-commit runs: the entry, its args, then the staged files' names."""
    entry = shlex.split(hook()["entry"])
    assert entry[0] == "samverkan"
    return cli(*entry[1:], *hook().get("args", []), *files)


def test_hook_passes_the_shipped_plans_and_stops_a_broken_one(plans, write_plan, cli):
    assert run_hook(cli, [plans / "2021.yaml", plans / "2022.yaml"]).exit_code == 0
    result = run_hook(cli, [plans / "2021.yaml", write_plan(BROKEN, "2023.yaml")])
    assert result.exit_code == 1
    assert "2023.yaml:4:" in result.stdout


# --- docs/ci.md: the workflows it gives are valid and their commands run -----------------


def yaml_blocks(text: str) -> list:
    return [YAML(typ="safe").load(block)
            for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)]


def commands(job_steps: list[str]) -> list[list[str]]:
    """The `samverkan …` commands of some shell lines, without redirections."""
    found = []
    for script in job_steps:
        for line in script.splitlines():
            line = line.strip()
            if line.startswith("samverkan "):
                found.append(shlex.split(re.split(r"\s(?:>>?|\|)\s", line)[0])[1:])
    return found


def workflows() -> tuple[dict, dict]:
    blocks = yaml_blocks(CI_DOC.read_text(encoding="utf-8"))
    [github] = [b for b in blocks if isinstance(b, dict) and "jobs" in b]
    [gitlab] = [b for b in blocks if isinstance(b, dict) and "samverkan-validate" in b
                and "script" in b["samverkan-validate"]]
    return github, gitlab


def test_github_workflow_in_the_docs_is_well_formed():
    github, _ = workflows()
    assert {"push", "pull_request", "schedule"} <= set(github["on"])
    for job in github["jobs"].values():
        assert job["runs-on"] and job["steps"]
        assert any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"])
    runs = [s["run"] for s in github["jobs"]["validate"]["steps"] if "run" in s]
    assert ["validate"] in commands(runs)
    weekly = [s["run"] for s in github["jobs"]["lagesbild"]["steps"] if "run" in s]
    assert any(c[:1] == ["status"] and "--fail-on" in c for c in commands(weekly))


def test_gitlab_jobs_in_the_docs_are_well_formed():
    _, gitlab = workflows()
    assert ["validate"] in commands(gitlab["samverkan-validate"]["script"])
    weekly = commands(gitlab["samverkan-lagesbild"]["script"])
    assert ["status", "--fail-on", "behind"] in weekly
    assert gitlab["samverkan-lagesbild"]["artifacts"]["paths"] == ["lagesbild.xlsx"]


def test_every_samverkan_command_in_the_ci_docs_runs(plans, cli, monkeypatch):
    monkeypatch.chdir(plans.parent)
    github, gitlab = workflows()
    scripts = [s["run"] for job in github["jobs"].values() for s in job["steps"] if "run" in s]
    scripts += [line for job in gitlab.values() for line in job["script"]]
    found = commands(scripts)
    assert len(found) >= 6
    for args in found:
        result = cli(*args, today="2021-06-30")
        assert result.exit_code in (0, 1), (args, result.output)  # 2 would be a usage error
        if "--output" in args:
            assert (plans.parent / args[args.index("--output") + 1]).stat().st_size > 0
