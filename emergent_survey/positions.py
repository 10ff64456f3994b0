"""Where a paper's figures place a model on the x axis, against the model registry.

A figure read-out (``data/<paper>/*points*.csv``) gives each marker's plotted x (``x_quantity``,
``x_value``) and, where a registry model of the series' family lies within the read-out's tolerance,
that model's key (``model``). Papers do not always plot one model at one x: Wei et al. 2022a draw
LaMDA 137B at three different training-compute values in different figures. ``compare`` lists, for
every model and plotted x, the panels that use it and how far it lies from the registry's value.

Markers the read-out left unjoined (no registry model close enough) are attributed by ``attribute``
to the registry model of the same family whose value is nearest on a log scale, and marked so
(``matched_by`` = "nearest"); the caller should check such attributions against another source
(e.g. the same panel against parameters), which the chapter does.
"""

from __future__ import annotations

import math
import re

import pandas as pd

REGISTRY_QUANTITIES = ("training_flops", "parameters")


def nearest_model(registry: pd.DataFrame, family: str, quantity: str, x: float) -> str | None:
    """The registry model of ``family`` whose ``quantity`` is nearest to ``x`` in log scale (None if
    the family has no model with a value)."""
    candidates = registry[(registry["family"] == family) & registry[quantity].notna()]
    if candidates.empty or not x > 0:
        return None
    distance = (candidates[quantity] / x).map(lambda r: abs(math.log(r)))
    return distance.idxmin()


def attribute(points: pd.DataFrame, registry: pd.DataFrame) -> pd.DataFrame:
    """``points`` with ``matched_model`` and ``matched_by``: the read-out's own model ("read-out"),
    else the nearest registry model of the series' family ("nearest"), else empty (a reference line,
    an x that is not a registry quantity, or a series that is no registry family)."""
    families = set(registry["family"])
    out = points.copy()
    matched, how = [], []
    for _, row in out.iterrows():
        quantity, x, model = row["x_quantity"], row["x_value"], row.get("model")
        if quantity not in REGISTRY_QUANTITIES or pd.isna(x):
            matched.append(None)
            how.append(None)
        elif isinstance(model, str) and model:
            matched.append(model)
            how.append("read-out")
        elif row["series"] in families:
            matched.append(nearest_model(registry, row["series"], quantity, x))
            how.append("nearest")
        else:
            matched.append(None)
            how.append(None)
    out["matched_model"] = matched
    out["matched_by"] = how
    return out


def _significant(value: float, digits: int = 3) -> float:
    return float(f"{value:.{digits - 1}e}")


def compare(points: pd.DataFrame, registry: pd.DataFrame, tolerance: float = 0.005) -> pd.DataFrame:
    """One row per (model, quantity, plotted x rounded to three significant digits) whose plotted x
    differs from the registry's by more than ``tolerance`` (relative): model, family, quantity,
    plotted, registry, difference (plotted / registry - 1), panels (sorted), matched_by and the
    number of markers. Sorted by model family, model size, quantity and plotted x."""
    attributed = attribute(points, registry).dropna(subset=["matched_model"])
    attributed = attributed.assign(plotted=attributed["x_value"].map(_significant))
    rows = []
    for (model, quantity, plotted), group in attributed.groupby(["matched_model", "x_quantity", "plotted"]):
        reference = registry.loc[model, quantity]
        difference = plotted / reference - 1
        if abs(difference) <= tolerance:
            continue
        rows.append({"model": model, "family": registry.loc[model, "family"], "quantity": quantity,
                     "plotted": plotted, "registry": reference, "difference": difference,
                     "panels": sorted(set(group["panel"]), key=_panel_key),
                     "matched_by": ", ".join(sorted(set(group["matched_by"]), reverse=True)),
                     "markers": len(group)})
    columns = ["model", "family", "quantity", "plotted", "registry", "difference", "panels", "matched_by", "markers"]
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    table["size"] = table["model"].map(registry["parameters"])
    return table.sort_values(["family", "size", "quantity", "plotted"], kind="stable").drop(columns="size") \
        .reset_index(drop=True)


PANEL = re.compile(r"^Figure (\d+)\s?([A-Z]?)")


def _panel_key(panel: str) -> tuple:
    match = PANEL.match(panel)
    return (int(match.group(1)), match.group(2)) if match else (math.inf, panel)


def panel_list(panels: list[str]) -> str:
    """'Figure 2B', 'Figure 2C', 'Figure 5A' -> 'Fig. 2 (B, C); Fig. 5 (A)': figures in order, each
    with its panel letters; a label that is no 'Figure N[X]' is kept as is."""
    by_figure: dict[str, list[str]] = {}
    others = []
    for panel in sorted(set(panels), key=_panel_key):
        match = PANEL.match(panel)
        if not match:
            others.append(panel)
            continue
        by_figure.setdefault(match.group(1), []).append(match.group(2))
    parts = [f"Fig. {figure}" + (f" ({', '.join(letters)})" if any(letters) else "")
             for figure, letters in by_figure.items()]
    return "; ".join(parts + others)
