"""What a calculation read from text is: `CalcRequest`, and what each calculator needs.

The tables of required and anchoring slots, the questions that ask for a missing one, and
`finish_request`, which lists what a request still lacks. Kept apart so that the readers
(readers.py) and the entry points (parse.py) share one definition without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REQUIRED = {
    "conv": ("input", "kernel"),
    "params": ("kernel", "in_channels"),
    "eigen": ("matrix",),
    "attention": ("input", "patch"),
    "sequence_attention": ("tokens", "dim"),
    "metrics": ("tp", "fp", "tn", "fn"),
    "stack": ("input", "layers"),
    "network": ("layers",),
    "f1": ("precision", "recall"),
}

# A calculation must have at least one of these from the student's own numbers; settings
# alone (a stride, a padding) are nothing to compute on.
ANCHORS = {
    "conv": ("input", "kernel"),
    "params": ("kernel", "in_channels", "input", "in_features", "out_features", "input_size",
               "hidden_size"),
    "eigen": ("matrix",),
    "attention": ("input", "patch"),
    "sequence_attention": ("tokens",),
    "metrics": ("tp", "fp", "tn", "fn"),
    "stack": ("input",),
    "network": ("layers",),
    "f1": ("precision", "recall"),
}

# A self-attention request that asks only for the number of patches ("P for a 224x224 image
# with 16x16 patches"): the count does not depend on the channels it lacks.
PATCHES_ONLY = "patches"
# A self-attention request over a sequence that asks only for the dot products ("how many dot
# products for 512 tokens?"): n^2 does not depend on the dimension it lacks.
DOT_PRODUCTS_ONLY = "dot_products"
# Metrics asked that the counts given settle without the ones missing ("TP=36 FP=4 FN=24, F1?":
# no TN needed)
SOME_METRICS = "some_metrics"
# A parameter count of several layers written out ("conv1 = ..., conv2 = ...: params of both"):
# each layer's count, then their sum
TOGETHER = "together"

# What a model's total parameter count lacks when only some of its layers could be read: the
# layers one by one.
MODEL_LAYERS = "model_layers"
# What a confusion matrix pasted as a grid lacks: which count each cell is.
COUNTS_BY_NAME = "counts_by_name"
# What counts described in words lack: which number is which count.
COUNTS_IN_WORDS = "counts_in_words"
# What four counts lack that add up to another total than the one the message gives.
COUNTS_AGAINST_TOTAL = "counts_against_total"

# How to ask for a missing value, per slot.
SLOT_QUESTIONS = {
    "input": "the input size (e.g. `28x28`)",
    "kernel": "the kernel size (e.g. `3x3`)",
    "stride": "the stride (e.g. `stride 2`)",
    "padding": "the padding (e.g. `padding 1`, or `same`)",
    "dilation": "the dilation (e.g. `dilation 2`)",
    "in_channels": "the number of input channels (e.g. `64 input channels`)",
    "matrix": "the recurrent weight matrix, e.g. `[[0.5, 0.2], [0.1, 1.3]]`",
    "patch": "the patch size (e.g. `4x4 patches`)",
    "channels": "the number of image channels (e.g. `32x32x3`)",
    "tokens": "the number of tokens (e.g. `512 tokens`)",
    "layers": "every layer in order with its kernel (and stride and padding), e.g. `3x3 conv pad 1 "
              "-> 3x3 conv pad 1 -> 2x2 maxpool`",
    "dim": "the dimension of each query and key (e.g. `d = 64`)",
    "in_features": "the number of input features (e.g. `784 -> 256`)",
    "out_features": "the number of output features (e.g. `256 outputs`)",
    "hidden_features": "every layer's width in order, e.g. `784 -> 256 -> 10`",
    "model_layers": "every layer with parameters written out, one per line, e.g. `conv1 = "
                    "nn.Conv2d(1, 6, 5)`, `fc1 = nn.Linear(400, 120)`: I could read only part of "
                    "the model, and one layer's count is not the model's",
    "input_size": "the size of each input vector x_t (e.g. `input size 32`)",
    "hidden_size": "the hidden size h (e.g. `hidden size 64`)",
    "counts_by_name": "the four counts by name, e.g. `TP=40, FP=10, TN=45, FN=5`: a confusion "
                      "matrix is laid out one way in some books and the other way in "
                      "scikit-learn, so I won't guess which cell is which",
    "counts_against_total": "the four counts again, by name (e.g. `TP=40, FP=10, TN=45, "
                            "FN=5`): the ones I read do not add up to the total you gave",
    "counts_in_words": "the four counts by name, e.g. `TP=40, FP=10, TN=45, FN=5`: from a "
                       "description I can't yet be sure which of your numbers is which count, "
                       "and a metric worked out from the wrong ones would mislead you",
    "precision": "the precision (e.g. `precision 0.8`)",
    "recall": "the recall (e.g. `recall 0.6`)",
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
    # complete requests of other calculators the same message asks for ("output size and
    # params"), worked out after this one
    also: list[CalcRequest] = field(default_factory=list)
    # what the student asked for, when it is less than the whole calculation and the values
    # given settle it (PATCHES_ONLY: self-attention's patch count, without the channels)
    asks: str | None = None
    # the heading of a request worked out beside another (`also`) when it is another reading
    # of the same message rather than another calculator
    title: str | None = None

    @property
    def complete(self) -> bool:
        """Whether the calculator can run: nothing is missing."""
        return not self.missing


def finish_request(calculator: str, args: dict, missing: list[str],
                   assumed: list[str]) -> CalcRequest:
    """The request, missing the calculator's required slots it lacks, then any others given."""
    missing = [m for m in REQUIRED[calculator] if m not in args] + \
        [m for m in missing if m not in REQUIRED[calculator]]
    return CalcRequest(calculator, args, missing, assumed)
