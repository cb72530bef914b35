"""Notations that read values: numbers that stand alone, and sizes ("28x28", "5 by 5", "[3, 3]").

The pattern pieces INT, SIZE, XSIZE and SIZE3 are spliced into the slot patterns (slots.py), and
the helpers below turn what they match into the int or [height, width] the calculators take.
Kept apart because every other part of the parser reads numbers and sizes the same way, and
none of it needs to know which calculator is asked for.
"""

from __future__ import annotations

import itertools
import re

# Numbers stand alone: not the 2 of "q2", not the 0 or 5 of "0.5", not the 7 of a model's
# "7b" (billion parameters) or of "8x7b", not the 4 of an ordinal ("after the 4th pool").
_ALONE = r"(?<![\w.])"
_END = r"(?![\w.]?\d|[bmk]\b|(?:st|nd|rd|th)\b)"
INT = rf"{_ALONE}(\d{{1,7}}){_END}"
_X = r"\s*+(?:x|\*|by)\s*+"
# A size: "28x28", "28 x 28 x 3", "5 by 5", "[3, 3]", "(32,32,3)" or a single int. XSIZE has
# two or three dimensions, for where a bare number would be ambiguous; SIZE3 has exactly three.
XSIZE = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{1,2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){1,2}[\])])")
SIZE = rf"(?:{XSIZE}|{_ALONE}\d{{1,7}}{_END})"
SIZE3 = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){2}[\])])")
SIZE_RE = re.compile(SIZE)
DIGITS = re.compile(r"\d+")


def parse_size(text: str) -> list[int]:
    """All integers of one size expression, in order: "5 by 5" -> [5, 5]."""
    return [int(n) for n in DIGITS.findall(text)]


def pair(numbers: list[int]) -> int | list[int]:
    """One int for a square size ([5, 5] -> 5), else [height, width]; calculators take both."""
    if len(numbers) == 1 or (len(numbers) == 2 and numbers[0] == numbers[1]):
        return numbers[0]
    return numbers[:2]


def as_list(value) -> list[int]:
    """[height, width] for an int or a list size, so a channel count can be appended."""
    return list(value) if isinstance(value, list) else [value, value]


# "480x640 (h x w)", "3x32x64 (c x h x w)", "(3, 32, 64) (c, h, w)", "28x28 (m x n)": a size
# labelled with the letters of its dimensions (the course's M x N is height x width). The letters
# are read, not taken for a formula in symbols.
_LABELLED = re.compile(rf"({XSIZE})(\s*+(?:[a-z]++\s*+)?)\(\s*+"
                       r"([chwmn](?:\s*+[x,*]\s*+[chwmn]){1,2})\s*+\)")
# "(1, 28, 28)", "[3, 224, 224]": a shape written as a tuple, whose order has to be guessed
# (not the arguments of a call: "conv2d(3, 16, 5)").
# Not a row of a matrix: "[[0, 0, 1], [1, 0, 0]]" (after "[", "," or "]", or before "]").
_NOT_A_ROW_BEFORE, _NOT_A_ROW_AFTER = r"(?<![\w\[,\]])(?<![\[,\]]\s)", r"(?!\s*+\])"
_TUPLE3 = re.compile(_NOT_A_ROW_BEFORE + r"[\[(]\s*+(\d{1,7})\s*+,\s*+(\d{1,7})\s*+,"
                     r"\s*+(\d{1,7})\s*+[\])]" + _NOT_A_ROW_AFTER)
# "[16, 3, 224, 224]": a batch of images, N first; the batch size says nothing about the layer.
_TUPLE4 = re.compile(_NOT_A_ROW_BEFORE + r"[\[(]\s*+\d{1,7}\s*+,\s*+(\d{1,7})\s*+,"
                     r"\s*+(\d{1,7})\s*+,\s*+(\d{1,7})\s*+[\])]" + _NOT_A_ROW_AFTER)
# "torch.randn(8, 3, 227, 227)", "torch.zeros(1, 28, 28)": a tensor made with its shape (a call,
# but its arguments are the shape, unlike those of "conv2d(3, 16, 5)")
_TENSOR4 = re.compile(r"\b(?:randn|rand|zeros|ones|empty)\s*+\(\s*+\d{1,7}\s*+,\s*+(\d{1,7})"
                      r"\s*+,\s*+(\d{1,7})\s*+,\s*+(\d{1,7})\s*+\)")
# "(N, 8, 32, 32)", "(batch, 3, 224, 224)": a batch shape with a letter for its size
_LETTER_BATCH4 = re.compile(r"[\[(]\s*+(?:n|b|bs|batch(?:_?size)?)\s*+,\s*+(\d{1,7})\s*+,\s*+"
                            r"(\d{1,7})\s*+,\s*+(\d{1,7})\s*+[\])]")
# "(batch, 3, h, w)", "(n, 64, h, w)": a batch shape with letters for its height and width too;
# its number is the channels, of an input of no given size
_LETTER_SIDES_BATCH = re.compile(r"\(\s*+(?:batch(?:_size)?|bs|[bn])\s*+,\s*+(\d{1,5}+)\s*+,\s*+"
                                 r"h\w{0,3}+\s*+,\s*+w\w{0,3}+\s*+\)")
_TENSOR3 = re.compile(r"\b(?:randn|rand|zeros|ones|empty)\s*+\(\s*+(\d{1,7})\s*+,\s*+(\d{1,7})"
                      r"\s*+,\s*+(\d{1,7})\s*+\)")
# "(None, 32, 32, 16)": Keras's batch shape, its batch size unknown (channels last by default,
# turned round by the same rule as a tuple when they come first)
_KERAS_SHAPE = re.compile(r"[\[(]\s*+none\s*+,\s*+(\d{1,7})\s*+,\s*+(\d{1,7})\s*+,\s*+(\d{1,7})"
                          r"\s*+[\])]")
# "8x16x50x50": a batch in x notation, read like the tuple (the batch size dropped).
_XSIZE4 = re.compile(r"(?<![\w.])\d{1,7}\s*+x\s*+(\d{1,7})\s*+x\s*+(\d{1,7})\s*+x\s*+"
                     r"(\d{1,7})(?![\w.]?\d)")
# "3x256x256": channels first in x notation, turned round by the same rule as a tuple.
_XSIZE3 = re.compile(r"(?<![\w.])(\d{1,7})\s*+x\s*+(\d{1,7})\s*+x\s*+(\d{1,7})(?![\w.]?\d)")
# "rate (dilation) 4": one word in brackets is a gloss; the brackets hide the number after it.
_GLOSS = re.compile(r"\(\s*+([a-z_]{3,24})\s*+\)")
_LETTER = re.compile(r"[chwmn]")
# "output h x w?", "output shape (h x w x c)", "out HxW": the letters name what is asked for.
_OUTPUT_LETTERS = re.compile(r"\b(?:out(?:put)?+|final)(?:\s++(?:size|shape|dims?))?\s*+\(?\s*+"
                             r"h\s*+(?:x|and|,)\s*+w(?:\s*+x\s*+c)?\b\s*+\)?")
# "what's the H x W after it?": the letters name the size asked for
_THE_LETTERS_AFTER = re.compile(r"\b(?:the|its|new|resulting)\s++h\s*+(?:x|and|,)\s*+w"
                                r"(?:\s*+x\s*+c)?(?=\s++(?:after|of|at|that|coming|out))")
# "h x w = 128 x 96", "c x h x w = 3x32x32": the letters name the size that follows.
_LETTERS_EQUAL = re.compile(rf"\b([chwmn](?:\s*+[x,*]\s*+[chwmn]){{1,2}})\s*+=\s*+({XSIZE})")


# "(c_in, c_out, k) = (32, 32, 5)", "[tp, fp, tn, fn] = [8, 2, 88, 2]": names and values side by
# side, read as "cin=32, ..." (the prepared text has lost the underscores).
_NAMED_TUPLE = re.compile(r"[\[(]\s*+([a-z_][a-z_\d]*+(?:\s*+,\s*+[a-z_][a-z_\d]*+){1,5})\s*+[\])]"
                          r"\s*+=\s*+[\[(]\s*+(\d{1,7}(?:\s*+,\s*+\d{1,7}){1,5})\s*+[\])]")
# Sides in words: "8 high and 4 wide" (8x4), "64 pixels high, 48 wide" (64x48), "4 wide by 8
# tall" (8x4), "stride 8 vertically and 4 horizontally" (8x4), "stride 2 vertically and stride 1
# horizontally" (2x1). Height comes first, as in every other size.
_SIDES_IN_WORDS = re.compile(
    r"(?<![\w.])(\d{1,7})\s*+(?:px\s++|pixels?\s++)?(high|tall|wide|vertically|horizontally)"
    r"\s*+,?\s*+(?:and\s++|by\s++|x\s++)?(?:(?:stride|padding|dilation)\s++)?(\d{1,7})\s*+"
    r"(?:px\s++|pixels?\s++)?"
    r"(high|tall|wide|vertically|horizontally)\b")
_HEIGHT_WORDS = frozenset({"high", "tall", "vertically"})
# "y_true = [0, 1, 1]", "y_pred = [1, 1, 0]" (underscores are gone by now: "ytrue")
_LABEL_LIST = re.compile(r"(\by_?(?:true|test|actual|gold|pred|predicted|hat)\w{0,10}+\s*+=\s*+)\[")
# "256 (H) x 128 (W)": each side labelled on its own
_SIDES_LABELLED = re.compile(
    r"(?<![\w.])(\d{1,7})\s*+\(\s*+(h|w|height|width)\s*+\)\s*+(?:x|by|\*)\s*+(\d{1,7})\s*+"
    r"\(\s*+(h|w|height|width)\s*+\)")


# A formula's letters given values ("using o = floor((i + 2p - k)/s) + 1, evaluate for i = 129,
# k = 3, p = 0, s = 2", cs231n's "(w - f + 2p)/s + 1 with w = 32, f = 5, p = 2, s = 1")
# (H_in, W_in, n_in folded to "hin", "win", "nin" by now)
_LETTER_VALUE = re.compile(r"(?<![\w.])([iwnkfpsd]|[hwn]in)\s*+=\s*+(\d{1,7}+)(?!\w|\.\d)")
_FORMULA_SIGN = re.compile(r"(?<![\w.])(?:[iwnkfps]|[hwn]in)\s*+[-+/]|"
                           r"[-+/]\s*+\d?[iwnkfps](?![\w.])|\bfrac\b")
_LETTER_SETTING = {"i": "input", "w": "input", "n": "input", "hin": "input", "win": "input",
                   "nin": "input", "k": "kernel", "f": "kernel", "p": "padding", "s": "stride",
                   "d": "dilation"}
MIN_LETTER_VALUES = 3


def formula_values(text: str) -> str:
    """A conv formula in letters with each letter given a value, as the settings in words
    ("input 129, kernel 3, padding 0, stride 2: output size?"); other text as it is. With both
    F and K (cs231n), F is the kernel and K counts the filters."""
    if "=" not in text or not _FORMULA_SIGN.search(text):
        return text   # letters given values need an "="
    values = {}
    for letter, value in itertools.islice(_LETTER_VALUE.findall(text), 8):
        values.setdefault(letter, value)
    inputs = [letter for letter in ("i", "w", "n", "hin", "win", "nin") if letter in values]
    if len(values) < MIN_LETTER_VALUES or len(inputs) != 1 or \
            not ("k" in values or "f" in values):
        return text
    settings = [f"{_LETTER_SETTING[letter]} {value}" for letter, value in values.items()
                if not (letter == "k" and "f" in values)]
    if "k" in values and "f" in values:
        settings.append(f"{values['k']} filters")
    return ", ".join(settings) + ": output size?"


def read_shapes(text: str) -> str:
    """Sizes written in H x W x C order, the order the readers take: labels read and dropped,
    channels-first tuples turned round, letters that name the output asked for dropped, sides
    given in words joined, names and values given as two tuples paired, the number of a batch
    shape whose sides are letters said to be channels; and one-word glosses in brackets
    unwrapped."""
    # scikit-learn's label lists are labels, never a shape: "list[" keeps the tuple readers off
    text = _LABEL_LIST.sub(r"\1list[", text)
    text = _NAMED_TUPLE.sub(_named_tuple, text)
    text = _SIDES_IN_WORDS.sub(_sides_in_words, text)
    text = _SIDES_LABELLED.sub(_sides_labelled, text)
    text = _LABELLED.sub(_labelled, text)
    text = _letters_equal_sizes(text)
    text = _IMAGE_SIDES_GIVEN.sub(_image_sides, text)
    text = _OUTPUT_LETTERS.sub("output size ", text)
    text = _THE_LETTERS_AFTER.sub("the output size", text)
    # the comma ends the shape: the next line ("conv = nn.Conv2d(...)") is not its kernel
    text = _TENSOR4.sub(lambda m: "tensor " + _tuple4(m) + ",", text)
    text = _TENSOR3.sub(lambda m: "tensor " + _tuple3(m) + ",", text)
    text = _KERAS_SHAPE.sub(_tuple3, text)
    text = _TUPLE4.sub(_tuple4, text)
    text = _LETTER_BATCH4.sub(_tuple4, text)
    text = _LETTER_SIDES_BATCH.sub(r"(batch, \1 channels, h, w)", text)
    text = _XSIZE4.sub(_tuple4, text)
    text = _TUPLE3.sub(_tuple3, text)
    text = _XSIZE3.sub(_tuple3, text)
    return " ".join(_GLOSS.sub(r" \1 ", text).split())


def _sides_labelled(match: re.Match) -> str:
    """"256 (h) x 128 (w)" -> "256x128", "128 (w) x 256 (h)" -> "256x128"; left alone when
    both sides are labelled alike."""
    first, first_side, second, second_side = match.groups()
    if first_side[0] == second_side[0]:
        return match.group(0)
    return f"{first}x{second}" if first_side[0] == "h" else f"{second}x{first}"


def _labelled(match: re.Match) -> str:
    """"3x32x64 (c x h x w)" -> "32x64x3"; a label that does not fit the size is just dropped."""
    return _in_order(match.group(1), match.group(3)) + match.group(2).rstrip()


# The exam's image sides given one by one: "M = 33 and N = 65" (case is folded by now, so a
# filter's m and n look the same: sides below 8 are left to the readers as they are)
_IMAGE_SIDES_GIVEN = re.compile(r"\bm\s*+=\s*+(\d{1,5}+)\s*+(?:,\s*+)?(?:and\s++)?n\s*+=\s*+"
                                r"(\d{1,5}+)\b")
MIN_IMAGE_SIDE = 8


def _image_sides(match: re.Match) -> str:
    """"m = 33 and n = 65" -> "input 33x65" when both sides are an image's."""
    height, width = int(match[1]), int(match[2])
    if min(height, width) < MIN_IMAGE_SIDE:
        return match[0]
    return f"input {height}x{width}"


def _letters_equal_sizes(text: str) -> str:
    """"h x w = 128 x 96" -> "128x96", "c x h x w = 3x32x64" -> "32x64x3"; and in the exam's
    notation for patches (its Q11), an "h x w = ..." after an "H x W x C = ..." image is the
    patch: "patch 10x10" (case is folded by now, so the image is the one with channels)."""
    image_seen = False

    def rewrite(match: re.Match) -> str:
        nonlocal image_seen
        letters = set(_LETTER.findall(match.group(1)))
        size = _in_order(match.group(2), match.group(1))
        if image_seen and letters == {"h", "w"}:
            return "patch " + size
        image_seen = image_seen or letters == {"h", "w", "c"}
        return size

    return _LETTERS_EQUAL.sub(rewrite, text)


def _in_order(size: str, label: str) -> str:
    """A size in H x W x C order by the letters that label its dimensions (the course's M x N is
    height x width); the size as written when the letters do not fit it."""
    numbers = parse_size(size)
    letters = [{"m": "h", "n": "w"}.get(x, x) for x in _LETTER.findall(label)]
    if len(letters) != len(numbers) or len(set(letters)) != len(letters) or \
            not {"h", "w"} <= set(letters):
        return size
    value = dict(zip(letters, numbers, strict=True))
    return "x".join(str(value[letter]) for letter in ("h", "w", "c") if letter in value)


def _tuple4(match: re.Match) -> str:
    """A batch shape without its batch size, as H x W x C: NCHW or NHWC by which side is the
    square image's or the handful of channels; anything else is left as written."""
    first, second, third = (int(n) for n in match.groups())
    if _channels_first(first, second, third):
        return f"{second}x{third}x{first}"
    if _channels_first(third, first, second):
        return f"{first}x{second}x{third}"
    return match.group(0)


def _tuple3(match: re.Match) -> str:
    """A 3-tuple as H x W x C, turned round when its channels come first."""
    first, second, third = (int(n) for n in match.groups())
    if _channels_first(first, second, third):
        return f"{second}x{third}x{first}"
    return f"{first}x{second}x{third}"


def _channels_first(first: int, second: int, third: int) -> bool:
    """Whether a shape reads C, H, W: the last two are the square image's sides, or the first is
    a handful (up to 4) and the other two are not (PyTorch's order)."""
    return second == third != first or first <= 4 < min(second, third)


def _named_tuple(match: re.Match) -> str:
    """"(cin, cout, k) = (32, 32, 5)" -> "cin=32, cout=32, k=5"; left alone if the counts differ."""
    names, values = match.group(1).split(","), match.group(2).split(",")
    if len(names) != len(values):
        return match.group(0)
    return ", ".join(f"{name.strip()}={value.strip()}"
                     for name, value in zip(names, values, strict=True))


def _sides_in_words(match: re.Match) -> str:
    """"4 wide by 8 tall" -> "8x4": one side of each kind, height first; else left alone."""
    first, first_side, second, second_side = match.groups()
    if (first_side in _HEIGHT_WORDS) == (second_side in _HEIGHT_WORDS):
        return match.group(0)
    return f"{first}x{second}" if first_side in _HEIGHT_WORDS else f"{second}x{first}"
