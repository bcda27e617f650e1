"""Ordinary mistakes a user makes, found in a review of the commands as users meet them."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("args", [
    ("schema", "--output"),
    ("est", "lagesbild", "--period", "2021-03", "--format", "html", "--output"),
])
def test_output_onto_a_plan_is_refused_and_the_plan_kept(plans: Path, est: Path, cli,
                                                        args) -> None:
    before = (plans / "2021.yaml").read_bytes()
    result = cli(*args, plans / "2021.yaml", "--plans-dir", plans) if args[0] == "est" else \
        cli(*args, plans / "2021.yaml")
    assert result.exit_code == 2, result.output
    assert "ser ut som en planfil" in result.output
    assert (plans / "2021.yaml").read_bytes() == before


@pytest.mark.parametrize("args", [
    ("schema",),
    ("est", "lagesbild", "--period", "2021-03"),
    ("status", "--year", "2021"),
    ("report", "--year", "2021"),
    ("lagesbild", "--year", "2021"),
])
def test_output_into_a_missing_folder_or_onto_a_folder_is_a_usage_error(
        plans: Path, est: Path, tmp_path: Path, cli, monkeypatch, args) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    for output in (tmp_path / "saknas" / "ut.html", plans):
        result = cli(*args, "--output", output)
        assert result.exit_code == 2, result.output
        assert "mapp" in result.output
        assert "No such file" not in result.output and "Is a directory" not in result.output


@pytest.mark.parametrize("args", [
    ("status", "--plan"),
    ("log", "trygghetsvandringar", "--plan"),
    ("remove", "abcd", "--plan"),
    ("data", "import", "--series", "befolkning"),
])
def test_a_folder_where_a_file_is_expected_is_explained_in_swedish(plans: Path, cli,
                                                                   args) -> None:
    result = cli(*args, plans)
    assert result.exit_code == 2, result.output
    assert f"kan inte läsa {plans}: det är en mapp; ange en fil i den" in result.output
    assert "Is a directory" not in result.output


def test_a_write_that_fails_says_why_in_swedish(plans: Path, tmp_path: Path, cli,
                                                monkeypatch) -> None:
    import errno

    import samverkan.core.writer

    def no_such_folder(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(samverkan.core.writer.tempfile, "mkstemp", no_such_folder)
    result = cli("schema", "--output", tmp_path / "plan.schema.json")
    assert result.exit_code == 1
    assert "kunde inte skriva" in result.output and "mappen finns inte" in result.output
    assert "No such file" not in result.output
    english = cli("schema", "--output", tmp_path / "plan.schema.json", "--lang", "en")
    assert "the folder does not exist" in english.output


def test_log_without_a_plan_for_the_date_does_not_point_to_an_option_log_lacks(
        plans: Path, cli) -> None:
    result = cli("log", "trygghetsvandringar", "--date", "2020-05-05", "--plans-dir", plans)
    assert result.exit_code == 2
    assert "det finns ingen plan för 2020" in result.output
    assert "--date ÅÅÅÅ-MM-DD" in result.output and "--year" not in result.output


def test_init_from_a_missing_year_says_to_choose_another_with_from(plans: Path, cli) -> None:
    result = cli("init", "2023", "--from", "2019", "--plans-dir", plans)
    assert result.exit_code == 2
    assert ("det finns ingen plan för 2019 i" in result.output
            and "ange ett av de åren med --from ÅÅÅÅ" in result.output)
    assert "init 2019" not in result.output  # starting 2019 is not what the user wants
    assert not (plans / "2023.yaml").exists()


@pytest.mark.parametrize("args", [
    ("status", "--as-of"),
    ("report", "--as-of"),
    ("activities", "--from"),
    ("activities", "--to"),
    ("est", "lagesbild", "--as-of"),
    ("est", "status", "--as-of"),
])
def test_an_empty_date_is_refused_not_taken_as_today(plans: Path, est: Path, cli, args) -> None:
    result = cli(*args, "", "--plans-dir", plans)
    assert result.exit_code == 2, result.output
    assert "ogiltigt datum" in result.output and "ÅÅÅÅ-MM-DD" in result.output


@pytest.mark.parametrize("text, message", [
    ("year: 2021\n  foo: [\n", "ett kolon (:) där det inte får stå; sätt texten inom citattecken"),
    ("year: [2021\n", "listan inom [ ] stängs inte"),
    ("year: 2021\nlanguage: \"sv\n", "filen tar slut mitt i ett värde"),
    ("hello\n", "inte ett enda värde ('hello')"),
])
def test_a_broken_plan_is_explained_in_swedish_with_what_to_do(write_plan, cli, text,
                                                               message) -> None:
    result = cli("validate", write_plan(text))
    assert result.exit_code == 1
    assert message in result.output
    assert "not allowed" not in result.output and "'str'" not in result.output


@pytest.mark.parametrize("command, expected", [
    (("validate",), ["FIL_ELLER_MAPP", "--plans-dir MAPP", "--data-dir MAPP"]),
    (("measure",), ["MÅL", "--plans-dir MAPP"]),
    (("lagesbild",), ["--plans-dir MAPP", "--data-dir MAPP"]),
])
def test_help_names_the_values_in_swedish(cli, command, expected) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0
    for words in expected:
        assert words in result.output
    assert "<path>" not in result.output and "paths" not in result.output
    assert "{goal}" not in result.output


@pytest.mark.parametrize("command", [("report", "--year", "2021"),
                                     ("lagesbild", "--year", "2021")])
def test_a_pdf_or_word_name_is_refused_rather_than_filled_with_html(
        plans: Path, tmp_path: Path, cli, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    result = cli(*command, "--output", "rapport.pdf")
    assert result.exit_code == 2, result.output
    assert "skriv rapport.html och skriv ut den som PDF" in result.output
    assert not (tmp_path / "rapport.pdf").exists()
