"""Layers in turn, read from a message that names several: each layer's settings, the input
from the whole message (`read_stack`, through `parse_calculation`)."""

import pytest

from service.core.calcparse import parse_calculation
from tests.core.calcparse.helpers import parsed

CONV_3_S2_P1 = {"kernel": 3, "stride": 2, "padding": 1}


@pytest.mark.parametrize(("message", "size", "layers"), [
    ("k7 s2 p3 -> k3 s2 p1 -> k3 s2 p1 starting from 512x512, what's the final res", 512,
     [{"kernel": 7, "stride": 2, "padding": 3}, CONV_3_S2_P1, CONV_3_S2_P1]),
    ("ResNet stem: 7x7/2 conv pad 3 then 3x3/2 maxpool pad 1 on 224. size after each?", 224,
     [{"kernel": 7, "stride": 2, "padding": 3}, {**CONV_3_S2_P1, "operation": "pool"}]),
    ("two conv3x3 (valid) layers then a 2x2 maxpool on 64x64, final size?", 64,
     [{"kernel": 3}] * 2 + [{"kernel": 2, "operation": "pool"}]),   # valid: no padding
    ("model = nn.Sequential(\n  nn.Conv2d(3, 32, 3, stride=2, padding=1),\n  nn.ReLU(),\n"
     "  nn.MaxPool2d(2),\n)\nfeeding torch.randn(1, 3, 96, 96), what size comes out?", 96,
     [CONV_3_S2_P1, {"kernel": 2, "operation": "pool"}]),
    ("Sequential([\n  Conv2D(32, 3, padding='same', input_shape=(32, 32, 3)),\n"
     "  MaxPooling2D(2),\n])\noutput shape?", 32,
     [{"kernel": 3, "padding": "same"}, {"kernel": 2, "operation": "pool", "padding": "valid"}]),
])
def test_layers_named_in_turn_are_read_in_turn(message, size, layers):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == \
        ("stack", {"input": size, "layers": layers}, [])


@pytest.mark.parametrize("message", [
    "output size of a 3x3 conv, stride 2, on a 32x32 input",          # one layer
    "3x3 conv then 2x2 maxpool: how do they change the size?",        # no input to work on
    "how many params in a 3x3 conv then a 5x5 conv from 16 to 32 channels",  # no size asked
])
def test_one_layer_or_no_input_or_no_size_asked_is_not_a_stack(message):
    request = parse_calculation(message)
    assert request is None or request.calculator != "stack"
