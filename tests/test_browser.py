"""Every page of the built book, opened in headless Chromium as a reader would (tests/browsing.py).

At 1400 px in the light theme, per page: no JavaScript error, no failed request, no request leaving
127.0.0.1, every image loaded with alt text, math rendered as MathML, no raw data artefacts (NaN,
<NA>, inf, 1.2e+22, dtype:) in the text outside code, and the page within its weight budget (the
bytes of every response received by the load event plus 100 ms; panels further down are lazily
loaded as the reader scrolls). At 390 and 1400 px, light and dark: the theme paints a light or a
dark background, no page scrolls sideways, and every figure's smallest text is at least 10 CSS px
as rendered (the font size recorded at export, scaled by the image's rendered over its natural
width). Explorer pages: each control switches the view.

A missing build or browser fails the tests (never skips). Run ``make book`` first.
"""

from __future__ import annotations

import re

import pytest
from browsing import MODES, WIDTHS, Site, budget, built_pages

PAGES = built_pages()  # none if the book is not built: tests/test_build.py fails then
MIN_TEXT_PX = 10.0
# Words, not parts of a URL or a name ("homepages.inf.ed.ac.uk").
RAW_ARTEFACTS = re.compile(r"(?<![\w./-])(?:NaN|nan|-?inf)(?![\w./-])|<NA>|\d[eE]\+\d|dtype:")

_visits: dict = {}


@pytest.fixture(scope="session")
def site():
    with Site() as opened:
        yield opened


LAYOUTS = [(width, mode) for width in WIDTHS for mode in MODES if (width, mode) != (1400, "light")]


def visit(site, path):
    """One load of ``path`` at 1400 px, light theme, then re-laid out at every other width and theme."""
    if path not in _visits:
        _visits[path] = site.visit(path, 1400, "light", actions=_exercise_explorers, layouts=LAYOUTS)
    return _visits[path]


def _visible_views(page) -> list[str]:
    return page.eval_on_selector_all(".eb-view", "vs => vs.filter(v => v.checkVisibility()).map(v => v.dataset.view)")


def _exercise_explorers(page, result) -> None:
    """Click each control's second button; record the visible view before and after."""
    if not page.locator(".eb-explorer").count():
        return
    steps = [("initial", _visible_views(page))]
    controls = page.locator(".eb-control")
    for i in range(controls.count()):
        labels = controls.nth(i).locator("label")
        if labels.count() >= 2:
            labels.nth(1).click()
            page.wait_for_timeout(100)
            steps.append((f"control {i + 1}", _visible_views(page)))
    result.facts["explorer_steps"] = steps


def lightness(css_colour: str) -> float | None:
    """0 (black) to 1 (white) for an opaque 'rgb(r, g, b)'; None for a transparent colour."""
    channels = [float(c) for c in re.findall(r"[\d.]+", css_colour)]
    if len(channels) < 3 or (len(channels) == 4 and channels[3] < 1):
        return None
    red, green, blue = (c / 255 for c in channels[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def fail_if(problems, header):
    if problems:
        pytest.fail(header + "\n" + "\n".join(f"  - {p}" for p in problems), pytrace=False)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(site, path):
    seen = visit(site, path)
    problems = [f"console error: {m}" for m in seen.console_errors]
    problems += [f"page error: {m}" for m in seen.page_errors]
    problems += [f"failed request: {m}" for m in seen.failed_requests]
    problems += [f"request leaving the site: {m}" for m in seen.external_requests]
    fail_if(problems, f"{path}:")


@pytest.mark.parametrize("path", PAGES)
def test_images_load_and_have_alt(site, path):
    images = visit(site, path).facts["images"]
    problems = [f"did not load: {i['src']}" for i in images if i["visible"] and not i["loaded"]]
    problems += [f"no alt text: {i['src']}" for i in images if not (i["alt"] or "").strip()]
    fail_if(problems, f"{path}: images")


@pytest.mark.parametrize("path", PAGES)
def test_page_weight_within_budget(site, path):
    """What a reader's browser downloads to open the page (the bytes of every response received by
    the load event plus 100 ms; figure panels further down load as the reader scrolls to them:
    README lists both)."""
    seen = visit(site, path)
    largest = sorted(seen.bytes_by_url.items(), key=lambda item: -item[1])[:5]
    assert seen.bytes_at_load <= budget(path), (
        f"{path} transfers {seen.bytes_at_load / 1e6:.2f} MB to open (budget {budget(path) / 1e6:.1f} MB); "
        "largest: " + ", ".join(f"{url.split('/', 3)[-1]} {size / 1e3:.0f} kB" for url, size in largest))


@pytest.mark.parametrize("path", PAGES)
def test_no_raw_data_artefacts_in_text(site, path):
    text = visit(site, path).facts["text"]
    found = sorted({match.group(0) for match in RAW_ARTEFACTS.finditer(text)})
    contexts = [text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ") for m in RAW_ARTEFACTS.finditer(text)][:5]
    fail_if(contexts, f"{path}: raw data artefacts {found} in the text:")


@pytest.mark.parametrize("path", PAGES)
def test_math_renders_as_mathml(site, path):
    math = visit(site, path).facts["math"]
    problems = []
    if math["elements"] and math["mathml"] < math["elements"]:
        problems.append(f"{math['elements'] - math['mathml']} of {math['elements']} formulas are not MathML")
    if math["errors"]:
        problems.append(f"{math['errors']} MathML errors")
    fail_if(problems, f"{path}: math")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_layout_reads_at_every_width(site, path, width, mode):
    facts = visit(site, path).layouts[(width, mode)]
    problems = []
    if facts["scrollWidth"] > facts["clientWidth"] + 1:
        problems.append(f"the page scrolls sideways: {facts['scrollWidth']} px of content in {facts['clientWidth']} px")
    # What the theme paints, not the attribute THEME_JS itself sets.
    shade = lightness(facts["background"])
    if shade is None or (shade < 0.8 if mode == "light" else shade > 0.2):
        problems.append(f"the {mode} theme paints the page {facts['background']}")
    for image in facts["images"]:
        if not image["visible"]:
            continue
        if image["minFontPx"] is None or not image["declaredWidth"]:
            problems.append(f"{image['src']}: no recorded text size and natural width (data-min-font-px, width)")
            continue
        rendered = image["minFontPx"] * image["renderedWidth"] / image["declaredWidth"]
        if rendered < MIN_TEXT_PX:
            problems.append(f"{image['src']}: smallest text {rendered:.1f} CSS px (image {image['renderedWidth']:.0f} px "
                            f"wide, natural {image['declaredWidth']} px)")
    fail_if(problems, f"{path} at {width} px, {mode}:")


EXPLORER_PAGES = [p for p in PAGES if p.endswith("explorer.html")]


def test_book_has_explorers():
    assert EXPLORER_PAGES, "no explorer page in the built book"


@pytest.mark.parametrize("path", EXPLORER_PAGES)
def test_explorer_controls_switch_the_view(site, path):
    steps = visit(site, path).facts.get("explorer_steps", [])
    problems = []
    if not steps:
        problems.append("no explorer on the page")
    for (name, shown), (_, before) in zip(steps, [steps[0]] + steps[:-1]):
        if len(shown) != 1:
            problems.append(f"{name}: {len(shown)} views visible (expected one)")
        elif name != "initial" and shown == before:
            problems.append(f"{name}: the view did not change")
    fail_if(problems, f"{path}: explorer")
