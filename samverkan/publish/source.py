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
    """Every personal identity number in the files of the plans folder and of the EST and
    data folders beside it (comments and escaped values included), as `validate` finds
    and words them."""
    from samverkan.core.yamlfile import IDENTITY_NUMBER
    from samverkan.validation import validate_paths

    report = validate_paths([], folder, lang)
    return [p for p in report.problems if p.code == IDENTITY_NUMBER]
