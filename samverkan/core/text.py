"""Small text helpers every wing uses: "did you mean", and Markdown tables.

Pure standard-library code.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The closest of `choices` to `word`, for a "did you mean"."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


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
