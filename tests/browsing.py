"""Open the built book's pages in Debian's Chromium as a reader would: the code that the browser
tests and ``make screenshots`` share.

``Site`` serves a built HTML folder on 127.0.0.1 and drives one headless Chromium through
Playwright (never a downloaded browser). ``Site.visit(path, width, mode)`` loads a page at a
viewport width in the light or dark theme, then fetches every lazily loaded image (as scrolling to
the end would), and returns a ``Visit`` with what a reader's browser saw: console errors, failed and
external requests, bytes transferred, images, figure text sizes, horizontal overflow, the theme's
background colour, math, the article's text, and optionally a full-page screenshot. Also the page
list, page-weight budgets and HTML-to-text that the site tests and scripts share.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from site_server import SiteServer

REPO = Path(__file__).resolve().parents[1]
HTML_DIR = Path(os.environ.get("BOOK_HTML_DIR", REPO / "_build" / "html")).resolve()
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google's hosts.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about", "javascript"}
NON_PAGE_DIRS = {"_static", "_sources", "_images", "_downloads", ".doctrees", "data", "figures"}
WIDTHS = (390, 1400)
MODES = ("light", "dark")
PAGE_TIMEOUT_MS = 30_000


PRINT_DIR = "chapters/print"  # scripts/book_pdf.py's page, printed to book.pdf, not read on screen


REFRESH = re.compile(r'<meta http-equiv="refresh"', re.I)  # a page that only sends the reader on


def pages(html_dir: Path = HTML_DIR) -> list[str]:
    """Every page of the built site, relative to its root."""
    return sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")
                  if p.relative_to(html_dir).parts[0] not in NON_PAGE_DIRS
                  and not p.relative_to(html_dir).as_posix().startswith(PRINT_DIR))


def built_pages(html_dir: Path = HTML_DIR) -> list[str]:
    """``pages()`` of a built book, else none (tests/test_build.py then fails: the book is not built)."""
    return pages(html_dir) if (html_dir / "index.html").is_file() else []


def text_of(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


# Bytes a page may transfer to open (Visit.bytes_at_load); explorers carry every view's panels.
CHAPTER_BUDGET = 1_500_000
EXPLORER_BUDGET = 3_000_000


def budget(path: str) -> int:
    return EXPLORER_BUDGET if path.endswith("explorer.html") else CHAPTER_BUDGET


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or (parsed.hostname or "") in LOCAL_HOSTS


@dataclass
class Visit:
    path: str
    width: int
    mode: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    bytes_by_url: dict[str, int] = field(default_factory=dict)
    bytes_at_load: int = 0  # at the load event + 100 ms, before the reader scrolls (lazy images not yet fetched)
    facts: dict = field(default_factory=dict)
    layouts: dict = field(default_factory=dict)  # (width, mode) -> facts, from the same loaded page

    @property
    def total_bytes(self) -> int:
        """Everything the page fetched once the reader has scrolled to its end."""
        return sum(self.bytes_by_url.values())


# Everything the tests ask of a loaded page, in one round trip.
FACTS_JS = r"""
() => {
  const article = document.querySelector('article.bd-article') || document.body;
  const images = Array.from(article.querySelectorAll('img')).map(img => ({
    src: (img.currentSrc || img.src || '').replace(location.origin, ''),
    alt: img.getAttribute('alt'),
    loaded: img.complete && img.naturalWidth > 0,
    visible: img.checkVisibility ? img.checkVisibility() : img.offsetParent !== null,
    renderedWidth: img.getBoundingClientRect().width,
    declaredWidth: Number(img.getAttribute('width')) || 0,
    minFontPx: img.hasAttribute('data-min-font-px') ? Number(img.getAttribute('data-min-font-px')) : null,
  }));
  const text = article.cloneNode(true);
  text.querySelectorAll('pre, code, .highlight, script, style, math').forEach(e => e.remove());
  const maths = Array.from(article.querySelectorAll('.math'));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    background: getComputedStyle(document.body).backgroundColor,
    images: images,
    text: text.textContent,
    math: {elements: maths.length, mathml: article.querySelectorAll('.math math').length,
           errors: article.querySelectorAll('merror').length},
  };
}
"""

# At another width and theme only the layout can change: no need to read the text again.
LAYOUT_JS = """
() => {
  const article = document.querySelector('article.bd-article') || document.body;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    background: getComputedStyle(document.body).backgroundColor,
    images: Array.from(article.querySelectorAll('img')).map(img => ({
      src: (img.currentSrc || img.src || '').replace(location.origin, ''),
      visible: img.checkVisibility ? img.checkVisibility() : img.offsetParent !== null,
      renderedWidth: img.getBoundingClientRect().width,
      declaredWidth: Number(img.getAttribute('width')) || 0,
      minFontPx: img.hasAttribute('data-min-font-px') ? Number(img.getAttribute('data-min-font-px')) : null,
    })),
  };
}
"""

THEME_JS = """
mode => { localStorage.setItem('mode', mode); localStorage.setItem('theme', mode);
          document.documentElement.dataset.mode = mode; document.documentElement.dataset.theme = mode; }
"""

LOAD_ALL_IMAGES_JS = """
async () => {
  // What scrolling to the end would fetch: every image the page shows, lazily loaded ones included.
  const images = Array.from(document.images).filter(i => i.checkVisibility ? i.checkVisibility() : true);
  images.forEach(img => { img.loading = 'eager'; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(res => {
    img.addEventListener('load', res, {once: true}); img.addEventListener('error', res, {once: true});
    setTimeout(res, 5000);
  })));
  return images.filter(img => !img.naturalWidth).map(img => img.src);  // shown but not loaded
}
"""


class Site:
    """A served build and a headless Chromium; use as a context manager."""

    def __init__(self, html_dir: Path = HTML_DIR, chromium: str = CHROMIUM):
        self.html_dir, self.chromium = Path(html_dir), chromium

    def __enter__(self) -> Site:
        if not (self.html_dir / "index.html").is_file():
            raise RuntimeError(f"No built book at {self.html_dir}: run `make book` first.")
        if not Path(self.chromium).is_file():
            raise RuntimeError(f"Chromium not found at {self.chromium}: install Debian's browser with "
                               "`apt-get install -y chromium` (never `playwright install`).")
        from playwright.sync_api import sync_playwright
        self.server = SiteServer(self.html_dir).start()
        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=self.chromium, args=CHROMIUM_ARGS)
        return self

    def __exit__(self, *exc) -> None:
        self.browser.close()
        self._playwright.stop()
        self.server.stop()

    def visit(self, path: str, width: int = 1400, mode: str = "light", screenshot: Path | None = None,
              actions=None, layouts: list[tuple[int, str]] = ()) -> Visit:
        """Load ``path`` as a reader would; ``actions(page, visit)`` may do more before closing.
        For each (width, mode) of ``layouts`` the loaded page is then resized and switched to that
        theme (as the theme's switch does), and its facts recorded in ``visit.layouts``."""
        visit = Visit(path, width, mode)
        context = self.browser.new_context(viewport={"width": width, "height": 900}, color_scheme=mode)
        # The theme keeps the reader's choice in localStorage; set it before any script runs.
        context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
        context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
        try:
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
            page.on("request", lambda r: None if is_local(r.url) else visit.external_requests.append(r.url))
            page.on("requestfailed", lambda r: visit.failed_requests.append(f"{r.failure} {r.url}"))

            def on_response(response):
                if response.status >= 400:
                    visit.failed_requests.append(f"HTTP {response.status} {response.url}")
                try:
                    visit.bytes_by_url[response.url] = len(response.body())
                except Exception:  # a redirect or an aborted request has no body
                    pass

            page.on("response", on_response)
            start = self.server.url(path)
            page.goto(start, wait_until="load")
            if REFRESH.search((self.html_dir / path).read_text(encoding="utf-8")):  # the site's index.html
                page.wait_for_url(lambda url: url.split("#")[0] != start)
                page.wait_for_load_state("load")
            page.wait_for_timeout(100)  # responses of the load still being read
            visit.bytes_at_load = visit.total_bytes
            page.evaluate(LOAD_ALL_IMAGES_JS)
            page.wait_for_timeout(50)
            visit.facts = page.evaluate(FACTS_JS)
            visit.layouts[(width, mode)] = visit.facts
            for other_width, other_mode in layouts:
                page.set_viewport_size({"width": other_width, "height": 900})
                page.evaluate(THEME_JS, other_mode)
                page.wait_for_timeout(50)
                visit.layouts[(other_width, other_mode)] = page.evaluate(LAYOUT_JS)
            if layouts:
                page.set_viewport_size({"width": width, "height": 900})
                page.evaluate(THEME_JS, mode)
            if actions:
                actions(page, visit)
            if screenshot:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            context.close()
        return visit
