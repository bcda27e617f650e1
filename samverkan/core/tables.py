"""Tables and text that fit a width: the terminal's, or 100 columns when piped.

`layout` decides the width of every column of a table so that the whole line fits:
long cells are wrapped at spaces, never inside a word (nor at the hyphen of a compound
like `ansvarsfull-alkoholservering`), so a date, a week or an id stays whole. When even
the narrowest columns do not fit, the table is split into parts that each repeat its
first column. `plain_table` prints the parts as plain
text; `rich_tables` gives them as rich tables with the same widths; `wrap_lines` wraps
prose (pace advice, notes) with a hanging indent. `width=None` means no limit.

Pure standard-library code (rich only inside `rich_tables`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any, NamedTuple

GAP = 2  # spaces between two columns
PIPED_WIDTH = 100  # plain text into a pipe or a file fits this, unless asked for wide lines


def _wrap_line(line: str, width: int) -> list[str]:
    """One line of a cell, wrapped at word boundaries; an indent is kept on every line."""
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(line.lstrip(" "), width, initial_indent=indent,
                         subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [line]


def wrap_cell(text: str, width: int | None) -> list[str]:
    """The lines of a cell at `width` (its own lines, each wrapped)."""
    lines = str(text).split("\n")
    if width is None:
        return lines
    return [part for line in lines for part in _wrap_line(line, width)]


def min_width(text: str) -> int:
    """The narrowest the cell can be: its longest word (with its line's indent)."""
    return max(len(part) for part in wrap_cell(text, 1))


def natural_width(text: str) -> int:
    return max(len(line) for line in str(text).split("\n"))


def _fit(naturals: list[int], minimums: list[int], width: int) -> list[int] | None:
    """Column widths within `width` (gaps included), taking from the widest columns
    first; None when even the minimums do not fit."""
    room = width - GAP * (len(naturals) - 1)
    if sum(naturals) <= room:
        return list(naturals)
    if sum(minimums) > room:
        return None
    widths = list(naturals)
    while sum(widths) > room:  # one column at a time from the widest that may shrink
        widest = max((i for i, w in enumerate(widths) if w > minimums[i]),
                     key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _split(naturals: list[int], minimums: list[int], width: int) -> list[list[int]]:
    """Groups of columns, each starting with the first, that fit `width` at their
    natural widths where they can; then evened out, so that the last is not a stub."""

    def fits(group: list[int]) -> bool:
        return sum(naturals[j] for j in group) + GAP * (len(group) - 1) <= width

    groups, current = [], [0]
    for i in range(1, len(naturals)):
        if len(current) > 1 and not fits(current + [i]):
            groups.append(current)
            current = [0, i]
        else:
            current = current + [i]
    groups.append(current)
    for k in range(len(groups) - 2, -1, -1):  # move columns on while that evens them out
        while (len(groups[k]) > len(groups[k + 1]) + 1
               and fits([0, groups[k][-1]] + groups[k + 1][1:])):
            groups[k + 1].insert(1, groups[k].pop())
    return groups


class Part(NamedTuple):
    """One printable table: its columns (indexes into the original), widths, and the
    header and rows with every cell wrapped to its width."""

    columns: tuple[int, ...]
    widths: tuple[int, ...]
    headers: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]


def layout(headers: Sequence[str], rows: Sequence[Sequence[Any]],
           width: int | None) -> list[Part]:
    """The table as one part, or as several that each repeat the first column."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    count = len(headers)
    naturals = [max(natural_width(r[i]) for r in cells) for i in range(count)]
    minimums = [max(min_width(r[i]) for r in cells) for i in range(count)]
    if width is not None and sum(naturals) + GAP * (count - 1) > width:
        # too wide: a header goes on two lines before a cell of the table is wrapped
        naturals = [max([min_width(cells[0][i])] + [natural_width(r[i]) for r in cells[1:]])
                    for i in range(count)]
    groups: list[list[int]]
    if width is None or _fit(naturals, minimums, width) is not None or count < 3:
        groups = [list(range(count))]
    else:
        groups = _split(naturals, minimums, width)
    parts = []
    for group in groups:
        fitted = (None if width is None else
                  _fit([naturals[j] for j in group], [minimums[j] for j in group], width))
        widths = fitted or [naturals[j] if width is None else minimums[j] for j in group]
        wrapped = [tuple(tuple(wrap_cell(r[j], w)) for j, w in zip(group, widths, strict=True))
                   for r in cells]
        parts.append(Part(tuple(group), tuple(widths), wrapped[0], tuple(wrapped[1:])))
    return parts


def _lines(cells: Sequence[Sequence[str]], widths: Sequence[int],
           bottom: bool = False) -> list[str]:
    """The lines of one row; `bottom` puts short cells at the bottom (headers)."""
    height = max((len(c) for c in cells), default=1)
    if bottom:
        cells = [[""] * (height - len(c)) + list(c) for c in cells]
    out = []
    for k in range(height):
        texts = [c[k] if k < len(c) else "" for c in cells]
        out.append((" " * GAP).join(t.ljust(w) for t, w in zip(texts, widths, strict=True))
                   .rstrip())
    return out


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                width: int | None = None) -> str:
    """A plain-text table (headers underlined with dashes, columns two spaces apart)
    whose every line fits `width`, without a trailing newline."""
    blocks = []
    for part in layout(headers, rows, width):
        lines = _lines(part.headers, part.widths, bottom=True)
        lines.append((" " * GAP).join("-" * w for w in part.widths))
        for row in part.rows:
            lines += _lines(row, part.widths)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def rich_tables(headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int | None,
                styles: Sequence[Sequence[str | None]] | None = None,
                title: str | None = None) -> list[Any]:
    """The same parts as rich tables (a rule under the headers, colour from `styles`:
    one style or None per cell); the title goes on the first."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from samverkan.core.text import terminal_safe

    # (rich writes its own escapes around the text: the text itself must hold none)
    headers = [terminal_safe(str(h)) for h in headers]
    rows = [[terminal_safe(str(c)) for c in row] for row in rows]
    tables = []
    for n, part in enumerate(layout(headers, rows, width)):
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                      collapse_padding=True, title=title if n == 0 else None,
                      title_justify="left", title_style="", expand=False)
        for head, w in zip(part.headers, part.widths, strict=True):
            table.add_column("\n".join(head), width=w, no_wrap=True, overflow="ignore")
        for r, row in enumerate(part.rows):
            texts = []
            for j, cell in zip(part.columns, row, strict=True):
                style = styles[r][j] if styles is not None else None
                texts.append(Text("\n".join(cell), style=style or ""))
            table.add_row(*texts)
        tables.append(table)
    return tables


def wrap_lines(lines: Sequence[str], width: int | None, indent: str = "  ") -> list[str]:
    """Prose lines wrapped at `width`; a wrapped line goes on with `indent`, or under the
    text of a bulleted line (`- …`, `• …`), so that a list stays a list."""
    if width is None:
        return list(lines)
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip(" -•"))]
        out += textwrap.wrap(line, width, subsequent_indent=" " * len(lead) if lead else indent,
                             break_long_words=False, break_on_hyphens=False) or [line]
    return out
