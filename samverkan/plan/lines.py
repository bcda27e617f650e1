"""The `activities:` list of a plan file, read item by item, and written one line at a time.

`log` writes every activity as one line, a flow mapping with its keys in a fixed order:

    activities:
      - {id: a1f3k9x2qe, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum]}

A whole agreement period holds tens of thousands of such lines, and a YAML parser is by
far the slowest part of reading them. `split_plan` cuts a plan file after its
`activities:` line and finds where each item of the list begins and ends (an item
starts with `- ` at the list's indentation; a line indented further, a blank line or a
comment belongs to it). An item in exactly the form `log` writes (`ITEM`) becomes an
`Activity` at once; any other item (written by hand over several lines, with a comment
or a value in another spelling) is left for the YAML parser, which reads just those
items. So the cost follows the file's size, never its style. Anything the item scanner
does not expect (a tab, a line that belongs to no item, a directive) makes `split_plan`
answer None, and the whole file is read through YAML.

The line form is built from the model's own definitions (`plan.model`: the id and slug
rules, the owners, the text length) and YAML's own rules of what a plain value means
(`core.yamlfile.plain_is_text`); what it accepts, YAML reads to the same data, and
`tests/test_lines.py` compares the two readings.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from dataclasses import dataclass, field
from typing import Any

from samverkan.core.yamlfile import PLAIN_TEXT, plain_is_text, yaml_scalar
from samverkan.plan.model import ACTIVITY_ID, OWNERS, SLUG, TEXT, Activity


def _bare(pattern: str | None) -> str:
    return (pattern or "").removeprefix("^").removesuffix("$")


_SLUG = _bare(SLUG.pattern)
_QUOTED = r'(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\\["\\])+'
_TEXT = r"(?:(?P<{0}>" + PLAIN_TEXT + r')|"(?P<{0}_q>' + _QUOTED + r')")'
_ITEM = (
    r"(?P<indent> *)- \{"
    r"(?:id: (?P<id>" + _bare(ACTIVITY_ID.pattern) + r"), )?"
    r"pledge: (?P<pledge>" + _SLUG + r"), date: (?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:, count: (?P<count>[1-9][0-9]{0,8}))?"
    r"(?:, place: " + _TEXT.format("place") + r")?"
    r"(?:, tags: \[(?P<tags>" + _SLUG + r"(?:, " + _SLUG + r")*)\])?"
    r"(?:, by: (?P<by>" + "|".join(OWNERS) + r"))?"
    r"(?:, note: " + _TEXT.format("note") + r")?"
    r"\} *"
)
ITEM = re.compile(_ITEM)  # one line, without its line break
_ITEM_LINES = re.compile(r"^" + _ITEM + r"\r?$", re.MULTILINE)
_KEY_LINE = re.compile(r"activities:(?: +#[^\n]*)? *")
_COMMENT = re.compile(r" *#[^\r\n]*")
# Line breaks YAML and Python's str.splitlines count differently, and characters that make
# YAML read a file in another way; with any of them the plan is read the ordinary way.
_ODD = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\t")


@dataclass
class Split:
    """A plan file cut after its `activities:` line, its items found.

    `lines[k]` is the 0-based line where item k starts; `activities[k]` is its `Activity`
    when the item is in the line form, else None (the YAML parser reads it: `others`
    holds the text with everything but those items blanked, so that lines and columns
    stay the file's own). `insert_at` is where a new item's line goes (in characters,
    after the last item's line), `needs_break` whether a line break must come first.
    """

    head: str
    key_line: int
    indent: str | None
    lines: array
    ends: array  # 0-based last line of each item
    activities: list[Activity | None]
    others: str | None
    insert_at: int
    needs_break: bool
    newline: str
    nodes: int = 0  # YAML nodes the line-form items add (for the size limit)
    pool: dict = field(default_factory=dict, repr=False)


def head_of(text: str) -> str | None:
    """The text up to and including the `activities:` line, when the activities list is the
    last thing in the file (every later line indented, blank, a comment or a `- ` item at
    the margin); else None. Cheap: the items are not read."""
    split = _key_line(text)
    if split is None:
        return None
    _, key_end = split
    if _TOP_LEVEL.search(text, key_end):
        return None
    return text[:key_end]


_TOP_LEVEL = re.compile(r"^(?:[^ #\r\n-]|-(?! |\r?$))", re.MULTILINE)  # a key at the margin


def _key_line(text: str) -> tuple[int, int] | None:
    """Where the one `activities:` line at the margin starts and ends, when the file is one
    the item scanner can read."""
    at = text.find("\nactivities:")
    starts = [0] if text.startswith("activities:") else []
    while at != -1:
        starts.append(at + 1)
        at = text.find("\nactivities:", at + 1)
    if (len(starts) != 1 or text.startswith("%") or "\n%" in text
            or any(c in text for c in _ODD) or text.count("\r") != text.count("\r\n")):
        return None
    key_start = starts[0]
    key_end = text.find("\n", key_start) + 1 or len(text)
    if not _KEY_LINE.fullmatch(text[key_start:key_end].rstrip("\n").removesuffix("\r")):
        return None
    return key_start, key_end


def split_plan(text: str) -> Split | None:
    """The plan cut after `activities:`, its items found and those in the line form read;
    None when the file is not laid out so that this is safe (see the module's text)."""
    found = _key_line(text)
    if found is None:
        return None
    key_start, key_end = found
    key_line = text.count("\n", 0, key_start)
    newline = "\r\n" if "\r\n" in text else "\n"
    split = Split(text[:key_end], key_line, None, array("i"), array("i"), [], None,
                  len(text), False, newline)
    pool = split.pool
    dates: dict[str, dt.date] = {}
    others: list[tuple[int, int]] = []  # (start, end) of items read by YAML
    lines, ends, activities = split.lines, split.ends, split.activities
    nodes = 0
    done = key_end  # where the text not yet looked at starts
    line_no = key_line + 1  # the line `done` is on
    indent = None
    for match in _ITEM_LINES.finditer(text, key_end):
        start = match.start()
        if start != done:
            line_no = _gap(text, done, start, line_no, split, others)
            if line_no < 0:
                return None
            indent = split.indent
        groups = match.groups()
        if groups[0] != indent:
            if indent is not None or (split.indent is not None and groups[0] != split.indent):
                return None
            indent = split.indent = groups[0]
        activity = _activity(groups, pool, dates)
        lines.append(line_no)
        ends.append(line_no)
        activities.append(activity)
        if activity is None:
            others.append((start, match.end()))
        else:  # the mapping, each key and value, each tag
            nodes += 1 + 2 * (10 - groups.count(None)) + len(activity.tags)
        done = match.end() + 1  # (after the line break; past the end on the last line)
        line_no += 1
    split.nodes = nodes
    if done < len(text) and _gap(text, done, len(text), line_no, split, others) < 0:
        return None
    if split.activities:
        split.insert_at = _after_line(text, split.ends[-1])
        split.needs_break = not text[:split.insert_at].endswith("\n")
    else:
        split.insert_at = key_end
        split.needs_break = not text[:key_end].endswith("\n")
    if others:
        split.others = _blanked(text, others)
    return split


def _after_line(text: str, line: int) -> int:
    """The index just after 0-based `line` and its line break (the text's end for a last
    line without one); found from the end of the text, which the line is near."""
    breaks = text.count("\n")
    if line >= breaks:
        return len(text)
    at = len(text)
    for _ in range(breaks - line):  # the line's own break is this many from the end
        at = text.rfind("\n", 0, at)
    return at + 1


def _same_indent(split: Split, indent: str) -> bool:
    if split.indent is None:
        split.indent = indent
    return split.indent == indent


def _gap(text: str, start: int, end: int, line_no: int, split: Split,
         others: list[tuple[int, int]]) -> int:
    """Read `text[start:end]` (whole lines between line-form items, `start` on line
    `line_no`): blank lines, comments and items in other forms. Returns the number of the
    line at `end`, or -1 when a line belongs to no item (the file must then be read the
    ordinary way)."""
    segment = text[start:end]
    pieces = segment.split("\n")
    if segment.endswith("\n"):
        pieces.pop()  # (the empty text after the last line break is no line)
    item_start = -1
    at = start
    for line in pieces:
        body = line.removesuffix("\r")
        stripped = body.lstrip(" ")
        indent = len(body) - len(stripped)
        starts_item = stripped == "-" or stripped.startswith(("- ", "-#"))
        if not stripped or _COMMENT.fullmatch(body):
            pass  # blank or a comment: it goes with the item before it, if any
        elif starts_item and (split.indent is None or indent == len(split.indent)):
            if not _same_indent(split, body[:indent]) or stripped.startswith("-#"):
                return -1
            if item_start >= 0:
                others.append((item_start, at))
            item_start = at
            split.lines.append(line_no)
            split.ends.append(line_no)
            split.activities.append(None)
        elif item_start >= 0 and split.indent is not None and indent > len(split.indent):
            split.ends[-1] = line_no  # a further line of the item before
        else:
            return -1
        at += len(line) + 1
        line_no += 1
    if item_start >= 0:
        others.append((item_start, min(at, end)))
    return line_no


def _blanked(text: str, keep: list[tuple[int, int]]) -> str:
    """`text` with every line outside the `keep` spans made empty (line breaks kept)."""
    out = []
    done = 0
    for start, end in keep:
        out.append("\n" * text.count("\n", done, start))
        out.append(text[start:end])
        done = end
    out.append("\n" * text.count("\n", done, len(text)))
    return "".join(out)


_MAX_TEXT = TEXT.max_length or 0


def _unquote(text: str) -> str:
    return text if "\\" not in text else re.sub(r'\\(["\\])', r"\1", text)


def _activity(groups: tuple, pool: dict, dates: dict) -> Activity | None:
    """The activity of a line-form item (its match's groups), or None when YAML might read
    one of its values differently (YAML then reads the item). `pool` shares the values
    that repeat (pledges, places, tags), `dates` the dates."""
    _, ident, pledge, date, count, place, place_q, tags, by, note, note_q = groups
    day = dates.get(date)
    if day is None:
        try:
            day = dates[date] = dt.date(int(date[:4]), int(date[5:7]), int(date[8:]))
        except ValueError:
            return None
    known = pool.get(pledge)
    if known is None:
        if not (plain_is_text(pledge) and SLUG.matches(pledge)):
            return None
        known = pool[pledge] = pledge
    if ident is not None and not plain_is_text(ident):
        return None
    tag_tuple: tuple[str, ...] = ()
    if tags is not None:
        found = pool.get(("tags", tags))
        if found is None:
            found = tuple(tags.split(", "))
            if not all(plain_is_text(t) and SLUG.matches(t) for t in found):
                return None
            pool[("tags", tags)] = found
        tag_tuple = found
    if place is not None:
        shared = pool.get(("place", place))
        if shared is None:
            if not plain_is_text(place) or len(place) > _MAX_TEXT:
                return None
            shared = pool[("place", place)] = place
        place = shared
    elif place_q is not None:
        place = _unquote(place_q)
        place = pool.setdefault(("place", place), place)
        if len(place) > _MAX_TEXT:
            return None
    if note is not None:
        if not plain_is_text(note):
            return None
    elif note_q is not None:
        note = _unquote(note_q)
    if note is not None and len(note) > _MAX_TEXT:
        return None
    return Activity(known, day, ident, 1 if count is None else int(count), place, tag_tuple,
                    by, note)


def activity_item(activity: Activity) -> dict[str, Any]:
    """The activity's keys and values as a file holds them (defaults left out), in the
    order `log` writes them."""
    item: dict[str, Any] = {}
    if activity.id is not None:
        item["id"] = activity.id
    item["pledge"] = activity.pledge
    item["date"] = activity.date
    if activity.count != 1:
        item["count"] = activity.count
    if activity.place is not None:
        item["place"] = activity.place
    if activity.tags:
        item["tags"] = list(activity.tags)
    if activity.by is not None:
        item["by"] = activity.by
    if activity.note is not None:
        item["note"] = activity.note
    return item


def activity_line(activity: Activity, indent: str) -> str:
    """The activity as one line of the list, in the form `ITEM` reads (no line break)."""
    values = ", ".join(f"{key}: {yaml_scalar(value)}"
                       for key, value in activity_item(activity).items())
    return f"{indent}- {{{values}}}"


def read_line(line: str) -> Activity | None:
    """The activity of one line in the line form, else None."""
    match = ITEM.fullmatch(line)
    return None if match is None else _activity(match.groups(), {}, {})
