"""The model registry: 6ND against reported compute, and every number traced to its cited row."""

import math
import re

import pytest

from emergent_survey import data, registry


def test_six_nd_formula():
    assert registry.six_nd(1e9, 2e10) == pytest.approx(1.2e20)
    with pytest.raises(ValueError):
        registry.six_nd(0, 1e10)


@pytest.mark.parametrize("model, paper_flops", [
    # Reported compute: GPT-3 Table D.1 gives 3.14E+23 for 175B; PaLM 540B is listed at
    # 2.53E+24 by Wei et al. 2022 Table 2 (the PaLM paper itself reports 2.56E+24).
    ("text-davinci-002", 3.14e23),
    ("PaLM 540B", 2.53e24),
])
def test_six_nd_matches_reported_compute(model, paper_flops):
    row = registry.models().loc[model]
    estimate = registry.six_nd(row["parameters"], row["training_tokens"])
    assert estimate == pytest.approx(paper_flops, rel=0.02)
    assert row["training_flops"] == pytest.approx(paper_flops, rel=0.005)


def test_rows_marked_6nd_are_6nd():
    checked = registry.check_6nd()
    assert len(checked) >= 1
    for _, row in checked.iterrows():
        assert row["training_flops"] == pytest.approx(row["recomputed_flops"], rel=1e-9)


def test_registry_values_equal_the_wei_table_rows_they_cite():
    table2 = data.load("wei2022_table2").set_index("row_label")
    cited = 0
    for _, row in registry.models().iterrows():
        for quantity in ("training_tokens", "training_flops", "parameters"):
            source = row[f"{quantity}_source"]
            match = re.search(r"Table 2, row '([^']+)'", source if isinstance(source, str) else "")
            if match:
                cited += 1
                assert row[quantity] == pytest.approx(table2.loc[match.group(1), quantity]), (
                    f"{row['model']}: {quantity} differs from Wei et al. Table 2 row {match.group(1)}")
    assert cited >= 20


def test_undisclosed_sizes_stay_missing():
    codex = registry.models().loc["code-davinci-002"]
    assert math.isnan(codex["parameters"]) and math.isnan(codex["training_flops"])
    assert codex["flops_method"] == "unknown"


def test_with_scale_refuses_unknown_models():
    observations = data.load("cot_solve_rates").head(3).copy()
    observations.loc[observations.index[0], "model"] = "Mystery 1T"
    with pytest.raises(KeyError, match="Mystery 1T"):
        registry.with_scale(observations)


def test_figure_3a_positions_agree_with_registry():
    # Wei et al. plot these LaMDA models at FLOPs rounded to two significant digits.
    plotted = registry.with_scale(data.load("wei2022_figure3a"))
    flops = plotted[plotted["x_quantity"] == "training_flops"]
    assert (flops["x_value"] / flops["training_flops"]).between(0.97, 1.03).all()
    params = plotted[plotted["x_quantity"] == "parameters"]
    assert (params["x_value"] / params["parameters"]).between(0.94, 1.01).all()


def test_gpt3_flops_equal_gpt3_table_d1(shared_sources):
    import csv
    path = shared_sources / "paper_tables" / "gpt3_table2_1_and_D1_sizes_compute.csv"
    table_d1 = {r["model"]: float(r["value"]) for r in csv.DictReader(path.open(encoding="utf-8"))
                if r["table"] == "Table D.1" and r["quantity"] == "total_train_compute" and r["unit"] == "FLOPs"}
    models = registry.models()
    gpt3 = models[(models["family"] == "GPT-3") & (models["registry_file"] == "models")]  # the GPT-3 paper's eight
    assert len(gpt3) == 8
    for _, row in gpt3.iterrows():
        name = row["name_in_source"]
        assert row["training_flops"] == pytest.approx(table_d1[name], rel=0.005), name


# A figure may place a model at an x a little off the registry's (rounded FLOPs, another parameter
# count): beyond this the row's note must give both values, so the book never chooses silently.
PLACEMENT_TOLERANCE = 0.005


def plotted_registry_models():
    """(file, line, model, quantity, plotted x, note) for every read-out row placed at a registry model."""
    import csv
    from pathlib import Path

    data_dir = Path(data.__file__).resolve().parent.parent / "data"
    for path in sorted(data_dir.rglob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if not {"model", "x_quantity", "x_value", "note"} <= set(reader.fieldnames or []):
                continue
            for line, row in enumerate(reader, start=2):
                if row["model"] and row["x_value"] and row["x_quantity"] in ("training_flops", "parameters"):
                    yield (path.relative_to(data_dir).as_posix(), line, row["model"], row["x_quantity"],
                           float(row["x_value"]), row["note"])


def test_plotted_x_that_differs_from_the_registry_is_noted():
    models = registry.models()
    rows = list(plotted_registry_models())
    assert len(rows) > 500
    problems = []
    for file, line, model, quantity, plotted, note in rows:
        registered = models.loc[model, quantity] if model in models.index else math.nan
        if math.isnan(registered):
            problems.append(f"data/{file}, line {line}: {model} has no registry {quantity}")
        elif abs(plotted / registered - 1) > PLACEMENT_TOLERANCE and "registry" not in note:
            problems.append(f"data/{file}, line {line}: {model} plotted at {quantity} {plotted:.4g}, "
                            f"registry {registered:.4g}, and the note does not say so")
    assert not problems, "\n".join(problems)

