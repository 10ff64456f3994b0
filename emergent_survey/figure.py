"""A figure as the book publishes it: panels drawn one by one, shown in a grid that reflows.

A chapter figure is a set of small panels (one plot each) plus one legend. Each panel is its own
matplotlib figure, exported as an SVG file under ``figures/<chapter>/<name>/`` and shown on the
page as an image in a CSS grid: four, three, two or one column as the screen allows, never narrower
than the panel's own size, so figure text stays at least ``MIN_TEXT_PX`` CSS pixels on a 390 px
phone and grows on a projector. The legend is HTML text with drawn swatches (it never covers
data), the figure carries a data line (each file it plots, its kinds and sources, with download
links) and every panel gets alt text written from what it plots.

    grid = FigureGrid("chain_of_thought", "arithmetic")
    for task in tasks:
        ax = grid.panel(f"{task} · PaLM")
        plotting.scaling_plot(ax, rows, ...)
    grid.publish("fig_arithmetic", alt="...", data={"cot_solve_rates": rows})

``publish`` exports the files (and a composite SVG of all panels for slides, and a JSON manifest of every
panel's size, smallest font and series styles that the tests read) and glues the HTML under the
given name for a ``{glue:figure}`` directive, which adds number and caption.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.text import Text

from . import export, plotting, prose, provenance

PANEL_SIZE = (2.5, 2.0)  # inches: 240 x 192 CSS px at natural size
PHONE_CONTENT_PX = 342  # a figure's width inside the book's article on a 390 px screen
MIN_TEXT_PX = 10.0
CSS_PX_PER_PT = 4 / 3
SITE_ROOT = provenance.SITE_ROOT
COMPOSITE_COLUMNS = 3


class FigureDesignError(ValueError):
    """A panel whose text would be smaller than MIN_TEXT_PX on a phone, or a figure without panels."""


@dataclass
class Panel:
    figure: matplotlib.figure.Figure
    ax: matplotlib.axes.Axes
    title: str
    alt: str | None = None
    described: dict | None = None  # set by FigureGrid.save: size, smallest text, series, alt


def family_then_setting(families: list[str], settings: list[str]) -> Callable[[dict], tuple]:
    """A ``legend_order``: the families in this order, each with its settings in order; anything
    else (reference lines) last."""
    def rank(entry: dict) -> tuple:
        if entry["family"] in families and entry["setting"] in settings:
            return families.index(entry["family"]), settings.index(entry["setting"])
        return len(families), 0
    return rank


@dataclass
class FigureGrid:
    chapter: str
    name: str
    panel_size: tuple[float, float] = PANEL_SIZE
    columns: int = 4  # at most this many panels side by side (e.g. one per model family)
    legend_order: Callable[[dict], Any] | None = None  # sort key of legend entries; default: drawing order
    panels: list[Panel] = field(default_factory=list)

    def panel(self, title: str = "", alt: str | None = None, size: tuple[float, float] | None = None):
        """A new panel (its own small figure in the book's style); returns its Axes."""
        plotting.apply_style()
        fig, ax = plt.subplots(figsize=size or self.panel_size, layout="constrained")
        if title:
            plotting.set_title(ax, title)
        self.panels.append(Panel(fig, ax, title, alt))
        return ax

    # ------------------------------------------------------------------ export

    def panel_files(self) -> list[str]:
        """Each panel's file, relative to figures/<chapter>/."""
        return [f"{self.name}/panel-{i:02d}.svg" for i in range(1, len(self.panels) + 1)]

    def save(self, composite: bool = True) -> list[Path]:
        """Export every panel (SVG), the manifest and, unless ``composite`` is False, one SVG of all
        panels and the legend for slides; return the paths."""
        if not self.panels:
            raise FigureDesignError(f"{self.chapter}/{self.name}: a figure needs at least one panel")
        manifest = {"chapter": self.chapter, "name": self.name, "legend": self.legend_entries(), "panels": []}
        paths, drawings = [], []
        for panel, file in zip(self.panels, self.panel_files()):
            drawing = export.svg_bytes(panel.figure, f"{self.chapter}/{file}")  # draws: layout and ticks are set
            panel.described = describe_panel(panel)
            _check_legible(panel.described, f"{self.chapter}/{file}")
            paths.append(export.save_bytes(drawing, self.chapter, file))
            drawings.append(drawing)
            manifest["panels"].append({"file": file, **panel.described})
        if composite:
            legend = _legend_strip(self.legend_entries(), f"{self.chapter}/{self.name}-legend")
            paths.append(export.save_bytes(composite_svg(drawings, legend), self.chapter, f"{self.name}.svg"))
        paths.append(export.save_bytes((json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode(),
                                       self.chapter, f"{self.name}.json"))
        return paths

    def legend_entries(self) -> list[dict]:
        """One entry per distinct labelled series over all panels, in drawing order or ``legend_order``."""
        seen, entries = set(), []
        for panel in self.panels:
            for handle, label in zip(*panel.ax.get_legend_handles_labels()):
                if label in seen or not isinstance(handle, Line2D):
                    continue
                seen.add(label)
                entries.append(series_style(handle, label))
        return sorted(entries, key=self.legend_order) if self.legend_order else entries

    # ------------------------------------------------------------------ page

    def html(self, alt: str, data_files: dict[str, pd.DataFrame] | None = None) -> str:
        """The figure as HTML: legend, reflowing grid of panel images, data line (after ``save``)."""
        items = [panel_html(f"{SITE_ROOT}figures/{self.chapter}/{file}", panel.described)
                 for panel, file in zip(self.panels, self.panel_files())]
        widest = max(p.described["width_px"] for p in self.panels)
        parts = [f'<div class="eb-figure" role="group" aria-label="{html.escape(alt)}">',
                 legend_html(self.legend_entries()), grid_html(items, widest, self.columns),
                 self._data_line(data_files or {}), "</div>"]
        return "".join(part for part in parts if part)

    def _data_line(self, data_files: dict[str, pd.DataFrame]) -> str:
        downloads = (f'<a href="{SITE_ROOT}figures/{self.chapter}/{self.name}.svg" download>all panels in one SVG, for slides</a>'
                     f" (each panel opens as SVG on click)")
        return f'<p class="eb-figure-data">{provenance.data_line(data_files)} Figure: {downloads}.</p>'

    def publish(self, glue_name: str, alt: str, data: dict[str, pd.DataFrame] | None = None) -> None:
        """Export the files and glue the HTML under ``glue_name``; closes the panels."""
        self.save()
        prose.glue_html(glue_name, self.html(alt, data))
        for panel in self.panels:
            plt.close(panel.figure)


# ---------------------------------------------------------------------- page


def panel_html(src: str, described: dict, label: str = "", scroll: bool = False) -> str:
    """One panel image, opening full size on click, with what the tests need to check its text
    size (natural width, smallest text at natural size); ``label`` is shown under it. With
    ``scroll`` the image keeps its natural size and a narrow screen scrolls it sideways in its
    own box (for originals too wide to shrink legibly, such as the read-out overlays)."""
    image = (f'<img class="dark-light" src="{src}" alt="{html.escape(described["alt"])}" loading="lazy" '
             f'width="{described["width_px"]}" height="{described["height_px"]}" '
             f'data-min-font-px="{described["min_font_px"]}">')
    caption = f'<span class="eb-panel-label">{html.escape(label)}</span>' if label else ""
    kind = "eb-panel eb-panel-scroll" if scroll else "eb-panel"
    return f'<a class="{kind}" href="{src}" title="Open this panel full size">{image}{caption}</a>'


def grid_html(items: list[str], panel_width: int, columns: int = 4) -> str:
    """Panels side by side as the screen allows, never narrower than ``panel_width`` CSS px."""
    return (f'<div class="eb-grid" style="--eb-panel-width: {panel_width}px; --eb-columns: {columns}">'
            f'{"".join(items)}</div>')


# ---------------------------------------------------------------------- descriptions


def series_style(line: Line2D, label: str) -> dict:
    """How a series looks, and which family and setting the plotting functions drew it for."""
    tags = dict(part.split("=", 1) for part in (line.get_gid() or "").split("|") if "=" in part)
    return {
        "label": label,
        "family": tags.get("family", ""),
        "setting": tags.get("setting", ""),
        "color": matplotlib.colors.to_hex(line.get_color()),
        "marker": str(line.get_marker()) if line.get_marker() not in (None, "None", "") else "",
        "linestyle": line.get_linestyle() if line.get_linestyle() not in ("None", "") else "",
        "fillstyle": line.get_fillstyle(),
    }


def _visible_texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
            and t.get_window_extent(fig.canvas.get_renderer()).width > 0]


MATHTEXT_SCRIPT_SCALE = 0.7  # matplotlib draws super- and subscripts at 70% of the text size


def _smallest_glyph_pt(text: Text) -> float:
    """The text's size, or its exponents' where it is mathtext with super- or subscripts (10²⁰)."""
    content = text.get_text()
    scripted = "$" in content and ("^" in content or "_" in content)
    return text.get_fontsize() * (MATHTEXT_SCRIPT_SCALE if scripted else 1.0)


def _formatter(ax) -> callable:
    """How the panel's x values read in words: FLOPs in powers of ten, parameters as 175B."""
    label = ax.get_xlabel().lower()
    if "flops" in label:
        return prose.scientific
    if "parameters" in label:
        return prose.parameters
    return lambda value: f"{value:.3g}"


def _reference_position(x: pd.Series, y: pd.Series, x_text) -> str:
    """Where a reference line lies, in words: "at 25" (horizontal), "at x = 10²²" (vertical),
    "along y = x" (a diagonal)."""
    if y.nunique() == 1:
        return f"at {y.iloc[0]:.3g}"
    if x.nunique() == 1:
        return f"at x = {x_text(x.iloc[0])}"
    if (x.to_numpy() == y.to_numpy()).all():
        return "along y = x"
    return f"from ({x_text(x.iloc[0])}, {y.iloc[0]:.3g}) to ({x_text(x.iloc[-1])}, {y.iloc[-1]:.3g})"


def describe_panel(panel: Panel) -> dict:
    """Size, smallest text and series of a panel, and alt text written from the plotted data.
    Call it after the panel is saved: saving draws the figure, so layout and tick labels are current."""
    fig, ax = panel.figure, panel.ax
    width_pt, height_pt = fig.get_figwidth() * 72, fig.get_figheight() * 72
    min_font_pt = min((_smallest_glyph_pt(t) for t in _visible_texts(fig)), default=0.0)
    series, sentences = [], []
    x_text = _formatter(ax)
    for handle, label in zip(*ax.get_legend_handles_labels()):
        if not isinstance(handle, Line2D):
            continue
        series.append(series_style(handle, label))
        x, y = (pd.Series(v, dtype=float) for v in handle.get_data())
        if handle.get_gid() == "reference":
            sentences.append(f"{label} {_reference_position(x.dropna(), y.dropna(), x_text)}")
            continue
        # The points a reader sees: a log axis cannot show zero or less.
        shown = pd.DataFrame({"x": x, "y": y}).dropna()
        for axis, scale in (("x", ax.get_xscale()), ("y", ax.get_yscale())):
            if scale == "log":
                shown = shown[shown[axis] > 0]
        if len(shown) > 1:
            first, last = shown.iloc[0], shown.iloc[-1]
            sentences.append(f"{label}: {first['y']:.3g} at {x_text(first['x'])} to {last['y']:.3g} at "
                             f"{x_text(last['x'])}")
        elif len(shown):
            sentences.append(f"{label}: {shown['y'].iloc[0]:.3g}")
    axes_text = f"{ax.get_ylabel() or 'value'} against {ax.get_xlabel() or 'x'}"
    if ax.get_xscale() == "log":
        axes_text += " (log scale)"
    alt = panel.alt or ". ".join(filter(None, [panel.title, axes_text, "; ".join(sentences)])) + "."
    scale = min(1.0, PHONE_CONTENT_PX / (width_pt * CSS_PX_PER_PT))
    return {
        "title": panel.title,
        "alt": alt,
        "width_px": round(width_pt * CSS_PX_PER_PT),
        "height_px": round(height_pt * CSS_PX_PER_PT),
        "min_font_pt": round(min_font_pt, 2),
        "min_font_px": round(min_font_pt * CSS_PX_PER_PT, 2),
        "min_font_px_on_phone": round(min_font_pt * CSS_PX_PER_PT * scale, 2),
        "series": series,
    }


def _check_legible(described: dict, where: str) -> None:
    if described["min_font_px_on_phone"] < MIN_TEXT_PX:
        raise FigureDesignError(
            f"{where}: smallest text {described['min_font_pt']} pt is {described['min_font_px_on_phone']} CSS px on a "
            f"390 px phone (needs {MIN_TEXT_PX}); make the panel narrower or the text larger")


# ---------------------------------------------------------------------- legend


def _marker_path(marker: str, size: float = 9.0) -> str:
    """SVG path data of a matplotlib marker, centred on (0, 0), ``size`` px across."""
    style = MarkerStyle(marker)
    path = style.get_path().transformed(style.get_transform())
    scale = size / 2
    commands, parts = {1: "M", 2: "L", 79: "Z"}, []
    for vertices, code in path.iter_segments(simplify=False, curves=False):
        command = commands.get(code, "L")
        if command == "Z":
            parts.append("Z")
        else:
            parts.append(f"{command}{vertices[0] * scale:.2f} {-vertices[1] * scale:.2f}")
    return " ".join(parts)


DASHES = {"-": "", "--": "5 3", ":": "1.5 2.5", "-.": "6 2.5 1.5 2.5"}
FILLED_MARKERS = set(MarkerStyle.filled_markers)


def swatch_svg(entry: dict) -> str:
    """A 34 x 14 px drawing of a series: its line style, colour and marker (hollow or filled)."""
    color = entry["color"]
    parts = ['<svg class="eb-swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">']
    if entry["linestyle"]:
        dash = DASHES.get(entry["linestyle"], "")
        parts.append(f'<line x1="1" y1="7" x2="33" y2="7" stroke="{color}" stroke-width="1.8"'
                     + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    if entry["marker"]:
        filled = entry["fillstyle"] != "none" and entry["marker"] in FILLED_MARKERS
        fill = color if filled else "white"
        parts.append(f'<path transform="translate(17 7)" d="{_marker_path(entry["marker"])}" fill="{fill}" '
                     f'stroke="{color}" stroke-width="1.3"/>')
    parts.append("</svg>")
    return "".join(parts)


def legend_html(entries: list[dict]) -> str:
    if not entries:
        return ""
    items = "".join(f"<li>{swatch_svg(e)}<span>{html.escape(e['label'])}</span></li>" for e in entries)
    return f'<ul class="eb-legend" aria-label="Legend">{items}</ul>'


def _legend_strip(entries: list[dict], salt: str) -> bytes | None:
    """The legend as an SVG row, for the composite."""
    if not entries:
        return None
    plotting.apply_style()
    fig = plt.figure(figsize=(COMPOSITE_COLUMNS * PANEL_SIZE[0], 0.3 + 0.22 * math.ceil(len(entries) / 2)))
    handles = [Line2D([], [], color=e["color"], marker=e["marker"] or None, linestyle=e["linestyle"] or "none",
                      fillstyle=e["fillstyle"]) for e in entries]
    fig.legend(handles, [e["label"] for e in entries], loc="center", ncols=2, frameon=False)
    drawing = export.svg_bytes(fig, salt)
    plt.close(fig)
    return drawing


SVG_ROOT = re.compile(rb"<svg\b[^>]*>")
SVG_SIZE = re.compile(rb'width="([\d.]+)pt" height="([\d.]+)pt"')


def _nested(drawing: bytes, index: int, x: float, y: float) -> tuple[bytes, float, float]:
    """One SVG document as an element placed at (x, y) pt of another, its ids made unique."""
    root = SVG_ROOT.search(drawing)
    width, height = (float(v) for v in SVG_SIZE.search(root.group(0)).groups())
    prefix = f"s{index}-".encode()
    body = drawing[root.end():drawing.rindex(b"</svg>")]
    body = re.sub(rb'id="', b'id="' + prefix, body)
    body = re.sub(rb'(url\(#|href="#)', rb"\1" + prefix, body)
    opening = f'<svg x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}">'
    return opening.encode() + body + b"</svg>\n", width, height


def composite_svg(drawings: list[bytes], legend: bytes | None, columns: int = COMPOSITE_COLUMNS) -> bytes:
    """Panel SVGs in rows of ``columns`` and the legend under them, as one SVG (vector: it scales
    to any slide). No raster is drawn, so composing costs next to nothing."""
    columns = min(columns, len(drawings))
    sizes = [tuple(float(v) for v in SVG_SIZE.search(SVG_ROOT.search(d).group(0)).groups()) for d in drawings]
    cell_w, cell_h = max(w for w, _ in sizes), max(h for _, h in sizes)
    rows = math.ceil(len(drawings) / columns)
    parts, legend_h, legend_w = [], 0.0, 0.0
    for i, drawing in enumerate(drawings):
        parts.append(_nested(drawing, i, (i % columns) * cell_w, (i // columns) * cell_h)[0])
    if legend is not None:
        placed, legend_w, legend_h = _nested(legend, len(drawings), 0, rows * cell_h)
        parts.append(placed)
    width, height = max(columns * cell_w, legend_w), rows * cell_h + legend_h
    head = (f'<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{width:g}pt" height="{height:g}pt" '
            f'viewBox="0 0 {width:g} {height:g}" version="1.1">\n<rect width="100%" height="100%" fill="white"/>\n')
    return head.encode() + b"".join(parts) + b"</svg>\n"
