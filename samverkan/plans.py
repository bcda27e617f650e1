"""Finding plan files: the plans folder, the plan of a year, the years that exist.

Plans live in `./plans/` unless `--plans-dir` or `SAMVERKAN_PLANS_DIR` says otherwise,
one file per year named `YYYY.yaml`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from samverkan.i18n import tr
from samverkan.loader import LoadedPlan, load_plan
from samverkan.problems import PlanInvalid, PlanNotFound

if TYPE_CHECKING:
    from samverkan.model import Measurement

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


def plans_dir(option: Path | None) -> Path:
    if option is not None:
        return option
    env = os.environ.get("SAMVERKAN_PLANS_DIR")
    return Path(env) if env else Path("plans")


def plan_years(folder: Path) -> dict[int, Path]:
    """Every `YYYY.yaml` in `folder`, by year."""
    if not folder.is_dir():
        return {}
    found = {}
    for entry in sorted(folder.iterdir()):
        match = _YEAR_FILE.match(entry.name)
        if match and entry.is_file():
            found[int(match.group(1))] = entry
    return found


def plan_path_for(folder: Path, year: int, lang: str = "sv") -> Path:
    """The plan file of `year`, or a message that says which years exist."""
    years = plan_years(folder)
    if year in years:
        return years[year]
    if not years:
        raise PlanNotFound(tr(lang, "no_plans_at_all", dir=folder, year=year))
    listed = ", ".join(str(y) for y in sorted(years))
    raise PlanNotFound(tr(lang, "no_plan_for_year", year=year, dir=folder, years=listed))


def load_valid(path: Path, lang: str = "sv") -> LoadedPlan:
    """Load a plan that must be free of errors (for `status` and the writing commands)."""
    loaded = load_plan(path, lang)
    if not loaded.ok:
        errors = [p for p in loaded.problems if p.severity == "error"]
        raise PlanInvalid(tr(lang, "plan_has_errors", path=path), errors)
    return loaded


def measurements_elsewhere(path: Path, year: int, lang: str = "sv") -> dict[str, list[Measurement]]:
    """Goal measurements recorded in the other plan files of the same folder, years ≤ `year`.

    A goal is measured once a year, and the measurement may be written into that
    year's plan; `status` looks across the folder so that `latest` is the newest.
    Files with errors are skipped here (`validate` reports them).
    """
    found: dict[str, list[Measurement]] = {}
    for other_year, other in sorted(plan_years(path.parent).items()):
        if other_year > year or other.resolve() == path.resolve():
            continue
        try:
            loaded = load_plan(other, lang)
        except Exception:  # noqa: BLE001 - an unreadable neighbour must not stop status
            continue
        if loaded.outline is None:
            continue
        for area in loaded.outline.focus_areas:
            for goal in area.goals:
                found.setdefault(goal.id, []).extend(goal.measurements)
    return found
