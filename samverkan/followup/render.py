"""Rendering a compliance picture: JSON, CSV, Markdown, plain text and rich tables.

Every renderer takes the computed `Compliance` and a language and returns text
(or, for rich, prints to the console it is given). Nothing here computes a status.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any

from samverkan.core.i18n import tr
from samverkan.core.text import md_table
from samverkan.followup.compliance import (
    BEHIND,
    ON_TRACK,
    PLEDGE_STATUSES,
    UNTRACKED,
    Compliance,
    Count,
    GoalStatus,
    PledgeStatus,
)

if TYPE_CHECKING:
    from samverkan.plan.model import Baseline, Measurement

if TYPE_CHECKING:
    from samverkan.followup.activities import Entry
    from samverkan.followup.agreement import AgreementPicture
    from samverkan.followup.lifecycle import MeasureResult

GOAL_SIGNS = {"improved": "+", "worsened": "−", "unchanged": "=", "no_data": "?"}
STATUS_STYLES = {"met": "green", "on_track": "cyan", "behind": "yellow", "missed": "red bold",
                 "untracked": "dim"}


# --- data ---------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _measurement(m: Measurement | None) -> dict | None:
    return None if m is None else {"year": m.year, "value": m.value, "source": m.source}


def _baseline(b: Baseline | None) -> dict | None:
    if b is None:
        return None
    out: dict[str, Any] = {"year": b.year}
    if b.value is not None:
        out["value"] = b.value
    else:
        out["low"], out["high"] = b.low, b.high
    if b.source:
        out["source"] = b.source
    return out


def pledge_dict(p: PledgeStatus) -> dict:
    target = p.pledge.target
    return {
        "id": p.pledge.id,
        "title": p.pledge.title,
        "focus_area": p.pledge.focus_area,
        "owner": p.pledge.owner,
        "unit": target.unit if target else None,
        "counting": target.counting if target else "sum",
        "target": p.main.target if p.main else None,
        "done": p.done,
        "expected": p.main.expected if p.main else None,
        "start": p.start.isoformat(),
        "due": p.due.isoformat(),
        "status": p.status,
        "requirements": [
            {"tag": r.tag, "target": r.target, "done": r.done, "met": r.met}
            for r in p.requirements
        ],
        "needed": p.needed,
        "next_due": _iso(p.next_due),
    }


def goal_dict(g: GoalStatus) -> dict:
    return {
        "id": g.goal.id,
        "title": g.goal.title,
        "focus_area": g.focus_area,
        "indicator": g.goal.indicator,
        "direction": g.goal.direction,
        "baseline": _baseline(g.goal.baseline),
        "measurements": [_measurement(m) for m in g.measurements],
        "latest": _measurement(g.latest),
        "status": g.status,
    }


def status_dict(c: Compliance, plan_path: str) -> dict:
    return {
        "plan": plan_path,
        "year": c.year,
        "as_of": c.as_of.isoformat(),
        "pledges": [pledge_dict(p) for p in c.pledges],
        "goals": [goal_dict(g) for g in c.goals],
        "summary": c.summary,
    }


def render_json(c: Compliance, plan_path: str) -> str:
    return json.dumps(status_dict(c, plan_path), ensure_ascii=False, indent=2)


# --- words and numbers ---------------------------------------------------------------


def number(value: float | None, lang: str) -> str:
    if value is None:
        return tr(lang, "none")
    text = f"{value:g}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if lang == "sv" else text


def baseline_text(b: Baseline | None, lang: str) -> str:
    if b is None:
        return tr(lang, "none")
    if b.value is not None:
        return f"{b.year}: {number(b.value, lang)}"
    return f"{b.year}: {number(b.low, lang)}–{number(b.high, lang)}"


def status_label(status: str, lang: str) -> str:
    return tr(lang, f"status_{status}")


def goal_label(status: str, lang: str) -> str:
    return f"{GOAL_SIGNS[status]} {tr(lang, f'goal_{status}')}"


def count_text(count: Count) -> str:
    return f"{count.done}/{count.target}"


def requirements_text(p: PledgeStatus) -> str:
    return ", ".join(f"{r.tag} {count_text(r)}" for r in p.requirements)


def progress_line(p: PledgeStatus, lang: str) -> str:
    """`Trygghetsvandringar: 3/5, varav centrum 1/1` — what `log` prints."""
    if p.main is None:
        unit = p.pledge.target.unit if p.pledge.target else ""
        return tr(lang, "untracked_progress", title=p.pledge.title, done=p.done, unit=unit).replace(
            "  ", " ")
    text = f"{p.pledge.title}: {count_text(p.main)} {p.pledge.target.unit}"  # type: ignore[union-attr]
    if p.requirements:
        text += f", {tr(lang, 'of_which')} " + ", ".join(
            f"{r.tag} {count_text(r)}" for r in p.requirements)
    return f"{text} ({status_label(p.status, lang)})"


def pace_advice(p: PledgeStatus, as_of: dt.date, lang: str) -> str | None:
    """What is still needed, in words, for a pledge that is behind or on track."""
    if p.status not in (BEHIND, ON_TRACK) or not p.needed:
        return None
    days = (p.due - as_of).days
    if lang == "sv":
        when = "sista dagen i dag" if days == 0 else f"om {days} dag" + ("ar" if days > 1 else "")
        text = f"{p.pledge.title}: {p.needed} till senast {p.due.isoformat()} ({when})"
        if p.next_due == as_of:
            text += "; efter takten, nästa behövs redan nu"
        elif p.next_due:
            text += f"; nästa senast {p.next_due.isoformat()} för att hålla takten"
    else:
        when = ("the last day is today" if days == 0
                else f"in {days} day" + ("s" if days > 1 else ""))
        text = f"{p.pledge.title}: {p.needed} more by {p.due.isoformat()} ({when})"
        if p.next_due == as_of:
            text += "; behind pace, the next one is due now"
        elif p.next_due:
            text += f"; next one by {p.next_due.isoformat()} to stay on pace"
    return text


# --- rows ----------------------------------------------------------------------------


def pledge_headers(lang: str) -> list[str]:
    keys = ["col_pledge", "col_owner", "col_done", "col_expected", "col_due", "col_status",
            "col_requirements"]
    return [tr(lang, k) for k in keys]


def pledge_row(p: PledgeStatus, lang: str) -> list[str]:
    none = tr(lang, "none")
    return [
        p.pledge.title,
        p.pledge.owner,
        count_text(p.main) if p.main else str(p.done),
        str(p.main.expected) if p.main else none,
        p.due.isoformat(),
        status_label(p.status, lang),
        requirements_text(p) or none,
    ]


def goal_table(goals: tuple[GoalStatus, ...], lang: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the goals table: baseline, one column per measured year,
    the latest value and the verdict with a sign that reads without colour."""
    years = sorted({m.year for g in goals for m in g.measurements})
    headers = [tr(lang, k) for k in ("col_goal", "col_direction", "col_baseline")]
    headers += [str(y) for y in years] + [tr(lang, "col_latest"), tr(lang, "col_status")]
    rows = []
    for g in goals:
        by_year = {m.year: number(m.value, lang) for m in g.measurements}
        latest = (f"{g.latest.year}: {number(g.latest.value, lang)}" if g.latest
                  else tr(lang, "none"))
        rows.append([g.goal.title, tr(lang, f"direction_{g.goal.direction}"),
                     baseline_text(g.goal.baseline, lang)]
                    + [by_year.get(y, tr(lang, "none")) for y in years]
                    + [latest, goal_label(g.status, lang)])
    return headers, rows


def title_line(c: Compliance, plan_path: str, lang: str) -> str:
    return tr(lang, "status_title", year=c.year, as_of=c.as_of.isoformat(), plan=plan_path)


def summary_line(c: Compliance, lang: str) -> str:
    return tr(lang, "summary", **c.summary)


def advice_lines(c: Compliance, lang: str) -> list[str]:
    return [a for p in c.pledges if (a := pace_advice(p, c.as_of, lang))]


# --- text formats ----------------------------------------------------------------------


def render_csv(c: Compliance, lang: str) -> str:
    """The pledges table only, one row per pledge, machine-friendly values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "focus_area", "owner", "unit", "counting", "target", "done",
                     "expected", "due", "status", "requirements", "needed", "next_due"])
    for p in c.pledges:
        d = pledge_dict(p)
        writer.writerow([d["id"], d["title"], d["focus_area"], d["owner"], d["unit"] or "",
                         d["counting"], _blank(d["target"]), d["done"], _blank(d["expected"]),
                         d["due"], d["status"], requirements_text(p), _blank(d["needed"]),
                         d["next_due"] or ""])
    return out.getvalue()


def _blank(value: Any) -> Any:
    return "" if value is None else value


def render_markdown(c: Compliance, plan_path: str, lang: str) -> str:
    parts = [f"## {title_line(c, plan_path, lang)}", "",
             f"### {tr(lang, 'pledges_title')}", "",
             md_table(pledge_headers(lang), [pledge_row(p, lang) for p in c.pledges]), "",
             summary_line(c, lang)]
    advice = advice_lines(c, lang)
    if advice:
        parts += [""] + [f"- {a}" for a in advice]
    if c.goals:
        parts += ["", f"### {tr(lang, 'goals_title')}", "",
                  md_table(*goal_table(c.goals, lang))]
    return "\n".join(parts) + "\n"


def render_plain(c: Compliance, plan_path: str, lang: str) -> str:
    from tabulate import tabulate

    parts = [title_line(c, plan_path, lang), "",
             tabulate([pledge_row(p, lang) for p in c.pledges], headers=pledge_headers(lang),
                      tablefmt="simple", disable_numparse=True), "",
             summary_line(c, lang)]
    advice = advice_lines(c, lang)
    if advice:
        parts += [""] + [f"- {a}" for a in advice]
    if c.goals:
        headers, rows = goal_table(c.goals, lang)
        parts += ["", tr(lang, "goals_title"), "",
                  tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)]
    return "\n".join(parts) + "\n"


def print_rich(c: Compliance, plan_path: str, lang: str, console: Any) -> None:
    """Coloured tables for a terminal. Every text goes through `terminal_safe` (what the
    command line does with all it prints), as rich writes its own escapes around it."""
    from rich.table import Table
    from rich.text import Text as RichText

    from samverkan.core.text import terminal_safe

    def Text(value: str) -> Any:  # noqa: N802 - rich's Text, made safe
        return RichText(terminal_safe(value))

    table = Table(title=terminal_safe(title_line(c, plan_path, lang)), title_justify="left")
    for header in pledge_headers(lang):
        table.add_column(terminal_safe(header))
    for p in c.pledges:
        cells = [Text(v) for v in pledge_row(p, lang)]
        cells[5].stylize(STATUS_STYLES[p.status])
        table.add_row(*cells)
    console.print(table)
    console.print(Text(summary_line(c, lang)))
    for advice in advice_lines(c, lang):
        console.print(Text(f"• {advice}"))
    if c.goals:
        goals = Table(title=tr(lang, "goals_title"), title_justify="left")
        headers, rows = goal_table(c.goals, lang)
        for header in headers:
            goals.add_column(terminal_safe(header))
        for row in rows:
            goals.add_row(*[Text(v) for v in row])
        console.print(goals)


# --- the record of activities (`samverkan activities`) ---------------------------------


ACTIVITY_FIELDS = ["id", "date", "pledge", "count", "place", "tags", "by", "note", "plan"]


def entry_dict(entry: Entry) -> dict:
    """One listed activity as `activities --format json|csv` writes it (every key)."""
    a = entry.activity
    return {"id": a.id, "pledge": a.pledge, "date": a.date.isoformat(), "count": a.count,
            "place": a.place, "tags": list(a.tags), "by": a.by, "note": a.note,
            "plan": str(entry.plan)}


def activity_rows(entries: list[Entry], lang: str) -> tuple[list[str], list[list[str]]]:
    keys = ["col_id", "col_date", "col_pledge", "col_count", "col_place", "col_tags", "col_by",
            "col_note"]
    none = tr(lang, "none")
    rows = [[d["id"] or none, d["date"], d["pledge"], str(d["count"]), d["place"] or none,
             ", ".join(d["tags"]) or none, d["by"] or none, d["note"] or none]
            for d in (entry_dict(e) for e in entries)]
    return [tr(lang, k) for k in keys], rows


def render_activities(entries: list[Entry], fmt: str, lang: str, delimiter: str = ",") -> str:
    """The record as json, csv (UTF-8 with BOM, for Excel), markdown or a plain table."""
    if fmt == "json":
        return json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(ACTIVITY_FIELDS)
        for d in (entry_dict(e) for e in entries):
            writer.writerow([_blank(d[k]) if k != "tags" else ", ".join(d[k])
                             for k in ACTIVITY_FIELDS])
        return "\ufeff" + out.getvalue()
    if not entries:
        return tr(lang, "no_activities") + "\n"
    headers, rows = activity_rows(entries, lang)
    if fmt == "markdown":
        return md_table(headers, rows) + "\n"
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True) + "\n"


# --- the whole agreement (`samverkan status --agreement`) ------------------------------------


def agreement_dict(picture: AgreementPicture) -> dict:
    a = picture.agreement
    return {
        "as_of": picture.as_of.isoformat(),
        "period": {"first_year": a.first_year, "last_year": a.last_year} if a else None,
        "years": list(picture.years),
        "pledges": [
            {"id": row.id, "title": row.title,
             "years": {str(year): {"target": p.main.target if p.main else None, "done": p.done,
                                   "status": p.status}
                       for year, p in row.years.items()}}
            for row in picture.pledges
        ],
        "goals": [
            {"id": g.goal.id, "title": g.goal.title, "unit": g.goal.unit, "target": g.goal.min,
             "done": g.done, "expected": g.expected, "status": g.status}
            for g in picture.goals
        ],
    }


def _year_cell(p: PledgeStatus | None, lang: str) -> str:
    if p is None:
        return tr(lang, "not_in_plan")
    done = count_text(p.main) if p.main else str(p.done)
    return f"{done} {status_label(p.status, lang)}"


def agreement_tables(picture: AgreementPicture,
                     lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) of the pledges year by year and of the agreement's goals."""
    a = picture.agreement
    as_of = picture.as_of.isoformat()
    title = (tr(lang, "agreement_title", first=a.first_year, last=a.last_year, as_of=as_of) if a
             else tr(lang, "agreement_years_title", as_of=as_of,
                     years=", ".join(str(y) for y in picture.years)))
    tables = [(title, [tr(lang, "col_pledge")] + [str(y) for y in picture.years],
               [[row.title] + [_year_cell(row.years.get(y), lang) for y in picture.years]
                for row in picture.pledges])]
    if a is not None:
        labels = {**{s: status_label(s, lang) for s in PLEDGE_STATUSES if s != UNTRACKED},
                  "no_data": tr(lang, "goal_no_data")}
        rows = [[g.goal.title, f"{g.goal.min} {g.goal.unit}",
                 tr(lang, "none") if g.done is None else str(g.done), str(g.expected),
                 labels[g.status]] for g in picture.goals]
        tables.append((tr(lang, "agreement_goals_title"),
                       [tr(lang, k) for k in ("col_goal", "col_min", "col_done",
                                              "col_expected", "col_status")], rows))
    return tables


def render_agreement(picture: AgreementPicture, fmt: str, lang: str,
                     note: str | None = None) -> str:
    if fmt == "json":
        return json.dumps(agreement_dict(picture), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "title", "year", "target", "done", "status"])
        for row in picture.pledges:
            for year, p in row.years.items():
                writer.writerow([row.id, row.title, year, _blank(p.main.target if p.main else None),
                                 p.done, p.status])
        return out.getvalue()
    from tabulate import tabulate

    parts = []
    for title, headers, rows in agreement_tables(picture, lang):
        if fmt == "markdown":
            parts += [f"### {title}", "", md_table(headers, rows), ""]
        else:
            parts += [title, "", tabulate(rows, headers=headers, tablefmt="simple",
                                          disable_numparse=True), ""]
    if note:
        parts.append(note)
    return "\n".join(parts).rstrip("\n") + "\n"


def measurement_line(result: MeasureResult, lang: str) -> str:
    """What `measure` prints: the value against the baseline, and the verdict."""
    m = result.measurement
    text = tr(lang, "measured", year=m.year, goal=result.goal.id, path=result.path,
              value=number(m.value, lang), baseline=baseline_text(result.goal.baseline, lang),
              verdict=goal_label(result.verdict, lang))
    if result.replaced is not None:
        text += " " + tr(lang, "measured_replaced", year=m.year,
                         old=number(result.replaced.value, lang))
    return text
