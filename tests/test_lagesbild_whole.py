"""The whole joint situation picture, and the statistics rows behind it (issues 14 and 19).

Every test writes its own base data, plans and EST files into tmp_path (never the
repository's `data/`, `plans/`, `est/`) and goes through the CLI; the figures it expects
are computed here from what it wrote, not copied from the output.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from samverkan.stats.series import MARKDOWN_TEXTS

TODAY = "2022-02-15"
NB = "\u00a0"


# --- the workspace: base data, a plan, EST ---------------------------------------------------


def yaml_value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_series(data: Path, series_id: str, values: list[dict], *, unit: str = "%",
                 frequency: str = "year", title: str | None = None,
                 label: str | None = None, goal: str | None = None) -> Path:
    """A series file as the group writes it: every value with its sentence."""
    lines = [f"id: {series_id}", f"title: {yaml_value(title or series_id)}",
             f"unit: {yaml_value(unit)}", 'source: "Testets underlag."',
             f"frequency: {frequency}"]
    if label:
        lines.append(f"label: {yaml_value(label)}")
    if goal:
        lines.append(f"goal: {goal}")
    if values:
        lines.append("values:")
        for v in values:
            item = {"source_text": "Meningen i underlaget.", **v}
            lines.append("  - {" + ", ".join(f"{k}: {yaml_value(x)}" for k, x in item.items())
                         + "}")
    else:
        lines.append("values: []")
    data.mkdir(parents=True, exist_ok=True)
    path = data / f"{series_id}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PLAN = """\
    year: {year}
    language: sv
    focus_areas:
      - id: brottsforebyggande-metoder
        title: Brottsförebyggande metoder
        goals:
          - id: est-omraden
            title: Implementera EST i 3–4 områden
            indicator: Antal områden där EST har implementerats, områden
            direction: increase
            baseline: null
    pledges:
      - id: riskkvallar
        title: Uppsökande arbete på riskkvällar
        focus_area: brottsforebyggande-metoder
        owner: gemensamt
        target: {{min: 10, unit: kvällar, counting: sum}}
    activities:
"""

AGREEMENT = """\
    title: Samverkansavtal 2021–2025
    language: sv
    first_year: 2021
    last_year: 2025
    goals:
      - id: est-omraden
        title: Implementera EST i 3–4 områden
        min: 3
        unit: områden
        count:
          source: est
"""

EST_AREAS = """\
    kind: est-omraden
    language: sv
    min_report_weeks: {weeks}
    areas:
      - {{id: centrum, name: Centrum, start_year: 2021, reporters: []}}
      - {{id: moron, name: Morön, start_year: 2021, reporters: []}}
      - {{id: anderstorp, name: Anderstorp, start_year: 2021, reporters: []}}
    categories:
      - {{id: klotter, title: Klotter}}
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repository folder with `plans/2021.yaml`, as the current folder."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2021.yaml").write_text(textwrap.dedent(PLAN.format(year=2021)),
                                                  encoding="utf-8")
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    return tmp_path


def document(cli, year: int = 2021, today: str = TODAY, *args: str) -> str:
    result = cli("lagesbild", "--year", str(year), "--format", "markdown", *args, today=today)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, title: str) -> str:
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def subsection(text: str, title: str) -> str:
    return text.split(f"\n### {title}\n", 1)[1].split("\n##", 1)[0]


def sv(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def shown(value: float) -> str:
    """A figure as the document writes it: whole numbers without decimals."""
    return str(int(value)) if float(value).is_integer() else sv(value)


# --- issue 14 item 5: the whole lägesbild, section by section -----------------------------

# (title in the document, its text file or None) in the source's order
SECTIONS = [
    ("Inledning", "inledning"),
    ("Samverkansavtalet och organisationen", "samverkansavtal"),
    ("Övrig förekommande samverkan", "ovrig-samverkan"),
    ("Lokal lägesbild", None),
    ("Brottsutveckling", None),
    ("Trygghet", "trygghetsundersokningar"),
    ("Brott som kan antas skapa otrygghet", None),
    ("Medborgardialog", None),
    ("Årliga återkommande evenemang", "evenemang"),
    ("Förebyggargrupper", "forebyggargrupper"),
    ("Geografiska och demografiska förutsättningar", "forutsattningar"),
    ("Analys och slutsatser", "analys"),
    ("Fokusområden och mål", None),
    ("Uppföljning och utvärdering", "uppfoljning"),
    ("Bilaga 1 Medborgarlöften", None),
]


def test_every_section_of_the_source_comes_in_its_order_from_its_text_or_data(home, cli):
    assert sorted(MARKDOWN_TEXTS) == sorted(name for _, name in SECTIONS if name)
    for _, name in SECTIONS:
        if name:
            (home / "data" / f"{name}.md").write_text(
                f"<!-- vad som ska stå här -->\nGruppens text om {name}.\n", encoding="utf-8")
    write_series(home / "data", "forebyggargrupper", [{"period": 2020, "value": 19}],
                 unit="grupper", title="Förebyggargrupper i kommunen")
    population = {2016: 72266, 2020: 72904}
    write_series(home / "data", "befolkning",
                 [{"period": y, "value": v} for y, v in population.items()],
                 unit="invånare", title="Folkmängd", label="Folkmängd")
    text = document(cli)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[:len(SECTIONS)] == [title for title, _ in SECTIONS]
    for title, name in SECTIONS:
        if name:
            body = section(text, title)
            assert f"Gruppens text om {name}." in body, title
            assert "vad som ska stå här" not in body
    groups = section(text, "Förebyggargrupper")
    assert "Förebyggargrupper i kommunen: 19 grupper (2020). Källa: forebyggargrupper 2020." \
        in groups
    assert groups.index("19 grupper") < groups.index("Gruppens text om forebyggargrupper.")
    conditions = section(text, "Geografiska och demografiska förutsättningar")
    for year, people in population.items():
        assert f"| {year} | {people // 1000}{NB}{people % 1000:03d} | befolkning {year} |" \
            in conditions
    events = section(text, "Årliga återkommande evenemang")
    assert "Uppsökande arbete på riskkvällar 2021: minst 10 → 0 genomförda (kvällar)" in events


def test_a_section_without_its_text_or_data_says_what_to_add(home, cli):
    text = document(cli)
    for title, name in SECTIONS:
        if name and name != "trygghetsundersokningar":
            body = section(text, title)
            assert (f"Texten saknas. Beredningsgruppen skriver den i data/{name}.md (Markdown). "
                    "Där ") in body, title
    surveys = subsection(text, "Trygghetsundersökningar")
    assert "Texten saknas. Beredningsgruppen skriver den i data/trygghetsundersokningar.md" \
        in surveys
    assert "hur samverkan är organiserad: styrgruppen, beredningsgruppen och arbetsgrupperna" \
        in section(text, "Samverkansavtalet och organisationen")
    groups = section(text, "Förebyggargrupper")
    assert "Serien forebyggargrupper finns inte (data/forebyggargrupper.yaml saknas)." in groups
    comparisons = subsection(text, "Öppna jämförelser – Trygghet och säkerhet (SKR och MSB)")
    assert "Grunddata har inga siffror ur Öppna jämförelser." in comparisons
    assert "data/oppna-jamforelser-trygghet.yaml" in comparisons
    checklist = section(text, "Att läsa in inför nästa uppdatering")
    assert "- `samverkan data import FIL --series forebyggargrupper` – filen finns inte" \
        in checklist


def test_the_safety_surveys_of_skr_and_msb_stand_beside_ntu(home, cli):
    write_series(home / "data", "ntu-otrygghet-kvall",
                 [{"period": "2017–2018", "category": "Kommunen", "value": 16},
                  {"period": "2017–2018", "category": "Riket", "value": 28}])
    shares = {"Kommunen": 71.5, "Riket": 68.0}
    write_series(home / "data", "oppna-jamforelser-trygghet",
                 [{"period": 2021, "category": c, "value": v} for c, v in shares.items()],
                 title="Andel trygga (Öppna jämförelser)")
    safety = section(document(cli), "Trygghet")
    assert safety.index("### Nationella trygghetsundersökningen (NTU)") < safety.index(
        "### Öppna jämförelser – Trygghet och säkerhet (SKR och MSB)")
    comparisons = subsection(safety, "Öppna jämförelser – Trygghet och säkerhet (SKR och MSB)")
    assert "*Andel trygga (Öppna jämförelser), %*" in comparisons
    row = " | ".join(shown(v) for v in shares.values())
    assert f"| 2021 | {row} | oppna-jamforelser-trygghet 2021 |" in comparisons
    assert "| 2017–2018 | 16 | 28 |" in subsection(safety, "Nationella trygghetsundersökningen (NTU)")


def test_the_dialogues_ages_are_shown_where_the_source_gives_them(home, cli):
    write_series(home / "data", "medborgardialog-svarande",
                 [{"period": 2020, "category": "totalt", "value": 213}], unit="svarande")
    ages = {"yngst": 16, "äldst": 80, "snittålder": 40.7}
    write_series(home / "data", "medborgardialog-alder",
                 [{"period": 2020, "category": c, "value": v} for c, v in ages.items()],
                 unit="år", title="Svarandenas ålder")
    dialogue = section(document(cli), "Medborgardialog")
    values = ", ".join(f"{c} {shown(v)} år" for c, v in ages.items())
    assert f"Svarandenas ålder 2020: {values}. Källa: medborgardialog-alder 2020." in dialogue


def test_a_year_without_a_plan_says_so_in_one_calm_sentence(home, cli):
    text = document(cli, 2023, "2023-03-01")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert "Bilaga 1 Medborgarlöften" not in headings
    assert [h for h in headings if h in dict(SECTIONS)] == [
        title for title, _ in SECTIONS if title != "Bilaga 1 Medborgarlöften"]
    focus = section(text, "Fokusområden och mål").strip()
    assert focus == ("Fokusområdena, målen och medborgarlöftena för 2023 hämtas ur "
                     "åtagandeplanen plans/2023.yaml, som inte finns ännu.")
    assert "Planer finns för" not in text and "--year" not in text
    assert "Texten saknas. Beredningsgruppen skriver den i data/uppfoljning.md" in section(
        text, "Uppföljning och utvärdering")


def test_validate_checks_every_text_of_the_lagesbild_for_identity_numbers(home, cli):
    number = "811218-9876"  # the tax agency's example, with a valid control digit
    (home / "data" / "forebyggargrupper.md").write_text(
        f"Förebyggargrupperna 2021.\n\nSamtal med {number} om läget.\n", encoding="utf-8")
    result = cli("validate", today=TODAY)
    assert result.exit_code == 1
    assert "data/forebyggargrupper.md:3:12: error: personnummer" in result.output
    refused = cli("lagesbild", "--year", "2021", "--format", "markdown", today=TODAY)
    assert refused.exit_code == 1 and number not in refused.stdout


# --- issue 14 item 7: where the source contradicts itself -----------------------------------


def dialogue_data(data: Path, stated: float, total: int = 213, chose: int = 189) -> str:
    category = "Alternativ 1: minska ungdomars användande av alkohol och narkotika"
    write_series(data, "medborgardialog-svarande",
                 [{"period": 2020, "category": "totalt", "value": total}], unit="svarande")
    write_series(data, "medborgardialog-val",
                 [{"period": 2020, "category": category, "value": chose}], unit="svarande")
    write_series(data, "medborgardialog-andel",
                 [{"period": 2020, "category": category, "value": stated,
                   "source_text": f"Av de tillfrågade svarade {sv(stated, 0)} % att de ville vi "
                                  "skulle prioritera detta förslag."}])
    (data / "analys.md").write_text(
        f"> Av de tillfrågade svarade {sv(stated, 0)} % att de ville vi skulle prioritera "
        "detta förslag.\n", encoding="utf-8")
    return category


def test_the_stated_share_and_the_counted_share_are_both_shown_with_a_note(home, cli):
    category = dialogue_data(home / "data", 80)
    share = sv(189 / 213 * 100)
    text = document(cli)
    dialogue = section(text, "Medborgardialog")
    assert f"| {category} | 189 | {share} |" in dialogue
    assert (f"**Underlaget säger emot sig självt.** Det anger på ett ställe 80 % för »{category}« "
            "(»Av de tillfrågade svarade 80 % att de ville vi skulle prioritera detta förslag.«), "
            f"men 189 av 213 svarande är {share} %.") in dialogue
    analysis = section(text, "Analys och slutsatser")
    assert f"**Obs!** Texten ovan anger 80 % för »{category}«, men i medborgardialogen valde " \
        f"189 av 213 svarande det, dvs. {share} %" in analysis


def test_a_stated_share_that_agrees_within_its_rounding_gets_no_note(home, cli):
    dialogue_data(home / "data", round(189 / 213 * 100))  # 89 %: the counts, rounded
    text = document(cli)
    assert "säger emot sig självt" not in text and "**Obs!**" not in text


# --- issue 19 item 6: two-dimensional statistics tables ------------------------------------

WOMEN = {2019: 35_904, 2020: 36_100}
MEN = {2019: 36_596, 2020: 36_804}


def region_by_gender(path: Path) -> None:
    """SCB's table of the population by region and gender, years across the header row."""
    def row(region: str, gender: str, values: dict[int, int]) -> str:
        cells = ";".join(f"{v // 1000} {v % 1000:03d}" for v in values.values())
        return f'"{region}";"{gender}";{cells}'

    total = {y: WOMEN[y] + MEN[y] for y in WOMEN}
    lines = ['"Folkmängden efter region, kön och år"', "",
             '"region";"kön";' + ";".join(f'"{y}"' for y in WOMEN),
             row("2480 Umeå", "totalt", {y: 2 * v for y, v in total.items()}),
             row("2482 Skellefteå", "kvinnor", WOMEN), row("2482 Skellefteå", "män", MEN),
             row("2482 Skellefteå", "totalt", total)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def imported(path: Path) -> dict[str, float]:
    from samverkan.stats.series import load_series

    loaded = load_series(path)
    assert loaded.ok, [p.format() for p in loaded.problems]
    return {v.period: v.value for v in loaded.plan.values}


@pytest.mark.parametrize("rows", [["Skellefteå", "totalt"], ["totalt", "skellefteå"],
                                  ["2482 Skellefteå totalt"]])
def test_a_region_by_gender_row_is_chosen_with_row_given_twice_or_in_full(home, cli, rows):
    region_by_gender(home / "folk.csv")
    series = write_series(home / "data", "befolkning", [], unit="invånare")
    args = [a for r in rows for a in ("--row", r)]
    result = cli("data", "import", "folk.csv", "--series", "befolkning", *args, today=TODAY)
    assert result.exit_code == 0, result.output
    assert imported(series) == {str(y): WOMEN[y] + MEN[y] for y in WOMEN}


def test_an_ambiguous_row_lists_the_rows_and_the_full_label_is_accepted(home, cli):
    region_by_gender(home / "folk.csv")
    series = write_series(home / "data", "befolkning", [], unit="invånare")
    before = series.read_bytes()
    one = cli("data", "import", "folk.csv", "--series", "befolkning", "--row", "Skellefteå",
              today=TODAY)
    assert one.exit_code == 1
    labels = [f"2482 Skellefteå {g}" for g in ("kvinnor", "män", "totalt")]
    assert f"{len(labels)} rader passar ({', '.join(labels)}); ange ett --row TEXT till" \
        in one.output
    totals = cli("data", "import", "folk.csv", "--series", "befolkning", "--row", "totalt",
                 today=TODAY)
    assert totals.exit_code == 1
    assert "2 rader passar (2480 Umeå totalt, 2482 Skellefteå totalt)" in totals.output
    none = cli("data", "import", "folk.csv", "--series", "befolkning", "--row", "Skellefteå",
               "--row", "barn", today=TODAY)
    assert none.exit_code == 1
    assert "ingen rad innehåller alla av 'Skellefteå', 'barn'" in none.output
    assert series.read_bytes() == before  # nothing written
    full = cli("data", "import", "folk.csv", "--series", "befolkning", "--row", labels[-1],
               today=TODAY)
    assert full.exit_code == 0, full.output
    assert imported(series) == {str(y): WOMEN[y] + MEN[y] for y in WOMEN}


def test_an_exact_label_wins_over_labels_that_contain_it(home, cli):
    figures = {"Skellefteå": 812, "Skellefteå-Norsjö": 901}
    lines = ['"Region";"Månad";"Antal"'] + [f'"{r}";"2021M03";"{n}"' for r, n in figures.items()]
    (home / "brott.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    series = write_series(home / "data", "brott-totalt", [], unit="anmälda brott",
                          frequency="month")
    result = cli("data", "import", "brott.csv", "--series", "brott-totalt", "--row",
                 "skellefteå", today=TODAY)
    assert result.exit_code == 0, result.output
    assert imported(series) == {"2021-03": figures["Skellefteå"]}


# --- issue 19 item 7: small untruths in the lägesbild ------------------------------------------


def monthly_export(counts: dict[tuple[int, int], int | None]) -> str:
    lines = ['"Anmälda brott"', "", '"Region";"Månad";"Antal"']
    for (year, month), n in sorted(counts.items()):
        lines.append(f'"Skellefteå";"{year}M{month:02d}";"{".." if n is None else n}"')
    return "\n".join(lines) + "\n"


def test_a_missing_month_is_named_in_the_change_line_and_in_the_checklist(home, cli):
    data = home / "data"
    gap = (2020, 5)
    months = [(y, m) for y in (2019, 2020, 2021) for m in range(1, 13) if (y, m) <= (2021, 9)]
    theft = {ym: None if ym == gap else 300 + ym[1] for ym in months}
    violence = {ym: 40 + ym[1] + (3 if ym[0] == 2021 else 0) for ym in months}
    for sid, counts, label in (("brott-tillgrepp", theft, "Tillgrepp"),
                               ("brott-vald", violence, "Våld")):
        write_series(data, sid, [], unit="anmälda brott", frequency="month", label=label)
        (home / f"{sid}.csv").write_text(monthly_export(counts), encoding="utf-8")
        result = cli("data", "import", f"{sid}.csv", "--series", sid, today=TODAY)
        assert result.exit_code == 0, result.output
    people = {2020: 72904, 2021: 73000}
    write_series(data, "befolkning", [{"period": y, "value": v} for y, v in people.items()],
                 unit="invånare")
    text = document(cli)
    crime = section(text, "Brottsutveckling")
    missing = f"{gap[0]}-{gap[1]:02d}"
    assert (f"Tillgrepp, januari–september 2021 mot 2020: kan inte beräknas, eftersom "
            f"brott-tillgrepp {missing} saknas i grunddata") in crime
    assert "förrän båda åren finns" not in crime
    assert f"Serien brott-tillgrepp (brott-tillgrepp) saknar värden för {missing}." in crime
    checklist = section(text, "Att läsa in inför nästa uppdatering")
    assert f"- `samverkan data import FIL --series brott-tillgrepp` – saknar {missing}" \
        in checklist
    assert "brott-vald" not in checklist
    ytd = {y: sum(violence[(y, m)] for m in range(1, 10)) for y in (2020, 2021)}
    diff = ytd[2021] - ytd[2020]
    assert (f"Våld, januari–september 2021 mot 2020: +{diff} brott "
            f"(+{sv(diff / ytd[2020] * 100)} %)") in crime


@pytest.mark.parametrize(("lang", "mark"), [("sv", ","), ("en", ".")])
def test_a_conflict_shows_the_figures_as_the_csv_wrote_them(home, cli, lang, mark):
    written, exported = 19.5, 21.25
    series = write_series(home / "data", "andts-alkohol-ak9", [{"period": 2020, "value": written}])
    before = series.read_bytes()
    (home / "andts.csv").write_text(f"År;Andel\n2020;{str(exported).replace('.', ',')}\n",
                                    encoding="utf-8")
    result = cli("data", "import", "andts.csv", "--series", "andts-alkohol-ak9", "--lang", lang,
                 today=TODAY)
    assert result.exit_code == 1
    old, new = (str(v).replace(".", mark) for v in (written, exported))
    expected = (f"har värdet {old} här, men importen (rad 2) säger {new}" if lang == "sv" else
                f"has the value {old} here, but the import (line 2) says {new}")
    assert expected in result.output
    assert series.read_bytes() == before


def test_the_est_goal_has_the_figure_of_status_agreement(home, cli):
    min_weeks = 2
    (home / "plans" / "agreement.yaml").write_text(textwrap.dedent(AGREEMENT), encoding="utf-8")
    est = home / "est"
    est.mkdir()
    (est / "omraden.yaml").write_text(textwrap.dedent(EST_AREAS.format(weeks=min_weeks)),
                                      encoding="utf-8")
    weeks = {"centrum": ["2021-W10", "2021-W11", "2021-W12"], "moron": ["2021-W10"],
             "anderstorp": ["2021-W20", "2021-W22"]}
    for area, reported in weeks.items():
        for week in reported:
            result = cli("est", "rapport", area, "klotter", "--week", week, "--count", "1",
                         today="2021-06-30")
            assert result.exit_code == 0, result.output
    running = sum(len(set(w)) >= min_weeks for w in weeks.values())
    status = cli("status", "--agreement", "--format", "json", today=TODAY)
    assert status.exit_code == 0, status.output
    goal = next(g for g in json.loads(status.stdout)["goals"] if g["id"] == "est-omraden")
    assert goal["done"] == running
    focus = section(document(cli), "Fokusområden och mål")
    row = next(line for line in focus.splitlines() if line.startswith("| Implementera EST"))
    assert f"hela avtalet per {TODAY}: minst 3 → {running} genomförda (områden)" in row
    assert "saknar data" not in row
    assert "räknat ur EST-rapporterna i est/, som i samverkan status --agreement" in row


def test_without_est_reports_the_goal_reads_no_data_in_both(home, cli):
    (home / "plans" / "agreement.yaml").write_text(textwrap.dedent(AGREEMENT), encoding="utf-8")
    status = cli("status", "--agreement", "--format", "json", today=TODAY)
    goal = next(g for g in json.loads(status.stdout)["goals"] if g["id"] == "est-omraden")
    assert (goal["done"], goal["status"]) == (None, "no_data")
    focus = section(document(cli), "Fokusområden och mål")
    row = next(line for line in focus.splitlines() if line.startswith("| Implementera EST"))
    assert "hela avtalet per 2022-02-15: saknar data" in row


def test_a_change_against_a_range_is_shown_as_a_range(home, cli):
    low, high, now = 3, 4, 5
    write_series(home / "data", "andts-narkotika-ak9",
                 [{"period": 2020, "low": low, "high": high}, {"period": 2021, "value": now}],
                 label="Narkotika åk 9")
    safety = section(document(cli), "Trygghet")
    assert (f"Narkotika åk 9, 2021 mot 2020: +{now - high} till +{now - low} procentenheter "
            f"({now} % mot {low}–{high} %). Härlett ur andts-narkotika-ak9 2021; "
            "andts-narkotika-ak9 2020.") in safety
