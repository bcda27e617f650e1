"""Checks on EST files beyond their shape: ids, weeks and periods, references to the checklist.

Like `samverkan/checks.py`, each check is a small function over a file's plain data
that yields `Finding`s; the loader places them on lines. References to areas,
categories and reporting organisations need `omraden.yaml`: `Known` carries its ids,
and is `None` when that file is missing or broken (then references are not checked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from samverkan.core.yamlfile import Finding
from samverkan.core.yamlfile import duplicate_ids as _duplicate_ids
from samverkan.core.yamlfile import items as _items
from samverkan.core.years import PeriodError
from samverkan.est.periods import parse_period, parse_week


@dataclass(frozen=True)
class Known:
    """The ids in `omraden.yaml` that other EST files refer to."""

    areas: frozenset[str]
    categories: frozenset[str]
    reporters: dict[str, frozenset[str]] = field(default_factory=dict)  # area → org ids


def _listed(key: str, data: dict) -> list[tuple[tuple, dict]]:
    return [((key, i), item) for i, item in _items(data, key)]


def _ref(loc: tuple, value: Any, known: frozenset[str] | None, key: str) -> Iterator[Finding]:
    if known is not None and isinstance(value, str) and value not in known:
        yield Finding(loc, key, values={"id": value, "ids": ", ".join(sorted(known)) or "–"})


def _categories(loc: tuple, values: Any, known: Known | None) -> Iterator[Finding]:
    if not isinstance(values, list) or known is None:
        return
    for j, value in enumerate(values):
        yield from _ref(loc + (j,), value, known.categories, "est_unknown_category_ref")


# --- omraden.yaml -------------------------------------------------------------------


def check_config_ids(data: dict) -> Iterator[Finding]:
    """Areas, categories and each area's organisations have ids used once."""
    yield from _duplicate_ids("what_est_area", _listed("areas", data))
    yield from _duplicate_ids("what_est_category", _listed("categories", data))
    for loc, area in _listed("areas", data):
        yield from _duplicate_ids("what_est_reporter", [(loc + ("reporters", j), org)
                                                        for j, org in _items(area, "reporters")])


def check_area_start(data: dict) -> Iterator[Finding]:
    """An area's start date, when given with a start year, lies in that year."""
    for loc, area in _listed("areas", data):
        start, year = area.get("start"), area.get("start_year")
        if isinstance(start, dt.date) and isinstance(year, int) and start.year != year:
            yield Finding(loc + ("start",), "est_start_not_in_start_year",
                          values={"start": start.isoformat(), "year": year})


def config_checks(data: Any) -> list[Finding]:
    if not isinstance(data, dict):
        return []
    return [*check_config_ids(data), *check_area_start(data)]


# --- observationer-YYYY.yaml --------------------------------------------------------


def check_observation_weeks(data: dict) -> Iterator[Finding]:
    """Each observation has a week or a date (not both), a real ISO week of the file's year."""
    year = data.get("year")
    for loc, obs in _listed("observations", data):
        week, date = obs.get("week"), obs.get("date")
        if (week is None) == (date is None):
            yield Finding(loc + (("week",) if week is not None else ()), "est_week_or_date")
            continue
        iso_year = None
        if isinstance(week, str):
            try:
                iso_year = parse_week(week).year
            except PeriodError as exc:
                yield Finding(loc + ("week",), exc.key, values={"value": week, **exc.extra})
                continue
        elif week is not None:
            yield Finding(loc + ("week",), "est_bad_week", values={"value": week})
            continue
        elif isinstance(date, dt.date):
            iso_year = date.isocalendar()[0]
        if iso_year is not None and isinstance(year, int) and iso_year != year:
            yield Finding(loc + (("week",) if week is not None else ("date",)),
                          "est_observation_outside_year",
                          values={"year": year, "week_year": iso_year})


def observation_checks(known: Known | None, file_year: int | None = None
                       ) -> Callable[[Any], list[Finding]]:
    """The checks of an observation file, with the ids of `omraden.yaml` when known."""

    def run(data: Any) -> list[Finding]:
        if not isinstance(data, dict):
            return []
        found = list(_duplicate_ids("what_est_observation", _listed("observations", data)))
        found.extend(check_observation_weeks(data))
        year = data.get("year")
        if file_year is not None and isinstance(year, int) and year != file_year:
            found.append(Finding(("year",), "est_file_year", values={"year": year,
                                                                      "file_year": file_year}))
        if known is not None:
            for loc, obs in _listed("observations", data):
                found.extend(_ref(loc + ("area",), obs.get("area"), known.areas,
                                  "est_unknown_area_ref"))
                found.extend(_ref(loc + ("category",), obs.get("category"), known.categories,
                                  "est_unknown_category_ref"))
                area = obs.get("area")
                if isinstance(area, str) and area in known.reporters:
                    found.extend(_ref(loc + ("reporter",), obs.get("reporter"),
                                      known.reporters[area], "est_unknown_reporter_ref"))
        return found

    return run


# --- insatser.yaml -----------------------------------------------------------------


def work_checks(known: Known | None) -> Callable[[Any], list[Finding]]:
    """The checks of `insatser.yaml`: ids, periods, dates, references."""

    def run(data: Any) -> list[Finding]:
        if not isinstance(data, dict):
            return []
        found: list[Finding] = []
        for key, what in (("analyses", "what_est_analysis"), ("measures", "what_est_measure"),
                          ("follow_ups", "what_est_follow_up")):
            found.extend(_duplicate_ids(what, _listed(key, data)))
        areas = known.areas if known else None
        for loc, analysis in _listed("analyses", data):
            found.extend(_ref(loc + ("area",), analysis.get("area"), areas, "est_unknown_area_ref"))
            period = analysis.get("period")
            if period is not None:
                try:
                    parse_period(str(period))
                except PeriodError as exc:
                    found.append(Finding(loc + ("period",), exc.key,
                                         values={"value": period, **exc.extra}))
            found.extend(_categories(loc + ("categories",), analysis.get("categories"), known))
        starts: dict[str, dt.date] = {}
        for loc, measure in _listed("measures", data):
            found.extend(_ref(loc + ("area",), measure.get("area"), areas, "est_unknown_area_ref"))
            found.extend(_categories(loc + ("categories",), measure.get("categories"), known))
            if measure.get("categories") == []:
                found.append(Finding(loc + ("categories",), "est_measure_no_category"))
            start, end = measure.get("start"), measure.get("end")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
                found.append(Finding(loc + ("end",), "est_end_before_start",
                                     values={"start": start.isoformat(), "end": end.isoformat()}))
            if isinstance(measure.get("id"), str) and isinstance(start, dt.date):
                starts[measure["id"]] = start
        measures = frozenset(str(m["id"]) for _, m in _listed("measures", data)
                             if isinstance(m.get("id"), str))
        for loc, follow_up in _listed("follow_ups", data):
            ref = follow_up.get("measure")
            found.extend(_ref(loc + ("measure",), ref, measures, "est_unknown_measure_ref"))
            date = follow_up.get("date")
            if isinstance(ref, str) and ref in starts and isinstance(date, dt.date) \
                    and date < starts[ref]:
                found.append(Finding(loc + ("date",), "est_follow_up_before_start",
                                     severity="warning",
                                     values={"date": date.isoformat(),
                                             "start": starts[ref].isoformat()}))
        return found

    return run


# --- forebyggargrupper.yaml ----------------------------------------------------------


def check_group_ids(data: dict) -> Iterator[Finding]:
    """Groups, categories and organisations (the default list and each group's) have ids
    used once."""
    yield from _duplicate_ids("what_est_group", _listed("groups", data))
    yield from _duplicate_ids("what_est_category", _listed("categories", data))
    yield from _duplicate_ids("what_est_reporter", _listed("reporters", data))
    for loc, group in _listed("groups", data):
        yield from _duplicate_ids("what_est_reporter", [(loc + ("reporters", j), org)
                                                        for j, org in _items(group, "reporters")])


def check_group_count(data: dict) -> Iterator[Finding]:
    """More groups than `groups_expected` is worth a second look (a group written twice?)."""
    expected, groups = data.get("groups_expected"), _listed("groups", data)
    if isinstance(expected, int) and not isinstance(expected, bool) and len(groups) > expected:
        yield Finding(groups[expected][0] + ("id",), "est_more_groups_than_expected",
                      severity="warning", values={"n": len(groups), "expected": expected})


def group_checks(data: Any) -> list[Finding]:
    if not isinstance(data, dict):
        return []
    renamed = {**data, "areas": data.get("groups")}  # a group is an area: its start checks
    return [*check_group_ids(data), *[
        Finding(("groups",) + f.loc[1:], f.key, f.severity, f.values, f.on_key)
        for f in check_area_start(renamed)], *check_group_count(data)]


# --- grupplagesbilder-YYYY.yaml ------------------------------------------------------


def check_group_picture(loc: tuple, picture: dict, file_year: Any) -> Iterator[Finding]:
    """A picture covers a week (a meeting) or a month of the file's ISO year, and is not
    dated before its period begins."""
    period = picture.get("period")
    if period is None:
        return
    try:
        parsed = parse_period(str(period))
    except PeriodError as exc:
        yield Finding(loc + ("period",), exc.key, values={"value": period, **exc.extra})
        return
    if parsed.kind not in ("week", "month"):
        yield Finding(loc + ("period",), "est_group_period_kind", values={"value": period})
        return
    if isinstance(file_year, int) and parsed.year != file_year:
        yield Finding(loc + ("period",), "est_group_picture_outside_year",
                      values={"year": file_year, "period_year": parsed.year})
    date = picture.get("date")
    if isinstance(date, dt.date) and date < parsed.first_day:
        yield Finding(loc + ("date",), "est_group_picture_before_period", severity="warning",
                      values={"date": date.isoformat(), "period": str(parsed),
                              "first": parsed.first_day.isoformat()})


def check_group_overlaps(data: dict) -> Iterator[Finding]:
    """Two pictures of one group whose periods share a week would count those weeks twice."""
    seen: dict[str, list[tuple[set, str]]] = {}
    for loc, picture in _listed("pictures", data):
        group, period = picture.get("group"), picture.get("period")
        if not isinstance(group, str) or period is None:
            continue
        try:
            parsed = parse_period(str(period))
        except PeriodError:
            continue
        if parsed.kind not in ("week", "month"):
            continue  # reported by check_group_picture
        weeks = set(parsed.weeks())
        for other_weeks, other_period in seen.get(group, []):
            if weeks & other_weeks:
                yield Finding(loc + ("period",), "est_group_picture_overlaps", severity="warning",
                              values={"group": group, "period": period, "other": other_period,
                                      "id": picture.get("id")})
                break
        seen.setdefault(group, []).append((weeks, str(period)))


def group_picture_checks(known: Known | None, file_year: int | None = None
                         ) -> Callable[[Any], list[Finding]]:
    """The checks of a group-picture file, with the ids of `forebyggargrupper.yaml` when
    known (`Known.areas` holds the groups)."""

    def run(data: Any) -> list[Finding]:
        if not isinstance(data, dict):
            return []
        found = list(_duplicate_ids("what_est_group_picture", _listed("pictures", data)))
        year = data.get("year")
        if file_year is not None and isinstance(year, int) and year != file_year:
            found.append(Finding(("year",), "est_file_year", values={"year": year,
                                                                      "file_year": file_year}))
        for loc, picture in _listed("pictures", data):
            found.extend(check_group_picture(loc, picture, year))
            if known is None:
                continue
            found.extend(_ref(loc + ("group",), picture.get("group"), known.areas,
                              "est_unknown_group_ref"))
            counts = picture.get("counts")
            if isinstance(counts, dict):
                for category in counts:
                    if isinstance(category, str) and category not in known.categories:
                        found.append(Finding(
                            loc + ("counts", category), "est_unknown_group_category_ref",
                            values={"id": category,
                                    "ids": ", ".join(sorted(known.categories)) or "–"},
                            on_key=True))
        found.extend(check_group_overlaps(data))
        return found

    return run
