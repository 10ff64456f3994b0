"""Scaling-law algebra on hand-made constants, and the published constants' own consistency."""

import numpy as np
import pytest

from emergent_survey import scaling_laws


def test_kaplan_power_law():
    assert scaling_laws.kaplan_loss_of_parameters(1e6, 0.5, 1e8) == pytest.approx(10.0)


def test_chinchilla_optimum_minimises_loss_along_the_isoflop_line():
    a, b, alpha, beta = 400.0, 400.0, 0.3, 0.3
    compute = 1e21
    n, d = scaling_laws.chinchilla_optimum(compute, a, b, alpha, beta)
    assert 6 * n * d == pytest.approx(compute)
    # Symmetric constants: the optimum spends the budget equally, N = D.
    assert n == pytest.approx(d)
    others = n * np.array([0.5, 0.8, 1.25, 2.0])
    best = scaling_laws.chinchilla_loss(n, d, 0, a, b, alpha, beta)
    assert (scaling_laws.chinchilla_loss(others, compute / 6 / others, 0, a, b, alpha, beta) > best).all()


def test_published_fit_implies_the_papers_exponent():
    c = scaling_laws.constants()
    # Hoffmann et al. Table 2, approach 3, reports N_opt ~ C^0.46; the fit's beta/(alpha+beta):
    exponent = c["chinchilla_beta"] / (c["chinchilla_alpha"] + c["chinchilla_beta"])
    assert exponent == pytest.approx(0.46, abs=0.01)


def test_projection_table_is_compute_optimal_by_6nd():
    table = scaling_laws.chinchilla_projection()
    assert len(table) >= 8
    ratio = table["flops"] / (6 * table["parameters"] * table["tokens"])
    assert ratio.between(0.95, 1.15).all()


def test_tokens_to_reach_inverts_the_chinchilla_loss():
    fit = dict(e=1.7, a=400.0, b=410.0, alpha=0.34, beta=0.28)
    tokens = scaling_laws.chinchilla_tokens_to_reach(2.2, 1e10, **fit)
    assert scaling_laws.chinchilla_loss(1e10, tokens, **fit) == pytest.approx(2.2)
    assert scaling_laws.chinchilla_tokens_to_reach(2.2, 1e11, **fit) < tokens  # larger: fewer tokens
    assert scaling_laws.chinchilla_tokens_to_reach(1.8, 1e6, **fit) == float("inf")  # below its limit
