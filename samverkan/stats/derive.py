"""Derived figures, each saying what it was derived from: the pure arithmetic of the picture.

- `year_to_date`: a monthly series summed over January up to a month, so that a year in
  progress is compared with the same months of earlier years (the source's "1 januari
  till och med 30 september");
- `per_thousand`: a count per 1,000 inhabitants of the same year, from a population series;
- `change`: a figure against the baseline year's figure, in units and in per cent.

A `Figure` carries its value (or a range `low`–`high`, never a midpoint), the method, the
series and periods it rests on (`sources`) and, when it cannot be computed, what is
missing (`missing`). Nothing is estimated: a year without its population has no
per-1,000 figure, a year with a month missing has no year-to-date sum.
No I/O and no clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.stats.periods import Period
from samverkan.stats.series import Series


@dataclass(frozen=True)
class Source:
    """Periods of one series that a figure rests on."""

    series: str
    periods: tuple[Period, ...]

    def __str__(self) -> str:
        if not self.periods:
            return self.series
        first, last = self.periods[0], self.periods[-1]
        span = str(first) if first == last else f"{first}–{last}"
        return f"{self.series} {span}"


@dataclass(frozen=True)
class Figure:
    value: float | None = None
    low: float | None = None
    high: float | None = None
    method: str = "value"  # value | sum | per_1000 | change | change_percent
    sources: tuple[Source, ...] = ()
    missing: tuple[Source, ...] = ()

    @property
    def known(self) -> bool:
        return self.value is not None or (self.low is not None and self.high is not None)

    @property
    def bounds(self) -> tuple[float, float] | None:
        if self.value is not None:
            return self.value, self.value
        if self.low is not None and self.high is not None:
            return self.low, self.high
        return None


def observed(series: Series, period: Period, category: str | None = None) -> Figure:
    """The series' own figure for `period`, or a figure that says it is missing."""
    here = (Source(series.id, (period,)),)
    entry = series.at(period, category)
    if entry is None:
        return Figure(sources=here, missing=here)
    return Figure(entry.value, entry.low, entry.high, "value", here)


def last_month(series: Series, year: int) -> int | None:
    """The last month of `year` that a monthly series has a value for."""
    months = [v.when.month for v in series.values
              if v.when.year == year and v.when.month and v.category is None]
    return max(months) if months else None


def years_with_data(series: Series) -> list[int]:
    return sorted({v.when.year for v in series.values if v.category is None})


def year_to_date(series: Series, year: int, through: int) -> Figure:
    """The sum of January–`through` of `year`; unknown when any of those months is missing."""
    periods = tuple(Period(year, m) for m in range(1, through + 1))
    found = [series.at(p) for p in periods]
    missing = tuple(p for p, v in zip(periods, found) if v is None or v.value is None)
    if missing:
        return Figure(method="sum", sources=(Source(series.id, periods),),
                      missing=(Source(series.id, missing),))
    total = sum(v.value for v in found if v is not None and v.value is not None)
    return Figure(total, method="sum", sources=(Source(series.id, periods),))


def yearly(series: Series, year: int) -> Figure:
    """A yearly series' figure for `year`."""
    return observed(series, Period(year))


def per_thousand(count: Figure, population: Series, year: int) -> Figure:
    """`count` per 1,000 inhabitants of `year` (the population of the same year)."""
    people = observed(population, Period(year))
    sources = count.sources + people.sources
    if count.value is None or people.value is None or people.value <= 0:
        return Figure(method="per_1000", sources=sources, missing=count.missing + people.missing)
    return Figure(count.value / people.value * 1000, method="per_1000", sources=sources)


def change(current: Figure, baseline: Figure) -> Figure:
    """`current` − `baseline`, in the figures' unit; a range when either is a range."""
    sources = current.sources + baseline.sources
    now, then = current.bounds, baseline.bounds
    if now is None or then is None:
        return Figure(method="change", sources=sources, missing=current.missing + baseline.missing)
    if current.value is not None and baseline.value is not None:
        return Figure(current.value - baseline.value, method="change", sources=sources)
    return Figure(None, now[0] - then[1], now[1] - then[0], "change", sources)


def change_percent(current: Figure, baseline: Figure) -> Figure:
    """The change in per cent of the baseline; only between two single values."""
    sources = current.sources + baseline.sources
    if current.value is None or baseline.value is None or baseline.value == 0:
        return Figure(method="change_percent", sources=sources,
                      missing=current.missing + baseline.missing)
    return Figure((current.value - baseline.value) / baseline.value * 100,
                  method="change_percent", sources=sources)


def share(part: Figure, whole: Figure) -> Figure:
    """`part` in per cent of `whole` (189 of 213 respondents)."""
    sources = part.sources + whole.sources
    if part.value is None or whole.value is None or whole.value == 0:
        return Figure(method="share", sources=sources, missing=part.missing + whole.missing)
    return Figure(part.value / whole.value * 100, method="share", sources=sources)


def difference(whole: Figure, part: Figure) -> Figure:
    """`whole` − `part` (the respondents who did not choose alternative 1)."""
    sources = whole.sources + part.sources
    if part.value is None or whole.value is None:
        return Figure(method="difference", sources=sources, missing=whole.missing + part.missing)
    return Figure(whole.value - part.value, method="difference", sources=sources)
