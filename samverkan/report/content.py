"""What the report says: the year's (or the agreement's) pledges, goals and charts.

`year_report` and `agreement_report` turn computed compliance into plain view objects
that the templates lay out; all statuses come from `compliance.compute`. Charts are
drawn only when asked (`charts=True`, for HTML), so that Markdown needs no chart library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samverkan.followup.agreement import AgreementGoalStatus
from samverkan.followup.compliance import (
    ATTENTION,
    Compliance,
    GoalStatus,
    PledgeStatus,
    compute,
    count_activities,
    goal_status,
)
from samverkan.plan.model import Activity, FocusArea, Measurement, Plan
from samverkan.report.words import Words

MULTI_YEAR_FOCUS_AREA = "brottsforebyggande-metoder"


@dataclass
class PledgeView:
    status: PledgeStatus
    activities: list[Activity]
    chart: Any = None
    chart_text: str = ""


@dataclass
class GoalView:
    status: GoalStatus
    chart: Any = None
    chart_text: str = ""


@dataclass
class AreaView:
    area: FocusArea
    pledges: list[PledgeView] = field(default_factory=list)
    goals: list[GoalView] = field(default_factory=list)


@dataclass
class YearReport:
    path: Path
    plan: Plan
    compliance: Compliance
    areas: list[AreaView]
    goal_years: list[int]

    @property
    def attention(self) -> list[PledgeView]:
        return [p for area in self.areas for p in area.pledges if p.status.status in ATTENTION]

    @property
    def pledges(self) -> list[PledgeView]:
        return [p for area in self.areas for p in area.pledges]

    @property
    def quantified(self) -> int:
        return sum(1 for p in self.compliance.pledges if p.main is not None)


@dataclass
class PledgeAcross:
    """One pledge over the agreement's years; `cells[i]` is None where the year's plan
    lacks the pledge or the year has not begun."""

    id: str
    title: str
    unit: str
    cells: list[PledgeStatus | None]
    chart: Any = None
    chart_text: str = ""


@dataclass
class AgreementArea:
    area: FocusArea
    pledges: list[PledgeAcross]


@dataclass
class AgreementReport:
    years: list[int]
    paths: list[Path]
    started: list[bool]
    summaries: list[dict[str, int] | None]
    areas: list[AgreementArea]
    goals: list[GoalView]
    goal_years: list[int]
    multi_year_goals: list[GoalView]
    latest: YearReport | None
    as_of: dt.date
    agreement_goals: list[AgreementGoalStatus] = field(default_factory=list)


# --- one year ---------------------------------------------------------------------------


def cumulative(activities: list[Activity], counting: str) -> tuple[tuple[dt.date, int], ...]:
    """The count after each day with activities, counted the pledge's way."""
    ordered = sorted(activities, key=lambda a: a.date)
    points: list[tuple[dt.date, int]] = []
    for index, activity in enumerate(ordered):
        if index + 1 < len(ordered) and ordered[index + 1].date == activity.date:
            continue
        points.append((activity.date, count_activities(ordered[: index + 1], counting)))
    return tuple(points)


def counted_activities(plan: Plan, p: PledgeStatus, as_of: dt.date) -> list[Activity]:
    return [a for a in plan.activities
            if a.pledge == p.pledge.id and p.start <= a.date <= p.due and a.date <= as_of]


def recorded_activities(plan: Plan, pledge_id: str, as_of: dt.date) -> list[Activity]:
    """The pledge's activities up to `as_of`, in date order: their notes go in the report."""
    return sorted((a for a in plan.activities if a.pledge == pledge_id and a.date <= as_of),
                  key=lambda a: a.date)


def year_report(path: Path, plan: Plan, as_of: dt.date,
                extra: dict[str, list[Measurement]] | None, words: Words,
                charts: bool) -> YearReport:
    """The follow-up of one plan on `as_of`, grouped by focus area."""
    result = compute(plan, as_of, extra)
    areas = {a.id: AreaView(a) for a in plan.focus_areas}
    for p in result.pledges:
        view = PledgeView(p, recorded_activities(plan, p.pledge.id, as_of))
        view.chart_text = pledge_chart_text(p, plan, as_of, words)
        areas[p.pledge.focus_area].pledges.append(view)
    for g in result.goals:
        areas[g.focus_area].goals.append(GoalView(g, chart_text=goal_chart_text(g, words)))
    goal_years = sorted({m.year for g in result.goals for m in g.measurements})
    report = YearReport(path, plan, result, list(areas.values()), goal_years)
    if charts:
        draw_year_charts(report, words)
    return report


def pledge_chart_text(p: PledgeStatus, plan: Plan, as_of: dt.date, words: Words) -> str:
    if p.main is None:
        return ""
    end = min(as_of, p.due)
    text = words.t("report_chart_pledge", title=words.title(p.pledge), unit=words.unit(p),
                   start=words.date(p.start), due=words.date(p.due),
                   outcome=words.outcome(p), end=words.date(end))
    if as_of < p.due:
        text += " " + words.t("report_chart_pace", expected=p.main.expected,
                              as_of=words.date(as_of))
    for r in p.requirements:
        text += " " + words.requirement(r).capitalize() + "."
    return text


def goal_chart_text(g: GoalStatus, words: Words) -> str:
    values = "; ".join(f"{m.year}: {words.number(m.value)}" for m in g.measurements)
    return words.t("report_chart_goal", indicator=g.goal.indicator,
                   baseline=words.baseline(g.goal.baseline),
                   values=values or words.t("report_no_measurements"),
                   verdict=words.goal_status(g.status))


def draw_year_charts(report: YearReport, words: Words) -> None:
    from samverkan.report import charts

    labels = chart_labels(words)
    as_of = report.compliance.as_of
    number = 0
    for view in report.pledges:
        p = view.status
        if p.main is None:
            continue
        number += 1
        mine = counted_activities(report.plan, p, as_of)
        requirements = [charts.Series(words.t("report_of_tag_label", tag=r.tag_name),
                                      cumulative([a for a in mine if r.tag in a.tags],
                                                 p.pledge.target.counting))  # type: ignore[union-attr]
                        for r in p.requirements]
        view.chart = charts.pledge_chart(
            f"chart-pledge-{number}", start=p.start, due=p.due, as_of=as_of,
            target=p.main.target,
            done=charts.Series(labels.done, cumulative(mine, p.pledge.target.counting)),  # type: ignore[union-attr]
            requirements=requirements, labels=labels, lang=words.lang,
            title=words.t("report_chart_pledge_title", title=words.title(p.pledge)),
            desc=view.chart_text)
    for index, goal in enumerate(g for a in report.areas for g in a.goals):
        goal.chart = draw_goal_chart(f"chart-goal-{index + 1}", goal, report.plan.year,
                                     labels, words)


def draw_goal_chart(chart_id: str, view: GoalView, last_year: int, labels: Any,
                    words: Words) -> Any:
    """The goal's chart, or None when there is neither a baseline nor a measurement."""
    from samverkan.report import charts

    g = view.status
    b = g.goal.baseline
    if b is None and not g.measurements:
        return None
    years = [m.year for m in g.measurements]
    first = min(([b.year] if b else []) + years)
    low = (b.value if b.value is not None else b.low) if b else None
    high = (b.value if b.value is not None else b.high) if b else None
    return charts.goal_chart(
        chart_id, years=years, values=[m.value for m in g.measurements],
        baseline_year=b.year if b else None, baseline_low=low, baseline_high=high,
        first_year=first, last_year=max([last_year] + years), labels=labels, lang=words.lang,
        title=words.t("report_chart_goal_title", title=g.goal.title), desc=view.chart_text)


def chart_labels(words: Words) -> Any:
    from samverkan.report import charts

    return charts.Labels(done=words.t("report_legend_done"), pace=words.t("report_legend_pace"),
                         target=words.t("report_legend_target"),
                         as_of=words.t("report_legend_as_of"),
                         baseline=words.t("report_legend_baseline"),
                         measured=words.t("report_legend_measured"))


# --- the whole agreement ------------------------------------------------------------------


def compliance_by_year(plans: dict[int, Plan], as_of: dt.date,
                       measurements: Callable[[int], dict[str, list[Measurement]]]
                       ) -> dict[int, Compliance | None]:
    """`compliance.compute` for every plan year on `as_of`; None for a year not yet begun."""
    return {year: (compute(plan, as_of, measurements(year)) if plan.first_day <= as_of
                   else None)
            for year, plan in sorted(plans.items())}


def multi_year_goals(plans: dict[int, Plan], as_of: dt.date,
                     measurements: dict[str, list[Measurement]]) -> list[GoalStatus]:
    """The goals that hold for the whole agreement, with their status.

    For now these are the goals of the focus area `brottsforebyggande-metoder` (EST in
    3–4 areas, at least 4 new neighbourhood-watch areas), read from the latest plan that
    has begun. This is the one place to wire the agreement-wide goals of the agreement
    module (issue 3) into the report.
    """
    begun = [y for y, plan in plans.items() if plan.first_day <= as_of] or list(plans)
    plan = plans[max(begun)]
    return [goal_status(goal, area.id, plan.year, measurements.get(goal.id, ()), as_of)
            for area in plan.focus_areas if area.id == MULTI_YEAR_FOCUS_AREA
            for goal in area.goals]


def agreement_report(paths: dict[int, Path], plans: dict[int, Plan], as_of: dt.date,
                     measurements: dict[str, list[Measurement]], words: Words,
                     charts: bool,
                     agreement_goals: list[AgreementGoalStatus] | None = None) -> AgreementReport:
    """Every plan year side by side, the goals over the years, the multi-year goals.

    `agreement_goals` are the targets of `agreement.yaml` (target, done counted from the
    record, status); the goals of the plans' own multi-year focus area are then shown
    among the other goals only when they have measurements."""
    years = sorted(plans)

    def up_to(year: int) -> dict[str, list[Measurement]]:
        return {gid: [m for m in ms if m.year <= year] for gid, ms in measurements.items()}

    by_year = compliance_by_year(plans, as_of, up_to)
    begun = [y for y in years if by_year[y] is not None]
    latest_year = max(begun) if begun else years[0]
    latest_plan = plans[latest_year]

    order: list[str] = []
    info: dict[str, tuple[str, str, str]] = {}
    for year in years:
        for p in plans[year].pledges:
            if p.id not in info:
                order.append(p.id)
            info[p.id] = (words.title(p), p.focus_area, p.target.unit if p.target else "")
    areas = {a.id: AgreementArea(a, []) for y in years for a in plans[y].focus_areas}
    for area in latest_plan.focus_areas:
        areas[area.id] = AgreementArea(area, [])
    for pledge_id in order:
        title, area_id, unit = info[pledge_id]
        cells = []
        for year in years:
            c = by_year[year]
            cells.append(next((p for p in c.pledges if p.pledge.id == pledge_id), None)
                         if c else None)
        row = PledgeAcross(pledge_id, title, unit, cells)
        row.chart_text = outcome_chart_text(row, years, words)
        areas[area_id].pledges.append(row)

    everything = up_to(max(years))
    multi = multi_year_goals(plans, as_of, everything)
    multi_ids = {g.goal.id for g in multi}
    if agreement_goals:
        multi = [g for g in multi if g.measurements]
    goals = [GoalView(goal_status(goal, area.id, latest_year, everything.get(goal.id, ()),
                                  as_of))
             for area in latest_plan.focus_areas for goal in area.goals
             if goal.id not in multi_ids]
    for view in goals:
        view.chart_text = goal_chart_text(view.status, words)
    goal_years = sorted({m.year for v in goals for m in v.status.measurements})
    latest = year_report(paths[latest_year], latest_plan, as_of, up_to(latest_year), words,
                         charts=False) if begun else None
    report = AgreementReport(
        years=years, paths=[paths[y] for y in years],
        started=[by_year[y] is not None for y in years],
        summaries=[c.summary if c else None for c in (by_year[y] for y in years)],
        areas=[a for a in areas.values() if a.pledges],
        goals=goals, goal_years=goal_years,
        multi_year_goals=[GoalView(g, chart_text=goal_chart_text(g, words)) for g in multi],
        latest=latest, as_of=as_of, agreement_goals=list(agreement_goals or []))
    if charts:
        draw_agreement_charts(report, words)
    return report


def outcome_chart_text(row: PledgeAcross, years: list[int], words: Words) -> str:
    parts = [f"{year}: {words.outcome(cell)}" for year, cell in zip(years, row.cells, strict=True)
             if cell]
    return words.t("report_chart_outcome", title=row.title, unit=row.unit,
                   values="; ".join(parts) or words.t("report_no_measurements"))


def draw_agreement_charts(report: AgreementReport, words: Words) -> None:
    from samverkan.report import charts

    labels = chart_labels(words)
    number = 0
    for area in report.areas:
        for row in area.pledges:
            if not any(c is not None and c.main is not None for c in row.cells):
                continue
            number += 1
            row.chart = charts.outcome_chart(
                f"chart-outcome-{number}", years=report.years,
                done=[c.done if c else None for c in row.cells],
                targets=[c.main.target if c and c.main else None for c in row.cells],
                labels=labels, title=words.t("report_chart_pledge_title", title=row.title),
                desc=row.chart_text)
    for index, view in enumerate(report.goals + report.multi_year_goals):
        view.chart = draw_goal_chart(f"chart-goal-{index + 1}", view, max(report.years),
                                     labels, words)
