import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from service.calculators import conv_output, conv_stack
from service.errors import CalculationError

FAST = settings(max_examples=200, deadline=None)

sizes = st.integers(1, 40)
kernels = st.integers(1, 7)
strides = st.integers(1, 5)
pads = st.integers(0, 4)
dilations = st.integers(1, 3)


def taps(start, k, d):
    return start + d * np.arange(k)


def brute_conv(n, k, s, p, d):
    """Count the window starts whose every tap lands inside a zero-padded array."""
    padded = np.zeros(n + 2 * p)
    count = 0
    for start in range(0, padded.size, s):
        try:
            padded[taps(start, k, d)]
        except IndexError:
            continue
        count += 1
    return count


def brute_ceil_pool(n, k, s, p, d):
    """Slide until the padded array's last element is reached, never starting in the right pad.

    Windows may overrun the right edge, as PyTorch's ceil_mode allows.
    """
    last = n + 2 * p - 1
    count, reached, start = 0, -1, 0
    while reached < last and start < n + p:
        count += 1
        reached = taps(start, k, d).max()
        start += s
    return count


def brute_transposed(n, k, s, p, d, op):
    """Scatter every input position through the kernel, then crop p from both ends."""
    positions = [i * s + j * d for i in range(n) for j in range(k)]
    full = np.zeros(max(positions) + 1 + op)
    np.add.at(full, positions, 1.0)
    return full[p:full.size - p].size


def fields_of(excinfo):
    return set(excinfo.value.fields)


# --- property tests against brute force -----------------------------------------------------


@FAST
@given(n=st.tuples(sizes, sizes), k=st.tuples(kernels, kernels), s=st.tuples(strides, strides),
       p=st.tuples(pads, pads), d=st.tuples(dilations, dilations))
def test_conv_matches_sliding_windows(n, k, s, p, d):
    expected = [brute_conv(n[i], k[i], s[i], p[i], d[i]) for i in range(2)]
    if min(expected) == 0:
        with pytest.raises(CalculationError) as excinfo:
            conv_output(input=list(n), kernel=list(k), stride=list(s), padding=list(p),
                        dilation=list(d))
        assert fields_of(excinfo) == {"kernel"}
        return
    result = conv_output(input=list(n), kernel=list(k), stride=list(s), padding=list(p),
                         dilation=list(d))
    assert result["output"] == expected
    assert result["padding"] == [[p[0], p[0]], [p[1], p[1]]]
    assert result["effective_kernel"] == [d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1]


@FAST
@given(n=sizes, k=kernels, s=strides, p=pads, d=dilations, ceil_mode=st.booleans())
def test_pool_matches_sliding_windows(n, k, s, p, d, ceil_mode):
    eff = d * (k - 1) + 1
    call = dict(input=n, kernel=k, stride=s, padding=p, dilation=d, operation="pool",
                ceil_mode=ceil_mode)
    if p > eff // 2:
        with pytest.raises(CalculationError) as excinfo:
            conv_output(**call)
        assert fields_of(excinfo) == {"padding"}
        return
    # a kernel wider than the padded input is PyTorch's edge case, tested on its own below
    assume(eff <= n + 2 * p)
    expected = brute_ceil_pool(n, k, s, p, d) if ceil_mode else brute_conv(n, k, s, p, d)
    assert conv_output(**call)["output"] == [expected, expected]


@FAST
@given(n=sizes, k=kernels, s=strides, d=dilations, operation=st.sampled_from(["conv", "pool"]))
def test_same_padding_is_tensorflow(n, k, s, d, operation):
    result = conv_output(input=n, kernel=k, stride=s, dilation=d, padding="same",
                         operation=operation)
    out = result["output"][0]
    (top, bottom), (left, right) = result["padding"]
    assert out == math.ceil(n / s)
    assert (top, bottom) == (left, right)
    assert bottom - top in (0, 1)
    # the pads the formula chose give that many windows, and one pixel less would not
    total = top + bottom
    assert brute_conv_asymmetric(n, k, s, top, bottom, d) == out
    if total:
        assert brute_conv_asymmetric(n, k, s, top, bottom - 1, d) < out


def brute_conv_asymmetric(n, k, s, before, after, d):
    padded = np.zeros(before + n + after)
    return sum(1 for start in range(0, padded.size, s) if taps(start, k, d).max() < padded.size)


@FAST
@given(n=sizes, k=kernels, s=strides, p=pads, d=dilations, op=st.integers(0, 4))
def test_transposed_matches_scatter(n, k, s, p, d, op):
    call = dict(input=n, kernel=k, stride=s, padding=p, dilation=d, output_padding=op,
                operation="transposed")
    if op >= max(s, d):
        with pytest.raises(CalculationError) as excinfo:
            conv_output(**call)
        assert fields_of(excinfo) == {"output_padding"}
        return
    expected = brute_transposed(n, k, s, p, d, op)
    if expected < 1:
        with pytest.raises(CalculationError) as excinfo:
            conv_output(**call)
        assert fields_of(excinfo) == {"padding"}
        return
    assert conv_output(**call)["output"] == [expected, expected]


@FAST
@given(n=sizes, k=kernels, s=strides, p=pads, d=dilations)
def test_transposed_undoes_the_shape_of_conv(n, k, s, p, d):
    eff = d * (k - 1) + 1
    assume(eff <= n + 2 * p)
    out = conv_output(input=n, kernel=k, stride=s, padding=p, dilation=d)["output"][0]
    # output_padding picks which of the inputs that share this conv output size comes back
    back = conv_output(input=out, kernel=k, stride=s, padding=p, dilation=d,
                       operation="transposed", output_padding=(n + 2 * p - eff) % s)
    assert back["output"] == [n, n]


@FAST
@given(n=sizes, k=st.tuples(kernels, kernels), s=strides, g=st.integers(1, 4),
       cin_per_group=st.integers(1, 4), cout_per_group=st.integers(1, 4), bias=st.booleans(),
       operation=st.sampled_from(["conv", "transposed"]))
def test_macs_count_every_multiply_add(n, k, s, g, cin_per_group, cout_per_group, bias,
                                       operation):
    assume(operation == "transposed" or max(k) <= n)
    cin, cout = g * cin_per_group, g * cout_per_group
    result = conv_output(input=n, kernel=list(k), stride=s, operation=operation,
                         in_channels=cin, out_channels=cout, groups=g, bias=bias)
    out_h, out_w = result["output"]
    weight = np.zeros((cout, cin // g, k[0], k[1]))
    # each output value is one filter's dot product with its window: weight.size / cout MACs
    weight_macs = out_h * out_w * cout * (weight.size // cout)
    bias_adds = out_h * out_w * cout if bias else 0
    assert result["macs"] == weight_macs + bias_adds
    assert result["flops"] == 2 * weight_macs + bias_adds
    assert "ptflops" in result["flops_convention"]
    assert type(result["macs"]) is int and type(result["flops"]) is int


def test_pool_with_ceil_mode_follows_pytorch_when_the_kernel_overruns():
    # PyTorch: floor((1 - 2 + (2 - 1)) / 2) + 1 = 1, a single window hanging off the edge
    assert conv_output(input=1, kernel=2, operation="pool", ceil_mode=True)["output"] == [1, 1]
    # ... but an overrun of a whole stride or more leaves no window: "Output size is too small"
    with pytest.raises(CalculationError) as excinfo:
        conv_output(input=1, kernel=2, stride=1, operation="pool", ceil_mode=True)
    assert fields_of(excinfo) == {"kernel"}


def test_ceil_mode_drops_a_window_that_would_start_in_the_right_padding():
    result = conv_output(input=5, kernel=1, stride=3, operation="pool", ceil_mode=True)
    assert result["output"] == [2, 2]
    assert any("drops it" in step for step in result["steps"])


def test_pool_stride_defaults_to_kernel_and_conv_stride_to_one():
    assert conv_output(input=8, kernel=2, operation="pool")["output"] == [4, 4]
    assert conv_output(input=8, kernel=2)["output"] == [7, 7]
    assert conv_output(input=8, kernel=2, operation="pool")["stride"] == [2, 2]


def test_valid_padding_is_no_padding():
    assert conv_output(input=10, kernel=3, stride=2, padding="valid")["output"] == [4, 4]


# --- the seed and the evaluation set --------------------------------------------------------


odd = st.integers(0, 60).map(lambda i: 2 * i + 1)


@FAST
@given(M=odd, N=odd, m=odd, n=odd)
def test_seed_q1_stride_two_zero_padding_gives_floor_half_plus_one(M, N, m, n):
    expected = [M // 2 + 1, N // 2 + 1]
    same = conv_output(input=[M, N], kernel=[m, n], stride=2, padding="same")
    assert same["output"] == expected
    # the same answer with PyTorch's "keep the size" padding (m - 1) / 2
    torch_style = conv_output(input=[M, N], kernel=[m, n], stride=2,
                              padding=[(m - 1) // 2, (n - 1) // 2])
    assert torch_style["output"] == expected


@pytest.mark.parametrize(("call", "output"), [
    (dict(input=48, kernel=3), [46, 46]),
    (dict(input=128, kernel=4, stride=2, padding=1), [64, 64]),
    (dict(input=75, kernel=3, stride=2, padding="same"), [38, 38]),
    (dict(input=40, kernel=5, dilation=2), [32, 32]),
    (dict(input=[30, 22], kernel=3, stride=2), [14, 10]),
    (dict(input=57, kernel=7, stride=5), [11, 11]),
    (dict(input=224, kernel=3, stride=2, padding=1, operation="pool"), [112, 112]),
    (dict(input=112, kernel=3, stride=2, operation="pool", ceil_mode=True), [56, 56]),
    (dict(input=16, kernel=4, stride=2, padding=1, operation="transposed"), [32, 32]),
])
def test_known_answers(call, output):
    assert conv_output(**call)["output"] == output


# --- worked steps ---------------------------------------------------------------------------


def test_steps_give_formula_substitution_and_result():
    steps = conv_output(input=32, kernel=3, stride=2, padding=1)["steps"]
    assert r"\lfloor (n + 2p - k^\text{eff}) / s \rfloor + 1" in steps[0]
    assert (r"$\text{out}_h = \text{out}_w = \lfloor (32 + 2 \cdot 1 - 3) / 2 \rfloor + 1 = 16$"
            in steps)


def test_steps_go_per_axis_when_height_and_width_differ():
    steps = conv_output(input=[30, 22], kernel=3, stride=2)["steps"]
    assert r"$\text{out}_h = \lfloor (30 + 2 \cdot 0 - 3) / 2 \rfloor + 1 = 14$" in steps
    assert r"$\text{out}_w = \lfloor (22 + 2 \cdot 0 - 3) / 2 \rfloor + 1 = 10$" in steps
    assert not any(r"\text{out}_h = \text{out}_w" in step for step in steps)


def test_same_steps_report_the_pads():
    result = conv_output(input=[75, 8], kernel=3, stride=2, padding="same")
    assert result["padding"] == [[1, 1], [0, 1]]
    joined = "\n".join(result["steps"])
    assert r"\lceil 75 / 2 \rceil = 38" in joined
    assert r"\max((38 - 1) \cdot 2 + 3 - 75, 0) = 2" in joined
    assert r"\lceil 8 / 2 \rceil = 4" in joined
    assert "0 on the left, 1 on the right" in joined


def test_dilation_steps_show_the_effective_kernel():
    steps = conv_output(input=40, kernel=5, dilation=2)["steps"]
    assert r"$k^\text{eff}_h = k^\text{eff}_w = 2 \cdot (5 - 1) + 1 = 9$" in steps


def test_transposed_and_mac_steps_are_substituted():
    steps = conv_output(input=16, kernel=3, stride=2, padding=1, output_padding=1,
                        operation="transposed", in_channels=8, out_channels=4)["steps"]
    assert (r"$\text{out}_h = \text{out}_w = (16 - 1) \cdot 2 - 2 \cdot 1 + 1 \cdot (3 - 1) "
            r"+ 1 + 1 = 32$") in steps
    assert any("= 294912 + 4096 = 299008$" in step for step in steps)
    assert r"$\text{FLOPs} = 2 \cdot 294912 + 4096 = 593920$" in steps


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "field"), [
    (dict(input=3, kernel=5), "kernel"),
    (dict(input=5, kernel=3, dilation=3), "kernel"),
    (dict(input=[9, 3], kernel=[3, 5]), "kernel"),
    (dict(input=8, kernel=2, padding=2, operation="pool"), "padding"),
    (dict(input=8, kernel=3, ceil_mode=True), "ceil_mode"),
    (dict(input=8, kernel=3, padding="same", operation="pool", ceil_mode=True), "ceil_mode"),
    (dict(input=8, kernel=3, output_padding=1), "output_padding"),
    (dict(input=8, kernel=3, stride=2, output_padding=2, operation="transposed"),
     "output_padding"),
    (dict(input=8, kernel=3, padding="same", operation="transposed", output_padding=1),
     "output_padding"),
    (dict(input=1, kernel=1, padding=1, operation="transposed"), "padding"),
    (dict(input=8, kernel=3, padding="full"), "padding"),
    (dict(input=8, kernel=3, padding=-1), "padding"),
    (dict(input=8, kernel=3, padding=[1, 2, 3]), "padding"),
    (dict(input=8, kernel=3, operation="deconv"), "operation"),
    (dict(input=0, kernel=3), "input"),
    (dict(input=[8, 8, 3], kernel=3), "input"),
    (dict(input=8, kernel=2.5), "kernel"),
    (dict(input=8, kernel=True), "kernel"),
    (dict(input=8, kernel=3, stride=0), "stride"),
    (dict(input=8, kernel=3, dilation=0), "dilation"),
    (dict(input=8, kernel=3, in_channels=6, out_channels=4, groups=4), "groups"),
    (dict(input=8, kernel=3, groups=2), "groups"),
    (dict(input=8, kernel=3, in_channels=6), "out_channels"),
    (dict(input=8, kernel=3, out_channels=6), "in_channels"),
    (dict(input=8, kernel=2, in_channels=3, out_channels=3, operation="pool"), "in_channels"),
    (dict(input=8, kernel=3, bias="yes"), "bias"),
    (dict(input=1, kernel=3, stride=1, operation="pool", ceil_mode=True), "kernel"),
])
def test_impossible_requests_name_the_field(call, field):
    with pytest.raises(CalculationError) as excinfo:
        conv_output(**call)
    assert fields_of(excinfo) == {field}
    assert excinfo.value.fields[field] == [excinfo.value.message]


def test_kernel_error_explains_in_numbers():
    with pytest.raises(CalculationError) as excinfo:
        conv_output(input=3, kernel=5)
    assert excinfo.value.message == (
        "the kernel (effective size 5) does not fit in the padded input (3 + 2*0 = 3)")
    with pytest.raises(CalculationError) as excinfo:
        conv_output(input=[9, 3], kernel=[3, 5])
    assert "padded input width (3 + 2*0 = 3)" in excinfo.value.message


junk = st.one_of(st.none(), st.booleans(), st.integers(-3, 10), st.floats(allow_nan=True),
                 st.text(max_size=5), st.lists(st.integers(-2, 9), max_size=3),
                 st.dictionaries(st.text(max_size=2), st.integers(), max_size=1))


@FAST
@given(input=junk, kernel=junk, stride=junk, padding=junk, dilation=junk,
       operation=st.one_of(st.sampled_from(["conv", "pool", "transposed"]), junk),
       ceil_mode=junk, output_padding=junk, in_channels=junk, out_channels=junk, groups=junk,
       bias=junk)
def test_anything_malformed_is_a_calculation_error(**call):
    try:
        result = conv_output(**call)
    except CalculationError as error:
        assert error.fields and error.message
    else:
        assert min(result["output"]) >= 1


# --- layers in turn ----------------------------------------------------------------------------

layer = st.fixed_dictionaries(
    {"kernel": st.integers(1, 5)},
    optional={"stride": st.integers(1, 3), "padding": st.integers(0, 2),
              "operation": st.sampled_from(["conv", "pool"])})


@settings(max_examples=200, deadline=None)
@given(size=st.integers(1, 64), layers=st.lists(layer, min_size=1, max_size=5))
def test_a_stack_is_each_layer_applied_to_the_last_ones_output(size, layers):
    # the reference: conv_output by hand, one layer after the other
    expected, sizes = [size, size], [[size, size]]
    try:
        for settings_ in layers:
            expected = conv_output(expected, **settings_)["output"]
            sizes.append(expected)
    except CalculationError:
        with pytest.raises(CalculationError) as excinfo:
            conv_stack(size, layers)
        assert all(field.startswith("layers.") for field in excinfo.value.fields)
        return
    result = conv_stack(size, layers)
    assert result["output"] == expected and result["sizes"] == sizes
    assert len(result["steps"]) == len(layers) + 1


def test_a_stack_names_the_layer_that_cannot_be_applied():
    with pytest.raises(CalculationError) as excinfo:
        conv_stack(8, [{"kernel": 3, "stride": 2}, {"kernel": 5}])
    assert list(excinfo.value.fields) == ["layers.1.kernel"]
    assert excinfo.value.message.startswith("layer 2:")


@pytest.mark.parametrize("layers", [[], "conv", [{"kernel": 3, "input": 8}], [3],
                                    [{"kernel": 3}] * 33, [{"kernel": 3, "colour": "red"}]])
def test_a_malformed_stack_is_a_calculation_error(layers):
    with pytest.raises(CalculationError):
        conv_stack(32, layers)


def test_the_resnet_stem_halves_twice():
    stem = conv_stack(224, [{"kernel": 7, "stride": 2, "padding": 3},
                            {"kernel": 3, "stride": 2, "padding": 1, "operation": "pool"}])
    assert stem["sizes"] == [[224, 224], [112, 112], [56, 56]]
    assert "224 \\times 224 \\to 112 \\times 112 \\to 56 \\times 56" in stem["explanation"]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 12), k=st.integers(1, 6), s=st.integers(1, 4), d=st.integers(1, 3),
       mode=st.sampled_from(["same", "valid"]))
def test_tensorflow_transposed_sizes_follow_the_scatter_they_come_from(n, k, s, d, mode):
    # the reference: scatter each input position's dilated kernel at its stride and see how
    # far the output reaches; TensorFlow keeps that whole for "valid" (never less than n s,
    # it pads a kernel shorter than the stride) and exactly n s for "same"
    taps = [i * s + j * d for i in range(n) for j in range(k)]
    reach = max(taps) + 1
    expected = max(reach, n * s) if mode == "valid" else n * s
    result = conv_output(n, k, stride=s, dilation=d, padding=mode, operation="transposed")
    assert result["output"] == [expected, expected]


@settings(max_examples=100, deadline=None)
@given(size=st.integers(8, 64), channels=st.integers(1, 512))
def test_flattening_counts_every_value_of_the_last_output(size, channels):
    layers = [{"kernel": 3}, {"kernel": 2, "operation": "pool"}]
    result = conv_stack(size, layers, channels=channels)
    height, width = conv_stack(size, layers)["output"]
    # the reference: one value per position and channel, counted from the sizes
    assert result["flattened"] == len(range(height)) * len(range(width)) * channels
    assert result["steps"][-1].endswith(f"= {result['flattened']}$ values")


@pytest.mark.parametrize("channels", [0, -3, 2.5, True, "16", 10**12])
def test_channels_that_are_no_count_are_a_calculation_error(channels):
    with pytest.raises(CalculationError) as excinfo:
        conv_stack(28, [{"kernel": 5}], channels=channels)
    assert list(excinfo.value.fields) == ["channels"]
