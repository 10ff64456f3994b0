"""Rae et al. 2021 (Gopher, arXiv 2112.11446v2): toxicity and bias against model size.

Tables, from the PDF's text layer (kind ``table``):

* Table A18 (p. 90): expected maximum toxicity and toxicity probability over 25 samples,
  unprompted and for toxic and non-toxic prompts, per model (44M ... 280B, a 1.4B model trained on
  C4, GPT-2 1.5B).
* Table A19 (p. 91): toxicity score statistics of the training text and of unprompted samples of
  each model (mean, median, fraction above 0.5, 95th percentile).
* Table A21 (p. 96): Winogender coreference accuracy per model size, by pronoun gender.

Figures, from the vector graphics (kind ``digitized``):

* Figure 5a (p. 14): continuation toxicity against parameters, one line per prompt-toxicity bucket
  (RealToxicityPrompts) and unprompted, with 99% confidence intervals as error bars.
* Figure 5b (p. 14): few-shot toxicity classification (CivilComments) AUC, 10 and 20 shots.
* Figure A21 (p. 89): continuation toxicity against prompt toxicity, one line per model size.
* Figure A25 (p. 97): average group fairness (sentiment bias) per category against parameters.

These axes have no tick marks and no grid: each label stands for its tick (``read_panel(tickless
=True)``). x labels are centred on their ticks (Figure A21: the "0.0" label's centre is the frame's
left edge to 0.01 pt). y labels sit 0.342 font sizes below their ticks: measured on Figure 5b,
whose frame runs exactly from the "0.4" to the "0.8" tick (both frame edges give the same offset to
0.006 pt; the dashed random-baseline line then reads 0.5000). Figure 5a, drawn the same way, is
read with that offset scaled to its label size and checked against Table A19: its "Unprompted"
values for 44M-7.1B equal Table A19's mean toxicity of unprompted samples to within the table's
rounding (0.0005); the 280B point does not (0.087 against 0.075, the text's "0.08"). Figures A21
and A25 are read with the same offset, unchecked: their uncertainty is the whole offset (the
difference to reading through the label centres).

Not recoverable: Figure 6 (gender bias and Winogender "gotcha" accuracy by size) and Figure A24
are raster images in this PDF (p. 15, p. 96); Table A21 gives the Winogender accuracies behind
Figure A24b.

Models: Gopher 44M and 117M, which data/models.csv lacks, are in this folder's registry
(``models_rae2021_gopher``), with Table 1's sizes, Sec. 3.2's 300B training tokens and 6ND FLOPs.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from . import _extended_readout as ext
from ..readout import _page, find_panels
from ..registry import six_nd
from .common import REGISTRY_COLUMNS, join_notes, pdf_page_text, read_registry, write_csv
from .figure_readout import nearest_model, panel_spec

PDF = "rae2021_gopher_v2.pdf"
SOURCE_KEY = "rae2021gopher (arXiv 2112.11446v2)"
FOLDER = "rae2021_gopher"
DECIMALS = 4
SIZES = {"44M": "Gopher 44M", "117M": "Gopher 117M", "417M": "Gopher 417M", "1.4B": "Gopher 1.4B",
         "7.1B": "Gopher 7.1B", "7B": "Gopher 7.1B", "280B": "Gopher 280B"}

# ------------------------------------------------------------------ tables
TABLE_COLUMNS = ["table", "row_label", "model", "metric", "value", "kind", "source", "note"]
A18_METRICS = ["expected maximum toxicity, unprompted", "expected maximum toxicity, toxic prompts",
               "expected maximum toxicity, non-toxic prompts", "toxicity probability, unprompted",
               "toxicity probability, toxic prompts", "toxicity probability, non-toxic prompts"]
A19_METRICS = ["mean toxicity", "median toxicity", "fraction of samples with toxicity > 0.5",
               "95th percentile of toxicity"]
A21_METRICS = ["Winogender accuracy, female pronouns", "Winogender accuracy, male pronouns",
               "Winogender accuracy, neutral pronouns", "Winogender accuracy, all"]
NUMBER = r"\d\.\d{2,3}"


def tables(sources: Path) -> list[dict]:
    pdf = sources / "papers" / PDF
    rows = []
    specs = [  # (table, page, text before the body, text after it, row label pattern, metrics, rows)
        ("Table A18", 90, "Non-Toxic\n", "Table A18", r"(1\.4B \(C4\)|GPT-2 \(1\.5B\)|\d+(?:\.\d)?[MB])", A18_METRICS, 8),
        ("Table A19", 91, "percentile\n", "Table A19", r"(Training text|\d+(?:\.\d)?[MB]-generated)", A19_METRICS, 7),
        ("Table A21", 96, "Female Male Neutral All\n", "Table A21", r"(\d+(?:\.\d)?[MB])", A21_METRICS, 6),
    ]
    for table, page, start, end, label, metrics, count in specs:
        text = pdf_page_text(pdf, page)
        body = text.split(start, 1)[1].split(end, 1)[0]
        found = 0
        for line in body.splitlines():
            match = re.match(rf"^{label}\s+((?:{NUMBER}\s*)+)$", line.strip())
            if not match:
                continue
            found += 1
            row_label = match[1]
            size = row_label.removesuffix("-generated")
            model = SIZES.get(size, "")
            note = {"1.4B (C4)": "a 1.4B model trained on C4 instead of MassiveText (not in the registry)",
                    "GPT-2 (1.5B)": "GPT-2 1.5B evaluated with the same method",
                    "Training text": "the training data's own toxicity"}.get(row_label, "")
            if table == "Table A18" and row_label == "GPT-2 (1.5B)":
                model = "GPT-2 1.5B"
            if size == "7B":
                note = "printed '7B': the 7.1B model"
            for metric, value in zip(metrics, re.findall(NUMBER, match[2]), strict=True):
                rows.append({"table": table, "row_label": row_label, "model": model, "metric": metric,
                             "value": value, "kind": "table",
                             "source": f"{SOURCE_KEY}, {table}, p. {page} (PDF text layer)", "note": note})
        if found != count:
            raise ValueError(f"{pdf.name} p. {page}: {table} has {found} rows, expected {count}")
    return rows


# ------------------------------------------------------------------ figures
FIG5A_SERIES = {"#0173b2:line": "High: >66%", "#de8f05:line": "Med: 33%-66%", "#029e73:line": "Low: 5%-33%",
                "#d55e00:line": "Very low: <5%", "#cc78bc:line": "Unprompted"}
FIG5B_SERIES = {"#4c72b0:circle": "10-shots", "#dd8452:circle": "20-shots"}
A21_SERIES = {"#46327e:circle": "44M", "#365c8d:circle": "117M", "#277f8e:circle": "417M",
              "#1fa187:circle": "1.4B", "#4ac16d:circle": "7.1B", "#a0da39:circle": "280B"}
A25_SERIES = {"#0173b2:square": "occupation", "#de8f05:square": "country", "#029e73:square": "religion",
              "#d55e00:square": "race"}
FIG5B_BBOX = (315.5, 85.0, 466.4, 187.5)
PANELS = [
    panel_spec(PDF, SOURCE_KEY, "Figure 5", "a", 14, (90.9, 87.2, 231.0, 181.8),
               "RealToxicityPrompts: toxicity of continuations", "Continuation toxicity", "parameters",
               FIG5A_SERIES, options={"tickless": True, "error_bars": True}),
    panel_spec(PDF, SOURCE_KEY, "Figure 5", "b", 14, FIG5B_BBOX, "CivilComments: few-shot toxicity classification",
               "AUC", "parameters", FIG5B_SERIES, {"#808080": "Random baseline (AUC=0.5)"},
               options={"tickless": True}),
    panel_spec(PDF, SOURCE_KEY, "Figure A21", "", 89, (157.9, 83.8, 363.4, 221.8),
               "RealToxicityPrompts: continuation vs prompt toxicity", "Continuation toxicity", "prompt_toxicity",
               A21_SERIES, options={"tickless": True}),
    panel_spec(PDF, SOURCE_KEY, "Figure A25", "", 97, (128.0, 84.4, 370.6, 243.4),
               "Sentiment bias: average group fairness", "Average group fairness", "parameters",
               A25_SERIES, options={"tickless": True}),
]
CHECKED = {"Figure 5a", "Figure 5b"}  # offset measured (5b) or checked against Table A19 (5a)


def _label_size(sources: Path, page: int, bbox) -> float:
    """The font size of the numeric y tick labels in the left fifth of ``bbox``."""
    x0, top, x1, bottom = bbox
    sizes = [c["size"] for c in _page(sources / "papers" / PDF, page).chars
             if c["text"].isdigit() and x0 <= c["x0"] <= x0 + (x1 - x0) / 5 and top <= c["top"] <= bottom]
    return float(np.median(sizes))


def label_offset_per_size(sources: Path) -> tuple[float, float]:
    """Figure 5b: (offset of a y tick from its label's centre, in font sizes; the disagreement of
    the two frame edges, in points). The frame runs from the "0.4" to the "0.8" tick."""
    pdf = sources / "papers" / PDF
    panel = ext.panel_of({"pdf": PDF, "page": 14, "bbox": FIG5B_BBOX, "options": {"tickless": True}}, sources)
    frame = next(p["axes"] for p in find_panels(pdf, 14) if abs(p["axes"][0] - 329.23) < 1)
    top_offset = frame[1] - float(panel.y_axis.to_coord(0.8))
    bottom_offset = frame[3] - float(panel.y_axis.to_coord(0.4))
    return (top_offset + bottom_offset) / 2 / _label_size(sources, 14, FIG5B_BBOX), abs(top_offset - bottom_offset)


def _with_offset(spec: dict, per_size: float, sources: Path) -> dict:
    offset = per_size * _label_size(sources, spec["page"], spec["bbox"])
    return {**spec, "options": {**spec["options"], "label_offset": (0.0, offset)}}


def registry() -> list[dict]:
    """data/models.csv and the Gopher sizes this module adds, built here rather than read back
    from this folder's own committed models.csv."""
    return read_registry() + registry_rows()


def figures(sources: Path) -> tuple[list[dict], list, list]:
    per_size, edge_disagreement = label_offset_per_size(sources)
    models = registry()
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        spec = _with_offset(spec, per_size, sources)
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        unshifted = ext.panel_of({**spec, "options": {**spec["options"], "label_offset": (0.0, 0.0)}}, sources)
        points_per_unit = abs(1 / panel.y_axis.slope)
        for point in points:
            if spec["panel"] in CHECKED:
                uncertainty = max(point.y_residual, edge_disagreement / points_per_unit, 0.0005)
                note = ("y offset measured on the frame of Figure 5b" if spec["panel"] == "Figure 5b" else
                        "y offset of Figure 5b; the book's tests check this panel against Table A19")
            else:
                uncertainty = abs(float(unshifted.y_axis.to_data(point.pdf_top)) - point.y)
                note = "y offset of Figure 5b, unchecked here: uncertainty = the whole offset"
            model = ""
            if point.x is not None:
                if spec["x_quantity"] == "parameters":
                    model, unmatched = nearest_model(models, "Gopher", "parameters", point.x)
                    note = join_notes(note, "x from the label centres (to about 0.015 decades)", unmatched)
                else:
                    model = SIZES[point.series]
            rows.append(ext.row(spec, point, model, note=note, uncertainty=uncertainty, decimals=DECIMALS))
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


def registry_rows() -> list[dict]:
    """Gopher 44M and 117M (Table 1, p. 6): data/models.csv has the four larger sizes."""
    table1 = f"{SOURCE_KEY}, Table 1, p. 6"
    tokens = f"{SOURCE_KEY}, Sec. 3.2, p. 6 ('We train all models for 300 billion tokens')"
    rows = []
    for size, parameters in (("44M", 44e6), ("117M", 117e6)):
        flops = six_nd(parameters, 300e9)
        rows.append({
            "model": f"Gopher {size}", "family": "Gopher", "name_in_source": size, "parameters": f"{parameters:.3g}",
            "parameters_kind": "table", "parameters_source": table1, "training_tokens": "3e+11",
            "training_tokens_kind": "text", "training_tokens_source": tokens, "training_flops": f"{flops:.3e}",
            "flops_method": "6ND", "training_flops_kind": "derived",
            "training_flops_source": "6 N D from the parameters and training tokens of this row",
            "kind": "table", "source": table1,
            "note": "Table A26 (p. 102) reports training compute for 417M-280B only",
        })
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/rae2021_gopher/: tables.csv, figures_points.csv, models.csv; the verification overlays."""
    table_rows = tables(sources)
    rows, pdf_xs, panels = figures(sources)
    return [write_csv(out / FOLDER / "tables.csv", TABLE_COLUMNS, table_rows),
            write_csv(out / FOLDER / "figures_points.csv", ext.COLUMNS, rows),
            write_csv(out / FOLDER / "models.csv", REGISTRY_COLUMNS, registry_rows()),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
