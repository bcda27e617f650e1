"""The test suite does not depend on the group's live records.

`plans/`, `est/` and `data/` in this repository are the working group's working copy: every
`samverkan log`, `measure`, `data import`, `est rapport` and `init` writes into them. The
tests read their frozen snapshot in tests/fixtures/ instead. This test proves it: it copies
the repository, uses the copy for a year through the real command line, and runs the whole
suite inside the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INNER = "SAMVERKAN_TEST_INNER_SUITE"  # set in the suite this test runs, so it does not recurse

LOGS = [  # (pledge, date, options) — a year of activities over several pledges
    ("trygghetsvandringar", "2021-02-11", ["--tag", "centrum", "--place", "Stadskärnan",
                                           "--by", "gemensamt",
                                           "--note", "Kvällsvandring med boende"]),
    ("trygghetsvandringar", "2021-04-15", ["--tag", "centrum", "--place", "Torget"]),
    ("trygghetsvandringar", "2021-05-20", ["--place", "Norrböle", "--note", "Med fastighetsägare"]),
    ("trygghetsvandringar", "2021-09-09", ["--place", "Morö Backe", "--by", "kommun"]),
    ("ungdomsfester", "2021-03-05", ["--count", "2", "--by", "polis",
                                     "--note", "Två fester stoppade"]),
    ("ungdomsfester", "2021-04-30", ["--count", "3", "--tag", "valborg"]),
    ("ungdomsfester", "2021-06-11", ["--note", "Lugn kväll"]),
    ("ungdomsfester", "2021-08-20", ["--count", "2"]),
    ("riskkvallar", "2021-04-30", ["--tag", "valborg", "--place", "Nordanåparken"]),
    ("riskkvallar", "2021-06-04", ["--tag", "studenten", "--note", "Studentflak, lugnt"]),
    ("riskkvallar", "2021-06-05", ["--tag", "studenten"]),
    ("riskkvallar", "2021-07-02", ["--tag", "stadsfest", "--place", "Centrum"]),
    ("riskkvallar", "2021-07-03", ["--tag", "stadsfest", "--place", "Centrum"]),
    ("riskkvallar", "2021-08-13", ["--tag", "trastockfestivalen", "--place", "Nordanå"]),
    ("grannsamverkan", "2021-03-22", ["--place", "Norrböle", "--tag", "flerbostadsomrade",
                                      "--note", "Uppstartsmöte i föreningslokalen"]),
    ("grannsamverkan", "2021-10-04", ["--place", "Anderstorp"]),
    ("ansvarsfull-alkoholservering", "2021-03-12", ["--place", "Café 2:an", "--by", "gemensamt"]),
    ("ansvarsfull-alkoholservering", "2021-05-14", ["--place", "Stadshotellet"]),
    ("ansvarsfull-alkoholservering", "2021-11-19", ["--place", "café 2:an",
                                                    "--note", "Uppföljande besök"]),
    ("trafik-torget", "2021-03-08", ["--place", "Torget",
                                     "--note", "Information och rapportering"]),
    ("trafik-torget", "2021-05-10", ["--place", "Kanalgatan"]),
    ("trafik-torget", "2021-09-13", ["--place", "Torget"]),
    ("tillsyn-tobak-alkohol", "2021-02-25", ["--by", "kommun", "--note", "Tre butiker"]),
    ("anti-langning", "2021-05-28", ["--note", "Kampanj inför skolavslutningen"]),
    ("andt-foraldramoten", "2021-09-22", ["--place", "Kanalskolan", "--count", "2"]),
    ("lob-vittnesforhor", "2021-06-06", ["--count", "1"]),
    ("ungdomsveckor", "2021-06-21", ["--note", "Sommarlovets första vecka"]),
    ("ungdomsveckor", "2021-10-25", ["--tag", "hostlov"]),
    ("nykter-student", "2021-06-04", ["--place", "Stadsparken"]),
    ("nosspanare", "2021-04-08", ["--note", "Inbjudan till hundägare i Sunnanå"]),
    ("nosspanare", "2021-10-14", ["--place", "Skråmträsk"]),
]

CRIME = ('"Brottskategori";"Region";"Månad";"Antal"\n'
         + "".join(f'"Samtliga brott";"Skellefteå";"2021M{m:02}";"{700 + 9 * m}"\n'
                   for m in range(1, 10)))


def repository_files() -> list[str]:
    """The files git lists in this repository, tracked or new (not ignored)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed; the copy of the repository is made from `git ls-files`")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git working tree: " + listed.stderr.decode(errors="replace").strip())
    return sorted({name for name in listed.stdout.decode("utf-8").split("\0") if name})


def copy_repository(target: Path) -> None:
    """The working tree's version of every file git lists (a deleted file stays deleted)."""
    for name in repository_files():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def environment(copy: Path, **extra: str) -> dict[str, str]:
    """A user's shell in the copy: no samverkan settings, the copy's package imported first,
    samverkan's cache beside the copy (never in the user's own cache folder)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SAMVERKAN_", "PYTEST_")) and k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1",
               SAMVERKAN_CACHE_DIR=str(copy.parent / "cache"), **extra)
    return env


def samverkan(copy: Path, *args: str) -> str:
    """Run one command of the copy's samverkan in the copy, as a user would; it must succeed."""
    env = environment(copy, SAMVERKAN_TODAY="2022-12-15", NO_COLOR="1")
    result = subprocess.run([sys.executable, "-m", "samverkan", *args], cwd=copy, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, (args, result.stdout + result.stderr)
    return result.stdout


def use_for_a_year(copy: Path) -> None:
    """What the group does to plans/, est/ and data/ in a year, through the command line."""
    for pledge, date, options in LOGS:
        samverkan(copy, "log", pledge, "--date", date, *options)
    samverkan(copy, "measure", "alkohol-ak9", "--year", "2021", "--value", "18,5",
              "--source", "ANDTS 2021")
    (copy / "brott-2021.csv").write_text(CRIME, encoding="utf-8")
    samverkan(copy, "data", "import", "brott-2021.csv", "--series", "brott-totalt")
    (copy / "brott-2021.csv").unlink()
    samverkan(copy, "est", "rapport", "centrum", "klotter", "--week", "2021-W10", "--count", "3",
              "--place", "Stadsparken", "--note", "Vid lekplatsen")
    samverkan(copy, "init", "2023")


def summary(output: str) -> str:
    """The inner run's short test summary and its last line."""
    lines = output.rstrip().splitlines()
    start = next((i for i, line in enumerate(lines) if "short test summary info" in line),
                 max(len(lines) - 40, 0))
    return "\n".join(lines[start:])


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="runs the suite; not inside that run")
def test_the_suite_passes_after_a_year_of_use(tmp_path: Path) -> None:
    copy = tmp_path / "samverkan"
    copy_repository(copy)
    shipped = (copy / "plans" / "2021.yaml").read_text(encoding="utf-8")
    imported = subprocess.run([sys.executable, "-c", "import samverkan; print(samverkan.__file__)"],
                              cwd=tmp_path, env=environment(copy), capture_output=True, text=True,
                              check=True)
    assert Path(imported.stdout.strip()).is_relative_to(copy), imported.stdout

    use_for_a_year(copy)
    used = (copy / "plans" / "2021.yaml").read_text(encoding="utf-8")
    assert used.count(", pledge: ") == shipped.count(", pledge: ") + len(LOGS)
    # alkohol-ak9 reads its values from its data series: the measurement went there
    assert "ANDTS 2021" in (copy / "data" / "andts-alkohol-ak9.yaml").read_text(encoding="utf-8")
    assert "ANDTS 2021" not in used
    assert (copy / "plans" / "2023.yaml").is_file()
    assert (copy / "est" / "observationer-2021.yaml").is_file()
    assert "values: []" not in (copy / "data" / "brott-totalt.yaml").read_text(encoding="utf-8")

    inner = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                           cwd=copy, env=environment(copy, **{INNER: "1"}),
                           capture_output=True, text=True, timeout=1800, check=False)
    assert inner.returncode == 0, (
        "the suite fails in a copy of the repository after a year of use:\n"
        + summary(inner.stdout + inner.stderr))
