"""The record of activities: checking a new activity and appending it to its plan.

`log_activity` is what `samverkan log` does, minus the printing: every refusal
raises `UsageError` before anything is written, and the write goes through
`writer.update_file` (lock, re-check, atomic replace). The new line is read back and
compared before the file is replaced (`reader.with_appended`, or a whole new reading
when the file is not laid out for that), and the plan as read after the write goes
into the cache, so that the next `status` or `log` need not read the file again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.ids import new_id
from samverkan.core.inputs import (
    MAX_TEXT,
    SLUG,
    parse_count,
    parse_date,
    refuse_identity_numbers,
    slug_like,
)
from samverkan.core.problems import PlanInvalid, UsageError
from samverkan.core.text import suggest
from samverkan.followup.compliance import PledgeStatus, pledge_status
from samverkan.plan.model import OWNERS, Activity, Plan
from samverkan.plan.reader import PlanRead, load_plan


def unknown_pledge_message(pledge_id: str, plan: Plan, lang: str = "sv") -> str:
    ids = [p.id for p in plan.pledges]
    message = tr(lang, "unknown_pledge", id=pledge_id)
    guess = suggest(pledge_id, ids) or next(
        (p.id for p in plan.pledges if pledge_id.lower() in p.title.lower()), None)
    if guess:
        return f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
    return f"{message}; {tr(lang, 'known_pledges', ids=', '.join(ids))}"


def build_activity(pledge: str, date: str | None, count: str | None, place: str | None,
                   tags: list[str], by: str | None, note: str | None, today: dt.date,
                   lang: str = "sv") -> Activity:
    """The activity `log` was asked to record (without its id yet), from the command
    line's values; everything that needs no plan is checked here (`UsageError`)."""
    refuse_identity_numbers({"PLEDGE": pledge, "--place": place, "--note": note,
                             "--tag": " ".join(tags), "--by": by}, lang)
    day = parse_date(date, lang) if date is not None else today
    if day > today:
        raise UsageError(tr(lang, "future_date", date=day.isoformat()))
    amount = parse_count(count, 1, "count_below_one", lang)
    if by is not None and by not in OWNERS:
        raise UsageError(tr(lang, "bad_by", value=by))
    tags = [tag.strip().lower() for tag in tags]
    for tag in tags:
        if not SLUG.match(tag):
            raise UsageError(tr(lang, "bad_tag", value=tag, suggestion=slug_like(tag)))
    for option, text in (("--place", place), ("--note", note)):
        if text is not None and len(text) > MAX_TEXT:
            raise UsageError(tr(lang, "text_too_long", option=option, max=MAX_TEXT))
    place = " ".join(place.split()) if place and place.strip() else None
    note = " ".join(note.split()) if note and note.strip() else None
    return Activity(pledge, day, None, amount, place, tuple(dict.fromkeys(tags)), by, note)


def _check_against_plan(read: PlanRead, path: Path, activity: Activity, lang: str) -> Plan:
    """The plan must be free of errors, know the pledge and cover the date."""
    plan = read.plan
    if not read.ok or plan is None or read.text is None:
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), read.errors)
    if plan.pledge(activity.pledge) is None:
        raise UsageError(unknown_pledge_message(activity.pledge, plan, lang))
    if activity.date.year != plan.year:
        raise UsageError(tr(lang, "plan_year_mismatch", path=path, plan_year=plan.year,
                            date=activity.date.isoformat(), year=activity.date.year))
    return plan


def log_activity(path: Path, activity: Activity, today: dt.date,
                 lang: str = "sv") -> tuple[Activity, PledgeStatus]:
    """Append `activity` (given a new id) to the plan at `path`; return it as recorded and
    the pledge's progress.

    The activity is checked against the plan before the lock is taken (a refusal leaves
    no trace, not even a lock file) and again under the lock, on the bytes written over.
    """
    from samverkan.core.writer import append_item, encode_like, unexpected, update_file
    from samverkan.plan import cache
    from samverkan.plan.lines import activity_item
    from samverkan.plan.reader import load_plan_bytes, read_plan, with_appended

    before = load_plan(path, lang)
    _check_against_plan(before, path, activity, lang)

    def transform(raw: bytes) -> tuple[bytes, tuple[Activity, bytes, PlanRead]]:
        read = before if before.raw == raw else load_plan_bytes(raw, path, lang)
        plan = _check_against_plan(read, path, activity, lang)
        recorded = activity._replace(id=new_id({a.id for a in plan.activities if a.id}))
        appended = with_appended(read, recorded)
        if appended is not None:
            new, check = appended
        else:
            from samverkan.core.yamlfile import read_document

            text = read.text or ""
            root = read_document(raw, str(path), lang).root
            new = encode_like(raw, append_item(text, root, activity_item(recorded),
                                               "activities"))
            check = read_plan(new, str(path), lang)
            if (not check.ok or check.plan is None
                    or check.plan.activities != (*plan.activities, recorded)):
                raise unexpected(path, check.problems, lang)
        return new, (recorded, new, check)

    recorded, new, check = update_file(path, transform, lang)
    cache.put(path, new, lang, check)
    plan = check.plan
    assert plan is not None
    pledge = plan.pledge(activity.pledge)
    assert pledge is not None
    return recorded, pledge_status(plan, pledge, today)
