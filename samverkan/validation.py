"""What `samverkan validate` does: check files and folders, collect problems, pick the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samverkan.i18n import tr
from samverkan.problems import Problem, render_problems


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
        if self.errors:
            return tr(self.lang, "validate_failed", files=self.files, errors=self.errors,
                      warnings=self.warnings)
        return tr(self.lang, "validate_ok", files=self.files, warnings=self.warnings)


def expand(paths: list[Path], plans_dir: Path | None) -> list[Path]:
    """Files to check: the paths given (folders expanded to their *.yaml), else plans/*.yaml."""
    from samverkan.plans import plans_dir as find_dir

    if not paths:
        paths = [find_dir(plans_dir)]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            files.append(path)
    return files


def validate_paths(paths: list[Path], plans_dir: Path | None, lang: str = "sv",
                   data_dir: Path | None = None) -> ValidationReport:
    """Plan files, and the data series (files in the data folder, or in any folder named
    `data`): with no paths, every plans/*.yaml, and data/*.yaml and the group's texts from
    the data folder (by default the `data` folder beside the plans folder)."""
    from samverkan.loader import Unreadable, load_plan
    from samverkan.series import check_text_file, is_data_file, load_series
    from samverkan.series import data_dir as find_data

    report = ValidationReport(lang)
    files = expand(paths, plans_dir)
    if not files:
        folder = paths[0] if paths else (plans_dir or Path("plans"))
        report.unreadable.append(tr(lang, "no_files", pattern=f"{folder}/*.yaml"))
    from samverkan.plans import plans_dir as find_plans

    data = find_data(data_dir, find_plans(plans_dir))
    if not paths and data.is_dir():
        files += expand([data], None) + sorted(data.glob("*.md"))
    for path in files:
        try:
            if path.suffix == ".md":
                report.files += 1
                report.problems.extend(check_text_file(path, lang))
                continue
            loaded = (load_series if is_data_file(path, data) else load_plan)(path, lang)
        except Unreadable as exc:
            report.unreadable.append(str(exc))
            continue
        report.files += 1
        report.problems.extend(loaded.problems)
    return report
