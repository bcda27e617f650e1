"""The domain model of a plan file: focus areas, goals, pledges, targets, activities.

One definition of each: frozen, typed records (see `core.records`) whose annotations
say what a valid value is. `plan.reader` turns a file into them, and every command
computes with them. Checks that need the whole file (unknown pledge ids, dates outside
the year) live in `plan/checks.py`; the ways of counting and the statuses in
`followup/compliance.py`.

The field types (`Slug`, `Text`, `Date`, `Count`, `Year`, …) are shared with the other
kinds of file (EST, data series, the agreement).
"""

import datetime as dt
from typing import Annotated, Literal, NamedTuple, TypeGuard

from samverkan.core.ids import RECORD_ID, SLUG
from samverkan.core.inputs import MAX_COUNT, MAX_TEXT
from samverkan.core.records import KEYS, RULES, Rules, no_number_as_date, none_as_empty
from samverkan.core.years import FIRST_YEAR, LAST_YEAR

OWNERS = ("polis", "kommun", "gemensamt")

Owner = Literal["polis", "kommun", "gemensamt"]
Counting = Literal["sum", "places", "weeks", "dates"]
Direction = Literal["decrease", "increase"]
Language = Literal["sv", "en"]


def is_owner(value: str) -> TypeGuard[Owner]:
    """`value` names one of the parties (`OWNERS`)."""
    return value in OWNERS


ACTIVITY_ID = RECORD_ID  # what `log` gives, see `core.ids.new_id`
TEXT = Rules(min_length=1, max_length=MAX_TEXT)

Slug = Annotated[str, SLUG]
Text = Annotated[str, TEXT]
Date = Annotated[dt.date, Rules(before=no_number_as_date)]
Count = Annotated[int, Rules(ge=1, le=MAX_COUNT)]
Year = Annotated[int, Rules(ge=FIRST_YEAR, le=LAST_YEAR)]
Number = float  # finite (see `Rules.finite`)


def check_value_or_range(values: dict, prefix: str) -> None:
    """A value, or a range `low`–`high` where the source gives one (never both, low ≤ high);
    the errors are the message keys `{prefix}_value_missing`, `…_value_and_range`, `…_bad_range`."""
    value, low, high = values.get("value"), values.get("low"), values.get("high")
    has_range = low is not None or high is not None
    if value is None and not has_range:
        raise ValueError(f"{prefix}_value_missing")
    if value is not None and has_range:
        raise ValueError(f"{prefix}_value_and_range")
    if has_range and (low is None or high is None or low > high):
        raise ValueError(f"{prefix}_bad_range")


class Baseline(NamedTuple):
    """The starting point of a goal: a value, or a range (`low`–`high`) when the source gives one."""

    year: Year
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    source: Text | None = None


class Measurement(NamedTuple):
    """One measured value of a goal's indicator, for one year, and the day it became known
    (`date`, which `measure` writes; without one it counts as known from the year's end)."""

    year: Year
    value: Number
    source: Text | None = None
    date: Date | None = None

    @property
    def known_from(self) -> dt.date:
        """The first day `status --as-of` shows the value."""
        return self.date or dt.date(self.year, 12, 31)


# --- where a value comes from: the source's words, or the group's own decision ---------

# The values of a pledge and of a goal that `decided:` may name (see `plan/origin.py`).
PLEDGE_VALUES = ("owner", "focus_area", "target")
GOAL_VALUES = ("indicator", "direction", "baseline")


class PledgeDecision(NamedTuple):
    """Values of a pledge the group chose, which the source does not state: `by` who,
    `values` which (none listed: the whole pledge), and why (`note`)."""

    by: Text
    values: Annotated[tuple[Literal["owner", "focus_area", "target"], ...],
                      Rules(before=none_as_empty)] = ()
    note: Text | None = None


class GoalDecision(NamedTuple):
    """Values of a goal the group chose (an indicator the source does not name, say)."""

    by: Text
    values: Annotated[tuple[Literal["indicator", "direction", "baseline"], ...],
                      Rules(before=none_as_empty)] = ()
    note: Text | None = None


class Goal(NamedTuple):
    id: Slug
    title: Text
    indicator: Text
    direction: Direction
    baseline: Baseline | None = None
    measurements: Annotated[tuple[Measurement, ...], Rules(before=none_as_empty)] = ()
    source: Text | None = None  # the source's own sentence, word for word
    decided: GoalDecision | None = None
    # the data series (data/ID.yaml) that holds the goal's measured values: then the
    # series is the one place for them, and `measurements:` stays empty
    series: Slug | None = None


class FocusArea(NamedTuple):
    id: Slug
    title: Text
    goals: Annotated[tuple[Goal, ...], Rules(before=none_as_empty)] = ()


class Requirement(NamedTuple):
    """At least `min` of the pledge's activities (counted the pledge's way) carry `tag`."""

    tag: Slug
    min: Count


class Target(NamedTuple):
    min: Count
    unit: Text
    counting: Counting = "sum"
    start: Date | None = None
    due: Date | None = None
    requirements: Annotated[tuple[Requirement, ...], Rules(before=none_as_empty)] = ()


class PublicInfo(NamedTuple):
    """What `samverkan publish` may show citizens of a pledge beyond its title and figures.

    Nothing of an activity is published by default (no note, no `by`, no place); the
    plan can give a public description and allow the activities' place names."""

    description: Text | None = None
    show_places: bool = False


class Occasion(NamedTuple):
    """A planned occasion of a pledge: a date and its name (`2021-06-10 Studenten`)."""

    date: Date
    name: Text


class Pledge(NamedTuple):
    id: Slug
    title: Text
    focus_area: Slug
    owner: Owner
    target: Target | None
    public: PublicInfo | None = None
    source: Text | None = None  # the source's own sentence, word for word
    decided: PledgeDecision | None = None
    concept: Text | None = None  # the source's name of the concept, shown beside the title
    planned: Annotated[tuple[Occasion, ...], Rules(before=none_as_empty)] = ()


class Tag(NamedTuple):
    """A tag the plan's requirements and activities use: its id (written in the file and
    typed after --tag) and the title every output shows."""

    id: Slug
    title: Text


class Activity(NamedTuple):
    """One thing done towards a pledge, as `samverkan log` records it."""

    pledge: Slug
    date: Date
    id: Annotated[str, ACTIVITY_ID] | None = None
    count: Count = 1  # type: ignore[assignment]  # the file's key; hides tuple.count
    place: Text | None = None
    tags: Annotated[tuple[Slug, ...], Rules(before=none_as_empty)] = ()
    by: Owner | None = None
    note: Text | None = None


class Plan(NamedTuple):
    """One year's plan and its record of activities."""

    year: Year
    focus_areas: Annotated[tuple[FocusArea, ...], Rules(before=none_as_empty)]
    pledges: Annotated[tuple[Pledge, ...], Rules(before=none_as_empty)]
    language: Language = "sv"
    activities: Annotated[tuple[Activity, ...], Rules(before=none_as_empty)] = ()
    tags: Annotated[tuple[Tag, ...], Rules(before=none_as_empty)] = ()

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def pledge(self, pledge_id: str) -> Pledge | None:
        return next((p for p in self.pledges if p.id == pledge_id), None)

    def period(self, pledge: Pledge) -> tuple[dt.date, dt.date]:
        """The pledge's counting period: the target's start/due, else the plan year."""
        target = pledge.target
        start = target.start if target and target.start else self.first_day
        due = target.due if target and target.due else self.last_day
        return start, due

    def goals(self) -> list[tuple[FocusArea, Goal]]:
        return [(area, goal) for area in self.focus_areas for goal in area.goals]

    def tag_title(self, tag: str) -> str:
        """The title of `tag` as the plan defines it; the id itself when it does not."""
        return next((t.title for t in self.tags if t.id == tag), tag)


def _start_before_due(values: dict) -> None:
    if values["start"] and values["due"] and values["start"] > values["due"]:
        raise ValueError("start_after_due")


KEYS[Activity] = ("id", "pledge", "date", "count", "place", "tags", "by", "note")
KEYS[Plan] = ("year", "language", "focus_areas", "pledges", "tags", "activities")
RULES[Baseline] = (lambda values: check_value_or_range(values, "baseline"),)
RULES[Target] = (_start_before_due,)


# --- the agreement file (plans/agreement.yaml): goals that span the plan years ----------


class AgreementCount(NamedTuple):
    """Where an agreement goal's done value comes from.

    `source: activities` counts the activities of `pledge` in every plan year of the
    period, the `counting` way (`places`: distinct places over all years). `source: est`
    comes from EST's own data through `agreement.COUNT_SOURCES`; never a typed number.
    """

    source: Literal["activities", "est"] = "activities"
    pledge: Slug | None = None
    counting: Counting = "sum"


def _pledge_for_activities(values: dict) -> None:
    if values["source"] == "activities" and values["pledge"] is None:
        raise ValueError("agreement_count_needs_pledge")
    if values["source"] != "activities" and values["pledge"] is not None:
        raise ValueError("agreement_count_no_pledge")


class Milestone(NamedTuple):
    """A dated commitment on the way to an agreement goal: at least `min` by the day `by`."""

    by: Date
    min: Count


class AgreementGoal(NamedTuple):
    """A target for the whole agreement period, e.g. at least 4 new neighbourhood-watch areas.

    With `milestones` the pace runs from one milestone to the next (and on to `min` at the
    agreement's end) instead of in one straight line over the period."""

    id: Slug
    title: Text
    min: Count
    unit: Text
    count: AgreementCount  # type: ignore[assignment]  # the file's key; hides tuple.count
    milestones: Annotated[tuple[Milestone, ...], Rules(before=none_as_empty)] = ()


class Agreement(NamedTuple):
    first_year: Year
    last_year: Year
    title: Text | None = None
    language: Language = "sv"
    goals: Annotated[tuple[AgreementGoal, ...], Rules(before=none_as_empty)] = ()

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.last_year, 12, 31)


def _years_in_order(values: dict) -> None:
    if values["first_year"] > values["last_year"]:
        raise ValueError("agreement_years_order")


KEYS[Agreement] = ("title", "language", "first_year", "last_year", "goals")
RULES[AgreementCount] = (_pledge_for_activities,)
RULES[Agreement] = (_years_in_order,)

# The message keys the records' own checks raise (see `core.records.error_message`).
RECORD_ERRORS = frozenset({
    "baseline_value_missing", "baseline_value_and_range", "baseline_bad_range",
    "start_after_due", "agreement_count_needs_pledge", "agreement_count_no_pledge",
    "agreement_years_order",
})
