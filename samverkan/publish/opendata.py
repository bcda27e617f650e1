"""The open data beside the website: `data.json` and `data.csv`, made from the same `Site`.

Per pledge and plan year the promised and done figures; per goal the baseline and the
measurements; per agreement goal the target and what is done. Only what the pages show
(nothing of an activity but the places a plan lets be shown). `FIELDS` and `COLUMNS`
describe every field; the "Om datat" page is made from them, so it cannot drift.

The CSV is for spreadsheets as Swedish offices use them: UTF-8 with a byte-order mark,
semicolons, a decimal comma in Swedish.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from samverkan.core.i18n import tr
from samverkan.core.text import json_text
from samverkan.publish.content import Site

# data.json: (section, field) → message key of its description
FIELDS: list[tuple[str, str]] = [
    ("", "title"), ("", "as_of"), ("", "generated"), ("", "generator"), ("", "language"),
    ("", "agreement"),
    ("pledges", "year"), ("pledges", "id"), ("pledges", "title"), ("pledges", "description"),
    ("pledges", "focus_area"), ("pledges", "owner"), ("pledges", "unit"),
    ("pledges", "counting"), ("pledges", "start"), ("pledges", "due"), ("pledges", "target"),
    ("pledges", "done"), ("pledges", "expected"), ("pledges", "status"),
    ("pledges", "status_text"), ("pledges", "percent"), ("pledges", "requirements"),
    ("pledges", "places"),
    ("goals", "id"), ("goals", "title"), ("goals", "focus_area"), ("goals", "indicator"),
    ("goals", "direction"), ("goals", "baseline"), ("goals", "measurements"),
    ("goals", "status"), ("goals", "status_text"),
    ("agreement_goals", "id"), ("agreement_goals", "title"), ("agreement_goals", "unit"),
    ("agreement_goals", "target"), ("agreement_goals", "done"),
    ("agreement_goals", "expected"), ("agreement_goals", "status"),
    ("agreement_goals", "status_text"),
]

# data.csv: the columns, in order (headers and descriptions are messages pub_csv_*)
COLUMNS = ["kind", "year", "id", "title", "focus_area", "owner", "unit", "target", "done",
           "expected", "status", "value", "baseline_year", "baseline_value", "baseline_low",
           "baseline_high"]


def field_description(lang: str, section: str, name: str) -> str:
    return tr(lang, f"pub_field_{section or 'top'}_{name}")


def column_header(lang: str, name: str) -> str:
    return tr(lang, f"pub_csv_{name}")


def column_description(lang: str, name: str) -> str:
    return tr(lang, f"pub_csv_{name}_about")


def _baseline(b: Any) -> dict[str, Any] | None:
    if b is None:
        return None
    return {"year": b.year, "value": b.value, "low": b.low, "high": b.high, "source": b.source}


def open_data(site: Site) -> dict[str, Any]:
    """Everything of `data.json`, as plain data."""
    pledges = []
    for view in site.pledges:
        for y in view.years:
            row: dict[str, Any] = {
                "year": y.year, "id": view.id, "title": view.title,
                "description": view.description, "focus_area": view.focus_area,
                "owner": view.owner, "unit": y.unit or None, "counting": y.counting,
                "start": y.start.isoformat(), "due": y.due.isoformat(), "target": y.target,
                "done": y.done, "expected": y.expected, "status": y.status,
                "status_text": y.status_text, "percent": y.percent,
                "requirements": [{"tag": r.tag, "target": r.target, "done": r.done,
                                  "met": r.met} for r in y.requirements],
            }
            if y.places is not None:
                row["places"] = list(y.places)
            pledges.append(row)
    pledges.sort(key=lambda r: (r["year"], [p.id for p in site.pledges].index(r["id"])))
    goals = [{"id": g.id, "title": g.title, "focus_area": g.focus_area,
              "indicator": g.indicator, "direction": g.direction,
              "baseline": _baseline(g.baseline),
              "measurements": [{"year": m.year, "value": m.value, "source": m.source}
                               for m in g.measurements],
              "status": g.status, "status_text": g.status_text}
             for area in site.areas for g in area.goals]
    return {
        "title": site.title,
        "as_of": site.as_of.isoformat(),
        "generated": site.today.isoformat(),
        "generator": f"samverkan {site.version}",
        "language": site.lang,
        "agreement": {"title": site.agreement_title, "first_year": site.first_year,
                      "last_year": site.last_year},
        "pledges": pledges,
        "goals": goals,
        "agreement_goals": [{"id": g.id, "title": g.title, "unit": g.unit, "target": g.target,
                             "done": g.done, "expected": g.expected, "status": g.status,
                             "status_text": g.status_text} for g in site.agreement_goals],
    }


def data_json(site: Site) -> str:
    return json_text(open_data(site)) + "\n"


def data_csv(site: Site) -> str:
    """One row per pledge and year, per goal measurement (or one for a goal without any)
    and per agreement goal; status in words. Starts with a byte-order mark."""
    lang = site.lang

    def number(value: float | None) -> str:
        if value is None:
            return ""
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "sv" else text

    def blank(value: Any) -> str:
        return "" if value is None else str(value)

    rows: list[dict[str, str]] = []
    kind = {k: tr(lang, f"pub_csv_kind_{k}") for k in ("pledge", "goal", "agreement_goal")}
    for view in site.pledges:
        for y in view.years:
            rows.append({"kind": kind["pledge"], "year": str(y.year), "id": view.id,
                         "title": view.title, "focus_area": view.focus_area,
                         "owner": view.owner, "unit": y.unit, "target": blank(y.target),
                         "done": blank(y.done), "expected": blank(y.expected),
                         "status": y.status_text})
    rows.sort(key=lambda r: (r["year"], [p.id for p in site.pledges].index(r["id"])))
    for area in site.areas:
        for g in area.goals:
            b = g.baseline
            base = {"kind": kind["goal"], "id": g.id, "title": g.title,
                    "focus_area": g.focus_area, "unit": g.indicator,
                    "baseline_year": blank(b.year if b else None),
                    "baseline_value": number(b.value if b else None),
                    "baseline_low": number(b.low if b else None),
                    "baseline_high": number(b.high if b else None)}
            if not g.measurements:
                rows.append({**base, "status": g.status_text})
            for index, m in enumerate(g.measurements):
                last = index == len(g.measurements) - 1
                rows.append({**base, "year": str(m.year), "value": number(m.value),
                             "status": g.status_text if last else ""})
    for a in site.agreement_goals:
        rows.append({"kind": kind["agreement_goal"], "id": a.id, "title": a.title,
                     "unit": a.unit, "target": str(a.target), "done": blank(a.done),
                     "expected": str(a.expected), "status": a.status_text})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column_header(lang, c) for c in COLUMNS])
    for row in rows:
        writer.writerow([row.get(c, "") for c in COLUMNS])
    return "\ufeff" + out.getvalue()
