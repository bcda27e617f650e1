"""Hitta svenska personnummer och samordningsnummer i fritext.

Modulen äger regeln för vad som räknas som ett identitetsnummer i en
anteckning, så att resten av verktyget kan vägra spara sådan text. Den är
ren standardbibliotekskod utan I/O och utan klocka.

Format som känns igen:

* ``YYMMDD-NNNN``, ``YYMMDD+NNNN``, ``YYMMDDNNNN`` (10 siffror)
* ``YYYYMMDD-NNNN``, ``YYYYMMDD+NNNN``, ``YYYYMMDDNNNN`` (12 siffror, sekel 18, 19 eller 20)
* mellan datum och serienummer även ett mellanslag (``811218 9876``) eller ett
  mellanslag på någon sida om ``-``/``+`` (``811218 - 9876``)

Texten normaliseras innan den söks igenom, så att ett nummer som ser likadant ut
på skärmen också hittas: NFKC (helbreddssiffror, upphöjda siffror, hårda
mellanslag), siffror ur andra skriftsystem blir 0–9, osynliga formattecken
(nollbreddsmellanslag, mjukt bindestreck, kategori Cf), kombinerande tecken och
styrtecken tas bort, varje tecken som ser ut som ett bindestreck (kategori Pd,
minustecken) blir ``-`` och varje plustecken ``+``, varje mellanslagstecken och tabb
blir ett mellanslag. Träffarnas ``start`` och ``end`` gäller ändå den ursprungliga
texten.

Sifferföljden får inte ingå i en längre sifferföljd. Ett träffat nummer
rapporteras bara om datumet finns i kalendern (för samordningsnummer efter
att 60 dragits från dagen) och kontrollsiffran stämmer enligt Luhn. Ett nummer
som är giltigt men skrivet som ett telefonnummer eller en tidpunkt får
``looks_like`` satt, så att meddelandet kan säga hur sådant skrivs i stället.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import NamedTuple

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# What a valid number may look like when it is not meant as one (IdentityNumberMatch.looks_like).
PHONE = "phone"
TIMESTAMP = "timestamp"

# Dash-like characters outside category Pd (which is mapped as a whole): minus signs and
# hyphen look-alikes from other categories. NFKC has already turned U+207B, U+208B and
# U+FE63 into these or into "-".
_DASHES = frozenset("\u2212\u2796\u02d7\u2043")
_PLUSES = frozenset("\u2795\u02d6")  # NFKC turns U+FF0B, U+FE62, U+207A into "+"
_DROPPED = frozenset(("Cf", "Mn", "Me", "Cc"))  # invisible, combining, control characters
_WHITESPACE = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")
# Characters known to stand for themselves (printable ASCII, and letters such as å, ä, ö
# once met): a text made only of them is searched as it is. A cache, bounded in size.
_UNCHANGED = {chr(i) for i in range(0x20, 0x7F)}
_UNCHANGED_MAX = 10_000

# On the normalised text, where every digit is 0-9, every dash "-", every plus "+" and
# every space " ". The digit-run boundaries make the parse of a candidate unique: a
# 12-digit form cannot also be read as a 10-digit form, since that would need a digit
# right before it.
_PATTERN = re.compile(
    r"""
    (?<![0-9])
    (?:
        (?P<century>18|19|20)(?P<date12>[0-9]{6})   # YYYYMMDD
      | (?P<date10>[0-9]{6})                        # YYMMDD
    )
    (?P<sep>\ ?[-+]\ ?|\ )?                         # -, +, one space, or a space beside - or +
    (?P<serial>[0-9]{4})
    (?![0-9])
    """,
    re.VERBOSE,
)


class IdentityNumberMatch(NamedTuple):
    """One identity number found in a text.

    ``start``/``end`` index the original text and ``text`` is ``text[start:end]`` (with any
    invisible characters it held); ``number`` is the normalised form, e.g. ``811218-9876``.
    """

    start: int
    end: int
    text: str
    kind: str  # PERSONNUMMER or SAMORDNINGSNUMMER
    number: str
    looks_like: str | None = None  # PHONE, TIMESTAMP or None

    @property
    def masked(self) -> str:
        """The normalised number with its last four digits hidden, e.g. ``19811218-****``."""
        return self.number[:-4] + "****"


@lru_cache(maxsize=4096)
def _normalise_char(ch: str) -> str:
    """What one character of the original text counts as: "", or one or more characters."""
    if ch in _WHITESPACE:
        return " " if ch == "\t" else ch
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        category = unicodedata.category(c)
        if category in _DROPPED:
            continue
        if category == "Nd":
            out.append(str(unicodedata.decimal(c)))
        elif category == "Pd" or c in _DASHES:
            out.append("-")
        elif c in _PLUSES:
            out.append("+")
        elif category == "Zs":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """The text to search, and for each of its characters the index in ``text`` it came
    from (None when every character stands for exactly one, as for all printable ASCII
    and for letters such as å, ä, ö)."""
    if _UNCHANGED.issuperset(text):
        return text, None
    table: dict[int, str] = {}
    for ch in set(text) - _UNCHANGED:
        value = _normalise_char(ch)
        if value != ch:
            table[ord(ch)] = value
        elif len(_UNCHANGED) < _UNCHANGED_MAX:
            _UNCHANGED.add(ch)
    if all(len(value) == 1 for value in table.values()):
        return (text.translate(table) if table else text), None
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in table.get(ord(ch), ch):
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


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


def _looks_like(m: re.Match[str]) -> str | None:
    """PHONE for ten digits in a row that start with 0 and then 1-9, the shape of a Swedish
    phone number; TIMESTAMP for a date followed, directly or after a space, by four digits
    that are a time of day hhmm (202103180135, 20210318 0135, 2103180135); None otherwise."""
    sep, serial = m.group("sep"), m.group("serial")
    date10 = m.group("date10")
    if date10 is not None and sep is None and date10[0] == "0" and date10[1] != "0":
        return PHONE
    if sep in (None, " ") and int(serial[:2]) < 24 and int(serial[2:]) < 60:
        return TIMESTAMP
    return None


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """Return every valid personnummer or samordningsnummer in ``text``, with positions in
    ``text`` itself."""
    searched, origin = _normalise(text)
    found: list[IdentityNumberMatch] = []
    for m in _PATTERN.finditer(searched):
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
        start, end = m.start(), m.end()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        found.append(IdentityNumberMatch(start, end, text[start:end], kind, m.group(),
                                         _looks_like(m)))
    return found


def contains_identity_number(text: str) -> bool:
    """True if ``text`` holds at least one valid personnummer or samordningsnummer."""
    return bool(find_identity_numbers(text))
