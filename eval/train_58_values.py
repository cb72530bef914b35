#!/usr/bin/env python3
"""Recompute every `contains` string of the calculation items in train-58.yaml.

Written by helper session 58. Conventions (from API_CONTRACT.md and the brief):
  * conv output: PyTorch floor((n + 2p - d(k-1) - 1)/s) + 1; "same" = TensorFlow ceil(n/s)
  * Conv2d params = k_h*k_w*Cin*Cout (+ Cout with bias); Linear = in*out (+ out)
  * spectral radius = max |eigenvalue|, printed to 2 decimals (explode if > 1)
  * stride-1 patch attention: P = (H-h+1)(W-w+1), P^2 entries, P^2*h*w*C multiplications
  * ratios as str(round(x, 4)); exactly 1 or 0 as "1"/"0"
  * sizes as "H \\times W", integers without separators

Usage:  python3 train_58_values.py          -> checks train-58.yaml, exits 1 on mismatch
        python3 train_58_values.py --emit   -> prints the YAML block of calculation items
"""
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def pair(x):
    return (x, x) if isinstance(x, int) else tuple(x)


def conv_out(inp, k, s=1, p=0, d=1):
    H, W = pair(inp)
    kh, kw = pair(k)
    sh, sw = pair(s)
    if p == "same":
        return math.ceil(H / sh), math.ceil(W / sw)
    if p == "valid":
        p = 0
    ph, pw = pair(p)
    dh, dw = pair(d)
    oh = (H + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (W + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    assert oh > 0 and ow > 0
    return oh, ow


def size_str(hw):
    return f"{hw[0]} \\times {hw[1]}"


def conv_params(k, cin, cout=1, bias=True):
    kh, kw = pair(k)
    return kh * kw * cin * cout + (cout if bias else 0)


def linear_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def spectral(m):
    return float(max(abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def patch_attn(H, W, C, h, w):
    P = (H - h + 1) * (W - w + 1)
    return P, P * P, P * P * h * w * C


def ratio(num, den):
    if den == 0:
        return None
    x = num / den
    if x == 1:
        return "1"
    if x == 0:
        return "0"
    return str(round(x, 4))


def metrics(tp, fp, tn, fn):
    return {
        "accuracy": ratio(tp + tn, tp + fp + tn + fn),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "specificity": ratio(tn, tn + fp),
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
    }


def conv(q, **kw):
    return ("calc-conv", q, [size_str(conv_out(**kw))])


def cparams(q, **kw):
    return ("calc-params", q, [str(conv_params(**kw))])


def lparams(q, **kw):
    return ("calc-params", q, [str(linear_params(**kw))])


def spec(q, m):
    r = spectral(m)
    # avoid rounding-boundary and trailing-zero ambiguity ("0.60" vs "0.6")
    s = f"{r:.2f}"
    assert s[-1] != "0" and abs(r * 100 - round(r * 100)) < 0.45, (q, r)
    assert abs(r - 1) > 0.01, (q, r)
    return ("calc-spectral", q, [s])


def attn(q, H, W, C, h, w, want):
    P, P2, macs = patch_attn(H, W, C, h, w)
    vals = {"P": P, "P2": P2, "macs": macs}
    return ("calc-attention", q, [str(vals[k]) for k in want])


def metr(q, tp, fp, tn, fn, want):
    m = metrics(tp, fp, tn, fn)
    out = []
    for k in want:
        assert m[k] is not None, (q, k)
        out.append(m[k])
    return ("calc-metrics", q, out)


CALCS = [
    # ---- conv output size
    conv("input is 32x32, conv with a 5x5 kernel, stride 1, no padding. output size?",
         inp=32, k=5, s=1, p=0),
    conv("224x224 rgb image through a 7x7 conv with stride 2 and padding 3, what spatial size comes out",
         inp=224, k=7, s=2, p=3),
    conv("H=W=64, k=3, s=2, p=1, what's the output size",
         inp=64, k=3, s=2, p=1),
    conv("37 x 51 grayscale image, 3x3 filter, stride 2, 'same' zero padding. output dims?",
         inp=(37, 51), k=3, s=2, p="same"),
    conv("100x80 input, 5x5 kernel, stride 3, no pad -> output?",
         inp=(100, 80), k=5, s=3, p=0),
    conv("28x28 input, 3x3 kernel with dilation 2, stride 1, padding 0, what size is the output",
         inp=28, k=3, s=1, p=0, d=2),
    conv("tf conv with padding='same', stride 2, 11x11 kernel on a 227x227 image, output size?",
         inp=227, k=11, s=2, p="same"),
    conv("nn.Conv2d(16, 32, kernel_size=4, stride=2, padding=0) on a 15x15 feature map gives what size",
         inp=15, k=4, s=2, p=0),
    conv("1x1 conv with stride 2 and no padding on a 56x56 map, output size",
         inp=56, k=1, s=2, p=0),
    conv("kernel (3,5), padding (1,2), stride 1, input 20x30: output shape?",
         inp=(20, 30), k=(3, 5), s=1, p=(1, 2)),
    # ---- parameter counts
    cparams("how many params in nn.Conv2d(3, 64, kernel_size=3)",
            k=3, cin=3, cout=64),
    cparams("conv layer with 5x5 kernels, 16 input channels and 32 filters, bias included, param count?",
            k=5, cin=16, cout=32),
    cparams("a single 3x3 filter over a 128x128x64 input, how many parameters incl bias",
            k=3, cin=64, cout=1),
    cparams("1x1 conv from 256 channels down to 64 channels, how many params with bias",
            k=1, cin=256, cout=64),
    cparams("param count of Conv2d(64, 128, 3, bias=False)?",
            k=3, cin=64, cout=128, bias=False),
    lparams("nn.Linear(784, 128) number of parameters?",
            nin=784, nout=128),
    lparams("dense layer going from 4096 units to 1000 units with bias, how many params",
            nin=4096, nout=1000),
    cparams("7x7 conv, 3 input channels, 64 output channels, with bias: total parameters?",
            k=7, cin=3, cout=64),
    # ---- spectral radius of an RNN weight matrix
    spec("linear rnn with W_h = [[0.6, -0.9], [0.9, 0.6]], spectral radius? will the gradients explode",
         [[0.6, -0.9], [0.9, 0.6]]),
    spec("W_h = [[0.5, 0.3], [0.25, 0.4]], identity activation. largest |eigenvalue|, vanish or explode?",
         [[0.5, 0.3], [0.25, 0.4]]),
    spec("spectral radius of [[0.3,0.1,0],[0,0.5,0.2],[0.1,0,0.7]] for my rnn recurrent matrix",
         [[0.3, 0.1, 0], [0, 0.5, 0.2], [0.1, 0, 0.7]]),
    spec("recurrent weights [[1.2, 0.5], [0.3, -0.4]] with no nonlinearity, do gradients blow up as T grows? whats the spectral radius",
         [[1.2, 0.5], [0.3, -0.4]]),
    spec("W = [[0.85, 0.4], [-0.4, 0.85]] as the RNN hidden-to-hidden matrix, what's rho(W) and does the gradient vanish",
         [[0.85, 0.4], [-0.4, 0.85]]),
    spec("3x3 W_h = [[0.2, -1.1, 0.3], [0.8, 0.1, -0.5], [0.4, 0.6, 0.9]], linear rnn, largest absolute eigenvalue?",
         [[0.2, -1.1, 0.3], [0.8, 0.1, -0.5], [0.4, 0.6, 0.9]]),
    # ---- self-attention over stride-1 image patches
    attn("8x8x3 image, 2x2 patches with stride 1: how many patches and how many attention dot products",
         8, 8, 3, 2, 2, ["P", "P2"]),
    attn("32x32x3 image, 4x4 patches, stride 1 no padding, number of patches?",
         32, 32, 3, 4, 4, ["P"]),
    attn("16x16x1 input, 3x3 patches stride 1, total multiplications for QK^T if the projections are identity",
         16, 16, 1, 3, 3, ["macs"]),
    attn("28x28x1 mnist image as overlapping 5x5 patches (stride 1), how many entries in the attention matrix",
         28, 28, 1, 5, 5, ["P2"]),
    attn("H=10, W=12, C=2, h=3, w=4, stride 1: number of patches, attention entries and multiplications",
         10, 12, 2, 3, 4, ["P", "P2", "macs"]),
    attn("224x224x3 image with 16x16 patches at stride 1, how many patches is that",
         224, 224, 3, 16, 16, ["P"]),
    attn("6x6x4 image, 2x2 patches, stride 1, compute P, P^2 and P^2*h*w*C",
         6, 6, 4, 2, 2, ["P", "P2", "macs"]),
    # ---- classification metrics
    metr("TP=40, FP=10, TN=45, FN=5. accuracy and precision?", 40, 10, 45, 5,
         ["accuracy", "precision"]),
    metr("tp 90 fp 30 tn 870 fn 10, give me accuracy, precision and recall", 90, 30, 870, 10,
         ["accuracy", "precision", "recall"]),
    metr("TP=30, FP=20, FN=10, TN=40, what's the F1 score", 30, 20, 40, 10,
         ["f1"]),
    metr("tp=50 fp=20 tn=80 fn=10, what are the specificity and the accuracy", 50, 20, 80, 10,
         ["specificity", "accuracy"]),
    metr("my model predicts negative for everything: tp 0, fp 0, tn 95, fn 5. accuracy and recall?", 0, 0, 95, 5,
         ["accuracy", "recall"]),
    metr("TP 12 FP 3 TN 80 FN 5 -> accuracy, recall, f1", 12, 3, 80, 5,
         ["accuracy", "recall", "f1"]),
    metr("tp=7, fp=0, tn=50, fn=3, precision and recall pls", 7, 0, 50, 3,
         ["precision", "recall"]),
    metr("confusion matrix: TP 55, FP 5, TN 25, FN 15. precision, recall and F1?", 55, 5, 25, 15,
         ["precision", "recall", "f1"]),
    metr("200 emails, 50 are spam. my filter flagged 45 and 40 of those really were spam. precision, recall, accuracy?",
         40, 5, 145, 10, ["precision", "recall", "accuracy"]),
]


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit():
    lines = ["", "# ===================== Calculations (checked by train_58_values.py) ====================="]
    for kind, q, contains in CALCS:
        lines.append(f"- q: {yq(q)}")
        lines.append("  expect: calculation")
        lines.append("  contains: [" + ", ".join(yq(c) for c in contains) + f"]  # {kind}")
    print("\n".join(lines))


def check():
    import yaml
    with open(os.path.join(HERE, "train-58.yaml"), encoding="utf-8") as f:
        items = yaml.safe_load(f)
    calc_items = [it for it in items if it.get("expect") == "calculation"]
    errors = []
    if len(calc_items) != len(CALCS):
        errors.append(f"{len(calc_items)} calculation items in YAML, {len(CALCS)} here")
    for it, (kind, q, contains) in zip(calc_items, CALCS):
        if it["q"] != q:
            errors.append(f"question mismatch: {it['q']!r} vs {q!r}")
        if it.get("contains") != contains:
            errors.append(f"{q!r}: YAML {it.get('contains')} != recomputed {contains}")
        if not 1 <= len(contains) <= 3:
            errors.append(f"{q!r}: contains must have 1-3 strings")
    # spot checks against the seed's own answers
    assert conv_params(3, 32, 1) == 289
    assert f"{spectral([[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]):.2f}" == "1.15"
    for M in (7, 9, 11, 255):  # odd M, stride 2, same padding: floor(M/2)+1
        assert conv_out(M, 3, 2, "same")[0] == M // 2 + 1
    if errors:
        print("FAIL")
        print("\n".join(errors))
        sys.exit(1)
    print(f"OK: {len(CALCS)} calculation items recomputed and matching")


if __name__ == "__main__":
    if "--emit" in sys.argv:
        emit()
    else:
        check()
