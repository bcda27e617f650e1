"""The publish wing's one door to the rest of samverkan: the plans and their compliance.

`load_source` reads every plan year of the plans folder, `agreement.yaml`, and the
goals' measurements, and computes each begun year's compliance on `as_of` and the
agreement goals, through the existing API (`samverkan.plan.folder`, `samverkan.followup.agreement`,
`samverkan.followup.compliance`). Everything else in `samverkan.publish` works on the `Source`
it returns, so that this is the only place that knows where the plan reader lives.

Before anything is read, every YAML file of the plans, EST and data folders is
searched for personal identity numbers: `publish` refuses to run while any has one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samverkan.core.i18n import tr
from samverkan.followup.compliance import normalize_place as place_key  # noqa: F401 (content)

if TYPE_CHECKING:
    from samverkan.core.problems import Problem
    from samverkan.followup.compliance import Compliance
    from samverkan.plan.model import Agreement, Measurement, Plan


@dataclass(frozen=True)
class Source:
    """What the website is made from (plans and computed figures, nothing rendered)."""

    plans: dict[int, Plan]
    compliance: dict[int, Compliance | None]  # None: the year has not begun on as_of
    measurements: dict[str, list[Measurement]]  # goal id → every plan's measurements
    agreement: Agreement | None
    agreement_goals: tuple[Any, ...]  # agreement.AgreementGoalStatus
    language: str


def load_source(plans_dir: Path | None, as_of: dt.date, lang: str = "sv") -> Source:
    """Every plan year of the folder, each free of errors, with its compliance on `as_of`."""
    from samverkan.core.problems import PlanInvalid
    from samverkan.followup.agreement import (
        compute_agreement,
        counted_by_milestones,
        counted_sources,
        load_plans,
        read_agreement,
    )
    from samverkan.followup.compliance import compute
    from samverkan.followup.facts import folder_measurements
    from samverkan.plan.folder import plan_years
    from samverkan.plan.folder import plans_dir as find_dir

    folder = find_dir(plans_dir, lang)
    found = identity_number_problems(folder, lang)
    if found:
        raise PlanInvalid(tr(lang, "publish_identity_number"), found)
    plans = load_plans(folder, as_of, lang)
    agreement = read_agreement(folder, plans, lang)
    picture = compute_agreement(plans, agreement, as_of,
                                counted_sources(folder, agreement, as_of),
                                counted_by_milestones(folder, agreement, as_of))
    measurements = folder_measurements(plans, plan_years(folder), lang)
    compliance = {year: compute(plan, as_of, measurements) if plan.first_day <= as_of else None
                  for year, plan in sorted(plans.items())}
    language = agreement.language if agreement else plans[max(plans)].language
    return Source(plans, compliance, measurements, agreement, picture.goals, language)


def identity_number_problems(folder: Path, lang: str = "sv") -> list[Problem]:
    """A problem for each personal identity number in the YAML files of the plans folder
    and of the EST and data folders beside it (comments included), found and worded as
    `validate` finds and words them."""
    from samverkan.core.i18n import identity_number_message
    from samverkan.core.pnr import find_identity_numbers
    from samverkan.core.problems import Problem
    from samverkan.core.yamlfile import lines_with_six_digits
    from samverkan.est.files import est_dir
    from samverkan.plan.folder import data_dir

    problems = []
    for where in (folder, est_dir(None, folder), data_dir(None, folder)):
        if not where.is_dir():
            continue
        for path in sorted([*where.glob("*.yaml"), *where.glob("*.yml")]):
            try:
                raw = path.read_bytes()
                text = raw.decode("utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # (reported when the file is loaded, and by validate)
            for number, line in lines_with_six_digits(raw, text):
                for match in find_identity_numbers(line):
                    problems.append(Problem(str(path), number, match.start + 1, "error",
                                            identity_number_message(lang, match.masked,
                                                                    match.looks_like)))
    return problems
