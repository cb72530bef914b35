"""Graphical models from factorisations: the edges, observed nodes, DOT, SVG and the 4xx cases."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.core.graphical import (
    MAX_CHARACTERS,
    MAX_FACTORISATIONS,
    FactorisationError,
    build_graph,
    find_factorisations,
    to_svg,
)

Q5_P = "p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)"
Q5_Q = "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2)"
SVG = "{http://www.w3.org/2000/svg}"


def edge_set(edges):
    return {(e["from"], e["to"], e["distribution"], e["style"]) for e in edges}


def test_q5_has_exactly_the_six_edges_of_its_knowledge_base_entry(knowledge_base):
    graph = knowledge_base.get("vae-graphical-model").graph
    drawn = build_graph([Q5_P, Q5_Q])
    assert edge_set(drawn["edges"]) == edge_set(graph["edges"])
    assert len(drawn["edges"]) == 6
    assert drawn["nodes"] == graph["nodes"]


def test_q5_as_the_seed_writes_it_in_latex_reads_the_same():
    latex = [r"$$p(x_1, x_2, z_1, z_2) = p(z_1)p(z_2)p(x_1|z_1, z_2)p(x_2|z_2).$$",
             r"$q(z_1, z_2 \mid x_1, x_2) = q(z_1 \mid x_1, x_2)\,q(z_2\vert x_{2}).$"]
    assert edge_set(build_graph(latex)["edges"]) == edge_set(build_graph([Q5_P, Q5_Q])["edges"])


@pytest.mark.parametrize("text", [
    r"p_\theta(x, z) = p(z) \cdot p_{\theta}(x \mid z)",
    r"p(\mathbf{x}, \boldsymbol{z}) = p(\boldsymbol{z})\, p\left(\mathbf{x} \mid \mathbf{z}\right)",
    "P(x,z) = P(z) * P(x|z)",
])
def test_latex_decorations_do_not_change_the_model(text):
    assert edge_set(build_graph([text])["edges"]) == {("z", "x", "p", "solid")}


def test_with_only_p_the_leaves_with_parents_are_observed():
    hmm = "p(z1,z2,x1,x2) = p(z1)p(z2|z1)p(x1|z1)p(x2|z2)"
    observed = {n["name"] for n in build_graph([hmm])["nodes"] if n["observed"]}
    assert observed == {"x1", "x2"}


def test_with_q_what_q_conditions_on_is_observed():
    graph = build_graph(["q(z|x,y) = q(z|x)"])
    assert [(n["name"], n["observed"]) for n in graph["nodes"]] == [
        ("z", False), ("x", True), ("y", True)]


def test_latents_come_first_and_each_edge_names_its_factor():
    graph = build_graph([Q5_P, Q5_Q])
    assert [n["observed"] for n in graph["nodes"]] == [False, False, True, True]
    assert graph["edges"][1]["factor"] == "p(x1|z1,z2)"
    assert [d["name"] for d in graph["distributions"]] == ["p", "q"]
    assert "q(z|x)" in graph["observed_rule"]


def test_dot_ranks_latents_above_observed_and_dashes_q():
    dot = build_graph([Q5_P, Q5_Q])["dot"]
    assert dot.startswith("digraph")
    assert '{ rank=same; "z1"; "z2"; }' in dot and '{ rank=same; "x1"; "x2"; }' in dot
    assert '"z1" -> "x1" [style=solid];' in dot
    assert '"x1" -> "z1" [style=dashed, constraint=false];' in dot
    assert '"x1" [label=<<i>x<sub>1</sub></i>>, style=filled' in dot


def parse_svg(svg: str):
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def test_svg_draws_shaded_observed_nodes_on_the_bottom_row_with_subscripts():
    root = parse_svg(build_graph([Q5_P, Q5_Q])["svg"])
    groups = {g.get("class"): [] for g in root.iter(f"{SVG}g")}
    nodes = {}
    for group in root.iter(f"{SVG}g"):
        circle, text = group.find(f"{SVG}circle"), group.find(f"{SVG}text")
        name = text.text + "".join(t.text for t in text.findall(f"{SVG}tspan"))
        nodes[name] = (float(circle.get("cx")), float(circle.get("cy")), circle.get("fill"))
        groups[group.get("class")].append(name)
        assert text.find(f"{SVG}tspan").get("baseline-shift") == "sub"
    assert sorted(groups["node observed"]) == ["x1", "x2"]
    assert nodes["z1"][1] == nodes["z2"][1] < nodes["x1"][1] == nodes["x2"][1]
    assert nodes["x1"][2] == nodes["x2"][2] != nodes["z1"][2] == "#ffffff"


def edge_paths(root):
    return [p for p in root.iter(f"{SVG}path") if (p.get("class") or "").startswith("edge")]


def test_svg_edges_are_solid_for_p_and_dashed_curves_for_q_with_arrowheads():
    root = parse_svg(build_graph([Q5_P, Q5_Q])["svg"])
    assert root.find(f"{SVG}defs/{SVG}marker") is not None
    paths = edge_paths(root)
    assert len(paths) == 6
    for path in paths:
        assert path.get("marker-end") == "url(#arrowhead)"
        dashed = path.get("stroke-dasharray") is not None
        assert dashed == ("q" in path.get("class").split())
        assert (" Q " in path.get("d")) == dashed  # q bows, p is straight


def control_points(d: str):
    return [float(v) for v in re.findall(r"-?\d+\.\d", d)]


def test_an_edge_and_its_opposite_do_not_overlap():
    root = parse_svg(build_graph(["p(x,z) = p(z)p(x|z)", "q(z|x) = q(z|x)"])["svg"])
    solid, dashed = edge_paths(root)
    sx0, sy0, sx1, sy1 = control_points(solid.get("d"))
    _, _, cx, cy, _, _ = control_points(dashed.get("d"))
    # the dashed curve's control point lies well off the straight solid line
    distance = abs((sx1 - sx0) * (sy0 - cy) - (sx0 - cx) * (sy1 - sy0)) / (
        ((sx1 - sx0) ** 2 + (sy1 - sy0) ** 2) ** 0.5)
    assert distance > 20


def test_an_edge_along_a_row_bows_around_the_nodes_it_passes():
    root = parse_svg(build_graph(["p(a,b,c,x) = p(a)p(b|a)p(c|a,b)p(x|c)"])["svg"])
    a_to_c = next(p for p in edge_paths(root) if p.find(f"{SVG}title").text == "a to c (p)")
    assert " Q " in a_to_c.get("d")


def test_the_svg_escapes_whatever_names_an_entry_holds():
    svg = to_svg([{"name": "<b&>", "observed": False}], [])
    assert "<b&>" not in svg and "&lt;b&amp;&gt;" in svg
    parse_svg(svg)


# --- malformed input: each names where ------------------------------------------------------

@pytest.mark.parametrize(("factorisations", "field", "says"), [
    (["p(x,z = p(z)p(x|z)"], "factorisations.0", "character 2: unbalanced brackets"),
    (["p(x,z) = p(z)p(x|z))"], "factorisations.0", "character 20: unbalanced"),
    (["p(x,z) = p(z]p(x|z)"], "factorisations.0", "closed by ']'"),
    (["p(x) = p(x|x)"], "factorisations.0", "conditions x on itself"),
    (["q(z|z) = q(z|z)"], "factorisations.0", "conditions z on itself"),
    (["p(a,b) = p(a|b)p(b|a)"], "factorisations.0", "cycle a -> b -> a"),
    (["p(a,b,c) = p(a|c)p(b|a)p(c|b)"], "factorisations.0", "cycle"),
    (["p(x,z) = p(z)p(x|w)"], "factorisations.0", "factor p(x|w) uses w, which is not in"),
    (["p(x,z) = p(z)"], "factorisations.0", "x is in p(x,z) but has no factor"),
    (["p(x,z) = p(z)p(z)p(x|z)"], "factorisations.0", "z has two factors"),
    (["p(x,z) = p(z)q(x|z)"], "factorisations.0", "a q inside a factorisation of p"),
    (["p(x,z) = p(x,z)"], "factorisations.0", "2 variables left of the bar"),
    (["p(x,x) = p(x)"], "factorisations.0", "lists x twice"),
    (["p(x|z) = p(z)p(x|z)"], "factorisations.0", "but p(x|z) conditions on z"),
    (["p(x,z) p(z)p(x|z)"], "factorisations.0", "expected '='"),
    (["r(x) = r(x)"], "factorisations.0", "'r' is not a distribution"),
    (["p(x#) = p(x)"], "factorisations.0", "character 4: unexpected '#'"),
    (["  "], "factorisations.0", "empty"),
    ([Q5_P, Q5_Q, "q(z1|x1) = q(z1|x1)"], "factorisations.2", "q is already factorised"),
    ([Q5_Q, "p(x,z) = p(z)p(x|z", ], "factorisations.1", "never closed"),
    ([], "factorisations", "at least one"),
    (["p(x) = p(x)"] * (MAX_FACTORISATIONS + 1), "factorisations", "At most"),
    (["p(x) = p(x)" + " " * MAX_CHARACTERS], "factorisations", "characters"),
])
def test_malformed_factorisations_say_where(factorisations, field, says):
    with pytest.raises(FactorisationError) as raised:
        build_graph(factorisations)
    error = raised.value
    assert error.status == 422
    assert list(error.fields) == [field]
    assert says in error.fields[field][0] and says in error.message


# --- independent reference: random DAGs written out as factorisations ------------------------

@st.composite
def dags(draw):
    """A random DAG over v0..vn-1 (parents only among earlier variables), in a random order."""
    size = draw(st.integers(1, 7))
    names = [f"v{i}" for i in range(size)]
    parents = {n: sorted(draw(st.sets(st.sampled_from(names[:i]))) if i else [])
               for i, n in enumerate(names)}
    order = draw(st.permutations(names))
    return names, parents, order


@settings(max_examples=200, deadline=None)
@given(dags())
def test_every_dag_written_as_a_factorisation_comes_back_edge_for_edge(dag):
    names, parents, order = dag
    factors = "".join(f"p({n}|{','.join(parents[n])})" if parents[n] else f"p({n})"
                      for n in order)
    graph = build_graph([f"p({','.join(names)}) = {factors}"])
    expected = {(parent, child, "p", "solid") for child in names for parent in parents[child]}
    assert edge_set(graph["edges"]) == expected
    has_child = {p for child in names for p in parents[child]}
    observed = {n for n in names if parents[n] and n not in has_child}
    assert {n["name"] for n in graph["nodes"] if n["observed"]} == observed
    parse_svg(graph["svg"])


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 6), st.data())
def test_every_directed_cycle_is_refused(length, data):
    names = data.draw(st.permutations([f"v{i}" for i in range(length)]))
    factors = "".join(f"p({names[i]}|{names[i - 1]})" for i in range(length))
    with pytest.raises(FactorisationError, match="cycle"):
        build_graph([f"p({','.join(names)}) = {factors}"])


# --- in chat ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("message", "found"), [
    ("draw p(x,z) = p(z)p(x|z), can you?", ["p(x,z) = p(z)p(x|z)"]),
    (f"{Q5_P} and {Q5_Q}.", [Q5_P, Q5_Q]),
    (f"{Q5_P}\n{Q5_Q}", [Q5_P, Q5_Q]),
    (r"$p_\theta(x, z) = p(z) p_\theta(x \mid z)$", [r"p_\theta(x, z) = p(z) p_\theta(x \mid z)"]),
    ("p(x,z) = p(z)p(x|z", ["p(x,z) = p(z)p(x|z"]),
    ("what is p(x) = 0.5 in a coin flip", []),
    ("what does p(x|z) mean", []),
    ("draw the graph for p(z1)p(z2)p(x1|z1,z2)p(x2|z2)", []),
    ("output size of a 28x28 input with a 5x5 kernel", []),
])
def test_factorisations_are_found_in_chat_messages(message, found):
    assert find_factorisations(message) == found
