"""Hendrycks et al. 2021 (MMLU, arXiv 2009.03300), Table 1: GPT-3 few-shot accuracy by subject group.

No PDF of the paper was at hand: the values come from the source-gathering CSV of three
independent third-party transcriptions of Table 1, which agree; the GPT-3 X-Large row is also in
the authors' repository (README).
"""

from __future__ import annotations

from pathlib import Path

from .common import OBSERVATION_COLUMNS, observation, read_records, write_csv

# The MMLU paper's own mapping of API models to sizes (later evidence suggests smaller models).
SIZES = {"GPT-3 Small": "GPT-3 2.7B", "GPT-3 Medium": "GPT-3 6.7B", "GPT-3 Large": "GPT-3 13B",
         "GPT-3 X-Large": "GPT-3 175B"}
TRANSCRIPTIONS = "read in three independent third-party transcriptions of Table 1, which agree"
AUTHORS_README = "hendrycks/test@055448fdb0cb9128f3afe2cd9d53d40e16f04442:README.md"


def table1(sources: Path) -> list[dict]:
    """Table 1 rows of the four GPT-3 models (5-shot)."""
    path = sources / "paper_tables" / "mmlu_table1_gpt3_sizes.csv"
    rows = []
    for record in read_records(path):
        if record["model"] not in SIZES or record["table"] != "Table 1":
            continue  # the zero-shot 175B value is read off a figure in the paper's text
        model = record["model"]
        also = f" (this row is also in the authors' {AUTHORS_README})" if model == "GPT-3 X-Large" else ""
        rows.append(observation(
            SIZES[model], record["task"], "few_shot", "accuracy", record.number("value"),
            source=f"hendrycks2021mmlu (arXiv {record['arxiv_id']}), Table 1, row '{model}'",
            note=f"the MMLU paper maps '{model}' to {SIZES[model].split()[1]} parameters; 5-shot; "
                 f"{TRANSCRIPTIONS}{also}",
        ))
    if len(rows) != 4 * 5:
        raise ValueError(f"{path}: expected 20 GPT-3 rows, found {len(rows)}")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/hendrycks2021_mmlu/table1_gpt3.csv."""
    return [write_csv(out / "hendrycks2021_mmlu" / "table1_gpt3.csv", OBSERVATION_COLUMNS, table1(sources))]
