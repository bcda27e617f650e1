"""The base data of the joint situation picture: one series per file in `data/`.

A series file (`data/befolkning.yaml`) holds an `id` (the file's name), a `title`, a
`unit`, a `source`, a `frequency` (`year` or `month`) and `values`, each a period with a
value, or a range `low`–`high` where the source gives one ("3–4 %"; never a midpoint),
and where it came from: `source_text` (the sentence of the source document that gives
the figure), `file`/`imported` (written by `samverkan data import`) or `source`/`imported`
(written by `samverkan measure` for a goal that reads its values from the series;
`imported` is then the day the value became known). An optional
`category` splits one period into parts (the citizens' dialogue's respondents by gender).

Files are read with the plan files' loader (`core.yamlfile.read_model`), so a series gets
the same problems at the same lines; the checks across a file live here.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, Problem, UsageError
from samverkan.core.records import KEYS, RULES, Rules, none_as_empty
from samverkan.core.yamlfile import Finding, Loaded, Unreadable, read_bytes, read_model
from samverkan.core.years import PeriodError
from samverkan.plan.folder import data_dir, is_data_file  # noqa: F401 (they live there: light)
from samverkan.plan.model import Date, Slug, Text, check_value_or_range
from samverkan.stats.periods import Period, parse_period

FREQUENCIES = ("year", "month")
# The group's Markdown texts in the data folder (`data/NAME.md`), one per section of the
# lägesbild that is prose, in the source's order. The one list of their names: the
# lägesbild reads these, `validate` checks them (UTF-8, no identity numbers).
MARKDOWN_TEXTS = ("inledning", "samverkansavtal", "ovrig-samverkan", "trygghetsundersokningar",
                  "evenemang", "forebyggargrupper", "forutsattningar", "analys", "uppfoljning")


def _period(value: Any) -> str:
    try:
        return str(parse_period(value))
    except PeriodError:
        raise ValueError("series_bad_period") from None


PeriodText = Annotated[str, Rules(before=_period)]


class SeriesValue(NamedTuple):
    """One figure of a series: a value or a range, for a period (and a category)."""

    period: PeriodText
    category: Text | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    source_text: Text | None = None
    file: Text | None = None
    imported: Date | None = None
    note: Text | None = None
    source: Text | None = None  # where a value `samverkan measure` wrote comes from

    @property
    def when(self) -> Period:
        return parse_period(self.period)


class Series(NamedTuple):
    id: Slug
    title: Text
    unit: Text
    source: Text
    frequency: Literal["year", "month"]
    label: Text | None = None  # a short name for chart legends and table columns
    goal: Slug | None = None
    note: Text | None = None
    values: Annotated[tuple[SeriesValue, ...], Rules(before=none_as_empty)] = ()

    def points(self, category: str | None = None) -> list[SeriesValue]:
        """The values of one category (default: those without one), oldest first."""
        chosen = [v for v in self.values if v.category == category]
        return sorted(chosen, key=lambda v: v.when)

    @property
    def name(self) -> str:
        return self.label or self.title

    def at(self, period: Period, category: str | None = None) -> SeriesValue | None:
        text = str(period)  # a value's period is kept in this notation (`PeriodText`)
        return next((v for v in self.values
                     if v.period == text and v.category == category), None)

    def categories(self) -> list[str]:
        seen: list[str] = []
        for v in self.values:
            if v.category is not None and v.category not in seen:
                seen.append(v.category)
        return seen


RULES[SeriesValue] = (lambda values: check_value_or_range(values, "series"),)
KEYS[Series] = ("id", "title", "label", "unit", "source", "frequency", "goal", "note", "values")
# The message keys the records' own checks raise (see `core.records.error_message`).
SERIES_ERRORS = frozenset({"series_bad_period", "series_value_missing",
                           "series_value_and_range", "series_bad_range"})


# --- checks across one series file ------------------------------------------------------


def _values(data: dict) -> list[tuple[int, dict]]:
    items = data.get("values")
    if not isinstance(items, list):
        return []
    return [(i, v) for i, v in enumerate(items) if isinstance(v, dict)]


def _parsed(item: dict) -> Period | None:
    try:
        return parse_period(item.get("period"))
    except PeriodError:
        return None


def check_unique_periods(data: dict) -> Iterator[Finding]:
    """A period (with its category) has one value."""
    first: dict[tuple, tuple] = {}
    for i, item in _values(data):
        period = _parsed(item)
        if period is None:
            continue
        key = (period, item.get("category"))
        loc = ("values", i, "period")
        if key in first:
            yield Finding(loc, "series_duplicate_period",
                          values={"period": str(period), "first": first[key]})
        else:
            first[key] = loc


def check_frequency(data: dict) -> Iterator[Finding]:
    """A monthly series holds months, a yearly series years (or spans of years)."""
    frequency = data.get("frequency")
    if frequency not in FREQUENCIES:
        return
    for i, item in _values(data):
        period = _parsed(item)
        if period is not None and period.frequency != frequency:
            yield Finding(("values", i, "period"), f"series_not_{frequency}",
                          values={"period": str(period)})


def check_sources(data: dict) -> Iterator[Finding]:
    """Every figure says where it comes from: a source sentence, an imported file, or the
    source a measurement was recorded with."""
    for i, item in _values(data):
        if not item.get("source_text") and not item.get("file") and not item.get("source"):
            yield Finding(("values", i), "series_value_unsourced", severity="warning",
                          values={"period": item.get("period")})


def check_value_range(data: dict) -> Iterator[Finding]:
    """Every figure is an ordinary number in the range of the series' unit (`core.units`:
    a share in % between 0 and 100)."""
    from samverkan.core.units import in_range, is_finite, shown, value_range

    unit = data.get("unit") if isinstance(data.get("unit"), str) else None
    low, high = value_range(unit)
    for i, item in _values(data):
        for key in ("value", "low", "high"):
            number = item.get(key)
            if not isinstance(number, (int, float)) or isinstance(number, bool):
                continue
            if not is_finite(number):
                yield Finding(("values", i, key), "want_finite", values={"field": key})
            elif not in_range(number, unit):
                yield Finding(("values", i, key), "value_out_of_range",
                              values={"field": key, "value": shown(number), "low": shown(low),
                                      "high": shown(high), "unit": unit})


SERIES_CHECKS = [check_unique_periods, check_frequency, check_sources, check_value_range]


def run_series_checks(data: Any) -> list[Finding]:
    if not isinstance(data, dict):
        return []
    return [finding for check in SERIES_CHECKS for finding in check(data)]


# --- reading ------------------------------------------------------------------------------


def load_series_bytes(raw: bytes, path: str, lang: str = "sv") -> Loaded:
    """Check the bytes of a series file; `result.plan` is the `Series` when it has no errors
    of shape. The id must be the file's name, so that `--series ID` finds it."""
    result = read_model(raw, path, Series, run_series_checks, lang, SERIES_ERRORS)
    empty = tr(lang, "empty_file")
    result.problems = [Problem(p.path, p.line, p.col, p.severity, tr(lang, "series_empty_file"))
                       if p.message == empty else p for p in result.problems]
    series = result.plan
    stem = Path(path).stem
    if isinstance(series, Series) and series.id != stem and path != "<text>":
        from samverkan.core.yamlfile import position

        line, col = position(result.root, ("id",))
        result.problems.append(Problem(path, line, col, "error",
                                       tr(lang, "series_id_not_file", id=series.id, stem=stem)))
        result.problems.sort(key=lambda p: (p.line, p.col))
    return result


def load_series(path: Path, lang: str = "sv") -> Loaded:
    """Read and check one series file. Raises `Unreadable` only when it cannot be read."""
    return load_series_bytes(read_bytes(path, lang), str(path), lang)


def check_text_file(path: Path, lang: str = "sv") -> list[Problem]:
    """The group's Markdown texts (`MARKDOWN_TEXTS`, e.g. `inledning.md`): readable UTF-8 and
    free of personal identity numbers."""

    return read_text_file(path, lang)[1]


def read_text_file(path: Path, lang: str = "sv") -> tuple[str | None, list[Problem]]:
    """A Markdown text's content and its problems (see `check_text_file`): within the size
    limit, UTF-8, no identity numbers and no control characters (a text is printed and
    published as it is)."""
    import re

    from samverkan.core.i18n import identity_number_message
    from samverkan.core.pnr import find_identity_numbers
    from samverkan.core.text import CONTROL
    from samverkan.core.yamlfile import IDENTITY_NUMBER, MAX_BYTES, size_of

    raw = read_bytes(path, lang)
    if size_of(raw) > MAX_BYTES:
        return None, [Problem(str(path), 1, 1, "error", tr(
            lang, "file_too_large", size=size_of(raw) // 2**20, limit=MAX_BYTES // 2**20))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(str(path), row, 1, "error",
                              tr(lang, "bad_utf8", byte=exc.start))]
    problems = [Problem(str(path), number, match.start + 1, "error",
                        identity_number_message(lang, match.masked, match.looks_like),
                        IDENTITY_NUMBER)
                for number, line in enumerate(text.splitlines(), start=1)
                for match in find_identity_numbers(line)]
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        control = CONTROL.search(line)
        if control is not None:
            problems.append(Problem(str(path), number, control.start() + 1, "error", tr(
                lang, "text_control_character", code=f"U+{ord(control.group()):04X}")))
    return (None if problems else text), sorted(problems)


# --- the data folder ----------------------------------------------------------------------


def series_path(folder: Path, series_id: str, lang: str = "sv") -> Path:
    """The file of series `series_id`, or a message naming the series that exist."""
    path = folder / f"{series_id}.yaml"
    if path.is_file():
        return path
    known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    if not known:
        raise UsageError(tr(lang, "series_no_folder", dir=folder))
    from samverkan.core.text import suggest

    guess = suggest(series_id, known)
    hint = tr(lang, "did_you_mean", guess=guess) if guess else tr(
        lang, "series_known", ids=", ".join(known))
    raise UsageError(f"{tr(lang, 'series_unknown', id=series_id, dir=folder)}; {hint}")


def load_valid_series(path: Path, lang: str = "sv") -> Loaded:
    loaded = load_series(path, lang)
    if loaded.plan is None or any(p.severity == "error" for p in loaded.problems):
        errors = [p for p in loaded.problems if p.severity == "error"]
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), errors)
    return loaded


@dataclass
class DataFolder:
    """Every series of the data folder that reads without errors, and the others' problems."""

    folder: Path
    series: dict[str, Series]
    problems: list[Problem]
    texts: dict[str, str]


def load_data_folder(folder: Path, lang: str = "sv") -> DataFolder:
    series: dict[str, Series] = {}
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            try:
                loaded = load_series(path, lang)
            except Unreadable as exc:
                problems.append(Problem(str(path), 1, 1, "error", str(exc)))
                continue
            errors = [p for p in loaded.problems if p.severity == "error"]
            problems.extend(errors)
            if isinstance(loaded.plan, Series) and not errors:
                series[loaded.plan.id] = loaded.plan
        for name in MARKDOWN_TEXTS:
            path = folder / f"{name}.md"
            if path.is_file():
                text, found = read_text_file(path, lang)
                problems.extend(found)
                if text is not None:
                    texts[name] = text
    return DataFolder(folder, series, problems, texts)
