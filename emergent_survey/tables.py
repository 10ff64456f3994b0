"""The one way a table reaches a page: formatted numbers, missing values with their reason, a
caption and a source note.

    tables.show(frame, {"model": "Model", "value": tables.Column("Solve rate (%)", "percent")},
                caption="...", data={"cot_solve_rates": frame})

Numbers are formatted as in the prose (``prose``: 2.3 × 10²² FLOPs, 175B, one decimal for
percentages, signed points), a missing value is "—" with a footnote giving the column's reason,
there is no index column, and column names are words. Wide tables scroll inside their own box with
the first column pinned; long ones scroll vertically under a pinned header. Output is plain,
deterministic HTML, so re-running a notebook reproduces it byte for byte.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML

from . import citations, prose, provenance

LONG_TABLE_ROWS = 15
DEFAULT_MISSING = "not reported by the source"


def _number(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _infinite(value: float) -> str | None:
    return ("∞" if value > 0 else "−∞") if math.isinf(value) else None


FORMATS: dict[str, Callable[[float], str]] = {
    "percent": lambda v: _infinite(v) or f"{v:.1f}",
    "points": lambda v: _infinite(v) or prose.points(v),
    "flops": lambda v: _infinite(v) or prose.scientific(v),
    "params": lambda v: prose.parameters(v),
    "int": lambda v: _infinite(v) or f"{v:,.0f}",
    "decimal1": lambda v: _infinite(v) or f"{v:.1f}",
    "decimal2": lambda v: _infinite(v) or f"{v:.2f}",
    "decimal3": lambda v: _infinite(v) or f"{v:.3f}",
    "signed2": lambda v: _infinite(v) or f"{v:+.2f}",  # e.g. a rank correlation
}
NUMERIC = set(FORMATS)


@dataclass(frozen=True)
class Column:
    """How one column is shown: its header in words, its format and why a value may be missing.

    ``format`` is a key of FORMATS, "text", "quote" (a sentence shown in full), "citation" (a
    references.bib key, shown as the text cites it), "html" (markup the notebook built, such as a
    download link; shown as is) or a function of the value."""
    label: str
    format: str | Callable = "text"
    missing: str = DEFAULT_MISSING


def _cell(value, column: Column, page: str) -> str | None:
    """The cell's HTML, or None for a missing value."""
    if callable(column.format):
        shown = column.format(value)
        return None if shown is None else html.escape(str(shown))
    if column.format in NUMERIC:
        number = _number(value)
        return None if number is None else html.escape(FORMATS[column.format](number))
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or str(value) == "":
        return None
    if column.format == "citation":
        return citations.link_html(str(value), from_page=page)
    if column.format == "html":
        return str(value)
    if column.format == "quote":
        return f'<q class="eb-quote">{html.escape(str(value))}</q>'
    return html.escape(str(value))


def table_html(frame: pd.DataFrame, columns: dict[str, Column | str], *, caption: str,
               source: str = "", data: dict[str, pd.DataFrame] | None = None, notes: list[str] | tuple = (),
               page: str = provenance.PAGE) -> str:
    """The table as an HTML fragment (see the module docstring). ``columns`` maps frame columns to
    their Column (or just a header); frame columns not named are left out. ``source`` is HTML
    (e.g. a citation link); ``data`` maps catalogue names to the rows shown, for the data line."""
    specs = {name: spec if isinstance(spec, Column) else Column(spec) for name, spec in columns.items()}
    missing_columns = [name for name in specs if name not in frame.columns]
    if missing_columns:
        raise KeyError(f"table '{caption}': no column {missing_columns} in the frame ({list(frame.columns)})")
    reasons: list[str] = []
    head = "".join(f'<th scope="col"{_align(spec)}>{html.escape(spec.label)}</th>' for spec in specs.values())
    body = []
    for _, row in frame.iterrows():
        cells = []
        for i, (name, spec) in enumerate(specs.items()):
            content = _cell(row[name], spec, page)
            if content is None:
                if spec.missing not in reasons:
                    reasons.append(spec.missing)
                mark = "abcdefghijklmnopqrstuvwxyz"[reasons.index(spec.missing)]
                content = f'—<sup class="eb-note-mark">{mark}</sup>'
            tag = "th" if i == 0 else "td"
            scope = ' scope="row"' if i == 0 else ""
            cells.append(f"<{tag}{scope}{_align(spec)}>{content}</{tag}>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    footnotes = [f'<li><sup class="eb-note-mark">{"abcdefghijklmnopqrstuvwxyz"[i]}</sup> — {html.escape(reason)}</li>'
                 for i, reason in enumerate(reasons)]
    footnotes += [f"<li>{note}</li>" for note in notes]
    long = " eb-table-long" if len(frame) > LONG_TABLE_ROWS else ""
    parts = [
        f'<div class="eb-table-block"><div class="eb-table-scroll{long}" tabindex="0" role="region" '
        f'aria-label="{html.escape(caption)}">',
        f'<table class="eb-table"><caption>{html.escape(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>",
    ]
    if footnotes:
        parts.append(f'<ul class="eb-table-notes">{"".join(footnotes)}</ul>')
    provenance_text = " ".join(filter(None, [f"Source: {source}." if source else "",
                                             provenance.data_line(data or {})]))
    if provenance_text:
        parts.append(f'<p class="eb-table-source">{provenance_text}</p>')
    parts.append("</div>")
    return "".join(parts)


def _align(spec: Column) -> str:
    return ' class="eb-num"' if isinstance(spec.format, str) and spec.format in NUMERIC else ""


class Table(HTML):
    """A published table: shows as HTML on the page, as its caption in a plain-text view."""

    def __init__(self, content: str, caption: str):
        super().__init__(content)
        self.caption = caption

    def __repr__(self) -> str:
        return f"Table: {self.caption}"


def show(frame: pd.DataFrame, columns: dict[str, Column | str], *, caption: str, **options) -> Table:
    """The table for a notebook cell's output (see ``table_html`` for the options)."""
    return Table(table_html(frame, columns, caption=caption, **options), caption)
