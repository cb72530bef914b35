"""Every calculator's result is JSON-ready and carries steps and a short explanation."""

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.calculators import (
    conv2d_params,
    conv_output,
    linear_params,
    patch_attention_cost,
    recurrent_gradient_check,
)
from service.errors import CalculationError

FAST = settings(max_examples=200, deadline=None)

sizes = st.one_of(st.integers(1, 30), st.lists(st.integers(1, 30), min_size=2, max_size=2))
small = st.one_of(st.integers(1, 4), st.lists(st.integers(1, 4), min_size=2, max_size=2))

conv_calls = st.fixed_dictionaries(
    {"input": sizes, "kernel": small},
    optional={"stride": small, "dilation": small, "bias": st.booleans(),
              "padding": st.one_of(st.integers(0, 2), st.sampled_from(["same", "valid"])),
              "operation": st.sampled_from(["conv", "pool", "transposed"]),
              "ceil_mode": st.booleans(), "output_padding": st.integers(0, 1),
              "in_channels": st.integers(1, 8), "out_channels": st.integers(1, 8)})
params_calls = st.fixed_dictionaries(
    {"kernel": small},
    optional={"in_channels": st.integers(1, 8), "out_channels": st.integers(1, 16),
              "groups": st.integers(1, 2), "depthwise": st.booleans(), "bias": st.booleans(),
              "input": st.lists(st.integers(1, 64), min_size=3, max_size=3)})
linear_calls = st.fixed_dictionaries(
    {"in_features": st.integers(1, 999), "out_features": st.integers(1, 999)},
    optional={"bias": st.booleans()})
eigen_calls = st.integers(1, 4).flatmap(lambda n: st.fixed_dictionaries(
    {"matrix": st.lists(st.lists(st.floats(-3, 3), min_size=n, max_size=n), min_size=n,
                        max_size=n)},
    optional={"activation": st.sampled_from(["identity", "tanh", "sigmoid", "relu"])}))
attention_calls = st.fixed_dictionaries(
    {"input": st.lists(st.integers(1, 16), min_size=3, max_size=3), "patch": small},
    optional={"stride": small, "heads": st.integers(1, 3)})

calls = st.one_of(
    st.tuples(st.just(conv_output), conv_calls),
    st.tuples(st.just(conv2d_params), params_calls),
    st.tuples(st.just(linear_params), linear_calls),
    st.tuples(st.just(recurrent_gradient_check), eigen_calls),
    st.tuples(st.just(patch_attention_cost), attention_calls),
)


def plain_json(value):
    """True when the value holds only JSON's own Python types (no numpy scalars)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(plain_json(v) for v in value)
    return value is None or type(value) in (bool, int, float, str)


def balanced_math(text):
    return len(re.findall(r"(?<!\\)\$", text)) % 2 == 0


def sentences(text):
    prose = re.sub(r"\$[^$]*\$", "x", text)
    return len(re.findall(r"[.!?](?:\s|$)", prose))


@FAST
@given(call=calls)
def test_results_are_json_ready_with_steps_and_explanation(call):
    function, arguments = call
    try:
        result = function(**arguments)
    except CalculationError as error:
        assert error.fields and error.message
        return
    assert plain_json(result)
    json.dumps(result, allow_nan=False)
    assert result["steps"] and all(isinstance(step, str) for step in result["steps"])
    for text in [*result["steps"], result["explanation"], result.get("reasoning", "")]:
        assert balanced_math(text), text
    assert 1 <= sentences(result["explanation"]) <= 2, result["explanation"]
