"""What the reading EST commands do: load the folder, check the options, compute.

`load_picture` (for `est lagesbild`) and `load_status` (for `est status`) turn
command-line text into a computed picture, raising `UsageError` for bad options;
`load_running` gives the agreement's EST goal its value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samverkan.core.inputs import parse_date
from samverkan.est.files import CONFIG_NAME, load_est
from samverkan.est.groups import GroupsPicture
from samverkan.est.periods import Period, last_complete_week
from samverkan.est.picture import (
    EstStatus,
    Picture,
    RunningYear,
    compute_picture,
    compute_status,
    implemented_areas,
    running_areas,
)
from samverkan.est.record import check_area, period_option


def _as_of(value: str | None, today: dt.date, lang: str) -> dt.date:
    return parse_date(value, lang, "bad_as_of") if value is not None else today


def load_picture(folder: Path, period: str | None, area: str | None, as_of: str | None,
                 today: dt.date, lang: str | None) -> tuple[Picture, str]:
    """The lägesbild of `period` (default: the last whole week) and the language to print in."""
    ui = lang or "sv"
    day = _as_of(as_of, today, ui)
    if period is None:
        week = last_complete_week(day)
        chosen = Period(week.year, "week", week.number)
    else:
        chosen = period_option(period, day, ui)
    last_year = chosen.same_last_year()
    weeks = chosen.weeks() + chosen.previous().weeks() + (last_year.weeks() if last_year else [])
    data = load_est(folder, ui, years={w.year for w in weeks})
    language = lang or data.language
    if area is not None:
        area = check_area(data.config, area, language)
    return compute_picture(data.config, data.observations, data.work, chosen, day,
                           area), language


def load_status(folder: Path, as_of: str | None, today: dt.date,
                lang: str | None) -> tuple[EstStatus, dict[str, str], str]:
    ui = lang or "sv"
    day = _as_of(as_of, today, ui)
    data = load_est(folder, ui)
    areas = {a.id: a.name for a in data.config.areas}
    return compute_status(data.config, data.observations, data.work, day), areas, (
        lang or data.language)


def load_implemented(folder: Path, as_of: dt.date, lang: str = "sv") -> int | None:
    """How many areas have run EST in at least one year up to `as_of` (the value of the
    agreement goal "EST i 3–4 områden"), or None when there is no `est/` folder."""
    if not (folder / CONFIG_NAME).is_file():
        return None
    data = load_est(folder, lang)
    return len(implemented_areas(data.config, data.observations, as_of))


def load_running(folder: Path, year: int, as_of: dt.date | None = None,
                 lang: str = "sv") -> RunningYear | None:
    """The areas running EST in `year` (reports in at least `min_report_weeks` of its weeks),
    or None when there is no `est/` folder. `RunningYear.done` is the agreement goal's value
    ("EST in 3–4 areas"); files with errors raise `PlanInvalid` like every EST command."""
    if not (folder / CONFIG_NAME).is_file():
        return None
    data = load_est(folder, lang, years={year})
    return running_areas(data.config, data.observations, year, as_of)


def load_groups_picture(folder: Path, period: str, group: str | None, as_of: str | None,
                        today: dt.date, lang: str | None) -> tuple[GroupsPicture, str]:
    """The förebyggargrupper's pictures of `period` (all groups, or `group`), for
    `est grupp lagesbild` and the Fris overview `est grupp oversikt`."""
    from samverkan.core.i18n import tr
    from samverkan.core.problems import UsageError
    from samverkan.est.files import GROUPS_NAME, load_groups
    from samverkan.est.groups import compute_groups
    from samverkan.est.record import check_group

    ui = lang or "sv"
    day = _as_of(as_of, today, ui)
    chosen = period_option(period, day, ui)
    last_year = chosen.same_last_year()
    weeks = chosen.weeks() + chosen.previous().weeks() + (last_year.weeks() if last_year else [])
    data = load_groups(folder, ui, years={w.year for w in weeks})
    language = lang or data.language
    if not data.config.groups:
        raise UsageError(tr(language, "est_no_groups_yet", path=folder / GROUPS_NAME))
    if group is not None:
        check_group(data.config, group, language)
    return compute_groups(data.config, data.pictures, chosen, day, group), language

