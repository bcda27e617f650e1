"""`samverkan publish`: the pledges as a static website for the citizens they were made to.

This wing owns the public website and its open data: which parts of the plans are
public, how the pages read, and writing the folder. `service.publish` runs it all;
`source.load_source` is its one door to the rest of samverkan (plans, compliance, the
agreement); `content` turns what it loaded into page view objects (pure: no I/O, no clock, today passed in); `charts`
draws the pledge history chart (`core.charts`); `opendata` writes `data.json` and `data.csv`;
`render` lays the pages out with the Jinja2 templates in `templates/`; `site` writes
the folder (built beside the old one, then swapped in, so a failed run leaves the old
site whole).

Nothing of an activity is published but its date, count and pledge, unless the plan
marks a pledge `public: {show_places: true}`: no note, no `by`, no place name.
"""
