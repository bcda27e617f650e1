"""Hitta svenska personnummer och samordningsnummer i fritext.

Modulen äger regeln för vad som räknas som ett identitetsnummer i en
anteckning, så att resten av verktyget kan vägra spara sådan text. Den är
ren standardbibliotekskod utan I/O.

Format som känns igen (inga andra skiljetecken än ``-`` och ``+``):

* ``YYMMDD-NNNN``, ``YYMMDD+NNNN``, ``YYMMDDNNNN`` (10 siffror)
* ``YYYYMMDD-NNNN``, ``YYYYMMDDNNNN`` (12 siffror, sekel 18, 19 eller 20)

Sifferföljden får inte ingå i en längre sifferföljd. Ett träffat nummer
rapporteras bara om datumet finns i kalendern (för samordningsnummer efter
att 60 dragits från dagen) och kontrollsiffran stämmer enligt Luhn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# The hyphen may also be the look-alikes a word processor puts in its place (hyphen,
# non-breaking hyphen, en dash), so that a number pasted from a document is still caught.
# The digit-run boundaries make the parse of a candidate unique: a 12-digit
# form cannot also be read as a 10-digit form, since that would need a digit
# right before it.  "+" is only allowed with 10 digits.
_PATTERN = re.compile(
    r"""
    (?<!\d)
    (?:
        (?P<century>18|19|20)(?P<date12>\d{6})[-\u2010\u2011\u2013]?   # YYYYMMDD-NNNN, YYYYMMDDNNNN
      | (?P<date10>\d{6})[-\u2010\u2011\u2013+]?                     # YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN
    )
    (?P<serial>\d{4})
    (?!\d)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class IdentityNumberMatch:
    """One identity number found in a text; ``text`` is ``text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str  # PERSONNUMMER or SAMORDNINGSNUMMER

    @property
    def masked(self) -> str:
        """The number with its last four digits hidden, e.g. ``19811218-****``."""
        return self.text[:-4] + "****"


def _luhn_ok(digits: str) -> bool:
    """True if the last digit of ``digits`` is the Luhn check digit of the rest."""
    total = 0
    # Walk from the right; every second digit (starting with the one left of
    # the check digit) is doubled.
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _date_ok(year: int, month: int, day: int) -> bool:
    """True if year-month-day is a real calendar date."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """Return every valid personnummer or samordningsnummer in ``text``."""
    found: list[IdentityNumberMatch] = []
    for m in _PATTERN.finditer(text):
        if m.group("century") is not None:
            yymmdd = m.group("date12")
            centuries = [int(m.group("century"))]
        else:
            yymmdd = m.group("date10")
            centuries = [19, 20]  # any century that gives a real date will do
        yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
        kind = PERSONNUMMER
        if day > 60:
            kind = SAMORDNINGSNUMMER
            day -= 60
        if not any(_date_ok(c * 100 + yy, month, day) for c in centuries):
            continue
        if not _luhn_ok(yymmdd + m.group("serial")):
            continue
        found.append(IdentityNumberMatch(m.start(), m.end(), m.group(), kind))
    return found


def contains_identity_number(text: str) -> bool:
    """True if ``text`` holds at least one valid personnummer or samordningsnummer."""
    return bool(find_identity_numbers(text))
