"""figures/ follows the book's figure rules.

Every exported file belongs to a figure that a notebook publishes, and every published panel keeps
the style system (family = colour + marker, setting = line style + fill, neutral colours for
everything else) and stays legible on a phone. That re-running a notebook exports the committed
bytes is checked while it runs, in tests/test_bundles.py (EMERGENT_FIGURES_CHECK).
"""

import json
from pathlib import Path

import pytest

from emergent_survey import figure, plotting

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "figures"
NOTEBOOKS = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
EXPORTING = [p for p in NOTEBOOKS if any(call in p.read_text(encoding="utf-8")
                                         for call in ("FigureGrid(", "explorer.explorer("))]
MANIFESTS = sorted(p for p in FIGURES.glob("*/*.json") if p.parent.name != "verification")  # overlays: make data


def test_every_family_has_its_own_colour_and_marker():
    """Family = colour + marker: two families (other than a family and its alias) never share both."""
    owners: dict = {}
    for family, style in plotting.FAMILY_STYLES.items():
        owners.setdefault((style.color.lower(), style.marker), set()).add(plotting.FAMILY_ALIASES.get(family, family))
    shared = {pair: sorted(families) for pair, families in owners.items() if len(families) > 1}
    assert not shared, f"families drawn alike: {shared}"


def test_some_notebooks_export_figures():
    assert EXPORTING and MANIFESTS


def test_no_orphan_figure_files():
    """Every file under figures/<chapter>/ belongs to a manifest (read-out overlays come from make data)."""
    owned = set()
    for manifest_path in MANIFESTS:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        chapter = manifest_path.parent
        owned |= {chapter / panel["file"] for panel in manifest["panels"]}
        owned |= {manifest_path, manifest_path.with_suffix(".svg")}  # the manifest and the all-panels SVG
    files = {p for p in FIGURES.rglob("*.*") if p.parent.name != "verification" and "verification" not in p.parts}
    orphans = sorted(str(p.relative_to(ROOT)) for p in files - owned)
    assert not orphans, f"files no figure publishes (delete them or re-run `make execute`): {orphans[:10]}"


def test_every_manifest_is_published_by_a_notebook():
    sources = {p: p.read_text(encoding="utf-8") for p in EXPORTING}
    for manifest_path in MANIFESTS:
        chapter, name = manifest_path.parent.name, manifest_path.stem
        assert any(f'"{name}"' in text or f"\\\"{name}\\\"" in text
                   for path, text in sources.items() if path.parent.name == chapter), (
            f"{manifest_path.relative_to(ROOT)}: no notebook of chapter {chapter} publishes {name!r}")


def _series(manifest_path):
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for panel in manifest["panels"]:
        for series in panel["series"]:
            yield panel["file"], series


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda p: p.relative_to(FIGURES).as_posix())
def test_style_system(manifest_path, family_colors):
    problems = []
    for file, series in _series(manifest_path):
        family, setting, color = series["family"], series["setting"], series["color"].lower()
        where = f"{file}: {series['label']!r}"
        if family:
            style = plotting.FAMILY_STYLES[family]
            if color != style.color.lower() or series["marker"] != style.marker:
                problems.append(f"{where}: family {family} must be {style.color} {style.marker}, is {color} {series['marker']}")
        elif color in family_colors:
            problems.append(f"{where}: not a model family but drawn in a family's colour {color}")
        if setting:
            how = plotting.SETTING_STYLES[setting]
            if series["linestyle"] and series["linestyle"] != how["linestyle"]:
                problems.append(f"{where}: setting {setting} must be line {how['linestyle']!r}, is {series['linestyle']!r}")
            if series["marker"] and series["fillstyle"] != how["fillstyle"]:
                problems.append(f"{where}: setting {setting} must be fill {how['fillstyle']!r}, is {series['fillstyle']!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda p: p.relative_to(FIGURES).as_posix())
def test_panels_legible_on_a_phone(manifest_path):
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for panel in manifest["panels"]:
        assert panel["min_font_px_on_phone"] >= figure.MIN_TEXT_PX, panel["file"]
        assert panel["alt"].strip(), f"{panel['file']} has no alt text"


def test_same_setting_looks_the_same_everywhere():
    """One setting, one line style and one marker fill (a single stated value has a marker and no line)."""
    lines: dict[str, set] = {}
    fills: dict[str, set] = {}
    for manifest_path in MANIFESTS:
        for _, series in _series(manifest_path):
            if series["setting"]:
                if series["linestyle"]:
                    lines.setdefault(series["setting"], set()).add(series["linestyle"])
                if series["marker"]:
                    fills.setdefault(series["setting"], set()).add(series["fillstyle"])
    differing = {f"{setting} ({what})": seen for what, looks in (("line", lines), ("fill", fills))
                 for setting, seen in looks.items() if len(seen) > 1}
    assert not differing, differing
