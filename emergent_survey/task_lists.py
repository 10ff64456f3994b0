"""Task lists that papers print as prose: "abstraction and reasoning corpus, authorship verification, ...".

Wei et al. 2022a (Appendices E and F) list the BIG-bench tasks of each category as one comma-separated
sentence, sometimes after a label ("Model gets worse with scale: bbq lite, ..."), and an item may carry
a remark in parentheses that itself contains commas ("arithmetic (emergent at 1B, which is ...)").
``items`` returns the tasks of such a sentence in the printed order; ``bigbench_id`` turns a printed
name into BIG-bench's identifier ("goal step wikihow" -> "goal_step_wikihow"), the form PaLM's tables
use, so the two papers' lists can be matched. Counting the items is the book's count: the papers
print the lists, not their lengths.
"""

from __future__ import annotations

import re


def _without_label(text: str) -> str:
    """The list after a leading label ("Label: a, b" -> "a, b"); a colon after the first comma, or
    inside parentheses, is part of an item, not a label."""
    head = text.split(",", 1)[0]
    if ": " in head and "(" not in head.split(": ", 1)[0]:
        return text.split(": ", 1)[1]
    return text


def items(text: str) -> list[str]:
    """The items of a printed list, in order: split at commas outside parentheses, surrounding
    spaces and a final full stop removed, empty items dropped."""
    text = _without_label(text.strip())
    found, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char == "," and depth == 0:
            found.append("".join(current))
            current = []
        else:
            current.append(char)
    found.append("".join(current))
    cleaned = [item.strip().removesuffix(".").strip() for item in found]
    return [item for item in cleaned if item]


def bigbench_id(name: str) -> str:
    """BIG-bench's identifier for a printed task name: a remark in parentheses dropped, lower case,
    runs of spaces or hyphens as one underscore ("few-shot nlg" -> "few_shot_nlg")."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip().lower()
    return re.sub(r"[\s\-]+", "_", name)


def bigbench_ids(text: str) -> list[str]:
    """``bigbench_id`` of every item of the printed list ``text``."""
    return [bigbench_id(item) for item in items(text)]
