"""The in-context learning chapter: drawing values stated only in words (``emergent_survey.stated``),
and the consistency of the numbers Wei et al. 2023 state with the one table they print."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from emergent_survey import plotting, stated  # noqa: E402
from emergent_survey.claims import Claims  # noqa: E402
from emergent_survey.figure import series_style  # noqa: E402


@pytest.fixture(scope="module")
def claims():
    return Claims("text_claims")


def arrows(ax):
    return [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]


def test_model_axis_keeps_the_source_order(ax):
    positions = stated.model_axis(ax, ["cushman-001", "davinci-001", "davinci-002"], "Codex model")
    assert positions == {"cushman-001": 0, "davinci-001": 1, "davinci-002": 2}
    assert [t.get_text() for t in ax.get_xticklabels()] == ["cushman-001", "davinci-001", "davinci-002"]
    assert ax.get_xlim() == (-0.5, 2.5)
    assert ax.get_xlabel() == "Codex model"


def test_model_axis_on_y_lists_the_first_on_top(ax):
    stated.model_axis(ax, ["small models", "large models"], "", axis="y")
    assert ax.get_ylim() == (1.5, -0.5)
    with pytest.raises(ValueError):
        stated.model_axis(ax, ["a"], "", axis="z")


def test_a_stated_value_is_a_marker_without_a_line(ax):
    line = stated.stated_point(ax, [0, 100], [90.3, 22.5], "InstructGPT", label="text-davinci-002")
    style = series_style(line, "text-davinci-002")
    assert style["family"] == "InstructGPT" and style["setting"] == "stated_in_text"
    assert style["linestyle"] == ""  # never joined
    assert style["color"] == plotting.FAMILY_STYLES["InstructGPT"].color.lower()
    assert style["marker"] == plotting.FAMILY_STYLES["InstructGPT"].marker
    assert list(line.get_xdata()) == [0, 100] and list(line.get_ydata()) == [90.3, 22.5]
    assert not arrows(ax)


def test_one_statement_about_several_models(ax):
    line = stated.stated_point(ax, [0, 1], 9, "Codex", bound="at_most")
    assert list(line.get_xdata()) == [0, 1] and list(line.get_ydata()) == [9, 9]
    assert len(arrows(ax)) == 2


@pytest.mark.parametrize("bound, vertical, offset", [("at_least", True, (0, stated.ARROW_PT)),
                                                     ("at_most", True, (0, -stated.ARROW_PT)),
                                                     ("at_least", False, (stated.ARROW_PT, 0))])
def test_a_bound_points_the_way_the_text_allows(ax, bound, vertical, offset):
    stated.stated_point(ax, 2, 80, "Codex", bound=bound, vertical=vertical)
    (arrow,) = arrows(ax)
    assert arrow.xy == (2, 80)  # starts at the stated value
    assert tuple(arrow.xyann) == offset  # and points away from it, by a fixed length (not a quantity)


def test_a_stated_number_is_written_beside_its_marker(ax):
    stated.stated_point(ax, 2, 19, "Codex", text="19", side="left")
    (label,) = [t for t in ax.texts if t.get_text() == "19"]
    assert label.xy == (2, 19) and label.xyann[0] < 0 and label.get_ha() == "right"


def test_unknown_bound_or_side_is_an_error(ax):
    with pytest.raises(ValueError, match="bound"):
        stated.stated_point(ax, 0, 1, "Codex", bound="about")
    with pytest.raises(ValueError, match="side"):
        stated.annotate(ax, "x", (0, 0), side="inside")


def test_a_stated_range_is_a_neutral_bar(ax, family_colors):
    line = stated.stated_range(ax, 25, 50, 0, "range stated in the text")
    assert line.get_gid() == "other"
    assert list(line.get_xdata()) == [25, 50] and list(line.get_ydata()) == [0, 0]
    assert matplotlib.colors.to_hex(line.get_color()) not in family_colors
    with pytest.raises(ValueError):
        stated.stated_range(ax, 50, 25, 0, "reversed")


# ---------------------------------------------------------------- Wei et al. 2023, as read

MODELS = ["text-ada-001", "text-babbage-001", "text-curie-001", "text-davinci-001"]
BASELINE = "SST-2 Only (Baseline)"


def table2(claims):
    rows = claims.rows[claims.rows["claim"].str.startswith("A7-T2-")]
    return rows.pivot(index="model", columns="task", values="value")


def test_table2_is_complete(claims):
    cells = table2(claims)
    assert sorted(cells.index) == sorted(MODELS)
    assert cells.shape == (4, 3) and not cells.isna().any().any()


def test_stated_drops_match_table2(claims):
    """'small models ... drops of up to 36%', 'text-curie-001 only seeing a 4% decrease'."""
    cells = table2(claims)
    drops = cells.drop(columns=BASELINE).rsub(cells[BASELINE], axis=0)
    small = drops.loc[["text-ada-001", "text-babbage-001"]]
    assert small.max().max() == claims.value("A7r")
    assert drops.loc["text-curie-001"].max() == claims.value("A7s")


def test_stated_format_range_sits_within_the_stated_spread(claims):
    """'ranges from 77.9% to 87.7%) is within ± 6.3% of the mean (84.2%)'."""
    low, high, spread, mean = (claims.value(k) for k in ("A7m", "A7n", "A7o", "A7p"))
    assert low <= mean <= high
    assert max(mean - low, high - mean) == pytest.approx(spread)


def test_flipped_label_drop_is_stated_for_text_davinci_002(claims):
    """The press summary names code-davinci-002; the paper's sentence names text-davinci-002."""
    for key in ("A1a", "A1b"):
        assert claims.rows.loc[key, "model"] == "text-davinci-002"
        assert "text-davinci-002" in claims.rows.loc[key, "quote"]
        assert "code-davinci-002" not in claims.rows.loc[key, "quote"]
