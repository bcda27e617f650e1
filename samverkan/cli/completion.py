"""Shell completion of pledge ids, tags, places and focus areas, read from the plan.

typer calls these while the user presses Tab (after `samverkan --install-completion`).
They read the plan of the year concerned (the `--plan` given, else the year of
`--date` or today, else the newest plan in the folder) and never raise: on any
problem they offer nothing. Imports stay inside the functions so that loading the
command line stays fast.
"""

from __future__ import annotations

from typing import Any


def _plan(ctx: Any) -> Any:
    """The plan the command line being completed is about, or None."""
    from pathlib import Path

    from samverkan.plan.folder import plan_years, plans_dir
    from samverkan.plan.reader import load_plan

    params = getattr(ctx, "params", None) or {}
    path = params.get("plan")
    if path is None:
        from samverkan.cli.common import today

        folder = plans_dir(params.get("plans_dir"))
        years = plan_years(Path(folder))
        if not years:
            return None
        date = params.get("date")
        year = int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else today().year
        path = years.get(year) or years[max(years)]
    return load_plan(Path(path)).plan


def _safely(find: Any) -> Any:
    def complete(ctx: Any, incomplete: str) -> list:
        try:
            plan = _plan(ctx)
            return find(plan, incomplete or "") if plan is not None else []
        except Exception:  # noqa: BLE001 - a Tab press must never show an error
            return []

    complete.__name__ = find.__name__
    complete.__doc__ = find.__doc__
    return complete


@_safely
def complete_pledges(plan: Any, incomplete: str) -> list[tuple[str, str]]:
    """Pledge ids starting with what is typed, each with its title as help."""
    return [(p.id, p.title) for p in plan.pledges if p.id.startswith(incomplete)]


@_safely
def complete_tags(plan: Any, incomplete: str) -> list[str]:
    """Tags the plan asks for (requirements) and tags already used, sorted."""
    tags = {r.tag for p in plan.pledges if p.target for r in p.target.requirements}
    tags |= {t for a in plan.activities for t in a.tags}
    return sorted(t for t in tags if t.startswith(incomplete))


@_safely
def complete_places(plan: Any, incomplete: str) -> list[str]:
    """Places of earlier activities, so that the same place is written the same way."""
    places = {a.place for a in plan.activities if a.place}
    return sorted(p for p in places if p.startswith(incomplete))


@_safely
def complete_focus_areas(plan: Any, incomplete: str) -> list[tuple[str, str]]:
    return [(a.id, a.title) for a in plan.focus_areas if a.id.startswith(incomplete)]
