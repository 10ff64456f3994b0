"""Export figures to figures/<chapter>/..., byte-identical from run to run.

With EMERGENT_FIGURES_CHECK set (the test suite sets it), an export to the committed figures/ is
compared with the committed file instead of written, and a difference raises StaleFigureError:
re-running a notebook under test proves its figures are current without a second run.
``WRITTEN`` collects every path this process exported, relative to the figures folder.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib

from .data import ROOT

FIGURES_DIR = ROOT / "figures"
# Matplotlib writes a creation date and random SVG ids unless these are fixed.
SVG_METADATA = {"Date": None, "Creator": None}


WRITTEN: set[str] = set()


class StaleFigureError(AssertionError):
    """A notebook under test exports a figure that differs from the committed one."""


def figures_dir() -> Path:
    """Where exports go: figures/ unless EMERGENT_FIGURES_DIR points elsewhere (tests use it)."""
    return Path(os.environ.get("EMERGENT_FIGURES_DIR", FIGURES_DIR))


def _checking() -> bool:
    return bool(os.environ.get("EMERGENT_FIGURES_CHECK")) and "EMERGENT_FIGURES_DIR" not in os.environ


def _target(chapter: str, relative: str) -> Path:
    path = figures_dir() / chapter / relative
    WRITTEN.add(f"{chapter}/{relative}")
    if not _checking():
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _deliver(path: Path, content: bytes) -> Path:
    """Write ``content`` to ``path``, or, when checking, require that it is what is committed there."""
    if _checking():
        if not path.is_file() or path.read_bytes() != content:
            raise StaleFigureError(f"{path} is {'missing' if not path.is_file() else 'stale'}: run `make execute`")
        return path
    path.write_bytes(content)
    return path


def svg_bytes(fig, salt: str) -> bytes:
    """``fig`` as SVG. Text stays text (DejaVu Sans, then the reader's sans-serif): glyph outlines
    would double the file, and every substitute font is narrower than DejaVu Sans, so no label grows
    out of its place. ``salt`` fixes the ids matplotlib draws, so the bytes repeat run after run."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg", metadata=SVG_METADATA)
    return buffer.getvalue()


def save_bytes(content: bytes, chapter: str, relative: str) -> Path:
    return _deliver(_target(chapter, relative), content)


