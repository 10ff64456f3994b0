"""Author-year citations that tell papers apart, the same in the text and in the reference list.

Labels come from ``emergent_survey.citations`` ("Wei et al. 2022a"), which also writes the copy of
references.bib that sphinxcontrib-bibtex reads here (years with their suffix, a url on every
entry, the label in a ``booklabel`` field). This extension registers three styles: the list's labels, the list's
order (by label) and the in-text form, "(Wei et al. 2022a)" and "Wei et al. (2022a)".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pybtex.plugin import register_plugin as register_pybtex_plugin
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from emergent_survey import citations

GENERATED_BIB = Path("_build") / ".generated" / "references.bib"


class BookLabelStyle(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield entry.fields["booklabel"]


class BookSortingStyle(BaseSortingStyle):
    def sorting_key(self, entry):
        return entry.fields["booklabel"].lower(), entry.fields.get("title", "").lower()


class BookStyle(UnsrtStyle):
    default_label_style = BookLabelStyle
    default_sorting_style = BookSortingStyle


@dataclass
class BookPersonStyle(PersonStyle):
    """The author part of a citation is the label's ("Wei et al."), so text and list agree for
    every entry (organisations, "and others")."""

    def author_or_editor_or_title(self, full: bool):
        return bib_field("labelauthors")


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class BookReferenceStyle(AuthorYearReferenceStyle):
    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)
    person: PersonStyle = field(default_factory=BookPersonStyle)
    author_year_sep: str = " "


def _write_bibliography(app, config) -> None:
    citations.bibliography_for_sphinx(Path(app.confdir) / "references.bib", Path(app.confdir) / GENERATED_BIB)
    config.bibtex_bibfiles = [GENERATED_BIB.as_posix()]


def setup(app):
    register_pybtex_plugin("pybtex.style.labels", "book", BookLabelStyle)
    register_pybtex_plugin("pybtex.style.sorting", "book", BookSortingStyle)
    register_pybtex_plugin("pybtex.style.formatting", "book", BookStyle)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "book", BookReferenceStyle)
    app.connect("config-inited", _write_bibliography, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
