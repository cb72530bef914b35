"""A Keras `model.summary()` pasted with a parameter count left out, read by its rows.

     conv2d (Conv2D)             (None, 30, 30, 32)        896
     max_pooling2d (MaxPooling2D)  (None, 15, 15, 32)      0
     conv2d_1 (Conv2D)           (None, 13, 13, 64)        ???

A row's output shape gives its channels (the last number), so a layer's input channels are
the row above's; a conv's kernel comes from the code or the words beside the table (a call
`Conv2D(64, (3, 3))` by its filters or its place among the calls, or "kernel is 3x3" for
every conv), or from its own printed count. Read as text, the rows' numbers were taken for
sizes: "(None, 30, 30, 64) ???" after "896" was a 896 x 896 kernel. Read from the message as
written (its lines); only rows of a few known kinds are worked out, and at most MAX_ROWS.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from service import calculators
from service.core.calcparse.request import TOGETHER, CalcRequest

MAX_LINES = 80   # lines of a message looked at for a summary
MAX_ROWS = 16    # layers: a homework network, not a whole model

# "conv2d_1 (Conv2D)   (None, 13, 13, 64)   18496", the Param # cell "1,792", "???" or none;
# Keras 3 draws the columns with box lines. One row per line, anchored at both ends.
_ROW = re.compile(r"^[\s│|]*+([a-z_][\w.]{0,60}+)\s*+\(\s*+([a-z][\w]{0,40}+)\s*+\)[\s│|]++"
                  r"\(\s*+none((?:\s*+,\s*+\d{1,7}+){1,3}+)\s*+,?\s*+\)[\s│|]*+"
                  r"(\d{1,3}+(?:,\d{3}+)++|\d{1,12}+|\?++)?[\s│|]*+$")
_NUMBER = re.compile(r"\d++")
_NO_PARAMETERS = frozenset({
    "maxpooling2d", "averagepooling2d", "maxpooling1d", "averagepooling1d",
    "globalaveragepooling2d", "globalmaxpooling2d", "globalaveragepooling1d",
    "globalmaxpooling1d", "flatten", "dropout", "spatialdropout2d", "activation", "relu",
    "leakyrelu", "softmax", "reshape", "inputlayer", "zeropadding2d", "upsampling2d"})
_CONV = {"conv2d": 2, "conv1d": 1}
_DENSE = "dense"
_TOTAL_ASKED = re.compile(r"\btotal\s++(?:trainable\s++)?param")
# Conv2D(64, (3, 3)), Conv2D(filters=64, kernel_size=3), Conv1D(32, 5)
_CONV_CALL = re.compile(r"\bconv[12]d\s*+\(\s*+(?:filters\s*+=\s*+)?(\d{1,5}+)\s*+,\s*+"
                        r"(?:kernel_size\s*+=\s*+)?[(\[]?+\s*+(\d{1,2}+)"
                        r"(?:\s*+,\s*+(\d{1,2}+))?+")
# "kernel is 3x3", "3x3 kernel", "kernel_size 3", "all 3x3 convs"
_KERNEL_SAID = re.compile(r"\bkernel(?:[\s_]size)?\s*+(?:is|of|=|:)?\s*+(\d{1,2}+)"
                          r"(?:\s*+[x×*]\s*+(\d{1,2}+))?|(?<![\w.])(\d{1,2}+)\s*+[x×*]\s*+"
                          r"(\d{1,2}+)\s++(?:kernels?|filters?|convs?|convolutions?)\b")
_INPUT_SHAPE = re.compile(r"\binput_shape\s*+=\s*+[(\[]\s*+(?:\d{1,5}+\s*+,\s*+){1,2}+"
                          r"(\d{1,5}+)\s*+,?\s*+[)\]]")
_NO_BIAS = re.compile(r"\buse_bias\s*+=\s*+false\b")


@dataclass(frozen=True)
class SummaryRow:
    """One row: the layer's kind (lower case), its output shape without the batch, and its
    printed parameters (None when the cell is empty, ASKED when it is "???")."""

    kind: str
    shape: tuple[int, ...]
    params: int | str | None


ASKED = "asked"


def read_summary(raw: str) -> CalcRequest | None:
    """The parameters a pasted summary leaves out ("???") or its total when "Total params" is
    asked, as params requests added up; None without a summary or a question about one, or
    when a row it needs is of a kind not worked out or its kernel is not given."""
    lines = list(itertools.islice(raw.splitlines(), MAX_LINES))
    if len(lines) < 2:
        return None
    rows = [_row(match) for match in itertools.islice(
        filter(None, (_ROW.match(line.lower()) for line in lines)), MAX_ROWS + 1)]
    if not 2 <= len(rows) <= MAX_ROWS:
        return None
    text = raw.lower()   # (the words beside the table: only once there is one)
    total = bool(_TOTAL_ASKED.search(text))
    asked = [n for n, row in enumerate(rows) if row.params == ASKED]
    if not asked and not total:
        return None
    bias = not _NO_BIAS.search(text)
    kernels = _kernels(rows, text)
    depth = _input_channels(text)
    requests = []
    for number, row in enumerate(rows):
        wanted = total or number in asked
        if row.kind in _NO_PARAMETERS:
            depth = row.shape[-1]
            continue
        if row.kind not in _CONV and row.kind != _DENSE:
            if wanted:
                return None   # a kind whose count is not worked out (BatchNormalization, LSTM)
            depth = row.shape[-1]
            continue
        request = _request(row, depth, kernels.get(number), bias)
        if request is None and wanted:
            return None
        if request is not None and isinstance(row.params, int) and \
                _count(request) != row.params:
            return None   # the reading disagrees with the printed count: misread
        if wanted:
            requests.append(request)
        depth = row.shape[-1]
    if not requests:
        return None
    first, *others = requests
    first.assumed += ["each layer's input channels are the row above's output channels",
                      "with bias" if bias else "no bias (use_bias=False)"]
    if others:
        first.also, first.asks = others, TOGETHER
    return first


def _row(match: re.Match) -> SummaryRow:
    cell = match[4]
    params = None if cell is None else ASKED if cell.startswith("?") else \
        int(cell.replace(",", ""))
    return SummaryRow(match[2], tuple(map(int, _NUMBER.findall(match[3]))), params)


def _kernels(rows: list[SummaryRow], text: str) -> dict[int, list[int]]:
    """Each conv row's kernel ([h, w]; 1-D as [1, k]): from the calls beside the table, matched
    by filters when one call has the row's filters, else by place when there is a call for
    every conv; from a kernel said for all; else from the row's own printed count."""
    convs = [n for n, row in enumerate(rows) if row.kind in _CONV]
    calls = [(int(c[1]), [int(c[2]), int(c[3] or c[2])])
             for c in itertools.islice(_CONV_CALL.finditer(text), MAX_ROWS + 1)]
    said = _KERNEL_SAID.search(text)
    kernels = {}
    for place, number in enumerate(convs):
        filters = rows[number].shape[-1]
        same = [kernel for count, kernel in calls if count == filters]
        if len(same) == 1:
            kernels[number] = same[0]
        elif len(calls) == len(convs) and calls[place][0] == filters:
            kernels[number] = calls[place][1]
        elif said is not None:
            side = said[1] or said[3]
            kernels[number] = [int(side), int((said[2] if said[1] else said[4]) or side)]
        if number in kernels and _CONV[rows[number].kind] == 1:
            kernels[number] = [1, kernels[number][-1]]
    return kernels


def _input_channels(text: str) -> int | None:
    shape = _INPUT_SHAPE.search(text)
    return int(shape[1]) if shape else None


def _request(row: SummaryRow, depth: int | None, kernel: list[int] | None,
             bias: bool) -> CalcRequest | None:
    """The params request for a conv or dense row, its input channels `depth` (the row above's;
    for a first conv, from its printed count when the kernel is known); None when a value is
    not known."""
    out = row.shape[-1]
    bias_arg = {} if bias else {"bias": False}
    if row.kind == _DENSE:
        if depth is None:
            return None
        return CalcRequest("params", {"layer": "linear", "in_features": depth,
                                      "out_features": out, **bias_arg})
    if kernel is None and isinstance(row.params, int) and depth is not None:
        kernel = _square_kernel(row.params - (out if bias else 0), depth * out)
    if depth is None and kernel is not None and isinstance(row.params, int):
        weights, area = row.params - (out if bias else 0), kernel[0] * kernel[1] * out
        depth = weights // area if weights > 0 and weights % area == 0 else None
    if depth is None or kernel is None:
        return None
    return CalcRequest("params", {"kernel": kernel[0] if kernel[0] == kernel[1] else kernel,
                                  "in_channels": depth, "out_channels": out, **bias_arg})


def _square_kernel(weights: int, per_position: int) -> list[int] | None:
    """A square kernel of `weights` / `per_position` positions, or None when it is not one."""
    if weights <= 0 or per_position <= 0 or weights % per_position:
        return None
    side = math.isqrt(weights // per_position)
    return [side, side] if side * side == weights // per_position else None


def _count(request: CalcRequest) -> int:
    """A params request's total, from the calculator (checked against a printed count)."""
    return calculators.run(request.calculator, request.args)["total"]
