"""Reading factorisations: LaTeX as the seed writes it, malformed input that says where, and
factorisations found in chat messages."""

from __future__ import annotations

import pytest

from service.core.graphical import (
    MAX_CHARACTERS,
    MAX_FACTORISATIONS,
    FactorisationError,
    build_graph,
    find_factorisations,
)
from tests.core.graphical.examples import Q5_P, Q5_Q, edge_set


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
