"""Lin, Hilton and Evans 2022 (TruthfulQA, arXiv 2109.07958v2), Figures 2 and 4, read from the PDF.

Both figures are seaborn bar charts: one bar per model, grouped by family (GPT-3, GPT-Neo/J,
GPT-2, UnifiedQA), the sizes printed under the bars (a category axis, ``readout.read_bars``).
Their text is in a Type 3 font whose glyphs are named by glyph index; ``readout`` decodes it.

* Figure 2 (p. 3): % true on TruthfulQA (top) and on the matched control trivia questions
  (bottom), generation task, default QA prompt (UnifiedQA: no prompt).
* Figure 4 (p. 7): (a) % true, with % true and informative as hatched bars drawn over the same
  positions; (b) % informative; (c) the multiple-choice task ("the total normalized likelihood of
  the true answers (normalized across all true and false reference answers)", Sec. 3.2, p. 6);
  each with the two extra GPT-3 175B bars of the "help" and "harm" prompts. Dashed lines: the
  human baseline in (a) and (b), the random-choice level in (c).

Every model bar is joined to the registry by its position (the family's models in the order the
figure prints their sizes); the help/harm bars are GPT-3 175B with another prompt (named in the
series). Where data/lin2022_truthfulqa/table4.csv (Appendix Table 4) has the same quantity for the
same model (% true, % informative, % true+informative, QA prompt), the row carries that value
(``table_value``) and the difference figure - table.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from . import _extended_readout as ext
from .common import ROOT, read_records, write_csv
from .figure_readout import panel_spec

PDF = "lin2022_truthfulqa_v2.pdf"
SOURCE_KEY = "lin2022truthfulqa (arXiv 2109.07958v2)"
FOLDER = "lin2022_truthfulqa"
MODELS = ["GPT-3 350M", "GPT-3 1.3B", "GPT-3 6.7B", "GPT-3 175B",
          "GPT-Neo/J 125M", "GPT-Neo/J 1.3B", "GPT-Neo/J 2.7B", "GPT-Neo/J 6B",
          "GPT-2 117M", "GPT-2 1.5B",
          "UnifiedQA 60M", "UnifiedQA 220M", "UnifiedQA 770M", "UnifiedQA 2.8B"]
PROMPT_BARS = {"help": "GPT-3 175B", "harm": "GPT-3 175B"}  # Figure 4: extra bars, other prompts
# Figure y metric -> metric name of table4.csv (observation schema), where Table 4 has it.
TABLE4_METRICS = {"% true": "percent_true", "% informative": "percent_informative",
                  "% true and informative": "percent_true_and_informative"}


def _spec(figure, letter, page, bbox, task, y_metric, series, reference=None) -> dict:
    return panel_spec(PDF, SOURCE_KEY, figure, letter, page, bbox, task, y_metric, "parameters", series,
                      reference, reader="bars")


PANELS = [
    _spec("Figure 2", " (top)", 3, (95, 86, 503.7, 199), "TruthfulQA (generation)", "% true",
          {"*": "% true"}),
    _spec("Figure 2", " (bottom)", 3, (95, 231, 503.7, 344.5), "Control trivia questions (generation)", "% true",
          {"*": "% true"}),
    _spec("Figure 4", "a", 7, (80, 76.8, 522.0, 166), "TruthfulQA (generation)", "% true",
          {"pattern:bar": "% true and informative", "*": "% true"}, {"#000000": "Human"}),
    _spec("Figure 4", "b", 7, (80, 176.3, 522.0, 266), "TruthfulQA (generation)", "% informative",
          {"*": "% informative"}, {"#000000": "Human"}),
    _spec("Figure 4", "c", 7, (80, 275.8, 522.0, 365.5), "TruthfulQA (multiple choice)", "% true",
          {"*": "% true (multiple choice)"}, {"#808080": "Random"}),
]
COLUMNS_OUT = ext.COLUMNS + ["table_value", "difference", "table_source"]


def figures(sources: Path, data_dir: Path) -> tuple[list[dict], list, list]:
    table4 = {(r["model"], r["metric"]): r for r in read_records(data_dir / FOLDER / "table4.csv")}
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        labels = panel.x_axis.categories
        if len(labels) != len(MODELS) + (2 if spec["figure"] == "Figure 4" else 0):
            raise ValueError(f"{spec['panel']}: {len(labels)} bars labelled, expected the 14 models (+ help, harm)")
        for point in points:
            if point.x is None:
                rows.append(ext.row(spec, point))
                pdf_xs.append(None)
                continue
            index = int(point.x)
            prompt = labels[index] if index >= len(MODELS) else ""
            model = PROMPT_BARS[prompt] if prompt else MODELS[index]
            y_metric = point.series if spec["panel"] == "Figure 4a" else spec["y_metric"]
            if prompt:
                point = dataclasses.replace(point, series=f"{point.series} ({prompt} prompt)")
            out = ext.row({**spec, "y_metric": y_metric}, point, model,
                          note=f"GPT-3 175B with the '{prompt}' prompt" if prompt else "")
            record = table4.get((model, TABLE4_METRICS.get(y_metric, ""))) if not prompt and (
                spec["task"] == "TruthfulQA (generation)") else None
            if record:
                out = ext.compared_with_table(out, record["value"], record["source"])
            rows.append(out)
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/lin2022_truthfulqa/figures_2_4_points.csv and the verification overlays."""
    rows, pdf_xs, panels = figures(sources, ROOT / "data")
    return [write_csv(out / FOLDER / "figures_2_4_points.csv", COLUMNS_OUT, rows),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
