"""Claims about scaling curves: where one setting first beats another, gains, where it hurts.

A curve here is a DataFrame with one row per model size: a scale column (parameters or training
FLOPs) and one column per setting (e.g. ``standard`` and ``chain_of_thought``). A missing value
(NaN) means the source has no number for that size; it is never filled in.
"""

from __future__ import annotations

import math

import pandas as pd

# The book's emergence detector: an ability emerges at the smallest scale from which a model stays
# more than this many percentage points above random chance at every larger scale.
DETECTOR_MARGIN = 10.0


def paired(observations: pd.DataFrame, scale: str, a: str, b: str,
           by: tuple[str, ...] = ()) -> pd.DataFrame:
    """Wide table with one row per (group, model): columns ``scale``, ``a``, ``b``.

    Raises ValueError if one model has two values for one setting (a tidy file must not).
    """
    keys = [*by, "model", scale]
    subset = observations[observations["setting"].isin([a, b])]
    duplicated = subset.duplicated([*keys, "setting"], keep=False)
    if duplicated.any():
        raise ValueError(f"more than one value per model and setting:\n{subset[duplicated]}")
    wide = subset.pivot(index=keys, columns="setting", values="value").reset_index()
    for setting in (a, b):
        if setting not in wide:
            wide[setting] = math.nan
    return wide.sort_values([*by, scale], kind="stable").reset_index(drop=True)


def first_row_where_better(curve: pd.DataFrame, scale: str, a: str, b: str,
                           margin: float = 0.0) -> pd.Series | None:
    """The row of the smallest scale from which ``a`` beats ``b`` by more than ``margin`` at every
    larger size, or None.

    Sizes where either value is missing are skipped (they can neither start nor break a run).
    A tie (difference equal to the margin) does not count as better. None also when ``a`` is
    ahead only at smaller sizes and behind at the largest.
    """
    known = curve.dropna(subset=[scale, a, b]).sort_values(scale)
    first = None
    for index, is_better in zip(known.index, (known[a] - known[b]) > margin):
        if is_better and first is None:
            first = index
        elif not is_better:
            first = None
    return None if first is None else known.loc[first]


def first_scale_where_better(curve: pd.DataFrame, scale: str, a: str, b: str,
                             margin: float = 0.0) -> float:
    """The scale of ``first_row_where_better`` (NaN if there is none)."""
    row = first_row_where_better(curve, scale, a, b, margin)
    return math.nan if row is None else row[scale]


def scales_where_worse(curve: pd.DataFrame, scale: str, a: str, b: str) -> list[float]:
    """Scales at which ``a`` is strictly below ``b`` (e.g. where chain of thought hurts)."""
    known = curve.dropna(subset=[scale, a, b])
    return sorted(known.loc[known[a] < known[b], scale].tolist())


def gain_at_largest(curve: pd.DataFrame, scale: str, a: str, b: str) -> float:
    """``a - b`` at the largest scale where both are known (NaN if none)."""
    known = curve.dropna(subset=[scale, a, b])
    if known.empty:
        return math.nan
    top = known.loc[known[scale].idxmax()]
    return float(top[a] - top[b])


def crossover_table(curves: pd.DataFrame, scale: str, a: str, b: str,
                    by: tuple[str, ...]) -> pd.DataFrame:
    """Per group: smallest scale where ``a`` stays ahead of ``b``, the gain at the largest
    scale, and how many sizes have ``a`` below ``b``."""
    rows = []
    for keys, curve in curves.groupby(list(by), sort=False):
        keys = keys if isinstance(keys, tuple) else (keys,)
        rows.append({
            **dict(zip(by, keys)),
            "sizes": int(curve[[a, b]].notna().all(axis=1).sum()),
            "first_better_at": first_scale_where_better(curve, scale, a, b),
            "gain_at_largest": gain_at_largest(curve, scale, a, b),
            "sizes_worse": len(scales_where_worse(curve, scale, a, b)),
        })
    return pd.DataFrame(rows)


def readout_crossover(points: pd.DataFrame, panel: str, method: str, baseline: str,
                      lower_is_better: bool = False) -> tuple[pd.DataFrame, float]:
    """For one panel of a figure read-out (series = settings, x_value = scale): the paired curve and
    the smallest x from which ``method`` stays ahead of ``baseline`` (behind it, when lower is better)."""
    rows = points[points["panel"] == panel].rename(columns={"series": "setting", "y_value": "value"})
    curve = paired(rows, "x_value", method, baseline)
    first, second = (baseline, method) if lower_is_better else (method, baseline)
    return curve, first_scale_where_better(curve, "x_value", first, second)


def emergent_scale(curve: pd.DataFrame, scale: str, value: str, chance: float,
                   margin: float) -> float:
    """The book's emergence detector: the smallest scale from which ``value`` stays more than
    ``margin`` above random ``chance`` at every larger scale (NaN if it never does).

    For tasks without a chance level (free-response answers) pass chance=0.
    """
    with_chance = curve.assign(_chance=chance)
    return first_scale_where_better(with_chance, scale, value, "_chance", margin)


def improvement(values: list[float]) -> float:
    """I(y) = sign(argmax y - argmin y) * (max y - min y) (Srivastava et al. 2022, App. B)."""
    top, bottom = max(range(len(values)), key=values.__getitem__), min(range(len(values)), key=values.__getitem__)
    sign = (top > bottom) - (top < bottom)
    return sign * (max(values) - min(values))


def steps(values: list[float]) -> list[float]:
    """The change from each model size to the next (values sorted by scale)."""
    if len(values) < 2:
        raise ValueError("linearity and breakthroughness need at least two model sizes")
    return [b - a for a, b in zip(values, values[1:])]


def linearity(values_by_scale: list[float]) -> float:
    """BIG-bench linearity L = I(y) / RootMeanSquare(y[i+1] - y[i]); values sorted by scale."""
    changes = steps(values_by_scale)
    rms = math.sqrt(sum(s * s for s in changes) / len(changes))
    return _ratio(improvement(values_by_scale), rms)


def breakthroughness(values_by_scale: list[float]) -> float:
    """BIG-bench breakthroughness B = I(y) / RootMedianSquare(y[i+1] - y[i]).

    When most steps are flat the median square is 0 and B is infinite (as the definition implies).
    """
    squares = sorted(s * s for s in steps(values_by_scale))
    middle = len(squares) // 2
    median = squares[middle] if len(squares) % 2 else (squares[middle - 1] + squares[middle]) / 2
    return _ratio(improvement(values_by_scale), math.sqrt(median))


def _ratio(numerator: float, denominator: float) -> float:
    if denominator == 0:
        return math.nan if numerator == 0 else math.copysign(math.inf, numerator)
    return numerator / denominator


def scaling_direction(scales, values) -> float:
    """Spearman rank correlation of score with model scale: +1 when every larger model scores
    higher, -1 when every larger model scores lower (NaN for fewer than three sizes)."""
    frame = pd.DataFrame({"scale": scales, "value": values}).dropna()
    if len(frame) < 3:
        return math.nan
    return float(frame["scale"].rank().corr(frame["value"].rank()))
