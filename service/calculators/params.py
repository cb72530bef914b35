"""Parameter counts of Conv2d (grouped or depthwise) and linear layers."""

from __future__ import annotations

from service.calculators.common import as_bool, as_int, as_pair, as_shape, fail


def _totals(weights: int, biases: int, bias: bool, bias_symbol: str) -> list[str]:
    """Return the worked lines for the biases and the total."""
    if bias:
        bias_line = f"$\\text{{biases}} = {bias_symbol} = {biases}$"
    else:
        bias_line = r"No bias: $\text{biases} = 0$"
    return [bias_line, f"$\\text{{total}} = {weights} + {biases} = {weights + biases}$"]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    """Return "1 bias", "2 biases": the count with the word in the right number."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


# Identical layers counted in a row ("two stacked 3x3 convs, 64 channels"): as many as a stack
MAX_STACKED = 32


def conv2d_params(kernel, in_channels=None, out_channels=1, bias=True, groups=1, input=None,
                  depthwise=False, separable=False, layers=1, depthwise_bias=True) -> dict:
    """Count the learnable parameters of a PyTorch-style Conv2d layer.

    Give the input depth either as ``in_channels`` or as ``input`` = [H, W, C] (C is used; H and
    W do not change the count because the weights are shared across positions). Weights are
    k_h * k_w * (in_channels / groups) * out_channels, plus out_channels biases when ``bias``.
    ``depthwise=True`` sets groups = in_channels; there ``out_channels`` must be a multiple of
    in_channels, and the default out_channels of 1 is read as "one filter per input channel"
    (out_channels = in_channels).

    Returns a JSON-ready dict: ``weights``, ``biases``, ``total``, ``layer`` ("conv2d"),
    ``in_channels``, ``out_channels``, ``groups``, ``weight_shape`` [out, in/groups, k_h, k_w],
    ``steps``, ``explanation``.

    ``separable=True`` counts a depthwise-separable block instead (a k_h x k_w depthwise
    convolution, then a 1x1 pointwise one from in_channels to out_channels) beside the standard
    convolution it replaces, adding ``standard_total`` and ``saved`` to the result; with
    ``depthwise_bias=False`` only the pointwise step has biases, as in Keras's SeparableConv2D
    (two PyTorch Conv2d layers have both).

    ``layers`` > 1 counts that many identical layers in a row (in_channels must equal
    out_channels, as it must for one layer to feed the next), adding ``layers`` and
    ``stack_total``: the comparison of two stacked 3x3 convolutions with one 5x5.

    Raises CalculationError naming the field: neither or disagreeing in_channels/input
    ("in_channels"), groups not dividing the channels or clashing with depthwise ("groups"),
    out_channels not a multiple of in_channels when depthwise ("out_channels"), separable with
    groups or depthwise ("separable"), layers out of 1..MAX_STACKED, with separable, or with
    in_channels != out_channels ("layers"), or any malformed value.
    """
    stacked = _layer_count(layers)
    if stacked > 1 and as_bool(separable, "separable"):
        fail("layers", "count a depthwise-separable block one at a time: give separable "
                       "without layers")
    depthwise_bias = as_bool(depthwise_bias, "depthwise_bias")
    if not depthwise_bias and not as_bool(separable, "separable"):
        fail("depthwise_bias", "depthwise_bias is about a depthwise-separable block: give it "
                               "with separable")
    result = _one_conv2d(kernel, in_channels, out_channels, bias, groups, input, depthwise,
                         separable, depthwise_bias)
    return _in_a_row(result, stacked, result["in_channels"], result["out_channels"])


def _layer_count(layers) -> int:
    stacked = as_int(layers, "layers")
    if not 1 <= stacked <= MAX_STACKED:
        fail("layers", f"layers must be between 1 and {MAX_STACKED}")
    return stacked


def _in_a_row(result: dict, stacked: int, inputs: int, outputs: int) -> dict:
    """One layer's count, and with `stacked` > 1 that many identical layers' (``layers``,
    ``stack_total``, a step and a sentence): possible only when a layer's outputs are the
    next one's inputs."""
    if stacked == 1:
        return result
    if inputs != outputs:
        fail("layers", f"identical layers in a row keep their size: the inputs ({inputs}) must "
                       f"equal the outputs ({outputs})")
    total = result["total"]
    result["steps"].append(f"{stacked} such layers in a row: $\\text{{stack total}} = "
                           f"{stacked} \\cdot {total} = {stacked * total}$")
    result["explanation"] += (f" {stacked} of them in a row have ${stacked} \\cdot {total} = "
                              f"{stacked * total}$ parameters.")
    return {**result, "layers": stacked, "stack_total": stacked * total}


def _one_conv2d(kernel, in_channels, out_channels, bias, groups, input, depthwise,
                separable, depthwise_bias=True) -> dict:
    """conv2d_params for one layer (or one depthwise-separable block)."""
    kh, kw = as_pair(kernel, "kernel")
    bias = as_bool(bias, "bias")
    depthwise = as_bool(depthwise, "depthwise")
    groups = as_int(groups, "groups")
    cout = as_int(out_channels, "out_channels")
    shape = None
    if input is not None:
        shape = as_shape(input, "input", ("H", "W", "C"))
        cin = shape[2]
        if in_channels is not None and as_int(in_channels, "in_channels") != cin:
            fail("in_channels", f"in_channels ({in_channels}) disagrees with the input's depth "
                                f"C = {cin}; give one of them")
    elif in_channels is None:
        fail("in_channels", "give in_channels, or the input size as [H, W, C]")
    else:
        cin = as_int(in_channels, "in_channels")

    if as_bool(separable, "separable"):
        if depthwise or groups != 1:
            fail("separable", "a depthwise-separable block sets its own groups: give separable "
                              "without depthwise or groups")
        return _separable(kh, kw, cin, cout, bias, shape, depthwise_bias)
    steps = []
    if depthwise:
        if groups not in (1, cin):
            fail("groups", f"a depthwise convolution has one group per input channel "
                           f"(groups = {cin}), not groups = {groups}")
        groups = cin
        # the default out_channels=1 can only mean "one filter per channel" here
        if cout == 1:
            cout = cin
        if cout % cin:
            fail("out_channels", f"a depthwise convolution needs out_channels to be a multiple "
                                 f"of in_channels ({cin}); got {cout}")
        steps.append(f"Depthwise: $g = C_\\text{{in}} = {cin}$, so each filter sees one channel "
                     f"and $C_\\text{{out}} = {cout}$")
    if cin % groups or cout % groups:
        fail("groups", f"groups ({groups}) must divide both in_channels ({cin}) and "
                       f"out_channels ({cout})")

    weights = kh * kw * (cin // groups) * cout
    biases = cout if bias else 0
    if groups == 1:
        steps.append(r"$\text{weights} = k_h k_w C_\text{in} C_\text{out}$")
        substituted = f"{kh} \\cdot {kw} \\cdot {cin} \\cdot {cout}"
    else:
        steps.append(r"$\text{weights} = k_h k_w (C_\text{in} / g) C_\text{out}$")
        substituted = f"{kh} \\cdot {kw} \\cdot ({cin} / {groups}) \\cdot {cout}"
    steps.append(f"$\\text{{weights}} = {substituted} = {weights}$")
    steps += _totals(weights, biases, bias, r"C_\text{out}")

    kind = ("depthwise convolution" if depthwise
            else f"convolution in {groups} groups" if groups != 1 else "convolution")
    single = " (a single filter)" if cout == 1 else ""
    explanation = (
        f"A ${kh} \\times {kw}$ {kind} from {_plural(cin, 'channel')} to "
        f"{_plural(cout, 'channel')}{single} has ${substituted} = {weights}$ weights and "
        f"{_plural(biases, 'bias', 'biases')}, "
        f"{_plural(weights + biases, 'parameter')} in all.")
    if shape is not None:
        explanation += (
            f" The ${shape[0]} \\times {shape[1]}$ spatial size does not change the count: the "
            f"same weights are shared across every position of the input, so only its depth "
            f"$C = {cin}$ enters.")
    return {
        "layer": "conv2d",
        "weights": weights,
        "biases": biases,
        "total": weights + biases,
        "in_channels": cin,
        "out_channels": cout,
        "groups": groups,
        "weight_shape": [cout, cin // groups, kh, kw],
        "steps": steps,
        "explanation": explanation,
    }


def _separable(kh: int, kw: int, cin: int, cout: int, bias: bool,
               shape: tuple[int, ...] | None, depthwise_bias: bool = True) -> dict:
    """A depthwise-separable block's count beside the standard convolution it replaces."""
    depthwise_weights, pointwise_weights = kh * kw * cin, cin * cout
    depthwise_biases = cin if bias and depthwise_bias else 0
    pointwise_biases = cout if bias else 0
    weights = depthwise_weights + pointwise_weights
    biases = depthwise_biases + pointwise_biases
    total = weights + biases
    standard_weights = kh * kw * cin * cout
    standard = standard_weights + (cout if bias else 0)
    saved = standard - total
    # each layer's own total beside its weights and biases, as a student checks it layer by layer
    with_bias = (lambda symbol, n, weights: f", biases ${symbol} = {n}$: {weights + n} in all") \
        if bias else (lambda *_: "")
    steps = [
        f"Depthwise ${kh} \\times {kw}$, one filter per channel: $k_h k_w C_\\text{{in}} = "
        f"{kh} \\cdot {kw} \\cdot {cin} = {depthwise_weights}$ weights"
        + (with_bias(r"C_\text{in}", cin, depthwise_weights) if depthwise_bias else
           (" and no biases (as in Keras's SeparableConv2D, only the pointwise step has them)"
            if bias else "")),
        f"Pointwise $1 \\times 1$: $C_\\text{{in}} C_\\text{{out}} = {cin} \\cdot {cout} = "
        f"{pointwise_weights}$ weights" + with_bias(r"C_\text{out}", cout, pointwise_weights),
        f"$\\text{{separable total}} = {depthwise_weights} + {pointwise_weights} + {biases} = "
        f"{total}$" if bias else
        f"$\\text{{separable total}} = {depthwise_weights} + {pointwise_weights} = {total}$",
        f"Standard ${kh} \\times {kw}$ convolution: $k_h k_w C_\\text{{in}} C_\\text{{out}}"
        + (f" + C_\\text{{out}} = {standard_weights} + {cout} = {standard}$" if bias else
           f" = {kh} \\cdot {kw} \\cdot {cin} \\cdot {cout} = {standard}$"),
        f"$\\text{{saved}} = {standard} - {total} = {saved}$: the block has "
        f"{100 * total / standard:.1f}% of the parameters",
    ]
    explanation = (
        f"A depthwise-separable block from {_plural(cin, 'channel')} to "
        f"{_plural(cout, 'channel')} has {_plural(total, 'parameter')}, against {standard} for "
        f"the standard ${kh} \\times {kw}$ convolution: {saved} fewer. The depthwise step "
        f"filters each channel on its own and the $1 \\times 1$ step mixes the channels, so "
        f"the weights shrink by the factor $1/C_\\text{{out}} + 1/(k_h k_w) = 1/{cout} + "
        f"1/{kh * kw} \\approx {1 / cout + 1 / (kh * kw):.3f}$.")
    if shape is not None:
        explanation += (f" The ${shape[0]} \\times {shape[1]}$ spatial size does not change "
                        f"either count.")
    return {
        "layer": "separable_conv2d",
        "weights": weights,
        "biases": biases,
        "total": total,
        "in_channels": cin,
        "out_channels": cout,
        "standard_total": standard,
        "saved": saved,
        "steps": steps,
        "explanation": explanation,
    }


def linear_params(in_features, out_features, bias=True, layers=1) -> dict:
    """Count the learnable parameters of a fully connected (``nn.Linear``) layer.

    Returns a JSON-ready dict: ``weights`` (in * out), ``biases`` (out, or 0 without bias),
    ``total``, ``layer`` ("linear"), ``steps``, ``explanation``; with ``layers`` > 1 (in_features
    must equal out_features) also ``layers`` and ``stack_total``, as for conv2d_params.

    Raises CalculationError naming the field if a feature count is not a whole number >= 1,
    bias is not a bool, or layers is out of 1..MAX_STACKED or given with in != out features.
    """
    stacked = _layer_count(layers)
    fin = as_int(in_features, "in_features")
    fout = as_int(out_features, "out_features")
    bias = as_bool(bias, "bias")
    weights = fin * fout
    biases = fout if bias else 0
    steps = [r"$\text{weights} = n_\text{in} n_\text{out}$",
             f"$\\text{{weights}} = {fin} \\cdot {fout} = {weights}$"]
    steps += _totals(weights, biases, bias, r"n_\text{out}")
    explanation = (
        f"A linear layer from {fin} to {fout} features has one weight per input-output pair, "
        f"${fin} \\cdot {fout} = {weights}$, plus {_plural(biases, 'bias', 'biases')}: "
        f"{_plural(weights + biases, 'parameter')} in all.")
    return _in_a_row({"layer": "linear", "weights": weights, "biases": biases,
                      "total": weights + biases, "steps": steps, "explanation": explanation},
                     stacked, fin, fout)


# Each cell's weight sets: one per gate (and the candidate), each an input matrix, a recurrent
# matrix and a bias
GATES = {"rnn": 1, "lstm": 4, "gru": 3}
_CELL_NAMES = {"rnn": "simple RNN", "lstm": "LSTM", "gru": "GRU"}
_GATE_WORDS = {"rnn": "one set of weights",
               "lstm": "four sets of weights (input, forget and output gates and the candidate)",
               "gru": "three sets of weights (update and reset gates and the candidate)"}


def recurrent_params(cell, input_size, hidden_size, bias=True, bias_vectors=1, layers=1,
                     bidirectional=False) -> dict:
    """Count the learnable parameters of a recurrent layer: a simple RNN, an LSTM or a GRU.

    Each of the cell's G weight sets (1, 4 or 3) has an input matrix (hidden x input), a
    recurrent matrix (hidden x hidden) and ``bias_vectors`` bias vectors of length hidden: one
    in the textbook equations and in Keras's LSTM, two in PyTorch (b_ih and b_hh, which add the
    same thing twice). ``layers`` stacks cells (layer 2 on reads layer 1's hidden state, twice
    its size when ``bidirectional``); a bidirectional layer has two cells.

    Returns a JSON-ready dict: ``weights``, ``biases``, ``total``, ``layer`` (the cell),
    ``gates``, ``per_layer`` (each layer's total), ``steps``, ``explanation``; with one bias
    vector and bias, ``total_two_biases`` (PyTorch's count), and with two, ``total_one_bias``.

    Raises CalculationError naming the field for an unknown cell, sizes that are not whole
    numbers >= 1, bias_vectors other than 1 or 2, or layers out of 1..MAX_STACKED.
    """
    if cell not in GATES:
        fail("cell", f"cell must be one of {', '.join(GATES)} (got {cell!r})")
    gates = GATES[cell]
    n_in = as_int(input_size, "input_size")
    hidden = as_int(hidden_size, "hidden_size")
    bias = as_bool(bias, "bias")
    if isinstance(bias_vectors, bool) or bias_vectors not in (1, 2):
        fail("bias_vectors", "bias_vectors must be 1 (textbook, Keras) or 2 (PyTorch's b_ih "
                             "and b_hh)")
    stacked = _layer_count(layers)
    directions = 2 if as_bool(bidirectional, "bidirectional") else 1
    vectors = bias_vectors if bias else 0
    steps = [f"$\\text{{weights per cell}} = G\\,h\\,(x + h)$ with $G = {gates}$ "
             f"({_CELL_NAMES[cell]})"]
    weights = biases = 0
    per_layer = []
    times = f"{directions} \\cdot " if directions > 1 else ""
    per_vector = f" \\cdot {vectors}" if vectors > 1 else ""
    for layer in range(stacked):
        reads = n_in if layer == 0 else directions * hidden
        layer_weights = directions * gates * hidden * (reads + hidden)
        layer_biases = directions * gates * hidden * vectors
        per_layer.append(layer_weights + layer_biases)
        weights += layer_weights
        biases += layer_biases
        prefix = f"Layer {layer + 1}: " if stacked > 1 else ""
        steps.append(f"{prefix}$\\text{{weights}} = {times}{gates} \\cdot {hidden} \\cdot "
                     f"({reads} + {hidden}) = {layer_weights}$")
        if vectors:
            steps.append(f"{prefix}$\\text{{biases}} = {times}{gates} \\cdot {hidden}"
                         f"{per_vector} = {layer_biases}$")
    if not vectors:
        steps.append(r"No bias: $\text{biases} = 0$")
    total = weights + biases
    steps.append(f"$\\text{{total}} = {weights} + {biases} = {total}$")
    convention = {0: "no biases",
                  1: "one bias vector per weight set, as in the textbook equations and Keras's "
                     "LSTM",
                  2: "two bias vectors per weight set (b_ih and b_hh), as PyTorch stores them"}
    matrix = f"{hidden} x {n_in}" if stacked == 1 else f"{hidden} x its input"
    explanation = (
        f"{'An' if cell == 'lstm' else 'A'} {_CELL_NAMES[cell]} cell has {_GATE_WORDS[cell]}; "
        f"each has an input matrix ({matrix}) and a recurrent matrix ({hidden} x {hidden}), "
        f"and here {convention[vectors]}: {_plural(total, 'parameter')} in all. The sequence "
        "length does not appear: the same weights are used at every time step.")
    result = {"layer": cell, "gates": gates, "weights": weights, "biases": biases,
              "total": total, "per_layer": per_layer, "steps": steps,
              "explanation": explanation}
    if vectors:
        other = 2 if vectors == 1 else 1
        other_total = weights + biases // vectors * other
        result["total_two_biases" if other == 2 else "total_one_bias"] = other_total
        explanation += (" With two bias vectors per weight set (PyTorch) it would be "
                        if other == 2 else " With one bias vector per weight set (the "
                        "textbook, Keras's LSTM) it would be ") + f"{other_total}."
        result["explanation"] = explanation
    return result
