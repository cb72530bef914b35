# train-27: calculation tuning set, written blind to the knowledge base, the code and every other eval set, by a helper who read only the seed and the API contract
"""train-27: blind tuning set of free-text CALCULATION questions; writes train-27.yaml beside it.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set). On arrival: 86.9% worked out right, 1.2%
wrong (taken after the commit that reads stories with shares); its misreads were fixed in the
two commits after that.

    .venv/bin/python eval/train_27_values.py   # rewrites eval/train-27.yaml

Every expected number is computed with the textbook helpers below and asserted
against a value worked out by hand (the hand working is in the comment beside
each item).  Run with /work/main/.venv/bin/python.
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731, B905
import math
import os

import numpy as np
import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-27.yaml")
HEADER = ("# train-27: calculation tuning set, written blind to the knowledge base, "
          "the code and every other eval set, by a helper who read only the seed and the API "
          "contract\n")


# --------------------------------------------------------------------------
# textbook helpers
# --------------------------------------------------------------------------
def pair(x):
    return (x, x) if isinstance(x, int) else tuple(x)


def conv1d_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d / pooling, one axis: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    eff = d * (k - 1) + 1
    assert n + 2 * p >= eff, "kernel does not fit"
    return (n + 2 * p - eff) // s + 1


def conv_out(inp, k, s=1, p=0, d=1):
    """2-D conv output. p may be an int, a pair, 'same' (TF: ceil(n/s)) or 'valid'."""
    inp, k, s, d = pair(inp), pair(k), pair(s), pair(d)
    if p == "same":
        return tuple(math.ceil(n / st) for n, st in zip(inp, s))
    if p == "valid":
        p = 0
    p = pair(p)
    return tuple(conv1d_out(n, kk, st, pp, dd) for n, kk, st, pp, dd in zip(inp, k, s, p, d))


def pool_out(inp, k, s=None, p=0):
    """Pooling: same formula as conv, stride defaults to the window size."""
    return conv_out(inp, k, k if s is None else s, p)


def convT1d_out(n, k, s=1, p=0, op=0, d=1):
    """PyTorch ConvTranspose2d, one axis: (n-1)s - 2p + d(k-1) + op + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(k, cin, cout=1, bias=True):
    """Conv2d: weights = kh*kw*cin*cout, biases = cout."""
    kh, kw = pair(k)
    w = kh * kw * cin * cout
    b = cout if bias else 0
    return {"weights": w, "biases": b, "total": w + b}


def linear_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def depthwise_params(k, c, bias=True):
    """Depthwise conv (groups = channels, multiplier 1): kh*kw*c + c."""
    kh, kw = pair(k)
    return kh * kw * c + (c if bias else 0)


def separable_params(k, cin, cout, bias_dw=False, bias_pw=False):
    return depthwise_params(k, cin, bias_dw) + conv_params(1, cin, cout, bias_pw)["total"]


def rnn_family_params(x, h, gates=1, n_bias_vectors=1):
    """gates * (h*x + h*h + n_bias_vectors*h).  vanilla RNN gates=1, GRU 3, LSTM 4;
    PyTorch keeps two bias vectors (b_ih, b_hh) per gate."""
    return gates * (h * x + h * h + n_bias_vectors * h)


def eigen(m):
    ev = np.linalg.eigvals(np.array(m, dtype=float))
    rho = float(np.max(np.abs(ev)))
    if abs(rho - 1.0) < 1e-9:
        verdict = "stable"
    elif rho > 1:
        verdict = "explode"
    else:
        verdict = "vanish"
    return ev, rho, verdict


def attention_patches(inp, patch, stride=1):
    """Contract: P patches, token_dim = h*w*C, dot_products = P^2, macs = P^2*h*w*C."""
    H, W, C = inp
    ph, pw = pair(patch)
    sh, sw = pair(stride)
    P = ((H - ph) // sh + 1) * ((W - pw) // sw + 1)
    td = ph * pw * C
    return {"num_patches": P, "token_dim": td, "dot_products": P * P, "macs": P * P * td}


def attention_seq(n, d, heads=1):
    """n tokens, model dim d split into `heads` heads of d/heads.
    scores = heads*n^2 ; macs of QK^T = heads*n^2*(d/heads) = n^2*d."""
    assert d % heads == 0
    return {"scores": heads * n * n, "macs": heads * n * n * (d // heads)}


def metrics(tp, fp, tn, fn):
    def r(a, b):
        return None if b == 0 else a / b
    return {
        "accuracy": r(tp + tn, tp + tn + fp + fn),
        "precision": r(tp, tp + fp),
        "recall": r(tp, tp + fn),
        "specificity": r(tn, tn + fp),
        "f1": r(2 * tp, 2 * tp + fp + fn),
    }


def fmt(x):
    """Print a number the way a calculator would: ints plainly, floats to <=4 sig. places."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return f"{x:.4g}"


ITEMS = []


def calc(q, computed, hand, extra=()):
    """computed and hand are parallel sequences; every value must agree."""
    computed, hand = list(computed), list(hand)
    assert len(computed) == len(hand), q
    for c, h in zip(computed, hand):
        if isinstance(h, float):
            assert abs(float(c) - h) < 5e-4, (q, c, h)
        else:
            assert c == h, (q, c, h)
    contains = [fmt(c) for c in computed] + list(extra)
    seen = []
    for s in contains:
        if s not in seen:
            seen.append(s)
    ITEMS.append({"q": q, "expect": "calculation", "contains": seen})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def notcalc(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ==========================================================================
# 1. conv / pooling / transposed-conv output sizes
# ==========================================================================
# (32 - 5)/1 + 1 = 28
calc("What's the output size if I convolve a 32x32 image with a 5x5 kernel, stride 1 and no padding?",
     conv_out(32, 5)[:1], [28])

# (28 + 2 - 3)/2 = 13.5 -> 13, +1 = 14
calc("if i have a 28x28 img and a 3x3 filter w stride 2 and padding 1 whats the output size",
     conv_out(28, 3, 2, 1)[:1], [14])

# (224 + 6 - 7)/2 = 111.5 -> 111, +1 = 112  -> 64x112x112
calc("nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) applied to a 3x224x224 image: what spatial size comes out?",
     conv_out(224, 7, 2, 3)[:1], [112])

# effective kernel 2*(3-1)+1 = 5 ; 64 - 5 + 1 = 60
calc("Input is 64x64, kernel 3x3, dilation 2, stride 1, no padding. What are the output height and width?",
     conv_out(64, 3, 1, 0, 2)[:1], [60])

# TF 'same': ceil(225/2) = 113 -> 113x113x32
calc("Keras: Conv2D(32, (3, 3), strides=2, padding='same') on a 225x225x3 input. What's the output shape?",
     conv_out(225, 3, 2, "same")[:1], [113])

# valid: floor((100 - 5)/2) + 1 = 47 + 1 = 48
calc("tf.keras.layers.Conv2D(16, 5, strides=2, padding='valid') on a 100x100 grayscale image, what output size do I get?",
     conv_out(100, 5, 2, "valid")[:1], [48])

# H: 120 - 3 + 1 = 118 ; W: 160 - 5 + 1 = 156
calc("Non-square case: input is 120 high and 160 wide, the kernel is 3 high and 5 wide, stride 1, no padding. What is the output size?",
     conv_out((120, 160), (3, 5)), [118, 156])

# H: (96 + 2 - 4)/2 = 47, +1 = 48 ; W: (128 + 2 - 4)/4 = 31.5 -> 31, +1 = 32
calc("Feature map with H=96 and W=128, conv with a 4x4 kernel, stride (2, 4) given as (height, width), padding 1 on every side. Output H and W?",
     conv_out((96, 128), 4, (2, 4), 1), [48, 32])

# (227 - 11 + 0)/4 = 54, +1 = 55
calc("Compute $W_{out}$ given $W_{in} = 227$, filter size $F = 11$, stride $S = 4$ and padding $P = 0$.",
     conv_out(227, 11, 4, 0)[:1], [55])

# 64 -conv3 p1-> 64 -pool2-> 32 -conv3 p0-> 30 -pool2-> 15
_s = conv_out(64, 3, 1, 1); _s = pool_out(_s, 2, 2); _s = conv_out(_s, 3); _s = pool_out(_s, 2, 2)
calc("A 64x64 input goes through: conv 3x3 stride 1 padding 1, then max pool 2x2 stride 2, then conv 3x3 stride 1 no padding, then max pool 2x2 stride 2. What's the spatial size at the end?",
     _s[:1], [15])

# (55 - 3)/2 + 1 = 26 + 1 = 27
calc("max pooling with a 3x3 window and stride 2 on a 55x55x96 feature map, whats the output size?",
     pool_out(55, 3, 2)[:1], [27])

# (112 + 2 - 3)/2 = 55.5 -> 55, +1 = 56
calc("nn.MaxPool2d(kernel_size=3, stride=2, padding=1) on a 112x112 feature map gives what size?",
     pool_out(112, 3, 2, 1)[:1], [56])

# (32 + 4 - 5)/2 = 15.5 -> 15, +1 = 16
calc("An input of size thirty-two by thirty-two goes through a convolution with a five by five kernel, stride two and padding two. What size is the output?",
     conv_out(32, 5, 2, 2)[:1], [16])

# H: (15 + 2 - 3)/2 = 7, +1 = 8 ; W: (9 + 2 - 3)/2 = 4, +1 = 5
calc("Single-channel image of 15 x 9 pixels (height x width), 3 x 3 filter, stride 2, zero padding of 1 pixel on every side. What is the output size?",
     conv_out((15, 9), 3, 2, 1), [8, 5])

# irrelevant numbers ignored: (64 - 5)/1 + 1 = 60
calc("I'm training with batch size 128 for 50 epochs at lr 3e-4 (it's for the 2024 coursework). The first layer is a conv with kernel 5, stride 1, padding 0 on 3x64x64 images and 6 output channels. What H and W come out of it?",
     conv_out(64, 5, 1, 0)[:1], [60])

# (256 + 2 - 3)/2 = 127.5 -> 127, +1 = 128 -> (16, 32, 128, 128)
calc("x.shape is (16, 3, 256, 256) and conv = nn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1). What's conv(x).shape?",
     conv_out(256, 3, 2, 1)[:1], [128])

# effective kernel 5; 50 + 4 - 5 + 1 = 50
calc("nn.Conv2d(64, 64, kernel_size=3, padding=2, dilation=2) on a 50x50 map: does the size change? what is the output size?",
     conv_out(50, 3, 1, 2, 2)[:1], [50])

# effective kernel 4*(3-1)+1 = 9 ; (81 - 9)/3 = 24, +1 = 25
calc("input 81x81, kernel 3, dilation 4, stride 3, padding 0. output size?",
     conv_out(81, 3, 3, 0, 4)[:1], [25])

# 'SAME': ceil(100/3) = 34 ; ceil(50/3) = 17
calc("With TensorFlow padding='SAME' and stride 3, what output do I get from a 100x50 (HxW) input with a 3x3 kernel?",
     conv_out((100, 50), 3, 3, "same"), [34, 17])

# 224 -> (224+2-3)//2+1 = 112 -> 56 -> 28
_a = conv_out(224, 3, 2, 1); _b = conv_out(_a, 3, 2, 1); _c = conv_out(_b, 3, 2, 1)
calc("Three conv layers in a row, each 3x3 with stride 2 and padding 1, starting from a 224x224 input. What's the size after each layer?",
     [_a[0], _b[0], _c[0]], [112, 56, 28])

# (100 - 7)/4 = 23.25 -> 23, +1 = 24
calc("Exam-style: input 100 x 100, kernel 7 x 7, stride 4, no padding. Give the output dimensions (remember the floor).",
     conv_out(100, 7, 4, 0)[:1], [24])

# TF same: ceil(37/2) = 19
calc("hey quick q: conv k=3 s=2 padding='same' (tf convention) on a 37x37 map, what's the output size?",
     conv_out(37, 3, 2, "same")[:1], [19])

# (16-1)*2 - 2*1 + (4-1) + 0 + 1 = 30 - 2 + 3 + 1 = 32
calc("nn.ConvTranspose2d(64, 3, kernel_size=4, stride=2, padding=1) on a 16x16 input: what's the output size?",
     [convT1d_out(16, 4, 2, 1)], [32])

# (7-1)*2 - 2 + (3-1) + 1 + 1 = 12 - 2 + 2 + 1 + 1 = 14
calc("Transposed convolution: input 7x7, kernel 3, stride 2, padding 1, output_padding 1 (PyTorch semantics). Output size?",
     [convT1d_out(7, 3, 2, 1, 1)], [14])

# (129 + 0 - 3)/2 = 63, +1 = 64
calc(r"Using $O = \left\lfloor \frac{I + 2P - K}{S} \right\rfloor + 1$, evaluate for $I = 129$, $K = 3$, $P = 0$, $S = 2$.",
     conv_out(129, 3, 2, 0)[:1], [64])

# 224 - 3 + 1 = 222 -> 222x222x32
calc("RGB image 224x224x3, conv layer with 32 filters of 3x3, stride 1, 'valid' padding. Dimensions of the output volume?",
     conv_out(224, 3, 1, "valid")[:1], [222])

# (48 + 2 - 5)/3 = 15, +1 = 16
calc("wat is the ouput size for a 48x48 inupt w/ kernal 5 strid 3 and pad 1??",
     conv_out(48, 5, 3, 1)[:1], [16])

# 224 / 2^5 = 7 (each pool: floor((n-2)/2)+1 = n/2 for even n)
_v = 224
for _ in range(5):
    _v = pool_out(_v, 2, 2)[0]
calc("In VGG-16 every conv keeps the size (3x3, padding 1) and there are five 2x2 max-pools with stride 2. Starting from 224x224, what's the final feature map size?",
     [_v], [7])

# ==========================================================================
# 2. parameter counts
# ==========================================================================
# 3*3*3*64 = 1728 weights + 64 biases = 1792
p = conv_params(3, 3, 64)
calc("How many parameters does nn.Conv2d(3, 64, kernel_size=3) have?", [p["total"]], [1792])

# 5*5*16*32 = 25*512 = 12800
p = conv_params(5, 16, 32, bias=False)
calc("A conv layer with 5x5 kernels, 16 input channels and 32 output channels, no bias. How many weights?",
     [p["total"]], [12800])

# 3*3*64*128 = 73728 + 128 = 73856
p = conv_params(3, 64, 128)
calc("Keras Conv2D(128, (3, 3)) applied to a 28x28x64 feature map: how many trainable params will model.summary() show for it?",
     [p["total"]], [73856])

# one filter: 5*5*16 = 400 + 1 bias = 401
p = conv_params(5, 16, 1)
calc("How many parameters are in a single 5x5 convolution filter applied to a 128x128x16 input, bias included?",
     [p["total"]], [401])

# 1*1*256*64 = 16384 + 64 = 16448
p = conv_params(1, 256, 64)
calc("1x1 conv from 256 channels down to 64 channels, with bias: parameter count?", [p["total"]], [16448])

# 1*7*192*224 = 7*43008 = 301056
p = conv_params((1, 7), 192, 224, bias=False)
calc("nn.Conv2d(192, 224, kernel_size=(1, 7), bias=False): how many parameters?", [p["total"]], [301056])

# 3*3*3 = 27 per filter, *10 = 270 + 10 = 280
p = conv_params(3, 3, 10)
calc(r"How many learnable parameters does a convolutional layer with $K = 10$ filters of size $3 \times 3$ have when applied to an input volume of $32 \times 32 \times 3$? Count the biases.",
     [p["total"]], [280])

# weights 3*3*64*128 = 73728 ; biases 128 ; total 73856
p = conv_params(3, 64, 128)
calc("For nn.Conv2d(64, 128, 3) how many weights and how many biases are there, separately, and what's the total?",
     [p["weights"], p["biases"], p["total"]], [73728, 128, 73856])

# 784*128 = 100352 + 128 = 100480
calc("How many params in nn.Linear(784, 128)?", [linear_params(784, 128)], [100480])

# 4096*1000 = 4096000 + 1000 = 4097000
calc("The last fully connected layer of AlexNet maps 4096 features to 1000 classes. Including biases, how many parameters is that?",
     [linear_params(4096, 1000)], [4097000])

# 64*7*7 = 3136 ; 3136*10 + 10 = 31370
calc("After my conv stack the feature map is 64 x 7 x 7 (C x H x W). I flatten it and add a Linear layer to 10 classes. How many parameters does that linear layer have, with bias?",
     [linear_params(64 * 7 * 7, 10)], [31370])

# 3*3*32 = 288 + 32 = 320
calc("Depthwise 3x3 conv on 32 channels (groups=32, one filter per channel) with bias: number of parameters?",
     [depthwise_params(3, 32)], [320])

# depthwise 3*3*128 = 1152 ; pointwise 128*256 = 32768 ; sum 33920 ; standard 9*128*256 = 294912
calc("Depthwise separable conv: a 3x3 depthwise conv on 128 channels followed by a 1x1 pointwise conv to 256 channels, no biases anywhere. How many params is that, and how many would a normal 3x3 conv from 128 to 256 channels (no bias) have?",
     [separable_params(3, 128, 256), conv_params(3, 128, 256, bias=False)["total"]], [33920, 294912])

# 3*3*96 = 864
calc("nn.Conv2d(96, 96, kernel_size=3, groups=96, bias=False) param count?",
     [depthwise_params(3, 96, bias=False)], [864])

# depthwise 3*3*32 = 288 ; pointwise 32*64 = 2048 ; bias 64 -> 2400
calc("Keras SeparableConv2D(64, 3) on an input with 32 channels (use_bias=True, one bias per output filter): total params?",
     [separable_params(3, 32, 64, bias_dw=False, bias_pw=True)], [2400])

# conv1 3*3*1*8+8 = 80 ; conv2 3*3*8*16+16 = 1168 ; fc 400*10+10 = 4010 ; total 5258
# (size check: 28 -> 26 -> 13 -> 11 -> 5, so 16*5*5 = 400 fits)
_sz = pool_out(conv_out(pool_out(conv_out(28, 3), 2), 3), 2)[0]
assert _sz == 5
_tot = conv_params(3, 1, 8)["total"] + conv_params(3, 8, 16)["total"] + linear_params(16 * 5 * 5, 10)
calc("Small MNIST net on 1x28x28 inputs: Conv2d(1, 8, 3) -> ReLU -> MaxPool2d(2) -> Conv2d(8, 16, 3) -> ReLU -> MaxPool2d(2) -> Flatten -> Linear(16*5*5, 10). All layers have biases. Total number of parameters?",
     [_tot], [5258])

# 784*256+256 = 200960 ; 256*128+128 = 32896 ; 128*10+10 = 1290 ; total 235146
_mlp = linear_params(784, 256) + linear_params(256, 128) + linear_params(128, 10)
calc("MLP with layer sizes 784-256-128-10, biases everywhere. Total params?", [_mlp], [235146])

# two 3x3: 2*(9*64*64) = 2*36864 = 73728 ; one 5x5: 25*4096 = 102400
calc("Two stacked 3x3 convs (64->64 then 64->64) vs a single 5x5 conv (64->64), no biases: how many params does each option have?",
     [2 * conv_params(3, 64, 64, False)["total"], conv_params(5, 64, 64, False)["total"]], [73728, 102400])

# 7*7*3 = 147 ; *96 = 14112 ; +96 = 14208
calc("how many params in a conv w/ 7x7 kernel, 3 -> 96 channels, plus bias", [conv_params(7, 3, 96)["total"]], [14208])

# irrelevant numbers; 11*11*3 = 363 ; *96 = 34848 ; +96 = 34944
calc("For my project (due Friday, max 3 pages) I use 224x224 RGB images, batch size 32, and the first layer has 96 filters of 11x11 with stride 4. How many parameters does that layer have including biases?",
     [conv_params(11, 3, 96)["total"]], [34944])

# 20*10 + 20*20 + 20 + 20 = 200 + 400 + 40 = 640
calc("nn.RNN(input_size=10, hidden_size=20), single layer. How many parameters does PyTorch create (it keeps both b_ih and b_hh)?",
     [rnn_family_params(10, 20, gates=1, n_bias_vectors=2)], [640])

# 4*(64*32 + 64*64 + 64 + 64) = 4*(2048 + 4096 + 128) = 4*6272 = 25088
calc("How many parameters in nn.LSTM(input_size=32, hidden_size=64) with one layer? Remember PyTorch has two bias vectors (b_ih and b_hh) for each gate.",
     [rnn_family_params(32, 64, gates=4, n_bias_vectors=2)], [25088])

# 3*(32*16 + 32*32 + 32) = 3*(512 + 1024 + 32) = 3*1568 = 4704
calc("Textbook GRU with input dim 16 and hidden dim 32: the update gate, reset gate and candidate each have an input weight matrix, a recurrent weight matrix and ONE bias vector. Parameter count?",
     [rnn_family_params(16, 32, gates=3, n_bias_vectors=1)], [4704])

# ==========================================================================
# 3. RNN exploding / vanishing via eigenvalues of W_h (identity activation)
# ==========================================================================
def eig_item(q, m, hand_rho, hand_verdict, stem):
    _, rho, verdict = eigen(m)
    assert verdict == hand_verdict, (q, verdict)
    calc(q, [rho], [hand_rho], extra=[stem] if stem else ())


# diagonal: eigenvalues 0.5, 0.8 -> rho 0.8 < 1 -> vanish
eig_item("Linear RNN (identity activation) with W_h = [[0.5, 0], [0, 0.8]]. Do the gradients vanish or explode over long sequences?",
         [[0.5, 0], [0, 0.8]], 0.8, "vanish", "vanish")
# upper triangular: eigenvalues 1.2, 0.7 -> rho 1.2 > 1 -> explode
eig_item("My recurrent weight matrix is [[1.2, 0.3], [0.0, 0.7]] and the activation is the identity. What's the spectral radius and will BPTT gradients explode or vanish as T goes to infinity?",
         [[1.2, 0.3], [0, 0.7]], 1.2, "explode", "explod")
# rotation-scaling: lambda^2 = -1.21 -> +-1.1i, |lambda| = 1.1 -> explode
eig_item(r"For $h_t = W_h h_{t-1} + W_x x_t$ with $W_h = \begin{pmatrix} 0 & -1.1 \\ 1.1 & 0 \end{pmatrix}$, does the gradient explode or vanish when $T \to \infty$?",
         [[0, -1.1], [1.1, 0]], 1.1, "explode", "explod")
# permutation matrix: eigenvalues +1, -1 -> rho = 1 -> stable
eig_item("identity-activation rnn, W_h = [[0, 1], [1, 0]]. vanishing, exploding or neither?",
         [[0, 1], [1, 0]], 1.0, "stable", "stable")
# lower triangular: eigenvalues on diagonal 0.9, -0.3, 0.4 -> rho 0.9 -> vanish
eig_item(r"Let $W_h = \begin{pmatrix} 0.9 & 0 & 0 \\ 0.5 & -0.3 & 0 \\ 1 & 2 & 0.4 \end{pmatrix}$ and $\sigma$ the identity. Some entries are bigger than 1: will the gradient explode or vanish for long sequences?",
         [[0.9, 0, 0], [0.5, -0.3, 0], [1, 2, 0.4]], 0.9, "vanish", "vanish")
# symmetric [[a,b],[b,a]]: eigenvalues a+b = 1.2, a-b = 0.2 -> rho 1.2 -> explode
eig_item("All entries of my recurrent matrix are below 1: W_h = [[0.7, 0.5], [0.5, 0.7]]. With a linear activation, does that mean the gradients are safe from exploding? What's the largest |eigenvalue|?",
         [[0.7, 0.5], [0.5, 0.7]], 1.2, "explode", "explod")
# [[a,-b],[b,a]]: eigenvalues 0.3 +- 0.4i, |.| = sqrt(0.09+0.16) = 0.5 -> vanish
eig_item("W_h = np.array([[0.3, -0.4], [0.4, 0.3]]), identity activation. Spectral radius and vanish/explode verdict?",
         [[0.3, -0.4], [0.4, 0.3]], 0.5, "vanish", "vanish")
# upper triangular: eigenvalues 2, 0.5 -> rho 2 -> explode
eig_item("rnn recurrent matrix has rows [2, 1] and [0, 0.5], no nonlinearity. does the grad blow up for long sequences",
         [[2, 1], [0, 0.5]], 2.0, "explode", "explod")
# diagonal: eigenvalues -1.5, 0.2 -> rho |-1.5| = 1.5 -> explode
eig_item("If W_h = diag(-1.5, 0.2) in a linear RNN, do the gradients explode or vanish? The big eigenvalue is negative, does that matter?",
         [[-1.5, 0], [0, 0.2]], 1.5, "explode", "explod")
# 0.5*[[1,1],[1,0]]: eigenvalues 0.5*(1 +- sqrt5)/2 = 0.809, -0.309 -> rho 0.809 -> vanish
eig_item("Recurrent matrix W_h = [[0.5, 0.5], [0.5, 0]] with identity activation. What are its eigenvalues and do gradients vanish or explode over many time steps?",
         [[0.5, 0.5], [0.5, 0]], 0.809, "vanish", "vanish")
# block: [[0.4,0.3],[0.3,0.4]] -> 0.7, 0.1 ; and -0.2 -> rho 0.7 -> vanish
eig_item(r"$W_h = \begin{pmatrix} 0.4 & 0.3 & 0 \\ 0.3 & 0.4 & 0 \\ 0 & 0 & -0.2 \end{pmatrix}$, identity activation, $h_0 = 0$. Explode or vanish as $T \to +\infty$? Give the spectral radius.",
         [[0.4, 0.3, 0], [0.3, 0.4, 0], [0, 0, -0.2]], 0.7, "vanish", "vanish")

# ==========================================================================
# 4. self-attention cost
# ==========================================================================
# 512^2 = 262144 dot products ; *64 = 16777216 MACs
a = attention_seq(512, 64)
calc("Self-attention over a sequence of n = 512 tokens with d = 64, one head, identity projections: how many dot products are in QK^T and how many multiply-adds does it take?",
     [a["scores"], a["macs"]], [262144, 16777216])

# (224/16)^2 = 14^2 = 196 ; 16*16*3 = 768 ; 196^2 = 38416
a = attention_patches((224, 224, 3), 16, 16)
calc("ViT setup: a 224x224x3 image cut into non-overlapping 16x16 patches. How many patches, what's each token's dimension, and how many entries does the attention matrix have?",
     [a["num_patches"], a["token_dim"], a["dot_products"]], [196, 768, 38416])

# P = (32-4+1)^2 = 29^2 = 841 ; token 4*4*3 = 48 ; 841^2 = 707281 ; *48 = 33949488
a = attention_patches((32, 32, 3), 4, 1)
calc("Image 32x32x3, patches 4x4x3 extracted with stride 1 (overlapping, no padding). Single head, identity Q/K/V. How many patches, and how many multiply-adds does computing the dot products QK^T take?",
     [a["num_patches"], a["macs"]], [841, 33949488])

# P = (8-3+1)^2 = 36 ; token 9 ; 36^2 = 1296 ; *9 = 11664
a = attention_patches((8, 8, 1), 3, 1)
calc("H = W = 8, C = 1, patches of 3x3, stride 1, no padding, single head with identity projections. How many patches are there and how many multiply-adds for all the pairwise dot products?",
     [a["num_patches"], a["macs"]], [36, 11664])

# scores 8*100^2 = 80000 ; MACs 8*100^2*64 = 5120000 (= 100^2*512)
a = attention_seq(100, 512, heads=8)
calc("nn.MultiheadAttention(embed_dim=512, num_heads=8), batch of 32 sequences, each 100 tokens long, dropout 0.1. Per sequence, how many attention scores are computed across all heads, and how many multiply-adds does QK^T take in total across the heads (each head has dim 64)?",
     [a["scores"], a["macs"]], [80000, 5120000])

# 1000^2 = 1000000 ; *768 = 768000000
a = attention_seq(1000, 768)
calc("roughly 1k tokens (say exactly 1000) with d_model = 768, single head: how many dot products and how many multiply-adds for QK^T?",
     [a["scores"], a["macs"]], [1000000, 768000000])

# (1024/256)^2 = 4^2 = 16
calc("if i go from 256 tokens to 1024 tokens (same d) how many times more dot products does self attention need",
     [attention_seq(1024, 64)["scores"] // attention_seq(256, 64)["scores"]], [16])

# P = (64/8)*(32/8) = 8*4 = 32 ; token 8*8*3 = 192 ; 32^2 = 1024
a = attention_patches((64, 32, 3), 8, 8)
calc("Image of shape 64x32x3 (H x W x C), non-overlapping 8x8 patches. Number of patches, token dimension, and number of dot products for single-head self-attention?",
     [a["num_patches"], a["token_dim"], a["dot_products"]], [32, 192, 1024])

# per axis (30-6)/3+1 = 9 -> P = 81 ; token 6*6*2 = 72 ; 81^2 = 6561 ; *72 = 472392
a = attention_patches((30, 30, 2), 6, 3)
calc("Input [30, 30, 2] as (H, W, C), patch size 6, stride 3, no padding. How many patches, and what are the multiply-adds of QK^T with identity projections?",
     [a["num_patches"], a["macs"]], [81, 472392])

# 196^2 = 38416 ; *384 = 14751744
a = attention_seq(196, 384)
calc(r"$N = 196$ tokens of dimension $d = 384$, single head: how many multiply-accumulate operations are needed for $QK^\top$?",
     [a["macs"]], [14751744])

# ==========================================================================
# 5. classification metrics
# ==========================================================================
# acc (30+90)/160 = 0.75 ; P 30/40 = 0.75 ; R 30/60 = 0.5 ; spec 90/100 = 0.9 ; F1 60/(60+40) = 0.6
m = metrics(30, 10, 90, 30)
calc("Given TP = 30, FP = 10, TN = 90, FN = 30, compute the accuracy, precision, recall, specificity and F1 score.",
     [m["accuracy"], m["precision"], m["recall"], m["specificity"], m["f1"]], [0.75, 0.75, 0.5, 0.9, 0.6])

# table: TP 45, FN 30, FP 5, TN 120 -> acc 165/200 = 0.825 ; P 45/50 = 0.9 ; R 45/75 = 0.6 ; F1 90/125 = 0.72
m = metrics(45, 5, 120, 30)
calc("Confusion matrix for my cat-vs-dog classifier, cat is the positive class (rows = actual, columns = predicted):\n\n|            | pred cat | pred dog |\n|------------|----------|----------|\n| actual cat | 45       | 30       |\n| actual dog | 5        | 120      |\n\nWhat are the accuracy, precision, recall and F1?",
     [m["accuracy"], m["precision"], m["recall"], m["f1"]], [0.825, 0.9, 0.6, 0.72])

# rows = predicted: [TP FP; FN TN] = [45 30; 5 170] -> P 45/75 = 0.6 ; R 45/50 = 0.9 ; F1 90/125 = 0.72 ; acc 215/250 = 0.86
m = metrics(45, 30, 170, 5)
calc(r"Here the rows are the PREDICTED class and the columns the ACTUAL class, positive first: $\begin{pmatrix} 45 & 30 \\ 5 & 170 \end{pmatrix}$. Compute precision, recall, F1 and accuracy.",
     [m["precision"], m["recall"], m["f1"], m["accuracy"]], [0.6, 0.9, 0.72, 0.86])

# F1 = 2*15/(30 + 10 + 35) = 30/75 = 0.4
m = metrics(15, 10, 90, 35)
calc("tp 15 fp 10 tn 90 fn 35, whats the f1", [m["f1"]], [0.4])

# defects: 40 defective, 30 caught -> TP 30, FN 10 ; 80 flagged -> FP 50 ; TN 200-50 = 150
# P 30/80 = 0.375 ; R 30/40 = 0.75 ; F1 60/120 = 0.5
m = metrics(30, 50, 150, 10)
calc("A visual inspection model checks 240 parts, of which 40 are actually defective. It flags 80 parts as defective, and 30 of the flagged ones really are defective. Treating 'defective' as positive, what are the precision, recall and F1?",
     [m["precision"], m["recall"], m["f1"]], [0.375, 0.75, 0.5])

# y lists: TP 3 (idx 0-2), FN 1 (idx 3), FP 1 (idx 4), TN 5 -> acc 8/10 = 0.8 ; P 3/4 = 0.75 ; R 3/4 = 0.75 ; F1 0.75
_yt = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
_yp = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]
_tp = sum(t == 1 and q == 1 for t, q in zip(_yt, _yp)); _fp = sum(t == 0 and q == 1 for t, q in zip(_yt, _yp))
_tn = sum(t == 0 and q == 0 for t, q in zip(_yt, _yp)); _fn = sum(t == 1 and q == 0 for t, q in zip(_yt, _yp))
m = metrics(_tp, _fp, _tn, _fn)
calc("y_true = [1,1,1,1,0,0,0,0,0,0] and y_pred = [1,1,1,0,1,0,0,0,0,0] with 1 as the positive class. What would accuracy, precision, recall and F1 come out as?",
     [m["accuracy"], m["precision"], m["recall"], m["f1"]], [0.8, 0.75, 0.75, 0.75])

# spam: TP 40, FP 10, FN 10, TN 1000-50-10 = 940 -> acc 980/1000 = 0.98 ; P 0.8 ; R 0.8
m = metrics(40, 10, 940, 10)
calc("Out of 1000 emails, 50 are spam. My filter flags 50 emails as spam, and 40 of those really are spam. What are the accuracy, precision and recall of the filter?",
     [m["accuracy"], m["precision"], m["recall"]], [0.98, 0.8, 0.8])

# TP 18, FN 2, FP 36, TN 144 -> sens 18/20 = 0.9 ; spec 144/180 = 0.8 ; acc 162/200 = 0.81
m = metrics(18, 36, 144, 2)
calc("A screening test is run on 200 patients, 20 of whom have the disease. It comes back positive for 18 of the sick patients and for 36 of the healthy ones. What are the sensitivity, specificity and accuracy?",
     [m["recall"], m["specificity"], m["accuracy"]], [0.9, 0.8, 0.81])

# TP 80, FN 20, FP 20, TN 9900-20 = 9880 -> acc 9960/10000 = 0.996 ; P 0.8 ; R 0.8
m = metrics(80, 20, 9880, 20)
calc("Fraud detection: 10,000 transactions, 100 of them fraudulent. The model catches 80 of the frauds and also flags 20 legitimate transactions. Accuracy, precision and recall?",
     [m["accuracy"], m["precision"], m["recall"]], [0.996, 0.8, 0.8])

# TP 0, FP 0, TN 90, FN 10 -> acc 0.9 ; precision 0/0 undefined ; recall 0/10 = 0
m = metrics(0, 0, 90, 10)
assert m["precision"] is None and m["recall"] == 0
calc("My classifier predicts negative for every sample. On the test set TP = 0, FP = 0, TN = 90, FN = 10. What are its accuracy, precision and recall?",
     [m["accuracy"]], [0.9])

# spec 108/(108+12) = 0.9 ; sens 24/(24+6) = 0.8
m = metrics(24, 12, 108, 6)
calc("TP=24, FN=6, FP=12, TN=108. what's the specificity and the sensitivity?",
     [m["specificity"], m["recall"]], [0.9, 0.8])

# all 0.8: acc 80/100, P 40/50, R 40/50
m = metrics(40, 10, 40, 10)
calc("on my phone so sorry for formatting: true pos 40 false pos 10 true neg 40 false neg 10 -> accuracy precision recall pls",
     [m["accuracy"], m["precision"], m["recall"]], [0.8, 0.8, 0.8])

# ==========================================================================
# 6. clarify: a needed value is missing or the request is truly ambiguous
# ==========================================================================
clarify("What's the output size of a conv layer with a 3x3 kernel and stride 2?")
clarify("How many parameters does my conv layer with 64 filters have?")
clarify("Compute the output size for a 128x128 image with stride 2 and padding 1.")
clarify("Is my RNN going to explode? The recurrent matrix is 3x3 and the activation is linear.")
clarify("What are the recall and the F1 score if TP = 30 and FP = 10?")
clarify("What's the self-attention cost for my ViT with 16x16 non-overlapping patches on RGB images?")
clarify("how many params does nn.Linear have for a hidden layer of 512 units")
clarify("my model's accuracy is 90%, what's its precision?")
clarify("How many patches do I get with 8x8 patches, stride 8, on a 3-channel image?")
clarify("Output size after a 2x2 max pool with stride 2 on my feature map?")
clarify("How many parameters does an LSTM with hidden size 128 have?")
clarify("eigenvalues of W_h = [[0.5, 0.2], [0.1]] please, does it vanish?")
clarify("How many parameters in a 3x3 conv layer that outputs 128 channels, bias included?")
clarify("Metrics from this confusion matrix please: [[50, 10], [5, 35]]. I need precision and recall.")
clarify("The filter is 5x5 and the output feature map is 28x28 with stride 1. What's the parameter count of the layer?")

# ==========================================================================
# 7. not-calculation: about the idea, numbers are incidental
# ==========================================================================
notcalc("Why does a 1x1 convolution with 64 filters reduce the number of channels?")
notcalc("Why do people stack two 3x3 convs instead of using one 5x5 conv? What's the intuition?")
notcalc("Why does a spectral radius above 1 make the gradients explode in an RNN?")
notcalc("In ViT, why are the images split into 16x16 patches instead of using every pixel as a token?")
notcalc("What does using stride 2 instead of stride 1 actually do to the feature map, conceptually?")
notcalc("Why is accuracy misleading when only 1% of the samples are positive?")
notcalc("What's the difference between padding='same' and padding='valid' in Keras?")
notcalc("Why is self-attention O(n^2) in the sequence length?")
notcalc("Does a 3x3 conv layer with 256 filters share weights across positions? What does weight sharing mean?")
notcalc("Why does an LSTM with 128 hidden units suffer less from vanishing gradients than a vanilla RNN of the same size?")
notcalc("What does the bias term in a conv layer do, and why is there just one per filter?")
notcalc("When should I report F1 instead of accuracy, e.g. if my 2 classes are split 95/5?")
notcalc("Why does dilation 2 enlarge the receptive field of a 3x3 kernel without adding any parameters?")
notcalc("What's the difference between a depthwise conv with groups=32 and a normal conv with groups=1?")
notcalc("In the RNN exam question with a 3x3 W_h, why do we look at the largest absolute eigenvalue rather than the determinant or the trace?")


# ==========================================================================
def main():
    kinds = {}
    for it in ITEMS:
        kinds[it["expect"]] = kinds.get(it["expect"], 0) + 1
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    for it in ITEMS:
        if it["expect"] == "calculation":
            assert it["contains"] and all(isinstance(s, str) and s for s in it["contains"])
    with open(OUT_YAML, "w", encoding="utf-8") as f:
        f.write(HEADER)
        yaml.safe_dump(ITEMS, f, sort_keys=False, allow_unicode=True, width=1000)
    # round-trip check
    with open(OUT_YAML, encoding="utf-8") as f:
        back = yaml.safe_load(f)
    assert back == ITEMS
    print(OUT_YAML, len(ITEMS), kinds)


if __name__ == "__main__":
    main()
