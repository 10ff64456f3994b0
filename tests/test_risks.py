"""The chapter on risks: its drawing helpers (bars, error bars, ranked series), the claims it quotes
and the disagreements between the papers' text and their figures that it reports."""

import re

import matplotlib
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from emergent_survey import citations, claims, data, figure, plotting

matplotlib.use("Agg")


# ---------------------------------------------------------------------- bars

BARS = pd.DataFrame({
    "group": ["GPT-3", "GPT-3", "GPT-3 175B", "GPT-3 175B"],
    "label": ["350M", "175B", "helpful", "harmful"],
    "value": [36.8, 20.4, 58.1, 12.5],
    "family": ["GPT-3"] * 4,
    "setting": ["qa_prompt", "qa_prompt", "helpful_prompt", "harmful_prompt"],
})


def test_bars_take_the_family_colour_and_the_setting_fill(ax):
    alt = plotting.bar_panel(ax, BARS, "True (%)")
    patches = ax.patches
    color = plotting.FAMILY_STYLES["GPT-3"].color.lower()
    assert [to_hex(p.get_facecolor()) for p in patches] == [color, color, "#ffffff", "#ffffff"]
    assert all(to_hex(p.get_edgecolor()) == color for p in patches)
    assert [p.get_hatch() for p in patches] == [None, None, "////", "xxxx"]
    assert patches[2].get_gid() == "family=GPT-3|setting=helpful_prompt"
    assert alt == "GPT-3: 350M 36.8, 175B 20.4; GPT-3 175B: helpful 58.1, harmful 12.5"


def test_bar_groups_stand_apart_and_are_named_under_their_bars(ax):
    plotting.bar_panel(ax, BARS, "True (%)")
    centres = [p.get_x() + p.get_width() / 2 for p in ax.patches]
    assert centres == [0, 1, 2 + plotting.BAR_GAP, 3 + plotting.BAR_GAP]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["350M", "175B", "helpful", "harmful"]
    groups = ax.child_axes[0]
    assert [t.get_text() for t in groups.get_xticklabels()] == ["GPT-3", "GPT-3 175B"]


def test_bar_settings_reach_the_legend_in_the_book_style(ax):
    plotting.bar_panel(ax, BARS, "True (%)")
    handles, labels = ax.get_legend_handles_labels()
    lines = [(h, label) for h, label in zip(handles, labels) if isinstance(h, Line2D)]
    assert [label for _, label in lines] == ["GPT-3, default QA prompt", "GPT-3, 'helpful' prompt",
                                             "GPT-3, 'harmful' prompt"]
    styles = [figure.series_style(h, label) for h, label in lines]
    assert {(s["family"], s["marker"]) for s in styles} == {("GPT-3", "s")}
    assert [s["linestyle"] for s in styles] == ["-", "--", "-."]


def test_bars_refuse_unknown_families_and_settings(ax):
    with pytest.raises(KeyError, match="family"):
        plotting.bar_panel(ax, BARS.assign(family="Mystery"), "x")
    with pytest.raises(KeyError, match="setting"):
        plotting.bar_panel(ax, BARS.assign(setting="mystery"), "x")


# ---------------------------------------------------------------------- error bars, ranked series

def test_error_bars_span_low_to_high_in_the_family_colour(ax):
    container = plotting.error_bars(ax, [1e8, 1e9], [0.25, 0.3], [0.24, 0.28], [0.26, 0.33], "Gopher")
    (bars,) = container.lines[2]
    segments = bars.get_segments()
    assert [v for s in segments for v in (s[0][1], s[1][1])] == pytest.approx([0.24, 0.26, 0.28, 0.33])
    assert to_hex(bars.get_color()[0]) == plotting.FAMILY_STYLES["Gopher"].color.lower()
    assert not [label for label in ax.get_legend_handles_labels()[1]]


def test_ranked_series_run_from_light_to_dark_grey_with_own_markers(ax, family_colors):
    lines = [plotting.draw_ranked(ax, [0, 1], [0, 1], f"size {i}", i, 6) for i in range(6)]
    greys = [int(to_hex(line.get_color())[1:3], 16) for line in lines]
    assert greys == sorted(greys, reverse=True) and greys[0] == plotting.RANK_LIGHTEST
    assert greys[-1] == plotting.RANK_DARKEST
    assert len({line.get_marker() for line in lines}) == 6
    assert not {to_hex(line.get_color()) for line in lines} & family_colors
    assert {line.get_gid() for line in lines} == {"other"}


# ---------------------------------------------------------------------- claims

def test_claim_values_show_as_the_paper_prints_them():
    assert [claims._value(v) for v in (90.3, 22.5, 100.0, 0.08, 0.76, 0.1, 7.1)] == [
        "90.3", "22.5", "100", "0.08", "0.76", "0.1", "7.1"]


NUMBER_WORDS = {3: "three", 6: "six"}


def test_every_risks_claim_is_in_its_sentence_and_cites_a_known_paper():
    rows = data.load("risks_claims")
    assert rows["claim"].str.startswith("RK-").all()
    for row in rows.itertuples():
        shown = claims._value(row.value)
        words = [shown, NUMBER_WORDS.get(row.value, shown)]
        assert any(re.search(rf"(?<![\d.]){re.escape(w)}(?![\d])", row.quote) for w in words), row.claim
        assert citations.label(row.paper)
    assert not set(rows["claim"]) & set(data.load("text_claims")["claim"])


# ---------------------------------------------------------------------- what the chapter reports

def test_lin_text_and_figure_4c_disagree_on_the_gpt_neo_drop():
    """'GPT-Neo/J 6B was 12% less truthful than GPT-Neo/J 125M': Figure 4c gives neither 12 points
    nor a 12% relative drop."""
    points = data.load("truthfulqa_figures_2_4")
    mc = points[points["panel"] == "Figure 4c"].set_index("model")["y_value"]
    drop = mc["GPT-Neo/J 125M"] - mc["GPT-Neo/J 6B"]
    assert drop == pytest.approx(9.5, abs=0.05)
    assert drop / mc["GPT-Neo/J 125M"] == pytest.approx(0.207, abs=0.001)
    stated = data.load("risks_claims").set_index("claim").loc["RK-L1", "value"]
    assert abs(drop - stated) > 2 and abs(100 * drop / mc["GPT-Neo/J 125M"] - stated) > 2


# That every model is below Random in Figure 4c, and Gopher's Figure 5a against Table A19:
# tests/test_new_readouts.py.
