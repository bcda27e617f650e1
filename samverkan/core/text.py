"""Small text helpers every wing uses: "did you mean", word search, Markdown tables.

Pure standard-library code.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The closest of `choices` to `word`, for a "did you mean"."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def fold(text: str) -> str:
    """Lower case without accents, so that "overvakning" finds "Övervakning"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
