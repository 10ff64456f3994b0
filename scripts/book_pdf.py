"""The whole book as one PDF, printed from the built site by Debian's Chromium (tests/browsing.py).

    python scripts/book_pdf.py        # after `make book`; writes _build/html/book.pdf

The chapters' articles are joined, in the order of the table of contents, into one print page that
sits at the chapters' depth of the site (so every figure, table and link resolves as on the site),
with a title page and a contents list; Chromium lays it out for A4 paper with the book's print
styles and prints it. Figure panels that load lazily on the site are loaded before printing.
"""

from __future__ import annotations

import html
import re
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import HTML_DIR, LOAD_ALL_IMAGES_JS, Site, text_of  # noqa: E402

PRINT_PAGE = "chapters/print/book.html"  # two folders below the root, like every chapter page
PDF = HTML_DIR / "book.pdf"
MARGIN_MM = 16
MARGIN = f"{MARGIN_MM}mm"
PRINTED_WIDTH_PX = round((210 - 2 * MARGIN_MM) / 25.4 * 96)  # A4 between the margins, in CSS px
PRINT_CSS = f"""
@page {{ size: A4; margin: {MARGIN}; }}
body {{ margin: 0; font-size: 10.5pt; }}
.eb-title {{ page-break-after: always; text-align: center; padding-top: 30%; }}
.eb-contents {{ page-break-after: always; }}
.eb-chapter {{ page-break-before: always; }}
details.hide, .cell_input, .toggle-details, .headerlink, .eb-controls, .eb-run {{ display: none !important; }}
.eb-explorer .eb-view {{ display: none !important; }}
.eb-explorer .eb-view:first-of-type {{ display: block !important; }}
.eb-table-scroll, .eb-table-scroll.eb-table-long {{ max-height: none !important; overflow: visible !important; }}
.eb-table {{ font-size: 8pt; }}
.eb-table q.eb-quote {{ min-width: 0; }}
.eb-panel {{ break-inside: avoid; }}
.eb-panel.eb-panel-scroll {{ overflow: visible; }}
.eb-panel.eb-panel-scroll img {{ max-width: 100% !important; }}  /* paper does not scroll: shrink */
figure, .eb-figure {{ break-inside: avoid-page; }}
pre {{ white-space: pre-wrap; }}
"""


def toc_pages() -> list[str]:
    """Every page of the table of contents, in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries:
            pages.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc["parts"]:
        walk(part["chapters"])
    return pages


def article(page: str) -> str:
    """The page's article, with links and sources rewritten for a page at the print page's depth."""
    html = (HTML_DIR / f"{page}.html").read_text(encoding="utf-8")
    body = re.search(r'<article class="bd-article">(.*?)</article>', html, re.S)
    if not body:
        raise ValueError(f"{page}.html has no article")
    content = body.group(1)
    depth = page.count("/")
    if depth != 2:  # the preface sits one folder up: its relative links need one more ../
        content = re.sub(r'((?:src|href)=")(?!https?:|#|data:|mailto:)', r"\g<1>" + "../" * (2 - depth), content)
    return content


def print_html(pages: list[str]) -> str:
    # The stylesheets of a chapter page (same depth as the print page), so everything looks as on the site.
    chapter = (HTML_DIR / "chapters" / "scale" / "index.html").read_text(encoding="utf-8")
    styles = "".join(re.findall(r'<link[^>]+rel="stylesheet"[^>]*>|<link href="[^"]+" rel="stylesheet"[^>]*>', chapter))
    articles = [article(page) for page in pages]
    titles = [re.search(r"<h1>(.*?)<a", content, re.S) for content in articles]
    contents = "".join(f"<li>{html.escape(text_of(t.group(1)))}</li>" for t in titles if t)
    chapters = "".join(f'<section class="eb-chapter">{content}</section>' for content in articles)
    return (f'<!DOCTYPE html><html lang="en" data-theme="light"><head><meta charset="utf-8">'
            f"<title>Emergent Abilities of LLMs: an executable survey</title>{styles}<style>{PRINT_CSS}</style></head>"
            f'<body><div class="bd-article"><div class="eb-title"><h1>Emergent Abilities of LLMs</h1>'
            f"<p>an executable survey</p><p>Printed from the book's site on {date.today().isoformat()}</p></div>"
            f'<div class="eb-contents"><h2>Contents</h2><ol>{contents}</ol></div>{chapters}</div></body></html>')


OVERFLOW_JS = """
() => Array.from(document.querySelectorAll('.bd-article *'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(e => !e.closest('.eb-table-scroll'))
  .slice(0, 20).map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 60)}`)
"""


def main() -> None:
    target = HTML_DIR / PRINT_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(print_html(toc_pages()), encoding="utf-8")
    problems: dict = {}
    with Site() as site:
        context = site.browser.new_context(viewport={"width": PRINTED_WIDTH_PX, "height": 1100})
        page = context.new_page()
        page.goto(site.server.url(PRINT_PAGE), wait_until="load", timeout=180_000)
        page.emulate_media(media="print")
        problems["broken images"] = page.evaluate(LOAD_ALL_IMAGES_JS)  # the images print media shows
        problems["overflowing"] = page.evaluate(OVERFLOW_JS)
        page.pdf(path=str(PDF), format="A4", print_background=True, prefer_css_page_size=True,
                 display_header_footer=True, header_template="<span></span>",
                 footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                 '<span class="pageNumber"></span></div>',
                 margin={"top": MARGIN, "bottom": MARGIN, "left": MARGIN, "right": MARGIN})
        context.close()
    for what, found in problems.items():
        if found:
            raise SystemExit(f"book.pdf: {what}: {found}")
    print(f"wrote {PDF}")  # BOOK_HTML_DIR may lie outside the repository


if __name__ == "__main__":
    main()
