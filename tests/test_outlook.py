"""The outlook chapter and the scale chapter's read-out checks: printed task lists, the span of a
plotted range, where figures place models; on small examples with known answers, and the chapters'
headline numbers against the data and the papers' stated values."""

import math

import pandas as pd
import pytest

from emergent_survey import claims, data, positions, registry, spans, task_lists

# ---------------------------------------------------------------------------- task lists


def test_items_split_at_commas_outside_parentheses():
    text = "Other: arithmetic (emergent at 1B, which is none of the above categories), few-shot nlg (not sure)"
    assert task_lists.items(text) == ["arithmetic (emergent at 1B, which is none of the above categories)",
                                      "few-shot nlg (not sure)"]


def test_items_drop_a_label_and_the_final_full_stop():
    assert task_lists.items("This is the list of tasks: anachronisms, emoji movie, parsinlu qa.") == [
        "anachronisms", "emoji movie", "parsinlu qa"]
    assert task_lists.items("a, b , ,c") == ["a", "b", "c"]


def test_a_colon_inside_an_item_is_not_a_label():
    assert task_lists.items("ratio (a: b), c") == ["ratio (a: b)", "c"]


def test_bigbench_id():
    assert task_lists.bigbench_id("goal step wikihow") == "goal_step_wikihow"
    assert task_lists.bigbench_id("few-shot nlg (not sure why)") == "few_shot_nlg"
    assert task_lists.bigbench_ids("A b, c  d") == ["a_b", "c_d"]


def test_wei_appendix_lists_add_up_to_the_stated_totals():
    """Appendix E's lists (counted by the book) add up to the 210 tasks and 40 'other' tasks of App. A.3,
    no task is in two lists, and Appendix F lists the 14 tasks of Sec. 5.2."""
    stated = claims.Claims("discussion_claims")
    lists = {key: task_lists.items(stated.rows.loc[key, "quote"]) for key in stated.rows.index
             if key.startswith("wei_list_e")}
    counts = {key: len(names) for key, names in lists.items()}
    assert sum(counts.values()) == stated.value("wei_bigbench_210_classified")
    assert sum(n for key, n in counts.items() if key.startswith("wei_list_e5")) == stated.value("wei_bigbench_40_other")
    everything = [name for names in lists.values() for name in names]
    assert len(everything) == len(set(everything))
    assert (counts["wei_list_e1"], counts["wei_list_e2"], counts["wei_list_e3"], counts["wei_list_e4"]) == (58, 25, 42, 45)
    assert len(task_lists.items(stated.rows.loc["wei_list_f", "quote"])) == stated.value("wei_palm62_14_tasks") == 14


def test_appendix_f_tasks_found_in_the_palm_paper():
    stated = claims.Claims("discussion_claims")
    ids = set(task_lists.bigbench_ids(stated.rows.loc["wei_list_f", "quote"]))
    palm = set(data.load("palm_bigbench_tables")["task"]) | set(data.load("palm_bigbench_figures")["task"])
    assert ids & palm == {"ascii_word_recognition", "conceptual_combinations", "emoji_movie", "goal_step_wikihow",
                          "linguistics_puzzles", "logic_grid_puzzle"}


# ---------------------------------------------------------------------------- spans


def test_orders_of_magnitude():
    assert spans.orders_of_magnitude([1e-3, 10.0, 1e4]) == pytest.approx(7.0)
    assert spans.orders_of_magnitude([0, -1, 5, math.nan, 50]) == pytest.approx(1.0)  # non-positive, NaN ignored
    with pytest.raises(ValueError):
        spans.orders_of_magnitude([0, -2])
    assert spans.more_than(7.5, 7) and not spans.more_than(7.0, 7)


def test_kaplan_figure_1_spans():
    """Only the compute panel supports 'more than six' (Sec. 1.1) or 'more than seven' (abstract)."""
    points = data.load("kaplan2020_figure1")
    stated = claims.Claims("discussion_claims")
    span = {panel: spans.orders_of_magnitude(rows["x_value"]) for panel, rows in points.groupby("panel")}
    assert span["Figure 1 (left)"] == pytest.approx(7.49, abs=0.01)
    assert span["Figure 1 (middle)"] == pytest.approx(1.81, abs=0.01)
    assert span["Figure 1 (right)"] == pytest.approx(5.38, abs=0.01)
    assert spans.more_than(span["Figure 1 (left)"], stated.value("kaplan_abstract_seven"))
    assert not spans.more_than(span["Figure 1 (right)"], stated.value("kaplan_summary_six"))
    assert span["Figure 1 (left)"] < stated.value("kaplan_p5_compute")  # page 5's eight decades are not in Figure 1


# ---------------------------------------------------------------------------- positions


@pytest.fixture
def toy_registry():
    return pd.DataFrame({"family": ["F", "F", "G"], "parameters": [1e9, 1e10, 1e9],
                         "training_flops": [1e21, 1e22, 2e21]}, index=["F 1B", "F 10B", "G 1B"])


@pytest.fixture
def toy_points():
    return pd.DataFrame({
        "figure": ["Figure 1", "Figure 1", "Figure 2", "Figure 2", "Figure 2"],
        "panel": ["Figure 1A", "Figure 1B", "Figure 2A", "Figure 2A", "Figure 2A"],
        "series": ["F", "F", "F", "Random", "Other"],
        "model": ["F 1B", "F 1B", None, None, None],
        "x_quantity": ["training_flops"] * 5,
        "x_value": [1.0e21, 1.03e21, 9.0e21, math.nan, 5e21],
    })


def test_nearest_model_is_nearest_in_log_scale(toy_registry):
    assert positions.nearest_model(toy_registry, "F", "training_flops", 3e21) == "F 1B"
    assert positions.nearest_model(toy_registry, "F", "training_flops", 4e21) == "F 10B"
    assert positions.nearest_model(toy_registry, "H", "training_flops", 4e21) is None


def test_attribute_keeps_the_readout_and_fills_only_family_series(toy_points, toy_registry):
    out = positions.attribute(toy_points, toy_registry)
    assert list(out["matched_model"].iloc[:3]) == ["F 1B", "F 1B", "F 10B"]
    assert list(out["matched_by"].iloc[:3]) == ["read-out", "read-out", "nearest"]
    assert out["matched_model"].iloc[3:].isna().all() and out["matched_by"].iloc[3:].isna().all()


def test_compare_lists_only_positions_beyond_the_tolerance(toy_points, toy_registry):
    table = positions.compare(toy_points, toy_registry, tolerance=0.005)
    assert list(table["model"]) == ["F 1B", "F 10B"]
    assert table.loc[0, "difference"] == pytest.approx(0.03)
    assert table.loc[1, "panels"] == ["Figure 2A"] and table.loc[1, "matched_by"] == "nearest"


def test_panel_list():
    assert positions.panel_list(["Figure 10A", "Figure 2C", "Figure 2B", "Figure 10A"]) == "Fig. 2 (B, C); Fig. 10 (A)"


def test_wei_figures_place_lamda_137b_at_three_flops_values():
    markers = pd.concat([data.load(name) for name in ("wei2022_figures_2_11", "wei2022_figures_3_12_13",
                                                      "wei2022_figures_4_10", "wei2022_figures_5_7")])
    models = registry.models()
    flops = markers[markers["x_quantity"] == "training_flops"]
    table = positions.compare(flops, models)
    lamda = table[table["model"] == "LaMDA 137B"]
    assert sorted(lamda["plotted"]) == [5.40e23, 5.50e23]  # and 5.54e23, the registry's, elsewhere
    chinchilla = table[(table["model"] == "Chinchilla 70B") & table["panels"].map(lambda p: "Figure 2G" in p)]
    assert chinchilla["plotted"].iloc[0] == pytest.approx(models.loc["Gopher 280B", "training_flops"], rel=1e-3)
    assert len(table) == 23
    # The largest shift, which the scale chapter names: Chinchilla 7.1B drawn at Gopher 7.1B's FLOPs.
    largest = table.loc[table["difference"].abs().idxmax()]
    assert (largest["model"], largest["panels"]) == ("Chinchilla 7.1B", ["Figure 2G"])
    assert largest["plotted"] == pytest.approx(models.loc["Gopher 7.1B", "training_flops"], rel=1e-3)
    assert largest["difference"] == pytest.approx(0.511, abs=0.001)
