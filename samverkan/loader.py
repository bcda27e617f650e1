"""Reading plan files: bytes → YAML nodes → plain data → `Plan`, with problems as data.

`load_plan(path)` and its twin `load_plan_text(text)` never raise on bad content:
they return a `LoadedPlan` whose `problems` list says what is wrong, each with a
line and column. Only an unreadable path raises (`Unreadable`). The composed YAML
node tree is kept, so that problems found later (and edits) can be placed on lines.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from samverkan import checks
from samverkan.i18n import os_reason, tr, yaml_detail
from samverkan.model import Plan
from samverkan.pnr import find_identity_numbers
from samverkan.problems import Problem, SamverkanError

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 100
MAX_EXPANDED = 5_000_000

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$", re.MULTILINE)


class Unreadable(SamverkanError):
    """The path cannot be read at all (missing, a folder, no permission)."""


@dataclass
class LoadedPlan:
    path: str
    text: str | None = None
    plan: Plan | None = None
    problems: list[Problem] = field(default_factory=list)
    root: Node | None = None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(p.severity == "error" for p in self.problems)


def read_text(path: Path, lang: str = "sv") -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(tr(lang, "file_missing", path=path)) from None
    except OSError as exc:
        raise Unreadable(tr(lang, "file_unreadable", path=path,
                            reason=os_reason(lang, exc))) from None


def load_plan(path: Path, lang: str = "sv") -> LoadedPlan:
    """Read and check one plan file. Raises `Unreadable` only when it cannot be read."""
    return load_plan_bytes(read_text(path, lang), str(path), lang)


def load_plan_text(text: str, path: str = "<text>", lang: str = "sv") -> LoadedPlan:
    return load_plan_bytes(text.encode("utf-8"), path, lang)


def load_plan_bytes(raw: bytes, path: str, lang: str = "sv") -> LoadedPlan:
    """Check the bytes of a plan file (see `load_yaml_model`)."""
    return load_yaml_model(raw, path, Plan, checks.run_checks, lang)


def load_yaml_model(raw: bytes, path: str, model: type[BaseModel],
                    run_checks: Callable[[Any], list[checks.Finding]],
                    lang: str = "sv") -> LoadedPlan:
    """Bytes of any human-edited YAML file → problems and, when its shape is right, `model`.

    The same steps for every kind of file (plans, EST files, data series): size limit,
    UTF-8, personal identity numbers, conflict markers, YAML syntax, duplicate keys,
    alias and depth limits, the pydantic `model`, then `run_checks` over the plain data.
    The result's `plan` holds the validated model instance.
    """
    result = LoadedPlan(path=path)

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

    for line_no, line in enumerate(text.splitlines(), start=1):
        for match in find_identity_numbers(line):
            problem(line_no, match.start + 1, "identity_number", masked=match.masked)
    conflicts = list(_CONFLICT.finditer(text))
    for match in conflicts:
        line = text.count("\n", 0, match.start()) + 1
        problem(line, 1, "conflict_marker", marker=match.group(1))
    if conflicts:
        return result

    yaml = YAML(typ="safe")
    yaml.allow_duplicate_keys = True
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

    try:
        result.plan = model.model_validate(data)  # type: ignore[assignment]
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            message = _shape_message(err, lang, model)
            line, col = position(root, loc, on_key=err["type"] == "extra_forbidden",
                                 parent=err["type"] == "missing")
            result.problems.append(Problem(path, line, col, "error", message))

    for finding in run_checks(data):
        line, col = position(root, finding.loc, on_key=finding.on_key)
        values = dict(finding.values)
        if isinstance(values.get("what"), str):
            values["what"] = tr(lang, values["what"])
        if isinstance(values.get("first"), tuple):
            values["first"] = position(root, values["first"])[0]
        message = tr(lang, finding.key, **values)
        result.problems.append(Problem(path, line, col, finding.severity, message))

    result.problems.sort(key=lambda p: (p.line, p.col))
    return result


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
    return found


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


def _model_at(loc: tuple, root_model: type[BaseModel] = Plan) -> type[BaseModel] | None:
    """The pydantic model class whose instance sits at `loc` in a `root_model`."""
    model: type[BaseModel] | None = root_model
    for step in loc:
        if isinstance(step, int) or model is None:
            continue
        info = model.model_fields.get(step)
        if info is None:
            return None
        model = _find_model(info.annotation)
    return model


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The closest of `choices` to `word`, for a "did you mean"."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _shape_message(err: dict, lang: str, root_model: type[BaseModel] = Plan) -> str:
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
