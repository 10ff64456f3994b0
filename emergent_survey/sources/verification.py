"""Verification overlays: each panel of an original PDF figure with the values the book stored
drawn back onto it through the panel's axis calibration (red rings on points, short red bars on
error-bar ends, dashed red lines on reference lines), so a reader can check the read-out by eye.

One PNG per panel, rendered so that the original's smallest text is at least ``MIN_TEXT_PX`` CSS
pixels when the image is shown at half its pixel width (sharp on high-density screens), and one
JSON manifest per figure listing the panels with their natural size, smallest text and alt text;
the read-out page shows them in the book's reflowing grid (``_ext/overlays.py``).
"""

from __future__ import annotations

import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from ..readout import render_region, smallest_text

MIN_TEXT_PX = 10.0
DENSITY = 2  # image pixels per CSS pixel
ASSUMED_TEXT_PT = 6.0  # where a panel's labels are outlines, not text
RED = (214, 39, 40)


@dataclass
class Mark:
    """Something drawn back onto a panel, in PDF points (x None: a horizontal reference line)."""

    kind: str  # "point", "end" (an error-bar end) or "line"
    x: float | None
    y: float


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolution(text_pt: float) -> int:
    """Pixels per inch at which ``text_pt`` text is MIN_TEXT_PX CSS pixels at DENSITY."""
    return max(144, math.ceil(MIN_TEXT_PX * DENSITY * 72 / text_pt))


def _draw(image: Image.Image, marks: list[Mark], bbox, scale: float) -> None:
    draw = ImageDraw.Draw(image)
    x0, top = bbox[0], bbox[1]
    radius, width = 3.2 * scale, max(2, round(0.6 * scale))
    for mark in marks:
        y = (mark.y - top) * scale
        if mark.kind == "line":
            dash = 4 * scale
            x = 0.0
            while x < image.width:
                draw.line([(x, y), (min(x + dash, image.width), y)], fill=RED, width=width)
                x += 2 * dash
            continue
        x = (mark.x - x0) * scale
        if mark.kind == "end":
            draw.line([(x - radius, y), (x + radius, y)], fill=RED, width=width)
        else:
            draw.ellipse([(x - radius, y - radius), (x + radius, y + radius)], outline=RED, width=width)


def write(sources: Path, figure: str, paper: str, panels: list[tuple[dict, list[Mark]]], out: Path) -> list[Path]:
    """Write the panels of one figure (spec, marks) and its manifest under ``out``; return paths."""
    stem = f"{figure.lower().replace(' ', '')}_{paper}"
    written, entries = [], []
    for spec, marks in panels:
        pdf = sources / "papers" / spec["pdf"]
        text_pt = smallest_text(pdf, spec["page"], spec["bbox"]) or ASSUMED_TEXT_PT
        dpi = resolution(text_pt)
        image = Image.fromarray(render_region(pdf, spec["page"], spec["bbox"], resolution=dpi))
        _draw(image, marks, spec["bbox"], dpi / 72)
        path = out / stem / f"{_slug(spec['panel'])}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        path.write_bytes(buffer.getvalue())
        written.append(path)
        points = sum(mark.kind == "point" for mark in marks)
        lines = sum(mark.kind == "line" for mark in marks)
        entries.append({
            "file": f"{stem}/{path.name}",
            "panel": spec["panel"],
            "width_px": math.ceil(image.width / DENSITY),
            "height_px": math.ceil(image.height / DENSITY),
            "min_font_px": round(text_pt * dpi / 72 / DENSITY, 2),
            "alt": (f"{spec['panel']} as printed in the PDF, with the {points} values stored in the book's data "
                    f"drawn back onto it as red rings" + (f" and {lines} reference line{'s' if lines > 1 else ''} as dashed red lines"
                                                          if lines else "") + "."),
        })
    manifest = out / f"{stem}.json"
    manifest.write_text(json.dumps({"figure": figure, "paper": paper, "panels": entries}, indent=1) + "\n",
                        encoding="utf-8")
    return [*written, manifest]
