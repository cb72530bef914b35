import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.calculators import conv2d_params, linear_params, recurrent_params
from service.errors import CalculationError

FAST = settings(max_examples=200, deadline=None)

kernels = st.integers(1, 7)
small = st.integers(1, 8)


@FAST
@given(k=st.tuples(kernels, kernels), groups=st.integers(1, 4), cin_per_group=small,
       cout_per_group=small, bias=st.booleans())
def test_conv2d_counts_the_elements_of_its_tensors(k, groups, cin_per_group, cout_per_group,
                                                   bias):
    cin, cout = groups * cin_per_group, groups * cout_per_group
    result = conv2d_params(kernel=list(k), in_channels=cin, out_channels=cout, groups=groups,
                           bias=bias)
    # PyTorch's Conv2d.weight has shape (out, in / groups, k_h, k_w)
    weight = np.zeros((cout, cin // groups, k[0], k[1]))
    biases = np.zeros(cout).size if bias else 0
    assert result["weights"] == weight.size
    assert result["biases"] == biases
    assert result["total"] == weight.size + biases
    assert result["weight_shape"] == list(weight.shape)
    assert result["layer"] == "conv2d"


@FAST
@given(k=kernels, cin=st.integers(1, 64), multiplier=st.integers(1, 4), bias=st.booleans())
def test_depthwise_has_one_group_per_channel(k, cin, multiplier, bias):
    result = conv2d_params(kernel=k, in_channels=cin, out_channels=cin * multiplier,
                           depthwise=True, bias=bias)
    assert result["weights"] == np.zeros((cin * multiplier, 1, k, k)).size
    assert result["groups"] == cin


@FAST
@given(k=st.tuples(kernels, kernels), cin=st.integers(1, 64), cout=st.integers(1, 64),
       bias=st.booleans())
def test_a_separable_block_counts_its_two_convolutions_beside_the_standard_one(k, cin, cout,
                                                                             bias):
    result = conv2d_params(kernel=list(k), in_channels=cin, out_channels=cout, bias=bias,
                           separable=True)
    # as PyTorch stores them: depthwise (in, 1, k_h, k_w), pointwise (out, in, 1, 1),
    # and the standard convolution the block replaces (out, in, k_h, k_w)
    tensors = [np.zeros((cin, 1, *k)), np.zeros((cout, cin, 1, 1))]
    biases = [np.zeros(cin), np.zeros(cout)] if bias else []
    standard = np.zeros((cout, cin, *k)).size + (cout if bias else 0)
    assert result["weights"] == sum(t.size for t in tensors)
    assert result["total"] == sum(t.size for t in tensors + biases)
    assert (result["standard_total"], result["saved"]) == (standard, standard - result["total"])
    assert result["layer"] == "separable_conv2d"


def test_a_separable_block_shows_each_count_and_the_saving():
    result = conv2d_params(kernel=3, in_channels=128, out_channels=256, separable=True)
    steps = "\n".join(result["steps"])
    assert "3 \\cdot 3 \\cdot 128 = 1152" in steps and "128 \\cdot 256 = 32768" in steps
    assert "294912 + 256 = 295168" in steps and "295168 - 34304 = 260864" in steps
    assert "1/256 + 1/9" in result["explanation"]


@FAST
@given(k=st.tuples(kernels, kernels), channels=st.integers(1, 64), layers=st.integers(1, 32),
       bias=st.booleans())
def test_identical_layers_in_a_row_count_each_layers_tensors(k, channels, layers, bias):
    result = conv2d_params(kernel=list(k), in_channels=channels, out_channels=channels,
                           bias=bias, layers=layers)
    one = np.zeros((channels, channels, *k)).size + (channels if bias else 0)
    assert result["total"] == one
    if layers > 1:
        assert (result["layers"], result["stack_total"]) == (layers, layers * one)
    else:
        assert "stack_total" not in result


def test_two_stacked_3x3_convs_against_one_5x5_the_textbook_comparison():
    two = conv2d_params(kernel=3, in_channels=64, out_channels=64, layers=2)
    assert two["stack_total"] == 2 * (9 * 64 * 64 + 64) == 73856
    assert "2 \\cdot 36928 = 73856" in two["steps"][-1]
    assert two["stack_total"] < conv2d_params(kernel=5, in_channels=64, out_channels=64)["total"]


@pytest.mark.parametrize("request_args", [
    {"kernel": 3, "in_channels": 3, "out_channels": 64, "layers": 2},   # 3 -> 64 -> 64
    {"kernel": 3, "in_channels": 64, "out_channels": 64, "layers": 0},
    {"kernel": 3, "in_channels": 64, "out_channels": 64, "layers": 33},
    {"kernel": 3, "in_channels": 64, "out_channels": 64, "layers": 2, "separable": True},
])
def test_layers_in_a_row_must_be_alike_and_few(request_args):
    with pytest.raises(CalculationError) as error:
        conv2d_params(**request_args)
    assert set(error.value.fields) == {"layers"}


@FAST
@given(k=kernels, cin=st.integers(1, 64))
def test_depthwise_reads_the_default_out_channels_as_one_filter_per_channel(k, cin):
    result = conv2d_params(kernel=k, in_channels=cin, depthwise=True)
    assert result["out_channels"] == cin
    assert result["weights"] == np.zeros((cin, 1, k, k)).size


@FAST
@given(k=kernels, height=st.integers(1, 4096), width=st.integers(1, 4096),
       depth=st.integers(1, 512), cout=small)
def test_spatial_size_never_changes_the_count(k, height, width, depth, cout):
    from_input = conv2d_params(kernel=k, input=[height, width, depth], out_channels=cout)
    from_channels = conv2d_params(kernel=k, in_channels=depth, out_channels=cout)
    for key in ("weights", "biases", "total"):
        assert from_input[key] == from_channels[key]
    assert f"${height} \\times {width}$ spatial size does not change the count" in (
        from_input["explanation"])
    assert "shared across every position" in from_input["explanation"]
    assert "spatial size" not in from_channels["explanation"]


@FAST
@given(fin=st.integers(1, 5000), fout=st.integers(1, 5000), bias=st.booleans())
def test_linear_counts_the_elements_of_its_tensors(fin, fout, bias):
    result = linear_params(in_features=fin, out_features=fout, bias=bias)
    weight = np.zeros((fout, fin))
    biases = np.zeros(fout).size if bias else 0
    assert (result["weights"], result["biases"]) == (weight.size, biases)
    assert result["total"] == weight.size + biases
    assert result["layer"] == "linear"


def test_seed_q2_single_filter_on_a_256_by_256_by_32_input():
    result = conv2d_params(kernel=3, input=[256, 256, 32])
    assert (result["weights"], result["biases"], result["total"]) == (288, 1, 289)
    assert r"$\text{weights} = 3 \cdot 3 \cdot 32 \cdot 1 = 288$" in result["steps"]
    assert r"$\text{total} = 288 + 1 = 289$" in result["steps"]
    assert r"$256 \times 256$ spatial size does not change the count" in result["explanation"]


@pytest.mark.parametrize(("call", "total"), [
    (dict(kernel=3, in_channels=64, out_channels=128), 73856),
    (dict(kernel=5, in_channels=1, out_channels=6), 156),
    (dict(kernel=1, in_channels=512, out_channels=128, bias=False), 65536),
    (dict(kernel=3, in_channels=16), 145),
    (dict(kernel=[3, 5], in_channels=4, out_channels=8, groups=2), 3 * 5 * 2 * 8 + 8),
    (dict(kernel=3, in_channels=32, input=[7, 7, 32]), 289),
])
def test_known_answers(call, total):
    assert conv2d_params(**call)["total"] == total


def test_steps_show_groups_and_no_bias():
    steps = conv2d_params(kernel=3, in_channels=8, out_channels=4, groups=2, bias=False)["steps"]
    assert r"$\text{weights} = 3 \cdot 3 \cdot (8 / 2) \cdot 4 = 144$" in steps
    assert r"No bias: $\text{biases} = 0$" in steps
    assert r"$\text{total} = 144 + 0 = 144$" in steps


def test_linear_steps():
    steps = linear_params(in_features=784, out_features=10)["steps"]
    assert r"$\text{weights} = 784 \cdot 10 = 7840$" in steps
    assert r"$\text{total} = 7840 + 10 = 7850$" in steps


@pytest.mark.parametrize(("call", "field"), [
    (dict(kernel=3), "in_channels"),
    (dict(kernel=3, in_channels=16, input=[8, 8, 32]), "in_channels"),
    (dict(kernel=3, in_channels=6, out_channels=4, groups=4), "groups"),
    (dict(kernel=3, in_channels=6, out_channels=6, groups=0), "groups"),
    (dict(kernel=3, in_channels=8, groups=2, depthwise=True), "groups"),
    (dict(kernel=3, in_channels=8, out_channels=12, depthwise=True), "out_channels"),
    (dict(kernel=3, input=[256, 256]), "input"),
    (dict(kernel=3, input=[256, 0, 3]), "input"),
    (dict(kernel=0, in_channels=3), "kernel"),
    (dict(kernel=[3, 3, 3], in_channels=3), "kernel"),
    (dict(kernel=3, in_channels=3, bias="no"), "bias"),
    (dict(kernel=3, in_channels=3, depthwise=1), "depthwise"),
    (dict(kernel=3, in_channels=3, out_channels=0), "out_channels"),
    (dict(kernel=3, in_channels=8, out_channels=16, separable=True, depthwise=True),
     "separable"),
    (dict(kernel=3, in_channels=8, out_channels=16, separable=True, groups=2), "separable"),
    (dict(kernel=3, in_channels=8, out_channels=16, separable="yes"), "separable"),
])
def test_impossible_conv2d_requests_name_the_field(call, field):
    with pytest.raises(CalculationError) as excinfo:
        conv2d_params(**call)
    assert set(excinfo.value.fields) == {field}


@pytest.mark.parametrize(("call", "field"), [
    (dict(in_features=0, out_features=3), "in_features"),
    (dict(in_features=3, out_features=2.0), "out_features"),
    (dict(in_features=3, out_features=2, bias=None), "bias"),
])
def test_impossible_linear_requests_name_the_field(call, field):
    with pytest.raises(CalculationError) as excinfo:
        linear_params(**call)
    assert set(excinfo.value.fields) == {field}


junk = st.one_of(st.none(), st.booleans(), st.integers(-3, 10), st.floats(), st.text(max_size=4),
                 st.lists(st.integers(-2, 9), max_size=4))


@FAST
@given(kernel=junk, in_channels=junk, out_channels=junk, bias=junk, groups=junk, input=junk,
       depthwise=junk)
def test_anything_malformed_is_a_calculation_error(**call):
    try:
        result = conv2d_params(**call)
    except CalculationError as error:
        assert error.fields and error.message
    else:
        assert result["total"] >= 1


# --- recurrent layers --------------------------------------------------------------------------

def _torch_tensors(cell, input_size, hidden, layers, bidirectional):
    """The shapes of the tensors nn.RNN/nn.LSTM/nn.GRU registers, by PyTorch's own naming
    (weight_ih_l{k}[_reverse]: (G*h, input of layer k), weight_hh: (G*h, h), bias_ih, bias_hh:
    (G*h,)): the reference the counts are checked against."""
    gates = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
    directions = 2 if bidirectional else 1
    tensors = {}
    for layer in range(layers):
        reads = input_size if layer == 0 else directions * hidden
        for suffix in ["", "_reverse"][:directions]:
            tensors[f"weight_ih_l{layer}{suffix}"] = (gates * hidden, reads)
            tensors[f"weight_hh_l{layer}{suffix}"] = (gates * hidden, hidden)
            tensors[f"bias_ih_l{layer}{suffix}"] = (gates * hidden,)
            tensors[f"bias_hh_l{layer}{suffix}"] = (gates * hidden,)
    return tensors


@FAST
@given(cell=st.sampled_from(["rnn", "lstm", "gru"]), input_size=st.integers(1, 300),
       hidden=st.integers(1, 300), layers=st.integers(1, 4), bidirectional=st.booleans())
def test_recurrent_counts_are_the_elements_of_pytorchs_tensors(cell, input_size, hidden, layers,
                                                               bidirectional):
    tensors = _torch_tensors(cell, input_size, hidden, layers, bidirectional)
    size = {name: int(np.prod(shape)) for name, shape in tensors.items()}
    weights = sum(n for name, n in size.items() if name.startswith("weight"))
    both_biases = sum(n for name, n in size.items() if name.startswith("bias"))
    pytorch = recurrent_params(cell, input_size, hidden, bias_vectors=2, layers=layers,
                               bidirectional=bidirectional)
    textbook = recurrent_params(cell, input_size, hidden, layers=layers,
                                bidirectional=bidirectional)
    bare = recurrent_params(cell, input_size, hidden, bias=False, layers=layers,
                            bidirectional=bidirectional)
    assert (pytorch["weights"], pytorch["biases"]) == (weights, both_biases)
    # the textbook keeps b_ih only; without bias there are the weights alone
    assert (textbook["weights"], textbook["biases"]) == (weights, both_biases // 2)
    assert bare["total"] == weights and bare["biases"] == 0
    assert pytorch["total_one_bias"] == textbook["total"]
    assert textbook["total_two_biases"] == pytorch["total"]
    assert sum(pytorch["per_layer"]) == pytorch["total"]


def test_recurrent_counts_match_the_figures_the_frameworks_print():
    # Keras's model.summary() for LSTM(64) on 32 features; PyTorch's nn.LSTM(32, 64) and
    # nn.RNN(10, 20), summed over .parameters()
    assert recurrent_params("lstm", 32, 64)["total"] == 24832
    assert recurrent_params("lstm", 32, 64, bias_vectors=2)["total"] == 25088
    assert recurrent_params("rnn", 10, 20, bias_vectors=2)["total"] == 640
    # an LSTM is four simple RNNs' worth of weights, a GRU three
    rnn = recurrent_params("rnn", 16, 32)["total"]
    assert recurrent_params("lstm", 16, 32)["total"] == 4 * rnn
    assert recurrent_params("gru", 16, 32)["total"] == 3 * rnn


def test_recurrent_steps_show_the_gates_and_the_convention():
    result = recurrent_params("gru", 16, 32)
    assert result["steps"][1] == r"$\text{weights} = 3 \cdot 32 \cdot (16 + 32) = 4608$"
    assert "one bias vector" in result["explanation"]
    assert "4800" in result["explanation"]     # the PyTorch count beside it
    assert "sequence length does not appear" in result["explanation"]


@pytest.mark.parametrize(("call", "field"), [
    ({"cell": "transformer", "input_size": 4, "hidden_size": 4}, "cell"),
    ({"cell": "lstm", "input_size": 0, "hidden_size": 4}, "input_size"),
    ({"cell": "lstm", "input_size": 4, "hidden_size": True}, "hidden_size"),
    ({"cell": "lstm", "input_size": 4, "hidden_size": 4, "bias_vectors": 3}, "bias_vectors"),
    ({"cell": "lstm", "input_size": 4, "hidden_size": 4, "bias_vectors": True}, "bias_vectors"),
    ({"cell": "lstm", "input_size": 4, "hidden_size": 4, "layers": 0}, "layers"),
    ({"cell": "gru", "input_size": 4, "hidden_size": 4, "bidirectional": "yes"}, "bidirectional"),
])
def test_impossible_recurrent_requests_name_the_field(call, field):
    with pytest.raises(CalculationError) as raised:
        recurrent_params(**call)
    assert field in raised.value.fields


def test_keras_separable_blocks_have_biases_in_the_pointwise_step_only():
    # SeparableConv2D(64, 3) on 32 channels: 3*3*32 + 32*64 + 64, as model.summary() prints
    keras = conv2d_params(kernel=3, in_channels=32, out_channels=64, separable=True,
                          depthwise_bias=False)
    torch = conv2d_params(kernel=3, in_channels=32, out_channels=64, separable=True)
    assert (keras["total"], keras["biases"]) == (2400, 64)
    assert torch["total"] - keras["total"] == 32          # the depthwise step's 32 biases
    assert conv2d_params(kernel=3, in_channels=32, out_channels=64, separable=True,
                         depthwise_bias=False, bias=False)["total"] == 288 + 2048


def test_a_depthwise_bias_without_a_separable_block_is_refused():
    with pytest.raises(CalculationError) as raised:
        conv2d_params(kernel=3, in_channels=32, out_channels=64, depthwise_bias=False)
    assert "depthwise_bias" in raised.value.fields
