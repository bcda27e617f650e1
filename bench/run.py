"""Benchmark of samverkan's everyday commands, as whole processes, against a floor.

    .venv/bin/python bench/run.py            # a few minutes; writes docs/performance.md
    .venv/bin/python bench/run.py --quick    # fewer runs and no 100,000, for a first look

It writes plan years with 300, 1,000, 10,000 and 100,000 activities into a temporary
folder (each folder holds two years, 2021 and 2022, of that many activities each, the
2022 one being the plan measured: `status` also reads the earlier year for its goals),
then times each command several times as a separate process and reports the median,
minimum and maximum wall time and the peak memory (maximum resident set size). The
floor is `python -c "import typer, rich, pydantic, ruamel.yaml"`, timed in the same
rounds; every median is also given as a ratio to the floor's.

Runs are interleaved (one run of every command, then the next round) so that a busy
machine slows all of them alike. `status`, `validate`, `log` and `publish` are timed
twice: "warm", as when they are run again on a file that did not change (or that `log`
changed), and "cold", with samverkan's cache emptied before each run, as after a
`git pull` and always in CI (a cold `log` works on a copy of the plans of its own, so that
it never empties the warm commands' cache). `log` appends one activity per run to the
2022 plan; `merge` is the merge driver as git runs it when two clones each logged 20
activities into that plan (after its first run ours holds the merged file, which it
merges again each run).

"block style" rows: the same plans of 10,000 and 100,000 activities in which every
hundredth activity is written by hand over several lines (block style, a folded note,
quoted values), with a comment line before it and a blank line after it: the cost must
follow the file's size, never its style.

`report` and `lagesbild` run on a copy of tests/fixtures/ (plans, est, data) with 65
activities logged in 2021 (five per pledge), on 2021-11-15; "with the crime series" the
four monthly crime series hold made-up values for 2019-01 to 2021-10 (imported with
`samverkan data import`; the lägesbild then draws 11 charts instead of 3). These run cold.

Every plan is checked with `samverkan validate` before the timing starts (no errors, or
the times would mean nothing), and every timed run must end with exit code 0. The
targets (the table "Targets") are those of the project's performance issue; each says
met or not from the medians of this run. Needs a POSIX system (Linux, macOS): the
commands are started with posix_spawn and measured with wait4.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PLANS = ROOT / "tests" / "fixtures" / "plans"  # the shipped plans, frozen
sys.path.insert(0, str(ROOT))  # the checkout's samverkan, imported below

from samverkan import __version__
from samverkan.core.yamlfile import flow_mapping

FLOOR = [sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"]
SIZES = (300, 1_000, 10_000, 100_000)
TODAY = "2022-10-15"
FIXTURES_TODAY = "2021-11-15"
BLOCK_SIZES = (10_000, 100_000)
BLOCK_EVERY = 100  # 1 % of the activities written by hand in block style
YEARS = (2021, 2022)
PLEDGES = {  # the shipped plan's pledges, with what their activities usually carry
    "tillsyn-tobak-alkohol": ("kommun", True), "ansvarsfull-alkoholservering": ("gemensamt", True),
    "anti-langning": ("gemensamt", False), "andt-foraldramoten": ("gemensamt", False),
    "ungdomsfester": ("polis", False), "lob-vittnesforhor": ("polis", False),
    "ungdomsveckor": ("polis", False), "nykter-student": ("gemensamt", False),
    "trygghetsvandringar": ("gemensamt", True), "grannsamverkan": ("gemensamt", True),
    "trafik-torget": ("polis", False), "nosspanare": ("polis", False),
    "riskkvallar": ("gemensamt", True),
}
PLACES = ["Stadsparken", "Torget", "Kanalgatan", "Norrböle", "Moröhöjden", "Skelleftehamn",
          "Ursviken", "Byske", "Kåge", "Burträsk", "Erikslid", "Anderstorp", "Sunnanå",
          "Möjligheternas torg", "Nordanå", "Medle"]
WORDS = ["kvällsvandring", "med", "boende", "samtal", "ungdomar", "vid", "skolan", "lugnt",
         "information", "till", "föräldrar", "i", "åk 7", "kontroll", "av", "serveringsställen",
         "nattvandrare", "fältare", "polis", "och", "kommun", "belysning", "rapporterad",
         "klotter", "städat", "flera", "grupper", "spridda", "inga", "incidenter"]


# --- plans ------------------------------------------------------------------------------


def activity_items(count: int, year: int, seed: int) -> list[dict]:
    """`count` activities of `year`, as the keys and values of each."""
    rnd = random.Random(seed)
    names = list(PLEDGES)
    last = dt.date.fromisoformat(TODAY).replace(year=year) - dt.timedelta(days=1)
    span = (last - dt.date(year, 1, 1)).days + 1
    ids: set[str] = set()
    lines = []
    for _ in range(count):
        pledge = rnd.choice(names)
        owner, has_place = PLEDGES[pledge]
        while True:
            ident = rnd.choice("abcdef") + f"{rnd.getrandbits(20):05x}"
            if ident not in ids:
                ids.add(ident)
                break
        item: dict = {"id": ident, "pledge": pledge,
                      "date": dt.date(year, 1, 1) + dt.timedelta(days=rnd.randrange(span))}
        if rnd.random() < 0.15:
            item["count"] = rnd.randint(2, 6)
        if has_place or rnd.random() < 0.3:
            item["place"] = rnd.choice(PLACES)
        if rnd.random() < 0.25:
            item["tags"] = rnd.sample(["centrum", "flerbostadsomrade", "helg", "skola"],
                                      rnd.randint(1, 2))
        if rnd.random() < 0.7:
            item["by"] = rnd.choice([owner, "gemensamt"])
        if rnd.random() < 0.6:
            words = rnd.sample(WORDS, rnd.randint(3, 9))
            if rnd.random() < 0.3:
                words.insert(rnd.randrange(len(words)), f"{rnd.randint(2, 40)} personer,")
            item["note"] = " ".join(words).capitalize()
        lines.append(item)
    return lines


def activity_lines(count: int, year: int, seed: int, block_every: int = 0) -> list[str]:
    """`count` activities of `year`, each one line as `samverkan log` writes it; with
    `block_every`, every so many of them written by hand in block style instead."""
    items = activity_items(count, year, seed)
    return [block_item(item, k) if block_every and k % block_every == block_every // 2
            else f"  - {flow_mapping(item)}\n" for k, item in enumerate(items)]


COMMENTS = ["# Skrivet för hand efter mötet, se protokollet",
            "# Flyttad från föregående vecka på grund av väder",
            "# TODO: fråga polisen om antalet deltagare",
            "# Rättad efter samtal med fältarna"]


def block_item(item: dict, k: int) -> str:
    """The activity as a person writes it in an editor: a comment line before it, one key
    a line, the tags as a block list, quoted place, a folded note, a blank line after."""
    lines = [f"  {COMMENTS[k % len(COMMENTS)]}", f"  - id: {item['id']}",
             f"    pledge: {item['pledge']}", f"    date: {item['date']}"]
    if "count" in item:
        lines.append(f"    count: {item['count']}  # enligt närvarolistan")
    if "place" in item:
        lines.append(f'    place: "{item["place"]}"')
    if "tags" in item:
        lines.append("    tags:")
        lines += [f"      - {tag}" for tag in item["tags"]]
    if "by" in item:
        lines.append(f"    by: {item['by']}")
    if "note" in item:
        words = item["note"].split(" ")
        half = len(words) // 2 or 1
        lines += ["    note: >-", "      " + " ".join(words[:half])]
        if words[half:]:
            lines.append("      " + " ".join(words[half:]))
    return "\n".join(lines) + "\n\n"


def write_plans(folder: Path, count: int, block_every: int = 0) -> None:
    """`folder`/2021.yaml and 2022.yaml: the shipped plans (their snapshot in tests/fixtures/,
    not the group's live records in plans/) with `count` activities each (every
    `block_every`-th in block style)."""
    folder.mkdir(parents=True, exist_ok=True)
    for year in YEARS:
        text = (FIXTURE_PLANS / f"{year}.yaml").read_text(encoding="utf-8")
        head, sep, rest = text.rpartition("activities: []")
        if not sep or rest.strip():
            raise SystemExit(f"tests/fixtures/plans/{year}.yaml does not end with 'activities: []'")
        lines = activity_lines(count, year, seed=count * 10 + year, block_every=block_every)
        (folder / f"{year}.yaml").write_text(head + "activities:\n" + "".join(lines),
                                             encoding="utf-8")
    if not block_every:
        write_merge(folder, count)


def write_fixtures(folder: Path, crime: bool) -> None:
    """`folder`: a copy of tests/fixtures/ (plans, est, data) with five activities logged
    per pledge in 2021; with `crime`, the four monthly crime series filled with made-up
    values for 2019-01 to 2021-10 through `samverkan data import`."""
    for part in ("plans", "est", "data"):
        shutil.copytree(ROOT / "tests" / "fixtures" / part, folder / part)
    plan = folder / "plans" / "2021.yaml"
    text = plan.read_text(encoding="utf-8")
    head, sep, rest = text.rpartition("activities: []")
    if not sep or rest.strip():
        raise SystemExit("tests/fixtures/plans/2021.yaml does not end with 'activities: []'")
    rnd = random.Random(2021)
    items = []
    for pledge in PLEDGES:
        for item in activity_items(5, 2021, seed=rnd.getrandbits(32)):
            item["pledge"] = pledge
            item.pop("tags", None)  # (the 2021 plan defines no tags)
            items.append(item)
    items.sort(key=lambda item: item["date"])
    plan.write_text(head + "activities:\n"
                    + "".join(f"  - {flow_mapping(item)}\n" for item in items), encoding="utf-8")
    if not crime:
        return
    rnd = random.Random(7)
    for series, level in (("brott-totalt", 900), ("brott-vald", 60), ("brott-tillgrepp", 250),
                          ("brott-otrygghet", 110)):
        rows = [f'"{year}M{month:02d}";"{int(level * rnd.uniform(0.8, 1.2))}"'
                for year in (2019, 2020, 2021) for month in range(1, 13)
                if (year, month) <= (2021, 10)]
        csv = folder / f"{series}.csv"
        csv.write_text('"Månad";"Antal"\n' + "\n".join(rows) + "\n", encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "samverkan", "data", "import", str(csv),
                               "--series", series, "--data-dir", str(folder / "data")],
                              cwd=folder, env={**os.environ, "SAMVERKAN_TODAY": FIXTURES_TODAY},
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"samverkan data import {series} failed:\n{done.stdout}{done.stderr}")


def check_valid(folder: Path, env: dict[str, str]) -> None:
    """`samverkan validate` of every plan in `folder`: no errors, or the times mean nothing."""
    for plan in sorted((folder / "plans" if (folder / "plans").is_dir() else folder)
                       .glob("20*.yaml")):
        done = subprocess.run([sys.executable, "-m", "samverkan", "validate", str(plan)],
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0 or ": error:" in done.stdout:
            raise SystemExit(f"{plan} does not validate ({done.returncode}):\n"
                             f"{done.stdout[-3000:]}{done.stderr[-3000:]}")


def write_merge(folder: Path, count: int) -> None:
    """`folder`/merge: the three versions git gives the merge driver when two clones
    each logged 20 activities into the 2022 plan of `count` activities."""
    base = (folder / "2022.yaml").read_text(encoding="utf-8")
    (folder / "merge").mkdir(exist_ok=True)
    (folder / "merge" / "base.yaml").write_text(base, encoding="utf-8")
    for side in ("ours", "theirs"):
        added = activity_lines(20, 2022, seed=count * 10 + len(side))
        added = [re.sub(r"\{id: \w+", f"{{id: {side[0]}{n:09d}", line)
                 for n, line in enumerate(added)]
        (folder / "merge" / f"{side}.yaml").write_text(base + "".join(added), encoding="utf-8")


# --- timing -----------------------------------------------------------------------------


@dataclass
class Command:
    name: str
    size: int | None
    argv: list[str]
    cold: bool = False  # with a cache of its own, emptied before each run
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)  # KiB

    @property
    def median(self) -> float:
        return statistics.median(self.times)


# The commands are started by a small helper process rather than by this one: a child's
# peak memory (ru_maxrss) counts the memory of the process it was forked from, and this
# one holds far more than the floor's 20-odd MiB. The helper (python -S, no imports but
# os, sys, time) starts each command, waits for it and answers with its wall time and
# peak memory.
RUNNER = r"""
import os, sys, time
for line in sys.stdin:
    cwd, errors, overrides, *argv = line.rstrip("\n").split("\0")
    env = dict(os.environ)
    env.update(item.split("=", 1) for item in overrides.split("\1") if item)
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)]
    os.chdir(cwd)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), flush=True)
"""


class Runner:
    def __init__(self, env: dict[str, str], errors: Path):
        self.errors = errors
        self.proc = subprocess.Popen([sys.executable, "-S", "-c", RUNNER], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
        assert self.proc.stdin and self.proc.stdout
        overrides = "\1".join(f"{k}={v}" for k, v in env.items())
        self.proc.stdin.write("\0".join([str(cwd), str(self.errors), overrides, *argv]) + "\n")
        self.proc.stdin.flush()
        seconds, memory, code = self.proc.stdout.readline().split()
        return float(seconds), int(memory), int(code)

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def run_once(command: Command, runner: Runner, cwd: Path, caches: Path) -> None:
    env = dict(command.env)
    if command.cold:
        cold = caches / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        env["SAMVERKAN_CACHE_DIR"] = str(cold)
    seconds, memory, code = runner.run(command.argv, cwd, env)
    if code != 0:
        raise SystemExit(f"{' '.join(command.argv)} failed ({code}):\n"
                         + runner.errors.read_text(errors="replace"))
    command.times.append(seconds)
    command.memory.append(memory)


def commands(folder: Path, sizes: tuple[int, ...]) -> list[Command]:
    sam = [sys.executable, "-m", "samverkan"]
    found = [Command("python -c \"import typer, rich, pydantic, ruamel.yaml\" (floor)", None,
                     FLOOR),
             Command("samverkan --help", None, [*sam, "--help"]),
             Command("samverkan --version", None, [*sam, "--version"])]

    def log(plans: str) -> list[str]:
        return [*sam, "log", "trygghetsvandringar", "--plans-dir", plans, "--date",
                "2022-10-14", "--tag", "centrum", "--place", "Stadsparken", "--by",
                "gemensamt", "--note", "Kvällsvandring med boende, lugnt"]

    for size in sizes:
        plans = str(folder / str(size))
        plan = str(folder / str(size) / "2022.yaml")
        site = str(folder / f"site-{size}")
        found += [
            Command("status", size, [*sam, "status", "--plans-dir", plans]),
            Command("status --format json", size, [*sam, "status", "--plans-dir", plans,
                                                   "--format", "json"]),
            Command("validate", size, [*sam, "validate", plan]),
            Command("log", size, log(plans)),
            Command("publish", size, [*sam, "publish", "--plans-dir", plans, "--output", site]),
            Command("merge (20 + 20 logs)", size,
                    [*sam, "merge", *(str(folder / str(size) / "merge" / f"{side}.yaml")
                                      for side in ("base", "ours", "theirs")),
                     "plans/2022.yaml"]),
            Command("status, cold", size, [*sam, "status", "--plans-dir", plans], True),
            Command("validate, cold", size, [*sam, "validate", plan], True),
            Command("log, cold", size, log(str(folder / f"{size}-cold")), True),
            Command("publish, cold", size, [*sam, "publish", "--plans-dir", plans, "--output",
                                            site], True),
        ]
    for size in BLOCK_SIZES:
        if size not in sizes:
            continue
        plans = str(folder / f"{size}-block")
        found += [
            Command("status, block style", size, [*sam, "status", "--plans-dir", plans]),
            Command("log, block style", size, log(plans)),
            Command("status, block style, cold", size, [*sam, "status", "--plans-dir", plans],
                    True),
            Command("log, block style, cold", size, log(str(folder / f"{size}-block-cold")),
                    True),
        ]
    today = {"SAMVERKAN_TODAY": FIXTURES_TODAY}
    for name, where in (("", "fixtures"), (", with the crime series", "fixtures-crime")):
        plans = str(folder / where / "plans")
        if not name:
            found.append(Command("report --year 2021 --output r.html", None,
                                 [*sam, "report", "--year", "2021", "--plans-dir", plans,
                                  "--output", str(folder / where / "r.html")], True, today))
        found += [
            Command(f"lagesbild --year 2021 --output l.html{name}", None,
                    [*sam, "lagesbild", "--year", "2021", "--plans-dir", plans, "--output",
                     str(folder / where / "l.html")], True, today),
        ]
    return found


def measure(found: list[Command], runs: dict[int | None, int], runner: Runner, cwd: Path,
            caches: Path) -> None:
    """Interleaved rounds; a command stops once it has its number of runs."""
    for command in found:  # one untimed run each: fills the cache and the OS's file cache
        run_once(command, runner, cwd, caches)
        command.times.clear()
        command.memory.clear()
    rounds = max(runs.values())
    for index in range(rounds):
        print(f"  round {index + 1}/{rounds}", flush=True)
        for command in found:
            if len(command.times) < runs.get(command.size, runs[None]):
                run_once(command, runner, cwd, caches)


# --- the report -------------------------------------------------------------------------

HELP = "`--help` and `--version`: at most 1.0× (warm)"
SMALL = "`status`, `validate`, `log` on 300 activities: at most 1.5×"
COLD_SMALL = "cold: " + SMALL
BLOCK = ("block style (1 % by hand, comments between): `status` and `log` meet the same "
         "targets")
CHARTS = "`report` and `lagesbild`: at most 4×"
# (command, size, at most × the floor's median, what the issue asks); "memory" rows compare
# the median peak memory with the floor's
TARGETS: list[tuple[str, int | None, float, str]] = [
    ("status, cold", 300, 1.5, COLD_SMALL),
    ("validate, cold", 300, 1.5, COLD_SMALL),
    ("log, cold", 300, 1.5, COLD_SMALL),
    ("status, cold", 10_000, 2.0, "cold: `status` on 10,000 activities: at most 2×"),
    ("status, cold", 100_000, 8.0, "cold: `status` on 100,000 activities: at most 8×"),
    ("memory: status, cold", 100_000, 4.0,
     "cold: peak memory of `status` on 100,000: at most 4× the floor's"),
    ("status, block style, cold", 10_000, 2.0, BLOCK + " (cold `status`, 10,000: 2×)"),
    ("log, block style, cold", 10_000, 2.0, BLOCK + " (cold `log`, 10,000: 2×)"),
    ("status, block style, cold", 100_000, 8.0, BLOCK + " (cold `status`, 100,000: 8×)"),
    ("log, block style, cold", 100_000, 8.0, BLOCK + " (cold `log`, 100,000: 8×)"),
    ("memory: status, block style, cold", 100_000, 4.0,
     BLOCK + " (peak memory of cold `status`, 100,000: 4×)"),
    ("samverkan --help", None, 1.0, HELP),
    ("samverkan --version", None, 1.0, HELP),
    ("status", 300, 1.5, "warm: " + SMALL),
    ("status --format json", 300, 1.5, "warm: " + SMALL),
    ("validate", 300, 1.5, "warm: " + SMALL),
    ("log", 300, 1.5, "warm: " + SMALL),
    ("status", 10_000, 3.0, "warm: `status` on 10,000 activities: at most 3×"),
    ("status", 100_000, 15.0, "warm: `status` on 100,000 activities: at most 15×"),
    ("memory: status", 100_000, 4.0,
     "warm: peak memory of `status` on 100,000: at most 4× the floor's"),
    ("status, block style", 10_000, 3.0, BLOCK + " (warm `status`, 10,000: 3×)"),
    ("status, block style", 100_000, 15.0, BLOCK + " (warm `status`, 100,000: 15×)"),
    ("report --year 2021 --output r.html", None, 4.0, CHARTS),
    ("lagesbild --year 2021 --output l.html", None, 4.0, CHARTS),
    ("lagesbild --year 2021 --output l.html, with the crime series", None, 4.0, CHARTS),
]
# (command, size, the command it is compared with, at most ×, what the issue asks)
RELATIVE = [
    ("log", 10_000, ("log", 300), 1.2, "warm: `log` into 10,000: at most 1.2× `log` into 300"),
    ("log, block style", 10_000, ("log", 300), 1.2,
     BLOCK + " (warm `log` into 10,000: 1.2× `log` into 300)"),
]
NOTES_MARK = "<!-- Everything below this line is kept when bench/run.py rewrites the file. -->"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs{memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}")


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("typer", "rich", "pydantic", "ruamel.yaml", "ruamel.yaml.clib", "tabulate"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def report(found: list[Command], runs: dict[int | None, int], seconds: float) -> str:
    floor = found[0]
    base, base_mem = floor.median, statistics.median(floor.memory)
    by_key = {(c.name, c.size): c for c in found}
    lines = [
        "# Performance",
        "",
        "Written by `.venv/bin/python bench/run.py` (see the script's docstring for what it",
        "does); do not edit the tables by hand.",
        "",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Packages: samverkan {__version__}, {versions()}",
        (f"- Runs per command: {runs[None]} (100,000 activities: {runs.get(100_000, runs[None])}),"
         f" after one untimed run; {seconds / 60:.1f} minutes in all"),
        (f"- Floor: `python -c \"import typer, rich, pydantic, ruamel.yaml\"`, median "
         f"{base * 1000:.0f} ms, peak memory {base_mem / 1024:.1f} MiB"),
        "",
        "| command | activities | median ms | min ms | max ms | × floor | peak MiB | × floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in found:
        size = "" if c.size is None else f"{c.size:,}"
        memory = statistics.median(c.memory)
        lines.append(
            f"| {c.name} | {size} | {c.median * 1000:.0f} | {min(c.times) * 1000:.0f} | "
            f"{max(c.times) * 1000:.0f} | {c.median / base:.2f} | {memory / 1024:.1f} | "
            f"{memory / base_mem:.2f} |")
    lines += ["", "## Targets", "",
              "Cold: samverkan's cache emptied before each run (as in CI and after a `git pull`);",
              "warm: the cache holds the file as it is (as `status` after `status` or `log`).",
              "", "| target | measured | met |", "|---|---|---|"]
    for name, size, limit, text in TARGETS:
        memory = name.startswith("memory: ")
        command = by_key.get((name.removeprefix("memory: "), size))
        if command is None:
            continue
        ratio = (statistics.median(command.memory) / base_mem if memory
                 else command.median / base)
        where = command.name + ("" if size is None else f", {size:,}")
        what = "peak memory of " if memory else ""
        lines.append(f"| {text} | {what}{where}: {ratio:.2f}× | {_verdict(ratio, limit)} |")
    for name, size, other, limit, text in RELATIVE:
        command, compared = by_key.get((name, size)), by_key.get(other)
        if command is None or compared is None:
            continue
        ratio = command.median / compared.median
        lines.append(f"| {text} | {ratio:.2f}× | {_verdict(ratio, limit)} |")
    return "\n".join(lines) + "\n"


def _verdict(ratio: float, limit: float) -> str:
    return "yes" if ratio <= limit else f"**no**, {ratio / limit:.2f}× the target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, no 100,000")
    parser.add_argument("--runs", type=int, default=11, help="runs per command (default 11)")
    parser.add_argument("--large-runs", type=int, default=5,
                        help="runs per command on 100,000 activities (default 5)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="numbers of activities, comma-separated")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md",
                        help="the report (default docs/performance.md); '-' prints it only")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    runs: dict[int | None, int] = {None: args.runs, 100_000: args.large_runs}
    if args.quick:
        sizes = tuple(s for s in sizes if s < 100_000)
        runs = {None: 3}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="samverkan-bench-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "SAMVERKAN_TODAY": TODAY, "NO_COLOR": "1", "COLUMNS": "120",
               "SAMVERKAN_CACHE_DIR": str(folder / "cache" / "warm")}
        for name in ("SAMVERKAN_PLANS_DIR", "SAMVERKAN_CACHE", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        for size in sizes:
            print(f"writing plans with {size:,} activities a year", flush=True)
            write_plans(folder / str(size), size)
            shutil.copytree(folder / str(size), folder / f"{size}-cold")
            if size in BLOCK_SIZES:
                write_plans(folder / f"{size}-block", size, BLOCK_EVERY)
                shutil.copytree(folder / f"{size}-block", folder / f"{size}-block-cold")
        write_fixtures(folder / "fixtures", crime=False)
        write_fixtures(folder / "fixtures-crime", crime=True)
        print("validating them", flush=True)
        for size in sizes:
            check_valid(folder / str(size), env)
            if size in BLOCK_SIZES:
                check_valid(folder / f"{size}-block", env)
        for where in ("fixtures", "fixtures-crime"):
            check_valid(folder / where, {**env, "SAMVERKAN_TODAY": FIXTURES_TODAY})
        found = commands(folder, sizes)
        print(f"timing {len(found)} commands", flush=True)
        runner = Runner(env, folder / "stderr.txt")
        try:
            measure(found, runs, runner, folder, folder / "cache")
        finally:
            runner.close()
    text = report(found, runs, time.perf_counter() - started)
    print(text)
    if str(args.output) != "-":
        kept = ""
        if args.output.exists():
            old = args.output.read_text(encoding="utf-8")
            if NOTES_MARK in old:
                kept = old[old.index(NOTES_MARK):]
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
        print(f"written to {args.output}")


if __name__ == "__main__":
    main()
