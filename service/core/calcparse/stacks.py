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
from service.core.calcparse.notation import as_list, pair
from service.core.calcparse.readers import BUILDERS, FLATTENED, KERAS_CONV_CALL
from service.core.calcparse.request import CalcRequest
from service.core.calcparse.slots import TORCH_CONV, find_slots

# Where a layer starts: a framework's call; a layer's word, with its kernel before it when
# written first ("3x3 conv", "3x3 stride 2 maxpool", "conv 3x3", "average pooling 2x2", a U-Net's
# "up-conv 2x2"); or
# terse settings with no layer word ("k=7 s=2 p=3", as terse.py spells "k7s2p3")
# (not "convention", "convert", "converge", "convex")
_LAYER_WORD = (r"(?:(?:transposed?\s++)?conv(?!ent|er|ex)"
               r"(?!\w*+\s++(?:layers?|feature|output|net|block)\b)\w*+|"
               r"deconv\w*+|"
               r"up-?conv\w*+|(?:max|avg|average)[\s-]*+pool\w*+|pool(?:ing)?\b|depthwise\w*+|"
               r"pointwise\w*+)")
_LAYER_START = re.compile(
    r"\b(?:kerasconv|conv(?:transpose)?|depthwiseconv|maxpool(?:ing)?|avgpool(?:ing)?|"
    r"averagepooling)[123]d(?:transpose)?\s*+\(|"
    r"(?:(?<![\w.])\d{1,2}+\s*+(?:x|by)\s*+\d{1,2}+\s++(?:stride\s++\d{1,2}+\s++)?"
    r"(?:(?:valid|same|padded|unpadded)\s++)?)?+\b"
    + _LAYER_WORD + "|"
    r"(?<![\w=])k\s*+=\s*+\d{1,2}+(?=\s*+,?\s*+[spd]\s*+=)")
# "2 3x3 conv layers", "2x (3x3 conv ...)" (number words are digits by now): the same layer,
# so many times
_REPEATED = re.compile(r"(?<![\w.])([2-6])\s*+(?:x\s*+)?\(?\s*+"
                       r"(?:(?:consecutive|stacked|successive|identical|similar)\s++)?$")
_POOL_CALL = re.compile(r"pool")
_POOL_LAYER = re.compile(r"\b(?:(?:max|avg|average)[\s-]?)?pool\w*+\s++layers?\b")
# "a max pool, then a 5x5 conv": a pooling word alone, no window of its own
_POOL_WORD = re.compile(r"(?:max|avg|average)[\s-]*+pool\w*+[\s,]|pool(?:ing)?[\s,]")
_KERAS_LAYER = re.compile(r"^(?:kerasconv|maxpooling|averagepooling|depthwiseconv)")
_MAX_PIECES = MAX_LAYERS
# A number of the layer's own, not part of a name ("conv1", "conv2d(")
_DIGIT = re.compile(r"(?<![a-z\d])\d")
# Layers repeated as a group ("each block ... done 4 times", "5 blocks", "[...] x3", "10 conv
# layers, each 3x3"): more than the pieces say, so asked for one by one
_GROUPS = re.compile(r"\b(?:done|repeated|repeat)\s++(?:this\s++)?\d{1,2}+\s++times\b|"
                     r"(?<![\w.])\d{1,2}+\s++(?:blocks|stages)\b|\]\s*+x\s*+\d|"
                     r"(?<![\w.])\d{1,2}+\s++(?:conv\w*+\s++)?layers\b")
# "four conv layers, each 4x4 kernel, stride 2": the same layer so many times, its settings
# after "each" (number words are digits by now), up to the end of the sentence
_EACH = re.compile(r"(?<![\w.])(\d{1,2}+)\s++(?:(conv\w*+|deconv\w*+|transposed?\s++conv\w*+|"
                   r"(?:max|avg|average)?\s*+pool\w*+|identical|similar)\s++)?layers\b"
                   r"(?:\s++(?:in\s++a\s++row|in\s++sequence|stacked))?[\s,:(]*+(?:each|all|both)\b(?:\s++(?:with|having|of|using|is|are|has|have)\b)?")
_EACH_SETTINGS = re.compile(r"[.?;!]\s|[?!]|$")
_WORD = re.compile(r"[a-z]++|[=/]")
_SETTING_BEFORE = frozenset({"stride", "strides", "padding", "pad", "dilation", "kernel", "size",
                             "s", "p", "k", "d", "=", "/", "by", "of", "rate"})
# "avg pool 2x2 twice": the layer again
# ... or "then another identical one", "and the same conv again" (number words are digits)
# ... or "three times in a row", "applied 4 times" (number words are digits by now)
_TWICE = re.compile(r"\btwice\b|\banother\s++(?:identical|same)\s++"
                    r"(?:1|layer|conv\w*+)\b|\bthe\s++same\s++(?:layer|conv\w*+)\s++again\b")
_TIMES = re.compile(r"(?<![\w.])([2-9])\s++times\b")
# ... or in brackets a few words on ("every conv keeps the size (3x3, padding 1)")
_SIZE_AFTER_WORD = re.compile(r"(?<![a-z\d])[a-z\d]++\s*+(?:\(\s*+)?\d|"
                              r"(?<![a-z\d])[a-z\d]++(?:\s++[a-z]++){1,3}+\s*+\(\s*+\d|"
                              # "every conv is 3x3"
                              r"(?<![a-z\d])[a-z\d]++\s++(?:is|are)\s++\d")
# Keras's pooling layers without arguments pool 2x2
_KERAS_POOL_DEFAULT = re.compile(r"^(?:maxpooling|averagepooling)2d\(\s*+\)")
# A latent vector reshaped to 1x1 is the input of a generator's first layer (other 1x1 sizes
# are kernels)
_ONE_BY_ONE_INPUT = re.compile(r"\b(?:reshaped?|viewed|starts?|starting|begins?)\s++(?:to|as|at|"
                               r"from|with)\s++(?:an?\s++)?1x1\b")
# "3 blocks each = ...", "4 stages, each: ...", "two identical blocks, each of": the same block
# of layers so many times (number words are digits by now)
_BLOCKS_EACH = re.compile(r"(?<![\w.])([2-6])\s++(?:identical\s++|similar\s++)?(?:blocks|stages)"
                          r"\s*+,?\s*+(?:each|all)\b(?:\s++one)?+(?:\s*+(?:=|:|of|with|has|having|"
                          r"is|are|made of|consisting of))?")
# "two or three convs": a count the blocks do not share, so the layers are asked for
_COUNT_OR_COUNT = re.compile(r"(?<![\w.])\d{1,2}+\s++or\s++\d{1,2}+(?![\w.])")
# "after the third block", "after block 2", "after the 2nd stage": the blocks asked about
_AFTER_BLOCK = re.compile(r"\bafter\s++(?:the\s++)?(first|second|third|fourth|fifth|sixth|last|"
                          r"(?:[1-6])(?:st|nd|rd|th))?\s*+(?:block|stage)s?\b(?:\s++([1-6])\b)?")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
# Where words about all the convolutions end: a sentence, a bracket, a colon
_CLAUSE_END = re.compile(r"[.?;!):]|$")
# Convolutions named all together, no layer of their own: "all convs", "the convolutions"
_ALL_CONVS = re.compile(r"conv(?:s|olutions)")
# A layer's own settings in a stack (conv_output's, without the input)
LAYER_SETTINGS = ("kernel", "stride", "padding", "dilation", "operation", "ceil_mode",
                  "output_padding")
# What a stack asks for when its layers cannot all be read
LAYERS = "layers"


def read_stack(text: str, slots: dict | None = None) -> CalcRequest | None:
    """A "stack" request ({"input", "layers"}) for a prepared text that names two or more
    layers; None for a text that names fewer (one layer is the one-layer reader's). `slots`:
    the whole text's, when the caller has read them already.

    Every layer must have its kernel, and the input must be there: otherwise the request
    lacks `LAYERS` or "input", and the dialogue asks, rather than working out one layer of
    several and calling it the answer. A message that flattens the output gets the channels
    of its last convolution too, so that the values flattened are counted."""
    request = _read_layers(text, slots)
    if request is not None and "layers" in request.args and FLATTENED.search(text):
        channels = _last_channels(text)
        if channels:
            request.args["channels"] = channels
    return request


# The channels a convolution gives: PyTorch's Conv2d(in, out, ...), Keras's Conv2D(filters, ...),
# "16 filters", "(6 filters, no padding)", "64 output channels", "the last block has 512
# channels", "filters=32" (the last one named counts)
_CHANNELS_GIVEN = re.compile(r"(?<![\w.])(\d{1,5}+)\s++(?:filters|(?:output\s++|out\s++)?channels|"
                             r"(?:feature\s++)?maps|kernels)\b|\bfilters\s*+=\s*+(\d{1,5}+)|"
                             # "conv 64 3x3", "conv 16@5x5": the filters before the kernel
                             r"\bconv\w*+\s++(\d{1,5}+)\s*+(?:@\s*+)?(?=\d{1,2}+\s*+x\s*+\d)|"
                             r"(?<![\w.])(\d{1,5}+)\s*+@\s*+(?=\d{1,2}+\s*+x\s*+\d)|"
                             # "conv(16->32, k=3)": channels in and out in the brackets
                             r"\bconv\w*+\s*+\(\s*+\d{1,5}+\s*+->\s*+(\d{1,5}+)")


def _last_channels(text: str) -> int | None:
    """The channels the last convolution of a message gives, or None if no layer says."""
    found = [(m.start(), int(m[2])) for m in TORCH_CONV.finditer(text)]
    found += [(m.start(), int(m[1])) for m in KERAS_CONV_CALL.finditer(text)]
    found += [(m.start(), int(next(g for g in m.groups() if g)))
              for m in _CHANNELS_GIVEN.finditer(text)]
    return max(found)[1] if found else None


def _read_layers(text: str, slots: dict | None) -> CalcRequest | None:
    """read_stack without the flattening."""
    blocks = _BLOCKS_EACH.search(text)
    if blocks is not None:
        return _blocks_alike(text, blocks, slots)
    found = _layer_starts(text)
    text, shared = _shared_settings(text, found)
    if shared is not None:
        found = _layer_starts(text)
    each = _EACH.search(text)
    if each is not None and (not found or _within_the_settings(found, each, text)):
        # (the settings may start like a layer of their own: "3 conv layers, each k=3 s=2 p=1")
        return _layers_alike(text, each, slots)
    if len(found) > _MAX_PIECES or _GROUPS.search(text):
        return CalcRequest("stack", {}, [LAYERS])
    reads: dict[tuple[int, int], tuple[dict, list[list[int]]] | None] = {}

    def read(start: int, end: int) -> tuple[dict, list[list[int]]] | None:
        """A span's layer, read once however often it is asked for."""
        if (start, end) not in reads:
            reads[start, end] = _layer(text[start:end])
        return reads[start, end]

    pieces = _pieces(text, found, read)
    repeats = [_repeats(text, start, end) for start, end in pieces]
    # a piece ends where the next one's count starts ("..., then three ConvTranspose2d(...)"):
    # the 3 counts the next layer and is no size of this one
    pieces = [(start, min(end, repeats[n + 1][1]) if n + 1 < len(pieces) else end)
              for n, (start, end) in enumerate(pieces)]
    if len(pieces) < 2 and not (pieces and repeats[0][0] > 1):
        return None
    named = (slots if slots is not None else find_slots(text)).get("input")
    layers, unnamed = [], []
    for (start, end), (repeat, _) in zip(pieces, repeats, strict=True):
        layer_read = read(start, end)
        if layer_read is None:
            return CalcRequest("stack", {}, [LAYERS])
        layer, rest = layer_read
        unnamed += rest
        layers += [layer] * repeat
    if len(layers) > MAX_LAYERS:
        return CalcRequest("stack", {}, [LAYERS])
    layers = [layer if "operation" in layer else {**(shared or {}), **layer} for layer in layers]
    layers = _listed_in_turn(text, layers)
    # the input, else one before the first layer and its repeat count
    return with_input(layers, named, unnamed, text[:repeats[0][1]])


# "with dilation 1, 2 and 4 (in that order)", "strides 1, 2, 2": one value per layer
_LISTED = re.compile(r"\b(stride|padding|dilation)s?(?:\s++rates?)?\s++(?:of\s++)?"
                     r"(\d{1,2}+(?:\s*+,\s*+\d{1,2}+)*+)(?:\s*+,)?\s++(?:and|then)\s++(\d{1,2}+)\b")
_NUMBER = re.compile(r"\d++")


def _listed_in_turn(text: str, layers: list[dict]) -> list[dict]:
    """The same layer so many times with a setting listed once per layer ("three 3x3 convs
    with dilation 1, 2 and 4"): each its own value (all had the first); others unchanged."""
    listed = _LISTED.search(text)
    if listed is None or len(layers) < 2 or any(layer != layers[0] for layer in layers):
        return layers
    values = [int(n) for n in _NUMBER.findall(listed[2])] + [int(listed[3])]
    if len(values) != len(layers):
        return layers
    return [{**layer, listed[1]: value} for layer, value in zip(layers, values, strict=True)]


_NAMED_AS_A_POINT = re.compile(r"\b(?:after|following)\s++$")
# "a pooling question:", "conv exercise": the topic of what follows, no layer
_TOPIC_AFTER = re.compile(r"(?<!\s)\s++(?:question|problem|exercise|task|homework|quiz)\b")
# "print(conv(x).shape)": a layer applied to a tensor by its variable's name, no layer of its own
_APPLIED = re.compile(r"\(\s*+[a-z_]\w{0,20}+\s*+\)")


def _layer_starts(text: str) -> list[re.Match]:
    """Where layers start (up to _MAX_PIECES + 1 of them): a terse "k=3" inside the brackets of
    a layer written before it ("conv(3->16, k=3, p=1)") is that layer's kernel, no layer of its
    own."""
    found: list[re.Match] = []
    for match in itertools.islice(_LAYER_START.finditer(text), 2 * _MAX_PIECES + 2):
        if _NAMED_AS_A_POINT.search(text, max(0, match.start() - 10), match.start()) and \
                match.group()[-1].isdigit():
            continue   # "after conv1, AlexNet has a 55x55x96 volume and applies ...": where
            # the input comes from, no layer of the stack
        if _TOPIC_AFTER.match(text, match.end()) or _APPLIED.match(text, match.end()):
            continue
        if found and match.group().startswith("k"):
            between = text[found[-1].start():match.start()]
            if between.count("(") > between.count(")"):
                continue
        found.append(match)
        if len(found) > _MAX_PIECES:
            break
    return found


def _shared_settings(text: str, found: list[re.Match]) -> tuple[str, dict | None]:
    """The text without its mentions of the convolutions all together ("all convs stride 1 no
    padding", "(unpadded convs)"), which are no layer of their own, blanked out up to the end of
    their clause or the next layer, and the stride and padding such a mention gives every
    convolution that does not say its own (None: there is no such mention)."""
    shared = None
    for n, match in enumerate(found):
        end = min(found[n + 1].start() if n + 1 < len(found) else len(text),
                  _CLAUSE_END.search(text, match.end()).start())
        if not _ALL_CONVS.fullmatch(match.group(0)) or _layer(text[match.start():end]):
            continue   # a layer, or convolutions with their kernel ("convs 3x3 with pad 1")
        # back to the clause's start: a comma, a bracket, or the end of the sentence before
        # ("... -> linear. all stride 1 no pad for convs": not the layers before the full stop)
        start = max(text.rfind(",", 0, match.start()), text.rfind("(", 0, match.start()),
                    text.rfind(". ", 0, match.start()) + 1, text.rfind("; ", 0, match.start()) + 1,
                    0)
        slots = find_slots(text[start:end])
        shared = {**(shared or {}),
                  **{name: slots[name] for name in ("stride", "padding") if name in slots}}
        text = text[:start] + " " * (end - start) + text[end:]
    return text, shared


def _several_first(sizes: list[list[int]]) -> list[list[int]]:
    return sorted(sizes, key=lambda size: len(size) == 1)


def with_input(layers: list[dict], named, unnamed: list[list[int]], before: str) -> CalcRequest:
    """The stack request for `layers` on its input: the one named ("input_shape=(32, 32, 3)",
    "torch.randn(1, 3, 224, 224)"), else a size no layer took ("... maxpool pad 1 on 224"),
    else a size in `before`; missing "input" when there is none."""
    # a size in one number is a side ("on 224"), unless the text also has one in several
    # ("the 100-dim noise is reshaped to 100x1x1")
    image = named or next((size for size in _several_first(unnamed) if max(size) > 1), None) \
        or next((size for size in _several_first(find_slots(before)["_leftover"])
                 if max(size) > 1), None) or (
        [1, 1] if _ONE_BY_ONE_INPUT.search(before) else None)
    if isinstance(image, list) and len(image) == 3 and image[1] == image[2] != image[0] and \
            (image[1] == 1 or image[0] in (1, 3)):
        # channels first: "noise reshaped to 100x1x1", "a 3x224x224 tensor" (it was 100 x 1)
        image = image[1:]
    if image is None:
        return CalcRequest("stack", {"layers": layers}, ["input"])
    size = (image[:2] if len(image) > 1 else image * 2) if isinstance(image, list) else \
        [image, image]
    return CalcRequest("stack", {"input": size if size[0] != size[1] else size[0],
                                 "layers": layers})


def _blocks_alike(text: str, blocks: re.Match, slots: dict | None) -> CalcRequest:
    """"3 blocks each = 2 3x3 convs with padding 1 followed by a 2x2 max pool": the block's
    layers (to the end of its sentence), so many times, or as many as the question asks after
    ("the size after the second block"); the input from the whole text."""
    count = int(blocks[1])
    end = _EACH_SETTINGS.search(text, blocks.end()).start()
    piece = text[blocks.end():end]
    if _COUNT_OR_COUNT.search(piece):
        return CalcRequest("stack", {}, [LAYERS])
    block = _read_layers(piece, None)
    if block is not None:
        # the block's input, if its sentence names one ("..., starting from 64x64")
        layers = block.args.get("layers", [])
        unnamed = [as_list(block.args["input"])] if "input" in block.args else []
    else:
        one = _layer(piece)   # a block of one layer ("5 stages, each: conv 3x3 stride 2")
        layers, unnamed = ([one[0]], one[1]) if one is not None else ([], [])
    asked = _AFTER_BLOCK.search(text, end)
    number = asked and (_ORDINALS.get(asked[1] or "") or int(asked[2] or 0))
    if number:
        count = min(count, number)
    if not layers or count * len(layers) > MAX_LAYERS:
        return CalcRequest("stack", {}, [LAYERS])
    named = (slots if slots is not None else find_slots(text)).get("input")
    # the input named before the blocks or after their sentence ("Starting from 224x224, ...")
    return with_input(layers * count, named, unnamed, text[:blocks.start()] + " " + text[end:])


def _within_the_settings(found: list[re.Match], each: re.Match, text: str) -> bool:
    """Whether every layer start found is a kernel setting ("k=3") in the layers' shared words
    (from "3 conv layers, each" to the end of its sentence), not a layer of another kind ("13
    conv layers all 3x3 and 5 MaxPool2d(2, 2)")."""
    end = _EACH_SETTINGS.search(text, each.end()).start()
    return all(each.end() <= start.start() < end and start.group(0).startswith("k")
               for start in found)


def _layers_alike(text: str, each: re.Match, slots: dict | None) -> CalcRequest:
    """"10 conv layers, each 3x3 with no padding, on a 32x32 input": one layer's settings,
    from "each" to the end of the sentence, so many times; the input from the whole text."""
    count = int(each[1])
    # the layer's own word ("convtranspose2d", "maxpool") leads its settings: it says what the
    # layer does
    word = each[2] if each[2] and each[2] not in ("identical", "similar") else "conv"
    read = _layer(word + " " + text[each.end():_EACH_SETTINGS.search(text, each.end()).start()])
    if read is None or not 2 <= count <= MAX_LAYERS:
        return CalcRequest("stack", {}, [LAYERS])
    layer, unnamed = read
    named = (slots if slots is not None else find_slots(text)).get("input")
    return with_input([layer] * count, named, unnamed, text)


def _pieces(text: str, found: list[re.Match], read) -> list[tuple[int, int]]:
    """The spans of text that each describe one layer. A layer's word with nothing of its own
    ("deconvolution (transpose conv) ...", "conv = nn.Conv2d(...)", "a conv with k=5") is one
    layer with what follows it, and a last mention without a number ("... does the second
    Conv2D have?") belongs to the layer before; a word with numbers but no kernel stays a
    layer of its own, which cannot be read (its kernel is asked for). `read(start, end)` reads
    a span's layer (None without a kernel)."""
    spans = [(m.start(), found[n + 1].start() if n + 1 < len(found) else len(text))
             for n, m in enumerate(found)]
    merged: list[tuple[int, int]] = []
    carried = None
    for n, (start, end) in enumerate(spans):
        start = carried if carried is not None else start
        carried = None
        piece = text[start:end]
        if n + 1 < len(spans) and read(start, end) is None:
            following = found[n + 1].group(0)
            call = piece.rstrip().endswith(")") or "(" in piece[:24]
            # "then a pooling layer, then conv 3x3", "then a max pool, then a 5x5 conv": a pool
            # named without its window is a layer of its own (asked for), never the name of
            # the conv after it
            pool_without_window = (_POOL_LAYER.match(piece) or _POOL_WORD.match(piece)) and \
                not _POOL_CALL.search(following) and not following.startswith("k")
            if not pool_without_window and (not _DIGIT.search(piece) or
                                            following.startswith("k") and not call):
                carried = start
                continue
        merged.append((start, end))
    if len(merged) > 1 and read(*merged[-1]) is None and \
            not _DIGIT.search(text[merged[-1][0]:merged[-1][1]]):
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return merged


def _repeats(text: str, start: int, end: int) -> tuple[int, int]:
    """How many times a piece's layer comes ("2 3x3 convs", "2x (conv ...)", "... twice"), and
    where the piece starts with its count; a setting's value before the layer ("stride 2 3x3
    conv", "p=3 conv") is not a count."""
    before = _REPEATED.search(text[max(0, start - 18):start])
    if before:
        counted_from = start - len(before.group(0))
        words = _WORD.findall(text[max(0, start - 24):counted_from])
        if not words or words[-1] not in _SETTING_BEFORE:
            return int(before.group(1)), counted_from
    times = _TIMES.search(text, start, end)
    return (int(times[1]) if times else 2 if _TWICE.search(text, start, end) else 1), start


def _layer(piece: str) -> tuple[dict, list[list[int]]] | None:
    """One layer's settings from its piece of text, and the sizes it did not take (the input
    may be among them); None without a kernel."""
    slots = find_slots(piece)
    slots.pop("input", None)
    if _KERAS_POOL_DEFAULT.match(piece):
        slots["kernel"] = 2
    leftover = list(slots.get("_leftover", []))
    if "kernel" not in slots and len(leftover) >= 2 and len(leftover[0]) == 1 and \
            len(leftover[1]) == 2 and leftover[1][0] == leftover[1][1] and \
            not _POOL_CALL.search(piece[:24]) and _SIZE_AFTER_WORD.match(piece):
        # "conv 32 3x3": the filters, then the kernel (a 32-wide kernel beside a 3x3 is none)
        slots["kernel"] = pair(leftover.pop(1))
        slots["out_channels"] = leftover.pop(0)[0]
    if "kernel" not in slots and leftover and len(leftover[0]) <= 2 and \
            _SIZE_AFTER_WORD.match(piece):
        # "maxpool 3 stride 2", "avgpool(2)": the size right after the layer's word (not the
        # "64x64" of "a conv on 64x64 with k=3", an input)
        slots["kernel"] = pair(leftover.pop(0))
    request = BUILDERS["conv"](piece, {**slots, "_leftover": [], "input": 1})
    layer = {name: value for name, value in request.args.items() if name in LAYER_SETTINGS}
    if "kernel" not in layer:
        return None
    if _POOL_CALL.search(piece[:24]):
        layer["operation"] = "pool"
    elif layer.get("operation") == "pool":
        del layer["operation"]   # a conv whose piece ends on a later mention of a pool
    if _KERAS_LAYER.match(piece) and "padding" not in layer:
        layer["padding"] = "valid"   # Keras's default
    return layer, leftover
