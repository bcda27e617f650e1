"""Laying the report out with Jinja2: `report.html.j2` and `report.md.j2`.

The HTML template escapes everything from the plan (autoescape); only the SVG charts,
built by `charts.py`, are inserted as markup. Markdown cells are escaped here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from samverkan import __version__
from samverkan.core.text import md_cell
from samverkan.followup.compliance import ATTENTION, PLEDGE_STATUSES

if TYPE_CHECKING:  # (the lägesbild and EST documents use `environment` without them)
    from samverkan.report.content import AgreementReport, YearReport
    from samverkan.report.words import Words


@dataclass(frozen=True)
class Rendered:
    """A laid-out report: its text, format, language and title."""

    text: str
    fmt: str
    language: str
    title: str


def environment(fmt: str, *packages: str) -> Any:
    """The Jinja2 environment of every document the tool writes: the templates of
    `packages` (e.g. "samverkan.est") first, then the report's base and macros."""
    from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader([PackageLoader(name, "templates")
                             for name in (*packages, "samverkan.report")]),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = md_cell
    env.globals["zip"] = zip
    # the status names and those a steering group must act on, from their one definition
    env.globals["STATUSES"] = PLEDGE_STATUSES
    env.globals["ATTENTION"] = ATTENTION
    return env


def _render(template: str, fmt: str, words: Words, today: dt.date, **values: Any) -> str:
    suffix = "html.j2" if fmt == "html" else "md.j2"
    env = environment(fmt)
    text = env.get_template(f"{template}.{suffix}").render(
        w=words, t=words.t, lang=words.lang, version=__version__, created=today, **values)
    return text if fmt == "html" else re.sub(r"\n{3,}", "\n\n", text)


def render_year(report: YearReport, words: Words, fmt: str, today: dt.date) -> Rendered:
    title = words.t("report_title_year", year=report.plan.year)
    text = _render("year", fmt, words, today, r=report, title=title,
                   c=report.compliance, as_of=report.compliance.as_of)
    return Rendered(text, fmt, words.lang, title)


def render_agreement(report: AgreementReport, words: Words, fmt: str,
                     today: dt.date) -> Rendered:
    title = words.t("report_title_agreement", first=report.years[0], last=report.years[-1])
    text = _render("agreement", fmt, words, today, r=report, title=title, as_of=report.as_of)
    return Rendered(text, fmt, words.lang, title)
