"""The ``execution-status`` directive: every notebook of the book with the run time, result and
data of its last `make execute` run, and the environment of that run (from
chapters/appendix/execution_status.json, written by scripts/execute_notebooks.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from emergent_survey import bundle, tables

STATUS = bundle.STATUS.relative_to(bundle.ROOT)


class ExecutionStatusDirective(SphinxDirective):
    def run(self):
        path = Path(self.env.srcdir) / STATUS
        self.env.note_dependency(str(path))
        status = json.loads(path.read_text(encoding="utf-8"))
        runs = pd.DataFrame(status["notebooks"].values())
        runs["page"] = [f'<a href="../../{n.removesuffix(".ipynb")}.html">{n.removesuffix("/index.ipynb").removesuffix(".ipynb").removeprefix("chapters/")}</a>'
                        for n in runs["notebook"]]
        runs["files"] = runs["data"].map(len)
        runs["result"] = [r if r == "ok" else f"{r}: {e}" for r, e in zip(runs["result"], runs["error"])]
        table = tables.table_html(runs, {
            "page": tables.Column("Notebook", "html"), "date": "Last run", "seconds": tables.Column("Seconds", "decimal1"),
            "result": "Result", "files": tables.Column("Data files loaded", "int")},
            caption="Every notebook of the book in its last run (`make execute`)",
            notes=[f"Total: {runs['seconds'].sum():.0f} s over {len(runs)} notebooks."])
        environment = pd.DataFrame({"name": list(status["environment"]), "version": list(status["environment"].values())})
        table += tables.table_html(environment, {"name": "Software", "version": "Version"},
                                   caption="The environment of the last run")
        return [nodes.raw("", table, format="html")]


def setup(app):
    app.add_directive("execution-status", ExecutionStatusDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
