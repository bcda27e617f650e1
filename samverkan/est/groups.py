"""The förebyggargrupper's pictures and the overview Fris reads.

Pure code (no I/O, no clock). A group is an `Area` and its picture of a week (a meeting)
or a month is an `Entry` covering those weeks, so the EST machinery (`picture_of`) does
the counting: a period's pictures against the previous period and the same period a year
earlier, as of a day. What is the groups' own is how a missing picture reads: a group
that left no picture for a period has not reported, and its counts are unknown, not 0 —
so a comparison is made only with a period the group did report for.

- `compute_groups`: each group's row (in the order of `forebyggargrupper.yaml`), the
  groups that have not reported, and what rose or fell most (group × category).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.est.model import Area, Category, GroupConfig, GroupPicture, Organisation, WorkFile
from samverkan.est.periods import Period, parse_period
from samverkan.est.picture import AreaPicture, CategoryCount, Entry, Picture, picture_of


def picture_entry(picture: GroupPicture) -> Entry:
    """A group's picture as the EST machinery counts it: its period's weeks, from its date."""
    weeks = parse_period(picture.period).weeks()
    return Entry(picture.group, weeks[0], weeks[-1], tuple(picture.counts.items()),
                 picture.date, source=picture)


@dataclass(frozen=True)
class GroupRow:
    """One group in a period: its counts, and the comparisons it has pictures for."""

    group: Area
    members: tuple[Organisation, ...]
    area: AreaPicture
    started: bool  # had the group started by the end of the period?
    has_last_year: bool  # is there a same period last year (none for an unmatched W53)?

    @property
    def reported(self) -> bool:
        return self.area.reports > 0

    @property
    def pictures(self) -> tuple[GroupPicture, ...]:
        return tuple(p for p in self.area.records if isinstance(p, GroupPicture))

    @property
    def compared_previous(self) -> bool:
        return self.reported and self.area.previous_reports > 0

    @property
    def compared_last_year(self) -> bool:
        return self.reported and self.has_last_year and self.area.last_year_reports > 0

    def previous(self, c: CategoryCount) -> int | None:
        return c.previous if self.compared_previous else None

    def last_year(self, c: CategoryCount) -> int | None:
        return c.last_year if self.compared_last_year else None

    @property
    def total(self) -> int | None:
        return self.area.total if self.reported else None

    @property
    def previous_total(self) -> int | None:
        return self.area.previous_total if self.compared_previous else None

    @property
    def last_year_total(self) -> int | None:
        if not self.compared_last_year:
            return None
        return sum(self.last_year(c) or 0 for c in self.area.categories)


@dataclass(frozen=True)
class Change:
    """A category of a group that rose or fell against an earlier period it reported for."""

    group: Area
    category: Category
    count: int
    before: int

    @property
    def change(self) -> int:
        return self.count - self.before


@dataclass(frozen=True)
class GroupsPicture:
    picture: Picture  # period, previous, last year, weeks, columns, as_of
    categories: tuple[Category, ...]
    rows: tuple[GroupRow, ...]
    expected: int | None  # how many groups there are (the source: 19)
    listed: int           # how many groups forebyggargrupper.yaml lists
    rises: tuple[Change, ...]
    falls: tuple[Change, ...]
    rises_last_year: tuple[Change, ...]
    falls_last_year: tuple[Change, ...]

    @property
    def not_reported(self) -> tuple[Area, ...]:
        """Groups that had started by the period's end and left no picture for it."""
        return tuple(r.group for r in self.rows if r.started and not r.reported)

    @property
    def reported(self) -> tuple[GroupRow, ...]:
        return tuple(r for r in self.rows if r.reported)

    @property
    def highest(self) -> int:
        return max([c.count for r in self.reported for c in r.area.categories] + [0])

    def category_total(self, category: Category) -> int:
        return sum(c.count for r in self.reported for c in r.area.categories
                   if c.category.id == category.id)


def _changes(rows: Iterable[GroupRow], last_year: bool, top: int
             ) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    found = []
    for row in rows:
        if not (row.compared_last_year if last_year else row.compared_previous):
            continue
        for c in row.area.categories:
            before = row.last_year(c) if last_year else row.previous(c)
            if before is not None and c.count != before:
                found.append(Change(row.group, c.category, c.count, before))
    rises = sorted((c for c in found if c.change > 0),
                   key=lambda c: (-c.change, c.group.name, c.category.title))
    falls = sorted((c for c in found if c.change < 0),
                   key=lambda c: (c.change, c.group.name, c.category.title))
    return tuple(rises[:top]), tuple(falls[:top])


def compute_groups(config: GroupConfig, pictures: Iterable[GroupPicture], period: Period,
                   as_of: dt.date, group_id: str | None = None, top: int = 5) -> GroupsPicture:
    """Every group's picture of `period` as it stood on `as_of` (or one group's)."""
    groups = [g for g in config.groups if group_id is None or g.id == group_id]
    picture = picture_of(groups, config.categories, [picture_entry(p) for p in pictures],
                         WorkFile(), period, as_of, column_kind="month")
    by_id = {a.area.id: a for a in picture.areas}
    last_week = picture.weeks[-1]
    rows = tuple(GroupRow(g, tuple(config.members(g)), by_id[g.id], g.started_by(last_week),
                          picture.last_year is not None) for g in groups)
    rises, falls = _changes(rows, False, top)
    rises_ly, falls_ly = _changes(rows, True, top)
    return GroupsPicture(picture, tuple(config.categories), rows, config.groups_expected,
                         len(config.groups), rises, falls, rises_ly, falls_ly)
