"""`samverkan status --agreement`: every plan year side by side, and plans/agreement.yaml."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

from samverkan.followup import agreement


def picture(cli, plans, today: str = "2022-06-30", *args: str) -> dict:
    result = cli("status", "--agreement", "--plans-dir", plans, "--format", "json", *args,
                 today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def log(cli, plans, *args: str, today: str = "2022-06-30") -> None:
    result = cli("log", *args, "--plans-dir", plans, today=today)
    assert result.exit_code == 0, result.output


def test_each_pledge_year_by_year(cli, plans):
    log(cli, plans, "ungdomsveckor", "--date", "2021-10-04")
    log(cli, plans, "ungdomsveckor", "--date", "2021-11-08")
    log(cli, plans, "ungdomsveckor", "--date", "2022-03-07")
    out = picture(cli, plans)
    assert out["years"] == [2021, 2022]
    rows = {p["id"]: p["years"] for p in out["pledges"]}
    assert rows["ungdomsveckor"] == {
        "2021": {"target": 2, "done": 2, "status": "met"},
        "2022": {"target": 2, "done": 1, "status": "on_track"},
    }
    assert rows["nosspanare"]["2021"] == {"target": 1, "done": 0, "status": "missed"}
    assert rows["lob-vittnesforhor"]["2022"] == {"target": None, "done": 0, "status": "untracked"}


def test_neighbourhood_watch_areas_count_once_across_the_years(cli, plans):
    log(cli, plans, "grannsamverkan", "--date", "2021-05-02", "--place", "Morö Backe")
    log(cli, plans, "grannsamverkan", "--date", "2022-04-20", "--place", "morö  backe")
    log(cli, plans, "grannsamverkan", "--date", "2022-05-11", "--place", "Sunnanå")
    goals = {g["id"]: g for g in picture(cli, plans)["goals"]}
    # 4 areas over 2021–2025: by 30 June 2022 floor(4 × 546/1826) = 1 is expected.
    assert goals["nya-grannsamverkansomraden"] == {
        "id": "nya-grannsamverkansomraden", "title": "Starta minst 4 nya grannsamverkansområden",
        "unit": "områden", "target": 4, "done": 2, "expected": 1, "status": "on_track",
        "milestones": []}
    assert picture(cli, plans, "2026-01-01")["goals"][1]["status"] == "missed"


def test_est_has_no_data_until_the_est_module_counts_it(cli, plans, monkeypatch):
    est = {g["id"]: g for g in picture(cli, plans)["goals"]}["est-omraden"]
    assert (est["target"], est["done"], est["status"]) == (3, None, "no_data")

    asked = []

    def three_areas(folder, as_of):
        asked.append((folder, as_of))
        return 3

    monkeypatch.setitem(agreement.COUNT_SOURCES, "est", three_areas)
    est = {g["id"]: g for g in picture(cli, plans)["goals"]}["est-omraden"]
    assert (est["done"], est["status"]) == (3, "met")
    assert asked == [(plans, dt.date(2022, 6, 30))]


def test_agreement_table_reads_without_colour(cli, plans):
    log(cli, plans, "nosspanare", "--date", "2022-02-01")
    out = cli("status", "--agreement", "--plans-dir", plans, today="2022-06-30").output
    lines = out.splitlines()
    assert lines[0] == "Hela avtalet 2021–2025, per 2022-06-30"
    assert lines[2].split() == ["Löfte", "2021", "2022"]
    row = next(line for line in lines if line.startswith("Nosspanare"))
    assert row.split()[1:] == ["0/1", "missat", "1/1", "uppfyllt"]
    assert "Avtalets mål över hela perioden" in out
    est = next(line for line in lines if line.startswith("Implementera EST"))
    assert est.split()[-6:] == ["3", "områden", "–", "0", "saknar", "data"]


def test_without_an_agreement_file_the_years_still_show(cli, plans):
    (plans / "agreement.yaml").unlink()
    out = picture(cli, plans)
    assert out["goals"] == [] and out["period"] is None and out["years"] == [2021, 2022]
    table = cli("status", "--agreement", "--plans-dir", plans, "--wide").output
    assert "avtalets mål över flera år visas inte" in table


def test_agreement_refuses_options_that_pick_one_plan(cli, plans):
    for extra in (["--year", "2021"], ["--fail-on", "behind"], ["--owner", "polis"]):
        result = cli("status", "--agreement", "--plans-dir", plans, *extra)
        assert result.exit_code == 2
        assert "--agreement visar alla planår" in result.output


def test_validate_checks_the_agreement_file(cli, plans):
    assert cli("validate", "--plans-dir", plans).exit_code == 0
    path = plans / "agreement.yaml"
    path.write_text(textwrap.dedent("""\
        first_year: 2021
        last_year: 2025
        goals:
          - id: nya-omraden
            title: Nya områden
            min: 4
            unit: områden
            count: {pledge: granssamverkan, counting: places}
            done: 3
          - id: est
            title: EST
            min: 3
            unit: områden
            count: {source: est, pledge: grannsamverkan}
        """), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:8:21: error: löftet 'granssamverkan' finns inte i någon plan i mappen" in (
        result.output)
    assert f"{path}:9:5: error: okänd nyckel 'done'" in result.output
    assert f"{path}:14:12: error: count med en annan source än activities har ingen pledge" in (
        result.output)
    status = cli("status", "--agreement", "--plans-dir", plans)
    assert status.exit_code == 1 and "agreement.yaml har fel" in status.output
