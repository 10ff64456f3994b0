"""Read plotted data out of the vector graphics of a paper's PDF figure.

One job: a panel of a vector (matplotlib, pgfplots, seaborn-style) figure -> its data points.

* ``read_panel(pdf, page, bbox)`` calibrates both axes from numeric tick labels paired with their
  tick marks or grid lines, finds every coloured series (marker anchors and polyline vertices) and
  the horizontal reference lines, and maps them to data units.
* ``read_legend(pdf, page, bbox)`` names series keys from legend text next to legend glyphs.
* ``find_panels(pdf, page)`` proposes axes boxes on a page, to help write panel specifications.
* ``read_bars(pdf, page, bbox)`` reads a bar chart (one value per bar, bars by fill colour or
  hatching) over a category axis.

Axes that carry no numeric labels next to their own tick marks are read with options of
``read_panel``: ``x_scale="category"`` (a row of names or sizes under the plot), ``x_ticks`` /
``y_ticks`` (tick values printed on a neighbouring panel, or drawn as glyph outlines rather than
text), ``tickless`` (labels without tick marks); ``error_bars=True`` adds each point's error bar.

Coordinates are pdfplumber's: points, x from the left, ``top`` from the top of the page. A series
is keyed ``"#rrggbb:marker"`` (marker = circle, square, diamond, triangle-up, pentagon, star, x,
plus, ..., or ``line`` for polyline vertices without a marker), because papers reuse one colour for
two families with different markers (Wei et al. 2022 draw LaMDA and PaLM both in blue; BIG-bench
draws dense and sparse BIG-G of one shot count in one shade, with diamonds and "x" markers).
Grey and black series are read only on request (``grey_series=True``), as grey is mostly axes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pdfplumber
import pdfplumber.page
import pypdfium2
from pdfminer.pdfinterp import PDFPageInterpreter

__all__ = ["Axis", "Panel", "ReadoutError", "find_panels", "read_bars", "read_legend", "read_panel"]

# Geometry tolerances, in PDF points.
STRAIGHT_TOL = 0.05  # a segment is vertical/horizontal if its ends differ by less than this
SAME_POINT_TOL = 0.02  # a marker and a polyline vertex closer than this are one data point
MAX_MARKER_SIZE = 15.0  # closed coloured paths larger than this are areas, not markers
MARK_LABEL_GAP = 20.0  # a tick mark or grid line must end within this distance of its label
MAX_TICK_LENGTH = 8.0  # tick marks given values by the caller (read_panel x_ticks/y_ticks) are this short
BAR_BASE_TOL = 0.1  # a bar stands on the y = 0 line if its base is this close to it

# Axis calibration, as fractions of the axis span (decades on a log axis).
OUTLIER_MISFIT = 1e-3  # a fit through all ticks missing by more than this may hide one misprinted label
CONSISTENT_FIT = 1e-4  # ... if the other ticks (at least 3) then agree to within this

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2010": "-"})
SUFFIX_FACTORS = {"K": 1e3, "k": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12}
NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?([KkMBGT])?%?$")


class ReadoutError(ValueError):
    """A panel could not be read; the message names page, bbox and what was missing."""


@dataclass(frozen=True)
class Axis:
    """Calibration of one axis: value = intercept + slope * coord (log10(value) on a log axis)."""

    scale: str  # "linear" or "log"
    intercept: float
    slope: float
    max_residual: float  # axis units: decades on a log axis, values on a linear one
    tick_values: tuple[float, ...]
    tick_coords: tuple[float, ...]  # x for the x axis, top for the y axis
    # Tick labels left out of the fit because they disagree with all the others (value, coord):
    # a figure that prints "3.2" at a tick it placed at 3.0 (Wei et al. 2022, Fig. 6).
    rejected_ticks: tuple[tuple[float, float], ...] = ()
    # A "category" axis (``x_scale="category"``): the labels in page order; values are their
    # indices 0, 1, ..., a coordinate maps to the nearest label and tick_coords are label centres.
    categories: tuple[str, ...] = ()

    def to_data(self, coord):
        if self.scale == "category":
            coord = np.asarray(coord, dtype=float)
            centres = np.asarray(self.tick_coords)
            return np.abs(coord[..., None] - centres).argmin(axis=-1).astype(float)
        fitted = self.intercept + self.slope * np.asarray(coord, dtype=float)
        return 10.0**fitted if self.scale == "log" else fitted

    def to_coord(self, value):
        """The inverse of ``to_data``: where a data value sits on the page."""
        value = np.asarray(value, dtype=float)
        if self.scale == "category":
            return np.interp(value, np.arange(len(self.tick_coords)), self.tick_coords)
        fitted = np.log10(value) if self.scale == "log" else value
        return (fitted - self.intercept) / self.slope


@dataclass
class Panel:
    """What ``read_panel`` found: points (one row per data point), reference lines, calibration."""

    page_number: int
    bbox: tuple[float, float, float, float]
    x_axis: Axis
    y_axis: Axis
    points: pd.DataFrame  # series, x, y, x_residual, y_residual, color, marker, pdf_x, pdf_top
    reference_lines: pd.DataFrame  # color, y, y_residual, pdf_top, dashed
    plot_area: tuple[float, float, float, float] = field(default=(0, 0, 0, 0))


# --------------------------------------------------------------------------- reading a page


class _FormInheritsGraphicsState(PDFPageInterpreter):
    """pdfminer starts every Form XObject with a fresh graphics state, so matplotlib's markers
    (one form, painted many times after setting the colour) come out black. The PDF standard
    (ISO 32000-1, 8.10.1) says a form inherits the state at its ``Do``; this interpreter does that."""

    def subinterp(self):
        child = super().subinterp()
        inherited = self.graphicstate.copy()
        fresh_state = child.init_state

        def init_state(ctm):
            fresh_state(ctm)
            child.graphicstate = inherited.copy()

        child.init_state = init_state
        return child


# Laying out a page (pdfminer) is the slow part of a read-out and several panels share a page:
# keep each opened PDF, and each page it has laid out, for the rest of the process.
_OPEN_PDFS: dict[tuple[str, float], pdfplumber.PDF] = {}


def _pdf(pdf_path) -> pdfplumber.PDF:
    """``pdf_path`` opened once per process and file version."""
    path = Path(pdf_path).resolve()
    key = (str(path), path.stat().st_mtime)
    if key not in _OPEN_PDFS:
        _OPEN_PDFS[key] = pdfplumber.open(path)
    return _OPEN_PDFS[key]


def _page(pdf_path, page_number: int):
    """The laid-out page ``page_number`` of ``pdf_path``."""
    return _laid_out_page(_pdf(pdf_path), page_number, pdf_path)


def _laid_out_page(pdf, page_number: int, pdf_path):
    """The page of an open pdfplumber PDF, laid out with form XObjects in their caller's colours."""
    if not 1 <= page_number <= len(pdf.pages):
        raise ReadoutError(f"{Path(pdf_path).name} has {len(pdf.pages)} pages, asked for page {page_number}")
    page = pdf.pages[page_number - 1]
    original = pdfplumber.page.PDFPageInterpreter
    pdfplumber.page.PDFPageInterpreter = _FormInheritsGraphicsState
    try:
        page.layout  # noqa: B018  (cached by pdfplumber; later accessors reuse it)
    finally:
        pdfplumber.page.PDFPageInterpreter = original
    return page


# --------------------------------------------------------------------------- colours and shapes


def _rgb(color) -> tuple[float, float, float] | None:
    """pdfplumber colour (grey, RGB or CMYK tuple) -> RGB in 0..1, or None for patterns/none."""
    if color is None or isinstance(color, str):
        return None
    if isinstance(color, (int, float)):
        color = (color,)
    values = [float(c) for c in color if isinstance(c, (int, float))]
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return tuple(values)
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _is_chromatic(rgb) -> bool:
    return rgb is not None and max(rgb) - min(rgb) > 0.05


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgb)


def _object_color(obj) -> tuple[float, float, float] | None:
    """The chromatic colour of a path: fill if filled and coloured, else stroke; None if grey."""
    fill = _rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
    stroke = _rgb(obj.get("stroking_color")) if obj.get("stroke") else None
    for rgb in (fill, stroke):
        if _is_chromatic(rgb):
            return rgb
    return None


def _achromatic_color(obj):
    """The grey/black colour a tick mark or grid line is painted in, or None if coloured."""
    rgb = _rgb(obj.get("stroking_color")) if obj.get("stroke") else _rgb(obj.get("non_stroking_color"))
    return None if rgb is None or _is_chromatic(rgb) else rgb


def _vertices(obj) -> list[tuple[float, float]]:
    """End points of a path's segments (Bezier control points left out), closing repeat dropped."""
    path = obj.get("path") or [("m", p) for p in obj.get("pts", [])]
    points = [op[-1] for op in path if op[0] in ("m", "l", "c", "v", "y")]
    if len(points) > 1 and math.dist(points[0], points[-1]) < 1e-6:
        points = points[:-1]
    return [(float(x), float(y)) for x, y in points]


def _is_closed(obj) -> bool:
    if obj["object_type"] == "rect":
        return True
    path = obj.get("path") or []
    if any(op[0] == "h" for op in path):
        return True
    pts = obj.get("pts", [])
    return len(pts) > 2 and math.dist(pts[0], pts[-1]) < 1e-6


def _marker_shape_and_anchor(obj) -> tuple[str, tuple[float, float]]:
    """Name a marker path and the point it was drawn around.

    Circles and squares: the bounding-box centre. Polygons whose vertices are equally spaced in
    angle around their centroid (pgfplots triangles, pentagons, stars): the vertex centroid; other
    polygons (matplotlib's isoceles triangles): the bounding-box centre, which is where matplotlib
    places its marker origin. Both rules were checked against legend markers sitting on legend lines.
    """
    box_centre = ((obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2)
    if any(op[0] in ("c", "v", "y") for op in obj.get("path") or []):
        return "circle", box_centre
    verts = np.array(sorted(set(_vertices(obj)), key=_vertices(obj).index))
    n = len(verts)
    centroid = verts.mean(axis=0)
    if n == 4 and len(set(np.round(verts[:, 0], 3))) == 2 and len(set(np.round(verts[:, 1], 3))) == 2:
        return "square", box_centre
    angles = np.sort(np.arctan2(verts[:, 1] - centroid[1], verts[:, 0] - centroid[0]))
    gaps = np.diff(np.append(angles, angles[0] + 2 * math.pi))
    symmetric = n >= 3 and np.allclose(gaps, 2 * math.pi / n, atol=0.02)
    anchor = tuple(centroid) if symmetric else box_centre
    if n == 3:
        # The apex is the vertex that shares neither coordinate with the other two (the base).
        xs, ys = np.round(verts[:, 0], 2), np.round(verts[:, 1], 2)
        if len(set(ys)) == 2:
            apex_y = next(y for y in ys if list(ys).count(y) == 1)
            direction = "down" if apex_y > ys.mean() else "up"  # top grows downwards
        else:
            apex_x = next((x for x in xs if list(xs).count(x) == 1), xs[0])
            direction = "right" if apex_x > xs.mean() else "left"
        return f"triangle-{direction}", anchor
    names = {4: "diamond", 5: "pentagon", 6: "hexagon", 8: "octagon", 10: "star"}
    return names.get(n, f"polygon{n}"), anchor


# --------------------------------------------------------------------------- tick labels


@dataclass
class _Label:
    value: float
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    is_power_of_ten: bool

    @property
    def cx(self):
        return (self.x0 + self.x1) / 2

    @property
    def cy(self):
        return (self.top + self.bottom) / 2


def _decoded(text: str) -> str:
    """Text in a font whose glyphs are named by their TrueType glyph index.

    matplotlib's Type 3 fonts may name glyphs ``uni0000001b`` after the glyph's index in the
    font, and pdfminer reads that name as the text ("\\x00\\x1b"). Fonts in the Macintosh
    standard glyph order (Arial, DejaVu Sans, ...) hold ASCII 32-126 at indices 3-97, so such
    text is decoded as index + 29 ("8"); any other text is returned unchanged.
    """
    if len(text) % 2 or not text or any(text[i] != "\x00" or not 3 <= ord(text[i + 1]) <= 97 for i in range(0, len(text), 2)):
        return text
    return "".join(chr(ord(text[i + 1]) + 29) for i in range(0, len(text), 2))


def _parse_number(text: str) -> float | None:
    text = text.translate(MINUS_SIGNS).replace(",", "")
    if not NUMBER_RE.match(text):
        return None
    text = text.rstrip("%")
    factor = SUFFIX_FACTORS.get(text[-1], 1.0)
    return float(text.rstrip("KkMBGT")) * factor


def _minus_paths(page, words) -> dict[int, dict]:
    """Minus signs drawn as short thin filled bars just left of a word (matplotlib/TeX do this)."""
    bars = [
        o
        for o in page.objects.get("rect", []) + page.objects.get("curve", []) + page.objects.get("line", [])
        if o["width"] > 0 and o["height"] < 1.0 and o["width"] < 12
    ]
    found = {}
    for i, w in enumerate(words):
        size = w["size"]
        for bar in bars:
            gap = w["x0"] - bar["x1"]
            centre = (bar["top"] + bar["bottom"]) / 2
            if (
                -0.2 <= gap <= 0.6 * size
                and bar["height"] < 0.2 * size
                and 0.25 * size < bar["width"] < 1.2 * size
                and w["top"] < centre < w["bottom"]
            ):
                found[i] = bar
                break
    return found


def _tick_labels(page, bbox) -> tuple[list[_Label], list[dict]]:
    """Numeric labels in bbox, with raised smaller exponents joined to their base (10 + 18 = 1e18)."""
    x0, top, x1, bottom = bbox

    def inside(obj):
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return obj.get("upright", True) and x0 <= cx <= x1 and top <= cy <= bottom

    words = page.filter(inside).extract_words(extra_attrs=["size"], x_tolerance=1.0, keep_blank_chars=False)
    words = [dict(w, text=_decoded(w["text"])) for w in words
             if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    minus = _minus_paths(page, words)
    for i, bar in minus.items():
        words[i] = dict(words[i], text="-" + words[i]["text"], x0=bar["x0"])

    used: set[int] = set()
    labels: list[_Label] = []
    # Bigger words first, so a base claims its exponent before the exponent is read on its own.
    order = sorted(range(len(words)), key=lambda i: (-round(words[i]["size"], 2), words[i]["top"], words[i]["x0"]))
    for i in order:
        if i in used:
            continue
        base = words[i]
        text = base["text"]
        exponent_word = None
        for j, w in enumerate(words):
            if j == i or j in used:
                continue
            raised = (
                w["bottom"] < base["bottom"] - 0.15 * base["size"]
                and w["top"] < base["top"] + 0.1
                and w["bottom"] > base["top"] + 0.2 * base["size"]  # still overlapping the base
            )
            if raised and w["size"] < 0.9 * base["size"] and -0.5 <= w["x0"] - base["x1"] <= 0.5 * base["size"]:
                exponent_word = (j, w)
                break
        if exponent_word is not None and _parse_number(text) is not None:
            exponent = _parse_number(exponent_word[1]["text"])
            if exponent is not None and float(exponent).is_integer():
                used.update({i, exponent_word[0]})
                w = exponent_word[1]
                value = _parse_number(text) ** exponent
                labels.append(
                    _Label(value, f"{text}^{w['text']}", base["x0"], min(base["top"], w["top"]), max(base["x1"], w["x1"]), base["bottom"], text == "10")
                )
                continue
        unicode_power = re.match(r"^(-?10)([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$", text.translate(MINUS_SIGNS))
        if unicode_power:  # "10⁷"
            value = float(unicode_power[1]) ** int(unicode_power[2].translate(SUPERSCRIPT_DIGITS))
        else:
            value = _parse_number(text)
        if value is None:
            continue
        used.add(i)
        labels.append(_Label(value, base["text"], base["x0"], base["top"], base["x1"], base["bottom"],
                             _is_power_of_ten(value)))
    return labels, list(minus.values())


def _clusters(labels: list[_Label], key, tol: float = 1.5) -> list[list[_Label]]:
    groups: list[list[_Label]] = []
    for label in sorted(labels, key=key):
        if groups and abs(key(groups[-1][-1]) - key(label)) <= tol:
            groups[-1].append(label)
        else:
            groups.append([label])
    return groups


# --------------------------------------------------------------------------- tick marks and grid lines


@dataclass
class _Segment:
    obj: dict
    orientation: str  # "v" or "h"
    position: float  # x of a vertical, top of a horizontal segment
    start: float  # top (vertical) or x0 (horizontal)
    end: float
    dashed: bool


def _segments(objects) -> list[_Segment]:
    """Straight vertical/horizontal two-point paths and hairline rectangles."""
    found = []
    for obj in objects:
        if obj["object_type"] == "rect":
            if obj["width"] < 0.6 <= obj["height"]:
                found.append(_Segment(obj, "v", (obj["x0"] + obj["x1"]) / 2, obj["top"], obj["bottom"], False))
            elif obj["height"] < 0.6 <= obj["width"]:
                found.append(_Segment(obj, "h", (obj["top"] + obj["bottom"]) / 2, obj["x0"], obj["x1"], False))
            continue
        verts = _vertices(obj)
        if len(verts) != 2 or _is_closed(obj):
            continue
        (xa, ya), (xb, yb) = verts
        dashed = bool(obj.get("dash") and obj["dash"][0])
        if abs(xa - xb) < STRAIGHT_TOL and abs(ya - yb) > 0.5:
            found.append(_Segment(obj, "v", (xa + xb) / 2, min(ya, yb), max(ya, yb), dashed))
        elif abs(ya - yb) < STRAIGHT_TOL and abs(xa - xb) > 0.5:
            found.append(_Segment(obj, "h", (ya + yb) / 2, min(xa, xb), max(xa, xb), dashed))
    return found


def _pair_marks(labels, marks, axis: str) -> list[tuple[_Label, _Segment]]:
    """Each label with the tick mark or grid line that points at it (solid preferred)."""
    pairs = []
    for label in labels:
        if axis == "x":
            near = [
                m for m in marks
                if m.orientation == "v" and label.x0 - 1 <= m.position <= label.x1 + 1
                and -1 <= label.top - m.end <= MARK_LABEL_GAP
            ]
            key = lambda m: (abs(m.position - label.cx), m.dashed)  # noqa: E731
        else:
            near = [
                m for m in marks
                if m.orientation == "h" and label.top - 1 <= m.position <= label.bottom + 1
                and -1 <= m.start - label.x1 <= MARK_LABEL_GAP
            ]
            key = lambda m: (abs(m.position - label.cy), m.dashed)  # noqa: E731
        if near:
            pairs.append((label, min(near, key=key)))
    return pairs


def _fit(coords, values, scale: str) -> Axis:
    coords = np.asarray(coords, dtype=float)
    targets = np.log10(values) if scale == "log" else np.asarray(values, dtype=float)
    slope, intercept = np.polyfit(coords, targets, 1)
    residual = float(np.max(np.abs(intercept + slope * coords - targets)))
    return Axis(scale, float(intercept), float(slope), residual, tuple(map(float, values)), tuple(map(float, coords)))


def _span(values, scale: str) -> float:
    return math.log10(max(values) / min(values)) if scale == "log" else max(values) - min(values)


def _fit_without_outlier(coords, values, scale: str) -> Axis:
    """The fit through all ticks, unless exactly one tick label is inconsistent with the rest.

    With four or more ticks, if the full fit misses by more than OUTLIER_MISFIT of the axis span
    and leaving one tick out makes the others agree to CONSISTENT_FIT (100x better), that tick's
    label is taken to be misprinted and is left out (listed in ``Axis.rejected_ticks``): the
    plotted data were placed by the plotting program at the tick's position, not at its label.
    """
    axis = _fit(coords, values, scale)
    if len(values) < 4 or axis.max_residual <= OUTLIER_MISFIT * _span(values, scale):
        return axis
    best = None
    for i in range(len(values)):
        rest_coords = [c for j, c in enumerate(coords) if j != i]
        rest_values = [v for j, v in enumerate(values) if j != i]
        if len(set(rest_values)) < 3:
            continue
        fit = _fit(rest_coords, rest_values, scale)
        if best is None or fit.max_residual < best[1].max_residual:
            best = (i, fit)
    if best is None:
        return axis
    i, fit = best
    if fit.max_residual <= CONSISTENT_FIT * _span(fit.tick_values, scale) and fit.max_residual * 100 <= axis.max_residual:
        return Axis(fit.scale, fit.intercept, fit.slope, fit.max_residual, fit.tick_values, fit.tick_coords,
                    ((float(values[i]), float(coords[i])),))
    return axis


def _calibrate(pairs, scale: str | None, where: str, axis: str) -> Axis:
    coords = [m.position for _, m in pairs]
    values = [label.value for label, _ in pairs]
    if len(set(np.round(coords, 3))) < 2 or len(set(values)) < 2:
        raise ReadoutError(
            f"{where}: found {len(pairs)} {axis} tick label(s) with a tick mark or grid line, need at least 2"
        )
    if scale is None:
        positive = all(v > 0 for v in values)
        if not positive:
            scale = "linear"
        elif len(values) == 2:
            scale = "log" if all(label.is_power_of_ten for label, _ in pairs) else "linear"
        else:
            linear, log = _fit(coords, values, "linear"), _fit(coords, values, "log")
            span_linear = max(values) - min(values)
            span_log = math.log10(max(values) / min(values))
            scale = "log" if log.max_residual / span_log < linear.max_residual / span_linear else "linear"
    if scale not in ("linear", "log"):
        raise ReadoutError(f"{where}: {axis}_scale must be 'linear' or 'log', not {scale!r}")
    if scale == "log" and min(values) <= 0:
        raise ReadoutError(f"{where}: {axis} axis asked to be log but has tick label {min(values)}")
    return _fit_without_outlier(coords, values, scale)


# --------------------------------------------------------------------------- the panel


def _legend_boxes(objects, chars, plot_area) -> list[tuple[float, float, float, float]]:
    """White-filled boxes inside the plot area holding text: legends, whose glyphs are not data."""
    px0, ptop, px1, pbottom = plot_area
    plot_size = (px1 - px0) * (pbottom - ptop)
    boxes = []
    for obj in objects:
        fill = _rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
        if fill is None or min(fill) < 0.9 or not _is_closed(obj):
            continue
        box = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
        if (box[2] - box[0]) * (box[3] - box[1]) > 0.5 * plot_size:
            continue  # axes or figure background
        if box[0] < px0 - 1 or box[2] > px1 + 1 or box[1] < ptop - 1 or box[3] > pbottom + 1:
            continue
        if any(_inside(_centre(c), box) for c in chars):
            boxes.append(box)
    return boxes


def _centre(obj) -> tuple[float, float]:
    return (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2


def _inside(point, box, margin: float = 0.0) -> bool:
    x, y = point
    return box[0] - margin <= x <= box[2] + margin and box[1] - margin <= y <= box[3] + margin


def _overlaps(obj, box) -> bool:
    return obj["x1"] >= box[0] and obj["x0"] <= box[2] and obj["bottom"] >= box[1] and obj["top"] <= box[3]


def _segment_ends(obj):
    """The two ends of an open straight two-point path, or None."""
    if obj["object_type"] == "rect" or _is_closed(obj):
        return None
    verts = _vertices(obj)
    return verts if len(verts) == 2 and math.dist(*verts) > 0 else None


def _cross_markers(objects, color_of) -> tuple[list[tuple[str, str, float, float]], set[int]]:
    """Markers drawn as crossing strokes: matplotlib's and pgfplots' "x" and "+" (and asterisks),
    which a PDF holds as separate short two-point lines of one colour through one centre.

    Returns (colour, shape, x, top) per marker, anchored at the common midpoint, and the ids of
    the strokes used. A lone stroke (an error bar, a cap, a legend line) is not a marker.
    """
    strokes: dict[str, list[tuple[dict, tuple[float, float], float, bool, float]]] = {}  # obj, centre, length, straight, angle
    for obj in objects:
        color = color_of(obj)
        ends = _segment_ends(obj) if color is not None else None
        if ends is None:
            continue
        (xa, ya), (xb, yb) = ends
        length = math.dist(ends[0], ends[1])
        if length > MAX_MARKER_SIZE:
            continue
        straight = abs(xa - xb) < STRAIGHT_TOL or abs(ya - yb) < STRAIGHT_TOL
        angle = math.atan2(yb - ya, xb - xa) % math.pi  # direction, either way along the stroke
        strokes.setdefault(color, []).append((obj, ((xa + xb) / 2, (ya + yb) / 2), length, straight, angle))
    markers, used = [], set()
    for color, items in strokes.items():
        groups: list[list] = []
        for item in items:
            # Same centre and about the same length (a legend line through a legend "x" is longer).
            group = next(
                (g for g in groups if math.dist(g[0][1], item[1]) < SAME_POINT_TOL and 2 / 3 <= g[0][2] / item[2] <= 3 / 2), None
            )
            if group is None:
                groups.append([item])
            else:
                group.append(item)
        for group in groups:
            if len(group) < 2:
                continue
            # Strokes crossing in one point: the same stroke drawn twice is not a cross.
            angles = sorted(g[4] for g in group)
            spread = max(b - a for a, b in zip(angles, angles[1:] + [angles[0] + math.pi]))
            if spread > math.pi - 0.2:  # all strokes (nearly) parallel
                continue
            if len(group) == 2:
                shape = "plus" if all(g[3] for g in group) else "x" if not any(g[3] for g in group) else "asterisk"
            else:
                shape = "asterisk"
            x, y = np.mean([g[1] for g in group], axis=0)
            markers.append((color, shape, float(x), float(y)))
            used.update(id(g[0]) for g in group)
    return markers, used


def _grey_series_color(obj) -> tuple[float, float, float] | None:
    """The grey/black colour of a path (fill first, else stroke), None if coloured or near-white.

    Callers keep only closed marker-sized shapes, crossing strokes and polylines of three or more
    vertices with a sloped segment: grey two-point lines and axis-parallel paths are spines,
    ticks, grids and frames.
    """
    fill = _rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
    stroke = _rgb(obj.get("stroking_color")) if obj.get("stroke") else None
    rgb = next((c for c in (fill, stroke) if c is not None), None)
    if rgb is None or _is_chromatic(rgb) or min(rgb) > 0.9:
        return None  # coloured, or white/near-white backgrounds
    return rgb


def _series_points(objects, plot_area, skip_ids, grey_series: bool = False) -> list[tuple[str, str, float, float]]:
    """(colour, marker, x, top) for every marker anchor and coloured polyline vertex in the plot.

    With ``grey_series``, grey and black markers and sloped polylines count as series too."""

    def color_of(obj):
        if id(obj) in skip_ids:
            return None
        rgb = _object_color(obj)
        if rgb is None and grey_series:
            rgb = _grey_series_color(obj)
        return None if rgb is None else _hex(rgb)

    by_color: dict[str, list[tuple[str, float, float]]] = {}
    crosses, cross_ids = _cross_markers(objects, color_of)
    for color, shape, x, y in crosses:
        if _inside((x, y), plot_area):
            by_color.setdefault(color, []).append((shape, x, y))
    for obj in objects:
        if id(obj) in cross_ids:
            continue
        color = color_of(obj)
        if color is None:
            continue
        grey = _object_color(obj) is None
        if _is_closed(obj):
            if obj["width"] > MAX_MARKER_SIZE or obj["height"] > MAX_MARKER_SIZE or max(obj["width"], obj["height"]) < 0.3:
                continue
            shape, (x, y) = _marker_shape_and_anchor(obj)
            if _inside((x, y), plot_area):
                by_color.setdefault(color, []).append((shape, x, y))
            continue
        verts = _vertices(obj)
        if grey:
            pairs = list(zip(verts, verts[1:]))
            sloped = any(abs(a[0] - b[0]) >= STRAIGHT_TOL and abs(a[1] - b[1]) >= STRAIGHT_TOL for a, b in pairs)
            if len(verts) < 3 or not sloped:
                continue  # a spine, tick, grid line or frame
        if len(verts) == 2 and abs(verts[0][0] - verts[1][0]) < STRAIGHT_TOL:
            continue  # a vertical bar (error bar), not a series
        if len(verts) == 2 and abs(verts[0][1] - verts[1][1]) < STRAIGHT_TOL and not all(_inside(v, plot_area) for v in verts):
            continue  # a horizontal line running out of the plot: a clipped reference line of a neighbour
        for x, y in verts:
            if _inside((x, y), plot_area):
                by_color.setdefault(color, []).append(("line", x, y))

    found = []
    for color, items in by_color.items():
        # Markers first, so a vertex under a marker takes the marker's shape.
        items.sort(key=lambda item: item[0] == "line")
        kept: list[tuple[str, float, float]] = []
        # Kept points by grid cell of side SAME_POINT_TOL: a point within the tolerance of a kept
        # one lies in the same or a neighbouring cell (a figure may hold tens of thousands of vertices).
        cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for shape, x, y in items:
            cx, cy = math.floor(x / SAME_POINT_TOL), math.floor(y / SAME_POINT_TOL)
            near = (k for i in (-1, 0, 1) for j in (-1, 0, 1) for k in cells.get((cx + i, cy + j), ()))
            if not any(math.hypot(kx - x, ky - y) < SAME_POINT_TOL for kx, ky in near):
                kept.append((shape, x, y))
                cells.setdefault((cx, cy), []).append((x, y))
        found.extend((color, shape, x, y) for shape, x, y in kept)
    return found


def _add_data_coordinates(points: pd.DataFrame, x_axis: Axis, y_axis: Axis) -> None:
    """Columns x, y (the marks' PDF positions in data units) and the axes' fit residuals, in place."""
    points["x"] = x_axis.to_data(points["pdf_x"]) if len(points) else []
    points["y"] = y_axis.to_data(points["pdf_top"]) if len(points) else []
    points["x_residual"] = x_axis.max_residual
    points["y_residual"] = y_axis.max_residual


def _panel_region(pdf_path, page_number: int, bbox):
    """The panel's box as floats, its name for messages, the page, and the drawn objects and
    characters inside the box."""
    bbox = tuple(float(v) for v in bbox)
    where = f"page {page_number} bbox ({', '.join(f'{v:g}' for v in bbox)})"
    page = _page(pdf_path, page_number)
    objects = [o for kind in ("line", "curve", "rect") for o in page.objects.get(kind, []) if _overlaps(o, bbox)]
    chars = [c for c in page.chars if _inside(_centre(c), bbox)]
    return bbox, where, page, objects, chars


def read_panel(
    pdf_path, page_number: int, bbox, *, x_scale: str | None = None, y_scale: str | None = None, grey_series: bool = False,
    x_ticks=None, y_ticks=None, tickless: bool = False, label_offset: tuple[float, float] = (0.0, 0.0),
    error_bars: bool = False,
) -> Panel:
    """Read one plot panel of a vector PDF figure into data points.

    bbox = (x0, top, x1, bottom) in PDF points (pdfplumber coordinates) around the axes and their
    tick labels. x_scale / y_scale ("linear" or "log") override the automatic choice, which is log
    when the labels are powers of ten or ratio-spaced. Series are the coloured markers and
    polylines; ``grey_series=True`` also reads grey and black ones (a black "Exact match" curve,
    a grey loss curve), leaving out two-point and axis-parallel grey paths (spines, ticks, grids).
    Raises ReadoutError if an axis cannot be calibrated.

    For axes that the default calibration cannot read:

    * ``x_scale="category"``: the x axis is a row of labels (model names, sizes "8b", "S", "M"),
      not numbers on a scale. The labels are the words of the first text row below the lowest y
      tick; a point belongs to the label whose centre is nearest, ``x`` is that label's index
      (0, 1, ... left to right) and the added column ``x_label`` its text. Reference lines are
      the horizontal lines (also flat polylines) running across every label.
    * ``x_ticks`` / ``y_ticks``: the values of this panel's own tick marks where the panel prints
      no text labels for them, in page order (left to right, top to bottom): labels printed on a
      neighbouring panel that shares the axis, or labels drawn as glyph outlines. The marks are
      the short (at most MAX_TICK_LENGTH) grey segments along one spine; where minor ticks are
      drawn too, only the longest (major) marks are used. Their number must equal the values'.
    * ``tickless=True``: axes drawn without tick marks or grid lines. Each numeric label stands
      for its tick at the label's centre moved by ``label_offset`` = (dx, dy) points (dx for x
      labels, dy for y labels): plotting programs centre x labels on their tick but may align
      y labels by their baseline, an offset the caller measures on a panel where it is known.
      A label's text box is not its ink: centres of "10^k" labels miss their tick by up to
      ~0.3 pt, enough to tell sizes apart, not to measure x precisely.

    ``error_bars=True`` adds the columns ``y_low`` and ``y_high``: the ends of the vertical
    segment of the point's colour drawn through it (NaN where there is none).
    """
    bbox, where, page, objects, chars = _panel_region(pdf_path, page_number, bbox)
    x_axis, x_pairs, y_axis, y_pairs, minus_ids = _calibrated_axes(
        page, bbox, objects, where, x_scale, y_scale, x_ticks, y_ticks, tickless, label_offset
    )
    category = x_axis.scale == "category"

    plot_area = (
        max((label.x1 for label, _ in y_pairs if label is not None), default=bbox[0]),
        bbox[1],
        bbox[2],
        min((label.top for label, _ in x_pairs if label is not None), default=bbox[3]),
    )
    # The mark of a tick label left out as misprinted may be something else: a dashed reference
    # line next to the label (PaLM Fig. 3, "40" beside the human-average line). It stays a candidate.
    rejected = {coord for _, coord in y_axis.rejected_ticks}
    mark_ids = {id(m.obj) for _, m in x_pairs + y_pairs if m.obj is not None}
    mark_ids -= {id(m.obj) for _, m in y_pairs if m.obj is not None and m.position in rejected}
    x_marks = [m.position for _, m in x_pairs]

    reference_lines, reference_ids = _reference_lines(objects, mark_ids, x_marks, plot_area, y_axis, category)

    legends = _legend_boxes(objects, chars, plot_area)
    in_legend = {id(o) for o in objects if any(_inside(_centre(o), box) for box in legends)}
    found = _series_points(objects, plot_area, reference_ids | mark_ids | in_legend | minus_ids, grey_series)
    points = pd.DataFrame(found, columns=["color", "marker", "pdf_x", "pdf_top"])
    points["series"] = points["color"] + ":" + points["marker"]
    _add_data_coordinates(points, x_axis, y_axis)
    points = points.sort_values(["series", "pdf_x", "pdf_top"], kind="stable").reset_index(drop=True)
    points = points[["series", "x", "y", "x_residual", "y_residual", "color", "marker", "pdf_x", "pdf_top"]]
    if category:
        points["x_label"] = [x_axis.categories[int(i)] for i in points["x"]]
    if error_bars:
        points = _with_error_bars(points, objects, plot_area, y_axis)
    return Panel(page_number, bbox, x_axis, y_axis, points, reference_lines, plot_area)


def _calibrated_axes(page, bbox, objects, where, x_scale, y_scale, x_ticks, y_ticks, tickless, label_offset):
    """Both axes of a panel and the (label, mark) pairs each was calibrated from."""
    labels, minus_bars = _tick_labels(page, bbox)
    minus_ids = {id(b) for b in minus_bars}
    marks = [
        s for s in _segments(o for o in objects if id(o) not in minus_ids and _achromatic_color(o) is not None)
        if _inside(_centre(s.obj), bbox)
    ]
    if x_ticks is None and y_ticks is None and not tickless and x_scale != "category":
        x_axis, x_pairs = _best_axis(labels, marks, "x", x_scale, where)
        y_axis, y_pairs = _best_axis(labels, marks, "y", y_scale, where)
        return x_axis, x_pairs, y_axis, y_pairs, minus_ids
    y_axis, y_pairs = _axis(labels, marks, "y", y_scale, where, y_ticks, tickless, label_offset[1])
    if x_scale == "category":
        lowest_tick = max(m.position for _, m in y_pairs)
        x_axis, x_pairs = _category_axis(page, bbox, lowest_tick, objects, where)
    else:
        x_axis, x_pairs = _axis(labels, marks, "x", x_scale, where, x_ticks, tickless, label_offset[0])
    return x_axis, x_pairs, y_axis, y_pairs, minus_ids


def _axis(labels, marks, axis: str, scale, where, ticks, tickless: bool, offset: float):
    """One axis, calibrated from given tick values, from label positions, or as by default."""
    if ticks is not None:
        own = _own_tick_marks(marks, axis, len(ticks), where)
        pairs = [(None, mark) for mark in own]
        pseudo = [(_Label(float(v), f"{v:g}", 0, 0, 0, 0, _is_power_of_ten(float(v))), mark) for v, mark in zip(ticks, own)]
        return _calibrate(pseudo, scale, where, axis), pairs
    if tickless:
        if axis == "x":
            groups = _clusters(labels, key=lambda label: label.bottom)
            best = max(groups, key=lambda g: (len(g), g[0].bottom), default=[])
        else:
            groups = _clusters(labels, key=lambda label: label.x1)
            best = max(groups, key=lambda g: (len(g), -g[0].x1), default=[])
        if len(best) < 2:
            raise ReadoutError(f"{where}: found {len(best)} {axis} tick label(s), need at least 2")
        pairs = []
        for label in best:
            if axis == "x":
                mark = _Segment(None, "v", label.cx + offset, label.top, label.bottom, False)
            else:
                mark = _Segment(None, "h", label.cy + offset, label.x0, label.x1, False)
            pairs.append((label, mark))
        return _calibrate(pairs, scale, where, axis), pairs
    return _best_axis(labels, marks, axis, scale, where)


def _is_power_of_ten(value: float) -> bool:
    return value > 0 and abs(math.log10(value) - round(math.log10(value))) < 1e-9


def _own_tick_marks(marks, axis: str, count: int, where) -> list["_Segment"]:
    """The panel's major tick marks along one spine, in page order (see ``read_panel``)."""
    orientation = "v" if axis == "x" else "h"
    short = [m for m in marks if m.orientation == orientation and 0 < m.end - m.start <= MAX_TICK_LENGTH]
    # Tick marks share the coordinate of the spine they stand on (their start or their end).
    ends: dict[float, list] = {}
    for m in short:
        for coordinate in {round(m.start, 1), round(m.end, 1)}:
            ends.setdefault(coordinate, []).append(m)
    if not ends:
        raise ReadoutError(f"{where}: no {axis} tick marks found for the {count} given tick values")
    # The spine with most marks; for x the lowest on the page, for y the leftmost.
    spine = max(ends, key=lambda c: (len(ends[c]), c if axis == "x" else -c))
    along = ends[spine]
    longest = max(m.end - m.start for m in along)
    major = sorted((m for m in along if m.end - m.start >= longest - 0.05), key=lambda m: m.position)
    distinct = []
    for m in major:
        if not distinct or m.position - distinct[-1].position > SAME_POINT_TOL:
            distinct.append(m)
    if len(distinct) != count:
        found = ", ".join(f"{m.position:.2f}" for m in distinct)
        raise ReadoutError(f"{where}: {count} {axis} tick values given, but {len(distinct)} major tick marks found at {found}")
    return distinct


def _category_axis(page, bbox, lowest_tick: float, objects, where):
    """The row of category labels under the plot: the first row of words below ``lowest_tick``,
    leaving out legend text (words in a white box inside the bbox)."""
    chars = [c for c in page.chars if _inside(_centre(c), bbox)]
    legends = _legend_boxes(objects, chars, bbox)
    words = [
        w for w in page.extract_words(x_tolerance=1.0, keep_blank_chars=False)
        if w.get("upright", True) and w["top"] >= lowest_tick and _inside(_centre(w), bbox)
        and not any(_inside(_centre(w), box) for box in legends)
    ]
    labels = [_Label(0.0, _decoded(w["text"]), w["x0"], w["top"], w["x1"], w["bottom"], False) for w in words]
    rows = _clusters(labels, key=lambda label: label.top)
    if not rows or len(rows[0]) < 2:
        raise ReadoutError(f"{where}: no row of at least 2 category labels below the lowest y tick")
    row = sorted(rows[0], key=lambda label: label.cx)
    pairs = []
    for index, label in enumerate(row):
        label.value = float(index)
        pairs.append((label, _Segment(None, "v", label.cx, label.top, label.bottom, False)))
    coords = tuple(label.cx for label in row)
    axis = Axis("category", 0.0, 1.0, 0.0, tuple(float(i) for i in range(len(row))), coords,
                categories=tuple(label.text for label in row))
    return axis, pairs


def _reference_lines(objects, mark_ids, x_marks, plot_area, y_axis, category: bool):
    """Horizontal lines across every labelled x tick that are coloured or dashed: chance lines etc.
    On a category axis, flat polylines through the category positions count too."""
    references, reference_ids = [], set()
    segments = _segments(objects) + (_flat_polylines(objects) if category else [])
    for seg in segments:
        if seg.orientation != "h" or id(seg.obj) in mark_ids:
            continue
        rgb = _object_color(seg.obj) or _achromatic_color(seg.obj)
        spans = seg.start <= min(x_marks) + 1 and seg.end >= max(x_marks) - 1
        if spans and (_is_chromatic(rgb) or seg.dashed) and plot_area[1] <= seg.position <= plot_area[3]:
            reference_ids.add(id(seg.obj))
            references.append((_hex(rgb), seg.position, seg.dashed))
    reference_rows = []
    for color, y, dashed in sorted(set(references), key=lambda r: (r[0], r[1])):
        if any(r["color"] == color and abs(r["top"] - y) < SAME_POINT_TOL for r in reference_rows):
            continue
        reference_rows.append({"color": color, "top": y, "dashed": dashed})
    reference_lines = pd.DataFrame(reference_rows, columns=["color", "top", "dashed"])
    reference_lines.insert(1, "y", y_axis.to_data(reference_lines["top"]) if len(reference_lines) else [])
    reference_lines.insert(2, "y_residual", y_axis.max_residual)
    reference_lines = reference_lines.rename(columns={"top": "pdf_top"})
    return reference_lines, reference_ids


def _flat_polylines(objects) -> list["_Segment"]:
    """Open paths of three or more vertices at one height (a line drawn through category points)."""
    found = []
    for obj in objects:
        if obj["object_type"] == "rect" or _is_closed(obj):
            continue
        verts = _vertices(obj)
        if len(verts) < 3 or max(y for _, y in verts) - min(y for _, y in verts) >= STRAIGHT_TOL:
            continue
        xs = [x for x, _ in verts]
        dashed = bool(obj.get("dash") and obj["dash"][0])
        found.append(_Segment(obj, "h", sum(y for _, y in verts) / len(verts), min(xs), max(xs), dashed))
    return found


def _with_error_bars(points: pd.DataFrame, objects, plot_area, y_axis) -> pd.DataFrame:
    """``points`` with y_low / y_high: the vertical same-coloured segment through each point."""
    bars = []
    for obj in objects:
        rgb = _object_color(obj)
        ends = _segment_ends(obj)
        if rgb is None or ends is None:
            continue
        (xa, ya), (xb, yb) = ends
        if abs(xa - xb) < STRAIGHT_TOL and abs(ya - yb) > 0 and _inside(((xa + xb) / 2, (ya + yb) / 2), plot_area):
            bars.append((_hex(rgb), (xa + xb) / 2, min(ya, yb), max(ya, yb)))
    low, high = [], []
    for point in points.itertuples():
        match = [b for b in bars if b[0] == point.color and abs(b[1] - point.pdf_x) < SAME_POINT_TOL
                 and b[2] - SAME_POINT_TOL <= point.pdf_top <= b[3] + SAME_POINT_TOL]
        if not match:
            low.append(float("nan"))
            high.append(float("nan"))
            continue
        ends = y_axis.to_data([match[0][2], match[0][3]])
        low.append(float(min(ends)))
        high.append(float(max(ends)))
    return points.assign(y_low=low, y_high=high)


def read_bars(
    pdf_path, page_number: int, bbox, *, y_scale: str | None = None, y_ticks=None, tickless: bool = False,
    label_offset: tuple[float, float] = (0.0, 0.0),
) -> Panel:
    """Read a bar chart: one row per bar, its value at the bar's end away from zero.

    The x axis is a category axis (as ``read_panel(x_scale="category")``): a bar belongs to the
    label whose centre is nearest to the bar's centre (grouped bars share their group's label).
    Bars are filled rectangles standing on the y = 0 line (within BAR_BASE_TOL), narrower than
    half the plot; a bar's series key is ``"#rrggbb:bar"`` by its fill colour, or
    ``"pattern:bar"`` for a hatched (pattern-filled) bar. Legend patches (in a legend box) are
    left out. The y axis must be linear. Reference lines are found as by ``read_panel``.
    """
    bbox, where, page, objects, chars = _panel_region(pdf_path, page_number, bbox)
    x_axis, x_pairs, y_axis, y_pairs, minus_ids = _calibrated_axes(
        page, bbox, objects, where, "category", y_scale, None, y_ticks, tickless, label_offset
    )
    if y_axis.scale != "linear":
        raise ReadoutError(f"{where}: bars need a linear y axis, found {y_axis.scale}")
    plot_area = (
        max((label.x1 for label, _ in y_pairs if label is not None), default=bbox[0]),
        bbox[1],
        bbox[2],
        min(label.top for label, _ in x_pairs),
    )
    mark_ids = {id(m.obj) for _, m in y_pairs if m.obj is not None}
    reference_lines, _ = _reference_lines(objects, mark_ids, [m.position for _, m in x_pairs], plot_area, y_axis, True)
    legends = _legend_boxes(objects, chars, plot_area)
    baseline = float(y_axis.to_coord(0.0))
    rows = []
    for obj in objects:
        if not obj.get("fill") or not _is_closed(obj) or any(_inside(_centre(obj), box) for box in legends):
            continue
        verts = _vertices(obj)
        upright = len(verts) == 4 and len(set(np.round([v[0] for v in verts], 3))) == 2 and len(set(np.round([v[1] for v in verts], 3))) == 2
        if not upright or obj["width"] <= 0 or obj["width"] > 0.5 * (plot_area[2] - plot_area[0]):
            continue
        fill = obj.get("non_stroking_color")
        if isinstance(fill, str) or (fill is not None and _rgb(fill) is None):
            key = "pattern"
        else:
            rgb = _rgb(fill)
            if rgb is None or (not _is_chromatic(rgb) and min(rgb) > 0.9):
                continue  # no fill, or a white/near-white background
            key = _hex(rgb)
        centre_x = (obj["x0"] + obj["x1"]) / 2
        if not plot_area[0] <= centre_x <= plot_area[2]:
            continue
        if abs(obj["bottom"] - baseline) <= BAR_BASE_TOL:
            end = obj["top"]
        elif abs(obj["top"] - baseline) <= BAR_BASE_TOL:
            end = obj["bottom"]
        else:
            continue
        rows.append((f"{key}:bar", key, centre_x, end))
    points = pd.DataFrame(rows, columns=["series", "color", "pdf_x", "pdf_top"])
    points["marker"] = "bar"
    _add_data_coordinates(points, x_axis, y_axis)
    points = points.sort_values(["pdf_x", "series", "pdf_top"], kind="stable").reset_index(drop=True)
    points = points[["series", "x", "y", "x_residual", "y_residual", "color", "marker", "pdf_x", "pdf_top"]]
    points["x_label"] = [x_axis.categories[int(i)] for i in points["x"]]
    return Panel(page_number, bbox, x_axis, y_axis, points, reference_lines, plot_area)


def _best_axis(labels, marks, axis: str, scale, where):
    """Pick the row (x) or column (y) of labels that pairs with the most marks, and calibrate it."""
    if axis == "x":
        groups = _clusters(labels, key=lambda label: label.bottom)
        order = lambda pairs: (len(pairs), pairs[0][0].bottom if pairs else 0)  # noqa: E731
    else:
        groups = _clusters(labels, key=lambda label: label.x1)
        order = lambda pairs: (len(pairs), -pairs[0][0].x1 if pairs else 0)  # noqa: E731
    candidates = [_pair_marks(group, marks, axis) for group in groups]
    best = max(candidates, key=order, default=[])
    if len(best) < 2:
        unpaired = max((len(g) for g in groups), default=0)
        detail = f" ({unpaired} label(s) in one {'row' if axis == 'x' else 'column'} but not next to tick marks or grid lines)" if unpaired > len(best) else ""
        raise ReadoutError(f"{where}: found {len(best)} {axis} tick label(s) with a tick mark or grid line, need at least 2{detail}")
    return _calibrate(best, scale, where, axis), best


# --------------------------------------------------------------------------- legends and discovery


def read_legend(pdf_path, page_number: int, bbox, *, grey_series: bool = False) -> dict[str, str]:
    """Series key ("#rrggbb:marker", or "#rrggbb:line" for a line-only glyph) -> legend text.

    A legend entry is a coloured glyph (marker and/or short line) followed on the same line by
    text; the text runs until a gap wider than twice the font size or the next glyph. Markers
    drawn as crossing strokes ("x", "+") are named as ``read_panel`` names them; with
    ``grey_series`` grey and black glyphs count too.
    """
    page = _page(pdf_path, page_number)
    objects = [o for kind in ("line", "curve", "rect") for o in page.objects.get(kind, []) if _overlaps(o, bbox)]
    # Word gaps scale with the font: a fixed 3 pt tolerance runs small legend words together.
    words = [
        w for w in page.within_bbox(bbox).extract_words(extra_attrs=["size"], x_tolerance_ratio=0.15)
        if w.get("upright", True)
    ]

    def color_of(obj):
        rgb = _object_color(obj)
        if rgb is None and grey_series:
            rgb = _grey_series_color(obj)
        return None if rgb is None or obj["width"] > 30 or obj["height"] > MAX_MARKER_SIZE else _hex(rgb)

    crosses, cross_ids = _cross_markers(objects, color_of)
    glyphs = []  # (x0, x1, centre top, colour, marker)
    for color, shape, x, y in crosses:
        size = max(math.dist(*_vertices(o)) for o in objects if id(o) in cross_ids and color_of(o) == color)
        glyphs.append((x - size / 2, x + size / 2, y, color, shape))
    for obj in objects:
        color = color_of(obj)
        if color is None or id(obj) in cross_ids:
            continue
        marker = _marker_shape_and_anchor(obj)[0] if _is_closed(obj) else "line"
        glyphs.append((obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2, color, marker))
    # A line glyph with a marker on it is one entry: keep the marker.
    entries: list[list] = []  # [x0, x1, centre top, color, marker]
    for x0, x1, cy, color, marker in sorted(glyphs, key=lambda g: g[4] == "line"):
        entry = next((e for e in entries if e[3] == color and abs(e[2] - cy) < 1 and x0 <= e[1] and x1 >= e[0]), None)
        if entry is None:
            entries.append([x0, x1, cy, color, marker])
        else:
            entry[0], entry[1] = min(entry[0], x0), max(entry[1], x1)
    glyph_x0s = sorted(g[0] for g in glyphs)
    names = {}
    for _, x1, cy, color, marker in entries:
        line = sorted((w for w in words if w["top"] - 1 <= cy <= w["bottom"] + 1 and w["x0"] >= x1 - 0.5), key=lambda w: w["x0"])
        text, right = [], x1
        for w in line:
            next_glyph = next((x for x in glyph_x0s if right < x < w["x0"]), None)
            if w["x0"] - right > 2 * w["size"] or next_glyph is not None:
                break
            text.append(w["text"])
            right = w["x1"]
        if text:
            names[f"{color}:{marker}"] = " ".join(text)
    return names


def find_panels(pdf_path, page_number: int, min_size: float = 40.0) -> list[dict]:
    """Candidate axes on a page: frames drawn as two long spines meeting at the bottom-left corner
    (classic style) or as a filled axes background rectangle (seaborn style).

    Returns dicts with ``axes`` = (x0, top, x1, bottom) of the frame and ``bbox`` = the frame grown
    to take in the numeric tick labels next to it, ready for ``read_panel``.
    """
    page = _page(pdf_path, page_number)
    objects = [o for kind in ("line", "curve", "rect") for o in page.objects.get(kind, [])]
    labels, _ = _tick_labels(page, (0, 0, page.width, page.height))
    segments = [s for s in _segments(objects) if s.end - s.start >= min_size and _achromatic_color(s.obj) is not None]
    frames = set()
    for v in (s for s in segments if s.orientation == "v"):
        for h in (s for s in segments if s.orientation == "h"):
            if abs(h.start - v.position) < 1 and abs(v.end - h.position) < 1:
                frames.add((round(v.position, 2), round(v.start, 2), round(h.end, 2), round(h.position, 2)))
    for obj in objects:
        fill = _rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
        if obj["object_type"] == "rect" and fill is not None and min_size <= obj["width"] < page.width * 0.9 and min_size <= obj["height"]:
            frames.add(tuple(round(v, 2) for v in (obj["x0"], obj["top"], obj["x1"], obj["bottom"])))
    # One axes can yield near-identical frames (a background rectangle, and its left spine meeting
    # a grid line just above the bottom spine): keep the biggest of frames within 1 pt of each other.
    by_size = sorted(frames, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))
    distinct: list[tuple] = []
    for frame in by_size:
        if not any(max(abs(a - b) for a, b in zip(frame, kept)) <= 1 for kept in distinct):
            distinct.append(frame)
    frames = set(distinct)
    panels = []
    for axes in sorted(frames, key=lambda b: (round(b[1] / 20), b[0])):
        x0, top, x1, bottom = axes
        if any(other != axes and _inside(other[:2], axes, 1) and _inside(other[2:], axes, 1) for other in frames):
            continue  # a box holding other frames: the figure's background, not one axes
        left = [lb for lb in labels if x0 - 30 <= lb.x1 <= x0 + 1 and top - 3 <= lb.cy <= bottom + 3]
        below = [lb for lb in labels if bottom - 1 <= lb.top <= bottom + 15 and x0 - 10 <= lb.cx <= x1 + 10]
        grown = (
            min([x0 - 5] + [lb.x0 - 1 for lb in left]),
            top - 5,
            x1 + 5,
            max([bottom + 5] + [lb.bottom + 1 for lb in below]),
        )
        panels.append({"axes": axes, "bbox": tuple(round(v, 1) for v in grown)})
    return panels


_RENDERED_PDFS: dict[str, pypdfium2.PdfDocument] = {}


def render_region(pdf_path, page_number: int, bbox, resolution: int = 200) -> np.ndarray:
    """The page region ``bbox`` rasterised as an RGB array (for drawing read-outs over the original).
    Only the region is rendered: a whole page at the resolution small print needs is slow."""
    key = str(Path(pdf_path).resolve())
    if key not in _RENDERED_PDFS:
        _RENDERED_PDFS[key] = pypdfium2.PdfDocument(key)
    page = _RENDERED_PDFS[key][page_number - 1]
    width, height = page.get_size()
    x0, top, x1, bottom = (float(v) for v in bbox)
    bitmap = page.render(
        scale=resolution / 72,
        crop=(x0, height - bottom, width - x1, top),
        # Unsmoothed, as pdfplumber draws it: few colours keep the PNGs small.
        no_smoothtext=True,
        no_smoothimage=True,
        no_smoothpath=True,
    )
    return np.asarray(bitmap.to_pil().convert("RGB"))


def smallest_text(pdf_path, page_number: int, bbox) -> float | None:
    """Size in points of the smallest text character inside ``bbox`` (None: no text, e.g. labels
    drawn as outlines), to render a region so that its text stays legible."""
    page = _page(pdf_path, page_number)
    sizes = [c["size"] for c in page.chars if _inside(_centre(c), tuple(float(v) for v in bbox)) and c["text"].strip()]
    return min(sizes) if sizes else None
