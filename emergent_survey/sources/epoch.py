"""Epoch AI's compilations: ``epoch_benchmarks/`` and ``epoch_ai_notable_models/`` -> ``data/epoch/``.

* ``benchmarks.csv``: published MMLU, GSM8K, BIG-Bench Hard and LAMBADA scores as Epoch AI collected them
  (epoch-research/benchmark-stitching, ``data/external_benchmark_*.csv``), each row citing its original
  source (paper, model card or leaderboard, with the link) and naming the compilation in its note;
* ``notable_models.csv``: the language models of Epoch AI's "Notable AI Models" with parameters or
  training compute, each with Epoch's own notes on how the number was found or estimated;
* ``catalogue.yaml``: the folder's catalogue, written here so its counts stay true.

The two are joined by exact names, never fuzzily: a benchmark row's ``Model version`` is looked up in
model_versions.csv, whose ``Model`` is looked up in notable_models.csv. Rows that do not match keep empty
compute and say why in ``join``. A bad cell raises ``SourceRowError`` naming file, line and column.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .common import SourceRowError, field, read_table, source_number, write_catalogue, write_csv

BENCH_FOLDER = "epoch_benchmarks"
NOTABLE_FOLDER = "epoch_ai_notable_models"
OUT = "epoch"
STITCHING = "epoch-research/benchmark-stitching@f87d3cc8e8a8"  # ../shared/sources/epoch_benchmarks/PROVENANCE.md
NOTABLE_COPY = ("KellerJordan/modded-nanogpt@917e6ab65275f80ddc622b972723e37bc2199703:"
                "data/notable_ai_models.csv")  # ../shared/sources/epoch_ai_notable_models/PROVENANCE.md
NOTABLE_KEY = "epoch2025notable"  # references.bib: Epoch AI, Data on Notable AI Models

# benchmark -> (file under data/, the column holding the score)
BENCHMARKS = {
    "MMLU": ("external_benchmark_mmlu.csv", "EM"),
    "GSM8K": ("external_benchmark_gsm8k.csv", "EM"),
    "BBH": ("external_benchmark_bbh.csv", "Average"),
    "LAMBADA": ("external_benchmark_lambada.csv", "Score"),
}
BENCH_COLUMNS = {"id", "Name", "Model version", "Shots", "Source", "Source link", "Notes"}
VERSION_COLUMNS = ["id", "Model", "Version release date", "Hugging Face developer id", "Link", "Notes",
                   "benchmarks/runs", "Display name", "Unique display name"]
SCORE = re.compile(r"^(\d{1,3}(?:\.\d+)?)%$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

NOTABLE_COLUMNS = {  # source column -> column here
    "Model": "model", "Organization": "organization", "Publication date": "publication_date", "Domain": "domain",
    "Parameters": "parameters", "Parameters notes": "parameters_notes",
    "Training compute (FLOP)": "training_compute_flop", "Training compute notes": "training_compute_notes",
    "Training dataset size (datapoints)": "training_dataset_size", "Dataset size notes": "dataset_size_notes",
    "Confidence": "confidence", "Model accessibility": "model_accessibility", "Frontier model": "frontier_model",
    "Link": "link", "Reference": "reference",
}
NOTABLE_NUMBERS = ["Parameters", "Training compute (FLOP)", "Training dataset size (datapoints)"]
LANGUAGE = "Language"

JOIN = {  # status -> meaning (catalogue)
    "matched": "model version -> model -> a language model of notable_models.csv",
    "no model version": "the compilation row names no model version",
    "version not in model_versions.csv": "the model version is not an id of model_versions.csv",
    "version without model": "model_versions.csv gives no model for this version",
    "model not in notable models": "Epoch's Notable AI Models has no model of this name",
    "notable model left out": "the notable model is not a language model, or has neither parameters nor compute",
}


def date_cell(path: Path, line: int, column: str, text: str) -> str:
    if text and not DATE.match(text):
        raise SourceRowError(f"{path}, line {line}, column '{column}': {text!r} is not a date YYYY-MM-DD")
    return text


def notable_rows(sources: Path) -> tuple[list[dict], dict[str, dict], Counter]:
    """Language models with parameters or training compute; every notable model by name; counts left out."""
    path = sources / NOTABLE_FOLDER / "notable_ai_models.csv"
    header, rows = read_table(path)
    missing = sorted(set(NOTABLE_COLUMNS) - set(header))
    if missing:
        raise SourceRowError(f"{path}, line 1: columns {missing} missing")
    kept, by_name, left_out, seen = [], {}, Counter(), {}
    for line, row in rows:
        name = row["Model"].strip()  # a few names end in a line break; the join compares stripped names
        if not name:
            raise SourceRowError(f"{path}, line {line}, column 'Model': empty")
        if name != row["Model"]:
            left_out["(kept) names with surrounding spaces or line breaks, stripped"] += 1
        if name in seen:
            raise SourceRowError(f"{path}, line {line}, column 'Model': {name!r} already on line {seen[name]}")
        seen[name] = line
        numbers = {column: source_number(path, line, column, row[column], allow_empty=True) for column in NOTABLE_NUMBERS}
        date_cell(path, line, "Publication date", row["Publication date"])
        if LANGUAGE not in row["Domain"].split(","):
            left_out["not a language model"] += 1
            by_name[name] = None
            continue
        if numbers["Parameters"] is None and numbers["Training compute (FLOP)"] is None:
            left_out["language model without parameters or training compute"] += 1
            by_name[name] = None
            continue
        out = {target: row[column] for column, target in NOTABLE_COLUMNS.items()} | {"model": name}
        out |= {"kind": "table",
                "source": f"Epoch AI, Data on Notable AI Models ({NOTABLE_KEY}); copy at {NOTABLE_COPY}, line {line}",
                "note": "values as Epoch AI gives them (often Epoch's own estimate: see the notes columns); "
                        "the model's own paper or page is in link"}
        kept.append(out)
        by_name[name] = out
    return kept, by_name, left_out


def model_versions(sources: Path) -> dict[str, dict]:
    path = sources / BENCH_FOLDER / "data" / "model_versions.csv"
    _, rows = read_table(path, VERSION_COLUMNS)
    versions: dict[str, dict] = {}
    for line, row in rows:
        key = row["id"].strip()
        if not key:
            raise SourceRowError(f"{path}, line {line}, column 'id': empty")
        if key in versions:
            raise SourceRowError(f"{path}, line {line}, column 'id': {key!r} already on line {versions[key]['line']}")
        date_cell(path, line, "Version release date", row["Version release date"])
        versions[key] = {"line": line, "model": row["Model"].strip(), "date": row["Version release date"]}
    return versions


def benchmark_rows(sources: Path, versions: dict[str, dict], notable: dict[str, dict | None]) -> tuple[list, Counter]:
    rows, joins = [], Counter()
    for benchmark, (file, score_column) in BENCHMARKS.items():
        path = sources / BENCH_FOLDER / "data" / file
        header, records = read_table(path)
        if set(header) != BENCH_COLUMNS | {score_column}:
            raise SourceRowError(f"{path}, line 1: columns {header}, expected {sorted(BENCH_COLUMNS | {score_column})}")
        seen: dict[str, int] = {}
        for line, row in records:
            record = row["id"]
            if not record or record in seen:
                raise SourceRowError(f"{path}, line {line}, column 'id': {record!r} empty or repeated")
            seen[record] = line
            score = SCORE.match(row[score_column])
            if not score:
                raise SourceRowError(f"{path}, line {line}, column '{score_column}': {row[score_column]!r} "
                                     "is not a percentage like '77.0%'")
            for column in ("Source", "Source link"):
                if not row[column].strip():
                    raise SourceRowError(f"{path}, line {line}, column '{column}': empty (every row cites its source)")
            version = row["Model version"].strip()
            entry = versions.get(version)
            model = entry["model"] if entry else ""
            match = notable.get(model) if model else None
            if not version:
                join = "no model version"
            elif entry is None:
                join = "version not in model_versions.csv"
            elif not model:
                join = "version without model"
            elif model not in notable:
                join = "model not in notable models"
            elif match is None:
                join = "notable model left out"
            else:
                join = "matched"
            joins[(benchmark, join)] += 1
            rows.append({
                "benchmark": benchmark, "epoch_record": record, "name_in_epoch": row["Name"].strip(),
                "model_version": version, "epoch_model": model,
                "version_release_date": entry["date"] if entry else "",
                "organization": match["organization"] if match else "",
                "publication_date": match["publication_date"] if match else "",
                "parameters": match["parameters"] if match else "",
                "training_compute_flop": match["training_compute_flop"] if match else "",
                "join_status": join, "value": score.group(1), "unit": "%", "shots": row["Shots"].strip(),
                "epoch_notes": row["Notes"].strip(), "kind": "table",
                "source": f"{row['Source'].strip()}, {row['Source link'].strip()}",
                "note": f"compiled by Epoch AI ({STITCHING}:data/{file}, record {record})",
            })
    return rows, joins


EPOCH_DATA = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
              "title": "Epoch AI publishes its data under CC BY 4.0 (stated on epoch.ai; not verifiable offline)"}
STITCHING_MIT = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                 "title": "The file was copied from epoch-research/benchmark-stitching (MIT, copyright Epoch AI)"}
CARRIER_MIT = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
               "title": "The copy used is carried in KellerJordan/modded-nanogpt (MIT); the data are Epoch AI's"}


def catalogue(joins: Counter, left_out: Counter, kept: int, total_benchmark_rows: int) -> dict:
    by_benchmark = "; ".join(
        f"{b}: " + ", ".join(f"{status} {joins[(b, status)]}" for status in JOIN if joins[(b, status)])
        for b in BENCHMARKS)
    benchmarks = {
        "name": "epoch_benchmarks", "path": "benchmarks.csv",
        "title": "Published MMLU, GSM8K, BIG-Bench Hard and LAMBADA scores, compiled by Epoch AI",
        "description": (
            f"Every row ({total_benchmark_rows}) of epoch-research/benchmark-stitching's external_benchmark_"
            "{mmlu,gsm8k,bbh,lambada}.csv at commit f87d3cc8e8a8: the score as the original source reports it "
            "(the EM, Average or Score column, in %), the shots where the compilation gives them (empty: not "
            "stated), Epoch's notes (e.g. chain of thought), and the original source with its link as the row's "
            "source; the note names the compilation and the record. The release date of the model version is "
            "model_versions.csv's; organisation, publication date, parameters and training compute come from "
            "notable_models.csv (this folder). Join rule, exact strings only: the row's Model version (surrounding "
            "spaces removed) is an id of model_versions.csv; that row's Model is a model of Epoch's Notable AI "
            "Models; the model is in notable_models.csv. join_status says where a row stops: "
            + "; ".join(f"'{k}' = {v}" for k, v in JOIN.items()) + f". Counts: {by_benchmark}. Settings differ "
            "between rows (shots, chain of thought, harness); compare within one source where possible."),
        "format": "csv", "encoding": "utf-8", "licenses": [EPOCH_DATA, STITCHING_MIT],
        "schema": {"primaryKey": ["epoch_record"], "fields": [
            field("benchmark", required=True, enum=list(BENCHMARKS)),
            field("epoch_record", description="The compilation's record id.", required=True, unique=True),
            field("name_in_epoch", description="The row's Name in the compilation (the model as it is cited)."),
            field("model_version", description="The row's Model version (an id of model_versions.csv)."),
            field("epoch_model", description="model_versions.csv's Model for that version (Epoch's model name)."),
            field("version_release_date", "date", "model_versions.csv's Version release date."),
            field("organization"), field("publication_date", "date", "notable_models.csv's publication date."),
            field("parameters", "number", minimum=0),
            field("training_compute_flop", "number", "notable_models.csv's training compute (FLOP).", minimum=0),
            field("join_status", required=True, enum=list(JOIN)),
            field("value", "number", required=True, minimum=0, maximum=100),
            field("unit", required=True, enum=["%"]),
            field("shots", description="As the compilation gives it ('few' appears for LAMBADA); empty: not stated."),
            field("epoch_notes"), "kind", "source", field("note")]},
    }
    notable = {
        "name": "epoch_notable_models", "path": "notable_models.csv",
        "title": "Language models in Epoch AI's Notable AI Models, with parameters and training compute",
        "description": (
            f"{kept} rows: the models of Epoch AI's 'Data on Notable AI Models' export (snapshot of 2025-07-01, "
            "carried in KellerJordan/modded-nanogpt) whose Domain lists Language and that have parameters or "
            "training compute (FLOP), with Epoch's notes on each number, its confidence and the model's "
            "accessibility. Values are Epoch's: often estimates (e.g. 6ND or from hardware and time), as the "
            "notes say; link and reference name the model's own paper or page. Left out: "
            + "; ".join(f"{reason} {n}" for reason, n in sorted(left_out.items()) if not reason.startswith("("))
            + ". Model names are compared with surrounding spaces and line breaks removed ("
            + str(sum(n for reason, n in left_out.items() if reason.startswith("("))) + " names had them)."),
        "format": "csv", "encoding": "utf-8", "licenses": [EPOCH_DATA, CARRIER_MIT],
        "schema": {"primaryKey": ["model"], "fields": [
            field("model", required=True, unique=True), field("organization"),
            field("publication_date", "date", required=True), field("domain", required=True),
            field("parameters", "number", minimum=0), field("parameters_notes"),
            field("training_compute_flop", "number", minimum=0), field("training_compute_notes"),
            field("training_dataset_size", "number", "Training dataset size (datapoints), as Epoch gives it.",
                  minimum=0),
            field("dataset_size_notes"),
            field("confidence", enum=["Confident", "Likely", "Speculative", "Unknown"]),
            field("model_accessibility"), field("frontier_model", enum=["True"]),
            field("link"), field("reference"), "kind", "source", field("note")]},
    }
    return {"resources": [benchmarks, notable]}


BENCH_HEADER = ["benchmark", "epoch_record", "name_in_epoch", "model_version", "epoch_model", "version_release_date",
                "organization", "publication_date", "parameters", "training_compute_flop", "join_status", "value",
                "unit", "shots", "epoch_notes", "kind", "source", "note"]
NOTABLE_HEADER = [*NOTABLE_COLUMNS.values(), "kind", "source", "note"]


def derive(sources: Path, out: Path, figures_out: Path) -> list[Path]:
    """Write data/epoch/ (and its catalogue.yaml) from ../shared/sources/epoch_*."""
    sources = Path(sources)
    kept, by_name, left_out = notable_rows(sources)
    rows, joins = benchmark_rows(sources, model_versions(sources), by_name)
    target = Path(out) / OUT
    written = [write_csv(target / "benchmarks.csv", BENCH_HEADER, rows),
               write_csv(target / "notable_models.csv", NOTABLE_HEADER, kept)]
    header = ("# Written by emergent_survey/sources/epoch.py (make data); edit the module, not this file.\n"
              f"# Sources: {STITCHING}:data/ and {NOTABLE_COPY}.\n")
    written.append(write_catalogue(target / "catalogue.yaml", catalogue(joins, left_out, len(kept), len(rows)), header))
    return written
