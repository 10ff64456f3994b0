"""Fixtures several test modules share (session set-up and ``shared_sources``: ../conftest.py)."""

import pytest

from emergent_survey import plotting


@pytest.fixture
def ax():
    """Axes of a figure in the book's style, closed after the test."""
    import matplotlib.pyplot as plt

    plotting.apply_style()
    fig, axes = plt.subplots(figsize=(3.4, 2.6), layout="constrained")
    yield axes
    plt.close(fig)


@pytest.fixture(scope="session")
def family_colors() -> set[str]:
    """Every model family's colour (lower-case hex): other elements must not wear one."""
    return {style.color.lower() for style in plotting.FAMILY_STYLES.values()}
