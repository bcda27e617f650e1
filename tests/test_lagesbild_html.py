"""`samverkan lagesbild` as HTML: the steering-group report's standards (self-contained,
printable on A4, accessible tables and charts), checked the way a reader would, with the
report tests' parser."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from test_lagesbild import SOURCE_SECTIONS, crime_export
from test_report import Page, assert_self_contained, chart_titled

TODAY = "2022-02-15"


@pytest.fixture
def made(workspace, cli, made_once) -> tuple[str, Page]:
    def make() -> None:
        result = cli("lagesbild", "--year", "2021", "--output", "lagesbild-2021.html",
                     today=TODAY)
        assert result.exit_code == 0, result.output

    made_once("lagesbild-2021-html", workspace, make)
    html = (workspace / "lagesbild-2021.html").read_text(encoding="utf-8")
    return html, Page(html)


def test_a_fresh_clone_makes_the_document_with_one_command(workspace):
    env = {**os.environ, "SAMVERKAN_TODAY": TODAY}
    env.pop("SAMVERKAN_DATA_DIR", None)
    env.pop("SAMVERKAN_PLANS_DIR", None)
    done = subprocess.run([sys.executable, "-m", "samverkan", "lagesbild", "--year", "2021",
                           "--output", "lagesbild-2021.html"], cwd=workspace, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Sparat utskriften i lagesbild-2021.html." in done.stderr
    assert "14 serier saknar värden" in done.stderr
    html = (workspace / "lagesbild-2021.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert oct((workspace / "lagesbild-2021.html").stat().st_mode & 0o777) != "0o600"


def test_the_sections_follow_the_source_with_a_table_of_contents(made):
    _, page = made
    assert page.heading_texts("h1") == ["Samlad lägesbild 2021"]
    assert page.heading_texts("h2") == ["Innehåll"] + SOURCE_SECTIONS + [
        "Att läsa in inför nästa uppdatering", "Grunddata och källor"]
    ids = set(page.ids)
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links and all(link[1:] in ids for link in links), "a link points nowhere"
    assert len(page.ids) == len(ids), "an id is used twice"


def test_it_is_self_contained_and_prints_on_a4(made):
    html, page = made
    assert_self_contained(html, page)
    css = "".join(page.styles)
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    assert re.search(r"@media print\s*{[^@]*\.lb-appendix\s*{\s*break-before:\s*page", css)


def test_every_table_has_a_caption_and_header_cells(made):
    _, page = made
    assert len(page.tables) >= 15
    for table in page.tables:
        assert table["caption"], table
        assert table["thead_th"], table["caption"]
    assert {th.get("scope") for t in page.tables for th in t["th"]} == {"col", "row"}


def test_charts_have_text_alternatives_and_their_values_beside_them(made):
    _html, page = made
    assert len(page.svgs) == 3  # ANDTS, and the citizens' dialogue twice
    ids = set(page.ids)
    for svg in page.svgs:
        assert svg["attrs"]["role"] == "img"
        assert svg["attrs"]["aria-labelledby"].split() == [svg["title_id"], svg["desc_id"]]
        assert {svg["title_id"], svg["desc_id"]} <= ids
        assert svg["title"].startswith("Diagram ") and svg["desc"]
    andts = next(s for s in page.svgs if "alkohol eller använt narkotika" in s["title"])
    assert "Alkohol åk 9: 2012 12, 2020 20" in andts["desc"]
    assert "Narkotika åk 9: 2017 7, 2018 3–4, 2019 3–4, 2020 3–4" in andts["desc"]
    number = andts["title"].split(".")[0].split()[1]
    values = page.table(f"Värdena i diagram {number}")
    assert values["thead_th"] == ["År", "Alkohol åk 9", "Narkotika åk 9", "Narkotika gy åk 2"]
    assert page.row(values, "2020") == ["2020", "20", "3–4", "8"]


def test_a_range_is_a_band_and_the_bars_carry_the_tables_values(made):
    html, page = made
    andts = chart_titled(html, "alkohol eller använt narkotika")
    assert andts.bands == 1  # Narkotika åk 9: 3–4 in 2018, 2019 and 2020, one band
    assert {"Alkohol åk 9", "Narkotika åk 9", "Narkotika gy åk 2", "2012", "2021"} <= set(
        andts.texts)
    dialogue = [svg for svg in page.svgs if "medborgardialog" in svg["title"]]
    assert len(dialogue) == 2
    for svg in dialogue:
        number = svg["title"].split(".")[0].split()[1]
        values = page.table(f"Värdena i diagram {number}")
        bars = chart_titled(html, f"Diagram {number}.")
        drawn = " ".join(bars.texts)
        for category, value in values["rows"][1:]:
            assert value in bars.texts, (category, value)
            assert category in drawn, category  # on one line or wrapped over a few


def test_every_figure_leads_to_its_source(made):
    _, page = made
    links = {a["href"] for t, a in page.tags if t == "a" and a["href"].startswith("#serie-")}
    assert {"#serie-andts-alkohol-ak9", "#serie-medborgardialog-svarande"} <= links
    population = page.table("Värdena i befolkning")
    assert page.row(population, "2016")[1:] == [
        "72 266", ("»Trots att befolkningmängden i Skellefteå kommun har ökat från 72 266 till "
        "72 904 mellan åren 2016–2020 så är den övergripande trenden att antalet anmälda brott "
        "sjunker för perioden 2018–2020.«")]
    ntu = page.table("Otrygghet vid utevistelse sen kväll")
    assert page.row(ntu, "2017–2018") == ["2017–2018", "16", "28", "1 526",
                                          "ntu-otrygghet-kvall 2017–2018; ntu-svarande 2017–2018"]


def test_missing_series_are_notes_with_the_command(made):
    html, page = made
    assert html.count('<aside class="notice"') == 14
    assert "<code>samverkan data import FIL --series brott-totalt</code>" in html
    assert ("Saknas i grunddata. Serien brott-totalt (Anmälda brott totalt i Skellefteå kommun) "
            "har inga värden.") in page.text


def test_the_pledges_show_their_status(made):
    html, page = made
    pledges = page.table("Medborgarlöften 2021")
    assert len(pledges["rows"]) == 14
    assert page.row(pledges, "Trygghetsvandringar") == [
        "Trygghetsvandringar", "gemensamt", ("minst 5 → 0 genomförda; varav centrum: minst 1 → "
        "0 genomförda"), "vandringar", "missat"]
    assert '<span class="status status-missed">missat</span>' in html


def test_imported_crime_figures_are_drawn(workspace, cli):
    (workspace / "brott.csv").write_text(crime_export(2019, (2021, 9), 700), encoding="utf-8")
    assert cli("data", "import", "brott.csv", "--series", "brott-totalt").exit_code == 0
    result = cli("lagesbild", "--year", "2021", today=TODAY)
    page = Page(result.stdout)
    months = next(s for s in page.svgs if "Totalt antal anmälda brott per månad" in s["title"])
    assert "2021: jan 701, feb 702" in months["desc"] and "sep 709." not in months["desc"]
    rate = next(s for s in page.svgs if "per 1 000 invånare" in s["title"])
    assert "Totalt: 2020 87,0" in rate["desc"]
    assert len(page.svgs) == 5
    drawn = chart_titled(result.stdout, "Totalt antal anmälda brott per månad").texts
    assert {"jan", "maj", "okt", "dec", "2019", "2020", "2021"} <= set(drawn)  # axis, legend


def test_text_from_files_is_escaped_and_fetches_nothing(workspace, cli):
    (workspace / "data" / "analys.md").write_text(
        "Vi såg <script>alert(1)</script> och ![karta](https://example.org/k.png).\n",
        encoding="utf-8")
    path = workspace / "data" / "ntu-svarande.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "title: Svarande i NTU", 'title: "Svarande <b>i</b> NTU'), encoding="utf-8")
    path.write_text(path.read_text("utf-8").replace("(16–84 år)\n", '(16–84 år)"\n'), "utf-8")
    result = cli("lagesbild", "--year", "2021", today=TODAY)
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "Svarande &lt;b&gt;i&lt;/b&gt; NTU" in html


def test_the_html_in_english(workspace, cli):
    result = cli("lagesbild", "--year", "2021", "--lang", "en", today=TODAY)
    page = Page(result.stdout)
    assert '<html lang="en">' in result.stdout
    assert page.heading_texts("h1") == ["Joint situation picture 2021"]
    assert "Base data and sources" in page.heading_texts("h2")


def test_an_output_that_looks_like_data_is_refused(workspace, cli):
    result = cli("lagesbild", "--year", "2021", "--output", "data/befolkning.yaml", today=TODAY)
    assert result.exit_code == 2
    assert "befolkning.yaml" in result.output
    assert "source_text" in (workspace / "data" / "befolkning.yaml").read_text("utf-8")
