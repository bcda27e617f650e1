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


# --- source or decision (issue 14): the source's words, never invented ---------------------

# The agreement's background document ("Underlag Samverkansavtal mellan Skellefteå kommun -
# lokalpolisområde i Skellefteå 2021-2025", 2021-01-28), as text.
SOURCE = ROOT / "tests" / "source" / "underlag-2021-01-28.txt"


def words_of(text: str) -> str:
    return " ".join(text.split())


def quotes_of(plan) -> list[tuple[str, str]]:
    """(where, text) of every text a plan gives as the source's own words."""
    found = []
    for area in plan.focus_areas:
        for goal in area.goals:
            if goal.source:
                found.append((f"goal {goal.id}", goal.source))
            if goal.baseline and goal.baseline.source:
                found.append((f"baseline {goal.id}", goal.baseline.source))
    for pledge in plan.pledges:
        if pledge.source:
            found.append((f"pledge {pledge.id}", pledge.source))
        if pledge.concept:
            found.append((f"concept {pledge.id}", pledge.concept))
    return found


def test_the_check_of_quotes_can_fail():
    source = words_of(SOURCE.read_text(encoding="utf-8"))
    assert words_of("Varje år kommer minst en tillsyn av de som bedriver handel med tobak "
                    "och alkohol göras.") in source
    assert "Polisen ansvarar för tillsynen av handeln med tobak" not in source


@pytest.mark.parametrize("year", [2021, 2022])
def test_every_quote_in_the_shipped_plans_stands_word_for_word_in_the_source(year):
    source = words_of(SOURCE.read_text(encoding="utf-8"))
    plan = load_plan(LIVE_PLANS / f"{year}.yaml").plan
    quotes = quotes_of(plan)
    assert len(quotes) >= len(PLEDGES)
    invented = [(where, text) for where, text in quotes if words_of(text) not in source]
    assert not invented


@pytest.mark.parametrize("year", [2021, 2022])
def test_the_shipped_plans_mark_every_value_and_keep_the_owners_as_the_groups(year):
    from samverkan.plan.origin import goal_origins, pledge_origins

    plan = load_plan(LIVE_PLANS / f"{year}.yaml").plan
    origins = {p.id: pledge_origins(p) for p in plan.pledges}
    assert all(None not in o.values() for o in origins.values())
    assert all(None not in goal_origins(g).values() for _, g in plan.goals())
    # the source names no owner per pledge; riskkvällar are joint in its own words
    assert {pid for pid, o in origins.items() if o["owner"] == "source"} == {"riskkvallar"}
    assert plan.pledge("riskkvallar").owner == "gemensamt"
    assert plan.pledge("tillsyn-tobak-alkohol").owner == "kommun"
    assert origins["nykter-student"]["target"] == "decided"


@pytest.mark.parametrize("year", [2021, 2022])
def test_the_shipped_plans_count_evenings_name_the_concept_and_title_the_tags(year):
    plan = load_plan(LIVE_PLANS / f"{year}.yaml").plan
    assert plan.pledge("riskkvallar").target.counting == "dates"
    assert plan.pledge("ansvarsfull-alkoholservering").title == "Ansvarsfull alkoholservering"
    assert plan.pledge("ansvarsfull-alkoholservering").concept == "Ansvarsfull alkoholförsäljning"
    used = {r.tag for p in plan.pledges if p.target for r in p.target.requirements}
    assert used <= {t.id for t in plan.tags}
    assert plan.tag_title("flerbostadsomrade") == "flerbostadsområde"


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
