"""A recurrent layer's parameter count read from a message: the cell (simple RNN, LSTM, GRU),
its input and hidden sizes, layers, directions and how many bias vectors each weight set has.

"nn.LSTM(input_size=32, hidden_size=64)", "a GRU with input dim 16 and hidden dim 32", "Keras
LSTM(64) on inputs of 300 features", "an lstm with 128 hidden units over 300-dim embeddings".
PyTorch keeps two bias vectors per weight set (b_ih and b_hh), the textbook equations and
Keras's LSTM one, Keras's GRU two (its reset_after default): the count follows the framework
the message names, else the textbook's, and the reply gives the other count too.
"""

from __future__ import annotations

import re

from service.calculators.params import GATES, MAX_STACKED
from service.core.calcparse.request import CalcRequest
from service.core.calcparse.slots import read_bias

# The cell, by its name (an LSTM or GRU named anywhere is the cell, before a plain "rnn")
_CELL = re.compile(r"\b(lstm|gru|(?:simple|vanilla|elman)\s*+rnn|rnn)\b")
TORCH_CALL = re.compile(r"\bnn\.(lstm|gru|rnn)\s*+\(\s*+(\d{1,6}+)\s*+,\s*+(\d{1,6}+)")
# (the bracket right after the name: "a gru (1 bias vector per gate)" is no call)
_KERAS_CALL = re.compile(r"(?<!nn\.)\b(?:keras\.layers\.|layers\.)?(lstm|gru|simplernn)\(\s*+"
                         r"(?:units\s*+=\s*+)?(\d{1,6}+)\b")
_KERAS_INPUT = re.compile(r"\binput_shape\s*+=\s*+\(\s*+(?:none|\d{1,6}+)\s*+,\s*+(\d{1,6}+)\s*+"
                          r",?\s*+\)|\binput_dim\s*+=\s*+(\d{1,6}+)")
_INPUT_SIZE = re.compile(
    r"\binput_size\s*+=\s*+(\d{1,6}+)|"
    r"\binputs?\s++(?:size|dim(?:ension)?|features?|vectors?)\s*+(?:of\s++|=\s*+|:\s*+|is\s++)?"
    r"(\d{1,6}+)\b|"
    r"\binputs?\s++(?:of\s++)?(?:size|dim(?:ension)?)\s++(\d{1,6}+)\b|"
    r"(?<![\w.])(\d{1,6}+)\s*+-?\s*+(?:dim(?:ension(?:al)?)?|d)\s++(?:word\s++)?"
    r"(?:inputs?|embeddings?|vectors?|features?)\b|"
    r"(?<![\w.])(\d{1,6}+)\s++(?:input\s++(?:features|units|dimensions)|inputs)\b|"
    r"\b(?:x|x_t)\s*+(?:has|of)?\s*+(?:size|dim(?:ension)?)\s*+(?:of\s++)?(\d{1,6}+)\b|"
    r"\bembedding\s++(?:size|dim(?:ension)?)\s*+(?:of\s++|=\s*+|is\s++)?(\d{1,6}+)\b|"
    # "the input has 10 features", "inputs of shape (timesteps, 32)"
    r"\binputs?\s++(?:has|have|with)\s++(\d{1,6}+)\s++(?:features|dimensions|units)\b|"
    r"\bshape\s*+\(\s*+(?:timesteps|time_steps|t|none|seq_len|batch|\d{1,6}+)\s*+,\s*+"
    r"(\d{1,6}+)\s*+\)|"
    # terse: "input 10, hidden 20"; "sequences with 32 features"
    r"\binput\s*+[=:]?\s*+(\d{1,6}+)\b(?!\s*+x)|(?<![\w.])(\d{1,6}+)\s++features\b|"
    # LaTeX once read: "x_t \in \mathbb{R}^3" is "xt in {r}^3"
    r"\bx_?+t?+\s*+(?:in|∈)\s*+\{?+r\}?+\^\{?+(\d{1,6}+)\b(?!\s*+x)")
_HIDDEN_SIZE = re.compile(
    r"\bhidden_size\s*+=\s*+(\d{1,6}+)|\bunits\s*+=\s*+(\d{1,6}+)|"
    r"\bhidden\s++(?:size|dim(?:ension)?|units|state(?:\s++size)?|neurons|layer\s++size)\s*+"
    r"(?:of\s++|=\s*+|:\s*+|is\s++)?(\d{1,6}+)\b|"
    r"(?<![\w.])(\d{1,6}+)\s++(?:hidden\s++)?(?:units|neurons|cells)\b|"
    r"(?<![\w.])(\d{1,6}+)\s*+-?\s*+(?:dim(?:ension(?:al)?)?\s++)?hidden\b(?!\s++layers?\b)|"
    r"\bhidden\s*+[=:]?\s*+(\d{1,6}+)\b|"
    r"\bh_?+t?+\s*+(?:in|∈)\s*+\{?+r\}?+\^\{?+(\d{1,6}+)\b(?!\s*+x)")   # "h_t \in R^{4}"
_LAYERS = re.compile(r"\bnum_layers\s*+=\s*+(\d{1,2}+)|(?<![\w.])(\d{1,2}+)\s*+-?\s*+"
                     r"(?:stacked\s++|hidden\s++)?(?:layers?|layered)\b")
_BIDIRECTIONAL = re.compile(r"\bbidirectional\s*+=\s*+true\b|\bbi-?directional\b(?!\s*+=)|"
                            r"\bbi-?lstm\b|\bbi-?gru\b")
_TWO_BIASES = re.compile(r"\bpytorch\b|\btorch\b|\bnn\.(?:lstm|gru|rnn)\b|\bb_?ih\b|\bb_?hh\b|"
                         r"\b(?:two|2|both)\s++bias(?:es|\s++vectors?)?\b")
_ONE_BIAS = re.compile(r"\b(?:one|1|a single)\s++bias(?:\s++vector)?\s++(?:per|for each)\b|"
                       r"\btextbook\b")
_KERAS = re.compile(r"\bkeras\b|\btf\.keras\b|\bsimplernn\b")
_CELLS = {"lstm": "lstm", "gru": "gru", "rnn": "rnn", "simplernn": "rnn"}


def recurrent_cell(text: str) -> str | None:
    """The recurrent cell a prepared text names ("lstm", "gru", "rnn"), or None."""
    found = {m[1].split()[-1].replace("simplernn", "rnn") for m in _CELL.finditer(text)}
    for cell in ("lstm", "gru", "rnn"):
        if cell in found:
            return cell
    return None


def recurrent_request(text: str, slots: dict) -> CalcRequest | None:
    """A recurrent layer's parameter count ("params" with layer lstm/gru/rnn), reading what
    the text names and keeping an earlier request's values (`slots`) it does not; None when
    the text names no cell and no earlier request had one."""
    cell = recurrent_cell(text) or (slots.get("layer") if slots.get("layer") in GATES else None)
    if cell is None:
        return None
    args: dict = {"layer": cell}
    input_size = hidden_size = None
    call = TORCH_CALL.search(text)
    if call:
        cell = _CELLS[call[1]]
        args["layer"] = cell
        input_size, hidden_size = int(call[2]), int(call[3])
    keras = _KERAS_CALL.search(text)
    if keras and not call:
        cell = _CELLS[keras[1]]
        args["layer"] = cell
        hidden_size = int(keras[2])
        given = _KERAS_INPUT.search(text)
        if given:
            input_size = int(given[1] or given[2])
    input_size = input_size or _first(_INPUT_SIZE, text) or slots.get("input_size")
    hidden_size = hidden_size or _first(_HIDDEN_SIZE, text) or slots.get("hidden_size")
    if input_size is not None:
        args["input_size"] = input_size
    if hidden_size is not None:
        args["hidden_size"] = hidden_size
    layers = _first(_LAYERS, text) or slots.get("layers")
    if layers is not None and 1 < layers <= MAX_STACKED:
        args["layers"] = layers
    if _BIDIRECTIONAL.search(text) or slots.get("bidirectional"):
        args["bidirectional"] = True
    assumed = []
    if read_bias(text, slots) is False:
        args["bias"] = False
    if _TWO_BIASES.search(text) or (_KERAS.search(text) and cell == "gru"):
        args["bias_vectors"] = 2
    elif _ONE_BIAS.search(text) or _KERAS.search(text):
        args["bias_vectors"] = 1
    elif slots.get("bias_vectors"):
        args["bias_vectors"] = slots["bias_vectors"]
    elif args.get("bias", True):
        assumed.append("one bias vector per weight set, as in the textbook equations")
    if args.get("bias_vectors") == 2 and _KERAS.search(text) and cell == "gru":
        assumed.append("Keras's GRU default, reset_after=True: two bias vectors per weight set")
    missing = [name for name in ("input_size", "hidden_size") if name not in args]
    request = CalcRequest("params", args, missing, assumed)
    named = list(dict.fromkeys(m[1].split()[-1] for m in _CELL.finditer(text)))
    if not call and not keras and len(named) == 2 and _COMPARED.search(text):
        # "how many params does an LSTM have vs a GRU?": each cell with the same sizes, in the
        # order named
        first, second = named
        request.args["layer"] = first
        request.also = [CalcRequest("params", {**args, "layer": second}, list(missing),
                                    list(assumed))]
    return request


# Two cells compared ("an LSTM vs a GRU", "compared to a GRU", "LSTM or GRU")
_COMPARED = re.compile(r"\b(?:vs|versus|compared?|against|or|and)\b")


def _first(pattern: re.Pattern, text: str) -> int | None:
    """The value of the first match of a pattern (its first group that matched), or None."""
    found = pattern.search(text)
    return int(next(group for group in found.groups() if group)) if found else None
