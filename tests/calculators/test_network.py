import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.calculators import network_summary
from service.errors import CalculationError

FAST = settings(max_examples=150, deadline=None)


def conv(out, k, **settings):
    return {"kind": "conv", "out_channels": out, "kernel": k, **settings}


def pool(k=2, **settings):
    return {"kind": "pool", "kernel": k, **settings}


def linear(out, **settings):
    return {"kind": "linear", "out_features": out, **settings}


FLATTEN = {"kind": "flatten"}


# --- published totals: the references are the papers' and the frameworks' own figures ---------

def test_lenet5_has_61706_parameters_and_flattens_to_400():
    result = network_summary([conv(6, 5), pool(), conv(16, 5), pool(), FLATTEN, linear(120),
                              linear(84), linear(10)], [1, 32, 32])
    assert (result["flattened"], result["total"]) == (400, 61706)


def test_vgg16_has_138357544_parameters():
    # torchvision's vgg16: 138,357,544 parameters, 7 x 7 x 512 = 25088 values flattened
    blocks = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]
    layers = [layer for width, count in blocks
              for layer in [conv(width, 3, padding=1)] * count + [pool()]]
    layers += [FLATTEN, linear(4096), linear(4096), linear(1000)]
    result = network_summary(layers, [3, 224, 224])
    assert (result["flattened"], result["total"]) == (25088, 138357544)


def test_torchvision_alexnet_has_61100840_parameters():
    layers = [conv(64, 11, stride=4, padding=2), pool(3, stride=2), conv(192, 5, padding=2),
              pool(3, stride=2), conv(384, 3, padding=1), conv(256, 3, padding=1),
              conv(256, 3, padding=1), pool(3, stride=2),
              {"kind": "adaptive_pool", "output": 6}, FLATTEN, linear(4096), linear(4096),
              linear(1000)]
    result = network_summary(layers, [3, 224, 224])
    assert (result["flattened"], result["total"]) == (9216, 61100840)


def test_the_keras_mnist_cnn_example_has_1199882_parameters():
    # keras-team/keras examples/mnist_cnn.py: "Total params: 1,199,882", flatten 9216
    layers = [conv(32, 3, padding="valid"), conv(64, 3, padding="valid"), pool(2),
              FLATTEN, linear(128), linear(10)]
    result = network_summary(layers, [1, 28, 28], framework="keras")
    assert (result["flattened"], result["total"]) == (9216, 1199882)
    assert result["output"] == "$10$"


def test_keras_counts_a_batch_norms_moving_statistics_as_non_trainable_parameters():
    layers = [conv(32, 3, padding="same"), {"kind": "batchnorm"}, FLATTEN, linear(10)]
    keras = network_summary(layers, [3, 8, 8], framework="keras")
    torch = network_summary(layers, [3, 8, 8])
    assert keras["non_trainable"] == 64 and keras["trainable"] == torch["total"]
    assert keras["total"] == torch["total"] + 64
    assert "non-trainable" in keras["steps"][-1]
    assert keras["layers"][0]["output"] == "$8 \\times 8 \\times 32$"   # channels last
    assert torch["layers"][0]["output"] == "$32 \\times 8 \\times 8$"


def test_a_two_layer_lstm_reads_the_first_layers_hidden_state_above_it():
    # nn.LSTM(100, 128, num_layers=2): 4 * (128 * (100 + 128) + 2 * 128) for the first layer,
    # 4 * (128 * (128 + 128) + 2 * 128) for the second
    result = network_summary([
        {"kind": "embedding", "num_embeddings": 5000, "embedding_dim": 100},
        {"kind": "recurrent", "cell": "lstm", "hidden_size": 128, "layers": 2},
        linear(5)])
    assert [row["params"] for row in result["layers"]] == [500000, 117760 + 132096, 645]


# --- against brute force -------------------------------------------------------------------------

def positions(n: int, k: int, s: int, p: int, d: int) -> int:
    """Where a dilated window fits in the padded input, counted one start at a time."""
    return sum(1 for start in range(0, n + 2 * p) if start + d * (k - 1) < n + 2 * p
               and start % s == 0)


layer_settings = st.tuples(st.integers(1, 5), st.integers(1, 3), st.integers(0, 2),
                           st.integers(1, 2), st.integers(1, 16), st.booleans(), st.booleans())


@FAST
@given(side=st.integers(8, 64), channels=st.integers(1, 4),
       settings_=st.lists(layer_settings, min_size=1, max_size=5), head=st.integers(1, 20))
def test_a_random_network_matches_window_counting_and_tensor_sizes(side, channels, settings_,
                                                                   head):
    layers, size, depth, count = [], side, channels, 0
    for k, s, p, d, out, is_pool, bias in settings_:
        p = min(p, (d * (k - 1) + 1) // 2) if is_pool else p
        if d * (k - 1) + 1 > size + 2 * p:
            break
        if is_pool:
            layers.append(pool(k, stride=s, padding=p, dilation=d))
        else:
            layers.append(conv(out, k, stride=s, padding=p, dilation=d, bias=bias))
            count += np.zeros((out, depth, k, k)).size + (out if bias else 0)
            depth = out
        size = positions(size, k, s, p, d)
    layers += [FLATTEN, linear(head)]
    flat = np.zeros((depth, size, size)).size
    count += np.zeros((head, flat)).size + head
    result = network_summary(layers, [channels, side, side])
    assert result["flattened"] == flat
    assert result["total"] == count
    assert sum(row["params"] for row in result["layers"]) == count


# --- what cannot follow ------------------------------------------------------------------------

def test_channels_that_do_not_follow_name_the_layer():
    with pytest.raises(CalculationError) as error:
        network_summary([conv(32, 3, in_channels=3), conv(64, 3, in_channels=16)], [3, 32, 32])
    assert "layers.1.in_channels" in error.value.fields
    assert "32" in error.value.message and "16" in error.value.message


def test_a_linear_layer_that_expects_another_flatten_length_is_said_and_counted_as_written():
    # PyTorch's "mat1 and mat2 shapes cannot be multiplied", said before it happens, with the
    # number the code needs; the parameters are the code's (sum(p.numel()) counts 400 * 10)
    result = network_summary([conv(16, 5, in_channels=3), FLATTEN, linear(10, in_features=400)],
                             [3, 32, 32])
    assert result["in_features_needed"] == [{"written": 400, "needed": 12544}]
    assert result["layers"][2]["params"] == 400 * 10 + 10
    assert "not the 400" in result["steps"][3] and "in_features=12544" in result["steps"][3]


def test_a_linear_layer_flattens_a_map_as_a_forward_pass_does():
    result = network_summary([conv(16, 5, in_channels=1), linear(10, in_features=16 * 24 * 24)],
                             [1, 28, 28])
    assert result["flattened"] == 9216


def test_adaptive_pooling_fixes_the_size_whatever_the_input():
    result = network_summary([conv(64, 3, in_channels=3, stride=2, padding=1),
                              {"kind": "adaptive_pool", "output": 2}, FLATTEN, linear(10)],
                             [3, None, None])
    assert (result["flattened"], result["total"]) == (256, 1792 + 2570)


def test_without_an_input_every_layer_must_say_what_it_takes():
    counted = network_summary([conv(32, 3, in_channels=3), FLATTEN,
                               linear(10, in_features=5)])
    assert counted["total"] == 896 + 60 and counted["flattened"] is None
    with pytest.raises(CalculationError) as error:
        network_summary([conv(32, 3, in_channels=3), FLATTEN, linear(10)])
    assert "layers.2.in_features" in error.value.fields


@pytest.mark.parametrize("layers, field", [
    ([], "layers"),
    ([{"kind": "teleport"}], "layers.0.kind"),
    ([conv(8, 9)], "layers.0.kernel"),
    ([{"kind": "reshape", "shape": [5, 5, 5]}], "layers.0.shape"),
])
def test_impossible_networks_name_what_is_wrong(layers, field):
    with pytest.raises(CalculationError) as error:
        network_summary(layers, [3, 8, 8])
    assert field in error.value.fields
