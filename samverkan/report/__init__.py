"""`samverkan report`: the yearly follow-up for the steering group, as HTML or Markdown.

`make_report` finds and loads the plans, computes the picture (`content`), and lays it
out with the Jinja2 templates in `templates/` (`render`). The HTML is one
self-contained file (styles and SVG charts inline, nothing fetched) that prints on A4.
"""
