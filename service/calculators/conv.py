"""Output size of a convolution, pooling or transposed convolution, with its MACs and FLOPs."""

from __future__ import annotations

from dataclasses import dataclass

from service.calculators.common import as_bool, as_int, as_pair, axis_name, fail, lhs, per_axis
from service.errors import CalculationError

OPERATIONS = ("conv", "pool", "transposed")

OUT = r"\text{out}"
K_EFF = r"k^\text{eff}"

FLOPS_CONVENTION = (
    "One multiply-add (a weight times an input, added to a sum) counts as one MAC, as ptflops "
    "counts it, and so does each bias add; FLOPs = 2 per weight MAC + 1 per bias add."
)
TRANSPOSED_CONVENTION = (
    " For a transposed convolution ptflops counts every output position as a full "
    "k_h x k_w x C_in/g window, which includes the multiplications by the zeros that the stride "
    "inserts between input pixels."
)


@dataclass(frozen=True)
class _Axis:
    """The result along one axis: output length, padding before/after, worked lines."""

    out: int
    pads: tuple[int, int]
    lines: tuple[str, ...]


def _setting(pair: tuple[int, int]) -> str:
    """Return "3" for a square setting and "(3, 5)" when height and width differ."""
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _effective_kernel(k: int, d: int, *, axes: str) -> tuple[int, str]:
    """Return d(k - 1) + 1, the span a dilated kernel covers, and its worked line."""
    eff = d * (k - 1) + 1
    return eff, f"${lhs(K_EFF, axes)} = {d} \\cdot ({k} - 1) + 1 = {eff}$"


def _sliding(n: int, eff: int, s: int, p: int, pool: bool, ceil_mode: bool, *, axes: str) -> _Axis:
    """PyTorch Conv2d / MaxPool2d arithmetic along one axis (numeric padding)."""
    padded = n + 2 * p
    where = axis_name(axes)
    # PyTorch refuses this for pooling: a window could then lie wholly in the padding
    if pool and p > eff // 2:
        fail("padding", f"PyTorch pooling allows at most half the effective kernel as padding: "
                        f"the padding{where} ({p}) is more than {eff} // 2 = {eff // 2}")
    sub = f"({n} + 2 \\cdot {p} - {eff}) / {s}"
    if not ceil_mode:
        if eff > padded:
            fail("kernel", f"the kernel (effective size {eff}) does not fit in the padded "
                           f"input{where} ({n} + 2*{p} = {padded})")
        out = (padded - eff) // s + 1
        return _Axis(out, (p, p), (f"${lhs(OUT, axes)} = \\lfloor {sub} \\rfloor + 1 = {out}$",))
    # Python's // floors like PyTorch's div_rtn, so this is ceil((padded - eff) / s) + 1
    out = (padded - eff + s - 1) // s + 1
    if out < 1:
        fail("kernel", f"the kernel (effective size {eff}) is larger than the padded "
                       f"input{where} ({n} + 2*{p} = {padded}) by {eff - padded}, and even "
                       f"ceil_mode only lets a window run past the edge by less than the stride "
                       f"({s})")
    lines = [f"${lhs(OUT, axes)} = \\lceil {sub} \\rceil + 1 = {out}$"]
    if (out - 1) * s >= n + p:
        lines.append(
            f"The last window would start at $({out} - 1) \\cdot {s} = {(out - 1) * s} "
            f"\\ge n + p = {n} + {p}$, in the right padding, so PyTorch drops it: "
            f"${lhs(OUT, axes)} = {out - 1}$")
        out -= 1
    return _Axis(out, (p, p), tuple(lines))


def _same(n: int, eff: int, s: int, *, axes: str) -> _Axis:
    """TensorFlow "same" padding along one axis: ceil(n / s) outputs, pads split low-first."""
    out = -(-n // s)
    total = max((out - 1) * s + eff - n, 0)
    before = total // 2
    sides = {"h": ("top", "bottom"), "w": ("left", "right")}.get(axes, ("top/left", "bottom/right"))
    return _Axis(out, (before, total - before), (
        f"${lhs(OUT, axes)} = \\lceil {n} / {s} \\rceil = {out}$",
        f"${lhs('p', axes)} = \\max(({out} - 1) \\cdot {s} + {eff} - {n}, 0) = {total}$: "
        f"{before} on the {sides[0]}, {total - before} on the {sides[1]}",
    ))


def _transposed(n: int, k: int, s: int, p: int, d: int, op: int, *, axes: str) -> _Axis:
    """PyTorch ConvTranspose2d arithmetic along one axis."""
    where = axis_name(axes)
    if op >= max(s, d):
        fail("output_padding", f"output_padding{where} ({op}) must be smaller than the stride "
                               f"({s}) or the dilation ({d}), otherwise PyTorch refuses it")
    full = (n - 1) * s + d * (k - 1) + op + 1
    out = full - 2 * p
    if out < 1:
        fail("padding", f"the padding{where} ({p} on each side) crops away more than the "
                        f"transposed convolution produces (({n} - 1)*{s} + {d}*({k} - 1) + {op} "
                        f"+ 1 = {full})")
    return _Axis(out, (p, p), (
        f"${lhs(OUT, axes)} = ({n} - 1) \\cdot {s} - 2 \\cdot {p} + {d} \\cdot ({k} - 1) "
        f"+ {op} + 1 = {out}$",))


def _transposed_tf(n: int, eff: int, s: int, mode: str, *, axes: str) -> _Axis:
    """TensorFlow's Conv2DTranspose along one axis: "same" gives n s outputs, "valid"
    n s + max(k_eff - s, 0); the padding reported is what PyTorch would crop for that size."""
    if mode == "same":
        out = n * s
        line = f"${lhs(OUT, axes)} = {n} \\cdot {s} = {out}$"
    else:
        out = n * s + max(eff - s, 0)
        line = f"${lhs(OUT, axes)} = {n} \\cdot {s} + \\max({eff} - {s}, 0) = {out}$"
    crop = max((n - 1) * s + eff - out, 0)
    return _Axis(out, (crop // 2, crop - crop // 2), (line,))


def _padding(padding: object, operation: str) -> str | tuple[int, int]:
    """Return "same" or the numeric (height, width) padding ("valid" is 0); for a transposed
    convolution "same" and "valid" stay as they are (TensorFlow's own arithmetic)."""
    if isinstance(padding, str):
        if padding not in ("same", "valid"):
            fail("padding", f'padding must be a number, a pair, "same" or "valid" '
                            f"(got {padding!r})")
        if operation == "transposed":
            return padding
        return "same" if padding == "same" else (0, 0)
    return as_pair(padding, "padding", minimum=0)


def _formula(operation: str, same: bool | None, ceil_mode: bool) -> str:
    """Return the general formula, the first line of the worked steps (`same` None: a
    transposed convolution with TensorFlow's "same" or "valid")."""
    if operation == "transposed" and same is None:
        return (r'TensorFlow `Conv2DTranspose`: "same" gives $\text{out} = n s$, "valid" '
                r"$\text{out} = n s + \max(k^\text{eff} - s, 0)$")
    if operation == "transposed":
        return (r"$\text{out} = (n - 1) s - 2p + d (k - 1) + \text{output\_padding} + 1$ "
                "(PyTorch `ConvTranspose2d`)")
    if same:
        return (r'TensorFlow "same": $\text{out} = \lceil n / s \rceil$, padded by '
                r"$p = \max((\text{out} - 1) s + k^\text{eff} - n, 0)$, the odd pixel going to "
                "the bottom/right")
    if ceil_mode:
        return (r"$\text{out} = \lceil (n + 2p - k^\text{eff}) / s \rceil + 1$, minus one if the "
                r"last window would start in the right padding, $(\text{out} - 1) s \ge n + p$ "
                "(PyTorch pooling with `ceil_mode=True`)")
    layer = "`MaxPool2d`/`AvgPool2d`" if operation == "pool" else "`Conv2d`"
    return rf"$\text{{out}} = \lfloor (n + 2p - k^\text{{eff}}) / s \rfloor + 1$ (PyTorch {layer})"


def _explanation(operation: str, n, k, s, d, padding, out, ceil_mode: bool) -> str:
    """Return one or two sentences saying what was computed and which convention decided it."""
    settings = [f"stride {_setting(s)}",
                f'"{padding}" padding' if isinstance(padding, str) else
                f"padding {_setting(padding)}"]
    if d != (1, 1):
        settings.append(f"dilation {_setting(d)}")
    setting = ", ".join(settings[:-1]) + " and " + settings[-1]
    layer = {"conv": "convolution", "pool": "pooling window",
             "transposed": "transposed convolution"}[operation]
    first = (f"A ${k[0]} \\times {k[1]}$ {layer} with {setting} on a ${n[0]} \\times {n[1]}$ "
             f"input gives a ${out[0]} \\times {out[1]}$ output.")
    if operation == "transposed" and isinstance(padding, str):
        why = ('TensorFlow sizes a transposed convolution from the stride: "same" makes the '
               'output exactly stride times the input, "valid" adds what the kernel reaches '
               "past the last stride.")
    elif padding == "same":
        why = (r'"same" (TensorFlow) keeps $\lceil n / s \rceil$ outputs per axis and pads just '
               "enough for them.")
    elif operation == "transposed":
        why = ("A transposed convolution runs the size arithmetic of a convolution backwards, so "
               "padding shrinks the output instead of growing it.")
    elif ceil_mode:
        why = ("With `ceil_mode=True` PyTorch rounds up, letting the last window run past the "
               "edge as long as it starts inside the input or the left padding.")
    else:
        why = ("PyTorch rounds down: a window that would run past the padded edge is not used, "
               "which is why the division is floored.")
    return f"{first} {why}"


def _cost(out: tuple[int, int], k: tuple[int, int], in_channels, out_channels, groups: int,
          bias: bool, operation: str) -> dict:
    """Return macs, flops, flops_convention and their worked lines."""
    if operation == "pool":
        field = "in_channels" if in_channels is not None else "out_channels"
        fail(field, "pooling has no weights, so there are no MACs to count: leave out "
                    "in_channels and out_channels, or use operation \"conv\"")
    if in_channels is None or out_channels is None:
        missing = "in_channels" if in_channels is None else "out_channels"
        fail(missing, "give both in_channels and out_channels to count the MACs and FLOPs")
    cin = as_int(in_channels, "in_channels")
    cout = as_int(out_channels, "out_channels")
    if cin % groups or cout % groups:
        fail("groups", f"groups ({groups}) must divide both in_channels ({cin}) and "
                       f"out_channels ({cout})")
    positions = out[0] * out[1] * cout
    weight_macs = positions * k[0] * k[1] * (cin // groups)
    bias_adds = positions if bias else 0
    macs = weight_macs + bias_adds
    flops = 2 * weight_macs + bias_adds
    per_group = f" / {groups}" if groups != 1 else ""
    general = (r"$\text{MACs} = H_\text{out} W_\text{out} C_\text{out} \cdot k_h k_w "
               r"C_\text{in}" + (" / g" if groups != 1 else ""))
    weights = (f"{out[0]} \\cdot {out[1]} \\cdot {cout} \\cdot {k[0]} \\cdot {k[1]} \\cdot "
               f"{cin}{per_group}")
    if bias:
        general += r" + H_\text{out} W_\text{out} C_\text{out}$ (one add per bias)"
        substituted = (f"$\\text{{MACs}} = {weights} + {out[0]} \\cdot {out[1]} \\cdot {cout} "
                       f"= {weight_macs} + {bias_adds} = {macs}$")
        flop_line = f"$\\text{{FLOPs}} = 2 \\cdot {weight_macs} + {bias_adds} = {flops}$"
    else:
        general += "$"
        substituted = f"$\\text{{MACs}} = {weights} = {macs}$"
        flop_line = f"$\\text{{FLOPs}} = 2 \\cdot {weight_macs} = {flops}$"
    convention = FLOPS_CONVENTION + (TRANSPOSED_CONVENTION if operation == "transposed" else "")
    return {"macs": macs, "flops": flops, "flops_convention": convention,
            "lines": [general, substituted, flop_line]}


def conv_output(input, kernel, stride=None, padding=0, dilation=1, operation="conv",
                ceil_mode=False, output_padding=0, in_channels=None, out_channels=None,
                groups=1, bias=True) -> dict:
    """Work out the output size of a 2-D convolution, pooling or transposed convolution.

    Sizes are an int (square) or [height, width]. Numeric padding follows PyTorch (``Conv2d``,
    ``MaxPool2d``/``AvgPool2d`` including ``ceil_mode``, ``ConvTranspose2d``); ``"same"``
    follows TensorFlow and ``"valid"`` means no padding. ``stride=None`` means 1, or the kernel
    size for pooling. With ``in_channels`` and ``out_channels`` (conv and transposed only) the
    MACs and FLOPs of the layer are counted too.

    Returns a JSON-ready dict: ``output`` [h, w], ``operation``, ``padding`` [[top, bottom],
    [left, right]] as used, ``effective_kernel``, ``stride``, ``dilation``, ``steps``,
    ``explanation``; ``ceil_mode`` for pooling, ``output_padding`` for transposed; and
    ``macs``, ``flops``, ``flops_convention`` when channels are given.

    Raises CalculationError naming the field at fault: the kernel does not fit ("kernel"),
    padding not allowed ("padding"), an option used with the wrong operation ("ceil_mode",
    "output_padding", "in_channels"/"out_channels"), groups not dividing the channels
    ("groups"), or any malformed value.
    """
    if operation not in OPERATIONS:
        fail("operation", f"operation must be one of {', '.join(OPERATIONS)} (got {operation!r})")
    n = as_pair(input, "input")
    k = as_pair(kernel, "kernel")
    d = as_pair(dilation, "dilation")
    if stride is None:
        s = k if operation == "pool" else (1, 1)
    else:
        s = as_pair(stride, "stride")
    ceil_mode = as_bool(ceil_mode, "ceil_mode")
    bias = as_bool(bias, "bias")
    groups = as_int(groups, "groups")
    op_pad = as_pair(output_padding, "output_padding", minimum=0)
    if ceil_mode and operation != "pool":
        fail("ceil_mode", 'ceil_mode only applies to pooling (operation "pool")')
    if op_pad != (0, 0) and operation != "transposed":
        fail("output_padding",
             'output_padding only applies to a transposed convolution (operation "transposed")')
    if groups != 1 and in_channels is None and out_channels is None:
        fail("groups", "groups only changes the MAC count, which needs in_channels and "
                       "out_channels")
    pad = _padding(padding, operation)
    tensorflow_transposed = operation == "transposed" and isinstance(pad, str)
    if tensorflow_transposed and op_pad != (0, 0):
        fail("output_padding", f'output_padding needs a numeric padding; with "{pad}" '
                               "TensorFlow works the size out itself")
    if pad == "same" and ceil_mode:
        fail("ceil_mode", 'ceil_mode is a PyTorch option; TensorFlow\'s "same" padding already '
                          "rounds up")

    steps = [_formula(operation, None if tensorflow_transposed else pad == "same", ceil_mode)]
    eff_h, eff_w, shared = per_axis(_effective_kernel, (k[0], d[0]), (k[1], d[1]))
    eff = (eff_h[0], eff_w[0])
    if d != (1, 1) and operation != "transposed":
        steps.append(r"$k^\text{eff} = d (k - 1) + 1$")
        steps += [eff_h[1]] if shared else [eff_h[1], eff_w[1]]

    if tensorflow_transposed:
        rows, cols, shared = per_axis(_transposed_tf, (n[0], eff[0], s[0], pad),
                                      (n[1], eff[1], s[1], pad))
    elif operation == "transposed":
        rows, cols, shared = per_axis(_transposed, (n[0], k[0], s[0], pad[0], d[0], op_pad[0]),
                                      (n[1], k[1], s[1], pad[1], d[1], op_pad[1]))
    elif pad == "same":
        rows, cols, shared = per_axis(_same, (n[0], eff[0], s[0]), (n[1], eff[1], s[1]))
    else:
        pool = operation == "pool"
        rows, cols, shared = per_axis(
            _sliding, (n[0], eff[0], s[0], pad[0], pool, ceil_mode),
            (n[1], eff[1], s[1], pad[1], pool, ceil_mode))
    steps += rows.lines if shared else rows.lines + cols.lines
    out = (rows.out, cols.out)

    result = {
        "operation": operation,
        "output": list(out),
        "padding": [list(rows.pads), list(cols.pads)],
        "effective_kernel": list(eff),
        "stride": list(s),
        "dilation": list(d),
    }
    if operation == "pool":
        result["ceil_mode"] = ceil_mode
    if operation == "transposed":
        result["output_padding"] = list(op_pad)
    steps.append(f"Output: ${out[0]} \\times {out[1]}$")
    if in_channels is not None or out_channels is not None:
        cost = _cost(out, k, in_channels, out_channels, groups, bias, operation)
        steps += cost.pop("lines")
        result.update(cost)
    result["steps"] = steps
    result["explanation"] = _explanation(operation, n, k, s, d, pad, out, ceil_mode)
    return result


MAX_LAYERS = 32  # a stack a student types out; a whole network is not a chat message


def conv_stack(input, layers, channels=None) -> dict:
    """Work out the output size through layers in turn, each layer's output the next one's
    input: a list of `conv_output` settings (kernel, stride, padding, dilation, operation,
    ceil_mode, output_padding), without their inputs.

    Returns ``output`` [h, w], ``sizes`` (the input, then every layer's output), ``layers``
    (each layer's own result), ``steps`` (each layer's worked line) and ``explanation``; with
    ``channels`` (those the last layer gives), also ``flattened``, the number of values a
    Flatten turns the output into (what the next linear layer takes).
    Raises CalculationError naming ``layers.<i>.<field>`` for a layer that cannot be
    applied, ``layers`` for an empty or too long list, or ``channels`` if not a whole number
    >= 1.
    """
    if not isinstance(layers, list | tuple) or not layers or len(layers) > MAX_LAYERS:
        fail("layers", f"layers must be a list of 1 to {MAX_LAYERS} layers")
    depth = None if channels is None else as_int(channels, "channels")
    size = list(as_pair(input, "input"))
    sizes, results, steps = [size], [], []
    for number, layer in enumerate(layers, start=1):
        if not isinstance(layer, dict) or "input" in layer:
            fail(f"layers.{number - 1}", "each layer is an object of settings without an input")
        try:
            result = conv_output(size, **layer)
        except TypeError as error:
            fail(f"layers.{number - 1}", f"layer {number} has a setting conv_output does not "
                                         f"take ({error})")
        except CalculationError as error:
            field = next(iter(error.fields), "layers")
            raise CalculationError(f"layer {number}: {error.message}",
                                   {f"layers.{number - 1}.{field}": error.fields.get(field, [])}
                                   ) from None
        size = result["output"]
        sizes.append(size)
        results.append(result)
        steps.append(f"Layer {number}, {_layer_name(layer)}: " +
                     "; ".join(line for line in result["steps"][1:-1]))
    steps.append(f"Output: ${size[0]} \\times {size[1]}$")
    # every size as a size: "the bottleneck?" is read off the path ("... \to 8 \times 8 \to ...")
    path = " \\to ".join(f"{h} \\times {w}" for h, w in sizes)
    explanation = (f"Each layer's output is the next layer's input: ${path}$. The rounding "
                   "happens at every layer, so working out the layers in turn is not the same "
                   "as dividing by the product of the strides once.")
    result = {"output": size, "sizes": sizes, "layers": results, "steps": steps,
              "explanation": explanation}
    if depth is not None:
        flattened = size[0] * size[1] * depth
        steps.append(f"Flatten: $H \\cdot W \\cdot C = {size[0]} \\cdot {size[1]} \\cdot {depth} = "
                     f"{flattened}$ values")
        result.update(channels=depth, flattened=flattened)
        result["explanation"] += (f" Flattening keeps every value of the ${size[0]} \\times "
                                  f"{size[1]} \\times {depth}$ output, one per position and "
                                  f"channel: {flattened}, the input features of the linear "
                                  "layer after it.")
    return result


def _layer_name(layer: dict) -> str:
    """"conv 7x7, stride 2, padding 3": what a layer is (already checked by conv_output), for
    its line of the steps."""
    kh, kw = as_pair(layer["kernel"], "kernel")
    parts = [f"{layer.get('operation', 'conv')} ${kh} \\times {kw}$"]
    for name in ("stride", "padding", "dilation"):
        value = layer.get(name)
        if isinstance(value, str):
            parts.append(f"{name} {value}")
        elif value is not None:
            parts.append(f"{name} {_setting(as_pair(value, name, minimum=0))}")
    return ", ".join(parts)
