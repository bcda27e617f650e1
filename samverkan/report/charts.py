"""The report's charts, drawn with the charts' one library and style (`core.charts`).

Three kinds: a pledge's cumulative count over its period against the pace line and the
target, a goal's indicator over the years against its baseline (a band when the baseline
is a range), and a pledge over the agreement (each year's outcome beside its target).
Each is an inline `<svg>` with a `<title>` and a `<desc>` that screen readers read out
(`core.charts.Drawing.render`). Only `samverkan report` imports this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from samverkan.core.charts import (
    BASELINE,
    INK,
    MARK,
    MONTHS,
    PACE,
    REQUIREMENT,
    TARGET,
    Drawing,
    Look,
    band_colour,
    decimal,
)

WIDTH, HEIGHT = 400, 210


@dataclass(frozen=True)
class Labels:
    """The words a chart shows, already in the report's language."""

    done: str
    pace: str
    target: str
    as_of: str
    baseline: str
    measured: str


@dataclass(frozen=True)
class Series:
    """A step line of a cumulative count: (date, value after that date's activities)."""

    label: str
    points: tuple[tuple[dt.date, int], ...]


def _steps(points: Sequence[tuple[dt.date, int]], start: dt.date,
           end: dt.date) -> list[tuple[int, int]]:
    """A cumulative count as the corners of a step line from 0 at `start` to `end`, with x
    in days from `start`."""
    corners, value = [(0, 0)], 0
    for day, after in points:
        x = (day - start).days
        corners += [(x, value), (x, after)]
        value = after
    corners.append(((end - start).days, value))
    return corners


def _month_ticks(start: dt.date, due: dt.date) -> list[dt.date]:
    """First days of months inside the period, thinned to at most seven."""
    ticks = []
    day = dt.date(start.year, start.month, 1)
    while day <= due:
        if day >= start:
            ticks.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(ticks) // 7))
    return ticks[::step] or [start]


def pledge_chart(chart_id: str, *, start: dt.date, due: dt.date, as_of: dt.date, target: int,
                 done: Series, requirements: Sequence[Series], labels: Labels, lang: str,
                 title: str, desc: str) -> Markup:
    """The cumulative count from `start` to `as_of` (at most `due`), the pace line from 0
    at `start` to `target` at `due`, and the target as a horizontal line."""
    end = min(max(as_of, start), due)
    last = (due - start).days + 1
    top = max([target] + [v for _, v in done.points] + [
        v for r in requirements for _, v in r.points])
    months = MONTHS.get(lang, MONTHS["sv"])
    chart = Drawing("xy", WIDTH, HEIGHT, {
        "xrange": (0, last), "range": (0, top * 1.12 + 0.2), "order_min": 0,
        "min_scale": 2, "max_scale": 5,
        "x_labels": [{"value": (d - start).days, "label": months[d.month - 1]}
                     for d in _month_ticks(start, due)]})
    chart.add(labels.pace, [(0, 0), (last, target)], Look(PACE, 1.2, "5,3"))
    chart.add(labels.target, [(0, target), (last, target)], Look(TARGET, 1.4, "1.5,2.5"))
    for series in requirements:
        chart.add(series.label, _steps(series.points, start, end), Look(REQUIREMENT, 1.3))
    if as_of >= start:
        chart.add(labels.done, _steps(done.points, start, end), Look(INK, 2.6))
    if start < as_of < due:
        x = (as_of - start).days
        chart.add(labels.as_of, [(x, 0), (x, top * 1.12 + 0.2)], Look(MARK, 1))
    return chart.render(chart_id, title, desc)


def goal_chart(chart_id: str, *, years: Sequence[int], values: Sequence[float],
               baseline_year: int | None, baseline_low: float | None,
               baseline_high: float | None, first_year: int, last_year: int,
               labels: Labels, lang: str, title: str, desc: str) -> Markup:
    """The indicator's measured values by year against the baseline (a line, or a band
    when the baseline is a range)."""
    left, right = first_year - 0.4, last_year + 0.4
    known = list(values) + [v for v in (baseline_low, baseline_high) if v is not None]
    low, high = min(known + [0.0]), max(known + [1.0])
    chart = Drawing("xy", WIDTH, HEIGHT, {
        "xrange": (left, right), "range": (low, high * 1.25), "min_scale": 2, "max_scale": 5,
        "x_labels": [{"value": y, "label": str(y)} for y in range(first_year, last_year + 1)],
        "value_formatter": lambda y: decimal(y, lang)})
    single = None  # the baseline when it is one value, not a range
    if baseline_year is not None and baseline_low is not None and baseline_high is not None:
        if baseline_low == baseline_high:
            single = baseline_low
            chart.add(labels.baseline, [(left, single), (right, single)],
                      Look(BASELINE, 1.2, "5,3"))
            chart.add(None, [(baseline_year, single)], Look(BASELINE, 0, dots=3.5))
        else:
            chart.add(labels.baseline, [(left, baseline_low), (right, baseline_low),
                                        (right, baseline_high), (left, baseline_high)],
                      Look(band_colour(BASELINE), 0, fill=True, legend="box"))
    if years:
        xs, ys = list(years), list(values)
        if single is not None and baseline_year is not None and baseline_year < xs[0]:
            # A single baseline value is the indicator's first point.
            xs, ys = [baseline_year, *xs], [single, *ys]
        chart.add(labels.measured, list(zip(xs, ys)), Look(INK, 2, dots=3.5))
    return chart.render(chart_id, title, desc)


def outcome_chart(chart_id: str, *, years: Sequence[int], done: Sequence[int | None],
                  targets: Sequence[int | None], labels: Labels, title: str,
                  desc: str) -> Markup:
    """A pledge over the agreement: each year's target and outcome as bars side by side."""
    chart = Drawing("bar", WIDTH, HEIGHT, {
        "x_labels": [str(y) for y in years], "order_min": 0, "min_scale": 2, "max_scale": 5,
        "range": (0, max([d or 0 for d in done] + [t or 0 for t in targets] + [1]) * 1.15)})
    chart.add(labels.target, list(targets), Look(TARGET, legend="box"))
    chart.add(labels.done, list(done), Look(INK, legend="box"))
    return chart.render(chart_id, title, desc)
