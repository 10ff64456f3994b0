"""OLMo 2 model ladder (Bhagia et al. 2024): ``olmo_ladder/`` -> ``data/olmo_ladder/``.

The per-checkpoint evaluation logs of allenai/OLMo (branch ladder-1xC, folder
``scripts/scaling/data/peteish-moreeval``): five ladder sizes (190M, 370M, 760M, 1B = the paper's
1.3B, 3B) each trained to 0.5, 1, 2, 5 and 10 x its Chinchilla token count, and the full OLMo 2 runs
(7B, 13B, 1B). Written here:

* ``models.csv`` (resource ``models_olmo_ladder``): one registry row per run, with the non-embedding
  parameters of the paper's Table 1 (the 3B rung, which the paper does not list, from the same commit's
  ``scripts/ladder_peteish.py``), the tokens the log gives at the last checkpoint and 6ND FLOPs;
* ``ladder.csv`` and ``olmo2.csv``: one row per run and logged checkpoint, with the tokens seen, the
  validation cross-entropy of the 11 corpora the logs give (isolated spikes flagged, not removed) and,
  per task, the bits per byte of the correct answer in the cloze ("rc") format and the accuracy in the
  rc format (and, for the OLMo 2 runs only, where the logs have it, in the multiple-choice format);
* ``catalogue.yaml``.

Both tables are wide (one row per checkpoint, one column per logged quantity): one row per value would
take about 15 MB. Every value is the log's cell unchanged. A cell that is not a finite number, a missing
column, or a log whose steps, batch or tokens disagree with the paper's Table 1 raises ``SourceRowError``
naming file, line and column.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from pathlib import Path

from ..registry import six_nd
from .common import (REGISTRY_COLUMNS, Record, SourceRowError, field, read_records, registry_schema,
                     write_catalogue, write_csv)

FOLDER = "olmo_ladder"  # under ../shared/sources
LOGS = "scripts/scaling/data/peteish-moreeval"
OUT = "olmo_ladder"  # under data/
REPO = "allenai/OLMo"
COMMIT = "9bc064c72b1439640993e7ff28238e7b8f855aee"  # ../shared/sources/olmo_ladder/PROVENANCE.md
PAPER = "bhagia2024ladder"
PAPER_VERSION = "arXiv 2412.04403v2"

# Table 1 (p. 3): non-embedding N, 1xC data size D, batch size in tokens, training steps at 1xC.
TABLE1 = {
    "190M": {"n": 190354176, "d": 3807083520, "batch": 524288, "steps": 7272, "label": "190M"},
    "370M": {"n": 371262464, "d": 7425249280, "batch": 786432, "steps": 9452, "label": "370M"},
    "760M": {"n": 758220288, "d": 15164405760, "batch": 1310720, "steps": 11580, "label": "760M"},
    "1B": {"n": 1279395840, "d": 25587916800, "batch": 1572864, "steps": 16279, "label": "1.3B"},
    "7B": {"n": 6887575552, "batch": 4194304, "label": "7B-4T"},
    "13B": {"n": 13202396160, "batch": 8388608, "label": "13B-5T"},
}
# The 3B rung is in the logs but not in the paper: its N is the commit's MODEL_PARAMS (non-embedding).
PARAMS_3B = 3169537280
PARAMS_3B_SOURCE = f"{REPO}@{COMMIT}:scripts/ladder_peteish.py, line 129 (MODEL_PARAMS['3B'])"
SIZES = ["190M", "370M", "760M", "1B", "3B"]
MULTIPLIERS = ["0.5", "1", "2", "5", "10"]
# The full OLMo 2 runs: log file, registry key, Table 1 size, what the row is.
OLMO2 = [
    ("peteish7_eval_full.csv", "OLMo 2 7B stage 1", "7B",
     "the OLMo 2 7B run through stage 1 (928k-step schedule; logged to step 925000), before the anneal"),
    ("peteish7_eval_anneal.csv", "OLMo 2 7B-4T", "7B",
     "the paper's target 7B-4T: stage 1 plus a 50B-token linear learning-rate decay (3.95T tokens, Sec. 2)"),
    ("peteish13_eval_full.csv", "OLMo 2 13B-5T", "13B", "the paper's target 13B-5T (596k steps)"),
    ("peteish1_eval_final.csv", "OLMo 2 1B (peteish1)", None,
     "an OLMo 2 1B run (peteish1), final checkpoint only; the paper does not use it and states no size"),
]
NOT_USED = {  # files of the folder left out, and why
    "-rerun.csv": "repeat of a 1xC ladder run with checkpoints every 100 steps; the commit's "
                  "scripts/scaling/final.json, which fits the paper's ladder, uses the 1xC files without -rerun",
    "peteish7_eval_170k-450k.csv": "rows of peteish7_eval_full.csv (checked equal), the window of App. B.2",
    "peteish13_eval_50k-150k.csv": "rows of peteish13_eval_full.csv (checked equal), the window of App. B.2",
    "peteish13_eval_final.csv": "the last 12 rows of peteish13_eval_full.csv (checked equal)",
    "peteish7_medlr": "a 7B run with another learning rate (not in the paper)",
}
SUBSET_OF = {"peteish7_eval_170k-450k.csv": "peteish7_eval_full.csv",
             "peteish13_eval_50k-150k.csv": "peteish13_eval_full.csv",
             "peteish13_eval_final.csv": "peteish13_eval_full.csv"}

CORPORA = ["c4_en", "dolma_books", "dolma_common-crawl", "dolma_pes2o", "dolma_reddit", "dolma_stack",
           "dolma_wiki", "ice", "m2d2_s2orc", "pile", "wikitext_103"]
# Task and split (test where the logs have it, as in the paper, Sec. 2.3), and the rc accuracy variant.
TASKS = [
    ("mmlu_stem", "test", "len_norm"), ("mmlu_humanities", "test", "len_norm"),
    ("mmlu_social_sciences", "test", "len_norm"), ("mmlu_other", "test", "len_norm"),
    ("hellaswag", "val", "len_norm"), ("arc_easy", "test", "len_norm"), ("arc_challenge", "test", "len_norm"),
    ("boolq", "val", "acc"), ("csqa", "val", "len_norm"), ("openbookqa", "test", "len_norm"),
    ("piqa", "val", "len_norm"), ("socialiqa", "val", "len_norm"), ("winogrande", "val", "len_norm"),
]
MC_VARIANT = {"mmlu_stem": "len_norm", "mmlu_humanities": "len_norm", "mmlu_social_sciences": "len_norm",
              "mmlu_other": "len_norm"}  # every other task's mc accuracy is logged as _acc

SPIKE_NATS, SPIKE_START = 0.08, 0.2  # flag rule for the validation cross-entropy (see catalogue)




def repo_file(name: str) -> str:
    return f"{REPO}@{COMMIT}:{LOGS}/{name}"


def paper_source(locator: str) -> str:
    return f"{PAPER} ({PAPER_VERSION}), {locator}"


def ce_column(corpus: str) -> str:
    return f"eval/{corpus}-validation/CrossEntropyLoss"


def bpb_column(task: str, split: str) -> str:
    return f"eval/downstream_bpb/{task}_{split}_rc_5shot_bpb"


def rc_column(task: str, split: str, variant: str) -> str:
    return f"eval/downstream/{task}_{split}_rc_5shot_{variant}"


def mc_column(task: str, split: str) -> str:
    return f"eval/downstream/{task}_{split}_mc_5shot_{MC_VARIANT.get(task, 'acc')}"


def out_name(task: str, split: str, what: str) -> str:
    return f"{task}_{split}_{what}"


# --- reading -------------------------------------------------------------------------------------

def read_log(path: Path) -> list[Record]:
    records = read_records(path)
    if not records:
        raise SourceRowError(f"{path}: no rows")
    return records


def integer(record: Record, column: str) -> int:
    return int(float(record.number(column, integer=True)))


def spikes(values: list[float]) -> list[bool]:
    """Isolated upward spikes: past the first 20% of a run's logged checkpoints, a value more than
    0.08 nats above the median of the (up to) two logged values before and two after it."""
    flags = []
    start = math.ceil(SPIKE_START * len(values))
    for i, value in enumerate(values):
        neighbours = values[max(0, i - 2):i] + values[i + 1:i + 3]
        flags.append(i >= start and len(neighbours) >= 2 and value - statistics.median(neighbours) > SPIKE_NATS)
    return flags


def checkpoint_rows(path: Path, name: str, model: str, mc: bool, batch: int | None) -> list[dict]:
    """One output row per logged checkpoint of one run."""
    source = repo_file(name)
    out = []
    for row in read_log(path):
        record = {"model": model, "kind": "raw", "source": source}
        if "_step" in row:
            step = integer(row, "_step")
            record["step"] = str(step)
        else:
            step = None
        if "throughput/total_tokens" in row:
            tokens = integer(row, "throughput/total_tokens")
            if step is not None and tokens != step * integer(row, "batch_size_in_tokens"):
                raise SourceRowError(f"{path}, line {row.line}, column 'throughput/total_tokens': {tokens} is not "
                                     f"step x batch_size_in_tokens")
            record["training_tokens"] = str(tokens)
        else:
            logged_batch = integer(row, "batch_size_in_tokens")
            if batch is not None and logged_batch != batch:
                raise SourceRowError(f"{path}, line {row.line}, column 'batch_size_in_tokens': {logged_batch}, "
                                     f"Table 1 says {batch}")
            record["training_tokens"] = str(step * logged_batch)
            record["note"] = "training_tokens = step x the log's batch_size_in_tokens (the log has no token count)"
        for corpus in CORPORA:
            record[f"ce_{corpus}"] = row.number(ce_column(corpus))
        for task, split, variant in TASKS:
            record[out_name(task, split, "bpb")] = row.number(bpb_column(task, split))
            record[out_name(task, split, "rc_acc")] = row.number(rc_column(task, split, variant))
            if mc:
                record[out_name(task, split, "mc_acc")] = row.number(mc_column(task, split))
        out.append(record)
    if len(out) >= 5:
        flagged = [[] for _ in out]
        for corpus in CORPORA:
            for i, flag in enumerate(spikes([float(r[f"ce_{corpus}"]) for r in out])):
                if flag:
                    flagged[i].append(corpus)
        for record, corpora in zip(out, flagged):
            record["ce_flagged"] = ";".join(corpora)
    return out


def check_subsets(root: Path) -> None:
    for part, whole in SUBSET_OF.items():
        by_step = {row["_step"]: row for row in read_log(root / whole)}
        for row in read_log(root / part):
            if by_step.get(row["_step"]) != row:
                raise SourceRowError(f"{root / part}, line {row.line}, column '_step': the row for step "
                                     f"{row['_step']} differs from {whole}")


# --- registry ------------------------------------------------------------------------------------

def registry_row(model: str, family: str, name: str, n: int | None, n_kind: str, n_source: str,
                 tokens: int, tokens_kind: str, tokens_source: str, note: str) -> dict:
    row = {"model": model, "family": family, "name_in_source": name, "training_tokens": str(tokens),
           "training_tokens_kind": tokens_kind, "training_tokens_source": tokens_source,
           "kind": "raw" if tokens_kind == "raw" else "derived", "source": tokens_source}
    if n is None:
        return {**row, "flops_method": "unknown", "note": note}
    return {**row, "parameters": str(n), "parameters_kind": n_kind, "parameters_source": n_source,
            "training_flops": str(six_nd(n, tokens)), "flops_method": "6ND", "training_flops_kind": "derived",
            "training_flops_source": "6 x parameters x training_tokens (this registry)",
            "note": note + "; parameters = non-embedding (as the paper counts N); training_flops = 6ND "
                           "(the paper's own estimate, Sec. 2.1)"}


def ladder(root: Path) -> tuple[list[dict], list[dict], Counter]:
    models, rows, left_out = [], [], Counter()
    table1 = paper_source("Table 1, p. 3")
    for name in sorted(p.name for p in root.glob("*xC*.csv")):
        if name.endswith("-rerun.csv"):
            left_out["-rerun.csv"] += 1
    for size in SIZES:
        for k in MULTIPLIERS:
            name = f"{size}-{k}xC.csv"
            path = root / name
            model = f"OLMo ladder {size} {k}xC"
            info = TABLE1.get(size)
            run = checkpoint_rows(path, name, model, mc=False, batch=info and info["batch"])
            last = run[-1]
            step, tokens = int(last["step"]), int(last["training_tokens"])
            log = read_log(path)
            batches = {integer(r, "batch_size_in_tokens") for r in log}
            if info:
                if batches != {info["batch"]}:
                    raise SourceRowError(f"{path}, column 'batch_size_in_tokens': {sorted(batches)}, Table 1 "
                                         f"says {info['batch']}")
                if info["d"] != 20 * info["n"]:
                    raise SourceRowError(f"Table 1 ({size}): 1xC D {info['d']} is not 20 N")
                if k == "1" and step != info["steps"]:
                    raise SourceRowError(f"{path}, line {len(log) + 1}, column '_step': last step {step}, "
                                         f"Table 1 says {info['steps']} steps at 1xC")
                n, n_kind, n_source = info["n"], "table", f"{table1}, row 'Model size (N)'"
                label = info["label"]
                nominal = f"{k} x the 1xC D of Table 1 ({info['d']:,} = 20 N) is {float(k) * info['d']:,.0f}"
            else:
                n, n_kind, n_source = PARAMS_3B, "table", PARAMS_3B_SOURCE
                label = size
                nominal = f"{k} x 20 N is {float(k) * 20 * n:,.0f}"
            note = (f"the ladder run {size}-{k}xC (the paper's {label}; the paper's ladder is 1, 2, 5, 10 x C of "
                    f"190M-1.3B, the 0.5xC and 3B runs are in the logs only); training_tokens = the log's "
                    f"throughput/total_tokens at its last checkpoint, step {step} (step x batch of "
                    f"{min(batches):,}); nominally {nominal}")
            models.append(registry_row(model, "OLMo ladder", f"{label} {k}xC (log {name})", n, n_kind,
                                       n_source, tokens, "raw", repo_file(name), note))
            rows += run
    return models, rows, left_out


def olmo2(root: Path) -> tuple[list[dict], list[dict]]:
    models, rows = [], []
    for name, model, size, what in OLMO2:
        path = root / name
        info = TABLE1.get(size) if size else None
        run = checkpoint_rows(path, name, model, mc=True, batch=info and info["batch"])
        last = run[-1]
        tokens = int(last["training_tokens"])
        if "step" in last:
            kind, source = "derived", repo_file(name)
            how = (f"training_tokens = last logged step {last['step']} x the log's batch_size_in_tokens"
                   + (f" (= Table 1's {info['batch']:,})" if info else ""))
        else:
            kind, source = "raw", repo_file(name)
            how = "training_tokens = the log's throughput/total_tokens"
        if info:
            models.append(registry_row(model, "OLMo 2", f"{info['label']} ({name})", info["n"], "table",
                                       paper_source("Table 1, p. 3, row 'Model size (N)'"), tokens, kind, source,
                                       f"{what}; {how}"))
        else:
            models.append(registry_row(model, "OLMo 2", f"peteish1 ({name})", None, "", "", tokens, kind, source,
                                       f"{what}; {how}; parameters and FLOPs left empty: no cited count"))
        rows += run
    return models, rows


# --- catalogue -----------------------------------------------------------------------------------

LICENCE = "apache-2.0"  # a shared definition of data/catalogue.yaml: allenai/OLMo is Apache-2.0
PAPER_LICENCE = "cc-by-4.0-facts"  # numbers (facts) from the paper and the logs; the registry file is the book's



def columns(mc: bool) -> list[str]:
    cols = ["model", "step", "training_tokens"] + [f"ce_{c}" for c in CORPORA] + ["ce_flagged"]
    for task, split, _ in TASKS:
        cols += [out_name(task, split, "bpb"), out_name(task, split, "rc_acc")]
        if mc:
            cols.append(out_name(task, split, "mc_acc"))
    return cols + ["kind", "source", "note"]


def checkpoint_fields(mc: bool, resource: str) -> list:
    fields = [field("model", description=f"Run key into {resource}.", required=True),
              field("step", "integer", "Training step of the checkpoint (empty for the annealed 7B-4T row).",
                    minimum=0),
              field("training_tokens", "integer", "Tokens seen at this checkpoint (see note for how).",
                    required=True, minimum=0)]
    for corpus in CORPORA:
        fields.append(field(f"ce_{corpus}", "number",
                            f"Validation cross-entropy (nats per token), log column {ce_column(corpus)}.",
                            required=True, minimum=0))
    fields.append(field("ce_flagged", description="Corpora (';'-separated) whose cross-entropy at this "
                                                  "checkpoint is an isolated spike (rule in the description)."))
    for task, split, variant in TASKS:
        fields.append(field(out_name(task, split, "bpb"), "number",
                            f"Bits per byte of the correct answer, rc format, 5-shot: {bpb_column(task, split)}.",
                            required=True, minimum=0))
        fields.append(field(out_name(task, split, "rc_acc"), "number",
                            f"Accuracy (0-1), rc format, 5-shot: {rc_column(task, split, variant)}.",
                            required=True, minimum=0, maximum=1))
        if mc:
            fields.append(field(out_name(task, split, "mc_acc"), "number",
                                f"Accuracy (0-1), mc format, 5-shot: {mc_column(task, split)}.",
                                required=True, minimum=0, maximum=1))
    return fields + ["kind", "source", "note"]


def registry_fields() -> list:
    return registry_schema(
        field("model", description="'OLMo ladder <size> <k>xC' or 'OLMo 2 ...'.", required=True, unique=True),
        field("family", required=True, enum=["OLMo ladder", "OLMo 2"]),
        parameters="Non-embedding parameters N (the paper's Table 1).",
        tokens="Tokens seen by the last logged checkpoint.",
        flops="6 x parameters x training_tokens.")


def flagged_summary(rows: list[dict]) -> str:
    flags = [(r["model"], r.get("step", ""), c) for r in rows for c in r.get("ce_flagged", "").split(";") if c]
    by_corpus = Counter(c for _, _, c in flags)
    return f"{len(flags)} values (" + ", ".join(f"{c} {n}" for c, n in sorted(by_corpus.items())) + ")"


def catalogue(models: list[dict], ladder_rows: list[dict], olmo2_rows: list[dict], left_out: Counter) -> dict:
    variants = "; ".join(
        f"{task} {variant}" for task, _, variant in TASKS if variant != "len_norm")
    rule = (f"a value is flagged when, past the first {SPIKE_START:.0%} of a run's logged checkpoints, it "
            f"exceeds the median of the (up to) two logged values before and two after it by more than "
            f"{SPIKE_NATS} nats; values stay in the table")
    common_desc = (
        "All evaluations are OLMES 5-shot. bpb = bits per byte of the correct answer's continuation, in the "
        "cloze / ranked-classification ('rc') format (the paper's 'task loss', Sec. 2.2); rc_acc = accuracy "
        f"when the option with the best length-normalised likelihood wins (the logs' _len_norm; _acc for "
        f"{variants}); splits are the test split where the logs have one, else validation, as in the paper "
        "(Sec. 2.3). MMLU is logged per area (STEM, humanities, social sciences, other), not as one number. "
        "ce_* are the validation cross-entropies of the 11 corpora the logs give (nats per token; the "
        f"paper's LM loss is ce_c4_en). Isolated spikes: {rule}; almost all are on the small ice corpus "
        "(e.g. OLMo 2 7B stage 1 at step 365000: 2.782 against 2.557 and 2.558 around it), which looks "
        "mis-logged; no other kind of anomaly was found (token counts equal step x batch on every row).")
    ladder_desc = (
        f"{len(ladder_rows)} rows: every logged checkpoint of the 25 ladder runs (5 sizes x 0.5, 1, 2, 5, 10 x "
        "Chinchilla tokens; the paper's ladder, Sec. 2.1, is the 16 runs of 190M-1.3B at 1-10xC, the 0.5xC and "
        "3B runs are in the logs only). Checkpoints every 50-1000 steps as logged (the paper: every 200 steps "
        "at 1xC and 2xC, 500 at 5xC, 1000 at 10xC). training_tokens is the log's throughput/total_tokens. "
        f"{common_desc} The ladder logs have no multiple-choice ('mc') format columns. Flagged: "
        f"{flagged_summary(ladder_rows)}. Left out: {left_out['-rerun.csv']} files *-1xC-rerun.csv "
        f"({NOT_USED['-rerun.csv']}).")
    olmo2_desc = (
        f"{len(olmo2_rows)} rows: the OLMo 2 7B run to step 925000 (stage 1), its annealed 7B-4T end point (one "
        "row, no step), the 13B-5T run to step 596057, and the final checkpoint of a 1B run (peteish1). "
        "training_tokens = step x the log's batch_size_in_tokens (these logs give no token count; Table 1's "
        "batch for 7B and 13B), except the annealed row, whose log gives throughput/total_tokens. "
        f"{common_desc} mc_acc = accuracy in the multiple-choice format (options lettered in the prompt, the "
        "letter with the best likelihood wins; _len_norm for MMLU, _acc otherwise), which the paper finds "
        "stays near chance until models have several billion parameters (footnote 2, App. B.2). Flagged: "
        f"{flagged_summary(olmo2_rows)}. Left out: "
        + "; ".join(f"{name} ({why})" for name, why in NOT_USED.items() if name != "-rerun.csv") + ".")
    registry_desc = (
        f"{len(models)} runs. Parameters are the non-embedding counts N of Bhagia et al. Table 1 (p. 3; the "
        "paper counts only non-embedding parameters; its '1.3B' is the logs' '1B'), except the 3B rung, which "
        f"the paper does not list: {PARAMS_3B_SOURCE}, the same commit as the logs, which holds the same "
        "counts as Table 1 for the other sizes. training_tokens = the tokens of the last logged checkpoint: "
        "the log's throughput/total_tokens for the ladder (= step x batch, the batch of Table 1), step x "
        "batch for the full runs. A run's Chinchilla multiple k means D = k x 20 N (Table 1's 1xC data size, "
        "Sec. 2.1); the last whole step overshoots it slightly (note). Training FLOPs = 6ND, as the paper "
        "estimates compute (Sec. 2.1). The peteish1 run has no cited parameter count, so no FLOPs.")
    model_fk = {"fields": "model", "reference": {"resource": "models_olmo_ladder", "fields": "model"}}
    return {"resources": [
        {"name": "models_olmo_ladder", "path": "models.csv",
         "title": "Model registry: OLMo 2 ladder runs (190M-3B x 0.5-10 x Chinchilla) and full OLMo 2 runs",
         "description": registry_desc, "format": "csv", "encoding": "utf-8", "licenses": [PAPER_LICENCE],
         "schema": {"primaryKey": ["model"], "fields": registry_fields()}},
        {"name": "olmo_ladder_checkpoints", "path": "ladder.csv",
         "title": "OLMo 2 ladder: validation loss, task bits per byte and accuracy at every logged checkpoint",
         "description": ladder_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": checkpoint_fields(False, "models_olmo_ladder"), "foreignKeys": [model_fk]}},
        {"name": "olmo2_checkpoints", "path": "olmo2.csv",
         "title": "OLMo 2 7B, 13B and 1B: validation loss, task bits per byte, cloze and multiple-choice accuracy",
         "description": olmo2_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": checkpoint_fields(True, "models_olmo_ladder"), "foreignKeys": [model_fk]}},
    ]}




def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/olmo_ladder/ (registry, two checkpoint tables, catalogue) from ../shared/sources/olmo_ladder."""
    root = Path(sources) / FOLDER / LOGS
    check_subsets(root)
    ladder_models, ladder_rows, left_out = ladder(root)
    olmo2_models, olmo2_rows = olmo2(root)
    models = ladder_models + olmo2_models
    target = Path(out) / OUT
    written = [write_csv(target / "models.csv", REGISTRY_COLUMNS, models),
               write_csv(target / "ladder.csv", columns(False), ladder_rows),
               write_csv(target / "olmo2.csv", columns(True), olmo2_rows)]
    header = ("# Written by emergent_survey/sources/olmo_ladder.py (make data); edit the module, not this file.\n"
              f"# Source: {REPO}@{COMMIT}, {LOGS}/ (../shared/sources/{FOLDER}); {PAPER} ({PAPER_VERSION}).\n")
    written.append(write_catalogue(target / "catalogue.yaml",
                                   catalogue(models, ladder_rows, olmo2_rows, left_out), header))
    return written
