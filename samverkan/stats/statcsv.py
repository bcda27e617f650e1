"""Reading a statistics office's CSV export into (period, value) pairs, with problems as data.

What SCB, Brå and the municipality's own systems export: `;` (or tab) between fields,
a decimal comma, spaces or non-breaking spaces between thousands, `..` for a figure that
is not available, title lines above the header row and footnotes below the table, UTF-8
or Windows-1252. Two layouts are read:

- *long*: one line per period, a column of periods (`2021`, `2021M03`, `2021-03`) and a
  column of values (`--column NAME` picks one when there are several);
- *wide*: periods across the header row and one row per series (`--row TEXT` picks one
  when there are several).

`--row` may be given several times: a line is chosen when every text is found in it (in
one of its label cells, or in its whole label "2482 Skellefteå totalt"), and among the
lines found, those whose label or cell is exactly the text win ("Skellefteå" over
"Skellefteå-Norsjö"). So a region × gender table is narrowed with
`--row Skellefteå --row totalt`, or with the full label.

`read_export(raw, path)` never raises on bad content: every line it cannot read becomes
a `Problem` at its line and column, and a figure marked as missing (`..`) a warning.
Pure: bytes in, values and problems out, no file is touched.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from samverkan.core.i18n import tr
from samverkan.core.problems import Problem
from samverkan.core.units import in_range
from samverkan.core.years import PeriodError
from samverkan.stats.periods import Period, looks_like_period, parse_export_period

MISSING = {
    "..": "csv_missing_dots",
    ".": "csv_missing_dot",
    "-": "csv_missing_dash",
    "–": "csv_missing_dash",
    "": "csv_missing_empty",
}
PERIOD_HEADERS = {"år", "månad", "period", "tid", "år och månad", "year", "month", "time"}
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$")
_PLAIN_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")
_DOTTED = re.compile(r"^-?[\d.]*\.[\d.]*(?:,\d+)?$")


@dataclass(frozen=True)
class ExportValue:
    period: Period
    value: float
    line: int


@dataclass
class ExportTable:
    """What was read: the values in period order, and every problem found on the way."""

    path: str
    encoding: str = "utf-8"
    layout: str = ""
    column: str = ""
    values: list[ExportValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.values) and not any(p.severity == "error" for p in self.problems)

    @property
    def frequency(self) -> str | None:
        return self.values[0].period.frequency if self.values else None


class _NotANumber(ValueError):
    pass


def parse_number(text: str) -> float | None:
    """`72 266` → 72266.0, `16,5` → 16.5, `..` → None (missing); raises for anything else."""
    value = text.strip()
    if value in MISSING:
        return None
    value = value.removesuffix("%").strip().replace("\u2212", "-")
    if _THOUSANDS.match(value):
        value = re.sub(r"[ \u00a0\u202f]", "", value)
    elif not _PLAIN_NUMBER.match(value):
        raise _NotANumber("csv_number_dot" if _DOTTED.match(value) else "csv_not_a_number")
    number = float(value.replace(",", "."))
    if not in_range(number, None):  # (a cell of 400 nines is `inf` as a float)
        raise _NotANumber("csv_number_too_large")
    return number


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), UTF-16 with a BOM
    (Excel's "Unicode text"), else Windows-1252 (what Swedish Windows calls ANSI)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # a file cut off inside a character keeps its lines; the broken end shows as U+FFFD
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def split_line(line: str, sep: str) -> list[tuple[str, int]] | None:
    """The fields of one line with their 1-based columns; `"…"` quotes (with `""` inside)
    are removed. None when a quote is not closed on the line."""
    fields: list[tuple[str, int]] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] == " ":
            i += 1
        start = i
        if i < n and line[i] == '"':
            buf: list[str] = []
            i += 1
            while True:
                if i >= n:
                    return None
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(line[i])
                i += 1
            end = line.find(sep, i)
            rest = line[i:end if end >= 0 else n]
            fields.append(("".join(buf) + rest.strip(), start + 1))
        else:
            end = line.find(sep, i)
            fields.append((line[i:end if end >= 0 else n].strip(), start + 1))
        if end < 0:
            return fields
        i = end + 1


def _separator(text: str) -> str | None:
    if ";" in text:
        return ";"
    if "\t" in text:
        return "\t"
    return None


@dataclass
class _Line:
    number: int
    fields: list[tuple[str, int]]

    def cell(self, index: int) -> tuple[str, int]:
        return self.fields[index] if index < len(self.fields) else ("", 1)

    def texts(self) -> list[str]:
        return [text for text, _ in self.fields]


class _Reader:
    def __init__(self, path: str, column: str | None, rows: tuple[str, ...], lang: str):
        self.table = ExportTable(path)
        self.column = column
        self.rows = rows
        self.lang = lang

    def problem(self, line: int, col: int, key: str, severity: str = "error", **kw: object) -> None:
        self.table.problems.append(
            Problem(self.table.path, line, col, severity, tr(self.lang, key, **kw)))  # type: ignore[arg-type]

    def row_not_found(self, line: int, rows: list[str]) -> None:
        if len(self.rows) == 1:
            self.problem(line, 1, "csv_row_not_found", row=self.rows[0], rows=_listing(rows))
        else:
            self.problem(line, 1, "csv_rows_not_found", rows=_listing(rows),
                         wanted=", ".join(f"'{r}'" for r in self.rows))

    # --- the lines ------------------------------------------------------------------------

    def read(self, raw: bytes) -> ExportTable:
        from samverkan.core.yamlfile import MAX_BYTES, size_of

        if size_of(raw) > MAX_BYTES:
            self.problem(1, 1, "file_too_large", size=size_of(raw) // 2**20,
                         limit=MAX_BYTES // 2**20)
            return self.table
        text, self.table.encoding = decode(raw)
        sep = _separator(text)
        if sep is None:
            self.problem(1, 1, "csv_comma" if "," in text else "csv_no_separator")
            return self.table
        header: _Line | None = None
        data: list[_Line] = []
        for number, text_line in enumerate(text.splitlines(), start=1):
            fields = split_line(text_line, sep)
            if fields is None:
                self.problem(number, 1, "csv_open_quote")
                continue
            filled = [t for t, _ in fields if t]
            if header is None:
                if len(filled) >= 2:
                    header = _Line(number, fields)
                continue  # a title line above the table
            if not filled:
                continue
            if len(filled) == 1 and fields[0][0] and not looks_like_period(fields[0][0]):
                continue  # a footnote below the table
            data.append(_Line(number, fields))
        if header is None:
            self.problem(1, 1, "csv_no_header")
            return self.table
        width = len(header.fields)
        while width > 1 and not header.fields[width - 1][0]:
            width -= 1
        header.fields = header.fields[:width]
        kept: list[_Line] = []
        for line in data:
            extra = [t for t, _ in line.fields[width:] if t]
            if len(line.fields) < width or extra:
                self.problem(line.number, 1, "csv_field_count", found=len(line.fields),
                             expected=width, sep="tab" if sep == "\t" else sep)
            else:
                line.fields = line.fields[:width]
                kept.append(line)
        if not kept:
            if not self.table.problems:
                self.problem(header.number, 1, "csv_no_data")
            return self.table
        periods = self.header_periods(header)
        if periods is None:
            return self.table
        figure = next((text for index, (text, _) in enumerate(header.fields)
                       if index not in periods and text and _is_number(text)), None)
        if periods and figure is not None:
            self.problem(header.number, 1, "csv_header_is_data",
                         row=";".join(header.texts()), number=figure)
            return self.table
        if periods:
            self.read_wide(header, kept, periods)
        else:
            self.read_long(header, kept)
        self.finish()
        return self.table

    def header_periods(self, header: _Line) -> dict[int, Period] | None:
        found: dict[int, Period] = {}
        bad = False
        for index, (text, col) in enumerate(header.fields):
            try:
                period = parse_export_period(text)
            except PeriodError:
                self.problem(header.number, col, "csv_bad_period", value=text)
                bad = True
                continue
            if period is not None:
                found[index] = period
        return None if bad else found

    # --- periods across the header row ----------------------------------------------------

    def read_wide(self, header: _Line, lines: list[_Line], periods: dict[int, Period]) -> None:
        self.table.layout = "wide"
        labels = [i for i in range(len(header.fields)) if i not in periods]

        def label(line: _Line) -> str:
            return " ".join(line.cell(i)[0] for i in labels if line.cell(i)[0]) or "–"

        chosen = lines
        if self.rows:
            chosen = choose_lines(lines, labels, self.rows)
            if not chosen:
                self.row_not_found(header.number, [label(ln) for ln in lines])
                return
        if len(chosen) > 1:
            self.problem(chosen[1].number, 1,
                         "csv_many_rows_narrow" if self.rows else "csv_many_rows",
                         count=len(chosen), rows=_listing(label(ln) for ln in chosen))
            return
        line = chosen[0]
        self.table.column = label(line)
        for index, period in periods.items():
            text, col = line.cell(index)
            self.value(line.number, col, period, text)

    # --- one line per period -------------------------------------------------------------

    def read_long(self, header: _Line, lines: list[_Line]) -> None:
        self.table.layout = "long"
        names = header.texts()
        period_col = self.period_column(names, lines)
        if period_col is None:
            self.problem(header.number, 1, "csv_no_period_column", columns=_listing(names))
            return
        others = [i for i in range(len(names)) if i != period_col]
        if self.rows:
            lines = choose_lines(lines, others, self.rows)
            if not lines:
                self.row_not_found(header.number, names)
                return
        value_col = self.value_column(header, names, lines, others)
        if value_col is None:
            return
        self.table.column = names[value_col]
        seen: dict[Period, int] = {}
        for line in lines:
            text, col = line.cell(period_col)
            try:
                period = parse_export_period(text)
            except PeriodError:
                period = None
            if period is None:
                self.problem(line.number, col, "csv_bad_period", value=text)
                continue
            if period in seen:
                self.problem(line.number, col, "csv_duplicate_period", period=str(period),
                             first=seen[period])
                continue
            seen[period] = line.number
            text, col = line.cell(value_col)
            self.value(line.number, col, period, text)

    def period_column(self, names: list[str], lines: list[_Line]) -> int | None:
        for index, name in enumerate(names):
            if name.strip().casefold() in PERIOD_HEADERS:
                return index
        for index in range(len(names)):
            cells = [ln.cell(index)[0] for ln in lines]
            if cells and all(looks_like_period(c) for c in cells):
                return index
        return None

    def value_column(self, header: _Line, names: list[str], lines: list[_Line],
                     others: list[int]) -> int | None:
        if self.column is not None:
            wanted = self.column.strip().casefold()
            exact = [i for i in others if names[i].strip().casefold() == wanted]
            partial = [i for i in others if wanted in names[i].casefold()]
            found = exact or partial
            if len(found) == 1:
                return found[0]
            self.problem(header.number, 1, "csv_column_not_found", column=self.column,
                         columns=_listing(names[i] for i in others))
            return None
        numeric = others if len(others) == 1 else [
            i for i in others if _mostly_numbers([ln.cell(i)[0] for ln in lines])]
        if len(numeric) == 1:
            return numeric[0]
        key = "csv_many_value_columns" if numeric else "csv_no_value_column"
        self.problem(header.number, 1, key,
                     columns=_listing(names[i] for i in (numeric or others)))
        return None

    # --- one figure ----------------------------------------------------------------------

    def value(self, line: int, col: int, period: Period, text: str) -> None:
        try:
            number = parse_number(text)
        except _NotANumber as exc:
            self.problem(line, col, str(exc), value=text if len(text) <= 24 else text[:20] + "…")
            return
        if number is None:
            self.problem(line, col, MISSING[text.strip()], severity="warning", period=str(period))
            return
        self.table.values.append(ExportValue(period, number, line))

    def finish(self) -> None:
        values = self.table.values
        if values:
            frequency = values[0].period.frequency
            for v in values[1:]:
                if v.period.frequency != frequency:
                    self.problem(v.line, 1, "csv_mixed_periods", period=str(v.period),
                                 first=str(values[0].period), line_first=values[0].line)
        elif not any(p.severity == "error" for p in self.table.problems):
            self.problem(1, 1, "csv_no_values")
        values.sort(key=lambda v: v.period)
        self.table.problems.sort(key=lambda p: (p.line, p.col))


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except _NotANumber:
        return False
    return True


def _mostly_numbers(cells: list[str]) -> bool:
    """A column of figures: most of its filled cells are numbers (the others are then
    reported line by line, rather than the column being missed)."""
    filled = [c for c in cells if c.strip() not in MISSING]
    return bool(filled) and sum(map(_is_number, filled)) * 2 > len(filled)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _matches(cell: str, wanted: str) -> bool:
    return bool(wanted.strip()) and _folded(wanted) in _folded(cell)


def choose_lines(lines: list[_Line], cells: list[int], wanted: Sequence[str]) -> list[_Line]:
    """The lines that hold every text of `wanted` (in one of their `cells`, or in their
    whole label, the cells joined by spaces); when some of them hold every text exactly
    (as a whole cell or as the whole label), only those."""

    def texts(line: _Line) -> list[str]:
        parts = [line.cell(i)[0] for i in cells if line.cell(i)[0]]
        return parts + [" ".join(parts)]

    found = [ln for ln in lines if all(any(_matches(t, w) for t in texts(ln)) for w in wanted)]
    exact = [ln for ln in found
             if all(any(_folded(t) == _folded(w) for t in texts(ln)) for w in wanted)]
    return exact or found


def _listing(items: object, limit: int = 8) -> str:
    texts = [str(t) for t in items]  # type: ignore[attr-defined]
    shown = ", ".join(texts[:limit])
    return shown + (f", … ({len(texts)})" if len(texts) > limit else "")


def read_export(raw: bytes, path: str, column: str | None = None,
                row: str | Sequence[str] | None = None, lang: str = "sv") -> ExportTable:
    """The values of one series in an exported CSV file, and the problems found. `row`:
    one text or several (`--row` given more than once), all of which a line must hold."""
    rows = (row,) if isinstance(row, str) else tuple(row or ())
    return _Reader(path, column, tuple(r for r in rows if r.strip()), lang).read(raw)
