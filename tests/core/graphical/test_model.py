"""The graph of factorisations: its edges, which nodes are observed, against the seed's Q5
and against random DAGs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.core.graphical import FactorisationError, build_graph
from tests.core.graphical.examples import Q5_P, Q5_Q, edge_set, parse_svg


def test_q5_has_exactly_the_six_edges_of_its_knowledge_base_entry(knowledge_base):
    graph = knowledge_base.get("vae-graphical-model").graph
    drawn = build_graph([Q5_P, Q5_Q])
    assert edge_set(drawn["edges"]) == edge_set(graph["edges"])
    assert len(drawn["edges"]) == 6
    assert drawn["nodes"] == graph["nodes"]


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
