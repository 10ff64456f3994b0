"""The ``overlay`` directive: a read-out verification figure (figures/verification/<name>.json and
its panel PNGs, written by ``make data``) shown panel by panel in the book's reflowing grid, with a
numbered caption.

    ```{overlay} figure2_wei2022emergent
    :name: fig-verify-wei-figure2

    Caption text.
    ```
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective


VERIFICATION = Path("figures") / "verification"


class OverlayDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {"name": directives.unchanged}

    def run(self):
        # Imported here: matplotlib would otherwise load on every build, even with nothing to read.
        from emergent_survey.figure import grid_html, panel_html

        manifest_path = Path(self.env.srcdir) / VERIFICATION / f"{self.arguments[0]}.json"
        self.env.note_dependency(str(manifest_path))
        if not manifest_path.is_file():
            raise self.error(f"no read-out overlay {manifest_path} (run `make data`)")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        depth = self.env.docname.count("/")
        root = "../" * depth
        items = [panel_html(f"{root}{VERIFICATION.as_posix()}/{panel['file']}", panel, label=panel["panel"], scroll=True)
                 for panel in manifest["panels"]]
        widest = max(panel["width_px"] for panel in manifest["panels"])
        figure = nodes.figure(classes=["eb-overlay"])
        figure += nodes.raw("", f'<div class="eb-figure">{grid_html(items, widest)}</div>', format="html")
        caption_text = "\n".join(self.content)
        parsed = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        caption = nodes.caption(caption_text, "", *parsed.children[0].children) if parsed.children else nodes.caption()
        figure += caption
        figure += parsed.children[1:]
        if "name" in self.options:
            self.add_name(figure)
        return [figure]


def setup(app):
    app.add_directive("overlay", OverlayDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
