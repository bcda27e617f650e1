"""Excel workbooks of the status picture and of the activity record.

Municipalities work in Excel: `write_status_xlsx` and `write_activities_xlsx` write
real workbooks (numbers as numbers, dates as dates, headers in the user's language,
the header row frozen and repeated on every printed page). openpyxl is an optional
extra (`pip install 'samverkan[excel]'`); without it these raise a `UsageError` that
says how to install it. Files are replaced atomically, like every write.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from samverkan import __version__
from samverkan.core.i18n import tr
from samverkan.core.output import require_openpyxl, save_output
from samverkan.followup.compliance import BEHIND, MET, MISSED, Compliance, GoalStatus, PledgeStatus
from samverkan.plan.model import Activity

DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 60
HEADER_FILL = "DDDDDD"
STATUS_FILLS = {MET: "C6EFCE", BEHIND: "FFEB9C", MISSED: "FFC7CE"}


def write_status_xlsx(compliance: Compliance, path: Path, lang: str = "sv",
                      plan_path: str | None = None) -> None:
    """Write `status_xlsx` to `path` (see `core.output.save_output`)."""
    save_output(path, status_xlsx(compliance, lang, plan_path), lang)


def status_xlsx(compliance: Compliance, lang: str = "sv", plan_path: str | None = None) -> bytes:
    """The status picture as a workbook: sheets of pledges, goals, and about."""
    openpyxl = require_openpyxl(lang)
    book = openpyxl.Workbook()
    book.properties.title = tr(lang, "status_title", year=compliance.year,
                               as_of=compliance.as_of.isoformat(), plan=plan_path or "")
    book.properties.creator = f"samverkan {__version__}"

    pledges = book.active
    pledges.title = tr(lang, "xl_sheet_pledges")
    columns = pledge_columns(lang)
    _table(pledges, columns, [pledge_cells(p, lang) for p in compliance.pledges])
    status_col = columns.index(tr(lang, "col_status")) + 1
    for row, p in enumerate(compliance.pledges, start=2):
        fill = STATUS_FILLS.get(p.status)
        if fill:
            pledges.cell(row=row, column=status_col).fill = _fill(fill)

    goals = book.create_sheet(tr(lang, "xl_sheet_goals"))
    _table(goals, goal_columns(lang), [goal_cells(g, lang) for g in compliance.goals])

    about = book.create_sheet(tr(lang, "xl_sheet_about"))
    _table(about, [tr(lang, "xl_about_what"), tr(lang, "xl_about_value")],
           about_rows(compliance, lang, plan_path))
    return _bytes(book)


def write_activities_xlsx(activities: Iterable[Activity], path: Path, lang: str = "sv",
                          titles: Mapping[str, str] | None = None,
                          tag_titles: Mapping[str, str] | None = None) -> None:
    """Write `activities_xlsx` to `path` (see `core.output.save_output`)."""
    save_output(path, activities_xlsx(activities, lang, titles, tag_titles), lang)


def activities_xlsx(activities: Iterable[Activity], lang: str = "sv",
                    titles: Mapping[str, str] | None = None,
                    tag_titles: Mapping[str, str] | None = None) -> bytes:
    """The activities as one sheet, one row each, in the order given.

    `titles` (pledge id → title), when given, adds a column with the pledge's title;
    tags are shown by their titles in `tag_titles` (tag id → title).
    """
    openpyxl = require_openpyxl(lang)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = tr(lang, "xl_sheet_activities")
    book.properties.creator = f"samverkan {__version__}"
    _table(sheet, activity_columns(lang, titles is not None),
           [activity_cells(a, titles, tag_titles) for a in activities])
    return _bytes(book)


# --- rows ------------------------------------------------------------------------------


def pledge_columns(lang: str) -> list[str]:
    keys = ["col_id", "col_pledge", "col_focus_area", "col_owner", "col_unit", "xl_counting",
            "col_target", "col_done", "col_expected", "xl_needed", "xl_start", "col_due",
            "col_status", "col_requirements"]
    return [tr(lang, k) for k in keys]


def pledge_cells(p: PledgeStatus, lang: str) -> list[Any]:
    """A pledge's row; `*` marks a focus area or an owner the group chose itself."""
    from samverkan.followup.render import marked, pledge_title

    target = p.pledge.target
    return [
        p.pledge.id,
        pledge_title(p.pledge, lang),
        marked(p.pledge.focus_area, p.pledge, "focus_area"),
        marked(p.pledge.owner, p.pledge, "owner"),
        target.unit if target else None,
        tr(lang, f"xl_counting_{target.counting}") if target else None,
        p.main.target if p.main else None,
        p.done,
        p.main.expected if p.main else None,
        p.needed,
        p.start,
        p.due,
        tr(lang, f"status_{p.status}"),
        ", ".join(f"{r.tag_name} {r.done}/{r.target}" for r in p.requirements) or None,
    ]


def goal_columns(lang: str) -> list[str]:
    keys = ["col_id", "col_goal", "col_focus_area", "xl_indicator", "col_direction",
            "xl_baseline_year", "xl_baseline_value", "xl_baseline_low", "xl_baseline_high",
            "xl_latest_year", "xl_latest_value", "col_status"]
    return [tr(lang, k) for k in keys]


def goal_cells(g: GoalStatus, lang: str) -> list[Any]:
    b, latest = g.goal.baseline, g.latest
    return [
        g.goal.id,
        g.goal.title,
        g.focus_area,
        g.goal.indicator,
        tr(lang, f"direction_{g.goal.direction}"),
        b.year if b else None,
        b.value if b else None,
        b.low if b else None,
        b.high if b else None,
        latest.year if latest else None,
        latest.value if latest else None,
        tr(lang, f"goal_{g.status}"),
    ]


def about_rows(c: Compliance, lang: str, plan_path: str | None) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [tr(lang, "xl_about_plan"), plan_path],
        [tr(lang, "xl_about_year"), c.year],
        [tr(lang, "xl_about_as_of"), c.as_of],
    ]
    rows += [[tr(lang, f"status_{key}"), count] for key, count in c.summary.items()]
    from samverkan.followup.render import origin_legend

    legend = origin_legend([p.pledge for p in c.pledges], lang, ("focus_area", "owner"))
    if legend:
        rows.append(["*", legend.removeprefix("* = ")])
    rows.append([tr(lang, "xl_about_made_by"), f"samverkan {__version__}"])
    return rows


def activity_columns(lang: str, with_titles: bool = False) -> list[str]:
    keys = ["col_id", "xl_date", "xl_pledge_id"] + (["col_pledge"] if with_titles else []) + [
        "xl_count", "xl_place", "xl_tags", "xl_by", "xl_note"]
    return [tr(lang, k) for k in keys]


def activity_cells(a: Activity, titles: Mapping[str, str] | None = None,
                   tag_titles: Mapping[str, str] | None = None) -> list[Any]:
    title = [titles.get(a.pledge)] if titles is not None else []
    tags = ", ".join((tag_titles or {}).get(t, t) for t in a.tags)
    return [a.id, a.date, a.pledge, *title, a.count, a.place, tags or None, a.by, a.note]


# --- sheets ------------------------------------------------------------------------------


def _fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def _table(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Headers in row 1 (bold, shaded, frozen, filterable, printed on every page), then rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _fill(HEADER_FILL)
    widths = [len(h) for h in headers]
    for row in rows:
        sheet.append(list(row))
        for index, value in enumerate(row):
            widths[index] = max(widths[index], len(_shown(value)))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "2021-01-01"
    return str(value)


def _bytes(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
