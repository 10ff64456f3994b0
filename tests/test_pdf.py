"""The whole-book PDF (`make pdf`, scripts/book_pdf.py): every page of the table of contents and
every numbered figure of the HTML book is in it, its pages are A4, and no text runs off a page."""

import re
import sys
from pathlib import Path

import pypdfium2
import pytest
from browsing import HTML_DIR, text_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import book_pdf  # noqa: E402

PDF = HTML_DIR / "book.pdf"
A4_POINTS = (595.3, 841.9)


@pytest.fixture(scope="module")
def book():
    if not PDF.is_file():
        pytest.fail(f"no {PDF}: run `make pdf` (after `make book`)", pytrace=False)
    document = pypdfium2.PdfDocument(str(PDF))
    yield document
    document.close()


@pytest.fixture(scope="module")
def text(book) -> str:
    pages = []
    for page in book:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
        page.close()
    return re.sub(r"\s+", " ", "\n".join(pages))


def html_figure_numbers() -> set[str]:
    numbers = set()
    for html in (HTML_DIR / "chapters").rglob("*.html"):
        if "print" in html.parts:
            continue
        numbers |= set(re.findall(r'<span class="caption-number">(Fig\. [\d.]+)', html.read_text(encoding="utf-8")))
    return numbers


def test_page_count_and_size(book):
    assert 50 <= len(book) <= 2000, f"{len(book)} pages"
    for index in range(len(book)):
        width, height = book[index].get_size()
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1, f"page {index + 1} is {width} x {height} pt"


def test_every_figure_of_the_site_is_in_the_pdf(text):
    numbers = html_figure_numbers()
    assert len(numbers) > 20
    missing = sorted(n for n in numbers if f"{n} " not in text)
    assert not missing, f"figures in the HTML book but not in the PDF: {missing}"


def test_every_page_of_the_contents_is_in_the_pdf(text):
    pages = book_pdf.toc_pages()
    assert len(pages) > 10
    for page in pages:
        title = re.search(r"<h1>(.*?)<a", book_pdf.article(page), re.S)  # as book_pdf's contents list finds it
        assert title, f"{page}.html: no page heading found"
        heading = text_of(title.group(1))
        assert heading in text, f"{page}: heading {heading!r} is not in the PDF"


def test_no_text_runs_off_a_page(book):
    for index in range(len(book)):
        page = book[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        for char in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(char)
            assert -1 <= left and right <= width + 1, f"page {index + 1}: text beyond the page's edge"
        textpage.close()
