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


def locator(source: str) -> str:
    """'wei2022flan (arXiv 2109.01652v5), Sec. 4.2, p. 7' -> 'Sec. 4.2, p. 7': the place in the
    paper, without the citation key (the table cites the paper) or how it was read."""
    place = re.sub(r"^[a-z]+\d{4}[a-z0-9]*\s*(\([^)]*\))?\s*(v\d+)?\s*,?\s*", "", source.strip())
    return re.split(r";\s*read ", place, maxsplit=1)[0].strip(" ;,") or source


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

    def table(self, keys: list[str], caption: str, page: str = provenance.PAGE, what: dict[str, str] | None = None):
        """The claims ``keys`` as a table: what is measured, the value, the sentence, the paper.

        ``what`` names each claim in words (default: its model and setting)."""
        rows = self.rows.loc[keys].copy()
        rows["what"] = [what[k] if what and k in what else f"{r['model']}, {r['setting']}" for k, r in rows.iterrows()]
        rows["where"] = [f"{citations.label(r['paper'])}: {locator(r['source'])}" for _, r in rows.iterrows()]
        return tables.show(rows, {"what": "What",
                                  "value": tables.Column("Value", _value, missing="the sentence states no number"),
                                  "unit": tables.Column("Unit", missing="the sentence states no number"),
                                  "quote": tables.Column("The paper's sentence", "quote"),
                                  "where": "Where"},
                           caption=caption, page=page,
                           data={name: group for name, group in rows.groupby("resource")})
