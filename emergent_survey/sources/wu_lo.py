"""Wu & Lo 2025, U-shaped and inverted-U scaling: ``expemergence_wu_lo/`` -> ``data/wu_lo/``.

The per-model, per-difficulty-group results of tony10101105/ExpEmergence (``data/<task>/*.csv``): open
base models (the ObsScaling list) on MMLU, BIG-bench arithmetic, Persian QA (parsinlu_qa_mc) and six
more multiple-choice tasks, with the questions of each task sorted by difficulty and cut into 10 (or 3)
groups of equal size. Written here:

* ``bins.csv``: one row per model, task, grouping and difficulty group: the model's mean
  target-conditioned (TC) Brier score or accuracy on that group's questions;
* ``overall.csv``: each model's overall accuracy and TC Brier score on each task;
* ``catalogue.yaml``.

What the file names mean (read from the generating scripts at the same commit,
``evaluation/<task>/<task>_question_grouping[_acc].py``, and ``utils.py``):
``[acc_]<task>_instance_brier_<low>_<high>_<groups>_<redist|undist>.csv``. A question's difficulty is
the mean, over the models whose training FLOPs (in units of 1E21, the ``FLOPs (1E21)`` column) lie
in [low, high] (low = -1000, i.e. no lower bound; high = the task's emergence threshold 10**t, with t in
``utils.py``), of its TC Brier score (files without ``acc_``) or of its 0/1 accuracy (``acc_`` files).
Questions are sorted by that mean, ascending, and cut into ``groups`` equal slices with
``numpy.linspace``; the column ``<a>_<b>_brier`` (or ``_acc``) is a model's mean over the questions
ranked a..b-1. So group 0 holds the easiest questions in the Brier files (lowest mean Brier) but the
hardest in the ``acc_`` files (lowest mean accuracy); the ``level`` column here counts from easiest (1)
to hardest. The TC Brier score of a question is (p_correct - 1)^2, with p_correct the probability of
the correct option renormalised over the options (``redist``) or as the model gives it (``undist``).

The models' registry rows are ``models_obsscaling`` (same keys, the CSV's Model name): the size, tokens
and FLOPs columns of these files equal ObsScaling's ``base_llm_benchmark_eval.csv``, which ``derive``
checks. A model row with some but not all group values, or a value that is not a finite number,
raises ``SourceRowError`` naming file, line and column; so does a repeated model name, unless the
repeat carries the same values (the authors' script writes a model's values into every row with its
name), in which case the row whose size matches the registry is kept and the repeat is counted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path


from . import obsscaling
from .common import SourceRowError, field, read_table, source_number, write_catalogue, write_csv

FOLDER = "expemergence_wu_lo"  # under ../shared/sources
OUT = "wu_lo"  # under data/
REPO = "tony10101105/ExpEmergence"
COMMIT = "288b731d68fbc0328de28d394af108da71a09d36"  # PROVENANCE gives 288b731d68fb; the full hash of that commit
PAPER = "wu2025ushaped"
PAPER_VERSION = "arXiv 2410.01692, ICLR 2025"

# utils.py basic_parameter at the commit: the emergence threshold t (log10 FLOPs in 1E21) and question count.
TASKS = {
    "mmlu": (1.5, 14042, "MMLU"), "parsinlu_qa_mc": (2.3, 1050, "Persian QA (BIG-bench parsinlu_qa)"),
    "arithmetic": (1.8, 15023, "BIG-bench arithmetic"), "hindu_knowledge": (1, 175, "BIG-bench hindu_knowledge"),
    "analogical_similarity": (2, 323, "BIG-bench analogical_similarity"),
    "conceptual_combinations": (1.5, 103, "BIG-bench conceptual_combinations"),
    "hellaswag": (2.3, 10042, "HellaSwag"), "arc": (2.3, 3548, "ARC"),
    "abstract_narrative_understanding": (2.3, 3000, "BIG-bench abstract_narrative_understanding"),
}
EMERGENT = {"mmlu", "parsinlu_qa_mc", "arithmetic", "hindu_knowledge", "analogical_similarity",
            "conceptual_combinations"}  # utils.py type 'Emergence'; the other three 'No Emergence'
NAME = re.compile(r"(?P<acc>acc_)?(?P<task>[a-z_]+?)_instance_brier_(?P<low>-?\d+)_(?P<high>[\d.]+)_"
                  r"(?P<groups>\d+)_(?P<dist>redist|undist)\.csv")
META = obsscaling.META[2:]  # size, data size, FLOPs: must equal ObsScaling's




def repo_file(relative: str) -> str:
    return f"{REPO}@{COMMIT}:{relative}"


def parse_name(path: Path) -> dict:
    match = NAME.fullmatch(path.name)
    if not match or match["task"] != path.parent.name or match["task"] not in TASKS:
        raise SourceRowError(f"{path}: file name does not follow [acc_]<task>_instance_brier_<low>_<high>_"
                             "<groups>_<redist|undist>.csv for a known task")
    info = match.groupdict()
    info["metric"] = "accuracy" if info.pop("acc") else "tc_brier"
    info["groups"] = int(info["groups"])
    return info


def group_columns(path: Path, header: list[str], info: dict) -> list[tuple[str, int, int]]:
    """The group columns in file order, checked against numpy.linspace's cut of the questions."""
    suffix = "_acc" if info["metric"] == "accuracy" else "_brier"
    found = [c for c in header if re.fullmatch(rf"\d+_\d+{suffix}", c)]
    questions = TASKS[info["task"]][1]
    cuts = [math.floor(i * questions / info["groups"]) for i in range(info["groups"] + 1)]
    wanted = [f"{cuts[i]}_{cuts[i + 1]}{suffix}" for i in range(info["groups"])]
    if found != wanted:
        raise SourceRowError(f"{path}, line 1: group columns {found} are not {wanted}")
    return [(c, cuts[i], cuts[i + 1]) for i, c in enumerate(found)]


def obsscaling_meta(sources: Path) -> dict[str, dict]:
    """ObsScaling's base-model rows by model name, read with obsscaling's own checks."""
    path = sources / obsscaling.FOLDER / obsscaling.BASE
    rows = obsscaling.model_rows(path, obsscaling.META + obsscaling.BASE_BENCHMARKS)
    return {row["Model"]: row for _, row in rows}


def same_number(a: str, b: str) -> bool:
    if a == "" or b == "":
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9)  # '7.2' and '7.199999999999999' agree


def read_file(path: Path, info: dict, meta: dict[str, dict], skipped: Counter) -> tuple[list, list[tuple]]:
    """(model, line, {column: value}) rows of models that have group values; checks as the docstring says."""
    header, rows = read_table(path)
    columns = group_columns(path, header, info)
    kept: dict[str, tuple] = {}
    for line, row in rows:
        model = row.get("Model", "")
        values = {c: source_number(path, line, c, row[c], allow_empty=True) for c, _, _ in columns}
        present = [c for c, v in values.items() if v is not None]
        if not present:
            skipped["no values" if model else "empty line"] += 1
            continue
        if len(present) != len(values):
            gap = next(c for c, v in values.items() if v is None)
            raise SourceRowError(f"{path}, line {line}, column '{gap}': empty where the model's other groups "
                                 "have values")
        obsscaling.cell_text(path, line, "Model", model)
        if model not in meta:
            raise SourceRowError(f"{path}, line {line}, column 'Model': {model!r} is not in ObsScaling's "
                                 "base_llm_benchmark_eval.csv (no registry row)")
        mismatch = next((c for c in META if not same_number(row[c], meta[model][c])), None)
        if model in kept:
            # The script writes a model's values with DataFrame.loc, i.e. into every row carrying its name:
            # a repeated name is acceptable only as such a copy, with the same values, and the row whose
            # size matches the registry is kept.
            first_line, first_values, first_mismatch = kept[model][1], kept[model][2], kept[model][4]
            if values != first_values or (mismatch is None) == (first_mismatch is None):
                raise SourceRowError(f"{path}, line {line}, column 'Model': {model!r} already on line "
                                     f"{first_line}")
            skipped["repeated name"] += 1
            if mismatch is not None:
                continue
        elif mismatch is not None:
            kept[model] = (model, line, values, None, mismatch, row)
            continue
        overall = {c: source_number(path, line, c, row.get(c, ""), allow_empty=True) for c in ("acc", "brier")}
        kept[model] = (model, line, values, overall, None, row)
    out = []
    for model, line, values, overall, mismatch, row in kept.values():
        if mismatch is not None:
            raise SourceRowError(f"{path}, line {line}, column '{mismatch}': {row[mismatch]!r}, ObsScaling's "
                                 f"registry source says {meta[model][mismatch]!r}")
        out.append((model, line, values, overall))
    return out, columns


def derive_rows(sources: Path) -> tuple[list[dict], list[dict], dict]:
    root = sources / FOLDER / "data"
    meta = obsscaling_meta(sources)
    bins, overall = [], []
    stats = {"used": [], "left_out": [], "skipped": Counter(), "models": set(), "per_task": Counter()}
    files = sorted(root.glob("*/*.csv"))
    for path in files:
        info = parse_name(path)
        t, _, _ = TASKS[info["task"]]
        main = math.isclose(float(info["high"]), 10 ** t, rel_tol=1e-12) and info["low"] == "-1000"
        use = main and info["dist"] == "redist" and (info["metric"] == "tc_brier" or info["groups"] == 10)
        relative = path.relative_to(root.parent).as_posix()
        if not use:
            stats["left_out"].append((relative, "undist" if info["dist"] == "undist" else "threshold"))
            continue
        stats["used"].append(relative)
        rows, columns = read_file(path, info, meta, stats["skipped"])
        source = repo_file(relative)
        difficulty = "accuracy" if info["metric"] == "accuracy" else "tc_brier"
        for model, line, values, totals in rows:
            stats["models"].add(model)
            for index, (column, start, end) in enumerate(columns):
                level = index + 1 if difficulty == "tc_brier" else info["groups"] - index
                bins.append({"model": model, "task": info["task"], "difficulty_by": difficulty,
                             "threshold_log10": format(t, "g"), "groups": str(info["groups"]),
                             "group": str(index), "questions": f"{start}-{end}", "level": str(level),
                             "metric": info["metric"], "value": values[column], "kind": "raw",
                             "source": f"{source}, column '{column}'"})
            if info["metric"] == "tc_brier" and info["groups"] == 10:
                stats["per_task"][info["task"]] += 1
                for column, metric in (("acc", "accuracy"), ("brier", "tc_brier")):
                    if totals[column] is None:
                        raise SourceRowError(f"{path}, line {line}, column '{column}': empty for a model "
                                             "with group values")
                    overall.append({"model": model, "task": info["task"], "metric": metric,
                                    "value": totals[column], "kind": "raw", "source": f"{source}, column "
                                                                                       f"'{column}'"})
    return bins, overall, stats


# --- catalogue -----------------------------------------------------------------------------------

LICENCE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
           "title": "tony10101105/ExpEmergence is MIT-licensed; values copied unchanged, one row per value"}



def catalogue(bins: list[dict], overall: list[dict], stats: dict) -> dict:
    left = Counter(reason for _, reason in stats["left_out"])
    per_task = ", ".join(f"{task} {n}" for task, n in sorted(stats["per_task"].items()))
    meaning = (
        "Each task's questions are sorted by difficulty and cut into `groups` equal slices (numpy.linspace "
        "on the question ranks; `questions` gives the ranks a-b as the file's column name <a>_<b>). "
        "Difficulty is the mean, over the models with training compute below the task's emergence threshold "
        "(10^threshold_log10 x 1E21 FLOPs; the files' names give the bound, 'low' -1000 = none), of each "
        "question's TC Brier score (difficulty_by tc_brier) or 0/1 accuracy (difficulty_by accuracy, the "
        "files named acc_*). Sorting is ascending, so the file's group 0 is the easiest slice when difficulty "
        "is the Brier score and the hardest when it is accuracy; `level` counts from 1 = easiest to `groups` "
        "= hardest either way. The TC Brier score (the name the repository and paper use) of a question is "
        "(p - 1)^2, p = the model's probability of the correct option renormalised over the options (the files' 'redist'); "
        "lower is better; value = a model's mean over the slice. accuracy = the share of the slice whose "
        "highest-likelihood option is correct. All of this is read from the scripts evaluation/<task>/"
        "<task>_question_grouping[_acc].py and utils.py at the same commit (plot_question_group_tc_brier.py "
        "calls 'redist' the variant 'w/ conditionality'); of the paper (arXiv 2410.01692) only the abstract "
        "was available here, which describes grouping questions by difficulty, not the file layout.")
    bins_desc = (
        f"{len(bins)} rows from {len(stats['used'])} files: for all 9 tasks, the 10-group and 3-group TC Brier "
        "files at the task's threshold (the paper's figures and its Slice-and-Sandwich fit use them), and for "
        "MMLU, arithmetic and Persian QA the 10-group accuracy files. "
        f"{meaning} Models: the {len(stats['models'])} open base models with values; the files' other rows "
        f"have no values for the task ({stats['skipped']['no values']} model rows, counted over the files used) "
        f"or are empty lines ({stats['skipped']['empty line']}); nothing written for them. In "
        f"{stats['skipped']['repeated name']} rows (the arithmetic files) a name appears a second time "
        "(openai-community/gpt2 and gpt2-large, there with the sizes of gpt2-medium and gpt2-xl, 0.355 and "
        "1.5 B) carrying the same values: the script writes a model's values into every row of that name, so "
        "these are copies; the row whose size matches ObsScaling is kept. Left out: "
        f"{left['undist']} files with raw (not renormalised) probabilities ('undist', an appendix variant) and "
        f"{left['threshold']} 3-group files at other thresholds (the paper's robustness check of the threshold); "
        "the files' _san columns (mean total probability of the options, a sanity check; in the acc_ files the "
        "overall 'san' column is the mean question id, a slip of the script) and the ObsScaling benchmark "
        "columns. Keys are the models_obsscaling keys: derive checks that these files' Model Size, Pretraining "
        "Data Size and FLOPs (1E21) equal ObsScaling's base_llm_benchmark_eval.csv. utils.py lists MMLU, "
        "Persian QA, arithmetic, hindu_knowledge, analogical_similarity and conceptual_combinations as tasks "
        "with emergence and HellaSwag, ARC and abstract_narrative_understanding without; the threshold is "
        "also where the paper splits models into fit (below) and test (above) sets.")
    overall_desc = (
        f"{len(overall)} rows: each model's overall accuracy and TC Brier score on each task (the acc and brier "
        "columns of the task's 10-group TC Brier file; models per task: " + per_task + "). Accuracy is the "
        "share of questions whose highest-likelihood option is correct; TC Brier as in wu_lo_bins.")
    model_fk = {"fields": "model", "reference": {"resource": "models_obsscaling", "fields": "model"}}
    task_field = field("task", description="The repository's task folder name.", required=True,
                       enum=sorted(TASKS))
    return {"resources": [
        {"name": "wu_lo_bins", "path": "bins.csv",
         "title": "Wu & Lo 2025: open models' TC Brier score and accuracy per question-difficulty group",
         "description": bins_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": [
             field("model", description="Key into models_obsscaling (the source CSV's Model name).",
                   required=True),
             task_field,
             field("difficulty_by", description="What sorted the questions: mean TC Brier (tc_brier) or mean "
                                                "accuracy (accuracy) of the models below the threshold.",
                   required=True, enum=["tc_brier", "accuracy"]),
             field("threshold_log10", "number", "The emergence threshold t: difficulty uses models with FLOPs "
                                                "<= 10^t x 1E21.", required=True),
             field("groups", "integer", required=True, enum=[3, 10]),
             field("group", "integer", "0-based position of the group's column in the file.", required=True,
                   minimum=0),
             field("questions", description="Question ranks a-b (a included, b not), as the column name.",
                   required=True),
             field("level", "integer", "Difficulty level: 1 = easiest ... groups = hardest.", required=True,
                   minimum=1),
             field("metric", required=True, enum=["tc_brier", "accuracy"]),
             field("value", "number", "Mean over the group's questions (0-1).", required=True, minimum=0,
                   maximum=1),
             "kind", "source"],
             "foreignKeys": [model_fk]}},
        {"name": "wu_lo_overall", "path": "overall.csv",
         "title": "Wu & Lo 2025: open models' overall accuracy and TC Brier score per task",
         "description": overall_desc, "format": "csv", "encoding": "utf-8", "licenses": [LICENCE],
         "schema": {"fields": [
             field("model", description="Key into models_obsscaling.", required=True), task_field,
             field("metric", required=True, enum=["accuracy", "tc_brier"]),
             field("value", "number", required=True, minimum=0, maximum=1), "kind", "source"],
             "foreignKeys": [model_fk]}},
    ]}




BIN_COLUMNS = ["model", "task", "difficulty_by", "threshold_log10", "groups", "group", "questions", "level",
               "metric", "value", "kind", "source"]
OVERALL_COLUMNS = ["model", "task", "metric", "value", "kind", "source"]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/wu_lo/ (bins, overall, catalogue) from ../shared/sources/expemergence_wu_lo."""
    bins, overall, stats = derive_rows(Path(sources))
    target = Path(out) / OUT
    written = [write_csv(target / "bins.csv", BIN_COLUMNS, bins),
               write_csv(target / "overall.csv", OVERALL_COLUMNS, overall)]
    header = ("# Written by emergent_survey/sources/wu_lo.py (make data); edit the module, not this file.\n"
              f"# Source: {REPO}@{COMMIT}, data/ (../shared/sources/{FOLDER}); {PAPER} ({PAPER_VERSION}).\n")
    written.append(write_catalogue(target / "catalogue.yaml", catalogue(bins, overall, stats), header))
    return written
