# train-31: calculation tuning set, written blind to the knowledge base, the code and every other eval set, by a helper who read only the seed and the API contract
#
# Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
# knowledge base, the code, nor any evaluation set), in the voice of students in a hurry and of
# second-language English. On arrival: 58.3% worked out right, 13.9% with other numbers; its
# misreads were fixed in the commits before the one that added it.
#
# Computes every expected number with textbook helpers, asserts it against a value
# worked out by hand (hand working in the comment beside each item), and writes
# train-31.yaml beside itself:  .venv/bin/python eval/train_31_values.py
#
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731, B905

import math
import os

import numpy as np
import yaml

HEADER = ("# train-31: calculation tuning set, written blind to the knowledge base, the code "
          "and every other eval set, by a helper who read only the seed and the API contract\n")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-31.yaml")


# ----------------------------------------------------------------------------
# textbook helpers
# ----------------------------------------------------------------------------
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d / MaxPool2d (floor mode): floor((n + 2p - d(k-1) - 1)/s) + 1."""
    eff = d * (k - 1) + 1
    assert n + 2 * p >= eff, "kernel does not fit"
    return (n + 2 * p - eff) // s + 1


def same_out(n, s):
    """TensorFlow padding='same': ceil(n / s)."""
    return math.ceil(n / s)


def convT_out(n, k, s=1, p=0, op=0, d=1):
    """PyTorch ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


def linear_params(fin, fout, bias=True):
    return fin * fout + (fout if bias else 0)


def rnn_params(cell, fin, hidden, bias_vectors=1, layers=1, bidirectional=False):
    """gates: rnn 1, gru 3, lstm 4.  bias_vectors: 1 (textbook/Keras LSTM) or 2 (PyTorch b_ih + b_hh)."""
    g = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    dirs = 2 if bidirectional else 1
    total = 0
    for layer in range(layers):
        x = fin if layer == 0 else hidden * dirs
        per_dir = g * (hidden * x + hidden * hidden + bias_vectors * hidden)
        total += dirs * per_dir
    return total


def spectral_radius(W):
    return float(max(abs(np.linalg.eigvals(np.array(W, dtype=float)))))


def verdict(r, tol=1e-9):
    if abs(r - 1) <= tol:
        return "stable"
    return "explode" if r > 1 else "vanish"


def patch_attention(H, W, C, ph, pw, sh=1, sw=1):
    """P patches, token dim h*w*C, P^2 dot products, P^2*h*w*C multiply-adds (QK^T, identity projections)."""
    P = ((H - ph) // sh + 1) * ((W - pw) // sw + 1)
    dim = ph * pw * C
    return P, dim, P * P, P * P * dim


def seq_attention(n, d, heads=1):
    """score entries over all heads, multiply-adds of QK^T over all heads (d_k = d/heads)."""
    dk = d // heads
    return heads * n * n, heads * n * n * dk


def metrics(tp, fp, tn, fn):
    def ratio(a, b):
        return None if b == 0 else a / b
    acc = (tp + tn) / (tp + fp + tn + fn)
    prec = ratio(tp, tp + fp)
    rec = ratio(tp, tp + fn)
    spec = ratio(tn, tn + fp)
    f1 = ratio(2 * tp, 2 * tp + fp + fn)
    return dict(acc=acc, prec=prec, rec=rec, spec=spec, f1=f1)


def f1_pr(p, r):
    return 2 * p * r / (p + r)


def fmt(x):
    """integers plainly; decimals to at most 4 significant digits, trailing zeros dropped."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    if abs(x - round(x)) < 1e-12:
        return str(int(round(x)))
    return f"{x:.4g}"


ITEMS = []


def calc(q, computed, hand):
    """computed: list of numbers/strings from helpers; hand: list of strings worked out by hand."""
    got = [c if isinstance(c, str) else fmt(c) for c in computed]
    assert got == hand, (q, got, hand)
    ITEMS.append({"q": q, "expect": "calculation", "contains": hand})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def concept(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ============================================================================
# 1. conv / pool / transposed-conv output sizes
# ============================================================================
# (64 + 2 - 3)//2 + 1 = 63//2 + 1 = 31 + 1 = 32
calc("out size 64x64 k3 s2 p1?", [conv_out(64, 3, 2, 1)], ["32"])

# (200 - 7)//1 + 1 = 193 + 1 = 194
calc("how much is output if i do conv of 7 on picture 200x200, stride 1, not padding",
     [conv_out(200, 7)], ["194"])

# (227 - 11)//4 + 1 = 216/4 + 1 = 54 + 1 = 55
calc("227x227x3 image, 11×11 window, step 4, no zero-pad → activation map size?",
     [conv_out(227, 11, 4)], ["55"])

# (224 + 6 - 7)//2 + 1 = 223//2 + 1 = 111 + 1 = 112
calc("resnet stem: 224 in, kernel 7 stride 2 padding 3 (pytorch conv). is it 112 or 113 out??",
     [conv_out(224, 7, 2, 3)], ["112"])

# (13 - 3)//2 + 1 = 5 + 1 = 6 ; 6*6*256 = 36*256 = 9216
s = conv_out(13, 3, 2)
calc("feature map 13×13×256 → maxpool 3, stride 2 (no pad). shape after? and how many numbers when i flatten it",
     [s, s * s * 256], ["6", "9216"])

# effective kernel 2*(3-1)+1 = 5 ; (32 - 5)//1 + 1 = 28
calc("dilated conv 3x3 with dilation 2 on 32x32, stride 1 pad 0, output?", [conv_out(32, 3, 1, 0, 2)], ["28"])

# s1: 28-5+1 = 24 ; s2: (28-5)//2 + 1 = 23//2 + 1 = 11 + 1 = 12
calc("stride 1 vs 2 for a 5x5 kernel on 28x28, no padding — output for each?",
     [conv_out(28, 5, 1), conv_out(28, 5, 2)], ["24", "12"])

# h: (120+4-5)//2+1 = 119//2+1 = 59+1 = 60 ; w: (160+4-5)//2+1 = 159//2+1 = 79+1 = 80
calc("input 120 x 160 (h x w), kernel 5, stride 2, padding 2. size after conv?",
     [conv_out(120, 5, 2, 2), conv_out(160, 5, 2, 2)], ["60", "80"])

# (16-1)*2 - 2*1 + (4-1) + 1 = 30 - 2 + 3 + 1 = 32
calc("ConvTranspose2d k=4 s=2 p=1 on 16x16, what size comes out", [convT_out(16, 4, 2, 1)], ["32"])

# (8-1)*2 - 2 + 2 + 1 + 1 = 14 - 2 + 2 + 1 + 1 = 16 ; channels 32
calc("nn.ConvTranspose2d(64, 32, kernel_size=3, stride=2, padding=1, output_padding=1), input 8×8 → out shape?",
     [convT_out(8, 3, 2, 1, 1), 32], ["16", "32"])

# TF 'same': ceil(75/2) = ceil(37.5) = 38
calc("tensorflow padding='same', stride 2, kernel 3, input 75x75. output??", [same_out(75, 2)], ["38"])

# 28 -> conv3: 26 -> conv3: 24 -> pool2: 12 ; 12*12*64 = 144*64 = 9216
n = conv_out(conv_out(conv_out(28, 3), 3), 2, 2)
calc("RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x9216 and 4096x10)\n"
     "mnist 28x28 -> conv 32 3x3 -> conv 64 3x3 -> maxpool 2 -> flatten -> linear. all stride 1 no pad for convs. "
     "what in_features do i need",
     [n * n * 64], ["9216"])

# (96 + 2 - 5)//3 + 1 = 93/3 + 1 = 31 + 1 = 32 ; shape [1, 16, 32, 32]
calc("x = torch.randn(1, 3, 96, 96)\n"
     "conv = nn.Conv2d(3, 16, kernel_size=5, stride=3, padding=1)\n"
     "out = conv(x)  # what is out.shape ??",
     [conv_out(96, 5, 3, 1), 16], ["32", "16"])

# (1024 - 4)//4 + 1 = 255 + 1 = 256
calc("input 1 024 × 1 024 px, kernel 4, stride 4, no pad → ?", [conv_out(1024, 4, 4)], ["256"])

# 32 -conv3p1-> 32 -pool2s2-> 16 -conv3p1-> 16 -pool2s2-> 8 -conv3p0-> 6 ; 6*6*128 = 4608
n = conv_out(conv_out(conv_out(conv_out(conv_out(32, 3, 1, 1), 2, 2), 3, 1, 1), 2, 2), 3)
calc("32x32x3 → conv3 pad1 (64 filters) → pool 2 s2 → conv3 pad1 (128) → pool 2 s2 → conv3 no pad (128). "
     "final shape + flatten length?",
     [n, n * n * 128], ["6", "4608"])

# (30 - 4)//4 + 1 = 26//4 + 1 = 6 + 1 = 7 ; 7*7*10 = 490
n = conv_out(30, 4, 4)
calc("avgpool kernel 4 step 4 on 30x30x10, floor mode. how many values come out in total?",
     [n, n * n * 10], ["7", "490"])


# ============================================================================
# 2. conv parameter counts
# ============================================================================
# 3*3*64*128 = 9*8192 = 73728 ; + 128 = 73856
calc("params of conv 3x3, 64 in → 128 out, with bias", [conv_params(3, 3, 64, 128)], ["73856"])

# 5*5*3*6 = 450 ; + 6 = 456
calc("how many weights has 5×5 conv from RGB to 6 feature maps? bias included pls",
     [conv_params(5, 5, 3, 6)], ["456"])

# 1*1*256*64 = 16384
calc("1x1 conv 256→64 no bias, param count?", [conv_params(1, 1, 256, 64, False)], ["16384"])

# 3*3*32*32 = 9*1024 = 9216
calc("nn.Conv2d(32, 32, 3, bias=False) how many params", [conv_params(3, 3, 32, 32, False)], ["9216"])

# 7*7*3*64 = 147*64 = 9408 ; + 64 = 9472
calc("conv 7x7 stride 2, 3 → 64 channels — learnables with bias?", [conv_params(7, 7, 3, 64)], ["9472"])

# one filter: 5*5*16 = 400 ; + 1 bias = 401
calc("one 5x5 filter on a 128×128×16 volume: how many numbers to learn incl the bias?",
     [conv_params(5, 5, 16, 1)], ["401"])

# two 3x3: 2*9*64*64 = 2*36864 = 73728 ; one 5x5: 25*4096 = 102400
calc("two stacked 3x3 convs vs one 5x5 conv, 64 ch in and out, no bias. params of each?",
     [2 * conv_params(3, 3, 64, 64, False), conv_params(5, 5, 64, 64, False)], ["73728", "102400"])

# 1*7*128*192 = 7*24576 = 172032 ; + 192 = 172224
calc("kernel 1×7, 128 in channels, 192 out, bias=True — parameters?", [conv_params(1, 7, 128, 192)], ["172224"])

# 3*3*32*64 = 9*2048 = 18432 ; + 64 = 18496
calc("model.summary() shows\n"
     "conv2d (Conv2D)      (None, 32, 32, 32)   896\n"
     "conv2d_1 (Conv2D)    (None, 30, 30, 64)   ???\n"
     "kernel is 3x3. what number goes in the ???",
     [conv_params(3, 3, 32, 64)], ["18496"])


# ============================================================================
# 3. linear layers and small whole networks
# ============================================================================
# 784*128 = 100352 ; + 128 = 100480
calc("linear 784 -> 128 params?", [linear_params(784, 128)], ["100480"])

# 4096*1000 = 4096000
calc("fully-connected 4096 to 1000 without bias, how many weights", [linear_params(4096, 1000, False)], ["4096000"])

# 784*256+256 = 200704+256 = 200960 ; 256*128+128 = 32768+128 = 32896 ; 128*10+10 = 1290
# total 200960 + 32896 + 1290 = 235146
calc("MLP 784-256-128-10, all layers with bias, total params",
     [linear_params(784, 256) + linear_params(256, 128) + linear_params(128, 10)], ["235146"])

# conv1 5*5*1*6+6 = 156 ; conv2 5*5*6*16+16 = 2400+16 = 2416 ; fc 400*120+120 = 48120 ;
# fc 120*84+84 = 10080+84 = 10164 ; fc 84*10+10 = 850 ; total 156+2416+48120+10164+850 = 61706
calc("count params of this net pls (all with bias):\n"
     "conv(1→6, 5x5) → maxpool 2 → conv(6→16, 5x5) → maxpool 2 → fc 400→120 → fc 120→84 → fc 84→10",
     [conv_params(5, 5, 1, 6) + conv_params(5, 5, 6, 16) + linear_params(400, 120)
      + linear_params(120, 84) + linear_params(84, 10)], ["61706"])

# in_features must be 9216 (m1 is [batch x features]) ; 9216*256 = 2359296 ; + 256 = 2359552
calc("RuntimeError: size mismatch, m1: [64 x 9216], m2: [4608 x 256]. what in_features should my fc have "
     "and how many params will it have then (256 out, bias)",
     [9216, linear_params(9216, 256)], ["9216", "2359552"])

# 7*7*64 = 3136 ; 3136*10 + 10 = 31370
calc("keras Flatten() of (7, 7, 64) then Dense(10) → param count of the dense?",
     [7 * 7 * 64, linear_params(7 * 7 * 64, 10)], ["3136", "31370"])

# 512*512 = 262144 ; + 512 = 262656
calc("layer with 512 input features and 512 output neurons, weights + biases = ?",
     [linear_params(512, 512)], ["262656"])


# ============================================================================
# 4. recurrent layers
# ============================================================================
# 20*10 + 20*20 + 20 = 200 + 400 + 20 = 620
calc("simple rnn, input 10, hidden 20, one bias vector. params?", [rnn_params("rnn", 10, 20, 1)], ["620"])

# PyTorch has b_ih and b_hh: 200 + 400 + 20 + 20 = 640
calc("nn.RNN(10, 20) in pytorch — num of params?", [rnn_params("rnn", 10, 20, 2)], ["640"])

# 4*(256*128 + 256*256 + 2*256) = 4*(32768 + 65536 + 512) = 4*98816 = 395264
calc("pytorch nn.LSTM one layer, input 128, hidden 256 → how many parameters",
     [rnn_params("lstm", 128, 256, 2)], ["395264"])

# 4*(64*32 + 64*64 + 64) = 4*(2048 + 4096 + 64) = 4*6208 = 24832
calc("keras LSTM(64) on sequences with 32 features (keras: one bias per gate). params?",
     [rnn_params("lstm", 32, 64, 1)], ["24832"])

# 3*(100*50 + 100*100 + 100) = 3*(5000 + 10000 + 100) = 3*15100 = 45300
calc("GRU hidden 100 input 50, classic formula with one bias per gate, parameter count?",
     [rnn_params("gru", 50, 100, 1)], ["45300"])

# 3*(128*300 + 128*128 + 2*128) = 3*(38400 + 16384 + 256) = 3*55040 = 165120
calc("torch.nn.GRU(input_size=300, hidden_size=128)  # how many params does this have?",
     [rnn_params("gru", 300, 128, 2)], ["165120"])

# layer1 4*(64*40 + 64*64 + 128) = 4*(2560+4096+128) = 4*6784 = 27136
# layer2 4*(64*64 + 64*64 + 128) = 4*8320 = 33280 ; total 60416
calc("nn.LSTM(input_size=40, hidden_size=64, num_layers=2) total params?",
     [rnn_params("lstm", 40, 64, 2, layers=2)], ["60416"])

# per direction 3*(32*16 + 32*32 + 2*32) = 3*(512 + 1024 + 64) = 3*1600 = 4800 ; x2 = 9600
calc("bidirectional GRU in pytorch, input 16, hidden 32, 1 layer → params?",
     [rnn_params("gru", 16, 32, 2, bidirectional=True)], ["9600"])


# ============================================================================
# 5. exploding / vanishing from a recurrent matrix (identity activation)
# ============================================================================
def eig_item(q, W, hand_r, hand_word):
    r = spectral_radius(W)
    v = verdict(r)
    stem = {"explode": "explod", "vanish": "vanish"}[v]
    calc(q, [r, stem], [hand_r, hand_word])


# symmetric: eigenvalues 0.5 ± 0.2 = 0.7, 0.3 -> radius 0.7 < 1 -> vanish
eig_item("W_h = [[0.5, 0.2], [0.2, 0.5]], identity activation. vanish or explode for long sequence?",
         [[0.5, 0.2], [0.2, 0.5]], "0.7", "vanish")

# triangular: eigenvalues 1.2, 0.3 -> radius 1.2 > 1 -> explode
eig_item("recurrent matrix [[1.2, 0.5],[0, 0.3]], linear rnn — exploding grads or not?",
         [[1.2, 0.5], [0, 0.3]], "1.2", "explod")

# diagonal: 0.9, -1.1, 0.4 -> radius 1.1 -> explode
eig_item("Wh = diag(0.9, −1.1, 0.4), no nonlinearity. what happens to gradient when T → ∞?",
         np.diag([0.9, -1.1, 0.4]), "1.1", "explod")

# [[a,-b],[b,a]] -> a ± bi, |λ| = sqrt(0.09+0.16) = sqrt(0.25) = 0.5 -> vanish
eig_item("W = [[0.3, -0.4], [0.4, 0.3]]  identity act. does gradient vanish?",
         [[0.3, -0.4], [0.4, 0.3]], "0.5", "vanish")

# |λ| = sqrt(0.81 + 1.44) = sqrt(2.25) = 1.5 -> explode
eig_item("rnn weights W_hh = [[0.9, 1.2], [-1.2, 0.9]], activation identity, explode or vanish? show eigenvalues",
         [[0.9, 1.2], [-1.2, 0.9]], "1.5", "explod")

# block: [[2,1],[1,2]] -> 3, 1 ; and 0.5 -> radius 3 -> explode
eig_item("3x3 W_h:\n2 1 0\n1 2 0\n0 0 0.5\nlinear RNN, long seq — gradient behaviour?",
         [[2, 1, 0], [1, 2, 0], [0, 0, 0.5]], "3", "explod")

# upper triangular: 0.8, -0.95, 0.6 -> radius 0.95 -> vanish
eig_item("W_h = [[0.8, 0.5, -0.3], [0, -0.95, 0.2], [0, 0, 0.6]], σ = identity, h_0 = 0. vanish/explode as T→∞?",
         [[0.8, 0.5, -0.3], [0, -0.95, 0.2], [0, 0, 0.6]], "0.95", "vanish")

# λ^2 = -1.44 -> λ = ±1.2i -> |λ| = 1.2 -> explode
eig_item("W_hh = np.array([[0, 1], [-1.44, 0]])  # identity activation, does the grad blow up?",
         [[0, 1], [-1.44, 0]], "1.2", "explod")

# λ^2 - 5λ - 2 = 0 -> λ = (5 ± sqrt(33))/2 = (5 ± 5.7446)/2 -> 5.372, -0.3723 -> radius 5.372 -> explode
eig_item("eigenvalues of [[1,2],[3,4]] as recurrent weight (linear rnn)? will it explode",
         [[1, 2], [3, 4]], "5.372", "explod")


# ============================================================================
# 6. self-attention cost: image patches and token sequences
# ============================================================================
# 32/4 = 8 per side -> 64 patches ; dim 4*4*3 = 48 ; 64^2 = 4096 dot products
P, dim, dots, macs = patch_attention(32, 32, 3, 4, 4, 4, 4)
calc("image 32×32×3, patches 4x4 with stride 4 (no overlap). how many tokens, token dim, and dot products?",
     [P, dim, dots], ["64", "48", "4096"])

# (224-16)/16+1 = 14 -> 196 patches ; 16*16*3 = 768 ; 196^2 = 38416
P, dim, dots, macs = patch_attention(224, 224, 3, 16, 16, 16, 16)
calc("ViT style: 224x224x3, patch 16 stride 16 → num patches, dim per patch, number of QK dot products",
     [P, dim, dots], ["196", "768", "38416"])

# (10-3+1)^2 = 8^2 = 64 ; dim 27 ; 64^2 = 4096 ; 4096*27 = 110592
P, dim, dots, macs = patch_attention(10, 10, 3, 3, 3, 1, 1)
calc("H=W=10, C=3, patches 3x3 overlapping stride 1, no pad, single head, identity projections: "
     "how many multiply-adds for the dot products?",
     [P, macs], ["64", "110592"])

# (28-7)/7+1 = 4 -> 16 patches ; dim 49 ; 16^2 = 256 ; 256*49 = 12544
P, dim, dots, macs = patch_attention(28, 28, 1, 7, 7, 7, 7)
calc("28×28 grayscale, 7x7 patches stride 7 → multiply-adds for QKᵀ (identity projections)?",
     [P, macs], ["16", "12544"])

# s1: (16-4)+1 = 13 -> 169 ; s2: (16-4)//2+1 = 7 -> 49
calc("patch 4x4 on a 16x16x1 image: number of patches with stride 1 vs stride 2?",
     [patch_attention(16, 16, 1, 4, 4, 1, 1)[0], patch_attention(16, 16, 1, 4, 4, 2, 2)[0]], ["169", "49"])

# H: 64/8 = 8, W: 32/8 = 4 -> 32 patches ; dim 8*8*3 = 192 ; 32^2 = 1024 ; 1024*192 = 196608
P, dim, dots, macs = patch_attention(64, 32, 3, 8, 8, 8, 8)
calc("input 64×32×3 (H×W×C), patch 8×8 stride 8 — P and MACs of QK^T, 1 head, no projections",
     [P, macs], ["32", "196608"])

# 1000^2 = 1000000
calc("self-attn n=1 000 tokens, d=64, one head — how many entries in the attention matrix",
     [seq_attention(1000, 64)[0]], ["1000000"])

# per head 512^2 = 262144 ; 12 heads -> 3145728
calc("seq len 512, d_model 768, 12 heads: size of the attention matrix per head and total score entries over heads",
     [512 * 512, seq_attention(512, 768, 12)[0]], ["262144", "3145728"])

# n^2 d = 65536 * 512 = 33554432 ; with 8 heads of d_k 64: 8*65536*64 = 33554432 (same, no change)
calc("mult-adds for QKᵀ with n=256, d=512 (ignore projections). does it change if I use 8 heads with d_k=64?",
     [seq_attention(256, 512, 8)[1]], ["33554432"])
assert seq_attention(256, 512, 1)[1] == seq_attention(256, 512, 8)[1] == 33554432

# (2048/1024)^2 = 4 ; 2048^2 = 4194304
calc("doubling seq length 1024 → 2048: how many times more attention score cost? and how many scores at 2048, 1 head",
     [seq_attention(2048, 64)[0] // seq_attention(1024, 64)[0], seq_attention(2048, 64)[0]], ["4", "4194304"])


# ============================================================================
# 7. classification metrics
# ============================================================================
def m(tp, fp, tn, fn):
    return metrics(tp, fp, tn, fn)


# P = 40/50 = 0.8 ; R = 40/50 = 0.8 ; F1 = 0.8 ; acc = (40+140)/200 = 0.9
r = m(40, 10, 140, 10)
calc("TP 40 FP 10 FN 10 TN 140 -> precision recall F1 accuracy", [r["prec"], r["acc"]], ["0.8", "0.9"])

# F1 = 2*0.9*0.6/(1.5) = 1.08/1.5 = 0.72
calc("precision 0.9 recall 0.6 → f1?", [f1_pr(0.9, 0.6)], ["0.72"])

# F1 = 2*0.75*0.5/1.25 = 0.75/1.25 = 0.6
calc("f1 if P=.75 and R=.5", [f1_pr(0.75, 0.5)], ["0.6"])

# TP 45, FP 60-45 = 15, FN 50-45 = 5, TN 1000-50-15 = 935
# P = 45/60 = 0.75 ; R = 45/50 = 0.9 ; acc = (45+935)/1000 = 0.98
r = m(45, 15, 935, 5)
calc("covid test on 1000 ppl, 50 actually sick. test flags 60 people, 45 of them really sick. "
     "precision, recall, accuracy?", [r["prec"], r["rec"], r["acc"]], ["0.75", "0.9", "0.98"])

# TN 50, FP 10, FN 5, TP 35 ; R = 35/40 = 0.875 ; acc = 85/100 = 0.85
r = m(35, 10, 50, 5)
calc("confusion matrix (rows = actual, cols = predicted, order neg, pos):\n[[50, 10],\n [5, 35]]\n"
     "positive = 2nd class. recall and accuracy?", [r["rec"], r["acc"]], ["0.875", "0.85"])

# TP 60, FN 80-60 = 20, FP 20, TN 120-20 = 100 ; P = 60/80 = 0.75 ; R = 60/80 = 0.75 ; acc = 160/200 = 0.8
r = m(60, 20, 100, 20)
calc("spam filter, 200 mails, 80 are spam. it catches 60 of the spam and wrongly marks 20 normal ones as spam. "
     "recall, precision, accuracy?", [r["prec"], r["acc"]], ["0.75", "0.8"])

# TP 0, FP 0, TN 990, FN 10 ; acc = 990/1000 = 0.99 ; recall = 0/10 = 0 ; precision 0/0 undefined
r = m(0, 0, 990, 10)
assert r["prec"] is None and r["rec"] == 0
calc("dataset 990 negative 10 positive, my model just predicts negative for all. accuracy and recall?",
     [r["acc"], r["rec"]], ["0.99", "0"])

# TP 36, FP 4, FN 24 ; P = 0.9 ; R = 0.6 ; F1 = 72/(72+28) = 0.72 (not the mean 0.75)
r = m(36, 4, 0, 24)
calc("TP=36 FP=4 FN=24, i get F1 = 0.75 (avg of 0.9 and 0.6), correct?", [r["f1"]], ["0.72"])

# spec = 90/(90+10) = 0.9
calc("specificity (true negative rate) with TN 90 and FP 10?", [m(0, 10, 90, 0)["spec"]], ["0.9"])

# pairs: (1,1)TP (1,0)FN (1,1)TP (0,0)TN (0,1)FP (0,0)TN (0,0)TN (1,1)TP -> TP3 FN1 FP1 TN3
# P = 3/4 = 0.75 ; R = 3/4 = 0.75 ; acc = 6/8 = 0.75
yt = [1, 1, 1, 0, 0, 0, 0, 1]
yp = [1, 0, 1, 0, 1, 0, 0, 1]
tp = sum(a == 1 and b == 1 for a, b in zip(yt, yp))
fp = sum(a == 0 and b == 1 for a, b in zip(yt, yp))
tn = sum(a == 0 and b == 0 for a, b in zip(yt, yp))
fn = sum(a == 1 and b == 0 for a, b in zip(yt, yp))
r = m(tp, fp, tn, fn)
calc("y_true = [1,1,1,0,0,0,0,1]\ny_pred = [1,0,1,0,1,0,0,1]\n# precision? recall? (positive = 1)",
     [r["prec"], r["rec"]], ["0.75", "0.75"])

# F1 = 2*0.6*0.4/1.0 = 0.48
calc("classification_report shows precision 0.60 recall 0.40 for class 1 — what f1-score should it print?",
     [f1_pr(0.6, 0.4)], ["0.48"])

# TP 80, FP 250-80 = 170, FN 100-80 = 20, TN 10000-100-170 = 9730
# P = 80/250 = 0.32 ; R = 80/100 = 0.8 ; acc = (80+9730)/10000 = 9810/10000 = 0.981
r = m(80, 170, 9730, 20)
calc("fraud detector: 10 000 transactions, 100 are fraud. it flags 250, and 80 of those are fraud. "
     "precision / recall / accuracy", [r["prec"], r["rec"], r["acc"]], ["0.32", "0.8", "0.981"])

# acc = (1200+7700)/10000 = 0.89 ; P = 1200/1500 = 0.8 ; R = 1200/2000 = 0.6
r = m(1200, 300, 7700, 800)
calc("TP=1,200 FP=300 FN=800 TN=7,700 → acc, prec, rec?", [r["acc"], r["prec"], r["rec"]], ["0.89", "0.8", "0.6"])


# ============================================================================
# 8. clarify: a needed value is missing
# ============================================================================
clarify("output size for conv k=3 s=2 p=1?")                       # no input size
clarify("how many params in a conv layer 3x3 with 64 filters")     # in_channels missing
clarify("LSTM with hidden 128, number of params?")                 # input size missing
clarify("precision? TP=40")                                        # FP missing
clarify("f1 score when precision is 0.7")                          # recall missing
clarify("is my rnn exploding? W is 3x3 and the top-left entry is 1.2")  # rest of the matrix missing
clarify("attention cost for a 64x64x3 image split in patches?")    # patch size missing
clarify("transposed conv on 16x16 with stride 2, what comes out")  # kernel (and padding) missing
clarify("how many dot products in self attention with d=512 and 8 heads")  # sequence length missing
clarify("pool output for 2x2 pooling stride 2?")                   # input size missing
clarify("linear layer to 10 classes, how many params")             # input features missing
clarify("my CNN has 3 conv layers, input 64x64, what's the size at the end?")  # kernels/strides missing
clarify("accuracy of my model, it got 90 correct")                 # total missing
clarify("recall is? FP=5 TN=100 TP=20")                            # FN missing


# ============================================================================
# 9. not-calculation: about the idea, numbers only as illustration
# ============================================================================
concept("why everyone uses 3x3 kernels instead of 7x7 like in VGG?")
concept("what does padding 'same' mean? why the output stays 32 when input is 32")
concept("why eigenvalue bigger than 1 make the gradient explode in rnn, intuition pls")
concept("why LSTM has 4 times the weights of a simple RNN, what are the 4 blocks for")
concept("why self attention is O(n²) and not O(n)?")
concept("when to prefer recall over precision, like a cancer test where only 1% are positive?")
concept("my model has 99% accuracy on data with 1% positives, why is my teacher saying that's bad")
concept("stride 2 conv vs 2x2 max pool for downsampling — which is better and why")
concept("why do we divide by sqrt(d_k) in attention, e.g. sqrt(64) = 8? what goes wrong without it")
concept("what's the point of a 1x1 conv if the kernel is only 1 number wide")
concept("GRU has 3 weight blocks and LSTM 4 — which one should I use, what's the difference")
concept("why transposed conv with stride 2 and kernel 3 gives checkerboard artefacts?")
concept("if W_h is orthogonal (all |eigenvalues| = 1) can gradients still vanish with tanh?")
concept("why does ViT use 16x16 patches as tokens and not every single pixel?")


# ----------------------------------------------------------------------------
def main():
    kinds = {}
    for it in ITEMS:
        kinds[it["expect"]] = kinds.get(it["expect"], 0) + 1
        assert isinstance(it["q"], str) and it["q"].strip()
        if it["expect"] == "calculation":
            assert it["contains"] and all(isinstance(c, str) and c for c in it["contains"])
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    body = yaml.safe_dump(ITEMS, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write(body)
    # round-trip check
    with open(OUT, encoding="utf-8") as f:
        back = yaml.safe_load(f)
    assert back == ITEMS
    print(OUT, len(ITEMS), kinds)


if __name__ == "__main__":
    main()
