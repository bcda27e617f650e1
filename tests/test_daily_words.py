"""Item 6 of issue 16: formats and words.

`status --format csv` and `activities --format csv` are alike (';', byte-order mark,
CRLF, `--delimiter`; codes beside words); a missing folder is called a folder; counts in
Swedish grammar; the English section name; no developer words; every writing command
confirms with one phrasing, `Sparat … i FIL`.
"""

from __future__ import annotations

import csv
import io
import textwrap

import pytest
from daily import log_year, repo  # noqa: F401 (fixture)

SERIES = textwrap.dedent("""\
    id: befolkning
    title: Folkmängd i Skellefteå kommun
    label: Folkmängd
    unit: invånare
    source: "Folkmängd i Skellefteå kommun, SCB."
    frequency: year
    values:
      - period: 2020
        value: 72904
        source_text: "Befolkningsmängden i Skellefteå kommun har ökat till 72 904 år 2020."
    """)


def read_csv(raw: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff")), delimiter=delimiter))


def test_status_and_activities_csv_are_alike_for_a_swedish_excel(repo, cli):  # noqa: F811
    log_year(cli)
    status = cli("status", "--format", "csv").stdout_bytes.decode("utf-8")
    listed = cli("activities", "--format", "csv").stdout_bytes.decode("utf-8")
    for raw in (status, listed):
        assert raw.startswith("\ufeff") and raw.count("\r\n") == raw.count("\n")
        assert raw.splitlines()[0].count(";") >= 8
    rows = {r["id"]: r for r in read_csv(status)}
    walks = rows["trygghetsvandringar"]
    assert (walks["status"], walks["status_text"]) == ("on_track", "i fas")
    assert rows["lob-vittnesforhor"]["status_text"] == "utan mål"
    assert read_csv(listed)[0]["pledge"] == "ansvarsfull-alkoholservering"
    comma = cli("status", "--format", "csv", "--delimiter", ",").stdout
    assert read_csv(comma, ",")[0]["id"] == "tillsyn-tobak-alkohol"
    english = read_csv(cli("status", "--format", "csv", "--lang", "en").stdout)
    assert {r["status_text"] for r in english} >= {"on track", "untracked"}
    bad = cli("status", "--format", "csv", "--delimiter", ";;")
    assert bad.exit_code == 2 and "--delimiter ska vara ett tecken" in bad.stderr


def test_validate_calls_a_missing_folder_a_folder(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_HOME", raising=False)
    result = cli("validate")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mappen {tmp_path / 'plans'} finns inte;")
    assert "filen" not in result.stderr
    named = cli("validate", "planer")
    assert named.stderr.startswith("mappen planer finns inte;")
    missing_file = cli("validate", "2021.yaml")
    assert missing_file.stderr.startswith("filen 2021.yaml finns inte")
    assert "1 sökväg kunde inte läsas (se ovan); 0 filer kontrollerade: 0 fel, 0 varningar" in (
        missing_file.stderr)


def test_counts_read_as_swedish(repo, cli):  # noqa: F811
    log_year(cli)
    out = cli("status", "--as-of", "2021-07-01", "--wide").stdout
    assert "Summering: 1 uppfyllt," in out and ", 1 missat," in out  # tillsyn; Nykter student
    walks = cli("log", "trygghetsvandringar", "--date", "2021-05-02", "--tag", "centrum").stdout
    assert "varav centrum 3 (minst 1)" in walks and "3/1" not in walks
    once = cli("log", "lob-vittnesforhor", "--date", "2021-05-02").stdout
    assert "Vittnesförhör med unga under 18 år omhändertagna enligt LOB: 1 registrerad " in once
    checked = cli("validate", "plans/2021.yaml").stderr
    assert checked.strip() == "1 fil kontrollerad: inga fel, 2 varningar"


def test_the_situation_picture_names_its_section_and_speaks_plainly(repo, cli):  # noqa: F811
    (repo / "data").mkdir()
    (repo / "data" / "befolkning.yaml").write_text(SERIES, encoding="utf-8")
    sv = cli("lagesbild", "--year", "2021", "--output", "lb.md", today="2021-06-30")
    assert sv.exit_code == 0, sv.output
    assert "se avsnittet ”Att läsa in inför nästa uppdatering”" in sv.stdout
    en = cli("lagesbild", "--year", "2021", "--output", "lb.md", "--lang", "en",
             today="2021-06-30")
    assert "see the section “To read in before the next update”" in en.stdout
    sv = cli("lagesbild", "--year", "2021", "--output", "lb.md", today="2021-06-30")
    document = (repo / "lb.md").read_text(encoding="utf-8")
    assert "ingen serie i grunddata följer upp målet ännu" in document
    assert "goal:" not in document


@pytest.mark.parametrize("args", [
    ["log", "trygghetsvandringar", "--date", "2021-03-18"],
    ["measure", "narkotika-ak9", "--year", "2021", "--value", "3,5"],
    ["init", "2022"],
    ["status", "--output", "lage.md", "--format", "markdown"],
    ["activities", "--output", "aktiviteter.csv", "--format", "csv"],
    ["report", "--year", "2021", "--output", "rapport.md"],
    ["schema", "--output", "plan.schema.json"],
    ["est", "rapport", "centrum", "klotter", "--week", "2021-W10"],
    ["est", "insats", "centrum", "--title", "Belysning", "--category", "klotter"],
    ["est", "lagesbild", "--period", "2021-03", "--format", "html", "--output", "est.html"],
], ids=lambda a: " ".join(a[:2]))
def test_writing_commands_confirm_with_one_phrasing(repo, cli, args):  # noqa: F811
    result = cli(*args, today="2021-06-30")
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if line.startswith("Sparat ")]
    assert said, result.output
    assert not any(line.startswith(("Skrev ", "Skapade ", "Inläst ")) for line in
                   result.output.splitlines())
