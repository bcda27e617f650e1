"""Laying the website out with Jinja2 (autoescape on): every page, the style sheet and the
open data, as a mapping of relative file names to bytes. Nothing is written here."""

from __future__ import annotations

from functools import partial
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from samverkan.followup.compliance import BEHIND, MET, MISSED, ON_TRACK, PLEDGE_STATUSES
from samverkan.publish import charts, opendata
from samverkan.publish.content import (
    ABOUT_PAGE,
    AREAS_PAGE,
    NOT_BEGUN,
    PLEDGE_PAGE,
    YEAR_PAGE,
    Site,
)
from samverkan.report.words import Words

BAR_COLOURS = {MET: "#166534", ON_TRACK: "#1e40af", BEHIND: "#92400e", MISSED: "#991b1b"}


def environment(site: Site) -> Any:
    """The tool's one Jinja2 environment (`report.render.environment`, autoescaped), with
    this wing's templates first and the website's filters and helpers."""
    from samverkan.report.render import environment as documents

    env = documents("html", "samverkan.publish")

    def plan_text(value: object) -> Markup:
        """Text from the plan files, marked with their language where the page's differs."""
        if site.plan_language != site.lang:
            return Markup(f'<span lang="{site.plan_language}">{escape(value)}</span>')
        return escape(value)

    env.filters["plan"] = plan_text
    env.globals.update(
        site=site, t=site.t, w=Words(site.lang),
        bar_colour=lambda status: BAR_COLOURS.get(status, charts.RULE),
        SITE_STATUSES=(*PLEDGE_STATUSES, NOT_BEGUN),  # a pledge before its period
        columns=opendata.COLUMNS, fields=opendata.FIELDS,
        column_header=partial(opendata.column_header, site.lang),
        column_description=partial(opendata.column_description, site.lang),
        field_description=partial(opendata.field_description, site.lang))
    return env


def render_site(site: Site) -> dict[str, bytes]:
    """Every file of the website: relative path → content."""
    env = environment(site)

    def page(template: str, path: str, **values: Any) -> None:
        root = "../" * path.count("/")
        files[path] = env.get_template(template).render(root=root, **values).encode("utf-8")

    files: dict[str, bytes] = {}
    t = site.t
    page("site_index.html.j2", "index.html", page="index",
         heading=t("pub_index_heading", year=site.current_year))
    for view in site.pledges:
        page("site_pledge.html.j2", PLEDGE_PAGE.format(id=view.id), page="pledge-" + view.id,
             heading=view.title, p=view)
    for year in site.years:
        page("site_year.html.j2", YEAR_PAGE.format(year=year.year), page=f"year-{year.year}",
             heading=t("pub_year_heading", year=year.year), year=year)
    page("site_areas.html.j2", AREAS_PAGE, page="areas", heading=t("pub_nav_areas"))
    page("site_about.html.j2", ABOUT_PAGE, page="about", heading=t("pub_nav_about"))
    files["style.css"] = (resources.files("samverkan.publish") / "templates" / "style.css"
                          ).read_bytes()
    files["data.json"] = opendata.data_json(site).encode("utf-8")
    files["data.csv"] = opendata.data_csv(site).encode("utf-8")
    return files
