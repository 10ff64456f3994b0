"""BIG-bench Lite: four task columns of a third-party score matrix built from google/BIG-bench's results.

The matrix (smolix/benchmark-selection, ``data/bigbench.csv``) holds, per model and task, the
preferred score of the first score entry with the most shots: possibly a subtask, and shots differ
by family. Scores are fractions (0-1), not percent. Model sizes are BIG-bench's own labels (e.g.
GPT-3 '200B'), kept as labelled and not joined to the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import SourceRowError, labelled_number, read_records, write_csv

MATRIX = "smolix/benchmark-selection@319b4e70f1d1d4b178dab3751881c8d6ea4519e0:data/bigbench.csv"
TASKS = ["bbq_lite_json", "known_unknowns", "misconceptions_russian", "strategyqa"]
LABEL = re.compile(r"^(?P<family>BIG-G T=0|BIG-G T=1|BIG-G sparse|GPT|Gopher|PaLM) "
                   r"(?:GPT-3 )?(?P<size>\d+(?:\.\d+)?)(?P<unit>[mMbB])$")
GPT3_NAMES = {"Small": "125M", "Medium": "350M", "Large": "760M", "XL": "1.3B"}
# Rows whose label states no size: they cannot be placed by size, so they are left out (the
# catalogue says so). Any other label the pattern does not read stops the derivation.
NO_SIZE = {"T0 T0", "T0+ T0+", "T0++ T0++", "T5-LM T5-LM"}
COLUMNS = ["model_label", "family", "parameters_as_labelled", "task", "value", "unit", "kind", "source", "note"]


def selected_tasks(sources: Path) -> list[dict]:
    """One row per (model, task) the model's family ran, with the size its label states."""
    path = sources / "bigbench_lite_matrix_smolix" / "bigbench.csv"
    rows = []
    for record in read_records(path):
        label = record["model"]
        for name, size in GPT3_NAMES.items():
            label = label.replace(f"GPT-3 {name}", f"GPT-3 {size}")
        match = LABEL.match(label)
        if not match:
            if record["model"] in NO_SIZE:
                continue
            raise SourceRowError(f"{path}, line {record.line}, column 'model': {record['model']!r} is neither a "
                                 "label with a size nor one of the known labels without one")
        parameters = labelled_number(match.group("size") + match.group("unit"))
        for task in TASKS:
            if record[task] == "":
                continue  # the family did not run this task: no row (the catalogue says so)
            rows.append({
                "model_label": record["model"], "family": match.group("family"),
                "parameters_as_labelled": f"{parameters:.4g}",
                "task": task, "value": record.number(task), "unit": "fraction", "kind": "derived",
                "source": f"{MATRIX}, line {record.line}, from google/BIG-bench results",
                "note": "preferred score of the first score entry with the most shots (may be a subtask); "
                        "shots differ by family",
            })
    return rows


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """data/bigbench_lite/selected_tasks.csv."""
    return [write_csv(out / "bigbench_lite" / "selected_tasks.csv", COLUMNS, selected_tasks(sources))]
