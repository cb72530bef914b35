"""Drawing: DOT ranks and styles, and the SVG's nodes, rows, arrows and escaping."""

from __future__ import annotations

import re

from service.core.graphical import build_graph, to_svg
from tests.core.graphical.examples import Q5_P, Q5_Q, SVG, parse_svg


def test_dot_ranks_latents_above_observed_and_dashes_q():
    dot = build_graph([Q5_P, Q5_Q])["dot"]
    assert dot.startswith("digraph")
    assert '{ rank=same; "z1"; "z2"; }' in dot and '{ rank=same; "x1"; "x2"; }' in dot
    assert '"z1" -> "x1" [style=solid];' in dot
    assert '"x1" -> "z1" [style=dashed, constraint=false];' in dot
    assert '"x1" [label=<<i>x<sub>1</sub></i>>, style=filled' in dot


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
