"""Chowdhery et al. 2022 (PaLM, arXiv 2204.02311v5): BIG-bench results by model scale.

* Tables 41-43 (Appendix H.2, pp. 84-85), from the PDF's text layer (exact, kind ``table``):
  Table 41, the 24 BIG-bench Lite tasks for PaLM 8B, 62B and 540B (5-shot, preferred metric, not
  normalized) with the average and best human rater, among them parsinlu reading comprehension
  (Persian QA); Tables 42 and 43, the ten tasks where PaLM 540B most exceeds, and the ten where it
  most falls short of, the average human (raw and normalized preferred metric, PaLM 540B only;
  among them persian idioms and swedish to german proverbs).
* Figure 5 (p. 17), read from the vector graphics: the six tasks with "interesting scaling
  characteristics" (normalized preferred metric, 5-shot, 8b/62b/540b on a category axis, human
  average and best as lines): (a) log-linear goal_step_wikihow, logical_args; (b) "discontinuous"
  english_proverbs, logical_sequence; (c) flat navigate, mathematical_induction. No table gives
  these values.
* Figure 3 (p. 15): the aggregate normalized preferred metric against non-embedding parameters,
  left on the 58 tasks PaLM, GPT-3, Gopher and Chinchilla share, right on 150 tasks (PaLM only),
  with the human average and best.
* Figure 7 (p. 19): the BIG-bench Lite bars, read to check the read-out against Table 41 ("The
  reported scores ... match those shown in Figure 7"): each bar carries its Table 41 value.
* ``text_claims.csv``: what the paper states about discontinuous improvements (Sec. 1, p. 4;
  Sec. 6.2, pp. 16-17), each number with its sentence.

Models: Figure 3 points join the registry by the plotted parameters (nearest model of the family
within 0.035 decades, as figure_readout does); GPT-3 at BIG-bench's rounded 3B, 6B and 200B
stays unjoined. Gopher 44M and 117M are in the rae2021_gopher folder's registry.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import _extended_readout as ext
from . import rae2021_gopher
from .common import pdf_page_text, read_registry, squeezed, write_csv
from .figure_readout import nearest_model, panel_spec

PDF = "chowdhery2022_palm_v5.pdf"
SOURCE_KEY = "chowdhery2022palm (arXiv 2204.02311v5)"
FOLDER = "chowdhery2022_palm"
PALM = {"8b": "PaLM 8B", "62b": "PaLM 62B", "540b": "PaLM 540B"}

# ------------------------------------------------------------------ tables 41-43 (text layer)
TABLE41_PAGE, TABLE42_PAGE = 84, 85
TABLE41_SCORERS = ["PaLM 8B", "PaLM 62B", "PaLM 540B", "Human (Avg.)", "Human (Best)"]
TABLE42_SCORERS = [("PaLM 540B", "preferred metric"), ("Human (Avg.)", "preferred metric"),
                   ("PaLM 540B", "normalized preferred metric"), ("Human (Avg.)", "normalized preferred metric")]
CELL = r"-?\d+\.\d"
TABLE_ROW = re.compile(rf"^(?P<task>[a-z][a-z ]+?)\s+(?P<cells>(?:{CELL}\s*)+)$")
TABLE_COLUMNS = ["table", "task", "scorer", "model", "metric", "value", "kind", "source", "note"]


def _task(name: str) -> str:
    """BIG-bench's task name (words joined by '_'), as the figures print it."""
    return name.strip().replace(" ", "_")


def tables(sources: Path) -> list[dict]:
    pdf = sources / "papers" / PDF
    rows = []
    text41 = pdf_page_text(pdf, TABLE41_PAGE).split("(Avg.) (Best)\n")[1].split("Table 41:")[0]
    for line in text41.splitlines():
        match = TABLE_ROW.match(line.strip())
        if not match:
            continue
        cells = re.findall(CELL, match["cells"])
        for scorer, value in zip(TABLE41_SCORERS, cells, strict=True):
            rows.append(_table_row("Table 41", match["task"], scorer, "preferred metric", value, TABLE41_PAGE,
                                   "5-shot; BIG-bench Lite; not normalized"))
    if len(rows) != 24 * 5:
        raise ValueError(f"{pdf.name} p. {TABLE41_PAGE}: Table 41 parsed {len(rows)} cells, expected 120")
    text = pdf_page_text(pdf, TABLE42_PAGE)
    for table, body in (("Table 42", text.split("Table 42:")[0]), ("Table 43", text.split("Table 42:")[1])):
        count = 0
        for line in body.split("Human (Avg.)\n", 1)[1].splitlines():
            match = TABLE_ROW.match(line.strip())
            if not match:
                continue
            cells = re.findall(CELL, match["cells"])
            for (scorer, metric), value in zip(TABLE42_SCORERS, cells, strict=True):
                rows.append(_table_row(table, match["task"], scorer, metric, value, TABLE42_PAGE,
                                       "normalized: random chance 0, maximum score 100" if "normalized" in metric else ""))
                count += 1
        if count != 40:
            raise ValueError(f"{pdf.name} p. {TABLE42_PAGE}: {table} parsed {count} cells, expected 40")
    return rows


def _table_row(table, task, scorer, metric, value, page, note) -> dict:
    return {"table": table, "task": _task(task), "scorer": scorer, "model": scorer if scorer.startswith("PaLM") else "",
            "metric": metric, "value": value, "kind": "table",
            "source": f"{SOURCE_KEY}, {table} (App. H.2), p. {page} (PDF text layer)", "note": note}


# ------------------------------------------------------------------ figures
FIGURE5_TASKS = [  # (panel letter, column, task) in page order
    ("a", 0, "goal_step_wikihow"), ("b", 1, "english_proverbs"), ("c", 2, "navigate"),
    ("a", 0, "logical_args"), ("b", 1, "logical_sequence"), ("c", 2, "mathematical_induction"),
]
FIGURE5_COLUMNS = [(109.4, 237.2), (248.1, 375.9), (386.8, 514.6)]
FIGURE5_ROWS = [(99.3, 213.0), (221.8, 337.0)]
HUMAN = {"#000000": "Human (Best)", "#888888": "Human (Avg.)"}
FIGURE3_SERIES = {
    "#2ca02c:circle": "Gopher 5-shot", "#8c564b:diamond": "Chinchilla 5-shot", "#ffb97c:circle": "GPT-3 0-shot",
    "#e8730d:circle": "GPT-3 1-shot", "#aecee4:triangle-left": "PaLM 0-shot", "#4890c2:triangle-left": "PaLM 1-shot",
    "#175783:triangle-left": "PaLM 5-shot",
}
FIGURE3_HUMAN = {"#000000": "Human (Best)", "#808080": "Human (Avg.)"}
FIGURE7_SERIES = {"#00ced1:bar": "PaLM 8B", "#8ccaff:bar": "PaLM 62B", "#4ba9fa:bar": "PaLM 540B",
                  "#ccc8c8:bar": "Human (Best)"}
FIGURE7_FOOTNOTE_PAGE = 18


def _figure5() -> list[dict]:
    specs = []
    for index, (letter, column, task) in enumerate(FIGURE5_TASKS):
        x0, x1 = FIGURE5_COLUMNS[column]
        top, bottom = FIGURE5_ROWS[index // 3]
        specs.append(panel_spec(PDF, SOURCE_KEY, "Figure 5", f"{letter} {task}", 17, (x0, top, x1, bottom), task,
                                "Normalized preferred metric (%)", "parameters", {"#1f77b4:circle": "PaLM 5-shot"},
                                HUMAN, options={"x_scale": "category"}))
    return specs


PANELS = [
    *_figure5(),
    panel_spec(PDF, SOURCE_KEY, "Figure 3", " (left)", 15, (94.8, 125.7, 292.4, 289.7),
               "BIG-bench: 58 tasks (aggregate)", "Normalized preferred metric (avg.)", "parameters",
               FIGURE3_SERIES, FIGURE3_HUMAN, options={"grey_series": False}),
    panel_spec(PDF, SOURCE_KEY, "Figure 3", " (right)", 15, (329.5, 122.9, 528.8, 288.2),
               "BIG-bench: 150 tasks (aggregate)", "Normalized preferred metric (avg.)", "parameters",
               FIGURE3_SERIES, FIGURE3_HUMAN),
    panel_spec(PDF, SOURCE_KEY, "Figure 7", "", 19, (82.9, 71.2, 497.3, 213.0), "BIG-bench Lite (24 tasks)",
               "Preferred metric", "parameters", FIGURE7_SERIES, reader="bars"),
]
FIGURE3_FAMILIES = {"Gopher", "Chinchilla", "GPT-3", "PaLM"}  # a series' first word
COLUMNS_OUT = ext.COLUMNS + ["table_value", "difference", "table_source"]


def figure7_tasks(sources: Path) -> dict[str, str]:
    """Footnote 9 (p. 18): 't1' -> 'auto_debugging', ..."""
    text = pdf_page_text(sources / "papers" / PDF, FIGURE7_FOOTNOTE_PAGE)
    note = " ".join(text.split("BIG-bench Lite correspond to")[1].split("\n"))
    pairs = dict(re.findall(r"(t\d+):\s*([a-z ]+?)\s*(?:,|\.\s|\.$)", note))
    if len(pairs) != 24:
        raise ValueError(f"{PDF} p. {FIGURE7_FOOTNOTE_PAGE}: footnote 9 gives {len(pairs)} task names, expected 24")
    return {label: _task(name) for label, name in pairs.items()}


def registry() -> list[dict]:
    """The registry rows this read-out joins to: data/models.csv and the Gopher sizes that
    rae2021_gopher adds. Not ``common.registry_rows()``: that would also join GPT-3 at 6e9 to the
    InstructGPT paper's "GPT-3 6B"."""
    return read_registry() + rae2021_gopher.registry_rows()


def figures(sources: Path, table_rows: list[dict]) -> tuple[list[dict], list, list]:
    models = registry()
    table41 = {(r["task"], r["scorer"]): r for r in table_rows if r["table"] == "Table 41"}
    rows, pdf_xs, panels = [], [], []
    for spec in PANELS:
        panel, points = ext.read(spec, sources)
        panels.append((spec, panel))
        if spec["figure"] == "Figure 7":
            names = figure7_tasks(sources)
        for point in points:
            if point.x is None:
                rows.append(ext.row(spec, point))
                pdf_xs.append(None)
                continue
            if spec["figure"] == "Figure 5":
                rows.append(ext.row(spec, point, PALM[point.x_label]))
            elif spec["figure"] == "Figure 3":
                family = point.series.split()[0]
                if family not in FIGURE3_FAMILIES:
                    raise ValueError(f"{spec['panel']}: series {point.series!r} is of no known family")
                model, unmatched = nearest_model(models, family, "parameters", point.x)
                rows.append(ext.row(spec, point, model, note=unmatched))  # row() notes where the registry differs
            else:
                task = names[point.x_label]
                model = point.series if point.series.startswith("PaLM") else ""
                out = ext.row({**spec, "task": task}, point, model,
                              note=f"task {point.x_label} of footnote 9 (p. {FIGURE7_FOOTNOTE_PAGE})")
                record = table41[(task, point.series)]
                out = ext.compared_with_table(out, record["value"], record["source"])
                rows.append(out)
            pdf_xs.append(point.pdf_x)
    return rows, pdf_xs, panels


# ------------------------------------------------------------------ text claims
TEXT_COLUMNS = ["claim", "model", "task", "value", "unit", "quote", "kind", "source", "note"]
CLAIMS = [  # (claim, model, task, value, unit, quote, page, note)
    ("discontinuity_example_8b", "PaLM 8B", "logical_sequence", "13", "%",
     "The logical sequence task had normalized accuracy scores of 13%, 25%, and 87% for PaLM 8b, 62b, and 540b respectively.",
     16, "Figure 5b plots 13.0/25.4/87.6 (read-out) for english_proverbs; logical_sequence there is -9.7/7.4/89.7"),
    ("discontinuity_example_62b", "PaLM 62B", "logical_sequence", "25", "%",
     "The logical sequence task had normalized accuracy scores of 13%, 25%, and 87% for PaLM 8b, 62b, and 540b respectively.",
     16, ""),
    ("discontinuity_example_540b", "PaLM 540B", "logical_sequence", "87", "%",
     "The logical sequence task had normalized accuracy scores of 13%, 25%, and 87% for PaLM 8b, 62b, and 540b respectively.",
     16, ""),
    ("discontinuity_example_projection", "PaLM 540B", "logical_sequence", "37", "%",
     "a log-linear projection using 8b → 62b would predict an accuracy of roughly 37% (= 25% + (25% − 13%)) for 540b",
     16, "the paper's definition: projection = s62 + (s62 - s8), discontinuity = s540 - projection"),
    ("discontinuity_example_value", "PaLM 540B", "logical_sequence", "50", "%",
     "The actual accuracy is 87%, so the discontinuity is +50% (= 87% − 37%).", 16, ""),
    ("share_of_tasks_discontinuity_over_10", "", "BIG-bench (150 tasks)", "25", "% of tasks",
     "Over all 150 tasks, 25% of tasks had discontinuity greater than +10%, and 15% of [...] tasks had a discontinuity greater than +20%.",
     16, "the sentence runs over to p. 17 ([...]: the page's canary footnote)"),
    ("share_of_tasks_discontinuity_over_20", "", "BIG-bench (150 tasks)", "15", "% of tasks",
     "Over all 150 tasks, 25% of tasks had discontinuity greater than +10%, and 15% of [...] tasks had a discontinuity greater than +20%.",
     16, "the sentence runs over to p. 17 ([...]: the page's canary footnote)"),
    ("english_proverbs_62b", "PaLM 62B", "english_proverbs", "25", "%",
     "the improvement from 25% for PaLM 62B to 87% for PaLM 540B is an extremely exciting result", 16, ""),
    ("english_proverbs_540b", "PaLM 540B", "english_proverbs", "87", "%",
     "the improvement from 25% for PaLM 62B to 87% for PaLM 540B is an extremely exciting result", 16, ""),
    ("intro_discontinuous_share", "PaLM 540B", "BIG-bench (150 tasks)", "25", "% of tasks",
     "for certain tasks, we observe discontinuous improvements, where scaling from 62B to 540B results in a drastic "
     "jump in accuracy compared to scaling from 8B to 62B. Such behavior is observed on roughly 25% of the BIG-bench "
     "tasks in Section 6.2.", 4, "Sec. 1 (Introduction), 'Discontinuous improvements'"),
    ("human_above_palm_share", "PaLM 540B", "BIG-bench (150 tasks)", "35", "% of tasks",
     "the average human performance is still higher than PaLM 540B on 35% of the individual tasks", 17, ""),
]


def text_claims(sources: Path) -> list[dict]:
    """The statements, each checked against the text layer of its page and the next (whitespace and
    hyphenation normalised; "[...]" marks text of the page left out of a quote)."""
    pdf = sources / "papers" / PDF
    needed = sorted({p for claim in CLAIMS for p in (claim[6], claim[6] + 1)})
    pages = {p: _flat(pdf_page_text(pdf, p)) for p in needed}
    rows = []
    for claim, model, task, value, unit, quote, page, note in CLAIMS:
        for fragment in quote.split(" [...] "):
            if _flat(fragment) not in pages[page] + pages[page + 1]:
                raise ValueError(f"{pdf.name} p. {page}: quote not found: {fragment!r}")
        section = "Sec. 1" if page < 14 else "Sec. 6.2"
        rows.append({"claim": claim, "model": model, "task": task, "value": value, "unit": unit, "quote": quote,
                     "kind": "text", "source": f"{SOURCE_KEY}, {section}, p. {page} (PDF text layer)", "note": note})
    return rows


def _flat(text: str) -> str:
    """``squeezed`` text that also drops hyphenation at line ends (and the PDF's stray U+FFFE)."""
    return squeezed(text.replace("\ufffe", "").replace("-\n", ""))


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/chowdhery2022_palm/: bigbench_tables.csv, figures_points.csv, text_claims.csv; overlays."""
    table_rows = tables(sources)
    rows, pdf_xs, panels = figures(sources, table_rows)
    return [write_csv(out / FOLDER / "bigbench_tables.csv", TABLE_COLUMNS, table_rows),
            write_csv(out / FOLDER / "figures_points.csv", COLUMNS_OUT, rows),
            write_csv(out / FOLDER / "text_claims.csv", TEXT_COLUMNS, text_claims(sources)),
            *ext.overlays(sources, panels, rows, pdf_xs, figures_out / "verification")]
