"""Number formatting used in the prose."""

import math

from emergent_survey import prose


def test_scientific():
    assert prose.scientific(1.2e23) == "1.2 × 10²³"
    assert prose.scientific(9.96e21) == "1.0 × 10²²"
    assert prose.scientific(3.14e-5, digits=3) == "3.14 × 10⁻⁵"


def test_parameters():
    assert prose.parameters(4.22e8) == "422M"
    assert prose.parameters(1.75e11) == "175B"
    assert prose.parameters(math.nan) == "undisclosed"
    assert prose.parameters(math.nan, "never") == "never"


def test_points():
    assert prose.points(39.0) == "+39.0"
    assert prose.points(-0.5) == "-0.5"


def test_share_names_all_and_none():
    assert prose.share(3, 3, "tasks") == "all 3 tasks"
    assert prose.share(0, 4, "sizes") == "none of the 4 sizes"
    assert prose.share(2, 6, "tasks") == "2 of the 6 tasks"
    assert prose.share(1, 1, "task") == "1 of the 1 task"  # a single case stays explicit


def test_agreement_says_exactly_when_the_difference_rounds_to_zero():
    assert prose.agreement(0.004) == "exactly"
    assert prose.agreement(-0.03) == "to within 0.03 points"
    assert prose.agreement(0.4, "%", digits=1) == "to within 0.4 %"


def test_listing_joins_names_as_prose():
    assert prose.listing([]) == ""
    assert prose.listing(["GSM8K"]) == "GSM8K"
    assert prose.listing(["A", "B"]) == "A and B"
    assert prose.listing(iter(["A", "B", "C"])) == "A, B and C"
