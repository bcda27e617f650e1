"""Förebyggargrupper: groups as areas, each group's picture, the overview for Fris (issue 18).

Expected figures are computed here from the test's own list of pictures (the ISO rule:
a week belongs to the month and quarter of its Thursday), not copied from the output.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

# --- the scenario: a fresh clone, two groups added by hand, a few months of pictures ----

GROUPS = """\
groups:
  - id: kage
    name: Kåge
    description: Kåge och skolorna där
  - id: norrhammar
    name: Norrhammar
    reporters:
      - {id: norrhammarskolan, name: Norrhammarskolan}
      - {id: polisen, name: Polisen}
"""

# (group, --period or None for a meeting, --date, {category: count}, --text)
PICTURES = [
    ("kage", "2020-01", "2020-01-29", {"vald-hot": 1, "alkohol": 2}, None),
    ("kage", "2020-02", "2020-02-26", {"vald-hot": 2}, None),
    ("kage", "2020-03", "2020-03-25", {"narkotika": 1}, None),
    ("kage", "2020-10", "2020-10-28", {"vald-hot": 1}, None),
    ("kage", "2020-11", "2020-11-25", {"vald-hot": 2, "mobbning-exkludering": 1}, None),
    ("kage", "2020-12", "2020-12-16", {"alkohol": 4}, None),
    ("kage", "2021-01", "2021-01-27", {"vald-hot": 3, "alkohol": 1},
     "Oro för stök vid fritidsgården på fredagskvällar"),
    ("kage", "2021-02", "2021-02-24", {"vald-hot": 4, "mobbning-exkludering": 2}, None),
    ("kage", "2021-03", "2021-03-24", {"vald-hot": 1, "narkotika": 3}, "Lugnare i mars"),
    ("norrhammar", None, "2020-11-18", {"krankningar-sociala-medier": 2}, None),
    ("norrhammar", None, "2021-01-20", {"krankningar-sociala-medier": 5},
     "Kränkningar i klasschattar"),
    ("norrhammar", None, "2021-03-10", {"krankningar-sociala-medier": 1, "alkohol": 2}, None),
]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def quarter_of(period: str | None, date: str) -> tuple[int, int]:
    """The (year, quarter) a picture belongs to: a month's own; a meeting's week's Thursday."""
    if period is not None:
        year, month = map(int, period.split("-"))
        return year, (month - 1) // 3 + 1
    iso_year, week, _ = day(date).isocalendar()
    thursday = dt.date.fromisocalendar(iso_year, week, 4)
    return thursday.year, (thursday.month - 1) // 3 + 1


def expected(group: str, year: int, quarter: int, as_of: str = "2099-01-01") -> dict[str, int]:
    """Counts per category of `group`'s pictures in the quarter, dated by `as_of`."""
    found: dict[str, int] = {}
    for g, period, date, counts, _ in PICTURES:
        if g == group and quarter_of(period, date) == (year, quarter) and day(date) <= day(as_of):
            for category, n in counts.items():
                found[category] = found.get(category, 0) + n
    return found


@pytest.fixture
def grupper(est: Path) -> Path:
    """The shipped `est/` (a fresh clone) with two groups added by hand."""
    path = est / "forebyggargrupper.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\ngroups: []\n") == 1
    path.write_text(text.replace("\ngroups: []\n", "\n" + GROUPS), encoding="utf-8")
    return est


@pytest.fixture
def pictures(cli, grupper: Path, made_once) -> Path:
    made_once("group-pictures", grupper, lambda: record_pictures(cli, grupper))
    return grupper


def record_pictures(cli, grupper: Path) -> None:
    for group, period, date, counts, text in PICTURES:
        args = ["est", "grupp", "rapport", group, "--date", date]
        args += ["--period", period] if period else []
        for category, n in counts.items():
            args += ["--count", f"{category}={n}"]
        args += ["--text", text] if text else []
        result = cli(*args, "--est-dir", grupper, today=date)
        assert result.exit_code == 0, result.output


def as_json(cli, est: Path, command: str, *args: str, today: str = "2021-04-15") -> dict:
    result = cli("est", "grupp", command, *args, "--format", "json", "--est-dir", est,
                 today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def group_of(data: dict, group_id: str) -> dict:
    return next(g for g in data["groups"] if g["id"] == group_id)


def counts_of(group: dict) -> dict[str, int]:
    return {c["id"]: c["count"] for c in group["categories"] if c["count"]}


# --- 1. groups as areas ----------------------------------------------------------------


def test_shipped_file_has_the_structure_and_the_sources_members_but_no_groups(est):
    from samverkan.est.files import load_group_config

    loaded = load_group_config(est)
    assert loaded.ok, [p.format() for p in loaded.problems]
    config = loaded.plan
    assert config.groups == ()                      # the source names none: nothing invented
    assert config.groups_expected == 19             # "Grupperna är 19 till antalet"
    assert [o.name for o in config.reporters] == [  # the source's list of members
        "Utbildnings- och arbetsmarknadsenheten", "Socialförvaltningen",
        "Kultur- och fritidsförvaltningen", "Kyrkan", "Föreningslivet", "Polisen"]
    assert not list(est.glob("grupplagesbilder-*.yaml"))  # no invented pictures
    text = (est / "forebyggargrupper.yaml").read_text(encoding="utf-8")
    assert "Underlaget namnger inte grupperna" in text


def test_a_group_is_an_area_with_its_organisations(cli, grupper):
    from samverkan.est.files import load_groups
    from samverkan.est.model import Area

    data = load_groups(grupper)
    kage, norrhammar = data.config.groups
    assert isinstance(kage, Area) and isinstance(norrhammar, Area)
    assert [o.id for o in data.config.members(kage)] == [o.id for o in data.config.reporters]
    assert [o.id for o in data.config.members(norrhammar)] == ["norrhammarskolan", "polisen"]
    result = cli("est", "grupp", "rapport", "kage", "--period", "2021-03", "--count",
                 "vald-hot=1", "--est-dir", grupper, today="2021-03-24")
    assert result.exit_code == 0, result.output
    picture = as_json(cli, grupper, "lagesbild", "--period", "2021-03")
    assert group_of(picture, "kage")["members"] == [o.id for o in data.config.reporters]
    assert group_of(picture, "norrhammar")["members"] == ["norrhammarskolan", "polisen"]


def test_a_group_that_has_not_started_is_not_missing(cli, grupper):
    path = grupper / "forebyggargrupper.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    name: Kåge\n", "    name: Kåge\n    start: 2021-05-03\n"), encoding="utf-8")
    data = as_json(cli, grupper, "oversikt", "--period", "2021-03")
    assert data["not_reported"] == ["norrhammar"]   # Kåge starts in May


# --- 2. a group's regular picture ---------------------------------------------------


def test_recording_writes_one_line_with_an_id_and_keeps_the_comments(cli, grupper):
    result = cli("est", "grupp", "rapport", "kage", "--date", "2021-03-10", "--count",
                 "alkohol=2", "--count", "vald-hot=1", "--text", "Träff på skolan",
                 "--est-dir", grupper, today="2021-03-12")
    assert result.exit_code == 0, result.output
    path = grupper / "grupplagesbilder-2021.yaml"
    assert f"i {path}." in result.stdout
    assert "Kåge, 2021-W10: 3 observationer" in result.stdout   # a meeting: the week of its day
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Förebyggargruppernas lägesbilder 2021")
    line = text.splitlines()[-1]
    assert re.fullmatch(r'  - \{id: [a-z][a-z0-9]{9}, group: kage, period: 2021-W10, date: '
                        r'2021-03-10, counts: \{vald-hot: 1, alkohol: 2\}, text: Träff på '
                        r'skolan\}', line.replace('"2021-W10"', "2021-W10")), line
    result = cli("validate", path)
    assert result.exit_code == 0, result.output


def test_a_groups_picture_against_the_previous_period_and_last_year(cli, pictures):
    data = as_json(cli, pictures, "lagesbild", "kage", "--period", "2021Q1")
    [kage] = data["groups"]
    now, before, then = expected("kage", 2021, 1), expected("kage", 2020, 4), \
        expected("kage", 2020, 1)
    assert (data["previous"]["id"], data["last_year"]["id"]) == ("2020Q4", "2020Q1")
    assert counts_of(kage) == now
    for c in kage["categories"]:
        assert (c["previous"], c["last_year"]) == (before.get(c["id"], 0), then.get(c["id"], 0))
    assert (kage["total"], kage["previous_total"], kage["last_year_total"]) == (
        sum(now.values()), sum(before.values()), sum(then.values()))
    assert data["columns"] == ["2021-01", "2021-02", "2021-03"]  # a quarter: one per month
    vald = next(c for c in kage["categories"] if c["id"] == "vald-hot")
    months = [sum(counts.get("vald-hot", 0) for g, p, _, counts, _ in PICTURES
                  if g == "kage" and p == f"2021-{m:02d}") for m in (1, 2, 3)]
    assert vald["by_column"] == months

    # Norrhammar met in W03 and W10 of 2021, in W47 of 2020, never in 2020Q1.
    nh = as_json(cli, pictures, "lagesbild", "norrhammar", "--period", "2021Q1")["groups"][0]
    assert counts_of(nh) == expected("norrhammar", 2021, 1)
    assert nh["previous_total"] == sum(expected("norrhammar", 2020, 4).values())
    assert nh["last_year_total"] is None            # no picture then: unknown, not 0
    assert all(c["last_year"] is None for c in nh["categories"])


def test_the_picture_as_table_markdown_and_html(cli, pictures, tmp_path):
    now, before = expected("kage", 2021, 1), expected("kage", 2020, 4)
    then = expected("kage", 2020, 1)
    change = now["vald-hot"] - before["vald-hot"]
    result = cli("est", "grupp", "lagesbild", "kage", "--period", "2021Q1", "--est-dir",
                 pictures, today="2021-04-15")
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[0].startswith("Förebyggargrupp Kåge (kage): lägesbild 2021Q1 (2021-W01–2021-W12")
    assert lines[1].startswith("Jämfört med 2020Q4 (2020-W40–2020-W53")
    assert lines[2].startswith("Samma period i fjol: 2020Q1 (2020-W01–2020-W13")
    row = next(line for line in lines if line.startswith("Våld och hot bland unga "))
    sign = f"+{change} ↑" if change > 0 else (f"−{-change}" if change < 0 else "0")
    ly = now["vald-hot"] - then["vald-hot"]
    assert row.endswith(f" {now['vald-hot']} {before['vald-hot']} {sign} {then['vald-hot']} "
                        f"{'+' if ly > 0 else '−' if ly < 0 else ''}{abs(ly) if ly else 0}")
    assert "Text 2021-01 (2021-01-27): Oro för stök vid fritidsgården på fredagskvällar" in lines
    assert ("Deltar: Utbildnings- och arbetsmarknadsenheten, Socialförvaltningen, Kultur- och "
            "fritidsförvaltningen, Kyrkan, Föreningslivet, Polisen") in lines

    result = cli("est", "grupp", "lagesbild", "norrhammar", "--period", "2021-02", "--format",
                 "markdown", "--est-dir", pictures, today="2021-04-15")
    assert result.stdout.startswith("## Förebyggargrupp Norrhammar (norrhammar): lägesbild "
                                    "2021-02")
    assert "- Ingen lägesbild för perioden." in result.stdout
    assert "| Kränkningar på sociala medier | – | – | – | – | – |" in result.stdout

    out = tmp_path / "kage.html"
    result = cli("est", "grupp", "lagesbild", "kage", "--period", "2021Q1", "--format", "html",
                 "--output", out, "--est-dir", pictures, today="2021-04-15")
    assert result.exit_code == 0, result.output
    page = Page.of(out)
    page.assert_accessible()
    assert "Förebyggargrupp Kåge (kage): lägesbild 2021Q1" in page.text


def test_as_of_a_day_only_pictures_dated_by_then_count(cli, pictures):
    data = as_json(cli, pictures, "lagesbild", "kage", "--period", "2021Q1",
                   "--as-of", "2021-03-01")
    [kage] = data["groups"]
    assert counts_of(kage) == expected("kage", 2021, 1, as_of="2021-03-01")
    assert [p["date"] for p in kage["pictures"]] == ["2021-01-27", "2021-02-24"]


# --- 3. the overview Fris reads --------------------------------------------------------


class Page(HTMLParser):
    """The structure a screen reader and the accessibility check rely on."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.stack: list[tuple[str, dict, list[str]]] = []
        self.cells: list[tuple[str, dict, str]] = []
        self.headings: list[tuple[int, str]] = []

    @classmethod
    def of(cls, path: Path) -> Page:
        page = cls()
        page.source = path.read_text(encoding="utf-8")
        page.feed(page.source)
        return page

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("td", "th", "h1", "h2", "h3", "h4", "caption"):
            self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            name, attrs, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            if name in ("td", "th"):
                self.cells.append((name, attrs, text))
            elif name.startswith("h"):
                self.headings.append((int(name[1]), text))

    def handle_data(self, data):
        self.text_parts.append(data)
        for _, _, parts in self.stack:
            parts.append(data)

    def assert_accessible(self) -> None:
        names = [t for t, _ in self.tags]
        assert ("html", {"lang": "sv"}) in self.tags or ("html", {"lang": "en"}) in self.tags
        assert {"header", "main", "footer"} <= set(names)
        assert not {"script", "link", "img", "iframe"} & set(names)
        assert "http" not in self.source
        levels = [level for level, _ in self.headings]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
        assert names.count("table") == names.count("caption")
        assert all(a.get("scope") in ("col", "row") for t, a, _ in self.cells if t == "th")
        regions = [a for t, a in self.tags if t == "div" and "scroll" in a.get("class", "")]
        assert regions and all(a.get("tabindex") == "0" and a.get("role") == "region"
                               and a.get("aria-label") for a in regions)
        coloured = [(a, text) for t, a, text in self.cells
                    if re.fullmatch(r"h[0-4]|silent", a.get("class", ""))]
        assert coloured and all(text for _, text in coloured)  # never colour alone


def test_the_fris_overview_of_a_quarter(cli, pictures, tmp_path):
    path = pictures / "forebyggargrupper.yaml"     # a third group, without pictures
    path.write_text(path.read_text(encoding="utf-8") + "  - {id: byske, name: Byske}\n",
                    encoding="utf-8")
    data = as_json(cli, pictures, "oversikt", "--period", "2021Q1")
    assert (data["groups_expected"], data["groups_listed"]) == (19, 3)
    assert data["not_reported"] == ["byske"]
    for group in ("kage", "norrhammar"):
        assert counts_of(group_of(data, group)) == expected(group, 2021, 1)
    assert group_of(data, "byske")["total"] is None
    totals = {c["id"]: c["total"] for c in data["categories"] if c["total"]}
    both = {k: expected("kage", 2021, 1).get(k, 0) + expected("norrhammar", 2021, 1).get(k, 0)
            for k in set(expected("kage", 2021, 1)) | set(expected("norrhammar", 2021, 1))}
    assert totals == both

    # What rose or fell most: (group, category) against the previous quarter, for groups
    # with a picture in both quarters.
    changes = []
    for group in ("kage", "norrhammar"):
        now, before = expected(group, 2021, 1), expected(group, 2020, 4)
        changes += [(group, c, now.get(c, 0) - before.get(c, 0)) for c in set(now) | set(before)
                    if now.get(c, 0) != before.get(c, 0)]
    rises = sorted((c for c in changes if c[2] > 0), key=lambda c: -c[2])
    falls = sorted((c for c in changes if c[2] < 0), key=lambda c: c[2])
    assert [r["change"] for r in data["rises"]] == [c[2] for c in rises][:5]
    assert (data["rises"][0]["group"], data["rises"][0]["category"]) == rises[0][:2]
    assert [f["change"] for f in data["falls"]] == [c[2] for c in falls][:5]
    # Against 2020Q1 only Kåge compares: Norrhammar gave no picture then.
    assert {r["group"] for r in data["rises_last_year"] + data["falls_last_year"]} == {"kage"}

    out = tmp_path / "fris-2021Q1.html"
    result = cli("est", "grupp", "oversikt", "--period", "2021Q1", "--format", "html",
                 "--output", out, "--est-dir", pictures, today="2021-04-15")
    assert result.exit_code == 0, result.output
    page = Page.of(out)
    page.assert_accessible()
    assert "Ingen lägesbild från: Byske" in page.text
    assert "2 av 3 grupper har lämnat lägesbild för perioden." in page.text
    body_rows = [text for t, a, text in page.cells if t == "th" and a.get("scope") == "row"]
    assert body_rows == ["Kåge", "Norrhammar", "Byske", "Alla grupper"]
    byske = [text for t, a, text in page.cells if a.get("colspan")]
    assert byske == ["ingen lägesbild"]
    assert "Kränkningar i klasschattar" in page.text and "Lugnare i mars" in page.text
    assert "size: A4 landscape" in page.source


def test_the_overview_reads_with_19_groups_and_10_categories(cli, grupper, tmp_path):
    path = grupper / "forebyggargrupper.yaml"
    text = path.read_text(encoding="utf-8").replace(GROUPS, "groups:\n" + "".join(
        f"  - {{id: grupp-{i:02d}, name: Förebyggargrupp nummer {i:02d}}}\n" for i in range(1, 20)))
    text = text.replace("\n# Grupperna:", "  - {id: otrygga-platser, title: Otrygga platser}\n"
                                          "\n# Grupperna:")
    path.write_text(text, encoding="utf-8")
    from samverkan.est.files import load_valid_groups

    categories = [c.id for c in load_valid_groups(grupper).categories]
    assert len(categories) == 10
    lines = [f"  - {{id: p{i:02d}, group: grupp-{i:02d}, period: 2021-02, date: 2021-02-24, "
             f"counts: {{{', '.join(f'{c}: {(i * j) % 7}' for j, c in enumerate(categories))}}}}}"
             for i in range(1, 19)]                  # group 19 has not reported
    (grupper / "grupplagesbilder-2021.yaml").write_text(
        "year: 2021\npictures:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "fris.html"
    result = cli("est", "grupp", "oversikt", "--period", "2021Q1", "--format", "html",
                 "--output", out, "--est-dir", grupper, today="2021-04-15")
    assert result.exit_code == 0, result.output
    page = Page.of(out)
    page.assert_accessible()
    header = [text for t, a, text in page.cells if t == "th" and a.get("scope") == "col"]
    assert len(header) == 1 + 10 + 3                 # group, 10 categories, totals
    rows = [text for t, a, text in page.cells if t == "th" and a.get("scope") == "row"]
    assert len(rows) == 19 + 1
    assert "Ingen lägesbild från: Förebyggargrupp nummer 19" in page.text
    expected_total = sum((i * j) % 7 for i in range(1, 19) for j in range(10))
    footer = [text for t, a, text in page.cells if t == "td"][-3:]
    assert footer[0] == str(expected_total)


def test_the_overview_in_markdown_has_the_tables_and_texts(cli, pictures):
    result = cli("est", "grupp", "oversikt", "--period", "2021Q1", "--format", "markdown",
                 "--est-dir", pictures, today="2021-04-15")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("## Förebyggargruppernas lägesbilder 2021Q1")
    kage = expected("kage", 2021, 1)
    assert f"| Kåge | {kage.get('vald-hot', 0)} |" in out
    assert "#### Norrhammar\n\n- 2021-W03 (2021-01-20): Kränkningar i klasschattar" in out


# --- 5. validation, refusals, documentation -------------------------------------------


LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def problems(output: str) -> list[tuple[str, int, int, str, str]]:
    return [(Path(m["path"]).name, int(m["line"]), int(m["col"]), m["sev"], m["msg"])
            for m in map(LINE.match, output.splitlines()) if m]


def test_validate_checks_the_group_files_at_their_lines(cli, plans, grupper):
    path = grupper / "grupplagesbilder-2021.yaml"
    path.write_text(textwrap.dedent("""\
        kind: est-grupplagesbilder
        year: 2021
        pictures:
          - {id: a1, group: kage, period: 2021-03, date: 2021-03-24, counts: {vald-hot: 2}}
          - {id: a2, group: kaage, period: 2021-03, date: 2021-03-24}
          - {id: a3, group: kage, period: 2021-04, date: 2021-04-28, counts: {vald: 1}}
          - {id: a4, group: kage, period: 2021Q2, date: 2021-04-28}
          - {id: a5, group: kage, period: 2020-12, date: 2020-12-28}
          - {id: a6, group: kage, period: 2021-W12, date: 2021-03-24}
          - {id: a7, group: norrhammar, period: 2021-05, date: 2021-04-01}
          - {id: a1, group: norrhammar, period: 2021-06, date: 2021-06-30}
          - {group: norrhammar, period: 2021-07, date: 2021-07-28}
          - {id: b1, group: norrhammar, period: 2021-08, date: 2021-08-25, counts: {alkohol: -1}}
          - {id: b2, group: norrhammar, period: 2021-09, date: 2021-09-29, text: "Tel 811218-9876"}
        """), encoding="utf-8")
    result = cli("validate", "--plans-dir", plans)
    assert result.exit_code == 1
    found = [(line, col, sev, msg) for name, line, col, sev, msg in problems(result.stdout)
             if name == "grupplagesbilder-2021.yaml"]
    by_line: dict[int, list[tuple[str, str]]] = {}
    for line, _, sev, msg in found:
        by_line.setdefault(line, []).append((sev, msg))
    assert [line for line in by_line] == list(range(5, 15))       # one line each, in order
    [(_, msg)] = by_line[5]
    assert msg == ("okänd förebyggargrupp 'kaage'; grupper i forebyggargrupper.yaml: kage, "
                   "norrhammar")
    [(_, msg)] = by_line[6]
    assert msg.startswith("okänd kategori 'vald'; kategorier i forebyggargrupper.yaml: alkohol, ")
    [(_, msg)] = by_line[7]
    assert msg == ("en grupps lägesbild gäller en vecka (en träff, t.ex. 2021-W10) eller en "
                   "månad (t.ex. 2021-03), inte '2021Q2'")
    [(_, msg)] = by_line[8]
    assert msg.startswith("lägesbilden hör till ISO-året 2020, men filen gäller 2021")
    assert by_line[9] == [("warning", ("gruppen kage har redan en lägesbild för 2021-03, som "
                           "delar veckor med 2021-W12; de veckorna räknas två gånger"))]
    assert by_line[10] == [("warning", ("lägesbilden är daterad 2021-04-01, före perioden "
                            "2021-05 (som börjar 2021-05-03)"))]
    [(sev, msg)] = by_line[11]
    assert sev == "error" and "'a1'" in msg
    [(sev, msg)] = by_line[12]
    assert (sev, msg) == ("error", "nyckeln 'id' saknas")           # merged as sets by id
    assert [sev for sev, _ in by_line[13]] == ["error"]
    [(sev, msg)] = by_line[14]
    assert sev == "error" and "personnummer" in msg
    cols = {line: col for line, col, _, _ in found}
    text = path.read_text(encoding="utf-8").splitlines()
    # At the group's value, and at the unknown category's key.
    assert (cols[5], cols[6]) == (text[4].index("kaage") + 1, text[5].index("vald") + 1)


def test_validate_checks_the_group_list(cli, grupper):
    path = grupper / "forebyggargrupper.yaml"
    text = path.read_text(encoding="utf-8").replace("groups_expected: 19", "groups_expected: 2")
    text += "  - {id: kage, name: Kåge igen, start_year: 2021, start: 2020-05-01}\n"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    lines = text.splitlines()
    last = len(lines)
    found = problems(result.stdout)
    assert ("forebyggargrupper.yaml", last, found[0][2], "error") == found[0][:4] or any(
        p[1] == last and "kage" in p[4] for p in found)
    messages = " ".join(p[4] for p in found)
    assert "start 2020-05-01 ligger inte i start_year 2021" in messages
    assert "filen har 3 grupper, men groups_expected säger 2" in messages
    assert all(p[1] == last for p in found)


def test_validate_by_default_checks_the_shipped_group_file(cli, plans, est):
    result = cli("validate", "--plans-dir", plans)
    assert result.exit_code == 0, result.output
    files = len(list(plans.glob("*.yaml"))) + len(list(est.glob("*.yaml")))
    assert f"{files} filer kontrollerade: inga fel" in result.stderr
    assert (est / "forebyggargrupper.yaml").is_file()


@pytest.mark.parametrize("args, message", [
    (["kaage", "--count", "vald-hot=1"], "okänd förebyggargrupp 'kaage'; menade du 'kage'?"),
    (["kage", "--count", "vald=1"], "okänd kategori 'vald'; menade du 'vald-hot'?"),
    (["kage", "--count", "vald-hot=två"], "--count skrivs KATEGORI=ANTAL"),
    (["kage", "--count", "vald-hot=-1"], "--count skrivs KATEGORI=ANTAL"),
    (["kage", "--count", "vald-hot=1", "--count", "vald-hot=2"],
     "kategorin vald-hot anges två gånger"),
    (["kage"], "lägesbilden är tom"),
    (["kage", "--period", "2021Q1", "--count", "vald-hot=1"], "en grupps lägesbild gäller"),
    (["kage", "--period", "2021-04", "--count", "vald-hot=1"],
     "lägesbilden är daterad 2021-03-24, före perioden 2021-04 (som börjar 2021-03-29)"),
    (["kage", "--date", "2021-03-25", "--count", "vald-hot=1"],
     "datumet 2021-03-25 ligger i framtiden"),
    (["kage", "--period", "2021-03", "--text", "Samtal med 19811218-9876"],
     "--text innehåller ett personnummer"),
    (["kage", "--period", "2021-03", "--count", "vald-hot=1"],
     "gruppen kage har redan en lägesbild för 2021-03"),
    (["kage", "--date", "2021-03-22", "--count", "vald-hot=1"],   # W12 lies in March
     "gruppen kage har redan en lägesbild för 2021-03"),
])
def test_refusals_exit_2_and_write_nothing(cli, grupper, args, message):
    result = cli("est", "grupp", "rapport", "kage", "--period", "2021-03", "--count",
                 "alkohol=1", "--est-dir", grupper, today="2021-03-24")
    assert result.exit_code == 0, result.output
    before = {p.name: p.read_bytes() for p in grupper.iterdir()}
    result = cli("est", "grupp", "rapport", *args, "--est-dir", grupper, today="2021-03-24")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert {p.name: p.read_bytes() for p in grupper.iterdir()} == before


def test_the_pictures_need_groups_first(cli, est):
    result = cli("est", "grupp", "oversikt", "--period", "2021Q1", "--est-dir", est,
                 today="2021-04-15")
    assert result.exit_code == 2
    assert "forebyggargrupper.yaml har inga grupper än; skriv in gruppen under groups: först" in (
        result.stderr)
    (est / "forebyggargrupper.yaml").unlink()
    result = cli("est", "grupp", "rapport", "kage", "--text", "x", "--est-dir", est,
                 today="2021-04-15")
    assert result.exit_code == 2
    assert "hittar inte" in result.stderr and "forebyggargrupper.yaml" in result.stderr


def test_the_user_guide_describes_the_groups():
    guide = (Path(__file__).resolve().parent.parent / "docs" / "anvandarguide.md").read_text(
        encoding="utf-8")
    for command in ("samverkan est grupp rapport", "samverkan est grupp lagesbild",
                    "samverkan est grupp oversikt"):
        assert command in guide
    assert "forebyggargrupper.yaml" in guide and "grupplagesbilder-ÅÅÅÅ.yaml" in guide


def test_the_guides_group_examples_run_as_shown(cli, tmp_path, monkeypatch):
    import shlex
    import shutil

    from snapshot import FIXTURES
    from test_est_docs import line_pattern, section
    from test_readme import console_steps

    root = Path(__file__).resolve().parent.parent
    chapter = section(root / "docs" / "anvandarguide.md",
                      "## 6. Förebyggargrupperna och översikten till Fris")
    for folder in ("plans", "est"):
        shutil.copytree(FIXTURES / folder, tmp_path / folder)
    [groups] = [b for b in re.findall(r"```yaml\n(.*?)```", chapter, re.DOTALL)
                if b.startswith("groups:")]
    path = tmp_path / "est" / "forebyggargrupper.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("groups: []\n", groups),
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    steps = console_steps(chapter)
    assert len(steps) >= 5
    for command, shown in steps:
        result = cli(*shlex.split(command)[1:], today="2021-04-15")
        assert result.exit_code == 0, (command, result.output)
        printed = [p.rstrip() for p in (result.stdout + result.stderr).splitlines()]
        for line in shown:
            if line.strip():
                assert any(re.fullmatch(line_pattern(line.rstrip()), p) for p in printed), (
                    f"`{command}` did not print:\n{line}\n--- it printed:\n" + "\n".join(printed))
    assert (tmp_path / "fris-2021Q1.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
