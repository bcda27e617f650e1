"""The merge driver through real git: clones of a bare repository in tmp_path, each set up
with `samverkan git-setup`, logging and merging the way the group works."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from gitclones import activity_ids, clone, commit, git, isolate_git, make_remote, samverkan
from test_merge import EST_CONFIG, PLAN, line

PLAN_PATH = "plans/2021.yaml"


@pytest.fixture(autouse=True)
def _isolated_git(tmp_path, monkeypatch):
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def remote(tmp_path) -> Path:
    return make_remote(tmp_path, {PLAN_PATH: PLAN, "est/omraden.yaml": EST_CONFIG})


def log(cli, folder: Path, pledge: str, date: str, *more: str) -> str:
    """`samverkan log` in a clone and a commit of it; the new id."""
    result = cli("log", pledge, "--date", date, *more, "--plan", folder / PLAN_PATH,
                 today="2021-06-30")
    assert result.exit_code == 0, result.output
    ident = re.search(r"Sparat (\w+) i", result.output).group(1)
    commit(folder, f"Logga {pledge} {date}")
    return ident


def plan_text(folder: Path) -> str:
    return (folder / PLAN_PATH).read_text(encoding="utf-8")


def test_without_the_set_up_two_logs_conflict_as_the_issue_describes(cli, remote, tmp_path):
    anna = clone(remote, tmp_path / "anna", setup=False)
    bo = clone(remote, tmp_path / "bo", setup=False)
    log(cli, anna, "trygghetsvandringar", "2021-03-18")
    git(anna, "push", "-q")
    log(cli, bo, "ungdomsfester", "2021-03-19")
    done = git(bo, "pull", "--no-rebase", check=False)
    assert done.returncode != 0
    assert "CONFLICT (content): Merge conflict in plans/2021.yaml" in done.stdout


# `pull` (a rebase, as git-setup sets it) and `pull --no-rebase` (a merge) in every run;
# the same through `pull --rebase`, `merge` and `cherry-pick` with the slow tests
@pytest.mark.parametrize("how", ["pull", "pull --no-rebase",
                                 *(pytest.param(way, marks=pytest.mark.slow)
                                   for way in ("pull --rebase", "merge", "cherry-pick"))])
def test_two_clones_logging_at_once_merge_with_plain_git(cli, remote, tmp_path, how):
    anna = clone(remote, tmp_path / "anna")
    bo = clone(remote, tmp_path / "bo")
    hers = [log(cli, anna, "trygghetsvandringar", f"2021-03-1{d}", "--tag", "centrum")
            for d in range(1, 4)]
    git(anna, "push", "-q")
    his = [log(cli, bo, "ungdomsfester", f"2021-04-1{d}", "--note", f"Kväll {d}")
           for d in range(1, 3)]
    if how.startswith("pull"):
        done = git(bo, *how.split(), check=False)
    else:
        git(bo, "fetch", "-q")
        if how == "merge":
            done = git(bo, "merge", "--no-edit", "origin/main", check=False)
        else:  # Bo takes Anna's three commits one by one onto his own
            done = git(bo, "cherry-pick", "HEAD..origin/main", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "CONFLICT" not in done.stdout + done.stderr
    merged = plan_text(bo)
    assert sorted(activity_ids(merged)) == sorted(hers + his)
    assert "<<<<<<<" not in merged
    assert cli("validate", bo / PLAN_PATH).exit_code == 0
    assert merged.startswith(PLAN.split("activities: []")[0])  # comments and layout kept
    if how != "cherry-pick":  # (Anna's commits are copies in Bo's history then)
        git(bo, "push", "-q")
        git(anna, "pull", "-q")
        assert plan_text(anna) == merged


def test_the_first_observations_of_a_year_on_two_clones_merge(cli, remote, tmp_path):
    """Both clones create `est/observationer-2021.yaml`: git merges a file added on both
    sides through the driver with an empty ancestor."""
    anna = clone(remote, tmp_path / "anna")
    bo = clone(remote, tmp_path / "bo")
    for folder, category in ((anna, "klotter"), (bo, "nedskrapning")):
        result = cli("est", "rapport", "centrum", category, "--reporter", "polisen",
                     "--est-dir", folder / "est", today="2021-03-17")
        assert result.exit_code == 0, result.output
        commit(folder, f"EST {category}")
    git(anna, "push", "-q")
    done = git(bo, "pull", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = (bo / "est" / "observationer-2021.yaml").read_text(encoding="utf-8")
    assert merged.count("category: klotter") == 1 and merged.count("category: nedskrapning") == 1
    assert cli("validate", bo / "est").exit_code == 0


def test_the_same_activity_changed_on_both_clones_is_left_for_a_person(cli, remote, tmp_path):
    anna = clone(remote, tmp_path / "anna")
    bo = clone(remote, tmp_path / "bo")
    shared = log(cli, anna, "trygghetsvandringar", "2021-03-18")
    git(anna, "push", "-q")
    git(bo, "pull", "-q")
    for folder, note in ((anna, "Med boende"), (bo, "Med fastighetsägare")):
        path = folder / PLAN_PATH
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("date: 2021-03-18}", f"date: 2021-03-18, note: {note}}}"),
                        encoding="utf-8")
        commit(folder, "Anteckning")
    other = log(cli, bo, "ungdomsfester", "2021-04-02")
    git(anna, "push", "-q")
    done = git(bo, "pull", "--no-rebase", check=False)
    assert done.returncode != 0
    assert "CONFLICT (content): Merge conflict in plans/2021.yaml" in done.stdout
    said = done.stdout + done.stderr
    assert f"aktiviteten {shared} har ändrats på olika sätt på båda sidorna" in said
    merged = plan_text(bo)
    lines = merged.splitlines()
    start = lines.index("<<<<<<< ours")
    assert lines[start:start + 7] == [
        "<<<<<<< ours", line(shared, note="Med fastighetsägare"), "||||||| base",
        line(shared), "=======", line(shared, note="Med boende"), ">>>>>>> theirs"]
    assert merged.count("<<<<<<<") == 1 and other in merged  # the rest is merged
    assert f"plans/2021.yaml:{start + 1}:1: error:" in said
    checked = cli("validate", bo / PLAN_PATH)
    assert checked.exit_code == 1 and "git-konfliktmarkering" in checked.output


def test_git_setup_writes_the_clones_config_once(remote, tmp_path):
    folder = clone(remote, tmp_path / "anna", setup=False)
    first = samverkan(folder, "git-setup")
    assert first.returncode == 0, first.stderr
    assert "slår nu ihop planer, EST-filer och grunddata post för post" in first.stdout
    config = (folder / ".git" / "config").read_text(encoding="utf-8")
    again = samverkan(folder, "git-setup")
    assert again.returncode == 0 and "är redan inställt" in again.stdout
    assert (folder / ".git" / "config").read_text(encoding="utf-8") == config
    driver = git(folder, "config", "--get-all", "merge.samverkan.driver").stdout.splitlines()
    assert driver == [(f"{shlex.quote(sys.executable)} -m samverkan merge %O %A %B %P "
                       "--marker-size %L")]
    assert git(folder, "config", "--get", "pull.rebase").stdout.strip() == "true"
    assert git(folder, "check-attr", "merge", "--", "data/x.yaml").stdout.strip() == \
        "data/x.yaml: merge: samverkan"


def test_git_setup_leaves_a_pull_preference_of_ones_own(remote, tmp_path):
    folder = clone(remote, tmp_path / "anna", setup=False)
    git(tmp_path, "config", "--global", "pull.rebase", "false")
    assert samverkan(folder, "git-setup").returncode == 0
    assert git(folder, "config", "--local", "--get", "pull.rebase", check=False).returncode == 1


def test_git_setup_outside_a_clone_says_what_to_do(tmp_path):
    done = samverkan(tmp_path, "git-setup")
    assert done.returncode == 2
    assert "ligger inte i en git-klon" in done.stderr and "Traceback" not in done.stderr


def test_validate_warns_once_in_a_clone_whose_driver_is_not_set_up(cli, remote, tmp_path,
                                                                   monkeypatch):
    folder = clone(remote, tmp_path / "anna", setup=False)
    monkeypatch.chdir(folder)
    result = cli("validate")
    assert result.exit_code == 0, result.output
    warnings = [x for x in result.output.splitlines() if x.startswith(".gitattributes:")]
    assert warnings == [(".gitattributes:4:1: warning: git slår inte ihop planerna post för "
                         "post i den här klonen: merge-drivrutinen samverkan är inte inställd; "
                         "kör samverkan git-setup en gång")]
    assert (folder / ".gitattributes").read_text().splitlines()[3].startswith("plans/")
    monkeypatch.setenv("CI", "true")
    assert ".gitattributes" not in cli("validate").output  # (CI never merges)
    monkeypatch.delenv("CI")
    assert samverkan(folder, "git-setup").returncode == 0
    assert ".gitattributes" not in cli("validate").output
