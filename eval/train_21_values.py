#!/usr/bin/env python3
"""eval/train-21.yaml: a blind calculation TUNING set.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set). Every expected number is computed here from
the course formulas and asserted against a value worked out by hand. Running this file writes
train-21.yaml next to it.

One item changed when the set was added: the writer was asked to state every patch stride, and
made "number of patches and attention cost for a 224x224x3 image with 16x16 patches" an
incomplete one (no stride); the tutor works out both readings when no stride is named (the
course's stride 1 and non-overlapping patches), so it is a calculation expecting both counts.

    .venv/bin/python eval/train_21_values.py   # rewrites eval/train-21.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
import json
import math
import os
from fractions import Fraction

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "train-21.yaml")
HEADER = "# train-21: calculation tuning set, written blind to the knowledge base, the code and every other eval set\n"

ITEMS = []


# ---------------------------------------------------------------- formatting
def fmt(x):
    """Integers plain; non-integers rounded to 4 decimals, trailing zeros dropped."""
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        x = float(x)
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    scaled = x * 1e4
    frac = scaled - math.floor(scaled)
    assert abs(frac - 0.5) > 1e-6, f"rounding tie for {x}"
    s = f"{round(x, 4):.4f}".rstrip("0").rstrip(".")
    return s


def close(a, b, tol=5e-5):
    return abs(float(a) - float(b)) < tol


# ---------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    if p == "same":
        return math.ceil(n / s)
    if p == "valid":
        p = 0
    eff = n + 2 * p - d * (k - 1) - 1
    assert eff >= 0, "kernel does not fit"
    return eff // s + 1


def pool_out(n, k, s=None, p=0):
    return conv_out(n, k, k if s is None else s, p)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True, groups=1):
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def linear_params(fin, fout, bias=True):
    return fin * fout + (fout if bias else 0)


def spectral_radius(m):
    return float(max(abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def n_patches(H, W, h, w, sh, sw):
    return ((H - h) // sh + 1) * ((W - w) // sw + 1)


def img_attention(H, W, C, h, w, sh, sw):
    P = n_patches(H, W, h, w, sh, sw)
    dim = h * w * C
    return P, P * P, P * P * dim


def seq_attention(n, d):
    return n * n, n * n * d


def metrics(tp, fp, tn, fn):
    F = Fraction
    tot = tp + fp + tn + fn
    acc = F(tp + tn, tot)
    prec = F(tp, tp + fp) if tp + fp else None
    rec = F(tp, tp + fn) if tp + fn else None
    spec = F(tn, tn + fp) if tn + fp else None
    f1 = F(2 * tp, 2 * tp + fp + fn) if (2 * tp + fp + fn) else None
    return dict(accuracy=acc, precision=prec, recall=rec, specificity=spec, f1=f1)


# ---------------------------------------------------------------- item builders
def calc(q, computed, hand):
    assert len(computed) == len(hand), q
    for c, h in zip(computed, hand, strict=True):
        if isinstance(h, int):
            assert int(c) == c and int(c) == h, (q, c, h)
        else:
            assert close(c, h), (q, c, h)
    ITEMS.append({"q": q, "expect": "calculation", "contains": [fmt(c) for c in computed]})


def met(q, counts, keys, hand):
    m = metrics(*counts)
    calc(q, [m[k] for k in keys], hand)


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def idea(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ================================================================ CONV SIZES
calc("hey quick one, a 32x32 grayscale img goes thru a 5x5 conv, stride 1, no padding. what size comes out?",
     [conv_out(32, 5)], [28])

calc("resnet-ish stem: 224x224x3 input, conv 7x7 with stride 2 and pad 3. what's the output spatial size pls",
     [conv_out(224, 7, 2, 3)], [112])  # (224+6-7)//2+1 = 111+1

calc("x = torch.randn(16, 3, 128, 128)  # batch of 16\nconv = nn.Conv2d(3, 48, kernel_size=3, stride=2, padding=1)\nwhat is conv(x).shape? mostly confused about H and W",
     [conv_out(128, 3, 2, 1)], [64])  # 127//2+1

calc("keras: Conv2D(32, (3, 3), strides=2, padding='same') applied to a 75x75x1 input. output height / width?",
     [conv_out(75, 3, 2, "same")], [38])  # ceil(37.5)

calc("dilated conv q: input 64x64, kernel 3x3, dilation 2, stride 1, padding 0. output??",
     [conv_out(64, 3, 1, 0, 2)], [60])  # 64-4-1+1

calc("if i use dilation=4 with a 3x3 kernel and padding 2 on a 50 px wide map (stride 1), how wide is the output",
     [conv_out(50, 3, 1, 2, 4)], [46])  # 50+4-8-1+1

calc("alexnet style overlapping max pool: window 3, stride 2, the input map is 27x27. output size after pooling?",
     [pool_out(27, 3, 2)], [13])  # 24//2+1

calc("Got a 480x640 (H x W) frame from my webcam, running a conv with 5x5 kernel, stride 2, padding 2. output dims?",
     [conv_out(480, 5, 2, 2), conv_out(640, 5, 2, 2)], [240, 320])  # 479//2+1, 639//2+1

calc("non square everything: input is 100 high and 60 wide, kernel_size=(3,5), stride=2, padding=(1,2). what are the output H and W",
     [conv_out(100, 3, 2, 1), conv_out(60, 5, 2, 2)], [50, 30])  # 99//2+1, 59//2+1

calc("nn.ConvTranspose2d(64, 8, kernel_size=4, stride=2, padding=1) on a 16x16 input, what size comes out the other end?",
     [tconv_out(16, 4, 2, 1)], [32])  # 15*2-2+3+1

calc("transposed convolution: in 7x7, kernel 3, stride 2, padding 1, output_padding 1. output size?",
     [tconv_out(7, 3, 2, 1, 1, 1)], [14])  # 12-2+2+1+1

n = 32
for _ in range(3):
    n = pool_out(conv_out(n, 3, 1, 1), 2)
calc("cifar 32x32 image -> conv3x3 pad1 -> maxpool 2x2 -> conv3x3 pad1 -> maxpool 2x2 -> conv3x3 pad 1 -> maxpool 2x2. spatial size at the end? (batch size 256 btw if that matters)",
     [n], [4])

n = pool_out(conv_out(pool_out(conv_out(32, 5), 2, 2), 5), 2, 2)
calc("LeNet-5 check: 32x32 input, C1 is a 5x5 valid conv, S2 is 2x2 pooling stride 2, C3 another 5x5 valid conv, S4 2x2 pool stride 2. what's the size after S4?",
     [n], [5])  # 28 -> 14 -> 10 -> 5

calc("AlexNet conv1: 227x227x3 input, 96 kernels of 11x11, stride four, no pad. how big is each output feature map?",
     [conv_out(227, 11, 4)], [55])  # 216//4+1

a = conv_out(64, 3, 1, "valid")
b = pool_out(a, 2)
c = conv_out(b, 3, 2, "same")
calc("filling in my model.summary() by hand, what goes where the ?s are\nLayer (type)                  Output Shape\ninput_1 (InputLayer)          (None, 64, 64, 3)\nconv2d (Conv2D, 16, 3x3, valid)   (None, ?, ?, 16)\nmax_pooling2d (MaxPooling2D 2x2)  (None, ?, ?, 16)\nconv2d_1 (Conv2D, 32, 3x3, strides=2, same)  (None, ?, ?, 32)",
     [a, b, c], [62, 31, 16])

calc("twenty-eight by twenty-eight mnist digit, a three by three filter, stride of one and no zero padding. how big is the output map?",
     [conv_out(28, 3)], [26])

calc("nn.AvgPool2d(kernel_size=3, stride=2, padding=1) on 17x17 -> ?",
     [pool_out(17, 3, 2, 1)], [9])  # (17+2-3)//2+1

calc("nn.Conv2d(16, 32, 5, 2, 2) - positional args so that's in, out, kernel, stride, padding right? input is 40x40, whats the output",
     [conv_out(40, 5, 2, 2)], [20])  # 39//2+1

calc("layer = nn.Conv2d(8, 8, 3, 1, 0, 2)\ny = layer(torch.zeros(1, 8, 33, 33))\nwhat's y.shape[-1]?",
     [conv_out(33, 3, 1, 0, 2)], [29])  # 33-4-1+1

calc("tf.keras.layers.Conv2D(filters=64, kernel_size=3, dilation_rate=2, padding='valid') gets a (None, 30, 30, 16) tensor. output spatial size?",
     [conv_out(30, 3, 1, "valid", 2)], [26])

calc("28x28 input, 4x4 kernel, stride 3, no padding. i got 8.33 so is it 8 or 9 ??",
     [conv_out(28, 4, 3)], [9])  # 24//3+1

calc("MaxPooling2D(pool_size=(3, 3)) in keras without setting strides, input is 26x26x64. output shape?",
     [pool_out(26, 3)], [8])  # 23//3+1

calc("trained for 50 epochs at lr 0.001 with batch 128 on a 12GB GPU in 2023; the first layer takes 96x96 px input with a 3x3 conv, stride 3, no pad. output size of that layer?",
     [conv_out(96, 3, 3)], [32])  # 93//3+1

calc("padding='same', strides=2, kernel 3, input feature map 45x80 (h x w). output?",
     [conv_out(45, 3, 2, "same"), conv_out(80, 3, 2, "same")], [23, 40])

calc("my decoder starts at 7x7x64, then ConvTranspose2d(64, 32, 4, stride=2, padding=1) and then ConvTranspose2d(32, 1, 4, stride=2, padding=1). final image size?",
     [tconv_out(tconv_out(7, 4, 2, 1), 4, 2, 1)], [28])  # 7 -> 14 -> 28

n = conv_out(pool_out(conv_out(96, 3, 1, 1), 2), 3, 2)
calc("net = nn.Sequential(\n  nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),\n  nn.MaxPool2d(2),\n  nn.Conv2d(32, 64, 3, stride=2), nn.ReLU())\ninput is 1x3x96x96, what H,W come out of net?",
     [n], [23])  # 96 -> 48 -> 45//2+1

# ================================================================ PARAMETER COUNTS
calc("how many learnable params does nn.Conv2d(3, 64, 3) have?",
     [conv_params(3, 3, 3, 64)], [1792])

calc("param count for Conv2d(64, 128, kernel_size=3, bias=False)?",
     [conv_params(3, 3, 64, 128, bias=False)], [73728])

calc("depthwise conv: nn.Conv2d(32, 32, 3, groups=32), bias left on. number of params?",
     [conv_params(3, 3, 32, 32, groups=32)], [320])  # 9*1*32 + 32

calc("grouped conv, groups=4, 64 input channels, 128 output channels, 3x3 kernels, bias on. how many parameters",
     [conv_params(3, 3, 64, 128, groups=4)], [18560])  # 9*16*128 + 128

calc("depthwise separable block in pytorch: nn.Conv2d(64, 64, 3, groups=64) followed by nn.Conv2d(64, 128, 1), both with the default bias. total params?",
     [conv_params(3, 3, 64, 64, groups=64) + conv_params(1, 1, 64, 128)], [8960])  # 640 + 8320

calc("separable conv: 3x3 depthwise over 64 channels then a 1x1 pointwise to 128 channels, no bias anywhere. how many weights in total?",
     [conv_params(3, 3, 64, 64, False, 64) + conv_params(1, 1, 64, 128, False)], [8768])  # 576 + 8192

calc("I have three identical conv layers stacked, each 3x3 with 64 in and 64 out channels, biases included. total params for all three?",
     [3 * conv_params(3, 3, 64, 64)], [110784])  # 3 * 36928

calc("Flatten() after a 7x7x64 feature map, then Dense(10). how many params in that Dense layer?",
     [linear_params(7 * 7 * 64, 10)], [31370])

calc("nn.Linear(512, 1000) number of parameters?",
     [linear_params(512, 1000)], [513000])

calc("how many params is nn.Linear(784, 256, bias=False)",
     [linear_params(784, 256, False)], [200704])

calc("keras: model.add(Conv2D(32, (5, 5), input_shape=(28, 28, 1))) -- what number shows up in the Param # column?",
     [conv_params(5, 5, 1, 32)], [832])

calc("input is 256x256x32 and we apply 16 filters of size 5x5 (with bias). params in that layer?",
     [conv_params(5, 5, 32, 16)], [12816])

calc("factorised kernel 1x7, 128 in channels and 128 out, with bias. param count?",
     [conv_params(1, 7, 128, 128)], [114816])

calc("vgg-like head: Flatten a 4x4x512 map then Dense(4096). how many params does the dense have??",
     [linear_params(4 * 4 * 512, 4096)], [33558528])

calc("five filters each three by three on an RGB picture, bias yes. how many params total?",
     [conv_params(3, 3, 3, 5)], [140])

calc("DepthwiseConv2D(kernel_size=5, depth_multiplier=2) on a 24-channel input, use_bias left at its default (True). params?",
     [5 * 5 * 24 * 2 + 24 * 2], [1248])

calc("nn.Conv2d(96, 96, 3, groups=3, bias=False) how many weights",
     [conv_params(3, 3, 96, 96, False, 3)], [27648])  # 9*32*96

calc("four nn.Linear(128, 128) layers one after another, how many params altogether?",
     [4 * linear_params(128, 128)], [66048])

calc("conv1 = nn.Conv2d(1, 6, 5)\nconv2 = nn.Conv2d(6, 16, 5)\nparams in both conv layers together?",
     [conv_params(5, 5, 1, 6) + conv_params(5, 5, 6, 16)], [2572])  # 156 + 2416

# ================================================================ RNN SPECTRAL RADIUS
calc("W_hh = np.array([[0.5, 0.2], [0.1, 0.4]])  linear rnn, T = 1000 steps. vanish or explode?",
     [spectral_radius([[0.5, 0.2], [0.1, 0.4]])], [0.6])  # eig 0.6, 0.3

calc("W = torch.tensor([[1.2, 0.0], [0.5, 0.3]]) is the recurrent weight of my identity-activation rnn (hidden size 2, lr 0.01). will the grads blow up?",
     [spectral_radius([[1.2, 0.0], [0.5, 0.3]])], [1.2])  # triangular

calc("W = [0.9 -0.6; 0.6 0.9] (matlab notation) for h_t = W h_{t-1} + U x_t, no nonlinearity. explode or vanish as T grows?",
     [spectral_radius([[0.9, -0.6], [0.6, 0.9]])], [1.0817])  # |0.9 +- 0.6i| = sqrt(1.17)

calc("Given $W_h = \\begin{pmatrix} 0.7 & 0.3 & -0.2 \\\\ 0 & -0.9 & 0.4 \\\\ 0 & 0 & 0.5 \\end{pmatrix}$ and identity activation, does backprop through a long sequence vanish or explode?",
     [spectral_radius([[0.7, 0.3, -0.2], [0, -0.9, 0.4], [0, 0, 0.5]])], [0.9])

calc("recurrent matrix is\n1.0 0.5\n0.5 1.0\nlinear activation. what happens to gradients for really long sequences?",
     [spectral_radius([[1.0, 0.5], [0.5, 1.0]])], [1.5])  # eig 1.5, 0.5

calc("W_h = [[0, -1.1], [1.1, 0]] - the eigenvalues are imaginary here right?? does the gradient still explode in a linear rnn",
     [spectral_radius([[0, -1.1], [1.1, 0]])], [1.1])  # +-1.1i

calc("W_h =\n| 0.5 -0.5 0 |\n| 0.5 0.5 0 |\n| 0 0 0.3 |\nidentity activation, h0 = 0, 200 time steps. vanishing or exploding gradient?",
     [spectral_radius([[0.5, -0.5, 0], [0.5, 0.5, 0], [0, 0, 0.3]])], [0.7071])  # |0.5+-0.5i| = sqrt(0.5)

calc("recurrent weights with rows (-0.4, 0.9) and (0.9, -0.4), no activation fn. my prof says look at eigenvalues, so does it explode or vanish?",
     [spectral_radius([[-0.4, 0.9], [0.9, -0.4]])], [1.3])  # eig 0.5, -1.3

# ================================================================ ATTENTION COSTS
P, dots, macs = img_attention(32, 32, 3, 4, 4, 4, 4)
calc("ViT style: 32x32x3 images cut into non-overlapping 4x4 patches. with one head and identity projections how many dot products for QK^T, and how many multiply-adds?",
     [dots, macs], [4096, 196608])  # P=64, dim 48

P, dots, macs = img_attention(8, 8, 1, 3, 3, 1, 1)
calc("8x8 single-channel image, 3x3 patches with stride 1 (so overlapping, no padding). number of patches, dot products and MACs for self-attention?",
     [P, dots, macs], [36, 1296, 11664])

P, dots, macs = img_attention(224, 224, 3, 16, 16, 16, 16)
calc("224x224 RGB input, 16x16 patches, non-overlapping. how many tokens, and what's the QK^T cost in multiply-adds?",
     [P, macs], [196, 29503488])  # 196^2 = 38416, *768

s, m = seq_attention(512, 64)
calc("sequence of 512 tokens, d_model 64, single head: how many attention scores and how many MACs for Q K^T? (batch 32, 8 layers, ignore those)",
     [s, m], [262144, 16777216])

P, dots, macs = img_attention(10, 10, 2, 2, 2, 2, 2)
calc("10x10x2 input, 2x2 patches stride 2. patches / dot products / MACs?",
     [P, dots, macs], [25, 625, 5000])

P, dots, macs = img_attention(12, 16, 3, 4, 4, 4, 4)
calc("12x16x3 image (H=12, W=16) with 4x4 patches, non overlapping. how many patches and how many dot products + multiply adds in QK^T",
     [P, dots, macs], [12, 144, 6912])

P, dots, macs = img_attention(9, 9, 1, 3, 3, 2, 2)
calc("9x9 grayscale image, 3x3 patches taken with stride 2, identity Q/K. cost of the attention dot products?",
     [P, dots, macs], [16, 256, 2304])

s, m = seq_attention(60, 128)
calc("a sentence of sixty tokens with embedding size one hundred twenty-eight. how many scores in the attention matrix and how many MACs for computing them?",
     [s, m], [3600, 460800])

P, dots, macs = img_attention(20, 20, 4, 5, 4, 5, 4)
calc("20x20x4 image, patches 5 tall and 4 wide, stride equal to the patch size (5 down, 4 across). number of patches, dot products, MACs?",
     [P, dots, macs], [20, 400, 32000])

P, dots, macs = img_attention(64, 64, 3, 8, 8, 8, 8)
calc("64x64x3 images, 8x8 patches, stride 8, batch size 32 on a 24GB card. self-attention dot products and multiply-adds per image?",
     [dots, macs], [4096, 786432])

# ================================================================ METRICS
ALL = ["accuracy", "precision", "recall", "specificity", "f1"]

met("TP = 40, FP = 10, TN = 45, FN = 5. accuracy, precision, recall, specificity and F1 please",
    (40, 10, 45, 5), ALL, [0.85, 0.8, 0.8889, 0.8182, 0.8421])

met("tp/fp/tn/fn = 12/4/70/14 -> precision, recall and f1?",
    (12, 4, 70, 14), ["precision", "recall", "f1"], [0.75, 0.4615, 0.5714])

met("cat vs dog classifier, cat is the positive class. confusion matrix (rows = actual, cols = predicted):\n            pred cat   pred dog\nactual cat     50         10\nactual dog      5         35\ngive me all the metrics",
    (50, 5, 35, 10), ALL, [0.85, 0.9091, 0.8333, 0.875, 0.8696])

met("spam filter results, spam = positive. rows are what the model PREDICTED, columns are the TRUE label:\n                true spam   true ham\npredicted spam      90          30\npredicted ham       10         870\naccuracy, precision, recall, specificity, F1?",
    (90, 30, 870, 10), ALL, [0.96, 0.75, 0.9, 0.9667, 0.8182])

met("my covid test classifier: out of 200 patients, 30 were actually sick. the model flagged 25 of the sick ones, and it also wrongly flagged 15 of the healthy people. what are accuracy, precision and recall?",
    (25, 15, 155, 5), ["accuracy", "precision", "recall"], [0.9, 0.625, 0.8333])

met("fraud detection: 10000 transactions, 100 of them really fraudulent. the model catches 60 of the frauds (the other 40 slip through), and of the 9900 legit ones it wrongly flags 99. accuracy, precision, recall, F1?",
    (60, 99, 9801, 40), ["accuracy", "precision", "recall", "f1"], [0.9861, 0.3774, 0.6, 0.4633])

met("true positives: eight, false positives: two, true negatives: eighty, false negatives: ten. can u work out accuracy precision recall specificity and f1",
    (8, 2, 80, 10), ALL, [0.88, 0.8, 0.4444, 0.9756, 0.5714])

met("counts = {'tp': 33, 'fp': 7, 'tn': 52, 'fn': 8}\nwhat are all the usual metrics for this?",
    (33, 7, 52, 8), ALL, [0.85, 0.825, 0.8049, 0.8814, 0.8148])

met("sklearn confusion_matrix(y_true, y_pred) gave me [[50, 10], [5, 35]] with labels [0, 1] (rows = true label, cols = predicted, 1 is positive). precision and recall for class 1?",
    (35, 10, 50, 5), ["precision", "recall"], [0.7778, 0.875])

met("model that never predicts positive lol: tp 0, fp 0, tn 90, fn 10. whats the accuracy and the rest of the metrics",
    (0, 0, 90, 10), ["accuracy"], [0.9])

met("dog detector, dog is the positive class. 120 photos: 70 dogs and 50 not-dogs. it said 'dog' for 63 of the dog photos and for 5 of the non-dog photos. precision, recall and F1?",
    (63, 5, 45, 7), ["precision", "recall", "f1"], [0.9265, 0.9, 0.913])

met("tp=45 fp=15 fn=5 tn=35, whats the f1",
    (45, 15, 35, 5), ["f1"], [0.8182])

met("| | predicted negative | predicted positive |\n|---|---|---|\n| actual positive | 12 | 88 |\n| actual negative | 95 | 5 |\ncompute accuracy, precision, recall, specificity, F1",
    (88, 5, 95, 12), ALL, [0.915, 0.9462, 0.88, 0.95, 0.9119])

met("trained 30 epochs, lr 3e-4, batch 64. on the val set: 27 true pos, 3 false pos, 60 true neg, 10 false neg. precision / recall / f1?",
    (27, 3, 60, 10), ["precision", "recall", "f1"], [0.9, 0.7297, 0.806])

# ================================================================ CLARIFY
clarify("what's the output size of a conv layer with a 3x3 kernel and stride 2?")
clarify("how many params in a conv layer with 5x5 kernels and 64 output channels?")
clarify("my input is 64x64, conv with stride 2 and padding 1, what's the output size")
clarify("is my rnn going to explode? the recurrent weight matrix is 3x3 and i use no activation")
clarify("accuracy, precision, recall and F1 for my model pls: tp = 40, fn = 10")
clarify("how expensive is self-attention on a 32x32 rgb image that's split into patches?")
clarify("Dense layer with 10 units right after Flatten, how many parameters does it have?")
clarify("transposed conv, kernel 4, stride 2, padding 1 - what size comes out?")
clarify("maxpool output size on my 28x28 feature map?")
clarify("self-attention over a sequence of 256 tokens, how many MACs for QK^T?")
clarify("params for a depthwise separable conv, 3x3, coming from 32 channels?")
clarify("my model got 90% accuracy on 1000 test images, what's its F1 score?")
clarify("output shape of nn.Conv2d(3, 16, kernel_size=5)?")
clarify("spectral radius of W_h? it's 2x2 with 0.5 and 0.7 on the diagonal, does it vanish")
# no stride named: both readings, stride 1 (209 x 209) and non-overlapping (14 x 14)
calc("number of patches and attention cost for a 224x224x3 image with 16x16 patches",
     [n_patches(224, 224, 16, 16, 1, 1), n_patches(224, 224, 16, 16, 16, 16)], [43681, 196])

# ================================================================ NOT-CALCULATION (ideas, with numbers)
idea("why do people stack two 3x3 convs instead of using one 5x5 conv?")
idea("what does a 1x1 convolution actually do, like conceptually?")
idea("why is self-attention O(n^2) in the sequence length, intuitively?")
idea("if the spectral radius of W_h is above 1, why do the gradients explode?")
idea("why would you use a stride 2 conv instead of 2x2 max pooling to downsample?")
idea("in a 2-class problem why can 99% accuracy be misleading?")
idea("whats the difference between precision and recall when the positive class is only 1% of the data")
idea("why did the original 2014 GAN suffer from mode collapse?")
idea("what's the point of zero padding, like padding=1 with 3x3 kernels?")
idea("why does dilation 2 make the receptive field bigger without adding any parameters?")
idea("is a depthwise separable 3x3 conv cheaper than a normal 3x3 conv? why?")
idea("explain how a GRU with its 2 gates helps against vanishing gradients")
idea("in the VAE coursework with a 2-dimensional latent space, why do we need the reparameterization trick?")
idea("why do transformers need positional encoding even with 12 layers and 8 heads?")
idea("what does an F1 score of 0.5 mean intuitively?")
idea("why doesn't an orthogonal W_h (all eigenvalues of modulus 1) fully fix vanishing gradients in a tanh rnn?")
idea("why does ResNet-50 start with a 7x7 stride 2 conv?")
idea("what is truncated BPTT with 20 steps doing conceptually?")
idea("is a transposed conv just the inverse of a stride 2 conv?")
idea("why does 2x2 max pooling give some translation invariance?")
idea("should i set bias=False in a conv layer that is followed by BatchNorm2d(64)? why?")


# ================================================================ write
def dump(items):
    lines = [HEADER]
    for it in items:
        assert "\n" not in json.dumps(it["q"])
        lines.append(f"- q: {json.dumps(it['q'], ensure_ascii=False)}\n")
        lines.append(f"  expect: {it['expect']}\n")
        if it["expect"] == "calculation":
            lines.append("  contains: [" + ", ".join(json.dumps(c) for c in it["contains"]) + "]\n")
    return "".join(lines)


if __name__ == "__main__":
    text = dump(ITEMS)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    back = yaml.safe_load(text)
    assert back == ITEMS, "YAML round-trip mismatch"
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    from collections import Counter
    print(len(ITEMS), dict(Counter(it["expect"] for it in ITEMS)))
