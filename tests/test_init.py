"""`samverkan init YEAR`: next year's plan, made from an earlier one."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path


def comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_init_makes_next_years_plan_from_the_latest_one(cli, plans):
    cli("log", "grannsamverkan", "--date", "2022-02-01", "--place", "Morö Backe",
        "--plans-dir", plans, today="2022-12-01")
    cli("measure", "alkohol-ak9", "--year", "2022", "--value", "19", "--plans-dir", plans,
        today="2022-12-01")
    old = (plans / "2022.yaml").read_text(encoding="utf-8")

    result = cli("init", "2023", "--plans-dir", plans, today="2022-12-01")
    assert result.exit_code == 0, result.output
    assert (f"Sparat planen 2023 i {plans}/2023.yaml, gjord från {plans}/2022.yaml: 13 löften, "
            "9 mål") in result.output

    new = (plans / "2023.yaml").read_text(encoding="utf-8")
    assert new.splitlines()[0] == old.splitlines()[0]  # the editor's modeline stays
    assert "\n# Åtagandeplan 2023 — samverkansavtal" in new
    assert "# Avtalsperiod 2021–2025 (år 3 av 5)." in new
    assert "(daterat 2021-01-28)" in new  # a date in a comment is a fact, not moved
    assert "\nyear: 2023\n" in new
    assert "      due: 2023-06-30\n" in new
    assert new.rstrip().endswith("activities: []")
    assert "Morö Backe" not in new and "measurements:" not in new
    assert "value: 20.0" in new  # baselines stay
    # every comment a person wrote is still there, except the two updated in the header
    changed = {("# Åtagandeplan 2022 — samverkansavtal Skellefteå kommun och lokalpolisområde "
                "Skellefteå")}
    assert [c for c in comment_lines(old) if c not in changed and "år 2 av 5" not in c] == [
        c for c in comment_lines(new) if "2023" not in c and "år 3 av 5" not in c]

    assert cli("validate", plans / "2023.yaml").exit_code == 0
    status = json.loads(cli("status", "--plans-dir", plans, "--year", "2023", "--format", "json",
                            today="2023-01-15").output)
    before = json.loads(cli("status", "--plans-dir", plans, "--year", "2022", "--format", "json")
                        .output)
    assert [p["id"] for p in status["pledges"]] == [p["id"] for p in before["pledges"]]
    assert all(p["done"] == 0 for p in status["pledges"])


def test_init_from_names_the_plan_to_start_from(cli, plans):
    result = cli("init", "2024", "--from", "2021", "--plans-dir", plans)
    assert result.exit_code == 0, result.output
    new = (plans / "2024.yaml").read_text(encoding="utf-8")
    assert "\nyear: 2024\n" in new and "due: 2024-06-30" in new
    assert "\n# Åtagandeplan 2024 — " in new


def test_init_refuses_to_overwrite_a_plan(cli, plans):
    before = (plans / "2022.yaml").read_bytes()
    result = cli("init", "2022", "--plans-dir", plans)
    assert result.exit_code == 2
    assert "plans/2022.yaml finns redan" in result.output
    assert (plans / "2022.yaml").read_bytes() == before


def test_init_refuses_without_an_earlier_plan_or_with_a_later_one(cli, plans):
    first = cli("init", "2020", "--plans-dir", plans)
    assert first.exit_code == 2 and "ingen plan före 2020" in first.output
    later = cli("init", "2023", "--from", "2023", "--plans-dir", plans)
    assert later.exit_code == 2 and "--from 2023 ska vara ett år före 2023" in later.output
    missing = cli("init", "2023", "--from", "2019", "--plans-dir", plans)
    assert missing.exit_code == 2 and "ingen plan för 2019" in missing.output
    assert sorted(p.name for p in plans.iterdir()) == ["2021.yaml", "2022.yaml", "agreement.yaml"]


def test_init_refuses_a_source_plan_with_errors(cli, plans):
    path = plans / "2022.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("owner: polis", "owner: x", 1),
                    encoding="utf-8")
    result = cli("init", "2023", "--plans-dir", plans)
    assert result.exit_code == 1
    assert not (plans / "2023.yaml").exists()


def test_init_moves_dates_and_empties_other_layouts(cli, tmp_path: Path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "2024.yaml").write_text(textwrap.dedent("""\
        # Plan 2024
        year: 2024
        focus_areas:
          - id: tryggare-centrum
            title: Tryggare centrum
            goals:
              - {id: otrygghet, title: Otryggheten ska minska, indicator: "Andel, %",
                 direction: decrease, baseline: {year: 2020, value: 30.0},
                 measurements: [{year: 2024, value: 28}]}
        pledges:
          - id: vandringar
            title: Vandringar
            focus_area: tryggare-centrum
            owner: polis
            target: {min: 1, unit: st, start: 2024-02-29, due: 2024-12-01}
        activities: [{id: a1, pledge: vandringar, date: 2024-03-01}]
        """), encoding="utf-8")
    result = cli("init", "2025", "--plans-dir", folder, today="2024-12-01")
    assert result.exit_code == 0, result.output
    assert (folder / "2025.yaml").read_text(encoding="utf-8") == textwrap.dedent("""\
        # Plan 2025
        year: 2025
        focus_areas:
          - id: tryggare-centrum
            title: Tryggare centrum
            goals:
              - {id: otrygghet, title: Otryggheten ska minska, indicator: "Andel, %",
                 direction: decrease, baseline: {year: 2020, value: 30.0}}
        pledges:
          - id: vandringar
            title: Vandringar
            focus_area: tryggare-centrum
            owner: polis
            target: {min: 1, unit: st, start: 2025-02-28, due: 2025-12-01}
        activities: []
        """)
