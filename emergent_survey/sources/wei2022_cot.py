"""Wei et al. 2022b, chain-of-thought prompting (arXiv 2201.11903v6): appendix Tables 2-5.

Tables 2-4 (arithmetic, commonsense, StrategyQA ...) come from the machine transcription in
``wei2022_cot_tables/`` (``pdftotext -layout`` of the v6 PDF, parsed column by column); Table 5
(symbolic reasoning) is read here from the PDF's text layer. LaMDA values are means over five
exemplar orders, as the paper says.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import OBSERVATION_COLUMNS, observation, pdf_page_text, read_records, write_csv

CITATION = "wei2022cot (arXiv 2201.11903v6)"
PDF = "papers/wei2022_cot_v6.pdf"
TABLE_PAGES = {"Table 2": 21, "Table 3": 21, "Table 4": 22, "Table 5": 22}
LAMDA_NOTE = "mean over five exemplar orders"

# CoT paper (v6) model names -> keys of data/models.csv.
MODEL_KEYS = {
    ("UL2", "20B"): "UL2 20B",
    ("LaMDA", "420M"): "LaMDA 422M",
    ("LaMDA", "2B"): "LaMDA 2B",
    ("LaMDA", "8B"): "LaMDA 8B",
    ("LaMDA", "68B"): "LaMDA 68B",
    ("LaMDA", "137B"): "LaMDA 137B",
    ("GPT", "350M"): "text-ada-001",
    ("GPT", "1.3B"): "text-babbage-001",
    ("GPT", "6.7B"): "text-curie-001",
    ("GPT", "175B"): "text-davinci-002",
    ("Codex", "-"): "code-davinci-002",
    ("PaLM", "8B"): "PaLM 8B",
    ("PaLM", "62B"): "PaLM 62B",
    ("PaLM", "540B"): "PaLM 540B",
}


def family_keys(family: str) -> list[str]:
    """The registry keys of one family's models, smallest first (the order of Table 2)."""
    return [key for (name, _), key in MODEL_KEYS.items() if name == family]


TABLE5_TASKS = ["Last Letter (2)", "Last Letter (OOD: 3)", "Last Letter (OOD: 4)",
                "Coin Flip (2)", "Coin Flip (OOD: 3)", "Coin Flip (OOD: 4)"]
TABLE5_ROW = re.compile(r"^(UL2|LaMDA|PaLM)?\s*(\d+(?:\.\d+)?[MB])\s+(.*)$")
ONE_DECIMAL = re.compile(r"\d{1,3}\.\d")


def tables_2_to_4(sources: Path) -> list[dict]:
    """Tables 2-4 from the machine transcription in wei2022_cot_tables/."""
    path = sources / "wei2022_cot_tables" / "cot_appendix_tables_2_3_4.csv"
    rows = []
    for record in read_records(path):
        key = (record["model_family"], record["model_size"])
        if key not in MODEL_KEYS:
            raise ValueError(f"{path}, line {record.line}: unknown model {key}")
        table = record["table"].split(" (")[0]
        rows.append(observation(
            MODEL_KEYS[key], record["dataset"], record["prompting"], "solve_rate", record.number("solve_rate_pct"),
            source=f"{CITATION}, {table}, p. {TABLE_PAGES[table]}",
            note=LAMDA_NOTE if key[0] == "LaMDA" else "",
        ))
    return rows


def table_5(sources: Path) -> list[dict]:
    """Table 5 (symbolic reasoning) from the PDF text layer.

    The text layer runs some cells together ('0.618.8'); every cell has one decimal, so the
    cells are split on that pattern and the row must then hold exactly 12 of them.
    """
    pdf_path = sources / PDF
    page = TABLE_PAGES["Table 5"]
    lines = pdf_page_text(pdf_path, page).split("Table5:")[1].splitlines()
    rows, family = [], None
    for line in lines:
        match = TABLE5_ROW.match(line.strip())
        if not match:
            continue
        family = match.group(1) or family
        size = match.group(2)
        cells = ONE_DECIMAL.findall(match.group(3).replace(" ", ""))
        if len(cells) != 12:
            raise ValueError(f"{pdf_path}: p. {page} Table 5 row {line!r}: expected 12 cells, got {cells}")
        for i, cell in enumerate(cells):
            rows.append(observation(
                MODEL_KEYS[(family, size)], TABLE5_TASKS[i // 2], "standard" if i % 2 == 0 else "chain_of_thought",
                "solve_rate", cell,
                source=f"{CITATION}, Table 5, p. {page} (PDF text layer)",
                note=LAMDA_NOTE if family == "LaMDA" else "",
            ))
    if len(rows) != 9 * 12:
        raise ValueError(f"{pdf_path}: Table 5: expected 9 model rows, parsed {len(rows) // 12}")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/wei2022_cot/solve_rates.csv."""
    return [write_csv(out / "wei2022_cot" / "solve_rates.csv", OBSERVATION_COLUMNS,
                      tables_2_to_4(sources) + table_5(sources))]
