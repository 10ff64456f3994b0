"""Lu et al. 2024, emergent abilities and in-context learning: ``ukplab_on_emergence/`` -> ``data/ukplab/``.

The run-level scores of UKPLab/on-emergence (``evaluation_scores.csv``, CC BY-SA 4.0): 22 models or
model variants x 23 tasks x three prompt formats x 0 or few shots x up to three seeds. Written here:

* ``runs.csv``: one row per run (model, task, prompt type, shots, seed) with its four scores: exact-match
  accuracy, BERTScore accuracy, continuous BERTScore and edit distance (wide: four values per run);
* ``models.csv`` (resource ``models_ukplab``): registry rows for the models that ``data/models.csv``
  does not already hold (``davinci`` is its ``GPT-3 175B``, ``gpt2`` its ``GPT-2 117M``, ...), with
  the sizes of Lu et al.'s Table 1;
* ``claims.csv``: what the paper says the prompt types are and what it concludes, with the sentences;
* ``catalogue.yaml``.

Derived data of a CC BY-SA 4.0 file: these files keep that licence. The CSV's -100 means "not computed"
and is written as an empty cell (counted). Exact duplicate lines are left out (counted); a run id
repeated with other content, an unknown model, prompt type or a cell that is not a number raises
``SourceRowError`` naming file, line and column.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path


from .common import (REGISTRY_COLUMNS, SourceRowError, field, read_table, registry_schema, source_number,
                     write_catalogue, write_csv)

FOLDER = "ukplab_on_emergence"  # under ../shared/sources
FILE = "evaluation_scores.csv"
OUT = "ukplab"  # under data/
REPO = "UKPLab/on-emergence"
COMMIT = "f791b653c42251a4dbd0bdc7a064c41ea0a3c51b"  # ../shared/sources/ukplab_on_emergence/PROVENANCE.md
PAPER = "lu2024emergent"
PAPER_VERSION = "arXiv 2309.01809v2, ACL 2024"
TABLE1 = f"{PAPER} ({PAPER_VERSION}), Table 1 (Sec. 2.1), column 'Size'"
BOOK_REGISTRY = "data/models.csv"

# Model names in the CSV that data/models.csv already has -> (registry key, instruction-tuned per Table 1, note).
EXISTING = {
    "davinci": ("GPT-3 175B", "no", "Table 1: davinci, 175B"),
    "gpt2": ("GPT-2 117M", "no", "Table 1: GPT-2, 117M"),
    "gpt2-xl": ("GPT-2 1.5B", "no", "Table 1: GPT-2-XL, 1.6B (data/models.csv says 1.5B)"),
    "EleutherAI/gpt-j-6b": ("GPT-Neo/J 6B", "no", "Table 1: GPT-J, 6.7B (data/models.csv: GPT-J 6B)"),
}
# New registry rows: CSV name -> (key, family, Table 1 name, size as printed, parameters, instruction-tuned).
NEW = {
    "Rachneet/gpt2-alpaca": ("GPT-2-IT", "GPT-2", "GPT-2-IT", "117M", 117_000_000, "yes"),
    "Rachneet/gpt2-xl-alpaca": ("GPT-2-XL-IT", "GPT-2", "GPT-2-XL-IT", "1.6B", 1_600_000_000, "yes"),
    "togethercomputer/GPT-JT-6B-v1": ("GPT-JT", "GPT-Neo/J", "GPT-JT", "6.7B", 6_700_000_000, "yes"),
    "text-davinci-001": ("text-davinci-001", "InstructGPT", "text-davinci-001", "175B", 175_000_000_000, "yes"),
    "text-davinci-003": ("text-davinci-003", "InstructGPT", "text-davinci-003", "175B", 175_000_000_000, "yes"),
    "t5-small": ("T5-small", "T5", "T5-small", "60M", 60_000_000, "no"),
    "google/flan-t5-small": ("Flan-T5-small", "Flan-T5", "Flan-T5-small", "60M", 60_000_000, "yes"),
    "t5-large": ("T5-large", "T5", "T5-large", "770M", 770_000_000, "no"),
    "google/flan-t5-large": ("Flan-T5-large", "Flan-T5", "Flan-T5-large", "770M", 770_000_000, "yes"),
    "tiiuae/falcon-7b": ("Falcon-7B", "Falcon", "Falcon-7B", "7B", 7_000_000_000, "no"),
    "tiiuae/falcon-7b-instruct": ("Falcon-7B-Instruct", "Falcon", "Falcon-7B-Instruct", "7B", 7_000_000_000, "yes"),
    "tiiuae/falcon-40b": ("Falcon-40B", "Falcon", "Falcon-40B", "40B", 40_000_000_000, "no"),
    "tiiuae/falcon-40b-instruct": ("Falcon-40B-Instruct", "Falcon", "Falcon-40B-Instruct", "40B", 40_000_000_000,
                                   "yes"),
    "models--llama/7B": ("LLaMA-7B", "LLaMA", "LLaMA-7B", "7B", 7_000_000_000, "no"),
    "models--llama/13B": ("LLaMA-13B", "LLaMA", "LLaMA-13B", "13B", 13_000_000_000, "no"),
    "models--llama/30B": ("LLaMA-30B", "LLaMA", "LLaMA-30B", "30B", 30_000_000_000, "no"),
    # In the CSV, not in the paper's Table 1: no size from the paper.
    "chavinlo/alpaca-native": ("chavinlo/alpaca-native", "Alpaca", "", "", None, ""),
    "chavinlo/alpaca-13b": ("chavinlo/alpaca-13b", "Alpaca", "", "", None, ""),
    "code": ("code (UKPLab run log)", "OpenAI", "", "", None, ""),
    "gpt-4": ("gpt-4 (UKPLab run log)", "GPT-4", "", "", None, ""),
}
SAME_CHECKPOINT = {  # the same weights under another key elsewhere in the registry (note only)
    "tiiuae/falcon-7b": "tiiuae/falcon-7b", "tiiuae/falcon-40b": "tiiuae/falcon-40b",
    "models--llama/7B": "huggyllama/llama-7b", "models--llama/13B": "huggyllama/llama-13b",
    "models--llama/30B": "huggyllama/llama-30b",
}
METRICS = {  # output column -> CSV column
    "exact_match_accuracy": "exact_match_accuracy",
    "bert_score_accuracy": "bert_score_accuracy",
    "bert_score": "single_bert_score",
    "edit_distance": "edit_distance",
}
NOT_USED_COLUMNS = ["exact_match_f1", "bert_score_f1", "exact_match_loss", "exact_match_gain", "bert_score_loss",
                    "bert_score_gain", "max_new_tokens", "batch_size", "pad_token", "pad_token_id", "eos_token_id",
                    "device"]
PROMPT_TYPES = ["closed", "closed-adv", "open"]
MISSING = "-100"




def paper_source(locator: str) -> str:
    return f"{PAPER} ({PAPER_VERSION}), {locator}"


def run_rows(path: Path) -> tuple[list[dict], Counter, int]:
    """One record per run; also the counts of empty (-100) scores per column and of duplicate lines."""
    header, rows = read_table(path)
    expected = ["run_id", "filename", "number_of_data", "model", "prompt_type", "number_of_shots", "temperature",
                "seed"] + list(METRICS.values()) + NOT_USED_COLUMNS
    absent = sorted(set(expected) - set(header))
    if absent:
        raise SourceRowError(f"{path}, line 1: columns {absent} missing")
    known = {**{m: v[0] for m, v in EXISTING.items()}, **{m: v[0] for m, v in NEW.items()}}
    tuned = {**{m: v[1] for m, v in EXISTING.items()}, **{m: v[5] for m, v in NEW.items()}}
    out, empty, seen, duplicates = [], Counter(), {}, 0
    for line, row in rows:
        run_id = row["run_id"]
        if run_id in seen:
            if seen[run_id][1] == row:
                duplicates += 1
                continue
            raise SourceRowError(f"{path}, line {line}, column 'run_id': {run_id!r} already on line "
                                 f"{seen[run_id][0]} with other values")
        seen[run_id] = (line, row)
        model = row["model"]
        if model not in known:
            raise SourceRowError(f"{path}, line {line}, column 'model': {model!r} is not a known model")
        if row["prompt_type"] not in PROMPT_TYPES:
            raise SourceRowError(f"{path}, line {line}, column 'prompt_type': {row['prompt_type']!r} is not one "
                                 f"of {PROMPT_TYPES}")
        task = row["filename"]
        if not task.endswith("/task.json") or task.count("/") != 1:
            raise SourceRowError(f"{path}, line {line}, column 'filename': {task!r} is not <task>/task.json")
        if not re.fullmatch(r"\d{8}_\d{6}", run_id):
            raise SourceRowError(f"{path}, line {line}, column 'run_id': {run_id!r} is not <date>_<time>")
        record = {"run_id": run_id,
                  "model": known[model], "model_in_source": model, "instruction_tuned": tuned[model],
                  "task": task.split("/")[0], "prompt_type": row["prompt_type"],
                  "shots": source_number(path, line, "number_of_shots", row["number_of_shots"], integer=True),
                  "temperature": source_number(path, line, "temperature", row["temperature"]),
                  "seed": "" if row["seed"] == "None" else source_number(path, line, "seed", row["seed"], integer=True),
                  "number_of_data": source_number(path, line, "number_of_data", row["number_of_data"], integer=True),
                  "kind": "raw", "source": f"{REPO}@{COMMIT}:{FILE}, line {line}"}
        for name, column in METRICS.items():
            text = row[column]
            if text == MISSING:
                empty[name] += 1
                continue
            record[name] = source_number(path, line, column, text)
        out.append(record)
    return out, empty, duplicates


def registry_rows() -> list[dict]:
    rows = []
    for model, (key, family, name, size, parameters, tuned) in NEW.items():
        same = SAME_CHECKPOINT.get(model)
        notes = [f"the CSV's model {model!r}"]
        if tuned:
            notes.append("instruction-tuned" if tuned == "yes" else "not instruction-tuned")
        if same:
            notes.append(f"probably the same weights as the registry's {same!r} (models_obsscaling), whose "
                         "size there may differ")
        if model.startswith("text-davinci"):
            notes.append("OpenAI has not stated this model's size; 175B is Lu et al.'s Table 1 entry for the row "
                         "davinci / text-davinci-001, text-davinci-003")
        if model.startswith("google/flan-t5") or model.startswith("Rachneet") or model.startswith("together") \
                or model.endswith("-instruct"):
            notes.append("Table 1 gives one size per row, for the base model and its instruction-tuned version")
        row = {"model": key, "family": family, "name_in_source": name or model, "flops_method": "unknown",
               "kind": "table" if parameters else "raw",
               "source": TABLE1 if parameters else f"{REPO}@{COMMIT}:{FILE}, column 'model'"}
        if parameters:
            row |= {"parameters": str(parameters), "parameters_kind": "table",
                    "parameters_source": f"{TABLE1} ('{size}')"}
            notes.append("training tokens and FLOPs are not stated in the paper")
        else:
            notes.append("not in the paper's Table 1 (the CSV has its runs): size, tokens and FLOPs not stated")
        row["note"] = "; ".join(notes)
        rows.append(row)
    return rows


CLAIMS = [
    # (claim, task, setting, value, unit, quote, locator, kind, note)
    ("prompt-closed", "", "closed", "", "",
     "In the closed prompt format, we provide answer choices alongside the prompt, while in the open prompt "
     "format, the answer choices are withheld.", "App. B.1", "text",
     "the CSV's prompt_type 'closed': a completion-style prompt listing the answer choices (App. B.1)"),
    ("prompt-open", "", "open", "", "",
     "As a result, experiments utilising the open prompt setting are completely excluded from our analysis.",
     "App. B.1", "text",
     "the CSV's prompt_type 'open': answer choices withheld; the paper leaves these runs out of its analysis "
     "because the outputs rarely resemble the choices"),
    ("prompt-closed-adv", "", "closed-adv", "", "",
     "We leverage this phenomenon by using the “adversarial prompt setting”, wherein the model is required to "
     "generate output choices, such as options “a” or “b” instead of the target choice.", "App. B.2", "text",
     "the CSV's prompt_type 'closed-adv' = the paper's 'closed adversarial' prompting strategy (App. C) = the "
     "'adversarial prompt setting' of App. B.2, scored with a relaxed exact match (correct if the output "
     "contains the correct option)"),
    ("prompt-strategies", "", "closed; closed-adv", "", "",
     "For each case, we employ the prompting strategies: closed, and closed adversarial, as discussed in "
     "Section B.1.", "App. C", "text", ""),
    ("emergent-tasks-without-icl", "22 tasks (Table 2)", "zero-shot, non-instruction-tuned GPT", "2", "tasks",
     "An analysis of Figure 1, presented in Table 2 indicates that just two tasks are “emergent” when we "
     "control for ICL.", "Sec. 3", "text",
     "the two are Nonsense words grammar (formal linguistic) and Hindu knowledge (recall), per the following "
     "sentences of Sec. 3"),
    ("marginal-tasks-without-icl", "Misconceptions; Strategy QA", "zero-shot, non-instruction-tuned GPT", "2",
     "tasks",
     "While two additional tasks (Misconceptions and Strategy QA) also have unpredictable above-baseline "
     "performance, the improvement is only marginal, as these tasks are binary classification tasks with a "
     "random baseline of 50% accuracy.", "Sec. 3", "text", ""),
    ("table2-emergent-yes", "22 tasks (Table 2)", "zero-shot, davinci", "4", "tasks",
     "* indicates that the increase above the random baseline is less than 5%.", "Table 2", "table",
     "Table 2's Emergent column says Yes for 4 tasks: NS words grammar, Hindu knowledge, Misconceptions (*) and "
     "Strategy QA (*); the text counts the two starred ones as marginal, hence 'just two'"),
    ("no-functional-emergence", "22 tasks", "zero-shot, davinci", "0", "functional linguistic abilities",
     "As such, we find no functional linguistic abilities emergent in davinci, the non-instruction-tuned 175B "
     "GPT model in the absence of ICL.", "Sec. 3", "text", ""),
    ("models", "", "", "20", "models",
     "We experiment with 20 models across 22 tasks using two different settings.", "Sec. 2", "text",
     "the CSV also holds runs of four models outside Table 1 (chavinlo/alpaca-native, chavinlo/alpaca-13b, "
     "code, gpt-4)"),
    ("tasks", "", "", "22", "tasks",
     "We experiment with 20 models across 22 tasks using two different settings.", "Sec. 2", "text",
     "the CSV holds a 23rd task, international_phonetic_alphabet_transliterate (64 runs)"),
    ("previously-emergent-tasks", "", "", "14", "tasks",
     "Out of 17 such tasks in the BIG-bench dataset (Srivastava et al., 2023), we incorporate 14 into our "
     "study.", "Sec. 2.2", "text", "plus seven tasks not identified as emergent and GSM8K"),
    ("adversarial-above-baseline", "22 tasks", "closed-adv, non-instruction-tuned GPT-3", "7", "tasks",
     "Of these seven tasks on which the non-instruction-tuned version of GPT-3 performs above the random "
     "baseline, three are predictable based on the performance of smaller models and thus not considered "
     "emergent.", "App. B.2", "text", ""),
    ("adversarial-predictable", "22 tasks", "closed-adv, non-instruction-tuned GPT-3", "3", "tasks",
     "Of these seven tasks on which the non-instruction-tuned version of GPT-3 performs above the random "
     "baseline, three are predictable based on the performance of smaller models and thus not considered "
     "emergent.", "App. B.2", "text", ""),
    ("icl-vs-instruction-overlap", "21 tasks (Modified arithmetic excluded)",
     "GPT-J few-shot vs Flan-T5-large zero-shot", "5", "tasks",
     "There are exactly five of the 21 tasks we test wherein one model performs markedly above the random "
     "baseline while the other does not.", "Sec. 4.1", "text", ""),
    ("instruction-tuned-congruence", "22 tasks",
     "zero-shot: Flan-T5-large vs text-davinci-001 and text-davinci-003", "16", "tasks",
     "There is a substantial overlap in the tasks on which Flan-T5-large performs above the baseline and those "
     "on which text-davinci-001 and text-davinci-003 do: 16 of the 22 tasks we experiment with show this "
     "congruence.", "Sec. 4.2", "text", ""),
    ("seeds", "", "locally run models", "3", "runs per experiment",
     "To consider the variability in responses, we conduct each experiment three times and calculate the "
     "average result.", "App. C", "text",
     "the CSV's three seeds (105, 2266, 86379) at temperature 0.01; the OpenAI models were run once at "
     "temperature 0 (App. C), so their rows have no seed"),
    ("metric", "", "", "", "",
     "The majority of the results we present in our analysis are based on this evaluation metric.", "Sec. 2.4",
     "text", "this metric = BERTScore accuracy; Modified arithmetic, GSM8K and Codenames are scored by exact "
             "match only (Sec. 2.4)"),
]


def claim_rows() -> list[dict]:
    return [{"claim": claim, "paper": PAPER, "task": task, "setting": setting, "value": value, "unit": unit,
             "quote": quote, "kind": kind, "source": paper_source(locator), "note": note}
            for claim, task, setting, value, unit, quote, locator, kind, note in CLAIMS]


# --- catalogue -----------------------------------------------------------------------------------

LICENCE = {"name": "CC-BY-SA-4.0", "path": "https://creativecommons.org/licenses/by-sa/4.0/",
           "title": "UKPLab/on-emergence's evaluation_scores.csv is CC BY-SA 4.0; this derived file keeps "
                    "that licence (share-alike)"}
CLAIM_LICENCE = "cc-by-4.0-facts"  # a shared definition of data/catalogue.yaml



def catalogue(runs: list[dict], empty: Counter, duplicates: int, models: list[dict]) -> dict:
    by_prompt = Counter(r["prompt_type"] for r in runs)
    mapped = "; ".join(f"{csv_name} -> {key} ({note})" for csv_name, (key, _, note) in EXISTING.items())
    runs_desc = (
        f"{len(runs)} runs, one row each, from {REPO}@{COMMIT[:12]}:{FILE} ({len(runs) + duplicates:,} data "
        f"lines; {duplicates} exact duplicate lines left out: Flan-T5-small Codenames runs listed twice). "
        "Columns as the CSV gives "
        "them: the model (registry key; model_in_source is the CSV's name), the BIG-bench task folder (or "
        "gsm8k), prompt_type, shots (0 or 5; causal_judgment 2 and strange_stories 4 in the few-shot runs), seed "
        "(three per "
        "locally run model; none for the OpenAI API models, run once at temperature 0), temperature and the "
        "number of test examples; then four scores per run: exact_match_accuracy (share of outputs equal to "
        "the target; for closed-adv a relaxed match on the option letter, App. B.2), bert_score_accuracy (share "
        "of outputs whose BERTScore is highest for the correct option, the paper's main metric, Sec. 2.4), "
        "bert_score (the CSV's single_bert_score: continuous BERTScore) and edit_distance (string edit distance "
        "to the target, lower is better). prompt_type: closed = completion-style prompt listing the answer "
        "choices; closed-adv = 'closed adversarial', the model must output an option letter; open = choices "
        "withheld, excluded from the paper's analysis (App. B.1, B.2; claims.csv). Runs per prompt type: "
        + ", ".join(f"{p} {n}" for p, n in sorted(by_prompt.items())) + ". The CSV's -100 means not computed "
        "and is left empty: " + ", ".join(f"{k} {n}" for k, n in sorted(empty.items())) + " runs. "
        "instruction_tuned is Lu et al.'s Table 1 split (empty for the four models outside it). Left out: the "
        f"columns {', '.join(NOT_USED_COLUMNS)} (F1 variants, -100 placeholders and run settings). Mapped to "
        f"{BOOK_REGISTRY}: {mapped}. Licence CC BY-SA 4.0, inherited from the source file.")
    registry_desc = (
        f"{len(models)} models of the runs that {BOOK_REGISTRY} does not hold. Parameters are the sizes of Lu et "
        "al. Table 1 as printed (one size per row, shared by a base model and its instruction-tuned version; "
        "e.g. 'GPT-J 6.7B', 'LLaMA-30B'), which may differ from other sources; the paper states no training "
        "tokens or FLOPs. Four models have runs in the CSV but are not in Table 1 and get no size. The Falcon and "
        "LLaMA checkpoints are probably the same weights as models_obsscaling's tiiuae/falcon-* and "
        "huggyllama/llama-* (note); they are kept under the paper's names because the two sources state "
        "different sizes.")
    claims_desc = (
        f"{len(CLAIMS)} statements of Lu et al. (arXiv 2309.01809v2, the ACL 2024 version), with the sentence: "
        "what the CSV's prompt types are, and the paper's conclusion that with in-context learning controlled "
        "for (zero-shot, non-instruction-tuned GPT) 'just two tasks' of 22 are emergent, both not functional "
        "linguistic abilities (Nonsense words grammar, Hindu knowledge), while Table 2 marks two more with a "
        "less-than-5% gain. Located by section, table or appendix (the full text of v2 was read as a "
        "transcription without page numbers).")
    return {"resources": [
        {"name": "models_ukplab", "path": "models.csv",
         "title": "Model registry: the models of Lu et al. 2024 not already in data/models.csv",
         "description": registry_desc, "format": "csv", "encoding": "utf-8", "licenses": [CLAIM_LICENCE],
         "schema": {"primaryKey": ["model"], "fields": registry_schema(
             field("model", description="Lu et al.'s Table 1 name, or the CSV's name for models outside it.",
                   required=True, unique=True),
             field("family", required=True,
                   enum=sorted({family for _, family, *_ in NEW.values()})),
             parameters="Size as Lu et al. Table 1 prints it.",
             tokens="Not stated (empty).",
             flops="Not stated (empty).")}},
        {"name": "ukplab_runs", "path": "runs.csv",
         "title": "Lu et al. 2024: every run's scores (model x task x prompt type x shots x seed)",
         "description": runs_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": [
             field("run_id", description="The CSV's run id (date_time; names the output file on tudatalib).",
                   required=True),
             field("model", description=f"Registry key (models_ukplab or {BOOK_REGISTRY}).", required=True),
             field("model_in_source", required=True),
             field("instruction_tuned", description="yes/no as Lu et al. Table 1 splits the models.",
                   enum=["yes", "no"]),
             field("task", description="BIG-bench task folder name, or gsm8k.", required=True),
             field("prompt_type", required=True, enum=PROMPT_TYPES),
             field("shots", "integer", required=True, minimum=0),
             field("temperature", "number", required=True, minimum=0),
             field("seed", "integer", "Empty for the API models (one run at temperature 0)."),
             field("number_of_data", "integer", "Test examples in the run.", required=True, minimum=1),
             field("exact_match_accuracy", "number", "Fraction (0-1).", minimum=0, maximum=1),
             field("bert_score_accuracy", "number", "Fraction (0-1); empty where not computed.", minimum=0,
                   maximum=1),
             field("bert_score", "number", "Continuous BERTScore (the CSV's single_bert_score).", minimum=0,
                   maximum=1),
             field("edit_distance", "number", "Mean string edit distance to the target (lower is better).",
                   minimum=0),
             "kind", "source"]}},
        {"name": "ukplab_claims", "path": "claims.csv",
         "title": "Lu et al. 2024: prompt types and conclusions, with the sentences",
         "description": claims_desc, "format": "csv", "encoding": "utf-8", "licenses": [CLAIM_LICENCE],
         "schema": {"primaryKey": ["claim"], "fields": [
             field("claim", required=True, unique=True), field("paper", required=True), field("task"),
             field("setting"), field("value", "number", "The number the sentence states (empty for definitions)."),
             field("unit"), field("quote", required=True), "kind", "source", "note"]}},
    ]}




RUN_COLUMNS = ["run_id", "model", "model_in_source", "instruction_tuned", "task", "prompt_type", "shots",
               "temperature", "seed", "number_of_data", *METRICS, "kind", "source"]
CLAIM_COLUMNS = ["claim", "paper", "task", "setting", "value", "unit", "quote", "kind", "source", "note"]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/ukplab/ (runs, registry, claims, catalogue) from ../shared/sources/ukplab_on_emergence."""
    runs, empty, duplicates = run_rows(Path(sources) / FOLDER / FILE)
    models = registry_rows()
    target = Path(out) / OUT
    written = [write_csv(target / "runs.csv", RUN_COLUMNS, runs),
               write_csv(target / "models.csv", REGISTRY_COLUMNS, models),
               write_csv(target / "claims.csv", CLAIM_COLUMNS, claim_rows())]
    content = catalogue(runs, empty, duplicates, models)
    header = ("# Written by emergent_survey/sources/ukplab.py (make data); edit the module, not this file.\n"
              f"# Source: {REPO}@{COMMIT}:{FILE} (../shared/sources/{FOLDER}), CC BY-SA 4.0; "
              f"{PAPER} ({PAPER_VERSION}).\n")
    written.append(write_catalogue(target / "catalogue.yaml", content, header))
    return written
