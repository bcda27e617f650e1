"""A seeded mutator of plan files, for the fuzz tests of the loader and `validate`.

`mutants(bases, count, seed)` yields `(name, bytes)` pairs: each a base plan with one
to three mutations applied, the kinds a broken editor, a bad merge or a hostile file
produce: lines deleted, duplicated or swapped, indentation changed, a value replaced
by one of another type, random bytes, truncation, YAML directives and anchors, other
encodings and line endings. The same seed gives the same cases, so a failure can be
replayed by its name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

VALUES = [
    "[]", "{}", "null", "~", "42", "-1", "0", "3.5", ".nan", "1e400", "true", "no", '""',
    '"text"', "2021-13-45", "2021-03-01", "2021-03-01T12:00:00", "[a, b]", "{a: 1}",
    "[[[[1]]]]", "&x 1", "*x", "*undefined", "!!binary aGVq", "!!python/object:os.system",
    "!!set {a}", "!!omap [a: 1]", "!custom x", "|", ">-", "'unterminated", '"unterminated',
    '"\\xZZ"', "x" * 3000, "811218-9876", "a: b: c", "- item", "? key", "@at", "`tick",
    "%percent", "\t1", "[1, 2", "{a: 1", "}", "]", ",", "#", "&", "*", "!", "'it''s'",
    "2100", "1999", "99999999999999999999999", "0x1F", "0o17", "+1", "=", "<<: *x",
]

LINES = [
    "---", "...", "%YAML 1.1", "%YAML 1.2", "%TAG ! tag:example.com,2000:", "<<: *x",
    "? complex key", ": value", "- ", "-", "key", "activities: [{id: 1}]", "activities:",
    "year: 2022", "pledges: null", "<<<<<<< HEAD", "=======", ">>>>>>> main",
    "# kontakt 19811218-9876", "\ufeffyear: 2021", "\t- tab", "anchor: &x [1, 2]",
    "alias: *x", "  - {id: a1, pledge: ungdomsfester, date: 2021-05-01}",
    "  - {id: a1, pledge: okand, date: 2021-02-30}", "!!python/name:os.system", "\x00",
    "\x1b[31m", "\u2028", "\u0085", "é" * 50, "'", '"', "|-", ">", "[", "{",
]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def delete_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def duplicate_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return "\n".join(lines)


def swap_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    j = min(len(lines) - 1, i + rng.choice([1, 1, 2, 5]))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def reindent(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    body = lines[i].lstrip(" ")
    indent = len(lines[i]) - len(body)
    how = rng.choice(["+1", "+2", "-1", "-2", "tab", "tab-mixed", "zero", "deep"])
    if how == "tab":
        lines[i] = "\t" * max(1, indent // 2) + body
    elif how == "tab-mixed":
        lines[i] = " " * indent + "\t" + body
    elif how == "zero":
        lines[i] = body
    elif how == "deep":
        lines[i] = " " * (indent + 40) + body
    else:
        lines[i] = " " * max(0, indent + int(how)) + body
    return "\n".join(lines)


def swap_type(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    candidates = [i for i, line in enumerate(lines) if ": " in line or line.rstrip().endswith(":")]
    if not candidates:
        return text
    i = rng.choice(candidates)
    head = lines[i].split(": ", 1)[0] if ": " in lines[i] else lines[i].rstrip()[:-1]
    lines[i] = f"{head}: {rng.choice(VALUES)}"
    return "\n".join(lines)


def swap_key(rng: random.Random, text: str) -> str:
    """Rename a key to another key of the file (or a typo of it)."""
    lines = _lines(text)
    keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]
    if len(keyed) < 2:
        return text
    i, j = rng.choice(keyed), rng.choice(keyed)
    key_j = lines[j].split(":", 1)[0].strip(" -")
    body = lines[i].lstrip(" -")
    prefix = lines[i][: len(lines[i]) - len(body)]
    rest = body.split(":", 1)[1] if ":" in body else ""
    if rng.random() < 0.3 and len(key_j) > 2:
        k = rng.randrange(len(key_j))
        key_j = key_j[:k] + key_j[k + 1:]
    lines[i] = f"{prefix}{key_j}:{rest}"
    return "\n".join(lines)


def insert_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines) + 1)
    indent = " " * rng.choice([0, 0, 2, 4, 6, 8])
    lines.insert(i, indent + rng.choice(LINES))
    return "\n".join(lines)


def replace_char(rng: random.Random, text: str) -> str:
    if not text:
        return text
    i = rng.randrange(len(text))
    char = rng.choice(":-[]{},#&*!|>'\"%@` \t\n\r\x00\ufeffå9")
    return text[:i] + char + text[i + 1:]


def line_endings(rng: random.Random, text: str) -> str:
    how = rng.choice(["crlf", "cr", "mixed", "bom", "bom-crlf", "no-final-newline"])
    if how == "crlf":
        return text.replace("\n", "\r\n")
    if how == "cr":
        return text.replace("\n", "\r")
    if how == "mixed":
        lines = _lines(text)
        return "".join(line + rng.choice(["\n", "\r\n"]) for line in lines)
    if how == "bom":
        return "\ufeff" + text
    if how == "bom-crlf":
        return "\ufeff" + text.replace("\n", "\r\n")
    return text.rstrip("\n")


TEXT_MUTATIONS: list[Callable[[random.Random, str], str]] = [
    delete_line, duplicate_line, swap_lines, reindent, swap_type, swap_key, insert_line,
    replace_char, line_endings,
]


def random_bytes(rng: random.Random, raw: bytes) -> bytes:
    i = rng.randrange(len(raw) + 1)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return raw[:i] + junk + raw[i:]


def flip_byte(rng: random.Random, raw: bytes) -> bytes:
    if not raw:
        return raw
    i = rng.randrange(len(raw))
    return raw[:i] + bytes([raw[i] ^ (1 << rng.randrange(8))]) + raw[i + 1:]


def truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def encoding(rng: random.Random, raw: bytes) -> bytes:
    text = raw.decode("utf-8", errors="replace")
    how = rng.choice(["utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig"])
    return text.encode(how, errors="replace")


BYTE_MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    random_bytes, flip_byte, truncate, encoding,
]


def mutate(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    """One to three mutations of `raw`; returns their names and the result."""
    names = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        if rng.random() < 0.75:
            op = rng.choice(TEXT_MUTATIONS)
            text = raw.decode("utf-8", errors="surrogateescape")
            raw = op(rng, text).encode("utf-8", errors="surrogateescape")
        else:
            op2 = rng.choice(BYTE_MUTATIONS)
            raw = op2(rng, raw)
            op = op2  # type: ignore[assignment]
        names.append(op.__name__)
    return "+".join(names), raw


def mutants(bases: dict[str, bytes], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutated plans, spread evenly over `bases`, named `base#index:mutations`."""
    rng = random.Random(seed)
    names = sorted(bases)
    for index in range(count):
        base = names[index % len(names)]
        how, raw = mutate(rng, bases[base])
        yield f"{base}#{index}:{how}", raw
