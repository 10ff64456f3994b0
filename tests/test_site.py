"""The built site as files: citations resolve, references link out, chapters end with "Cite this
chapter", figures name their data, pages carry no large inline images, downloads exist.

Reads the site `make book` built (_build/html, or BOOK_HTML_DIR); run `make book` first.
"""

import re
import sys
from pathlib import Path

import pytest
from browsing import HTML_DIR, built_pages, text_of

from emergent_survey import citations

PAGES = built_pages()  # none if the book is not built: tests/test_build.py fails then
REFERENCES = HTML_DIR / "chapters" / "appendix" / "references.html"
CITATION_LINK = re.compile(r'<a [^>]*href="[^"]*references\.html#(ref-[^"]+)"[^>]*>(.*?)</a>', re.S)
INLINE_IMAGE = re.compile(r'src="data:image/[^;]+;base64,([A-Za-z0-9+/=]+)"')
CHAPTERS = [p for p in PAGES if p.startswith("chapters/") and not p.startswith(("chapters/appendix/", "chapters/preface"))
            and not p.endswith("explorer.html")]


def read(path: str) -> str:
    return (HTML_DIR / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference_labels() -> dict[str, list[str]]:
    assert REFERENCES.is_file(), f"no built references page at {REFERENCES}: run `make book`"
    page = REFERENCES.read_text(encoding="utf-8")
    labels: dict[str, list[str]] = {}
    for anchor, label in re.findall(r'<div class="citation" id="(ref-[^"]+)"[^>]*>\s*<span class="label">(.*?)</span></span>',
                                    page, re.S):
        labels.setdefault(anchor, []).append(text_of(label).strip("[]"))
    return labels


def test_reference_list_uses_the_books_labels_and_links_out(reference_labels):
    expected = {f"ref-{key}": reference.label for key, reference in citations.references().items()}
    listed = {anchor: labels[0] for anchor, labels in reference_labels.items()}
    assert listed, "no entries on the references page"
    for anchor, label in listed.items():
        assert label == expected[anchor], f"{anchor}: list label {label!r}, book label {expected[anchor]!r}"
    page = REFERENCES.read_text(encoding="utf-8")
    for anchor in listed:
        entry = page.split(f'id="{anchor}"', 1)[1].split('<div class="citation"', 1)[0]
        assert re.search(r'href="https://(arxiv\.org/abs/|doi\.org/|[^"]+)"', entry), f"{anchor} links nowhere"


def test_year_suffixes_in_the_reference_list_start_at_a(reference_labels):
    """'Gao et al. 2021b' only beside a listed 'Gao et al. 2021a': suffixes count the papers a reader sees."""
    listed = {labels[0] for labels in reference_labels.values()}
    missing = []
    for label in listed:
        found = re.fullmatch(r"(.*\d{4})([b-z])", label)
        if found:
            missing += [f"{label} without {found.group(1)}{letter}" for letter in "abcdefghijklmnopqrstuvwxyz"
                        if letter < found.group(2) and f"{found.group(1)}{letter}" not in listed]
    assert not missing, "; ".join(sorted(missing))


@pytest.mark.parametrize("path", PAGES)
def test_every_citation_resolves_to_exactly_one_reference(path, reference_labels):
    problems = []
    for anchor, inner in CITATION_LINK.findall(read(path)):
        shown = text_of(inner)
        labels = reference_labels.get(anchor, [])
        if len(labels) != 1:
            problems.append(f"{shown!r} -> #{anchor}: {len(labels)} entries")
        elif not labels[0].endswith(shown):
            problems.append(f"{shown!r} -> #{anchor}, whose label is {labels[0]!r}")
    assert not problems, f"{path}: " + "; ".join(problems)


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_ends_with_cite_this_chapter(path):
    page = read(path)
    assert 'id="cite-this-chapter"' in page and "@incollection{" in text_of(page), path
    assert re.search(r"version \d+\.\d+\.\d+, \d{4}-\d\d-\d\d", text_of(page)), "no version and date"
    assert not re.search(r"[?!.]\.”", text_of(page)), "the chapter's title is closed twice"


GLOSSARY = REFERENCES.with_name("glossary.html")


def glossary_terms() -> list[str]:
    """The terms of the glossary page, as its definition list shows them."""
    page = GLOSSARY.read_text(encoding="utf-8")
    return [text_of(term) for term in re.findall(r'<dt id="term-[^"]+">(.*?)<a class="headerlink"', page, re.S)]


def test_glossary_terms_are_in_the_index_and_linked_from_every_chapter():
    terms = glossary_terms()
    assert len(terms) >= 40, f"{GLOSSARY}: {len(terms)} terms"
    straight = str.maketrans("’", "'")  # the term list gets typographic quotes, the index does not
    index = text_of((HTML_DIR / "genindex.html").read_text(encoding="utf-8")).translate(straight)
    missing = [term for term in terms if term.translate(straight) not in index]
    assert not missing, f"terms missing from the general index: {missing}"
    unlinked = [path for path in CHAPTERS if "glossary.html#term-" not in read(path)]
    assert not unlinked, f"chapters that link no glossary term: {unlinked}"


def test_citation_file_is_downloadable():
    assert (HTML_DIR / "CITATION.cff").is_file()
    assert "cff-version" in (HTML_DIR / "CITATION.cff").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_no_large_inline_images(path):
    sizes = [len(data) * 3 // 4 for data in INLINE_IMAGE.findall(read(path))]
    assert all(size <= 100_000 for size in sizes), f"{path}: inline images of {max(sizes)} bytes (limit 100 kB)"


@pytest.mark.parametrize("path", PAGES)
def test_figures_name_their_data_and_files_exist(path):
    page = read(path)
    folder = (HTML_DIR / path).parent
    problems = []
    for block in re.findall(r'<div class="eb-figure".*?</p></div>', page, re.S):
        if "eb-figure-data" not in block:
            problems.append("a figure without its data line")
    for target in re.findall(r'(?:src|href)="((?:\.\./)+(?:data|figures)/[^"#]+)"', page):
        if not (folder / target).resolve().is_file():
            problems.append(f"missing file {target}")
    assert not problems, f"{path}: " + "; ".join(sorted(set(problems))[:10])


def test_icon_font_has_every_icon_the_pages_use():
    from fontTools.ttLib import TTFont

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
    import icon_font

    points = icon_font.icon_codepoints((HTML_DIR / icon_font.STYLESHEET).read_text(encoding="utf-8"))
    cmap = TTFont(HTML_DIR / icon_font.FONT).getBestCmap()
    used = {name for name in icon_font.used_icons(HTML_DIR) if name in points}
    assert used, "no icons found on the pages"
    missing = sorted(name for name in used if points[name] not in cmap)
    assert not missing, f"icons used on pages but cut from the font: {missing}"
