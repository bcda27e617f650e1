"""What `samverkan status` does: pick the plan, compute its picture, filter, render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from samverkan.core.i18n import tr
from samverkan.core.problems import UsageError
from samverkan.followup.compliance import (
    ATTENTION,
    BEHIND,
    MISSED,
    Compliance,
    compute,
    summarize,
)
from samverkan.plan.model import OWNERS

FAIL_LEVELS = {BEHIND: ATTENTION, MISSED: (MISSED,)}


class StatusResult(NamedTuple):
    path: Path
    language: str
    compliance: Compliance


def load_status(plan: Path | None, year: int | None, as_of: dt.date, owner: str | None,
                focus_area: str | None, plans_dir: Path | None,
                lang: str | None) -> StatusResult:
    from samverkan.followup.facts import measurements_for
    from samverkan.plan.folder import load_valid, plan_path_for
    from samverkan.plan.folder import plans_dir as find_dir

    ui = lang or "sv"
    if owner is not None and owner not in OWNERS:
        raise UsageError(tr(ui, "unknown_owner", value=owner))
    path = plan or plan_path_for(find_dir(plans_dir), year or as_of.year, ui)
    model = load_valid(path, ui).plan
    assert model is not None
    language = lang or model.language
    areas = [a.id for a in model.focus_areas]
    if focus_area is not None and focus_area not in areas:
        raise UsageError(tr(language, "unknown_focus_filter", value=focus_area,
                            ids=", ".join(areas)))
    result = compute(model, as_of, measurements_for(path, model, ui))
    pledges = tuple(p for p in result.pledges
                    if (owner is None or p.pledge.owner == owner)
                    and (focus_area is None or p.pledge.focus_area == focus_area))
    goals = tuple(g for g in result.goals if focus_area is None or g.focus_area == focus_area)
    result = result._replace(pledges=pledges, goals=goals,
                                 summary=summarize(pledges))
    return StatusResult(path, language, result)


def render(result: StatusResult, fmt: str, lang: str, rich: bool, width: int | None = None,
           delimiter: str = ";") -> str | None:
    """The picture as text whose lines fit `width`, or None when it was printed to the
    terminal with rich (as wide as `width`)."""
    from samverkan.followup import render as r

    c, path = result.compliance, str(result.path)
    if fmt == "json":
        return r.render_json(c, path) + "\n"
    if fmt == "csv":
        return r.render_csv(c, lang, delimiter)
    if fmt == "markdown":
        return r.render_markdown(c, path, lang)
    if rich:
        from rich.console import Console

        r.print_rich(c, path, lang, Console(width=width))
        return None
    return r.render_plain(c, path, lang, width)


def content(result: StatusResult, fmt: str, lang: str, width: int | None = None,
            delimiter: str = ";") -> str | bytes:
    """The picture as the content of an output file: an Excel workbook for xlsx, else the
    text format."""
    if fmt == "xlsx":
        from samverkan.followup.excel import status_xlsx

        return status_xlsx(result.compliance, lang, str(result.path))
    text = render(result, fmt, lang, rich=False, width=width, delimiter=delimiter)
    assert text is not None
    return text


def save(result: StatusResult, fmt: str, lang: str, output: Path) -> None:
    """Write the picture to `output` (see `content` and `core.output.save_output`)."""
    from samverkan.core.output import save_output

    save_output(output, content(result, fmt, lang), lang)


def fails(c: Compliance, level: str) -> bool:
    return any(p.status in FAIL_LEVELS[level] for p in c.pledges)


def agreement_text(plans_dir: Path | None, as_of: dt.date, fmt: str, lang: str | None,
                   others: dict[str, object], width: int | None = None,
                   delimiter: str = ";") -> str:
    """`status --agreement`: every plan year and the agreement's goals, as text.
    `others` are the options that pick one plan or filter it, refused here."""
    from samverkan.followup.agreement import AGREEMENT_FILE, load_agreement_picture
    from samverkan.followup.render import render_agreement
    from samverkan.plan.folder import plans_dir as find_dir

    ui = lang or "sv"
    for option, value in others.items():
        if value is not None:
            raise UsageError(tr(ui, "agreement_only", option=option))
    folder = find_dir(plans_dir)
    picture, language = load_agreement_picture(folder, as_of, ui)
    language = lang or language
    note = None if picture.agreement else tr(language, "no_agreement_file",
                                             path=folder / AGREEMENT_FILE)
    return render_agreement(picture, fmt, language, note, width, delimiter)
