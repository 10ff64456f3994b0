"""Chung et al. 2022 (Flan-PaLM / Flan-T5, arXiv 2210.11416v5), Table 5: models with and without
Flan instruction finetuning, by size.

From the source-gathering CSV of the PDF's text layer (``pdftotext -layout``, page 11). A Flan
model is keyed by its base model with setting 'instruction_tuned'; cont-PaLM and U-PaLM rows
(other pre-training) are left out and listed in the catalogue entry.
"""

from __future__ import annotations

from pathlib import Path

from .common import OBSERVATION_COLUMNS, observation, read_records, write_csv

BASES = {"T5-Small": "T5 80M", "T5-Base": "T5 250M", "T5-Large": "T5 780M", "T5-XL": "T5 3B",
         "T5-XXL": "T5 11B", "PaLM": "PaLM"}  # PaLM rows are keyed with their size below
METRICS = {  # column of the source CSV -> (task, metric)
    "norm_avg": ("Flan evaluation suite (normalized average)", "normalized_average"),
    "MMLU_direct": ("MMLU (direct)", "accuracy"), "MMLU_CoT": ("MMLU (CoT)", "accuracy"),
    "BBH_direct": ("BBH (direct)", "accuracy"), "BBH_CoT": ("BBH (CoT)", "accuracy"),
    "TyDiQA_direct": ("TyDiQA (direct)", "exact_match"), "MGSM_CoT": ("MGSM (CoT)", "accuracy"),
}


def table5(sources: Path) -> list[dict]:
    """Table 5 rows of T5 and PaLM, before and after Flan finetuning."""
    path = sources / "paper_tables" / "chung2022_flanpalm_tables_3_5.csv"
    rows = []
    for record in read_records(path):
        if record["table"] != "Table 5":
            continue
        name = record["model"].removeprefix("Flan-")
        if name not in BASES:
            continue  # cont-PaLM, U-PaLM
        model = f"PaLM {record['params']}" if name == "PaLM" else BASES[name]
        setting = "instruction_tuned" if record["model"].startswith("Flan-") else "standard"
        for column, (task, metric) in METRICS.items():
            rows.append(observation(
                model, task, setting, metric, record.number(column),
                source=f"chung2022flan (arXiv 2210.11416v5) Table 5, row '{record['model']}' "
                       f"({record['params']}), PDF text layer p. 11",
                note="Flan (1.8K tasks) finetuning" if setting == "instruction_tuned" else "",
            ))
    if len(rows) != 16 * len(METRICS):
        raise ValueError(f"{path}: expected 16 T5/PaLM rows of Table 5, found {len(rows) // len(METRICS)}")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/chung2022_flan/table5.csv."""
    return [write_csv(out / "chung2022_flan" / "table5.csv", OBSERVATION_COLUMNS, table5(sources))]
