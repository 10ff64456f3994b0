"""Citation labels and links: one author-year label per reference, the same in the text, in tables
and in the reference list.

The label is the first author's surname ("Wei et al." for three or more authors, "A and B" for
two; an ``organization`` where there is no author) and the year, with a suffix where one author
label has several papers in a year ("Wei et al. 2022a", "2022b"): the entries' ``yearsuffix``
fields where all of them give one (the book fixes Wei et al. 2022a/b/c this way), else a, b, c in
the order of the citation keys. Two entries with one label are an error. ``bibliography_for_sphinx`` writes the
copy of references.bib that the site's reference list is built from: the year carries its
suffix, every entry has a ``url`` (DOI, else arXiv abstract page) and its label in ``booklabel``.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

import latexcodec  # noqa: F401  (registers the "latex" codec used to decode names)
from pybtex.database import Entry, Person, parse_file

from .data import ROOT

BIB_FILE = ROOT / "references.bib"
REFERENCES_PAGE = "chapters/appendix/references"
ANCHOR_PREFIX = "ref-"  # the site's anchor of an entry is "ref-<key>" (bibtex_cite_id)


class CitationError(ValueError):
    """A bibliography entry cannot be labelled or linked."""


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str  # "Wei et al."
    year: str  # "2022a"
    title: str
    url: str

    @property
    def label(self) -> str:
        return f"{self.authors} {self.year}"


def _plain(text: str) -> str:
    """LaTeX-encoded BibTeX text as plain Unicode, without grouping braces."""
    decoded = text.encode("utf-8").decode("latex") if "\\" in text else text
    return re.sub(r"[{}]", "", decoded).strip()


def _authors(entry: Entry, key: str) -> str:
    persons = entry.persons.get("author") or entry.persons.get("editor")
    if not persons and entry.fields.get("organization"):
        return _plain(entry.fields["organization"])
    if not persons:
        raise CitationError(f"references.bib entry {key!r} has no author or editor")
    surnames = [_plain(" ".join(p.prelast_names + p.last_names)) for p in persons]
    if len(surnames) > 1 and surnames[-1] == "others":  # BibTeX's "and others": more authors
        return f"{surnames[0]} et al."
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} and {surnames[1]}"
    return f"{surnames[0]} et al."


def _url(entry: Entry, key: str) -> str:
    fields = entry.fields
    if fields.get("doi"):
        return f"https://doi.org/{fields['doi']}"
    eprint = fields.get("eprint", "")
    if eprint and fields.get("archiveprefix", "arXiv").lower() == "arxiv":
        return f"https://arxiv.org/abs/{eprint}"
    if fields.get("url"):
        return fields["url"]
    web = re.search(r"\\url\{([^}]+)\}", fields.get("howpublished", ""))
    if web:
        return web.group(1)
    raise CitationError(f"references.bib entry {key!r} has no doi, arXiv eprint or url: a reader cannot find it")


@functools.lru_cache(maxsize=None)
def _references(path: str, modified: float) -> dict[str, Reference]:
    database = parse_file(path, bib_format="bibtex")
    groups: dict[tuple[str, str], list[str]] = {}
    for key, entry in database.entries.items():
        year = entry.fields.get("year", "")
        if not year:
            raise CitationError(f"references.bib entry {key!r} has no year")
        groups.setdefault((_authors(entry, key), year), []).append(key)
    suffixes = {}
    for (authors, year), keys in groups.items():
        given = {key: database.entries[key].fields.get("yearsuffix", "") for key in keys}
        if len(keys) == 1 or all(given.values()):
            suffixes.update(given)
        elif any(given.values()):
            raise CitationError(f"references.bib: {authors} {year} has several entries and only some give a "
                                f"yearsuffix: {sorted(keys)} (give all or none)")
        else:  # a, b, c... in the order of the citation keys, as author-year styles do
            suffixes.update({key: "abcdefghijklmnopqrstuvwxyz"[i] for i, key in enumerate(sorted(keys))})
    references = {}
    for key, entry in database.entries.items():
        references[key] = Reference(key=key, authors=_authors(entry, key),
                                    year=entry.fields["year"] + suffixes[key],
                                    title=_plain(entry.fields.get("title", "")), url=_url(entry, key))
    by_label: dict[str, list[str]] = {}
    for reference in references.values():
        by_label.setdefault(reference.label, []).append(reference.key)
    clashes = {label: keys for label, keys in by_label.items() if len(keys) > 1}
    if clashes:
        detail = "; ".join(f"{label!r}: {', '.join(keys)}" for label, keys in sorted(clashes.items()))
        raise CitationError(f"references.bib: entries share a label: {detail}")
    return references


def references(path: Path | str = BIB_FILE) -> dict[str, Reference]:
    """Every entry of references.bib, labelled and linked, by citation key."""
    return _references(str(path), Path(path).stat().st_mtime_ns)


def reference(key: str) -> Reference:
    try:
        return references()[key]
    except KeyError:
        raise CitationError(f"no entry {key!r} in references.bib") from None


def label(key: str) -> str:
    """'Wei et al. 2022a' for key 'wei2022emergent'."""
    return reference(key).label


def link_html(key: str, from_page: str = "chapters/chapter/page") -> str:
    """An HTML link from the page ``from_page`` (by default any chapter page, which all sit two
    folders below the site's root) to the entry in the reference list, labelled as the text
    labels it."""
    depth = from_page.count("/")
    href = "../" * depth + f"{REFERENCES_PAGE}.html#{ANCHOR_PREFIX}{key}"
    return f'<a class="reference internal" href="{href}">{html.escape(label(key))}</a>'


def source_note(key: str, where: str = "", from_page: str = "chapters/chapter/page") -> str:
    """A table's or figure's source note: the paper linked as the text cites it, then where in it."""
    return f"{link_html(key, from_page)} {where}".strip()


LINK = re.compile(r"references\.html#" + ANCHOR_PREFIX + r"([\w-]+)")


def linked_keys(root: Path = ROOT) -> set[str]:
    """Keys that notebooks link to from their outputs (tables, data lines), not with a cite role:
    the reference list must hold them too."""
    keys: set[str] = set()
    for notebook in (root / "chapters").rglob("*.ipynb"):
        keys |= set(LINK.findall(notebook.read_text(encoding="utf-8")))
    return keys


def bibliography_for_sphinx(source: Path | str, target: Path | str) -> Path:
    """Write ``target``: references.bib with suffixed years, a url and the label (and its author
    part, ``labelauthors``) on every entry, and
    ``linked = {yes}`` on those a notebook links to (the reference list shows them, as it shows
    the cited ones)."""
    database = parse_file(str(source), bib_format="bibtex")
    labelled = references(source)
    linked = linked_keys(Path(source).parent)
    for key, entry in database.entries.items():
        if not (entry.persons.get("author") or entry.persons.get("editor")) and entry.fields.get("organization"):
            # The organization is the author, as the label says (else the text would show the title).
            entry.persons["author"] = [Person(string="{" + entry.fields["organization"] + "}")]
        entry.fields["year"] = labelled[key].year
        entry.fields.pop("yearsuffix", None)
        entry.fields["url"] = labelled[key].url
        entry.fields["booklabel"] = labelled[key].label
        entry.fields["labelauthors"] = labelled[key].authors
        entry.fields["linked"] = "yes" if key in linked else "no"
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = database.to_string("bibtex")
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")  # unchanged file: Sphinx need not re-read
    return target
