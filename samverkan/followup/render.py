"""Rendering a compliance picture: JSON, CSV, Markdown, plain text and rich tables.

Every renderer takes the computed `Compliance` and a language and returns text
(or, for rich, prints to the console it is given). Nothing here computes a status.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from samverkan.core.i18n import counted, tr
from samverkan.core.text import json_text, md_table
from samverkan.followup.compliance import (
    BEHIND,
    IMPROVED,
    MET,
    MISSED,
    NO_DATA,
    ON_TRACK,
    PLEDGE_STATUSES,
    UNCHANGED,
    UNTRACKED,
    WORSENED,
    Compliance,
    Count,
    GoalStatus,
    PledgeStatus,
)

if TYPE_CHECKING:
    from samverkan.plan.model import Baseline, Measurement, Occasion

if TYPE_CHECKING:
    from samverkan.followup.activities import Entry
    from samverkan.followup.agreement import AgreementPicture
    from samverkan.followup.lifecycle import MeasureResult

ORIGIN_MARK = "*"  # after a value the group chose itself (see `plan/origin.py`)
GOAL_SIGNS = {IMPROVED: "+", WORSENED: "−", UNCHANGED: "=", NO_DATA: "?"}
STATUS_STYLES = {MET: "green", ON_TRACK: "cyan", BEHIND: "yellow", MISSED: "red bold",
                 UNTRACKED: "dim"}


# --- data ---------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _measurement(m: Measurement | None) -> dict | None:
    if m is None:
        return None
    return {"year": m.year, "value": m.value, "source": m.source, "date": _iso(m.date)}


def _occasion(o: Occasion | None) -> dict | None:
    return None if o is None else {"date": o.date.isoformat(), "name": o.name}


def occasion_text(o: Occasion) -> str:
    return f"{o.date.isoformat()} {o.name}"


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
    from samverkan.plan.origin import origin_dict, pledge_origins

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
        "tag_titles": {r.tag: r.tag_name for r in p.requirements},
        "needed": p.needed,
        "next_due": _iso(p.next_due),
        "concept": p.pledge.concept,
        "origin": origin_dict(p.pledge, pledge_origins(p.pledge)),
        "planned": [{"date": o.occasion.date.isoformat(), "name": o.occasion.name,
                     "state": o.state} for o in p.occasions],
        "next_planned": _occasion(p.next_planned),
    }


def goal_dict(g: GoalStatus) -> dict:
    from samverkan.plan.origin import goal_origins, origin_dict

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
        "origin": origin_dict(g.goal, goal_origins(g.goal)),
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
    return json_text(status_dict(c, plan_path))


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


def pledge_title(pledge: Any, lang: str) -> str:
    """The pledge's title, and the source's name of its concept when that differs
    (`Ansvarsfull alkoholservering (konceptet ”Ansvarsfull alkoholförsäljning”)`)."""
    concept = pledge.concept
    if not concept or concept.casefold() == pledge.title.casefold():
        return str(pledge.title)
    return tr(lang, "concept_title", title=pledge.title, concept=concept)


def decided(record: Any) -> set[str]:
    """The values of a pledge or a goal the group chose itself."""
    from samverkan.plan.origin import DECIDED, goal_origins, pledge_origins

    origins = pledge_origins(record) if hasattr(record, "owner") else goal_origins(record)
    return {value for value, origin in origins.items() if origin == DECIDED}


def marked(text: str, record: Any, value: str) -> str:
    """`text` with the mark of the group's own decision when `value` of `record` is one."""
    return f"{text} {ORIGIN_MARK}" if value in decided(record) else text


def origin_legend(records: Any, lang: str, values: tuple[str, ...] | None = None) -> str | None:
    """The legend of the mark, when any of `records` has a value (of `values`, default
    any) the group chose; None when no mark is shown."""
    for record in records:
        chosen = decided(record)
        if chosen and (values is None or chosen & set(values)):
            return tr(lang, "origin_legend")
    return None


def status_label(status: str, lang: str) -> str:
    return tr(lang, f"status_{status}")


def goal_label(status: str, lang: str) -> str:
    return f"{GOAL_SIGNS[status]} {tr(lang, f'goal_{status}')}"


def count_text(count: Count, lang: str = "sv") -> str:
    """`3/5` on the way to the target; `7 (minst 5)` once beyond it (never `7/5`)."""
    if count.done > count.target:
        return tr(lang, "count_beyond", done=count.done, target=count.target)
    return f"{count.done}/{count.target}"


def requirements_text(p: PledgeStatus, lang: str = "sv") -> str:
    return ", ".join(f"{r.tag_name} {count_text(r, lang)}" for r in p.requirements)


def progress_line(p: PledgeStatus, lang: str) -> str:
    """`Trygghetsvandringar: 3/5, varav centrum 1/1` — what `log` prints."""
    if p.main is None:
        unit = p.pledge.target.unit if p.pledge.target else ""
        key = "untracked_progress_one" if p.done == 1 else "untracked_progress"
        return tr(lang, key, title=pledge_title(p.pledge, lang), done=p.done,
                  unit=unit).replace("  ", " ")
    unit = p.pledge.target.unit  # type: ignore[union-attr]
    text = f"{pledge_title(p.pledge, lang)}: {count_text(p.main, lang)} {unit}"
    if p.requirements:
        text += f", {tr(lang, 'of_which')} " + requirements_text(p, lang)
    return f"{text} ({status_label(p.status, lang)})"


def pace_advice(p: PledgeStatus, as_of: dt.date, lang: str) -> str | None:
    """What is still needed, in words, for a pledge that is behind or on track."""
    if p.status not in (BEHIND, ON_TRACK) or not p.needed:
        return None
    days = (p.due - as_of).days
    if lang == "sv":
        when = "sista dagen i dag" if days == 0 else f"om {days} dag" + ("ar" if days > 1 else "")
        text = f"{pledge_title(p.pledge, lang)}: {p.needed} till senast {p.due.isoformat()} ({when})"
        if p.next_due == as_of:
            text += "; efter takten, nästa behövs redan nu"
        elif p.next_due:
            text += f"; nästa senast {p.next_due.isoformat()} för att hålla takten"
    else:
        when = ("the last day is today" if days == 0
                else f"in {days} day" + ("s" if days > 1 else ""))
        text = f"{pledge_title(p.pledge, lang)}: {p.needed} more by {p.due.isoformat()} ({when})"
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
    """A pledge in the status table; `*` marks an owner or a target the group chose."""
    none = tr(lang, "none")
    return [
        pledge_title(p.pledge, lang),
        marked(p.pledge.owner, p.pledge, "owner"),
        marked(count_text(p.main, lang), p.pledge, "target") if p.main else str(p.done),
        str(p.main.expected) if p.main else none,
        p.due.isoformat(),
        status_label(p.status, lang),
        requirements_text(p, lang) or none,
    ]


def screen_headers(lang: str) -> list[str]:
    """The pledges table on a screen: the requirements go under the pledge's title, so
    that the table fits an 80-column terminal."""
    return pledge_headers(lang)[:-1]


def screen_row(p: PledgeStatus, lang: str) -> list[str]:
    title = "\n".join([pledge_title(p.pledge, lang)]
                      + [f"  {tr(lang, 'of_which')} {r.tag_name} {count_text(r, lang)}"
                         for r in p.requirements])
    return [title] + pledge_row(p, lang)[1:-1]


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
        rows.append([g.goal.title,
                     marked(tr(lang, f"direction_{g.goal.direction}"), g.goal, "direction"),
                     marked(baseline_text(g.goal.baseline, lang), g.goal, "baseline")]
                    + [by_year.get(y, tr(lang, "none")) for y in years]
                    + [latest, goal_label(g.status, lang)])
    return headers, rows


def title_line(c: Compliance, plan_path: str, lang: str) -> str:
    return tr(lang, "status_title", year=c.year, as_of=c.as_of.isoformat(), plan=plan_path)


def summary_line(c: Compliance, lang: str) -> str:
    counts: dict[str, object] = dict(c.summary)
    for status in (MET, MISSED):  # `1 uppfyllt`, `2 uppfyllda`
        counts[status] = counted(lang, f"n_{status}", c.summary[status])
    return tr(lang, "summary", **counts)


def advice_lines(c: Compliance, lang: str) -> list[str]:
    return [a for p in c.pledges if (a := pace_advice(p, c.as_of, lang))]


def legend_lines(c: Compliance, lang: str) -> list[str]:
    """The legend of `*` under the tables, when a shown value carries it."""
    legend = (origin_legend([p.pledge for p in c.pledges], lang, ("owner", "target"))
              or origin_legend([g.goal for g in c.goals], lang, ("direction", "baseline")))
    return [legend] if legend else []


def planned_lines(c: Compliance, lang: str) -> list[str]:
    """For each pledge with planned occasions: the next one, and each one whose date
    passed without an activity on that date (`ej genomförd`)."""
    lines = []
    for p in c.pledges:
        if not p.occasions:
            continue
        parts = []
        if p.next_planned is not None:
            parts.append(tr(lang, "planned_next", occasion=occasion_text(p.next_planned)))
        else:
            parts.append(tr(lang, "planned_none_left"))
        parts += [tr(lang, "planned_not_done", occasion=occasion_text(o)) for o in p.not_done]
        lines.append(f"{p.pledge.title}: " + "; ".join(parts))
    return lines


# --- text formats ----------------------------------------------------------------------


CSV_DELIMITER = ";"  # what a Swedish Excel reads without asking (decimal comma)


def csv_text(header: list[str], rows: list[list[Any]], delimiter: str = CSV_DELIMITER) -> str:
    """CSV the way `status` and `activities` write it: UTF-8 with a byte-order mark and
    CRLF line ends (so Excel reads å, ä, ö), `delimiter` between the fields."""
    import csv  # (only here: its import costs every `status` ~1M instructions)

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def render_csv(c: Compliance, lang: str, delimiter: str = CSV_DELIMITER) -> str:
    """The pledges table only, one row per pledge: `status` is the code scripts read
    (met, on_track, behind, missed, untracked), `status_text` the same in words."""
    rows = []
    for p in c.pledges:
        d = pledge_dict(p)
        rows.append([d["id"], d["title"], d["focus_area"], d["owner"], d["unit"] or "",
                     d["counting"], _blank(d["target"]), d["done"], _blank(d["expected"]),
                     d["due"], d["status"], requirements_text(p, lang), _blank(d["needed"]),
                     d["next_due"] or "", status_label(p.status, lang),
                     " ".join(v for v in d["origin"]["by_value"]
                              if d["origin"]["by_value"][v] == "decided"),
                     occasion_text(p.next_planned) if p.next_planned else "",
                     ", ".join(occasion_text(o) for o in p.not_done)])
    return csv_text(["id", "title", "focus_area", "owner", "unit", "counting", "target", "done",
                     "expected", "due", "status", "requirements", "needed", "next_due",
                     "status_text", "decided", "next_planned", "not_done"], rows, delimiter)


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
    planned = planned_lines(c, lang)
    if planned:
        parts += ["", f"### {tr(lang, 'planned_title')}", ""] + [f"- {x}" for x in planned]
    if c.goals:
        parts += ["", f"### {tr(lang, 'goals_title')}", "",
                  md_table(*goal_table(c.goals, lang))]
    parts += [f"\n{line.replace('*', chr(92) + '*', 1)}" for line in legend_lines(c, lang)]
    return "\n".join(parts) + "\n"


def render_plain(c: Compliance, plan_path: str, lang: str, width: int | None = None) -> str:
    """Plain text whose every line fits `width` (None: no limit): titles wrapped at word
    boundaries, dates whole."""
    from samverkan.core.tables import plain_table, wrap_lines

    parts = [*wrap_lines([title_line(c, plan_path, lang)], width), "",
             plain_table(screen_headers(lang), [screen_row(p, lang) for p in c.pledges], width),
             "", *wrap_lines([summary_line(c, lang)], width)]
    advice = advice_lines(c, lang)
    if advice:
        parts += [""] + wrap_lines([f"- {a}" for a in advice], width)
    planned = planned_lines(c, lang)
    if planned:
        parts += ["", tr(lang, "planned_title"), ""] + wrap_lines([f"- {x}" for x in planned],
                                                                  width)
    if c.goals:
        headers, rows = goal_table(c.goals, lang)
        parts += ["", tr(lang, "goals_title"), "", plain_table(headers, rows, width)]
    legend = legend_lines(c, lang)
    if legend:
        parts += ["", *wrap_lines(legend, width)]
    return "\n".join(parts) + "\n"


def print_rich(c: Compliance, plan_path: str, lang: str, console: Any) -> None:
    """Coloured tables for a terminal, as wide as the console at most. Every text goes
    through `terminal_safe` (as all the command line prints), since rich writes its own
    escapes around it."""
    from rich.text import Text

    from samverkan.core.tables import rich_tables, wrap_lines
    from samverkan.core.text import terminal_safe

    width = console.width
    for line in wrap_lines([title_line(c, plan_path, lang)], width):
        console.print(Text(terminal_safe(line), style="bold"))
    status_column = len(screen_headers(lang)) - 1
    styles = [[STATUS_STYLES[p.status] if i == status_column else None
               for i in range(status_column + 1)] for p in c.pledges]
    for table in rich_tables(screen_headers(lang), [screen_row(p, lang) for p in c.pledges],
                             width, styles):
        console.print()
        console.print(table)
    console.print()
    for line in wrap_lines([summary_line(c, lang)], width):
        console.print(Text(terminal_safe(line)))
    advice = wrap_lines([f"• {a}" for a in advice_lines(c, lang)], width)
    if advice:
        console.print()
    for line in advice:
        console.print(Text(terminal_safe(line)))
    planned = planned_lines(c, lang)
    if planned:
        console.print()
        console.print(Text(tr(lang, "planned_title"), style="bold"))
        for line in wrap_lines([f"• {x}" for x in planned], width):
            console.print(Text(terminal_safe(line)))
    if c.goals:
        headers, rows = goal_table(c.goals, lang)
        console.print()
        console.print(Text(tr(lang, "goals_title"), style="bold"))
        for table in rich_tables(headers, rows, width):
            console.print()
            console.print(table)
    legend = wrap_lines(legend_lines(c, lang), width)
    if legend:
        console.print()
    for line in legend:
        console.print(Text(line))


# --- the record of activities (`samverkan activities`) ---------------------------------


ACTIVITY_FIELDS = ["id", "date", "pledge", "count", "place", "tags", "by", "note", "plan"]


def tag_names(tags: Any, titles: dict[str, str] | None) -> list[str]:
    """The titles of `tags` (ids) as the plans define them; an id without one as it is."""
    return [(titles or {}).get(t, t) for t in tags]


def entry_dict(entry: Entry) -> dict:
    """One listed activity as `activities --format json|csv` writes it (every key; tags by
    their ids, as in the file)."""
    a = entry.activity
    return {"id": a.id, "pledge": a.pledge, "date": a.date.isoformat(), "count": a.count,
            "place": a.place, "tags": list(a.tags), "by": a.by, "note": a.note,
            "plan": str(entry.plan)}


def activity_rows(entries: list[Entry], lang: str, tag_titles: dict[str, str] | None = None
                  ) -> tuple[list[str], list[list[str]]]:
    keys = ["col_id", "col_date", "col_pledge", "col_count", "col_place", "col_tags", "col_by",
            "col_note"]
    none = tr(lang, "none")
    rows = [[d["id"] or none, d["date"], d["pledge"], str(d["count"]), d["place"] or none,
             ", ".join(tag_names(d["tags"], tag_titles)) or none, d["by"] or none,
             d["note"] or none]
            for d in (entry_dict(e) for e in entries)]
    return [tr(lang, k) for k in keys], rows


def activity_screen_rows(entries: list[Entry], lang: str,
                         tag_titles: dict[str, str] | None = None
                         ) -> tuple[list[str], list[list[str]]]:
    """The record on a screen: tags and who did it go under the note, so that the table
    fits 80 columns."""
    headers, rows = activity_rows(entries, lang, tag_titles)
    none = tr(lang, "none")
    screen = []
    for row, entry in zip(rows, entries, strict=True):
        a = entry.activity
        lines = [a.note] if a.note else []
        if a.tags:
            lines.append(tr(lang, "activity_tags",
                            tags=", ".join(tag_names(a.tags, tag_titles))))
        if a.by:
            lines.append(tr(lang, "activity_by", by=a.by))
        screen.append(row[:5] + ["\n".join(lines) or none])
    return headers[:5] + [headers[7]], screen


def render_activities(entries: list[Entry], fmt: str, lang: str,
                      delimiter: str = CSV_DELIMITER, width: int | None = None,
                      tag_titles: dict[str, str] | None = None) -> str:
    """The record as json, csv (UTF-8 with BOM, for Excel), markdown or a plain table
    whose lines fit `width`. The table and markdown show tags by their titles in
    `tag_titles` (id → title); json and csv by their ids, as in the file."""
    if fmt == "json":
        return json_text([entry_dict(e) for e in entries]) + "\n"
    if fmt == "csv":
        return csv_text(ACTIVITY_FIELDS,
                        [[_blank(d[k]) if k != "tags" else ", ".join(d[k])
                          for k in ACTIVITY_FIELDS] for d in (entry_dict(e) for e in entries)],
                        delimiter)
    if not entries:
        return tr(lang, "no_activities") + "\n"
    if fmt == "markdown":
        return md_table(*activity_rows(entries, lang, tag_titles)) + "\n"
    from samverkan.core.tables import plain_table

    return plain_table(*activity_screen_rows(entries, lang, tag_titles), width) + "\n"


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
             "done": g.done, "expected": g.expected, "status": g.status,
             "milestones": [{"by": m.milestone.by.isoformat(), "target": m.milestone.min,
                             "done": m.done, "expected": m.expected, "status": m.status}
                            for m in g.milestones]}
            for g in picture.goals
        ],
    }


def _year_cell(p: PledgeStatus | None, lang: str) -> str:
    if p is None:
        return tr(lang, "not_in_plan")
    done = count_text(p.main, lang) if p.main else str(p.done)
    return f"{done} {status_label(p.status, lang)}"


def _row_title(row: Any, lang: str) -> str:
    """A pledge's title over the years, with its concept as its latest plan names it."""
    latest = [row.years[y] for y in sorted(row.years) if row.years[y] is not None]
    return pledge_title(latest[-1].pledge, lang) if latest else str(row.title)


def agreement_tables(picture: AgreementPicture,
                     lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) of the pledges year by year and of the agreement's goals."""
    a = picture.agreement
    as_of = picture.as_of.isoformat()
    title = (tr(lang, "agreement_title", first=a.first_year, last=a.last_year, as_of=as_of) if a
             else tr(lang, "agreement_years_title", as_of=as_of,
                     years=", ".join(str(y) for y in picture.years)))
    tables = [(title, [tr(lang, "col_pledge")] + [str(y) for y in picture.years],
               [[_row_title(row, lang)] + [_year_cell(row.years.get(y), lang)
                                           for y in picture.years]
                for row in picture.pledges])]
    if a is not None:
        labels = {**{s: status_label(s, lang) for s in PLEDGE_STATUSES if s != UNTRACKED},
                  NO_DATA: tr(lang, "goal_no_data")}
        rows = []
        for g in picture.goals:
            rows.append([g.goal.title, f"{g.goal.min} {g.goal.unit}",
                         tr(lang, "none") if g.done is None else str(g.done), str(g.expected),
                         labels[g.status]])
            rows += [[tr(lang, "agreement_milestone", by=m.milestone.by.isoformat()),
                      f"{m.milestone.min} {g.goal.unit}",
                      tr(lang, "none") if m.done is None else str(m.done), str(m.expected),
                      labels[m.status]] for m in g.milestones]
        tables.append((tr(lang, "agreement_goals_title"),
                       [tr(lang, k) for k in ("col_goal", "col_min", "col_done",
                                              "col_expected", "col_status")], rows))
    return tables


def render_agreement(picture: AgreementPicture, fmt: str, lang: str,
                     note: str | None = None, width: int | None = None,
                     delimiter: str = CSV_DELIMITER) -> str:
    if fmt == "json":
        return json_text(agreement_dict(picture)) + "\n"
    if fmt == "csv":
        return csv_text(["id", "title", "year", "target", "done", "status", "status_text"],
                        [[row.id, row.title, year, _blank(p.main.target if p.main else None),
                          p.done, p.status, status_label(p.status, lang)]
                         for row in picture.pledges for year, p in row.years.items()],
                        delimiter)
    from samverkan.core.tables import plain_table, wrap_lines

    parts = []
    for title, headers, rows in agreement_tables(picture, lang):
        if fmt == "markdown":
            parts += [f"### {title}", "", md_table(headers, rows), ""]
        else:
            parts += [*wrap_lines([title], width), "", plain_table(headers, rows, width), ""]
    if note:
        parts += wrap_lines([note], None if fmt == "markdown" else width)
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


# --- the list of pledges (`samverkan pledges`) -------------------------------------------


def pledge_list_dict(plan: Any, plan_path: str) -> dict:
    from samverkan.plan.origin import origin_dict, pledge_origins

    pledges = []
    for p in plan.pledges:
        start, due = plan.period(p)
        t = p.target
        pledges.append({
            "id": p.id, "title": p.title, "focus_area": p.focus_area, "owner": p.owner,
            "target": t.min if t else None, "unit": t.unit if t else None,
            "counting": t.counting if t else None, "start": start.isoformat(),
            "due": due.isoformat(),
            "requirements": [{"tag": r.tag, "min": r.min} for r in t.requirements] if t else [],
            "tag_titles": {r.tag: plan.tag_title(r.tag) for r in t.requirements} if t else {},
            "concept": p.concept, "origin": origin_dict(p, pledge_origins(p))})
    return {"plan": plan_path, "year": plan.year, "pledges": pledges}


def target_lines(pledge: Any, lang: str, plan: Any = None) -> list[str]:
    """`minst 5 vandringar` (marked `*` when the group chose it), then a line for each
    requirement (the tag by its title in `plan`) and for the counting."""
    t = pledge.target
    if t is None:
        return [marked(tr(lang, "pledges_no_target"), pledge, "target")]
    lines = [marked(tr(lang, "pledges_target_one" if t.min == 1 else "pledges_target",
                       min=t.min, unit=t.unit), pledge, "target")]
    lines += [tr(lang, "pledges_requirement", min=r.min,
                 tag=plan.tag_title(r.tag) if plan is not None else r.tag)
              for r in t.requirements]
    if t.counting != "sum":
        lines.append(tr(lang, f"pledges_counting_{t.counting}"))
    return lines


def pledge_list_table(plan: Any, lang: str) -> tuple[list[str], list[list[str]]]:
    """Id with the title under it, the target, the due date and the owner."""
    headers = [tr(lang, k) for k in ("col_pledge_id", "col_target", "col_due", "col_owner")]
    rows = [["\n".join([p.id, f"  {pledge_title(p, lang)}"]),
             "\n".join([target_lines(p, lang, plan)[0]]
                       + [f"  {x}" for x in target_lines(p, lang, plan)[1:]]),
             plan.period(p)[1].isoformat(), marked(p.owner, p, "owner")] for p in plan.pledges]
    return headers, rows


def render_pledges(plan: Any, plan_path: str, fmt: str, lang: str, width: int | None = None,
                   delimiter: str = CSV_DELIMITER) -> str:
    """The plan's pledges with ids, targets, units and due dates, in `fmt`."""
    data = pledge_list_dict(plan, plan_path)
    if fmt == "json":
        return json_text(data) + "\n"
    if fmt == "csv":
        fields = ["id", "title", "focus_area", "owner", "target", "unit", "counting", "start",
                  "due"]
        return csv_text(fields + ["requirements"],
                        [[_blank(p[k]) for k in fields]
                         + [", ".join(f"{p['tag_titles'][r['tag']]} {r['min']}"
                                     for r in p["requirements"])]
                         for p in data["pledges"]], delimiter)
    title = tr(lang, "pledges_title_line", year=plan.year, plan=plan_path)
    legend = origin_legend(plan.pledges, lang, ("owner", "target"))
    if fmt == "markdown":
        rows = [[p.id, pledge_title(p, lang), "; ".join(target_lines(p, lang, plan)),
                 plan.period(p)[1].isoformat(), marked(p.owner, p, "owner")]
                for p in plan.pledges]
        headers = [tr(lang, k) for k in ("col_id", "col_pledge", "col_target", "col_due",
                                         "col_owner")]
        after = f"\n{legend.replace('*', chr(92) + '*', 1)}\n" if legend else ""
        return f"## {title}\n\n{md_table(headers, rows)}\n{after}"
    from samverkan.core.tables import plain_table, wrap_lines

    return "\n".join([*wrap_lines([title], width), "",
                      plain_table(*pledge_list_table(plan, lang), width),
                      *(["", *wrap_lines([legend], width)] if legend else []),
                      "", *wrap_lines([tr(lang, "pledges_hint")], width)]) + "\n"
