"""Request and response schemas of the calculators (`/calc/*`)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service.calculators.eigen import MAX_MATRIX_SIZE
from service.calculators.metrics import COUNTS, MAX_COUNT
from service.calculators.params import MAX_STACKED
from service.channels.api.schemas.fields import (
    MAX_CHANNELS,
    MAX_SIZE,
    Matrix,
    Padding,
    Pair,
    RequestSchema,
    StrictInteger,
)


def _channels(**kwargs):
    return StrictInteger(validate=validate.Range(1, MAX_CHANNELS), **kwargs)


def _steps():
    return fields.List(fields.String(), metadata={
        "description": "The general formula, the same with the numbers substituted, and the "
                       "result (Markdown with $...$ LaTeX)."})


class ConvRequestSchema(RequestSchema):
    input = Pair(required=True, metadata={"description": "Input size: int or [height, width]."})
    kernel = Pair(required=True)
    stride = Pair(load_default=None, metadata={
        "description": "Default 1 (for pooling: the kernel size)."})
    padding = Padding(load_default=0)
    dilation = Pair(load_default=1)
    operation = fields.String(load_default="conv", validate=validate.OneOf(
        ["conv", "pool", "transposed"]))
    ceil_mode = fields.Boolean(load_default=False, metadata={"description": "Pooling only."})
    output_padding = Pair(low=0, load_default=0, metadata={
        "description": "Transposed convolution only."})
    in_channels = _channels(load_default=None, metadata={
        "description": "With out_channels: also count the layer's MACs and FLOPs."})
    out_channels = _channels(load_default=None)
    groups = _channels(load_default=1)
    bias = fields.Boolean(load_default=True)


class ConvResponseSchema(Schema):
    output = fields.List(fields.Integer(), required=True)
    operation = fields.String()
    padding = fields.List(fields.List(fields.Integer()), metadata={
        "description": "Padding actually used, [[top, bottom], [left, right]]."})
    effective_kernel = fields.List(fields.Integer())
    macs = fields.Integer()
    flops = fields.Integer()
    flops_convention = fields.String()
    stride = fields.List(fields.Integer())
    dilation = fields.List(fields.Integer())
    ceil_mode = fields.Boolean()
    output_padding = fields.List(fields.Integer())
    steps = _steps()
    explanation = fields.String()


class ParamsRequestSchema(RequestSchema):
    layer = fields.String(load_default="conv2d", validate=validate.OneOf(
        ["conv2d", "linear", "rnn", "lstm", "gru"]), metadata={
            "description": "conv2d (the default), linear, or a recurrent layer: rnn, lstm, gru."})
    kernel = Pair()
    in_channels = _channels()
    input = fields.List(StrictInteger(validate=validate.Range(1, MAX_SIZE)),
                        validate=validate.Length(equal=3), metadata={
                            "description": "[H, W, C] in place of in_channels."})
    out_channels = _channels()
    groups = _channels()
    depthwise = fields.Boolean()
    separable = fields.Boolean(metadata={
        "description": "Count a depthwise-separable block (a k x k depthwise convolution, then "
                       "a 1x1 one to out_channels) beside the standard convolution."})
    depthwise_bias = fields.Boolean(metadata={
        "description": "With separable: whether the depthwise step has biases too (true, as two "
                       "PyTorch Conv2d layers; false, as Keras's SeparableConv2D)."})
    bias = fields.Boolean(load_default=True)
    layers = StrictInteger(validate=validate.Range(1, MAX_STACKED), metadata={
        "description": "Count this many identical layers in a row (in_channels = "
                       "out_channels, or in_features = out_features): stack_total."})
    in_features = _channels()
    out_features = _channels()
    input_size = _channels()
    hidden_size = _channels()
    bias_vectors = StrictInteger(validate=validate.OneOf([1, 2]), metadata={
        "description": "Recurrent layers: bias vectors per weight set, 1 (the textbook, Keras's "
                       "LSTM; the default) or 2 (PyTorch's b_ih and b_hh)."})
    bidirectional = fields.Boolean(metadata={"description": "Recurrent layers: two directions."})

    @validates_schema
    def fields_fit_the_layer(self, data, **kwargs):
        conv_only = ("kernel", "in_channels", "input", "out_channels", "groups", "depthwise",
                     "separable", "depthwise_bias")
        linear_only = ("in_features", "out_features")
        recurrent_only = ("input_size", "hidden_size", "bias_vectors", "bidirectional")
        if data["layer"] == "linear":
            wrong, needed = conv_only + recurrent_only, linear_only
        elif data["layer"] in ("rnn", "lstm", "gru"):
            wrong, needed = conv_only + linear_only, ("input_size", "hidden_size")
        else:
            wrong, needed = linear_only + recurrent_only, ("kernel",)
        errors = {name: [f"Not used by a {data['layer']} layer."] for name in wrong if name in data}
        errors.update({name: ["Missing data for required field."]
                       for name in needed if name not in data})
        if errors:
            raise ValidationError(errors)


class ParamsResponseSchema(Schema):
    layer = fields.String()
    gates = fields.Integer(metadata={"description": "Recurrent layers: weight sets per cell "
                                                    "(1 rnn, 4 lstm, 3 gru)."})
    per_layer = fields.List(fields.Integer(), metadata={
        "description": "Recurrent layers: each layer's total."})
    total_two_biases = fields.Integer(metadata={
        "description": "Recurrent layers with one bias vector: the count with two (PyTorch)."})
    total_one_bias = fields.Integer(metadata={
        "description": "Recurrent layers with two bias vectors: the count with one."})
    in_channels = fields.Integer()
    out_channels = fields.Integer()
    groups = fields.Integer()
    weight_shape = fields.List(fields.Integer(), metadata={
        "description": "The weight tensor's shape, as PyTorch stores it."})
    weights = fields.Integer(required=True)
    biases = fields.Integer(required=True)
    total = fields.Integer(required=True)
    standard_total = fields.Integer(metadata={
        "description": "With separable: the standard convolution's parameters."})
    saved = fields.Integer(metadata={
        "description": "With separable: standard_total - total."})
    layers = fields.Integer(metadata={"description": "With layers: how many were counted."})
    stack_total = fields.Integer(metadata={
        "description": "With layers: the parameters of all of them, layers * total."})
    steps = _steps()
    explanation = fields.String()


class EigenRequestSchema(RequestSchema):
    matrix = Matrix(MAX_MATRIX_SIZE, required=True)
    activation = fields.String(load_default="identity", validate=validate.OneOf(
        ["identity", "tanh", "sigmoid", "relu"]))


class EigenvalueSchema(Schema):
    re = fields.Float()
    im = fields.Float()


class EigenResponseSchema(Schema):
    eigenvalues = fields.List(fields.Nested(EigenvalueSchema), required=True)
    spectral_radius = fields.Float(required=True)
    spectral_norm = fields.Float()
    activation = fields.String()
    verdict = fields.String(required=True, metadata={
        "description": "identity: explode | vanish | stable; other activations: vanish "
                       "(guaranteed) | may_explode | undetermined."})
    reasoning = fields.String()
    steps = _steps()
    explanation = fields.String()


class AttentionRequestSchema(RequestSchema):
    input = fields.List(StrictInteger(validate=validate.Range(1, MAX_SIZE)), required=True,
                        validate=validate.Length(equal=3),
                        metadata={"description": "[H, W, C]"})
    patch = Pair(required=True)
    stride = Pair(load_default=1)
    heads = StrictInteger(load_default=1, validate=validate.Range(1, 4096))


class _AttentionCostSchema(Schema):
    """What Q K^T costs, over an image's patches or a sequence's tokens."""

    token_dim = fields.Integer(required=True)
    dot_products = fields.Integer(required=True)
    macs = fields.Integer(required=True)
    macs_per_head = fields.Integer(metadata={"description": "P^2 (or n^2) * head_dim"})
    attention_matrix_entries = fields.Integer()
    heads = fields.Integer()
    head_dim = fields.Integer()
    big_o = fields.String(required=True)
    big_o_latex = fields.String()
    steps = _steps()
    explanation = fields.String()


class AttentionResponseSchema(_AttentionCostSchema):
    num_patches = fields.Integer(required=True)
    patches_per_axis = fields.List(fields.Integer())


class SequenceAttentionRequestSchema(RequestSchema):
    tokens = StrictInteger(required=True, validate=validate.Range(1, MAX_CHANNELS),
                           metadata={"description": "n, the sequence length"})
    dim = StrictInteger(required=True, validate=validate.Range(1, MAX_CHANNELS),
                        metadata={"description": "d, the dimension of each query and key"})
    heads = StrictInteger(load_default=1, validate=validate.Range(1, 4096))


class SequenceAttentionResponseSchema(_AttentionCostSchema):
    num_tokens = fields.Integer(required=True)


def _count(description: str):
    return StrictInteger(required=True, validate=validate.Range(0, MAX_COUNT),
                         metadata={"description": description})


class MetricsRequestSchema(RequestSchema):
    tp = _count("True positives: positive examples predicted positive.")
    fp = _count("False positives: negative examples predicted positive.")
    tn = _count("True negatives: negative examples predicted negative.")
    fn = _count("False negatives: positive examples predicted negative.")

    @validates_schema
    def something_was_classified(self, data, **kwargs):
        if all(data.get(name) == 0 for name in COUNTS):
            problem = "All four counts are 0: nothing was classified."
            raise ValidationError({name: [problem] for name in COUNTS})


class MetricsResponseSchema(Schema):
    accuracy = fields.Float(required=True)
    precision = fields.Float(required=True, allow_none=True, metadata={
        "description": "TP / (TP + FP); null when TP + FP = 0 (see `undefined`)."})
    recall = fields.Float(required=True, allow_none=True, metadata={
        "description": "TP / (TP + FN); null when TP + FN = 0."})
    specificity = fields.Float(required=True, allow_none=True, metadata={
        "description": "TN / (TN + FP); null when TN + FP = 0."})
    f1 = fields.Float(required=True, allow_none=True, metadata={
        "description": "2 TP / (2 TP + FP + FN); null when TP = FP = FN = 0."})
    undefined = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "For each null ratio, why it is undefined."})
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    steps = _steps()
    explanation = fields.String()
