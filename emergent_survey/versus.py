"""Prompted large language models against fine-tuned models: how far apart they are, task by task.

Two inputs: Brown et al.'s Table H.1, where every task prints GPT-3's zero-, one- and few-shot results beside
the fine-tuned state of the art (``gpt3_finetuned_sota``), and the per-task-type comparisons gathered from
the papers Yang et al. cite (``yang2023_task_comparisons``). ``gpt3_against_sota`` reduces the first to one
row per task (one metric, one split, the gaps in points); ``summary`` states where few-shot GPT-3 reaches
the fine-tuned model and how far it falls short elsewhere; ``best_by_approach`` finds, per benchmark, the best
fine-tuned and the best prompted result, direction-aware. ``gap_panel`` and ``dot_panel`` draw them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import data, plotting

PROMPTED = ["zero_shot", "one_shot", "few_shot"]
EXCLUDED = {  # task -> why the comparison with the table's 'Fine-tuned SOTA' is not made
    "LAMBADA": "the table's state of the art is a language model evaluated without fine-tuning (Table 3.2)",
}
NOT_REPORTED = {("WiC", "zero_shot")}  # printed as 0.0, not an accuracy (see the data file's note)
FAMILY_OF = {"GPT-3 175B": "GPT-3", "PaLM 540B": "PaLM", "GPT-4": "GPT-4", "ChatGPT": "ChatGPT"}
FINE_TUNED_BEST, FINE_TUNED_OTHER = 0, 1  # indices into plotting.OTHER_STYLES
RANDOM_STYLE = (plotting.REFERENCE_COLOR, "|")
DISPLAY = {"NQs": "Natural Questions", "WebQs": "WebQuestions", "Copa": "COPA", "Quac": "QuAC",
           "En→Fr 14": "En→Fr", "Fr→En 14": "Fr→En", "En→De 16": "En→De", "De→En 16": "De→En",
           "En→Ro 16": "En→Ro", "Ro→En 16": "Ro→En", "SuperGLUE": "SuperGLUE average"}
METRIC_NAMES = {"acc": "", "average": "", "f1": "F1", "em": "exact match", "BLEU-mb": "BLEU", "BLEU-sb": "SacreBLEU"}


def display_name(task: str, metric: str = "acc") -> str:
    """A task of Table H.1 as the page names it, with its metric unless the metric is accuracy."""
    name, unit = DISPLAY.get(task, task), METRIC_NAMES.get(metric, metric)
    return f"{name} ({unit})" if unit else name


def h1_as_comparisons(rows: pd.DataFrame, task: str, benchmark: str, task_type: str, yang_section: str,
                      metric: str, split: str) -> pd.DataFrame:
    """Rows of ``gpt3_finetuned_sota`` for one task, metric and split, in the schema of
    ``yang2023_task_comparisons`` (for a panel that draws both files); ``source`` and ``note`` are kept."""
    part = rows[(rows["task"] == task) & (rows["metric"] == metric) & (rows["split"] == split)
                & rows["setting"].isin(["finetuned_sota", *PROMPTED])]
    if part.empty:
        raise KeyError(f"no Table H.1 rows for {task!r}, {metric!r}, {split!r}")
    sota = part["setting"] == "finetuned_sota"
    out = pd.DataFrame({
        "task_type": task_type, "benchmark": benchmark, "metric": metric, "higher_is_better": part["higher_is_better"],
        "system": np.where(sota, "Fine-tuned SOTA (Table H.1)", part["model"].fillna("")),
        "approach": np.where(sota, "fine_tuned", "prompted_llm"),
        "setting": np.where(sota, "fine_tuned", part["setting"]), "value": part["value"].astype(float),
        "unit": part["unit"], "yang_section": yang_section, "kind": part["kind"], "source": part["source"],
        "note": part["note"]})
    return out.reset_index(drop=True)


def gpt3_against_sota(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per task of Table H.1: its first metric in the table's order (never perplexity), the split on
    which all three prompted settings are reported (dev where the table has both), the fine-tuned SOTA,
    GPT-3 175B's zero-, one- and few-shot results, and each gap in points (result minus SOTA, so a
    negative gap is a shortfall). ``excluded`` gives the reason a task is left out of the comparison."""
    out = []
    for task, group in rows.groupby("task", sort=False):
        usable = group[group["metric"] != "ppl"]
        metric = usable["metric"].iloc[0]
        chosen = usable[usable["metric"] == metric]
        splits = [s for s in ("dev", "test") if set(PROMPTED) <= set(chosen.loc[chosen["split"] == s, "setting"])]
        if not splits:
            raise ValueError(f"{task}: no split reports zero-, one- and few-shot results")
        chosen = chosen[chosen["split"] == splits[0]].set_index("setting")
        record = {"task": task, "paper_section": chosen["paper_section"].iloc[0], "metric": metric,
                  "unit": chosen["unit"].iloc[0], "split": splits[0], "sota": float(chosen.loc["finetuned_sota", "value"]),
                  "excluded": EXCLUDED.get(task, "")}
        for setting in PROMPTED:
            value = float(chosen.loc[setting, "value"])
            record[setting] = np.nan if (task, setting) in NOT_REPORTED else value
            record[f"gap_{setting}"] = record[setting] - record["sota"]
        out.append(record)
    return pd.DataFrame(out)


def summary(table: pd.DataFrame, setting: str = "few_shot", near: float = 5.0) -> dict:
    """Counts for the prose: tasks compared, those where ``setting`` reaches or passes the SOTA, those within
    ``near`` points of it, and the median and largest shortfall of the rest."""
    compared = table[(table["excluded"] == "") & table[setting].notna()]
    gap = compared[f"gap_{setting}"]
    reached = compared[gap >= 0]
    short = compared[gap < 0]
    close = short[short[f"gap_{setting}"] >= -near]
    worst = short.loc[short[f"gap_{setting}"].idxmin()] if len(short) else None
    return {"compared": len(compared), "reached": reached["task"].tolist(), "close": close["task"].tolist(),
            "short": len(short), "median_shortfall": float(-short[f"gap_{setting}"].median()) if len(short) else 0.0,
            "worst_task": None if worst is None else worst["task"],
            "worst_shortfall": None if worst is None else float(-worst[f"gap_{setting}"])}


def best_by_approach(rows: pd.DataFrame) -> pd.DataFrame:
    """Per (task type, benchmark): the best fine-tuned and the best prompted result (higher or lower is
    better as the row says), the systems behind them, and ``llm_ahead_by``: how many points the prompted
    model is ahead (negative = behind), in the metric's own direction."""
    out = []
    for (task_type, benchmark), group in rows.groupby(["task_type", "benchmark"], sort=False):
        higher = data.truthy(group["higher_is_better"].iloc[0])
        pick = pd.Series.idxmax if higher else pd.Series.idxmin
        record = {"task_type": task_type, "benchmark": benchmark, "metric": group["metric"].iloc[0],
                  "unit": group["unit"].iloc[0], "higher_is_better": higher}
        for approach in ("fine_tuned", "prompted_llm"):
            part = group[group["approach"] == approach]
            if part.empty:
                record[f"{approach}_value"], record[f"{approach}_system"] = np.nan, ""
                continue
            best = part.loc[pick(part["value"])]
            record[f"{approach}_value"], record[f"{approach}_system"] = float(best["value"]), best["system"]
            record[f"{approach}_setting"] = best["setting"]
        difference = record["prompted_llm_value"] - record["fine_tuned_value"]
        record["llm_ahead_by"] = difference if higher else -difference
        out.append(record)
    return pd.DataFrame(out)


# ---------------------------------------------------------------------- drawing


def _point(ax, x, y, style, label, **kwargs):
    color, marker = style
    line = ax.plot([x], [y], linestyle="none", color=color, marker=marker, label=label, **kwargs)[0]
    line.set_gid("other")
    return line


def _family_point(ax, x, y, system, setting, label):
    return plotting.draw_series(ax, [x], [y], FAMILY_OF[system], setting, label=label, zorder=3)


def gap_panel(ax, table: pd.DataFrame, settings=("zero_shot", "few_shot")) -> None:
    """Tasks on the y axis (largest shortfall at the bottom), gap to the fine-tuned SOTA in points on the x axis,
    one GPT-3 marker per setting, a thin line joining them, a dotted line at zero (the SOTA itself)."""
    shown = table[table["excluded"] == ""].sort_values("gap_few_shot", ascending=True).reset_index(drop=True)
    plotting.vertical_line(ax, 0, "fine-tuned state of the art (Table H.1)")
    seen: set = set()
    for y, row in shown.iterrows():
        gaps = [row[f"gap_{s}"] for s in settings if not np.isnan(row[f"gap_{s}"])]
        if len(gaps) > 1:
            ax.plot([min(gaps), max(gaps)], [y, y], color="#cccccc", linewidth=1.0, zorder=1)
        for setting in settings:
            if np.isnan(row[f"gap_{setting}"]):
                continue
            label = f"GPT-3 175B, {plotting.setting_style(setting)['label']}"
            plotting.draw_series(ax, [row[f"gap_{setting}"]], [y], "GPT-3", setting, label=plotting.legend_once(seen, label),
                                 zorder=3)
    ax.set_yticks(range(len(shown)), [display_name(t, m) for t, m in zip(shown["task"], shown["metric"])])
    ax.set_ylim(-0.7, len(shown) - 0.3)
    ax.set_xlabel("Gap to fine-tuned SOTA (points)")
    ax.grid(axis="y", visible=False)


def gap_alt(table: pd.DataFrame) -> str:
    shown = table[table["excluded"] == ""].sort_values("gap_few_shot", ascending=False)
    parts = [f"{display_name(r.task, r.metric)} {r.gap_few_shot:+.1f}" for r in shown.itertuples()]
    return ("Few-shot GPT-3 175B minus the fine-tuned state of the art, in points, task by task from the "
            "closest: " + "; ".join(parts) + ".")


def dot_panel(ax, rows: pd.DataFrame, benchmarks: list[str], xlabel: str,
              prompted_settings: tuple = ("zero_shot", "few_shot", "standard", "chain_of_thought")) -> None:
    """One row per benchmark (first at the top): every fine-tuned result (the best one dark, others grey), the
    prompted models' results in their family's style, random chance as a grey bar, a thin line across."""
    seen: set = set()
    for y, benchmark in enumerate(benchmarks):
        group = rows[rows["benchmark"] == benchmark]
        if group.empty:
            raise KeyError(f"no rows for benchmark {benchmark!r}")
        higher = data.truthy(group["higher_is_better"].iloc[0])
        drawn = group[(group["approach"] != "prompted_llm") | group["setting"].isin(prompted_settings)]
        ax.plot([drawn["value"].min(), drawn["value"].max()], [y, y], color="#cccccc", linewidth=1.0, zorder=1)
        tuned = group[group["approach"] == "fine_tuned"]
        best = tuned["value"].idxmax() if higher else tuned["value"].idxmin()
        for index, row in tuned.iterrows():
            kind = FINE_TUNED_BEST if index == best else FINE_TUNED_OTHER
            color, marker, _ = plotting.OTHER_STYLES[kind]
            label = "best fine-tuned model in the source" if index == best else "another fine-tuned model"
            _point(ax, row["value"], y, (color, marker), plotting.legend_once(seen, label), zorder=2, markersize=5)
        for _, row in group[group["approach"] == "random"].iterrows():
            _point(ax, row["value"], y, RANDOM_STYLE, plotting.legend_once(seen, "random chance"), markersize=9, zorder=2)
        for _, row in group[(group["approach"] == "prompted_llm") & group["setting"].isin(prompted_settings)].iterrows():
            family = FAMILY_OF[row["system"]]
            label = f"{family}, {plotting.setting_style(row['setting'])['label']}"
            _family_point(ax, row["value"], y, row["system"], row["setting"], plotting.legend_once(seen, label))
    ax.set_yticks(range(len(benchmarks)), benchmarks)
    ax.set_ylim(len(benchmarks) - 0.4, -0.6)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)


def dot_alt(rows: pd.DataFrame, benchmarks: list[str],
            prompted_settings: tuple = ("zero_shot", "few_shot", "standard", "chain_of_thought")) -> str:
    parts = []
    for benchmark in benchmarks:
        group = rows[(rows["benchmark"] == benchmark)
                     & ((rows["approach"] != "prompted_llm") | rows["setting"].isin(prompted_settings))]
        values = ", ".join(f"{r.system} ({plotting.setting_style(r.setting)['label'] if r.approach == 'prompted_llm' else r.approach.replace('_', ' ')}) {r.value:g}"
                           for r in group.itertuples())
        parts.append(f"{benchmark}: {values}")
    return "; ".join(parts) + "."
