"""Tests for samverkan.core.pnr: which texts hold a personnummer or samordningsnummer.

Every "valid" number below has its control digit computed by hand with the
Luhn algorithm over YYMMDDNNN; `test_valid_cases_pass_independent_luhn`
re-checks them with a separate implementation.
"""

import pytest

from samverkan.core.pnr import (
    IdentityNumberMatch,
    contains_identity_number,
    find_identity_numbers,
)

CASES = [
    # --- valid personnummer, all five forms -------------------------------
    ("811218-9876", True),  # YYMMDD-NNNN
    ("811218+9876", True),  # YYMMDD+NNNN (person over 100)
    ("8112189876", True),  # YYMMDDNNNN
    ("19811218-9876", True),  # YYYYMMDD-NNNN
    ("198112189876", True),  # YYYYMMDDNNNN
    ("811218\u20139876", True),  # en dash, as a word processor writes the hyphen
    ("19811218\u20119876", True),  # non-breaking hyphen
    ("811218\u20139875", False),  # en dash, wrong control digit
    ("2021-03-18\u20132021-03-20", False),  # a date range with an en dash
    ("811231-9879", True),  # last day of the year
    # --- valid samordningsnummer (day + 60) ---------------------------------
    ("811278-9873", True),  # 18 Dec 1981 as samordningsnummer
    ("19811278-9873", True),  # 12-digit samordningsnummer
    # --- wrong control digit: must not match --------------------------------
    ("811218-9875", False),  # control digit off by one
    ("8112189877", False),  # 10 digits, wrong control digit
    ("19811218-9870", False),  # 12 digits, wrong control digit
    ("811278-9874", False),  # samordningsnummer, wrong control digit
    # --- impossible dates (control digit is Luhn-correct) ------------------
    ("811318-9875", False),  # month 13
    ("810431-9879", False),  # 31 April
    ("010229-1234", False),  # 29 Feb 2001/1901, not leap years
    ("19000229-1235", False),  # 29 Feb 1900: not a leap year
    ("811260-9873", False),  # samordningsnummer with day 60 -> day 0
    ("811292-9875", False),  # samordningsnummer with day 92 -> day 32
    # --- leap day in a leap year is valid -----------------------------------
    ("20000229-1235", True),  # 29 Feb 2000
    ("000229-1235", True),  # 10 digits: valid in 2000
    # --- embedded in sentences / glued to letters ---------------------------
    ("Samtal med 19811218-9876 om trygghet.", True),  # inside a sentence
    ("Ring 811218-9876, sedan klart", True),  # followed by punctuation
    ("pnr:8112189876", True),  # glued to a label
    ("abc811218-9876xyz", True),  # letters on both sides are fine
    ("(811278-9873)", True),  # samordningsnummer in parentheses
    # --- longer digit runs: must not match ---------------------------------
    ("08112189876", False),  # 11 digits containing 8112189876
    ("1981121898761", False),  # 13 digits containing 198112189876
    ("811218-98761", False),  # serial part too long
    ("5811218-9876", False),  # date part too long
    ("218112189876", False),  # century 21 is not allowed
    ("21811218-9876", False),  # century 21 with hyphen
    ("19811218+9876", False),  # "+" is not used with 12 digits
    # --- dates, times, counts ----------------------------------------------
    ("Möte 2021-03-18 kl 18.30-21.00", False),  # ISO date and time span
    ("Period 2021-03-18--2021-03-20", False),  # date range
    ("20210318", False),  # compact date alone
    ("12 deltagare, 3 poliser, 45 minuter", False),  # counts
    # --- phone numbers -----------------------------------------------------
    ("Ring 070-123 45 67", False),  # mobile with spaces
    ("0701234567", False),  # 10 digits, valid date 07-01-23 but Luhn fails
    ("08-123 456 78", False),  # Stockholm landline
    ("+46 70 123 45 67", False),  # international format with spaces
    ("+46701234567", False),  # international format, 11-digit run
    # --- order / case numbers ----------------------------------------------
    ("Ärende 5000-12345", False),  # case number
    ("Dnr KS-2021/123", False),  # diary number
    ("Order 1234567890", False),  # 10 digits, month 34
    ("Faktura 2020-1234-5678", False),  # grouped invoice number
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_contains_identity_number(text, expected):
    assert contains_identity_number(text) is expected


def test_table_is_large_enough():
    assert len(CASES) >= 30


def _independent_luhn_ok(ten: str) -> bool:
    # Weights 2,1,2,1,... from the left over the first nine digits.
    total = 0
    for i, ch in enumerate(ten[:9]):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    return (10 - total % 10) % 10 == int(ten[9])


@pytest.mark.parametrize(
    "number",
    ["811218-9876", "811231-9879", "811278-9873", "000229-1235"],
)
def test_valid_cases_pass_independent_luhn(number):
    ten = number.replace("-", "")
    assert _independent_luhn_ok(ten)
    # Any other control digit must be refused.
    for wrong in "0123456789":
        if wrong != ten[-1]:
            assert not contains_identity_number(number[:-1] + wrong)


def test_phone_number_that_passes_date_and_luhn_is_refused():
    # Known limitation: an unseparated 10-digit phone number whose digits
    # form a real date and a correct Luhn digit cannot be told apart from a
    # personnummer, so it is refused.
    assert contains_identity_number("0701234569")


def test_find_returns_position_text_and_kind():
    text = "Samtal med 19811218-9876 och 811278-9873 idag."
    matches = find_identity_numbers(text)
    assert matches == [
        IdentityNumberMatch(11, 24, "19811218-9876", "personnummer"),
        IdentityNumberMatch(29, 40, "811278-9873", "samordningsnummer"),
    ]
    for m in matches:
        assert text[m.start : m.end] == m.text


def test_find_returns_empty_list_for_clean_text():
    assert find_identity_numbers("Möte 2021-03-18, ring 070-123 45 67") == []


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("19811218-9876", "19811218-****"),
        ("811218+9876", "811218+****"),
        ("8112189876", "811218****"),
    ],
)
def test_masked_hides_last_four_digits(number, masked):
    (m,) = find_identity_numbers(f"pnr {number}")
    assert m.masked == masked
    assert number[-4:] not in m.masked


def test_match_is_frozen():
    (m,) = find_identity_numbers("811218-9876")
    with pytest.raises(AttributeError):
        m.start = 0  # type: ignore[misc]
