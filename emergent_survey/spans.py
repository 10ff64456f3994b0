"""How many orders of magnitude a set of values spans: log10(largest / smallest).

Papers summarise scaling trends as spanning "more than seven orders of magnitude"; the span of what
a figure actually plots is the number to check such a phrase against.
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def orders_of_magnitude(values: Iterable[float]) -> float:
    """log10(max / min) of the positive, finite values (ValueError if fewer than one)."""
    kept = [float(v) for v in values if v is not None and math.isfinite(float(v)) and float(v) > 0]
    if not kept:
        raise ValueError("no positive finite values to span")
    return math.log10(max(kept) / min(kept))


def more_than(span: float, stated: float) -> bool:
    """Whether a span supports "more than ``stated`` orders of magnitude"."""
    return span > stated
