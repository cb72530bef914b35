"""The graph of parsed factorisations: its nodes and arrows, which nodes are observed, and the
JSON-ready whole that `POST /calc/graphical-model` and the chat return (with DOT and SVG)."""

from __future__ import annotations

from service.core.graphical.drawing import to_dot, to_svg
from service.core.graphical.reading import (
    DISTRIBUTIONS,
    MAX_CHARACTERS,
    MAX_FACTORISATIONS,
    OBSERVED_RULE,
    ROLES,
    Factorisation,
    FactorisationError,
    fail,
    parse_factorisation,
)


def build_graph(factorisations: list[str]) -> dict:
    """Return the graphical model of the factorisations: nodes, edges, DOT and SVG.

    Returns a JSON-ready dict: ``nodes`` [{name, observed}] (latents first, each group in the
    order the variables first appear), ``edges`` [{from, to, distribution, style, factor}],
    ``distributions`` [{name, role, style, factorisation}], ``observed_rule``, ``dot``, ``svg``.

    Raises FactorisationError naming the factorisation (and character) at fault: none given,
    more than MAX_FACTORISATIONS or MAX_CHARACTERS, anything parse_factorisation refuses, or the
    same distribution factorised twice.
    """
    if not factorisations:
        raise FactorisationError("Give at least one factorisation.",
                                 {"factorisations": ["Give at least one factorisation."]})
    if len(factorisations) > MAX_FACTORISATIONS:
        problem = f"At most {MAX_FACTORISATIONS} factorisations (got {len(factorisations)})."
        raise FactorisationError(problem, {"factorisations": [problem]})
    total = sum(len(text) for text in factorisations)
    if total > MAX_CHARACTERS:
        problem = f"At most {MAX_CHARACTERS} characters in all (got {total})."
        raise FactorisationError(problem, {"factorisations": [problem]})
    parsed: list[Factorisation] = []
    for index, text in enumerate(factorisations):
        result = parse_factorisation(text, index)
        earlier = next((i for i, p in enumerate(parsed) if p.lhs.dist == result.lhs.dist), None)
        if earlier is not None:
            fail(index, f"{result.lhs.dist} is already factorised in factorisation "
                         f"{earlier + 1}; give each distribution once")
        parsed.append(result)
    graph = graph_of(parsed)
    graph["distributions"] = [
        {"name": p.lhs.dist, "role": ROLES[p.lhs.dist], "style": DISTRIBUTIONS[p.lhs.dist],
         "factorisation": str(p)} for p in parsed]
    graph["observed_rule"] = OBSERVED_RULE
    graph["dot"] = to_dot(graph["nodes"], graph["edges"])
    graph["svg"] = to_svg(graph["nodes"], graph["edges"])
    return graph


def graph_of(parsed: list[Factorisation]) -> dict:
    """Return {"nodes", "edges"} for parsed factorisations, deciding which nodes are observed."""
    order: list[str] = []
    for factorisation in parsed:
        for term in (factorisation.lhs, *factorisation.factors):
            for name in (*term.heads, *term.conditions):
                if name not in order:
                    order.append(name)
    edges = [{"from": parent, "to": factor.heads[0], "distribution": factor.dist,
              "style": DISTRIBUTIONS[factor.dist], "factor": str(factor)}
             for factorisation in parsed for factor in factorisation.factors
             for parent in factor.conditions]
    q = next((p for p in parsed if p.lhs.dist == "q"), None)
    if q is not None:
        observed = set(q.lhs.conditions)
    else:
        has_parent = {e["to"] for e in edges}
        has_child = {e["from"] for e in edges}
        observed = has_parent - has_child
    nodes = ([{"name": n, "observed": False} for n in order if n not in observed]
             + [{"name": n, "observed": True} for n in order if n in observed])
    return {"nodes": nodes, "edges": edges}
