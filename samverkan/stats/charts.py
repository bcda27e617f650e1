"""The joint situation picture's charts, drawn with the charts' one library and style
(`core.charts`).

Three kinds, as the source document draws them: a line per year over January–December
(reported crimes per month), a line per series over the years (rates, survey results; a
range from the source is a band, never a line through its midpoint), and bars over
categories (the citizens' dialogue). Each is an inline `<svg>` with a `<title>` and a
`<desc>` listing its values (`core.charts.Drawing.render`), and the document puts the same
values in a table beside it.
"""

from __future__ import annotations

from markupsafe import Markup

from samverkan.core.charts import DASHES, INK, PALETTE, Drawing, Look, band_colour, decimal
from samverkan.stats.derive import Figure as Number
from samverkan.stats.lagesbild import Chart, figure_text

WIDTH, HEIGHT = 520, 250


def _value(fig: Number | None) -> float | None:
    return fig.value if fig is not None else None


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


def _options(chart: Chart, lang: str, top: float) -> dict[str, object]:
    decimals = chart.decimals if chart.decimals is not None else 2
    return {"range": (0, top), "min_scale": 3, "max_scale": 6,
            "value_formatter": lambda y: decimal(round(y, decimals), lang)}


def months_chart(chart: Chart, lang: str) -> Drawing:
    """A line per year over the twelve months; the newest year drawn strongest."""
    drawing = Drawing("line", WIDTH, HEIGHT, {
        **_options(chart, lang, _top(chart) * 1.18), "x_labels": list(chart.x_labels)})
    count = len(chart.lines)
    for index, line in enumerate(chart.lines):
        older = count - 1 - index  # 0 for the newest year
        look = (Look(INK, 2.4, dots=2.6) if older == 0 else
                Look(PALETTE[1 + (older - 1) % 4], 1.4, DASHES[1 + (older - 1) % 4], dots=2.2))
        drawing.add(line.label, [_value(f) for f in line.figures], look)
    return drawing


def years_chart(chart: Chart, lang: str) -> Drawing:
    """A line per series over the years; values joined only to the next year's value, and
    a range drawn as a band (a bar at a single year)."""
    xs = [int(x) for x in chart.x_labels]
    step = max(1, -(-len(xs) // 10))
    drawing = Drawing("xy", WIDTH, HEIGHT, {
        **_options(chart, lang, _top(chart) * 1.25), "xrange": (xs[0] - 0.4, xs[-1] + 0.4),
        "x_labels": [{"value": x, "label": str(x)} for x in xs[::step]]})
    for index, line in enumerate(chart.lines):
        colour = PALETTE[index % 5]
        drawing.add(line.label, [(x, _value(f)) for x, f in zip(xs, line.figures)],
                    Look(colour, 1.6, DASHES[index % 5], dots=3))
        runs: list[list[tuple[int, float, float]]] = []
        previous = None
        for position, (x, f) in enumerate(zip(xs, line.figures)):
            if f is None or f.value is not None or (bounds := f.bounds) is None:
                continue
            if previous is None or position != previous + 1:
                runs.append([])
            runs[-1].append((x, bounds[0], bounds[1]))
            previous = position
        # one series of bands and one of bars per line, each piece apart from the next
        bands = [point for run in runs if len(run) > 1
                 for point in [(x, low) for x, low, _ in run]
                 + [(x, high) for x, _, high in reversed(run)] + [None]]
        if bands:
            drawing.add(None, bands[:-1], Look(band_colour(colour), 0, fill=True))
        if runs:
            bars = [point for run in runs for x, low, high in run
                    for point in ((x, low), (x, high), None)]
            drawing.add(None, bars[:-1], Look(band_colour(colour, 0.55), 5))
    return drawing


def bars_chart(chart: Chart, lang: str) -> Drawing:
    """Lying bars, one per category from the top down, with the value at the end of the
    bar."""
    line = chart.lines[0]
    known = [v for f in line.figures if (v := _value(f)) is not None]
    drawing = Drawing("hbar", WIDTH, 50 + 44 * len(chart.x_labels), {
        "print_values": True, "print_values_position": "top", "order_min": 0,
        "min_scale": 3, "max_scale": 6, "range": (0, max(known + [1]) * 1.15)})
    drawing.options["x_labels"] = drawing.category_labels(chart.x_labels[::-1])
    values = [{"value": _value(f), "formatter": lambda _v, f=f: figure_text(f, lang)}
              for f in line.figures]
    drawing.add(None, values[::-1], Look(INK, legend="box"))
    return drawing


DRAW = {"months": months_chart, "years": years_chart, "bars": bars_chart}


def chart_svg(chart: Chart, lang: str) -> Markup:
    """The chart as an inline, labelled `<svg>`."""
    return DRAW[chart.kind](chart, lang).render(chart.id, chart.title,
                                                description(chart, lang))
