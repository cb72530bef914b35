"""Layers given as a table (tables.py), read by their columns, and what is worked out from them
(parse.py): the size through them, the values flattened, their parameters added up."""

import pytest

from service.calculators import conv_stack
from service.core.calcparse.tables import read_table
from tests.core.calcparse.helpers import parsed, run

MARKDOWN = """Homework 2, question 4. The input is 64x64x3.

| Layer | Type | Kernel | Stride | Padding | Filters |
|---|---|---|---|---|---|
| 1 | conv | 3x3 | 1 | 1 | 32 |
| 2 | maxpool | 2x2 | 2 | 0 | - |
| 3 | conv | 3x3 | 2 | 1 | 128 |
| 4 | maxpool | 2x2 | 2 | 0 | - |
"""
COLUMNS = """pasting from the tutorial sheet:

layer    kernel   stride   pad   filters
conv1    7x7      2        3     64
pool1    3x3      2        1     -
conv2    3x3      1        1     64

input is 224x224x3."""


def test_a_markdown_table_and_text_columns_are_read_row_by_row():
    markdown = read_table(MARKDOWN)
    assert [layer.pool for layer in markdown] == [False, True, False, True]
    assert markdown[2].settings == {"kernel": 3, "stride": 2, "padding": 1, "out_channels": 128}
    columns = read_table(COLUMNS)
    assert [(layer.pool, layer.settings["kernel"], layer.settings["stride"]) for layer in columns] \
        == [(False, 7, 2), (True, 3, 2), (False, 3, 1)]


@pytest.mark.parametrize("text", [
    "| | predicted positive | predicted negative |\n|---|---|---|\n| actual positive | 40 | 5 |\n"
    "| actual negative | 10 | 45 |",                      # a confusion matrix: no kernel column
    "layer kernel stride\nconv1 3x3 1",                   # one row is no table of layers
    "| layer | kernel | stride |\n|---|---|---|\n| conv1 | big | 1 |\n| conv2 | 3 | 1 |",
])
def test_what_is_no_table_of_layers_is_none(text):
    assert read_table(text) is None


def test_the_size_through_a_table_and_the_values_its_output_flattens_to():
    request = parsed(MARKDOWN + "\n(a) What is the spatial size after layer 4?\n(b) What is the "
                                "length of the vector after flattening?")
    result = conv_stack(**request.args)
    # by hand: 64 -> 64 (3x3 pad 1) -> 32 (pool) -> 16 (3x3 stride 2 pad 1) -> 8 (pool)
    assert result["output"] == [8, 8] and result["flattened"] == 8 * 8 * 128


def test_the_size_after_a_named_row_stops_there():
    request = parsed(COLUMNS + " what is the output size after conv2?")
    assert conv_stack(**request.args)["output"] == [56, 56]   # 224 -> 112 -> 56 -> 56
    request = parsed(COLUMNS + " what is the output size after pool1?")
    assert conv_stack(**request.args)["output"] == [56, 56]
    assert len(request.args["layers"]) == 2


def test_a_tables_parameters_are_each_convs_added_up():
    request = parsed("How many trainable parameters does this network have in total (all convs "
                     "have bias)?\n\n| layer | in ch | out ch | kernel |\n|---|---|---|---|\n"
                     "| conv1 | 3 | 32 | 3x3 |\n| conv2 | 32 | 64 | 3x3 |\n"
                     "| conv3 | 64 | 128 | 3x3 |")
    totals = [run(r)["total"] for r in [request, *request.also]]
    assert totals == [9 * 3 * 32 + 32, 9 * 32 * 64 + 64, 9 * 64 * 128 + 128]
