"""Small charts as hand-made inline SVG: no matplotlib, nothing fetched, nothing run.

A chart is a few rectangles, lines and labels with a `<title>` and a `<desc>` that say
in words what it shows; the page puts the same numbers in a table beside it. Drawing
them by hand keeps `publish` fast (matplotlib alone takes over a second to import).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

INK = "#1f2937"     # labels (contrast 14.7:1 on white)
BAR = "#1f3a5f"     # done (11.4:1)
TARGET = "#9a3412"  # the promised amount (7.0:1)
RULE = "#6b7280"    # axis (4.8:1)


@dataclass(frozen=True)
class Bar:
    label: str
    done: int | None  # None: nothing to show for the year (not begun, no such pledge)
    target: int | None


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def history_chart(chart_id: str, bars: list[Bar], *, title: str, desc: str, done_label: str,
                  target_label: str) -> Markup:
    """Bars of what was done per year, each with a mark at what was promised."""
    slot = 56
    left, right, top, bottom = 12, 12, 30, 26
    width = left + right + slot * max(len(bars), 1)
    height = 150
    plot = height - top - bottom
    highest = max([b.done or 0 for b in bars] + [b.target or 0 for b in bars] + [1])

    def y(value: float) -> float:
        return top + plot - plot * value / highest

    parts = [
        (f'<svg class="chart" viewBox="0 0 {width} {height}" '
         f'width="{width}" height="{height}" role="img" '
         f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'),
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        # legend
        f'<rect x="{left}" y="6" width="10" height="10" fill="{BAR}"/>',
        f'<text x="{left + 14}" y="15" font-size="11" fill="{INK}">{escape(done_label)}</text>',
        (f'<line x1="{left + 80}" y1="11" x2="{left + 96}" y2="11" stroke="{TARGET}" '
         f'stroke-width="3"/>'),
        (f'<text x="{left + 100}" y="15" font-size="11" fill="{INK}">{escape(target_label)}'
         '</text>'),
        (f'<line x1="{left}" y1="{_num(top + plot)}" x2="{width - right}" '
         f'y2="{_num(top + plot)}" stroke="{RULE}" stroke-width="1"/>'),
    ]
    for index, bar in enumerate(bars):
        x = left + slot * index
        middle = x + slot / 2
        parts.append(f'<text x="{_num(middle)}" y="{height - 8}" font-size="11" '
                     f'text-anchor="middle" fill="{INK}">{escape(bar.label)}</text>')
        if bar.done is None:
            parts.append(f'<text x="{_num(middle)}" y="{_num(top + plot - 4)}" font-size="11" '
                         f'text-anchor="middle" fill="{INK}">–</text>')
            continue
        bar_top = y(bar.done)
        parts.append(f'<rect x="{_num(x + 14)}" y="{_num(bar_top)}" width="{slot - 28}" '
                     f'height="{_num(top + plot - bar_top)}" fill="{BAR}"/>')
        if bar.target is not None:
            mark = y(bar.target)
            parts.append(f'<line x1="{_num(x + 8)}" y1="{_num(mark)}" x2="{_num(x + slot - 8)}" '
                         f'y2="{_num(mark)}" stroke="{TARGET}" stroke-width="3"/>')
        label_y = min(bar_top, y(bar.target) if bar.target is not None else bar_top) - 4
        parts.append(f'<text x="{_num(middle)}" y="{_num(label_y)}" font-size="11" '
                     f'text-anchor="middle" fill="{INK}">{bar.done}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
