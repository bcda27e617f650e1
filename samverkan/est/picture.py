"""The EST computations: the lägesbild of a period, the status of measures, running areas.

Pure code (no I/O, no clock; `as_of` is passed in), over the models of `est/model.py`.

Everything is "as of" a day: only observations, analyses, measures and follow-ups that
existed on `as_of` count (an observation from its date, or its week's Monday without one;
a measure from its start or the day it was recorded).

- `compute_picture`: per area and category the count in a period against the previous
  period of the same kind and the same period a year earlier (none for a week 53 after
  a year of 52 weeks), the areas ranked by their total, the categories that rose,
  and the weeks without any report (only weeks that are over and after the area's start
  year count as silent; a report with count 0 means "checked, nothing seen" and is a report).
- `compute_status`: every measure with its state, follow-ups and the targeted categories'
  counts in the weeks since it started against as many weeks just before it.
- `running_areas`: which areas have reports in at least `min_report_weeks` of a year's
  weeks; `implemented_areas`: those that did so in at least one year — the agreement's
  goal "EST in 3–4 areas" counts these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from samverkan.est.model import (
    Analysis,
    Area,
    Category,
    EstConfig,
    FollowUp,
    Measure,
    Observation,
    Organisation,
    WorkFile,
)
from samverkan.est.periods import Kind, Period, Week, parse_period, period_of

# --- lägesbild -----------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryCount:
    category: Category
    count: int
    previous: int
    by_column: tuple[int, ...]  # one count per column of the picture (week, or month of a year)
    last_year: int | None = None  # the same period a year earlier (None: nothing to compare)

    @property
    def change(self) -> int:
        return self.count - self.previous

    @property
    def rose(self) -> bool:
        return self.count > self.previous

    @property
    def change_last_year(self) -> int | None:
        return None if self.last_year is None else self.count - self.last_year


@dataclass(frozen=True)
class ReporterWeeks:
    organisation: Organisation
    reported: tuple[Week, ...]
    silent: tuple[Week, ...]


@dataclass(frozen=True)
class AreaPicture:
    area: Area
    rank: int
    total: int
    previous_total: int
    categories: tuple[CategoryCount, ...]
    reports_by_column: tuple[int, ...]  # observations (reports) per column
    silent_weeks: tuple[Week, ...]     # over, expected, and no report at all
    open_weeks: tuple[Week, ...]       # not over yet on as_of
    reporters: tuple[ReporterWeeks, ...]
    analyses: tuple[Analysis, ...]
    measures: tuple[Measure, ...]
    # The same period a year earlier: None when there is none (a week 53 after a year of 52
    # weeks) or the area had not started then and has nothing recorded in it.
    last_year_total: int | None = None
    previous_reports: int = 0   # reports (entries) wholly in the previous period
    last_year_reports: int = 0  # … and in the same period a year earlier
    records: tuple[Any, ...] = ()  # the `source` of each entry in the period (a group's pictures)

    @property
    def reports(self) -> int:
        return sum(self.reports_by_column)

    @property
    def change(self) -> int:
        return self.total - self.previous_total

    @property
    def change_last_year(self) -> int | None:
        return None if self.last_year_total is None else self.total - self.last_year_total

    @property
    def rose(self) -> tuple[CategoryCount, ...]:
        return tuple(c for c in self.categories if c.rose)


@dataclass(frozen=True)
class Picture:
    period: Period
    previous: Period
    weeks: tuple[Week, ...]
    previous_weeks: tuple[Week, ...]
    columns: tuple[Period, ...]  # the period's weeks; a year's months
    as_of: dt.date
    areas: tuple[AreaPicture, ...]
    last_year: Period | None = None  # the same period a year earlier; None for an unmatched W53
    last_year_weeks: tuple[Week, ...] = ()

    @property
    def complete(self) -> bool:
        return self.weeks[-1].ended_before(self.as_of)


@dataclass(frozen=True)
class Entry:
    """One report as the pictures count it: an observation (one category, one week) or a
    förebyggargrupp's picture (counts per category over a week or a month): it covers the
    weeks `first`…`last` and exists from `known_from` on (see `--as-of`). `source` is the
    record itself when the picture should list it (a group's picture and its text)."""

    area: str
    first: Week
    last: Week
    counts: tuple[tuple[str, int], ...]
    known_from: dt.date
    reporter: str | None = None
    source: Any = None

    def weeks(self) -> list[Week]:
        found, week = [], self.first
        while week <= self.last:
            found.append(week)
            week = week.shift(1)
        return found

    def within(self, weeks: set[Week] | frozenset[Week]) -> bool:
        """Does the report lie wholly inside `weeks` (a period's weeks)?"""
        return self.first in weeks and self.last in weeks


def observation_entry(obs: Observation) -> Entry:
    week = obs.iso_week
    return Entry(obs.area, week, week, ((obs.category, obs.count),), obs.known_from,
                 obs.reporter)


def _overlaps(period: Period, first: dt.date, last: dt.date | None) -> bool:
    return first <= period.last_day and (last is None or last >= period.first_day)


def _analysis_in(analysis: Analysis, weeks: set[Week]) -> bool:
    try:
        return bool(weeks & set(parse_period(analysis.period).weeks()))
    except ValueError:
        return False


def compute_picture(config: EstConfig, observations: Iterable[Observation], work: WorkFile,
                    period: Period, as_of: dt.date, area_id: str | None = None) -> Picture:
    """The EST lägesbild of `period` as it stood on `as_of` (only what existed by then)."""
    areas = [a for a in config.areas if area_id is None or a.id == area_id]
    return picture_of(areas, config.categories, [observation_entry(o) for o in observations],
                      work, period, as_of)


def picture_of(areas: list[Area], categories: Sequence[Category], entries: Iterable[Entry],
               work: WorkFile, period: Period, as_of: dt.date,
               column_kind: Kind | None = None) -> Picture:
    """Per area and category the count in `period` against the previous period and the same
    period a year earlier, ranked; only entries, analyses and measures that existed on
    `as_of` count (an observation from its date, or its week's Monday without a date).
    An entry counts in a period when all its weeks lie in it. The columns are the period's
    weeks (a year's months), or its periods of `column_kind`."""
    weeks = tuple(period.weeks())
    previous = period.previous()
    previous_weeks = tuple(previous.weeks())
    last_year = period.same_last_year()
    last_year_weeks = tuple(last_year.weeks()) if last_year else ()
    if column_kind is None:
        column_kind = "month" if period.kind == "year" else "week"
    columns = tuple(dict.fromkeys(period_of(w, column_kind) for w in weeks))
    column_of = {w: columns.index(period_of(w, column_kind)) for w in weeks}
    week_index = {w: i for i, w in enumerate(weeks)}
    week_set, before, year_before = set(weeks), set(previous_weeks), set(last_year_weeks)

    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(columns))
    earlier: dict[tuple[str, str], int] = defaultdict(int)
    a_year_ago: dict[tuple[str, str], int] = defaultdict(int)
    reported_a_year_ago: dict[str, int] = defaultdict(int)
    reported_before: dict[str, int] = defaultdict(int)
    records: dict[str, list[Entry]] = defaultdict(list)
    reports: dict[str, list[int]] = defaultdict(lambda: [0] * len(columns))
    weekly: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
    reported_by: dict[tuple[str, str], set[Week]] = defaultdict(set)
    for entry in entries:
        if entry.known_from > as_of:
            continue
        if entry.within(week_set):
            column = column_of[entry.last]
            for category, count in entry.counts:
                counts[(entry.area, category)][column] += count
            reports[entry.area][column] += 1
            if entry.source is not None:
                records[entry.area].append(entry)
            for week in entry.weeks():
                weekly[entry.area][week_index[week]] += 1
                if entry.reporter:
                    reported_by[(entry.area, entry.reporter)].add(week)
        elif entry.within(before):
            reported_before[entry.area] += 1
            for category, count in entry.counts:
                earlier[(entry.area, category)] += count
        if year_before and entry.within(year_before):
            reported_a_year_ago[entry.area] += 1
            for category, count in entry.counts:
                a_year_ago[(entry.area, category)] += count

    unranked = []
    for area in areas:
        compared = bool(last_year_weeks) and (area.started_by(last_year_weeks[-1])
                                              or reported_a_year_ago.get(area.id, 0) > 0)
        cats = tuple(
            CategoryCount(c, sum(counts[(area.id, c.id)]), earlier[(area.id, c.id)],
                          tuple(counts[(area.id, c.id)]),
                          a_year_ago[(area.id, c.id)] if compared else None)
            for c in categories)
        due = [w for w in weeks if w.ended_before(as_of) and area.started_by(w)]
        silent = tuple(w for w in due if weekly[area.id][week_index[w]] == 0)
        orgs = tuple(
            ReporterWeeks(org, tuple(w for w in due if w in reported_by[(area.id, org.id)]),
                          tuple(w for w in due if w not in reported_by[(area.id, org.id)]))
            for org in area.reporters)
        unranked.append(AreaPicture(
            area=area, rank=0, total=sum(c.count for c in cats),
            previous_total=sum(c.previous for c in cats), categories=cats,
            reports_by_column=tuple(reports[area.id]), silent_weeks=silent,
            open_weeks=tuple(w for w in weeks if not w.ended_before(as_of)), reporters=orgs,
            analyses=tuple(a for a in work.analyses if a.area == area.id
                           and a.date <= as_of and _analysis_in(a, week_set)),
            measures=tuple(m for m in work.measures if m.area == area.id and m.known_by(as_of)
                           and _overlaps(period, m.start, m.end)),
            last_year_total=sum(c.last_year or 0 for c in cats) if compared else None,
            previous_reports=reported_before[area.id],
            last_year_reports=reported_a_year_ago[area.id],
            records=tuple(e.source for e in sorted(records[area.id],
                                                   key=lambda e: (e.first, e.known_from)))))
    ordered = sorted(unranked, key=lambda a: (-a.total, a.area.id))
    ranked: list[AreaPicture] = []
    for position, picture in enumerate(ordered, start=1):
        tied = ranked[-1] if ranked and ranked[-1].total == picture.total else None
        rank = tied.rank if tied else position
        ranked.append(dataclasses.replace(picture, rank=rank))
    return Picture(period, previous, weeks, previous_weeks, columns, as_of, tuple(ranked),
                   last_year, last_year_weeks)


# --- insatser och uppföljning ----------------------------------------------------------

State = Literal["planned", "ongoing", "ended"]


@dataclass(frozen=True)
class MeasureStatus:
    measure: Measure
    state: State
    follow_ups: tuple[FollowUp, ...]
    weeks: int                  # the length of both windows, in whole weeks
    before: int | None          # targeted categories in the `weeks` weeks before the start
    after: int | None           # … and in the first `weeks` weeks from the start (None: none over)

    @property
    def latest(self) -> FollowUp | None:
        return max(self.follow_ups, key=lambda f: f.date) if self.follow_ups else None


@dataclass(frozen=True)
class RunningArea:
    area: Area
    weeks: int        # weeks of the year with at least one report
    running: bool


@dataclass(frozen=True)
class RunningYear:
    year: int
    min_weeks: int
    areas: tuple[RunningArea, ...]

    @property
    def done(self) -> int:
        """The number of areas running EST in the year: the agreement goal's value."""
        return sum(a.running for a in self.areas)


@dataclass(frozen=True)
class EstStatus:
    as_of: dt.date
    measures: tuple[MeasureStatus, ...]
    running: RunningYear
    implemented: tuple[Area, ...]  # areas that have run EST in some year up to as_of

    @property
    def open(self) -> tuple[MeasureStatus, ...]:
        return tuple(m for m in self.measures if m.state != "ended")

    @property
    def without_follow_up(self) -> tuple[MeasureStatus, ...]:
        return tuple(m for m in self.measures if m.state != "planned" and not m.follow_ups)


def _count(observations: Iterable[Observation], area: str, categories: set[str],
           weeks: set[Week], as_of: dt.date) -> int:
    return sum(o.count for o in observations
               if o.area == area and o.category in categories and o.iso_week in weeks
               and o.known_by(as_of))


def measure_status(measure: Measure, observations: list[Observation],
                   follow_ups: Iterable[FollowUp], as_of: dt.date) -> MeasureStatus:
    if measure.start > as_of:
        state: State = "planned"
    elif measure.end is not None and measure.end < as_of:
        state = "ended"
    else:
        state = "ongoing"
    first = Week.of(measure.start)
    last = Week.of(as_of).shift(-1)
    if measure.end is not None:
        last = min(last, Week.of(measure.end))
    after_weeks = []
    week = first
    while week <= last:
        after_weeks.append(week)
        week = week.shift(1)
    n = len(after_weeks)
    before_weeks = {first.shift(-i) for i in range(1, n + 1)}
    targeted = set(measure.categories)
    mine = tuple(sorted((f for f in follow_ups if f.measure == measure.id and f.date <= as_of),
                        key=lambda f: f.date))
    if n == 0:
        return MeasureStatus(measure, state, mine, 0, None, None)
    return MeasureStatus(measure, state, mine, n,
                         _count(observations, measure.area, targeted, before_weeks, as_of),
                         _count(observations, measure.area, targeted, set(after_weeks), as_of))


def running_areas(config: EstConfig, observations: Iterable[Observation], year: int,
                  as_of: dt.date | None = None) -> RunningYear:
    """Areas with reports in at least `config.min_report_weeks` weeks of ISO year `year`
    (weeks before an area's start not counted)."""
    started = {a.id: a.started_by for a in config.areas}
    reported: dict[str, set[Week]] = defaultdict(set)
    for obs in observations:
        week = obs.iso_week
        if week.year == year and (as_of is None or obs.known_by(as_of)) \
                and obs.area in started and started[obs.area](week):
            reported[obs.area].add(week)
    return RunningYear(year, config.min_report_weeks, tuple(
        RunningArea(a, len(reported[a.id]), len(reported[a.id]) >= config.min_report_weeks)
        for a in config.areas))


def implemented_areas(config: EstConfig, observations: list[Observation],
                      as_of: dt.date) -> tuple[Area, ...]:
    """The areas that have run EST in at least one year up to `as_of` (counted once each):
    the value of the agreement's goal "implement EST in 3–4 areas"."""
    years = {o.iso_week.year for o in observations if o.known_by(as_of)}
    running = {a.area.id for year in years
               for a in running_areas(config, observations, year, as_of).areas if a.running}
    return tuple(a for a in config.areas if a.id in running)


def compute_status(config: EstConfig, observations: list[Observation], work: WorkFile,
                   as_of: dt.date) -> EstStatus:
    """Measures, follow-ups and running areas as they stood on `as_of`: measures recorded
    or started by then, follow-ups dated by then, observations that existed by then. "EST
    i gång" counts the ISO year of `as_of` (2022-01-02 lies in 2021-W52: the year 2021)."""
    measures = tuple(measure_status(m, observations, work.follow_ups, as_of)
                     for m in sorted(work.measures, key=lambda m: (m.start, m.id))
                     if m.known_by(as_of))
    year = Week.of(as_of).year
    return EstStatus(as_of, measures, running_areas(config, observations, year, as_of),
                     implemented_areas(config, observations, as_of))
