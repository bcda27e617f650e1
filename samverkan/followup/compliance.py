"""Where each pledge and goal stands on a given day: the pure compliance computation.

No I/O and no clock: the plan and `as_of` come in, statuses go out. The rules are
the contract's "Status semantics": a count's expected value follows a straight pace
line from the period's start to its due date, and a pledge is `met`, `on_track`,
`behind`, `missed` or `untracked`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from samverkan.plan.model import Activity, Goal, Measurement, Occasion, Plan, Pledge

# The statuses (the contract's names, also in `status --format json`), in their order.
MET, ON_TRACK, BEHIND, MISSED, UNTRACKED = PLEDGE_STATUSES = (
    "met", "on_track", "behind", "missed", "untracked")
ATTENTION = (BEHIND, MISSED)  # what a steering group must act on (`--fail-on`, the report)
# A goal's verdict: its latest figure against its baseline, in the goal's direction.
IMPROVED, WORSENED, UNCHANGED = "improved", "worsened", "unchanged"
NO_DATA = "no_data"  # an agreement goal or a goal without the figures to judge it
GOAL_VERDICTS = (IMPROVED, WORSENED, UNCHANGED, NO_DATA)
# A planned occasion of a pledge (`planned:`): done (an activity on its date), not done
# (its date passed without one), or still to come (its date is as_of or later).
DONE, NOT_DONE, COMING = OCCASION_STATES = ("done", "not_done", "coming")


class Count(NamedTuple):
    """One count of a pledge: its main target, or one requirement on tagged activities."""

    target: int
    done: int
    expected: int
    tag: str | None = None
    tag_title: str | None = None  # the tag's title in the plan (`tags:`), when it has one

    @property
    def met(self) -> bool:
        return self.done >= self.target

    @property
    def tag_name(self) -> str:
        """What outputs show of the requirement's tag: its title, else its id."""
        return self.tag_title or self.tag or ""


class OccasionStatus(NamedTuple):
    """A planned occasion on `as_of`: `state` is one of `OCCASION_STATES`."""

    occasion: Occasion
    state: str


class PledgeStatus(NamedTuple):
    pledge: Pledge
    start: dt.date
    due: dt.date
    status: str
    done: int
    main: Count | None = None
    requirements: tuple[Count, ...] = ()
    needed: int | None = None
    next_due: dt.date | None = None
    occasions: tuple[OccasionStatus, ...] = ()

    @property
    def counts(self) -> tuple[Count, ...]:
        return ((self.main,) if self.main else ()) + self.requirements

    @property
    def next_planned(self) -> Occasion | None:
        """The first planned occasion still to come (on `as_of` or later)."""
        return next((o.occasion for o in self.occasions if o.state == COMING), None)

    @property
    def not_done(self) -> tuple[Occasion, ...]:
        """The planned occasions whose date passed without an activity on that date."""
        return tuple(o.occasion for o in self.occasions if o.state == NOT_DONE)


class GoalStatus(NamedTuple):
    goal: Goal
    focus_area: str
    measurements: tuple[Measurement, ...]
    latest: Measurement | None
    status: str


class Compliance(NamedTuple):
    year: int
    as_of: dt.date
    pledges: tuple[PledgeStatus, ...]
    goals: tuple[GoalStatus, ...]
    summary: dict[str, int]


def normalize_place(place: str) -> str:
    return " ".join(place.split()).casefold()


# The ways of counting that count distinct things (`sum` adds the activities' counts).
DISTINCT_COUNTINGS = ("places", "weeks", "dates")


def counting_key(activity: Activity, counting: str) -> Hashable | None:
    """What makes two activities one in a count of distinct things: the place (case and
    spaces ignored) for `places`, the ISO (year, week) for `weeks`, the date for `dates`
    ("minst tio kvällar": two activities on one evening are one). None when the activity
    adds nothing (`places` without a place)."""
    if counting == "places":
        place = activity.place
        return normalize_place(place) if place and place.strip() else None
    if counting == "weeks":
        return tuple(activity.date.isocalendar()[:2])
    return activity.date


def count_activities(activities: Iterable[Activity], counting: str) -> int:
    """How much the activities add up to, counted the pledge's way."""
    if counting not in DISTINCT_COUNTINGS:
        return sum(a.count for a in activities)
    return len({key for a in activities if (key := counting_key(a, counting)) is not None})


def expected_by(target: int, start: dt.date, due: dt.date, as_of: dt.date) -> int:
    """floor(target × share of the period elapsed on `as_of`, both ends inclusive)."""
    length = (due - start).days + 1
    elapsed = min(max((as_of - start).days + 1, 0), length)
    return target * elapsed // length


def _first_day_expecting(target: int, amount: int, start: dt.date, due: dt.date) -> dt.date:
    """The first day on which the pace line asks for `amount` (≤ target)."""
    length = (due - start).days + 1
    elapsed = -(-amount * length // target)  # ceil
    return start + dt.timedelta(days=elapsed - 1)


def ladder(met: bool, below_pace: bool, as_of: dt.date, due: dt.date) -> str:
    """The status ladder (the contract's "Status semantics"): met when every count reaches
    its target; else missed once the due date is over; else behind when a count is below
    its pace; else on track. (On the due date itself the day is not over.)"""
    if met:
        return MET
    if as_of > due:
        return MISSED
    return BEHIND if below_pace else ON_TRACK


def occasion_states(occasions: Iterable[Occasion], activities: Iterable[Activity],
                    as_of: dt.date) -> tuple[OccasionStatus, ...]:
    """Each planned occasion, by date: done when an activity (of the pledge, up to
    `as_of`) is dated that day; not done when its day is over without one (the day
    `as_of` itself is not over); else still to come."""
    days = {a.date for a in activities if a.date <= as_of}
    return tuple(OccasionStatus(o, DONE if o.date in days else NOT_DONE if o.date < as_of
                                else COMING)
                 for o in sorted(occasions, key=lambda o: o.date))


def pledge_status(plan: Plan, pledge: Pledge, as_of: dt.date,
                  activities: Sequence[Activity] | None = None) -> PledgeStatus:
    """The pledge's status; its activities are taken from `activities` when given (those
    of the pledge, already picked out), else from the plan."""
    start, due = plan.period(pledge)
    ours = [a for a in (plan.activities if activities is None else activities)
            if a.pledge == pledge.id]
    mine = [a for a in ours if start <= a.date <= due and a.date <= as_of]
    occasions = occasion_states(pledge.planned, ours, as_of) if pledge.planned else ()
    target = pledge.target
    if target is None:
        return PledgeStatus(pledge, start, due, UNTRACKED, count_activities(mine, "sum"),
                            occasions=occasions)

    def make(minimum: int, counted: list[Activity], tag: str | None) -> Count:
        return Count(minimum, count_activities(counted, target.counting),
                     expected_by(minimum, start, due, as_of), tag,
                     plan.tag_title(tag) if tag else None)

    main = make(target.min, mine, None)
    requirements = tuple(make(r.min, [a for a in mine if r.tag in a.tags], r.tag)
                         for r in target.requirements)
    counts = (main,) + requirements
    status = ladder(all(c.met for c in counts), any(c.done < c.expected for c in counts),
                    as_of, due)
    needed = max(max(c.target - c.done, 0) for c in counts)
    next_due = None
    if status in (BEHIND, ON_TRACK):
        next_due = min(_first_day_expecting(c.target, c.done + 1, start, due)
                       for c in counts if not c.met)
        next_due = max(next_due, as_of) if status == ON_TRACK else as_of
    return PledgeStatus(pledge, start, due, status, main.done, main, requirements,
                        needed, next_due, occasions)


def goal_verdict(goal: Goal, latest: Measurement | None) -> str:
    baseline = goal.baseline
    if baseline is None or latest is None:
        return NO_DATA
    low = baseline.value if baseline.value is not None else baseline.low
    high = baseline.value if baseline.value is not None else baseline.high
    assert low is not None and high is not None
    value = latest.value
    if low <= value <= high:
        return UNCHANGED
    lower = value < low
    if goal.direction == "decrease":
        return IMPROVED if lower else WORSENED
    return WORSENED if lower else IMPROVED


def goal_status(goal: Goal, focus_area: str, year: int,
                extra: Iterable[Measurement] = (), as_of: dt.date | None = None) -> GoalStatus:
    """The goal's measurements up to `year` (its own and those `extra` from other plan
    files or from its series, the later one winning for a year) that are known on `as_of`
    (`Measurement.known_from`), the latest, and the verdict."""
    by_year: dict[int, Measurement] = {}
    for m in list(extra) + list(goal.measurements):
        if m.year <= year and (as_of is None or m.known_from <= as_of):
            by_year[m.year] = m
    measurements = tuple(by_year[y] for y in sorted(by_year))
    latest = measurements[-1] if measurements else None
    return GoalStatus(goal, focus_area, measurements, latest, goal_verdict(goal, latest))


def compute(plan: Plan, as_of: dt.date,
            extra_measurements: dict[str, list[Measurement]] | None = None,
            activities: Sequence[Activity] | None = None) -> Compliance:
    """Every pledge's and goal's status in `plan` on `as_of` (activities as in
    `pledge_status`)."""
    extra_measurements = extra_measurements or {}
    by_pledge: dict[str, list[Activity]] = {p.id: [] for p in plan.pledges}
    for a in plan.activities if activities is None else activities:
        if a.pledge in by_pledge:
            by_pledge[a.pledge].append(a)
    pledges = tuple(pledge_status(plan, p, as_of, by_pledge[p.id]) for p in plan.pledges)
    goals = tuple(goal_status(g, area.id, plan.year, extra_measurements.get(g.id, ()), as_of)
                  for area in plan.focus_areas for g in area.goals)
    return Compliance(plan.year, as_of, pledges, goals, summarize(pledges))


def summarize(pledges: Iterable[PledgeStatus]) -> dict[str, int]:
    summary = dict.fromkeys(PLEDGE_STATUSES, 0)
    for p in pledges:
        summary[p.status] += 1
    return summary
