"""EST period arithmetic: ISO weeks, and months, quarters and years made of whole ISO weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.est.periods import (
    Period,
    PeriodError,
    Week,
    last_complete_week,
    parse_period,
    parse_week,
    period_of,
    weeks_in_year,
)

D = dt.date


@pytest.mark.parametrize("text, canonical, kind", [
    ("2021-W10", "2021-W10", "week"),
    ("2021W10", "2021-W10", "week"),
    ("2021-w1", "2021-W01", "week"),
    ("2020-W53", "2020-W53", "week"),
    ("2021-03", "2021-03", "month"),
    ("2021-3", "2021-03", "month"),
    ("2021Q1", "2021Q1", "quarter"),
    ("2021-q4", "2021Q4", "quarter"),
    (" 2021 ", "2021", "year"),
])
def test_periods_are_read_in_every_usual_spelling(text, canonical, kind):
    period = parse_period(text)
    assert (str(period), period.kind) == (canonical, kind)
    assert parse_period(str(period)) == period


@pytest.mark.parametrize("text, key", [
    ("2021-W53", "est_no_such_week"),   # 2021 has 52 ISO weeks
    ("2021-W00", "est_no_such_week"),
    ("2021-13", "est_bad_period"),
    ("2021-00", "est_bad_period"),
    ("2021Q5", "est_bad_period"),
    ("21-03", "est_bad_period"),
    ("mars 2021", "est_bad_period"),
    ("", "est_bad_period"),
    ("1999", "est_bad_year"),
])
def test_bad_periods_say_what_is_wrong(text, key):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert caught.value.key == key


def test_a_week_must_look_like_a_week():
    with pytest.raises(PeriodError) as caught:
        parse_week("2021-03")
    assert caught.value.key == "est_bad_week"
    with pytest.raises(PeriodError) as caught:
        parse_week("2021-W53")
    assert (caught.value.key, caught.value.extra) == ("est_no_such_week", {"year": 2021,
                                                                            "weeks": 52})


def test_years_with_53_weeks():
    assert [y for y in range(2015, 2027) if weeks_in_year(y) == 53] == [2015, 2020, 2026]
    assert len(parse_period("2020").weeks()) == 53
    assert len(parse_period("2021").weeks()) == 52


def test_new_year_2021_falls_in_2020_w53():
    assert [str(Week.of(D(2021, 1, d))) for d in (1, 2, 3, 4)] == [
        "2020-W53", "2020-W53", "2020-W53", "2021-W01"]
    week = parse_week("2020-W53")
    assert (week.monday, week.thursday, week.sunday) == (D(2020, 12, 28), D(2020, 12, 31),
                                                         D(2021, 1, 3))
    assert str(Week.of(D(2019, 12, 30))) == "2020-W01"  # a Monday in December, in ISO 2020


def test_months_and_quarters_are_the_weeks_whose_thursday_they_hold():
    assert [str(w) for w in parse_period("2021-03").weeks()] == [
        "2021-W09", "2021-W10", "2021-W11", "2021-W12"]
    # 2021-W13 runs 29 March – 4 April; its Thursday is 1 April.
    assert str(parse_period("2021-04").weeks()[0]) == "2021-W13"
    assert len(parse_period("2021-04").weeks()) == 5
    assert [str(w) for w in parse_period("2020-12").weeks()][-1] == "2020-W53"
    assert str(parse_period("2021-01").weeks()[0]) == "2021-W01"
    assert (str(parse_period("2020Q4").weeks()[0]), str(parse_period("2020Q4").weeks()[-1])) == (
        "2020-W40", "2020-W53")
    assert len(parse_period("2021Q1").weeks()) == 12  # Thursdays 7 January – 25 March
    assert len(parse_period("2020Q4").weeks()) == 14
    assert parse_period("2021Q1").first_day == D(2021, 1, 4)
    assert parse_period("2021Q1").last_day == D(2021, 3, 28)


def test_previous_period_of_the_same_kind_across_year_boundaries():
    cases = {"2021-W01": "2020-W53", "2020-W01": "2019-W52", "2021-W10": "2021-W09",
             "2021-01": "2020-12", "2021-03": "2021-02", "2021Q1": "2020Q4",
             "2021Q3": "2021Q2", "2021": "2020"}
    assert {k: str(parse_period(k).previous()) for k in cases} == cases


def test_period_of_a_week_follows_its_thursday():
    week = parse_week("2020-W53")
    assert [str(period_of(week, k)) for k in ("week", "month", "quarter", "year")] == [
        "2020-W53", "2020-12", "2020Q4", "2020"]
    assert str(period_of(parse_week("2021-W13"), "month")) == "2021-04"
    assert parse_period("2021-04").contains(parse_week("2021-W13"))
    assert not parse_period("2021-03").contains(parse_week("2021-W13"))


def test_last_complete_week():
    assert str(last_complete_week(D(2021, 3, 15))) == "2021-W10"  # a Monday
    assert str(last_complete_week(D(2021, 3, 14))) == "2021-W09"  # a Sunday: W10 not over
    assert str(last_complete_week(D(2021, 1, 6))) == "2020-W53"


days = st.dates(min_value=D(2001, 1, 1), max_value=D(2099, 12, 31))
kinds = st.sampled_from(["week", "month", "quarter", "year"])


@given(days, kinds)
def test_consecutive_periods_leave_no_gap_and_no_overlap(day, kind):
    period = period_of(Week.of(day), kind)
    previous = period.previous()
    assert previous.kind == kind
    assert previous.weeks()[-1].shift(1) == period.weeks()[0]
    assert all(period.contains(w) for w in period.weeks())
    assert Week.of(day) in period.weeks()


@given(days)
def test_every_week_is_in_one_month_one_quarter_one_year(day):
    week = Week.of(day)
    month, quarter, year = (period_of(week, k) for k in ("month", "quarter", "year"))
    assert week in month.weeks() and week in quarter.weeks() and week in year.weeks()
    assert (month.year, (month.number - 1) // 3 + 1) == (quarter.year, quarter.number)
    assert year == Period(week.year, "year")
