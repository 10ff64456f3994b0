"""Brown et al. 2020 (GPT-3, arXiv 2005.14165v4), Table H.1: GPT-3 175B beside the "Fine-tuned SOTA" column.

Table H.1 prints, for every task, the fine-tuned state of the art next to the zero-, one- and few-shot
results of each GPT-3 size. This module keeps the largest model (GPT-3 175B, including the few-shot
test-server column where printed) and the state-of-the-art value, one row per value, for every task
and metric the table gives a state of the art for (the synthetic tasks of Sec. 3.9 have none).

Read from the same source-gathering CSV as ``brown2020_gpt3`` (a machine transcription of the table,
arXiv PDF pages 63-67; ``paper_tables/PROVENANCE.md``): the row's note names the transcription and
how far it was cross-checked. Each task also carries the results section of the paper it belongs to
(Sec. 3.1-3.8, as the paper groups its tasks at the start of Sec. 3).
"""

from __future__ import annotations

from pathlib import Path

from .common import read_records, write_csv

COLUMNS = ["task", "paper_section", "metric", "split", "setting", "model", "value", "unit",
           "higher_is_better", "kind", "source", "note"]
MODEL = "GPT-3 175B"
SETTINGS = {"zero-shot": "zero_shot", "one-shot": "one_shot", "few-shot": "few_shot",
            "few-shot (test server)": "few_shot_test_server"}
# The paper's results sections (Brown et al. Sec. 3, second paragraph, lists the nine categories).
SECTIONS = {
    "3.1 Language modeling, cloze and completion": ["LAMBADA", "StoryCloze", "HellaSwag"],
    "3.2 Closed-book question answering": ["NQs", "WebQs", "TriviaQA"],
    "3.3 Translation": ["En→Fr 14", "Fr→En 14", "En→De 16", "De→En 16", "En→Ro 16", "Ro→En 16"],
    "3.4 Winograd-style tasks": ["Winograd", "Winogrande"],
    "3.5 Common sense reasoning": ["PIQA", "ARC (Challenge)", "ARC (Easy)", "OpenBookQA"],
    "3.6 Reading comprehension": ["CoQA", "DROP", "Quac", "SQuADv2", "RACE-h", "RACE-m"],
    "3.7 SuperGLUE": ["BoolQ", "CB", "Copa", "RTE", "WiC", "WSC", "MultiRC", "ReCoRD", "SuperGLUE"],
    "3.8 Natural language inference": ["ANLI R1", "ANLI R2", "ANLI R3"],
}
SECTION_OF = {task: section for section, tasks in SECTIONS.items() for task in tasks}
UNITS = {"acc": "%", "f1": "F1", "f1a": "F1a", "em": "exact match", "average": "score",
         "BLEU-mb": "BLEU", "BLEU-sb": "BLEU", "ppl": "perplexity"}
LOWER_IS_BETTER = {"ppl"}
# What the paper says about a state-of-the-art value beyond the table itself.
SOTA_NOTES = {
    ("LAMBADA", "acc"): "Table 3.2 attributes this SOTA to Turing-NLG [Tur20], a language model evaluated without "
                        "fine-tuning (Figure 3.2: 'the SOTA 17B parameter Turing-NLG').",
    ("LAMBADA", "ppl"): "Table 3.2 attributes this SOTA to GPT-2 [RWC+19], a language model evaluated zero-shot.",
}
WIC_ZERO = ("Table H.1 prints 0.0 in the zero-shot WiC row for every model size; on a two-choice task (chance 50%) this "
            "cannot be a measured accuracy, and the main text reports no zero-shot WiC result, so the book treats it "
            "as not reported.")


def _note(record: dict, extra: str = "") -> str:
    transcription = record["source"].removeprefix("github:")
    checked = record["verification"][:1].upper() + record["verification"][1:]
    parts = [extra, f"{checked}; read in a machine (vision) transcription of the arXiv PDF at {transcription}."]
    return " ".join(part for part in parts if part)


def finetuned_sota(sources: Path) -> list[dict]:
    """GPT-3 175B and the fine-tuned SOTA, per task, metric and split of Table H.1."""
    path = sources / "paper_tables" / "gpt3_tableH1_all_sizes.csv"
    records = [r for r in read_records(path) if r["model"] == MODEL and r["finetune_sota"] != ""]
    source = f"brown2020gpt3 (arXiv {records[0]['arxiv_id']}), Table H.1, pp. 63-67"
    rows, seen = [], set()
    for record in records:
        task, metric, split = record["task"], record["metric"], record["split"]
        if task not in SECTION_OF:
            raise ValueError(f"{path}: task {task!r} has a SOTA value but no paper section here")
        common = {"task": task, "paper_section": SECTION_OF[task], "metric": metric, "split": split,
                  "unit": UNITS[metric], "higher_is_better": "false" if metric in LOWER_IS_BETTER else "true",
                  "kind": "table", "source": source}
        key = (task, metric, split)
        if key not in seen:
            seen.add(key)
            rows.append({**common, "setting": "finetuned_sota", "model": "", "value": record.number("finetune_sota"),
                         "source": f"{source}, column 'Fine-tuned SOTA'",
                         "note": _note(record, SOTA_NOTES.get((task, metric), ""))})
        setting = SETTINGS[record["setting"]]
        extra = WIC_ZERO if (task, setting) == ("WiC", "zero_shot") else ""
        rows.append({**common, "setting": setting, "model": MODEL, "value": record.number("value"),
                     "note": _note(record, extra)})
    missing = sorted(set(SECTION_OF) - {r["task"] for r in rows})
    if missing:  # a task the transcription lost would otherwise just be absent from the figure
        raise ValueError(f"{path}: no fine-tuned SOTA row for {missing}")
    order = {task: i for i, task in enumerate(SECTION_OF)}
    settings = ["finetuned_sota", *SETTINGS.values()]
    rows.sort(key=lambda r: (order[r["task"]], r["metric"], r["split"], settings.index(r["setting"])))
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/brown2020_gpt3/finetuned_sota.csv."""
    return [write_csv(out / "brown2020_gpt3" / "finetuned_sota.csv", COLUMNS, finetuned_sota(sources))]
