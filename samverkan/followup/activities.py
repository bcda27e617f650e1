"""The record of activities across plan files: listing it (`activities`) and removing
one entry (`remove`).

`select` is pure (filters over loaded entries). `remove_activity` deletes exactly
the text of one activity, through `writer.update_file`, and re-loads the result to
make sure nothing else changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanNotFound, UsageError
from samverkan.core.text import find_by_name, suggest
from samverkan.plan.folder import edit_plan, load_valid, plan_path_for, plan_years
from samverkan.plan.model import Activity, Plan
from samverkan.plan.reader import PlanRead, remove_activity_text


class Entry(NamedTuple):
    """One recorded activity and the plan file it stands in."""

    plan: Path
    activity: Activity


def plan_files(folder: Path, plan: Path | None, year: int | None, today: dt.date,
               lang: str = "sv") -> list[Path]:
    """The plans a record command reads: `--plan`, the plan of `--year`, else every
    plan year in the folder."""
    if plan is not None and year is not None:
        raise UsageError(tr(lang, "plan_and_year"))
    if plan is not None:
        return [plan]
    if year is not None:
        return [plan_path_for(folder, year, lang)]
    years = plan_years(folder)
    if not years:
        raise PlanNotFound(tr(lang, "no_plans_at_all", dir=folder, year=today.year))
    return [years[y] for y in sorted(years)]


class Record(NamedTuple):
    """The activities of some plans, the pledges' titles and the tags' titles by id."""

    entries: list[Entry]
    titles: dict[str, str]
    tag_titles: dict[str, str]


def load_record(paths: list[Path], lang: str = "sv") -> Record:
    """Every activity of the plans at `paths`, in file order, with the pledges' and the
    tags' titles (a later plan's title wins)."""
    entries: list[Entry] = []
    titles: dict[str, str] = {}
    tag_titles: dict[str, str] = {}
    for path in paths:
        plan = load_valid(path, lang).plan
        assert plan is not None
        titles.update((p.id, p.title) for p in plan.pledges)
        tag_titles.update((t.id, t.title) for t in plan.tags)
        entries.extend(Entry(path, a) for a in plan.activities)
    return Record(entries, titles, tag_titles)


def load_entries(paths: list[Path], lang: str = "sv") -> tuple[list[Entry], dict[str, str]]:
    """Every activity of the plans at `paths`, in file order, and the pledges' titles by id."""
    record = load_record(paths, lang)
    return record.entries, record.titles


def tag_filter(typed: str | None, tag_titles: dict[str, str]) -> str | None:
    """The tag id `--tag` names: a tag named by its id or its title (case and accents
    ignored), else the text as typed, in lower case."""
    if typed is None:
        return None
    return find_by_name(typed, tag_titles) or typed.strip().lower()


def select(entries: list[Entry], pledge: str | None = None, start: dt.date | None = None,
           end: dt.date | None = None, tag: str | None = None) -> list[Entry]:
    """The entries that pass every filter given, ordered by date (file order within a day)."""
    chosen = [e for e in entries
              if (pledge is None or e.activity.pledge == pledge)
              and (start is None or e.activity.date >= start)
              and (end is None or e.activity.date <= end)
              and (tag is None or tag in e.activity.tags)]
    return sorted(chosen, key=lambda e: e.activity.date)


def check_filters(pledge: str | None, start: dt.date | None, end: dt.date | None,
                  known: set[str], lang: str = "sv") -> None:
    if pledge is not None and pledge not in known:
        message = tr(lang, "unknown_pledge", id=pledge)
        guess = suggest(pledge, sorted(known))
        hint = tr(lang, "did_you_mean", guess=guess) if guess else tr(
            lang, "known_pledges", ids=", ".join(sorted(known)))
        raise UsageError(f"{message}; {hint}")
    if start and end and start > end:
        raise UsageError(tr(lang, "from_after_to", start=start.isoformat(), end=end.isoformat()))


class Found(NamedTuple):
    """The plan that records an activity, and the plans that could not be searched."""

    path: Path
    skipped: list[Path]


def find_activity(paths: list[Path], activity_id: str, lang: str = "sv") -> Found:
    """The one plan among `paths` that records `activity_id`. A plan with errors does not
    stop the search in the others (it is named); only when the activity is found in none
    of them, and some could not be searched, is that the answer."""
    from samverkan.core.problems import PlanInvalid

    entries: list[Entry] = []
    skipped: list[Path] = []
    for path in paths:
        try:
            entries.extend(load_entries([path], lang)[0])
        except PlanInvalid:
            if len(paths) == 1:
                raise
            skipped.append(path)
    holders = list(dict.fromkeys(e.plan for e in entries if e.activity.id == activity_id))
    if len(holders) == 1:
        return Found(holders[0], skipped)
    if holders:
        raise UsageError(tr(lang, "activity_ambiguous", id=activity_id,
                            paths=", ".join(str(p) for p in holders)))
    message = tr(lang, "unknown_activity", id=activity_id)
    guess = suggest(activity_id, [e.activity.id for e in entries if e.activity.id])
    if guess:
        message = f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
    if skipped:
        message = f"{message}; {skipped_message(skipped, lang)}"
    raise UsageError(message)


def skipped_message(skipped: list[Path], lang: str = "sv") -> str:
    return tr(lang, "remove_skipped_broken", paths=", ".join(str(p) for p in skipped))


def remove_activity(path: Path, activity_id: str, lang: str = "sv") -> Activity:
    """Delete the activity `activity_id` from the plan at `path`; return what was removed."""

    def edit(read: PlanRead) -> tuple[str, Activity]:
        assert read.plan is not None and read.text is not None
        index = next((i for i, a in enumerate(read.plan.activities) if a.id == activity_id),
                     None)
        if index is None:
            raise UsageError(tr(lang, "unknown_activity", id=activity_id))
        return remove_activity_text(read.text, index), read.plan.activities[index]

    def verify(before: Plan, after: Plan, removed: Activity) -> bool:
        kept = list(before.activities)
        kept.remove(removed)
        return (list(after.activities) == kept
                and after._replace(activities=()) == before._replace(activities=()))

    return edit_plan(path, edit, verify, lang)[1]
