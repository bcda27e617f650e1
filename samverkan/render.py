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

from samverkan.compliance import Compliance, Count, GoalStatus, PledgeStatus
from samverkan.i18n import tr

if TYPE_CHECKING:
    from samverkan.model import Baseline, Measurement

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
    if p.status not in ("behind", "on_track") or not p.needed:
        return None
    days = (p.due - as_of).days
    if lang == "sv":
        text = (f"{p.pledge.title}: {p.needed} till senast {p.due.isoformat()} "
                f"(om {days} dagar)")
        if p.next_due == as_of:
            text += "; efter takten, nästa behövs redan nu"
        elif p.next_due:
            text += f"; nästa senast {p.next_due.isoformat()} för att hålla takten"
    else:
        text = f"{p.pledge.title}: {p.needed} more by {p.due.isoformat()} (in {days} days)"
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


def goal_headers(lang: str) -> list[str]:
    keys = ["col_goal", "col_direction", "col_baseline", "col_latest", "col_status"]
    return [tr(lang, k) for k in keys]


def goal_row(g: GoalStatus, lang: str) -> list[str]:
    measured = "; ".join(f"{m.year}: {number(m.value, lang)}" for m in g.measurements)
    return [
        g.goal.title,
        tr(lang, f"direction_{g.goal.direction}"),
        baseline_text(g.goal.baseline, lang),
        measured or tr(lang, "none"),
        goal_label(g.status, lang),
    ]


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


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |",
             "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(c: Compliance, plan_path: str, lang: str) -> str:
    parts = [f"## {title_line(c, plan_path, lang)}", "",
             f"### {tr(lang, 'pledges_title')}", "",
             _md_table(pledge_headers(lang), [pledge_row(p, lang) for p in c.pledges]), "",
             summary_line(c, lang)]
    advice = advice_lines(c, lang)
    if advice:
        parts += [""] + [f"- {a}" for a in advice]
    if c.goals:
        parts += ["", f"### {tr(lang, 'goals_title')}", "",
                  _md_table(goal_headers(lang), [goal_row(g, lang) for g in c.goals])]
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
        parts += ["", tr(lang, "goals_title"), "",
                  tabulate([goal_row(g, lang) for g in c.goals], headers=goal_headers(lang),
                           tablefmt="simple", disable_numparse=True)]
    return "\n".join(parts) + "\n"


def print_rich(c: Compliance, plan_path: str, lang: str, console: Any) -> None:
    """Coloured tables for a terminal."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title_line(c, plan_path, lang), title_justify="left")
    for header in pledge_headers(lang):
        table.add_column(header)
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
        for header in goal_headers(lang):
            goals.add_column(header)
        for g in c.goals:
            goals.add_row(*[Text(v) for v in goal_row(g, lang)])
        console.print(goals)
