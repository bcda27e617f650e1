"""Tests for samverkan.core.pnr: which texts hold a personnummer or samordningsnummer.

Every "valid" number below has its control digit computed by hand with the
Luhn algorithm over YYMMDDNNN; `test_valid_cases_pass_independent_luhn`
re-checks them with a separate implementation.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.core.pnr import (
    PHONE,
    TIMESTAMP,
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
    ("19811218+9876", True),  # "+" with 12 digits: not the rule, but no way around it
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
    # personnummer, so it is refused, marked as looking like a phone number.
    (m,) = find_identity_numbers("0701234569")
    assert m.looks_like == PHONE


def test_find_returns_position_text_and_kind():
    text = "Samtal med 19811218-9876 och 811278-9873 idag."
    matches = find_identity_numbers(text)
    assert matches == [
        IdentityNumberMatch(11, 24, "19811218-9876", "personnummer", "19811218-9876"),
        IdentityNumberMatch(29, 40, "811278-9873", "samordningsnummer", "811278-9873"),
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


# --- written so that it looks the same but is not the same characters ------------------
# (text, the number as the original text holds it, masked). Each is found, and start/end
# index the original text, so that `validate` reports the right column.
DISGUISED = [
    ("Samtal 811218\u200b-9876 i dag", "811218\u200b-9876", "811218-****"),  # zero-width space
    ("Samtal 811218\u00ad9876 i dag", "811218\u00ad9876", "811218****"),  # soft hyphen
    ("811218\u22129876", "811218\u22129876", "811218-****"),  # minus sign
    ("811218\uff0d9876", "811218\uff0d9876", "811218-****"),  # fullwidth hyphen-minus
    ("811218\ufe639876", "811218\ufe639876", "811218-****"),  # small hyphen-minus
    ("811218\ufe589876", "811218\ufe589876", "811218-****"),  # small em dash
    ("811218\u20159876", "811218\u20159876", "811218-****"),  # horizontal bar
    ("811218\u20149876", "811218\u20149876", "811218-****"),  # em dash
    ("811218\u207b9876", "811218\u207b9876", "811218-****"),  # superscript minus
    ("Ring 811218 9876 nu", "811218 9876", "811218 ****"),  # a space between the parts
    ("811218\u00a09876", "811218\u00a09876", "811218 ****"),  # no-break space
    ("811218\u202f9876", "811218\u202f9876", "811218 ****"),  # narrow no-break space
    ("811218\t9876", "811218\t9876", "811218 ****"),  # a tab
    ("811218 - 9876", "811218 - 9876", "811218 - ****"),  # spaces around the hyphen
    ("19811218+9876", "19811218+9876", "19811218+****"),  # "+" with 12 digits
    ("811218\uff0b9876", "811218\uff0b9876", "811218+****"),  # fullwidth plus
    ("\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16",
     "\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16", "811218-****"),  # fullwidth
    ("\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
     "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666", "811218-****"),  # Arabic-Indic
    ("8\u200b1\u200b1\u200b2\u200b1\u200b8-9876", "8\u200b1\u200b1\u200b2\u200b1\u200b8-9876",
     "811218-****"),  # an invisible character between every digit
    ("811218-98\u200b76", "811218-98\u200b76", "811218-****"),  # inside the serial
    ("811218-9876\u200b", "811218-9876", "811218-****"),  # after it: not part of the match
    ("81121\u03038-9876", "81121\u03038-9876", "811218-****"),  # a combining tilde
    ("\u2474 811218\u22129876", "811218\u22129876", "811218-****"),  # after (1), one char
    ("\ufeff811218\u2060-\u20609876", "811218\u2060-\u20609876", "811218-****"),  # BOM, joiners
]


@pytest.mark.parametrize(("text", "number", "masked"), DISGUISED)
def test_a_disguised_number_is_found_at_its_place_in_the_original_text(text, number, masked):
    (m,) = find_identity_numbers(text)
    assert text[m.start : m.end] == m.text == number
    assert m.masked == masked
    assert "9876" not in m.masked


def test_positions_are_those_of_the_original_text_after_dropped_and_expanded_characters():
    # U+2474 "(1)" is one character that stands for three; U+200B stands for none.
    text = "\u2474\u200b\u200b Möte, 811218\u200b\u22129876 och \u2474 19811278\u00ad9873."
    first, second = find_identity_numbers(text)
    assert (first.start, first.end) == (text.index("811218"), text.index("9876") + 4)
    assert (second.start, second.end) == (text.index("19811278"), text.index("9873") + 4)
    assert second.kind == "samordningsnummer"
    assert (first.number, second.number) == ("811218-9876", "198112789873")


def test_a_line_with_letters_a_plain_line_and_an_empty_line():
    assert find_identity_numbers("Åtgärd på Östermalm 811218–9876")[0].start == 20
    assert find_identity_numbers("") == []
    assert find_identity_numbers("\u200b\u00ad\u2212") == []


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        ("0910735000", PHONE),  # landline (switchboard) without spaces: samordningsnummer
        ("Ring 0701010241", PHONE),  # mobile without spaces
        ("202103180135", TIMESTAMP),  # YYYYMMDDhhmm
        ("20210318 0135", TIMESTAMP),  # date, a space, hhmm
        ("201003180930", TIMESTAMP),
        ("2103180135", TIMESTAMP),  # YYMMDDhhmm
        ("070101-0241", None),  # written as a personnummer: no excuse
        ("20210318-0135", None),  # with a hyphen: the form of a personnummer
        ("811218-9876", None),
        ("8112189876", None),  # serial 98:76 is no time of day
        ("198112189876", None),
    ],
)
def test_a_valid_number_written_like_a_phone_number_or_a_time_says_so(text, looks_like):
    (m,) = find_identity_numbers(text)
    assert m.looks_like == looks_like


@pytest.mark.parametrize(
    "text",
    [
        "202118350319",  # 2021, then 18:35 where the month goes (Luhn holds over the last ten)
        "202123590313",  # 23:59 where month and day go
        "Loggat 203520210318",  # hhmm first: month 20
        "0851234567",  # Stockholm number: month 51
        "0910-73 50 00",  # the switchboard, written with spaces
        "2021-03-18 01:35",  # the time, written as the hint says
    ],
)
def test_digits_that_are_no_calendar_date_are_no_number(text):
    assert find_identity_numbers(text) == []


INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d", "\u0301", "\x1b"]


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.text(alphabet="0123456789 -+ab\u00e5", max_size=12),
    number=st.sampled_from(["811218-9876", "198112189876", "811278-9873", "0910735000",
                            "202103180135", "811218 9876", "811218-9875"]),
    suffix=st.text(alphabet="0123456789 -+ab\u00e5", max_size=12),
    inserts=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(INVISIBLE)), max_size=8),
)
def test_invisible_characters_anywhere_change_nothing_but_the_positions(prefix, number, suffix,
                                                                         inserts):
    text = prefix + number + suffix
    disguised = text
    for at, ch in inserts:
        disguised = disguised[:at] + ch + disguised[at:]
    expected = [(m.number, m.kind, m.looks_like) for m in find_identity_numbers(text)]
    found = find_identity_numbers(disguised)
    assert [(m.number, m.kind, m.looks_like) for m in found] == expected
    for m in found:
        assert disguised[m.start : m.end] == m.text
        assert m.text[0].isdigit() and m.text[-1].isdigit()


# --- through `validate` ---------------------------------------------------------------------
# Not six ASCII digits in a row: the reader's look for candidate lines must still find it.
def test_validate_finds_a_number_with_an_invisible_character_between_every_digit(
        write_plan, cli) -> None:
    plan = write_plan("""
        year: 2021
        focus_areas: [{id: centrum, title: Centrum}]
        pledges:
          - {id: nosspanare, title: Nosspanare, focus_area: centrum, owner: polis, target: null}
        activities:
          - {id: b1, pledge: nosspanare, date: 2021-02-01, note: "8\u200b1\u200b1\u200b2\u200b1\u200b8-9876"}
    """)
    result = cli("validate", plan)
    assert result.exit_code == 1 and "(811218-****)" in result.stdout
