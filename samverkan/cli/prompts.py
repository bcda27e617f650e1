"""The questions `samverkan log` asks on a terminal when no pledge is named.

Part of the command-line layer (it talks to the user, through the `ask` and `say`
functions it is given, which are `typer.prompt` and `typer.echo` in the CLI): a
numbered pick list of the plan's pledges that can be searched by words of the
titles, then date, place, tags, count and note with defaults. Every answer is checked
as it is given, with the same rules as the options of `log`, and asked again when
it is wrong, so nothing typed is lost to a late refusal. Nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from samverkan.core.i18n import tr
from samverkan.core.problems import UsageError
from samverkan.core.text import fold
from samverkan.followup.compliance import pledge_status
from samverkan.plan.model import Plan, Pledge

Ask = Callable[..., Any]
Say = Callable[[str], Any]

YES = {"", "j", "ja", "y", "yes"}
NO = {"n", "nej", "no"}


@dataclass
class Answers:
    """What the user chose, as the strings the options of `log` would have given."""

    pledge: str
    date: str | None = None
    place: str | None = None
    tags: list[str] = field(default_factory=list)
    count: str | None = None
    note: str | None = None


def search_pledges(pledges: Sequence[Pledge], query: str) -> list[Pledge]:
    """The pledges whose title or id holds every word of `query` (an exact id wins)."""
    exact = [p for p in pledges if p.id == query.strip()]
    if exact:
        return exact
    words = fold(query).split()
    return [p for p in pledges if all(w in fold(f"{p.title} {p.id}") for w in words)]


def pick_list(plan: Plan, pledges: Sequence[Pledge], today: dt.date, lang: str) -> str:
    """`  3. Extra resurser mot ungdomsfester (ungdomsfester) 0/10, efter`, one a line."""
    import shutil
    import textwrap

    from samverkan.followup.render import count_text, status_label

    width = len(str(len(pledges)))
    columns = shutil.get_terminal_size((80, 24)).columns  # a long title goes on, indented
    lines = []
    for number, pledge in enumerate(pledges, start=1):
        status = pledge_status(plan, pledge, today)
        done = count_text(status.main, lang) if status.main else str(status.done)
        lead = f"  {number:>{width}}. "
        lines += textwrap.wrap(f"{lead}{pledge.title} ({pledge.id}) {done}, "
                               f"{status_label(status.status, lang)}", max(columns, 40),
                               subsequent_indent=" " * len(lead), break_long_words=False,
                               break_on_hyphens=False)
    return "\n".join(lines)


def choose_pledge(plan: Plan, today: dt.date, lang: str, ask: Ask, say: Say) -> Pledge:
    """Show the numbered list; take a number, an id or words to search by."""
    shown: list[Pledge] = list(plan.pledges)
    say(tr(lang, "pick_heading", year=plan.year))
    say(pick_list(plan, shown, today, lang))
    while True:
        answer = str(ask(tr(lang, "pick_prompt"), default="", show_default=False)).strip()
        if not answer:
            continue
        if answer.isdigit():
            number = int(answer)
            if 1 <= number <= len(shown):
                return _chosen(shown[number - 1], say)
            say(tr(lang, "pick_out_of_range", max=len(shown)))
            continue
        found = search_pledges(plan.pledges, answer)
        if len(found) == 1:
            return _chosen(found[0], say)
        if found:
            shown = found
            say(tr(lang, "pick_several", query=answer))
        else:
            shown = list(plan.pledges)
            say(tr(lang, "pick_none", query=answer))
        say(pick_list(plan, shown, today, lang))


def _chosen(pledge: Pledge, say: Say) -> Pledge:
    say(f"→ {pledge.title} ({pledge.id})")
    return pledge


def ask_checked(ask: Ask, say: Say, text: str, default: str,
                check: Callable[[str], object]) -> str:
    """Ask until `check(answer)` accepts it; a `UsageError` is shown and asked again."""
    while True:
        answer = str(ask(text, default=default, show_default=bool(default))).strip()
        try:
            check(answer)
        except UsageError as exc:
            say(str(exc))
            continue
        return answer


def ask_activity(plan: Plan, today: dt.date, lang: str, given: Answers | None,
                 ask: Ask, say: Say) -> Answers:
    """Ask for what the command line did not give; `given.pledge` is ignored (always asked)."""
    from samverkan.followup.log import build_activity, resolve_tags

    given = given or Answers(pledge="")
    pledge = choose_pledge(plan, today, lang, ask, say)
    target = pledge.target
    counting = target.counting if target else "sum"

    def check(**values: Any) -> None:
        options: dict[str, Any] = {"date": None, "count": None, "place": None, "tags": [],
                                   "note": None}
        options.update(values)
        request = build_activity(pledge.id, options["date"], options["count"],
                                 options["place"], options["tags"], None, options["note"],
                                 today, lang)
        if request.date.year != plan.year:
            raise UsageError(tr(lang, "pick_date_year", year=plan.year))
        resolve_tags(plan, request.tags, lang)

    answers = Answers(pledge=pledge.id, date=given.date, place=given.place,
                      tags=list(given.tags), count=given.count, note=given.note)
    if answers.date is None:
        default = today if today.year == plan.year else dt.date(plan.year, 12, 31)
        answers.date = ask_checked(ask, say, tr(lang, "ask_date"), default.isoformat(),
                                   lambda a: check(date=a))
    if answers.place is None:
        places = sorted({a.place for a in plan.activities if a.pledge == pledge.id and a.place})
        if places:
            say(tr(lang, "ask_place_earlier", places=", ".join(places[-5:])))

        def check_place(answer: str) -> None:
            if counting == "places" and not answer:
                raise UsageError(tr(lang, "ask_place_needed", unit=target.unit if target else ""))
            check(place=answer)

        key = "ask_place_counted" if counting == "places" else "ask_place"
        answers.place = ask_checked(ask, say, tr(lang, key), "", check_place) or None
    if not answers.tags:
        hint = [plan.tag_title(r.tag) for r in target.requirements] if target else []
        key = "ask_tags_hint" if hint else "ask_tags"
        text = tr(lang, key, tags=", ".join(hint))
        answers.tags = split_tags(ask_checked(ask, say, text, "",
                                              lambda a: check(tags=split_tags(a))))
    if answers.count is None and counting == "sum":
        unit = target.unit if target else ""
        answers.count = ask_checked(ask, say, tr(lang, "ask_count", unit=unit).replace(
            " ()", ""), "1", lambda a: check(count=a))
    if answers.note is None:
        answers.note = ask_checked(ask, say, tr(lang, "ask_note"), "",
                                   lambda a: check(note=a)) or None
    return answers


def split_tags(text: str) -> list[str]:
    return [t for t in re.split(r"[,\s]+", text.strip()) if t]


def confirm_save(answers: Answers, lang: str, ask: Ask, say: Say) -> bool:
    """Show what will be saved and ask; Enter means yes (j/ja/y/yes, n/nej/no)."""
    parts = [answers.pledge, answers.date or ""]
    if answers.count and answers.count != "1":
        parts.append(f"× {answers.count}")
    if answers.place:
        parts.append(answers.place)
    if answers.tags:
        parts.append(" ".join(f"#{t}" for t in answers.tags))
    if answers.note:
        parts.append(f"\"{answers.note}\"")
    say(tr(lang, "ask_summary", activity=", ".join(parts)))
    while True:
        answer = str(ask(tr(lang, "ask_save"), default="", show_default=False)).strip()
        if answer.casefold() in YES:
            return True
        if answer.casefold() in NO:
            return False
        say(tr(lang, "ask_yes_no"))
