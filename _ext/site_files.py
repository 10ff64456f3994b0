"""Put the book's data, figure files and citation file on the site, at stable addresses.

Figures are shown panel by panel from ``figures/<chapter>/<name>/`` (image files the browser
caches, not data inside the page), every figure links its data under ``data/``, and readers can
download ``CITATION.cff``. They are copied after the build, changed files only.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

COPIED_DIRS = {"data": ("*.csv", "*.yaml"), "figures": ("*.svg", "*.png", "*.json")}
COPIED_FILES = ["CITATION.cff"]


def _copy(source: Path, target: Path) -> None:
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def copy_site_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root, out = Path(app.srcdir), Path(app.outdir)
    for folder, patterns in COPIED_DIRS.items():
        for pattern in patterns:
            for source in (root / folder).rglob(pattern):
                _copy(source, out / source.relative_to(root))
    for name in COPIED_FILES:
        _copy(root / name, out / name)


def setup(app):
    app.add_css_file("book.css")
    app.connect("build-finished", copy_site_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
