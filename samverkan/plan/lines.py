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

The file is read as bytes: a year of 100,000 activities is never decoded into one string
(a single non-Latin-1 character in a comment would double its size); each value is
decoded on its own. The line form is built from the model's own definitions
(`plan.model`: the id and slug rules, the owners, the text length) and YAML's own rules
of what a plain value means (`core.yamlfile.PLAIN_TEXT`, `plain_is_text`); what it
accepts, YAML reads to the same data, and `tests/test_lines.py` compares the two
readings.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from typing import Any

from samverkan.core.yamlfile import PLAIN_BYTES, plain_is_text, resolved_first, yaml_scalar
from samverkan.plan.model import ACTIVITY_ID, OWNERS, SLUG, TEXT, Activity


def _bare(pattern: str | None) -> bytes:
    return (pattern or "").removeprefix("^").removesuffix("$").encode()


_SLUG = _bare(SLUG.pattern)
# A quoted value: characters other than a quote, a backslash or a control character, and the
# escapes \" and \\, at least one. (Written as runs of plain characters between escapes, and
# each optional key as `(?:…|)` rather than `(?:…)?`: Python's regular expressions then match
# a line without pushing a frame for every character or key, about twice as fast.)
_PLAIN_Q = rb'[^"\\\x00-\x1f\x7f]*'
_QUOTED = rb'(?!")' + _PLAIN_Q + rb'(?:\\["\\]' + _PLAIN_Q + rb")*"
_TEXT = rb"(?:(?P<{0}>" + PLAIN_BYTES + rb')|"(?P<{0}_q>' + _QUOTED + rb')")'
_ITEM = (
    rb"(?P<indent> *)- \{"
    rb"(?:id: (?P<id>" + _bare(ACTIVITY_ID.pattern) + rb"), |)"
    rb"pledge: (?P<pledge>" + _SLUG + rb"), date: (?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    rb"(?:, count: (?P<count>[1-9][0-9]{0,5})|)"  # (a larger count: YAML reads it, and refuses)
    rb"(?:, place: " + _TEXT.replace(b"{0}", b"place") + rb"|)"
    rb"(?:, tags: \[(?P<tags>" + _SLUG + rb"(?:, " + _SLUG + rb")*)\]|)"
    rb"(?:, by: (?P<by>" + "|".join(OWNERS).encode() + rb")|)"
    rb"(?:, note: " + _TEXT.replace(b"{0}", b"note") + rb"|)"
    rb"\} *"
)
_ITEM_LINES = re.compile(rb"^" + _ITEM + rb"\r?$", re.MULTILINE)
# A comment: any character YAML takes in one (a control character other than a tab is refused
# by YAML, which then says where: the file is read the ordinary way).
_COMMENT_TEXT = rb"#[^\x00-\x08\x0a-\x1f\x7f]*"
_KEY_LINE = re.compile(rb"activities:(?: +" + _COMMENT_TEXT + rb")? *")
_COMMENT = re.compile(rb" *" + _COMMENT_TEXT)
# A line that starts at the margin and is no list item or comment: a key after the list.
# (Written with the line break first, so that the search runs from line break to line break.)
_TOP_LEVEL = re.compile(rb"\n(?:[^ #\r\n-]|-(?! |\r?\n|\r?\Z))")
# Characters (as UTF-8) that YAML counts as line breaks where this module does not (NEL,
# LS, PS), that YAML refuses although the line form's patterns let them through (C1 controls,
# U+FFFE, U+FFFF), or reads specially (a byte-order mark inside the text); with any of them
# the plan is read the ordinary way. Each is looked for after a one-byte search (as quick as
# a memory copy) says its first byte is there at all. (A tab, or a control character below
# U+0020, is in no line-form item, and anywhere else YAML itself says what is wrong.)
_ODD = {b"\xc2": re.compile(rb"\xc2[\x80-\x9f]"),
        b"\xe2": re.compile(rb"\xe2\x80[\xa8\xa9]"),
        b"\xef": re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])"),
        b"%": re.compile(rb"(?<=\n)%|\A%")}  # a directive: %YAML, %TAG


def _odd(body: bytes) -> bool:
    """Whether `body` holds anything that makes the item scanner's reading unsafe. Each
    first byte is found with `bytes.find` (a memory scan), and only its few places looked
    at, not the whole file with a regular expression."""
    for first, pattern in _ODD.items():
        at = body.find(first)
        while at != -1:
            if pattern.match(body, at):
                return True
            at = body.find(first, at + 1)
    return b"\r" in body and body.count(b"\r") != body.count(b"\r\n")


_MAX_TEXT = TEXT.max_length or 0


class Split:
    """A plan file (its bytes, without a byte-order mark) cut after its `activities:` line,
    its items found.

    `lines[k]` is the 0-based line where item k starts, `ends` the last line of the items
    written over several lines; `activities[k]` is item k's `Activity` when the item is
    in the line form, else None (the YAML parser reads it: `others` holds the text with
    everything but those items blanked, so that lines and columns stay the file's own).
    `insert_at` is where a new item's line goes (a byte offset, after the last item's
    line), `needs_break` whether a line break must come first; `nodes` the YAML nodes the
    line-form items add (for the size limit).
    """

    __slots__ = ("activities", "ends", "head", "indent", "insert_at", "key_line", "lines",
                 "needs_break", "newline", "nodes", "others")

    def __init__(self, head: bytes, key_line: int, newline: bytes):
        self.head = head
        self.key_line = key_line
        self.indent: bytes | None = None
        self.lines = array("i")
        self.ends: dict[int, int] = {}
        self.activities: list[Activity | None] = []
        self.others: str | None = None
        self.insert_at = len(head)
        self.needs_break = False
        self.newline = newline
        self.nodes = 0

    def end(self, index: int) -> int:
        """The 0-based last line of item `index`."""
        return self.ends.get(index, self.lines[index])


def head_of(body: bytes) -> bytes | None:
    """The bytes up to and including the `activities:` line, when the activities list is
    the last thing in the file (every later line indented, blank, a comment or a `- `
    item at the margin); else None. Cheap: the items are not read."""
    found = _key_line(body)
    if found is None or _TOP_LEVEL.search(body, found[1] - 1):
        return None
    return body[:found[1]]


def _key_line(body: bytes) -> tuple[int, int] | None:
    """Where the one `activities:` line at the margin starts and ends, when the file is one
    the item scanner can read."""
    at = body.find(b"\nactivities:")
    starts = [0] if body.startswith(b"activities:") else []
    while at != -1:
        starts.append(at + 1)
        at = body.find(b"\nactivities:", at + 1)
    if len(starts) != 1 or _odd(body):
        return None
    key_start = starts[0]
    key_end = body.find(b"\n", key_start) + 1 or len(body)
    if not _KEY_LINE.fullmatch(body[key_start:key_end].rstrip(b"\n").removesuffix(b"\r")):
        return None
    return key_start, key_end


def split_plan(body: bytes) -> Split | None:
    """The plan cut after `activities:`, its items found and those in the line form read;
    None when the file is not laid out so that this is safe (see the module's text)."""
    found = _key_line(body)
    if found is None:
        return None
    key_start, key_end = found
    key_line = body.count(b"\n", 0, key_start)
    newline = b"\r\n" if b"\r\n" in body else b"\n"
    split = Split(body[:key_end], key_line, newline)
    others: list[tuple[int, int]] = []  # (start, end) of items read by YAML
    lines, activities = split.lines, split.activities
    add_line, add_activity = lines.append, activities.append
    make = tuple.__new__
    risky = frozenset(c.encode() for c in resolved_first() if len(c.encode()) == 1)
    words: dict[bytes, str] = {}  # pledges and owners, as text
    tag_lists: dict[bytes, tuple[str, ...]] = {}
    places: dict[tuple, str] = {}
    dates: dict[bytes, dt.date] = {}
    nodes = 0
    done = key_end  # where the bytes not yet looked at start
    line_no = key_line + 1  # the line `done` is on
    indent = None
    for match in _ITEM_LINES.finditer(body, key_end):
        start = match.start()
        if start != done:
            line_no = _gap(body, done, start, line_no, split, others)
            if line_no < 0:
                return None
            indent = split.indent
        (spaces, ident, pledge, date, count, place, place_q, tags, by, note,
         note_q) = groups = match.groups()
        if spaces != indent:
            if indent is not None or (split.indent is not None and spaces != split.indent):
                return None
            indent = split.indent = spaces
        add_line(line_no)
        done = match.end() + 1  # (after the line break; past the end on the last line)
        line_no += 1
        activity = None
        try:  # (a value YAML might read otherwise makes the item YAML's: `_Other`)
            day = dates.get(date)
            if day is None:
                try:
                    day = dates[date] = dt.date(int(date[:4]), int(date[5:7]), int(date[8:]))
                except ValueError:
                    raise _Other from None
            known = words.get(pledge)
            if known is None:
                known = words[pledge] = _word(pledge)
            if ident is not None:
                risk = ident[:1] in risky
                ident = ident.decode()
                if risk and not plain_is_text(ident):
                    raise _Other
            tag_tuple: tuple[str, ...] = ()
            if tags is not None:
                listed = tag_lists.get(tags)
                if listed is None:
                    listed = tag_lists[tags] = tuple(_word(t) for t in tags.split(b", "))
                tag_tuple = listed
            if by is not None:
                by = words.get(by) or words.setdefault(by, by.decode())
            if place is not None or place_q is not None:
                key = (place, place_q)
                shared = places.get(key)
                if shared is None:
                    shared = places[key] = _text(place, place_q, risky)
                place = shared
            if note is not None:  # (as `_text`, written out: nearly every line has one)
                if note[-1:] == b" ":
                    raise _Other
                risk = note[:1] in risky
                note = note.decode()
                if (risk and not plain_is_text(note)) or len(note) > _MAX_TEXT:
                    raise _Other
            elif note_q is not None:
                note = _text(None, note_q, risky)
            activity = make(Activity, (known, day, ident, 1 if count is None else int(count),
                                       place, tag_tuple, by, note))
            nodes += 1 + 2 * (10 - groups.count(None)) + len(tag_tuple)
        except _Other:
            others.append((start, match.end()))
        add_activity(activity)
    split.nodes = nodes
    if done < len(body) and _gap(body, done, len(body), line_no, split, others) < 0:
        return None
    if activities:
        split.insert_at = _after_line(body, split.end(len(activities) - 1))
        split.needs_break = not body[:split.insert_at].endswith(b"\n")
    else:
        split.insert_at = key_end
        split.needs_break = not body[:key_end].endswith(b"\n")
    if others:
        split.others = _blanked(body, others)
    return split


class _Other(Exception):
    """The item is not in the line form after all: YAML reads it."""


def _word(value: bytes) -> str:
    """A pledge id or tag (a slug), as text; `_Other` if YAML reads it otherwise."""
    text = value.decode()
    if not (plain_is_text(text) and SLUG.matches(text)):
        raise _Other
    return text


def _text(plain: bytes | None, quoted: bytes | None, risky: frozenset[bytes]) -> str:
    """A place or a note as YAML reads it; `_Other` when it might read it otherwise."""
    if plain is not None:
        if plain.endswith(b" "):
            raise _Other  # (YAML drops the space at the end of a plain value)
        text = plain.decode()
        if plain[:1] in risky and not plain_is_text(text):
            raise _Other
    else:
        assert quoted is not None
        text = quoted.decode()
        if "\\" in text:
            text = re.sub(r'\\(["\\])', r"\1", text)
    if len(text) > _MAX_TEXT:
        raise _Other
    return text


def _after_line(body: bytes, line: int) -> int:
    """The offset just after 0-based `line` and its line break (the end for a last line
    without one); found from the end of the bytes, which the line is near."""
    breaks = body.count(b"\n")
    if line >= breaks:
        return len(body)
    at = len(body)
    for _ in range(breaks - line):  # the line's own break is this many from the end
        at = body.rfind(b"\n", 0, at)
    return at + 1


def _gap(body: bytes, start: int, end: int, line_no: int, split: Split,
         others: list[tuple[int, int]]) -> int:
    """Read `body[start:end]` (whole lines between line-form items, `start` on line
    `line_no`): blank lines, comments and items in other forms. Returns the number of the
    line at `end`, or -1 when a line belongs to no item (the file must then be read the
    ordinary way)."""
    segment = body[start:end]
    pieces = segment.split(b"\n")
    if segment.endswith(b"\n"):
        pieces.pop()  # (the empty bytes after the last line break are no line)
    item_start = -1
    at = start
    for line in pieces:
        text = line.removesuffix(b"\r")
        stripped = text.lstrip(b" ")
        indent = len(text) - len(stripped)
        starts_item = stripped == b"-" or stripped.startswith((b"- ", b"-#"))
        if not stripped or _COMMENT.fullmatch(text):
            pass  # blank or a comment: it goes with the item before it, if any
        elif starts_item and (split.indent is None or indent == len(split.indent)):
            if stripped.startswith(b"-#"):
                return -1
            if split.indent is None:
                split.indent = text[:indent]
            if item_start >= 0:
                others.append((item_start, at))
            item_start = at
            split.lines.append(line_no)
            split.activities.append(None)
        elif item_start >= 0 and split.indent is not None and indent > len(split.indent):
            split.ends[len(split.activities) - 1] = line_no  # a further line of the item
        else:
            return -1
        at += len(line) + 1
        line_no += 1
    if item_start >= 0:
        others.append((item_start, min(at, end)))
    return line_no


def _blanked(body: bytes, keep: list[tuple[int, int]]) -> str:
    """The text of `body` with every line outside the `keep` spans made empty (line
    breaks kept, so lines and columns stay the file's own)."""
    out = []
    done = 0
    for start, end in keep:
        out.append("\n" * body.count(b"\n", done, start))
        out.append(body[start:end].decode())
        done = end
    out.append("\n" * body.count(b"\n", done, len(body)))
    return "".join(out)


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
    split = split_plan(b"activities:\n" + line.encode() + b"\n")
    if split is None or len(split.activities) != 1:
        return None
    return split.activities[0]
