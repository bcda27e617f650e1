"""Rendering EST pictures: plain tables, Markdown, JSON and the HTML heat table.

Every renderer takes a computed `Picture` or `EstStatus` and a language and returns text.
The HTML is one self-contained page (inline CSS, no scripts, nothing fetched) meant to be
sent as it is to the reporters: the feedback step (återkoppling) of EST.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from samverkan.core.i18n import tr
from samverkan.core.text import json_text, md_table
from samverkan.est.periods import Period, Week
from samverkan.est.picture import AreaPicture, EstStatus, MeasureStatus, Picture, RunningYear

RISE = "↑"

# --- shared words --------------------------------------------------------------------


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")


def change_text(value: int, rose: bool) -> str:
    return f"{signed(value)} {RISE}" if rose else signed(value)


def weeks_text(weeks: tuple[Week, ...] | list[Week], lang: str) -> str:
    """Weeks in short: `2020-W53, 2021-W01–W04, W06`; runs of weeks become ranges."""
    if not weeks:
        return tr(lang, "none")
    runs: list[list[Week]] = []
    for week in sorted(weeks):
        if runs and runs[-1][-1].shift(1) == week and runs[-1][-1].year == week.year:
            runs[-1].append(week)
        else:
            runs.append([week])
    parts, year = [], None
    for run in runs:
        first = str(run[0]) if run[0].year != year else f"W{run[0].number:02d}"
        year = run[0].year
        parts.append(first if len(run) == 1 else f"{first}–W{run[-1].number:02d}")
    return ", ".join(parts)


def column_label(column: Period, lang: str) -> str:
    """`v09` for a week, `mar` for a month."""
    if column.kind == "week":
        return f"v{column.number:02d}"
    return tr(lang, "est_months").split()[column.number - 1]


def span_text(period: Period, weeks: tuple[Week, ...]) -> str:
    first, last = weeks[0], weeks[-1]
    week_span = str(first) if first == last else f"{first}–{last}"
    return f"{week_span}, {first.monday.isoformat()} – {last.sunday.isoformat()}"


def title_line(p: Picture, lang: str) -> str:
    return tr(lang, "est_picture_title", period=p.period, span=span_text(p.period, p.weeks),
              previous=p.previous, previous_span=span_text(p.previous, p.previous_weeks))


def last_year_line(p: Picture, lang: str) -> str:
    """The same period a year earlier, or why there is none (a week 53)."""
    if p.last_year is None:
        return tr(lang, "est_last_year_none", year=p.period.year - 1)
    return tr(lang, "est_last_year_line", period=p.last_year,
              span=span_text(p.last_year, p.last_year_weeks))


def optional(value: int | None, sign: bool = False) -> str:
    """A count or change that may have nothing to compare with: `–`."""
    if value is None:
        return "–"
    return signed(value) if sign else str(value)


def as_of_line(p: Picture, lang: str) -> str:
    if p.complete:
        return tr(lang, "est_as_of", as_of=p.as_of.isoformat())
    return tr(lang, "est_as_of_open", as_of=p.as_of.isoformat())


def rank_headers(lang: str) -> list[str]:
    return [tr(lang, k) for k in ("est_col_rank", "est_col_area", "est_col_count",
                                  "est_col_previous", "est_col_change", "est_col_last_year",
                                  "est_col_change_last_year", "est_col_rose",
                                  "est_col_silent")]


def rank_row(a: AreaPicture, lang: str) -> list[str]:
    rose = ", ".join(c.category.title for c in a.rose) or tr(lang, "none")
    return [str(a.rank), a.area.name, str(a.total), str(a.previous_total),
            change_text(a.change, a.change > 0), optional(a.last_year_total),
            optional(a.change_last_year, sign=True), rose, weeks_text(a.silent_weeks, lang)]


def category_headers(p: Picture, lang: str) -> list[str]:
    per_column = [column_label(c, lang) for c in p.columns] if len(p.columns) > 1 else []
    return [tr(lang, "est_col_category"), *per_column, tr(lang, "est_col_count"),
            tr(lang, "est_col_previous"), tr(lang, "est_col_change"),
            tr(lang, "est_col_last_year"), tr(lang, "est_col_change_last_year")]


def category_rows(p: Picture, a: AreaPicture, lang: str) -> list[list[str]]:
    rows = []
    for c in a.categories:
        per_column = [str(n) for n in c.by_column] if len(p.columns) > 1 else []
        rows.append([c.category.title, *per_column, str(c.count), str(c.previous),
                     change_text(c.change, c.rose), optional(c.last_year),
                     optional(c.change_last_year, sign=True)])
    return rows


def area_lines(p: Picture, a: AreaPicture, lang: str) -> list[str]:
    """The lines under an area's table: rises, silence, reporters, analyses, measures."""
    lines = []
    if a.rose:
        lines.append(tr(lang, "est_rose", categories=", ".join(c.category.title for c in a.rose)))
    lines.append(tr(lang, "est_silent_weeks", weeks=weeks_text(a.silent_weeks, lang)))
    if p.last_year is not None and a.last_year_total is None:
        lines.append(tr(lang, "est_area_not_started_last_year"))
    if a.open_weeks:
        lines.append(tr(lang, "est_open_weeks", weeks=weeks_text(a.open_weeks, lang)))
    for r in a.reporters:
        due = len(r.reported) + len(r.silent)
        lines.append(tr(lang, "est_reporter_line", name=r.organisation.name,
                        reported=len(r.reported), due=due,
                        silent=weeks_text(r.silent, lang)))
    for analysis in a.analyses:
        lines.append(tr(lang, "est_analysis_line", period=analysis.period,
                        date=analysis.date.isoformat(), text=analysis.text))
    for m in a.measures:
        lines.append(tr(lang, "est_measure_line", id=m.id, title=m.title,
                        dates=dates_text(m.start, m.end),
                        categories=", ".join(m.categories)))
    return lines


def dates_text(start: dt.date, end: dt.date | None) -> str:
    return f"{start.isoformat()} – {end.isoformat() if end else ''}".rstrip()


def area_heading(a: AreaPicture, lang: str) -> str:
    return tr(lang, "est_area_heading", name=a.area.name, id=a.area.id, rank=a.rank,
              total=a.total, previous=a.previous_total, change=signed(a.change)) + \
        last_year_part(a, lang)


def last_year_part(a: AreaPicture, lang: str) -> str:
    """`, samma period i fjol 3 (+4)` for a heading or caption (`… i fjol –` without one)."""
    if a.last_year_total is None or a.change_last_year is None:
        return tr(lang, "est_area_no_last_year")
    return tr(lang, "est_area_last_year", last_year=a.last_year_total,
              change=signed(a.change_last_year))


# --- lägesbild -----------------------------------------------------------------------


def picture_dict(p: Picture) -> dict[str, Any]:
    def period(x: Period, weeks: tuple[Week, ...]) -> dict[str, Any]:
        return {"id": str(x), "kind": x.kind, "first_day": weeks[0].monday.isoformat(),
                "last_day": weeks[-1].sunday.isoformat(), "weeks": [str(w) for w in weeks]}

    return {
        "period": {**period(p.period, p.weeks), "complete": p.complete},
        "previous": period(p.previous, p.previous_weeks),
        "last_year": period(p.last_year, p.last_year_weeks) if p.last_year else None,
        "as_of": p.as_of.isoformat(),
        "columns": [str(c) for c in p.columns],
        "areas": [{
            "id": a.area.id, "name": a.area.name, "rank": a.rank, "total": a.total,
            "previous_total": a.previous_total, "change": a.change,
            "last_year_total": a.last_year_total, "change_last_year": a.change_last_year,
            "categories": [{"id": c.category.id, "title": c.category.title, "count": c.count,
                            "previous": c.previous, "change": c.change, "rose": c.rose,
                            "last_year": c.last_year, "change_last_year": c.change_last_year,
                            "by_column": list(c.by_column)} for c in a.categories],
            "rose": [c.category.id for c in a.rose],
            "reports_by_column": list(a.reports_by_column),
            "silent_weeks": [str(w) for w in a.silent_weeks],
            "open_weeks": [str(w) for w in a.open_weeks],
            "reporters": [{"id": r.organisation.id, "name": r.organisation.name,
                           "reported_weeks": [str(w) for w in r.reported],
                           "silent_weeks": [str(w) for w in r.silent]} for r in a.reporters],
            "analyses": [{"id": x.id, "period": x.period, "date": x.date.isoformat(),
                          "categories": list(x.categories), "text": x.text}
                         for x in a.analyses],
            "measures": [{"id": m.id, "title": m.title, "start": m.start.isoformat(),
                          "end": m.end.isoformat() if m.end else None,
                          "categories": list(m.categories), "partners": list(m.partners)}
                         for m in a.measures],
        } for a in p.areas],
    }


def render_picture(p: Picture, fmt: str, lang: str, today: dt.date,
                   width: int | None = None) -> str:
    """The picture in `fmt`; a plain table's lines fit `width` (None: no limit)."""
    if fmt == "json":
        return json_text(picture_dict(p)) + "\n"
    if fmt == "html":
        return render_picture_html(p, lang, today)
    if fmt == "markdown":
        parts = [f"## {title_line(p, lang)}", "", last_year_line(p, lang), "",
                 as_of_line(p, lang), "",
                 f"### {tr(lang, 'est_ranking')}", "",
                 md_table(rank_headers(lang), [rank_row(a, lang) for a in p.areas])]
        for a in p.areas:
            parts += ["", f"### {area_heading(a, lang)}", "",
                      md_table(category_headers(p, lang), category_rows(p, a, lang)), ""]
            parts += [f"- {line}" for line in area_lines(p, a, lang)]
        return "\n".join(parts) + "\n"
    from samverkan.core.tables import plain_table, wrap_lines

    parts = [*wrap_lines([title_line(p, lang), last_year_line(p, lang), as_of_line(p, lang)],
                         width), "",
             tr(lang, "est_ranking"), "",
             plain_table(rank_headers(lang), [rank_row(a, lang) for a in p.areas], width)]
    for a in p.areas:
        parts += ["", *wrap_lines([area_heading(a, lang)], width), "",
                  plain_table(category_headers(p, lang), category_rows(p, a, lang), width), ""]
        parts += wrap_lines(area_lines(p, a, lang), width)
    return "\n".join(parts) + "\n"


def heat_level(count: int, highest: int) -> int:
    """0 for nothing, else 1–4 by the share of the table's highest count."""
    if count <= 0 or highest <= 0:
        return 0
    return min(4, max(1, -(-4 * count // highest)))


def render_picture_html(p: Picture, lang: str, today: dt.date) -> str:
    """The page: the steering-group report's base template and CSS, with the heat tables."""
    from samverkan import __version__
    from samverkan.report.render import environment

    env = environment("html", "samverkan.est")
    env.globals.update(t=lambda key, **kw: tr(lang, key, **kw), signed=signed,
                       column_label=lambda c: column_label(c, lang),
                       weeks_text=lambda w: weeks_text(w, lang),
                       heat_level=heat_level, dates_text=dates_text, optional=optional,
                       last_year_part=lambda a: last_year_part(a, lang))
    areas = []
    for a in p.areas:
        highest = max([n for c in a.categories for n in c.by_column] + [0])
        areas.append({"a": a, "highest": highest,
                      "column_states": [column_state(a, p, c) for c in p.columns]})
    return env.get_template("est_lagesbild.html.j2").render(
        p=p, areas=areas, lang=lang, title=tr(lang, "est_html_title", period=p.period),
        subtitle=title_line(p, lang), last_year=last_year_line(p, lang),
        as_of=as_of_line(p, lang),
        rank_headers=rank_headers(lang), rank_rows=[rank_row(a, lang) for a in p.areas],
        version=__version__, created=today, rise=RISE)


def column_state(a: AreaPicture, p: Picture, column: Period) -> str:
    """`open` while a week of the column is not over, `silent` when none of it was reported."""
    weeks = [w for w in p.weeks if column.contains(w)]
    if any(w in a.open_weeks for w in weeks):
        return "open"
    if weeks and all(w in a.silent_weeks for w in weeks):
        return "silent"
    return ""


# --- est status ----------------------------------------------------------------------


def state_label(state: str, lang: str) -> str:
    return tr(lang, f"est_state_{state}")


def follow_up_text(m: MeasureStatus, lang: str) -> str:
    latest = m.latest
    if latest is None:
        return tr(lang, "est_no_follow_up")
    return f"{tr(lang, f'est_assessment_{latest.assessment}')} ({latest.date.isoformat()})"


def status_headers(lang: str) -> list[str]:
    return [tr(lang, k) for k in ("est_col_measure", "est_col_area", "est_col_title",
                                  "est_col_dates", "est_col_categories", "est_col_state",
                                  "est_col_weeks", "est_col_before", "est_col_after",
                                  "est_col_follow_up")]


def status_row(m: MeasureStatus, areas: dict[str, str], lang: str) -> list[str]:
    none = tr(lang, "none")
    return [m.measure.id, areas.get(m.measure.area, m.measure.area), m.measure.title,
            dates_text(m.measure.start, m.measure.end), ", ".join(m.measure.categories),
            state_label(m.state, lang), str(m.weeks) if m.weeks else none,
            none if m.before is None else str(m.before),
            none if m.after is None else str(m.after), follow_up_text(m, lang)]


def running_line(r: RunningYear, lang: str) -> str:
    areas = "; ".join(tr(lang, "est_running_area", name=a.area.name, weeks=a.weeks,
                         min=r.min_weeks, yes=tr(lang, "est_yes" if a.running else "est_no"))
                      for a in r.areas)
    return tr(lang, "est_running", year=r.year, min=r.min_weeks, done=r.done,
              areas=len(r.areas), detail=areas or tr(lang, "none"))


def status_lines(s: EstStatus, lang: str) -> list[str]:
    def ids(items: tuple[MeasureStatus, ...]) -> str:
        return ", ".join(m.measure.id for m in items) or tr(lang, "none")

    return [tr(lang, "est_open_measures", n=len(s.open), ids=ids(s.open)),
            tr(lang, "est_without_follow_up", n=len(s.without_follow_up),
               ids=ids(s.without_follow_up)),
            running_line(s.running, lang),
            tr(lang, "est_implemented", n=len(s.implemented),
               names=", ".join(a.name for a in s.implemented) or tr(lang, "none"))]


def status_dict(s: EstStatus) -> dict[str, Any]:
    return {
        "as_of": s.as_of.isoformat(),
        "measures": [{
            "id": m.measure.id, "area": m.measure.area, "title": m.measure.title,
            "partners": list(m.measure.partners), "start": m.measure.start.isoformat(),
            "end": m.measure.end.isoformat() if m.measure.end else None,
            "categories": list(m.measure.categories), "state": m.state,
            "weeks": m.weeks, "before": m.before, "after": m.after,
            "follow_ups": [{"id": f.id, "date": f.date.isoformat(), "assessment": f.assessment,
                            "text": f.text} for f in m.follow_ups],
        } for m in s.measures],
        "open": [m.measure.id for m in s.open],
        "without_follow_up": [m.measure.id for m in s.without_follow_up],
        "running": {"year": s.running.year, "min_report_weeks": s.running.min_weeks,
                    "done": s.running.done,
                    "areas": [{"id": a.area.id, "weeks": a.weeks, "running": a.running}
                              for a in s.running.areas]},
        "implemented": [a.id for a in s.implemented],
    }


def render_status(s: EstStatus, areas: dict[str, str], fmt: str, lang: str,
                  width: int | None = None) -> str:
    if fmt == "json":
        return json_text(status_dict(s)) + "\n"
    title = tr(lang, "est_status_title", as_of=s.as_of.isoformat())
    rows = [status_row(m, areas, lang) for m in s.measures]
    if fmt == "markdown":
        parts = [f"## {title}", ""]
        parts += [md_table(status_headers(lang), rows), ""] if rows else [
            tr(lang, "est_no_measures"), ""]
        parts += [f"- {line}" for line in status_lines(s, lang)]
        return "\n".join(parts) + "\n"
    from samverkan.core.tables import plain_table, wrap_lines

    parts = [title, ""]
    parts += [plain_table(status_headers(lang), rows, width), ""] if rows else [
        tr(lang, "est_no_measures"), ""]
    parts += wrap_lines(status_lines(s, lang), width)
    return "\n".join(parts) + "\n"
