"""Figure read-outs as data: panel specifications -> tidy rows, and verification overlays.

A *panel specification* (a dict, see ``panel_spec``) names one plot panel of a vector PDF figure:
``pdf`` (file name under ``papers/``), ``source_key`` (citation key, then the version in brackets,
as rows cite it: "wei2022emergent (TMLR 08/2022, arXiv 2206.07682)"), ``figure``,
``panel``, ``page``, ``bbox`` (x0, top, x1, bottom in pdfplumber points, see
``readout.find_panels``), ``task``, ``y_metric``, ``x_quantity`` (as printed on the axis, a key of
``X_QUANTITIES``), ``series`` ("#rrggbb:marker" or "#rrggbb" -> legend name, see
``readout.read_legend``) and ``reference`` ("#rrggbb" -> name of a horizontal reference line).
Optional: ``x_scale``/``y_scale``, ``grey_series``, ``reference_top`` (the page position of the
panel's own reference line where a neighbour's is drawn through it), ``family`` (the registry
family of every series), ``scout_panel`` (name in the scouting extraction, for tests only).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from . import verification
from ..readout import Axis, Panel, read_panel
from .common import join_notes

FIGURE_POINT_COLUMNS = ["figure", "panel", "task", "series", "model", "x_quantity", "x_value", "y_metric",
                        "y_value", "uncertainty", "kind", "source", "note"]
EXTRACT_COLUMNS = ["figure", "panel", "series", "x_quantity", "x_value", "y_metric", "y_value", "x_residual",
                   "y_residual", "pdf_page"]
X_QUANTITIES = {"training FLOPs": "training_flops", "parameters": "parameters",
                "effective (non-embedding) parameters": "parameters",
                "WikiText103 perplexity": "wikitext103_perplexity"}
Y_DECIMALS = 3  # read-out values are stored to 0.001 of the y unit
# Parameter counts of one model differ by convention (the CoT paper's LaMDA 422M is Wei et al.'s and
# BIG-bench's 453M non-embedding parameters), so parameters match more loosely than FLOPs.
MATCH_DECADES = {"training_flops": 0.01, "parameters": 0.035}
# A plotted x further than this from the registry's value of the matched model gets a note saying so.
REGISTRY_TOLERANCE = 0.005
X_UNITS = {"training_flops": "FLOPs", "parameters": "parameters"}


def extract(spec: dict, pdf_path) -> pd.DataFrame:
    """Tidy rows for one panel: every named series' points, then the panel's reference lines
    (x_value empty). A series the spec does not name is an error, so nothing is silently dropped."""
    return _read(spec, pdf_path)[1]


def _read(spec: dict, pdf_path) -> tuple[Panel, pd.DataFrame]:
    """The panel as ``read_panel`` calibrated it, and its tidy rows (see ``extract``)."""
    panel = read_panel(
        Path(pdf_path), spec["page"], spec["bbox"], x_scale=spec.get("x_scale"), y_scale=spec.get("y_scale"),
        grey_series=spec.get("grey_series", False),
    )
    names = spec["series"]
    # A spec names a series by "#rrggbb:marker", or by "#rrggbb" for every marker of that colour.
    series = [names.get(key, names.get(color)) for key, color in zip(panel.points["series"], panel.points["color"])]
    unnamed = sorted({key for key, name in zip(panel.points["series"], series) if name is None})
    if unnamed:
        raise ValueError(f"{spec['panel']} (page {spec['page']}): series {unnamed} not named in the spec")
    points = panel.points.assign(series=series)
    lines = panel.reference_lines[panel.reference_lines["color"].isin(spec.get("reference", {}))]
    if "reference_top" in spec:
        lines = lines[(lines["pdf_top"] - spec["reference_top"]).abs() < 0.01]
    lines = lines.assign(series=lines["color"].map(spec.get("reference", {})), x=float("nan"),
                         x_residual=float("nan"))
    rows = pd.concat([points, lines], ignore_index=True)
    rows = rows.rename(columns={"x": "x_value", "y": "y_value"})
    rows = rows.assign(figure=spec["figure"], panel=spec["panel"], x_quantity=spec["x_quantity"],
                       y_metric=spec["y_metric"], pdf_page=spec["page"])
    return panel, rows[EXTRACT_COLUMNS]


def nearest_model(registry: list[dict], family: str, quantity: str, x: float) -> tuple[str, str]:
    """The registry model of ``family`` plotted at ``x`` (nearest within MATCH_DECADES) and, when
    there is none, why not."""
    if quantity not in MATCH_DECADES:
        return "", "x is not a registry quantity"
    candidates = [(abs(math.log10(float(m[quantity]) / x)), m["model"]) for m in registry
                  if m["family"] == family and m[quantity]]
    if not candidates:
        return "", "the model family is not in the registry"
    distance, model = min(candidates)
    if distance > MATCH_DECADES[quantity]:
        return "", f"no registry model of this family within {MATCH_DECADES[quantity]} decades of this x"
    return model, ""


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


def misprinted_tick_reading(axis: Axis) -> Callable[[float], str] | None:
    """For an axis whose calibration left out a misprinted tick label, a function giving the note for
    a value read on it: which reading the data use and what reading every label as printed (a fit
    through all ticks) would give instead. None for an axis with no rejected label."""
    if not axis.rejected_ticks:
        return None
    (printed, coord), = axis.rejected_ticks
    coords = np.array(axis.tick_coords + (coord,))
    labels = np.array(axis.tick_values + (printed,))
    slope, intercept = np.polyfit(coords, np.log10(labels) if axis.scale == "log" else labels, 1)
    kept = ", ".join(f"{v:g}" for v in sorted(axis.tick_values))
    placed = f"{float(axis.to_data(coord)):#.2g}"

    def note(value: float) -> str:
        fitted = intercept + slope * float(axis.to_coord(value))
        as_printed = 10.0 ** fitted if axis.scale == "log" else fitted
        return (f"y read from the ticks {kept}; the tick labelled {printed:g} sits where {placed} belongs and is "
                f"left out; taking every label as printed would give {as_printed:.3f} "
                f"({100 * (as_printed / value - 1):+.1f}%)")
    return note


def figure_points(sources: Path, specs: list[dict], registry: list[dict],
                  series_family: dict[str, str] | None = None) -> list[dict]:
    """Tidy rows (FIGURE_POINT_COLUMNS) for every panel in ``specs``, read from the PDFs' vector
    graphics. A series' registry family is the spec's ``family``, else ``series_family`` of the
    series name's first word(s) before " (", else that name itself."""
    series_family = series_family or {}
    by_key = {m["model"]: m for m in registry}
    rows = []
    for spec in specs:
        panel, frame = _read(spec, sources / "papers" / spec["pdf"])
        if panel.x_axis.rejected_ticks:
            raise ValueError(f"{spec['panel']}: a misprinted x tick label would move the registry join; not handled")
        misprint = misprinted_tick_reading(panel.y_axis)
        for point in frame.itertuples():
            quantity = X_QUANTITIES[point.x_quantity]
            is_line = point.x_value != point.x_value  # NaN: a horizontal reference line
            prefix = point.series.split(" (")[0]
            family = spec.get("family", series_family.get(prefix, prefix))
            model, unmatched = ("", "horizontal reference line") if is_line else nearest_model(
                registry, family, quantity, point.x_value)
            placed = registry_difference(by_key[model], quantity, point.x_value) if model else ""
            rows.append({
                "figure": point.figure,
                "panel": point.panel,
                "task": spec["task"],
                "series": point.series,
                "model": model,
                "x_quantity": quantity,
                "x_value": "" if is_line else f"{point.x_value:.6g}",
                "y_metric": point.y_metric,
                "y_value": f"{round(point.y_value, Y_DECIMALS) + 0.0:.{Y_DECIMALS}f}",  # + 0.0: no '-0.000'
                # Vector positions are exact up to the axis calibration; storing 3 decimals adds 0.0005.
                "uncertainty": f"{max(point.y_residual, 0.5 * 10 ** -Y_DECIMALS):.4f}",
                "kind": "digitized",
                "source": f"{spec['source_key']}, {point.panel}, p. {point.pdf_page} (vector read-out of the PDF)",
                "note": join_notes(unmatched, placed, misprint(point.y_value) if misprint else ""),
            })
    return rows


def verification_overlays(sources: Path, specs: list[dict], rows: list[dict], out: Path) -> list[Path]:
    """Each panel of the original PDF with the values stored in data/ drawn back onto it through the
    panel's axis calibration (``verification.write``); one manifest per figure."""
    written = []
    paper = specs[0]["source_key"].split()[0]
    for figure in dict.fromkeys(spec["figure"] for spec in specs):
        panels = []
        for spec in (spec for spec in specs if spec["figure"] == figure):
            panel = read_panel(sources / "papers" / spec["pdf"], spec["page"], spec["bbox"],
                               x_scale=spec.get("x_scale"), y_scale=spec.get("y_scale"),
                               grey_series=spec.get("grey_series", False))
            marks = []
            for r in (r for r in rows if r["panel"] == spec["panel"]):
                y = float(panel.y_axis.to_coord(float(r["y_value"])))
                x = float(panel.x_axis.to_coord(float(r["x_value"]))) if r["x_value"] else None
                marks.append(verification.Mark("point" if x is not None else "line", x, y))
            panels.append((spec, marks))
        written += verification.write(sources, figure, paper, panels, out)
    return written


def panel_spec(pdf: str, source_key: str, figure: str, letter: str, page: int, bbox: tuple, task: str,
               y_metric: str, x_quantity: str, series: dict, reference: dict | None = None, **extra) -> dict:
    """One panel specification (fields in the module docstring); ``extra`` adds the optional ones."""
    return {
        "pdf": pdf,
        "source_key": source_key,
        "figure": figure,
        "panel": f"{figure}{letter}",
        "page": page,
        "bbox": bbox,
        "task": task,
        "y_metric": y_metric,
        "x_quantity": x_quantity,
        "series": series,
        "reference": reference or {},
        **extra,
    }
