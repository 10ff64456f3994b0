"""Fit constants of the Kaplan et al. (2020) and Chinchilla (Hoffmann et al. 2022) scaling laws.

Kaplan et al. Table 5 is read here from the text layer of the arXiv v1 PDF (page 20). No PDF of
Hoffmann et al. was at hand: its App. D.2 fit and Table 3 come from the source-gathering
transcription in ``paper_tables/`` of a third-party web clipping of the ar5iv HTML of arXiv v1.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import pdf_page_text, read_records, write_csv

KAPLAN_PDF = "papers/kaplan2020_scaling_laws_v1.pdf"
KAPLAN_TABLE5_PAGE = 20
KAPLAN_CITATION = "kaplan2020scaling (arXiv 2001.08361v1)"
# "α =0.076 N =8.8×1013params(non-embed)", then the subscripts on the next line ("N c"):
# the text layer flattens exponents ("×1013" is x 10^13) and subscripts.
KAPLAN_LAW = re.compile(r"^α(?P<min>min)? =(?P<exponent>\d\.\d+) \S+ =(?P<mantissa>\d+(?:\.\d+)?)×10(?P<power>\d+)"
                        r"(?P<unit>params|tokens|PF-days|steps)")
KAPLAN_KEYS = {"N": ("kaplan_alpha_N", "kaplan_N_c"), "D": ("kaplan_alpha_D", "kaplan_D_c"),
               "C min": ("kaplan_alpha_C_min", "kaplan_C_c_min")}  # the laws the book uses

CHINCHILLA_CITATION = "hoffmann2022chinchilla (arXiv 2203.15556v1)"
CHINCHILLA_NOTE = ("read in a third-party transcription (a web clipping of the ar5iv HTML of arXiv 2203.15556v1); "
                   "no PDF of the paper was at hand")
CHINCHILLA_FIT = {"E": "chinchilla_E", "A": "chinchilla_A", "B": "chinchilla_B",
                  "alpha": "chinchilla_alpha", "beta": "chinchilla_beta"}
CHINCHILLA_PROJECTION = re.compile(r"compute-optimal (FLOPs|tokens) for N=([\d.]+) (Million|Billion|Trillion)$")
WORD_SCALE = {"Million": 1e6, "Billion": 1e9, "Trillion": 1e12}
CHINCHILLA_TABLE3_SIZES = 9  # rows of Table 3: 400M to 10T parameters
COLUMNS = ["key", "parameters", "value", "unit", "kind", "source", "note"]


def kaplan_table5(sources: Path) -> list[dict]:
    """Kaplan et al. Table 5 (App. A): L(N), L(D) and L(C_min), from the PDF text layer."""
    text = pdf_page_text(sources / KAPLAN_PDF, KAPLAN_TABLE5_PAGE)
    lines = text.split("Theempiricalfittedvaluesforthesetrendsare:")[1].split("Table5")[0].splitlines()
    rows = []
    for line, subscript in zip(lines, lines[1:]):
        law = KAPLAN_LAW.match(line)
        if not law:
            continue
        variable = subscript.split()[0] + (" min" if law.group("min") else "")
        if variable not in KAPLAN_KEYS:
            continue  # L(C) naive, batch size and steps: not used by the book
        exponent_key, scale_key = KAPLAN_KEYS[variable]
        scale = float(f"{law.group('mantissa')}e{law.group('power')}")
        source = f"{KAPLAN_CITATION}, Table 5 (App. A, summary of power laws), p. {KAPLAN_TABLE5_PAGE} (PDF text layer)"
        rows += [
            {"key": exponent_key, "value": str(float(law.group("exponent"))), "kind": "table", "source": source},
            {"key": scale_key, "value": str(scale), "unit": law.group("unit"), "kind": "table", "source": source},
        ]
    if len(rows) != 2 * len(KAPLAN_KEYS):
        raise ValueError(f"{sources / KAPLAN_PDF}: p. {KAPLAN_TABLE5_PAGE}: Table 5: parsed {len(rows) // 2} laws")
    return rows


def chinchilla(sources: Path) -> list[dict]:
    """Hoffmann et al. App. D.2 parametric fit and Table 3 (Approach 1 compute-optimal projections)."""
    path = sources / "paper_tables" / "scaling_law_constants_kaplan_chinchilla.csv"
    rows = []
    for record in read_records(path):
        table, quantity = record["table"], record["quantity"]
        if not record["arxiv_id"].startswith("2203.15556"):
            continue
        if table.startswith("App. D.2") and quantity in CHINCHILLA_FIT:
            key, parameters, locator = CHINCHILLA_FIT[quantity], "", "App. D.2 eq. (10) parametric fit"
        elif table.startswith("Table 3 (Approach 1") and (projection := CHINCHILLA_PROJECTION.match(quantity)):
            key = f"chinchilla_table3_{projection.group(1).lower()}"
            parameters = f"{float(projection.group(2)) * WORD_SCALE[projection.group(3)]:.4g}"
            locator = "Table 3 (Approach 1 projections)"
        else:
            continue
        rows.append({
            "key": key, "parameters": parameters, "value": record.number("value"),
            "unit": record["unit_or_note"].split(" (")[0], "kind": "table",
            "source": f"{CHINCHILLA_CITATION}, {locator}", "note": CHINCHILLA_NOTE,
        })
    # Rows the transcription lacks would otherwise just be absent: count what Table 3 and App. D.2 hold.
    found = {key: sum(r["key"] == key for r in rows) for key in
             [*CHINCHILLA_FIT.values(), "chinchilla_table3_flops", "chinchilla_table3_tokens"]}
    expected = {key: 1 if key in CHINCHILLA_FIT.values() else CHINCHILLA_TABLE3_SIZES for key in found}
    if found != expected:
        raise ValueError(f"{path}: expected {expected} Chinchilla rows, found {found}")
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/scaling_laws/constants.csv."""
    rows = kaplan_table5(sources) + chinchilla(sources)
    if len({(r["key"], r.get("parameters", "")) for r in rows}) != len(rows):
        raise ValueError("a scaling-law constant appears twice")
    return [write_csv(out / "scaling_laws" / "constants.csv", COLUMNS, rows)]
