"""A homework question in parts: "(a) ... (b) ...", "a) ... b) ...", "(i) ... (ii) ...", and
"1) ... 2) ..." when at least two of them ask something (numbered lines are more often a list of
layers with one question at the end). Each part is answered in turn, as the next message of the
conversation, so that "(b) and with stride 2?" changes what (a) worked out; what comes before
the first part (the network, the sizes) belongs to every part.
"""

from __future__ import annotations

import itertools
import re

# A part's label: in brackets after a space ("(a) "), or at the start of a line followed by a
# bracket or a full stop ("a) ", "2. "); never the "1) " that ends "nn.Linear(784, 1) "
_NAME = r"([a-h]|iv|v|i{1,3}+|[1-8])"
_LABEL = re.compile(rf"(?:(?<=\s)|^)\({_NAME}\)\s|(?m:^)[ \t]*+{_NAME}[).]\s")
_SEQUENCES = ("abcdefgh", ("i", "ii", "iii", "iv", "v"), "12345678")
MAX_PARTS = 6
# a part needs a word or a number of its own to be answered
_CONTENT = re.compile(r"[a-z0-9]", re.IGNORECASE)


def homework_parts(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The text before the first part and each part's label and text, when the message has at
    least two parts labelled in order from the first ("(a)", "(b)"); else None."""
    labels = list(itertools.islice(_LABEL.finditer(text), MAX_PARTS + 1))
    if not 2 <= len(labels) <= MAX_PARTS:
        return None
    names = [m[1] or m[2] for m in labels]
    if not any(list(sequence[:len(names)]) == names for sequence in _SEQUENCES):
        return None
    parts = []
    for number, label in enumerate(labels):
        end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
        part = text[label.end():end].strip()
        if not _CONTENT.search(part):
            return None
        parts.append((label[1] or label[2], part))
    if names[0] == "1" and sum("?" in part for _, part in parts) < 2:
        return None   # "1. conv 5x5 2. max pool 2x2 ... final size?": layers listed, one question
    return text[:labels[0].start()].strip(), parts
