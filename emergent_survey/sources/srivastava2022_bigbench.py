"""BIG-bench (Srivastava et al. 2022, arXiv 2206.04615v3): Figures 1 and 7 read from the PDF's vector graphics.

Figure 1 (page 5): aggregate normalized score of BIG-G dense and sparse, GPT and PaLM by model size
and number of shots, with the human-rater lines. Figure 7 (page 14): the tasks of highest
linearity, highest breakthroughness and lowest linearity, BIG-G dense at 12 sizes. The figures are
seaborn-style plots (a grid line per major tick); the data are the vertices of the coloured polylines.
"""

from __future__ import annotations

from pathlib import Path

from .common import read_registry, write_csv
from ._extended_readout import overlays
from .figure_readout import FIGURE_POINT_COLUMNS, figure_points, panel_spec

PDF = "srivastava2022_bigbench.pdf"
SOURCE_KEY = "srivastava2022bigbench (arXiv 2206.04615v3)"
# BIG-bench's names for model families in the registry: BIG-G dense has the sizes of Wei et al.'s
# LaMDA models (Table App.1 = Wei et al. Table 2), and BIG-bench's GPT is GPT-3.
SERIES_FAMILY = {"BIG-G": "LaMDA", "GPT": "GPT-3"}

# BIG-bench (Srivastava et al. 2022, arXiv v3) Figure 7: each panel has its own legend inside the axes.
FIGURE7 = [
    ("a", "Highest linearity tasks", (82.1, 86.7, 226.3, 223.0), [
        "mult_data_wrangling", "qa_wikidata", "linguistic_mappings", "date_understanding", "conlang_translation", "unit_conversion",
    ]),
    ("b", "Highest breakthroughness tasks", (239.8, 86.7, 384.1, 223.0), [
        "figure_of_speech_detection", "international_phonetic_alphabet_transliterate", "periodic_elements",
        "modified_arithmetic", "repeat_copy_logic", "word_unscrambling",
    ]),
    ("c", "Lowest linearity tasks", (393.3, 86.7, 541.8, 223.0), [
        "vitaminc_fact_verification", "persian_idioms", "discourse_marker_prediction", "color",
        "movie_dialog_same_or_different", "identify_math_theorems",
    ]),
]
# Seaborn "deep" palette, in legend order. Keyed by colour alone: the data are the polyline
# vertices, with or without a marker drawn on them.
SEABORN_DEEP = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]


def _figure7() -> list[dict]:
    return [
        panel_spec(PDF, SOURCE_KEY, "Figure 7", letter, 14, bbox, title, "Normalized score",
                   "effective (non-embedding) parameters", dict(zip(SEABORN_DEEP, tasks)),
                   family="LaMDA",  # every curve is BIG-G dense, the sizes of Wei et al.'s LaMDA models
                   scout_panel=f"({letter}) {title}")
        for letter, title, bbox, tasks in FIGURE7
    ]


# BIG-bench Figure 1 (page 5): one legend below the three panels. Each shot count has its own
# shade; BIG-G (solid line, diamonds) and BIG-G sparse (dashed line, "x" markers) share the
# shades, told apart by marker. GPT: circles, PaLM: stars. x = non-embedding parameters (active
# during inference, for the sparse models). Human raters: dashed horizontal lines.
BIG_G_SHADES = ["#e77e63", "#d64f5f", "#aa3a6e", "#7a2e70"]  # 0, 1, 2, 3 shots
GPT_SHADES = ["#6db290", "#44948f", "#24768b", "#215584"]
PALM_SHADES = ["#33ccff", "#6699ff", "#9966ff"]
FIGURE1_SERIES = {
    **{f"{c}:diamond": f"BIG-G ({k}-shot)" for k, c in enumerate(BIG_G_SHADES)},
    **{f"{c}:x": f"BIG-G sparse ({k})" for k, c in enumerate(BIG_G_SHADES)},
    **{f"{c}:circle": f"GPT ({k})" for k, c in enumerate(GPT_SHADES)},
    **{f"{c}:star": f"PaLM ({k})" for k, c in enumerate(PALM_SHADES)},
}
RATERS = {"#00008b": "Best rater", "#add8e6": "Average rater"}
FIGURE1 = [
    ("a", "Performance on human-evaluated tasks", (81.4, 84.9, 228.8, 214.1), RATERS),
    ("b", "Performance on JSON tasks", (238.0, 84.9, 385.4, 214.1), {}),
    ("c", "Performance on BIG-bench Lite", (394.6, 84.9, 542.0, 214.1), RATERS),
]


def _figure1() -> list[dict]:
    return [
        panel_spec(PDF, SOURCE_KEY, "Figure 1", letter, 5, bbox, title, "Normalized preferred metrics",
                   "effective (non-embedding) parameters", FIGURE1_SERIES, reference, scout_panel=f"({letter}) {title}")
        for letter, title, bbox, reference in FIGURE1
    ]


FIGURE7_PANELS = _figure7()
FIGURE1_PANELS = _figure1()
PANELS = FIGURE7_PANELS + FIGURE1_PANELS


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/srivastava2022_bigbench/figure{7,1}_points.csv and their verification overlays."""
    registry = read_registry()
    written = []
    for name, specs in (("figure7_points.csv", FIGURE7_PANELS), ("figure1_points.csv", FIGURE1_PANELS)):
        rows, pdf_xs, panels = figure_points(sources, specs, registry, SERIES_FAMILY)
        written.append(write_csv(out / "srivastava2022_bigbench" / name, FIGURE_POINT_COLUMNS, rows))
        written += overlays(sources, panels, rows, pdf_xs, figures_out / "verification")
    return written
