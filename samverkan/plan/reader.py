"""Reading plan files: bytes → `Plan` records and problems, the one way every command does.

`read_plan(raw, path)` (and `load_plan(path)`, through the cache) never raises on bad
content: it returns a `PlanRead` whose `problems` list says what is wrong, each with a
line and column, and whose `plan` holds the records (`plan.model`) when the file's
shape is right. Only an unreadable path raises (`Unreadable`).

The steps are those of every YAML file (`core.yamlfile`), then the records and the
checks (`plan.checks`). The activities list, which grows to tens of thousands of items,
is read item by item (`plan.lines`): items in the form `log` writes become records
directly, any other item goes through YAML on its own, so the cost follows the file's
size whatever its style. When the file is laid out in a way the item scanner does not
expect, the whole file goes through YAML instead; both give exactly the same result
(`tests/test_lines.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from samverkan.core.problems import Problem
from samverkan.core.records import list_validator_of, validate
from samverkan.core.yamlfile import (
    MAX_BYTES,
    MAX_EXPANDED,
    SAFE_DEPTH,
    Document,
    Unreadable,  # noqa: F401 - (commands catch it from here)
    check_bytes,
    check_nodes,
    compose,
    construct,
    may_nest_deeper_than,
    place_errors,
    place_findings,
    position,
    read_bytes,
    scan_text,
    size_of,
    without_gc,
    yaml_loader,
)
from samverkan.plan.checks import Keys, new_activity_findings, run_checks
from samverkan.plan.lines import (
    Split,
    activity_item,
    activity_line,
    head_of,
    read_line,
    split_plan,
)
from samverkan.plan.model import RECORD_ERRORS, Activity, Plan


class Layout(NamedTuple):
    """Where the next activity line goes, as the item scanner found it: `at` is a byte
    offset into the file, `indent` the items' indentation, `needs_break` whether the
    file's last line lacks its line break."""

    at: int
    indent: str
    needs_break: bool
    newline: str
    nodes: int  # YAML nodes of the whole file, for the size limit


class PlanRead:
    """One plan file as read: its problems and, when its shape is right, the plan."""

    __slots__ = ("_text", "layout", "path", "plan", "problems", "raw")

    def __init__(self, path: str, raw: bytes, problems: list[Problem], plan: Plan | None,
                 layout: Layout | None = None, text: str | None = None):
        self.path = path
        self.raw = raw  # the file's bytes, a byte-order mark included
        self.problems = problems
        self.plan = plan
        self.layout = layout
        self._text = text

    @property
    def text(self) -> str | None:
        """The file's text, or None when it is not UTF-8 within the size limit."""
        if self._text is None and size_of(self.raw) <= MAX_BYTES:
            try:
                self._text = self.raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                return None
        return self._text

    @property
    def valid(self) -> bool:
        """The file's shape is right, so there is a plan (other errors may remain)."""
        return self.plan is not None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def __getstate__(self) -> tuple:  # (for the cache: everything but the bytes)
        # The activities column by column through `marshal` (`cache.pack_rows`), else as
        # plain tuples: pickle writes a record (a named tuple) through a Python call each,
        # a plain tuple at C speed (10,000 activities: 100M instructions against 15M).
        plan, rows = self.plan, None
        if plan is not None and plan.activities:
            from samverkan.plan.cache import pack_rows

            rows = pack_rows(plan.activities) or list(map(tuple, plan.activities))
            plan = plan._replace(activities=())
        return self.path, self.problems, plan, self.layout, rows

    def __setstate__(self, state: tuple) -> None:
        self.path, self.problems, plan, self.layout, rows = state
        if isinstance(rows, bytes):
            from samverkan.plan.cache import unpack_rows

            plan = plan._replace(activities=unpack_rows(rows, Activity))
        elif rows:
            make = tuple.__new__
            plan = plan._replace(activities=tuple([make(Activity, row) for row in rows]))
        self.plan = plan
        self.raw, self._text = b"", None


def load_plan(path: Path, lang: str = "sv", keep: bool = True) -> PlanRead:
    """Read and check one plan file. Raises `Unreadable` only when it cannot be read.

    A file whose bytes were read before (by any command) comes from the cache; one read
    now goes into it unless `keep` is False (for a command about to change the file).
    """
    return load_plan_bytes(read_bytes(path, lang), path, lang, keep)


def load_plan_bytes(raw: bytes, path: Path | str, lang: str = "sv",
                    keep: bool = True) -> PlanRead:
    """`read_plan` of a file's bytes, through the cache (see `cache`)."""
    from samverkan.plan import cache

    found = cache.get(path, raw, lang)
    if found is None:
        found = read_plan(raw, str(path), lang)
        if keep:
            cache.put(path, raw, lang, found)
    return found


def load_plan_text(text: str, path: str = "<text>", lang: str = "sv") -> PlanRead:
    return read_plan(text.encode("utf-8"), path, lang)


@without_gc
def read_plan(raw: bytes, path: str, lang: str = "sv", quick: bool = True) -> PlanRead:
    """Check the bytes of a plan file. `quick=False` reads every activity through YAML
    (the result is the same; tests compare the two)."""
    doc = Document(path, raw)
    body = check_bytes(doc, lang)
    if body is None or not scan_text(doc, body, lang):
        return PlanRead(path, raw, doc.problems, None)
    if quick:
        split = split_plan(body)
        if split is not None:
            found = _read_split(doc, body, split, lang)
            if found is not None:
                return found
            doc = Document(path, raw, problems=[p for p in doc.problems])
    return _read_whole(doc, body.decode("utf-8"), lang)


def _read_whole(doc: Document, text: str, lang: str) -> PlanRead:
    """The whole file through YAML."""
    compose(doc, text, lang)
    if doc.root is not None and check_nodes(doc, doc.root, lang):
        construct(doc, lang)
    data = doc.data
    if data is None:
        return PlanRead(doc.path, doc.raw, _sorted(doc.problems), None, text=text)
    plan, errors = validate(Plan, data)
    listed = data.get("activities")
    keys = [_keys(item) for item in listed] if isinstance(listed, list) else []
    head = {k: v for k, v in data.items() if k != "activities"}

    def locate(loc: tuple, on_key: bool, parent: bool) -> tuple[int, int]:
        return position(doc.root, loc, on_key=on_key, parent=parent)

    place_errors(doc.problems, doc.path, errors, lang, Plan, RECORD_ERRORS, locate)
    place_findings(doc.problems, doc.path, run_checks(head, keys, _name(doc.path)), lang,
                   locate)
    return PlanRead(doc.path, doc.raw, _sorted(doc.problems), plan, text=text)


def _name(path: str) -> str:
    """The file's name, for the check that `plans/2021.yaml` holds the plan of 2021."""
    return Path(path).name


def _keys(item: Any) -> Keys:
    if isinstance(item, dict):
        return Keys(item.get("id"), item.get("pledge"), item.get("date"), item.get("tags"),
                    item.get("count"))
    return Keys(None, None, None)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.col, p.severity, p.message))


def _read_split(doc: Document, body: bytes, split: Split, lang: str) -> PlanRead | None:
    """The file (its bytes `body`, without a byte-order mark) read through its split
    (`plan.lines`): the head and the items in other forms through YAML, the line-form items
    as they are. None whenever the outcome could differ from reading the whole file
    through YAML (the caller then does that)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    head_text = split.head.decode("utf-8")
    if may_nest_deeper_than(head_text, SAFE_DEPTH):
        return None
    head = Document(doc.path, doc.raw, head_text)
    compose(head, head_text, lang)
    root = head.root
    if not isinstance(root, MappingNode) or not root.value or head.problems:
        return None
    key, value = root.value[-1]
    if (not isinstance(key, ScalarNode) or key.value != "activities" or key.style
            or key.start_mark.line != split.key_line or key.start_mark.column != 0
            or not isinstance(value, ScalarNode) or value.value != "" or value.style
            or any(isinstance(k, ScalarNode) and k.value == "activities"
                   for k, _ in root.value[:-1])):
        return None
    if not check_nodes(head, root, lang):
        return None
    construct(head, lang)
    data = head.data
    if not isinstance(data, dict) or next(reversed(data)) != "activities" or data["activities"]:
        return None
    others: list[Any] = []
    other_nodes: Any = None
    nodes = head.nodes + split.nodes
    if split.others is not None:
        extra = Document(doc.path, doc.raw, split.others)
        compose(extra, split.others, lang)
        other_nodes = extra.root
        if (extra.problems or not isinstance(other_nodes, SequenceNode)
                or len(other_nodes.value) != split.activities.count(None)):
            return None
        if not check_nodes(extra, other_nodes, lang, already=nodes):
            return None
        nodes += extra.nodes
        try:
            others = yaml_loader().constructor.construct_document(other_nodes)
        except Exception:  # noqa: BLE001 - anything unusual: read the whole file
            return None
        head.problems.extend(extra.problems)
    if nodes > MAX_EXPANDED:
        return None

    activities = split.activities
    where = [i for i, a in enumerate(activities) if a is None]  # items read by YAML
    for k, i in enumerate(where):
        activities[i] = _keys(others[k])  # type: ignore[call-overload]
    findings = run_checks(data, activities, _name(doc.path))  # type: ignore[arg-type]
    errors: list[dict] = []
    if where:
        from pydantic_core import ValidationError

        try:
            records = list_validator_of(Activity).validate_python(others)
            for k, i in enumerate(where):
                activities[i] = records[k]
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                index = err["loc"][0]  # (a list's problem: its place begins with the index)
                assert isinstance(index, int)
                loc = ("activities", where[index], *err["loc"][1:])
                errors.append({**err, "loc": loc})
    shape = dict(data)
    shape["activities"] = []
    plan, head_errors = validate(Plan, shape)
    errors = head_errors + errors

    lines: list[str] | None = None

    def locate(loc: tuple, on_key: bool, parent: bool) -> tuple[int, int]:
        nonlocal lines
        if loc[:1] != ("activities",) or len(loc) < 2 or not isinstance(loc[1], int):
            return position(root, loc, on_key=on_key, parent=parent)
        index = loc[1]
        if index in where_set:
            return position(other_nodes, (where.index(index), *loc[2:]), on_key, parent)
        if lines is None:
            lines = body.decode("utf-8").splitlines()
        line_no = split.lines[index]
        line = lines[line_no]
        field = loc[2] if len(loc) > 2 and not parent else None
        at = line.find(f"{field}: ") + len(f"{field}: ") if field in ("id", "pledge", "date") \
            else line.find("{")
        return line_no + 1, at + 1

    where_set = set(where)
    problems = head.problems
    problems.extend(p for p in doc.problems if p not in problems)
    place_errors(problems, doc.path, errors, lang, Plan, RECORD_ERRORS, locate)
    place_findings(problems, doc.path, findings, lang, locate)
    if plan is not None and not errors:
        plan = plan._replace(activities=tuple(activities))  # type: ignore[arg-type]
    else:
        plan = None
    layout = None
    if split.indent is not None:
        at = len(doc.raw) - len(body) + split.insert_at  # (after a byte-order mark)
        layout = Layout(at, split.indent.decode(), split.needs_break, split.newline.decode(),
                        nodes)
    return PlanRead(doc.path, doc.raw, _sorted(problems), plan, layout)


def read_head(raw: bytes, path: str, lang: str = "sv") -> Plan | None:
    """The plan of a file without its activities (focus areas, goals and their
    measurements, pledges), or None when the file has errors there. Reads only the text
    before `activities:` when it can."""
    doc = Document(path, raw)
    body = check_bytes(doc, lang)
    if body is None:
        return None
    head = head_of(body)
    if head is None:
        read = read_plan(raw, path, lang)
        return read.plan._replace(activities=()) if read.ok and read.plan else None
    doc.text = head.decode("utf-8")
    compose(doc, doc.text, lang)
    if doc.root is None or not check_nodes(doc, doc.root, lang):
        return None
    construct(doc, lang)
    if not isinstance(doc.data, dict) or doc.problems:
        return None
    shape = dict(doc.data)
    shape["activities"] = []
    plan, errors = validate(Plan, shape)
    return plan if not errors else None


# --- appending one activity, as `log` does -------------------------------------------


def with_appended(read: PlanRead, activity: Activity) -> tuple[bytes, PlanRead] | None:
    """The file's bytes with `activity` appended as a line, and the new file as read,
    without reading it again; None whenever the result could differ from reading the
    new bytes in full (the caller then reads them).

    It cannot differ when the file was read through its split and is free of errors,
    and the new activity reads back from its line as itself, with a new id, and the
    plan's checks find nothing at it (`checks.new_activity_findings`).
    """
    layout, plan = read.layout, read.plan
    if layout is None or plan is None or not read.ok or activity.id is None:
        return None
    line = activity_line(activity, layout.indent)
    if read_line(line) != activity or any(a.id == activity.id for a in plan.activities):
        return None
    if new_activity_findings(plan, activity):
        return None
    from samverkan.core.pnr import find_identity_numbers

    if find_identity_numbers(line):
        return None
    nodes = layout.nodes + 1 + 2 * len(activity_item(activity)) + len(activity.tags)
    brk = layout.newline.encode()
    added = (brk if layout.needs_break else b"") + line.encode("utf-8") + brk
    new = read.raw[:layout.at] + added + read.raw[layout.at:]
    if len(new) > MAX_BYTES or nodes > MAX_EXPANDED:
        return None
    after = PlanRead(read.path, new, list(read.problems),
                     plan._replace(activities=(*plan.activities, activity)),
                     Layout(layout.at + len(added), layout.indent, False, layout.newline, nodes))
    return new, after


# --- the node tree, for edits of the text --------------------------------------------


def head_nodes(text: str) -> Any:
    """The node tree of a plan's text, for edits outside its activities (a goal's
    measurements): only the text before the activities' items is parsed when the file is
    laid out for that, so that the cost does not grow with the record. Positions are the
    file's own."""
    from samverkan.core.yamlfile import yaml_loader

    head = head_of(text.encode("utf-8"))
    return yaml_loader().compose(head.decode("utf-8") if head is not None else text)


def without_activities(text: str) -> str:
    """`text` with its activities list emptied (`activities: []`), everything else as it
    was (comments between the items go with them)."""
    from samverkan.core.writer import clear_list
    from samverkan.core.yamlfile import child_node, yaml_loader

    body = text.encode("utf-8")
    split = split_plan(body)
    if split is not None:
        start = split.head.rstrip(b"\r\n").rfind(b"\n") + 1
        comment = split.head[start:].rstrip(b"\r\n")[len(b"activities:"):].strip()
        key = b"activities: []" + (b" " + comment if comment else b"")
        rest = body[split.insert_at:] if split.activities else body[len(split.head):]
        return (split.head[:start] + key + split.newline + rest).decode("utf-8")
    root = yaml_loader().compose(text)
    key_node, value = child_node(root, "activities")
    if key_node is None or value is None:
        return text
    return clear_list(text, key_node, value)


def remove_activity_text(text: str, index: int) -> str:
    """`text` without the `index`-th activity item (its lines; a list left empty becomes
    `activities: []`)."""
    from samverkan.core.writer import remove_item
    from samverkan.core.yamlfile import child_node, yaml_loader

    split = split_plan(text.encode("utf-8"))
    if split is not None:
        if len(split.activities) == 1:
            return without_activities(text)
        lines = text.splitlines(keepends=True)
        del lines[split.lines[index]: split.end(index) + 1]
        return "".join(lines)
    root = yaml_loader().compose(text)
    key, seq = child_node(root, "activities")
    return remove_item(text, key, seq, index)  # type: ignore[arg-type]
