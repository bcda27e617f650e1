"""Many hands, one record: clones of one repository logging at once, merged by real git.

Each clone is a member of the group with their own copy; a bare repository in tmp_path is
the shared remote. They log, commit, pull and push in a random order (seeded), all through
real `git` with the merge driver set up by `samverkan git-setup`. At the end every
activity must be in the record exactly once, with no conflict on the way and a file that
`validate` passes; and the cases that must conflict must be reported, never merged
silently.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from gitclones import activity_ids, clone, commit, git, isolate_git, make_remote
from test_merge import PLAN, line

CLONES = 5
LOGS = 20
SEED = 20210128
PLAN_PATH = "plans/2021.yaml"
PLACES = ["Stadsparken", "Torget", "Nygatan", "Kanalgatan", "Morö Backe", "Anderstorp"]


@pytest.fixture(autouse=True)
def _isolated_git(tmp_path, monkeypatch):
    isolate_git(monkeypatch, tmp_path / "home")


def behind_and_ahead(folder: Path) -> tuple[int, int]:
    git(folder, "fetch", "-q")
    counts = git(folder, "rev-list", "--left-right", "--count", "origin/main...HEAD").stdout
    behind, ahead = (int(n) for n in counts.split())
    return behind, ahead


@pytest.mark.slow
def test_clones_logging_at_once_with_random_pulls_and_pushes(cli, tmp_path, figure):
    rng = random.Random(SEED)
    remote = make_remote(tmp_path, {PLAN_PATH: PLAN})
    clones = [clone(remote, tmp_path / f"medlem{n}") for n in range(1, CLONES + 1)]
    left = {folder: LOGS for folder in clones}
    logged: list[str] = []
    tally = {"pull": 0, "pull_merge": 0, "pull_rebase": 0, "push": 0, "push_rejected": 0,
             "conflicts": 0}

    def pull(folder: Path) -> None:
        behind, ahead = behind_and_ahead(folder)
        way = rng.choice(["pull", "pull --no-rebase"])  # plain `git pull` rebases (set-up)
        done = git(folder, *way.split(), check=False)
        tally["pull"] += 1
        if behind and ahead:  # both sides have commits: the driver merged
            tally["pull_rebase" if way == "pull" else "pull_merge"] += 1
        if done.returncode != 0 or "CONFLICT" in done.stdout + done.stderr:
            tally["conflicts"] += 1
            raise AssertionError(done.stdout + done.stderr)

    def push(folder: Path) -> None:
        done = git(folder, "push", "-q", check=False)
        tally["push"] += 1
        if done.returncode != 0:
            tally["push_rejected"] += 1
            pull(folder)
            git(folder, "push", "-q")

    while any(left.values()):
        folder = rng.choice([f for f in clones if left[f]])
        for _ in range(min(left[folder], rng.randint(1, 3))):
            day = f"2021-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
            args = [rng.choice(["trygghetsvandringar", "ungdomsfester"]), "--date", day]
            if rng.random() < 0.5:
                args += ["--place", rng.choice(PLACES)]
            result = cli("log", *args, "--plan", folder / PLAN_PATH, today="2021-06-30")
            assert result.exit_code == 0, result.output
            logged.append(re.search(r"Sparat (\w+) i", result.output).group(1))
            commit(folder, f"Logga {args[0]}")
            left[folder] -= 1
        if rng.random() < 0.5:
            pull(folder)
        if rng.random() < 0.6:
            push(folder)
    for folder in clones:  # everyone shares what they have
        pull(folder)
        push(folder)
    for folder in clones:
        git(folder, "pull", "-q")

    texts = {(folder / PLAN_PATH).read_text(encoding="utf-8") for folder in clones}
    assert len(texts) == 1  # every clone holds the same record
    [merged] = texts
    found = activity_ids(merged)
    assert len(logged) == CLONES * LOGS
    assert sorted(found) == sorted(logged)  # each exactly once
    assert tally["conflicts"] == 0
    checked = cli("validate", clones[0] / PLAN_PATH)
    assert checked.exit_code == 0 and "error" not in checked.output, checked.output
    assert merged.startswith(PLAN.split("activities: []")[0])  # the plan's text untouched
    assert tally["pull_merge"] + tally["pull_rebase"] > 0
    figure("8. Flera kloner och git / many clones",
           f"{CLONES} kloner × {LOGS} `log` i samma år, slumpvisa `git pull` (rebase och "
           f"merge) och `git push` mot ett bart förråd, verklig git med drivrutinen",
           f"{len(found)}/{len(logged)} aktiviteter exakt en gång i varje klon, "
           f"0 konflikter, `validate` utan fel",
           frö=SEED, pull=tally["pull"], sammanslagna_med_rebase=tally["pull_rebase"],
           sammanslagna_med_merge=tally["pull_merge"], push=tally["push"],
           push_avvisade=tally["push_rejected"])


# --- what must conflict, through git --------------------------------------------------------

BASE = [line("aaaaaaaaaa"), line("bbbbbbbbbb", pledge="ungdomsfester", date="2021-04-01")]


def plan_with(*lines: str, plan: str = PLAN) -> str:
    return plan.replace("activities: []\n", "activities:\n" + "".join(f"{x}\n" for x in lines))


CASES = [
    ("samma aktivitet ändrad olika hos båda",
     plan_with(line("aaaaaaaaaa", note="Med boende"), BASE[1]),
     plan_with(line("aaaaaaaaaa", note="Med fastighetsägare"), BASE[1]),
     "aktiviteten aaaaaaaaaa har ändrats på olika sätt på båda sidorna"),
    ("borttagen hos den ena, ändrad hos den andra",
     plan_with(BASE[1]),
     plan_with(line("aaaaaaaaaa", date="2021-03-19"), BASE[1]),
     "aktiviteten aaaaaaaaaa har tagits bort hos oss men ändrats hos dem"),
    ("två olika aktiviteter med samma id",
     plan_with(*BASE, line("zzzzzzzzzz", date="2021-05-01")),
     plan_with(*BASE, line("zzzzzzzzzz", pledge="ungdomsfester", date="2021-05-02")),
     "två olika poster har samma nyckel: aktiviteten zzzzzzzzzz finns hos oss på rad"),
    ("samma löftes titel ändrad olika hos båda",
     plan_with(*BASE).replace("title: Ungdomsfester", "title: Ungdomsfester (polisen)"),
     plan_with(*BASE).replace("title: Ungdomsfester", "title: Extra resurser mot fester"),
     "raderna har ändrats på olika sätt på båda sidorna"),
    ("samma mål mätt olika för samma år",
     plan_with(*BASE).replace("        baseline: null\n", "        baseline: null\n"
                              "        measurements:\n"
                              "          - {year: 2021, value: 140}\n"),
     plan_with(*BASE).replace("        baseline: null\n", "        baseline: null\n"
                              "        measurements:\n"
                              "          - {year: 2021, value: 152}\n"),
     "två olika poster har samma nyckel: mätvärdet vald, 2021 finns hos oss på rad"),
]


@pytest.mark.slow
def test_the_cases_that_must_conflict_are_reported(cli, tmp_path, figure):
    rows = []
    for number, (case, ours, theirs, said) in enumerate(CASES, start=1):
        folder = tmp_path / f"fall{number}"
        folder.mkdir()
        remote = make_remote(folder, {PLAN_PATH: plan_with(*BASE)})
        anna = clone(remote, folder / "anna")
        bo = clone(remote, folder / "bo")
        for member, text in ((anna, theirs), (bo, ours)):
            (member / PLAN_PATH).write_text(text, encoding="utf-8")
            commit(member, case)
        git(anna, "push", "-q")
        done = git(bo, "pull", "--no-rebase", check=False)
        output = done.stdout + done.stderr
        merged = (bo / PLAN_PATH).read_text(encoding="utf-8")
        assert done.returncode != 0, case
        assert "CONFLICT (content): Merge conflict in plans/2021.yaml" in output, case
        assert said in output, (case, output)
        places = re.findall(r"plans/2021\.yaml:(\d+):1: error:", output)
        assert places and all(merged.splitlines()[int(n) - 1].startswith("<<<<<<<")
                              for n in places), case
        assert merged.count("<<<<<<<") == len(places)
        for record in {"aaaaaaaaaa", "bbbbbbbbbb", "zzzzzzzzzz"} & set(
                activity_ids(ours) + activity_ids(theirs)):
            assert record in merged, (case, record)  # nothing dropped
        checked = cli("validate", bo / PLAN_PATH)
        assert checked.exit_code == 1 and "git-konfliktmarkering" in checked.output
        rows.append((case, (f"exit {done.returncode}, `CONFLICT` från git, "
                            f"{len(places)} markerad(e) plats(er) med rad"), said))
    figure("8. Flera kloner och git / many clones",
           f"{len(CASES)} fall som måste ge konflikt, genom `git pull` med drivrutinen",
           f"{len(rows)}/{len(CASES)} rapporterade med rad och vad som ska göras, "
           "markeringar bara kring det som krockar, inget tappat",
           cases=[("Fall", "Utfall", "Meddelandet börjar"), *rows])
