"""`samverkan lagesbild`: the yearly joint situation picture from the data kept in the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TODAY = "2022-02-15"
NB = "\u00a0"  # between thousands, so that a number never breaks over two lines
# The source's sections in its order (the lägesbild's own and the plan's).
SOURCE_SECTIONS = [
    "Inledning", "Samverkansavtalet och organisationen", "Övrig förekommande samverkan",
    "Lokal lägesbild", "Brottsutveckling", "Trygghet", "Brott som kan antas skapa otrygghet",
    "Medborgardialog", "Årliga återkommande evenemang", "Förebyggargrupper",
    "Geografiska och demografiska förutsättningar", "Analys och slutsatser",
    "Fokusområden och mål", "Uppföljning och utvärdering", "Bilaga 1 Medborgarlöften"]


def crime_export(first_year: int, last: tuple[int, int], base: int) -> str:
    """A Brå-shaped monthly export: `base + month` crimes in every month up to `last`."""
    lines = ['"Anmälda brott, Skellefteå kommun"', '', '"Region";"Månad";"Antal"']
    year, month = first_year, 1
    while (year, month) <= last:
        lines.append(f'"Skellefteå";"{year}M{month:02d}";"{base + month}"')
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return "\n".join(lines) + "\n"


def document(cli, *args: str, today: str = TODAY) -> str:
    result = cli("lagesbild", "--year", "2021", "--format", "markdown", *args, today=today)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, title: str) -> str:
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_shipped_data_gives_the_document_in_the_sources_order(workspace, cli):
    text = document(cli)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == SOURCE_SECTIONS + [
        "Att läsa in inför nästa uppdatering", "Grunddata och källor"]
    assert text.startswith("# Samlad lägesbild 2021\n")


def test_every_figure_of_the_source_is_in_the_document(workspace, cli):
    text = document(cli)
    safety = section(text, "Trygghet")
    assert "| 2012 | 12 | – | – |" in safety
    assert "| 2017 | – | 7 | – |" in safety
    assert "| 2018 | – | 3–4 | – |" in safety
    assert "| 2020 | 20 | 3–4 | 8 |" in safety
    assert f"| 2017–2018 | 16 | 28 | 1{NB}526 |" in safety
    dialogue = section(text, "Medborgardialog")
    assert "efter kön (213 totalt)" in dialogue
    assert "| kvinnor | 106 |" in dialogue and "| män | 54 |" in dialogue
    assert "| kön ej angivet | 53 |" in dialogue
    assert ("| Alternativ 1: minska ungdomars användande av alkohol och narkotika | 189 | 88,7 |"
            in dialogue)
    sources = section(text, "Grunddata och källor")
    assert f"| 2016 | 72{NB}266 | »Trots att befolkningmängden" in sources
    assert f"| 2020 | 72{NB}904 | »Trots att befolkningmängden" in sources


def test_a_derived_figure_says_what_it_was_derived_from(workspace, cli):
    dialogue = section(document(cli), "Medborgardialog")
    assert ("| Övriga svar (alternativ 2 eller 3) | 24 | 11,3 | härlett ur "
            "medborgardialog-svarande 2020; medborgardialog-val 2020 |") in dialogue


def test_each_series_without_data_says_what_to_import(workspace, cli):
    text = document(cli)
    crime = section(text, "Brottsutveckling")
    for series in ("brott-totalt", "brott-vald", "brott-tillgrepp"):
        assert f"> `samverkan data import FIL --series {series}`" in crime
    assert "Serien brott-totalt (Anmälda brott totalt i Skellefteå kommun) har inga värden." \
        in crime
    safety = section(text, "Trygghet")
    assert "Serien andts-alkohol-ak9 (Elever i åk 9 som uppger att de druckit alkohol (ANDTS)) " \
        "saknar värden för 2021." in safety
    checklist = section(text, "Att läsa in inför nästa uppdatering")
    assert "- `samverkan data import FIL --series brott-otrygghet`" in checklist
    assert "- `samverkan data import FIL --series befolkning`" not in checklist
    focus = section(text, "Fokusområden och mål")
    assert "Alkohol åk 9: saknas (läs in serien andts-alkohol-ak9)" in focus


def test_the_groups_texts_are_in_the_document_without_their_comments(workspace, cli):
    text = document(cli)
    intro = section(text, "Inledning")
    assert "*Ur underlaget till samverkansavtalet (2021-01-28)" in intro
    assert "<!--" not in text
    analysis = section(text, "Analys och slutsatser")
    assert "> Centrum är fortfarande den geografiska ytan som är mest belastad" in analysis
    (workspace / "data" / "analys.md").unlink()
    analysis = section(document(cli), "Analys och slutsatser")
    assert "Texten saknas. Beredningsgruppen skriver den i data/analys.md (Markdown)." in analysis


def test_the_pledges_outcome_comes_from_the_plan(workspace, cli):
    walk = cli("log", "trygghetsvandringar", "--date", "2021-03-18", "--tag", "centrum",
               today="2021-03-18")
    assert walk.exit_code == 0, walk.output
    text = document(cli)
    pledges = section(text, "Bilaga 1 Medborgarlöften")
    assert pledges.count("\n| ") == 14  # the header and the 13 pledges
    assert ("| Trygghetsvandringar | gemensamt | minst 5 → 1 genomförd; varav centrum: minst 1 → "
            "1 genomförd | vandringar | missat |") in pledges
    assert "utfall per 2022-02-15" in pledges  # the year is over: what was not done is missed
    focus = section(text, "Fokusområden och mål")
    assert "Löften i fokusområdet: 2 (0 uppfyllda, 0 i fas, 0 efter, 2 missade, 0 utan mål)" \
        in focus


def test_imported_crime_figures_become_charts_and_derived_rates(workspace, cli):
    (workspace / "brott.csv").write_text(crime_export(2019, (2021, 9), 700), encoding="utf-8")
    (workspace / "folk.csv").write_text('"region";"2019";"2021"\n"2482 Skellefteå";72 800;73 000\n',
                                        encoding="utf-8")
    for args in (("brott.csv", "--series", "brott-totalt"), ("folk.csv", "--series", "befolkning")):
        result = cli("data", "import", *args, today=TODAY)
        assert result.exit_code == 0, result.output
    crime = section(document(cli), "Brottsutveckling")
    assert "**Diagram 1. Totalt antal anmälda brott per månad, 2019–2021** (anmälda brott)" in crime
    assert "per 1 000 invånare, januari–september, 2019–2021**" in crime
    assert "| jul | 707 | 707 | 707 |" in crime
    assert "| okt | 710 | 710 | – |" in crime
    ytd = sum(700 + m for m in range(1, 10))  # 6345 in January–September of each year
    rate_2020 = f"{ytd / 72904 * 1000:.1f}".replace(".", ",")
    assert f"| 2020 | {rate_2020} |" in crime
    assert (f"| 2020 | 6{NB}345 | 72{NB}904 | {rate_2020} | brott-totalt 2020-01–2020-09; "
            "befolkning 2020 |") in crime
    assert f"| 2021 | 6{NB}345 | 73{NB}000 | 86,9 |" in crime
    assert ("Totalt, januari–september 2021 mot 2020: 0 brott (0,0 %), "
            f"{'+' if ytd / 73000 > ytd / 72904 else '−'}") in crime
    assert "brott-totalt" not in section(document(cli), "Att läsa in inför nästa uppdatering")


def test_a_year_without_its_population_is_named_not_estimated(workspace, cli):
    (workspace / "brott.csv").write_text(crime_export(2019, (2021, 9), 700), encoding="utf-8")
    assert cli("data", "import", "brott.csv", "--series", "brott-totalt").exit_code == 0
    crime = section(document(cli), "Brottsutveckling")
    assert f"| 2019 | 6{NB}345 | – | – | brott-totalt 2019-01–2019-09; befolkning 2019 |" in crime
    assert "*Totalt: anmälda brott januari–september per 1 000 invånare = antal ÷ folkmängd" \
        in crime
    assert "Serien befolkning (Folkmängd i Skellefteå kommun) saknar värden för 2019, 2021." \
        in crime


def test_the_document_can_be_written_to_a_file(workspace, cli):
    result = cli("lagesbild", "--year", "2021", "--output", "lagesbild-2021.md", today=TODAY)
    assert result.exit_code == 0, result.output
    written = (workspace / "lagesbild-2021.md").read_text(encoding="utf-8")
    assert written.startswith("# Samlad lägesbild 2021")
    assert ("Sparat lägesbilden i lagesbild-2021.md (markdown; 14 serier saknar värden"
            in result.output)


def test_a_year_without_a_plan_still_gives_the_picture(workspace, cli):
    result = cli("lagesbild", "--year", "2023", "--format", "markdown", today="2023-05-01")
    assert result.exit_code == 0, result.output
    focus = section(result.stdout, "Fokusområden och mål")
    assert focus.strip() == ("Fokusområdena, målen och medborgarlöftena för 2023 hämtas ur "
                             "åtagandeplanen plans/2023.yaml, som inte finns ännu.")
    headings = re.findall(r"^## (.+)$", result.stdout, re.MULTILINE)
    assert headings == [h for h in SOURCE_SECTIONS if h != "Bilaga 1 Medborgarlöften"] + [
        "Att läsa in inför nästa uppdatering", "Grunddata och källor"]
    assert "det finns ingen plan" not in result.stdout  # no command-line error text


def test_base_data_with_errors_is_refused_with_its_problems(workspace, cli):
    path = workspace / "data" / "befolkning.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 72266", "value: 72 266,0"), "utf-8")
    result = cli("lagesbild", "--year", "2021", today=TODAY)
    assert result.exit_code == 1
    assert "data/befolkning.yaml:17:12: error: 'value' ska vara ett tal" in result.output
    assert "grunddata i data har fel; kör `samverkan validate data`" in result.output


def test_the_document_in_english(workspace, cli):
    result = cli("lagesbild", "--year", "2021", "--format", "markdown", "--lang", "en",
                 today=TODAY)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Joint situation picture 2021")
    assert "\n## Base data and sources\n" in result.stdout


@pytest.mark.parametrize("option", ["--data-dir", "SAMVERKAN_DATA_DIR"])
def test_the_data_folder_can_be_elsewhere(workspace, cli, option):
    (workspace / "data").rename(workspace / "grund")
    args = ["--data-dir", "grund"] if option == "--data-dir" else []
    env = {"SAMVERKAN_DATA_DIR": "grund"} if option != "--data-dir" else {}
    result = cli("lagesbild", "--year", "2021", "--format", "markdown", *args, env=env,
                 today=TODAY)
    assert result.exit_code == 0, result.output
    assert f"Grunddata: grund ({len(list((workspace / 'grund').glob('*.yaml')))} serier)." \
        in result.stdout
    if option == "--data-dir":
        missing = cli("lagesbild", "--year", "2021", "--format", "markdown", today=TODAY)
        assert missing.exit_code == 2
        assert "det finns inga serier i data" in missing.output


def documented_commands() -> list[str]:
    """Every `samverkan …` line in the sh blocks of the README's lägesbild section and of
    docs/lagesbild.md."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    texts = [readme.split("## The joint situation picture", 1)[1].split("\n## ", 1)[0],
             (root / "docs" / "lagesbild.md").read_text(encoding="utf-8")]
    return [line.strip() for text in texts for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
            for line in block.splitlines() if line.strip().startswith("samverkan ")]


def test_the_documented_commands_run_as_written(workspace, cli):
    import shlex

    (workspace / "anmalda-brott.csv").write_text(crime_export(2019, (2021, 9), 700), "utf-8")
    (workspace / "folkmangd.csv").write_text(
        '"region";"2019";"2021"\n"2480 Umeå";130 224;131 000\n"2482 Skellefteå";72 800;73 000\n',
        encoding="utf-8")
    (workspace / "andts-2021.csv").write_text("År;Flickor;Pojkar\n2021;21,3;9,0\n", "utf-8")
    commands = documented_commands()
    assert len(commands) >= 6
    for command in commands:
        result = cli(*shlex.split(command)[1:], today=TODAY)
        assert result.exit_code == 0, (command, result.output)
    assert (workspace / "lagesbild-2021.html").is_file()


def test_a_chart_over_a_single_year_names_the_year_once(workspace, cli):
    (workspace / "brott.csv").write_text(crime_export(2021, (2021, 2), 700), encoding="utf-8")
    assert cli("data", "import", "brott.csv", "--series", "brott-totalt").exit_code == 0
    crime = section(document(cli), "Brottsutveckling")
    assert "per 1 000 invånare, januari–februari 2021**" in crime
    assert "2021–2021" not in crime
