"""Numbers that papers state in their text (kind ``text``), each with the sentence that states it.

Claims files (``data/literature/text_claims.csv`` and each source's ``claims.csv``) have one row
per stated number: a claim id, the paper's citation key, the value and its unit, and the quoted
sentence. ``Claims`` looks them up by id for the prose and shows a selection as a table with each
sentence in full and the paper cited as the text cites it.
"""

from __future__ import annotations

import re

import pandas as pd

from . import citations, data, provenance, tables


CITATION_KEY = re.compile(r"^[a-z]+\d{4}[a-z0-9]*")


def locator(source: str) -> str:
    """'wei2022flan (arXiv 2109.01652v5), Sec. 4.2, p. 7' -> 'Sec. 4.2, p. 7': the place in the
    paper, without the citation key (the table cites the paper), the publication details in
    parentheses (which may nest: 'PLOS Digital Health 2(2)') or how it was read. Empty when the
    source names no place inside the work."""
    place = source.strip()
    key = CITATION_KEY.match(place)
    if key:
        place = place[key.end():].lstrip()
        if place.startswith("("):
            depth = 0
            for end, char in enumerate(place):
                depth += {"(": 1, ")": -1}.get(char, 0)
                if depth == 0:
                    place = place[end + 1:]
                    break
        place = re.sub(r"^\s*(v\d+)?\s*,?\s*", "", place)
    return re.split(r";\s*read ", place, maxsplit=1)[0].strip(" ;,")


def where(paper: str, source: str) -> str:
    """'Wei et al. 2022c: Sec. 4.2, p. 7', or only the paper when the source names no place in it."""
    place = locator(source)
    return f"{citations.label(paper)}: {place}" if place else citations.label(paper)


def _value(value: float) -> str | None:
    """As the paper prints it: 90.3, 22.5, 100 (no trailing .0), 0.08 (more decimals where the
    paper prints them; one decimal would round them away); None for a statement without a number."""
    if value is None or value is pd.NA or value != value:
        return None
    if round(value, 1) != value:
        return f"{value:g}"
    return f"{value:.1f}".removesuffix(".0")


class Claims:
    """The claims of one or more catalogue resources, indexed by claim id."""

    def __init__(self, *resources: str):
        frames = [data.load(name).assign(resource=name) for name in resources or ("text_claims",)]
        self.rows = pd.concat(frames, ignore_index=True)
        twice = self.rows.loc[self.rows["claim"].duplicated(), "claim"].tolist()
        if twice:
            raise ValueError(f"claim ids defined twice in {resources}: {twice}")
        self.rows = self.rows.set_index("claim", drop=False)

    def value(self, key: str) -> float:
        if key not in self.rows.index:
            raise KeyError(f"no claim {key!r} in {sorted(set(self.rows['resource']))}")
        return float(self.rows.loc[key, "value"])

    def text(self, key: str, digits: int = 1) -> str:
        """The value as the prose shows it: ``digits`` decimals."""
        return f"{self.value(key):.{digits}f}"

    def table(self, keys: list[str], caption: str, page: str = provenance.PAGE, what: dict[str, str] | None = None,
              value_format=None):
        """The claims ``keys`` as a table: what is measured, the value, the sentence, the paper.

        ``what`` names each claim in words (default: its model and setting); ``value_format``
        formats a value (default: as the paper prints it)."""
        rows = self.rows.loc[keys].copy()
        rows["what"] = [what[k] if what and k in what else f"{r['model']}, {r['setting']}" for k, r in rows.iterrows()]
        rows["where"] = [where(r["paper"], r["source"]) for _, r in rows.iterrows()]
        return tables.show(rows, {"what": "What",
                                  "value": tables.Column("Value", value_format or _value,
                                                         missing="the sentence states no number"),
                                  "unit": tables.Column("Unit", missing="the sentence states no number"),
                                  "quote": tables.Column("The paper's sentence", "quote"),
                                  "where": "Where"},
                           caption=caption, page=page,
                           data={name: group for name, group in rows.groupby("resource")})
