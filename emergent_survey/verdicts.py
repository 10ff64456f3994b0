"""The book's verdict on one scaling curve: does it jump, by the emergence detector and by BIG-bench's
breakthroughness, and does the jump survive a change of metric?

A curve is a set of (scale, value) points of one task, one set of runs and one metric. Two tools judge it:

* the **emergence detector** (``emergence.emergent_scale``): the smallest scale from which the value
  stays more than ``margin`` points better than random chance at every larger scale. It needs a
  chance level, so it does not apply to a loss. A curve that is already past the threshold at its
  smallest scale is "present from the smallest", not emergent.
* **breakthroughness** B and **linearity** L (Srivastava et al. 2022, App. B; ``emergence``), computed
  on the values oriented so that up is better. B / L is the root-mean-square step over the root-median
  square step: 1 for a curve that improves in equal steps, large when a few steps carry the
  improvement. The book calls the improvement *concentrated* when B >= ``CONCENTRATED`` x L. B alone
  cannot tell a jump after a flat stretch from a burst that follows steady gains, so the *shape* of a
  curve also looks at what happens before its largest step:

  - "flat": the curve improves by less than ``margin`` points overall (percent metrics), or not at all;
  - "steady": it improves, but not concentrated;
  - "jump": concentrated, and before its largest step the curve had moved by less than ``margin``
    points (for a loss: by less than ``FLAT_SHARE`` of its whole improvement), with at least one
    step there: flat, then a jump;
  - "burst": concentrated, but already moving before the largest step (or the largest step is the first).

  A curve is **emergent** when the detector finds an emergent scale and its shape is a jump.

A training run sampled at many checkpoints is judged on ``geometric_grid`` of its checkpoints (each at
least twice the tokens of the previous one, the last always kept), so that its steps are comparable to
those of a family of model sizes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import emergence

CONCENTRATED = 2.0  # B / L at or above this: the improvement comes in a few steps
FLAT_SHARE = 0.25  # for a loss: the share of its improvement that still counts as flat before the largest step
MARGIN = emergence.DETECTOR_MARGIN  # points above chance
GRID_FACTOR = 2.0  # a training run is judged on checkpoints at least this factor apart in tokens


@dataclass(frozen=True)
class Metric:
    """How a metric is read: its direction, and whether it is a percentage with a chance level."""

    label: str
    higher_is_better: bool = True
    percent: bool = True  # a share (0-100) whose points the detector's margin counts
    continuous: bool = False  # gives partial credit (loss, Brier score, probability)


METRICS = {
    "accuracy": Metric("accuracy"),
    "cloze": Metric("cloze accuracy"),
    "multiple_choice": Metric("multiple-choice accuracy"),
    "exact_match": Metric("exact match"),
    "per_token": Metric("per-token accuracy", continuous=True),
    "target_loss": Metric("target-word loss (nats)", higher_is_better=False, percent=False, continuous=True),
    "bpb": Metric("bits per byte of the answer", higher_is_better=False, percent=False, continuous=True),
    "tc_brier": Metric("Brier score", higher_is_better=False, continuous=True),
}


def geometric_grid(curve: pd.DataFrame, scale: str, factor: float = GRID_FACTOR) -> pd.DataFrame:
    """The rows whose ``scale`` is at least ``factor`` times that of the previous row kept, from the
    smallest positive scale; the largest row is always kept (it replaces the last kept row if that is
    within ``factor`` of it). Rows without a positive scale are dropped."""
    known = curve[curve[scale] > 0].sort_values(scale, kind="stable")
    if known.empty:
        return known
    keep: list = []
    last = None
    for index, value in zip(known.index, known[scale]):
        if last is None or value >= factor * last:
            keep.append(index)
            last = value
    if keep[-1] != known.index[-1]:
        keep[-1] = known.index[-1]
    return known.loc[keep]


def verdict(curve: pd.DataFrame, scale: str, value: str, metric: str, chance: float | None = None,
            margin: float = MARGIN) -> dict:
    """Judge one curve (one row per scale). ``chance`` is random chance in the metric's units (for a
    Brier score: the score of a uniform guess), or None where the metric has none."""
    how = METRICS[metric]
    known = curve.dropna(subset=[scale, value]).sort_values(scale, kind="stable")
    if len(known) < 3:
        raise ValueError(f"a verdict needs at least three scales, got {len(known)}")
    scales = known[scale].tolist()
    oriented = known[value].tolist() if how.higher_is_better else [-v for v in known[value]]
    out = {"points": len(known), "smallest": scales[0], "largest": scales[-1],
           "first": known[value].iloc[0], "last": known[value].iloc[-1]}
    # the detector, on values oriented so that up is better (chance oriented the same way)
    if chance is None or (isinstance(chance, float) and math.isnan(chance)) or not how.percent:
        out.update(detector="not applicable", emerges_at=math.nan)
    else:
        level = chance if how.higher_is_better else -chance
        frame = pd.DataFrame({"scale": scales, "value": oriented})
        first = emergence.emergent_scale(frame, "scale", "value", chance=level, margin=margin)
        if math.isnan(first):
            out.update(detector="never", emerges_at=math.nan)
        elif first == scales[0]:
            out.update(detector="present from the smallest", emerges_at=math.nan)
        else:
            out.update(detector="emerges", emerges_at=first)
    b, l = emergence.breakthroughness(oriented), emergence.linearity(oriented)
    improvement = emergence.improvement(oriented)  # BIG-bench's I(y), on the oriented values
    if l == 0 or math.isnan(l) or math.isnan(b):
        ratio = math.nan
    elif math.isinf(b):
        ratio = math.copysign(math.inf, b * l)
    else:
        ratio = b / l
    steps = emergence.steps(oriented)
    largest = steps.index(max(steps))  # the largest improving step: 0 = first
    position = largest / (len(steps) - 1) if len(steps) > 1 else 1.0  # as a fraction: 1 = last
    before = oriented[largest] - oriented[0]  # the net move before the largest step begins
    enough = improvement >= margin if how.percent else improvement > 0
    flat_before = largest >= 1 and (before < margin if how.percent else before < FLAT_SHARE * improvement)
    concentrated = bool(enough and ratio >= CONCENTRATED)
    if not enough:
        shape = "flat"
    elif not concentrated:
        shape = "steady"
    elif flat_before:
        shape = "jump"
    else:
        shape = "burst"
    out.update(improvement=improvement, breakthroughness=b, linearity=l, ratio=ratio,
               largest_step_at=position, moved_before=before, shape=shape,
               emergent=out["detector"] == "emerges" and shape == "jump")
    return out


def jump_over_smaller(curve: pd.DataFrame, scale: str, value: str, margin: float = MARGIN) -> dict:
    """The largest model's lead over the best of the smaller ones (points), and whether it exceeds
    ``margin``: the part of "emergent" that needs no chance level (not predictable from smaller models)."""
    known = curve.dropna(subset=[scale, value]).sort_values(scale, kind="stable")
    if len(known) < 2:
        raise ValueError("a jump over smaller models needs at least two models")
    top = known.iloc[-1]
    smaller = known.iloc[:-1]
    if (smaller[scale] == top[scale]).any():
        raise ValueError("two models share the largest scale")
    lead = float(top[value] - smaller[value].max()) + 0.0  # + 0.0: no negative zero
    return {"largest": top[scale], "largest_value": float(top[value]), "best_smaller": float(smaller[value].max()),
            "lead": lead, "jump": lead > margin}


def disappears(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group of curves of the same task and runs under several metrics: the metrics under which
    the curve's steps form a late jump (the shape test, which applies to every metric) and those under
    which they do not; ``disappears`` when both lists are non-empty. Groups with one metric are left out."""
    rows = []
    for keys, group in table.groupby(by, sort=False):
        if group["metric"].nunique() < 2:
            continue
        keys = keys if isinstance(keys, tuple) else (keys,)
        jump = group["shape"] == "jump"
        rows.append({**dict(zip(by, keys)), "jump_under": group.loc[jump, "metric"].tolist(),
                     "no_jump_under": group.loc[~jump, "metric"].tolist(),
                     "disappears": bool(jump.any()) and bool((~jump).any())})
    return pd.DataFrame(rows)
