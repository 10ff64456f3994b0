"""Which panels of Wei et al. 2022 (TMLR) the read-out reads, and how their series are named.

Each spec names one plot panel (see ``figure_readout`` for the fields): the figure label, the PDF
page, the panel's bbox (found with ``emergent_survey.readout.find_panels``), what is on the axes,
and the series names read from the figure's legend (``read_legend``), keyed by the read-out's
series key ``"#rrggbb:marker"`` or by colour alone. Where the PDF draws a neighbouring panel's
reference line through this panel (clipped away on the printed page, but present in the vector
data), ``reference_top`` gives the page position of the panel's own line. The ``scout_*`` fields
only serve the test against the scouting extraction in ../shared/sources.

``EMERGENCE_PANELS``: Figures 2 and 11 (eight few-shot emergence panels, x = training FLOPs and
parameters); ``SCALE_PANELS``: Figures 4 and 10 (Gopher and Chinchilla: MMLU and WikiText103
perplexity); ``METRIC_PANELS``: Figures 5-7 (LaMDA under several metrics); ``AUGMENTED_PANELS``:
Figures 3, 12 and 13 (chain of thought, instruction tuning, scratchpad, calibration; few-shot
prompting vs prior SOTA). ``PANELS`` is all of them.
"""

from __future__ import annotations

from .figure_readout import panel_spec

PDF = "wei2022_emergent_abilities_tmlr.pdf"
SOURCE_KEY = "wei2022emergent (TMLR 08/2022, arXiv 2206.07682)"


def _spec(figure: str, letter: str, page: int, bbox: tuple, task: str, y_metric: str, x_quantity: str,
          series: dict, reference: dict | None = None, **extra) -> dict:
    """A panel of this PDF (see ``figure_readout.panel_spec``)."""
    return panel_spec(PDF, SOURCE_KEY, figure, letter, page, bbox, task, y_metric, x_quantity, series, reference,
                      **extra)


# Figures 2 and 11: one legend above each figure, same colours throughout.
SERIES = {
    "#0073ba:circle": "LaMDA",
    "#87618f:square": "GPT-3",
    "#00733d:diamond": "Gopher",
    "#a67a5c:triangle-up": "Chinchilla",
    "#0073ba:pentagon": "PaLM",
}
REFERENCE = {"#f54a8a": "Random"}

# (panel, task, y metric, scouting panel name)
EMERGENCE_TASKS = [
    ("A", "Mod. arithmetic", "Accuracy (%)", "(A) Mod. arithmetic"),
    ("B", "IPA transliterate", "BLEU (%)", "(B) IPA transliterate"),
    ("C", "Word unscramble", "Exact match (%)", "(C) Word unscramble"),
    ("D", "Persian QA", "Exact match (%)", "(D) Persian QA"),
    ("E", "TruthfulQA", "Accuracy (%)", "(E) TruthfulQA"),
    ("F", "Grounded mappings", "Accuracy (%)", "(F) Grounded mappings"),
    ("G", "Multi-task NLU (MMLU)", "Accuracy (%)", "(G) Multi-task NLU (MMLU)"),
    ("H", "Word in context", "Accuracy (%)", "(H) Word in context"),
]
FIG2_BBOXES = [
    (92.4, 116.2, 184.7, 230.9), (208.5, 116.2, 300.7, 230.9), (324.6, 116.2, 416.8, 230.9), (440.6, 116.2, 532.9, 230.9),
    (88.5, 260.5, 180.8, 375.1), (204.6, 260.5, 296.8, 375.1), (320.7, 260.5, 412.9, 375.1), (436.7, 260.5, 529.0, 375.1),
]
FIG2_RANDOM_TOPS = [211.2169, 211.2169, 211.2195, 167.9596, 328.4403, 336.0137, 325.3803, 293.5056]
FIG11_BBOXES = [
    (94.1, 164.5, 186.3, 277.9), (210.2, 164.5, 302.4, 277.9), (326.2, 164.5, 418.4, 277.9), (442.3, 164.5, 534.5, 277.9),
    (88.5, 307.5, 180.8, 421.0), (204.6, 307.5, 296.8, 421.0), (320.7, 307.5, 412.9, 421.0), (436.7, 307.5, 529.0, 421.0),
]
FIG11_RANDOM_TOPS = [259.4389, 259.4389, 259.4415, 216.1816, 375.4873, 383.0607, 372.4273, 340.5526]


def _emergence_panels(figure: str, page: int, bboxes: list[tuple], random_tops: list[float],
                      x_quantity: str) -> list[dict]:
    return [
        _spec(figure, letter, page, bbox, task, metric, x_quantity, SERIES, REFERENCE, reference_top=top,
              scout_panel=scout)
        for (letter, task, metric, scout), bbox, top in zip(EMERGENCE_TASKS, bboxes, random_tops)
    ]


EMERGENCE_PANELS = (
    _emergence_panels("Figure 2", 4, FIG2_BBOXES, FIG2_RANDOM_TOPS, "training FLOPs")
    + _emergence_panels("Figure 11", 27, FIG11_BBOXES, FIG11_RANDOM_TOPS, "parameters")
)


# Wei et al. 2022 (TMLR) Figures 4 and 10: Gopher and Chinchilla (one legend above each figure:
# "Chinchilla", "Gopher", "Random"); MMLU against training FLOPs, parameters and WikiText103
# perplexity. Perplexity axes are log axes drawn inverted (20 at the left/bottom, 5 at the
# right/top); the read-out calibrates them from the tick labels, so the values need no flipping.
PERPLEXITY = "WikiText103 perplexity"
GOPHER_CHINCHILLA = {"#00733d:diamond": "Gopher", "#a67a5c:triangle-up": "Chinchilla"}
SCOUT_X = {"training FLOPs": "training FLOPs", "parameters": "parameters", PERPLEXITY: "WikiText103 ppl"}

# (letter, bbox, panel title, y metric, x quantity, scouting panel); page 9, reading order.
FIG4 = [
    ("A", (154.9, 100.3, 240.8, 176.9), "Training compute vs. model size", "Training FLOPs", "parameters",
     "Fig.4 training compute vs model size"),
    ("B", (272.6, 100.3, 350.6, 178.1), "WikiText103 ppl vs. training compute", "WikiText103 ppl", "training FLOPs",
     "Fig.4 WikiText103 ppl vs training compute"),
    ("C", (382.5, 100.3, 460.5, 176.9), "WikiText103 ppl vs. model size", "WikiText103 ppl", "parameters",
     "Fig.4 WikiText103 ppl vs model size"),
    ("D", (163.8, 207.8, 246.0, 285.6), "MMLU", "Accuracy (%)", "training FLOPs", "Fig.4 MMLU vs training compute"),
    ("E", (273.6, 207.8, 355.9, 284.4), "MMLU", "Accuracy (%)", "parameters", "Fig.4 MMLU vs model size"),
    ("F", (383.5, 207.8, 465.8, 284.1), "MMLU", "Accuracy (%)", PERPLEXITY, "Fig.4 MMLU vs WikiText103 ppl"),
]

# Figure 10, page 25: rows = MMLU supercategory (top to bottom), columns = x axis (left to right).
FIG10_ROWS = ["MMLU: Humanities", "MMLU: STEM", "MMLU: Other", "MMLU: Social Science"]
FIG10_COLUMNS = ["training FLOPs", "parameters", PERPLEXITY]
FIG10_BBOXES = [
    (179.2, 190.7, 261.5, 268.5), (269.1, 190.7, 351.4, 267.3), (359.1, 190.7, 441.3, 267.0),
    (174.7, 300.6, 256.9, 378.4), (264.6, 300.6, 346.9, 377.3), (354.5, 300.6, 436.8, 376.9),
    (179.2, 408.2, 261.5, 486.0), (269.1, 408.2, 351.4, 484.8), (359.1, 408.2, 441.3, 484.4),
    (179.2, 515.7, 261.5, 593.5), (269.1, 515.7, 351.4, 592.3), (359.1, 515.7, 441.3, 592.0),
]


def _fig4() -> list[dict]:
    return [
        _spec("Figure 4", letter, 9, bbox, task, metric, x_quantity, GOPHER_CHINCHILLA,
              REFERENCE if metric == "Accuracy (%)" else {},
              scout_panel=scout, scout_where={"x_quantity": SCOUT_X[x_quantity]})
        for letter, bbox, task, metric, x_quantity, scout in FIG4
    ]


def _fig10() -> list[dict]:
    return [
        _spec("Figure 10", "ABCDEFGHIJKL"[i], 25, bbox, task, "Accuracy (%)", x_quantity, GOPHER_CHINCHILLA,
              REFERENCE, scout_panel=task, scout_where={"x_quantity": SCOUT_X[x_quantity]})
        for i, ((task, x_quantity), bbox) in enumerate(
            zip(((t, x) for t in FIG10_ROWS for x in FIG10_COLUMNS), FIG10_BBOXES)
        )
    ]


SCALE_PANELS = _fig4() + _fig10()


# Wei et al. 2022 Figures 5-7 (appendix A): LaMDA on BIG-bench tasks, x = training FLOPs.
# Figure 5 (page 20): legend "T = 0" (greedy decoding), "T = 1" (random sampling), "Random";
# row 1 error rate, row 2 cross-entropy loss, drawn in grey (one LaMDA curve per task).
FIG5_TASKS = ["Modified arithmetic", "IPA transliterate", "Word unscramble"]
FIG5_BBOXES = [
    (168.1, 110.0, 258.9, 187.8), (266.5, 110.0, 357.3, 187.8), (365.0, 110.0, 455.7, 187.8),  # error rate
    (171.8, 194.5, 258.3, 272.3), (270.2, 194.5, 356.8, 272.3), (368.7, 194.5, 455.2, 272.3),  # cross-entropy
]
# Panels A and B also hold panel C's random line (linear axis, 100 % at top 118.5647), drawn across
# the whole row; their own line (log axis) sits at 117.9554.
FIG5_RANDOM_TOPS = [117.9554, 117.9554, 118.5647]
FIG5_TEMPERATURE = {"#0073ba:circle": "T = 0", "#00733d:triangle-up": "T = 1"}


def _fig5() -> list[dict]:
    error_rate = [
        _spec("Figure 5", "ABC"[i], 20, bbox, task, "Error rate (%)", "training FLOPs", FIG5_TEMPERATURE,
              REFERENCE, reference_top=top, scout_panel=f"{task} (LaMDA)", scout_where={"y_metric": "Error rate (%)"})
        for i, (task, bbox, top) in enumerate(zip(FIG5_TASKS, FIG5_BBOXES[:3], FIG5_RANDOM_TOPS))
    ]
    cross_entropy = [
        _spec("Figure 5", "DEF"[i], 20, bbox, task, "Cross-entropy loss", "training FLOPs", {"#4c4c4c:circle": "LaMDA"},
              grey_series=True, scout_panel=f"{task} (LaMDA)", scout_where={"y_metric": "Cross-entropy loss"},
              scout_series={"LaMDA (cross-entropy)": "LaMDA"})
        for i, (task, bbox) in enumerate(zip(FIG5_TASKS, FIG5_BBOXES[3:]))
    ]
    return error_rate + cross_entropy


# Figure 6 (page 21): legend "LaMDA", "Random" over rows 1-2 (error rate, cross-entropy loss),
# "Correct response", "Incorrect response(s)" over row 3 (negative log probability). Rows 2 and 3
# print the tick label "3.2" at a tick placed at 3.0 (the other ticks 0.05, 0.2, 0.8 are exactly
# 4x apart, and the top tick is 3.750x above 0.8 on the page): the read-out leaves that label out,
# and each row's note gives the value that taking the label as printed would give.
FIG6_TASKS = ["Logical arguments", "Sports understanding", "Figure of speech"]
FIG6_BBOXES = [
    (169.8, 251.2, 260.6, 329.0), (268.2, 251.2, 359.0, 329.0), (366.7, 251.2, 457.4, 329.0),  # error rate
    (166.9, 335.6, 260.1, 413.4), (265.4, 335.6, 358.5, 413.4), (363.8, 335.6, 456.9, 413.4),  # cross-entropy
    (166.9, 446.0, 260.1, 523.8), (265.4, 446.0, 358.5, 523.8), (363.8, 446.0, 456.9, 523.8),  # neg. log probability
]
FIG6_RANDOM_TOPS = [270.9603, 299.5404, 263.7992]  # 80 %, 50 %, 90 %; each drawn across the whole row
FIG6_ROWS = [
    ("Error rate (%)", {"#0073ba:circle": "LaMDA"}),
    ("Cross-entropy loss", {"#0073ba:circle": "LaMDA"}),
    ("Neg. log probability", {"#00bfff:circle": "Correct response", "#d1691f:circle": "Incorrect response(s)"}),
]


def _fig6() -> list[dict]:
    specs = []
    for row, (metric, series) in enumerate(FIG6_ROWS):
        for column, task in enumerate(FIG6_TASKS):
            i = 3 * row + column
            random = {"reference_top": FIG6_RANDOM_TOPS[column]} if row == 0 else {}
            specs.append(_spec("Figure 6", "ABCDEFGHI"[i], 21, FIG6_BBOXES[i], task, metric, "training FLOPs",
                               series, REFERENCE if row == 0 else {}, **random,
                               scout_panel=f"{task} (LaMDA)", scout_where={"y_metric": metric}))
    return specs


# Figure 7 (page 22): one legend right of panel C; Exact match is drawn in black, ROUGE1 and
# Multiple choice grade with "x" markers.
FIG7_SERIES = {
    "#000000:circle": "Exact match",
    "#808000:x": "ROUGE1",
    "#bf8040:square": "ROUGE2",
    "#ff8000:triangle-up": "ROUGE L-Sum",
    "#bf0040:diamond": "BLEURT",
    "#ff00ff:pentagon": "BLEU",
    "#800080:circle": "Sequence F1",
    "#0000ff:x": "Multiple choice grade",
}
FIG7 = [
    ("A", "Mod. arithmetic", (96.1, 244.8, 188.3, 359.5), "(A) Mod. arithmetic (LaMDA)"),
    ("B", "IPA transliterate", (212.2, 244.8, 304.4, 359.5), "(B) IPA transliterate (LaMDA)"),
    ("C", "Periodic elements", (328.3, 244.8, 420.5, 359.5), "(C) Periodic elements (LaMDA)"),
]


def _fig7() -> list[dict]:
    return [
        _spec("Figure 7", letter, 22, bbox, task, "Evaluation metric (%)", "training FLOPs", FIG7_SERIES,
              grey_series=True, scout_panel=scout)
        for letter, task, bbox, scout in FIG7
    ]


METRIC_PANELS = [dict(spec, family="LaMDA") for spec in _fig5() + _fig6() + _fig7()]


# Wei et al. 2022 Figures 3 (page 5, x = training FLOPs) and 12 (page 28, x = parameters):
# specialized prompting or finetuning. No legend: each curve is labelled in the plot in its own
# colour, the method in blue (#0073ba), the baseline in dark grey (#4c4c4c, read with grey_series).
# Panel D's y axis is % ECE on a log axis drawn decreasing (10^1 below 10^0); the read-out
# calibrates it from the tick labels, so the values are ECE in %, not flipped.
AUGMENTED = [
    # (letter, task, y metric, family, {blue: name, grey: name}, scouting panel)
    ("A", "Math word problems (GSM8K)", "GSM8K accuracy (%)", "LaMDA",
     {"#0073ba:circle": "Chain of thought", "#4c4c4c:circle": "No chain of thought"}, "(A) Math word problems (GSM8K; LaMDA)"),
    ("B", "Instruction following (10 NLU tasks)", "10 NLU task average (%)", "LaMDA",
     {"#0073ba:circle": "Instruction tuning", "#4c4c4c:circle": "No instruction tuning"},
     "(B) Instruction following (FLAN/LaMDA-PT)"),
    ("C", "8-digit addition", "Accuracy (%)", "LaMDA",
     {"#0073ba:circle": "Scratchpad", "#4c4c4c:circle": "No scratchpad"}, "(C) 8-digit addition (Nye et al. scratchpad)"),
    ("D", "Calibration (True/False vs letter choices)", "ECE (%)", "Anthropic",
     {"#0073ba:circle": "T/F", "#4c4c4c:circle": "Letter choices"}, "(D) Calibration (Kadavath et al., Anthropic)"),
]
# A and B reach 3 pt further right than find_panels proposes, to take in the whole "10^24" label.
FIG3_BBOXES = [
    (103.6, 103.1, 193.5, 217.8), (214.0, 103.1, 303.9, 217.8), (320.2, 103.1, 410.9, 217.8), (430.6, 103.1, 521.4, 217.8),
]
FIG12_BBOXES = [
    (105.3, 152.3, 191.8, 265.8), (215.7, 152.3, 302.2, 265.8), (321.9, 152.3, 412.6, 265.8), (432.3, 152.3, 523.0, 265.8),
]


def _augmented(figure: str, page: int, bboxes: list[tuple], x_quantity: str) -> list[dict]:
    return [
        _spec(figure, letter, page, bbox, task, metric, x_quantity, series, grey_series=True, family=family,
              scout_panel=scout)
        for (letter, task, metric, family, series, scout), bbox in zip(AUGMENTED, bboxes)
    ]


# Figure 13 (page 28, below Figure 12): few-shot prompting vs the prior state of the art
# (pretrain-finetune), drawn as a green dashed line. One legend above the panels ("Prior SOTA
# (pretrain–finetune)", "Few-shot prompting"); the blue curve is the model named under each title.
# B's line is drawn on through C and C's through D (and D's into C): reference_top picks each
# panel's own line.
PRIOR_SOTA = {"#00733d": "Prior SOTA"}
FIG13 = [
    # (letter, bbox, task, y metric, model, own line's top, scouting panel)
    ("A", (142.7, 501.6, 216.5, 615.0), "TriviaQA", "Accuracy (%)", "GPT-3", 538.3931, "Fig.13 (A) TriviaQA (GPT-3)"),
    ("B", (233.3, 501.6, 302.9, 615.0), "Physical QA", "Accuracy (%)", "GPT-3", 547.9057, "Fig.13 (B) Physical QA (GPT-3)"),
    ("C", (319.8, 501.6, 389.3, 615.0), "GSM8K", "Accuracy (%)", "PaLM", 518.5078, "Fig.13 (C) GSM8K (PaLM)"),
    ("D", (406.2, 501.6, 475.7, 615.0), "OKVQA", "VQA accuracy (%)", "Flamingo", 519.4032, "Fig.13 (D) OKVQA (Flamingo)"),
]


def _fig13() -> list[dict]:
    return [
        _spec("Figure 13", letter, 28, bbox, task, metric, "parameters", {"#0073ba:circle": model}, PRIOR_SOTA,
              reference_top=top, family=model, scout_panel=scout,
              scout_series={"model (see panel)": model, "Prior (horizontal reference)": "Prior SOTA"})
        for letter, bbox, task, metric, model, top, scout in FIG13
    ]


AUGMENTED_PANELS = (
    _augmented("Figure 3", 5, FIG3_BBOXES, "training FLOPs")
    + _augmented("Figure 12", 28, FIG12_BBOXES, "parameters")
    + _fig13()
)


PANELS = EMERGENCE_PANELS + SCALE_PANELS + METRIC_PANELS + AUGMENTED_PANELS
