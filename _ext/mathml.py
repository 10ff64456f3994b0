"""Math as MathML written at build time: no script and no web font on any page.

Browsers render MathML natively, so a page with a formula weighs what its text weighs (MathJax
alone was 1.2 MB). latex2mathml covers the LaTeX the book uses; anything it cannot convert fails
the build with the formula and the page named.
"""

from __future__ import annotations

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.errors import ExtensionError


def _mathml(self, node, display: bool) -> str:
    latex = node.astext()
    try:
        return convert(latex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises several exception types
        raise ExtensionError(f"{self.builder.current_docname}: cannot convert math {latex!r}: {error}") from error


def visit_inline(self, node):
    self.body.append(f'<span class="math notranslate">{_mathml(self, node, display=False)}</span>')
    raise nodes.SkipNode


def visit_block(self, node):
    self.body.append(f'<div class="math notranslate">{_mathml(self, node, display=True)}</div>')
    raise nodes.SkipNode


def setup(app):
    app.add_html_math_renderer("mathml", (visit_inline, None), (visit_block, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
