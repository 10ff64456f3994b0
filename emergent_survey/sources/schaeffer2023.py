"""Schaeffer, Miranda & Koyejo 2023, "Are emergent abilities a mirage?": numbers stated in the text.

The paper's figures are raster images (../shared/sources/papers/PROVENANCE.md), so the book takes only
what its text states: how many BIG-Bench metrics show emergence, which two metrics carry more than 92%
of the claimed emergent abilities, and the outcome of its GPT-3 and LaMDA re-scorings. Each row carries
the sentence; ``derive`` checks that the sentence is on the stated page of the NeurIPS camera-ready PDF's
text layer (compared without whitespace: the layer runs most words together) and raises
``SourceRowError`` naming file, page and claim when it is not.

Writes ``data/schaeffer2023/claims.csv`` and its ``catalogue.yaml``.
"""

from __future__ import annotations

from pathlib import Path


from .common import SourceRowError, field, pdf_page_text, squeezed, write_catalogue, write_csv

PDF = "papers/schaeffer2023_mirage_neurips.pdf"  # under ../shared/sources
OUT = "schaeffer2023"  # under data/
PAPER = "schaeffer2023mirage"
PAPER_VERSION = "NeurIPS 2023 camera-ready, arXiv 2304.15004"

# (claim, page, task, setting, value, unit, quote, note)
CLAIMS = [
    ("metrics-carry-92pct", 2, "BIG-Bench (claimed emergent abilities hand-annotated by Wei et al.)", "", "92",
     "% of claimed emergent abilities (more than)",
     "as we later show, > 92% of emergent abilities on BIG-Bench tasks [33] (hand-annotated by [37]) appear "
     "under either of these two metrics",
     "the two metrics: Multiple Choice Grade (1 if the highest probability mass is on the correct option) and "
     "Exact String Match (1 if the output string exactly matches the target), defined in the next lines"),
    ("emergence-score-metrics", 6, "BIG-Bench", "emergence score of Srivastava et al.", "5",
     "metrics (at most) of the 39 preferred metrics",
     "of the 39 preferred metrics in BIG-Bench, at most 5 display emergence (Fig. 5A).",
     "'display emergence' by the emergence score, which only suggests emergence (p. 7)"),
    ("preferred-metrics", 6, "BIG-Bench", "", "39", "preferred metrics",
     "of the 39 preferred metrics in BIG-Bench, at most 5 display emergence (Fig. 5A).", ""),
    ("emergence-score-metrics-nonlinear", 6, "BIG-Bench", "emergence score", "", "",
     "Many of the 5 are nonlinear and/or discontinuous, e.g., Exact String Match, Multiple Choice Grade, "
     "ROUGE-L-Sum (App. A.4).", ""),
    ("hand-annotated-metrics", 7, "BIG-Bench (hand-annotated task-metric-model family triplets)", "", "4",
     "metrics of 39",
     "which revealed emergent abilities appear with 4/39 metrics (Fig. 5B), and 2 metrics account for >92% of "
     "claimed emergent abilities (Fig. 5C): Multiple Choice Grade and Exact String Match.", ""),
    ("two-metrics", 7, "BIG-Bench (hand-annotated task-metric-model family triplets)", "", "2", "metrics",
     "which revealed emergent abilities appear with 4/39 metrics (Fig. 5B), and 2 metrics account for >92% of "
     "claimed emergent abilities (Fig. 5C): Multiple Choice Grade and Exact String Match.",
     "Multiple Choice Grade and Exact String Match"),
    ("two-metrics-share", 7, "BIG-Bench (hand-annotated task-metric-model family triplets)", "", "92",
     "% of claimed emergent abilities (more than)",
     "which revealed emergent abilities appear with 4/39 metrics (Fig. 5B), and 2 metrics account for >92% of "
     "claimed emergent abilities (Fig. 5C): Multiple Choice Grade and Exact String Match.", ""),
    ("metric-kinds", 7, "", "", "", "",
     "Multiple Choice Grade is discontinuous, and Exact String Match is nonlinear.", ""),
    ("lamda-brier", 7, "BIG-Bench tasks where LaMDA shows emergence under Multiple Choice Grade",
     "LaMDA family, Brier Score instead of Multiple Choice Grade", "", "",
     "LaMDA’s emergent abilities on the discontinuous Multiple Choice Grade disappeared when we changed the "
     "metric to the continuous Brier Score (Fig. 6).", ""),
    ("gpt3-tasks", 6, "2-digit multiplication; 4-digit addition", "InstructGPT/GPT-3 family, 2-shot", "2", "tasks",
     "we collected outputs from the InstructGPT/GPT-3 family on two tasks: 2-shot multiplication between two "
     "2-digit integers and 2-shot addition between two 4-digit integers.", ""),
    ("gpt3-accuracy-emergence", 6, "2-digit multiplication; 4-digit addition", "InstructGPT/GPT-3 family, Accuracy",
     "", "",
     "On both arithmetic tasks, the GPT family displays emergent abilities if the target has 4 or 5 digits and if "
     "the metric is Accuracy (Fig. 3, top)", ""),
    ("gpt3-edit-distance", 6, "2-digit multiplication; 4-digit addition",
     "InstructGPT/GPT-3 family, Token Edit Distance", "", "",
     "However, if one changes from nonlinear Accuracy to linear Token Edit Distance while keeping the models’ "
     "outputs fixed, the family’s performance smoothly, continuously and predictably improves with increasing "
     "scale (Fig. 3, bottom).", ""),
    ("gpt3-above-chance", 6, "2-digit multiplication; 4-digit addition",
     "InstructGPT/GPT-3 family, Accuracy with more test data", "", "",
     "found that on both arithmetic tasks, all models in the InstructGPT/GPT-3 family achieve above-chance "
     "accuracy (Fig. 4).", ""),
]
COLUMNS = ["claim", "paper", "page", "task", "setting", "value", "unit", "quote", "kind", "source", "note"]


def claim_rows(pdf: Path) -> list[dict]:
    pages: dict[int, str] = {}
    rows = []
    for claim, page, task, setting, value, unit, quote, note in CLAIMS:
        if page not in pages:
            pages[page] = squeezed(pdf_page_text(pdf, page))
        if squeezed(quote) not in pages[page]:
            raise SourceRowError(f"{pdf}, page {page}, claim {claim!r}: the quoted sentence is not on the page")
        rows.append({"claim": claim, "paper": PAPER, "page": str(page), "task": task, "setting": setting,
                     "value": value, "unit": unit, "quote": quote, "kind": "text",
                     "source": f"{PAPER} ({PAPER_VERSION}), p. {page}; PDF text layer", "note": note})
    return rows



def catalogue(rows: list[dict]) -> dict:
    description = (
        f"{len(rows)} statements of Schaeffer et al. 2023 ({PAPER_VERSION}) with the sentence and its page (the "
        "PDF's page = the printed page). The figures of the paper are raster images, so only its text is used. "
        "Quotes are given with normal spacing; derive checks each against the PDF's text layer, which runs most "
        "words together. [33] is BIG-Bench (Srivastava et al.), [37] Wei et al. 2022 'Emergent abilities' "
        "(their hand-annotated list of emergent task-metric-model family triplets). value is empty where the "
        "sentence states no number.")
    return {"resources": [{
        "name": "schaeffer2023_claims", "path": "claims.csv",
        "title": "Schaeffer et al. 2023: how many BIG-Bench metrics show emergence, and which metrics carry it",
        "description": description, "format": "csv", "encoding": "utf-8",
        "licenses": ["cc-by-4.0-facts"],  # a shared definition of data/catalogue.yaml
        "schema": {"primaryKey": ["claim"], "fields": [
            field("claim", required=True, unique=True), field("paper", required=True),
            field("page", "integer", "Page of the PDF (= printed page).", required=True, minimum=1),
            field("task"), field("setting"),
            field("value", "number", "The number the sentence states (empty if none)."), field("unit"),
            field("quote", required=True), "kind", "source", "note"]}}]}




def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/schaeffer2023/claims.csv (and its catalogue) from the paper's PDF text layer."""
    rows = claim_rows(Path(sources) / PDF)
    target = Path(out) / OUT
    header = ("# Written by emergent_survey/sources/schaeffer2023.py (make data); edit the module, not this file.\n"
              f"# Source: ../shared/sources/{PDF} ({PAPER}, {PAPER_VERSION}).\n")
    return [write_csv(target / "claims.csv", COLUMNS, rows),
            write_catalogue(target / "catalogue.yaml", catalogue(rows), header)]
