"""Redrawing a paper's figure in the book's style: how the series of a read-out map to model
families and settings, and the original panels' axis ranges (so a redrawn panel keeps them).

Wei et al. 2022a Figures 3, 12 and 13 (augmented prompting): every series is a setting of one
model family (the captions name the families: LaMDA in A-C, Anthropic's models in D), drawn with
the baseline dashed and hollow and the technique solid and filled, the same in every panel.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import LogLocator

from . import plotting

WEI_AUGMENTED_SERIES = {
    "Chain of thought": ("LaMDA", "chain_of_thought"), "No chain of thought": ("LaMDA", "standard"),
    "Instruction tuning": ("LaMDA", "instruction_tuned"), "No instruction tuning": ("LaMDA", "not_instruction_tuned"),
    "Scratchpad": ("LaMDA", "scratchpad"), "No scratchpad": ("LaMDA", "no_scratchpad"),
    "T/F": ("Anthropic", "true_false"), "Letter choices": ("Anthropic", "letter_choices"),
    "GPT-3": ("GPT-3", "few_shot"), "PaLM": ("PaLM", "chain_of_thought"), "Flamingo": ("Flamingo", "few_shot"),
}
# The original panels' axis ranges (x, y), measured from the axis frames and tick marks of the
# TMLR PDF (pages 5 and 28); the ECE panels (D) have a logarithmic y axis that decreases upwards.
WEI_AUGMENTED_AXES = {
    "Figure 3A": ((10**20.4, 1e24), (-1, 25)), "Figure 3B": ((10**20.4, 1e24), (28, 72)),
    "Figure 3C": ((10**18.3, 10**21.3), (-4.8, 105.2)), "Figure 3D": ((10**21.4, 10**24.1), (20, 0.6)),
    "Figure 12A": ((10**8.38, 10**11.4), (-1, 25)), "Figure 12B": ((10**8.38, 10**11.4), (28, 72)),
    "Figure 12C": ((1e6, 10**9.3), (-4.8, 105.2)), "Figure 12D": ((10**8.7, 10**11.3), (20, 0.6)),
    "Figure 13A": ((10**7.6, 10**11.48), (-2.9, 103.1)), "Figure 13B": ((10**7.6, 10**11.48), (58, 92)),
    "Figure 13C": ((10**9.475, 10**11.95), (-1.9, 63.1)), "Figure 13D": ((10**9.3, 10**11.18), (-1.9, 63.1)),
}
REFERENCE_NAMES = {"Prior SOTA": "prior state of the art (task-specific model)"}


def check_families(points: pd.DataFrame) -> None:
    """Every read-out point joined to a registry model belongs to the family its series maps to."""
    named = points.dropna(subset=["model"])
    wrong = [(series, model) for series, model in zip(named["series"], named["model"])
             if not model.startswith(WEI_AUGMENTED_SERIES[series][0])]
    if wrong:
        raise ValueError(f"series mapped to the wrong family: {sorted(set(wrong))}")


def wei_augmented_panel(grid, points: pd.DataFrame, panel: str, title: str, ylabel: str | None = None):
    """One panel of Wei et al. 2022a Figures 3, 12 or 13 in ``grid``, with the original's axis ranges;
    returns the Axes."""
    ax = grid.panel(title)
    shown = points[points["panel"] == panel].replace({"series": REFERENCE_NAMES})
    scale = "training_flops" if shown["x_quantity"].iloc[0] == "training_flops" else "parameters"
    plotting.readout_panel(ax, shown, scale, title, series=WEI_AUGMENTED_SERIES, ylabel=ylabel)
    x_range, y_range = WEI_AUGMENTED_AXES[panel]
    if shown["y_metric"].iloc[0] == "ECE (%)":
        ax.set_yscale("log")
        plotting.legible_powers(ax, "y")
        ax.set_ylabel("ECE (%), log scale, reversed")
    if scale == "training_flops":
        ax.xaxis.set_major_locator(LogLocator(base=10, numticks=12))
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    return ax
