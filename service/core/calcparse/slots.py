"""Read a calculation out of free text: which calculator, and the numbers it needs.

"output size of a 28x28 input with a 5 by 5 kernel, stride two, same padding" becomes
`CalcRequest("conv", {"input": 28, "kernel": 5, "stride": 2, "padding": "same"})` (a square
size is one int, any other a [height, width] list). Rules and regular expressions only; no
model. What is missing is listed, so the dialogue can ask for exactly that, and defaults it
assumed are listed, so the reply can say so.

Sizes may be written "3x3", "3 x 3", "3 by 3", "3×3", "$3 \\times 3$", "[3, 3]", "(3,3)", one
number, or in words ("thirty-two by thirty-two"); settings as "stride 2", "stride of 2",
"stride=2", "s=2", "2 stride", and likewise for padding ("same", "valid", "no padding",
"1 pixel of padding"), kernel ("5x5 conv", "kernel_size=5", "k=5"), dilation and channels
("from 64 to 128 channels", "64 -> 128", "16 filters", "Conv2d(3, 16, 5)"). Numbers that name a
question ("q2", "question 3") or a result to check ("is the answer 289?") are not values.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field

from service.calculators.eigen import MAX_MATRIX_SIZE
from service.core.textnorm import Message, as_message

# Numbers stand alone: not the 2 of "q2", not the 0 or 5 of "0.5".
_ALONE = r"(?<![\w.])"
_END = r"(?![\w.]?\d)"
INT = rf"{_ALONE}(\d{{1,7}}){_END}"
_X = r"\s*+(?:x|\*|by)\s*+"
# A size: "28x28", "28 x 28 x 3", "5 by 5", "[3, 3]", "(32,32,3)" or a single int. XSIZE has
# two or three dimensions, for where a bare number would be ambiguous; SIZE3 has exactly three.
XSIZE = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{1,2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){1,2}[\])])")
SIZE = rf"(?:{XSIZE}|{_ALONE}\d{{1,7}}{_END})"
SIZE3 = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){2}[\])])")
_SIZE_RE = re.compile(SIZE)
MAX_LEFTOVER_SIZES = 8  # unnamed sizes read from one message, at most
MAX_NUMBERS = 32  # a message with more numbers than this describes no single layer
_DIGITS = re.compile(r"\d+")

REQUIRED = {
    "conv": ("input", "kernel"),
    "params": ("kernel", "in_channels"),
    "eigen": ("matrix",),
    "attention": ("input", "patch"),
    "metrics": ("tp", "fp", "tn", "fn"),
}

# A calculation must have at least one of these from the student's own numbers; settings
# alone (a stride, a padding) are nothing to compute on.
ANCHORS = {
    "conv": ("input", "kernel"),
    "params": ("kernel", "in_channels", "input", "in_features", "out_features"),
    "eigen": ("matrix",),
    "attention": ("input", "patch"),
    "metrics": ("tp", "fp", "tn", "fn"),
}

# How to ask for a missing value, per slot.
SLOT_QUESTIONS = {
    "input": "the input size (e.g. `28x28`)",
    "kernel": "the kernel size (e.g. `3x3`)",
    "in_channels": "the number of input channels (e.g. `64 input channels`)",
    "matrix": "the recurrent weight matrix, e.g. `[[0.5, 0.2], [0.1, 1.3]]`",
    "patch": "the patch size (e.g. `4x4 patches`)",
    "channels": "the number of image channels (e.g. `32x32x3`)",
    "in_features": "the number of input features (e.g. `784 -> 256`)",
    "out_features": "the number of output features (e.g. `256 outputs`)",
    "tp": "the true positives (e.g. `TP=40`)",
    "fp": "the false positives (e.g. `FP=10`)",
    "tn": "the true negatives (e.g. `TN=45`)",
    "fn": "the false negatives (e.g. `FN=5`)",
}


@dataclass
class CalcRequest:
    """A calculation read from text: the calculator, its arguments, and what is still missing."""

    calculator: str
    args: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether the calculator can run: nothing is missing."""
        return not self.missing


def parse_size(text: str) -> list[int]:
    """All integers of one size expression, in order: "5 by 5" -> [5, 5]."""
    return [int(n) for n in _DIGITS.findall(text)]


def _pair(numbers: list[int]) -> int | list[int]:
    """One int for a square size ([5, 5] -> 5), else [height, width]; calculators take both."""
    if len(numbers) == 1 or (len(numbers) == 2 and numbers[0] == numbers[1]):
        return numbers[0]
    return numbers[:2]


# --- matrices ---------------------------------------------------------------------------------

# Rows are read up to one more than the calculator takes, so that a matrix one row too large is
# still found (and refused by the calculator) while the scan stays bounded.
MAX_MATRIX_ROWS = MAX_MATRIX_SIZE + 1
# Separators between rows are unambiguous (spaces, then one comma or semicolon, then spaces), so
# a row that does not close is given up on in one pass rather than retried in every split.
_MATRIX = re.compile(r"\[\s*+\[[^\[\]]*+\](?:\s*+(?:[,;]\s*+)?\[[^\[\]]*+\])"
                     rf"{{0,{MAX_MATRIX_ROWS - 1}}}\s*+\]")
_ROW = re.compile(r"\[([^\[\]]*+)\]")
# MATLAB style, rows split by semicolons: "[0.5 0.2; 0.1 1.3]"
_MATLAB_MATRIX = re.compile(r"\[([-+.\de\s,]*+;[-+.\de\s,;]*+)\]")
# A pasted LaTeX matrix, as `fold` leaves it: "{bmatrix} 0.5 & 0.2 \\ 0.1 & 1.3 {bmatrix}"
_LATEX_MATRIX_MARK = re.compile(r"\{[bpv]?matrix\}")
_NUMBER = re.compile(r"[-+]?(?:\d++(?:\.\d*+)?|\.\d++)(?:e[-+]?\d++)?")
# Without brackets, rows split by semicolons after the matrix's name: "W_h = 0.9 0.3; -0.2 0.7"
_NAMED_MATRIX = re.compile(r"\bw(?:h|_h)?\s*+=\s*+([-+.\d\s,;]{3,2000}+)")


def find_matrix(text: str) -> list[list[float]] | None:
    """The first matrix in the text as rows of floats, or None (also for an empty row).

    Reads `[[a, b], [c, d]]` (commas or spaces), `[a b; c d]` and a LaTeX bmatrix/pmatrix.
    """
    found = _MATRIX.search(text)
    if found:
        rows = _ROW.findall(found.group(0)[1:-1])
    elif (latex := _latex_matrix(text)) is not None:
        rows = [row for row in latex.split("\\\\") if row.strip()]
    elif found := _MATLAB_MATRIX.search(text):
        rows = [row for row in found.group(1).split(";") if row.strip()][:MAX_MATRIX_ROWS]
    elif (found := _NAMED_MATRIX.search(text)) and ";" in found.group(1):
        rows = [row for row in found.group(1).split(";") if row.strip()][:MAX_MATRIX_ROWS]
    else:
        return None
    matrix = [[_number(n) for n in _NUMBER.findall(row)[:MAX_MATRIX_ROWS]] for row in rows]
    return matrix if matrix and all(matrix) else None


def _latex_matrix(text: str) -> str | None:
    """What lies between the first two matrix markers ("{bmatrix} ... {bmatrix}"), or None.

    Found by listing the markers once: a lazy pattern from every opening marker to the next
    would rescan the rest of the text from each of many unclosed ones.
    """
    marks = [m.span() for m in itertools.islice(_LATEX_MATRIX_MARK.finditer(text), 2)]
    if len(marks) < 2:
        return None
    return text[marks[0][1]:marks[1][0]]


def _number(text: str) -> float:
    """A matrix entry as a float; one beyond float range (a 400-digit number) is kept as
    infinity for the calculator to refuse by name, never read as a different number."""
    try:
        return float(text)
    except OverflowError:  # float() of a decimal string saturates; kept for clarity
        return math.inf


# --- slots ------------------------------------------------------------------------------------

# "kernel size of", "stride =", "input is a": each run of spaces is consumed by exactly one part
# (possessive, and every optional part starts with a word), so no run is split two ways.
_OF = (r"[\s_]*+(?:(?:size|shape|dims?|dimensions?)\s*+)?(?:(?:of|=|:|is|are|at)\s*+)?"
       r"(?:(?:an?|size)\s++)?")
_CHANNELS = r"(?:channels?|feature maps?|features|units|neurons)"
_SLOT_PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = [
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
    # confusion-matrix counts: "TP=40", "40 true positives", "false negatives: 5"
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
    ("count", re.compile(rf"{INT}\s*+(?:(tp|fp|tn|fn)s?\b|(true|false)[\s-]++"
                         r"(positive|negative|pos|neg)s?\b)"),
     ("tp", "fp", "tn", "fn", "true", "false")),
    # Keras calls: Conv2D(filters, kernel_size, ...) (textnorm.prepare marks Keras's capital D)
    ("keras_conv", re.compile(rf"\bkerasconv[123]d\s*+\(\s*+(?:filters\s*+=\s*+)?{INT}\s*+,"
                              rf"\s*+(?:kernel_size\s*+=\s*+)?({SIZE})"), ("kerasconv",)),
    # PyTorch calls: Conv2d(in, out, kernel), Linear(in, out)
    ("torch_conv", re.compile(rf"\bconv(?:transpose)?[123]?d?\s*\(\s*(?:in_channels\s*=\s*)?{INT}"
                              rf"\s*,\s*(?:out_channels\s*=\s*)?{INT}"
                              rf"(?:\s*,\s*(?:kernel_size\s*=\s*)?({SIZE})"
                              rf"(?:\s*+,\s*+{INT}(?:\s*+,\s*+{INT})?)?)?"), ("conv",)),
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
    ("in_out", re.compile(rf"(?:from\s+)?{INT}\s*(?:input\s+)?(?:channels?\s*)?(?:->|=>|to|into)\s*"
                          rf"{INT}\s*(?:output\s+)?(?:channels?|filters?|feature maps?|maps?)"),
     ("->", "=>", "to")),
    ("in_out", re.compile(rf"\bfrom\s+{INT}\s+(?:to|->|into)\s+{INT}\b"), ("from",)),
    # "reducing 256 channels to 64", "256 channels down to 64"
    ("in_out", re.compile(rf"{INT}\s*+(?:input\s++)?channels?\s++(?:(?:down|up)\s++)?(?:to|->|into)"
                          rf"\s++{INT}\b"), ("channel",)),
    # "in/out 64/128", "64/128 in/out"
    ("in_out", re.compile(rf"\bin\s*+/\s*+out(?:\s*+channels?)?\s*+(?:(?:=|:|of)\s*+)?{INT}\s*+/"
                          rf"\s*+{INT}"), ("/",)),
    ("in_out", re.compile(rf"{INT}\s*+/\s*+{INT}\s*+(?:channels?\s++)?in\s*+/\s*+out\b"), ("/",)),
    # "C_in=64" (folded to "cin=64"), "C_out = 128", and "128 in and 128 out"
    ("in_channels", re.compile(rf"\bc_?in\s*+=\s*+{INT}"), ("cin", "c_in")),
    ("out_channels", re.compile(rf"\bc_?out\s*+=\s*+{INT}"), ("cout", "c_out")),
    ("in_channels", re.compile(rf"{INT}\s++in\b(?!\s*+(?:(?:an?|the)\b|\d))"), ("in",)),
    ("out_channels", re.compile(rf"{INT}\s++out\b"), ("out",)),
    # "H=W=16", "H=32, W=16": the input; "C=3": its channels
    ("input_hw", re.compile(rf"\bh\s*+=\s*+{INT}\s*+,?\s*+(?:and\s++)?w\s*+=\s*+{INT}"), ("=",)),
    # folding loses the case of "H=W=32" (the image) and "h=w=3" (the patch): the first named
    # is the image, a second one the patch
    ("h_equals_w", re.compile(rf"\bh\s*+=\s*+w\s*+=\s*+({SIZE})"), ("=",)),
    ("in_channels", re.compile(rf"\bc\s*+=\s*+{INT}"), ("=",)),
    ("in_out", re.compile(rf"{INT}\s*(?:->|=>)\s*{INT}"), ("->", "=>")),
    # "64 3x3 filters": a count of kernels, then their size (and depth: "64 3x3x32 filters")
    ("count_kernel", re.compile(rf"{INT}\s+({XSIZE})\s*(?:conv\w*\s+)?(?:filters|kernels)\b"),
     ("filters", "kernels")),
    # "3x3x64 filters": the kernel's depth is the number of input channels
    ("kernel_depth", re.compile(rf"({SIZE3})\s*(?:conv\w*|kernels?|filters?)\b"),
     ("conv", "kernel", "filter")),
    ("kernel_depth", re.compile(rf"\b(?:kernels?|filters?){_OF}({SIZE3})"), ("kernel", "filter")),
    ("in_channels", re.compile(rf"{INT}\s*(?:input|in)[\s_-]*{_CHANNELS}"), ("in",)),
    ("in_channels", re.compile(rf"\b(?:input|in)[\s_-]*(?:channels?|features){_OF}{INT}"), ("in",)),
    ("in_channels", re.compile(rf"{INT}\s+inputs\b"), ("inputs",)),
    ("out_channels", re.compile(rf"{INT}\s*(?:output|out)[\s_-]*{_CHANNELS}"), ("out",)),
    ("out_channels", re.compile(rf"\b(?:output|out)[\s_-]*(?:channels?|features){_OF}{INT}"),
     ("out",)),
    ("out_channels", re.compile(rf"{INT}\s+outputs\b"), ("outputs",)),
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
    ("stride", re.compile(rf"\bstrides?{_OF}({SIZE})"), ("stride",)),
    ("stride", re.compile(rf"({SIZE})[\s-]*+strided?s?\b"), ("stride",)),
    ("stride", re.compile(rf"\bs\s*=\s*({SIZE})"), ("=",)),
    # before padding, which would read the 1 of "output padding 1"
    ("output_padding", re.compile(rf"\boutput[\s_-]*padding{_OF}({SIZE})"), ("padding",)),
    ("padding", re.compile(rf"\bzeropadd?(?:ing|ed)?{_OF}(?:by\s+)?{INT}"), ("zeropad",)),
    ("padding", re.compile(r"\b(same|valid|no|zero)[\s-]*padd?(?:ing|ed)?\b"), ("pad",)),
    ("padding", re.compile(r"\b(?:without|w/o)\s+(?:any\s+)?padd?(?:ing)?\b"), ("pad",)),
    ("padding", re.compile(rf"\bpadd?(?:ing|ed)?{_OF}(?:by\s+|with\s+)?(same|valid|{SIZE})"),
     ("pad",)),
    ("padding", re.compile(rf"\bp\s*=\s*(same|valid|{SIZE})"), ("=",)),
    # last of the paddings: "kernel 3 padding 1" must not read 3 as the padding
    ("padding", re.compile(rf"{INT}\s*(?:pixels?\s*|px\s*)?(?:of\s+)?(?:zero)?padd?(?:ing)?\b"),
     ("pad",)),
    ("dilation", re.compile(rf"\bdilat(?:ion|ed)(?:\s*rate)?{_OF}(?:by\s+)?({SIZE})"), ("dilat",)),
    ("dilation", re.compile(rf"({SIZE})\s*dilation\b"), ("dilation",)),
    ("dilation", re.compile(rf"\bd\s*=\s*({SIZE})"), ("=",)),
    ("patch", re.compile(rf"({SIZE})\s*+(?:(?:pixel|image|square|disjoint|overlapping|"
                         r"non[\s-]?overlapping)\s++){0,2}patch(?:es)?\b"), ("patch",)),
    ("patch", re.compile(rf"\bpatch(?:es)?{_OF}({SIZE})"), ("patch",)),
    ("in_channels", re.compile(rf"(?<![x*]\s)(?<![x*]){INT}[\s-]*channels?\b"), ("channel",)),
    ("kernel", re.compile(rf"({SIZE})\s*(?:conv\w*|kernels?|filters?|windows?|max\s*pool\w*|"
                          r"avg\s*pool\w*|average\s*pool\w*|pool\w*|deconv\w*|transposed)"),
     ("conv", "kernel", "filter", "window", "pool", "deconv", "transposed")),
    ("kernel", re.compile(rf"\b(?:kernels?|filters?|windows?|pool(?:ing)?){_OF}({SIZE})"),
     ("kernel", "filter", "window", "pool")),
    ("kernel", re.compile(rf"pool\w*\s*\(\s*(?:kernel_size\s*=\s*)?({SIZE})"), ("pool",)),
    ("kernel", re.compile(rf"\bconv\w*+\s++({XSIZE})"), ("conv",)),
    # terse "k 2 s 2": only as a pair, a lone "s 2" could be anything ("it's 2" loses its ')
    ("kernel_stride", re.compile(rf"\b(?:k|\w*pool\w*)\s++({SIZE})\s*+,?\s*+s\s++({SIZE})"
                                 rf"(?:\s*+,?\s*+p\s++({SIZE}))?"), ("k", "pool")),
    ("kernel", re.compile(rf"\b[kf]\s*=\s*({SIZE})"), ("=",)),
    ("input", re.compile(rf"\b(?:input|image|img|picture|feature\s*map|activation map|mnist|"
                         rf"cifar|tensor){_OF}({SIZE})"),
     ("input", "image", "img", "picture", "feature", "activation map", "mnist", "cifar", "tensor")),
    ("input", re.compile(rf"({SIZE})\s*(?:input|image|img|picture|feature\s*map|rgb|grayscale|"
                         r"greyscale|pixels?|px)"),
     ("input", "image", "img", "picture", "feature", "rgb", "grayscale", "greyscale", "pixel",
      "px")),
    ("input", re.compile(rf"\b[ni]\s*=\s*({SIZE})"), ("=",)),
    # "height 30 width 22", "image of height 64 and width 48" (after the sizes named with a
    # word, so that "a 32x16x3 image with 4x2 patches (height 4, width 2)" keeps its image)
    ("input_hw", re.compile(rf"\bheight\s*+(?:(?:of|=|:|is)\s*+)?{INT}\s*+,?\s*+(?:and\s++)?"
                            rf"width\s*+(?:(?:of|=|:|is)\s*+)?{INT}"), ("height",)),
]
# Patterns that read no number ("same padding", "without padding", "padding valid").
_WORDS_ONLY = frozenset({"padding"})
# Patterns that fill several slots at once, and which slots, in the order of their values.
_MULTI_SLOTS = {
    "in_out": ("in_channels", "out_channels"),
    "torch_conv": ("in_channels", "out_channels", "kernel", "stride", "padding"),
    "nchw": ("in_channels", "input"),
    "kernel_stride": ("kernel", "stride", "padding"),
    "count_kernel": ("out_channels", "kernel", "in_channels"),
    "kernel_depth": ("kernel", "in_channels"),
    "keras_conv": ("out_channels", "kernel"),
    "counts": ("tp", "fp", "tn", "fn"),
    "input_hw": ("input",),
}
# Words before a number that make it the name of a question, not a value: "q2", "question 3".
_REFERENCE = re.compile(
    r"(?:\b[qa]|\bq\s++|\b(?:question|exercise|ex|problem|part|task|slide|lecture|week|chapter|"
    r"section|hw|homework|assignment|lab|quiz)\s*+(?:[.#:]\s*+)?(?:no\.?\s*+|number\s*+)?)$")
# How far back from a number a reference can start ("assignment no. " and a few spaces): the
# look-back reads this window, never the whole text before every number.
_REFERENCE_REACH = 32
_DIGIT = re.compile(r"\d")


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
    for name, pattern, needs in _SLOT_PATTERNS:
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
            if digit and _is_reference(text, match.start() + digit.start()):
                continue
            value = _slot_value(name, match)
            if value is None or not _store(slots, name, value):
                continue
            taken.append(span)
    leftover: list[list[int]] = []
    for m in _SIZE_RE.finditer(text):
        if len(leftover) == MAX_LEFTOVER_SIZES:
            break  # a calculation takes two or three unnamed sizes; a list of numbers is not one
        if not any(m.start() < end and start < m.end() for start, end in taken) and \
                not _is_reference(text, m.start()):
            leftover.append(parse_size(m.group(0)))
    slots["_leftover"] = leftover
    return slots


def _more_numbers_than(text: str, limit: int) -> bool:
    """Whether `text` holds more than `limit` runs of digits (counting stops at limit + 1)."""
    return next(itertools.islice(_DIGITS.finditer(text), limit, None), None) is not None


def _store(slots: dict, name: str, value) -> bool:
    """Put a matched value in its slot(s); False when the slot was already filled."""
    if name == "claim":
        slots.setdefault("_claim", value)
        return True  # every proposed result is consumed, so none is left over as an input
    if name == "count":
        name, value = value
    if name == "h_equals_w":
        name = "patch" if "input" in slots else "input"
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


def _slot_value(name: str, match: re.Match):
    """The value a pattern's match stands for (a tuple for several slots), None if unusable."""
    groups = [g for g in match.groups() if g is not None]
    if name == "count":
        return _count_slot(groups)
    if name == "counts":
        return _counts_slot(groups)
    if name == "in_out":
        return int(groups[0]), int(groups[1])
    if name == "keras_conv":
        return int(groups[0]), _pair(parse_size(groups[1])[:2])
    if name == "kernel_stride":
        padding = _pair(parse_size(groups[2])[:2]) if len(groups) > 2 else None
        return _pair(parse_size(groups[0])[:2]), _pair(parse_size(groups[1])[:2]), padding
    if name == "input_hw":
        return (_pair([int(groups[0]), int(groups[1])]),)
    if name == "torch_conv":
        kernel = _pair(parse_size(groups[2])[:2]) if len(groups) > 2 else None
        stride = int(groups[3]) if len(groups) > 3 else None
        padding = int(groups[4]) if len(groups) > 4 else None
        return int(groups[0]), int(groups[1]), kernel, stride, padding
    if name == "nchw":
        return int(groups[1]), _pair([int(groups[2]), int(groups[3])])
    if name == "count_kernel":
        numbers = parse_size(groups[1])
        return int(groups[0]), _pair(numbers[:2]), (numbers[2:] or [None])[0]
    if name == "kernel_depth":
        numbers = parse_size(groups[0])
        return _pair(numbers[:2]), numbers[2]
    if name == "claim":
        return parse_size(groups[0])
    if name == "padding":
        word = groups[0] if groups else "no"
        if word in ("same", "valid", "zero"):
            return word
        if word == "no":
            return 0
        return _pair(parse_size(word))
    if name in ("in_channels", "out_channels", "heads", "groups"):
        return int(groups[0])
    numbers = parse_size(groups[0])
    if name == "input":
        return numbers[:3] if len(numbers) == 3 else _pair(numbers)
    if not numbers or len(numbers) > 2:
        return None
    return _pair(numbers)


_COUNT_NAMES = {("true", "positive"): "tp", ("false", "positive"): "fp",
                ("true", "negative"): "tn", ("false", "negative"): "fn",
                ("true", "pos"): "tp", ("false", "pos"): "fp",
                ("true", "neg"): "tn", ("false", "neg"): "fn"}


def _count_slot(groups: list[str]) -> tuple[str, int]:
    """("tp", 40) from the groups of a count pattern, in whichever order they were written."""
    number = int(next(g for g in groups if g.isdigit()))
    words = [g for g in groups if not g.isdigit()]
    name = words[0] if len(words) == 1 else _COUNT_NAMES[(words[0], words[1])]
    return ("tn" if name == "tf" else name), number


def _counts_slot(groups: list[str]) -> tuple[int, ...]:
    """The four counts of "TP/FP/TN/FN = 25/5/60/10" in tp, fp, tn, fn order."""
    names = _COUNT_LIST_SEPARATOR.split(groups[0])
    values = dict(zip(names, (int(g) for g in groups[1:5]), strict=True))
    return tuple(values.get(name) for name in ("tp", "fp", "tn", "fn"))


_COUNT_LIST_SEPARATOR = re.compile(r"(?<!\s)\s*+[/,]\s*+")


# --- intent -----------------------------------------------------------------------------------

_WANTS = {
    "eigen": re.compile(r"eigen|spectral|explod|vanish|blow|radius|recurrent|rnn|w_?h\b|stable"),
    "attention": re.compile(r"patch|token|attention|transformer|\bvit\b|dot products?|qk"),
    "params": re.compile(r"param|weights|how many weights|number of weights|learnable|trainable"),
    "metrics": re.compile(r"ac+ura|precis|recal|specif|sensitiv|\bf1\b|\bf-1\b|"
                          r"f[\s-]?score|f[\s-]?measure|\btpr\b|\bfpr\b|metrics|confusion"),
    "conv": re.compile(r"output|out size|spatial|resolution|dims?\b|shape|size|what do i get|"
                       r"->|flops|macs|multiply|feature map"),
}
_CONV_WORDS = re.compile(r"conv|kernel|filter|stride|padd|pool|dilat|deconv|transposed|depthwise|"
                         r"\b[ksf]\s*=\s*\d")
_LINEAR = re.compile(r"\b(?:dense|fully[\s-]connected|fc)\b|\blinear\s+layer|\blinear\s*\(")
# Letters for sizes ("M x N image"), or a formula ("(n - k + 2p)/s + 1", "padding (m-1)/2",
# "floor(M/2)+1"): a concept, not numbers. The digits in a formula are never sizes.
_SYMBOLIC = re.compile(r"\b[mnhwc]\s*+(?:x|\*|by)\s*+[mnhwc]\b|\b[mn]/2|\(h\s*+-\s*+h|"
                       r"\bh\s*+x\s*+w|(?<!\w)[a-z]\s*+[-+]\s*+\d*+[a-z](?!\w)|"
                       r"(?<![\w.])[mnhwkspcd]\s*+[-+/]\s*+\d++(?![\w.])|"
                       r"(?<![\w.])\d++[mnhwkspcd](?![\w.])|\b(?:floor|ceil)\s*+\(\s*+[a-z]\b")
# Naming an exam question, or asking for the formula or the general case: the entry answers
# it (and offers to compute), unless every number a calculation needs is there too.
_ABOUT_THE_QUESTION = re.compile(
    r"\b(?:q|question|exercise|problem)\s*+[.#]?\s*+\d{1,2}\b|\bexam question\b|\bformula\b|"
    r"\bin general\b|\bgeneral (?:case|form|rule)\b|\bexpression for\b|\bderiv(?:e|ation)\b|"
    r"\b(?:an? )?(?:odd|even)[\s-]+(?:sized?|size|image|input|filter|kernel)")
# Calculations the calculators do not do; the knowledge base explains them instead.
_NOT_CALCULATED = re.compile(r"receptive field")
_PATCH_OR_TOKEN = re.compile(r"patch|token|\bh\s*+=\s*+w\s*+=")
# A question about why or whether, rather than a request to compute
_CONCEPTUAL = re.compile(r"^\W*+(?:why|how (?:does|do|come|is|are|wide|big|large)|does|do|is|"
                         r"are|should|when|what happens|what does .{0,60}?\bcost)\b")


_COUNT_WORD = re.compile(r"\b(?:tp|fp|tn|fn)s?\b|\b(?:true|false)[\s-]++(?:pos|neg)")


def wants(text: str) -> str | None:
    """Which calculator a prepared text asks for, from its words alone (None: no calculation)."""
    if find_matrix(text) is not None:
        return "eigen"
    if _WANTS["metrics"].search(text) and _COUNT_WORD.search(text):
        return "metrics"
    if _WANTS["attention"].search(text) and _PATCH_OR_TOKEN.search(text):
        return "attention"
    if _WANTS["params"].search(text) and _CONV_WORDS.search(text + " "):
        return "params"
    if _LINEAR.search(text) and _WANTS["params"].search(text):
        return "params"
    if _CONV_WORDS.search(text) and _WANTS["conv"].search(text):
        return "conv"
    return None


def parse_calculation(message: Message | str) -> CalcRequest | None:
    """Read a calculation from a student's message, or None when it asks for none.

    A message that names a calculator's topic but no numbers at all (or only symbols such as
    M x N) is not a calculation: it is a question for the knowledge base. Nor is a "why",
    "does" or "how do" question that lacks what a calculation needs ("why does a stride of 2
    halve the size?"); one that has it all is still worked out.
    """
    text = as_message(message).prepared
    calculator = wants(text)
    if calculator is None and not _CONV_WORDS.search(text):
        return None
    if calculator == "eigen":
        return _eigen_request(text)
    if calculator == "metrics":
        return _metrics_request(text, find_slots(text))
    if _SYMBOLIC.search(text) or _NOT_CALCULATED.search(text):
        return None
    about_the_question = _ABOUT_THE_QUESTION.search(text) is not None
    slots = find_slots(text)
    named = {k for k in slots if not k.startswith("_")}
    leftover = slots["_leftover"]
    if not named and not leftover:
        return None
    if calculator is None:
        # no "output"/"size" word, but a kernel and an input size still ask for one; a lone
        # number ("two stacked 3x3 convs") is not an input size
        if "kernel" not in named or ("input" not in named and
                                     not any(len(size) > 1 for size in leftover)):
            return None
        calculator = "conv"
    request = _BUILDERS[calculator](text, slots)
    if not request.complete and (_CONCEPTUAL.match(text) or about_the_question):
        # "does padding 1 keep the size of a 3x3 conv?" asks about the idea, not for numbers
        return None
    if not any(slot in request.args for slot in ANCHORS[calculator]):
        # only settings ("with stride 2 and zero padding", "patches overlapping at stride 1"):
        # nothing to compute them on, so the question is about the idea
        return None
    return request


def fill(request: CalcRequest, message: Message | str) -> CalcRequest:
    """Complete or change a calculation with the values named in the student's next message.

    Named values ("kernel 3", "stride 1") replace their slot; a bare size ("28x28", "3") goes
    to the first missing slot. The result is rebuilt with the same rules as a fresh parse, and
    keeps the settings the message does not touch (operation, bias, ...), because the builders
    read those from the previous arguments when the new text does not name them.
    """
    text = as_message(message).prepared
    if request.calculator == "eigen":
        return _fill_eigen(request, text)
    slots = find_slots(text)
    leftover = slots.pop("_leftover")
    args = dict(request.args)
    args.update({name: value for name, value in slots.items() if not name.startswith("_")})
    _fill_missing(request, args, leftover)
    return _BUILDERS[request.calculator](text, {**args, "_leftover": []})


def _fill_missing(request: CalcRequest, args: dict, leftover: list[list[int]]) -> None:
    """Give unnamed sizes, in order, to the slots the request was still missing."""
    for missing in request.missing:
        if missing in args or not leftover:
            continue
        numbers = leftover.pop(0)
        if missing == "channels" and "input" in args:
            args["input"] = [*_as_list(args["input"]), numbers[0]]
        elif missing in ("in_channels", "in_features", "out_features"):
            args[missing] = numbers[0]
        elif missing == "input" and len(numbers) == 3:
            args[missing] = numbers  # H x W x C: the builder takes what it needs
        else:
            args[missing] = _pair(numbers)


def _fill_eigen(request: CalcRequest, text: str) -> CalcRequest:
    """Replace the matrix and/or the activation of a recurrent-gradient request."""
    args = dict(request.args)
    matrix = find_matrix(text)
    if matrix is not None:
        args["matrix"] = matrix
    activation = _activation(text)
    if activation:
        args["activation"] = activation
    return _finish("eigen", args, [], [] if "activation" in args else
                   ["identity (linear) activation"])


def _as_list(value) -> list[int]:
    """[height, width] for an int or a list size, so a channel count can be appended."""
    return list(value) if isinstance(value, list) else [value, value]


def _finish(calculator: str, args: dict, missing: list[str], assumed: list[str]) -> CalcRequest:
    """The request, missing the calculator's required slots it lacks, then any others given."""
    missing = [m for m in REQUIRED[calculator] if m not in args] + \
        [m for m in missing if m not in REQUIRED[calculator]]
    return CalcRequest(calculator, args, missing, assumed)


# --- builders ---------------------------------------------------------------------------------

_RGB = re.compile(r"\b(?:rgb|colou?r)\b")
_GREY = re.compile(r"\b(?:gr[ae]yscale|mnist|single[\s-]channel)\b")
_TRANSPOSED = re.compile(r"transpos|deconv|up-?conv|fractionally")
_POOL = re.compile(r"pool")
_CEIL_MODE = re.compile(r"ceil[\s_-]*+mode")
_DEPTHWISE = re.compile(r"depthwise")
_ONE_FILTER = re.compile(r"\b(?:1|a|an|single)\s++(?:\w++\s++)?(?:filter|kernel)\b")
_ONE_CHANNEL = re.compile(r"mnist|gr[ae]yscale|single[\s-]channel|1[\s-]channel|black and white")
_THREE_CHANNELS = re.compile(r"rgb|colou?r|cifar")
_NON_OVERLAPPING = re.compile(r"non[\s-]?overlapping|\bno overlap|\bwithout overlap|"
                             r"\bdon t overlap|\bdo not overlap|\bdisjoint")
_IDENTITY = re.compile(r"(?<![\w-])linear\b|identity|\bno\s++(?:non-?linearity|activation)|"
                       r"\bwithout\s++(?:(?:a|any)\s++)?(?:non-?linearity|activation)")
_NO_BIAS = re.compile(r"\b(?:no|without|w/o)\s+(?:a\s+|any\s+)?bias(?:es)?|bias\s*=\s*false|"
                      r"bias[\s-]free")
_WITH_BIAS = re.compile(r"\bwith\s+(?:a\s+)?bias(?:es)?\b|(?<!use_)bias\s*=\s*true|"
                        r"use_bias\s*+=\s*+true")


def _bias(text: str, slots: dict) -> bool | None:
    """Whether the text asks for a bias (None: it does not say, nor did an earlier message)."""
    if _NO_BIAS.search(text):
        return False
    if _WITH_BIAS.search(text):
        return True
    return slots.get("bias")


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
    if "kernel" not in args and args.get("padding") == "same" and operation is None:
        # TensorFlow's "same" gives ceil(n / s) outputs whatever the kernel: only the padding
        # depends on it, so the size can be worked out without one
        args["kernel"] = 1
        assumed.append('kernel 1: with "same" padding the output size does not depend on the '
                       "kernel, only the padding does")
    assumed += _conv_channels(text, slots, depth, args)
    bias = _bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    return _finish("conv", args, [], assumed)


def _conv_sizes(slots: dict, operation: str | None) -> tuple[dict, int | None]:
    """The named sizes and settings, then unnamed sizes in order (input, kernel); and the
    input's depth when it was given as H x W x C."""
    args = {name: slots[name] for name in
            ("input", "kernel", "stride", "padding", "dilation", "output_padding") if name in slots}
    leftover = list(slots.get("_leftover", []))
    if "input" not in args and leftover:
        args["input"] = leftover.pop(0)
    depth = None
    if isinstance(args.get("input"), list) and len(args["input"]) == 3:
        # H x W x C: channels do not change the size, only the MAC count
        depth = args["input"][2]
        args["input"] = _pair(args["input"][:2])
    elif "input" in args:
        args["input"] = _pair(_as_list(args["input"]))
    if "kernel" not in args and leftover and "input" in args:
        args["kernel"] = _pair(leftover.pop(0))
        if "input" not in slots and operation != "transposed" and \
                _area(args["kernel"]) > _area(args["input"]):
            # "3x3 and 28x28": a kernel larger than the input cannot be meant
            args["input"], args["kernel"] = args["kernel"], args["input"]
    return args, depth


def _area(size) -> int:
    """Height times width of an int or [h, w] size, to tell a kernel from an input."""
    height, width = _as_list(size)[:2]
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


def _params_request(text: str, slots: dict) -> CalcRequest:
    """A conv2d_params request (or a linear one, for a linear/dense/fully-connected layer)."""
    if slots.get("layer") == "linear" or (_LINEAR.search(text) and "kernel" not in slots):
        return _linear_request(text, slots)
    args: dict = {}
    assumed: list[str] = []
    bias = _bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    if "kernel" in slots:
        args["kernel"] = slots["kernel"]
    elif square := next((size for size in slots.get("_leftover", [])
                         if len(size) == 2), None):
        args["kernel"] = _pair(square)  # "depthwise 3x3 on 32 channels": the size is the kernel
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
    depthwise = bool(_DEPTHWISE.search(text)) or slots.get("depthwise", False)
    if "out_channels" in slots:
        args["out_channels"] = slots["out_channels"]
    elif _ONE_FILTER.search(text):
        args["out_channels"] = 1
    else:
        args["out_channels"] = 1
        assumed.append("one filter per input channel" if depthwise else
                       "one filter (one output channel)")
    if depthwise:
        args["depthwise"] = True
    elif "groups" in slots:
        args["groups"] = slots["groups"]
    if "bias" not in args:
        assumed.append("with bias")
    request = _finish("params", args, [], assumed)
    if "input" in args:
        request.missing = [m for m in request.missing if m != "in_channels"]
    return request


def _linear_request(text: str, slots: dict) -> CalcRequest:
    """A linear_params request: features from "784 -> 256", "784 inputs", or two bare numbers."""
    args: dict = {"layer": "linear"}
    sizes = [n for group in slots.get("_leftover", []) for n in group]
    for name, channels in (("in_features", "in_channels"), ("out_features", "out_channels")):
        value = slots.get(channels, slots.get(name))
        if value is None and sizes:
            value = sizes.pop(0)
        if value is not None:
            args[name] = value
    bias = _bias(text, slots)
    if bias is not None:
        args["bias"] = bias
    missing = [m for m in ("in_features", "out_features") if m not in args]
    return CalcRequest("params", args, missing, [] if bias is not None else ["with bias"])


def _attention_request(text: str, slots: dict) -> CalcRequest:
    """A patch_attention_cost request; the channels come from HxWxC, "3 channels" or the words."""
    args: dict = {}
    assumed: list[str] = []
    leftover = list(slots.get("_leftover", []))
    image = slots.get("input")
    if image is None and leftover:
        image = leftover.pop(0)
        image = image if len(image) == 3 else _pair(image)
    missing: list[str] = []
    if image is not None:
        image = _as_list(image) if not isinstance(image, list) else image
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
    elif leftover:
        args["patch"] = _pair(leftover.pop(0))  # the size after the image's: its patches
    if "stride" in slots:
        args["stride"] = slots["stride"]
    elif _NON_OVERLAPPING.search(text) and "patch" in args:
        args["stride"] = args["patch"]
        assumed.append("stride = patch size (non-overlapping)")
    else:
        assumed.append("stride 1 (overlapping patches)")
    if "heads" in slots:
        args["heads"] = slots["heads"]
    return _finish("attention", args, missing, assumed)


def _activation(text: str) -> str | None:
    """The activation a text names; "nonlinearity" alone is not "linear"."""
    for name in ("tanh", "sigmoid", "relu"):
        if name in text:
            return name
    if "logistic" in text:
        return "sigmoid"
    if _IDENTITY.search(text):
        return "identity"
    return None


def _eigen_request(text: str) -> CalcRequest:
    """A recurrent_gradient_check request; identity activation unless one is named."""
    matrix = find_matrix(text)
    args: dict = {}
    assumed: list[str] = []
    if matrix is not None:
        args["matrix"] = matrix
    activation = _activation(text)
    if activation:
        args["activation"] = activation
    else:
        assumed.append("identity (linear) activation")
    return _finish("eigen", args, [], assumed)


def _metrics_request(text: str, slots: dict) -> CalcRequest | None:
    """A classification_metrics request from the named counts; None when none is named (a
    question about TP and FP, not a calculation)."""
    args = {name: slots[name] for name in REQUIRED["metrics"] if name in slots}
    if not args:
        return None
    return _finish("metrics", args, [], [])


_BUILDERS = {"conv": _conv_request, "params": _params_request, "attention": _attention_request,
             "metrics": _metrics_request}
