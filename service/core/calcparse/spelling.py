"""Misspelt setting names in a calculation: "kernal 5, strid 3, inpt 96x96" reads as intended.

The slot patterns key on words (kernel, stride, padding, channels, ...); one wrong letter on a
phone hides the number after it, and the reader then asks for it or, worse, gives it to another
slot. A word one edit (an insertion, deletion, substitution or swap of neighbours) from a
setting's name is read as that name, unless it is itself a word students use for something
else ("adding" is not "padding", "batches" are not "patches"). The variants are listed once,
when the module loads, so a message costs one dictionary look-up per word.
"""

from __future__ import annotations

import re
import string

# The words the slot patterns and the intent look for, as students spell them correctly.
SETTING_NAMES = (
    "kernel", "kernels", "stride", "strides", "strided", "padding", "padded", "input", "inputs",
    "output", "outputs", "channel", "channels", "filter", "filters", "dilation", "dilated",
    "parameter", "parameters", "pooling", "convolution", "convolutions", "transposed",
    "depthwise", "accuracy", "precision", "recall", "specificity")
# The words a story of a confusion matrix turns on ("88 cats rihgt"), corrected only for two
# neighbours swapped: one letter changed or dropped makes real words of them ("night", "eight",
# "wring", "kissed").
STORY_WORDS = ("right", "correct", "correctly", "wrong", "wrongly", "missed", "caught",
               "flagged", "detected", "predicted", "labelled", "labeled", "actually", "really")
# Real words one edit from a setting's name: never corrected.
REAL_WORDS = frozenset({
    "adding", "added", "wadding", "wadded", "pudding", "padder", "fooling", "polling", "cooling",
    "tooling", "pooping", "transpose", "transposes", "transposer", "dilations", "dilution",
    "diluted", "dilates", "kennel", "kennels", "strife", "strike", "strikes", "strode", "stripe",
    "stripes", "strive", "strives", "strider", "filler", "fillers", "fitter", "fitters",
    "falter", "falters", "filer", "filers", "kilter", "recalls", "precisions", "input",
    "output", "inputted", "outputted"})
MIN_LENGTH = 4  # "inpt" is input; shorter words are too often something else


def _one_edit(word: str) -> set[str]:
    """Every string one insertion, deletion, substitution or swap of neighbours from `word`."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters})


def _corrections() -> dict[str, str]:
    """Misspelling -> setting name, for every variant that is neither a name nor a real word,
    and -> story word, for its neighbours swapped. A variant of two names ("inpus": input,
    inputs) goes to the one listed first."""
    found: dict[str, str] = {}
    for name in SETTING_NAMES:
        for variant in sorted(_one_edit(name)):
            if len(variant) >= MIN_LENGTH and variant not in REAL_WORDS and \
                    variant not in SETTING_NAMES:
                found.setdefault(variant, name)
    for name in STORY_WORDS:
        for i in range(len(name) - 1):
            variant = name[:i] + name[i + 1] + name[i] + name[i + 2:]
            if variant != name:
                found.setdefault(variant, name)
    return found


CORRECTIONS = _corrections()
_WORD = re.compile(r"[a-z]++")


def correct_setting_names(text: str) -> str:
    """`text` (prepared: lower case) with misspelt setting names spelt as the patterns expect."""
    return _WORD.sub(lambda m: CORRECTIONS.get(m.group(), m.group()), text)
