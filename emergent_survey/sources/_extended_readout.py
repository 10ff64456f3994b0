"""What every figure read-out shares: reading a panel into points, a point into a stored row, and
the stored rows back onto the figure. ``figure_readout.figure_points`` builds on it for plain
specs (registry join by nearest model); the read-outs of Lin et al., Kojima et al., Rae et al.,
Chowdhery et al., Kaplan et al., Ouyang et al. and the chain-of-thought paper's Figure 4 use it
directly, for bar charts, category axes, error bars and axes calibrated from given tick values or
from labels alone.

A spec is a ``figure_readout.panel_spec`` with, optionally, ``reader`` ("panel", the default, or
"bars" for ``readout.read_bars``) and ``options`` (further keyword arguments of the reader:
``x_scale="category"``, ``x_ticks``, ``y_ticks``, ``tickless``, ``label_offset``,
``error_bars``, ``grey_series``; ``x_scale``, ``y_scale`` and ``grey_series`` may also stand at
the top of the spec) and ``x_factor`` (stored x = plotted x times this, e.g. 1e9 for an axis in
billions of parameters). ``series`` names a series by "#rrggbb:marker", "#rrggbb",
"pattern:bar" or "#rrggbb:bar", and "*" names every series not named otherwise (bar charts
that give each bar its own colour); ``ignore`` ("#rrggbb:marker" or "#rrggbb" -> why) names
what is not data (glyph outlines of text drawn as paths), so that nothing is dropped unnamed;
``reference`` names reference lines by colour; ``reference_top``
keeps only the line at that page position.

``read(spec, sources)`` returns the panel and one ``Point`` per data point and reference line;
each module turns points into rows (``row``), joining models itself, and ``overlays`` draws
the stored rows back onto the panels already read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..readout import Panel, read_bars, read_panel
from . import verification
from .common import join_notes, labelled_number, registry_rows

# The figure-point schema of figure_readout, plus the category label under a point (category
# axes) and the ends of its error bar (where the figure draws one).
COLUMNS = ["figure", "panel", "task", "series", "model", "x_quantity", "x_value", "x_label", "y_metric",
           "y_value", "y_low", "y_high", "uncertainty", "kind", "source", "note"]
Y_DECIMALS = 3  # read-out values are stored to 0.001 of the y unit
# A plotted x further than this from the registry's value of the matched model gets a note saying so.
REGISTRY_TOLERANCE = 0.005
X_UNITS = {"training_flops": "FLOPs", "parameters": "parameters"}


@dataclass
class Point:
    """One data point (or reference line, ``x`` None) of a panel, in data units."""

    series: str
    x: float | None  # None for a reference line; the category index on a category axis
    x_label: str  # the category label ('' on numeric axes and for reference lines)
    y: float
    y_low: float | None
    y_high: float | None
    x_residual: float | None
    y_residual: float
    pdf_x: float | None
    pdf_top: float


def _reader(spec: dict):
    return read_bars if spec.get("reader") == "bars" else read_panel


def panel_of(spec: dict, sources: Path) -> Panel:
    """The spec's panel, read from its PDF under ``sources / "papers"``."""
    return panel_in(spec, sources / "papers" / spec["pdf"])


def panel_in(spec: dict, pdf_path: Path) -> Panel:
    """The spec's panel read from ``pdf_path``."""
    options = dict(spec.get("options", {}))
    if spec.get("reader") != "bars":
        options.setdefault("x_scale", spec.get("x_scale"))
        options.setdefault("y_scale", spec.get("y_scale"))
        options.setdefault("grey_series", spec.get("grey_series", False))
    return _reader(spec)(Path(pdf_path), spec["page"], spec["bbox"], **options)


def read(spec: dict, sources: Path) -> tuple[Panel, list[Point]]:
    """The panel and its points (see ``named_points``)."""
    panel = panel_of(spec, sources)
    return panel, named_points(spec, panel)


def named_points(spec: dict, panel: Panel) -> list[Point]:
    """The panel's named points (series the spec does not name are an error), then its reference
    lines named by ``spec['reference']``."""
    names = spec["series"]
    points = []
    unnamed = set()
    for p in panel.points.itertuples():
        name = names.get(p.series, names.get(p.color, names.get("*")))
        if name is None and (p.series in spec.get("ignore", {}) or p.color in spec.get("ignore", {})):
            continue
        if name is None:
            unnamed.add(p.series)
            continue
        points.append(Point(
            name, float(p.x), getattr(p, "x_label", ""), float(p.y),
            _finite(getattr(p, "y_low", None)), _finite(getattr(p, "y_high", None)),
            _finite(getattr(p, "x_residual", None)), float(p.y_residual), float(p.pdf_x), float(p.pdf_top)))
    if unnamed:
        raise ValueError(f"{spec['panel']} (page {spec['page']}): series {sorted(unnamed)} not named in the spec")
    lines = panel.reference_lines[panel.reference_lines["color"].isin(spec.get("reference", {}))]
    if "reference_top" in spec:
        lines = lines[(lines["pdf_top"] - spec["reference_top"]).abs() < 0.01]
    for line in lines.itertuples():
        points.append(Point(spec["reference"][line.color], None, "", float(line.y), None, None, None,
                            float(line.y_residual), None, float(line.pdf_top)))
    return points


def _finite(value):
    return None if value is None or value != value else float(value)


def log_distance(a: float, b: float) -> float:
    """How far apart two positive numbers are, in decades."""
    return abs(math.log10(a / b))


def scientific(value: float) -> str:
    """3 significant digits, exponent without '+' or padding: 4.08e20."""
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def registry_difference(registry_row: dict, quantity: str, x: float) -> str:
    """A note where a figure plots a registry model at an x more than REGISTRY_TOLERANCE away from
    the registry's value (the book shows both rather than choosing silently); else ''."""
    registered = float(registry_row[quantity])
    if abs(x / registered - 1) <= REGISTRY_TOLERANCE:
        return ""
    cited = registry_row[f"{quantity}_source"].split()[0]
    return (f"plotted at {scientific(x)} {X_UNITS[quantity]}; the registry has {scientific(registered)} "
            f"({registry_row.get('file', 'data/models.csv')}, after {cited})")


def fmt(value: float | None, decimals: int = Y_DECIMALS) -> str:
    """A y value as stored: fixed decimals, no '-0.000'."""
    return "" if value is None else f"{round(value, decimals) + 0.0:.{decimals}f}"


def row(spec: dict, point: Point, model: str = "", x_value: float | None = None, note: str = "",
        uncertainty: float | None = None, decimals: int = Y_DECIMALS) -> dict:
    """One stored row (COLUMNS) for ``point``: ``x_value`` defaults to the plotted x on a numeric
    axis and to the number a category label prints; ``uncertainty`` to the axis calibration
    residual (at least half the last stored digit)."""
    is_line = point.x is None
    category = bool(point.x_label)
    if x_value is None and not is_line:
        x_value = labelled_number(point.x_label) if category else point.x * spec.get("x_factor", 1.0)
    floor = 0.5 * 10 ** -decimals
    registered = registry_rows().get(model) if model and x_value is not None else None
    if registered and registered.get(spec["x_quantity"]):
        note = join_notes(note, registry_difference(registered, spec["x_quantity"], x_value))
    return {
        "figure": spec["figure"],
        "panel": spec["panel"],
        "task": spec["task"],
        "series": point.series,
        "model": model,
        "x_quantity": spec["x_quantity"],
        "x_value": "" if x_value is None else f"{x_value:.6g}",
        "x_label": point.x_label,
        "y_metric": spec["y_metric"],
        "y_value": fmt(point.y, decimals),
        "y_low": fmt(point.y_low, decimals),
        "y_high": fmt(point.y_high, decimals),
        # Vector positions are exact up to the axis calibration; rounding adds half a last stored digit.
        "uncertainty": f"{max(point.y_residual if uncertainty is None else uncertainty, floor):.4f}",
        "kind": "digitized",
        "source": f"{spec['source_key']}, {spec['panel']}, p. {spec['page']} (vector read-out of the PDF)",
        "note": join_notes("horizontal reference line" if is_line else "", note),
    }


def compared_with_table(row: dict, table_value: str, table_source: str) -> dict:
    """A read-out row with the value a table prints for the same point and the difference (read-out
    minus table), for the figures whose numbers the paper also tabulates."""
    difference = float(row["y_value"]) - float(table_value)
    return {**row, "table_value": table_value, "difference": f"{round(difference, 3) + 0.0:.3f}",
            "table_source": table_source}


def overlays(sources: Path, panels: list[tuple[dict, Panel]], rows: list[dict], pdf_xs: list[float | None],
             out: Path) -> list[Path]:
    """The stored rows drawn back onto the original panels (``verification.write``, one manifest
    per figure), through the calibration of each (spec, panel) as read: y through it, x through it
    on numeric axes and at the read-out's own position on category axes (``pdf_xs``, aligned with
    ``rows``, None for a reference line); error-bar ends where a row has them."""
    written = []
    paper = panels[0][0]["source_key"].split()[0]
    for figure in dict.fromkeys(spec["figure"] for spec, _ in panels):
        drawn = []
        for spec, panel in ((spec, panel) for spec, panel in panels if spec["figure"] == figure):
            marks = []
            for r, px in ((r, px) for r, px in zip(rows, pdf_xs) if r["panel"] == spec["panel"]):
                y = float(panel.y_axis.to_coord(float(r["y_value"])))
                if px is None:
                    marks.append(verification.Mark("line", None, y))
                    continue
                x = px if panel.x_axis.scale == "category" or not r["x_value"] else float(
                    panel.x_axis.to_coord(float(r["x_value"]) / spec.get("x_factor", 1.0)))
                marks.append(verification.Mark("point", x, y))
                marks += [verification.Mark("end", x, float(panel.y_axis.to_coord(float(r[end]))))
                          for end in ("y_low", "y_high") if r.get(end)]
            drawn.append((spec, marks))
        written += verification.write(sources, figure, paper, drawn, out)
    return written
