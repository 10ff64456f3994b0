"""Every data file validates against the catalogue, and broken copies fail with file, line, column."""

import csv
import re
from pathlib import Path

import nbformat
import pytest
from broken_files import copy_data, set_cell

from emergent_survey import data

ROOT = Path(__file__).resolve().parent.parent
CSV_FILES = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.csv"))


@pytest.mark.parametrize("name", data.resource_names())
def test_every_resource_validates(name):
    data.validate(name)
    frame = data.load(name)
    assert len(frame) > 0
    assert frame["source"].str.len().min() >= 8
    assert set(frame["kind"]) <= {"table", "text", "raw", "digitized", "derived"}


def test_every_csv_is_in_the_catalogue_with_a_licence():
    listed = {r.path: r for r in data.catalogue().resources}
    assert sorted(listed) == CSV_FILES
    for resource in listed.values():
        assert resource.licenses, f"{resource.path} has no licence in the catalogue"


@pytest.fixture
def broken_copy(tmp_path):
    return copy_data(tmp_path)


@pytest.mark.parametrize("name, relative, line, column, value, problem", [
    ("cot_solve_rates", "wei2022_cot/solve_rates.csv", 7, "value", "fifty", "type-error"),
    ("cot_solve_rates", "wei2022_cot/solve_rates.csv", 7, "source", "", 'constraint "required"'),
    ("cot_solve_rates", "wei2022_cot/solve_rates.csv", 7, "model", "GPT-5 1T", "not found in the lookup table"),
    ("cot_solve_rates", "wei2022_cot/solve_rates.csv", 7, "kind", "estimated", 'constraint "enum"'),
    ("cot_solve_rates", "wei2022_cot/solve_rates.csv", 7, "task", "NoSuchTask", "not found in the lookup table"),
    ("wu_lo_overall", "wu_lo/overall.csv", 4, "value", "1.7", 'constraint "maximum"'),  # a share above 1
])
def test_broken_cell_is_named(broken_copy, name, relative, line, column, value, problem):
    set_cell(broken_copy / relative, line, column, value)
    with pytest.raises(data.DataValidationError) as error:
        data.validate(name, broken_copy)
    message = str(error.value)
    assert f"{relative}, line {line}" in message
    assert f"column '{column}'" in message
    assert problem in message


def test_digitized_row_without_uncertainty_fails(broken_copy):
    set_cell(broken_copy / "wei2022_emergent/figure3a_gsm8k_lamda.csv", 3, "uncertainty", "")
    with pytest.raises(data.DataValidationError, match=r"figure3a_gsm8k_lamda.csv, line 3.*row-constraint"):
        data.validate("wei2022_figure3a", broken_copy)


def test_registry_flops_method_is_checked(broken_copy):
    set_cell(broken_copy / "models.csv", 2, "flops_method", "guessed")
    with pytest.raises(data.DataValidationError, match=r"models.csv, line 2, column 'flops_method'"):
        data.validate("models", broken_copy)


def test_load_refuses_a_broken_file(broken_copy):
    set_cell(broken_copy / "tasks.csv", 4, "chance", "high")
    with pytest.raises(data.DataValidationError, match=r"tasks.csv, line 4, column 'chance'.*'high'"):
        data.load("tasks", broken_copy)


def test_lookup_needs_exactly_one_row():
    rates = data.load("cot_solve_rates")
    assert data.lookup(rates, model="PaLM 540B", task="GSM8K", setting="chain_of_thought") == 56.9
    with pytest.raises(LookupError, match="0 rows"):
        data.lookup(rates, model="PaLM 540B", task="GSM8K", setting="self_consistency")
    with pytest.raises(LookupError, match="2 rows"):
        data.lookup(rates, model="PaLM 540B", task="GSM8K")


def test_catalogue_page_offers_every_file_for_download():
    """The page's stored output (nbval keeps it current) links every catalogued file."""
    notebook = nbformat.read(ROOT / "chapters" / "appendix" / "data_catalogue.ipynb", as_version=4)
    page = "".join(output.get("data", {}).get("text/html", "") for cell in notebook.cells
                   if cell.cell_type == "code" for output in cell.outputs)
    for name in data.resource_names():
        path = data.resource(name)["path"]
        assert f'href="../../data/{path}" download' in page, f"data/{path} has no download link"


def write_fragment(folder: Path, text: str) -> None:
    (folder / "catalogue.yaml").write_text(text, encoding="utf-8")


def test_fragment_naming_an_unknown_definition_fails_naming_the_file(broken_copy):
    write_fragment(broken_copy / "wei2022_cot", "resources:\n  - name: cot_solve_rates\n    path: solve_rates.csv\n"
                   "    licenses: [cc-by-4.0]\n    schema:\n      fields: observations\n")
    with pytest.raises(data.CatalogueError, match=r"data/wei2022_cot/catalogue.yaml, resource 'cot_solve_rates'"
                                                  r".*no shared definition named 'observations'"):
        data.catalogue(broken_copy)


def test_two_resources_with_one_name_fail_naming_both_files(broken_copy):
    write_fragment(broken_copy / "scaling_laws", "resources:\n  - name: cot_solve_rates\n    path: constants.csv\n"
                   "    licenses: [cc-by-4.0]\n    schema:\n      fields: [kind, source, note]\n")
    both = r"data/scaling_laws/catalogue.yaml and data/wei2022_cot/catalogue.yaml"
    with pytest.raises(data.CatalogueError, match=rf"resource name 'cot_solve_rates' listed more than once, in {both}"):
        data.catalogue(broken_copy)


def test_foreign_key_to_an_unlisted_resource_fails_naming_the_referrer(broken_copy):
    write_fragment(broken_copy / "scaling_laws", "resources:\n  - name: scaling_constants\n    path: constants.csv\n"
                   "    licenses: [cc-by-4.0]\n    schema:\n      fields: [kind, source, note]\n      foreignKeys:\n"
                   "        - {fields: kind, reference: {resource: no_such_table, fields: kind}}\n")
    with pytest.raises(data.CatalogueError, match=r"resource 'scaling_constants' has a foreign key to 'no_such_table'"):
        data.with_references("scaling_constants", broken_copy)
    with pytest.raises(KeyError, match=r"no resource 'no_such_file'"):
        data.with_references("no_such_file", broken_copy)


# A source a reader can follow names the paper and where in it, or a repository file at a commit;
# these forms name nothing a reader can open.
FORBIDDEN = {
    "a search look-up id": re.compile(r"(?i)\b(?:file ids?|index file|search[- ]index)\b|\bids? \d{6,}"),
    # Also inside a URL: a reader cannot tell such a link from a path on someone's machine.
    "a machine path": re.compile(r"/(?:tmp|work|home|root|Users|mnt)/"),
    "a bare IP address": re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"),
    "a search-tool call": re.compile(r"\b(?:find_string|read_file)\b"),
    "a search corpus instead of the source": re.compile(r"(?i)\bsearch corpus\b"),
}


def followable_problems(data_dir: Path, relative: str) -> list[str]:
    """'data/file, line N, column 'c': <form> ('...')' for every source or note cell holding a forbidden form."""
    problems = []
    with (data_dir / relative).open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = [c for c in reader.fieldnames or [] if c in ("source", "note") or c.endswith("_source")
                   and c != "name_in_source"]
        for line, row in enumerate(reader, start=2):
            for column in columns:
                for form, pattern in FORBIDDEN.items():
                    found = pattern.search(row[column] or "")
                    if found:
                        problems.append(f"data/{relative}, line {line}, column '{column}': "
                                        f"{form} ({found.group(0)!r})")
    return problems


@pytest.mark.parametrize("relative", CSV_FILES)
def test_sources_and_notes_are_followable(relative):
    problems = followable_problems(ROOT / "data", relative)
    assert not problems, "\n".join(problems)


def test_followable_check_names_file_line_and_column(broken_copy):
    set_cell(broken_copy / "tasks.csv", 3, "source", "wei2022cot, read in the search index (file id 23700949863)")
    problems = followable_problems(broken_copy, "tasks.csv")
    assert problems == ["data/tasks.csv, line 3, column 'source': a search look-up id ('search index')"]
