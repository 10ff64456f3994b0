"""What tool calls add: a model with and without its tool calls, and against larger models without tools.

Input: rows in the schema of ``toolformer_tables_3_5`` (one row per system and benchmark, with the system's
``parameters`` and whether it may call tools, ``tool_calls``). ``per_benchmark`` gives, for each benchmark,
the tool-using system's score, the same model's score with calls disabled, the ratio and the gain in points,
and the best score of any larger system that calls no tools, with the margin to it. ``summary`` reduces a
group of benchmarks to the statements a text makes about them ("more than doubles on every task", "ahead of
every larger model").
"""

from __future__ import annotations

import pandas as pd

from . import data

TOOL_SYSTEM = "Toolformer"
DISABLED_SYSTEM = "Toolformer (disabled)"


def per_benchmark(rows: pd.DataFrame, tool_system: str = TOOL_SYSTEM,
                  disabled_system: str = DISABLED_SYSTEM) -> pd.DataFrame:
    """One row per benchmark, in the order the rows list them."""
    out = []
    for benchmark, group in rows.groupby("benchmark", sort=False):
        by_system = group.set_index("system")
        if tool_system not in by_system.index or disabled_system not in by_system.index:
            raise KeyError(f"{benchmark}: needs rows for {tool_system!r} and {disabled_system!r}")
        tool = by_system.loc[tool_system]
        if not data.truthy(tool["tool_calls"]) or data.truthy(by_system.loc[disabled_system, "tool_calls"]):
            raise ValueError(f"{benchmark}: {tool_system!r} must call tools and {disabled_system!r} must not")
        with_calls, without = float(tool["value"]), float(by_system.loc[disabled_system, "value"])
        larger = group[(group["parameters"] > tool["parameters"]) & ~group["tool_calls"].map(data.truthy)]
        best = larger.loc[larger["value"].idxmax()] if not larger.empty else None
        out.append({
            "group": tool["group"], "benchmark": benchmark, "tool": tool["tool"],
            "with_calls": with_calls, "calls_disabled": without,
            "ratio": with_calls / without if without else float("inf"), "gain": with_calls - without,
            "best_larger_system": None if best is None else best["system"],
            "best_larger": None if best is None else float(best["value"]),
            "margin_to_larger": None if best is None else with_calls - float(best["value"]),
        })
    return pd.DataFrame(out)


def summary(table: pd.DataFrame, group: str) -> dict:
    """For one group of benchmarks: the smallest ratio with/without calls, whether calls more than double the
    score on every benchmark, whether the tool user is ahead of every larger model on every benchmark, and
    the smallest and largest margin to the best larger model (points)."""
    rows = table[table["group"] == group]
    if rows.empty:
        raise KeyError(f"no benchmarks in group {group!r}")
    margins = rows["margin_to_larger"].astype(float)
    return {"benchmarks": len(rows), "min_ratio": float(rows["ratio"].min()),
            "doubles_everywhere": bool((rows["ratio"] > 2).all()),
            "ahead_of_larger_everywhere": bool((margins > 0).all()),
            "behind_larger_everywhere": bool((margins < 0).all()),
            "min_margin": float(margins.min()), "max_margin": float(margins.max())}
