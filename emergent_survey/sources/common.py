"""What every source module shares: the observation schema, reading sources and a byte-stable CSV writer."""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import re
from pathlib import Path

import pdfplumber
import yaml

from ..data import ROOT, resource
from ..readout import SUFFIX_FACTORS
from ..registry import registry_resources

DEFAULT_SOURCES = ROOT.parent / "shared" / "sources"

OBSERVATION_COLUMNS = [
    "model", "task", "setting", "metric", "value", "unit",
    "x_quantity", "x_value", "uncertainty", "kind", "source", "note",
]


class SourceRowError(ValueError):
    """A source file has a cell, row or column a module cannot take as it is."""


# A number as sources print it: float() also takes 'nan', 'inf', '1_000' and surrounding spaces.
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


class Record(dict):
    """A row of a source CSV that knows its file and line, so that a bad cell can be named."""

    def __init__(self, values: dict, path: Path, line: int):
        super().__init__(values)
        self.path, self.line = path, line

    def number(self, column: str, allow_empty: bool = False, integer: bool = False) -> str | None:
        """The cell's text, checked to be a number (see ``source_number``)."""
        if column not in self:
            raise SourceRowError(f"{self.path}, line {self.line}, column '{column}': no such column")
        return source_number(self.path, self.line, column, self[column], allow_empty=allow_empty, integer=integer)


def read_table(path: Path, header: list[str] | None = None) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header and the rows of a CSV file, each row with the line it starts on (the header is
    line 1). ``header``, when given, must match exactly. A row with too few or too many cells raises."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        found = next(reader)
        if header is not None and found != header:
            raise SourceRowError(f"{path}, line 1: header {found} is not the expected {header}")
        repeated = sorted({name for name in found if found.count(name) > 1})
        if repeated:
            raise SourceRowError(f"{path}, line 1: column names {repeated} appear more than once")
        rows = []
        while True:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            if len(record) != len(found):
                raise SourceRowError(f"{path}, line {start}: {len(record)} cells, the header has {len(found)}")
            rows.append((start, dict(zip(found, record))))
    return found, rows


def source_number(path: Path, line: int, column: str, text: str, *, allow_empty: bool = False,
                  integer: bool = False) -> str | None:
    """A cell's text if it is a finite number (an integer, if asked), unchanged; None for an empty
    cell where that is allowed. Anything else raises, naming file, line and column."""
    if allow_empty and text == "":
        return None
    ok = bool(PLAIN_NUMBER.fullmatch(text)) and math.isfinite(float(text))
    if ok and integer:
        ok = float(text) == int(float(text))
    if not ok:
        raise SourceRowError(f"{path}, line {line}, column '{column}': {text!r} is not a"
                             f"{'n integer' if integer else ' number'}")
    return text


def write_catalogue(path: Path, content: dict, header: str) -> Path:
    """A folder's catalogue.yaml: ``header`` (comment lines) and ``content`` as YAML; a JSON round
    trip first, so shared dicts are written out, not as YAML aliases."""
    plain = json.loads(json.dumps(content))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")
    return path


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> Path:
    """Write ``rows`` with exactly ``columns`` (missing cells empty), '\\n' line ends; return path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = sorted({key for row in rows for key in row} - set(columns))
    if extra:
        raise ValueError(f"{path}: rows carry columns the schema lacks: {extra}")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def read_records(path: Path, header: list[str] | None = None) -> list[Record]:
    """The rows of a source CSV file, as dicts of strings that know their file and line; ``header``,
    when given, must match exactly."""
    _, rows = read_table(Path(path), header)
    return [Record(row, Path(path), line) for line, row in rows]


def pdf_page_text(pdf_path: Path, page: int, layout: bool = False) -> str:
    """The text layer of one page (1-based) of a PDF, as pdfplumber extracts it."""
    with pdfplumber.open(pdf_path) as pdf:
        return pdf.pages[page - 1].extract_text(layout=layout)


def squeezed(text: str) -> str:
    """Text without any whitespace, for finding a quote in a text layer that breaks lines
    anywhere and sometimes runs words together."""
    return re.sub(r"\s+", "", text)


def labelled_number(text: str) -> float | None:
    """A size as a label prints it ('350M', '1.3B', '8b'), by ``readout.SUFFIX_FACTORS`` in either
    case; None for anything else ('S', 'help')."""
    text = text.strip()
    factor = SUFFIX_FACTORS.get(text[-1:].upper())
    if len(text) < 2 or factor is None:
        return None
    try:
        return float(text[:-1]) * factor
    except ValueError:
        return None


def number(text: str) -> str:
    """A printed number, checked and kept with its digits ('56.9' stays '56.9'). Where the text
    comes from a CSV cell, ``Record.number`` names the file, line and column of a bad one."""
    if not (PLAIN_NUMBER.fullmatch(text) and math.isfinite(float(text))):
        raise SourceRowError(f"{text!r} is not a number")
    return text


def observation(model: str, task: str, setting: str, metric: str, value: str, source: str,
                note: str = "", kind: str = "table", unit: str = "%", **extra) -> dict:
    """One row of the observation schema."""
    return {"model": model, "task": task, "setting": setting, "metric": metric, "value": number(value),
            "unit": unit, "kind": kind, "source": source, "note": note, **extra}


def read_registry() -> list[dict]:
    """The committed model registry rows (plain dicts), for joining read-outs to models: always the
    book's own data/models.csv, wherever a derivation writes, so modules stay independent."""
    return read_records(ROOT / "data" / "models.csv", REGISTRY_COLUMNS)


@functools.lru_cache(maxsize=1)
def registry_rows() -> dict[str, dict]:
    """Every committed registry row (the catalogue's registry resources: data/models.csv and the
    sources' models_<source>) by model key, with the file it is in under "file", to check where a
    read-out plots a model it names."""
    rows = {}
    for name in registry_resources():
        relative = resource(name, ROOT / "data")["path"]
        for record in read_records(ROOT / "data" / relative, REGISTRY_COLUMNS):
            rows[record["model"]] = {**record, "file": f"data/{relative}"}
    return rows


def join_notes(*notes: str) -> str:
    """Several remarks on one row, in one note cell."""
    return "; ".join(note for note in notes if note)


# --- catalogue schemas -----------------------------------------------------------------------------

KINDS = ["table", "text", "raw", "digitized", "derived"]


def field(name: str, type_: str = "string", description: str = "", **constraints) -> dict:
    """One field of a catalogue schema (Frictionless Table Schema)."""
    out: dict = {"name": name, "type": type_}
    if description:
        out["description"] = description
    if constraints:
        out["constraints"] = constraints
    return out


REGISTRY_COLUMNS = ["model", "family", "name_in_source", "parameters", "parameters_kind", "parameters_source",
                    "training_tokens", "training_tokens_kind", "training_tokens_source", "training_flops",
                    "flops_method", "training_flops_kind", "training_flops_source", "kind", "source", "note"]


def registry_schema(model: dict, family: dict, parameters: str, tokens: str, flops: str,
                    flops_method: dict | None = None, note: dict | str = "note") -> list:
    """The schema of a source's models.csv, the registry's columns: each quantity with its kind and
    source. The arguments describe what this source's columns hold."""
    return [
        model, family, field("name_in_source", required=True),
        field("parameters", "number", parameters, minimum=0),
        field("parameters_kind", enum=KINDS), field("parameters_source"),
        field("training_tokens", "number", tokens, minimum=0),
        field("training_tokens_kind", enum=KINDS), field("training_tokens_source"),
        field("training_flops", "number", flops, minimum=0),
        flops_method or field("flops_method", required=True, enum=["reported", "6ND", "unknown"]),
        field("training_flops_kind", enum=KINDS), field("training_flops_source"),
        "kind", "source", note,
    ]
