"""Explorers: pick a view of pre-drawn figures with buttons, on the static site, without a kernel
and without JavaScript.

Every combination of the choices is drawn in advance as one panel of a ``FigureGrid`` (so the
views follow the figure rules and are exported and checked like every other figure) and saved as
an SVG file. The page holds one group of radio buttons per choice and one lazily loaded image per
view; a CSS rule per view (``:has(...:checked)``) shows the view whose choices are all checked.
Only the visible image is downloaded, so the page stays light whatever the number of views.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable

import matplotlib.pyplot as plt
from IPython.display import HTML
from matplotlib.lines import Line2D

from .figure import FigureGrid, legend_html, panel_html, series_style
from .provenance import SITE_ROOT



class Explorer(HTML):
    """The explorer's HTML; its plain-text form names what it explores."""

    def __init__(self, content: str, description: str):
        super().__init__(content)
        self.description = description

    def __repr__(self) -> str:
        return f"Explorer({self.description})"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def explorer(chapter: str, name: str, choices: dict[str, list[str]], draw: Callable,
             panel_size: tuple[float, float] = (3.4, 2.6)) -> Explorer:
    """Draw ``draw(ax, *picked)`` for every combination of ``choices`` (label -> options, in
    order; the first option of each is shown first), export the views and return the explorer.

    ``draw`` may return alt text for the view; otherwise it is written from the plotted data."""
    grid = FigureGrid(chapter, name, panel_size=panel_size)
    combinations = list(itertools.product(*[range(len(options)) for options in choices.values()]))
    labels = list(choices)
    for combination in combinations:
        picked = [choices[label][i] for label, i in zip(labels, combination)]
        ax = grid.panel()
        alt = draw(ax, *picked)
        if alt:
            grid.panels[-1].alt = alt
    grid.save(composite=False)
    uid = f"eb-x-{_slug(chapter)}-{_slug(name)}"
    controls = []
    for c, (label, options) in enumerate(choices.items()):
        buttons = "".join(
            f'<input type="radio" name="{uid}-{c}" id="{uid}-{c}-{o}"{" checked" if o == 0 else ""}>'
            f'<label for="{uid}-{c}-{o}">{html.escape(option)}</label>'
            for o, option in enumerate(options))
        controls.append(f'<fieldset class="eb-control"><legend>{html.escape(label)}</legend>{buttons}</fieldset>')
    views, rules = [], []
    for combination, panel, file in zip(combinations, grid.panels, grid.panel_files()):
        src = f"{SITE_ROOT}figures/{chapter}/{file}"
        key = "-".join(map(str, combination))
        entries = [series_style(handle, label) for handle, label in zip(*panel.ax.get_legend_handles_labels())
                   if isinstance(handle, Line2D)]
        views.append(f'<div class="eb-view" data-view="{key}">{legend_html(entries)}{panel_html(src, panel.described)}</div>')
        selector = "".join(f":has(#{uid}-{c}-{o}:checked)" for c, o in enumerate(combination))
        rules.append(f'#{uid}{selector} .eb-view[data-view="{key}"]')
        plt.close(panel.figure)
    style = f"<style>{', '.join(rules)} {{display: block}}</style>"
    description = " x ".join(f"{len(options)} {label.lower()}" for label, options in choices.items())
    content = (f'<div class="eb-explorer" id="{uid}">{style}<form class="eb-controls" aria-label="Choose a view">'
               f'{"".join(controls)}</form><div class="eb-views" style="--eb-panel-width: '
               f'{grid.panels[0].described["width_px"]}px">{"".join(views)}</div></div>')
    return Explorer(content, description)
