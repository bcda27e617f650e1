"""Issue 16's "done when": the same walk as the new member's, without the snags.

log (with a slip), status in an 80-column terminal, validate on a file with several
mistakes, init 2026, lagesbild without --output on a terminal.
"""

from __future__ import annotations

from daily import log_year, plan_text, repo, terminal, widest, write_repo  # noqa: F401
from test_daily_words import SERIES


def test_the_walk(repo, cli, terminal):  # noqa: F811
    log_year(cli)
    slip = cli("log", "ansvarsfull-alkoholservering", "--date", "2021-04-09", "--place",
               "krogen norra ")
    assert "2/3" in slip.stdout and "obs: platsen 'krogen norra' är redan räknad" in slip.stderr

    terminal(80)
    status = cli("status", "--as-of", "2021-06-30", today="2021-06-30").stdout
    assert widest(status) <= 80 and "…" not in status
    assert "2021-12-31" in status and "Ansvarsfull" in status.split()

    broken = plan_text(2021).replace("owner: polis\n", "owner: polisen\n", 1).replace(
        "target: {min: 1, unit: tillsyner}", "target: {mni: 1, unit: tillsyner}").replace(
        "  - id: nykter-student", "  - id: trygghetsvandringar")
    (repo / "trasig.yaml").write_text(broken, encoding="utf-8")
    checked = cli("validate", "trasig.yaml")
    assert checked.exit_code == 1
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert any("'mni'" in e for e in errors) and any("'owner'" in e for e in errors)
    assert any("trygghetsvandringar" in e and "finns redan" in e for e in errors)
    assert f"1 fil kontrollerad: {len(errors)} fel, 2 varningar" in checked.stderr

    refused = cli("init", "2026", today="2026-01-10")
    assert refused.exit_code == 2 and "utanför avtalsperioden 2021–2025" in refused.stderr

    (repo / "data").mkdir()
    (repo / "data" / "befolkning.yaml").write_text(SERIES, encoding="utf-8")
    picture = cli("lagesbild", "--year", "2019", today="2021-06-30")
    assert picture.exit_code == 0 and "<html" not in picture.stdout
    assert "lagesbild-2019.html" in picture.stdout
