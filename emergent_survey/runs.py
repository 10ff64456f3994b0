"""Per-run evaluation logs as scaling curves: Pythia checkpoints, the OLMo 2 ladder and full runs, and
Lu et al.'s runs, with each task's answer format and random-chance level.

Every function returns a long table with one row per run, checkpoint (or model), task and metric:
``run``, ``task``, ``metric``, ``value`` and the scale columns the chapter plots against
(``parameters``, ``training_tokens``, ``training_flops``, and for OLMo the validation loss
``ce_c4_en``). Accuracies are in percent; losses keep their units (nats, bits per byte). Nothing is
filled in: a checkpoint without a value has no row, and step 0 (no training) has no training FLOPs.

Chance levels follow from the answer format (``TASKS``): one over the number of options of a
multiple-choice question, 0 for a free-response answer. Where a benchmark mixes option counts (a few
ARC questions have three or five options) the usual count is used and the task's note says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import emergence, registry, verdicts

PERCENT = 100.0


@dataclass(frozen=True)
class Task:
    name: str
    options: int | None  # answer options per question; None = free response
    note: str = ""

    @property
    def chance(self) -> float:
        """Random-chance accuracy in percent (0 for a free-response answer)."""
        return 0.0 if self.options is None else PERCENT / self.options


TASKS = {
    "lambada_openai": Task("LAMBADA", None, "predict the last word of a passage; free response"),
    "piqa": Task("PIQA", 2, "two solutions to a physical goal"),
    "sciq": Task("SciQ", 4, "four answer options"),
    "winogrande": Task("WinoGrande", 2, "two fillers for a blank"),
    "arc_easy": Task("ARC-Easy", 4, "four options for almost all questions (a few have three or five)"),
    "arc_challenge": Task("ARC-Challenge", 4, "four options for almost all questions (a few have three or five)"),
    "logiqa": Task("LogiQA", 4, "four answer options"),
    "wsc": Task("WSC", 2, "yes/no: does the pronoun refer to the named noun?"),
    "mmlu": Task("MMLU", 4, "four answer options"),
    "hellaswag": Task("HellaSwag", 4, "four endings"),
    "boolq": Task("BoolQ", 2, "yes/no questions"),
    "csqa": Task("CommonsenseQA", 5, "five answer options"),
    "openbookqa": Task("OpenBookQA", 4, "four answer options"),
    "socialiqa": Task("Social IQa", 3, "three answer options"),
}

PYTHIA_MC_TASKS = ["sciq", "piqa", "arc_easy", "winogrande", "arc_challenge", "mmlu", "logiqa", "wsc"]
OLMO_TASKS = ["mmlu", "arc_challenge", "arc_easy", "hellaswag", "csqa", "openbookqa", "piqa", "socialiqa",
              "winogrande", "boolq"]
# Log columns per task: (split, MMLU areas averaged?) -> column stems in olmo_ladder/olmo2 files.
OLMO_SPLITS = {"arc_challenge": "test", "arc_easy": "test", "openbookqa": "test", "hellaswag": "val", "csqa": "val",
               "piqa": "val", "socialiqa": "val", "winogrande": "val", "boolq": "val"}
MMLU_AREAS = ["stem", "humanities", "social_sciences", "other"]
# metric name here -> column suffix in the logs
OLMO_METRICS = {"cloze": "rc_acc", "multiple_choice": "mc_acc", "bpb": "bpb"}


def task_name(task: str) -> str:
    return TASKS[task].name


def chance(task: str) -> float:
    return TASKS[task].chance


# --------------------------------------------------------------------------------------- Pythia

def pythia(evals: pd.DataFrame, models: pd.DataFrame, deduplicated: bool = True,
           setting: str = "zero_shot") -> pd.DataFrame:
    """Pythia checkpoints of one data set as long rows: accuracy (percent) for every task, LAMBADA's
    perplexity and its log, the target-word loss (nats). ``models`` is the registry."""
    rows = evals[(evals["run"].str.endswith(" deduped") == deduplicated) & (evals["setting"] == setting)].copy()
    if rows.empty:
        raise ValueError(f"no Pythia rows for deduplicated={deduplicated}, setting={setting!r}")
    scale = models.loc[rows["model"], ["parameters", "training_tokens", "training_flops"]]
    rows[["parameters", "training_tokens", "training_flops"]] = scale.to_numpy()
    accuracy = rows["metric"] == "accuracy"
    rows.loc[accuracy, "value"] = rows.loc[accuracy, "value"] * PERCENT
    loss = rows[rows["metric"] == "perplexity"].assign(metric="target_loss", value=lambda f: np.log(f["value"]))
    out = pd.concat([rows, loss], ignore_index=True)
    out["final"] = out["step"] == out.groupby("run")["step"].transform("max")
    return out.sort_values(["parameters", "step", "task", "metric"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------------------- OLMo

def olmo_column(task: str, metric: str) -> list[str]:
    """The log columns of one task and metric (the four MMLU areas for MMLU)."""
    suffix = OLMO_METRICS[metric]
    if task == "mmlu":
        return [f"mmlu_{area}_test_{suffix}" for area in MMLU_AREAS]
    return [f"{task}_{OLMO_SPLITS[task]}_{suffix}"]


def olmo(checkpoints: pd.DataFrame, models: pd.DataFrame, tasks: list[str] | None = None) -> pd.DataFrame:
    """OLMo checkpoints as long rows per task and metric: cloze and multiple-choice accuracy (percent)
    and bits per byte of the correct answer. MMLU is the unweighted mean of its four logged areas,
    written only when all four are logged. Multiple choice has rows only where the log has the column
    (the full OLMo 2 runs; the ladder logs have none). Training FLOPs are 6ND per checkpoint, from the
    registry's N and the checkpoint's tokens (none where N is unknown or no token was seen)."""
    tasks = tasks or OLMO_TASKS
    base = checkpoints[["model", "step", "training_tokens", "ce_c4_en"]].copy()
    base["parameters"] = models.loc[base["model"], "parameters"].to_numpy(dtype=float)
    base["family"] = models.loc[base["model"], "family"].to_numpy()
    seen = (base["training_tokens"] > 0) & base["parameters"].notna()
    base["training_flops"] = math.nan
    base.loc[seen, "training_flops"] = [registry.six_nd(n, d) for n, d in
                                        zip(base.loc[seen, "parameters"], base.loc[seen, "training_tokens"])]
    parts = []
    for task in tasks:
        for metric in OLMO_METRICS:
            columns = olmo_column(task, metric)
            if not all(c in checkpoints for c in columns):
                continue
            values = checkpoints[columns].mean(axis=1, skipna=False)
            if metric != "bpb":
                values = values * PERCENT
            parts.append(base.assign(task=task, metric=metric, value=values.to_numpy()).dropna(subset=["value"]))
    out = pd.concat(parts, ignore_index=True).rename(columns={"model": "run"})
    return out.sort_values(["run", "task", "metric", "training_tokens"], kind="stable").reset_index(drop=True)


def first_stays_above(trajectory: pd.DataFrame, order: str, value: str, level: float) -> pd.Series | None:
    """The first row (in ``order``) from which ``value`` stays above ``level`` at every later row, or
    None; missing values are skipped, never filled in."""
    row = emergence.first_row_where_better(trajectory.assign(_level=level), order, value, "_level")
    return None if row is None else row.drop("_level")


def matched_loss(runs: pd.DataFrame, loss: float, tolerance: float, loss_column: str = "ce_c4_en") -> pd.DataFrame:
    """For each run, the checkpoint whose loss is nearest to ``loss``, kept only if within ``tolerance``
    (runs that never come that close are left out). ``runs`` holds one task and metric."""
    rows = []
    for run, trajectory in runs.groupby("run", sort=False):
        distance = (trajectory[loss_column] - loss).abs()
        nearest = distance.idxmin()
        if distance[nearest] <= tolerance:
            rows.append(trajectory.loc[nearest])
    return pd.DataFrame(rows).reset_index(drop=True)


# ---------------------------------------------------------------------------------- Lu et al.

EXACT_MATCH_TASKS = {"modified_arithmetic", "gsm8k", "codenames"}  # Lu et al. Sec. 2.4: exact match only
LU_TASK_NAMES = {"gsm8k": "GSM8K", "social_iqa": "Social IQa", "commonsense_qa": "CommonsenseQA",
                 "strategyqa": "StrategyQA", "nonsense_words_grammar": "Nonsense words grammar"}


def lu_task_name(task: str) -> str:
    """A BIG-bench task folder name in words: 'hindu_knowledge' -> 'Hindu knowledge'."""
    return LU_TASK_NAMES.get(task, task.replace("_", " ").capitalize())


def lu_scores(runs: pd.DataFrame, models: pd.DataFrame, prompt_type: str = "closed") -> pd.DataFrame:
    """Lu et al.'s runs as one score per model, task and number of shots (percent): the mean over
    seeds of the paper's metric, BERTScore accuracy, or exact match for the three tasks scored that
    way. Runs whose metric was not computed are left out."""
    rows = runs[runs["prompt_type"] == prompt_type].copy()
    exact = rows["task"].isin(EXACT_MATCH_TASKS)
    rows["score"] = np.where(exact, rows["exact_match_accuracy"], rows["bert_score_accuracy"]) * PERCENT
    rows["score_metric"] = np.where(exact, "exact match", "BERTScore accuracy")
    rows = rows.dropna(subset=["score"])
    grouped = (rows.groupby(["model", "instruction_tuned", "task", "shots", "score_metric"], dropna=False)
               .agg(value=("score", "mean"), seeds=("score", "size")).reset_index())
    grouped["parameters"] = models.loc[grouped["model"], "parameters"].to_numpy(dtype=float)
    grouped["family"] = models.loc[grouped["model"], "family"].to_numpy()
    return grouped.sort_values(["task", "shots", "parameters"], kind="stable").reset_index(drop=True)


def leaves_chance(rows: pd.DataFrame, margin: float, order: str = "training_tokens") -> pd.DataFrame:
    """Per run and task (``rows``: one metric): the first checkpoint from which accuracy stays more
    than ``margin`` points above chance at every later checkpoint (the book's detector along a
    training run), its step, loss and value, and the same for the last checkpoint before it. NaN
    where the run never leaves chance; runs with fewer than three checkpoints are skipped."""
    out = []
    for (run, task), trajectory in rows.groupby(["run", "task"], sort=False):
        if trajectory[order].notna().sum() < 3:
            continue
        record = {"run": run, "task": task, "chance": chance(task)}
        first = first_stays_above(trajectory, order, "value", chance(task) + margin)
        if first is not None:
            before = trajectory[trajectory[order] < first[order]].sort_values(order)
            record.update(step=first["step"], loss=first["ce_c4_en"], value=first["value"],
                          first_logged=before.empty or (before[order] <= 0).all())
            if not before.empty:
                last = before.iloc[-1]
                record.update(step_before=last["step"], loss_before=last["ce_c4_en"], value_before=last["value"])
        out.append(record)
    columns = ["run", "task", "chance", "step", "loss", "value", "first_logged", "step_before", "loss_before",
               "value_before"]
    return pd.DataFrame(out).reindex(columns=columns)


def lu_leads(scores: pd.DataFrame, largest: str, margin: float) -> pd.DataFrame:
    """Per task and prompting (zero-shot, or few-shot = any exemplars): the lead of ``largest`` over
    the best smaller base (not instruction-tuned) model with a score for that task and prompting,
    and whether it exceeds ``margin`` points. Lu et al.'s "not predictable from smaller models"."""
    base = scores[scores["instruction_tuned"] == "no"].assign(
        prompting=lambda f: np.where(f["shots"] > 0, "few_shot", "zero_shot"))
    rows = []
    for (task, prompting), group in base.groupby(["task", "prompting"], sort=True):
        if largest not in set(group["model"]):
            continue
        top = group.loc[group["model"] == largest, "parameters"].iloc[0]
        curve = group[(group["parameters"] < top) | (group["model"] == largest)]
        best = curve[curve["model"] != largest].sort_values("value", kind="stable").iloc[-1]
        lead = verdicts.jump_over_smaller(curve, "parameters", "value", margin)
        rows.append({"task": task, "prompting": prompting, "metric": group["score_metric"].iloc[0],
                     "smaller_models": len(curve) - 1, "best_smaller_model": best["model"], **lead})
    return pd.DataFrame(rows)
