"""The frontier over time: when a score was first reached, and how small a model reaches it later.

Points are rows with a release date, a training-compute (or parameter) column and a score. Rows
without a date or scale cannot answer the question and are left out of it, never filled in; each
function says which rows it used. A score "passes" a bar when it is at or above it.
"""

from __future__ import annotations

import pandas as pd


def passing(points: pd.DataFrame, value: str, bar: float) -> pd.DataFrame:
    """The rows whose ``value`` is at or above ``bar``."""
    return points[points[value] >= bar]


def first_to_pass(points: pd.DataFrame, date: str, value: str, bar: float) -> pd.Series | None:
    """The earliest-dated row at or above ``bar`` (rows without a date are skipped); ties go to the
    higher score, then to the first row. None when no dated row passes."""
    dated = passing(points, value, bar).dropna(subset=[date])
    if dated.empty:
        return None
    return dated.sort_values([date, value], ascending=[True, False], kind="stable").iloc[0]


def smallest_to_pass(points: pd.DataFrame, scale: str, value: str, bar: float) -> pd.Series | None:
    """The row with the smallest ``scale`` at or above ``bar`` (rows without a scale are skipped);
    ties go to the higher score. None when no row with a known scale passes."""
    known = passing(points, value, bar).dropna(subset=[scale])
    if known.empty:
        return None
    return known.sort_values([scale, value], ascending=[True, False], kind="stable").iloc[0]


def first_below_scale(points: pd.DataFrame, date: str, scale: str, value: str, bar: float,
                      limit: float) -> pd.Series | None:
    """The earliest-dated row that passes ``bar`` with ``scale`` below ``limit``: when the level
    first needed less than ``limit`` (e.g. training compute under 10^23 FLOPs). None if never."""
    small = points[points[scale] < limit]
    return first_to_pass(small, date, value, bar)


def smallest_scale_over_time(points: pd.DataFrame, date: str, scale: str, value: str,
                             bar: float) -> pd.DataFrame:
    """For every date on which some model passes ``bar``: the smallest ``scale`` of any model that
    passed on or before that date (a running minimum), with the row that set it. Rows need both a
    date and a scale."""
    known = passing(points, value, bar).dropna(subset=[date, scale])
    known = known.sort_values([date, scale], kind="stable")
    rows, best = [], None
    for when, group in known.groupby(date, sort=True):
        candidate = group.loc[group[scale].idxmin()]
        if best is None or candidate[scale] < best[scale]:
            best = candidate
        rows.append({date: when, scale: best[scale], "set_by": best.name})
    return pd.DataFrame(rows)


def years_between(start, end) -> float:
    """Years between two dates (365.25 days a year)."""
    return (pd.Timestamp(end) - pd.Timestamp(start)).days / 365.25


def timeline(points: pd.DataFrame, date: str, scale: str, value: str, bar: float, limit: float) -> dict | None:
    """When ``bar`` was first passed, when first by a model with ``scale`` below ``limit``, the
    years between and how many times less compute the later model used. None if either is missing."""
    first = first_to_pass(points, date, value, bar)
    later = first_below_scale(points, date, scale, value, bar, limit)
    if first is None or later is None:
        return None
    return {"first": first, "routine": later, "years": years_between(first[date], later[date]),
            "ratio": first[scale] / later[scale]}
