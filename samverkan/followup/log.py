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
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from samverkan.core.i18n import tr
from samverkan.core.ids import SLUG, new_id
from samverkan.core.inputs import (
    MAX_TEXT,
    parse_count,
    parse_date,
    refuse_identity_numbers,
    slug_like,
)
from samverkan.core.problems import PlanInvalid, UsageError
from samverkan.core.text import close_matches, find_by_name, holds_words, name_key, suggest
from samverkan.followup.compliance import (
    DISTINCT_COUNTINGS,
    PledgeStatus,
    counting_key,
    pledge_status,
)
from samverkan.plan.checks import new_activity_findings
from samverkan.plan.model import Activity, Occasion, Plan, Pledge, is_owner
from samverkan.plan.reader import PlanRead, load_plan


def pledge_candidates(word: str, plan: Plan) -> list[Pledge]:
    """The pledges `word` may have meant: ids close to it, and every pledge whose id or
    title holds its words (`alkohol` finds both alcohol pledges)."""
    close = set(close_matches(word, [p.id for p in plan.pledges]))
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
    if not plan.pledges:
        return f"{message}; {tr(lang, 'no_pledges_yet')}"
    return f"{message}; {tr(lang, 'known_pledges', ids=', '.join(p.id for p in plan.pledges))}"


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
    if by is not None and not is_owner(by):
        raise UsageError(tr(lang, "bad_by", value=by))
    tags = [" ".join(tag.split()) for tag in tags if tag.strip()]
    for option, text in (("--place", place), ("--note", note)):
        if text is not None and len(text) > MAX_TEXT:
            raise UsageError(tr(lang, "text_too_long", option=option, max=MAX_TEXT))
    place = " ".join(place.split()) if place and place.strip() else None
    note = " ".join(note.split()) if note and note.strip() else None
    return Activity(pledge, day, None, amount, place, tuple(dict.fromkeys(tags)), by, note)


def resolve_tags(plan: Plan, typed: Sequence[str], lang: str = "sv") -> tuple[str, ...]:
    """The ids of the tags typed after --tag: a tag of the plan named by its id or its
    title (case, accents and spaces ignored: `flerbostadsområde` is the tag
    `flerbostadsomrade`), else the text as an id (`Valborg` is `valborg`), which must then
    be written like one. Pure; raises `UsageError`."""
    names = {t.id: t.title for t in plan.tags}
    found: list[str] = []
    for tag in typed:
        ident = find_by_name(tag, names)
        if ident is None:
            ident = tag.strip().lower()
            if not SLUG.matches(ident):
                raise UsageError(tr(lang, "bad_tag", value=ident, suggestion=slug_like(tag)))
        found.append(ident)
    return tuple(dict.fromkeys(found))


def undefined_tags_note(plan: Plan, activity: Activity, lang: str = "sv") -> str | None:
    """In a plan that gives its tags titles (`tags:`), what to do about the recorded
    `activity`'s tags the plan does not define (a new tag, or a misspelt one: with a
    did-you-mean); None when there are none. Pure."""
    names = {t.id: t.title for t in plan.tags}
    unknown = [t for t in activity.tags if names and t not in names]
    if not unknown:
        return None
    keys = {name_key(n): i for i, title in names.items() for n in (i, title)}
    guesses = [keys[g] for t in unknown if (g := suggest(name_key(t), list(keys)))]
    guess = tr(lang, "log_unknown_tag_guess", guess="', '".join(dict.fromkeys(guesses))) \
        if guesses else ""
    return tr(lang, "log_unknown_tag", tag="', '".join(unknown), guess=guess,
              known=", ".join(f"{i} ({title})" for i, title in names.items()),
              id=activity.id or "ID")


def _check_against_plan(read: PlanRead, path: Path, activity: Activity, lang: str) -> Plan:
    """The plan must be free of errors, and the checks of a plan file must find nothing
    wrong at the activity (`checks.new_activity_findings`): a pledge of the plan, a date
    in its year, no count above 1 for a pledge counted by dates. Each is said in the
    words of the option that gave it."""
    plan = read.plan
    if not read.ok or plan is None or read.text is None:
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), read.errors)
    for finding in new_activity_findings(plan, activity):
        if finding.key == "unknown_pledge_ref":
            raise UsageError(unknown_pledge_message(activity.pledge, plan, lang))
        if finding.key == "date_outside_year":
            raise UsageError(tr(lang, "plan_year_mismatch", path=path, plan_year=plan.year,
                                date=activity.date.isoformat(), year=activity.date.year))
        if finding.key == "dates_count_ignored":
            pledge = plan.pledge(activity.pledge)
            unit = pledge.target.unit if pledge and pledge.target else ""
            raise UsageError(tr(lang, "log_dates_count", pledge=activity.pledge,
                                count=activity.count, unit=unit))
    return plan


class Logged(NamedTuple):
    """What `log` wrote: the activity as recorded (with its id), the pledge's progress,
    why the count did not rise when it did not (None when it did, or when the pledge
    has no target), and the planned occasion of the activity's date, if any."""

    activity: Activity
    status: PledgeStatus
    note: str | None = None
    tag_note: str | None = None  # a tag the plan's `tags:` does not define (`undefined_tags_note`)
    occasion: Occasion | None = None


def not_counted(plan: Plan, pledge: Pledge, earlier: Sequence[Activity], activity: Activity,
                lang: str = "sv") -> str | None:
    """Why `activity` adds nothing to its pledge's count, or None: outside the pledge's
    period, a `places` pledge without a place or with a place already counted (case and
    spaces ignored), a `weeks` pledge in an ISO week already counted, a `dates` pledge on
    a day already counted. `earlier` are the pledge's other activities. Pure."""
    target = pledge.target
    if target is None:
        return None
    start, due = plan.period(pledge)
    if not start <= activity.date <= due:
        return tr(lang, "log_outside_period", date=activity.date.isoformat(),
                  start=start.isoformat(), due=due.isoformat())
    counting = target.counting
    if counting not in DISTINCT_COUNTINGS:
        return None
    key = counting_key(activity, counting)
    if key is None:
        return tr(lang, "log_no_place", unit=target.unit)
    same = [a for a in earlier if start <= a.date <= due and counting_key(a, counting) == key]
    if not same:
        return None
    first = same[0]
    if counting == "places":
        return tr(lang, "log_place_counted", place=activity.place, earlier=first.place,
                  id=first.id or "–", date=first.date.isoformat(), new=activity.id or "ID")
    if counting == "dates":
        return tr(lang, "log_date_counted", date=activity.date.isoformat(),
                  id=", ".join(a.id or "–" for a in same))
    year, week, _ = activity.date.isocalendar()
    return tr(lang, "log_week_counted", week=f"{year}-W{week:02d}", id=first.id or "–",
              date=first.date.isoformat())


def log_activity(path: Path, activity: Activity, today: dt.date,
                 lang: str = "sv") -> Logged:
    """Append `activity` (given a new id) to the plan at `path`; return it as recorded,
    the pledge's progress and, when the count did not rise, why (`not_counted`).

    The activity is checked against the plan before the lock is taken (a refusal leaves
    no trace, not even a lock file) and again under the lock, on the bytes written over.
    """
    from samverkan.core.writer import append_item, encode_like, unexpected, update_file
    from samverkan.plan import cache
    from samverkan.plan.lines import activity_item
    from samverkan.plan.reader import load_plan_bytes, read_plan, with_appended

    before = load_plan(path, lang, keep=False)  # (the file as written goes into the cache)
    checked = _check_against_plan(before, path, activity, lang)
    resolve_tags(checked, activity.tags, lang)

    def transform(raw: bytes) -> tuple[bytes, tuple[Activity, bytes, PlanRead]]:
        if before.raw == raw:  # (the file did not change since it was checked)
            read, plan = before, checked
        else:
            read = load_plan_bytes(raw, path, lang)
            plan = _check_against_plan(read, path, activity, lang)
        recorded = activity._replace(id=new_id({a.id for a in plan.activities if a.id}),
                                     tags=resolve_tags(plan, activity.tags, lang))
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
    cache.put(path, new, lang, check, eager=True)
    plan = check.plan
    assert plan is not None
    pledge = plan.pledge(activity.pledge)
    assert pledge is not None
    earlier = [a for a in plan.activities if a.pledge == pledge.id and a.id != recorded.id]
    occasion = next((o for o in pledge.planned if o.date == recorded.date), None)
    return Logged(recorded, pledge_status(plan, pledge, today),
                  not_counted(plan, pledge, earlier, recorded, lang),
                  undefined_tags_note(plan, recorded, lang), occasion)
