"""Brown et al. 2020 (GPT-3, arXiv 2005.14165v4), Table H.1: arithmetic and WiC for the eight sizes.

From the source-gathering CSV of a machine transcription of Table H.1 (arXiv PDF pages 63-67); the
175B values agree with the paper's main-text tables, the smaller sizes mostly rest on that one
transcription (each row's note says which). Dev set only: the 175B test-server column is left out,
so each row has one split.
"""

from __future__ import annotations

from pathlib import Path

from .common import OBSERVATION_COLUMNS, observation, read_records, write_csv

SIZES = {"GPT-3 Small": "GPT-3 125M", "GPT-3 Medium": "GPT-3 350M", "GPT-3 Large": "GPT-3 760M",
         "GPT-3 XL": "GPT-3 1.3B", "GPT-3 2.7B": "GPT-3 2.7B", "GPT-3 6.7B": "GPT-3 6.7B",
         "GPT-3 13B": "GPT-3 13B", "GPT-3 175B": "GPT-3 175B"}
TASKS = ["2D+", "2D-", "3D+", "3D-", "4D+", "4D-", "5D+", "5D-", "2Dx", "1DC", "WiC"]
SETTINGS = {"zero-shot": "zero_shot", "one-shot": "one_shot", "few-shot": "few_shot"}


def table_h1(sources: Path) -> list[dict]:
    """Table H.1 rows for arithmetic and WiC, dev set."""
    path = sources / "paper_tables" / "gpt3_tableH1_all_sizes.csv"
    rows = []
    for record in read_records(path):
        if record["task"] not in TASKS or record["split"] == "test":
            continue
        transcription = record["source"].removeprefix("github:")
        rows.append(observation(
            SIZES[record["model"]], record["task"], SETTINGS[record["setting"]], "accuracy", record.number("value"),
            source=f"brown2020gpt3 (arXiv {record['arxiv_id']}), Table H.1, pp. 63-67",
            note=f"{record['verification']}; read in a machine (vision) transcription of the arXiv PDF at "
                 f"{transcription}",
        ))
    expected = len(TASKS) * len(SIZES) * len(SETTINGS)
    if len(rows) != expected:
        raise ValueError(f"{path}: expected {expected} rows, found {len(rows)}")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/brown2020_gpt3/table_h1.csv."""
    return [write_csv(out / "brown2020_gpt3" / "table_h1.csv", OBSERVATION_COLUMNS, table_h1(sources))]
