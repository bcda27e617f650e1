"""One value per fact: where a goal's measured values are kept, and reading them from there.

A goal keeps its measurements in the plan (`measurements:`, written by `samverkan
measure`), or names a data series that holds them (`series: andts-alkohol-ak9`, the
file `data/andts-alkohol-ak9.yaml`). Then the series is the one place: `measure` and
`data import` write into it, and `status`, `report`, `publish` and `lagesbild` read the
goal's values from it (`series_measurements`), so that no two outputs can show two
figures for one year. A series value counts as a measurement of the goal when it is a
value (not a range) for one year after the goal's baseline year (the years up to the
baseline are its history, in the lägesbild's charts), dated by `imported`.

The checks across files (the series exists and is yearly, no plan keeps values of a goal
that reads a series, a plan's value that differs from the series for the same year) are
here too; `validate` runs them (`link_problems`), and the commands refuse a plan whose
goal names a series they cannot read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, Problem, UsageError
from samverkan.plan.model import Goal, Measurement, Plan

if TYPE_CHECKING:
    from samverkan.followup.lifecycle import MeasureResult
    from samverkan.stats.series import Series, SeriesValue


def _goals(plan: Plan) -> Iterator[tuple[int, int, Goal]]:
    for i, area in enumerate(plan.focus_areas):
        for j, goal in enumerate(area.goals):
            yield i, j, goal


def as_measurement(value: SeriesValue) -> Measurement:
    """A series figure as a goal's measurement: its year, value, source and date."""
    return Measurement(year=value.when.year, value=value.value,  # type: ignore[arg-type]
                       source=value.source or value.source_text or value.file,
                       date=value.imported)


def series_measurements(goal: Goal, series: Series) -> tuple[Measurement, ...]:
    """The goal's measurements in its series: values (not ranges) of single years after
    the baseline's year (every year when there is no baseline), oldest first."""
    after = goal.baseline.year if goal.baseline else None
    return tuple(as_measurement(v) for v in series.points()
                 if v.value is not None and v.when.kind == "year"
                 and (after is None or v.when.year > after))


# --- reading the series of a plan's goals -----------------------------------------------


class SeriesRead:
    """A series file as read, for the cache of read files (`plan.cache`, keyed on the
    file's bytes like a plan): the series when it has no errors, and its errors."""

    __slots__ = ("errors", "raw", "series")

    def __init__(self, series: Series | None, errors: list[Problem]):
        self.series, self.errors, self.raw = series, errors, b""

    def __getstate__(self) -> tuple:
        return self.series, self.errors

    def __setstate__(self, state: tuple) -> None:
        self.series, self.errors = state
        self.raw = b""


def read_series(path: Path, lang: str = "sv") -> SeriesRead:
    """The series at `path` (None when it has errors) and its errors, through the cache
    of read files, so that `status` on an unchanged series needs no YAML parser."""
    from samverkan.core.yamlfile import read_bytes
    from samverkan.plan import cache

    raw = read_bytes(path, lang)
    found = cache.get(path, raw, lang)
    if isinstance(found, SeriesRead):
        return found
    from samverkan.stats.series import Series, load_series_bytes

    loaded = load_series_bytes(raw, str(path), lang)
    errors = [p for p in loaded.problems if p.severity == "error"]
    found = SeriesRead(loaded.plan if isinstance(loaded.plan, Series) and not errors else None,
                       errors)
    cache.put(path, raw, lang, found)
    return found


class SeriesFolder:
    """The series of a data folder as they are asked for, each read once (the problems of
    one that does not read are kept, for the message)."""

    # (a plain class: a dataclass costs ~1M instructions to define on every `status`)
    def __init__(self, folder: Path, lang: str = "sv") -> None:
        self.folder, self.lang = folder, lang
        self._read: dict[str, tuple[Series | None, list[Problem]]] = {}

    def path(self, series_id: str) -> Path:
        return self.folder / f"{series_id}.yaml"

    def get(self, series_id: str) -> tuple[Series | None, list[Problem]]:
        """The series (None when its file is missing or has errors) and its errors."""
        if series_id not in self._read:
            from samverkan.core.yamlfile import Unreadable

            path = self.path(series_id)
            if not path.is_file():
                self._read[series_id] = (None, [])
            else:
                try:
                    found = read_series(path, self.lang)
                    self._read[series_id] = (found.series, found.errors)
                except Unreadable as exc:
                    self._read[series_id] = (None, [Problem(str(path), 1, 1, "error",
                                                            str(exc))])
        return self._read[series_id]

    def linked_to(self, goal_id: str) -> list[Series]:
        """The series of the folder whose `goal:` names `goal_id`."""
        found = []
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("*.yaml")):
                series, _ = self.get(path.stem)
                if series is not None and series.goal == goal_id:
                    found.append(series)
        return found


def data_folder_for(plan_path: Path, data: Path | None = None) -> Path:
    """The data folder of a plan file: `data` when given, else `SAMVERKAN_DATA_DIR`, else
    the `data` folder beside the plan's folder."""
    from samverkan.plan.folder import data_dir

    return data if data is not None else data_dir(None, plan_path.parent)


def plan_series(path: Path, plan: Plan, lang: str = "sv", data: Path | None = None,
                folder: SeriesFolder | None = None) -> dict[str, Series]:
    """The series each goal of `plan` names, by goal id. A series that is missing, has
    errors or is not yearly stops the command: the problems, placed in the plan file (and
    the series' own), with the message to run `validate`."""
    named = {g.id: g.series for _, _, g in _goals(plan) if g.series}
    if not named:
        return {}
    folder = folder or SeriesFolder(data_folder_for(path, data), lang)
    found: dict[str, Series] = {}
    for goal_id, series_id in named.items():
        series, _ = folder.get(series_id)  # type: ignore[arg-type]
        if series is not None and series.frequency == "year" and series.goal in (None, goal_id):
            found[goal_id] = series
    if len(found) < len(named):
        from samverkan.core.yamlfile import read_bytes

        text = read_bytes(path, lang).decode("utf-8-sig", errors="replace")
        problems = [p for p in link_problems(str(path), text, plan, folder, [], lang)
                    if p.severity == "error"]
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), problems)
    return found


def measurements_for(path: Path, plan: Plan, lang: str = "sv",
                     data: Path | None = None) -> dict[str, list[Measurement]]:
    """Every goal's measurements beyond its own for the picture of `plan` (at `path`):
    those recorded in the folder's other plan files up to its year and, for a goal that
    names a series, the series' values instead of anything a plan holds."""
    from samverkan.plan.folder import measurements_elsewhere

    found = measurements_elsewhere(path, plan.year, lang)
    for goal_id, series in plan_series(path, plan, lang, data).items():
        goal = next(g for _, _, g in _goals(plan) if g.id == goal_id)
        found[goal_id] = list(series_measurements(goal, series))
    return found


def folder_measurements(plans: dict[int, Plan], paths: dict[int, Path], lang: str = "sv",
                        data: Path | None = None) -> dict[str, list[Measurement]]:
    """Every goal's measurements over all plan years (the whole agreement): those the
    plans hold, and for a goal that names a series (in the latest plan that names it) the
    series' values instead."""
    measurements: dict[str, list[Measurement]] = {}
    named: dict[str, tuple[Goal, Series]] = {}
    folder: SeriesFolder | None = None
    for year in sorted(plans):
        plan = plans[year]
        for _, _, goal in _goals(plan):
            measurements.setdefault(goal.id, []).extend(goal.measurements)
        read = plan_series(paths[year], plan, lang, data, folder) if paths.get(year) else {}
        for goal_id, found in read.items():
            named[goal_id] = (next(g for _, _, g in _goals(plan) if g.id == goal_id), found)
    for goal_id, (goal, series) in named.items():
        measurements[goal_id] = list(series_measurements(goal, series))
    return measurements


# --- checks across files (`validate`) ------------------------------------------------------


def link_problems(path: str, text: str, plan: Plan, folder: SeriesFolder,
                  others: Iterable[Plan], lang: str = "sv") -> list[Problem]:
    """The problems of `plan`'s goals with the data series (`text` is the plan file's,
    for the lines): a named series that is missing, has errors, is not yearly or follows
    another goal; measurements in this plan of a goal that another plan of the folder
    (`others`) reads from a series; and (a warning) a value here that a series following
    the goal (`goal:` in the series) gives differently for the same year."""
    from samverkan.core.yamlfile import position
    from samverkan.plan.reader import head_nodes

    root = None
    problems: list[Problem] = []

    def add(loc: tuple, severity: Literal["error", "warning"], key: str,
            **values: object) -> None:
        nonlocal root
        if root is None:
            root = head_nodes(text)
        line, col = position(root, loc)
        problems.append(Problem(path, line, col, severity, tr(lang, key, **values)))

    elsewhere = {g.id: (g.series, other) for other in others for _, _, g in _goals(other)
                 if g.series}
    for i, j, goal in _goals(plan):
        here = ("focus_areas", i, "goals", j)
        if goal.series:
            series, errors = folder.get(goal.series)
            where = folder.path(goal.series)
            if series is None and not errors:
                add(here + ("series",), "error", "goal_series_missing", id=goal.id,
                    series=goal.series, path=where)
            elif series is None:
                add(here + ("series",), "error", "goal_series_invalid", id=goal.id,
                    path=where)
            elif series.frequency != "year":
                add(here + ("series",), "error", "goal_series_not_yearly", series=goal.series)
            elif series.goal not in (None, goal.id):
                add(here + ("series",), "error", "goal_series_other_goal", series=goal.series,
                    other=series.goal, path=where)
            continue
        if not goal.measurements:
            continue
        if goal.id in elsewhere:
            series_id, other = elsewhere[goal.id]
            add(here + ("measurements",), "error", "goal_series_named_elsewhere", id=goal.id,
                series=series_id, year=other.year)
            continue
        for series in folder.linked_to(goal.id):
            for k, m in enumerate(goal.measurements):
                point = next((v for v in series.points() if v.when.kind == "year"
                              and v.when.year == m.year and v.value is not None), None)
                if point is not None and point.value != m.value:
                    from samverkan.followup.render import number

                    add(here + ("measurements", k, "value"), "warning",
                        "goal_value_differs_from_series", id=goal.id,
                        value=number(m.value, lang), year=m.year, series=series.id,
                        other=number(point.value, lang))
    return problems


# --- measure -------------------------------------------------------------------------------


def record(path: Path, goal_id: str, measurement: Measurement, lang: str = "sv",
           data: Path | None = None) -> MeasureResult:
    """What `samverkan measure` does once the plan is chosen: the measurement goes into
    the goal's series when it names one (`stats.importer.record_value`), else into the
    goal's `measurements:` in the plan (`lifecycle.record_measurement`). Returns the
    `lifecycle.MeasureResult`."""
    from samverkan.followup.lifecycle import (
        MeasureResult,
        check_in_range,
        record_measurement,
        unknown_goal_message,
    )
    from samverkan.plan.folder import load_valid
    from samverkan.stats.importer import record_value
    from samverkan.stats.periods import Period

    plan = load_valid(path, lang).plan
    assert plan is not None
    goal = next((g for _, _, g in _goals(plan) if g.id == goal_id), None)
    if goal is None:
        raise UsageError(unknown_goal_message(goal_id, plan, lang))
    if not goal.series:
        return record_measurement(path, goal_id, measurement, lang)
    check_in_range(goal, measurement.value, lang)
    series = plan_series(path, plan, lang, data)[goal.id]
    if measurement.source is None and not any(
            v.when == Period(measurement.year) and v.source for v in series.values):
        raise UsageError(tr(lang, "measure_needs_source", id=goal.id, series=goal.series))
    where = data_folder_for(path, data) / f"{goal.series}.yaml"
    assert measurement.date is not None
    done = record_value(where, Period(measurement.year), measurement.value, measurement.source,
                        measurement.date, lang)
    replaced = as_measurement(done.replaced) if done.replaced else None
    return MeasureResult(where, goal, as_measurement(done.value), replaced)


def check_measure_date(date: dt.date, year: int, today: dt.date, lang: str = "sv") -> None:
    """The day a measured value became known: not in the future, not before its year."""
    if date > today:
        raise UsageError(tr(lang, "measure_future_date", date=date.isoformat()))
    if date.year < year:
        raise UsageError(tr(lang, "measure_date_before_year", date=date.isoformat(), year=year))
