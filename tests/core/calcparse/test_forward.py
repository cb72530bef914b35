"""A model's layers are read in the order its forward pass calls them (`forward`)."""

import pytest

from service.calculators import conv_stack
from service.core.calcparse import parse_calculation
from service.core.calcparse.forward import in_forward_order
from service.core.textnorm import prepare

CIFAR = ("input 3x32x32: conv1 = nn.Conv2d(3, 6, 5), pool = nn.MaxPool2d(2, 2), "
         "conv2 = nn.Conv2d(6, 16, 5), fc1 = nn.Linear(?, 120). forward: {} what should "
         "fc1's in_features be?")


@pytest.mark.parametrize("forward", [
    "pool(relu(conv1(x))) -> pool(relu(conv2(x))) -> flatten -> fc1",     # nested calls
    "conv1 -> relu -> pool -> conv2 -> relu -> pool -> flatten -> fc1",    # arrows
    "x = self.pool(F.relu(self.conv1(x))) x = self.pool(F.relu(self.conv2(x))) "
    "x = x.view(x.size(0), -1)",                                          # code on lines
])
def test_a_layer_defined_once_and_called_twice_counts_twice(forward):
    # read in the order they are defined, the second pool was lost: 16 x 10 x 10 = 1600
    request = parse_calculation(CIFAR.format(forward))
    assert request.calculator == "stack"
    assert [layer.get("operation", "conv") for layer in request.args["layers"]] == \
        ["conv", "pool", "conv", "pool"]
    assert request.args["input"] == 32


def test_the_order_of_the_calls_not_of_the_definitions_is_the_order():
    text = prepare("a = nn.MaxPool2d(2), b = nn.Conv2d(3, 8, 3). forward: a(relu(b(x)))")
    assert in_forward_order(text).startswith("conv2d(3, 8, 3) -> maxpool2d(2)")


@pytest.mark.parametrize("text", [
    "conv1 = nn.Conv2d(3, 6, 5), conv2 = nn.Conv2d(6, 16, 5) on a 32x32 input",   # no forward
    "conv1 = nn.Conv2d(3, 6, 5). forward: conv1 -> relu -> fc",                  # one layer
    "what does the forward pass of a conv net compute?",
])
def test_without_a_forward_pass_that_calls_two_layers_the_text_is_kept(text):
    assert in_forward_order(prepare(text)) == prepare(text)


def test_a_one_dimensional_layer_is_a_1_by_k_kernel_over_a_1_by_length_input():
    # read as 2-D, nn.Conv1d(16, 32, 5) had 5 x 5 x 16 x 32 weights
    request = parse_calculation("nn.Conv1d(16, 32, kernel_size=5) params?")
    assert request.args["kernel"] == [1, 5]
    request = parse_calculation("nn.Conv1d(3, 96, kernel_size=11, stride=4, padding=2) on a "
                                "227 input: output size and number of parameters?")
    assert (request.args["input"], request.args["kernel"], request.args["padding"]) == \
        ([1, 227], [1, 11], [0, 2])
    assert request.also[0].args["kernel"] == [1, 11]
    # a 2-D layer beside it: its own words say which is meant
    assert parse_calculation("nn.Conv2d(16, 32, 5) params? (not Conv1d(16, 32, 5))"
                             ).args["kernel"] != [1, 5]


@pytest.mark.parametrize("message", [
    "1-D case for the text CNN: Conv1d on a sequence of length 100, kernel size 5, stride 1, no "
    "padding. how long is the output sequence?",
    "a conv1d with kernel 5, no padding, over 100 time steps: output length?",
    # "1D" is no symbol (1 times d)
    "1D conv on a sequence of length 100, kernel size 5, no padding. output length?",
])
def test_a_one_dimensional_layer_named_in_words_reads_its_inputs_length(message):
    # the layer was read as 2-D, and the input size asked for
    request = parse_calculation(message)
    assert (request.args["input"], request.args["kernel"], request.missing) == ([1, 100],
                                                                                [1, 5], [])


def test_a_one_dimensional_layers_length_and_parameters_asked_in_two_questions_are_both_given():
    # "output length? and how many params?": the parameters alone were worked out
    request = parse_calculation("nn.Conv1d(16, 32, kernel_size=5) over sequences of length 100 "
                                "(no padding): output length? and how many params?")
    assert (request.calculator, request.args["input"]) == ("conv", [1, 100])
    assert [other.calculator for other in request.also] == ["params"]


def test_a_stack_of_one_dimensional_layers_runs_along_the_length_said():
    # read as 2-D over an 8 x 8 input ("8 kHz"), it could not be worked out
    request = parse_calculation("Raw audio, 8000 samples (1 s at 8 kHz).\nnn.Sequential(\n"
                                "    nn.Conv1d(1, 32, kernel_size=80, stride=4),\n    nn.ReLU(),\n"
                                "    nn.MaxPool1d(4),\n)\nWhat is the time dimension at the end?")
    assert request.calculator == "stack" and request.args["input"] == [1, 8000]
    # (8000 - 80) // 4 + 1 = 1981, then (1981 - 4) // 4 + 1 = 495
    assert conv_stack(**request.args)["output"] == [1, 495]
