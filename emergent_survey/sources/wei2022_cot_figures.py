"""Wei et al. 2022b, chain-of-thought prompting (arXiv 2201.11903v6), Figure 4, read from the PDF.

Solve rate on GSM8K, SVAMP and MAWPS against model scale for LaMDA, GPT and PaLM, with standard
prompting (black circles) and chain-of-thought prompting (blue circles), and the "prior supervised
best" of each benchmark as a dashed orange line (page 5). The figure is a 3 x 3 pgfplots grid: only
the bottom row prints x tick labels and only the left column y tick labels, but every panel draws
its own tick marks, so each panel is calibrated from its own marks with the values its row and
column print (``read_panel(x_ticks=..., y_ticks=...)``; checked against the text labels where a
panel has them).

Each point is joined to the model the paper's Table 2 (p. 21) lists at that position of the series
(LaMDA 420M, 2B, 8B, 68B, 137B; GPT 350M, 1.3B, 6.7B, 175B = text-ada-001 ... text-davinci-002;
PaLM 8B, 62B, 540B), the keys ``wei2022_cot.MODEL_KEYS`` uses, and carries the Table 2 value of the
same model, task and prompting from data/wei2022_cot/solve_rates.csv (``table_value``) with the
difference figure - table; the prior-best lines carry Table 1's "Prior best" row (p. 20). All
points equal Table 2 except SVAMP on PaLM, whose 8B and 62B points and 540B chain-of-thought point
equal Table 2's ASDiv values instead (the note of each SVAMP-PaLM row gives the ASDiv value); the
SVAMP prior-best line is drawn at 47.3, where Table 1 prints 57.4 (from another paper than the
one the caption cites).
"""

from __future__ import annotations

from pathlib import Path

from . import _extended_readout as ext
from .common import ROOT, read_records, write_csv
from .figure_readout import panel_spec
from .wei2022_cot import family_keys

PDF = "wei2022_cot_v6.pdf"
SOURCE_KEY = "wei2022cot (arXiv 2201.11903v6)"
PAGE = 5
SERIES = {"#000000:circle": "Standard prompting", "#0000ff:circle": "Chain-of-thought prompting"}
SETTING = {"Standard prompting": "standard", "Chain-of-thought prompting": "chain_of_thought"}
REFERENCE = {"#ff8000": "Prior supervised best"}
# Rows (task, y tick values top to bottom, axes top, axes bottom) and columns (family, x tick values,
# axes x0 of the upper rows, axes x0 of the bottom row; every axes is 45.88 pt wide).
ROWS = [("GSM8K", [60, 40, 20, 0], 132.72, 201.27),
        ("SVAMP", [80, 60, 40, 20, 0], 211.51, 280.07),
        ("MAWPS", [100, 75, 50, 25, 0], 291.0, 359.55)]
COLUMNS = [("LaMDA", [0.4, 8, 137], 345.86, 344.57),
           ("GPT", [0.4, 7, 175], 399.71, 398.41),
           ("PaLM", [8, 62, 540], 453.56, 452.26)]
WIDTH = 45.88
# Table 2 (p. 21) model order within each family -> keys of data/models.csv.
MODELS = {family: family_keys(family) for family, _, _, _ in COLUMNS}
# Table 1 (p. 20), row "Prior best": GSM8K 55 (a: Cobbe et al. 2021), SVAMP 57.4 (b: Pi et al. 2022),
# MAWPS 88.4 (e: Pi et al. 2022). Figure 4's caption cites Cobbe et al. (2021) for GSM8K, Jie et al.
# (2022) for SVAMP and Lan et al. (2021) for MAWPS.
PRIOR_BEST_TABLE = {"GSM8K": "55", "SVAMP": "57.4", "MAWPS": "88.4"}
PRIOR_BEST_SOURCE = f"{SOURCE_KEY}, Table 1, p. 20, row 'Prior best'"
PRIOR_BEST_NOTE = {
    "SVAMP": "dashed line across the panel; the caption cites Jie et al. (2022) for SVAMP, Table 1's 57.4 is Pi et al. (2022)",
}
COLUMNS_OUT = ext.COLUMNS + ["table_value", "difference", "table_source"]


def _panels() -> list[dict]:
    specs = []
    for r, (task, y_ticks, top, bottom) in enumerate(ROWS):
        for family, x_ticks, x0_upper, x0_bottom in COLUMNS:
            x0 = x0_bottom if r == len(ROWS) - 1 else x0_upper
            bbox = (round(x0 - 3, 2), round(top - 4, 2), round(x0 + WIDTH + 4, 2), round(bottom + 3, 2))
            specs.append(panel_spec(
                PDF, SOURCE_KEY, "Figure 4", f" {task} {family}", PAGE, bbox, task, "Solve rate (%)",
                "parameters", SERIES, REFERENCE, family=family,
                x_factor=1e9, options={"grey_series": True, "x_ticks": x_ticks, "y_ticks": y_ticks}))
    return specs


PANELS = _panels()


def table2(sources_data: Path) -> dict[tuple[str, str, str], dict]:
    """(model, task, setting) -> row of the committed data/wei2022_cot/solve_rates.csv."""
    return {(r["model"], r["task"], r["setting"]): r
            for r in read_records(sources_data / "wei2022_cot" / "solve_rates.csv")}


def figure4(sources: Path, data_dir: Path) -> tuple[list[dict], list, list]:
    table = table2(data_dir)
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        family, task = spec["family"], spec["task"]
        for series in SERIES.values():
            mine = sorted((p for p in points if p.series == series), key=lambda p: p.x)
            if len(mine) != len(MODELS[family]):
                raise ValueError(f"{spec['panel']}: {len(mine)} {series} points, Table 2 lists "
                                 f"{len(MODELS[family])} {family} models")
            for point, model in zip(mine, MODELS[family]):
                record = table[(model, task, SETTING[series])]
                note = (f"x as plotted ({point.x:.3g}B); model = position {MODELS[family].index(model) + 1} "
                        f"of {len(MODELS[family])} in the series, as Table 2 lists the {family} models")
                if (task, family) == ("SVAMP", "PaLM"):
                    asdiv = table[(model, "ASDiv", SETTING[series])]["value"]
                    note += f"; Table 2's ASDiv value for this model and prompting is {asdiv}"
                out = ext.row(spec, point, model, note=note)
                rows.append(ext.compared_with_table(out, record["value"], record["source"]))
                pdf_xs.append(point.pdf_x)
        for point in (p for p in points if p.x is None):
            out = ext.row(spec, point, note=PRIOR_BEST_NOTE.get(task, "dashed line across the panel"))
            rows.append(ext.compared_with_table(out, PRIOR_BEST_TABLE[task], PRIOR_BEST_SOURCE))
            pdf_xs.append(None)
    return rows, pdf_xs, panels


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/wei2022_cot/figure4_points.csv (with the Table 2 comparison) and the verification overlay."""
    rows, pdf_xs, panels = figure4(sources, ROOT / "data")
    return [write_csv(out / "wei2022_cot" / "figure4_points.csv", COLUMNS_OUT, rows),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
