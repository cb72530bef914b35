"""A homework question in parts (`homework_parts`): split where its parts are labelled in order,
never where a label-like bracket ends code or a list of layers."""

import pytest

from service.core.parts import homework_parts


@pytest.mark.parametrize(("text", "before", "parts"), [
    ("(a) output size of a 32x32 input with a 5x5 kernel? (b) and with stride 2?", "",
     [("a", "output size of a 32x32 input with a 5x5 kernel?"), ("b", "and with stride 2?")]),
    ("Input 227x227x3.\nconv1: 96 filters, 11x11, stride 4\n(a) conv1 output size "
     "(b) its parameters", "Input 227x227x3.\nconv1: 96 filters, 11x11, stride 4",
     [("a", "conv1 output size"), ("b", "its parameters")]),
    ("a) params of a 3x3 conv 64->128?\nb) and without bias?", "",
     [("a", "params of a 3x3 conv 64->128?"), ("b", "and without bias?")]),
    ("(i) first? (ii) second? (iii) third?", "",
     [("i", "first?"), ("ii", "second?"), ("iii", "third?")]),
    ("1) output size of 28x28 with k=5?\n2) and with padding 2?", "",
     [("1", "output size of 28x28 with k=5?"), ("2", "and with padding 2?")]),
])
def test_parts_labelled_in_order_are_split(text, before, parts):
    assert homework_parts(text) == (before, parts)


@pytest.mark.parametrize("text", [
    "(a) only one part here",
    "(b) out of order (a) here",
    "nn.Linear(784, 1) then nn.Linear(1, 2) then nn.Linear(2, 3): params?",   # code's brackets
    "Input 100x100. Layers:\n1) conv 5x5 s1 p0\n2) conv 3x3 s2\n3) conv 3x3 p1\nfinal size?",
    "(a) (b) labels without anything to answer",
])
def test_no_parts_where_none_are_asked(text):
    assert homework_parts(text) is None
