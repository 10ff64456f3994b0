"""Drawing per-run results in the book's style: training runs as thin lines, a family's fully trained
models as one curve, single runs as labelled points, and dot charts of per-task differences.

Every series goes through ``plotting`` (family = colour and marker, setting = line style and fill), so
the figure manifests and their tests see the same rules as everywhere else. A set of runs drawn alike
is one line broken between runs, so it gets one legend entry; a single point that should stay out of
the legend gets a label starting with "_".
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.ticker import LogLocator, NullLocator

from . import plotting
from .verdicts import geometric_grid  # the same thinning rule the verdicts use for training runs


def runs(ax, rows: pd.DataFrame, x: str, family: str, setting: str, label: str, y: str = "value",
         by: str = "run", order: str | None = None, mark_last: bool = False, **kwargs) -> int:
    """Every run (``by``) as one line, its points joined in ``order`` (default ``x``), all in one style and
    one legend entry; returns how many runs were drawn. The runs are drawn as a single line broken
    between runs, which lets the SVG export simplify it (matplotlib simplifies only long paths). With
    ``mark_last`` only each run's last point in that order (e.g. the end of training) carries a marker."""
    xs: list[float] = []
    ys: list[float] = []
    ends: list[int] = []
    for _, run in rows.dropna(subset=[x, y]).groupby(by, sort=True):
        run = run.sort_values(order or x, kind="stable")
        if xs:
            xs.append(math.nan)
            ys.append(math.nan)
        xs.extend(run[x].tolist())
        ys.extend(run[y].tolist())
        ends.append(len(xs) - 1)
    if not ends:
        return 0
    style = {"linewidth": 0.9, "markersize": 2.5, **kwargs}
    if mark_last:
        style["markevery"] = ends
    plotting.draw_series(ax, xs, ys, family, setting, label=label, **style)
    return len(ends)


def curve(ax, rows: pd.DataFrame, x: str, family: str, setting: str, label: str, y: str = "value", **kwargs):
    """One curve through ``rows`` (e.g. a family's fully trained models), sorted by ``x``."""
    rows = rows.dropna(subset=[x, y]).sort_values(x, kind="stable")
    return plotting.draw_series(ax, rows[x], rows[y], family, setting, label=label, **kwargs)


def point(ax, x: float, y: float, family: str, setting: str, text: str = "", fontsize: float = 8, **kwargs):
    """A single run as one marker, named on the panel by ``text`` if given (never in the legend)."""
    line = plotting.draw_series(ax, [x], [y], family, setting, label=f"_{text or 'point'}", **kwargs)
    if text:
        ax.annotate(text, (x, y), xytext=(4, 4), textcoords="offset points", fontsize=fontsize,
                    color=plotting.REFERENCE_COLOR)
    return line


def lollipops(ax, values, positions, family: str, setting: str, label: str, offset: float = 0.0, **kwargs):
    """One horizontal stick per category, from 0 to its value, with a marker at the value: a dot chart
    whose sticks carry the setting's line style (so a setting looks the same as on every curve). Rows
    are ``positions`` (+ ``offset``, to set two settings side by side); one legend entry."""
    xs: list[float] = []
    ys: list[float] = []
    ends: list[int] = []
    for value, position in zip(values, positions):
        if xs:
            xs.append(math.nan)
            ys.append(math.nan)
        xs.extend([0.0, float(value)])
        ys.extend([position + offset] * 2)
        ends.append(len(xs) - 1)
    style = {"linewidth": 1.0, "markersize": 5, **kwargs}
    return plotting.draw_series(ax, xs, ys, family, setting, label=label, markevery=ends, **style)


def flops_axis(ax) -> None:
    """Log training FLOPs, labelled every second decade (labels fit a narrow panel)."""
    plotting.format_scale_axis(ax, "training_flops")
    ax.set_xlabel("Training FLOPs")


def loss_axis(ax, label: str = "C4 validation loss (nats per token)", low: float | None = None,
              high: float | None = None) -> None:
    """A loss on x, falling to the right (better models to the right, as on a scale axis)."""
    if low is not None and high is not None:
        ax.set_xlim(high, low)
    elif not ax.xaxis_inverted():
        ax.invert_xaxis()
    ax.set_xlabel(label)


def log_y(ax) -> None:
    """A log y axis labelled in powers of ten every second decade, exponents legible."""
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=100))
    ax.yaxis.set_minor_locator(NullLocator())
    plotting.legible_powers(ax, "y")


def thinned(rows: pd.DataFrame, factor: float, by: tuple[str, ...] = ("run", "task", "metric"),
            order: str = "training_tokens") -> pd.DataFrame:
    """For drawing long logs: per run (and task and metric: one curve), the checkpoints at least
    ``factor`` apart in ``order`` (the last one always kept), so that a figure of many runs stays light.
    The data file keeps every checkpoint."""
    keys = [key for key in by if key in rows]
    parts = [geometric_grid(curve, order, factor) for _, curve in rows.groupby(keys, sort=True)]
    return pd.concat(parts) if parts else rows.iloc[0:0]
