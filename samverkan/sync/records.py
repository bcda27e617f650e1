"""The records of a file that merge as sets: where each list is and what names its items.

Per kind of file (`kind_of_path`):

| file | list | an item is known by |
|---|---|---|
| plan `plans/YYYY.yaml` | `activities` | `id` |
| plan | each goal's `measurements` (the list is known by the goal's id) | `year` |
| `est/observationer-YYYY.yaml` | `observations` | `id` |
| `est/insatser.yaml` | `analyses`, `measures`, `follow_ups` | `id` |
| `est/grupplagesbilder-YYYY.yaml` | `pictures` | `id` |
| series `data/*.yaml` | `values` | `period` and `category` |

Everything else (`plans/agreement.yaml`, `est/omraden.yaml`, `est/forebyggargrupper.yaml`,
pledges, goals, comments) has no record lists: it merges as text.

`read_lists(text, kind)` cuts a text into its lines and, per list, its items with their
line spans and keys; None when the text cannot be read so (not YAML, two lists with one
name), and the file then merges as text. An item spans from the line after the item
before it (or after the list's key) to its own last line: comments and blank lines
before an item go with it, those after the last item stay where they are. An item without its key (written by hand without an id) is known by its whole
text, so an edit of it is a removal and an addition. A key met twice in one list (an
error `validate` reports) is told apart by its count.

The activities of a plan are found by `plan.lines.split_plan` (no YAML parser: a plan of
100,000 activities is cut in well under a second); only the text before `activities:`
and any item written in another form than `log`'s go through YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml.nodes import Node

PLAN = "plan"
AGREEMENT = "agreement"
SERIES = "series"
OTHER = "other"
ACTIVITIES = "activities"
_MEASUREMENTS = "measurements:"

# (list key, how an item is known, message key of one record) per kind of EST file and series
_LISTS: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "est-observationer": (("observations", ("id",), "what_est_observation"),),
    "est-insatser": (("analyses", ("id",), "what_est_analysis"),
                     ("measures", ("id",), "what_est_measure"),
                     ("follow_ups", ("id",), "what_est_follow_up")),
    "est-grupplagesbilder": (("pictures", ("id",), "what_est_group_picture"),),
    SERIES: (("values", ("period", "category"), "what_series_value"),),
}


@dataclass
class Item:
    """One record of a list: lines `start`..`end` (0-based, inclusive), its own text from
    `body` on (the lines before are the comments and blank lines that go with it)."""

    key: tuple
    start: int
    body: int
    end: int


@dataclass
class RecordList:
    """A list of records in a text. `empty` is how an empty list is written: `flow` for
    `key: []`, `null` for `key:` alone; None when the list has items."""

    name: str
    what: str
    key_line: int
    items: list[Item] = field(default_factory=list)
    empty: str | None = None
    flow_at: tuple[int, int] | None = None  # (start, end) column of `[]` on the key line


@dataclass
class Cut:
    """A text as lines (line ends kept) and its record lists."""

    lines: list[str]
    lists: list[RecordList]

    def item_text(self, item: Item) -> str:
        """The item's lines, leading comments included, without the last line's break."""
        return _strip_break("".join(self.lines[item.start:item.end + 1]))


def _strip_break(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\n", "\r")):
        return text[:-1]
    return text


def kind_of_path(path: str, raw: bytes = b"") -> str:
    """The kind of file at `path` (the path in the repository, as git names it)."""
    from samverkan.plan.folder import AGREEMENT_FILE, is_plan_name

    where = PurePosixPath(path.replace("\\", "/"))
    if where.parent.name == "data":
        return SERIES
    if where.name == AGREEMENT_FILE:
        return AGREEMENT
    if where.parent.name == "est" or b"kind:" in raw:
        from samverkan.est.files import kind_of

        kind = kind_of(Path(where.name), raw)
        if kind is not None:
            return kind
        if where.parent.name == "est":
            return OTHER
    if is_plan_name(where.name) or where.parent.name == "plans":
        return PLAN
    return OTHER


# Line breaks that YAML and Python's str.splitlines count differently: such a text merges
# as text (line numbers would not agree).
_ODD_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def read_lists(text: str, kind: str) -> Cut | None:
    """The record lists of `text`, a file of `kind`; None when it cannot be cut."""
    if any(c in text for c in _ODD_BREAKS) or text.count("\r") != text.count("\r\n"):
        return None
    if kind == PLAN:
        cut = _plan_quick(text)
        if cut is not None:
            return cut
        return _by_nodes(text, _plan_lists)
    specs = _LISTS.get(kind)
    if specs is None:
        return Cut(text.splitlines(keepends=True), [])

    def lists(root: Node, lines: list[str]) -> list[RecordList] | None:
        return [found for name, known_by, what in specs
                if (found := _node_list(root, name, name, known_by, what, lines)) is not None]

    return _by_nodes(text, lists)


# --- through the YAML node tree ---------------------------------------------------------


def _compose(text: str) -> Node | None:
    from samverkan.core.yamlfile import yaml_loader

    if not text.strip():
        return None
    try:
        return yaml_loader().compose(text)
    except Exception:  # noqa: BLE001 - any text YAML cannot read merges as text
        return None


def _by_nodes(text: str, find: Any) -> Cut | None:
    from ruamel.yaml.nodes import MappingNode

    lines = text.splitlines(keepends=True)
    if not text.strip():
        return Cut(lines, [])
    root = _compose(text)
    if not isinstance(root, MappingNode):
        return None
    lists = find(root, lines)
    if lists is None or not _unique(lists):
        return None
    return Cut(lines, lists)


def _unique(lists: list[RecordList]) -> bool:
    names = [found.name for found in lists]
    return len(names) == len(set(names))


def _plan_lists(root: Node, lines: list[str]) -> list[RecordList] | None:
    found = _measurement_lists(root, lines)
    if found is None:
        return None
    activities = _node_list(root, ACTIVITIES, ACTIVITIES, ("id",), "what_activity", lines)
    return found + ([activities] if activities is not None else [])


def _measurement_lists(root: Node, lines: list[str]) -> list[RecordList] | None:
    """Each goal's `measurements` list, known by the goal's id (None: a goal without one
    has measurements, so they cannot be told apart)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from samverkan.core.yamlfile import child_node

    found = []
    areas = child_node(root, "focus_areas")[1]
    for area in areas.value if isinstance(areas, SequenceNode) else []:
        goals = child_node(area, "goals")[1]
        for goal in goals.value if isinstance(goals, SequenceNode) else []:
            if not isinstance(goal, MappingNode) or child_node(goal, "measurements")[0] is None:
                continue
            ident = child_node(goal, "id")[1]
            if not isinstance(ident, ScalarNode):
                return None
            name = _MEASUREMENTS + ident.value
            listed = _node_list(goal, "measurements", name, ("year",), "what_measurement", lines)
            if listed is not None:
                found.append(listed)
    return found


def _node_list(mapping: Node, key: str, name: str, known_by: tuple[str, ...], what: str,
               lines: list[str]) -> RecordList | None:
    """The list `key` of `mapping` as a `RecordList`, when it is a block list, `[]` or
    empty; None otherwise (a flow list with items merges as text)."""
    from ruamel.yaml.nodes import ScalarNode, SequenceNode

    from samverkan.core.writer import _dash_line, _end_line
    from samverkan.core.yamlfile import child_node

    key_node, value = child_node(mapping, key)
    if key_node is None or value is None:
        return None
    key_line = key_node.start_mark.line
    if isinstance(value, ScalarNode):
        if value.value != "" or value.style or value.tag != "tag:yaml.org,2002:null":
            return None
        return RecordList(name, what, key_line, empty="null")
    if not isinstance(value, SequenceNode):
        return None
    if value.flow_style:
        if value.value or value.start_mark.line != key_line or value.end_mark.line != key_line:
            return None
        return RecordList(name, what, key_line, empty="flow",
                          flow_at=(value.start_mark.column, value.end_mark.column))
    found = RecordList(name, what, key_line)
    counts: dict[tuple, int] = {}
    previous_end = -1
    for node in value.value:
        body = _dash_line(lines, node)
        end = max(_end_line(node), body)
        if body <= previous_end:
            return None  # two items on one line: not a list this can cut
        start = min(body, key_line + 1) if previous_end < 0 else previous_end + 1
        key_of = _node_key(node, known_by)
        if key_of is None:
            key_of = ("text", _strip_break("".join(lines[body:end + 1])))
        found.items.append(Item(_counted(key_of, counts), start, body, end))
        previous_end = end
    return found


def _node_key(node: Node, known_by: tuple[str, ...]) -> tuple | None:
    """The key of one item (a mapping) from its scalars, or None."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    from samverkan.core.yamlfile import child_node

    if not isinstance(node, MappingNode):
        return None
    values: list[str | None] = []
    for index, name in enumerate(known_by):
        value = child_node(node, name)[1]
        if value is None and index > 0:
            values.append(None)  # (a series value without a category)
            continue
        if not isinstance(value, ScalarNode) or value.value == "":
            return None
        values.append(_period(value.value) if name == "period" else value.value)
    return (known_by[0], *values)


def _period(text: str) -> str:
    """A series period as one text whatever its spelling (`2021`, `"2021"`)."""
    from samverkan.core.years import PeriodError
    from samverkan.stats.periods import parse_period

    try:
        return str(parse_period(text))
    except PeriodError:
        return text


def _counted(key: tuple, counts: dict[tuple, int]) -> tuple:
    """`key` with how many times it came before in the list (0 the first time)."""
    seen = counts.get(key, 0)
    counts[key] = seen + 1
    return (*key, seen)


# --- a plan's activities through `split_plan` ----------------------------------------------


def _plan_quick(text: str) -> Cut | None:
    """A plan cut with `plan.lines.split_plan` (activities without YAML) and the text
    before `activities:` through YAML; None when the file is not laid out for that."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    from samverkan.plan.lines import split_plan

    split = split_plan(text.encode("utf-8"))
    if split is None or not split.activities:
        return None  # (an empty list is cut as quickly through YAML)
    head = _compose(split.head.decode("utf-8"))
    if not isinstance(head, MappingNode):
        return None
    lines = text.splitlines(keepends=True)
    if len(lines) <= split.end(len(split.activities) - 1):
        return None
    lists = _measurement_lists(head, lines)
    if lists is None:
        return None
    others: list[Any] = []
    if split.others is not None:
        extra = _compose(split.others)
        if not isinstance(extra, SequenceNode):
            return None
        others = list(extra.value)
        if len(others) != split.activities.count(None):
            return None
    activities = RecordList(ACTIVITIES, "what_activity", split.key_line)
    counts: dict[tuple, int] = {}
    other = iter(others)
    previous_end = -1
    starts, ends = split.lines, split.ends.get  # (`split.end`, without a call per item)
    for index, activity in enumerate(split.activities):
        body = starts[index]
        end = ends(index, body)
        if activity is not None and activity.id is not None:
            key: tuple | None = ("id", activity.id)
        else:
            key = _node_key(next(other), ("id",)) if activity is None else None
        if key is None:
            key = ("text", _strip_break("".join(lines[body:end + 1])))
        start = min(body, split.key_line + 1) if previous_end < 0 else previous_end + 1
        activities.items.append(Item(_counted(key, counts), start, body, end))
        previous_end = end
    lists.append(activities)
    if not _unique(lists):
        return None
    return Cut(lines, lists)
