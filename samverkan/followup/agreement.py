"""The whole agreement: every plan year side by side, and the goals that span the years.

The multi-year targets live in `plans/agreement.yaml` (model `Agreement`): the
agreement's first and last year and goals such as "at least 4 new neighbourhood-watch
areas over the period". `compute_agreement` is pure; `load_agreement_picture` reads
the folder. A goal's done value is counted, never typed: from the activities of a
pledge across every plan year, or from another module's data through `COUNT_SOURCES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.nodes import ScalarNode, SequenceNode

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, PlanNotFound, Problem
from samverkan.core.yamlfile import Loaded, child_node, read_bytes, read_model
from samverkan.followup.compliance import (
    NO_DATA,
    PledgeStatus,
    count_activities,
    expected_by,
    ladder,
    pledge_status,
)
from samverkan.plan.checks import check_agreement
from samverkan.plan.folder import AGREEMENT_FILE, load_valid, plan_years
from samverkan.plan.model import RECORD_ERRORS, Agreement, AgreementGoal, Milestone, Plan

# --- where counts that are not activities come from --------------------------------------


def est_areas_running(folder: Path, as_of: dt.date) -> int | None:
    """How many areas have run EST (Effektiv samordning för trygghet) up to `as_of`.

    Counted by the EST module from the reports in `est/` beside the plans folder `folder`:
    an area counts once it has had reports in at least `min_report_weeks` of some year's
    weeks (`samverkan.est.service.load_implemented`). Without an `est/` folder there is
    nothing to count: None, and the goal reads `no_data`. Never a hand-typed number.
    """
    from samverkan.est.files import est_dir
    from samverkan.est.service import load_implemented

    return load_implemented(est_dir(None, folder), as_of)


COUNT_SOURCES: dict[str, Callable[[Path, dt.date], int | None]] = {"est": est_areas_running}


# --- reading --------------------------------------------------------------------------------


def load_agreement_bytes(raw: bytes, path: str, lang: str = "sv") -> Loaded:
    """Read `agreement.yaml` like a plan (same problems as data), with its own records."""
    return read_model(raw, path, Agreement, check_agreement, lang, RECORD_ERRORS)


def load_agreement(path: Path, lang: str = "sv") -> Loaded:
    return load_agreement_bytes(read_bytes(path, lang), str(path), lang)


def reference_problems(loaded: Loaded, plans: list[Plan], lang: str = "sv") -> list[Problem]:
    """An agreement goal counted from a pledge must name a pledge some plan has.
    Read from the file's nodes, so that it is reported beside any shape problem."""
    goals = child_node(loaded.root, "goals")[1]
    if not isinstance(goals, SequenceNode) or not plans:
        return []
    known = {p.id for plan in plans for p in plan.pledges}
    problems = []
    for goal in goals.value:
        ref = child_node(child_node(goal, "count")[1], "pledge")[1]
        if isinstance(ref, ScalarNode) and ref.value not in known:
            problems.append(Problem(loaded.path, ref.start_mark.line + 1,
                                    ref.start_mark.column + 1, "error",
                                    tr(lang, "agreement_unknown_pledge", id=ref.value)))
    return problems


# --- the computation (pure) -------------------------------------------------------------------


@dataclass(frozen=True)
class PledgeYears:
    """One pledge across the plan years (absent from the years whose plan lacks it)."""

    id: str
    title: str
    years: dict[int, PledgeStatus]


@dataclass(frozen=True)
class MilestoneStatus:
    """A milestone judged on its own due date: `done` is what was done by `by` (or by
    `as_of` before then), so that a milestone reached late stays missed."""

    milestone: Milestone
    done: int | None
    expected: int
    status: str


@dataclass(frozen=True)
class AgreementGoalStatus:
    goal: AgreementGoal
    done: int | None
    expected: int
    status: str
    milestones: tuple[MilestoneStatus, ...] = ()


@dataclass(frozen=True)
class AgreementPicture:
    as_of: dt.date
    years: tuple[int, ...]
    pledges: tuple[PledgeYears, ...]
    goals: tuple[AgreementGoalStatus, ...]
    agreement: Agreement | None


def goal_done(goal: AgreementGoal, agreement: Agreement, plans: dict[int, Plan],
              as_of: dt.date, counted: dict[str, int | None]) -> int | None:
    """The goal's done value: its pledge's activities over the period, counted the goal's
    way (`places` counts a place once across all years); or the value of its source."""
    if goal.count.source != "activities":
        return counted.get(goal.count.source)
    activities = [a for plan in plans.values() for a in plan.activities
                  if a.pledge == goal.count.pledge
                  and agreement.first_day <= a.date <= min(agreement.last_day, as_of)]
    return count_activities(activities, goal.count.counting)


def expected_on(goal: AgreementGoal, agreement: Agreement, day: dt.date) -> int:
    """How many the pace asks for on `day`: a straight line from 0 at the agreement's
    start to the goal's `min` at its end; with milestones, a straight line from each
    milestone to the next (0 at the start, the goal's `min` at the end)."""
    points = [(m.by, m.min) for m in sorted(goal.milestones, key=lambda m: m.by)
              if m.by < agreement.last_day] + [(agreement.last_day, goal.min)]
    start, reached = agreement.first_day, 0
    for due, minimum in points:
        if day <= due:
            return reached + expected_by(max(minimum - reached, 0), start, due, day)
        start, reached = due + dt.timedelta(days=1), minimum
    return reached


def agreement_goal_status(goal: AgreementGoal, agreement: Agreement, done: int | None,
                          as_of: dt.date,
                          done_by: dict[dt.date, int | None] | None = None) -> AgreementGoalStatus:
    """The goal on `as_of`, and each milestone judged by the status ladder on its own due
    date. `done_by` holds what was done by each milestone's date before `as_of`."""
    expected = expected_on(goal, agreement, as_of)
    status = NO_DATA if done is None else ladder(done >= goal.min, done < expected, as_of,
                                                 agreement.last_day)
    milestones = []
    for m in sorted(goal.milestones, key=lambda m: m.by):
        day = min(as_of, m.by)
        then = done if day == as_of else (done_by or {}).get(day)
        pace = min(expected_on(goal, agreement, day), m.min)
        judged = NO_DATA if then is None else ladder(then >= m.min, then < pace, as_of, m.by)
        milestones.append(MilestoneStatus(m, then, pace, judged))
    return AgreementGoalStatus(goal, done, expected, status, tuple(milestones))


def milestone_days(agreement: Agreement | None, as_of: dt.date) -> list[dt.date]:
    """The milestone dates before `as_of`: what was done by them is counted as well."""
    if agreement is None:
        return []
    return sorted({m.by for g in agreement.goals for m in g.milestones if m.by < as_of})


def compute_agreement(plans: dict[int, Plan], agreement: Agreement | None, as_of: dt.date,
                      counted: dict[str, int | None] | None = None,
                      counted_by: dict[dt.date, dict[str, int | None]] | None = None
                      ) -> AgreementPicture:
    """Each pledge year by year, and each agreement goal, on `as_of`. `counted` holds
    the values of the sources other than activities (`{"est": 3}`; None: no data);
    `counted_by` the same on each milestone date before `as_of` (`milestone_days`)."""
    rows: dict[str, PledgeYears] = {}
    for year in sorted(plans):
        plan = plans[year]
        for pledge in plan.pledges:
            row = rows.setdefault(pledge.id, PledgeYears(pledge.id, pledge.title, {}))
            row.years[year] = pledge_status(plan, pledge, as_of)
    goals: tuple[AgreementGoalStatus, ...] = ()
    if agreement is not None:
        goals = tuple(
            agreement_goal_status(
                g, agreement, goal_done(g, agreement, plans, as_of, counted or {}), as_of,
                {m.by: goal_done(g, agreement, plans, m.by, (counted_by or {}).get(m.by, {}))
                 for m in g.milestones if m.by < as_of})
            for g in agreement.goals)
    return AgreementPicture(as_of, tuple(sorted(plans)), tuple(rows.values()), goals, agreement)


# --- reading the folder -------------------------------------------------------------------------


def load_plans(folder: Path, as_of: dt.date, lang: str = "sv") -> dict[int, Plan]:
    """Every plan year in `folder`, each free of errors; a message when there is none."""
    plans = {}
    for year, path in sorted(plan_years(folder).items()):
        plan = load_valid(path, lang).plan
        assert plan is not None
        plans[year] = plan
    if not plans:
        raise PlanNotFound(tr(lang, "no_plans_at_all", dir=folder, year=as_of.year))
    return plans


def read_agreement(folder: Path, plans: dict[int, Plan], lang: str = "sv") -> Agreement | None:
    """`agreement.yaml` in `folder`, checked against the plans; None when there is none."""
    if not (folder / AGREEMENT_FILE).exists():
        return None
    loaded = load_agreement(folder / AGREEMENT_FILE, lang)
    errors = [p for p in loaded.problems if p.severity == "error"]
    errors += reference_problems(loaded, list(plans.values()), lang)
    if errors or not isinstance(loaded.plan, Agreement):
        raise PlanInvalid(tr(lang, "plan_has_errors", path=loaded.path), errors)
    return loaded.plan


def counted_sources(folder: Path, agreement: Agreement | None,
                    as_of: dt.date) -> dict[str, int | None]:
    """The done values of the goals counted from other data than activities (EST)."""
    if agreement is None:
        return {}
    return {source: count(folder, as_of) for source, count in COUNT_SOURCES.items()
            if any(g.count.source == source for g in agreement.goals)}


def counted_by_milestones(folder: Path, agreement: Agreement | None,
                          as_of: dt.date) -> dict[dt.date, dict[str, int | None]]:
    """`counted_sources` on each milestone date before `as_of`."""
    return {day: counted_sources(folder, agreement, day)
            for day in milestone_days(agreement, as_of)}


def load_agreement_picture(folder: Path, as_of: dt.date,
                           lang: str = "sv") -> tuple[AgreementPicture, str]:
    """Read every plan year and `agreement.yaml` (if there is one) in `folder`; the
    picture on `as_of` and the language to print it in."""
    plans = load_plans(folder, as_of, lang)
    agreement = read_agreement(folder, plans, lang)
    language = agreement.language if agreement else plans[max(plans)].language
    picture = compute_agreement(plans, agreement, as_of, counted_sources(folder, agreement, as_of),
                                counted_by_milestones(folder, agreement, as_of))
    return picture, language
