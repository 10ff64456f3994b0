"""Systems as rows of dots: one panel per benchmark, each system's score a dot in its family's style.

For results that are one number per system rather than a curve over sizes (a paper's table of a few models
and variants), a line plot would invent a trend. ``panel`` puts the systems on the y axis in a fixed order
(the first at the top), draws each score as a marker in the family's colour and marker with the setting's
fill (so "with the technique" and "without" read at a glance), a thin grey rule from zero to each dot, and
labels the rows; ``xlim`` sets the ticks, and the axis ends a little beyond it so the last tick label stays
inside the panel. The legend entries are the given labels (each once per panel), which the figure's HTML legend
collects. ``alt`` writes the panel's alt text from the same rows.
"""

from __future__ import annotations

import pandas as pd

from matplotlib.ticker import MaxNLocator

from . import plotting

RULE_COLOR = "#d0d0d0"
EDGE = 0.06  # share of the x range added right of ``xlim``


def panel(ax, rows: pd.DataFrame, systems: list[str], styles: dict[str, tuple[str, str, str]],
          row_labels: dict[str, str] | None = None, xlabel: str = "Accuracy (%)",
          xlim: tuple[float, float] | None = None) -> None:
    """``rows`` has one row per system (columns system, value); ``styles`` = {system: (family, setting,
    legend label)}; ``row_labels`` renames the y tick labels (default: the system names)."""
    by_system = rows.set_index("system")
    missing = [s for s in systems if s not in by_system.index]
    if missing:
        raise KeyError(f"no value for {missing}")
    seen: set[str] = set()
    for y, system in enumerate(systems):
        value = float(by_system.loc[system, "value"])
        family, setting, label = styles[system]
        ax.plot([0, value], [y, y], color=RULE_COLOR, linewidth=1.0, zorder=1, label="_rule")
        plotting.draw_series(ax, [value], [y], family, setting, label=plotting.legend_once(seen, label), zorder=3,
                             markersize=6)
    labels = row_labels or {}
    ax.set_yticks(range(len(systems)), [labels.get(s, s) for s in systems])
    ax.set_ylim(len(systems) - 0.4, -0.6)
    if xlim:
        low, high = xlim
        ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 5, 10]).tick_values(low, high) if low <= t <= high]
        ax.set_xticks(ticks)
        ax.set_xlim(low, high + EDGE * (high - low))  # room for the last tick label inside the panel
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)


def alt(title: str, rows: pd.DataFrame, systems: list[str], row_labels: dict[str, str] | None = None,
        unit: str = "%") -> str:
    """'ASDiv: GPT-J 7.5%, ..., Toolformer 40.4%.'"""
    labels = row_labels or {}
    by_system = rows.set_index("system")
    parts = [f"{labels.get(s, s)} {float(by_system.loc[s, 'value']):g}{unit}" for s in systems]
    return f"{title}: " + ", ".join(parts) + "."
