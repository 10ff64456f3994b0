"""Kojima et al. 2022, "Large Language Models are Zero-Shot Reasoners" (arXiv 2205.11916v4).

* Tables 26 and 27 (Appendix E, p. 42), from the PDF's text layer: accuracy on MultiArith for
  Original GPT-3 (0.3B/1.3B/6.7B/175B) and Instruct GPT-3 (S/M/L/XL-1/XL-2 = text-ada-001 ...
  text-davinci-002) with zero-shot, few-shot, Zero-shot-CoT and few-shot CoT prompting, for
  GPT-2, GPT-Neo, GPT-J, T0 and OPT (zero-shot and Zero-shot-CoT), and on GSM8K for PaLM
  8B/62B/540B. "The curve within Figure 3 uses the values of Table 26 and Table 27" (p. 42).
* Figure 3 (p. 7), read from its vector graphics: the three panels (MultiArith on Original GPT-3,
  MultiArith on Instruct GPT-3, GSM8K on PaLM), zero-shot (blue circles) against Zero-shot-CoT
  (red squares), over a category axis of model sizes. The chart (Google Sheets style) is not
  self-consistent: its grid lines are not where its tick labels are (up to 0.6 pt apart; in
  panels (a) and (b) the zero line is also off the line through the other grid lines, and the
  read-out leaves it out as a misprinted tick). Values are read through the grid lines, the
  read-out's default; the uncertainty of each point is the difference to reading it through
  the label centres instead (``tickless``). Each row carries the table value of the same model
  and prompting and the difference figure - table.

Models: Original GPT-3 sizes are the registry's GPT-3 models (the paper prints 350M as "0.3B");
T0 11B and OPT 13B, which data/models.csv lacks, are in this folder's registry
(``models_kojima2022``); text-davinci-001 (XL-1) is in ``models_ukplab``.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import _extended_readout as ext
from .common import OBSERVATION_COLUMNS, REGISTRY_COLUMNS, observation, pdf_page_text, write_csv
from .figure_readout import panel_spec

PDF = "kojima2022_zero_shot_cot_v4.pdf"
SOURCE_KEY = "kojima2022zeroshot (arXiv 2205.11916v4)"
FOLDER = "kojima2022"
TABLE_PAGE = 42
SETTINGS = {"Zero-shot": "zero_shot", "Few-shot": "few_shot", "Zero-shot-CoT": "zero_shot_cot",
            "Few-shot-CoT": "chain_of_thought"}
SETTING_NOTES = {"few_shot": "8 exemplars", "chain_of_thought": "few-shot chain of thought, 8 exemplars"}
ORIGINAL = ["GPT-3 350M", "GPT-3 1.3B", "GPT-3 6.7B", "GPT-3 175B"]
ORIGINAL_NOTE = {"GPT-3 350M": "Original GPT-3 '0.3B' (Table 26 header)"}
INSTRUCT = ["text-ada-001", "text-babbage-001", "text-curie-001", "text-davinci-001", "text-davinci-002"]
OTHERS = {"GPT-2(1.5B)": "GPT-2 1.5B", "GPT-Neo(2.7B)": "GPT-Neo/J 2.7B", "GPT-J(6B)": "GPT-Neo/J 6B",
          "T0(11B)": "T0 11B", "OPT(13B)": "OPT 13B"}
PALM = ["PaLM 8B", "PaLM 62B", "PaLM 540B"]
ROW = re.compile(r"^(Zero-shot-CoT|Few-shot-CoT|Zero-shot|Few-shot)\s+(.*)$")
NUMBER = r"\d+\.\d"
EXPECTED_ROWS = 4 * (4 + 5) + 2 * 5 + 2 * 3

SERIES = {"#4285f4:circle": "Zero-shot", "#ea4335:square": "Zero-shot-CoT"}


def _spec(letter, bbox, task, models) -> dict:
    return panel_spec(PDF, SOURCE_KEY, "Figure 3", letter, 7, bbox, task, "Accuracy (%)", "parameters", SERIES,
                      options={"x_scale": "category"}, models=models)


PANELS = [
    _spec("a", (110.5, 88.0, 248.1, 179.6), "MultiArith (Original GPT-3)", ORIGINAL),
    _spec("b", (243.7, 88.0, 381.3, 179.6), "MultiArith (Instruct GPT-3)",
          ["text-ada-001", "text-babbage-001", "text-curie-001", "text-davinci-002"]),
    _spec("c", (376.9, 88.0, 514.4, 179.6), "GSM8K (PaLM)", PALM),
]
TASK = {"a": "MultiArith", "b": "MultiArith", "c": "GSM8K"}


def tables(sources: Path) -> list[dict]:
    """Tables 26 and 27, one row per model, prompting and task."""
    text = pdf_page_text(sources / "papers" / PDF, TABLE_PAGE)
    body26 = text.split("OriginalGPT-3(0.3B/1.3B/6.7B/175B)")[1].split("Table27")[0]
    first, others = body26.split("GPT-2(1.5B)")
    body27 = text.split("PaLM(8B/62B/540B)")[1]
    source26 = f"{SOURCE_KEY}, Table 26, p. {TABLE_PAGE} (PDF text layer)"
    source27 = f"{SOURCE_KEY}, Table 27, p. {TABLE_PAGE} (PDF text layer)"
    rows = []
    for line in first.splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue
        setting = SETTINGS[match[1]]
        groups = match[2].split()
        if len(groups) != 2:
            raise ValueError(f"Table 26: cannot split {line!r} into Original and Instruct GPT-3")
        original, instruct = (re.findall(NUMBER, g) for g in groups)
        for model, value in zip(ORIGINAL, original, strict=True):
            rows.append(_row(model, "MultiArith", setting, value, source26, ORIGINAL_NOTE.get(model, "")))
        for model, value in zip(INSTRUCT, instruct, strict=True):
            rows.append(_row(model, "MultiArith", setting, value, source26,
                             "Instruct GPT-3 XL-1" if model == "text-davinci-001" else ""))
    header = ["GPT-2(1.5B)"] + others.splitlines()[0].split()
    for line in others.splitlines()[1:]:
        match = ROW.match(line.strip())
        if match:
            for name, value in zip(header, re.findall(NUMBER, match[2]), strict=True):
                rows.append(_row(OTHERS[name], "MultiArith", SETTINGS[match[1]], value, source26))
    for line in body27.splitlines():
        match = ROW.match(line.strip())
        if match:
            for model, value in zip(PALM, re.findall(NUMBER, match[2]), strict=True):
                rows.append(_row(model, "GSM8K", SETTINGS[match[1]], value, source27))
    if len(rows) != EXPECTED_ROWS:
        raise ValueError(f"{PDF} p. {TABLE_PAGE}: parsed {len(rows)} values, expected {EXPECTED_ROWS}")
    return rows


def _row(model, task, setting, value, source, note="") -> dict:
    return observation(model, task, setting, "accuracy", value, source,
                       note=", ".join(n for n in (SETTING_NOTES.get(setting, ""), note) if n))


def figure3(sources: Path, table_rows: list[dict]) -> tuple[list[dict], list, list]:
    table = {(r["model"], r["task"], r["setting"]): r for r in table_rows}
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        by_labels = ext.panel_of({**spec, "options": {**spec["options"], "tickless": True}}, sources)
        if len(panel.x_axis.categories) != len(spec["models"]):
            raise ValueError(f"{spec['panel']}: {len(panel.x_axis.categories)} categories, expected {spec['models']}")
        letter = spec["panel"][-1]
        for point in points:
            model = spec["models"][int(point.x)]
            other = float(by_labels.y_axis.to_data(point.pdf_top))
            out = ext.row(spec, point, model, uncertainty=abs(other - point.y),
                          note="uncertainty: difference to reading the point through the tick labels' centres")
            record = table[(model, TASK[letter], SETTINGS[point.series])]
            rows.append(ext.compared_with_table(out, record["value"], record["source"]))
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


def registry_rows() -> list[dict]:
    table26 = f"{SOURCE_KEY}, Table 26, p. {TABLE_PAGE}"
    return [
        {"model": "T0 11B", "family": "T0", "name_in_source": "T0 (11B)", "parameters": "1.1e10",
         "parameters_kind": "table", "parameters_source": table26, "flops_method": "unknown", "kind": "table",
         "source": table26, "note": "training data and compute not stated in this paper"},
        {"model": "OPT 13B", "family": "OPT", "name_in_source": "OPT (13B)", "parameters": "1.3e10",
         "parameters_kind": "table", "parameters_source": table26, "flops_method": "unknown", "kind": "table",
         "source": table26, "note": "training data and compute not stated in this paper"},
    ]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/kojima2022/: tables_26_27.csv, figure3_points.csv, models.csv; the verification overlay."""
    table_rows = tables(sources)
    rows, pdf_xs, panels = figure3(sources, table_rows)
    return [write_csv(out / FOLDER / "tables_26_27.csv", OBSERVATION_COLUMNS, table_rows),
            write_csv(out / FOLDER / "figure3_points.csv", ext.COLUMNS + ["table_value", "difference", "table_source"],
                      rows),
            write_csv(out / FOLDER / "models.csv", REGISTRY_COLUMNS, registry_rows()),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
