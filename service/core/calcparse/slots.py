"""Slot patterns and slot filling: "kernel 3", "stride 2", "64 -> 128 channels" read by name.

`find_slots` runs the table of patterns over a prepared text, left to right and each span once,
skipping numbers that name a question ("q2"); the sizes no pattern names are kept in order as
leftovers. The work per message is bounded (MAX_NUMBERS, MAX_LEFTOVER_SIZES) and every pattern
is linear-time. Kept apart from the readers: which value a phrase names does not depend on
the calculator that will use it.
"""

from __future__ import annotations

import itertools
import re

from service.core.calcparse.notation import (
    DIGITS,
    INT,
    SIZE,
    SIZE3,
    SIZE_RE,
    XSIZE,
    pair,
    parse_size,
)

MAX_LEFTOVER_SIZES = 8  # unnamed sizes read from one message, at most
MAX_NUMBERS = 32  # a message with more numbers than this describes no single layer

# "kernel size of", "stride =", "input is a": each run of spaces is consumed by exactly one part
# (possessive, and every optional part starts with a word), so no run is split two ways.
_OF = (r"[\s_]*+(?:(?:(?:of|with)\s++)?(?:size|shape|dims?|dimensions?)\s*+)?"
       r"(?:(?:of|=|:|is|are|at)\s*+)?(?:(?:an?|size)\s++)?")
_CHANNELS = r"(?:channels?|(?:feature\s++)?maps?|features|units|neurons)"   # "6 input maps"
# Settings of training, not of the layer: "batch size 128", "lr 1e-3", "10 epochs".
_TRAINING = (r"(?:batch(?:[\s_-]*+size)?|lr|learning[\s_-]*+rate|momentum|weight[\s_-]*+decay|"
             r"epochs?)")
# PyTorch's Conv2d(in, out, kernel, stride, padding, dilation) calls: in and out come first
TORCH_CONV = re.compile(rf"\bconv(?:transpose)?[123]?d?\s*\(\s*(?:in_channels\s*=\s*)?{INT}"
                        rf"\s*,\s*(?:out_channels\s*=\s*)?{INT}"
                        rf"(?:\s*,\s*(?:kernel_size\s*=\s*)?({SIZE})"
                        rf"(?:\s*+,\s*+{INT}(?:\s*+,\s*+{INT}(?:\s*+,\s*+{INT})?)?)?)?")
# A padding's side, "on top/bottom", "at the left and right", "along the height": the first
# side named says which axis the first number pads
_ON_SIDE = (r"\s*+(?:pixels?\s*+|px\s*+)?(?:(?:on|at|along)\s++)?(?:the\s++)?"
            r"(top|bottom|left|right|height|width|rows|columns|vertical|horizontal)")
_SIDE_PAIR = r"(?:\s*+/\s*+[a-z]++|\s++(?:and|&)\s++(?:bottom|right|top|left)\b)?+"
_HEIGHT_SIDES = frozenset({"top", "bottom", "height", "rows", "vertical"})
_SLOT_PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = [
    # numbers that set up training ("batch size 128, lr 1e-3") are never the layer's sizes
    ("training", re.compile(rf"\b{_TRAINING}\s*+(?:(?:of|=|:|is)\s*+)?[\d.]{{1,12}}+"
                            r"(?:e[-+]?\d{1,3}+)?"), ("batch", "lr", "learning", "momentum",
                                                       "weight", "epoch")),
    ("training", re.compile(r"(?<![\w.])\d{1,7}+\s*+(?:epochs?|images? per batch|per batch)\b"),
     ("epoch", "batch")),
    # nor is a count of layers ("one conv layer with stride 1" has no 1x1 kernel; the 3 of
    # "3 by 3 conv layer" is a kernel's side)
    ("training", re.compile(r"(?<![\w.])(?<!by )(?<!x )(?<![x*])\d{1,2}+\s++"
                            r"(?:(?:conv\w*+|convolutional|hidden|dense|linear|fc)\s++)?"
                            r"layers?\b"), ("layer",)),
    # nor is a count of all the pixels ("10000 pixels in total"): no side, so no size
    ("training", re.compile(r"(?<![\w.])\d{1,9}+\s*+(?:pixels|px)\s++(?:in\s++total|total|overall|"
                            r"altogether)\b|\btotal\s++of\s++\d{1,9}+\s*+(?:pixels|px)\b"),
     ("pixels", "px")),
    # a result the student proposes ("is the answer 289?", "i got 13") is not an input
    ("claim", re.compile(rf"\b(?:answer|result)s?\s*+(?:(?:is|=|:|should be|would be|will be)"
                         rf"\s*+)?(?:an?\s++)?({SIZE})"), ("answer", "result")),
    ("claim", re.compile(rf"\boutput(?:\s*+(?:size|shape|dims?|dimensions?))?\s*+"
                         rf"(?:is|are|=|should be|would be|will be|equals?|comes? out (?:as|to))"
                         rf"\s*+(?:an?\s++)?({SIZE})"), ("output",)),
    ("claim", re.compile(rf"\b(?:i|we)\s++(?:got|get|calculated|computed)\s*+(?:an?\s++)?"
                         rf"(?:output\s++(?:of\s++)?)?({SIZE})"),
     ("got", "get", "calculated", "computed")),
    ("claim", re.compile(rf"\b(?:is it|is that|isn t it)\s*+({SIZE})"),
     ("is it", "is that", "isn t it")),
    # confusion-matrix counts: "TP=40", "false negatives: 5" (and "40 true positives", below)
    # all four at once: "TP/FP/TN/FN = 25/5/60/10", "[tp, fp, tn, fn] = [8, 2, 88, 2]"
    ("counts", re.compile(rf"\b((?:tp|fp|tn|fn)(?:\s*+[/,]\s*+(?:tp|fp|tn|fn)){{3}})\s*+[\])]?"
                          rf"\s*+(?:=|:|is|are)?\s*+[\[(]?\s*+{INT}\s*+[/,]\s*+{INT}\s*+[/,]\s*+"
                          rf"{INT}\s*+[/,]\s*+{INT}"), ("tp", "fp", "tn", "fn")),
    ("count", re.compile(rf"\b(tp|fp|tn|fn)s?\s*+(?:(?:=|:|is|of)\s*+)?{INT}"),
     ("tp", "fp", "tn", "fn")),
    # the seed writes TF for a true negative (A4): "TF=85" is read as TN
    ("count", re.compile(rf"\b(tf)\s*+(?:=|:)\s*+{INT}"), ("tf",)),
    ("count", re.compile(rf"\b(true|false)[\s-]++(positive|negative|pos|neg)s?{_OF}{INT}"),
     ("true", "false")),
    # a cell described by its two classes: "predicted positive and actually negative: 18",
    # "positives that were predicted negative = 11"
    ("cell", re.compile(rf"\bpredicted\s++(positive|negative)\s++(?:and|but|&)\s++"
                        rf"actual(?:ly)?+\s++(positive|negative)\s*+(?:[:=]|is|was|were)?\s*+{INT}"),
     ("predicted",)),
    ("cell", re.compile(rf"\b(positive|negative)s\s++(?:that\s++were\s++)?predicted\s++"
                        rf"(positive|negative)\s*+(?:[:=]|is|was|were)?\s*+{INT}"), ("predicted",)),
    # signal detection's names: hits, misses, false alarms, correct rejections
    ("count", re.compile(rf"\b(hit|miss|false alarm|correct rejection)(?:s|es)?{_OF}{INT}"),
     ("hit", "miss", "alarm", "rejection")),
    # Keras calls: Conv2D(filters, kernel_size, ...) (textnorm.prepare marks Keras's capital D)
    ("keras_conv", re.compile(rf"\bkerasconv[123]d(?:transpose)?\s*+\(\s*+"
                              rf"(?:filters\s*+=\s*+)?{INT}\s*+,"
                              rf"\s*+(?:kernel_size\s*+=\s*+)?({SIZE})"), ("kerasconv",)),
    # PyTorch calls: Conv2d(in, out, kernel), Linear(in, out)
    ("torch_conv", TORCH_CONV, ("conv",)),
    # Keras Dense(units): the layer's outputs
    ("out_channels", re.compile(rf"\bdense\s*+\(\s*+(?:units\s*+=\s*+)?{INT}"), ("dense",)),
    # "input of shape (8, 16, 50, 50)": a batch in PyTorch's N, C, H, W order
    ("nchw", re.compile(rf"\bshape\s*+(?:of\s++|=\s*+|:\s*+)?\(\s*+{INT}\s*+,\s*+{INT}\s*+,"
                        rf"\s*+{INT}\s*+,\s*+{INT}\s*+\)"), ("shape",)),
    # "64 in 128 out"
    ("in_out", re.compile(rf"{INT}\s++in\s*+,?\s*+(?:and\s++)?{INT}\s++out\b"), ("in",)),
    ("in_out", re.compile(rf"\blinear\s*\(\s*(?:in_features\s*=\s*)?{INT}\s*,\s*"
                          rf"(?:out_features\s*=\s*)?{INT}"), ("linear",)),
    # channel counts first, so that "64 -> 128 channels" is not read as sizes
    ("in_out", re.compile(rf"(?:from\s+)?{INT}\s*(?:input\s+)?(?:channels?\s*)?"
                          rf"(?:(?:down|up)\s++)?(?:->|=>|to|into)\s*"
                          rf"{INT}\s*(?:output\s+)?(?:channels?|filters?|feature maps?|maps?)"),
     ("->", "=>", "to")),
    ("in_out", re.compile(rf"\bfrom\s+{INT}\s+(?:(?:down|up)\s++)?(?:to|->|into)\s+{INT}\b"),
     ("from",)),
    # "that take 256 channel and give 64 channel": in, then out, by their verbs
    ("in_out", re.compile(rf"\b(?:takes?|taking|gets?|receives?)\s++{INT}\s*+(?:input\s++)?"
                          rf"channels?\b[^.?;]{{0,24}}?\b(?:gives?|giving|produces?|outputs?|"
                          rf"returns?|makes?)\s++{INT}\s*+(?:output\s++)?channels?\b"),
     ("take", "get", "receiv")),
    # "reducing 256 channels to 64", "256 channels down to 64"
    ("in_out", re.compile(rf"{INT}\s*+(?:input\s++)?channels?\s++(?:(?:down|up)\s++)?(?:to|->|into)"
                          rf"\s++{INT}\b"), ("channel",)),
    # "in/out 64/128", "64/128 in/out"
    ("in_out", re.compile(rf"\bin\s*+/\s*+out(?:\s*+channels?)?\s*+(?:(?:=|:|of)\s*+)?{INT}\s*+/"
                          rf"\s*+{INT}"), ("/",)),
    ("in_out", re.compile(rf"{INT}\s*+/\s*+{INT}\s*+(?:channels?\s++)?in\s*+/\s*+out\b"), ("/",)),
    # "an input of depth 64", "depth = 3": the input's channels
    ("in_channels", re.compile(rf"\bdepth\s*+(?:(?:of|=|:|is)\s*+)?{INT}"), ("depth",)),
    # Keras's DepthwiseConv2D(kernel_size, ...): its first argument is the kernel
    ("kernel", re.compile(rf"\bdepthwiseconv2d\s*+\(\s*+(?:kernel_size\s*+=\s*+)?({SIZE})"),
     ("depthwiseconv",)),
    # "C_in=64" (folded to "cin=64"), "C_out = 128", and "128 in and 128 out"
    ("in_channels", re.compile(rf"\b[cn]_?in\s*+(?:[=:]\s*+)?{INT}"), ("cin", "c_in", "nin")),
    # "in=48 out=128"
    ("in_channels", re.compile(rf"\bin\s*+=\s*+{INT}"), ("in=", "in =")),
    ("out_channels", re.compile(rf"\bout\s*+=\s*+{INT}"), ("out=", "out =")),
    ("out_channels", re.compile(rf"\b[cn]_?out\s*+(?:[=:]\s*+)?{INT}"),
     ("cout", "c_out", "nout")),
    # "in 64 out 128"
    ("in_out", re.compile(rf"\bin\s++{INT}\s*+,?\s*+(?:and\s++)?out\s++{INT}"), ("out",)),
    # "64 in and 128 out"; not "2 in both directions", "3 in each layer"
    # nor "strides=2 in keras", a setting's value
    ("in_channels", re.compile(rf"(?<![=:])(?<![=:]\s){INT}\s++in\b(?!\s*+(?:(?:an?|the|both|each|"
                               rf"all|every|total|a row|keras|pytorch|torch|tensorflow|tf|"
                               rf"python|code|my|our|practice)\b|\d))"), ("in",)),
    ("out_channels", re.compile(rf"{INT}\s++out\b"), ("out",)),
    # "H=W=16", "H=32, W=16": the input; "C=3": its channels
    # "a kernel of height 5 and width 3": the kernel's sides, before any height and width of
    # the input's
    ("kernel_hw", re.compile(rf"\b(?:kernel|filter)s?\s++(?:of\s++|with\s++(?:a\s++)?)?height\s*+"
                             rf"(?:(?:of|=|:|is)\s*+)?{INT}\s*+,?\s*+(?:and\s++)?(?:a\s++)?width"
                             rf"\s*+(?:(?:of|=|:|is)\s*+)?{INT}"), ("height",)),
    ("patch_hw", re.compile(rf"\bpatch(?:es)?\s++(?:of\s++|with\s++(?:a\s++)?)?height\s*+"
                            rf"(?:(?:of|=|:|is)\s*+)?{INT}\s*+,?\s*+(?:and\s++)?(?:a\s++)?width"
                            rf"\s*+(?:(?:of|=|:|is)\s*+)?{INT}"), ("height",)),
    ("letters_hw", re.compile(rf"\bh\s*+=\s*+{INT}\s*+,?\s*+(?:and\s++)?w\s*+=\s*+{INT}"), ("=",)),
    # folding loses the case of "H=W=32" (the image) and "h=w=3" (the patch): the first named
    # is the image, a second one the patch (and so for "H=10, W=12 ... h=3, w=4")
    ("h_equals_w", re.compile(rf"\bh\s*+=\s*+w\s*+=\s*+({SIZE})"), ("=",)),
    ("in_channels", re.compile(rf"\bc\s*+=\s*+{INT}"), ("=",)),
    ("in_out", re.compile(rf"{INT}\s*(?:->|=>)\s*{INT}"), ("->", "=>")),
    ("in_out", re.compile(rf"{INT}\s*+(?:ch|chan|channels?)\s++in\s++(?:and|&)\s++out\b"),
     ("in",)),
    # "64 3x3 filters": a count of kernels, then their size (and depth: "64 3x3x32 filters")
    ("count_kernel", re.compile(rf"{INT}\s+({XSIZE})\s*(?:conv\w*\s+)?(?:filters|kernels)\b"),
     ("filters", "kernels")),
    # "3x3x64 filters": the kernel's depth is the number of input channels
    ("kernel_depth", re.compile(rf"({SIZE3})\s*(?:conv\w*|kernels?|filters?)\b"),
     ("conv", "kernel", "filter")),
    ("kernel_depth", re.compile(rf"\b(?:kernels?|filters?){_OF}({SIZE3})"), ("kernel", "filter")),
    # "128 input and 256 output channels", "64 and 128 input and output channels": one noun
    ("in_out", re.compile(rf"{INT}\s++(?:input|in)\s++(?:channels?\s++)?and\s++{INT}\s++"
                          rf"(?:output|out)[\s_-]*+{_CHANNELS}"), ("and",)),
    ("in_out", re.compile(rf"{INT}\s++and\s++{INT}\s++(?:input|in)\s++and\s++(?:output|out)"
                          rf"[\s_-]*+{_CHANNELS}"), ("and",)),
    ("in_channels", re.compile(rf"{INT}\s*(?:input|in)[\s_-]*{_CHANNELS}"), ("in",)),
    ("in_channels", re.compile(rf"\b(?:input|in)[\s_-]*(?:channels?|features){_OF}{INT}"), ("in",)),
    ("in_channels", re.compile(rf"{INT}\s+inputs\b"), ("inputs",)),
    # "channels in 32, channels out 64"
    ("in_channels", re.compile(rf"\bchannels?[\s_-]*+in\s*+(?:(?:=|:|of)\s*+)?{INT}"), ("in",)),
    ("out_channels", re.compile(rf"\bchannels?[\s_-]*+out\s*+(?:(?:=|:|of)\s*+)?{INT}"),
     ("out",)),
    ("out_channels", re.compile(rf"{INT}\s*(?:output|out)[\s_-]*{_CHANNELS}"), ("out",)),
    ("out_channels", re.compile(rf"\b(?:output|out)[\s_-]*(?:channels?|features){_OF}{INT}"),
     ("out",)),
    ("out_channels", re.compile(rf"{INT}\s+outputs\b"), ("outputs",)),
    # "a conv layer that outputs 32 channels", "producing 64 feature maps"
    ("out_channels", re.compile(rf"\b(?:outputs|produces|producing|gives|giving)\s++{INT}\s++"
                                rf"{_CHANNELS}"), ("outputs", "produc", "giv")),
    ("in_channels", re.compile(rf"\bin\s*=\s*{INT}"), ("in",)),
    ("out_channels", re.compile(rf"\bout\s*=\s*{INT}"), ("out",)),
    # the word is left for "filters of size 5x5" to read the kernel from
    ("out_channels", re.compile(rf"(?<![x*]\s)(?<![x*]){INT}\s*"
                                r"(?=(?:filters|kernels|feature maps)\b)"),
     ("filters", "kernels", "feature maps")),
    ("groups", re.compile(rf"\bgroups?{_OF}{INT}"), ("group",)),
    ("groups", re.compile(rf"{INT}\s*groups\b"), ("groups",)),
    ("heads", re.compile(rf"{INT}\s*(?:attention\s+)?heads?\b"), ("head",)),
    ("heads", re.compile(rf"\bheads?{_OF}{INT}"), ("head",)),
    # a kernel named by its place: "a 3x3, stride-2 conv" (settings between the size and the
    # layer, the size first in the message or after "a"), "3x3 stride 2 on 57x23" (a size
    # with x right before the stride): only the size is read here, the settings after it by
    # their own patterns
    ("kernel", re.compile(rf"(?:^|\ban?\s++)({SIZE})(?=\s*+,?\s*+(?:(?:stride|"
                          r"dilation|padding)\s*+[=:]?\s*+\d{1,3}+\s*+,?\s*+(?:and\s++)?){1,2}"
                          r"conv)"), ("conv",)),
    # (not the input the layer is applied to: "on 32x32, stride 1", "on picture 200x200, ...")
    ("kernel", re.compile(rf"(?<!\bon )(?<!\bon a )(?<!\bon an )(?<!picture )(?<!image )"
                          rf"(?<!input )(?<!map )(?<!\bto )(?<!\bto a )"
                          rf"({XSIZE})(?=\s*+[,/]?\s*+(?:stride|s=)\s*+[=:]?\s*+\d)"),
     ("stride", "s=")),
    ("stride", re.compile(rf"\bstrides?{_OF}({SIZE})"), ("stride",)),
    # "step 4", "step size 2": the stride, said as the step the window moves by
    ("stride", re.compile(rf"\bstep(?:\s++size)?\s*+(?:=|:|of|is)?\s*+({SIZE})"
                          rf"(?!\s*+(?:of|steps|epochs))"), ("step",)),
    ("stride", re.compile(rf"({SIZE})[\s-]*+strided?s?\b"), ("stride",)),
    ("stride", re.compile(rf"\bs\s*=\s*({SIZE})"), ("=",)),
    # before padding, which would read the 1 of "output padding 1"
    ("output_padding", re.compile(rf"\boutput[\s_-]*padding{_OF}({SIZE})"), ("padding",)),
    # "zero padding of 1 on top/bottom and 2 on left/right": each axis its own
    ("padding_hw", re.compile(rf"\b(?:zero)?padd?(?:ing|ed)?{_OF}(?:by\s+)?{INT}{_ON_SIDE}"
                              rf"{_SIDE_PAIR}\s*+,?\s*+(?:and\s++)?{INT}{_ON_SIDE}"), ("pad",)),
    ("padding", re.compile(rf"\bzeropadd?(?:ing|ed)?{_OF}(?:by\s+)?{INT}"), ("zeropad",)),
    # "no zero padding": none (the course's "zero padding" alone is size-preserving)
    ("padding", re.compile(r"\b(?:no|without|w/o)\s++(?:any\s++)?zero[\s-]*+padd?(?:ing|ed)?\b"),
     ("pad",)),
    # (not "no padding on height, 1 on width": one axis's, said beside the pair)
    ("padding", re.compile(r"\b(same|valid|no|zero)[\s-]*padd?(?:ing|ed)?\b(?!\s++(?:on|for|"
                           r"along|in)\s++(?:the\s++)?(?:height|width|top|bottom|left|right|rows|"
                           r"columns|h|w)\b)"), ("pad",)),
    # "pad with zeros", "padded it with zeros" (no amount): the course's zero padding
    ("padding", re.compile(r"\bpad(?:s|ded|ding)?\s++(?:it\s++|them\s++|the\s++\w++\s++)?"
                           r"with\s++(zero)(?:e?s)?\b(?!\s*+(?:of\s++)?\d)"), ("pad",)),
    ("padding", re.compile(r"\b(?:without|w/o)\s+(?:any\s+)?padd?(?:ing)?\b"), ("pad",)),
    ("padding", re.compile(rf"\bpadd?(?:ing|ed)?{_OF}(?:by\s+|with\s+)?(same|valid|{SIZE})"),
     ("pad",)),
    ("padding", re.compile(rf"\bp\s*=\s*(same|valid|{SIZE})"), ("=",)),
    # last of the paddings: "kernel 3 padding 1" must not read 3 as the padding
    ("padding", re.compile(rf"{INT}\s*(?:pixels?\s*|px\s*)?(?:of\s+)?(?:zero)?padd?(?:ing)?\b"),
     ("pad",)),
    ("dilation", re.compile(rf"\bdilat(?:ion|ed)(?:[\s_]*+rate)?{_OF}(?:by\s+)?({SIZE})"),
     ("dilat",)),
    ("dilation", re.compile(rf"({SIZE})\s*dilation\b"), ("dilation",)),
    ("dilation", re.compile(rf"\bd\s*=\s*({SIZE})"), ("=",)),
    ("patch", re.compile(rf"({SIZE})\s*+(?:(?:pixel|image|square|disjoint|overlapping|"
                         r"non[\s-]?overlapping)\s++){0,2}patch(?:es)?\b"), ("patch",)),
    ("patch", re.compile(rf"\bpatch(?:es)?{_OF}({SIZE})"), ("patch",)),
    # "going to 12 channels", "into 64 feature maps", "224x224x3 -> 96 channels": what the
    # layer makes
    ("out_channels", re.compile(rf"(?:\bto|\binto|->|=>)\s*+{INT}\s*+(?:output\s++)?"
                                r"(?:channels?|filters?|feature maps?)\b"), ("to", "->", "=>")),
    ("in_channels", re.compile(rf"(?<![x*]\s)(?<![x*]){INT}[\s-]*channels?\b"), ("channel",)),
    # a bare 1 before the word counts filters ("1 conv filter", from "one conv filter"); a 1x1 is
    # a kernel
    # (not "the 55x55 conv output": a map a convolution gave, the input of what comes next)
    ("kernel", re.compile(rf"(?!1\s*+(?:conv|kernel|filter))({SIZE})\s*(?:conv\w*+|kernels?+|"
                          r"filters?+|windows?+|max[\s-]*+pool\w*+|"
                          r"avg[\s-]*+pool\w*+|average[\s-]*+pool\w*+|pool\w*+|deconv\w*+|"
                          r"transposed)(?!\s*+(?:outputs?|out\b|feature|maps?\b|activations?))"),
     ("conv", "kernel", "filter", "window", "pool", "deconv", "transposed")),
    ("kernel", re.compile(rf"\b(?:kernels?|filters?|windows?|pool(?:ing)?){_OF}({SIZE})"),
     ("kernel", "filter", "window", "pool")),
    # PyTorch's MaxPool2d(kernel, stride, padding), by position or by name
    ("kernel_stride", re.compile(rf"\b(?:max|avg)pool[123]d\s*+\(\s*+(?:kernel_size\s*+=\s*+)?"
                                 rf"{INT}\s*+,\s*+(?:stride\s*+=\s*+)?{INT}"
                                 rf"(?:\s*+,\s*+(?:padding\s*+=\s*+)?{INT})?\s*+\)"), ("pool",)),
    ("kernel", re.compile(rf"pool\w*\s*\(\s*(?:kernel_size\s*=\s*)?({SIZE})"), ("pool",)),
    ("kernel", re.compile(rf"\bconv\w*+\s++({XSIZE})"), ("conv",)),
    # terse "k 2 s 2": only as a pair, a lone "s 2" could be anything ("it's 2" loses its ')
    ("kernel_stride", re.compile(rf"\b(?:k|\w*pool\w*)\s++({SIZE})\s*+,?\s*+s\s++({SIZE})"
                                 rf"(?:\s*+,?\s*+p\s++({SIZE}))?"), ("k", "pool")),
    ("kernel", re.compile(rf"\b[kf]\s*=\s*({SIZE})"), ("=",)),
    ("input", re.compile(rf"\b(?:input|image|img|picture|photo|feature\s*map|activation map|"
                         rf"mnist|cifar|tensor)s?{_OF}({SIZE})"),
     ("input", "image", "img", "picture", "photo", "feature", "activation map", "mnist", "cifar",
      "tensor")),
    ("input", re.compile(rf"({SIZE})\s*(?:input|image|img|picture|photo|feature\s*map|rgb|"
                         r"grayscale|greyscale|pixels?|px)"),
     ("input", "image", "img", "picture", "photo", "feature", "rgb", "grayscale", "greyscale",
      "pixel", "px")),
    ("input", re.compile(rf"\b[ni]\s*=\s*({SIZE})"), ("=",)),
    # "height 30 width 22", "image of height 64 and width 48" (after the sizes named with a
    # word, so that "a 32x16x3 image with 4x2 patches (height 4, width 2)" keeps its image)
    ("input_hw", re.compile(rf"\bheight\s*+(?:(?:of|=|:|is)\s*+)?{INT}\s*+,?\s*+(?:and\s++)?"
                            rf"width\s*+(?:(?:of|=|:|is)\s*+)?{INT}"), ("height",)),
]
# A count written after its number: "45 TP", "14 true positives". Tried first in a message that
# writes its counts this way ("14 true positives 6 false positives ..."), where the pattern for
# a label before its number would pair each label with the next count's number; last otherwise.
_COUNT_AFTER_NUMBER = ("count", re.compile(rf"{INT}\s*+(?:(tp|fp|tn|fn)s?\b|(true|false)[\s-]++"
                                           r"(positive|negative|pos|neg)s?\b)"),
                       ("tp", "fp", "tn", "fn", "true", "false"))
_FIRST_COUNT = re.compile(r"\b(?:tp|fp|tn|fn)s?\b|\b(?:true|false)[\s-]++(?:pos|neg)")
_NUMBER_BEFORE = re.compile(r"(?<![\w.])\d{1,7}\s*+$")
_SLOTS_NUMBER_FIRST = [_COUNT_AFTER_NUMBER, *_SLOT_PATTERNS]
_SLOT_PATTERNS.append(_COUNT_AFTER_NUMBER)
# Patterns that read no number ("same padding", "without padding", "padding valid").
_WORDS_ONLY = frozenset({"padding"})
# Patterns that fill several slots at once, and which slots, in the order of their values.
_MULTI_SLOTS = {
    "in_out": ("in_channels", "out_channels"),
    "torch_conv": ("in_channels", "out_channels", "kernel", "stride", "padding", "dilation"),
    "nchw": ("in_channels", "input"),
    "kernel_stride": ("kernel", "stride", "padding"),
    "count_kernel": ("out_channels", "kernel", "in_channels"),
    "kernel_depth": ("kernel", "in_channels"),
    "keras_conv": ("out_channels", "kernel"),
    "counts": ("tp", "fp", "tn", "fn"),
    "input_hw": ("input",),
    "kernel_hw": ("kernel",),
    "patch_hw": ("patch",),
    "padding_hw": ("padding",),
}
# Words before a number that make it the name of a question, not a value: "q2", "question 3".
_REFERENCE = re.compile(
    r"(?:\b[qa]|\bq\s++|\b(?:question|exercise|ex|problem|part|task|slide|lecture|week|chapter|"
    r"section|hw|homework|assignment|lab|quiz)\s*+(?:[.#]\s*+)?(?:no\.?\s*+|number\s*+)?)$")
# How far back from a number a reference can start ("assignment no. " and a few spaces): the
# look-back reads this window, never the whole text before every number.
_REFERENCE_REACH = 32
_DIGIT = re.compile(r"\d")
# A number with a unit of time, money, distance, weight or storage is a quantity, not a size:
# "my token expires after 5 minutes" names no image of 5 x 5 pixels.
_NOT_A_SIZE_UNIT = re.compile(
    r" ?+(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|"
    r"dollars?|euros?|pounds?|bucks|usd|eur|gbp|km|kms|miles?|metres?|meters?|kg|kgs|lbs?|"
    r"grams?|gb|mb|tb|ghz|mph|percent|am|pm|images|imgs|photos|pictures|samples|examples|"
    # "three times in a row": a count ("5 times 5" is a size)
    r"times(?!\s*+\d))\b|"
    r" ?+%")
# A number hyphenated to a name is a version or a model, not a size: "gpt-4o", "resnet-50",
# "python-3" (the setting names are read by their own patterns before this is asked).
_NAME_BEFORE = re.compile(r"(?<![\w-])[a-z]{2,12}+-$")
_SETTING_NAME = re.compile(r"(?:kernel|filter|stride|padding|pad|dilation|input|image|patch|"
                           r"size|channels?)-$")


# "a square image" (not "it's not square btw")
_SAID_SQUARE = re.compile(r"(?<!not )(?<!n't )\bsquare\b")
# A side or a width named alone: "an image with width 320", "ViT ... width 768" (a model's), no
# image's size (both sides named are read by the slots)
_ONE_SIDE_NAMED = re.compile(r"\b(?:width|height)\s*+(?:of\s++|=\s*+|:\s*+|is\s++)?$")
# One side of an image in words: "300 pixels wide", "64 px tall"
_ONE_SIDE = re.compile(r"(?<![\w.])(\d{1,7}+)\s*+(?:px|pixels?)?\s*+(?:wide|tall|high|across)\b")


def named_shape(slots: dict) -> list[int] | None:
    """The H x W x C size among a text's slots: the input's, else the first one no slot took."""
    shape = slots.get("input")
    if isinstance(shape, list) and len(shape) == 3:
        return shape
    return next((size for size in slots.get("_leftover", []) if len(size) == 3), None)


def find_slots(text: str) -> dict:
    """Every value the text names, by slot; each size is an int or a list of ints.

    `text` must already be `prepare`d. Spans are consumed left to right per pattern, so a number
    is read once: "3x3 conv 64 -> 128" yields kernel 3, in_channels 64, out_channels 128.
    Sizes no pattern names are listed in order under "_leftover"; a proposed result is kept
    under "_claim" so that it is never read as an input.
    """
    slots: dict = {}
    if _more_numbers_than(text, MAX_NUMBERS):
        # A layer is described by a handful of numbers; a run of dozens is a list, a table or
        # an attack, and reading it as sizes would only invent a calculation (and cost time).
        slots["_leftover"] = []
        return slots
    taken: list[tuple[int, int]] = []
    has_digit = _DIGIT.search(text) is not None
    for name, pattern, needs in (_SLOTS_NUMBER_FIRST if _counts_after_numbers(text)
                                 else _SLOT_PATTERNS):
        # each pattern runs only on text that has its key words (and a number, if it reads
        # one): most messages name two or three settings, not fifty
        if not any(word in text for word in needs) or \
                (name not in _WORDS_ONLY and not has_digit):
            continue
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            digit = _DIGIT.search(match.group(0))
            if digit and (_is_reference(text, match.start() + digit.start()) or
                          _in_a_name(text, match.start() + digit.start())):
                continue   # "question 3", "resnet-50 conv1": no value
            value = _slot_value(name, match)
            if value is None or not _store(slots, name, value):
                continue
            taken.append(span)
    if isinstance(slots.get("input"), int) and not _SAID_SQUARE.search(text):
        side = _ONE_SIDE.search(text)
        if side is not None and int(side.group(1)) == slots["input"]:
            # "an image 300 pixels wide": its height is not given, so there is no size to
            # work with (never a 300 x 300 image made up)
            del slots["input"]
    leftover: list[list[int]] = []
    for m in SIZE_RE.finditer(text):
        if len(leftover) == MAX_LEFTOVER_SIZES:
            break  # a calculation takes two or three unnamed sizes; a list of numbers is not one
        if not any(m.start() < end and start < m.end() for start, end in taken) and \
                not _is_reference(text, m.start()) and not _is_quantity(text, m) and \
                not _ONE_SIDE_NAMED.search(text, max(0, m.start() - 16), m.start()):
            leftover.append(parse_size(m.group(0)))
    slots["_leftover"] = leftover
    return slots


def _is_quantity(text: str, size: re.Match) -> bool:
    """Whether an unnamed number is an amount of time, money, ... (see _NOT_A_SIZE_UNIT; a
    currency sign is gone by now, with the other dollar signs of LaTeX), or part of a name
    ("gpt-4o", see _NAME_BEFORE)."""
    if _NOT_A_SIZE_UNIT.match(text, size.end()) is not None:
        return True
    return _in_a_name(text, size.start())


def _in_a_name(text: str, start: int) -> bool:
    """Whether the number at `start` is hyphenated to a name ("resnet-50", "gpt-4o"), not to a
    setting's ("stride-2")."""
    before = text[max(0, start - 14):start]
    return _NAME_BEFORE.search(before) is not None and _SETTING_NAME.search(before) is None


def _counts_after_numbers(text: str) -> bool:
    """Whether the first confusion-matrix count is written after its number ("45 TP, ...");
    not when that number names a question ("question 2 tp 5 fp 3 ...")."""
    first = _FIRST_COUNT.search(text)
    number = first and _NUMBER_BEFORE.search(text, max(0, first.start() - 12), first.start())
    return bool(number) and not _is_reference(text, number.start())


def _more_numbers_than(text: str, limit: int) -> bool:
    """Whether `text` holds more than `limit` runs of digits (counting stops at limit + 1)."""
    return next(itertools.islice(DIGITS.finditer(text), limit, None), None) is not None


def _store(slots: dict, name: str, value) -> bool:
    """Put a matched value in its slot(s); False when the slot was already filled."""
    if name == "claim":
        slots.setdefault("_claim", value)
        return True  # every proposed result is consumed, so none is left over as an input
    if name == "training":
        return True  # consumed, so that no size is read from it
    if name in ("count", "cell"):
        name, value = value
    if name == "h_equals_w":
        name = "patch" if "input" in slots else "input"
    if name == "letters_hw":
        # "H=10, W=12, C=2, h=3, w=4" (folded alike): the image's sides, then the patch's
        name = "patch_hw" if "input" in slots else "input_hw"
    if name in _MULTI_SLOTS:
        for slot, part in zip(_MULTI_SLOTS[name], value, strict=True):
            if part is not None:
                slots.setdefault(slot, part)
        return True
    if name in slots:
        return False
    slots[name] = value
    return True


def _is_reference(text: str, start: int) -> bool:
    """True for numbers that name a question ("q2", "question 3") rather than a value."""
    return bool(_REFERENCE.search(text, max(0, start - _REFERENCE_REACH), start))


# A bare number before a plural ("50000 images", "128 inputs" of a batch) counts things
_A_COLLECTION = re.compile(r"(?<!\d)\d++\s*+(?:images|imgs|pictures|photos|inputs)\b")


def _slot_value(name: str, match: re.Match):
    """The value a pattern's match stands for (a tuple for several slots), None if unusable."""
    groups = [g for g in match.groups() if g is not None]
    if name == "input" and _A_COLLECTION.match(match.group(0)):
        return None   # "training on 50000 images": how many, not how big
    if name == "training":
        return True
    if name == "count":
        return _count_slot(groups)
    if name == "cell":
        return _cell_slot(groups, match.group(0).startswith("predicted"))
    if name == "counts":
        return _counts_slot(groups)
    if name == "in_out":
        # "64 ch in and out": one number for both
        return int(groups[0]), int(groups[1] if len(groups) > 1 else groups[0])
    if name == "keras_conv":
        return int(groups[0]), pair(parse_size(groups[1])[:2])
    if name == "kernel_stride":
        padding = pair(parse_size(groups[2])[:2]) if len(groups) > 2 else None
        return pair(parse_size(groups[0])[:2]), pair(parse_size(groups[1])[:2]), padding
    if name == "padding_hw":
        first, side, second = int(groups[0]), groups[1], int(groups[2])
        return (pair([first, second] if side in _HEIGHT_SIDES else [second, first]),)
    if name in ("input_hw", "kernel_hw", "patch_hw", "letters_hw"):
        return (pair([int(groups[0]), int(groups[1])]),)
    if name == "torch_conv":
        kernel = pair(parse_size(groups[2])[:2]) if len(groups) > 2 else None
        stride = int(groups[3]) if len(groups) > 3 else None
        padding = int(groups[4]) if len(groups) > 4 else None
        dilation = int(groups[5]) if len(groups) > 5 else None
        return int(groups[0]), int(groups[1]), kernel, stride, padding, dilation
    if name == "nchw":
        return int(groups[1]), pair([int(groups[2]), int(groups[3])])
    if name == "count_kernel":
        numbers = parse_size(groups[1])
        return int(groups[0]), pair(numbers[:2]), (numbers[2:] or [None])[0]
    if name == "kernel_depth":
        numbers = parse_size(groups[0])
        return pair(numbers[:2]), numbers[2]
    if name == "claim":
        return parse_size(groups[0])
    if name == "padding":
        word = groups[0] if groups else "no"
        if word in ("same", "valid", "zero"):
            return word
        if word == "no":
            return 0
        return pair(parse_size(word))
    if name in ("in_channels", "out_channels", "heads", "groups"):
        return int(groups[0])
    numbers = parse_size(groups[0])
    if name == "input":
        if numbers == [1]:
            return None  # "for 1 image", "a single input": a count, not a size
        return numbers[:3] if len(numbers) == 3 else pair(numbers)
    if not numbers or len(numbers) > 2:
        return None
    return pair(numbers)


_COUNT_NAMES = {("true", "positive"): "tp", ("false", "positive"): "fp",
                ("true", "negative"): "tn", ("false", "negative"): "fn",
                ("true", "pos"): "tp", ("false", "pos"): "fp",
                ("true", "neg"): "tn", ("false", "neg"): "fn"}


def _count_slot(groups: list[str]) -> tuple[str, int]:
    """("tp", 40) from the groups of a count pattern, in whichever order they were written."""
    number = int(next(g for g in groups if g.isdigit()))
    words = [g for g in groups if not g.isdigit()]
    name = words[0] if len(words) == 1 else _COUNT_NAMES[(words[0], words[1])]
    return _SIGNAL_DETECTION.get(name, "tn" if name == "tf" else name), number


_SIGNAL_DETECTION = {"hit": "tp", "miss": "fn", "false alarm": "fp", "correct rejection": "tn"}


def _cell_slot(groups: list[str], predicted_first: bool) -> tuple[str, int]:
    """("fp", 18) from "predicted positive and actually negative: 18"."""
    first, second, number = groups
    predicted, actual = (first, second) if predicted_first else (second, first)
    return ("t" if predicted == actual else "f") + predicted[0], int(number)


def _counts_slot(groups: list[str]) -> tuple[int, ...]:
    """The four counts of "TP/FP/TN/FN = 25/5/60/10" in tp, fp, tn, fn order."""
    names = _COUNT_LIST_SEPARATOR.split(groups[0])
    values = dict(zip(names, (int(g) for g in groups[1:5]), strict=True))
    return tuple(values.get(name) for name in ("tp", "fp", "tn", "fn"))


_COUNT_LIST_SEPARATOR = re.compile(r"(?<!\s)\s*+[/,]\s*+")


# --- bias -------------------------------------------------------------------------------------

# ... also "if no layer has a bias", "with no layer having biases"
_NO_BIAS = re.compile(r"\b(?:no|without|w/o)\s+(?:a\s+|any\s+)?bias(?:es)?|bias\s*=\s*false|"
                      r"\bno\s++(?:layers?|units?|neurons?|filters?)\s++(?:has|have|having|with|"
                      r"uses?|using)\s++(?:a\s++|any\s++)?bias(?:es)?\b|"
                      r"bias[\s-]free|\bbias(?:es)?\s++(?:off|disabled)\b")
_WITH_BIAS = re.compile(r"\bwith\s+(?:a\s+)?bias(?:es)?\b|(?<!use_)bias\s*=\s*true|"
                        r"use_bias\s*+=\s*+true|\bbias(?:es)?\s++(?:on|included)\b")


def bias_said(text: str) -> bool | None:
    """Whether the text asks for biases (None: it does not say)."""
    return read_bias(text, {})


def read_bias(text: str, slots: dict) -> bool | None:
    """Whether the text asks for a bias (None: it does not say, nor did an earlier message's
    `slots`): every calculator's reader asks this one."""
    if _NO_BIAS.search(text):
        return False
    if _WITH_BIAS.search(text):
        return True
    return slots.get("bias")
