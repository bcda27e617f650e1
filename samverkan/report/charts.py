"""Small SVG charts for the report, drawn with matplotlib and inlined in the HTML.

Two kinds: a pledge's cumulative count over its period against the pace line and the
target, and a goal's indicator over the years against its baseline. Each chart is
returned as an `<svg>` element ready to inline: no XML prolog, no DOCTYPE, no metadata,
no namespace URLs, ids prefixed so that many charts can share one page, text kept as
text (`svg.fonttype = none`, so no font is embedded or fetched), and a `<title>` and
`<desc>` that screen readers read out. Only `samverkan report` imports this module.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
from markupsafe import Markup, escape
from matplotlib.dates import date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

matplotlib.use("Agg")  # never a GUI backend, whatever MPLBACKEND says

WIDTH_IN = 3.6
HEIGHT_IN = 1.75
INK = "#1f3a5f"       # done
PACE = "#6b7280"      # pace line
TARGET = "#b45309"    # target
BASELINE = "#6b7280"
REQUIREMENT = "#0f766e"
MONTHS = {
    "sv": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "samverkan",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 7.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#9ca3af",
    "axes.linewidth": 0.6,
    "xtick.color": "#374151",
    "ytick.color": "#374151",
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "legend.fontsize": 6.5,
    "legend.frameon": False,
}


@dataclass(frozen=True)
class Labels:
    """The words a chart shows, already in the report's language."""

    done: str
    pace: str
    target: str
    as_of: str
    baseline: str
    measured: str


@dataclass(frozen=True)
class Series:
    """A step line of a cumulative count: (date, value after that date's activities)."""

    label: str
    points: tuple[tuple[dt.date, int], ...]


def decimal(value: float, lang: str) -> str:
    """A number as the charts write it: a decimal comma and a real minus sign in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",").replace("-", "−") if lang == "sv" else text


def inline_chart(fig: Figure, chart_id: str, title: str, desc: str) -> Markup:
    """`fig` drawn as an inline, labelled `<svg>` (see `inline_svg`), in the charts' style."""
    buffer = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None,
                                                    "Format": None, "Type": None})
    return inline_svg(buffer.getvalue(), chart_id, title, desc)


_REFERENCE = re.compile(r'(?:href="#|url\(#)([^")]+)')


def inline_svg(svg: str, chart_id: str, title: str, desc: str) -> Markup:
    """Make matplotlib's SVG document fit to inline in HTML, self-contained and labelled."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r'<style type="text/css">.*?</style>\s*', "", svg, flags=re.DOTALL)
    svg = re.sub(r'\s+xmlns(?::\w+)?="[^"]*"', "", svg)
    svg = svg.replace("xlink:href=", "href=")
    referenced = set(_REFERENCE.findall(svg))

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        return f'id="{chart_id}-{name}"' if name in referenced else ""

    svg = re.sub(r'id="([^"]+)"', rename, svg)
    svg = _REFERENCE.sub(lambda m: m.group(0)[: -len(m.group(1))] + f"{chart_id}-{m.group(1)}",
                         svg)
    svg = re.sub(r'<g\s+>', "<g>", svg)
    head = (f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
            f'class="chart-svg"')
    svg = head + svg[len("<svg"):]
    opening_end = svg.index(">") + 1
    labels = (f'<title id="{chart_id}-title">{escape(title)}</title>'
              f'<desc id="{chart_id}-desc">{escape(desc)}</desc>')
    return Markup(svg[:opening_end] + labels + svg[opening_end:])


def _legend(fig: Figure) -> None:
    """One row of legend above the plot, so that it never hides a line."""
    ax = fig.axes[0]
    ax.legend(loc="lower left", bbox_to_anchor=(-0.02, 1.0), ncols=4, handlelength=1.8,
              columnspacing=1.2, borderaxespad=0.1, borderpad=0.1)


def _figure() -> Figure:
    """A small figure with fixed margins (in inches): room for tick labels on the left
    and below, and for one row of legend above. Fixed margins draw twice as fast as a
    layout engine, and every chart lines up with the others."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
        fig.subplots_adjust(left=0.34 / WIDTH_IN, right=1 - 0.06 / WIDTH_IN,
                            bottom=0.2 / HEIGHT_IN, top=1 - 0.26 / HEIGHT_IN)
    return fig


def _step_values(points: Sequence[tuple[dt.date, int]], start: dt.date,
                 end: dt.date) -> tuple[list[float], list[int]]:
    """The x (matplotlib day numbers) and y of a step line from 0 at `start` to `end`."""
    days, ys = [start], [0]
    for day, value in points:
        days.append(day)
        ys.append(value)
    days.append(end)
    ys.append(ys[-1])
    return [float(date2num(d)) for d in days], ys


def pledge_chart(chart_id: str, *, start: dt.date, due: dt.date, as_of: dt.date, target: int,
                 done: Series, requirements: Sequence[Series], labels: Labels, lang: str,
                 title: str, desc: str) -> Markup:
    """The cumulative count from `start` to `as_of` (at most `due`), the pace line from 0
    at `start` to `target` at `due`, and the target as a horizontal line."""
    with matplotlib.rc_context(RC):
        fig = _figure()
        ax = fig.add_subplot()
        end = min(max(as_of, start), due)
        top = max([target] + [v for _, v in done.points] + [
            v for r in requirements for _, v in r.points])
        x_start, x_end = float(date2num(start)), float(date2num(due + dt.timedelta(days=1)))
        ax.plot([x_start, x_end], [0, target], linestyle=(0, (4, 2)),
                color=PACE, linewidth=0.9, label=labels.pace)
        ax.axhline(target, color=TARGET, linewidth=0.9, linestyle=(0, (1, 1.5)),
                   label=labels.target)
        for series in requirements:
            xs, ys = _step_values(series.points, start, end)
            ax.step(xs, ys, where="post", color=REQUIREMENT, linewidth=0.9, label=series.label)
        if as_of >= start:
            xs, ys = _step_values(done.points, start, end)
            ax.step(xs, ys, where="post", color=INK, linewidth=1.8, label=labels.done)
        if start < as_of < due:
            x_as_of = float(date2num(as_of))
            ax.axvline(x_as_of, color="#9ca3af", linewidth=0.6)
            ax.annotate(labels.as_of, (x_as_of, top * 1.1), fontsize=6, color="#4b5563",
                        ha="right", va="top", annotation_clip=False,
                        xytext=(-2, 0), textcoords="offset points")
        ax.set_xlim(x_start, x_end)
        ax.set_ylim(0, top * 1.12 + 0.2)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        months = MONTHS.get(lang, MONTHS["sv"])
        ax.set_xticks([float(date2num(d)) for d in _month_ticks(start, due)])
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _pos: months[num2date(x).month - 1]))
        ax.tick_params(length=2.5, pad=1.5)
        _legend(fig)
    return inline_chart(fig, chart_id, title, desc)


def _month_ticks(start: dt.date, due: dt.date) -> list[dt.date]:
    """First days of months inside the period, thinned to at most seven."""
    ticks = []
    day = dt.date(start.year, start.month, 1)
    while day <= due:
        if day >= start:
            ticks.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(ticks) // 7))
    return ticks[::step] or [start]


def goal_chart(chart_id: str, *, years: Sequence[int], values: Sequence[float],
               baseline_year: int | None, baseline_low: float | None,
               baseline_high: float | None, first_year: int, last_year: int,
               labels: Labels, lang: str, title: str, desc: str) -> Markup:
    """The indicator's measured values by year against the baseline (a line, or a band
    when the baseline is a range)."""
    with matplotlib.rc_context(RC):
        fig = _figure()
        ax = fig.add_subplot()
        span = [first_year, last_year]
        single = None  # the baseline when it is one value, not a range
        if baseline_year is not None and baseline_low is not None and baseline_high is not None:
            if baseline_low == baseline_high:
                single = baseline_low
                ax.axhline(single, color=BASELINE, linestyle=(0, (4, 2)), linewidth=0.9,
                           label=labels.baseline)
                ax.plot([baseline_year], [single], marker="o", markersize=3.5,
                        color=BASELINE, linestyle="none")
            else:
                ax.axhspan(baseline_low, baseline_high, color=BASELINE, alpha=0.18,
                           linewidth=0, label=labels.baseline)
        if years:
            xs, ys = list(years), list(values)
            if single is not None and baseline_year is not None and baseline_year < xs[0]:
                # A single baseline value is the indicator's first point.
                xs, ys = [baseline_year, *xs], [single, *ys]
            ax.plot(xs, ys, marker="o", markersize=3.5, color=INK, linewidth=1.6,
                    label=labels.measured)
        ax.set_xlim(span[0] - 0.4, span[1] + 0.4)
        ax.set_xticks(list(range(span[0], span[1] + 1)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{round(x)}"))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: decimal(y, lang)))
        known = list(values) + [v for v in (baseline_low, baseline_high) if v is not None]
        low, high = min(known + [0.0]), max(known + [1.0])
        ax.set_ylim(low, high * 1.25)
        ax.tick_params(length=2.5, pad=1.5)
        _legend(fig)
    return inline_chart(fig, chart_id, title, desc)


def outcome_chart(chart_id: str, *, years: Sequence[int], done: Sequence[int | None],
                  targets: Sequence[int | None], labels: Labels, title: str,
                  desc: str) -> Markup:
    """A pledge over the agreement: each year's outcome as a bar against its target."""
    with matplotlib.rc_context(RC):
        fig = _figure()
        ax = fig.add_subplot()
        xs = [y for y, d in zip(years, done, strict=True) if d is not None]
        ax.bar(xs, [d for d in done if d is not None], width=0.55, color=INK,
               label=labels.done)
        labelled = False
        for year, target in zip(years, targets, strict=True):
            if target is not None:
                ax.hlines(target, year - 0.38, year + 0.38, color=TARGET, linewidth=1.4,
                          label="_" if labelled else labels.target)
                labelled = True
        ax.set_xticks(list(years))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{round(x)}"))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        top = max([d or 0 for d in done] + [t or 0 for t in targets] + [1])
        ax.set_ylim(0, top * 1.3)
        ax.tick_params(length=2.5, pad=1.5)
        _legend(fig)
    return inline_chart(fig, chart_id, title, desc)
