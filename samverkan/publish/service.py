"""`samverkan publish` from the plans folder to the website folder: load, build, lay out,
write (see the package's docstring for what each module owns)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Published:
    output: Path
    pages: int
    language: str


def publish(output: Path, *, plans_dir: Path | None, as_of: dt.date, today: dt.date,
            lang: str | None) -> Published:
    """Build the website of the plans in `plans_dir` on `as_of` and put it at `output`."""
    from samverkan.publish import content, render, site, source

    ui = lang or "sv"
    site.check_output(output, ui)
    loaded = source.load_source(plans_dir, as_of, ui)
    language = lang or loaded.language
    view = content.build_site(loaded, as_of, today, language)
    files = render.render_site(view)
    site.write_site(output, files, ui)
    return Published(output, sum(1 for name in files if name.endswith(".html")), language)
