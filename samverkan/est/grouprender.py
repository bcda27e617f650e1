"""Rendering the förebyggargrupper: each group's picture, and the overview Fris reads.

Both take a computed `GroupsPicture` and a language and return text: a plain table,
Markdown, JSON, or one self-contained HTML page (the report's base template and CSS,
the EST heat table's colours; no scripts, nothing fetched). The words of the EST picture
(periods, `–` for nothing to compare with, signed changes) come from `est/render.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from samverkan.core.i18n import tr
from samverkan.core.text import json_text, md_table
from samverkan.est.groups import Change, GroupRow, GroupsPicture
from samverkan.est.periods import Period
from samverkan.est.render import (
    RISE,
    as_of_line,
    column_label,
    heat_level,
    last_year_line,
    optional,
    signed,
    span_text,
)

# --- shared words --------------------------------------------------------------------


def compared_line(g: GroupsPicture, lang: str) -> str:
    p = g.picture
    return tr(lang, "est_groups_compared", previous=p.previous,
              previous_span=span_text(p.previous, p.previous_weeks))


def period_line(g: GroupsPicture, lang: str) -> str:
    p = g.picture
    return f"{p.period} ({span_text(p.period, p.weeks)})"


def head_lines(g: GroupsPicture, lang: str) -> list[str]:
    """Under the title: the previous period, the same period last year, the day."""
    return [compared_line(g, lang), last_year_line(g.picture, lang), as_of_line(g.picture, lang)]


def reported_line(g: GroupsPicture, lang: str) -> str:
    line = tr(lang, "est_groups_reported", n=len(g.reported), listed=g.listed)
    if g.expected is not None:
        line += " " + tr(lang, "est_groups_expected", expected=g.expected)
    return line


def not_reported_line(g: GroupsPicture, lang: str) -> str:
    if not g.not_reported:
        return tr(lang, "est_groups_all_reported")
    return tr(lang, "est_groups_not_reported", names=", ".join(a.name for a in g.not_reported))


def columns(g: GroupsPicture) -> tuple[Period, ...]:
    """The months of a quarter or a year; none for a month or a week (one column)."""
    return g.picture.columns if len(g.picture.columns) > 1 else ()


def group_headers(g: GroupsPicture, lang: str) -> list[str]:
    return [tr(lang, "est_col_category"), *[column_label(c, lang) for c in columns(g)],
            tr(lang, "est_col_count"), tr(lang, "est_col_previous"), tr(lang, "est_col_change"),
            tr(lang, "est_col_last_year"), tr(lang, "est_col_change_last_year")]


def group_rows(g: GroupsPicture, row: GroupRow) -> list[list[str]]:
    rows = []
    many = bool(columns(g))
    for c in row.area.categories:
        before, then = row.previous(c), row.last_year(c)
        if not row.reported:  # no picture: unknown, not 0
            rows.append([c.category.title, *(["–"] * (len(c.by_column) if many else 0)),
                         "–", optional(before), "–", optional(then), "–"])
            continue
        rise = before is not None and c.count > before
        change = optional(None if before is None else c.count - before, sign=True)
        rows.append([c.category.title, *([str(n) for n in c.by_column] if many else []),
                     str(c.count), optional(before), f"{change} {RISE}" if rise else change,
                     optional(then), optional(None if then is None else c.count - then,
                                              sign=True)])
    return rows


def group_title(g: GroupsPicture, row: GroupRow, lang: str) -> str:
    return tr(lang, "est_group_title", name=row.group.name, id=row.group.id,
              period=period_line(g, lang))


def group_lines(row: GroupRow, lang: str) -> list[str]:
    """Under a group's table: who takes part, its pictures, rises and its own texts."""
    lines = [tr(lang, "est_group_members",
                names=", ".join(o.name for o in row.members) or tr(lang, "none"))]
    if not row.reported:
        lines.append(tr(lang, "est_group_not_reported"))
        return lines
    lines.append(tr(lang, "est_group_pictures", pictures=", ".join(
        f"{p.period} ({p.date.isoformat()})" for p in row.pictures)))
    if not row.compared_previous:
        lines.append(tr(lang, "est_group_no_previous"))
    rose = [c.category.title for c in row.area.categories
            if row.previous(c) is not None and c.count > (row.previous(c) or 0)]
    if rose:
        lines.append(tr(lang, "est_rose", categories=", ".join(rose)))
    lines += [tr(lang, "est_group_text_line", period=p.period, date=p.date.isoformat(),
                 text=p.text) for p in row.pictures if p.text]
    return lines


def change_line(c: Change, lang: str) -> str:
    return tr(lang, "est_groups_change_line", group=c.group.name, category=c.category.title,
              count=c.count, before=c.before, change=signed(c.change))


def change_lists(g: GroupsPicture, lang: str) -> list[tuple[str, list[str]]]:
    """(heading, lines) for the largest rises and falls, against both earlier periods."""
    lists = [("est_groups_rises", g.rises), ("est_groups_falls", g.falls)]
    if g.picture.last_year is not None:
        lists += [("est_groups_rises_last_year", g.rises_last_year),
                  ("est_groups_falls_last_year", g.falls_last_year)]
    return [(tr(lang, key), [change_line(c, lang) for c in changes]
             or [tr(lang, "est_groups_no_changes")]) for key, changes in lists]


# --- JSON ------------------------------------------------------------------------------


def groups_dict(g: GroupsPicture) -> dict[str, Any]:
    p = g.picture

    def period(x: Period | None, weeks: tuple) -> dict[str, Any] | None:
        if x is None:
            return None
        return {"id": str(x), "kind": x.kind, "first_day": weeks[0].monday.isoformat(),
                "last_day": weeks[-1].sunday.isoformat()}

    def change(c: Change) -> dict[str, Any]:
        return {"group": c.group.id, "category": c.category.id, "count": c.count,
                "before": c.before, "change": c.change}

    return {
        "period": {**(period(p.period, p.weeks) or {}), "complete": p.complete},
        "previous": period(p.previous, p.previous_weeks),
        "last_year": period(p.last_year, p.last_year_weeks),
        "as_of": p.as_of.isoformat(),
        "columns": [str(c) for c in columns(g)],
        "groups_expected": g.expected,
        "groups_listed": g.listed,
        "categories": [{"id": c.id, "title": c.title, "total": g.category_total(c)}
                       for c in g.categories],
        "groups": [{
            "id": r.group.id, "name": r.group.name, "reported": r.reported,
            "members": [o.id for o in r.members],
            "total": r.total, "previous_total": r.previous_total,
            "last_year_total": r.last_year_total,
            "categories": [{"id": c.category.id, "count": c.count if r.reported else None,
                            "previous": r.previous(c), "last_year": r.last_year(c),
                            "by_column": list(c.by_column) if columns(g) else []}
                           for c in r.area.categories],
            "pictures": [{"id": x.id, "period": x.period, "date": x.date.isoformat(),
                          "counts": dict(x.counts), "text": x.text} for x in r.pictures],
        } for r in g.rows],
        "not_reported": [a.id for a in g.not_reported],
        "rises": [change(c) for c in g.rises],
        "falls": [change(c) for c in g.falls],
        "rises_last_year": [change(c) for c in g.rises_last_year],
        "falls_last_year": [change(c) for c in g.falls_last_year],
    }


# --- each group's picture: est grupp lagesbild ---------------------------------------


def render_group_pictures(g: GroupsPicture, fmt: str, lang: str, today: dt.date) -> str:
    if fmt == "json":
        return json_text(groups_dict(g)) + "\n"
    if fmt == "html":
        return _html("est_grupp.html.j2", g, lang, today,
                     tr(lang, "est_group_html_title", period=g.picture.period))
    parts: list[str] = []
    for row in g.rows:
        if fmt == "markdown":
            parts += [f"## {group_title(g, row, lang)}", "", *head_lines(g, lang), "",
                      md_table(group_headers(g, lang), group_rows(g, row)), ""]
            parts += [f"- {line}" for line in group_lines(row, lang)] + [""]
        else:
            parts += [group_title(g, row, lang), *head_lines(g, lang), "",
                      _table(group_headers(g, lang), group_rows(g, row)), ""]
            parts += group_lines(row, lang) + [""]
    return "\n".join(parts).rstrip("\n") + "\n"


def _table(headers: list[str], rows: list[list[str]], wrap: int | None = None) -> str:
    """A plain table; `wrap` folds long headers (category titles) onto several lines."""
    from tabulate import tabulate

    widths = [None] + [wrap] * (len(headers) - 1) if wrap else None
    # (None for a column that is not folded: tabulate takes it, its stubs say int only)
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                    maxheadercolwidths=widths)  # type: ignore[arg-type]


# --- the overview Fris reads: est grupp oversikt -------------------------------------


def overview_headers(g: GroupsPicture, lang: str) -> list[str]:
    return [tr(lang, "est_col_group"), *[c.title for c in g.categories],
            tr(lang, "est_col_total"), tr(lang, "est_col_previous"),
            tr(lang, "est_col_last_year")]


def overview_rows(g: GroupsPicture, lang: str) -> list[list[str]]:
    rows = []
    for r in g.rows:
        counts = [str(c.count) if r.reported else "–" for c in r.area.categories]
        rows.append([r.group.name, *counts, optional(r.total), optional(r.previous_total),
                     optional(r.last_year_total)])
    rows.append([tr(lang, "est_groups_all"), *[str(g.category_total(c)) for c in g.categories],
                 str(sum(r.total or 0 for r in g.rows)), "", ""])
    return rows


def render_overview(g: GroupsPicture, fmt: str, lang: str, today: dt.date) -> str:
    if fmt == "json":
        return json_text(groups_dict(g)) + "\n"
    title = tr(lang, "est_groups_title", period=period_line(g, lang))
    if fmt == "html":
        return _html("est_oversikt.html.j2", g, lang, today,
                     tr(lang, "est_groups_html_title", period=g.picture.period))
    md = fmt == "markdown"

    def heading(text: str, level: int) -> list[str]:
        return [f"{'#' * level} {text}", ""] if md else [text if level < 4 else f"{text}:"]

    def items(lines: list[str]) -> list[str]:
        return [f"- {line}" if md else f"  {line}" for line in lines] + [""]

    def table(headers: list[str], rows: list[list[str]]) -> str:
        longest_word = max(len(word) for h in headers for word in h.split())
        return md_table(headers, rows) if md else _table(headers, rows,
                                                         wrap=max(8, longest_word))

    parts = [*heading(title, 2), *([] if md else [""]), *head_lines(g, lang), "",
             reported_line(g, lang), not_reported_line(g, lang), "",
             *heading(tr(lang, "est_groups_table"), 3), *([] if md else [""]),
             table(overview_headers(g, lang), overview_rows(g, lang)), "",
             tr(lang, "est_groups_legend_text"), "",
             *heading(tr(lang, "est_groups_changes"), 3), *([] if md else [""]),
             tr(lang, "est_groups_changes_note"), ""]
    for name, lines in change_lists(g, lang):
        parts += heading(name, 4) + items(lines)
    parts += heading(tr(lang, "est_groups_texts"), 3) + ([] if md else [""])
    for r in g.rows:
        texts = [f"{p.period} ({p.date.isoformat()}): {p.text}" for p in r.pictures if p.text]
        parts += heading(r.group.name, 4) + items(texts or [tr(lang, "est_group_no_text")])
    return "\n".join(parts).rstrip("\n") + "\n"


# --- HTML ----------------------------------------------------------------------------


def _html(template: str, g: GroupsPicture, lang: str, today: dt.date, title: str) -> str:
    from samverkan import __version__
    from samverkan.report.render import environment

    env = environment("html", "samverkan.est")
    env.globals.update(t=lambda key, **kw: tr(lang, key, **kw), signed=signed,
                       optional=optional, heat_level=heat_level,
                       column_label=lambda c: column_label(c, lang))
    return env.get_template(template).render(
        g=g, p=g.picture, lang=lang, title=title, head=head_lines(g, lang),
        period=period_line(g, lang), reported=reported_line(g, lang),
        not_reported=not_reported_line(g, lang), columns=columns(g),
        group_headers=group_headers(g, lang),
        group_rows={r.group.id: group_rows(g, r) for r in g.rows},
        group_lines={r.group.id: group_lines(r, lang) for r in g.rows},
        group_titles={r.group.id: group_title(g, r, lang) for r in g.rows},
        highest={r.group.id: max([n for c in r.area.categories
                                  for n in (c.by_column if columns(g) else (c.count,))] + [0])
                 for r in g.rows},
        grand_total=sum(r.total or 0 for r in g.rows),
        changes=change_lists(g, lang), version=__version__, created=today, rise=RISE)
