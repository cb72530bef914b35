"""A small network written as code, read call by call: PyTorch (`nn.Conv2d(3, 32, 3,
padding=1)`, `nn.Linear(64 * 8 * 8, 10)`, an `nn.LSTM`) or Keras (`layers.Conv2D(32, 3,
padding="same")`, `keras.Input((64, 64, 3))`), for the whole-network walk
(calculators.network): every layer's shape and count, the flatten length and the total.

A student who pastes a model asks what one layer's calculator cannot say: the length going
into the first linear layer, the total. Each call's arguments are read by position and by
keyword as the framework reads them, with its defaults; a call the walk does not know (a
transposed convolution, an upsampling, a layer built in a loop from variables) leaves the
message to the other readers rather than being skipped, so that nothing is counted from part
of a model. The input size comes from the words around the code when the code does not give
it ("with 32x32 inputs", "3x224x224", a `torch.randn(1, 3, 32, 32)`).
"""

from __future__ import annotations

import itertools
import math
import re

from service.calculators.network import MAX_NETWORK_LAYERS, network_summary
from service.core.calcparse.intent import ASKS_THE_IDEA, NUMBER_ASKED, asks_for_advice
from service.core.calcparse.request import CalcRequest
from service.errors import CalculationError

MAX_CALL_LENGTH = 300   # characters of one call's arguments; a layer's call is short

# A layer's call: its name with an optional module path, then its opening bracket
_CALL = re.compile(r"(?<![\w.])((?:torch\.)?nn\.|(?:tf\.)?keras\.layers\.|keras\.|layers\.)?+"
                   r"([a-z][a-z0-9]{1,30}+)\s*+\(", re.IGNORECASE)
# Layers that change neither the shape nor the count
_PASS_THROUGH = frozenset({
    "relu", "relu6", "leakyrelu", "prelu", "elu", "gelu", "silu", "selu", "sigmoid", "tanh",
    "softmax", "logsoftmax", "dropout", "dropout1d", "dropout2d", "dropout3d", "alphadropout",
    "spatialdropout1d", "spatialdropout2d", "activation", "identity", "gaussiannoise",
    "hardswish", "mish", "softplus"})
_TORCH_LAYERS = frozenset({
    "conv2d", "conv1d", "maxpool2d", "avgpool2d", "maxpool1d", "avgpool1d", "adaptiveavgpool2d",
    "adaptivemaxpool2d", "batchnorm2d", "batchnorm1d", "layernorm", "linear", "flatten",
    "embedding", "lstm", "gru", "rnn"}) | _PASS_THROUGH
_KERAS_LAYERS = frozenset({
    "conv2d", "conv1d", "maxpooling2d", "averagepooling2d", "maxpool2d", "avgpool2d",
    "maxpooling1d", "averagepooling1d", "globalaveragepooling2d", "globalmaxpooling2d",
    "globalaveragepooling1d", "globalmaxpooling1d", "flatten", "dense", "batchnormalization",
    "layernormalization", "embedding", "lstm", "gru", "simplernn", "reshape", "input",
    "inputlayer"}) | _PASS_THROUGH
# Keras written as Keras writes it (PyTorch's are Conv2d, Linear, MaxPool2d)
_KERAS_WORDS = re.compile(r"\bkeras\b|\blayers\.|\bmodel\.add\s*+\(|\binput_shape\s*+=|"
                          r"\bConv[12]D\s*+\(|\bDense\s*+\(|\bMaxPooling[12]D\b")
_TORCH_WORDS = re.compile(r"\bnn\.|\btorch\b|\bconv[12]d\s*+\(|\blinear\s*+\(", re.IGNORECASE)
_INT = re.compile(r"\d{1,9}+")
_PRODUCT = re.compile(r"\d{1,7}+(?:\s*+\*\s*+\d{1,7}+){0,4}+")
_UNKNOWN = re.compile(r"\?++|_++|none|\.\.\.")
_STRING = re.compile(r"""['"]([a-z_]{1,20}+)['"]""")
# A size in the words: "3x32x32", "32x32x3", "28x28", "(3, 64, 64)", "shape (1, 3, 224, 224)"
_SIZE = re.compile(r"(?<![\w.])(\d{1,5}+)\s*+[x×*]\s*+(\d{1,5}+)(?:\s*+[x×*]\s*+(\d{1,5}+))?+"
                   r"(?:\s*+[x×*]\s*+(\d{1,5}+))?+(?!\w|\.\d)|"
                   r"[(\[]\s*+(?:(?:\d{1,5}+|n|b|batch|batch_size|bs|-1|none)\s*+,\s*+)?(\d{1,5}+)\s*+,\s*+(\d{1,5}+)\s*+,\s*+"
                   r"(\d{1,5}+)\s*+[)\]]", re.IGNORECASE)
# "length 1000", "1x16000", "of length 128": a 1-d signal's length
_LENGTH = re.compile(r"\blength\s*+(?:of\s++|=\s*+|:\s*+|is\s++)?(\d{1,7}+)\b|"
                     r"(?<![\w.])(\d{1,7}+)\s++(?:samples|time\s*+steps|timesteps|frames)\b")
# "inputs with 16 features per time step", "784 input features": a vector's size
_FEATURES = re.compile(r"(?<![\w.])(\d{1,6}+)\s++(?:input\s++)?features\b", re.IGNORECASE)
# An error's shapes are no input: "mat1 and mat2 shapes cannot be multiplied (64x2304 and
# 1024x10)", "Shapes (None, 10) and (None, 6, 6, 10) are incompatible"
_ERROR_SHAPES = re.compile(r"\bmultiplied\s*+\([^)]{0,60}+\)|\bshapes?\s*+[(\[][^\n]{0,80}?"
                           r"\bincompatible\b", re.IGNORECASE)
# What is asked: a number of a network, not the idea
_ASKED = re.compile(r"param|flatten|size|shape|\boutput|\btotal|in_features|\?|\bhow\s++many\b|"
                    r"\bwhat\b|\bfill\b|\bcount|\bnumber|\blength|\bdim", re.IGNORECASE)
# Asked about the sizes or the flatten, which need the input
SIZE_OR_FLATTEN_ASKED = re.compile(r"flatten|size|shape|\bh\s*+x\s*+w\b|\bhxw\b|in_features|"
                                   r"\?\?|spatial|\boutput\s++(?:length|of)|\bdims?\b|\blength",
                                   re.IGNORECASE)
_COMMENT = re.compile(r"#[^\n]*+")
_FORWARD = re.compile(r"\bdef\s++forward\b|\bforward\s*+(?::|pass\b|is\b)")
_OPENS = re.compile(r"(?<!\s)\s*+\(")
_NAME = re.compile(r"(?<![\w])(?:self\.)?([a-z_]\w{0,30}+)", re.IGNORECASE)
_ASSIGNED = re.compile(r"(?<![\w.])(?:self\.)?([a-z_]\w{0,30}+)\s*+=\s*+$", re.IGNORECASE)


def read_network(raw: str) -> CalcRequest | None:
    """A "network" request for a message holding a model's code with two layers or more
    (framework calls) and asking for a number; None for any other message, or when a call
    cannot be read (the other readers then try)."""
    if not _ASKED.search(raw):
        return None
    text, keras, calls = _framework_calls(raw)
    if calls is None or not keras and not _TORCH_WORDS.search(text):
        return None
    words = _words_around(raw, calls)   # (a comment may say the input: "# x: (N, 1, 64, 128)")
    calls = _in_forward_order(text, calls)
    layers: list[dict] = []
    shape = None
    for name, args, kwargs, _, end in calls:
        read = (_keras_layer if keras else _torch_layer)(name, args, kwargs)
        if read is _UNREADABLE:
            return None
        if isinstance(read, tuple):   # Keras's Input, or a layer's input_shape=
            shape = shape or read[0]
            read = read[1]
        if read is not None:
            layers.append(read)
        reshaped = _reshaped_after(text, end)
        if reshaped is not None:
            layers.append(reshaped)
    counted = [layer for layer in layers if layer["kind"] in ("conv", "linear", "embedding",
                                                              "recurrent", "batchnorm")]
    if len(layers) < 2 or not counted or len(layers) > MAX_NETWORK_LAYERS:
        return None
    if _beyond_the_layers(text, len(layers)) or _NOT_ONE_MODEL.search(words) or \
            _LAYERS_COUNTED.search(text) or asks_for_advice(words.lower()) or (
                ASKS_THE_IDEA.search(words.lower()) and not NUMBER_ASKED.search(words.lower())):
        # a layer asked about that is not there; two models compared ("Flatten + Linear(...)
        # vs AdaptiveAvgPool2d(1) + Linear(...)"); layers told in words or by their number
        # beside the code ("13 conv layers all 3x3 and 5 MaxPool2d(2, 2), then
        # nn.Linear(???, 4096)"): not all of one model is in the calls; or a fix is asked, or
        # the idea ("why set bias=False in Conv2d(64, 128, 3) before a BatchNorm2d(128)?")
        return None
    framework = "keras" if keras else "pytorch"
    if shape is None and layers[0]["kind"] in ("conv", "pool", "batchnorm", "flatten",
                                               "global_pool", "adaptive_pool"):
        # (a model that starts with a linear layer, an embedding or a recurrent one takes
        # what that layer says: "Linear(100, 128*7*7) -> reshape to 128x7x7" starts at 100)
        shape = _input_in_words(words, layers, keras)
    args = {"layers": layers, "framework": framework}
    if shape is not None:
        args["input"] = list(shape)
        return CalcRequest("network", args)
    if layers[0]["kind"] == "linear" and "in_features" in layers[0]:
        args["input"] = [layers[0]["in_features"]]
        return CalcRequest("network", args)
    features = _FEATURES.search(words)
    if layers[0]["kind"] in ("recurrent", "linear") and features is not None:
        args["input"] = [int(features[1])]   # "inputs with 16 features per time step"
        return CalcRequest("network", args)
    if _needs_input(layers, words, framework):
        pooled = _pooled_to_a_size(layers, framework)
        if pooled is not None:
            return CalcRequest("network", {**args, "input": pooled})
        return CalcRequest("network", args, ["input"])
    return CalcRequest("network", args)


# Two models or layers set against each other: "Flatten + Linear(...) vs AdaptiveAvgPool2d(1)
# + Linear(...)", "... compared with a plain nn.Conv2d(...)"
_NOT_ONE_MODEL = re.compile(r"\bvs\.?(?!\w)|\bversus\b|\bcompared?\b|\binstead\s++of\b|"
                            r"\bor\s++(?:a|an|the|with)\b", re.IGNORECASE)
# Layers counted in words or a call repeated by a count: "13 conv layers", "5 MaxPool2d(2, 2)",
# "2 x nn.Conv2d(...)"
_LAYERS_COUNTED = re.compile(r"(?<![\w.])\d{1,3}+\s*+(?:x\s*+)?(?:nn\.|layers\.)?"
                             r"(?:conv|max\s*+pool|avg\s*+pool|pool|dense|fc|linear|lstm|gru)"
                             r"(?!\w*+\s*+(?:->|→|output|out\b))", re.IGNORECASE)
# "the output size after layer 3", "layer 4's params": a layer asked about by its number
_LAYER_NUMBER = re.compile(r"\blayer\s*+(\d{1,2}+)\b", re.IGNORECASE)


def _beyond_the_layers(text: str, count: int) -> bool:
    """Whether the message asks about a layer by a number past the layers it gives ("layers 1
    and 2 are ... compute the output size after layer 3"): a part of the model is missing."""
    return any(int(match[1]) > count
               for match in itertools.islice(_LAYER_NUMBER.finditer(text), 20))


def _pooled_to_a_size(layers: list[dict], framework: str) -> list | None:
    """An input of unknown size, for a model whose adaptive or global pooling fixes the size
    before anything that needs it ("... nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten(),
    nn.Linear(?, 10)": the flatten is 64 * 2 * 2 whatever the image); None otherwise."""
    channels = _first_channels(layers)
    if channels is None:
        return None
    if not any(layer["kind"] in ("adaptive_pool", "global_pool") for layer in layers):
        return None
    shape = [channels, None, None]
    try:
        result = network_summary(layers, shape, framework)
    except CalculationError:
        return None
    return shape if result["output"] and "?" not in result["output"] else None


_UNREADABLE = object()


def _blank(match: re.Match) -> str:
    return " " * len(match.group())

_TORCH_MODULE = re.compile(r"\bnn\.")


def _calls(text: str, known: frozenset[str]) -> list[tuple[str, list, dict, int, int]] | None:
    """The layer calls in order: (name, positional args, keyword args, start, end); None when a
    framework's call is not a layer the walk knows ("nn.ConvTranspose2d", "layers.UpSampling2D")
    or a layer's brackets do not close. Other calls (Python's, a class's) are passed over, and
    so is a container's name ("nn.Sequential(" is read for the layers inside it)."""
    found = _bare_flattens(text)
    position = 0
    for match in itertools.islice(_CALL.finditer(text), 4 * MAX_NETWORK_LAYERS):
        if match.start() < position:
            continue   # inside a call read already
        name = match[2].lower()
        if name not in known:
            if match[1] and name not in _CONTAINERS:
                return None
            continue
        end = _closing(text, match.end())
        if end is None:
            return None
        args, kwargs = _arguments(text[match.end():end])
        found.append((name, args, kwargs, match.start(), end + 1))
        position = end
    return sorted(found, key=lambda call: call[3])


# "... → Flatten → Dense(10)", a table's "Flatten  -> [?]": a flatten written without brackets,
# after an arrow (then ending a chain: "-> flatten. what's ...") or starting a line or a cell
_FLATTEN_WORD = re.compile(r"(?<![\w.])(?:nn\.|layers\.)?flatten\b(?!\s*+\()", re.IGNORECASE)
_AFTER_FLATTEN = re.compile(r"(?<![ \t])[ \t]*+(?:->|→|,|\n|\)|\||$)")
_ENDS_A_CHAIN = re.compile(r"(?<![ \t])[ \t]*+[.?!;](?!\w)")


def _bare_flattens(text: str) -> list[tuple[str, list, dict, int, int]]:
    """Flattens written as a word in a chain or a list of layers (see _FLATTEN_WORD)."""
    found = []
    for match in itertools.islice(_FLATTEN_WORD.finditer(text), MAX_NETWORK_LAYERS):
        before = text[max(0, match.start() - 12):match.start()].rstrip(" \t")
        arrow = before.endswith(("->", "→"))
        if not (arrow or before.endswith((",", "\n", "|")) or not before):
            continue
        if _AFTER_FLATTEN.match(text, match.end()) or arrow and _ENDS_A_CHAIN.match(
                text, match.end()):
            found.append(("flatten", [], {}, match.start(), match.end()))
    return found


_CONTAINERS = frozenset({"sequential", "module", "modulelist", "model", "functional"})


def _closing(text: str, start: int) -> int | None:
    """Where the bracket opened just before `start` closes (None: not within a call's length)."""
    depth = 1
    for index in range(start, min(len(text), start + MAX_CALL_LENGTH)):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return index
    return None


def _arguments(inside: str) -> tuple[list, dict]:
    """A call's arguments as values (see _value), by position and by keyword; a value that
    cannot be read is _UNREADABLE, which fails the layer only if the walk needs it."""
    args, kwargs = [], {}
    for part in _split(inside):
        part = part.strip()
        if not part:
            continue
        key, equals, value = part.partition("=")
        if equals and _KEYWORD.fullmatch(key.strip()):
            key = key.strip().lower()
            kwargs[_SHORTHAND.get(key, key)] = _value(value.strip())
        else:
            args.append(_value(part))
    return args, kwargs


_KEYWORD = re.compile(r"[a-z_]{1,30}+", re.IGNORECASE)
# A student's shorthand in a call: "Conv2d(3, 32, k=3, s=1, p=0)"
_SHORTHAND = {"k": "kernel_size", "s": "stride", "p": "padding", "d": "dilation",
              "kernel": "kernel_size", "pad": "padding"}


def _split(inside: str) -> list[str]:
    """Split at the commas outside brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(inside):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inside[start:index])
            start = index + 1
    parts.append(inside[start:])
    return parts


def _value(text: str):
    """An argument's value: an int (a product of ints multiplied out), a tuple of them, a
    boolean, a quoted word (lower case), None for an unknown ("?", "???"); anything else
    (a variable, an expression) is _UNREADABLE."""
    lowered = text.lower()
    if _PRODUCT.fullmatch(text):
        return math.prod(int(n) for n in _INT.findall(text))
    if lowered in ("true", "false"):
        return lowered == "true"
    if _UNKNOWN.fullmatch(lowered):
        return None
    string = _STRING.fullmatch(lowered)
    if string:
        return string[1]
    if text[:1] in "([" and text[-1:] in ")]":
        items = [item.strip() for item in text[1:-1].split(",") if item.strip()]
        if items and len(items) <= 4 and all(_PRODUCT.fullmatch(item) or
                                             item.lower() == "none" for item in items):
            return tuple(None if item.lower() == "none" else
                         math.prod(int(n) for n in _INT.findall(item)) for item in items)
    return _UNREADABLE


def _in_forward_order(text: str, calls: list) -> list:
    """A model's layers in the order its forward pass applies them (`def forward`, or
    "forward: pool(relu(conv1(x))) -> ..."): a layer called on something is applied when its
    call's bracket closes, so nested calls go from the innermost out
    (`self.pool(F.relu(self.conv1(x)))` is conv1, then pool), and a layer named in a chain
    ("conv1 -> relu -> pool") where it is named; a layer applied twice comes twice, and a
    flatten written in the forward pass comes where it is. In the order they are defined when
    forward applies a layer not defined or leaves one out."""
    forward = _FORWARD.search(text)
    if forward is None:
        return calls
    by_name, applied = {}, []
    for call in calls:
        if call[3] >= forward.start():
            applied.append((call[3], call))   # a layer written in the forward pass itself
            continue
        assigned = _ASSIGNED.search(text, max(0, call[3] - 40), call[3])
        if assigned is None:
            return calls
        by_name[assigned[1]] = call
    for match in itertools.islice(_NAME.finditer(text, forward.end()), 20 * MAX_NETWORK_LAYERS):
        call = by_name.get(match[1])
        if call is None:
            continue
        opened = _OPENS.match(text, match.end())
        closed = _closing(text, opened.end()) if opened else None
        applied.append((closed if closed is not None else match.start(), call))
    order = [call for _, call in sorted(applied, key=lambda item: item[0])]
    if {call[3] for call in order} != {call[3] for call in calls} or \
            len(order) > MAX_NETWORK_LAYERS:
        return calls
    return order


def _get(args: list, kwargs: dict, index: int, *names: str, default=None):
    for name in names:
        if name in kwargs:
            return kwargs[name]
    return args[index] if index < len(args) else default


def _torch_layer(name: str, args: list, kwargs: dict):
    """One PyTorch layer as the walk's settings; None for a layer that changes nothing."""
    if name in _PASS_THROUGH:
        return None
    if name in ("conv2d", "conv1d"):
        cin, cout, kernel = (_get(args, kwargs, 0, "in_channels"),
                             _get(args, kwargs, 1, "out_channels"),
                             _get(args, kwargs, 2, "kernel_size"))
        if not isinstance(cout, int) or kernel is None:
            return _UNREADABLE
        layer = {"kind": "conv", "out_channels": cout, "kernel": _size(kernel),
                 "stride": _size(_get(args, kwargs, 3, "stride", default=1)),
                 "padding": _padding(_get(args, kwargs, 4, "padding", default=0)),
                 "dilation": _size(_get(args, kwargs, 5, "dilation", default=1)),
                 "groups": _get(args, kwargs, 6, "groups", default=1),
                 "bias": _get(args, kwargs, 7, "bias", default=True)}
        if cin is not None:
            layer["in_channels"] = cin
        if name == "conv1d":
            layer["dims"] = 1
        return _checked(layer)
    if name in ("maxpool2d", "avgpool2d", "maxpool1d", "avgpool1d"):
        kernel = _get(args, kwargs, 0, "kernel_size")
        if kernel is None:
            return _UNREADABLE
        stride = _get(args, kwargs, 1, "stride")
        padding = _get(args, kwargs, 2, "padding", default=0)
        ceil = kwargs.get("ceil_mode", False)
        layer = {"kind": "pool", "kernel": _size(kernel), "padding": _padding(padding),
                 "ceil_mode": ceil, "operation": "max" if name.startswith("max") else "average"}
        if stride is not None:
            layer["stride"] = _size(stride)
        if name.endswith("1d"):
            layer["dims"] = 1
        return _checked(layer)
    if name in ("adaptiveavgpool2d", "adaptivemaxpool2d"):
        output = _get(args, kwargs, 0, "output_size")
        if output is None:
            return _UNREADABLE
        return _checked({"kind": "adaptive_pool", "output": _size(output),
                         "operation": "max" if "max" in name else "average"})
    if name in ("batchnorm2d", "batchnorm1d"):
        return {"kind": "batchnorm", **_known("features", _get(args, kwargs, 0, "num_features"))}
    if name == "layernorm":
        size = _get(args, kwargs, 0, "normalized_shape")
        return {"kind": "layernorm", **_known("features", math.prod(size)
                                               if isinstance(size, tuple) else size)}
    if name == "linear":
        fin, fout = _get(args, kwargs, 0, "in_features"), _get(args, kwargs, 1, "out_features")
        if not isinstance(fout, int):
            return _UNREADABLE
        return _checked({"kind": "linear", "out_features": fout,
                         "bias": _get(args, kwargs, 2, "bias", default=True),
                         **_known("in_features", fin)})
    if name == "flatten":
        return {"kind": "flatten"}
    if name == "embedding":
        count, dim = _get(args, kwargs, 0, "num_embeddings"), _get(args, kwargs, 1,
                                                                  "embedding_dim")
        if not isinstance(count, int) or not isinstance(dim, int):
            return _UNREADABLE
        return {"kind": "embedding", "num_embeddings": count, "embedding_dim": dim}
    if name in ("lstm", "gru", "rnn"):
        size, hidden = _get(args, kwargs, 0, "input_size"), _get(args, kwargs, 1, "hidden_size")
        if not isinstance(hidden, int):
            return _UNREADABLE
        return _checked({"kind": "recurrent", "cell": name, "hidden_size": hidden,
                         "layers": _get(args, kwargs, 2, "num_layers", default=1),
                         "bias": _get(args, kwargs, 3, "bias", default=True),
                         "bidirectional": kwargs.get("bidirectional", False),
                         "bias_vectors": 2, **_known("input_size", size)})
    return _UNREADABLE


def _keras_layer(name: str, args: list, kwargs: dict):
    """One Keras layer as the walk's settings, or (input shape, layer) for a call that gives
    the model's input; None for a layer that changes nothing."""
    if name in ("input", "inputlayer"):
        shape = _channels_first(_get(args, kwargs, 0, "shape", "input_shape"))
        return (shape, None) if shape else _UNREADABLE
    given = kwargs.pop("input_shape", None)
    layer = _keras_settings(name, args, kwargs)
    if given is not None and layer is not _UNREADABLE:
        shape = _channels_first(given)
        return (shape, layer) if shape else _UNREADABLE
    return layer


def _keras_settings(name: str, args: list, kwargs: dict):
    if name in _PASS_THROUGH:
        return None
    if name in ("conv2d", "conv1d"):
        filters, kernel = _get(args, kwargs, 0, "filters"), _get(args, kwargs, 1, "kernel_size")
        if not isinstance(filters, int) or kernel is None:
            return _UNREADABLE
        layer = {"kind": "conv", "out_channels": filters, "kernel": _size(kernel),
                 "stride": _size(_get(args, kwargs, 2, "strides", "stride", default=1)),
                 "padding": _get(args, kwargs, 3, "padding", default="valid"),
                 "dilation": _size(kwargs.get("dilation_rate", 1)),
                 "groups": kwargs.get("groups", 1), "bias": kwargs.get("use_bias", True)}
        if name == "conv1d":
            layer["dims"] = 1
        return _checked(layer)
    if name in ("maxpooling2d", "averagepooling2d", "maxpool2d", "avgpool2d", "maxpooling1d",
                "averagepooling1d"):
        one_d = name.endswith("1d")
        kernel = _get(args, kwargs, 0, "pool_size", default=2)
        stride = _get(args, kwargs, 1, "strides", "stride")
        layer = {"kind": "pool", "kernel": _size(kernel),
                 "padding": _get(args, kwargs, 2, "padding", default="valid"),
                 "operation": "max" if name.startswith("max") else "average"}
        if stride is not None:
            layer["stride"] = _size(stride)
        if one_d:
            layer["dims"] = 1
        return _checked(layer)
    if name in ("globalaveragepooling2d", "globalmaxpooling2d", "globalaveragepooling1d",
                "globalmaxpooling1d"):
        return {"kind": "global_pool", "operation": "max" if "max" in name else "average"}
    if name == "flatten":
        return {"kind": "flatten"}
    if name == "dense":
        units = _get(args, kwargs, 0, "units")
        if not isinstance(units, int):
            return _UNREADABLE
        return _checked({"kind": "linear", "out_features": units,
                         "bias": kwargs.get("use_bias", True)})
    if name == "batchnormalization":
        return {"kind": "batchnorm"}
    if name == "layernormalization":
        return {"kind": "layernorm"}
    if name == "embedding":
        count, dim = _get(args, kwargs, 0, "input_dim"), _get(args, kwargs, 1, "output_dim")
        if not isinstance(count, int) or not isinstance(dim, int):
            return _UNREADABLE
        return {"kind": "embedding", "num_embeddings": count, "embedding_dim": dim}
    if name in ("lstm", "gru", "simplernn"):
        units = _get(args, kwargs, 0, "units")
        if not isinstance(units, int):
            return _UNREADABLE
        cell = {"simplernn": "rnn"}.get(name, name)
        # Keras's GRU keeps two bias vectors (reset_after=True, its default since TF 2)
        return _checked({"kind": "recurrent", "cell": cell, "hidden_size": units,
                         "bias": kwargs.get("use_bias", True),
                         "bias_vectors": 2 if cell == "gru" else 1})
    if name == "reshape":
        target = _get(args, kwargs, 0, "target_shape")
        shape = _channels_first(target)
        return {"kind": "reshape", "shape": list(shape)} if shape else _UNREADABLE
    return _UNREADABLE


def _checked(layer: dict):
    """The layer, or _UNREADABLE when a setting is not a number, a size or a mode."""
    for name, value in layer.items():
        if name in ("kind", "operation", "cell"):
            continue
        if value is None or value is _UNREADABLE:
            return _UNREADABLE
        if isinstance(value, str) and value not in ("same", "valid"):
            return _UNREADABLE
    return layer


def _known(name: str, value) -> dict:
    return {name: value} if isinstance(value, int) and not isinstance(value, bool) else {}


def _size(value):
    """An int, or a pair (a tuple of two) as a list; anything else as it is (checked later)."""
    if isinstance(value, tuple):
        if len(value) == 1:
            return value[0]
        return list(value) if value[0] != value[1] else value[0]
    return value


def _padding(value):
    return value if isinstance(value, str) else _size(value)


def _channels_first(shape) -> tuple[int, ...] | None:
    """A Keras shape (channels last, no batch) as the walk's (channels first)."""
    if not isinstance(shape, tuple):
        return None
    sizes = [s for s in shape if s is not None]
    if not sizes or len(sizes) != len(shape) or not all(isinstance(s, int) for s in sizes):
        return None
    return (sizes[-1], *sizes[:-1]) if len(sizes) > 1 else tuple(sizes)


# "-> reshape to 128x7x7 ->", "(view as 64x4x4)": a reshape written in words between calls
_RESHAPED = re.compile(r"[\s,;→>-]{0,6}+\(?(?:and\s++|then\s++)?(?:reshaped?|view(?:ed)?|"
                       r"unflatten(?:ed)?)\s++(?:it\s++)?(?:to|as|into)\s++"
                       r"(\d{1,5}+)\s*+[x×]\s*+(\d{1,5}+)\s*+[x×]\s*+(\d{1,5}+)\b", re.IGNORECASE)


def _reshaped_after(text: str, end: int) -> dict | None:
    """A reshape said in words right after the call that ends at `end` ("... -> reshape to
    128x7x7 -> ..."), as a layer; None when there is none."""
    said = _RESHAPED.match(text, end)
    return {"kind": "reshape", "shape": [int(said[1]), int(said[2]), int(said[3])]} \
        if said else None


def _words_around(text: str, calls: list) -> str:
    """The message without its calls' spans: where the input size is said in words."""
    pieces, position = [], 0
    for *_, start, end in calls:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return " ".join(pieces)


def _input_in_words(words: str, layers: list[dict],
                    channels_last: bool) -> tuple[int, ...] | None:
    """The input's shape (channels first) from the first size in the words that fits the
    first layer (see input_for); None when none does."""
    sizes = [[int(n) for n in match.groups() if n]
             for match in itertools.islice(_SIZE.finditer(_ERROR_SHAPES.sub(" ", words)), 8)]
    # a size with the channels ("3x64x64", "torch.randn(8, 3, 224, 224)") before one without
    # ("... # the big 7x7", "I'm switching to 64x64 images")
    for numbers in sorted(sizes, key=lambda numbers: len(numbers) < 3):
        shape = input_for(numbers, layers, channels_last=channels_last)
        if shape is not None:
            return shape
    first = layers[0]
    if first.get("dims") == 1 and "in_channels" in first:
        length = _LENGTH.search(words)
        if length:
            return (first["in_channels"], int(length[1] or length[2]))
    return None


def input_for(numbers: list[int], layers: list[dict], before: list[int] | None = None,
              channels_last: bool = False) -> tuple[int, ...] | None:
    """A size's numbers as the network's input (channels first): the first layer's input
    channels (or the input `before`'s) decide which end of "3x32x32" or "32x32x3" they are;
    two numbers are a map of that many channels (a signal's channels and length for a 1-d
    network). None when the numbers do not fit."""
    first = layers[0]
    channels = _first_channels(layers) or (before[0] if before else None)
    if len(numbers) == 4:
        numbers = numbers[1:]   # a batch first: "1x3x96x96", torch.randn(8, 3, 64, 64)
    if first.get("dims") == 1:
        if len(numbers) == 2 and (channels is None or numbers[0] == channels):
            return (numbers[0], numbers[1])
        if len(numbers) == 1 and channels is not None:
            return (channels, numbers[0])
        return None
    if len(numbers) == 3:
        if channels is None:
            # "32x32x3", "7x7x64" (channels last: the two sides alike, or Keras) or "3x32x32",
            # "512x7x7"
            last = numbers[0] == numbers[1] != numbers[2] or channels_last and not (
                numbers[1] == numbers[2] != numbers[0])
            return (numbers[2], numbers[0], numbers[1]) if last else tuple(numbers)
        if numbers[0] == channels and numbers[1] == numbers[2] or numbers[2] != channels:
            return tuple(numbers) if numbers[0] == channels else None
        return (numbers[2], numbers[0], numbers[1])
    if len(numbers) == 2 and channels is not None and min(numbers) > 4:
        return (channels, *numbers)
    if len(numbers) == 1 and channels is not None and numbers[0] > 4:
        return (channels, numbers[0], numbers[0])
    return None


def _first_channels(layers: list[dict]) -> int | None:
    """The channels the input has, as the first layer that says so takes them (pools before
    it keep them)."""
    for layer in layers:
        if layer["kind"] == "conv":
            return layer.get("in_channels")
        if layer["kind"] == "batchnorm":
            return layer.get("features")
        if layer["kind"] != "pool":
            return None
    return None


def _needs_input(layers: list[dict], words: str, framework: str) -> bool:
    """Whether the walk needs the input size: a size is asked, or a layer does not say what it
    takes (Keras's layers never do) and no layer before it settles it (an embedding does)."""
    if SIZE_OR_FLATTEN_ASKED.search(words):
        return True
    try:
        network_summary(layers, None, framework)
    except CalculationError:
        return True
    return False


def restates_a_layer(raw: str) -> bool:
    """Whether a message writes the same layer's call twice ("(a) params of nn.LSTM(300, 150)?
    (b) the full model is nn.Embedding(12000, 300) -> nn.LSTM(300, 150) -> ..."): parts that
    each ask about their own layers, not one model."""
    text = _COMMENT.sub(" ", raw)
    seen = set()
    for match in itertools.islice(_CALL.finditer(text), 4 * MAX_NETWORK_LAYERS):
        end = _closing(text, match.end())
        if end is None:
            continue
        call = " ".join(text[match.start(2):end].split()).lower()
        if call in seen and match[2].lower() not in _PASS_THROUGH:
            return True
        seen.add(call)
    return False


def _framework_calls(raw: str) -> tuple[str, bool, list | None]:
    """The message with its comments blanked to their length (where calls are stays put),
    whether it is Keras, and its layer calls as that framework names them (see _calls)."""
    text = _COMMENT.sub(_blank, raw)
    keras = bool(_KERAS_WORDS.search(text)) and not _TORCH_MODULE.search(text)
    return text, keras, _calls(text, _KERAS_LAYERS if keras else _TORCH_LAYERS)


def words_around_calls(raw: str) -> str:
    """A message without its layer calls: what the student says of the model, and asks."""
    return _words_around(raw, _framework_calls(raw)[2] or [])


def says_no_size(words: str) -> bool:
    """Whether the words around a model's calls (words_around_calls) hold no size at all: its
    input then cannot be found by any reader, and is asked for rather than made up from the
    calls' numbers."""
    return _SIZE.search(words) is None and _LENGTH.search(words) is None
