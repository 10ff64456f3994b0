"""The book's figure style, and the drawing of one panel.

One style system for every figure:

* a model **family** is a colour and a marker (``FAMILY_STYLES``), the same in every chapter;
* a **setting** (standard vs augmented prompting, zero/one/few-shot, with or without a technique)
  is a line style and a marker fill (``SETTING_STYLES``), never a colour;
* reference lines (random chance, human raters, prior state of the art) are grey and dotted;
* series that are neither (tasks, synthetic examples) use ``OTHER_STYLES``, whose colours no
  family uses.

Every series is drawn by ``draw_series`` or ``draw_other``, which tag the line with its family and
setting (``Line2D.gid``) so that the export manifest, and the tests that read it, can check the
rules for every published figure. Panels come from ``figure.FigureGrid``; legends are HTML,
outside the data (``figure.legend_html``).
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator


@dataclass(frozen=True)
class FamilyStyle:
    color: str
    marker: str


# Okabe-Ito colours first (distinguishable with colour-vision deficiency); fixed for the whole book.
FAMILY_STYLES = {
    "LaMDA": FamilyStyle("#0072B2", "o"),
    "GPT-3": FamilyStyle("#E69F00", "s"),
    "InstructGPT": FamilyStyle("#D55E00", "D"),
    "Codex": FamilyStyle("#CC79A7", "P"),
    "PaLM": FamilyStyle("#009E73", "^"),
    "UL2": FamilyStyle("#56B4E9", "v"),
    "Gopher": FamilyStyle("#8C6D31", "p"),
    "Chinchilla": FamilyStyle("#E7298A", "h"),
    "Anthropic": FamilyStyle("#000000", "X"),
    "FLAN": FamilyStyle("#6A3D9A", "*"),
    "T5": FamilyStyle("#B15928", "d"),
    "EleutherAI": FamilyStyle("#1B9E77", "<"),
    # BIG-bench's own names: BIG-G is Google's dense LaMDA-PT-like family, GPT is OpenAI's GPT-3.
    "BIG-G sparse": FamilyStyle("#56B4E9", "X"),
    "GPT-Neo/J": FamilyStyle("#882255", "<"),
    "GPT-2": FamilyStyle("#999933", ">"),
    "UnifiedQA": FamilyStyle("#44AA99", "d"),
    "Flamingo": FamilyStyle("#332288", "H"),  # DeepMind visual language model (Wei et al. 2022a Fig. 13D)
    # Open model families of the per-run chapters. A new family needs a colour and marker pair that
    # no other family has (tests/test_figures.py checks it).
    "Pythia": FamilyStyle("#7570B3", "o"),
    "OLMo ladder": FamilyStyle("#A6761D", "s"),
    "OLMo 2": FamilyStyle("#66A61E", "D"),
    "OPT": FamilyStyle("#66A61E", "v"),  # open families highlighted in the chapter on open models
    "Qwen1.5": FamilyStyle("#A50026", "D"),
    "Llama-2": FamilyStyle("#AA4499", "p"),
    "Llama-3.1": FamilyStyle("#E41A1C", "s"),
    "GPT-4": FamilyStyle("#004488", "v"),  # OpenAI API model (practice chapter: GPT-4 report Table 2)
    "ChatGPT": FamilyStyle("#BB5566", "h"),  # OpenAI chat model (practice chapter: Wang et al. robustness results)
}
# Families that are another family under the name a source uses (same models, same look).
FAMILY_ALIASES = {"BIG-G": "LaMDA", "GPT": "GPT-3"}
FAMILY_STYLES |= {alias: FAMILY_STYLES[family] for alias, family in FAMILY_ALIASES.items()}

SETTING_STYLES = {
    # The baseline is dashed and hollow, the technique solid and filled.
    "standard": {"linestyle": "--", "fillstyle": "none", "label": "standard prompting"},
    "chain_of_thought": {"linestyle": "-", "fillstyle": "full", "label": "chain-of-thought prompting"},
    "instruction_tuned": {"linestyle": "-", "fillstyle": "full", "label": "instruction-tuned"},
    "with_technique": {"linestyle": "-", "fillstyle": "full", "label": "with the technique"},
    # Few-shot prompting with K exemplars: more exemplars, heavier line; the usual few-shot setting solid.
    "zero_shot": {"linestyle": ":", "fillstyle": "none", "label": "zero-shot"},
    "zero_shot_cot": {"linestyle": "-", "fillstyle": "full", "label": "zero-shot chain of thought"},
    "one_shot": {"linestyle": "-.", "fillstyle": "none", "label": "one-shot"},
    "two_shot": {"linestyle": "--", "fillstyle": "none", "label": "two-shot"},
    "three_shot": {"linestyle": "-", "fillstyle": "full", "label": "three-shot"},
    "few_shot": {"linestyle": "-", "fillstyle": "full", "label": "few-shot"},
    "as_trained": {"linestyle": "-", "fillstyle": "full", "label": "as trained"},  # a model's own size, compute, loss
    "misprinted": {"linestyle": "None", "fillstyle": "none", "label": "as printed (a misprint)"},  # a lone point
    "sampled": {"linestyle": "--", "fillstyle": "none", "label": "sampled at T = 1"},  # beside greedy decoding
    "incorrect_answers": {"linestyle": ":", "fillstyle": "none", "label": "incorrect answers"},  # beside the correct one
    "shots_unstated": {"linestyle": "-", "fillstyle": "none", "label": "shots not stated"},  # BIG-bench Fig. 7
    "temperature_0": {"linestyle": "-", "fillstyle": "full", "label": "temperature 0"},  # BIG-bench BIG-G T=0
    "temperature_1": {"linestyle": "--", "fillstyle": "none", "label": "temperature 1"},  # BIG-bench BIG-G T=1
    "not_instruction_tuned": {"linestyle": "--", "fillstyle": "none", "label": "not instruction-tuned"},
    "scratchpad": {"linestyle": "-", "fillstyle": "full", "label": "with a scratchpad"},
    "no_scratchpad": {"linestyle": "--", "fillstyle": "none", "label": "without a scratchpad"},
    # Kadavath et al. BIG-bench calibration formats; letter choices are the baseline, True/False the technique.
    "true_false": {"linestyle": "-", "fillstyle": "full", "label": "True/False format (5-shot)"},
    "letter_choices": {"linestyle": "--", "fillstyle": "none", "label": "letter choices (5-shot)"},
    "letter_choices_zero_shot": {"linestyle": ":", "fillstyle": "none", "label": "letter choices (zero-shot)"},
    "bigbench_format": {"linestyle": "-.", "fillstyle": "none", "label": "BIG-bench default format (5-shot)"},
    "stated_in_text": {"linestyle": "none", "fillstyle": "full", "label": "stated in the text"},  # single values, no curve
    "sst2_only": {"linestyle": "-", "fillstyle": "full", "label": "exemplars and evaluation from SST-2"},  # Wei et al. 2023 Table 2
    "rt_exemplars": {"linestyle": "--", "fillstyle": "none", "label": "exemplars from RT, evaluation on SST-2"},  # Table 2, out of distribution
    "rt_evaluation": {"linestyle": "-.", "fillstyle": "none", "label": "exemplars from SST-2, evaluation on RT"},  # Table 2, out of distribution
    # OLMES answer formats (OLMo logs): cloze ranks the answers' likelihood; multiple choice is letter_choices.
    "cloze": {"linestyle": "-", "fillstyle": "full", "label": "cloze: answers ranked by likelihood (5-shot)"},
    "self_consistency": {"linestyle": ":", "fillstyle": "full", "label": "self-consistency (majority of 5 sampled chains)"},
    # InstructGPT Figure 1 (practice chapter): GPT-3 as prompted by the user or with an instruction prefix, and the
    # three fine-tuning stages; Toolformer: with and without tool calls.
    "user_prompt": {"linestyle": ":", "fillstyle": "none", "label": "the user's prompt as submitted"},
    "instruction_prefix": {"linestyle": "-", "fillstyle": "none", "label": "with a few-shot instruction prefix"},
    "sft": {"linestyle": "-.", "fillstyle": "none", "label": "supervised fine-tuning (SFT)"},
    "rlhf_ppo": {"linestyle": "--", "fillstyle": "full", "label": "RLHF (PPO)"},
    "rlhf_ppo_ptx": {"linestyle": "-", "fillstyle": "full", "label": "RLHF with pre-training mix (PPO-ptx)"},
    "tool_calls": {"linestyle": "-", "fillstyle": "full", "label": "may call tools"},
    "no_tool_calls": {"linestyle": "--", "fillstyle": "none", "label": "no tool calls"},
    "log_linear_projection": {"linestyle": "--", "fillstyle": "none", "label": "projected from the two smaller models"},
    # TruthfulQA (Lin et al.): the prompt a model answered under (UnifiedQA gets none); drawn as bars (bar_panel).
    "qa_prompt": {"linestyle": "-", "fillstyle": "full", "label": "default QA prompt"},
    "no_prompt": {"linestyle": "-", "fillstyle": "full", "label": "no prompt (fine-tuned for QA)"},
    "helpful_prompt": {"linestyle": "--", "fillstyle": "none", "label": "'helpful' prompt"},
    "harmful_prompt": {"linestyle": "-.", "fillstyle": "none", "label": "'harmful' prompt"},
    # RealToxicityPrompts (Gopher Fig. 5a): the toxicity of the prompt a continuation was sampled from.
    "unprompted": {"linestyle": ":", "fillstyle": "none", "label": "unprompted"},
    "prompt_toxicity_very_low": {"linestyle": "-.", "fillstyle": "none", "label": "prompt toxicity below 5%"},
    "prompt_toxicity_low": {"linestyle": "--", "fillstyle": "none", "label": "prompt toxicity 5-33%"},
    "prompt_toxicity_medium": {"linestyle": "-", "fillstyle": "none", "label": "prompt toxicity 33-66%"},
    "prompt_toxicity_high": {"linestyle": "-", "fillstyle": "full", "label": "prompt toxicity above 66%"},
    "ten_shot": {"linestyle": "--", "fillstyle": "none", "label": "10-shot"},  # Gopher Fig. 5b
    "twenty_shot": {"linestyle": "-", "fillstyle": "full", "label": "20-shot"},
    "as_tabulated": {"linestyle": "None", "fillstyle": "none", "label": "as the paper's table prints it"},  # lone points
}

# Series that are not model families: colours and markers that no family uses.
# Never dotted: dotted grey is a reference line.
OTHER_STYLES = [("#333333", "o", "-"), ("#8A8A8A", "s", "--"), ("#555555", "^", "-."), ("#B0B0B0", "D", "-")]
REFERENCE_COLOR = "#666666"
OVERLAY_COLOR = "#555555"

SCALE_LABELS = {
    "parameters": "Model scale (parameters)",
    "training_flops": "Model scale (training FLOPs)",
}

# White figure background: the same image reads on the light and the dark theme. Fonts of 8 pt are
# 10.7 CSS px at a panel's natural size, which the page never shrinks (figure.FigureGrid).
BOOK_RC = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.titleweight": "bold",
    "axes.labelsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "lines.linewidth": 1.5,
    "lines.markersize": 5,
    "figure.dpi": 100,
    "figure.max_open_warning": 0,  # a figure is many small panels, and an explorer many views
}
TITLE_WIDTH = 34  # characters per title line in a 2.5-inch panel


def apply_style() -> None:
    plt.rcParams.update(BOOK_RC)


def family_style(family: str) -> FamilyStyle:
    if family not in FAMILY_STYLES:
        raise KeyError(f"no style for model family {family!r}; add it to FAMILY_STYLES")
    return FAMILY_STYLES[family]


def setting_style(setting: str) -> dict:
    if setting not in SETTING_STYLES:
        raise KeyError(f"no style for setting {setting!r}; add it to SETTING_STYLES")
    return SETTING_STYLES[setting]


def set_title(ax, title: str) -> None:
    """A panel title wrapped to ``TITLE_WIDTH`` characters a line, keeping the line breaks it has."""
    ax.set_title("\n".join(wrapped for line in title.split("\n") for wrapped in textwrap.wrap(line, TITLE_WIDTH)))


def draw_series(ax, x, y, family: str, setting: str, label: str | None = None, **kwargs):
    """One model family's curve in one setting, styled and tagged by the book's rules."""
    style, how = family_style(family), setting_style(setting)
    (line,) = ax.plot(x, y, color=style.color, marker=style.marker, linestyle=how["linestyle"],
                      fillstyle=how["fillstyle"], label=label or f"{family}, {how['label']}", **kwargs)
    line.set_gid(f"family={family}|setting={setting}")
    return line


def legend_once(seen: set, label: str) -> str:
    """``label`` the first time a panel uses it; after that a label matplotlib leaves out of legends."""
    if label in seen:
        return "_" + label
    seen.add(label)
    return label


def draw_other(ax, x, y, label: str, index: int, **kwargs):
    """A series that is not a model family (a task, an example), in the ``index``-th neutral style."""
    color, marker, linestyle = OTHER_STYLES[index % len(OTHER_STYLES)]
    (line,) = ax.plot(x, y, color=color, marker=marker, linestyle=linestyle, label=label, **kwargs)
    line.set_gid("other")
    return line


def reference_line(ax, y: float, label: str = "random chance", annotate: bool = False):
    """A horizontal reference (random chance, a human rater, the prior state of the art)."""
    line = ax.axhline(y, color=REFERENCE_COLOR, linestyle=":", linewidth=1.1, label=label)
    line.set_gid("reference")
    if annotate:
        ax.annotate(label, (0.99, y), xycoords=("axes fraction", "data"), ha="right", va="bottom",
                    fontsize=8, color=REFERENCE_COLOR)
    return line


def vertical_line(ax, x: float, label: str = "_nolegend_"):
    """A vertical reference (a threshold, a margin, zero); "_nolegend_" when the caption explains it."""
    line = ax.axvline(x, color=REFERENCE_COLOR, linestyle=":", linewidth=1.1, label=label)
    line.set_gid("reference")
    return line


def diagonal_line(ax, low: float, high: float, label: str, linewidth: float = 1.1):
    """The line y = x from ``low`` to ``high`` (perfect prediction, perfect calibration)."""
    (line,) = ax.plot([low, high], [low, high], color=REFERENCE_COLOR, linestyle=":", linewidth=linewidth,
                      label=label)
    line.set_gid("reference")
    return line


def _short_scale(value: float, _pos=None) -> str:
    """1e9 -> '1B', 3.5e8 -> '350M'."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


# Powers of ten (10²⁰) are drawn with superscript exponents at 70% of the label size: labels this
# large keep the exponent at 10 CSS px on a panel's natural size.
POWER_TICK_SIZE = 11


def legible_powers(ax, axis: str = "x") -> None:
    """Tick labels large enough for their exponents on a log axis labelled in powers of ten."""
    ax.tick_params(axis=axis, which="both", labelsize=POWER_TICK_SIZE)


def format_scale_axis(ax, scale: str) -> None:
    ax.set_xscale("log")
    ax.set_xlabel(SCALE_LABELS.get(scale, scale))
    ax.xaxis.set_minor_locator(NullLocator())  # a third of a panel's file, and no value read off them
    if scale == "parameters":
        ax.xaxis.set_major_locator(LogLocator(base=10))
        ax.xaxis.set_major_formatter(FuncFormatter(_short_scale))
    elif scale == "training_flops":
        ax.xaxis.set_major_locator(LogLocator(base=100))  # every second decade: labels fit 240 px
        legible_powers(ax, "x")


def scaling_plot(ax, observations: pd.DataFrame, scale: str = "training_flops",
                 chance: float | None = None, title: str | None = None,
                 ylabel: str = "Solve rate (%)", label_family: bool = True) -> list[str]:
    """Draw one panel: value against ``scale`` per (family, setting); return models not drawn.

    ``observations`` needs columns family, setting, model, value and the ``scale`` column.
    Models whose scale is unknown (NaN) cannot be placed on the x axis; they are returned so
    the caller can say so next to the figure.
    """
    unplaced = sorted(observations.loc[observations[scale].isna(), "model"].unique())
    placed = observations.dropna(subset=[scale])
    for (family, setting), group in placed.groupby(["family", "setting"], sort=True):
        group = group.sort_values(scale)
        label = None if label_family else setting_style(setting)["label"]
        draw_series(ax, group[scale], group["value"], family, setting, label=label)
    if chance is not None and not math.isnan(chance):
        reference_line(ax, chance)
    format_scale_axis(ax, scale)
    ax.set_ylabel(ylabel)
    if title:
        set_title(ax, title)
    return unplaced


def task_family_grid(grid, observations: pd.DataFrame, tasks: list[str], families: list[str],
                     scale: str, chance: pd.Series, ylabel: str = "Solve rate (%)") -> list[str]:
    """One panel per (task, family), tasks first, as in the CoT paper's figures; returns the
    sorted models that could not be placed on the x axis. Combinations the source did not report
    are skipped (the caption says which). At most one row of families side by side."""
    grid.columns = len(families)
    unplaced: set[str] = set()
    for task in tasks:
        for family in families:
            panel = observations[(observations["task"] == task) & (observations["family"] == family)]
            if panel.empty:
                continue
            ax = grid.panel(f"{task} · {family}")
            unplaced.update(scaling_plot(ax, panel, scale=scale, chance=chance.get(task), ylabel=ylabel))
    return sorted(unplaced)


def task_grid(grid, observations: pd.DataFrame, tasks: list[str], scale: str, chance: pd.Series,
              ylabel: str = "Accuracy (%)", ylim: tuple[float, float] = (0, 100)) -> list[str]:
    """One panel per task, every family and setting in each, one y range for all panels (so a
    jump from 1% to 10% does not look like one to 100%)."""
    unplaced: set[str] = set()
    for task in tasks:
        ax = grid.panel(task)
        unplaced.update(scaling_plot(ax, observations[observations["task"] == task], scale=scale,
                                     chance=chance.get(task), ylabel=ylabel))
        ax.set_ylim(*ylim)
    return sorted(unplaced)


READOUT_MARKERS = {"standard": "+", "chain_of_thought": "x"}


def overlay_readout(ax, observations: pd.DataFrame, scale: str, source_label: str) -> None:
    """Points read off another source's figure, drawn as unconnected crosses over a panel."""
    for setting, group in observations.groupby("setting", sort=True):
        (line,) = ax.plot(group[scale], group["value"], linestyle="none", marker=READOUT_MARKERS[setting],
                          markersize=8, markeredgewidth=1.5, color=OVERLAY_COLOR,
                          label=f"{source_label}, {setting_style(setting)['label']}")
        line.set_gid("overlay")  # another source's points, not a setting


def readout_panel(ax, points: pd.DataFrame, scale: str, title: str,
                  series: dict[str, tuple[str, str]] | None = None, setting: str = "few_shot",
                  ylabel: str | None = None) -> None:
    """One panel of a figure read-out (columns series, x_value, y_value, y_metric).

    A series is a model family drawn in ``setting`` unless ``series`` maps its name to
    (family, setting) — e.g. {"Chain of thought": ("LaMDA", "chain_of_thought")}. Horizontal
    reference lines (x_value empty) are drawn grey with their names.
    """
    series = series or {}
    for name, group in points.dropna(subset=["x_value"]).groupby("series", sort=False):
        family, how = series.get(name, (name, setting))
        group = group.sort_values("x_value")
        draw_series(ax, group["x_value"], group["y_value"], family, how)  # labelled "family, setting"
    for _, line in points[points["x_value"].isna()].iterrows():
        name = line["series"]
        reference_line(ax, line["y_value"], label="random chance" if name == "Random" else name)
    format_scale_axis(ax, scale)
    ax.set_ylabel(ylabel or points["y_metric"].iloc[0])
    set_title(ax, title)


SHOT_SETTINGS = {0: "zero_shot", 1: "one_shot", 2: "two_shot", 3: "three_shot"}
SHOTS_SERIES = re.compile(r"^(?P<family>.+?) \((?P<shots>\d)(?:-shot)?\)$")


def shots_panel(ax, points: pd.DataFrame, scale: str, title: str) -> None:
    """A panel whose series are 'Family (k-shot)': colour and marker by family, line style by k;
    horizontal reference lines (x_value empty) drawn grey and labelled on the panel."""
    for name, group in points.dropna(subset=["x_value"]).groupby("series", sort=True):
        match = SHOTS_SERIES.match(name)
        if not match:
            raise ValueError(f"series {name!r} is not of the form 'Family (k-shot)'")
        group = group.sort_values("x_value")
        draw_series(ax, group["x_value"], group["y_value"], match.group("family"),
                    SHOT_SETTINGS[int(match.group("shots"))], markersize=3.5)
    for _, line in points[points["x_value"].isna()].iterrows():
        reference_line(ax, line["y_value"], label=line["series"], annotate=True)
    format_scale_axis(ax, scale)
    ax.set_ylabel(points["y_metric"].iloc[0])
    set_title(ax, title)


def reliability_diagram(ax, table: pd.DataFrame, label: str, index: int = 0) -> None:
    """Accuracy against mean confidence per bin (marker area ~ count), with the diagonal of a
    perfectly calibrated model."""
    diagonal_line(ax, 0, 1, "perfect calibration", linewidth=1.0)
    color, marker, _ = OTHER_STYLES[index % len(OTHER_STYLES)]
    sizes = 120 * table["count"] / table["count"].max()
    ax.scatter(table["confidence"], table["accuracy"], s=sizes, color=color, marker=marker, alpha=0.85)
    draw_other(ax, table["confidence"], table["accuracy"], label, index, linewidth=1.0, markersize=0)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("Confidence of the chosen answer")
    ax.set_ylabel("Accuracy")


CATEGORY_STYLES = {"few-shot prompting": ("o", "none"), "augmented prompting": ("s", "full")}


def emergent_scale_chart(ax, table1: pd.DataFrame) -> list[str]:
    """Wei et al. Table 1 as a chart: one row per ability (labelled with its model), its emergent
    scale in training FLOPs; few-shot abilities hollow circles, augmented prompting filled squares.

    Rows without a number ('Many') are returned so the caller can say they were left out.
    """
    shown = table1.dropna(subset=["emergent_training_flops"]).sort_values("emergent_training_flops")
    for category, (marker, fill) in CATEGORY_STYLES.items():
        rows = shown[shown["category"] == category]
        positions = [list(shown.index).index(i) for i in rows.index]
        (line,) = ax.plot(rows["emergent_training_flops"], positions, marker=marker, fillstyle=fill,
                          color=OTHER_STYLES[0][0], linestyle="none", markersize=6, label=category)
        line.set_gid("other")
    ax.set_yticks(range(len(shown)), [f"{a} ({m})" for a, m in zip(shown["ability"], shown["model_family"])])
    ax.set_xscale("log")
    ax.set_xlabel(SCALE_LABELS["training_flops"])
    return sorted(table1.loc[table1["emergent_training_flops"].isna(), "ability"])


# ---------------------------------------------------------------------- bars, error bars, ranks

# A bar's setting: filled markers give a filled bar; hollow ones a white bar, edged in the family's
# colour and hatched by the setting's line style.
BAR_HATCHES = {"--": "////", "-.": "xxxx", ":": "....", "-": "----"}
BAR_GAP = 1.0  # empty bar widths between two groups


def bar_panel(ax, bars: pd.DataFrame, ylabel: str) -> str:
    """A category bar chart (a paper's bar figure redrawn): one bar per row of ``bars``, in order.

    Columns: ``group`` (consecutive rows of one group stand together, a gap between groups, the
    group's name under its bars; a newline breaks a long name), ``label`` (under the bar, turned
    upright), ``value``, ``family`` and ``setting``. A bar has its family's colour; its setting
    decides the fill (``BAR_HATCHES``). Each (family, setting) also gets an empty series in its line
    style, so the page's HTML legend names it. Returns alt text: every bar's value, group by group.
    """
    bars = bars.reset_index(drop=True)
    runs = (bars["group"] != bars["group"].shift()).cumsum()
    positions, centres, names, sentences = [], [], [], []
    slot = 0.0
    for i, (_, rows) in enumerate(bars.groupby(runs, sort=False)):
        slot += BAR_GAP if i else 0.0
        xs = [slot + k for k in range(len(rows))]
        slot += len(rows)
        positions += xs
        centres.append(sum(xs) / len(xs))
        names.append(rows["group"].iloc[0])
        sentences.append(f"{' '.join(names[-1].split())}: "
                         + ", ".join(f"{label} {value:.3g}" for label, value in zip(rows["label"], rows["value"])))
    legend = set()
    for x, row in zip(positions, bars.itertuples()):
        style, how = family_style(row.family), setting_style(row.setting)
        filled = how["fillstyle"] != "none"
        (patch,) = ax.bar(x, row.value, width=0.8, color=style.color if filled else "white",
                          edgecolor=style.color, linewidth=0.8,
                          hatch=None if filled else BAR_HATCHES.get(how["linestyle"], "////")).patches
        patch.set_gid(f"family={row.family}|setting={row.setting}")
        if (row.family, row.setting) not in legend:
            legend.add((row.family, row.setting))
            draw_series(ax, [], [], row.family, row.setting)
    ax.set_xticks(positions, bars["label"], rotation=90)
    ax.tick_params(axis="x", length=0, pad=2)
    ax.grid(axis="x", visible=False)
    ax.set_xlim(-0.7, slot - 0.3)
    ax.set_ylabel(ylabel)
    ax.figure.canvas.draw()  # to measure the upright labels: the group names go under them
    renderer = ax.figure.canvas.get_renderer()
    tallest = max(t.get_window_extent(renderer).height for t in ax.get_xticklabels()) * 72 / ax.figure.dpi
    groups = ax.secondary_xaxis("bottom")
    groups.set_xticks(centres, names)
    groups.tick_params(length=0, pad=tallest + 4)
    groups.spines["bottom"].set_visible(False)
    return "; ".join(sentences)


def error_bars(ax, x, y, low, high, family: str):
    """Error bars from ``low`` to ``high`` around ``y`` (e.g. a paper's confidence intervals), in the
    family's colour, outside the legend."""
    y, low, high = (pd.Series(v, dtype=float).reset_index(drop=True) for v in (y, low, high))
    return ax.errorbar(list(x), y, yerr=[y - low, high - y], fmt="none", ecolor=family_style(family).color,
                       elinewidth=0.8, capsize=1.5, label="_nolegend_")


RANK_MARKERS = ("o", "s", "^", "D", "v", "<", ">", "p")
RANK_LIGHTEST, RANK_DARKEST = 0xC4, 0x1E  # grey levels; no family is grey


def draw_ranked(ax, x, y, label: str, rank: int, count: int, **kwargs):
    """One of ``count`` ordered series that are not model families (e.g. one model size per line):
    a grey from light (rank 0) to dark, solid, with a marker of its own."""
    level = RANK_LIGHTEST + round((RANK_DARKEST - RANK_LIGHTEST) * rank / max(count - 1, 1))
    (line,) = ax.plot(x, y, color=f"#{level:02X}{level:02X}{level:02X}", marker=RANK_MARKERS[rank % len(RANK_MARKERS)],
                      linestyle="-", label=label, **kwargs)
    line.set_gid("other")
    return line
