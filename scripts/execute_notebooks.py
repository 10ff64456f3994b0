"""Re-run notebooks in place, storing outputs but no timestamps (clean diffs), and record the run.

    python scripts/execute_notebooks.py [notebook ...]   # default: every notebook under chapters/

For each notebook the record (chapters/appendix/execution_status.json, shown on the book's
execution-status page) keeps its run time, its result, the data resources it loaded and the figure
files it exported (a chapter's download bundle carries exactly those files), with the environment
of the run.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from emergent_survey.bundle import STATUS

ROOT = Path(__file__).resolve().parent.parent
KEY_PACKAGES = ["jupyter-book", "myst-nb", "matplotlib", "pandas", "numpy", "frictionless", "pdfplumber"]
# Run after the notebook's own cells and dropped before saving: which resources did it load, which
# figure files did it export?
PROBE = ("import json as _json\nfrom emergent_survey import data as _data, export as _export\n"
         "print(_json.dumps({'data': sorted(_data.LOADED), 'figures': sorted(_export.WRITTEN)}))")


def execute(path: Path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = NotebookClient(notebook, kernel_name="python3", timeout=600, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
        result, error = "ok", ""
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        result, error = "error", (str(exc).strip().splitlines() or [type(exc).__name__])[-1][:300]
    seconds = round(time.perf_counter() - start, 1)
    probe = notebook.cells.pop()
    # A failed run leaves out data and figures: record() keeps those of the last good run.
    used = json.loads(probe.outputs[0]["text"]) if result == "ok" and probe.outputs else {}
    if result == "ok":
        nbformat.write(notebook, path)
    print(f"{'executed' if result == 'ok' else 'FAILED'} {path.relative_to(ROOT)} ({seconds} s){' ' + error if error else ''}")
    return {"notebook": path.relative_to(ROOT).as_posix(), "seconds": seconds, "result": result,
            "error": error, **used}


def record(runs: list[dict]) -> None:
    """Merge this run's notebooks into the status file (others keep their last run). A failed
    notebook keeps the data and figures of its last good run, which its download bundle needs."""
    status = json.loads(STATUS.read_text(encoding="utf-8")) if STATUS.is_file() else {"notebooks": {}}
    for run in runs:
        last = status["notebooks"].get(run["notebook"], {})
        used = {key: last.get(key, []) for key in ("data", "figures")}
        status["notebooks"][run["notebook"]] = {**used, **run, "date": date.today().isoformat()}
    status["notebooks"] = dict(sorted(status["notebooks"].items()))
    status["environment"] = {"python": platform.python_version(), "platform": f"{platform.system()} {platform.machine()}",
                             **{name: version(name) for name in KEY_PACKAGES}}
    STATUS.write_text(json.dumps(status, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted(
        p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    runs = [execute(path) for path in paths]
    record(runs)
    if any(run["result"] != "ok" for run in runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
