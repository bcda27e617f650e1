"""What a user types on the command line: dates, whole numbers, measured values, tags.

Every command parses its options with these, so a date or a count means the same
everywhere, and every text option is checked for personal identity numbers the same
way (`refuse_identity_numbers`). Each raises `UsageError` with a message in the
user's language; nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import overload

from samverkan.core.i18n import identity_number_hint, tr
from samverkan.core.pnr import find_identity_numbers
from samverkan.core.problems import UsageError
from samverkan.core.years import FIRST_YEAR, LAST_YEAR, in_range

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
MAX_TEXT = 2000
MAX_COUNT = 1_000_000
"""The largest count a file or an option may hold (an activity's `count`, a target's `min`):
no pledge of the agreement comes near it, and a typo like 10000000000 is caught."""
_YEAR = re.compile(r"^[+]?[0-9]{1,9}$")


def parse_date(value: str, lang: str = "sv", key: str = "bad_date") -> dt.date:
    """`YYYY-MM-DD` as a date, or `UsageError` with the message `key`."""
    try:
        if not _ISO_DATE.match(value.strip()):
            raise ValueError
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(tr(lang, key, value=value)) from None
    if not in_range(day.year):
        raise UsageError(tr(lang, "date_year_out_of_range", value=value.strip(),
                            first=FIRST_YEAR, last=LAST_YEAR))
    return day


@overload
def parse_year(value: str, lang: str = ..., option: str = ...) -> int: ...


@overload
def parse_year(value: str | None, lang: str = ..., option: str = ...) -> int | None: ...


def parse_year(value: str | None, lang: str = "sv", option: str = "--year") -> int | None:
    """A year option (`--year 2021`) as a year of the range every year of the tool lies in
    (`core.years`), None when not given, or `UsageError` naming the option."""
    if value is None:
        return None
    text = value.strip()
    if not _YEAR.match(text) or not in_range(int(text)):
        raise UsageError(tr(lang, "bad_year_option", option=option, value=value,
                            first=FIRST_YEAR, last=LAST_YEAR))
    return int(text)


def parse_count(value: str | None, minimum: int, key: str, lang: str = "sv") -> int:
    """`--count` as a whole number of at least `minimum` (1 when not given), or `UsageError`."""
    if value is None:
        return 1
    text = value.strip()
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise UsageError(tr(lang, key, value=value))
    if len(text.lstrip("+-0")) > len(str(MAX_COUNT)):  # (before int(): 5,000 digits raise)
        if text.startswith("-"):
            raise UsageError(tr(lang, key, value=value))
        raise UsageError(tr(lang, "count_too_large", max=MAX_COUNT,
                            value=value if len(value) <= 24 else value[:20] + "…"))
    amount = int(text)
    if amount < minimum:
        raise UsageError(tr(lang, key, value=value))
    if amount > MAX_COUNT:
        raise UsageError(tr(lang, "count_too_large", value=value, max=MAX_COUNT))
    return amount


def parse_number(text: str, lang: str = "sv") -> float:
    """A measured value as the user types it: `18`, `18.5` or, in Swedish, `18,5`."""
    if not _NUMBER.match(text.strip()):
        raise UsageError(tr(lang, "bad_value", value=text))
    return float(text.strip().replace(",", "."))


def slug_like(text: str) -> str:
    """`Centrum Norra` → `centrum-norra`, `Flerbostadsområde` → `flerbostadsomrade`."""
    import unicodedata

    from samverkan.core.ids import SLUG

    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    limit = SLUG.max_length or len(slug)
    if len(slug) > limit:  # cut at the last hyphen that keeps it within the limit
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[:cut if cut > 0 else limit].strip("-")
    return slug or "tagg"


def refuse_identity_numbers(options: dict[str, str | None], lang: str = "sv",
                            message_key: str = "identity_number_option") -> None:
    """Refuse any option text that holds a personal identity number, naming the option and
    (for a number written like a phone number or a time) how to write it instead."""
    for option, text in options.items():
        if not text:
            continue
        found = find_identity_numbers(text)
        if found:
            raise UsageError(tr(lang, message_key, option=option, masked=found[0].masked,
                                hint=identity_number_hint(lang, found[0].looks_like)))
