"""`samverkan merge BASE OURS THEIRS [PATH]`: the merge driver, as git calls it.

git runs the driver with three temporary files (`%O` the common ancestor, `%A` our
version, `%B` theirs) and the file's path in the repository (`%P`); the driver leaves
the result in `%A` and exits 0 when the merge is clean, non-zero when a human must
decide (the conflicts are then between markers in `%A`). That is all git needs for
`git pull`, `git pull --rebase`, `git merge` and `git cherry-pick` alike.

A clean merge is read back as its kind of file: errors that neither side had (an
activity of ours for a pledge they removed) make the driver exit non-zero with the
problems, every record still in the file. Should the merge by records fail in any way
of its own, git's line merge takes over, so that the driver never does worse than git
without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samverkan.core.i18n import tr
from samverkan.core.problems import Problem
from samverkan.core.writer import BOM
from samverkan.core.yamlfile import MAX_BYTES, read_bytes
from samverkan.sync.merge import CHANGED, REMOVED, SAME_KEY, Conflict, merge
from samverkan.sync.records import AGREEMENT, OTHER, PLAN, SERIES, kind_of_path
from samverkan.sync.textmerge import MARKER_SIZE, TextMergeFailed, merge_files


@dataclass
class Outcome:
    """What the driver did: its exit code for git and what to tell the person."""

    exit_code: int
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_driver(base: Path, ours: Path, theirs: Path, path: str | None = None,
               marker_size: int = MARKER_SIZE, lang: str = "sv") -> Outcome:
    """Merge the three files into `ours` (git's `%A`). Raises `Unreadable` (nothing
    written) when a file cannot be read."""
    shown = path or str(ours)
    raws = [read_bytes(p, lang) for p in (base, ours, theirs)]
    texts = [_decoded(raw) for raw in raws]
    try:
        if any(len(raw) > MAX_BYTES for raw in raws):  # (read only in part: git merges it)
            raise _NotText(tr(lang, "file_too_large_reason"))
        if any(text is None for text in texts):
            raise _NotText(tr(lang, "merge_reason_not_utf8"))
        kind = kind_of_path(shown, raws[1])
        result = merge(texts[0], texts[1], texts[2], shown, marker_size, kind)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - never worse than git's own line merge
        return _line_merge(base, ours, theirs, shown, marker_size, lang, exc)
    merged = (BOM if raws[1].startswith(BOM) else b"") + result.text.encode("utf-8")
    outcome = Outcome(0)
    if not result.by_records:
        outcome.notes.append(tr(lang, "merge_as_text", path=shown,
                                reason=tr(lang, "merge_reason_layout")))
    if result.conflicts:
        outcome.problems = [conflict_problem(c, shown, lang) for c in result.conflicts]
        outcome.notes.append(tr(lang, "merge_conflicts", path=shown,
                                count=len(result.conflicts)))
    else:
        outcome.problems = new_errors(merged, raws[1], raws[2], shown, kind, lang)
        if outcome.problems:
            outcome.notes.append(tr(lang, "merge_invalid", path=shown))
    ours.write_bytes(merged)
    outcome.exit_code = 1 if outcome.problems else 0
    return outcome


class _NotText(Exception):
    pass


def _decoded(raw: bytes) -> str | None:
    try:
        return raw.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _line_merge(base: Path, ours: Path, theirs: Path, shown: str, marker_size: int,
                lang: str, exc: Exception) -> Outcome:
    """git's own line merge of the files, when the merge by records could not run."""
    reason = str(exc) or type(exc).__name__
    try:
        merged, conflicts = merge_files(str(ours), str(base), str(theirs), marker_size)
    except TextMergeFailed as failed:
        return Outcome(1, notes=[tr(lang, "merge_failed", path=shown, reason=failed)])
    ours.write_bytes(merged)
    outcome = Outcome(1 if conflicts else 0, notes=[tr(lang, "merge_as_text", path=shown,
                                                       reason=reason)])
    if conflicts:
        text = merged.decode("utf-8", "replace")
        from samverkan.sync.merge import text_conflicts

        outcome.problems = [conflict_problem(c, shown, lang)
                            for c in text_conflicts(text, marker_size)]
        outcome.notes.append(tr(lang, "merge_conflicts", path=shown, count=conflicts))
    return outcome


def conflict_problem(conflict: Conflict, path: str, lang: str) -> Problem:
    """A conflict as a problem at its line, saying what to do."""
    values = {"what": tr(lang, conflict.what) if conflict.what else "",
              "key": conflict.key, "ours": conflict.ours_line, "theirs": conflict.theirs_line}
    if conflict.reason == CHANGED:
        key = "merge_conflict_changed"
    elif conflict.reason == SAME_KEY:
        key = "merge_conflict_same_key"
    elif conflict.reason == REMOVED:
        key = "merge_conflict_removed_ours" if not conflict.ours_line else \
            "merge_conflict_removed_theirs"
    else:
        key = "merge_conflict_text"
    return Problem(path, conflict.line, 1, "error", tr(lang, key, **values))


def errors_of(raw: bytes, path: str, kind: str, lang: str) -> list[Problem]:
    """The errors of one file of `kind` on its own (references to other files, which
    may be in the middle of the same merge, are not checked)."""
    if kind == PLAN:
        from samverkan.plan.reader import read_plan

        problems = read_plan(raw, path, lang).problems
    elif kind == AGREEMENT:
        from samverkan.followup.agreement import load_agreement_bytes

        problems = load_agreement_bytes(raw, path, lang).problems
    elif kind == SERIES:
        from samverkan.stats.series import load_series_bytes

        problems = load_series_bytes(raw, path, lang).problems
    elif kind == OTHER:
        from samverkan.core.yamlfile import read_document

        problems = read_document(raw, path, lang).problems
    else:
        from samverkan.est.files import load_est_bytes

        problems = load_est_bytes(raw, Path(path), kind, lang).problems
    return [p for p in problems if p.severity == "error"]


def new_errors(merged: bytes, ours: bytes, theirs: bytes, path: str, kind: str,
               lang: str) -> list[Problem]:
    """The merged file's errors that neither side had (compared by their message)."""
    found = errors_of(merged, path, kind, lang)
    if not found:
        return []
    known = {p.message for raw in (ours, theirs) for p in errors_of(raw, path, kind, lang)}
    return [p for p in found if p.message not in known]
