"""A working group's repository for the tests of daily use (tests/test_daily_*.py).

Plans, the agreement and the EST areas are written here, inline, into the test's own
folder: pledges and goals with the long titles and the ways of counting of the real
agreement, so that widths, wrapping and duplicates are tried on what users type.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from samverkan.cli import common


def plan_text(year: int, part: int | None = None) -> str:
    """A plan for `year`; `part` puts "(år N av 5)" in the header like the group's plans."""
    where = f" (år {part} av 5)" if part else ""
    return textwrap.dedent(f"""\
        # Åtagandeplan {year} — samverkansavtal Skellefteå kommun och lokalpolisområde Skellefteå
        #
        # Avtalsperiod 2021–2025{where}. Löften och mål ur avtalets underlag.
        year: {year}
        language: sv
        focus_areas:
          - id: andt-unga
            title: Arbeta mot ungdomars användande av alkohol och narkotikabruk
            goals:
              - id: alkohol-gy2
                title: Minska alkoholkonsumtionen i åk 2 på gymnasiet jämfört med 2020 års ANDTS-undersökning
                indicator: Andel elever i åk 2 på gymnasiet som uppger att de druckit alkohol (ANDTS), %
                direction: decrease
                baseline: null
              - id: narkotika-ak9
                title: Minska narkotikaanvändandet i åk 9 jämfört med 2020 års ANDTS-undersökning
                indicator: Andel elever i åk 9 som uppger att de använt narkotika (ANDTS), %
                direction: decrease
                baseline: {{year: 2020, low: 3.0, high: 4.0}}
          - id: tryggare-centrum
            title: Tryggare centrum
            goals:
              - id: handlare-ordningsstorning
                title: Förbättra handlarnas upplevelser av ordningsstörning i centrum jämfört med mätningen 2019
                indicator: Andel handlare i centrum som upplever ordningsstörning, %
                direction: decrease
                baseline: null
        pledges:
          - id: tillsyn-tobak-alkohol
            title: Tillsyn av handel med tobak och alkohol
            focus_area: andt-unga
            owner: kommun
            target: {{min: 1, unit: tillsyner}}
          - id: ansvarsfull-alkoholservering
            title: Ansvarsfull alkoholservering
            focus_area: andt-unga
            owner: gemensamt
            target: {{min: 3, unit: serveringsställen, counting: places}}
          - id: andt-foraldramoten
            title: ANDT-information vid föräldramöten
            focus_area: andt-unga
            owner: gemensamt
            target: null
          - id: lob-vittnesforhor
            title: Vittnesförhör med unga under 18 år omhändertagna enligt LOB
            focus_area: andt-unga
            owner: polis
            target: null
          - id: nykter-student
            title: Nykter student
            focus_area: andt-unga
            owner: gemensamt
            target: {{min: 1, unit: insatser, due: {year}-06-30}}
          - id: trygghetsvandringar
            title: Trygghetsvandringar
            focus_area: tryggare-centrum
            owner: gemensamt
            target:
              min: 5
              unit: vandringar
              requirements:
                - {{tag: centrum, min: 1}}
          - id: grannsamverkan
            title: Nya grannsamverkansområden
            focus_area: tryggare-centrum
            owner: gemensamt
            target:
              min: 2
              unit: områden
              counting: places
              requirements:
                - {{tag: flerbostadsomrade, min: 1}}
          - id: trafik-torget
            title: Informera och rapportera olovlig trafik på torget och gågatan
            focus_area: tryggare-centrum
            owner: polis
            target: {{min: 2, unit: veckor, counting: weeks}}
        activities: []
        """)


AGREEMENT = textwrap.dedent("""\
    # Samverkansavtal 2021–2025 — mål för hela avtalsperioden
    first_year: 2021
    last_year: 2025
    goals:
      - id: nya-grannsamverkansomraden
        title: Starta minst 4 nya grannsamverkansområden under avtalsperioden 2021–2025
        min: 4
        unit: områden
        count: {source: activities, pledge: grannsamverkan, counting: places}
    """)

AREAS = textwrap.dedent("""\
    kind: est-omraden
    language: sv
    min_report_weeks: 26
    areas:
      - id: centrum
        name: Centrum
        start_year: 2021
        reporters: []
      - id: norrbole
        name: Norrböle och Getberget
        start_year: 2021
        reporters: []
    categories:
      - {id: skadegorelse, title: Skadegörelse}
      - {id: klotter, title: Klotter}
      - {id: nedskrapning, title: Nedskräpning}
      - {id: anlagd-brand, title: Anlagd brand}
      - {id: ordningsstorning, title: Ordningsstörning}
      - {id: narkotikaindikationer, title: Narkotikaindikationer}
      - {id: otrygg-plats, title: Otrygg plats/belysning}
    """)


def write_repo(root: Path, years: dict[int, int | None] | None = None,
               agreement: bool = True, est: bool = True) -> Path:
    """The group's repository at `root`: plans of `years` ({year: part of the period}),
    `plans/agreement.yaml`, `est/omraden.yaml`."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    for year, part in (years or {2021: 1}).items():
        (root / "plans" / f"{year}.yaml").write_text(plan_text(year, part), encoding="utf-8")
    if agreement:
        (root / "plans" / "agreement.yaml").write_text(AGREEMENT, encoding="utf-8")
    if est:
        (root / "est").mkdir(exist_ok=True)
        (root / "est" / "omraden.yaml").write_text(AREAS, encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository, as the current folder (as a member works in their clone)."""
    root = write_repo(tmp_path / "samverkan")
    monkeypatch.chdir(root)
    for name in ("SAMVERKAN_PLANS_DIR", "SAMVERKAN_EST_DIR", "SAMVERKAN_DATA_DIR",
                 "SAMVERKAN_HOME", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch):
    """Output to a terminal window `columns` wide (colour on, COLUMNS set)."""

    def at(columns: int = 80) -> None:
        monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
        monkeypatch.setenv("COLUMNS", str(columns))
        monkeypatch.setenv("TERM", "xterm-256color")
        monkeypatch.delenv("NO_COLOR", raising=False)

    return at


def log_year(cli) -> None:
    """A year's record as a member keeps it, slips included."""
    for args in (
        ["ansvarsfull-alkoholservering", "--date", "2021-02-05", "--place", "Krogen Norra",
         "--by", "kommun", "--note", "Tillsyn tillsammans med polisen under fredagskvällen"],
        ["ansvarsfull-alkoholservering", "--date", "2021-03-05", "--place", "Hotell Aurum"],
        ["trygghetsvandringar", "--date", "2021-03-18", "--tag", "centrum", "--by",
         "gemensamt", "--note", "Kvällsvandring i centrum med fastighetsägare och boende"],
        ["trygghetsvandringar", "--date", "2021-04-22", "--tag", "centrum"],
        ["grannsamverkan", "--date", "2021-05-01", "--place", "Morö Backe", "--tag",
         "flerbostadsomrade", "--note", "Startmöte i flerbostadshusen"],
        ["trafik-torget", "--date", "2021-04-05", "--count", "3"],
        ["andt-foraldramoten", "--date", "2021-03-02"],
        ["tillsyn-tobak-alkohol", "--date", "2021-02-10", "--count", "2"],
    ):
        result = cli("log", *args, today="2021-06-30")
        assert result.exit_code == 0, result.output


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def lines_of(text: str) -> list[str]:
    return ANSI.sub("", text).replace("\r", "").split("\n")


def widest(text: str) -> int:
    return max(len(line.rstrip()) for line in lines_of(text))


def words_whole(text: str, phrase: str) -> bool:
    """Every word of `phrase` stands whole among the words of `text`."""
    tokens = set(ANSI.sub("", text).split())
    return all(word in tokens for word in phrase.split())


def env_without_samverkan() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("SAMVERKAN_")}
