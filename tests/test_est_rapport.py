"""`samverkan est rapport`: one observation per line, files kept intact, refusals write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan.est.files import KIND_OBSERVATIONS, load_est_bytes


def observations(path: Path):
    loaded = load_est_bytes(path.read_bytes(), path, KIND_OBSERVATIONS)
    assert loaded.ok, [p.format() for p in loaded.problems]
    return loaded.plan.observations


def add_reporters(est: Path) -> None:
    path = est / "omraden.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    reporters: []",
        "    reporters:\n"
        "      - {id: polisen, name: Lokalpolisområde Skellefteå}\n"
        "      - {id: skolan, name: Kanalskolan}")
    path.write_text(text, encoding="utf-8")


def test_rapport_creates_the_years_file_and_appends(cli, est):
    result = cli("est", "rapport", "centrum", "klotter", "--week", "2021-W10", "--count", "3",
                 "--place", "Torget", "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 0, result.output
    path = est / "observationer-2021.yaml"
    [obs] = observations(path)
    assert (obs.area, obs.category, obs.week, obs.count, obs.place) == (
        "centrum", "klotter", "2021-W10", 3, "Torget")
    assert f"Sparat {obs.id} i {path}." in result.stdout
    assert "Centrum, vecka 2021-W10: rapporter 1, observationer 3" in result.stdout

    result = cli("est", "rapport", "centrum", "skadegorelse", "--date", "2021-03-09",
                 "--note", "Krossad ruta i busskuren", "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 0, result.output
    assert "Centrum, vecka 2021-W10: rapporter 2, observationer 4" in result.stdout
    first, second = observations(path)
    assert (second.date.isoformat(), second.week, second.iso_week) == (
        "2021-03-09", None, first.iso_week)


def test_week_defaults_to_this_week_and_est_is_found_beside_plans(cli, plans, est):
    result = cli("est", "rapport", "centrum", "nedskrapning", "--count", "0",
                 "--plans-dir", plans, today="2021-03-18")
    assert result.exit_code == 0, result.output
    [obs] = observations(est / "observationer-2021.yaml")
    assert (obs.week, obs.count) == ("2021-W11", 0)  # 0: checked, nothing seen


def test_new_year_days_go_to_the_iso_year_file(cli, est):
    result = cli("est", "rapport", "centrum", "anlagd-brand", "--date", "2021-01-02",
                 "--est-dir", est, today="2021-01-05")
    assert result.exit_code == 0, result.output
    [obs] = observations(est / "observationer-2020.yaml")
    assert str(obs.iso_week) == "2020-W53"
    assert not (est / "observationer-2021.yaml").exists()
    result = cli("est", "rapport", "centrum", "anlagd-brand", "--week", "2020-W53",
                 "--est-dir", est, today="2021-01-05")
    assert result.exit_code == 0, result.output
    assert len(observations(est / "observationer-2020.yaml")) == 2


def test_every_line_people_wrote_survives(cli, est):
    path = est / "observationer-2021.yaml"
    text = ("# Centrum, vecka 10 (rättad för hand)\n"
            "year: 2021\n"
            "observations:\n"
            "  # från kvällsvandringen\n"
            "  - id: a111\n"
            "    area: centrum\n"
            "    category: klotter\n"
            "    week: 2021-W10   # tre tags\n"
            "    count: 3\n"
            "\n"
            "# slut\n")
    path.write_text(text, encoding="utf-8")
    result = cli("est", "rapport", "centrum", "klotter", "--week", "2021-W11",
                 "--note", 'Tags "ABC" på: väggen, #2', "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 0, result.output
    new = path.read_text(encoding="utf-8")
    added = observations(path)[-1]
    new_line = next(line for line in new.splitlines(keepends=True) if added.id in line)
    assert new.replace(new_line, "", 1) == text
    assert new.index(new_line) < new.index("# slut")
    assert added.note == 'Tags "ABC" på: väggen, #2'


def test_reporter_must_be_an_organisation_of_the_area(cli, est):
    result = cli("est", "rapport", "centrum", "klotter", "--reporter", "polisen",
                 "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 2
    assert "området centrum har inga rapporterande organisationer" in result.stderr
    add_reporters(est)
    result = cli("est", "rapport", "centrum", "klotter", "--reporter", "Kanalskolan",
                 "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 0, result.output
    assert observations(est / "observationer-2021.yaml")[0].reporter == "skolan"
    result = cli("est", "rapport", "centrum", "klotter", "--reporter", "polis",
                 "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 2
    assert "fel: okänd rapporterande organisation 'polis'; menade du 'polisen'?" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["centrm", "klotter"], "fel: okänt område 'centrm'; menade du 'centrum'?"),
    (["centrum", "klottring"], "fel: okänd kategori 'klottring'; menade du 'klotter'?"),
    (["centrum", "belysning"], "menade du 'otrygg-plats'?"),  # a word of the title
    (["centrum", "graffiti"], "okänd kategori 'graffiti'; kategorier: skadegorelse, klotter"),
    (["centrum", "klotter", "--week", "2021-10"], "ogiltig vecka '2021-10'; skriv ÅÅÅÅ-Wvv"),
    (["centrum", "klotter", "--week", "2021-W53"],
     "vecka '2021-W53' finns inte; 2021 har 52 ISO-veckor"),
    (["centrum", "klotter", "--week", "2021-W12"], "veckan 2021-W12 har inte börjat än"),
    (["centrum", "klotter", "--date", "2021-03-21"], "datumet 2021-03-21 ligger i framtiden"),
    (["centrum", "klotter", "--date", "2021-02-30"], "ogiltigt datum '2021-02-30'"),
    (["centrum", "klotter", "--date", "2021-03-01", "--week", "2021-W09"],
     "ange antingen --week eller --date, inte båda"),
    (["centrum", "klotter", "--count", "-1"], "--count ska vara ett heltal, 0 eller mer"),
    (["centrum", "klotter", "--count", "två"], "--count ska vara ett heltal, 0 eller mer"),
    (["centrum", "klotter", "--note", "Pratade med 811218-9876"],
     "--note innehåller ett personnummer eller samordningsnummer (811218-****)"),
    (["centrum", "klotter", "--place", "Utanför 19811218-9876"],
     "--place innehåller ett personnummer"),
])
def test_refusals_exit_2_and_write_nothing(cli, est, args, message):
    path = est / "observationer-2021.yaml"
    path.write_text("year: 2021\nobservations: []  # tom\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in est.iterdir()}
    result = cli("est", "rapport", *args, "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in est.iterdir()} == before  # not even a lock file


def test_a_broken_years_file_is_not_written_to(cli, est):
    path = est / "observationer-2021.yaml"
    path.write_text("year: 2021\nobservations:\n  - {area: centrum, category: klotter}\n",
                    encoding="utf-8")
    before = path.read_bytes()
    result = cli("est", "rapport", "centrum", "klotter", "--est-dir", est, today="2021-03-20")
    assert result.exit_code == 1
    assert ("observationer-2021.yaml:3:5: error: en observation ska ha antingen week"
            in result.stderr)
    assert path.read_bytes() == before


def test_without_an_est_folder_the_message_says_where_it_looked(cli, tmp_path):
    result = cli("est", "rapport", "centrum", "klotter", "--est-dir", tmp_path / "est",
                 today="2021-03-20")
    assert result.exit_code == 2
    assert f"hittar inte {tmp_path / 'est' / 'omraden.yaml'}" in result.stderr
