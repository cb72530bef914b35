"""Why a calculation comes out as it does: the dialogue's answer to "why?" after a calculation,
and the change it proposes next. No Flask; plain text over a calculator's request and result.

"Why?" should add something the reply did not say: where the formula comes from, where its
rounding comes from (with this calculation's numbers), and the mistake students usually make.
"""

from __future__ import annotations

from collections.abc import Callable

from service.calculators.params import GATES


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (value[0], value[1])


def _conv(args: dict, result: dict) -> str:
    operation = args.get("operation", "conv")
    if operation == "transposed":
        return (
            "**Where the formula comes from.** A transposed convolution runs a convolution "
            "backwards: each input pixel stamps the kernel onto the output, $s$ pixels further "
            "along for each step, so $n$ inputs span $(n - 1)s + d(k - 1) + 1$ pixels; the "
            "padding $p$ is cropped from both ends and `output_padding` adds rows back on one "
            "side, giving $(n - 1)s - 2p + d(k - 1) + \\text{output\\_padding} + 1$.\n\n"
            "**The usual mistake.** Using the ordinary convolution formula, which shrinks the "
            "size instead of growing it, or forgetting that padding here *removes* pixels.")
    n, k = _pair(args["input"]), _pair(args["kernel"])
    d = _pair(args.get("dilation", 1))
    s = _pair(result.get("stride") or args.get("stride") or (k if operation == "pool" else 1))
    lines = [
        "**Where the formula comes from.** Slide the window's top-left corner over the "
        "(padded) input in steps of $s$: it can start at $0, s, 2s, \\dots$ as long as the "
        "whole window still fits, so the number of positions is the last possible start "
        "divided by $s$, rounded down, **plus one** for the start at 0. A dilated kernel "
        "covers $k^\\text{eff} = d(k - 1) + 1$ pixels."]
    padding = args.get("padding", 0)
    if padding == "same":
        lines.append(
            "**Where the rounding comes from.** TensorFlow's \"same\" chooses the padding so "
            f"that $\\lceil n / s \\rceil$ windows fit: here $\\lceil {n[0]} / {s[0]} \\rceil = "
            f"{-(-n[0] // s[0])}$, padding added as needed (the odd pixel at the bottom/right).")
    else:
        p = (0, 0) if padding == "valid" else _pair(padding)
        k_eff = d[0] * (k[0] - 1) + 1
        span = n[0] + 2 * p[0] - k_eff
        if span >= 0:
            rest = span % s[0]
            lines.append(
                "**Where the rounding comes from.** Along the height the last start is at "
                f"$n + 2p - k^\\text{{eff}} = {n[0]} + 2 \\cdot {p[0]} - {k_eff} = {span}$; "
                f"divided by the stride {s[0]} that is {span / s[0]:g}"
                + (f", so the last {rest} pixel{'s' if rest > 1 else ''} at the bottom "
                   "are never the start of a window (the floor drops them)" if rest else
                   ", a whole number: every pixel is covered")
                + f", and {span // s[0]} + 1 = {span // s[0] + 1} positions.")
    lines.append(
        "**The usual mistakes.** Forgetting the $+1$; rounding up instead of down; using $k$ "
        "where a dilated kernel needs $k^\\text{eff}$; for pooling, forgetting that the "
        "stride defaults to the window size.")
    return "\n\n".join(lines)


def _params(args: dict, result: dict) -> str:
    if args.get("separable"):
        return ("**Where the saving comes from.** A standard convolution gives every output "
                "channel its own $k_h \\times k_w$ window through all $C_\\text{in}$ "
                "channels. A depthwise-separable block splits that: one $k_h \\times k_w$ "
                "filter per input channel (the spatial part), then a $1 \\times 1$ convolution "
                "that mixes the channels. The weights fall from $k_h k_w C_\\text{in} "
                "C_\\text{out}$ to $k_h k_w C_\\text{in} + C_\\text{in} C_\\text{out}$, "
                "a factor $1/C_\\text{out} + 1/(k_h k_w)$.\n\n**The usual mistakes.** Counting "
                "the depthwise layer as if each filter saw every channel, forgetting the "
                "$1 \\times 1$ layer, or taking the block to be as expressive as the standard "
                "convolution: it is a cheaper approximation of it.")
    if args.get("layer") in GATES:
        gates = GATES[args["layer"]]
        computes = "its new state" if gates == 1 else \
            f"{gates} vectors of size $h$ (gates and candidate)"
        compared = " (an LSTM has four times a simple RNN of the same sizes, a GRU three " \
            "times)" if gates > 1 else ""
        return (
            f"**Where the count comes from.** At every step the cell computes {computes} "
            "from the input $x_t$ and the previous state $h_{t-1}$: each needs an input matrix "
            "($h \\times x$), a recurrent matrix ($h \\times h$) and a bias, so a layer has "
            f"${gates}\\,(h x + h^2 + h)$ parameters{compared}. "
            "The same weights are reused at every time step, so the sequence length never "
            "appears.\n\n**The usual mistakes.** Multiplying by the sequence length; forgetting "
            "the recurrent matrix; counting one gate instead of all of them; and mixing "
            "conventions: PyTorch keeps two bias vectors per weight set ($b_{ih}$ and "
            "$b_{hh}$), the textbook equations and Keras's LSTM one, so the counts differ by "
            f"${gates}h$.")
    if args.get("layer") == "linear":
        return ("**Where the count comes from.** A linear layer connects every input feature to "
                "every output feature, one weight each ($\\text{in} \\times \\text{out}$), plus "
                "one bias per output.\n\n**The usual mistake.** Counting only one of the two "
                "dimensions, or forgetting the biases.")
    return (
        "**Where the count comes from.** One filter is a $k_h \\times k_w$ window *through all "
        "$C_\\text{in}$ input channels* (a 3-D block of weights), plus one bias; there are "
        "$C_\\text{out}$ filters, one per output channel. The same filter is used at every "
        "position of the image (weight sharing), so the image's height and width do not "
        "appear.\n\n**The usual mistakes.** Leaving out $C_\\text{in}$ (counting a 2-D "
        "window), forgetting the bias (or adding one per weight), and multiplying by the "
        "image size.")


def _eigen(args: dict, result: dict) -> str:
    return (
        "**Where the verdict comes from.** Backpropagating through $T - k$ steps of a linear "
        "RNN multiplies by $W_h^\\top$ that many times, so the gradient behaves like the "
        "powers $W_h^{T-k}$. Powers of a matrix grow or shrink like $\\rho(W_h)^{T-k}$, the "
        "largest eigenvalue modulus: above 1 they blow up, below 1 they die out, whatever "
        "the other eigenvalues are.\n\n"
        "**With a non-linearity** each step also multiplies by $\\mathrm{diag}(\\sigma')$, "
        "which is at most $\\gamma$ (1 for tanh and ReLU, 1/4 for sigmoid): $\\gamma "
        "\\|W_h\\|_2 < 1$ guarantees vanishing, but nothing guarantees explosion.\n\n"
        "**The usual mistakes.** Looking at the largest entry, the trace or the determinant "
        "instead of the eigenvalues; confusing the spectral radius with the spectral norm "
        "(the largest singular value, which bounds it from above).")


def _attention(args: dict, result: dict) -> str:
    rows, cols = result.get("patches_per_axis", [0, 0])
    return (
        "**Where the count comes from.** Every patch is a token of length $d = hwC$ (the "
        "flattened patch), and $QK^\\top$ compares **every** token with **every** token, "
        f"itself included: $P^2$ dot products of length $d$. Here $P = {rows} \\cdot {cols}$, "
        "counted like the positions of a convolution window (the last start, divided by the "
        "stride, rounded down, plus one).\n\n"
        "**The usual mistakes.** Counting non-overlapping patches $HW/(hw)$ when the stride "
        "is smaller than the patch; forgetting the $+1$; treating the cost as linear in $P$; "
        "dropping $hwC$, the length of each dot product.")


def _sequence_attention(args: dict, result: dict) -> str:
    return (
        "**Where the count comes from.** $QK^\\top$ is an $n \\times n$ matrix: every query "
        "is compared with **every** key, itself included, by a dot product of length $d$. "
        f"So there are $n^2 = {result['num_tokens']}^2$ dot products and $n^2 d$ "
        "multiply-adds: doubling the sequence quadruples the cost, while doubling $d$ only "
        "doubles it.\n\n"
        "**The usual mistakes.** Treating the cost as linear in $n$; counting only the "
        "$n(n-1)/2$ distinct pairs (the matrix is computed whole, and it is not symmetric "
        "in general); forgetting the factor $d$, the length of each dot product; thinking "
        "that more heads cost more (each head's dot products are shorter).")


def _stack(args: dict, result: dict) -> str:
    flattened = ""
    if "flattened" in result:
        height, width = result["output"]
        flattened = (
            f"\n\n**The flatten.** It keeps every value of the last output, one per position "
            f"and channel: ${height} \\cdot {width} \\cdot {result['channels']} = "
            f"{result['flattened']}$. The channels are those of the last convolution (its "
            "number of filters); pooling keeps them. Forgetting them, or the pools' halving, "
            "is the usual way to get the next linear layer's input wrong.")
    return (
        "**Where the sizes come from.** Each layer applies $\\lfloor (n + 2p - k^\\text{eff}) "
        "/ s \\rfloor + 1$ to the size the layer before it produced, so the floor is taken at "
        "every layer. A pooling layer without a stride moves by its own size.\n\n"
        "**The usual mistakes.** Dividing the input by the product of the strides once "
        "(the rounding at each layer is lost); giving a pooling layer stride 1; forgetting a "
        "layer's padding, or Keras's default of none (`valid`)." + flattened)


def _network(args: dict, result: dict) -> str:
    flattened = ""
    if result.get("flattened") is not None:
        flattened = (
            f" The flatten keeps every value of the map before it, one per position and "
            f"channel ({result['flattened']} here), and the first linear layer takes exactly "
            "that many features: a different number is PyTorch's \"mat1 and mat2 shapes "
            "cannot be multiplied\".")
    return (
        "**Where the numbers come from.** Each layer works on what the layer before gives. A "
        "convolution's output channels are its filters, and they are the next layer's input "
        "channels; its size follows $\\lfloor (n + 2p - k^\\text{eff}) / s \\rfloor + 1$ "
        "(Keras's `same` gives $\\lceil n / s \\rceil$). Pooling keeps the channels and "
        "shrinks the map. A convolution has $k_h k_w C_\\text{in} C_\\text{out}$ weights "
        "plus one bias per filter, whatever the map's size; a linear layer "
        "$n_\\text{in} n_\\text{out}$ plus one per output." + flattened + "\n\n"
        "**The usual mistakes.** Taking the image's channels as every layer's input channels; "
        "forgetting the pools' halving or the channels when flattening; forgetting Keras's "
        "default of no padding (`valid`); leaving out the biases; counting a batch norm's "
        "running mean and variance as learned (Keras lists them as non-trainable "
        "parameters, PyTorch as buffers).")


# Said after the reason for one layer's count when several layers were added up
LAYERS_ADDED_UP = (
    "\n\n**Several layers.** Each layer is counted on its own, with its own inputs (the "
    "outputs of the layer before) and outputs, and the counts are added; nothing is shared "
    "between layers. Activations, pooling and flattening have no parameters.")


def _metrics(args: dict, result: dict) -> str:
    return (
        "**Where the formulas come from.** Each metric is a share of one row or column of the "
        "confusion matrix: precision divides by what the model *predicted* positive "
        "($TP + FP$), recall and specificity by what *is* positive ($TP + FN$) or negative "
        "($TN + FP$), accuracy by everything. F1, the harmonic mean of precision and recall, "
        "is low when either is low, unlike their average.\n\n"
        "**The usual mistakes.** Swapping precision and recall; trusting accuracy when one "
        "class dominates; reporting a 0/0 ratio as 0 instead of undefined.")


def _f1(args: dict, result: dict) -> str:
    return (
        "**Why the harmonic mean.** $F_1 = 2PR/(P + R)$ is $2TP / (2TP + FP + FN)$ written with "
        "the rates: precision and recall share the numerator $TP$ and differ in what they "
        "divide by, and their harmonic mean adds those denominators up. It is pulled towards "
        "the smaller rate, so precision 1 with recall 0.1 gives about 0.18, not 0.55.\n\n"
        "**The usual mistakes.** Taking the plain average; mixing percentages and shares; "
        "reading a 0/0 F1 (no true positives at all) as meaningful.")


WHY: dict[str, Callable[[dict, dict], str]] = {
    "conv": _conv, "params": _params, "eigen": _eigen, "attention": _attention,
    "sequence_attention": _sequence_attention, "metrics": _metrics, "stack": _stack, "f1": _f1,
    "network": _network}


def _all_without_bias(args: dict) -> bool:
    return all(not layer.get("bias", True) for layer in args.get("layers", [])
               if layer.get("kind") in ("conv", "linear", "recurrent"))


def why(calculator: str, args: dict, result: dict) -> str:
    """The reasoning behind a calculation's result, with its own numbers where they help."""
    return WHY[calculator](args, result)


def change_hint(calculator: str, args: dict, shown: tuple = ()) -> str:
    """A follow-up that changes one value of this calculation to a different one, and to none
    of the strides already `shown` beside it ("stride 1 vs 2")."""
    if calculator == "conv":
        # a pool's stride is its window unless named ("MaxPool2d(2)" already moves by 2)
        stride = args.get("stride", args.get("kernel", 1) if args.get("operation") == "pool"
                          else 1)
        stride = stride[0] if isinstance(stride, list) and len(set(stride)) == 1 else stride
        other = next(s for s in (1, 2, 3, 4) if s != stride and s not in shown)
        return f"what about stride {other}?"
    if calculator == "params":
        if args.get("layers", 1) > 1 and "kernel" in args:
            # layers in a row are compared with one layer of their joint receptive field
            side = 1 + args["layers"] * ((args["kernel"] if isinstance(args["kernel"], int)
                                          else args["kernel"][0]) - 1)
            return f"what about a single {side}x{side} conv?"
        if args.get("layer") in GATES:
            hidden = args.get("hidden_size", 64)
            return f"what about hidden size {2 * hidden if hidden < 4096 else hidden // 2}?"
        out = args.get("out_channels", args.get("out_features", 1))
        other = 2 * out if out < 512 else out // 2
        if args.get("layer") == "linear":
            return f"what about {other} outputs?"
        return f"what about {other} output channels?"
    if calculator == "eigen":
        return "what about tanh?" if args.get("activation", "identity") != "tanh" else \
            "what about relu?"
    if calculator == "stack":
        size = args.get("input", 1)
        height, width = size[:2] if isinstance(size, list) else (size, size)
        return f"what about a {2 * height}x{2 * width} input?"
    if calculator == "network":
        size = args.get("input") or []
        if len(size) == 3 and None not in size:
            return f"what about a {2 * size[1]}x{2 * size[2]} input?"
        return "what about no bias?" if not _all_without_bias(args) else "what about with bias?"
    if calculator == "sequence_attention":
        tokens = args.get("tokens", 1)
        return f"what about {2 * tokens if tokens < 100_000 else tokens // 2} tokens?"
    if calculator == "attention":
        stride = args.get("stride", 1)
        other = next(s for s in (2, 1, 3, 4) if s != stride and s not in shown)
        return f"what about stride {other}?"
    if calculator == "f1":
        recall = args.get("recall", 0.5)
        return f"what about recall {0.9 if recall < 0.9 else 0.5:g}?"
    fp = args.get("fp", 0)
    return f"what about FP={2 * fp if fp else 10}?"
