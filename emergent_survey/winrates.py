"""Human-preference win rates with their confidence intervals, as a figure read-out gives them.

A win rate is the share of comparisons in which raters preferred one model's output to a fixed baseline's
(InstructGPT's Figure 1: every model against the 175B SFT model). A read-out row has the point (``y_value``)
and the ends of its drawn error bar (``y_low``, ``y_high``; the paper's 95% confidence interval), one row per
series (``series``) and model size (``x_value``).

``point`` finds one row; ``compare`` says whether one model's interval lies wholly above another's (the
difference is then significant at the intervals' level, whatever the exact test) and how many times larger
the second model is; ``smallest_preferred`` finds the smallest size of a series that beats a given model that
way; ``gaps`` gives the distance between two series at each size; ``draw`` plots the series in the book's
style with vertical error bars, as the paper draws them.
"""

from __future__ import annotations

import math

import pandas as pd

from . import plotting


def point(points: pd.DataFrame, series: str, x: float) -> pd.Series:
    """The read-out row of ``series`` at size ``x`` (exactly one, else ValueError)."""
    rows = points[(points["series"] == series) & (points["x_value"] == x)]
    if len(rows) != 1:
        raise ValueError(f"expected one point of {series!r} at x = {x:g}, found {len(rows)}")
    return rows.iloc[0]


def _interval(row: pd.Series) -> tuple[float, float]:
    """The error bar's ends; a point drawn without one (the baseline itself) is its own interval."""
    low, high = row.get("y_low"), row.get("y_high")
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return float(row["y_value"]), float(row["y_value"])
    return float(low), float(high)


def above(a: pd.Series, b: pd.Series) -> bool:
    """Whether ``a``'s interval lies wholly above ``b``'s (no overlap)."""
    return _interval(a)[0] > _interval(b)[1]


def compare(points: pd.DataFrame, first: tuple[str, float], second: tuple[str, float]) -> dict:
    """``first`` = (series, size) against ``second``: both values and intervals, whether the first's interval
    lies wholly above the second's, and how many times more parameters the second has."""
    a, b = point(points, *first), point(points, *second)
    return {"value": float(a["y_value"]), "interval": _interval(a),
            "other_value": float(b["y_value"]), "other_interval": _interval(b),
            "separated": above(a, b), "size_ratio": float(b["x_value"]) / float(a["x_value"])}


def smallest_preferred(points: pd.DataFrame, series: str, other: tuple[str, float]) -> float | None:
    """The smallest size of ``series`` whose interval lies wholly above that of ``other`` = (series, size);
    None if no size does."""
    reference = point(points, *other)
    rows = points[points["series"] == series].dropna(subset=["x_value"]).sort_values("x_value")
    for _, row in rows.iterrows():
        if above(row, reference):
            return float(row["x_value"])
    return None


def gaps(points: pd.DataFrame, series: str, baseline: str) -> pd.DataFrame:
    """``series`` minus ``baseline`` at every size both have: columns x_value, value, baseline_value, gap."""
    a = points[points["series"] == series].dropna(subset=["x_value"])[["x_value", "y_value"]]
    b = points[points["series"] == baseline].dropna(subset=["x_value"])[["x_value", "y_value"]]
    joined = a.merge(b, on="x_value", suffixes=("", "_baseline"), validate="one_to_one").sort_values("x_value")
    joined = joined.rename(columns={"y_value": "value", "y_value_baseline": "baseline_value"})
    joined["gap"] = joined["value"] - joined["baseline_value"]
    return joined.reset_index(drop=True)


def draw(ax, points: pd.DataFrame, styles: dict[str, tuple[str, str, str]], error_bars: bool = True) -> None:
    """Each series of ``styles`` = {series: (family, setting, legend label)} as a line in the book's style, with a
    vertical error bar in the series' colour at every point that has one (no caps, as in the paper); horizontal
    reference lines of the read-out (x_value empty) grey and dotted."""
    for name, (family, setting, label) in styles.items():
        rows = points[points["series"] == name].dropna(subset=["x_value"]).sort_values("x_value")
        if rows.empty:
            raise KeyError(f"no points for series {name!r}")
        line = plotting.draw_series(ax, rows["x_value"], rows["y_value"], family, setting, label=label, zorder=3)
        if error_bars:
            bars = rows.dropna(subset=["y_low", "y_high"])
            ax.vlines(bars["x_value"], bars["y_low"], bars["y_high"], color=line.get_color(), linewidth=1.0,
                      zorder=2)
    for _, row in points[points["x_value"].isna()].iterrows():
        plotting.reference_line(ax, float(row["y_value"]), label=str(row["series"]))


def interval_text(interval: tuple[float, float], digits: int = 2) -> str:
    """'0.48 to 0.57' (the ends of an interval)."""
    low, high = interval
    if any(math.isnan(v) for v in interval):
        raise ValueError("an interval end is missing")
    return f"{low:.{digits}f} to {high:.{digits}f}"
