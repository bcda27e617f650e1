"""The EST files as pydantic models: areas and checklist, observations, analyses and measures,
and the förebyggargrupper with their regular pictures.

Three kinds of human-edited YAML files live in the `est/` folder beside `plans/`:

- `omraden.yaml` (`EstConfig`): the areas with their reporting organisations, the
  checklist of categories, and how many weeks of reports make an area "running EST".
- `observationer-YYYY.yaml` (`ObservationFile`): the reporters' observations of one ISO
  year, written by `samverkan est rapport`.
- `insatser.yaml` (`WorkFile`): analyses, measures and follow-ups, written by
  `samverkan est analys|insats|uppfoljning`.

- `forebyggargrupper.yaml` (`GroupConfig`): the förebyggargrupper — areas of another kind,
  the same `Area` model with its participating organisations — and their checklist.
- `grupplagesbilder-YYYY.yaml` (`GroupPictureFile`): each group's picture of a week (a
  meeting) or a month: counts per category and free text, written by `est grupp rapport`.

These models check one file's shape; references between files (an observation's area
and category, a follow-up's measure) and dates are checked in `est/checks.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictInt, StringConstraints

from samverkan.core.legacy_models import Date, Slug, Text, _Base, _none_as_empty_list
from samverkan.est.periods import Week, parse_week

KIND_CONFIG = "est-omraden"
KIND_OBSERVATIONS = "est-observationer"
KIND_WORK = "est-insatser"
KIND_GROUPS = "est-forebyggargrupper"
KIND_GROUP_PICTURES = "est-grupplagesbilder"
ASSESSMENTS = ("god", "delvis", "ingen", "oklar")

Year = Annotated[StrictInt, Field(ge=2000, le=2100)]
ShortId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{2,16}$")]
Amount = Annotated[StrictInt, Field(ge=0)]


def _list(value: object) -> object:
    return _none_as_empty_list(value)


class Organisation(_Base):
    """A reporting organisation (never a person): a housing company, a school, the police …"""

    id: Slug
    name: Text


class Area(_Base):
    id: Slug
    name: Text
    description: Text | None = None
    # The year EST started in the area (the source only says "during 2021"), and the day,
    # once it is known; if both are given they must agree (checked in est/checks.py).
    start_year: Year | None = None
    start: Date | None = None
    reporters: Annotated[list[Organisation], BeforeValidator(_list)] = []

    def started_by(self, week: Week) -> bool:
        """Had EST started in the area by `week`? Weeks before the start week (or before
        the start year) are not silent and do not count towards running EST."""
        if self.start is not None:
            return week >= Week.of(self.start)
        return self.start_year is None or week.year >= self.start_year

    def reporter(self, key: str) -> Organisation | None:
        wanted = key.strip().casefold()
        return next((o for o in self.reporters
                     if o.id == wanted or o.name.casefold() == wanted), None)


class Category(_Base):
    id: Slug
    title: Text
    description: Text | None = None


class EstConfig(_Base):
    kind: Literal["est-omraden"] | None = None
    language: Literal["sv", "en"] = "sv"
    min_report_weeks: Annotated[StrictInt, Field(ge=1, le=53)]
    areas: Annotated[list[Area], BeforeValidator(_list)]
    categories: Annotated[list[Category], BeforeValidator(_list)]

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


class Observation(_Base):
    """What a reporter saw in one area, category and week (`count` 0: checked, nothing seen)."""

    id: ShortId | None = None
    area: Slug
    category: Slug
    week: Text | None = None  # 2021-W10; checked in est/checks.py
    date: Date | None = None
    count: Amount = 1
    reporter: Slug | None = None
    place: Text | None = None
    note: Text | None = None

    @property
    def iso_week(self) -> Week:
        """The ISO week of the observation: its `week`, or the week of its `date`."""
        if self.date is not None:
            return Week.of(self.date)
        assert self.week is not None
        return parse_week(self.week)

    @property
    def known_from(self) -> dt.date:
        """The first day the observation exists for `--as-of`: its date; without one, the
        Monday of its week (the first day it can be reported: `est rapport` refuses a week
        that has not begun, and records the current week without a date)."""
        return self.date if self.date is not None else self.iso_week.monday

    def known_by(self, day: dt.date) -> bool:
        return self.known_from <= day


class ObservationFile(_Base):
    kind: Literal["est-observationer"] | None = None
    year: Year
    observations: Annotated[list[Observation], BeforeValidator(_list)] = []


class Analysis(_Base):
    """Causes found for an area's situation in a period."""

    id: ShortId | None = None
    area: Slug
    period: Text  # 2021-W10, 2021-03, 2021Q1 or 2021; checked in est/checks.py
    date: Date
    text: Text
    categories: Annotated[list[Slug], BeforeValidator(_list)] = []


class Measure(_Base):
    """A measure taken with partners, aimed at some of the checklist's categories."""

    id: Slug
    area: Slug
    title: Text
    partners: Annotated[list[Text], BeforeValidator(_list)] = []
    start: Date
    end: Date | None = None
    # The day the measure was recorded (written by `est insats`): a measure exists as of a
    # day when it had been recorded or had started by then, so a planned measure (start
    # ahead) shows as planned from the day it was recorded, and never before.
    recorded: Date | None = None
    categories: Annotated[list[Slug], BeforeValidator(_list)]
    note: Text | None = None

    def open_on(self, day: dt.date) -> bool:
        return self.end is None or self.end >= day

    def known_by(self, day: dt.date) -> bool:
        """Did the measure exist on `day` (started, or recorded as planned)?"""
        return self.start <= day or (self.recorded is not None and self.recorded <= day)


class FollowUp(_Base):
    """An assessment of a measure: god, delvis, ingen (effekt) or oklar."""

    id: ShortId | None = None
    measure: Slug
    date: Date
    assessment: Literal["god", "delvis", "ingen", "oklar"]
    text: Text | None = None


class WorkFile(_Base):
    kind: Literal["est-insatser"] | None = None
    analyses: Annotated[list[Analysis], BeforeValidator(_list)] = []
    measures: Annotated[list[Measure], BeforeValidator(_list)] = []
    follow_ups: Annotated[list[FollowUp], BeforeValidator(_list)] = []


# --- förebyggargrupper ------------------------------------------------------------------


class GroupConfig(_Base):
    """The förebyggargrupper: areas (the `Area` model) whose pictures go to Fris.

    `reporters` at the top are the organisations that take part in every group unless a
    group lists its own; `groups_expected` is how many groups there are (the source: 19)."""

    kind: Literal["est-forebyggargrupper"] | None = None
    language: Literal["sv", "en"] = "sv"
    groups_expected: Annotated[StrictInt, Field(ge=1, le=1000)] | None = None
    reporters: Annotated[list[Organisation], BeforeValidator(_list)] = []
    categories: Annotated[list[Category], BeforeValidator(_list)]
    groups: Annotated[list[Area], BeforeValidator(_list)] = []

    def group(self, group_id: str) -> Area | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def members(self, group: Area) -> list[Organisation]:
        """The organisations taking part in `group`: its own list, else the default."""
        return list(group.reporters) or list(self.reporters)


class GroupPicture(_Base):
    """A group's picture of a period: a week (the week of a meeting) or a month."""

    id: ShortId
    group: Slug
    period: Text  # 2021-W10 or 2021-03; checked in est/checks.py
    date: Date    # the meeting's (or writing's) day: the picture exists from this day on
    counts: Annotated[dict[Slug, Amount], BeforeValidator(lambda v: {} if v is None else v)] = {}
    text: Text | None = None


class GroupPictureFile(_Base):
    kind: Literal["est-grupplagesbilder"] | None = None
    year: Year
    pictures: Annotated[list[GroupPicture], BeforeValidator(_list)] = []

