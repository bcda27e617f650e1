"""The charts' one library, one style, and the one step that makes a chart inline HTML.

Every chart samverkan draws (the report's, the lägesbild's, the published site's) is a
pygal chart (pure Python, SVG only) built through `Drawing`: the colours, fonts, sizes and
line styles are here, and so is `Drawing.render`, which turns the chart into an `<svg>`
element to inline in a self-contained HTML page:

- no script, no comment, no XML prolog, no namespace URL, nothing fetched (no font either:
  text stays text, in the reader's own sans-serif);
- `role="img"`, `aria-labelledby` naming a `<title>` and a `<desc>` that say in words what
  the chart shows (the pages put the same values in a table beside it); pygal's tooltip
  data, meant for a script we do not ship, is left out;
- the chart's stylesheet scoped to its own id, so that many charts share one page;
- a `viewBox`, so that the chart shrinks with the page (320 px wide and up) and prints.

pygal is imported only when a chart is rendered. Nothing is written and the clock is not
read (pygal's comment with today's date is left out, so the same chart is the same bytes);
pygal reads the stylesheet `chart.css` beside this module.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

INK = "#1f3a5f"          # done; the newest year; bars (11.4:1 on white)
PACE = "#6b7280"         # the pace line (4.8:1)
TARGET = "#b45309"       # the target (5.0:1)
BASELINE = "#6b7280"     # a goal's baseline
REQUIREMENT = "#0f766e"  # a requirement (5.5:1)
VIOLET = "#7c3aed"
MARK = "#9ca3af"         # the day the chart is drawn for
TEXT = "#374151"         # axis labels and legends (10.3:1)
GRID = "#e5e7eb"
PALETTE = (INK, TARGET, REQUIREMENT, VIOLET, PACE)
DASHES = ("", "5,3", "1.5,2.5", "6,2,1.5,2", "9,3,2,3")
FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
MONTHS = {
    "sv": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
FONT_SIZE = 12
STYLESHEET = Path(__file__).with_name("chart.css")  # filled in by pygal for each chart
MARGIN = 6


def decimal(value: float, lang: str) -> str:
    """A number as the charts write it: a decimal comma and a real minus sign in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",").replace("-", "−") if lang == "sv" else text


def band_colour(colour: str, opacity: float = 0.22) -> str:
    """`colour` (`#rrggbb`) see-through, for a band: what lies under it stays visible."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {opacity})"


@dataclass(frozen=True)
class Look:
    """How one series is drawn: its colour, the width and dashes of its line (no line when
    `width` is 0), the radius of a dot at each value (0: none), whether the area it
    encloses is filled (a band), and whether its legend shows a line or a box."""

    colour: str
    width: float = 1.5
    dash: str = ""
    dots: float = 0.0
    fill: bool = False
    legend: str = "line"


@dataclass
class Drawing:
    """A chart being built: `kind` is `xy` (numbers on both axes), `line` (values over
    labelled positions), `bar` or `hbar` (bars over categories, upright or lying).

    `add` a series at a time, then `render`. `options` are pygal's chart options; the ones
    every chart shares (style, sizes, no script) are set here."""

    kind: str
    width: int
    height: int
    options: dict[str, Any] = field(default_factory=dict)
    series: list[tuple[str | None, list[Any], Look]] = field(default_factory=list)
    wrapped: list[list[str]] = field(default_factory=list)

    def add(self, title: str | None, values: Sequence[Any], look: Look) -> None:
        """A series; `title` None keeps it out of the legend (a band's edge, a marker)."""
        self.series.append((title, list(values), look))

    def category_labels(self, labels: Sequence[str], width: int = 34) -> list[str]:
        """The category labels of an `hbar`, wrapped to lines of at most `width` characters;
        returns what pygal is to measure (each label's longest line)."""
        self.wrapped = [textwrap.wrap(label, width) or [label] for label in labels]
        return [max(lines, key=len) for lines in self.wrapped]

    def render(self, chart_id: str, title: str, desc: str,
               css_class: str = "chart-svg") -> Markup:
        """The chart as an inline, labelled, self-contained `<svg>` (see the module's doc)."""
        import pygal
        from pygal.etree import etree
        from pygal.style import Style

        etree.to_etree()  # the standard library's, the same output whether lxml is there
        kinds = {"xy": pygal.XY, "line": pygal.Line, "bar": pygal.Bar,
                 "hbar": pygal.HorizontalBar}
        families = {f"{part}_font_family": "inherit" for part in (
            "label", "major_label", "value", "value_label", "tooltip", "title", "legend",
            "no_data")}
        style = Style(
            foreground=TEXT, font_family=FONT, guide_stroke_color=GRID,
            label_font_size=FONT_SIZE, major_label_font_size=FONT_SIZE,
            legend_font_size=FONT_SIZE, value_font_size=FONT_SIZE - 1,
            value_label_font_size=FONT_SIZE - 1, title_font_size=FONT_SIZE,
            no_data_font_size=FONT_SIZE, **families,
            colors=tuple(look.colour for _, _, look in self.series) or (INK,),
            value_colors=tuple(TEXT for _ in self.series))
        columns = self._legend_columns()
        options: dict[str, Any] = {
            "width": self.width, "height": self.height, "style": style, "js": [],
            "css": [f"file://{STYLESHEET}"], "no_data_text": "–",
            "disable_xml_declaration": True, "margin": MARGIN, "spacing": 8,
            "margin_bottom": self._legend_room(columns),
            "legend_at_bottom": True, "legend_box_size": 11,
            "legend_at_bottom_columns": columns,
            "truncate_legend": -1, "truncate_label": -1, "show_x_guides": False,
            "show_legend": any(t is not None for t, _, _ in self.series),
            "print_zeroes": False, **self.options}
        chart = kinds[self.kind](**options)
        chart.uuid = chart_id  # the stylesheet is scoped to `#chart-<chart_id>`
        for name, values, look in self.series:
            chart.add(name, values, stroke=look.width > 0 or look.fill,
                      show_dots=look.dots > 0, dots_size=look.dots or 2.5, fill=look.fill,
                      allow_interruptions=True, stroke_style=_stroke(look))
        chart.add_xml_filter(lambda root: self._inline(root, chart_id, title, desc, css_class))
        return Markup(chart.render(is_unicode=True))

    def _legend_columns(self) -> int:
        """As many legend entries side by side as fit the width, at most four."""
        titles = [t for t, _, _ in self.series if t is not None]
        if not titles:
            return 1
        entry = 11 + 5 + 0.6 * FONT_SIZE * max(len(t) for t in titles) + 10
        return max(1, min(len(titles), 4, int((self.width - 40) // entry)))

    def _legend_room(self, columns: int) -> float:
        """The bottom margin that leaves room for the legend's rows: pygal reserves
        (number of series) // columns rows, counting the series kept out of the legend
        and rounding down."""
        titles = sum(1 for t, _, _ in self.series if t is not None)
        if not titles:  # no legend, no room
            return MARGIN
        needed = -(-titles // columns)
        reserved = len(self.series) // columns
        return MARGIN + (needed - reserved) * 1.5 * FONT_SIZE

    def _inline(self, root: Any, chart_id: str, title: str, desc: str,
                css_class: str) -> Any:
        """pygal's tree made fit to inline (see the module's doc); runs inside `render`."""
        from pygal.etree import etree

        root.attrib.pop("xmlns", None)
        root.set("class", css_class)
        root.set("role", "img")
        root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
        for parent in list(root.iter()):
            for child in list(parent):
                if (not isinstance(child.tag, str) or child.tag in ("script", "desc", "title")):
                    parent.remove(child)
        for element in root.iter():
            if element is not root:
                element.attrib.pop("id", None)
            for name in GEOMETRY.intersection(element.attrib):
                element.set(name, _LONG_NUMBER.sub(_two_decimals, element.get(name)))
        self._legend_lines(root)
        self._wrap_labels(root)
        if self.kind == "hbar":  # a value after the end of its bar, not across it
            for text in root.iter("text"):
                if "value" in text.get("class", "").split():
                    text.set("text-anchor", "start")
        head = [etree.Element("title", id=f"{chart_id}-title"),
                etree.Element("desc", id=f"{chart_id}-desc")]
        head[0].text, head[1].text = title, desc
        for index, element in enumerate(head):
            root.insert(index, element)
        return root

    def _legend_lines(self, root: Any) -> None:
        """A line series' legend entry shows a piece of its line (colour, width, dashes)
        rather than pygal's box, so that the legend reads in grey on paper too."""
        entries = [look for t, _, look in self.series if t is not None]
        legends = [g for g in root.iter("g") if g.get("class", "").startswith("legend ")]
        for look, legend in zip(entries, legends):
            box = legend.find("rect")
            if box is None or look.legend != "line":
                continue
            x, y = float(box.get("x", 0)), float(box.get("y", 0))
            size = float(box.get("width", 11))
            legend.remove(box)
            width = max(look.width, 1.2)
            line = legend.makeelement("path", {
                "d": f"M{x - 3:g} {y + size / 2:g}h{size + 6:g}",
                "style": (f"fill:none;stroke:{look.colour};stroke-width:{width:g}"
                          + (f";stroke-dasharray:{look.dash}" if look.dash else ""))})
            legend.insert(0, line)
            text = legend.find("text")
            if text is not None:
                text.set("x", f"{float(text.get('x', 0)) + 4:g}")

    def _wrap_labels(self, root: Any) -> None:
        """The categories of an `hbar` on as many lines as `category_labels` wrapped them."""
        if not self.wrapped:
            return
        axis = next((g for g in root.iter("g") if g.get("class") == "axis y"), None)
        if axis is None:
            return
        for text, lines in zip(list(axis.iter("text")), self.wrapped):
            if len(lines) < 2:
                continue
            x = text.get("x", "0")
            text.text = None
            step = FONT_SIZE * 1.15
            for index, line in enumerate(lines):
                dy = -step * (len(lines) - 1) / 2 if index == 0 else step
                span = text.makeelement("tspan", {"x": x, "dy": f"{dy:g}"})
                span.text = line
                text.append(span)


GEOMETRY = {"d", "x", "y", "cx", "cy", "r", "width", "height", "transform"}
_LONG_NUMBER = re.compile(r"\d+\.\d{3,}")


def _two_decimals(match: re.Match[str]) -> str:
    """A coordinate to a hundredth of a pixel: the same drawing in half the bytes."""
    return f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")


def _stroke(look: Look) -> dict[str, Any]:
    stroke: dict[str, Any] = {"width": f"{look.width:g}", "linejoin": "round"}
    if look.dash:
        stroke["dasharray"] = look.dash
    return stroke

