"""Each source module (emergent_survey/sources/) reproduces its committed files from ../shared/sources.

One test per module, so a stale file names its source and pytest-xdist can run modules in parallel.
"""

from pathlib import Path

import pytest

from emergent_survey import sources
from emergent_survey.sources import wei2022_cot

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sources.MODULES)
def test_module_reproduces_committed_files(shared_sources, tmp_path, name):
    written = sources.module(name).derive(shared_sources, tmp_path / "data", tmp_path / "figures")
    assert written, f"{name} wrote no file"
    stale = []
    for path in written:
        committed = ROOT / path.relative_to(tmp_path)
        if not committed.exists() or committed.read_bytes() != path.read_bytes():
            stale.append(str(committed.relative_to(ROOT)))
    assert not stale, f"{name}: {', '.join(stale)} stale or missing: run `make data`"


def test_cot_table_5_parser_splits_run_together_cells(shared_sources):
    rows = wei2022_cot.table_5(shared_sources)
    # The PDF text layer prints PaLM 540B's coin-flip cells as '98.1100.0'.
    palm = {(r["task"], r["setting"]): r["value"] for r in rows if r["model"] == "PaLM 540B"}
    assert palm[("Coin Flip (2)", "standard")] == "98.1"
    assert palm[("Coin Flip (2)", "chain_of_thought")] == "100.0"


def test_missing_sources_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="sources folder not found"):
        sources.derive_all(tmp_path / "nowhere", tmp_path, tmp_path)


def test_unknown_module_name_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match=r"no source module named \['wei2099'\]"):
        sources.derive_all(tmp_path, tmp_path, tmp_path, only=["wei2099"])
