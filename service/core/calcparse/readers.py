"""The per-calculator readers: from filled slots and the text's words to a `CalcRequest`.

One builder per calculator (conv output size, parameter counts, attention cost, the recurrent
eigenvalue check, classification metrics), each listing the defaults it assumed; `BUILDERS`
maps a calculator's name to its builder. Kept apart from the slots: these decide what the
values mean for one calculator (an unnamed size is an input here, a kernel there).
"""

from __future__ import annotations

import itertools
import math
import re

from service.calculators.metrics import NEEDS as METRIC_NEEDS
from service.core.calcparse.confusion import has_table, read_counts
from service.core.calcparse.intent import (
    F1_ASKED,
    LINEAR,
    NEEDS_CHANNELS,
    PATCH_COUNT,
    PRECISION_GIVEN,
    RECALL_GIVEN,
    SEQUENCE_LENGTH,
    TRUE_LABELS_START,
    counts_in_words,
)
from service.core.calcparse.matrices import find_matrix
from service.core.calcparse.notation import SIZE, XSIZE, as_list, pair, parse_size
from service.core.calcparse.recurrent import recurrent_request
from service.core.calcparse.request import (
    COUNTS_AGAINST_TOTAL,
    COUNTS_BY_NAME,
    COUNTS_IN_WORDS,
    DOT_PRODUCTS_ONLY,
    PATCHES_ONLY,
    REQUIRED,
    SOME_METRICS,
    TOGETHER,
    CalcRequest,
    finish_request,
)
from service.core.calcparse.slots import TORCH_CONV, find_slots, named_shape, read_bias
from service.core.calcparse.stories import counts_settled_by_story

_RGB = re.compile(r"\b(?:rgb|colou?r)\b")
_GREY = re.compile(r"\b(?:gr[ae]yscale|mnist|single[\s-]channel)\b")
_TRANSPOSED = re.compile(r"transpos|deconv|up-?conv|fractionally")
_POOL = re.compile(r"pool")
_CEIL_MODE = re.compile(r"ceil[\s_-]*+mode(?!\s*+=\s*+false)")
# "gives what size? and what if I set ceil_mode=True?": both roundings asked
_CEIL_ASKED_AFTER = re.compile(r"\b(?:what if|and if|and with|what about|vs|versus|compared?|"
                               r"instead)\b[^.?!]{0,40}?ceil[\s_-]*+mode")
_DEPTHWISE = re.compile(r"depthwise")
_SEPARABLE = re.compile(r"separable")
# A Flatten: a map's values become features (of a linear layer, or of a stack's output)
# (and "how many values come out in total": the map's values counted)
FLATTENED = re.compile(r"\bflatten|\bhow\s++many\s++(?:values|numbers|activations)\b[^.?]{0,30}+"
                       r"(?<=\btotal)\b|"
                       # PyTorch's flatten in code: "x.view(x.size(0), -1)", ".reshape(b, -1)"
                       r"\.(?:view|reshape)\s*+\([^;]{0,30}?,\s*+-\s*+1\s*+\)")
_DEPTH_MULTIPLIER = re.compile(r"\bdepth[\s_]?multiplier\s*+(?:=|:|of|is)?\s*+(\d{1,3}+)\b")
# "3x3 depthwise ... then a 1x1 pointwise conv" (pointwise is spelt 1x1 by now): the two
# layers of a depthwise-separable block, named one after the other
_DEPTHWISE_THEN_POINTWISE = re.compile(r"depthwise.{0,80}?(?<![\w.])1\s*+x\s*+1(?![\w.])|"
                                       r"(?<![\w.])1\s*+x\s*+1(?![\w.]).{0,80}?depthwise")
# the depthwise layer's own kernel: the size next to its word
_DEPTHWISE_KERNEL = re.compile(rf"({XSIZE})\s*+depthwise|depthwise\s++(?:conv\w*+\s++)?({XSIZE})")
_ONE_FILTER = re.compile(r"\b(?:1|a|an|single)\s++(?:\w++\s++)?(?:filter|kernel)\b")
_ONE_CHANNEL = re.compile(r"mnist|gr[ae]yscale|single[\s-]channel|1[\s-]channel|black and white")
_VIT = re.compile(r"\bvit\b|vision transformer")
_THREE_CHANNELS = re.compile(r"rgb|colou?r|cifar|imagenet|\bvit\b")
_NON_OVERLAPPING = re.compile(r"non[\s-]?overlapping|\bno overlap|\bwithout overlap|"
                             r"\bdon t overlap|\bdo not overlap|\bdisjoint")
_IDENTITY = re.compile(r"(?<![\w-])linear\b|identity|\bno\s++(?:non-?linearity|activation)|"
                       r"\bwithout\s++(?:(?:a|any)\s++)?(?:non-?linearity|activation)")


def _image_depth(text: str) -> tuple[int, str] | None:
    """The channels an image word implies ("rgb" 3, "mnist" 1) and the note that says so."""
    if _RGB.search(text):
        return 3, "3 input channels (RGB)"
    if _GREY.search(text):
        return 1, "1 input channel (greyscale)"
    return None


def _operation(text: str, slots: dict) -> str | None:
    """"transposed" or "pool" from the words, else the earlier request's operation."""
    if _TRANSPOSED.search(text):
        return "transposed"
    if _POOL.search(text):
        return "pool"
    return slots.get("operation")


def _conv_request(text: str, slots: dict) -> CalcRequest:
    """A conv_output request, with the defaults it assumed (stride, padding) listed."""
    operation = _operation(text, slots)
    args, depth = _conv_sizes(slots, operation)
    assumed: list[str] = []
    if operation:
        args["operation"] = operation
    if operation == "pool" and (_CEIL_MODE.search(text) or slots.get("ceil_mode")):
        args["ceil_mode"] = True
    if args.get("padding") == "zero":
        # "zero padding" in this course (seed Q1) means size-preserving padding
        args["padding"] = "same"
        assumed.append('"zero padding" read as size-preserving ("same") padding; '
                       "say `padding 0` for none")
    if "stride" not in args:
        default = "the kernel size" if operation == "pool" else "1"
        assumed.append(f"stride {default}")
    if "padding" not in args:
        assumed.append("no padding")
    if "kernel" not in args and args.get("padding") == "same" and operation is None and \
            "input" in args:
        # TensorFlow's "same" gives ceil(n / s) outputs whatever the kernel: only the padding
        # depends on it, so the size can be worked out without one (given an input to work
        # on: the assumed kernel is no value of the student's)
        args["kernel"] = 1
        assumed.append('kernel 1: with "same" padding the output size does not depend on the '
                       "kernel, only the padding does")
    assumed += _conv_channels(text, slots, depth, args)
    bias = read_bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    request = finish_request("conv", args, [], assumed)
    compared = _STRIDES_COMPARED.search(text)
    if compared and request.complete and operation != "pool":
        # "stride 1 vs 2 ...: output for each?"
        return _each_stride(request, compared)
    if args.get("ceil_mode") and request.complete and _CEIL_ASKED_AFTER.search(text):
        # the default (floor) first, then the rounding the student asks about
        del args["ceil_mode"]
        request.also = [CalcRequest("conv", {**args, "ceil_mode": True}, [], [],
                                    title="With ceil_mode=True")]
    return request


def _conv_sizes(slots: dict, operation: str | None) -> tuple[dict, int | None]:
    """The named sizes and settings, then unnamed sizes in order (input, kernel); and the
    input's depth when it was given as H x W x C."""
    args = {name: slots[name] for name in
            ("input", "kernel", "stride", "padding", "dilation", "output_padding") if name in slots}
    leftover = list(slots.get("_leftover", []))
    if "input" not in args and leftover:
        # with the kernel named, an image's size (two or three dimensions) is the input before
        # a bare number ("hey quick one, ... conv2d(3, 64, kernel_size=7) on a [16, 3, 224, 224]")
        sized = next((n for n, size in enumerate(leftover) if len(size) > 1), 0) \
            if "kernel" in args else 0
        if any(side > 1 for side in leftover[sized]):
            # "a 1x1 combo" is not an image; an input of one pixel is only taken when named
            args["input"] = leftover.pop(sized)
    depth = None
    if isinstance(args.get("input"), list) and len(args["input"]) == 3:
        # H x W x C: channels do not change the size, only the MAC count
        depth = args["input"][2]
        args["input"] = pair(args["input"][:2])
    elif "input" in args:
        args["input"] = pair(as_list(args["input"]))
    if "kernel" not in args and leftover and "input" in args:
        args["kernel"] = pair(leftover.pop(0))
        if "input" not in slots and operation != "transposed" and \
                _area(args["kernel"]) > _area(args["input"]):
            # "3x3 and 28x28": a kernel larger than the input cannot be meant
            args["input"], args["kernel"] = args["kernel"], args["input"]
    return args, depth


def _area(size) -> int:
    """Height times width of an int or [h, w] size, to tell a kernel from an input."""
    height, width = as_list(size)[:2]
    return height * width


def _conv_channels(text: str, slots: dict, depth: int | None, args: dict) -> list[str]:
    """Add in/out channels (and groups) to a conv request when both are known; return notes.

    They only add the MAC count, which needs both and means nothing for pooling, so one
    alone ("16 filters") is left out rather than failing the whole calculation.
    """
    if args.get("operation") == "pool" or "out_channels" not in slots:
        return []
    notes = []
    in_channels = slots.get("in_channels", depth)
    if in_channels is None and (implied := _image_depth(text)):
        in_channels, note = implied
        notes.append(note)
    if in_channels is None:
        return []
    args.update(in_channels=in_channels, out_channels=slots["out_channels"])
    if "groups" in slots:
        args["groups"] = slots["groups"]
    return notes


# What a parameter count assumes when the message gives no number of filters.
ONE_FILTER = "one filter (one output channel)"
ONE_FILTER_PER_CHANNEL = "one filter per input channel"
FILTERS_ASSUMED = frozenset({ONE_FILTER, ONE_FILTER_PER_CHANNEL})


def _params_request(text: str, slots: dict) -> CalcRequest:
    """A conv2d_params request (or a linear one, for a linear/dense/fully-connected layer, or
    a recurrent one for an RNN, LSTM or GRU)."""
    recurrent = recurrent_request(text, slots)
    if recurrent is not None:
        return recurrent
    convs_in_words = any(c[3] for c in _CHANNELS_AND_KERNEL.finditer(text))
    if slots.get("layer") == "linear" or (LINEAR.search(text) and "kernel" not in slots and
                                          not convs_in_words):
        return _linear_request(text, slots)
    args: dict = {}
    assumed: list[str] = []
    bias = read_bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    if "kernel" in slots:
        args["kernel"] = slots["kernel"]
    elif square := next((size for size in slots.get("_leftover", [])
                         if len(size) == 2), None):
        args["kernel"] = pair(square)  # "depthwise 3x3 on 32 channels": the size is the kernel
    implied = _image_depth(text)
    if "in_channels" in slots:
        args["in_channels"] = slots["in_channels"]
    elif isinstance(slots.get("input"), list) and len(slots["input"]) == 3:
        args["input"] = slots["input"]
    elif depth := next((size for size in slots.get("_leftover", []) if len(size) == 3), None):
        args["input"] = depth  # "applied to a 32x32x16 tensor": H x W x C
    elif implied:
        args["in_channels"] = implied[0]
        assumed.append(implied[1])
    separable = bool(_SEPARABLE.search(text) or _DEPTHWISE_THEN_POINTWISE.search(text))
    if separable and (kernel := _DEPTHWISE_KERNEL.search(text)):
        args["kernel"] = pair(parse_size(kernel[1] or kernel[2])[:2])
    elif separable and args.get("kernel") in (1, [1, 1]):
        # "depthwise conv then pointwise conv ... for 3x3, 128 in, 256 out": the 1 x 1 is the
        # pointwise step's; the block's kernel is the other square size named
        other = next((size for size in slots.get("_leftover", [])
                      if len(size) == 2 and size != [1, 1]), None)
        if other is not None:
            args["kernel"] = pair(other)
    depthwise = not separable and (bool(_DEPTHWISE.search(text)) or
                                   slots.get("depthwise", False))
    missing: list[str] = []
    if separable:
        # "how many parameters does a depthwise separable conv save vs a normal 3x3 conv, 128
        # in and 256 out": the block beside the convolution it replaces, never one depthwise
        # layer with 256 outputs
        args["separable"] = True
        if "out_channels" in slots:
            args["out_channels"] = slots["out_channels"]
        keras = _KERAS_SEPARABLE.search(text)
        if keras:
            # Keras's SeparableConv2D(filters, kernel_size): biases in the pointwise step only
            args["out_channels"], args["kernel"] = int(keras[1]), pair(parse_size(keras[2])[:2])
            args["depthwise_bias"] = False
            if args.get("bias", True):
                assumed.append("Keras's SeparableConv2D: one bias per output filter, none in "
                               "the depthwise step")
        calls = [m.groups()[:2] for m in TORCH_CONV.finditer(text)]
        if len(calls) >= 2:
            # the block written out as its two layers: in from the first, out from the last
            args["in_channels"], args["out_channels"] = int(calls[0][0]), int(calls[-1][1])
            args.pop("input", None)
        if "out_channels" not in args:
            missing.append("out_channels")
    elif "out_channels" in slots:
        args["out_channels"] = slots["out_channels"]
    elif depthwise and (multiplier := _DEPTH_MULTIPLIER.search(text)) and (
            "in_channels" in args or "input" in args):
        # Keras's DepthwiseConv2D(depth_multiplier=2): that many filters per input channel (of
        # the channels named, or of the input's: input_shape=(32, 32, 24))
        channels = args["in_channels"] if "in_channels" in args else args["input"][2]
        args["out_channels"] = channels * int(multiplier[1])
    elif _ONE_FILTER.search(text):
        args["out_channels"] = 1
    else:
        args["out_channels"] = 1
        assumed.append(ONE_FILTER_PER_CHANNEL if depthwise else ONE_FILTER)
    if depthwise:
        args["depthwise"] = True
    elif "groups" in slots and not separable:
        args["groups"] = slots["groups"]
    if "bias" not in args:
        assumed.append("with bias")
    request = finish_request("params", args, missing, assumed)
    if "input" in args:
        request.missing = [m for m in request.missing if m != "in_channels"]
    if not separable and not depthwise and "groups" not in args and \
            (model := _filters_in_words(text, request)):
        # "conv 5x5 with 6 filters, conv 5x5 with 16 filters, then fully connected 400->120":
        # each layer from its own words, not one layer from the whole message's slots
        first, *rest = model
        return CalcRequest("params", first.args, [], first.assumed, also=rest, asks=TOGETHER)
    if request.complete and not separable and not depthwise and "groups" not in args:
        layers = _other_calls(text, request)
        if layers:
            # "conv1 = nn.Conv2d(1, 6, 5) / conv2 = nn.Conv2d(6, 16, 5): params of both": each
            # layer, then their sum
            request.also, request.asks = layers, TOGETHER
            return request
    if request.complete and not separable:
        stacked = _STACKED.search(text) or _TIMES_A_CALL.search(text)
        kernel = stacked.groups()[1] if stacked is not None and stacked.re is _STACKED else None
        if stacked and (kernel is None or pair(parse_size(kernel)[:2]) == args.get("kernel")) \
                and args.get("in_channels") == args.get("out_channels"):
            # "two stacked 3x3 convs 64->64": that layer so many times
            request.args["layers"] = int(stacked[1])
        if _COMPARED.search(text):
            request.also = _other_kernels(text, request)
    return request


# "2 stacked 3x3 convs", "3 3x3 conv layers" (number words are digits by now): identical
# layers in a row
_STACKED = re.compile(rf"(?<![\w.])([2-9])\s++(?:(?:stacked|consecutive|identical)\s++)?"
                      rf"(?:({XSIZE})\s*+conv|conv\w*+\s++layers\s++(?:stacked|in a row|one after "
                      rf"(?:the )?other)|(?:identical|stacked)\s++conv\w*+\s++layers)")

# "three times nn.Conv2d(256, 256, 3) in a row": one call, so many layers (no kernel before it)
_TIMES_A_CALL = re.compile(r"(?<![\w.])([2-9])\s++times\s++(?:nn\.|layers\.)?conv2d\s*+\(")

MAX_CALLS = 8   # layers written out and added up: a small network, not a whole model


# "conv 5x5 with 6 filters": a convolution named by its kernel and its filters, in words
_CONV_WITH_FILTERS = re.compile(rf"\bconv\w*+\s++(?:layer\s++)?(?:of\s++)?({XSIZE})\s*+,?\s*+"
                                rf"(?:with\s++)?(\d{{1,5}}+)\s++(?:filters|kernels|output\s++"
                                rf"channels|feature\s++maps)\b")


def _filters_in_words(text: str, request: CalcRequest) -> list[CalcRequest] | None:
    """A model of two to MAX_CALLS layers told in words, each convolution by its kernel and
    filters ("conv 5x5 with 6 filters"), each taking the channels the one before gave and the
    first the image's (greyscale, RGB: said, or the input's depth), then any fully connected
    chain ("400->120->84->10"); None when the words tell no such model or the image's depth is
    not known."""
    convolutions = list(itertools.islice(_CONV_WITH_FILTERS.finditer(text), MAX_CALLS + 1))
    chains = list(itertools.islice(_LINEAR_CHAIN_IN_WORDS.finditer(text), MAX_CALLS))
    head = chains[0].start() if chains else len(text)
    if not convolutions or TORCH_CONV.search(text) or any(
            found.start() < head for found in _CHANNELS_AND_KERNEL.finditer(text)):
        return None   # channels said another way: _other_calls reads them
    implied = _image_depth(text)
    depth = request.args.get("in_channels") if "input" in request.args else None
    assumed = [implied[1]] if implied and depth is None else []
    depth = depth or (implied[0] if implied else None)
    if depth is None:
        return None
    convs = []
    for found in convolutions:
        convs.append((depth, int(found[2]), found[1]))
        depth = int(found[2])
    layers = _model_layers(convs, _head_widths(chains), request, assumed)
    return layers if 2 <= len(layers) <= MAX_CALLS else None


def _head_widths(chains: list[re.Match]) -> list[tuple[int, int]]:
    """The (in, out) features of each linear layer of fully connected chains in words ("fc 400
    -> 120 -> 84 -> 10", or one chain per layer): each pair of widths in turn."""
    pairs = []
    for chain in chains:
        widths = [int(n) for n in _WIDTH.findall(chain[1])]
        pairs += zip(widths, widths[1:], strict=False)
    return pairs


def _model_layers(convolutions: list[tuple[int, int, str]], linear: list[tuple[int, int]],
                  request: CalcRequest, assumed: list[str] | None = None) -> list[CalcRequest]:
    """A params request per layer of a model: its convolutions (channels in, out, the kernel as
    written), then its linear layers (features in, out), with `request`'s bias and assumptions
    (the convolutions `assumed` too)."""
    bias = {"bias": request.args["bias"]} if "bias" in request.args else {}
    return [CalcRequest("params", {"kernel": pair(parse_size(kernel)[:2]), "in_channels": cin,
                                   "out_channels": cout, **bias}, [],
                        [*(assumed or []), *request.assumed])
            for cin, cout, kernel in convolutions] + [
        CalcRequest("params", {"layer": "linear", "in_features": fin, "out_features": fout,
                               **bias}, [], request.assumed) for fin, fout in linear]


def _other_calls(text: str, request: CalcRequest) -> list[CalcRequest]:
    """The layers after the first (`request`) when a message writes out two to MAX_CALLS
    layers: PyTorch's Conv2d(in, out, k) calls, Keras's Conv2D(filters, k) calls (each
    taking the channels the one before gave, the first the input's), or "3->32 channels 3x3,
    32->64 channels 3x3" in words, and after them any nn.Linear(in, out) calls (a model's
    head); [] for fewer, more, or any layer whose kernel or channels are not all there."""
    calls = list(itertools.islice(TORCH_CONV.finditer(text), MAX_CALLS + 1))
    linear = _torch_linear_calls(text)
    if len(calls) >= 2 or calls and linear:
        layers = [(int(c[1]), int(c[2]), c[3]) for c in calls]
    elif len(calls := list(itertools.islice(KERAS_CONV_CALL.finditer(text),
                                            MAX_CALLS + 1))) >= 2:
        depth = request.args.get("in_channels") or as_list(request.args.get("input", [0]))[-1]
        layers = []
        for call in calls:
            layers.append((depth, int(call[1]), call[2]))
            depth = int(call[1])
    else:
        # in words: "conv1: 1 -> 6 channels, 5x5; conv2: ...; then fully connected 400 -> 120
        # -> 84 -> 10", the chain of widths after a fully connected word being the head
        chains = list(itertools.islice(_LINEAR_CHAIN_IN_WORDS.finditer(text), MAX_CALLS))
        chain = chains[0] if chains else None
        if chains and not linear:
            linear = _head_widths(chains)
        # a kernel said before the channels is theirs, unless layers are compared ("two stacked
        # 3x3 convs 64->64->64 vs a single 5x5 conv 64->64" are two options, not one model)
        text = _FROM_TO.sub(r"\1->\2", text)   # "from 3 to 32 channels": 3->32
        compared = _COMPARED.search(text) is not None
        found = [c for c in itertools.islice(_CHANNELS_AND_KERNEL.finditer(text), MAX_CALLS + 1)
                 if not chain or c.start() < chain.start()]
        # "1x1 256->64, 3x3 64->64": each kernel written before its channels, so the size after
        # a layer's channels is the next layer's
        sizes_first = bool(found) and _SIZE_RIGHT_BEFORE.search(
            text[max(0, found[0].start() - 24):found[0].start()]) is not None
        layers = [(int(c[1]), int(c[2]),
                   _kernel_before(text, c.start()) if sizes_first else
                   c[3] or (None if compared else _kernel_before(text, c.start())))
                  for c in found]
    if not 2 <= len(layers) + len(linear) <= MAX_CALLS or \
            any(k is None or not c for c, _, k in layers):
        return []
    # "nn.Sequential(nn.Conv2d(...), ..., nn.Linear(...))": the linear layers count too
    return _model_layers(layers[1:], linear, request)


# Keras's SeparableConv2D(filters, kernel_size)
_KERAS_SEPARABLE = re.compile(rf"\bseparableconv2d\s*+\(\s*+(?:filters\s*+=\s*+)?(\d{{1,5}}+)\s*+,"
                              rf"\s*+(?:kernel_size\s*+=\s*+)?({SIZE})")
# Keras's Conv2D(filters, kernel_size) calls (marked "kerasconv2d" when the text is read)
KERAS_CONV_CALL = re.compile(rf"\bkerasconv2d\s*+\(\s*+(?:filters\s*+=\s*+)?(\d{{1,5}}+)\s*+,"
                              rf"\s*+(?:kernel_size\s*+=\s*+)?({SIZE})")
# PyTorch's error when a linear layer is given other features than it expects: "mat1 and mat2
# shapes cannot be multiplied (64x9216 and 4096x10)", "size mismatch, m1: [64 x 9216], m2: ..."
SIZE_MISMATCH = re.compile(r"\b(?:mat1|m1)\b[^()\[\]]{0,40}?[(\[]\s*+(\d{1,7}+)\s*+x\s*+"
                            r"(\d{1,7}+)")
# The metrics a message asks for, and the counts each reads
_METRIC_ASKED = {"accuracy": re.compile(r"ac+ura|\bacc\b"),
                 "precision": re.compile(r"precis|\bppv\b|\bprec\b"),
                 "recall": re.compile(r"recal|sensitiv|\btpr\b|hit rate|true positive rate"),
                 "specificity": re.compile(r"specif|\btnr\b|true negative rate|\bfpr\b|"
                                           r"false (?:positive|alarm|accept) rate"),
                 "f1": re.compile(r"\bf1\b|\bf-1\b|\bf[\s-]?score|\bf[\s-]?measure")}
# two strides compared: "stride 1 vs 2", "stride 1 vs stride 2", "strides 1 and 2"
# "stride 1 vs 2", "with stride 1 vs with stride 8"
_STRIDES_COMPARED = re.compile(r"\bstrides?\s*+[=:]?\s*+(\d{1,3}+)\s*+(?:vs\.?|versus|or|and|"
                               r"compared\s++to|against)\s*+(?:(?:with|at|using)\s++(?:a\s++)?)?"
                               r"(?:stride\s*+[=:]?\s*+)?(\d{1,3}+)\b"
                               r"(?!\s*+x)")
# "fully connected 400 -> 120 -> 84 -> 10", "fc layers 400->120->10": linear layers in words
_LINEAR_CHAIN_IN_WORDS = re.compile(r"\b(?:fully[\s-]connected|fc|dense|linear|mlp)(?:\s++layers?)?"
                                    r"\s*+:?\s*+(\d{1,6}+(?:\s*+->\s*+\d{1,6}+){1,8}+)")
_WIDTH = re.compile(r"\d++")
# "3->32 channels 3x3": a layer's channels and its kernel, in words
_CHANNELS_AND_KERNEL = re.compile(rf"(?<![\w.])(\d{{1,5}}+)\s*+->\s*+(\d{{1,5}}+)(?!\s*+->)\s*+"
                                  rf"(?:channels?\s*+)?,?\s*+(?:with\s++)?(?:an?\s++)?({XSIZE})?")


# "3x3 conv", "5x5 kernel", "conv 3x3": a layer's kernel where a message names several
_KERNEL_MENTION = re.compile(rf"({XSIZE})\s*+(?:conv\w*+|kernels?|filters?)\b|"
                             rf"\bconv\w*+\s++({XSIZE})")


# "1x1 256->64": a layer's kernel written right before its channels
_SIZE_RIGHT_BEFORE = re.compile(rf"({XSIZE})\s*+$")


def _kernel_before(text: str, end: int) -> str | None:
    """The kernel of the layer whose channels start at `end`, said before them: a size right
    before them ("1x1 256->64, 3x3 64->64"), else the last kernel named before ("3x3 conv
    64->128 then 3x3 conv 128->128", "two 3x3 convs, 64->128 then 128->128"), or None."""
    right_before = _SIZE_RIGHT_BEFORE.search(text[max(0, end - 24):end])
    if right_before is not None:
        return right_before[1]
    mentions = list(itertools.islice(_KERNEL_MENTION.finditer(text, 0, end), MAX_CALLS + 1))
    return mentions[-1][1] or mentions[-1][2] if mentions else None


def _other_kernels(text: str, request: CalcRequest) -> list[CalcRequest]:
    """"3x3 convs 64->64 vs a single 5x5 conv": the same count with each other kernel the
    message compares (at most two), so the reply shows both rather than the first alone."""
    kernels = []
    for match in itertools.islice(_KERNEL_MENTION.finditer(text), 3):
        kernel = pair(parse_size(match[1] or match[2])[:2])
        if kernel != request.args["kernel"] and kernel not in kernels:
            kernels.append(kernel)
    one = {name: value for name, value in request.args.items() if name != "layers"}
    stacked = _STACKED.search(text)
    return [CalcRequest("params", {**one, "kernel": kernel, **_times_stacked(stacked, kernel)},
                        [], request.assumed) for kernel in kernels[:2]]


def _times_stacked(stacked: re.Match | None, kernel) -> dict:
    """{"layers": n} when "n stacked k x k convs" names this kernel ("one 5x5 conv vs two
    stacked 3x3 conv layers": the 3x3 option is two layers), else {}."""
    if stacked is None or stacked[2] is None or pair(parse_size(stacked[2])[:2]) != kernel:
        return {}
    return {"layers": int(stacked[1])}


def _linear_request(text: str, slots: dict) -> CalcRequest:
    """A linear_params request: features from "784 -> 256", "784 inputs", or two bare numbers."""
    args: dict = {"layer": "linear"}
    assumed: list[str] = []
    leftover = list(slots.get("_leftover", []))
    shape = named_shape(slots)   # "Flatten a 4x4x512 map": the map's size, wherever it is named
    if FLATTENED.search(text) and isinstance(shape, list) and len(shape) == 3 and \
            "in_channels" not in slots and "in_features" not in slots:
        if shape in leftover:
            leftover.remove(shape)   # the map's sides are no layer's features
        # "Flatten() on a 7x7x64 feature map then Dense(10)": every value of the map is a feature
        height, width, depth = shape
        args["in_features"] = height * width * depth
        assumed.append(f"the {height}x{width}x{depth} map flattened: {height} * {width} * "
                       f"{depth} = {args['in_features']} input features")
    mismatch = SIZE_MISMATCH.search(text)
    if mismatch and "in_features" not in args:
        # "mat1 and mat2 shapes cannot be multiplied (64x9216 and 4096x10)": the batch times
        # the features the layer is given; its in_features must be those
        args["in_features"] = int(mismatch[2])
        assumed.append(f"in_features = {mismatch[2]}, the second size of the first matrix in "
                       f"the error ({mismatch[1]} x {mismatch[2]}: the batch, then the features)")
        leftover = [size for size in leftover if int(mismatch[2]) not in size and
                    int(mismatch[1]) not in size]
        slots = {k: v for k, v in slots.items() if k not in ("in_channels", "in_features")}
    batch_shape = _KERAS_BATCH_SHAPE.search(text)
    if batch_shape and "in_features" not in args and not (
            FLATTENED.search(text) and not _NOT_FLATTENED.search(text)):
        # "Dense(32) on a tensor of shape (None, 10, 64)": a Dense layer works on the last
        # axis, so its input features are the 64, whatever the axes before it
        dims = [int(d) for d in _WIDTH.findall(batch_shape[1])]
        args["in_features"] = dims[-1]
        assumed.append(f"in_features = {dims[-1]}, the last axis of {batch_shape[0]}: a Dense "
                       f"layer is applied along it")
        leftover = [size for size in leftover if not set(size) <= set(dims)]
    matrix = _WEIGHT_MATRIX.search(text)
    if matrix and "in_features" not in args:
        # "W in R^{64 x 32}": y = Wx maps 32 features to 64, xW the other way; a bias vector
        # "b in R^{64}" says which side is the output whatever the order
        rows, columns = int(matrix[1]), int(matrix[2])
        bias_length = _BIAS_VECTOR.search(text)
        size = int(bias_length[1]) if bias_length else None
        if size in (rows, columns) and rows != columns:
            out = size
        elif _X_TIMES_W.search(text):
            out = columns
        elif _W_TIMES_X.search(text):
            out = rows
        else:
            out = None
        if out is not None:
            args["out_features"] = out
            args["in_features"] = columns if out == rows else rows
            leftover = []
            slots = {k: v for k, v in slots.items() if k not in ("in_channels", "in_features",
                                                                 "out_channels",
                                                                 "out_features")}
    flattened = args.get("in_features")
    sizes = [n for group in leftover for n in group]
    for name, channels in (("in_features", "in_channels"), ("out_features", "out_channels")):
        value = slots.get(channels, slots.get(name))
        if value is None and sizes and name not in args:
            value = sizes.pop(0)
        if value is not None and name not in args:
            args[name] = value
    if _FEATURES_UNKNOWN.search(text):
        # "nn.Linear(?, 10)": the features are what is asked, never the channels named nearby
        args.pop("in_features", None)
    bias = read_bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    else:
        assumed.append("with bias")
    stacked = _STACKED_LINEAR.search(text)
    if stacked and "in_features" in args and args["in_features"] == args.get("out_features"):
        args["layers"] = int(stacked[1])   # "four nn.Linear(128, 128) layers one after another"
    missing = [m for m in ("in_features", "out_features") if m not in args]
    request = CalcRequest("params", args, missing, assumed)
    calls = _linear_calls(text)
    if calls:
        # "nn.Linear(784, 256) ... nn.Linear(256, 10)", Keras's Dense(64) calls in turn
        return _added_up(request, calls)
    widths = _layer_widths(text)
    if not widths and _HIDDEN.search(text):
        # "784 inputs, one hidden layer of 100, 10 outputs": the layers between are read, or
        # asked for; never left out of the count (nor read as the input or the output)
        hidden = _hidden_widths(text)
        inputs, outputs = _MLP_INPUTS.search(text), _MLP_OUTPUTS.search(text)
        # a flattened image's values are the inputs ("32x32x3 images flattened into an MLP")
        fin = int(inputs[1] or inputs[2]) if inputs else flattened
        if not (hidden and fin and outputs):
            request.missing = [*(m for m, found in (("in_features", fin),
                                                     ("out_features", outputs)) if not found),
                               "hidden_features"]
            return request
        widths = [fin, *hidden, int(outputs[1] or outputs[2])]
        if len(widths) > MAX_CALLS + 1:
            widths = []
            request.missing = ["hidden_features"]
    if widths:
        # "an MLP 784 -> 256 -> 10": one linear layer per arrow
        return _added_up(request, list(itertools.pairwise(widths)))
    return request


def _added_up(request: CalcRequest, layers: list[tuple[int, int]]) -> CalcRequest:
    """`request` for linear layers in turn, each (in, out) of `layers`: the first layer, the
    others beside it (`also`, with its bias and what it assumed), and their sum asked for."""
    (request.args["in_features"], request.args["out_features"]), *others = layers
    request.missing = []
    request.also = [CalcRequest("params", {**request.args, "in_features": fin,
                                           "out_features": fout}, [], request.assumed)
                    for fin, fout in others]
    request.asks = TOGETHER
    return request


# "784 -> 256 -> 10", "784-256-10": the widths of fully connected layers in turn (three to
# MAX_CALLS + 1 of them; each step starts with its arrow, so the repetition is unambiguous)
_WIDTH_CHAIN = re.compile(r"(?<![\w.-])\d{1,6}+(?:\s*+(?:->|-)\s*+\d{1,6}+){2,}+(?![\w.]|\s*+->)")
# "mlp 10 20 1": widths with spaces, only right after the network's name
_SPACED_CHAIN = re.compile(r"\b(?:mlp|network|net)\s*+:?\s*+\d{1,6}+(?:\s++\d{1,6}+){2,}+(?![\w.])")


# Hidden layers in words: "a hidden layer of 100", "hidden 100", "2 hidden layers of 128 units",
# "100 hidden units" (number words are digits by now)
_HIDDEN = re.compile(r"\bhidden\b")
_HIDDEN_WIDTHS = re.compile(
    r"(?<![\w.])(?:([1-8])\s++)?hidden\s++(?:layers?\s++)?(?:(?:of|with|each|has|having|"
    r"sizes?|widths?|=|:)\s*+){0,3}+(\d{1,6}+)(?![\w.])|"
    r"(?<![\w.])(\d{1,6}+)\s++hidden\s++(?:units|neurons|nodes)\b")


# A network's inputs and outputs beside its hidden layers: "784 pixels", "13 features", "2
# inputs", "input size 20"; "10 classes", "a 10-way output", "1 output unit", "3 outputs"
_MLP_INPUTS = re.compile(r"(?<![\w.])(\d{1,6}+)\s*+(?:-\s*+)?(?:input\s++(?:features|units|neurons|"
                         r"nodes|dimensions?)|inputs?|features|pixels)\b|"
                         r"\binputs?\s++(?:size|dim\w*+|of)\s*+(?:=|:|of)?\s*+(\d{1,6}+)(?![\w.])")
_MLP_OUTPUTS = re.compile(r"(?<![\w.])(\d{1,6}+)\s*+(?:-\s*+)?(?:output\s++(?:units?|neurons?|"
                          r"nodes?|classes)|outputs?|classes|way)\b|"
                          r"\boutputs?\s++(?:size|dim\w*+|of)\s*+(?:=|:|of)?\s*+(\d{1,6}+)(?![\w.])")


def _hidden_widths(text: str) -> list[int]:
    """The widths of the hidden layers named in words, in order ([] if there are none or more
    than MAX_CALLS)."""
    widths: list[int] = []
    for match in itertools.islice(_HIDDEN_WIDTHS.finditer(text), MAX_CALLS + 1):
        count, width = (int(match[1] or 1), int(match[2])) if match[2] else (1, int(match[3]))
        widths += [width] * count
    return widths if len(widths) <= MAX_CALLS else []


def _layer_widths(text: str) -> list[int]:
    """The widths of a chain of fully connected layers written with arrows or dashes, or []
    for none, or for a chain longer than MAX_CALLS layers (a whole model, not a small net)."""
    chain = _WIDTH_CHAIN.search(text) or _SPACED_CHAIN.search(text)
    if chain is None:
        return []
    widths = [int(width) for width in _WIDTH.findall(chain[0])]
    return widths if len(widths) <= MAX_CALLS + 1 else []


# PyTorch's nn.Linear(in, out) calls (in may be a product: "nn.Linear(32*6*6, 10)") and Keras's
# Dense(units) calls; Keras's first layer takes its inputs from input_shape=(20,) or input_dim=20
TORCH_LINEAR = re.compile(r"\blinear\s*+\(\s*+(?:in_features\s*+=\s*+)?"
                          r"(\d{1,7}+(?:\s*+\*\s*+\d{1,5}+){0,3}+)\s*+,\s*+"
                          r"(?:out_features\s*+=\s*+)?(\d{1,7}+)")
_KERAS_DENSE = re.compile(r"\bdense\s*+\(\s*+(?:units\s*+=\s*+)?(\d{1,7}+)")
_KERAS_INPUTS = re.compile(r"\binput_shape\s*+=\s*+[(\[]\s*+(\d{1,7}+)\s*+,?\s*+[)\]]|"
                           r"\binput_dim\s*+=\s*+(\d{1,7}+)")


def _torch_linear_calls(text: str) -> list[tuple[int, int]]:
    """The (in, out) features of the first MAX_CALLS + 1 nn.Linear calls; in may be a product
    ("32*6*6")."""
    return [(math.prod(int(n) for n in call[1].split("*")), int(call[2]))
            for call in itertools.islice(TORCH_LINEAR.finditer(text), MAX_CALLS + 1)]


def _linear_calls(text: str) -> list[tuple[int, int]]:
    """The (in, out) features of each of two to MAX_CALLS linear layers written as calls, in
    order, or [] (fewer or more, or Keras layers whose first input is not given)."""
    calls = _torch_linear_calls(text)
    if not calls:
        units = [int(c[1]) for c in itertools.islice(_KERAS_DENSE.finditer(text), MAX_CALLS + 1)]
        inputs = _KERAS_INPUTS.search(text)
        if len(units) >= 2 and inputs:
            widths = [int(inputs[1] or inputs[2]), *units]
            calls = list(itertools.pairwise(widths))
    return calls if 2 <= len(calls) <= MAX_CALLS else []


# A linear layer's input features left as a question mark ("nn.Linear(???, 128)")
# A weight matrix and a bias vector as LaTeX writes them once read ("w in {r}^{64 x 32}",
# "b in {r}^{64}"), and the product that says which side is the input
_WEIGHT_MATRIX = re.compile(r"\bw\s++in\s++\{?+r\}?+\^\{?+(\d{1,6}+)\s*+x\s*+(\d{1,6}+)")
_BIAS_VECTOR = re.compile(r"\bb\s++in\s++\{?+r\}?+\^\{?+(\d{1,6}+)\}?+(?!\s*+x)")
# Keras's shapes with the batch left open, "(none, 10, 64)", and "no flatten"
_KERAS_BATCH_SHAPE = re.compile(r"\(\s*+none\s*+((?:,\s*+\d{1,6}+\s*+){1,4}+)\)")
_NOT_FLATTENED = re.compile(r"\b(?:no|without)\s++(?:a\s++)?flatten")
_W_TIMES_X = re.compile(r"\bw\s*+x\b|\bwx\b")
_X_TIMES_W = re.compile(r"\bx\s*+w\b|\bxw\b")
_FEATURES_UNKNOWN = re.compile(r"\b(?:linear|dense)\s*+\(\s*+(?:in_features\s*+=\s*+)?\?")
# "4 nn.linear(128, 128) layers", "3 stacked dense layers" (number words are digits by now)
_STACKED_LINEAR = re.compile(r"(?<![\w.])([2-9])\s++(?:(?:stacked|identical|consecutive)\s++)?"
                             r"(?:nn\.)?(?:linear|dense|fc|fully[\s-]connected)\b"
                             r"(?:\s*+\([^()]{0,30}+\))?\s*+layers?\b")


# Self-attention over a sequence rather than an image: its length and its dimension.
# "d = 64", "d_model 512" (folded to "dmodel"), "dk=64", "head dim 64", "dimension of 128",
# "embedding size 256", "embeddings of size 300", "32-dim queries", "64-dimensional"
_SEQUENCE_DIM = re.compile(
    r"\b(?<!head )(?<!head-)(?:d(?:model|k|v)?|dim(?:ension)?s?|width|embed_dim|"
    r"(?:embeddings?|hidden|model)(?:\s*+(?:of\s++)?(?:dim(?:ension)?|size))?)\s*+(?:of\s++)?"
    r"(?:(?:=|:|is)\s*+)?"
    r"(\d{1,7}+)(?!\w|\.\d)|"
    r"(?<![\w.])(\d{1,7}+)\s*+-?\s*+dim(?:ension(?:al)?)?s?\b")
# "head dim 64", "heads of size 64", "dhead 64": each head's share, the dimension being heads
# times it
_HEAD_DIM = re.compile(r"\b(?:head[\s_-]*+(?:dim(?:ension)?|size)|dhead)\s*+(?:of\s++)?"
                       r"(?:(?:=|:|is)\s*+)?(\d{1,7}+)(?!\w|\.\d)|"
                       r"\bheads?\s++(?:each\s++)?of\s++(?:size|dim(?:ension)?)\s++(\d{1,7}+)\b|"
                       # "each head has dim 64", "head_dim=64"
                       r"\bheads?\s++(?:has|have|with)\s++(?:a\s++)?(?:dim(?:ension)?|size)\s*+"
                       r"(?:of\s++)?(?:=\s*+)?(\d{1,7}+)\b|\bhead_dim\s*+=\s*+(\d{1,7}+)\b")
# the dot products (scores) asked, and no multiply-adds
_DOT_PRODUCTS_ASKED = re.compile(r"\bdot[\s-]?products?\b|\b(?:attention\s++)?scores\b|"
                                 r"\battention\s++(?:matrix|map)\b")
_MACS_ASKED = re.compile(r"\bmacs?\b|multiply|\bflops?\b|\bmult|\bcost\b|\bcompute\b|"
                         r"\bcomplexity\b|\boperations\b")
# comparing two values of one setting: "d=64 vs d=128", "from 800 to 400"
_COMPARED = re.compile(r"\bvs\b|\bversus\b|\bcompared?\b|\binstead of\b|\bfrom\s++\d|"
                       r"\b(?:cheaper|more|fewer|less|bigger|smaller|larger)\s++than\b")
# "8 heads", "heads = 8" (not the "head" of "head dim 64")
_SEQUENCE_HEADS = re.compile(r"(?<![\w.])(\d{1,4}+)\s*+(?:attention\s++)?heads\b|"
                             r"\bheads\s*+(?:=|:)\s*+(\d{1,4}+)\b|"
                             # PyTorch's num_heads=8 (MultiheadAttention), nhead=8 (Transformer)
                             r"\b(?:num_heads|n_heads|nhead)\s*+=\s*+(\d{1,4}+)\b")
# "p=4" in a message about patches is the patch size (a convolution's p is its padding)
_P_FOR_PATCH = re.compile(r"(?<![\w.])p\s*+=\s*+\d")
# What makes the tokens an image's patches: an image, its size, a vision transformer
_IMAGE = re.compile(r"image|\bimg\b|\bvit\b|pixel|resolution|\brgb\b|cifar|mnist|imagenet|"
                    r"\d\s*+x\s*+\d|\bh\s*+=\s*+w")


def _sequence_request(text: str, slots: dict) -> CalcRequest | None:
    """A sequence_attention_cost request when the message counts tokens of a sequence and
    shows no image (otherwise the tokens are an image's patches), or None. Values already in
    `slots` (a follow-up's previous request) are kept unless the text names new ones."""
    if _IMAGE.search(text):
        return None
    lengths = _all_values(SEQUENCE_LENGTH, text)
    # a head's own dimension is no model dimension ("each head has dim 64")
    dims = _all_values(_SEQUENCE_DIM, _HEAD_DIM.sub(" ", text))
    heads = next(iter(_all_values(_SEQUENCE_HEADS, text)), None)
    head_dim = next(iter(_all_values(_HEAD_DIM, text)), None)
    if head_dim is not None and not dims:
        dims = [head_dim * (heads or 1)]   # "12 heads of size 64": d = 768
    length = lengths[0] if lengths else None
    dim = dims[0] if dims else None
    # a follow-up's previous request has its tokens; a new message's slots are not read here
    # (the slot table takes the "1024 head" of "seq len 1024 head dim 64" for heads)
    args = {name: slots[name] for name in ("tokens", "dim", "heads") if name in slots} \
        if "tokens" in slots else {}
    if length is None and "tokens" not in args:
        return None
    for name, value in (("tokens", length), ("dim", dim), ("heads", heads)):
        if value is not None:
            args[name] = value
    request = finish_request("sequence_attention", args, [], [])
    if request.missing == ["dim"] and _DOT_PRODUCTS_ASKED.search(text) and \
            not _MACS_ASKED.search(text):
        # "how many dot products for 512 tokens, and for 1024?": n^2 needs no dimension
        request.asks = DOT_PRODUCTS_ONLY
        if len(lengths) == 2:
            request.also = [CalcRequest("sequence_attention", {**args, "tokens": lengths[1]},
                                        ["dim"], [], asks=DOT_PRODUCTS_ONLY)]
    # "d=64 vs d=128 at n=512", "halve n from 800 to 400": the other value worked out too
    other = ("tokens", lengths[1]) if len(lengths) == 2 else \
        ("dim", dims[1]) if len(dims) == 2 else _changed_to(text, args)
    if other and request.complete and _COMPARED.search(text):
        request.also = [finish_request("sequence_attention", {**args, other[0]: other[1]}, [],
                                       [])]
    return request


# "the context from 1024 to 2048": the second value of a setting read by the first
_FROM_TO = re.compile(r"\bfrom\s++(\d{1,7}+)\s++to\s++(\d{1,7}+)\b")


def _changed_to(text: str, args: dict) -> tuple[str, int] | None:
    """The setting a "from A to B" changes (A its value read in `args`) and B, or None."""
    match = _FROM_TO.search(text)
    if match is None:
        return None
    before, after = int(match[1]), int(match[2])
    return next(((name, after) for name in ("tokens", "dim") if args.get(name) == before), None)


def _all_values(pattern: re.Pattern, text: str) -> list[int]:
    """Every value a pattern reads in a text (its first group that matched), in order, once
    each, at most three."""
    values: list[int] = []
    for match in itertools.islice(pattern.finditer(text), 3):
        value = int(next(group for group in match.groups() if group))
        if value not in values:
            values.append(value)
    return values


# A transformer's width: "embedding dim 768", "d_model=512" (read: "dmodel=512"), "hidden size
# 1024" (its heads are _SEQUENCE_HEADS's: "8 heads", "nhead=8")
_MODEL_WIDTH = re.compile(r"\b(?:embedding|embed|model|hidden|token)[\s_]?+(?:dim(?:ension)?|size|"
                          r"width)\s*+(?:of\s++|=\s*+|:\s*+|is\s++)?(\d{1,5}+)\b|"
                          r"\bd_?model\s*+[=:]?\s*+(\d{1,5}+)\b")


def _attention_request(text: str, slots: dict) -> CalcRequest:
    """A patch_attention_cost request; the channels come from HxWxC, "3 channels" or the words.
    Or, for tokens of a sequence and no image, a sequence_attention_cost request."""
    sequence = _sequence_request(text, slots)
    if sequence is not None:
        return sequence
    args: dict = {}
    assumed: list[str] = []
    # "a ViT with 16x16 patches and embedding dim 768", "nhead=8": a model's width and heads are
    # no image size
    widths = [[value] for value in (*_all_values(_MODEL_WIDTH, text),
                                    *_all_values(_SEQUENCE_HEADS, text))]
    leftover = [size for size in slots.get("_leftover", []) if size not in widths]
    image = slots.get("input")
    if image is None and leftover:
        image = leftover.pop(0)
        image = image if len(image) == 3 else pair(image)
    elif isinstance(image, list) and len(image) == 2:
        # "a 224x160x3 image (H=224, W=160)": the sides named again keep the size's channels
        image = next((size for size in leftover if len(size) == 3 and size[:2] == image), image)
    missing: list[str] = []
    if image is not None:
        image = as_list(image) if not isinstance(image, list) else image
        if len(image) == 2:
            if "in_channels" in slots:
                image = [*image, slots["in_channels"]]
            elif _ONE_CHANNEL.search(text):
                image = [*image, 1]
                assumed.append("1 channel (greyscale)")
            elif _THREE_CHANNELS.search(text):
                image = [*image, 3]
                assumed.append("3 channels (RGB)")
            else:
                missing.append("channels")
        args["input"] = image
    if "patch" in slots:
        args["patch"] = slots["patch"]
    elif "kernel" in slots:
        args["patch"] = slots["kernel"]
    elif isinstance(slots.get("padding"), int | list) and _P_FOR_PATCH.search(text):
        args["patch"] = slots["padding"]  # "p=4 patches": attention over patches has no padding
    elif leftover:
        args["patch"] = pair(leftover.pop(0))  # the size after the image's: its patches
    if "stride" in slots:
        args["stride"] = slots["stride"]
    elif _NON_OVERLAPPING.search(text) and "patch" in args:
        args["stride"] = args["patch"]
        assumed.append("stride = patch size (non-overlapping)")
    elif _VIT.search(text) and "patch" in args:
        args["stride"] = args["patch"]
        assumed.append("stride = patch size (a ViT's patches do not overlap)")
    else:
        assumed.append("stride 1 (overlapping patches)")
    if "heads" in slots:
        args["heads"] = slots["heads"]
    request = finish_request("attention", args, missing, assumed)
    if request.missing == ["channels"] and PATCH_COUNT.search(text) and \
            not NEEDS_CHANNELS.search(text):
        request.asks = PATCHES_ONLY
    elif request.missing == ["channels"] and _DOT_PRODUCTS_ASKED.search(text) and \
            not _MACS_ASKED.search(text):
        # "how many entries does the attention matrix have?": P^2 needs no channels either
        request.asks = DOT_PRODUCTS_ONLY
    compared = _STRIDES_COMPARED.search(text)
    if compared and "patch" in args:
        _each_stride(request, compared)   # "number of patches with stride 1 vs stride 2?"
    elif "stride" not in args and "patch" in args and as_list(args["patch"]) != [1, 1]:
        request.also = [_without_overlap(request)]
    return request


def _each_stride(request: CalcRequest, compared: re.Match) -> CalcRequest:
    """`request` with the first of two strides compared ("stride 1 vs 2"), and the same with
    the other beside it (`also`); no stride assumed any more."""
    request.args["stride"] = int(compared[1])
    request.assumed = [a for a in request.assumed if not a.startswith("stride")]
    request.also = [CalcRequest(request.calculator, {**request.args, "stride": int(compared[2])},
                                list(request.missing), [], title=f"With stride {compared[2]}")]
    return request


def _without_overlap(request: CalcRequest) -> CalcRequest:
    """The same patches without overlap (stride = patch size, as a ViT cuts an image), worked
    out beside the course's stride 1 when a student names no stride: the exam's Q11 slides its
    patches one pixel at a time, while "16x16 patches of a 224x224 image" usually means 196."""
    patch = as_list(request.args["patch"])
    side = patch[0] if len(set(patch)) == 1 else "x".join(map(str, patch))
    return CalcRequest("attention", {**request.args, "stride": request.args["patch"]},
                       list(request.missing), [],
                       title=f"If the patches do not overlap (stride {side}, as in a ViT)")


def read_activation(text: str) -> str | None:
    """The activation a text names; "nonlinearity" alone is not "linear"."""
    for name in ("tanh", "sigmoid", "relu"):
        if name in text:
            return name
    if "logistic" in text:
        return "sigmoid"
    if _IDENTITY.search(text):
        return "identity"
    return None


def eigen_request(text: str) -> CalcRequest:
    """A recurrent_gradient_check request; identity activation unless one is named."""
    matrix = find_matrix(text)
    args: dict = {}
    assumed: list[str] = []
    if matrix is not None:
        args["matrix"] = matrix
    activation = read_activation(text)
    if activation:
        args["activation"] = activation
    else:
        assumed.append("identity (linear) activation")
    return finish_request("eigen", args, [], assumed)


def _rate(found: re.Match | None) -> float | None:
    """A rate as a share: "0.75", ".8", "80%" -> 0.8."""
    if found is None:
        return None
    value = (found[1] or found[2]).replace(" ", "")
    return float(value[:-1]) / 100 if value.endswith("%") else float(value)


def f1_request(text: str, slots: dict) -> CalcRequest | None:
    """F1 from a precision and a recall the message gives ("precision is 0.75 and recall is 0.5,
    F1?"), keeping an earlier request's (`slots`) where the text names none; None when it gives
    neither or does not ask for F1."""
    precision, recall = _rate(PRECISION_GIVEN.search(text)), _rate(RECALL_GIVEN.search(text))
    if precision is None and recall is None or not (F1_ASKED.search(text) or slots):
        return None
    args = {name: value for name, value in (("precision", precision), ("recall", recall))
            if value is not None}
    args = {name: slots[name] for name in ("precision", "recall") if name in slots} | args
    return finish_request("f1", args, [], [])


def metrics_request(text: str, slots: dict) -> CalcRequest | None:
    """A classification_metrics request from the named counts, and another model's beside it
    when the message names all four counts twice ("Model A: TP 40, ... Model B: TP 50, ..."
    was model A's alone); None when none is named (a question about TP and FP, not a
    calculation)."""
    second = _second_counts(text)
    if second is not None:
        start, label = second
        first = _one_model_metrics(text[:start], find_slots(text[:start]))
        other = _one_model_metrics(text[start:], find_slots(text[start:]))
        if first is not None and other is not None and first.complete and other.complete:
            # "model b" -> "Model B"
            other.title = f"{label.split()[0].capitalize()} {label.split()[1].upper()}" \
                if label else "The second set of counts"
            first.also = [other]
            return first
    request = _one_model_metrics(text, slots)
    if all(name in slots for name in REQUIRED["metrics"]):
        # (a story's "in total" may count a group: "it flagged 90 welds in total")
        request = _against_the_total(request, text)
    return request


# The total a message gives beside its counts: "total 120 cases", "120 cases in total", "n=120"
_TOTAL_GIVEN = re.compile(r"\btotal\s*+(?:of\s++)?(?:[=:]\s*+|is\s++|was\s++)?(\d{1,9}+)\b|"
                          r"(?<![\w.])(\d{1,9}+)\s++(?:\w++\s++)?in\s++total\b|"
                          r"(?<![\w.])n\s*+=\s*+(\d{1,9}+)\b")


def _against_the_total(request: CalcRequest | None, text: str) -> CalcRequest | None:
    """The request, or the counts asked for again when all four were named and the message gives
    a total they do not add up to ("hits 30, misses 10, false alarms 20, correct rejections 50,
    total 120 cases": the counts make 110, so one of them was mistyped or misread)."""
    if request is None or not request.complete or request.also:
        return request
    total = _TOTAL_GIVEN.search(text)
    if total is None:
        return request
    given = int(next(group for group in total.groups() if group))
    if given == sum(request.args[name] for name in REQUIRED["metrics"]):
        return request
    return CalcRequest("metrics", {}, [COUNTS_AGAINST_TOTAL], [])


# "TP 40", "fp=10", "TN: 130": a count named before its value
_COUNT_NAMED = re.compile(r"\b(tp|fp|tn|fn)\s*+[=:]?\s*+\d")
# what names the second model: "model b:", "classifier 2,", "system B -"
_MODEL_LABEL = re.compile(r"\b((?:model|classifier|system|detector|network|net)\s++[a-z0-9])"
                          r"\s*+[:,-]?\s*+$")


def _second_counts(text: str) -> tuple[int, str | None] | None:
    """Where a second set of the four counts starts, when a message names each count twice,
    the four of one set before the other's, and what names it ("model b"); else None."""
    found = [(m.start(), m[1]) for m in itertools.islice(_COUNT_NAMED.finditer(text), 9)]
    if len(found) != 2 * len(REQUIRED["metrics"]):
        return None
    half = len(REQUIRED["metrics"])
    if {name for _, name in found[:half]} != set(REQUIRED["metrics"]) or \
            {name for _, name in found[half:]} != set(REQUIRED["metrics"]):
        return None
    start = found[half][0]
    label = _MODEL_LABEL.search(text, max(0, start - 24), start)
    return (label.start(), label[1]) if label else (start, None)


def _one_model_metrics(text: str, slots: dict) -> CalcRequest | None:
    if not any(name in slots for name in REQUIRED["metrics"]):
        rates = f1_request(text, {})
        if rates is not None:
            return rates
    counted = _counts_from_labels(text)
    if counted is not None:
        counts, note = counted
        return finish_request("metrics", counts, [], [note])
    args = {name: slots[name] for name in REQUIRED["metrics"] if name in slots}
    if len(args) < len(REQUIRED["metrics"]):
        # counts told as a story: read when every number agrees with one reading
        story = counts_settled_by_story(text)
        if story is not None and all(story.get(name, value) == value
                                     for name, value in args.items()):
            story = {**args, **story}
            request = finish_request("metrics", story, [],
                                     [f"{_counts_told(story)}, as I read your description"])
            if not request.missing:
                return request
            if _settles_what_is_asked(text, story):
                # "raised 120 alarms, 30 false, missed 10": precision and recall without a TN
                request.asks = SOME_METRICS
                return request
    if args:
        request = finish_request("metrics", args, [], [])
        if request.missing and _settles_what_is_asked(text, args):
            # "TP=36 FP=4 FN=24, F1?": what is asked needs no TN; it is worked out, and the
            # rest asked for
            request.asks = SOME_METRICS
        return request
    # a 2x2 grid is laid out with the actual class in rows in some books and in columns in
    # others, positives first or last: read as the message says, else asked
    grid = find_matrix(text)
    counts = read_counts(text, grid)
    if counts is not None:
        return finish_request("metrics", counts, [], [])
    if grid is not None or has_table(text):
        return CalcRequest("metrics", {}, [COUNTS_BY_NAME], [])
    if counts_in_words(text):
        # counts told as a story ("42 flagged and really sick, 9 flagged but healthy, ..."):
        # which number is which is asked rather than guessed
        return CalcRequest("metrics", {}, [COUNTS_IN_WORDS], [])
    return None


# "y_true = [1, 0, 1]", "y_pred = [1, 1, 0]": the labels themselves, as scikit-learn takes them
_TRUE_LABELS = re.compile(TRUE_LABELS_START + r"([\d\s,.]{1,4000}+)\]")
_PREDICTED_LABELS = re.compile(r"\by_?(?:pred|predicted|hat)\w{0,10}+\s*+=\s*+"
                               r"(?:list)?\[([\d\s,.]{1,4000}+)\]")
_LABEL = re.compile(r"\d++(?:\.\d++)?+")
_ZERO_POSITIVE = re.compile(r"\b0\s++(?:=|is)\s++(?:the\s++)?positive|positive\s++(?:class\s++)?"
                            r"(?:=|is)\s++0\b")


def _counts_from_labels(text: str) -> tuple[dict[str, int], str] | None:
    """TP, FP, TN and FN counted from a y_true and a y_pred list of 0/1 labels of one length
    (1 the positive class, unless the message says 0 is), and what was assumed; else None."""
    true, predicted = _TRUE_LABELS.search(text), _PREDICTED_LABELS.search(text)
    if true is None or predicted is None:
        return None
    labels = [[float(x) for x in _LABEL.findall(found[1])] for found in (true, predicted)]
    if len(labels[0]) != len(labels[1]) or not labels[0] or \
            not {*labels[0], *labels[1]} <= {0.0, 1.0}:
        return None
    positive = 0.0 if _ZERO_POSITIVE.search(text) else 1.0
    pairs = list(zip(*labels, strict=True))
    counts = {"tp": sum(t == positive and p == positive for t, p in pairs),
              "fp": sum(t != positive and p == positive for t, p in pairs),
              "tn": sum(t != positive and p != positive for t, p in pairs),
              "fn": sum(t == positive and p != positive for t, p in pairs)}
    return counts, (f"{_counts_told(counts)}, counted from the {len(pairs)} pairs of y_true "
                    f"and y_pred with {int(positive)} as the positive class")


def _counts_told(counts: dict[str, int]) -> str:
    """"TP = 4, FP = 2, TN = 3, FN = 1": counts the reply says it read rather than was given
    (those of the four it read)."""
    return ", ".join(f"{name.upper()} = {counts[name]}" for name in REQUIRED["metrics"]
                     if name in counts)


def _settles_what_is_asked(text: str, counts: dict[str, int]) -> bool:
    """Whether the message names metrics ("precision and recall?") and the counts known settle
    every one of them."""
    asked = [name for name, pattern in _METRIC_ASKED.items() if pattern.search(text)]
    return bool(asked) and all(METRIC_NEEDS[name] <= counts.keys() for name in asked)


BUILDERS = {"conv": _conv_request, "params": _params_request, "attention": _attention_request,
            "sequence_attention": _attention_request, "metrics": metrics_request,
            "f1": f1_request}
