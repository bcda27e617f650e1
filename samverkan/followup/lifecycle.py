"""A plan over the years: goal measurements (`measure`) and the next year's plan (`init`).

`record_measurement` writes one measurement into a goal's `measurements:` list and
`create_plan` writes `plans/YEAR.yaml` from an earlier plan. Both edit the file's
TEXT, located through the YAML node tree, so comments and layout survive; both
re-load the result and refuse to write anything that does not validate. The text
transformation of `init` (`roll_over_text`) is pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from samverkan.core.i18n import tr
from samverkan.core.inputs import refuse_identity_numbers
from samverkan.core.problems import PlanInvalid, PlanNotFound, UsageError
from samverkan.core.text import suggest
from samverkan.core.writer import (
    append_item,
    create_file,
    encode_like,
    remove_key,
    replace_item,
    replace_scalars,
    unexpected,
)
from samverkan.core.yamlfile import child_node
from samverkan.followup.compliance import goal_verdict
from samverkan.plan.folder import edit_plan, load_valid, plan_years
from samverkan.plan.model import Goal, Measurement, Plan
from samverkan.plan.reader import PlanRead, head_nodes, read_plan, without_activities

# --- measure --------------------------------------------------------------------------


def plan_for_measurement(folder: Path, year: int, lang: str = "sv") -> Path:
    """The plan a measurement of `year` is written into: that year's plan, else the
    latest plan before it (the year's plan may not be written yet)."""
    years = plan_years(folder)
    earlier = [y for y in years if y <= year]
    if earlier:
        return years[max(earlier)]
    if not years:
        raise PlanNotFound(tr(lang, "no_plans_at_all", dir=folder, year=year))
    raise PlanNotFound(tr(lang, "no_plan_for_measurement", year=year, dir=folder,
                          first=min(years)))


@dataclass(frozen=True)
class MeasureResult:
    path: Path
    goal: Goal
    measurement: Measurement
    replaced: Measurement | None

    @property
    def verdict(self) -> str:
        return goal_verdict(self.goal, self.measurement)


def _goal_node(root: Node, plan: Plan, goal_id: str) -> tuple[Goal, Node] | None:
    for i, area in enumerate(plan.focus_areas):
        for j, goal in enumerate(area.goals):
            if goal.id == goal_id:
                node: Node | None = root
                for step in ("focus_areas", i, "goals", j):
                    node = child_node(node, step)[1]
                assert node is not None
                return goal, node
    return None


def unknown_goal_message(goal_id: str, plan: Plan, lang: str = "sv") -> str:
    ids = [g.id for a in plan.focus_areas for g in a.goals]
    message = tr(lang, "unknown_goal", id=goal_id)
    guess = suggest(goal_id, ids)
    if guess:
        return f"{message}; {tr(lang, 'did_you_mean', guess=guess)}"
    return f"{message}; {tr(lang, 'known_goals', ids=', '.join(ids))}"


def check_measurement(goal_id: str, year: int, source: str | None, today: dt.date,
                      lang: str = "sv") -> str | None:
    """Check what `measure` was given that needs no plan; the source text, tidied."""
    refuse_identity_numbers({"GOAL": goal_id, "--source": source}, lang)
    if not 2000 <= year <= today.year:
        raise UsageError(tr(lang, "bad_measure_year", year=year, this_year=today.year))
    return " ".join(source.split()) if source and source.strip() else None


def check_in_range(goal: Goal, value: float, lang: str = "sv") -> None:
    """A measured value lies in the range of the goal's unit (`core.units`): a share in %
    between 0 and 100."""
    from samverkan.core.units import in_range, indicator_unit, shown, value_range

    unit = indicator_unit(goal.indicator)
    if not in_range(value, unit):
        low, high = value_range(unit)
        raise UsageError(tr(lang, "measure_out_of_range", value=shown(value), low=shown(low),
                            high=shown(high), goal=goal.id, unit=unit or "–"))


def record_measurement(path: Path, goal_id: str, measurement: Measurement,
                       lang: str = "sv") -> MeasureResult:
    """Write `measurement` into the goal's `measurements:` list in the plan at `path`,
    replacing one of the same year (whose source stays unless a new one is given);
    everything else in the file stays as it was."""

    def goal_in(read: PlanRead) -> tuple[Goal, Node]:
        assert read.plan is not None and read.text is not None
        found = _goal_node(head_nodes(read.text), read.plan, goal_id)
        if found is None:
            raise UsageError(unknown_goal_message(goal_id, read.plan, lang))
        return found

    goal = goal_in(load_valid(path, lang))[0]  # refuse an unknown goal before the lock
    check_in_range(goal, measurement.value, lang)

    def edit(loaded: PlanRead) -> tuple[str, MeasureResult]:
        goal, node = goal_in(loaded)
        assert loaded.text is not None
        same = [k for k, m in enumerate(goal.measurements) if m.year == measurement.year]
        replaced = goal.measurements[same[0]] if same else None
        new_one = measurement
        if replaced and measurement.source is None:
            new_one = measurement._replace(source=replaced.source)
        item = {k: v for k, v in new_one._asdict().items() if v is not None}
        if same:
            seq = child_node(node, "measurements")[1]
            assert isinstance(seq, SequenceNode)
            text = replace_item(loaded.text, seq, same[0], item)
        else:
            text = append_item(loaded.text, node, item, "measurements")
        return text, MeasureResult(path, goal, new_one, replaced)

    def verify(before: Plan, after: Plan, result: MeasureResult) -> bool:
        old = list(result.goal.measurements)
        expected = [result.measurement if m is result.replaced else m for m in old]
        if result.replaced is None:
            expected.append(result.measurement)
        return (_measurements(after, goal_id) == expected
                and _without_measurements(after, goal_id) == _without_measurements(before, goal_id))

    plan, result = edit_plan(path, edit, verify, lang)
    goal = next(g for a in plan.focus_areas for g in a.goals if g.id == goal_id)
    return MeasureResult(path, goal, result.measurement, result.replaced)


def _measurements(plan: Plan, goal_id: str) -> list[Measurement]:
    return next(list(g.measurements) for a in plan.focus_areas for g in a.goals if g.id == goal_id)


def _without_measurements(plan: Plan, goal_id: str) -> Plan:
    """The plan with one goal's measurements left out, to compare before and after."""
    return plan._replace(focus_areas=tuple(
        area._replace(goals=tuple(g._replace(measurements=()) if g.id == goal_id else g
                                  for g in area.goals))
        for area in plan.focus_areas))


# --- init ------------------------------------------------------------------------------


def _compose(text: str) -> Node:
    from samverkan.core.yamlfile import yaml_loader

    return yaml_loader().compose(text)


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


def _date_scalars(node: Node, skip: frozenset[str]) -> list[ScalarNode]:
    """Every date written in `node`, except under the keys in `skip`."""
    if isinstance(node, ScalarNode):
        return [node] if str(node.tag).endswith(":timestamp") and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", node.value) else []
    found: list[ScalarNode] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.value in skip):
                found += _date_scalars(value, skip)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found += _date_scalars(item, skip)
    return found


_HEADER_YEAR = r"(?i)(\b(?:åtagande)?plan\s+){year}\b"
_PART_OF = re.compile(r"\bår (\d+) av (\d+)\b")


def _header(lines: list[str], old: int, new: int) -> list[str]:
    """The comment block at the top of the file with the plan's year (`Åtagandeplan
    2021`) and its place in the period (`år 2 av 5`) moved on."""
    pattern = re.compile(_HEADER_YEAR.format(year=old))

    def part_of(match: re.Match[str]) -> str:
        number, total = int(match.group(1)) + new - old, int(match.group(2))
        if 1 <= number <= total:
            return f"år {number} av {total}"
        return f"{new} ligger {'efter' if number > total else 'före'} avtalsperioden"

    out = list(lines)
    for i, line in enumerate(out):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        out[i] = _PART_OF.sub(part_of, pattern.sub(lambda m: f"{m.group(1)}{new}", line))
    return out


def roll_over_text(text: str, new_year: int) -> str:
    """The plan `text` turned into next year's: year and dates moved, the activities
    list emptied to `activities: []`, goal measurements and the pledges' planned
    occasions left out, the header's year updated. Comments, pledges, goals and
    baselines stay as written."""
    text = without_activities(text)
    root = _compose(text)
    year_node = child_node(root, "year")[1]
    assert isinstance(year_node, ScalarNode)
    old = int(year_node.value)
    goals = [g for _, area in _items(root, "focus_areas") for _, g in _items(area, "goals")]
    for goal in reversed(goals):  # from the bottom up, so that line numbers above hold
        if isinstance(goal, MappingNode) and child_node(goal, "measurements")[0] is not None:
            text = remove_key(text, goal, "measurements")
    # A year's planned occasions are dates of that year's events, agreed anew each year:
    # moved a year on they would be dates nobody chose.
    root = _compose(text)
    for _, pledge in reversed(_items(root, "pledges")):
        if isinstance(pledge, MappingNode) and child_node(pledge, "planned")[0] is not None:
            text = remove_key(text, pledge, "planned")
    root = _compose(text)
    edits: list[tuple[Node, str]] = [(child_node(root, "year")[1], str(new_year))]  # type: ignore[list-item]
    for node in _date_scalars(root, frozenset({"activities", "measurements"})):
        edits.append((node, _shift(dt.date.fromisoformat(node.value), new_year - old).isoformat()))
    text = replace_scalars(text, edits)
    return "".join(_header(text.splitlines(keepends=True), old, new_year))


def _items(node: Node | None, key: str) -> list[tuple[int, Node]]:
    value = child_node(node, key)[1]
    return list(enumerate(value.value)) if isinstance(value, SequenceNode) else []


@dataclass(frozen=True)
class InitResult:
    path: Path
    source: Path
    plan: Plan
    note: str | None = None  # the year lies outside the agreement's period


_PERIOD = re.compile(r"\b(?:Avtalsperiod|avtalsperioden?)\s+(\d{4})\s*[–-]\s*(\d{4})",
                     re.IGNORECASE)


def agreement_period(folder: Path, text: str, source_year: int,
                     lang: str = "sv") -> tuple[int, int, str] | None:
    """The agreement's first and last year and where they were read: `agreement.yaml`
    in the plans folder, else the plan's header (`Avtalsperiod 2021–2025`, or
    `år 2 av 5` counted from the plan's year). None when neither says."""
    from samverkan.followup.agreement import read_agreement
    from samverkan.plan.folder import AGREEMENT_FILE

    try:
        agreement = read_agreement(folder, {}, lang)
    except PlanInvalid:  # `validate` reports it; the header still tells the period
        agreement = None
    if agreement is not None:
        return agreement.first_year, agreement.last_year, str(folder / AGREEMENT_FILE)
    header = "".join(line for line in text.splitlines(keepends=True)[:40]
                     if line.lstrip().startswith("#"))
    period = _PERIOD.search(header)
    if period:
        return int(period.group(1)), int(period.group(2)), tr(lang, "init_period_header")
    part = _PART_OF.search(header)
    if part:
        number, total = int(part.group(1)), int(part.group(2))
        first = source_year - number + 1
        return first, first + total - 1, tr(lang, "init_period_header")
    return None


def source_year(folder: Path, year: int, from_year: int | None, lang: str = "sv") -> int:
    years = plan_years(folder)
    if from_year is not None:
        if from_year >= year:
            raise UsageError(tr(lang, "init_from_not_earlier", year=year, source=from_year))
        if from_year not in years:
            listed = ", ".join(str(y) for y in sorted(years)) or tr(lang, "none")
            raise PlanNotFound(tr(lang, "init_from_missing", source=from_year, dir=folder,
                                  years=listed))
        return from_year
    earlier = [y for y in years if y < year]
    if not earlier:
        raise PlanNotFound(tr(lang, "init_no_earlier", year=year, dir=folder))
    return max(earlier)


def create_plan(folder: Path, year: int, from_year: int | None = None,
                lang: str = "sv", beyond_agreement: bool = False) -> InitResult:
    """Write `folder/YEAR.yaml` from an earlier plan; refuse to overwrite a plan, and a
    year outside the agreement's period unless `beyond_agreement`."""
    if not 2000 <= year <= 2100:
        raise UsageError(tr(lang, "bad_plan_year", year=year))
    years = plan_years(folder)
    exists = UsageError(tr(lang, "init_exists", path=years.get(year, folder / f"{year}.yaml")))
    if year in years:
        raise exists
    source = years[source_year(folder, year, from_year, lang)]
    loaded = load_valid(source, lang)
    assert loaded.text is not None and loaded.plan is not None
    note = None
    period = agreement_period(folder, loaded.text, loaded.plan.year, lang)
    if period is not None and not period[0] <= year <= period[1]:
        first, last, where = period
        if not beyond_agreement:
            raise UsageError(tr(lang, "init_beyond", year=year, first=first, last=last,
                                where=where))
        note = tr(lang, "init_beyond_note", year=year, first=first, last=last, where=where)
    target = folder / f"{year}.yaml"
    raw = source.read_bytes()
    new = encode_like(raw, roll_over_text(loaded.text, year))
    check = read_plan(new, str(target), lang)
    if not check.ok or check.plan is None:
        raise PlanInvalid(tr(lang, "init_invalid", path=target, source=source),
                          [p for p in check.problems if p.severity == "error"])
    if (check.plan.year != year or check.plan.activities
            or _ids(check.plan) != _ids(loaded.plan)):
        raise unexpected(target, check.problems, lang)
    create_file(target, new, exists, lang)
    return InitResult(target, source, check.plan, note)


def _ids(plan: Plan) -> tuple[list[str], list[str], list[str]]:
    return ([a.id for a in plan.focus_areas], [g.id for a in plan.focus_areas for g in a.goals],
            [p.id for p in plan.pledges])
