"""`samverkan publish`: the citizens' website and its open data, made from the plans.

The plans are tests/fixtures/publish (invented activities, with notes and places chosen
so that none of them stands in the plans' public text); each test copies them into its
own folder. The browser checks of the same pages are in test_accessibility.py.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
from html import escape
from pathlib import Path

import html5lib
import pytest
from ruamel.yaml import YAML
from test_report import Page, chart_titled

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "publish" / "plans"
TODAY = "2022-04-01"
DATE_LINE = "Uppgifterna gäller den 1 april 2022."
VALID_PNR = "811218-9876"  # a valid personnummer (control digit), invented


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(FIXTURES, folder)
    return folder


@pytest.fixture
def site(cli, plans: Path, tmp_path: Path, made_once) -> Path:
    def publish() -> None:
        result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "site",
                     today=TODAY)
        assert result.exit_code == 0, result.output

    made_once("publish-site", tmp_path / "site", publish)
    return tmp_path / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def fixture_plans() -> list[dict]:
    return [YAML(typ="safe").load(p.read_text(encoding="utf-8"))
            for p in sorted(FIXTURES.glob("20*.yaml"))]


# --- the site ---------------------------------------------------------------------------


def test_one_command_writes_every_page_with_the_date_of_the_data(cli, plans, tmp_path):
    result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "site", today=TODAY)
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    pledge_ids = {p["id"] for plan in fixture_plans() for p in plan["pledges"]}
    written = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    assert written >= {"index.html", "fokusomraden.html", "om-datat.html", "ar/2021.html",
                       "ar/2022.html", "style.css", "data.json", "data.csv"}
    assert {f"lofte/{i}.html" for i in pledge_ids} <= written
    assert f"({len(pages(site))} sidor, data.json och data.csv)" in result.stdout
    for path in pages(site):
        page = read(path)
        assert ("html", {"lang": "sv"}) in page.tags
        assert DATE_LINE in page.text, f"{path.name} does not say the date of its data"


def test_links_are_relative_and_lead_somewhere_so_the_folder_works_anywhere(site):
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        assert "http:" not in text and "https:" not in text and "<script" not in text
        page = read(path)
        for tag, attrs in page.tags:
            link = attrs.get("href") or attrs.get("src")
            if tag not in ("a", "link", "img", "script") or link is None:
                continue
            assert not link.startswith(("/", "//")) and ":" not in link, (path, link)
            target, _, anchor = link.partition("#")
            file = (path.parent / target).resolve() if target else path
            assert file.is_file(), f"{path.relative_to(site)} links to missing {link}"
            if anchor:
                assert anchor in read(file).ids, f"{path.relative_to(site)}: no #{anchor}"


def test_the_start_page_shows_each_pledge_of_the_year_with_target_done_and_status(site):
    page = read(site / "index.html")
    assert page.heading_texts("h1") == ["Kommunens och polisens löften 2022"]
    titles = page.heading_texts("h3")
    plan_2022 = fixture_plans()[1]
    assert titles == [p["title"] for p in sorted(
        plan_2022["pledges"], key=lambda p: [a["id"] for a in plan_2022["focus_areas"]].index(
            p["focus_area"]))]
    # trygghetsvandringar 2022: one walk (in the centre) by 1 April, 5 promised; the pace
    # asks for floor(5 × 91/365) = 1 by then: going to plan
    text = page.text
    assert "Minst 5 vandringar under 2022." in text
    assert "Gjort hittills: 1 av 5 vandringar (20 % av det utlovade)." in text
    assert "Varav minst 1 med inriktningen ”centrum” – gjort: 1." in text
    # ungdomsfester 2022: nothing done, the pace asks for floor(10 × 91/365) = 2: behind
    assert "Gjort hittills: 0 av 10 tillfällen (0 % av det utlovade)." in text
    assert "Med jämn takt fram till slutdatumet borde 2 vara gjorda den 1 april 2022." in text
    assert "Ligger efter" in text and "Går enligt plan" in text
    assert "Inget antal är utlovat." in text and "Antal hittills: 1." in text  # LOB
    assert "Kommunen och polisen besöker restauranger" in text  # the public description
    assert "Mål för hela avtalet 2021–2025" in page.heading_texts("h2")


def test_the_status_bar_is_also_text_so_the_page_reads_without_css(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    bars = re.findall(r'(<svg class="bar"[^>]*>).*?</svg>\s*<p class="done">([^<]*)</p>',
                      html, re.DOTALL)
    assert len(bars) == 4  # the 2022 plan's pledges with a target
    for svg, done in bars:
        assert 'aria-hidden="true"' in svg
        assert re.search(r"\d+ av \d+ .*\(\d+ % av det utlovade\)\.$", done), done


def test_a_pledge_page_has_its_history_as_chart_and_table(site):
    page = read(site / "lofte" / "grannsamverkan.html")
    assert page.heading_texts("h1") == ["Nya grannsamverkansområden"]
    table = page.table("Nya grannsamverkansområden: utlovat och gjort per år")
    assert [r for r in table["rows"][1:]] == [["2021", "2", "2", "Uppfyllt"],
                                              ["2022", "2", "1", "Går enligt plan"]]
    [chart] = [s for s in page.svgs if s["attrs"].get("role") == "img"]
    assert chart["title"].startswith("Diagram: Nya grannsamverkansområden")
    assert "2021: 2 av 2; 2022: 1 av 2; 2023: ingen uppgift" in chart["desc"]
    assert chart["attrs"]["aria-labelledby"] == f"{chart['title_id']} {chart['desc_id']}"
    # for each year, what was done beside what was promised, with the numbers; a "–" for a
    # year with nothing to show
    drawn = chart_titled((site / "lofte" / "grannsamverkan.html").read_text(encoding="utf-8"),
                         "Nya grannsamverkansområden")
    assert {"gjort", "utlovat", "2021", "2022", "2023"} <= set(drawn.texts)
    # done per year from 2021 on (2023–2025 not begun), then promised per year
    assert drawn.values == ["2", "1", "–", "–", "–", "2", "2"]
    assert "gjordes (vänster) och hur många som lovades (höger)" in chart["desc"]
    # this pledge lets its places be shown: the areas started, per year
    assert page.heading_texts("h2")[-1] == "Platser"
    assert "Sunnanåbacken Solbackens flerbostadshus" in page.text
    assert "Villaområdet Degerbäcken" in page.text


def test_year_pages_and_the_focus_areas_with_goals_baselines_and_measurements(site):
    year = read(site / "ar" / "2021.html")
    table = year.table("Löftena 2021 inom Tryggare centrum")
    assert year.row(table, "Trygghetsvandringar") == [
        "Trygghetsvandringar Minst 5 vandringar under 2021.", "2", "Inte uppfyllt"]  # 2 of 5
    areas = read(site / "fokusomraden.html")
    assert "Arbeta mot ungdomars användande av alkohol och narkotikabruk" in areas.heading_texts("h2")
    text = areas.text
    # alkohol-ak9: baseline 20 (2020); the 2022 plan measured 21 in 2022: worse
    assert "Utgångsläge 20 (2020)" in text and "Senaste mätning 21 (2022)" in text
    assert "Sämre än utgångsläget" in text
    assert "Utgångsläge 3–4 (2020)" in text  # a range stays a range
    assert "Utgångsläge Saknas i underlaget" in text
    measured = areas.table("Mätningar: Minska alkoholkonsumtionen i åk 9")
    assert [r[:2] for r in measured["rows"][1:]] == [["2021", "17,5"], ["2022", "21"]]


def test_a_year_that_has_not_begun_says_so(cli, plans, tmp_path):
    result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "s",
                 "--as-of", "2021-06-30", today=TODAY)
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "s" / "index.html").heading_texts("h1") == [
        "Kommunens och polisens löften 2021"]
    assert "Året 2022 har inte börjat; planen gäller från den 1 januari 2022." in read(
        tmp_path / "s" / "ar" / "2022.html").text
    assert "Uppgifterna gäller den 30 juni 2021." in read(tmp_path / "s" / "index.html").text


def test_english_with_the_plans_swedish_text_marked_as_swedish(cli, plans, tmp_path):
    result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "en", "--lang", "en",
                 today=TODAY)
    assert result.exit_code == 0, result.output
    assert "Wrote the website to" in result.stdout
    index = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    page = Page(index)
    assert ("html", {"lang": "en"}) in page.tags
    assert "The figures are as of 1 April 2022." in page.text
    assert '<a href="lofte/trygghetsvandringar.html"><span lang="sv">Trygghetsvandringar</span></a>' in index
    data = json.loads((tmp_path / "en" / "data.json").read_text(encoding="utf-8"))
    assert data["language"] == "en"
    assert (tmp_path / "en" / "data.csv").read_text(encoding="utf-8-sig").startswith("kind;year;id")


# --- only what is public ----------------------------------------------------------------


def public_and_private(plans: list[dict]) -> tuple[set[str], set[str], set[str]]:
    """Every string of the plan files that may be published, every one that may not, and
    the places that may (their pledge says `show_places: true`)."""
    public: set[str] = set()
    private: set[str] = set()
    shown_places: set[str] = set()

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for plan in plans:
        public.update(strings({k: v for k, v in plan.items() if k != "activities"}))
        places_ok = {p["id"] for p in plan["pledges"] if (p.get("public") or {}).get("show_places")}
        required = {r["tag"] for p in plan["pledges"] if p.get("target")
                    for r in p["target"].get("requirements") or []}
        for activity in plan.get("activities") or []:
            public.add(activity["pledge"])
            for key, value in activity.items():
                if key == "place" and activity["pledge"] in places_ok:
                    shown_places.add(value)
                elif key in ("note", "place", "id"):
                    private.add(value)
                elif key == "tags":
                    private.update(t for t in value if t not in required)
    return public, private - public - shown_places, shown_places


def test_no_string_of_the_plans_that_is_not_public_appears_anywhere_in_the_output(site):
    public, private, shown = public_and_private(fixture_plans())
    assert len(private) > 20 and shown  # the fixture has what this test looks for
    clash = {s for s in private if any(s.casefold() in p.casefold() for p in public)}
    assert not clash, f"the fixture's private strings stand in its public text: {clash}"
    files = {p: p.read_text(encoding="utf-8-sig") for p in site.rglob("*") if p.is_file()}
    assert len(files) > 10
    for text in private:
        for form in {text, escape(text), escape(text, quote=False),
                     json.dumps(text, ensure_ascii=False)[1:-1]}:
            found = [str(p.relative_to(site)) for p, content in files.items()
                     if form.casefold() in content.casefold()]
            assert not found, f"not public, but published: {text!r} in {found}"
    every = "\n".join(files.values())
    assert all(place in every for place in shown)


def test_who_did_an_activity_is_never_published(cli, plans, tmp_path):
    # every pledge is the municipality's or joint, and every activity done by the police:
    # the word "polis" would only come from the activities' `by`
    for path in plans.glob("20*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"by: \w+", "by: polis", text).replace("owner: polis", "owner: kommun")
        path.write_text(text, encoding="utf-8")
    result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "s", today=TODAY)
    assert result.exit_code == 0, result.output
    for path in (tmp_path / "s").rglob("*"):
        if path.is_file() and path.name != "om-datat.html":  # (it lists the owner values)
            assert not re.search(r"\bpolis\b", path.read_text(encoding="utf-8-sig"),
                                 re.IGNORECASE), path.name


@pytest.mark.parametrize("where", ["plans/2021.yaml", "est/omraden.yaml", "data/befolkning.yaml"])
def test_an_identity_number_in_any_file_stops_the_publishing(cli, plans, tmp_path, where):
    site = tmp_path / "site"
    assert cli("publish", "--plans-dir", plans, "--output", site, today=TODAY).exit_code == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    path = tmp_path / where
    path.parent.mkdir(exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else "kind: x\n"
    path.write_text(old + f"# samtal med {VALID_PNR}\n", encoding="utf-8")
    result = cli("publish", "--plans-dir", plans, "--output", site, today=TODAY)
    assert result.exit_code == 1
    assert f"{path}:" in result.stderr and "811218-****" in result.stderr
    assert "Inget publicerades." in result.stderr and VALID_PNR not in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_the_plan_marks_what_is_public_and_a_typo_there_is_an_error(cli, plans):
    path = plans / "2022.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      show_places: true", "      show_place: ja"),
                    encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "okänd nyckel 'show_place'; menade du 'show_places'?" in result.stdout
    path.write_text(text.replace("      show_places: true", "      show_places: ja"),
                    encoding="utf-8")
    assert "'show_places' ska vara true eller false" in cli("validate", path).stdout


# --- the open data ----------------------------------------------------------------------


def test_data_json_holds_the_figures_of_every_pledge_year_goal_and_agreement_goal(site):
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2022-04-01" and data["language"] == "sv"
    assert data["agreement"]["first_year"] == 2021
    rows = {(p["year"], p["id"]): p for p in data["pledges"]}
    assert len(rows) == sum(len(plan["pledges"]) for plan in fixture_plans())
    walks = rows[(2021, "trygghetsvandringar")]
    assert (walks["target"], walks["done"], walks["status"]) == (5, 2, "missed")
    assert walks["requirements"] == [{"tag": "centrum", "target": 1, "done": 1, "met": True}]
    assert "places" not in walks
    assert rows[(2022, "grannsamverkan")]["places"] == ["Villaområdet Degerbäcken"]
    assert rows[(2021, "lob-vittnesforhor")]["target"] is None
    goal = next(g for g in data["goals"] if g["id"] == "alkohol-ak9")
    assert goal["baseline"]["value"] == 20.0
    assert [m["value"] for m in goal["measurements"]] == [17.5, 21.0]
    assert goal["status"] == "worsened"
    agreement = {g["id"]: g for g in data["agreement_goals"]}
    # grannsamverkan: 3 distinct places over 2021–2022, 4 promised over the agreement
    assert (agreement["nya-grannsamverkansomraden"]["target"],
            agreement["nya-grannsamverkansomraden"]["done"]) == (4, 3)
    # EST areas are counted from est/, which this folder does not have: no figure, not 0
    assert (agreement["est-omraden"]["done"], agreement["est-omraden"]["status"]) == (
        None, "no_data")


def test_data_csv_is_for_swedish_spreadsheets(site):
    raw = (site / "data.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["typ", "år", "id", "titel"]
    assert all(len(r) == len(rows[0]) for r in rows)
    by_kind: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_kind.setdefault(row[0], []).append(row)
    assert len(by_kind["löfte"]) == sum(len(plan["pledges"]) for plan in fixture_plans())
    header = rows[0]
    measured = [r for r in by_kind["mål"] if r[2] == "alkohol-ak9"]
    assert [r[header.index("värde")] for r in measured] == ["17,5", "21"]  # decimal comma
    assert [r[header.index("utlovat")] for r in by_kind["avtalsmål"]] == ["4", "3"]


def test_the_about_page_documents_every_column_and_field(site):
    page = read(site / "om-datat.html")
    header = (site / "data.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    columns = [r[0] for r in page.table("Kolumnerna i data.csv")["rows"][1:]]
    assert columns == header
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    fields = {r[0] for r in page.table("Fälten i data.json")["rows"][1:]}
    assert set(data) - {"pledges", "goals", "agreement_goals"} <= fields
    for section in ("pledges", "goals", "agreement_goals"):
        keys = {k for row in data[section] for k in row}
        assert {f"{section}[].{k}" for k in keys} <= fields, section


# --- valid, structured HTML -------------------------------------------------------------


def test_every_page_is_valid_html_with_headings_in_order_and_tables_with_headers(site):
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
        page = Page(text)
        levels = [int(tag[1]) for tag, _ in page.headings]
        assert levels[0] == 1 and levels.count(1) == 1, path.name
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path.name, levels)
        assert len(page.ids) == len(set(page.ids)), path.name
        landmarks = {tag for tag, _ in page.tags} & {"header", "nav", "main", "footer"}
        assert landmarks == {"header", "nav", "main", "footer"}, path.name
        assert page.tags[[t for t, _ in page.tags].index("body") + 1] == (
            "a", {"class": "skip", "href": "#innehall"})
        for table in page.tables:
            assert table["caption"] and table["thead_th"], (path.name, table)
        for svg in page.svgs:
            attrs = svg["attrs"]
            assert attrs.get("aria-hidden") == "true" or (svg["title"] and svg["desc"]), path.name


# --- writing the folder -----------------------------------------------------------------


def test_a_new_run_replaces_the_site_and_a_failed_one_leaves_it_whole(cli, plans, site):
    (plans / "2022.yaml").write_text((plans / "2022.yaml").read_text(encoding="utf-8").replace(
        "title: Trygghetsvandringar", "title: Trygghetsvandringar i kvarteren"), encoding="utf-8")
    stale = site / "lofte" / "borttaget.html"
    stale.write_text("gammalt", encoding="utf-8")
    assert cli("publish", "--plans-dir", plans, "--output", site, today=TODAY).exit_code == 0
    assert "Trygghetsvandringar i kvarteren" in (site / "index.html").read_text(encoding="utf-8")
    assert not stale.exists()
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (plans / "2022.yaml").write_text("year: 2022\npledges: [\n", encoding="utf-8")
    result = cli("publish", "--plans-dir", plans, "--output", site, today=TODAY)
    assert result.exit_code == 1 and "2022.yaml:" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site.")) in (
        [], [".site.lock"])


def test_a_folder_with_other_content_is_never_replaced(cli, plans, tmp_path):
    mine = tmp_path / "mitt"
    mine.mkdir()
    (mine / "viktigt.txt").write_text("behåll", encoding="utf-8")
    result = cli("publish", "--plans-dir", plans, "--output", mine, today=TODAY)
    assert result.exit_code == 2
    assert "innehåller annat än en webbplats från samverkan publish" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["viktigt.txt"]
    result = cli("publish", "--plans-dir", plans, "--output", plans, today=TODAY)
    assert result.exit_code == 2 and (plans / "2021.yaml").is_file()
    result = cli("publish", "--plans-dir", plans, "--output", mine / "viktigt.txt", today=TODAY)
    assert result.exit_code == 2 and "är en fil" in result.stderr
    result = cli("publish", "--plans-dir", plans, "--output", tmp_path / "finns-inte" / "s",
                 today=TODAY)
    assert result.exit_code == 2 and "finns inte" in result.stderr
    empty = tmp_path / "tom"
    empty.mkdir()
    assert cli("publish", "--plans-dir", plans, "--output", empty, today=TODAY).exit_code == 0
    assert (empty / "index.html").is_file()


def test_the_site_is_readable_by_the_web_server(site):
    for path in [site, *site.rglob("*")]:
        mode = path.stat().st_mode
        assert mode & 0o004, f"{path} is not readable by others"
        if path.is_dir():
            assert mode & 0o001
