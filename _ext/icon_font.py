"""Subset the theme's icon font (Font Awesome solid, 156 kB) to the icons the site's pages use.

The theme draws its icons (menu, search, theme switch, download…) from one web font with about
1,400 glyphs; every page downloads it. After the build this extension finds the icon classes in the
built pages, looks up their code points in the theme's stylesheet, and rewrites the font with just
those glyphs, a few kB. An icon the pages do not name (one a script adds later) would show empty:
ICONS_ADDED_BY_SCRIPTS lists those, and a test checks that every icon class on a page is in the font.
"""

from __future__ import annotations

import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONT = Path("_static/vendor/fontawesome/webfonts/fa-solid-900.woff2")
STYLESHEET = Path("_static/styles/pydata-sphinx-theme.css")
ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
# Icons the theme's scripts insert after the page loads (none in pydata-sphinx-theme 0.17's pages).
ICONS_ADDED_BY_SCRIPTS: set[str] = set()


def icon_codepoints(stylesheet: str) -> dict[str, int]:
    """Icon name -> code point, from rules like ``.fa-bars:before{content:"\\f0c9"}``."""
    points = {}
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+:+before,?)+)\{content:\"\\([0-9a-f]+)\"", stylesheet):
        for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
            points[name] = int(code, 16)
    return points


def used_icons(outdir: Path) -> set[str]:
    names = set(ICONS_ADDED_BY_SCRIPTS)
    for page in outdir.rglob("*.html"):
        names |= set(ICON_CLASS.findall(page.read_text(encoding="utf-8", errors="replace")))
    return names


def subset_icon_font(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    font_path = outdir / FONT
    if not font_path.is_file():
        return
    points = icon_codepoints((outdir / STYLESHEET).read_text(encoding="utf-8"))
    wanted = sorted({points[name] for name in used_icons(outdir) if name in points})
    font = TTFont(font_path)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(font_path)


def setup(app):
    app.connect("build-finished", subset_icon_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
