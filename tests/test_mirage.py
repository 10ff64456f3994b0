"""The chapter "Is emergence a mirage?": the closed-form p^L model, the verdict on a curve, the per-run
curves and Wu and Lo's difficulty groups, on hand-made inputs and on the data, and the chapter's
computed claims checked against the raw files (when ../shared is present)."""

from __future__ import annotations

import csv
import json
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

from emergent_survey import data, difficulty, metrics, registry, run_plots, runs, verdicts

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

GPT3_SIZES = [1.25e8, 3.5e8, 7.6e8, 1.3e9, 2.7e9, 6.7e9, 1.3e10, 1.75e11]


@pytest.fixture(scope="module")
def models():
    return registry.models()


# --- the closed-form model -----------------------------------------------------------------------

def test_law_passes_through_its_two_points():
    law = metrics.TokenLossLaw.through(1e8, 0.5, 1e11, 0.95)
    assert law.probability(1e8) == pytest.approx(0.5)
    assert law.probability(1e11) == pytest.approx(0.95)
    assert law.loss(1e9) < law.loss(1e8)  # the loss falls with scale


@pytest.mark.parametrize("bad", [(1e9, 0.5, 1e8, 0.9), (1e8, 0.9, 1e9, 0.5), (1e8, 0.0, 1e9, 0.5), (1e8, 0.5, 1e9, 1.0)])
def test_law_refuses_points_that_do_not_improve(bad):
    with pytest.raises(ValueError):
        metrics.TokenLossLaw.through(*bad)


def test_exact_match_is_p_to_the_length_and_edit_distance_is_linear():
    p = np.array([0.5, 0.9])
    assert metrics.exact_match(p, 1) == pytest.approx(p)
    assert metrics.exact_match(p, 3) == pytest.approx(p ** 3)
    assert metrics.token_edit_distance(p, 10) == pytest.approx([5.0, 1.0])
    assert metrics.answer_log_loss(p, 4) == pytest.approx(-4 * np.log(p))
    with pytest.raises(ValueError):
        metrics.exact_match(p, 0)
    with pytest.raises(ValueError):
        metrics.token_edit_distance(p, 2.5)


def test_answer_length_shifts_the_rise_but_does_not_sharpen_it():
    law = metrics.TokenLossLaw.through(1.25e8, 0.5, 1.75e11, 0.95)
    for length in (1, 5, 20):
        rise = math.log10(law.scale_for_exact_match(0.9, length) / law.scale_for_exact_match(0.1, length))
        assert rise == pytest.approx(law.width_decades())
        shift = law.scale_for_exact_match(0.5, length) / law.scale_for_exact_match(0.5, 1)
        assert shift == pytest.approx(law.shift_factor(length))
        n = law.scale_for_exact_match(0.3, length)  # the formula inverts exact match
        assert metrics.exact_match(law.probability(n), length) == pytest.approx(0.3)


def test_closed_form_claims_of_the_chapter():
    """At GPT-3's sizes, with p = 50% at the smallest and 95% at the largest: one-token exact match is
    present from the smallest size; twenty-token exact match emerges at 175B, in one concentrated jump."""
    law = metrics.TokenLossLaw.through(GPT3_SIZES[0], 0.5, GPT3_SIZES[-1], 0.95)
    curves = {length: pd.DataFrame({"n": GPT3_SIZES, "v": 100 * metrics.exact_match(law.probability(GPT3_SIZES), length)})
              for length in (1, 5, 20)}
    one = verdicts.verdict(curves[1], "n", "v", "exact_match", chance=0.0)
    twenty = verdicts.verdict(curves[20], "n", "v", "exact_match", chance=0.0)
    assert one["detector"] == "present from the smallest" and not one["emergent"]
    assert twenty["detector"] == "emerges" and twenty["emerges_at"] == 1.75e11
    assert twenty["shape"] == "jump" and twenty["emergent"]
    assert verdicts.verdict(curves[5], "n", "v", "exact_match", chance=0.0)["shape"] == "steady"


# --- the verdict on a curve ----------------------------------------------------------------------

def curve(values, scales=None):
    scales = scales or [10 ** i for i in range(len(values))]
    return pd.DataFrame({"x": scales, "v": values})


def test_flat_then_jump_is_emergent():
    result = verdicts.verdict(curve([25, 25, 26, 25, 26, 60]), "x", "v", "accuracy", chance=25)
    assert result["detector"] == "emerges" and result["emerges_at"] == 1e5
    assert result["shape"] == "jump" and result["emergent"]


def test_equal_steps_are_steady_and_present_from_the_smallest():
    result = verdicts.verdict(curve([40, 50, 60, 70, 80]), "x", "v", "accuracy", chance=25)
    assert result["ratio"] == pytest.approx(1.0)
    assert result["shape"] == "steady" and result["detector"] == "present from the smallest"
    assert not result["emergent"]


def test_big_first_step_is_a_burst_not_a_jump():
    result = verdicts.verdict(curve([0, 50, 55, 57, 58, 59]), "x", "v", "accuracy", chance=0)
    assert result["ratio"] >= verdicts.CONCENTRATED and result["shape"] == "burst"


def test_never_above_chance_and_flat():
    result = verdicts.verdict(curve([25, 27, 24, 28, 30]), "x", "v", "accuracy", chance=25)
    assert result["detector"] == "never" and result["shape"] == "flat"


def test_a_loss_is_oriented_and_the_detector_does_not_apply():
    falling = verdicts.verdict(curve([4.0, 3.0, 2.0, 1.0]), "x", "v", "bpb")
    assert falling["detector"] == "not applicable" and falling["improvement"] == pytest.approx(3.0)
    assert falling["shape"] == "steady"
    rising = verdicts.verdict(curve([1.0, 2.0, 3.0, 4.0]), "x", "v", "bpb")
    assert rising["shape"] == "flat"  # a loss that grows is no improvement


def test_brier_score_detector_counts_points_below_the_uniform_guess():
    brier = curve([56, 57, 56, 40, 30])  # x 100; a uniform guess over four options scores 56.25
    result = verdicts.verdict(brier, "x", "v", "tc_brier", chance=56.25)
    assert result["detector"] == "emerges" and result["emerges_at"] == 1e3


def test_too_short_curve_is_refused():
    with pytest.raises(ValueError):
        verdicts.verdict(curve([1, 2]), "x", "v", "accuracy", chance=0)


def test_geometric_grid_keeps_spaced_rows_and_the_last():
    rows = pd.DataFrame({"t": [0, 1, 2, 3, 4, 8, 9, 16, 17]})
    kept = verdicts.geometric_grid(rows, "t", 2.0)["t"].tolist()
    assert kept == [1, 2, 4, 8, 17]  # 16 replaced by the last row, 17


def test_jump_over_smaller_and_no_negative_zero():
    frame = pd.DataFrame({"n": [1, 2, 3], "v": [20.0, 30.0, 45.0]})
    assert verdicts.jump_over_smaller(frame, "n", "v") == {"largest": 3, "largest_value": 45.0, "best_smaller": 30.0,
                                                           "lead": 15.0, "jump": True}
    tie = verdicts.jump_over_smaller(pd.DataFrame({"n": [1, 2], "v": [0.3, 0.3]}), "n", "v")
    assert str(tie["lead"]) == "0.0" and not tie["jump"]


def test_disappears_compares_metrics_of_one_curve():
    table = pd.DataFrame({"task": ["a", "a", "b"], "metric": ["accuracy", "bpb", "accuracy"],
                          "shape": ["jump", "steady", "jump"]})
    found = verdicts.disappears(table, ["task"])
    assert found["task"].tolist() == ["a"]  # b has one metric only
    assert found.loc[0, "disappears"] and found.loc[0, "jump_under"] == ["accuracy"]


# --- per-run curves ------------------------------------------------------------------------------

def test_chance_follows_the_answer_format():
    assert runs.chance("lambada_openai") == 0 and runs.chance("piqa") == 50
    assert runs.chance("csqa") == 20 and runs.chance("socialiqa") == pytest.approx(100 / 3)


def test_first_stays_above_skips_gaps_and_needs_the_end():
    trajectory = pd.DataFrame({"t": [1, 2, 3, 4, 5], "v": [10, 40, math.nan, 35, 45]})
    assert runs.first_stays_above(trajectory, "t", "v", 30)["t"] == 2
    assert runs.first_stays_above(trajectory.assign(v=[10, 40, 40, 35, 20]), "t", "v", 30) is None


def test_matched_loss_keeps_runs_within_tolerance():
    rows = pd.DataFrame({"run": ["a", "a", "b", "b"], "ce_c4_en": [3.0, 2.9, 3.5, 3.2], "value": [1, 2, 3, 4]})
    found = runs.matched_loss(rows, 2.91, 0.02)
    assert found["run"].tolist() == ["a"] and found["value"].tolist() == [2]


def test_pythia_rows_are_percent_and_loss(models):
    rows = runs.pythia(data.load("pythia_evals"), models)
    assert set(rows["run"]) == {f"Pythia {size} deduped" for size in
                                ["70M", "160M", "410M", "1B", "1.4B", "2.8B", "6.9B", "12B"]}
    lambada = rows[(rows["run"] == "Pythia 12B deduped") & rows["final"] & (rows["task"] == "lambada_openai")]
    by_metric = lambada.set_index("metric")["value"]
    assert by_metric["target_loss"] == pytest.approx(math.log(by_metric["perplexity"]))
    assert 0 <= by_metric["accuracy"] <= 100
    assert rows.loc[rows["step"] == 0, "training_flops"].isna().all()  # no compute before training


def test_olmo_mmlu_is_the_mean_of_its_areas_and_the_ladder_has_no_multiple_choice(models):
    raw = data.load("olmo2_checkpoints")
    rows = runs.olmo(raw, models)
    seven = rows[(rows["run"] == "OLMo 2 7B stage 1") & (rows["step"] == 60000) & (rows["task"] == "mmlu")]
    expected = raw.loc[(raw["model"] == "OLMo 2 7B stage 1") & (raw["step"] == 60000),
                       [f"mmlu_{a}_test_mc_acc" for a in runs.MMLU_AREAS]].mean(axis=1).iloc[0] * 100
    assert data.lookup(seven, metric="multiple_choice") == pytest.approx(expected)
    ladder = runs.olmo(data.load("olmo_ladder_checkpoints"), models)
    assert "multiple_choice" not in set(ladder["metric"])
    assert (ladder["training_flops"] == 6 * ladder["parameters"] * ladder["training_tokens"]).all()


def test_multiple_choice_leaves_chance_where_the_chapter_says(models):
    rows = runs.olmo(data.load("olmo2_checkpoints"), models)
    leave = runs.leaves_chance(rows[rows["metric"] == "multiple_choice"], verdicts.MARGIN).set_index(["run", "task"])
    seven, thirteen = leave.loc[("OLMo 2 7B stage 1", "mmlu")], leave.loc[("OLMo 2 13B-5T", "mmlu")]
    assert (seven["step_before"], seven["step"]) == (55000, 60000)
    assert (thirteen["step_before"], thirteen["step"]) == (15000, 20000)
    assert seven["value_before"] < 25 + verdicts.MARGIN < seven["value"]
    assert math.isnan(leave.loc[("OLMo 2 7B stage 1", "winogrande"), "step"])
    assert ("OLMo 2 1B (peteish1)", "mmlu") not in leave.index  # one checkpoint: not a trajectory


def test_lu_leads_count_the_tasks_of_the_chapter(models):
    scores = runs.lu_scores(data.load("ukplab_runs"), models)
    leads = runs.lu_leads(scores, "GPT-3 175B", verdicts.MARGIN)
    assert leads["task"].nunique() == 22
    zero = leads[(leads["prompting"] == "zero_shot") & leads["jump"]]["task"].tolist()
    assert zero == ["hindu_knowledge"]
    half = runs.lu_leads(scores, "GPT-3 175B", verdicts.MARGIN / 2)
    assert set(half[(half["prompting"] == "zero_shot") & half["jump"]]["task"]) == {"hindu_knowledge",
                                                                                   "nonsense_words_grammar"}
    assert runs.lu_task_name("hindu_knowledge") == "Hindu knowledge" and runs.lu_task_name("gsm8k") == "GSM8K"


# --- Wu and Lo's difficulty groups ---------------------------------------------------------------

def test_moves_is_a_zigzag_filter():
    assert difficulty.moves([1, 9, 2, 10], 5) == ["up", "down", "up"]
    assert difficulty.moves([3, 4, 3, 6], 5) == []
    assert difficulty.moves([10, 2, 9], 5) == ["down", "up"]
    assert difficulty.moves([1, 3, 5, 7, 9, 11], 5) == ["up"]


def test_shape_reads_a_brier_score_as_lower_is_better():
    assert difficulty.shape([30, 50, 20], higher_is_better=False, tolerance=5) == "worse, then better (U-shaped)"
    assert difficulty.shape([30, 50, 20], higher_is_better=True, tolerance=5) == "better, then worse (inverted U)"
    assert difficulty.shape([30, 10, 30, 5], higher_is_better=False, tolerance=5) == (
        "better, worse, then better again (inverted U, then improvement)")


def test_threshold_in_flops():
    assert difficulty.threshold_flops(1.5) == pytest.approx(10 ** 1.5 * 1e21)


def test_mmlu_groups_move_apart_below_the_threshold(models):
    frame = difficulty.group_scores(data.load("wu_lo_bins"), data.load("wu_lo_overall"), models, "mmlu",
                                    "tc_brier", 10, {1: "easiest tenth", 10: "hardest tenth"})
    assert frame.attrs["unplaced"] == ["Deci/DeciLM-7B", "mistralai/Mistral-7B-v0.1"]
    medians = difficulty.binned(frame)
    shapes = {series: difficulty.shape(group.sort_values("training_flops")["value"].tolist(), False, 5.0)
              for series, group in medians.groupby("series")}
    assert shapes["easiest tenth"] == "worse, then better (U-shaped)"
    assert shapes["hardest tenth"] == "better"
    moved = difficulty.directions(frame, higher_is_better=False).set_index("series")
    assert moved.loc["easiest tenth", "below"] < 0 < moved.loc["hardest tenth", "below"]


# --- drawing -------------------------------------------------------------------------------------

def test_runs_are_one_line_broken_between_runs():
    fig, ax = plt.subplots()
    rows = pd.DataFrame({"run": ["a", "a", "b", "b", "b"], "x": [1, 2, 1, 2, 3], "value": [1, 2, 3, 4, 5]})
    assert run_plots.runs(ax, rows, "x", "Pythia", "zero_shot", "Pythia", mark_last=True) == 2
    (line,) = ax.get_lines()
    assert np.isnan(line.get_xdata()[2]) and list(line.get_markevery()) == [1, 5]
    plt.close(fig)


def test_thinned_keeps_each_curve_separately():
    rows = pd.DataFrame({"run": ["a"] * 6, "task": ["t", "u"] * 3, "metric": ["m"] * 6,
                         "training_tokens": [1, 1, 2, 2, 3, 3]})
    kept = run_plots.thinned(rows, 2.0)
    assert sorted(kept.groupby("task").size().tolist()) == [2, 2]  # 1 and the last (3) per task


# --- the chapter's numbers against the raw files (../shared) -------------------------------------

def test_pythia_12b_final_lambada_equals_the_json(shared_sources, models):
    path = "pythia_evals/evals/pythia-v1/pythia-12b-deduped/zero-shot/12b-deduped_step143000.json"
    results = json.loads((shared_sources / path).read_text())["results"]["lambada_openai"]
    rows = runs.pythia(data.load("pythia_evals"), models)
    final = rows[(rows["run"] == "Pythia 12B deduped") & rows["final"] & (rows["task"] == "lambada_openai")]
    assert data.lookup(final, metric="accuracy") == pytest.approx(100 * results["acc"], rel=1e-12)
    assert data.lookup(final, metric="perplexity") == results["ppl"]
    assert data.lookup(final, metric="target_loss") == pytest.approx(math.log(results["ppl"]))


def test_olmo_7b_multiple_choice_jump_equals_the_log(shared_sources):
    path = shared_sources / "olmo_ladder/scripts/scaling/data/peteish-moreeval/peteish7_eval_full.csv"
    with path.open(newline="", encoding="utf-8") as f:
        log = {int(float(r["_step"])): r for r in csv.DictReader(f)}
    columns = [f"eval/downstream/mmlu_{area}_test_mc_5shot_len_norm" for area in runs.MMLU_AREAS]
    mean = {step: 100 * sum(float(log[step][c]) for c in columns) / 4 for step in (55000, 60000)}
    assert mean[55000] < 25 + verdicts.MARGIN < mean[60000]
    assert float(log[60000]["eval/c4_en-validation/CrossEntropyLoss"]) == pytest.approx(2.695, abs=5e-4)
