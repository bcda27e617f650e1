"""The activity record in the form `samverkan log` writes it, read without a YAML parser.

`log` writes every activity as one line, a flow mapping with its keys in a fixed order:

    activities:
      - {id: a1f3, pledge: trygghetsvandringar, date: 2021-03-18, tags: [centrum]}

A whole agreement period holds tens of thousands of such lines, and a YAML parser is
by far the slowest part of reading them. `split_plan` reads exactly this form with a
regular expression and nothing else: when the `activities:` list is not the last thing
in the file, when a line is not in this form, or when a value is one that YAML might
read differently (`yes`, `null`, a number, an escape it does not know, a character it
refuses), it answers None and the loader reads the whole file the ordinary way. What it
accepts, YAML reads to the same data: `tests/test_quickload.py` compares the two.

A row is a plain tuple `(id, pledge, date ordinal, count, place, tags, by, note)` with
None for a key that is absent, so that rows can be stored with `marshal`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

Row = tuple  # (id, pledge, date.toordinal(), count, place, tags tuple, by, note); None = absent
KEYS = ("id", "pledge", "date", "count", "place", "tags", "by", "note")
MAX_TEXT = 2000  # model.Text
RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})  # ≤ 5

_WORD = r"[a-z][a-z0-9-]{0,79}"  # a slug that YAML reads as a string
_PLAIN = r"[^\W\d_](?:[\w .()/&'-]*[\w.()/&'-])?"  # writer._PLAIN, no trailing space
_QUOTED = r'(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\\["\\])+'
_ITEM = (
    r"(?P<indent> *)- \{"
    r"(?:id: (?P<id>[a-z][a-z0-9]{1,15}), )?"
    r"pledge: (?P<pledge>" + _WORD + r"), date: (?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:, count: (?P<count>[1-9][0-9]{0,8}))?"
    r"(?:, place: (?:(?P<place>" + _PLAIN + r')|"(?P<place_q>' + _QUOTED + r')"))?'
    r"(?:, tags: \[(?P<tags>" + _WORD + r"(?:, " + _WORD + r")*)\])?"
    r"(?:, by: (?P<by>polis|kommun|gemensamt))?"
    r"(?:, note: (?:(?P<note>" + _PLAIN + r')|"(?P<note_q>' + _QUOTED + r')"))?'
    r"\} *"
)
ITEM = re.compile(_ITEM)  # one line, without its line break
_ITEM_LINES = re.compile(r"^" + _ITEM + r"\r?$", re.MULTILINE)
_KEY_LINE = re.compile(r"activities:(?: +#[^\n]*)? *")
_COMMENT = re.compile(r" *#[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                      r"\U00010000-\U0010ffff]*")
# Line breaks YAML and Python's str.splitlines count differently; with any of them the
# plan is read the ordinary way.
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass
class Split:
    """A plan file cut before its `activities:` line, with the activities read."""

    head: str  # the text up to and including the `activities:` line
    key_line: int  # 0-based line of `activities:`
    rows: list[Row]
    indent: str  # the items' indentation
    tail: int  # characters after the last item's line (blank lines, comments)
    needs_break: bool  # the last item line ends the file without a line break
    newline: str  # "\r\n" when the file uses it, else "\n"
    nodes: int  # YAML nodes the items add (for the loader's size limit)


def split_plan(text: str) -> Split | None:
    """The plan cut after `activities:`, or None when it is not in the strict form."""
    starts = [0] if text.startswith("activities:") else []
    at = text.find("\nactivities:")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\nactivities:", at + 1)
    if (len(starts) != 1 or text.startswith("%") or "\n%" in text
            or any(c in text for c in _ODD_BREAKS) or text.count("\r") != text.count("\r\n")):
        return None
    key_start = starts[0]
    key_end = text.find("\n", key_start) + 1 or len(text)
    if not _KEY_LINE.fullmatch(text[key_start:key_end].rstrip("\n").removesuffix("\r")):
        return None
    body = text[key_end:]
    rows: list[Row] = []
    pool: dict[Any, Any] = {}
    indent = None
    nodes = 0
    done = 0  # where the text not yet looked at starts
    for match in _ITEM_LINES.finditer(body):
        if match.start() != done + 1 and not _blank_or_comments(body, done, match.start()):
            return None
        if indent != match.group("indent"):
            if indent is not None:
                return None
            indent = match.group("indent")
        row = _row(match, pool)
        if row is None:
            return None
        rows.append(row)
        nodes += 1 + 2 * (8 - row.count(None)) + (len(row[5]) if row[5] is not None else 0)
        done = match.end()
    if not rows or indent is None or not _blank_or_comments(body, done, len(body)):
        return None
    tail = body[done:]
    needs_break = not tail
    if tail.startswith("\r\n"):
        tail = tail[2:]
    elif tail.startswith("\n"):
        tail = tail[1:]
    return Split(text[:key_end], text.count("\n", 0, key_start), rows, indent, len(tail),
                 needs_break, "\r\n" if "\r\n" in text else "\n", nodes)


def _blank_or_comments(body: str, start: int, end: int) -> bool:
    """Whether `body[start:end]` (after an item's line, or the list's first lines) holds
    nothing but line breaks, blank lines and comment lines."""
    if start:  # after an item: skip the rest of its line break
        start += 2 if body.startswith("\r\n", start) else 1
    for line in body[start:end].split("\n"):
        line = line.removesuffix("\r")
        if line.strip(" ") and not _COMMENT.fullmatch(line):
            return False
    return True


def parse_item(line: str) -> tuple[str, Row] | None:
    """(indentation, row) of one activity line in the strict form, else None."""
    match = ITEM.fullmatch(line)
    if match is None:
        return None
    row = _row(match, {})
    return None if row is None else (match.group("indent"), row)


def _row(match: re.Match, pool: dict) -> Row | None:
    (_, ident, pledge, date, count, place, place_q, tags, by, note, note_q) = match.groups()
    try:
        day = dt.date(int(date[:4]), int(date[5:7]), int(date[8:])).toordinal()
    except ValueError:
        return None
    words = [pledge] if ident is None else [pledge, ident]  # plain values: not yes, null, …
    tag_list = None
    if tags is not None:
        tag_list = tuple(tags.split(", "))
        words.extend(tag_list)
        tag_list = pool.setdefault(tag_list, tag_list)
    if place is not None:
        words.append(place)
    elif place_q is not None:
        place = _unquote(place_q)
    if note is not None:
        words.append(note)
    elif note_q is not None:
        note = _unquote(note_q)
    for word in words:
        if len(word) <= 5 and word.lower() in RESERVED:
            return None
    if (place is not None and len(place) > MAX_TEXT) or (note is not None and len(note) > MAX_TEXT):
        return None
    return (ident, pool.setdefault(pledge, pledge), day, None if count is None else int(count),
            None if place is None else pool.setdefault(place, place), tag_list,
            None if by is None else pool.setdefault(by, by), note)


def _unquote(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r'\\(["\\])', r"\1", text)


def row_nodes(row: Row) -> int:
    """The YAML nodes of one item: the mapping, each key and value, each tag."""
    present = sum(value is not None for value in row)
    return 1 + 2 * present + (len(row[5]) if row[5] is not None else 0)


def row_data(row: Row, _date: Any = dt.date.fromordinal) -> dict[str, Any]:
    """The item as YAML's safe loader gives it: present keys only, in the written order."""
    ident, pledge, day, count, place, tags, by, note = row
    data: dict[str, Any] = {"pledge": pledge, "date": _date(day)}
    if ident is not None:
        data = {"id": ident, **data}
    if count is not None:
        data["count"] = count
    if place is not None:
        data["place"] = place
    if tags is not None:
        data["tags"] = list(tags)
    if by is not None:
        data["by"] = by
    if note is not None:
        data["note"] = note
    return data


def item_row(item: dict[str, Any]) -> Row:
    """The row a written item (see `record.activity_item`) must read back as."""
    tags = item.get("tags")
    return (item.get("id"), item["pledge"], item["date"].toordinal(), item.get("count"),
            item.get("place"), tuple(tags) if tags else None, item.get("by"), item.get("note"))
