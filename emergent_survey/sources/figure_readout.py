"""Figure read-outs as data: panel specifications -> tidy rows joined to the registry.

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
Reading, rows and verification overlays are ``_extended_readout``'s, shared with the read-outs
of bar charts, category axes and error bars.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from ..readout import Axis, Panel
from ._extended_readout import log_distance, named_points, panel_in, read, row
from .common import join_notes

FIGURE_POINT_COLUMNS = ["figure", "panel", "task", "series", "model", "x_quantity", "x_value", "y_metric",
                        "y_value", "uncertainty", "kind", "source", "note"]
EXTRACT_COLUMNS = ["figure", "panel", "series", "x_quantity", "x_value", "y_metric", "y_value", "x_residual",
                   "y_residual", "pdf_page"]
X_QUANTITIES = {"training FLOPs": "training_flops", "parameters": "parameters",
                "effective (non-embedding) parameters": "parameters",
                "WikiText103 perplexity": "wikitext103_perplexity"}
# Parameter counts of one model differ by convention (the CoT paper's LaMDA 422M is Wei et al.'s and
# BIG-bench's 453M non-embedding parameters), so parameters match more loosely than FLOPs.
MATCH_DECADES = {"training_flops": 0.01, "parameters": 0.035}


def extract(spec: dict, pdf_path) -> pd.DataFrame:
    """Tidy rows for one panel: every named series' points, then the panel's reference lines
    (x_value empty). A series the spec does not name is an error, so nothing is silently dropped."""
    nan = float("nan")
    return pd.DataFrame([
        {"figure": spec["figure"], "panel": spec["panel"], "series": point.series, "x_quantity": spec["x_quantity"],
         "x_value": nan if point.x is None else point.x, "y_metric": spec["y_metric"], "y_value": point.y,
         "x_residual": nan if point.x_residual is None else point.x_residual, "y_residual": point.y_residual,
         "pdf_page": spec["page"]}
        for point in named_points(spec, panel_in(spec, pdf_path))], columns=EXTRACT_COLUMNS)


def nearest_model(registry: list[dict], family: str, quantity: str, x: float) -> tuple[str, str]:
    """The registry model of ``family`` plotted at ``x`` (nearest within MATCH_DECADES) and, when
    there is none, why not."""
    if quantity not in MATCH_DECADES:
        return "", "x is not a registry quantity"
    candidates = [(log_distance(float(m[quantity]), x), m["model"]) for m in registry
                  if m["family"] == family and m[quantity]]
    if not candidates:
        return "", "the model family is not in the registry"
    distance, model = min(candidates)
    if distance > MATCH_DECADES[quantity]:
        return "", f"no registry model of this family within {MATCH_DECADES[quantity]} decades of this x"
    return model, ""


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
                  series_family: dict[str, str] | None = None) -> tuple[list[dict], list, list[tuple[dict, Panel]]]:
    """Tidy rows (FIGURE_POINT_COLUMNS) for every panel in ``specs``, read from the PDFs' vector
    graphics, with what ``_extended_readout.overlays`` draws them by: each row's pdf x and the
    (spec, panel) pairs read. A series' registry family is the spec's ``family``, else
    ``series_family`` of the series name's first word(s) before " (", else that name itself."""
    series_family = series_family or {}
    rows, pdf_xs, panels = [], [], []
    for spec in specs:
        panel, points = read(spec, sources)
        if panel.x_axis.rejected_ticks:
            raise ValueError(f"{spec['panel']}: a misprinted x tick label would move the registry join; not handled")
        misprint = misprinted_tick_reading(panel.y_axis)
        quantity = X_QUANTITIES[spec["x_quantity"]]
        for point in points:
            prefix = point.series.split(" (")[0]
            family = spec.get("family", series_family.get(prefix, prefix))
            model, unmatched = ("", "") if point.x is None else nearest_model(registry, family, quantity, point.x)
            out = row({**spec, "x_quantity": quantity}, point, model, note=unmatched)
            out["note"] = join_notes(out["note"], misprint(point.y) if misprint else "")
            rows.append({column: out[column] for column in FIGURE_POINT_COLUMNS})
            pdf_xs.append(point.pdf_x)
        panels.append((spec, panel))
    return rows, pdf_xs, panels


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
