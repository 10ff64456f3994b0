"""Every notebook of the book runs outside the repository, from the download bundle its page offers
(`make book` writes them to _build/html/bundles/): unpacked into an empty folder, with the bundle's
own copy of the package and data first on the path, strict nbval re-runs every cell and compares
every stored output, and every figure the notebook exports is compared with the committed file
(EMERGENT_FIGURES_CHECK). This is the suite's run of the notebooks: each runs once, two at a time.
A bundle holds exactly the repository's bytes, so a notebook passing here passes in the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browsing import HTML_DIR

from emergent_survey import bundle

ROOT = Path(__file__).resolve().parent.parent
STATUS = json.loads(bundle.STATUS.read_text(encoding="utf-8")) if bundle.STATUS.is_file() else {"notebooks": {}}
NOTEBOOKS = sorted(STATUS["notebooks"])
CHAPTER_NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").rglob("*.ipynb")
                           if ".ipynb_checkpoints" not in p.parts)
PARALLEL = 2
TIMEOUT = 900


def zip_of(notebook: str) -> Path:
    return HTML_DIR / "bundles" / bundle.bundle_name(notebook)


def run_bundle(notebook: str, folder: Path) -> tuple[int, str]:
    """Unpack the notebook's bundle into ``folder`` and run strict nbval there; (return code, output)."""
    with zipfile.ZipFile(zip_of(notebook)) as archive:
        archive.extractall(folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMERGENT_") and k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(folder), EMERGENT_FIGURES_CHECK="1")
    where = subprocess.run([sys.executable, "-c", "import emergent_survey; print(emergent_survey.__file__)"],
                           cwd=folder, env=env, capture_output=True, text=True)
    if not where.stdout.strip().startswith(str(folder)):
        return 1, f"the bundle's package is not the one imported: {where.stdout}{where.stderr}"
    result = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "--nbval-sanitize-with", "nbval_sanitize.cfg",
                             "-q", "-p", "no:cacheprovider", notebook],
                            cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    return result.returncode, result.stdout[-6000:] + result.stderr[-2000:]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every bundle's run, started at once, PARALLEL at a time; tests wait for their own."""
    missing = [n for n in NOTEBOOKS if not zip_of(n).is_file()]
    if missing:
        pytest.fail(f"no bundles for {missing}: run `make book`", pytrace=False)
    longest_first = sorted(NOTEBOOKS, key=lambda n: -STATUS["notebooks"][n]["seconds"])  # shortest makespan
    with ThreadPoolExecutor(PARALLEL) as pool:
        futures = {n: pool.submit(run_bundle, n, tmp_path_factory.mktemp(bundle.bundle_name(n).removesuffix(".zip")))
                   for n in longest_first}
        yield futures


def test_every_notebook_is_recorded_and_bundled():
    assert NOTEBOOKS == CHAPTER_NOTEBOOKS, "run `make execute`: the execution record lacks notebooks"
    for notebook in NOTEBOOKS:
        assert STATUS["notebooks"][notebook]["result"] == "ok", notebook


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_bundle_holds_the_repository_files(notebook):
    with zipfile.ZipFile(zip_of(notebook)) as archive:
        names = set(archive.namelist())
        expected = set(bundle.bundle_files(notebook, STATUS))
        assert expected <= names, f"missing from the bundle: {sorted(expected - names)[:5]} (run `make book`)"
        stale = [name for name in expected if archive.read(name) != (ROOT / name).read_bytes()]
    assert not stale, f"files changed since the bundle was made: {stale[:5]} (run `make book`)"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_from_its_bundle(notebook, runs):
    code, output = runs[notebook].result()
    assert code == 0, f"{notebook} failed when run from its bundle:\n{output}"
