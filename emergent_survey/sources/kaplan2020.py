"""Kaplan et al. 2020, "Scaling Laws for Neural Language Models" (arXiv 2001.08361v1), Figure 1.

The three panels of Figure 1 (p. 3), read from the PDF's vector graphics: test loss against
compute (PF-days, non-embedding), dataset size (tokens) and parameters (non-embedding). The tick
labels of this figure are drawn as glyph outlines, not text, so each axis is calibrated from its
own major tick marks with the values the labels show (``read_panel(x_ticks=..., y_ticks=...)``):
the log x axes' minor ticks then fall on 2-9 times a power of ten to 1e-4 decades (checked in the
tests), and the fit lines drawn in the panels follow the legends' rounded power laws to within
0.6% (dataset size, parameters).

* Dataset size: the 7 measured points (blue markers), the loss of the largest model trained on
  each subset of the data (with early stopping).
* Parameters: the 23 measured points (blue markers), models trained to convergence.
* Compute: the heavy black line, the envelope of the learning curves ("the heavy black line on the
  left-hand plot in Figure 1", p. 10: the compute-efficient frontier L(C_min)), stored vertex by
  vertex (392 vertices). Not stored: the 42 light-blue learning curves behind it (19,048 vertices):
  they are drawn in one colour without labels, so no vertex can be tied to a model size; the
  dashed orange fit is a formula (Table 5), not data. The black glyph outlines of the tick labels
  and legend text are left out by name.

The book can take the plotted ranges from these rows (e.g. parameters 6.1e3 to 1.5e9, over five
orders of magnitude). Rows are not joined to the model registry (Kaplan et al.'s models are not
named individually).
"""

from __future__ import annotations

from pathlib import Path

from . import _extended_readout as ext
from .common import write_csv
from .figure_readout import panel_spec

PDF = "kaplan2020_scaling_laws_v1.pdf"
SOURCE_KEY = "kaplan2020scaling (arXiv 2001.08361v1)"
FOLDER = "kaplan2020"
GLYPHS = {"#000000": "tick-label and legend glyphs drawn as filled paths"}
PANELS = [
    panel_spec(PDF, SOURCE_KEY, "Figure 1", " (left)", 3, (95.0, 65.0, 243.0, 180.0), "WebText2 test loss",
               "Test loss", "compute_pf_days", {"#000000:line": "L(C_min) frontier (heavy black line)"},
               y_scale="log", ignore={**GLYPHS, "#1f77b4": "42 learning curves, not attributable to model sizes",
                                      "#ffa500": "dashed power-law fit L = (C_min/2.3e8)^-0.050"},
               options={"x_ticks": [1e-9, 1e-7, 1e-5, 1e-3, 1e-1, 1e1], "y_ticks": [7, 6, 5, 4, 3, 2],
                        "grey_series": True}),
    panel_spec(PDF, SOURCE_KEY, "Figure 1", " (middle)", 3, (250.0, 70.0, 388.0, 175.0), "WebText2 test loss",
               "Test loss", "dataset_tokens", {"#1f77b4:circle": "Measured (dataset size)"},
               y_scale="log", options={"x_ticks": [1e8, 1e9], "y_ticks": [4.2, 3.9, 3.6, 3.3, 3.0, 2.7]}),
    panel_spec(PDF, SOURCE_KEY, "Figure 1", " (right)", 3, (390.0, 70.0, 528.0, 175.0), "WebText2 test loss",
               "Test loss", "non_embedding_parameters", {"#1f77b4:circle": "Measured (parameters)"},
               y_scale="log", options={"x_ticks": [1e5, 1e7, 1e9], "y_ticks": [5.6, 4.8, 4.0, 3.2, 2.4]}),
]
NOTES = {
    "Figure 1 (left)": "vertex of the envelope of the learning curves (compute-efficient frontier)",
    "Figure 1 (middle)": "measured point",
    "Figure 1 (right)": "measured point",
}


def figure1(sources: Path) -> tuple[list[dict], list, list]:
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        for point in points:
            rows.append(ext.row(spec, point, note=NOTES[spec["panel"]], decimals=4))
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/kaplan2020/figure1_points.csv and the verification overlay."""
    rows, pdf_xs, panels = figure1(sources)
    return [write_csv(out / FOLDER / "figure1_points.csv", ext.COLUMNS, rows),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
