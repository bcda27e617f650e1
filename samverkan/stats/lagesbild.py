"""`samverkan lagesbild`: the yearly joint situation picture (samlad lägesbild), from data.

`build` lays out the document in the source's order, section by section, from the series
in `data/`, the group's Markdown texts in `data/` (`series.MARKDOWN_TEXTS`) and the
year's plan: introduction; the agreement and its organisation; other cooperation; the
local picture: crime development (monthly charts, January–month of the year against the
same months of earlier years, per 1,000 inhabitants), safety (ANDTS by gender and grade,
alcohol and narcotics, the safety surveys NTU and SKR/MSB), crimes that create
insecurity, the citizens' dialogue; yearly recurring events; the prevention groups; the
geographic and demographic conditions; analysis and conclusions; the focus areas with
their goal indicators and the pledges' outcome; follow-up; Bilaga 1 with each pledge's
result; and the base data with the source of every figure.

A goal of the whole agreement (`plans/agreement.yaml`, e.g. EST in 3–4 areas) shows the
value `samverkan status --agreement` counts (`followup.agreement`), never a second count.
Where the source contradicts itself (a share it states against the share its own counts
give), the document shows both and says so.

The result is a content model (sections of blocks: texts, charts with their figures,
tables, notices) that `lagesbild_render` writes as Markdown or HTML. A series without
data for the year becomes a `Notice` naming the series and the import command, never a
hole. Every number is a `derive.Figure` that knows the series and periods behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from samverkan.core.i18n import MESSAGES, tr
from samverkan.followup.compliance import (
    NO_DATA,
    PLEDGE_STATUSES,
    Compliance,
    GoalStatus,
    goal_verdict,
)
from samverkan.plan.model import Goal, Measurement, Plan
from samverkan.stats.derive import (
    Figure,
    Source,
    change,
    change_percent,
    difference,
    last_month,
    observed,
    per_thousand,
    share,
    year_to_date,
    years_with_data,
)
from samverkan.stats.periods import Period
from samverkan.stats.series import DataFolder, Series, SeriesValue

if TYPE_CHECKING:
    from samverkan.followup.agreement import AgreementGoalStatus

POPULATION = "befolkning"
CRIME_TOTAL = "brott-totalt"
CRIME_TYPES = ("brott-vald", "brott-tillgrepp")
INSECURITY = "brott-otrygghet"
ANDTS_UNSAFE = {"ak9": ("andts-otrygghet-flickor-ak9", "andts-otrygghet-pojkar-ak9"),
                "gy2": ("andts-otrygghet-flickor-gy2", "andts-otrygghet-pojkar-gy2")}
ANDTS_USE = ("andts-alkohol-ak9", "andts-alkohol-gy2", "andts-narkotika-ak9",
             "andts-narkotika-gy2")
NTU = "ntu-otrygghet-kvall"
NTU_RESPONDENTS = "ntu-svarande"
DIALOGUE_RESPONDENTS = "medborgardialog-svarande"
DIALOGUE_CHOICE = "medborgardialog-val"
DIALOGUE_STATED = "medborgardialog-andel"  # the shares the source states in words
DIALOGUE_AGE = "medborgardialog-alder"
OPEN_COMPARISONS = "oppna-jamforelser"  # SKR's and MSB's survey: series named oppna-jamforelser*
PREVENTION_GROUPS = "forebyggargrupper"
RISK_NIGHTS = "riskkvallar"  # the pledge of the yearly recurring events
POPULATION_ROWS = 6  # years of population shown under the demographic conditions
MONTHS_SHOWN = 3  # years of monthly figures in a chart: the year and the two before
BASELINE_YEAR = 2020  # the agreement's baseline: the last year before it (the ANDTS 2020 survey)


# --- the content model -----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line (or set of bars) of a chart: a figure at each of the chart's x positions."""

    label: str
    figures: tuple[Figure | None, ...]


@dataclass(frozen=True)
class Chart:
    """`kind`: `months` (x = January…December, a line per year), `years` (x = years, a line
    per series; a range is drawn as a band) or `bars` (x = categories)."""

    id: str
    number: int
    kind: str
    title: str
    unit: str
    x_labels: tuple[str, ...]
    lines: tuple[Line, ...]
    sources: tuple[str, ...]
    decimals: int | None = None


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    statuses: tuple[str, ...] = ()  # a pledge status per row, shown in the last column


@dataclass(frozen=True)
class Text:
    """Markdown the group wrote (`origin` is its file), or a sentence the tool composed."""

    markdown: str
    origin: str | None = None


@dataclass(frozen=True)
class Notice:
    """A series that has no data where the document needs it: what to import. `lacks`
    names what is missing across the whole document (`saknar 2020-05`), for the list
    of what to read in."""

    series: str
    text: str
    command: str
    lacks: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    id: str


Block = Text | Chart | Table | Notice | Heading


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class SourceEntry:
    """One series in the base-data appendix, with each figure's origin."""

    series: Series
    rows: tuple[tuple[str, str, str], ...]  # (period, value, origin)


@dataclass
class Lagesbild:
    year: int
    lang: str
    title: str
    subtitle: str
    meta: str
    data_dir: str
    sections: list[Section]
    appendix: list[SourceEntry]
    notices: list[Notice]


def legend_markdown(text: str) -> str:
    """A sentence that starts with the mark `*` as Markdown text (not a list item)."""
    return text.replace("*", "\\*", 1)


# --- numbers in words --------------------------------------------------------------------


def number(value: float | None, lang: str, decimals: int | None = None) -> str:
    """`72 266`, `16,5`, `−3,2` in Swedish; `72,266`, `16.5` in English."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{abs(value):,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return ("−" if value < 0 and text.strip("0,.\u00a0") else "") + text


def figure_text(fig: Figure | None, lang: str, decimals: int | None = None,
                signed: bool = False) -> str:
    """`16,5`, a range `3–4`; signed (a change) `+1,5`, a range of changes `+1 till +2`."""
    if fig is None or not fig.known:
        return "–"
    if fig.value is None:
        assert fig.low is not None and fig.high is not None
        if signed:
            return tr(lang, "lb_change_range", low=_signed(fig.low, lang, decimals, True),
                      high=_signed(fig.high, lang, decimals, True))
        return f"{number(fig.low, lang, decimals)}–{number(fig.high, lang, decimals)}"
    return _signed(fig.value, lang, decimals, signed)


def _signed(value: float, lang: str, decimals: int | None, signed: bool) -> str:
    text = number(value, lang, decimals)
    return f"+{text}" if signed and value > 0 else text


def sources_text(fig: Figure) -> str:
    return "; ".join(dict.fromkeys(str(s) for s in fig.sources))


def missing_text(fig: Figure, lang: str) -> str:
    """What a figure lacks, period by period: `brott-tillgrepp 2020-05` (not a span that
    would also name the months that are there)."""
    periods: dict[str, list[Period]] = {}
    for source in fig.missing:
        periods.setdefault(source.series, []).extend(source.periods)
    return tr(lang, "lb_and").join(
        f"{series} {periods_text(found)}" if found else series
        for series, found in periods.items())


def periods_text(periods: list[Period]) -> str:
    """`2017–2019, 2021` for consecutive years; months and spans listed as they are."""
    ordered = sorted(set(periods))
    parts: list[list[Period]] = []
    for p in ordered:
        if parts and _next(parts[-1][-1]) == p:
            parts[-1].append(p)
        else:
            parts.append([p])
    return ", ".join(str(g[0]) if len(g) == 1 else f"{g[0]}–{g[-1]}" for g in parts)


def _next(p: Period) -> Period | None:
    if p.kind == "year":
        return Period(p.year + 1)
    if p.kind == "month":
        return Period(p.year + p.month // 12, p.month % 12 + 1)
    return None


# --- building ------------------------------------------------------------------------


@dataclass(frozen=True)
class Contradiction:
    """A share the source states in words against the share its own counts give."""

    category: str
    stated: Figure
    derived: Figure
    part: Figure
    whole: Figure
    quote: str


class _Builder:
    def __init__(self, year: int, data: DataFolder, lang: str,
                 agreement_goals: dict[str, AgreementGoalStatus] | None = None):
        self.year = year
        self.data = data
        self.lang = lang
        self.charts = 0
        self.notices: dict[str, Notice] = {}
        self.missing: dict[str, list[Period]] = {}
        self.lacking: dict[str, list[Period]] = {}  # everything missing, for the checklist
        self.agreement_goals = agreement_goals or {}
        self.contradictions: list[Contradiction] = []

    def t(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def series(self, series_id: str) -> Series | None:
        return self.data.series.get(series_id)

    def next_chart(self) -> int:
        self.charts += 1
        return self.charts

    # --- notices ---------------------------------------------------------------------

    def need(self, series_id: str, periods: list[Period] | None = None) -> None:
        """Note that `series_id` lacks `periods` (or is missing altogether)."""
        self.missing.setdefault(series_id, []).extend(periods or [])
        self.lacking.setdefault(series_id, []).extend(periods or [])

    def need_figures(self, figures: Sequence[Figure | None]) -> None:
        for fig in figures:
            if fig is None:
                continue
            for source in fig.missing:
                self.need(source.series, list(source.periods))

    def flush(self, section: Section) -> None:
        """The notices for what this part lacks, once per series in the document."""
        for series_id, periods in self.missing.items():
            if series_id not in self.notices:
                notice = self.notice(series_id, periods)
                self.notices[series_id] = notice
                section.blocks.append(notice)
        self.missing = {}

    def notice(self, series_id: str, periods: list[Period]) -> Notice:
        command = f"samverkan data import FIL --series {series_id}"
        series = self.series(series_id)
        if series is None:
            return Notice(series_id, self.t("lb_series_file_missing", id=series_id,
                                            dir=self.data.folder), command)
        if not periods or not series.values:
            text = self.t("lb_series_empty", id=series_id, title=series.title,
                          source=series.source)
        else:
            text = self.t("lb_series_lacks", id=series_id, title=series.title,
                          periods=periods_text(periods), source=series.source)
        return Notice(series_id, text, command)

    def checklist(self) -> list[Notice]:
        """The notices, each saying everything its series lacks in the whole document."""
        from dataclasses import replace

        items = []
        for series_id, notice in self.notices.items():
            series, periods = self.series(series_id), self.lacking.get(series_id, [])
            if series is None:
                lacks = self.t("lb_lacks_file")
            elif not periods or not series.values:
                lacks = self.t("lb_lacks_values")
            else:
                lacks = self.t("lb_lacks_periods", periods=periods_text(periods))
            items.append(replace(notice, lacks=lacks))
        return items

    # --- charts ----------------------------------------------------------------------

    def months_chart(self, series_id: str, title_key: str) -> list[Block]:
        series = self.series(series_id)
        if series is None:
            self.need(series_id)
            return []
        years = list(range(self.year - MONTHS_SHOWN + 1, self.year + 1))
        if not any(v.when.year in years for v in series.values):
            self.need(series_id)
            return []
        if last_month(series, self.year) is None:
            self.need(series_id, [Period(self.year)])
        lines = tuple(Line(str(y), tuple(
            observed(series, Period(y, m)) if series.at(Period(y, m)) else None
            for m in range(1, 13))) for y in years)
        months = tuple(self.t(f"lb_month_{m}") for m in range(1, 13))
        number_ = self.next_chart()
        title = self.t(title_key, n=number_, first=years[0], last=years[-1], name=series.name)
        return [Chart(f"diagram-{number_}", number_, "months", title, series.unit, months,
                      lines, (series_id,))]

    def through(self, series: list[Series]) -> int:
        months = [m for s in series if (m := last_month(s, self.year)) is not None]
        return min(months) if months else 12

    def ytd_charts(self, series_ids: tuple[str, ...], count_key: str | None,
                   rate_key: str) -> list[Block]:
        """January–month by year, as counts (`count_key`) and per 1,000 inhabitants."""
        found = [s for sid in series_ids if (s := self.series(sid)) is not None and s.values]
        for sid in series_ids:
            if sid not in {s.id for s in found}:
                self.need(sid)
        if not found:
            return []
        through = self.through(found)
        first = min(min(years_with_data(s)) for s in found)
        years = list(range(min(first, self.year), self.year + 1))
        population = self.series(POPULATION)
        counts = {s.id: [year_to_date(s, y, through) for y in years] for s in found}
        blocks: list[Block] = []
        span = self.t("lb_months_span", last=self.t(f"lb_month_long_{through}"))
        x = tuple(str(y) for y in years)
        when = (self.t("lb_span_year", span=span, year=years[0]) if len(years) == 1 else
                self.t("lb_span_years", span=span, first=years[0], last=years[-1]))
        if count_key:
            n = self.next_chart()
            blocks.append(Chart(f"diagram-{n}", n, "years", self.t(count_key, n=n, when=when),
                                found[0].unit, x,
                                tuple(Line(s.name, tuple(counts[s.id])) for s in found),
                                tuple(s.id for s in found)))
        for s in found:  # every month a shown year lacks, the year's and earlier years'
            self.need_figures([c for c in counts[s.id] if c.value is None and c.missing])
        if population is None:
            self.need(POPULATION)
            return blocks
        rates = {s.id: [per_thousand(c, population, y) for c, y in zip(counts[s.id], years)]
                 for s in found}
        n = self.next_chart()
        blocks.append(Chart(f"diagram-{n}", n, "years", self.t(rate_key, n=n, when=when),
                            self.t("lb_per_1000_unit"), x,
                            tuple(Line(s.name, tuple(rates[s.id])) for s in found),
                            tuple(s.id for s in found) + (POPULATION,), decimals=1))
        people = [observed(population, Period(y)) for y in years
                  if any(counts[s.id][years.index(y)].value is not None for s in found)]
        self.need_figures(people)
        blocks.extend(self.derivation_tables(found, years, counts, rates, span))
        blocks.extend(self.change_texts(found, years, counts, rates, span))
        return blocks

    def derivation_tables(self, found: list[Series], years: list[int],
                          counts: dict[str, list[Figure]], rates: dict[str, list[Figure]],
                          span: str) -> list[Block]:
        """Per series: the count, the population and the rate of each year, and what the
        rate was derived from."""
        population = self.series(POPULATION)
        tables: list[Block] = []
        for s in found:
            rows = []
            for i, y in enumerate(years):
                people = observed(population, Period(y)) if population else None
                rows.append((str(y), figure_text(counts[s.id][i], self.lang),
                             figure_text(people, self.lang),
                             figure_text(rates[s.id][i], self.lang, 1),
                             sources_text(rates[s.id][i])))
            tables.append(Table(
                self.t("lb_derivation_caption", name=s.name, span=span),
                (self.t("lb_col_year"), self.t("lb_col_count_span", span=span),
                 self.t("lb_col_population"), self.t("lb_per_1000_unit"),
                 self.t("lb_col_derived_from")),
                tuple(rows), (False, True, True, True, False)))
        return tables

    def change_texts(self, found: list[Series], years: list[int],
                     counts: dict[str, list[Figure]], rates: dict[str, list[Figure]],
                     span: str) -> list[Block]:
        if BASELINE_YEAR not in years or self.year == BASELINE_YEAR:
            return []
        now, base = years.index(self.year), years.index(BASELINE_YEAR)
        lines = []
        for s in found:
            diff = change(counts[s.id][now], counts[s.id][base])
            pct = change_percent(counts[s.id][now], counts[s.id][base])
            rate = change(rates[s.id][now], rates[s.id][base])
            if not diff.known:
                lines.append(self.t("lb_change_unknown", name=s.name, year=self.year,
                                    base=BASELINE_YEAR, span=span,
                                    missing=missing_text(diff, self.lang)))
                continue
            lines.append(self.t(
                "lb_change", name=s.name, year=self.year, base=BASELINE_YEAR, span=span,
                diff=figure_text(diff, self.lang, signed=True),
                pct=figure_text(pct, self.lang, 1, signed=True),
                rate=figure_text(rate, self.lang, 1, signed=True),
                sources=sources_text(rate if rate.known else diff)))
        return [Text("\n".join(f"- {line}" for line in lines))]

    def years_chart(self, series_ids: tuple[str, ...], title_key: str,
                    **values: object) -> list[Block]:
        found = []
        for sid in series_ids:
            s = self.series(sid)
            if s is None or not s.points():
                self.need(sid)
            else:
                found.append(s)
                if not any(v.when.year == self.year for v in s.points()):
                    self.need(sid, [Period(self.year)])
        if not found:
            return []
        years = sorted({v.when.year for s in found for v in s.points()} | {self.year})
        years = list(range(years[0], years[-1] + 1))
        n = self.next_chart()
        lines = tuple(Line(s.name, tuple(observed(s, Period(y)) if s.at(Period(y)) else None
                                         for y in years)) for s in found)
        chart = Chart(f"diagram-{n}", n, "years", self.t(title_key, n=n, **values),
                      found[0].unit, tuple(str(y) for y in years), lines,
                      tuple(s.id for s in found))
        return [chart] + self.yearly_changes(found)

    def yearly_changes(self, found: list[Series]) -> list[Block]:
        """Each yearly series' figure of the year against the baseline year's, where the
        series has both: a range (3–4 %) gives a range of changes (+1 till +2)."""
        if self.year == BASELINE_YEAR:
            return []
        lines = []
        for s in found:
            base = observed(s, Period(BASELINE_YEAR))
            if not base.known:
                continue
            now = observed(s, Period(self.year))
            diff = change(now, base)
            if not diff.known:
                continue  # the year's figure is missing: the notice says so
            key = "lb_yearly_change_points" if s.unit.strip() == "%" else "lb_yearly_change"
            lines.append(self.t(key, name=s.name, year=self.year, base=BASELINE_YEAR,
                                diff=figure_text(diff, self.lang, signed=True),
                                now=figure_text(now, self.lang), then=figure_text(base, self.lang),
                                unit=s.unit, sources=sources_text(diff)))
        return [Text("\n".join(f"- {line}" for line in lines))] if lines else []

    def latest(self, series: Series, category: str | None = None) -> Period | None:
        periods = [v.when for v in series.values if v.category == category
                   and v.when.year <= self.year]
        return max(periods) if periods else None

    # --- sections --------------------------------------------------------------------

    def text(self, name: str) -> Text:
        """The group's text `data/NAME.md` without its comments, or what to write there."""
        text = self.data.texts.get(name)
        path = self.data.folder / f"{name}.md"
        if text is None or not strip_comments(text).strip():
            return Text(self.t("lb_text_missing", path=path,
                               what=self.t(f"lb_text_what_{name.replace('-', '_')}")))
        return Text(strip_comments(text).strip(), str(path))

    def text_section(self, section_id: str, name: str, title_key: str) -> Section:
        return Section(section_id, self.t(title_key), [self.text(name)])

    def latest_figure(self, series_id: str) -> Text | None:
        """`Förebyggargrupper: 19 grupper (2020)`: a series' latest figure up to the year,
        with its source; None (and a notice) when the series has none."""
        series = self.series(series_id)
        period = self.latest(series) if series is not None else None
        if series is None or period is None:
            self.need(series_id)
            return None
        fig = observed(series, period)
        return Text(self.t("lb_latest_figure", title=series.title,
                           value=figure_text(fig, self.lang), unit=series.unit, period=period,
                           sources=sources_text(fig)))

    def events(self, compliance: Compliance | None) -> Section:
        """Årliga återkommande evenemang: the group's text, and the risk nights' outcome."""
        section = self.text_section("evenemang", "evenemang", "lb_events_title")
        if compliance is None:
            return section
        nights = next((p for p in compliance.pledges if p.pledge.id == RISK_NIGHTS), None)
        if nights is not None:
            from samverkan.followup.render import pledge_title
            from samverkan.report.words import Words

            w = Words(self.lang)
            section.blocks.append(Text(self.t(
                "lb_events_outcome", title=pledge_title(nights.pledge, self.lang),
                year=self.year,
                outcome=w.outcome(nights), unit=w.unit(nights), status=w.status(nights.status),
                as_of=compliance.as_of.isoformat())))
        return section

    def prevention_groups(self) -> Section:
        """Förebyggargrupper: how many there are (a series) and what they saw (the text)."""
        section = Section("forebyggargrupper", self.t("lb_prevention_title"))
        count = self.latest_figure(PREVENTION_GROUPS)
        if count is not None:
            section.blocks.append(count)
        section.blocks.append(self.text("forebyggargrupper"))
        self.flush(section)
        return section

    def conditions(self) -> Section:
        """Geografiska och demografiska förutsättningar: the group's text and the population
        of the latest years up to the year."""
        section = Section("forutsattningar", self.t("lb_conditions_title"))
        section.blocks.append(self.text("forutsattningar"))
        population = self.series(POPULATION)
        values = [v for v in population.points() if v.when.year <= self.year] \
            if population is not None else []
        if population is None or not values:
            self.need(POPULATION)
        else:
            rows = []
            for v in values[-POPULATION_ROWS:]:
                fig = observed(population, v.when)
                rows.append((str(v.when), figure_text(fig, self.lang), sources_text(fig)))
            section.blocks.append(Table(
                self.t("lb_population_caption", title=population.title),
                (self.t("lb_col_year"), population.name, self.t("lb_col_source")),
                tuple(rows), (False, True, False)))
        self.flush(section)
        return section

    def analysis(self) -> Section:
        """Analys och slutsatser: the group's text, and a note wherever it quotes a figure
        that the source contradicts elsewhere (80 % against 189 of 213)."""
        section = self.text_section("analys", "analys", "lb_analysis_title")
        text = section.blocks[0]
        assert isinstance(text, Text)
        if text.origin is not None:
            words = " ".join(re.sub(r"(?m)^\s*>", " ", text.markdown).split())
            for c in self.contradictions:
                shown = figure_text(c.stated, self.lang)
                if re.search(rf"(?<![\d,.]){re.escape(shown)}\s?%", words):
                    section.blocks.append(Text(self.t(
                        "lb_contradiction_analysis", stated=shown, category=c.category,
                        part=figure_text(c.part, self.lang), whole=figure_text(c.whole, self.lang),
                        derived=figure_text(c.derived, self.lang, 1))))
        return section

    def followup(self) -> Section:
        return self.text_section("uppfoljning", "uppfoljning", "lb_followup_title")

    def crime(self) -> list[Section]:
        development = Section("brottsutveckling", self.t("lb_crime_title"))
        development.blocks.append(Text(self.t("lb_crime_intro")))
        development.blocks += self.months_chart(CRIME_TOTAL, "lb_chart_total_months")
        for sid in CRIME_TYPES:
            development.blocks += self.months_chart(sid, "lb_chart_type_months")
        development.blocks += self.ytd_charts((CRIME_TOTAL,), None, "lb_chart_total_rate")
        development.blocks += self.ytd_charts(CRIME_TYPES, None, "lb_chart_types_rate")
        self.flush(development)

        insecurity = Section("otrygghetsskapande-brott", self.t("lb_insecurity_title"))
        insecurity.blocks.append(Text(self.t("lb_insecurity_intro")))
        insecurity.blocks += self.months_chart(INSECURITY, "lb_chart_insecurity_months")
        insecurity.blocks += self.ytd_charts((INSECURITY,), "lb_chart_insecurity_ytd",
                                             "lb_chart_insecurity_rate")
        self.flush(insecurity)
        return [development, insecurity]

    def safety(self) -> Section:
        section = Section("trygghet", self.t("lb_safety_title"))
        section.blocks.append(Heading(self.t("lb_andts_title"), "andts"))
        section.blocks.append(Text(self.t("lb_andts_intro")))
        section.blocks += self.years_chart(ANDTS_UNSAFE["ak9"], "lb_chart_unsafe",
                                           grade=self.t("lb_grade_ak9"))
        section.blocks += self.years_chart(ANDTS_UNSAFE["gy2"], "lb_chart_unsafe",
                                           grade=self.t("lb_grade_gy2"))
        section.blocks += self.years_chart(ANDTS_USE, "lb_chart_use")
        self.flush(section)
        section.blocks.append(Heading(self.t("lb_surveys_title"), "trygghetsundersokningar"))
        section.blocks.append(self.text("trygghetsundersokningar"))
        section.blocks.append(Heading(self.t("lb_ntu_title"), "ntu"))
        section.blocks += self.survey(NTU, NTU_RESPONDENTS)
        self.flush(section)
        section.blocks.append(Heading(self.t("lb_open_comparisons_title"), "oppna-jamforelser"))
        surveys = sorted(sid for sid in self.data.series if sid.startswith(OPEN_COMPARISONS))
        for sid in surveys:
            section.blocks += self.survey(sid)
        if not surveys:
            section.blocks.append(Text(self.t("lb_open_comparisons_missing",
                                              dir=self.data.folder, prefix=OPEN_COMPARISONS)))
        self.flush(section)
        return section

    def survey(self, series_id: str, respondents_id: str | None = None) -> list[Block]:
        """A survey's results as a table: one row per period, a column per category (the
        municipality, the country), and the respondents when a series gives them."""
        series = self.series(series_id)
        if series is None or not series.values:
            self.need(series_id)
            return []
        respondents = self.series(respondents_id) if respondents_id else None
        periods = sorted({v.when for v in series.values if v.when.year <= self.year})
        if not any(p.year == self.year for p in periods):
            self.need(series_id, [Period(self.year)])
        categories: list[str | None] = [*series.categories()] or [None]
        headers = ([self.t("lb_col_period")] + [c or series.name for c in categories]
                   + ([self.t("lb_col_respondents")] if respondents_id else [])
                   + [self.t("lb_col_source")])
        rows = []
        for p in periods:
            figures: list[Figure | None] = [observed(series, p, c) for c in categories]
            if respondents_id:
                figures.append(observed(respondents, p) if respondents else None)
            used = [f for f in figures if f is not None and f.known]
            rows.append(tuple([str(p)] + [figure_text(f, self.lang) for f in figures]
                              + ["; ".join(dict.fromkeys(sources_text(f) for f in used))]))
        caption = f"{series.title}, {series.unit}"
        return [Table(caption, tuple(headers), tuple(rows),
                      (False,) + (True,) * (len(headers) - 2) + (False,))]

    def dialogue(self) -> Section:
        section = Section("medborgardialog", self.t("lb_dialogue_title"))
        respondents = self.series(DIALOGUE_RESPONDENTS)
        choice = self.series(DIALOGUE_CHOICE)
        if respondents is None or not respondents.values:
            self.need(DIALOGUE_RESPONDENTS)
            self.flush(section)
            return section
        period = self.latest(respondents, "totalt") or max(v.when for v in respondents.values)
        if period.year != self.year:
            self.need(DIALOGUE_RESPONDENTS, [Period(self.year)])
            section.blocks.append(Text(self.t("lb_dialogue_latest", period=period,
                                              year=self.year)))
        total = observed(respondents, period, "totalt")
        parts = [c for c in respondents.categories() if c != "totalt"]
        n = self.next_chart()
        section.blocks.append(Chart(
            f"diagram-{n}", n, "bars", self.t("lb_chart_dialogue_gender", n=n, period=period,
                                              total=figure_text(total, self.lang)),
            respondents.unit, tuple(parts),
            (Line(respondents.name, tuple(observed(respondents, period, c) for c in parts)),),
            (respondents.id,)))
        ages = self.series(DIALOGUE_AGE)
        if ages is not None:
            figures = [(c, observed(ages, period, c)) for c in ages.categories()
                       if ages.at(period, c) is not None]
            if figures:
                section.blocks.append(Text(self.t(
                    "lb_dialogue_ages", title=ages.title, period=period,
                    values=", ".join(f"{c} {figure_text(f, self.lang)} {ages.unit}"
                                     for c, f in figures),
                    sources=sources_text(figures[0][1]))))
        if choice is None or not choice.values:
            self.need(DIALOGUE_CHOICE)
        else:
            categories = [c for c in choice.categories()
                          if choice.at(period, c) is not None]
            chosen = [observed(choice, period, c) for c in categories]
            rest = total
            for fig in chosen:
                rest = difference(rest, fig)
            n = self.next_chart()
            labels = tuple(categories) + (self.t("lb_dialogue_other"),)
            section.blocks.append(Chart(
                f"diagram-{n}", n, "bars", self.t("lb_chart_dialogue_choice", n=n,
                                                  period=period),
                choice.unit, labels, (Line(choice.name, tuple(chosen) + (rest,)),),
                (choice.id, respondents.id)))
            rows = []
            for label, fig in zip(labels, tuple(chosen) + (rest,)):
                rows.append((label, figure_text(fig, self.lang),
                             figure_text(share(fig, total), self.lang, 1),
                             self.t("lb_derived", sources=sources_text(fig))
                             if fig.method != "value" else sources_text(fig)))
            section.blocks.append(Table(
                self.t("lb_dialogue_share_caption", period=period),
                (self.t("lb_col_alternative"), choice.unit, self.t("lb_col_share"),
                 self.t("lb_col_source")), tuple(rows), (False, True, True, False)))
            section.blocks.append(Text(self.t("lb_dialogue_other_note")))
            for category, fig in zip(categories, chosen):
                self.compare_stated(section, category, period, fig, total)
        self.flush(section)
        return section

    def compare_stated(self, section: Section, category: str, period: Period, part: Figure,
                       whole: Figure) -> None:
        """A share the source states in words (`medborgardialog-andel`) against the share
        its counts give: when they differ by more than the stated figure's rounding, both
        are shown and the document says that the source contradicts itself."""
        stated_series = self.series(DIALOGUE_STATED)
        entry = stated_series.at(period, category) if stated_series is not None else None
        derived = share(part, whole)
        if entry is None or entry.value is None or derived.value is None:
            return
        assert stated_series is not None
        decimals = len(repr(float(entry.value)).split(".")[1].rstrip("0"))
        if abs(derived.value - entry.value) <= 0.5 * 10 ** -decimals:
            return
        stated = observed(stated_series, period, category)
        contradiction = Contradiction(category, stated, derived, part, whole,
                                      entry.source_text or stated_series.source)
        self.contradictions.append(contradiction)
        section.blocks.append(Text(self.t(
            "lb_contradiction", stated=figure_text(stated, self.lang), category=category,
            quote=contradiction.quote, part=figure_text(part, self.lang),
            whole=figure_text(whole, self.lang), derived=figure_text(derived, self.lang, 1),
            sources=f"{sources_text(stated)}; {sources_text(derived)}")))

    def no_plan(self, plan_path: str) -> Section:
        """Where the plan's sections would be, when the year has no plan: one sentence."""
        return Section("fokusomraden", self.t("lb_focus_title"),
                       [Text(self.t("lb_no_plan", year=self.year, path=plan_path))])

    def focus_areas(self, plan: Plan, compliance: Compliance) -> Section:
        from samverkan.followup.render import decided, pledge_title

        section = Section("fokusomraden", self.t("lb_focus_title"))
        linked: dict[str, list[Series]] = {}
        for s in self.data.series.values():
            if s.goal:
                linked.setdefault(s.goal, []).append(s)
        for area in plan.focus_areas:
            section.blocks.append(Heading(area.title, f"fokus-{area.id}"))
            pledges = [p for p in compliance.pledges if p.pledge.focus_area == area.id]
            counts = {st: sum(p.status == st for p in pledges)
                      for st in PLEDGE_STATUSES}
            section.blocks.append(Text(self.t(
                "lb_area_pledges", total=len(pledges), as_of=compliance.as_of.isoformat(),
                **counts)))
            placed = [p.pledge for p in pledges if "focus_area" in decided(p.pledge)]
            if placed:
                section.blocks.append(Text(legend_markdown(self.t(
                    "lb_area_decided", titles=", ".join(pledge_title(p, self.lang)
                                                        for p in placed)))))
            rows = []
            for goal in area.goals:
                status = next(g for g in compliance.goals if g.goal.id == goal.id)
                rows.append(self.goal_row(goal, status, linked.get(goal.id, []),
                                          compliance.as_of))
            if rows:
                section.blocks.append(Table(
                    self.t("lb_goals_caption", title=area.title, year=self.year),
                    (self.t("col_goal"), self.t("col_baseline"),
                     self.t("lb_col_value_year", year=self.year), self.t("col_status"),
                     self.t("lb_col_source")), tuple(rows), (False, False, False, False, False)))
                if any("baseline" in decided(g) for g in area.goals):
                    section.blocks.append(Text(legend_markdown(self.t("origin_legend"))))
        self.flush(section)
        return section

    def goal_row(self, goal: Goal, status: GoalStatus, series: list[Series],
                 as_of: dt.date) -> tuple[str, ...]:
        """The goal's row for the year. One value per fact: the goal's own value for the
        year is the one `samverkan status` shows (`status`, read from the goal's series
        when it names one); the other series that follow the goal (`goal:` in the series)
        are shown beside it. A cell shows values or says what is missing, never both."""
        from samverkan.followup.render import baseline_text, goal_label, marked

        baseline = marked(baseline_text(goal.baseline, self.lang), goal, "baseline")
        if goal.baseline and goal.baseline.source:
            baseline = self.t("lb_baseline_from_plan", text=baseline)
        values, sources, verdicts, missing = [], [], [], []
        own = next((m for m in status.measurements if m.year == self.year), None)
        named = self.series(goal.series) if goal.series else None
        if own is not None:
            if named is not None:
                values.append(f"{named.name}: {number(own.value, self.lang)}")
                sources.append(sources_text(observed(named, Period(self.year))))
            else:
                values.append(number(own.value, self.lang))
                sources.append(self.t("lb_plan_measurement", source=own.source or "–"))
            verdicts.append(goal_verdict(goal, own))
        elif named is not None:
            self.need(named.id, [Period(self.year)])
            missing.append(self.t("lb_goal_value_missing", name=named.name, id=named.id))
        for s in series:
            if named is not None and s.id == named.id:
                continue
            fig = observed(s, Period(self.year))
            if not fig.known:
                self.need(s.id, [Period(self.year)])
                missing.append(self.t("lb_goal_value_missing", name=s.name, id=s.id))
                continue
            values.append(f"{s.name}: {figure_text(fig, self.lang)}")
            sources.append(sources_text(fig))
            if fig.value is not None and own is None:
                verdicts.append(goal_verdict(goal, Measurement(year=self.year, value=fig.value)))
        whole = self.agreement_goals.get(goal.id)
        if not values and whole is not None:
            return (goal.title, baseline) + self.agreement_cells(whole, as_of)
        if not values:
            values = missing or [self.t("lb_goal_no_series")]
        verdict = goal_label(verdicts[0] if len(set(verdicts)) == 1 else NO_DATA, self.lang)
        return (goal.title, baseline, "; ".join(values), verdict, "; ".join(sources) or "–")

    def agreement_cells(self, g: AgreementGoalStatus, as_of: dt.date) -> tuple[str, str, str]:
        """A goal of the whole agreement: the value, verdict and source that
        `samverkan status --agreement` gives (`followup.agreement` counts it)."""
        from samverkan.report.words import Words

        w = Words(self.lang)
        value = self.t("lb_agreement_value", outcome=w.agreement_outcome(g),
                       as_of=as_of.isoformat())
        verdict = self.t("goal_no_data") if g.status == NO_DATA else w.status(g.status)
        key = f"lb_agreement_counted_{g.goal.count.source}"
        source = self.t(key, pledge=g.goal.count.pledge) if key in MESSAGES else \
            g.goal.count.source
        return value, verdict, source

    def pledges(self, compliance: Compliance) -> Section:
        from samverkan.followup.render import marked, origin_legend, pledge_title
        from samverkan.report.words import Words

        section = Section("bilaga-1", self.t("lb_pledges_title"))
        w = Words(self.lang)
        rows = []
        for p in compliance.pledges:
            outcome = "; ".join([marked(w.outcome(p), p.pledge, "target")]
                                + [w.requirement(r) for r in p.requirements])
            rows.append((pledge_title(p.pledge, self.lang),
                         marked(w.owner(p.pledge.owner), p.pledge, "owner"), outcome,
                         w.unit(p) or "–", w.status(p.status)))
        section.blocks.append(Text(self.t("lb_pledges_intro", year=self.year,
                                          as_of=compliance.as_of.isoformat())))
        section.blocks.append(Table(
            self.t("lb_pledges_caption", year=self.year, as_of=compliance.as_of.isoformat()),
            (self.t("col_pledge"), self.t("col_owner"), self.t("report_target_outcome"),
             self.t("col_unit"), self.t("col_status")), tuple(rows),
            (False, False, False, False, False), tuple(p.status for p in compliance.pledges)))
        legend = origin_legend([p.pledge for p in compliance.pledges], self.lang,
                               ("owner", "target"))
        if legend:
            section.blocks.append(Text(legend_markdown(legend)))
        return section

    def appendix(self) -> list[SourceEntry]:
        """Every series with the origin of each figure; a run of values imported from one
        file on one day is one row."""
        entries = []
        for series in sorted(self.data.series.values(), key=lambda s: s.id):
            runs: list[tuple[str, list[SeriesValue]]] = []
            for v in sorted(series.values, key=lambda v: v.when):
                if v.source_text:
                    origin = f"»{v.source_text}«" + (f" ({v.note})" if v.note else "")
                elif v.source and not v.file:
                    origin = self.t("lb_measured_with", source=v.source,
                                    date=v.imported.isoformat() if v.imported else "–")
                else:
                    origin = self.t("lb_imported_from", file=v.file or "–",
                                    date=v.imported.isoformat() if v.imported else "–")
                if (runs and not v.source_text and v.category is None
                        and runs[-1][0] == origin and runs[-1][1][-1].category is None):
                    runs[-1][1].append(v)
                else:
                    runs.append((origin, [v]))
            rows = []
            for origin, values in runs:
                v = values[0]
                if len(values) == 1:
                    period = str(v.when) + (f", {v.category}" if v.category else "")
                    shown = figure_text(Figure(v.value, v.low, v.high), self.lang)
                else:
                    period = periods_text([x.when for x in values])
                    shown = self.t("lb_values_count", n=len(values))
                rows.append((period, shown, origin))
            entries.append(SourceEntry(series, tuple(rows)))
        return entries


def strip_comments(markdown: str) -> str:
    """The text without `<!-- … -->` comments (notes to whoever edits the file)."""
    return re.sub(r"<!--.*?-->\n?", "", markdown, flags=re.DOTALL)


def build(year: int, data: DataFolder, plan: Plan | None, compliance: Compliance | None,
          plan_path: str, lang: str = "sv",
          agreement_goals: dict[str, AgreementGoalStatus] | None = None) -> Lagesbild:
    """The document's content, in the source's order; no I/O (the data folder, the plan and
    the agreement's goals are read by the caller). `plan_path` is the year's plan file,
    or where it would be when the year has none (`plan` None)."""
    b = _Builder(year, data, lang, agreement_goals)
    if compliance is not None:
        meta = b.t("lb_meta", data=data.folder, n=len(data.series), plan=plan_path,
                   as_of=compliance.as_of.isoformat())
    else:
        meta = b.t("lb_meta_no_plan", data=data.folder, n=len(data.series))
    local = Section("lokal-lagesbild", b.t("lb_local_title"))
    local.blocks.append(Text(b.t("lb_local_intro", dir=data.folder, n=len(data.series))))
    crime, insecurity = b.crime()
    sections = [
        b.text_section("inledning", "inledning", "lb_intro_title"),
        b.text_section("samverkansavtal", "samverkansavtal", "lb_agreement_title"),
        b.text_section("ovrig-samverkan", "ovrig-samverkan", "lb_other_cooperation_title"),
        local, crime, b.safety(), insecurity, b.dialogue(),
        b.events(compliance), b.prevention_groups(), b.conditions(),
        b.analysis(),
    ]
    if plan is not None and compliance is not None:
        sections += [b.focus_areas(plan, compliance), b.followup(), b.pledges(compliance)]
    else:
        sections += [b.no_plan(plan_path), b.followup()]
    return Lagesbild(year, lang, b.t("lb_title", year=year), b.t("lb_subtitle"), meta,
                     str(data.folder), sections, b.appendix(), b.checklist())


def make_lagesbild(year: int, data_dir: Path | None, plans_dir: Path | None, today: dt.date,
                   lang: str = "sv") -> Lagesbild:
    """Read the data folder, the year's plan and the agreement's goals, and build the
    document. The agreement's goals are counted by `followup.agreement`, as for
    `samverkan status --agreement` on the same day."""
    from samverkan.core.problems import PlanInvalid, PlanNotFound
    from samverkan.followup.agreement import load_agreement_picture
    from samverkan.followup.compliance import compute
    from samverkan.followup.facts import measurements_for
    from samverkan.plan.folder import load_valid, plan_path_for
    from samverkan.plan.folder import plans_dir as find_plans
    from samverkan.stats.series import data_dir as find_data
    from samverkan.stats.series import load_data_folder

    plans = find_plans(plans_dir)
    folder = find_data(data_dir, plans)
    if not folder.is_dir():
        from samverkan.core.problems import UsageError

        raise UsageError(tr(lang, "series_no_folder", dir=folder))
    data = load_data_folder(folder, lang)
    if data.problems:
        raise PlanInvalid(tr(lang, "lb_data_has_errors", dir=folder), data.problems)
    try:
        path = plan_path_for(plans, year, lang)
    except PlanNotFound:
        return build(year, data, None, None, str(plans / f"{year}.yaml"), lang)
    plan = load_valid(path, lang).plan
    assert plan is not None
    compliance = compute(plan, today, measurements_for(path, plan, lang, folder))
    picture, _ = load_agreement_picture(plans, compliance.as_of, lang)
    goals = {g.goal.id: g for g in picture.goals}
    return build(year, data, plan, compliance, str(path), lang, goals)


__all__ = ["Source", "build", "make_lagesbild"]
