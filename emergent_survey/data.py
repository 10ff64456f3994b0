"""Load the book's data files, validated against the catalogue (a Frictionless Data Package).

Every CSV under ``data/`` has one catalogue entry: its schema (types, allowed values, units), its
licence and its origin. ``data/catalogue.yaml`` holds the package's metadata, the definitions that
entries share (``x-definitions``) and the entries of the files at the top of ``data/``; each source
folder ``data/<source>/`` carries a ``catalogue.yaml`` of its own files beside them, with paths
relative to that folder. In any entry, a string stands for the shared definition it names:
``schema.fields: observation`` (a whole field list), an item of ``fields`` or ``foreignKeys``, or an
item of ``licenses``; a field list defined there may name further definitions. A name that is not
defined, or two entries with one name or path, raise ``CatalogueError`` naming the catalogue files.
``load(name)`` returns a DataFrame only after the file passed validation; otherwise it raises
``DataValidationError`` naming file, line and column.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import frictionless
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("EMERGENT_DATA_DIR", ROOT / "data"))
CATALOGUE = "catalogue.yaml"

# Rules that involve two columns of a row; Frictionless evaluates them per row.
ROW_RULES = {
    "kind == 'digitized' implies an uncertainty": "kind != 'digitized' or uncertainty is not None",
    "kind == 'derived' implies a formula in note": "kind != 'derived' or note is not None",
}


ROW_RULES_KEY = json.dumps(ROW_RULES, sort_keys=True).encode() + frictionless.__version__.encode()


class DataValidationError(ValueError):
    """A data file broke its schema; the message lists file, line, column and the problem."""


class CatalogueError(ValueError):
    """A catalogue file is malformed (unknown definition, duplicate resource name or path)."""


def _expand(value, definitions: dict, where: str):
    """A definition's copy for a string naming one; ``value`` itself otherwise."""
    if isinstance(value, str):
        if value not in definitions:
            raise CatalogueError(f"{where}: no shared definition named {value!r} in data/{CATALOGUE}")
        return json.loads(json.dumps(definitions[value]))
    return value


def _fields(value, definitions: dict, where: str) -> list[dict]:
    """A field list with every named definition expanded; a definition may itself be a field list
    that names further definitions (``observation`` names ``kind``, ``source`` and ``note``)."""
    expanded = _expand(value, definitions, where)
    if isinstance(expanded, dict):
        return [expanded]
    return [field for item in expanded for field in _fields(item, definitions, where)]


def _expand_resource(resource: dict, definitions: dict, where: str) -> dict:
    """A catalogue entry with the definitions it names (licences, fields, foreign keys) written out."""
    resource["licenses"] = [_expand(item, definitions, where) for item in resource.get("licenses", [])]
    schema = resource.get("schema", {})
    schema["fields"] = _fields(schema.get("fields", []), definitions, where)
    if "foreignKeys" in schema:
        schema["foreignKeys"] = [_expand(item, definitions, where) for item in schema["foreignKeys"]]
    return resource


def _load_yaml(path: Path):
    # libyaml's loader where present: the pure-Python one takes most of a no-change rebuild.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _entries(catalogue_file: Path, base: Path, definitions: dict) -> list[tuple[dict, str]]:
    """The entries of one catalogue file, paths made relative to data/, each with the file it is in."""
    folder = catalogue_file.parent.relative_to(base).as_posix()
    shown = f"data/{catalogue_file.relative_to(base).as_posix()}"
    content = _load_yaml(catalogue_file) or {}
    entries = []
    for resource in content.get("resources", []):
        if folder != ".":
            resource["path"] = f"{folder}/{resource['path']}"
        entries.append((_expand_resource(resource, definitions, f"{shown}, resource {resource.get('name')!r}"), shown))
    return entries


@functools.lru_cache(maxsize=None)
def _descriptor(base: str) -> str:
    """The merged catalogue as JSON: the root's metadata and the entries of every catalogue file."""
    root_file = Path(base) / CATALOGUE
    root = _load_yaml(root_file)
    definitions = root.pop("x-definitions", {})
    root.pop("resources", None)
    entries = _entries(root_file, Path(base), definitions)
    for fragment in sorted(Path(base).glob(f"*/{CATALOGUE}")):
        entries += _entries(fragment, Path(base), definitions)
    for key in ("name", "path"):
        where: dict[str, list[str]] = {}
        for resource, shown in entries:
            where.setdefault(resource[key], []).append(shown)
        twice = {value: files for value, files in where.items() if len(files) > 1}
        if twice:
            raise CatalogueError("data catalogue: " + "; ".join(
                f"resource {key} {value!r} listed more than once, in {' and '.join(files)}"
                for value, files in sorted(twice.items())))
    root["resources"] = [resource for resource, _ in entries]
    # Serialised: a JSON round trip also unshares YAML-anchored dicts, which Frictionless modifies.
    return json.dumps(root)


@functools.lru_cache(maxsize=None)
def _resources(base: str) -> dict[str, str]:
    """Each resource's descriptor (JSON), by name."""
    return {resource["name"]: json.dumps(resource) for resource in json.loads(_descriptor(base))["resources"]}


def _base(data_dir: Path | str | None) -> str:
    return str(Path(data_dir) if data_dir else DATA_DIR)


def catalogue(data_dir: Path | str | None = None) -> frictionless.Package:
    """The data catalogue: one Frictionless resource per data file (all catalogue files merged)."""
    base = _base(data_dir)
    return frictionless.Package(json.loads(_descriptor(base)), basepath=base)


def resource_names(data_dir: Path | str | None = None) -> list[str]:
    return list(_resources(_base(data_dir)))


def resource(name: str, data_dir: Path | str | None = None) -> dict:
    """A copy of the catalogue entry ``name`` (path relative to data/, title, licences, schema)."""
    resources = _resources(_base(data_dir))
    if name not in resources:
        raise KeyError(f"no resource {name!r} in the data catalogue")
    return json.loads(resources[name])


def with_references(name: str, data_dir: Path | str | None = None) -> list[str]:
    """``name`` and the resources its foreign keys point to, recursively, in that order (validating
    a file reads them all)."""
    resources = _resources(_base(data_dir))
    if name not in resources:
        raise KeyError(f"no resource {name!r} in the data catalogue")
    wanted, queue = [], [(name, "")]
    while queue:
        current, referrer = queue.pop()
        if current in wanted:
            continue
        if current not in resources:
            raise CatalogueError(f"data catalogue: resource {referrer!r} has a foreign key to {current!r}, "
                                 "which no catalogue file lists")
        wanted.append(current)
        entry = json.loads(resources[current])
        queue += [(key["reference"]["resource"], current) for key in entry.get("schema", {}).get("foreignKeys", [])
                  if key["reference"].get("resource")]
    return wanted


def _package_for(name: str, base: str) -> frictionless.Package:
    """A package of ``name`` and the resources its foreign keys point to: building the whole
    catalogue's package for each file costs more than validating the file."""
    root = json.loads(_descriptor(base))
    root["resources"] = [json.loads(_resources(base)[n]) for n in with_references(name, base)]
    return frictionless.Package(root, basepath=base)


def _describe(error, path: str) -> str:
    """'file, line N, column 'c': problem (value 'x')' for one Frictionless error."""
    row = getattr(error, "row_number", None)
    field = (getattr(error, "field_name", None) or ", ".join(getattr(error, "field_names", None) or [])
             or getattr(error, "label", None))
    where = [path]
    if row is not None:
        where.append(f"line {row}")  # the header is line 1
    if field:
        where.append(f"column '{field}'")
    cell = getattr(error, "cell", None)
    value = f" (value {cell!r})" if cell not in (None, "") else ""
    return f"{', '.join(where)}: {error.type}: {error.note}{value}"


def _validation_key(name: str, base: str) -> str:
    """A digest of everything validating ``name`` reads: the catalogue entries of the resource and
    of the resources its foreign keys point to, and the bytes of their files."""
    digest = hashlib.sha256(ROW_RULES_KEY)
    for entry in (_resources(base)[n] for n in with_references(name, base)):
        digest.update(entry.encode())
        digest.update((Path(base) / json.loads(entry)["path"]).read_bytes())
    return digest.hexdigest()


def _validation_cache() -> Path | None:
    """Where passed validations are remembered (by the digest of what was validated), so that the
    many processes of a test run validate each file once; EMERGENT_VALIDATION_CACHE=off disables it."""
    setting = os.environ.get("EMERGENT_VALIDATION_CACHE", "")
    if setting == "off":
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "emergent-survey" / "validated"


def validate(name: str, data_dir: Path | str | None = None) -> None:
    """Validate one catalogue resource; raise DataValidationError listing every problem. A file
    whose exact bytes and catalogue entry have passed before is not validated again."""
    base = _base(data_dir)
    cache = _validation_cache()
    key = _validation_key(name, base) if cache else ""
    if cache and (cache / key).is_file():
        return
    resource = _package_for(name, base).get_resource(name)
    fields = {f.name for f in resource.schema.fields}
    rules = [
        frictionless.checks.row_constraint(formula=formula)
        for formula in ROW_RULES.values()
        if {"kind", "uncertainty", "note"} <= fields
    ]
    report = resource.validate(frictionless.Checklist(checks=rules))
    if report.valid:
        if cache:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / key).touch()
        return
    path = str(Path(resource.basepath or "") / resource.path)
    problems = [_describe(e, path) for task in report.tasks for e in task.errors]
    problems += [_describe(e, path) for e in report.errors]
    raise DataValidationError(f"{len(problems)} problem(s) in {path}:\n" + "\n".join(problems))


@functools.lru_cache(maxsize=None)
def _load_cached(name: str, data_dir: str) -> pd.DataFrame:
    validate(name, data_dir)
    entry = resource(name, data_dir)
    dtypes = {
        field["name"]: ("float64" if field.get("type") in ("number", "integer") else "string")
        for field in entry["schema"]["fields"]
    }
    path = Path(data_dir) / entry["path"]
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])


# The resources this process has loaded: `make execute` records them per notebook, and a chapter's
# download bundle carries exactly those files.
LOADED: set[str] = set()


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """A validated copy of the data file ``name`` (its catalogue resource name)."""
    LOADED.add(name)
    return _load_cached(name, str(Path(data_dir) if data_dir else DATA_DIR)).copy()


def truthy(value) -> bool:
    """A boolean cell, as the loader returns it or as written (True, 'true', 'True', '1')."""
    return str(value).strip().lower() in ("true", "1")


def lookup(frame: pd.DataFrame, column: str = "value", **where) -> float:
    """The single value of ``column`` in the row matching every ``where`` condition.

    Raises LookupError when no row or more than one row matches, so a typo in a model or task
    name fails loudly instead of producing NaN.
    """
    mask = pd.Series(True, index=frame.index)
    for name, wanted in where.items():
        mask &= frame[name] == wanted
    matches = frame.loc[mask, column]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} rows match {where} (need exactly one)")
    return matches.iloc[0]
