"""Layers in turn: "k7 s2 p3 -> k3 s2 p1 from 512x512", "two 3x3 convs then a 2x2 maxpool on
64x64", an `nn.Sequential(...)` or a Keras `Sequential([...])` of convolutions and pools.

A message that names two or more layers and asks for a size is read layer by layer: the text
is cut where each layer starts, each piece is read by the convolution reader as one layer
(without its input), and the input comes from the whole message. Read before the one-layer
reader, which would otherwise work out the first layer alone and call it the answer.
"""

from __future__ import annotations

import itertools
import re

from service.calculators.conv import MAX_LAYERS
from service.core.calcparse.readers import BUILDERS
from service.core.calcparse.request import CalcRequest
from service.core.calcparse.slots import find_slots

# Where a layer starts: a framework's call, a kernel named with its layer ("3x3 conv",
# "3x3 stride 2 maxpool"), or terse settings ("k=7 s=2 p=3", as terse.py spells "k7s2p3")
_LAYER_START = re.compile(
    r"\b(?:kerasconv|conv(?:transpose)?|depthwiseconv|maxpool(?:ing)?|avgpool(?:ing)?|"
    r"averagepooling)[123]d(?:transpose)?\s*+\(|"
    r"(?<![\w.])\d{1,2}+\s*+x\s*+\d{1,2}+\s++(?:stride\s++\d{1,2}+\s++)?(?:conv|max\s*+pool|"
    r"avg\s*+pool|pool|maxpool|avgpool)|"
    r"(?<![\w=])k\s*+=\s*+\d{1,2}+(?=\s*+,?\s*+[sp]\s*+=)")
# "2 3x3 conv layers" (number words are digits by now): the same layer, so many times
_REPEATED = re.compile(r"(?<![\w.])([2-6])\s*+(?:x\s++)?$")
_POOL_CALL = re.compile(r"pool")
_KERAS_LAYER = re.compile(r"^(?:kerasconv|maxpooling|averagepooling|depthwiseconv)")
_MAX_PIECES = MAX_LAYERS


def read_stack(text: str) -> CalcRequest | None:
    """A "stack" request ({"input", "layers"}) for a prepared text that names two or more
    layers and an input, or None (one layer, or not a stack the readers can take apart)."""
    starts = [m.start() for m in itertools.islice(_LAYER_START.finditer(text), _MAX_PIECES + 1)]
    if len(starts) < 2 or len(starts) > _MAX_PIECES:
        return None
    named = find_slots(text).get("input")
    layers, unnamed = [], []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        read = _layer(text[start:end])
        if read is None:
            return None
        layer, rest = read
        unnamed += rest
        repeat = _REPEATED.search(text[max(0, start - 4):start])
        layers += [layer] * (int(repeat.group(1)) if repeat else 1)
    if len(layers) > MAX_LAYERS:
        return None
    # the input: named ("input_shape=(32, 32, 3)", "torch.randn(1, 3, 224, 224)"), else the
    # size no layer took ("... maxpool pad 1 on 224"), else one before the first layer
    image = named or next((size for size in unnamed if max(size) > 1), None) or next(
        (size for size in find_slots(text[:starts[0]])["_leftover"] if len(size) > 1), None)
    if image is None:
        return None
    size = (image[:2] if len(image) > 1 else image * 2) if isinstance(image, list) else \
        [image, image]
    return CalcRequest("stack", {"input": size if size[0] != size[1] else size[0],
                                 "layers": layers})


def _layer(piece: str) -> tuple[dict, list[list[int]]] | None:
    """One layer's settings from its piece of text, and the sizes it did not take (the input
    may be among them); None without a kernel."""
    slots = find_slots(piece)
    slots.pop("input", None)
    leftover = list(slots.get("_leftover", []))
    if "kernel" not in slots and leftover and len(leftover[0]) <= 2:
        slots["kernel"] = leftover.pop(0)
    request = BUILDERS["conv"](piece, {**slots, "_leftover": [], "input": 1})
    layer = {name: value for name, value in request.args.items()
             if name in ("kernel", "stride", "padding", "dilation", "operation", "ceil_mode",
                         "output_padding")}
    if "kernel" not in layer:
        return None
    if _POOL_CALL.search(piece[:24]):
        layer["operation"] = "pool"
    if _KERAS_LAYER.match(piece) and "padding" not in layer:
        layer["padding"] = "valid"   # Keras's default
    return layer, leftover
