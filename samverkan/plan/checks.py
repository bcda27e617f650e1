"""Checks across one plan file: ids, references between its parts, dates, baselines.

Each check is a small function that yields `Finding`s. It looks at the plan's plain
data before `activities:` (dicts and lists, as YAML gave them) and at the activities'
keys (`Keys`: id, pledge and date of each item, whatever their type), so that it runs
even when the file's shape is partly wrong and `validate` reports every problem at
once. The reader turns a finding's `loc` (a path of keys and indexes) into a line and
column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from samverkan.core.records import plain
from samverkan.core.text import suggest
from samverkan.core.units import in_range, indicator_unit, is_finite, shown, value_range
from samverkan.core.yamlfile import Finding, duplicate_ids, items
from samverkan.plan.model import Activity, Plan


class Keys(NamedTuple):
    """What the checks need of one activity item (None where the item lacks it)."""

    id: Any
    pledge: Any
    date: Any
    tags: Any = None
    count: Any = None


Check = Callable[[dict, Sequence[Keys]], Iterator[Finding]]


def _goals(data: dict) -> Iterator[tuple[tuple, dict]]:
    for i, area in items(data, "focus_areas"):
        for j, goal in items(area, "goals"):
            yield ("focus_areas", i, "goals", j), goal


def _distinct(values: list) -> set | None:
    """The distinct values of one field of the activities' keys, or None when one is
    unhashable. The checks below look at these first (a set, much quicker than a loop of
    Python over 100,000 items) and go item by item only when one of them is wrong."""
    try:
        return set(values)
    except TypeError:  # (a list or mapping where YAML gave one)
        return None


def check_unique_ids(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """An id names one focus area, goal, pledge or activity."""
    yield from duplicate_ids("what_focus_area",
                             [(("focus_areas", i), a) for i, a in items(data, "focus_areas")])
    yield from duplicate_ids("what_goal", list(_goals(data)))
    yield from duplicate_ids("what_pledge", [(("pledges", i), p) for i, p in items(data, "pledges")])
    ids = [keys.id for keys in activities]
    distinct = _distinct(ids)
    if (distinct is not None
            and len(distinct) - (None in distinct) + ids.count(None) == len(ids)):
        return  # (every id that is there is there once)
    first: dict[Any, int] = {}
    for i, keys in enumerate(activities):
        ident = keys.id
        if not isinstance(ident, (str, int, float, dt.date)):
            continue
        if ident in first:
            yield Finding(("activities", i, "id"), "duplicate_id",
                          values={"what": "what_activity", "id": ident,
                                  "first": ("activities", first[ident], "id")})
        else:
            first[ident] = i


def check_references(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """Pledges name an existing focus area; activities name an existing pledge."""
    areas = {a.get("id") for _, a in items(data, "focus_areas") if isinstance(a.get("id"), str)}
    for i, pledge in items(data, "pledges"):
        ref = pledge.get("focus_area")
        if isinstance(ref, str) and ref not in areas:
            yield Finding(("pledges", i, "focus_area"), "unknown_focus_area", values={"id": ref})
    known: set[str] = {p["id"] for _, p in items(data, "pledges") if isinstance(p.get("id"), str)}
    if not known and items(data, "pledges"):
        return  # (pledges without a valid id: their own problems say what to mend first)
    distinct = _distinct([keys.pledge for keys in activities])
    if distinct is not None and not any(isinstance(ref, str) and ref not in known
                                        for ref in distinct):
        return
    for i, keys in enumerate(activities):
        ref = keys.pledge
        if isinstance(ref, str) and ref not in known:
            guess = suggest(ref, sorted(known))
            yield Finding(("activities", i, "pledge"), "unknown_pledge_ref",
                          values={"id": ref, **({"did_you_mean": guess} if guess else {})})


def check_dates_in_year(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """Activities and target periods lie inside the plan year."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return
    distinct = _distinct([keys.date for keys in activities])
    for i, keys in enumerate(activities if distinct is None or any(
            isinstance(date, dt.date) and date.year != year for date in distinct) else ()):
        date = keys.date
        if isinstance(date, dt.date) and date.year != year:
            yield Finding(("activities", i, "date"), "date_outside_year",
                          values={"date": date.isoformat(), "year": year})
    for i, pledge in items(data, "pledges"):
        for k, occasion in items(pledge, "planned"):
            date = occasion.get("date")
            if isinstance(date, dt.date) and date.year != year:
                yield Finding(("pledges", i, "planned", k, "date"), "date_outside_year",
                              values={"date": date.isoformat(), "year": year})
        target = pledge.get("target")
        if not isinstance(target, dict):
            continue
        for key in ("start", "due"):
            date = target.get(key)
            if isinstance(date, dt.date) and date.year != year:
                yield Finding(("pledges", i, "target", key), "date_outside_year",
                              values={"date": date.isoformat(), "year": year})


def check_baselines(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A goal without a baseline cannot be followed up: a warning, never an invented figure."""
    for loc, goal in _goals(data):
        if goal.get("baseline") is None:
            on_key = "baseline" in goal
            yield Finding(loc + (("baseline",) if on_key else ("id",)), "baseline_missing",
                          severity="warning", values={"id": goal.get("id")}, on_key=on_key)


def check_measurement_years(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A goal is measured once a year: two measurements of one year contradict each other."""
    for loc, goal in _goals(data):
        first: dict[Any, tuple] = {}
        for k, measurement in items(goal, "measurements"):
            year = measurement.get("year")
            if not isinstance(year, int):
                continue
            here = loc + ("measurements", k, "year")
            if year in first:
                yield Finding(here, "duplicate_measurement",
                              values={"id": goal.get("id"), "year": year, "first": first[year]})
            else:
                first[year] = here


def check_goal_values(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A goal's baseline and measurements lie in the range of its indicator's unit (a
    share in % between 0 and 100; see `core.units`)."""
    for loc, goal in _goals(data):
        indicator = goal.get("indicator")
        unit = indicator_unit(indicator if isinstance(indicator, str) else None)
        places = [(loc + ("baseline",), goal.get("baseline"))]
        places += [(loc + ("measurements", k), m) for k, m in items(goal, "measurements")]
        for where, values in places:
            if not isinstance(values, dict):
                continue
            for key in ("value", "low", "high"):
                number = values.get(key)
                if (isinstance(number, (int, float)) and not isinstance(number, bool)
                        and is_finite(number) and not in_range(number, unit)):
                    low, high = value_range(unit)
                    yield Finding(where + (key,), "value_out_of_range",
                                  values={"field": key, "value": shown(number), "low": shown(low),
                                          "high": shown(high), "unit": unit or "–"})



# --- source or decision, tags, counting by dates ----------------------------------------


def _decided_names(item: dict) -> Any:
    """The names a `decided:` mapping lists (empty: all), or None without a decision."""
    decided = item.get("decided")
    if not isinstance(decided, dict):
        return None
    values = decided.get("values")
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def check_origins(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """Every value of a pledge or a goal is either quoted from the source (`source:`) or
    marked as the group's decision (`decided:`): a warning names those that are neither.

    The check holds for a plan that marks where its values come from at all (a `source:`
    or `decided:` on some pledge or goal); a plan written before plans did so (and the
    plans made from it) is left as it is."""
    from samverkan.plan.model import GOAL_VALUES, PLEDGE_VALUES
    from samverkan.plan.origin import value_origins

    entries: list[tuple[tuple, dict, str, list[str], dict[str, bool]]] = [
        (("pledges", i), p, "what_pledge", list(PLEDGE_VALUES), {})
        for i, p in items(data, "pledges")]
    for loc, goal in _goals(data):
        baseline = goal.get("baseline")
        values = [v for v in GOAL_VALUES if v != "baseline" or baseline is not None]
        own = {"baseline": bool(baseline.get("source"))} if isinstance(baseline, dict) else {}
        entries.append((loc, goal, "what_goal", values, own))
    if not any(item.get("source") or "decided" in item for _, item, *_ in entries):
        return
    for loc, item, what, values, own in entries:
        source = item.get("source")
        decided = _decided_names(item)
        if not source and decided is None:
            yield Finding(loc + ("id",), "origin_missing", severity="warning",
                          values={"what": what, "id": item.get("id")})
            continue
        unmarked = [v for v, origin in value_origins(values, source, decided, own).items()
                    if origin is None]
        if unmarked:
            yield Finding(loc + ("id",), "origin_values_missing", severity="warning",
                          values={"what": what, "id": item.get("id"),
                                  "values": ", ".join(unmarked)})


def check_tags(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A tag has one definition under `tags:`; in a plan that defines its tags, a tag used
    by a requirement or an activity but not defined there is a warning (once per tag,
    where it is first used). A plan without `tags:` (written before tags had titles)
    stays as it was: its outputs show the ids."""
    defined = items(data, "tags")
    if not defined:
        return
    yield from duplicate_ids("what_tag", [(("tags", i), t) for i, t in defined])
    known: set[str] = {t["id"] for _, t in defined if isinstance(t.get("id"), str)}
    seen: set[str] = set()

    def undefined(tag: Any, loc: tuple) -> Iterator[Finding]:
        if isinstance(tag, str) and tag not in known and tag not in seen:
            seen.add(tag)
            yield Finding(loc, "tag_undefined", severity="warning",
                          values={"tag": tag, "known": ", ".join(sorted(known)) or "–"})

    for i, pledge in items(data, "pledges"):
        target = pledge.get("target")
        if isinstance(target, dict):
            for k, requirement in items(target, "requirements"):
                yield from undefined(requirement.get("tag"),
                                     ("pledges", i, "target", "requirements", k, "tag"))
    for i, keys in enumerate(activities):
        tags = keys.tags
        if isinstance(tags, (list, tuple)):
            for tag in tags:
                yield from undefined(tag, ("activities", i))


def check_dates_counts(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A pledge counted by dates counts each day once: an activity's `count` above 1 adds
    nothing, which the file should not suggest."""
    by_dates = set()
    for _, pledge in items(data, "pledges"):
        target = pledge.get("target")
        if isinstance(target, dict) and target.get("counting") == "dates":
            by_dates.add(pledge.get("id"))
    if not by_dates:
        return
    for i, keys in enumerate(activities):
        count = keys.count
        if (keys.pledge in by_dates and isinstance(count, int) and not isinstance(count, bool)
                and count > 1):
            yield Finding(("activities", i), "dates_count_ignored", severity="warning",
                          values={"pledge": keys.pledge, "count": count})


def check_planned(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A planned occasion lies inside its pledge's period (in the plan year: see
    `check_dates_in_year`), and a date is planned once."""
    year = data.get("year")
    for i, pledge in items(data, "pledges"):
        target = pledge.get("target")
        start = target.get("start") if isinstance(target, dict) else None
        due = target.get("due") if isinstance(target, dict) else None
        first: dict[dt.date, tuple] = {}
        for k, occasion in items(pledge, "planned"):
            date = occasion.get("date")
            if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
                continue
            here = ("pledges", i, "planned", k, "date")
            in_year = not isinstance(year, int) or date.year == year
            if in_year and ((isinstance(start, dt.date) and date < start)
                            or (isinstance(due, dt.date) and date > due)):
                yield Finding(here, "planned_outside_period", values={
                    "date": date.isoformat(), "id": pledge.get("id"),
                    "start": start.isoformat() if isinstance(start, dt.date) else f"{year}-01-01",
                    "due": due.isoformat() if isinstance(due, dt.date) else f"{year}-12-31"})
            if date in first:
                yield Finding(here, "planned_duplicate_date", severity="warning",
                              values={"date": date.isoformat(), "first": first[date]})
            else:
                first[date] = here


def check_goal_series(data: dict, activities: Sequence[Keys]) -> Iterator[Finding]:
    """A goal that reads its values from a series keeps none of its own (one value per
    fact), and a measurement cannot have become known before its year began."""
    for loc, goal in _goals(data):
        series = goal.get("series")
        listed = goal.get("measurements")
        if isinstance(series, str) and isinstance(listed, list) and listed:
            yield Finding(loc + ("measurements",), "goal_series_and_measurements",
                          values={"id": goal.get("id"), "series": series}, on_key=True)
        for k, measurement in items(goal, "measurements"):
            year, date = measurement.get("year"), measurement.get("date")
            if isinstance(year, int) and isinstance(date, dt.date) and date.year < year:
                yield Finding(loc + ("measurements", k, "date"), "measurement_date_before_year",
                              values={"date": date.isoformat(), "year": year})


CHECKS: list[Check] = [check_unique_ids, check_references, check_dates_in_year, check_baselines,
                       check_measurement_years, check_goal_values, check_planned,
                       check_goal_series, check_origins, check_tags, check_dates_counts]
_PLAN_FILE = re.compile(r"([0-9]{4})\.ya?ml")


def check_year_is_file_name(data: dict, name: str | None) -> Iterator[Finding]:
    """`plans/2022.yaml` holds the plan of 2022: a copy of another year's plan saved under a
    new name would otherwise count its activities twice."""
    match = _PLAN_FILE.fullmatch(name or "")
    year = data.get("year")
    if (match and isinstance(year, int) and not isinstance(year, bool)
            and year != int(match.group(1))):
        yield Finding(("year",), "plan_year_not_file_name",
                      values={"year": year, "name": name, "file_year": match.group(1)})


def run_checks(data: Any, activities: Sequence[Keys], name: str | None = None) -> list[Finding]:
    """Every check's findings over a plan's data (without its activities) and the
    activities' keys; `name` is the file's name (`2021.yaml`), when it has one."""
    if not isinstance(data, dict):
        return []
    findings: list[Finding] = list(check_year_is_file_name(data, name))
    for check in CHECKS:
        findings.extend(check(data, activities))
    return findings


def new_activity_findings(plan: Plan, activity: Activity) -> list[Finding]:
    """What the checks above find at `activity` when it is added to `plan` (a plan free of
    errors): the same definitions as for a file, so that `log` refuses through its options
    what `validate` would report in the file, and appends without reading the file again
    only when a full reading finds nothing new (`reader.with_appended`). A tag that is not
    defined is reported where it is first used: here only when no other activity has it."""
    head = plain(plan._replace(activities=()))
    new = Keys(activity.id, activity.pledge, activity.date, activity.tags, activity.count)
    found = [f for f in run_checks(head, [new]) if f.loc[:2] == ("activities", 0)]
    if any(f.key == "tag_undefined" for f in found):
        earlier = [Keys(None, None, None, tags)
                   for tags in dict.fromkeys(a.tags for a in plan.activities)]
        found = [f for f in run_checks(head, [*earlier, new])
                 if f.loc[:2] == ("activities", len(earlier))]
    return found


def check_agreement_ids(data: Any) -> list[Finding]:
    """In `agreement.yaml`, an id names one goal."""
    return list(duplicate_ids("what_goal", [(("goals", i), g) for i, g in items(data, "goals")]))


def check_milestones(data: Any) -> Iterator[Finding]:
    """In `agreement.yaml`, a goal's milestones lie inside the agreement's years, one per
    date in date order, each asking at least as much as the one before and no more than
    the goal itself."""
    first_year, last_year = data.get("first_year"), data.get("last_year")
    for i, goal in items(data, "goals"):
        goal_min = goal.get("min")
        before: tuple[dt.date, Any] | None = None
        for k, milestone in items(goal, "milestones"):
            by, minimum = milestone.get("by"), milestone.get("min")
            here = ("goals", i, "milestones", k)
            if not isinstance(by, dt.date):
                continue
            if (isinstance(first_year, int) and isinstance(last_year, int)
                    and not first_year <= by.year <= last_year):
                yield Finding(here + ("by",), "milestone_outside_agreement",
                              values={"date": by.isoformat(), "first": first_year,
                                      "last": last_year})
            if before is not None and by <= before[0]:
                yield Finding(here + ("by",), "milestone_order",
                              values={"date": by.isoformat(), "earlier": before[0].isoformat()})
            elif (before is not None and isinstance(minimum, int) and isinstance(before[1], int)
                  and minimum < before[1]):
                yield Finding(here + ("min",), "milestone_min_falls",
                              values={"min": minimum, "earlier": before[1],
                                      "date": before[0].isoformat()})
            if isinstance(minimum, int) and isinstance(goal_min, int) and minimum > goal_min:
                yield Finding(here + ("min",), "milestone_above_goal",
                              values={"min": minimum, "goal_min": goal_min,
                                      "id": goal.get("id")})
            before = (by, minimum)


def check_agreement(data: Any) -> list[Finding]:
    """Every check of `agreement.yaml` across its parts."""
    if not isinstance(data, dict):
        return []
    return check_agreement_ids(data) + list(check_milestones(data))
