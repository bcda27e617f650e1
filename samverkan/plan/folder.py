"""Finding and reading plan files: the plan of a year, the valid plans of a folder.

Where the folders are (`plans_dir`, `data_dir`, `plan_years`) is `core.folders`', named
here too for the commands that find plans.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from samverkan.core.folders import (  # noqa: F401  (where the group's files are)
    data_dir,
    is_data_file,
    is_plan_name,
    plan_years,
    plans_dir,
)
from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, PlanNotFound
from samverkan.plan.reader import PlanRead, load_plan, read_plan

if TYPE_CHECKING:
    from samverkan.plan.model import Measurement, Plan

T = TypeVar("T")

AGREEMENT_FILE = "agreement.yaml"  # the goals over the whole agreement (see agreement.py)


def plan_path_for(folder: Path, year: int, lang: str = "sv", by: str = "year") -> Path:
    """The plan file of `year`, or a message that says which years exist (and how to
    choose one: `by` "year" for --year, "date" for log's --date)."""
    years = plan_years(folder)
    if year in years:
        return years[year]
    if not years:
        raise PlanNotFound(tr(lang, "no_plans_at_all", dir=folder, year=year))
    listed = ", ".join(str(y) for y in sorted(years))
    raise PlanNotFound(tr(lang, "no_plan_for_year", year=year, dir=folder, years=listed,
                             choose=tr(lang, f"choose_by_{by}")))


def load_valid(path: Path, lang: str = "sv") -> PlanRead:
    """Load a plan that must be free of errors (for `status` and the writing commands)."""
    return _valid(load_plan(path, lang), path, lang)


def _valid(read: PlanRead, path: Path, lang: str) -> PlanRead:
    if not read.ok:
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), read.errors)
    return read


def edit_plan(path: Path, edit: Callable[[PlanRead], tuple[str, T]],
              verify: Callable[[Plan, Plan, T], bool], lang: str = "sv") -> tuple[Plan, T]:
    """Change the text of the plan at `path` under `writer.update_file`'s lock.

    `edit` gets the plan as read (free of errors) and returns the new text and a
    result; the new text must read without errors and pass `verify(before, after,
    result)`, else nothing is written. A byte-order mark stays. Returns the new plan.
    """
    from samverkan.core.writer import encode_like, unexpected, update_file

    def transform(raw: bytes) -> tuple[bytes, tuple[Plan, T]]:
        read = _valid(read_plan(raw, str(path), lang), path, lang)
        text, result = edit(read)
        new = encode_like(raw, text)
        check = read_plan(new, str(path), lang)
        if not check.ok or check.plan is None or not verify(read.plan, check.plan, result):  # type: ignore[arg-type]
            raise unexpected(path, check.problems, lang)
        return new, (check.plan, result)

    return update_file(path, transform, lang)


def measurements_elsewhere(path: Path, year: int, lang: str = "sv") -> dict[str, list[Measurement]]:
    """Goal measurements recorded in the other plan files of the same folder, years ≤ `year`.

    A goal is measured once a year, and the measurement may be written into that
    year's plan; `status` looks across the folder so that `latest` is the newest. Only
    the part of each file before its activities is read. Files with errors there are
    skipped (`validate` reports them).
    """
    from samverkan.core.yamlfile import read_bytes
    from samverkan.plan.reader import read_head

    found: dict[str, list[Measurement]] = {}
    for other_year, other in sorted(plan_years(path.parent).items()):
        if other_year > year or other.resolve() == path.resolve():
            continue
        try:
            raw = read_bytes(other, lang)
            if b"measurements" not in raw:  # (a year without any: nothing to parse)
                continue
            plan = read_head(raw, str(other), lang)
        except Exception:  # noqa: BLE001, S112 - an unreadable neighbour must not stop status
            continue
        if plan is None:
            continue
        for _, goal in plan.goals():
            found.setdefault(goal.id, []).extend(goal.measurements)
    return found
