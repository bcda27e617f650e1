"""The EST files as records (see `core.records`): areas and checklist, observations, analyses and measures,
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

import datetime as dt
from typing import Annotated, Literal, NamedTuple

from samverkan.core.ids import RECORD_ID
from samverkan.core.records import KEYS, Rules, none_as_empty
from samverkan.est.periods import Week, parse_week
from samverkan.plan.model import Date, Slug, Text, Year

KIND_CONFIG = "est-omraden"
KIND_OBSERVATIONS = "est-observationer"
KIND_WORK = "est-insatser"
KIND_GROUPS = "est-forebyggargrupper"
KIND_GROUP_PICTURES = "est-grupplagesbilder"
ASSESSMENTS = ("god", "delvis", "ingen", "oklar")

ShortId = Annotated[str, RECORD_ID]
Amount = Annotated[int, Rules(ge=0)]
Weeks = Annotated[int, Rules(ge=1, le=53)]
GroupsExpected = Annotated[int, Rules(ge=1, le=1000)]


def _empty_mapping(value: object) -> object:
    return {} if value is None else value


List = Rules(before=none_as_empty)


class Organisation(NamedTuple):
    """A reporting organisation (never a person): a housing company, a school, the police …"""

    id: Slug
    name: Text


class Area(NamedTuple):
    id: Slug
    name: Text
    description: Text | None = None
    # The year EST started in the area (the source only says "during 2021"), and the day,
    # once it is known; if both are given they must agree (checked in est/checks.py).
    start_year: Year | None = None
    start: Date | None = None
    reporters: Annotated[tuple[Organisation, ...], List] = ()

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


class Category(NamedTuple):
    id: Slug
    title: Text
    description: Text | None = None


class EstConfig(NamedTuple):
    min_report_weeks: Weeks
    areas: Annotated[tuple[Area, ...], List]
    categories: Annotated[tuple[Category, ...], List]
    kind: Literal["est-omraden"] | None = None
    language: Literal["sv", "en"] = "sv"

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


class Observation(NamedTuple):
    """What a reporter saw in one area, category and week (`count` 0: checked, nothing seen)."""

    area: Slug
    category: Slug
    id: ShortId | None = None
    week: Text | None = None  # 2021-W10; checked in est/checks.py
    date: Date | None = None
    count: Amount = 1  # type: ignore[assignment]  # the file's key; hides tuple.count
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


class ObservationFile(NamedTuple):
    year: Year
    kind: Literal["est-observationer"] | None = None
    observations: Annotated[tuple[Observation, ...], List] = ()


class Analysis(NamedTuple):
    """Causes found for an area's situation in a period."""

    area: Slug
    period: Text  # 2021-W10, 2021-03, 2021Q1 or 2021; checked in est/checks.py
    date: Date
    text: Text
    id: ShortId | None = None
    categories: Annotated[tuple[Slug, ...], List] = ()


class Measure(NamedTuple):
    """A measure taken with partners, aimed at some of the checklist's categories."""

    id: Slug
    area: Slug
    title: Text
    start: Date
    categories: Annotated[tuple[Slug, ...], List]
    partners: Annotated[tuple[Text, ...], List] = ()
    end: Date | None = None
    # The day the measure was recorded (written by `est insats`): a measure exists as of a
    # day when it had been recorded or had started by then, so a planned measure (start
    # ahead) shows as planned from the day it was recorded, and never before.
    recorded: Date | None = None
    note: Text | None = None

    def known_by(self, day: dt.date) -> bool:
        """Did the measure exist on `day` (started, or recorded as planned)?"""
        return self.start <= day or (self.recorded is not None and self.recorded <= day)


class FollowUp(NamedTuple):
    """An assessment of a measure: god, delvis, ingen (effekt) or oklar."""

    measure: Slug
    date: Date
    assessment: Literal["god", "delvis", "ingen", "oklar"]
    id: ShortId | None = None
    text: Text | None = None


class WorkFile(NamedTuple):
    kind: Literal["est-insatser"] | None = None
    analyses: Annotated[tuple[Analysis, ...], List] = ()
    measures: Annotated[tuple[Measure, ...], List] = ()
    follow_ups: Annotated[tuple[FollowUp, ...], List] = ()


# --- förebyggargrupper ------------------------------------------------------------------


class GroupConfig(NamedTuple):
    """The förebyggargrupper: areas (the `Area` model) whose pictures go to Fris.

    `reporters` at the top are the organisations that take part in every group unless a
    group lists its own; `groups_expected` is how many groups there are (the source: 19)."""

    categories: Annotated[tuple[Category, ...], List]
    kind: Literal["est-forebyggargrupper"] | None = None
    language: Literal["sv", "en"] = "sv"
    groups_expected: GroupsExpected | None = None
    reporters: Annotated[tuple[Organisation, ...], List] = ()
    groups: Annotated[tuple[Area, ...], List] = ()

    def group(self, group_id: str) -> Area | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def members(self, group: Area) -> list[Organisation]:
        """The organisations taking part in `group`: its own list, else the default."""
        return list(group.reporters) or list(self.reporters)


class GroupPicture(NamedTuple):
    """A group's picture of a period: a week (the week of a meeting) or a month."""

    id: ShortId
    group: Slug
    period: Text  # 2021-W10 or 2021-03; checked in est/checks.py
    date: Date    # the meeting's (or writing's) day: the picture exists from this day on
    counts: Annotated[dict[Slug, Amount], Rules(before=_empty_mapping)] = {}  # noqa: RUF012
    text: Text | None = None


class GroupPictureFile(NamedTuple):
    year: Year
    kind: Literal["est-grupplagesbilder"] | None = None
    pictures: Annotated[tuple[GroupPicture, ...], List] = ()


# The keys in the order the files write them (see `core.records.KEYS`).
KEYS[EstConfig] = ('kind', 'language', 'min_report_weeks', 'areas', 'categories')
KEYS[Observation] = ('id', 'area', 'category', 'week', 'date', 'count', 'reporter', 'place', 'note')
KEYS[ObservationFile] = ('kind', 'year', 'observations')
KEYS[Analysis] = ('id', 'area', 'period', 'date', 'text', 'categories')
KEYS[Measure] = ('id', 'area', 'title', 'partners', 'start', 'end', 'recorded', 'categories', 'note')
KEYS[FollowUp] = ('id', 'measure', 'date', 'assessment', 'text')
KEYS[GroupConfig] = ('kind', 'language', 'groups_expected', 'reporters', 'categories', 'groups')
KEYS[GroupPictureFile] = ('kind', 'year', 'pictures')
