"""The Python package behind "Emergent Abilities of LLMs: an executable survey".

The chapters' notebooks stay thin (load, compute, glue, plot) over these modules, each with one job;
README.md lists them. Data come validated from data/ through ``data.load``; every x axis comes from
the model registry (``registry``); figures and tables reach a page only through ``figure``,
``explorer`` and ``tables``; ``sources`` derives data/ from the developers' raw sources.
"""
