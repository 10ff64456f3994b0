"""Ouyang et al. 2022 (InstructGPT, arXiv 2203.02155v1), Figure 1, read from the PDF.

Human preference on the API prompt distribution: how often each model's outputs were preferred to
those of the 175B SFT model, for PPO-ptx, PPO, SFT, GPT (prompted) and GPT at 1.3B, 6B and 175B
parameters (log x axis with tick marks, ggplot2 style). Each point carries its 95% confidence
interval as a vertical error bar of its colour ("Error bars throughout the paper are 95%
confidence intervals", caption), stored as y_low / y_high. The 175B SFT point is the baseline
itself (0.5, no error bar drawn); the dashed grey line at 0.5 is stored as a reference line.

Models: the GPT baselines at 1.3B and 175B are the registry's GPT-3 models; the paper's "6B" GPT-3
model and the fine-tuned SFT, PPO and PPO-ptx models are in this folder's registry
(``models_ouyang2022_instructgpt``), with the sizes the paper states (p. 3).
"""

from __future__ import annotations

from pathlib import Path

from . import _extended_readout as ext
from .common import REGISTRY_COLUMNS, write_csv
from .figure_readout import panel_spec

PDF = "ouyang2022_instructgpt_v1.pdf"
SOURCE_KEY = "ouyang2022instructgpt (arXiv 2203.02155v1)"
FOLDER = "ouyang2022_instructgpt"
# Legend of Figure 1 (read_legend on the box right of the axes, page 2).
SERIES = {
    "#c8553d:circle": "PPO-ptx",
    "#f2b35a:circle": "PPO",
    "#7dba88:circle": "SFT",
    "#99ccff:circle": "GPT (prompted)",
    "#71c1d1:circle": "GPT",
}
PANELS = [
    panel_spec(PDF, SOURCE_KEY, "Figure 1", "", 2, (162.7, 71.0, 380.9, 237.3),
               "Human preference on the API prompt distribution", "Win rate against SFT 175B", "parameters",
               SERIES, {"#dddddd": "SFT 175B baseline (0.5)"}, options={"error_bars": True}),
]
SIZES = {1.3e9: "1.3B", 6e9: "6B", 1.75e11: "175B"}  # the x tick labels
SIZE_SOURCE = f"{SOURCE_KEY}, Sec. 1, pp. 2-3 ('We train three model sizes (1.3B, 6B, and 175B parameters)')"
GPT_REGISTRY = {"1.3B": "GPT-3 1.3B", "175B": "GPT-3 175B"}  # data/models.csv


def model_key(series: str, size: str) -> str:
    """The registry key of a plotted model."""
    if series.startswith("GPT"):
        return GPT_REGISTRY.get(size, f"GPT-3 {size} (InstructGPT paper)")
    return f"InstructGPT {series} {size}"


def size_of(x: float) -> str:
    label = min(SIZES, key=lambda s: ext.log_distance(s, x))
    if ext.log_distance(label, x) > 1e-3:
        raise ValueError(f"Figure 1: a point at x = {x:g} is not at a labelled size {list(SIZES.values())}")
    return SIZES[label]


def figure1(sources: Path) -> tuple[list[dict], list, list]:
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        for point in points:
            if point.x is None:
                rows.append(ext.row(spec, point, note="the 175B SFT model against itself"))
                pdf_xs.append(None)
                continue
            size = size_of(point.x)
            note = ""
            if point.y_low is None:
                note = "no error bar drawn (the baseline model compared with itself)"
            rows.append(ext.row(spec, point, model_key(point.series, size), note=note))
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


def registry_rows() -> list[dict]:
    """The models of Figure 1 that data/models.csv lacks."""
    rows = []
    for series in ["SFT", "PPO", "PPO-ptx", "GPT"]:
        for x, size in SIZES.items():
            key = model_key(series, size)
            if key in GPT_REGISTRY.values():
                continue
            family = "GPT-3" if series == "GPT" else "InstructGPT"
            name = f"{size} GPT-3" if series == "GPT" else f"{size} {series}"
            note = ("the paper's 6B GPT-3 baseline; Brown et al. (2020) list a 6.7B model, the paper does not "
                    "say whether it is that one" if series == "GPT" else
                    f"{series} model of the InstructGPT paper, fine-tuned from GPT-3 {size}; training compute not stated")
            rows.append({
                "model": key, "family": family, "name_in_source": name,
                "parameters": f"{x:g}", "parameters_kind": "text", "parameters_source": SIZE_SOURCE,
                "flops_method": "unknown", "kind": "text", "source": SIZE_SOURCE, "note": note,
            })
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/ouyang2022_instructgpt/figure1_points.csv, models.csv and the verification overlay."""
    rows, pdf_xs, panels = figure1(sources)
    return [write_csv(out / FOLDER / "figure1_points.csv", ext.COLUMNS, rows),
            write_csv(out / FOLDER / "models.csv", REGISTRY_COLUMNS, registry_rows()),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
