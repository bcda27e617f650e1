"""`samverkan data import`: statistics offices' CSV exports into a series, all or nothing.

The exports below are shaped like the real ones: Brå's monthly table (title line above,
footnotes below, quoted fields, `..` for a missing figure, a non-breaking space between
thousands, Windows-1252), SCB's PxWeb table with the years across the header row and
one row per region, and an ANDTS table with decimal commas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan.stats.periods import Period
from samverkan.stats.series import load_series
from samverkan.stats.statcsv import parse_number, read_export

NBSP = "\u00a0"

BRA_MONTHS = (
    '"Anmälda brott, totalt antal, Skellefteå kommun, per månad"\r\n'
    '\r\n'
    '"Brottskategori";"Region";"Månad";"Antal"\r\n'
    '"Samtliga brott";"Skellefteå";"2020M10";"812"\r\n'
    '"Samtliga brott";"Skellefteå";"2020M11";"774"\r\n'
    '"Samtliga brott";"Skellefteå";"2020M12";"705"\r\n'
    f'"Samtliga brott";"Skellefteå";"2021M01";"1{NBSP}012"\r\n'
    '"Samtliga brott";"Skellefteå";"2021M02";".."\r\n'
    '"Samtliga brott";"Skellefteå";"2021M03";"698"\r\n'
    '\r\n'
    '"Källa: Brottsförebyggande rådet. Uppgifterna för 2021 är preliminära."\r\n'
)

SCB_WIDE = (
    '"Folkmängden efter region och år"\n'
    '\n'
    '"region";"2017";"2018";"2019";"2021"\n'
    '"2480 Umeå";128901;130224;"..";131000\n'
    '"2482 Skellefteå";72 300;72 400;72 500;73 000\n'
    '\n'
    '"Uppgifterna avser förhållandena den 31 december."\n'
)

ANDTS = (
    'År;Årskurs;Kön;Andel, %\n'
    '2019;åk 9;flickor;17,5\n'
    '2020;åk 9;flickor;19,0\n'
    '2021;åk 9;flickor;21,3\n'
)


def export(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write an export into the workspace (the current folder); its name as a user types it."""
    (folder / name).write_bytes(text.encode(encoding))
    return Path(name)


def values(path: Path) -> dict[str, float | None]:
    loaded = load_series(path)
    assert loaded.ok, [p.format() for p in loaded.problems]
    return {v.period: v.value for v in loaded.plan.values}


# --- reading exports (pure) -------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("712", 712), ("1 034", 1034), (f"72{NBSP}266", 72266), ("72\u202f266", 72266),
    ("16,5", 16.5), ("−3,2", -3.2), ("-4", -4), ("16 %", 16), ("1 234 567,25", 1234567.25),
    ("..", None), ("", None), ("-", None),
])
def test_numbers_the_swedish_way(text, expected):
    assert parse_number(text) == expected


def test_a_bra_monthly_export_in_windows_1252_is_read():
    table = read_export(BRA_MONTHS.encode("cp1252"), "bra.csv")
    assert table.encoding == "windows-1252"
    assert table.layout == "long" and table.column == "Antal"
    assert [(str(v.period), v.value, v.line) for v in table.values] == [
        ("2020-10", 812, 4), ("2020-11", 774, 5), ("2020-12", 705, 6), ("2021-01", 1012, 7),
        ("2021-03", 698, 9)]
    assert [p.format() for p in table.problems] == [
        "bra.csv:8:41: warning: uppgift saknas ('..') för 2021-02; perioden hoppas över"]
    assert table.ok


def test_a_scb_table_with_years_across_the_header_needs_the_row_chosen():
    raw = SCB_WIDE.encode("utf-8")
    table = read_export(raw, "scb.csv")
    assert not table.ok
    assert [p.format() for p in table.problems] == [
        ("scb.csv:5:1: error: filen har 2 rader med värden (2480 Umeå, 2482 Skellefteå); "
        "välj en med --row TEXT")]
    table = read_export(raw, "scb.csv", row="Skellefteå")
    assert table.layout == "wide" and table.column == "2482 Skellefteå"
    assert [(v.period, v.value) for v in table.values] == [
        (Period(2017), 72300), (Period(2018), 72400), (Period(2019), 72500), (Period(2021), 73000)]


@pytest.mark.parametrize("period", ["2021M03", "2021-03"])
def test_monthly_periods_in_both_notations(period):
    table = read_export(f'"Månad";"Antal"\n"{period}";"5"\n'.encode(), "x.csv")
    assert [v.period for v in table.values] == [Period(2021, 3)]


# --- import through the command line ----------------------------------------------------


def test_import_fills_an_empty_series_and_keeps_its_comments(workspace, cli):
    csv = export(workspace, "anmalda-brott.csv", BRA_MONTHS, "cp1252")
    series = workspace / "data" / "brott-totalt.yaml"
    before = series.read_text(encoding="utf-8")
    result = cli("data", "import", csv, "--series", "brott-totalt", today="2021-04-20")
    assert result.exit_code == 0, result.output
    assert ("Sparat värdena 2020-10–2021-03 i data/brott-totalt.yaml: 5 nya, 0 ändrade, "
            "0 oförändrade.") in result.output
    assert "anmalda-brott.csv:8:41: warning: uppgift saknas ('..') för 2021-02" in result.output
    after = series.read_text(encoding="utf-8")
    head = before.split("values: []")[0]
    assert after.startswith(head)  # every comment and key a person wrote is still there
    assert '  - {period: "2021-01", value: 1012, file: anmalda-brott.csv, imported: 2021-04-20}' \
        in after
    assert values(series) == {"2020-10": 812, "2020-11": 774, "2020-12": 705, "2021-01": 1012,
                              "2021-03": 698}


def test_importing_again_changes_only_what_changed(workspace, cli):
    csv = export(workspace, "bra.csv", BRA_MONTHS)
    series = workspace / "data" / "brott-totalt.yaml"
    cli("data", "import", csv, "--series", "brott-totalt", today="2021-04-20")
    text = series.read_text(encoding="utf-8").replace(
        "values:\n", "values:\n  # preliminära siffror för 2021\n")
    series.write_text(text, encoding="utf-8")
    revised = BRA_MONTHS.replace('"698"', '"702"').replace('".."', '"690"')
    csv.write_text(revised, encoding="utf-8")
    result = cli("data", "import", csv, "--series", "brott-totalt", today="2021-05-02")
    assert result.exit_code == 0, result.output
    assert "1 nytt, 1 ändrat, 4 oförändrade." in result.output
    after = series.read_text(encoding="utf-8")
    assert "  # preliminära siffror för 2021\n" in after
    assert '{period: "2021-03", value: 702, file: bra.csv, imported: 2021-05-02}' in after
    assert '{period: "2020-10", value: 812, file: bra.csv, imported: 2021-04-20}' in after
    lines = [ln for ln in after.splitlines() if ln.startswith("  - {period")]
    assert [ln.split('"')[1] for ln in lines] == [
        "2020-10", "2020-11", "2020-12", "2021-01", "2021-02", "2021-03"]  # in period order


def test_imported_years_go_between_the_figures_from_the_source(workspace, cli):
    csv = export(workspace, "folkmangd.csv", SCB_WIDE)
    series = workspace / "data" / "befolkning.yaml"
    series.write_text(series.read_text("utf-8").replace(
        "  - period: 2020\n", "  # Folkmängden 2020 enligt underlaget\n  - period: 2020\n"), "utf-8")
    result = cli("data", "import", csv, "--series", "befolkning", "--row", "Skellefteå")
    assert result.exit_code == 0, result.output
    assert values(series) == {"2016": 72266, "2017": 72300, "2018": 72400, "2019": 72500,
                              "2020": 72904, "2021": 73000}
    text = series.read_text(encoding="utf-8")
    assert text.index("period: 2016") < text.index("{period: 2017") < text.index(
        "{period: 2019") < text.index("period: 2020") < text.index("{period: 2021")
    assert "imported: 2021-06-30}\n  # Folkmängden 2020 enligt underlaget\n  - period: 2020\n" \
        in text  # a comment stays with the value it describes
    assert text.count("source_text:") == 2  # the source's figures are untouched


def test_a_figure_written_from_the_source_is_never_overwritten(workspace, cli):
    series = workspace / "data" / "befolkning.yaml"
    before = series.read_bytes()
    csv = export(workspace, "folkmangd.csv", 'År;Folkmängd\n2016;72 100\n2017;72 300\n'
                                             '2020;72 950\n')
    result = cli("data", "import", csv, "--series", "befolkning")
    assert result.exit_code == 1
    assert ("data/befolkning.yaml:16:5: error: perioden 2016 har värdet 72266 här, men "
            "importen (rad 2) säger 72100") in result.output
    assert "data/befolkning.yaml:19:5: error: perioden 2020 har värdet 72904" in result.output
    assert "2 värde(n) i data/befolkning.yaml skiljer sig från importen; inget sparades" \
        in result.output
    assert series.read_bytes() == before


def test_every_line_that_cannot_be_read_is_named_and_nothing_is_written(workspace, cli):
    series = workspace / "data" / "brott-vald.yaml"
    before = series.read_bytes()
    csv = export(workspace, "vald.csv", (
        '"Anmälda våldsbrott"\n'
        '"Månad";"Antal"\n'
        '"2021M01";"57"\n'
        '"2021M02";"5.7"\n'
        '"2021M13";"60"\n'
        '"2021K1";"61"\n'
        '"2021M04";"sextio"\n'
        '"2021M05" 62\n'
        '"2021M01";"58"\n'
        '"2021M06";"6"3"\n'
        '"2021M07;"63"\n'
        '"2021M08";"6\n'))
    result = cli("data", "import", csv, "--series", "brott-vald")
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith("vald.csv:")]
    assert lines == [
        ("vald.csv:4:11: error: '5.7' har punkt; svenska exporter skriver decimalkomma (16,5) "
        "och mellanslag mellan tusental (72 266); exportera om eller rätta värdet"),
        "vald.csv:5:1: error: '2021M13' är ingen period; skriv 2021, 2021M03 eller 2021-03",
        "vald.csv:6:1: error: '2021K1' är ingen period; skriv 2021, 2021M03 eller 2021-03",
        "vald.csv:7:11: error: 'sextio' är inget tal",
        ("vald.csv:8:1: error: raden har 1 fält men rubrikraden har 2; är avgränsaren ';' "
        "rätt på raden?"),
        ("vald.csv:9:1: error: perioden 2021-01 finns redan på rad 3; filen har fler än en "
        "serie, välj en med --row TEXT"),
        "vald.csv:10:11: error: '63\"' är inget tal",
        ("vald.csv:11:1: error: raden har 1 fält men rubrikraden har 2; är avgränsaren ';' "
        "rätt på raden?"),
        "vald.csv:12:1: error: citattecknet stängs inte på raden; raden kan inte läsas",
    ]
    assert "fel: 9 fel i vald.csv; rätta raderna ovan" in result.output and "Inget sparades." in result.output
    assert series.read_bytes() == before


def test_a_table_with_several_columns_of_figures_asks_which(workspace, cli):
    csv = export(workspace, "andts.csv", 'År;Flickor;Pojkar\n2020;19,0;8,5\n2021;21,3;9,0\n')
    result = cli("data", "import", csv, "--series", "andts-otrygghet-flickor-ak9")
    assert result.exit_code == 1
    assert "flera kolumner med tal (Flickor, Pojkar); välj en med --column NAMN" in result.output
    result = cli("data", "import", csv, "--series", "andts-otrygghet-flickor-ak9",
                 "--column", "flickor")
    assert result.exit_code == 0, result.output
    assert values(workspace / "data" / "andts-otrygghet-flickor-ak9.yaml") == {
        "2020": 19.0, "2021": 21.3}


def test_decimal_commas_and_a_row_filter_on_a_long_table(workspace, cli):
    csv = export(workspace, "andts.csv", ANDTS + '2021;åk 9;pojkar;9,0\n')
    result = cli("data", "import", csv, "--series", "andts-otrygghet-flickor-ak9",
                 "--row", "flickor")
    assert result.exit_code == 0, result.output
    text = (workspace / "data" / "andts-otrygghet-flickor-ak9.yaml").read_text("utf-8")
    assert "{period: 2019, value: 17.5, file: andts.csv," in text
    assert "{period: 2021, value: 21.3, file: andts.csv," in text


@pytest.mark.parametrize(("content", "series", "message", "code"), [
    ('"År";"Antal"\n"2021";"5"\n', "brott-totalt",
     "serien brott-totalt är månadsvis men x.csv har år; exportera månadsvärden", 2),
    ('"Månad";"Antal"\n"2021M01";"5"\n', "befolkning",
     "serien befolkning är årsvis men x.csv har månader; exportera årsvärden", 2),
    ('"Månad";"Antal"\n"2021M01";"5"\n', "brott-total",
     "okänd serie 'brott-total' (ingen fil data/brott-total.yaml); menade du 'brott-totalt'?", 2),
    ('År,Antal\n2021,"5,5"\n', "befolkning",
     "filen är kommaavgränsad; exportera den semikolonavgränsad", 1),
    ('"Antal";"Region"\n"5";"Skellefteå"\n', "befolkning",
     "ingen kolumn med perioder (2021, 2021M03 eller 2021-03); kolumner: Antal, Region", 1),
    # the header row left out: its years would be read as periods and its figure as a name
    ('Folkmängd i Skellefteå\n2019;72500\n2021;73000\n', "befolkning",
     "x.csv:2:1: error: rubrikraden (2019;72500) ser ut som en datarad", 1),
    # every data line broken: each is named, and nothing else is tried
    ('2021;73000\nÅr;Folkmängd;2019;72500\n', "befolkning",
     "x.csv:2:1: error: raden har 4 fält men rubrikraden har 2", 1),
])
def test_refusals_say_what_to_do(workspace, cli, content, series, message, code):
    csv = export(workspace, "x.csv", content)
    before = {p: p.read_bytes() for p in (workspace / "data").iterdir()}
    result = cli("data", "import", csv, "--series", series)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert {p: p.read_bytes() for p in (workspace / "data").iterdir()} == before  # no lock file


def test_a_utf16_export_cut_off_inside_a_character_names_its_broken_line(workspace, cli):
    """Excel's "Unicode text" with its last byte lost (a copy broken off): a message at the
    line where it breaks, not an internal error; nothing is saved."""
    series = workspace / "data" / "befolkning.yaml"
    before = series.read_bytes()
    raw = ('År\tFolkmängd\n2019\t72500\n2021\t73000').encode("utf-16")[:-1]
    (workspace / "x.csv").write_bytes(raw)
    result = cli("data", "import", "x.csv", "--series", "befolkning", today="2022-01-10")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("x.csv:3:6: error: '7300\ufffd' är inget tal")
    assert series.read_bytes() == before


def test_an_unreadable_export_is_a_usage_error(workspace, cli):
    result = cli("data", "import", "saknas.csv", "--series", "befolkning")
    assert result.exit_code == 2
    assert "fel: filen saknas.csv finns inte" in result.output


def test_import_refuses_a_series_file_with_errors(workspace, cli):
    series = workspace / "data" / "brott-totalt.yaml"
    series.write_text(series.read_text("utf-8").replace("frequency: month", "frequency: monthly"),
                      encoding="utf-8")
    before = series.read_bytes()
    csv = export(workspace, "bra.csv", BRA_MONTHS)
    result = cli("data", "import", csv, "--series", "brott-totalt")
    assert result.exit_code == 1
    assert "'frequency' ska vara en av: year" in result.output
    assert "data/brott-totalt.yaml har fel; kör `samverkan validate" in result.output
    assert series.read_bytes() == before


def test_import_in_english(workspace, cli):
    csv = export(workspace, "bra.csv", BRA_MONTHS)
    result = cli("data", "import", csv, "--series", "brott-totalt", "--lang", "en")
    assert result.exit_code == 0
    assert "figure not available ('..') for 2021-02; the period is skipped" in result.output
    assert "Saved the values 2020-10–2021-03 in data/brott-totalt.yaml: 5 new, 0 changed" in (
        result.output)
