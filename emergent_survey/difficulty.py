"""Wu and Lo's question-difficulty groups: how each group's score moves with training compute, below
and above the task's emergence threshold.

Wu and Lo sort a task's questions by how well the models below the threshold answer them and cut them
into equal groups (``data/wu_lo``: level 1 = easiest). Per model there is one score per group; this
module joins the models' training FLOPs, summarises the groups per half-decade of compute (the median
over the models in the bin, with their number: a summary of the points, not a fitted curve) and
measures the direction of each group's change with scale: Spearman's rank correlation of the score
with compute, oriented so that +1 means every larger model does better (for the Brier score, lower is
better).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import emergence

PERCENT = 100.0
FLOPS_UNIT = 1e21  # Wu and Lo's files give compute in units of 1E21 FLOPs


def threshold_flops(threshold_log10: float) -> float:
    """The emergence threshold in FLOPs: 10 ** t x 1E21 (the files' FLOPs unit)."""
    return 10 ** threshold_log10 * FLOPS_UNIT


def group_scores(bins: pd.DataFrame, overall: pd.DataFrame, models: pd.DataFrame, task: str,
                 difficulty_by: str, groups: int, levels: dict[int, str]) -> pd.DataFrame:
    """One row per model and series: the chosen difficulty ``levels`` (level -> label) of one task and
    grouping, and the task overall (label "all questions"), in percent, with the models' training FLOPs.
    Models without training FLOPs in the registry are left out (returned in ``attrs['unplaced']``)."""
    chosen = bins[(bins["task"] == task) & (bins["difficulty_by"] == difficulty_by) & (bins["groups"] == groups)
                  & bins["level"].isin(list(levels))]
    if chosen.empty:
        raise ValueError(f"no {groups}-group rows for {task} sorted by {difficulty_by}")
    metric = chosen["metric"].iloc[0]
    whole = overall[(overall["task"] == task) & (overall["metric"] == metric)]
    rows = pd.concat([chosen.assign(series=chosen["level"].map(levels)),
                      whole.assign(series="all questions", level=math.nan)], ignore_index=True)
    rows = rows.assign(value=rows["value"] * PERCENT, metric=metric, task=task,
                       threshold_log10=chosen["threshold_log10"].iloc[0])
    rows["training_flops"] = models.loc[rows["model"], "training_flops"].to_numpy(dtype=float)
    unplaced = sorted(rows.loc[rows["training_flops"].isna(), "model"].unique())
    placed = rows.dropna(subset=["training_flops"]).reset_index(drop=True)
    placed.attrs["unplaced"] = unplaced
    return placed


def binned(scores: pd.DataFrame, width: float = 0.5) -> pd.DataFrame:
    """Per series and bin of ``width`` decades of training FLOPs: the median score, the median FLOPs
    of the models in the bin (where the point is drawn) and how many models it summarises."""
    frame = scores.assign(bin=np.floor(np.log10(scores["training_flops"]) / width) * width)
    out = (frame.groupby(["series", "bin"], sort=True)
           .agg(value=("value", "median"), training_flops=("training_flops", "median"), models=("model", "nunique"))
           .reset_index())
    return out


def directions(scores: pd.DataFrame, higher_is_better: bool) -> pd.DataFrame:
    """Per series: Spearman's correlation of score with compute among the models at or below the
    threshold and among those above it, oriented so that +1 = every larger model does better."""
    sign = 1 if higher_is_better else -1
    rows = []
    for series, group in scores.groupby("series", sort=False):
        limit = threshold_flops(group["threshold_log10"].iloc[0])
        below, above = group[group["training_flops"] <= limit], group[group["training_flops"] > limit]
        rows.append({"series": series, "models_below": len(below), "models_above": len(above),
                     "below": sign * emergence.scaling_direction(below["training_flops"], below["value"]),
                     "above": sign * emergence.scaling_direction(above["training_flops"], above["value"])})
    return pd.DataFrame(rows)


def moves(values: list[float], tolerance: float) -> list[str]:
    """The sequence of moves of at least ``tolerance`` in a series (a zigzag filter): "up" or "down"
    each time the series has moved that far from its last turning point, in the new direction.
    [1, 9, 2, 10] with tolerance 5 gives ["up", "down", "up"]; a series that never moves that far
    gives []."""
    values = [v for v in values if not math.isnan(v)]
    if not values:
        return []
    out: list[str] = []
    start = values[0]
    extreme = values[0]  # the furthest value in the current direction (its turning point, once it turns)
    for value in values[1:]:
        direction = out[-1] if out else None
        if direction == "up":
            if value > extreme:
                extreme = value
            elif extreme - value >= tolerance:
                out.append("down")
                extreme = value
        elif direction == "down":
            if value < extreme:
                extreme = value
            elif value - extreme >= tolerance:
                out.append("up")
                extreme = value
        elif value - start >= tolerance:
            out.append("up")
            extreme = value
        elif start - value >= tolerance:
            out.append("down")
            extreme = value
    return out


SHAPES = {(): "flat", ("up",): "better", ("down",): "worse", ("down", "up"): "worse, then better (U-shaped)",
          ("up", "down"): "better, then worse (inverted U)",
          ("up", "down", "up"): "better, worse, then better again (inverted U, then improvement)"}


def shape(values: list[float], higher_is_better: bool, tolerance: float) -> str:
    """The shape of a series in words, in terms of performance (for a Brier score, lower is better)."""
    oriented = list(values) if higher_is_better else [-v for v in values]
    found = tuple(moves(oriented, tolerance))
    return SHAPES.get(found, ", then ".join({"up": "better", "down": "worse"}[m] for m in found))
