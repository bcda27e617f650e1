"""Three versions of a file merged record by record: `merge(base, ours, theirs, path)`.

Several people log in their own clones; git brings their files together. Records that
have ids (see `records`: activities, measurements, observations, analyses, measures,
follow-ups, group pictures, series values) merge as sets, by key:

- added on either side: kept (the same record added on both sides: kept once);
- removed on one side and untouched on the other: removed;
- changed on one side only: that side's text;
- changed differently on both sides, removed on one and changed on the other, or two
  different records added with one key: a conflict, between git's markers around just
  that record, both versions kept (`Conflict` says where each one stands).

Everything else (pledges, goals, comments, the layout around the lists: the "frame")
merges as text, line by line, exactly as git would (`textmerge`): each list's records
are taken out of the three texts, a placeholder line standing where the list is, the
three frames are merged, and the merged records are put back at the placeholder:
ours in our order, then theirs' additions after the record they follow in theirs. Each
record's text is copied verbatim from the side it comes from, so comments and layout
stay byte for byte. When a text cannot be cut into records (not YAML, a placeholder
caught in a conflict of the frame, a list whose placeholder the frame merge dropped
while it still has records), the whole file merges as text, as git would have merged
it: nothing is ever dropped silently.

Pure on texts (the line merge runs `git merge-file` on temporary files).
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from samverkan.sync.records import Cut, RecordList, kind_of_path, read_lists
from samverkan.sync.textmerge import MARKER_SIZE, merge_text

CHANGED = "changed"    # changed differently on both sides
REMOVED = "removed"    # removed on one side, changed on the other
SAME_KEY = "same_key"  # two different records added with one key (id, year, period)
TEXT = "text"          # lines outside the records changed differently on both sides


@dataclass(frozen=True)
class Conflict:
    """Where a human must decide: `line` is the 1-based line of the conflict's `<<<<<<<`
    in the result; for a record, `what` (a message key) and `key` name it and
    `ours_line`/`theirs_line` say where each side's version stands (0: that side has
    none)."""

    line: int
    reason: str
    what: str = ""
    key: str = ""
    ours_line: int = 0
    theirs_line: int = 0


@dataclass
class MergeResult:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    by_records: bool = True  # False: the whole file was merged as text
    records: int = 0         # records in the merged lists


def merge(base: str, ours: str, theirs: str, path: str, marker_size: int = MARKER_SIZE,
          kind: str | None = None) -> MergeResult:
    """`ours` and `theirs`, two changed versions of `base` (the file at `path` in the
    repository, which tells its kind), merged."""
    if ours == theirs or base == theirs:
        return MergeResult(ours)
    if base == ours:
        return MergeResult(theirs)
    kind = kind or kind_of_path(path, ours.encode("utf-8"))
    cuts = [read_lists(text, kind) for text in (base, ours, theirs)]
    if all(cut is not None for cut in cuts):
        result = _by_records(cuts[0], cuts[1], cuts[2], (base, ours, theirs),  # type: ignore[arg-type]
                             marker_size, kind)
        if result is not None:
            return result
    return as_text(base, ours, theirs, marker_size)


def as_text(base: str, ours: str, theirs: str, marker_size: int = MARKER_SIZE) -> MergeResult:
    """The whole file merged line by line, as git merges it without the driver."""
    text, _ = merge_text(base, ours, theirs, marker_size)
    return MergeResult(text, text_conflicts(text, marker_size), by_records=False)


def text_conflicts(text: str, marker_size: int = MARKER_SIZE) -> list[Conflict]:
    return [Conflict(number, TEXT) for number, line in enumerate(text.splitlines(), start=1)
            if _is_marker(line, "<", marker_size)]


def _is_marker(line: str, char: str, size: int) -> bool:
    return line.startswith(char * size) and line[size:size + 1] in ("", " ", "\r", "\n")


# --- the frame: a text without its records, a placeholder line for each list --------------


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _line_end(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def _frame(cut: Cut, token: str, newline: str) -> str:
    """The text of `cut` with each list's items (and the comments between them) replaced
    by one placeholder line; an empty list (`key: []` or `key:`) is written `key:` and
    the placeholder, so that an empty and a filled list differ in no line of the frame."""
    lines = cut.lines
    edits: list[tuple[int, int, list[str]]] = []
    for found in cut.lists:
        mark = token + found.name
        if found.items:
            last = lines[found.items[-1].end]
            edits.append((found.items[0].start, found.items[-1].end, [mark + _line_end(last)]))
            continue
        key = lines[found.key_line]
        if found.flow_at is not None:
            opening, closing = found.flow_at
            key = key[:opening].rstrip(" ") + key[closing:]
        if _line_end(key):
            edits.append((found.key_line, found.key_line, [key, mark + newline]))
        else:
            edits.append((found.key_line, found.key_line, [key + newline, mark]))
    out: list[str] = []
    done = 0
    for start, end, new in sorted(edits):
        out.extend(lines[done:start])
        out.extend(new)
        done = end + 1
    out.extend(lines[done:])
    return "".join(out)


def _token(texts: tuple[str, ...]) -> str:
    """The start of the placeholder lines: found in none of the texts."""
    while True:
        token = f"#samverkan-merge-{secrets.token_hex(8)}:"
        if not any(token in text for text in texts):
            return token


# --- the records of one list as sets -------------------------------------------------------


@dataclass
class Side:
    """One version's records of one list: their keys in order and their texts."""

    order: list[tuple]
    texts: dict[tuple, str]
    found: RecordList | None


def _side(cut: Cut, found: RecordList | None) -> Side:
    if found is None:
        return Side([], {}, None)
    order = [item.key for item in found.items]
    return Side(order, {item.key: cut.item_text(item) for item in found.items}, found)


KEEP_OURS, KEEP_THEIRS, DROP, CONFLICT = "ours", "theirs", "drop", "conflict"


def decide(base: str | None, ours: str | None, theirs: str | None) -> tuple[str, str]:
    """(what to do, the conflict's reason) for one record's text in the three versions
    (None: the version has no such record)."""
    if ours is not None and theirs is not None:
        if ours == theirs:
            return KEEP_OURS, ""
        if base is None:
            return CONFLICT, SAME_KEY
        if ours == base:
            return KEEP_THEIRS, ""
        if theirs == base:
            return KEEP_OURS, ""
        return CONFLICT, CHANGED
    if ours is not None:
        if base is None:
            return KEEP_OURS, ""
        return (DROP, "") if ours == base else (CONFLICT, REMOVED)
    if theirs is not None:
        if base is None:
            return KEEP_THEIRS, ""
        return (DROP, "") if theirs == base else (CONFLICT, REMOVED)
    return DROP, ""


def merged_order(base: Side, ours: Side, theirs: Side) -> list[tuple[tuple, str, str]]:
    """The merged list: (key, what to do, reason) in order, without the records dropped.

    Ours in our order; a record only theirs has goes after the record it follows in
    theirs (after any records only we added there), or first when it is theirs' first."""
    decided: dict[tuple, tuple[str, str]] = {}

    def decision(key: tuple) -> tuple[str, str]:
        found = decided.get(key)
        if found is None:
            found = decided[key] = decide(base.texts.get(key), ours.texts.get(key),
                                          theirs.texts.get(key))
        return found

    after: dict[tuple | None, list[tuple]] = {}  # records only theirs has, by the record before
    anchor: tuple | None = None
    for key in theirs.order:
        if key in ours.texts:
            anchor = key
        elif decision(key)[0] != DROP:
            after.setdefault(anchor, []).append(key)
    result: list[tuple[tuple, str, str]] = []
    pending = after.pop(None, [])
    for key in ours.order:
        if key in theirs.texts and pending:
            result.extend((k, *decision(k)) for k in pending)
            pending = []
        what = decision(key)
        if what[0] != DROP:
            result.append((key, *what))
        pending.extend(after.pop(key, []))
    result.extend((k, *decision(k)) for k in pending)
    return result


# --- putting it together ---------------------------------------------------------------------


def _by_records(base: Cut, ours: Cut, theirs: Cut, texts: tuple[str, str, str],
                marker_size: int, kind: str) -> MergeResult | None:
    token = _token(texts)
    frames = [_frame(cut, token, _newline(text)) for cut, text in zip((base, ours, theirs), texts)]
    merged_frame, _ = merge_text(frames[0], frames[1], frames[2], marker_size=marker_size)
    lists = {side: {found.name: found for found in cut.lists}
             for side, cut in (("base", base), ("ours", ours), ("theirs", theirs))}
    names = list(dict.fromkeys([*lists["ours"], *lists["theirs"], *lists["base"]]))
    sides = {name: (_side(base, lists["base"].get(name)), _side(ours, lists["ours"].get(name)),
                    _side(theirs, lists["theirs"].get(name))) for name in names}
    orders = {name: merged_order(*sides[name]) for name in names}
    frame_lines = _opened_on_both_sides(merged_frame.splitlines(keepends=True), token,
                                        marker_size)
    places = _placeholders(frame_lines, token, marker_size)
    if places is None:
        return None
    if any(orders[name] and name not in places.values() for name in names):
        return None  # records whose list the frame merge dropped: merge as text
    newline = _newline(texts[1])
    out = _Out()
    for number, line in enumerate(frame_lines):
        name = places.get(number)
        if name is None:
            out.frame_line(line, marker_size)
            continue
        if name not in sides:  # (a placeholder of a list no side has: cannot happen)
            return None
        order = orders[name]
        if not order:
            out.empty_list(sides[name], _line_end(line))
            continue
        pieces = list(_pieces(order, sides[name], marker_size, out, newline))
        out.add(newline.join(pieces) + _line_end(line))
    result = MergeResult("".join(out.parts), out.conflicts,
                         records=sum(len(order) for order in orders.values()))
    if not result.conflicts and not _same_records(result.text, kind, orders):
        return None
    return result


def _opened_on_both_sides(lines: list[str], token: str, marker_size: int) -> list[str]:
    """The frame with each conflict in which both sides only opened lists of records
    (`follow_ups:` on one side, `analyses:` on the other, both at the end of the file)
    resolved: ours' new lists, then theirs'."""
    out: list[str] = []
    at = 0
    while at < len(lines):
        if not _is_marker(lines[at], "<", marker_size):
            out.append(lines[at])
            at += 1
            continue
        parts: list[list[str]] = [[]]
        end = at + 1
        while end < len(lines) and not _is_marker(lines[end], ">", marker_size):
            if _is_marker(lines[end], "|", marker_size) or _is_marker(lines[end], "=",
                                                                       marker_size):
                parts.append([])
            else:
                parts[-1].append(lines[end])
            end += 1
        if end < len(lines) and len(parts) == 3 and not parts[1]:
            ours, theirs = _openings(parts[0], token), _openings(parts[2], token)
            if ours is not None and theirs is not None:
                out.extend(parts[0])
                for name, pair in theirs.items():
                    if name not in ours:
                        out.extend(pair)
                at = end + 1
                continue
        out.extend(lines[at:end + 1])
        at = end + 1
    return out


def _openings(lines: list[str], token: str) -> dict[str, list[str]] | None:
    """{list name: its two lines} when `lines` are only lists opened (`key:` and the
    placeholder of an empty list), else None."""
    if not lines or len(lines) % 2:
        return None
    found: dict[str, list[str]] = {}
    for key, mark in zip(lines[::2], lines[1::2]):
        if not mark.startswith(token):
            return None
        name = mark[len(token):].rstrip("\r\n")
        if key.strip() != name.split(":", 1)[0] + ":" or name in found:
            return None
        found[name] = [key, mark]
    return found


def _placeholders(lines: list[str], token: str, marker_size: int) -> dict[int, str] | None:
    """Line number → list name of each placeholder in the merged frame; None when one is
    inside a conflict or stands twice (the records' place is then not known)."""
    found: dict[int, str] = {}
    inside = False
    for number, line in enumerate(lines):
        if _is_marker(line, "<", marker_size):
            inside = True
        elif _is_marker(line, ">", marker_size):
            inside = False
        elif line.startswith(token):
            if inside:
                return None
            found[number] = line[len(token):].rstrip("\r\n")
    if len(set(found.values())) != len(found):
        return None
    return found


class _Out:
    """The merged text as it is written, with its line count and conflicts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.lines = 0  # line breaks written so far
        self.conflicts: list[Conflict] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.lines += text.count("\n")

    def frame_line(self, line: str, marker_size: int) -> None:
        if _is_marker(line, "<", marker_size):
            self.conflicts.append(Conflict(self.lines + 1, TEXT))
        self.add(line)

    def empty_list(self, sides: tuple[Side, Side, Side], line_end: str) -> None:
        """No records left: the placeholder goes, and `key:` becomes `key: []` again
        when the list was written so (in ours, else theirs, else base)."""
        base, ours, theirs = sides
        forms = [side.found.empty for side in (ours, theirs, base)
                 if side.found is not None and side.found.empty is not None]
        form = forms[0] if forms else "flow"
        found = next(side.found for side in (ours, theirs, base) if side.found is not None)
        key = found.name.split(":", 1)[0] + ":"
        if not line_end and self.parts:  # (the placeholder was the last line)
            self.parts[-1] = self.parts[-1].rstrip("\r\n")
        if form != "flow":
            return
        for index in range(len(self.parts) - 1, -1, -1):
            part = self.parts[index]
            stripped = part.strip()
            if not stripped or stripped.startswith("#"):
                continue
            at = part.find(key)
            body = part[at + len(key):].strip() if at >= 0 else "x"
            if at >= 0 and (not body or body.startswith("#")):
                self.parts[index] = part[:at + len(key)] + " []" + part[at + len(key):]
            break


def _pieces(order: list[tuple[tuple, str, str]], sides: tuple[Side, Side, Side],
            marker_size: int, out: _Out, newline: str) -> Iterator[str]:
    """The text of each merged record (a conflict: both versions between markers), in
    order; conflicts are noted in `out` with their lines."""
    base, ours, theirs = sides
    line = out.lines + 1  # the line the next piece starts on
    found = next(side.found for side in (ours, theirs, base) if side.found is not None)
    for key, what, reason in order:
        if what == KEEP_OURS:
            piece = ours.texts[key]
        elif what == KEEP_THEIRS:
            piece = theirs.texts[key]
        else:
            versions = [ours.texts.get(key), base.texts.get(key), theirs.texts.get(key)]
            labels = ["<" * marker_size + " ours", "|" * marker_size + " base",
                      "=" * marker_size, ">" * marker_size + " theirs"]
            block = [labels[0]]
            ours_line = line + 1 if versions[0] is not None else 0
            for version, label in zip(versions, labels[1:]):
                if version is not None:
                    block.append(version)
                block.append(label)
            theirs_at = line + sum(b.count("\n") + 1 for b in block[:-2])
            out.conflicts.append(Conflict(line, reason, found.what, _shown(key, found.name),
                                          ours_line,
                                          theirs_at if versions[2] is not None else 0))
            piece = newline.join(block)
        yield piece
        line += piece.count("\n") + 1


def _shown(key: tuple, list_name: str) -> str:
    """A record's key as a person reads it: the id, the goal and year, the period
    (category)."""
    name, *values, _count = key
    if name == "year" and ":" in list_name:
        return f"{list_name.split(':', 1)[1]}, {values[0]}"
    if name == "text":
        first = values[0].strip().splitlines()[0] if values[0].strip() else ""
        return first.lstrip("- ")[:60]
    if name == "period" and len(values) > 1 and values[1] is not None:
        return f"{values[0]} ({values[1]})"
    return str(values[0])


def _same_records(text: str, kind: str, orders: dict[str, list]) -> bool:
    """The merged text, cut again, holds exactly the merged records (a check that no
    record was lost or doubled in putting the text together)."""
    cut = read_lists(text, kind)
    if cut is None:
        return False
    found = {listed.name: Counter(item.key for item in listed.items) for listed in cut.lists}
    return all(Counter(key for key, _, _ in order) == found.get(name, Counter())
               for name, order in orders.items())
