#!/usr/bin/env python3
"""The second blind calculation holdout (eval/holdout-calc-2.yaml): its questions and values.

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any other
evaluation set, only a description of the five calculators; run once, after the parser work of
that day, and reported (88.6% worked out right, 2.3% with wrong numbers, all 9 incomplete ones
asked). The two wrong-number bugs it found were then fixed, so it is no longer blind for those
two. Every expected value is computed here from the textbook formulas (not the service's
calculators). Report it; never tune on it.

    python3 eval/holdout_calc_2_values.py   # prints every case with its values, rewrites the YAML
"""
# The questions are kept verbatim as written, one per line: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout-calc-2.yaml")


# ---------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d, one dimension."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def conv_same(n, s=1):
    """TensorFlow/Keras padding='same'."""
    return math.ceil(n / s)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    """PyTorch ConvTranspose2d, one dimension."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True):
    w = kh * kw * cin * cout
    b = cout if bias else 0
    return w, b, w + b


def attention(H, W, C, h, w, s=1):
    P = ((H - h) // s + 1) * ((W - w) // s + 1)
    d = h * w * C
    return {"P": P, "d": d, "dots": P * P, "macs": P * P * d}


def spectral(M):
    M = np.asarray(M, dtype=float)
    assert M.ndim == 2 and M.shape[0] == M.shape[1], "matrix must be square"
    rho = float(np.max(np.abs(np.linalg.eigvals(M))))
    assert abs(rho - 1.0) > 1e-6, "rho == 1 is ambiguous, pick another matrix"
    return rho, ("explode" if rho > 1 else "vanish")


def metrics(TP, FP, TN, FN):
    return {
        "accuracy": (TP + TN) / (TP + FP + TN + FN),
        "precision": TP / (TP + FP),
        "recall": TP / (TP + FN),
        "specificity": TN / (TN + FP),
        "f1": 2 * TP / (2 * TP + FP + FN),
    }


def fmt(x):
    """Integers plainly; floats round(x, 4) with trailing zeros dropped."""
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    frac = abs(x * 1e4) % 1
    assert abs(frac - 0.5) > 1e-6, f"rounding tie risk for {x}"
    r = round(float(x), 4)
    return f"{r:.4f}".rstrip("0").rstrip(".")


# Layout helpers for confusion matrices: map an explicitly stated layout to
# TP/FP/TN/FN.  grid = [[a, b], [c, d]].
def cm_rows_actual_pos_first(grid):
    # rows = actual (pos, neg), cols = predicted (pos, neg)
    (a, b), (c, d) = grid
    return dict(TP=a, FN=b, FP=c, TN=d)


def cm_rows_actual_neg_first(grid):
    # rows = actual (neg, pos), cols = predicted (neg, pos)  (sklearn, labels [0,1])
    (a, b), (c, d) = grid
    return dict(TN=a, FP=b, FN=c, TP=d)


def cm_rows_pred_pos_first(grid):
    # rows = predicted (pos, neg), cols = actual (pos, neg)
    (a, b), (c, d) = grid
    return dict(TP=a, FP=b, FN=c, TN=d)


# ---------------------------------------------------------------- cases
cases = []  # (section, q, expect, contains, note)


def add(section, q, contains=None, note=""):
    if contains is None:
        cases.append((section, q, "clarify", None, note))
        return
    vals = [fmt(v) for v in contains]
    for v in vals:
        assert len(v) >= 2, f"contains value too short: {v!r} in {q!r}"
    cases.append((section, q, "calculation", vals, note))


# ===== 1. conv output size =====================================================
S = "conv output size"
o = conv_out(224, 3, 2, 1)
add(S, "conv k3 s2 p1 on a 224x224 input, output size?", [o, o], "k3 s2 p1 n224")
o = conv_out(227, 7, 2, 3)
add(S, "x = torch.randn(8, 3, 227, 227)\nconv = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)\nwhat H and W come out of conv(x)?", [o, o], "n227 k7 s2 p3")
o = conv_same(75, 2)
add(S, "keras: Conv2D(32, (3,3), strides=2, padding='same') on input_shape=(75, 75, 3). what's the output height/width?", [o, o], "same ceil(75/2)")
o = conv_out(28, 5)
add(S, "Conv2D(16, 5, padding='valid') applied to 28x28x1 mnist images, output spatial size?", [o, o], "valid n28 k5")
o = conv_out(32, 3, 1, 0, 2)
add(S, "3x3 kernel with dilation 2, stride 1, no padding, input 32x32 -> output size?", [o, o], "dilation 2")
oh, ow = conv_out(120, 5, 2, 2), conv_out(160, 5, 2, 2)
add(S, "input is 120x160 (H x W), kernel 5, stride 2, padding 2. output dims?", [oh, ow], "non-square")
o = tconv_out(16, 4, 2, 1)
add(S, "ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1) applied to a 16x16 feature map - output size?", [o, o], "tconv")
o = tconv_out(7, 3, 2, 1, 1, 1)
add(S, "transposed conv k=3 s=2 p=1 output_padding=1, input 7x7, what's the output spatial size", [o, o], "tconv op=1")
o = tconv_out(14, 2, 2, 0)
add(S, "deconv (transpose conv) with 2x2 kernel stride 2 no padding on a 14x14 map -> ?", [o, o], "tconv k2 s2")
o = conv_out(56, 3, 1, 0)
add(S, "whats the outptu size for conv 3x3 stride1 pad 0 input 56x56", [o, o], "typo")
o = conv_out(32, 5, 1, 0)
add(S, "An input of thirty-two by thirty-two pixels goes through a convolution with a five by five kernel, stride one and no padding. What is the output size?", [o, o], "numbers in words")
o = conv_same(100, 3)
add(S, "layers.Conv2D(64, kernel_size=3, strides=3, padding=\"same\") with input of shape (None, 100, 100, 3) -- output H, W?", [o, o], "same ceil(100/3)")
o = conv_out(64, 4, 2, 1)
add(S, "H=W=64, k=4, s=2, p=1, output size?", [o, o], "named values")
o = conv_out(32, 5, 1, 1)
add(S, "input 32x32x3, 16 filters of size 5x5, stride 1, padding 1. what's the spatial size of the output volume?", [o, o], "with channels")
o = conv_out(227, 11, 4, 0)
add(S, "AlexNet first layer: 227x227x3 input, 96 kernels 11x11, stride 4, no padding. output size?", [o, o], "alexnet")
o = conv_out(100, 3, 2, 0)
add(S, "output size if i apply a 3x3 conv stride 2 no pad to a 100x100 img", [o, o], "floor case")
o = conv_out(65, 3, 1, 2, 4)
add(S, "atrous conv: 3x3 kernel, dilation rate 4, padding 2, stride 1, input 65x65. output H/W?", [o, o], "dilation 4 + padding")
oh, ow = conv_out(56, 3, 2, 1), conv_out(30, 3, 2, 1)
add(S, "x.shape = (16, 64, 56, 30) (NCHW) and conv = nn.Conv2d(64, 128, 3, stride=2, padding=1). output H and W?", [oh, ow], "NCHW non-square")
o = tconv_out(15, 3, 2, 0)
add(S, "nn.ConvTranspose2d(64, 32, kernel_size=3, stride=2) on a 15x15 input (no padding). output size?", [o, o], "tconv default pad")
o = conv_same(37, 2)
add(S, "tf conv with padding same, stride 2, kernel 5, input 37x37 - output?", [o, o], "same ceil(37/2)")
oh, ow = conv_out(50, 5, 3, 1), conv_out(70, 5, 3, 1)
add(S, "Conv2d kernel_size=5 stride=3 padding=1, input 50x70, output shape?", [oh, ow], "non-square floor")
o = tconv_out(8, 5, 3, 2, 1, 2)
add(S, "transposed convolution: input 8x8, kernel 5, stride 3, padding 2, output_padding 2, dilation 1. output size?", [o, o], "tconv op=2")
add(S, "whats the output size of a 3x3 conv with stride 2 and padding 1?", None, "no input size")
add(S, "input 64x64, conv with stride 2 and padding 1 -> what's the output size?", None, "no kernel size")

# ===== 2. conv parameter count =================================================
S = "conv parameter count"
w, b, t = conv_params(3, 3, 3, 64)
add(S, "how many params in nn.Conv2d(3, 64, kernel_size=3)?", [t], "")
w, b, t = conv_params(3, 3, 256, 64)
add(S, "number of parameters of a 3x3 conv going from 256 channels down to 64", [t], "")
w, b, t = conv_params(3, 3, 64, 128, bias=False)
add(S, "conv layer in/out 64/128, k=3, bias=False. param count?", [t], "no bias")
w, b, t = conv_params(1, 1, 512, 128)
add(S, "1x1 conv 512 -> 128 channels, how many params (with bias)", [t], "1x1")
w, b, t = conv_params(5, 5, 1, 32)
add(S, "model.add(Conv2D(32, (5, 5), input_shape=(28, 28, 1))) -- how many trainable params does this layer have", [t], "keras")
w, b, t = conv_params(3, 3, 16, 64, bias=False)
add(S, "Conv2D(64, 3, use_bias=False) on an input of shape (None, 32, 32, 16) - number of params?", [t], "keras no bias NHWC")
w, b, t = conv_params(3, 3, 128, 256)
add(S, "C_in=128, C_out=256, k=3 -> # params?", [t], "named")
w, b, t = conv_params(1, 7, 192, 224)
add(S, "params for a 1x7 conv, 192 input channels, 224 output channels", [t], "rectangular kernel")
w, b, t = conv_params(7, 7, 3, 96)
add(S, "7x7 conv with 3 input channels and 96 filters, how many parameters including biases?", [t], "")
w, b, t = conv_params(5, 5, 6, 16)
add(S, "A conv layer with five by five kernels, six input channels and sixteen output channels. How many parameters does it have?", [t], "words")
w, b, t = conv_params(3, 3, 32, 32)
add(S, "how many weights and how many biases in a conv layer with 3x3 kernel, 32 in, 32 out? and the total?", [w, t], "weights + total")
w, b, t = conv_params(3, 3, 64, 64, bias=False)
add(S, "nmber of paramters conv 3x3 C_in=64 C_out=64 no bias", [t], "typo no bias")
w, b, t = conv_params(3, 3, 3, 32)
add(S, "input tensor (8, 3, 224, 224) goes into nn.Conv2d(3, 32, 3, stride=2, padding=1). how many learnable params does the conv have?", [t], "NCHW distractor")
w, b, t = conv_params(3, 3, 256, 512)
add(S, "nn.Conv2d(in_channels=256, out_channels=512, kernel_size=(3,3), bias=True) param count", [t], "")
w, b, t = conv_params(5, 5, 64, 128)
add(S, "128 filters of size 5x5 applied to an input with depth 64. total params?", [t], "count before label")
w, b, t = conv_params(3, 3, 3, 16, bias=False)
add(S, "conv3x3, 3->16 ch, bias=False, how many params", [t], "terse")
w, b, t = conv_params(3, 3, 128, 128)
add(S, "a 3 by 3 convolution with one hundred twenty-eight input channels and one hundred twenty-eight output channels, how many parameters?", [t], "words")
add(S, "how many parameters does a 3x3 conv layer with 64 filters have?", None, "C_in missing")
add(S, "number of params of Conv2D(128, (3,3)) in keras?", None, "C_in missing (no input shape)")

# ===== 3. self-attention over patches ==========================================
S = "self-attention over patches"
a = attention(32, 32, 3, 4, 4, 4)
add(S, "self-attention over 4x4 patches of a 32x32x3 image with stride 4: how many tokens (patches) are there?", [a["P"]], "")
a = attention(224, 224, 3, 16, 16, 16)
add(S, "ViT style: 224x224x3 image, 16x16 patches, stride 16. How many dot products does one self-attention layer compute?", [a["dots"]], "")
add(S, "how many MACs for the attention scores (every token dotted with every token) on a 224x224 RGB image cut into 16x16 patches with stride 16?", [a["macs"]], "")
a = attention(8, 8, 1, 2, 2, 1)
add(S, "8x8x1 image, 2x2 patches, stride 1. how many patches?", [a["P"]], "")
a = attention(32, 32, 3, 4, 4, 4)
add(S, "token dimension when flattening 4x4 patches of a 32x32x3 image (stride 4)?", [a["d"]], "")
a = attention(28, 28, 1, 7, 7, 7)
add(S, "28x28 grayscale image, 7x7 patches stride 7 -> number of dot products in self attention", [a["dots"]], "")
add(S, "28x28x1 input, patch 7x7, stride 7: how many MACs for all the pairwise dot products between patch tokens?", [a["macs"]], "")
a = attention(64, 48, 3, 8, 8, 8)
add(S, "64x48x3 image (H x W x C), 8x8 patches with stride 8, how many dot products for self-attention", [a["dots"]], "non-square image")
a = attention(32, 32, 3, 8, 8, 4)
add(S, "32x32x3 image, 8x8 patches, stride 4 (so overlapping). number of patches and token dim?", [a["P"], a["d"]], "")
add(S, "32x32x3, patch 8x8, stride 4: MACs for the P^2 dot products?", [a["macs"]], "")
a = attention(30, 30, 3, 4, 4, 4)
add(S, "30x30x3 image, 4x4 patches, stride 4, how many patches fit (no padding)?", [a["P"]], "floor case")
a = attention(16, 16, 8, 2, 2, 2)
add(S, "H=W=16, C=8, patch 2x2, s=2, how many MACs for self attention", [a["macs"]], "named")
a = attention(12, 12, 1, 3, 2, 1)
add(S, "12x12x1 image, 3x2 patches (3 tall, 2 wide), stride 1 -> number of patches?", [a["P"]], "non-square patch")
a = attention(96, 96, 3, 16, 16, 16)
add(S, "An image of size ninety-six by ninety-six with three channels is split into sixteen by sixteen patches with a stride of sixteen. How many multiply-accumulates does the attention score computation take?", [a["macs"]], "words")
a = attention(32, 32, 3, 2, 2, 2)
add(S, "CIFAR image 32x32x3, 2x2 patches stride 2. how many dot products in the attention matrix?", [a["dots"]], "")
a = attention(64, 64, 3, 8, 8, 8)
add(S, "non-overlapping 8x8 patches on a 64x64x3 image, how many dot products for full self-attention?", [a["dots"]], "UNSURE: stride implied by 'non-overlapping'")
a = attention(10, 10, 3, 3, 3, 1)
add(S, "attn on patches: img 10x10x3, patch 3x3, stride 1, how many MACs", [a["macs"]], "")
add(S, "how many dot products does self-attention need over 4x4 patches with stride 4?", None, "no image size")
add(S, "image is 32x32x3, stride 2 - how many tokens for patch self-attention?", None, "no patch size")

# ===== 4. RNN spectral radius ==================================================
S = "rnn spectral radius"
r, v = spectral([[0.5, 0.2], [0.1, 0.9]])
add(S, "W_hh = [[0.5, 0.2], [0.1, 0.9]], identity activation. do the gradients explode or vanish?", [r, v], "")
r, v = spectral([[1.1, 0.3], [0.2, 0.8]])
add(S, "recurrent weights rows 1.1 0.3 / 0.2 0.8, linear activation - explode or vanish? whats the spectral radius", [r, v], "")
r, v = spectral([[0.9, -0.5], [0.5, 0.9]])
add(S, "W = [[0.9, -0.5], [0.5, 0.9]]: spectral radius? will the gradient explode (identity act.)?", [r, v], "complex eigs")
r, v = spectral([[1.2, 0], [0, 0.5]])
add(S, "RNN with W_hh = [[1.2, 0], [0, 0.5]] and no nonlinearity, vanishing or exploding gradients?", [r, v], "diagonal")
r, v = spectral([[-1.5, 0], [0, 0.3]])
add(S, "spectral radius of [[-1.5, 0], [0, 0.3]]? explode or vanish with identity activation", [r, v], "negative eig")
r, v = spectral(0.95 * np.eye(3))
add(S, "W = [[0.95,0,0],[0,0.95,0],[0,0,0.95]] as the recurrent matrix, identity activation. what happens to gradients?", [r, v], "")
r, v = spectral([[2, 1], [1, 3]])
add(S, "spectral radius of [[2,1],[1,3]]", [r], "radius only")
r, v = spectral([[0.3, 0.4], [0.6, 0.2]])
add(S, "W = [0.3 0.4; 0.6 0.2] (matlab notation), identity activation, vanishing or exploding?", [r, v], "matlab")
r, v = spectral([[0.8, 5.0], [0.0, 0.7]])
add(S, "upper triangular recurrent matrix [[0.8, 5.0],[0.0, 0.7]] - big entry so it explodes right?? (linear rnn)", [r, v], "triangular trap")
r, v = spectral([[0.2, 0.5, 0.1], [0.4, 0.3, 0.6], [0.7, 0.1, 0.2]])
add(S, "3x3 hidden-to-hidden matrix:\n[0.2 0.5 0.1]\n[0.4 0.3 0.6]\n[0.7 0.1 0.2]\nspectral radius and explode/vanish (identity activation)?", [r, v], "3x3")
r, v = spectral([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1], [0.2, 0.2, 0.2, 0.2], [0.5, 0.1, 0.1, 0.1]])
add(S, "W_hh = [[0.1,0.2,0.3,0.4],[0.4,0.3,0.2,0.1],[0.2,0.2,0.2,0.2],[0.5,0.1,0.1,0.1]] will grads vanish or explode? linear activation", [r, v], "4x4")
r, v = spectral([[0.6, 0.2], [0.3, 1.0]])
add(S, "my recurrent weight matrix has first row zero point six, zero point two and second row zero point three and one. with identity activation do gradients explode or vanish?", [r, v], "words")
r, v = spectral([[0.7, 0.8], [-0.4, 0.6]])
add(S, "W_hh =\n0.7 0.8\n-0.4 0.6\nexplode or vanish w/ identity activation? spectral radius pls", [r, v], "complex eigs")
r, v = spectral([[0, 2], [0.8, 0]])
add(S, "rnn recurrent matrix [[0, 2], [0.8, 0]] -> spectral radius, and do gradients blow up?", [r, v], "zero diagonal")
add(S, "does my RNN have exploding gradients? the hidden-to-hidden matrix is 4x4, activation is identity", None, "no entries")

# ===== 5. classification metrics ===============================================
S = "classification metrics"


def mvals(cm, keys):
    m = metrics(cm["TP"], cm["FP"], cm["TN"], cm["FN"])
    return [m[k] for k in keys]


add(S, "TP=45, FP=5, TN=40, FN=10. accuracy?", mvals(dict(TP=45, FP=5, TN=40, FN=10), ["accuracy"]))
add(S, "precision and recall if TP 30, FP 10, FN 18, TN 40", mvals(dict(TP=30, FP=10, FN=18, TN=40), ["precision", "recall"]))
add(S, "f1 score with TP=80 FP=20 FN=10 TN=90", mvals(dict(TP=80, FP=20, FN=10, TN=90), ["f1"]))
add(S, "specificity? TP=50, FN=5, TN=85, FP=15", mvals(dict(TP=50, FN=5, TN=85, FP=15), ["specificity"]))
cm = cm_rows_actual_pos_first([[50, 10], [5, 35]])
add(S, "Confusion matrix (rows = actual [pos, neg], columns = predicted [pos, neg]): [[50, 10], [5, 35]]. Compute precision, recall and F1.",
    mvals(cm, ["precision", "recall", "f1"]), f"layout -> {cm}")
cm = cm_rows_actual_neg_first([[70, 8], [12, 30]])
add(S, "sklearn gave me confusion_matrix(y_true, y_pred) = [[70, 8], [12, 30]] with labels [0, 1] (1 = positive), rows are true labels, columns predicted. what's the recall and specificity?",
    mvals(cm, ["recall", "specificity"]), f"layout -> {cm}")
cm = cm_rows_actual_pos_first([[120, 40], [20, 830]])
add(S, "              predicted +   predicted -\nactual +          120            40\nactual -           20           830\naccuracy, precision, recall?",
    mvals(cm, ["accuracy", "precision", "recall"]), f"text table -> {cm}")
cm = cm_rows_pred_pos_first([[40, 15], [10, 35]])
add(S, "rows are predicted class, columns are actual class, positive first: [[40, 15], [10, 35]]. precision and F1?",
    mvals(cm, ["precision", "f1"]), f"layout -> {cm}")
# words: 200 emails, 60 spam, 54 caught, 12 legit flagged
TP, FN, FP = 51, 60 - 51, 12
TN = 200 - 60 - FP
add(S, "Out of 200 emails, 60 were spam. The filter caught 51 of the spam emails and also flagged 12 legit emails as spam. precision, recall, F1?",
    mvals(dict(TP=TP, FN=FN, FP=FP, TN=TN), ["precision", "recall", "f1"]), f"TP={TP} FN={FN} FP={FP} TN={TN}")
add(S, "45 true positives, 5 false positives, 10 false negatives, 940 true negatives - specificity and accuracy?",
    mvals(dict(TP=45, FP=5, FN=10, TN=940), ["specificity", "accuracy"]))
add(S, "twenty true positives, five false positives, fifteen false negatives and sixty true negatives. what's the F1?",
    mvals(dict(TP=20, FP=5, FN=15, TN=60), ["f1"]))
# words: 90 sick / 76 test positive; 900 healthy / 47 test positive
TP, FN, FP, TN = 76, 90 - 76, 47, 900 - 47
add(S, "A disease test: of 90 sick patients, 76 test positive. Of 900 healthy people, 47 test positive. Sensitivity and specificity?",
    mvals(dict(TP=TP, FN=FN, FP=FP, TN=TN), ["recall", "specificity"]), f"TP={TP} FN={FN} FP={FP} TN={TN}")
add(S, "calc precison recal f1 for tp=12 fp=4 fn=5 tn=80",
    mvals(dict(TP=12, FP=4, FN=5, TN=80), ["precision", "recall", "f1"]))
TP, FP, TN, FN = 33, 7, 52, 8
add(S, "TP, FP, TN, FN = 33, 7, 52, 8 - give me accuracy, precision, recall, specificity, F1",
    mvals(dict(TP=TP, FP=FP, TN=TN, FN=FN), ["accuracy", "precision", "recall", "specificity", "f1"]))
cm = cm_rows_actual_neg_first([[880, 20], [35, 65]])
add(S, "|        | Pred 0 | Pred 1 |\n|--------|--------|--------|\n| True 0 | 880    | 20     |\n| True 1 | 35     | 65     |\nclass 1 is the positive class. precision, recall, F1 and accuracy?",
    mvals(cm, ["precision", "recall", "f1", "accuracy"]), f"markdown table -> {cm}")
add(S, "TP=1, FP=0, FN=9, TN=990 accuracy and f1",
    mvals(dict(TP=1, FP=0, FN=9, TN=990), ["accuracy", "f1"]))
add(S, "FN=25 FP=35 TP=115 TN=325, what's the recall", mvals(dict(FN=25, FP=35, TP=115, TN=325), ["recall"]))
cm = cm_rows_actual_neg_first([[412, 38], [27, 123]])
add(S, "cm = [[TN, FP], [FN, TP]] = [[412, 38], [27, 123]], F1?", mvals(cm, ["f1"]), f"layout -> {cm}")
add(S, "confusion matrix [[50, 10], [5, 35]], what's the precision and recall?", None, "grid, no layout")
add(S, "compute recall with TP=40 and FP=10", None, "FN missing")


# ---------------------------------------------------------------- output
def main():
    from collections import Counter

    per = Counter()
    lines = []
    current = None
    for section, q, expect, contains, note in cases:
        per[(section, expect)] += 1
        if section != current:
            if current is not None:
                lines.append("")
            lines.append(f"# --- {section}")
            current = section
        lines.append(f"- q: {json.dumps(q, ensure_ascii=False)}")
        lines.append(f"  expect: {expect}")
        if contains is not None:
            lines.append("  contains: [" + ", ".join(json.dumps(c) for c in contains) + "]")
        print(f"[{section}] ({expect}) {q!r}\n    -> {contains}  {note}")
    with open(OUT, "w") as f:
        f.write("# Blind calculation holdout 2 (report only, never tune); generated by eval/holdout_calc_2_values.py\n")
        f.write("\n".join(lines) + "\n")

    # sanity: reload and compare
    import yaml

    data = yaml.safe_load(open(OUT))
    assert len(data) == len(cases)
    for d, (_, q, expect, contains, _) in zip(data, cases, strict=True):
        assert d["q"] == q and d["expect"] == expect and d.get("contains") == contains
    print("\nper section:")
    for s in dict.fromkeys(c[0] for c in cases):
        print(f"  {s}: {per[(s, 'calculation')]} calculation + {per[(s, 'clarify')]} clarify")
    print(f"total: {len(cases)}  -> {OUT}")


if __name__ == "__main__":
    main()
