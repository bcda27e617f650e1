"""Writing the joint situation picture (`lagesbild.Lagesbild`) as Markdown or HTML.

Markdown shows every chart as its table of values, for minutes and for diffing two
years' pictures in git. HTML is one self-contained, printable file (see `render_html`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from samverkan import __version__
from samverkan.core.i18n import tr
from samverkan.core.text import md_table
from samverkan.stats.lagesbild import (
    Chart,
    Heading,
    Lagesbild,
    Notice,
    Section,
    Table,
    Text,
    figure_text,
)


def chart_table(chart: Chart, lang: str, year: int | None = None) -> Table:
    """A chart's figures as a table: one row per x position, one column per line; a year
    without any figure is left out unless it is the document's year."""
    first = tr(lang, "lb_col_year") if chart.kind == "years" else ""
    headers = (first,) + tuple(line.label for line in chart.lines)
    rows = []
    for i, x in enumerate(chart.x_labels):
        figures = [line.figures[i] for line in chart.lines]
        if (chart.kind == "years" and x != str(year)
                and not any(f is not None and f.known for f in figures)):
            continue
        rows.append((x,) + tuple(figure_text(f, lang, chart.decimals) for f in figures))
    return Table(chart.title, headers, tuple(rows), (False,) + (True,) * len(chart.lines))


def _md_block(block: object, lang: str, year: int) -> str:
    if isinstance(block, Text):
        return block.markdown
    if isinstance(block, Heading):
        return f"### {block.text}"
    if isinstance(block, Table):
        return f"*{block.caption}*\n\n" + md_table(block.headers, block.rows, block.numeric)
    if isinstance(block, Chart):
        table = chart_table(block, lang, year)
        unit = f" ({block.unit})" if block.unit else ""
        source = tr(lang, "lb_chart_source", ids=", ".join(f"`{s}`" for s in block.sources))
        return (f"**{block.title}**{unit}\n\n" + md_table(table.headers, table.rows,
                                                          table.numeric) + f"\n\n{source}")
    if isinstance(block, Notice):
        return (f"> **{tr(lang, 'lb_missing')}.** {block.text}\n>\n"
                f"> `{block.command}`")
    raise TypeError(type(block).__name__)


def _md_section(section: Section, lang: str, year: int) -> str:
    parts = [f"## {section.title}"]
    parts += [_md_block(b, lang, year) for b in section.blocks]
    return "\n\n".join(parts)


def render_markdown(lb: Lagesbild, created: dt.date) -> str:
    lang = lb.lang
    parts = [f"# {lb.title}", f"*{lb.subtitle}*", lb.meta]
    parts += [_md_section(s, lang, lb.year) for s in lb.sections]
    if lb.notices:
        parts.append(f"## {tr(lang, 'lb_notices_title')}")
        parts.append("\n".join(f"- `{n.command}` – {n.lacks}" for n in lb.notices))
    parts.append(f"## {tr(lang, 'lb_appendix_title')}")
    parts.append(tr(lang, "lb_appendix_intro", dir=lb.data_dir))
    for entry in lb.appendix:
        s = entry.series
        parts.append(f"### `{s.id}` – {s.title}")
        parts.append(tr(lang, "lb_series_meta", unit=s.unit, source=s.source))
        if entry.rows:
            parts.append(md_table((tr(lang, "lb_col_period"), tr(lang, "lb_col_value"),
                                   tr(lang, "lb_col_origin")), entry.rows, (False, True, False)))
        else:
            parts.append(tr(lang, "lb_no_values"))
    parts.append("---")
    parts.append("*" + tr(lang, "lb_generated", version=__version__, created=created.isoformat(),
                          data=lb.data_dir) + "*")
    return "\n\n".join(parts) + "\n"


def markdown_html(text: str) -> object:
    """The group's Markdown as HTML: raw HTML in it is escaped and images are not
    rendered (the document fetches nothing)."""
    from markupsafe import Markup

    return Markup(_markdown().render(text))


@lru_cache(maxsize=1)
def _markdown() -> Any:
    """The one Markdown parser of a run (building it costs more than a text's rendering)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("image")


def _kind(block: object) -> str:
    return {Text: "text", Heading: "heading", Chart: "chart", Table: "table",
            Notice: "notice"}[type(block)]


def render_html(lb: Lagesbild, created: dt.date) -> str:
    """One self-contained HTML file: the report's base template and styles, charts as
    inline SVG, nothing fetched; it prints on A4."""
    from samverkan.report.render import environment
    from samverkan.stats.charts import chart_svg

    env = environment("html", "samverkan.stats")
    env.filters["markdown"] = markdown_html
    env.globals["kind"] = _kind
    charts = [b for s in lb.sections for b in s.blocks if isinstance(b, Chart)]
    tables = {}
    for c in charts:
        table = chart_table(c, lb.lang, lb.year)
        tables[c.id] = Table(tr(lb.lang, "lb_chart_data", n=c.number), table.headers, table.rows,
                             table.numeric)
    return env.get_template("lagesbild.html.j2").render(
        lb=lb, t=lambda key, **v: tr(lb.lang, key, **v), lang=lb.lang, title=lb.title,
        version=__version__, created=created, svgs={c.id: chart_svg(c, lb.lang) for c in charts},
        chart_tables=tables)


def render(lb: Lagesbild, fmt: str, created: dt.date) -> str:
    """The document as `markdown` or `html`."""
    if fmt == "markdown":
        return render_markdown(lb, created)
    return render_html(lb, created)
