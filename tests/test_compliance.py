"""Status semantics at the edges: pace, due dates, requirements, places, ISO weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from samverkan.core.records import build
from samverkan.followup.compliance import compute, expected_by, pledge_status
from samverkan.plan.model import Activity, Plan

D = dt.date


def plan_with(target: dict | None, activities: list[dict], year: int = 2021) -> Plan:
    return build(Plan, {
        "year": year,
        "focus_areas": [{"id": "f", "title": "F"}],
        "pledges": [{"id": "p", "title": "P", "focus_area": "f", "owner": "polis",
                     "target": target}],
        "activities": [{"pledge": "p", **a} for a in activities],
    })


def status_of(target: dict | None, activities: list[dict], as_of: dt.date, year: int = 2021):
    plan = plan_with(target, activities, year)
    return pledge_status(plan, plan.pledges[0], as_of)


def test_expected_follows_a_straight_line_with_both_ends_inclusive():
    start, due = D(2021, 1, 1), D(2021, 12, 31)
    assert expected_by(5, start, due, D(2020, 12, 31)) == 0
    assert expected_by(5, start, due, D(2021, 1, 1)) == 0     # 5 × 1/365
    assert expected_by(5, start, due, D(2021, 3, 13)) == 0    # 5 × 72/365 < 1
    assert expected_by(5, start, due, D(2021, 3, 14)) == 1    # day 73: 5 × 73/365 = 1
    assert expected_by(5, start, due, D(2021, 12, 30)) == 4
    assert expected_by(5, start, due, D(2021, 12, 31)) == 5
    assert expected_by(5, start, due, D(2022, 6, 1)) == 5


def test_on_first_day_of_the_period_nothing_is_expected_yet():
    s = status_of({"min": 5, "unit": "v"}, [], D(2021, 1, 1))
    assert (s.status, s.main.expected, s.needed) == ("on_track", 0, 5)


def test_behind_when_a_count_is_below_its_expected_value():
    s = status_of({"min": 10, "unit": "k"}, [{"date": D(2021, 2, 1)}], D(2021, 6, 30))
    assert (s.status, s.done, s.main.expected) == ("behind", 1, 4)
    assert s.next_due == D(2021, 6, 30)


def test_on_the_due_date_an_unmet_pledge_is_behind_not_missed():
    target = {"min": 1, "unit": "i", "due": D(2021, 6, 30)}
    assert status_of(target, [], D(2021, 6, 30)).status == "behind"
    assert status_of(target, [], D(2021, 7, 1)).status == "missed"


def test_an_activity_on_the_due_date_counts_one_after_it_does_not():
    target = {"min": 1, "unit": "i", "due": D(2021, 6, 30)}
    on_due = status_of(target, [{"date": D(2021, 6, 30)}], D(2021, 12, 31))
    after = status_of(target, [{"date": D(2021, 7, 1)}], D(2021, 12, 31))
    assert (on_due.status, on_due.done) == ("met", 1)
    assert (after.status, after.done) == ("missed", 0)


def test_only_activities_up_to_as_of_count():
    s = status_of({"min": 2, "unit": "v"}, [{"date": D(2021, 3, 1)}, {"date": D(2021, 9, 1)}],
                  D(2021, 6, 1))
    assert s.done == 1


def test_last_day_of_the_period_met_exactly():
    s = status_of({"min": 2, "unit": "v"}, [{"date": D(2021, 1, 1)}, {"date": D(2021, 12, 31)}],
                  D(2021, 12, 31))
    assert (s.status, s.needed, s.next_due) == ("met", 0, None)


def test_unmet_requirement_keeps_the_pledge_from_being_met():
    target = {"min": 2, "unit": "v", "requirements": [{"tag": "centrum", "min": 1}]}
    acts = [{"date": D(2021, 2, 1)}, {"date": D(2021, 3, 1), "tags": ["norr"]}]
    mid = status_of(target, acts, D(2021, 6, 1))
    end = status_of(target, acts, D(2022, 1, 1))
    assert (mid.status, mid.requirements[0].done, mid.requirements[0].met) == ("on_track", 0, False)
    assert mid.needed == 1
    assert end.status == "missed"


def test_requirement_with_target_one_cannot_make_a_pledge_behind_before_due():
    target = {"min": 1, "unit": "v", "requirements": [{"tag": "centrum", "min": 1}]}
    s = status_of(target, [{"date": D(2021, 1, 5)}], D(2021, 12, 30))
    assert s.status == "on_track"
    assert status_of(target, [{"date": D(2021, 1, 5)}], D(2021, 12, 31)).status == "behind"


def test_places_count_distinct_names_ignoring_case_and_spaces():
    acts = [{"date": D(2021, 2, 1), "place": "Krogen  Norra"},
            {"date": D(2021, 3, 1), "place": " krogen norra "},
            {"date": D(2021, 4, 1), "place": "Hotellbaren"},
            {"date": D(2021, 5, 1)}]
    s = status_of({"min": 3, "unit": "s", "counting": "places"}, acts, D(2021, 6, 1))
    assert s.done == 2


def test_weeks_use_iso_weeks_across_the_year_boundary():
    # 1–3 January 2021 belong to 2020-W53; 4 January starts 2021-W01.
    acts = [{"date": D(2021, 1, 1)}, {"date": D(2021, 1, 3)}, {"date": D(2021, 1, 4)},
            {"date": D(2021, 1, 10)}, {"date": D(2021, 1, 11), "count": 3}]
    s = status_of({"min": 2, "unit": "veckor", "counting": "weeks"}, acts, D(2021, 2, 1))
    assert s.done == 3


def test_untracked_pledge_counts_but_has_no_target():
    s = status_of(None, [{"date": D(2021, 2, 1), "count": 4}], D(2021, 6, 1))
    assert (s.status, s.done, s.main, s.needed, s.next_due) == ("untracked", 4, None, None, None)


def test_next_due_is_the_first_day_the_pace_asks_for_one_more():
    s = status_of({"min": 5, "unit": "v"}, [{"date": D(2021, 1, 2)}], D(2021, 2, 1))
    # 5 × elapsed / 365 ≥ 2 from elapsed day 146 = 26 May
    assert (s.status, s.next_due) == ("on_track", D(2021, 5, 26))
    assert expected_by(5, D(2021, 1, 1), D(2021, 12, 31), D(2021, 5, 25)) == 1
    assert expected_by(5, D(2021, 1, 1), D(2021, 12, 31), D(2021, 5, 26)) == 2


def test_goal_verdicts_follow_the_direction_and_keep_ranges():
    plan = build(Plan, {
        "year": 2022,
        "focus_areas": [{"id": "f", "title": "F", "goals": [
            {"id": "down", "title": "t", "indicator": "i", "direction": "decrease",
             "baseline": {"year": 2020, "value": 20.0}, "measurements": [
                 {"year": 2021, "value": 22.0}, {"year": 2022, "value": 18.0}]},
            {"id": "range", "title": "t", "indicator": "i", "direction": "decrease",
             "baseline": {"year": 2020, "low": 3.0, "high": 4.0},
             "measurements": [{"year": 2021, "value": 3.5}]},
            {"id": "up", "title": "t", "indicator": "i", "direction": "increase",
             "baseline": {"year": 2020, "value": 50.0},
             "measurements": [{"year": 2021, "value": 45.0}]},
            {"id": "none", "title": "t", "indicator": "i", "direction": "increase"},
        ]}],
        "pledges": [],
    })
    goals = {g.goal.id: g for g in compute(plan, D(2022, 12, 31)).goals}
    assert goals["down"].status == "improved" and goals["down"].latest.value == 18.0
    assert goals["range"].status == "unchanged"
    assert goals["up"].status == "worsened"
    assert goals["none"].status == "no_data"


@pytest.mark.parametrize("as_of, expected", [(D(2021, 12, 31), "met"), (D(2022, 1, 1), "met")])
def test_met_stays_met_after_due(as_of, expected):
    assert status_of({"min": 1, "unit": "i"}, [{"date": D(2021, 5, 1)}], as_of).status == expected


def test_activity_model_defaults():
    a = build(Activity, {"pledge": "p", "date": "2021-05-01"})
    assert (a.count, a.tags, a.place) == (1, (), None)
