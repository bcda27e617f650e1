"""The domain model of a plan file: focus areas, goals, pledges, targets, activities.

These pydantic models define what a valid `plans/YYYY.yaml` holds. They check the
shape of one file (types, required and unknown keys, allowed values); checks that
need the whole file (unknown pledge ids, dates outside the year) live in `checks.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from samverkan.plan.views import COUNTINGS, DIRECTIONS, OWNERS, PlanMethods  # noqa: F401

Owner = Literal["polis", "kommun", "gemensamt"]
Counting = Literal["sum", "places", "weeks"]
Direction = Literal["decrease", "increase"]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


def _reject_numbers_as_dates(value: Any) -> Any:
    # pydantic reads an integer as a Unix timestamp; in a plan file it is a typo.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("date_expected")
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


Date = Annotated[dt.date, BeforeValidator(_reject_numbers_as_dates)]
Count = Annotated[StrictInt, Field(ge=1)]


def check_value_or_range(value: float | None, low: float | None, high: float | None,
                         prefix: str) -> None:
    """A value, or a range `low`–`high` where the source gives one (never both, low ≤ high);
    the errors are the message keys `{prefix}_value_missing`, `…_value_and_range`, `…_bad_range`."""
    has_range = low is not None or high is not None
    if value is None and not has_range:
        raise ValueError(f"{prefix}_value_missing")
    if value is not None and has_range:
        raise ValueError(f"{prefix}_value_and_range")
    if has_range and (low is None or high is None or low > high):
        raise ValueError(f"{prefix}_bad_range")


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Baseline(_Base):
    """The starting point of a goal: a value, or a range (`low`–`high`) when the source gives one."""

    year: StrictInt
    value: float | None = None
    low: float | None = None
    high: float | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _value_or_range(self) -> Baseline:
        check_value_or_range(self.value, self.low, self.high, "baseline")
        return self


class Measurement(_Base):
    """One measured value of a goal's indicator, for one year."""

    year: StrictInt
    value: float
    source: Text | None = None


class Goal(_Base):
    id: Slug
    title: Text
    indicator: Text
    direction: Direction
    baseline: Baseline | None = None
    measurements: Annotated[list[Measurement], BeforeValidator(_none_as_empty_list)] = []


class FocusArea(_Base):
    id: Slug
    title: Text
    goals: Annotated[list[Goal], BeforeValidator(_none_as_empty_list)] = []


class Requirement(_Base):
    """At least `min` of the pledge's activities (counted the pledge's way) carry `tag`."""

    tag: Slug
    min: Count


class Target(_Base):
    min: Count
    unit: Text
    counting: Counting = "sum"
    start: Date | None = None
    due: Date | None = None
    requirements: Annotated[list[Requirement], BeforeValidator(_none_as_empty_list)] = []

    @model_validator(mode="after")
    def _start_before_due(self) -> Target:
        if self.start and self.due and self.start > self.due:
            raise ValueError("start_after_due")
        return self


class PublicInfo(_Base):
    """What `samverkan publish` may show citizens of a pledge beyond its title and figures.

    Nothing of an activity is published by default (no note, no `by`, no place); the
    plan can give a public description and allow the activities' place names."""

    description: Text | None = None
    show_places: StrictBool = False


class Pledge(_Base):
    id: Slug
    title: Text
    focus_area: Slug
    owner: Owner
    target: Target | None
    public: PublicInfo | None = None


class Activity(_Base):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{2,16}$")] | None = None
    pledge: Slug
    date: Date
    count: Count = 1
    place: Text | None = None
    tags: Annotated[list[Slug], BeforeValidator(_none_as_empty_list)] = []
    by: Owner | None = None
    note: Text | None = None


class Plan(PlanMethods, _Base):
    """One year's plan; its methods (`period`, `pledge`, …) are in `views.PlanMethods`."""

    year: Annotated[StrictInt, Field(ge=2000, le=2100)]
    language: Literal["sv", "en"] = "sv"
    focus_areas: Annotated[list[FocusArea], BeforeValidator(_none_as_empty_list)]
    pledges: Annotated[list[Pledge], BeforeValidator(_none_as_empty_list)]
    activities: Annotated[list[Activity], BeforeValidator(_none_as_empty_list)] = []


# --- the agreement file (plans/agreement.yaml): goals that span the plan years ----------


class AgreementCount(_Base):
    """Where an agreement goal's done value comes from.

    `source: activities` counts the activities of `pledge` in every plan year of the
    period, the `counting` way (`places`: distinct places over all years). `source: est`
    comes from EST's own data through `agreement.COUNT_SOURCES`; never a typed number.
    """

    source: Literal["activities", "est"] = "activities"
    pledge: Slug | None = None
    counting: Counting = "sum"

    @model_validator(mode="after")
    def _pledge_for_activities(self) -> AgreementCount:
        if self.source == "activities" and self.pledge is None:
            raise ValueError("agreement_count_needs_pledge")
        if self.source != "activities" and self.pledge is not None:
            raise ValueError("agreement_count_no_pledge")
        return self


class AgreementGoal(_Base):
    """A target for the whole agreement period, e.g. at least 4 new neighbourhood-watch areas."""

    id: Slug
    title: Text
    min: Count
    unit: Text
    count: AgreementCount


class Agreement(_Base):
    title: Text | None = None
    language: Literal["sv", "en"] = "sv"
    first_year: Annotated[StrictInt, Field(ge=2000, le=2100)]
    last_year: Annotated[StrictInt, Field(ge=2000, le=2100)]
    goals: Annotated[list[AgreementGoal], BeforeValidator(_none_as_empty_list)] = []

    @model_validator(mode="after")
    def _years_in_order(self) -> Agreement:
        if self.first_year > self.last_year:
            raise ValueError("agreement_years_order")
        return self

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.last_year, 12, 31)
