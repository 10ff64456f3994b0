"""The presentation layer: tables, figure grids, explorers and citation labels."""

import json
import math
import re

import matplotlib
import pandas as pd
import pytest

from emergent_survey import claims, citations, explorer, figure, plotting, tables

matplotlib.use("Agg")


# ---------------------------------------------------------------------- tables

def test_table_formats_numbers_and_explains_missing_values():
    frame = pd.DataFrame({"model": ["PaLM 540B", "Codex"], "flops": [2.53e24, math.nan],
                          "params": [5.4e11, math.nan], "rate": [56.94, 63.1], "gain": [39.0, -4.9],
                          "b": [math.inf, 2.0]})
    html = tables.table_html(frame, {
        "model": "Model", "flops": tables.Column("Training FLOPs", "flops", missing="size undisclosed"),
        "params": tables.Column("Parameters", "params", missing="size undisclosed"),
        "rate": tables.Column("Solve rate (%)", "percent"), "gain": tables.Column("Gain", "points"),
        "b": tables.Column("B", "decimal1")}, caption="A test", source="somewhere")
    assert "2.5 × 10²⁴" in html and "540B" in html and "56.9" in html and "+39.0" in html and "∞" in html
    assert html.count("—<sup") == 2 and html.count("size undisclosed") == 1  # one footnote per reason
    assert not re.search(r"NaN|nan|inf\b|e\+|dtype", html)
    assert "<caption>A test</caption>" in html and "Source: somewhere." in html


def test_table_refuses_unknown_columns():
    with pytest.raises(KeyError, match="no column"):
        tables.table_html(pd.DataFrame({"a": [1]}), {"b": "B"}, caption="x")


def test_long_tables_scroll_in_their_own_box():
    frame = pd.DataFrame({"n": range(tables.LONG_TABLE_ROWS + 1)})
    assert "eb-table-long" in tables.table_html(frame, {"n": tables.Column("N", "int")}, caption="long")
    assert "eb-table-long" not in tables.table_html(frame.head(3), {"n": "N"}, caption="short")


def test_citation_and_quote_cells():
    frame = pd.DataFrame({"paper": ["wei2022cot"], "quote": ["A sentence, in full, with <markup>."]})
    html = tables.table_html(frame, {"paper": tables.Column("Paper", "citation"),
                                     "quote": tables.Column("Sentence", "quote")}, caption="c")
    assert ">Wei et al. 2022b</a>" in html and "references.html#ref-wei2022cot" in html
    assert "A sentence, in full, with &lt;markup&gt;." in html


# ---------------------------------------------------------------------- citations

def test_labels_tell_papers_apart():
    assert citations.label("wei2022emergent") == "Wei et al. 2022a"
    assert citations.label("wei2022cot") == "Wei et al. 2022b"
    assert citations.label("wei2023larger") == "Wei et al. 2023"
    labels = [r.label for r in citations.references().values()]
    assert len(labels) == len(set(labels))


def test_every_reference_links_a_doi_arxiv_or_url():
    for reference in citations.references().values():
        assert reference.url.startswith(("https://arxiv.org/abs/", "https://doi.org/", "https://")), reference.key


def test_same_author_and_year_get_suffixes(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text("@article{b, author={Wei, J. and Tay, Y. and Le, Q.}, title={A}, year={2022}, eprint={1}}\n"
                   "@article{a, author={Wei, J. and Xu, Y. and Li, Q.}, title={B}, year={2022}, eprint={2}}\n")
    assert {k: r.label for k, r in citations.references(bib).items()} == {"a": "Wei et al. 2022a", "b": "Wei et al. 2022b"}
    bib.write_text(bib.read_text().replace("year={2022},", "year={2022}, yearsuffix={x},", 1))
    with pytest.raises(citations.CitationError, match="only some give a yearsuffix"):
        citations.references(bib)


def test_entry_without_a_link_is_an_error(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text("@article{a, author={Wei, J.}, title={A}, year={2022}}\n")
    with pytest.raises(citations.CitationError, match="no doi, arXiv eprint or url"):
        citations.references(bib)


# ---------------------------------------------------------------------- figures

def _grid(tmp_path, monkeypatch, **options):
    monkeypatch.setenv("EMERGENT_FIGURES_DIR", str(tmp_path))
    return figure.FigureGrid("test_chapter", "test_figure", **options)


def test_figure_grid_exports_panels_manifest_and_html(tmp_path, monkeypatch):
    grid = _grid(tmp_path, monkeypatch)
    for setting in ("standard", "chain_of_thought"):
        ax = grid.panel(f"GSM8K · {setting}")
        plotting.draw_series(ax, [1e9, 1e10, 1e11], [1.0, 2.0, 30.0], "PaLM", setting)
        plotting.reference_line(ax, 25.0)
        plotting.format_scale_axis(ax, "parameters")
    paths = grid.save()
    manifest = json.loads((tmp_path / "test_chapter" / "test_figure.json").read_text())
    assert [p["file"] for p in manifest["panels"]] == ["test_figure/panel-01.svg", "test_figure/panel-02.svg"]
    assert all(p.is_file() for p in paths)
    series = manifest["panels"][1]["series"][0]
    assert (series["family"], series["setting"], series["linestyle"], series["fillstyle"]) == (
        "PaLM", "chain_of_thought", "-", "full")
    assert "1 at 1B to 30 at 100B" in manifest["panels"][0]["alt"]  # alt written from the data
    composite = (tmp_path / "test_chapter" / "test_figure.svg").read_text()
    assert composite.count('<svg x="') == 3  # two panels and the legend, nested
    ids = re.findall(r'id="([^"]+)"', composite)
    assert len(ids) == len(set(ids)), "ids repeat across the nested panels"
    html = grid.html("Two panels.", {})
    assert html.count("<img") == 2 and "eb-legend" in html and "random chance" in html
    assert 'data-min-font-px="10.67"' in html


def test_alt_text_places_each_kind_of_reference_line(tmp_path, monkeypatch):
    grid = _grid(tmp_path, monkeypatch)
    ax = grid.panel("References")
    plotting.draw_series(ax, [1e20, 1e22], [1.0, 2.0], "PaLM", "standard")
    plotting.reference_line(ax, 25.0)
    plotting.vertical_line(ax, 1e22, "threshold")
    plotting.diagonal_line(ax, 0, 1, "perfect prediction")
    plotting.format_scale_axis(ax, "training_flops")
    grid.save()
    alt = json.loads((tmp_path / "test_chapter" / "test_figure.json").read_text())["panels"][0]["alt"]
    assert "random chance at 25" in alt
    assert "threshold at x = 1.0 × 10²²" in alt
    assert "perfect prediction along y = x" in alt


def test_tiny_text_is_refused(tmp_path, monkeypatch):
    grid = _grid(tmp_path, monkeypatch)
    ax = grid.panel("too small")
    ax.set_xlabel("tiny", fontsize=5)
    with pytest.raises(figure.FigureDesignError, match="CSS px on a 390 px phone"):
        grid.save()


def test_wide_panels_must_have_larger_text(tmp_path, monkeypatch):
    grid = _grid(tmp_path, monkeypatch, panel_size=(6.0, 3.0))  # 576 px: shrunk to 342 px on a phone
    grid.panel("wide")
    with pytest.raises(figure.FigureDesignError):
        grid.save()


def test_family_colour_and_setting_look_are_fixed(family_colors):
    fig, ax = matplotlib.pyplot.subplots()
    line = plotting.draw_series(ax, [1, 2], [1, 2], "LaMDA", "standard")
    style = figure.series_style(line, "x")
    assert (style["color"], style["marker"], style["linestyle"], style["fillstyle"]) == ("#0072b2", "o", "--", "none")
    with pytest.raises(KeyError, match="no style for model family"):
        plotting.draw_series(ax, [1], [1], "Mystery", "standard")
    other = figure.series_style(plotting.draw_other(ax, [1], [1], "a task", 0), "a task")
    assert other["color"] not in family_colors
    matplotlib.pyplot.close(fig)


# ---------------------------------------------------------------------- explorers

def test_explorer_draws_every_view_and_shows_one_by_css(tmp_path, monkeypatch):
    monkeypatch.setenv("EMERGENT_FIGURES_DIR", str(tmp_path))

    def draw(ax, family, setting):
        plotting.draw_series(ax, [1e9, 1e10], [1, 2], family, setting)
        plotting.format_scale_axis(ax, "parameters")

    shown = explorer.explorer("test_chapter", "test_explorer", {"Family": ["LaMDA", "PaLM"],
                                                                "Prompting": ["standard", "chain_of_thought"]}, draw)
    html = shown.data
    assert html.count('class="eb-view"') == 4 and html.count('type="radio"') == 4
    assert html.count(":has(") == 8  # one rule per view, one :has per control
    assert len(list((tmp_path / "test_chapter" / "test_explorer").glob("*.svg"))) == 4
    assert repr(shown) == "Explorer(2 family x 2 prompting)"
    assert "<script" not in html


@pytest.mark.parametrize("source, place", [
    ("wei2022flan (arXiv 2109.01652v5), Sec. 4.2, p. 7", "Sec. 4.2, p. 7"),
    ("kung2023performance (PLOS Digital Health 2(2): e0000198, 2023), abstract; read in copies", "abstract"),
    ("jeong2023samsung (Economist (Korea), 30 March 2023), subheading; read on the article page", "subheading"),
    ("bloomberg2023samsung (Bloomberg News, 2 May 2023); read in the republication", ""),
])
def test_claim_locator_keeps_only_the_place_in_the_work(source, place):
    assert claims.locator(source) == place
