"""PaLM's measure of "discontinuous improvements" on BIG-bench (Chowdhery et al. 2022, Sec. 6.2).

With scores at three sizes (8B, 62B, 540B), the paper projects the largest model's score by
extending the line from the smallest to the middle model on a log scale, "25% + (25% − 13%)" in
its worked example: projection = s_mid + (s_mid − s_small). The discontinuity is the actual score
minus that projection. The paper's step assumes equal spacing on the log axis (62/8 and 540/62
are close); ``spacing`` allows the exact log-linear step, log(n_large/n_mid) / log(n_mid/n_small).
"""

from __future__ import annotations

import math

import pandas as pd


def projection(small: float, mid: float, spacing: float = 1.0) -> float:
    """The log-linear projection of the largest model's score from the two smaller ones."""
    return mid + spacing * (mid - small)


def discontinuity(small: float, mid: float, large: float, spacing: float = 1.0) -> float:
    """Actual minus projected score of the largest model (positive: better than the trend)."""
    return large - projection(small, mid, spacing)


def log_spacing(sizes: tuple[float, float, float]) -> float:
    """log(n3/n2) / log(n2/n1): the exact log-linear step relative to the paper's equal steps."""
    small, mid, large = sizes
    return math.log(large / mid) / math.log(mid / small)


def discontinuity_table(scores: pd.DataFrame, sizes: tuple[str, str, str], spacing: float = 1.0) -> pd.DataFrame:
    """Per row of ``scores`` (one row per task, one column per size, small to large): the
    projection and the discontinuity. Rows missing any of the three scores get no values."""
    small, mid, large = sizes
    out = scores.copy()
    out["projection"] = [projection(a, b, spacing) for a, b in zip(scores[small], scores[mid])]
    out["discontinuity"] = scores[large] - out["projection"]
    return out


def share_above(discontinuities: pd.Series, threshold: float) -> float:
    """Share of the (known) discontinuities strictly above ``threshold``."""
    known = discontinuities.dropna()
    return float((known > threshold).mean()) if len(known) else math.nan
