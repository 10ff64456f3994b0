"""The checklist of the commissioning articles' points (tests/source_points.csv, one line per point:
seed, point, primary source, where the book covers it, status, why) is complete and true: every
place it names exists on the built site, every point not fully covered says why, and the points of
the practice articles (seeds 001 and 004) all lead somewhere in the book."""

import csv
import re
from pathlib import Path

import pytest
from browsing import HTML_DIR

CHECKLIST = Path(__file__).with_name("source_points.csv")
ROWS = list(csv.DictReader(CHECKLIST.open(encoding="utf-8")))
SEEDS = {"000", "001", "002", "003", "004"}


def test_checklist_covers_every_seed_with_unique_points():
    assert {row["seed"] for row in ROWS} == SEEDS
    ids = [row["point_id"] for row in ROWS]
    assert len(ids) == len(set(ids)), "a point id appears twice"
    for row in ROWS:
        assert re.fullmatch(rf"{row['seed']}-\d{{3}}", row["point_id"]), row["point_id"]
        assert row["point"].strip() and row["primary_source"].strip(), row["point_id"]


def test_every_point_has_a_status_and_uncovered_points_say_why():
    for row in ROWS:
        assert row["status"] in {"covered", "partial", "missing"}, row["point_id"]
        if row["status"] != "covered":
            assert row["why"].strip(), f"{row['point_id']} is {row['status']} without saying why"
        if row["status"] == "missing":
            assert not row["covered_in"], f"{row['point_id']} is missing but names {row['covered_in']}"
        else:
            assert row["covered_in"], f"{row['point_id']} is {row['status']} but names no place"


def test_practice_points_lead_into_the_book():
    for row in ROWS:
        if row["seed"] in {"001", "004"}:
            assert row["covered_in"] or "no source" in row["why"].lower() or "not available" in row["why"].lower(), (
                f"{row['point_id']}: a practice point with no place in the book and no reason it cannot have one")


@pytest.mark.parametrize("place", sorted({row["covered_in"] for row in ROWS if row["covered_in"]}))
def test_every_named_place_exists_on_the_site(place):
    page, _, anchor = place.partition("#")
    html = HTML_DIR / Path(page).with_suffix(".html")
    assert html.is_file(), f"{page} is not a page of the built book (run `make book`)"
    if anchor:
        assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), f"no section or label #{anchor} on {page}"
