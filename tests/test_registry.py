"""The model registry: 6ND against reported compute, every number traced to its cited row, and
every model a data file names is a registry key."""

import csv
import math
import re
from decimal import Decimal

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


def test_rows_marked_6nd_are_6nd_exactly():
    """Exact, as written in every registry file (decimal, not float), and as the package recomputes it."""
    counted = {}
    for name in registry.registry_resources():
        with (data.DATA_DIR / data.resource(name)["path"]).open(newline="", encoding="utf-8") as f:
            rows = [row for row in csv.DictReader(f) if row["flops_method"] == "6ND"]
        for row in rows:
            written = Decimal(row["training_flops"])
            assert written == 6 * Decimal(row["parameters"]) * Decimal(row["training_tokens"]), (name, row["model"])
        counted[name] = len(rows)
    assert {name for name, n in counted.items() if n} >= {"models", "models_pythia", "models_olmo_ladder",
                                                           "models_rae2021_gopher"}
    checked = registry.check_6nd()
    assert len(checked) == sum(counted.values())
    assert (checked["training_flops"] == checked["recomputed_flops"]).all()


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


# `model` columns that name no registry model: claims about systems the registry does not hold,
# the lineage chart's names, Epoch's own titles.
FREE_TEXT_MODELS = {"epoch_notable_models", "lineage_models", "text_claims", "predictability_claims", "risks_claims",
                    "discussion_claims", "practice_claims", "yang2023_practice_claims", "yang2023_pretraining_mix"}


def model_key_without_foreign_key(name: str) -> bool:
    """A data file (not a registry file) with a `model` column that no foreign key checks."""
    schema = data.resource(name)["schema"]
    return ("model" in {field["name"] for field in schema["fields"]}
            and not any(key["fields"] in ("model", ["model"]) for key in schema.get("foreignKeys", []))
            and name not in registry.registry_resources())


UNCHECKED_BY_VALIDATION = [name for name in data.resource_names()
                           if model_key_without_foreign_key(name) and name not in FREE_TEXT_MODELS]


@pytest.mark.parametrize("name", UNCHECKED_BY_VALIDATION)
def test_models_without_a_foreign_key_are_registry_keys(name):
    """Files whose models span several registry files have no foreign key; validation checks the others."""
    models = registry.models()  # raises if two registry files share a key
    named = set(data.load(name)["model"].dropna()) - {""}
    assert named <= set(models.index), f"{name}: {sorted(named - set(models.index))[:5]}"


def test_free_text_model_columns_are_listed_on_purpose():
    assert all(model_key_without_foreign_key(name) for name in FREE_TEXT_MODELS)
    # The files the chapters' checks relied on stay checked.
    assert {"ukplab_runs", "kojima2022_tables_26_27", "kojima2022_figure3", "gopher_toxicity_bias_tables",
            "gopher_toxicity_bias_figures", "palm_bigbench_figures", "palm_discontinuity_text", "kaplan2020_figure1",
            "instructgpt_figure1"} <= set(UNCHECKED_BY_VALIDATION)
