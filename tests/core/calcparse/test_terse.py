"""Terse settings ("k3 s2 p1", "kernel/stride/padding = 5/2/2") spelt out, and read."""

import pytest

from service.core.calcparse import parse_calculation
from service.core.calcparse.terse import spell_out


@pytest.mark.parametrize(("text", "spelt"), [
    ("3x3 s2 p1 conv", "3x3 s=2 p=1 conv"),
    ("k3 d2 p1 s1 on 40x30", "k=3 d=2 p=1 s=1 on 40x30"),
    ("kernel/stride/padding = 5/2/2", "kernel=5, stride=2, padding=2"),
    ("k/s/p: 3/2/1", "k=3, s=2, p=1"),
    ("stride-2 conv", "stride 2 conv"),
    ("a 3-by-3 kernel", "a 3 by 3 kernel"),
    ("dil=3 st=2 ks=3", "dilation=3 stride=2 kernel=3"),
    ("224x224x3 -> 96 ch", "224x224x3 -> 96 channels"),
    ("3x3 conv w/ 3 in ch", "3x3 conv with 3 in channels"),
    ("conv3x3-64 on 56x56", "3x3 conv with 64 filters on 56x56"),
    ("tf same, 3x3/s2", "same padding, 3x3/s=2"),
    ("keras valid 5x5 conv", "valid padding 5x5 conv"),
    ("c_in 8, c_out 4, k 3", "c_in 8, c_out 4, k=3"),
    ("k 3 conv", "k=3 conv"),
    ("pool k 2 s 2", "pool k 2 s 2"),             # a pair the slot table reads as it is
    ("conv3x3 -> maxpool2", "3x3 conv -> 2x2 maxpool"),
    # a pool of one pools nothing: "pool1" is the layer's name (it had been a 1 x 1 window)
    ("| pool1 | max 2x2, stride 2 |", "| pool | max 2x2, stride 2 |"),
])
def test_terse_settings_are_spelt_out(text, spelt):
    assert spell_out(text) == spelt


@pytest.mark.parametrize("text", [
    "see slide s2 of lecture 4",       # one glued letter, nothing about a layer
    "is p1 the answer",
    "k/s = 3/2/1",                     # two names, three values: left as written
    "top k 5 accuracy",                # a spaced k with nothing about a layer
    "tf same padding",                 # the padding already named
    # LeNet's layer names: S2 and S4 beside C1 and C3 are layers, not strides
    "c1 is a 5x5 valid conv, s2 is 2x2 pooling stride 2, c3 a 5x5 conv, s4 2x2 pool stride 2",
    "s2 is 2x2 average pooling",       # a label: "is" follows
])
def test_what_is_not_clearly_a_setting_is_left_alone(text):
    assert spell_out(text) == text


@pytest.mark.parametrize(("message", "args"), [
    ("output size: 32x32 input, k3 s2 p1", {"input": 32, "kernel": 3, "stride": 2, "padding": 1}),
    ("3x3/s2 conv on 224x224, pad 1. output?",
     {"input": 224, "kernel": 3, "stride": 2, "padding": 1}),
    ("kernel/stride/padding = 5/2/2, img 128x128, output?",
     {"input": 128, "kernel": 5, "stride": 2, "padding": 2}),
    ("stride-two 3x3 conv, no padding, on 63x63. output size",
     {"input": 63, "kernel": 3, "stride": 2, "padding": 0}),
    ("ks=3 st=2 pad=1 on 100x100 -> ?", {"input": 100, "kernel": 3, "stride": 2, "padding": 1}),
    ("ConvTranspose2d(64, 32, 5, 3, 2) on 10x12 input, out HxW",
     {"input": [10, 12], "kernel": 5, "stride": 3, "padding": 2, "operation": "transposed"}),
    ("TF same, 3x3/s2, 99x99 -> ?", {"input": 99, "kernel": 3, "stride": 2, "padding": "same"}),
])
def test_terse_settings_are_read_as_a_conv(message, args):
    request = parse_calculation(message)
    assert request.calculator == "conv" and request.complete
    assert {k: v for k, v in request.args.items() if k in args} == args


def test_glued_letters_in_a_message_about_patches_set_the_stride():
    request = parse_calculation("tokens for a 28x28x1 image with 7x7 patches, s7")
    assert request.calculator == "attention" and request.args["stride"] == 7


@pytest.mark.parametrize(("message", "args"), [
    ("c_in 3, c_out 16, k=5: # params?", {"kernel": 5, "in_channels": 3, "out_channels": 16}),
    ("in 64 out 128, 3x3 kernel, how many params",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("c_in 8, c_out 32, k 7 -- # params?", {"kernel": 7, "in_channels": 8, "out_channels": 32}),
])
def test_channels_without_an_equals_sign_are_read(message, args):
    request = parse_calculation(message)
    assert request.calculator == "params" and request.complete
    assert {k: v for k, v in request.args.items() if k in args} == args
