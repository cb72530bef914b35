"""Directed graphical models from factorisations as students write them: read
(`reading`), turned into a graph (`model`) and drawn as DOT, SVG and words (`drawing`).

This face hands on what the API, the chat and practice use.
"""

from service.core.graphical.drawing import describe, to_dot, to_svg
from service.core.graphical.model import build_graph, graph_of
from service.core.graphical.reading import (
    MAX_CHARACTERS,
    MAX_FACTORISATIONS,
    OBSERVED_RULE,
    FactorisationError,
    find_factorisations,
    parse_factorisation,
)

__all__ = ["MAX_CHARACTERS", "MAX_FACTORISATIONS", "OBSERVED_RULE", "FactorisationError",
           "build_graph", "describe", "find_factorisations", "graph_of", "parse_factorisation",
           "to_dot", "to_svg"]
