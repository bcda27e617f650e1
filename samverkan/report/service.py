"""What `samverkan report` does: find and load the plans, compute, lay out, write.

`make_report` loads the plans, computes the picture (`content`) and lays it out with
the Jinja2 templates (`render`); `check_output` and `write_report` refuse a bad output
before any work and write atomically.
"""


from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from samverkan.core.i18n import tr
from samverkan.core.problems import UsageError

if TYPE_CHECKING:
    from samverkan.report.render import Rendered

def format_for(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix suggests, else HTML."""
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".md", ".markdown"):
        return "markdown"
    return "html"


def make_report(*, year: int | None, agreement: bool, as_of: dt.date, today: dt.date,
                plans_dir: Path | None, fmt: str, lang: str | None,
                plan: Path | None = None) -> Rendered:
    """The report of one plan (`plan`, or the plan of `year`, default the year of `as_of`)
    or of the whole agreement (every plan in the folder)."""
    from samverkan.followup.facts import folder_measurements, measurements_for
    from samverkan.plan.folder import load_valid, plan_path_for, plan_years
    from samverkan.plan.folder import plans_dir as find_dir
    from samverkan.report import content, render
    from samverkan.report.words import Words

    ui = lang or "sv"
    if agreement and (year is not None or plan is not None):
        raise UsageError(tr(ui, "report_year_and_agreement"))
    if plan is not None and year is not None:
        raise UsageError(tr(ui, "plan_and_year"))
    for package in ("jinja2", "pygal") if fmt == "html" else ("jinja2",):
        if importlib.util.find_spec(package) is None:
            raise UsageError(tr(ui, "report_missing_package", package=package))
    folder = find_dir(plans_dir)
    charts = fmt == "html"
    if not agreement:
        path = plan or plan_path_for(folder, year or as_of.year, ui)
        model = load_valid(path, ui).plan
        assert model is not None
        words = Words(lang or model.language, {t.id: t.title for t in model.tags})
        year_view = content.year_report(path, model, as_of,
                                        measurements_for(path, model, ui), words,
                                        charts)
        return render.render_year(year_view, words, fmt, today)
    from samverkan.followup.agreement import (
        compute_agreement,
        counted_by_milestones,
        counted_sources,
        load_plans,
        read_agreement,
    )

    plans = load_plans(folder, as_of, ui)
    paths = {y: p for y, p in plan_years(folder).items() if y in plans}
    whole = read_agreement(folder, plans, ui)
    picture = compute_agreement(plans, whole, as_of, counted_sources(folder, whole, as_of),
                                counted_by_milestones(folder, whole, as_of))
    measurements = folder_measurements(plans, paths, ui)
    words = Words(lang or (whole.language if whole else plans[max(plans)].language),
                  {t.id: t.title for y in sorted(plans) for t in plans[y].tags})
    report = content.agreement_report(paths, plans, as_of, measurements, words, charts,
                                      list(picture.goals))
    return render.render_agreement(report, words, fmt, today)


def check_output(output: Path, lang: str = "sv", data_dir: Path | None = None) -> None:
    """Refuse, before any work, an output that looks like a plan file or has no folder
    (and what `core.output.check_target` refuses for every output)."""
    from samverkan.core.output import check_target

    if output.suffix.lower() in (".yaml", ".yml"):
        raise UsageError(tr(lang, "report_output_is_plan", path=output))
    if output.suffix.lower() in (".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx"):
        raise UsageError(tr(lang, "report_output_not_html", path=output,
                            suffix=output.suffix, stem=output.with_suffix("")))
    if output.is_dir():
        raise UsageError(tr(lang, "report_output_is_dir", path=output))
    if not output.parent.is_dir():
        raise UsageError(tr(lang, "report_output_no_dir", dir=output.parent))
    check_target(output, lang, "rapport.html", data_dir)


def write_report(output: Path, text: str, lang: str = "sv") -> None:
    """Write the report (see `core.output.save_output`: atomic, the umask's mode)."""
    from samverkan.core.output import save_output

    check_output(output, lang)
    save_output(output, text, lang)
