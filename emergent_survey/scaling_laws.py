"""Smooth scaling laws of the pre-training loss: Kaplan et al. (2020) and Chinchilla (2022).

The constants come from data/scaling_laws/constants.csv (``constants()``); the functions take
them as arguments so a test can check the algebra on its own numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import data, registry


def constants() -> dict[str, float]:
    """The fit constants by key (Table 3 projection rows are left out: they are per model size)."""
    table = data.load("scaling_law_constants")
    fits = table[table["parameters"].isna()]
    return dict(zip(fits["key"], fits["value"]))


def kaplan_loss_of_parameters(n, alpha_n: float, n_c: float):
    """L(N) = (N_c / N)^alpha_N: loss of a model of N non-embedding parameters trained to convergence."""
    return (n_c / np.asarray(n, dtype=float)) ** alpha_n


def chinchilla_loss(n, d, e: float, a: float, b: float, alpha: float, beta: float):
    """L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022, eq. 10)."""
    n, d = np.asarray(n, dtype=float), np.asarray(d, dtype=float)
    return e + a / n**alpha + b / d**beta


def chinchilla_tokens_to_reach(loss: float, n: float, e: float, a: float, b: float, alpha: float,
                               beta: float) -> float:
    """Training tokens after which a model of N parameters reaches ``loss`` by L(N, D); infinite
    when the loss is at or below what the model reaches with unlimited data (E + A / N^alpha)."""
    room = loss - e - a / n**alpha
    return float("inf") if room <= 0 else (b / room) ** (1 / beta)


def chinchilla_optimum(compute, a: float, b: float, alpha: float, beta: float):
    """Parameters and tokens that minimise L(N, D) for training compute C = 6 N D.

    Setting dL/dN = 0 along N D = C / 6 gives N = G (C/6)^(beta/(alpha+beta)) and D = (C/6) / N,
    with G = (alpha A / (beta B))^(1/(alpha+beta)) (Hoffmann et al. 2022, App. D.2).
    """
    per_token = np.asarray(compute, dtype=float) / registry.FLOPS_PER_PARAMETER_PER_TOKEN
    g = (alpha * a / (beta * b)) ** (1 / (alpha + beta))
    n = g * per_token ** (beta / (alpha + beta))
    return n, per_token / n


def chinchilla_projection() -> pd.DataFrame:
    """Hoffmann et al. Table 3 (Approach 1): compute-optimal FLOPs and tokens per model size."""
    table = data.load("scaling_law_constants")
    rows = table[table["key"].str.startswith("chinchilla_table3_")]
    wide = rows.pivot(index="parameters", columns="key", values="value").reset_index()
    return wide.rename(columns={"chinchilla_table3_flops": "flops", "chinchilla_table3_tokens": "tokens"})
