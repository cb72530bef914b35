#!/usr/bin/env python3
"""Build train-36.yaml (beside this script: .venv/bin/python eval/train_36_values.py), a blind
tuning set written 2026-12-04 by a helper who read only the seed and the API contract; on
arrival 55.0% worked out right, 13.3% with other numbers, 8 of 10 incomplete ones asked back,
9 of 10 questions about the idea left to the knowledge base.

A calculation tuning set of code, printouts
and homework notation for the DL-course tutor.

Written blind: the author read only /work/shared/API_CONTRACT.md and the seed
questions. Every expected number is computed here with small textbook helpers
and also asserted against a value worked by hand (the comment beside each case).

Conventions used by the helpers
  * PyTorch Conv2d / MaxPool2d / ConvTranspose2d output sizes as in the PyTorch
    docs:  out = floor((n + 2p - d(k-1) - 1)/s) + 1 ; ceil_mode uses ceil and
    drops a last window that would start in the right padding;
    ConvTranspose2d: out = (n-1)s - 2p + d(k-1) + output_padding + 1;
    padding='same' (stride 1 only) keeps n, padding='valid' means p = 0.
  * Keras (tf.keras 2.x) Conv2D: 'valid' -> ceil((n - d(k-1)) / s),
    'same' -> ceil(n / s); Conv2DTranspose (output_padding=None):
    'valid' -> n*s + max(k_eff - s, 0), 'same' -> n*s.
  * Parameter counts: Conv2d = out*(in/groups)*kh*kw (+out bias);
    ConvTranspose2d = in*(out/groups)*kh*kw (+out); Linear/Dense = in*out + out
    (Keras Dense on a 3-D input acts on the last axis only);
    PyTorch RNN/GRU/LSTM per layer and direction = g*h*(in + h) + 2*g*h
    (two bias vectors b_ih and b_hh; g = 1/3/4); layers > 0 see in = h*dirs;
    Keras LSTM = 4*(u*(in+u) + u), SimpleRNN = u*(in+u) + u (one bias);
    Keras SeparableConv2D = k*k*in*dm + in*dm*out + out;
    Keras DepthwiseConv2D = k*k*in*dm + in*dm;
    PyTorch BatchNorm2d contributes 2*C to parameters() (running stats are buffers);
    homework notation counts exactly the matrices and vectors written.
  * Attention (as in the API contract): P patches, token_dim = h*w*C,
    dot products = P^2, MACs of Q K^T with identity projections = P^2 * token_dim;
    for a token sequence of n tokens of width d: n^2 dot products, n^2*d MACs.
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, B905
import os

import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-36.yaml")
HEADER = ("# train-36: calculation tuning set of code, printouts and homework notation, "
          "written blind to the knowledge base, the code and every other eval set, "
          "by a helper who read only the seed and the API contract")


# ----------------------------------------------------------------------------
# textbook helpers
# ----------------------------------------------------------------------------
def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def cdiv(a, b):
    return -(-a // b)


def conv_out_torch(n, k, s=1, p=0, d=1):
    """PyTorch nn.Conv2d, one spatial dimension."""
    if p == "same":
        assert s == 1, "PyTorch rejects padding='same' with stride > 1"
        return n
    if p == "valid":
        p = 0
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out > 0
    return out


def pool_out_torch(n, k, s=None, p=0, d=1, ceil_mode=False):
    """PyTorch nn.MaxPool2d (stride defaults to kernel_size)."""
    s = s or k
    num = n + 2 * p - d * (k - 1) - 1
    if ceil_mode:
        out = cdiv(num, s) + 1
        if (out - 1) * s >= n + p:  # last window would start inside right padding
            out -= 1
    else:
        out = num // s + 1
    return out


def convT_out_torch(n, k, s=1, p=0, op=0, d=1):
    """PyTorch nn.ConvTranspose2d."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_out_keras(n, k, s=1, padding="valid", d=1):
    """tf.keras Conv2D / pooling."""
    if padding == "same":
        return cdiv(n, s)
    k_eff = d * (k - 1) + 1
    return cdiv(n - k_eff + 1, s)


def pool_out_keras(n, pool=2, s=None, padding="valid"):
    return conv_out_keras(n, pool, s or pool, padding)


def convT_out_keras(n, k, s=1, padding="valid", d=1):
    """tf.keras Conv2DTranspose with output_padding=None."""
    k_eff = d * (k - 1) + 1
    if padding == "valid":
        return n * s + max(k_eff - s, 0)
    return n * s


def conv_params(cin, cout, k, groups=1, bias=True):
    kh, kw = _pair(k)
    return cout * (cin // groups) * kh * kw + (cout if bias else 0)


def convT_params_torch(cin, cout, k, groups=1, bias=True):
    kh, kw = _pair(k)
    return cin * (cout // groups) * kh * kw + (cout if bias else 0)


def linear_params(fin, fout, bias=True):
    return fin * fout + (fout if bias else 0)


def bn_params_torch(c):
    return 2 * c


def rnn_params_torch(mode, input_size, hidden, num_layers=1, bidirectional=False, bias=True):
    g = {"RNN": 1, "GRU": 3, "LSTM": 4}[mode]
    dirs = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        fin = input_size if layer == 0 else hidden * dirs
        per_dir = g * hidden * (fin + hidden) + (2 * g * hidden if bias else 0)
        total += per_dir * dirs
    return total


def keras_lstm_params(units, fin):
    return 4 * (units * (fin + units) + units)


def keras_simplernn_params(units, fin):
    return units * (fin + units) + units


def keras_separable_params(cin, cout, k, dm=1, bias=True):
    kh, kw = _pair(k)
    return kh * kw * cin * dm + cin * dm * cout + (cout if bias else 0)


def keras_depthwise_params(cin, k, dm=1, bias=True):
    kh, kw = _pair(k)
    return kh * kw * cin * dm + (cin * dm if bias else 0)


def keras_embedding_params(vocab, dim):
    return vocab * dim


def hw_rnn_params(x_dim, h_dim):
    """h_t = tanh(W_h h_{t-1} + W_x x_t + b): W_h (h x h), W_x (h x x), one b."""
    return h_dim * h_dim + h_dim * x_dim + h_dim


def attention_image(H, W, C, h, w, sh=1, sw=1):
    P = ((H - h) // sh + 1) * ((W - w) // sw + 1)
    token_dim = h * w * C
    return {"P": P, "token_dim": token_dim, "dot": P * P, "macs": P * P * token_dim}


def attention_seq(n, d):
    return {"dot": n * n, "macs": n * n * d}


# ----------------------------------------------------------------------------
# case builders
# ----------------------------------------------------------------------------
CASES = []


def calc(cid, message, value, hand, extra=None):
    """value: computed by helpers; hand: worked by hand (must agree)."""
    assert value == hand, f"{cid}: computed {value} != hand {hand}"
    contains = [str(value)] + [str(x) for x in (extra or [])]
    assert 1 <= len(contains) <= 2
    CASES.append({"id": cid, "expect": "calculation", "message": message.strip("\n") + "\n",
                  "contains": contains})


def clarify(cid, message):
    CASES.append({"id": cid, "expect": "clarify", "message": message.strip("\n") + "\n"})


def notcalc(cid, message):
    CASES.append({"id": cid, "expect": "not-calculation", "message": message.strip("\n") + "\n"})


# ============================================================================
# 60 calculations
# ============================================================================

# --- PyTorch code -----------------------------------------------------------
# 64 -conv5-> 60 -pool2-> 30 -conv3,s2-> floor(27/2)+1 = 14
v = conv_out_torch(pool_out_torch(conv_out_torch(64, 5), 2), 3, s=2)
calc("t36-calc-01", """
net = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, stride=2),
    nn.ReLU(),
)
x = torch.randn(8, 3, 64, 64)
out = net(x)
print(out.shape)

what will this print? i need the spatial size before i add the linear layer
""", v, 14)

# 3*64*3*3 + 64 = 1728 + 64 = 1792
calc("t36-calc-02", """
quick one: how many learnable parameters does `nn.Conv2d(3, 64, kernel_size=3, padding=1)` have (weights + bias)?
""", conv_params(3, 64, 3), 1792)

# 156 + 2416 + 30840 + 10164 + 850 = 44426
v = (conv_params(1, 6, 5) + conv_params(6, 16, 5) + linear_params(16 * 4 * 4, 120)
     + linear_params(120, 84) + linear_params(84, 10))
calc("t36-calc-03", """
```python
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
```
It's for MNIST (1x28x28). How many parameters does Net have in total?
""", v, 44426)

# 1 -> (0)*1+3+1 = 4 -> 3*2-2+3+1 = 8 -> 16 -> 32
v = 1
for k, s, p in [(4, 1, 0), (4, 2, 1), (4, 2, 1), (4, 2, 1)]:
    v = convT_out_torch(v, k, s, p)
calc("t36-calc-04", """
```
class Generator(nn.Module):
    def __init__(self, nz=100):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, 256, 4, 1, 0, bias=False),
            nn.BatchNorm2d(256),
            nn.ReLU(True),
            nn.ConvTranspose2d(256, 128, 4, 2, 1, bias=False),
            nn.BatchNorm2d(128),
            nn.ReLU(True),
            nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
            nn.ConvTranspose2d(64, 3, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)

G = Generator()
z = torch.randn(16, 100, 1, 1)
fake = G(z)
```
what height x width do the fake images come out at?
""", v, 32)

# ngf*8 = 512 -> ngf*4 = 256, k=4, no bias: 512*256*16 = 2097152
calc("t36-calc-05", """
DCGAN generator from the tutorial:

    nz, ngf = 100, 64
    self.main = nn.Sequential(
        nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),
        nn.BatchNorm2d(ngf * 8),
        nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
        nn.BatchNorm2d(ngf * 4),
        nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
        ...
    )

How many parameters are in the second ConvTranspose2d (the ngf*8 -> ngf*4 one)?
""", convT_params_torch(512, 256, 4, bias=False), 2097152)

# (28-1)*2 - 0 + (2-1) + 0 + 1 = 56
calc("t36-calc-06", """
U-Net decoder block:

```python
class Up(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(128, 64, kernel_size=2, stride=2)
        self.conv = nn.Sequential(
            nn.Conv2d(128, 64, 3, padding=1), nn.ReLU(inplace=True))

    def forward(self, x, skip):
        x = self.up(x)
        x = torch.cat([skip, x], dim=1)
        return self.conv(x)
```
x going in is torch.Size([4, 128, 28, 28]). What shape does self.up(x) return?
""", convT_out_torch(28, 2, 2), 56)

# 128*64*2*2 + 64 = 32768 + 64 = 32832
calc("t36-calc-07", """
in my unet the upsampling layer is `self.up = nn.ConvTranspose2d(128, 64, kernel_size=2, stride=2)` (default bias). how many params does that layer have by itself?
""", convT_params_torch(128, 64, 2), 32832)

# effective kernel 2*(3-1)+1 = 5, 32 - 5 + 1 = 28
calc("t36-calc-08", """
`nn.Conv2d(3, 8, kernel_size=3, dilation=2)` applied to a 1x3x32x32 input, no padding. What are H and W of the output?
""", conv_out_torch(32, 3, d=2), 28)

# (57 + 4 - 4 - 1)//2 + 1 = 28 + 1 = 29
calc("t36-calc-09", """
layer = nn.Conv2d(64, 64, kernel_size=3, stride=2, padding=2, dilation=2)
feat.shape -> torch.Size([2, 64, 57, 57])
what's layer(feat).shape?
""", conv_out_torch(57, 3, s=2, p=2, d=2), 29)

# ceil((75-2)/2) + 1 = 37 + 1 = 38 ; last window starts at 74 < 75 so kept
calc("t36-calc-10", """
pool = nn.MaxPool2d(kernel_size=2, ceil_mode=True)
My feature map is 75x75. What output size do I get from pool?
""", pool_out_torch(75, 2, ceil_mode=True), 38)

# layer0: 4*(20*10 + 20*20 + 40) = 2560 ; layer1: 4*(400+400+40) = 3360 ; 5920
calc("t36-calc-11", """
```python
rnn = nn.LSTM(input_size=10, hidden_size=20, num_layers=2)
print(sum(p.numel() for p in rnn.parameters()))
```
what number does this print?
""", rnn_params_torch("LSTM", 10, 20, num_layers=2), 5920)

# per direction 3*(64*32 + 64*64 + 128) = 18816 ; x2 = 37632
calc("t36-calc-12", """
self.encoder = nn.GRU(input_size=32, hidden_size=64, batch_first=True, bidirectional=True)

How many trainable parameters does this GRU have?
""", rnn_params_torch("GRU", 32, 64, bidirectional=True), 37632)

# 224 -> (224+4-10-1)//4+1 = 55 -> pool 27 -> conv5 p2 27 -> pool 13
v = pool_out_torch(conv_out_torch(pool_out_torch(conv_out_torch(224, 11, 4, 2), 3, 2), 5, 1, 2), 3, 2)
calc("t36-calc-13", """
print(model) gives

```
AlexNetish(
  (features): Sequential(
    (0): Conv2d(3, 64, kernel_size=(11, 11), stride=(4, 4), padding=(2, 2))
    (1): ReLU(inplace=True)
    (2): MaxPool2d(kernel_size=3, stride=2, padding=0, dilation=1, ceil_mode=False)
    (3): Conv2d(64, 192, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))
    (4): ReLU(inplace=True)
    (5): MaxPool2d(kernel_size=3, stride=2, padding=0, dilation=1, ceil_mode=False)
  )
)
```
The input is 1x3x224x224. What's the shape of the feature map after (5)?
""", v, 13)

# 784*256+256 = 200960 ; 256*64+64 = 16448 ; 64*10+10 = 650 ; total 218058
v = linear_params(784, 256) + linear_params(256, 64) + linear_params(64, 10)
calc("t36-calc-14", """
>>> print(model)
MLP(
  (fc1): Linear(in_features=784, out_features=256, bias=True)
  (act): ReLU()
  (fc2): Linear(in_features=256, out_features=64, bias=True)
  (fc3): Linear(in_features=64, out_features=10, bias=True)
)

How many parameters in total does this model have?
""", v, 218058)

# l0: 4*(100*50 + 100*100 + 200) = 60800 ; l1,l2: 4*(10000+10000+200) = 80800 each ; 222400
calc("t36-calc-15", """
>>> print(model.rnn)
LSTM(50, 100, num_layers=3, batch_first=True, dropout=0.2)

what is the parameter count of this module?
""", rnn_params_torch("LSTM", 50, 100, num_layers=3), 222400)

# per dir 3*(32*16 + 32*32 + 64) = 4800 ; x2 = 9600
calc("t36-calc-16", """
my print(model) shows this line for the encoder:

    (enc): GRU(16, 32, bidirectional=True)

how many parameters are inside it?
""", rnn_params_torch("GRU", 16, 32, bidirectional=True), 9600)

# (129 + 4 - 6 - 1)//3 + 1 = 42 + 1 = 43
calc("t36-calc-17", """
>>> x.shape
torch.Size([1, 3, 129, 129])
>>> conv = nn.Conv2d(3, 24, kernel_size=7, stride=3, padding=2)
>>> conv(x).shape
torch.Size([1, 24, ?, ?])

what are the question marks?
""", conv_out_torch(129, 7, 3, 2), 43)

# 64 -> 62 -> 31 -> 29 -> 14 ; 64*14*14 = 12544
v = 64 * pool_out_torch(conv_out_torch(pool_out_torch(conv_out_torch(64, 3), 2), 3), 2) ** 2
calc("t36-calc-18", """
```
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1024, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        return self.fc(x)
```
On CIFAR I got
RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2304 and 1024x10)
I'm switching to 64x64 images anyway. What in_features should self.fc have for 3x64x64 inputs?
""", v, 12544)

# (50-1)*2 - 2 + 2 + 0 + 1 = 99
calc("t36-calc-19", """
my unet crashes at torch.cat with "Sizes of tensors must match except in dimension 1". The bottleneck is 1x256x50x50 and the up layer is

    self.up = nn.ConvTranspose2d(256, 128, kernel_size=3, stride=2, padding=1)

what spatial size does self.up actually produce from the 50x50 bottleneck?
""", convT_out_torch(50, 3, 2, 1), 99)

# bidirectional -> 2*128 = 256 features ; Linear(256, 5) = 1280 + 5 = 1285
calc("t36-calc-20", """
```
self.lstm = nn.LSTM(64, 128, batch_first=True, bidirectional=True)
self.fc = nn.Linear(128, 5)
...
out, _ = self.lstm(x)
logits = self.fc(out[:, -1, :])
```
RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x256 and 128x5)

Once I fix the in_features of self.fc so that it matches, how many parameters will self.fc have?
""", linear_params(2 * 128, 5), 1285)

# groups=64: 64*1*3*3 + 64 = 576 + 64 = 640
calc("t36-calc-21", """
depthwise conv in pytorch: `nn.Conv2d(64, 64, kernel_size=3, padding=1, groups=64)` - how many parameters (with bias)?
""", conv_params(64, 64, 3, groups=64), 640)

# dw 64*9 = 576 ; BN 2*64 = 128 ; pw 64*128 = 8192 ; BN 2*128 = 256 ; total 9152
v = (conv_params(64, 64, 3, groups=64, bias=False) + bn_params_torch(64)
     + conv_params(64, 128, 1, bias=False) + bn_params_torch(128))
calc("t36-calc-22", """
```python
block = nn.Sequential(
    nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU(inplace=True),
    nn.Conv2d(64, 128, 1, bias=False),
    nn.BatchNorm2d(128),
    nn.ReLU(inplace=True),
)
print(sum(p.numel() for p in block.parameters()))
```
What number gets printed?
""", v, 9152)

# padding='same' keeps 37 ; MaxPool2d(2) -> floor(35/2)+1 = 18
calc("t36-calc-23", """
x = torch.randn(2, 16, 37, 37)
y = nn.Sequential(
    nn.Conv2d(16, 32, kernel_size=5, padding='same', dilation=3),
    nn.MaxPool2d(2),
)(x)
What's y.shape?
""", pool_out_torch(conv_out_torch(37, 5, p="same", d=3), 2), 18)

# H: (40+2-2-1)//1+1 = 40 ; W: (101+4-4-1)//2+1 = 51
calc("t36-calc-24", """
spectrogram input torch.Size([1, 1, 40, 101]) (freq x time) into

    nn.Conv2d(1, 8, kernel_size=(3, 5), stride=(1, 2), padding=(1, 2))

what's the width (time axis) of the output?
""", conv_out_torch(101, 5, 2, 2), 51)

# 4*3 + 4*4 + 4 + 4 = 36 (PyTorch has b_ih and b_hh)
calc("t36-calc-25", """
`rnn = nn.RNN(input_size=3, hidden_size=4)` -> how many parameters does PyTorch say it has?
""", rnn_params_torch("RNN", 3, 4), 36)

# (15-1)*2 - 2 + 2 + 1 + 1 = 30
calc("t36-calc-26", """
decoder layer:
nn.ConvTranspose2d(32, 16, kernel_size=3, stride=2, padding=1, output_padding=1)
input is (N, 32, 15, 15). output height/width?
""", convT_out_torch(15, 3, 2, 1, op=1), 30)

# (11-1)*3 - 4 + 2*4 + 0 + 1 = 35
calc("t36-calc-27", """
What does this give for an 11x11 input?

    up = nn.ConvTranspose2d(64, 24, kernel_size=5, stride=3, padding=2, dilation=2)
    up(torch.randn(1, 64, 11, 11)).shape
""", convT_out_torch(11, 5, 3, 2, d=2), 35)

# conv: (225-6-1)//2+1 = 110 ; pool ceil: ceil(107/2)+1 = 55 (floor mode would be 54)
v = pool_out_torch(conv_out_torch(225, 7, 2), 3, 2, ceil_mode=True)
calc("t36-calc-28", """
SqueezeNet-style stem:
```
self.stem = nn.Sequential(
    nn.Conv2d(3, 96, kernel_size=7, stride=2),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True),
)
```
with a 3x225x225 image, what is the spatial size after the maxpool?
""", v, 55)

# 8*1*9+8 = 80 ; 16*8*9+16 = 1168 ; 784*10+10 = 7850 ; total 9098
v = conv_params(1, 8, 3) + conv_params(8, 16, 3) + linear_params(16 * 7 * 7, 10)
calc("t36-calc-29", """
model = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 7 * 7, 10),
)
total number of trainable params?
""", v, 9098)

# 'valid' -> p=0: (65-3-1)//2+1 = 30+1 = 31
calc("t36-calc-30", """
Does padding='valid' work with stride in torch? I have `nn.Conv2d(3, 16, kernel_size=4, stride=2, padding='valid')` on a 65x65 image - what output size?
""", conv_out_torch(65, 4, 2, "valid"), 31)

# dilation does not change weights: 64*128*9 = 73728
calc("t36-calc-31", """
How many parameters does nn.Conv2d(64, 128, kernel_size=3, dilation=4, bias=False) have?
""", conv_params(64, 128, 3, bias=False), 73728)

# --- Keras code --------------------------------------------------------------
# conv 320 ; 28->26->13 ; conv 18496 ; 13->11->5 ; dense 1600*10+10 = 16010 ; total 34826
v = conv_params(1, 32, 3) + conv_params(32, 64, 3) + linear_params(
    64 * pool_out_keras(conv_out_keras(pool_out_keras(conv_out_keras(28, 3)), 3)) ** 2, 10)
calc("t36-calc-32", """
```python
model = keras.Sequential([
    layers.Conv2D(32, (3, 3), activation="relu", input_shape=(28, 28, 1)),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.summary()
```
What will "Total params" be?
""", v, 34826)

# 'same', stride 2: ceil(225/2) = 113
calc("t36-calc-33", """
Keras: `layers.Conv2D(48, 3, strides=2, padding="same", input_shape=(225, 225, 3))` - what is the output shape in the summary?
""", conv_out_keras(225, 3, 2, "same"), 113)

# 'same', stride 2: 14*2 = 28
calc("t36-calc-34", """
x is (None, 14, 14, 96) and then
    x = layers.Conv2DTranspose(64, 3, strides=2, padding="same")(x)
what shape is x now?
""", convT_out_keras(14, 3, 2, "same"), 28)

# 3*3*128*64 + 64 = 73728 + 64 = 73792
calc("t36-calc-35", """
In my Keras decoder, `layers.Conv2DTranspose(64, 3, strides=2, padding="same")` gets an input of shape (None, 14, 14, 128). What does the Param # column show for this layer?
""", conv_params(128, 64, 3), 73792)

# 'valid': 7*2 + max(5-2, 0) = 17
calc("t36-calc-36", """
layers.Conv2DTranspose(32, 5, strides=2, padding="valid")
input (None, 7, 7, 64) -> output (None, ?, ?, 32)
""", convT_out_keras(7, 5, 2, "valid"), 17)

# depthwise 9*32 = 288 ; pointwise 32*64 = 2048 ; bias 64 ; total 2400
calc("t36-calc-37", """
How many params does `layers.SeparableConv2D(64, 3, padding="same", input_shape=(32, 32, 32))` have?
""", keras_separable_params(32, 64, 3), 2400)

# 4*(64*(300+64) + 64) = 4*23360 = 93440
calc("t36-calc-38", """
```
model = Sequential([
    LSTM(64, input_shape=(None, 300)),
    Dense(1, activation="sigmoid"),
])
```
what's the Param # for the LSTM row?
""", keras_lstm_params(64, 300), 93440)

# conv 896 ; 30->15 ; conv 18496 -> 13 ; flatten 13*13*64 = 10816 ; dense 108170
flat = 64 * conv_out_keras(pool_out_keras(conv_out_keras(32, 3)), 3) ** 2
assert flat == 10816
calc("t36-calc-39", """
```
Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 conv2d (Conv2D)             (None, 30, 30, 32)        896
 max_pooling2d (MaxPooling2D)  (None, 15, 15, 32)      0
 conv2d_1 (Conv2D)           (None, 13, 13, 64)        18496
 flatten (Flatten)           (None, 10816)             0
 dense (Dense)               (None, 10)                ???
=================================================================
```
I cut off the last number, what's the Param # of the dense layer?
""", linear_params(flat, 10), 108170)

# 896 + 18496 + 108170 = 127562
v = conv_params(3, 32, 3) + conv_params(32, 64, 3) + linear_params(flat, 10)
calc("t36-calc-40", """
Keras summary (some columns got lost when I copied):

 Layer (type)                Output Shape              Param #
 conv2d (Conv2D)             (None, 30, 30, 32)        896
 max_pooling2d (MaxPooling2D)  (None, 15, 15, 32)      0
 conv2d_1 (Conv2D)           (None, 13, 13, 64)
 flatten (Flatten)           (None, 10816)             0
 dense (Dense)               (None, 10)

The code was Conv2D(32, 3) on input_shape=(32, 32, 3), MaxPooling2D(), Conv2D(64, 3), Flatten(), Dense(10). What is "Total params" at the bottom?
""", v, 127562)

# 10000*128 = 1280000 ; LSTM 4*(64*192+64) = 49408 ; Dense 65 ; total 1329473
v = keras_embedding_params(10000, 128) + keras_lstm_params(64, 128) + linear_params(64, 1)
calc("t36-calc-41", """
```python
model = keras.Sequential([
    layers.Embedding(input_dim=10000, output_dim=128),
    layers.LSTM(64),
    layers.Dense(1, activation="sigmoid"),
])
```
How many parameters does this whole model have?
""", v, 1329473)

# 16*4 + 16*16 + 16 = 336
calc("t36-calc-42", """
keras: SimpleRNN(16, input_shape=(None, 4)) -> number of params?
""", keras_simplernn_params(16, 4), 336)

# 32 -> 30 -> 15 -> 13 -> 6 ; flatten 6*6*64 = 2304 ; Dense(10) = 23050
flat = 64 * pool_out_keras(conv_out_keras(pool_out_keras(conv_out_keras(32, 3)), 3)) ** 2
calc("t36-calc-43", """
```
model = keras.Sequential([
    layers.Conv2D(32, 3, activation="relu", input_shape=(32, 32, 3)),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dense(10, activation="softmax"),
])
```
ValueError: Shapes (None, 10) and (None, 6, 6, 10) are incompatible

I know I forgot a Flatten() before the Dense. After adding it, how many parameters will the Dense(10) layer have?
""", linear_params(flat, 10), 23050)

# effective kernel 5 ; 64 - 5 + 1 = 60
calc("t36-calc-44", """
Conv2D(16, 3, dilation_rate=2, input_shape=(64, 64, 3))  # padding defaults to valid
what output height and width?
""", conv_out_keras(64, 3, 1, "valid", d=2), 60)

# 3*3*24*2 + 24*2 = 432 + 48 = 480
calc("t36-calc-45", """
`layers.DepthwiseConv2D(3, depth_multiplier=2, input_shape=(32, 32, 24))` -- params?
""", keras_depthwise_params(24, 3, dm=2), 480)

# 9408 + 36928 + 18464 + 289 = 65089
v = (linear_params(2, 7 * 7 * 64) + conv_params(64, 64, 3) + conv_params(64, 32, 3)
     + conv_params(32, 1, 3))
calc("t36-calc-46", """
VAE decoder, latent_dim = 2:
```
latent_inputs = keras.Input(shape=(latent_dim,))
x = layers.Dense(7 * 7 * 64, activation="relu")(latent_inputs)
x = layers.Reshape((7, 7, 64))(x)
x = layers.Conv2DTranspose(64, 3, activation="relu", strides=2, padding="same")(x)
x = layers.Conv2DTranspose(32, 3, activation="relu", strides=2, padding="same")(x)
decoder_outputs = layers.Conv2DTranspose(1, 3, activation="sigmoid", padding="same")(x)
decoder = keras.Model(latent_inputs, decoder_outputs, name="decoder")
decoder.summary()
```
```
 input_2 (InputLayer)        [(None, 2)]               0
 dense_1 (Dense)             (None, 3136)              9408
 reshape (Reshape)           (None, 7, 7, 64)          0
 conv2d_transpose (Conv2DTranspose)  (None, 14, 14, 64)  36928
 ...
```
what's the total params of the decoder?
""", v, 65089)

# per direction 4*(32*(20+32) + 32) = 6784 ; x2 = 13568
calc("t36-calc-47", """
```
model = keras.Sequential([
    layers.Bidirectional(layers.LSTM(32), input_shape=(100, 20)),
    layers.Dense(1),
])
```
Param # of the Bidirectional layer?
""", 2 * keras_lstm_params(32, 20), 13568)

# Dense acts on last axis: 64*32 + 32 = 2080
calc("t36-calc-48", """
The tensor going into `layers.Dense(32)` has shape (None, 10, 64) (no Flatten). How many parameters does the Dense layer get?
""", linear_params(64, 32), 2080)

# 14 -> 12 with kernel 3 ; 3*3*64*128 + 128 = 73856
calc("t36-calc-49", """
```
 conv2d_1 (Conv2D)           (None, 14, 14, 64)        18496
 conv2d_2 (Conv2D)           (None, 12, 12, 128)       ?????
```
conv2d_2 is `layers.Conv2D(128, (3, 3), activation="relu")`. What number goes in the ????? slot?
""", conv_params(64, 128, 3), 73856)

# --- homework notation -------------------------------------------------------
# W_h 4x4 = 16, W_x 4x3 = 12, b_h 4 -> 32
calc("t36-calc-50", r"""
Consider the RNN $h_t = \tanh(W_h h_{t-1} + W_x x_t + b_h)$ with $x_t \in \mathbb{R}^3$ and $h_t \in \mathbb{R}^{4}$. How many trainable parameters does this cell have?
""", hw_rnn_params(3, 4), 32)

# 64*32 + 64 = 2112
calc("t36-calc-51", r"""
A fully connected layer $y = Wx + b$ with $W \in \mathbb{R}^{64 \times 32}$ and $b \in \mathbb{R}^{64}$. What is the total number of parameters?
""", linear_params(32, 64), 2112)

# 4 gates, each W in R^{20x30}, b in R^20: 4*(600 + 20) = 2480
calc("t36-calc-52", r"""
LSTM cell with $x_t \in \mathbb{R}^{10}$, $h_t \in \mathbb{R}^{20}$:
$f_t = \sigma(W_f [h_{t-1}, x_t] + b_f)$,
$i_t = \sigma(W_i [h_{t-1}, x_t] + b_i)$,
$o_t = \sigma(W_o [h_{t-1}, x_t] + b_o)$,
$\tilde{c}_t = \tanh(W_c [h_{t-1}, x_t] + b_c)$,
$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$, $h_t = o_t \odot \tanh(c_t)$.
How many parameters in total?
""", 4 * (20 * (20 + 10) + 20), 2480)

# 64 filters of 3x3x32 + 1 bias each: 64*289 = 18496
calc("t36-calc-53", r"""
Input $X \in \mathbb{R}^{256 \times 256 \times 32}$, we apply 64 filters $K_j \in \mathbb{R}^{3 \times 3 \times 32}$, each with a scalar bias $b_j$. How many parameters does the layer have in total?
""", conv_params(32, 64, 3), 18496)

# 3 blocks of (W 10x6 + U 10x10 + b 10) = 3*170 = 510
calc("t36-calc-54", r"""
GRU with $x_t \in \mathbb{R}^{6}$, $h_t \in \mathbb{R}^{10}$:
- $z_t = \sigma(W_z x_t + U_z h_{t-1} + b_z)$
- $r_t = \sigma(W_r x_t + U_r h_{t-1} + b_r)$
- $\tilde h_t = \tanh(W_h x_t + U_h (r_t \odot h_{t-1}) + b_h)$
- $h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t$

count the parameters.
""", 3 * (10 * 6 + 10 * 10 + 10), 510)

# --- attention cost ----------------------------------------------------------
# 224/16 = 14 -> 196 tokens -> 196^2 = 38416 dot products
a = attention_image(224, 224, 3, 16, 16, 16, 16)
assert a["P"] == 196
calc("t36-calc-55", """
ViT patch embedding: `self.proj = nn.Conv2d(3, 768, kernel_size=16, stride=16)` on 3x224x224 images, then flatten to tokens. Ignoring the cls token, how many dot products does one self-attention head compute for QK^T?
""", a["dot"], 38416)

# 1024*1024*64 = 67108864
calc("t36-calc-56", """
>>> q.shape, k.shape
(torch.Size([1, 1024, 64]), torch.Size([1, 1024, 64]))
>>> scores = q @ k.transpose(-2, -1)

How many multiply-adds does that matmul take?
""", attention_seq(1024, 64)["macs"], 67108864)

# (16-4+1)^2 = 169 patches ; 169^2 = 28561
a = attention_image(16, 16, 3, 4, 4)
assert a["P"] == 169
calc("t36-calc-57", r"""
An image of size $H \times W \times C = 16 \times 16 \times 3$ is viewed as overlapping patches of size $4 \times 4 \times 3$ with stride 1 and no padding. With a single head and identity projections, how many pairwise dot products does self-attention over the patches compute?
""", a["dot"], 28561)

# ((32-8)/4+1)^2 = 49 patches ; 49^2 * 8*8*1 = 2401*64 = 153664
a = attention_image(32, 32, 1, 8, 8, 4, 4)
assert a["P"] == 49
calc("t36-calc-58", """
**HW 4, Q2(b).** A 32x32 grayscale image is cut into 8x8 patches with stride 4 (no padding), each patch flattened into a token. Single head, Q = K = identity projections. How many multiply-adds does computing $QK^T$ take?
""", a["macs"], 153664)

# 4*6 = 24 patches of 5*5*3 = 75 ; 24^2 * 75 = 576*75 = 43200
a = attention_image(20, 30, 3, 5, 5, 5, 5)
assert a["P"] == 24
calc("t36-calc-59", r"""
input $X \in \mathbb{R}^{20 \times 30 \times 3}$, non-overlapping $5 \times 5$ patches (stride 5). single-head self-attention, identity projections: what's the multiply-add count for the attention scores?
""", a["macs"], 43200)

# 128^2 * 64 = 16384 * 64 = 1048576
calc("t36-calc-60", r"""
A sequence $X \in \mathbb{R}^{n \times d}$ with $n = 128$ tokens and $d = 64$. With $Q = K = X$, how many multiply-adds are needed to form $QK^\top$?
""", attention_seq(128, 64)["macs"], 1048576)

# ============================================================================
# 10 clarify: a needed value is missing
# ============================================================================
clarify("t36-clar-01", """
what's the output shape of `nn.Conv2d(3, 64, kernel_size=3, stride=2, padding=1)`?
""")  # no input size anywhere

clarify("t36-clar-02", """
```
def make_block(in_ch):
    return nn.Conv2d(in_ch, 128, kernel_size=3, padding=1)
```
how many parameters does the conv in make_block have?
""")  # in_ch is a variable

clarify("t36-clar-03", """
```
model = keras.Sequential([
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10),
])
```
How many params does the Dense layer have?
""")  # no input_shape, Flatten size unknown

clarify("t36-clar-04", """
self.rnn = nn.LSTM(input_size=emb_dim, hidden_size=256, batch_first=True)
how many params is that?
""")  # emb_dim not given

clarify("t36-clar-05", """
In my generator I have `nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1)`. What size comes out of it?
""")  # input spatial size not given

clarify("t36-clar-06", r"""
For the RNN $h_t = \tanh(W_h h_{t-1} + W_x x_t + b)$ with $h_t \in \mathbb{R}^{64}$, how many parameters are there?
""")  # dimension of x_t missing

clarify("t36-clar-07", """
ViT with 16x16 patches and embedding dim 768: how many dot products does one attention head compute?
""")  # image size missing, so number of patches unknown

clarify("t36-clar-08", """
```
self.features = make_features()
self.fc = nn.Linear(self.flat_dim, 10)
```
how many parameters does self.fc have?
""")  # flat_dim unknown

clarify("t36-clar-09", """
x.shape is (batch, 3, H, W) and I apply nn.MaxPool2d(2, ceil_mode=True) twice. what's the output shape?
""")  # H, W unknown

clarify("t36-clar-10", """
```
x = layers.Flatten()(x)   # x was (None, 8, 8, 32)
out = layers.Dense(num_classes, activation="softmax")(x)
```
Param # for the Dense layer?
""")  # num_classes unknown

# ============================================================================
# 10 not-calculation: code or numbers, but a conceptual question
# ============================================================================
notcalc("t36-concept-01", """
In VGG every layer is `nn.Conv2d(c, c, kernel_size=3, padding=1)`. Why do people stack several 3x3 convs instead of using one 7x7 conv?
""")

notcalc("t36-concept-02", """
Keras `layers.Conv2DTranspose(64, 3, strides=2, padding="same")` - is a transposed convolution really a "deconvolution"? and why do people say they cause checkerboard artifacts?
""")

notcalc("t36-concept-03", """
what is ceil_mode=True in nn.MaxPool2d(2, ceil_mode=True) actually for? when would I want it?
""")

notcalc("t36-concept-04", """
What's the intuition behind depthwise separable convs like `nn.Conv2d(32, 32, 3, groups=32)` followed by a 1x1 conv - why does splitting a conv into depthwise + pointwise still work about as well as a normal conv in MobileNet?
""")

notcalc("t36-concept-05", """
My model.summary() says "Non-trainable params: 256" and it comes from the BatchNormalization layers. What are those non-trainable parameters and why aren't they trained?
""")

notcalc("t36-concept-06", r"""
For $h_t = \tanh(W_h h_{t-1} + W_x x_t + b)$ with $W_h \in \mathbb{R}^{4 \times 4}$, why do the gradients explode when the largest eigenvalue of $W_h$ has magnitude bigger than 1?
""")

notcalc("t36-concept-07", r"""
Why do we divide by $\sqrt{d_k}$ in $\mathrm{softmax}(QK^\top / \sqrt{d_k})$? In my model d_k = 64, what goes wrong if I leave the scaling out?
""")

notcalc("t36-concept-08", """
My binary classifier gets 0.95 accuracy but only 5% of the test set is positive. Why is accuracy misleading here, and should I report precision and recall instead?
""")

notcalc("t36-concept-09", """
What does dilation=2 in `nn.Conv2d(64, 64, 3, dilation=2, padding=2)` actually do conceptually, and why would someone use dilated convolutions instead of pooling?
""")

notcalc("t36-concept-10", """
I'm using nn.TransformerEncoderLayer(d_model=512, nhead=8). Why do transformers need positional encodings at all - doesn't attention already see the order of the tokens?
""")


# ============================================================================
# write and check
# ============================================================================
class _Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_rep)


def main():
    kinds = [c["expect"] for c in CASES]
    assert kinds.count("calculation") == 60, kinds.count("calculation")
    assert kinds.count("clarify") == 10
    assert kinds.count("not-calculation") == 10
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert all(not line.endswith((" ", "\t")) for line in c["message"].split("\n")), c["id"]
        if c["expect"] == "calculation":
            assert all(s.isdigit() for s in c["contains"]), c["id"]
        else:
            assert "contains" not in c

    # the eval format (tutor eval): the message as `q`, then `expect` and `contains`; the
    # writer's ids stay as comments on the cases
    cases = [{"q": c["message"], "expect": c["expect"],
              **({"contains": c["contains"]} if "contains" in c else {})} for c in CASES]
    body = yaml.dump(cases, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=1000)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(OUT_YAML, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        f.write(body)

    # round trip
    with open(OUT_YAML, encoding="utf-8") as f:
        text = f.read()
    assert text.splitlines()[0] == HEADER
    loaded = yaml.safe_load(text)
    assert loaded == cases
    n_block = sum(1 for line in text.splitlines() if line.startswith("- q: |"))
    assert n_block == len(CASES), (n_block, len(CASES))
    print(f"wrote {OUT_YAML}: {len(loaded)} cases "
          f"({kinds.count('calculation')} calculation, {kinds.count('clarify')} clarify, "
          f"{kinds.count('not-calculation')} not-calculation); all asserts passed")


if __name__ == "__main__":
    main()
