"""Numbers for the prose: format them one way everywhere and glue them into the pages.

Chapters cite computed values with the MyST role {glue:md}`notebook.ipynb::name:commonmark`
(the last part is the Markdown flavour, which the role needs when the key names a notebook); each value
is glued as Markdown so strings appear without quotes and numbers with the book's formatting.
"""

from __future__ import annotations

import math

from IPython.display import HTML, Markdown
from myst_nb import glue

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(value: float, digits: int = 2) -> str:
    """1.2e23 -> '1.2 × 10²³' (``digits`` significant digits)."""
    if value == 0 or math.isnan(value):
        return str(value)
    exponent = math.floor(math.log10(abs(value)))
    mantissa = round(value / 10**exponent, digits - 1)
    if abs(mantissa) >= 10:  # rounding carried over, e.g. 9.96 -> 10.0
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:.{digits - 1}f} × 10{str(exponent).translate(SUPERSCRIPT)}"


def parameters(value: float, missing: str = "undisclosed") -> str:
    """4.22e8 -> '422M', 1.75e11 -> '175B', NaN -> ``missing``."""
    if math.isnan(value):
        return missing
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if value >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def points(value: float, digits: int = 1) -> str:
    """A difference in percentage points, with its sign: '+39.0'."""
    return f"{value:+.{digits}f}"


def agreement(largest_difference: float, unit: str = "points", digits: int = 2) -> str:
    """'exactly' when the largest difference rounds to zero, else 'to within 0.03 points'."""
    shown = f"{abs(largest_difference):.{digits}f}"
    return "exactly" if float(shown) == 0 else f"to within {shown} {unit}"


def listing(items) -> str:
    """['A'] -> 'A', ['A', 'B'] -> 'A and B', ['A', 'B', 'C'] -> 'A, B and C'."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def share(part: int, whole: int, noun: str) -> str:
    """'2 of the 6 tasks', or 'all 3 tasks' / 'none of the 3 tasks' when the count is everything or nothing."""
    if whole > 1 and part == whole:
        return f"all {whole} {noun}"
    if whole > 1 and part == 0:
        return f"none of the {whole} {noun}"
    return f"{part} of the {whole} {noun}"


def glue_text(name: str, text: str) -> None:
    """Glue ``text`` under ``name`` for {glue:md} in the prose."""
    glue(name, Markdown(text), display=False)


def glue_html(name: str, content: str) -> None:
    """Glue an HTML fragment (a published figure, a table) for {glue:figure} or {glue}."""
    glue(name, HTML(content), display=False)
