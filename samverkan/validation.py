"""What `samverkan validate` does: check files and folders, collect problems, pick the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from samverkan.core.i18n import counted, tr
from samverkan.core.problems import Problem, render_problems

if TYPE_CHECKING:
    from samverkan.core.yamlfile import Loaded
    from samverkan.plan.model import Plan
    from samverkan.plan.reader import PlanRead


@dataclass
class ValidationReport:
    lang: str
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.errors else 0

    def output(self, fmt: str) -> str:
        return render_problems(self.problems, fmt) if self.problems or fmt == "json" else ""

    def summary(self) -> str:
        def n(key: str, count: int) -> str:  # `1 fil kontrollerad`, `2 filer kontrollerade`
            return counted(self.lang, key, count)

        words = {"files": n("n_files_checked", self.files),
                 "errors": n("n_errors", self.errors),
                 "warnings": n("n_warnings", self.warnings)}
        if self.unreadable:
            return tr(self.lang, "validate_unreadable", **words,
                      unreadable=n("n_paths", len(self.unreadable)))
        if self.errors:
            return tr(self.lang, "validate_failed", **words)
        return tr(self.lang, "validate_ok", **words)


def expand(paths: list[Path], plans_dir: Path | None) -> list[Path]:
    """Files to check: the paths given (folders expanded to their *.yaml), else plans/*.yaml
    and est/*.yaml beside it."""
    from samverkan.plan.folder import plans_dir as find_dir

    if not paths:
        paths = [find_dir(plans_dir)]
        from samverkan.est.files import est_dir

        est = est_dir(None, plans_dir)  # the EST files beside plans/
        if est.is_dir():
            paths.append(est)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            files.append(path)
    return files


def validate_paths(paths: list[Path], plans_dir: Path | None, lang: str = "sv",
                   data_dir: Path | None = None) -> ValidationReport:
    """Plan files, `agreement.yaml`, and the data series (files in the data folder, or in
    any folder named `data`): with no paths, every plans/*.yaml, and data/*.yaml and the
    group's texts from the data folder (by default the `data` folder beside the plans
    folder)."""
    # (the modules of the other kinds of file only for those files: a plan unchanged since
    # the last run is checked from the cache without pydantic or ruamel.yaml)
    from samverkan.core.yamlfile import Unreadable, read_bytes
    from samverkan.plan.folder import AGREEMENT_FILE, is_data_file
    from samverkan.plan.folder import data_dir as find_data
    from samverkan.plan.folder import plans_dir as find_plans
    from samverkan.plan.reader import load_plan_bytes

    report = ValidationReport(lang)
    est_configs: dict = {}
    series_folders: dict = {}
    # a folder that is not there is named as a folder (a missing file: reading says so)
    asked = paths or [find_plans(plans_dir, lang)]
    gone = [p for p in asked if not p.exists() and (not paths or p.suffix.lower() not in
                                                     (".yaml", ".yml", ".md"))]
    report.unreadable += [tr(lang, "folder_missing", path=p) for p in gone]
    paths = [p for p in paths if p not in gone]
    files = [] if gone and not paths else expand(paths, plans_dir)
    if not files and not gone:
        folder = paths[0] if paths else find_plans(plans_dir, lang)
        report.unreadable.append(tr(lang, "no_files", pattern=f"{folder}/*.yaml"))
    data = find_data(data_dir, find_plans(plans_dir))
    if not paths and data.is_dir():
        files += expand([data], None) + sorted(data.glob("*.md"))
    files += [text for folder in paths if folder.is_dir() and is_data_file(folder / "x", data)
              for text in sorted(folder.glob("*.md"))]
    seen: dict[Path, PlanRead] = {}
    for path in files:
        links: list[Problem] = []  # a plan's goals against the data series
        loaded: Loaded | PlanRead
        try:
            if path.suffix == ".md":
                from samverkan.stats.series import check_text_file

                report.files += 1
                report.problems.extend(check_text_file(path, lang))
                continue
            if is_data_file(path, data):
                from samverkan.stats.series import load_series

                loaded = load_series(path, lang)
            elif path.name == AGREEMENT_FILE:
                from samverkan.followup.agreement import load_agreement, reference_problems

                loaded = load_agreement(path, lang)
                loaded.problems.extend(
                    reference_problems(loaded, _plans_beside(path, seen, lang), lang))
            else:
                raw = read_bytes(path, lang)
                kind = None
                if _may_be_est(path, raw):
                    from samverkan.est.files import kind_of, validate_est_file

                    kind = kind_of(path, raw)
                if kind:
                    loaded = validate_est_file(path, raw, lang, est_configs)
                else:
                    loaded = seen[path.resolve()] = load_plan_bytes(raw, path, lang)
                    links = _series_links(path, raw, seen[path.resolve()], seen, data_dir,
                                          lang, series_folders)
        except Unreadable as exc:
            report.unreadable.append(str(exc))
            continue
        report.files += 1
        report.problems.extend(sorted([*loaded.problems, *links], key=lambda p: (p.line, p.col))
                               if links else loaded.problems)
    from samverkan.sync.gitsetup import missing_driver

    unmerged = missing_driver(files[0].parent if files else Path.cwd(), lang)
    if unmerged is not None:  # (once, however many files)
        report.problems.append(unmerged)
    return report


def _series_links(path: Path, raw: bytes, read: PlanRead, seen: dict[Path, PlanRead],
                  data_option: Path | None, lang: str, folders: dict) -> list[Problem]:
    """The plan's goals against the data series (`followup.facts.link_problems`): only
    for a plan whose goals name a series or hold measurements."""
    plan = read.plan
    if plan is None or not any(g.series or g.measurements for _, g in plan.goals()):
        return []
    from samverkan.core.yamlfile import Unreadable
    from samverkan.followup.facts import SeriesFolder, data_folder_for, link_problems
    from samverkan.plan.folder import plan_years
    from samverkan.plan.reader import load_plan

    where = data_folder_for(path, data_option)
    folder = folders.setdefault(where.resolve(), SeriesFolder(where, lang))
    others = []
    if any(g.measurements for _, g in plan.goals()):
        for other in plan_years(path.parent).values():
            if other.resolve() != path.resolve():
                try:
                    found = seen.get(other.resolve()) or load_plan(other, lang)
                except Unreadable:  # (reported when that file itself is checked)
                    continue
                if found.plan is not None:
                    others.append(found.plan)
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    return link_problems(str(path), text, plan, folder, others, lang)


def _may_be_est(path: Path, raw: bytes) -> bool:
    """False for a plan year's file (`YYYY.yaml`) without a `kind:` line: it cannot be an
    EST file (see `est.files.kind_of`), and the EST module need not be loaded for it."""
    from samverkan.plan.folder import is_plan_name

    return not is_plan_name(path.name) or b"kind:" in raw


def _plans_beside(path: Path, seen: dict[Path, PlanRead], lang: str) -> list[Plan]:
    """The plans (of the right shape) in the folder of `agreement.yaml`, for its
    references; those already read in this run are not read again."""
    from samverkan.plan.folder import plan_years
    from samverkan.plan.reader import load_plan

    loaded = [seen.get(p.resolve()) or load_plan(p, lang) for p in plan_years(path.parent).values()]
    return [item.plan for item in loaded if item.plan is not None]
