"""The report's phrases and numbers in Swedish or English.

Target against outcome the way published Swedish follow-ups write it
("minst 5 → 7 genomförda"), what is still needed, dates in words, and numbers with a
decimal comma in Swedish. The templates call these through `Words`, bound to a language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from samverkan.core.i18n import tr
from samverkan.followup import render
from samverkan.followup.compliance import (
    BEHIND,
    DISTINCT_COUNTINGS,
    MET,
    MISSED,
    ON_TRACK,
    UNTRACKED,
    Count,
    GoalStatus,
    PledgeStatus,
    counting_key,
)
from samverkan.plan.model import Activity, Baseline

MONTH_NAMES = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
STATUS_MARKS = {MET: "✓", ON_TRACK: "→", BEHIND: "!", MISSED: "✗", UNTRACKED: "·"}


@dataclass(frozen=True)
class Words:
    """Every formatting helper of the report, for one language (`sv` or `en`); tags by
    their titles in `tags` (id → title, from the plans' `tags:`)."""

    lang: str
    tags: dict[str, str] = field(default_factory=dict, compare=False)

    def t(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def number(self, value: float | None) -> str:
        """`3,5` in Swedish, `3.5` in English, `–` for no value."""
        return render.number(value, self.lang)

    def date(self, day: dt.date) -> str:
        """`30 juni 2021` / `30 June 2021`."""
        months = MONTH_NAMES.get(self.lang, MONTH_NAMES["sv"])
        return f"{day.day} {months[day.month - 1]} {day.year}"

    def status(self, status: str) -> str:
        return self.t(f"status_{status}")

    def mark(self, status: str) -> str:
        return STATUS_MARKS[status]

    def goal_status(self, status: str) -> str:
        return self.t(f"goal_{status}")

    def unit(self, p: PledgeStatus) -> str:
        return p.pledge.target.unit if p.pledge.target else ""

    def outcome(self, p: PledgeStatus) -> str:
        """`minst 5 → 7 genomförda`, or `4 registrerade` for a pledge without a target
        (Swedish singular for 1: `minst 1 → 1 genomförd`)."""
        if p.main is None:
            return self.t("report_recorded_one" if p.done == 1 else "report_recorded",
                          done=p.done)
        return self.count(p.main)

    def agreement_outcome(self, g: Any) -> str:
        """`minst 4 → 2 genomförda (områden)` for a goal of the whole agreement."""
        if g.done is None:
            return self.t("goal_no_data")
        key = "report_outcome_one" if g.done == 1 else "report_outcome"
        return f"{self.t(key, target=g.goal.min, done=g.done)} ({g.goal.unit})"

    def milestone(self, m: Any) -> str:
        """`Delmål: minst 1 senast 31 december 2021` for a milestone of an agreement goal."""
        return self.t("report_milestone", min=m.milestone.min, by=self.date(m.milestone.by))

    def milestone_outcome(self, m: Any, g: Any) -> str:
        """What was done by the milestone's date (by the report's date before then)."""
        if m.done is None:
            return self.t("goal_no_data")
        key = "report_outcome_one" if m.done == 1 else "report_outcome"
        return f"{self.t(key, target=m.milestone.min, done=m.done)} ({g.goal.unit})"

    def occasions(self, p: PledgeStatus) -> list[str]:
        """Each planned occasion with what became of it: `10 juni 2021 Studenten:
        genomförd`, `… ej genomförd`, `… planerad`."""
        return [self.t("report_occasion", date=self.date(o.occasion.date), name=o.occasion.name,
                       state=self.t(f"report_occasion_{o.state}")) for o in p.occasions]

    def occasions_summary(self, p: PledgeStatus) -> str:
        """`2 av 3 planerade tillfällen som har passerat genomfördes; 2 återstår`."""
        passed = [o for o in p.occasions if o.state != "coming"]
        done = sum(o.state == "done" for o in passed)
        return self.t("report_occasions_summary", done=done, passed=len(passed),
                      coming=len(p.occasions) - len(passed))

    def count(self, c: Count) -> str:
        key = "report_outcome_one" if c.done == 1 else "report_outcome"
        return self.t(key, target=c.target, done=c.done)

    def requirement(self, r: Count) -> str:
        """`varav centrum: minst 1 → 2 genomförda`."""
        return self.t("report_requirement", tag=r.tag_name, outcome=self.count(r))

    def period(self, p: PledgeStatus) -> str:
        return f"{p.start.isoformat()} – {p.due.isoformat()}"

    def owner(self, owner: str) -> str:
        return self.t(f"report_owner_{owner}")

    def still_needed(self, p: PledgeStatus, as_of: dt.date) -> list[str]:
        """What is missing, count by count: a shortfall for a missed pledge, the rest and
        the pace for one that is behind."""
        lines = []
        for c in p.counts:
            short = c.target - c.done
            if short <= 0:
                continue
            what = str(short) if c.tag is None else self.t(
                "report_of_tag", tag=c.tag_name, amount=short)
            if p.status == MISSED:
                lines.append(self.t("report_short_missed", what=what, due=self.date(p.due)))
            else:
                lines.append(self.t("report_short_left", what=what, due=self.date(p.due)))
                if c.done < c.expected:
                    lines.append(self.t("report_short_pace", expected=c.expected,
                                        done=c.done, as_of=self.date(as_of)))
        return lines

    def baseline(self, b: Baseline | None) -> str:
        if b is None:
            return self.t("report_no_baseline")
        if b.value is not None:
            return f"{self.number(b.value)} ({b.year})"
        return f"{self.number(b.low)}–{self.number(b.high)} ({b.year})"

    def measured_in(self, g: GoalStatus, year: int) -> str:
        found = next((m for m in g.measurements if m.year == year), None)
        return self.number(found.value) if found else self.t("none")

    def counting_note(self, p: PledgeStatus, activities: list[Activity]) -> str:
        """Why fewer are counted than the activities listed ("" when nothing is left out):
        a place or an ISO week already counted, an activity without a place, or one
        outside the pledge's period."""
        target = p.pledge.target
        if p.main is None or target is None or not activities:
            return ""
        inside = [a for a in activities if p.start <= a.date <= p.due]
        reasons = []
        if len(inside) < len(activities):
            reasons.append(self.t("report_why_outside", n=len(activities) - len(inside)))
        if target.counting in DISTINCT_COUNTINGS:
            seen: dict[object, list[str]] = {}
            for a in inside:
                key = counting_key(a, target.counting)
                if key is None:
                    continue
                if target.counting == "weeks":
                    year, week, _ = a.date.isocalendar()
                    seen.setdefault(key, []).append(f"{year}-W{week:02d}")
                else:
                    seen.setdefault(key, []).append(
                        a.date.isoformat() if target.counting == "dates" else str(a.place))
            again = [self.t("report_why_times", what=names[0], n=len(names))
                     for names in seen.values() if len(names) > 1]
            if again:
                reasons.append(self.t(f"report_why_{target.counting}", which=", ".join(again)))
            without = sum(1 for a in inside if not (a.place and a.place.strip()))
            if target.counting == "places" and without:
                reasons.append(self.t("report_why_no_place", n=without))
        if not reasons:
            return ""
        return self.t("report_why_one" if p.main.done == 1 else "report_why",
                      n=len(activities), done=p.main.done, reasons="; ".join(reasons))

    def activity_place(self, a: Activity) -> str:
        return a.place or self.t("none")

    def activity_note(self, a: Activity) -> str:
        parts = [a.note] if a.note else []
        if a.tags:
            parts.append(self.t("report_tags", tags=", ".join(self.tags.get(t, t)
                                                              for t in a.tags)))
        return "; ".join(parts) or self.t("none")

    def by(self, a: Activity) -> str:
        return self.owner(a.by) if a.by else self.t("none")

    # --- the source's words and the group's decisions ------------------------------------

    def title(self, pledge: Any) -> str:
        """The pledge's title, with the source's name of its concept when that differs."""
        return render.pledge_title(pledge, self.lang)

    def marked(self, text: str, record: Any, value: str) -> str:
        """`text`, marked `*` when `value` of the pledge or goal is the group's decision."""
        return render.marked(text, record, value)

    def source(self, record: Any) -> str:
        """`Ur underlaget: ”…”` for a pledge or goal that quotes the source; else ""."""
        return self.t("origin_source", source=record.source) if record.source else ""

    def decision(self, record: Any) -> str:
        """`Gruppens beslut (beredningsgruppen): ansvarig part, fokusområde. Varför.` for
        a pledge or goal with values the group chose; else ""."""
        decided = record.decided
        if decided is None:
            return ""
        if decided.values:
            values = ", ".join(self.t(f"origin_value_{v}") for v in decided.values)
        else:
            kind = "pledge" if hasattr(record, "owner") else "goal"
            values = self.t(f"origin_decided_all_{kind}")
        text = self.t("origin_decided", by=decided.by, values=values)
        return f"{text}. {decided.note}" if decided.note else text

    def legend(self, records: Any) -> str:
        """The legend of `*` when any of `records` (pledges, goals) has a value the group
        chose; else ""."""
        return render.origin_legend(records, self.lang) or ""
