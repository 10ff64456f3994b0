"""Screenshot every page of the built book at 390 px and 1400 px, light and dark, as a reader sees it.

    python scripts/screenshots.py [page.html ...]    # default: every page; writes _build/screenshots/

Uses the same browser code as the tests (tests/browsing.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import MODES, WIDTHS, Site, pages  # noqa: E402

OUT = ROOT / "_build" / "screenshots"


def main() -> None:
    chosen = sys.argv[1:] or pages()
    with Site() as site:
        for path in chosen:
            for width in WIDTHS:
                for mode in MODES:
                    target = OUT / f"{path.removesuffix('.html').replace('/', '__')}__{width}_{mode}.png"
                    site.visit(path, width, mode, screenshot=target)
                    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
