"""How a figure or a table names its data: the files (with download links), the kinds of their
values and the papers or repositories their ``source`` column cites (linked as the text cites)."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import citations, data

SITE_ROOT = "../../"  # every page that shows data is chapters/<chapter>/<page>
PAGE = "chapters/chapter/page"  # any page at that depth, for relative links


def source_links(sources: pd.Series) -> str:
    """The papers (linked, labelled as in the text) and repositories a column of sources names."""
    known = citations.references()
    keys, repos = [], []
    for source in sources.dropna().unique():
        first = str(source).split()[0].rstrip(",;:")
        if first in known:
            if first not in keys:
                keys.append(first)
        elif "@" in first and "/" in first.split("@")[0]:
            repo = first.split("@")[0]
            if repo not in repos:
                repos.append(repo)
    links = [citations.link_html(key, from_page=PAGE) for key in keys]
    links += [f"<code>{html.escape(repo)}</code>" for repo in repos]
    return ", ".join(links)


def data_line(data_files: dict[str, pd.DataFrame], prefix: str = "Data: ") -> str:
    """'Data: solve_rates.csv (136 values; kind table; from Wei et al. 2022b)' for each file;
    empty when there is none. ``data_files`` maps catalogue names to the rows actually shown."""
    pieces = []
    for name, rows in data_files.items():
        path = data.resource(name)["path"]
        kinds = ", ".join(sorted(rows["kind"].dropna().unique())) if "kind" in rows else ""
        sources = source_links(rows["source"]) if "source" in rows else ""
        details = [f"{len(rows)} value{'s' if len(rows) != 1 else ''}"] + ([f"kind {html.escape(kinds)}"] if kinds else [])
        details += [f"from {sources}"] if sources else []
        pieces.append(f'<a href="{SITE_ROOT}data/{path}" download>{html.escape(Path(path).name)}</a>'
                      f" ({'; '.join(details)})")
    return prefix + "; ".join(pieces) + "." if pieces else ""
