# holdout-calc-5: blind calculation holdout (report only, never tune), written by a helper who read only the seed and the API contract
"""holdout-calc-5: a blind holdout, only reported, never tuned on. Written on 2026-12-04 by a
helper who read only the seed and the API contract; taken once when it arrived: 89.2% worked out
right, 1.5% with other numbers. No item of it was looked at.

    .venv/bin/python eval/holdout_calc_5_values.py   # rewrites eval/holdout-calc-5.yaml

Computes every expected number of holdout-calc-5 with textbook helpers,
asserts each against a hand-worked value (working in the comment beside each
item), and writes holdout-calc-5.yaml next to this script.

Conventions (from the API contract / seed):
  conv:      out = floor((n + 2p - d(k-1) - 1)/s) + 1 (PyTorch); 'same' -> ceil(n/s) (TF);
             'valid' -> p = 0.
  params:    weights = kh*kw*Cin*Cout, biases = Cout (if bias), total = sum.
  eigen:     spectral radius = max |lambda|; identity activation: >1 explode, <1 vanish.
  attention: P = ((H-h)/sh+1)*((W-w)/sw+1), token_dim = h*w*C, dot = P^2, macs = P^2*h*w*C.
  metrics:   accuracy, precision, recall(=sensitivity), specificity, F1 = 2TP/(2TP+FP+FN).
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731, B905
import math
import os

import numpy as np
import yaml

HEADER = ("# holdout-calc-5: blind calculation holdout (report only, never tune), "
          "written by a helper who read only the seed and the API contract\n")
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "holdout-calc-5.yaml")


# ---------------------------------------------------------------- helpers
def conv_out(n, k, s=1, p=0, d=1):
    if p == "same":
        return math.ceil(n / s)
    if p == "valid":
        p = 0
    k_eff = d * (k - 1) + 1
    assert n + 2 * p >= k_eff, "kernel does not fit"
    return (n + 2 * p - k_eff) // s + 1


def conv_params(kh, kw, cin, cout, bias=True):
    w = kh * kw * cin * cout
    b = cout if bias else 0
    return w, b, w + b


def spectral_radius(m):
    return float(np.max(np.abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def attention(H, W, C, ph, pw, sh=1, sw=1):
    nh = (H - ph) // sh + 1
    nw = (W - pw) // sw + 1
    P = nh * nw
    d = ph * pw * C
    return {"P": P, "d": d, "dot": P * P, "macs": P * P * d}


def metrics(tp, fp, tn, fn):
    def div(a, b):
        return None if b == 0 else a / b
    return {
        "acc": div(tp + tn, tp + fp + tn + fn),
        "prec": div(tp, tp + fp),
        "rec": div(tp, tp + fn),
        "spec": div(tn, tn + fp),
        "f1": div(2 * tp, 2 * tp + fp + fn),
    }


def fmt(x):
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    s = f"{x:.4g}"
    return s


ITEMS = []


def calc(q, computed, hand):
    """computed and hand are lists of numbers in the same order."""
    assert len(computed) == len(hand), q
    for c, h in zip(computed, hand):
        if isinstance(h, int):
            assert c == h, (q, c, h)
        else:
            assert abs(c - h) < 1e-9, (q, c, h)
    ITEMS.append({"q": q, "expect": "calculation", "contains": [fmt(h) for h in hand]})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def notcalc(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ================================================================ CONV OUTPUT SIZE
# (32 - 5)/1 + 1 = 28
calc("conv out size? 32x32 input, 5x5 kernel, stride 1, no pad",
     [conv_out(32, 5, 1, 0)], [28])

# (227 - 11)/4 + 1 = 216/4 + 1 = 55
calc("An input feature map of size 227 × 227 is convolved with an 11 × 11 kernel using a stride of 4 "
     "and no zero padding. What is the spatial size of the output feature map?",
     [conv_out(227, 11, 4, 0)], [55])

# floor((224 + 2*3 - 7)/2) + 1 = floor(223/2) + 1 = 111 + 1 = 112  -> (8, 64, 112, 112)
calc("If I do\n```python\nconv = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)\n"
     "x = torch.randn(8, 3, 224, 224)\ny = conv(x)\n```\nwhat is y.shape?",
     [conv_out(224, 7, 2, 3)], [112])

# dilation 2: effective kernel 2*(3-1)+1 = 5; 64 - 5 + 1 = 60
calc("What's the output size for a 64x64 input with a 3x3 kernel, dilation 2, stride 1 and padding 0?",
     [conv_out(64, 3, 1, 0, 2)], [60])

# TF 'same': ceil(75/2) = 38
calc("Keras question: Conv2D(32, 3, strides=2, padding='same') applied to an input of shape (None, 75, 75, 16). "
     "What are the output height and width?",
     [conv_out(75, 3, 2, "same")], [38])

# 'valid' = no padding: floor((100 - 4)/3) + 1 = 32 + 1 = 33
calc("tensorflow conv with padding='valid', input is 100x100, kernel size 4, stride 3. output size pls",
     [conv_out(100, 4, 3, "valid")], [33])

# H: floor((48 - 3)/2) + 1 = 22 + 1 = 23 ; W: floor((64 - 5)/2) + 1 = 29 + 1 = 30
calc("Input has height 48 and width 64. Kernel is 3 (height) by 5 (width), stride 2 in both directions, "
     "no padding. What is the output height and width?",
     [conv_out(48, 3, 2, 0), conv_out(64, 5, 2, 0)], [23, 30])

# floor((28 + 2*2 - 5)/2) + 1 = floor(27/2) + 1 = 13 + 1 = 14
calc("what is the output size if i have a twenty eight by twenty eight image and a five by five filter "
     "with padding of two and stride two",
     [conv_out(28, 5, 2, 2)], [14])

# floor((129 + 2 - 3)/2) + 1 = 64 + 1 = 65
calc("wats the otput dim for 129x129 input, kernal 3, strid 2, pad 1",
     [conv_out(129, 3, 2, 1)], [65])

# dilation 3: eff kernel 3*(3-1)+1 = 7; floor((57 + 6 - 7)/2) + 1 = 28 + 1 = 29
calc("A 3x3 convolution with dilation 3, padding 3 and stride 2 is applied to a 57x57 feature map "
     "(PyTorch conventions). What is the output spatial size?",
     [conv_out(57, 3, 2, 3, 3)], [29])

# layer of interest: 32x32 in, k=4, s=2, p=1: floor((32 + 2 - 4)/2) + 1 = 15 + 1 = 16
calc("hi, doing the CIFAR-10 lab (batch size 128, 200 epochs, lr 0.1, due on the 14th). My first layer is a "
     "3x3 conv with stride 1 and padding 1 so the map stays 32x32. The next layer is a conv with kernel 4, "
     "stride 2, padding 1 on that 32x32 map. What spatial size comes out of that second layer?",
     [conv_out(32, 4, 2, 1)], [16])

# floor((97 - 7)/3) + 1 = 30 + 1 = 31
calc("Compute the output size for $X \\in \\mathbb{R}^{1 \\times 97 \\times 97}$ convolved with a kernel of size "
     "$k=7$, stride $s=3$ and padding $p=0$.",
     [conv_out(97, 7, 3, 0)], [31])

# TF 'same': ceil(64/3) = 22, ceil(50/3) = 17
calc("tf.keras.layers.Conv2D(8, (5, 5), strides=(3, 3), padding='same') on an input with height 64 and "
     "width 50 -> what's the output height x width?",
     [conv_out(64, 5, 3, "same"), conv_out(50, 5, 3, "same")], [22, 17])

clarify("whats the output size of a 3x3 conv with stride 2 and padding 1?")
clarify("I have a 128x128 input, stride 2 and no padding. What's the output size of the conv?")
clarify("What output size does nn.Conv2d(16, 32, kernel_size=3, stride=2, padding=1) give?")

notcalc("Why do CNNs almost always use odd kernel sizes like 3x3 or 5x5 rather than 2x2 or 4x4?")
notcalc("What's the point of dilated convolutions? DeepLab uses dilation rates 6, 12 and 18 - "
        "why not just use bigger kernels?")
notcalc("Why does VGG stack two 3x3 conv layers instead of using a single 5x5 conv layer? "
        "What do you gain?")

# ================================================================ CONV2D PARAMETERS
# 5*5*16 = 400 weights + 1 bias = 401
calc("If the input is 128x128x16, how many parameters does a single 5x5 convolution filter have, "
     "including the bias?",
     [conv_params(5, 5, 16, 1)[2]], [401])

# 3*3*64*128 = 576*128 = 73728 weights + 128 biases = 73856
calc("how many parameters in nn.Conv2d(64, 128, kernel_size=3)?",
     [conv_params(3, 3, 64, 128)[2]], [73856])

# 5*5*3*32 = 2400, no bias
calc("nn.Conv2d(3, 32, 5, bias=False) - number of params?",
     [conv_params(5, 5, 3, 32, bias=False)[2]], [2400])

# 3*3*3*16 = 432 + 16 = 448
calc("Keras model: first layer is Conv2D(filters=16, kernel_size=(3, 3)) with input_shape=(32, 32, 3). "
     "How many trainable parameters does that layer have?",
     [conv_params(3, 3, 3, 16)[2]], [448])

# 1*1*256*64 = 16384 + 64 = 16448
calc("A 1x1 conv that reduces 256 channels to 64 channels, with bias. How many parameters?",
     [conv_params(1, 1, 256, 64)[2]], [16448])

# 1*7*128*192 = 896*192 = 172032 + 192 = 172224
calc("Inception-style layer: kernel 1x7, 128 input channels, 192 output channels, with bias. "
     "Total parameter count?",
     [conv_params(1, 7, 128, 192)[2]], [172224])

# 7*7*3*8 = 147*8 = 1176 weights, 8 biases, 1184 total
calc("how many weights and how many parameters in total does a conv layer with three input channels, "
     "eight output channels and a seven by seven kernel have (with biases)",
     [conv_params(7, 7, 3, 8)[0], conv_params(7, 7, 3, 8)[2]], [1176, 1184])

# 3*3*32*64 = 288*64 = 18432 + 64 = 18496
calc("We're on lab 3 (deadline 12 March), batch size 64, training for 30 epochs with Adam. Our second conv "
     "layer takes 32 feature maps in and outputs 64 feature maps using 3x3 kernels (bias on). How many "
     "learnable parameters are in that layer?",
     [conv_params(3, 3, 32, 64)[2]], [18496])

# 3*3*12*24 = 108*24 = 2592 + 24 = 2616
calc("A convolutional layer maps $\\mathbb{R}^{C_{in} \\times H \\times W}$ with $C_{in} = 12$ to "
     "$C_{out} = 24$ channels using $3 \\times 3$ kernels with bias. How many parameters does it have?",
     [conv_params(3, 3, 12, 24)[2]], [2616])

# 5*5*6*16 = 150*16 = 2400 + 16 = 2416
calc("paramz for conv 5x5, 6 in chanels 16 out, incl bias?",
     [conv_params(5, 5, 6, 16)[2]], [2416])

# 3*3*64*128 = 73728, no bias
calc("Conv2D(128, (3, 3), use_bias=False) on a (28, 28, 64) input. param count?",
     [conv_params(3, 3, 64, 128, bias=False)[2]], [73728])

# RGB: 3*3*3 = 27 weights + 1 bias = 28
calc("single 3x3 filter on a 224x224 RGB image, how many params including bias",
     [conv_params(3, 3, 3, 1)[0], conv_params(3, 3, 3, 1)[2]], [27, 28])

# 11*11*3 = 363 ; 363*96 = 34848 + 96 = 34944
calc("AlexNet conv1 has 96 filters of size 11x11x3 with biases. How many parameters is that in total?",
     [conv_params(11, 11, 3, 96)[2]], [34944])

clarify("how many params in a conv layer with 64 3x3 filters?")
clarify("Keras: Conv2D(32, (5, 5)) - how many trainable params does it have?")

notcalc("Why doesn't the number of parameters of a conv layer depend on the image size? "
        "A 32x32 and a 224x224 input give the same count.")
notcalc("Why do people set bias=False in nn.Conv2d(64, 64, 3) when it is followed by BatchNorm2d(64)?")

# ================================================================ RNN EIGENVALUES
# diagonal: |0.5|, |1.2|, |-0.3| -> radius 1.2 > 1 explode
calc("RNN with identity activation, W_h = diag(0.5, 1.2, -0.3). Will the gradients vanish or explode as "
     "T goes to infinity? what's the spectral radius?",
     [spectral_radius(np.diag([0.5, 1.2, -0.3]))], [1.2])

# upper triangular: eigenvalues 0.85, 0.7 -> radius 0.85 < 1 vanish
calc("h_t = W_h h_{t-1} + W_x x_t (no nonlinearity) with W_h = [[0.85, 2.0], [0, 0.7]]. "
     "Exploding or vanishing gradients for long sequences?",
     [spectral_radius([[0.85, 2.0], [0.0, 0.7]])], [0.85])

# eigenvalues 0.3 ± 0.4i, modulus sqrt(0.09 + 0.16) = 0.5 -> vanish
calc("Recurrent matrix $W_h = \\begin{pmatrix} 0.3 & -0.4 \\\\ 0.4 & 0.3 \\end{pmatrix}$, identity activation. "
     "Compute the eigenvalues and say whether the gradient vanishes or explodes as $T \\to \\infty$.",
     [spectral_radius([[0.3, -0.4], [0.4, 0.3]])], [0.5])

# symmetric: eigenvalues 1 ± 0.5 = 1.5, 0.5 -> radius 1.5 explode
calc("W_h = [[1, 0.5], [0.5, 1]], linear RNN. explode or vanish?",
     [spectral_radius([[1.0, 0.5], [0.5, 1.0]])], [1.5])

# upper triangular: eigenvalues 0.4, -0.95, 0.1 -> radius 0.95 vanish
calc("Consider the RNN $h_t = W_h h_{t-1} + W_x x_t + b$ with identity activation and\n"
     "$$W_h = \\begin{pmatrix} 0.4 & 1 & -2 \\\\ 0 & -0.95 & 3 \\\\ 0 & 0 & 0.1 \\end{pmatrix}.$$\n"
     "State whether the gradient explodes or vanishes as $T \\to +\\infty$, giving the spectral radius.",
     [spectral_radius([[0.4, 1, -2], [0, -0.95, 3], [0, 0, 0.1]])], [0.95])

# symmetric: 0.5 ± 0.25 = 0.75, 0.25 -> radius 0.75 vanish
calc("```python\nW_h = np.array([[0.5, 0.25],\n                [0.25, 0.5]])\n```\n"
     "identity activation - what are the eigenvalues and does the gradient vanish or explode?",
     [spectral_radius([[0.5, 0.25], [0.25, 0.5]])], [0.75])

# lower triangular: eigenvalues -1.25, 0.2 -> radius 1.25 explode
calc("spectral radius of W_h = [[-1.25, 0], [0.3, 0.2]]? and is that exploding or vanishing for a linear rnn",
     [spectral_radius([[-1.25, 0.0], [0.3, 0.2]])], [1.25])

# lambda^2 + 1.69 = 0 -> ±1.3i, radius 1.3 explode
calc("My recurrent weight matrix is [[0, -1.3], [1.3, 0]] and the activation is the identity. "
     "Do gradients explode or vanish over many time steps?",
     [spectral_radius([[0.0, -1.3], [1.3, 0.0]])], [1.3])

# trace 1, det 0.21 - 0.12 = 0.09: lambda = (1 ± sqrt(1 - 0.36))/2 = (1 ± 0.8)/2 = 0.9, 0.1 -> vanish
calc("What is the spectral radius of W = [[0.7, 0.6], [0.2, 0.3]], and what does it mean for BPTT in an RNN "
     "with identity activation?",
     [spectral_radius([[0.7, 0.6], [0.2, 0.3]])], [0.9])

# upper triangular [[0.5, 0.2], [0, 1.05]]: eigenvalues 0.5, 1.05 -> radius 1.05 explode
calc("the recurrent matrix is two by two: first row zero point five and zero point two, second row zero and "
     "one point zero five. identity activation. vanish or explode?",
     [spectral_radius([[0.5, 0.2], [0.0, 1.05]])], [1.05])

# block diag: 0.48 ± 0.64i has modulus sqrt(0.2304 + 0.4096) = sqrt(0.64) = 0.8; other eig -0.7 -> radius 0.8 vanish
calc("W_h =\n[[0.48, -0.64, 0],\n [0.64, 0.48, 0],\n [0, 0, -0.7]]\n"
     "linear activation. Give the eigenvalues / spectral radius and the verdict (vanishing or exploding).",
     [spectral_radius([[0.48, -0.64, 0], [0.64, 0.48, 0], [0, 0, -0.7]])], [0.8])

# trace 1.2, det 0.2 - 0.09 = 0.11: lambda = (1.2 ± sqrt(1.44 - 0.44))/2 = (1.2 ± 1)/2 = 1.1, 0.1 -> explode
calc("For my coursework (due 3 Dec, 5 random seeds, sequence length T = 500, hidden size 2) the trained "
     "recurrent matrix came out as W_h = [[1.0, 0.3], [0.3, 0.2]]. With the identity activation, will the "
     "gradients explode or vanish?",
     [spectral_radius([[1.0, 0.3], [0.3, 0.2]])], [1.1])

# upper triangular, diagonal 0.3, -0.6, 0.99, 0.1 -> radius 0.99 vanish
calc("4x4 W_h, identity activation:\n"
     "| 0.3 | 2 | 0 | 1 |\n| 0 | -0.6 | 1 | 0 |\n| 0 | 0 | 0.99 | 5 |\n| 0 | 0 | 0 | 0.1 |\n"
     "Does the gradient vanish or explode as T grows? What's the largest |eigenvalue|?",
     [spectral_radius([[0.3, 2, 0, 1], [0, -0.6, 1, 0], [0, 0, 0.99, 5], [0, 0, 0, 0.1]])], [0.99])

clarify("will my RNN gradients explode? W_h is 3x3 and I'm using the identity activation")
clarify("Is W_h = [[0.7, 0.2, 0.1], [0.3, 0.5]] going to give exploding gradients?")

notcalc("Why is the largest absolute eigenvalue of W_h the thing that decides vanishing vs exploding "
        "gradients, and why is 1 the threshold?")
notcalc("If W_h is orthogonal then all its eigenvalues have modulus 1. Why doesn't that completely fix "
        "vanishing gradients when the activation is tanh?")
notcalc("In the lecture example the recurrent matrix had spectral radius about 1.15. Why does truncated BPTT "
        "with something like 20 steps help with that, conceptually?")

# ================================================================ ATTENTION OVER PATCHES
# (10-3)+1 = 8 per side -> P = 64; dot = 64^2 = 4096
calc("Image 10x10x3, split into overlapping 3x3 patches with stride 1 and no padding. How many patches are "
     "there and how many dot products does single-head self-attention over them need?",
     (lambda a: [a["P"], a["dot"]])(attention(10, 10, 3, 3, 3, 1, 1)), [64, 4096])

# 224/16 = 14 -> P = 196; d = 16*16*3 = 768; dot = 38416; macs = 38416*768 = 29503488
calc("ViT-style: 224x224x3 image, 16x16 non-overlapping patches (stride 16). Number of tokens, token "
     "dimension, and the multiply-adds for QK^T assuming identity projection matrices and a single head?",
     (lambda a: [a["P"], a["d"], a["macs"]])(attention(224, 224, 3, 16, 16, 16, 16)), [196, 768, 29503488])

# 32/4 = 8 -> P = 64; d = 4*4*3 = 48; macs = 4096*48 = 196608
calc("cifar image 32x32x3, 4x4 patches stride 4, how many MACs for the attention scores QK^T "
     "(single head, identity projections)?",
     [attention(32, 32, 3, 4, 4, 4, 4)["macs"]], [196608])

# (20-4)/2+1 = 9 per side -> P = 81; dot = 6561
calc("H = W = 20, C = 1, patch size 4x4, stride 2 (so patches overlap), no padding. "
     "How many dot products in the self-attention matrix?",
     [attention(20, 20, 1, 4, 4, 2, 2)["dot"]], [6561])

# H: 12/2 = 6, W: 16/4 = 4 -> P = 24; d = 2*4*2 = 16; dot = 576; macs = 576*16 = 9216
calc("Input image is 12 (height) x 16 (width) x 2 channels. Patches are 2 high and 4 wide, non-overlapping "
     "(stride 2 vertically, 4 horizontally). Give the number of patches, the number of dot products and the "
     "number of multiply-adds for QK^T with identity projections.",
     (lambda a: [a["P"], a["dot"], a["macs"]])(attention(12, 16, 2, 2, 4, 2, 4)), [24, 576, 9216])

# (8-3)+1 = 6 per side -> P = 36; d = 3*3*4 = 36; dot = 1296; macs = 1296*36 = 46656
calc("8x8x4 input, 3x3 patches, stride 1, no padding. total multiply-adds to compute the self-attention "
     "dot products (single head, W_q = W_k = I)?",
     [attention(8, 8, 4, 3, 3, 1, 1)["macs"]], [46656])

# 96/8 = 12 -> P = 144; entries = 144^2 = 20736
calc("an image thats ninety six by ninety six with three channels, cut into eight by eight non overlapping "
     "patches. how many patches and how many entries does the attention matrix have",
     (lambda a: [a["P"], a["dot"]])(attention(96, 96, 3, 8, 8, 8, 8)), [144, 20736])

# (28-7)/7+1 = 4 per side -> P = 16; d = 7*7*3 = 147; dot = 256
calc("```python\nx = torch.randn(1, 3, 28, 28)\npatches = F.unfold(x, kernel_size=7, stride=7)\n```\n"
     "then plain single-head self-attention over these patches with identity W_q and W_k. What is the token "
     "dimension and how many dot products are computed?",
     (lambda a: [a["d"], a["dot"]])(attention(28, 28, 3, 7, 7, 7, 7)), [147, 256])

# 128/16 = 8 -> P = 64; d = 16*16*3 = 768; macs = 4096*768 = 3145728
calc("For our ViT project (batch size 32, 8 heads in the final model but assume a single head here, 100 "
     "epochs, presentation on 5 May) the input is 128x128x3 and we use 16x16 patches with stride 16. How "
     "many multiply-adds does computing QK^T take per image if the projections are identity?",
     [attention(128, 128, 3, 16, 16, 16, 16)["macs"]], [3145728])

# 9/3 = 3 per side -> P = 9; d = 3*3*2 = 18; P^2*hwC = 81*18 = 1458
calc("Let $X \\in \\mathbb{R}^{H \\times W \\times C}$ with $H = W = 9$, $C = 2$, viewed as patches of size "
     "$h = w = 3$ with stride 3. How many patches $P$ are there and what is $P^2 hwC$?",
     (lambda a: [a["P"], a["macs"]])(attention(9, 9, 2, 3, 3, 3, 3)), [9, 1458])

# H: 6-3+1 = 4, W: 7-3+1 = 5 -> P = 20; dot = 400; d = 9; macs = 3600
calc("Image of size 6 x 7 x 1 (H x W x C), 3x3 patches overlapping with stride 1. Number of patches, "
     "number of dot products, and total MACs for the attention logits (identity projections)?",
     (lambda a: [a["P"], a["dot"], a["macs"]])(attention(6, 7, 1, 3, 3, 1, 1)), [20, 400, 3600])

# H: (10-2)/2+1 = 5, W: (10-2)/1+1 = 9 -> P = 45; dot = 2025
calc("H=10, W=10, C=3, patch 2x2, stride 2 along the height and 1 along the width. how many patches and "
     "how many dot products for self attention?",
     (lambda a: [a["P"], a["dot"]])(attention(10, 10, 3, 2, 2, 2, 1)), [45, 2025])

# 18/3 = 6 per side -> P = 36; d = 9; dot = 1296; macs = 1296*9 = 11664
calc("attn cost 18x18x1 img, 3x3 patchs stride 3, how many dot prods + macs",
     (lambda a: [a["dot"], a["macs"]])(attention(18, 18, 1, 3, 3, 3, 3)), [1296, 11664])

clarify("how many dot products does self-attention need over 8x8 patches with stride 8?")
clarify("feature map is 56x56, split into 7x7 non-overlapping patches. How many multiply-adds for QK^T "
        "with identity projections?")

notcalc("Why is self-attention cost quadratic in the number of tokens but only linear in the token "
        "dimension, e.g. for ViT-B/16?")
notcalc("Why do vision transformers use 16x16 patches as tokens instead of treating each of the "
        "224x224 pixels as a token?")
notcalc("If I randomly shuffle the 196 patch tokens of an image, what happens to the output of plain "
        "self-attention without positional encodings, and why?")

# ================================================================ CLASSIFICATION METRICS
# acc = (40 + 45)/100 = 0.85
calc("TP=40, FP=10, TN=45, FN=5. accuracy?",
     [metrics(40, 10, 45, 5)["acc"]], [0.85])

# precision = 30/40 = 0.75 ; recall = 30/50 = 0.6
calc("What are the precision and recall if TP = 30, FP = 10, FN = 20 and TN = 40?",
     (lambda m: [m["prec"], m["rec"]])(metrics(30, 10, 40, 20)), [0.75, 0.6])

# p = 30/40 = 0.75, r = 30/60 = 0.5, F1 = 60/(60+10+30) = 0.6
calc("A binary classifier gives 30 true positives, 10 false positives, 30 false negatives and 130 true "
     "negatives. Compute precision, recall and the F1 score.",
     (lambda m: [m["prec"], m["rec"], m["f1"]])(metrics(30, 10, 130, 30)), [0.75, 0.5, 0.6])

# TP=90 FN=10 FP=30 TN=870; acc = 960/1000 = 0.96; p = 90/120 = 0.75; r = 90/100 = 0.9
calc("Confusion matrix:\n\n|  | predicted positive | predicted negative |\n|---|---|---|\n"
     "| actual positive | 90 | 10 |\n| actual negative | 30 | 870 |\n\nGive accuracy, precision and recall.",
     (lambda m: [m["acc"], m["prec"], m["rec"]])(metrics(90, 30, 870, 10)), [0.96, 0.75, 0.9])

# spec = 72/80 = 0.9 ; sensitivity = 15/20 = 0.75
calc("TN=72, FP=8, TP=15, FN=5 - what are the specificity and the sensitivity?",
     (lambda m: [m["spec"], m["rec"]])(metrics(15, 8, 72, 5)), [0.9, 0.75])

# TP=40, FP=10, FN=50-40=10, TN=200-60=140; acc = 180/200 = 0.9; p = 0.8; r = 0.8
calc("Out of 200 emails, our spam filter flagged 50 as spam, and 40 of those really were spam. There were "
     "50 spam emails in total. What are the accuracy, precision and recall (spam = positive)?",
     (lambda m: [m["acc"], m["prec"], m["rec"]])(metrics(40, 10, 140, 10)), [0.9, 0.8, 0.8])

# acc = 95/100 = 0.95 ; precision = 0/0 undefined
calc("My classifier predicts negative for everything: TP=0, FP=0, TN=95, FN=5. What's its accuracy and "
     "its precision?",
     [metrics(0, 0, 95, 5)["acc"]], [0.95])

# acc = (5 + 940)/1000 = 0.945 ; precision = 5/50 = 0.1
calc("fraud detector results: TP 5, FP 45, TN 940, FN 10. accuracy and precision?",
     (lambda m: [m["acc"], m["prec"]])(metrics(5, 45, 940, 10)), [0.945, 0.1])

# sklearn [[TN, FP], [FN, TP]] = [[68, 2], [12, 18]] -> TP=18 FP=2 FN=12 TN=68
# p = 18/20 = 0.9 ; r = 18/30 = 0.6 ; F1 = 36/(36+14) = 0.72 ; acc = 86/100 = 0.86
calc("sklearn's confusion_matrix(y_true, y_pred) gave me\n```\n[[68  2]\n [12 18]]\n```\n(labels [0, 1], "
     "rows are the true class, columns the predicted class, class 1 is positive). Precision, recall, F1 "
     "and accuracy?",
     (lambda m: [m["prec"], m["rec"], m["f1"], m["acc"]])(metrics(18, 2, 68, 12)), [0.9, 0.6, 0.72, 0.86])

# acc = 460/500 = 0.92 ; p = 60/100 = 0.6 ; r = 60/60 = 1 ; F1 = 120/(120+40) = 0.75
calc("Given $TP = 60$, $FP = 40$, $TN = 400$ and $FN = 0$, compute the accuracy, the precision, the recall "
     "and $F_1$.",
     (lambda m: [m["acc"], m["prec"], m["f1"]])(metrics(60, 40, 400, 0)), [0.92, 0.6, 0.75])

# F1 = 16/(16+2+2) = 0.8
calc("tp 8 fp 2 tn 88 fn 2 f1??",
     [metrics(8, 2, 88, 2)["f1"]], [0.8])

# TP=27, FN=3, TN=297, FP=3 ; sens = 27/30 = 0.9 ; spec = 297/300 = 0.99 ; prec = 27/30 = 0.9
calc("Our screening test study ran from January to June 2023 across 12 clinics. The test was positive for "
     "27 of the 30 patients who have the disease, and negative for 297 of the 300 healthy patients. What are "
     "its sensitivity, specificity and precision?",
     (lambda m: [m["rec"], m["spec"], m["prec"]])(metrics(27, 3, 297, 3)), [0.9, 0.99, 0.9])

# acc = 96/100 = 0.96 ; spec = 96/100 = 0.96 ; recall = 0/0 undefined
calc("test set with no positive examples at all: TP = 0, FN = 0, FP = 4, TN = 96. compute accuracy, "
     "specificity and recall",
     (lambda m: [m["acc"], m["spec"]])(metrics(0, 4, 96, 0)), [0.96, 0.96])

clarify("what's the F1 if TP=30 and FN=10?")
clarify("accuracy for TP=50, FP=5, FN=8?")
clarify("My model got 92% of the test set right and had 40 true positives. What's its precision?")

notcalc("Why is accuracy misleading when 99% of the samples are negative? Just the idea, no numbers needed.")
notcalc("When should I care more about recall than precision, e.g. for a cancer screening test where only "
        "1 in 1000 people has the disease?")


# ---------------------------------------------------------------- write
class _Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper, data):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_rep)


def main():
    counts = {}
    for it in ITEMS:
        counts[it["expect"]] = counts.get(it["expect"], 0) + 1
        assert it["q"].strip()
        if it["expect"] == "calculation":
            assert it["contains"] and all(isinstance(s, str) for s in it["contains"])
            for s in it["contains"]:
                assert "," not in s
                digits = s.replace("0.", "", 1).replace(".", "").lstrip("0") if "." in s else s
                if "." in s:
                    assert len(digits) <= 4, s
    qs = [it["q"] for it in ITEMS]
    assert len(qs) == len(set(qs)), "duplicate question"
    body = yaml.dump(ITEMS, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10000)
    with open(OUT_YAML, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write(body)
    # round-trip check
    with open(OUT_YAML, encoding="utf-8") as f:
        back = yaml.safe_load(f)
    assert back == ITEMS
    print(OUT_YAML, len(ITEMS), counts)


if __name__ == "__main__":
    main()
