"""`/calc/*` through the HTTP layer: the contract's fields, and a named 4xx for bad input."""

from __future__ import annotations

import pytest

from tests.channels.api.test_errors import assert_error_shape

Q9 = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]


def test_conv_follows_the_contract(client):
    response = client.post("/calc/conv", json={"input": 32, "kernel": 3, "stride": 2,
                                                "padding": 1})
    assert response.status_code == 200
    body = response.json
    assert body["output"] == [16, 16]
    assert any("= 16" in step for step in body["steps"])
    assert "$" in body["explanation"]


@pytest.mark.parametrize(("request_body", "output"), [
    ({"input": [31, 45], "kernel": [3, 5], "stride": 2, "padding": "same"}, [16, 23]),
    ({"input": 28, "kernel": 5, "padding": "valid"}, [24, 24]),
    ({"input": [30, 22], "kernel": 3, "stride": 2}, [14, 10]),
    ({"input": 40, "kernel": 5, "dilation": 2}, [32, 32]),
    ({"input": 32, "kernel": 2, "operation": "pool"}, [16, 16]),
    ({"input": 5, "kernel": 2, "stride": 2, "operation": "pool", "ceil_mode": True}, [3, 3]),
    ({"input": 16, "kernel": 4, "stride": 2, "padding": 1, "operation": "transposed"}, [32, 32]),
    ({"input": 7, "kernel": 3, "stride": 2, "padding": 1, "output_padding": 1,
      "operation": "transposed"}, [14, 14]),
])
def test_conv_variants(client, request_body, output):
    response = client.post("/calc/conv", json=request_body)
    assert response.status_code == 200, response.json
    assert response.json["output"] == output


def test_conv_counts_macs_with_the_convention_stated(client):
    body = client.post("/calc/conv", json={"input": 32, "kernel": 3, "padding": 1,
                                            "in_channels": 3, "out_channels": 16}).json
    weight_macs = 32 * 32 * 16 * 3 * 3 * 3
    assert body["macs"] == weight_macs + 32 * 32 * 16
    assert body["flops"] == 2 * weight_macs + 32 * 32 * 16
    assert "MAC" in body["flops_convention"]


def test_params_follow_the_contract_and_q2(client):
    body = client.post("/calc/params", json={"kernel": 3, "in_channels": 32}).json
    assert (body["weights"], body["biases"], body["total"]) == (288, 1, 289)


def test_params_from_an_input_shape_say_spatial_size_does_not_matter(client):
    body = client.post("/calc/params", json={"kernel": 3, "input": [256, 256, 32]}).json
    assert body["total"] == 289
    assert "256" in body["explanation"] and "spatial" in body["explanation"].lower()


@pytest.mark.parametrize(("request_body", "total"), [
    ({"kernel": 3, "in_channels": 64, "out_channels": 128}, 73856),
    ({"kernel": 1, "in_channels": 512, "out_channels": 128, "bias": False}, 65536),
    ({"kernel": 3, "in_channels": 32, "out_channels": 32, "depthwise": True}, 32 * 9 + 32),
    ({"kernel": 3, "in_channels": 8, "out_channels": 16, "groups": 4}, 3 * 3 * 2 * 16 + 16),
    ({"layer": "linear", "in_features": 784, "out_features": 10}, 7850),
    # recurrent layers: one bias vector per weight set unless told two (PyTorch's)
    ({"layer": "lstm", "input_size": 32, "hidden_size": 64}, 24832),
    ({"layer": "lstm", "input_size": 32, "hidden_size": 64, "bias_vectors": 2}, 25088),
    ({"layer": "gru", "input_size": 16, "hidden_size": 32, "bias": False}, 4608),
    ({"layer": "rnn", "input_size": 10, "hidden_size": 20, "layers": 2, "bidirectional": True},
     2 * (20 * 30 + 20) + 2 * (20 * 60 + 20)),
    # a depthwise-separable block: 3*3*128 + 128 + 128*256 + 256
    ({"kernel": 3, "in_channels": 128, "out_channels": 256, "separable": True}, 34304),
    # Keras's SeparableConv2D: no biases in the depthwise step
    ({"kernel": 3, "in_channels": 32, "out_channels": 64, "separable": True,
      "depthwise_bias": False}, 2400),
])
def test_params_variants(client, request_body, total):
    response = client.post("/calc/params", json=request_body)
    assert response.status_code == 200, response.json
    assert response.json["total"] == total


def test_params_of_identical_layers_in_a_row(client):
    body = client.post("/calc/params", json={"kernel": 3, "in_channels": 64,
                                             "out_channels": 64, "layers": 2}).json
    assert (body["total"], body["layers"], body["stack_total"]) == (36928, 2, 73856)


def test_eigen_follows_the_contract_and_q9(client):
    body = client.post("/calc/eigen", json={"matrix": Q9}).json
    assert body["spectral_radius"] == pytest.approx(1.1512, abs=1e-4)
    assert body["verdict"] == "explode"
    assert len(body["eigenvalues"]) == 3
    assert set(body["eigenvalues"][0]) == {"re", "im"}
    assert body["spectral_norm"] == pytest.approx(1.8641, abs=1e-4)


@pytest.mark.parametrize(("activation", "matrix", "verdict"), [
    ("identity", [[0.5, 0.0], [0.0, 0.2]], "vanish"),
    ("identity", [[0.0, 1.0], [-1.0, 0.0]], "stable"),
    ("tanh", [[0.5, 0.0], [0.0, 0.2]], "vanish"),
    ("sigmoid", [[3.0, 0.0], [0.0, 1.0]], "vanish"),
    ("relu", [[2.0, 0.0], [0.0, 0.5]], "may_explode"),
])
def test_eigen_verdict_per_activation(client, activation, matrix, verdict):
    body = client.post("/calc/eigen", json={"matrix": matrix, "activation": activation}).json
    assert body["verdict"] == verdict
    assert body["reasoning"]


def test_attention_follows_the_contract_and_q11(client):
    body = client.post("/calc/attention", json={"input": [8, 8, 3], "patch": 3}).json
    assert (body["num_patches"], body["token_dim"], body["dot_products"], body["macs"]) == \
        (36, 27, 1296, 34992)
    assert body["big_o"].startswith("O(")


def test_sequence_attention_counts_every_pair_of_tokens(client):
    body = client.post("/calc/sequence-attention", json={"tokens": 512, "dim": 64}).json
    assert (body["num_tokens"], body["dot_products"], body["macs"], body["big_o"]) == \
        (512, 512 ** 2, 512 ** 2 * 64, "O(n^2 d)")


# --- bad input --------------------------------------------------------------------------------

BAD = [
    ("/calc/conv", {"kernel": 3}, "input"),
    ("/calc/conv", {"input": "big", "kernel": 3}, "input"),
    ("/calc/conv", {"input": 0, "kernel": 3}, "input"),
    ("/calc/conv", {"input": -5, "kernel": 3}, "input"),
    ("/calc/conv", {"input": 32, "kernel": 3, "stride": 0}, "stride"),
    ("/calc/conv", {"input": 10 ** 30, "kernel": 3}, "input"),
    ("/calc/conv", {"input": [32, 32, 3], "kernel": 3}, "input"),
    ("/calc/conv", {"input": 32.5, "kernel": 3}, "input"),
    ("/calc/conv", {"input": True, "kernel": 3}, "input"),
    ("/calc/conv", {"input": 32, "kernel": 3, "padding": "full"}, "padding"),
    ("/calc/conv", {"input": 32, "kernel": 3, "padding": -1}, "padding"),
    ("/calc/conv", {"input": 32, "kernel": 3, "operation": "magic"}, "operation"),
    ("/calc/conv", {"input": 32, "kernel": 3, "colour": "red"}, "colour"),
    ("/calc/conv", {"input": 3, "kernel": 5}, "kernel"),
    ("/calc/conv", {"input": 32, "kernel": 3, "ceil_mode": True}, "ceil_mode"),
    ("/calc/params", {"kernel": 3}, None),
    ("/calc/params", {"kernel": 3, "in_channels": 0}, "in_channels"),
    ("/calc/params", {"layer": "linear", "kernel": 3, "in_features": 2, "out_features": 2},
     "kernel"),
    ("/calc/params", {"layer": "linear", "in_features": 2}, "out_features"),
    ("/calc/params", {"layer": "lstm", "input_size": 2}, "hidden_size"),
    ("/calc/params", {"layer": "lstm", "input_size": 2, "hidden_size": 2, "kernel": 3}, "kernel"),
    ("/calc/params", {"layer": "gru", "input_size": 2, "hidden_size": 2, "bias_vectors": 3},
     "bias_vectors"),
    ("/calc/params", {"kernel": 3, "in_channels": 2, "hidden_size": 2}, "hidden_size"),
    ("/calc/params", {"layer": "linear", "in_features": 2, "out_features": 2,
                      "input_size": 2}, "input_size"),
    ("/calc/params", {"kernel": 3, "in_channels": 8, "out_channels": 6, "groups": 4}, "groups"),
    ("/calc/params", {"kernel": 3, "in_channels": 8, "out_channels": 16, "separable": True,
                      "depthwise": True}, "separable"),
    ("/calc/params", {"layer": "linear", "in_features": 2, "out_features": 2,
                      "separable": True}, "separable"),
    ("/calc/params", {"kernel": 3, "in_channels": 3, "out_channels": 64, "layers": 2},
     "layers"),
    ("/calc/params", {"kernel": 3, "in_channels": 8, "out_channels": 8, "layers": 33}, "layers"),
    ("/calc/params", {"kernel": 3, "in_channels": 8, "out_channels": 8, "layers": True},
     "layers"),
    ("/calc/eigen", {"matrix": [[1, 2], [3]]}, "matrix"),
    ("/calc/eigen", {"matrix": [[1, 2, 3], [4, 5, 6]]}, "matrix"),
    ("/calc/eigen", {"matrix": []}, "matrix"),
    ("/calc/eigen", {"matrix": [[1, "a"], [1, 2]]}, "matrix.0.1"),
    ("/calc/eigen", {"matrix": [[1, 2], [3, 4]], "activation": "softmax"}, "activation"),
    ("/calc/eigen", {"matrix": [[0] * 65] * 65}, "matrix"),
    ("/calc/eigen", {"matrix": 5}, "matrix"),
    ("/calc/attention", {"input": [8, 8], "patch": 3}, "input"),
    ("/calc/attention", {"input": [8, 8, 3], "patch": 9}, "patch"),
    ("/calc/attention", {"input": [8, 8, 3], "patch": 3, "heads": 2}, "heads"),
    ("/calc/sequence-attention", {"tokens": 512}, "dim"),
    ("/calc/sequence-attention", {"tokens": 0, "dim": 64}, "tokens"),
    ("/calc/sequence-attention", {"tokens": 8, "dim": True}, "dim"),
    ("/calc/sequence-attention", {"tokens": 8, "dim": 64, "heads": 3}, "heads"),
]


@pytest.mark.parametrize(("url", "body", "field"), BAD)
def test_bad_input_is_a_4xx_naming_the_field(client, url, body, field):
    response = client.post(url, json=body)
    assert 400 <= response.status_code < 500
    error = assert_error_shape(response, response.status_code)
    if field:
        assert field in error.get("fields", {}), error


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_in_a_matrix_are_refused(client, raw):
    body = '{"matrix": [[' + raw + ', 0], [0, 1]]}'
    response = client.post("/calc/eigen", data=body, content_type="application/json")
    error = assert_error_shape(response, 422)
    assert "matrix.0.0" in error["fields"]


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "null", "3"])
def test_a_body_that_is_not_an_object_is_refused(client, body):
    response = client.post("/calc/conv", data=body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert_error_shape(response, response.status_code)


def test_a_body_without_json_content_type_is_refused(client):
    response = client.post("/calc/conv", data="input=3")
    assert 400 <= response.status_code < 500
    assert_error_shape(response, response.status_code)


# --- metrics (Q4) ------------------------------------------------------------------------------

def test_metrics_follow_the_contract(client):
    response = client.post("/calc/metrics", json={"tp": 40, "fp": 10, "tn": 45, "fn": 5})
    assert response.status_code == 200, response.json
    body = response.json
    assert (body["accuracy"], body["precision"]) == (0.85, 0.8)
    assert body["recall"] == pytest.approx(0.8889, abs=1e-4)
    assert body["specificity"] == pytest.approx(0.8182, abs=1e-4)
    assert body["f1"] == pytest.approx(0.8421, abs=1e-4)
    assert len(body["steps"]) == 6 and body["explanation"]


def test_an_undefined_ratio_is_null_with_its_reason(client):
    body = client.post("/calc/metrics", json={"tp": 0, "fp": 0, "tn": 50, "fn": 5}).json
    assert body["precision"] is None and "TP + FP = 0" in body["undefined"]["precision"]
    assert body["recall"] == 0.0


@pytest.mark.parametrize(("request_body", "field"), [
    ({"tp": -1, "fp": 0, "tn": 1, "fn": 0}, "tp"),
    ({"tp": 1.5, "fp": 0, "tn": 1, "fn": 0}, "tp"),
    ({"tp": 1, "fp": True, "tn": 1, "fn": 0}, "fp"),
    ({"tp": 1, "fp": "3", "tn": 1, "fn": 0}, "fp"),
    ({"tp": 0, "fp": 0, "tn": 0, "fn": 0}, "tn"),
    ({"tp": 1, "fp": 0, "tn": 1}, "fn"),
    ({"tp": 10**400, "fp": 0, "tn": 1, "fn": 0}, "tp"),
])
def test_bad_counts_are_a_named_422(client, request_body, field):
    error = assert_error_shape(client.post("/calc/metrics", json=request_body), 422)
    assert field in error["fields"], error
