"""The repository's own `plans/`, `est/` and `data/`: they validate, and the shipped plans
encode the source's pledges and focus areas.

This is the one test module that reads those folders. They are the group's live records
(every `samverkan log`, `measure`, `data import`, `est rapport` and `init` writes there), so
nothing here depends on activities, measurements, observations or imported values being
absent. Every other test reads the frozen snapshot in tests/fixtures/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samverkan.plan.reader import load_plan

ROOT = Path(__file__).resolve().parent.parent
LIVE_PLANS = ROOT / "plans"

# The source's 13 pledges (Bilaga 1 and "Årliga återkommande evenemang"), each with the
# focus area it serves, and the source's three focus areas.
PLEDGES = {
    "tillsyn-tobak-alkohol": "andt-unga",
    "ansvarsfull-alkoholservering": "andt-unga",
    "anti-langning": "andt-unga",
    "andt-foraldramoten": "andt-unga",
    "ungdomsfester": "andt-unga",
    "lob-vittnesforhor": "andt-unga",
    "ungdomsveckor": "andt-unga",
    "nykter-student": "andt-unga",
    "trygghetsvandringar": "tryggare-centrum",
    "grannsamverkan": "brottsforebyggande-metoder",
    "trafik-torget": "tryggare-centrum",
    "nosspanare": "brottsforebyggande-metoder",
    "riskkvallar": "andt-unga",
}
FOCUS_AREAS = {"andt-unga", "tryggare-centrum", "brottsforebyggande-metoder"}
SUMMARY = re.compile(r"^(\d+) fil(?:er)? kontrollerad(?:e)?: inga fel\b", re.MULTILINE)


def test_the_live_plans_est_and_data_validate(cli, monkeypatch):
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    result = cli("validate", "--plans-dir", LIVE_PLANS, "--lang", "sv")
    assert result.exit_code == 0, result.output  # warnings (empty baselines) are allowed
    checked = SUMMARY.search(result.output)
    assert checked, result.output
    files = [*LIVE_PLANS.glob("*.yaml"), *(ROOT / "est").glob("*.yaml"),
             *(ROOT / "data").glob("*.yaml"), *(ROOT / "data").glob("*.md")]
    assert int(checked[1]) == len(files)  # est/ and data/ beside plans/ were checked too


@pytest.mark.parametrize("year", [2021, 2022])
def test_the_shipped_plans_encode_the_sources_pledges_and_focus_areas(year):
    loaded = load_plan(LIVE_PLANS / f"{year}.yaml")
    assert loaded.ok, [p.format() for p in loaded.problems]
    plan = loaded.plan
    assert FOCUS_AREAS <= {area.id for area in plan.focus_areas}
    found = {pledge.id: pledge.focus_area for pledge in plan.pledges}
    assert {pid: found.get(pid) for pid in PLEDGES} == PLEDGES


def test_the_agreement_keeps_the_sources_dated_commitment_for_est():
    """The EST goal's milestone quotes the source's sentence (a sentence, not a record: the
    group may add milestones, but this one is the source's)."""
    from samverkan.followup.agreement import load_agreement

    text = (LIVE_PLANS / "agreement.yaml").read_text(encoding="utf-8")
    assert ("Implementering av metoden och organiseringen kring EST kommer att ske under "
            "2021.") in " ".join(line.strip("# ") for line in text.splitlines())
    agreement = load_agreement(LIVE_PLANS / "agreement.yaml").plan
    est = next(g for g in agreement.goals if g.id == "est-omraden")
    assert [(m.by.isoformat(), m.min) for m in est.milestones][:1] == [("2021-12-31", 1)]


def test_the_andts_goals_read_their_series():
    """One value per fact: the ANDTS goals name the series the lägesbild draws."""
    for year in (2021, 2022):
        plan = load_plan(LIVE_PLANS / f"{year}.yaml").plan
        series = {g.id: g.series for _, g in plan.goals()}
        assert {k: series[k] for k in ("alkohol-ak9", "alkohol-gy2", "narkotika-ak9",
                                       "narkotika-gy2")} == {
            "alkohol-ak9": "andts-alkohol-ak9", "alkohol-gy2": "andts-alkohol-gy2",
            "narkotika-ak9": "andts-narkotika-ak9", "narkotika-gy2": "andts-narkotika-gy2"}
