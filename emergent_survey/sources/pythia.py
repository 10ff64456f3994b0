"""Pythia (Biderman et al. 2023): ``pythia_evals/`` -> ``data/pythia/``.

EleutherAI/pythia's lm-evaluation-harness results for the eight Pythia sizes, trained on the Pile and on
the deduplicated Pile, at the training checkpoints the repository evaluates. Written here:

* ``models.csv`` (resource ``models_pythia``): one registry row per model (its final weights) and one
  per evaluated checkpoint. Parameters are the non-embedding counts of the paper's Table 1 (the only
  counts the paper prints), read from the PDF's text layer; a checkpoint's training tokens are its step
  times the paper's batch of 1024 x 2048 = 2,097,152 tokens; training FLOPs are 6ND.
* ``evals.csv``: one row per checkpoint, task and metric (zero-shot and five-shot): LAMBADA (OpenAI)
  accuracy and perplexity; PIQA, SciQ, WinoGrande, ARC-Easy, ARC-Challenge, LogiQA and WSC accuracy;
  and the unweighted mean accuracy over the 57 MMLU (hendrycksTest-*) subjects, a derived row written
  only when all 57 are in the file. Standard errors as the harness gives them.
* ``catalogue.yaml``: the folder's catalogue, written here so its counts stay true.

Left out, and said so in the catalogue: the batch-size and bf16 variant runs and the gender-bias
intervention study (counted; not described in terms this registry can place: see ``VARIANTS``), the
OPT, BLOOM and term-frequency folders (listed), and the harness's other tasks and metrics. A file whose model, revision or
shot count disagrees with its folder and name, or a value that is not a finite number, raises
``SourceRowError`` naming file, task and metric.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path


from ..registry import six_nd
from .common import (REGISTRY_COLUMNS, SourceRowError, field, pdf_page_text, registry_schema, squeezed,
                     write_catalogue, write_csv)

FOLDER = "pythia_evals"  # under ../shared/sources
OUT = "pythia"  # under data/
REPO = "EleutherAI/pythia"
COMMIT = "a19eecb807ec2c79a39ebf18108816e6ffffc1d5"  # ../shared/sources/pythia_evals/PROVENANCE.md
EVALS = "evals/pythia-v1"
PAPER = "biderman2023pythia"
PAPER_VERSION = "arXiv 2304.01373v2"
PDF = "papers/biderman2023_pythia_v2.pdf"  # under ../shared/sources

TABLE1_PAGE = 2
BATCH_PAGE, TOKENS_PAGE = 4, 5
TOKENS_PER_STEP = 1024 * 2048  # = 2,097,152 (Sec. 2.4, p. 4)
FINAL_STEP = 143000
# Fragments that must be in the PDF's text layer (spaces removed: the layer runs words together).
BATCH_TEXT = ["weuseabatchsizeof1024sampleswitha", "sequencelengthof2048(2,097,152tokens)forallmodels"]
TOKENS_TEXT = "Wetrainallmodelsfor299,892,736,000"
FINAL_TOKENS = FINAL_STEP * TOKENS_PER_STEP  # 299,892,736,000, as p. 5 states

SIZES = ["70M", "160M", "410M", "1B", "1.4B", "2.8B", "6.9B", "12B"]
TABLE1_LABEL = {"1B": "1.0B"}  # Table 1 prints the 1B model as 1.0B
FOLDER_SIZE = {"70m": "70M", "160m": "160M", "410m": "410M", "1b": "1B", "1.4b": "1.4B", "2.8b": "2.8B",
               "6.9b": "6.9B", "12b": "12B"}
DATA = {"": "Pile", "-deduped": "deduplicated Pile"}
SETTINGS = {"zero-shot": ("zero_shot", 0), "five-shot": ("few_shot", 5)}

# (harness task, harness metric, metric name here, unit)
TASKS = [
    ("lambada_openai", "acc", "accuracy", "fraction"),
    ("lambada_openai", "ppl", "perplexity", "perplexity"),
    ("piqa", "acc", "accuracy", "fraction"),
    ("sciq", "acc", "accuracy", "fraction"),
    ("winogrande", "acc", "accuracy", "fraction"),
    ("arc_easy", "acc", "accuracy", "fraction"),
    ("arc_challenge", "acc", "accuracy", "fraction"),
    ("logiqa", "acc", "accuracy", "fraction"),
    ("wsc", "acc", "accuracy", "fraction"),
]
MMLU_PREFIX, MMLU_SUBJECTS = "hendrycksTest-", 57
MMLU_NOTE = ("derived: unweighted mean of the acc of the 57 hendrycksTest-* subjects in this file "
             "(every subject counts once, whatever its number of questions)")

# Folders of evals/pythia-v1 that are not the standard suite, and why they are left out.
VARIANTS = {
    "MtokBS": "a run trained with another batch size (0.25M, 0.5M or 1M tokens per step, against the paper's "
              "2M); the paper does not describe these runs, so their steps cannot be converted to tokens with "
              "a cited batch",
    "bf16": "a 1B run trained in bfloat16, which the paper does not describe; it is also the only 1B "
            "standard-Pile run evaluated here (there is no pythia-1b folder), so the registry's 'Pythia 1B' "
            "has no evaluations",
    "baseline": "the gender-bias case study (Sec. 3.1, App. C.1 of the paper): the original deduplicated model "
                "re-evaluated at the steps where the intervention starts (some files hold only LAMBADA)",
    "intervention": "the gender-bias case study (Sec. 3.1, App. C.1 of the paper): models retrained with swapped "
                    "pronouns for the last part of training, not the Pythia suite",
}
OTHER_FOLDERS = {
    "evals/opt": "OPT models, fully trained only (not Pythia checkpoints)",
    "evals/bloom": "BLOOM models, fully trained only (not Pythia checkpoints)",
    "evals/csv": "the arithmetic term-frequency case study (accuracy against operand frequency)",
}

EVAL_COLUMNS = ["model", "run", "step", "task", "setting", "shots", "metric", "value", "unit", "stderr",
                "kind", "source", "note"]




def paper_source(locator: str) -> str:
    return f"{PAPER} ({PAPER_VERSION}), {locator}"


def repo_file(relative: str) -> str:
    return f"{REPO}@{COMMIT}:{relative}"


def run_key(size: str, suffix: str) -> str:
    return f"Pythia {size}" + (" deduped" if suffix else "")


def checkpoint_key(size: str, suffix: str, step: int) -> str:
    return f"{run_key(size, suffix)} step {step}"


# --- the paper -----------------------------------------------------------------------------------

def table1_parameters(pdf: Path) -> dict[str, int]:
    """Non-embedding parameters of the eight sizes, read from Table 1 (PDF p. 2)."""
    text = pdf_page_text(pdf, TABLE1_PAGE)
    if "Non-EmbeddingParams" not in squeezed(text):
        raise SourceRowError(f"{pdf}, page {TABLE1_PAGE}: Table 1 header 'Non-Embedding Params' not found")
    found = {}
    for size in SIZES:
        label = TABLE1_LABEL.get(size, size)
        match = re.search(rf"^{re.escape(label)} ([\d,]+) \d+ \d+ \d+ ", text, re.MULTILINE)
        if not match:
            raise SourceRowError(f"{pdf}, page {TABLE1_PAGE}: no Table 1 row for {label}")
        found[size] = int(match.group(1).replace(",", ""))
    return found


def check_batch_and_tokens(pdf: Path) -> None:
    page4, page5 = squeezed(pdf_page_text(pdf, BATCH_PAGE)), squeezed(pdf_page_text(pdf, TOKENS_PAGE))
    for fragment in BATCH_TEXT:
        if fragment not in page4:
            raise SourceRowError(f"{pdf}, page {BATCH_PAGE}: batch statement {fragment!r} not found")
    if TOKENS_TEXT not in page5:
        raise SourceRowError(f"{pdf}, page {TOKENS_PAGE}: token count {TOKENS_TEXT!r} not found")


# --- the evaluation files ------------------------------------------------------------------------

def finite(path: Path, task: str, metric: str, value) -> str:
    """A JSON number as its shortest round-trip text; anything else raises, naming file, task, metric."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise SourceRowError(f"{path}, results['{task}'], column '{metric}': {value!r} is not a finite number")
    return repr(float(value))


def read_eval(path: Path, size_folder: str, suffix: str, shots: int, step: int) -> dict:
    """The ``results`` of one harness file, after checking its model, revision and shot count."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise SourceRowError(f"{path}: not valid JSON ({error})") from error
    config = content.get("config", {})
    if config.get("num_fewshot") != shots:
        raise SourceRowError(f"{path}, config, column 'num_fewshot': {config.get('num_fewshot')!r}, "
                             f"the folder says {shots}")
    args = dict(part.split("=", 1) for part in str(config.get("model_args", "")).split(",") if "=" in part)
    wanted = f"EleutherAI/pythia-v1.1-{size_folder}{suffix}"
    if args.get("pretrained") != wanted or args.get("revision") != f"step{step}":
        raise SourceRowError(f"{path}, config, column 'model_args': {config.get('model_args')!r}, "
                             f"expected pretrained={wanted}, revision=step{step}")
    results = content.get("results")
    if not isinstance(results, dict):
        raise SourceRowError(f"{path}: no 'results' object")
    return results


def eval_rows(path: Path, relative: str, results: dict, model: str, run: str, step: int,
              setting: str, shots: int, missing: Counter) -> list[dict]:
    source = repo_file(relative)
    common = {"model": model, "run": run, "step": str(step), "setting": setting, "shots": str(shots),
              "kind": "raw", "source": source}
    rows = []
    for task, metric, name, unit in TASKS:
        values = results.get(task, {})
        if metric not in values:
            missing[(task, name)] += 1
            continue
        stderr = values.get(f"{metric}_stderr")
        rows.append({**common, "task": task, "metric": name, "unit": unit,
                     "value": finite(path, task, metric, values[metric]),
                     "stderr": "" if stderr is None else finite(path, task, f"{metric}_stderr", stderr)})
    subjects = sorted(task for task in results if task.startswith(MMLU_PREFIX))
    if len(subjects) == MMLU_SUBJECTS:
        accs = [float(finite(path, task, "acc", results[task].get("acc"))) for task in subjects]
        rows.append({**common, "task": "mmlu", "metric": "accuracy", "unit": "fraction",
                     "value": repr(math.fsum(accs) / MMLU_SUBJECTS), "kind": "derived", "note": MMLU_NOTE})
    else:
        missing[("mmlu", f"{len(subjects)} of 57 subjects")] += 1
    return rows


def file_step(path: Path) -> int:
    match = re.search(r"_step(\d+)\.json$", path.name)
    if not match:
        raise SourceRowError(f"{path}: file name has no _step<N>.json")
    return int(match.group(1))


def collect(root: Path) -> tuple[list[dict], dict[tuple[str, str], set[int]], Counter, Counter, Counter]:
    """Observation rows, the evaluated steps per run, files left out by reason, missing values, files used."""
    rows: list[dict] = []
    steps: dict[tuple[str, str], set[int]] = {}
    left_out: Counter = Counter()
    missing: Counter = Counter()
    used: Counter = Counter()
    evals = root / EVALS
    for folder in sorted(p for p in evals.iterdir() if p.is_dir()):
        match = re.fullmatch(r"pythia-(70m|160m|410m|1b|1\.4b|2\.8b|6\.9b|12b)(-deduped)?", folder.name)
        if not match:
            reason = next((key for key in VARIANTS if key in folder.name), None)
            if reason is None:
                raise SourceRowError(f"{folder}: unknown folder (neither the suite nor a known variant)")
            left_out[reason] += sum(1 for _ in folder.rglob("*.json"))
            continue
        size_folder, suffix = match.group(1), match.group(2) or ""
        size = FOLDER_SIZE[size_folder]
        for sub in sorted(p for p in folder.iterdir()):
            if sub.name not in SETTINGS:
                if sub.name not in VARIANTS:
                    raise SourceRowError(f"{sub}: unknown sub-folder")
                left_out[sub.name] += sum(1 for _ in sub.rglob("*.json"))
                continue
            setting, shots = SETTINGS[sub.name]
            for path in sorted(sub.glob("*.json"), key=file_step):
                step = file_step(path)
                results = read_eval(path, size_folder, suffix, shots, step)
                relative = path.relative_to(root).as_posix()
                rows += eval_rows(path, relative, results, checkpoint_key(size, suffix, step),
                                  run_key(size, suffix), step, setting, shots, missing)
                steps.setdefault((size, suffix), set()).add(step)
                used[sub.name] += 1
    order = {(size, suffix): i for i, (suffix, size) in enumerate((s, z) for s in DATA for z in SIZES)}
    rank = {name: i for i, name in enumerate(dict.fromkeys(t for t, *_ in TASKS))} | {"mmlu": len(TASKS)}
    metric_rank = {"accuracy": 0, "perplexity": 1}
    rows.sort(key=lambda r: (order[_run_parts(r["run"])], r["shots"], int(r["step"]), rank[r["task"]],
                             metric_rank[r["metric"]]))
    return rows, steps, left_out, missing, used


def _run_parts(run: str) -> tuple[str, str]:
    size = run.split()[1]
    return size, ("-deduped" if run.endswith("deduped") else "")


# --- the registry --------------------------------------------------------------------------------

def registry(parameters: dict[str, int], steps: dict[tuple[str, str], set[int]]) -> list[dict]:
    table1 = paper_source(f"Table 1, p. {TABLE1_PAGE}, column 'Non-Embedding Params'")
    batch = paper_source(f"Sec. 2.4, p. {BATCH_PAGE}: a batch of 1024 samples of 2048 tokens (2,097,152 tokens)")
    total = paper_source(f"p. {TOKENS_PAGE}: 'We train all models for 299,892,736,000 ≈ 300B tokens'")
    rows = []
    for suffix, data in DATA.items():
        for size in SIZES:
            n = parameters[size]
            base = {"family": "Pythia", "parameters": str(n), "parameters_kind": "table",
                    "parameters_source": table1}
            note_n = ("parameters = non-embedding count (Table 1 prints no total; the model names count all "
                      "parameters, embeddings included)")
            final_flops = six_nd(n, FINAL_TOKENS)
            rows.append({**base, "model": run_key(size, suffix),
                         "name_in_source": f"Pythia {TABLE1_LABEL.get(size, size)} ({data})",
                         "training_tokens": str(FINAL_TOKENS), "training_tokens_kind": "text",
                         "training_tokens_source": total, "training_flops": str(final_flops),
                         "flops_method": "6ND", "training_flops_kind": "derived",
                         "training_flops_source": "6 x parameters x training_tokens (this registry)",
                         "kind": "table", "source": table1,
                         "note": f"{note_n}; the fully trained model (step {FINAL_STEP}); trained on the {data}"})
            for step in sorted(steps.get((size, suffix), ())):
                tokens = step * TOKENS_PER_STEP
                row = {**base, "model": checkpoint_key(size, suffix, step),
                       "name_in_source": f"EleutherAI/pythia-v1.1-{_folder(size)}{suffix}, revision step{step}",
                       "training_tokens": str(tokens), "training_tokens_kind": "derived",
                       "training_tokens_source": batch, "kind": "derived", "source": table1}
                formula = f"training_tokens = step {step} x 2,097,152 tokens per step"
                if step == 0:
                    rows.append({**row, "flops_method": "unknown",
                                 "note": f"{note_n}; {formula} = 0: the initialisation, before any training; "
                                         "training FLOPs are zero, left empty because the registry's 6ND rule "
                                         "needs D > 0"})
                    continue
                rows.append({**row, "training_flops": str(six_nd(n, tokens)), "flops_method": "6ND",
                             "training_flops_kind": "derived",
                             "training_flops_source": "6 x parameters x training_tokens (this registry)",
                             "note": f"{note_n}; {formula}; training_flops = 6ND"
                                     + ("; the same weights as the fully trained model" if step == FINAL_STEP
                                        else "")})
    return rows


def _folder(size: str) -> str:
    return {v: k for k, v in FOLDER_SIZE.items()}[size]


# --- catalogue -----------------------------------------------------------------------------------

LICENCE = "apache-2.0"  # a shared definition of data/catalogue.yaml: EleutherAI/pythia is Apache-2.0
PAPER_LICENCE = "cc-by-4.0-facts"  # numbers (facts) from the paper; the registry file is the book's



def registry_fields(description: str) -> list:
    return registry_schema(
        field("model", description=description, required=True, unique=True),
        field("family", required=True, enum=["Pythia"]),
        parameters="Non-embedding parameters, Table 1 of the paper.",
        tokens="Tokens seen: step x 2,097,152 (the paper's batch).",
        flops="6 x parameters x training_tokens (empty at step 0).",
        flops_method=field("flops_method", description="6ND (computed here) / unknown (step 0: no training).",
                           required=True, enum=["reported", "6ND", "unknown"]))


def catalogue(rows: list[dict], left_out: Counter, missing: Counter, used: Counter, n_models: int) -> dict:
    n_mmlu = sum(1 for r in rows if r["task"] == "mmlu")
    variants = "; ".join(f"{left_out[key]} files of the {key} folders ({why})" for key, why in VARIANTS.items()
                         if left_out[key])
    others = "; ".join(f"{path} ({why})" for path, why in OTHER_FOLDERS.items())
    gaps = "; ".join(f"{task} {metric}: {n}" for (task, metric), n in sorted(missing.items())) or "none"
    registry_desc = (
        f"{n_models} rows: the 16 Pythia models (8 sizes x the Pile and the deduplicated Pile; the fully "
        "trained weights, step 143000) and every checkpoint that evals.csv evaluates. Parameters are the "
        "non-embedding counts of Biderman et al. 2023 Table 1 (p. 2; the paper prints no total count, the "
        "model names count embeddings too), read from the PDF's text layer. A checkpoint's training tokens "
        "are step x 2,097,152, the paper's batch of 1024 sequences of 2048 tokens (Sec. 2.4, p. 4); 143000 "
        "steps give the 299,892,736,000 tokens p. 5 states. Training FLOPs are 6ND from these N and D; at "
        "step 0 (initialisation) tokens are 0 and FLOPs are left empty (flops_method unknown), since 6ND "
        "needs D > 0. The standard-Pile 1B model has a registry row but no checkpoints: the repository "
        "evaluates only a bf16 variant of it (left out, see evals). The deduplicated final models are also "
        "in models_obsscaling under their Hugging Face names (EleutherAI/pythia-*-deduped, with "
        "total-parameter sizes); the keys differ on purpose.")
    evals_desc = (
        f"{len(rows)} rows, one per checkpoint, task and metric, from the lm-evaluation-harness (v0.3-era) JSON "
        f"files of EleutherAI/pythia@{COMMIT[:12]} evals/pythia-v1/pythia-<size>[-deduped]/zero-shot and "
        f"five-shot ({used['zero-shot']} + {used['five-shot']} files; zero-shot at steps 0, 1, 2, 4, ..., "
        "512, 1000, 3000, 13000, ..., 143000; five-shot at 3000, 13000, ..., 143000). Values are the "
        "files' numbers unchanged: acc (fraction correct) for every task, and LAMBADA's perplexity of the "
        "target word (ppl). mmlu is a derived row: the unweighted mean acc over the 57 hendrycksTest-* "
        f"subjects, written only when all 57 are in the file ({n_mmlu} rows). Left out, counted: {variants}; "
        f"the folders {others}; the harness's crows_pairs tasks, the per-subject MMLU values and every "
        "acc_norm (the chapter uses acc). Values missing from a used file (no row written): "
        f"{gaps}. Standard errors are the harness's *_stderr (empty for the derived mmlu rows).")
    model_fk = {"fields": "model", "reference": {"resource": "models_pythia", "fields": "model"}}
    resources = [
        {"name": "models_pythia", "path": "models.csv",
         "title": "Model registry: Pythia models and their evaluated training checkpoints",
         "description": registry_desc, "format": "csv", "encoding": "utf-8", "licenses": [PAPER_LICENCE],
         "schema": {"primaryKey": ["model"], "fields": registry_fields(
             "'Pythia <size>[ deduped]' (final model) or 'Pythia <size>[ deduped] step <N>' (checkpoint).")}},
        {"name": "pythia_evals", "path": "evals.csv",
         "title": "Pythia checkpoints on LAMBADA, PIQA, SciQ, WinoGrande, ARC, LogiQA, WSC and MMLU "
                  "(lm-evaluation-harness, zero- and five-shot)",
         "description": evals_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": [
             field("model", description="Checkpoint key into models_pythia.", required=True),
             field("run", description="The training run (final-model key): size and data.", required=True),
             field("step", "integer", "Training step of the checkpoint (x 2,097,152 = tokens).", required=True,
                   minimum=0),
             field("task", description="lm-evaluation-harness task name; mmlu = the 57-subject mean.",
                   required=True, enum=list(dict.fromkeys(t for t, *_ in TASKS)) + ["mmlu"]),
             field("setting", required=True, enum=["zero_shot", "few_shot"]),
             field("shots", "integer", required=True, enum=[0, 5]),
             field("metric", description="accuracy = the harness's acc; perplexity = LAMBADA's ppl.",
                   required=True, enum=["accuracy", "perplexity"]),
             field("value", "number", required=True),
             field("unit", description="fraction (0-1) for accuracy; perplexity of the target word.",
                   required=True, enum=["fraction", "perplexity"]),
             field("stderr", "number", "The harness's standard error of the value.", minimum=0),
             "kind", "source", "note"],
             "foreignKeys": [model_fk]}},
    ]
    return {"resources": resources}




def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/pythia/ (registry, evaluations, catalogue) from ../shared/sources/pythia_evals."""
    root = Path(sources) / FOLDER
    pdf = Path(sources) / PDF
    parameters = table1_parameters(pdf)
    check_batch_and_tokens(pdf)
    rows, steps, left_out, missing, used = collect(root)
    models = registry(parameters, steps)
    target = Path(out) / OUT
    written = [write_csv(target / "models.csv", REGISTRY_COLUMNS, models),
               write_csv(target / "evals.csv", EVAL_COLUMNS, rows)]
    header = ("# Written by emergent_survey/sources/pythia.py (make data); edit the module, not this file.\n"
              f"# Source: {REPO}@{COMMIT}, {EVALS}/ (../shared/sources/{FOLDER}); {PAPER} ({PAPER_VERSION}).\n")
    written.append(write_catalogue(target / "catalogue.yaml",
                                   catalogue(rows, left_out, missing, used, len(models)), header))
    return written
