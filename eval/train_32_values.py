# train-32: calculation tuning set, written blind to the knowledge base, the code and every other eval set, by a helper who read only the seed and the API contract
"""train-32: blind tuning set of calculations, written to the same brief as the holdout
holdout-calc-5 by another helper who read only the seed and the API contract (on 2026-12-04);
on arrival 92.3% worked out right, 3.1% with other numbers; its misreads were fixed in the
commit before the one that added it.

Computes every expected number of train-32 with textbook helpers, asserts each against a
hand-worked value (working in the comment beside each item) and writes train-32.yaml beside
itself:  .venv/bin/python eval/train_32_values.py
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731, B905
import math
import os

import numpy as np
import yaml

HEADER = ("# train-32: calculation tuning set, written blind to the knowledge base, the code "
          "and every other eval set, by a helper who read only the seed and the API contract\n")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-32.yaml")


# ---------------------------------------------------------------- helpers
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out >= 1, "kernel does not fit"
    return out


def conv_same(n, s=1):
    """TensorFlow padding='same': ceil(n/s)."""
    return math.ceil(n / s)


def conv_valid(n, k, s=1, d=1):
    """TensorFlow padding='valid' == PyTorch padding=0."""
    return conv_out(n, k, s, 0, d)


def conv_params(kh, kw, cin, cout, bias=True):
    w = kh * kw * cin * cout
    b = cout if bias else 0
    return w, b, w + b


def spectral(matrix):
    ev = np.linalg.eigvals(np.array(matrix, dtype=float))
    r = float(np.max(np.abs(ev)))
    verdict = "stable" if abs(r - 1) < 1e-9 else ("explode" if r > 1 else "vanish")
    return ev, r, verdict


def attention(H, W, C, h, w, sh=1, sw=1):
    P = ((H - h) // sh + 1) * ((W - w) // sw + 1)
    d = h * w * C
    return P, d, P * P, P * P * d


def metrics(tp, fp, tn, fn):
    def ratio(a, b):
        return None if b == 0 else a / b
    return dict(
        accuracy=ratio(tp + tn, tp + fp + tn + fn),
        precision=ratio(tp, tp + fp),
        recall=ratio(tp, tp + fn),
        specificity=ratio(tn, tn + fp),
        f1=ratio(2 * tp, 2 * tp + fp + fn) if tp + fp and tp + fn else None,
    )


def fmt(x):
    """integers plainly, decimals to at most 4 significant digits."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    s = f"{x:.4g}"
    assert "e" not in s
    return s


def close(a, b):
    return abs(a - b) < 1e-9


items = []


def calc(q, *values):
    items.append({"q": q, "expect": "calculation", "contains": [v if isinstance(v, str) else fmt(v) for v in values]})


def clarify(q):
    items.append({"q": q, "expect": "clarify"})


def concept(q):
    items.append({"q": q, "expect": "not-calculation"})


# ================================================================ 1. conv output size
# C1: (32 - 5)/1 + 1 = 28
v = conv_out(32, 5); assert v == 28
calc("conv otuput size?? input 32x32, 5x5 kernel, stride 1 no padding", v)

# C2: floor((224 + 2*3 - 7)/2) + 1 = floor(223/2) + 1 = 111 + 1 = 112
v = conv_out(224, 7, 2, 3); assert v == 112
calc("A convolutional layer receives a 224 × 224 input and applies a 7 × 7 kernel with stride 2 "
     "and zero padding of 3 pixels on each side. What is the spatial size of the output feature map?", v)

# C3: H: floor((128+2-3)/2)+1 = 63+1 = 64 ; W: floor((96+2-3)/2)+1 = 47+1 = 48 (batch 16 irrelevant)
h, w = conv_out(128, 3, 2, 1), conv_out(96, 3, 2, 1); assert (h, w) == (64, 48)
calc("x = torch.randn(16, 3, 128, 96)\nconv = nn.Conv2d(3, 64, kernel_size=3, stride=2, padding=1)\n"
     "what shape does conv(x) have? mainly need H and W", h, w)

# C4: effective kernel 2*(3-1)+1 = 5 -> 64 - 5 + 1 = 60
v = conv_out(64, 3, 1, 0, 2); assert v == 60
calc("if i use a 3x3 kernel with dilation=2 on a 64x64 feature map (stride 1, padding 0) what size comes out", v)

# C5: TF same: ceil(225/2) = 113
v = conv_same(225, 2); assert v == 113
calc("Keras: Conv2D(32, 3, strides=2, padding='same') applied to a 225x225x3 image. "
     "What are the output height and width?", v)

# C6: valid: floor((100-5)/3)+1 = 31+1 = 32  (= ceil(96/3) = 32)
v = conv_valid(100, 5, 3); assert v == 32
calc("tf.keras.layers.Conv2D(filters=8, kernel_size=(5, 5), strides=(3, 3), padding='valid') "
     "on input shape (100, 100, 3) -> output spatial dims?", v)

# C7: H: (480+2-3)/1+1 = 480 ; W: floor((640+4-5)/2)+1 = floor(639/2)+1 = 319+1 = 320
h, w = conv_out(480, 3, 1, 1), conv_out(640, 5, 2, 2); assert (h, w) == (480, 320)
calc("Non-square case: the input feature map is 480 (height) x 640 (width), kernel (3, 5), "
     "stride (1, 2), padding (1, 2), PyTorch Conv2d convention. What is the output size?", h, w)

# C8: floor((31+4-5)/2)+1 = 15+1 = 16
v = conv_out(31, 5, 2, 2); assert v == 16
calc("Single-channel 31x31 image, 5x5 filter, stride 2, zero padding of 2 on every side. "
     "What is the output image size?", v)

# C9: 28 -> 28-3+1 = 26 -> 26-3+1 = 24
v = conv_out(conv_out(28, 3), 3); assert v == 24
calc("input is twenty-eight by twenty-eight, i apply a three by three conv with stride one and no padding, "
     "then another identical one right after it. whats the size after the second conv?", v)

# C10: effective kernel 4*2+1 = 9 ; floor((100+8-8-1)/2)+1 = floor(99/2)+1 = 49+1 = 50
v = conv_out(100, 3, 2, 4, 4); assert v == 50
calc("Conv2d with kernel 3, dilation 4, padding 4, stride 2 on a 100x100 input. output size?", v)

# C11: floor((57-4)/3)+1 = floor(53/3)+1 = 17+1 = 18
v = conv_out(57, 4, 3, 0); assert v == 18
calc(r"Compute the output size: $H_{in} = W_{in} = 57$, kernel $k = 4$, stride $s = 3$, padding $p = 0$, "
     r"using $\lfloor (H_{in} + 2p - k)/s \rfloor + 1$.", v)

# C12: TF same: ceil(50/3) = 17 (kernel size does not matter for 'same')
v = conv_same(50, 3); assert v == 17
calc("tensorflow padding same, stride 3, kernel 7x7, input 50x50 -> ?", v)

# C13: floor((32+2-5)/1)+1 = 29+1 = 30 (batch 128, 50 epochs, lr, dates irrelevant)
v = conv_out(32, 5, 1, 1); assert v == 30
calc("Hi, I'm doing the coursework (due Friday the 14th). Training on CIFAR-10 (50000 train images, 32x32x3) "
     "with batch size 128 for 50 epochs, lr 0.01, SGD momentum 0.9. My first layer is "
     "nn.Conv2d(3, 16, kernel_size=5, stride=1, padding=1). What spatial size comes out of this layer?", v)

clarify("what's the output size with a 5x5 filter, stride 2 and padding 2?")                      # no input size
clarify("my input is 128x128 and I use stride 2 with padding 1, how big is the output of the conv?")  # no kernel size
concept("why do almost all CNNs use odd kernel sizes like 3x3 or 5x5 and not 4x4?")
concept("Intuitively, what does dilation=2 do to a 3x3 kernel, and why would a segmentation network "
        "want that instead of just using a bigger kernel?")
concept("Why did VGG stack three 3x3 conv layers instead of using a single 7x7 layer?")

# ================================================================ 2. Conv2d parameters
# P1: 3*3*3*64 = 1728 weights + 64 biases = 1792
w_, b_, t = conv_params(3, 3, 3, 64); assert (w_, b_, t) == (1728, 64, 1792)
calc("How many learnable parameters does nn.Conv2d(3, 64, 3) have?", t)

# P2: 3*3*64*128 = 9*8192 = 73728, no bias
w_, b_, t = conv_params(3, 3, 64, 128, bias=False); assert t == 73728
calc("nn.Conv2d(64, 128, kernel_size=3, padding=1, bias=False) — number of params?", t)

# P3: 5*5*1*32 = 800 + 32 = 832
w_, b_, t = conv_params(5, 5, 1, 32); assert t == 832
calc("model.add(Conv2D(32, (5, 5), input_shape=(28, 28, 1)))\nhow many params will model.summary() show for this layer?", t)

# P4: 1*1*256*64 = 16384 + 64 = 16448
w_, b_, t = conv_params(1, 1, 256, 64); assert t == 16448
calc("1x1 conv from 256 channels down to 64 channels, with bias. param count?", t)

# P5: 1*7*128*192 = 7*24576 = 172032 + 192 = 172224
w_, b_, t = conv_params(1, 7, 128, 192); assert t == 172224
calc("Inception-style factorised convolution: kernel 1×7, 128 input channels, 192 output channels, "
     "bias included. How many parameters?", t)

# P6: 5*5*3*16 = 1200 + 16 = 1216
w_, b_, t = conv_params(5, 5, 3, 16); assert t == 1216
calc("a conv layer with sixteen filters, each five by five, applied to an RGB image, biases included. "
     "how many parameters in total?", t)

# P7: one filter: 3*3*16 = 144 weights + 1 bias = 145
w_, b_, t = conv_params(3, 3, 16, 1); assert t == 145
calc("The input volume is 64×64×16. How many parameters does ONE 3×3 convolution filter have, including its bias?", t)

# P8: 7*7*3*96 = 147*96 = 14112 weights, 96 biases, 14208 total
w_, b_, t = conv_params(7, 7, 3, 96); assert (w_, b_, t) == (14112, 96, 14208)
calc("For a conv layer with 7x7 kernels, 3 input channels and 96 output channels, give the number of weights, "
     "the number of biases and the total.", w_, b_, t)

# P9: 3*3*128*256 = 9*32768 = 294912 + 256 = 295168 (batch 32, 56x56, stride, 90 epochs, 4 GPUs irrelevant)
w_, b_, t = conv_params(3, 3, 128, 256); assert t == 295168
calc("My input batch has shape (32, 128, 56, 56) (batch, channels, H, W). The next layer is a 3x3 convolution "
     "with 256 filters, stride 2, padding 1, bias on. I trained it for 90 epochs on 4 GPUs. "
     "How many parameters does that layer have?", t)

# P10: 5*5*6*16 = 2400 + 16 = 2416
w_, b_, t = conv_params(5, 5, 6, 16); assert t == 2416
calc(r"A conv layer connected to all input channels: $K = 5$ (square kernel), $C_{in} = 6$, $C_{out} = 16$, "
     r"with bias. Number of parameters $= ?$", t)

# P11: dilation does not change parameters: 3*3*32*32 = 9216 + 32 = 9248
w_, b_, t = conv_params(3, 3, 32, 32); assert t == 9248
calc("does dilation change the param count? e.g. how many params does nn.Conv2d(32, 32, 3, dilation=2) have", t)

# P12: 3*3*64*10 = 5760, no bias
w_, b_, t = conv_params(3, 3, 64, 10, bias=False); assert t == 5760
calc("Conv2D(10, kernel_size=(3,3), use_bias=False) on an input of shape (None, 32, 32, 64) — param count?", t)

# P13: 5*5*48*128 = 25*6144 = 153600 + 128 = 153728
w_, b_, t = conv_params(5, 5, 48, 128); assert t == 153728
calc("params conv 5x5 in=48 out=128 w bias?", t)

clarify("how many parameters does a 3x3 conv layer with 64 filters have?")                       # no in_channels
clarify("How many params are in a conv layer that takes a 128x128x3 image to a 64x64x32 feature map?")  # no kernel
clarify("how many parameters does my first conv layer have? it has 32 filters and uses bias")  # no kernel, no C_in
concept("Why doesn't the number of parameters in a conv layer change when I feed it 224x224 images instead of 32x32?")
concept("Is it fine to set bias=False in a Conv2d that is followed by BatchNorm2d(64)? why?")

# ================================================================ 3. RNN eigenvalues
# E1: symmetric, eigenvalues 0.5 ± 0.2 = 0.7, 0.3 -> radius 0.7 < 1: vanish
ev, r, vd = spectral([[0.5, 0.2], [0.2, 0.5]]); assert close(r, 0.7) and vd == "vanish"
calc("linear RNN, W_h = [[0.5, 0.2], [0.2, 0.5]]. will the gradients explode or vanish as T→∞?", r, "vanish")

# E2: eigenvalues 1 ± 2 = 3, -1 -> radius 3: explode
ev, r, vd = spectral([[1, 2], [2, 1]]); assert close(r, 3) and vd == "explode"
calc("W_h = [[1, 2], [2, 1]] with identity activation. exploding or vanishing gradient?", 3, "explod")

# E3: upper triangular -> eigenvalues 0.5, -1.3, 0.2 -> radius |-1.3| = 1.3: explode
ev, r, vd = spectral([[0.5, 1, 2], [0, -1.3, 4], [0, 0, 0.2]]); assert close(r, 1.3) and vd == "explode"
calc(r"$h_t = W_h h_{t-1} + W_x x_t$ (no nonlinearity) with $W_h = \begin{pmatrix} 0.5 & 1 & 2 \\ 0 & -1.3 & 4 \\ "
     r"0 & 0 & 0.2 \end{pmatrix}$. Does the gradient vanish or explode for very long sequences? Give the spectral radius.",
     r, "explod")

# E4: rotation: eigenvalues 0.6 ± 0.8i, |.| = sqrt(0.36+0.64) = 1 -> stable
ev, r, vd = spectral([[0.6, -0.8], [0.8, 0.6]]); assert close(r, 1.0) and vd == "stable"
calc("rnn with no nonlinearity and W_h = [[0.6, -0.8], [0.8, 0.6]] — explode, vanish or neither?", "stable")

# E5: eigenvalues 0.3 ± 0.4i, |.| = sqrt(0.09+0.16) = 0.5 -> vanish
ev, r, vd = spectral([[0.3, -0.4], [0.4, 0.3]]); assert close(r, 0.5) and vd == "vanish"
calc("W_h = np.array([[0.3, -0.4], [0.4, 0.3]]), sigma = identity. what's the spectral radius and what happens "
     "to the gradient?", r, "vanish")

# E6: block diag: [[1.2,-0.9],[0.9,1.2]] -> 1.2 ± 0.9i, |.| = sqrt(1.44+0.81) = 1.5 ; third eigenvalue -1.1
#     radius 1.5: explode
ev, r, vd = spectral([[1.2, -0.9, 0], [0.9, 1.2, 0], [0, 0, -1.1]]); assert close(r, 1.5) and vd == "explode"
calc("Recurrent matrix W_h = [[1.2, -0.9, 0], [0.9, 1.2, 0], [0, 0, -1.1]], linear activation. "
     "What are the eigenvalues and what's the verdict on exploding/vanishing gradients?", r, "explod")

# E7: block: [[0.8,0.4],[0.4,0.8]] -> 1.2, 0.4 ; plus 0.2 -> radius 1.2: explode
ev, r, vd = spectral([[0.8, 0.4, 0], [0.4, 0.8, 0], [0, 0, 0.2]]); assert close(r, 1.2) and vd == "explode"
calc("W_h = [[0.8, 0.4, 0], [0.4, 0.8, 0], [0, 0, 0.2]], identity activation, T -> infinity: vanish or explode?",
     r, "explod")

# E8: diagonal -> eigenvalues 0.9, -0.95, 0.5 -> radius 0.95: vanish
ev, r, vd = spectral(np.diag([0.9, -0.95, 0.5])); assert close(r, 0.95) and vd == "vanish"
calc(r"Diagonal recurrent weights $W_h = \mathrm{diag}(0.9, -0.95, 0.5)$ and $\sigma$ is the identity. "
     r"Vanishing or exploding gradients as $T \to \infty$?", r, "vanish")

# E9: lambda^2 = 3*0.12 = 0.36 -> ±0.6, radius 0.6: vanish
ev, r, vd = spectral([[0, 3], [0.12, 0]]); assert close(r, 0.6) and vd == "vanish"
calc("W_h = [[0, 3], [0.12, 0]] linear rnn. does the gradient vanish?", r, "vanish")

# E10: lower triangular -> 1.1, 0.4 -> radius 1.1: explode
ev, r, vd = spectral([[1.1, 0.0], [0.3, 0.4]]); assert close(r, 1.1) and vd == "explode"
calc("W = np.array([[1.1, 0.0], [0.3, 0.4]])  # recurrent weights, no activation\n"
     "will backprop through 1000 time steps blow up?", r, "explod")

# E11: [[0.9,0.1],[0.1,0.9]] -> 0.9 ± 0.1 = 1.0, 0.8 -> radius 1: stable
ev, r, vd = spectral([[0.9, 0.1], [0.1, 0.9]]); assert close(r, 1.0) and vd == "stable"
assert close(sorted(ev.real)[0], 0.8)
calc("two by two recurrent matrix with 0.9 on both diagonal entries and 0.1 on both off-diagonal entries, "
     "identity activation. what are the eigenvalues, and do gradients vanish or explode?", 0.8, "stable")

# E12: lower triangular -> 0.2, -0.85, 0.3 -> radius 0.85: vanish (hidden size, seq len, lr, epochs irrelevant)
ev, r, vd = spectral([[0.2, 0, 0], [0.5, -0.85, 0], [1, 2, 0.3]]); assert close(r, 0.85) and vd == "vanish"
calc("I'm training a toy char-level RNN on Shakespeare: hidden size 3, sequence length 200, lr 1e-3, 30 epochs, "
     "batch 64, and I removed the tanh so it's linear. My recurrent matrix is "
     "W_h = [[0.2, 0, 0], [0.5, -0.85, 0], [1, 2, 0.3]]. Should I expect vanishing or exploding gradients?",
     r, "vanish")

# E13: trace 2.1, det 1.08 - 0.1 = 0.98 ; disc = 4.41 - 3.92 = 0.49 -> (2.1 ± 0.7)/2 = 1.4, 0.7 -> explode
ev, r, vd = spectral([[1.2, 0.5], [0.2, 0.9]]); assert close(r, 1.4) and vd == "explode"
assert close(min(ev.real), 0.7)
calc("W_h = [[1.2, 0.5], [0.2, 0.9]], h_t = W_h h_{t-1} + W_x x_t. explode or vanish? show the eigenvalues",
     1.4, 0.7, "explod")

clarify("does my RNN explode? W_h is 3x3 and its trace is 0.9")                          # matrix unknown
clarify("check vanishing/exploding for W_h = [[0.5, 1.2], [0.3]]")                       # incomplete matrix
clarify("can you check if my recurrent weight matrix will make the gradients explode? identity activation, "
        "sequence length 500")                                                            # no matrix
concept("Why does initialising W_h as an orthogonal matrix (every eigenvalue has |λ| = 1) help a vanilla RNN "
        "on sequences of 500 steps, and why isn't it enough once there is a tanh?")
concept("Why does clipping the gradient norm at 5 fix exploding gradients but do nothing for vanishing ones?")

# ================================================================ 4. self-attention over patches
# A1: (8-2+1)^2 = 49 patches ; 49^2 = 2401 ; d = 2*2*3 = 12 ; 2401*12 = 28812
P, d, dp, mac = attention(8, 8, 3, 2, 2); assert (P, d, dp, mac) == (49, 12, 2401, 28812)
calc("8x8x3 image, 2x2 patches, stride 1 (overlapping), no padding, single head, identity projections. "
     "How many patches are there, and how many multiply-adds does QK^T take?", P, dp, mac)

# A2: (224/16)^2 = 14^2 = 196 ; d = 16*16*3 = 768 ; 196^2 = 38416 ; 38416*768 = 26891200 + 2612288 = 29503488
P, d, dp, mac = attention(224, 224, 3, 16, 16, 16, 16); assert (P, d, dp, mac) == (196, 768, 38416, 29503488)
calc("ViT-style: a 224×224×3 image cut into non-overlapping 16×16 patches. With a single head and identity Q/K "
     "projections, how many patch tokens are there, what's the token dimension, how many pairwise dot products "
     "and how many multiply-adds does QK^T cost?", P, d, dp, mac)

# A3: (10-3+1)^2 = 64 ; 64^2 = 4096 ; d = 9 ; 4096*9 = 36864
P, d, dp, mac = attention(10, 10, 1, 3, 3); assert (P, d, dp, mac) == (64, 9, 4096, 36864)
calc("10x10 greyscale image, 3x3 patches with stride 1 (no padding). number of dot products in self-attention "
     "over the patches + total MACs? (identity projections, 1 head)", P, dp, mac)

# A4: (6-2)/2+1 = 3 -> 9 patches ; 81 ; d = 2*2*2 = 8 ; 81*8 = 648
P, d, dp, mac = attention(6, 6, 2, 2, 2, 2, 2); assert (P, d, dp, mac) == (9, 8, 81, 648)
calc("image 6x6x2, patch 2x2, stride 2. cost of the self attention dot products (identity proj)?", dp, mac)

# A5: rows (12-4)/4+1 = 3, cols (8-2)/2+1 = 4 -> 12 ; 144 ; d = 4*2*4 = 32 ; 144*32 = 4608
P, d, dp, mac = attention(12, 8, 4, 4, 2, 4, 2); assert (P, d, dp, mac) == (12, 32, 144, 4608)
calc("Input H=12, W=8, C=4. Patches of height 4 and width 2, stride 4 vertically and 2 horizontally (so "
     "non-overlapping). Single-head self-attention with identity projections: number of patches, number of "
     "dot products, and MACs?", P, dp, mac)

# A6: (16-4+1)^2 = 13^2 = 169 ; 169^2 = 28561 ; d = 4*4*3 = 48 ; 28561*48 = 1370928
P, d, dp, mac = attention(16, 16, 3, 4, 4); assert (P, d, dp, mac) == (169, 48, 28561, 1370928)
calc("Same setup as the exam question (H×W×C image viewed as h×w×C patches, stride 1, no padding, one head, "
     "identity projections), but with numbers: H = W = 16, C = 3, h = w = 4. How many multiply-adds for the "
     "attention dot products?", P, dp, mac)

# A7: (5-2+1)^2 = 16 ; 256 ; d = 4
P, d, dp, mac = attention(5, 5, 1, 2, 2); assert (P, d, dp, mac) == (16, 4, 256, 1024)
calc("five by five greyscale image, two by two patches, stride one. how many patches and how many dot products "
     "in self attention? and the token size?", P, dp, d)

# A8: (9-3)/2+1 = 4 -> 16 ; 256 ; d = 3*3*3 = 27 ; 256*27 = 6912
P, d, dp, mac = attention(9, 9, 3, 3, 3, 2, 2); assert (P, d, dp, mac) == (16, 27, 256, 6912)
calc("9x9x3 input, 3x3 patches, stride 2 (so they overlap), no padding. QK^T multiply-adds with identity "
     "projections?", P, dp, mac)

# A9: (10-4)/3+1 = 3 -> 9 ; 81 ; d = 16 ; 81*16 = 1296
P, d, dp, mac = attention(10, 10, 1, 4, 4, 3, 3); assert (P, d, dp, mac) == (9, 16, 81, 1296)
calc("10x10x1 image, 4x4 patches, stride 3, no padding. # patches, # dot products, MACs for single-head "
     "self-attention with identity projections?", dp, mac)

# A10: (32/4)^2 = 64 ; 4096 ; d = 4*4*3 = 48 ; 4096*48 = 196608 (classes, batch, epochs, lr, layers irrelevant)
P, d, dp, mac = attention(32, 32, 3, 4, 4, 4, 4); assert (P, d, dp, mac) == (64, 48, 4096, 196608)
calc("Building a tiny ViT for CIFAR-10 (32x32x3 images, 10 classes, batch 256, 100 epochs, AdamW lr 3e-4, "
     "6 layers). Patch size 4, stride 4. For ONE attention head with identity projections in one layer, how many "
     "dot products and how many MACs does QK^T take per image?", P, dp, mac)

# A11: (20/5)^2 = 16 ; 256 ; d = 75 ; 256*75 = 19200
P, d, dp, mac = attention(20, 20, 3, 5, 5, 5, 5); assert (P, d, dp, mac) == (16, 75, 256, 19200)
calc(r"Let $H = W = 20$, $C = 3$ and patches $h = w = 5$ taken with stride 5. Compute $P$, $P^2$ and the cost "
     r"$P^2 hwC$ of the attention logits (single head, identity projections).", P, dp, mac)

# A12: (64/8)^2 = 64 ; 4096 ; d = 64 ; 4096*64 = 262144
P, d, dp, mac = attention(64, 64, 1, 8, 8, 8, 8); assert (P, d, dp, mac) == (64, 64, 4096, 262144)
calc("input (64, 64, 1), patch (8, 8), stride (8, 8). self-attention dot product cost? identity projections",
     dp, mac)

# A13: (28/2)^2 = 196 ; 38416 ; d = 4 ; 38416*4 = 153664
P, d, dp, mac = attention(28, 28, 1, 2, 2, 2, 2); assert (P, d, dp, mac) == (196, 4, 38416, 153664)
calc("MNIST 28x28x1 split into non-overlapping 2x2 patches (stride 2). 1 head, identity projections: "
     "number of tokens, pairwise dot products, MACs?", P, dp, mac)

clarify("what's the self-attention cost for a 64x64x3 image split into patches?")        # no patch size / stride
clarify("vit with 16x16 patches stride 16, how many dot products in attention?")        # no image size
concept("Why is self-attention quadratic in the number of patches? like why does ViT use 16x16 patches rather "
        "than treating each of the 50176 pixels as a token?")
concept("If I split a 224x224 image into 196 patches, why do I still need positional encodings?")
concept("Is the 196x196 attention matrix in a ViT symmetric? Q and K come from different projections")

# ================================================================ 5. classification metrics
# M1: rows = actual: TP 66, FN 14, FP 30, TN 90 ; N = 200
#     acc 156/200 = 0.78 ; prec 66/96 = 0.6875 ; rec 66/80 = 0.825 ; spec 90/120 = 0.75 ; F1 132/176 = 0.75
m = metrics(66, 30, 90, 14)
assert [close(m[k], v) for k, v in dict(accuracy=0.78, precision=0.6875, recall=0.825, specificity=0.75, f1=0.75).items()] == [True] * 5
calc("Confusion matrix (rows = actual class, columns = predicted class):\n\n"
     "|          | pred + | pred - |\n|----------|--------|--------|\n| actual + | 66     | 14     |\n"
     "| actual - | 30     | 90     |\n\nCompute accuracy, precision, recall, specificity and F1.",
     m["accuracy"], m["precision"], m["recall"], m["specificity"], m["f1"])

# M2: prec 63/80 = 0.7875 ; rec 63/100 = 0.63 ; F1 126/180 = 0.7
m = metrics(63, 17, 183, 37)
assert close(m["precision"], 0.7875) and close(m["recall"], 0.63) and close(m["f1"], 0.7)
calc("TP=63 FP=17 TN=183 FN=37 -> precision recall f1?", m["precision"], m["recall"], m["f1"])

# M3: acc 74/100 = 0.74 ; prec 27/30 = 0.9 ; rec 27/50 = 0.54 ; F1 54/80 = 0.675
m = metrics(27, 3, 47, 23)
assert close(m["accuracy"], 0.74) and close(m["precision"], 0.9) and close(m["recall"], 0.54) and close(m["f1"], 0.675)
calc("Out of 100 test images my cat detector got 27 true positives, 3 false positives, 47 true negatives and "
     "23 false negatives. What are the accuracy, precision, recall and F1 (as decimals)?",
     m["accuracy"], m["precision"], m["recall"], m["f1"])

# M4: sklearn ravel order tn, fp, fn, tp = 198, 2, 52, 48 ; spec 198/200 = 0.99 ; rec 48/100 = 0.48
m = metrics(48, 2, 198, 52)
assert close(m["specificity"], 0.99) and close(m["recall"], 0.48)
calc("from sklearn: tn, fp, fn, tp = confusion_matrix(y_true, y_pred).ravel() gives 198, 2, 52, 48. "
     "what are the specificity and recall?", m["specificity"], m["recall"])

# M5: 10 sick, 15 flagged, 6 flagged & sick -> TP 6, FP 9, FN 4, TN 130-19 = 111
#     acc 117/130 = 0.9 ; prec 6/15 = 0.4 ; rec 6/10 = 0.6
m = metrics(6, 9, 111, 4)
assert close(m["accuracy"], 0.9) and close(m["precision"], 0.4) and close(m["recall"], 0.6)
calc("Rare disease screening on 130 patients, 10 of whom are actually sick. The test flagged 15 people as sick, "
     "and 6 of those really were sick. What are the accuracy, precision and recall of the test?",
     m["accuracy"], m["precision"], m["recall"])

# M6: F1 18/(18+21+6) = 18/45 = 0.4 ; spec 99/120 = 0.825
m = metrics(9, 21, 99, 6)
assert close(m["f1"], 0.4) and close(m["specificity"], 0.825)
calc("spam filter: TP 9, FP 21, TN 99, FN 6. F1 and specificity pls", m["f1"], m["specificity"])

# M7: prec 36/60 = 0.6 ; rec 36/40 = 0.9 ; F1 72/100 = 0.72
m = metrics(36, 24, 16, 4)
assert close(m["precision"], 0.6) and close(m["recall"], 0.9) and close(m["f1"], 0.72)
calc(r"Given $TP = 36$, $FP = 24$, $TN = 16$, $FN = 4$, compute $\text{precision}$, $\text{recall}$ and $F_1$.",
     m["precision"], m["recall"], m["f1"])

# M8: pairs (t,p): (1,1)TP (1,0)FN (0,0)TN (0,1)FP (1,1)TP (0,0)TN (1,1)TP (0,0)TN (0,0)TN (0,0)TN
#     TP 3, FN 1, FP 1, TN 5 -> acc 8/10 = 0.8 ; prec 3/4 = 0.75 ; rec 3/4 = 0.75 ; F1 6/8 = 0.75
y_true = [1, 1, 0, 0, 1, 0, 1, 0, 0, 0]
y_pred = [1, 0, 0, 1, 1, 0, 1, 0, 0, 0]
tp = sum(t == 1 and p == 1 for t, p in zip(y_true, y_pred)); fp = sum(t == 0 and p == 1 for t, p in zip(y_true, y_pred))
tn = sum(t == 0 and p == 0 for t, p in zip(y_true, y_pred)); fn = sum(t == 1 and p == 0 for t, p in zip(y_true, y_pred))
assert (tp, fp, tn, fn) == (3, 1, 5, 1)
m = metrics(tp, fp, tn, fn)
assert close(m["accuracy"], 0.8) and close(m["precision"], 0.75) and close(m["recall"], 0.75) and close(m["f1"], 0.75)
calc("y_true = [1,1,0,0,1,0,1,0,0,0]\ny_pred = [1,0,0,1,1,0,1,0,0,0]\naccuracy, precision, recall, f1?",
     m["accuracy"], m["precision"])

# M9: TP 0, FP 0, TN 90, FN 10 -> acc 90/100 = 0.9 ; precision 0/0 undefined
m = metrics(0, 0, 90, 10)
assert close(m["accuracy"], 0.9) and m["precision"] is None
calc("my model predicts negative for everything. on the test set that gives 90 true negatives, 10 false negatives, "
     "zero TP and zero FP. what are its accuracy and precision?", m["accuracy"])

# M10: TP 0, FP 5, TN 95, FN 0 -> acc 95/100 = 0.95 ; precision 0/5 = 0 ; recall 0/0 undefined
m = metrics(0, 5, 95, 0)
assert close(m["accuracy"], 0.95) and m["precision"] == 0 and m["recall"] is None
calc("TP=0, FP=5, TN=95, FN=0 (there are no positives in this batch at all). compute accuracy, precision, recall",
     m["accuracy"])

# M11: acc 85/100 = 0.85 ; prec 45/50 = 0.9
m = metrics(45, 5, 40, 10)
assert close(m["accuracy"], 0.85) and close(m["precision"], 0.9)
calc("Classifier results: 45 true positives, 5 false positives, 40 true negatives, 10 false negatives. "
     "I only need the accuracy and the precision.", m["accuracy"], m["precision"])

# M12: sensitivity = recall = 15/20 = 0.75 ; specificity = 171/180 = 0.95
m = metrics(15, 9, 171, 5)
assert close(m["recall"], 0.75) and close(m["specificity"], 0.95)
calc("sensitivity and specificity? TP 15, FN 5, TN 171, FP 9", m["recall"], m["specificity"])

# M13: N = 1000 ; acc 960/1000 = 0.96 ; prec 80/100 = 0.8 ; rec 80/100 = 0.8 ; F1 160/200 = 0.8
m = metrics(80, 20, 880, 20)
assert close(m["accuracy"], 0.96) and close(m["precision"], 0.8) and close(m["recall"], 0.8) and close(m["f1"], 0.8)
calc("eighty true positives, twenty false positives, eight hundred and eighty true negatives and twenty false "
     "negatives. what are the accuracy, precision, recall and F1?", m["accuracy"], m["precision"])

clarify("my classifier has TP=30 and FN=10, what's its precision?")                          # FP missing
clarify("I got 90% accuracy on 1000 samples, 100 of which are positive. what's my F1?")    # counts unknown
concept("Why is 99% accuracy meaningless for fraud detection when 99% of transactions are legit?")
concept("For cancer screening where maybe 1 in 1000 people is positive, should I care more about precision or "
        "recall, and why?")
concept("What's the difference between specificity and precision? both have FP in the denominator in my notes "
        "(lecture 2, slide 14)")

# ---------------------------------------------------------------- checks and output
kinds = {}
for it in items:
    kinds[it["expect"]] = kinds.get(it["expect"], 0) + 1
    if it["expect"] == "calculation":
        assert it["contains"] and all(isinstance(c, str) and c for c in it["contains"])
assert len({it["q"] for it in items}) == len(items), "duplicate question"

with open(OUT, "w", encoding="utf-8") as f:
    f.write(HEADER)
    yaml.safe_dump(items, f, allow_unicode=True, sort_keys=False, width=10000, default_flow_style=False)

with open(OUT, encoding="utf-8") as f:
    assert yaml.safe_load(f) == items
print(OUT, len(items), kinds)
