#!/usr/bin/env python3
"""Render an HTML report to PNG (and optionally to an A4 PDF) in headless Chromium.

So that a person can look at what `samverkan report` wrote, as a browser shows it
and as it prints:

    python tools/screenshot.py rapport.html -o docs/rapport.png
    python tools/screenshot.py rapport.html -o sida.png --width 900 --height 1300 --pdf rapport.pdf
    python tools/screenshot.py rapport.html -o del.png --top 2600 --height 1400   # further down

Needs Debian's `chromium` package (`apt-get install chromium`), or CHROMIUM=/path.
Chromium runs with a throw-away profile and with background networking, component
updates and sync off; the report itself needs no network.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    named = os.environ.get("CHROMIUM")
    if named:
        return named
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshot: hittar ingen chromium; installera den med "
             "`apt-get install chromium` eller ange CHROMIUM=/sökväg")


def chromium(args: list[str], profile: str) -> None:
    command = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               "--disable-extensions", "--mute-audio", f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"screenshot: chromium avslutade med kod {done.returncode}:\n{done.stderr}")


def crop(png: Path, top: int) -> None:
    """Keep the picture from `top` px down (Chromium shoots from the top of the page)."""
    try:
        from PIL import Image
    except ImportError:
        sys.exit("screenshot: --top behöver Pillow (pip install pillow)")
    with Image.open(png) as image:
        image.crop((0, top, image.width, image.height)).save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="HTML-filen som ska avbildas")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PNG-fil att skriva")
    parser.add_argument("--width", type=int, default=1000, help="fönstrets bredd i px")
    parser.add_argument("--height", type=int, default=1400, help="fönstrets höjd i px")
    parser.add_argument("--top", type=int, default=0,
                        help="börja bilden så många px ner på sidan (beskärs med Pillow)")
    parser.add_argument("--pdf", type=Path, help="skriv också en utskrift på A4 till denna PDF")
    args = parser.parse_args(argv)
    if not args.html.is_file():
        sys.exit(f"screenshot: filen {args.html} finns inte")
    url = args.html.resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="samverkan-chromium-") as profile:
        chromium([f"--screenshot={args.output.resolve()}",
                  f"--window-size={args.width},{args.top + args.height}", url], profile)
        if args.top:
            crop(args.output, args.top)
        if args.pdf:
            chromium([f"--print-to-pdf={args.pdf.resolve()}", "--no-pdf-header-footer",
                      url], profile)
    print(f"Skrev {args.output}" + (f" och {args.pdf}" if args.pdf else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
