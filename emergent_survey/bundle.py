"""A chapter as a download that runs on its own: its notebook, this package, exactly the data files
the notebook loads (with the catalogue entries that validate them and the files their foreign keys
point to), the figure files it exports (so a re-run can be compared with them), the bibliography the
citation labels come from, and the pinned requirements.

The data a notebook loads is recorded by `make execute` (chapters/appendix/execution_status.json);
a bundle is a zip with the repository's own layout, so the notebook finds everything where it
finds it here. Zips are byte-stable: fixed timestamps, sorted entries.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from . import data
from .data import ROOT

STATUS = ROOT / "chapters" / "appendix" / "execution_status.json"
PACKAGE = "emergent_survey"
# The derivations read ../shared, which a reader does not have; chapters never import them.
LEFT_OUT = ("emergent_survey/sources/",)
TIMESTAMP = (1980, 1, 1, 0, 0, 0)
README = """This folder runs one chapter of "Emergent Abilities of LLMs: an executable survey" on its own.

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/pip install --no-deps --no-build-isolation -e .
    EMERGENT_FIGURES_CHECK=1 .venv/bin/pytest --nbval --nbval-sanitize-with nbval_sanitize.cfg {notebook}

The last command re-runs every cell and compares every output, and every figure file the chapter
exports, with the book's. To read and change the notebook, open it in JupyterLab
(.venv/bin/pip install jupyterlab; .venv/bin/jupyter lab {notebook}).

The folder holds the chapter's notebook, the book's Python package (emergent_survey), exactly the
data files the notebook reads (data/, each with its catalogue entry: schema, licence, source), the
figure files it exports (figures/) and the bibliography. Data keep their sources' licences (see
data/catalogue.yaml and each folder's catalogue.yaml); text CC BY 4.0, code MIT.
"""


def bundle_files(notebook: str, status: dict | None = None) -> list[str]:
    """Repository-relative paths of everything the bundle of ``notebook`` holds."""
    status = status or json.loads(STATUS.read_text(encoding="utf-8"))
    if notebook not in status["notebooks"]:
        raise KeyError(f"{notebook} has no record in {STATUS.relative_to(ROOT)}: run `make execute`")
    loaded = sorted({r for name in status["notebooks"][notebook]["data"] for r in data.with_references(name)})
    files = {notebook, "references.bib", "requirements.txt", "pyproject.toml", "data/catalogue.yaml"}
    for name in loaded:
        path = f"data/{data.resource(name)['path']}"
        files.add(path)
        folder_catalogue = Path(path).parent / "catalogue.yaml"
        if (ROOT / folder_catalogue).is_file():
            files.add(folder_catalogue.as_posix())
    files |= {f"figures/{figure}" for figure in status["notebooks"][notebook].get("figures", [])}
    files |= {p.relative_to(ROOT).as_posix() for p in (ROOT / PACKAGE).rglob("*.py")
              if not p.relative_to(ROOT).as_posix().startswith(LEFT_OUT)}
    return sorted(files)


def write_bundle(notebook: str, target: Path, status: dict | None = None) -> Path:
    """Write the zip of ``notebook``'s bundle to ``target``, unless the zip there already holds
    exactly these contents (its comment is their digest): compressing 17 zips on every no-change
    rebuild would take most of the rebuild's time."""
    entries = [(name, (ROOT / name).read_bytes()) for name in bundle_files(notebook, status)]
    entries += [("README.txt", README.format(notebook=notebook).encode()),
                ("nbval_sanitize.cfg", (ROOT / "tests" / "nbval_sanitize.cfg").read_bytes())]
    digest = hashlib.sha256()
    for name, content in entries:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    comment = f"sha256:{digest.hexdigest()}".encode()
    if target.is_file():
        with zipfile.ZipFile(target) as existing:
            if existing.comment == comment:
                return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.comment = comment
        for name, content in entries:
            info = zipfile.ZipInfo(name, TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return target


def bundle_name(notebook: str) -> str:
    """chapters/few_shot/explorer.ipynb -> few_shot-explorer.zip"""
    parts = Path(notebook).with_suffix("").parts[1:]
    return "-".join(parts).removesuffix("-index") + ".zip"
