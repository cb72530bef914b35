import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.calculators import (
    patch_attention_cost,
    patch_count,
    sequence_attention_cost,
    sequence_dot_products,
)
from service.errors import CalculationError

FAST = settings(max_examples=200, deadline=None)


def patch_tokens(image, patch, stride):
    """Cut the image into every patch position explicitly and flatten each into a token."""
    (ph, pw), (sh, sw) = patch, stride
    height, width, _ = image.shape
    return np.array([image[top:top + ph, left:left + pw].ravel()
                     for top in range(0, height - ph + 1, sh)
                     for left in range(0, width - pw + 1, sw)])


@FAST
@given(height=st.integers(1, 12), width=st.integers(1, 12), channels=st.integers(1, 4),
       patch=st.tuples(st.integers(1, 12), st.integers(1, 12)),
       stride=st.tuples(st.integers(1, 4), st.integers(1, 4)), heads=st.integers(1, 4))
def test_costs_match_explicit_patches(height, width, channels, patch, stride, heads):
    call = dict(input=[height, width, channels], patch=list(patch), stride=list(stride),
                heads=heads)
    if patch[0] > height or patch[1] > width:
        with pytest.raises(CalculationError) as excinfo:
            patch_attention_cost(**call)
        assert set(excinfo.value.fields) == {"patch"}
        return
    tokens = patch_tokens(np.ones((height, width, channels)), patch, stride)
    num_patches, token_dim = tokens.shape
    if token_dim % heads:
        with pytest.raises(CalculationError) as excinfo:
            patch_attention_cost(**call)
        assert set(excinfo.value.fields) == {"heads"}
        return
    result = patch_attention_cost(**call)
    assert result["num_patches"] == num_patches
    assert result["token_dim"] == token_dim
    # with all-ones tokens each entry of Q K^T is the length of its dot product, so the
    # entries add up to the multiply-adds
    per_head = np.split(tokens, heads, axis=1)
    scores = [q @ q.T for q in per_head]
    assert result["dot_products"] == sum(s.size for s in scores)
    assert result["attention_matrix_entries"] == sum(s.size for s in scores)
    assert result["macs"] == int(sum(s.sum() for s in scores))
    assert result["head_dim"] == token_dim // heads


@FAST
@given(height=st.integers(1, 12), width=st.integers(1, 12),
       patch=st.tuples(st.integers(1, 12), st.integers(1, 12)),
       stride=st.tuples(st.integers(1, 4), st.integers(1, 4)))
def test_the_patch_count_alone_needs_no_channels(height, width, patch, stride):
    call = dict(input=[height, width], patch=list(patch), stride=list(stride))
    if patch[0] > height or patch[1] > width:
        with pytest.raises(CalculationError) as excinfo:
            patch_count(**call)
        assert set(excinfo.value.fields) == {"patch"}
        return
    result = patch_count(**call)
    assert result["num_patches"] == len(patch_tokens(np.ones((height, width, 1)), patch, stride))
    assert result["steps"][-1].endswith(f"= {result['num_patches']}$")
    # the same count and steps as the full cost, whatever the channels
    full = patch_attention_cost(input=[height, width, 5], patch=list(patch), stride=list(stride))
    assert full["num_patches"] == result["num_patches"]
    assert full["steps"][:len(result["steps"])] == result["steps"]


def test_seed_q11_overlapping_patches():
    result = patch_attention_cost(input=[8, 8, 3], patch=3, stride=1)
    assert (result["num_patches"], result["token_dim"]) == (36, 27)
    assert (result["dot_products"], result["macs"]) == (1296, 34992)
    assert result["big_o"] == "O((H-h+1)^2 (W-w+1)^2 h w C)"
    assert result["big_o_latex"].startswith(r"\mathcal{O}")
    assert "$P_h = P_w = 8 - 3 + 1 = 6$" in result["steps"]
    assert r"$\text{MACs} = P^2 d = 1296 \cdot 27 = 34992$" in result["steps"]


@pytest.mark.parametrize(("call", "num_patches", "token_dim", "dot_products"), [
    (dict(input=[28, 28, 1], patch=7, stride=7), 16, 49, 256),
    (dict(input=[32, 32, 3], patch=8, stride=4), 49, 192, 2401),
    (dict(input=[224, 224, 3], patch=16, stride=16), 196, 768, 38416),
    (dict(input=[10, 6, 2], patch=[4, 2], stride=[3, 2]), 9, 16, 81),
])
def test_known_answers(call, num_patches, token_dim, dot_products):
    result = patch_attention_cost(**call)
    assert (result["num_patches"], result["token_dim"]) == (num_patches, token_dim)
    assert result["dot_products"] == dot_products


def test_big_o_names_the_stride_when_it_is_not_one():
    assert patch_attention_cost(input=[32, 32, 3], patch=8, stride=4)["big_o"] == (
        "O((floor((H-h)/s)+1)^2 (floor((W-w)/s)+1)^2 h w C)")
    uneven = patch_attention_cost(input=[32, 32, 3], patch=8, stride=[4, 2])
    assert "s_h" in uneven["big_o"] and "s_w" in uneven["big_o"]
    assert r"\frac{H-h}{s_h}" in uneven["big_o_latex"]


def test_steps_go_per_axis_when_they_differ():
    steps = patch_attention_cost(input=[10, 6, 2], patch=[4, 2], stride=[3, 2])["steps"]
    assert r"$P_h = \lfloor (10 - 4) / 3 \rfloor + 1 = 3$" in steps
    assert r"$P_w = \lfloor (6 - 2) / 2 \rfloor + 1 = 3$" in steps


def test_heads_split_the_dot_products_but_not_the_macs():
    one = patch_attention_cost(input=[8, 8, 4], patch=2)
    four = patch_attention_cost(input=[8, 8, 4], patch=2, heads=4)
    assert four["dot_products"] == 4 * one["dot_products"]
    assert four["macs"] == one["macs"]
    assert "multiply-adds do not change" in four["explanation"]


@pytest.mark.parametrize(("call", "field"), [
    (dict(input=[4, 4, 3], patch=5), "patch"),
    (dict(input=[8, 4, 3], patch=[3, 5]), "patch"),
    (dict(input=[8, 8, 3], patch=[3, 3, 3]), "patch"),
    (dict(input=[8, 8, 3], patch=0), "patch"),
    (dict(input=[8, 8], patch=3), "input"),
    (dict(input=[8, 8, 0], patch=3), "input"),
    (dict(input=8, patch=3), "input"),
    (dict(input=[8, 8, 3], patch=3, stride=0), "stride"),
    (dict(input=[8, 8, 3], patch=3, heads=2), "heads"),
    (dict(input=[8, 8, 3], patch=3, heads=0), "heads"),
])
def test_impossible_requests_name_the_field(call, field):
    with pytest.raises(CalculationError) as excinfo:
        patch_attention_cost(**call)
    assert set(excinfo.value.fields) == {field}


junk = st.one_of(st.none(), st.booleans(), st.integers(-3, 10), st.floats(), st.text(max_size=3),
                 st.lists(st.integers(-2, 9), max_size=4))


@FAST
@given(input=junk, patch=junk, stride=junk, heads=junk)
def test_anything_malformed_is_a_calculation_error(**call):
    try:
        result = patch_attention_cost(**call)
    except CalculationError as error:
        assert error.fields and error.message
    else:
        assert result["num_patches"] >= 1


@FAST
@given(tokens=st.integers(1, 40), dim=st.integers(1, 24), heads=st.integers(1, 4))
def test_sequence_costs_match_an_explicit_score_matrix(tokens, dim, heads):
    if dim % heads:
        with pytest.raises(CalculationError) as excinfo:
            sequence_attention_cost(tokens, dim, heads)
        assert set(excinfo.value.fields) == {"heads"}
        return
    result = sequence_attention_cost(tokens, dim, heads)
    # all-ones queries and keys: each score is the length of its dot product, so the scores
    # add up to the multiply-adds, and there is one score per dot product
    queries = np.ones((tokens, dim))
    scores = [q @ q.T for q in np.split(queries, heads, axis=1)]
    assert result["dot_products"] == result["attention_matrix_entries"] == \
        sum(s.size for s in scores)
    assert result["macs"] == int(sum(s.sum() for s in scores))
    assert (result["num_tokens"], result["token_dim"], result["head_dim"]) == \
        (tokens, dim, dim // heads)


def test_a_sequence_is_an_image_of_its_tokens_already_cut():
    # 16 non-overlapping 4x4x3 patches of a 16x16x3 image are 16 tokens of dimension 48
    image = patch_attention_cost(input=[16, 16, 3], patch=4, stride=4)
    sequence = sequence_attention_cost(16, 48)
    assert (sequence["macs"], sequence["dot_products"]) == (image["macs"], image["dot_products"])
    assert "16777216" in sequence_attention_cost(512, 64)["steps"][2]


@FAST
@given(tokens=junk, dim=junk, heads=junk)
def test_anything_malformed_in_a_sequence_is_a_calculation_error(**call):
    try:
        result = sequence_attention_cost(**call)
    except CalculationError as error:
        assert error.fields and error.message
    else:
        assert result["macs"] >= 1


@settings(max_examples=100, deadline=None)
@given(tokens=st.integers(1, 4096), head_dim=st.integers(1, 128), heads=st.integers(1, 16))
def test_each_head_does_its_share_of_the_multiply_adds(tokens, head_dim, heads):
    result = sequence_attention_cost(tokens, head_dim * heads, heads=heads)
    # the reference: every pair of tokens, one multiply-add per dimension of a head
    assert result["macs_per_head"] == tokens * tokens * head_dim
    assert result["macs_per_head"] * heads == result["macs"]


@settings(max_examples=200, deadline=None)
@given(tokens=st.integers(1, 5000), heads=st.integers(1, 16), head_dim=st.integers(1, 128))
def test_the_dot_products_alone_are_the_costs_whatever_the_dimension(tokens, heads, head_dim):
    alone = sequence_dot_products(tokens, heads)
    full = sequence_attention_cost(tokens, heads * head_dim, heads)
    assert alone["dot_products"] == full["dot_products"] == heads * tokens ** 2
