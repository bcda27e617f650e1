"""Checks across one plan file: ids, references between its parts, dates, baselines.

Each check is a small function over the file's plain data (dicts and lists, as YAML
gave them) that yields `Finding`s. They run even when the file's shape is partly
wrong, so that `validate` reports every problem at once. The loader turns a
finding's `loc` (a path of keys and indexes) into a line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    loc: tuple
    key: str
    severity: str = "error"
    values: dict[str, Any] = field(default_factory=dict)
    on_key: bool = False


Check = Callable[[dict], Iterator[Finding]]


def _items(data: dict, key: str) -> list[tuple[int, dict]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _goals(data: dict) -> Iterator[tuple[tuple, dict]]:
    for i, area in _items(data, "focus_areas"):
        for j, goal in _items(area, "goals"):
            yield ("focus_areas", i, "goals", j), goal


def check_unique_ids(data: dict) -> Iterator[Finding]:
    """An id names one focus area, goal, pledge or activity."""
    groups = [
        ("what_focus_area", [(("focus_areas", i), a) for i, a in _items(data, "focus_areas")]),
        ("what_goal", list(_goals(data))),
        ("what_pledge", [(("pledges", i), p) for i, p in _items(data, "pledges")]),
        ("what_activity", [(("activities", i), a) for i, a in _items(data, "activities")]),
    ]
    for what, entries in groups:
        yield from _duplicate_ids(what, entries)


def _duplicate_ids(what: str, entries: list[tuple[tuple, dict]]) -> Iterator[Finding]:
    first: dict[Any, tuple] = {}
    for loc, item in entries:
        ident = item.get("id")
        if not isinstance(ident, (str, int, float, dt.date)):
            continue  # a list, mapping or set as id is reported by the model
        if ident in first:
            yield Finding(loc + ("id",), "duplicate_id",
                          values={"what": what, "id": ident, "first": first[ident]})
        else:
            first[ident] = loc + ("id",)


def check_references(data: dict) -> Iterator[Finding]:
    """Pledges name an existing focus area; activities name an existing pledge."""
    areas = {a.get("id") for _, a in _items(data, "focus_areas") if isinstance(a.get("id"), str)}
    pledges = [p.get("id") for _, p in _items(data, "pledges")]
    for i, pledge in _items(data, "pledges"):
        ref = pledge.get("focus_area")
        if isinstance(ref, str) and ref not in areas:
            yield Finding(("pledges", i, "focus_area"), "unknown_focus_area", values={"id": ref})
    known = {p for p in pledges if isinstance(p, str)}
    for i, activity in _items(data, "activities"):
        ref = activity.get("pledge")
        if isinstance(ref, str) and known and ref not in known:
            yield Finding(("activities", i, "pledge"), "unknown_pledge_ref", values={"id": ref})


def check_dates_in_year(data: dict) -> Iterator[Finding]:
    """Activities and target periods lie inside the plan year."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return
    for i, activity in _items(data, "activities"):
        date = activity.get("date")
        if isinstance(date, dt.date) and date.year != year:
            yield Finding(("activities", i, "date"), "date_outside_year",
                          values={"date": date.isoformat(), "year": year})
    for i, pledge in _items(data, "pledges"):
        target = pledge.get("target")
        if not isinstance(target, dict):
            continue
        for key in ("start", "due"):
            date = target.get(key)
            if isinstance(date, dt.date) and date.year != year:
                yield Finding(("pledges", i, "target", key), "date_outside_year",
                              values={"date": date.isoformat(), "year": year})


def check_baselines(data: dict) -> Iterator[Finding]:
    """A goal without a baseline cannot be followed up: a warning, never an invented figure."""
    for loc, goal in _goals(data):
        if goal.get("baseline") is None:
            on_key = "baseline" in goal
            yield Finding(loc + (("baseline",) if on_key else ("id",)), "baseline_missing",
                          severity="warning", values={"id": goal.get("id")}, on_key=on_key)


def check_measurement_years(data: dict) -> Iterator[Finding]:
    """A goal is measured once a year: two measurements of one year contradict each other."""
    for loc, goal in _goals(data):
        first: dict[Any, tuple] = {}
        for k, measurement in _items(goal, "measurements"):
            year = measurement.get("year")
            if not isinstance(year, int):
                continue
            here = loc + ("measurements", k, "year")
            if year in first:
                yield Finding(here, "duplicate_measurement",
                              values={"id": goal.get("id"), "year": year, "first": first[year]})
            else:
                first[year] = here


CHECKS: list[Check] = [check_unique_ids, check_references, check_dates_in_year, check_baselines,
                       check_measurement_years]

# Checks whose findings cannot change when one activity is appended that has a new id, a
# pledge of the plan and a date in the plan's year, as `log` appends them: `log` need not
# run these again over the whole record (loader.append_strict, the cost of recording one
# activity must not grow with the record). A check that looks at activities in any other
# way must not be listed here; tests/test_quickload.py tries the promise on every check
# listed.
UNCHANGED_BY_APPENDING: frozenset[Check] = frozenset(CHECKS)


def check_agreement_ids(data: dict) -> Iterator[Finding]:
    """In `agreement.yaml`, an id names one goal."""
    yield from _duplicate_ids("what_goal", [(("goals", i), g) for i, g in _items(data, "goals")])


AGREEMENT_CHECKS: list[Check] = [check_agreement_ids]


def run_checks(data: Any, registry: list[Check] | None = None) -> list[Finding]:
    if not isinstance(data, dict):
        return []
    findings: list[Finding] = []
    for check in CHECKS if registry is None else registry:
        findings.extend(check(data))
    return findings
