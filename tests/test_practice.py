"""The chapter "Which model, and when to fine-tune": the lineage file, the decision flow, the comparisons of
prompted large models with fine-tuned ones, and the data files behind them."""

import re

import numpy as np
import pandas as pd
import pytest

from emergent_survey import citations, data, flow, lineage, registry, versus

# ---------------------------------------------------------------------- the lineage file


@pytest.fixture(scope="module")
def models():
    return lineage.load()


def test_lineage_rows_have_source_kind_and_a_known_branch(models):
    assert len(models) >= 60
    assert models["source"].str.len().min() >= 8 and models["kind"].isin(["table", "text"]).all()
    assert set(models["architecture"]) == set(lineage.BRANCHES)
    known = citations.references()
    first = models["source"].str.split().str[0].str.rstrip(",;:")
    assert first.isin(known).all(), sorted(models.loc[~first.isin(known), "model"])


def test_pre_transformer_rows_say_what_they_are(models):
    root = models[models["architecture"] == "pre-transformer"]
    for _, row in root.iterrows():
        assert re.search(r"(?i)word-embedding|LSTM", row["note"]), row["model"]
    assert "LSTM" in root.set_index("model").loc["ELMo", "note"]


def test_undisclosed_sizes_say_so(models):
    missing = models[models["parameters"].isna()]
    assert missing["parameters_note"].str.startswith("undisclosed").all()


def test_lineage_edges_point_to_earlier_models(models):
    links = lineage.edges(models)
    dates = models.set_index("model")["release_date"]
    assert len(links) > 30
    later = [(c, p) for c, p in zip(links["child"], links["parent"]) if dates[p] > dates[c]]
    assert not later, later


def test_edges_refuse_an_unknown_parent(models):
    broken = models.copy()
    broken.loc[broken["model"] == "GPT-3", "builds_on"] = "GPT-5"
    with pytest.raises(ValueError, match="GPT-5"):
        lineage.edges(broken)


def test_registry_keys_exist_and_name_the_same_size(models):
    joined = lineage.registry_join(models, registry.models())
    assert len(joined) >= 20
    sized = joined.dropna(subset=["parameters", "registry_parameters"])
    ratio = sized["registry_parameters"] / sized["parameters"]
    # Same model: sizes agree to within the rounding of the two sources (Mixtral: 45B vs 46.7B).
    assert ratio.between(0.9, 1.1).all(), sized.loc[~ratio.between(0.9, 1.1), "model"].tolist()


def test_registry_join_refuses_unknown_keys(models):
    broken = models.copy()
    broken.loc[broken["model"] == "GPT-3", "registry_model"] = "GPT-3 999B"
    with pytest.raises(KeyError, match="GPT-3 999B"):
        lineage.registry_join(broken, registry.models())


def test_training_flops_are_epochs_values(models):
    epoch = data.load("epoch_notable_models").set_index("model")["training_compute_flop"]
    rows = models.dropna(subset=["training_flops"])
    assert len(rows) >= 40
    for _, row in rows.iterrows():
        name = re.search(r"row '([^']+)'", row["training_flops_source"]).group(1)
        assert epoch[name] == pytest.approx(row["training_flops"], rel=1e-12), row["model"]


def test_branch_agrees_with_yang_figure_1(models):
    drawn = models.dropna(subset=["yang_figure1_label"])
    assert len(drawn) >= 45
    assert (drawn["yang_figure1_branch"] == drawn["architecture"]).all()


def test_layout_gives_every_model_its_own_row_in_its_band(models):
    where = lineage.layout(models)
    assert where["y"].is_unique and len(where) == len(models)
    bands = where.groupby("branch", sort=False)["y"].agg(["min", "max"])
    assert list(bands.index) == lineage.BRANCHES
    assert (bands["min"].iloc[1:].values > bands["max"].iloc[:-1].values).all()
    for _, band in where.groupby("branch"):
        assert band.sort_values("y")["x"].is_monotonic_increasing


def test_year_shares_and_majority_changes():
    toy = lineage.with_dates(pd.DataFrame({
        "model": list("abcdefg"),
        "release_date": ["2019-01-01", "2019-05-01", "2020-01-01", "2020-02-01", "2020-03-01", "2021-01-01", "2021-02-01"],
        "architecture": ["encoder-only", "decoder-only", "decoder-only", "decoder-only", "encoder-only", "decoder-only", "decoder-only"],
        "weights": ["open", "open", "api", "closed", "open", "open", "closed"],
        "parameters": [1e8, 2e9, np.nan, 3e10, 5e8, 7e10, 1e11]}))
    shares = lineage.share_by_year(toy, "architecture", "decoder-only").set_index("year")
    assert shares.loc[2019, "share"] == 50 and shares.loc[2020, "matching"] == 2 and shares.loc[2021, "share"] == 100
    table = lineage.weights_by_year(toy)
    assert list(table["leader"]) == ["open", "not open", "tie"]
    assert lineage.majority_changes(table) == [(2020, "not open")]
    assert lineage.largest(toy, "decoder-only")["model"] == "g"
    assert lineage.largest(toy, "encoder-only")["model"] == "e"
    over = lineage.over_threshold_by_year(toy, 2e10).set_index("year")
    assert over.loc[2020].tolist() == [1, 1, 1]


# ---------------------------------------------------------------------- the decision flow


@pytest.fixture(scope="module")
def flow_data():
    return data.load("yang2023_flow_nodes"), data.load("yang2023_flow_edges")


def test_flow_chains_the_ten_conditions_of_figure_2(flow_data):
    nodes, edges = flow_data
    assert flow.chain(nodes, edges) == [f"c{i}" for i in range(1, 11)]
    steps = flow.steps(nodes, edges).set_index("node")
    assert steps.loc["c1", "if_yes"] == "LLMs" and steps.loc["c1", "if_no"] == "the next question"
    assert steps.loc["c4", "if_yes"] == "Fine-tuned models"
    assert steps.loc["c8", "if_yes"] == "the next question" and steps.loc["c8", "if_no"] == "Fine-tuned models"
    assert steps.loc["c10", "if_yes"] == "No model works well" and steps.loc["c10", "if_no"] == "LLMs"


def test_every_condition_cites_its_remark(flow_data):
    nodes, _ = flow_data
    conditions = nodes[nodes["role"] == "condition"]
    assert conditions["yang_section"].str.contains(r"Remark \d").all()
    quoted = conditions.dropna(subset=["remark_quote"])
    assert len(quoted) >= 8
    unquoted = conditions[conditions["remark_quote"].isna()]
    assert unquoted["note"].str.contains("not quoted").all()


def test_flow_layout_is_computed_and_has_no_collisions(flow_data):
    nodes, edges = flow_data
    where = flow.layout(nodes, edges)
    assert not where.duplicated(["row", "column"]).any()
    conditions = nodes.loc[nodes["role"] == "condition", "node"]
    assert (where.loc[conditions, "column"] == 0).all()
    assert where.loc[conditions, "row"].is_monotonic_increasing
    assert where.loc["n10", "row"] == where.loc["c10", "row"] + 1  # the second outcome goes below the first
    width, height = flow.size(nodes, edges)
    assert width <= 3.5 and height > where["row"].max() * flow.ROW_HEIGHT


def _toy_flow(extra_edges=()):
    nodes = pd.DataFrame({"node": ["s", "a", "b", "x", "y"], "role": ["start", "condition", "condition", "outcome", "outcome"],
                          "label": ["start", "A?", "B?", "X", "Y"]})
    edges = pd.DataFrame([("s", "a", None), ("a", "b", "N"), ("a", "x", "Y"), ("b", "y", "Y"), *extra_edges],
                         columns=["source_node", "target_node", "answer"])
    return nodes, edges


def test_flow_refuses_loops_and_branching_chains():
    nodes, edges = _toy_flow()
    assert flow.chain(nodes, edges) == ["a", "b"]
    with pytest.raises(flow.FlowError, match="loops"):
        flow.chain(*_toy_flow([("b", "a", "N")]))
    branching = _toy_flow()[1]
    branching.loc[len(branching)] = ("s", "b", None)
    with pytest.raises(flow.FlowError, match="more than one condition"):
        flow.chain(nodes, branching)
    with pytest.raises(flow.FlowError, match="do not exist"):
        flow.chain(*_toy_flow([("b", "z", "N")]))


# ---------------------------------------------------------------------- GPT-3 against the fine-tuned SOTA


@pytest.fixture(scope="module")
def sota():
    return data.load("gpt3_finetuned_sota")


def test_derived_file_agrees_with_table_h1_and_the_main_text_tables(sota):
    h1 = data.load("gpt3_table_h1")
    for setting in ("one_shot", "few_shot"):
        mine = data.lookup(sota, task="WiC", metric="acc", split="dev", setting=setting)
        theirs = data.lookup(h1, model="GPT-3 175B", task="WiC", setting=setting)
        assert mine == theirs
    compare = data.load("yang2023_task_comparisons")
    # Table 3.8 (SuperGLUE test set) is the test-server column of Table H.1.
    assert data.lookup(sota, task="SuperGLUE", metric="average", split="test", setting="few_shot_test_server") == \
        data.lookup(compare, benchmark="SuperGLUE average", system="GPT-3 175B")
    assert data.lookup(sota, task="RTE", metric="acc", split="test", setting="finetuned_sota") == \
        data.lookup(compare, benchmark="RTE", system="Fine-tuned SOTA")
    # Table 3.3 (closed-book QA) equals Table H.1's test rows.
    for task, benchmark in (("NQs", "Natural Questions"), ("WebQs", "WebQuestions")):
        for setting in versus.PROMPTED:
            assert data.lookup(sota, task=task, metric="acc", split="test", setting=setting) == \
                data.lookup(compare, benchmark=benchmark, system="GPT-3 175B", setting=setting)


def test_gpt3_against_sota_on_the_paper(sota):
    table = versus.gpt3_against_sota(sota).set_index("task")
    assert table.loc["LAMBADA", "metric"] == "acc" and table.loc["LAMBADA", "excluded"]
    assert table.loc["CB", "split"] == "dev" and np.isnan(table.loc["WiC", "zero_shot"])
    assert table.loc["DROP", "gap_few_shot"] == pytest.approx(36.5 - 89.1)
    summary = versus.summary(table.reset_index())
    assert set(summary["reached"]) == {"TriviaQA", "Fr→En 14", "De→En 16", "PIQA"}
    assert summary["worst_task"] == "DROP"


def test_gpt3_against_sota_rules_on_a_toy_table():
    rows = []
    for metric, split, settings in (("ppl", "test", {"finetuned_sota": 9, "zero_shot": 3, "one_shot": 3, "few_shot": 2}),
                                    ("acc", "test", {"finetuned_sota": 80, "few_shot_test_server": 70}),
                                    ("acc", "dev", {"finetuned_sota": 80, "zero_shot": 50, "one_shot": 60, "few_shot": 85})):
        for setting, value in settings.items():
            rows.append({"task": "T", "paper_section": "3.9", "metric": metric, "split": split, "setting": setting,
                         "value": value, "unit": "%"})
    table = versus.gpt3_against_sota(pd.DataFrame(rows))
    row = table.iloc[0]
    assert (row["metric"], row["split"], row["gap_few_shot"], row["gap_zero_shot"]) == ("acc", "dev", 5, -30)
    assert versus.summary(table)["reached"] == ["T"]


def test_best_by_approach_respects_the_metrics_direction():
    rows = pd.DataFrame({
        "task_type": "ood", "benchmark": ["a"] * 3 + ["b"] * 3, "metric": "m",
        "higher_is_better": ["false"] * 3 + ["true"] * 3, "unit": "%",
        "system": ["ft", "llm", "rnd"] * 2, "approach": ["fine_tuned", "prompted_llm", "random"] * 2,
        "setting": ["fine_tuned", "zero_shot", "random"] * 2, "value": [60.0, 20.0, 50.0, 60.0, 20.0, 50.0]})
    best = versus.best_by_approach(rows).set_index("benchmark")
    assert best.loc["a", "llm_ahead_by"] == 40 and best.loc["b", "llm_ahead_by"] == -40


def test_h1_rows_convert_to_the_comparison_schema(sota):
    rows = versus.h1_as_comparisons(sota, "Ro→En 16", "Ro→En", "nlg", "Sec. 4.2.1", "BLEU-mb", "test")
    compare = data.load("yang2023_task_comparisons")
    assert set(compare.columns) <= set(rows.columns)
    assert rows.set_index("setting").loc["fine_tuned", "value"] == 39.9
    assert versus.display_name("Ro→En 16", "BLEU-mb") == "Ro→En (BLEU)" and versus.display_name("Copa") == "COPA"


# ---------------------------------------------------------------------- the other curated files


def test_task_comparisons_agree_with_the_books_other_files():
    compare = data.load("yang2023_task_comparisons")
    cot = data.load("cot_solve_rates")
    for setting, cot_setting in (("chain_of_thought", "chain_of_thought"), ("standard", "standard")):
        assert data.lookup(compare, benchmark="GSM8K (2022)", system="PaLM 540B", setting=setting) == \
            data.lookup(cot, model="PaLM 540B", task="GSM8K", setting=cot_setting)
    assert set(compare["task_type"]) >= {"nlu", "knowledge", "reasoning", "ood"}
    assert compare["source"].str.split().str[0].str.rstrip(",;:").isin(citations.references()).all()


NUMBER_WORDS = {2: "two", 4: "four", 8: "eight", 11: "eleven"}


def test_every_claim_is_in_its_sentence():
    claims = data.load("yang2023_practice_claims")
    for _, row in claims.iterrows():
        value = row["value"]
        written = f"{value:g}"
        assert written in row["quote"] or NUMBER_WORDS.get(value, "§") in row["quote"], row["claim"]


def test_pretraining_mixtures_add_up():
    mix = data.load("yang2023_pretraining_mix")
    totals = mix.groupby("model")["share"].sum()
    assert set(totals.index) == {"GPT-3", "PaLM", "LLaMA"}
    assert totals.between(99, 101.5).all(), totals
