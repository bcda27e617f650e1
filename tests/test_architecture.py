"""The architecture holds: each module imports on its own, every import follows the layering
that docs/architecture.md documents, and no modules import each other in a loop.

The layering is read from the doc's table ("Layering"), so the doc and this test cannot
say different things; the import graph is built with `ast` from every `import` and
`from … import` in every module, those inside functions (and under `TYPE_CHECKING`) too.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "samverkan"
DOC = ROOT / "docs" / "architecture.md"
EVERY_ROOM = "every room"


class Import(NamedTuple):
    source: str  # the importing module, `samverkan.plan.reader`
    target: str  # the imported module, `samverkan.core.records`
    late: bool  # inside a function (or under TYPE_CHECKING): not run when `source` is imported
    line: int


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a folder's `__init__.py` is the folder)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def room(module: str) -> str:
    """`samverkan.plan.reader` → `plan`, `samverkan.validation` → `validation`, `samverkan`
    (the package's `__init__`, only the version) → `samverkan`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[Import]:
    """The package's modules that `module` imports, each with whether the import is late."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def target_names(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        base = node.module or ""
        if node.level:  # relative: from . import x, from ..core import y
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join(anchor + ([base] if base else []))
        # `from samverkan.cli import files`: the module `samverkan.cli.files` when there is one.
        return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names]

    def visit(node: ast.AST, late: bool) -> None:
        for child in ast.iter_child_nodes(node):
            child_late = late or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                    ast.Lambda))
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                child_late = True
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for name in target_names(child):
                    while name and name not in known and "." in name:
                        name = name.rsplit(".", 1)[0]  # `import samverkan.core.text as t`
                    if name in known and name != module:
                        found.append(Import(module, name, child_late, child.lineno))
            visit(child, child_late)

    visit(tree, False)
    return found


def import_graph(package: Path = PACKAGE) -> list[Import]:
    known = modules(package)
    return [imp for name, path in known.items() for imp in imports_of(name, path, known)]


class Layer(NamedTuple):
    anywhere: frozenset[str]  # rooms it may import at the top of a module or inside a function
    late_only: frozenset[str]  # rooms it may import only inside a function


def documented_layering(doc: Path = DOC) -> dict[str, Layer]:
    """The table under "## Layering" in docs/architecture.md: `| `room` | `a`, `b` | `c` |`."""
    text = doc.read_text(encoding="utf-8")
    section = text.split("\n## Layering", 1)[1].split("\n## ", 1)[0]
    layering = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.fullmatch(r"`[\w.]+`", cells[0]):
            continue

        def rooms(cell: str) -> frozenset[str]:
            return frozenset([EVERY_ROOM] if cell == EVERY_ROOM else re.findall(r"`([\w.]+)`", cell))

        layering[cells[0].strip("`")] = Layer(rooms(cells[1]), rooms(cells[2]))
    return layering


def layering_breaches(graph: list[Import], layering: dict[str, Layer]) -> list[str]:
    """Each import that the layering does not allow, as `module:line imports module (why)`."""
    breaches = []
    for imp in graph:
        source, target = room(imp.source), room(imp.target)
        if source == target or target == "samverkan":  # within a room; the version
            continue
        layer = layering.get(source)
        if layer is None:
            breaches.append(f"{imp.source}: room `{source}` is not in the layering table")
            continue
        if EVERY_ROOM in layer.anywhere or target in layer.anywhere:
            continue
        if target in layer.late_only and not imp.late:
            breaches.append(f"{imp.source}:{imp.line} imports {imp.target} at the top of the "
                            f"module; `{source}` may import `{target}` only inside a function")
        elif target not in layer.late_only:
            breaches.append(f"{imp.source}:{imp.line} imports {imp.target}: `{source}` may not "
                            f"import `{target}`")
    return breaches


def loops(graph: list[Import]) -> list[list[str]]:
    """The groups of modules that import each other, directly or around a circle
    (strongly connected components of more than one module, or a module importing itself)."""
    edges: dict[str, set[str]] = {}
    for imp in graph:
        edges.setdefault(imp.source, set()).add(imp.target)
        edges.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges[node]:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


# --- the tests -------------------------------------------------------------------------

def test_the_doc_documents_every_room_and_only_rooms_that_exist():
    layering = documented_layering()
    rooms = {room(m) for m in modules()} - {"samverkan"}
    assert set(layering) == rooms, ("docs/architecture.md's layering table should have one "
                                    "row per room of the package")
    for name, layer in layering.items():
        named = (layer.anywhere | layer.late_only) - {EVERY_ROOM}
        assert named <= rooms, f"the row of `{name}` names rooms that do not exist: {named - rooms}"
        assert not layer.anywhere & layer.late_only, name


def test_the_rooms_are_layered_lowest_first():
    """What a room imports when it is imported (the table's "may import") never leads back
    to it: the rooms form layers, `core` at the bottom and `cli` above every other."""
    layering = documented_layering()
    assert layering["core"] == Layer(frozenset(), frozenset())
    rooms = set(layering)
    below = {name: set(layer.anywhere) for name, layer in layering.items()}
    for name, needs in below.items():
        if EVERY_ROOM in needs:
            below[name] = rooms - {name, "__main__"}
    layers: list[set[str]] = []
    left = dict(below)
    while left:
        ready = {name for name, needs in left.items() if needs <= set().union(*layers)}
        assert ready, f"the table's rooms import each other in a loop: {sorted(left)}"
        layers.append(ready)
        left = {name: needs for name, needs in left.items() if name not in ready}
    for name, layer in layering.items():
        if name not in ("cli", "__main__"):
            assert "cli" not in layer.anywhere | layer.late_only, (
                f"`{name}` may import the command line; lower layers never do")


def test_every_import_follows_the_documented_layering():
    breaches = layering_breaches(import_graph(), documented_layering())
    assert not breaches, "imports that docs/architecture.md's layering does not allow:\n" + \
        "\n".join(breaches)


def test_no_modules_import_each_other_in_a_loop():
    """Every import counts, also one inside a function: a loop there is still two modules
    that each need the other."""
    found = loops(import_graph())
    assert not found, "modules that import each other: " + "; ".join(
        " ⇄ ".join(group) for group in found)


IMPORT_EACH = """
import importlib, json, sys, traceback
names = json.loads(sys.argv[1])
keep = set(sys.modules)
failed = {}
for name in names:
    for loaded in [m for m in sys.modules if m not in keep and m.split(".")[0] == "samverkan"]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except BaseException:
        failed[name] = traceback.format_exc(limit=-3)
print(json.dumps(failed))
"""


def test_each_module_imports_on_its_own():
    """Each module, imported first in an interpreter without any of samverkan loaded, imports:
    none relies on another having been imported before it. (One interpreter for all: the
    package's modules are forgotten between two imports; the libraries stay loaded.)"""
    names = sorted(modules())
    result = subprocess.run([sys.executable, "-c", IMPORT_EACH, json.dumps(names)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    failed = json.loads(result.stdout.strip().splitlines()[-1])
    assert not failed, "\n".join(f"{name}:\n{trace}" for name, trace in failed.items())


# --- the checks can fail ----------------------------------------------------------------

def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "samverkan" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "samverkan"


def test_the_checks_see_a_bad_import_a_late_one_and_a_loop(tmp_path):
    """The graph the tests above check, on a package made to break each rule."""
    package = _package(tmp_path, {
        "__init__.py": "",
        "core/__init__.py": "",
        "core/text.py": "def helper():\n    from samverkan.cli.common import today\n",
        "plan/__init__.py": "",
        "plan/model.py": "from samverkan.followup import compliance\n",
        "followup/__init__.py": "",
        "followup/compliance.py": "from samverkan.plan import model\n",
        "followup/render.py": "from samverkan.est.model import Area\n",
        "est/__init__.py": "",
        "est/model.py": "Area = 1\n",
        "cli/__init__.py": "",
        "cli/common.py": "import samverkan.core.text\n",
    })
    graph = import_graph(package)
    assert Import("samverkan.core.text", "samverkan.cli.common", True, 2) in graph
    layering = {"core": Layer(frozenset(), frozenset()),
                "plan": Layer(frozenset({"core"}), frozenset()),
                "followup": Layer(frozenset({"core", "plan"}), frozenset({"est"})),
                "est": Layer(frozenset({"core", "plan"}), frozenset()),
                "cli": Layer(frozenset({EVERY_ROOM}), frozenset())}
    breaches = layering_breaches(graph, layering)
    assert any("samverkan.core.text:2 imports samverkan.cli.common" in b for b in breaches)
    assert any("samverkan.plan.model:1 imports samverkan.followup.compliance" in b
               for b in breaches)
    assert any("followup.render:1 imports samverkan.est.model at the top" in b for b in breaches)
    assert len(breaches) == 3, breaches
    assert sorted(loops(graph)) == [["samverkan.cli.common", "samverkan.core.text"],
                                    ["samverkan.followup.compliance", "samverkan.plan.model"]]


def test_a_module_that_needs_another_imported_first_is_found(tmp_path):
    """`samverkan.b` uses `samverkan.a` without importing it: it works only after something
    else imported `a`, and the fresh import of each module says so."""
    _package(tmp_path, {"__init__.py": "", "a.py": "X = 1\n",
                        "b.py": "import samverkan\nY = samverkan.a.X\n",
                        "c.py": "import samverkan.a\nimport samverkan.b\n"})
    # (-S: without site-packages, where the real samverkan is installed)
    result = subprocess.run([sys.executable, "-S", "-c", IMPORT_EACH,
                             json.dumps(["samverkan.c", "samverkan.b", "samverkan.a"])],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    failed = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(failed) == {"samverkan.b"}
    assert "has no attribute 'a'" in failed["samverkan.b"]
