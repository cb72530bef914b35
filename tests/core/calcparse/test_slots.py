"""Slot patterns: the notations students write for counts, channels, named sizes and calls."""

import pytest

from service.core.calcparse import parse_calculation
from tests.core.calcparse.helpers import parsed

# --- confusion-matrix counts (Q4 with numbers) ---------------------------------------------------

@pytest.mark.parametrize("message", [
    "accuracy and precision if TP=40, FP=10, TN=45, FN=5",
    "tp 40 fp 10 tn 45 fn 5, what's the f1",
    "recall and specificity for 40 true positives, 5 false negatives, 45 true negatives, "
    "10 false positives",
    "true positives: 40, false positives = 10, true negatives 45, false negatives: 5. metrics?",
    "precision? TPs=40 FPs=10 TNs=45 FNs=5",
    # each number before its label: the label after a number is not the next count's name
    "40 true positives 10 false positives 45 true negatives 5 false negatives, f1?",
    "results: 40 TP, 10 FP, 45 TN, 5 FN. recall plz",
    "hw question: 40 TP 10 FP 45 TN 5 FN, precision?",
    "acc for TP 40 FP 10 TN 45 FN 5",
    # each cell by its two classes, or by signal detection's names
    "predicted positive and actually positive: 40, predicted positive but actually negative: "
    "10, predicted negative and actually negative: 45, predicted negative but actually "
    "positive: 5. accuracy?",
    "positives that were predicted positive = 40, negatives predicted positive = 10, "
    "positives predicted negative = 5, negatives predicted negative = 45. f1",
    "hits 40, false alarms 10, correct rejections 45, misses 5: precision",
])
def test_counts_are_read_in_the_ways_students_write_them(message):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.complete
    assert request.args == {"tp": 40, "fp": 10, "tn": 45, "fn": 5}


def test_a_question_number_before_the_counts_is_not_read_as_one():
    # "question 2 tp 5 ...": the 2 names the question; the counts are read label first, and
    # the one with no number is asked for rather than made up
    request = parse_calculation("question 2 tp 5 fp 3 tn 4 precision")
    assert request.args == {"tp": 5, "fp": 3, "tn": 4} and request.missing == ["fn"]


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
    ("paramters of a 3 x 3 conv with 128 input and 256 output channels (bias on)",
     {"kernel": 3, "in_channels": 128, "out_channels": 256, "bias": True}),
    ("params of a 3x3 conv with 64 and 128 input and output channels, bias off",
     {"kernel": 3, "in_channels": 64, "out_channels": 128, "bias": False}),
    ("conv layer with n_in = 10 channels, n_out = 20, kernel 5x5: params?",
     {"kernel": 5, "in_channels": 10, "out_channels": 20}),
    ("LeNet-5 C3 but fully connected across maps: 5x5 kernels, 6 input maps, 16 output maps, "
     "with biases. how many params?", {"kernel": 5, "in_channels": 6, "out_channels": 16}),
])
def test_channel_notations_are_read(message, args):
    request = parse_calculation(message)
    assert request.calculator == "params" and request.complete
    assert {k: v for k, v in request.args.items() if k in args} == args


def test_a_tensor_made_with_its_shape_is_the_input_not_a_kernel():
    # the batch size is not the image, and the next line's conv is not the shape's kernel
    request = parse_calculation("x = torch.randn(8, 3, 64, 64)\nconv = nn.Conv2d(3, 16, "
                                "kernel_size=5, stride=1)\nwhat H and W come out of conv(x)?")
    assert request.calculator == "conv" and request.complete
    assert request.args["input"] == 64 and request.args["kernel"] == 5


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
    # the kernel named by its place: first, or after "a", with settings before the layer word;
    # or right before the stride
    ("a 5-by-5, stride-three conv with padding two on a 91 by 91 image, what comes out", "conv",
     {"kernel": 5, "stride": 3, "padding": 2, "input": 91}),
    ("7x7, stride 2, padding 3 conv on 224x224: out?", "conv",
     {"kernel": 7, "stride": 2, "padding": 3, "input": 224}),
    ("padding='valid' 5x5 stride 3 on 61x40", "conv",
     {"kernel": 5, "stride": 3, "padding": "valid", "input": [61, 40]}),
    ("output size with padding = 2, stride = 1, kernel 5, input 9x9", "conv",
     {"kernel": 5, "stride": 1, "padding": 2, "input": 9}),
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
    ("H x W x C = 24 x 36 x 2, h x w = 6 x 6, s = 3. P, d, MACs", "attention",
     {"input": [24, 36, 2], "patch": 6, "stride": 3}),
    ("a 32x16x3 image with 4x2 patches (height 4, width 2), non-overlapping, patches?",
     "attention", {"input": [32, 16, 3], "patch": [4, 2], "stride": [4, 2]}),
    # names bound to sizes in tuples: the conv words include "k=(" and "p=("
    ("H=170, W=130, k=(5,3), s=(2,2), p=(2,1). what's the output H and W?", "conv",
     {"input": [170, 130], "kernel": [5, 3], "stride": 2, "padding": [2, 1]}),
    ("input $H \\times W = 128 \\times 96$, kernel 5x5, stride 2, padding 2, output size?",
     "conv", {"input": [128, 96], "kernel": 5}),
    ("conv2d with channels in 32, channels out 64, kernel 3, params?", "params",
     {"in_channels": 32, "out_channels": 64, "kernel": 3}),
    # a batch shape, and a bare number ("quick one") that is not the image
    ("hey quick one, nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) on a "
     "[16, 3, 224, 224] batch, output H and W?", "conv", {"input": 224, "kernel": 7}),
    ("an RGB image 3x256x256, 96 filters of 11x11, stride 4, pad 2. output size?", "conv",
     {"input": 256, "kernel": 11, "in_channels": 3}),
    ("[TP, FP, TN, FN] = [8, 2, 88, 2], precision?", "metrics",
     {"tp": 8, "fp": 2, "tn": 88, "fn": 2}),
])
def test_more_notations_are_read(message, calculator, args):
    request = parse_calculation(message)
    assert request.calculator == calculator and request.complete, request
    assert {k: v for k, v in request.args.items() if k in args} == args



def test_a_number_with_a_unit_of_time_or_money_is_no_size_but_a_size_beside_it_is():
    request = parse_calculation("training took 3 hours for a 28x28 input with a 5x5 kernel, "
                                "output size?")
    assert request.args["input"] == 28 and request.args["kernel"] == 5


@pytest.mark.parametrize("message", ["output size of a 28x28 input with a kernel-5 conv",
                                     "vgg-16 style conv: 28x28 input, 5x5 kernel, output size?"])
def test_a_named_number_is_read_but_a_model_name_is_not_a_size(message):
    request = parse_calculation(message)
    assert request.args["input"] == 28 and request.args["kernel"] == 5


@pytest.mark.parametrize("message", [
    "how many tokens for an image 300 pixels wide with 10x10 non-overlapping patches?",
    "output size of a 3x3 conv on an image 64 px wide",
])
def test_one_side_of_an_image_is_not_a_square_image(message):
    # its height is not given: asked for, never made up as 300 x 300
    request = parse_calculation(message)
    assert request is not None and "input" in request.missing


@pytest.mark.parametrize(("message", "side"), [
    ("a square image 300 pixels wide with 10x10 patches, stride 10, how many patches", 300),
    ("an image 8 high and 4 wide, 2x2 patches, stride 2, how many patches", None),
])
def test_a_square_or_both_sides_in_words_still_give_the_image(message, side):
    request = parse_calculation(message)
    assert "input" not in request.missing
    if side:
        assert request.args["input"] in (side, [side, side])


@pytest.mark.parametrize(("message", "args"), [
    # "2 in both directions" is a stride, not 2 input channels
    ("32x32 input, kernel size of three, stride of two in both directions, no padding. what "
     "comes out?", {"input": 32, "kernel": 3, "stride": 2, "padding": 0}),
    # a batch shape with a letter for its size
    ("nn.Conv2d(8, 8, kernel_size=3, stride=(2, 1), padding=1) on an input of shape "
     "(N, 8, 32, 32). output height and width?",
     {"input": 32, "kernel": 3, "stride": [2, 1], "padding": 1, "in_channels": 8,
      "out_channels": 8}),
    (r"A $1 \times 1$ convolution maps $C_{in}=256$ channels to $C_{out}=64$ channels, with "
     "bias. How many parameters?",
     {"bias": True, "kernel": 1, "in_channels": 256, "out_channels": 64}),
])
def test_settings_read_where_another_slot_or_notation_once_took_them(message, args):
    assert parsed(message).args == args


def test_a_layer_that_outputs_channels_has_them_as_its_filters_and_asks_for_its_inputs():
    request = parsed("How many weights in a 5x5 conv layer that outputs 32 channels, biases "
                     "included?")
    assert request.args["out_channels"] == 32 and request.missing == ["in_channels"]


def test_a_settings_value_before_in_is_no_count_of_input_channels():
    # "strides=2 in keras" once gave a conv of 2 input channels
    request = parse_calculation("my 75x75x3 image with a 3x3 kernel and strides=2 in keras, "
                                "padding='valid': output size?")
    assert request.args == {"input": 75, "kernel": 3, "stride": 2, "padding": "valid"}


@pytest.mark.parametrize("message", [
    "single channel image 7x9 (HxW), filter 3x5, stride 2, zero padding of 1 on top/bottom and 2 "
    "on left/right. output size?",
    "7x9 input, 3x5 kernel, stride 2, padding 2 on the left and right and 1 on top and bottom",
    # "no padding on height" is one axis's, said beside the pair
    "a 7x9 map, a 3x5 conv with stride 2 and padding (1, 2) (no padding on height... sorry, 1 on "
    "height, 2 on width)",
])
def test_a_padding_given_side_by_side_pads_each_axis_its_own(message):
    # the first number alone was read as the padding of both axes: 4 x 4 for 4 x 5
    request = parse_calculation(message)
    assert request.args["padding"] == [1, 2]


def test_no_padding_on_one_axis_is_not_no_padding_at_all():
    request = parse_calculation("The feature map is [48, 80] (height, width). A 3x3 convolution "
                                "with stride 2 and padding (0, 1) (no padding on height, 1 on "
                                "width). What is the output shape?")
    assert request.args["padding"] == [0, 1]


@pytest.mark.parametrize(("message", "kernel"), [
    ("ResNet-50 conv1 is 7x7, 3->64 channels, stride 2, bias=False. How many weights?", 7),
    ("vgg-16 conv 3x3 64->64 params?", 3),
])
def test_a_number_hyphenated_to_a_models_name_is_no_setting(message, kernel):
    # "resnet-50 conv1" had been a 50 x 50 kernel
    assert parse_calculation(message).args["kernel"] == kernel


def test_a_number_hyphenated_to_a_settings_name_is_its_value():
    assert parse_calculation("stride-2 3x3 conv, no padding, on 63x63. output size").args[
        "stride"] == 2
