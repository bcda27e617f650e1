"""Item 3 of issue 16: finding a pledge's id.

`samverkan pledges` lists the pledges with their ids, titles, targets, units and due
dates; `log` without a pledge points there, and `log WORD` suggests every pledge whose id
or title holds the word.
"""

from __future__ import annotations

import csv
import io
import json

from daily import repo, widest  # noqa: F401 (fixture)


def test_pledges_lists_ids_titles_targets_and_units(repo, cli):  # noqa: F811
    result = cli("pledges", "--year", "2021")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Medborgarlöften 2021 (plans/2021.yaml)")
    for pledge_id in ("tillsyn-tobak-alkohol", "ansvarsfull-alkoholservering",
                      "trygghetsvandringar", "trafik-torget", "lob-vittnesforhor"):
        assert pledge_id in out.split()
    assert "minst 3 serveringsställen" in out and "varje plats räknas en gång" in out
    assert "varav minst 1 med taggen centrum" in out
    assert "varje vecka räknas en gång" in out
    assert "inget mål (registreras)" in out
    assert "2021-06-30" in out  # Nykter student's own due date
    assert "samverkan log" in out  # how to use the id
    assert widest(out) <= 100


def test_pledges_without_year_shows_this_years_plan_and_formats(repo, cli):  # noqa: F811
    data = json.loads(cli("pledges", "--format", "json", today="2021-06-30").stdout)
    assert data["year"] == 2021
    walks = next(p for p in data["pledges"] if p["id"] == "trygghetsvandringar")
    assert (walks["target"], walks["unit"], walks["due"]) == (5, "vandringar", "2021-12-31")
    assert walks["requirements"] == [{"tag": "centrum", "min": 1}]
    raw = cli("pledges", "--format", "csv").stdout
    assert raw.startswith("\ufeffid;title;")
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
    assert {r["id"]: r["counting"] for r in rows}["ansvarsfull-alkoholservering"] == "places"
    markdown = cli("pledges", "--format", "markdown").stdout
    assert "| trafik-torget |" in markdown


def test_pledges_of_a_year_without_a_plan_says_which_exist(repo, cli):  # noqa: F811
    result = cli("pledges", "--year", "2023")
    assert result.exit_code == 2
    assert "det finns ingen plan för 2023" in result.stderr and "2021" in result.stderr


def test_log_without_a_pledge_points_to_pledges(repo, cli):  # noqa: F811
    result = cli("log")
    assert result.exit_code == 2
    assert "samverkan pledges" in result.stderr
    assert "samverkan status" not in result.stderr


def test_log_with_a_word_suggests_every_pledge_that_holds_it(repo, cli):  # noqa: F811
    before = (repo / "plans" / "2021.yaml").read_bytes()
    result = cli("log", "alkohol", "--date", "2021-03-01")
    assert result.exit_code == 2
    message = result.stderr
    assert message.startswith("fel: okänt löfte 'alkohol'; menade du något av:")
    assert "'tillsyn-tobak-alkohol'" in message and "'ansvarsfull-alkoholservering'" in message
    assert "(Ansvarsfull alkoholservering)" in message  # the title beside the id
    assert (repo / "plans" / "2021.yaml").read_bytes() == before
    # by a word of the title, accents or not
    found = cli("log", "foraldramoten", "--date", "2021-03-01").stderr
    assert "menade du 'andt-foraldramoten'?" in found
    typo = cli("log", "trygghetsvandring", "--date", "2021-03-01").stderr
    assert "menade du 'trygghetsvandringar'?" in typo
    nothing = cli("log", "xyz", "--date", "2021-03-01").stderr
    assert "löften: tillsyn-tobak-alkohol" in nothing and "samverkan pledges" in nothing
