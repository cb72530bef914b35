"""train-48: the expected values of its 90 calculations, worked out independently from the
definitions in API_CONTRACT.md, and a check that each case's `contains` list holds them, in
order.

Written on 2026-12-04 by a helper who read only API_CONTRACT.md (neither the seed, the
knowledge base, the code, nor any evaluation set): a tuning set, taken as written.

    .venv/bin/python eval/train_48_values.py   # exits non-zero on any mismatch
"""
import cmath
import sys

import yaml

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
HEADER = ("# train-48: calculations written blind from API_CONTRACT.md alone: "
          "90 calculations, 15 conceptual with numbers, 15 incomplete")


# ---------------------------------------------------------------- helpers
def pair(x):
    return (x, x) if isinstance(x, int) else tuple(x)


def size(hw):
    return f"{hw[0]} \\times {hw[1]}"


def r4(x):
    return str(round(x, 4))


# ---------------------------------------------------------------- conv
def conv1d(n, k, s, p, d):
    """PyTorch Conv2d / MaxPool2d / AvgPool2d (ceil_mode=False), one axis."""
    if p == "same":                      # TensorFlow: ceil(input / stride)
        return -(-n // s)
    if p == "valid":
        p = 0
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out >= 1, "kernel does not fit"
    return out


def conv(inp, kernel, stride=1, padding=0, dilation=1):
    H, W = pair(inp)
    kh, kw = pair(kernel)
    sh, sw = pair(stride)
    dh, dw = pair(dilation)
    if isinstance(padding, str):
        ph = pw = padding
    else:
        ph, pw = pair(padding)
    return (conv1d(H, kh, sh, ph, dh), conv1d(W, kw, sw, pw, dw))


def tconv(inp, kernel, stride=1, padding=0, output_padding=0, dilation=1):
    """PyTorch ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    def one(n, k, s, p, op, d):
        return (n - 1) * s - 2 * p + d * (k - 1) + op + 1
    H, W = pair(inp)
    kh, kw = pair(kernel)
    return (one(H, kh, stride, padding, output_padding, dilation),
            one(W, kw, stride, padding, output_padding, dilation))


def stack(inp, layers):
    """Apply conv layers (dicts of conv kwargs) in order; return every size."""
    sizes, cur = [], pair(inp)
    for layer in layers:
        cur = conv(cur, **layer)
        sizes.append(cur)
    return sizes


# ---------------------------------------------------------------- params
def params(kernel, in_channels, out_channels=1, bias=True):
    kh, kw = pair(kernel)
    weights = kh * kw * in_channels * out_channels
    biases = out_channels if bias else 0
    return {"weights": weights, "biases": biases, "total": weights + biases}


# ---------------------------------------------------------------- eigen
def eigvals(m):
    """2x2 by the quadratic formula; triangular n x n by the diagonal."""
    n = len(m)
    if n == 2:
        (a, b), (c, d) = m
        tr, det = a + d, a * d - b * c
        disc = cmath.sqrt(tr * tr - 4 * det)
        return [(tr + disc) / 2, (tr - disc) / 2]
    upper = all(m[i][j] == 0 for i in range(n) for j in range(i))
    lower = all(m[i][j] == 0 for i in range(n) for j in range(i + 1, n))
    assert upper or lower, "only 2x2 or triangular matrices are used here"
    return [complex(m[i][i]) for i in range(n)]


def eigen(m, tol=1e-9):
    rho = max(abs(z) for z in eigvals(m))
    if abs(rho - 1) <= tol:
        verdict = "stable"
    elif rho > 1:
        verdict = "explode"
    else:
        verdict = "vanish"
    return rho, verdict


# ---------------------------------------------------------------- attention
def attention(inp, patch, stride=1):
    H, W, C = inp
    h, w = pair(patch)
    sh, sw = pair(stride)
    P = ((H - h) // sh + 1) * ((W - w) // sw + 1)
    token_dim = h * w * C
    return {"num_patches": P, "token_dim": token_dim,
            "dot_products": P * P, "macs": P * P * token_dim}


# ---------------------------------------------------------------- metrics
def metrics(tp, fp, tn, fn):
    def ratio(a, b):
        return None if b == 0 else a / b
    prec = ratio(tp, tp + fp)
    rec = ratio(tp, tp + fn)
    f1 = ratio(2 * tp, 2 * tp + fp + fn)
    if prec is not None and rec is not None and prec + rec > 0:
        # the harmonic-mean form must round the same way
        assert round(2 * prec * rec / (prec + rec), 4) == round(f1, 4)
    return {"accuracy": ratio(tp + tn, tp + fp + tn + fn), "precision": prec,
            "recall": rec, "specificity": ratio(tn, tn + fp), "f1": f1}


def m(tp, fp, tn, fn, *fields):
    r = metrics(tp, fp, tn, fn)
    return [r4(r[f]) for f in fields]


def a(inp, patch, stride, *fields):
    r = attention(inp, patch, stride)
    return [str(r[f]) for f in fields]


def e(mat, with_radius=True):
    rho, verdict = eigen(mat)
    return [r4(rho), verdict] if with_radius else [verdict]


def pr(kernel, cin, cout, bias, *fields):
    r = params(kernel, cin, cout, bias)
    return [str(r[f]) for f in fields]


# ---------------------------------------------------------------- expected, in YAML order
L33 = dict(kernel=3, stride=1, padding=1)
P22 = dict(kernel=2, stride=2)
EXPECTED = [
    # conv / pooling (39)
    [size(conv(64, 3, 2, 1))],
    [size(conv(224, 7, 2, 3))],
    [size(conv(32, 3, 1, 1))],
    [size(conv(128, 3, 2, 0))],
    [size(conv([240, 320], 5, 1, 2))],
    [size(conv([480, 640], 3, 2, 0))],
    [size(conv(64, 3, 1, 0, 2))],
    [size(conv(32, 3, 1, 2, 2))],
    [size(conv(100, 3, 1, 0, 4))],
    [size(conv(15, 3, 2, "same"))],
    [size(conv(224, 11, 4, "same"))],
    [size(conv([100, 50], 5, 3, "same"))],
    [size(conv(31, 4, 3, "valid"))],
    [size(conv(55, 2, 2))],
    [size(conv(13, 3, 2))],
    [size(conv(32, 4, 4))],
    [size(conv(112, 3, 2, 1))],
    [size(conv(50, [3, 5], 1, 0))],
    [size(conv(28, 3, 1, [1, 0]))],
    [size(conv(64, 4, [2, 1], 1))],
    [size(conv(512, 7, 4, 3))],
    [size(conv(96, 5, 3, 1))],
    [size(conv(14, 1, 1, 0))],
    [size(conv(64, 3, 1, 1)), size(conv(64, 3, 2, 1))],
    [size(conv(20, 5, 1, 0)), size(conv(20, 5, 1, 2))],
    [size(conv(30, 3, 2, 0))],
    [size(conv(65, 3, 2, 2, 2))],
    [size(conv(40, 5, 1, 0, 3))],
    [size(conv([60, 80], 3, 2, 1, 2))],
    [size(tconv(16, 4, 2, 1))],
    [size(tconv(7, 3, 2, 1, output_padding=1))],
    [size(tconv(5, 3, 1, 0))],
    [size(stack(32, [dict(kernel=3)] * 2)[-1])],
    [size(stack(224, [L33, P22, L33, P22])[-1])],
    [size(stack(32, [dict(kernel=5), P22, dict(kernel=5), P22])[-1])],
    [size(s) for s in stack(227, [dict(kernel=11, stride=4),
                                  dict(kernel=3, stride=2)])],
    [size(stack(128, [dict(kernel=3, stride=2, padding=1)] * 3)[-1])],
    [size(s) for s in stack([100, 200], [dict(kernel=5),
                                         dict(kernel=3, stride=2, padding=1)])],
    [size(stack(75, [dict(kernel=3, stride=2, padding="same")] * 2)[-1])],
    # params (14)
    pr(5, 3, 16, True, "weights", "total"),
    pr(3, 64, 128, True, "total"),
    pr(3, 256, 512, True, "total"),
    pr(1, 256, 64, False, "weights"),
    pr(7, 3, 64, False, "total"),
    pr(5, 32, 64, True, "total"),
    pr([1, 7], 128, 192, True, "weights", "total"),
    pr(5, 1, 6, True, "total"),
    pr(5, 6, 16, True, "total"),
    pr(3, 64, 64, True, "total") + pr(3, 64, 64, False, "total"),
    pr(3, 3, 10, True, "weights", "total"),
    pr(3, 512, 512, True, "total"),
    pr(5, 64, 64, False, "total")
    + [str(2 * params(3, 64, 64, False)["total"])],
    pr(11, 3, 96, True, "total"),
    # eigen (13)
    e([[0.5, 0.1], [0.2, 0.4]]),
    e([[1.2, 0], [0, 0.5]]),
    e([[0, -1.5], [1.5, 0]]),
    e([[0.9, 0.3], [0.3, 0.9]]),
    e([[0.3, 0.4], [-0.4, 0.3]]),
    e([[0.8, 0.5, 0], [0, 0.7, 0.2], [0, 0, 0.95]]),
    e([[1.5, 0.7], [0.7, 1.5]]),
    e([[0.5, 0.5], [0.5, 0.5]], with_radius=False),
    e([[1, 2], [3, 4]]),
    e([[0.6, -0.2], [0.4, 0.1]]),
    e([[0.95, 0.1], [0.1, 0.95]]),
    e([[-1.3, 0], [0.5, 0.2]]),
    e([[0.8, 0], [0, 0.8]], False) + e([[1.2, 0], [0, 1.2]], False),
    # attention (12)
    a((224, 224, 3), 16, 16, "num_patches", "dot_products", "macs"),
    a((32, 32, 3), 4, 4, "num_patches", "dot_products", "macs"),
    a((64, 64, 3), 8, 8, "num_patches", "dot_products", "macs"),
    a((224, 448, 3), 32, 32, "num_patches", "token_dim", "macs"),
    a((64, 64, 3), 16, 8, "num_patches", "dot_products", "macs"),
    a((28, 28, 1), 7, 7, "num_patches", "dot_products", "macs"),
    a((224, 224, 3), 16, 16, "num_patches", "dot_products")
    + a((224, 224, 3), 8, 8, "num_patches", "dot_products"),
    a((96, 128, 3), (16, 32), (16, 32),
      "num_patches", "token_dim", "dot_products", "macs"),
    a((10, 10, 1), 3, 1, "num_patches", "dot_products", "macs"),
    a((384, 384, 3), 16, 16, "num_patches", "dot_products", "macs"),
    a((14, 14, 256), 2, 2, "num_patches", "token_dim", "dot_products", "macs"),
    a((48, 48, 3), 12, 12, "num_patches", "dot_products", "macs"),
    # metrics (12)
    m(40, 10, 45, 5, "accuracy", "precision", "recall", "f1"),
    m(90, 30, 870, 10, "precision", "recall"),
    m(50, 20, 80, 50, "specificity", "recall"),
    m(12, 3, 80, 5, "accuracy", "precision", "recall", "f1"),
    m(0, 0, 95, 5, "accuracy"),
    m(5, 1, 990, 4, "accuracy", "precision", "recall", "f1"),
    m(30, 20, 40, 10, "f1"),
    m(70, 15, 100, 15, "accuracy", "precision", "specificity"),
    m(45, 15, 80, 15, "recall"),
    m(1, 2, 3, 4, "accuracy", "precision", "recall", "specificity", "f1"),
    m(123, 78, 456, 9, "accuracy", "precision"),
    m(80, 20, 880, 20, "precision") + m(80, 60, 880, 20, "precision"),
]


def main():
    path = f"{HERE}/train-48.yaml"
    text = open(path, encoding="utf-8").read()
    errors = []
    if text.splitlines()[0] != HEADER:
        errors.append("first line is not the required header")
    cases = yaml.safe_load(text)
    kinds = [c["expect"] for c in cases]
    for k, n in (("calculation", 90), ("not-calculation", 15), ("clarify", 15)):
        if kinds.count(k) != n:
            errors.append(f"{k}: {kinds.count(k)} cases, want {n}")
    qs = [c["q"] for c in cases]
    if len(set(qs)) != len(qs):
        errors.append("duplicate questions")
    for c in cases:
        if c["expect"] != "calculation" and "contains" in c:
            errors.append(f"non-calculation with contains: {c['q']}")
    calcs = [c for c in cases if c["expect"] == "calculation"]
    if len(calcs) != len(EXPECTED):
        errors.append(f"{len(calcs)} calculations vs {len(EXPECTED)} expected")
    for i, (c, want) in enumerate(zip(calcs, EXPECTED, strict=False), 1):
        if c.get("contains") != want:
            errors.append(f"#{i} {c['q']!r}\n    yaml: {c.get('contains')}\n    calc: {want}")
    # metrics that must be null (denominator 0) in case m(0, 0, 95, 5)
    assert metrics(0, 0, 95, 5)["precision"] is None
    assert metrics(0, 0, 95, 5)["f1"] is None or metrics(0, 0, 95, 5)["f1"] == 0
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"OK: {len(cases)} cases, {len(calcs)} calculations all match")


if __name__ == "__main__":
    main()
