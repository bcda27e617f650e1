"""Periods for EST: ISO weeks, and months, quarters and years made of ISO weeks.

EST runs on weekly reports, so every period here is a run of whole ISO weeks. A week
belongs to the month, quarter and year that hold its Thursday — the same rule that
makes ISO 8601 put 1–3 January 2021 in 2020-W53. So 2021-03 is weeks 9–12 (Thursdays
4, 11, 18 and 25 March), 2021-W13 (29 March–4 April) belongs to April, and 2020Q4
ends with 2020-W53. A month then has 4 or 5 weeks, a quarter 12 to 14, a year 52 or
53, and the weeks of consecutive periods never overlap or leave a gap.

Pure code: no I/O and no clock. Text is parsed by `parse_period` and `parse_week`,
which raise `PeriodError` with a message key (see `i18n.py`) and the offending text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from samverkan.core.years import FIRST_YEAR, LAST_YEAR, PeriodError, in_range

Kind = Literal["week", "month", "quarter", "year"]
KINDS: tuple[Kind, ...] = ("week", "month", "quarter", "year")

_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def weeks_in_year(year: int) -> int:
    """52 or 53: an ISO year has 53 weeks when 28 December falls in week 53."""
    return dt.date(year, 12, 28).isocalendar()[1]


@dataclass(frozen=True, order=True)
class Week:
    """One ISO week, e.g. `Week(2020, 53)` = 28 December 2020 – 3 January 2021."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= weeks_in_year(self.year):
            raise ValueError(f"{self.year} has no week {self.number}")

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @classmethod
    def of(cls, day: dt.date) -> Week:
        iso = day.isocalendar()
        return cls(iso[0], iso[1])

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def thursday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 4)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 7)

    def shift(self, weeks: int) -> Week:
        return Week.of(self.monday + dt.timedelta(weeks=weeks))

    def ended_before(self, day: dt.date) -> bool:
        """True when the whole week lies before `day` (reports for it are complete)."""
        return self.sunday < day


def parse_week(text: str) -> Week:
    """`2021-W10` (also `2021W10`, `2021-w10`) → `Week(2021, 10)`."""
    value = text.strip()
    match = _WEEK.match(value)
    if not match:
        raise PeriodError("est_bad_week", text)
    year, number = int(match.group(1)), int(match.group(2))
    _check_year(year, text)
    if not 1 <= number <= weeks_in_year(year):
        raise PeriodError("est_no_such_week", text, year=year, weeks=weeks_in_year(year))
    return Week(year, number)


def _check_year(year: int, text: str) -> None:
    if not in_range(year):
        raise PeriodError("est_bad_year", text, min=FIRST_YEAR, max=LAST_YEAR)


@dataclass(frozen=True, order=True)
class Period:
    """A week, month, quarter or year; `number` is the week, month or quarter (0 for a year)."""

    year: int
    kind: Kind
    number: int = 0

    def __str__(self) -> str:
        if self.kind == "week":
            return f"{self.year}-W{self.number:02d}"
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}Q{self.number}"
        return f"{self.year}"

    @property
    def calendar_days(self) -> tuple[dt.date, dt.date]:
        """First and last calendar day of a month, quarter or year (the week's own days)."""
        if self.kind == "week":
            week = Week(self.year, self.number)
            return week.monday, week.sunday
        if self.kind == "year":
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        first_month = self.number if self.kind == "month" else 3 * self.number - 2
        last_month = self.number if self.kind == "month" else 3 * self.number
        start = dt.date(self.year, first_month, 1)
        after = dt.date(self.year + (last_month == 12), last_month % 12 + 1, 1)
        return start, after - dt.timedelta(days=1)

    def weeks(self) -> list[Week]:
        """The ISO weeks of the period: those whose Thursday lies in it."""
        if self.kind == "week":
            return [Week(self.year, self.number)]
        start, end = self.calendar_days
        first_thursday = start + dt.timedelta(days=(3 - start.weekday()) % 7)
        found = []
        day = first_thursday
        while day <= end:
            found.append(Week.of(day))
            day += dt.timedelta(weeks=1)
        return found

    @property
    def first_day(self) -> dt.date:
        """The Monday of the period's first week."""
        return self.weeks()[0].monday

    @property
    def last_day(self) -> dt.date:
        """The Sunday of the period's last week."""
        return self.weeks()[-1].sunday

    def contains(self, week: Week) -> bool:
        return period_of(week, self.kind) == self

    def previous(self) -> Period:
        """The period of the same kind just before: 2021-W01 → 2020-W53, 2021-01 → 2020-12."""
        if self.kind == "week":
            before = Week(self.year, self.number).shift(-1)
            return Period(before.year, "week", before.number)
        if self.kind == "year":
            return Period(self.year - 1, "year")
        if self.number > 1:
            return Period(self.year, self.kind, self.number - 1)
        return Period(self.year - 1, self.kind, 12 if self.kind == "month" else 4)

    def same_last_year(self) -> Period | None:
        """The same period a year earlier: 2021Q1 → 2020Q1, 2021-W10 → 2020-W10. A week 53
        has none when the year before has 52 weeks (2020-W53 → None)."""
        if self.kind == "week" and self.number > weeks_in_year(self.year - 1):
            return None
        return Period(self.year - 1, self.kind, self.number)


def period_of(week: Week, kind: Kind) -> Period:
    """The period of `kind` that holds `week` (by its Thursday)."""
    if kind == "week":
        return Period(week.year, "week", week.number)
    thursday = week.thursday
    if kind == "month":
        return Period(thursday.year, "month", thursday.month)
    if kind == "quarter":
        return Period(thursday.year, "quarter", (thursday.month - 1) // 3 + 1)
    return Period(thursday.year, "year")


def parse_period(text: str) -> Period:
    """`2021-W10`, `2021-03`, `2021Q1` or `2021` → a `Period`."""
    value = text.strip()
    if _WEEK.match(value):
        week = parse_week(value)
        return Period(week.year, "week", week.number)
    for pattern, kind in ((_MONTH, "month"), (_QUARTER, "quarter"), (_YEAR, "year")):
        match = pattern.match(value)
        if not match:
            continue
        year = int(match.group(1))
        _check_year(year, text)
        if kind == "year":
            return Period(year, "year")
        number = int(match.group(2))
        if kind == "month" and not 1 <= number <= 12:
            raise PeriodError("est_bad_period", text)
        return Period(year, kind, number)  # type: ignore[arg-type]
    raise PeriodError("est_bad_period", text)


def last_complete_week(today: dt.date) -> Week:
    """The latest week that has ended before `today` (the default period of a lägesbild)."""
    return Week.of(today).shift(-1)
