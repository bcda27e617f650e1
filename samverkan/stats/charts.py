"""The joint situation picture's charts, drawn with matplotlib on the report's chart style.

Three kinds, as the source document draws them: a line per year over January–December
(reported crimes per month), a line per series over the years (rates, survey results; a
range from the source is a band, never a line through its midpoint), and bars over
categories (the citizens' dialogue). Each is an inline `<svg>` with a `<title>` and a
`<desc>` listing its values (`report.charts.inline_svg`), and the document puts the same
values in a table beside it.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib

matplotlib.use("Agg")

from markupsafe import Markup
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samverkan.report.charts import INK, PACE, RC, REQUIREMENT, TARGET, decimal, inline_chart
from samverkan.stats.derive import Figure as Number
from samverkan.stats.lagesbild import Chart, figure_text

COLOURS = (INK, TARGET, REQUIREMENT, "#7c3aed", PACE)
MARKERS = ("o", "s", "^", "D", "v")
DASHES = ("-", (0, (4, 2)), (0, (1, 1.5)), "-.", (0, (6, 2, 1, 2)))
WIDTH_IN, HEIGHT_IN = 5.0, 2.3


def _figure(height: float = HEIGHT_IN) -> Figure:
    with matplotlib.rc_context(RC):
        return Figure(figsize=(WIDTH_IN, height), layout="constrained")


def _value(fig: Number | None) -> float:
    return fig.value if fig is not None and fig.value is not None else math.nan


def _top(chart: Chart) -> float:
    known = [b for line in chart.lines for f in line.figures
             if f is not None and (b := f.bounds) is not None]
    return max([high for _, high in known] + [1.0])


def description(chart: Chart, lang: str) -> str:
    """The values as text, for screen readers: `2020: jan 701, feb 702, …; 2021: …`."""
    parts = []
    for line in chart.lines:
        points = [f"{x} {figure_text(f, lang, chart.decimals)}"
                  for x, f in zip(chart.x_labels, line.figures) if f is not None and f.known]
        parts.append(f"{line.label}: " + (", ".join(points) or "–"))
    unit = f" ({chart.unit})" if chart.unit else ""
    return "; ".join(parts) + unit + "."


def _style(ax: object, lang: str, decimals: int | None) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))  # type: ignore[attr-defined]
    ax.yaxis.set_major_formatter(FuncFormatter(  # type: ignore[attr-defined]
        lambda y, _pos: decimal(round(y, decimals if decimals is not None else 2), lang)))
    ax.tick_params(length=2.5, pad=1.5)  # type: ignore[attr-defined]


def months_chart(chart: Chart, lang: str) -> Figure:
    """A line per year over the twelve months; the newest year drawn strongest."""
    fig = _figure()
    with matplotlib.rc_context(RC):
        ax = fig.add_subplot()
        count = len(chart.lines)
        for index, line in enumerate(chart.lines):
            newest = index == count - 1
            style = count - 1 - index
            ax.plot(range(1, 13), [_value(f) for f in line.figures],
                    color=INK if newest else COLOURS[1 + style % 4],
                    linestyle="-" if newest else DASHES[1 + style % 4],
                    linewidth=1.8 if newest else 1.1, marker=MARKERS[index % 5], markersize=2.8,
                    label=line.label)
        ax.set_xticks(range(1, 13))
        ax.set_xticklabels(list(chart.x_labels))
        ax.set_xlim(0.6, 12.4)
        ax.set_ylim(0, _top(chart) * 1.18)
        _style(ax, lang, chart.decimals)
        ax.legend(loc="lower left", ncols=count, handlelength=2.2, borderaxespad=0.1)
    return fig


def years_chart(chart: Chart, lang: str) -> Figure:
    """A line per series over the years; values joined only to the next year's value, and
    a range drawn as a band."""
    fig = _figure()
    xs = [int(x) for x in chart.x_labels]
    with matplotlib.rc_context(RC):
        ax = fig.add_subplot()
        for index, line in enumerate(chart.lines):
            colour = COLOURS[index % 5]
            ax.plot(xs, [_value(f) for f in line.figures], color=colour,
                    linestyle=DASHES[index % 5], linewidth=1.5, marker=MARKERS[index % 5],
                    markersize=3.5, label=line.label)
            ranged = [(x, bounds[0], bounds[1]) for x, f in zip(xs, line.figures)
                      if f is not None and f.value is None and (bounds := f.bounds) is not None]
            if ranged:
                ax.vlines([r[0] for r in ranged], [r[1] for r in ranged],
                          [r[2] for r in ranged], color=colour, linewidth=4, alpha=0.55)
                ax.fill_between([r[0] for r in ranged], [r[1] for r in ranged],
                                [r[2] for r in ranged], color=colour, alpha=0.18, linewidth=0)
        ax.set_xlim(xs[0] - 0.4, xs[-1] + 0.4)
        step = max(1, -(-len(xs) // 10))
        ax.set_xticks(xs[::step])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{round(x)}"))
        ax.set_ylim(0, _top(chart) * 1.25)
        _style(ax, lang, chart.decimals)
        ax.legend(loc="upper left", ncols=min(len(chart.lines), 2), handlelength=2.2,
                  borderaxespad=0.1)
    return fig


def bars_chart(chart: Chart, lang: str) -> Figure:
    """Horizontal bars, one per category, with the value at the end of the bar."""
    line = chart.lines[0]
    fig = _figure(0.5 + 0.42 * len(chart.x_labels))
    with matplotlib.rc_context(RC):
        ax = fig.add_subplot()
        ys = list(range(len(chart.x_labels)))[::-1]
        values = [_value(f) for f in line.figures]
        ax.barh(ys, values, color=INK, height=0.6)
        for y, v, f in zip(ys, values, line.figures):
            if not math.isnan(v):
                ax.annotate(figure_text(f, lang), (v, y), xytext=(3, 0),
                            textcoords="offset points", va="center", fontsize=7)
        ax.set_yticks(ys)
        ax.set_yticklabels(["\n".join(textwrap.wrap(x, 34)) for x in chart.x_labels])
        ax.set_xlim(0, max([v for v in values if not math.isnan(v)] + [1]) * 1.15)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.tick_params(length=2.5, pad=1.5)
    return fig


DRAW = {"months": months_chart, "years": years_chart, "bars": bars_chart}


def chart_svg(chart: Chart, lang: str) -> Markup:
    """The chart as an inline, labelled `<svg>`."""
    return inline_chart(DRAW[chart.kind](chart, lang), chart.id, chart.title, description(chart, lang))
