#!/usr/bin/env python3
"""train-25: blind calculation tuning set for the course tutor chatbot.

Written blind: the author read ONLY /work/shared/seed/ (the course's example
exam) and /work/shared/API_CONTRACT.md (what the tutor's calculators compute).
No knowledge base, tutor code or other eval set was opened.

Every expected number below is computed with the textbook helpers defined in
this file and asserted against a value worked out by hand (see the comment
above each item). The script then writes train-25.yaml beside itself.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set): a tuning set. Its misreads were fixed in the
commit before the one that added it (59.3% worked out right, 14.8% wrong, on arrival).

    .venv/bin/python eval/train_25_values.py   # rewrites eval/train-25.yaml

Needs Python 3.11 with numpy and pyyaml (pyyaml is only used to re-load the
written file as a check).
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
from __future__ import annotations

import math
import os

import numpy as np
import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-25.yaml")


# --------------------------------------------------------------------------
# Textbook formula helpers
# --------------------------------------------------------------------------
def conv_out(n: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int:
    """PyTorch Conv2d: floor((n + 2p - d(k-1) - 1) / s) + 1."""
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out > 0, "kernel does not fit"
    return out


def same_out(n: int, s: int = 1) -> int:
    """TensorFlow 'same' padding: ceil(n / s)."""
    return -(-n // s)


def pool_out(n: int, k: int, s: int | None = None, p: int = 0) -> int:
    """Pooling; the stride defaults to the window size (PyTorch MaxPool2d)."""
    return conv_out(n, k, s if s is not None else k, p)


def tconv_out(n: int, k: int, s: int = 1, p: int = 0, d: int = 1, op: int = 0) -> int:
    """ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh: int, kw: int, cin: int, cout: int, groups: int = 1, bias: bool = True) -> int:
    """kh*kw*(cin/groups)*cout (+cout biases)."""
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def depthwise_params(k: int, c: int, mult: int = 1, bias: bool = True) -> int:
    """Depthwise conv (groups = c): k*k*c*mult (+c*mult biases)."""
    return conv_params(k, k, c, c * mult, groups=c, bias=bias)


def dws_params(k: int, cin: int, cout: int, bias: bool = True) -> int:
    """Depthwise-separable: k x k depthwise on cin, then 1x1 pointwise cin->cout."""
    return depthwise_params(k, cin, bias=bias) + conv_params(1, 1, cin, cout, bias=bias)


def dense_params(nin: int, nout: int, bias: bool = True) -> int:
    return nin * nout + (nout if bias else 0)


def dense_chain(sizes: list[int], bias: bool = True) -> int:
    return sum(dense_params(a, b, bias) for a, b in zip(sizes[:-1], sizes[1:], strict=True))


def apply_stack(n: int, layers: list[tuple]) -> int:
    """Apply spatial layers in turn to a (square) size n.

    ("conv", k, s, p, d) | ("pool", k, s, p) | ("same", s) | ("tconv", k, s, p, op)
    """
    for layer in layers:
        kind, *args = layer
        if kind == "conv":
            n = conv_out(n, *args)
        elif kind == "pool":
            n = pool_out(n, *args)
        elif kind == "same":
            n = same_out(n, *args)
        elif kind == "tconv":
            k, s, p, op = args
            n = tconv_out(n, k, s, p, op=op)
        else:
            raise ValueError(kind)
    return n


def flatten(h: int, w: int, c: int) -> int:
    return h * w * c


def spectral_radius(m) -> float:
    return float(np.max(np.abs(np.linalg.eigvals(np.asarray(m, dtype=float)))))


def rnn_verdict(m) -> str:
    """Seed A9 reasoning: radius > 1 -> gradients explode, < 1 -> vanish."""
    r = spectral_radius(m)
    assert abs(r - 1.0) > 1e-6, "borderline case not used in this set"
    return "explod" if r > 1 else "vanish"


def patch_attention(H: int, W: int, C: int, h: int, w: int, sh: int = 1, sw: int | None = None):
    """API contract: P patches, token dim h*w*C, P^2 dot products, P^2*h*w*C MACs."""
    sw = sh if sw is None else sw
    P = conv_out(H, h, sh) * conv_out(W, w, sw)
    tok = h * w * C
    return P, tok, P * P, P * P * tok


def token_attention(n: int, d: int):
    """n tokens of dim d: n^2 dot products, n^2*d MACs for Q K^T."""
    return n * n, n * n * d


def mha_qk_macs(n: int, d_model: int, heads: int) -> int:
    """heads * n^2 * (d_model/heads) = n^2 * d_model (head split does not change the cost)."""
    assert d_model % heads == 0
    macs = heads * n * n * (d_model // heads)
    assert macs == n * n * d_model
    return macs


def metrics(tp: int, fp: int, tn: int, fn: int) -> dict:
    def ratio(a, b):
        return None if b == 0 else a / b

    return {
        "accuracy": ratio(tp + tn, tp + fp + tn + fn),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "specificity": ratio(tn, tn + fp),
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
    }


def fmt(x: float, nd: int = 2) -> str:
    """Short decimal: 0.90 -> '0.9', 0.3214 -> '0.32'."""
    s = f"{x:.{nd}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def close(a: float, b: float, tol: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=tol)


# --------------------------------------------------------------------------
# Items
# --------------------------------------------------------------------------
ITEMS: list[dict] = []


def calc(q: str, *values) -> None:
    contains = [v if isinstance(v, str) else str(v) for v in values]
    assert 1 <= len(contains) <= 2
    ITEMS.append({"q": q, "expect": "calculation", "contains": contains})


def clarify(q: str) -> None:
    ITEMS.append({"q": q, "expect": "clarify"})


def notcalc(q: str) -> None:
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ===== (1) pasted homework / past papers: sub-parts, tables, LaTeX =========

# 32x32x3, 16 filters 5x5, s=1, p=2: (32+4-4-1)//1+1 = 32 ; 5*5*3*16+16 = 1200+16 = 1216
o = conv_out(32, 5, 1, 2); assert o == 32
pr = conv_params(5, 5, 3, 16); assert pr == 1216
calc(r"Exercise 3 (convolutions). An input of size $32 \times 32 \times 3$ is passed through a convolutional layer with 16 filters of size $5 \times 5$, stride $s=1$ and padding $p=2$.\n(a) What is the spatial size of the output?\n(b) How many learnable parameters does the layer have, including biases?".replace(r"\n", "\n"), o, pr)

# 64 -> conv3 s1 p1: 64 -> pool2: 32 -> conv3 s2 p1: (32+2-2-1)//2+1 = 15+1 = 16 -> pool2: 8 ; 8*8*128 = 8192
n = apply_stack(64, [("conv", 3, 1, 1, 1), ("pool", 2, 2, 0), ("conv", 3, 2, 1, 1), ("pool", 2, 2, 0)])
assert n == 8
fl = flatten(n, n, 128); assert fl == 8192
calc("Homework 2, question 4. The input is 64x64x3. Fill in the table and answer (a) and (b).\n\n"
     "| Layer | Type | Kernel | Stride | Padding | Filters |\n|---|---|---|---|---|---|\n"
     "| 1 | conv | 3x3 | 1 | 1 | 32 |\n| 2 | maxpool | 2x2 | 2 | 0 | - |\n"
     "| 3 | conv | 3x3 | 2 | 1 | 128 |\n| 4 | maxpool | 2x2 | 2 | 0 | - |\n\n"
     "(a) What is the spatial size after layer 4?\n(b) What is the length of the vector after flattening layer 4's output?", fl)

# ResNet stem: conv7 s2 p3 on 224: (224+6-6-1)//2+1 = 111+1 = 112 ; pool3 s2 p1: (112+2-2-1)//2+1 = 55+1 = 56 ; conv3 s1 p1: 56
n = apply_stack(224, [("conv", 7, 2, 3, 1), ("pool", 3, 2, 1), ("conv", 3, 1, 1, 1)])
assert n == 56
calc("pasting from the tutorial sheet:\n\n"
     "layer    kernel   stride   pad   filters\n"
     "conv1    7x7      2        3     64\n"
     "pool1    3x3      2        1     -\n"
     "conv2    3x3      1        1     64\n\n"
     "input is 224x224x3. what is the output size after conv2?", n)

# 128, k=3 s=2 p=1: (128+2-2-1)//2+1 = 63+1 = 64 ; params 3*3*3*32+32 = 864+32 = 896
o = conv_out(128, 3, 2, 1); assert o == 64
pr = conv_params(3, 3, 3, 32); assert pr == 896
calc(r"Let $x \in \mathbb{R}^{128 \times 128 \times 3}$. A convolution with $k=3$, $s=2$, $p=1$ and $C_{out}=32$ (with bias) is applied. (i) Give the output shape. (ii) Give the number of parameters.", o, pr)

# n=49, k=3, d=2, s=1, p=0: effective kernel 2*2+1 = 5 ; (49-4-1)//1+1 = 45
o = conv_out(49, 3, 1, 0, 2); assert o == 45
calc(r"Q2. A 1-D signal of length $n = 49$ is convolved with a kernel of size $k = 3$ and dilation $d = 2$, stride $s = 1$, padding $p = 0$.\n(a) What is the effective kernel size?\n(b) What is the output length?".replace(r"\n", "\n"), o)

# ConvTranspose k4 s2 p1 on 16: 15*2 - 2 + 3 + 0 + 1 = 32
o = tconv_out(16, 4, 2, 1); assert o == 32
calc(r"A transposed convolution (\texttt{ConvTranspose2d}) with kernel size $k=4$, stride $s=2$ and padding $p=1$ is applied to a $16 \times 16$ feature map. What is the spatial size of the output?", o)

# ConvTranspose k3 s2 p1 op1 on 28: 27*2 - 2 + 2 + 1 + 1 = 56
o = tconv_out(28, 3, 2, 1, op=1); assert o == 56
calc("Past paper 2022, Q3(b): the decoder uses nn.ConvTranspose2d(64, 32, kernel_size=3, stride=2, padding=1, output_padding=1). The input to this layer is 28x28. What is the output height and width?", o)

# MLP 784-256-128-10: 200704+256 + 32768+128 + 1280+10 = 235146 ; no bias 200704+32768+1280 = 234752
t = dense_chain([784, 256, 128, 10]); assert t == 235146
tnb = dense_chain([784, 256, 128, 10], bias=False); assert tnb == 234752
calc("(a) A fully connected network has layer sizes 784-256-128-10 and every layer has biases. How many parameters in total?\n(b) How many if no layer has a bias?", t, tnb)

# seed Q2 style: single 5x5 filter over 64 channels + 1 bias = 5*5*64+1 = 1601
pr = conv_params(5, 5, 64, 1); assert pr == 1601
calc(r"Q2 If the input image has size $128 \times 128 \times 64$, how many parameters are there in a single $5 \times 5$ convolution filter, including bias?", pr)

# seed Q1 style, M=33, N=65, 3x5 filter, stride 2, pad (m-1)/2=1 and (n-1)/2=2:
# H: (33+2-2-1)//2+1 = 16+1 = 17 ; W: (65+4-4-1)//2+1 = 32+1 = 33
oh = conv_out(33, 3, 2, 1); ow = conv_out(65, 5, 2, 2)
assert (oh, ow) == (17, 33)
calc(r"Q1 Suppose you have a single-channel image of size $M \times N$ with $M = 33$ and $N = 65$, and a filter of size $m \times n = 3 \times 5$. What is the output image size if stride=2 and zero padding of $(m-1)/2$ rows and $(n-1)/2$ columns is used on each side?", oh, ow)

# MaxPool2d(kernel_size=3) -> stride 3: (27-3)//3+1 = 9 ; 9*9*96 = 7776
o = pool_out(27, 3); assert o == 9
fl = flatten(o, o, 96); assert fl == 7776
calc("Tutorial 4 (a) nn.MaxPool2d(kernel_size=3) is applied to a 27x27x96 tensor (no stride given, so PyTorch's default). What is the output size? (b) How many values after flattening it?", fl)

# AlexNet conv1: (227-11)//4+1 = 54+1 = 55 ; pool 3 s2: (55-3)//2+1 = 27 ; params 11*11*3*96+96 = 34848+96 = 34944
o1 = conv_out(227, 11, 4); assert o1 == 55
o2 = pool_out(o1, 3, 2); assert o2 == 27
pr = conv_params(11, 11, 3, 96); assert pr == 34944
calc("Input 227x227x3.\nconv1: 96 filters, 11x11, stride 4, pad 0\npool1: max, 3x3, stride 2\n(a) conv1 output size (b) pool1 output size (c) number of parameters of conv1 incl. biases", o1, pr)

# 896 + 18496 + 73856 = 93248
p1 = conv_params(3, 3, 3, 32); assert p1 == 896
p2 = conv_params(3, 3, 32, 64); assert p2 == 18496
p3 = conv_params(3, 3, 64, 128); assert p3 == 73856
assert p1 + p2 + p3 == 93248
calc("How many trainable parameters does this network have in total (all convs have bias)?\n\n"
     "| layer | in ch | out ch | kernel |\n|---|---|---|---|\n"
     "| conv1 | 3 | 32 | 3x3 |\n| conv2 | 32 | 64 | 3x3 |\n| conv3 | 64 | 128 | 3x3 |", p1 + p2 + p3)

# 1x1 conv 256->64 with bias: 256*64+64 = 16448
pr = conv_params(1, 1, 256, 64); assert pr == 16448
calc(r"A $1 \times 1$ convolution maps $C_{in}=256$ channels to $C_{out}=64$ channels, with bias. How many parameters does it have?", pr)

# (3,5) kernel on 40x60, s1 p0: 38 x 56
oh = conv_out(40, 3); ow = conv_out(60, 5); assert (oh, ow) == (38, 56)
calc("Exam 2023 Q1(c): input feature map 40 (height) x 60 (width), kernel of size (3, 5) (height, width), stride 1, no padding. Output size?", oh, ow)

# stride (2,1), k3 p1 on 32x32: H (32+2-2-1)//2+1 = 16 ; W 32
oh = conv_out(32, 3, 2, 1); ow = conv_out(32, 3, 1, 1); assert (oh, ow) == (16, 32)
calc("nn.Conv2d(8, 8, kernel_size=3, stride=(2, 1), padding=1) on an input of shape (N, 8, 32, 32). What are the output height and width?", oh, ow)

# ===== (2) unusual forms of the values ====================================

# thirty-two, k3, s2, p0: (32-3)//2+1 = 14+1 = 15
o = conv_out(32, 3, 2, 0); assert o == 15
calc("thirty-two by thirty-two input, kernel size of three, stride of two in both directions, no padding. what comes out?", o)

# 3*3*3*16+16 = 432+16 = 448
pr = conv_params(3, 3, 3, 16); assert pr == 448
calc("input is 32² RGB, (3,3) kernel, C_in=3, C_out=16, with bias. how many params?", pr)

# TF same, stride 3, H=W=64: ceil(64/3) = 22
o = same_out(64, 3); assert o == 22
calc("H=W=64, k=5, stride 3, padding='same' (TensorFlow/Keras). output H and W?", o)

# n=2^10=1024, d=64: 1048576 dot products ; 1048576*64 = 67108864 MACs
dp, mac = token_attention(2 ** 10, 64); assert (dp, mac) == (1048576, 67108864)
calc("self-attention over 2^10 tokens with d=64 (single head, no projections). how many dot products in QK^T, and how many multiply-adds?", dp, mac)

# 1000 tokens, d=128: 1000000 ; 128000000
dp, mac = token_attention(1000, 128); assert (dp, mac) == (1_000_000, 128_000_000)
calc("1k tokens (exactly 1000, not 1024), embedding dim 128, one head. number of query-key dot products and the MACs for computing QK^T?", dp, mac)

# 2^8 = 256, 16x16 non-overlapping: (256-16)//16+1 = 16 per side -> 256 patches, token 16*16*3 = 768
P, tok, _, _ = patch_attention(256, 256, 3, 16, 16, 16); assert (P, tok) == (256, 768)
calc("An image of 2^8 x 2^8 pixels with 3 channels is cut into non-overlapping 16x16 patches (stride 16). How many patches, and what is the dimension of each patch token?", P, tok)

# 28, k5, p2, s1: (28+4-4-1)+1 = 28 ; params 5*5*1*6+6 = 156
o = conv_out(28, 5, 1, 2); assert o == 28
pr = conv_params(5, 5, 1, 6); assert pr == 156
calc("twenty-eight by twenty-eight grayscale image, six five-by-five filters, padding of two, stride one. output size and number of parameters with biases?", o, pr)

# 7*7*3*16 = 2352
pr = conv_params(7, 7, 3, 16, bias=False); assert pr == 2352
calc("C_in=3, C_out=16, kernel size of seven, bias=False. weight count?", pr)

# 10^3 -> 10^2 with bias: 100000+100 = 100100
pr = dense_params(10 ** 3, 10 ** 2); assert pr == 100100
calc("A dense layer takes 10^3 inputs and has 10^2 units, with biases. Number of parameters?", pr)

# 112 -> 2x2 pool stride 2 -> 56 ; 56*56*64 = 200704
o = pool_out(112, 2, 2); assert o == 56
fl = flatten(o, o, 64); assert fl == 200704
calc("a 112 by 112 by 64 activation, then 2x2 max pooling with a stride of two in both directions. output size, and how long is it once flattened?", o, fl)

# ===== (3) follow-up style, but everything is given ========================

# 64, k3, s1, p0 -> 62
o = conv_out(64, 3, 1, 0); assert o == 62
calc("same net as before but stride 1: input 64x64, 3x3 conv, stride 1, pad 0 -> size?", o)

# 64, k3, s2, p1: (64+2-2-1)//2+1 = 31+1 = 32
o = conv_out(64, 3, 2, 1); assert o == 32
calc("ok and now the same thing but with padding 1 instead: 64x64 input, 3x3 kernel, stride 2, pad 1. output?", o)

# 3*3*64*128 = 73728
pr = conv_params(3, 3, 64, 128, bias=False); assert pr == 73728
calc("and if I drop the bias? it's the 3x3 conv from 64 to 128 channels", pr)

# 512^2 * 256 = 262144*256 = 67108864 (heads do not change it)
mac = mha_qk_macs(512, 256, 16); assert mac == 67108864
calc("follow-up to my last question: last time it was 4 heads, now 16 heads, same d_model=256 and 512 tokens. total MACs of QK^T over all heads?", mac)

# TP90 FP20 FN10 TN880: acc (90+880)/1000 = 0.97
m = metrics(90, 20, 880, 10); assert close(m["accuracy"], 0.97)
calc("sorry one more: same confusion matrix but TN is 880 now, so TP 90, FP 20, FN 10, TN 880. accuracy?", fmt(m["accuracy"]))

# diag(0.5,0.9,0.7): radius 0.9 -> vanish
W = np.diag([0.5, 0.9, 0.7]); r = spectral_radius(W); assert close(r, 0.9, 1e-12)
v = rnn_verdict(W); assert v == "vanish"
calc("Again with the 3x3 W_h, but now it's diag(0.5, 0.9, 0.7), identity activation. vanish or explode as T grows?", v, fmt(r))

# 32x32x3, 4x4 patches stride 2: (32-4)//2+1 = 15 -> 225 ; tok 48 ; 225^2 = 50625 ; 50625*48 = 2430000
P, tok, dp, mac = patch_attention(32, 32, 3, 4, 4, 2)
assert (P, tok, dp, mac) == (225, 48, 50625, 2430000)
calc("same patches question but stride 2 now: 32x32x3 image, 4x4 patches, stride 2, no padding. number of patches and the MACs for the QK^T dot products (single head, identity projections)?", P, mac)

# 32, k3, d2, p2, s1: (32+4-4-1)//1+1 = 32
o = conv_out(32, 3, 1, 2, 2); assert o == 32
calc("Like before but with dilation 2 this time: 32x32 input, 3x3 kernel, dilation 2, padding 2, stride 1. what size comes out?", o)

# ===== (4) recurrent weight matrices =======================================

# diag(1.1,0.5,0.3): radius 1.1 > 1 -> explode
W = np.diag([1.1, 0.5, 0.3]); r = spectral_radius(W); assert close(r, 1.1, 1e-12)
v = rnn_verdict(W); assert v == "explod"
calc("rnn with identity activation, W_h = diag(1.1, 0.5, 0.3). do gradients vanish or explode for long sequences?", v, fmt(r))

# upper triangular: eigenvalues 0.4, 0.6, -0.7 -> radius 0.7 -> vanish (tanh' <= 1 only shrinks further)
W = [[0.4, 1.0, -0.3], [0.0, 0.6, 0.8], [0.0, 0.0, -0.7]]
r = spectral_radius(W); assert close(r, 0.7, 1e-9); v = rnn_verdict(W); assert v == "vanish"
calc(r"Consider $h_t = \tanh(W_h h_{t-1} + W_x x_t + b_h)$ with $$W_h = \begin{pmatrix} 0.4 & 1.0 & -0.3 \\ 0 & 0.6 & 0.8 \\ 0 & 0 & -0.7 \end{pmatrix}.$$ Compute the spectral radius of $W_h$ and state whether the gradient vanishes or explodes as $T \to +\infty$.", v, fmt(r))

# [[0.9,0.6,0],[0.6,0.9,0],[0,0,0.2]]: eigen 0.9+-0.6 = 1.5, 0.3 ; 0.2 -> radius 1.5 -> explode
W = [[0.9, 0.6, 0.0], [0.6, 0.9, 0.0], [0.0, 0.0, 0.2]]
r = spectral_radius(W); assert close(r, 1.5, 1e-9); v = rnn_verdict(W); assert v == "explod"
calc("ReLU RNN, assume all units stay active so ReLU acts like the identity. W_h = [[0.9, 0.6, 0], [0.6, 0.9, 0], [0, 0, 0.2]]. Largest |eigenvalue|, and does the gradient explode or vanish?", v, fmt(r))

# diag(-1.3,0.2,0.1): radius 1.3 -> explode
W = np.diag([-1.3, 0.2, 0.1]); r = spectral_radius(W); assert close(r, 1.3, 1e-12)
v = rnn_verdict(W); assert v == "explod"
calc(r"$W_h = \mathrm{diag}(-1.3,\ 0.2,\ 0.1)$, $\sigma$ = identity, $h_0 = 0$. State whether gradient vanishing or explosion happens when $T \to +\infty$ and why.", v, fmt(r))

# lower triangular with big off-diagonals: eigen 0.5, 0.8, 0.6 -> radius 0.8 -> vanish
W = [[0.5, 0.0, 0.0], [3.0, 0.8, 0.0], [-2.0, 4.0, 0.6]]
r = spectral_radius(W); assert close(r, 0.8, 1e-9); v = rnn_verdict(W); assert v == "vanish"
calc(r"My $W_h$ has entries as big as 4 so I expected explosion: $$W_h = \begin{pmatrix} 0.5 & 0 & 0 \\ 3 & 0.8 & 0 \\ -2 & 4 & 0.6 \end{pmatrix}$$ (identity activation). What does the eigenvalue check say, vanish or explode?", v, fmt(r))

# tanh, diag(0.95,0.3,-0.6): radius 0.95 -> vanish
W = np.diag([0.95, 0.3, -0.6]); r = spectral_radius(W); assert close(r, 0.95, 1e-12)
v = rnn_verdict(W); assert v == "vanish"
calc("Dear tutor, for a tanh RNN with recurrent weight W_h = diag(0.95, 0.3, -0.6), please tell me if the gradient is vanish or explode when sequence is very long, and the spectral radius.", v, fmt(r))

# ReLU, upper triangular eigen 1.2, 0.3, 0.1 -> radius 1.2 -> explode
W = [[1.2, 0.5, 0.0], [0.0, 0.3, 0.4], [0.0, 0.0, 0.1]]
r = spectral_radius(W); assert close(r, 1.2, 1e-9); v = rnn_verdict(W); assert v == "explod"
calc("ReLU activations (units active). Wh =\n1.2  0.5  0.0\n0.0  0.3  0.4\n0.0  0.0  0.1\nexplode or vanish?", v, fmt(r))

# [[0.2,0.3,0],[0.3,0.2,0],[0,0,-1.4]]: eigen 0.5, -0.1, -1.4 -> radius 1.4 -> explode
W = [[0.2, 0.3, 0.0], [0.3, 0.2, 0.0], [0.0, 0.0, -1.4]]
r = spectral_radius(W); assert close(r, 1.4, 1e-9); v = rnn_verdict(W); assert v == "explod"
calc("Hello, in my homework W_h = [[0.2, 0.3, 0.0], [0.3, 0.2, 0.0], [0.0, 0.0, -1.4]] and activation is identity. I must say if the gradient vanish or explode when T go to infinity. Which one is it?", v, fmt(r))

# rotation-scaling block [[0.9,-1.2],[1.2,0.9]]: |0.9 +- 1.2i| = sqrt(0.81+1.44) = 1.5 ; 0.5 -> radius 1.5 -> explode
W = [[0.9, -1.2, 0.0], [1.2, 0.9, 0.0], [0.0, 0.0, 0.5]]
r = spectral_radius(W); assert close(r, 1.5, 1e-9); v = rnn_verdict(W); assert v == "explod"
calc(r"Let $$\mathbf{W} = \begin{pmatrix} 0.9 & -1.2 & 0 \\ 1.2 & 0.9 & 0 \\ 0 & 0 & 0.5 \end{pmatrix}$$ be the recurrent weight matrix of a linear RNN. Compute $\rho(\mathbf{W})$ and say whether gradients explode or vanish.", v, fmt(r))

# tanh, diag(0.99,0.99,0.99): radius 0.99 -> vanish
W = np.diag([0.99, 0.99, 0.99]); r = spectral_radius(W); assert close(r, 0.99, 1e-12)
v = rnn_verdict(W); assert v == "vanish"
calc("rnn Wh = diag(0.99,0.99,0.99) w/ tanh, T realy large, vanish or explod??", v, fmt(r))

# ===== (5) confusion matrices, percentages, one metric at a time ===========

# 1000 patients, 5% -> 50 sick; TP 45, FN 5, FP 95, TN 950-95 = 855
# recall 45/50 = 0.9 ; precision 45/140 = 0.3214 -> "0.32"
m = metrics(45, 95, 855, 5)
assert close(m["recall"], 0.9) and close(m["precision"], 45 / 140)
calc("Of 1000 patients, 5% have the disease; the test finds 45 of them and wrongly flags 95 healthy ones. What are the recall and the precision of the test?", fmt(m["recall"]), fmt(m["precision"]))

# F1 = 2*40/(80+10+10) = 0.8
m = metrics(40, 10, 940, 10); assert close(m["f1"], 0.8)
calc("just the F1 please: TP=40, FP=10, FN=10, TN=940", fmt(m["f1"]))

# 5000 transactions, 2% fraud -> 100; TP 80, FN 20, FP 120, TN 4900-120 = 4780 ; precision 80/200 = 0.4
m = metrics(80, 120, 4780, 20); assert close(m["precision"], 0.4)
calc("2% of 5000 transactions are fraudulent. The model catches 80 of the frauds and flags 120 legitimate ones as fraud. Precision?", fmt(m["precision"]))

# 10000 emails, 20% spam -> 2000; TP 1900, FN 100, FP 400, TN 8000-400 = 7600 ; acc 9500/10000 = 0.95
m = metrics(1900, 400, 7600, 100); assert close(m["accuracy"], 0.95)
calc("accuracy only pls. 10,000 emails, 20% are spam. the filter catches 1,900 spam, misses 100, and marks 400 good emails as spam.", fmt(m["accuracy"]))

# table TP60 FN20 FP15 TN105: precision 60/75 = 0.8, recall 60/80 = 0.75, specificity 105/120 = 0.875
m = metrics(60, 15, 105, 20)
assert close(m["precision"], 0.8) and close(m["recall"], 0.75) and close(m["specificity"], 0.875)
calc("Given the confusion matrix\n\n|            | predicted + | predicted - |\n|---|---|---|\n| actual +   | 60 | 20 |\n| actual -   | 15 | 105 |\n\n(a) precision (b) recall (c) specificity", fmt(m["precision"]), fmt(m["recall"]))

# specificity 90/(90+10) = 0.9
m = metrics(30, 10, 90, 20); assert close(m["specificity"], 0.9)
calc("specificity, nothing else: tp 30 fp 10 tn 90 fn 20", fmt(m["specificity"]))

# 400 images, 25% cats -> 100; predicted cat 120, 90 true -> TP 90, FP 30, FN 10, TN 300-30 = 270
# recall 0.9, precision 90/120 = 0.75
m = metrics(90, 30, 270, 10); assert close(m["recall"], 0.9) and close(m["precision"], 0.75)
calc("Of 400 test images, 25% are cats. The classifier says 'cat' for 120 images, 90 of which really are cats. Recall and precision for the cat class?", fmt(m["recall"]), fmt(m["precision"]))

# aligned text: TP60 FN20 FP20 TN100 -> F1 = 120/(120+40) = 0.75
m = metrics(60, 20, 100, 20); assert close(m["f1"], 0.75)
calc("             predicted\n             pos   neg\nactual pos    60    20\nactual neg    20   100\n\nF1 score?", fmt(m["f1"]))

# 10000 people, 1% -> 100 sick; 90% detected -> TP 90, FN 10; 5% of 9900 healthy flagged -> FP 495, TN 9405
# precision 90/585 = 0.1538 -> "0.15"
m = metrics(90, 495, 9405, 10); assert close(m["precision"], 90 / 585)
assert fmt(m["precision"]) == "0.15"
calc("Screening 10,000 people for a condition with 1% prevalence. The test detects 90% of the sick and falsely flags 5% of the healthy. If someone tests positive, what fraction of positives are real (the precision)?", fmt(m["precision"]))

# 2000 parts, 3% -> 60 defective; 50 flagged, 45 defective -> TP45 FP5 FN15 TN 1940-5 = 1935 ; recall 45/60 = 0.75
m = metrics(45, 5, 1935, 15); assert close(m["recall"], 0.75)
calc("whats the recall? 3% of 2000 parts are defective; inspection flags 50 parts, 45 of which are actually defective.", fmt(m["recall"]))

# precision 18/20 = 0.9
m = metrics(18, 2, 74, 6); assert close(m["precision"], 0.9)
calc("just the precision: TP 18, FP 2, FN 6, TN 74", fmt(m["precision"]))

# long, irrelevant numbers: TP85 FN15 FP5 TN895 -> recall 0.85
m = metrics(85, 5, 895, 15); assert close(m["recall"], 0.85)
calc("We ran the eval on 3 GPUs for 12 hours, batch size 64, checkpoint from epoch 40 (lr 1e-4). Results on the 1000-image test set: 85 TP, 15 FN, 5 FP, 895 TN. What's the recall?", fmt(m["recall"]))

# ===== (6) attention: tokens, multi-head, patches ==========================

# 1024^2 * 512 = 1048576*512 = 536870912 (= 8 heads * 1024^2 * 64)
mac = mha_qk_macs(1024, 512, 8); assert mac == 536870912
calc("8 heads, d_model 512, 1024 tokens: MACs of QK^T over all heads?", mac)

# 12 heads, 768: d_head 64 ; 512^2*768 = 262144*768 = 201326592
mac = mha_qk_macs(512, 768, 12); assert 768 // 12 == 64 and mac == 201326592
calc("BERT-base style layer: 12 heads, d_model = 768, sequence length 512. (a) What is the per-head dimension? (b) Total multiply-accumulates for QK^T summed over all heads?", 768 // 12, mac)

# n=100, d=32: 10000*32 = 320000
_, mac = token_attention(100, 32); assert mac == 320000
calc(r"Let $Q, K \in \mathbb{R}^{n \times d}$ with $n = 100$ and $d = 32$. How many multiply-accumulate operations does computing $QK^\top$ take?", mac)

# 16 heads, d_model 1024, 2048 tokens: 4194304*1024 = 4294967296
mac = mha_qk_macs(2048, 1024, 16); assert mac == 4294967296
calc("attn cost?? 16 heads dmodel 1024 seq 2k (2048 exactly), want MACs of QK^T all heads", mac)

# 32x32x3, 8x8 patches stride 1: 25*25 = 625 ; tok 192 ; 625^2 = 390625 ; *192 = 75000000
P, tok, dp, mac = patch_attention(32, 32, 3, 8, 8, 1)
assert (P, tok, dp, mac) == (625, 192, 390625, 75000000)
calc(r"An input image of size $H \times W \times C = 32 \times 32 \times 3$ is viewed as a collection of overlapping patches of size $8 \times 8 \times 3$ (stride 1, no padding). Compute the number of patches and the number of multiply-adds for the self-attention dot products (single head, identity projections).", P, mac)

# ViT: 224/16 = 14 -> 196 ; tok 768 ; 196^2 = 38416 ; *768 = 29503488
P, tok, dp, mac = patch_attention(224, 224, 3, 16, 16, 16)
assert (P, tok, dp, mac) == (196, 768, 38416, 29503488)
calc("ViT question: 224x224x3 image, 16x16 non-overlapping patches. Number of patches, token dim, and MACs of QK^T with a single head and identity projections?", P, mac)

# 64x48x1, patch 8x6 (h x w), stride = patch: 8 * 8 = 64 ; tok 48 ; 4096 ; 4096*48 = 196608
P, tok, dp, mac = patch_attention(64, 48, 1, 8, 6, 8, 6)
assert (P, tok, dp, mac) == (64, 48, 4096, 196608)
calc("grayscale image of height 64 and width 48, patches of height 8 and width 6, stride equal to the patch size. how many patches and how many MACs for the patch self-attention (QK^T, identity projections)?", P, mac)

# seed Q11 with numbers: H=W=16, C=4, h=w=3, s1: 14*14 = 196 ; tok 36 ; 38416 ; *36 = 1382976
P, tok, dp, mac = patch_attention(16, 16, 4, 3, 3, 1)
assert (P, tok, dp, mac) == (196, 36, 38416, 1382976)
calc(r"Q11 (numeric version). An input image of size $H \times W \times C$ with $H = W = 16$, $C = 4$ is viewed as a collection of patches of size $h \times w \times C$ with $h = w = 3$. No padding, overlapping patches with stride 1, a single head and identity projection matrices. How many patches are there and how many multiply-adds does the dot-product part of self-attention need?", P, mac)

# 4096 tokens, d 256: 16777216 dot products (MACs 4294967296)
dp, mac = token_attention(4096, 256); assert (dp, mac) == (16777216, 4294967296)
calc("For my thesis (deadline 2025) I train for 50 epochs with batch size 32 and lr 0.001 on 8 A100s with 80 GB each. The input sequences have 4096 tokens, embedding size 256, single head. How many dot products does QK^T take?", dp)

# ===== (7) grouped / depthwise convs in PyTorch notation ===================

# groups=4: 3*3*(64/4)*128 + 128 = 18432+128 = 18560
pr = conv_params(3, 3, 64, 128, groups=4); assert pr == 18560
calc("nn.Conv2d(64, 128, kernel_size=3, groups=4) - how many parameters?", pr)

# depthwise 32, no bias: 9*32 = 288
pr = conv_params(3, 3, 32, 32, groups=32, bias=False); assert pr == 288
calc("params of nn.Conv2d(32, 32, 3, groups=32, bias=False)?", pr)

# dws 3x3 on 64 -> 128 no bias: 576 + 8192 = 8768 ; standard 9*64*128 = 73728
d = dws_params(3, 64, 128, bias=False); s = conv_params(3, 3, 64, 128, bias=False)
assert (d, s) == (8768, 73728)
calc("Depthwise separable conv: a 3x3 depthwise conv on 64 channels followed by a 1x1 pointwise conv to 128 channels, no biases. Total params, and how many would a standard 3x3 conv 64->128 (no bias) have?", d, s)

# groups=8: 9*(128/8)*256 + 256 = 36864+256 = 37120
pr = conv_params(3, 3, 128, 256, groups=8); assert pr == 37120
calc("nn.Conv2d(in_channels=128, out_channels=256, kernel_size=(3, 3), groups=8, bias=True). Parameter count?", pr)

# depthwise 5x5 on 96 with bias: 25*96+96 = 2496
pr = depthwise_params(5, 96); assert pr == 2496
calc("MobileNet-style depthwise conv, kernel 5x5, 96 channels, with bias. how many params?", pr)

# Conv2d(16, 48, 3, groups=16): 9*1*48+48 = 480
pr = conv_params(3, 3, 16, 48, groups=16); assert pr == 480
pr2 = depthwise_params(3, 16, mult=3); assert pr2 == pr
calc("nn.Conv2d(16, 48, 3, groups=16) -> number of learnable parameters?", pr)

# dws with biases: dw 9*32+32 = 320 ; pw 32*64+64 = 2112 ; total 2432
d = dws_params(3, 32, 64); assert d == 2432
calc("depthwise-separable block with biases in both convs: 3x3 depthwise on 32 channels, then pointwise 32 -> 64. total params?", d)

# ResNeXt: 9*(256/32)*256 = 18432 ; 56 stays 56 (k3 p1 s1)
pr = conv_params(3, 3, 256, 256, groups=32, bias=False); assert pr == 18432
o = conv_out(56, 3, 1, 1); assert o == 56
calc("ResNeXt block: nn.Conv2d(256, 256, 3, padding=1, groups=32, bias=False), input 56x56. weights and output size?", pr, o)

# AlexNet-style groups=2: 25*(96/2)*256 + 256 = 307200+256 = 307456
pr = conv_params(5, 5, 96, 256, groups=2); assert pr == 307456
calc("In the original AlexNet, conv2 is split over two GPUs, which is like groups=2: 5x5 kernels, 96 input channels, 256 output channels, with bias. How many parameters?", pr)

# ===== mixed extras: stacks, flatten + dense, long messages ================

# three 3x3 convs s1 p0 on 32: 30, 28, 26
n = apply_stack(32, [("conv", 3, 1, 0, 1)] * 3); assert n == 26
calc("three 3x3 convs in a row, stride 1, no padding, on a 32x32 input. final size?", n)

# VGG: 5 x [conv3 p1, conv3 p1, pool2] on 224 -> 112, 56, 28, 14, 7 ; 7*7*512 = 25088
n = apply_stack(224, [("conv", 3, 1, 1, 1), ("conv", 3, 1, 1, 1), ("pool", 2, 2, 0)] * 5)
assert n == 7
fl = flatten(n, n, 512); assert fl == 25088
calc("VGG-16 style: five blocks, each = two 3x3 convs (stride 1, padding 1) then 2x2 max pool stride 2. Input 224x224x3, last block has 512 channels. Flattened size at the end?", fl)

# LeNet: 32 -> conv5 28 -> pool2 14 -> conv5 10 -> pool2 5 ; flatten 5*5*16 = 400
# dense 400-120-84-10: 48120 + 10164 + 850 = 59134
n = apply_stack(32, [("conv", 5, 1, 0, 1), ("pool", 2, 2, 0), ("conv", 5, 1, 0, 1), ("pool", 2, 2, 0)])
assert n == 5
fl = flatten(n, n, 16); assert fl == 400
dc = dense_chain([fl, 120, 84, 10]); assert dc == 59134
calc("LeNet-5 homework:\n(a) input 32x32x1 -> conv 6@5x5 -> maxpool 2x2 -> conv 16@5x5 -> maxpool 2x2. Size of the flattened vector?\n(b) It then goes through dense layers 120, 84, 10 (with biases). How many parameters do these three dense layers have?", fl, dc)

# DCGAN: 4 -> 8 -> 16 -> 32 -> 64 with ConvTranspose k4 s2 p1 each (3*2-2+3+1 = 8, ...)
n = apply_stack(4, [("tconv", 4, 2, 1, 0)] * 4); assert n == 64
calc("DCGAN generator: starts from a 4x4 map and applies four ConvTranspose2d layers, each with kernel 4, stride 2, padding 1. Output resolution?", n)

# 7*7*64 = 3136 ; 3136*128+128 = 401408+128 = 401536
fl = flatten(7, 7, 64); assert fl == 3136
pr = dense_params(fl, 128); assert pr == 401536
calc("A 7x7x64 feature map is flattened and fed into a dense layer with 128 units (with bias). How long is the flattened vector and how many parameters does the dense layer have?", fl, pr)

# RTX 3090 message: Conv2d(3,64,7,2,3) on 224: 7*7*3*64+64 = 9408+64 = 9472 ; (224+6-6-1)//2+1 = 112
pr = conv_params(7, 7, 3, 64); o = conv_out(224, 7, 2, 3); assert (pr, o) == (9472, 112)
calc("I'm training on an RTX 3090 (24 GB) with batch size 128, lr 3e-4, 90 epochs, for a 2024 course project. My first layer is Conv2d(3, 64, kernel_size=7, stride=2, padding=3) on 224x224 images - how many params does it have and what is the output size?", pr, o)

# Keras same stack: 100 -> 50 -> 25 -> pool2 12 ; 12*12*64 = 9216
n = apply_stack(100, [("same", 2), ("same", 2), ("pool", 2, 2, 0)]); assert n == 12
fl = flatten(n, n, 64); assert fl == 9216
calc("Keras model: Input(100, 100, 3) -> Conv2D(32, 3, strides=2, padding='same') -> Conv2D(64, 3, strides=2, padding='same') -> MaxPooling2D(2) -> Flatten(). What is the size of the flattened vector?", fl)

# (item counts per expect kind are printed by main())

# ===== clarify: a needed value is missing =================================
clarify("What's the output size of a 3x3 conv with stride 2 and padding 1?")
clarify("How many parameters does a conv layer with 64 filters of size 3x3 have, with bias?")
clarify("How many patches do I get if I use 16x16 patches with stride 16?")
clarify("TP = 40, FP = 10, FN = 5. What's the accuracy?")
clarify("my RNN's recurrent weight matrix is 3x3 and some of the entries are bigger than 1. will the gradient explode?")
clarify("conv output size? kernel 5, no padding, stride 1")
clarify("How many weights in a 5x5 conv layer that outputs 32 channels, biases included?")
clarify("how many MACs does self-attention with 512 tokens need for QK^T?")
clarify("how many params in a dense layer with 100 output units and bias?")
clarify("After a 2x2 max pool with stride 2, what is the flattened size if there are 64 channels?")
clarify("Transposed conv with kernel 4, stride 2, padding 1: what output size do I get?")
clarify("tp=12 tn=80 fn=8, whats the precision?")
clarify("Depthwise separable conv with 3x3 kernels going to 256 output channels, no bias: how many params?")
clarify("How many dot products does self-attention over 4x4 patches (stride 1) of a 3-channel image need?")
clarify("Output size of a stride-2 conv with padding 0 on a 64x64 input?")
clarify("My last conv layer has 128 filters, then I flatten and use a dense layer with 10 outputs. How many parameters in that dense layer?")

# ===== not-calculation: conceptual questions that contain numbers ==========
notcalc("why does a 1x1 conv with 64 filters change the channels but not the 28x28 size?")
notcalc("is it true that doubling the tokens from 512 to 1024 quadruples the attention cost, and why?")
notcalc("Why do people stack two 3x3 convs instead of using one 5x5 conv? Is having 18 weights instead of 25 the only reason?")
notcalc("In the example exam the largest absolute eigenvalue of W_h is about 1.15. Why does being above 1 mean the gradient explodes?")
notcalc("Why is precision more informative than accuracy when only 1% of the samples are positive?")
notcalc("What does a stride of 2 actually do to the feature map, intuitively? Why not keep stride 1 and max pool instead?")
notcalc("why do we usually use padding 1 with a 3x3 kernel? what is the point of keeping the 32x32 size?")
notcalc("Why does a depthwise separable conv need roughly 8 to 9 times fewer multiplications than a normal 3x3 conv? I don't need the number, I want to understand the idea.")
notcalc("Why do vision transformers cut a 224x224 image into 16x16 patches instead of using every pixel as a token?")
notcalc("Why are the attention scores divided by sqrt(d)? With d = 64, what's the reason for dividing by 8?")
notcalc("What is the difference between 'same' and 'valid' padding, for example with a 5x5 kernel?")
notcalc("Why doesn't an orthonormal W_h, whose eigenvalues all have modulus 1, fully fix vanishing gradients when the activation is tanh?")
notcalc("Why does a 2x2 max pooling window give some translation invariance? Would a 3x3 window give more?")
notcalc("My dataset has 5% positives. Should I report F1 or accuracy? Is an F1 of 0.6 worse than an accuracy of 0.95?")
notcalc("If 8 heads with d_model 512 cost the same as 1 head for QK^T, why do transformers bother with multi-head attention?")


# --------------------------------------------------------------------------
# Write YAML
# --------------------------------------------------------------------------
def yq(s: str) -> str:
    """YAML double-quoted scalar."""
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{s}"'


def main() -> None:
    counts: dict[str, int] = {}
    for it in ITEMS:
        counts[it["expect"]] = counts.get(it["expect"], 0) + 1
        if it["expect"] == "calculation":
            assert it["contains"] and all(it["contains"])
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"

    lines = ["# train-25: calculation tuning set, written blind to the knowledge base, the code and every other eval set"]
    for it in ITEMS:
        lines.append(f"- q: {yq(it['q'])}")
        lines.append(f"  expect: {it['expect']}")
        if "contains" in it:
            lines.append("  contains: [" + ", ".join(yq(c) for c in it["contains"]) + "]")
    with open(OUT_YAML, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    with open(OUT_YAML, encoding="utf-8") as f:
        loaded = yaml.safe_load(f)
    assert loaded == ITEMS, "YAML round-trip mismatch"
    print(f"wrote {OUT_YAML}: {len(loaded)} items", counts)


if __name__ == "__main__":
    main()
