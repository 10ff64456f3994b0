"""The model registry (data/models.csv): family, size, training tokens and training FLOPs.

Every x axis in the book comes from here, so two chapters never place one model differently
without saying so.
"""

from __future__ import annotations

import pandas as pd

from . import data

# Training FLOPs ~= 6 N D: about 2 N FLOPs per token for the forward pass and 4 N for the
# backward pass (Kaplan et al. 2020, Sec. 2.1).
FLOPS_PER_PARAMETER_PER_TOKEN = 6


def six_nd(parameters: float, tokens: float) -> float:
    """Training compute estimate C = 6 N D (FLOPs) for N parameters trained on D tokens."""
    if parameters <= 0 or tokens <= 0:
        raise ValueError(f"6ND needs positive N and D, got N={parameters}, D={tokens}")
    return FLOPS_PER_PARAMETER_PER_TOKEN * parameters * tokens


REGISTRY_RESOURCE = "models"


def registry_resources() -> list[str]:
    """The catalogue resources that make up the registry: ``models`` (data/models.csv, curated by
    hand) and every ``models_<source>`` written by a source module (open models and checkpoints)."""
    return [name for name in data.resource_names()
            if name == REGISTRY_RESOURCE or name.startswith(f"{REGISTRY_RESOURCE}_")]


def models() -> pd.DataFrame:
    """The validated registry, one row per model, indexed by the model key.

    Raises ValueError when two registry files define the same model key."""
    parts = [data.load(name).assign(registry_file=name) for name in registry_resources()]
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    twice = table.loc[table["model"].duplicated(), "model"]
    if len(twice):
        clash = table[table["model"].isin(twice)]
        raise ValueError("model keys defined twice in the registry: "
                         + "; ".join(f"{m} ({', '.join(g['registry_file'])})" for m, g in clash.groupby("model")))
    return table.set_index("model", drop=False)


def check_6nd(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows whose FLOPs are marked 6ND, with the recomputed value beside the stored one."""
    table = models() if table is None else table
    rows = table[table["flops_method"] == "6ND"].copy()
    rows["recomputed_flops"] = [six_nd(n, d) for n, d in zip(rows["parameters"], rows["training_tokens"])]
    return rows[["model", "parameters", "training_tokens", "training_flops", "recomputed_flops"]]


def with_scale(observations: pd.DataFrame) -> pd.DataFrame:
    """Observations joined with family, parameters and training FLOPs from the registry.

    Raises KeyError naming any model the registry lacks: nothing is dropped silently.
    """
    registry = models()
    unknown = sorted(set(observations["model"]) - set(registry.index))
    if unknown:
        raise KeyError(f"models missing from data/models.csv: {unknown}")
    columns = ["family", "name_in_source", "parameters", "training_flops"]
    return observations.join(registry[columns], on="model")
