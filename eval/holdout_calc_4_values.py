#!/usr/bin/env python3
"""holdout-calc-4: build the calculation HOLDOUT set.

Written blind to the knowledge base, the tutor's code and every other eval set
(only the course seed questions and API_CONTRACT.md were read). Every expected
number is computed here from the formulas and asserted against a value worked
out by hand; the result is written to holdout-calc-4.yaml next to this file.
Reported only, never tuned on.

Written on 2026-12-04 by a helper who read only the seed and the API contract, after the ninth
session's calculation work, to give that work a blind figure.

    .venv/bin/python eval/holdout_calc_4_values.py   # rewrites eval/holdout-calc-4.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout-calc-4.yaml")

HEADER = ("# holdout-calc-4: calculation HOLDOUT, written blind to the knowledge base, "
          "the code and every other eval set; reported only, never tuned on\n")


# ----------------------------------------------------------------- formatting
def fmt(x):
    """Integers plain; non-integers rounded to 4 decimals, trailing zeros dropped."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    r = round(float(x), 4)
    if r == int(r) and float(x) == int(float(x)):
        return str(int(r))
    s = f"{r:.4f}".rstrip("0").rstrip(".")
    return s


def check(computed, hand):
    """Assert a computed value equals the hand-worked one; return its string."""
    if isinstance(hand, str):
        assert fmt(computed) == hand, (computed, hand)
        return hand
    assert computed == hand, (computed, hand)
    return fmt(computed)


# ----------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out >= 1, "kernel does not fit"
    return out


def pool_out(n, k, s=None, p=0):
    return conv_out(n, k, k if s is None else s, p)


def same_out(n, s=1):
    return math.ceil(n / s)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def stack(n, layers):
    """layers: list of callables n -> n; returns all sizes after each layer."""
    sizes = []
    for f in layers:
        n = f(n)
        sizes.append(n)
    return sizes


def conv_params(kh, kw, cin, cout, bias=True, groups=1):
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def depthwise_params(k, c, bias=True):
    return conv_params(k, k, c, c, bias, groups=c)


def separable_params(k, cin, cout, dw_bias=True, pw_bias=True):
    return depthwise_params(k, cin, dw_bias) + conv_params(1, 1, cin, cout, pw_bias)


def dense_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def spectral_radius(m):
    return float(max(abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def verdict(rho):
    assert abs(rho - 1) > 1e-9
    return "explod" if rho > 1 else "vanish"


def patches(H, W, ph, pw, sh, sw):
    return ((H - ph) // sh + 1) * ((W - pw) // sw + 1)


def attn_image(H, W, C, ph, pw, sh, sw):
    P = patches(H, W, ph, pw, sh, sw)
    dim = ph * pw * C
    return P, dim, P * P, P * P * dim


def attn_seq(n, d):
    return n * n, n * n * d


def metrics(tp, fp, tn, fn):
    acc = (tp + tn) / (tp + fp + tn + fn)
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    spec = tn / (tn + fp) if tn + fp else None
    f1 = 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else None
    return dict(accuracy=acc, precision=prec, recall=rec, specificity=spec, f1=f1)


ITEMS = []


def calc(q, contains, topic):
    ITEMS.append(dict(q=q, expect="calculation", contains=list(dict.fromkeys(contains)), topic=topic))


def clarify(q):
    ITEMS.append(dict(q=q, expect="clarify"))


def idea(q):
    ITEMS.append(dict(q=q, expect="not-calculation"))


# ================================================================ conv sizes (26)
T = "conv"
calc("whats the output size of nn.Conv2d(3, 64, kernel_size=3, stride=2, padding=1) on a 224x224 image? batch size is 32 if that matters",
     [check(conv_out(224, 3, 2, 1), 112)], T)          # (224+2-2-1)//2+1 = 111+1
calc("input 32x32, k5 s1 p0 -> output spatial size?",
     [check(conv_out(32, 5), 28)], T)                    # 32-4
calc("Conv layer with a 7x7 kernel, stride 2, padding 3, applied to a 227 x 227 input. what's the height/width afterwards?",
     [check(conv_out(227, 7, 2, 3), 114)], T)           # (227+6-6-1)//2+1 = 113+1
calc("64x64 feature map, 3x3 kernel with dilation 2, no padding, stride 1. output size pls",
     [check(conv_out(64, 3, 1, 0, 2), 60)], T)          # 64-4-1+1
calc("If I do nn.Conv2d(16, 16, 3, padding=2, dilation=2) on a 50x50 input what size comes out?",
     [check(conv_out(50, 3, 1, 2, 2), 50)], T)          # 50+4-4-1+1
calc("nn.MaxPool2d(2) applied to a 28x28 map, what's the output? (training for 10 epochs btw, irrelevant)",
     [check(pool_out(28, 2), 14)], T)
calc("max pool kernel 3 stride 2 on a 55x55 feature map -> ?",
     [check(pool_out(55, 3, 2), 27)], T)                # (55-3)//2+1
calc("2x2 max pooling (stride left at the default) on a 15 by 15 map, what size do I get",
     [check(pool_out(15, 2), 7)], T)                    # (15-2)//2+1 = 6+1
calc("Keras Conv2D(32, 3, strides=2, padding='same') on a 125x125x3 input. output height and width?",
     [check(same_out(125, 2), 63)], T)                  # ceil(62.5)
calc("tensorflow conv with padding=\"same\", stride 3, kernel 5, input is 100 x 61. output dims?",
     [check(same_out(100, 3), 34), check(same_out(61, 3), 21)], T)   # ceil(33.3), ceil(20.3)
calc("input image 480x640 (HxW), kernel 5, stride 2, padding 2. what's the output resolution?",
     [check(conv_out(480, 5, 2, 2), 240), check(conv_out(640, 5, 2, 2), 320)], T)  # 479//2+1, 639//2+1
calc("non square kernel question: kernel_size=(3,5), stride 1, no padding, input 20x30. output?",
     [check(conv_out(20, 3), 18), check(conv_out(30, 5), 26)], T)
calc("nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1) on a 16x16 input, what spatial size comes out",
     [check(tconv_out(16, 4, 2, 1), 32)], T)            # 15*2-2+3+1
calc("transposed conv k3 s2 p1 with output_padding=1, input 7x7. output?",
     [check(tconv_out(7, 3, 2, 1, 1, 1), 14)], T)       # 6*2-2+2+1+1
calc("deconvolution (transposed conv) with kernel 5, stride 1, no padding on a 10x10 map - how big is the result?",
     [check(tconv_out(10, 5), 14)], T)                  # 9+4+1
calc("ConvTranspose2d kernel=3 stride=3 padding=0, input 8x8, output size?",
     [check(tconv_out(8, 3, 3), 24)], T)                # 7*3+2+1
calc("transposed convolution, 5x5 input, kernel 3, stride 2, dilation 2, no padding. what's the output size?",
     [check(tconv_out(5, 3, 2, 0, 2), 13)], T)          # 4*2+2*2+1
alex = stack(227, [lambda n: conv_out(n, 11, 4), lambda n: pool_out(n, 3, 2),
                   lambda n: conv_out(n, 5, 1, 2), lambda n: pool_out(n, 3, 2)])
assert alex == [55, 27, 27, 13]   # (227-11)//4+1=55, (55-3)//2+1=27, 27, (27-3)//2+1=13
calc("AlexNet style: 227x227x3 -> conv 11x11 stride 4 -> maxpool 3x3 stride 2 -> conv 5x5 pad 2 -> maxpool 3x3 stride 2. what's the spatial size at the end?",
     [check(alex[-1], 13)], T)
vgg = stack(32, [lambda n: conv_out(n, 3, 1, 1), lambda n: pool_out(n, 2),
                 lambda n: conv_out(n, 3, 1, 1), lambda n: pool_out(n, 2),
                 lambda n: conv_out(n, 3, 1, 1), lambda n: pool_out(n, 2)])
assert vgg == [32, 16, 16, 8, 8, 4]
calc("CIFAR net: 32x32 input, then 3 blocks of [conv3x3 padding 1 -> maxpool 2x2]. what's the size after the last block? lr is 1e-3 and batch 128 if relevant",
     [check(vgg[-1], 4)], T)
three = stack(100, [lambda n: conv_out(n, 3)] * 3)
calc("three 3x3 convs stacked, no padding, stride 1, input 100x100. final output?",
     [check(three[-1], 94)], T)                         # 98, 96, 94
enc = stack(256, [lambda n: conv_out(n, 4, 2, 1)] * 4)
assert enc == [128, 64, 32, 16]
calc("encoder = 4 conv layers each k4 s2 p1, input 256x256. size after each layer?",
     [check(enc[-1], 16), "128", "64"], T)
calc("a twenty-eight by twenty-eight image through a five by five filter, stride one, no padding. how big is the output?",
     [check(conv_out(28, 5), 24)], T)
calc("x.shape = (8, 3, 96, 96) and conv = nn.Conv2d(3, 48, 5, stride=3, padding=1). what is conv(x).shape?",
     [check(conv_out(96, 5, 3, 1), 32)], T)             # (96+2-4-1)//3+1 = 31+1
calc("ouptut size for conv kernal 3 strid 1 pading 0 on a 13x13 input??",
     [check(conv_out(13, 3), 11)], T)
calc("nn.AvgPool2d(kernel_size=3, stride=2, padding=1) on 56x56, output?",
     [check(pool_out(56, 3, 2, 1), 28)], T)             # 55//2+1
calc("single conv: input 129, kernel 3, dilation 4, stride 2, padding 4. output length per axis?",
     [check(conv_out(129, 3, 2, 4, 4), 65)], T)         # (129+8-8-1)//2+1 = 64+1
calc("Conv2D(64, (3,3), strides=(2,2), padding='valid') with input_shape=(99, 99, 3), whats the output shape",
     [check(conv_out(99, 3, 2), 49)], T)                # 96//2+1
kz = stack(150, [lambda n: same_out(n, 1), lambda n: pool_out(n, 2),
                 lambda n: same_out(n, 2), lambda n: pool_out(n, 2)])
assert kz == [150, 75, 38, 19]
calc("keras model on 150x150 images: Conv2D(16,3,padding='same') -> MaxPooling2D(2) -> Conv2D(32,3,strides=2,padding='same') -> MaxPooling2D(2). spatial size at the end?",
     [check(kz[-1], 19)], T)

# ================================================================ parameter counts (16)
T = "params"
calc("how many parameters does nn.Conv2d(3, 64, kernel_size=3) have?",
     [check(conv_params(3, 3, 3, 64), 1792)], T)        # 1728+64
calc("param count of nn.Conv2d(64, 128, 3, bias=False)?",
     [check(conv_params(3, 3, 64, 128, bias=False), 73728)], T)   # 9*64*128
calc("5x5 conv going 32->64 channels, with bias. number of params?",
     [check(conv_params(5, 5, 32, 64), 51264)], T)      # 51200+64
calc("1x1 conv 256 -> 64 with biases, how many learnable params",
     [check(conv_params(1, 1, 256, 64), 16448)], T)     # 16384+64
calc("depthwise 3x3 conv on 32 channels (groups=32, one filter per channel), bias on. parameters?",
     [check(depthwise_params(3, 32), 320)], T)          # 288+32
calc("nn.Conv2d(128, 256, kernel_size=3, groups=4) - how many params incl. bias?",
     [check(conv_params(3, 3, 128, 256, groups=4), 73984)], T)   # 9*32*256+256
calc("depthwise separable conv, 3x3 depthwise then 1x1 pointwise, 64 in -> 128 out, no biases anywhere. params?",
     [check(separable_params(3, 64, 128, False, False), 8768)], T)   # 576+8192
calc("param count: depthwise 3x3 (with bias) followed by pointwise 1x1 (with bias), 32 -> 64 channels",
     [check(separable_params(3, 32, 64), 2432)], T)     # 320+2112
calc("I have 3 identical conv layers, each 3x3, 64->64 channels, with bias. total params?",
     [check(3 * conv_params(3, 3, 64, 64), 110784)], T)   # 3*36928
calc("Flatten a 7x7x64 feature map then Dense(10). how many params in that dense layer?",
     [check(dense_params(7 * 7 * 64, 10), 31370)], T)   # 31360+10
calc("nn.Linear(512, 1000) number of parameters",
     [check(dense_params(512, 1000), 513000)], T)
calc("kernel 1x7, 192 -> 192 channels, bias=False. params?",
     [check(conv_params(1, 7, 192, 192, bias=False), 258048)], T)   # 7*36864
calc("input volume is 128x128x16. how many parameters are in ONE 5x5 filter incl. its bias?",
     [check(conv_params(5, 5, 16, 1), 401)], T)         # 400+1
calc("conv layer with sixteen 3x3 filters on an RGB image, biases included. how many params?",
     [check(conv_params(3, 3, 3, 16), 448)], T)         # 432+16
calc("Conv2D(filters=32, kernel_size=(3,3), input_shape=(64,64,3), use_bias=False) -> param count? batch_size=16",
     [check(conv_params(3, 3, 3, 32, bias=False), 864)], T)
calc("model.summary() shows conv output (None, 5, 5, 16), then Flatten, then Dense(120). params of the Dense?",
     [check(dense_params(5 * 5 * 16, 120), 48120)], T)  # 400*120+120

# ================================================================ RNN (6)
T = "rnn"
def rnn(q, m, hand_rho, hand_verdict):
    rho = spectral_radius(m)
    assert verdict(rho) == hand_verdict
    calc(q, [check(rho, hand_rho), hand_verdict], T)

rnn("linear RNN h_t = W h_{t-1} + U x_t with W = [[0.5, 2], [0, 0.9]]. do the gradients vanish or explode as T grows?",
    [[0.5, 2], [0, 0.9]], "0.9", "vanish")             # triangular: eig 0.5, 0.9
rnn("W_hh = [1.2 0.3; 0 0.4], identity activation. exploding or vanishing gradients for long sequences?",
    [[1.2, 0.3], [0, 0.4]], "1.2", "explod")           # eig 1.2, 0.4
rnn("recurrent matrix W_h = [[0, -1.1], [1.1, 0]], no nonlinearity. what happens to the gradient when T -> infinity?",
    [[0, -1.1], [1.1, 0]], "1.1", "explod")            # eig +-1.1i
rnn("3x3 recurrent weights, rows: (0.7, 5, -3), (0, -0.95, 2), (0, 0, 0.3). linear RNN. explode or vanish?",
    [[0.7, 5, -3], [0, -0.95, 2], [0, 0, 0.3]], "0.95", "vanish")   # triangular: 0.7, -0.95, 0.3
rnn("W_h =\n0.6 0.8\n0.8 0.6\nidentity activation - will backprop through time blow up or die out?",
    [[0.6, 0.8], [0.8, 0.6]], "1.4", "explod")         # symmetric: 0.6+-0.8
rnn("for a linear rnn with W = [[0.6, -0.6], [0.6, 0.6]], do gradients vanish or explode? whats the spectral radius",
    [[0.6, -0.6], [0.6, 0.6]], "0.8485", "vanish")     # 0.6+-0.6i, |.| = 0.6*sqrt(2)

# ================================================================ attention (9)
T = "attention"
def att_img(q, H, W, C, ph, pw, sh, sw, hand):
    P, dim, dots, macs = attn_image(H, W, C, ph, pw, sh, sw)
    assert (P, dim, dots, macs) == hand, (P, dim, dots, macs)
    calc(q, [fmt(P), fmt(dots), fmt(macs)], T)

att_img("self-attention over a 32x32x3 image cut into non-overlapping 4x4 patches (stride 4). how many patches, how many dot products, how many multiply-adds for QK^T? identity projections, single head",
        32, 32, 3, 4, 4, 4, 4, (64, 48, 4096, 196608))
att_img("ViT: 224x224x3 input, 16x16 patches with stride 16. number of tokens, attention dot products and MACs for Q K^T (one head, no projection)?",
        224, 224, 3, 16, 16, 16, 16, (196, 768, 38416, 29503488))
att_img("10x10 grayscale image (1 channel), overlapping 3x3 patches with stride 1, no padding. self-attention cost: patches, dot products, MACs?",
        10, 10, 1, 3, 3, 1, 1, (64, 9, 4096, 36864))
att_img("MNIST 28x28x1 split into 7x7 patches, non-overlapping (stride 7). how many patches and how many multiply-adds to compute all the attention scores?",
        28, 28, 1, 7, 7, 7, 7, (16, 49, 256, 12544))
att_img("16x16 RGB image, 4x4 patches taken with stride 2 (they overlap). P = ? and the cost of QK^T in MACs? single head, identity Q/K",
        16, 16, 3, 4, 4, 2, 2, (49, 48, 2401, 115248))
att_img("image is 64 high, 32 wide, 3 channels; 8x8 patches, non-overlapping (stride 8). number of patches, pairwise dot products, multiply-adds?",
        64, 32, 3, 8, 8, 8, 8, (32, 192, 1024, 196608))
att_img("12x12x2 input, patches of 2x3 (h x w) with stride (2,3), so no overlap. how many tokens, token dim, and macs for the attention matrix?",
        12, 12, 2, 2, 3, 2, 3, (24, 12, 576, 6912))
s, m = attn_seq(512, 64)
calc("sequence of 512 tokens, each of dim 64. how many attention scores and how many MACs for QK^T (single head)?",
     [check(s, 262144), check(m, 16777216)], T)
s, m = attn_seq(100, 300)
calc("a sentence of 100 tokens with 300-d embeddings, self attention with identity projections: how many dot products and multiply-adds?",
     [check(s, 10000), check(m, 3000000)], T)

# ================================================================ metrics (12)
T = "metrics"
def met(q, counts, hand, keys):
    r = metrics(*counts)
    for k, v in hand.items():
        assert fmt(r[k]) == v, (k, r[k], v)
    calc(q, [hand[k] for k in keys], T)

ALL = ["accuracy", "precision", "recall", "specificity", "f1"]
met("TP=40, FP=10, TN=45, FN=5. accuracy, precision, recall, specificity and F1 please",
    (40, 10, 45, 5), dict(accuracy="0.85", precision="0.8", recall="0.8889", specificity="0.8182", f1="0.8421"), ALL)
met("confusion matrix (rows = actual, cols = predicted):\n            pred pos   pred neg\nactual pos     30         20\nactual neg     10        140\nwhat are precision, recall and F1?",
    (30, 10, 140, 20), dict(precision="0.75", recall="0.6", f1="0.6667", accuracy="0.85", specificity="0.9333"),
    ["precision", "recall", "f1"])
met("spam filter results, rows are what the model PREDICTED, columns what it ACTUALLY was (spam = positive):\n                 actually spam   actually ham\npredicted spam        45              5\npredicted ham         15            135\ncompute accuracy precision recall",
    (45, 5, 135, 15), dict(accuracy="0.9", precision="0.9", recall="0.75", specificity="0.9643", f1="0.8182"),
    ["accuracy", "precision", "recall"])
met("our screening model correctly flagged 45 sick patients, missed 5 sick patients, wrongly flagged 15 healthy people and correctly cleared 935 healthy people. what's its precision, recall and specificity?",
    (45, 15, 935, 5), dict(accuracy="0.98", precision="0.75", recall="0.9", specificity="0.9842", f1="0.8182"),
    ["precision", "recall", "specificity"])
met("tp 12 fp 3 fn 8 tn 77, whats the precision?",
    (12, 3, 77, 8), dict(precision="0.8", recall="0.6"), ["precision"])
met("trained 20 epochs with lr 3e-4; on the test set I get 88 true positives, 12 false negatives, 9 false positives, 891 true negatives. F1 score?",
    (88, 9, 891, 12), dict(f1="0.8934", accuracy="0.979", precision="0.9072", recall="0.88", specificity="0.99"), ["f1"])
met("TN = 70, FP = 30, TP = 25, FN = 25. specificity and recall?",
    (25, 30, 70, 25), dict(specificity="0.7", recall="0.5"), ["specificity", "recall"])
met("twenty true positives, five false positives, ten false negatives and sixty-five true negatives -> all the usual metrics?",
    (20, 5, 65, 10), dict(accuracy="0.85", precision="0.8", recall="0.6667", specificity="0.9286", f1="0.7273"), ALL)
met("|            | pred cat | pred dog |\n| actual cat |    50    |    10    |\n| actual dog |     5    |    35    |\ntreating cat as the positive class, what are precision and recall?",
    (50, 5, 35, 10), dict(precision="0.9091", recall="0.8333", accuracy="0.85", f1="0.8696", specificity="0.875"),
    ["precision", "recall"])
met("tp/fp/tn/fn = 7/3/85/5, accuracy and F1?",
    (7, 3, 85, 5), dict(accuracy="0.92", f1="0.6364", precision="0.7", recall="0.5833", specificity="0.9659"),
    ["accuracy", "f1"])
met("fraud detector in 2024: of the 200 transactions it flagged as fraud, 150 really were fraud and 50 were legit. it let 50 frauds through unflagged, and 9600 legit transactions were correctly left alone. precision, recall, accuracy?",
    (150, 50, 9600, 50), dict(precision="0.75", recall="0.75", accuracy="0.9898", f1="0.75"),
    ["precision", "recall", "accuracy"])
met("classifier never predicts positive: TP=0, FP=0, TN=90, FN=10. what's the accuracy, and what happens to precision?",
    (0, 0, 90, 10), dict(accuracy="0.9", recall="0"), ["accuracy"])
assert metrics(0, 0, 90, 10)["precision"] is None

# ================================================================ clarify (16)
clarify("output size of a conv with kernel 3 and stride 2 on my image?")
clarify("How many params in a conv layer with 3x3 kernels and 64 filters?")
clarify("what's the output size after a 5x5 conv with padding 2 and stride 1?")
clarify("my input is 64x64, I apply a conv with stride 2 and padding 1. output size?")
clarify("transposed conv, kernel 4 stride 2 padding 1 - what size comes out of it?")
clarify("precision of my classifier? it got 30 true positives and 70 true negatives")
clarify("whats the recall if TP = 45?")
clarify("is my vanilla RNN going to have exploding gradients? hidden size 128, sequence length 50, linear activation")
clarify("attention cost for a 224x224x3 image split into patches with stride 16: how many MACs for QK^T?")
clarify("How many multiply-adds does self-attention need for QK^T over a sequence of 1000 tokens?")
clarify("Dense layer with 256 units right after a Flatten - how many parameters?")
clarify("max pooling with stride 2 on a 32x32 map - what's the output size? (pool window not decided yet)")
clarify("depthwise separable conv 3x3 producing 128 output channels, how many parameters?")
clarify("accuracy with 50 TP, 10 FP and 5 FN?")
clarify("Conv2d(3, 16, kernel_size=3, stride=2) on a batch of 64 images, what's the output shape?")
clarify("does W_h make gradients vanish? it's a 3x3 matrix and its largest entry is 1.5")

# ================================================================ not-calculation (21)
idea("why do people stack two 3x3 convs instead of using one 5x5 conv?")
idea("why does a spectral radius bigger than 1 make RNN gradients explode?")
idea("Why does nn.Conv2d(3, 64, 3, padding=1) keep the spatial size unchanged? I want the intuition, not a number")
idea("what's the point of a 1x1 convolution? it doesn't look at any neighbours")
idea("why is self-attention quadratic in the sequence length, e.g. why does going from 512 to 1024 tokens hurt so much?")
idea("GANs came out in 2014, what exactly is mode collapse?")
idea("why is accuracy misleading when 99% of the examples are negative?")
idea("what's the difference between downsampling with a stride-2 conv and with 2x2 max pooling?")
idea("why do transformers use 8 attention heads instead of just 1?")
idea("explain why a 3x3 depthwise separable conv has far fewer parameters than a normal 3x3 conv")
idea("how do ResNets with 152 layers avoid vanishing gradients?")
idea("what does dilation=2 do to the receptive field, intuitively?")
idea("why initialise W_h as an orthogonal matrix, so that all eigenvalues have modulus 1?")
idea("why does a GRU help with vanishing gradients when the sequence is 1000 steps long?")
idea("when should I care more about recall than precision, like cancer screening with 1% prevalence?")
idea("why does ViT cut the image into 16x16 patches instead of using every pixel as a token?")
idea("what are the 2x2 max pooling layers in VGG16 for?")
idea("why do we need positional encodings if attention over 512 tokens is permutation equivariant?")
idea("in 'same' padding with stride 1 a 28x28 input stays 28x28 - why is it designed that way?")
idea("what is the difference between specificity and recall? say with a test that's 95% accurate")
idea("why does truncated BPTT with a window of 20 steps help with exploding gradients?")


# ================================================================ write
def dump(items):
    lines = [HEADER]
    for it in items:
        lines.append("- q: " + json.dumps(it["q"], ensure_ascii=False))
        lines.append("  expect: " + it["expect"])
        if it["expect"] == "calculation":
            lines.append("  contains: " + json.dumps(it["contains"], ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main():
    for it in ITEMS:
        assert "\n" not in json.dumps(it["q"])
        if it["expect"] == "calculation":
            assert it["contains"] and all(isinstance(c, str) and c for c in it["contains"])
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(dump(ITEMS))
    from collections import Counter
    kinds = Counter(it["expect"] for it in ITEMS)
    topics = Counter(it.get("topic") for it in ITEMS if it["expect"] == "calculation")
    print(f"wrote {OUT}: {len(ITEMS)} items", dict(kinds), dict(topics))


if __name__ == "__main__":
    main()
