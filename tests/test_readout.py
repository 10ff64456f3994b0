"""The figure read-out on small vector PDFs drawn here with known points, and on the papers' figures
against the scouting extraction (Wei et al. 2022 Figs 2-7 and 10-13; BIG-bench Figs 1 and 7; Kadavath et
al. 2022 Figs 4 and 14)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from emergent_survey import readout  # noqa: E402
from emergent_survey.sources import kadavath2022, srivastava2022_bigbench, wei2022_emergent_panels  # noqa: E402
from emergent_survey.sources.figure_readout import extract  # noqa: E402

# Known data: x on a log axis in (a), on a linear one in (b).
SIZES = [20.0, 150.0, 900.0, 4000.0]
ACCURACY = [26.0, 31.5, 58.25, 80.0]
ACCURACY_B = [22.0, 35.0, 47.5]
SIZES_B = [40.0, 600.0, 2500.0]
CHANCE = 25.0


def panel_bbox(fig, ax):
    """The axes with their tick labels, in pdfplumber coordinates (points, top from the page top)."""
    box = ax.get_tightbbox(fig.canvas.get_renderer()).transformed(fig.dpi_scale_trans.inverted())
    height = fig.get_figheight() * 72
    return (box.x0 * 72 - 1, height - box.y1 * 72 - 1, box.x1 * 72 + 1, height - box.y0 * 72 + 1)


def assert_points(found: pd.DataFrame, expected: list[tuple[float, float]], x_span, y_span, x_log=False, y_log=False):
    """Every expected point read back within 1e-6 of the axis span, and nothing else."""
    assert len(found) == len(expected), found
    fx = np.log10(found["x"]) if x_log else found["x"]
    fy = np.log10(found["y"]) if y_log else found["y"]
    for x, y in expected:
        ex = math.log10(x) if x_log else x
        ey = math.log10(y) if y_log else y
        dist = np.maximum(np.abs(fx - ex) / x_span, np.abs(fy - ey) / y_span)
        assert dist.min() < 1e-6, (x, y, found)


@pytest.fixture
def classic_pdf(tmp_path):
    """Tick marks, log x, linear y; circles on a line, bare triangles, a dashed chance line, a legend."""
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, ACCURACY, "o-", color="tab:blue", label="Family A")
        ax.plot(SIZES_B, ACCURACY_B, "^", color="tab:red", ls="none", label="Family B")
        ax.axhline(CHANCE, ls="--", color="grey")
        ax.set_xscale("log")
        ax.set_xlim(10, 10_000)
        ax.set_ylim(0, 100)
        legend = ax.legend(loc="upper left")
        fig.canvas.draw()
        bbox = panel_bbox(fig, ax)
        legend_box = legend.get_window_extent().transformed(fig.dpi_scale_trans.inverted())
        height = fig.get_figheight() * 72
        legend_bbox = (legend_box.x0 * 72, height - legend_box.y1 * 72, legend_box.x1 * 72, height - legend_box.y0 * 72)
        path = tmp_path / "classic.pdf"
        fig.savefig(path)
        plt.close(fig)
    return path, bbox, legend_bbox


def test_classic_tick_marks_log_x_linear_y(classic_pdf):
    path, bbox, _ = classic_pdf
    panel = readout.read_panel(path, 1, bbox)

    assert panel.x_axis.scale == "log" and panel.y_axis.scale == "linear"
    assert panel.x_axis.max_residual < 1e-6 and panel.y_axis.max_residual < 1e-6
    points = panel.points
    assert set(points["marker"]) == {"circle", "triangle-up"}
    assert points.groupby("color")["marker"].nunique().eq(1).all()
    circles = points[points["marker"] == "circle"]
    triangles = points[points["marker"] == "triangle-up"]
    assert_points(circles, list(zip(SIZES, ACCURACY)), 3, 100, x_log=True)
    assert_points(triangles, list(zip(SIZES_B, ACCURACY_B)), 3, 100, x_log=True)

    assert len(panel.reference_lines) == 1
    line = panel.reference_lines.iloc[0]
    assert line["dashed"] and abs(line["y"] - CHANCE) < 1e-6 * 100


def test_legend_names_series_by_colour_and_marker(classic_pdf):
    path, bbox, legend_bbox = classic_pdf
    names = readout.read_legend(path, 1, legend_bbox)
    series = set(readout.read_panel(path, 1, bbox).points["series"])
    assert {names[key] for key in series} == {"Family A", "Family B"}


def test_seaborn_style_grid_lines_linear_x_log_y(tmp_path):
    style = {
        "pdf.fonttype": 42,
        "axes.grid": True,
        "grid.color": "#cccccc",
        "xtick.major.size": 0,
        "ytick.major.size": 0,
        "xtick.minor.size": 0,
        "ytick.minor.size": 0,
        "axes.spines.left": False,
        "axes.spines.right": False,
        "axes.spines.top": False,
        "axes.spines.bottom": False,
    }
    xs = [0.5, 2.0, 3.5, 6.0]
    loss_a = [300.0, 45.0, 8.0, 1.5]
    loss_b = [90.0, 20.0, 3.0, 0.3]
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(xs, loss_a, "o-", color="#4c72b0")
        ax.plot(xs, loss_b, "s--", color="#dd8452")
        ax.set_yscale("log")
        ax.set_ylim(0.1, 1000)
        ax.set_xlim(0, 7)
        fig.canvas.draw()
        bbox = panel_bbox(fig, ax)
        path = tmp_path / "seaborn.pdf"
        fig.savefig(path)
        plt.close(fig)

    panel = readout.read_panel(path, 1, bbox)
    assert panel.x_axis.scale == "linear" and panel.y_axis.scale == "log"
    by_color = dict(tuple(panel.points.groupby("color")))
    assert set(by_color) == {"#4c72b0", "#dd8452"}
    assert_points(by_color["#4c72b0"], list(zip(xs, loss_a)), 7, 4, y_log=True)
    assert_points(by_color["#dd8452"], list(zip(xs, loss_b)), 7, 4, y_log=True)
    assert panel.reference_lines.empty


def test_scale_override(classic_pdf):
    path, bbox, _ = classic_pdf
    panel = readout.read_panel(path, 1, bbox, x_scale="linear")
    assert panel.x_axis.scale == "linear" and panel.x_axis.max_residual > 100


def test_panel_without_tick_labels_says_what_is_missing(tmp_path):
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(3, 3))
        ax.plot([1, 2, 3], [3, 1, 2], "o-", color="tab:green")
        ax.set_xticklabels([])
        ax.set_yticklabels([])
        fig.canvas.draw()
        bbox = panel_bbox(fig, ax)
        path = tmp_path / "bare.pdf"
        fig.savefig(path)
        plt.close(fig)
    with pytest.raises(readout.ReadoutError, match=r"page 1 bbox \(.*\): found 0 x tick label\(s\) .* need at least 2"):
        readout.read_panel(path, 1, bbox)


def test_bad_page_number(classic_pdf):
    path, bbox, _ = classic_pdf
    with pytest.raises(readout.ReadoutError, match="has 1 pages, asked for page 3"):
        readout.read_panel(path, 3, bbox)


def test_find_panels_locates_the_axes(classic_pdf):
    path, bbox, _ = classic_pdf
    panels = readout.find_panels(path, 1)
    assert len(panels) == 1
    x0, top, x1, bottom = panels[0]["bbox"]
    assert x0 <= bbox[0] + 6 and x1 >= bbox[2] - 6 and top <= bbox[1] + 6 and bottom >= bbox[3] - 6


def save(fig, ax, path, legend=None):
    """Save ``fig`` to ``path``; return the axes' bbox (and the legend's) in pdfplumber coordinates."""
    fig.canvas.draw()
    bbox = panel_bbox(fig, ax)
    legend_bbox = None
    if legend is not None:
        box = legend.get_window_extent().transformed(fig.dpi_scale_trans.inverted())
        height = fig.get_figheight() * 72
        legend_bbox = (box.x0 * 72, height - box.y1 * 72, box.x1 * 72, height - box.y0 * 72)
    fig.savefig(path)
    plt.close(fig)
    return bbox, legend_bbox


def test_cross_markers_and_shared_colours_are_separate_series(tmp_path):
    """BIG-bench Fig. 1 style: dense models (solid, diamonds) and sparse models (dashed, "x") share
    each shade; a "+" series too. Crossing strokes are one marker at their centre."""
    dense = [2.0, 3.0, 5.5, 9.0]
    sparse = [1.0, 2.5, 4.0]
    plus = [6.0, 7.5]
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, dense, "d-", color="#d64f5f", label="Dense (1-shot)")
        ax.plot(SIZES[:3], sparse, "x--", color="#d64f5f", label="Sparse (1)")
        ax.plot(SIZES_B[:2], plus, "+:", color="#24768b", label="Other")
        ax.set_xscale("log")
        ax.set_xlim(10, 10_000)
        ax.set_ylim(0, 10)
        legend = fig.legend(loc="upper center", ncol=3, fontsize=6)
        bbox, legend_bbox = save(fig, ax, tmp_path / "crosses.pdf", legend)

    panel = readout.read_panel(tmp_path / "crosses.pdf", 1, bbox)
    by_series = dict(tuple(panel.points.groupby("series")))
    assert set(by_series) == {"#d64f5f:diamond", "#d64f5f:x", "#24768b:plus"}
    assert_points(by_series["#d64f5f:diamond"], list(zip(SIZES, dense)), 3, 10, x_log=True)
    assert_points(by_series["#d64f5f:x"], list(zip(SIZES, sparse)), 3, 10, x_log=True)
    assert_points(by_series["#24768b:plus"], list(zip(SIZES_B, plus)), 3, 10, x_log=True)

    names = readout.read_legend(tmp_path / "crosses.pdf", 1, legend_bbox)
    assert {key: names[key] for key in by_series} == {
        "#d64f5f:diamond": "Dense (1-shot)", "#d64f5f:x": "Sparse (1)", "#24768b:plus": "Other"
    }


def test_grey_series_are_read_on_request(tmp_path):
    """A black curve with markers and a grey bare polyline (Wei et al. Figs 5 and 7): ignored by
    default, read with grey_series=True; spines, ticks and grid lines never become points."""
    black = [12.0, 30.0, 55.0, 70.0]
    grey = [60.0, 45.0, 20.0]
    with plt.rc_context({"pdf.fonttype": 42, "axes.grid": True, "grid.color": "0.85"}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, black, "o-", color="black")
        ax.plot(SIZES_B, grey, "-", color="0.3")
        ax.plot(SIZES_B, ACCURACY_B, "s-", color="tab:orange")
        ax.set_xscale("log")
        ax.set_xlim(10, 10_000)
        ax.set_ylim(0, 80)
        bbox, _ = save(fig, ax, tmp_path / "grey.pdf")

    default = readout.read_panel(tmp_path / "grey.pdf", 1, bbox)
    assert set(default.points["series"]) == {"#ff7f0e:square"}
    panel = readout.read_panel(tmp_path / "grey.pdf", 1, bbox, grey_series=True)
    by_series = dict(tuple(panel.points.groupby("series")))
    assert set(by_series) == {"#ff7f0e:square", "#000000:circle", "#4c4c4c:line"}
    assert_points(by_series["#000000:circle"], list(zip(SIZES, black)), 3, 80, x_log=True)
    assert_points(by_series["#4c4c4c:line"], list(zip(SIZES_B, grey)), 3, 80, x_log=True)


def test_misprinted_tick_label_is_left_out(tmp_path):
    """Wei et al. Fig. 6: log ticks at 0.05, 0.2, 0.8 and 3.0, the last one labelled "3.2". The
    read-out fits the three consistent ticks and lists the rejected one; consistent axes keep all."""
    loss = [0.07, 0.3, 1.1, 2.6]
    ticks = [0.05, 0.2, 0.8, 3.0]
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, loss, "o-", color="tab:blue")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(10, 10_000)
        ax.set_ylim(0.03, 5)
        ax.set_yticks(ticks, ["0.05", "0.2", "0.8", "3.2"])
        ax.minorticks_off()
        bbox, _ = save(fig, ax, tmp_path / "misprint.pdf")

    panel = readout.read_panel(tmp_path / "misprint.pdf", 1, bbox)
    assert panel.y_axis.scale == "log" and panel.y_axis.max_residual < 1e-6
    assert [value for value, _ in panel.y_axis.rejected_ticks] == [3.2]
    assert sorted(panel.y_axis.tick_values) == [0.05, 0.2, 0.8]
    assert_points(panel.points, list(zip(SIZES, loss)), 3, 2.2, x_log=True, y_log=True)
    assert panel.x_axis.rejected_ticks == ()


def test_inverted_log_axis_with_plain_labels(tmp_path):
    """Wei et al. Figs 4 and 10: WikiText103 perplexity on a log x axis running from 20 down to 5,
    labelled 20, 15, 10, 7, 5 (not powers of ten)."""
    perplexity = [19.5, 14.3, 10.8, 8.1]
    accuracy = [25.7, 27.3, 29.5, 60.0]
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(perplexity, accuracy, "D-", color="#00733d")
        ax.set_xscale("log")
        ax.set_xlim(22, 4.5)  # inverted
        ax.set_xticks([20, 15, 10, 7, 5], ["20", "15", "10", "7", "5"])
        ax.minorticks_off()
        ax.set_ylim(0, 100)
        bbox, _ = save(fig, ax, tmp_path / "inverted.pdf")

    panel = readout.read_panel(tmp_path / "inverted.pdf", 1, bbox)
    assert panel.x_axis.scale == "log" and panel.x_axis.slope < 0
    assert_points(panel.points, list(zip(perplexity, accuracy)), 1, 100, x_log=True)


def test_legend_keeps_word_spaces_at_small_font_sizes(tmp_path):
    """TeX sets words apart by a gap, with no space character (Wei et al. Fig. 7's legend); at
    small sizes the gap (a third of the font size) is below pdfplumber's default 3 pt word tolerance."""
    size = 6.0
    with plt.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(3, 1), dpi=720)  # fine pixels: text extents measured to 0.1 pt
        fig.add_artist(matplotlib.lines.Line2D([0.05, 0.15], [0.5, 0.5], color="tab:purple", marker="o", markevery=[1]))
        renderer = fig.canvas.get_renderer()
        x = 0.17
        for word in ["Multiple", "choice", "grade"]:  # one text per word, 0.3 em apart, like TeX
            text = fig.text(x, 0.5, word, fontsize=size, va="center")
            width = text.get_window_extent(renderer).width / fig.dpi / fig.get_figwidth()
            x += width + 0.3 * size / 72 / fig.get_figwidth()
        path = tmp_path / "tex_legend.pdf"
        fig.savefig(path)
        plt.close(fig)
    names = readout.read_legend(path, 1, (0, 0, 216, 72))
    assert names == {"#9467bd:circle": "Multiple choice grade"}


def test_find_panels_merges_near_identical_frames(tmp_path):
    """BIG-bench Fig. 1a: a seaborn-style axes whose lowest grid line runs 0.5 pt above the bottom
    spine gives two frames within 1 pt of each other (and a background rectangle); one panel."""
    style = {"pdf.fonttype": 42, "axes.grid": True, "grid.color": "#cccccc", "axes.edgecolor": "#cccccc"}
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, ACCURACY, "o-", color="tab:red")
        ax.set_xscale("log")
        fig.canvas.draw()
        height = ax.get_window_extent().height * 72 / fig.dpi  # axes height in points
        ax.set_ylim(-0.5 * 100 / height, 100)  # the 0 grid line 0.5 pt above the bottom spine
        bbox, _ = save(fig, ax, tmp_path / "grid.pdf")
    panels = readout.find_panels(tmp_path / "grid.pdf", 1)
    assert len(panels) == 1
    x0, top, x1, bottom = panels[0]["bbox"]
    assert x0 <= bbox[0] + 6 and x1 >= bbox[2] - 6 and top <= bbox[1] + 6 and bottom >= bbox[3] - 6


# --------------------------------------------------------------------------- the papers' figures

WEI_CSV = "paper_tables/wei2022_emergent_figure_points_vector.csv"
BIGBENCH_CSV = "paper_tables/srivastava2022_bigbench_figure_points_vector.csv"
KADAVATH_CSV = "paper_tables/kadavath2022_figure_points_vector.csv"
SCOUTED = {
    # (pdf of the specs, figure in the specs) -> (scouting CSV, its figure label)
    ("wei", "Figure 2"): (WEI_CSV, "Fig. 2"),
    ("wei", "Figure 11"): (WEI_CSV, "Fig. 11"),
    ("bigbench", "Figure 7"): (BIGBENCH_CSV, "Fig. 7"),
    ("wei", "Figure 4"): (WEI_CSV, "Fig. 4"),
    ("wei", "Figure 10"): (WEI_CSV, "Fig. 10"),
    ("wei", "Figure 5"): (WEI_CSV, "Fig. 5"),
    ("wei", "Figure 6"): (WEI_CSV, "Fig. 6"),
    ("wei", "Figure 7"): (WEI_CSV, "Fig. 7"),
    ("bigbench", "Figure 1"): (BIGBENCH_CSV, "Fig. 1"),
    ("wei", "Figure 3"): (WEI_CSV, "Fig. 3"),
    ("wei", "Figure 12"): (WEI_CSV, "Fig. 12"),
    ("wei", "Figure 13"): (WEI_CSV, "Fig. 13"),
    ("kadavath", "Figure 4"): (KADAVATH_CSV, "Fig. 4"),
    ("kadavath", "Figure 14"): (KADAVATH_CSV, "Fig. 14"),
}
PANEL_MODULES = {"wei": wei2022_emergent_panels, "bigbench": srivastava2022_bigbench, "kadavath": kadavath2022}
TOLERANCE = 1e-3  # log10 units on log axes, axis units on linear ones
# Wei et al. Fig. 6 rows 2-3 (cross-entropy, negative log probability; log y axis): the figure prints
# the label "3.2" at a tick it placed at 3.0. The read-out leaves that label out (the other three
# ticks then agree to 2.4e-5 decades); the scouting fitted all four ticks, with a 0.0113-decade
# residual, so its y values differ from ours by up to about twice that, 0.02 decades: allow 0.03.
LOOSE_Y_TOLERANCE = {f"Figure 6{letter}": 0.03 for letter in "DEFGHI"}


def match_points(mine: pd.DataFrame, theirs: pd.DataFrame, tol: float = TOLERANCE, y_log: bool = False, y_tol: float | None = None):
    """Pair points of one panel by series, within tol in log10(x) and y (log10(y) on a log y axis);
    return (matched (dx, dy) pairs, missing scouted rows, extra rows of mine)."""
    y_tol = tol if y_tol is None else y_tol
    mine = mine.assign(lx=np.log10(mine["x_value"]), ly=np.log10(mine["y_value"]) if y_log else mine["y_value"])
    theirs = theirs.assign(lx=np.log10(theirs["x_value"]), ly=np.log10(theirs["y_value"]) if y_log else theirs["y_value"])
    used, matched, missing = set(), [], []
    for row in theirs.itertuples():
        near = mine[(mine["series"] == row.series) & ~mine.index.isin(used)]
        dx, dy = (near["lx"] - row.lx).abs(), (near["ly"] - row.ly).abs()
        close = near[(dx < tol) & (dy < y_tol)]
        if close.empty:
            missing.append(row)
        else:
            best = (dx / tol + dy / y_tol)[close.index].idxmin()
            used.add(best)
            matched.append((dx[best], dy[best]))
    extra = mine[~mine.index.isin(used)]
    return matched, missing, extra


def compare_with_scouting(shared_sources, pdf_name: str, figure: str):
    """Per panel of ``figure``: (panel, matched, missing, extra, max |dx|, max |dy|, problems)."""
    csv, scout_figure = SCOUTED[(pdf_name, figure)]
    specs = [s for s in PANEL_MODULES[pdf_name].PANELS if s["figure"] == figure]
    pdf = shared_sources / "papers" / specs[0]["pdf"]
    assert pdf.exists(), f"{pdf} is missing from the shared sources"
    assert (shared_sources / csv).exists(), f"{shared_sources / csv} is missing from the shared sources"
    scout = pd.read_csv(shared_sources / csv)
    scout = scout[scout["figure"] == scout_figure]
    if "point_kind" in scout:  # keep data points and reference lines, not error-bar ends
        scout = scout[scout["point_kind"].fillna("data point").str.contains("data|reference")]

    results = []
    for spec in specs:
        problems = []
        rows = extract(spec, pdf)
        theirs = scout[scout["panel"] == spec["scout_panel"]]
        for column, value in spec.get("scout_where", {}).items():
            theirs = theirs[(theirs[column] == value) | theirs["x_value"].isna() & (column == "x_quantity")]
        theirs = theirs.assign(series=theirs["series"].replace(spec.get("scout_series", {})))
        assert theirs["x_value"].notna().any(), spec["panel"]
        y_log = bool((theirs["y_axis_scale"] == "log10").all())
        references = rows[rows["x_value"].isna()]
        y_tol = LOOSE_Y_TOLERANCE.get(spec["panel"], TOLERANCE)
        matched, missing, extra = match_points(
            rows[rows["x_value"].notna()].reset_index(drop=True), theirs[theirs["x_value"].notna()], y_log=y_log, y_tol=y_tol
        )
        if missing or len(extra):
            problems.append(f"{spec['panel']}: {len(missing)} missing {missing}, {len(extra)} extra {extra.to_dict('records')}")
        scout_references = theirs.loc[theirs["x_value"].isna(), "y_value"].to_numpy()
        for y in references["y_value"]:
            distance = np.abs(np.log10(scout_references / y)) if y_log else np.abs(scout_references - y)
            if not np.any(distance < TOLERANCE):
                problems.append(f"{spec['panel']}: reference line at {y} not in the scouting {scout_references}")
        if sorted(references["series"]) != sorted(spec["reference"].values()):
            problems.append(f"{spec['panel']}: reference lines {list(references['series'])}, expected one each of {list(spec['reference'].values())}")
        dx = max((m[0] for m in matched), default=0.0)
        dy = max((m[1] for m in matched), default=0.0)
        results.append((spec["panel"], len(matched), len(missing), len(extra), dx, dy, problems))
    return results


@pytest.mark.parametrize("pdf_name, figure", list(SCOUTED), ids=[f"{p}-{f.replace(' ', '')}" for p, f in SCOUTED])
def test_figure_matches_scouting_extraction(shared_sources, pdf_name, figure):
    """Every scouted point found within 1e-3 (log10 x; y, or log10 y on a log axis), nothing extra;
    each panel's own reference lines (one per name in the spec) are among the scout's (the scout
    also kept neighbours' lines drawn through a panel)."""
    results = compare_with_scouting(shared_sources, pdf_name, figure)
    problems = [p for *_, panel_problems in results for p in panel_problems]
    assert not problems, "\n".join(problems)


def test_augmented_and_kadavath_specs_name_family_and_series():
    """Wei et al. Figs 3, 12, 13 and Kadavath et al. Figs 4, 14: every spec names its model family
    and the series from the figure's labels; Figs 3 and 12 are the same panels on two x axes."""
    augmented, kadavath = wei2022_emergent_panels.AUGMENTED_PANELS, kadavath2022.PANELS
    families = {spec["panel"]: spec["family"] for spec in augmented + kadavath}
    assert families == {
        **{f"Figure {n}{letter}": "LaMDA" for n in (3, 12) for letter in "ABC"},
        "Figure 3D": "Anthropic", "Figure 12D": "Anthropic",
        "Figure 13A": "GPT-3", "Figure 13B": "GPT-3", "Figure 13C": "PaLM", "Figure 13D": "Flamingo",
        "Figure 4 (right)": "Anthropic", "Figure 14": "Anthropic",
    }
    fig3 = [s for s in augmented if s["figure"] == "Figure 3"]
    fig12 = [s for s in augmented if s["figure"] == "Figure 12"]
    assert [s["x_quantity"] for s in fig3] == ["training FLOPs"] * 4 and [s["x_quantity"] for s in fig12] == ["parameters"] * 4
    assert [s["series"] for s in fig3] == [s["series"] for s in fig12]
    assert {name for s in fig3 for name in s["series"].values()} == {
        "Chain of thought", "No chain of thought", "Instruction tuning", "No instruction tuning",
        "Scratchpad", "No scratchpad", "T/F", "Letter choices",
    }
    assert all(s["reference"] == {"#00733d": "Prior SOTA"} for s in augmented if s["figure"] == "Figure 13")
    assert all(s["pdf"] == kadavath2022.PDF and s["x_quantity"] == "parameters" for s in kadavath)


# --------------------------------------------------------------------------- axes without numbers next to their
# ticks, bars and error bars (read-outs of Lin et al., Kojima et al., Rae et al., Chowdhery et al., Kaplan et al.,
# Ouyang et al. and the chain-of-thought paper's Figure 4; see emergent_survey/sources/_extended_readout.py)

CATEGORIES = ["8b", "62b", "540b"]
CATEGORY_VALUES = [12.5, 41.75, 87.25]


def test_category_axis_names_each_point_by_its_label(tmp_path):
    """Sizes printed as words under the plot: each point gets the index and text of the nearest
    label; a flat dashed polyline across every category is a reference line, not a series; the
    legend's words below the lowest tick are not taken for labels."""
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(3, 3))
        ax.plot([0, 1, 2], CATEGORY_VALUES, "o-", color="tab:blue", label="Model")
        ax.plot([0, 1, 2], [46.0] * 3, "--", color="#888888", label="Human (Avg.)")
        ax.set_xticks([0, 1, 2], CATEGORIES)
        ax.set_ylim(-10, 100)
        legend = ax.legend(loc="lower right", fontsize=6)
        bbox, _ = save(fig, ax, tmp_path / "category.pdf", legend)
    panel = readout.read_panel(tmp_path / "category.pdf", 1, bbox, x_scale="category")
    assert panel.x_axis.scale == "category" and panel.x_axis.categories == tuple(CATEGORIES)
    points = panel.points
    assert list(points["x"]) == [0.0, 1.0, 2.0] and list(points["x_label"]) == CATEGORIES
    assert np.allclose(points["y"], CATEGORY_VALUES, atol=1e-6 * 110)
    assert len(panel.reference_lines) == 1 and abs(panel.reference_lines["y"].iloc[0] - 46.0) < 1e-6 * 110
    assert list(panel.x_axis.to_coord([0, 2])) == [panel.x_axis.tick_coords[0], panel.x_axis.tick_coords[2]]


def test_bars_solid_and_hatched_with_category_labels(tmp_path):
    """A bar's value is its end away from zero; hatched bars over the same positions are a series of
    their own ("pattern:bar"); a bar of the legend is not a bar of the data."""
    labels, solid, hatched = ["350M", "1.3B", "6.7B", "help"], [36.8, 31.9, 23.5, 58.1], [14.1, 19.3, 19.2, 21.4]
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.bar(range(4), solid, color=["#abd0e6", "#6aaed6", "#3787c0", "#105ba4"], edgecolor="#1a1a1a", label="% true")
        ax.bar(range(4), hatched, color="none", hatch="//", edgecolor="#1a1a1a", label="% true and informative")
        ax.axhline(94.0, ls="--", color="black")
        ax.set_xticks(range(4), labels)
        ax.set_ylim(0, 100)
        legend = ax.legend(loc="upper left", fontsize=6)
        bbox, _ = save(fig, ax, tmp_path / "bars.pdf", legend)
    panel = readout.read_bars(tmp_path / "bars.pdf", 1, bbox)
    points = panel.points
    by_series = {key: group.sort_values("x") for key, group in points.groupby(points["series"] == "pattern:bar")}
    assert list(by_series[False]["x_label"]) == labels and list(by_series[True]["x_label"]) == labels
    assert np.allclose(by_series[False]["y"], solid, atol=1e-6 * 100)
    assert np.allclose(by_series[True]["y"], hatched, atol=1e-6 * 100)
    assert set(by_series[False]["series"]) == {"#abd0e6:bar", "#6aaed6:bar", "#3787c0:bar", "#105ba4:bar"}
    assert abs(panel.reference_lines["y"].iloc[0] - 94.0) < 1e-6 * 100


def test_given_tick_values_for_unlabelled_ticks_use_the_major_marks(tmp_path):
    """A panel that prints no tick labels (they are on a neighbour, or drawn as outlines): the
    values given are paired in page order with the panel's own longest tick marks along the
    spine, so minor ticks of a log axis are passed over."""
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(SIZES, ACCURACY, "o-", color="tab:blue")
        ax.set_xscale("log")
        ax.set_xlim(10, 10_000)
        ax.set_ylim(0, 100)
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.set_xticklabels([])
        ax.set_yticklabels([])
        bbox, _ = save(fig, ax, tmp_path / "unlabelled.pdf")
    with pytest.raises(readout.ReadoutError):
        readout.read_panel(tmp_path / "unlabelled.pdf", 1, bbox)
    panel = readout.read_panel(tmp_path / "unlabelled.pdf", 1, bbox, x_ticks=[10, 100, 1000, 10_000],
                               y_ticks=[100, 75, 50, 25, 0])
    assert panel.x_axis.scale == "log" and panel.x_axis.max_residual < 1e-6
    assert_points(panel.points, list(zip(SIZES, ACCURACY)), 3, 100, x_log=True)
    with pytest.raises(readout.ReadoutError, match="3 x tick values given, but 4 major tick marks"):
        readout.read_panel(tmp_path / "unlabelled.pdf", 1, bbox, x_ticks=[10, 100, 1000], y_ticks=[100, 75, 50, 25, 0])


def test_tickless_axes_read_from_label_positions(tmp_path):
    """No tick marks, no grid: x labels are centred on their ticks; y labels sit at an offset from
    theirs that the caller measures where a tick is known (here the frame edges are the 0 and 1
    ticks) and passes as label_offset."""
    style = {"pdf.fonttype": 42, "xtick.major.size": 0, "ytick.major.size": 0, "xtick.minor.size": 0,
             "ytick.minor.size": 0}
    xs, ys = [1e8, 1e9, 3e10, 2e11], [0.12, 0.38, 0.51, 0.93]
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(xs, ys, "o-", color="tab:orange")
        ax.set_xscale("log")
        ax.set_xlim(3e7, 1e12)
        ax.set_ylim(0, 1)
        ax.minorticks_off()
        bbox, _ = save(fig, ax, tmp_path / "tickless.pdf")
    path = tmp_path / "tickless.pdf"
    centred = readout.read_panel(path, 1, bbox, tickless=True)
    frame = readout.find_panels(path, 1)[0]["axes"]
    offset = frame[3] - float(centred.y_axis.to_coord(0.0))
    assert abs((frame[1] - float(centred.y_axis.to_coord(1.0))) - offset) < 1e-3  # one offset for every label
    panel = readout.read_panel(path, 1, bbox, tickless=True, label_offset=(0.0, offset))
    # A "10^k" label's text box is not its ink box: centres miss the tick by up to ~0.3 pt (0.015
    # decades here), enough to tell models apart, not to measure x.
    assert np.allclose(np.log10(panel.points["x"]), np.log10(xs), atol=0.015)
    assert np.allclose(panel.points["y"], ys, atol=1e-3)


def test_error_bars_are_the_vertical_segments_through_each_point(tmp_path):
    xs, ys, low, high = [1.0, 2.0, 3.0], [0.52, 0.55, 0.5], [0.48, 0.51, 0.5], [0.57, 0.60, 0.5]
    with plt.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(3, 3))
        ax.errorbar(xs[:2], ys[:2], yerr=[np.subtract(ys[:2], low[:2]), np.subtract(high[:2], ys[:2])],
                    fmt="o-", color="tab:red", capsize=0)
        ax.plot(xs[2:], ys[2:], "o", color="tab:red")
        ax.set_xlim(0, 4)
        ax.set_ylim(0.4, 0.7)
        bbox, _ = save(fig, ax, tmp_path / "errorbars.pdf")
    points = readout.read_panel(tmp_path / "errorbars.pdf", 1, bbox, error_bars=True).points
    markers = points[points["marker"] == "circle"].sort_values("x")
    assert np.allclose(markers["y_low"].iloc[:2], low[:2], atol=1e-6) and np.allclose(markers["y_high"].iloc[:2], high[:2], atol=1e-6)
    assert markers["y_low"].iloc[2] != markers["y_low"].iloc[2]  # no bar drawn: NaN


def test_glyph_index_text_of_type3_fonts_is_decoded():
    assert readout._decoded("\x00\x14\x00\x13\x00\x13") == "100"
    assert readout._decoded("\x00\x16\x00\x18\x00\x13\x00\x30") == "350M"
    assert readout._decoded("350M") == "350M" and readout._decoded("\x00") == "\x00"
