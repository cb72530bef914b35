"""A pasted Keras model.summary() is read by its rows (`summaries`)."""

import pytest

from service.core.calc_chat import run_calculation
from service.core.calcparse import TOGETHER, parse_calculation
from service.core.calcparse.summaries import read_summary

ASKED_AFTER_A_PRINTED_ROW = """model.summary() shows

    conv2d (Conv2D)      (None, 32, 32, 32)   896

    conv2d_1 (Conv2D)    (None, 30, 30, 64)   ???

kernel is 3x3. what number goes in the ???"""

TOTAL_WITH_CELLS_LOST = """Keras summary (some columns got lost when I copied):

 Layer (type)                Output Shape              Param #
 conv2d (Conv2D)             (None, 30, 30, 32)        896
 max_pooling2d (MaxPooling2D)  (None, 15, 15, 32)      0
 conv2d_1 (Conv2D)           (None, 13, 13, 64)
 flatten (Flatten)           (None, 10816)             0
 dense (Dense)               (None, 10)

The code was Conv2D(32, 3) on input_shape=(32, 32, 3), MaxPooling2D(), Conv2D(64, 3), Flatten(),
Dense(10). What is "Total params" at the bottom?"""

KERAS_3_BOX = """┃ Layer (type)          ┃ Output Shape        ┃ Param # ┃
│ conv2d (Conv2D)       │ (None, 26, 26, 32)  │     320 │
│ flatten (Flatten)     │ (None, 21632)       │       0 │
│ dense (Dense)         │ (None, 10)          │     ??? │
what's the dense layer's param count?"""


def _total(request) -> int:
    counts = [run_calculation(r)["total"] for r in (request, *request.also)]
    return sum(counts)


def test_a_missing_count_is_worked_out_from_the_row_above_and_the_kernel_said():
    # read as text, "896" and "(None, 30, 30, 64)" made an 896 x 896 kernel
    request = parse_calculation(ASKED_AFTER_A_PRINTED_ROW)
    assert request.args == {"kernel": 3, "in_channels": 32, "out_channels": 64}
    assert run_calculation(request)["total"] == 3 * 3 * 32 * 64 + 64


def test_total_params_adds_every_layer_and_agrees_with_the_printed_ones():
    request = parse_calculation(TOTAL_WITH_CELLS_LOST)
    assert request.asks == TOGETHER
    # Keras's own total for this model: 896 + 18496 + 108170
    assert _total(request) == 127562


def test_a_conv_is_matched_to_its_call_by_its_filters():
    request = parse_calculation(
        " conv2d_1 (Conv2D)   (None, 14, 14, 64)   18496\n"
        " conv2d_2 (Conv2D)   (None, 12, 12, 128)  ?????\n"
        "conv2d_2 is `layers.Conv2D(128, (3, 3), activation=\"relu\")`. What goes in the ?????")
    assert run_calculation(request)["total"] == 73856


def test_keras_3_box_drawing_and_a_dense_after_flatten():
    request = parse_calculation(KERAS_3_BOX)
    assert request.args == {"layer": "linear", "in_features": 21632, "out_features": 10}


def test_use_bias_false_counts_no_biases():
    request = read_summary(" c (Conv2D)  (None, 30, 30, 8)  216\n d (Conv2D)  (None, 28, 28, 16)"
                           "  ???\nall layers use_bias=False, kernel 3x3")
    assert run_calculation(request)["total"] == 3 * 3 * 8 * 16


@pytest.mark.parametrize("text", [
    # no count left out and no total asked: a question about the summary, not a calculation
    " conv2d (Conv2D)  (None, 30, 30, 32)  896\n dense (Dense)  (None, 10)  288010\nwhy so many?",
    # a kind not worked out, asked for
    " conv2d (Conv2D)  (None, 30, 30, 32)  896\n bn (BatchNormalization)  (None, 30, 30, 32)  ???",
    # no kernel anywhere for the conv asked
    " conv2d (Conv2D)  (None, 30, 30, 32)  896\n conv2d_1 (Conv2D)  (None, 28, 28, 64)  ???",
    # a printed count the reading cannot give: misread, so nothing is claimed
    " c (Conv2D)  (None, 30, 30, 32)  900\n d (Conv2D)  (None, 28, 28, 64)  ???\n"
    "input_shape=(32, 32, 3), kernel 3x3",
])
def test_what_cannot_be_read_surely_is_not_read(text):
    assert read_summary(text) is None
