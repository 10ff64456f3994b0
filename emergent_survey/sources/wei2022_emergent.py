"""Wei et al. 2022, "Emergent Abilities of Large Language Models" (TMLR 08/2022 PDF).

Tables 1 (emergent scale of each ability) and 2 (parameters, tokens and FLOPs per model) from the
PDF's text layer; Figures 2 and 11, 4 and 10, 5-7, 3, 12 and 13 from its vector graphics (panel
specifications in ``wei2022_emergent_panels``); and Figure 3A/12A (GSM8K on LaMDA) as the
source-gathering extraction read it, in the observation schema.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import wei2022_emergent_panels as panels
from .wei2022_cot import family_keys
from .common import (OBSERVATION_COLUMNS, join_notes, labelled_number, observation, pdf_page_text, read_records,
                     read_registry, write_csv)
from ._extended_readout import overlays, registry_difference
from .figure_readout import FIGURE_POINT_COLUMNS, figure_points

CITATION = panels.SOURCE_KEY
TABLE1_PAGE = 6
TABLE2_PAGE = 26

TABLE1_ROW = re.compile(
    r"^(?P<ability>.+?)\s+(?P<flops>\d\.\dE\+\d{2}|Many)\s+(?P<params>\d+(?:\.\d+)?[MB]|Many)"
    r"(?:\s+(?P<model>\S+)\s+(?P<reference>.+\(\d{4}[a-z]?\)))?\s*$"
)
TABLE1_COLUMNS = ["category", "ability", "emergent_training_flops", "emergent_parameters",
                  "model_family", "reference", "kind", "source", "note"]

# The "[sic]" of Table 2 stands in the Train tokens column, left of the token count (PDF p. 26).
TABLE2_ROW = re.compile(r"^(?P<family>GPT-3|LaMDA|Gopher|Chinchilla|PaLM|Anthropic LM)?\s*"
                        r"(?P<params>\d+(?:\.\d+)?[MB])\s*(?P<sic>\[sic\])?\s+"
                        r"(?P<tokens>\d+(?:\.\d+)?[BT])\s+(?P<flops>\d\.\d{2}E\+\d{2})$")
TABLE2_COLUMNS = ["row_label", "family", "parameters", "training_tokens", "training_flops",
                  "kind", "source", "note"]

# Figure 3A / 12A series -> setting; LaMDA sizes in plotting order.
FIGURE3A_SERIES = {"No chain of thought": "standard", "Chain of thought": "chain_of_thought"}
LAMDA_KEYS = family_keys("LaMDA")
FIGURE3A_NOTE = ("marker positions read from the PDF's vector paths by the source-gathering extraction "
                 "(y to 2 decimals, x to 3 significant digits)")

FIGURE_FILES = {  # data file -> the panels it holds
    "figures_2_11_points.csv": panels.EMERGENCE_PANELS,
    "figures_4_10_points.csv": panels.SCALE_PANELS,
    "figures_5_7_points.csv": panels.METRIC_PANELS,
    "figures_3_12_13_points.csv": panels.AUGMENTED_PANELS,
}


def table1(sources: Path) -> list[dict]:
    """Table 1, parsed from the PDF text layer (page 6)."""
    pdf_path = sources / "papers" / panels.PDF
    text = pdf_page_text(pdf_path, TABLE1_PAGE, layout=True)
    body = text.split("Few-shot prompting abilities")[1].split("Discussion")[0]
    rows, category, model, reference = [], "few-shot prompting", None, None
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("Augmented prompting abilities"):
            category = "augmented prompting"
            continue
        match = TABLE1_ROW.match(line)
        if not match:
            continue
        merged = match.group("model") is None
        model = match.group("model") or model
        reference = match.group("reference") or reference
        flops, params = match.group("flops"), match.group("params")
        rows.append({
            "category": category,
            "ability": match.group("ability"),
            "emergent_training_flops": "" if flops == "Many" else f"{float(flops):.2g}",
            "emergent_parameters": "" if params == "Many"
            else f"{labelled_number(params):.3g}",
            "model_family": model,
            "reference": reference,
            "kind": "table",
            "source": f"{CITATION}, Table 1, p. {TABLE1_PAGE} (PDF text layer)",
            "note": join_notes(f"printed as {flops} FLOPs, {params} parameters",
                               "model and reference cells merged with the row above" if merged else ""),
        })
    if len(rows) != 21:
        raise ValueError(f"{pdf_path}: Table 1: expected 21 rows, parsed {len(rows)}")
    return rows


def table2(sources: Path) -> list[dict]:
    """Appendix C Table 2 (parameters, tokens, FLOPs per model), from the PDF text layer (page 26)."""
    pdf_path = sources / "papers" / panels.PDF
    text = pdf_page_text(pdf_path, TABLE2_PAGE, layout=True)
    rows, family = [], None
    for raw in text.split("Train FLOPs")[1].splitlines():
        match = TABLE2_ROW.match(raw.strip())
        if not match:
            continue
        family = match.group("family") or family
        params, tokens = match.group("params"), match.group("tokens")
        rows.append({
            "family": family.removesuffix(" LM"),  # 'Anthropic LM' is Table 1's 'Anthropic'
            "parameters": f"{labelled_number(params):.4g}",
            "training_tokens": f"{labelled_number(tokens):.4g}",
            "training_flops": f"{float(match.group('flops')):.3e}",
            "row_label": f"{family} {params}",
            "kind": "table",
            "source": f"{CITATION}, Appendix C Table 2, p. {TABLE2_PAGE} (PDF text layer)",
            "note": join_notes(
                f"printed as {params} / {tokens} / {match.group('flops')}",
                "the PDF prints [sic] in the Train tokens column, before the token count" if match.group("sic") else "",
            ),
        })
    if len(rows) != 36:
        raise ValueError(f"{pdf_path}: Table 2: expected 36 rows, parsed {len(rows)}")
    return rows


def figure3a(sources: Path, registry: list[dict]) -> list[dict]:
    """Figure 3A (x = training FLOPs) and Figure 12A (x = parameters): GSM8K on LaMDA with and without
    chain of thought, from the source-gathering extraction of the PDF's vector graphics."""
    path = sources / "paper_tables" / "wei2022_emergent_figure_points_vector.csv"
    points = [r for r in read_records(path) if r["figure"] in ("Fig. 3", "Fig. 12") and r["panel"].startswith("(A)")]
    by_key = {m["model"]: m for m in registry}
    rows = []
    for figure, x_quantity in (("Fig. 3", "training_flops"), ("Fig. 12", "parameters")):
        for series, setting in FIGURE3A_SERIES.items():
            series_points = sorted((p for p in points if p["figure"] == figure and p["series"] == series),
                                   key=lambda p: float(p["x_value"]))
            if len(series_points) != len(LAMDA_KEYS):
                raise ValueError(f"{path}: {figure} {series}: expected 5 points, got {len(series_points)}")
            for model, p in zip(LAMDA_KEYS, series_points):
                rows.append(observation(
                    model, "GSM8K", setting, "solve_rate", p.number("y_value_2dp"),
                    source=f"{CITATION}, Figure {figure.split()[1]}A, p. {p['pdf_page']}, series '{series}'",
                    note=join_notes(FIGURE3A_NOTE,
                                    registry_difference(by_key[model], x_quantity, float(p["x_value_3sig"]))),
                    kind="digitized", x_quantity=x_quantity, x_value=p.number("x_value_3sig"),
                    # Marker positions are exact vector coordinates; the uncertainty is the
                    # larger of the axis-calibration residual and the 2-decimal rounding.
                    uncertainty=f"{max(float(p['calib_max_resid_y']), 0.005):.4f}",
                ))
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/wei2022_emergent/*.csv and the verification overlays of the figures read."""
    folder = out / "wei2022_emergent"
    registry = read_registry()
    written = []
    for name, specs in FIGURE_FILES.items():
        rows, pdf_xs, read_panels = figure_points(sources, specs, registry)
        written.append(write_csv(folder / name, FIGURE_POINT_COLUMNS, rows))
        written += overlays(sources, read_panels, rows, pdf_xs, figures_out / "verification")
    written.append(write_csv(folder / "figure3a_gsm8k_lamda.csv", OBSERVATION_COLUMNS, figure3a(sources, registry)))
    written.append(write_csv(folder / "table1_emergent_scale.csv", TABLE1_COLUMNS, table1(sources)))
    written.append(write_csv(folder / "table2_model_details.csv", TABLE2_COLUMNS, table2(sources)))
    return written
