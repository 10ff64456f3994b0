"""The model lineage (data/lineage/models.csv): the family tree as data, its layout and the claims it supports.

One row per model: release date, architecture branch, parameters, weights at release and the models it
builds on. This module turns the file into the tree the chapter draws (time on the x axis, one band per
branch, one row per model inside its band, a line from each model to the models it builds on, the marker
filled for open weights, half-filled for API-only and hollow for closed models) and computes the
statements the prose makes about it: the share of decoder-only models among each year's releases, the
years in which models without open weights outnumber open ones, the largest model of a branch.

The file is a selection (Yang et al.'s tree plus later releases), so every count describes the list,
not every model ever released; the chapter says so.
"""

from __future__ import annotations

import pandas as pd

from . import data, plotting, prose

RESOURCE = "lineage_models"
BRANCHES = ["pre-transformer", "encoder-only", "encoder-decoder", "decoder-only"]
BRANCH_LABELS = {"pre-transformer": "Before the Transformer", "encoder-only": "Encoder-only",
                 "encoder-decoder": "Encoder–decoder", "decoder-only": "Decoder-only"}
WEIGHTS = {  # weights at release -> (marker fill, legend label)
    "open": ("full", "weights released"),
    "api": ("left", "API or app only"),
    "closed": ("none", "not released"),
}
MARKER, COLOR = "o", plotting.OTHER_STYLES[0][0]
EDGE_COLOR = plotting.OTHER_STYLES[3][0]
BAND_GAP = 1.5  # empty rows between two bands


def load() -> pd.DataFrame:
    """The validated lineage file with the release date parsed, its year and a decimal year for the x axis."""
    models = data.load(RESOURCE)
    return with_dates(models)


def with_dates(models: pd.DataFrame) -> pd.DataFrame:
    models = models.copy()
    dates = pd.to_datetime(models["release_date"])
    models["release_date"] = dates
    models["year"] = dates.dt.year
    start = pd.to_datetime(models["year"].astype(str) + "-01-01")
    days = (pd.to_datetime((models["year"] + 1).astype(str) + "-01-01") - start).dt.days
    models["decimal_year"] = models["year"] + (dates - start).dt.days / days
    return models


def edges(models: pd.DataFrame) -> pd.DataFrame:
    """One row per lineage edge (child builds on parent); raises ValueError for a name that is not a model."""
    names = set(models["model"])
    rows = []
    for _, row in models.dropna(subset=["builds_on"]).iterrows():
        for parent in (name.strip() for name in row["builds_on"].split(";")):
            if parent not in names:
                raise ValueError(f"{row['model']!r} builds on {parent!r}, which is not a model of the file")
            rows.append({"child": row["model"], "parent": parent})
    return pd.DataFrame(rows, columns=["child", "parent"])


def layout(models: pd.DataFrame) -> pd.DataFrame:
    """Positions for the tree: x = decimal year; y = one row per model, bands in BRANCHES order (top to bottom),
    models by release date (then name) inside a band; ``band_top``/``band_bottom`` give each band's extent."""
    unknown = sorted(set(models["architecture"]) - set(BRANCHES))
    if unknown:
        raise ValueError(f"unknown architecture branch {unknown}; known: {BRANCHES}")
    placed, y = [], 0.0
    for branch in BRANCHES:
        band = models[models["architecture"] == branch].sort_values(["release_date", "model"])
        if band.empty:
            continue
        top = y
        for _, row in band.iterrows():
            placed.append({"model": row["model"], "x": row["decimal_year"], "y": y, "branch": branch,
                           "band_top": top, "band_bottom": top + len(band) - 1})
            y += 1
        y += BAND_GAP
    return pd.DataFrame(placed).set_index("model")


def draw_tree(ax, models: pd.DataFrame, label_switch_year: float = 2020.5) -> None:
    """Draw the tree into ``ax``: lineage edges, one marker per model (fill = weights at release), its label
    beside it (right of the marker before ``label_switch_year``, left after), and each band's name."""
    plotting.apply_style()
    where = layout(models)
    for _, edge in edges(models).iterrows():
        child, parent = where.loc[edge["child"]], where.loc[edge["parent"]]
        ax.plot([parent["x"], child["x"]], [parent["y"], child["y"]], color=EDGE_COLOR, linewidth=0.9, zorder=1)
    ax.plot([], [], color=EDGE_COLOR, linewidth=0.9, label="builds on (line to the earlier model)", gid="other")
    for weights, (fill, label) in WEIGHTS.items():
        rows = models[models["weights"] == weights]
        line = ax.plot(where.loc[rows["model"], "x"], where.loc[rows["model"], "y"], linestyle="none", marker=MARKER,
                       color=COLOR, fillstyle=fill, markersize=4.5, markerfacecoloralt="white", label=label, zorder=3)[0]
        line.set_gid("other")
    for model, spot in where.iterrows():
        right = spot["x"] < label_switch_year
        ax.annotate(model, (spot["x"], spot["y"]), xytext=(4 if right else -4, 0), textcoords="offset points",
                    ha="left" if right else "right", va="center", fontsize=8, color="#222222")
    for branch, band in where.groupby("branch", sort=False):
        ax.axhspan(band["band_top"].iloc[0] - 0.6, band["band_bottom"].iloc[0] + 0.6, color="#f2f2f2", zorder=0, linewidth=0)
        ax.annotate(BRANCH_LABELS[branch], (0.0, band["band_top"].iloc[0] - 0.75), xycoords=("axes fraction", "data"),
                    ha="left", va="bottom", fontsize=8, fontweight="bold", color="#222222")
    first, last = int(models["year"].min()), int(models["year"].max())
    ax.set_xlim(first - 0.3, last + 1.1)
    ax.set_xticks(range(first + first % 2, last + 2, 2))
    ax.set_ylim(where["y"].max() + 1, -2)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Release date")
    ax.spines["left"].set_visible(False)


# ---------------------------------------------------------------------- claims


def share_by_year(models: pd.DataFrame, column: str, value: str) -> pd.DataFrame:
    """Per release year: models, how many have ``column == value`` and their share in %."""
    counts = models.groupby("year").agg(models=("model", "size"),
                                        matching=(column, lambda s: int((s == value).sum())))
    counts["share"] = 100 * counts["matching"] / counts["models"]
    return counts.reset_index()


def weights_by_year(models: pd.DataFrame) -> pd.DataFrame:
    """Per release year: open-weight models against the others (API-only and closed), and which side leads."""
    table = models.assign(open=models["weights"] == "open").groupby("year").agg(
        models=("model", "size"), open=("open", "sum"))
    table["not_open"] = table["models"] - table["open"]
    table["leader"] = ["open" if o > c else "not open" if c > o else "tie"
                       for o, c in zip(table["open"], table["not_open"])]
    return table.reset_index()


def majority_changes(table: pd.DataFrame, min_models: int = 1) -> list[tuple[int, str]]:
    """The years (with at least ``min_models`` releases) in which the leading side differs from the previous
    such year that had a leader, with the new leader; ties neither start nor end a lead."""
    changes, previous = [], None
    for _, row in table[table["models"] >= min_models].iterrows():
        if row["leader"] == "tie":
            continue
        if previous is not None and row["leader"] != previous:
            changes.append((int(row["year"]), row["leader"]))
        previous = row["leader"]
    return changes


SPARSE = "Sparse MoE"  # how the file's notes mark mixture-of-experts models


def largest(models: pd.DataFrame, architecture: str, dense_only: bool = False) -> pd.Series:
    """The row of the largest model (by parameters) on one branch; models of undisclosed size are skipped, and
    with ``dense_only`` so are sparse mixture-of-experts models (notes containing SPARSE), whose parameter
    count is not the compute each token sees."""
    branch = models[(models["architecture"] == architecture) & models["parameters"].notna()]
    if dense_only:
        branch = branch[~branch["note"].fillna("").str.contains(SPARSE, regex=False)]
    if branch.empty:
        raise ValueError(f"no model of disclosed size on branch {architecture!r}")
    return branch.loc[branch["parameters"].idxmax()]


def over_threshold_by_year(models: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Per year: models of disclosed size at or above ``threshold`` parameters, below it, and undisclosed."""
    size = models["parameters"]
    frame = models.assign(at_or_above=size >= threshold, below=size < threshold, undisclosed=size.isna())
    return frame.groupby("year")[["at_or_above", "below", "undisclosed"]].sum().astype(int).reset_index()


def registry_join(models: pd.DataFrame, registry: pd.DataFrame) -> pd.DataFrame:
    """Rows with a registry key, joined to the registry's parameters and FLOPs; raises KeyError for a key the
    registry lacks (nothing is dropped silently)."""
    joined = models.dropna(subset=["registry_model"])
    unknown = sorted(set(joined["registry_model"]) - set(registry.index))
    if unknown:
        raise KeyError(f"registry keys in {RESOURCE} that the registry lacks: {unknown}")
    extra = registry.loc[joined["registry_model"], ["parameters", "training_tokens", "training_flops"]]
    extra.columns = ["registry_parameters", "registry_training_tokens", "registry_training_flops"]
    return pd.concat([joined.reset_index(drop=True), extra.reset_index(drop=True)], axis=1)


def describe_size(row: pd.Series) -> str:
    return prose.parameters(row["parameters"])
