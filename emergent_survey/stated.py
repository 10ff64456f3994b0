"""Values that a paper states only in words, drawn without inventing a curve.

A sentence such as "drops from 90.3% to 22.5%", "jumps to 80%+" or "cannot outperform random
guessing by more than 9%" gives single values, lower or upper bounds and ranges, often for models
whose size is not public. This module draws exactly that and nothing more:

* ``model_axis`` places models at evenly spaced positions in the order the source lists them,
  for models that have no size to be placed by (the axis label says so);
* ``stated_point`` draws one value as a marker, never joined to another by a line, with an arrow
  when the text gives only a bound ("at least", "at most") and the number written beside it;
* ``stated_range`` draws a range the text gives ("25%-50%") as a bar between its two ends;
* ``annotate`` writes a stated number or the text's words beside a point.

Markers keep the book's style system (``plotting.draw_series``: family = colour + marker,
setting = fill); ranges are not a model family and use a neutral style (``plotting.draw_other``).
"""

from __future__ import annotations

from . import plotting

BOUNDS = {"at_least": 1, "at_most": -1}  # direction of the arrow along the value axis
ARROW_PT = 16  # arrow length in points: a sign, not a quantity
LABEL_OFFSET_PT = 7


def model_axis(ax, labels: list[str], title: str, axis: str = "x") -> dict[str, int]:
    """Put the models ``labels`` at positions 0, 1, ... in the given order (the source's), with
    half a step of margin on each side; return {label: position}. The spacing means nothing
    about size, so ``title`` (the axis label) should say what orders them."""
    positions = {label: i for i, label in enumerate(labels)}
    if axis == "x":
        ax.set_xticks(range(len(labels)), labels)
        ax.set_xlim(-0.5, len(labels) - 0.5)
        ax.set_xlabel(title)
        ax.grid(False, axis="x")
    elif axis == "y":
        ax.set_yticks(range(len(labels)), labels)
        ax.set_ylim(len(labels) - 0.5, -0.5)  # first label on top, as in a table
        ax.set_ylabel(title)
        ax.grid(False, axis="y")
    else:
        raise ValueError(f"axis must be 'x' or 'y', not {axis!r}")
    return positions


def stated_point(ax, x, y, family: str, setting: str = "stated_in_text", label: str | None = None,
                 bound: str | None = None, text: str | None = None, side: str = "right",
                 vertical: bool = True, **kwargs):
    """One value a paper states, at (x, y): a marker in ``family``'s colour and marker and
    ``setting``'s fill, without a line. ``x`` and ``y`` may be lists (the same statement about
    several models, e.g. "smaller models ... by more than 9%").

    ``bound`` ("at_least" or "at_most") adds an arrow from the marker in the direction the text
    allows, along the value axis (y if ``vertical``, else x). ``text`` is written beside the
    marker, on ``side`` ("left", "right", "above", "below"). Returns the marker line."""
    if bound is not None and bound not in BOUNDS:
        raise ValueError(f"bound must be one of {sorted(BOUNDS)} or None, not {bound!r}")
    xs, ys = (list(v) if isinstance(v, (list, tuple)) else [v] for v in (x, y))
    if len(xs) != len(ys):
        xs, ys = (xs * len(ys), ys) if len(xs) == 1 else (xs, ys * len(xs))
    kwargs.setdefault("markersize", 7)
    line = plotting.draw_series(ax, xs, ys, family, setting, label=label, **kwargs)
    line.set_linestyle("none")  # separate statements: never joined
    color = line.get_color()
    for px, py in zip(xs, ys):
        if bound is not None:
            step = BOUNDS[bound] * ARROW_PT
            offset = (0, step) if vertical else (step, 0)
            ax.annotate("", xy=(px, py), xytext=offset, textcoords="offset points",
                        arrowprops={"arrowstyle": "<|-", "color": color, "lw": 1.3,
                                    "shrinkA": 0, "shrinkB": kwargs["markersize"] / 2 + 1.5})
        if text:
            annotate(ax, text, (px, py), side)
    return line


def annotate(ax, text: str, xy: tuple[float, float], side: str = "right", **kwargs):
    """Write ``text`` (a stated number, "around random") beside the data point ``xy``, a few
    points away on ``side`` ("left", "right", "above", "below"), so it never covers the marker."""
    return ax.annotate(text, xy, **_beside(side), **kwargs)


def _beside(side: str) -> dict:
    offsets = {"right": ((LABEL_OFFSET_PT, 0), "left", "center"),
               "left": ((-LABEL_OFFSET_PT, 0), "right", "center"),
               "above": ((0, LABEL_OFFSET_PT), "center", "bottom"),
               "below": ((0, -LABEL_OFFSET_PT), "center", "top")}
    if side not in offsets:
        raise ValueError(f"side must be one of {sorted(offsets)}, not {side!r}")
    offset, ha, va = offsets[side]
    return {"xytext": offset, "textcoords": "offset points", "ha": ha, "va": va}


def stated_range(ax, low: float, high: float, at: float, label: str, index: int = 0,
                 vertical: bool = False, **kwargs):
    """A range a paper states ("from 77.9% to 87.7%"), as a bar from ``low`` to ``high`` at
    position ``at`` of the other axis, with a marker at each end, in the ``index``-th neutral
    style (a range is not a model family). Returns the line."""
    if low > high:
        raise ValueError(f"range {label!r}: low {low} is above high {high}")
    ends, place = [low, high], [at, at]
    x, y = (place, ends) if vertical else (ends, place)
    kwargs.setdefault("linewidth", 3)
    return plotting.draw_other(ax, x, y, label, index, **kwargs)
