"""A recurrent layer's parameter count read from a message (`recurrent.py`): the cell, its
sizes in PyTorch's, Keras's or words' notation, and the bias convention of the framework named."""

import pytest

from service.core.calcparse import parse_calculation
from tests.core.calcparse.helpers import parsed, run


@pytest.mark.parametrize(("message", "args"), [
    ("How many parameters in nn.LSTM(input_size=32, hidden_size=64) with one layer?",
     {"layer": "lstm", "input_size": 32, "hidden_size": 64, "bias_vectors": 2}),
    ("nn.GRU(100, 256, num_layers=2, bidirectional=True) params?",
     {"layer": "gru", "input_size": 100, "hidden_size": 256, "layers": 2,
      "bidirectional": True, "bias_vectors": 2}),
    ("keras LSTM(64, input_shape=(10, 32)) trainable params",
     {"layer": "lstm", "input_size": 32, "hidden_size": 64, "bias_vectors": 1}),
    # Keras's GRU keeps two bias vectors (reset_after=True by default)
    ("keras GRU(units=16, input_dim=8): how many weights?",
     {"layer": "gru", "input_size": 8, "hidden_size": 16, "bias_vectors": 2}),
    ("lstm with 128 hidden units and 300-dim word embeddings as input, how many parameters",
     {"layer": "lstm", "input_size": 300, "hidden_size": 128}),
    ("textbook GRU with input dim 16 and hidden dim 32: params?",
     {"layer": "gru", "input_size": 16, "hidden_size": 32, "bias_vectors": 1}),
    ("vanilla rnn, input size 10, hidden size 20, no bias. number of parameters?",
     {"layer": "rnn", "input_size": 10, "hidden_size": 20, "bias": False}),
    # a bracket after the name that is no call
    ("textbook GRU (one bias vector per gate), input size 20, hidden size 10. parameters?",
     {"layer": "gru", "input_size": 20, "hidden_size": 10, "bias_vectors": 1}),
    ("lecture-notes LSTM: the input has 10 features and the hidden state has 20 units. params?",
     {"layer": "lstm", "input_size": 10, "hidden_size": 20}),
    ("Keras: `LSTM(64)` on inputs of shape (timesteps, 32). what does model.summary() show?",
     {"layer": "lstm", "input_size": 32, "hidden_size": 64, "bias_vectors": 1}),
    # a PyTorch call alone asks for its count
    ("and nn.RNN(50, 100) in PyTorch?",
     {"layer": "rnn", "input_size": 50, "hidden_size": 100, "bias_vectors": 2}),
    # the sizes in LaTeX, as homework writes them
    (r"Consider the RNN $h_t = \tanh(W_h h_{t-1} + W_x x_t + b_h)$ with $x_t \in \mathbb{R}^3$ "
     r"and $h_t \in \mathbb{R}^{4}$. How many trainable parameters does this cell have?",
     {"layer": "rnn", "input_size": 3, "hidden_size": 4}),
    ("GRU with x_t ∈ ℝ^6 and h_t ∈ ℝ^10: count the parameters.",
     {"layer": "gru", "input_size": 6, "hidden_size": 10}),
])
def test_a_recurrent_layers_sizes_and_convention_are_read(message, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == ("params", args, [])


def test_the_convention_assumed_is_said():
    request = parsed("lstm with 128 hidden units and 300-dim inputs, how many parameters?")
    assert request.assumed == ["one bias vector per weight set, as in the textbook equations"]


@pytest.mark.parametrize(("message", "hidden"), [
    ("lstm params with hidden size 64", 64),
    ("an lstm with 128 hidden units, how many parameters", 128),   # a number of its own
])
def test_a_missing_size_is_asked_for(message, hidden):
    request = parsed(message)
    assert (request.args, request.missing) == ({"layer": "lstm", "hidden_size": hidden},
                                               ["input_size"])


@pytest.mark.parametrize("message", [
    "how many parameters does an lstm have?",                   # no numbers: the entry
    "why does an lstm with 2 layers have more parameters?",     # about the idea, sizes missing
])
def test_a_question_about_the_idea_is_no_count(message):
    assert parse_calculation(message) is None


def test_two_cells_compared_are_each_counted_with_the_same_sizes():
    # only the LSTM had been counted
    request = parsed("For input size 100 and hidden size 200 (single layer, PyTorch), how many "
                     "params does an LSTM have vs a GRU?")
    sizes = {"input_size": 100, "hidden_size": 200, "bias_vectors": 2}
    assert request.args == {"layer": "lstm", **sizes}
    assert [other.args for other in request.also] == [{"layer": "gru", **sizes}]
    assert run(request)["total"] == 4 * (200 * (100 + 200) + 2 * 200)
    assert run(request.also[0])["total"] == 3 * (200 * (100 + 200) + 2 * 200)
