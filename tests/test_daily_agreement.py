"""Item 5 of issue 16: `init` keeps to the agreement's period 2021–2025.

A year after the period is refused (exit 2, nothing written) unless
`--beyond-agreement`; then the plan is written with a header that says where it stands
and a warning. Without `plans/agreement.yaml` the period comes from the plan's header.
"""

from __future__ import annotations

from daily import write_repo


def test_init_after_the_period_is_refused_without_the_option(tmp_path, cli, monkeypatch):
    root = write_repo(tmp_path, {2024: 4, 2025: 5})
    monkeypatch.chdir(root)
    result = cli("init", "2026", today="2026-01-10")
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: 2026 ligger utanför avtalsperioden 2021–2025 "
                                    "(enligt plans/agreement.yaml); inget skrevs.")
    assert "--beyond-agreement" in result.stderr
    assert not (root / "plans" / "2026.yaml").exists()


def test_init_beyond_the_agreement_warns_and_writes_a_true_header(tmp_path, cli, monkeypatch):
    root = write_repo(tmp_path, {2025: 5})
    monkeypatch.chdir(root)
    result = cli("init", "2026", "--beyond-agreement", today="2026-01-10")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Sparat planen 2026 i plans/2026.yaml")
    assert result.stderr.startswith("obs: 2026 ligger utanför avtalsperioden 2021–2025")
    header = (root / "plans" / "2026.yaml").read_text(encoding="utf-8").splitlines()[:4]
    assert header[0].startswith("# Åtagandeplan 2026")
    assert "Avtalsperiod 2021–2025 (2026 ligger efter avtalsperioden)" in header[2]
    assert "år 5 av 5" not in "\n".join(header) and "år 6" not in "\n".join(header)
    assert cli("validate", "plans/2026.yaml").exit_code == 0


def test_init_inside_the_period_says_which_year_of_it(tmp_path, cli, monkeypatch):
    root = write_repo(tmp_path, {2022: 2})
    monkeypatch.chdir(root)
    result = cli("init", "2023", today="2023-01-10")
    assert result.exit_code == 0 and result.stderr == ""
    assert "(år 3 av 5)" in (root / "plans" / "2023.yaml").read_text(encoding="utf-8")


def test_without_the_agreement_file_the_header_gives_the_period(tmp_path, cli, monkeypatch):
    root = write_repo(tmp_path, {2025: 5}, agreement=False)
    monkeypatch.chdir(root)
    refused = cli("init", "2026", today="2026-01-10")
    assert refused.exit_code == 2
    assert "avtalsperioden 2021–2025 (enligt planens sidhuvud)" in refused.stderr
    english = cli("init", "2026", "--lang", "en", today="2026-01-10")
    assert "outside the agreement's period 2021–2025 (according to the plan's header)" in (
        english.stderr)
