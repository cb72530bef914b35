#!/usr/bin/env python3
"""eval/train-20.yaml, a TUNING set of calculations in students' notations, incomplete ones
to ask back, and questions about the idea that hold numbers (`expect: not-calculation`).

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set). Every expected number below is computed
by the formulas in this file and asserted against a hand-worked value.

Number convention in `contains`: integers plain (no thousands separators); every
non-integer (metric ratios, spectral radii) rounded to 4 decimals with trailing zeros dropped,
as the tutor writes them ("0.875", "1.1"; the writer had "0.8750", changed when the set was
added). One item the writer expected as a calculation is the exam's own Q2 with its own
numbers, whose entry answers it: it is labelled with that entry.

    .venv/bin/python eval/train_20_values.py   # rewrites eval/train-20.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
import json
import math
import os
from collections import Counter

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-20.yaml")


# ---------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    v = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert v >= 1, "kernel does not fit"
    return v


def pool_out(n, k, s=None, p=0):
    return conv_out(n, k, k if s is None else s, p)


def same_out(n, s=1):
    return math.ceil(n / s)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True, groups=1):
    assert cin % groups == 0 and cout % groups == 0
    w = kh * kw * (cin // groups) * cout
    return w, (cout if bias else 0), w + (cout if bias else 0)


def linear_params(fin, fout, bias=True):
    w = fin * fout
    return w, (fout if bias else 0), w + (fout if bias else 0)


def spectral(mat):
    ev = np.linalg.eigvals(np.array(mat, dtype=float))
    r = float(max(abs(ev)))
    verdict = "stable" if abs(r - 1) < 1e-9 else ("explode" if r > 1 else "vanish")
    return ev, r, verdict


def attn_image(H, W, C, h, w, sh, sw):
    P = conv_out(H, h, sh) * conv_out(W, w, sw)
    dim = h * w * C
    return P, dim, P * P, P * P * dim


def attn_seq(n, d):
    return n * n, n * n * d


def metrics(tp, fp, tn, fn):
    def r(a, b):
        return None if b == 0 else a / b
    prec, rec = r(tp, tp + fp), r(tp, tp + fn)
    return dict(accuracy=r(tp + tn, tp + fp + tn + fn), precision=prec, recall=rec,
                specificity=r(tn, tn + fp), f1=r(2 * tp, 2 * tp + fp + fn))


def fmt(x):
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    assert x is not None
    return f"{x:.4f}".rstrip("0").rstrip(".")


items = []


def calc(q, nums):
    items.append(("calculation", q, [fmt(v) for v in nums]))


def clarify(q):
    items.append(("clarify", q, None))


def concept(q):
    items.append(("not-calculation", q, None))


# =================================================================== CONV SIZES
# 1 ResNet conv1: (224+6-6-1)//2+1 = 112
v = conv_out(224, 7, 2, 3); assert v == 112
calc("What's the output size of nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) applied to a 224x224 image?", [v])

# 2 Keras same, stride 2: ceil(128/2) = 64
v = same_out(128, 2); assert v == 64
calc("Conv2D(32, (3,3), strides=2, padding=\"same\", input_shape=(128,128,3)) -- what shape comes out of this layer?", [v])

# 3 32-5+1 = 28
v = conv_out(32, 5); assert v == 28
calc("input 32x32, k5 s1 p0, output size?", [v])

# 4 batch 16 is a stray number: (224-3)//2+1 = 110+1 = 111
v = conv_out(224, 3, 2); assert v == 111
calc("I have x = torch.randn(16, 3, 224, 224) going through nn.Conv2d(3, 32, 3, stride=2). What are H and W after the conv?", [v])

# 5 (64+2-3)//2+1 = 31+1 = 32
v = conv_out(64, 3, 2, 1); assert v == 32
calc("H=W=64, conv k3s2p1 -> ? spatial size", [v])

# 6 non-square 480x640, k3 s2 p1: 240 x 320
a, b = conv_out(480, 3, 2, 1), conv_out(640, 3, 2, 1); assert (a, b) == (240, 320)
calc("my feature map is 480 x 640 (height x width). after a conv with 3x3 kernel, stride 2, padding 1, what's the output size?", [a, b])

# 7 dilation 2: 32 - 2*2 - 1 + 1 = 28
v = conv_out(32, 3, 1, 0, 2); assert v == 28
calc("nn.Conv2d(64, 64, kernel_size=3, dilation=2) on a 32x32 input -- output size?", [v])

# 8 dilation 4 with padding 4: 56+8-8-1+1 = 56
v = conv_out(56, 3, 1, 4, 4); assert v == 56
calc("dilated conv: kernel 3, dilation rate 4, padding 4, stride 1, input is 56 by 56. what size is the output feature map", [v])

# 9 maxpool 2 (stride defaults to 2): 14
v = pool_out(28, 2); assert v == 14
calc("2x2 max pool on a 28x28 feature map, what size comes out?", [v])

# 10 (55-3)//2+1 = 27
v = pool_out(55, 3, 2); assert v == 27
calc("nn.MaxPool2d(3, stride=2) on a 55x55x96 tensor, what's the output height/width?", [v])

# 11 (112+2-3)//2+1 = 55+1 = 56
v = pool_out(112, 3, 2, 1); assert v == 56
calc("MaxPool2d(kernel_size=3, stride=2, padding=1) right after a 112x112 map gives what size?", [v])

# 12 Keras pooling, valid, stride = pool size: (75-2)//2+1 = 37
v = pool_out(75, 2); assert v == 37
calc("keras MaxPooling2D(pool_size=(2,2)) on an input of 75x75 pixels, output size? (odd number so im confused)", [v])

# 13 same, stride 2, odd input: ceil(75/2) = 38
v = same_out(75, 2); assert v == 38
calc("Conv2D(32, 3, strides=2, padding='same') on a 75x75x3 input. what's the output H and W?", [v])

# 14 same, stride 3, non-square: ceil(100/3)=34, ceil(150/3)=50
a, b = same_out(100, 3), same_out(150, 3); assert (a, b) == (34, 50)
calc("TF conv with 5x5 kernel, strides=3 and padding=\"same\", input_shape=(100, 150, 3). output spatial dims?", [a, b])

# 15 transposed: (16-1)*2 - 2 + 3 + 1 = 32
v = tconv_out(16, 4, 2, 1); assert v == 32
calc("nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1) on a 16x16 input. output size?", [v])

# 16 transposed + output_padding: 6*2 - 2 + 2 + 1 + 1 = 14
v = tconv_out(7, 3, 2, 1, 1, 1); assert v == 14
calc("decoder layer: ConvTranspose2d(128, 64, 3, stride=2, padding=1, output_padding=1), input is 7x7. what comes out?", [v])

# 17 transposed k5 s1 p0: 23 + 4 + 1 = 28
v = tconv_out(24, 5); assert v == 28
calc("transposed convolution, kernel 5, stride 1, no padding, on a 24x24 map. output size?", [v])

# 18 LeNet: 32 -> 28 -> 14 -> 10 -> 5
s1 = conv_out(32, 5); s2 = pool_out(s1, 2); s3 = conv_out(s2, 5); s4 = pool_out(s3, 2)
assert (s1, s2, s3, s4) == (28, 14, 10, 5)
calc("LeNet style: 32x32 input -> conv 5x5 -> maxpool 2x2 -> conv 5x5 -> maxpool 2x2. what's the spatial size after each layer?", [s1, s2, s3, s4])

# 19 AlexNet: 227 -> 55 -> 27 -> 27 -> 13
s1 = conv_out(227, 11, 4); s2 = pool_out(s1, 3, 2); s3 = conv_out(s2, 5, 1, 2); s4 = pool_out(s3, 3, 2)
assert (s1, s2, s3, s4) == (55, 27, 27, 13)
calc("227x227x3 input, conv 11x11 stride 4 (96 filters), then maxpool 3x3 stride 2, then conv 5x5 pad 2 (256 filters), then maxpool 3x3 stride 2. output size after each one?", [s1, s2, s4])

# 20 ResNet stem with batch 8 stray: 224 -> 112 -> 56
s1 = conv_out(224, 7, 2, 3); s2 = pool_out(s1, 3, 2, 1); assert (s1, s2) == (112, 56)
calc("x = torch.randn(8, 3, 224, 224)\nconv1 = nn.Conv2d(3, 64, 7, 2, 3)\npool = nn.MaxPool2d(3, 2, 1)\nwhat is the shape of pool(conv1(x))?", [s1, s2])

# 21 VGG-ish: 3 blocks of (3x3 p1, 3x3 p1, pool 2): 224 -> 112 -> 56 -> 28
n = 224; seq = []
for _ in range(3):
    n = conv_out(conv_out(n, 3, 1, 1), 3, 1, 1); n = pool_out(n, 2); seq.append(n)
assert seq == [112, 56, 28]
calc("input 224x224. three blocks, each = two 3x3 convs with padding 1 and then a 2x2 max pool. what's the size after every block?", seq)

# 22 numbers in words: 28-3+1 = 26
v = conv_out(28, 3); assert v == 26
calc("if an image is twenty-eight by twenty-eight pixels and the filter is three by three with stride one and no padding how big is the output", [v])

# 23 stray epochs/lr/batch: (28+4-5)//2+1 = 13+1 = 14
v = conv_out(28, 5, 2, 2); assert v == 14
calc("ok so i trained for 50 epochs with lr 0.01 and batch size 64, anyway my first layer is Conv2d(1, 16, kernel_size=5, stride=2, padding=2) on MNIST 28x28 images. whats the output size", [v])

# 24 typos: (57+2-3)//2+1 = 28+1 = 29
v = conv_out(57, 3, 2, 1); assert v == 29
calc("whats teh output size if i do a 3x3 conv stirde 2 pading 1 on a 57x57 imput", [v])

# 25 pair kernel/stride/padding, NCHW input: H (40+2-3)//1+1 = 40, W (60+4-5)//2+1 = 29+1 = 30
a, b = conv_out(40, 3, 1, 1), conv_out(60, 5, 2, 2); assert (a, b) == (40, 30)
calc("nn.Conv2d(16, 32, kernel_size=(3,5), stride=(1,2), padding=(1,2)) and the input is (N, 16, 40, 60). output H, W?", [a, b])

# 26 seed Q1 with numbers: (33+4-5)//2+1 = 16+1 = 17
v = conv_out(33, 5, 2, 2); assert v == 17
calc("Like Q1 but with numbers: M = N = 33, filter m = n = 5, stride = 2, zero padding of 2 on each side. output image size?", [v])

# 27 stack, non-square: 256x128 -> (k3 s1 p1) 256x128 -> pool2 128x64 -> (k3 s2) 63x31
h = conv_out(pool_out(conv_out(256, 3, 1, 1), 2), 3, 2)
w = conv_out(pool_out(conv_out(128, 3, 1, 1), 2), 3, 2)
assert (h, w) == (63, 31)
calc("input is 256 (H) x 128 (W). layers: conv k3 s1 p1, then maxpool 2, then conv k3 s2 p0. final H x W?", [h, w])

# 28 Conv1d, one axis: (100-7)//3+1 = 31+1 = 32
v = conv_out(100, 7, 3); assert v == 32
calc("nn.Conv1d(8, 16, kernel_size=7, stride=3) on a sequence of length 100, what's the output length?", [v])

# 29 Keras default valid, non-square: (64-5)//2+1 = 30, (96-5)//2+1 = 46
a, b = conv_out(64, 5, 2), conv_out(96, 5, 2); assert (a, b) == (30, 46)
calc("Conv2D(16, kernel_size=(5,5), strides=(2,2), input_shape=(64, 96, 3)) (default padding). output shape?", [a, b])

# 30 transposed stack: 8 -> 16 -> 32 -> 64
n = 8; seq = []
for _ in range(3):
    n = tconv_out(n, 4, 2, 1); seq.append(n)
assert seq == [16, 32, 64]
calc("DCGAN generator upsampling: start from 8x8, then three ConvTranspose2d layers each with kernel_size=4, stride=2, padding=1. size after each?", seq)

# 31 avg pool non-square, stride = kernel: (30-4)//4+1 = 7, (22-4)//4+1 = 5
a, b = pool_out(30, 4), pool_out(22, 4); assert (a, b) == (7, 5)
calc("nn.AvgPool2d(kernel_size=4) on a feature map of height 30 and width 22 -- output size?", [a, b])

# ============================================================= PARAMETER COUNTS
# P1 seed Q2: 3*3*32 = 288 weights + 1 bias = 289
w, bb, t = conv_params(3, 3, 32, 1); assert (w, t) == (288, 289)
# the exam's Q2 with its own numbers: its entry answers it (288 weights, 289 with the bias)
assert (w, t) == (288, 289)
items.append(("conv-filter-parameter-count", "If the input image has size 256x256x32, how many parameters are in a single 3x3 conv filter, including the bias?", None))

# P2 7*7*3*64 = 9408 + 64 = 9472
w, bb, t = conv_params(7, 7, 3, 64); assert (w, t) == (9408, 9472)
calc("how many params does nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) have?", [w, t])

# P3 no bias: 9*64*128 = 73728
w, bb, t = conv_params(3, 3, 64, 128, bias=False); assert t == 73728
calc("param count of nn.Conv2d(64, 128, 3, padding=1, bias=False)?", [t])

# P4 Keras 3*3*1*32 = 288 + 32 = 320
w, bb, t = conv_params(3, 3, 1, 32); assert (w, t) == (288, 320)
calc("Conv2D(32, (3,3), input_shape=(28,28,1)) -- how many trainable params will model.summary() show?", [t])

# P5 1x1: 256*64 = 16384 + 64 = 16448
w, bb, t = conv_params(1, 1, 256, 64); assert (w, t) == (16384, 16448)
calc("1x1 conv 256->64 ch, with bias. number of parameters?", [w, t])

# P6 25*32*64 = 51200 + 64 = 51264
w, bb, t = conv_params(5, 5, 32, 64); assert (w, t) == (51200, 51264)
calc("conv layer: kernel 5x5, C_in=32, C_out=64, with bias. how many learnable parameters?", [t])

# P7 non-square kernel: 1*7*16*32 = 3584 + 32 = 3616
w, bb, t = conv_params(1, 7, 16, 32); assert (w, t) == (3584, 3616)
calc("nn.Conv2d(16, 32, kernel_size=(1,7)) params??", [t])

# P8 depthwise with bias: 3*3*1*32 = 288 + 32 = 320
w, bb, t = conv_params(3, 3, 32, 32, groups=32); assert (w, t) == (288, 320)
calc("how many parameters in nn.Conv2d(32, 32, kernel_size=3, groups=32)?", [t])

# P9 depthwise no bias: 9*128 = 1152
w, bb, t = conv_params(3, 3, 128, 128, bias=False, groups=128); assert t == 1152
calc("depthwise 3x3 conv on 128 channels, no bias. how many weights?", [t])

# P10 grouped: 3*3*(64/4)*128 = 18432 + 128 = 18560
w, bb, t = conv_params(3, 3, 64, 128, groups=4); assert (w, t) == (18432, 18560)
calc("nn.Conv2d(64, 128, kernel_size=3, groups=4) -- param count?", [w, t])

# P11 ResNeXt grouped no bias: 9*(128/32)*128 = 4608
w, bb, t = conv_params(3, 3, 128, 128, bias=False, groups=32); assert t == 4608
calc("ResNeXt-style grouped conv: 3x3, 128 in, 128 out, cardinality 32 groups, bias=False. how many params?", [t])

# P12 separable with biases: dw 576+64 = 640, pw 8192+128 = 8320, total 8960
_, _, dw = conv_params(3, 3, 64, 64, groups=64); _, _, pw = conv_params(1, 1, 64, 128)
assert (dw, pw, dw + pw) == (640, 8320, 8960)
calc("depthwise-separable conv: 3x3 depthwise on 64 channels followed by a 1x1 pointwise conv to 128 channels, both with bias. total params?", [dw, pw, dw + pw])

# P13 separable no bias: 9*32 = 288 + 32*64 = 2048 -> 2336
_, _, dw = conv_params(3, 3, 32, 32, bias=False, groups=32); _, _, pw = conv_params(1, 1, 32, 64, bias=False)
assert (dw, pw, dw + pw) == (288, 2048, 2336)
calc("MobileNet block: depthwise 3x3 then pointwise 1x1, 32 in -> 64 out, bias=False everywhere (BN follows). how many conv params?", [dw, pw, dw + pw])

# P14 Linear 784*128 = 100352 + 128 = 100480
w, bb, t = linear_params(784, 128); assert (w, t) == (100352, 100480)
calc("how many parameters in nn.Linear(784, 128)?", [t])

# P15 Linear no bias 512*10 = 5120
w, bb, t = linear_params(512, 10, bias=False); assert t == 5120
calc("nn.Linear(512, 10, bias=False) number of params", [t])

# P16 Dense after Flatten of 7x7x64: 3136*10 = 31360 + 10 = 31370
fin = 7 * 7 * 64; w, bb, t = linear_params(fin, 10); assert (fin, t) == (3136, 31370)
calc("keras: Flatten() on a 7x7x64 feature map then Dense(10). how many params does the Dense layer have?", [fin, t])

# P17 stray epoch/batch/lr: 9*128*256 = 294912 + 256 = 295168
w, bb, t = conv_params(3, 3, 128, 256); assert (w, t) == (294912, 295168)
calc("I'm on epoch 30, batch 128 and lr is 3e-4 lol. the layer is Conv2d(in_channels=128, out_channels=256, kernel_size=3, stride=2, padding=1). param count?", [t])

# P18 words: 9*3*64 = 1728 + 64 = 1792
w, bb, t = conv_params(3, 3, 3, 64); assert (w, t) == (1728, 1792)
calc("a conv layer with sixty-four 3 by 3 filters on an RGB input image, how many weights and biases in total?", [w, t])

# P19 two 3x3 (64->64->64) vs one 5x5 (64->64), with bias
_, _, one3 = conv_params(3, 3, 64, 64); _, _, one5 = conv_params(5, 5, 64, 64)
assert (one3, 2 * one3, one5) == (36928, 73856, 102464)
calc("compare param counts: two stacked 3x3 convs 64->64->64 (with bias) vs a single 5x5 conv 64->64 (with bias)", [2 * one3, one5])

# P20 1x1 no bias: 256*512 = 131072
w, bb, t = conv_params(1, 1, 256, 512, bias=False); assert t == 131072
calc("Conv2d(256, 512, kernel_size=1, bias=False) how many params", [t])

# P21 11*11*3*16 = 5808 + 16 = 5824
w, bb, t = conv_params(11, 11, 3, 16); assert (w, t) == (5808, 5824)
calc("C_in = 3, C_out = 16, k = 11. how many learnable params (with biases) in this conv layer?", [t])

# ================================================================= RNN MATRICES
# R1 seed Q9 matrix: spectral radius ~ 1.15 (A9) -> explode
M = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]
ev, r, vd = spectral(M); assert abs(r - 1.15) < 0.01 and vd == "explode"
calc("Q9: W_h = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]], identity activation. does the gradient vanish or explode as T -> infinity?", [r])

# R2 trace 0.9, det 0.18 -> 0.6, 0.3 -> vanish
M = [[0.5, 0.1], [0.2, 0.4]]
ev, r, vd = spectral(M); assert abs(r - 0.6) < 1e-12 and vd == "vanish"
assert sorted(np.round(ev.real, 10)) == [0.3, 0.6]
calc("W = [[0.5, 0.1],[0.2, 0.4]] is my recurrent matrix (linear RNN). vanishing or exploding?", [r])

# R3 diagonal -> 1.2 explode
M = [[1.2, 0.0], [0.0, 0.7]]
ev, r, vd = spectral(M); assert abs(r - 1.2) < 1e-12 and vd == "explode"
calc("W_h = np.array([[1.2, 0.0], [0.0, 0.7]]) -- with no nonlinearity will the gradients explode or vanish for long sequences?", [r])

# R4 complex eigenvalues +-1.1i -> radius 1.1 explode
M = [[0.0, -1.1], [1.1, 0.0]]
ev, r, vd = spectral(M); assert abs(r - 1.1) < 1e-12 and vd == "explode"
calc("W_hh = torch.tensor([[0., -1.1], [1.1, 0.]])\nwhat are the eigenvalues and is this RNN going to have exploding gradients?", [r])

# R5 0.6 +- 0.6i -> |lambda| = 0.6*sqrt(2) = 0.848528 -> vanish
M = [[0.6, -0.6], [0.6, 0.6]]
ev, r, vd = spectral(M); assert abs(r - 0.6 * math.sqrt(2)) < 1e-12 and vd == "vanish"
calc("recurrent weights W = [[0.6, -0.6], [0.6, 0.6]], identity activation. spectral radius and verdict pls", [r])

# R6 upper triangular: eigenvalues are the diagonal 0.9, 0.5, 0.3 -> vanish despite big entries
M = [[0.9, 2.0, 3.0], [0.0, 0.5, 1.0], [0.0, 0.0, 0.3]]
ev, r, vd = spectral(M); assert abs(r - 0.9) < 1e-12 and vd == "vanish"
calc("W_h = [[0.9, 2, 3], [0, 0.5, 1], [0, 0, 0.3]] has entries bigger than 1, so does that mean the gradient explodes? linear RNN", [r])

# R7 symmetric: 1 +- 0.5 -> 1.5 explode
M = [[1.0, 0.5], [0.5, 1.0]]
ev, r, vd = spectral(M); assert abs(r - 1.5) < 1e-12 and vd == "explode"
calc("eigenvalues of W_h = [[1, 0.5], [0.5, 1]]? and does the gradient blow up for T=1000 steps?", [r])

# R8 MATLAB notation: 0.3 +- 0.8 -> 1.1, -0.5 -> explode
M = [[0.3, 0.8], [0.8, 0.3]]
ev, r, vd = spectral(M); assert abs(r - 1.1) < 1e-12 and vd == "explode"
calc("W_h = [0.3 0.8; 0.8 0.3] (matlab notation). vanish or explode with the identity activation?", [r])

# R9 permutation (orthogonal): eigenvalues +-1 -> radius 1 -> stable
M = [[0, 1], [1, 0]]
ev, r, vd = spectral(M); assert abs(r - 1.0) < 1e-12 and vd == "stable"
calc("what happens to the gradient if W_h = [[0, 1], [1, 0]]? linear RNN, long sequence", [r])

# ============================================================ ATTENTION COSTS
# A1 32x32x3, 4x4 stride 4: 8*8 = 64 patches, dim 48, 4096, 196608
P, dim, dp, mac = attn_image(32, 32, 3, 4, 4, 4, 4); assert (P, dim, dp, mac) == (64, 48, 4096, 196608)
calc("self-attention over non-overlapping 4x4 patches (stride 4) of a 32x32x3 image: number of patches, token dim, and multiply-adds for QK^T?", [P, dim, dp, mac])

# A2 seed Q11 numbers: H=W=8, C=3, h=w=3, stride 1: 36, 27, 1296, 34992
P, dim, dp, mac = attn_image(8, 8, 3, 3, 3, 1, 1); assert (P, dim, dp, mac) == (36, 27, 1296, 34992)
calc("Q11 with numbers: H = W = 8, C = 3, patches h = w = 3, overlapping with stride 1, no padding. how many dot products and MACs for self-attention?", [P, dim, dp, mac])

# A3 ViT: 14*14 = 196, 768, 38416, 29503488
P, dim, dp, mac = attn_image(224, 224, 3, 16, 16, 16, 16); assert (P, dim, dp, mac) == (196, 768, 38416, 29503488)
calc("ViT on a 224x224x3 image with 16x16 patches, stride 16. how many tokens, and how many multiply-adds for Q K^T (single head, identity projections)?", [P, dim, dp, mac])

# A4 non-square: H=10, W=12, C=1, 3x3 stride 1: 8*10 = 80, 9, 6400, 57600
P, dim, dp, mac = attn_image(10, 12, 1, 3, 3, 1, 1); assert (P, dim, dp, mac) == (80, 9, 6400, 57600)
calc("image H=10, W=12, C=1. 3x3 patches with stride 1. cost of the self-attention dot products?", [P, dim, dp, mac])

# A5 64x64 RGB, 8x8 patches stride 4: 15*15 = 225, 192, 50625, 9720000
P, dim, dp, mac = attn_image(64, 64, 3, 8, 8, 4, 4); assert (P, dim, dp, mac) == (225, 192, 50625, 9720000)
calc("64x64 RGB image cut into overlapping 8x8 patches with stride 4. how many patches and how many MACs for the attention scores?", [P, dim, dp, mac])

# A6 sequence: 512^2 = 262144, *64 = 16777216
dp, mac = attn_seq(512, 64); assert (dp, mac) == (262144, 16777216)
calc("sequence of 512 tokens, d_model = 64. how many dot products / multiply-adds to compute QK^T?", [dp, mac])

# A7 sequence: 1000^2 = 1000000, *768 = 768000000
dp, mac = attn_seq(1000, 768); assert (dp, mac) == (1000000, 768000000)
calc("for n=1000 tokens each of dimension 768, how many attention scores are there and how many MACs for Q K^T?", [dp, mac])

# A8 28x28 grayscale, 7x7 patches stride 7: 16, 49, 256, 12544
P, dim, dp, mac = attn_image(28, 28, 1, 7, 7, 7, 7); assert (P, dim, dp, mac) == (16, 49, 256, 12544)
calc("MNIST 28x28 grayscale (C=1), split into 7x7 patches with stride 7. number of patches, dot products, and MACs for self-attention?", [P, dim, dp, mac])

# A9 batch 32 stray: 96x96x3, patch 12 stride 12: 64, 432, 4096, 1769472
P, dim, dp, mac = attn_image(96, 96, 3, 12, 12, 12, 12); assert (P, dim, dp, mac) == (64, 432, 4096, 1769472)
calc("batch of 32 images, each 96x96x3, patch size 12 with stride 12. per image, how many patches and multiply-adds does QK^T cost?", [P, dim, dp, mac])

# ==================================================================== METRICS
# M1 TP90 FP10 TN85 FN15: acc 175/200 = .875, prec .9, rec 90/105 = .857142
m = metrics(90, 10, 85, 15)
assert (m["accuracy"], m["precision"]) == (0.875, 0.9) and abs(m["recall"] - 6 / 7) < 1e-12
calc("my classifier got 90 true positives, 10 false positives, 85 true negatives and 15 false negatives. accuracy, precision, recall?", [m["accuracy"], m["precision"], m["recall"]])

# M2 table rows actual, cols predicted: TP50 FN10 FP5 TN35 -> F1 = 100/115
m = metrics(50, 5, 35, 10)
assert abs(m["precision"] - 50 / 55) < 1e-12 and abs(m["recall"] - 50 / 60) < 1e-12 and abs(m["f1"] - 100 / 115) < 1e-12
calc("confusion matrix:\n            pred +   pred -\nactual +      50       10\nactual -       5       35\nwhat's the precision, recall and F1?", [m["precision"], m["recall"], m["f1"]])

# M3 TP30 FP20 TN940 FN10: acc .97, prec .6, rec .75, f1 60/90
m = metrics(30, 20, 940, 10)
assert (m["accuracy"], m["precision"], m["recall"]) == (0.97, 0.6, 0.75) and abs(m["f1"] - 2 / 3) < 1e-12
calc("TP=30, FP=20, TN=940, FN=10 -- accuracy looks great but what are precision, recall and F1?", [m["accuracy"], m["precision"], m["recall"], m["f1"]])

# M4 tp45 fp5 tn40 fn10: spec 40/45, sens 45/55
m = metrics(45, 5, 40, 10)
assert abs(m["specificity"] - 8 / 9) < 1e-12 and abs(m["recall"] - 9 / 11) < 1e-12
calc("tp 45 fp 5 tn 40 fn 10, whats the specificity and sensitivity", [m["specificity"], m["recall"]])

# M5 sklearn layout [[TN, FP], [FN, TP]] = [[50, 10], [5, 35]]: TN50 FP10 FN5 TP35
m = metrics(35, 10, 50, 5)
assert m["accuracy"] == 0.85 and abs(m["precision"] - 35 / 45) < 1e-12 and m["recall"] == 0.875
calc("sklearn's confusion_matrix (so [[TN, FP], [FN, TP]]) gave me [[50, 10], [5, 35]]. accuracy, precision and recall?", [m["accuracy"], m["precision"], m["recall"]])

# M6 all-negative predictor: TP0 FP0 TN95 FN5: acc .95, precision undefined, recall 0, spec 1
m = metrics(0, 0, 95, 5)
assert m["accuracy"] == 0.95 and m["precision"] is None and m["recall"] == 0.0 and m["specificity"] == 1.0
calc("my model predicts everything as negative: TP=0, FP=0, TN=95, FN=5. accuracy, precision, recall, specificity?", [m["accuracy"], m["recall"], m["specificity"]])

# M7 words: TP42 FP8 TN35 FN15: acc .77, prec .84, rec 42/57, f1 84/107
m = metrics(42, 8, 35, 15)
assert (m["accuracy"], m["precision"]) == (0.77, 0.84) and abs(m["recall"] - 42 / 57) < 1e-12 and abs(m["f1"] - 84 / 107) < 1e-12
calc("forty-two true positives, eight false positives, thirty-five true negatives and fifteen false negatives. accuracy, precision, recall and F1 please", [m["accuracy"], m["precision"], m["recall"], m["f1"]])

# M8 rare disease: TP18 FN2 FP180 TN1800: prec 18/198, rec .9, spec 1800/1980
m = metrics(18, 180, 1800, 2)
assert abs(m["precision"] - 1 / 11) < 1e-12 and m["recall"] == 0.9 and abs(m["specificity"] - 10 / 11) < 1e-12
calc("medical test results: TP 18, FN 2, FP 180, TN 1800. what's the precision, recall and specificity?", [m["precision"], m["recall"], m["specificity"]])

# M9 stray epoch/threshold: TP120 FP30 TN330 FN20: all five
m = metrics(120, 30, 330, 20)
assert (m["accuracy"], m["precision"]) == (0.9, 0.8) and abs(m["recall"] - 6 / 7) < 1e-12
assert abs(m["specificity"] - 11 / 12) < 1e-12 and abs(m["f1"] - 240 / 290) < 1e-12
calc("epoch 12, threshold 0.5 on the validation set: TP=120 FP=30 TN=330 FN=20. all the metrics pls (acc, precision, recall, specificity, f1)", [m["accuracy"], m["precision"], m["recall"], m["specificity"], m["f1"]])

# M10 markdown table, cat = positive: TP70 FN30 FP20 TN80
m = metrics(70, 20, 80, 30)
assert m["accuracy"] == 0.75 and abs(m["precision"] - 7 / 9) < 1e-12 and m["recall"] == 0.7 and abs(m["f1"] - 140 / 190) < 1e-12
calc("cat = positive class.\n| | predicted cat | predicted dog |\n| actual cat | 70 | 30 |\n| actual dog | 20 | 80 |\naccuracy, precision, recall, F1?", [m["accuracy"], m["precision"], m["recall"], m["f1"]])

# =================================================================== CLARIFY
clarify("What's the output size of a 3x3 conv with stride 2 and padding 1?")
clarify("nn.Conv2d(3, 64, kernel_size=3, stride=2) what's the output shape?")
clarify("input is 64x64, stride 2, padding 1. what's the output size of the conv?")
clarify("how many parameters does a 3x3 conv layer with 128 filters have?")
clarify("how many params in a Conv2d with 64 in channels and 128 out channels?")
clarify("number of params of an nn.Linear with 10 outputs?")
clarify("what's the accuracy if TP=40, FP=10 and FN=5?")
clarify("compute the F1 score for my model pls, the precision is pretty high")
clarify("is my RNN going to have exploding gradients? W_h is 3x3 with entries around 0.5")
clarify("can you compute the spectral radius of my recurrent weight matrix?")
clarify("how many dot products for self-attention over 4x4 patches with stride 1?")
clarify("what's the cost of Q K^T in self-attention with d = 64?")
clarify("after a max pool with kernel 2, what size do I get?")
clarify("output size of ConvTranspose2d(64, 32, 4, stride=2, padding=1)?")
clarify("I stack three conv layers, each 3x3 with stride 2, on my image. what's the final size?")
clarify("Keras Conv2D(32, (3,3), strides=2, padding='same') output shape?")
clarify("what's the precision? I got 30 false positives")
clarify("How many MACs does self-attention need on a 32x32 image with 4x4 patches, stride 4?")
clarify("whats the output size for an input of 28x28 with one conv layer with stride 1")
clarify("how many params in a depthwise separable conv, 3x3, with 64 output channels?")
clarify("calculate the number of patches for my ViT, patch size 16, stride 16")

# =========================================================== NOT-CALCULATION
concept("why is the output of a stride-2 conv about half the size of the input?")
concept("what does the 3 in a 3x3 kernel mean?")
concept("in Q1, why is it floor and not ceil?")
concept("why is there a +1 in the formula floor((n + 2p - k)/s) + 1?")
concept("why do people use 1x1 convolutions if the kernel only looks at 1 pixel?")
concept("what's the difference between padding='same' and padding='valid' in Keras?")
concept("intuitively, why does a 3x3 conv with padding=1 and stride 1 keep the spatial size the same?")
concept("why does VGG use stacks of 3x3 convs instead of one 7x7 conv?")
concept("In A2, why is there only 1 bias among the 289 parameters and not 32?")
concept("why does the bias add C_out parameters and not C_in?")
concept("why is a 3x3 depthwise + 1x1 pointwise conv cheaper than a regular 3x3 conv?")
concept("In A9, why does a largest eigenvalue of 1.15 > 1 mean that the gradient explodes?")
concept("why does it matter in Q9 that sigma is the identity activation?")
concept("if the spectral radius of W_h is exactly 1, are we safe from vanishing gradients when using tanh?")
concept("why is self-attention O(n^2) in the sequence length n?")
concept("In A11, where does the square in (H-h+1)^2 (W-w+1)^2 whC come from?")
concept("what's the difference between precision and recall? is a precision of 0.9 good?")
concept("my accuracy is 99% but 99% of my dataset is negatives -- why is accuracy misleading here?")
concept("when should I report F1 instead of accuracy, e.g. with a 1:100 class imbalance?")
concept("what does output_padding=1 actually do in ConvTranspose2d?")
concept("why does dilation=2 increase the receptive field without adding parameters?")
concept("does the batch size (say 32 vs 64) change the number of parameters in a conv layer?")
concept("Q3: why is 2x2 max pooling with stride 2 used so often in CNNs?")
concept("Q10 option 1: why does truncated BPTT help with exploding gradients?")
concept("why do ViTs use 16x16 patches instead of treating every pixel as a token?")
concept("is the attention matrix softmax(QK^T / sqrt(d)) symmetric?")
concept("what does the C in H x W x C stand for?")


# ===================================================================== WRITE
def q(s):
    return json.dumps(s, ensure_ascii=False)


lines = [
    "# train-20: calculation tuning set, written blind to the knowledge base, the code and every other eval set",
    "# Generated by eval/train_20_values.py (every expected number is computed and asserted there).",
    "# expect: calculation | clarify | not-calculation (a question about the idea: never computed) | an entry id",
    "# contains: the key numbers the reply must contain. Integers plain (no thousands separators);",
    "#   non-integers (metric ratios, spectral radii) to 4 decimals, trailing zeros dropped, e.g. \"0.875\".",
    "",
]
for kind, text, nums in items:
    assert "\n" not in q(text)
    lines.append(f"- q: {q(text)}")
    lines.append(f"  expect: {kind}")
    if nums is not None:
        lines.append(f"  contains: {json.dumps(nums)}")
with open(OUT, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

print(Counter(k for k, _, _ in items), len(items))
