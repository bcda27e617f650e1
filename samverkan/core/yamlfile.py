"""Reading a human-edited YAML file into plain data, with every problem as data.

The same steps for every kind of file the tool reads (plans, the agreement, EST files,
data series): a size limit checked before reading, UTF-8 (a byte-order mark is fine,
UTF-16 is not), personal identity numbers anywhere (comments, keys, values, and values
written with YAML escapes), git conflict markers, YAML syntax, duplicate keys, nesting
depth and alias limits, control characters and numbers in spellings people do not
mean (`0x7E5`, `.nan`). `read_document` never raises on bad content: it returns a
`Document` whose `problems` say what is wrong, each at its line and column; only a
path that cannot be read at all raises `Unreadable`.

`position` turns a place in the data (`("pledges", 3, "target", "min")`) into a line and
column through the composed node tree; `check_records` validates the data as records
(see `core.records`) and places their problems. ruamel.yaml is imported only when a
file has to be parsed.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, final

from samverkan.core.i18n import identity_number_message, os_reason, tr, yaml_detail
from samverkan.core.pnr import find_identity_numbers
from samverkan.core.problems import Problem, SamverkanError

if TYPE_CHECKING:
    from ruamel.yaml.nodes import Node

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 100
MAX_EXPANDED = 5_000_000
SAFE_DEPTH = 500
"""Nesting that ruamel's C composer handles without exhausting the C stack (it crashes
the whole process, no exception, somewhere past a few thousand levels)."""

STR_TAG = "tag:yaml.org,2002:str"
IDENTITY_NUMBER = "identity_number"  # the `code` of a problem that is an identity number
# (Patterns are compiled on first use, not when the module is imported: a command that never
# needs one must not pay for it.)
_CONFLICT = rb"^(<{7}|={7}|>{7}|\|{7})(?: [^\r\n]*)?\r?$"
_LINE_BREAK = r"\r\n|[\r\n\x85\u2028\u2029]"
_DECIMAL = r"[-+]?(?:0|[1-9][0-9]*)"
# (the bidirectional overrides as UTF-8: YAML allows them, but they reorder what is shown)
_BIDI_BYTES = rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"
F = TypeVar("F", bound=Callable[..., Any])


class Unreadable(SamverkanError):
    """The path cannot be read at all (missing, a folder, no permission)."""


def without_gc(function: F) -> F:
    """Run `function` with the cyclic garbage collector paused. Reading a file makes
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


@final
class Oversized(bytes):
    """What `read_bytes` gives for a file larger than `MAX_BYTES`, without reading it: a
    marker (never empty, never text of any kind of file) and the file's real `size`.
    `decode` reports it as too large, like every other reader of the bytes."""

    size: int

    def __new__(cls, size: int) -> Oversized:
        made = super().__new__(cls, b"\0too large: %d bytes" % size)
        made.size = size
        return made


def size_of(raw: bytes) -> int:
    """The size of the file `raw` was read from (see `Oversized`)."""
    return raw.size if isinstance(raw, Oversized) else len(raw)


def read_bytes(path: Path, lang: str = "sv") -> bytes:
    """The file's bytes. A regular file larger than `MAX_BYTES` is not read at all (its
    size is checked first: an `Oversized` marker stands for it); from a stream (a pipe,
    /dev/zero) at most `MAX_BYTES` and one more byte are read. Raises `Unreadable` with
    the system's reason in the user's language."""
    import os
    import stat

    try:
        # (not blocking at the open: a named pipe that nobody writes to reads as empty
        # instead of waiting for ever)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            os.set_blocking(fd, True)
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
                return Oversized(info.st_size)
            data = handle.read(MAX_BYTES + 1)
            return Oversized(len(data)) if len(data) > MAX_BYTES else data
    except FileNotFoundError:
        raise Unreadable(tr(lang, "file_missing", path=path)) from None
    except OSError as exc:
        raise Unreadable(tr(lang, "file_unreadable", path=path,
                            reason=os_reason(lang, exc))) from None
    except MemoryError:
        raise Unreadable(tr(lang, "file_unreadable", path=path,
                            reason=tr(lang, "file_too_large_reason"))) from None


@functools.cache
def yaml_loader() -> Any:
    """ruamel.yaml's safe loader (C parser), keeping duplicate keys for our own report and
    reading an impossible date (`2021-12-32`) as text, so that it is reported where it
    stands, with the file's other problems, instead of stopping the reading."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    class Constructor(SafeConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError):
                return node.value

    Constructor.add_constructor("tag:yaml.org,2002:timestamp",
                                Constructor.construct_yaml_timestamp)
    yaml = YAML(typ="safe")
    yaml.Constructor = Constructor
    yaml.Resolver = _resolver()
    yaml.allow_duplicate_keys = True
    return yaml


def _resolver() -> type:
    """YAML 1.2's resolver, as ruamel.yaml's `typ="safe"` resolves with the C parser (which
    tells no `%YAML` version: it is always 1.2), without its versioned resolver's cost per
    scalar: that one asks for the version twice for every node, each time through
    attribute lookups that fail and raise (a third of composing a plan's head). ruamel's
    plain `Resolver` holds the same 1.2 patterns; the constructor asks the version too."""
    from ruamel.yaml.resolver import Resolver

    class Resolver12(Resolver):  # type: ignore[misc]
        processing_version = (1, 2)

        def __init__(self, version: Any = None, loader: Any = None,
                     loadumper: Any = None) -> None:  # (as the versioned one is made)
            super().__init__(loader if loader is not None else loadumper)

    return Resolver12


def plain_is_text(value: str) -> bool:
    """Whether `value`, written plain (without quotes), reads back as text in YAML and
    not as a number, a date, true/false or null: YAML's own rules (the resolver's
    patterns for the value's first character), asked without the resolver's overhead."""
    first = value[:1]
    if first not in resolved_first():
        return True
    for tag, pattern in _patterns_for(first):
        if pattern.match(value):
            return bool(tag == STR_TAG)
    return True


@functools.cache
def resolved_first() -> frozenset[str]:
    """The first characters of plain values YAML may read as something else than text."""
    return frozenset(first for first in yaml_loader().resolver.yaml_implicit_resolvers
                     if first is not None)


@functools.cache
def _patterns_for(first: str) -> tuple[tuple[str, Any], ...]:
    """The YAML resolver's (tag, pattern) pairs for plain values starting with `first`
    (ruamel compiles its patterns lazily, behind a wrapper that costs on every use: the
    compiled pattern is taken out of it once)."""
    table = yaml_loader().resolver.yaml_implicit_resolvers
    pairs = [*table.get(first, ()), *table.get(None, ())]
    return tuple((tag, _unwrapped(rx)) for tag, rx in pairs)


def _unwrapped(pattern: Any) -> Any:
    lazy = getattr(type(pattern), "__name__", "") == "LazyEval"
    return object.__getattribute__(pattern, "lazy_self")() if lazy else pattern


# --- writing a value so that it reads back the same --------------------------------

# Plain (unquoted) text that reads back the same inside a flow mapping `{…}`: a letter or any
# non-ASCII character first, then letters, digits, spaces, `_ . ( ) / & ' -` and non-ASCII
# characters: no commas, brackets, braces, colons, hashes or quotes, and no space at the end
# (checked apart). As text (for writing) and as UTF-8 bytes (for the quick reading).
PLAIN_TEXT = (r"[^\x00-@\[-`{-\x7f]"  # (written as what it is not: quick to compile)
              r"[^\x00-\x1f!\"#$%*+,:;<=>?@\[\\\]^`{|}~\x7f]*")
PLAIN_BYTES = rb"[A-Za-z\x80-\xff][A-Za-z0-9_ .()/&'\x80-\xff-]*"
# Words YAML 1.1 readers (editors, other tools) take for true/false/null: always quoted,
# although this tool's YAML 1.2 reads them as text.
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def yaml_scalar(value: Any) -> str:
    """One value as YAML flow text: plain where that reads back the same, else quoted."""
    import json

    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return flow_mapping(value)
    text = str(value)
    if (re.fullmatch(PLAIN_TEXT, text) and not text.endswith(" ") and text.isprintable()
            and text.lower() not in _RESERVED and "  " not in text and plain_is_text(text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_mapping(data: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in data.items()) + "}"



class Document:
    """One YAML file as read: its text, node tree and plain data, and the problems found.

    `root` and `data` are None when the file could not be parsed (the problems say why);
    `nodes` counts the YAML nodes with aliases expanded, for the size limit.
    """

    __slots__ = ("data", "nodes", "path", "problems", "raw", "root", "text")

    def __init__(self, path: str, raw: bytes, text: str | None = None,
                 problems: list[Problem] | None = None):
        self.path = path
        self.raw = raw
        self.text = text
        self.root: Node | None = None
        self.data: Any = None
        self.problems: list[Problem] = [] if problems is None else problems
        self.nodes = 0

    def problem(self, line: int, col: int, message_key: str, lang: str,
                severity: str = "error", **values: Any) -> None:
        self.add(line, col, tr(lang, message_key, **values), severity)

    def add(self, line: int, col: int, message: str, severity: str = "error",
            code: str = "") -> None:
        self.problems.append(Problem(self.path, line, col, severity,  # type: ignore[arg-type]
                                     message, code))

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def check_bytes(doc: Document, lang: str) -> bytes | None:
    """The file's bytes without a UTF-8 byte-order mark, checked to be UTF-8 (without
    making one string of them: a large file is checked a part at a time), or None with
    the problem noted: too large, UTF-16, or not UTF-8."""
    import codecs

    raw = doc.raw
    if size_of(raw) > MAX_BYTES:
        doc.problem(1, 1, "file_too_large", lang, size=size_of(raw) // 2**20,
                    limit=MAX_BYTES // 2**20)
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc.problem(1, 1, "utf16", lang)
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    step = 1 << 20
    try:
        for at in range(0, len(raw), step):
            decoder.decode(raw[at:at + step], at + step >= len(raw))
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            doc.problem(line, col, "bad_utf8", lang, byte=exc.start)
        return None
    return raw


def decode(doc: Document, lang: str) -> str | None:
    """The file's text (a UTF-8 byte-order mark dropped), or None with the problem noted
    (see `check_bytes`)."""
    body = check_bytes(doc, lang)
    if body is None:
        return None
    doc.text = body.decode("utf-8")
    return doc.text


def scan_text(doc: Document, body: bytes, lang: str) -> bool:
    """Identity numbers anywhere in the file (comments too) and git conflict markers;
    False when a conflict marker means the file cannot be read further. `body` is the
    file's bytes without a byte-order mark."""
    for line_no, line in lines_with_six_digits(body):
        for match in find_identity_numbers(line):
            doc.add(line_no, match.start + 1, identity_number_message(
                lang, match.masked, match.looks_like), code=IDENTITY_NUMBER)
    bidi = re.compile(_BIDI_BYTES)
    for at in _places(body, b"\xe2"):  # (every match starts with this byte)
        hit = bidi.match(body, at)
        if hit is not None:
            start = body.rfind(b"\n", 0, hit.start()) + 1
            row = body.count(b"\n", 0, start) + 1
            col = len(body[start:hit.start()].decode("utf-8", "replace")) + 1
            char = hit.group().decode("utf-8")
            doc.problem(row, col, "control_character", lang, code=f"U+{ord(char):04X}")
    conflicts = list(re.finditer(_CONFLICT, body, re.MULTILINE)) if any(
        marker in body for marker in (b"<<<<<<<", b"=======", b">>>>>>>", b"|||||||")) else []
    for hit in conflicts:
        row = body.count(b"\n", 0, hit.start()) + 1
        doc.problem(row, 1, "conflict_marker", lang, marker=hit.group(1).decode())
    return not conflicts


# Every identity number has its six date digits in a row (a format character such as a
# zero-width space between them is dropped by the rule; a fullwidth digit is a digit):
# as bytes, six digits or non-ASCII bytes in a row. Looking for that with `bytes.translate`
# and `find` skips the lines that cannot hold one at the speed of a memory copy.
_SIX = bytes.maketrans(b"0123456789" + bytes(range(0x80, 0x100)), b"0" * (10 + 0x80))
_ODD_BREAKS = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8",
               b"\xe2\x80\xa9")


def _places(body: bytes, byte: bytes) -> Iterator[int]:
    """Where `byte` (one byte) occurs in `body`, found with `bytes.find` (a memory scan)."""
    at = body.find(byte)
    while at != -1:
        yield at
        at = body.find(byte, at + 1)


def _contains(body: bytes, needle: bytes) -> bool:
    """`needle in body`, quicker when the needle's first byte is rare (as the first bytes
    of the odd line breaks are in Swedish text): a few places looked at instead of a
    search through every byte."""
    for count, at in enumerate(_places(body, needle[:1])):
        if body.startswith(needle, at):
            return True
        if count > 64:
            return needle in body
    return False


def lines_with_six_digits(body: bytes) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line of the file (its UTF-8 `body`) that may hold an
    identity number."""
    if ((b"\r" in body and body.count(b"\r") != body.count(b"\r\n"))
            or any(_contains(body, b) for b in _ODD_BREAKS)):
        for line_no, line in enumerate(body.decode("utf-8").splitlines(), start=1):
            yield line_no, line  # (as YAML counts lines)
        return
    line_no, counted, last = 1, 0, -1
    step = 1 << 20
    for part in range(0, len(body), step):  # (the copy made to look is a part at a time)
        window = body[part:part + step + 8].translate(_SIX)
        found = window.find(b"000000")
        while found != -1:
            at = part + found
            start = body.rfind(b"\n", 0, at) + 1
            end = body.find(b"\n", at)
            end = len(body) if end == -1 else end
            if start > last:
                line_no += body.count(b"\n", counted, start)
                counted = last = start
                yield line_no, body[start:end].decode("utf-8").removesuffix("\r")
            found = window.find(b"000000", end - part) if end - part < len(window) else -1


def read_document(raw: bytes, path: str, lang: str = "sv") -> Document:
    """Bytes → text → node tree → plain data, every problem noted on the way."""
    doc = Document(path, raw)
    body = check_bytes(doc, lang)
    if body is None or not scan_text(doc, body, lang):
        return doc
    text = doc.text = body.decode("utf-8")
    compose(doc, text, lang)
    if doc.root is None:
        return doc
    if not check_nodes(doc, doc.root, lang):
        return doc
    construct(doc, lang)
    return doc


@without_gc
def compose(doc: Document, text: str, lang: str) -> None:
    """The node tree of `text` into `doc.root`, or the syntax problem into `doc.problems`."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = yaml_loader()
    try:
        deep = too_deep_at(yaml, text) if may_nest_deeper_than(text, SAFE_DEPTH) else None
        if deep is not None:
            doc.problem(deep[0], deep[1], "too_deep", lang, limit=MAX_DEPTH)
            return
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        syntax_problem(doc, text, exc, lang)
        return
    except ReaderError as exc:
        line, col = line_col(text, exc.position)
        doc.problem(line, col, "control_character", lang, code=f"U+{exc.character:04X}")
        return
    except RecursionError:
        doc.problem(1, 1, "too_deep", lang, limit=MAX_DEPTH)
        return
    except YAMLError as exc:
        doc.problem(1, 1, "yaml_syntax", lang, detail=" ".join(str(exc).split()))
        return
    if root is None:
        doc.problem(1, 1, "empty_file", lang)
        return
    doc.root = root


def syntax_problem(doc: Document, text: str, exc: Any, lang: str) -> None:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(str(exc.problem or exc.context or "").split())
    lines = re.split(_LINE_BREAK, text)
    if line > len(lines):  # past the end of a file whose last line has no line break
        line, col = len(lines), len(lines[-1]) + 1
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = here[: len(here) - len(here.lstrip(" \t"))]
    if "\t" in indent or here[col - 1: col] == "\t":
        doc.problem(line, col, "yaml_tab", lang)
    else:
        doc.problem(line, col, "yaml_syntax", lang, detail=yaml_detail(lang, detail))


def construct(doc: Document, lang: str) -> None:
    """The plain data of `doc.root` into `doc.data`; a file must be a mapping."""
    from ruamel.yaml.error import YAMLError

    try:
        data = yaml_loader().constructor.construct_document(doc.root)
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        doc.problem(1, 1, "yaml_syntax", lang, detail=" ".join(str(exc).split()))
        return
    if not isinstance(data, dict):
        if data is None:
            doc.problem(1, 1, "empty_file", lang)
        else:
            kind = tr(lang, "kind_list" if isinstance(data, list) else "kind_value", value=data)
            doc.problem(1, 1, "not_a_mapping_top", lang, kind=kind)
        return
    doc.data = data


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting line breaks as YAML does."""
    starts = [m.end() for m in re.compile(_LINE_BREAK).finditer(text, 0, index)]
    start = starts[-1] if starts else 0
    return len(starts) + 1, index - start + 1


def may_nest_deeper_than(text: str, limit: int) -> bool:
    """A cheap upper bound on the nesting depth of `text`, compared with `limit`.

    A block collection nests deeper only on a more indented line (or, with a compact
    `- `/`? `/`key:`, through an indicator on the same line); a flow collection only
    through a `[` or `{`, possibly opened on an earlier line.
    """
    carried = 0
    lines = re.split(_LINE_BREAK, text)
    # An empty line (most of the text of the items YAML reads in a large plan) adds no
    # depth and carries none: it can exceed the limit only where the next line with text
    # would too, or after the last one (checked below). So only the lines with text are
    # looked at.
    for line in filter(None, lines):
        # (2 × (indent + 1) + marks is at most 2 × len(line) + 2: most lines need no
        # counting)
        if 2 * len(line) + 2 + carried > limit:
            body = line.lstrip(" ")
            indent = len(line) - len(body)
            marks = (body.count("-") + body.count("?") + body.count(":") + body.count("[")
                     + body.count("{"))
            if 2 * (indent + 1) + marks + carried > limit:
                return True
        if carried or "[" in line or "{" in line:
            carried = max(0, carried + line.count("[") + line.count("{")
                          - line.count("]") - line.count("}"))
    return "" in lines and (2 > limit or (not lines[-1] and 2 + carried > limit))


def too_deep_at(yaml: Any, text: str) -> tuple[int, int] | None:
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


_LIMITS = {_TooDeep: MAX_DEPTH, _TooMany: MAX_ALIASES, _TooLarge: MAX_EXPANDED, _Recursive: 0}


def check_nodes(doc: Document, root: Node, lang: str, already: int = 0) -> bool:
    """Problems only the node tree shows: duplicate keys, too deep, too many or too large
    aliases, and scalars that are not what they look like: a control character or an
    identity number written with YAML escapes, an integer in another base than ten.
    Adds the expanded size to `doc.nodes`; False when a limit was hit (the data must
    then not be constructed)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    seen: dict[int, int] = {}  # id(node) -> expanded size
    aliases = 0
    on_stack: set[int] = set()
    text = doc.text or ""

    def scalar(node: ScalarNode) -> None:
        value = node.value
        start, end = node.start_mark, node.end_mark
        if node.style and value != text[start.index:end.index]:  # quoted or block: decoded
            bad = _first_control(value)
            if bad is not None:
                doc.problem(start.line + 1, start.column + 1, "control_character_escaped",
                            lang, code=f"U+{ord(bad):04X}")
            if any(map(str.isdigit, value)):
                written = text[start.index:end.index]
                for match in find_identity_numbers(value):
                    if not find_identity_numbers(written):
                        doc.add(start.line + 1, start.column + 1, identity_number_message(
                            lang, match.masked, match.looks_like), code=IDENTITY_NUMBER)
                        break
        elif (str(node.tag).endswith(":int") and not node.style
              and not re.fullmatch(_DECIMAL, value)):
            doc.problem(start.line + 1, start.column + 1, "int_not_decimal", lang,
                        written=value, decimal=_as_decimal(value))

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
                        doc.problem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                    "duplicate_key", lang, key=name,
                                    first=first_seen[name].start_mark.line + 1)
                    else:
                        first_seen[name] = key_node
                size += walk(key_node, depth + 1) + walk(value_node, depth + 1)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                size += walk(item, depth + 1)
        elif isinstance(node, ScalarNode):
            scalar(node)
        on_stack.discard(key)
        seen[key] = size
        if already + size > MAX_EXPANDED:
            raise _TooLarge(node)
        return size

    try:
        doc.nodes += walk(root, 0)
    except _NodeLimit as exc:
        mark = exc.node.start_mark
        doc.problem(mark.line + 1, mark.column + 1, exc.key, lang, limit=_LIMITS[type(exc)])
        return False
    except RecursionError:
        doc.problem(1, 1, "too_deep", lang, limit=MAX_DEPTH)
        return False
    return True


def _first_control(value: str) -> str | None:
    """The first character of `value` that `_is_control`, or None (one search, not a call
    per character: the quoted texts of a plan's head run to thousands of characters)."""
    from samverkan.core.text import CONTROL

    found = CONTROL.search(value)
    at = found.start() if found is not None else len(value)
    cr = value.find("\r", 0, at)
    return value[cr] if cr != -1 else (found.group() if found is not None else None)


def _is_control(char: str) -> bool:
    """A character a terminal would act on: C0 and C1 controls (but tab and line break),
    DEL, and the bidirectional overrides that reorder what is shown."""
    from samverkan.core.text import CONTROL

    return char == "\r" or CONTROL.match(char) is not None


def _as_decimal(value: str) -> str:
    try:
        return str(int(value.replace("_", ""), 0))
    except ValueError:
        return value


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


# --- records and checks over the data -------------------------------------------------


class Finding(NamedTuple):
    """A check's finding: where (`loc`, a path of keys and indexes), what (a message
    key and its values), how bad. `values["first"]` may be a `loc` too (it becomes
    that place's line number)."""

    loc: tuple
    key: str
    severity: str = "error"
    values: dict[str, Any] = {}  # noqa: RUF012 - (never changed: a finding is made whole)
    on_key: bool = False


Locate = Callable[[tuple, bool, bool], tuple[int, int]]


def place_errors(problems: list[Problem], path: str, errors: list[dict], lang: str,
                 root_cls: type, known: frozenset[str], locate: Locate) -> None:
    """pydantic-core's problems with the data as `Problem`s placed by `locate`."""
    from samverkan.core.records import error_message

    for err in errors:
        loc = tuple(err["loc"])
        line, col = locate(loc, err["type"] == "extra_forbidden", err["type"] == "missing")
        problems.append(Problem(path, line, col, "error",
                                error_message(err, lang, root_cls, known)))


def place_findings(problems: list[Problem], path: str, findings: list[Finding], lang: str,
                   locate: Locate) -> None:
    for finding in findings:
        line, col = locate(finding.loc, finding.on_key, False)
        values = dict(finding.values)
        if isinstance(values.get("what"), str):
            values["what"] = tr(lang, values["what"])
        if isinstance(values.get("first"), tuple):
            values["first"] = locate(values["first"], False, False)[0]
        guess = values.pop("did_you_mean", None)
        message = tr(lang, finding.key, **values)
        if guess:
            message = f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
        problems.append(Problem(path, line, col, finding.severity,  # type: ignore[arg-type]
                                message))


def check_records(doc: Document, cls: type, checks: Callable[[Any], list[Finding]],
                  known: frozenset[str], lang: str = "sv") -> Any:
    """Validate `doc.data` as a `cls` record and run `checks` over it; every problem
    goes into `doc.problems` at its place. Returns the record, or None."""
    from samverkan.core.records import validate

    if doc.data is None:
        return None
    record, errors = validate(cls, doc.data)

    def locate(loc: tuple, on_key: bool, parent: bool) -> tuple[int, int]:
        return position(doc.root, loc, on_key=on_key, parent=parent)

    place_errors(doc.problems, doc.path, errors, lang, cls, known, locate)
    place_findings(doc.problems, doc.path, checks(doc.data), lang, locate)
    doc.problems.sort(key=lambda p: (p.line, p.col))
    return record


def items(data: Any, key: str) -> list[tuple[int, dict]]:
    """The mappings in the list `data[key]`, with their indexes (for checks over data
    whose shape may be wrong)."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def duplicate_ids(what: str, entries: list[tuple[tuple, dict]]) -> Iterator[Finding]:
    """An id names one thing of its kind (`what`, a message key)."""
    first: dict[Any, tuple] = {}
    for loc, item in entries:
        ident = item.get("id")
        if not isinstance(ident, (str, int, float, dt.date)):
            continue  # a list, mapping or set as id is reported by the model
        if ident in first:
            yield Finding(loc + ("id",), "duplicate_id",
                          values={"what": what, "id": ident, "first": first[ident]})
        else:
            first[ident] = loc + ("id",)


# --- a file of any kind as one object (EST files, data series, the agreement) --------


class Loaded:
    """A file of some kind as read: its problems, its text and node tree, and (`plan`,
    whatever the kind: a series, an EST file, the agreement) its record when its shape
    is right."""

    def __init__(self, doc: Document, record: Any):
        self.path = doc.path
        self.raw = doc.raw
        self.text = doc.text
        self.root = doc.root
        self.problems = doc.problems
        self.plan = record

    @property
    def valid(self) -> bool:
        return self.plan is not None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(p.severity == "error" for p in self.problems)


def read_model(raw: bytes, path: str, model: type, run_checks: Callable[[Any], list[Finding]],
               lang: str = "sv", known: frozenset[str] = frozenset()) -> Loaded:
    """Bytes of a human-edited YAML file → problems and, when its shape is right, its
    `model` record (see `core.records`); `known` are the message keys the records' own
    checks raise."""
    doc = read_document(raw, path, lang)
    if doc.data is None:
        return Loaded(doc, None)
    return Loaded(doc, check_records(doc, model, run_checks, known, lang))
