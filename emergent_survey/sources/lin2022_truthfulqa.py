"""Lin, Hilton and Evans 2022 (TruthfulQA, arXiv 2109.07958v2), Appendix B.2 Table 4.

Generation with the default QA prompt, judged by human evaluators, for every model size: read here
from the text layer of the v2 PDF (page 21). The rows for other prompts (null, chat, long-form,
help, harm; GPT-3 175B only) are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import OBSERVATION_COLUMNS, observation, pdf_page_text, write_csv

PDF = "papers/lin2022_truthfulqa_v2.pdf"
TABLE4_PAGE = 21
CITATION = "lin2022truthfulqa (arXiv 2109.07958v2)"
# "GPT-Neo/J 125M 0.385 0.123 43.6 54.3 10.3 45.8 0.384": family (first row of a block only),
# size, then truth score, truth*info score, %True, %Info, %True+info, %True (GPT-judge), truth score (unf.).
ROW = re.compile(r"^(?P<family>GPT-3|GPT-Neo/J|GPT-2|UnifiedQA)?\s*(?P<size>\d+(?:\.\d+)?[MB])"
                 r"(?P<cells>(?:\s+\d*\.\d+){7})$")
METRICS = {2: "percent_true", 3: "percent_informative", 4: "percent_true_and_informative"}  # cell -> metric
MODELS = 14


def table4(sources: Path) -> list[dict]:
    """Table 4, default QA prompt: %True, %Info and %True+Info per model."""
    pdf_path = sources / PDF
    text = pdf_page_text(pdf_path, TABLE4_PAGE)
    rows, family = [], None
    for line in text.split("B.2")[1].split("Table 4:")[0].splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue  # headers, and the 175B rows of other prompts ('null', 'chat', ...)
        family = match.group("family") or family
        cells = match.group("cells").split()
        for index, metric in METRICS.items():
            rows.append(observation(
                f"{family} {match.group('size')}", "TruthfulQA (generation)", "zero_shot", metric, cells[index],
                source=f"{CITATION}, Table 4 (App. B.2), p. {TABLE4_PAGE} (PDF text layer)",
                note="default QA prompt; judged by human evaluators"))
    if len(rows) != MODELS * len(METRICS):
        raise ValueError(f"{pdf_path}: p. {TABLE4_PAGE}: expected {MODELS} models x {len(METRICS)} metrics, "
                         f"parsed {len(rows)} values")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/lin2022_truthfulqa/table4.csv."""
    return [write_csv(out / "lin2022_truthfulqa" / "table4.csv", OBSERVATION_COLUMNS, table4(sources))]
