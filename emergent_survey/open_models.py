"""The chapter "Emergence in open models, and predicting it": each section's numbers, tables and
figure, computed from the data files with the book's methods.

The methods live in their own modules (``families``: per-family rules and the highlighted-family
drawing; ``observational``: principal components and the prediction test; ``discontinuity``:
PaLM's measure; ``frontier``: first and routine dates). This module applies them to the chapter's
files. Each section function takes the chapter's data (``load``) and the figure grid the notebook
names, publishes the figure, and returns a ``Section``: the texts the prose cites (glue name ->
text, formatted as the book formats numbers) and the section's tables. Nothing is estimated: a
model without compute is left off a compute axis, a missing score stays missing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from . import (citations, claims, data, discontinuity, emergence, families, frontier, observational, plotting, prose,
               registry, tables)

PAGE = "chapters/open_models/index"
MARGIN = emergence.DETECTOR_MARGIN  # points above chance
HIGHLIGHT = ["Pythia", "OPT", "Qwen1.5", "Llama-2", "Llama-3.1"]  # open families drawn in colour; the rest grey
OTHER_OPEN = "other open models"
BBH_MEAN = "BBH (mean of 27 tasks)"
BENCHMARKS = ["MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval"]
NO_GSM8K = [b for b in BENCHMARKS if b != "GSM8K"]
ROUTINE_LIMIT = 1e23  # "below the scale of first emergence": the order of magnitude of Wei et al.'s Table 1


@dataclass
class Section:
    texts: dict[str, str] = field(default_factory=dict)
    tables: dict[str, tables.Table] = field(default_factory=dict)

    def glue(self) -> "Section":
        for name, text in self.texts.items():
            prose.glue_text(name, text)
        return self


def short(model: str) -> str:
    """'meta-llama/Llama-2-7b-hf' -> 'Llama-2-7b-hf'."""
    return model.split("/")[-1]


def pct(value: float) -> str:
    return f"{value:.1f}"


sci = prose.scientific


def number(value: float, spec: str) -> str:
    return "none" if pd.isna(value) else format(value, spec)


def _require(condition: bool, message: str) -> None:
    """The data must have the shape the chapter's text describes; say what differs if not."""
    if not condition:
        raise ValueError(message)


def load() -> SimpleNamespace:
    """The chapter's data: registry, model sets, stated numbers, and the observations it uses."""
    d = SimpleNamespace()
    d.models = registry.models()
    d.flops = d.models["training_flops"]
    d.sets = data.load("obsscaling_model_sets").set_index("model")["model_set"]
    d.open_registry = data.load("models_obsscaling").set_index("model")
    d.base = d.open_registry[d.sets.reindex(d.open_registry.index) != "instruct"]
    d.paper = d.sets[d.sets == "paper"].index.tolist()
    d.preregistered = d.sets[d.sets == "preregistered"].index.tolist()
    d.ruan, d.stated = claims.Claims("obsscaling_claims"), claims.Claims("predictability_claims")
    d.table1 = data.load("wei2022_table1").set_index("ability")
    d.emergent = registry.with_scale(data.load("obsscaling_emergent_tasks"))
    d.emergent["percent"] = np.where(d.emergent["unit"] == "fraction", d.emergent["value"] * 100, d.emergent["value"])
    d.cot = registry.with_scale(data.load("obsscaling_cot"))
    d.flexible = d.cot[d.cot["matching"] == "flexible"].dropna(subset=["training_flops"]).copy()
    d.flexible["value"] = d.flexible["percent"] = d.flexible["value"] * 100
    d.bbh_tasks = d.cot[d.cot["task"].str.startswith("BBH ") & (d.cot["task"] != BBH_MEAN)]
    d.bbh_chance = d.bbh_tasks.drop_duplicates("task")["chance"].mean() * 100  # mean chance of the 27 tasks
    d.cot_scale = d.table1.loc["Chain of thought: Math word problems", "emergent_training_flops"]
    d.bench = data.load("obsscaling_benchmarks")
    chances = d.emergent.loc[d.emergent["task"] == "Persian QA", "chance"].dropna().unique()
    _require(len(chances) == 1, f"data/obsscaling emergent tasks: Persian QA has chance levels {list(chances)}, "
             "expected exactly one")
    d.persian_chance = float(chances[0])  # a fraction: 0.25 for four options
    return d


# ---------------------------------------------------------------------------- the models


def models_section(d) -> Section:
    fig2 = data.load("wei2022_figures_2_11").query("figure == 'Figure 2'")
    persian_chance = d.persian_chance
    no_flops = [m for m in d.base.index[d.base["training_flops"].isna()] if d.sets.get(m) in ("paper", "preregistered")]
    size = lambda m: prose.parameters(d.models.loc[m, "parameters"])  # noqa: E731
    return Section({
        "open_models_evaluated": f"{len(d.base)}", "open_models_with_flops": f"{d.base['training_flops'].notna().sum()}",
        "open_families": f"{d.base['family'].nunique()}", "emergent_models": f"{d.emergent['model'].nunique()}",
        "no_flops_count": f"{len(no_flops)}", "no_flops_models": ", ".join(sorted(short(m) for m in no_flops)),
        "mixtral_8x7b_size": size("mistralai/Mixtral-8x7B-v0.1"), "mixtral_8x22b_size": size("mistralai/Mixtral-8x22B-v0.1"),
        "margin": f"{MARGIN:.0f}", "ruan_shots": d.ruan.text("emergent_tasks_shots", 0),
        "highlight_count": f"{len(HIGHLIGHT)}", "six_nd_factor": f"{registry.FLOPS_PER_PARAMETER_PER_TOKEN}",
        "ruan_flops_unit": sci(1e21, 1), "table1_flops_range": f"{sci(d.table1['emergent_training_flops'].min())} to "
                                                                       f"{sci(d.table1['emergent_training_flops'].max())}",
        "wei_fig2_families": f"{fig2.loc[fig2['series'] != 'Random', 'series'].nunique()}",
        "persian_chance": f"{persian_chance * 100:.0f}", "persian_options": f"{1 / persian_chance:.0f}"})


# ---------------------------------------------------------------------------- Wei et al.'s tasks

# task -> (metric of the open-model file, chance in %, closed-model panel of Wei et al. or GPT-3 task, y range)
TASKS = {"Persian QA": ("accuracy", 25.0, "Figure 2D", 70), "IPA transliterate": ("bleu", 0.0, "Figure 2B", 70),
         "Word unscramble": ("exact_match", 0.0, "Figure 2C", 100), "3-digit subtraction": ("accuracy", 0.0, "3D-", 100),
         "3-digit addition": ("accuracy", 0.0, "3D+", 100), "2-digit multiplication": ("accuracy", 0.0, "2Dx", 100),
         "2-digit addition": ("accuracy", 0.0, "2D+", 100)}
TITLES = {"IPA transliterate": "IPA transliteration (BLEU)", "Word unscramble": "Word unscrambling"}
SHOWN_TASKS = ["Persian QA", "IPA transliterate", "Word unscramble", "3-digit subtraction"]  # the table has all seven


def emergent_section(d, grid) -> Section:
    """Wei et al.'s Figure 2 tasks and GPT-3's arithmetic on open models: the figure, the detector
    per family (open and closed), and the numbers the text cites."""
    figure2 = data.load("wei2022_figures_2_11").query("figure == 'Figure 2' and x_quantity == 'training_flops'")
    gpt3 = registry.with_scale(data.load("gpt3_table_h1")).query("setting == 'few_shot'")
    open_rows = {task: d.emergent[(d.emergent["task"] == task) & (d.emergent["metric"] == spec[0])]
                 .dropna(subset=["training_flops"]) for task, spec in TASKS.items()}
    closed_rows = {task: (figure2[figure2["panel"] == spec[2]].dropna(subset=["x_value"]).rename(
                       columns={"series": "family", "x_value": "training_flops", "y_value": "percent"})
                       if spec[2].startswith("Figure") else gpt3[gpt3["task"] == spec[2]].assign(percent=lambda f: f["value"]))
                   for task, spec in TASKS.items()}
    for task in SHOWN_TASKS:
        metric, chance, _, top = TASKS[task]
        ax = grid.panel(TITLES.get(task, task))
        for family, curve in closed_rows[task].groupby("family", sort=True):
            curve = curve.sort_values("training_flops")
            plotting.draw_series(ax, curve["training_flops"], curve["percent"], family, "few_shot", markersize=4)
        families.draw(ax, open_rows[task], HIGHLIGHT, "percent", "two_shot", OTHER_OPEN)
        if chance:
            plotting.reference_line(ax, chance)
        plotting.format_scale_axis(ax, "training_flops")
        ax.set(xlim=(1e18, 4e26), ylim=(0, top), ylabel="BLEU" if metric == "bleu" else "Accuracy (%)")
    grid.publish("fig_emergent_tasks",
                 alt="Four panels, one per task, of accuracy (BLEU for transliteration) against training FLOPs: closed "
                     "models of Wei et al. and GPT-3 as lines, open model families as dashed lines and grey points. The "
                     "open models jump on the same tasks, some at lower compute than GPT-3 on arithmetic.",
                 data={"obsscaling_emergent_tasks": pd.concat([open_rows[t] for t in SHOWN_TASKS]),
                       "wei2022_figures_2_11": figure2[figure2["panel"].isin([TASKS[t][2] for t in SHOWN_TASKS])],
                       "gpt3_table_h1": gpt3[gpt3["task"] == TASKS["3-digit subtraction"][2]]})

    detected = {t: families.emergence_by_family(open_rows[t], "percent", TASKS[t][1], MARGIN) for t in TASKS}
    closed = {t: families.emergence_by_family(closed_rows[t], "percent", TASKS[t][1], MARGIN) for t in TASKS}

    def first(table, with_model=True):
        row = families.lowest(table, "scale")
        if row is None:
            return None
        where = families.at_or_below(row["scale"], row["at_smallest"], sci)
        return f"{row['family']} ({short(row['model'])}) at {where}" if with_model else f"{row['family']} at {where}"

    summary = pd.DataFrame([{
        "task": TITLES.get(task, task), "families": len(found), "closed": first(closed[task], with_model=False),
        "within": int((found["scale"].notna() & ~found["at_smallest"]).sum()), "at_smallest": int(found["at_smallest"].sum()),
        "never": int(found["scale"].isna().sum()), "lowest": first(found)} for task, found in detected.items()])
    detector = tables.show(summary, {
        "task": "Task",
        "closed": tables.Column("Closed models: first above", missing="no closed family in the panel stays "
                                "above the line"),
        "families": tables.Column("Open families", "int"),
        "within": tables.Column("Jump inside its range", "int"),
        "at_smallest": tables.Column("Above at its smallest", "int"),
        "never": tables.Column("Never above", "int"),
        "lowest": tables.Column("Lowest compute where an open family is above (≤: its smallest model)",
                                missing="no open family emerges"),
    }, caption=f"The emergence detector (margin {MARGIN:.0f} points above chance) on open and closed families",
        source=(f"{citations.source_note('ruan2024observational', 'repository results (2-shot)')}; "
                f"{citations.source_note('wei2022emergent', 'Figure 2')}; {citations.source_note('brown2020gpt3', 'Table H.1')}"),
        data={"obsscaling_emergent_tasks": pd.concat(open_rows.values())}, page=PAGE)

    persian, palm = detected["Persian QA"], closed["Persian QA"].set_index("family").loc["PaLM"]
    inside, lowest = families.lowest(persian, "scale", inside_only=True), families.lowest(persian, "scale")
    rows = open_rows["Persian QA"]
    below, top = rows[rows["training_flops"] < lowest["scale"]], rows.sort_values("percent").iloc[-1]
    subtraction = detected["3-digit subtraction"]
    gpt3_sub = closed["3-digit subtraction"].set_index("family").loc["GPT-3"]
    first_sub, never_sub = families.lowest(subtraction, "scale"), subtraction[subtraction["scale"].isna()]
    opt_top = open_rows["3-digit subtraction"].query("family == 'OPT'").sort_values("training_flops").iloc[-1]
    ipa = d.emergent[(d.emergent["task"] == "IPA transliterate") & (d.emergent["metric"] == "exact_match")]
    texts = {
        "persian_open_families": f"{len(persian)}", "persian_open_count": f"{persian['scale'].notna().sum()}",
        "persian_open_inside": f"{(persian['scale'].notna() & ~persian['at_smallest']).sum()}",
        "persian_open_first_family": inside["family"], "persian_open_first_model": short(inside["model"]),
        "persian_open_first_flops": sci(inside["scale"]), "persian_lowest_family": lowest["family"],
        "persian_lowest_model": short(lowest["model"]), "persian_lowest_flops": sci(lowest["scale"]),
        "persian_palm_model": palm["model"], "persian_palm_flops": sci(palm["scale"]),
        "persian_palm_ratio": f"{palm['scale'] / inside['scale']:.0f}",
        "persian_palm540": pct(data.lookup(figure2, "y_value", panel="Figure 2D", model="PaLM 540B")),
        "persian_below_max": pct(below["percent"].max()), "persian_below_count": f"{len(below)}",
        "persian_flat_from": sci(below["training_flops"].min()),
        "persian_flat_decades": f"{math.log10(lowest['scale'] / below['training_flops'].min()):.1f}",
        "persian_top_model": short(top["model"]), "persian_top": pct(top["percent"]),
        "sub_gpt3_model": gpt3_sub["model"], "sub_gpt3_flops": sci(gpt3_sub["scale"]),
        "sub_open_first": f"{first_sub['family']} ({short(first_sub['model'])})", "sub_open_first_flops": sci(first_sub["scale"]),
        "sub_open_first_where": ("its family's smallest model with known compute" if first_sub["at_smallest"]
                                 else "where its family jumps"),
        "sub_never": ", ".join(never_sub["family"]), "sub_never_largest": sci(never_sub["largest"].max()),
        "sub_opt_largest": short(opt_top["model"]), "sub_opt_largest_value": pct(opt_top["percent"]),
        "sub_opt_largest_flops": sci(opt_top["training_flops"]),
        "ipa_never": f"{detected['IPA transliterate']['scale'].isna().sum()}",
        "ipa_families": f"{len(detected['IPA transliterate'])}", "ipa_exact_max": pct(ipa["percent"].max()),
        "ipa_exact_max_model": short(ipa.loc[ipa["percent"].idxmax(), "model"]),
        "shown_tasks": f"{len(SHOWN_TASKS)}", "all_tasks": f"{len(TASKS)}",
    }
    return Section(texts, {"detector": detector})


# ---------------------------------------------------------------------------- chain of thought


def cot_section(d, grid, task_grid) -> Section:
    """GSM8K and BIG-Bench Hard, direct against chain of thought (and self-consistency): the figure
    per family, where the gain starts by family, and the gain per BIG-Bench Hard task."""
    texts = {}
    bbh_mean = d.cot[d.cot["task"] == BBH_MEAN]
    for matching in ("strict", "flexible"):
        for setting, name in (("standard", "direct"), ("chain_of_thought", "cot")):
            values = bbh_mean[(bbh_mean["matching"] == matching) & (bbh_mean["setting"] == setting)]["value"] * 100
            texts[f"bbh_{matching}_{name}_median"] = pct(values.median())
            texts[f"bbh_{matching}_{name}_max"] = pct(values.max())
    table1 = d.table1
    texts |= {"cot_table1_flops": sci(d.cot_scale),
              "cot_table1_params": prose.parameters(table1.loc["Chain of thought: Math word problems", "emergent_parameters"]),
              "sc_table1_flops": sci(table1.loc["Self-consistency decoding", "emergent_training_flops"]),
              "cot_100b": d.stated.text("wei_cot_100b", 0), "sc_samples": d.ruan.text("self_consistency_samples", 0),
              "sc_temperature": d.ruan.text("self_consistency_temperature", 1),
              "cot_100b_params": f"{d.stated.value('wei_cot_100b'):.0f}B"}
    shots = d.cot.groupby(["task", "setting"])["shots"].unique()
    for key, (task, setting) in {"gsm_standard_shots": ("GSM8K", "standard"), "gsm_cot_shots": ("GSM8K", "chain_of_thought"),
                                 "bbh_shots": (BBH_MEAN, "chain_of_thought")}.items():
        _require(len(shots[(task, setting)]) == 1, f"data/obsscaling chain-of-thought results: {task} ({setting}) "
                 f"uses shot counts {list(shots[(task, setting)])}, expected one (the text states one)")
        texts[key] = f"{shots[(task, setting)][0]:.0f}"
    flexible, shown = d.flexible, [f for f in HIGHLIGHT if f != "OPT"]  # OPT stays flat like Pythia (see the table)
    grid.columns = len(shown)
    for task, title, settings in (("GSM8K", "GSM8K", ("standard", "chain_of_thought", "self_consistency")),
                                  (BBH_MEAN, "BIG-Bench Hard", ("standard", "chain_of_thought"))):
        for family in shown:
            rows = flexible[(flexible["task"] == task) & (flexible["family"] == family)]
            if rows.empty:
                continue
            ax = grid.panel(f"{title} · {family}")
            for setting in settings:
                curve = rows[rows["setting"] == setting].sort_values("training_flops")
                plotting.draw_series(ax, curve["training_flops"], curve["percent"], family, setting, markersize=4,
                                     label=plotting.setting_style(setting)["label"])
            plotting.vertical_line(ax, d.cot_scale)
            if task == BBH_MEAN:
                plotting.reference_line(ax, d.bbh_chance)
            plotting.format_scale_axis(ax, "training_flops")
            ax.set(xlim=(1e20, 1e26), ylim=(0, 100), ylabel="Solve rate (%)" if task == "GSM8K" else "Accuracy (%)")
    with_bbh = set(flexible.loc[flexible["task"] == BBH_MEAN, "family"])
    texts |= {"bbh_chance": pct(d.bbh_chance), "no_bbh_families": prose.listing(f for f in shown if f not in with_bbh),
              "cot_shown_count": f"{len(shown)}", "bbh_task_count": f"{d.bbh_tasks['task'].nunique()}"}
    grid.publish("fig_chain_of_thought",
                 alt="GSM8K and BIG-Bench Hard accuracy against training FLOPs for four open model families, direct "
                     "answers against chain of thought (and self-consistency on GSM8K): the chain-of-thought curves "
                     "pull away from the direct ones in the larger models.",
                 data={"obsscaling_cot": flexible[flexible["task"].isin(["GSM8K", BBH_MEAN]) & flexible["family"].isin(shown)]})

    gsm8k, bbh = flexible[flexible["task"] == "GSM8K"], flexible[flexible["task"] == BBH_MEAN]
    by_family = (families.gain_by_family(gsm8k, "chain_of_thought", "standard", MARGIN)
                 .merge(families.gain_by_family(bbh, "chain_of_thought", "standard", MARGIN)[["family", "first", "at_smallest"]],
                        on="family", how="left", suffixes=("", "_bbh"))
                 .merge(families.gain_by_family(gsm8k, "self_consistency", "chain_of_thought_sampled", 0)[["family", "gain"]],
                        on="family", how="left", suffixes=("", "_sc")))
    for column, at in (("first", "at_smallest"), ("first_bbh", "at_smallest_bbh")):
        by_family[column + "_text"] = [families.at_or_below(v, a, sci) for v, a in zip(by_family[column], by_family[at])]
    family_table = tables.show(by_family, {
        "family": "Family", "sizes": tables.Column("Sizes", "int"),
        "smallest": tables.Column("Smallest (FLOPs)", "flops"), "largest": tables.Column("Largest (FLOPs)", "flops"),
        "first_text": tables.Column("GSM8K: ahead from",
                                    missing=f"never more than {MARGIN:.0f} points ahead up to the family's largest model"),
        "first_bbh_text": tables.Column("BBH: ahead from",
                                        missing="never ahead by the margin, or fewer than two sizes with results"),
        "gain": tables.Column("GSM8K gain, largest", "points"),
        "gain_sc": tables.Column("Self-consistency gain, largest", "points"),
    }, caption=f"Where chain of thought stays more than {MARGIN:.0f} points ahead of direct answers, by open family "
               "(training FLOPs; gains in points)",
        source=citations.source_note("ruan2024observational", "repository results; flexible matching"),
        notes=["≤: the family's smallest model with known compute is already ahead, so the gain may start lower. "
               "BBH: BIG-Bench Hard, mean of 27 tasks. Self-consistency gain: over one sampled chain of thought."],
        data={"obsscaling_cot": flexible[flexible["task"].isin(["GSM8K", BBH_MEAN])]}, page=PAGE)

    found = by_family.dropna(subset=["first"])
    inside, never = found[~found["at_smallest"]], by_family[by_family["first"].isna()]
    early = families.lowest(by_family, "first")
    early_rows = gsm8k[(gsm8k["family"] == early["family"]) & (gsm8k["training_flops"] == early["first"])].set_index("setting")
    row = by_family.set_index("family")
    qwen = gsm8k[gsm8k["family"] == "Qwen1.5"].sort_values("training_flops")
    q_small = qwen[qwen["training_flops"] == qwen["training_flops"].min()].set_index("setting")["percent"]
    small = gsm8k[gsm8k["training_flops"] < d.cot_scale].pivot_table(index="model", columns="setting", values="percent")
    small = small.dropna(subset=["standard", "chain_of_thought"])
    hurt, sc = small[small["chain_of_thought"] < small["standard"]], by_family["gain_sc"].dropna()
    at = lambda family: families.at_or_below(row.loc[family, "first"], row.loc[family, "at_smallest"], sci)  # noqa: E731
    highlighted = row.loc[row.index.isin(HIGHLIGHT), "largest"]
    _require(highlighted.idxmin() == "Pythia", "the text calls Pythia's largest model the highlighted family's "
             f"smallest in compute, but it is {highlighted.idxmin()}'s")
    texts |= {
        "cot_families": f"{len(by_family)}", "cot_gsm8k_found": f"{len(found)}", "cot_gsm8k_inside": f"{len(inside)}",
        "cot_gsm8k_inside_below": f"{(inside['first'] < d.cot_scale).sum()}",
        "cot_gsm8k_inside_range": f"{sci(inside['first'].min())} to {sci(inside['first'].max())}",
        "cot_gsm8k_never": ", ".join(never["family"]), "cot_gsm8k_never_largest": sci(never["largest"].max()),
        "cot_earliest_family": early["family"], "cot_earliest_model": short(early_rows["model"].iloc[0]),
        "cot_earliest_flops": families.at_or_below(early["first"], early["at_smallest"], sci),
        "cot_earliest_standard": pct(early_rows.loc["standard", "percent"]),
        "cot_earliest_cot": pct(early_rows.loc["chain_of_thought", "percent"]),
        "cot_pythia_gain": prose.points(row.loc["Pythia", "gain"]), "cot_llama2_from": at("Llama-2"),
        "cot_llama2_gain": prose.points(row.loc["Llama-2", "gain"]), "cot_qwen15_from": at("Qwen1.5"),
        "qwen_small_model": short(qwen["model"].iloc[0]), "qwen_small_standard": pct(q_small["standard"]),
        "qwen_small_cot": pct(q_small["chain_of_thought"]), "cot_small_models": f"{len(small)}",
        "cot_small_hurt": f"{len(hurt)}", "cot_small_hurt_max": pct(hurt["standard"].max()),
        "sc_families": f"{len(sc)}", "sc_positive": f"{(sc > 0).sum()}", "sc_gain_max": prose.points(sc.max()),
        "sc_gain_max_family": by_family.loc[sc.idxmax(), "family"]}
    section = Section(texts, {"families": family_table})
    bbh_by_task(d, task_grid, section)
    return section


NEAR_ZERO = 5.0  # points: a median gain this close to zero counts as no gain
SHORT_TASK_NAMES = {"salient translation error detection": "translation errors",
                    "multistep arithmetic two": "multistep arithmetic", "reasoning about colored objects": "colored objects"}


def task_label(name: str) -> str:
    """A BIG-Bench Hard task name short enough for an axis: 'tracking shuffled objects five objects' ->
    'shuffled objects (5)'."""
    for word, digit in {"three": "3", "five": "5", "seven": "7"}.items():
        name = name.replace(f" {word} objects", f" ({digit})")
    return SHORT_TASK_NAMES.get(name, name.replace("tracking shuffled objects", "shuffled objects"))


def bbh_by_task(d, grid, section: Section) -> None:
    per_task = d.flexible[d.flexible["task"].str.startswith("BBH ") & (d.flexible["task"] != BBH_MEAN)]
    gains = per_task.pivot_table(index=["task", "model", "training_flops"], columns="setting", values="percent").reset_index()
    gains["gain"], gains["large"] = gains["chain_of_thought"] - gains["standard"], gains["training_flops"] >= d.cot_scale
    by_task = gains.groupby("task").apply(lambda g: pd.Series({
        "small": g.loc[~g["large"], "gain"].median(), "large": g.loc[g["large"], "gain"].median(),
        "large_ahead": (g.loc[g["large"], "gain"] > 0).mean() * 100}), include_groups=False).reset_index()
    by_task["name"] = by_task["task"].str.removeprefix("BBH ").str.replace("_", " ")
    by_task["chance"] = by_task["task"].map(d.bbh_tasks.drop_duplicates("task").set_index("task")["chance"] * 100)
    by_task = by_task.sort_values("large").reset_index(drop=True)
    sizes = gains.drop_duplicates("model")["large"].value_counts()
    ax = grid.panel("Chain of thought minus direct answer")
    positions = np.arange(len(by_task))
    for index, (column, label) in enumerate((("large", f"open models at or above (median of {sizes[True]})"),
                                             ("small", f"open models below {sci(d.cot_scale)} FLOPs "
                                                       f"(median of {sizes[False]})"))):
        line = plotting.draw_other(ax, by_task[column], positions, label, index, markersize=5)
        line.set_linestyle("none")
        line.set_fillstyle("full" if column == "large" else "none")
    plotting.vertical_line(ax, 0)
    ax.set_yticks(positions, [task_label(name) for name in by_task["name"]])
    ax.set(ylim=(-0.8, len(by_task) - 0.2), xlabel="Gain in accuracy (points)")
    ax.grid(axis="y", visible=False)
    grid.publish("fig_bbh_tasks",
                 alt="For each of the 27 BIG-Bench Hard tasks, the median gain of chain of thought over a direct answer "
                     f"in open models below and above {sci(d.cot_scale)} training FLOPs: near zero for the smaller models, large for "
                     "most tasks in the larger ones, negative for a few.",
                 data={"obsscaling_cot": per_task})
    gaining, losing = by_task[by_task["large"] > MARGIN], by_task[by_task["large"] < 0].sort_values("large")
    section.texts |= {
        "bbh_tasks": f"{len(by_task)}", "bbh_gaining": f"{len(gaining)}", "bbh_losing": f"{len(losing)}",
        "bbh_losing_names": ", ".join(losing["name"]), "bbh_top_name": by_task["name"].iloc[-1],
        "bbh_top_gain": prose.points(by_task["large"].iloc[-1]),
        "bbh_small_range": f"{prose.points(by_task['small'].min())} to {prose.points(by_task['small'].max())}",
        "bbh_small_within": f"{(by_task['small'].abs() <= NEAR_ZERO).sum()}", "near_zero": f"{NEAR_ZERO:.0f}"}
    section.tables["bbh_tasks"] = tables.show(by_task.sort_values("large", ascending=False), {
        "name": "Task", "chance": tables.Column("Chance (%)", "percent"),
        "small": tables.Column(f"Median gain, below {sci(d.cot_scale)} FLOPs", "points"),
        "large": tables.Column("Median gain, at or above", "points"),
        "large_ahead": tables.Column("Larger models ahead (%)", "percent"),
    }, caption="Chain of thought against a direct answer on each BIG-Bench Hard task, open models (gains in points; "
               "chance 0: free answer)",
        source=citations.source_note("ruan2024observational", "repository results, 3-shot, flexible matching"),
        data={"obsscaling_cot": per_task}, page=PAGE)


# ---------------------------------------------------------------------------- observational scaling


def claims_table(source_claims: claims.Claims, what: dict[str, str], caption: str) -> tables.Table:
    """Stated numbers with their sentences; values formatted by size (FLOPs in powers of ten)."""
    value = lambda v: None if pd.isna(v) else (sci(v) if v >= 1e6 else f"{v:g}")  # noqa: E731
    return source_claims.table(list(what), caption, page=PAGE, what=what, value_format=value)


def components_section(d, grid) -> Section:
    """Principal components of the paper's benchmark matrix and the capability score."""
    pca = observational.principal_components(observational.benchmark_matrix(d.bench, d.paper, BENCHMARKS))
    capability = observational.scores(pca, observational.benchmark_matrix(d.bench, None, BENCHMARKS), 3)
    capability = capability[capability["benchmarks_used"] == len(BENCHMARKS)]  # scored from all eight only
    with_scale = capability.join(d.models[["family", "training_flops"]]).dropna(subset=["training_flops"])
    r2 = pd.Series({family: observational.r_squared(np.log10(rows["training_flops"]), rows["PC1"])
                    for family, rows in with_scale.groupby("family") if rows["training_flops"].nunique() >= 3}).dropna()
    texts = {
        "pca_benchmarks": f"{len(BENCHMARKS)}", "paper_model_count": f"{len(d.paper)}", "pca_complete": f"{len(pca.models)}",
        "pca_incomplete": f"{len(d.paper) - len(pca.models)}", "pc1_share": pct(pca.variance_ratio[0] * 100),
        "top3_share": pct(pca.cumulative(3) * 100), "ruan_pc1": d.ruan.text("pc1_variance_explained", 0),
        "ruan_top3": d.ruan.text("top3_pcs_variance_explained", 0), "ruan_r2": d.ruan.text("pc1_log_flops_r2_above", 1),
        "r2_families": f"{len(r2)}", "r2_above": f"{(r2 > d.ruan.value('pc1_log_flops_r2_above')).sum()}",
        "r2_lowest": f"{r2.min():.2f}", "r2_lowest_family": r2.idxmin()}
    ax = grid.panel("Variance explained")
    order = np.arange(1, len(pca.variance_ratio) + 1)
    plotting.draw_other(ax, order, pca.variance_ratio * 100, "share of the variance, each component", 0, markersize=4)
    plotting.draw_other(ax, order, np.cumsum(pca.variance_ratio) * 100, "cumulative share", 2, markersize=4)
    ax.set(xticks=order, xlabel="Principal component", ylabel="Variance explained (%)", ylim=(0, 100))
    ax = grid.panel("Capability against compute")
    families.draw(ax, with_scale.reset_index(names="model"), HIGHLIGHT, "PC1", "as_trained", OTHER_OPEN)
    plotting.format_scale_axis(ax, "training_flops")
    ax.set_ylabel("First component score")
    grid.publish("fig_capability",
                 alt="Two panels: the share of benchmark variance explained by each principal component (the first about "
                     "80 percent, the first three almost all); the first-component score of each open model against its "
                     "training FLOPs, rising along a straight line within each family.",
                 data={"obsscaling_benchmarks": d.bench[d.bench["model"].isin(capability.index)]})
    loadings = pd.DataFrame(pca.loadings[:3].T, columns=["pc1", "pc2", "pc3"]).assign(
        benchmark=[{"Winograd": "Winogrande", "XWinograd": "XWinogrande"}.get(b, b) for b in BENCHMARKS])
    return Section(texts, {
        "loadings": tables.show(loadings, {"benchmark": "Benchmark", "pc1": tables.Column("First component", "decimal2"),
                                           "pc2": tables.Column("Second", "decimal2"), "pc3": tables.Column("Third", "decimal2")},
                                caption="How much each benchmark counts in the first three principal components (loadings)",
                                source=citations.source_note("ruan2024observational", "benchmark results; computed by the book"),
                                data={"obsscaling_benchmarks": d.bench[d.bench["model"].isin(pca.models)]}, page=PAGE),
        "stated": claims_table(d.ruan, {
            "pc1_variance_explained": "variance explained by the first component",
            "top3_pcs_variance_explained": "variance explained by the first three",
            "pc1_log_flops_r2_above": "fit of the first component to log compute, within a family",
            "number_of_pcs": "components used for prediction",
            "default_cutoff_flops": "compute cutoff between fitting and test models",
            "default_cutoff_train_models": "models used for fitting", "default_cutoff_test_models": "models held out for testing",
            "arithmetic_cutoff_fraction_of_default": "cutoff for the arithmetic tasks"},
            "What Ruan et al. state about their components and their prediction test")})


STATED_FITS = {"compute": ("a", "training_flops"), "observational": ("b", "observational_3_pcs")}


def prediction_targets(d) -> dict:
    """name -> (target as a fraction, chance, cutoff, benchmarks of the components, Ruan et al.'s claim key)."""
    cutoff = d.ruan.value("default_cutoff_flops")
    cot = d.cot[d.cot["matching"] == "flexible"]
    emergent = lambda task, metric: d.emergent.query("task == @task and metric == @metric").set_index("model")["value"]  # noqa: E731
    prompted = lambda task, setting: cot.query("task == @task and setting == @setting").set_index("model")["value"]  # noqa: E731
    return {
        "Persian QA": (emergent("Persian QA", "accuracy"), 0.25, cutoff, BENCHMARKS, "fig4_{}_persian_qa"),
        "Word unscrambling": (emergent("Word unscramble", "exact_match"), 0, cutoff, BENCHMARKS, "fig4_{}_word_unscramble"),
        "3-digit subtraction": (emergent("3-digit subtraction", "accuracy"), 0, cutoff / 4, NO_GSM8K,
                                "fig4_{}_3_digit_substraction"),
        "2-digit multiplication": (emergent("2-digit multiplication", "accuracy"), 0, cutoff / 4, NO_GSM8K,
                                   "fig4_{}_2_digit_multiplication"),
        "GSM8K, standard": (prompted("GSM8K", "standard"), 0, cutoff, NO_GSM8K, "figc_5_{}_naive_greedy"),
        "GSM8K, chain of thought": (prompted("GSM8K", "chain_of_thought"), 0, cutoff, NO_GSM8K, "figc_5_{}_cot_greedy"),
        "GSM8K, self-consistency": (prompted("GSM8K", "self_consistency"), 0, cutoff, NO_GSM8K, "figc_5_{}_cot_sc_5_samples"),
        "BIG-Bench Hard, chain of thought": (prompted(BBH_MEAN, "chain_of_thought"), d.bbh_chance / 100, cutoff, BENCHMARKS, None),
    }


PREDICTION_PANELS = ["Persian QA", "2-digit multiplication", "3-digit subtraction", "GSM8K, chain of thought"]


def prediction_section(d, grid) -> Section:
    """The prediction test: each target fitted on the models at or below the cutoff, from compute and
    from three principal components, scored on the paper's larger models and the pre-registered ones."""
    cutoff, k = d.ruan.value("default_cutoff_flops"), int(d.ruan.value("number_of_pcs"))
    train = [m for m in d.paper if d.flops[m] <= cutoff]
    test = [m for m in d.paper if m not in train]
    _require(len(train) == d.ruan.value("default_cutoff_train_models"),
             f"{len(train)} models at or below the compute cutoff; Ruan et al. state "
             f"{d.ruan.value('default_cutoff_train_models'):.0f} (data/obsscaling/claims.csv)")
    log_compute = np.log(d.flops.reindex(d.paper + d.preregistered).dropna() / 1e21).to_frame("ln_compute")
    tests, rows = {}, []
    for name, (target, chance, limit, benches, key) in prediction_targets(d).items():
        matrix = observational.benchmark_matrix(d.bench, d.paper + d.preregistered, benches)
        fitted = [m for m in d.paper if d.flops[m] <= limit]  # models without compute are never fitted on
        tests[name] = found = observational.holdout(observational.normalized(target, chance), matrix, log_compute, fitted,
                                                    [m for m in d.paper if m not in fitted], d.preregistered, k)
        row = {"target": name, "train": (found.fits["observational"].predictions["split"] == "train").sum(),
               "n": len(found.test), "prereg_n": len(found.later)}
        for fit, (letter, label) in STATED_FITS.items():
            now, later = found.errors(fit), found.errors(fit, "later")
            claim = f"{key.format(letter)}_{label}_mse_test" if key else None
            row |= {f"{fit}_mse": now["mse"], f"{fit}_worst": now["worst"], f"{fit}_max": now["max_abs"],
                    f"{fit}_prereg_mse": later["mse"], f"{fit}_rmse": math.sqrt(now["mse"]) * 100,
                    f"{fit}_stated": d.ruan.value(claim) if claim in d.ruan.rows.index else math.nan}
        rows.append(row)
    results = pd.DataFrame(rows).set_index("target")

    for name in PREDICTION_PANELS:
        ax = grid.panel(name)
        for index, (fit, label) in enumerate((("observational", "predicted from benchmark components"),
                                              ("compute", "predicted from compute only"))):
            shown = tests[name].fits[fit].predictions
            shown = shown[shown["model"].isin(tests[name].test)]
            line = plotting.draw_other(ax, shown["actual"], shown["predicted"], label, index, markersize=4)
            line.set_linestyle("none")
            line.set_fillstyle("full" if fit == "observational" else "none")
        plotting.diagonal_line(ax, 0, 1, "perfect prediction")
        ax.set(xlim=(-0.05, 1.05), ylim=(-0.05, 1.05), xlabel="Actual", ylabel="Predicted")
    cot = d.cot[d.cot["matching"] == "flexible"]
    grid.publish("fig_prediction",
                 alt="Four panels of predicted against actual scores for the larger open models: predictions from benchmark "
                     "components lie near the diagonal; predictions from compute alone scatter widely on arithmetic and "
                     "GSM8K, where families of similar compute differ most.",
                 data={"obsscaling_emergent_tasks": d.emergent[d.emergent["model"].isin(test)],
                       "obsscaling_cot": cot[cot["model"].isin(test) & cot["task"].isin(["GSM8K", BBH_MEAN])],
                       "obsscaling_benchmarks": d.bench[d.bench["model"].isin(d.paper)]})

    stated = lambda v: None if pd.isna(v) else f"{v:.2g}"  # noqa: E731
    missing = "the paper states no fit for this target"
    errors = tables.show(results.reset_index(), {
        "target": "Target", "train": tables.Column("Fitted on", "int"), "n": tables.Column("Tested on", "int"),
        "compute_mse": tables.Column("Compute: MSE", "decimal3"),
        "compute_stated": tables.Column("Compute: paper", stated, missing=missing),
        "observational_mse": tables.Column("Observational: MSE", "decimal3"),
        "observational_stated": tables.Column("Observational: paper", stated, missing=missing),
        "prereg_n": tables.Column("Later models", "int"),
        "compute_prereg_mse": tables.Column("Later: compute", "decimal3", missing="no pre-registered model with a result"),
        "observational_prereg_mse": tables.Column("Later: observational", "decimal3",
                                                  missing="no pre-registered model with a result"),
    }, caption="The prediction test: mean squared error on models above the cutoff, recomputed and as stated",
        source=citations.source_note("ruan2024observational", "repository results; stated errors: Figure 4 and Figure C.5"),
        notes=["MSE: mean squared error in the target's unit (accuracy as a fraction, rescaled so that chance is 0 "
               "where there is a chance level). Paper: the error Ruan et al. state (Figure 4, Figure C.5); their test "
               "sets differ slightly (the figures also show the pre-registered models). Later: the pre-registered "
               "models, released after the paper."],
        data={"obsscaling_claims": d.ruan.rows[d.ruan.rows["claim"].str.endswith("_mse_test")]}, page=PAGE)

    better = results["observational_mse"] < results["compute_mse"]
    later_known = results.dropna(subset=["observational_prereg_mse", "compute_prereg_mse"])
    tested = [m for m in test if not math.isnan(d.flops[m])]
    persian = tests["Persian QA"].fits["observational"].predictions
    train_max = persian.loc[persian["split"] == "train", "actual"].max()
    paper_families = set(d.models.loc[d.paper, "family"])
    texts = {
        "cutoff_flops": sci(cutoff), "k_pcs": f"{k}", "arith_cutoff_flops": sci(prediction_targets(d)["3-digit subtraction"][2]), "train_count": f"{len(train)}", "test_count": f"{len(test)}",
        "prereg_count": f"{len(d.preregistered)}", "targets": f"{len(results)}", "observed_better": f"{better.sum()}",
        "observed_worse_names": prose.listing(results.index[~better]), "prereg_targets": f"{len(later_known)}",
        "prereg_better": f"{(later_known['observational_prereg_mse'] < later_known['compute_prereg_mse']).sum()}",
        "prereg_new_family": f"{sum(d.models.loc[m, 'family'] not in paper_families for m in d.preregistered)}",
        "test_reach": f"{d.flops[tested].max() / cutoff:.0f}", "prereg_reach": f"{d.flops[d.preregistered].max() / cutoff:.0f}",
        "persian_train_max": f"{train_max * 100:.1f}", "persian_train_max_raw": pct(100 * (d.persian_chance + train_max * (1 - d.persian_chance))),
        "observed_rmse_range": f"{results['observational_rmse'].min():.0f} to {results['observational_rmse'].max():.0f}",
        "prediction_panels": f"{len(PREDICTION_PANELS)}", "fit_parameters": f"{k + 1}",
        "sub_train": f"{results.loc['3-digit subtraction', 'train']}"}
    keys = {"persian": "Persian QA", "unscramble": "Word unscrambling", "mult": "2-digit multiplication",
            "gsm_cot": "GSM8K, chain of thought", "sub": "3-digit subtraction", "bbh": "BIG-Bench Hard, chain of thought"}
    for key, name in keys.items():
        row = results.loc[name]
        worst = tests[name].fits["observational"].predictions.set_index("model").loc[row["observational_worst"], "error"]
        texts |= {f"{key}_compute_rmse": f"{row['compute_rmse']:.0f}", f"{key}_observed_rmse": f"{row['observational_rmse']:.0f}",
                  f"{key}_observed_mse": f"{row['observational_mse']:.4f}",
                  f"{key}_observed_stated": number(row["observational_stated"], ".2g"),
                  f"{key}_observed_worst": short(row["observational_worst"]),
                  f"{key}_observed_max": f"{row['observational_max'] * 100:.0f}",
                  f"{key}_observed_direction": "too low" if worst < 0 else "too high",
                  f"{key}_compute_worst": short(row["compute_worst"]), f"{key}_compute_max": f"{row['compute_max'] * 100:.0f}",
                  f"{key}_prereg_compute": number(row["compute_prereg_mse"], ".3f"),
                  f"{key}_prereg_observed": number(row["observational_prereg_mse"], ".3f")}
    for key, claim in {"unscramble": "word_unscramble", "persian": "persian_qa"}.items():
        fit = tests[keys[key]].fits["compute"].fit
        texts |= {f"{key}_slope": f"{fit.weights[0]:.2f}", f"{key}_intercept": f"{fit.intercept:.2f}",
                  f"{key}_slope_stated": d.ruan.text(f"fig4_a_{claim}_training_flops_slope", 2),
                  f"{key}_intercept_stated": d.ruan.text(f"fig4_a_{claim}_training_flops_intercept", 2)}
    return Section(texts, {"errors": errors})


# ---------------------------------------------------------------------------- PaLM


PALM_THRESHOLDS = (10, 20)  # points above the projection, the paper's two thresholds (Sec. 6.2)
FIGURE5_SHOWN = (0, 1, -1)  # of Figure 5's tasks sorted by discontinuity: the two largest jumps and the largest fall


def palm_section(d, grid) -> Section:
    """PaLM's discontinuity measure on the BIG-bench Lite tasks of Table 41 and three tasks of Figure 5."""
    text = claims.Claims("palm_discontinuity_text")
    lite = data.load("palm_bigbench_tables").query("table == 'Table 41'")
    sizes = ("PaLM 8B", "PaLM 62B", "PaLM 540B")
    jumps = discontinuity.discontinuity_table(lite.pivot(index="task", columns="scorer", values="value")[list(sizes)],
                                              sizes).reset_index()
    example = [text.value(f"discontinuity_example_{s}") for s in ("8b", "62b", "540b")]
    ceiling, top = jumps[jumps["projection"] > 100], jumps.sort_values("discontinuity").iloc[-1]
    figure5 = data.load("palm_bigbench_figures").query("figure == 'Figure 5' and series == 'PaLM 5-shot'")
    five = discontinuity.discontinuity_table(figure5.pivot(index="task", columns="x_label", values="y_value"),
                                             ("8b", "62b", "540b")).sort_values("discontinuity", ascending=False)
    texts = {f"palm_ex_{k}": text.text(f"discontinuity_example_{k}", 0) for k in ("8b", "62b", "540b", "projection", "value")}
    texts |= {
        "palm_ex_recomputed": prose.points(discontinuity.discontinuity(*example), 0),
        "palm_spacing": f"{discontinuity.log_spacing((8e9, 62e9, 540e9)):.2f}",
        "palm_share10": text.text("share_of_tasks_discontinuity_over_10", 0),
        "palm_share20": text.text("share_of_tasks_discontinuity_over_20", 0), "palm_lite_tasks": f"{len(jumps)}",
        "lite_below10": f"{(jumps['discontinuity'] < -PALM_THRESHOLDS[0]).sum()}", "lite_over_ceiling": f"{len(ceiling)}",
        "lite_over_ceiling_names": ", ".join(ceiling["task"].str.replace("_", " ")),
        "lite_top_task": top["task"].replace("_", " "), "lite_top_value": prose.points(top["discontinuity"]),
        "lite_top_scores": f"{top[sizes[0]]:.1f}, {top[sizes[1]]:.1f} and {top[sizes[2]]:.1f}",
        "fig5_tasks": f"{len(five)}", "fig5_shown": f"{len(FIGURE5_SHOWN)}", "fig5_over20": f"{(five['discontinuity'] > PALM_THRESHOLDS[1]).sum()}"}
    for threshold in PALM_THRESHOLDS:
        count = (jumps["discontinuity"] > threshold).sum()
        texts |= {f"lite_over{threshold}": f"{count}", f"lite_over{threshold}_share": f"{count / len(jumps) * 100:.0f}",
                  f"palm_threshold{threshold}": f"{threshold}"}
    texts["palm_all_tasks"] = re.search(r"(\d+) tasks", text.rows.loc["share_of_tasks_discontinuity_over_10", "task"]).group(1)
    texts["palm_shots"] = re.search(r"(\d+)-shot", lite["note"].iloc[0]).group(1)
    for task, key in (("english_proverbs", "fig5_proverbs"), ("logical_sequence", "fig5_sequence")):
        texts[key] = f"{five.loc[task, '8b']:.1f}, {five.loc[task, '62b']:.1f} and {five.loc[task, '540b']:.1f}"

    ax = grid.panel("BIG-bench Lite: 540B against the trend")
    line = plotting.draw_other(ax, jumps["projection"], jumps["PaLM 540B"], "a BIG-bench Lite task (Table 41)", 0, markersize=4)
    line.set_linestyle("none")
    plotting.diagonal_line(ax, 0, 120, "540B on the trend")
    ax.set(xlim=(0, 120), ylim=(0, 100), xlabel="Projected from 8B and 62B", ylabel="PaLM 540B, actual")
    for task, scores in five.iloc[list(FIGURE5_SHOWN)].iterrows():
        ax = grid.panel(task.replace("_", " "))
        plotting.draw_series(ax, [8e9, 62e9, 540e9], scores[["8b", "62b", "540b"]], "PaLM", "few_shot",
                             label="PaLM, 5-shot (Figure 5)")
        plotting.draw_series(ax, [62e9, 540e9], [scores["62b"], scores["projection"]], "PaLM", "log_linear_projection")
        plotting.format_scale_axis(ax, "parameters")
        ax.set(ylim=(-20, 110), ylabel="Normalized score (%)")
    grid.publish("fig_palm_discontinuity",
                 alt="PaLM's discontinuous improvements: for the 24 BIG-bench Lite tasks the 540B score against the score "
                     "projected from 8B and 62B, most near the diagonal and a few far above or below it; and three tasks "
                     "of PaLM's Figure 5 with their projections.",
                 data={"palm_bigbench_tables": lite[lite["scorer"].isin(sizes)], "palm_bigbench_figures": figure5})
    return Section(texts)


# ---------------------------------------------------------------------------- the frontier


def frontier_section(d, grid) -> Section:
    """Epoch's compilation: MMLU, GSM8K and BIG-Bench Hard against date and compute, when each line
    was first passed and first passed below ROUTINE_LIMIT, and who matches GPT-3 175B on MMLU."""
    epoch, notable = data.load("epoch_benchmarks"), data.load("epoch_notable_models").set_index("model")
    benchmarks = {"MMLU": ("MMLU", 25.0), "GSM8K": ("GSM8K", 0.0), "BBH": ("BIG-Bench Hard", d.bbh_chance)}
    in_scope = epoch[epoch["benchmark"].isin(list(benchmarks))]
    matched = in_scope[in_scope["join_status"] == "matched"].copy()
    matched["date"] = pd.to_datetime(matched["version_release_date"].fillna(matched["publication_date"]))
    matched["open"] = matched["epoch_model"].map(notable["model_accessibility"]).fillna("").str.startswith("Open weights")
    gpt3_dated = matched[(matched["benchmark"] == "MMLU") & matched["name_in_epoch"].isin(["GPT-3", "GPT-3 175B"])]
    gpt3_date = notable.loc["GPT-3 175B (davinci)", "publication_date"]
    misjoined = matched[(matched["name_in_epoch"] == "Llama 2 (7B)") & (matched["epoch_model"] == "Llama 2-70B")]
    _require(len(misjoined) == 1, f"data/epoch: {len(misjoined)} rows join 'Llama 2 (7B)' to Llama 2-70B; the text "
             "describes exactly one")
    texts = {"epoch_matched": f"{len(matched)}", "epoch_rows": f"{len(in_scope)}", "routine_limit": sci(ROUTINE_LIMIT, 1),
             "epoch_instructgpt_date": pd.Timestamp(gpt3_dated["date"].iloc[0]).strftime("%-d %B %Y"),
             "epoch_gpt3_date": pd.Timestamp(gpt3_date).strftime("%-d %B %Y"),
             "misjoined_benchmark": misjoined["benchmark"].iloc[0], "misjoined_value": pct(misjoined["value"].iloc[0]),
             "misjoined_flops": sci(misjoined["training_compute_flop"].iloc[0])}
    lines = {}
    for benchmark, (_, chance) in benchmarks.items():
        rows = matched[matched["benchmark"] == benchmark]
        lines[benchmark] = line = frontier.timeline(rows, "date", "training_compute_flop", "value", chance + MARGIN,
                                                    ROUTINE_LIMIT)
        _require(line is not None, f"data/epoch: on {benchmark} no model passes {chance + MARGIN:g}, or none below "
                 f"{ROUTINE_LIMIT:g} FLOPs does; the section's text needs both")
        first, routine, key = line["first"], line["routine"], benchmark.lower()
        same = rows[rows["epoch_model"] == routine["epoch_model"]]
        texts |= {f"{key}_bar": pct(chance + MARGIN), f"{key}_first_model": first["name_in_epoch"],
                  f"{key}_first_date": first["date"].strftime("%B %Y"), f"{key}_first_flops": sci(first["training_compute_flop"]),
                  f"{key}_first_value": pct(first["value"]), f"{key}_routine_model": routine["name_in_epoch"],
                  f"{key}_routine_date": routine["date"].strftime("%B %Y"),
                  f"{key}_routine_flops": sci(routine["training_compute_flop"]), f"{key}_routine_value": pct(routine["value"]),
                  f"{key}_routine_years": f"{line['years']:.1f}", f"{key}_routine_source": routine["source"].split(",")[0],
                  f"{key}_routine_range": f"{same['value'].min():.1f} to {same['value'].max():.1f}",
                  f"{key}_routine_sources": f"{same['source'].nunique()}"}
    years, ratios = [t["years"] for t in lines.values()], [t["ratio"] for t in lines.values()]
    texts |= {"routine_years_range": f"{min(years):.1f} to {max(years):.1f}",
              "routine_ratio_range": f"{min(ratios):.0f} to {max(ratios):.0f}",
              "mmlu_routine_years_gpt3": f"{frontier.years_between(gpt3_date, lines['MMLU']['routine']['date']):.1f}"}

    for benchmark, (name, chance) in benchmarks.items():
        rows, line = matched[matched["benchmark"] == benchmark], lines[benchmark]
        for axis in ("date", "training_compute_flop"):
            title = f"{name} by {'date' if axis == 'date' else 'compute'}"
            alt = (f"{title}: {len(rows)} published scores from {rows['date'].min():%Y} to {rows['date'].max():%Y}; first "
                   f"above {chance + MARGIN:.0f}% {line['first']['name_in_epoch']} ({line['first']['date']:%B %Y}), first "
                   f"below {sci(ROUTINE_LIMIT)} FLOPs {line['routine']['name_in_epoch']} ({line['routine']['date']:%B %Y}).")
            ax = grid.panel(title, alt=alt if axis == "date" else None)
            for index, (is_open, label) in enumerate(((True, "open weights"), (False, "API access or unreleased"))):
                part = rows[rows["open"] == is_open].dropna(subset=[axis])
                x = mdates.date2num(part["date"]) if axis == "date" else part[axis]
                drawn = plotting.draw_other(ax, x, part["value"], label, index, markersize=3.5)
                drawn.set_linestyle("none")
                drawn.set_fillstyle("full" if is_open else "none")
            plotting.reference_line(ax, chance + MARGIN, label=f"{MARGIN:.0f} points above chance")
            if axis == "date":
                ax.set(xlim=mdates.date2num(pd.to_datetime(["2020-01-01", "2025-12-31"])), xlabel="Release date")
                ax.xaxis.set_major_locator(mdates.YearLocator(2))
                ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
            else:
                plotting.format_scale_axis(ax, "training_flops")
                ax.set_xlim(1e22, 1e26)
                plotting.vertical_line(ax, ROUTINE_LIMIT)
            ax.set(ylim=(0, 100), ylabel="Score (%)")
    grid.publish("fig_frontier",
                 alt="Published MMLU, GSM8K and BIG-Bench Hard scores against release date and against training compute: "
                     "scores rise over time at every compute, and by 2023 models below 10^23 FLOPs pass the line that only "
                     "much larger models passed at first.",
                 data={"epoch_benchmarks": matched})

    gpt3_mmlu = data.lookup(data.load("mmlu_table1"), model="GPT-3 175B", task="MMLU Average", setting="few_shot")
    mmlu = d.bench[d.bench["task"] == "MMLU"].join(d.models[["parameters", "training_flops"]], on="model")
    mmlu["percent"] = mmlu["value"] * 100
    mixtures = d.open_registry.index[d.open_registry["note"].fillna("").str.contains("mixture-of-experts")]
    match = frontier.smallest_to_pass(mmlu, "training_flops", "percent", gpt3_mmlu)
    smallest = frontier.smallest_to_pass(mmlu[~mmlu["model"].isin(mixtures)], "parameters", "percent", gpt3_mmlu)
    epoch_match = frontier.smallest_to_pass(matched[matched["benchmark"] == "MMLU"], "training_compute_flop", "value", gpt3_mmlu)
    texts |= {"gpt3_mmlu": pct(gpt3_mmlu), "gpt3_flops": sci(d.flops["GPT-3 175B"]), "mmlu_match_model": short(match["model"]),
              "mmlu_match_value": pct(match["percent"]), "mmlu_match_flops": sci(match["training_flops"]),
              "mmlu_match_ratio": f"{d.flops['GPT-3 175B'] / match['training_flops']:.0f}",
              "mmlu_match_small_model": short(smallest["model"]),
              "mmlu_match_small_params": prose.parameters(smallest["parameters"]),
              "mmlu_match_small_value": pct(smallest["percent"]),
              "mmlu_match_small_compute": "no" if math.isnan(smallest["training_flops"]) else sci(smallest["training_flops"]),
              "epoch_match_model": epoch_match["name_in_epoch"], "epoch_match_flops": sci(epoch_match["training_compute_flop"]),
              "epoch_match_value": pct(epoch_match["value"])}
    listing = matched.sort_values(["benchmark", "date", "name_in_epoch"]).assign(
        benchmark_name=lambda f: f["benchmark"].map({k: v[0] for k, v in benchmarks.items()}),
        when=lambda f: f["date"].dt.strftime("%Y-%m-%d"))
    return Section(texts, {"listing": tables.show(listing, {
        "benchmark_name": "Benchmark", "when": "Release", "name_in_epoch": "Model, as the source names it",
        "training_compute_flop": tables.Column("Training FLOPs", "flops", missing="not in Epoch's notable-models list"),
        "value": tables.Column("Score (%)", "percent"),
        "shots": tables.Column("Shots", missing="not stated in the compilation"), "source": "Original source",
    }, caption="Every plotted score with its original source", source=citations.source_note("epoch2025benchmarkstitching", "compilation"),
        data={"epoch_benchmarks": matched}, page=PAGE)})


# ---------------------------------------------------------------------------- what the papers claim


def claims_section(d) -> Section:
    stated = d.stated
    texts = {"gpt4_loss_ratio": f"{stated.value('gpt4_loss_compute_ratio'):,.0f}",
             "gpt4_humaneval_ratio": f"{stated.value('gpt4_humaneval_compute_ratio'):,.0f}",
             "snell_ratio": stated.text("snell_compute_ratio", 0), "snell_benchmarks": stated.text("snell_benchmarks", 0),
             "hu_deviation": stated.text("hu_deviation", 2),
             "hu_model": stated.rows.loc["hu_deviation", "model"].removesuffix(" model")}
    return Section(texts, {"claims": claims_table(stated, {
        "wei_unpredictable": "emergent abilities and extrapolation",
        "ganguli_paradox": "predictable loss, unpredictable capabilities",
        "gpt4_compute_range": "GPT-4: what was predicted, and from what",
        "gpt4_loss_compute_ratio": "GPT-4: final loss on held-out code", "gpt4_humaneval_compute_ratio": "GPT-4: HumanEval pass rate",
        "zhao_gpt4": "the survey's summary of GPT-4", "hu_deviation": "PassUntil: a 2.4B model predicted before training",
        "hu_accelerated": "PassUntil: accelerated emergence", "snell_insight": "emergence prediction by finetuning",
        "snell_compute_ratio": "how far ahead emergence was predicted", "snell_benchmarks": "benchmarks used"},
        "What the papers state about predicting large models from small ones")})
