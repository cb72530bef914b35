"""Reading calculations out of students' messages: what's missing, every complete parse runs,
and follow-ups that fill or change a request (`parse_calculation` and `fill`).
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.core.calc_chat import run_calculation
from service.core.calcparse import fill, parse_calculation
from service.core.calcparse.parse import _parse, _read
from service.core.calcparse.request import MODEL_LAYERS, TOGETHER
from service.core.textnorm import prepare
from tests.core.calcparse.helpers import FAST, parsed, run, size
from tests.core.calcparse.test_intent import NOT_CALCULATIONS
from tests.core.calcparse.test_matrices import EIGEN
from tests.core.calcparse.test_readers import ATTENTION, CONV, LINEAR, PARAMS

# --- incomplete requests and non-requests -----------------------------------------------------

# Words every reader looks for, with no number among them.
CALCULATION_WORDS = """output size shape spatial conv convolution kernel filter filters stride
padding same valid no pad dilation dilated transposed deconv pool max params parameters
weights bias without with channels in out input image patch patches tokens attention cost macs
dot products rnn recurrent matrix w_h eigenvalues spectral radius explode vanish tanh sigmoid
accuracy precision recall specificity f1 tp fp tn fn true false positives negatives confusion
c_in= c_out= h=w= k= s= p= -> / x by [ ] ( ) , ; : = ? what is the of a for how many""".split()


@FAST
@given(st.lists(st.sampled_from(CALCULATION_WORDS), max_size=25))
def test_without_a_number_nothing_is_a_calculation(words):
    # parse_calculation returns None for a message without a digit before reading it; the
    # readers, asked all the same, must agree (or that shortcut has to go)
    text = " ".join(words)
    assert parse_calculation(text) is None
    assert _parse(_read(text)) is None


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


# --- every complete parse runs ----------------------------------------------------------------

COMPLETE = ([m for m, _ in CONV] + [m for m, _ in PARAMS] + [m for m, _ in LINEAR]
            + [m for m, *_ in EIGEN] + [m for m, _ in ATTENTION])


@pytest.mark.parametrize("message", [
    "[[0.5, 0.2], [0.1, 1.3]]", "what about [[0.9, 0], [0, 0.5]]?",
    "how do i work out the output size of a 3x3 conv with stride 2 on a 64x64 input",
])
def test_a_bare_matrix_and_an_asked_for_quantity_are_still_calculations(message):
    assert parse_calculation(message) is not None


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
    # a value set "to" a number
    ("output size of a 3x3 conv, same padding, stride 2 on 28x28",
     "what if I change the stride to 1?", {"stride": 1}),
    ("TP=40, FP=10, TN=45, FN=5: precision?", "and if the false positives go up to 20?",
     {"fp": 20}),
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




def test_a_model_in_words_is_counted_layer_by_layer_and_added_up():
    request = parsed("Total trainable parameters of this LeNet-5 variant? conv1: 1 -> 6 "
                     "channels, 5x5; conv2: 6 -> 16 channels, 5x5; then fully connected 400 -> "
                     "120 -> 84 -> 10. All layers have biases.")
    # 156 + 2416 + 48120 + 10164 + 850
    assert run(request)["total"] + sum(run(other)["total"] for other in request.also) == 61706


@pytest.mark.parametrize("message", [
    "VGG style block: two 3x3 convs, 64->128 then 128->128, both with bias. how many params "
    "does the block have",
    "3x3 conv 64->128 then 3x3 conv 128->128, params in total?",
])
def test_a_kernel_said_before_the_channels_of_each_layer_counts_for_them(message):
    # the second layer was left out: 73856 given as the block's count
    request = parsed(message)
    assert run(request)["total"] + sum(run(other)["total"] for other in request.also) == \
        (3 * 3 * 64 * 128 + 128) + (3 * 3 * 128 * 128 + 128)


@pytest.mark.parametrize(("message", "layers"), [
    # "conv 3x3" before its channels, which "from ... to" gives
    ("small stack: conv 3x3 from 3 to 32 channels, then conv 3x3 from 32 to 64 channels, both "
     "with bias. total params of the two layers together?", [(3, 3, 32, True), (3, 32, 64, True)]),
    ("conv 3x3 3->32 then conv 3x3 32->64, total params?", [(3, 3, 32, True), (3, 32, 64, True)]),
    # each kernel right before its channels: the size after one layer's is the next one's
    ("resnet bottleneck convs (ignore the BN): 1x1 256->64, 3x3 64->64, 1x1 64->256, all "
     "bias=False. total params across the three?",
     [(1, 256, 64, False), (3, 64, 64, False), (1, 64, 256, False)]),
])
def test_layers_in_words_are_each_counted_and_added_up(message, layers):
    # only the first layer had been counted, and given as the total
    request = parsed(message)
    assert request.asks == TOGETHER
    assert run(request)["total"] + sum(run(other)["total"] for other in request.also) == sum(
        k * k * cin * cout + (cout if bias else 0) for k, cin, cout, bias in layers)


def test_layers_said_cheaper_than_another_are_compared_not_added_up():
    request = parsed("slide 20 says three stacked 3x3 convs (64->64 each, with bias) are "
                     "cheaper than one 7x7 conv 64->64 with bias. can you give me both "
                     "parameter counts?")
    assert request.asks != TOGETHER
    stacked, single = run(request), run(request.also[0])
    assert (stacked["stack_total"], single["total"]) == (3 * (3 * 3 * 64 * 64 + 64),
                                                         7 * 7 * 64 * 64 + 64)


@pytest.mark.parametrize("message", [
    "Total trainable parameters of this LeNet-5 variant? conv1: 1 -> 6 channels; conv2: "
    "6 -> 16 channels, 5x5; then fully connected 400 -> 120 -> 84 -> 10.",
    "conv layer 10 -> 20 channels, kernel 5x5, no bias, followed by BatchNorm. total learnable "
    "parameters?",
    "How many parameters does my CNN have? conv 3x3 from 3 to 16 channels -> linear to 10 "
    "classes",
    # more layers said than read
    "3-layer conv stack, all 3x3 with bias, RGB input: first layer has 32 filters, second 64, "
    "the third... can't remember. total params?",
    # several layers told, no "total" said: one layer's count is still not the answer (had
    # been a 96 x 96 convolution, and the table's first row)
    "3-channel input. conv 5x5 → 48 filters, conv 3x3 → 96 filters, conv 3x3 → 96 filters, then "
    "global average pool and a linear layer to 100 classes. how many params? all biases on",
    "dense autoencoder\n| layer | in | out |\n|---|---|---|\n| enc1 | 784 | 128 |\n"
    "| enc2 | 128 | 32 |\n| dec1 | 32 | 128 |\n| dec2 | 128 | 784 |\nall with bias, params?",
    # convolutions in words with no input depth to start from: not one made of the head's widths
    "conv 5x5 with 6 filters, conv 5x5 with 16 filters, then fully connected 400->120->84->10. "
    "Total parameter count?",
])
def test_a_models_total_is_not_one_of_its_layers(message):
    # one layer's count given as the model's would be confidently wrong: the layers are asked
    request = parse_calculation(message)
    assert (request.calculator, request.args, request.missing) == ("params", {}, [MODEL_LAYERS])


@pytest.mark.parametrize("message, total", [
    ("self.emb = nn.Embedding(5000, 100)\nself.lstm = nn.LSTM(100, 128)\nHow many trainable "
     "parameters in total, embedding included?", 500000 + 4 * (128 * (100 + 128) + 2 * 128)),
    # layers of one kind called in code, and a model's total asked as code prints it
    ("block = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False), "
     "nn.BatchNorm2d(64), nn.ReLU(), nn.Conv2d(64, 128, 1, bias=False))\n"
     "print(sum(p.numel() for p in block.parameters())) -- what number gets printed?",
     9 * 64 + 2 * 64 + 64 * 128),
    # the convs added up are not the model's total: its Dense reads the flattened size
    ("model = keras.Sequential([layers.Conv2D(32, (3, 3), input_shape=(28, 28, 1)), "
     "layers.MaxPooling2D((2, 2)), layers.Conv2D(64, (3, 3)), layers.MaxPooling2D((2, 2)), "
     "layers.Flatten(), layers.Dense(10)])\nWhat will Total params be?",
     320 + 18496 + (5 * 5 * 64 * 10 + 10)),
])
def test_a_models_total_in_code_is_its_whole_walk(message, total):
    # the model's code holds every layer: walked whole, not asked for again
    request = parse_calculation(message)
    assert request.calculator == "network"
    assert run_calculation(request)["total"] == total


def test_a_shape_with_height_and_width_in_letters_gives_channels_not_a_size():
    # "(batch, 3, H, W)": the 3 was read as a 3x3 input and pooled twice
    request = parse_calculation("x.shape is (batch, 3, H, W) and I apply nn.MaxPool2d(2, "
                                "ceil_mode=True) twice. what's the output shape?")
    assert request.calculator == "stack" and "input" in request.missing


def test_a_size_with_its_sides_named_in_letters_is_no_question_in_symbols():
    # "(H x W)" after the numbers made the whole message a question about the formula
    request = parse_calculation("nn.Conv2d(16, 32, kernel_size=(3,5), stride=(1,2), "
                                "padding=(1,2)) on a 16x40 feature map (H x W). output size?")
    assert (request.args["input"], request.args["kernel"]) == ([16, 40], [3, 5])
    assert parse_calculation("output size of an H x W image with a 3x3 kernel?") is None


@pytest.mark.parametrize(("message", "total"), [
    # "1M" is a million, no symbol times a number
    ("n_in = 1024 features, one hidden layer of 1000 units, 10 output classes, biases "
     "everywhere. Is this over 1M parameters? I need the exact count", 1035010),
    # a count disputed, with the bias to count
    ("My TA says 1601 but I get 1600: one single 5x5 filter on an input with 64 channels, and "
     "the question says to count the bias. Who is right?", 1601),
])
def test_counts_asked_in_passing_are_worked_out(message, total):
    request = parsed(message)
    result = run(request)
    totals = [result["total"]] + [run(other)["total"] for other in request.also]
    assert sum(totals) == total


def test_a_model_with_one_fc_per_layer_in_words_is_added_up():
    request = parsed("count params of this net pls (all with bias):\nconv(1→6, 5x5) → maxpool 2 "
                     "→ conv(6→16, 5x5) → maxpool 2 → fc 400→120 → fc 120→84 → fc 84→10")
    assert run(request)["total"] + sum(run(other)["total"] for other in request.also) == 61706


def test_one_kernel_against_stacked_layers_of_another_counts_the_stack():
    # the two stacked 3x3 layers were counted as one: 36864 for 73728
    request = parsed("Compare one 5x5 conv layer with two stacked 3x3 conv layers, where every "
                     "layer has 64 input and 64 output channels and no biases. How many weights "
                     "does each option have?")
    five, three = (run(r) for r in (request, *request.also))
    assert (five["total"], three["stack_total"]) == (5 * 5 * 64 * 64, 2 * 3 * 3 * 64 * 64)


def test_two_models_counts_are_each_worked_out():
    # model B's counts were left out
    request = parsed("Which classifier has the higher F1? Model A: TP 40, FP 10, FN 20, TN 130. "
                     "Model B: TP 50, FP 30, FN 10, TN 110.")
    assert request.args == {"tp": 40, "fp": 10, "fn": 20, "tn": 130}
    (other,) = request.also
    assert (other.args, other.title) == ({"tp": 50, "fp": 30, "fn": 10, "tn": 110}, "Model B")


@pytest.mark.parametrize(("message", "changed", "title"), [
    # the "what if" was dropped: the first calculation alone was worked out
    ("A 3x3 conv on a 64x64 input with padding 1: what's the output at stride 1, and what if I "
     "change the stride to 2?", {"stride": 2}, "With stride 2"),
    ("224x224x3 image: with patch 16 stride 16, how many patches and pairwise dot products? And "
     "what if I use patch 8 stride 8 instead?", {"patch": 8, "stride": 8},
     "With patch 8, stride 8"),
    ("TP 80, FP 20, TN 880, FN 20: precision? and what if the false positives go up to 60?",
     {"fp": 60}, "With FP 60"),
    ("W = [[0.8, 0], [0, 0.8]]: vanish or explode? And what if I scale it up to [[1.2, 0], "
     "[0, 1.2]]?", {"matrix": [[1.2, 0], [0, 1.2]]}, None),
])
def test_a_what_if_in_the_same_message_is_worked_out_beside_the_first(message, changed, title):
    request = parsed(message)
    (variant,) = request.also
    assert {name: variant.args[name] for name in changed} == changed
    assert all(request.args[name] != value for name, value in changed.items())
    assert title is None or variant.title == title


def test_a_what_if_that_changes_nothing_leaves_the_calculation_alone():
    request = parsed("output size of a 32x32 input with a 5x5 kernel, what if the image is "
                     "bigger?")
    assert request.also == []


def test_a_size_written_as_a_product_in_a_layers_call_is_that_product():
    # "nn.Linear(64*7*7, 10)" had 64 inputs and 7 outputs
    request = parsed("After my last conv the tensor is 64 channels x 7 x 7, I flatten it and "
                     "put nn.Linear(64*7*7, 10). How many params has that linear layer?")
    assert (request.args["in_features"], request.args["out_features"]) == (64 * 7 * 7, 10)


def test_parameters_and_size_asked_around_a_call_in_code_are_both_worked_out():
    # the parameters alone had been given: "nn.conv2d(...)" holds a dot, which ended the search
    request = parsed("Two things please: the number of parameters of nn.Conv2d(3, 16, 5) and "
                     "its output size on a 32x32 input (stride 1, no padding).")
    assert run(request)["output"] == [28, 28]
    assert run(request.also[0])["total"] == 5 * 5 * 3 * 16 + 16


@pytest.mark.parametrize(("message", "unknown"), [
    ("Input 64x64, conv kernel 3, stride 2. I don't remember what padding we used in the lab. "
     "What is the output size?", "padding"),
    ("Conv2D(64, 5, strides=2, padding=pad) on 100x100 - pad is a variable set in a notebook "
     "cell I deleted. output size?", "padding"),
    ("conv output for a 128x128 input with a 5x5 kernel and padding 2 - the stride was either 1 "
     "or 2, I honestly don't remember. what do I get?", "stride"),
])
def test_a_setting_the_student_does_not_know_is_asked_not_assumed(message, unknown):
    # its default had been assumed and the size worked out
    request = parse_calculation(message)
    assert request.missing == [unknown] and unknown not in request.args


@pytest.mark.parametrize("message", [
    "My image has 10000 pixels in total, conv kernel 3 stride 2 padding 1, what is the output "
    "size?",
    # one side, and the image said not to be square (a 128 x 128 input had been made up)
    "my image is 128 pixels wide, conv 3x3 stride 1 padding 1 then maxpool 2. what's the output "
    "height x width? (it's not square btw)",
])
def test_an_input_without_both_sides_is_asked_for(message):
    assert "input" in parse_calculation(message).missing


def test_the_letters_of_a_size_asked_after_a_layer_ask_for_its_output():
    # "what's the H x W after it?" had been a question in symbols, answered by an entry
    request = parsed("My input frames are 480 pixels high and 640 pixels wide. First layer: "
                     "nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3). What's the H x W "
                     "after it?")
    assert run(request)["output"] == [240, 320]


def test_a_layer_applied_to_a_tensor_by_its_name_is_no_layer_of_its_own():
    # "print(conv(x).shape)" had made a stack of layers with no kernel
    request = parsed("x = torch.randn(8, 16, 50, 50)\nconv = nn.Conv2d(16, 32, kernel_size=3, "
                     "dilation=2)\nprint(conv(x).shape)\nwhat will the last two dims be?")
    assert run(request)["output"] == [46, 46]


def test_a_count_claimed_for_a_layer_call_asks_for_its_parameters():
    # no word said parameters: it had been no calculation, and refused as a library question
    request = parsed("I got 73856 for nn.Conv2d(64, 128, 3) but my friend says 73728. who is "
                     "right? bias is left at the default")
    assert run(request)["total"] == 73856


@pytest.mark.parametrize(("message", "total"), [
    # "kernel_size=" names an argument, no size asked: a stack without an input had been asked
    ("factorised conv: nn.Conv2d(3, 8, kernel_size=(3, 1)) then nn.Conv2d(8, 8, kernel_size=(1, "
     "3)), both with bias. total parameters?", (3 * 1 * 3 * 8 + 8) + (1 * 3 * 8 * 8 + 8)),
    # one call so many times
    ("VGG-style block: three times nn.Conv2d(256, 256, kernel_size=3, padding=1) in a row. How "
     "many parameters do these three layers have together?", 3 * (3 * 3 * 256 * 256 + 256)),
])
def test_parameters_of_layers_called_with_keyword_arguments_are_counted(message, total):
    request = parsed(message)
    result = run(request)
    assert result.get("stack_total", result["total"]) + sum(
        run(other)["total"] for other in request.also) == total


@pytest.mark.parametrize("message", [
    "rectangular image with width 320, 3x3 conv, stride 1, no padding - output size?",
    # a model's width is no image's side (a 768 x 768 image had been made up)
    "ViT with patch size 16, 12 heads, width 768 - how many dot products per layer?",
])
def test_a_width_named_alone_is_no_square_image(message):
    assert "input" in parse_calculation(message).missing


def test_a_context_counted_in_thousands_is_no_symbol():
    # "4k context" had been a question in symbols (4 times k)
    request = parsed("4k context (4096 tokens exactly), d_model = 512. How many query-key dot "
                     "products and how many MACs for QK^T in one head with identity projections?")
    assert (request.args["tokens"], request.args["dim"]) == (4096, 512)


def test_convolutions_told_by_kernel_and_filters_chain_their_channels_into_the_head():
    # had been one 6 x 6 convolution from 400 to 120 channels plus the head: confidently wrong
    request = parse_calculation(
        "LeNet-5-ish on grayscale input: conv 5x5 with 6 filters, conv 5x5 with 16 filters, then "
        "fully connected 400->120->84->10. Everything has biases. Total parameter count?")
    assert request.asks == TOGETHER
    assert [layer.args for layer in [request, *request.also]] == [
        {"kernel": 5, "in_channels": 1, "out_channels": 6},
        {"kernel": 5, "in_channels": 6, "out_channels": 16},
        {"layer": "linear", "in_features": 400, "out_features": 120},
        {"layer": "linear", "in_features": 120, "out_features": 84},
        {"layer": "linear", "in_features": 84, "out_features": 10}]
    counts = [run(layer)["total"] for layer in [request, *request.also]]
    assert sum(counts) == (5 * 5 * 1 * 6 + 6) + (5 * 5 * 6 * 16 + 16) + (400 * 120 + 120) + \
        (120 * 84 + 84) + (84 * 10 + 10) == 61706
