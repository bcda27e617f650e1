"""`samverkan report`: the steering group's follow-up as HTML and Markdown.

The HTML is parsed (stdlib html.parser) and checked the way a reader would: the
headings, the numbers ("minst 5 → 5 genomförda"), tables with header cells, charts
with text alternatives, and that nothing in it refers to the network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from snapshot import PLANS
from typer.testing import CliRunner

from samverkan.cli import app
from samverkan.plan.reader import load_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "2021.yaml"

AREAS = [
    "Arbeta mot ungdomars användande av alkohol och narkotikabruk",
    "Tryggare centrum",
    "Utveckla befintliga och implementera nya brottsförebyggande metoder i Skellefteå kommun",
]


BLOCKS = {"p", "div", "li", "ul", "dt", "dd", "th", "td", "tr", "caption", "h1", "h2", "h3",
          "h4", "section", "article", "header", "footer", "figure", "table"}


class Page(HTMLParser):
    """What a reader and a browser see in the report: headings, tables, charts, links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[dict] = []
        self.svgs: list[dict] = []
        self.ids: list[str] = []
        self.styles: list[str] = []
        self.text_parts: list[str] = []
        self._stack: list[str] = []
        self._heading: list[str] | None = None
        self._capture: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)
        self.text = " ".join("".join(self.text_parts).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "br":
            self.handle_data(" ")
        if attributes.get("id"):
            self.ids.append(attributes["id"])  # type: ignore[arg-type]
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = []
        elif tag == "table":
            self.tables.append({"caption": "", "th": [], "thead_th": [], "rows": []})
        elif tag == "caption":
            self._capture = []
        elif tag == "svg":
            self.svgs.append({"attrs": attributes, "title": "", "desc": "", "title_id": None,
                              "desc_id": None})
        elif tag in ("title", "desc") and self._stack and "svg" in self._stack:
            self.svgs[-1][f"{tag}_id"] = attributes.get("id")
            self._capture = []
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            self._cell = []
            if tag == "th" and self.tables:
                self.tables[-1]["th"].append(attributes)
        if tag not in ("meta", "br", "link", "img", "input", "path", "use", "rect"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append((tag, " ".join("".join(self._heading).split())))
            self._heading = None
        elif tag == "caption" and self._capture is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._capture).split())
            self._capture = None
        elif tag in ("title", "desc") and self._capture is not None and self.svgs:
            self.svgs[-1][tag] = " ".join("".join(self._capture).split())
            self._capture = None
        elif tag in ("th", "td") and self._cell is not None:
            cell = " ".join("".join(self._cell).split())
            if self.tables and self.tables[-1]["rows"]:
                self.tables[-1]["rows"][-1].append(cell)
            if tag == "th" and "thead" in self._stack and self.tables:
                self.tables[-1]["thead_th"].append(cell)
            self._cell = None
        if tag in BLOCKS:
            self.text_parts.append(" ")
        while self._stack:
            if self._stack.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "style":
            self.styles.append(data)
            return
        for sink in (self._heading, self._capture, self._cell):
            if sink is not None:
                sink.append(data)
        if "svg" not in self._stack:
            self.text_parts.append(data)

    def heading_texts(self, level: str) -> list[str]:
        return [text for tag, text in self.headings if tag == level]

    def table(self, caption_start: str) -> dict:
        return next(t for t in self.tables if t["caption"].startswith(caption_start))

    def row(self, table: dict, first_cell_start: str) -> list[str]:
        return next(r for r in table["rows"] if r and r[0].startswith(first_cell_start))


class Chart(HTMLParser):
    """What one inline chart draws: its texts (axis labels, legend, values) in order, the
    values written on it, its stylesheet, and how many filled shapes (bands) it has."""

    def __init__(self, svg: str) -> None:
        super().__init__(convert_charrefs=True)
        self.id = ""
        self.title = ""
        self.texts: list[str] = []
        self.values: list[str] = []
        self.style = ""
        self.bands = 0
        self._in: list[str] = []
        self._value = False
        self.feed(svg)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "svg":
            self.id = attributes.get("id") or ""
        classes = (attributes.get("class") or "").split()
        if tag == "path" and {"line", "reactive"} <= set(classes) and "nofill" not in classes:
            self.bands += 1
        if tag == "text":
            self._value = "value" in classes
        if tag not in ("path", "rect", "circle"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        where = self._in[-1] if self._in else ""
        if where == "style":
            self.style += data
        elif where == "title":
            self.title += data
        elif where in ("text", "tspan") and data.strip():
            self.texts.append(data.strip())
            if self._value:
                self.values.append(data.strip())


def charts_of(html: str) -> list[Chart]:
    """Every inline `<svg>` chart of a page."""
    return [Chart(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


def chart_titled(html: str, words: str) -> Chart:
    """The page's chart whose title holds `words`."""
    return next(c for c in charts_of(html) if words in c.title)


def run(*args: str, today: str = "2022-01-20") -> object:
    result = CliRunner().invoke(app, [str(a) for a in args],
                                env={"SAMVERKAN_TODAY": today, "SAMVERKAN_PLANS_DIR": None})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plans folder holding the example plan of 2021 (invented activities)."""
    folder = tmp_path_factory.mktemp("example") / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "2021.yaml")
    return folder


@pytest.fixture(scope="module")
def report_html(example_dir: Path) -> tuple[object, str]:
    out = example_dir.parent / "rapport.html"
    result = run("report", "--year", "2021", "--plans-dir", example_dir, "--output", out)
    return result, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(report_html: tuple[object, str]) -> Page:
    return Page(report_html[1])


def article_html(html: str, element_id: str) -> str:
    """One `<article id=…>` of the report (a pledge or a goal)."""
    start = html.rindex("<article", 0, html.index(f'id="{element_id}"'))
    end = html.index("</article>", start) + len("</article>")
    return html[start:end]


def article(html: str, element_id: str) -> Page:
    return Page(article_html(html, element_id))


# --- the year report in HTML ---------------------------------------------------------------


def test_report_writes_the_file_and_says_where(report_html: tuple[object, str]) -> None:
    result, html = report_html
    assert result.exit_code == 0, result.output
    assert "Sparat utskriften i" in result.stderr and "rapport.html" in result.stderr
    assert html.startswith("<!DOCTYPE html>")


def test_headings_follow_the_plan(page: Page) -> None:
    assert page.heading_texts("h1") == ["Sammanställning av genomförandet – åtagandeplan 2021"]
    assert page.heading_texts("h2") == ["Sammanfattning", "Löften som är efter eller missade",
                                        *AREAS]
    assert page.heading_texts("h3") == ["Medborgarlöften", "Mål"] * 3
    pledge_titles = [h for h in page.heading_texts("h4")]
    assert any(h.startswith("Trygghetsvandringar") for h in pledge_titles)
    assert any(h.startswith("Nosspanare") for h in pledge_titles)
    assert "Starta minst 4 nya grannsamverkansområden" in pledge_titles
    assert ("html", {"lang": "sv"}) in page.tags


def test_summary_counts_the_statuses(page: Page) -> None:
    table = page.table("Medborgarlöften 2021 per status")
    assert page.row(table, "✓ uppfyllt")[1] == "9"
    assert page.row(table, "→ i fas")[1] == "0"
    assert page.row(table, "! efter")[1] == "0"
    assert page.row(table, "✗ missat")[1] == "2"
    assert page.row(table, "· utan mål")[1] == "2"
    assert page.row(table, "Totalt")[1] == "13"
    assert ("13 medborgarlöften: 11 med kvantifierat mål och 2 som följs upp utan mål. "
            "Av de 11 är 9 uppfyllda, 0 i fas, 0 efter och 2 missade.") in page.text


def test_target_against_outcome_in_the_published_style(page: Page,
                                                       report_html: tuple[object, str]) -> None:
    overview = page.table("Alla medborgarlöften")
    assert page.row(overview, "Trygghetsvandringar")[1:] == [
        "minst 5 → 5 genomförda", "vandringar", "✓ uppfyllt"]
    assert page.row(overview, "Extra resurser mot ungdomsfester")[1] == "minst 10 → 11 genomförda"
    assert page.row(overview, "Ansvarsfull alkoholservering")[1:] == [
        "minst 3 → 2 genomförda", "serveringsställen", "✗ missat"]
    assert page.row(overview, "Olovlig trafik")[1] == "minst 2 → 1 genomförd"
    assert page.row(overview, "ANDT-information")[1] == "3 registrerade"
    walks = article(report_html[1], "pledge-trygghetsvandringar")
    assert "varav centrum: minst 1 → 2 genomförda" in walks.text
    assert "Ansvar gemensamt" in walks.text


def test_behind_or_missed_says_what_was_still_needed(page: Page) -> None:
    section = page.text.split("Löften som är efter eller missade", 1)[1].split(AREAS[0], 1)[0]
    assert "Ansvarsfull alkoholservering ✗ missat: minst 3 → 2 genomförda" in section
    assert "Olovlig trafik på torget och gågatan ✗ missat: minst 2 → 1 genomförd" in section
    assert section.count("1 saknades när perioden slutade 31 december 2021") == 2
    assert "Trygghetsvandringar" not in section


def test_activity_notes_are_listed_under_their_pledge(report_html: tuple[object, str]) -> None:
    walks = article(report_html[1], "pledge-trygghetsvandringar")
    table = walks.table("Aktiviteter: Trygghetsvandringar (5)")
    assert table["thead_th"] == ["Datum", "Plats", "Antal", "Utfört av", "Anteckning"]
    assert walks.row(table, "2021-03-18") == [
        "2021-03-18", "Centrum", "1", "gemensamt",
        "Kvällsvandring med boende och handlare; taggar: centrum"]
    lob = article(report_html[1], "pledge-lob-vittnesforhor")
    assert "Kallelser till vittnesförhör efter valborg" in lob.text


def test_goals_show_the_indicator_against_the_baseline(report_html: tuple[object, str]) -> None:
    drugs = article(report_html[1], "goal-narkotika-ak9")
    table = drugs.table("Andel elever i åk 9 som uppger att de använt narkotika")
    assert table["thead_th"] == ["Utgångsläge", "2021", "Bedömning"]
    assert table["rows"][1] == ["3–4 (2020)", "3,5", "oförändrat"]
    alcohol = article(report_html[1], "goal-alkohol-ak9")
    assert alcohol.tables[0]["rows"][1] == ["20 (2020)", "17", "förbättrat"]
    unknown = article(report_html[1], "goal-flickor-otrygghet")
    assert unknown.tables[0]["rows"][1][0] == "saknas i underlaget"
    assert not unknown.svgs


def test_every_table_has_a_caption_and_header_cells(page: Page) -> None:
    assert len(page.tables) > 20
    for table in page.tables:
        assert table["caption"], table
        assert table["thead_th"], table["caption"]
    scopes = {th.get("scope") for t in page.tables for th in t["th"]}
    assert scopes == {"col", "row"}


def test_charts_have_text_alternatives(page: Page) -> None:
    # 11 pledges with a target, 3 goals with a baseline and a measurement
    assert len(page.svgs) == 14
    ids = set(page.ids)
    for svg in page.svgs:
        assert svg["attrs"]["role"] == "img"
        assert svg["attrs"]["aria-labelledby"].split() == [svg["title_id"], svg["desc_id"]]
        assert svg["title_id"] in ids and svg["desc_id"] in ids
        assert svg["title"].startswith("Diagram: ") and svg["desc"]
    walks = next(s for s in page.svgs if "Trygghetsvandringar" in s["title"])
    assert "minst 5 → 5 genomförda" in walks["desc"]
    assert "Varav centrum: minst 1 → 2 genomförda" in walks["desc"]
    assert len(page.ids) == len(ids), "an id is used twice"


def test_each_chart_runs_nothing_and_styles_only_itself(report_html: tuple[object, str]) -> None:
    html = report_html[1]
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) == 14
    for svg in svgs:
        assert "<script" not in svg and "<!--" not in svg and "xmlns" not in svg
        chart = Chart(svg)
        selectors = [sel.strip() for rule in re.findall(r"([^{}]+){", chart.style)
                     for sel in rule.split(",")]
        assert selectors, "a chart without its style"
        assert all(sel.startswith(f"#{chart.id}") for sel in selectors), chart.id


def test_the_pledge_chart_draws_pace_target_requirement_and_months(
        report_html: tuple[object, str], example_dir: Path) -> None:
    walks = chart_titled(report_html[1], "Diagram: Trygghetsvandringar")
    assert {"takt", "mål", "varav centrum", "genomfört"} <= set(walks.texts)
    assert "maj" in walks.texts and "okt" not in walks.texts  # six months: every other one
    english = run("report", "--year", "2021", "--plans-dir", example_dir, "--lang", "en").output
    walks = chart_titled(english, "Chart: Trygghetsvandringar")
    assert {"pace", "target", "done", "May"} <= set(walks.texts)


def test_a_chart_on_the_day_marks_the_day(plans: Path) -> None:
    html = run("report", "--plan", plans / "2021.yaml", today="2021-06-30").output
    walks = chart_titled(html, "Diagram: Trygghetsvandringar")
    assert "läget" in walks.texts


def test_a_baseline_range_is_a_band_and_a_single_baseline_a_line(
        report_html: tuple[object, str]) -> None:
    drugs = charts_of(article_html(report_html[1], "goal-narkotika-ak9"))
    alcohol = charts_of(article_html(report_html[1], "goal-alkohol-ak9"))
    assert [c.bands for c in drugs] == [1] and [c.bands for c in alcohol] == [0]
    for [chart] in (drugs, alcohol):
        assert {"utgångsläge", "uppmätt", "2020", "2021"} <= set(chart.texts)


def test_markdown_needs_no_chart_library(example_dir: Path) -> None:
    code = (f"import sys; from samverkan.cli import app\n"
            f"try:\n    app(['report', '--year', '2021', '--plans-dir', {str(example_dir)!r}, "
            f"'--format', 'markdown'])\nexcept SystemExit:\n    pass\n"
            f"print('PYGAL:', 'pygal' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "SAMVERKAN_TODAY": "2022-01-20"})
    assert done.stdout.rpartition("PYGAL:")[2].strip() == "False"


def test_nothing_refers_to_the_network(report_html: tuple[object, str], page: Page) -> None:
    assert_self_contained(report_html[1], page)


def assert_self_contained(html: str, page: Page) -> None:
    """Nothing in the HTML is fetched: no scripts, links, images or fonts, no URLs."""
    assert "http:" not in html and "https:" not in html
    assert not any(tag in ("script", "link", "img", "iframe", "object", "embed")
                   for tag, _ in page.tags)
    for _, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "srcset", "action"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), (name, value)
    css = "".join(page.styles)
    assert "@import" not in css and "@font-face" not in css
    assert not re.search(r"url\(\s*['\"]?(?!#)", html)


def test_prints_on_a4_with_a_page_per_focus_area(page: Page) -> None:
    css = "".join(page.styles)
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    assert re.search(r"@media print\s*{.*\.focus-area\s*{\s*break-before:\s*page", css,
                     re.DOTALL)
    sections = [a for t, a in page.tags
                if t == "section" and "focus-area" in (a.get("class") or "")]
    assert len(sections) == 3


def test_report_in_english(example_dir: Path) -> None:
    result = run("report", "--year", "2021", "--plans-dir", example_dir, "--lang", "en")
    page = Page(result.output)
    assert page.heading_texts("h1") == ["Follow-up of the commitment plan 2021"]
    assert ("html", {"lang": "en"}) in page.tags
    assert "at least 5 → 5 done" in page.text
    assert "1 short when the period ended on 31 December 2021" in page.text
    drugs = page.table("Andel elever i åk 9 som uppger att de använt narkotika")
    assert drugs["rows"][1] == ["3–4 (2020)", "3.5", "unchanged"]


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_carries_the_same_content(example_dir: Path) -> None:
    out = example_dir.parent / "protokoll.md"
    result = run("report", "--year", "2021", "--plans-dir", example_dir, "--output", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Sammanställning av genomförandet – åtagandeplan 2021\n")
    for heading in ["## Sammanfattning", "## Löften som är efter eller missade",
                    *(f"## {a}" for a in AREAS), "### Medborgarlöften", "### Mål",
                    "#### Trygghetsvandringar"]:
        assert f"\n{heading}\n" in text, heading
    assert "| Status | Antal löften |" in text and "| missat | 2 |" in text
    assert "| Trygghetsvandringar | minst 5 → 5 genomförda | vandringar | uppfyllt |" in text
    assert "- Krav: varav centrum: minst 1 → 2 genomförda" in text
    assert ("| 2021-03-18 | Centrum | 1 | gemensamt | "
            "Kvällsvandring med boende och handlare; taggar: centrum |") in text
    assert "| Minska narkotikaanvändandet i åk 9 jämfört med 2020 års ANDTS-undersökning |" in text
    assert "| 3–4 (2020) | 3,5 | oförändrat |" in text
    assert "1 saknades när perioden slutade 31 december 2021" in text
    assert "<svg" not in text and "\n\n\n" not in text


def test_text_from_the_plan_is_escaped(write_plan, tmp_path: Path) -> None:
    plan = PLANS.joinpath("2021.yaml").read_text(encoding="utf-8").replace(
        "activities: []",
        "activities:\n"
        "  - {pledge: nosspanare, date: 2021-03-01, note: \"<script>x()</script> a | b\"}\n")
    folder = tmp_path / "plans"
    write_plan(plan, "plans/2021.yaml")
    html = run("report", "--year", "2021", "--plans-dir", folder, today="2021-06-30").output
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt; a | b" in html
    markdown = run("report", "--year", "2021", "--plans-dir", folder, "--format", "markdown",
                   today="2021-06-30").output
    assert "a \\| b |" in markdown


# --- the shipped plans, and the whole agreement --------------------------------------------


def test_shipped_plan_midyear_shows_the_pace(plans: Path) -> None:
    result = run("report", "--plan", plans / "2021.yaml", "--format", "markdown",
                 today="2021-06-30")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Läget per 30 juni 2021. Underlag:" in text
    assert "| efter | 5 |" in text and "| i fas | 6 |" in text
    assert "- **Trygghetsvandringar** (efter): minst 5 → 0 genomförda (vandringar)" in text
    assert "  - takten kräver 2 per 30 juni 2021; genomfört: 0" in text
    assert "  - 1 med taggen centrum återstår till senast 31 december 2021" in text
    assert "*Inga aktiviteter registrerade.*" in text


def test_agreement_puts_the_years_side_by_side(example_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(example_dir / "2021.yaml", folder / "2021.yaml")
    shutil.copy(PLANS / "2022.yaml", folder / "2022.yaml")
    result = run("report", "--agreement", "--plans-dir", folder, "--as-of", "2022-06-30")
    assert result.exit_code == 0, result.output
    page = Page(result.output)
    assert page.heading_texts("h1") == ["Uppföljning av samverkansavtalet 2021–2022"]
    assert page.heading_texts("h2") == [
        "Sammanfattning", "Löften som är efter eller missade 2022", *AREAS,
        "Målen över åren", "Mål för hela avtalsperioden"]
    summary = page.table("Medborgarlöften per status och år")
    assert summary["thead_th"] == ["Status", "2021", "2022"]
    assert page.row(summary, "✓ uppfyllt")[1:] == ["9", "0"]
    youth = page.table("Medborgarlöften år för år")
    assert youth["thead_th"] == ["Löfte", "2021", "2022"]
    assert page.row(youth, "Ansvarsfull alkoholservering")[1:] == [
        "minst 3 → 2 genomförda ✗ missat", "minst 3 → 0 genomförda ! efter"]
    multi = page.text.split("Mål för hela avtalsperioden", 1)[1]
    assert "Implementera EST – Effektiv samordning för trygghet" in multi
    assert "Starta minst 4 nya grannsamverkansområden" in multi
    assert "Starta minst 4" not in page.text.split("Målen över åren", 1)[1].split(
        "Mål för hela avtalsperioden", 1)[0]
    titles = [s["title"] for s in page.svgs]
    assert ("Diagram: Ansvarsfull alkoholservering, genomfört över perioden mot takt och mål"
            in titles)
    assert "http:" not in result.output and "https:" not in result.output


def test_agreement_goals_are_counted_from_the_record(example_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(example_dir / "2021.yaml", folder / "2021.yaml")
    shutil.copy(PLANS / "agreement.yaml", folder / "agreement.yaml")
    example = load_plan(folder / "2021.yaml").plan
    areas = {" ".join(a.place.split()).casefold() for a in example.activities
             if a.pledge == "grannsamverkan" and a.place}
    result = run("report", "--agreement", "--plans-dir", folder, "--as-of", "2022-01-15")
    assert result.exit_code == 0, result.output
    page = Page(result.output)
    table = page.table("Avtalets mål per 15 januari 2022, räknade ur registret")
    assert table["thead_th"] == ["Mål", "Mål → utfall", "Status"]
    row = page.row(table, "Starta minst 4 nya grannsamverkansområden")
    assert row[1] == f"minst 4 → {len(areas)} genomförda (områden)"
    assert page.row(table, "Implementera EST")[1:] == ["saknar data", "saknar data"]


def test_agreement_marks_years_not_begun(plans: Path) -> None:
    result = run("report", "--agreement", "--plans-dir", plans, "--format", "markdown",
                 today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert "| Trygghetsvandringar | vandringar | minst 5 → 0 genomförda (efter) | ej påbörjat |" \
        in result.output
    assert "| uppfyllt | 0 | – |" in result.output


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "2021", "--agreement"], "ange antingen --year (eller --plan) eller --agreement"),
    (["--plan", "plans/2021.yaml", "--year", "2021"], "ange antingen --plan eller --year"),
    (["--year", "2030"], "det finns ingen plan för 2030"),
    (["--as-of", "30/6"], "ogiltigt datum för --as-of"),
    (["--output", "plans/2021.yaml"], "ser ut som en planfil"),
    (["--output", "plans"], "är en mapp; ange ett filnamn"),
])
def test_bad_requests_are_refused_with_a_reason(plans: Path, args: list[str],
                                                message: str, monkeypatch) -> None:
    monkeypatch.chdir(plans.parent)
    before = (plans / "2021.yaml").read_bytes()
    result = run("report", "--plans-dir", plans, *args, today="2021-06-30")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert (plans / "2021.yaml").read_bytes() == before


def test_output_into_a_missing_folder_is_refused(plans: Path, tmp_path: Path) -> None:
    result = run("report", "--year", "2021", "--plans-dir", plans,
                 "--output", tmp_path / "saknas" / "rapport.html", today="2021-06-30")
    assert result.exit_code == 2  # a usage mistake, like status --output
    assert "mappen" in result.output and "finns inte" in result.output


def test_plan_with_errors_is_not_reported(write_plan, tmp_path: Path) -> None:
    write_plan("year: 2021\nfocus_areas: []\npledges: []\nbogus: 1\n", "plans/2021.yaml")
    result = run("report", "--year", "2021", "--plans-dir", tmp_path / "plans",
                 today="2021-06-30")
    assert result.exit_code == 1
    assert "okänd nyckel 'bogus'" in result.output


def test_example_plan_is_valid_and_says_it_is_invented() -> None:
    result = run("validate", EXAMPLE)
    assert result.exit_code == 0, result.output
    head = EXAMPLE.read_text(encoding="utf-8")[:1200]
    assert "PÅHITTADE AKTIVITETER" in head and "INVENTED ACTIVITIES" in head


def test_readme_pictures_of_the_report_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]+\]\((docs/[^)]+\.png)\)", readme)
    assert pictures
    for picture in pictures:
        assert (ROOT / picture).stat().st_size > 10_000, picture
