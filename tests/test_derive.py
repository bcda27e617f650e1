"""Derived figures: year-to-date, per 1,000 inhabitants, change against the baseline year;
each says what it was derived from, and nothing is estimated."""

from __future__ import annotations

import pytest

from samverkan.core.records import build
from samverkan.stats.derive import (
    Figure,
    Source,
    change,
    change_percent,
    difference,
    last_month,
    observed,
    per_thousand,
    share,
    year_to_date,
)
from samverkan.stats.periods import Period
from samverkan.stats.series import Series


def series(series_id: str, frequency: str, values: dict) -> Series:
    return build(Series, {
        "id": series_id, "title": series_id, "unit": "st", "source": "test",
        "frequency": frequency,
        "values": [{"period": p, "file": "x.csv", **({"value": v} if not isinstance(v, tuple)
                                                     else {"low": v[0], "high": v[1]})}
                   for p, v in values.items()]})


CRIMES = series("brott-totalt", "month", {
    **{f"2020-{m:02d}": 700 + m for m in range(1, 13)},
    **{f"2021-{m:02d}": 650 + m for m in range(1, 10)},
    **{f"2019-{m:02d}": 800 for m in (1, 2, 3, 4, 5, 6, 8, 9)},  # July missing
})
PEOPLE = series("befolkning", "year", {2016: 72266, 2020: 72904, 2021: 73000})


def test_the_year_to_date_runs_to_the_years_last_month_with_data():
    assert last_month(CRIMES, 2021) == 9
    assert last_month(CRIMES, 2018) is None
    ytd = year_to_date(CRIMES, 2021, 9)
    assert ytd.value == sum(650 + m for m in range(1, 10))
    assert ytd.sources == (Source("brott-totalt", tuple(Period(2021, m) for m in range(1, 10))),)
    assert str(ytd.sources[0]) == "brott-totalt 2021-01–2021-09"
    assert year_to_date(CRIMES, 2020, 9).value == sum(700 + m for m in range(1, 10))


def test_a_year_with_a_month_missing_has_no_sum_and_says_which_month():
    ytd = year_to_date(CRIMES, 2019, 9)
    assert ytd.value is None and not ytd.known
    assert ytd.missing == (Source("brott-totalt", (Period(2019, 7),)),)


def test_per_thousand_uses_the_population_of_the_same_year():
    rate = per_thousand(year_to_date(CRIMES, 2020, 9), PEOPLE, 2020)
    assert rate.value == pytest.approx(sum(700 + m for m in range(1, 10)) / 72904 * 1000)
    assert [str(s) for s in rate.sources] == ["brott-totalt 2020-01–2020-09", "befolkning 2020"]


def test_per_thousand_is_not_estimated_without_that_years_population():
    rate = per_thousand(year_to_date(CRIMES, 2019, 6), PEOPLE, 2019)
    assert rate.value is None
    assert rate.missing == (Source("befolkning", (Period(2019),)),)


def test_change_against_the_baseline_year_in_units_and_per_cent():
    now, then = year_to_date(CRIMES, 2021, 9), year_to_date(CRIMES, 2020, 9)
    diff = change(now, then)
    assert diff.value == (sum(650 + m for m in range(1, 10)) - sum(700 + m for m in range(1, 10)))
    assert diff.value == -450
    pct = change_percent(now, then)
    assert pct.value == pytest.approx(-450 / sum(700 + m for m in range(1, 10)) * 100)
    assert {str(s) for s in pct.sources} == {"brott-totalt 2021-01–2021-09",
                                             "brott-totalt 2020-01–2020-09"}


def test_change_against_a_range_is_a_range():
    narcotics = series("andts-narkotika-ak9", "year", {2020: (3, 4), 2021: 5})
    diff = change(observed(narcotics, Period(2021)), observed(narcotics, Period(2020)))
    assert (diff.value, diff.low, diff.high) == (None, 1, 2)
    assert change_percent(observed(narcotics, Period(2021)),
                          observed(narcotics, Period(2020))).known is False


def test_a_missing_figure_propagates_what_is_missing():
    diff = change(observed(PEOPLE, Period(2018)), observed(PEOPLE, Period(2016)))
    assert not diff.known
    assert diff.missing == (Source("befolkning", (Period(2018),)),)


def test_share_and_difference_of_the_citizens_dialogue():
    total, first = Figure(213.0, sources=(Source("svarande", (Period(2020),)),)), Figure(189.0)
    assert share(first, total).value == pytest.approx(88.73, abs=0.01)
    rest = difference(total, first)
    assert rest.value == 24 and rest.method == "difference"
    assert rest.sources == total.sources
