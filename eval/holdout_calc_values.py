"""The blind calculation holdout (eval/holdout-calc.yaml): its questions and expected values.

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any other
evaluation set, only a description of the five calculators and of how students write; the
expected values are computed here from the textbook formulas (plain Python and numpy, not the
service's calculators), so the set checks the parser and the calculators against an
independent reference. Report it; never tune on it.

    python3 eval/holdout_calc_values.py   # prints every case with its values, rewrites the YAML
"""
# The questions are kept verbatim as written, one per line: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout-calc.yaml")


def fmt(x):
    """round(x, 4) printed with trailing zeros dropped; ints plain."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    r = round(float(x), 4)
    if r == int(r):
        return str(int(r))
    s = repr(r)
    return s


def near_half(x):
    """Flag values whose 5th-decimal rounding is ambiguous."""
    frac = abs(float(x)) * 1e4 - math.floor(abs(float(x)) * 1e4)
    return abs(frac - 0.5) < 1e-6


# ---------------------------------------------------------------- calculators
def pair(v):
    return v if isinstance(v, tuple) else (v, v)


def conv_out(n, k, s=1, p=0, d=1, mode=None):
    H, W = pair(n)
    kh, kw = pair(k)
    sh, sw = pair(s)
    dh, dw = pair(d)
    if mode == "same":  # TensorFlow/Keras rule
        return (math.ceil(H / sh), math.ceil(W / sw))
    if mode == "valid":
        p = 0
    ph, pw = pair(p)
    oh = (H + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (W + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    return (oh, ow)


def convT_out(n, k, s=1, p=0, d=1, op=0):
    H, W = pair(n)
    kh, kw = pair(k)
    sh, sw = pair(s)
    ph, pw = pair(p)
    dh, dw = pair(d)
    oph, opw = pair(op)
    oh = (H - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1
    ow = (W - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1
    return (oh, ow)


def conv_params(k, cin, cout, bias=True):
    kh, kw = pair(k)
    w = kh * kw * cin * cout
    b = cout if bias else 0
    return {"weights": w, "biases": b, "total": w + b}


def attn(H, W, C, h, w, s=1):
    P = ((H - h) // s + 1) * ((W - w) // s + 1)
    d = h * w * C
    return {"patches": P, "dim": d, "dots": P * P, "macs": P * P * d}


def rnn(Wm, act="identity"):
    A = np.array(Wm, dtype=float)
    rho = float(np.max(np.abs(np.linalg.eigvals(A))))
    verdict = None
    if act == "identity":
        verdict = "explode" if rho > 1 else ("vanish" if rho < 1 else "stable")
    return {"rho": rho, "verdict": verdict}


def metrics(TP, FP, TN, FN):
    return {
        "accuracy": (TP + TN) / (TP + FP + TN + FN),
        "precision": TP / (TP + FP),
        "recall": TP / (TP + FN),
        "specificity": TN / (TN + FP),
        "f1": 2 * TP / (2 * TP + FP + FN),
    }


# ---------------------------------------------------------------- cases
# each case: (section, question, compute-thunk, function mapping result -> contains list)
CASES = []


def add(section, q, res, contains):
    CASES.append((section, q, res, contains))


def size(n, k, s=1, p=0, d=1, mode=None):
    r = conv_out(n, k, s, p, d, mode)
    return r, [str(r[0]), str(r[1])]


def tsize(n, k, s=1, p=0, d=1, op=0):
    r = convT_out(n, k, s, p, d, op)
    return r, [str(r[0]), str(r[1])]


S = "conv output size"
for q, args in [
    ("out size 32x32 k3 s2 p1", dict(n=32, k=3, s=2, p=1)),
    ("nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) applied to a 1x3x224x224 tensor, what's the output height and width?",
     dict(n=224, k=7, s=2, p=3)),
    ("If I apply Conv2D(32, (3,3), strides=2, padding=\"same\") in keras to a 127x127x3 input what's the output shape?",
     dict(n=127, k=3, s=2, mode="same")),
    ("what's the spatial output size of a 5x5 convolution with stride 1 and no padding on a 28x28 MNIST image",
     dict(n=28, k=5)),
    ("input is 120x160 (HxW), kernel 3x3, stride 2, padding 1. output dims?",
     dict(n=(120, 160), k=3, s=2, p=1)),
    ("dilated conv: k=3, dilation=2, stride 1, padding 0, input 64x64. output size?",
     dict(n=64, k=3, s=1, p=0, d=2)),
    ("H=W=227, k=11, s=4, p=0 (alexnet first layer) what is the output size", dict(n=227, k=11, s=4, p=0)),
    ("how big is the output if i do a 3x3 conv with strid 1 and padding='valid' on a 56x56x64 feature map",
     dict(n=56, k=3, s=1, mode="valid")),
    ("Keras Conv2D with kernel size 5, stride 3, padding same, input 100x100x3 -> what output height/width?",
     dict(n=100, k=5, s=3, mode="same")),
    ("a three by three kernel with stride 2 on a 33x33 input, no padding. what's the output size",
     dict(n=33, k=3, s=2, p=0)),
    ("I pass a tensor of shape (8, 3, 32, 32) into nn.Conv2d(3, 16, 5, stride=1, padding=0). what are H and W of the output?",
     dict(n=32, k=5, s=1, p=0)),
    ("nn.Conv2d(64, 128, kernel_size=3, stride=2, padding=1) with input shape (16, 64, 75, 75), output spatial size?",
     dict(n=75, k=3, s=2, p=1)),
    ("input 101x101, kernel 4, stride 3, padding 0 - output size? (pytorch)", dict(n=101, k=4, s=3, p=0)),
    ("conv with a 3x5 kernel (height 3, width 5), stride 1, no padding, input 64x128. output shape?",
     dict(n=(64, 128), k=(3, 5), s=1, p=0)),
    ("Conv2D(16, 7, strides=2, padding='valid') on a 224x224x3 image, what's the output size", dict(n=224, k=7, s=2, mode="valid")),
    ("padding same, stride 2, kernel 3, 75x75 input. output?", dict(n=75, k=3, s=2, mode="same")),
    ("out size? 1x1 conv stride 2 on 57x57", dict(n=57, k=1, s=2, p=0)),
    ("what is the output resolution for k=3, dilation 2, padding 2, stride 2 on a 48x48 input",
     dict(n=48, k=3, s=2, p=2, d=2)),
    ("C_in=3, H=W=96, k=5, s=2, p=2. output feature map size?", dict(n=96, k=5, s=2, p=2)),
    ("Hi! If my input image is 150 x 200 and I use a 5x5 filter with stride 2 and padding 2, what are the output dimensions?",
     dict(n=(150, 200), k=5, s=2, p=2)),
]:
    r, c = size(**args)
    add(S, q, r, c)

for q, args in [
    ("nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1) on a 16x16 feature map - output size?",
     dict(n=16, k=4, s=2, p=1)),
    ("transposed conv k=3 s=2 p=1 output_padding=1, input 28x28. what's the output size", dict(n=28, k=3, s=2, p=1, op=1)),
    ("deconv (transpose convolution) layer: kernel 5, stride 2, padding 2, output_padding 1, input 7x7. output spatial dims?",
     dict(n=7, k=5, s=2, p=2, op=1)),
    ("ConvTranspose2d(256, 128, kernel_size=2, stride=2) with input (4, 256, 13, 13). output H and W?", dict(n=13, k=2, s=2)),
    ("transpose conv 3x3 stride 1 padding 0 on a 30x30 input, how big is the output", dict(n=30, k=3, s=1, p=0)),
    ("ConvTranspose2d with kernel_size=4, stride=2, padding=1 applied to a 12x20 input, output size?",
     dict(n=(12, 20), k=4, s=2, p=1)),
]:
    r, c = tsize(**args)
    add(S + " (transposed)", q, r, c)

S = "conv parameter count"
for q, args, keys in [
    ("how many paramters in a conv layer with 3x3 kernels, 64 input channels and 128 output channels?",
     dict(k=3, cin=64, cout=128), ["total"]),
    ("number of params in nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)?", dict(k=7, cin=3, cout=64), ["total"]),
    ("nn.Conv2d(256, 256, 3, padding=1, bias=False) parameter count?", dict(k=3, cin=256, cout=256, bias=False), ["total"]),
    ("1x1 conv from 256 channels down to 64, how many params (with bias)", dict(k=1, cin=256, cout=64), ["total"]),
    ("Keras Conv2D(32, (5,5)) on a 28x28x1 input - how many trainable params?", dict(k=5, cin=1, cout=32), ["total"]),
    ("conv in/out 64/128, kernel 3, no bias. #params?", dict(k=3, cin=64, cout=128, bias=False), ["total"]),
    ("k=5, C_in=16, C_out=32: how many weights and how many params in total incl. biases?",
     dict(k=5, cin=16, cout=32), ["weights", "total"]),
    ("three by three conv layer, 512 input channels, 512 output channels, with bias. total parameters?",
     dict(k=3, cin=512, cout=512), ["total"]),
    ("how many parameters does a 1x7 conv with 128 in channels and 192 out channels have (bias included)?",
     dict(k=(1, 7), cin=128, cout=192), ["total"]),
    ("Conv2D(64, (3,3), padding='same') applied to a 128x128x3 input, what's the param count", dict(k=3, cin=3, cout=64), ["total"]),
    ("parameters of a conv layer: kernel 11x11, 3 input channels, 96 filters (alexnet conv1)", dict(k=11, cin=3, cout=96), ["total"]),
    ("C_in=128, C_out=256, k=3, bias=True. number of learnable parameters?", dict(k=3, cin=128, cout=256), ["total"]),
    ("how many learnable params in nn.Conv2d(32, 64, 5)", dict(k=5, cin=32, cout=64), ["total"]),
    ("1x1 conv 2048 -> 512 channels, no bias, param count?", dict(k=1, cin=2048, cout=512, bias=False), ["total"]),
    ("a layer with 256 filters of size 3x3x192, plus bias. how many parameters?", dict(k=3, cin=192, cout=256), ["total"]),
    ("paramter count for a 5x5 conv going from 3 channels to 6 channels (like LeNet C1)?", dict(k=5, cin=3, cout=6), ["total"]),
    ("nn.Conv2d(in_channels=64, out_channels=64, kernel_size=(3,3), stride=1, padding=1, bias=False) how many params?",
     dict(k=3, cin=64, cout=64, bias=False), ["total"]),
    ("a conv with a 7x7 kernel taking 64 channels to 64 channels: how many weights (excluding bias) and how many params total?",
     dict(k=7, cin=64, cout=64), ["weights", "total"]),
    ("Conv2D(filters=128, kernel_size=3, strides=2) on a 64x64x96 input. #params?", dict(k=3, cin=96, cout=128), ["total"]),
    ("How many parameters are in a convolutional layer with 5x5 kernels that maps 48 channels to 128 channels? Include the biases please",
     dict(k=5, cin=48, cout=128), ["total"]),
]:
    r = conv_params(**args)
    add(S, q, r, [str(r[k]) for k in keys])

S = "self-attention over patches"
for q, args, keys in [
    ("Self-attention over a 32x32x3 image using 4x4 patches with stride 4: how many patches (tokens)?",
     dict(H=32, W=32, C=3, h=4, w=4, s=4), ["patches"]),
    ("224x224x3 image, 16x16 non-overlapping patches (stride 16). how many dot products does self attention compute?",
     dict(H=224, W=224, C=3, h=16, w=16, s=16), ["dots"]),
    ("MACs for self-attention on a 32x32x3 image with 8x8 patches, stride 8?", dict(H=32, W=32, C=3, h=8, w=8, s=8), ["macs"]),
    ("image 10x10x1, patches of 3x3, stride 1. how many patches and how many dot products in self-attention?",
     dict(H=10, W=10, C=1, h=3, w=3, s=1), ["patches", "dots"]),
    ("28x28 grayscale image (1 channel), 7x7 patches with stride 7, number of MACs for self attention", dict(H=28, W=28, C=1, h=7, w=7, s=7), ["macs"]),
    ("64x64x3 image, 8x8 patches with stride 4 (overlapping). number of patches?", dict(H=64, W=64, C=3, h=8, w=8, s=4), ["patches"]),
    ("H=W=48, C=3, patch 16x16, s=16. what's the token dimension and the MACs for the attention scores?",
     dict(H=48, W=48, C=3, h=16, w=16, s=16), ["dim", "macs"]),
    ("image is 96x128x3, cut into 16x16 patches with stride 16 - how many tokens and how many dot products?",
     dict(H=96, W=128, C=3, h=16, w=16, s=16), ["patches", "dots"]),
    ("if i cut a 20x20x3 image into 5x5 patches with stride 5 and do self attention, how many multiply accumulate ops is that",
     dict(H=20, W=20, C=3, h=5, w=5, s=5), ["macs"]),
    ("33x33x1 image, 4x4 patches, stride 4, how many dot products for self-attention?", dict(H=33, W=33, C=1, h=4, w=4, s=4), ["dots"]),
    ("self attention cost: 16x16x3 image, 2x2 patches, stride 2. number of dot products and MACs?",
     dict(H=16, W=16, C=3, h=2, w=2, s=2), ["dots", "macs"]),
    ("patches 3x3 stride 1 on an 8x8x2 image, MACs for self-attention?", dict(H=8, W=8, C=2, h=3, w=3, s=1), ["macs"]),
    ("ViT style: 384x384x3 image, 16x16 patches stride 16. how many patches, and how many pairwise dot products?",
     dict(H=384, W=384, C=3, h=16, w=16, s=16), ["patches", "dots"]),
    ("a 64x64x3 image split into 16x16 patches with stride 8, how many MACs to compute QK^T (all patch pairs)?",
     dict(H=64, W=64, C=3, h=16, w=16, s=8), ["macs"]),
    ("12x12x3 image, patch size 4x4, stride 2: number of patches and number of dot products?",
     dict(H=12, W=12, C=3, h=4, w=4, s=2), ["patches", "dots"]),
]:
    r = attn(**args)
    add(S, q, r, [str(r[k]) for k in keys])

S = "rnn gradient / spectral radius"
for q, Wm, act, keys in [
    ("W = [[0.5, 0.2],[0.1, 0.9]] will the gradients explode or vanish?", [[0.5, 0.2], [0.1, 0.9]], "identity", ["rho", "verdict"]),
    ("recurrent weight matrix rows 1.2 0.3 / 0.4 0.8, linear activation. exploding or vanishing gradient?",
     [[1.2, 0.3], [0.4, 0.8]], "identity", ["rho", "verdict"]),
    ("spectral radius of W_hh = [[0.5, -0.8], [0.8, 0.5]]? do gradients vanish?", [[0.5, -0.8], [0.8, 0.5]], "identity", ["rho", "verdict"]),
    ("RNN with W = [[1.1, 0], [0, 0.5]] and no nonlinearity: explode or vanish?", [[1.1, 0], [0, 0.5]], "identity", ["verdict"]),
    ("check gradient behaviour for recurrent matrix [[0.9, 0.1, 0], [0.2, 0.7, 0.3], [0, 0.4, 1.0]] (identity activation)",
     [[0.9, 0.1, 0.0], [0.2, 0.7, 0.3], [0.0, 0.4, 1.0]], "identity", ["rho", "verdict"]),
    ("W_hh = [[0.8, 0.5],[0.3, 0.7]] with tanh activation, what's the spectral radius?", [[0.8, 0.5], [0.3, 0.7]], "tanh", ["rho"]),
    ("sigmoid RNN, recurrent weights [[1.3, 0.4],[0.2, 0.7]]. spectral radius of W?", [[1.3, 0.4], [0.2, 0.7]], "sigmoid", ["rho"]),
    ("W = [[0, 1.2], [1.2, 0]], identity activation. will gradients explode or vanish through time?",
     [[0.0, 1.2], [1.2, 0.0]], "identity", ["verdict"]),
    ("what's the spectral radius of the recurrent matrix [[0.3, 0.7], [0.5, 0.2]] and do gradients vanish or explode",
     [[0.3, 0.7], [0.5, 0.2]], "identity", ["rho", "verdict"]),
    ("vanishing or exploding? W_rec rows -1.05 0.1 / 0.2 0.4 (linear rnn)", [[-1.05, 0.1], [0.2, 0.4]], "identity", ["rho", "verdict"]),
    ("eigenvalues of W=[[0.6, 0.6],[-0.6, 0.6]] -> spectral radius? vanishing gradients?", [[0.6, 0.6], [-0.6, 0.6]], "identity",
     ["rho", "verdict"]),
    ("recurrent weight matrix [[0.95,0.05,0.05],[0.05,0.95,0.05],[0.05,0.05,0.95]], identity activation. explode or vanish?",
     [[0.95, 0.05, 0.05], [0.05, 0.95, 0.05], [0.05, 0.05, 0.95]], "identity", ["rho", "verdict"]),
    ("W=[[0.25,0.5],[0.5,0.25]] spectral radius and gradient verdict pls", [[0.25, 0.5], [0.5, 0.25]], "identity", ["rho", "verdict"]),
    ("tanh rnn, W_hh = [[1.5, -0.4], [0.3, 0.6]]. compute the spectral radius", [[1.5, -0.4], [0.3, 0.6]], "tanh", ["rho"]),
    ("My RNN's hidden-to-hidden matrix is [[0.97, 0.02], [0.01, 0.98]] and I use no activation. Will the gradient explode or vanish over long sequences?",
     [[0.97, 0.02], [0.01, 0.98]], "identity", ["rho", "verdict"]),
]:
    r = rnn(Wm, act)
    c = []
    for k in keys:
        c.append(fmt(r["rho"]) if k == "rho" else r["verdict"])
    add(S, q, r, c)

S = "classification metrics"
for q, cm, keys in [
    ("TP=45, FP=5, TN=40, FN=10. compute precision and recall", (45, 5, 40, 10), ["precision", "recall"]),
    ("accuracy and F1 for 45 TP, 10 FN, 30 FP, 115 TN?", (45, 30, 115, 10), ["accuracy", "f1"]),
    ("confusion matrix [[50, 10], [5, 35]] where rows are actual (pos, neg) and columns are predicted (pos, neg). what's the F1 and specificity?",
     (50, 5, 35, 10), ["f1", "specificity"]),
    ("precison of a classifier with 30 true positives, 12 false positives, 50 true negatives and 8 false negatives?",
     (30, 12, 50, 8), ["precision"]),
    ("specificity and recall: TN 91 FP 13 TP 20 FN 7", (20, 13, 91, 7), ["specificity", "recall"]),
    ("give me all the metrics (accuracy, precision, recall, specificity, f1) for TP 120 FP 30 TN 800 FN 50",
     (120, 30, 800, 50), ["accuracy", "recall", "specificity", "f1"]),
    ("F1 score? tp=7 fp=3 fn=2 tn=88", (7, 3, 88, 2), ["f1"]),
    ("cancer detector results: 18 true positives, 6 false negatives, 9 false positives, 967 true negatives. what's the recall and the F1?",
     (18, 9, 967, 6), ["recall", "f1"]),
    ("predicted positive & actually positive: 62, predicted positive & actually negative: 13, predicted negative & actually positive: 21, predicted negative & actually negative: 104. accuracy and F1?",
     (62, 13, 104, 21), ["accuracy", "f1"]),
    ("TP=200, FN=50, FP=100, TN=650, what's the precision", (200, 100, 650, 50), ["precision"]),
    ("Compute accuracy, precision, recall and F1 for: TP 33 FP 17 TN 41 FN 9", (33, 17, 41, 9), ["accuracy", "precision", "recall", "f1"]),
    ("specificty for TP=15, FP=25, TN=175, FN=5?", (15, 25, 175, 5), ["specificity"]),
    ("confusion matrix:\n            pred +   pred -\nactual +      80       20\nactual -      10       90\nprecision and f1?",
     (80, 10, 90, 20), ["precision", "f1"]),
    ("I got TP 9, FP 1, TN 85, FN 5. is my precision higher than my recall? give both numbers", (9, 1, 85, 5), ["precision", "recall"]),
    ("f1 tp 64 fp 16 fn 36 tn 184", (64, 16, 184, 36), ["f1"]),
    ("what's the accuracy given 512 TN, 37 FP, 44 FN, 407 TP", (407, 37, 512, 44), ["accuracy"]),
    ("specificity and precision please: TP=72 FP=9 TN=112 FN=28", (72, 9, 112, 28), ["specificity", "precision"]),
]:
    r = metrics(*cm)
    for k in keys:
        if near_half(r[k]):
            print("WARNING near-half rounding:", q, k, r[k])
    add(S, q, dict(zip(("TP", "FP", "TN", "FN"), cm, strict=True), **r), [fmt(r[k]) for k in keys])


# ---------------------------------------------------------------- self-checks
def _checks():
    # PyTorch floor behaviour and TF same ceil
    assert conv_out(32, 3, 2, 1) == (16, 16)
    assert conv_out(224, 7, 2, 3) == (112, 112)
    assert conv_out(101, 4, 3, 0) == (33, 33)      # 97/3 = 32.33 -> floor 32 -> 33
    assert conv_out(127, 3, 2, mode="same") == (64, 64)  # ceil(63.5)
    assert conv_out(75, 3, 2, mode="same") == (38, 38)
    assert convT_out(16, 4, 2, 1) == (32, 32)
    assert conv_params(3, 128, 256)["total"] == 295168
    assert conv_params(3, 64, 128)["weights"] == 73728
    assert fmt(0.8) == "0.8" and fmt(0.85) == "0.85" and fmt(9 / 17) == "0.5294"


_checks()

# ---------------------------------------------------------------- print + write
counts = {}
lines = ["# Blind holdout set of calculation questions for the DL tutor (report only, never tune).",
         "# Generated by eval/holdout_calc_values.py, which says who wrote it and how.", ""]
last = None
for section, q, res, contains in CASES:
    base = section.split(" (")[0]
    counts[base] = counts.get(base, 0) + 1
    print(f"[{section}] {q}\n    -> {res}\n    contains {contains}")
    if section != last:
        lines.append(f"# --- {section}")
        last = section
    lines.append(f"- q: {json.dumps(q)}")
    lines.append("  expect: calculation")
    lines.append(f"  contains: {json.dumps(contains)}")

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")

print()
for k, v in counts.items():
    print(f"{k}: {v}")
print("total:", len(CASES))
