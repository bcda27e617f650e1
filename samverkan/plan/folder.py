"""Finding plan files: the plans folder, the plan of a year, the years that exist.

Plans live in `./plans/` unless `--plans-dir` or `SAMVERKAN_PLANS_DIR` says otherwise,
one file per year named `YYYY.yaml`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from samverkan.core.i18n import tr
from samverkan.core.problems import PlanInvalid, PlanNotFound
from samverkan.plan.reader import PlanRead, load_plan, read_plan

if TYPE_CHECKING:
    from samverkan.plan.model import Measurement, Plan

T = TypeVar("T")

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
AGREEMENT_FILE = "agreement.yaml"  # the goals over the whole agreement (see agreement.py)


def is_plan_name(name: str) -> bool:
    """Whether `name` is a plan year's file name (`YYYY.yaml`)."""
    return _YEAR_FILE.match(name) is not None


def plans_dir(option: Path | None, lang: str = "sv") -> Path:
    """`--plans-dir`, else `SAMVERKAN_PLANS_DIR`, else `plans/` in the group's repository
    `SAMVERKAN_HOME`, else `./plans`; a file there is refused (it is `--plan` that names
    one file). The one place that says where the group's files are: `data_dir` and
    `est.files.est_dir` look beside the folder this returns. A folder without plans is
    returned absolute, so that every message about it says exactly where it looked."""
    if option is None:
        env = os.environ.get("SAMVERKAN_PLANS_DIR")
        home = os.environ.get("SAMVERKAN_HOME")
        option = Path(env) if env else Path(home).expanduser() / "plans" if home else Path("plans")
    if option.is_file():
        from samverkan.core.problems import UsageError

        raise UsageError(tr(lang, "plans_dir_is_file", path=option))
    if not plan_years(option):
        return option.absolute()
    return option


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


def data_dir(option: Path | None, plans: Path | None = None) -> Path:
    """`--data-dir`, else `SAMVERKAN_DATA_DIR`, else the `data` folder beside the plans
    folder (`./data` beside `./plans`, `$SAMVERKAN_HOME/data` beside its plans)."""
    if option is not None:
        return option
    env = os.environ.get("SAMVERKAN_DATA_DIR")
    if env:
        return Path(env)
    return (plans if plans is not None else plans_dir(None)).parent / "data"


def is_data_file(path: Path, folder: Path | None) -> bool:
    """Files in the data folder (or any folder named `data`) are series, not plans."""
    parent = path.resolve().parent
    if folder is not None and folder.exists() and parent == folder.resolve():
        return True
    return parent.name == "data"


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
