"""Derive the tidy files in data/ (and figures/verification/) from the raw material in ../shared/sources.

Run with `make data`. One module per source does the work (emergent_survey/sources/); the book
itself never needs ../shared: the outputs are committed, and tests/test_derive_data.py re-runs
each module and compares bytes.

    python scripts/derive_data.py [--sources ../shared/sources] [--out data] [--figures-out figures]
                                  [--only NAME ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from emergent_survey.data import ROOT
from emergent_survey.sources import MODULES, derive_all
from emergent_survey.sources.common import DEFAULT_SOURCES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    parser.add_argument("--figures-out", type=Path, default=ROOT / "figures")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=MODULES,
                        help=f"derive only these sources (default: all of {', '.join(MODULES)})")
    args = parser.parse_args()
    for path in derive_all(args.sources, args.out, args.figures_out, args.only):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
