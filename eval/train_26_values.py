#!/usr/bin/env python3
"""train-26: blind tuning set of free-text CALCULATION questions for the DL-course tutor.

Written blind: the only sources read were the course's example exam in
/work/shared/seed/ and /work/shared/API_CONTRACT.md (what the tutor's
calculators compute). No knowledge base, code or other eval set was opened.

Every expected number is computed with the textbook helpers below and asserted
against a value worked out by hand (the hand working is in the comment next to
each item). The script then writes train-26.yaml beside itself.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set): a tuning set. Its misreads were fixed in the
commit before the one that added it (91.5% worked out right, 3.7% wrong, on arrival).

    .venv/bin/python eval/train_26_values.py   # rewrites eval/train-26.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731
from __future__ import annotations

import math
import os

import numpy as np
import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-26.yaml")


# --------------------------------------------------------------------------
# Textbook helpers
# --------------------------------------------------------------------------
def _pair(x):
    if isinstance(x, (tuple, list)):
        assert len(x) == 2
        return tuple(x)
    return (x, x)


def conv_out_1d(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d along one axis: floor((n + 2p - d(k-1) - 1)/s) + 1.

    p may be 'same' (TensorFlow/Keras: ceil(n/s)) or 'valid' (no padding)."""
    if p == "same":
        return math.ceil(n / s)
    if p == "valid":
        p = 0
    eff = d * (k - 1) + 1
    assert n + 2 * p >= eff, "kernel does not fit"
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def conv_out(n, k, s=1, p=0, d=1):
    """2-D conv output [h, w]; every argument an int or (h, w) pair."""
    n, k, s, d = _pair(n), _pair(k), _pair(s), _pair(d)
    p = (p, p) if isinstance(p, str) else _pair(p)
    return [conv_out_1d(n[i], k[i], s[i], p[i], d[i]) for i in range(2)]


def pool_out_1d(n, k, s=None, p=0, d=1, ceil_mode=False):
    """PyTorch MaxPool2d/AvgPool2d along one axis; stride defaults to the window.

    ceil_mode: ceil instead of floor, but the last window must start inside the
    (left-padded) input: if (out-1)*s >= n + p, drop one."""
    if s is None:
        s = k
    if p == "same":  # Keras pooling padding='same'
        return math.ceil(n / s)
    if p == "valid":
        p = 0
    num = n + 2 * p - d * (k - 1) - 1
    if ceil_mode:
        out = -(-num // s) + 1
        if (out - 1) * s >= n + p:
            out -= 1
    else:
        out = num // s + 1
    return out


def pool_out(n, k, s=None, p=0, d=1, ceil_mode=False):
    n, k, d = _pair(n), _pair(k), _pair(d)
    s = k if s is None else _pair(s)
    p = (p, p) if isinstance(p, str) else _pair(p)
    return [pool_out_1d(n[i], k[i], s[i], p[i], d[i], ceil_mode) for i in range(2)]


def tconv_out_1d(n, k, s=1, p=0, d=1, op=0):
    """ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    assert op < max(s, d)
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    n, k, s, p, d, op = map(_pair, (n, k, s, p, d, op))
    return [tconv_out_1d(n[i], k[i], s[i], p[i], d[i], op[i]) for i in range(2)]


def keras_tconv_same(n, s):
    """Keras Conv2DTranspose(padding='same'): output = input * stride."""
    n, s = _pair(n), _pair(s)
    return [n[0] * s[0], n[1] * s[1]]


def stack(n, layers):
    """Apply layers in turn; each layer is a callable size -> size."""
    for f in layers:
        n = f(n)
    return n


def conv_params(k, cin, cout, groups=1, bias=True):
    """Conv2d / ConvTranspose2d params: kh*kw*(cin/groups)*cout (+cout bias)."""
    kh, kw = _pair(k)
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def depthwise_params(k, cin, multiplier=1, bias=True):
    """Depthwise conv: kh*kw*cin*multiplier (+cin*multiplier bias)."""
    kh, kw = _pair(k)
    return kh * kw * cin * multiplier + (cin * multiplier if bias else 0)


def separable_params(k, cin, cout, bias=True, keras=False):
    """Depthwise (k x k per channel) then pointwise 1x1 cin->cout.

    PyTorch-style (two Conv2d layers): a bias on each part.
    Keras SeparableConv2D: a single bias of size cout on the pointwise output."""
    kh, kw = _pair(k)
    dw = kh * kw * cin
    pw = cin * cout
    if not bias:
        return dw + pw
    if keras:
        return dw + pw + cout
    return dw + cin + pw + cout


def dense_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def spectral_radius(m):
    return float(np.max(np.abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def rnn_verdict(m):
    """Identity-activation reasoning of the seed (A9): radius > 1 explodes,
    < 1 vanishes. With tanh/ReLU (derivative <= 1) a radius < 1 still vanishes."""
    r = spectral_radius(m)
    assert abs(r - 1) > 1e-6, "borderline matrix not used in this set"
    return "explod" if r > 1 else "vanish"


def patch_attention(H, W, C, patch, stride=1):
    """API contract: P patches (no padding), token dim h*w*C,
    P^2 dot products, P^2*h*w*C MACs (QK^T with identity projections)."""
    h, w = _pair(patch)
    sh, sw = _pair(stride)
    P = ((H - h) // sh + 1) * ((W - w) // sw + 1)
    t = h * w * C
    return {"P": P, "token_dim": t, "dots": P * P, "macs": P * P * t}


def seq_attention(n, d, heads=1):
    """QK^T over n tokens of dimension d (d = d_model).

    Each head: n^2 dot products of length d/heads -> n^2*d/heads MACs.
    Over all heads: heads*n^2 dot products and n^2*d_model MACs in total
    (the head split does not change the total multiply-adds)."""
    assert d % heads == 0
    per_head_macs = n * n * (d // heads)
    return {"dots": heads * n * n, "macs": heads * per_head_macs,
            "per_head_macs": per_head_macs, "dots_per_head": n * n}


def metrics(tp, fp, tn, fn):
    tot = tp + fp + tn + fn
    div = lambda a, b: (a / b) if b else None
    prec = div(tp, tp + fp)
    rec = div(tp, tp + fn)
    f1 = div(2 * tp, 2 * tp + fp + fn)
    return {"accuracy": (tp + tn) / tot, "precision": prec, "recall": rec,
            "specificity": div(tn, tn + fp), "f1": f1}


# --------------------------------------------------------------------------
# Item bookkeeping
# --------------------------------------------------------------------------
ITEMS: list[dict] = []


def _fmt(x):
    """Ints as plain integers; ratios as short decimals (at most 4 places)."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    if isinstance(x, str):
        return x
    s = f"{round(float(x), 4):.4f}".rstrip("0").rstrip(".")
    return s


def calc(q, got, hand):
    """got: values from the helpers; hand: the same values worked out by hand."""
    assert len(got) == len(hand) and 1 <= len(hand) <= 2, q
    contains = []
    for g, h in zip(got, hand, strict=True):
        if isinstance(h, str) and not isinstance(g, str):
            # the hand decimal must be the value rounded to its places AND a prefix of
            # the 4-place rendering, so "0.63" matches 0.6325 printed as 0.63/0.632/0.6325
            places = len(h.split(".")[1])
            assert round(float(g), places) == float(h), (q, g, h)
            assert f"{float(g):.4f}".startswith(h), (q, g, h)
        else:
            assert g == h, (q, g, h)
        contains.append(_fmt(h))
    ITEMS.append({"q": q, "expect": "calculation", "contains": contains})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def notcalc(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ==========================================================================
# CALCULATION items
# ==========================================================================

# ---------------- convolution output sizes --------------------------------
# H: floor((48+2*1-1*(5-1)-1)/2)+1 = floor(45/2)+1 = 23 ; W: floor((64+0-2-1)/1)+1 = 62
o = conv_out((48, 64), (5, 3), s=(2, 1), p=(1, 0))
calc("nn.Conv2d(3, 16, kernel_size=(5, 3), stride=(2, 1), padding=(1, 0)) applied to a "
     "batch of 3x48x64 images (height 48, width 64). What are the output height and width?",
     o, [23, 62])

# effective kernel 2*(3-1)+1 = 5 ; (32+2-4-1)/1+1 = 30
o = conv_out(32, 3, s=1, p=1, d=2)
calc("whats the output size if i do conv2d kernel 3 dilation=2 padding 1 on a 32x32 img stride 1",
     o[:1], [30])

# floor((56+2-2*2-1)/2)+1 = floor(53/2)+1 = 27
o = conv_out(56, 3, s=2, p=1, d=2)
calc("nn.Conv2d(64, 128, kernel_size=3, stride=2, padding=1, dilation=2) on a 56x56 feature map: "
     "what is the spatial output size?", o[:1], [27])

# Keras 'same': ceil(125/2) = 63
o = conv_out(125, 3, s=2, p="same")
calc("In Keras: Conv2D(32, (3, 3), strides=2, padding='same') with input_shape=(125, 125, 3). "
     "What is the output height/width?", o[:1], [63])

# floor((48+2-3)/2)+1 = 24 ; floor((64+2-3)/2)+1 = 32
o = conv_out((48, 64), 3, s=2, p=1)
calc("A 3×3 convolution with stride 2 and padding 1 is applied to a 48×64 image. "
     "What is the size of the output feature map?", o, [24, 32])

# (227-11)/4+1 = 55
o = conv_out(227, 11, s=4, p=0)
calc("The input is $227 \\times 227 \\times 3$ and the first layer has 96 filters of size "
     "$11 \\times 11$ with stride 4 and no padding. What is the spatial size of the output?",
     o[:1], [55])

# 40-3+1 = 38 ; 60-5+1 = 56
o = conv_out((40, 60), (3, 5), s=1, p=0)
calc("student asks: \"kernel 3 by 5 (3 high, 5 wide), stride 1, no padding, on a 40x60 "
     "feature map — what comes out?\" can the bot answer this one?", o, [38, 56])

# floor((224+6-7)/2)+1 = 111+1 = 112
o = conv_out(224, 7, s=2, p=3)
calc("A convolutional layer with kernel size 7, stride 2 and zero padding 3 is applied to a "
     "224 × 224 × 3 input. Determine the spatial dimensions of the output.", o[:1], [112])

# floor((150+2-4)/2)+1 = 75 ; floor((200+2-4)/2)+1 = 100
o = conv_out((150, 200), 4, s=2, p=1)
calc("Please, I have image of 150 x 200 and I apply convolution with kernel 4x4, stride 2, "
     "padding 1. Which is the size of the output?", o, [75, 100])

# 96-5+1 = 92
o = conv_out(96, 5, s=1, p=0)
calc("I'm training on 50000 images with batch size 128 for 30 epochs at lr 0.001 on a 24 GB GPU "
     "(this is for my 2024 project). The first layer is nn.Conv2d(3, 32, kernel_size=5, stride=1, "
     "padding=0) and the images are 96x96. What is the output spatial size of that layer?",
     o[:1], [92])

# eff kernel H: 2*(3-1)+1 = 5 -> 33-5+1 = 29 ; W: 2*(5-1)+1 = 9 -> 33-9+1 = 25
o = conv_out(33, (3, 5), s=1, p=0, d=2)
calc("nn.Conv2d(8, 8, kernel_size=(3, 5), dilation=2) on a 33x33 input, padding left at its default. "
     "Output H and W?", o, [29, 25])

# Keras same: ceil(37/2) = 19 ; ceil(53/3) = 18
o = conv_out((37, 53), 5, s=(2, 3), p="same")
calc("keras Conv2D(8, kernel_size=5, strides=(2, 3), padding='same'), input 37x53x3. "
     "what shape comes out (height, width)?", o, [19, 18])

# 128 -> conv pad1 128 -> pool 64 -> 64 -> 32 -> 32 -> 16
blk = lambda n: pool_out(conv_out(n, 3, 1, 1), 2, 2)
o = stack(128, [blk, blk, blk])
calc("Three blocks, each = 3x3 conv (padding 1, stride 1) followed by 2x2 max pooling with stride 2, "
     "on a 128x128 input. What is the spatial size after the third block?", o[:1], [16])

# 224 -> floor((224+6-7)/2)+1 = 112 -> floor((112+2-3)/2)+1 = 56
o = stack(224, [lambda n: conv_out(n, 7, 2, 3), lambda n: pool_out(n, 3, 2, 1)])
calc("ResNet stem: nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) then "
     "nn.MaxPool2d(kernel_size=3, stride=2, padding=1), input 224x224. Size after the pooling?",
     o[:1], [56])

# 48x64 -> 46x62 -> 44x60 -> pool 2 -> 22x30
o = stack((48, 64), [lambda n: conv_out(n, 3), lambda n: conv_out(n, 3), lambda n: pool_out(n, 2)])
calc("A 48x64 grayscale image goes through Conv2d(1, 8, 3), Conv2d(8, 8, 3) and MaxPool2d(2). "
     "What are the final height and width?", o, [22, 30])

# 64 -> valid 5: 60 -> pool 2: 30 -> same stride 2: ceil(30/2) = 15
o = stack(64, [lambda n: conv_out(n, 5, 1, "valid"), lambda n: pool_out(n, 2),
               lambda n: conv_out(n, 3, 2, "same")])
calc("model = Sequential([Conv2D(32, 5, padding='valid', input_shape=(64, 64, 3)), "
     "MaxPooling2D(2), Conv2D(64, 3, strides=2, padding='same')])\nWhat is the spatial output "
     "size of the last layer?", o[:1], [15])

# H: kernel 5 pad 2 stride 2: floor((81+4-5)/2)+1 = 41 ; W: kernel 3 pad 1 stride 2: floor((61+2-3)/2)+1 = 31
o = conv_out((81, 61), (5, 3), s=2, p=(2, 1))
calc("Conv layer: kernel_size=(5, 3), stride=2, padding=(2, 1), input of size 81 \\times 61 "
     "(H x W). What is the output size?", o, [41, 31])

# ---------------- pooling -------------------------------------------------
# ceil((56-3)/2)+1 = ceil(26.5)+1 = 28 ; check (28-1)*2 = 54 < 56 -> keep 28
o = pool_out(56, 3, 2, ceil_mode=True)
calc("nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True) on a 56x56 map: output size?",
     o[:1], [28])

# H: ceil((45-2)/2)+1 = 23 (22*2=44<45) ; W: ceil((50-3)/3)+1 = 17 (16*3=48<50)
o = pool_out((45, 50), (2, 3), (2, 3), ceil_mode=True)
calc("nn.AvgPool2d(kernel_size=(2, 3), stride=(2, 3), ceil_mode=True) on an input of height 45 "
     "and width 50. Output height and width?", o, [23, 17])

# ceil: (101+2-2)/2 = 50.5 -> 51, +1 = 52 ; but (52-1)*2 = 102 >= 101+1 -> 51
o = pool_out(101, 2, 2, 1, ceil_mode=True)
calc("MaxPool2d(kernel_size=2, stride=2, padding=1, ceil_mode=True) with a 101x101 input. "
     "How big is the output? (careful with the last window)", o[:1], [51])

# Keras pool_size=3, strides default = 3: floor((64-3)/3)+1 = 21 ; floor((48-3)/3)+1 = 16
o = pool_out((64, 48), 3)
calc("Keras MaxPooling2D(pool_size=3) with strides left as None on a 64x48 feature map "
     "(height 64, width 48). Output shape?", o, [21, 16])

# Keras same pooling: ceil(25/2) = 13
o = pool_out(25, 2, 2, "same")
calc("MaxPooling2D(pool_size=(2, 2), padding='same') on a 25x25x32 tensor: what is the output "
     "height and width?", o[:1], [13])

# ceil((100-3)/3)+1 = 33+1 = 34 ; (34-1)*3 = 99 < 100 keep
o = pool_out(100, 3, 3, ceil_mode=True)
calc("maxpool 3 stride 3 with ceil mode true on 100x100, what size?", o[:1], [34])

# 14 -> pool 2 ceil: ceil(12/2)+1 = 7 ; 15 -> ceil((15-2)/2)+1 = 8 (7*2=14<15)
o = pool_out((14, 15), 2, 2, ceil_mode=True)
calc("Mein feature map ist 14 x 15 (height x width). I use MaxPool2d(2, 2, ceil_mode=True). "
     "What is output size please?", o, [7, 8])

# ---------------- transposed convolutions ----------------------------------
# (20-1)*2 - 2 + 3 + 0 + 1 = 40
o = tconv_out(20, 4, 2, 1)
calc("Decoder layer nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1) gets a 20x20 "
     "input. What is the output size?", o[:1], [40])

# (7-1)*2 - 2 + 2 + 1 + 1 = 14
o = tconv_out(7, 3, 2, 1, op=1)
calc("ConvTranspose2d(kernel_size=3, stride=2, padding=1, output_padding=1) on a 7×7 map: "
     "output spatial size?", o[:1], [14])

# 1 -> (0)*1-0+3+1 = 4 -> 3*2-2+3+1 = 8 -> 16 -> 32
o = stack(1, [lambda n: tconv_out(n, 4, 1, 0), lambda n: tconv_out(n, 4, 2, 1),
              lambda n: tconv_out(n, 4, 2, 1), lambda n: tconv_out(n, 4, 2, 1)])
calc("DCGAN generator: z is 100x1x1, then ConvTranspose2d(100, 512, 4, 1, 0), "
     "ConvTranspose2d(512, 256, 4, 2, 1), ConvTranspose2d(256, 128, 4, 2, 1), "
     "ConvTranspose2d(128, 3, 4, 2, 1). What image size does it produce?", o[:1], [32])

# H: 11*2 - 2 + 2 + 1 = 23 ; W: 19*1 - 2 + 4 + 1 = 22
o = tconv_out((12, 20), (3, 5), (2, 1), (1, 1))
calc("nn.ConvTranspose2d(32, 16, kernel_size=(3, 5), stride=(2, 1), padding=(1, 1)) on a 12x20 "
     "input. Output height and width?", o, [23, 22])

# Keras same transposed: 14*2 = 28
o = keras_tconv_same(14, 2)
calc("Keras Conv2DTranspose(filters=16, kernel_size=3, strides=2, padding='same') gets a "
     "14x14x64 tensor. Output spatial size?", o[:1], [28])

# (9-1)*3 - 4 + 4 + 2 + 1 = 27
o = tconv_out(9, 5, 3, 2, op=2)
calc("ConvTranspose2d(kernel_size=5, stride=3, padding=2, output_padding=2) applied on 9 \\times 9. "
     "Compute the output size.", o[:1], [27])

# (28-1)*2 - 0 + 1 + 0 + 1 = 56
o = tconv_out(28, 2, 2, 0)
calc("In a U-Net decoder a 28 × 28 feature map is upsampled by a transposed convolution with kernel "
     "size 2 and stride 2 (no padding). What is the resulting spatial size?", o[:1], [56])

# ---------------- parameter counts ------------------------------------------
# 3*3*64*128 = 73728 + 128 = 73856
calc("How many learnable parameters does nn.Conv2d(64, 128, kernel_size=3) have?",
     [conv_params(3, 64, 128)], [73856])

# 3*3*(64/4)*128 = 18432 + 128 = 18560
calc("nn.Conv2d(64, 128, kernel_size=3, groups=4) — number of parameters including bias?",
     [conv_params(3, 64, 128, groups=4)], [18560])

# 5*3*(32/4)*64 = 7680, no bias
calc("param count for Conv2d(32, 64, kernel_size=(5, 3), groups=4, bias=False)?",
     [conv_params((5, 3), 32, 64, groups=4, bias=False)], [7680])

# depthwise: 3*3*1*32 = 288 + 32 = 320
calc("How many parameters in nn.Conv2d(32, 32, kernel_size=3, groups=32)?",
     [conv_params(3, 32, 32, groups=32)], [320])

# dw 3*3*64 + 64 = 640 ; pw 64*128 + 128 = 8320 ; total 8960
calc("A depthwise separable convolution: a 3x3 depthwise conv over 64 channels followed by a 1x1 "
     "pointwise conv to 128 channels, both with biases. Total number of parameters?",
     [separable_params(3, 64, 128)], [8960])

# Keras no bias: 3*3*128 = 1152 + 128*256 = 32768 -> 33920
calc("SeparableConv2D(filters=256, kernel_size=3, use_bias=False) on a 32x32x128 input "
     "(Keras). How many weights?", [separable_params(3, 128, 256, bias=False, keras=True)], [33920])

# Keras: 3*3*32 = 288 + 32*64 = 2048 + 64 bias (pointwise only) = 2400
calc("keras SeparableConv2D(64, (3, 3)) with default use_bias, input has 32 channels. "
     "how many trainable params does model.summary() show?",
     [separable_params(3, 32, 64, keras=True)], [2400])

# 3*3*24*2 = 432 + 48 = 480
calc("DepthwiseConv2D(kernel_size=3, depth_multiplier=2) in Keras with a 24-channel input, "
     "bias on. Parameter count?", [depthwise_params(3, 24, 2)], [480])

# standard 3*3*128*256 = 294912 ; separable 1152 + 32768 = 33920 (no biases)
calc("Compare, without biases: a standard 3×3 conv from 128 to 256 channels versus a depthwise "
     "separable version (3×3 depthwise + 1×1 pointwise). Give both parameter counts.",
     [conv_params(3, 128, 256, bias=False), separable_params(3, 128, 256, bias=False)],
     [294912, 33920])

# seed-style: 5*5*16 + 1 = 401
calc("If the input image has size 128 × 128 × 16, how many parameters are there in a single 5x5 "
     "convolution filter, including bias?", [conv_params(5, 16, 1)], [401])

# 5*5*3*32 + 32 = 2432
calc("Given a $64 \\times 64 \\times 3$ image and 32 filters of size $5 \\times 5$, how many "
     "learnable parameters does the layer have (biases included)?",
     [conv_params(5, 3, 32)], [2432])

# 3*5*24*48 = 17280 + 48 = 17328
calc("kernel 3 by 5, 24 input channels, 48 output channels, with bias — how many params?",
     [conv_params((3, 5), 24, 48)], [17328])

# Flatten 7*7*64 = 3136 ; 3136*10 + 10 = 31370
calc("After the last conv I have a 7x7x64 map, I Flatten and add Dense(10). How many parameters "
     "in that Dense layer?", [dense_params(7 * 7 * 64, 10)], [31370])

# 3*3*3*16+16 = 448 ; 3*3*16*32+32 = 4640 ; 1152*10+10 = 11530 ; total 16618
calc("Total parameters of: nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Flatten(), "
     "nn.Linear(32*6*6, 10)?",
     [conv_params(3, 3, 16) + conv_params(3, 16, 32) + dense_params(32 * 6 * 6, 10)], [16618])

# 7*7*3*64 = 9408, no bias
calc("params for conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False) pls",
     [conv_params(7, 3, 64, bias=False)], [9408])

# 3*3*(128/4)*128 = 36864 + 128 = 36992
calc("A grouped convolution with 4 groups, 3x3 kernels, 128 input and 128 output channels, bias "
     "included. How many parameters?", [conv_params(3, 128, 128, groups=4)], [36992])

# Keras groups=4 on 32 channels: 3*3*8*64 = 4608 + 64 = 4672
calc("TA here, forwarding: \"my Keras layer is Conv2D(64, 3, groups=4) and the input has 32 "
     "channels, how many params?\"", [conv_params(3, 32, 64, groups=4)], [4672])

# ConvTranspose2d params: 4*4*128*64 = 131072 + 64 = 131136
calc("How many parameters does nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1) "
     "have?", [conv_params(4, 128, 64)], [131136])

# RGB -> cin = 3: 3*3*3*10 + 10 = 280
calc("An RGB image of 48x64 goes into a 3×3 conv layer with 10 filters. Number of parameters?",
     [conv_params(3, 3, 10)], [280])

# ---------------- recurrent weight matrices --------------------------------
# trace 0.9, det 0.2-0.02 = 0.18 -> (0.9 ± 0.3)/2 = 0.6, 0.3 -> radius 0.6 < 1 -> vanish
m = [[0.5, 0.1], [0.2, 0.4]]
calc("RNN with identity activation, recurrent weight matrix with rows 0.5 0.1 and 0.2 0.4. "
     "What happens to the gradient as T goes to infinity, and what is the spectral radius?",
     [rnn_verdict(m), spectral_radius(m)], ["vanish", "0.6"])

# eigenvalues 0.9 ± 0.5i, |lambda| = sqrt(0.81+0.25) = sqrt(1.06) ≈ 1.03 > 1 -> explode
m = [[0.9, 0.5], [-0.5, 0.9]]
calc("recurrent matrix W = [0.9 0.5; -0.5 0.9] (matlab notation), linear activation. "
     "what happens to the gradients for very long sequences?", [rnn_verdict(m)], ["explod"])

# symmetric: eigenvalues 0.3 ± 0.4 = 0.7, -0.1 -> radius 0.7 -> vanish
m = [[0.3, 0.4], [0.4, 0.3]]
calc("Consider $h_t = W_h h_{t-1} + W_x x_t$ with $W_h = \\begin{bmatrix} 0.3 & 0.4 \\\\ 0.4 & 0.3 "
     "\\end{bmatrix}$. State whether the gradient vanishes or explodes as $T \\to \\infty$ and give "
     "the largest absolute eigenvalue.", [rnn_verdict(m), spectral_radius(m)], ["vanish", "0.7"])

# lower triangular: eigenvalues 0.2, -1.5, 0.4 -> radius 1.5 -> explode
m = [[0.2, 0.0, 0.0], [1.0, -1.5, 0.0], [0.3, 0.7, 0.4]]
calc("Assume the identity activation and the recurrent weight matrix\n"
     "W_h = [[0.2, 0.0, 0.0], [1.0, -1.5, 0.0], [0.3, 0.7, 0.4]].\n"
     "Will the gradient vanish or explode when T -> infinity? Explain with the eigenvalues.",
     [rnn_verdict(m)], ["explod"])

# trace 0.7, det 0.12-0.02 = 0.10 -> (0.7 ± 0.3)/2 = 0.5, 0.2 ; tanh' <= 1 so it vanishes
m = [[0.4, 0.2], [0.1, 0.3]]
calc("my rnn uses tanh and W_hh = [[0.4, 0.2], [0.1, 0.3]]. what happens to the gradient "
     "over 500 time steps? spectral radius?", [rnn_verdict(m), spectral_radius(m)],
     ["vanish", "0.5"])

# eigenvalues 0.6 ± 0.2i, |lambda| = sqrt(0.36+0.04) = sqrt(0.4) ≈ 0.632 ; ReLU' <= 1 -> vanish
m = [[0.6, -0.2], [0.2, 0.6]]
calc("With ReLU activation and recurrent weights [[0.6, -0.2], [0.2, 0.6]], is there a vanishing "
     "or an exploding gradient problem? Give the spectral radius.",
     [rnn_verdict(m), spectral_radius(m)], ["vanish", "0.63"])

# diagonal: 1.1, 0.5, 0.3 -> radius 1.1 -> explode
m = [[1.1, 0, 0], [0, 0.5, 0], [0, 0, 0.3]]
calc("Identity activation, W_h = [1.1 0 0; 0 0.5 0; 0 0 0.3]. Does backprop through time explode "
     "or vanish?", [rnn_verdict(m)], ["explod"])

# eigenvalues 2±1 = 3, 1 -> radius 3 -> explode
m = [[2, 1], [1, 2]]
calc("rnn W = [[2, 1],[1, 2]] identity act, will grads explode or vanish as T grows",
     [rnn_verdict(m)], ["explod"])

# upper triangular: -1.3, 0.5 -> radius 1.3 -> explode
m = [[-1.3, 0.2], [0.0, 0.5]]
calc("Given $W_h = \\begin{pmatrix} -1.3 & 0.2 \\\\ 0 & 0.5 \\end{pmatrix}$ and the identity "
     "activation, determine whether the gradient vanishes or explodes for $T \\to +\\infty$.",
     [rnn_verdict(m)], ["explod"])

# rows (0.7, 0.2) and (0.3, 0.6): trace 1.3, det 0.42-0.06 = 0.36 -> (1.3 ± 0.5)/2 = 0.9, 0.4
m = [[0.7, 0.2], [0.3, 0.6]]
calc("student asks: W_h has first row 0.7, 0.2 and second row 0.3, 0.6, tanh activation. "
     "vanishing or exploding? (we ran it with batch size 64, lr 0.01, 20 epochs if that matters)",
     [rnn_verdict(m), spectral_radius(m)], ["vanish", "0.9"])

# ---------------- attention over image patches -----------------------------
# P = (8-2+1)^2 = 49 ; token 2*2*3 = 12 ; dots 2401 ; MACs 2401*12 = 28812
a = patch_attention(8, 8, 3, 2, 1)
calc("An 8x8x3 image is split into overlapping 2x2x3 patches with stride 1 and no padding. "
     "For single-head self-attention with identity projections, how many patches are there and "
     "how many multiply-adds does Q K^T take?", [a["P"], a["macs"]], [49, 28812])

# P = (32/8)^2 = 16 ; token 8*8*3 = 192 ; dots 256 ; MACs 256*192 = 49152
a = patch_attention(32, 32, 3, 8, 8)
calc("32x32 RGB image, non-overlapping 8x8 patches (stride 8). number of patches and MACs for "
     "the attention dot products (identity projections)?", [a["P"], a["macs"]], [16, 49152])

# overlapping, stride 4 < patch 8: (32-8)/4+1 = 7 -> P = 49 ; token 192 ; MACs 2401*192 = 460992
a = patch_attention(32, 32, 3, 8, 4)
calc("Patches of 8×8 taken with stride 4 (so they overlap) from a 32×32×3 image. Single-head "
     "self-attention, identity projections: how many multiply-accumulates for QK^T?",
     [a["macs"]], [460992])

# non-square patch 4x6 stride (4, 6) on 16x24x1: 4*4 = 16 patches ; token 24 ; MACs 256*24 = 6144
a = patch_attention(16, 24, 1, (4, 6), (4, 6))
calc("A 16x24 grayscale image (H=16, W=24) is cut into 4x6 patches (4 high, 6 wide) with "
     "stride (4, 6). How many MACs does the self-attention dot product need?",
     [a["macs"]], [6144])

# 20x30x3, patch 4x6, stride (2, 3): (20-4)/2+1 = 9, (30-6)/3+1 = 9 -> P = 81 ;
# token 4*6*3 = 72 ; dots 6561 ; MACs 6561*72 = 472392
a = patch_attention(20, 30, 3, (4, 6), (2, 3))
calc("Image 20 × 30 × 3, patch size 4 × 6, stride (2, 3), no padding. Self-attention over the "
     "patches with identity Q/K/V: number of patches and MACs of QK^T?",
     [a["P"], a["macs"]], [81, 472392])

# ViT: (224/16)^2 = 196 ; token 16*16*3 = 768 ; dots 38416 ; MACs 38416*768 = 29503488
a = patch_attention(224, 224, 3, 16, 16)
calc("ViT-style: 224x224x3 input, 16x16 patches, stride 16, one head, projections = identity. "
     "How many patches, and how many MACs for the attention scores?",
     [a["P"], a["macs"]], [196, 29503488])

# P = (10-3+1)^2 = 64 ; token 3*3*4 = 36 ; dots 4096 ; MACs 4096*36 = 147456
a = patch_attention(10, 10, 4, 3, 1)
calc("An input of size $H \\times W \\times C = 10 \\times 10 \\times 4$ is viewed as overlapping "
     "patches of size $3 \\times 3 \\times 4$ with stride 1. How many dot products and how many "
     "multiply-adds does self-attention need?", [a["dots"], a["macs"]], [4096, 147456])

# ---------------- attention over a sequence -------------------------------
# n^2 = 16384 dot products ; n^2 d = 16384*64 = 1048576 MACs
s_ = seq_attention(128, 64)
calc("Self-attention over 128 tokens of dimension 64, single head: how many dot products in "
     "QK^T and how many MACs?", [s_["dots"], s_["macs"]], [16384, 1048576])

# multi-head: per head n^2*(d/h); over all 8 heads n^2*d_model = 65536*512 = 33554432
s_ = seq_attention(256, 512, heads=8)
calc("Sequence length 256, d_model = 512, 8 attention heads. How many multiply-adds does QK^T "
     "take in total over all heads?", [s_["macs"]], [33554432])

# 12 heads of 64 dims: total MACs n^2*d_model = 10000*768 = 7680000
s_ = seq_attention(100, 768, heads=12)
calc("BERT-base-like layer: 100 tokens, hidden size 768, 12 heads. Total MACs for the attention "
     "score matrix Q K^T summed over heads?", [s_["macs"]], [7680000])

# n^2 d_model = 262144*1024 = 268435456 (16 heads of 64 dims: same total)
s_ = seq_attention(512, 1024, heads=16)
calc("Long story short: batch size 32, sequence length 512, d_model 1024, 16 heads, 24 layers, "
     "lr 3e-4, 80 GB A100, training since 2023. For ONE layer and ONE sequence, how many MACs does "
     "computing QK^T over all heads cost?", [s_["macs"]], [268435456])

# n^2 = 1000000 dot products (d not needed)
s_ = seq_attention(1000, 64)
calc("how many dot products does self attention do for 1000 tokens with d=64", [s_["dots"]],
     [1000000])

# per head: 64^2*(256/4) = 4096*64 = 262144 ; all heads n^2*d_model = 4096*256 = 1048576
s_ = seq_attention(64, 256, heads=4)
calc("4 heads, n = 64 tokens, d_model = 256. MACs of QK^T for one head, and for all heads "
     "together?", [s_["per_head_macs"], s_["macs"]], [262144, 1048576])

# ---------------- classification metrics ----------------------------------
# acc (40+45)/100 = 0.85 ; precision 40/50 = 0.8
r = metrics(40, 10, 45, 5)
calc("A classifier has 40 true positives, 10 false positives, 45 true negatives and 5 false "
     "negatives. What are its accuracy and precision?", [r["accuracy"], r["precision"]],
     ["0.85", "0.8"])

# recall 45/60 = 0.75 ; precision 45/50 = 0.9
r = metrics(45, 5, 35, 15)
calc("We got 45 true positives, 5 false positives, 35 true negatives and 15 false negatives. "
     "What are the recall and the precision?", [r["recall"], r["precision"]], ["0.75", "0.9"])

# precision 0/0 undefined ; accuracy 95/100 = 0.95
r = metrics(0, 0, 95, 5)
assert r["precision"] is None
calc("My model predicts negative for everything: 0 true positives, 0 false positives, 95 true "
     "negatives and 5 false negatives. What's the accuracy, and what is the precision?",
     [r["accuracy"]], ["0.95"])

# acc (18+70)/100 = 0.88
r = metrics(18, 2, 70, 10)
calc("tp=18 fp=2 tn=70 fn=10 accuracy?", [r["accuracy"]], ["0.88"])

# F1 = 240/(240+30+50) = 240/320 = 0.75
r = metrics(120, 30, 800, 50)
calc("student asks: \"classifier got 120 TP, 30 FP, 800 TN, 50 FN — what's the F1?\"",
     [r["f1"]], ["0.75"])

# recall 70/100 = 0.7 ; accuracy (70+870)/1000 = 0.94
r = metrics(70, 30, 870, 30)
calc("My model make 70 true positive, 30 false negative, 30 false positive and 870 true negative. "
     "What is recall and accuracy?", [r["recall"], r["accuracy"]], ["0.7", "0.94"])

# precision 160/200 = 0.8 ; recall 160/200 = 0.8 ; accuracy (160+760)/1000 = 0.92
r = metrics(160, 40, 760, 40)
calc("Dataset of 10000 images, 5 epochs, lr 0.01, batch 16, the test split has 1000 images. On "
     "it: 160 true positives, 40 false negatives, 40 false positives, 760 true negatives. "
     "Precision, recall and accuracy?", [r["precision"], r["accuracy"]], ["0.8", "0.92"])

# acc (64+104)/200 = 0.84 ; F1 = 128/(128+16+16) = 0.8
r = metrics(64, 16, 104, 16)
calc("A binary classifier evaluated on 200 test samples yields TP = 64, FP = 16, TN = 104, "
     "FN = 16. Compute the accuracy and the F1 score.", [r["accuracy"], r["f1"]], ["0.84", "0.8"])

# specificity 180/(180+20) = 0.9 ; precision 60/80 = 0.75
r = metrics(60, 20, 180, 40)
calc("confusion matrix: TP 60 | FN 40 | FP 20 | TN 180. whats the specificity and the precision",
     [r["specificity"], r["precision"]], ["0.9", "0.75"])

# ==========================================================================
# CLARIFY items (a needed value is missing)
# ==========================================================================
clarify("What's the output size of a 3x3 conv with stride 2 and padding 1?")
clarify("nn.Conv2d(16, 32, kernel_size=5, stride=1, padding=2) — what output shape do I get?")
clarify("How many parameters does a conv layer with 64 filters of size 3x3 have?")
clarify("params of a 5×5 conv with 32 output channels and bias?")
clarify("Self-attention over the patches of a 32x32x3 image with stride 1: how many MACs?")
clarify("ViT-style attention on a 224x224 RGB image, how many dot products are computed?")
clarify("TP=40, FP=10, FN=5 — what is the accuracy?")
clarify("I have 50 true positives, 20 false positives and 30 true negatives, what's the F1?")
clarify("Is my RNN going to explode? The recurrent weight matrix is 2x2 and I use the identity "
        "activation.")
clarify("maxpool with kernel 2 and ceil_mode=True on my feature map, what's the output size?")
clarify("transposed conv kernel 4 stride 2 padding 1, what size does it output?")
clarify("student asks: how many MACs does QK^T cost for d_model = 512 with 8 heads?")
clarify("How many weights in a 3×3 conv layer producing 128 feature maps?")
clarify("Depthwise separable conv with 3x3 kernels going to 256 output channels: how many "
        "parameters?")
clarify("What is the output height if kernel_size=(5, 3), stride=(2, 1) and padding=(1, 0)?")
clarify("Compute precision and recall: TP 30, TN 60, FP 10.")

# ==========================================================================
# NOT-CALCULATION items (conceptual questions that contain numbers)
# ==========================================================================
notcalc("Why does stride 2 roughly halve a 64x64 map?")
notcalc("Does a 3x3 conv with 64 filters have more parameters on a 512x512 image than on a "
        "32x32 one?")
notcalc("Why do people stack two 3x3 convs instead of using one 5x5 conv?")
notcalc("What is the point of a 1x1 convolution if it only looks at 1 pixel?")
notcalc("Why is self-attention quadratic in sequence length — why is 1000 tokens so much worse "
        "than 100?")
notcalc("If the largest absolute eigenvalue of W_h is 1.15, why does that make the gradient "
        "explode?")
notcalc("why does 2x2 max pooling give some translation invariance")
notcalc("What is the difference between padding='same' and padding='valid' in Keras?")
notcalc("Why does ceil_mode=True sometimes give one more output row than the default?")
notcalc("ResNeXt uses groups=32 — what does grouping the convolution actually do?")
notcalc("Why does a depthwise separable conv save so many parameters compared with a normal 3x3 "
        "conv with 256 filters?")
notcalc("When is an accuracy of 99% misleading, e.g. when only 1% of the samples are positive?")
notcalc("Why do transposed convolutions with kernel 3 and stride 2 produce checkerboard "
        "artifacts?")
notcalc("In the 2014 GAN paper, why does the generator's gradient saturate early in training?")
notcalc("Why do vision transformers use 16x16 patches instead of single pixels as tokens?")
notcalc("Why doesn't dilation=2 add any parameters to a 3x3 kernel?")


# ==========================================================================
# Write YAML
# ==========================================================================
def _q(s: str) -> str:
    s = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
    return f"\"{s}\""


def write_yaml(items, path):
    lines = ["# train-26: calculation tuning set, written blind to the knowledge base, "
             "the code and every other eval set"]
    for it in items:
        lines.append(f"- q: {_q(it['q'])}")
        lines.append(f"  expect: {it['expect']}")
        if "contains" in it:
            lines.append("  contains: [" + ", ".join(_q(c) for c in it["contains"]) + "]")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    write_yaml(ITEMS, OUT_YAML)
    with open(OUT_YAML, encoding="utf-8") as f:
        loaded = yaml.safe_load(f)
    assert loaded == ITEMS, "YAML round-trip mismatch"
    counts: dict[str, int] = {}
    for it in loaded:
        counts[it["expect"]] = counts.get(it["expect"], 0) + 1
    # soft check: an expected string already present in the question is a weak test
    for it in loaded:
        for c in it.get("contains", []):
            if c in it["q"]:
                print(f"note: {c!r} already appears in question: {it['q'][:60]}...")
    print(f"wrote {OUT_YAML}: {len(loaded)} items", counts)


if __name__ == "__main__":
    main()
