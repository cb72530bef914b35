#!/usr/bin/env python3
"""train-24: blind tuning set of free-text CALCULATION questions for the DL-course tutor.

Written blind: the author read ONLY /work/shared/seed/ (the course's example exam)
and /work/shared/API_CONTRACT.md (what the tutor's calculators compute). No knowledge
base, no tutor code and no other eval set was opened.

Every expected number is computed here with small textbook helpers and asserted
against a value worked out by hand (written next to it in a comment / `hand=`).
The script then writes train-24.yaml beside itself.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set): a tuning set. Its misreads were fixed in the
commit before the one that added it (76.8% worked out right, 12.2% wrong, on arrival).

    .venv/bin/python eval/train_24_values.py   # rewrites eval/train-24.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

OUT = Path(__file__).resolve().parent / "train-24.yaml"


# ---------------------------------------------------------------- helpers ---
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d size: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    o = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert o > 0, "kernel does not fit"
    return o


def same_out(n, s=1):
    """TensorFlow padding='same': ceil(n/s)."""
    return math.ceil(n / s)


def pool_out(n, k, s=None, p=0):
    """Pooling: stride defaults to the window."""
    return conv_out(n, k, k if s is None else s, p)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    """ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, groups=1, bias=True):
    """kh*kw*(cin/groups)*cout (+cout)."""
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def depthwise_params(k, c, mult=1, bias=True):
    return conv_params(k, k, c, c * mult, groups=c, bias=bias)


def separable_params(k, cin, cout, bias=True):
    """depthwise kxk on cin channels + pointwise 1x1 cin->cout (bias on both if bias)."""
    return depthwise_params(k, cin, bias=bias) + conv_params(1, 1, cin, cout, bias=bias)


def dense_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def mlp_params(widths, bias=True):
    """Sum of dense layers over consecutive widths."""
    return sum(dense_params(a, b, bias) for a, b in zip(widths, widths[1:], strict=False))


def apply_stack(n, layers):
    """Apply ('conv', k, s, p, d) / ('pool', k, s, p) / ('tconv', k, s, p, op) / ('same', s) in turn."""
    for kind, *a in layers:
        if kind == "conv":
            n = conv_out(n, *a)
        elif kind == "pool":
            n = pool_out(n, *a)
        elif kind == "tconv":
            k, s, p, op = list(a) + [1, 0, 0][len(a) - 1:]
            n = tconv_out(n, k, s, p, 1, op)
        elif kind == "same":
            n = same_out(n, *a)
        else:
            raise ValueError(kind)
    return n


def spectral_radius(m):
    return float(np.max(np.abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def eigen_verdict(m, activation="identity"):
    """Linear RNN: explode if radius > 1, vanish if < 1.  With tanh (|f'| <= 1) or
    sigmoid (|f'| <= 1/4) the Jacobian norm is bounded by bound*radius, so a bound
    below 1 means vanishing; the seed's explanation for the identity case."""
    r = spectral_radius(m)
    bound = {"identity": 1.0, "linear": 1.0, "tanh": 1.0, "sigmoid": 0.25}[activation]
    if activation in ("identity", "linear"):
        if abs(r - 1) < 1e-9:
            return "stable"
        return "explode" if r > 1 else "vanish"
    if bound * r < 1:
        return "vanish"
    return "inconclusive"


def patch_attention(H, W, C, h, w=None, s=1):
    """P patches of h*w*C; P^2 dot products; P^2*h*w*C MACs (API contract)."""
    w = h if w is None else w
    P = ((H - h) // s + 1) * ((W - w) // s + 1)
    dim = h * w * C
    return {"P": P, "dim": dim, "dots": P * P, "macs": P * P * dim}


def seq_attention(n, d):
    """n tokens of dim d: n^2 scores, n^2*d MACs for Q K^T."""
    return {"scores": n * n, "macs": n * n * d}


def metrics(tp, fp, tn, fn):
    def div(a, b):
        return None if b == 0 else a / b

    p = div(tp, tp + fp)
    r = div(tp, tp + fn)
    return {
        "accuracy": (tp + tn) / (tp + fp + tn + fn),
        "precision": p,
        "recall": r,
        "specificity": div(tn, tn + fp),
        "f1": div(2 * tp, 2 * tp + fp + fn),
    }


# ------------------------------------------------------------ item builders ---
ITEMS: list[dict] = []


def _matches(s, v):
    if isinstance(v, str):
        return v.startswith(s) or s in v
    if isinstance(v, (int, np.integer)):
        return s == str(int(v))
    return f"{v:.6f}".startswith(s) or abs(round(v, len(s.split(".")[1])) - float(s)) < 1e-12


def calc(q, contains, got, hand):
    """got: values computed by the helpers; hand: the same values worked out by hand."""
    assert len(got) == len(hand), q
    for g, h in zip(got, hand, strict=True):
        if isinstance(g, float):
            assert abs(g - h) < 1e-3, (q, g, h)
        else:
            assert g == h, (q, g, h)
    assert 1 <= len(contains) <= 2, q
    for s in contains:
        assert any(_matches(s, g) for g in got), (q, s, got)
    ITEMS.append({"q": q, "expect": "calculation", "contains": list(contains)})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def concept(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# =========================================================== conv sizes ======
# 32 + 0 - 2 - 1 = 29, 29//1 + 1 = 30
calc("What's the output size of a 3x3 convolution with stride 1 and no padding applied to a 32x32 image?",
     ["30"], [conv_out(32, 3)], [30])

# seed Q1 made numeric: (29 + 4 - 4 - 1)//2 + 1 = 14 + 1 = 15  (= floor(29/2)+1)
calc("Suppose you have a single-channel image of size 29 x 29 and a filter of size 5 x 5. "
     "What is the output image size if stride = 2 and zero padding of 2 is used?",
     ["15"], [conv_out(29, 5, 2, 2)], [15])

# (64 + 4 - 4 - 1)//2 + 1 = 63//2 + 1 = 31 + 1 = 32
calc("conv 5x5 stride 2 pad 2 input 64x64 whats the output size", ["32"],
     [conv_out(64, 5, 2, 2)], [32])

# dilated: (32 + 0 - 2*2 - 1)//1 + 1 = 27 + 1 = 28
calc("A 3x3 convolution with dilation 2, stride 1 and no padding is applied to a 32x32 feature map. "
     "What is the spatial size of the output?", ["28"], [conv_out(32, 3, 1, 0, 2)], [28])

# dilated with padding 2: (64 + 4 - 4 - 1) + 1 = 64
calc("Hi, in my segmentation net I use nn.Conv2d(256, 256, kernel_size=3, padding=2, dilation=2) on a "
     "64x64 feature map (batch size 8, lr 1e-4, trained 50 epochs on a 24GB GPU). What is the output height and width?",
     ["64"], [conv_out(64, 3, 1, 2, 2)], [64])

# TF same: ceil(225/2) = 113
calc("In TensorFlow, Conv2D with kernel_size=3, strides=2 and padding='same' on a 225x225 input: what is the output size?",
     ["113"], [same_out(225, 2)], [113])

# 480: (480 + 6 - 6 - 1)//2 + 1 = 479//2 + 1 = 239 + 1 = 240 ; 640: 639//2 + 1 = 320
calc("A camera frame of 480x640 (height x width) goes through a 7x7 conv, stride 2, padding 3. "
     "What are the output height and width?", ["240", "320"],
     [conv_out(480, 7, 2, 3), conv_out(640, 7, 2, 3)], [240, 320])

# 100 - 3 + 1 = 98 ; 50 - 5 + 1 = 46
calc("Input feature map is 100 (height) by 50 (width). Kernel is 3x5 (height x width), stride 1, no padding. "
     "What is the output size?", ["98", "46"], [conv_out(100, 3), conv_out(50, 5)], [98, 46])

# AlexNet: (227 - 11)//4 + 1 = 54 + 1 = 55
calc("AlexNet's first layer: 96 filters of 11x11 with stride 4 and no padding on a 227x227x3 image. "
     "What is the spatial size of its output?", ["55"], [conv_out(227, 11, 4, 0)], [55])

# (128 + 2 - 3 - 1)//3 + 1 = 126//3 + 1 = 42 + 1 = 43
calc("Exam question: A convolutional layer with kernel size 3, stride 3 and padding 1 receives a 128 x 128 x 16 tensor. "
     "Give the height and width of the output feature map.", ["43"], [conv_out(128, 3, 3, 1)], [43])

# ============================================================== pooling ======
# 28 // 2 = 14
calc("If I put a 2x2 max pooling layer (stride 2) after a 28x28 feature map, what size comes out?",
     ["14"], [pool_out(28, 2)], [14])

# (55 - 3)//2 + 1 = 26 + 1 = 27
calc("Overlapping max pool: window 3x3, stride 2, on a 55x55 map. Output size please.",
     ["27"], [pool_out(55, 3, 2)], [27])

# stride defaults to window: (75 - 2)//2 + 1 = 36 + 1 = 37
calc("nn.MaxPool2d(2) applied to a 75x75 feature map gives what size? (odd size, not sure about the rounding)",
     ["37"], [pool_out(75, 2)], [37])

# (100 - 4)//4 + 1 = 25
calc("avg pool 4x4 on 100x100 output?", ["25"], [pool_out(100, 4)], [25])

# ================================================== stacks applied in turn ===
# 32 -> conv3 p1 -> 32 -> conv3 p1 -> 32 -> pool2 -> 16
calc("Input is 32x32x3. Layer 1: conv 3x3 padding 1. Layer 2: conv 3x3 padding 1. Layer 3: max pool 2x2. "
     "What is the spatial size after layer 3?", ["16"],
     [apply_stack(32, [("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 2)])], [16])

# LeNet: 28 -conv5-> 24 -pool2-> 12 -conv5-> 8 -pool2-> 4 ; 4*4*16 = 256
calc("LeNet-style net on 28x28 MNIST: conv 5x5 (6 filters, no padding), max pool 2x2, conv 5x5 (16 filters, no padding), "
     "max pool 2x2, then flatten. How many features come out of the flatten?", ["256"],
     [apply_stack(28, [("conv", 5), ("pool", 2), ("conv", 5), ("pool", 2)]) ** 2 * 16], [256])

# ResNet stem: 224 -conv7 s2 p3-> (224+6-6-1)//2+1 = 111+1 = 112 -pool3 s2 p1-> (112+2-3)//2+1 = 55+1 = 56
calc("TA here, pasting a student's question: \"ResNet stem: 224x224 input, 7x7 conv stride 2 padding 3, then 3x3 max pool "
     "stride 2 padding 1. What's the feature map size after the pool?\" Thanks!", ["56"],
     [apply_stack(224, [("conv", 7, 2, 3), ("pool", 3, 2, 1)])], [56])

# 64 -c3-> 62 -c3-> 60 -p2-> 30 -c3-> 28 -p2-> 14
calc("64x64 input -> conv3x3 -> conv3x3 -> maxpool2 -> conv3x3 -> maxpool2, all convs stride 1 no padding. final size?",
     ["14"], [apply_stack(64, [("conv", 3), ("conv", 3), ("pool", 2), ("conv", 3), ("pool", 2)])], [14])

# 1x28x28: Conv2d(1,32,3) -> 26 ; Conv2d(32,64,3) -> 24 ; MaxPool2d(2) -> 12 ; 64*12*12 = 9216
_mnist_snip = ("model = nn.Sequential(\n    nn.Conv2d(1, 32, 3),\n    nn.ReLU(),\n    nn.Conv2d(32, 64, 3),\n"
               "    nn.ReLU(),\n    nn.MaxPool2d(2),\n    nn.Flatten(),\n    nn.Linear(???, 128),\n    nn.ReLU(),\n"
               "    nn.Linear(128, 10),\n)")
calc("My input is 1x28x28 (MNIST). What number should replace ??? here?\n" + _mnist_snip, ["9216"],
     [apply_stack(28, [("conv", 3), ("conv", 3), ("pool", 2)]) ** 2 * 64], [9216])

# 320 + 18496 + 1179776 + 1290 = 1199882
_mnist_full = _mnist_snip.replace("???", "9216")
calc("How many trainable parameters does this model have in total (all layers have bias)?\n" + _mnist_full, ["1199882"],
     [conv_params(3, 3, 1, 32) + conv_params(3, 3, 32, 64) + dense_params(9216, 128) + dense_params(128, 10)],
     [1199882])

# 64 -same-> 64 -pool-> 32 -conv3 valid-> 30 -pool-> 15 ; flatten 15*15*32 = 7200
_keras = ("model = Sequential()\nmodel.add(Conv2D(16, (3, 3), padding='same', activation='relu', input_shape=(64, 64, 3)))\n"
          "model.add(MaxPooling2D())\nmodel.add(Conv2D(32, (3, 3), activation='relu'))\nmodel.add(MaxPooling2D())\n"
          "model.add(Flatten())\nmodel.add(Dense(10, activation='softmax'))")
calc("How many values come out of the Flatten layer in this Keras model?\n" + _keras, ["7200"],
     [apply_stack(64, [("same", 1), ("pool", 2), ("conv", 3), ("pool", 2)]) ** 2 * 32], [7200])

# VGG block: 224 -> conv3 p1 -> 224 -> conv3 p1 -> 224 -> pool2 -> 112 -> (x2 more blocks) 56 -> 28
calc("VGG-like: 224x224 input, three blocks each = two 3x3 convs with padding 1 followed by a 2x2 max pool. "
     "What is the spatial size after the third block?", ["28"],
     [apply_stack(224, [("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 2)] * 3)], [28])

# 96 -c5 s1 p0-> 92 -pool2-> 46 -c3 s2 p1-> (46+2-2-1)//2+1 = 22+1 = 23
calc("Student question: input 96x96, conv 5x5 no pad, then maxpool 2, then conv 3x3 stride 2 pad 1. "
     "Output dimension of the last conv?", ["23"],
     [apply_stack(96, [("conv", 5), ("pool", 2), ("conv", 3, 2, 1)])], [23])

# strided stack: 256 -c3 s2 p1-> 128 -c3 s2 p1-> 64 -c3 s2 p1-> 32 -c3 s2 p1-> 16
calc("Encoder of my autoencoder: 256x256 image, four conv layers each 3x3 stride 2 padding 1 "
     "(channels 32, 64, 128, 256, trained with batch 16 for 200 epochs in 2023). Spatial size at the bottleneck?",
     ["16"], [apply_stack(256, [("conv", 3, 2, 1)] * 4)], [16])

# ====================================================== conv parameters ======
# seed Q2 variant: 3*3*64 + 1 = 577
calc("If the input image has size 128 x 128 x 64, how many parameters are there in a single 3x3 convolution filter, "
     "including bias?", ["577"], [conv_params(3, 3, 64, 1)], [577])

# 3*3*64*128 + 128 = 73728 + 128 = 73856
calc("Number of parameters of a conv layer with 3x3 kernels, 64 input channels and 128 output channels (with bias)?",
     ["73856"], [conv_params(3, 3, 64, 128)], [73856])

# 5*5*3*16 = 1200
calc("params in conv2d 5x5 from 3 channels to 16, bias=False", ["1200"],
     [conv_params(5, 5, 3, 16, bias=False)], [1200])

# 1*1*256*64 + 64 = 16384 + 64 = 16448
calc("How many parameters does a 1x1 convolution that reduces 256 channels to 64 channels have, bias included?",
     ["16448"], [conv_params(1, 1, 256, 64)], [16448])

# Keras first layer: 3*3*3*32 + 32 = 864 + 32 = 896
calc("model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)))\nHow many params will model.summary() show "
     "for this layer?", ["896"], [conv_params(3, 3, 3, 32)], [896])

# groups=4: 3*3*(64/4)*128 + 128 = 9*16*128 + 128 = 18432 + 128 = 18560
calc("nn.Conv2d(64, 128, kernel_size=3, groups=4) - how many parameters? I'm confused by the groups argument.",
     ["18560"], [conv_params(3, 3, 64, 128, groups=4)], [18560])

# depthwise: 3*3*1*32 + 32 = 288 + 32 = 320
calc("depthwise conv: nn.Conv2d(32, 32, 3, padding=1, groups=32). param count?", ["320"],
     [depthwise_params(3, 32)], [320])

# ResNeXt: 3*3*(128/32)*128 = 9*4*128 = 4608
calc("ResNeXt grouped conv: 128 in, 128 out, 3x3, cardinality (groups) 32, bias=False. How many weights?",
     ["4608"], [conv_params(3, 3, 128, 128, groups=32, bias=False)], [4608])

# separable no bias: 9*128 + 128*256 = 1152 + 32768 = 33920
calc("Depthwise separable convolution, no biases: a 3x3 depthwise conv on 128 channels followed by a 1x1 pointwise conv "
     "to 256 channels. How many parameters in total?", ["33920"], [separable_params(3, 128, 256, bias=False)], [33920])

# MobileNet block with bias on both: (288 + 32) + (2048 + 64) = 320 + 2112 = 2432
calc("MobileNet block: depthwise 3x3 conv on 32 channels (with bias) then pointwise 1x1 conv to 64 channels (with bias). "
     "Total parameter count?", ["2432"], [separable_params(3, 32, 64, bias=True)], [2432])

# 1x7: 7*128*128 = 114688
calc("Inception uses a factorised 1x7 conv, 128 channels in and 128 out, no bias. How many weights is that?",
     ["114688"], [conv_params(1, 7, 128, 128, bias=False)], [114688])

# 3x5: 15*16*32 + 32 = 7680 + 32 = 7712
calc("conv layer kernel 3 by 5, in channels 16, out channels 32, with bias. how many parameter it have?",
     ["7712"], [conv_params(3, 5, 16, 32)], [7712])

# ================================================== dense / MLP params =======
# 784*512 + 512 = 401920 ; 512*10 + 10 = 5130 ; total 407050
calc("How many parameters does a 784-512-10 MLP have (with biases)?", ["407050"], [mlp_params([784, 512, 10])], [407050])

# 100480 + 8256 + 650 = 109386
calc("params for 784 -> 128 -> 64 -> 10 fully connected net?", ["109386"], [mlp_params([784, 128, 64, 10])], [109386])

# 784*300 + 300 = 235500 ; 300*10 + 10 = 3010 ; 238510
calc("An MLP takes the 784 pixels of an MNIST digit, has one hidden layer of 300 units and a 10-way softmax output. "
     "How many weights and biases does it have in total?", ["238510"], [mlp_params([784, 300, 10])], [238510])

# no bias: 100*50 + 50*2 = 5000 + 100 = 5100
calc("Network 100-50-2 with no bias terms. Number of weights?", ["5100"], [mlp_params([100, 50, 2], bias=False)], [5100])

# 512*1000 + 1000 = 513000
calc("The classifier head is nn.Linear(512, 1000). How many parameters?", ["513000"], [dense_params(512, 1000)], [513000])

# 20*64+64 = 1344 ; 64*64+64 = 4160 ; 64+1 = 65 ; total 5569
calc("model = keras.Sequential()\nmodel.add(Dense(64, activation='relu', input_shape=(20,)))\nmodel.add(Dense(64, activation='relu'))\n"
     "model.add(Dense(1, activation='sigmoid'))\nWhat is the total params number?", ["5569"], [mlp_params([20, 64, 64, 1])], [5569])

# 3072*256+256 = 786688 ; 256*256+256 = 65792 ; 256*10+10 = 2570 ; 855050
calc("CIFAR-10 images (32x32x3) are flattened and fed to an MLP with two hidden layers of 256 units each and 10 outputs. "
     "Count the parameters including biases.", ["855050"], [mlp_params([3072, 256, 256, 10])], [855050])

# 200960 + 8224 + 8448 + 201488 = 419120
calc("Autoencoder layers 784-256-32-256-784, all dense with bias. total params?", ["419120"],
     [mlp_params([784, 256, 32, 256, 784])], [419120])

# 10*20+20 = 220 ; 20*1+1 = 21 ; 241
calc("mlp 10 20 1 how many params", ["241"], [mlp_params([10, 20, 1])], [241])

# 7*7*512 = 25088 ; 25088*4096 + 4096 = 102760448 + 4096 = 102764544
calc("VGG16: the last pool outputs 7x7x512, it is flattened and goes into a Dense layer with 4096 units. "
     "How many parameters does that Dense layer have?", ["102764544"], [dense_params(7 * 7 * 512, 4096)], [102764544])

# 13*8+8 = 112 ; 8*8+8 = 72 ; 8*3+3 = 27 ; 211
calc("I have a tabular dataset with 13 features and 3 classes (about 5000 rows, batch size 64, learning rate 0.001, "
     "Adam, 30 epochs). My network has two hidden layers with 8 neurons each. How many trainable parameters?",
     ["211"], [mlp_params([13, 8, 8, 3])], [211])

# 2*4+4 = 12 ; 4*1+1 = 5 ; 17
calc("Exam: A multilayer perceptron has 2 inputs, a single hidden layer with 4 units and 1 output unit. "
     "Including biases, how many parameters must be learned?", ["17"], [mlp_params([2, 4, 1])], [17])

# (32-1)*2 - 2 + 3 + 0 + 1 = 62 - 2 + 4 = 64
calc("what does nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1) output for a 32x32 input", ["64"],
     [tconv_out(32, 4, 2, 1)], [64])

# (28-1)*2 - 2 + 2 + 1 + 1 = 54 - 2 + 4 = 56
calc("Transposed convolution: kernel 3, stride 2, padding 1, output_padding 1, input 28x28. What is the output size?",
     ["56"], [tconv_out(28, 3, 2, 1, 1, 1)], [56])

# U-Net: (28-1)*2 + 1 + 1 = 56 ; params 2*2*1024*512 + 512 = 2097152 + 512 = 2097664
calc("In the U-Net decoder, the bottleneck is 28x28x1024 and the first up-convolution is "
     "nn.ConvTranspose2d(1024, 512, kernel_size=2, stride=2). What is its output spatial size and how many parameters "
     "does it have?", ["56", "2097664"],
     [tconv_out(28, 2, 2), conv_params(2, 2, 1024, 512)], [56, 2097664])

# DCGAN: 1 -k4 s1 p0-> (0)*1 + 3 + 1 = 4 -> k4 s2 p1: 3*2-2+3+1 = 8 -> 16 -> 32
calc("DCGAN generator: z is reshaped to 1x1, then ConvTranspose2d(k=4, s=1, p=0), then three ConvTranspose2d(k=4, s=2, p=1). "
     "What is the image size at the end?", ["32"],
     [apply_stack(1, [("tconv", 4, 1, 0)] + [("tconv", 4, 2, 1)] * 3)], [32])

# (10-1)*3 - 2 + 4 + 1 = 27 + 3 = 30
calc("deconv kernel 5 stride 3 padding 1 input 10 -> output?", ["30"], [tconv_out(10, 5, 3, 1)], [30])

# U-Net decoder chain: 14 -up2-> 28 -conv3 p0-> 26 -conv3 p0-> 24 -up2-> 48
calc("Original U-Net style decoder (unpadded convs): start at 14x14, up-conv 2x2 stride 2, then two 3x3 convs without "
     "padding, then another up-conv 2x2 stride 2. What's the spatial size now?", ["48"],
     [apply_stack(14, [("tconv", 2, 2, 0), ("conv", 3), ("conv", 3), ("tconv", 2, 2, 0)])], [48])

# ============================================ self-attention over patches ====
# seed Q11 numeric: P = (8-2+1)^2 = 49 ; dim = 2*2*3 = 12 ; P^2 = 2401 ; MACs = 2401*12 = 28812
calc("An 8x8x3 image is split into overlapping 2x2x3 patches with stride 1 and no padding, and we run single-head "
     "self-attention on the patches with identity projections. How many multiply-adds does computing all the dot "
     "products take?", ["28812"], [patch_attention(8, 8, 3, 2, s=1)["macs"]], [28812])

# ViT-B/16: P = (224/16)^2 = 196 ; P^2 = 38416
calc("ViT with patch size 16 on a 224x224 RGB image: how many patches/tokens, and how many attention dot products "
     "(one head)?", ["196", "38416"],
     [patch_attention(224, 224, 3, 16, s=16)["P"], patch_attention(224, 224, 3, 16, s=16)["dots"]], [196, 38416])

# token dim 16*16*3 = 768 ; MACs 38416*768 = 29503488
calc("Same ViT setting (224x224x3, 16x16 non-overlapping patches, identity projections): how many MACs for QK^T?",
     ["29503488"], [patch_attention(224, 224, 3, 16, s=16)["macs"]], [29503488])

# CIFAR ViT: P = 8*8 = 64 ; dim 48 ; dots 4096 ; MACs 4096*48 = 196608
calc("small vit on cifar 32x32x3 patch 4 no overlap. how many dot products in self attention and how many macs",
     ["4096", "196608"],
     [patch_attention(32, 32, 3, 4, s=4)["dots"], patch_attention(32, 32, 3, 4, s=4)["macs"]], [4096, 196608])

# overlapping: P = ((32-4)//2+1)^2 = 15^2 = 225 ; dim 16 ; MACs 50625*16 = 810000
calc("Grayscale 32x32 image, 4x4 patches taken with stride 2 (overlapping). Number of patches, and MACs for the "
     "attention dot products?", ["225", "810000"],
     [patch_attention(32, 32, 1, 4, s=2)["P"], patch_attention(32, 32, 1, 4, s=2)["macs"]], [225, 810000])

# 64x48x3 patch 8 stride 8: P = 8*6 = 48 ; dim 192 ; dots 2304 ; MACs 2304*192 = 442368
calc("Our images are 64 pixels high, 48 wide, 3 channels. Non-overlapping 8x8 patches. How many tokens and how many "
     "multiply-accumulates for the attention scores?", ["48", "442368"],
     [patch_attention(64, 48, 3, 8, s=8)["P"], patch_attention(64, 48, 3, 8, s=8)["macs"]], [48, 442368])

# stride 1, 3x3 patches on 10x10x1: P = 8*8 = 64 ; dim 9 ; dots 4096 ; MACs 36864
calc("Image 10x10x1, patches 3x3 overlapping with stride 1, no padding, single head, projections are identity. "
     "Compute the number of multiply-adds to get all pairwise dot products.", ["36864"],
     [patch_attention(10, 10, 1, 3, s=1)["macs"]], [36864])

# ======================================== attention over a token sequence ====
# 2048^2 = 4194304
calc("Transformer with seq len 2048, d_model 512. How many attention scores does one head compute (ignore batch)?",
     ["4194304"], [seq_attention(2048, 512)["scores"]], [4194304])

# 4194304 * 512 = 2147483648
calc("For that same layer (sequence length 2048, d_model 512, single head, batch 32, 12 layers, fp16 on an A100 80GB), "
     "how many multiply-adds does QK^T take for one sequence in one layer?", ["2147483648"],
     [seq_attention(2048, 512)["macs"]], [2147483648])

# 512^2 = 262144 ; 262144*64 = 16777216
calc("one attention head, 512 tokens, head dim 64: number of scores and macs for q k^T?", ["262144", "16777216"],
     list(seq_attention(512, 64).values()), [262144, 16777216])

# 128^2*768 = 16384*768 = 12582912
calc("BERT-base style: 128 tokens with hidden size 768. Ignoring heads and projections, how many multiply-adds to compute "
     "the attention score matrix?", ["12582912"], [seq_attention(128, 768)["macs"]], [12582912])

# (4096/1024)^2 = 16
calc("If I go from 1024 tokens to 4096 tokens (same d_model 768), by what factor does the number of attention scores grow?",
     ["16"], [seq_attention(4096, 768)["scores"] // seq_attention(1024, 768)["scores"]], [16])

# ============================================================== metrics ======
# TP=90 FN=10 FP=30 TN=870: precision 90/120 = 0.75 ; recall 90/100 = 0.9
_m = metrics(90, 30, 870, 10)
calc("Out of 100 spam emails our filter caught 90. It also flagged 30 of the 900 legit emails as spam. "
     "What are the precision and recall?", ["0.75", "0.9"], [_m["precision"], _m["recall"]], [0.75, 0.9])

# TP=60 FP=20 FN=20 TN=100: F1 = 120/160 = 0.75 ; accuracy 160/200 = 0.8
_m = metrics(60, 20, 100, 20)
calc("f1 score for tp 60 fp 20 fn 20 tn 100 ?", ["0.75"], [_m["f1"]], [0.75])

# TN=180 FP=20 -> specificity 0.9 ; TP=50 FN=50 -> recall 0.5
_m = metrics(50, 20, 180, 50)
calc("Given the confusion matrix TP = 50, FN = 50, FP = 20, TN = 180, compute the specificity and the recall (sensitivity).",
     ["0.9", "0.5"], [_m["specificity"], _m["recall"]], [0.9, 0.5])

# TP=45 FN=5 FP=95 TN=855: accuracy 900/1000 = 0.9 ; precision 45/140 = 0.3214
_m = metrics(45, 95, 855, 5)
calc("Screening study: 1000 patients, 50 of them have the disease. The test flags 45 of the sick patients and also "
     "95 healthy ones. What is the accuracy, and what is the precision?", ["0.9", "0.32"],
     [_m["accuracy"], _m["precision"]], [0.9, 0.3214])

# always-negative: TP=0 FP=0 TN=990 FN=10: accuracy 0.99 ; recall 0 ; precision undefined
_m = metrics(0, 0, 990, 10)
calc("A model that always predicts 'negative' on a test set of 990 negatives and 10 positives. Accuracy? Recall?",
     ["0.99"], [_m["accuracy"], _m["recall"]], [0.99, 0.0])

# TP=30 FP=5 FN=15 TN=150: F1 = 60/80 = 0.75 ; accuracy 180/200 = 0.9
_m = metrics(30, 5, 150, 15)
calc("Confusion matrix (rows = actual, cols = predicted):\n            pred +   pred -\nactual +      30       15\n"
     "actual -       5      150\nWhat is the F1 score and the accuracy?", ["0.75", "0.9"], [_m["f1"], _m["accuracy"]],
     [0.75, 0.9])

# TP=60 FP=10 FN=20 TN=110: recall 60/80 = 0.75 ; accuracy 170/200 = 0.85
_m = metrics(60, 10, 110, 20)
calc("We have 200 images. Model is saying cat for 70 of them, and among these 60 is really cat. In total there is 80 cat "
     "images. Please what is the recall and the accuracy of my model?", ["0.75", "0.85"],
     [_m["recall"], _m["accuracy"]], [0.75, 0.85])

# TP=40 FP=10 TN=45 FN=5: accuracy 85/100 = 0.85 ; precision 40/50 = 0.8
_m = metrics(40, 10, 45, 5)
calc("Hey, quick one from the Slack channel: student reports TP 40, FP 10, TN 45, FN 5 on the validation split "
     "(seed 42, 5 folds, lr 3e-4). What's the accuracy and precision?", ["0.85", "0.8"],
     [_m["accuracy"], _m["precision"]], [0.85, 0.8])

# ============================================================== eigen ========
_seed_W = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]
# seed A9: largest |eigenvalue| ~ 1.15 > 1 -> explode
assert abs(spectral_radius(_seed_W) - 1.15) < 0.01
calc("Consider the RNN h_t = W_h h_{t-1} + W_x x_t + b_h with identity activation and "
     "W_h = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]. Will the gradient vanish or explode "
     "as T -> infinity?", ["explod"], [eigen_verdict(_seed_W)], ["explode"])

# trace 0.8, det 0.13 -> 0.4 +- sqrt(0.03) -> radius 0.573 < 1 -> vanish
_W = [[0.5, 0.1], [0.2, 0.3]]
assert abs(spectral_radius(_W) - 0.5732) < 1e-3
calc("linear rnn with W = [[0.5, 0.1], [0.2, 0.3]] vanish or explode?", ["vanish"], [eigen_verdict(_W)], ["vanish"])

# rotation-scaling: 0.9 +- 0.5i, |lambda| = sqrt(0.81+0.25) = 1.0296 -> explode
_W = [[0.9, 0.5], [-0.5, 0.9]]
assert abs(spectral_radius(_W) - math.sqrt(1.06)) < 1e-9
calc("All entries of my recurrent matrix are below 1: W_h = [[0.9, 0.5], [-0.5, 0.9]], identity activation. "
     "So gradients vanish, right? Please check with the eigenvalues.", ["explod"], [eigen_verdict(_W)], ["explode"])

# eigenvalues 0.8, 0.4 ; tanh' <= 1 so bound 0.8 < 1 -> vanish
_W = [[0.6, 0.2], [0.2, 0.6]]
calc("RNN with tanh activation and recurrent matrix [[0.6, 0.2], [0.2, 0.6]]. Do gradients vanish or explode over "
     "many time steps?", ["vanish"], [eigen_verdict(_W, "tanh")], ["vanish"])

# radius 2, sigmoid' <= 1/4 -> 0.5 < 1 -> vanish
_W = [[2.0, 0.0], [0.0, 1.0]]
calc("Sigmoid RNN, W_h = [[2, 0], [0, 1]]. The spectral radius is above one, so does it explode? Or vanish?",
     ["vanish"], [eigen_verdict(_W, "sigmoid")], ["vanish"])

# eigenvalues +-sqrt(1.5) = +-1.2247 -> explode
_W = [[0.0, 1.5], [1.0, 0.0]]
assert abs(spectral_radius(_W) - 1.2247) < 1e-3
calc("W = [[0, 1.5], [1, 0]] identity activation, gradient explode or vanish when T large", ["explod"],
     [eigen_verdict(_W)], ["explode"])

# eigenvalues 0.5, -0.7, 0.3 -> radius 0.7 -> vanish
_W = [[0.5, 0.0, 0.0], [0.0, -0.7, 0.0], [0.0, 0.0, 0.3]]
calc("Exam: a linear RNN (sigma = identity) has W_h = [[0.5, 0, 0], [0, -0.7, 0], [0, 0, 0.3]]. State whether gradient "
     "vanishing or explosion happens as T -> +infinity.", ["vanish"], [eigen_verdict(_W)], ["vanish"])

# +-1.1i -> radius 1.1 -> explode
_W = [[0.0, -1.1], [1.1, 0.0]]
calc("Recurrent matrix W_h = [[0, -1.1], [1.1, 0]] (identity activation, hidden size 2, trained on sequences of length "
     "500 with batch size 128). Explain whether the gradient vanishes or explodes.", ["explod"],
     [eigen_verdict(_W)], ["explode"])

# ============================================================== clarify ======
for q in [
    "What is the output size of a 3x3 convolution with stride 2 and padding 1?",
    "How many parameters does a 3x3 conv layer with 64 filters have?",
    "How many params in an MLP for MNIST with two hidden layers and 10 output classes?",
    "I have a 28x28 image and apply a conv with stride 2 and padding 0, what's the output size?",
    "Compute the precision: TP = 30 and the accuracy is pretty high.",
    "my rnn recurrent matrix is 3x3 and the biggest entry is 1.3, will the gradient explode?",
    "How many attention dot products does a ViT compute on a 224x224 image?",
    "what's the attention cost (MACs for QK^T) for my transformer with d_model 512?",
    "Output size of nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1)?",
    "How many parameters does a Dense layer with 128 units have?",
    "After three conv layers and one max pool, what is the spatial size of my 64x64 input?",
    "Depthwise separable conv from 32 to 64 channels - how many params?",
    "My last conv layer outputs 128 channels, then Flatten and nn.Linear(?, 10). How many parameters does the Linear layer have?",
    "What's the accuracy if we have 50 true positives and 30 true negatives?",
    "output size after 2x2 maxpool?",
]:
    clarify(q)

# ====================================================== not-calculation ======
for q in [
    "Why does a 3x3 conv with padding 1 keep a 32x32 image the same size?",
    "Why do two stacked 3x3 convs see as much as one 5x5 conv?",
    "What is a 1x1 convolution actually doing when it maps 256 channels to 64? Why is it useful?",
    "If the largest eigenvalue of W_h is 1.15, why does that make the gradients explode?",
    "Why is self-attention quadratic? If I double the sequence from 512 to 1024 tokens, why does memory blow up?",
    "With 99% accuracy on a dataset where only 1% are positives, why might the model still be useless?",
    "Why does ViT use 16x16 patches instead of treating each pixel as a token?",
    "A stride-2 conv takes 64x64 to 32x32 just like a 2x2 max pool. What is the difference between the two conceptually?",
    "What is the point of using dilation 2 on a 3x3 kernel instead of just using a 5x5 kernel?",
    "Why does the sigmoid derivative being at most 0.25 cause vanishing gradients over 100 time steps?",
    "Why can a transposed conv with kernel 3 and stride 2 produce checkerboard artifacts in a U-Net?",
    "For a cancer screening test where 1 in 1000 people are positive, should I care more about precision or recall?",
    "Why is a 3x3 depthwise separable convolution roughly 8 to 9 times cheaper than a normal 3x3 convolution?",
    "Why is there only 1 bias per 3x3x32 filter and not 32 biases, one per input channel?",
    "If W_h is orthogonal so all eigenvalues have magnitude 1, does that fully solve vanishing gradients with tanh?",
]:
    concept(q)


# ================================================================ write ======
def main():
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    lines = ["# train-24: calculation tuning set, written blind to the knowledge base, the code and every other eval set"]
    for it in ITEMS:
        lines.append("- q: " + json.dumps(it["q"], ensure_ascii=False))
        lines.append("  expect: " + it["expect"])
        if "contains" in it:
            lines.append("  contains: [" + ", ".join(json.dumps(s) for s in it["contains"]) + "]")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    back = yaml.safe_load(OUT.read_text(encoding="utf-8"))
    assert back == ITEMS, "YAML round-trip mismatch"
    print(len(back), dict(Counter(it["expect"] for it in back)))


if __name__ == "__main__":
    main()
