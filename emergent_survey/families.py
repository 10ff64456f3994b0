"""Many model families at once: the book's per-family rules over dozens of open families, and a
figure that shows a few families in colour and the rest as one neutral group.

Rows are observations joined to the registry (columns ``model``, ``family``, ``training_flops``
and a value column). A family needs at least two sizes of known compute for a per-family rule; a
model without compute is left out of it, never placed at a guessed scale.
"""

from __future__ import annotations

import math

import pandas as pd

from . import emergence, plotting

SCALE = "training_flops"


def _families(rows: pd.DataFrame):
    for family, curve in rows.dropna(subset=[SCALE]).groupby("family", sort=True):
        if curve[SCALE].nunique() >= 2:
            yield family, curve


def emergence_by_family(rows: pd.DataFrame, value: str, chance: float, margin: float) -> pd.DataFrame:
    """The emergence detector (``emergence.emergent_scale``) for every family with two or more
    sizes: the scale, the model there, whether that is already the family's smallest model (then
    the ability may start lower: the family shows no flat part), and the family's range."""
    out = []
    for family, curve in _families(rows):
        scale = emergence.emergent_scale(curve, SCALE, value, chance=chance, margin=margin)
        at = curve.loc[curve[SCALE] == scale, "model"]
        out.append({"family": family, "sizes": curve[SCALE].nunique(), "scale": scale,
                    "model": at.iloc[0] if len(at) else None, "at_smallest": scale == curve[SCALE].min(),
                    "smallest": curve[SCALE].min(), "largest": curve[SCALE].max()})
    return pd.DataFrame(out, columns=["family", "sizes", "scale", "model", "at_smallest", "smallest", "largest"])


def gain_by_family(rows: pd.DataFrame, better: str, worse: str, margin: float) -> pd.DataFrame:
    """For every family with two or more sizes: the smallest scale from which setting ``better``
    stays more than ``margin`` ahead of ``worse`` at every larger size (NaN if never), whether that
    is the family's smallest model, and the gain at the largest size with both settings."""
    out = []
    for family, curve in _families(rows[rows["setting"].isin([better, worse])]):
        paired = emergence.paired(curve, SCALE, worse, better)
        first = emergence.first_scale_where_better(paired, SCALE, better, worse, margin=margin)
        out.append({"family": family, "sizes": curve[SCALE].nunique(), "first": first,
                    "at_smallest": first == curve[SCALE].min(), "smallest": curve[SCALE].min(),
                    "largest": curve[SCALE].max(), "gain": emergence.gain_at_largest(paired, SCALE, better, worse)})
    return pd.DataFrame(out, columns=["family", "sizes", "first", "at_smallest", "smallest", "largest", "gain"])


def lowest(table: pd.DataFrame, column: str, inside_only: bool = False) -> pd.Series | None:
    """The row with the smallest ``column`` (the earliest emergence); with ``inside_only``, among
    families whose smallest model is not already past it. None when there is none."""
    found = table.dropna(subset=[column])
    if inside_only:
        found = found[~found["at_smallest"]]
    return None if found.empty else found.sort_values(column, kind="stable").iloc[0]


def at_or_below(value: float, at_smallest: bool, fmt) -> str | None:
    """A detected scale as text, '≤ ' in front when the family's smallest model already passes."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return ("≤ " if at_smallest else "") + fmt(value)


def draw(ax, rows: pd.DataFrame, highlight: list[str], value: str, setting: str, other_label: str) -> None:
    """Families in ``highlight`` as lines in their colours and ``setting``; every other row as one
    group of neutral points (``plotting.draw_other``), never in a family's colour."""
    for family in highlight:
        curve = rows[rows["family"] == family].sort_values(SCALE)
        if len(curve):
            plotting.draw_series(ax, curve[SCALE], curve[value], family, setting, markersize=4)
    rest = rows[~rows["family"].isin(highlight)]
    if len(rest):
        line = plotting.draw_other(ax, rest[SCALE], rest[value], other_label, 1, markersize=3)
        line.set_linestyle("none")
