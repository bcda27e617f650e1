"""Item 8 of issue 16: where output goes, and where the group's files are.

An HTML document is never poured into a terminal: it is saved to a file the message
names (never over an existing one). Outside the repository, the message about missing
plans names the absolute folder and `SAMVERKAN_HOME`, which points at the repository
once and for all: its `plans/`, `est/` and `data/`.
"""

from __future__ import annotations

import subprocess
import sys

from daily import env_without_samverkan, log_year, repo, terminal, write_repo  # noqa: F401
from test_daily_words import SERIES


def test_lagesbild_on_a_terminal_saves_the_html_and_says_where(repo, cli, terminal):  # noqa: F811
    (repo / "data").mkdir()
    (repo / "data" / "befolkning.yaml").write_text(SERIES, encoding="utf-8")
    terminal(80)
    result = cli("lagesbild", "--year", "2019", today="2021-06-30")
    assert result.exit_code == 0, result.output
    assert "<html" not in result.stdout and "<!DOCTYPE" not in result.stdout
    saved = repo / "lagesbild-2019.html"
    assert saved.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Sparat utskriften i lagesbild-2019.html" in result.stderr
    assert "obs: ett HTML-dokument skrivs inte ut i terminalen; det sparades i " \
           "lagesbild-2019.html" in result.stderr
    before = saved.read_bytes()
    again = cli("lagesbild", "--year", "2019", today="2021-06-30")
    assert again.exit_code == 2
    assert "lagesbild-2019.html finns redan; välj en fil med --output FIL" in again.stderr
    assert saved.read_bytes() == before
    markdown = cli("lagesbild", "--year", "2019", "--format", "markdown", today="2021-06-30")
    assert markdown.stdout.startswith("# Samlad lägesbild 2019")  # Markdown reads in a terminal


def test_piped_the_html_goes_to_stdout_as_before(repo, cli):  # noqa: F811
    (repo / "data").mkdir()
    (repo / "data" / "befolkning.yaml").write_text(SERIES, encoding="utf-8")
    result = cli("lagesbild", "--year", "2019", today="2021-06-30")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert not (repo / "lagesbild-2019.html").exists()


def test_report_and_est_picture_on_a_terminal_go_to_files(repo, cli, terminal):  # noqa: F811
    log_year(cli)
    terminal(80)
    report = cli("report", "--year", "2021", today="2021-06-30")
    assert report.exit_code == 0 and "Sparat utskriften i rapport-2021.html" in report.stderr
    assert (repo / "rapport-2021.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    picture = cli("est", "lagesbild", "--period", "2021-03", "--format", "html",
                  today="2021-06-30")
    assert picture.exit_code == 0 and "est-lagesbild-2021-03.html" in picture.stderr
    assert (repo / "est-lagesbild-2021-03.html").exists()
    table = cli("est", "lagesbild", "--period", "2021-03", today="2021-06-30")
    assert "EST-lägesbild 2021-03" in table.stdout  # a table still goes to the terminal


def test_samverkan_home_points_at_the_repository_from_anywhere(tmp_path, cli, monkeypatch):
    home = write_repo(tmp_path / "gruppens-repo")
    elsewhere = tmp_path / "annan-mapp"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("SAMVERKAN_EST_DIR", raising=False)
    monkeypatch.delenv("SAMVERKAN_DATA_DIR", raising=False)
    env = {"SAMVERKAN_HOME": str(home)}
    logged = cli("log", "trygghetsvandringar", "--date", "2021-03-18", env=env)
    assert logged.exit_code == 0, logged.output
    assert f"i {home / 'plans' / '2021.yaml'}" in logged.stdout
    assert "trygghetsvandringar" in (home / "plans" / "2021.yaml").read_text(encoding="utf-8")
    assert cli("status", env=env).exit_code == 0
    assert cli("est", "rapport", "centrum", "klotter", "--week", "2021-W02",
               env=env).exit_code == 0
    assert (home / "est" / "observationer-2021.yaml").exists()
    checked = cli("validate", env=env)
    assert checked.exit_code == 0 and "4 filer kontrollerade" in checked.stderr
    assert not list(elsewhere.iterdir())  # nothing written where the command was typed


def test_outside_the_repository_the_message_names_the_folder_and_the_way(tmp_path):
    """The installed command run in another folder, as after `pip install .`."""
    env = {**env_without_samverkan(), "SAMVERKAN_TODAY": "2021-06-30",
           "SAMVERKAN_CACHE": "off"}
    result = subprocess.run([sys.executable, "-m", "samverkan", "status"], cwd=tmp_path,
                            env=env, check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    message = result.stderr
    assert message.startswith(f"fel: det finns inga planer i {tmp_path / 'plans'}.")
    assert "SAMVERKAN_HOME" in message and "README" in message
    assert "Traceback" not in message
