"""data/obsscaling/ and data/epoch/: values equal the raw files, and a malformed source row is an error
naming file, line and column (that the modules reproduce the committed files is tests/test_derive_data.py's)."""

import csv
import math
from pathlib import Path

import pytest
from broken_files import copy_sources, set_cell

from emergent_survey import data, registry
from emergent_survey.sources import epoch, obsscaling
from emergent_survey.sources.common import SourceRowError, source_number

OBS = "obsscaling_emergent"


def raw_rows(path: Path) -> dict[str, dict]:
    """A source CSV by its first column (Model, or Epoch's record id)."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return {row[next(iter(row))]: row for row in rows}


# --- committed files, without ../shared -----------------------------------------------------------

def test_registry_has_every_model_once_and_obsscaling_keys_are_csv_names():
    models = registry.models()  # raises if a key is defined twice
    obs = models[models["registry_file"] == "models_obsscaling"]
    assert len(obs) == 148 + 27
    llama = obs.loc["meta-llama/Llama-2-7b-hf"]
    assert (llama["family"], llama["parameters"], llama["training_tokens"]) == ("Llama-2", 7e9, 2e12)
    assert llama["training_flops"] == pytest.approx(8.4e22)  # the paper's default cutoff model (Sec. 4)


def test_undisclosed_compute_stays_missing():
    models = registry.models()
    for key in ("gpt-4-0613", "claude-2.0", "mistralai/Mistral-7B-v0.1", "openai-community/gpt2"):
        assert math.isnan(models.loc[key, "training_flops"]), key
        assert models.loc[key, "flops_method"] == "unknown"


def test_overlapping_models_name_an_existing_key_of_models_csv():
    curated = set(data.load("models")["model"])
    obs = data.load("models_obsscaling").set_index("model")
    for model, key in obsscaling.ALSO_IN_MODELS_CSV.items():
        assert key in curated
        assert f"'{key}'" in obs.loc[model, "note"]


def test_model_sets_give_the_papers_split():
    sets = data.load("obsscaling_model_sets").set_index("model")["model_set"]
    claims = data.load("obsscaling_claims").set_index("claim")["value"]
    models = data.load("models_obsscaling").set_index("model")
    paper = models.loc[sets[sets == "paper"].index]
    cutoff = claims["default_cutoff_flops"]
    train = paper["training_flops"] <= cutoff  # models without FLOPs fall in the test set
    assert len(paper) == claims["paper_models"] == 77
    assert train.sum() == claims["default_cutoff_train_models"]
    assert (~train).sum() == claims["default_cutoff_test_models"]
    assert (sets == "preregistered").sum() == claims["preregistered_models"]


def test_bbh_rows_carry_chance_and_the_normalized_value():
    cot = data.load("obsscaling_cot")
    row = cot[(cot["model"] == "meta-llama/Llama-2-7b-hf") & (cot["task"] == "BBH date_understanding")
              & (cot["setting"] == "chain_of_thought") & (cot["matching"] == "flexible")].iloc[0]
    assert row["chance"] == pytest.approx(1 / 6)
    assert row["value_normalized"] == pytest.approx((row["value"] - 1 / 6) / (1 - 1 / 6))


def test_epoch_join_copies_compute_from_the_notable_models_file():
    bench = data.load("epoch_benchmarks")
    notable = data.load("epoch_notable_models").set_index("model")
    matched = bench[bench["join_status"] == "matched"]
    assert len(matched) > 100
    for _, row in matched.iterrows():
        assert row["epoch_model"] in notable.index
        expected = notable.loc[row["epoch_model"], "training_compute_flop"]
        assert (math.isnan(expected) and math.isnan(row["training_compute_flop"])) or \
            row["training_compute_flop"] == expected
    unmatched = bench[bench["join_status"] != "matched"]
    assert unmatched["training_compute_flop"].isna().all()


# --- against the raw files (../shared/sources) ----------------------------------------------------

def test_flops_are_the_csv_times_1e21(shared_sources):
    rows = raw_rows(shared_sources / OBS / "base_llm_benchmark_eval.csv")
    models = data.load("models_obsscaling").set_index("model")
    checked = 0
    for model, row in rows.items():
        if row["FLOPs (1E21)"]:
            assert models.loc[model, "training_flops"] == pytest.approx(float(row["FLOPs (1E21)"]) * 1e21, rel=1e-12)
            assert models.loc[model, "parameters"] == pytest.approx(float(row["Model Size (B)"]) * 1e9, rel=1e-12)
            checked += 1
        else:
            assert math.isnan(models.loc[model, "training_flops"])
    assert checked == 123


def test_gsm8k_chain_of_thought_value_equals_the_csv(shared_sources):
    # Column names of this file hold commas inside quotes.
    row = raw_rows(shared_sources / OBS / "base_llm_post_training_eval.csv")["meta-llama/Llama-2-13b-hf"]
    cot = data.load("obsscaling_cot")
    ours = cot[(cot["model"] == "meta-llama/Llama-2-13b-hf") & (cot["task"] == "GSM8K")]
    pick = ours.set_index(["setting", "matching"])["value"]
    assert pick[("chain_of_thought", "strict")] == float(row["gsm8k_cot_8_exact_match,strict-match"]) == 0.254
    assert pick[("standard", "flexible")] == float(row["gsm8k_5_exact_match,flexible-extract"])
    assert pick[("self_consistency", "strict")] == float(row["gsm8k_cot_self_consistency_8_exact_match,maj@5"])
    assert pick[("zero_shot_cot", "flexible")] == float(row["gsm8k_cot_zeroshot_0_exact_match,flexible-extract"])


def test_emergent_task_value_equals_the_csv(shared_sources):
    row = raw_rows(shared_sources / OBS / "base_llm_emergent_capability_eval.csv")["meta-llama/Llama-2-70b-hf"]
    emergent = data.load("obsscaling_emergent_tasks")
    ours = emergent[emergent["model"] == "meta-llama/Llama-2-70b-hf"].set_index(["task", "metric"])["value"]
    assert ours[("Persian QA", "accuracy")] == float(row["parsinlu_qa_2_acc"])
    assert ours[("IPA transliterate", "bleu")] == float(row["ipa_transliterate_2_bleu"])


def test_epoch_mmlu_row_equals_the_compilation(shared_sources):
    rows = raw_rows(shared_sources / "epoch_benchmarks" / "data" / "external_benchmark_mmlu.csv")
    bench = data.load("epoch_benchmarks").set_index("epoch_record")
    record = next(r for r in rows.values() if r["Name"] == "Chinchilla 70B")
    ours = bench.loc[record["id"]]
    assert ours["value"] == float(record["EM"].rstrip("%")) == 67.5
    assert ours["source"] == f"{record['Source']}, {record['Source link']}"
    assert "external_benchmark_mmlu.csv" in ours["note"] and record["id"] in ours["note"]
    assert ours["join_status"] == "matched" and ours["training_compute_flop"] == 5.76e23


# Reproducing the committed files is tests/test_derive_data.py's job (every module, once).


# --- malformed input -----------------------------------------------------------------------------

@pytest.mark.parametrize("file, line, column, value", [
    ("base_llm_post_training_eval.csv", 5, "gsm8k_cot_8_exact_match,strict-match", "n/a"),
    ("base_llm_benchmark_eval.csv", 9, "FLOPs (1E21)", "84 (est.)"),
    ("base_llm_emergent_capability_eval.csv", 3, "parsinlu_qa_2_acc", "inf"),
])
def test_malformed_obsscaling_cell_names_file_line_and_column(shared_sources, tmp_path, file, line, column, value):
    sources = copy_sources(shared_sources, tmp_path, OBS)
    set_cell(sources / OBS / file, line, column, value)
    with pytest.raises(SourceRowError) as error:
        obsscaling.derive(sources, tmp_path / "data", tmp_path / "figures")
    assert f"{file}, line {line}, column '{column}'" in str(error.value)


def test_normalized_value_that_disagrees_with_chance_is_an_error(shared_sources, tmp_path):
    sources = copy_sources(shared_sources, tmp_path, OBS)
    column = "bbh_fewshot_navigate_3_exact_match,strict-match,norm"
    set_cell(sources / OBS / "base_llm_post_training_eval.csv", 4, column, "0.9")
    with pytest.raises(SourceRowError, match=rf"line 4, column '{column}'.*chance"):
        obsscaling.derive(sources, tmp_path / "data", tmp_path / "figures")


def test_unknown_model_in_an_observation_file_is_an_error(shared_sources, tmp_path):
    sources = copy_sources(shared_sources, tmp_path, OBS)
    set_cell(sources / OBS / "base_llm_emergent_capability_eval.csv", 6, "Model", "nobody/no-model")
    with pytest.raises(SourceRowError, match=r"emergent_capability_eval.csv, line 6, column 'Model'"):
        obsscaling.derive(sources, tmp_path / "data", tmp_path / "figures")


def test_malformed_epoch_score_names_file_line_and_column(shared_sources, tmp_path):
    sources = copy_sources(shared_sources, tmp_path, "epoch_benchmarks", "epoch_ai_notable_models")
    set_cell(sources / "epoch_benchmarks" / "data" / "external_benchmark_bbh.csv", 3, "Average", "45 percent")
    with pytest.raises(SourceRowError, match=r"external_benchmark_bbh.csv, line 3, column 'Average'"):
        epoch.derive(sources, tmp_path / "data", tmp_path / "figures")


def test_reader_counts_lines_of_multi_line_records(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('Model,Notes,x\na,"two\nlines",1\nb,,oops\n', encoding="utf-8")
    _, rows = obsscaling.read_table(path)
    assert [line for line, _ in rows] == [2, 4]
    with pytest.raises(SourceRowError, match=r"t.csv, line 4, column 'x': 'oops' is not a number"):
        source_number(path, rows[1][0], "x", rows[1][1]["x"], allow_empty=True)
