"""Checking pages in a real browser: headless Chromium (Debian's package) driven by
Playwright, with axe-core (the npm package in tests/browser) run on each page.

`browser` is a fixture for test modules (import it); it skips the test with the reason
when Chromium, Playwright or axe-core is missing. `.ci/setup-browser` installs them:

    apt-get install chromium && npm ci --prefix tests/browser

Chromium runs with a throw-away profile and without its background connections, and
Playwright is told to use that binary: it never downloads a browser of its own.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--mute-audio"]
HOW = "install it with `apt-get install chromium` and `npm ci --prefix tests/browser`"


def find_chromium() -> str | None:
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why the browser checks cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    if find_chromium() is None:
        return f"no Chromium found (CHROMIUM=/path, or {HOW})"
    if not AXE.is_file():
        return f"axe-core is not installed in tests/browser ({HOW})"
    return None


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets[:5])}"


class Browser:
    """One Chromium for a module's tests; each check opens its own page."""

    def __init__(self, context: Any):
        self.context = context
        self.axe_source = AXE.read_text(encoding="utf-8")

    def open(self, path: Path, width: int = 1280, height: int = 900) -> Any:
        """The page of the file `path`; every request it makes that is not to a local
        file is recorded in `page.outside`."""
        page = self.context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
                else outside.append(r.url))
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.outside = outside  # type: ignore[attr-defined]
        return page

    def axe(self, path: Path, width: int = 1280) -> list[Violation]:
        """axe-core's violations of WCAG 2.1 A and AA on the page in a window `width`
        pixels wide."""
        page = self.open(path, width)
        try:
            page.evaluate(self.axe_source)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})", TAGS)
        finally:
            page.close()
        return [Violation(v["id"], v.get("impact") or "", v["help"],
                          [" ".join(map(str, n["target"])) for n in v["nodes"]])
                for v in result["violations"]]

    def assert_accessible(self, path: Path, width: int = 1280) -> None:
        found = self.axe(path, width)
        assert not found, f"axe-core finds in {path.name}:\n" + "\n".join(map(str, found))

    @staticmethod
    def overflow(page: Any) -> int:
        """How many CSS pixels the open page is wider than its window."""
        return int(page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth,"
            " document.body.scrollWidth) - window.innerWidth"))


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    reason = missing()
    if reason:
        pytest.skip(f"browser checks skipped: {reason}")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=find_chromium(), headless=True, args=ARGS,
            offline=False)
        try:
            yield Browser(context)
        finally:
            context.close()
