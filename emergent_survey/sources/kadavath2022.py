"""Kadavath et al. 2022 (arXiv 2207.05221v4): Figure 4 (right) and Figure 14, read from the PDF.

Classic matplotlib axes (tick marks, grey grid); the four Anthropic models are plotted at 8.03e8,
2.71e9, 1.254e10 and 5.138e10 parameters (Figure 14 at 8.05e8 ... 5.15e10). Legends inside the
axes (``read_legend``, ``grey_series=True``); two of the curves are grey (#ababab, #595959).
"""

from __future__ import annotations

from pathlib import Path

from .common import read_registry, write_csv
from ._extended_readout import overlays
from .figure_readout import FIGURE_POINT_COLUMNS, figure_points, panel_spec

PDF = "kadavath2022_know_what_they_know.pdf"
SOURCE_KEY = "kadavath2022know (arXiv 2207.05221v4)"
FIGURE4_SERIES = {
    "#006ba4:circle": "Lettered Choices (5-shot)",
    "#ff800e:circle": "Lettered Choices (0-shot)",
    "#ababab:circle": "True/False (5-shot)",
    "#595959:circle": "BB Default Format (5-shot)",
}
FIGURE14_SERIES = {
    "#006ba4:circle": "TriviaQA (In-Distribution)",
    "#ff800e:circle": "Mixed-Arithmetic",
    "#ababab:circle": "Lambada",
    "#595959:circle": "Py Func Synth",
}
_COMMON = {"grey_series": True, "family": "Anthropic"}

PANELS = [
    # Figure 4 right (page 7): ECE on BIG-bench, log y axis (10^-2, 10^-1).
    panel_spec(PDF, SOURCE_KEY, "Figure 4", " (right)", 7, (317.5, 79.0, 520.1, 214.7), "BIG-bench calibration trends",
               "Expected calibration error", "parameters", FIGURE4_SERIES, **_COMMON,
               scout_panel="BIG Bench Calibration Trends"),
    # Figure 14 (page 16): AUROC of P(IK) classifiers trained on TriviaQA only.
    panel_spec(PDF, SOURCE_KEY, "Figure 14", "", 16, (161.4, 121.9, 454.6, 295.1), "P(IK) AUROC (trained on TriviaQA)",
               "AUROC", "parameters", FIGURE14_SERIES, **_COMMON,
               scout_panel="Model Size Trend of AUROC with P(IK)"),
]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/kadavath2022/figures_4_14_points.csv and its verification overlays."""
    rows, pdf_xs, panels = figure_points(sources, PANELS, read_registry())
    return [write_csv(out / "kadavath2022" / "figures_4_14_points.csv", FIGURE_POINT_COLUMNS, rows),
            *overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
