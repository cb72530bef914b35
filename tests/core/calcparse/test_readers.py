"""Reading calculations out of students' messages: the calculator, its arguments, what's missing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service import calculators
from service.core.calcparse import CalcRequest, fill, find_matrix, parse_calculation
from service.core.textnorm import prepare

FAST = settings(max_examples=300, deadline=None)

ZERO_PADDING_NOTE = ('"zero padding" read as size-preserving ("same") padding; '
                     "say `padding 0` for none")


def parsed(message: str) -> CalcRequest:
    request = parse_calculation(message)
    assert request is not None, f"{message!r} was not read as a calculation"
    return request


def run(request: CalcRequest) -> dict:
    """Call the calculator a request names, as the dialogue does."""
    args = dict(request.args)
    if request.calculator == "params":
        if args.pop("layer", None) == "linear":
            return calculators.linear_params(**args)
        return calculators.conv2d_params(**args)
    return {"conv": calculators.conv_output,
            "eigen": calculators.recurrent_gradient_check,
            "attention": calculators.patch_attention_cost}[request.calculator](**args)


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


def test_zero_padding_is_read_as_same_padding_as_in_the_course():
    request = parsed("output size for 28x28 input with a 3x3 kernel and zero padding")
    assert request.args["padding"] == "same"


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
]


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


# --- recurrent weight matrices ----------------------------------------------------------------

EIGEN = [
    ("does [[0.5, 0.2], [0.1, 1.3]] explode?", [[0.5, 0.2], [0.1, 1.3]], None),
    ("eigenvalues of [[ 0.5 , 0.2 ] , [ 0.1 , 1.3 ]]", [[0.5, 0.2], [0.1, 1.3]], None),
    ("is this rnn stable: [[.5, .2], [.1, 1.3]]", [[0.5, 0.2], [0.1, 1.3]], None),
    ("will gradients vanish for W_h = [[0.5, 0.2], [0.1, 1.3]] with tanh",
     [[0.5, 0.2], [0.1, 1.3]], "tanh"),
    ("rnn with W = [[-0.9, 0], [0, 0.3]] sigmoid", [[-0.9, 0.0], [0.0, 0.3]], "sigmoid"),
    ("check [[1e-3, 2.5E-1], [0.1, -1.2e0]] relu", [[0.001, 0.25], [0.1, -1.2]], "relu"),
    ("[[0.5 0.2] [0.1 1.3]] no nonlinearity", [[0.5, 0.2], [0.1, 1.3]], "identity"),
    ("[[0.5 0.2]; [0.1 1.3]] linear", [[0.5, 0.2], [0.1, 1.3]], "identity"),
    ("recurrent matrix [[0.9, 0.0], [0.0, 0.9]] with identity activation",
     [[0.9, 0.0], [0.0, 0.9]], "identity"),
    ("does the rnn explode with W_h = [[2]]", [[2.0]], None),
    ("does [0.5 0.2; 0.1 1.3] explode", [[0.5, 0.2], [0.1, 1.3]], None),
    (r"$W_h = \begin{bmatrix} 0.5 & 0.2 \\ 0.1 & 1.3 \end{bmatrix}$ with tanh, explode?",
     [[0.5, 0.2], [0.1, 1.3]], "tanh"),
    ("rnn [[0.5, 0.2], [0.1, 1.3]] with a logistic activation", [[0.5, 0.2], [0.1, 1.3]],
     "sigmoid"),
    ("rnn [[0.5, 0.2], [0.1, 1.3]] with a nonlinearity", [[0.5, 0.2], [0.1, 1.3]], None),
]


@pytest.mark.parametrize(("message", "matrix", "activation"), EIGEN)
def test_matrix_phrasings_give_the_matrix_and_activation(message, matrix, activation):
    request = parsed(message)
    assert request.calculator == "eigen"
    assert request.args.get("matrix") == matrix
    assert request.args.get("activation") == activation
    assert request.assumed == ([] if activation else ["identity (linear) activation"])


@pytest.mark.parametrize("text", ["no matrix here", "[[]]", "[[1, 2], []]", "[3, 3]"])
def test_find_matrix_refuses_what_is_not_a_matrix(text):
    assert find_matrix(text) is None


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
    ("vit with 16x16 patches on a 224x224x3 image", {"input": [224, 224, 3], "patch": 16}),
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
])
def test_attention_defaults_it_assumed_are_listed(message, assumed):
    assert parsed(message).assumed == assumed


# --- incomplete requests and non-requests -----------------------------------------------------

@pytest.mark.parametrize(("message", "calculator", "missing"), [
    ("output size with a 3x3 kernel, stride 2", "conv", ["input"]),
    ("output size of a 28x28 input, stride 2", "conv", ["kernel"]),
    ("how do I get the output size with stride 2 and padding 1", None, None),
    ("parameters of a 3x3 conv", "params", ["in_channels"]),
    ("how many parameters in a 3x3 conv with 16 filters", "params", ["in_channels"]),
    ("params of a 3x3 conv 64 -> 128", "params", []),
    ("attention cost for a 32x32 image with 4x4 patches", "attention", ["channels"]),
    ("attention cost for 4x4 patches", "attention", ["input"]),
    ("params in a dense layer with 512 inputs", "params", ["out_features"]),
])
def test_incomplete_requests_say_what_is_missing(message, calculator, missing):
    request = parse_calculation(message)
    if calculator is None:
        assert request is None
    else:
        assert (request.calculator, request.missing) == (calculator, missing)


NOT_CALCULATIONS = [
    # greetings and other chat
    "hi", "hello there", "thanks!",
    # concepts with no numbers
    "what is a convolution",
    "why does max pooling help with translation invariance",
    "how does stride affect the output size of a convolution",
    "what is the formula for the output size of a conv layer",
    "explain padding",
    "how many parameters does a vae have",
    "how many parameters does a linear layer have",
    "do gradients explode in an rnn",
    "what is the kl term in the elbo",
    # symbols instead of numbers
    "M x N image, m x n filter, stride 2: what is the output size?",
    "an H x W input with a k x k kernel and stride s, output size?",
    "an image of size n x n convolved with a k x k kernel, stride 1, output size?",
    "attention cost of an H x W x C image with h x w patches",
    "is the output size (n - k + 2p)/s + 1 for a conv?",
    "why is the output size floor((W - F + 2P)/S) + 1",
    # question numbers and proposed answers
    "q2: the output size of the conv, is the answer 289?",
    "for question 3, the conv output size is 26 right?",
    "in q5 is the kernel size important?",
    "the output size is 26 right?",
    "the answer is 26, i got 26 for the output size of the conv",
    # numbers that are no calculator's
    "dropout 0.5", "dropout p=0.5", "what is 17 times 23",
    "learning rate 0.001 and batch size 64",
    "an lstm with 128 hidden units, how many parameters",
    "my conv net gets 95% accuracy, is that good?",
    "I trained for 10 epochs with a 3x3 kernel",
    "in a 2 layer cnn, what's the output size?",
    # questions about an idea that happen to hold a number
    "is 2 a good stride", "why do we use 3x3 kernels",
    "why does a stride of 2 halve the output size",
    "why do 1x1 convs reduce channels from 256 to 64",
    "does padding 1 keep the size with a 3x3 kernel?",
    "do 1x1 convolutions have parameters?",
    "what is the receptive field of two stacked 3x3 convs",
]


@pytest.mark.parametrize("message", NOT_CALCULATIONS)
def test_messages_that_ask_for_no_calculation_give_none(message):
    assert parse_calculation(message) is None


# --- every complete parse runs ----------------------------------------------------------------

COMPLETE = ([m for m, _ in CONV] + [m for m, _ in PARAMS] + [m for m, _ in LINEAR]
            + [m for m, *_ in EIGEN] + [m for m, _ in ATTENTION])


@pytest.mark.parametrize("message", COMPLETE)
def test_complete_requests_are_accepted_by_their_calculator(message):
    result = run(parsed(message))
    assert result["steps"]


# --- filling and changing a request across messages -------------------------------------------

@pytest.mark.parametrize(("first", "reply", "args"), [
    ("output size with a 3x3 kernel, stride 2", "28x28", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size with a 3x3 kernel, stride 2", "the input is 28x28",
     {"input": 28, "kernel": 3, "stride": 2}),
    ("output size with a 3x3 kernel, stride 2", "28x28x3", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size with a 3x3 kernel", "30 by 22", {"input": [30, 22], "kernel": 3}),
    ("output size of a 28x28 input, stride 2", "kernel 3", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size of a 28x28 input, stride 2", "3", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size of a 28x28 input, stride 2", "3x3", {"input": 28, "kernel": 3, "stride": 2}),
    ("output size of a 28x28 input, stride 2", "five", {"input": 28, "kernel": 5, "stride": 2}),
    ("attention cost for a 32x32 image with 4x4 patches", "3", {"input": [32, 32, 3], "patch": 4}),
    ("attention cost for a 32x32 image with 4x4 patches", "3 channels",
     {"input": [32, 32, 3], "patch": 4}),
    ("attention cost for a 32x32 image with 4x4 patches", "it's rgb",
     {"input": [32, 32, 3], "patch": 4}),
    ("attention cost for 4x4 patches", "32x32x3", {"input": [32, 32, 3], "patch": 4}),
    ("how many parameters in a 3x3 conv with 16 filters", "64",
     {"kernel": 3, "in_channels": 64, "out_channels": 16}),
    ("how many parameters in a 3x3 conv with 16 filters", "64 input channels",
     {"kernel": 3, "in_channels": 64, "out_channels": 16}),
    ("params in a dense layer with 512 inputs", "10",
     {"layer": "linear", "in_features": 512, "out_features": 10}),
])
def test_fill_completes_a_pending_request(first, reply, args):
    pending = parsed(first)
    assert not pending.complete
    filled = fill(pending, reply)
    assert (filled.calculator, filled.args, filled.missing) == (pending.calculator, args, [])
    run(filled)


@pytest.mark.parametrize(("first", "change", "changed"), [
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28, no bias",
     "what about stride 1?", {"stride": 1}),
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28",
     "what about stride one?", {"stride": 1}),
    ("output size of a 2x2 max pool with stride 2 on a 28x28 input with padding 1",
     "what about stride 1?", {"stride": 1}),
    ("output size of a transposed conv, 4x4 kernel, stride 2, padding 1, 16x16 input",
     "what about stride 1?", {"stride": 1}),
    ("output size of a 3x3 conv from 16 to 32 channels on 28x28 without bias",
     "what about stride 2?", {"stride": 2}),
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28", "and with padding 0?",
     {"padding": 0}),
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28", "what about valid padding",
     {"padding": "valid"}),
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28", "what about a 5x5 kernel?",
     {"kernel": 5}),
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28", "what if the input is 32x32",
     {"input": 32}),
    ("output size of a 3x3 conv on 28x28", "what about dilation 2", {"dilation": 2}),
    ("attention over 32x32x3 image, 4x4 patches, stride 4", "what about stride 2?", {"stride": 2}),
    ("attention over 32x32x3 image, 4x4 patches, stride 4", "what about 8 heads?", {"heads": 8}),
    ("how many parameters in a 3x3 conv from 64 to 128 channels", "what about without bias?",
     {"bias": False}),
    ("how many parameters in a 3x3 conv from 64 to 128 channels without bias",
     "and with bias?", {"bias": True}),
    ("how many parameters in a 3x3 conv from 64 to 128 channels", "what about a 5x5 kernel?",
     {"kernel": 5}),
    ("how many parameters in a 3x3 conv from 64 to 128 channels",
     "what about 256 output channels?", {"out_channels": 256}),
    ("how many parameters does a linear layer 784 -> 256 have", "what about 784 -> 10?",
     {"out_features": 10}),
    ("does [[0.5, 0.2], [0.1, 1.3]] explode?", "what about with tanh", {"activation": "tanh"}),
    ("does [[0.5, 0.2], [0.1, 1.3]] explode with tanh?", "what about [[0.1, 0], [0, 0.2]]",
     {"matrix": [[0.1, 0.0], [0.0, 0.2]]}),
])
def test_fill_changes_only_the_value_the_follow_up_names(first, change, changed):
    before = parsed(first)
    after = fill(before, change)
    assert after.calculator == before.calculator
    assert after.args == {**before.args, **changed}
    run(after)


def test_fill_does_not_hand_a_calculator_arguments_it_does_not_take():
    pending = parsed("attention cost for a 32x32 image with 4x4 patches")
    filled = fill(pending, "3 channels")
    assert set(filled.args) <= {"input", "patch", "stride", "heads"}


# --- preparing text ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "prepared"), [
    ("Stride TWO", "stride 2"),
    ("thirty-two by thirty-two", "32 by 32"),
    ("twenty eight", "28"),
    ("a single filter", "a 1 filter"),
    ("3×3", "3x3"),
    ("64 → 128", "64 -> 128"),
    ("1,024 tokens", "1024 tokens"),
    ("padding='same'", "padding= same"),
    ("kernel   3\n\tstride  2", "kernel 3 stride 2"),  # whitespace runs come out single
    ("zero padding", "zeropadding"),
    ("zero-padding", "zeropadding"),
    ("padding zero", "padding 0"),
    ("Café", "cafe"),
])
def test_prepare_folds_case_number_words_and_symbols(text, prepared):
    assert prepare(text) == prepared


# --- property: rendered values come back ------------------------------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def size(h: int, w: int, joiner: str) -> str:
    return f"{h}{joiner}{w}"


TEMPLATES = [
    lambda i, k, s, p: (f"output size of a {size(*i, 'x')} input with a {size(*k, 'x')} kernel, "
                        f"stride {s}, padding {p}"),
    lambda i, k, s, p: (f"{size(*k, ' by ')} conv on a {size(*i, ' x ')} image with a stride of "
                        f"{s} and padding of {p}: output size?"),
    lambda i, k, s, p: (f"input [{i[0]}, {i[1]}], kernel ({k[0]},{k[1]}), stride={s}, "
                        f"padding={p}, what is the output shape"),
    lambda i, k, s, p: (f"what do i get from a {in_words(i[0])} by {in_words(i[1])} image and a "
                        f"{size(*k, '×')} filter with stride {in_words(s)} and {p} padding"),
    lambda i, k, s, p: f"n={size(*i, 'x')}, k={size(*k, 'x')}, s={s}, p={p}: output size",
]


def as_arg(pair: tuple[int, int]) -> int | list[int]:
    return pair[0] if pair[0] == pair[1] else list(pair)


@FAST
@given(input_=st.tuples(st.integers(1, 99), st.integers(1, 99)),
       kernel=st.tuples(st.integers(1, 7), st.integers(1, 7)),
       stride=st.integers(1, 5), padding=st.integers(0, 4),
       template=st.sampled_from(TEMPLATES))
def test_rendered_values_are_recovered_exactly(input_, kernel, stride, padding, template):
    request = parsed(template(input_, kernel, stride, padding))
    assert request.calculator == "conv"
    assert request.args == {"input": as_arg(input_), "kernel": as_arg(kernel), "stride": stride,
                            "padding": padding}
    assert request.complete


@pytest.mark.parametrize("message", COMPLETE + NOT_CALCULATIONS)
def test_prepare_is_idempotent_because_the_dialogue_prepares_before_fill_does(message):
    assert prepare(prepare(message)) == prepare(message)


@FAST
@given(input_=st.tuples(st.integers(1, 99), st.integers(1, 99)),
       kernel=st.integers(1, 7), stride=st.integers(1, 5), new_stride=st.integers(1, 9),
       setting=st.sampled_from(["same padding", "padding 1", "no padding", "without bias",
                                "dilation 2", "max pooling", "transposed",
                                "from 8 to 16 channels"]))
def test_what_about_stride_changes_the_stride_and_nothing_else(input_, kernel, stride, new_stride,
                                                               setting):
    before = parsed(f"output size of a {size(*input_, 'x')} input with a {kernel}x{kernel} kernel,"
                    f" stride {stride}, {setting}")
    after = fill(before, f"what about stride {new_stride}?")
    assert after.args == {**before.args, "stride": new_stride}
    assert after.complete


# --- confusion-matrix counts (Q4 with numbers) ---------------------------------------------------

@pytest.mark.parametrize("message", [
    "accuracy and precision if TP=40, FP=10, TN=45, FN=5",
    "tp 40 fp 10 tn 45 fn 5, what's the f1",
    "recall and specificity for 40 true positives, 5 false negatives, 45 true negatives, "
    "10 false positives",
    "true positives: 40, false positives = 10, true negatives 45, false negatives: 5. metrics?",
    "precision? TPs=40 FPs=10 TNs=45 FNs=5",
])
def test_counts_are_read_in_the_ways_students_write_them(message):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.complete
    assert request.args == {"tp": 40, "fp": 10, "tn": 45, "fn": 5}


def test_missing_counts_are_asked_for_and_a_question_about_them_is_no_calculation():
    request = parse_calculation("what is the precision if tp=40 and fp=10")
    assert request.missing == ["tn", "fn"]
    assert parse_calculation("what do TP and FP stand for in precision") is None


# --- notations students write (issue 11) ---------------------------------------------------------

@pytest.mark.parametrize(("message", "args"), [
    ("params of a 1x1 convolution reducing 256 channels to 64",
     {"kernel": 1, "in_channels": 256, "out_channels": 64}),
    ("parameters of a 3x3 conv, 128 in and 128 out, no bias",
     {"kernel": 3, "in_channels": 128, "out_channels": 128, "bias": False}),
    ("how many params in nn.Conv2d(256, 64, 1, bias=False)",
     {"kernel": 1, "in_channels": 256, "out_channels": 64, "bias": False}),
    ("params with C_in=64, C_out=128 and a 3x3 kernel",
     {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a 3x3 conv in/out 64/128", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a 3x3 conv, 64/128 in/out", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("params of a 3x3 conv with 256 channels down to 64",
     {"kernel": 3, "in_channels": 256, "out_channels": 64}),
])
def test_channel_notations_are_read(message, args):
    request = parse_calculation(message)
    assert request.calculator == "params" and request.complete
    assert {k: v for k, v in request.args.items() if k in args} == args


def test_named_sizes_are_read_for_patches():
    request = parse_calculation("H=W=16, C=3, 4x4 patches, stride 4: how many patches and MACs?")
    assert request.calculator == "attention" and request.complete
    assert request.args == {"input": [16, 16, 3], "patch": 4, "stride": 4}


def test_a_keras_call_is_read_as_filters_and_kernel_not_as_pytorch_channels():
    request = parse_calculation('output shape of Conv2D(64, (3, 3), padding="same") on a '
                                "32x32x3 input")
    assert request.calculator == "conv" and request.complete
    assert (request.args["out_channels"], request.args["kernel"]) == (64, 3)
    assert request.args["padding"] == "same" and request.args["in_channels"] == 3
    torch = parse_calculation("how many params in nn.Conv2d(64, 3, 3)")
    assert (torch.args["in_channels"], torch.args["out_channels"]) == (64, 3)


@pytest.mark.parametrize("message", [
    "what does self-attention cost when the patches overlap with stride 1?",
    "for question 1, what size comes out with stride 2 and zero padding?",
    "how wide is a 3x3 kernel dilated at rate 2?",
    "what is the output size formula for an odd image, an odd filter, stride 2 and padding (m-1)/2",
    "output size of an M x N image with an m x n filter and stride 2",
    "is the output floor(M/2)+1 for stride 2",
    "what comes out of a conv with stride 2 and same padding",
])
def test_a_conceptual_question_is_not_read_as_a_calculation(message):
    assert parse_calculation(message) is None


@pytest.mark.parametrize(("message", "calculator", "args"), [
    ("W_h = 0.9 0.3; -0.2 0.7 linear rnn explode or vanish", "eigen",
     {"matrix": [[0.9, 0.3], [-0.2, 0.7]]}),
    ("TP/FP/TN/FN = 25/5/60/10, f1 score?", "metrics", {"tp": 25, "fp": 5, "tn": 60, "fn": 10}),
    ("[TP, FP, TN, FN] = [8, 2, 88, 2], specifity?", "metrics",
     {"tp": 8, "fp": 2, "tn": 88, "fn": 2}),
    ("true pos 64, false pos 16, true neg 11, false neg 9: f1", "metrics",
     {"tp": 64, "fp": 16, "tn": 11, "fn": 9}),
    ("with TP=7 FP=3 TF=85 FN=5 compute the specificity", "metrics",  # the seed's TF for TN
     {"tp": 7, "fp": 3, "tn": 85, "fn": 5}),
    ("deconv k 4 s 2 p 1 on a 7x7 map, output size?", "conv",
     {"kernel": 4, "stride": 2, "padding": 1, "input": 7}),
    ("avgpool 3 s 2 on a 56x56 map, no padding. output?", "conv",
     {"kernel": 3, "stride": 2, "input": 56}),
    ("nn.Conv2d(16, 32, 3, 2, 0) on an input of shape (8, 16, 50, 50), output height and width",
     "conv", {"kernel": 3, "stride": 2, "padding": 0, "input": 50}),
    ("height 30 width 22, 3x3 kernel, stride 2, padding 1, what are the output dims", "conv",
     {"input": [30, 22], "kernel": 3}),
    ("2-strided 3x3 conv, pad 1, on a 33 x 33 input. output size?", "conv",
     {"stride": 2, "padding": 1, "input": 33}),
    ("input 50x75 with padding='same' and stride 3, output dims", "conv",
     {"input": [50, 75], "kernel": 1, "padding": "same"}),
    ("keras Conv2D(64, 3, use_bias=False) applied to a 32x32x16 tensor, param count?", "params",
     {"kernel": 3, "out_channels": 64, "bias": False, "input": [32, 32, 16]}),
    ("depthwise 3x3 on 32 channels, param count (with bias)", "params",
     {"kernel": 3, "in_channels": 32, "depthwise": True}),
    ("keras Dense(128) on 3136 input features, how many trainable parameters", "params",
     {"in_features": 3136, "out_features": 128}),
    ("pointwise conv 128 -> 256 params?", "params",
     {"kernel": 1, "in_channels": 128, "out_channels": 256}),
    ("H=12, W=12, C=4, h=w=4, stride 2, number of dot products and multiply-adds", "attention",
     {"input": [12, 12, 4], "patch": 4, "stride": 2}),
    ("a 32x16x3 image with 4x2 patches (height 4, width 2), non-overlapping, patches?",
     "attention", {"input": [32, 16, 3], "patch": [4, 2], "stride": [4, 2]}),
])
def test_more_notations_are_read(message, calculator, args):
    request = parse_calculation(message)
    assert request.calculator == calculator and request.complete, request
    assert {k: v for k, v in request.args.items() if k in args} == args
