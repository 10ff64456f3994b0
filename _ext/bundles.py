"""Every notebook page offers its chapter as a download that runs outside the repository
(``emergent_survey.bundle``): the zips are written to <site>/bundles/ after the build, and each
page gets a short "Run this chapter yourself" section linking its zip."""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes

from emergent_survey import bundle


def _status(srcdir: str) -> dict:
    path = Path(srcdir) / bundle.STATUS.relative_to(bundle.ROOT)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"notebooks": {}}


def add_download_section(app, doctree) -> None:
    notebook = f"{app.env.docname}.ipynb"
    if notebook not in _status(app.srcdir)["notebooks"]:
        return
    depth = app.env.docname.count("/")
    href = "../" * depth + f"bundles/{bundle.bundle_name(notebook)}"
    section = nodes.container(ids=["run-this-chapter"], classes=["eb-run"])
    section += nodes.rubric(text="Run this chapter yourself")
    text = nodes.paragraph()
    text += nodes.Text("Download ")
    text += nodes.reference("", bundle.bundle_name(notebook), refuri=href)
    text += nodes.Text(": this page's notebook with the book's Python package and exactly the data files it reads. "
                       "Unzip it anywhere; its README.txt gives the three commands that install the pinned "
                       "packages and re-run every cell, comparing each output with this page.")
    section += text
    top = next(iter(doctree.findall(nodes.section)), None)
    (top if top is not None else doctree).append(section)


def write_bundles(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    status = _status(app.srcdir)
    for notebook in status["notebooks"]:
        bundle.write_bundle(notebook, Path(app.outdir) / "bundles" / bundle.bundle_name(notebook), status)


def setup(app):
    app.connect("doctree-read", add_download_section, priority=400)  # before "Cite this chapter"
    app.connect("build-finished", write_bundles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
