"""Copies of data/ and of source files with one CSV cell broken, for the tests that a malformed
input fails naming its file, line and column. Imported as a plain module (tests/ is on sys.path,
like browsing.py)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Rewrite the cell of ``column`` in the record that starts on ``line`` (line 1 is the header;
    the csv module, so quoted commas and multi-line cells are kept)."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        starts, rows, start = [], [], 1
        for row in reader:
            starts.append(start)
            rows.append(row)
            start = reader.line_num + 1
    if line not in starts:
        raise ValueError(f"{path}: no record starts on line {line}")
    rows[starts.index(line)][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def broken_copy(source: Path, target: Path, line: int, column: str, value: str) -> Path:
    """``source`` copied to ``target`` (folders made) with one cell set; returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    set_cell(target, line, column, value)
    return target


def copy_data(tmp_path: Path) -> Path:
    """A copy of data/ whose files a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def copy_sources(shared: Path, tmp_path: Path, *folders: str) -> Path:
    """A sources folder holding copies of ``folders`` of ../shared/sources."""
    root = tmp_path / "sources"
    for folder in folders:
        shutil.copytree(shared / folder, root / folder)
    return root
