"""Small text helpers every wing uses: "did you mean", word search, Markdown tables, JSON.

Pure standard-library code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any


def close_matches(word: str, choices: Sequence[str], most: int = 3) -> list[str]:
    """The `most` of `choices` closest to `word`, closest first: the one "did you mean" rule
    (how close is close enough) of every message that guesses."""
    return difflib.get_close_matches(str(word), list(choices), n=most, cutoff=0.6)


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The closest of `choices` to `word`, for a "did you mean"."""
    matches = close_matches(word, choices, 1)
    return matches[0] if matches else None


def fold(text: str) -> str:
    """Lower case without accents, so that "overvakning" finds "Övervakning"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """What a typed name is compared by: case, accents, spaces and punctuation ignored, so
    that `flerbostadsområde`, `Flerbostadsomrade` and `flerbostadsomrade` are one name, and
    `Otrygg plats/belysning` is `otrygg-plats-belysning`."""
    return re.sub(r"[\W_]+", "-", fold(text)).strip("-")


def find_by_name(word: str, names: Mapping[str, str]) -> str | None:
    """The id in `names` (id → title) that `word` names by its id or its title, compared
    by `name_key`; None when none does."""
    key = name_key(word)
    if not key:
        return None
    return next((ident for ident, title in names.items()
                 if name_key(ident) == key or name_key(title) == key), None)


def holds_words(query: str, text: str) -> bool:
    """Whether `text` holds every word of `query` (case and accents ignored)."""
    words = fold(query).split()
    return bool(words) and all(w in fold(text) for w in words)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: backslashes and pipes escaped, one line."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(headers: Sequence[object], rows: Sequence[Sequence[object]],
             numeric: Sequence[bool] = ()) -> str:
    """A Markdown table; columns marked `numeric` are right-aligned."""
    aligns = ["---:" if i < len(numeric) and numeric[i] else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(md_cell(h) for h in headers) + " |",
             "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# Characters a terminal acts on instead of showing: C0 controls (but tab and the line
# breaks), DEL, C1 controls, and the bidirectional overrides and isolates that reorder
# what is shown.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# ... and on output also a carriage return that does not end a line, and the lone
# surrogates that stand for bytes of a name that is not UTF-8 (they cannot be written).
_UNSAFE = re.compile(f"{CONTROL.pattern}|[\ud800-\udfff]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    """`text` with every character a terminal would act on (see `_UNSAFE`) written as a
    visible `\\uXXXX` escape, so that text from a file or a file name never clears the
    screen, sets the window title or reorders a line. Valid inside JSON strings too."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_text(data: Any) -> str:
    """`data` as the JSON every `--format json` writes (UTF-8 as is, indented)."""
    import json  # (only here: its import costs every command that writes none ~4M instructions)

    return json.dumps(data, ensure_ascii=False, indent=2)
