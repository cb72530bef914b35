"""A whole small network walked layer by layer: each layer's output shape and parameters, the
length a Flatten gives, and the total. What a student asks of a model's code or summary ("the
flatten size and the total params?"), which one layer's calculator cannot answer: the channels
and sizes each layer hands the next are the point.

The size of each convolution or pooling comes from `conv_output` and each layer's count from
the parameter calculators, so a layer here is worked out exactly as it is alone.
"""

from __future__ import annotations

import math

from service.calculators.common import as_bool, as_int, as_pair, fail
from service.calculators.conv import conv_output
from service.calculators.params import GATES, recurrent_params
from service.errors import CalculationError

MAX_NETWORK_LAYERS = 40   # a small network pasted into a chat message, not a whole zoo model
FRAMEWORKS = ("pytorch", "keras")
KINDS = ("conv", "pool", "adaptive_pool", "global_pool", "flatten", "linear", "batchnorm",
         "layernorm", "embedding", "recurrent", "reshape")


def network_summary(layers, input=None, framework="pytorch") -> dict:
    """Walk `layers` in turn from `input`, as a framework's summary would.

    `input` is the shape without the batch, channels first: [C, H, W] for images, [C, L] for
    1-D signals, [F] for feature vectors; None for token ids (an embedding comes first) or when
    only the parameters are wanted (every layer must then give its own input size). Each layer
    is a dict with a ``kind`` (see KINDS) and its settings:

    - conv: ``out_channels``, ``kernel``, ``stride`` (1), ``padding`` (0, or "same"/"valid"),
      ``dilation`` (1), ``groups`` (1), ``bias`` (True), ``in_channels`` (checked), ``dims``
      (2; 1 for a Conv1d);
    - pool: ``kernel``, ``stride`` (the kernel), ``padding`` (0 or "same"/"valid"),
      ``ceil_mode``; adaptive_pool: ``output``; global_pool and flatten: nothing;
    - linear: ``out_features``, ``bias``, ``in_features`` (checked; a map before it is
      flattened, as a forward pass's `x.view(x.size(0), -1)` does);
    - batchnorm: ``features`` (checked); layernorm: ``features``;
    - embedding: ``num_embeddings``, ``embedding_dim``;
    - recurrent: ``cell`` (rnn, lstm, gru), ``hidden_size``, ``layers`` (1),
      ``bidirectional``, ``bias``, ``bias_vectors`` (2 in PyTorch, 1 for a Keras LSTM),
      ``input_size`` (checked);
    - reshape: ``shape`` (channels first).

    `framework` ("pytorch" or "keras") sets how shapes are written (Keras puts the channels
    last) and what the total counts: a batch norm's running mean and variance are no
    parameters in PyTorch but are in Keras's "Total params" (as non-trainable).

    Returns ``layers`` (each ``layer``, ``output`` shape as the framework writes it or None
    where no input size was given, ``params``, ``non_trainable``), ``output``, ``flattened``
    (the values of the first flatten, or None), ``total``, ``trainable``, ``non_trainable``,
    ``steps`` and ``explanation``. Raises CalculationError naming ``layers.<i>.<field>`` for a
    layer that cannot follow the one before (channels that do not match, a kernel that does not
    fit), ``input`` or ``framework``. A linear layer whose code takes another number of features
    than the layer before gives is counted as written (the model's parameters are the code's),
    and listed in ``in_features_needed`` (the student's "mat1 and mat2" bug, said in its step
    with the number it needs).
    """
    if framework not in FRAMEWORKS:
        fail("framework", f"framework must be one of {', '.join(FRAMEWORKS)}")
    if not isinstance(layers, list | tuple) or not layers or len(layers) > MAX_NETWORK_LAYERS:
        fail("layers", f"layers must be a list of 1 to {MAX_NETWORK_LAYERS} layers")
    shape = None if input is None else _shape(input)
    walk = _Walk(shape, framework == "keras")
    for number, layer in enumerate(layers):
        if not isinstance(layer, dict) or layer.get("kind") not in KINDS:
            fail(f"layers.{number}.kind", f"each layer needs a kind, one of {', '.join(KINDS)}")
        try:
            walk.apply(number + 1, layer)
        except CalculationError as error:
            field = next(iter(error.fields), "kind")
            if field.startswith("layers."):
                raise
            raise CalculationError(f"layer {number + 1}: {error.message}",
                                   {f"layers.{number}.{field}": error.fields.get(field, [])}
                                   ) from None
        except TypeError as error:
            fail(f"layers.{number}", f"layer {number + 1} has a setting it does not take "
                                     f"({error})")
    return walk.result()


def _shape(value) -> tuple[int | None, ...]:
    """A shape's sizes; a map's sides may be None (not known: a model whose adaptive pooling
    fixes the size before anything needs it)."""
    if not isinstance(value, list | tuple) or not 1 <= len(value) <= 3:
        fail("input", "input must be [C, H, W], [C, L] or [features]")
    return tuple(None if v is None and n else as_int(v, "input", maximum=1_000_000)
                 for n, v in enumerate(value))


class _Walk:
    """The shape after each layer and the counts so far (one network's walk)."""

    def __init__(self, shape: tuple[int, ...] | None, channels_last: bool):
        self.shape = shape            # channels first; None: not known (no input given)
        self.sequence = False         # a sequence of vectors (after an embedding)
        self.channels_last = channels_last
        self.rows: list[dict] = []
        self.steps: list[str] = []
        self.flattened: int | None = None
        self.input = shape
        self.mismatches: list[tuple[int, int]] = []   # (written, needed) in_features

    # --- shapes ----------------------------------------------------------------------------

    def shown(self, shape=None) -> str:
        """A shape as the framework writes it: 64 x 8 x 8 (PyTorch), 8 x 8 x 64 (Keras)."""
        shape = self.shape if shape is None else shape
        if shape is None:
            return "?"
        if self.channels_last and len(shape) > 1:
            shape = (*shape[1:], shape[0])
        prefix = "T \\times " if self.sequence else ""
        return "$" + prefix + " \\times ".join("?" if n is None else str(n) for n in shape) + "$"

    def channels(self, given, field: str) -> int:
        """The input channels (or features) of a layer: the shape's, checked against what the
        layer says it takes; what it says when no shape is known."""
        if self.shape is None:
            if given is None:
                fail(field, "the input size is needed: the layer does not say what it takes")
            return as_int(given, field)
        have = self.shape[0] if not self.sequence else self.shape[-1]
        if given is not None and as_int(given, field) != have:
            fail(field, f"it takes {given} but the layer before gives {have} "
                        f"({self.shown()})")
        return have

    # --- layers ----------------------------------------------------------------------------

    def apply(self, number: int, layer: dict) -> None:
        settings = {k: v for k, v in layer.items() if k != "kind"}
        getattr(self, "_" + layer["kind"])(number, **settings)

    def _row(self, number: int, name: str, size_line: str, params: int, count_line: str,
             non_trainable: int = 0) -> None:
        self.rows.append({"layer": name, "output": self.shown() if self.shape else None,
                          "params": params, "non_trainable": non_trainable})
        said = [part for part in (size_line, f"output {self.shown()}" if self.shape else "")
                if part]
        text = f"Layer {number}, {name}: " + ", ".join(said)
        if count_line:
            text += ("; " if said else "") + count_line
        self.steps.append(text)

    def _sliding(self, *, kernel, stride, padding, dilation=1, ceil_mode=False,
                 operation: str, dims: int) -> str:
        """The new spatial size after a convolution or pooling, and its worked line."""
        if self.shape is None:
            return ""
        spatial = self.shape[1:]
        if len(spatial) != dims:
            fail("kernel", f"a {dims}-d layer needs a {dims}-d input, not {self.shown()}")
        if None in spatial:
            return ""   # the size is not known (yet): an adaptive pooling will fix it
        if dims == 1:
            n = spatial[0]
            result = conv_output([n, n], _square(kernel), _square(stride), _square(padding),
                                 _square(dilation), operation, ceil_mode)
            spatial_out = (result["output"][0],)
        else:
            result = conv_output(list(spatial), kernel, stride, padding, dilation, operation,
                                 ceil_mode)
            spatial_out = tuple(result["output"])
        line = "; ".join(result["steps"][1:-1])
        if dims == 1:
            line = line.replace(r"\text{out}_h = \text{out}_w", r"\text{out}")
        self.shape = (self.shape[0], *spatial_out)
        return line

    def _conv(self, number, *, out_channels, kernel, stride=1, padding=0, dilation=1, groups=1,
              bias=True, in_channels=None, dims=2):
        if dims not in (1, 2):
            fail("dims", "dims must be 1 or 2")
        cin = self.channels(in_channels, "in_channels")
        cout = as_int(out_channels, "out_channels")
        groups = as_int(groups, "groups")
        bias = as_bool(bias, "bias")
        if cin % groups or cout % groups:
            fail("groups", f"groups ({groups}) must divide the channels in ({cin}) and out "
                           f"({cout})")
        k = as_pair(kernel, "kernel") if dims == 2 else (as_int(kernel, "kernel"),)
        size_line = self._sliding(kernel=kernel, stride=stride, padding=padding,
                                  dilation=dilation, operation="conv", dims=dims)
        if self.shape is not None:
            self.shape = (cout, *self.shape[1:])
        weights = math.prod(k) * (cin // groups) * cout
        kernel_factors = " \\cdot ".join(map(str, k))
        per_group = f"({cin} / {groups})" if groups > 1 else str(cin)
        count = weights + (cout if bias else 0)
        count_line = (f"parameters ${kernel_factors} \\cdot {per_group} \\cdot {cout}"
                      f"{f' + {cout}' if bias else ''} = {count}$")
        name = (f"conv {'x'.join(map(str, k))}, {cin} → {cout}" +
                _settings(stride=stride, padding=padding, dilation=dilation, groups=groups) +
                ("" if bias else ", no bias"))
        self._row(number, name, size_line, count, count_line)

    def _pool(self, number, *, kernel, stride=None, padding=0, dilation=1, ceil_mode=False,
              dims=2, operation="max"):
        if self.shape is not None and len(self.shape) == 1:
            fail("kernel", f"pooling needs a map, not {self.shown()}")
        size_line = self._sliding(kernel=kernel, stride=stride, padding=padding,
                                  dilation=dilation, ceil_mode=ceil_mode, operation="pool",
                                  dims=dims)
        k = as_pair(kernel, "kernel") if dims == 2 else (as_int(kernel, "kernel"),)
        name = (f"{operation} pool {'x'.join(map(str, k))}" +
                _settings(stride=stride, padding=padding, dilation=dilation))
        self._row(number, name, size_line, 0, "no parameters")

    def _adaptive_pool(self, number, *, output, operation="average"):
        size = as_pair(output, "output")
        if self.shape is not None:
            if len(self.shape) != 3:
                fail("output", f"adaptive pooling needs a map, not {self.shown()}")
            self.shape = (self.shape[0], *size)
        self._row(number, f"adaptive {operation} pool to {size[0]}x{size[1]}", "", 0,
                  "no parameters")

    def _global_pool(self, number, *, operation="average"):
        if self.shape is not None:
            if len(self.shape) < 2:
                fail("kind", f"global pooling needs a map, not {self.shown()}")
            self.shape = (self.shape[0],)
        self._row(number, f"global {operation} pool", "one value per channel", 0,
                  "no parameters")

    def _flatten(self, number):
        if self.shape is None:
            # no input given: the flatten's length is not known, and the next layer must say
            # what it takes (only the parameters are counted)
            self.steps.append(f"Layer {number}, flatten: no parameters")
            self.rows.append({"layer": "flatten", "output": None, "params": 0,
                              "non_trainable": 0})
            return
        if None in self.shape:
            fail("kind", "the input size is needed to flatten")
        if len(self.shape) == 1:
            self.steps.append(f"Layer {number}, flatten: already one vector of "
                              f"{self.shape[0]} values")
            self.rows.append({"layer": "flatten", "output": self.shown(), "params": 0,
                              "non_trainable": 0})
            return
        before = self.shape
        self.shape = (math.prod(before),)
        if self.flattened is None:
            self.flattened = self.shape[0]
        ordered = before if not self.channels_last or len(before) == 1 else (*before[1:],
                                                                              before[0])
        line = f"${_product(ordered)} = {self.shape[0]}$ values"
        self.steps.append(f"Layer {number}, flatten: {line}")
        self.rows.append({"layer": "flatten", "output": self.shown(), "params": 0,
                          "non_trainable": 0})

    def _linear(self, number, *, out_features, bias=True, in_features=None):
        fout = as_int(out_features, "out_features", maximum=10_000_000)
        bias = as_bool(bias, "bias")
        flatten_line = ""
        if self.shape is not None and len(self.shape) > 1 and not self.sequence:
            if self.channels_last:
                # Keras's Dense acts on the last axis (the channels) of a map it is given
                fin = self.channels(in_features, "in_features")
                self.shape = (fout, *self.shape[1:])
            else:
                if None in self.shape:
                    fail("in_features", "the input size is needed to flatten")
                flat = math.prod(self.shape)
                flatten_line = f"flattened first: ${_product(self.shape)} = {flat}$ values"
                flatten_line += self._features_written(in_features, flat)
                if self.flattened is None:
                    self.flattened = flat
                fin = in_features or flat   # (the code's own count: what it has, if not runs)
                self.shape = (fout,)
        elif self.shape is None:
            if in_features is None:
                fail("in_features", "the input size is needed: the layer does not say how many "
                                    "features it takes")
            fin = as_int(in_features, "in_features", maximum=10_000_000)
        else:
            have = self.shape[-1]
            flatten_line = self._features_written(in_features, have)
            fin = in_features or have
            self.shape = (*self.shape[:-1], fout)
        count = fin * fout + (fout if bias else 0)
        flatten_line = flatten_line.lstrip(", ")
        count_line = f"parameters ${fin} \\cdot {fout}{f' + {fout}' if bias else ''} = {count}$"
        name = f"linear {fin} → {fout}" + ("" if bias else ", no bias")
        self._row(number, name, flatten_line, count, count_line)

    def _features_written(self, in_features, have: int) -> str:
        """What a linear layer's code says it takes, when that is not what it gets: the
        student's bug (PyTorch's "mat1 and mat2 shapes cannot be multiplied"), said, and the
        layer counted with what it gets, the number the code needs."""
        if in_features is None or as_int(in_features, "in_features",
                                         maximum=10_000_000) == have:
            return ""
        self.mismatches.append((in_features, have))
        return (f", **not the {in_features} the code gives it**: PyTorch stops here with "
                f"\"mat1 and mat2 shapes cannot be multiplied\"; the layer needs "
                f"`in_features={have}` (counted as written, {in_features})")

    def _batchnorm(self, number, *, features=None):
        channels = self.channels(features, "features")
        running = 2 * channels
        line = (f"parameters $2 \\cdot {channels} = {2 * channels}$ (a scale $\\gamma$ and a "
                f"shift $\\beta$ per channel), and {running} running statistics (mean and "
                "variance, not learned" + (": Keras counts them as non-trainable)" if
                                           self.channels_last else ")"))
        self._row(number, "batch norm", "", 2 * channels, line,
                  non_trainable=running if self.channels_last else 0)

    def _layernorm(self, number, *, features=None):
        if features is None:
            if self.shape is None:
                fail("features", "the input size is needed")
            features = self.shape[-1] if self.sequence else math.prod(self.shape)
        size = as_int(features, "features", maximum=10_000_000)
        self._row(number, "layer norm", "", 2 * size,
                  f"parameters $2 \\cdot {size} = {2 * size}$ ($\\gamma$ and $\\beta$)")

    def _embedding(self, number, *, num_embeddings, embedding_dim):
        vocabulary = as_int(num_embeddings, "num_embeddings", maximum=10_000_000)
        dim = as_int(embedding_dim, "embedding_dim", maximum=100_000)
        self.shape, self.sequence = (dim,), True
        count = vocabulary * dim
        self._row(number, f"embedding {vocabulary} × {dim}", "", count,
                  f"parameters ${vocabulary} \\cdot {dim} = {count}$ (one vector per token)")

    def _recurrent(self, number, *, cell, hidden_size, layers=1, bidirectional=False, bias=True,
                   bias_vectors=2, input_size=None):
        if cell not in GATES:
            fail("cell", f"cell must be one of {', '.join(GATES)}")
        size = self.channels(input_size, "input_size")
        result = recurrent_params(cell, size, hidden_size, bias, bias_vectors, layers,
                                  bidirectional)
        hidden = as_int(hidden_size, "hidden_size")
        out = hidden * (2 if as_bool(bidirectional, "bidirectional") else 1)
        if self.shape is not None or self.sequence:
            self.shape, self.sequence = (out,), True
        gates, vectors = GATES[cell], bias_vectors if bias else 0
        layer_count = as_int(layers, "layers", maximum=16)
        first = gates * (hidden * (size + hidden) + vectors * hidden)
        biases = f" + {vectors} \\cdot {hidden}" if vectors else ""
        line = (f"parameters ${gates} \\cdot ({hidden} \\cdot ({size} + {hidden}){biases}) = "
                f"{first}$")
        if layer_count > 1 or bidirectional:
            line += (f" for the first layer's cell, {result['total']} for "
                     f"{_layers_said(layer_count, bidirectional)} (a layer above the first "
                     "reads the one below's hidden state)")
        name = (f"{cell.upper() if cell != 'rnn' else 'RNN'} {size} → {hidden}" +
                (f", {layer_count} layers" if layer_count > 1 else "") +
                (", bidirectional" if bidirectional else ""))
        self._row(number, name, "", result["total"], line)

    def _reshape(self, number, *, shape):
        target = _shape(shape)
        if self.shape is not None:
            if math.prod(target) != math.prod(self.shape):
                fail("shape", f"{self.shown()} has {math.prod(self.shape)} values, "
                              f"{' x '.join(map(str, target))} has {math.prod(target)}")
            self.shape, self.sequence = target, False
        self._row(number, "reshape", "", 0, "no parameters")

    # --- the result ------------------------------------------------------------------------

    def result(self) -> dict:
        trainable = sum(row["params"] for row in self.rows)
        frozen = sum(row["non_trainable"] for row in self.rows)
        total = trainable + frozen
        counted = [row["params"] + row["non_trainable"] for row in self.rows
                   if row["params"] + row["non_trainable"]]
        steps = list(self.steps)
        if self.input is not None:
            steps.insert(0, f"Input: {self.shown(self.input)}")
        if self.flattened is not None:
            steps.append(f"Flattened: {self.flattened} values")
        sum_line = " + ".join(map(str, counted)) if len(counted) > 1 else ""
        steps.append(f"Total: ${sum_line + ' = ' if sum_line else ''}{total}$ parameters" +
                     (f" ({trainable} trainable, {frozen} non-trainable)" if frozen else ""))
        explanation = (
            "Each layer takes what the layer before gives: a convolution's channels are its "
            "filters, pooling keeps the channels and shrinks the map, and a flatten turns the "
            "map into one vector of $C \\cdot H \\cdot W$ values, the input of the next linear "
            "layer. Activations, dropout, pooling and flattening have no parameters.")
        return {"layers": self.rows, "output": self.shown() if self.shape else None,
                "in_features_needed": [{"written": written, "needed": needed}
                                       for written, needed in self.mismatches],
                "flattened": self.flattened, "total": total, "trainable": trainable,
                "non_trainable": frozen, "steps": steps, "explanation": explanation}


def _product(factors) -> str:
    return " \\cdot ".join(map(str, factors))


def _square(value):
    """A 1-d layer's setting for conv_output's square map ("same" and "valid" as they are)."""
    return value if isinstance(value, str) or value is None else [value, value]


def _settings(**settings) -> str:
    """", stride 2, padding 1": the settings that differ from the defaults."""
    defaults = {"stride": (1, None), "padding": (0, "valid"), "dilation": (1,), "groups": (1,)}
    said = [f"{name} {value if not isinstance(value, list | tuple) else 'x'.join(map(str, value))}"
            for name, value in settings.items()
            if value is not None and value not in defaults[name]]
    return "".join(", " + part for part in said)


def _layers_said(layers: int, bidirectional: bool) -> str:
    words = [f"{layers} layers"] if layers > 1 else []
    if bidirectional:
        words.append("both directions")
    return " and ".join(words)
