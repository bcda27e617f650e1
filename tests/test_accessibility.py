"""Every HTML page the tool writes, checked in a real browser: axe-core finds no violation
of WCAG 2.1 A and AA in headless Chromium, the website fits a 320 px wide window (which is
also 1280 px at 400 % zoom) without sideways scrolling, the skip link works with the
keyboard, and no page asks for anything outside its folder.

Skipped, with the reason, where Chromium or axe-core is missing; see tests/browser_check.py
and `.ci/setup-browser`. The pages are made from tests/fixtures/publish, never from the
repository's live plans/.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from browser_check import browser  # noqa: F401 (the fixture)
from typer.testing import CliRunner

from samverkan.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "publish"
TODAY = "2022-04-01"


def run(*args: object, today: str = TODAY) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"SAMVERKAN_TODAY": today})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The websites (Swedish and English) and the other HTML outputs, in one folder."""
    root = tmp_path_factory.mktemp("outputs")
    plans = root / "plans"
    shutil.copytree(FIXTURES / "plans", plans)
    run("publish", "--plans-dir", plans, "--output", root / "site")
    run("publish", "--plans-dir", plans, "--output", root / "site-en", "--lang", "en")
    run("report", "--plans-dir", plans, "--year", "2021", "--output", root / "rapport.html")
    run("report", "--plans-dir", plans, "--agreement", "--output", root / "avtalet.html")
    data = root / "data"
    data.mkdir()
    for name, text in SERIES.items():
        (data / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    run("lagesbild", "--year", "2021", "--plans-dir", plans, "--data-dir", data,
        "--output", root / "lagesbild.html")
    est = root / "est"
    est.mkdir()
    for name, text in EST.items():
        (est / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    run("est", "lagesbild", "--period", "2021-03", "--format", "html", "--est-dir", est,
        "--output", root / "est-lagesbild.html", today="2021-06-30")
    run("est", "lagesbild", "--period", "2021", "--format", "html", "--est-dir", est,
        "--output", root / "est-lagesbild-ar.html", today="2022-01-10")
    for name, text in GROUPS.items():
        (est / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    run("est", "grupp", "oversikt", "--period", "2021Q1", "--format", "html", "--est-dir", est,
        "--output", root / "fris-oversikt.html", today="2021-04-15")
    run("est", "grupp", "lagesbild", "kage", "--period", "2021-03", "--format", "html",
        "--est-dir", est, "--output", root / "grupp-lagesbild.html", today="2021-04-15")
    return root


def site_pages(made: Path) -> list[Path]:
    pages = sorted([*(made / "site").rglob("*.html"), *(made / "site-en").rglob("*.html")])
    assert len(pages) >= 2 * 12
    return pages


def test_every_page_of_the_website_passes_axe(browser, made):  # noqa: F811
    failed = []
    for page in site_pages(made):  # 1280 px; and 320 px, as on a phone or zoomed 400 %
        for width in (1280, 320) if page.is_relative_to(made / "site") else (1280,):
            found = browser.axe(page, width)
            failed += [f"{page.relative_to(made)} at {width} px: {v}" for v in found]
    assert not failed, "axe-core finds:\n" + "\n".join(failed)


def test_the_website_fits_320_px_and_asks_for_nothing_outside_its_folder(browser, made):  # noqa: F811
    wide = {}
    for path in site_pages(made):
        page = browser.open(path, width=320)
        try:
            assert not page.outside, f"{path.name} requested {page.outside}"
            # style.css found (a chart's `<svg>` carries its own stylesheet, scoped to it)
            assert page.evaluate("""() => [...document.styleSheets]
                .filter(s => s.href && s.href.endsWith('/style.css')).length""") == 1
            extra = browser.overflow(page)
            scrolling = page.evaluate("""() => [...document.querySelectorAll('*')]
                .filter(e => e.scrollWidth > e.clientWidth + 1
                        && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
                .map(e => e.className || e.tagName)""")
        finally:
            page.close()
        if extra > 0 or scrolling:
            wide[str(path.relative_to(made))] = (extra, scrolling)
    assert not wide, f"wider than 320 px (px too wide, what scrolls sideways): {wide}"


def test_the_skip_link_is_first_visible_on_focus_and_leads_to_the_content(browser, made):  # noqa: F811
    page = browser.open(made / "site" / "index.html")
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const a = document.activeElement, r = a.getBoundingClientRect(),
                  s = getComputedStyle(a);
            return {text: a.textContent, top: r.top, bottom: r.bottom,
                    outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
        }""")
        assert focused["text"] == "Hoppa till innehållet"
        assert 0 <= focused["top"] < focused["bottom"] <= 900, "the focused skip link is off screen"
        assert focused["outline"] != "none" and focused["width"] >= 2, "no visible focus"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "innehall"
        page.keyboard.press("Tab")  # the next stop is inside the content, not the menu again
        assert page.evaluate("() => !!document.activeElement.closest('main')")
    finally:
        page.close()


@pytest.mark.parametrize("name", ["rapport.html", "avtalet.html", "lagesbild.html",
                                  "est-lagesbild.html", "est-lagesbild-ar.html",
                                  "fris-oversikt.html", "grupp-lagesbild.html"])
@pytest.mark.parametrize("width", [1280, 320])
def test_the_other_html_outputs_pass_axe(browser, made, name, width):  # noqa: F811
    browser.assert_accessible(made / name, width)


SERIES = {
    "befolkning.yaml": """
        id: befolkning
        title: Folkmängd
        label: Folkmängd
        unit: invånare
        source: "PÅHITTADE testvärden"
        frequency: year
        values:
          - {period: 2020, value: 70000, source_text: "Påhittat testvärde"}
          - {period: 2021, value: 70100, source_text: "Påhittat testvärde"}
    """,
    "brott-totalt.yaml": """
        id: brott-totalt
        title: Anmälda brott totalt
        label: Totalt
        unit: anmälda brott
        source: "PÅHITTADE testvärden"
        frequency: month
        values:
{values}""",
}
MONTHS = "".join(f"          - {{period: {y}-{m:02d}, value: {500 + 7 * m + y % 5}, "
                 f"source_text: Påhittat testvärde}}\n" for y in (2020, 2021) for m in range(1, 13))
SERIES["brott-totalt.yaml"] = SERIES["brott-totalt.yaml"].replace("{values}", MONTHS)

EST = {
    "omraden.yaml": """
        kind: est-omraden
        language: sv
        min_report_weeks: 2
        areas:
          - id: centrum
            name: Centrum
            start_year: 2021
            reporters:
              - {id: polisen, name: Lokalpolisområdet}
              - {id: skolan, name: Skolan}
          - id: moron
            name: Morön
        categories:
          - {id: klotter, title: Klotter}
          - {id: skadegorelse, title: Skadegörelse}
          - {id: nedskrapning, title: Nedskräpning}
    """,
    "observationer-2021.yaml": """
        year: 2021
        observations:
          - {id: b01, area: centrum, category: klotter, week: 2021-W05, count: 1, reporter: polisen}
          - {id: b02, area: centrum, category: skadegorelse, week: 2021-W09, count: 2, reporter: polisen}
          - {id: b03, area: centrum, category: klotter, week: 2021-W10, count: 3, reporter: skolan}
          - {id: b04, area: moron, category: nedskrapning, week: 2021-W11, count: 6}
          - {id: b05, area: moron, category: klotter, week: 2021-W12, count: 5}
    """,
}

GROUPS = {
    "forebyggargrupper.yaml": """
        kind: est-forebyggargrupper
        groups_expected: 19
        reporters:
          - {id: socialforvaltningen, name: Socialförvaltningen}
          - {id: polisen, name: Polisen}
        categories:
          - {id: vald-hot, title: Våld och hot bland unga}
          - {id: krankningar, title: Kränkningar på sociala medier}
          - {id: skolfranvaro, title: Skolfrånvaro}
          - {id: alkohol, title: Alkohol bland unga}
        groups:
          - {id: kage, name: Kåge}
          - {id: norrhammar, name: Norrhammar}
          - {id: byske, name: Byske}
    """,
    "grupplagesbilder-2021.yaml": """
        year: 2021
        pictures:
          - {id: g01, group: kage, period: 2021-01, date: 2021-01-28, counts: {vald-hot: 2, alkohol: 1}, text: Lugnt i stort}
          - {id: g02, group: kage, period: 2021-03, date: 2021-03-25, counts: {vald-hot: 4, krankningar: 3}, text: Fler kränkningar på nätet}
          - {id: g03, group: norrhammar, period: 2021-02, date: 2021-02-20, counts: {skolfranvaro: 5}, text: Frånvaron oroar}
    """,
}
