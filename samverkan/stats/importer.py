"""`samverkan data import`: a statistics export's values into a series file, all or nothing.

The export is read by `statcsv.read_export` (pure); `import_values` then edits the
series file's text under `writer.update_file` (lock, re-check, atomic replace). Each
imported figure is one line `- {period: …, value: …, file: …, imported: …}` placed in
period order; a line the tool wrote before is replaced when the figure changed, and a
figure a person wrote (with `source_text`, a range, or on several lines) is never
changed: a different imported value for it is a conflict, and nothing is written. The
new text is read back and compared before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, Problem, SamverkanError, UsageError, WriteFailed
from samverkan.core.writer import _end_line, append_item, update_file
from samverkan.core.yamlfile import child_node, flow_mapping
from samverkan.stats.periods import Period
from samverkan.stats.series import (
    Series,
    SeriesValue,
    load_series_bytes,
    load_valid_series,
    series_path,
)
from samverkan.stats.statcsv import ExportTable, ExportValue, read_export


class ImportFailed(SamverkanError):
    """The export has lines that cannot be read, or conflicts with the series; nothing written."""

    exit_code = 1


@dataclass(frozen=True)
class ImportResult:
    path: Path
    series: str
    added: int
    changed: int
    unchanged: int
    first: Period
    last: Period


def read_export_file(path: Path, column: str | None, row: str | Sequence[str] | None,
                     lang: str = "sv") -> ExportTable:
    from samverkan.core.yamlfile import read_bytes

    return read_export(read_bytes(path, lang), str(path), column, row, lang)


def _item(value: ExportValue, label: str, today: dt.date) -> dict:
    return {"period": value.period.yaml_value(), "value": value.value, "file": label,
            "imported": today}


def _written_by_tool(node: Node, entry: object) -> bool:
    return (isinstance(node, MappingNode) and bool(node.flow_style)
            and node.start_mark.line == node.end_mark.line
            and getattr(entry, "source_text", None) is None
            and getattr(entry, "value", None) is not None)


def _dash_offset(lines: list[str], starts: list[int], node: Node) -> int:
    """Offset of the start of the line holding the `-` that opens this list item, above
    the comment lines that describe the item."""
    line = node.start_mark.line
    while line > 0 and not lines[line].lstrip(" ").startswith("-"):
        line -= 1
    while line > 0 and lines[line - 1].lstrip(" ").startswith("#"):
        line -= 1
    return starts[line]


def merge_values(text: str, root: Node, series: Series, values: list[ExportValue],
                 label: str, today: dt.date, path: str,
                 lang: str = "sv") -> tuple[str, tuple[int, int, int]]:
    """`text` with `values` merged into its `values:` list; (added, changed, unchanged)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    _, seq = child_node(root, "values")
    pending = list(values)
    added = changed = unchanged = 0
    if not (isinstance(seq, SequenceNode) and seq.value):
        first = pending.pop(0)
        text = append_item(text, root, _item(first, label, today), "values")
        added += 1
        reloaded = load_series_bytes(text.encode("utf-8"), path, lang)
        assert reloaded.root is not None and isinstance(reloaded.plan, Series)
        root, series = reloaded.root, reloaded.plan
        _, seq = child_node(root, "values")
    assert isinstance(seq, SequenceNode)
    if seq.flow_style:
        raise UsageError(tr(lang, "import_flow_list", path=path))

    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    items = list(zip(seq.value, series.values))
    plain = [(node, entry) for node, entry in items if entry.category is None]
    edits: list[tuple[int, int, int, str]] = []  # (offset, end, order, new text)
    conflicts: list[Problem] = []
    indent_line = lines[seq.value[0].start_mark.line]
    indent = " " * (len(indent_line) - len(indent_line.lstrip(" ")))
    after_last = _end_line(seq.value[-1]) + 1
    end_offset = starts[min(after_last, len(lines))]
    for order, value in enumerate(pending):
        match = next(((n, e) for n, e in plain if e.when == value.period), None)
        flow = flow_mapping(_item(value, label, today))
        if match is None:
            later = [n for n, e in items if e.when > value.period]
            offset = _dash_offset(lines, starts, later[0]) if later else end_offset
            edits.append((offset, offset, order, f"{indent}- {flow}{newline}"))
            added += 1
            continue
        node, entry = match
        if entry.value is not None and entry.value == value.value:
            unchanged += 1
        elif _written_by_tool(node, entry):
            edits.append((node.start_mark.index, node.end_mark.index, order, flow))
            changed += 1
        else:
            shown = (f"{_num(entry.low, lang)}–{_num(entry.high, lang)}"
                     if entry.value is None else _num(entry.value, lang))
            conflicts.append(Problem(path, node.start_mark.line + 1, node.start_mark.column + 1,
                                     "error", tr(lang, "import_conflict", period=str(value.period),
                                                 old=shown, new=_num(value.value, lang),
                                                 line=value.line)))
    if conflicts:
        raise PlanInvalid(tr(lang, "import_conflicts", path=path, count=len(conflicts)), conflicts)
    if edits and end_offset == len(text) and text and not text.endswith(("\n", "\r")):
        text += newline
    for offset, end, _, new in sorted(edits, key=lambda e: (e[0], e[2]), reverse=True):
        text = text[:offset] + new + text[end:]
    return text, (added, changed, unchanged)


def _num(value: float | None, lang: str) -> str:
    """A figure in full, the way the export wrote it: `19,5` in Swedish, `19.5` in English;
    `72266` (no exponent, no rounding)."""
    if value is None:
        return "–"
    text = repr(float(value))
    if "e" in text:
        text = f"{value:.15f}".rstrip("0")
    text = text.removesuffix(".0").removesuffix(".")
    return text.replace(".", ",") if lang == "sv" else text


def import_values(table: ExportTable, folder: Path, series_id: str, today: dt.date,
                  lang: str = "sv") -> ImportResult:
    """Merge the export's values into `folder/series_id.yaml`; nothing written on any error."""
    from samverkan.core.inputs import refuse_identity_numbers

    path = series_path(folder, series_id, lang)
    if not table.ok:
        errors = sum(p.severity == "error" for p in table.problems)
        raise ImportFailed(tr(lang, "import_unreadable", path=table.path, count=errors))
    label = Path(table.path).name
    refuse_identity_numbers({"FIL": label}, lang, "identity_number_file")
    series = load_valid_series(path, lang).plan
    _check_frequency(series, table, lang)
    _check_range(series, table, lang)

    def transform(raw: bytes) -> tuple[bytes, ImportResult]:
        series, text, root = _editable(raw, path, lang)
        _check_frequency(series, table, lang)
        text, (added, changed, unchanged) = merge_values(
            text, root, series, table.values, label, today, str(path), lang)
        _verify(text, path, table.values, lang)
        result = ImportResult(path, series.id, added, changed, unchanged,
                              table.values[0].period, table.values[-1].period)
        return text.encode("utf-8"), result

    return update_file(path, transform, lang)


def _editable(raw: bytes, path: Path, lang: str) -> tuple[Series, str, Node]:
    """The series in the bytes a write is about to change, with its text and YAML tree;
    `PlanInvalid` with its errors when it has any."""
    loaded = load_series_bytes(raw, str(path), lang)
    series = loaded.plan
    errors = [p for p in loaded.problems if p.severity == "error"]
    if not isinstance(series, Series) or loaded.root is None or loaded.text is None or errors:
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), errors)
    return series, loaded.text, loaded.root


def _check_range(series: object, table: ExportTable, lang: str) -> None:
    """Every value lies in the range of the series' unit (`core.units`: a share in %
    between 0 and 100), each one that does not reported at its line of the export."""
    from samverkan.core.units import in_range, shown, value_range

    assert isinstance(series, Series)
    low, high = value_range(series.unit)
    problems = [Problem(table.path, v.line, 1, "error", tr(
        lang, "import_out_of_range", value=shown(v.value), period=str(v.period),
        low=shown(low), high=shown(high), id=series.id, unit=series.unit))
        for v in table.values if not in_range(v.value, series.unit)]
    if problems:
        raise PlanInvalid(tr(lang, "import_out_of_range_summary", count=len(problems),
                             path=table.path, id=series.id), problems)


def _check_frequency(series: object, table: ExportTable, lang: str) -> None:
    assert isinstance(series, Series)
    if table.frequency != series.frequency:
        raise UsageError(tr(lang, f"import_not_{series.frequency}", id=series.id,
                            file=table.path))


def _verify(text: str, path: Path, values: list[ExportValue], lang: str) -> None:
    """Read the new text back: it must be a valid series holding every imported value."""
    loaded = load_series_bytes(text.encode("utf-8"), str(path), lang)
    series = loaded.plan
    ok = isinstance(series, Series) and not any(p.severity == "error" for p in loaded.problems)
    if ok:
        assert isinstance(series, Series)
        for value in values:
            found = series.at(value.period)
            if found is None or found.value != value.value:
                ok = False
                break
    if not ok:
        raise WriteFailed(tr(lang, "import_verify_failed", path=path))


# --- one value, as `samverkan measure` records it for a goal that reads this series ----


@dataclass(frozen=True)
class Recorded:
    """What `record_value` wrote: the value as it now stands, and the one it replaced."""

    path: Path
    value: SeriesValue
    replaced: SeriesValue | None


def record_value(path: Path, period: Period, value: float, source: str | None, day: dt.date,
                 lang: str = "sv") -> Recorded:
    """Write one yearly figure into the series at `path` as one line
    `- {period: …, value: …, source: …, imported: DAY}`, in period order; a figure of the
    same period that the tool wrote is replaced (its source stays unless a new one is
    given), one a person wrote with its source sentence or as a range is never changed.
    Under `writer.update_file`'s lock; the new text is read back before it is written."""
    from samverkan.core.writer import encode_like, replace_item

    def transform(raw: bytes) -> tuple[bytes, Recorded]:
        series, text, root = _editable(raw, path, lang)
        _, seq = child_node(root, "values")
        items = list(zip(seq.value, series.values)) if isinstance(seq, SequenceNode) else []
        if isinstance(seq, SequenceNode) and seq.flow_style and seq.value:
            raise UsageError(tr(lang, "import_flow_list", path=path))
        same = [(i, node, entry) for i, (node, entry) in enumerate(items)
                if entry.category is None and entry.when == period]
        replaced = same[0][2] if same else None
        kept = source if source is not None else (replaced.source if replaced else None)
        item = {"period": period.yaml_value(), "value": value, "source": kept, "imported": day}
        item = {k: v for k, v in item.items() if v is not None}
        if same:
            index, node, entry = same[0]
            if not _written_by_tool(node, entry):
                shown = (f"{_num(entry.low, lang)}–{_num(entry.high, lang)}"
                         if entry.value is None else _num(entry.value, lang))
                raise UsageError(tr(lang, "measure_series_by_hand", year=str(period), path=path,
                                    value=shown, line=node.start_mark.line + 1))
            assert isinstance(seq, SequenceNode)
            text = replace_item(text, seq, index, item)
        else:
            later = [n for n, e in items if e.when > period]
            if later:
                lines = text.splitlines(keepends=True)
                starts = [0]
                for line in lines:
                    starts.append(starts[-1] + len(line))
                offset = _dash_offset(lines, starts, later[0])
                first = lines[later[0].start_mark.line]
                indent = " " * (len(first) - len(first.lstrip(" ")))
                newline = "\r\n" if "\r\n" in text else "\n"
                text = f"{text[:offset]}{indent}- {flow_mapping(item)}{newline}{text[offset:]}"
            else:
                text = append_item(text, root, item, "values")
        check = load_series_bytes(text.encode("utf-8"), str(path), lang)
        after = check.plan
        written = after.at(period) if isinstance(after, Series) else None
        others = [v for v in series.values if not (v.category is None and v.when == period)]
        if (not isinstance(after, Series) or written is None or written.value != value
                or any(p.severity == "error" for p in check.problems)
                or [v for v in after.values if not (v.category is None and v.when == period)]
                != others):
            raise WriteFailed(tr(lang, "import_verify_failed", path=path))
        return encode_like(raw, text), Recorded(path, written, replaced)

    return update_file(path, transform, lang)
