"""The built book (``make book`` builds it with -W: any warning fails the build) has every page of
the table of contents, and the numbers glued into its pages are the data's numbers."""

import re
from pathlib import Path

import pytest
from browsing import HTML_DIR, built_pages, text_of

from emergent_survey import data, registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built() -> Path:
    if not (HTML_DIR / "index.html").is_file():
        pytest.fail(f"no built book at {HTML_DIR}: run `make book`", pytrace=False)
    return HTML_DIR


def test_every_toc_page_is_built(built):
    """The one "book is built" test: the site tests' page lists (built_pages) are empty without a build."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    names = re.findall(r"file: (\S+)", toc) + [re.search(r"root: (\S+)", toc).group(1)]
    for name in names:
        assert (built / f"{name}.html").is_file(), name
    assert {f"{name}.html" for name in names} <= set(built_pages()) and "index.html" in built_pages()


def test_glued_numbers_match_the_data(built):
    text = text_of((built / "chapters" / "chain_of_thought" / "index.html").read_text(encoding="utf-8"))
    rates = data.load("cot_solve_rates")
    for model in ("PaLM 540B", "text-davinci-002", "LaMDA 137B"):
        standard = data.lookup(rates, model=model, task="GSM8K", setting="standard")
        cot = data.lookup(rates, model=model, task="GSM8K", setting="chain_of_thought")
        assert f"{standard:.1f}% to {cot:.1f}%" in text or f"{standard:.1f}% of the problems with standard prompting and {cot:.1f}%" in text, model
    flops = registry.models().loc["LaMDA 68B", "training_flops"]
    assert "1.2 × 10²³" in text and flops == pytest.approx(1.2e23)


def test_no_unresolved_glue_or_references(built):
    for html in built.rglob("*.html"):
        raw = html.read_text(encoding="utf-8")
        assert "glue:" not in raw and "??" not in text_of(raw), html


def test_data_and_figures_are_in_the_site(built):
    for path in (ROOT / "data").rglob("*.csv"):
        assert (built / path.relative_to(ROOT)).is_file(), f"{path.relative_to(ROOT)} is not on the site"
    assert (built / "figures" / "chain_of_thought" / "arithmetic" / "panel-01.svg").is_file()
