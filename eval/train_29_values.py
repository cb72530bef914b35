# train-29: calculation tuning set, written blind to the knowledge base, the code and every other eval set, by a helper who read only the seed and the API contract
"""train-29: blind tuning set of free-text CALCULATION questions; writes train-29.yaml beside it.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set). On arrival: 70.7% worked out right, 12.2%
worked out with other numbers; its misreads were fixed in the two commits before the one that
added it.

    .venv/bin/python eval/train_29_values.py   # rewrites eval/train-29.yaml

Every expected number is computed with the textbook helpers below and then
asserted against a value worked out by hand (the hand working is the comment
beside each item).  Run with:  /work/main/.venv/bin/python train_29_values.py
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702, E731, B905
import math
import os
import re

import numpy as np
import yaml

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-29.yaml")
HEADER = ("# train-29: calculation tuning set, written blind to the knowledge base, "
          "the code and every other eval set, by a helper who read only the seed and the API contract\n")


# ----------------------------------------------------------------------------
# textbook helpers
# ----------------------------------------------------------------------------
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d / numeric padding: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out > 0, "kernel does not fit"
    return out


def same_out(n, s):
    """TensorFlow padding='same': ceil(n / s)."""
    return -(-n // s)


def valid_out(n, k, s=1):
    """TensorFlow padding='valid': floor((n - k)/s) + 1."""
    return conv_out(n, k, s, 0)


def pool_out(n, k, s=None, p=0, ceil_mode=False):
    """PyTorch MaxPool2d/AvgPool2d; stride defaults to kernel."""
    s = k if s is None else s
    if not ceil_mode:
        return (n + 2 * p - k) // s + 1
    out = math.ceil((n + 2 * p - k) / s) + 1
    if (out - 1) * s >= n + p:  # last window must start inside the input
        out -= 1
    return out


def tconv_out(n, k, s=1, p=0, op=0, d=1):
    """PyTorch ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(k, c_in, c_out, bias=True, groups=1):
    """Conv2d: k is int or (kh, kw); weights = kh*kw*(c_in/groups)*c_out."""
    kh, kw = (k, k) if isinstance(k, int) else k
    assert c_in % groups == 0 and c_out % groups == 0
    w = kh * kw * (c_in // groups) * c_out
    b = c_out if bias else 0
    return w + b


def linear_params(n_in, n_out, bias=True):
    return n_in * n_out + (n_out if bias else 0)


GATES = {"rnn": 1, "lstm": 4, "gru": 3}


def rnn_params(kind, x, h, bias_vectors=1, layers=1, bidirectional=False):
    """G*h*(x+h) weights + bias_vectors*G*h biases per layer and direction.
    PyTorch: bias_vectors=2 (b_ih, b_hh); textbook / Keras LSTM & SimpleRNN: 1.
    Layer l>1 of a stack gets input size h (2h if bidirectional)."""
    G = GATES[kind]
    dirs = 2 if bidirectional else 1
    total = 0
    for layer in range(layers):
        x_in = x if layer == 0 else h * dirs
        total += dirs * (G * h * (x_in + h) + bias_vectors * G * h)
    return total


def spectral_radius(W):
    return float(np.max(np.abs(np.linalg.eigvals(np.array(W, dtype=float)))))


def verdict(W, tol=1e-9):
    r = spectral_radius(W)
    return "stable" if abs(r - 1) < tol else ("explode" if r > 1 else "vanish")


def attention_image(H, W, C, patch, stride=1):
    ph, pw = (patch, patch) if isinstance(patch, int) else patch
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    P = ((H - ph) // sh + 1) * ((W - pw) // sw + 1)
    dim = ph * pw * C
    return P, dim, P * P, P * P * dim


def attention_seq(n, d, heads=1):
    """QK^T with identity projections: per head n^2 dot products of length d/h."""
    assert d % heads == 0
    dh = d // heads
    per_head_dots, per_head_macs = n * n, n * n * dh
    return per_head_dots, per_head_macs, heads * per_head_dots, heads * per_head_macs


def metrics(tp, fp, tn, fn):
    def div(a, b):
        return None if b == 0 else a / b
    prec = div(tp, tp + fp)
    rec = div(tp, tp + fn)
    return {
        "accuracy": (tp + tn) / (tp + fp + tn + fn),
        "precision": prec,
        "recall": rec,
        "specificity": div(tn, tn + fp),
        "f1": div(2 * tp, 2 * tp + fp + fn),
    }


def f1_from(p, r):
    return 2 * p * r / (p + r)


def fmt(v):
    """Print a number like a calculator: integers plainly, floats to 4 s.f."""
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    v = float(v)
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.4g}"


# ----------------------------------------------------------------------------
# item builders
# ----------------------------------------------------------------------------
items = []


def calc(q, computed, hand):
    """computed: values from the helpers; hand: the same values worked by hand."""
    assert len(computed) == len(hand), q
    contains = []
    for c, h in zip(computed, hand):
        assert fmt(c) == fmt(h), (q[:70], c, h)
        if fmt(c) not in contains:
            contains.append(fmt(c))
    items.append({"q": q, "expect": "calculation", "contains": contains})


def clarify(q):
    items.append({"q": q, "expect": "clarify"})


def concept(q):
    items.append({"q": q, "expect": "not-calculation"})


# ============================================================================
# 1. Conv / pool / transposed-conv output sizes
# ============================================================================

# (227 - 11)/4 + 1 = 216/4 + 1 = 54 + 1 = 55
calc("AlexNet's first layer takes a 227x227x3 image and uses 96 kernels of size 11x11 "
     "with stride 4 and no padding. What is the spatial size of its output feature map?",
     [conv_out(227, 11, 4, 0)], [55])

# conv: floor((224 + 6 - 7)/2) + 1 = floor(223/2) + 1 = 111 + 1 = 112
# pool: floor((112 + 2 - 3)/2) + 1 = floor(111/2) + 1 = 55 + 1 = 56
calc("""Quick one about the ResNet stem, this is my code:

```python
stem = nn.Sequential(
    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False),  # the big 7x7
    nn.BatchNorm2d(64),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
)
x = torch.randn(8, 3, 224, 224)  # batch of 8
```

What are H and W right after the conv, and after the maxpool?""",
     [conv_out(224, 7, 2, 3), pool_out(conv_out(224, 7, 2, 3), 3, 2, 1)], [112, 56])

# 32 -conv5-> 28 -pool2-> 14 -conv5-> 10 -pool2-> 5 ; flatten 16*5*5 = 400
_s = pool_out(conv_out(pool_out(conv_out(32, 5), 2), 5), 2)
calc("LeNet-5 style net: 32x32 grayscale input -> 5x5 conv with 6 maps (stride 1, no padding) "
     "-> 2x2 average pool stride 2 -> 5x5 conv with 16 maps -> 2x2 average pool stride 2 -> flatten. "
     "How many numbers go into the first fully connected layer?",
     [16 * _s * _s], [400])

# effective kernel 2*(3-1)+1 = 5 ; 64 - 5 + 1 = 60
calc("c_in = 64, a 3x3 conv with dilation = 2, stride 1 and padding 0, applied to a 64x64 feature map. "
     "What's the output spatial size?",
     [conv_out(64, 3, 1, 0, 2)], [60])

# TF same: ceil(75/2) = 38
calc("TensorFlow: Conv2D(filters=32, kernel_size=3, strides=2, padding='same') on a 75x75x3 image. "
     "What are the output height and width?",
     [same_out(75, 2)], [38])

# TF valid: floor((75 - 3)/2) + 1 = 36 + 1 = 37
calc("Following up on my 75x75x3 image with a 3x3 kernel and strides=2 in Keras: what if I switch to "
     "padding='valid' instead of 'same'? What's the output size then?",
     [valid_out(75, 3, 2)], [37])

# 28 - 5 + 1 = 24
calc("twenty-eight by twenty-eight input, five by five kernel, no padding, stride of one. "
     "what's the output size??",
     [conv_out(28, 5)], [24])

# 3x3 pad 1 keeps size; five /2 pools: 224/32 = 7 ; 7*7*512 = 25088
_v = 224
for _ in range(5):
    _v = pool_out(conv_out(_v, 3, 1, 1), 2, 2)
calc("VGG-16 on a 224x224x3 image: every conv is 3x3 with stride 1 and padding 1, and there are five "
     "2x2 max-pools with stride 2. The last conv block has 512 channels. What's the spatial size after "
     "the last pool, and how long is the flattened vector that goes into the first FC layer?",
     [_v, _v * _v * 512], [7, 25088])

# (a) floor((55-3)/2)+1 = 26+1 = 27 ; (b) 5x5 pad 2 keeps 27 ; floor((27-3)/2)+1 = 12+1 = 13
_a = pool_out(55, 3, 2)
_b = pool_out(conv_out(_a, 5, 1, 2), 3, 2)
calc("(a) AlexNet applies a 3x3 max-pool with stride 2 to a 55x55x96 map. What's the output size? "
     "(b) That goes through a 5x5 conv with padding 2 and stride 1 (256 filters), then another 3x3 "
     "max-pool with stride 2. What's the spatial size now?",
     [_a, _b], [27, 13])

# floor((13-2)/2)+1 = 5+1 = 6 ; ceil(11/2)+1 = 6+1 = 7 (last window starts at 12 < 13, kept)
calc("nn.MaxPool2d(2, 2) on a 13x13 feature map gives what size? And what if I set ceil_mode=True?",
     [pool_out(13, 2, 2), pool_out(13, 2, 2, ceil_mode=True)], [6, 7])

# (16-1)*2 - 2*1 + (4-1) + 1 = 30 - 2 + 3 + 1 = 32
calc("nn.ConvTranspose2d(in_channels=128, out_channels=64, kernel_size=4, stride=2, padding=1) applied "
     "to a 16x16 input. Output size?",
     [tconv_out(16, 4, 2, 1)], [32])

# (7-1)*2 - 2 + (3-1) + 1 + 1 = 12 - 2 + 2 + 1 + 1 = 14
calc("Transposed convolution: input 7x7, kernel 3, stride 2, padding 1, output_padding 1 "
     "(PyTorch conventions). What is the output size?",
     [tconv_out(7, 3, 2, 1, 1)], [14])

# 1 -> (0)*1 - 0 + 3 + 1 = 4 -> (3)*2 - 2 + 3 + 1 = 8 -> 16 -> 32 -> 64
_g = [tconv_out(1, 4, 1, 0)]
for _ in range(4):
    _g.append(tconv_out(_g[-1], 4, 2, 1))
calc("""DCGAN generator, z has shape (N, 100, 1, 1):

```python
nn.ConvTranspose2d(100, 512, 4, 1, 0, bias=False),  # -> ?
nn.ConvTranspose2d(512, 256, 4, 2, 1, bias=False),
nn.ConvTranspose2d(256, 128, 4, 2, 1, bias=False),
nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False),
nn.ConvTranspose2d(64, 3, 4, 2, 1, bias=False),   # final image
```
(BatchNorm/ReLU between them left out.) List the spatial size after each layer please.""",
     _g, [4, 8, 16, 32, 64])

# floor((100 + 2 - 3)/2) + 1 = floor(99/2) + 1 = 49 + 1 = 50
calc("Earlier I worked out that a 3x3 conv with padding 1 keeps my 100x100 input at 100x100. "
     "Same thing but with stride 2 now, what's the output?",
     [conv_out(100, 3, 2, 1)], [50])

# H: floor((28 + 2 - 3)/2) + 1 = 13 + 1 = 14 ; W: floor((28 + 4 - 5)/1) + 1 = 28
calc("kernel_size=(3, 5), padding=(1, 2), stride=(2, 1) in PyTorch, input is 28x28 (H x W). "
     "What's the output H x W?",
     [conv_out(28, 3, 2, 1), conv_out(28, 5, 1, 2)], [14, 28])

# floor((129 + 2 - 4)/3) + 1 = floor(127/3) + 1 = 42 + 1 = 43
calc(r"Compute $H_{out}$ for $H_{in} = 129$, $k = 4$, $s = 3$, $p = 1$, with "
     r"$H_{out} = \lfloor (H_{in} + 2p - k)/s \rfloor + 1$.",
     [conv_out(129, 4, 3, 1)], [43])

# same s2: ceil(100/2) = 50 ; valid 3x3: 48 ; pool 2: 24 ; 24*24*64 = 36864
_k = pool_out(valid_out(same_out(100, 2), 3), 2)
calc("""What is the output shape of Flatten here?

```python
model = keras.Sequential([
    keras.Input(shape=(100, 100, 3)),
    layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(64, 3, padding="valid", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
])
```""",
     [_k * _k * 64], [36864])

# H: floor((500 + 6 - 7)/2) + 1 = 249 + 1 = 250 ; W: floor((375 + 6 - 7)/2) + 1 = 187 + 1 = 188
calc("My photo is 500x375 (height x width). First layer is a 7x7 conv, stride 2, padding 3. "
     "What are the output dimensions?",
     [conv_out(500, 7, 2, 3), conv_out(375, 7, 2, 3)], [250, 188])

# floor((96 - 3)/2) + 1 = 46 + 1 = 47
calc("Training setup: batch size 128, lr 3e-4, 50 epochs on a 24 GB GPU, started 12 March. Input "
     "tensors are 3x96x96. The first layer is a 3x3 conv, stride 2, no padding, 32 output channels. "
     "What's the spatial size after that first layer?",
     [conv_out(96, 3, 2, 0)], [47])

# effective k = 3*(3-1)+1 = 7 ; floor((50 + 6 - 7)/2) + 1 = floor(49/2) + 1 = 24 + 1 = 25
calc("in_ch=32, out_ch=32, kernel 3, dilation 3, padding 3, stride 2 on a 50x50 input "
     "(PyTorch Conv2d). Output size?",
     [conv_out(50, 3, 2, 3, 3)], [25])

# floor((32 - 3)/2) + 1 = 14 + 1 = 15  (the TA is right)
calc("My TA says the output is 15x15 but I keep getting 16x16. Input 32x32, kernel 3, stride 2, "
     "padding 0. Who is right?",
     [conv_out(32, 3, 2, 0)], [15])

# ============================================================================
# 2. Parameter counts: conv, linear, whole networks
# ============================================================================

# 3*3*3*64 = 1728 weights + 64 biases = 1792
calc("How many learnable parameters does nn.Conv2d(3, 64, kernel_size=3) have (default bias)?",
     [conv_params(3, 3, 64)], [1792])

# 3*3*3*64 = 1728
calc("Same layer, nn.Conv2d(3, 64, kernel_size=3), but with bias=False. How many parameters now?",
     [conv_params(3, 3, 64, bias=False)], [1728])

# 1*1*256*64 = 16384 + 64 = 16448
calc("1x1 conv, C_in = 256, C_out = 64, with bias. Number of parameters?",
     [conv_params(1, 256, 64)], [16448])

# (a) depthwise 3*3*128 = 1152 ; (b) 128*256 = 32768 ; (c) 33920 ; (d) 9*128*256 = 294912
_dw = conv_params(3, 128, 128, bias=False, groups=128)
_pw = conv_params(1, 128, 256, bias=False)
calc("Homework on depthwise separable convs, no biases anywhere: (a) params of a 3x3 depthwise conv "
     "on 128 channels (one filter per channel) (b) params of the 1x1 pointwise conv from 128 to 256 "
     "channels (c) total of the separable block (d) params of a normal 3x3 conv from 128 to 256 "
     "channels for comparison",
     [_dw, _pw, _dw + _pw, conv_params(3, 128, 256, bias=False)], [1152, 32768, 33920, 294912])

# 5*5*1*32 = 800 + 32 = 832
calc("What will model.summary() show as Param # for "
     "`Conv2D(32, (5, 5), activation='relu', input_shape=(28, 28, 1))` in Keras?",
     [conv_params(5, 1, 32)], [832])

# 3*3*3*16 = 432 + 16 = 448
calc("a conv layer with sixteen 3x3 filters applied to an RGB image, biases included. how many params?",
     [conv_params(3, 3, 16)], [448])

# 5*5*64 = 1600 weights + 1 bias = 1601
calc("My TA says 1601 but I get 1600: one single 5x5 filter on an input with 64 channels, and the "
     "question says to count the bias. Who is right?",
     [conv_params(5, 64, 1)], [1601])

# conv1 150+6=156 ; conv2 2400+16=2416 ; fc1 48000+120=48120 ; fc2 10080+84=10164 ; fc3 840+10=850
# total 156 + 2416 + 48120 + 10164 + 850 = 61706
_lenet = (conv_params(5, 1, 6) + conv_params(5, 6, 16) + linear_params(400, 120)
          + linear_params(120, 84) + linear_params(84, 10))
calc("Total trainable parameters of this LeNet-5 variant? conv1: 1 -> 6 channels, 5x5; conv2: 6 -> 16 "
     "channels, 5x5; then fully connected 400 -> 120 -> 84 -> 10. All layers have biases, pooling "
     "has no parameters.",
     [_lenet], [61706])

# conv1 3*32*9 = 864 + 32 = 896 ; conv2 32*64*9 = 18432 + 64 = 18496 ; fc 4096*10 + 10 = 40970
# total 896 + 18496 + 40970 = 60362
calc("""How many parameters in total does this net have?

```python
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)   # CIFAR 32x32 input
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc = nn.Linear(64 * 8 * 8, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))
```""",
     [conv_params(3, 3, 32) + conv_params(3, 32, 64) + linear_params(64 * 8 * 8, 10)], [60362])

# 784*256 = 200704 + 256 = 200960
calc("number of parameters in nn.Linear(784, 256)?",
     [linear_params(784, 256)], [200960])

# 784*512+512 = 401920 ; 512*256+256 = 131328 ; 256*10+10 = 2570 ; total 535818
calc("MLP for MNIST with layer sizes 784-512-256-10, every layer has a bias. Total parameter count?",
     [linear_params(784, 512) + linear_params(512, 256) + linear_params(256, 10)], [535818])

# 1024*1000 + 1000 = 1025000 ; 1000*10 + 10 = 10010 ; total 1035010 (> 1M)
calc("n_in = 1024 features, one hidden layer of 1000 units, 10 output classes, biases everywhere. "
     "Is this over 1M parameters? I need the exact count pls",
     [linear_params(1024, 1000) + linear_params(1000, 10)], [1035010])

# 11*11*3 = 363 ; 363*96 = 34848 ; + 96 = 34944
calc("How many parameters are in AlexNet's first conv layer: 96 filters of 11x11 over a 3-channel "
     "input, with biases?",
     [conv_params(11, 3, 96)], [34944])

# 25088*4096 = 102760448 ; + 4096 = 102764544
calc("VGG-16's first fully connected layer maps the flattened 7x7x512 volume to 4096 units (with bias). "
     "How many parameters is that?",
     [linear_params(7 * 7 * 512, 4096)], [102764544])

# 1*7*192*224 = 7*43008 = 301056
calc("Inception-style factorised conv: kernel 1x7, in_channels 192, out_channels 224, no bias. "
     "Number of parameters?",
     [conv_params((1, 7), 192, 224, bias=False)], [301056])

# each group: 64/4 = 16 input channels ; 128 * 16 * 9 = 18432
calc("Parameter count of nn.Conv2d(64, 128, kernel_size=3, groups=4, bias=False)?",
     [conv_params(3, 64, 128, bias=False, groups=4)], [18432])

# 3*3*16*32 = 4608 + 32 = 4640
calc("conv layer with C_in=16, C_out=32, k=3, bias on. I train with batch 64 on 128x128 images for "
     "20 epochs. How many parameters does the layer have?",
     [conv_params(3, 16, 32)], [4640])

# conv1 9*1*8 = 72 + 8 = 80 ; conv2 9*8*16 = 1152 + 16 = 1168 ; fc 400*10 + 10 = 4010 ; total 5258
calc("""Total number of parameters of this small CNN?

| layer | config |
|-------|--------|
| conv1 | in_ch 1, out_ch 8, 3x3, bias |
| pool  | 2x2 max |
| conv2 | in_ch 8, out_ch 16, 3x3, bias |
| pool  | 2x2 max |
| fc    | 16*5*5 -> 10, bias |""",
     [conv_params(3, 1, 8) + conv_params(3, 8, 16) + linear_params(16 * 5 * 5, 10)], [5258])

# conv 5*5*10*20 = 5000 (no bias) ; BN 2*20 = 40 ; total 5040
calc("Conv layer with n_in = 10 channels, n_out = 20, kernel 5x5, no bias, followed by BatchNorm "
     "(count only gamma and beta, 2 learnable per channel). Total learnable parameters?",
     [conv_params(5, 10, 20, bias=False) + 2 * 20], [5040])

# ============================================================================
# 3. Recurrent layers
# ============================================================================

# 4*20*(10+20) = 2400 ; biases 2*4*20 = 160 ; total 2560
calc("How many parameters does nn.LSTM(input_size=10, hidden_size=20) have in PyTorch?",
     [rnn_params("lstm", 10, 20, bias_vectors=2)], [2560])

# 4*20*30 = 2400 + 4*20 = 80 -> 2480
calc("In the lecture-notes LSTM every gate computes W[h_{t-1}, x_t] + b with a single bias vector. "
     "The input has 10 features and the hidden state has 20 units. Total number of parameters?",
     [rnn_params("lstm", 10, 20, bias_vectors=1)], [2480])

# 4*64*(32+64) = 256*96 = 24576 ; + 4*64 = 256 ; total 24832
calc("Keras: `LSTM(64)` on inputs of shape (timesteps, 32). Keras keeps one bias vector. "
     "What number will model.summary() show for this layer?",
     [rnn_params("lstm", 32, 64, bias_vectors=1)], [24832])

# 3*256*(128+256) = 768*384 = 294912 ; biases 2*768 = 1536 ; total 296448
calc("parameter count of nn.GRU(input_size=128, hidden_size=256)? (PyTorch, both bias vectors)",
     [rnn_params("gru", 128, 256, bias_vectors=2)], [296448])

# 100*(50+100) = 15000 + 100 = 15100
calc("Simple (Elman) RNN from the textbook, h_t = tanh(W_x x_t + W_h h_{t-1} + b): input dim 50, "
     "hidden dim 100. How many parameters?",
     [rnn_params("rnn", 50, 100, bias_vectors=1)], [15100])

# 15000 + 2*100 = 15200
calc("And nn.RNN(50, 100) in PyTorch, which has both b_ih and b_hh?",
     [rnn_params("rnn", 50, 100, bias_vectors=2)], [15200])

# layer1 4*64*96 = 24576 + 512 = 25088 ; layer2 4*64*128 = 32768 + 512 = 33280 ; total 58368
calc("nn.LSTM(input_size=32, hidden_size=64, num_layers=2): total parameters? "
     "(remember the second layer takes the 64-dim hidden state as its input)",
     [rnn_params("lstm", 32, 64, bias_vectors=2, layers=2)], [58368])

# per direction 3*32*(16+32) = 4608 + 2*96 = 192 -> 4800 ; two directions 9600
calc("nn.GRU(16, 32, bidirectional=True), how many params?",
     [rnn_params("gru", 16, 32, bias_vectors=2, bidirectional=True)], [9600])

# emb 5000*100 = 500000 ; LSTM 4*128*228 = 116736 + 1024 = 117760 ; Linear 128*5+5 = 645
# total 500000 + 117760 + 645 = 618405
calc("""Sentiment model, 3 epochs, batch 32, vocab of 5000:

```python
self.emb = nn.Embedding(5000, 100)
self.lstm = nn.LSTM(100, 128, batch_first=True)
self.out = nn.Linear(128, 5)   # 5 classes
```
How many trainable parameters in total, embedding included?""",
     [5000 * 100 + rnn_params("lstm", 100, 128, bias_vectors=2) + linear_params(128, 5)], [618405])

# W_h 5*5 = 25 ; W_x 5*3 = 15 ; b 5 ; total 45
calc(r"For $h_t = \tanh(W_h h_{t-1} + W_x x_t + b)$ with $x_t \in \mathbb{R}^{3}$ and "
     r"$h_t \in \mathbb{R}^{5}$, how many parameters are there in $W_h$, $W_x$ and $b$ together?",
     [rnn_params("rnn", 3, 5, bias_vectors=1)], [45])

# 3*10*(20+10) = 900 + 3*10 = 30 -> 930
calc("Textbook GRU (one bias vector per gate: update, reset, candidate), input size 20, hidden size 10. "
     "How many parameters?",
     [rnn_params("gru", 20, 10, bias_vectors=1)], [930])

# ============================================================================
# 4. Exploding / vanishing from the recurrent matrix (identity activation)
# ============================================================================

# diagonal: eigenvalues 0.5, 0.8 -> radius 0.8 < 1 -> vanish
calc("Linear RNN (identity activation) with W_h = [[0.5, 0], [0, 0.8]]. As T goes to infinity, do the "
     "gradients vanish or explode? Give the spectral radius.",
     [spectral_radius([[0.5, 0], [0, 0.8]])], [0.8])

# char poly l^2 - 2*0.72 = l^2 - 1.44 -> l = +-1.2 -> radius 1.2 -> explode
calc(r"Recurrent weight matrix $W_h = \begin{pmatrix} 0 & 2 \\ 0.72 & 0 \end{pmatrix}$ with identity "
     r"activation. Will the gradient vanish or explode as $T \to \infty$? Show the eigenvalues.",
     [spectral_radius([[0, 2], [0.72, 0]])], [1.2])

# rotation-like: 0.6 +- 0.8i, |l| = sqrt(0.36 + 0.64) = 1 -> stable
calc("What happens to the gradient for W_h = [[0.6, -0.8], [0.8, 0.6]] with a linear activation when "
     "T -> infinity? I need the spectral radius.",
     [spectral_radius([[0.6, -0.8], [0.8, 0.6]])], [1])

# upper triangular: eigenvalues are diagonal 0.9, 0.7 -> radius 0.9 -> vanish
calc("W_hh = [[0.9, 0.5], [0.0, 0.7]], identity activation. My friend says it explodes because 0.9 + 0.5 "
     "> 1. Vanish or explode? What's the spectral radius?",
     [spectral_radius([[0.9, 0.5], [0.0, 0.7]])], [0.9])

# diagonal 0.5, -1.5, 0.2 -> radius |-1.5| = 1.5 -> explode
calc(r"$$W_h = \begin{pmatrix} 0.5 & 0 & 0 \\ 0 & -1.5 & 0 \\ 0 & 0 & 0.2 \end{pmatrix}$$ "
     r"identity activation: vanishing or exploding gradient for long sequences? Give the spectral radius.",
     [spectral_radius([[0.5, 0, 0], [0, -1.5, 0], [0, 0, 0.2]])], [1.5])

# [[a,a],[a,a]] eigenvalues 2a = 1 and 0 -> radius 1 -> stable
calc("RNN with identity activation, W_h = [[0.5, 0.5], [0.5, 0.5]]. Does the gradient explode, vanish "
     "or neither? Give the eigenvalues.",
     [spectral_radius([[0.5, 0.5], [0.5, 0.5]])], [1])

# symmetric [[a,b],[b,a]] -> a+b = 0.7, a-b = -0.1 -> radius 0.7 -> vanish
calc("""```python
W_hh = np.array([[0.3, 0.4],
                 [0.4, 0.3]])  # recurrent weights, activation = identity
```
vanishing or exploding when the sequence is 1000 steps long? what is the spectral radius?""",
     [spectral_radius([[0.3, 0.4], [0.4, 0.3]])], [0.7])

# [[0,-1.1],[1.1,0]] -> l^2 + 1.21 = 0 -> l = +-1.1i -> radius 1.1 -> explode
calc("W_h = [[0, -1.1], [1.1, 0]] and h_t = W_h h_{t-1} + W_x x_t (no nonlinearity). The eigenvalues "
     "are complex, right? What's the spectral radius and does the gradient explode?",
     [spectral_radius([[0, -1.1], [1.1, 0]])], [1.1])

# block [[0.4,0.1],[0.1,0.4]] -> 0.5, 0.3 ; plus 0.25 -> radius 0.5 -> vanish
calc("""Recurrent matrix (identity activation):

| 0.4 | 0.1 | 0.0 |
|-----|-----|-----|
| 0.1 | 0.4 | 0.0 |
| 0.0 | 0.0 | 0.25 |

vanishing or exploding? spectral radius?""",
     [spectral_radius([[0.4, 0.1, 0.0], [0.1, 0.4, 0.0], [0.0, 0.0, 0.25]])], [0.5])

# ============================================================================
# 5. Self-attention cost
# ============================================================================

# 32/4 = 8 -> P = 64 ; dim 4*4*3 = 48 ; P^2 = 4096 ; MACs 4096*48 = 196608
calc("Self-attention on a 32x32x3 image cut into non-overlapping 4x4 patches (stride 4), single head, "
     "identity projections. How many patches, what's the token dimension, how many dot products and how "
     "many multiply-adds for QK^T?",
     list(attention_image(32, 32, 3, 4, 4)), [64, 48, 4096, 196608])

# 224/16 = 14 -> P = 196 ; dim 16*16*3 = 768 ; P^2 = 38416 ; MACs 38416*768 = 29503488
calc("ViT-style: 224x224x3 image, 16x16 patches with stride 16, one head, projections are identity. "
     "Number of tokens, number of dot products in QK^T, and total multiply-adds?",
     [attention_image(224, 224, 3, 16, 16)[i] for i in (0, 2, 3)], [196, 38416, 29503488])

# (10-3+1)^2 = 64 patches ; dim 3*3*2 = 18 ; 4096 dot products ; 4096*18 = 73728 MACs
calc("An image of size 10x10x2 is viewed as overlapping 3x3x2 patches with stride 1 and no padding. "
     "Single-head self-attention with identity projections: how many patches, dot products and "
     "multiply-adds?",
     [attention_image(10, 10, 2, 3, 1)[i] for i in (0, 2, 3)], [64, 4096, 73728])

# 2048^2 = 4194304 ; * 512 = 2147483648
calc("2k tokens (2048 exactly), model dim 512, single head with identity projections. How many dot "
     "products in QK^T and how many multiply-adds?",
     [attention_seq(2048, 512)[0], attention_seq(2048, 512)[1]], [4194304, 2147483648])

# n^2 = 16384 ; d/h = 64 ; per head 16384*64 = 1048576 ; total 8*1048576 = 8388608
calc("n = 128 tokens, d = 512, h = 8 heads (each head gets d/h). How many multiply-adds does QK^T cost "
     "per head and summed over all heads?",
     [attention_seq(128, 512, 8)[1], attention_seq(128, 512, 8)[3]], [1048576, 8388608])

# 48/8 = 6, 64/8 = 8 -> P = 48 ; dim 8*8*3 = 192 ; P^2 = 2304 ; MACs 2304*192 = 442368
calc("Image H x W x C = 48 x 64 x 3, non-overlapping 8x8 patches. For single-head self-attention over "
     "the patches (identity projections) give the number of patches, dot products and multiply-adds.",
     [attention_image(48, 64, 3, 8, 8)[i] for i in (0, 2, 3)], [48, 2304, 442368])

# (9-3)/2+1 = 4 per side -> P = 16 ; dim 9 ; P^2 = 256 ; MACs 256*9 = 2304
calc("9x9 grayscale image, 3x3 patches taken with stride 2 (no padding), self-attention over the "
     "patches with one head and identity Q/K. (a) number of patches (b) dot products (c) multiply-adds",
     [attention_image(9, 9, 1, 3, 2)[i] for i in (0, 2, 3)], [16, 256, 2304])

# 512^2 = 262144 ; 1024^2 = 1048576 ; ratio 4
calc("If I double my context from 512 to 1024 tokens, how many dot products does single-head "
     "attention need before and after, and by what factor does it grow?",
     [512 ** 2, 1024 ** 2, 1024 ** 2 // 512 ** 2], [262144, 1048576, 4])

# d/h = 300/6 = 50 ; per head 50^2*50 = 125000 ; total 6*125000 = 750000
calc("50 tokens, embedding size 300, 6 attention heads (head dim = d/h). Multiply-adds for QK^T per "
     "head and in total?",
     [attention_seq(50, 300, 6)[1], attention_seq(50, 300, 6)[3]], [125000, 750000])

# ============================================================================
# 6. Classification metrics
# ============================================================================

# acc 70/100 = 0.7 ; prec 30/40 = 0.75 ; rec 30/50 = 0.6 ; spec 40/50 = 0.8
_m = metrics(30, 10, 40, 20)
calc("TP = 30, FP = 10, TN = 40, FN = 20. (a) accuracy (b) precision (c) recall (d) specificity",
     [_m["accuracy"], _m["precision"], _m["recall"], _m["specificity"]], [0.7, 0.75, 0.6, 0.8])

# acc 80/100 = 0.8 ; prec 45/50 = 0.9 ; rec 45/60 = 0.75 ; f1 90/110 = 0.8182
_m = metrics(45, 5, 35, 15)
calc("tp=45 fp=5 tn=35 fn=15, give me accuracy, precision, recall and F1",
     [_m["accuracy"], _m["precision"], _m["recall"], _m["f1"]], [0.8, 0.9, 0.75, 0.8182])

# TP 60 FN 15 FP 20 TN 105 ; acc 165/200 = 0.825 ; prec 60/80 = 0.75 ; rec 60/75 = 0.8
_m = metrics(60, 20, 105, 15)
calc("""Confusion matrix (rows = actual, columns = predicted):

|            | pred pos | pred neg |
|------------|----------|----------|
| actual pos | 60       | 15       |
| actual neg | 20       | 105      |

What are the accuracy, precision and recall?""",
     [_m["accuracy"], _m["precision"], _m["recall"]], [0.825, 0.75, 0.8])

# TP 72, FP 90-72 = 18, FN 100-72 = 28, TN 900-18 = 882 ; prec 0.8 ; rec 0.72 ; acc 954/1000 = 0.954
_m = metrics(72, 18, 882, 28)
calc("My spam filter was tested on 1000 emails, 100 of which are spam. It flagged 90 emails as spam, "
     "and 72 of those really were spam. What are its precision, recall and accuracy?",
     [_m["precision"], _m["recall"], _m["accuracy"]], [0.8, 0.72, 0.954])

# sick 4% of 2500 = 100 ; TP 0.8*100 = 80, FN 20 ; healthy 2400, TN 0.95*2400 = 2280, FP 120
# precision 80/200 = 0.4 ; accuracy 2360/2500 = 0.944
_m = metrics(80, 120, 2280, 20)
calc("A test is run on 2,500 people, 4% of whom have the disease. Sensitivity is 80% and specificity "
     "is 95%. How many true positives and false positives are there, and what are the precision and "
     "accuracy?",
     [80, 120, _m["precision"], _m["accuracy"]], [80, 120, 0.4, 0.944])

# acc 950/1000 = 0.95 ; recall 0/50 = 0 ; precision 0/0 undefined
_m = metrics(0, 0, 950, 50)
calc("My model predicts 'negative' for every one of 1000 test cases; 50 of them are actually positive. "
     "What's the accuracy and the recall, and what about precision?",
     [_m["accuracy"], _m["recall"]], [0.95, 0])

# total 100 ; acc 89/100 = 0.89 ; prec 12/15 = 0.8 ; rec 12/20 = 0.6
_m = metrics(12, 3, 77, 8)
calc("twelve true positives, three false positives, eight false negatives and seventy-seven true "
     "negatives. accuracy, precision and recall?",
     [_m["accuracy"], _m["precision"], _m["recall"]], [0.89, 0.8, 0.6])

# F1 = 2*0.75*0.5/(1.25) = 0.75/1.25 = 0.6
calc("Precision is 0.75 and recall is 0.5. What is the F1 score?",
     [f1_from(0.75, 0.5)], [0.6])

# acc 92/100 = 0.92 ; prec 18/20 = 0.9 ; rec 18/24 = 0.75 ; f1 36/44 = 0.8182
_m = metrics(18, 2, 74, 6)
calc("Exercise 3. A classifier is evaluated on 100 samples with TP = 18, FP = 2, FN = 6, TN = 74. "
     "Compute (a) the accuracy, (b) the precision, (c) the recall, (d) the F1 score.",
     [_m["accuracy"], _m["precision"], _m["recall"], _m["f1"]], [0.92, 0.9, 0.75, 0.8182])

# TP 45, FP 5, FN 15, TN 135 ; acc 180/200 = 0.9 ; prec 45/50 = 0.9 ; rec 45/60 = 0.75
_m = metrics(45, 5, 135, 15)
calc("""Careful, my table has the PREDICTED class as rows:

|                | actually pos | actually neg |
|----------------|--------------|--------------|
| predicted pos  | 45           | 5            |
| predicted neg  | 15           | 135          |

accuracy, precision, recall?""",
     [_m["accuracy"], _m["precision"], _m["recall"]], [0.9, 0.9, 0.75])

# TP 75, FP 150-75 = 75, FN 100-75 = 25, TN 19900-75 = 19825
# prec 0.5 ; rec 0.75 ; acc 19900/20000 = 0.995 ; f1 150/250 = 0.6
_m = metrics(75, 75, 19825, 25)
calc("Fraud detection: 20,000 transactions, 100 are fraud. The model flags 150 transactions and 75 of "
     "the flagged ones are fraud. Precision, recall, accuracy and F1?",
     [_m["precision"], _m["recall"], _m["accuracy"], _m["f1"]], [0.5, 0.75, 0.995, 0.6])

# all four ratios 200/250 or 400/500 = 0.8
_m = metrics(200, 50, 200, 50)
calc("Trained for 30 epochs on 8 GPUs with lr 0.01 and weight decay 5e-4. On the 500-image test set I "
     "got TP 200, FN 50, FP 50, TN 200. What are accuracy, precision, recall and F1?",
     [_m["accuracy"], _m["precision"], _m["recall"], _m["f1"]], [0.8, 0.8, 0.8, 0.8])

# prec 24/30 = 0.8 ; rec 24/40 = 0.6
_m = metrics(24, 6, 54, 16)
calc("My friend says the precision is 0.6, I say it's 0.8. Counts are TP = 24, FP = 6, FN = 16, "
     "TN = 54. Who is right, and what's the recall?",
     [_m["precision"], _m["recall"]], [0.8, 0.6])

# ============================================================================
# 7. clarify: a calculation request missing a needed value, or ambiguous
# ============================================================================
clarify("What's the output size of a conv layer with a 5x5 kernel, stride 2 and padding 2?")
clarify("How many parameters does a 3x3 conv layer with 64 filters have, bias included?")
clarify("Compute the F1 score for me: I have 30 true positives and 12 false positives.")
clarify("Will my RNN explode? W_h is 3x3 and its biggest entry is 1.3, identity activation.")
clarify("How many parameters does a PyTorch LSTM with hidden size 128 have?")
clarify("What's the output of max pooling on a 64x64 feature map?")
clarify("How many dot products does self-attention need for my 224x224x3 image?")
clarify("What's the accuracy of my classifier? It got 45 true positives and 5 false negatives.")
clarify("params of an nn.Linear layer with 512 outputs?")
clarify("ConvTranspose2d with stride 2 and padding 1 on a 16x16 input, what's the output size?")
clarify("My conv layer takes 3 channels to 16 channels with padding 1 and stride 1. What's the output "
        "size for a 32x32 input?")
clarify("How many multiply-adds does QK^T take for a sequence of 4096 tokens with 8 heads?")
clarify("Compute the spectral radius of W_h = [[0.5, 0.2], [0.1]] please")
clarify("Calculate the specificity: out of 200 patients my model flagged 40 as sick.")
clarify("How many parameters does my CNN have? conv 3x3 -> conv 3x3 -> linear to 10 classes, the "
        "input is a 32x32 RGB image.")
clarify("same thing but with stride 2 please")

# ============================================================================
# 8. not-calculation: conceptual questions that happen to contain numbers
# ============================================================================
concept("Why did VGG stack two 3x3 convs instead of using one 5x5? I know both see a 5x5 region, but "
        "why is the stack better?")
concept("What's the point of a 1x1 convolution? It only looks at 1 pixel, so how can it learn anything "
        "useful?")
concept("Intuitively, why does a recurrent matrix with spectral radius above 1 make gradients explode "
        "over 100 time steps? I don't need a number, just the reasoning.")
concept("Why is self-attention quadratic in the sequence length, and why does that hurt at 100k tokens?")
concept("If 99% of my test set is negative, why is 99% accuracy not impressive?")
concept("Why does PyTorch's LSTM have 2 bias vectors (b_ih and b_hh) when the lecture version has 1? "
        "Isn't one of them redundant?")
concept("Conceptually, what changes when I go from stride 1 to stride 2 in a conv layer? I'm not "
        "asking for the formula.")
concept("Why is 2x2 max pooling with stride 2 so common in CNNs?")
concept("Why does an LSTM have 4 sets of weights while a GRU only has 3?")
concept("What is 'same' padding for? Why would I want a 28x28 input to stay 28x28?")
concept("Why do transposed convs with kernel 3 and stride 2 produce checkerboard artifacts?")
concept("Why is F1 the harmonic mean of precision and recall and not the arithmetic mean? Conceptually, "
        "why should something with 100% precision but 2% recall get a low score?")
concept("Why do Vision Transformers cut a 224x224 image into 16x16 patches instead of using every "
        "pixel as a token?")
concept("Why is initialising W_h as an orthogonal matrix (all eigenvalues of magnitude 1) considered a "
        "good idea for RNNs?")
concept("Why do we need positional encodings if attention over 512 tokens is permutation equivariant?")


# ----------------------------------------------------------------------------
# sanity checks and output
# ----------------------------------------------------------------------------
qs = [it["q"] for it in items]
assert len(qs) == len(set(qs)), "duplicate question"
for it in items:
    if it["expect"] == "calculation":
        assert it["contains"] and all(isinstance(c, str) and "," not in c for c in it["contains"])

counts = {}
for it in items:
    counts[it["expect"]] = counts.get(it["expect"], 0) + 1


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, s):
    if "\n" in s:
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    if re.fullmatch(r"[a-z][a-z-]*", s):  # keys and expect kinds stay plain
        return dumper.represent_scalar("tag:yaml.org,2002:str", s)
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style='"')


def _list(dumper, seq):
    flow = all(isinstance(x, str) for x in seq)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", seq, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)

text = yaml.dump(items, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100000)
with open(OUT, "w", encoding="utf-8") as f:
    f.write(HEADER)
    f.write(text)

# round-trip check
with open(OUT, encoding="utf-8") as f:
    back = yaml.safe_load(f)
assert back == items, "yaml round trip mismatch"
print(OUT, counts, "total", len(items))
