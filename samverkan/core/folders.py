"""Where the group's files are: the plans folder, the data folder beside it, the plan
years in a folder.

Plans live in `./plans/` unless `--plans-dir`, `SAMVERKAN_PLANS_DIR` or `SAMVERKAN_HOME`
says otherwise, one file per year named `YYYY.yaml`; the data series in `data/` beside
them. Reading the plans is `plan.folder`'s; this is only where they are, so that the
lowest layer (output paths that must never be an input) can ask it too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from samverkan.core.i18n import tr

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


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
