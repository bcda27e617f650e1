"""The website's small charts, drawn with the charts' one library and style (`core.charts`).

A pledge's history: for each year, what was done and what was promised, as two bars side
by side with their numbers. The chart is an inline `<svg>` with a `<title>` and a `<desc>`
that say in words what it shows (`core.charts.Drawing.render`); the page puts the same
numbers in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from samverkan.core.charts import INK, PACE, TARGET, Drawing, Look

RULE = PACE  # the empty part of a status bar on the pages (4.8:1 on white)


@dataclass(frozen=True)
class Bar:
    label: str
    done: int | None  # None: nothing to show for the year (not begun, no such pledge)
    target: int | None


def history_chart(chart_id: str, bars: list[Bar], *, title: str, desc: str, done_label: str,
                  target_label: str) -> Markup:
    """What was done (left) and what was promised (right) per year; a year with nothing to
    show has a "–"."""
    highest = max([b.done or 0 for b in bars] + [b.target or 0 for b in bars] + [1])
    drawing = Drawing("bar", 60 + 52 * max(len(bars), 1), 190, {
        "x_labels": [b.label for b in bars], "print_values": True, "print_zeroes": True,
        "print_values_position": "top", "order_min": 0, "min_scale": 2, "max_scale": 4,
        "range": (0, highest * 1.2), "explicit_size": True})
    drawing.add(done_label, [
        b.done if b.done is not None else {"value": 0, "formatter": lambda _v: "–"}
        for b in bars], Look(INK, legend="box"))
    drawing.add(target_label, [b.target for b in bars], Look(TARGET, legend="box"))
    return drawing.render(chart_id, title, desc, css_class="chart")
