"""The chapter on the techniques behind ChatGPT: its package modules (winrates, toolgains, dotrows) and its
data (data/practice/), including the claims the chapter computes, checked against what the papers state."""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

from emergent_survey import data, dotrows, plotting, registry, toolgains, winrates  # noqa: E402

# ---------------------------------------------------------------------- winrates


def readout(rows):
    return pd.DataFrame(rows, columns=["series", "x_value", "y_value", "y_low", "y_high"])


SYNTHETIC = readout([
    ("A", 1e9, 0.50, 0.45, 0.55), ("A", 1e10, 0.60, 0.55, 0.65),
    ("B", 1e9, 0.20, 0.15, 0.25), ("B", 1e10, 0.52, 0.47, 0.57), ("B", 1e11, 0.40, 0.34, 0.44),
    ("C", 1e11, 0.50, None, None),
    ("baseline", None, 0.50, None, None),
])


def test_point_finds_exactly_one_row():
    assert winrates.point(SYNTHETIC, "A", 1e10)["y_value"] == 0.60
    with pytest.raises(ValueError, match="found 0"):
        winrates.point(SYNTHETIC, "A", 1e11)


def test_compare_needs_intervals_apart():
    apart = winrates.compare(SYNTHETIC, ("A", 1e9), ("B", 1e11))
    assert apart["separated"] and apart["size_ratio"] == pytest.approx(100)
    assert apart["interval"] == (0.45, 0.55) and apart["other_interval"] == (0.34, 0.44)
    overlapping = winrates.compare(SYNTHETIC, ("A", 1e9), ("B", 1e10))
    assert not overlapping["separated"]


def test_a_point_without_error_bar_is_its_own_interval():
    assert winrates.compare(SYNTHETIC, ("A", 1e10), ("C", 1e11))["other_interval"] == (0.5, 0.5)
    assert winrates.above(winrates.point(SYNTHETIC, "A", 1e10), winrates.point(SYNTHETIC, "C", 1e11))


def test_smallest_preferred():
    assert winrates.smallest_preferred(SYNTHETIC, "A", ("B", 1e11)) == 1e9
    assert winrates.smallest_preferred(SYNTHETIC, "B", ("A", 1e10)) is None


def test_gaps_at_shared_sizes():
    gaps = winrates.gaps(SYNTHETIC, "A", "B")
    assert list(gaps["x_value"]) == [1e9, 1e10]
    assert list(gaps["gap"].round(2)) == [0.30, 0.08]


def test_interval_text():
    assert winrates.interval_text((0.4796, 0.5731)) == "0.48 to 0.57"
    with pytest.raises(ValueError):
        winrates.interval_text((float("nan"), 0.5))


def test_draw_uses_family_styles_and_draws_error_bars():
    fig, ax = plt.subplots()
    winrates.draw(ax, SYNTHETIC, {"A": ("InstructGPT", "rlhf_ppo_ptx", "A"), "B": ("GPT-3", "user_prompt", "B")})
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert lines["A"].get_color().lower() == plotting.FAMILY_STYLES["InstructGPT"].color.lower()
    assert lines["B"].get_linestyle() == ":"
    assert lines["baseline"].get_gid() == "reference"
    bars = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in bars) == 5  # one bar per point with an interval
    plt.close(fig)
    with pytest.raises(KeyError):
        winrates.draw(plt.subplots()[1], SYNTHETIC, {"missing": ("GPT-3", "user_prompt", "x")})


def test_instructgpt_small_rlhf_model_beats_largest_gpt3():
    """Ouyang et al., abstract and Sec. 1: outputs of the 1.3B InstructGPT model are preferred to those of the
    175B GPT-3, despite over 100x fewer parameters; the read-out's 95% intervals do not overlap."""
    points = data.load("instructgpt_figure1")
    result = winrates.compare(points, ("PPO-ptx", 1.3e9), ("GPT", 1.75e11))
    assert result["separated"] and result["size_ratio"] > 100
    assert winrates.compare(points, ("PPO-ptx", 1.3e9), ("GPT (prompted)", 1.75e11))["separated"]
    assert (winrates.gaps(points, "PPO-ptx", "GPT")["gap"] > 0.3).all()  # RLHF helps at every size


# ---------------------------------------------------------------------- toolgains


def tool_rows(with_calls, disabled, larger):
    rows = [("Toolformer", 6.7e9, "true", with_calls), ("Toolformer (disabled)", 6.7e9, "false", disabled),
            ("GPT-J", 6.7e9, "false", 1.0), ("GPT-3 (175B)", 1.75e11, "false", larger)]
    return pd.DataFrame([{"group": "G", "benchmark": "B", "tool": "calculator", "system": system,
                          "parameters": params, "tool_calls": calls, "value": value}
                         for system, params, calls, value in rows])


def test_per_benchmark_ratio_gain_and_margin():
    table = toolgains.per_benchmark(tool_rows(30.0, 10.0, 20.0))
    row = table.iloc[0]
    assert row["ratio"] == 3.0 and row["gain"] == 20.0
    assert row["best_larger_system"] == "GPT-3 (175B)" and row["margin_to_larger"] == 10.0


def test_per_benchmark_refuses_missing_or_mislabelled_systems():
    rows = tool_rows(30.0, 10.0, 20.0)
    with pytest.raises(KeyError):
        toolgains.per_benchmark(rows[rows["system"] != "Toolformer (disabled)"])
    rows.loc[rows["system"] == "Toolformer", "tool_calls"] = "false"
    with pytest.raises(ValueError):
        toolgains.per_benchmark(rows)


def test_summary_of_a_group():
    table = pd.concat([toolgains.per_benchmark(tool_rows(30.0, 10.0, 20.0)),
                       toolgains.per_benchmark(tool_rows(15.0, 10.0, 20.0).assign(benchmark="B2"))])
    result = toolgains.summary(table, "G")
    assert result["benchmarks"] == 2 and result["min_ratio"] == 1.5
    assert not result["doubles_everywhere"] and not result["ahead_of_larger_everywhere"]
    assert result["min_margin"] == -5.0 and result["max_margin"] == 10.0
    with pytest.raises(KeyError):
        toolgains.summary(table, "other")


def test_toolformer_statements_hold_in_its_tables():
    """Schick et al. Sec. 4.2.2: API calls more than double performance on every math task and clearly
    outperform OPT (66B) and GPT-3 (175B); Sec. 4.2.1: Toolformer outperforms them on LAMA; Sec. 4.2.3: it still
    lags behind GPT-3 (175B) on question answering."""
    table = toolgains.per_benchmark(data.load("toolformer_tables_3_5"))
    math = toolgains.summary(table, "Math")
    assert math["benchmarks"] == 3 and math["doubles_everywhere"] and math["ahead_of_larger_everywhere"]
    assert toolgains.summary(table, "LAMA")["ahead_of_larger_everywhere"]
    assert toolgains.summary(table, "Question answering")["behind_larger_everywhere"]


# ---------------------------------------------------------------------- dotrows


def test_dot_panel_rows_legend_and_axis():
    rows = pd.DataFrame({"system": ["X", "Y", "Z"], "value": [10.0, 40.0, 20.0]})
    styles = {"X": ("GPT-Neo/J", "no_tool_calls", "small, no tools"), "Y": ("GPT-Neo/J", "tool_calls", "small, tools"),
              "Z": ("GPT-Neo/J", "no_tool_calls", "small, no tools")}
    fig, ax = plt.subplots()
    dotrows.panel(ax, rows, ["X", "Y", "Z"], styles, {"Y": "Y with tools"}, xlim=(0, 50))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["X", "Y with tools", "Z"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first system at the top
    _, labels = ax.get_legend_handles_labels()
    assert labels == ["small, no tools", "small, tools"]  # each label once
    assert ax.get_xlim()[1] > 50 and max(ax.get_xticks()) == 50
    plt.close(fig)
    with pytest.raises(KeyError):
        dotrows.panel(plt.subplots()[1], rows, ["X", "W"], styles)
    assert dotrows.alt("T", rows, ["X", "Y"], {"Y": "Yt"}) == "T: X 10%, Yt 40%."


# ---------------------------------------------------------------------- data/practice


WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _shown(value: float) -> set[str]:
    """Ways a sentence may print ``value``: 97.9, 3,640, 6144, 0.002, 15.1, 'two' ..."""
    forms = {f"{value:g}", f"{value:,.0f}", f"{value:.0f}", f"{value:.1f}", f"{value:.2f}", f"{value:.3f}"}
    forms = {form for form in forms if form not in {"0", "0.0"}} | ({"0%"} if value == 0 else set())
    return forms | ({WORDS[int(value)]} if value in WORDS else set())


def test_every_stated_number_is_in_its_sentence():
    claims = data.load("practice_claims")
    problems = []
    for _, row in claims[claims["kind"] != "derived"].iterrows():
        if not any(form in row["quote"] for form in _shown(float(row["value"]))):
            problems.append(f"{row['claim']}: {row['value']} not in {row['quote'][:60]!r}")
    assert not problems, "\n".join(problems)


def test_claim_sources_name_their_paper_and_how_they_were_read():
    claims = data.load("practice_claims")
    for _, row in claims.iterrows():
        assert row["source"].startswith(row["paper"]), row["claim"]
        if "third-party" in str(row["source"]) or "copies" in str(row["source"]):
            assert "read in" in row["source"], row["claim"]


def test_toolformer_tables_are_complete():
    rows = data.load("toolformer_tables_3_5")
    assert rows.groupby("benchmark")["system"].nunique().eq(6).all()
    assert len(rows) == 9 * 6
    calls = rows[rows["tool_calls"].map(data.truthy)]
    assert set(calls["system"]) == {"Toolformer"}
    assert set(rows.loc[rows["system"] == "Toolformer", "parameters"]) == {6.7e9}


def test_arxiv_months_match_the_identifiers():
    timeline = data.load("practice_timeline")
    for _, row in timeline[timeline["kind"] == "derived"].iterrows():
        match = re.search(r"arXiv (\d{2})(\d{2})\.\d{4,5}", row["source"])
        assert match, row["source"]
        assert row["date"] == f"20{match.group(1)}-{match.group(2)}", row["source"]
        assert row["precision"] == "month"


def test_instructgpt_gpt3_compute_matches_the_registry():
    """Ouyang et al. Sec. 5.1: 3,640 petaflop/s-days for GPT-3, the registry's GPT-3 175B training FLOPs."""
    claims = data.load("practice_claims").set_index("claim")
    flops = claims.loc["PT-A3", "value"] * 1e15 * 86400
    assert flops == pytest.approx(registry.models().loc["GPT-3 175B", "training_flops"], rel=0.01)
