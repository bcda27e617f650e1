"""What a user types on the command line: dates, whole numbers, measured values, tags.

Every command parses its options with these, so a date or a count means the same
everywhere, and every text option is checked for personal identity numbers the same
way (`refuse_identity_numbers`). Each raises `UsageError` with a message in the
user's language; nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
import re

from samverkan.core.i18n import identity_number_hint, tr
from samverkan.core.pnr import find_identity_numbers
from samverkan.core.problems import UsageError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_TEXT = 2000


def parse_date(value: str, lang: str = "sv", key: str = "bad_date") -> dt.date:
    """`YYYY-MM-DD` as a date, or `UsageError` with the message `key`."""
    try:
        if not _ISO_DATE.match(value.strip()):
            raise ValueError
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(tr(lang, key, value=value)) from None


def parse_count(value: str | None, minimum: int, key: str, lang: str = "sv") -> int:
    """`--count` as a whole number of at least `minimum` (1 when not given), or `UsageError`."""
    if value is None:
        return 1
    try:
        amount = int(value.strip())
    except ValueError:
        raise UsageError(tr(lang, key, value=value)) from None
    if amount < minimum:
        raise UsageError(tr(lang, key, value=value))
    return amount


def parse_number(text: str, lang: str = "sv") -> float:
    """A measured value as the user types it: `18`, `18.5` or, in Swedish, `18,5`."""
    if not _NUMBER.match(text.strip()):
        raise UsageError(tr(lang, "bad_value", value=text))
    return float(text.strip().replace(",", "."))


def slug_like(text: str) -> str:
    """`Centrum Norra` → `centrum-norra`, `Flerbostadsområde` → `flerbostadsomrade`."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "tagg"


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
