"""`samverkan publish`: the pledges as a static website for the citizens they were made to.

This wing owns the public website and its open data: which parts of the plans are
public, how the pages read, and writing the folder. `source.load_source` is its one
door to the rest of samverkan (plans, compliance, the agreement); `content` turns what
it loaded into page view objects (pure: no I/O, no clock, today passed in); `charts`
draws the small SVG charts by hand; `opendata` writes `data.json` and `data.csv`;
`render` lays the pages out with the Jinja2 templates in `templates/`; `site` writes
the folder (built beside the old one, then swapped in, so a failed run leaves the old
site whole).

Nothing of an activity is published but its date, count and pledge, unless the plan
marks a pledge `public: {show_places: true}`: no note, no `by`, no place name.
"""

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
