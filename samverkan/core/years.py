"""The years the tool works with, and the error of a period that is not one.

One range for every year a user types or a file holds (plan years, EST weeks, statistics
periods, `--year` options): the agreement runs 2021–2025 and its base data go back to
2011, so 2000–2100 holds everything real while a typo like `20211` or `0021` is caught.
"""

from __future__ import annotations

FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodError(ValueError):
    """Text that is not a valid year, week or period; `key` names the message (see
    `i18n.py`), `value` the text, `extra` the message's other values."""

    def __init__(self, key: str, value: str, **extra: object):
        super().__init__(key)
        self.key = key
        self.value = value
        self.extra = extra


def in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
