"""The closed-form argument of Schaeffer et al. (2023): a per-token probability that improves smoothly
with scale, and what an all-or-nothing metric makes of it.

Suppose a model's cross-entropy on each answer token falls as a power law in its parameter count N,

    loss(N) = (N / c) ** -alpha          (nats per token; c > 0, alpha > 0)

so the probability of getting one token right is p(N) = exp(-loss(N)). If the tokens of an L-token
answer are right independently, **exact match** (every token right) is p ** L, while the **token edit
distance** (the expected number of wrong tokens) is L (1 - p), linear in p. On a log axis of N, exact
match is a Gumbel curve: its 10%-90% rise always spans ``width_decades`` decades whatever L is, and a
longer answer only moves the rise to models larger by the factor L ** (1 / alpha). Over a finite grid
of model sizes this reads as a flat curve that jumps at the end.

Nothing here is fitted to data: the two constants are chosen by stating two points the curve must
pass through (``TokenLossLaw.through``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TokenLossLaw:
    """loss(N) = (N / c) ** -alpha nats per token, for N parameters."""

    c: float
    alpha: float

    def __post_init__(self):
        if self.c <= 0 or self.alpha <= 0:
            raise ValueError(f"a token-loss law needs c > 0 and alpha > 0, got c={self.c}, alpha={self.alpha}")

    @classmethod
    def through(cls, n1: float, p1: float, n2: float, p2: float) -> "TokenLossLaw":
        """The law whose per-token probability is ``p1`` at ``n1`` parameters and ``p2`` at ``n2``.

        Needs n1 < n2 and 0 < p1 < p2 < 1 (the probability must improve with scale)."""
        if not (0 < n1 < n2 and 0 < p1 < p2 < 1):
            raise ValueError(f"need 0 < n1 < n2 and 0 < p1 < p2 < 1, got {n1}, {p1}, {n2}, {p2}")
        loss1, loss2 = -math.log(p1), -math.log(p2)
        alpha = math.log(loss1 / loss2) / math.log(n2 / n1)
        return cls(c=n1 * loss1 ** (1 / alpha), alpha=alpha)

    def loss(self, n):
        """Cross-entropy per token (nats) at ``n`` parameters."""
        return (np.asarray(n, dtype=float) / self.c) ** -self.alpha

    def probability(self, n):
        """Probability of getting one token right at ``n`` parameters."""
        return np.exp(-self.loss(n))

    def scale_for_exact_match(self, level: float, length: int) -> float:
        """Parameters at which exact match on a ``length``-token answer reaches ``level`` (0-1)."""
        _check_length(length)
        if not 0 < level < 1:
            raise ValueError(f"level must be between 0 and 1, got {level}")
        return self.c * (length / -math.log(level)) ** (1 / self.alpha)

    def width_decades(self, low: float = 0.1, high: float = 0.9) -> float:
        """Decades of N over which exact match rises from ``low`` to ``high``; the same for every length."""
        return math.log10(self.scale_for_exact_match(high, 1) / self.scale_for_exact_match(low, 1))

    def shift_factor(self, length: int) -> float:
        """How many times larger a model must be for ``length`` tokens than for one, at any exact-match level."""
        _check_length(length)
        return length ** (1 / self.alpha)


def _check_length(length: int) -> None:
    if int(length) != length or length < 1:
        raise ValueError(f"an answer has a whole number of tokens, at least 1; got {length}")


def exact_match(p, length: int):
    """Share of ``length``-token answers with every token right, each right with probability ``p``."""
    _check_length(length)
    return np.asarray(p, dtype=float) ** length


def token_edit_distance(p, length: int):
    """Expected number of wrong tokens in a ``length``-token answer (linear in ``p``)."""
    _check_length(length)
    return length * (1 - np.asarray(p, dtype=float))


def answer_log_loss(p, length: int):
    """-ln(exact match) = length x per-token loss: a straight line on log-log axes."""
    _check_length(length)
    return -length * np.log(np.asarray(p, dtype=float))
