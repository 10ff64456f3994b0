"""Per-run data for the chapter "Is emergence a mirage?": Pythia, the OLMo 2 ladder, Wu & Lo, Lu et al.
and Schaeffer et al.

Values are checked against the raw files they come from (when ../shared is present), a broken input
row must fail naming file, row and column, and the registry rows agree with the papers' stated totals
(that the modules reproduce the committed files is tests/test_derive_data.py's, 6ND and registry keys
tests/test_registry.py's).
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from broken_files import broken_copy

from emergent_survey import data
from emergent_survey.sources import olmo_ladder, pythia, schaeffer2023, ukplab, wu_lo

PYTHIA_12B_FINAL = "pythia_evals/evals/pythia-v1/pythia-12b/zero-shot/12b_step143000.json"
OLMO_LOGS = Path("olmo_ladder") / olmo_ladder.LOGS
WU_LO_MMLU = "expemergence_wu_lo/data/mmlu/mmlu_instance_brier_-1000_31.622776601683793_10_redist.csv"
UKPLAB_SCORES = "ukplab_on_emergence/evaluation_scores.csv"


def rows_of(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- the committed files -------------------------------------------------------------------------

def test_ukplab_registry_states_no_compute():
    models = data.load("models_ukplab")
    assert (models["flops_method"] == "unknown").all() and models["training_tokens"].isna().all()


def test_pythia_checkpoint_tokens_follow_the_batch():
    models = data.load("models_pythia").set_index("model")
    assert models.loc["Pythia 12B", "training_tokens"] == 299_892_736_000  # p. 5 of the paper
    assert models.loc["Pythia 1.4B deduped step 13000", "training_tokens"] == 13000 * 2_097_152
    assert models.loc["Pythia 1B", "parameters"] == 805_736_448  # Table 1, non-embedding
    step0 = models[models.index.str.endswith(" step 0")]
    assert len(step0) == 15 and step0["training_flops"].isna().all() and (step0["flops_method"] == "unknown").all()
    evals = data.load("pythia_evals")
    assert not evals["model"].str.startswith("Pythia 1B step").any()  # only a bf16 1B run is evaluated
    assert set(evals["task"]) == {"lambada_openai", "piqa", "sciq", "winogrande", "arc_easy", "arc_challenge",
                                  "logiqa", "wsc", "mmlu"}
    assert (evals.loc[evals["task"] == "mmlu", "kind"] == "derived").all()


def test_olmo_registry_matches_the_papers_compute():
    models = data.load("models_olmo_ladder").set_index("model")
    ladder = [f"OLMo ladder {size} {k}xC" for size in ["190M", "370M", "760M", "1B"] for k in ["1", "2", "5", "10"]]
    # Bhagia et al. Sec. 2.1: the 16 ladder runs cost 5.2e21 FLOPs; 7B-4T 1.6e23, 13B-5T 3.9e23 (C = 6ND).
    assert f"{models.loc[ladder, 'training_flops'].sum():.1e}" == "5.2e+21"
    assert f"{models.loc['OLMo 2 7B-4T', 'training_flops']:.1e}" == "1.6e+23"
    assert f"{models.loc['OLMo 2 13B-5T', 'training_flops']:.1e}" == "4.0e+23"  # the paper rounds down to 3.9
    assert models.loc["OLMo ladder 190M 1xC", "training_tokens"] == 7272 * 524_288  # Table 1 steps x batch


def test_olmo_flagged_spike_is_the_ice_outlier():
    olmo2 = data.load("olmo2_checkpoints")
    row = olmo2[(olmo2["model"] == "OLMo 2 7B stage 1") & (olmo2["step"] == 365000)].iloc[0]
    assert row["ce_flagged"] == "ice" and row["ce_ice"] == pytest.approx(2.782, abs=5e-4)
    assert olmo2["ce_flagged"].fillna("").str.contains("c4_en").sum() == 0


def test_wu_lo_levels_run_from_easy_to_hard():
    bins = data.load("wu_lo_bins")
    mmlu = bins[(bins["task"] == "mmlu") & (bins["groups"] == 10)]
    for difficulty_by, group0_level in [("tc_brier", 1), ("accuracy", 10)]:
        part = mmlu[mmlu["difficulty_by"] == difficulty_by]
        assert set(part.loc[part["group"] == 0, "level"]) == {group0_level}
    # A mid-sized model does better on the easiest level than on the hardest, whatever the grouping.
    llama = mmlu[mmlu["model"] == "meta-llama/Llama-2-13b-hf"].set_index(["difficulty_by", "level"])["value"]
    assert llama[("tc_brier", 1)] < llama[("tc_brier", 10)]
    assert llama[("accuracy", 1)] > llama[("accuracy", 10)]


def test_ukplab_licence_and_mapping():
    resource = data.catalogue().get_resource("ukplab_runs")
    assert [lic["name"] for lic in resource.licenses] == ["CC-BY-SA-4.0"]
    runs = data.load("ukplab_runs")
    assert set(runs.loc[runs["model_in_source"] == "davinci", "model"]) == {"GPT-3 175B"}
    assert "GPT-3 175B" not in set(data.load("models_ukplab")["model"])
    claims = data.load("ukplab_claims").set_index("claim")
    assert claims.loc["emergent-tasks-without-icl", "value"] == 2


def test_schaeffer_claims():
    claims = data.load("schaeffer2023_claims").set_index("claim")
    assert claims.loc["two-metrics-share", "value"] == 92
    assert claims.loc["hand-annotated-metrics", "value"] == 4
    assert "Multiple Choice Grade and Exact String Match" in claims.loc["two-metrics", "quote"]


# --- against the raw files (../shared) -----------------------------------------------------------

def test_pythia_12b_final_lambada_equals_the_json(shared_sources):
    results = json.loads((shared_sources / PYTHIA_12B_FINAL).read_text())["results"]
    evals = data.load("pythia_evals")
    final = evals[(evals["model"] == "Pythia 12B step 143000") & (evals["setting"] == "zero_shot")]
    value = final.set_index(["task", "metric"])["value"]
    assert value[("lambada_openai", "accuracy")] == results["lambada_openai"]["acc"]
    assert value[("lambada_openai", "perplexity")] == results["lambada_openai"]["ppl"]
    subjects = [v["acc"] for k, v in results.items() if k.startswith("hendrycksTest-")]
    assert len(subjects) == 57
    assert value[("mmlu", "accuracy")] == pytest.approx(math.fsum(subjects) / 57, rel=1e-15)


def test_pythia_table1_is_read_from_the_pdf(shared_sources):
    counts = pythia.table1_parameters(shared_sources / pythia.PDF)
    assert counts["70M"] == 18_915_328 and counts["12B"] == 11_327_027_200


def test_olmo_final_step_equals_the_log(shared_sources):
    log = rows_of(shared_sources / OLMO_LOGS / "1B-10xC.csv")[-1]
    ladder = data.load("olmo_ladder_checkpoints")
    last = ladder[ladder["model"] == "OLMo ladder 1B 10xC"].iloc[-1]
    assert last["step"] == int(log["_step"])
    assert last["training_tokens"] == int(log["throughput/total_tokens"])
    assert last["ce_c4_en"] == float(log["eval/c4_en-validation/CrossEntropyLoss"])
    assert last["hellaswag_val_rc_acc"] == float(log["eval/downstream/hellaswag_val_rc_5shot_len_norm"])
    assert last["mmlu_stem_test_bpb"] == float(log["eval/downstream_bpb/mmlu_stem_test_rc_5shot_bpb"])


def test_wu_lo_bins_of_one_model_equal_the_file(shared_sources):
    row = next(r for r in rows_of(shared_sources / WU_LO_MMLU) if r["Model"] == "meta-llama/Llama-2-7b-hf")
    bins = data.load("wu_lo_bins")
    ours = bins[(bins["model"] == "meta-llama/Llama-2-7b-hf") & (bins["task"] == "mmlu") & (bins["groups"] == 10)
                & (bins["difficulty_by"] == "tc_brier")].sort_values("group")
    columns = [c for c in row if c.endswith("_brier") and c[0].isdigit()]
    assert len(columns) == 10 and list(ours["questions"]) == [c[:-6].replace("_", "-") for c in columns]
    assert list(ours["value"]) == [float(row[c]) for c in columns]


def test_ukplab_run_equals_the_csv(shared_sources):
    source = rows_of(shared_sources / UKPLAB_SCORES)[0]
    run = data.load("ukplab_runs").set_index("run_id").loc[source["run_id"]]
    assert run["exact_match_accuracy"] == float(source["exact_match_accuracy"])
    assert run["bert_score_accuracy"] == float(source["bert_score_accuracy"])
    assert run["edit_distance"] == float(source["edit_distance"])


# Reproducing the committed files is tests/test_derive_data.py's job (every module, once).


# --- broken inputs fail naming file, row and column ----------------------------------------------

def test_pythia_broken_value_is_named(shared_sources, tmp_path):
    source = shared_sources / "pythia_evals" / "evals/pythia-v1/pythia-70m/zero-shot/70m_step1000.json"
    folder = tmp_path / "evals/pythia-v1/pythia-70m/zero-shot"
    folder.mkdir(parents=True)
    content = json.loads(source.read_text())
    content["results"]["piqa"]["acc"] = "high"
    (folder / source.name).write_text(json.dumps(content))
    with pytest.raises(pythia.SourceRowError, match=r"70m_step1000.json, results\['piqa'\], column 'acc'"):
        pythia.collect(tmp_path)


def test_olmo_broken_cell_is_named(shared_sources, tmp_path):
    broken = broken_copy(shared_sources / OLMO_LOGS / "190M-1xC.csv", tmp_path / "190M-1xC.csv", 5,
                         "eval/downstream/piqa_val_rc_5shot_len_norm", "n/a")
    with pytest.raises(olmo_ladder.SourceRowError,
                       match=r"190M-1xC.csv, line 5, column 'eval/downstream/piqa_val_rc_5shot_len_norm'"):
        olmo_ladder.checkpoint_rows(broken, broken.name, "OLMo ladder 190M 1xC", mc=False, batch=524_288)


def test_wu_lo_broken_cell_is_named(shared_sources, tmp_path):
    source = shared_sources / WU_LO_MMLU
    # In a folder named as the task's: parse_name reads it.
    broken = broken_copy(source, tmp_path / "mmlu" / source.name, 3, "1404_2808_brier", "abc")
    info = wu_lo.parse_name(broken)
    meta = wu_lo.obsscaling_meta(shared_sources)
    with pytest.raises(wu_lo.SourceRowError, match=r"line 3, column '1404_2808_brier'"):
        wu_lo.read_file(broken, info, meta, Counter())


def test_wu_lo_partial_row_is_named(shared_sources, tmp_path):
    source = shared_sources / WU_LO_MMLU
    broken = broken_copy(source, tmp_path / "mmlu" / source.name, 6, "0_1404_brier", "")
    with pytest.raises(wu_lo.SourceRowError, match=r"line 6, column '0_1404_brier': empty"):
        wu_lo.read_file(broken, wu_lo.parse_name(broken), wu_lo.obsscaling_meta(shared_sources), Counter())


def test_ukplab_broken_cell_is_named(shared_sources, tmp_path):
    broken = broken_copy(shared_sources / UKPLAB_SCORES, tmp_path / "evaluation_scores.csv", 4, "edit_distance", "far")
    with pytest.raises(ukplab.SourceRowError, match=r"evaluation_scores.csv, line 4, column 'edit_distance'"):
        ukplab.run_rows(broken)


def test_ukplab_unknown_model_is_named(shared_sources, tmp_path):
    broken = broken_copy(shared_sources / UKPLAB_SCORES, tmp_path / "evaluation_scores.csv", 3, "model", "gpt-5")
    with pytest.raises(ukplab.SourceRowError, match=r"line 3, column 'model': 'gpt-5'"):
        ukplab.run_rows(broken)


def test_schaeffer_quote_not_on_its_page_is_named(shared_sources, monkeypatch):
    claim = list(schaeffer2023.CLAIMS[0])
    claim[1] = 3  # the 92% sentence is on p. 2
    monkeypatch.setattr(schaeffer2023, "CLAIMS", [tuple(claim)])
    with pytest.raises(schaeffer2023.SourceRowError, match=r"page 3, claim 'metrics-carry-92pct'"):
        schaeffer2023.claim_rows(shared_sources / schaeffer2023.PDF)


# A broken row of a committed file (wu_lo/overall.csv): tests/test_data.py, test_broken_cell_is_named.
