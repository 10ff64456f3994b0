"""One small module per source: ``../shared/sources/<source>`` -> ``data/<folder>/`` (``make data``).

Every module here exposes ``derive(sources, out, figures_out) -> list[Path]``: it reads the raw
material under ``sources`` (the developers' ``../shared/sources``), writes its tidy CSV files
under ``out`` (the book's ``data/``) and, for figure read-outs, its verification overlays under
``figures_out / "verification"``; it returns every path it wrote. The book builds and tests
without ``../shared``: the outputs are committed, and ``tests/test_derive_data.py`` re-runs each
module and compares bytes.

A new source is a new module here and a ``catalogue.yaml`` beside its data. Every module is a
source except the helpers: ``common``, ``figure_readout``, ``verification``, ``<source>_panels`` (a source's long
lists of figure panels) and names starting with "_". Discovery reads names only, so one module
that fails to import does not break the others.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType


def module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


HELPERS = {"common", "figure_readout", "verification"}


def _is_source(name: str) -> bool:
    return not (name in HELPERS or name.startswith("_") or name.endswith("_panels"))


# Modules are independent: they read only ../shared and committed files of data/ (the registry, a
# table a read-out is compared with), never what another module writes in the same run.
MODULES: list[str] = sorted(info.name for info in pkgutil.iter_modules(__path__) if _is_source(info.name))


def derive_all(sources: Path, out: Path, figures_out: Path, only: list[str] | None = None) -> list[Path]:
    """Run every module (or those named in ``only``); return the paths written."""
    if not Path(sources).is_dir():
        raise SystemExit(f"sources folder not found: {sources} (it lives in ../shared/sources)")
    unknown = sorted(set(only or []) - set(MODULES))
    if unknown:
        raise SystemExit(f"no source module named {unknown}; known: {MODULES}")
    written: list[Path] = []
    for name in only or MODULES:
        written += module(name).derive(Path(sources), Path(out), Path(figures_out))
    return written
