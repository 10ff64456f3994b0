"""Observational scaling (Ruan et al. 2024): principal components of a benchmark matrix, a
capability score per model, and the prediction test (fit on small models, predict large ones).

A benchmark matrix has one row per model and one column per benchmark (a value in [0, 1]); an
empty cell is a benchmark the source has no result for, and stays empty. The principal components
are computed with numpy alone from the complete rows, mean-centred and unscaled (as Ruan et al.
do), with a fixed sign convention so that a re-run gives the same numbers. A model with empty
cells gets its scores by least squares on the benchmarks it has (``scores``), never by filling
the cells in.

The prediction test fits ``y = sigmoid(w · x + b)`` by least squares on the models at or below a
compute cutoff and reports the errors on the larger models. ``x`` is either log10 training FLOPs
(the compute baseline) or the first principal-component scores (the observational fit).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd


# ---------------------------------------------------------------------- principal components


@dataclass(frozen=True)
class Components:
    """Principal components of a benchmark matrix."""
    benchmarks: list[str]
    mean: np.ndarray  # one per benchmark
    loadings: np.ndarray  # components x benchmarks, orthonormal rows
    variance_ratio: np.ndarray  # share of the total variance, one per component (all of them)
    models: list[str]  # the complete rows the components were computed from

    def cumulative(self, k: int) -> float:
        """Share of the variance the first ``k`` components explain together."""
        return float(self.variance_ratio[:k].sum())


def benchmark_matrix(observations: pd.DataFrame, models=None, benchmarks=None) -> pd.DataFrame:
    """Long rows (model, task, value) as a models x benchmarks matrix; empty cells stay NaN.

    Raises ValueError when a model has two values for one benchmark."""
    rows = observations if models is None else observations[observations["model"].isin(list(models))]
    twice = rows.duplicated(["model", "task"], keep=False)
    if twice.any():
        raise ValueError(f"more than one value per model and benchmark:\n{rows[twice]}")
    matrix = rows.pivot(index="model", columns="task", values="value")
    if benchmarks is not None:
        matrix = matrix.reindex(columns=list(benchmarks))
    return matrix.sort_index()


def principal_components(matrix: pd.DataFrame) -> Components:
    """PCA of the complete rows of ``matrix`` (mean-centred, unscaled) by singular value
    decomposition. Each component's sign makes its largest loading (in absolute value) positive."""
    complete = matrix.dropna()
    if len(complete) < 2:
        raise ValueError("principal components need at least two complete rows")
    values = complete.to_numpy(dtype=float)
    mean = values.mean(axis=0)
    _, singular, vt = np.linalg.svd(values - mean, full_matrices=False)
    for i, row in enumerate(vt):
        if row[np.argmax(np.abs(row))] < 0:
            vt[i] = -row
    variance = singular ** 2
    return Components(list(matrix.columns), mean, vt, variance / variance.sum(), list(complete.index))


def scores(components: Components, matrix: pd.DataFrame, k: int) -> pd.DataFrame:
    """Scores on the first ``k`` components for every row with at least ``k`` benchmarks.

    A complete row is projected onto the components. A row with empty cells is scored by least
    squares on the benchmarks it has (for a complete row both give the same scores); column
    ``benchmarks_used`` says on how many. Rows with fewer than ``k`` benchmarks are left out."""
    matrix = matrix.reindex(columns=components.benchmarks)
    basis = components.loadings[:k]
    rows = []
    for model, row in matrix.iterrows():
        known = row.notna().to_numpy()
        if known.sum() < k:
            continue
        centred = row.to_numpy(dtype=float)[known] - components.mean[known]
        solution, *_ = np.linalg.lstsq(basis[:, known].T, centred, rcond=None)
        rows.append({"model": model, **{f"PC{i + 1}": float(v) for i, v in enumerate(solution)},
                     "benchmarks_used": int(known.sum())})
    return pd.DataFrame(rows).set_index("model")


def r_squared(x, y) -> float:
    """R² of the least-squares line of y on x (NaN for fewer than three points)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) < 3:
        return math.nan
    slope, intercept = np.polyfit(x, y, 1)
    residual = y - (slope * x + intercept)
    total = ((y - y.mean()) ** 2).sum()
    return float(1 - (residual ** 2).sum() / total) if total > 0 else math.nan


# ---------------------------------------------------------------------- sigmoid regression


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


@dataclass(frozen=True)
class SigmoidFit:
    """y = sigmoid(x · weights + intercept), fitted by least squares."""
    weights: np.ndarray
    intercept: float
    sse: float
    iterations: int

    def predict(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=float).reshape(len(x), -1)
        return _sigmoid(x @ self.weights + self.intercept)


# Ruan et al.'s code starts the fit at intercept 0 and every weight 0.03 (ryoungj/ObsScaling@4d6e1e4,
# utils/data.py, fit_multivariate_regression_model); a least-squares sigmoid fit with several
# features has more than one local optimum, so the start is part of the method.
START_WEIGHT = 0.03


def fit_sigmoid(x, y, max_iterations: int = 2000, tolerance: float = 1e-12) -> SigmoidFit:
    """Least-squares fit of y = sigmoid(x · w + b) (Levenberg-Marquardt, numpy only).

    Starts at b = 0 and every weight START_WEIGHT, as Ruan et al.'s code does, so the result is
    deterministic. ``x`` is one column per feature; ``y`` in [0, 1]."""
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    y = np.asarray(y, dtype=float)
    if len(y) <= x.shape[1] + 1:
        raise ValueError(f"{len(y)} points cannot fit {x.shape[1] + 1} parameters")
    design = np.column_stack([x, np.ones(len(y))])
    theta = np.append(np.full(x.shape[1], START_WEIGHT), 0.0)

    def sse_of(parameters):
        residual = y - _sigmoid(design @ parameters)
        return float(residual @ residual), residual

    sse, residual = sse_of(theta)
    damping, iterations = 1e-3, 0
    for iterations in range(1, max_iterations + 1):
        fitted = _sigmoid(design @ theta)
        jacobian = design * (fitted * (1 - fitted))[:, None]
        normal = jacobian.T @ jacobian
        gradient = jacobian.T @ residual
        improved = False
        while damping < 1e12:
            step = np.linalg.solve(normal + damping * np.diag(np.diag(normal) + 1e-12), gradient)
            candidate_sse, candidate_residual = sse_of(theta + step)
            if candidate_sse < sse:
                improved = True
                converged = sse - candidate_sse <= tolerance * max(sse, 1e-300)
                theta, sse, residual = theta + step, candidate_sse, candidate_residual
                damping = max(damping / 10, 1e-12)
                break
            damping *= 10
        if not improved or converged:
            break
    return SigmoidFit(theta[:-1], float(theta[-1]), sse, iterations)


# ---------------------------------------------------------------------- the prediction test


@dataclass(frozen=True)
class PredictionTest:
    """A sigmoid fit on the training models and its errors on the training and test models."""
    fit: SigmoidFit
    predictions: pd.DataFrame  # model, actual, predicted, error (predicted - actual), split
    mse_train: float
    mse_test: float
    mae_test: float
    max_abs_error_test: float


def prediction_test(features: pd.DataFrame, target: pd.Series, train: pd.Series) -> PredictionTest:
    """Fit ``target`` on ``features`` (one row per model) where ``train`` is True, predict all.

    Models missing a feature or the target are left out (never filled in). Errors are in the
    target's unit: mean squared error (as Ruan et al. report it), mean absolute error and the
    largest absolute error on the test models."""
    frame = features.join(target.rename("actual"), how="inner").join(train.rename("train"), how="inner")
    frame = frame.dropna()
    columns = list(features.columns)
    training = frame[frame["train"].astype(bool)]
    fit = fit_sigmoid(training[columns].to_numpy(), training["actual"].to_numpy())
    frame = frame.assign(predicted=fit.predict(frame[columns].to_numpy()))
    frame["error"] = frame["predicted"] - frame["actual"]
    frame["split"] = np.where(frame["train"].astype(bool), "train", "test")
    test = frame[frame["split"] == "test"]
    mse = lambda part: float((part["error"] ** 2).mean()) if len(part) else math.nan  # noqa: E731
    return PredictionTest(
        fit=fit,
        predictions=frame[["actual", "predicted", "error", "split"]].reset_index(names="model"),
        mse_train=mse(frame[frame["split"] == "train"]),
        mse_test=mse(test),
        mae_test=float(test["error"].abs().mean()) if len(test) else math.nan,
        max_abs_error_test=float(test["error"].abs().max()) if len(test) else math.nan,
    )


def normalized(value, chance: float):
    """(value - chance) / (1 - chance): 0 at random chance, 1 at a perfect score."""
    return (value - chance) / (1 - chance)


def errors(predictions: pd.DataFrame, models) -> dict:
    """Errors of a prediction test on a subset of its models: count, mean squared error, mean
    absolute error, the largest absolute error and the model it belongs to (NaN and None when the
    subset is empty)."""
    rows = predictions[predictions["model"].isin(list(models))]
    if rows.empty:
        return {"n": 0, "mse": math.nan, "mae": math.nan, "max_abs": math.nan, "worst": None}
    absolute = rows["error"].abs()
    return {"n": len(rows), "mse": float((rows["error"] ** 2).mean()), "mae": float(absolute.mean()),
            "max_abs": float(absolute.max()), "worst": rows.loc[absolute.idxmax(), "model"]}


@dataclass(frozen=True)
class Holdout:
    """The prediction test of one target, fitted both ways on the same training models."""
    fits: dict  # "compute" and "observational" -> PredictionTest
    test: list  # held-out models both fits can predict (compute known, every benchmark)
    later: list  # models of a second test set (e.g. released later), same condition
    components: Components

    def errors(self, fit: str, which: str = "test") -> dict:
        return errors(self.fits[fit].predictions, self.test if which == "test" else self.later)


def holdout(target: pd.Series, matrix: pd.DataFrame, log_compute: pd.DataFrame, train: list, test: list,
            later: list = (), k: int = 3) -> Holdout:
    """Fit ``target`` on the ``train`` models from log compute and from ``k`` principal components,
    and score both on the same held-out models.

    The components are computed from the training models' complete rows of ``matrix`` and applied
    to every model; only models with every benchmark are scored (from fewer, a component that rests
    on a missing benchmark is poorly determined). ``test`` and ``later`` keep the models that both
    fits can predict: compute known and every benchmark present."""
    overlap = sorted(set(train) & (set(test) | set(later)))
    if overlap:
        raise ValueError(f"models both fitted on and tested: {overlap[:5]}")
    components = principal_components(matrix.loc[[m for m in train if m in matrix.index]])
    scored = scores(components, matrix, k)
    features = scored.loc[scored["benchmarks_used"] == matrix.shape[1], [f"PC{i + 1}" for i in range(k)]]
    in_train = lambda index: pd.Series(index.isin(list(train)), index=index)  # noqa: E731
    fits = {"compute": prediction_test(log_compute, target, in_train(log_compute.index)),
            "observational": prediction_test(features, target, in_train(features.index))}
    both = set(features.index) & set(log_compute.index) & set(target.dropna().index)
    return Holdout(fits, [m for m in test if m in both], [m for m in later if m in both], components)
