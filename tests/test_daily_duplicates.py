"""Item 4 of issue 16: duplicates are told, not swallowed.

A place already counted (case and spaces ignored), an ISO week already counted, a
`places` activity without a place or an activity outside the pledge's period: `log`
saves it and says that the count did not rise; the report says why fewer are counted
than listed. EST: a week's category reported twice, and a measure titled like another.
"""

from __future__ import annotations

from daily import log_year, repo  # noqa: F401 (fixture)
from ruamel.yaml import YAML


def activities(repo):  # noqa: F811
    return YAML(typ="safe").load((repo / "plans" / "2021.yaml").read_text("utf-8"))["activities"]


def test_a_place_already_counted_is_told_and_saved(repo, cli):  # noqa: F811
    log_year(cli)
    result = cli("log", "ansvarsfull-alkoholservering", "--date", "2021-04-09",
                 "--place", "krogen norra ")
    assert result.exit_code == 0, result.output
    assert "Ansvarsfull alkoholservering: 2/3 serveringsställen" in result.stdout
    note = result.stderr
    assert note.startswith("obs: platsen 'krogen norra' är redan räknad (Krogen Norra, ")
    assert "2021-02-05" in note and "antalet ökade inte" in note
    new_id = result.stdout.split()[1]
    assert f"samverkan remove {new_id}" in note
    assert len([a for a in activities(repo) if a["pledge"] == "ansvarsfull-alkoholservering"]) == 3
    # a new place raises the count and says nothing more
    other = cli("log", "ansvarsfull-alkoholservering", "--date", "2021-04-10",
                "--place", "Nöjeskrogen Nord")
    assert "3/3 serveringsställen" in other.stdout and other.stderr == ""


def test_a_week_already_counted_and_a_place_missing_are_told(repo, cli):  # noqa: F811
    log_year(cli)
    week = cli("log", "trafik-torget", "--date", "2021-04-08")  # 2021-W14 like 2021-04-05
    assert "1/2 veckor" in week.stdout
    assert "vecka 2021-W14 är redan räknad" in week.stderr and "2021-04-05" in week.stderr
    no_place = cli("log", "grannsamverkan", "--date", "2021-05-20")
    assert no_place.exit_code == 0
    assert "ingen plats" in no_place.stderr and "--place" in no_place.stderr
    late = cli("log", "nykter-student", "--date", "2021-06-30")
    assert late.stderr == ""  # the due date itself counts
    english = cli("log", "trafik-torget", "--date", "2021-04-09", "--lang", "en")
    assert english.stderr.startswith("note: week 2021-W14 is already counted")


def test_after_the_pledges_due_date_it_is_saved_but_does_not_count(repo, cli):  # noqa: F811
    result = cli("log", "nykter-student", "--date", "2021-07-02", today="2021-07-05")
    assert result.exit_code == 0
    assert "0/1 insatser" in result.stdout
    assert "utanför löftets period 2021-01-01 – 2021-06-30" in result.stderr


def test_the_report_says_why_fewer_count_than_listed(repo, cli):  # noqa: F811
    log_year(cli)
    cli("log", "ansvarsfull-alkoholservering", "--date", "2021-04-09", "--place", "krogen norra ")
    cli("log", "trafik-torget", "--date", "2021-04-08")
    text = cli("report", "--year", "2021", "--format", "markdown", today="2021-06-30").stdout
    assert "- Mål → utfall: **minst 3 → 2 genomförda** (serveringsställen)" in text
    assert ("- Så räknas det: 3 aktiviteter, 2 räknade: varje plats räknas en gång "
            "(Krogen Norra 2 gånger).") in text
    assert "2 aktiviteter, 1 räknad: varje vecka räknas en gång (2021-W14 2 gånger)." in text
    html = cli("report", "--year", "2021", "--format", "html", today="2021-06-30").stdout
    assert "<dt>Så räknas det</dt><dd>3 aktiviteter, 2 räknade" in html.replace("\n", "")


def test_est_the_same_week_and_category_twice_is_told(repo, cli):  # noqa: F811
    first = cli("est", "rapport", "centrum", "klotter", "--week", "2021-W06")
    assert first.exit_code == 0 and first.stderr == ""
    again = cli("est", "rapport", "centrum", "klotter", "--week", "2021-W06", "--count", "2")
    assert again.exit_code == 0
    assert "Centrum, vecka 2021-W06: rapporter 2, observationer 3" in again.stdout
    first_id = first.stdout.split()[1]
    assert again.stderr.startswith(
        f"obs: vecka 2021-W06 har Centrum redan en rapport i kategorin Klotter ({first_id}); "
        "båda räknas, 3 i veckan")
    other = cli("est", "rapport", "centrum", "nedskrapning", "--week", "2021-W06")
    assert other.stderr == ""  # another category the same week is no duplicate


def test_est_a_second_measure_with_the_same_title_is_told(repo, cli):  # noqa: F811
    args = ["est", "insats", "centrum", "--title", "Ny belysning vid busskuren", "--start",
            "2021-04-06", "--category", "klotter"]
    assert cli(*args).stderr == ""
    again = cli(*args[:4], "ny belysning vid Busskuren", *args[5:])
    assert again.exit_code == 0
    assert "Sparat ny-belysning-vid-busskuren-2 i" in again.stdout
    assert again.stderr.startswith("obs: en insats med titeln 'ny belysning vid Busskuren' "
                                   "finns redan (ny-belysning-vid-busskuren); den nya sparades "
                                   "som 'ny-belysning-vid-busskuren-2'")
