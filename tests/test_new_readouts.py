"""Read-outs of TruthfulQA (Figs 2, 4), zero-shot CoT (Fig. 3, Tables 26-27), Gopher (Figs 5, A21, A25;
Tables A18, A19, A21), PaLM (Figs 3, 5, 7; Tables 41-43), Kaplan et al. (Fig. 1), InstructGPT (Fig. 1) and
the chain-of-thought paper's Figure 4: the committed values say what the papers say (that each module
reproduces its committed files is tests/test_derive_data.py's; that their models are registry keys,
tests/test_registry.py's)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from emergent_survey import data, discontinuity, readout

DIGITIZED = ["truthfulqa_figures_2_4", "kojima2022_figure3", "gopher_toxicity_bias_figures", "palm_bigbench_figures",
             "kaplan2020_figure1", "instructgpt_figure1", "cot_figure4"]


@pytest.mark.parametrize("name", DIGITIZED)
def test_digitized_rows_cite_page_and_panel(name):
    frame = data.load(name)
    assert set(frame["kind"]) == {"digitized"}
    assert frame["source"].str.contains(r", p\. \d+ \(vector read-out of the PDF\)$").all()
    assert (frame["uncertainty"] > 0).all()


# ----------------------------------------------------------------------------- InstructGPT, Figure 1

def test_instructgpt_1_3b_ppo_ptx_is_preferred_to_gpt_175b():
    """'outputs from our 1.3B PPO-ptx model are preferred to those from the 175B GPT-3' (caption)."""
    fig = data.load("instructgpt_figure1")
    ptx = data.lookup(fig, "y_value", model="InstructGPT PPO-ptx 1.3B")
    gpt = data.lookup(fig, "y_value", model="GPT-3 175B", series="GPT")
    assert ptx > gpt + 0.2
    assert data.lookup(fig, "y_value", model="InstructGPT SFT 175B") == 0.5  # the baseline against itself
    points = fig[fig["x_value"].notna() & fig["y_low"].notna()]
    assert len(points) == 14 and ((points["y_low"] < points["y_value"]) & (points["y_value"] < points["y_high"])).all()
    # That their intervals do not overlap: tests/test_practice_techniques.py (winrates.compare).


# ----------------------------------------------------------------------------- TruthfulQA, Figures 2 and 4

def test_truthfulqa_largest_gpt3_is_less_truthful_than_the_smallest():
    fig = data.load("truthfulqa_figures_2_4")
    top = fig[fig["panel"] == "Figure 2 (top)"]
    assert data.lookup(top, "y_value", model="GPT-3 175B") < data.lookup(top, "y_value", model="GPT-3 350M") - 15
    assert data.lookup(top, "y_value", model="GPT-Neo/J 6B") < data.lookup(top, "y_value", model="GPT-Neo/J 125M")
    control = fig[fig["panel"] == "Figure 2 (bottom)"]  # the control questions go the other way
    assert data.lookup(control, "y_value", model="GPT-3 175B") > data.lookup(control, "y_value", model="GPT-3 350M") + 40


def test_truthfulqa_figures_agree_with_table_4():
    """Every bar with a Table 4 counterpart is within 0.2 points of it (Table 4 prints one decimal)."""
    fig = data.load("truthfulqa_figures_2_4")
    compared = fig[fig["table_value"].notna()]
    assert len(compared) == 14 * 4  # Fig. 2 top and Fig. 4a (% true), 4a (% true and informative), 4b
    assert compared["difference"].abs().max() <= 0.2
    assert np.allclose(compared["difference"], compared["y_value"] - compared["table_value"], atol=1e-9)


def test_truthfulqa_multiple_choice_and_reference_lines():
    fig = data.load("truthfulqa_figures_2_4")
    mc = fig[fig["panel"] == "Figure 4c"]
    # 'larger models also perform worse than smaller ones (Fig. 4c)'; 'No models significantly outperformed random'.
    assert data.lookup(mc, "y_value", model="GPT-Neo/J 6B", series="% true (multiple choice)") < data.lookup(
        mc, "y_value", model="GPT-Neo/J 125M", series="% true (multiple choice)")
    random = data.lookup(mc, "y_value", series="Random")
    assert (mc.loc[mc["x_label"].notna(), "y_value"] < random).all()
    human = data.lookup(fig[fig["panel"] == "Figure 4a"], "y_value", series="Human")
    assert abs(human - 94) < 0.05  # the human baseline, 94% true


# ----------------------------------------------------------------------------- Kojima et al., Figure 3

def test_kojima_figure_3_plots_tables_26_and_27_within_its_uncertainty():
    fig = data.load("kojima2022_figure3")
    assert len(fig) == 22
    assert (fig["difference"].abs() <= fig["uncertainty"]).all()
    tables = data.load("kojima2022_tables_26_27")
    assert len(tables) == 52
    cot = data.lookup(tables, model="text-davinci-002", task="MultiArith", setting="zero_shot_cot")
    zero = data.lookup(tables, model="text-davinci-002", task="MultiArith", setting="zero_shot")
    assert (cot, zero) == (78.7, 17.7)
    assert data.lookup(tables, model="PaLM 540B", task="GSM8K", setting="zero_shot_cot") == 43.0


def test_kojima_zero_shot_cot_helps_only_the_largest_models():
    fig = data.load("kojima2022_figure3")
    for panel, largest in (("Figure 3a", "GPT-3 175B"), ("Figure 3b", "text-davinci-002"), ("Figure 3c", "PaLM 540B")):
        rows = fig[fig["panel"] == panel]
        cot, zero = (data.lookup(rows, "y_value", model=largest, series=s) for s in ("Zero-shot-CoT", "Zero-shot"))
        assert cot - zero > 15, panel


# ----------------------------------------------------------------------------- Gopher

def test_gopher_figure_5a_unprompted_equals_table_a19_except_280b():
    fig = data.load("gopher_toxicity_bias_figures")
    unprompted = fig[(fig["panel"] == "Figure 5a") & (fig["series"] == "Unprompted")]
    tables = data.load("gopher_toxicity_bias_tables")
    a19 = tables[(tables["table"] == "Table A19") & (tables["metric"] == "mean toxicity")]
    for size in ("44M", "117M", "417M", "1.4B", "7.1B"):
        figure_value = data.lookup(unprompted, "y_value", model=f"Gopher {size}")
        table_value = data.lookup(a19, row_label=f"{size}-generated")
        assert abs(figure_value - table_value) <= 0.0005 + 0.0005, size  # table rounding + read-out
    # The 280B bar stands 0.012 above its table value, beyond rounding and read-out.
    gap = data.lookup(unprompted, "y_value", model="Gopher 280B") - data.lookup(a19, row_label="280B-generated")
    assert gap == pytest.approx(0.012, abs=0.001)


def test_gopher_toxicity_rises_with_size_for_toxic_prompts_and_classification_improves():
    fig = data.load("gopher_toxicity_bias_figures")
    high = fig[(fig["panel"] == "Figure 5a") & (fig["series"] == "High: >66%")].sort_values("x_value")
    assert high["y_value"].iloc[-1] > high["y_value"].iloc[0] + 0.1
    assert ((high["y_low"] <= high["y_value"]) & (high["y_value"] <= high["y_high"])).all()
    auc = fig[fig["panel"] == "Figure 5b"]
    assert data.lookup(auc, "y_value", series="Random baseline (AUC=0.5)") == 0.5
    auc_280b = data.lookup(auc, "y_value", series="20-shots", model="Gopher 280B")
    assert abs(auc_280b - 0.76) < 0.01  # 'an AUC of around 0.76'
    tables = data.load("gopher_toxicity_bias_tables")
    winogender = tables[(tables["table"] == "Table A21") & (tables["metric"] == "Winogender accuracy, all")]
    assert data.lookup(winogender, model="Gopher 280B") == 0.714
    assert data.lookup(winogender, row_label="7B") == 0.593


# ----------------------------------------------------------------------------- PaLM

def test_palm_figure_7_equals_table_41():
    fig = data.load("palm_bigbench_figures")
    bars = fig[fig["figure"] == "Figure 7"]
    assert len(bars) == 94  # 24 tasks x 4 bars, less two of height 0 (linguistics_puzzles)
    assert bars["difference"].abs().max() <= 0.05 + 1e-9
    tables = data.load("palm_bigbench_tables")
    parsinlu = tables[(tables["task"] == "parsinlu_reading_comprehension") & (tables["table"] == "Table 41")]
    assert [data.lookup(parsinlu, scorer=s) for s in ("PaLM 8B", "PaLM 62B", "PaLM 540B")] == [27.6, 42.3, 49.2]


def test_palm_discontinuity_example_is_english_proverbs_in_figure_5():
    """The text's example (13%, 25%, 87%, 'logical sequence') is what Figure 5 plots for
    english_proverbs; the paper's measure s540 - (s62 + (s62 - s8)) gives about +50 there."""
    fig = data.load("palm_bigbench_figures")
    five = fig[(fig["figure"] == "Figure 5") & (fig["series"] == "PaLM 5-shot")]
    proverbs = [data.lookup(five, "y_value", task="english_proverbs", x_label=s) for s in ("8b", "62b", "540b")]
    assert [round(v) for v in proverbs] == [13, 25, 88]
    assert abs(discontinuity.discontinuity(*proverbs) - 50) < 1
    sequence = [data.lookup(five, "y_value", task="logical_sequence", x_label=s) for s in ("8b", "62b", "540b")]
    assert sequence[0] < 0 < sequence[1] < 10 < 85 < sequence[2]
    claims = data.load("palm_discontinuity_text").set_index("claim")["value"]
    assert (claims["share_of_tasks_discontinuity_over_10"], claims["share_of_tasks_discontinuity_over_20"]) == (25, 15)


def test_palm_figure_3_human_lines_and_joins():
    fig = data.load("palm_bigbench_figures")
    right = fig[fig["panel"] == "Figure 3 (right)"]
    assert sorted(right.loc[right["x_value"].isna(), "series"]) == ["Human (Avg.)", "Human (Best)"]
    left = fig[fig["panel"] == "Figure 3 (left)"]
    chinchilla = data.lookup(left, "y_value", series="Chinchilla 5-shot")
    assert chinchilla > data.lookup(left, "y_value", series="Gopher 5-shot", model="Gopher 280B")
    unjoined = left[left["model"].isna() & left["x_value"].notna()]
    assert sorted(unjoined["x_value"].unique()) == [3e9, 6e9, 2e11]  # BIG-bench's rounded GPT-3 sizes


# ----------------------------------------------------------------------------- Kaplan et al., Figure 1

def test_kaplan_measured_points_and_plotted_ranges():
    fig = data.load("kaplan2020_figure1")
    counts = fig.groupby("panel").size().to_dict()
    assert counts == {"Figure 1 (left)": 392, "Figure 1 (middle)": 7, "Figure 1 (right)": 23}
    # The panels' spans: tests/test_outlook.py (spans.orders_of_magnitude).
    tokens = fig[fig["panel"] == "Figure 1 (middle)"]
    assert np.allclose(np.diff(np.log10(tokens["x_value"].sort_values())), math.log10(2), atol=1e-4)  # doubling
    assert (np.diff(tokens.sort_values("x_value")["y_value"]) < 0).all()


def test_kaplan_minor_ticks_confirm_the_given_tick_values(shared_sources):
    """The labels are glyph outlines, so the read-out is given their values; the minor ticks of the
    log axes then fall on 2-9 x 10^k."""
    from emergent_survey.sources import kaplan2020
    spec = next(s for s in kaplan2020.PANELS if s["panel"] == "Figure 1 (middle)")
    pdf = shared_sources / "papers" / kaplan2020.PDF
    panel = readout.read_panel(pdf, 3, spec["bbox"], y_scale="log", **spec["options"])
    page = readout._page(pdf, 3)
    minor = [o["x0"] for o in page.objects.get("line", []) if abs(o["x0"] - o["x1"]) < 0.05
             and 0.5 < o["bottom"] - o["top"] < 1.2 and abs(o["top"] - panel.plot_area[3]) < 8
             and spec["bbox"][0] < o["x0"] < spec["bbox"][2]]
    assert len(minor) >= 16
    for x in minor:
        mantissa = 10 ** (math.log10(float(panel.x_axis.to_data(x))) % 1)
        assert abs(mantissa - round(mantissa)) < 3e-3, (x, mantissa)


# ----------------------------------------------------------------------------- chain of thought, Figure 4

def test_cot_figure_4_equals_table_2_except_svamp_on_palm():
    fig = data.load("cot_figure4")
    points = fig[fig["x_value"].notna()]
    svamp_palm = (points["task"] == "SVAMP") & points["model"].str.startswith("PaLM")
    assert points.loc[~svamp_palm, "difference"].abs().max() <= 0.001
    differing = points[svamp_palm].set_index(["model", "series"])["y_value"].round(1).to_dict()
    assert differing == {
        ("PaLM 8B", "Standard prompting"): 23.7, ("PaLM 62B", "Standard prompting"): 58.7,
        ("PaLM 540B", "Standard prompting"): 68.6, ("PaLM 8B", "Chain-of-thought prompting"): 25.2,
        ("PaLM 62B", "Chain-of-thought prompting"): 61.9, ("PaLM 540B", "Chain-of-thought prompting"): 73.9,
    }
    # Five of the six equal Table 2's ASDiv values (all but PaLM 540B standard prompting, 68.6 against 72.1).
    rates = data.load("cot_solve_rates")
    asdiv = {(m, s): data.lookup(rates, model=m, task="ASDiv", setting=setting)
             for m in ("PaLM 8B", "PaLM 62B", "PaLM 540B")
             for s, setting in (("Standard prompting", "standard"), ("Chain-of-thought prompting", "chain_of_thought"))}
    assert sorted(k for k in differing if abs(differing[k] - asdiv[k]) < 1e-9) == sorted(
        k for k in differing if k != ("PaLM 540B", "Standard prompting"))
    lines = fig[fig["x_value"].isna()].groupby("task")["y_value"].agg(["min", "max"])
    assert lines.round(1).to_dict("index") == {"GSM8K": {"min": 55.0, "max": 55.0}, "MAWPS": {"min": 88.4, "max": 88.4},
                                               "SVAMP": {"min": 47.3, "max": 47.3}}  # Table 1 prints 57.4 for SVAMP
