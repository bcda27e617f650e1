"""Reading plan files: bytes → YAML nodes → plain data → `Plan`, with problems as data.

`load_plan(path)` and its twin `load_plan_text(text)` never raise on bad content:
they return a `LoadedPlan` whose `problems` list says what is wrong, each with a
line and column. Only an unreadable path raises (`Unreadable`). The composed YAML
node tree is kept, so that problems found later (and edits) can be placed on lines.

Speed (see docs/performance.md): activities in the form `log` writes them are read
without YAML (`quickload`, "the quick path"), and `load_plan` keeps what it read in
a cache keyed on the file's bytes (`cache`), so a plan that did not change is not
read again. Both give exactly what the ordinary reading gives. A `LoadedPlan`
composes its node tree (`root`) and builds its pydantic `plan` only when asked;
`outline` and `records` (see `views`) serve `status` and `log` without pydantic.
Neither pydantic nor ruamel.yaml is imported until a file has to be parsed.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import re
import typing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from samverkan.core.i18n import os_reason, tr, yaml_detail
from samverkan.core.pnr import find_identity_numbers
from samverkan.core.problems import Problem, SamverkanError
from samverkan.core.text import suggest
from samverkan.plan import checks
from samverkan.plan.views import ActivityRecord, PlanView, make_view, view_of

if TYPE_CHECKING:
    from pydantic import BaseModel
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import Node

    from samverkan.plan.lines import Row
    from samverkan.plan.model import Plan

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 100
MAX_EXPANDED = 5_000_000

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$", re.MULTILINE)
_SIX_DIGITS = re.compile(r"\d\d\d\d\d\d")


class Unreadable(SamverkanError):
    """The path cannot be read at all (missing, a folder, no permission)."""


_UNSET: Any = object()
F = TypeVar("F", bound=Callable[..., Any])
_ROWS_PER_CHUNK = 8192  # rows are stored in chunks (see LoadedPlan.stored)
_CHUNKS_AT_MOST = 32


def without_gc(function: F) -> F:
    """Run `function` with the cyclic garbage collector paused. Reading a plan makes
    hundreds of thousands of small objects that never form cycles; collecting them
    over and over would take a third of the time. (Reference counting still frees
    everything as usual.)"""

    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return typing.cast(F, paused)


class LoadedPlan:
    """One plan file as read: its problems and, when its shape is right, the plan.

    `plan` is the validated pydantic `Plan`. `outline` is the same plan without its
    activities as a read-only `views.PlanView`, and `records` the activities as
    `views.ActivityRecord` tuples: what `status` and `log` use, so that a plan from
    the cache needs no pydantic, and 100,000 activities never become 100,000 models.
    `root` is the YAML node tree. Each is computed the first time it is asked for.
    """

    def __init__(self, path: str, text: str | None = None, plan: Plan | None = None,
                 problems: list[Problem] | None = None, root: Node | None = None):
        self.path = path
        self.problems: list[Problem] = [] if problems is None else problems
        self.raw: bytes | None = None  # the file's bytes, BOM included
        self.decodable = text is not None  # `raw` is UTF-8 within the size limit
        self.strict: Strict | None = None  # set when the activities were read the quick way
        self._text = text
        self._root: Any = _UNSET if root is None else root
        self._plan: Any = _UNSET if plan is None else plan  # or pickled bytes
        self._valid: bool | None = None if plan is None else True
        self._outline: Any = _UNSET  # PlanView, None, or pickled bytes
        self._rows: list[Row] | None = None  # quickload rows
        self._row_chunks: tuple[bytes, ...] | None = None  # the rows marshalled, in parts
        self._ids: set[str] | None = None

    # --- the text and its node tree
    @property
    def text(self) -> str | None:
        if self._text is None and self.raw is not None and self.decodable:
            self._text = self.raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        return self._text

    @text.setter
    def text(self, value: str | None) -> None:
        self._text = value
        self.decodable = value is not None

    @property
    def root(self) -> Node | None:
        if self._root is _UNSET:
            self._root = None
            if self.text is not None:
                try:
                    self._root = _yaml().compose(self.text)
                except Exception:  # noqa: BLE001 - a file that does not parse has no tree
                    pass
        return self._root

    @root.setter
    def root(self, value: Node | None) -> None:
        self._root = value

    # --- the plan
    @property
    def valid(self) -> bool:
        """The file's shape is right, so there is a plan (other errors may remain)."""
        return bool(self._valid)

    @property
    def plan(self) -> Plan | None:
        if isinstance(self._plan, bytes):
            self._plan = _pickle().loads(self._plan)
        elif self._plan is _UNSET:
            self._plan = None
            if self.strict is not None and self.valid:
                from samverkan.plan.model import Plan

                self._plan = Plan.model_validate(self.strict.data(self.rows()))
        return self._plan

    @plan.setter
    def plan(self, value: Plan | None) -> None:
        self._plan = value
        self._valid = value is not None

    @property
    def outline(self) -> PlanView | None:
        """The plan without its activities, as a read-only view."""
        if isinstance(self._outline, bytes):
            self._outline = _pickle().loads(self._outline)
        elif self._outline is _UNSET:
            plan = self.plan
            self._outline = None if plan is None else outline_of(plan)
        return self._outline

    def stored(self) -> tuple[bytes | None, tuple[bytes, ...]]:
        """The outline pickled and the rows marshalled in chunks (for the cache)."""
        outline = self._outline
        if not isinstance(outline, bytes):
            outline = None if self.outline is None else _pickle().dumps(self.outline, 5)
        chunks = self._row_chunks
        if chunks is None or len(chunks) > 2 * _CHUNKS_AT_MOST:
            rows, dumps = self.rows(), _marshal().dumps
            size = max(_ROWS_PER_CHUNK, -(-len(rows) // _CHUNKS_AT_MOST))
            chunks = tuple(dumps(rows[i:i + size]) for i in range(0, len(rows), size))
        return outline, chunks

    @without_gc
    def rows(self) -> list[Row]:
        """The activities as `quickload` rows (none when the plan's shape is wrong)."""
        if self._rows is None:
            self._rows = list(self._iter_rows())
        return self._rows

    def _iter_rows(self) -> typing.Iterator[Row]:
        if self._rows is not None:
            return iter(self._rows)
        if self._row_chunks is not None:
            loads = _marshal().loads
            return (row for chunk in self._row_chunks for row in loads(chunk))
        plan = self.plan
        return iter([] if plan is None else [
            (a.id, a.pledge, a.date.toordinal(), a.count, a.place, tuple(a.tags), a.by, a.note)
            for a in plan.activities])

    @property
    @without_gc
    def records(self) -> tuple[ActivityRecord, ...]:
        """Every activity, in file order (read from the cache a chunk at a time, so that
        the rows and the records of a large plan are never all in memory together)."""
        return tuple(map(_record, self._iter_rows()))

    def records_of(self, pledge_id: str) -> list[ActivityRecord]:
        """The activities of one pledge, without building the others."""
        return [_record(row) for row in self.rows() if row[1] == pledge_id]

    def activity_ids(self) -> set[str]:
        if self._ids is None:
            self._ids = {row[0] for row in self.rows() if row[0]}
        return self._ids

    @property
    def ok(self) -> bool:
        return self.valid and not any(p.severity == "error" for p in self.problems)


def outline_of(plan: Plan) -> PlanView:
    """`plan` without its activities, as a view (see `views`)."""
    values = {name: [] if name == "activities" else view_of(getattr(plan, name))
              for name in type(plan).model_fields}
    return make_view(type(plan).__name__, values)


def _record(row: Row) -> ActivityRecord:
    ident, pledge, day, count, place, tags, by, note = row
    return ActivityRecord(ident, pledge, _fromordinal(day), count or 1, place, tags or (), by,
                          note)


_fromordinal = dt.date.fromordinal


class Strict:
    """What the quick path knows beyond the rows: the plain data before `activities:`,
    the checks' findings, and where a new activity line goes. Enough to rebuild the
    plan and to append an activity without reading the file again (`append_strict`).
    The pickled parts stay bytes until they are needed."""

    def __init__(self, head: dict | bytes, findings: list | bytes, nodes: int, key_line: int,
                 indent: str, tail: int, needs_break: bool, newline: str, whole: bool):
        self._head = head
        self._findings = findings
        self.nodes = nodes  # YAML nodes of the whole file, for the size limit
        self.key_line = key_line  # 0-based line of `activities:`
        self.indent = indent  # of the activity lines
        self.tail = tail  # bytes after the last activity's line (a new one goes before)
        self.needs_break = needs_break  # the last activity line ends the file unbroken
        self.newline = newline
        self.whole = whole  # `Plan` has validators across its fields (see `_validates_across`)

    def head(self) -> dict:
        if isinstance(self._head, bytes):
            self._head = _pickle().loads(self._head)
        return typing.cast(dict, self._head)

    def findings(self) -> list:
        if isinstance(self._findings, bytes):
            self._findings = _pickle().loads(self._findings)
        return typing.cast(list, self._findings)

    def state(self) -> tuple:
        """Everything, as `marshal`-able values (for the cache)."""
        head, findings = self._head, self._findings
        return (head if isinstance(head, bytes) else _pickle().dumps(head, 5),
                findings if isinstance(findings, bytes) else _pickle().dumps(findings, 5),
                self.nodes, self.key_line, self.indent, self.tail, self.needs_break,
                self.newline, self.whole)

    def data(self, rows: list[Row]) -> dict:
        """The whole file's plain data, as YAML's safe loader gives it."""
        from samverkan.plan.lines import row_data

        data = dict(self.head())
        data["activities"] = [row_data(row) for row in rows]
        return data


def _pickle() -> Any:
    import pickle

    return pickle


def _marshal() -> Any:
    import marshal

    return marshal


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.allow_duplicate_keys = True
    return yaml


def read_text(path: Path, lang: str = "sv") -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(tr(lang, "file_missing", path=path)) from None
    except OSError as exc:
        raise Unreadable(tr(lang, "file_unreadable", path=path,
                            reason=os_reason(lang, exc))) from None


def load_plan(path: Path, lang: str = "sv") -> LoadedPlan:
    """Read and check one plan file. Raises `Unreadable` only when it cannot be read.

    A file whose bytes were read before (by any command) comes from the cache.
    """
    return load_plan_cached(read_text(path, lang), path, lang)


@without_gc
def load_plan_cached(raw: bytes, path: Path, lang: str = "sv") -> LoadedPlan:
    """`load_plan_bytes` of a file's `raw` bytes, through the cache (see `cache`)."""
    from samverkan.plan import cache

    loaded = cache.get(path, raw, lang)
    if loaded is None:
        loaded = load_plan_bytes(raw, str(path), lang)
        cache.put(path, raw, lang, loaded)
    return loaded


def load_plan_text(text: str, path: str = "<text>", lang: str = "sv") -> LoadedPlan:
    return load_plan_bytes(text.encode("utf-8"), path, lang)


def load_plan_bytes(raw: bytes, path: str, lang: str = "sv", quick: bool = True) -> LoadedPlan:
    """Check the bytes of a plan file (see `load_yaml_model`). `quick=False` reads every
    activity through YAML, never the quick way."""
    from samverkan.plan.model import Plan

    return load_yaml_model(raw, path, Plan, checks.run_checks, lang, quick)


@without_gc
def load_yaml_model(raw: bytes, path: str, model: type[BaseModel],
                    run_checks: Callable[[Any], list[checks.Finding]],
                    lang: str = "sv", quick: bool = False) -> LoadedPlan:
    """Bytes of any human-edited YAML file → problems and, when its shape is right, `model`.

    The same steps for every kind of file (plans, EST files, data series): size limit,
    UTF-8, personal identity numbers, conflict markers, YAML syntax, duplicate keys,
    alias and depth limits, the pydantic `model`, then `run_checks` over the plain data.
    The result's `plan` holds the validated model instance. With `quick`, a `Plan`
    whose activities are in the form `log` writes is read the quick way (`_load_quick`).
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    result = LoadedPlan(path=path)
    result.raw = raw

    def problem(line: int, col: int, message_key: str, severity: str = "error", **kw: Any) -> None:
        message = tr(lang, message_key, **kw)
        result.problems.append(Problem(path, line, col, severity, message))  # type: ignore[arg-type]

    if len(raw) > MAX_BYTES:
        problem(1, 1, "file_too_large", size=len(raw) // 2**20, limit=MAX_BYTES // 2**20)
        return result
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem(1, 1, "utf16")
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problem(line, col, "bad_utf8", byte=exc.start)
        return result
    result.text = text

    if _SIX_DIGITS.search(text):  # (every identity number has six digits in a row)
        for line_no, line in enumerate(text.splitlines(), start=1):
            for match in find_identity_numbers(line):
                problem(line_no, match.start + 1, "identity_number", masked=match.masked)
    conflicts = list(_CONFLICT.finditer(text)) if any(
        marker in text for marker in ("<<<<<<<", "=======", ">>>>>>>", "|||||||")) else []
    for match in conflicts:
        line = text.count("\n", 0, match.start()) + 1
        problem(line, 1, "conflict_marker", marker=match.group(1))
    if conflicts:
        return result
    if quick and model.__name__ == "Plan" and _load_quick(result, text, lang, run_checks):
        return result

    yaml = _yaml()
    try:
        deep = _too_deep_at(yaml, text) if _may_nest_deeper_than(text, _SAFE_DEPTH) else None
        if deep is not None:
            problem(deep[0], deep[1], "too_deep", limit=MAX_DEPTH)
            return result
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = " ".join(str(exc.problem or exc.context or "").split())
        lines = _LINE_BREAK.split(text)
        if line > len(lines):  # past the end of a file whose last line has no line break
            line, col = len(lines), len(lines[-1]) + 1
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        indent = here[: len(here) - len(here.lstrip(" \t"))]
        if "\t" in indent or here[col - 1: col] == "\t":
            problem(line, col, "yaml_tab")
        else:
            problem(line, col, "yaml_syntax", detail=yaml_detail(lang, detail))
        return result
    except ReaderError as exc:
        line, col = _line_col(text, exc.position)
        problem(line, col, "control_character", code=f"U+{exc.character:04X}")
        return result
    except RecursionError:
        problem(1, 1, "too_deep", limit=MAX_DEPTH)
        return result
    except YAMLError as exc:
        problem(1, 1, "yaml_syntax", detail=" ".join(str(exc).split()))
        return result
    if root is None:
        problem(1, 1, "empty_file")
        return result
    result.root = root

    shape_problems = _check_nodes(root)
    for line, col, key, kw in shape_problems:
        problem(line, col, key, **kw)
    if any(k in ("too_deep", "too_many_aliases", "alias_too_large", "alias_recursive")
           for _, _, k, _ in shape_problems):
        return result

    try:
        data = yaml.constructor.construct_document(root)
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        problem(1, 1, "yaml_syntax", detail=" ".join(str(exc).split()))
        return result
    if not isinstance(data, dict):
        kind = tr(lang, "kind_list" if isinstance(data, list) else "kind_value", value=data)
        if data is None:
            problem(1, 1, "empty_file")
        else:
            problem(1, 1, "not_a_mapping_top", kind=kind)
        return result

    result.plan = _finish(result, root, data, lang, model, run_checks)
    return result


def _finish(result: LoadedPlan, root: Node, data: dict, lang: str, model: type[BaseModel],
            run_checks: Callable[[Any], list[checks.Finding]], shape: dict | None = None,
            findings: list | None = None) -> Any:
    """Validate `shape` (default `data`) as a `model` and run the checks over `data`
    (unless their `findings` are given); add their problems, placed through `root`, to
    `result`. Returns the model instance or None."""
    from pydantic import ValidationError

    path = result.path
    plan = None
    try:
        plan = model.model_validate(data if shape is None else shape)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            message = _shape_message(err, lang, model)
            line, col = position(root, loc, on_key=err["type"] == "extra_forbidden",
                                 parent=err["type"] == "missing")
            result.problems.append(Problem(path, line, col, "error", message))

    for finding in run_checks(data) if findings is None else findings:
        line, col = position(root, finding.loc, on_key=finding.on_key)
        values = dict(finding.values)
        if isinstance(values.get("what"), str):
            values["what"] = tr(lang, values["what"])
        if isinstance(values.get("first"), tuple):
            values["first"] = position(root, values["first"])[0]
        message = tr(lang, finding.key, **values)
        result.problems.append(Problem(path, line, col, finding.severity, message))

    result.problems.sort(key=lambda p: (p.line, p.col))
    return plan


# --- the quick path -------------------------------------------------------------------

_LIMITS = ("too_deep", "too_many_aliases", "alias_too_large", "alias_recursive")


def _load_quick(result: LoadedPlan, text: str, lang: str,
                run_checks: Callable[[Any], list[checks.Finding]]) -> bool:
    """Read a plan whose activities are in the strict form (`quickload`) into `result`.

    Only the text up to `activities:` goes through YAML; the activities come from
    `quickload`. Returns False, with `result` untouched, whenever the outcome could
    differ from reading the whole file through YAML: the caller then does that. In
    particular every problem that concerns an activity sends the file the long way,
    so that its line and column come from the node tree.
    """
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    from samverkan.plan.lines import row_data, split_plan

    split = split_plan(text)
    if split is None:
        return False
    if _may_nest_deeper_than(split.head, _SAFE_DEPTH):
        return False  # (the full reading finds where, without crashing the C composer)
    yaml = _yaml()
    try:
        root = yaml.compose(split.head)
        if not isinstance(root, MappingNode) or not root.value:
            return False
        key, value = root.value[-1]
        if (not isinstance(key, ScalarNode) or key.value != "activities" or key.style
                or key.start_mark.line != split.key_line or key.start_mark.column != 0
                or not isinstance(value, ScalarNode) or value.value != "" or value.style
                or any(isinstance(k, ScalarNode) and k.value == "activities"
                       for k, _ in root.value[:-1])):
            return False
        shape_problems, size = _check_nodes_sized(root)
        if any(k in _LIMITS for _, _, k, _ in shape_problems):
            return False
        size += split.nodes  # the list's sequence node replaces the null in `root`
        if size > MAX_EXPANDED:
            return False
        data = yaml.constructor.construct_document(root)
    except Exception:  # noqa: BLE001 - anything unusual: read the whole file
        return False
    if (not isinstance(data, dict) or next(reversed(data)) != "activities"
            or data["activities"] is not None):
        return False
    full = dict(data)
    full["activities"] = [row_data(row) for row in split.rows]
    findings = run_checks(full)
    if any(_touches_activities(f) for f in findings):
        return False
    whole = _validates_across()
    if not whole and not _activities_valid(full["activities"]):
        return False
    trial = LoadedPlan(result.path, problems=list(result.problems))
    for line, col, name, kw in shape_problems:
        trial.problems.append(Problem(result.path, line, col, "error", tr(lang, name, **kw)))
    from samverkan.plan.model import Plan

    outline = _finish(trial, root, full, lang, Plan, run_checks,
                      shape=full if whole else data, findings=findings)
    if whole and any(p.line > split.key_line for p in trial.problems):
        return False  # a validator of the whole plan blames an activity: read it in full
    tail = len(text[len(text) - split.tail:].encode("utf-8")) if split.tail else 0
    result.problems[:] = trial.problems
    result.strict = Strict(data, findings, size, split.key_line, split.indent, tail,
                           split.needs_break, split.newline, whole)
    result._rows = split.rows if outline is not None else []
    result._valid = outline is not None
    result._outline = None if outline is None else outline_of(outline)
    return True


def _validates_across() -> bool:
    """Whether `Plan` has validators of its own (which might look at the activities):
    then the whole plan is validated at once, else the activities on their own."""
    from samverkan.plan.model import Plan

    decorators = Plan.__pydantic_decorators__
    return bool(decorators.model_validators or decorators.field_validators)


_ACTIVITIES_CHUNK = 4096


def _activities_valid(items: list[dict]) -> bool:
    """Whether pydantic accepts every activity. They are validated a chunk at a time and
    not kept, so that 100,000 of them never become 100,000 models at once."""
    from pydantic import TypeAdapter, ValidationError

    from samverkan.plan.model import Activity

    adapter = TypeAdapter(list[Activity])
    try:
        for start in range(0, len(items), _ACTIVITIES_CHUNK):
            adapter.validate_python(items[start:start + _ACTIVITIES_CHUNK])
    except ValidationError:
        return False
    return True


def _touches_activities(finding: checks.Finding) -> bool:
    return finding.loc[:1] == ("activities",) or any(
        isinstance(v, tuple) and v[:1] == ("activities",) for v in finding.values.values())


@without_gc
def append_strict(loaded: LoadedPlan, item: dict[str, Any]) -> tuple[bytes, LoadedPlan] | None:
    """The file's bytes with `item` appended as an activity line, and the new file as read.

    For a plan read the quick way and free of errors, without reading it again: the
    new line is read back with `quickload` and must give `item`; the checks run over
    the whole record again, unless `item` is one they cannot object to (a new id, a
    pledge of the plan, a date in its year: `checks.UNCHANGED_BY_APPENDING`). Whenever
    the result could differ from reading the new bytes in full, returns None (the
    caller then reads them).
    """
    from samverkan.core.writer import flow_mapping
    from samverkan.plan.lines import item_row, parse_item, row_nodes

    strict, raw = loaded.strict, loaded.raw
    if strict is None or raw is None or strict.whole or not loaded.ok:
        return None
    line = f"{strict.indent}- {flow_mapping(item)}"
    parsed = parse_item(line)
    if parsed is None or parsed[1] != item_row(item) or find_identity_numbers(line):
        return None
    row = parsed[1]
    nodes = strict.nodes + row_nodes(row)
    if nodes > MAX_EXPANDED or any(p.line > strict.key_line for p in loaded.problems):
        return None
    brk = strict.newline.encode()
    at = len(raw) - strict.tail
    added = (brk if strict.needs_break else b"") + line.encode("utf-8") + brk
    new = raw[:at] + added + raw[at:]
    if len(new) > MAX_BYTES:
        return None
    rows = [*loaded.rows(), row]
    outline = loaded.outline
    safe = (outline is not None and item.get("id") is not None
            and item["id"] not in loaded.activity_ids()
            and item["date"].year == outline.year and outline.pledge(item["pledge"]) is not None
            and all(check in checks.UNCHANGED_BY_APPENDING for check in checks.CHECKS))
    if not safe and checks.run_checks(strict.data(rows)) != strict.findings():
        return None
    result = LoadedPlan(path=loaded.path, problems=list(loaded.problems))
    result.raw, result.decodable = new, True
    head, old_findings, _, key_line, indent, tail, _, newline, whole = strict.state()
    result.strict = Strict(head, old_findings, nodes, key_line, indent, tail, False, newline,
                           whole)
    result._rows, result._valid, result._outline = rows, True, loaded._outline
    result._row_chunks = (*loaded.stored()[1], _marshal().dumps([row]))  # one more chunk
    return new, result


# --- nesting depth before composing -------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_SAFE_DEPTH = 500
"""Nesting that ruamel's C composer handles without exhausting the C stack (it crashes
the whole process, no exception, somewhere past a few thousand levels)."""


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting line breaks as YAML does."""
    starts = [m.end() for m in _LINE_BREAK.finditer(text, 0, index)]
    start = starts[-1] if starts else 0
    return len(starts) + 1, index - start + 1


def _may_nest_deeper_than(text: str, limit: int) -> bool:
    """A cheap upper bound on the nesting depth of `text`, compared with `limit`.

    A block collection nests deeper only on a more indented line (or, with a compact
    `- `/`? `/`key:`, through an indicator on the same line); a flow collection only
    through a `[` or `{`, possibly opened on an earlier line.
    """
    carried = 0
    for line in _LINE_BREAK.split(text):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        marks = sum(body.count(c) for c in "-?:[{")
        if 2 * (indent + 1) + marks + carried > limit:
            return True
        carried = max(0, carried + line.count("[") + line.count("{")
                      - line.count("]") - line.count("}"))
    return False


def _too_deep_at(yaml: YAML, text: str) -> tuple[int, int] | None:
    """Where the nesting first exceeds MAX_DEPTH, found on the event stream (which needs
    no recursion), or None. Syntax errors are left for the composer to report."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    try:
        for event in yaml.parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth - 1 > MAX_DEPTH:  # the top-level collection is level 0
                    mark = event.start_mark
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return None
    return None


# --- nodes ---------------------------------------------------------------------


def _check_nodes(root: Node) -> list[tuple[int, int, str, dict]]:
    """Duplicate keys, nesting depth and alias use, found on the composed node tree."""
    return _check_nodes_sized(root)[0]


def _check_nodes_sized(root: Node) -> tuple[list[tuple[int, int, str, dict]], int]:
    """`_check_nodes`, and the number of nodes with aliases expanded."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    found: list[tuple[int, int, str, dict]] = []
    seen: dict[int, int] = {}  # id(node) -> expanded size
    aliases = 0
    on_stack: set[int] = set()

    def walk(node: Node, depth: int) -> int:
        nonlocal aliases
        key = id(node)
        if key in on_stack:
            raise _Recursive(node)
        if key in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _TooMany(node)
            return seen[key]
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        size = 1
        on_stack.add(key)
        if isinstance(node, MappingNode):
            first_seen: dict[str, Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    name = key_node.value
                    if name in first_seen:
                        found.append((key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                      "duplicate_key",
                                      {"key": name, "first": first_seen[name].start_mark.line + 1}))
                    else:
                        first_seen[name] = key_node
                size += walk(key_node, depth + 1) + walk(value_node, depth + 1)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                size += walk(item, depth + 1)
        on_stack.discard(key)
        seen[key] = size
        if size > MAX_EXPANDED:
            raise _TooLarge(node)
        return size

    try:
        walk(root, 0)
    except _NodeLimit as exc:
        mark = exc.node.start_mark
        kw = {"limit": {_TooDeep: MAX_DEPTH, _TooMany: MAX_ALIASES, _TooLarge: MAX_EXPANDED,
                        _Recursive: 0}[type(exc)]}
        found.append((mark.line + 1, mark.column + 1, exc.key, kw))
    except RecursionError:
        found.append((1, 1, "too_deep", {"limit": MAX_DEPTH}))
    return found, seen.get(id(root), MAX_EXPANDED + 1)


class _NodeLimit(Exception):
    key = ""

    def __init__(self, node: Node):
        self.node = node


class _TooDeep(_NodeLimit):
    key = "too_deep"


class _TooMany(_NodeLimit):
    key = "too_many_aliases"


class _TooLarge(_NodeLimit):
    key = "alias_too_large"


class _Recursive(_NodeLimit):
    key = "alias_recursive"


def child_node(node: Node | None, step: Any) -> tuple[Node | None, Node | None]:
    """(key node, value node) for a mapping key or a sequence index, or (None, None)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, MappingNode) and isinstance(step, str):
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, ScalarNode) and key_node.value == step:
                return key_node, value_node
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None, None


def node_at(root: Node, loc: tuple) -> Node:
    """The deepest node along `loc` that exists."""
    node = root
    for step in loc:
        _, value = child_node(node, step)
        if value is None:
            break
        node = value
    return node


def position(root: Node | None, loc: tuple, on_key: bool = False,
             parent: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the thing at `loc`, or of its nearest existing parent.

    `on_key` points at the key rather than its value (for unknown keys); `parent`
    points at the mapping that lacks a key (for missing keys).
    """
    if root is None:
        return 1, 1
    node: Node = root
    mark = root.start_mark
    steps = list(loc[:-1]) if parent else list(loc)
    for index, step in enumerate(steps):
        key_node, value_node = child_node(node, step)
        if value_node is None:
            break
        last = index == len(steps) - 1
        if last and on_key and key_node is not None:
            mark = key_node.start_mark
        else:
            mark = value_node.start_mark
        node = value_node
    return mark.line + 1, mark.column + 1


# --- pydantic errors in the user's words -------------------------------------------


def _field_name(loc: tuple) -> str:
    names = [str(step) for step in loc if isinstance(step, str) and not step.startswith(("function", "literal"))]
    return names[-1] if names else "plan"


def _model_at(loc: tuple, root_model: type[BaseModel] | None = None) -> type[BaseModel] | None:
    """The pydantic model class whose instance sits at `loc` in a `root_model` (a Plan)."""
    from samverkan.plan.model import Plan

    model: type[BaseModel] | None = root_model or Plan
    for step in loc:
        if isinstance(step, int) or model is None:
            continue
        info = model.model_fields.get(step)
        if info is None:
            return None
        model = _find_model(info.annotation)
    return model


def _find_model(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def _shape_message(err: dict, lang: str, root_model: type[BaseModel] | None = None) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    name = _field_name(loc)
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return tr(lang, "missing", field=name)
    if kind == "extra_forbidden":
        message = tr(lang, "extra", field=name)
        model = _model_at(loc[:-1], root_model)
        if model is not None:
            allowed = list(model.model_fields)
            guess = suggest(name, allowed)
            hint = tr(lang, "did_you_mean", guess=guess) if guess else tr(
                lang, "allowed_keys", keys=", ".join(allowed))
            message = f"{message}; {hint}"
        return message
    if kind == "value_error":
        error = str(ctx.get("error", ""))
        key = error if error in _MODEL_ERRORS else None
        if key == "date_expected":
            return tr(lang, "want_date", field=name)
        if key:
            return tr(lang, key)
        return tr(lang, "want_valid", field=name, detail=err["msg"])
    simple = {
        "int_type": "want_int", "int_parsing": "want_int", "int_from_float": "want_int",
        "float_type": "want_number", "float_parsing": "want_number",
        "string_type": "want_text", "string_too_short": "want_nonempty",
        "string_pattern_mismatch": "want_slug",
        "date_type": "want_date", "date_parsing": "want_date",
        "date_from_datetime_inexact": "want_date", "date_from_datetime_parsing": "want_date",
        "list_type": "want_list", "dict_type": "want_mapping", "model_type": "want_mapping",
        "model_attributes_type": "want_mapping",
        "bool_type": "want_bool", "bool_parsing": "want_bool",
    }
    if kind in simple:
        return tr(lang, simple[kind], field=name)
    if kind == "string_too_long":
        return tr(lang, "want_shorter", field=name, max=ctx.get("max_length"))
    if kind in ("greater_than_equal", "greater_than"):
        return tr(lang, "want_min", field=name, min=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return tr(lang, "want_max", field=name, max=ctx.get("le", ctx.get("lt")))
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        options = [c.strip() for c in re.split(r",| or ", expected) if c.strip()]
        conjunction = " eller " if lang == "sv" else " or "
        choices = conjunction.join([", ".join(options[:-1]), options[-1]]) if len(
            options) > 1 else expected
        message = tr(lang, "want_one_of", field=name, choices=choices)
        guess = suggest(str(err.get("input")), options)
        if guess:
            message = f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
        return message
    return tr(lang, "want_valid", field=name, detail=err["msg"])


_MODEL_ERRORS = {
    "baseline_value_missing", "baseline_value_and_range", "baseline_bad_range",
    "start_after_due", "date_expected",
    "agreement_count_needs_pledge", "agreement_count_no_pledge", "agreement_years_order",
    "series_bad_period", "series_value_missing", "series_value_and_range", "series_bad_range",
}
