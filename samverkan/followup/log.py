"""The record of activities: checking a new activity and appending it to its plan.

`log_activity` is what `samverkan log` does, minus the printing: every refusal
raises `UsageError` before anything is written, and the write goes through
`writer.update_file` (lock, re-check, atomic replace). What was written is read back
and compared before the file is replaced: for a plan whose activities are in the form
`log` writes, by reading the new line back (`loader.append_strict`), else by reading
the whole new text. Either way the plan as read after the write goes into the cache,
so that the next `status` or `log` need not read the file again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from samverkan.core.i18n import tr
from samverkan.core.inputs import (
    MAX_TEXT,
    SLUG,
    parse_count,
    parse_date,
    refuse_identity_numbers,
    slug_like,
)
from samverkan.core.problems import PlanInvalid, UsageError, WriteFailed
from samverkan.core.text import holds_words
from samverkan.followup.compliance import PledgeStatus, normalize_place, pledge_status
from samverkan.plan.reader import LoadedPlan, load_plan
from samverkan.plan.views import OWNERS, ActivityRecord

if TYPE_CHECKING:
    from samverkan.plan.model import Plan, Pledge
    from samverkan.plan.views import PlanView



def pledge_candidates(word: str, plan: Plan) -> list[Pledge]:
    """The pledges `word` may have meant: ids close to it, and every pledge whose id or
    title holds its words (`alkohol` finds both alcohol pledges)."""
    import difflib

    close = set(difflib.get_close_matches(word, [p.id for p in plan.pledges], n=3, cutoff=0.6))
    query = word.replace("-", " ")
    return [p for p in plan.pledges
            if p.id in close or holds_words(query, f"{p.title} {p.id.replace('-', ' ')}")]


def unknown_pledge_message(pledge_id: str, plan: Plan, lang: str = "sv") -> str:
    message = tr(lang, "unknown_pledge", id=pledge_id)
    found = pledge_candidates(pledge_id, plan)
    if len(found) == 1:
        return f"{message}; {tr(lang, 'did_you_mean', guess=found[0].id)}"
    if found:
        return f"{message}; " + tr(lang, "did_you_mean_any", choices=", ".join(
            f"'{p.id}' ({p.title})" for p in found))
    return f"{message}; {tr(lang, 'known_pledges', ids=', '.join(p.id for p in plan.pledges))}"


@dataclass
class LogRequest:
    pledge: str
    date: dt.date
    count: int = 1
    place: str | None = None
    tags: list[str] = field(default_factory=list)
    by: str | None = None
    note: str | None = None


def build_request(pledge: str, date: str | None, count: str | None, place: str | None,
                  tags: list[str], by: str | None, note: str | None, today: dt.date,
                  lang: str = "sv") -> LogRequest:
    """Check the command-line values of `log` that need no plan; raise `UsageError`."""
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
    return LogRequest(pledge, day, amount, place, list(dict.fromkeys(tags)), by, note)


def new_activity_id(taken: set[str]) -> str:
    """A short random id not in `taken`: a letter a–f and hex digits (4 characters,
    longer once those grow scarce), so that it reads as plain text in YAML."""
    import secrets

    size = 3
    while True:
        for _ in range(20):
            candidate = secrets.choice("abcdef") + secrets.token_hex(4)[: size]
            if candidate not in taken:
                return candidate
        size += 1


def activity_item(request: LogRequest, activity_id: str) -> dict:
    item: dict = {"id": activity_id, "pledge": request.pledge, "date": request.date}
    if request.count != 1:
        item["count"] = request.count
    if request.place:
        item["place"] = request.place
    if request.tags:
        item["tags"] = request.tags
    if request.by:
        item["by"] = request.by
    if request.note:
        item["note"] = request.note
    return item


def _check_against_plan(loaded: LoadedPlan, path: Path, request: LogRequest,
                        lang: str) -> PlanView:
    """The plan must be free of errors, know the pledge and cover the date."""
    plan = loaded.outline
    if not loaded.ok or plan is None or not loaded.decodable:
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path),
                          [p for p in loaded.problems if p.severity == "error"])
    if plan.pledge(request.pledge) is None:
        raise UsageError(unknown_pledge_message(request.pledge, plan, lang))
    if request.date.year != plan.year:
        raise UsageError(tr(lang, "plan_year_mismatch", path=path, plan_year=plan.year,
                            date=request.date.isoformat(), year=request.date.year))
    return plan


class Logged(NamedTuple):
    """What `log` wrote: the activity's id, the pledge's progress, and why the count did
    not rise when it did not (None when it did, or when the pledge has no target)."""

    activity_id: str
    status: PledgeStatus
    note: str | None = None


def not_counted(plan: PlanView, pledge: Pledge, earlier: Sequence[ActivityRecord],
                request: LogRequest, lang: str = "sv", new_id: str = "ID") -> str | None:
    """Why the activity `request` adds nothing to its pledge's count, or None: outside
    the pledge's period, a `places` pledge without a place or with a place already
    counted (case and spaces ignored), a `weeks` pledge in an ISO week already counted.
    `earlier` are the pledge's other activities. Pure."""
    target = pledge.target
    if target is None:
        return None
    start, due = plan.period(pledge)
    if not start <= request.date <= due:
        return tr(lang, "log_outside_period", date=request.date.isoformat(),
                  start=start.isoformat(), due=due.isoformat())
    counted = [a for a in earlier if start <= a.date <= due]
    if target.counting == "places":
        if not request.place:
            return tr(lang, "log_no_place", unit=target.unit)
        same = [a for a in counted
                if a.place and normalize_place(a.place) == normalize_place(request.place)]
        if same:
            return tr(lang, "log_place_counted", place=request.place, earlier=same[0].place,
                      id=same[0].id or "–", date=same[0].date.isoformat(), new=new_id)
    if target.counting == "weeks":
        year, week, _ = request.date.isocalendar()
        same = [a for a in counted if a.date.isocalendar()[:2] == (year, week)]
        if same:
            return tr(lang, "log_week_counted", week=f"{year}-W{week:02d}", id=same[0].id or "–",
                      date=same[0].date.isoformat())
    return None


def log_activity(path: Path, request: LogRequest, today: dt.date,
                 lang: str = "sv") -> Logged:
    """Append the activity to the plan at `path`; return its id, the pledge's progress
    and, when the count did not rise, why (`not_counted`).

    The request is checked against the plan before the lock is taken (a refusal leaves
    no trace, not even a lock file) and again under the lock, on the bytes written over.
    """
    from samverkan.core.writer import append_activity, encode_like, update_file
    from samverkan.plan import cache
    from samverkan.plan.reader import append_strict, load_plan_bytes, load_plan_cached

    before = load_plan(path, lang)
    _check_against_plan(before, path, request, lang)

    def transform(raw: bytes) -> tuple[bytes, tuple[str, bytes, LoadedPlan]]:
        loaded = before if before.raw == raw else load_plan_cached(raw, path, lang)
        _check_against_plan(loaded, path, request, lang)
        activity_id = new_activity_id(loaded.activity_ids())
        item = activity_item(request, activity_id)
        appended = append_strict(loaded, item)
        if appended is not None:
            new, check = appended
        else:
            new = encode_like(raw, append_activity(loaded.text or "", loaded.root, item))
            check = load_plan_bytes(new, str(path), lang)
            if (not check.ok or check.records_of(request.pledge)[-1:] != [_record_of(item)]
                    or len(check.rows()) != len(loaded.rows()) + 1):
                raise WriteFailed(tr(lang, "write_failed", path=path, reason="layout"))
        return new, (activity_id, new, check)

    activity_id, new, check = update_file(path, transform, lang)
    cache.put(path, new, lang, check)
    plan = check.outline
    assert plan is not None
    pledge = plan.pledge(request.pledge)
    assert pledge is not None
    records = check.records_of(pledge.id)
    note = not_counted(plan, pledge, [r for r in records if r.id != activity_id], request, lang,
                       activity_id)
    return Logged(activity_id, pledge_status(plan, pledge, today, records), note)


def _record_of(item: dict) -> ActivityRecord:
    return ActivityRecord(item.get("id"), item["pledge"], item["date"], item.get("count", 1),
                          item.get("place"), tuple(item.get("tags", ())), item.get("by"),
                          item.get("note"))
