"""A yes/no decision flow drawn from a table of nodes and a table of edges, with a layout computed here.

The flow is a chain of conditions: the answer that leads on to the next condition continues the chain
(downwards), the other answer ends at an outcome (to the right). ``layout`` gives every box a row and a
column without any hand-placed coordinates: conditions take successive rows in column 0 in the order the
edges chain them from the start node; the outcomes of a condition sit in column 1, on the condition's row
and, when it has more than one, on the rows below it (the next condition moves down to make room).
``draw`` renders boxes, arrows and Y/N marks into a matplotlib Axes; ``steps`` lists the flow as text.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

# Data units are inches (the axes keep an equal aspect), sized for a 3.4-inch panel: legible on a phone.
COLUMN_X = {0: 0.0, 1: 2.5}
BOX_WIDTH = {0: 2.2, 1: 0.85}
WRAP = {0: 34, 1: 12}  # characters per line of 8-pt text in those widths
ROW_HEIGHT, BOX_HEIGHT = 0.74, 0.56
OUTCOME_STYLE = {  # outcome label -> (face colour, text colour, border style)
    "LLMs": ("#333333", "white", "-"),
    "Fine-tuned models": ("#dddddd", "#111111", "-"),
}
NO_MODEL_STYLE = ("white", "#111111", "--")


class FlowError(ValueError):
    """The nodes and edges do not form a chain of conditions from a single start node."""


def _children(edges: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    children: dict[str, list[tuple[str, str]]] = {}
    for _, edge in edges.iterrows():
        answer = "" if pd.isna(edge["answer"]) else str(edge["answer"])
        children.setdefault(edge["source_node"], []).append((edge["target_node"], answer))
    return children


def chain(nodes: pd.DataFrame, edges: pd.DataFrame) -> list[str]:
    """The conditions in the order the edges chain them, from the single start node."""
    roles = nodes.set_index("node")["role"]
    unknown = sorted((set(edges["source_node"]) | set(edges["target_node"])) - set(roles.index))
    if unknown:
        raise FlowError(f"edges name nodes that do not exist: {unknown}")
    starts = roles[roles == "start"].index.tolist()
    if len(starts) != 1:
        raise FlowError(f"a flow needs exactly one start node, found {starts}")
    children = _children(edges)
    order, current, seen = [], starts[0], set()
    while True:
        following = [child for child, _ in children.get(current, []) if roles[child] == "condition"]
        if len(following) > 1:
            raise FlowError(f"{current!r} leads to more than one condition: {following}")
        if not following:
            break
        current = following[0]
        if current in seen:
            raise FlowError(f"the flow loops back to {current!r}")
        seen.add(current)
        order.append(current)
    missing = sorted(set(roles[roles == "condition"].index) - set(order))
    if missing:
        raise FlowError(f"conditions not reachable from the start: {missing}")
    return order


def layout(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Row and column of every node (index = node id): start at row 0; see the module docstring."""
    roles = nodes.set_index("node")["role"]
    children = _children(edges)
    start = roles[roles == "start"].index[0]
    rows = {start: (0, 0)}
    row = 1
    for condition in chain(nodes, edges):
        rows[condition] = (row, 0)
        outcomes = [child for child, _ in children.get(condition, []) if roles[child] == "outcome"]
        for i, outcome in enumerate(outcomes):
            rows[outcome] = (row + i, 1)
        row += max(1, len(outcomes))
    missing = sorted(set(roles.index) - set(rows))
    if missing:
        raise FlowError(f"outcomes not attached to any condition: {missing}")
    placed = pd.DataFrame([{"node": node, "row": r, "column": c} for node, (r, c) in rows.items()]).set_index("node")
    return placed.loc[nodes["node"]]


def answer_of(edges: pd.DataFrame, source: str, target: str) -> str:
    match = edges[(edges["source_node"] == source) & (edges["target_node"] == target)]
    if len(match) != 1:
        raise FlowError(f"{len(match)} edges from {source!r} to {target!r}")
    answer = match["answer"].iloc[0]
    return "" if pd.isna(answer) else str(answer)


def steps(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """The flow as a table, one row per condition in chain order: its label, where each answer leads
    ('next question' or the outcome's label), and the node's own columns (section, remark, quote)."""
    by_id = nodes.set_index("node")
    roles = by_id["role"]
    children = _children(edges)
    rows = []
    for number, condition in enumerate(chain(nodes, edges), start=1):
        leads = {"Y": "", "N": ""}
        for child, answer in children.get(condition, []):
            leads[answer] = "the next question" if roles[child] == "condition" else by_id.loc[child, "label"]
        rows.append({"step": number, "node": condition, "question": by_id.loc[condition, "label"],
                     "if_yes": leads["Y"], "if_no": leads["N"], **by_id.loc[condition].drop(["label", "role"]).to_dict()})
    return pd.DataFrame(rows)


def _box(ax, x, y, width, height, text, face, color, border, wrap, weight="normal"):
    ax.add_patch(FancyBboxPatch((x, y - height / 2), width, height, boxstyle="round,pad=0,rounding_size=0.06",
                                facecolor=face, edgecolor="#333333", linewidth=0.9, linestyle=border, zorder=2))
    lines = "\n".join(line for part in text.split("\n") for line in textwrap.wrap(part, wrap))
    ax.text(x + width / 2, y, lines, ha="center", va="center", fontsize=8, color=color, fontweight=weight,
            zorder=3, linespacing=1.15)


def _arrow(ax, start, end, label, label_at):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=8, color="#555555",
                                 linewidth=0.9, shrinkA=0, shrinkB=0, zorder=1))
    if label:
        ax.text(*label_at, label, ha="center", va="center", fontsize=8, fontweight="bold", color="#111111",
                zorder=4, bbox={"boxstyle": "circle,pad=0.15", "facecolor": "white", "edgecolor": "#555555",
                                "linewidth": 0.7})


def size(nodes: pd.DataFrame, edges: pd.DataFrame) -> tuple[float, float]:
    """The panel size in inches that ``draw`` needs for this flow."""
    rows = layout(nodes, edges)["row"].max()
    return (COLUMN_X[1] + BOX_WIDTH[1] + 0.1, rows * ROW_HEIGHT + BOX_HEIGHT / 2 + 0.5)


def draw(ax, nodes: pd.DataFrame, edges: pd.DataFrame, extra: dict[str, str] | None = None,
         row_height: float = ROW_HEIGHT, box_height: float = BOX_HEIGHT) -> None:
    """Draw the flow into ``ax`` (data units are inches; use ``size`` for the panel). ``extra`` maps a node id to
    a second line of text for its box (e.g. the remark it comes from)."""
    where = layout(nodes, edges)
    by_id = nodes.set_index("node")
    extra = extra or {}

    def centre_y(node):
        return -where.loc[node, "row"] * row_height

    for node, spot in where.iterrows():
        role, label = by_id.loc[node, "role"], by_id.loc[node, "label"]
        text = label + (f"\n{extra[node]}" if node in extra else "")
        if role == "start":
            ax.text(COLUMN_X[0] + BOX_WIDTH[0] / 2, centre_y(node), label, ha="center", va="center", fontsize=8,
                    fontweight="bold", color="#111111")
        elif role == "condition":
            _box(ax, COLUMN_X[0], centre_y(node), BOX_WIDTH[0], box_height, text, "white", "#111111", "-", WRAP[0])
        else:
            face, color, border = OUTCOME_STYLE.get(label, NO_MODEL_STYLE)
            _box(ax, COLUMN_X[1], centre_y(node), BOX_WIDTH[1], box_height * 0.8, text, face, color, border, WRAP[1],
                 weight="bold")
    for _, edge in edges.iterrows():
        source, target = edge["source_node"], edge["target_node"]
        answer = answer_of(edges, source, target)
        t = where.loc[target]
        if int(t["column"]) == 0:  # down the chain
            x = COLUMN_X[0] + BOX_WIDTH[0] / 2
            top = centre_y(source) - (box_height / 2 if by_id.loc[source, "role"] != "start" else 0.12)
            bottom = centre_y(target) + box_height / 2
            _arrow(ax, (x, top), (x, bottom), answer, (x, (top + bottom) / 2))
        else:  # out to an outcome, on the same row or below
            x0, x1 = COLUMN_X[0] + BOX_WIDTH[0], COLUMN_X[1]
            y0, y1 = centre_y(source), centre_y(target)
            if y1 == y0:
                _arrow(ax, (x0, y0), (x1, y1), answer, ((x0 + x1) / 2, y0))
            else:
                elbow = x0 + (x1 - x0) * 0.5
                drop = y0 - box_height / 4
                ax.plot([x0, elbow], [drop, drop], color="#555555", linewidth=0.9, zorder=1)
                ax.plot([elbow, elbow], [drop, y1], color="#555555", linewidth=0.9, zorder=1)
                _arrow(ax, (elbow, y1), (x1, y1), answer, (elbow, (drop + y1) / 2))
    rows = where["row"].max()
    ax.set_xlim(-0.02, COLUMN_X[1] + BOX_WIDTH[1] + 0.02)
    ax.set_ylim(-rows * row_height - box_height / 2 - 0.05, 0.2)
    ax.set_aspect("equal")
    ax.axis("off")
