"""The readers, one per calculator: each phrasing gives its calculator's arguments and the
defaults it assumed (conv output size, parameter counts, linear layers, attention over patches).
"""

import itertools

import pytest

from service.core.calcparse import parse_calculation
from tests.core.calcparse.helpers import parsed, run

ZERO_PADDING_NOTE = ('"zero padding" read as size-preserving ("same") padding; '
                     "say `padding 0` for none")


# --- convolution output size ------------------------------------------------------------------

CONV = [
    # the examples in the module docstring and the tutor's greeting
    ("output size of a 28x28 input with a 5 by 5 kernel, stride two, same padding",
     {"input": 28, "kernel": 5, "stride": 2, "padding": "same"}),
    ("output size of a 28x28 input with a 5x5 kernel, stride 2",
     {"input": 28, "kernel": 5, "stride": 2}),
    # ways of writing a size
    ("output size for 32x32 input, 3 x 3 kernel", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel 3×3", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel [3, 3]", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel (3,3)", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel size 3", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel=3", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, kernel_size=3", {"input": 32, "kernel": 3}),
    ("output size for 32x32 input, k=3", {"input": 32, "kernel": 3}),
    ("output size for input [32, 32], kernel [3, 3], stride 2",
     {"input": 32, "kernel": 3, "stride": 2}),
    (r"output size of a $3 \times 3$ conv on a $28 \times 28$ input", {"input": 28, "kernel": 3}),
    ("output size of a thirty-two by thirty-two image with a 3x3 kernel",
     {"input": 32, "kernel": 3}),
    ("output size of a twenty-eight by twenty-eight image with a five by five filter",
     {"input": 28, "kernel": 5}),
    ("output size of a 30x22 input with a 3x3 kernel", {"input": [30, 22], "kernel": 3}),
    ("output size of 32x32 input with a 3x5 kernel", {"input": 32, "kernel": [3, 5]}),
    ("output shape for a 32x32x3 input and a 5x5 conv", {"input": 32, "kernel": 5}),
    ("output size for a 64 x 64 x 3 image with 3 x 3 kernel and stride two",
     {"input": 64, "kernel": 3, "stride": 2}),
    # the kernel named by the layer
    ("what is the output of a 5x5 conv on a 28x28 image", {"input": 28, "kernel": 5}),
    ("a 7x7 filter on a 224x224 image with stride 2 and padding 3, output size?",
     {"input": 224, "kernel": 7, "stride": 2, "padding": 3}),
    ("28x28 image through a 5x5 conv", {"input": 28, "kernel": 5}),
    ("a 5x5 kernel over a 28x28 input", {"input": 28, "kernel": 5}),
    ("apply a 3x3 filter to a 6x6 image, what do i get?", {"input": 6, "kernel": 3}),
    ("32x32 input, 3x3 conv, what's the output?", {"input": 32, "kernel": 3}),
    ("output size of a 3x3 conv on 28x28", {"input": 28, "kernel": 3}),
    ("output size for a conv: 28x28 and 3x3", {"input": 28, "kernel": 3}),
    ("output size of 3x3 and 28x28 with a conv", {"input": 28, "kernel": 3}),
    ("output size: input 28, kernel 5, stride 1, padding 2",
     {"input": 28, "kernel": 5, "stride": 1, "padding": 2}),
    # stride
    ("output size: 28x28 input, 3x3 kernel, stride of 2", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size for 28x28 input with a 3x3 kernel with a stride 2",
     {"input": 28, "kernel": 3, "stride": 2}),
    ("output size: 28x28 input, 3x3 kernel, strides of 2", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size: 28x28 input, 3x3 kernel, 2 stride", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size with stride (2, 1), 3x3 kernel, 32x32 input",
     {"input": 32, "kernel": 3, "stride": [2, 1]}),
    ("output size for input 7x7, kernel 3, s=2, p=1",
     {"input": 7, "kernel": 3, "stride": 2, "padding": 1}),
    ("output size with kernel_size=3, stride=2, padding=1 on a 32x32 input",
     {"input": 32, "kernel": 3, "stride": 2, "padding": 1}),
    ("output size with padding = 1, stride = 2, kernel 3, input 7x7",
     {"input": 7, "kernel": 3, "stride": 2, "padding": 1}),
    # padding
    ("output size for 28x28 input with a 3x3 kernel, padding 1",
     {"input": 28, "kernel": 3, "padding": 1}),
    ("output size for 28x28 input with a 3x3 kernel, pad=1",
     {"input": 28, "kernel": 3, "padding": 1}),
    ("a 3x3 kernel with padding of 1 on 10x10 input: output?",
     {"input": 10, "kernel": 3, "padding": 1}),
    ("output size with a 1 pixel padding and a 3x3 kernel on a 10x10 input",
     {"input": 10, "kernel": 3, "padding": 1}),
    ("output dims for a 5x5 input and 3x3 kernel with stride 2 and 1 padding",
     {"input": 5, "kernel": 3, "stride": 2, "padding": 1}),
    ("output size: kernel 3 padding 1 input 28", {"input": 28, "kernel": 3, "padding": 1}),
    ("output size of a 28x28 input with 3x3 kernel and 1 pixel of padding",
     {"input": 28, "kernel": 3, "padding": 1}),
    ("output size of a 28x28 input with a 3x3 kernel, padded by 1",
     {"input": 28, "kernel": 3, "padding": 1}),
    ("output size for 28x28 input with a 3x3 kernel, no padding",
     {"input": 28, "kernel": 3, "padding": 0}),
    ("output size for 28x28 input with a 3x3 kernel without padding",
     {"input": 28, "kernel": 3, "padding": 0}),
    ("output size for 28x28 input with a 3x3 kernel, same padding",
     {"input": 28, "kernel": 3, "padding": "same"}),
    ("output size for 28x28 input with a 3x3 kernel, padding='same'",
     {"input": 28, "kernel": 3, "padding": "same"}),
    ('output size for 28x28 input with a 3x3 kernel, padding="valid"',
     {"input": 28, "kernel": 3, "padding": "valid"}),
    ("output size for 28x28 input with a 3x3 kernel, valid padding",
     {"input": 28, "kernel": 3, "padding": "valid"}),
    ("output size of a 3x3 conv with stride 2 and zero padding of 1 on a 28x28 input",
     {"input": 28, "kernel": 3, "stride": 2, "padding": 1}),
    # dilation
    ("output size for 28x28 input with a 3x3 kernel, dilation 2",
     {"input": 28, "kernel": 3, "dilation": 2}),
    ("output size for 28x28 input with a 3x3 kernel, dilation rate of 2",
     {"input": 28, "kernel": 3, "dilation": 2}),
    ("output size for 28x28 input with a 3x3 kernel dilated by 2",
     {"input": 28, "kernel": 3, "dilation": 2}),
    ("output size of 3x3 conv on 28x28 input, dilation=2, padding=2",
     {"input": 28, "kernel": 3, "padding": 2, "dilation": 2}),
    # pooling
    ("2x2 max pool stride 2 on a 28x28 feature map, output size?",
     {"input": 28, "kernel": 2, "stride": 2, "operation": "pool"}),
    ("output of a 2x2 max pooling with stride 2 on 28x28 input",
     {"input": 28, "kernel": 2, "stride": 2, "operation": "pool"}),
    ("max pooling 3x3 stride 2 on a 13x13 feature map output",
     {"input": 13, "kernel": 3, "stride": 2, "operation": "pool"}),
    ("output of a 2x2 avg pool on a 7x7 feature map",
     {"input": 7, "kernel": 2, "operation": "pool"}),
    ("output size of 3x3 max pool with stride 2 and ceil_mode on 6x6 input",
     {"input": 6, "kernel": 3, "stride": 2, "operation": "pool", "ceil_mode": True}),
    ("maxpool 2x2 stride 2 on 13x13 with ceil_mode=False: output?",   # said off: the floor
     {"input": 13, "kernel": 2, "stride": 2, "operation": "pool"}),
    ("output size after nn.MaxPool2d(2) on a 28x28 feature map",
     {"input": 28, "kernel": 2, "operation": "pool"}),
    ("2x2 max pool over a 64 channel 28x28 feature map, output size",
     {"input": 28, "kernel": 2, "operation": "pool"}),
    # transposed convolution
    ("transposed convolution 4x4 kernel stride 2 padding 1 on 16x16 input output size",
     {"input": 16, "kernel": 4, "stride": 2, "padding": 1, "operation": "transposed"}),
    ("output size of a transposed conv: input 7x7, kernel 3, stride 2, output padding 1",
     {"input": 7, "kernel": 3, "stride": 2, "output_padding": 1, "operation": "transposed"}),
    ("deconv 2x2 stride 2 14x14 input output size",
     {"input": 14, "kernel": 2, "stride": 2, "operation": "transposed"}),
    # channels, which add the MAC count when both are known
    ("output size of a 3x3 conv from 64 to 128 channels on 56x56 input",
     {"input": 56, "kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("output feature map size for 227x227x3 input, 11x11 filters, stride 4, 96 filters",
     {"input": 227, "kernel": 11, "stride": 4, "in_channels": 3, "out_channels": 96}),
    ("nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1) on a 32x32 image, output shape?",
     {"input": 32, "kernel": 3, "stride": 1, "padding": 1, "in_channels": 3, "out_channels": 64}),
    ("Conv2d(3, 16, 5) on a 28x28 input, output size?",
     {"input": 28, "kernel": 5, "in_channels": 3, "out_channels": 16}),
    ("output size for a 3x3 conv with 16 filters on a 32x32 rgb image",
     {"input": 32, "kernel": 3, "in_channels": 3, "out_channels": 16}),
    ("output size of a 3x3 conv with 16 filters on a 28x28 input", {"input": 28, "kernel": 3}),
    ("output size and macs of a 3x3 conv from 16 to 32 channels on 8x8, without bias",
     {"input": 8, "kernel": 3, "in_channels": 16, "out_channels": 32, "bias": False}),
    # question numbers and proposed answers are not values
    ("question 2: output size of 32x32 with 5x5 kernel", {"input": 32, "kernel": 5}),
    ("in q2 the input is 32x32 and the kernel is 5x5, what's the output size",
     {"input": 32, "kernel": 5}),
    ("exercise 4: 7x7 input, 3x3 kernel, stride 2, output?",
     {"input": 7, "kernel": 3, "stride": 2}),
    ("q3) 5x5 input, 3x3 filter, padding 1 -> output size",
     {"input": 5, "kernel": 3, "padding": 1}),
    ("i got 13 for a 28x28 input with a 3x3 kernel and stride 2, is that right?",
     {"input": 28, "kernel": 3, "stride": 2}),
    ("for example 28x28 input with a 3x3 kernel, output size?", {"input": 28, "kernel": 3}),
]


@pytest.mark.parametrize(("message", "args"), CONV)
def test_conv_output_phrasings_give_their_arguments(message, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == ("conv", args, [])


@pytest.mark.parametrize(("message", "assumed"), [
    ("output size of a 28x28 input with a 3x3 kernel", ["stride 1", "no padding"]),
    ("output size of a 28x28 input with a 3x3 kernel, stride 2", ["no padding"]),
    ("output of a 2x2 max pool on a 28x28 feature map", ["stride the kernel size", "no padding"]),
    ("output size for 28x28 input with a 3x3 kernel and zero padding",
     [ZERO_PADDING_NOTE, "stride 1"]),
    ("output size for 28x28 input with a 3x3 kernel and zero-padding",
     [ZERO_PADDING_NOTE, "stride 1"]),
    ("output size for a 3x3 conv with 16 filters on a 32x32 rgb image",
     ["stride 1", "no padding", "3 input channels (RGB)"]),
])
def test_conv_defaults_it_assumed_are_listed(message, assumed):
    assert parsed(message).assumed == assumed


def test_the_size_of_a_convolutions_output_is_the_input_of_what_follows_not_a_kernel():
    # "55x55 conv" had been the pool's kernel, beside its own kernel_size=3
    request = parsed("AlexNet has a MaxPool2d(kernel_size=3, stride=2) right after the 55x55 conv "
                     "output. what size after the pool?")
    assert request.args == {"kernel": 3, "stride": 2, "input": 55, "operation": "pool"}
    assert run(request)["output"] == [27, 27]


def test_zero_padding_is_read_as_same_padding_as_in_the_course():
    request = parsed("output size for 28x28 input with a 3x3 kernel and zero padding")
    assert request.args["padding"] == "same"


@pytest.mark.parametrize(("message", "padding"), [
    # it had been worked out with no padding, confidently wrong
    ("If I slide a 3x5 kernel with step 2 over a 9x7 grayscale image and pad with zeros so "
     "nothing is 'lost', how big is the result?", "same"),
    ("9x9 input, 3x3 kernel, padded it with zeros, output size?", "same"),
    # an amount of zeros is that padding
    ("9x9 input, 3x3 kernel, padded with 2 zeros on each side, output size?", 2),
])
def test_padding_with_zeros_is_the_courses_zero_padding_unless_an_amount_is_said(message,
                                                                                  padding):
    assert parsed(message).args["padding"] == padding


# --- parameter counts -------------------------------------------------------------------------

PARAMS = [
    ("params of a 3x3 conv from 64 to 128 channels",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("how many parameters in a 3x3 conv from 64 to 128 channels",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a 3x3 conv 64 -> 128", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a 3x3 conv 64 → 128", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("number of parameters of a 3x3 conv layer with 64 input channels and 128 output channels",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("parameters of a 3 by 3 convolution with 3 input channels and 64 output channels",
     {"kernel": 3, "in_channels": 3, "out_channels": 64}),
    ("parameters of a 3x3 kernel with in_channels=3 and out_channels=16",
     {"kernel": 3, "in_channels": 3, "out_channels": 16}),
    ("params for conv with kernel 3, in channels 3, out channels 64",
     {"kernel": 3, "in_channels": 3, "out_channels": 64}),
    ("how many parameters: 3x3 conv over a 16 channel feature map with 32 filters",
     {"kernel": 3, "in_channels": 16, "out_channels": 32}),
    ("how many weights does a layer with 6 filters of size 5x5 on an rgb image have",
     {"kernel": 5, "in_channels": 3, "out_channels": 6}),
    ("how many params in a conv layer with sixty-four 3x3 filters on a 3 channel input",
     {"kernel": 3, "in_channels": 3, "out_channels": 64}),
    ("parameters of 128 filters of size 3x3x64",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a conv with 128 3x3x64 filters",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("how many learnable parameters in a 1x1 conv from 256 to 64 channels",
     {"kernel": 1, "in_channels": 256, "out_channels": 64}),
    ("params of nn.Conv2d(3, 64, 3)", {"kernel": 3, "in_channels": 3, "out_channels": 64}),
    ("in=64, out=128, 3x3 conv, params?", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("parameters of a 5x5 filter on a 32x32x3 input",
     {"kernel": 5, "input": [32, 32, 3], "out_channels": 1}),
    ("parameters of a single 3x3 filter on a 28x28 rgb image",
     {"kernel": 3, "in_channels": 3, "out_channels": 1}),
    ("parameters of a 3x3 convolution with 16 in channels, 32 out channels, without bias",
     {"kernel": 3, "in_channels": 16, "out_channels": 32, "bias": False}),
    ("parameters of a 3x3 convolution with 16 in channels, 32 out channels, no bias",
     {"kernel": 3, "in_channels": 16, "out_channels": 32, "bias": False}),
    ("params of a 3x3 conv from 64 to 128 with 2 groups",
     {"kernel": 3, "in_channels": 64, "out_channels": 128, "groups": 2}),
    ("trainable params for a depthwise 3x3 conv on 32 channels",
     {"kernel": 3, "in_channels": 32, "out_channels": 1, "depthwise": True}),
    # a depthwise-separable block: the block beside the standard conv, never one depthwise
    # layer with the block's output channels
    ("how many parameters does a depthwise separable conv save vs a normal 3x3 conv with 128 "
     "input and 256 output channels?",
     {"kernel": 3, "in_channels": 128, "out_channels": 256, "separable": True}),
    ("params of a depthwise separable 3x3 conv from 32 to 64 channels, no bias",
     {"kernel": 3, "in_channels": 32, "out_channels": 64, "separable": True, "bias": False}),
    # written out as its two PyTorch layers: in from the first, out from the last
    ("depthwise separable block: nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False) then "
     "nn.Conv2d(64, 128, 1, bias=False). params?",
     {"kernel": 3, "in_channels": 64, "out_channels": 128, "separable": True, "bias": False}),
    # or named as its two layers in words ("pointwise" is 1x1): the depthwise layer's kernel
    ("3x3 depthwise on 64 channels followed by a 1x1 pointwise conv to 128 channels, both with "
     "bias. total params?",
     {"kernel": 3, "in_channels": 64, "out_channels": 128, "separable": True, "bias": True}),
    ("MobileNet block: depthwise 3x3 then pointwise 1x1, 32 in -> 64 out, bias=False. params?",
     {"kernel": 3, "in_channels": 32, "out_channels": 64, "separable": True, "bias": False}),
    # the block's kernel named apart from its layers: the 1x1 is the pointwise step's, and
    # "256 out" counts channels, not an output size asked for too
    ("depthwise conv then pointwise conv, why split it like that and how many params does it "
     "save for 3x3, 128 in, 256 out?",
     {"kernel": 3, "in_channels": 128, "out_channels": 256, "separable": True}),
    # Keras's SeparableConv2D(filters, kernel_size): its biases in the pointwise step only
    ("keras SeparableConv2D(64, (3, 3)) on an input with 32 channels: trainable params?",
     {"kernel": 3, "in_channels": 32, "out_channels": 64, "separable": True,
      "depthwise_bias": False}),
    ("SeparableConv2D(filters=256, kernel_size=3, use_bias=False) on a 32x32x128 input. "
     "how many weights?", {"kernel": 3, "input": [32, 32, 128], "out_channels": 256,
                           "separable": True, "depthwise_bias": False, "bias": False}),
    # a count of layers is not a kernel; a kernel's side before "conv layer" is
    ("three by three conv layer, 512 input channels, 512 output channels, with bias. params?",
     {"kernel": 3, "in_channels": 512, "out_channels": 512, "bias": True}),
]


def test_a_dense_layer_after_flatten_takes_every_value_of_the_map():
    request = parsed("keras: Flatten() on a 7x7x64 feature map then Dense(10). how many params "
                     "does the Dense layer have?")
    assert request.args == {"layer": "linear", "in_features": 7 * 7 * 64, "out_features": 10}
    assert run(request)["total"] == 7 * 7 * 64 * 10 + 10


def test_identical_layers_stacked_are_counted_together_and_compared_one_by_one():
    request = parsed("compare param counts: two stacked 3x3 convs 64->64->64 (with bias) vs a "
                     "single 5x5 conv 64->64 (with bias)")
    assert request.args == {"kernel": 3, "in_channels": 64, "out_channels": 64, "bias": True,
                            "layers": 2}
    assert [other.args for other in request.also] == \
        [{"kernel": 5, "in_channels": 64, "out_channels": 64, "bias": True}]
    # from 3 to 64 channels the two layers differ: one layer is counted, no stack
    assert "layers" not in parsed("params of 2 3x3 convs from 3 to 64 channels").args


def test_kernels_compared_are_each_counted():
    request = parsed("compare param counts: 3x3 conv 64->64 (with bias) vs a 5x5 conv 64->64")
    assert request.args["kernel"] == 3
    assert [other.args for other in request.also] == \
        [{"kernel": 5, "in_channels": 64, "out_channels": 64, "bias": True}]


def test_a_count_of_layers_is_not_a_kernel():
    # "one conv layer with stride 1" was a 1x1 kernel: the kernel is asked for instead
    request = parsed("whats the output size for an input of 28x28 with one conv layer with "
                     "stride 1")
    assert (request.calculator, request.missing) == ("conv", ["kernel"])


@pytest.mark.parametrize(("message", "input_size"), [
    # Keras's input_shape written without spaces is a shape, not the number 128,128
    ("Conv2D(32, (3,3), strides=2, padding='same', input_shape=(128,128,3)): output shape?",
     128),
    ("Conv2D(32, 3, input_shape=(224,224,3)), output size?", 224),
])
def test_a_shape_without_spaces_is_not_a_number_with_thousands(message, input_size):
    assert parsed(message).args["input"] == input_size


@pytest.mark.parametrize(("message", "args"), [
    # PyTorch's sixth positional argument and Keras's dilation_rate
    ("layer = nn.Conv2d(8, 8, 3, 1, 0, 2)\ny = layer(torch.zeros(1, 8, 33, 33))\nshape?",
     {"input": 33, "kernel": 3, "stride": 1, "padding": 0, "dilation": 2, "in_channels": 8,
      "out_channels": 8}),
    ("Conv2D(filters=64, kernel_size=3, dilation_rate=2, padding='valid') gets a (None, 30, 30, "
     "16) tensor. output spatial size?",
     {"kernel": 3, "padding": "valid", "dilation": 2, "input": 30, "in_channels": 16,
      "out_channels": 64}),
    # "no zero padding" is none (the course's "zero padding" alone is size-preserving)
    ("twenty-eight by twenty-eight mnist digit, a three by three filter, stride of one and no "
     "zero padding. how big is the output map?",
     {"kernel": 3, "stride": 1, "padding": 0, "input": 28}),
])
def test_dilation_by_position_or_keyword_and_no_zero_padding(message, args):
    assert parsed(message).args == args


@pytest.mark.parametrize(("message", "args"), [
    ("I have three identical conv layers stacked, each 3x3 with 64 in and 64 out channels, "
     "biases included. total params for all three?",
     {"bias": True, "kernel": 3, "in_channels": 64, "out_channels": 64, "layers": 3}),
    ("four nn.Linear(128, 128) layers one after another, how many params altogether?",
     {"layer": "linear", "in_features": 128, "out_features": 128, "layers": 4}),
    ("vgg-like head: Flatten a 4x4x512 map then Dense(4096). how many params does the dense "
     "have??", {"layer": "linear", "in_features": 8192, "out_features": 4096}),
    # Keras's depth_multiplier: that many filters per input channel, of the channels named or
    # of the input's
    ("DepthwiseConv2D(kernel_size=5, depth_multiplier=2) on a 24-channel input. params?",
     {"kernel": 5, "in_channels": 24, "out_channels": 48, "depthwise": True}),
    ("layers.DepthwiseConv2D(3, depth_multiplier=2, input_shape=(32, 32, 24)) -- params?",
     {"kernel": 3, "input": [32, 32, 24], "out_channels": 48, "depthwise": True}),
    # a Dense layer on a tensor of more axes works along the last one
    ("The tensor going into layers.Dense(32) has shape (None, 10, 64) (no Flatten). How many "
     "parameters does the Dense layer get?",
     {"layer": "linear", "in_features": 64, "out_features": 32}),
    # y = Wx + b with W in R^{64 x 32}: 32 features in, 64 out (the bias says so, or the
    # product's order)
    (r"A fully connected layer $y = Wx + b$ with $W \in \mathbb{R}^{64 \times 32}$ and "
     r"$b \in \mathbb{R}^{64}$. Total number of parameters?",
     {"layer": "linear", "in_features": 32, "out_features": 64}),
    ("a linear layer y = Wx with W in R^{10 x 784}, params?",
     {"layer": "linear", "in_features": 784, "out_features": 10}),
    ("dense layer y = xW + b, W in R^{784 x 10}, params?",
     {"layer": "linear", "in_features": 784, "out_features": 10}),
    # "a layer computes y = Wx + b": the map says it is a linear layer (had been refused)
    (r"A layer computes $y = Wx + b$ with $W \in \mathbb{R}^{512 \times 1024}$. How many "
     r"parameters including $b$?", {"layer": "linear", "in_features": 1024, "out_features": 512}),
])
def test_layers_counted_together_and_keras_settings(message, args):
    assert parsed(message).args == args


@pytest.mark.parametrize(("message", "widths"), [
    ("params of fully connected layers 784 -> 256 -> 10", [784, 256, 10]),
    ("how many parameters does an MLP 784-512-256-10 have?", [784, 512, 256, 10]),
    ("mlp with 784 inputs, one hidden layer of 100 and 10 outputs: number of weights?",
     [784, 100, 10]),
    ("an mlp with 20 inputs, two hidden layers of 64 units and 3 outputs: how many parameters",
     [20, 64, 64, 3]),
    ("multilayer perceptron, 50 inputs, 32 hidden units, 2 outputs. params?", [50, 32, 2]),
    # the inputs and outputs by what they are, never the hidden layers' units
    ("An MLP takes the 784 pixels of an MNIST digit, has one hidden layer of 300 units and a "
     "10-way softmax output. How many weights and biases does it have in total?", [784, 300, 10]),
    ("Exam: A multilayer perceptron has 2 inputs, a single hidden layer with 4 units and 1 "
     "output unit. Including biases, how many parameters must be learned?", [2, 4, 1]),
    ("13 features and 3 classes (batch size 64, 30 epochs). My network has two hidden layers "
     "with 8 neurons each. How many trainable parameters?", [13, 8, 8, 3]),
    ("mlp 10 20 1 how many params", [10, 20, 1]),
    ("CIFAR-10 images (32x32x3) are flattened and fed to an MLP with two hidden layers of 256 "
     "units each and 10 outputs. Count the parameters including biases.", [3072, 256, 256, 10]),
    ("Network 100-50-2 with no bias terms. Number of weights?", [100, 50, 2]),
    ("params of nn.Linear(784, 256) then nn.Linear(256, 10)", [784, 256, 10]),
    ("model = keras.Sequential()\nmodel.add(Dense(64, activation='relu', input_shape=(20,)))\n"
     "model.add(Dense(64, activation='relu'))\nmodel.add(Dense(1, activation='sigmoid'))\n"
     "What is the total params number?", [20, 64, 64, 1]),
])
def test_fully_connected_layers_in_turn_are_each_layer_then_their_sum(message, widths):
    request = parsed(message)
    layers = [request, *request.also]
    assert [(r.args["in_features"], r.args["out_features"]) for r in layers] == \
        list(itertools.pairwise(widths))
    assert request.asks == "together" and all(r.complete for r in layers)


def test_a_models_conv_and_linear_calls_are_all_counted():
    request = parsed("How many trainable parameters does this model have in total?\n"
                     "model = nn.Sequential(\n  nn.Conv2d(1, 32, 3),\n  nn.ReLU(),\n"
                     "  nn.Conv2d(32, 64, 3),\n  nn.MaxPool2d(2),\n  nn.Flatten(),\n"
                     "  nn.Linear(9216, 128),\n  nn.ReLU(),\n  nn.Linear(128, 10),\n)")
    assert request.asks == "together"
    assert sum(run(r)["total"] for r in [request, *request.also]) == \
        (9 * 32 + 32) + (9 * 32 * 64 + 64) + (9216 * 128 + 128) + (128 * 10 + 10)


def test_a_linear_layers_features_written_as_a_product_are_multiplied_out():
    request = parsed("Total parameters of: nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), "
                     "nn.Flatten(), nn.Linear(32*6*6, 10)?")
    linear = request.also[-1]
    assert (linear.args["in_features"], linear.args["out_features"]) == (32 * 6 * 6, 10)


def test_features_left_as_a_question_mark_are_asked_for_not_taken_from_channels():
    request = parsed("My last conv layer outputs 128 channels, then Flatten and nn.Linear(?, 10). "
                     "How many parameters does the Linear layer have?")
    assert request.missing == ["in_features"]


def test_hidden_layers_without_their_widths_are_asked_for_not_left_out():
    request = parsed("mlp with hidden layers, 784 inputs and 10 outputs: params?")
    assert request.missing == ["hidden_features"]


def test_a_flattened_maps_sides_are_no_features_of_the_dense_layer():
    request = parsed("params of a dense layer after flatten of a 4x4x512 map?")
    assert request.args["in_features"] == 8192 and request.missing == ["out_features"]


def test_layers_written_out_as_calls_are_each_counted():
    request = parsed("conv1 = nn.Conv2d(1, 6, 5)\nconv2 = nn.Conv2d(6, 16, 5)\nparams in both "
                     "conv layers together?")
    assert request.args == {"kernel": 5, "in_channels": 1, "out_channels": 6}
    assert [other.args for other in request.also] == \
        [{"kernel": 5, "in_channels": 6, "out_channels": 16}]


def test_a_kernels_height_and_width_and_strides_per_direction():
    request = parsed("A convolutional layer with a non-square kernel of height 5 and width 3 is "
                     "applied to a 28 x 28 input with stride 2 vertically and stride 1 "
                     "horizontally and no padding. Give the output dimensions.")
    assert request.args == {"input": 28, "kernel": [5, 3], "stride": [2, 1], "padding": 0}


@pytest.mark.parametrize(("message", "args"), [
    # channels by their verbs, as a student writing in a second language may put them
    ("hi, a 1x1 convolution that take 256 channel and give 64 channel, with bias, how much "
     "parameter it have?", {"bias": True, "kernel": 1, "in_channels": 256, "out_channels": 64}),
    # "how many numbers must be learned" asks for the parameters, not a size
    ("Input volume is 100 x 100 x 12. One single 5x5 filter sliding over it, plus its bias: how "
     "many numbers must be learned?", {"kernel": 5, "input": [100, 100, 12], "out_channels": 1}),
])
def test_parameters_asked_in_other_words(message, args):
    request = parsed(message)
    assert (request.calculator, request.args) == ("params", args)


@pytest.mark.parametrize(("message", "first", "others"), [
    # Keras's calls: each layer takes the channels the one before gave, the first the input's
    ("model = keras.Sequential([\n    layers.Conv2D(16, 3, activation='relu', input_shape=(64, "
     "64, 3)),\n    layers.Conv2D(32, 3, activation='relu'),\n])\nhow many trainable params in "
     "total (model.summary)?", {"kernel": 3, "input": [64, 64, 3], "out_channels": 16},
     [{"kernel": 3, "in_channels": 16, "out_channels": 32}]),
    # in words: "3->32 channels 3x3, 32->64 channels 3x3"
    ("My small CNN has conv1: 3->32 channels 3x3, conv2: 32->64 channels 3x3, all with bias. "
     "Total number of conv parameters?",
     {"bias": True, "kernel": 3, "in_channels": 3, "out_channels": 32},
     [{"kernel": 3, "in_channels": 32, "out_channels": 64, "bias": True}]),
])
def test_layers_written_out_in_keras_or_in_words_are_added_up(message, first, others):
    request = parsed(message)
    assert request.args == first and [o.args for o in request.also] == others
    assert request.asks == "together"


def test_pytorch_pooling_by_position_is_kernel_stride_padding():
    request = parsed("nn.MaxPool2d(3, 2, 1) on a 112x112 input, output size?")
    assert request.args == {"kernel": 3, "stride": 2, "padding": 1, "input": 112,
                            "operation": "pool"}


def test_a_separable_block_without_its_output_channels_asks_for_them():
    request = parsed("depthwise separable conv with a 3x3 kernel on 64 channels, how many params?")
    assert (request.calculator, request.missing) == ("params", ["out_channels"])


@pytest.mark.parametrize(("message", "args"), PARAMS)
def test_conv_parameter_phrasings_give_their_arguments(message, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == ("params", args, [])


@pytest.mark.parametrize(("message", "assumed"), [
    ("params of a 3x3 conv from 64 to 128 channels", ["with bias"]),
    ("params of a 3x3 conv from 64 to 128 channels without bias", []),
    ("parameters of a 5x5 filter on a 32x32x3 input", ["with bias"]),
    ("parameters of 5x5 filters on a 32x32x3 input",
     ["one filter (one output channel)", "with bias"]),
    ("how many weights in a 3x3 conv with 8 filters on an rgb image",
     ["3 input channels (RGB)", "with bias"]),
    ("trainable params for a depthwise 3x3 conv on 32 channels",
     ["one filter per input channel", "with bias"]),
])
def test_param_defaults_it_assumed_are_listed(message, assumed):
    assert parsed(message).assumed == assumed


LINEAR = [
    ("how many parameters does a linear layer 784 -> 256 have",
     {"in_features": 784, "out_features": 256}),
    ("parameters of a fully connected layer from 784 to 10",
     {"in_features": 784, "out_features": 10}),
    ("params in a dense layer with 512 inputs and 10 outputs",
     {"in_features": 512, "out_features": 10}),
    ("how many parameters in nn.Linear(784, 256)", {"in_features": 784, "out_features": 256}),
    ("how many parameters in a linear layer 784 -> 256 without bias",
     {"in_features": 784, "out_features": 256, "bias": False}),
    ("number of weights in an fc layer with 100 input features and 10 output features",
     {"in_features": 100, "out_features": 10}),
]


@pytest.mark.parametrize(("message", "features"), LINEAR)
def test_linear_layer_phrasings_give_their_features(message, features):
    request = parsed(message)
    assert request.calculator == "params"
    assert request.args == {"layer": "linear", **features}
    assert request.missing == []


# --- self-attention over patches --------------------------------------------------------------

ATTENTION = [
    ("attention cost for a 32x32x3 image with 4x4 patches", {"input": [32, 32, 3], "patch": 4}),
    ("self-attention over an mnist 28x28 image split into 7x7 patches",
     {"input": [28, 28, 1], "patch": 7}),
    ("self attention on 28x28 mnist with 7x7 patches, stride 7",
     {"input": [28, 28, 1], "patch": 7, "stride": 7}),
    ("attention over 32x32x3 image, 4x4 patches, non-overlapping",
     {"input": [32, 32, 3], "patch": 4, "stride": 4}),
    ("attention over 32x32x3 image, 4x4 patches, stride 4, 8 heads",
     {"input": [32, 32, 3], "patch": 4, "stride": 4, "heads": 8}),
    # a ViT cuts its patches side by side: the stride is the patch size
    ("vit with 16x16 patches on a 224x224x3 image",
     {"input": [224, 224, 3], "patch": 16, "stride": 16}),
    ("how many tokens for a 224x224 rgb image with 16x16 patches",
     {"input": [224, 224, 3], "patch": 16}),
    ("attention with patch size 4 on a 32x32x3 image, 2 heads",
     {"input": [32, 32, 3], "patch": 4, "heads": 2}),
    ("attention cost for a 32x32 image with 3 channels and 4x4 patches",
     {"input": [32, 32, 3], "patch": 4}),
    ("dot products in self-attention over a thirty-two by thirty-two by three image with "
     "four by four patches", {"input": [32, 32, 3], "patch": 4}),
]


@pytest.mark.parametrize(("message", "args"), ATTENTION)
def test_attention_phrasings_give_their_arguments(message, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == ("attention", args, [])


@pytest.mark.parametrize(("message", "assumed"), [
    ("attention cost for a 32x32x3 image with 4x4 patches", ["stride 1 (overlapping patches)"]),
    ("attention over 32x32x3 image, 4x4 patches, non-overlapping",
     ["stride = patch size (non-overlapping)"]),
    ("self-attention over an mnist 28x28 image split into 7x7 patches",
     ["1 channel (greyscale)", "stride 1 (overlapping patches)"]),
    ("how many tokens for a 224x224 rgb image with 16x16 patches, stride 16",
     ["3 channels (RGB)"]),
    ("a vision transformer on 224x224x3 images with 16x16 patches: QK^T cost?",
     ["stride = patch size (a ViT's patches do not overlap)"]),
])
def test_attention_defaults_it_assumed_are_listed(message, assumed):
    assert parsed(message).assumed == assumed


@pytest.mark.parametrize("message", [
    "ViT with 16x16 patches and embedding dim 768: how many dot products does one attention "
    "head compute?",
    "self-attention in nn.TransformerEncoderLayer(d_model=512, nhead=8) over 16x16 patches: "
    "cost?",
])
def test_a_transformers_width_and_heads_are_no_image_size(message):
    # "embedding dim 768" was taken for a 768x768 image: the image size is asked
    request = parsed(message)
    assert request.calculator == "attention" and "input" in request.missing


def test_patches_without_a_stride_are_also_worked_out_without_overlap():
    # the exam's Q11 slides its patches at stride 1; "16x16 patches of a 384x384 image" in a
    # ViT means 576 of them: with no stride named, both readings are shown
    request = parsed("16x16 patches on a 384x384x3 image. How many patches, and the MACs?")
    assert request.args == {"input": [384, 384, 3], "patch": 16}
    [other] = request.also
    assert other.args == {"input": [384, 384, 3], "patch": 16, "stride": 16}
    assert (run(request)["num_patches"], run(other)["num_patches"]) == (369 * 369, 24 * 24)


@pytest.mark.parametrize("message", [
    "attention over a 32x32x3 image, 4x4 patches, stride 2",
    "attention over 32x32x3 image, 4x4 patches, non-overlapping",
    "a vision transformer on 224x224x3 images with 16x16 patches: QK^T cost?",
])
def test_patches_with_their_stride_settled_have_one_reading(message):
    assert parsed(message).also == []



@pytest.mark.parametrize(("message", "args"), [
    ("Conv2DTranspose(32, 3, strides=2, padding='valid') applied to a (None, 7, 7, 64) tensor. "
     "output size?", {"input": 7, "kernel": 3, "stride": 2, "padding": "valid",
                      "operation": "transposed", "in_channels": 64, "out_channels": 32}),
    ("3x3/2 conv, no padding, on a 65x65 map. output size?",
     {"input": 65, "kernel": 3, "stride": 2, "padding": 0}),
    ("k3s2p1 on 56 -> ?", {"input": 56, "kernel": 3, "stride": 2, "padding": 1}),
])
def test_keras_transposed_calls_and_terse_layer_names_are_read(message, args):
    request = parsed(message)
    assert (request.calculator, request.args) == ("conv", args)


@pytest.mark.parametrize(("message", "args"), [
    ("128 filters of size 5x5 on an input of depth 64 - how many parameters?",
     {"kernel": 5, "in_channels": 64, "out_channels": 128}),
    ("DepthwiseConv2D(3, padding='same') on input (None, 56, 56, 144). How many parameters?",
     {"kernel": 3, "input": [56, 56, 144], "out_channels": 1, "depthwise": True}),
])
def test_depth_and_keras_depthwise_kernels_are_read_for_parameters(message, args):
    request = parsed(message)
    assert (request.calculator, request.args) == ("params", args)


@pytest.mark.parametrize(("message", "args"), [
    ("ViT-B/16 at 224 res, how many tokens (patches)?",
     {"input": [224, 224, 3], "patch": 16, "stride": 16}),
    ("cifar image 32x32x3, p=4 non-overlapping patches. number of tokens and MACs?",
     {"input": [32, 32, 3], "patch": 4, "stride": 4}),
    ("a 224x160x3 image (H=224, W=160) cut into 16x16 patches. QK^T MAC count?",
     {"input": [224, 160, 3], "patch": 16}),
])
def test_vit_names_p_for_patch_and_sides_named_twice_are_read(message, args):
    request = parsed(message)
    assert (request.calculator, request.args) == ("attention", args)


# --- self-attention over a sequence ------------------------------------------------------------

SEQUENCE = [
    ("512 tokens, d_model 64, QK^T MACs?", {"tokens": 512, "dim": 64}),
    ("sentence of 50 tokens, embeddings of size 300, self-attention with identity projections. "
     "how many multiplications for all the dot products QK^T?", {"tokens": 50, "dim": 300}),
    ("seq len 1024 head dim 64 cost of attention scores", {"tokens": 1024, "dim": 64}),
    ("n=2048, d=128. how many multiply-adds to form QK^T?", {"tokens": 2048, "dim": 128}),
    ("self attention over 100 tokens with 32-dim queries/keys: how many dot products",
     {"tokens": 100, "dim": 32}),
    ("attention cost for a sequence of length 4096 and d_k = 64", {"tokens": 4096, "dim": 64}),
    ("attention over 4096 tokens, d_model 512, 8 heads: MACs of QK^T?",
     {"tokens": 4096, "dim": 512, "heads": 8}),
    ("sequence of 197 tokens (cls + 196 patches), d = 768. QK^T cost in MACs?",
     {"tokens": 197, "dim": 768}),
    ("n=1024, d=64. how many MACs for Q K^T?", {"tokens": 1024, "dim": 64}),
    ("BERT-base: 512 tokens, hidden 768, 12 heads. dot products for the attention scores?",
     {"tokens": 512, "dim": 768, "heads": 12}),
    # each head's size: the dimension is heads times it
    ("32 heads with head dim 128, 4096 tokens. dot products and MACs of Q K^T?",
     {"tokens": 4096, "dim": 4096, "heads": 32}),
    ("with 12 heads of size 64 and a sequence of 256 tokens, MACs of QK^T?",
     {"tokens": 256, "dim": 768, "heads": 12}),
    # PyTorch's arguments, and a head's size beside the model's: the model's is the dimension
    ("nn.MultiheadAttention(embed_dim=512, num_heads=8) on 100 tokens (each head has dim 64): "
     "MACs of QK^T across the heads?", {"tokens": 100, "dim": 512, "heads": 8}),
    ("nn.Transformer(d_model=256, nhead=4), sequences of 50 tokens. attention dot products?",
     {"tokens": 50, "dim": 256, "heads": 4}),
    ("64 tokens, 4 heads, each head has dim 32: macs?", {"tokens": 64, "dim": 128, "heads": 4}),
    # the length named after its word, or by what the sequence is made of
    ("tokens: 8192, d: 64. MACs?", {"tokens": 8192, "dim": 64}),
    ("RNN replacement: T=50 timesteps, hidden size 20. dot products in self attention scores",
     {"tokens": 50, "dim": 20}),
    ("whisper encoder: 1500 audio frames, d=384. How many MACs for the attention logits?",
     {"tokens": 1500, "dim": 384}),
    ("a 1000-word document, each word embedded in 300 dims. self-attention QK^T cost?",
     {"tokens": 1000, "dim": 300}),
    ("how many dot products does self attention compute for 365 daily readings, each embedded "
     "into 16 dims?", {"tokens": 365, "dim": 16}),
]


@pytest.mark.parametrize(("message", "args"), SEQUENCE)
def test_a_sequences_length_and_dimension_are_read(message, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == \
        ("sequence_attention", args, [])


def test_two_values_compared_are_both_worked_out():
    request = parsed("compare the QK^T MACs for d=64 vs d=128 at n=512")
    assert request.args == {"tokens": 512, "dim": 64}
    assert [other.args for other in request.also] == [{"tokens": 512, "dim": 128}]


def test_a_length_changed_from_one_value_to_another_is_worked_out_at_both():
    request = parsed("doubling the context from 1024 to 2048 with d=64, how do the MACs of "
                     "Q K^T change?")
    assert request.args == {"tokens": 1024, "dim": 64}
    assert [other.args for other in request.also] == [{"tokens": 2048, "dim": 64}]


def test_tokens_without_a_dimension_ask_for_it_and_invent_no_image():
    # "512 tokens of dimension ..." was read as a 512x512 image with 64x64 patches
    request = parsed("self-attention cost for 512 tokens")
    assert (request.calculator, request.args, request.missing) == \
        ("sequence_attention", {"tokens": 512}, ["dim"])


def test_tokens_of_an_image_are_its_patches():
    request = parsed("how many tokens for a 224x224 rgb image with 16x16 patches")
    assert request.calculator == "attention"


@pytest.mark.parametrize("message", [
    "nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) on an input of shape (1, 3, 224, 224)."
    " What is the output shape and how many parameters does the layer have?",
    "conv 5x5, 3 -> 6 channels, input 28x28: output size and number of weights incl bias",
    "3x3 conv from 16 to 32 channels on 8x8: out size + # of params",
    "params and output shape of a 3x3 conv from 16 to 32 channels on 8x8",
])
def test_the_output_size_and_the_parameters_asked_together_are_both_worked_out(message):
    request = parsed(message)
    assert request.calculator == "conv" and [a.calculator for a in request.also] == ["params"]



# --- what else students write around the numbers ----------------------------------------------

AROUND_THE_NUMBERS = [
    # sizes labelled or written channels first
    ("image 240x320 (h x w), 5x5 conv, stride 1, padding 2: output height and width?",
     ("conv", {"input": [240, 320], "kernel": 5, "stride": 1, "padding": 2})),
    ("3x16x24 (c x h x w) input, 3x3 conv to 4 output channels, padding 1, output size and MACs",
     ("conv", {"input": [16, 24], "kernel": 3, "padding": 1, "in_channels": 3,
               "out_channels": 4})),
    ("output shape after a 3x3 conv on an input of shape (1, 32, 32)?",
     ("conv", {"input": 32, "kernel": 3})),
    ("nn.ConvTranspose2d(64, 32, kernel_size=2, stride=2) on an input of shape (64, 7, 7): "
     "output h x w?",
     ("conv", {"input": 7, "kernel": 2, "stride": 2, "operation": "transposed",
               "in_channels": 64, "out_channels": 32})),
    # numbers about training are not the layer's
    ("batch size 64, lr 3e-4, 10 epochs. a 28x28 input through a 5x5 conv, what size comes out?",
     ("conv", {"input": 28, "kernel": 5})),
    ("learning rate 0.01, 32x32x3 images, 4x4 patches non-overlapping: how many patches per "
     "image?",
     ("attention", {"input": [32, 32, 3], "patch": 4, "stride": 4})),
    # channels going down or up, and a gloss in brackets
    ("1x1 conv from 128 down to 32 channels on a 7x7 map: output size and MACs",
     ("conv", {"input": 7, "kernel": 1, "in_channels": 128, "out_channels": 32})),
    ("a 9x9x16 input going to 8 channels with a 3x3 conv, output size and macs",
     ("conv", {"input": 9, "kernel": 3, "in_channels": 16, "out_channels": 8})),
    ("dilated conv with rate (dilation) 3, 3x3 kernel, 50x50 input, output size?",
     ("conv", {"input": 50, "kernel": 3, "dilation": 3})),
]


@pytest.mark.parametrize(("message", "expected"), AROUND_THE_NUMBERS)
def test_labels_orders_training_numbers_and_glosses_are_read(message, expected):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == (*expected, [])


@pytest.mark.parametrize(("message", "missing"), [
    # "one conv filter" counts filters: its 1 is not a 1x1 kernel
    ("what counts as a parameter in one conv filter, the weights or the bias too, on a 32 "
     "channel input", "kernel"),
    # "a 1x1 combo" is no image: a one-pixel input is taken only when it is named
    ("the 1x1 conv is the second half, what does the depthwise plus pointwise combo save",
     "input"),
])
def test_no_size_is_invented_from_a_count_or_a_one_by_one(message, missing):
    request = parse_calculation(message)
    assert request is None or (not request.complete and missing in request.missing), request


def test_a_named_one_pixel_input_is_still_read():
    assert parsed("output size of a 1x1 conv on an input of size 1x1").args["input"] == 1


def test_a_rounding_asked_after_the_size_is_worked_out_beside_it():
    request = parsed("nn.MaxPool2d(2, 2) on a 13x13 feature map gives what size? And what if I "
                     "set ceil_mode=True?")
    assert run(request)["output"] == [6, 6] and "ceil_mode" not in request.args
    (ceiled,) = request.also
    assert ceiled.title == "With ceil_mode=True" and run(ceiled)["output"] == [7, 7]



@pytest.mark.parametrize(("message", "calculator", "args"), [
    # the input a layer is applied to, before its stride, is no kernel
    ("how much is output if i do conv of 7 on picture 200x200, stride 1, not padding", "conv",
     {"input": 200, "kernel": 7, "stride": 1}),
    ("dilated conv 3x3 with dilation 2 on 32x32, stride 1 pad 0, output?", "conv",
     {"input": 32, "kernel": 3, "stride": 1, "padding": 0, "dilation": 2}),
    # a window moved in steps; a result checked ("112 or 113 out?")
    ("227x227x3 image, 11×11 window, step 4, no zero-pad → activation map size?", "conv",
     {"input": 227, "kernel": 11, "stride": 4}),
    ("resnet stem: 224 in, kernel 7 stride 2 padding 3 (pytorch conv). is it 112 or 113 out??",
     "conv", {"input": 224, "kernel": 7, "stride": 2, "padding": 3}),
    # terse parameter counts
    ("linear 784 -> 128 params?", "params",
     {"layer": "linear", "in_features": 784, "out_features": 128}),
    ("layer with 512 input features and 512 output neurons, weights + biases = ?", "params",
     {"layer": "linear", "in_features": 512, "out_features": 512}),
    ("one 5x5 filter on a 128×128×16 volume: how many numbers to learn incl the bias?", "params",
     {"kernel": 5, "input": [128, 128, 16], "out_channels": 1}),
    ("3x3 conv, 64 ch in and out, no bias. params?", "params",
     {"kernel": 3, "in_channels": 64, "out_channels": 64, "bias": False}),
    ("simple rnn, input 10, hidden 20. params?", "params",
     {"layer": "rnn", "input_size": 10, "hidden_size": 20}),
    ("keras LSTM(64) on sequences with 32 features. params?", "params",
     {"layer": "lstm", "input_size": 32, "hidden_size": 64, "bias_vectors": 1}),
    ("f1 if P=.75 and R=.5", "f1", {"precision": 0.75, "recall": 0.5}),
])
def test_terse_and_second_language_notations_are_read(message, calculator, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == (calculator, args, [])


def test_what_a_setting_means_is_no_calculation():
    assert parse_calculation("what does padding 'same' mean? why the output stays 32 when "
                             "input is 32") is None


def test_two_strides_compared_are_each_worked_out():
    conv = parsed("stride 1 vs 2 for a 5x5 kernel on 28x28, no padding — output for each?")
    assert run(conv)["output"] == [24, 24] and [run(o)["output"] for o in conv.also] == [[12, 12]]
    patches = parsed("patch 4x4 on a 16x16x1 image: number of patches with stride 1 vs stride 2?")
    assert run(patches)["num_patches"] == 169
    assert [run(o)["num_patches"] for o in patches.also] == [49]
    # each stride with its own "with" (only stride 1 had been worked out)
    entries = parsed("for a 32x32x3 image with 8x8 patches: how many attention-matrix entries "
                     "with stride 1 vs with stride 8 (non-overlapping)?")
    assert run(entries)["num_patches"] == 25 * 25
    assert [run(o)["num_patches"] for o in entries.also] == [4 * 4]


def test_pytorchs_shape_error_gives_the_linear_layers_in_features():
    request = parsed("RuntimeError: size mismatch, m1: [64 x 9216], m2: [4608 x 256]. what "
                     "in_features should my fc have and how many params then (256 out, bias)?")
    assert request.args == {"layer": "linear", "in_features": 9216, "out_features": 256}


def test_the_values_coming_out_of_one_layer_in_total_are_counted():
    request = parsed("avgpool kernel 4 step 4 on 30x30x10, floor mode. how many values come out "
                     "in total?")
    assert run(request)["flattened"] == 7 * 7 * 10


@pytest.mark.parametrize(("message", "calculator", "args"), [
    # the exam's symbols given values: worked out, not the entry in symbols
    ("Same setup as the exam question (H×W×C image viewed as h×w×C patches, stride 1, no "
     "padding, one head, identity projections), but with numbers: H = W = 16, C = 3, h = w = 4. "
     "How many multiply-adds?", "attention",
     {"input": [16, 16, 3], "patch": 4, "stride": 1, "heads": 1}),
    (r"Q1 with a single-channel image of size $M \times N$ with $M = 33$ and $N = 65$, and a "
     r"filter of size $m \times n = 3 \times 5$. Output size with stride 2 and zero padding?",
     "conv", {"input": [33, 65], "kernel": [3, 5], "stride": 2, "padding": "same"}),
    # the image's sides as letters given values, then the patch's (had asked for the patch)
    ("H=10, W=12, C=2, h=3, w=4, stride 1: number of patches, attention entries and "
     "multiplications", "attention", {"input": [10, 12, 2], "patch": [3, 4], "stride": 1}),
    # the sizes in numbers, the quantities asked in the exam's symbols (had been the entry)
    ("6x6x4 image, 2x2 patches, stride 1, compute P, P^2 and P^2*h*w*C", "attention",
     {"input": [6, 6, 4], "patch": 2, "stride": 1}),
    # a patch's sides in words; channels as in= / out=
    ("Input H=12, W=8, C=4. Patches of height 4 and width 2, stride 4 vertically and 2 "
     "horizontally. number of patches and MACs?", "attention",
     {"input": [12, 8, 4], "patch": [4, 2], "stride": [4, 2]}),
    ("params conv 5x5 in=48 out=128 w bias?", "params",
     {"kernel": 5, "in_channels": 48, "out_channels": 128}),
    # a matrix said by its diagonal and the rest
    ("two by two recurrent matrix with 0.9 on both diagonal entries and 0.1 on both "
     "off-diagonal entries, identity activation. does it explode?", "eigen",
     {"matrix": [[0.9, 0.1], [0.1, 0.9]], "activation": "identity"}),
])
def test_values_given_to_symbols_and_words_are_read(message, calculator, args):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == (calculator, args, [])


def test_the_formula_in_symbols_alone_is_still_the_entry():
    assert parse_calculation("for an M x N image, what is the output size with stride 2?") is None
