"""Notations of numbers and sizes: text as `prepare` folds it, and sizes written every way
come back exactly.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.core.calcparse.notation import formula_values, read_shapes
from service.core.textnorm import prepare
from tests.core.calcparse.helpers import FAST, parsed, size

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



# --- shapes as students label and order them --------------------------------------------------

@pytest.mark.parametrize(("text", "read"), [
    ("image is 480x640 (h x w), 3x3 conv", "image is 480x640, 3x3 conv"),
    ("input is 3x32x64 (c x h x w). conv", "input is 32x64x3. conv"),
    ("a 48x64x3 image (h x w x c)", "a 48x64x3 image"),
    ("a (3, 32, 64) (c, h, w) tensor", "a 32x64x3 tensor"),
    ("a 28x30 (m x n) image", "a 28x30 image"),  # the course's M x N: height x width
    ("a 28x28 (c x w) image", "a 28x28 image"),  # letters that do not fit: dropped
])
def test_labelled_sizes_are_read_in_height_width_channels_order(text, read):
    assert read_shapes(text) == read


@pytest.mark.parametrize(("text", "read"), [
    ("mnist (1, 28, 28)", "mnist 28x28x1"),        # channels first: PyTorch's C, H, W
    ("shape (128, 14, 14)", "shape 14x14x128"),    # the last two are the square's sides
    ("[3, 32, 64] input", "32x64x3 input"),        # a handful of channels, then the sides
    ("(224, 224, 3) image", "224x224x3 image"),    # already H, W, C
    ("(3, 3, 64) kernel", "3x3x64 kernel"),        # a kernel with its depth stays as written
    ("conv2d(3, 16, 5)", "conv2d(3, 16, 5)"),      # a call's arguments are not a shape
    ("on (none, 32, 32, 16)", "on 32x32x16"),       # Keras: batch unknown, channels last
    ("input (none, 3, 224, 224)", "input 224x224x3"),  # Keras told channels_first
])
def test_tuples_are_turned_to_height_width_channels_when_channels_come_first(text, read):
    assert read_shapes(text) == read


@pytest.mark.parametrize(("text", "read"), [
    # the exam's Q11 notation: the image H x W x C, then its patches h x w
    ("h x w x c = 40 x 60 x 3, h x w = 10 x 10, s = 5", "40x60x3, patch 10x10, s = 5"),
    # without an image with channels first, a second h x w is only a size (a kernel, say)
    ("h x w = 32 x 32, h x w = 3 x 3, stride 1", "32x32, 3x3, stride 1"),
    ("m x n = 28 x 28, m x n = 5 x 5", "28x28, 5x5"),
])
def test_a_patch_is_named_in_the_exams_notation_after_the_image(text, read):
    assert read_shapes(text) == read


def test_letters_naming_the_output_asked_for_are_not_a_formula():
    assert read_shapes("on a 14x14 input, output h x w?") == "on a 14x14 input, output size ?"


def test_a_one_word_gloss_in_brackets_does_not_hide_the_number_after_it():
    assert read_shapes("rate (dilation) 4") == "rate dilation 4"


@pytest.mark.parametrize(("text", "read"), [
    ("(cin, cout, k) = (32, 32, 5), bias=false", "cin=32, cout=32, k=5, bias=false"),
    ("(h, w) = [28, 30] and k=3", "h=28, w=30 and k=3"),
    ("(cin, cout) = (32, 32, 5)", "(cin, cout) = 32x32x5"),  # counts differ: not paired
])
def test_names_and_values_given_as_two_tuples_are_paired(text, read):
    assert read_shapes(text) == read


@pytest.mark.parametrize(("text", "read"), [
    ("patches 8 high and 4 wide", "patches 8x4"),
    ("a kernel 4 wide by 8 tall", "a kernel 8x4"),
    ("an image 30 pixels high and 40 pixels wide", "an image 30x40"),
    ("images are 64 pixels high, 48 wide, 3 channels", "images are 64x48, 3 channels"),
    ("stride 8 vertically and 4 horizontally", "stride 8x4"),
    ("stride 4 horizontally and 2 vertically", "stride 2x4"),
])
def test_sides_given_in_words_are_a_size_height_first(text, read):
    assert read_shapes(text) == read


def test_two_sides_of_the_same_kind_are_not_a_size():
    assert read_shapes("8 high and 4 tall") == "8 high and 4 tall"


@pytest.mark.parametrize(("text", "read"), [
    ("a [16, 3, 224, 224] batch", "a 224x224x3 batch"),    # N, C, H, W
    ("a 16x3x224x224 batch", "a 224x224x3 batch"),        # the same in x notation
    ("x = torch.randn(16, 3, 224, 224)", "x = torch.tensor 224x224x3,"),  # made with its shape
    ("a (8, 64, 64, 3) batch", "a 64x64x3 batch"),         # N, H, W, C
    ("[2, 5, 7, 9]", "[2, 5, 7, 9]"),                      # neither: left as written
    ("an rgb image 3x256x256", "an rgb image 256x256x3"),  # channels first in x notation
    ("a 3x3x64 kernel", "a 3x3x64 kernel"),
])
def test_batch_shapes_and_channels_first_sizes_in_height_width_channels_order(text, read):
    assert read_shapes(text) == read


def test_rows_of_a_pasted_matrix_are_not_taken_for_shapes():
    matrix = "wh = [[0, 0, 5], [1, 0, 0], [0, 1, 0]]"
    assert read_shapes(matrix) == matrix


@pytest.mark.parametrize(("text", "read"), [
    ("input h x w = 128 x 96, kernel 5", "input 128x96, kernel 5"),
    ("c x h x w = 3x32x64", "32x64x3"),
    ("what s the output h and w?", "what s the output size ?"),
])
def test_letters_that_name_a_given_size_or_the_output_are_not_symbols(text, read):
    assert read_shapes(text) == read


@pytest.mark.parametrize(("text", "read"), [
    ("using o = floor((i + 2p - k)/s) + 1, evaluate for i = 129, k = 3, p = 0, s = 2.",
     "input 129, kernel 3, padding 0, stride 2: output size?"),
    # cs231n's letters: F is the filter's size, K the number of filters
    ("(w - f + 2p)/s + 1 with w = 32, f = 5, k = 10, p = 2, s = 1",
     "input 32, kernel 5, padding 2, stride 1, 10 filters: output size?"),
    # H_in (folded to "hin")
    ("compute hout for hin = 129, k = 4, s = 3, p = 1, with hout = floor((hin + 2p - k)/s) + 1",
     "input 129, kernel 4, stride 3, padding 1: output size?"),
])
def test_a_formulas_letters_with_values_are_the_settings_they_name(text, read):
    assert formula_values(text) == read


@pytest.mark.parametrize("text", [
    "why is the output (n + 2p - k)/s + 1?",                 # letters without values
    "(n + 2p - k)/s + 1 with k = 3",                         # too few values to compute
    "q11 with h = w = 16, c = 4, h = w = 4",                 # no formula: the exam's sizes
    "s = 2, p = 1, k = 3 and a 7x7 input",                   # no formula: read as it is
])
def test_text_without_a_formula_given_values_is_left_as_it_is(text):
    assert formula_values(text) == text
