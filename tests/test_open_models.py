"""The chapter on open models: principal components, the prediction test, PaLM's discontinuity
measure and the frontier over time, on small examples with known answers, and the chapter's
headline numbers against the data and the papers' stated values."""

import math

import numpy as np
import pandas as pd
import pytest

from emergent_survey import data, discontinuity, families, frontier, observational as obs, registry

# ---------------------------------------------------------------------------- principal components


def _matrix(values, models=None, benchmarks=("a", "b", "c")):
    models = models or [f"m{i}" for i in range(len(values))]
    return pd.DataFrame(values, index=models, columns=list(benchmarks), dtype=float)


def test_rank_one_matrix_has_one_component():
    ability = np.array([0.1, 0.3, 0.5, 0.7, 0.9])
    matrix = _matrix(np.outer(ability, [1.0, 0.5, 0.25]))
    pca = obs.principal_components(matrix)
    assert pca.variance_ratio[0] == pytest.approx(1.0)
    assert pca.cumulative(3) == pytest.approx(1.0)
    assert (pca.loadings[0] > 0).all()  # the sign convention: the largest loading is positive


def test_components_are_orthonormal_and_deterministic():
    rng = np.random.default_rng(0)
    matrix = _matrix(rng.random((12, 3)))
    first, second = obs.principal_components(matrix), obs.principal_components(matrix.copy())
    assert np.allclose(first.loadings @ first.loadings.T, np.eye(3))
    assert np.array_equal(first.loadings, second.loadings)
    assert first.variance_ratio.sum() == pytest.approx(1.0)
    for row in first.loadings:
        assert row[np.argmax(np.abs(row))] > 0


def test_variance_ratio_equals_covariance_eigenvalues():
    rng = np.random.default_rng(1)
    matrix = _matrix(rng.random((20, 3)))
    eigen = np.sort(np.linalg.eigvalsh(matrix.cov().to_numpy()))[::-1]
    assert np.allclose(obs.principal_components(matrix).variance_ratio, eigen / eigen.sum())


def test_incomplete_rows_are_scored_not_filled():
    rng = np.random.default_rng(2)
    matrix = _matrix(rng.random((10, 3)))
    pca = obs.principal_components(matrix)
    full = obs.scores(pca, matrix, 3)
    # A complete row: least squares on all benchmarks equals the projection.
    projected = (matrix.to_numpy() - pca.mean) @ pca.loadings[:3].T
    assert np.allclose(full[["PC1", "PC2", "PC3"]].to_numpy(), projected)
    # A row missing one benchmark is scored from the other two (k = 2), and says so.
    gappy = matrix.copy()
    gappy.iloc[0, 2] = math.nan
    two = obs.scores(pca, gappy, 2)
    assert two.loc["m0", "benchmarks_used"] == 2 and two.loc["m1", "benchmarks_used"] == 3
    assert math.isnan(gappy.iloc[0, 2])  # the matrix itself is untouched
    assert "m0" not in obs.scores(pca, gappy, 3).index  # fewer benchmarks than components: left out


def test_principal_components_use_complete_rows_only():
    matrix = _matrix([[0.1, 0.2, 0.3], [0.4, 0.5, math.nan], [0.7, 0.8, 0.9], [0.2, 0.1, 0.4]])
    assert obs.principal_components(matrix).models == ["m0", "m2", "m3"]


def test_benchmark_matrix_refuses_two_values_for_one_cell():
    rows = pd.DataFrame({"model": ["x", "x"], "task": ["MMLU", "MMLU"], "value": [0.3, 0.4]})
    with pytest.raises(ValueError, match="more than one value"):
        obs.benchmark_matrix(rows)


def test_r_squared_of_a_line_is_one():
    assert obs.r_squared([1, 2, 3, 4], [3, 5, 7, 9]) == pytest.approx(1.0)
    assert math.isnan(obs.r_squared([1, 2], [1, 2]))


# ---------------------------------------------------------------------------- sigmoid fit and the test


def test_sigmoid_fit_recovers_known_parameters():
    x = np.linspace(-3, 3, 25)
    y = 1 / (1 + np.exp(-(2.0 * x - 1.0)))
    fit = obs.fit_sigmoid(x, y)
    assert fit.weights[0] == pytest.approx(2.0, rel=1e-4)
    assert fit.intercept == pytest.approx(-1.0, rel=1e-4)
    assert fit.sse < 1e-12


def test_sigmoid_fit_with_two_features_and_noise_is_deterministic():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 2))
    y = np.clip(1 / (1 + np.exp(-(x @ [1.5, -0.5] + 0.2))) + rng.normal(scale=0.02, size=40), 0, 1)
    first, second = obs.fit_sigmoid(x, y), obs.fit_sigmoid(x, y)
    assert np.array_equal(first.weights, second.weights)
    assert first.weights == pytest.approx([1.5, -0.5], abs=0.2)


def test_sigmoid_fit_needs_more_points_than_parameters():
    with pytest.raises(ValueError, match="cannot fit"):
        obs.fit_sigmoid([[0.0], [1.0]], [0.1, 0.9])


def test_prediction_test_fits_on_train_and_scores_test_only():
    x = np.linspace(-4, 4, 30)
    features = pd.DataFrame({"x": x}, index=[f"m{i}" for i in range(30)])
    target = pd.Series(1 / (1 + np.exp(-x)), index=features.index)
    target.iloc[-1] = 0.0  # one test model far off the curve
    train = pd.Series(x < 1, index=features.index)
    result = obs.prediction_test(features, target, train)
    test = result.predictions[result.predictions["split"] == "test"]
    assert len(test) == (~train).sum()
    assert result.mse_train == pytest.approx(0.0, abs=1e-10)
    assert result.max_abs_error_test == pytest.approx(1 / (1 + math.exp(-4)), rel=1e-4)
    assert result.mse_test == pytest.approx((test["error"] ** 2).mean())


def test_prediction_test_leaves_out_models_without_a_feature():
    features = pd.DataFrame({"x": [0.0, 1.0, 2.0, 3.0, math.nan, 5.0]}, index=list("abcdef"))
    target = pd.Series([0.1, 0.3, 0.6, 0.8, 0.9, 0.95], index=list("abcdef"))
    result = obs.prediction_test(features, target, pd.Series([True] * 4 + [False] * 2, index=list("abcdef")))
    assert "e" not in set(result.predictions["model"])


def test_normalized_score_is_zero_at_chance_and_one_at_perfect():
    assert obs.normalized(0.25, 0.25) == 0 and obs.normalized(1.0, 0.25) == 1


# ---------------------------------------------------------------------------- PaLM's discontinuity


def test_discontinuity_reproduces_palms_worked_example():
    # Chowdhery et al. Sec. 6.2: 13%, 25%, 87%; projection 37%; discontinuity +50%.
    text = data.load("palm_discontinuity_text").set_index("claim")["value"]
    small, mid, large = (text[f"discontinuity_example_{s}"] for s in ("8b", "62b", "540b"))
    assert discontinuity.projection(small, mid) == text["discontinuity_example_projection"]
    assert discontinuity.discontinuity(small, mid, large) == text["discontinuity_example_value"]


def test_exact_log_spacing_of_palm_sizes_is_close_to_the_papers_equal_steps():
    spacing = discontinuity.log_spacing((8e9, 62e9, 540e9))
    assert 1.0 < spacing < 1.1
    assert discontinuity.projection(13, 25, spacing) > discontinuity.projection(13, 25)


def test_discontinuity_table_and_share():
    scores = pd.DataFrame({"s": [10, 10, 0], "m": [20, 10, math.nan], "l": [60, 10, 5]}, index=list("xyz"))
    table = discontinuity.discontinuity_table(scores, ("s", "m", "l"))
    assert table.loc["x", "discontinuity"] == 30 and table.loc["y", "discontinuity"] == 0
    assert math.isnan(table.loc["z", "discontinuity"])
    assert discontinuity.share_above(table["discontinuity"], 10) == 0.5


# ---------------------------------------------------------------------------- frontier over time


@pytest.fixture
def points():
    return pd.DataFrame({
        "date": pd.to_datetime(["2020-05-01", "2021-12-01", "2022-04-01", "2023-07-01", "2023-07-01", None]),
        "flops": [3e23, 5e23, 2.5e24, 8e22, math.nan, 1e21],
        "score": [44.0, 60.0, 69.0, 45.0, 50.0, 90.0],
    }, index=["gpt3", "gopher", "palm", "llama2-7b", "no-compute", "no-date"])


def test_first_to_pass_skips_rows_without_a_date(points):
    assert frontier.first_to_pass(points, "date", "score", 43.9).name == "gpt3"
    assert frontier.first_to_pass(points, "date", "score", 95) is None


def test_smallest_to_pass_skips_rows_without_a_scale(points):
    assert frontier.smallest_to_pass(points, "flops", "score", 44).name == "no-date"
    assert frontier.smallest_to_pass(points.drop(index="no-date"), "flops", "score", 44).name == "llama2-7b"


def test_first_below_scale_and_running_minimum(points):
    assert frontier.first_below_scale(points, "date", "flops", "score", 43.9, 1e23).name == "llama2-7b"
    running = frontier.smallest_scale_over_time(points, "date", "flops", "score", 43.9)
    assert list(running["flops"]) == [3e23, 3e23, 3e23, 8e22]
    assert running["set_by"].iloc[-1] == "llama2-7b"
    assert frontier.years_between("2020-05-01", "2023-07-01") == pytest.approx(3.17, abs=0.01)


# ---------------------------------------------------------------------------- the chapter's data


def test_complete_case_components_of_the_papers_77_models():
    bench = data.load("obsscaling_benchmarks")
    sets = data.load("obsscaling_model_sets").set_index("model")["model_set"]
    claims = data.load("obsscaling_claims").set_index("claim")["value"]
    paper = sets[sets == "paper"].index
    pca = obs.principal_components(obs.benchmark_matrix(bench, paper))
    assert len(pca.models) == 71  # 6 of the 77 lack ARC-C or HumanEval; none is filled in
    assert pca.variance_ratio[0] == pytest.approx(claims["pc1_variance_explained"] / 100, abs=0.02)  # "nearly 80%"
    assert pca.cumulative(3) == pytest.approx(claims["top3_pcs_variance_explained"] / 100, abs=0.01)  # "~97%"


def test_compute_fit_reproduces_ruan_et_al_figure_4a_coefficients():
    """Fitting sigmoid(w ln(C / 1e21) + b) on the 47 training models gives the coefficients printed
    in Ruan et al.'s Figure 4(a) for word unscrambling and Persian QA (the x of that figure is the
    natural logarithm: the code applies np.log)."""
    claims = data.load("obsscaling_claims").set_index("claim")["value"]
    sets = data.load("obsscaling_model_sets").set_index("model")["model_set"]
    flops = registry.models()["training_flops"]
    emergent = data.load("obsscaling_emergent_tasks")
    paper = [m for m in sets[sets == "paper"].index if not math.isnan(flops[m])]
    log_compute = np.log(flops[paper] / 1e21).to_frame("ln_compute")
    train = pd.Series(flops[paper] <= claims["default_cutoff_flops"], index=paper)
    for task, metric, chance, key in [("Word unscramble", "exact_match", 0.0, "word_unscramble"),
                                      ("Persian QA", "accuracy", 0.25, "persian_qa")]:
        rows = emergent[(emergent["task"] == task) & (emergent["metric"] == metric)].set_index("model")["value"]
        result = obs.prediction_test(log_compute, obs.normalized(rows, chance), train)
        stated = f"fig4_a_{key}_training_flops"
        assert result.fit.weights[0] == pytest.approx(claims[f"{stated}_slope"], abs=0.006)
        assert result.fit.intercept == pytest.approx(claims[f"{stated}_intercept"], abs=0.006)
        assert result.mse_train == pytest.approx(claims[f"{stated}_mse_train"], rel=0.05)


def test_errors_on_a_subset_name_the_worst_model():
    predictions = pd.DataFrame({"model": ["a", "b", "c"], "error": [0.1, -0.3, 0.2]})
    found = obs.errors(predictions, ["b", "c"])
    assert found["n"] == 2 and found["worst"] == "b"
    assert found["mse"] == pytest.approx((0.09 + 0.04) / 2) and found["max_abs"] == pytest.approx(0.3)
    assert obs.errors(predictions, ["z"])["n"] == 0


def test_timeline_gives_years_and_compute_ratio(points):
    found = frontier.timeline(points, "date", "flops", "score", 43.9, 1e23)
    assert found["first"].name == "gpt3" and found["routine"].name == "llama2-7b"
    assert found["ratio"] == pytest.approx(3e23 / 8e22)
    assert frontier.timeline(points, "date", "flops", "score", 95, 1e23) is None


# ---------------------------------------------------------------------------- many families


def _family_rows():
    return pd.DataFrame({
        "model": ["a1", "a2", "a3", "b1", "b2", "c1"],
        "family": ["A", "A", "A", "B", "B", "C"],
        "training_flops": [1e20, 1e21, 1e22, 1e22, 1e23, 1e21],
        "value": [1.0, 2.0, 40.0, 30.0, 60.0, 90.0],
    })


def test_emergence_by_family_flags_families_already_past_the_line():
    table = families.emergence_by_family(_family_rows(), "value", chance=0, margin=10).set_index("family")
    assert list(table.index) == ["A", "B"]  # C has one size
    assert table.loc["A", "scale"] == 1e22 and not table.loc["A", "at_smallest"]
    assert table.loc["B", "at_smallest"] and table.loc["B", "model"] == "b1"
    assert families.lowest(table.reset_index(), "scale")["family"] == "A"
    assert families.lowest(table.reset_index(), "scale", inside_only=True)["family"] == "A"
    assert families.at_or_below(1e22, True, str) == "≤ 1e+22" and families.at_or_below(math.nan, False, str) is None


def test_gain_by_family_uses_the_margin():
    rows = pd.DataFrame({
        "model": ["a1", "a1", "a2", "a2", "a3", "a3"], "family": "A",
        "training_flops": [1e21, 1e21, 1e22, 1e22, 1e23, 1e23],
        "setting": ["standard", "chain_of_thought"] * 3,
        "value": [1.0, 2.0, 5.0, 12.0, 10.0, 40.0],
    })
    table = families.gain_by_family(rows, "chain_of_thought", "standard", margin=10).set_index("family")
    assert table.loc["A", "first"] == 1e23 and table.loc["A", "gain"] == 30
    assert families.gain_by_family(rows, "chain_of_thought", "standard", margin=5).loc[0, "first"] == 1e22


# ---------------------------------------------------------------------------- the holdout test


def test_holdout_fits_both_ways_on_the_same_models():
    rng = np.random.default_rng(4)
    names = [f"m{i}" for i in range(40)]
    ability = np.linspace(-2, 2, 40)
    matrix = pd.DataFrame({"a": ability + rng.normal(0, 0.05, 40), "b": 0.5 * ability + rng.normal(0, 0.05, 40),
                           "c": rng.normal(0, 0.05, 40)}, index=names)
    matrix.iloc[35, 2] = math.nan  # one large model lacks a benchmark: neither fit is scored on it
    target = pd.Series(1 / (1 + np.exp(-2 * ability)), index=names)
    log_compute = pd.DataFrame({"x": ability}, index=names).drop(index="m39")  # compute unknown for m39
    train, test = names[:25], names[25:]
    result = obs.holdout(target, matrix, log_compute, train, test, k=1)
    assert "m35" not in result.test and "m39" not in result.test and len(result.test) == len(test) - 2
    assert result.components.models == train
    for fit in ("compute", "observational"):
        assert result.errors(fit)["n"] == len(result.test)
        assert result.errors(fit)["mse"] < 0.01


def test_holdout_refuses_to_test_on_fitting_models():
    matrix = pd.DataFrame({"a": np.arange(6.0), "b": np.arange(6.0) ** 2}, index=list("abcdef"))
    with pytest.raises(ValueError, match="both fitted on and tested"):
        obs.holdout(pd.Series(0.5, index=matrix.index), matrix, matrix[["a"]], list("abcd"), list("def"), k=1)


def test_chapter_prediction_test_keeps_the_papers_split_and_reproduces_persian_qa(tmp_path, monkeypatch):
    """The chapter's prediction test: 47 fitting models at the default cutoff, 30 held out, and the
    observational test error on Persian QA equal to the paper's stated 0.0032."""
    from emergent_survey import open_models, prose
    from emergent_survey.figure import FigureGrid
    monkeypatch.setenv("EMERGENT_FIGURES_DIR", str(tmp_path))
    monkeypatch.setattr(prose, "glue_html", lambda name, content: None)  # no notebook to glue into
    section = open_models.prediction_section(open_models.load(), FigureGrid("open_models", "prediction"))
    assert (section.texts["train_count"], section.texts["test_count"]) == ("47", "30")
    assert float(section.texts["persian_observed_mse"]) == pytest.approx(
        float(section.texts["persian_observed_stated"]), abs=5e-5)
