"""The entry points the dialogue calls: `parse_calculation` for a new message, `fill` for the next.

They tie the parts together: the intent picks the calculator, the slots read the values, a
reader builds the request. Kept apart so that the parts below never import the whole.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import replace

from service.calculators.params import GATES
from service.core.calcparse.forward import in_forward_order
from service.core.calcparse.intent import (
    ABOUT_THE_QUESTION,
    ASKS_THE_IDEA,
    CONCEPTUAL,
    CONV_WORDS,
    LINEAR,
    NOT_CALCULATED,
    NUMBER_ASKED,
    PREAMBLE,
    SIZE_ASKED,
    SIZE_WORDS,
    SYMBOLIC,
    asks_for_advice,
    wants,
)
from service.core.calcparse.matrices import find_matrix
from service.core.calcparse.networks import (
    SIZE_OR_FLATTEN_ASKED,
    input_for,
    read_network,
    says_no_size,
    words_around_calls,
)
from service.core.calcparse.notation import as_list, formula_values, pair, read_shapes
from service.core.calcparse.readers import (
    BUILDERS,
    FILTERS_ASSUMED,
    FLATTENED,
    MAX_CALLS,
    SIZE_MISMATCH,
    eigen_request,
    metrics_request,
    read_activation,
)
from service.core.calcparse.recurrent import recurrent_cell, recurrent_request
from service.core.calcparse.request import (
    ANCHORS,
    MODEL_LAYERS,
    TOGETHER,
    CalcRequest,
    finish_request,
)
from service.core.calcparse.slots import bias_said, find_slots, named_shape
from service.core.calcparse.spelling import correct_setting_names
from service.core.calcparse.stacks import LAYER_SETTINGS, read_stack, with_input
from service.core.calcparse.summaries import read_summary
from service.core.calcparse.tables import TableLayer, read_table
from service.core.calcparse.terse import spell_out
from service.core.textnorm import Message, as_message, prepare

_DIGIT = re.compile(r"\d")
_WHY = re.compile(rf"^{PREAMBLE}why\b")
# "final?", "at the end", "after each": a size asked for after several layers
_ONE = re.compile(r"\bone\b", re.IGNORECASE)
_AT_THE_END = re.compile(r"\bfinal\b|\bat the end\b|\bafter (?:each|both|all)\b")


def parse_calculation(message: Message | str) -> CalcRequest | None:
    """Read a calculation from a student's message, or None when it asks for none.

    A message that names a calculator's topic but no numbers at all (or only symbols such as
    M x N) is not a calculation: it is a question for the knowledge base. Nor is a "why",
    "does" or "how do" question that lacks what a calculation needs ("why does a stride of 2
    halve the size?"); one that has it all is still worked out.
    """
    message = as_message(message)
    if not _DIGIT.search(message.prepared):
        # every calculator reads numbers (number words are digits by now): a message without
        # any asks for none, and the readers need not run (most messages are such questions)
        return None
    if not _DIGIT.search(message.raw) and not _DIGIT.search(prepare(_ONE.sub(" ", message.raw))):
        # "why stack several layers instead of one huge one?": "one" the only number word, a
        # pronoun or an article, never a value
        return None
    summary = read_summary(message.raw)
    if summary is not None:
        return summary
    network = read_network(message.raw)
    text = _read(message)
    table = read_table(message.raw)
    if table is not None:
        # a table of layers is read by its columns, which the collapsed text no longer has
        request = _table_request(table, text, message.text.lower())
        if request is not None:
            return request
    request = _unknown_settings(
        _one_dimensional(_without_an_errors_shapes(_parse(text), text), text), text)
    variant = _WHAT_IF.search(message.prepared)
    if variant is not None and not (request is not None and request.also):
        # (a "what if" the readers work out beside the first themselves is theirs: "what if
        # I set ceil_mode=True?")
        request = _with_variant(message.prepared, variant) or request
    if network is not None and _walk_instead(network, request, message):
        # a model's code, walked whole, so that what each layer hands the next is counted
        # (or its input asked for, when no size is said: none is made up from its numbers)
        return network
    return request


def _walk_instead(network: CalcRequest, request: CalcRequest | None, message: Message) -> bool:
    """Whether a model's code is better walked whole than read by the other readers: they read
    nothing whole (nothing, or a request that lacks values), or less than is asked (sizes
    without the flatten or the total, some layers' counts without those the walk counts too:
    batch norms, embeddings, recurrent layers, a linear layer's "?" features)."""
    asked = words_around_calls(message.raw).lower()   # what is said and asked, not the code
    if request is None or not request.complete:
        return network.complete or says_no_size(asked)
    if not network.complete:
        # no size said around the code: a size worked out was made of the calls' numbers
        return request.calculator in ("stack", "conv") and says_no_size(asked)
    text = message.prepared
    if request.calculator == "stack":
        # (the parameters of some layers asked beside the size are the stack's: "final size?
        # and how many params does the second Conv2D have?")
        return bool(_TOTAL_ASKED.search(asked) or not request.also and "param" in asked or (
            FLATTENED.search(text) and "channels" not in request.args))
    if request.calculator == "params":
        return bool(SIZE_OR_FLATTEN_ASKED.search(asked) and "input" in network.args or
                    _UNCOUNTED_LAYER.search(text) or _FEATURES_ASKED.search(text))
    return False


# "nn.Linear(?, 10)", "Linear(???, 120)": a layer's features left for the walk to find
_FEATURES_ASKED = re.compile(r"\b(?:linear|dense)\s*+\(\s*+(?:in_features\s*+=\s*+)?\?")


# "..., and what if I change the stride to 2?", "what about patch 8 instead?": the same
# calculation again with a value changed, asked in the same message
_WHAT_IF = re.compile(r"\b(?:what\s++(?:if|about)|how\s++about)\b")
# how a changed value is named in the heading of the variant
_VALUE_NAMES = {"tp": "TP", "fp": "FP", "tn": "TN", "fn": "FN", "matrix": "W",
                "in_channels": "input channels", "out_channels": "output channels"}


def _with_variant(text: str, variant: re.Match) -> CalcRequest | None:
    """The calculation before a "what if" in the same message, with the one after it (its
    values changed as a follow-up would change them) worked out beside it; None when the part
    before is no complete calculation or the part after changes nothing. ("A 3x3 conv ... at
    stride 1, and what if I change the stride to 2?" gave stride 1 alone.)"""
    base = parse_calculation(text[:variant.start()])
    if base is None or not base.complete or base.asks is not None:
        return None
    changed = fill(replace(base, also=[], assumed=[]), text[variant.end():])
    if not changed.complete or changed.calculator != base.calculator or \
            changed.args == base.args:
        return None
    named = [f"{_VALUE_NAMES.get(name, name.replace('_', ' '))} {_shown(value)}"
             for name, value in changed.args.items() if base.args.get(name) != value]
    changed.title = "With " + ", ".join(named)
    base.also = [*base.also, changed]
    return base


def _shown(value) -> str:
    """A value as a heading shows it: 2, 8x8, [[1.2, 0], [0, 1.2]]."""
    if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
        return "x".join(map(str, value))
    return str(value)


def _without_an_errors_shapes(request: CalcRequest | None, text: str) -> CalcRequest | None:
    """A conv or pooling read from the shapes of a pasted matrix error ("mat1 and mat2 shapes
    cannot be multiplied (1x12544 and 4096x10) ... would global average pooling fix this?" was
    a 1 x 12544 pool over a 4096 x 10 input) read again without them: they are a linear
    layer's matrices, no image's or kernel's sides."""
    if request is None or request.calculator != "conv":
        return request
    mismatch = SIZE_MISMATCH.search(text)
    if mismatch is None:
        return request
    # the two matrices' sides: the numbers up to the bracket that closes them
    close = min((i for i in (text.find(")", mismatch.end()), text.find("]", mismatch.end()))
                 if i >= 0), default=mismatch.end())
    end = min(close, mismatch.end() + 60)
    shapes = {int(n) for n in _SIDE.findall(text, mismatch.start(), end)}
    if not _reads_sides_of(request, shapes):
        return request
    again = _parse(f"{text[:mismatch.start()]} {text[end + 1:]}")
    return None if again is not None and again.calculator == "conv" and \
        _reads_sides_of(again, shapes) else again


def _reads_sides_of(request: CalcRequest, shapes: set[int]) -> bool:
    """Whether a conv request's input or kernel has a side among `shapes`."""
    return any(side in shapes for key in ("input", "kernel")
               for side in as_list(request.args.get(key) or []))


_SIDE = re.compile(r"\d{1,7}+")


# "nn.Conv1d(16, 32, 5)", "MaxPool1d(2)", "a Conv1d on ...": a layer over a sequence; "conv2d"
# or "2d conv" beside it leaves which is meant to the layers' own words
_ONE_D_CALL = re.compile(r"\b(?:conv(?:transpose)?|maxpool|avgpool)1d\b|\b1-?d\s++conv")
# a 1-D input's length: "a sequence of length 100", "seq_len=512", "200 time steps"
_LENGTH = re.compile(r"\b(?:length|len|seq_len)\s*+(?:of\s++|=\s*+|:\s*+|is\s++)?(\d{1,7}+)\b|"
                     r"(?<![\w.])(\d{1,7}+)\s++(?:time\s*+steps|timesteps|tokens|samples)\b")
_TWO_D = re.compile(r"\b(?:conv(?:transpose)?|maxpool|avgpool)[23]d\b|\b[23]-?d\b")


def _one_dimensional(request: CalcRequest | None, text: str) -> CalcRequest | None:
    """A 1-D layer's request as the 2-D one it equals: a 1 x k kernel over a 1 x L input,
    padded along its length only, the input's length read from "a sequence of length 100".
    Read as 2-D, "nn.Conv1d(16, 32, 5)" had 5 x 5 x 16 x 32 weights."""
    if request is None or request.calculator not in ("conv", "params", "stack") or \
            not _ONE_D_CALL.search(text) or _TWO_D.search(text):
        return request
    if request.calculator == "stack":
        return _stack_one_dimensional(request, text)
    if request.calculator == "conv" and "input" not in request.args and \
            (length := _length_said(text)) is not None:
        request = finish_request("conv", {**request.args, "input": length}, request.missing,
                                 request.assumed)
    read = _as_one_dimensional(request)
    return replace(read, assumed=[
        *read.assumed, "a 1-D layer, worked out as a 1 x k kernel over a 1 x L input"])


def _stack_one_dimensional(request: CalcRequest, text: str) -> CalcRequest:
    """A stack of 1-D layers ("nn.Conv1d(1, 32, kernel_size=80, stride=4), nn.MaxPool1d(4)" over
    "8000 samples") as 2-D layers of 1 x k kernels over a 1 x L input, each setting along the
    length only; the input is the length said, not another number of the text ("8 kHz")."""
    length = _length_said(text)
    args = dict(request.args) if length is None else {**request.args, "input": length}
    if "input" in args and not isinstance(args["input"], int):
        return request   # a 2-D size beside 1-D layers: left as read
    args = _lengthwise(args, ("input",))
    layers = [_lengthwise(layer, ("kernel", "stride", "dilation", "padding"))
              for layer in args.get("layers", [])]
    missing = [m for m in request.missing if m != "input" or "input" not in args]
    return replace(request, args={**args, "layers": layers}, missing=missing, assumed=[
        *request.assumed, "1-D layers, worked out as 1 x k kernels over a 1 x L input"])


def _as_one_dimensional(request: CalcRequest) -> CalcRequest:
    """`request` (and the conv and params requests it asks beside itself) with an int kernel
    and input as 1 x k and 1 x L, an int padding along the length only."""
    return replace(request, args=_lengthwise(request.args, ("kernel", "input", "padding")),
                   also=[_as_one_dimensional(other) for other in request.also
                         if other.calculator in ("conv", "params")])


# What a 1-D setting is across the length, as the 2-D one it equals (1 x k, 1 x L, padding 0 x p)
_ACROSS = {"kernel": 1, "input": 1, "stride": 1, "dilation": 1, "padding": 0}


def _lengthwise(settings: dict, names: tuple[str, ...]) -> dict:
    """`settings` with each of `names` given as one int turned into [across, along the length]."""
    return {name: [_ACROSS[name], value] if name in names and isinstance(value, int) else value
            for name, value in settings.items()}


def _length_said(text: str) -> int | None:
    """The length of a 1-D input the text says ("a sequence of length 100", "8000 samples")."""
    length = _LENGTH.search(text)
    return int(length[1] or length[2]) if length is not None else None


# A setting the student says they do not know: "I don't remember what padding we used", "the
# stride was either 1 or 2", "padding=pad" (a variable of their code)
_UNKNOWN_SETTING = re.compile(
    r"\b(?:don\W?t|do\s++not|can\W?t|cannot|no\s++longer)\s++(?:remember|recall|know)\s++"
    r"(?:what\s++|which\s++|the\s++|what\s++the\s++)?(?:\w++\s++)?(stride|padding|dilation)\b|"
    r"\b(stride|padding|dilation)\s++(?:was|is)\s++(?:either\s++\d{1,3}+\s++or\s++\d{1,3}+|"
    r"unknown|not\s++given|missing)\b|"
    r"\bforgot\s++(?:the\s++|what\s++)?(stride|padding|dilation)\b|"
    r"\b(padding|stride)s?\s*+=\s*+(?!(?:same|valid|full|none|true|false)\b)[a-z_][a-z_\d]*+\b")


def _unknown_settings(request: CalcRequest | None, text: str) -> CalcRequest | None:
    """An output size whose stride, padding or dilation the student says they do not know is
    asked about (they are said to be unknown, not left out: no default is assumed)."""
    if request is None or request.calculator != "conv":
        return request
    unknown = [next(g for g in found.groups() if g) for found in
               itertools.islice(_UNKNOWN_SETTING.finditer(text), 3)]
    if not unknown:
        return request
    named = find_slots(text)
    unknown = [name for name in unknown if name not in named]
    if not unknown:
        return request
    args = {name: value for name, value in request.args.items() if name not in unknown}
    return replace(request, args=args, missing=[*request.missing, *dict.fromkeys(unknown)],
                   assumed=[a for a in request.assumed
                            if not any(name in a for name in unknown)])


# "after layer 4", "after conv2", "after the second pooling layer" is not read (all layers)
_AFTER_ROW = re.compile(r"\bafter\s++(?:layer\s*+)?(\d{1,2}+|[a-z]++\d{1,2}+)\b")


def _layers_counted(text: str, slots: dict) -> list[CalcRequest]:
    """The parameters of the layers of a stack whose size and parameters are both asked ("final
    spatial size? and how many params does the second Conv2D have?"), layer by layer; [] when
    they cannot all be counted."""
    params = BUILDERS["params"](text, slots)
    if not params.complete or params.asks != TOGETHER:
        return []
    layers = [replace(params, also=[], asks=None), *params.also]
    return layers if all(layer.complete for layer in layers) else []


def _table_request(layers: list[TableLayer], text: str, written: str) -> CalcRequest | None:
    """A request for a table of layers: their parameters added up (each conv's kernel and
    channels, its input channels the layer before's), or the size through them (up to the
    layer asked after, found in the text as `written`, whose row names the reading has not
    respelt) and, when the output is flattened, the values it gives; None when neither can be
    read from it."""
    slots = find_slots(text)
    shape = named_shape(slots)
    if wants(text) == "params":
        depth = shape[2] if shape else None
        bias = bias_said(text)
        counts = []
        for layer in (layer for layer in layers if not layer.pool):
            cin = layer.settings.get("in_channels", depth)
            cout = layer.settings.get("out_channels")
            if not cin or not cout:
                return None
            counts.append(CalcRequest(
                "params", {"kernel": layer.settings["kernel"], "in_channels": cin,
                           "out_channels": cout, **({} if bias is None else {"bias": bias})},
                [], [] if bias is not None else ["with bias"]))
            depth = cout
        if len(counts) < 2:
            return None
        first, *others = counts
        first.also, first.asks = others, TOGETHER
        return first
    after = _AFTER_ROW.search(written)
    if after is not None:
        names = [layer.name for layer in layers]
        end = int(after[1]) if after[1].isdigit() else next(
            (n + 1 for n, name in enumerate(names) if after[1] in name.split()), len(layers))
        layers = layers[:end] if 1 <= end <= len(layers) else layers
    stack = [{**{name: value for name, value in layer.settings.items()
                 if name in ("kernel", "stride", "padding")},
              **({"operation": "pool"} if layer.pool else {})} for layer in layers]
    request = with_input(stack, slots.get("input") or shape, slots["_leftover"], "")
    filters = [layer.settings["out_channels"] for layer in layers
               if not layer.pool and "out_channels" in layer.settings]
    if request.complete and FLATTENED.search(text) and filters and isinstance(filters[-1], int):
        request.args["channels"] = filters[-1]
    return request


def _parse(text: str) -> CalcRequest | None:
    """parse_calculation on text already read (`_read`), whether or not it holds a digit."""
    calculator = wants(text)
    if calculator is None and not CONV_WORDS.search(text):
        return None
    if calculator == "eigen":
        return eigen_request(text)
    if calculator == "metrics":
        return metrics_request(text, find_slots(text))
    if calculator == "params" and recurrent_cell(text):
        request = recurrent_request(text, {})
        # a size of the student's own, and a request for a number: "why does an LSTM with 2
        # layers have more parameters?" asks about the idea
        if request is None or not any(k in request.args for k in ANCHORS["params"]):
            return None
        if _more_layers_than_counted(text, request):
            return CalcRequest("params", {}, [MODEL_LAYERS], [])   # "an Embedding, an LSTM ..."
        return request if request.complete or not (
            CONCEPTUAL.match(text) or ABOUT_THE_QUESTION.search(text)) else None
    if SYMBOLIC.search(text) and not _SYMBOLS_GIVEN_VALUES.search(text) or \
            NOT_CALCULATED.search(text) or (
            asks_for_advice(text)) or (
            ASKS_THE_IDEA.search(text) and not NUMBER_ASKED.search(text)):
        return None
    about_the_question = ABOUT_THE_QUESTION.search(text) is not None
    slots = find_slots(text)
    named = {k for k in slots if not k.startswith("_")}
    leftover = slots["_leftover"]
    if not named and not leftover:
        return None
    asks_a_size = (SIZE_ASKED if calculator == "params" else SIZE_WORDS).search(text)
    size_asked = calculator in (None, "conv", "params") and (
        asks_a_size or _AT_THE_END.search(text)) or \
        calculator in (None, "conv") and FLATTENED.search(text)
    if size_asked or calculator in (None, "conv"):
        stack = read_stack(text, slots)
        # layers whose size is not asked in words are taken when they are all there ("64x64
        # input: a 3x3 conv with padding 1, then maxpool 2x2" was a 3 x 3 pool, read as one)
        if stack is not None and (size_asked or stack.complete):
            # several layers: worked out in turn, or asked about, never one layer of them
            asks_about_the_idea = CONCEPTUAL.match(text) or about_the_question
            if stack.complete and _SIZE_AND_PARAMS.search(text):
                stack.also = _layers_counted(text, slots)
            return stack if stack.complete or not asks_about_the_idea else None
    if calculator is None:
        # no "output"/"size" word, but a kernel and an input size still ask for one; a lone
        # number ("two stacked 3x3 convs") is not an input size
        if "kernel" not in named or ("input" not in named and
                                     not any(len(size) > 1 for size in leftover)):
            return None
        calculator = "conv"
    if calculator == "conv" and _WHY.match(text) and "input" not in named:
        # "why do people use 3x3 kernels instead of 7x7 ones?": sizes compared in a question
        # about the idea, none of them named as the input to work out
        return None
    request = BUILDERS[calculator](text, slots)
    if request.calculator == "params" and _more_layers_than_counted(text, request):
        # "total params of this LeNet: conv1 ..., conv2 ..., then fc 400 -> 120 -> 84 -> 10":
        # one layer's count, or some layers' sum, would be given as the model's
        return CalcRequest("params", {}, [MODEL_LAYERS], [])
    if calculator in ("conv", "params") and _SIZE_AND_PARAMS.search(text):
        request = _size_and_params(text, slots, request) or request
    if request.calculator == "conv" and request.complete and FLATTENED.search(text):
        request = _one_layer_flattened(request, slots) or request
    if not request.complete and (CONCEPTUAL.match(text) or about_the_question):
        # "does padding 1 keep the size of a 3x3 conv?" asks about the idea, not for numbers
        return None
    if not any(slot in request.args for slot in ANCHORS[request.calculator]):
        # only settings ("with stride 2 and zero padding", "patches overlapping at stride 1"):
        # nothing to compute them on, so the question is about the idea
        return None
    return request


# The exam's symbols given values ("H = W = 16, C = 3, h = w = 4", "M = 33 and N = 65"): the
# question in symbols with its numbers, to be worked out (two values at least)
_SYMBOLS_GIVEN_VALUES = re.compile(r"\b[hwcmnkps]\s*+=\s*+(?:[hwcmn]\s*+=\s*+)?\d[^=]{0,40}?"
                                   r"\b[hwcmnkps]\s*+=\s*+\d|"
                                   # (notation.read_shapes writes "M = 33 and N = 65" so)
                                   r"\binput\s++\d{1,5}+x\d{1,5}+|"
                                   # "a 16x40 feature map (H x W)": a size and its sides' names
                                   r"\d(?:\s++[a-z]++){0,3}+\s*+\(\s*+[hw]\s*+[x,]\s*+[hw]\s*+\)|"
                                   # "6x6x4 image, 2x2 patches ... compute P, P^2 and P^2*h*w*C":
                                   # the image and its patches in numbers, the symbols asked
                                   r"\d\s*+x\s*+\d{1,5}+\s*+x\s*+\d{1,5}+\s++(?:image|input|picture)"
                                   r"[^.?]{0,40}?\d\s*+x\s*+\d{1,3}+\s++(?:patch|pixel\s++patch)")
# A count asked of a whole model, not of one layer
_TOTAL_ASKED = re.compile(r"\btotal\b|\baltogether\b|\bwhole\s++(?:model|network|net|cnn)\b|"
                          r"\bnumel\b|\.parameters\(\)|\bcount_params\b|"
                          r"\ball\s++(?:the\s++)?layers\b|\b(?:this|my|the)\s++(?:small\s++)?"
                          r"(?:cnn|model|network|net|lenet\S*+|architecture)\b")
# Layers no parameter count here covers, which a model's total would include
_UNCOUNTED_LAYER = re.compile(r"batch\s*+norm|layer\s*+norm|\bnn\.embedding\b|\bembedding\s*+"
                              r"(?:layer|\()|\bbn\b")


def _more_layers_than_counted(text: str, request: CalcRequest) -> bool:
    """Whether a parameter count is given for fewer layers than the text calls in code (layers
    added up: "Conv2D, MaxPooling2D, Conv2D, ..., Flatten, Dense(10)", whose Dense reads the
    flattened size), or a count of one layer is asked as a model's total that holds other
    layers too: more layer calls, convolutions beside a linear layer counted alone or the other
    way round, or a normalisation or embedding layer."""
    if request.asks == TOGETHER:
        counted = [request, *request.also]
        calls = _layer_calls(text)
        if calls:
            return calls > len(counted)
        # layers in words: as many convolutions named as counted ("conv 5x5 with 6 filters,
        # conv 5x5 with 16 filters, then fully connected 400->120->84->10" had one convolution
        # made of the head's widths)
        convolutions = sum(1 for layer in counted if layer.args.get("layer", "conv2d") == "conv2d")
        named = sum(1 for _ in itertools.islice(_CONV_NAMED.finditer(text), MAX_CALLS + 2))
        return named > convolutions
    if not request.also and request.args.get("layers", 1) == 1 and _several_layers(text):
        # "conv 5x5 -> 48 filters, conv 3x3 -> 96 filters, ... then a linear layer. how many
        # params?", a table of enc1 ... dec2: one layer read of several is no model's count,
        # whether or not "total" is said
        return True
    if not _TOTAL_ASKED.search(text):
        return False
    said = _LAYERS_SAID.search(text)
    if said is not None and request.args.get("layer", "conv2d") == "conv2d" and \
            int(said[1]) > request.args.get("layers", 1):
        return True   # "3-layer conv stack ... the third ... can't remember": one layer read
    if _layer_calls(text) > (2 if request.args.get("separable") else 1):
        return True   # "nn.Sequential(nn.Conv2d(...), nn.BatchNorm2d(...), nn.Conv2d(...))"
    layer = request.args.get("layer", "conv2d")
    if _UNCOUNTED_LAYER.search(text):
        return True
    if layer == "linear":
        return bool(_CONV_LAYER.search(text))
    if layer == "conv2d" and not request.args.get("separable"):
        return bool(LINEAR.search(text) or _LINEAR_LAYER.search(text))
    return layer in GATES and bool(LINEAR.search(text) or _LINEAR_LAYER.search(text) or
                                             _CONV_LAYER.search(text))


_CONV_LAYER = re.compile(r"\bconv(?:olution(?:al)?)?\d?\b|\bconv2d\b")
# A convolution named as one layer ("conv 5x5 with 6 filters", "conv2: 32->64"), not the
# convolutions together ("conv parameters", "3 conv layers")
_CONV_NAMED = re.compile(r"\bconv(?:olution(?:al)?)?\d?\b(?!\s*+(?:param|weight|layers\b|nets?\b|"
                         r"stack|blocks\b|counts?\b|part))")
# "a 3-layer conv stack", "three conv layers": how many layers the model has
_LAYERS_SAID = re.compile(r"(?<![\w.])([2-9])[\s-]*+(?:conv\w*+\s++)?layers?\b")
_LINEAR_LAYER = re.compile(r"\blinear\b|\bfc\d?\b")
# A layer with parameters called in code ("nn.Conv2d(", "layers.Dense(", the reading's
# "kerasconv2d("): a model's total counts every one of them
_LAYER_CALL = re.compile(r"\b(?:keras)?(?:conv[123]d(?:transpose)?|convtranspose[123]d|linear|"
                         r"dense|batchnorm[123]d|batchnormalization|layernorm|"
                         r"layernormalization|embedding|lstm|gru|simplernn|rnn|"
                         r"separableconv[12]d|depthwiseconv2d)\s*+\(")


# Layers with their own names ("conv1 ... conv2", "| enc1 | ... | dec2 |", "fc1, fc2")
_NUMBERED_LAYER = re.compile(r"\b(conv|fc|enc|dec|linear|dense|layer)\s?+([1-9])\b")
# A convolution with its numbers ("conv 5x5", "conv(3,32,k=3)", "conv3x3"), each another layer
_CONV_WITH_NUMBERS = re.compile(r"\bconv(?:olution)?(?!\d?d\b)\w*+\s*+\(?\s*+\d")
# A layer in a chain: "-> conv", "-> fc 10", "-> flatten -> linear"
_CHAINED_LAYER = re.compile(r"->\s*+(?:an?\s++)?(?:conv|fc|linear|dense|lstm|gru|embedding|"
                            r"max\s*+pool|pool|avg\s*+pool|flatten|bn|batch\s*+norm)")


def _several_layers(text: str) -> bool:
    """Whether a text tells a model of several layers: two layers named with numbers, two
    convolutions given their numbers, or two layers in a chain of arrows."""
    names = {m.groups() for m in itertools.islice(_NUMBERED_LAYER.finditer(text), MAX_CALLS + 2)}
    convolutions = sum(1 for _ in itertools.islice(_CONV_WITH_NUMBERS.finditer(text), 3))
    chained = sum(1 for _ in itertools.islice(_CHAINED_LAYER.finditer(text), 3))
    return len(names) >= 2 or convolutions >= 2 or chained >= 2


def _layer_calls(text: str) -> int:
    """How many layers with parameters the text calls (see _LAYER_CALL), up to a bound."""
    return sum(1 for _ in itertools.islice(_LAYER_CALL.finditer(text), MAX_CALLS + 2))


def _one_layer_flattened(request: CalcRequest, slots: dict) -> CalcRequest | None:
    """One layer whose output is flattened ("... 2x2 max pooling on a 112x112x64 activation,
    and how long once flattened?"), as a stack of one layer with the channels it gives: a pool
    keeps its input's, a convolution gives its filters (named, never assumed); None when they
    are not known."""
    if request.args.get("operation") == "pool":
        shape = named_shape(slots)
        channels = shape[2] if shape else None
    else:
        channels = request.args.get("out_channels")
    if not channels:
        return None
    layer = {name: value for name, value in request.args.items() if name in LAYER_SETTINGS}
    return CalcRequest("stack", {"input": request.args["input"], "layers": [layer],
                                 "channels": channels}, [], request.assumed)


# "output size and param count", "params and output size", "output shape and how many
# parameters", "out size + # of params", "weights+biases and shape"
# (asked in two questions too: "output length? and how many params?")
# (what lies between: no question or sentence end, a dot of code allowed: "nn.conv2d(3, 16, 5)")
_GAP = r"(?:[^?.]|\.(?=\w)){0,40}?"
# "out" for the output, not a count of channels out ("params for 3x3, 128 in, 256 out")
_OUT = r"(?<!\d )\bout\b"
_SIZE_AND_PARAMS = re.compile(
    rf"(?:output|{_OUT}|size|shape|dims?\b){_GAP}\??+\s*+(?:\band\b|&|\+|,){_GAP}"
    rf"(?:param|weights)|"
    rf"(?:param|weights){_GAP}\??+\s*+(?:\band\b|&|\+|,){_GAP}"
    rf"(?:output|{_OUT}|size|shape|dims?\b)")


def _size_and_params(text: str, slots: dict, built: CalcRequest) -> CalcRequest | None:
    """The output size with the parameter count after it, when a message asks for both and
    has all that each needs (the channels given, not assumed); else None. `built` is the
    request already read for one of the two, so only the other is built here."""
    size = built if built.calculator == "conv" else BUILDERS["conv"](text, slots)
    params = built if built.calculator == "params" else BUILDERS["params"](text, slots)
    if not size.complete or not params.complete or FILTERS_ASSUMED.intersection(params.assumed):
        return None
    size.also = [params]
    return size


def fill(request: CalcRequest, message: Message | str) -> CalcRequest:
    """Complete or change a calculation with the values named in the student's next message.

    Named values ("kernel 3", "stride 1") replace their slot; a bare size ("28x28", "3") goes
    to the first missing slot. The result is rebuilt with the same rules as a fresh parse, and
    keeps the settings the message does not touch (operation, bias, ...), because the builders
    read those from the previous arguments when the new text does not name them.
    """
    text = _read(message)
    if request.calculator == "eigen":
        return _fill_eigen(request, text)
    if request.calculator == "stack":
        return _fill_stack(request, text)
    if request.calculator == "network":
        return _fill_network(request, as_message(message).raw, text)
    slots = find_slots(text)
    leftover = slots.pop("_leftover")
    args = dict(request.args)
    args.update({name: value for name, value in slots.items() if not name.startswith("_")})
    _fill_missing(request, args, leftover)
    return BUILDERS[request.calculator](text, {**args, "_leftover": []})


def _read(message: Message | str) -> str:
    """The prepared text with a model's layers in the order its forward pass calls them,
    setting names spelt right and written out, values set "to" a number said as settings
    ("the stride to 2": "stride 2"), and sizes in H x W x C order."""
    text = correct_setting_names(formula_values(in_forward_order(as_message(message).prepared)))
    text = _PRODUCT_IN_CALL.sub(_multiplied, text)
    return read_shapes(spell_out(_SET_TO.sub(_set_to, text)))


# A layer's size written as a product in its call: "nn.Linear(64*7*7, 10)" (the flattened size)
_PRODUCT_IN_CALL = re.compile(r"\b((?:linear|dense|conv[123]d)\s*+\(\s*+(?:in_features\s*+=\s*+)?)"
                              r"(\d{1,5}+(?:\s*+\*\s*+\d{1,5}+){1,3}+)(?=\s*+[,)])")


def _multiplied(match: re.Match) -> str:
    return match[1] + str(math.prod(int(n) for n in match[2].split("*")))


# "change the stride to 2", "the false positives go up to 60", "padding is increased to 2"
_SET_TO = re.compile(r"\b(stride|padding|dilation|kernel(?:\s++size)?|(?:true|false)\s++"
                     r"(?:positives|negatives)|tp|fp|tn|fn)\s++(?:(?:goes|go|went)\s++(?:up\s++|"
                     r"down\s++)?|(?:is|are)\s++(?:changed|increased|reduced|raised|lowered|set)"
                     r"\s++|(?:changes|increases|drops|rises|falls)\s++)?to\s++(\d{1,7}+)\b")
_COUNT_WORDS = {"true positives": "tp", "false positives": "fp", "true negatives": "tn",
                "false negatives": "fn"}


def _set_to(match: re.Match) -> str:
    name = " ".join(match[1].split())
    return f"{_COUNT_WORDS.get(name, name)} {match[2]}"


def _fill_missing(request: CalcRequest, args: dict, leftover: list[list[int]]) -> None:
    """Give unnamed sizes, in order, to the slots the request was still missing."""
    for missing in request.missing:
        if missing in args or not leftover:
            continue
        numbers = leftover.pop(0)
        if missing == "channels" and "input" in args:
            args["input"] = [*as_list(args["input"]), numbers[0]]
        elif missing in ("in_channels", "in_features", "out_features", "tokens", "dim"):
            args[missing] = numbers[0]
        elif missing == "input" and len(numbers) == 3:
            args[missing] = numbers  # H x W x C: the builder takes what it needs
        else:
            args[missing] = pair(numbers)


def _fill_stack(request: CalcRequest, text: str) -> CalcRequest:
    """A stack of layers with a new input ("what about 256x256?"), its layers kept; or, when
    the message lists layers again, those layers (with the input it names, or the one
    before)."""
    relisted = read_stack(text)
    if relisted is not None and "layers" in relisted.args:
        if "input" not in relisted.args and "input" in request.args:
            return CalcRequest("stack", {**relisted.args, "input": request.args["input"]})
        return relisted
    slots = find_slots(text)
    size = slots.get("input") or next(iter(slots["_leftover"]), None)
    args = dict(request.args)
    if size is not None:
        size = as_list(size)[:2] if isinstance(size, list) else [size, size]
        args["input"] = size if size[0] != size[1] else size[0]
    return CalcRequest("stack", args, [m for m in ("input", "layers") if m not in args])


def _fill_network(request: CalcRequest, written: str, text: str) -> CalcRequest:
    """A network with the model written out again, a new input ("what about 64x64?", the size
    it lacked) or a bias said for every layer ("no bias"); its layers kept otherwise."""
    relisted = read_network(written)
    if relisted is not None:
        return relisted
    args = {**request.args, "layers": [dict(layer) for layer in request.args["layers"]]}
    slots = find_slots(text)
    size = slots.get("input") or next(iter(slots["_leftover"]), None)
    if size is not None:
        shape = input_for(as_list(size), args["layers"], args.get("input"))
        if shape is not None:
            args["input"] = list(shape)
    bias = bias_said(text)
    if bias is not None:
        for layer in args["layers"]:
            if layer["kind"] in ("conv", "linear", "recurrent"):
                layer["bias"] = bias
    missing = [name for name in request.missing if name not in args]
    return CalcRequest("network", args, missing)


def _fill_eigen(request: CalcRequest, text: str) -> CalcRequest:
    """Replace the matrix and/or the activation of a recurrent-gradient request."""
    args = dict(request.args)
    matrix = find_matrix(text)
    if matrix is not None:
        args["matrix"] = matrix
    activation = read_activation(text)
    if activation:
        args["activation"] = activation
    return finish_request("eigen", args, [], [] if "activation" in args else
                          ["identity (linear) activation"])
