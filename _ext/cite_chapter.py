"""End every chapter with "Cite this chapter": BibTeX and plain text, with the book's version (from
CITATION.cff) and the date and commit of the build (from git)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import yaml
from docutils import nodes

CHAPTERS = "chapters/"
NOT_CHAPTERS = ("chapters/appendix/", "chapters/preface")


@functools.lru_cache(maxsize=None)  # one git call per build, not one per chapter
def _edition(root: Path) -> dict[str, str]:
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    edition = {"title": cff["title"], "version": str(cff["version"]), "date": str(cff["date-released"]),
               "authors": " and ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}"
                                       for a in cff["authors"]), "commit": ""}
    try:
        date, commit = subprocess.run(["git", "log", "-1", "--format=%cs %h"], cwd=root, capture_output=True,
                                      text=True, check=True, timeout=10).stdout.split()
        edition.update(date=date, commit=commit)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass  # not a git checkout: the release date of CITATION.cff stands
    return edition


def _is_chapter(docname: str) -> bool:
    return docname.startswith(CHAPTERS) and not docname.startswith(NOT_CHAPTERS) and not docname.endswith("explorer")


def add_citation_section(app, doctree) -> None:
    docname = app.env.docname
    if not _is_chapter(docname):
        return
    title = next(iter(doctree.findall(nodes.title)), None)
    chapter = title.astext() if title else docname
    edition = _edition(Path(app.srcdir))
    build = f"version {edition['version']}, {edition['date']}" + (f", commit {edition['commit']}" if edition["commit"] else "")
    key = "emergentbook-" + docname.split("/")[1].replace("_", "")
    bibtex = "\n".join([
        f"@incollection{{{key},",
        f"  title     = {{{chapter}}},",
        f"  booktitle = {{{edition['title']}}},",
        f"  author    = {{{edition['authors']}}},",
        f"  year      = {{{edition['date'][:4]}}},",
        f"  edition   = {{{edition['version']}}},",
        f"  note      = {{{build}}}",
        "}",
    ])
    closed = chapter if chapter[-1:] in "?!." else f"{chapter}."  # a question keeps its own mark
    plain = f"{edition['authors']} ({edition['date'][:4]}). “{closed}” In {edition['title']}, {build}."
    # A rubric, not a section: the chapter's numbered sections stay the chapter's own.
    section = nodes.container(ids=["cite-this-chapter"], classes=["eb-cite"])
    section += nodes.rubric(text="Cite this chapter")
    section += nodes.paragraph(text=plain)
    section += nodes.literal_block(bibtex, bibtex, language="bibtex")
    cff = nodes.paragraph()
    cff += nodes.Text("The whole book: ")
    cff += nodes.reference("", "CITATION.cff", refuri="../../CITATION.cff")
    cff += nodes.Text(". Cite the original papers for their results.")
    section += cff
    top = next(iter(doctree.findall(nodes.section)), None)
    (top if top is not None else doctree).append(section)


def setup(app):
    app.connect("doctree-read", add_citation_section)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
