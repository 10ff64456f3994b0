"""Ruan et al. 2024, Observational Scaling Laws: ``obsscaling_emergent/`` -> ``data/obsscaling/``.

The authors' own evaluation results (ryoungj/ObsScaling, ``eval_results/``, Apache-2.0) for about 150
open base models and 27 instruction-tuned or proprietary models, written as tidy files:

* ``models.csv`` (resource ``models_obsscaling``): the registry of these models, keyed by the CSV's
  ``Model`` name, with parameters, pretraining tokens and training FLOPs as the CSV gives them;
* ``model_sets.csv``: which models the paper analyses (77), which it pre-registered (20), which it only
  collected, and the instruction-tuned set;
* ``emergent_tasks.csv``: Wei et al. 2022's emergent tasks re-run 2-shot on open models;
* ``cot.csv``: GSM8K with and without chain of thought and self-consistency, and every BIG-Bench Hard
  task 3-shot direct vs chain of thought, strict and flexible answer matching;
* ``benchmarks.csv``, ``leaderboard_v2.csv``, ``instruct_benchmarks.csv``: the benchmark matrices;
* ``claims.csv``: numbers the paper states (variance explained, cut-offs, fitted curves and their errors);
* ``catalogue.yaml``: the folder's catalogue, written here so its counts of empty cells stay true.

Nothing is filled in: an empty cell writes no row and is counted in the catalogue description. A cell
that is not a number, an unexpected column, a repeated or unknown model raises ``SourceRowError``
naming file, line and column.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path


from ..registry import six_nd
from .common import (REGISTRY_COLUMNS, SourceRowError, field, read_table, registry_schema, source_number,
                     write_catalogue, write_csv)

FOLDER = "obsscaling_emergent"  # under ../shared/sources
OUT = "obsscaling"  # under data/
REPO = "ryoungj/ObsScaling"
COMMIT = "4d6e1e43fd2635d04654aa77d1df9d5266ea0382"  # ../shared/sources/obsscaling_emergent/PROVENANCE.md
SHORT = COMMIT[:12]  # rows cite the commit by this prefix (cot.csv would pass 3 MB with the full hash)
PAPER = "ruan2024observational"
PAPER_VERSION = "arXiv 2405.10938v3"
# Where the paper's text was read: a third-party text transcription of the arXiv v3 PDF.
PAPER_TEXT = "read in a third-party full-text transcription of the arXiv v3 PDF (no page numbers)"

BASE = "base_llm_benchmark_eval.csv"
EMERGENT = "base_llm_emergent_capability_eval.csv"
POST = "base_llm_post_training_eval.csv"
LEADERBOARD_V2 = "base_llm_leaderboard_v2_eval.csv"
INSTRUCT = "instruct_llm_benchmark_eval.csv"
NOT_USED = {  # files of the source folder this module leaves out, and why (catalogue description)
    "base_llm_benchmark_eval_sub_10b.csv": "a 92-model subset of base_llm_benchmark_eval.csv (models up to 9B) "
                                           "with the same values (equal to 15 significant digits)",
    "instruct_llm_agent_eval.csv": "AgentBench and AgentBoard scores of the instruction-tuned models "
                                   "(agentic tasks are not part of this chapter)",
}

META = ["Model", "Model Family", "Model Size (B)", "Pretraining Data Size (T)", "FLOPs (1E21)"]
BASE_BENCHMARKS = ["MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval"]
INSTRUCT_BENCHMARKS = ["Arena-Elo", "MTBench", "MMLU", "ARC-C", "HellaSwag", "Winogrande", "TruthfulQA", "GSM8K",
                       "HumanEval"]
LEADERBOARD_V2_TASKS = ["leaderboard_bbh", "leaderboard_gpqa", "leaderboard_ifeval", "leaderboard_math_hard",
                        "leaderboard_mmlu_pro", "leaderboard_musr"]

# The paper's model sets, transcribed from utils/constants.py at the same commit (the file is not in
# ../shared/sources): families evaluated in the paper, the pre-registered models released after May 2024,
# and the families whose metadata the authors collected without using them in the paper's analyses.
CONSTANTS = f"{REPO}@{SHORT}:utils/constants.py"
EVAL_FAMILIES = [
    "Llama-2", "Llama", "Llama-3", "Llama-3.1", "Qwen2", "Qwen1.5", "Qwen", "Mistral", "Mixtral", "Yi", "Yi-1.5",
    "Gemma", "Gemma-2", "Falcon", "Phi", "Pythia", "BLOOM", "GPT-Neo/J", "OPT", "MPT", "XGLM", "CodeLlama",
    "StarCoder", "StarCoder2", "DeepSeek-Coder", "DeepSeek-V2", "DeepSeek-Coder-V2", "Jamba",
]
MISC_FAMILIES = [
    "Yi-200K", "OpenLlamaV2", "OpenLlama", "GPT-2", "InternLM2", "DeepSeek-LLM", "DeepSeek-MoE", "DeciLM", "StableLM",
    "RWKV", "RedPajama-INCITE-Base", "Amber", "Codegen", "SmolLM", "Cerebras-GPT", "BTLM", "H2O-Danube", "OLMo",
    "TinyLlama",
]
PREREGISTERED = [
    "meta-llama/Meta-Llama-3.1-405B-FP8", "meta-llama/Meta-Llama-3.1-70B", "meta-llama/Meta-Llama-3.1-8B",
    "Qwen/Qwen1.5-110B", "Qwen/Qwen2-72B", "Qwen/Qwen2-57B-A14B", "Qwen/Qwen2-7B", "Qwen/Qwen2-1.5B", "Qwen/Qwen2-0.5B",
    "deepseek-ai/DeepSeek-V2", "deepseek-ai/DeepSeek-Coder-V2-Base", "google/gemma-2-27b", "google/gemma-2-9b",
    "google/gemma-2-2b", "mistralai/Mixtral-8x22B-v0.1", "mistralai/Mistral-Nemo-Base-2407", "01-ai/Yi-1.5-34B",
    "01-ai/Yi-1.5-9B", "01-ai/Yi-1.5-6B", "ai21labs/Jamba-v0.1",
]
PAPER_MODELS, PREREGISTERED_MODELS = 77, 20  # Sec. 3.2 and Sec. 4 of the paper (claims.csv)
# Random-guess accuracy of each BIG-Bench Hard task (utils/constants.py, BBH_SUBTASKS2RANDOM_VAL); checked
# against the CSV's own normalized columns, norm = (acc - chance) / (1 - chance).
BBH_CHANCE = {
    "boolean_expressions": "0.5", "causal_judgement": "0.5", "date_understanding": "1/6",
    "disambiguation_qa": "1/3", "dyck_languages": "0", "formal_fallacies": "0.5", "geometric_shapes": "1/9",
    "hyperbaton": "0.5", "logical_deduction_five_objects": "1/5", "logical_deduction_seven_objects": "1/7",
    "logical_deduction_three_objects": "1/3", "movie_recommendation": "1/5", "multistep_arithmetic_two": "0",
    "navigate": "0.5", "object_counting": "0", "penguins_in_a_table": "1/5", "reasoning_about_colored_objects": "1/18",
    "ruin_names": "1/4", "salient_translation_error_detection": "1/6", "snarks": "0.5", "sports_understanding": "0.5",
    "temporal_sequences": "1/4", "tracking_shuffled_objects_five_objects": "1/5",
    "tracking_shuffled_objects_seven_objects": "1/7", "tracking_shuffled_objects_three_objects": "1/3",
    "web_of_lies": "0.5", "word_sorting": "0",
}
BBH_OVERALL = "overall"
NORM_TOLERANCE = 1e-9

# Open models that data/models.csv (curated) already holds under another key: same checkpoint, kept apart
# here (keys may not be defined twice); the lead decides on merging.
ALSO_IN_MODELS_CSV = {
    "EleutherAI/gpt-neo-125m": "GPT-Neo/J 125M", "EleutherAI/gpt-neo-1.3B": "GPT-Neo/J 1.3B",
    "EleutherAI/gpt-neo-2.7B": "GPT-Neo/J 2.7B", "EleutherAI/gpt-j-6b": "GPT-Neo/J 6B",
    "openai-community/gpt2": "GPT-2 117M", "openai-community/gpt2-xl": "GPT-2 1.5B",
}
MIXTURE_OF_EXPERTS = {"mistralai/Mixtral-8x7B-v0.1", "mistralai/Mixtral-8x22B-v0.1", "Qwen/Qwen2-57B-A14B",
                      "deepseek-ai/DeepSeek-V2", "deepseek-ai/DeepSeek-Coder-V2-Base",
                      "deepseek-ai/deepseek-moe-16b-base", "ai21labs/Jamba-v0.1"}

# Wei et al. 2022's emergent tasks as re-run here (2-shot, likelihood-based: the paper's App. B.2).
# column -> (task, metric, unit, chance, where the book has the original).
WEI_FIG2 = "wei2022emergent Figure 2"
EMERGENT_COLUMNS = {
    "parsinlu_qa_2_acc": ("Persian QA", "accuracy", "fraction", "0.25", f"{WEI_FIG2}D (Persian QA)"),
    "word_unscrambling_2_exact_match": ("Word unscramble", "exact_match", "fraction", "", f"{WEI_FIG2}C"),
    "ipa_transliterate_2_exact_match": ("IPA transliterate", "exact_match", "fraction", "", f"{WEI_FIG2}B (BLEU)"),
    "ipa_transliterate_2_bleu": ("IPA transliterate", "bleu", "BLEU (0-100)", "", f"{WEI_FIG2}B"),
    "arithmetic_3ds_2_acc": ("3-digit subtraction", "accuracy", "fraction", "",
                             "wei2022emergent Table 1 (3-digit addition/subtraction); brown2020gpt3 Table H.1 (3D-)"),
    "arithmetic_3da_2_acc": ("3-digit addition", "accuracy", "fraction", "",
                             "wei2022emergent Table 1 (3-digit addition/subtraction); brown2020gpt3 Table H.1 (3D+)"),
    "arithmetic_2dm_2_acc": ("2-digit multiplication", "accuracy", "fraction", "", "brown2020gpt3 Table H.1 (2Dx)"),
    "arithmetic_2da_2_acc": ("2-digit addition", "accuracy", "fraction", "", "brown2020gpt3 Table H.1 (2D+)"),
}
PERSIAN_QA_CHANCE_NOTE = ("chance: 4 answer options, the random line of Wei et al. 2022 Figure 2D at 25% "
                          "(data/wei2022_emergent/figures_2_11_points.csv); scored by likelihood of the options")

# GSM8K columns of base_llm_post_training_eval.csv: task name before the first comma -> setting, shots,
# decoding; the answer filter after it says strict or flexible matching (and, for self-consistency,
# whether the first sample or the majority of five is scored).
GSM8K_COLUMNS = {
    "gsm8k_5_exact_match": ("standard", "5", "greedy"),
    "gsm8k_cot_8_exact_match": ("chain_of_thought", "8", "greedy"),
    "gsm8k_cot_zeroshot_0_exact_match": ("zero_shot_cot", "0", "greedy"),
}
GSM8K_SC = "gsm8k_cot_self_consistency_8_exact_match"
SC_FILTERS = {  # filter -> (setting, decoding, matching)
    "score-first": ("chain_of_thought_sampled", "one sample, temperature 0.7", "strict"),
    "score-first-flexible-extract": ("chain_of_thought_sampled", "one sample, temperature 0.7", "flexible"),
    "maj@5": ("self_consistency", "majority of 5 samples, temperature 0.7", "strict"),
    "maj@5-flexible-extract": ("self_consistency", "majority of 5 samples, temperature 0.7", "flexible"),
}
FILTERS = {"strict-match": "strict", "flexible-extract": "flexible"}
BBH_COLUMN = re.compile(r"^bbh_(?P<cot>cot_)?fewshot_(?P<task>[a-z_]+?)_3_exact_match$")




def repo_file(name: str) -> str:
    return f"{REPO}@{SHORT}:eval_results/{name}"


def paper_source(locator: str) -> str:
    return f"{PAPER} ({PAPER_VERSION}), {locator}; {PAPER_TEXT}"


# --- reading -------------------------------------------------------------------------------------



def cell_text(path: Path, line: int, column: str, text: str) -> str:
    """A required text cell (a model name, a family): non-empty, without surrounding spaces."""
    if not text or text != text.strip():
        raise SourceRowError(f"{path}, line {line}, column '{column}': {text!r} is empty or padded with spaces")
    return text


def model_rows(path: Path, header: list[str] | None, known: set[str] | None = None) -> list[tuple[int, dict]]:
    """Rows of a per-model file: every model once, and (if ``known`` is given) known to the registry."""
    found, rows = read_table(path, header)
    if found[0] != "Model":
        raise SourceRowError(f"{path}, line 1: the first column is {found[0]!r}, not 'Model'")
    seen: dict[str, int] = {}
    for line, row in rows:
        model = cell_text(path, line, "Model", row["Model"])
        if model in seen:
            raise SourceRowError(f"{path}, line {line}, column 'Model': {model!r} already on line {seen[model]}")
        if known is not None and model not in known:
            raise SourceRowError(f"{path}, line {line}, column 'Model': {model!r} is not in {BASE}")
        seen[model] = line
    return rows


def scaled(text: str, exponent: int) -> str:
    """``text`` x 10**exponent with every digit kept ('6.804000000000001', 21 -> '6.804000000000001e21')."""
    value = Decimal(text).scaleb(exponent).normalize()
    mantissa, _, power = f"{value:E}".partition("E")
    return f"{mantissa}e{int(power)}"


def fraction(text: str) -> float:
    numerator, _, denominator = text.partition("/")
    return float(numerator) / float(denominator or 1)


def chance_text(text: str) -> str:
    """A chance level as a decimal (1/6 -> '0.16666666666666666'), kept exact where it is short."""
    return text if "/" not in text else repr(fraction(text))


# --- the registry --------------------------------------------------------------------------------

def registry_row(path: Path, line: int, row: dict, file: str, instruct: bool) -> dict:
    model, family = row["Model"], cell_text(path, line, "Model Family", row["Model Family"])
    size, tokens, flops = (source_number(path, line, column, row[column], allow_empty=True) for column in META[2:])
    where = repo_file(file)
    notes = []
    out = {"model": model, "family": family, "name_in_source": model, "flops_method": "unknown",
           "kind": "table", "source": where}
    if size is not None:
        out |= {"parameters": scaled(size, 9), "parameters_kind": "table",
                "parameters_source": f"{where}, column 'Model Size (B)' (x 1e9)"}
    if tokens is not None:
        out |= {"training_tokens": scaled(tokens, 12), "training_tokens_kind": "table",
                "training_tokens_source": f"{where}, column 'Pretraining Data Size (T)' (x 1e12)"}
    if flops is not None:
        out |= {"training_flops": scaled(flops, 21), "flops_method": "reported", "training_flops_kind": "table",
                "training_flops_source": f"{where}, column 'FLOPs (1E21)' (x 1e21)"}
        # The catalogue states that the FLOPs are 6ND wherever size and data size are given too.
        if size is None or tokens is None:
            raise SourceRowError(f"{path}, line {line}: FLOPs are given but size or data size is empty")
        try:
            estimate = six_nd(float(size), float(tokens))
        except ValueError as error:
            raise SourceRowError(f"{path}, line {line}, columns 'Model Size (B)' and 'Pretraining Data Size (T)': "
                                 f"{error}") from None
        if not math.isclose(estimate, float(flops), rel_tol=1e-9):
            raise SourceRowError(f"{path}, line {line}, column 'FLOPs (1E21)': {flops} is not 6 x size x data size")
        notes.append("FLOPs are the authors' 6ND estimate (Ruan et al. Sec. 3.3, App. B.1.1)")
    elif size is None and tokens is None:
        notes.append("size, data size and FLOPs are empty in the source CSV: not publicly available for "
                     "proprietary models (App. B.1.2)")
    else:
        empty = [name for name, value in (("size", size), ("data size", tokens)) if value is None] + ["FLOPs"]
        notes.append(f"{' and '.join(empty)} {'are' if len(empty) > 1 else 'is'} empty in the source CSV")
    if model in MIXTURE_OF_EXPERTS:
        notes.append("mixture-of-experts model: the CSV does not say whether its size counts total or active "
                     "parameters, and the sizes of its MoE models do not follow one rule")
    if model in ALSO_IN_MODELS_CSV:
        notes.append(f"probably the checkpoint that data/models.csv keys as '{ALSO_IN_MODELS_CSV[model]}' "
                     "(named there after the TruthfulQA paper)")
    if instruct and size is not None:
        notes.append("instruction-tuned: the data size counts pretraining tokens only (App. B.1.2)")
    out["note"] = "; ".join(notes)
    return out


# --- observations --------------------------------------------------------------------------------

def emergent_rows(sources: Path, known: set[str], empty: Counter) -> list[dict]:
    path = sources / FOLDER / EMERGENT
    rows = []
    for line, row in model_rows(path, ["Model", *EMERGENT_COLUMNS], known):
        for column, (task, metric, unit, chance, counterpart) in EMERGENT_COLUMNS.items():
            value = source_number(path, line, column, row[column], allow_empty=True)
            if value is None:
                empty[(EMERGENT, column)] += 1
                continue
            rows.append({"model": row["Model"], "task": task, "counterpart": counterpart, "setting": "few_shot",
                         "shots": "2", "metric": metric, "value": value, "unit": unit, "chance": chance,
                         "kind": "raw", "source": f"{repo_file(EMERGENT)}, column '{column}'",
                         "note": PERSIAN_QA_CHANCE_NOTE if chance else ""})
    return rows


def cot_key(path: Path, column: str) -> tuple[str, str, str, str, str, str, bool]:
    """(task, setting, shots, decoding, matching, bbh task or '', normalized?) of a post-training column."""
    name, _, answer_filter = column.partition(",")
    normalized = answer_filter.endswith(",norm")
    answer_filter = answer_filter.removesuffix(",norm")
    if name in GSM8K_COLUMNS and answer_filter in FILTERS and not normalized:
        setting, shots, decoding = GSM8K_COLUMNS[name]
        return "GSM8K", setting, shots, decoding, FILTERS[answer_filter], "", False
    if name == GSM8K_SC and answer_filter in SC_FILTERS and not normalized:
        setting, decoding, matching = SC_FILTERS[answer_filter]
        return "GSM8K", setting, "8", decoding, matching, "", False
    match = BBH_COLUMN.match(name)
    if match and answer_filter in FILTERS and (match["task"] in BBH_CHANCE or match["task"] == BBH_OVERALL):
        task = "BBH (mean of 27 tasks)" if match["task"] == BBH_OVERALL else f"BBH {match['task']}"
        setting = "chain_of_thought" if match["cot"] else "standard"
        return task, setting, "3", "greedy", FILTERS[answer_filter], match["task"], normalized
    raise SourceRowError(f"{path}, line 1, column '{column}': not a GSM8K or BIG-Bench Hard column this module knows")


def cot_rows(sources: Path, known: set[str], empty: Counter) -> list[dict]:
    path = sources / FOLDER / POST
    header, _ = read_table(path)
    keys = {column: cot_key(path, column) for column in header[1:]}
    pairs: dict[tuple, dict[bool, str]] = {}
    for column, key in keys.items():
        pairs.setdefault(key[:-1], {})[key[-1]] = column
    rows = []
    for line, row in model_rows(path, None, known):
        model_rows_out: dict[tuple, dict] = {}
        for key, columns in pairs.items():
            task, setting, shots, decoding, matching, bbh = key
            column = columns[False]
            value = source_number(path, line, column, row[column], allow_empty=True)
            norm_column = columns.get(True)
            norm = source_number(path, line, norm_column, row[norm_column], allow_empty=True) if norm_column else None
            if value is None:
                empty[(POST, "GSM8K" if task == "GSM8K" else "BBH")] += 1
                if norm is not None:
                    raise SourceRowError(f"{path}, line {line}, column '{norm_column}': a normalized value "
                                         "without the value it normalizes")
                continue
            chance = chance_text(BBH_CHANCE[bbh]) if bbh in BBH_CHANCE else ""
            if chance and norm is not None:
                c = fraction(BBH_CHANCE[bbh])
                if abs((float(value) - c) / (1 - c) - float(norm)) > NORM_TOLERANCE:
                    raise SourceRowError(f"{path}, line {line}, column '{norm_column}': {norm} is not "
                                         f"(value - chance) / (1 - chance) for chance {BBH_CHANCE[bbh]}")
            model_rows_out[key] = {
                "model": row["Model"], "task": task, "setting": setting, "shots": shots, "decoding": decoding,
                "matching": matching, "metric": "exact_match", "value": value, "value_normalized": norm or "",
                "unit": "fraction", "chance": chance, "kind": "raw", "source": f"{repo_file(POST)}, column '{column}'",
            }
        check_bbh_overall(path, line, model_rows_out)
        rows += model_rows_out.values()
    return rows


def check_bbh_overall(path: Path, line: int, rows: dict[tuple, dict]) -> None:
    """The CSV's BBH 'overall' must be the unweighted mean of its 27 tasks (as the catalogue says)."""
    for (task, setting, shots, decoding, matching, bbh), row in rows.items():
        if bbh != BBH_OVERALL:
            continue
        parts = [r for k, r in rows.items() if k[1] == setting and k[4] == matching and k[5] in BBH_CHANCE]
        for column in ("value", "value_normalized"):
            mean = sum(float(r[column]) for r in parts) / len(parts) if len(parts) == len(BBH_CHANCE) else None
            if mean is None or abs(mean - float(row[column])) > NORM_TOLERANCE:
                raise SourceRowError(f"{path}, line {line}: BBH overall ({setting}, {matching}) {column} "
                                     "is not the mean of the 27 tasks")


def matrix_rows(sources: Path, file: str, header: list[str], benchmarks: list[str], known: set[str] | None,
                empty: Counter, units: dict[str, str] | None = None) -> list[dict]:
    path = sources / FOLDER / file
    rows = []
    for line, row in model_rows(path, header, known):
        for column in benchmarks:
            value = source_number(path, line, column, row[column], allow_empty=True)
            if value is None:
                empty[(file, column)] += 1
                continue
            unit = (units or {}).get(column, "fraction")
            rows.append({"model": row["Model"], "task": column, "value": value, "unit": unit, "kind": "raw",
                         "source": f"{repo_file(file)}, column '{column}'",
                         "note": "rescaled to [0, 1] in the source CSV" if unit != "fraction" else ""})
    return rows


def model_set_rows(base: list[tuple[int, dict]], instruct: list[tuple[int, dict]], path: Path) -> list[dict]:
    rows = []
    for line, row in base:
        family, model = row["Model Family"], row["Model"]
        if family in EVAL_FAMILIES:
            model_set = "preregistered" if model in PREREGISTERED else "paper"
        elif family in MISC_FAMILIES:
            model_set = "collected"
        else:
            raise SourceRowError(f"{path}, line {line}, column 'Model Family': {family!r} is in no family list "
                                 f"of {CONSTANTS}")
        rows.append({"model": model, "model_set": model_set, "kind": "table",
                     "source": f"{CONSTANTS} (family lists and PREREGISTERED_BASE_MODEL_MAP, transcribed)"})
    counts = Counter(r["model_set"] for r in rows)
    if counts["paper"] != PAPER_MODELS or counts["preregistered"] != PREREGISTERED_MODELS:
        raise SourceRowError(f"{path}: {counts['paper']} paper models and {counts['preregistered']} pre-registered "
                             f"ones, the paper has {PAPER_MODELS} and {PREREGISTERED_MODELS}")
    rows += [{"model": row["Model"], "model_set": "instruct", "kind": "table",
              "source": f"{repo_file(INSTRUCT)}; {PAPER} ({PAPER_VERSION}) App. B.1.2, Table B.2"}
             for _, row in instruct]
    return rows


# --- numbers the paper states --------------------------------------------------------------------

def _claim(claim, value, unit, quote, locator, task="", setting="", note="", kind="text") -> dict:
    return {"claim": claim, "paper": PAPER, "model": "", "task": task, "setting": setting, "value": value,
            "unit": unit, "quote": quote, "kind": kind, "source": paper_source(locator), "note": note}


SUPERSCRIPT_NOTE = "the transcription loses superscripts; the quote writes them with ^"
CLAIMS = [
    _claim("paper_models", "77", "models",
           "We collected a broad set of open LMs covering 21 model families (a collection of models across scales "
           "such as LLaMA-2 7B, 13B, 70B) and a total of 77 models.", "Sec. 3.2"),
    _claim("paper_families", "21", "model families",
           "We collected a broad set of open LMs covering 21 model families (a collection of models across scales "
           "such as LLaMA-2 7B, 13B, 70B) and a total of 77 models.", "Sec. 3.2"),
    _claim("missing_benchmark_values_below", "1", "% of all data",
           "After obtaining the benchmark metrics for the LMs, we addressed potential missing values (less than 1% "
           "of all data), which may have occurred due to evaluation failures, by using PCA imputation.", "Sec. 3.2"),
    _claim("pc1_variance_explained", "80", "%",
           "Surprisingly, we find that the first PC alone explains nearly 80% of the variation in LM capabilities.",
           "Sec. 3.2", note="stated as 'nearly 80%'; PCA of the 8 benchmarks of the 77 models, mean-centred, "
                            "unscaled, after PCA imputation (App. B.3)"),
    _claim("top3_pcs_variance_explained", "97", "%",
           "We observe that the extracted PC measures are predominantly low-rank, with the top 3 PCs explaining ∼ "
           "97% of the variance, which supports a low-dimensional representation of benchmarks B (Fig. 2a).",
           "Sec. 3.2", note="stated as '∼ 97%'"),
    _claim("top3_pcs_variance_explained_instruct", "98.6", "%",
           "We find that the extracted PC measures for instruction-tuned LMs follow similar patterns as pretrained "
           "models and exhibit an even more significant low-rank structure, with the top 3 PCs explaining about "
           "98.6% of the variance in the benchmark performance.", "App. C.1", note="stated as 'about 98.6%'"),
    _claim("pc1_log_flops_r2_above", "0.9", "R^2",
           "We find that for each model family with controlled training recipes and comparable compute scale "
           "measures, the LMs’ PC-1 measure linearly correlates with their log-training FLOPs (with R^2 > 0.9).",
           "Sec. 3.3", note=SUPERSCRIPT_NOTE),
    _claim("number_of_pcs", "3", "principal components",
           "For extracting PC measures, we fixed the number of PCs K = 3 as it covered ∼ 97% of the variation in "
           "benchmark performance and it consistently yielded the best performance across most of our experiments",
           "Sec. 4"),
    _claim("default_cutoff_flops", "8.4e22", "FLOPs",
           "Unless otherwise stated, we set the cutoff to include all models with training FLOPs less than or equal "
           "to that of Llama-2-7B (8.4 × 10^22) as training data, resulting in a training set of 47 models and a "
           "test set of 30 models.", "Sec. 4", note=SUPERSCRIPT_NOTE),
    _claim("default_cutoff_train_models", "47", "models",
           "Unless otherwise stated, we set the cutoff to include all models with training FLOPs less than or equal "
           "to that of Llama-2-7B (8.4 × 10^22) as training data, resulting in a training set of 47 models and a "
           "test set of 30 models.", "Sec. 4", note=SUPERSCRIPT_NOTE),
    _claim("default_cutoff_test_models", "30", "models",
           "Unless otherwise stated, we set the cutoff to include all models with training FLOPs less than or equal "
           "to that of Llama-2-7B (8.4 × 10^22) as training data, resulting in a training set of 47 models and a "
           "test set of 30 models.", "Sec. 4", note=SUPERSCRIPT_NOTE),
    _claim("arithmetic_cutoff_fraction_of_default", "0.25", "fraction of the default cutoff",
           "Consequently, we reduced the cutoff to a quarter of the default value and also excluded GSM8K (which may "
           "be a superset of arithmetic tasks) from our base metrics B to make the tasks more challenging.",
           "Sec. 4.1", task="arithmetic tasks"),
    _claim("preregistered_models", "20", "models",
           "We have assessed these predictions on new models released after the initial paper release, collected as "
           "of September 1st 2024, including most capable open models to date such as Llama 3.1-405B [24] and "
           "Qwen2-72B [105] (see the full collected model list in Appx. B.1.1), resulting in an additional test set "
           "of 20 models for robustness checks.", "Sec. 4"),
    _claim("emergent_tasks_shots", "2", "shots",
           "For the “emergent” capability tasks in Sec. 4.1, we applied likelihood-based evaluation [13] with 2-shot "
           "examples.", "App. B.2", task="emergent tasks"),
    _claim("cot_exemplars", "8", "exemplars",
           "For CoT, we followed Wei et al. [99] and compared CoT prompting using eight reasoning examples with "
           "naive prompting using only few-shot examples in the greedy decoding setting.", "Sec. 4.3",
           task="GSM8K", setting="chain_of_thought"),
    _claim("self_consistency_samples", "5", "samples",
           "For SC, we sampled five CoT reasoning paths at temperature 0.7 to aggregate the final answers following "
           "Wang et al. [97] and compared it with a single sampled CoT answer.", "Sec. 4.3",
           task="GSM8K", setting="self_consistency"),
    _claim("self_consistency_temperature", "0.7", "temperature",
           "For SC, we sampled five CoT reasoning paths at temperature 0.7 to aggregate the final answers following "
           "Wang et al. [97] and compared it with a single sampled CoT answer.", "Sec. 4.3",
           task="GSM8K", setting="self_consistency"),
    _claim("sigmoid_scale_lower_bound", "0.8", "h",
           "We fit the regression with ordinary least squares and restrict h ∈ [0.8,1.0], which results in h∗ = 1 in "
           "most experiments.", "Sec. 3.4"),
] + [
    _claim(f"leaderboard_v2_cutoff_{task.lower().replace(' ', '_')}", value, "FLOPs",
           "We set the FLOPs cutoff to be 16.8, 25.2, 8.4 × 10^21 for GPQA, MATH, and BBH, respectively.",
           "App. C.3", task=task, note=SUPERSCRIPT_NOTE)
    for task, value in (("GPQA", "1.68e22"), ("MATH", "2.52e22"), ("BBH", "8.4e21"))
]

# Fitted curves printed in the panels of Figure 4 (emergent tasks) and Figure C.5 (GSM8K; the v3 figure
# with the pre-registered models): y = h sigmoid(slope x + intercept) + (1 - h), x = the natural log of
# training FLOPs (1E21) for the FLOPs fits, of Llama-2-equivalent FLOPs (1E21) for the observational fits
# (3 PCs): the printed coefficients are reproduced only with the natural log, which the authors' code uses.
# Panel order is the figure's; the observational coefficients agree with Table C.1.
FIGURE_FITS = [
    # figure, panel, task, fit, annotation as printed, h, slope, intercept, MSE train, MSE test
    ("Figure 4(a)", "Word Unscramble", "Word unscramble", "training FLOPs",
     "y = sigmoid(1.04x - 7.03) MSEtrain = 2.6e-04 MSEtest = 1.3e-02", "", "1.04", "-7.03", "2.6e-04", "1.3e-02"),
    ("Figure 4(a)", "Persian QA", "Persian QA", "training FLOPs",
     "y = sigmoid(0.57x - 6.40) MSEtrain = 2.7e-04 MSEtest = 2.1e-02", "", "0.57", "-6.40", "2.7e-04", "2.1e-02"),
    ("Figure 4(a)", "3-Digit Substraction", "3-digit subtraction", "training FLOPs",
     "y = sigmoid(1.07x - 4.67) MSEtrain = 9.1e-03 MSEtest = 6.3e-02", "", "1.07", "-4.67", "9.1e-03", "6.3e-02"),
    ("Figure 4(a)", "2-Digit Multiplication", "2-digit multiplication", "training FLOPs",
     "y = sigmoid(0.50x - 3.17) MSEtrain = 6.2e-03 MSEtest = 1.2e-01", "", "0.50", "-3.17", "6.2e-03", "1.2e-01"),
    ("Figure 4(b)", "Word Unscramble", "Word unscramble", "observational (3 PCs)",
     "y = sigmoid(2.00x - 6.11) MSEtrain = 1.3e-04 MSEtest = 4.0e-03", "", "2.00", "-6.11", "1.3e-04", "4.0e-03"),
    ("Figure 4(b)", "Persian QA", "Persian QA", "observational (3 PCs)",
     "y = sigmoid(2.32x - 8.43) MSEtrain = 1.8e-04 MSEtest = 3.2e-03", "", "2.32", "-8.43", "1.8e-04", "3.2e-03"),
    ("Figure 4(b)", "3-Digit Substraction", "3-digit subtraction", "observational (3 PCs)",
     "y = sigmoid(5.50x - 8.92) MSEtrain = 6.5e-03 MSEtest = 1.3e-02", "", "5.50", "-8.92", "6.5e-03", "1.3e-02"),
    ("Figure 4(b)", "2-Digit Multiplication", "2-digit multiplication", "observational (3 PCs)",
     "y = sigmoid(2.22x - 4.45) MSEtrain = 2.8e-03 MSEtest = 9.9e-03", "", "2.22", "-4.45", "2.8e-03", "9.9e-03"),
    ("Figure C.5(a)", "Naive + Greedy", "GSM8K (standard)", "training FLOPs",
     "y = 0.99sigmoid(0.36x - 4.46) + 0.01 MSEtrain = 4.6e-04 MSEtest = 8.9e-03",
     "0.99", "0.36", "-4.46", "4.6e-04", "8.9e-03"),
    ("Figure C.5(a)", "CoT + Greedy", "GSM8K (chain of thought)", "training FLOPs",
     "y = 0.99sigmoid(0.58x - 4.01) + 0.01 MSEtrain = 1.4e-02 MSEtest = 4.5e-02",
     "0.99", "0.58", "-4.01", "1.4e-02", "4.5e-02"),
    ("Figure C.5(a)", "CoT + SC + 5 Samples", "GSM8K (self-consistency)", "training FLOPs",
     "y = 0.98sigmoid(0.68x - 4.46) + 0.02 MSEtrain = 1.5e-02 MSEtest = 4.6e-02",
     "0.98", "0.68", "-4.46", "1.5e-02", "4.6e-02"),
    ("Figure C.5(b)", "Naive + Greedy", "GSM8K (standard)", "observational (3 PCs)",
     "y = sigmoid(1.09x - 4.77) MSEtrain = 4.6e-05 MSEtest = 2.6e-03", "", "1.09", "-4.77", "4.6e-05", "2.6e-03"),
    ("Figure C.5(b)", "CoT + Greedy", "GSM8K (chain of thought)", "observational (3 PCs)",
     "y = sigmoid(2.04x - 5.53) MSEtrain = 3.1e-03 MSEtest = 6.0e-03", "", "2.04", "-5.53", "3.1e-03", "6.0e-03"),
    ("Figure C.5(b)", "CoT + SC + 5 Samples", "GSM8K (self-consistency)", "observational (3 PCs)",
     "y = sigmoid(2.19x - 5.74) MSEtrain = 2.9e-03 MSEtest = 6.4e-03", "", "2.19", "-5.74", "2.9e-03", "6.4e-03"),
]
FIT_QUANTITIES = {"h": ("h", "sigmoid scale h"), "slope": ("slope", "logit per unit of ln x"),
                  "intercept": ("intercept", "logit"), "mse_train": ("MSE train", "MSE"),
                  "mse_test": ("MSE test", "MSE")}


def figure_fit_claims() -> list[dict]:
    rows = []
    for figure, panel, task, fit, printed, h, slope, intercept, mse_train, mse_test in FIGURE_FITS:
        x = "ln training FLOPs (1E21)" if fit == "training FLOPs" else "ln Llama-2-equivalent FLOPs (1E21)"
        y = ("normalized accuracy or exact match, (value - chance) / (1 - chance) as the axis says"
             if figure.startswith("Figure 4") else "accuracy")
        slug = re.sub(r"[^a-z0-9]+", "_", f"{figure} {panel} {fit}".lower().replace("figure ", "fig")).strip("_")
        values = {"h": h, "slope": slope, "intercept": intercept, "mse_train": mse_train, "mse_test": mse_test}
        for quantity, value in values.items():
            if not value:
                continue
            rows.append(_claim(f"{slug}_{quantity}", value, FIT_QUANTITIES[quantity][1], printed,
                               f"{figure}, panel '{panel}' (fit annotation printed in the panel)", task=task,
                               setting=f"{fit} fit", note=f"y = h sigmoid(slope x + intercept) + (1 - h), y = {y}, "
                                                          f"x = {x}; train/test split by the FLOPs cutoff"))
    return rows


# --- catalogue -----------------------------------------------------------------------------------

APACHE = {"name": "Apache-2.0", "path": "https://www.apache.org/licenses/LICENSE-2.0",
          "title": "ryoungj/ObsScaling is Apache-2.0; values copied unchanged, rearranged into one row per value"}
CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
         "title": "Numbers (facts) and short quotations from the paper, cited; this file is the book's"}



MODEL_FK = {"fields": "model", "reference": {"resource": "models_obsscaling", "fields": "model"}}
MODEL_FIELD = field("model", description="Key into data/obsscaling/models.csv (the CSV's Model name).",
                    required=True)
UNIT = field("unit", description="fraction = 0-1 as in the source CSV; BLEU on its 0-100 scale.", required=True,
             enum=["fraction", "BLEU (0-100)", "rescaled (0-1)"])


def registry_fields() -> list:
    return registry_schema(
        field("model", description="The source CSV's Model name (Hugging Face id for open models).",
              required=True, unique=True),
        field("family", description="The CSV's Model Family.", required=True),
        parameters="Model Size (B) x 1e9, as the CSV gives it.",
        tokens="Pretraining Data Size (T) x 1e12.",
        flops="FLOPs (1E21) x 1e21: the authors' 6ND estimate.",
        flops_method=field("flops_method", description="reported (by the source) / unknown (empty in the source).",
                           required=True, enum=["reported", "6ND", "unknown"]),
        note=field("note"))


def matrix_schema(tasks: list[str]) -> dict:
    """The schema of a model x benchmark matrix: one fraction per model and task."""
    return {"fields": [MODEL_FIELD, field("task", required=True, enum=tasks),
                       field("value", "number", required=True, minimum=0, maximum=1), UNIT,
                       "kind", "source", field("note")], "foreignKeys": [MODEL_FK]}


def catalogue(counts: dict, empty: Counter) -> dict:
    def missing(file: str, columns: list[str]) -> str:
        parts = [f"{column} {empty[(file, column)]}" for column in columns if empty[(file, column)]]
        return "; ".join(parts) if parts else "none"

    base_desc = (
        "Open base models as ryoungj/ObsScaling's eval_results/ lists them (base_llm_benchmark_eval.csv, and "
        "instruct_llm_benchmark_eval.csv for instruction-tuned and proprietary models), keyed by the CSV's Model "
        "name. Parameters, pretraining tokens and training FLOPs are the CSV's columns Model Size (B), "
        "Pretraining Data Size (T) and FLOPs (1E21) scaled to units (every digit kept); the FLOPs are the "
        "authors' 6ND estimates (Ruan et al. Sec. 3.3) and agree with 6 x size x tokens for every row that has "
        f"all three. Empty in the source, so empty here: tokens and FLOPs of {counts['no_flops_base']} base "
        f"models and of {counts['no_flops_instruct']} instruction-tuned or proprietary models (size too for "
        f"{counts['no_size_instruct']} proprietary ones). Six open models are probably checkpoints that "
        "data/models.csv keys under other names (GPT-Neo/J, GPT-2): the note names them.")
    resources = [
        {"name": "models_obsscaling", "path": "models.csv",
         "title": "Model registry: the open (and instruction-tuned) models of Ruan et al. 2024",
         "description": base_desc,
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": {"primaryKey": ["model"], "fields": registry_fields()}},
        {"name": "obsscaling_model_sets", "path": "model_sets.csv",
         "title": "Which models Ruan et al. 2024 analyse, pre-register, only collect, or use as instruction-tuned",
         "description": (
             "paper = the 77 base models of the paper's analyses (Sec. 3.2; the families its code evaluates, minus "
             "the pre-registered models); preregistered = the 20 models released after May 2024 and tested against "
             "the pre-registered fits (Sec. 4); collected = families whose metadata and benchmarks the authors "
             "collected without using them in the paper; instruct = the 27 models of Table B.2. Family lists "
             "transcribed from utils/constants.py at the same commit (not in ../shared/sources). The holdout "
             "split follows from the registry: paper models with training FLOPs <= 8.4e22 (Llama-2-7B) are the "
             "training set (47 models), the rest, including those without FLOPs, the test set (30); see claims.csv."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": {"primaryKey": ["model"], "fields": [
             field("model", required=True, unique=True),
             field("model_set", required=True, enum=["paper", "preregistered", "collected", "instruct"]),
             "kind", "source"], "foreignKeys": [MODEL_FK]}},
        {"name": "obsscaling_emergent_tasks", "path": "emergent_tasks.csv",
         "title": "Wei et al. 2022's emergent tasks re-run on open base models (Ruan et al. 2024, Sec. 4.1)",
         "description": (
             "One row per model, task and metric of base_llm_emergent_capability_eval.csv (84 models): Persian QA "
             "(BIG-bench parsinlu_qa, accuracy), word unscrambling (exact match), IPA transliteration (exact match "
             "and BLEU) and arithmetic (3-digit subtraction and addition, 2-digit multiplication and addition, "
             "accuracy), 2-shot, scored by likelihood (the paper's App. B.2). These are open models, not Wei et "
             "al.'s GPT-3/LaMDA numbers; counterpart names where the book has the original. The arithmetic column "
             "names are LM Eval Harness task names (arithmetic_3ds = three-digit subtraction, Brown et al. 2020's "
             "set); the paper calls them BIG-bench tasks. Chance: Persian QA has 4 answer options (25%, the "
             "random line of Wei et al. Figure 2D); the other tasks ask for free answers, so no chance level is "
             "defined. Values are fractions (BLEU 0-100) as in the CSV. Empty source cells, no row written: "
             f"{missing(EMERGENT, list(EMERGENT_COLUMNS))}."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": {"fields": [
             MODEL_FIELD, field("task", required=True, enum=sorted({v[0] for v in EMERGENT_COLUMNS.values()})),
             field("counterpart", description="Where the book has the original task (Wei et al. 2022, GPT-3).",
                   required=True),
             field("setting", required=True, enum=["few_shot"]), field("shots", "integer", required=True),
             field("metric", required=True, enum=["accuracy", "exact_match", "bleu"]),
             field("value", "number", required=True, minimum=0), UNIT,
             field("chance", "number", "Random-chance level in the unit of value (empty: free answers).",
                   minimum=0),
             "kind", "source", field("note")], "foreignKeys": [MODEL_FK]}},
        {"name": "obsscaling_cot", "path": "cot.csv",
         "title": ("GSM8K and BIG-Bench Hard with and without chain of thought, open base models "
                   "(Ruan et al. 2024, Sec. 4.3, App. C.6)"),
         "description": (
             "One row per model, task, setting and answer matching of base_llm_post_training_eval.csv (96 models). "
             "GSM8K: standard 5-shot, chain of thought 8-shot and zero-shot ('Let's think step by step'-style), "
             "all greedy; one chain of thought sampled at temperature 0.7 (chain_of_thought_sampled) and the "
             "majority of five such samples (self_consistency). BIG-Bench Hard: all 27 tasks 3-shot, direct "
             "answer (standard) and chain of thought, greedy, and 'BBH (mean of 27 tasks)', the CSV's overall "
             "column, which equals the unweighted mean of the 27 (checked on every row). matching: the harness's "
             "answer filters, strict (the exemplars' answer format) and flexible (a looser extraction); the paper "
             "does not say which its figures use, so both are kept. chance: each BBH task's random-guess accuracy "
             "from utils/constants.py (BBH_SUBTASKS2RANDOM_VAL); GSM8K is free response. value_normalized is the "
             "CSV's own ',norm' column, (value - chance) / (1 - chance), checked against chance on every row (for "
             "the 27-task mean, the mean of the tasks' normalized values). With direct answers the strict filter "
             "rarely finds the answer: the BBH 27-task mean of direct answers is at most "
             f"{counts['bbh_direct_strict_max']} with strict matching (median {counts['bbh_direct_strict_median']}) "
             f"and at most {counts['bbh_direct_flexible_max']} with flexible matching, so compare direct answers "
             "and chain of thought with flexible matching, or show both. Column names hold commas inside quotes; "
             "the source column is named in each row. Empty source cells, no row written: GSM8K "
             f"{empty[(POST, 'GSM8K')]}, BBH {empty[(POST, 'BBH')]} (models without BBH results)."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": {"fields": [
             MODEL_FIELD, field("task", required=True),
             field("setting", required=True, enum=["standard", "chain_of_thought", "zero_shot_cot",
                                                    "chain_of_thought_sampled", "self_consistency"]),
             field("shots", "integer", required=True),
             field("decoding", required=True),
             field("matching", required=True, enum=["strict", "flexible"]),
             field("metric", required=True, enum=["exact_match"]),
             field("value", "number", required=True, minimum=0, maximum=1),
             field("value_normalized", "number", "The CSV's ',norm' column (BBH only).", maximum=1),
             UNIT, field("chance", "number", "Random-guess accuracy (BBH); empty for free answers.", minimum=0),
             "kind", "source"], "foreignKeys": [MODEL_FK]}},
        {"name": "obsscaling_benchmarks", "path": "benchmarks.csv",
         "title": "The benchmark matrix of Ruan et al. 2024 (8 benchmarks x open base models)",
         "description": (
             "One row per model and benchmark of base_llm_benchmark_eval.csv: MMLU, ARC-C, HellaSwag, Winograd "
             "(the paper's Winogrande), TruthfulQA, GSM8K, XWinograd (XWinogrande), HumanEval, as fractions. "
             "The paper (App. B.1.1): the first six mostly from the Open LLM Leaderboard as of 6 May 2024 or the "
             "LM Eval Harness with its protocol, XWinogrande 5-shot with the harness, HumanEval from EvalPlus "
             "('Base Tests'). The paper's principal components use the 77 'paper' models of model_sets.csv. "
             f"Empty source cells, no row written: {missing(BASE, BASE_BENCHMARKS)}."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": matrix_schema(BASE_BENCHMARKS)},
        {"name": "obsscaling_leaderboard_v2", "path": "leaderboard_v2.csv",
         "title": "Open LLM Leaderboard v2 benchmarks of open base models (Ruan et al. 2024, App. C.3)",
         "description": (
             "One row per model and benchmark of base_llm_leaderboard_v2_eval.csv (72 models): BBH, GPQA, IFEval, "
             "MATH (hard), MMLU-Pro, MuSR, as fractions. Used in the paper's App. C.3 for GPQA, MATH and BBH. "
             f"Empty source cells, no row written: {missing(LEADERBOARD_V2, LEADERBOARD_V2_TASKS)}."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": matrix_schema(LEADERBOARD_V2_TASKS)},
        {"name": "obsscaling_instruct_benchmarks", "path": "instruct_benchmarks.csv",
         "title": "Benchmarks of instruction-tuned and proprietary models (Ruan et al. 2024, App. B.1.2, Table B.2)",
         "description": (
             "One row per model and benchmark of instruct_llm_benchmark_eval.csv (27 models): Arena Elo and "
             "MT-Bench (both rescaled to [0, 1] in the CSV; the paper's Table B.2 prints Elo unscaled and uses it "
             "for reference only), MMLU, ARC-C, HellaSwag, Winogrande, TruthfulQA, GSM8K, HumanEval. For GPT and "
             "Claude models the paper collected the official results from their papers and documentation, except "
             "HumanEval, which it evaluated with EvalPlus. Their size, data and FLOPs are not disclosed (empty in "
             "models.csv). Empty source cells, no row written: "
             f"{missing(INSTRUCT, INSTRUCT_BENCHMARKS)}."),
         "format": "csv", "encoding": "utf-8", "licenses": [APACHE],
         "schema": matrix_schema(INSTRUCT_BENCHMARKS)},
        {"name": "obsscaling_claims", "path": "claims.csv",
         "title": ("Numbers Ruan et al. 2024 state: variance explained, holdout cut-offs, fitted curves and "
                   "their errors"),
         "description": (
             "One row per number, with the sentence (or the fit annotation printed in a figure panel) it comes "
             "from and its section, figure or appendix in arXiv 2405.10938v3, read in a third-party full-text "
             "transcription of the PDF (which has no page numbers). The fitted curves of "
             "Figure 4 (emergent tasks) and Figure C.5 (GSM8K, the v3 figure with the pre-registered models) "
             "are given as h, slope, intercept and train/test MSE; the observational coefficients agree with "
             "Table C.1. Files of the source folder not used here: "
             + "; ".join(f"{k} ({v})" for k, v in NOT_USED.items()) + "."),
         "format": "csv", "encoding": "utf-8", "licenses": [CC_BY],
         "schema": {"primaryKey": ["claim"], "fields": [
             field("claim", required=True, unique=True),
             field("paper", "string", "Citation key in references.bib.", required=True),
             field("model"), field("task"), field("setting"),
             field("value", "number", required=True), field("unit", required=True),
             field("quote", required=True), "kind", "source", field("note")]}},
    ]
    return {"resources": resources}




EMERGENT_HEADER = ["model", "task", "counterpart", "setting", "shots", "metric", "value", "unit", "chance", "kind",
                   "source", "note"]
COT_HEADER = ["model", "task", "setting", "shots", "decoding", "matching", "metric", "value", "value_normalized",
              "unit", "chance", "kind", "source"]
MATRIX_HEADER = ["model", "task", "value", "unit", "kind", "source", "note"]
CLAIM_HEADER = ["claim", "paper", "model", "task", "setting", "value", "unit", "quote", "kind", "source", "note"]
SET_HEADER = ["model", "model_set", "kind", "source"]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/obsscaling/ (and its catalogue.yaml) from ../shared/sources/obsscaling_emergent."""
    folder = Path(sources) / FOLDER
    base_path, instruct_path = folder / BASE, folder / INSTRUCT
    base = model_rows(base_path, META + BASE_BENCHMARKS)
    instruct = model_rows(instruct_path, META + INSTRUCT_BENCHMARKS)
    known = {row["Model"] for _, row in base}
    twice = sorted(known & {row["Model"] for _, row in instruct})
    if twice:
        raise SourceRowError(f"{instruct_path}: models also in {BASE}: {twice}")
    registry = ([registry_row(base_path, line, row, BASE, False) for line, row in base]
                + [registry_row(instruct_path, line, row, INSTRUCT, True) for line, row in instruct])
    empty: Counter = Counter()
    outputs = {
        "models.csv": (REGISTRY_COLUMNS, registry),
        "model_sets.csv": (SET_HEADER, model_set_rows(base, instruct, base_path)),
        "emergent_tasks.csv": (EMERGENT_HEADER, emergent_rows(sources, known, empty)),
        "cot.csv": (COT_HEADER, cot_rows(sources, known, empty)),
        "benchmarks.csv": (MATRIX_HEADER, matrix_rows(sources, BASE, META + BASE_BENCHMARKS, BASE_BENCHMARKS,
                                                       None, empty)),
        "leaderboard_v2.csv": (MATRIX_HEADER, matrix_rows(sources, LEADERBOARD_V2, ["Model", *LEADERBOARD_V2_TASKS],
                                                           LEADERBOARD_V2_TASKS, known, empty)),
        "instruct_benchmarks.csv": (MATRIX_HEADER, matrix_rows(
            sources, INSTRUCT, META + INSTRUCT_BENCHMARKS, INSTRUCT_BENCHMARKS, None, empty,
            units={"Arena-Elo": "rescaled (0-1)", "MTBench": "rescaled (0-1)"})),
        "claims.csv": (CLAIM_HEADER, CLAIMS + figure_fit_claims()),
    }
    overall = [r for r in outputs["cot.csv"][1] if r["task"] == "BBH (mean of 27 tasks)" and r["setting"] == "standard"]
    strict = sorted(float(r["value"]) for r in overall if r["matching"] == "strict")
    flexible = [float(r["value"]) for r in overall if r["matching"] == "flexible"]
    counts = {
        "bbh_direct_strict_max": f"{max(strict):.3f}", "bbh_direct_strict_median": f"{strict[len(strict) // 2]:.3f}",
        "bbh_direct_flexible_max": f"{max(flexible):.3f}",
        "no_flops_base": sum(1 for r in registry[:len(base)] if not r.get("training_flops")),
        "no_flops_instruct": sum(1 for r in registry[len(base):] if not r.get("training_flops")),
        "no_size_instruct": sum(1 for r in registry[len(base):] if not r.get("parameters")),
    }
    target = Path(out) / OUT
    written = [write_csv(target / name, columns, rows) for name, (columns, rows) in outputs.items()]
    header = ("# Written by emergent_survey/sources/obsscaling.py (make data); edit the module, not this file.\n"
              f"# Source: {REPO}@{COMMIT}, eval_results/ (../shared/sources/{FOLDER}).\n")
    written.append(write_catalogue(target / "catalogue.yaml", catalogue(counts, empty), header))
    return written
