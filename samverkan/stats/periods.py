"""Periods of statistics: a year (`2016`), a month (`2021-03`) or a span of years (`2017–2018`).

`Period` is how every series value is dated. It is read from a data file
(`parse_period`: an integer year or a text) and from a statistics office's CSV export
(`parse_export_period`: `2021`, `2021M03` or `2021-03`), and written back in the data
files' notation (`str(period)`). Pure standard-library code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from samverkan.core.years import PeriodError, in_range

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_EXPORT_MONTH = re.compile(r"^(\d{4})M(\d{2})$")
_SPAN = re.compile(r"^(\d{4})\s*[–-]\s*(\d{4})$")


@dataclass(frozen=True, order=True)
class Period:
    """Ordered by (last year, month, first year): 2017–2018 sorts with 2018, before 2018-01."""

    year: int
    month: int = 0
    first_year: int = 0

    def __post_init__(self) -> None:
        if not self.first_year:
            object.__setattr__(self, "first_year", self.year)

    @property
    def kind(self) -> str:
        if self.month:
            return "month"
        return "span" if self.first_year != self.year else "year"

    @property
    def frequency(self) -> str:
        """`month` for a month, `year` for a year or a span of years."""
        return "month" if self.month else "year"

    def __str__(self) -> str:
        if self.month:
            return f"{self.year}-{self.month:02d}"
        if self.first_year != self.year:
            return f"{self.first_year}–{self.year}"
        return str(self.year)

    def yaml_value(self) -> int | str:
        """The period as written in a data file: an integer for a year, else text."""
        return self.year if self.kind == "year" else str(self)


def _year(text: str) -> int:
    year = int(text)
    if not in_range(year):
        raise PeriodError("series_bad_period", text)
    return year


def _month(year: str, month: str) -> Period:
    number = int(month)
    if not 1 <= number <= 12:
        raise PeriodError("series_bad_period", f"{year}-{month}")
    return Period(_year(year), number)


def parse_period(value: object) -> Period:
    """A period as written in a data file: `2016`, `2021-03` or `2017–2018`."""
    if type(value) is str:  # a series value's period, asked for again and again
        return _parse_text(value)
    return _parse(value)


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> Period:
    return _parse(value)


def _parse(value: object) -> Period:
    if isinstance(value, bool):
        raise PeriodError("series_bad_period", str(value))
    if isinstance(value, int):
        return Period(_year(str(value)))
    if not isinstance(value, str):
        raise PeriodError("series_bad_period", str(value))
    text = value.strip()
    if match := _YEAR.match(text):
        return Period(_year(match.group(1)))
    if match := _MONTH.match(text):
        return _month(match.group(1), match.group(2))
    if match := _SPAN.match(text):
        first, last = _year(match.group(1)), _year(match.group(2))
        if first >= last:
            raise PeriodError("series_bad_period", text)
        return Period(last, 0, first)
    raise PeriodError("series_bad_period", text)


def parse_export_period(text: str) -> Period | None:
    """A period as statistics offices export it (`2021`, `2021M03`, `2021-03`), or None
    when the text is not a period at all. Raises `PeriodError` for `2021M13`."""
    text = text.strip()
    if match := _YEAR.match(text):
        return Period(_year(match.group(1)))
    if match := (_EXPORT_MONTH.match(text) or _MONTH.match(text)):
        return _month(match.group(1), match.group(2))
    return None


def looks_like_period(text: str) -> bool:
    """Text that starts the way a period does (`2021…`), for clearer messages."""
    return bool(re.match(r"^\d{4}(\D|$)", text.strip()))
