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

The package, by what each module reads:

- notation.py  numbers and sizes ("28x28", "[3, 3]"), the pieces every pattern is built from;
               labelled and channels-first shapes put in H x W x C order
- spelling.py  setting names one letter off ("kernal", "strid")
- terse.py     settings written tersely ("k3 s2 p1", "kernel/stride/padding = 5/2/2") spelt out
- matrices.py  matrices (`[[a, b], [c, d]]`, `[a b; c d]`, LaTeX)
- confusion.py which cell of a pasted confusion matrix is which count, from the layout stated
- slots.py     the slot patterns ("kernel 3", "stride 2") and `find_slots`
- intent.py    which calculator the words ask for, and when they ask for none
- readers.py   one reader per calculator: slots and words to a `CalcRequest`
- request.py   `CalcRequest`, what each calculator requires, how to ask for what is missing
- parse.py     `parse_calculation` and `fill`, the entry points

This module only re-exports what code outside the package uses.
"""

from service.core.calcparse.intent import PREAMBLE
from service.core.calcparse.matrices import find_matrix
from service.core.calcparse.parse import fill, parse_calculation
from service.core.calcparse.request import (
    COUNTS_AGAINST_TOTAL,
    COUNTS_BY_NAME,
    COUNTS_IN_WORDS,
    DOT_PRODUCTS_ONLY,
    PATCHES_ONLY,
    SLOT_QUESTIONS,
    SOME_METRICS,
    TOGETHER,
    CalcRequest,
)
from service.core.calcparse.slots import bias_said, find_slots

__all__ = ["COUNTS_AGAINST_TOTAL", "COUNTS_BY_NAME", "COUNTS_IN_WORDS", "DOT_PRODUCTS_ONLY",
           "PATCHES_ONLY", "PREAMBLE", "SLOT_QUESTIONS", "SOME_METRICS", "TOGETHER",
           "CalcRequest", "bias_said", "fill", "find_matrix", "find_slots", "parse_calculation"]
