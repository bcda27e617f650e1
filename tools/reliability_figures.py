"""Run the reliability tests and write their figures to docs/reliability.md.

    python tools/reliability_figures.py            run tests/test_reliability_*.py, write the doc
    python tools/reliability_figures.py --check    run them, fail if the doc's figures differ
    python tools/reliability_figures.py --from F   render figures a test run already wrote to F
                                                   (SAMVERKAN_FIGURES=F python -m pytest ...)

Every figure comes from a real run: each test records what it measured (through the
`figure` fixture in tests/conftest.py) only after its assertions passed. The doc is not
written when a test failed. `--check` compares sizes and results, not the details of a
run (timings, where exactly a kill landed), which vary from run to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"
TESTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_reliability_*.py"))

HEADER = """\
# Tillförlitlighet och integritet i siffror

Polis och kommun ska kunna lita på att registret aldrig tappar en aktivitet, aldrig
förstör en fil, aldrig kraschar på en trasig fil och aldrig blir ett register över
personer. Varje rad nedan är ett test i `tests/test_reliability_*.py` som försöker
hårt, med storleken och resultatet från senaste körningen.

*Genererad av `tools/reliability_figures.py` från en riktig körning av testerna; skriv
inte för hand. Uppdatera: `.venv/bin/python tools/reliability_figures.py`. Kontrollera
att siffrorna stämmer: `.venv/bin/python tools/reliability_figures.py --check`.
Testerna körs också i vanliga `python -m pytest` (och därmed i `.ci/run`).*
"""


def run_tests(out: Path) -> tuple[int, float]:
    env = {**os.environ, "SAMVERKAN_FIGURES": str(out)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           *TESTS], cwd=ROOT, env=env, check=False)
    return done.returncode, time.perf_counter() - start


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def details(values: dict) -> str:
    return "; ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())


def case_table(figure: dict) -> list[str]:
    """The cases a test recorded (`figure(..., cases=[header, *rows])`), one row each."""
    header, *rows = figure["cases"]
    lines = [f"Fall för fall i `{figure['test']}` ({len(rows)} st):", "",
             "| " + " | ".join(cell(c) for c in header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def render(data: dict, seconds: float | None) -> str:
    figures, outcomes = data["figures"], data["outcomes"]
    counts: dict[str, int] = {}
    for outcome in outcomes.values():
        counts[outcome["outcome"]] = counts.get(outcome["outcome"], 0) + 1
    words = {"passed": "godkända", "failed": "underkända", "skipped": "överhoppade"}
    run = (f"Körning {dt.date.today().isoformat()}: Python {platform.python_version()}, "
           f"{platform.system()} {platform.machine()}, {os.cpu_count()} processorkärnor; "
           f"{len(outcomes)} tester: "
           + ", ".join(f"{n} {words.get(k, k)}" for k, n in sorted(counts.items())))
    if seconds is not None:
        run += f", {seconds:.0f} s"
    lines = [HEADER, run + ".", ""]
    for section in sorted({f["section"] for f in figures}):
        lines += [f"## {section}", "", "| Storlek | Resultat | Test | Denna körning |",
                  "|---|---|---|---|"]
        for f in figures:
            if f["section"] == section:
                seconds_taken = outcomes.get(f["test"], {}).get("seconds", "?")
                lines.append(f"| {cell(f['size'])} | {cell(f['result'])} | `{f['test']}` | "
                             f"{cell(details({**f['details'], 's': seconds_taken}))} |")
        lines.append("")
        for f in figures:
            if f["section"] == section and f.get("cases"):
                lines += case_table(f)
    skipped = {k: v for k, v in outcomes.items() if v["outcome"] == "skipped"}
    if skipped:
        lines += ["## Överhoppade i denna körning", ""]
        lines += [f"- `{k}`: {v['reason']}" for k, v in sorted(skipped.items())]
        lines.append("")
    return "\n".join(lines)


def stable_rows(doc: str) -> list[tuple[str, ...]]:
    """(size, result, test) of every figure row, and every row of a table of cases: what
    must not change between runs."""
    rows = []
    for line in doc.splitlines():
        if line.startswith("| "):
            parts = [p.strip() for p in line.strip("|").split(" | ")]
            rows.append(tuple(parts[:3]) if "`tests/" in line else tuple(parts))
    return rows


def figure_count(doc: str) -> int:
    return sum(1 for row in stable_rows(doc) if len(row) == 3 and row[2].startswith("`tests/"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if docs/reliability.md differs from a fresh run")
    parser.add_argument("--from", dest="source", type=Path,
                        help="render figures written by an earlier test run")
    args = parser.parse_args(argv)

    seconds = None
    if args.source:
        data = json.loads(args.source.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "figures.json"
            code, seconds = run_tests(out)
            if code != 0 or not out.exists():
                print("reliability tests failed; docs/reliability.md left as it was",
                      file=sys.stderr)
                return 1
            data = json.loads(out.read_text(encoding="utf-8"))
    failed = [k for k, v in data["outcomes"].items() if v["outcome"] == "failed"]
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    text = render(data, seconds)
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if sorted(stable_rows(current)) != sorted(stable_rows(text)):
            print(f"{DOC.relative_to(ROOT)} is out of date; run tools/reliability_figures.py",
                  file=sys.stderr)
            return 1
        print(f"{DOC.relative_to(ROOT)}: {figure_count(text)} figures, all current")
        return 0
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}: {figure_count(text)} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
