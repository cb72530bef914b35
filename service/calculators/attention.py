"""Cost of self-attention over the patches of an image (the seed's Q11)."""

from __future__ import annotations

from service.calculators.common import as_int, as_pair, as_shape, axis_name, fail, lhs, per_axis


def _patches(size: int, patch: int, stride: int, *, axes: str) -> tuple[int, str]:
    """Return how many patch positions fit along one axis, and the worked line."""
    if patch > size:
        fail("patch", f"the patch{axis_name(axes)} ({patch}) is larger than the "
                      f"image{axis_name(axes)} ({size}), and there is no padding")
    count = (size - patch) // stride + 1
    if stride == 1:
        return count, f"${lhs('P', axes)} = {size} - {patch} + 1 = {count}$"
    return count, (f"${lhs('P', axes)} = \\lfloor ({size} - {patch}) / {stride} \\rfloor + 1 "
                   f"= {count}$")


def _big_o(stride: tuple[int, int]) -> tuple[str, str]:
    """Return the complexity in plain text and in LaTeX, with the stride only when it is not 1."""
    if stride == (1, 1):
        return ("O((H-h+1)^2 (W-w+1)^2 h w C)",
                r"\mathcal{O}\left((H-h+1)^2 (W-w+1)^2 \, h w C\right)")
    s_h, s_w = ("s", "s") if stride[0] == stride[1] else ("s_h", "s_w")
    rows = rf"\left(\left\lfloor \frac{{H-h}}{{{s_h}}} \right\rfloor + 1\right)^2"
    cols = rf"\left(\left\lfloor \frac{{W-w}}{{{s_w}}} \right\rfloor + 1\right)^2"
    return (f"O((floor((H-h)/{s_h})+1)^2 (floor((W-w)/{s_w})+1)^2 h w C)",
            rf"\mathcal{{O}}\left({rows} {cols} \, h w C\right)")


def patch_count(input, patch, stride=1) -> dict:
    """How many h x w patches an H x W image (an int or [H, W]) gives at a stride, no padding:
    the part of the attention cost that does not depend on the channels, so the tutor can give
    it while it asks for them.

    Returns ``num_patches`` (P), ``patches_per_axis`` and the worked ``steps``. Raises
    CalculationError naming "patch" if the patch is larger than the image, or the field of any
    malformed value.
    """
    height, width = as_pair(input, "input")
    ph, pw = as_pair(patch, "patch")
    s = as_pair(stride, "stride")
    (rows, row_line), (cols, col_line), shared = per_axis(
        _patches, (height, ph, s[0]), (width, pw, s[1]))
    if s == (1, 1):
        steps = [r"$P = (H - h + 1)(W - w + 1)$ patches (stride 1, no padding)"]
    else:
        steps = [r"$P = (\lfloor (H - h) / s_h \rfloor + 1)(\lfloor (W - w) / s_w \rfloor + 1)$ "
                 "patches (no padding)"]
    steps += [row_line] if shared else [row_line, col_line]
    steps.append(f"$P = {rows} \\cdot {cols} = {rows * cols}$")
    return {"num_patches": rows * cols, "patches_per_axis": [rows, cols], "steps": steps}


def sequence_dot_products(tokens, heads=1) -> dict:
    """How many dot products Q K^T takes over n tokens: n^2 per head, whatever the dimension,
    so the tutor can give them while it asks for d (which the multiply-adds need).

    Returns ``num_tokens``, ``heads``, ``dot_products`` and the worked ``steps``. Raises
    CalculationError naming the field of any malformed value.
    """
    n = as_int(tokens, "tokens")
    heads = as_int(heads, "heads")
    if heads == 1:
        steps = [f"Dot products: $n^2 = {n}^2 = {n * n}$, one per pair of tokens"]
    else:
        steps = [f"Dot products: $\\text{{heads}} \\cdot n^2 = {heads} \\cdot {n}^2 = "
                 f"{heads * n * n}$, one per pair of tokens in each head"]
    return {"num_tokens": n, "heads": heads, "dot_products": heads * n * n, "steps": steps}


def patch_attention_cost(input, patch, stride=1, heads=1) -> dict:
    """Count the work of Q K^T when an H x W x C image is cut into h x w x C patch tokens.

    No padding; the patch and stride are an int (square) or [h, w]. Projections are identities,
    so each token is its flattened patch of token_dim = h*w*C numbers. With ``heads`` > 1 each
    head sees token_dim / heads of those dimensions: there are heads * P^2 dot products, each of
    length token_dim / heads, and the multiply-adds stay P^2 * token_dim.

    Returns a JSON-ready dict: ``num_patches`` (P), ``patches_per_axis``, ``token_dim``,
    ``head_dim``, ``dot_products``, ``macs``, ``macs_per_head`` (P^2 * head_dim),
    ``attention_matrix_entries`` (heads * P^2, the memory of the attention matrices),
    ``big_o``, ``big_o_latex`` (no $ delimiters), ``steps``, ``explanation``.

    Raises CalculationError naming "patch" if the patch is larger than the image, "heads" if it
    does not divide token_dim, or the field of any malformed value.
    """
    height, width, channels = as_shape(input, "input", ("H", "W", "C"))
    ph, pw = as_pair(patch, "patch")
    s = as_pair(stride, "stride")
    heads = as_int(heads, "heads")
    patches = patch_count([height, width], [ph, pw], list(s))
    num_patches = patches["num_patches"]
    rows, cols = patches["patches_per_axis"]
    token_dim = ph * pw * channels
    if token_dim % heads:
        fail("heads", f"heads ({heads}) must divide the token dimension h*w*C = "
                      f"{ph}*{pw}*{channels} = {token_dim}, so that every head gets the same "
                      "number of dimensions")
    big_o, big_o_latex = _big_o(s)
    cost = _score_cost(num_patches, "P", token_dim, heads, big_o_latex)
    explanation = (
        f"The ${height} \\times {width} \\times {channels}$ image gives $P = {num_patches}$ "
        f"patch tokens of dimension ${token_dim}$, and $QK^\\top$ takes a dot product between "
        f"every pair of tokens: $P^2 d = {cost['macs']}$ multiply-adds, so the cost is "
        f"${big_o_latex}$.{_HEADS_NOTE if heads != 1 else ''}")
    steps = [*patches["steps"], f"$d = h w C = {ph} \\cdot {pw} \\cdot {channels} = {token_dim}$",
             *cost.pop("steps")]
    return {"num_patches": num_patches, "patches_per_axis": [rows, cols], **cost,
            "big_o": big_o, "big_o_latex": big_o_latex, "steps": steps,
            "explanation": explanation}


_HEADS_NOTE = (" Splitting into heads multiplies the number of dot products but shortens each "
               "one, so the multiply-adds do not change.")


def _score_cost(count: int, symbol: str, dim: int, heads: int, big_o_latex: str) -> dict:
    """What Q K^T costs for `count` tokens (written `symbol`: P for patches, n for a sequence)
    of dimension `dim` split over `heads`: the fields both calculators return, with the steps
    from the dot products on."""
    head_dim = dim // heads
    pairs = count * count
    macs = pairs * dim
    if heads == 1:
        steps = [f"Dot products: ${symbol}^2 = {count}^2 = {pairs}$, each of length $d$"]
    else:
        steps = [f"Dot products: $\\text{{heads}} \\cdot {symbol}^2 = {heads} \\cdot {count}^2 = "
                 f"{heads * pairs}$, each of length $d / \\text{{heads}} = {dim} / {heads} = "
                 f"{head_dim}$"]
    if heads != 1:
        steps.append(f"Per head: ${symbol}^2 \\cdot d / \\text{{heads}} = {pairs} \\cdot "
                     f"{head_dim} = {pairs * head_dim}$ multiply-adds")
    steps += [f"$\\text{{MACs}} = {symbol}^2 d = {pairs} \\cdot {dim} = {macs}$"
              + (f" for all {heads} heads together" if heads != 1 else ""),
              f"Complexity: ${big_o_latex}$"]
    return {"token_dim": dim, "head_dim": head_dim, "heads": heads, "dot_products": heads * pairs,
            "macs": macs, "macs_per_head": pairs * head_dim,
            "attention_matrix_entries": heads * pairs, "steps": steps}


def sequence_attention_cost(tokens, dim, heads=1) -> dict:
    """Count the work of Q K^T over a sequence of n tokens of dimension d (a text, or tokens
    already embedded): n^2 dot products of length d, n^2 d multiply-adds. With ``heads`` > 1
    each head sees d / heads of the dimensions, as in `patch_attention_cost`.

    Returns a JSON-ready dict: ``num_tokens`` (n), ``token_dim``, ``head_dim``, ``heads``,
    ``dot_products``, ``macs``, ``attention_matrix_entries``, ``big_o``, ``big_o_latex``,
    ``steps``, ``explanation``. Raises CalculationError naming "heads" if it does not divide
    the dimension, or the field of any malformed value.
    """
    n = as_int(tokens, "tokens")
    d = as_int(dim, "dim")
    heads = as_int(heads, "heads")
    if d % heads:
        fail("heads", f"heads ({heads}) must divide the token dimension d = {d}, so that every "
                      "head gets the same number of dimensions")
    big_o_latex = r"\mathcal{O}(n^2 d)"
    cost = _score_cost(n, "n", d, heads, big_o_latex)
    explanation = (
        f"$QK^\\top$ takes a dot product between every pair of the ${n}$ tokens, itself "
        f"included: $n^2 d = {cost['macs']}$ multiply-adds, so the cost is "
        f"${big_o_latex}$: doubling the sequence quadruples it."
        f"{_HEADS_NOTE if heads != 1 else ''}")
    steps = [f"$n = {n}$ tokens of dimension $d = {d}$", *cost.pop("steps")]
    return {"num_tokens": n, **cost, "big_o": "O(n^2 d)", "big_o_latex": big_o_latex,
            "steps": steps, "explanation": explanation}
