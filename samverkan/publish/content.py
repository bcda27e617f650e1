"""What the website says: the plans and their compliance as page view objects.

Pure: `build_site` gets the loaded `Source`, the day of the data (`as_of`), today and the
language, and returns a `Site` that the templates lay out; no I/O and no clock. This is
also where it is decided what is public. Of an activity only its date, count and pledge
reach the figures; a place name only when the plan marks the pledge
`public: {show_places: true}`; notes and `by` never.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from samverkan import __version__
from samverkan.core.i18n import tr
from samverkan.followup.compliance import BEHIND, DISTINCT_COUNTINGS, MET, ON_TRACK
from samverkan.publish import charts
from samverkan.publish.source import Source, place_key
from samverkan.report.words import Words

if TYPE_CHECKING:
    from samverkan.followup.compliance import GoalStatus, PledgeStatus
    from samverkan.plan.model import Plan, Pledge

NOT_BEGUN = "not_begun"
PLEDGE_PAGE = "lofte/{id}.html"
YEAR_PAGE = "ar/{year}.html"
AREAS_PAGE = "fokusomraden.html"
ABOUT_PAGE = "om-datat.html"


@dataclass(frozen=True)
class RequirementView:
    tag: str
    target: int
    done: int
    met: bool
    text: str


@dataclass(frozen=True)
class PledgeYear:
    """One pledge in one plan year, as citizens read it."""

    year: int
    status: str  # met, on_track, behind, missed, untracked or not_begun
    status_text: str
    target: int | None
    done: int | None
    expected: int | None
    unit: str
    counting: str | None
    start: dt.date
    due: dt.date
    target_text: str
    done_text: str
    pace_text: str
    requirements: tuple[RequirementView, ...]
    percent: int | None  # how full the bar is, 0–100; None without a target
    bar_text: str
    places: tuple[str, ...] | None  # None: the plan does not let places be shown

    @property
    def begun(self) -> bool:
        return self.status != NOT_BEGUN


@dataclass
class PledgeView:
    """A pledge over the agreement's years; `current` is the start page's year."""

    id: str
    title: str
    description: str | None
    focus_area: str
    focus_area_title: str
    owner: str
    owner_text: str
    counting_note: str
    href: str
    years: list[PledgeYear] = field(default_factory=list)
    source_text: str = ""    # `Ur underlaget: ”…”` when the plan quotes the source
    decision_text: str = ""  # what the group chose itself (marked * where it shows)
    current: PledgeYear | None = None
    chart: Markup = field(default_factory=Markup)
    chart_title: str = ""
    chart_desc: str = ""


@dataclass(frozen=True)
class Measured:
    year: int
    value: float
    text: str
    source: str | None


@dataclass(frozen=True)
class GoalView:
    id: str
    title: str
    indicator: str
    focus_area: str
    direction: str
    direction_text: str
    baseline: Any  # model.Baseline | None
    baseline_text: str
    measurements: tuple[Measured, ...]
    latest_text: str
    status: str
    status_text: str


@dataclass
class AreaView:
    id: str
    title: str
    goals: list[GoalView] = field(default_factory=list)
    pledges: list[PledgeView] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementGoalView:
    id: str
    title: str
    unit: str
    target: int
    done: int | None
    expected: int
    status: str
    status_text: str
    target_text: str
    done_text: str


@dataclass
class YearView:
    year: int
    begun: bool
    href: str
    summary_text: str
    summary: list[tuple[str, int]]  # (status, how many pledges), statuses that occur
    areas: list[tuple[AreaView, list[tuple[PledgeView, PledgeYear]]]]
    goals: list[GoalView]


@dataclass
class Site:
    lang: str
    plan_language: str
    title: str
    agreement_title: str
    period_text: str
    first_year: int
    last_year: int
    as_of: dt.date
    as_of_text: str
    today: dt.date
    version: str
    current_year: int
    pledges: list[PledgeView]
    years: list[YearView]
    areas: list[AreaView]
    agreement_goals: list[AgreementGoalView]
    legend: str = ""  # the legend of `*`, when a page shows a value the group chose

    @property
    def current(self) -> YearView:
        return next(y for y in self.years if y.year == self.current_year)

    def t(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)


# --- building -------------------------------------------------------------------------------


def current_year(plans: dict[int, Any], as_of: dt.date) -> int:
    """The start page's year: the latest plan year that has begun on `as_of`, else the first."""
    begun = [year for year, plan in plans.items() if plan.first_day <= as_of]
    return max(begun) if begun else min(plans)


def build_site(source: Source, as_of: dt.date, today: dt.date, lang: str) -> Site:
    """Every page's content, in `lang`, with the figures as they were on `as_of`."""
    w = Words(lang)
    plans = source.plans
    years = sorted(plans)
    agreement = source.agreement
    first = agreement.first_year if agreement else years[0]
    last = agreement.last_year if agreement else years[-1]
    current = current_year(plans, as_of)
    latest_plan = plans[current]

    areas: dict[str, AreaView] = {}
    for year in years:  # the latest plan's names win
        for area in plans[year].focus_areas:
            areas[area.id] = AreaView(area.id, area.title)

    pledges: dict[str, PledgeView] = {}
    for year in years:
        plan = plans[year]
        compliance = source.compliance.get(year)
        by_id = {p.pledge.id: p for p in compliance.pledges} if compliance else {}
        for pledge in plan.pledges:
            view = pledges.get(pledge.id)
            if view is None or year <= current:
                view = _pledge_view(pledge, areas, w, view)
                pledges[pledge.id] = view
            view.years.append(_pledge_year(plan, pledge, by_id.get(pledge.id), as_of, w))

    for view in pledges.values():
        view.current = next((y for y in view.years if y.year == current), None)
        _draw_history(view, list(range(first, last + 1)), w)
    order = [p.id for p in latest_plan.pledges] + sorted(set(pledges) - {
        p.id for p in latest_plan.pledges})
    ordered = [pledges[i] for i in order]
    for view in ordered:
        areas[view.focus_area].pledges.append(view)

    goal_statuses = (source.compliance.get(current).goals  # type: ignore[union-attr]
                     if source.compliance.get(current) else ())
    for g in goal_statuses:
        areas[g.focus_area].goals.append(_goal_view(g, w))

    year_views = [_year_view(year, plans[year], source, pledges, areas, w) for year in years]
    agreement_title = (agreement.title if agreement and agreement.title
                       else tr(lang, "pub_agreement_fallback", first=first, last=last))
    return Site(
        lang=lang, plan_language=latest_plan.language, title=tr(lang, "pub_site_title"),
        agreement_title=agreement_title,
        period_text=tr(lang, "pub_period", first=first, last=last),
        first_year=first, last_year=last, as_of=as_of, as_of_text=w.date(as_of), today=today,
        version=__version__, current_year=current, pledges=ordered, years=year_views,
        areas=[a for a in areas.values() if a.pledges or a.goals],
        agreement_goals=[_agreement_goal(g, agreement, w) for g in source.agreement_goals],
        legend=w.legend([p for y in years for p in plans[y].pledges]))


def _pledge_view(pledge: Pledge, areas: dict[str, AreaView], w: Words,
                 earlier: PledgeView | None) -> PledgeView:
    public = pledge.public
    counting = pledge.target.counting if pledge.target else None
    area = areas.get(pledge.focus_area)
    view = PledgeView(
        id=pledge.id, title=w.title(pledge),
        description=public.description if public else None,
        focus_area=pledge.focus_area,
        focus_area_title=w.marked(area.title if area else pledge.focus_area, pledge,
                                  "focus_area"),
        owner=pledge.owner, owner_text=w.marked(w.t(f"pub_owner_{pledge.owner}"), pledge, "owner"),
        counting_note=(w.t(f"pub_counting_{counting}")
                       if counting in DISTINCT_COUNTINGS else ""),
        href=PLEDGE_PAGE.format(id=pledge.id),
        source_text=w.source(pledge), decision_text=w.decision(pledge))
    if earlier is not None:
        view.years = earlier.years
    return view


def _pledge_year(plan: Plan, pledge: Pledge, p: PledgeStatus | None, as_of: dt.date,
                 w: Words) -> PledgeYear:
    start, due = plan.period(pledge)
    target = pledge.target
    unit = target.unit if target else ""
    counting = target.counting if target else None
    target_text = w.marked(_target_text(pledge, plan, start, due, w), pledge, "target")
    places = None
    if pledge.public and pledge.public.show_places:
        places = _places(plan, pledge.id, start, min(due, as_of)) if p else ()
    if p is None:
        return PledgeYear(plan.year, NOT_BEGUN, w.t("pub_status_not_begun"), target.min
                          if target else None, None, None, unit, counting, start, due,
                          target_text, w.t("pub_done_not_begun"), "", (), None, "", places)
    running = as_of <= due
    if p.main is None:
        done_text = w.t("pub_done_untracked_running" if running else "pub_done_untracked",
                        done=p.done)
        return PledgeYear(plan.year, p.status, w.t("pub_status_untracked"), None, p.done, None,
                          unit, counting, start, due, target_text, done_text, "", (), None,
                          "", places)
    main = p.main
    done_text = w.t("pub_done_running" if running else "pub_done", done=main.done,
                    target=main.target, unit=unit)
    pace = ""
    if p.status in (BEHIND, ON_TRACK) and main.expected:
        pace = w.t("pub_pace", expected=main.expected, as_of=w.date(as_of))
    requirements = tuple(
        RequirementView(r.tag or "", r.target, r.done, r.met,
                        w.t("pub_requirement", target=r.target, tag=r.tag_name, done=r.done))
        for r in p.requirements)
    percent = 100 if p.status == MET else min(100, main.done * 100 // main.target)
    bar_text = w.t("pub_bar", done=main.done, target=main.target, percent=percent)
    return PledgeYear(plan.year, p.status, w.t(f"pub_status_{p.status}"), main.target,
                      main.done, main.expected, unit, counting, start, due, target_text,
                      done_text, pace, requirements, percent, bar_text, places)


def _target_text(pledge: Pledge, plan: Plan, start: dt.date, due: dt.date, w: Words) -> str:
    target = pledge.target
    if target is None:
        return w.t("pub_target_none")
    if start == plan.first_day and due == plan.last_day:
        return w.t("pub_target_year", min=target.min, unit=target.unit, year=plan.year)
    if start == plan.first_day:
        return w.t("pub_target_due", min=target.min, unit=target.unit, due=w.date(due))
    return w.t("pub_target_period", min=target.min, unit=target.unit, start=w.date(start),
               due=w.date(due))


def _places(plan: Plan, pledge_id: str, start: dt.date, end: dt.date) -> tuple[str, ...]:
    """The places of the pledge's counted activities, each once, in date order."""
    seen: dict[str, str] = {}
    for a in sorted((a for a in plan.activities if a.pledge == pledge_id
                     and start <= a.date <= end and a.place and a.place.strip()),
                    key=lambda a: a.date):
        place = a.place or ""
        seen.setdefault(place_key(place), " ".join(place.split()))
    return tuple(seen.values())


def _draw_history(view: PledgeView, years: list[int], w: Words) -> None:
    by_year = {y.year: y for y in view.years}
    bars = []
    parts = []
    for year in years:
        y = by_year.get(year)
        if y is None or not y.begun:
            bars.append(charts.Bar(str(year), None, None))
            parts.append(w.t("pub_chart_year_none", year=year))
            continue
        bars.append(charts.Bar(str(year), y.done, y.target))
        parts.append(w.t("pub_chart_year", year=year, done=y.done, target=y.target)
                     if y.target is not None else
                     w.t("pub_chart_year_untracked", year=year, done=y.done))
    view.chart_title = w.t("pub_chart_title", title=view.title)
    view.chart_desc = w.t("pub_chart_desc_pairs", unit=next(
        (y.unit for y in view.years if y.unit), ""), values="; ".join(parts))
    view.chart = charts.history_chart(f"chart-{view.id}", bars, title=view.chart_title,
                                      desc=view.chart_desc, done_label=w.t("pub_legend_done"),
                                      target_label=w.t("pub_legend_target"))


def _goal_view(g: GoalStatus, w: Words) -> GoalView:
    goal = g.goal
    measured = tuple(Measured(m.year, m.value, w.number(m.value), m.source)
                     for m in g.measurements)
    latest = (w.t("pub_measured", value=w.number(g.latest.value), year=g.latest.year)
              if g.latest else w.t("pub_no_measurements"))
    return GoalView(goal.id, goal.title, goal.indicator, g.focus_area, goal.direction,
                    w.t(f"pub_direction_{goal.direction}"), goal.baseline,
                    _baseline_text(goal.baseline, w), measured, latest, g.status,
                    w.t(f"pub_goal_{g.status}"))


def _baseline_text(b: Any, w: Words) -> str:
    if b is None:
        return w.t("pub_no_baseline")
    value = (w.number(b.value) if b.value is not None
             else f"{w.number(b.low)}–{w.number(b.high)}")
    return w.t("pub_measured", value=value, year=b.year)


def _year_view(year: int, plan: Plan, source: Source, pledges: dict[str, PledgeView],
               areas: dict[str, AreaView], w: Words) -> YearView:
    compliance = source.compliance.get(year)
    rows: dict[str, list[tuple[PledgeView, PledgeYear]]] = {}
    for pledge in plan.pledges:
        view = pledges[pledge.id]
        y = next(y for y in view.years if y.year == year)
        rows.setdefault(pledge.focus_area, []).append((view, y))
    grouped = [(areas[a.id], rows[a.id]) for a in plan.focus_areas if a.id in rows]
    grouped += [(areas[a], r) for a, r in rows.items() if a not in {x.id for x in plan.focus_areas}]
    if compliance is None:
        return YearView(year, False, YEAR_PAGE.format(year=year),
                        w.t("pub_year_not_begun", year=year, date=w.date(plan.first_day)),
                        [], grouped, [])
    summary = [(status, count) for status, count in compliance.summary.items() if count]
    text = w.t("pub_summary", year=year, count=len(compliance.pledges))
    goals = [_goal_view(g, w) for g in compliance.goals]
    return YearView(year, True, YEAR_PAGE.format(year=year), text, summary, grouped, goals)


def _agreement_goal(g: Any, agreement: Any, w: Words) -> AgreementGoalView:
    goal = g.goal
    target_text = w.t("pub_agreement_target", min=goal.min, unit=goal.unit,
                      first=agreement.first_year, last=agreement.last_year)
    done_text = (w.t("pub_agreement_done", done=g.done, unit=goal.unit) if g.done is not None
                 else w.t("pub_goal_no_data"))
    return AgreementGoalView(goal.id, goal.title, goal.unit, goal.min, g.done, g.expected,
                             g.status, w.t(f"pub_agreement_{g.status}"), target_text, done_text)
