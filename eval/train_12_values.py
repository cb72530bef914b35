"""eval/train-12.yaml, a TUNING set of calculations in the notations students use.

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the calculators (PyTorch and Keras calls with input
shapes, shorthand such as k3s2p1 or 3->16 ch, patches and sequences for self-attention, RNN
matrices in several notations; `expect: clarify` where a needed value is missing). Every
expected number is computed here from the parameters the question is meant to carry.

    .venv/bin/python eval/train_12_values.py   # rewrites eval/train-12.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "train-12.yaml")


# ---------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    """Convolution / pooling output size along one axis."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    """Transposed convolution output size along one axis."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


def dw_params(kh, kw, c, bias=True):
    return kh * kw * c + (c if bias else 0)


def patch_tokens(H, W, h, w, s=None):
    if s is None:
        s = h  # non-overlapping
    return ((H - h) // s + 1) * ((W - w) // s + 1)


def patch_macs(H, W, C, h, w, s=None):
    P = patch_tokens(H, W, h, w, s)
    d = h * w * C
    return P, P * P, P * P * d


def seq_macs(n, d):
    return n * n, n * n * d


def radius(M):
    """Spectral radius to 4 decimals plus verdict; guards against values the
    brief asked us to avoid (rounding boundaries, trailing zeros, rho ~ 1)."""
    M = np.array(M, dtype=float)
    rho = float(max(abs(np.linalg.eigvals(M))))
    s = f"{rho:.4f}"
    # rounding boundaries sit every 0.0001 (at x.xxxx5); keep rho at least
    # 0.00001 away from one, i.e. the 5th decimal must not be 4 or 5
    frac = rho * 1e4 - math.floor(rho * 1e4)
    assert abs(frac - 0.5) >= 0.1, (M.tolist(), rho)
    assert not s.endswith("0"), (M.tolist(), s)      # no trailing zero
    assert abs(rho - 1.0) > 0.01, (M.tolist(), rho)  # clear verdict
    return s, ("explode" if rho > 1 else "vanish"), rho


# ---------------------------------------------------------------- matrix text
def num(x):
    return f"{x:g}"


def np_text(M):
    return "np.array([" + ", ".join("[" + ", ".join(num(x) for x in r) + "]" for r in M) + "])"


def list_text(M):
    return "[" + ", ".join("[" + ", ".join(num(x) for x in r) + "]" for r in M) + "]"


def matlab_text(M):
    return "[" + "; ".join(" ".join(num(x) for x in r) for r in M) + "]"


def rows_text(M):
    return "\n".join(" ".join(num(x) for x in r) for r in M)


def torch_text(M):
    return "torch.tensor(" + list_text(M) + ")"


# ---------------------------------------------------------------- cases
cases = []


def calc(q, *values):
    cases.append({"q": q, "expect": "calculation", "contains": [str(v) for v in values]})


def clarify(q):
    cases.append({"q": q, "expect": "clarify"})


# ======================= PyTorch =======================
calc("nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3) applied to an input of shape (1, 3, 224, 224). "
     "What is the output shape and how many parameters does the layer have?",
     conv_out(224, 7, 2, 3), conv_params(7, 7, 3, 64))

calc("what does nn.MaxPool2d(2, 2) do to x = torch.randn(8, 16, 64, 64)? need the output shape",
     conv_out(64, 2, 2))

calc("How many parameters in nn.Conv2d(16, 32, 3, padding=1, bias=False)?",
     conv_params(3, 3, 16, 32, bias=False))

calc("nn.Conv2d(64, 64, 3, stride=1, padding=2, dilation=2) on a 56x56 feature map - what's the output "
     "spatial size, and how many params (bias on)?",
     conv_out(56, 3, 1, 2, 2), conv_params(3, 3, 64, 64))

calc("param count for nn.Conv2d(32, 32, 3, padding=1, groups=32)? its depthwise right",
     dw_params(3, 3, 32))

calc("I have up = nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1) and the input is (1, 64, 16, 16). "
     "What H and W come out?",
     tconv_out(16, 4, 2, 1))

calc("nn.ConvTranspose2d(128, 64, 3, stride=2, padding=1, output_padding=1) on a 14x14 map, output size?",
     tconv_out(14, 3, 2, 1, op=1))

calc("x = torch.randn(4, 3, 128, 128)\nconv = nn.Conv2d(3, 16, 5, stride=2)\n"
     "what is conv(x).shape and how many learnable params does conv have?",
     conv_out(128, 5, 2), conv_params(5, 5, 3, 16))

calc("nn.MaxPool2d(kernel_size=3, stride=2, padding=1) on a 112x112 input -> output size?",
     conv_out(112, 3, 2, 1))

calc("how many paramters in nn.Conv2d(256, 512, 1, bias=False)",
     conv_params(1, 1, 256, 512, bias=False))

calc("nn.Conv2d(in_channels=3, out_channels=32, kernel_size=(3, 5), stride=1, padding=(1, 2)) with input "
     "(1, 3, 100, 60). Output shape + number of parameters please",
     conv_out(100, 3, 1, 1), conv_params(3, 5, 3, 32))

_s = conv_out(conv_out(conv_out(224, 3, 2, 1), 3, 2, 1), 2, 2)
calc("model = nn.Sequential(\n    nn.Conv2d(3, 32, 3, stride=2, padding=1),\n    nn.ReLU(),\n"
     "    nn.Conv2d(32, 64, 3, stride=2, padding=1),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n)\n"
     "feeding torch.randn(1, 3, 224, 224), what spatial size comes out the end?",
     _s)

calc("nn.Conv2d(3, 8, kernel_size=3, dilation=3) on 32x32 images with no padding, whats the output size",
     conv_out(32, 3, 1, 0, 3))

calc("Depthwise separable block in PyTorch: nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False) followed by "
     "nn.Conv2d(64, 128, 1, bias=False). How many params in each conv and in total?",
     dw_params(3, 3, 64, bias=False), conv_params(1, 1, 64, 128, bias=False),
     dw_params(3, 3, 64, bias=False) + conv_params(1, 1, 64, 128, bias=False))

calc("nn.Conv2d(128, 256, kernel_size=3, stride=2, padding=1) applied to torch.randn(2, 128, 28, 28): "
     "output shape and param count?",
     conv_out(28, 3, 2, 1), conv_params(3, 3, 128, 256))

calc("nn.ConvTranspose2d(16, 3, kernel_size=5, stride=2, padding=2) on a 10x10 input. what's the output res",
     tconv_out(10, 5, 2, 2))

# ======================= Keras =======================
calc("Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)) - what's the output shape and # of params?",
     conv_out(28, 3), conv_params(3, 3, 1, 32))

calc("keras: Conv2D(64, 3, padding=\"same\") applied to an input of shape (None, 32, 32, 16). output shape and params?",
     32, conv_params(3, 3, 16, 64))

calc("Conv2D(128, 5, padding='valid', use_bias=False) on (None, 20, 20, 64). Output spatial dims and parameter count?",
     conv_out(20, 5), conv_params(5, 5, 64, 128, bias=False))

calc("after my conv block I have a 28x28x32 tensor, then MaxPooling2D(pool_size=(2, 2)). whats the shape after poolng",
     conv_out(28, 2, 2))

calc("Conv2DTranspose(32, 3, strides=2, padding='valid') applied to a (None, 7, 7, 64) tensor. What spatial size do I get?",
     tconv_out(7, 3, 2, 0))

calc("model.add(Conv2D(24, kernel_size=5, strides=1, input_shape=(64, 64, 3)))\n"
     "what does model.summary() show for output shape and trainable params?",
     conv_out(64, 5), conv_params(5, 5, 3, 24))

calc("keras Conv2D(filters=256, kernel_size=(1, 1), use_bias=False) on (None, 14, 14, 1024), how many params",
     conv_params(1, 1, 1024, 256, bias=False))

calc("DepthwiseConv2D(3, padding='same') on input (None, 56, 56, 144). How many parameters (default bias)?",
     dw_params(3, 3, 144))

calc("Conv2D(64, 3, strides=2, input_shape=(224, 224, 3)) default padding - output size and params?",
     conv_out(224, 3, 2), conv_params(3, 3, 3, 64))

calc("MaxPooling2D(pool_size=3, strides=2) on a 55x55x96 volume, output?",
     conv_out(55, 3, 2))

calc("tf.keras.layers.Conv2DTranspose(1, kernel_size=5, strides=3, padding='valid') on (None, 12, 12, 32) - "
     "what's the output height/width?",
     tconv_out(12, 5, 3, 0))

calc("Conv2D(96, (11, 11), strides=4, input_shape=(227, 227, 3)) - output shape and number of weights+biases?",
     conv_out(227, 11, 4), conv_params(11, 11, 3, 96))

calc("Conv2D(32, 3, dilation_rate=2, padding='valid') on an input (None, 64, 64, 8): output size, params?",
     conv_out(64, 3, 1, 0, 2), conv_params(3, 3, 8, 32))

_k1 = conv_out(32, 2, 2)              # after same conv (32) + pool
_k2 = conv_out(conv_out(_k1, 3), 2, 2)
calc("Sequential([\n  Conv2D(32, 3, padding='same', input_shape=(32, 32, 3)),\n  MaxPooling2D(2),\n"
     "  Conv2D(64, 3),\n  MaxPooling2D(2),\n])\nfinal spatial size? and how many params does the second Conv2D have?",
     _k2, conv_params(3, 3, 32, 64))

calc("Conv2D(10, kernel_size=(3,3), use_bias=False) with input shape (None, 28, 28, 1), ouput shape + params",
     conv_out(28, 3), conv_params(3, 3, 1, 10, bias=False))

calc("keras Conv2D(filters=48, kernel_size=7, strides=3, padding='valid') on (None, 100, 100, 3) what comes out "
     "and how many params",
     conv_out(100, 7, 3), conv_params(7, 7, 3, 48))

# ======================= shorthand =======================
calc("conv3x3 stride 1 pad 1, 3->16 ch, input 32x32x3. output size + params?",
     conv_out(32, 3, 1, 1), conv_params(3, 3, 3, 16))

calc("3x3/2 conv, no padding, on a 65x65 map. output size?",
     conv_out(65, 3, 2))

calc("k3s2p1 on 56 -> ?", conv_out(56, 3, 2, 1))

calc("k=5, s=1, p=2, input 28x28, C_in=1, C_out=6 (lenet style). output size and number of weights incl bias",
     conv_out(28, 5, 1, 2), conv_params(5, 5, 1, 6))

calc("C_in=64, C_out=128, 3x3 kernel, no bias. param count?",
     conv_params(3, 3, 64, 128, bias=False))

calc("64 -> 128 channels with a 1x1 conv, how many params including bias", conv_params(1, 1, 64, 128))

calc("128 filters of size 5x5 on an input of depth 64 - how many parameters?",
     conv_params(5, 5, 64, 128))

calc("HxWxC = 32x32x3, stride-2 3x3 conv with padding 1 and 16 filters. what are the output dims?",
     conv_out(32, 3, 2, 1))

_r1 = conv_out(224, 7, 2, 3)
_r2 = conv_out(_r1, 3, 2, 1)
calc("ResNet stem: 7x7/2 conv pad 3 then 3x3/2 maxpool pad 1 on 224. size after each?", _r1, _r2)

calc("two conv3x3 (valid) layers then a 2x2 maxpool on 64x64, final size?",
     conv_out(conv_out(conv_out(64, 3), 3), 2, 2))

calc("k7 s2 p3 -> k3 s2 p1 -> k3 s2 p1 starting from 512x512, what's the final res",
     conv_out(conv_out(conv_out(512, 7, 2, 3), 3, 2, 1), 3, 2, 1))

calc("dilated conv k=3 d=4 p=4 s=1 on a 97x97 inptu, out size?", conv_out(97, 3, 1, 4, 4))

calc("transposed conv k4 s2 p1 on 7x7, what does it upsample to", tconv_out(7, 4, 2, 1))

calc("5x5 conv, stride 3, no pad, on 101x101 -> output?", conv_out(101, 5, 3))

calc("depthwise 3x3 over 256 channels, params with bias?", dw_params(3, 3, 256))

calc("7x7 conv 3->96 ch, stride 2, no bias, input 227x227x3. out size and params",
     conv_out(227, 7, 2), conv_params(7, 7, 3, 96, bias=False))

# ======================= attention over patches / sequences =======================
calc("ViT-B/16 at 224 res, how many tokens (patches)?", patch_tokens(224, 224, 16, 16))

_P, _dots, _m = patch_macs(384, 384, 3, 16, 16)
calc("16x16 patches on a 384x384x3 image. How many patches, and how many MACs for QK^T if each token is the "
     "flattened patch?", _P, _m)

_P, _dots, _m = patch_macs(32, 32, 3, 4, 4)
calc("cifar image 32x32x3, p=4 non-overlapping patches. number of tokens and QK^T multiply-accumulates?", _P, _m)

calc("512 tokens, d_model 64, QK^T MACs?", seq_macs(512, 64)[1])

calc("seq len 1024 head dim 64 cost of attention scores", seq_macs(1024, 64)[1])

_P, _dots, _m = patch_macs(64, 64, 3, 8, 8, 4)
calc("overlapping patches: 8x8 patches with stride 4 on a 64x64x3 image. how many tokens, and what's the "
     "cost of QK^T in MACs?", _P, _m)

_P, _dots, _m = patch_macs(28, 28, 1, 7, 7)
calc("mnist 28x28 grayscale, patch size 7 (no overlap). How many dot products in QK^T and how many MACs total?",
     _dots, _m)

calc("n=2048, d=128. how many multiply-adds to form QK^T?", seq_macs(2048, 128)[1])

_P, _dots, _m = patch_macs(224, 224, 3, 14, 14)
calc("patch size 14 on a 224x224x3 image (like ViT-H/14) -> number of tokens? and QK^T MACs with raw "
     "flattened patches as the token dim", _P, _m)

_P, _dots, _m = patch_macs(96, 96, 3, 12, 12, 6)
calc("96x96x3 image, 12x12 patches with stride 6 (so they overlap). P = ? and MACs for QK^T?", _P, _m)

_P, _dots, _m = patch_macs(224, 160, 3, 16, 16)
calc("Non-square input: a 224x160x3 image (H=224, W=160) cut into 16x16 patches. tokens and QK^T MAC count?",
     _P, _m)

_P, _dots, _m = patch_macs(32, 32, 3, 5, 5)
calc("5x5 patches stride 5 on a 32x32x3 image (32 isnt divisible by 5, leftover pixels dropped). "
     "how many patches and QK^T macs", _P, _m)

calc("sequence of 197 tokens (cls + 196 patches), d = 768. what does QK^T cost in MACs?", seq_macs(197, 768)[1])

_dots, _m = seq_macs(100, 32)
calc("self attention over 100 tokens with 32-dim queries/keys: how many dot products and how many multiplications "
     "for the score matrix?", _dots, _m)

_P, _dots, _m = patch_macs(64, 64, 16, 4, 4, 2)
calc("feature map 64x64x16, take 4x4 patches with stride 2 as tokens. number of tokens + QK^T MACs?", _P, _m)

_P, _dots, _m = patch_macs(384, 384, 3, 32, 32)
calc("ViT-B/32 at 384x384 resolution: how many tokens, and the QK^T cost if d is the flattened 32x32x3 patch?",
     _P, _m)

# ======================= RNN spectral radius =======================
M = [[0.5, 0.2], [0.1, 1.3]]
r, v, _ = radius(M)
calc("linear RNN (no nonlinearity) with W_hh = " + np_text(M) + " - do the gradients explode or vanish?", r, v)

M = [[0.9, 0.3], [-0.2, 0.7]]
r, v, _ = radius(M)
calc("W = " + matlab_text(M) + " is my recurrent matrix (identity activation). spectral radius? explode or vanish?",
     r, v)

M = [[0.6, 0.4, 0], [0.1, 0.5, 0.3], [0.2, 0, 0.9]]
r, v, _ = radius(M)
calc("Recurrent weight matrix of a linear RNN:\n" + rows_text(M) +
     "\nWhat's the spectral radius and will backprop through time blow up or vanish?", r, v)

M = [[1.1, 0.2], [0.3, 0.8]]
r, v, _ = radius(M)
calc("W_h = " + list_text(M) + ", linear rnn. exploding or vanishing grads?", r, v)

M = [[0, 1], [-0.9, 0]]
r, v, _ = radius(M)
calc("what happens to gradients in a linear RNN with W_hh = " + np_text(M) + "? explode or vanish", r, v)

M = [[0.4, -0.3, 0.2], [0.5, 0.6, -0.1], [0.1, 0.2, 0.7]]
r, v, _ = radius(M)
calc("W_hh = " + np_text(M) + "\nidentity activation. compute the spectral radius and tell me if grads explode or vanish",
     r, v)

M = [[0.95, 0.15], [0.1, 0.95]]
r, v, _ = radius(M)
calc("recurrent matrix " + matlab_text(M) + ", linear activations - explode or vanish?", r, v)

M = [[0.7, 0.32], [0.27, 0.6]]
r, v, _ = radius(M)
calc("For h_t = W h_{t-1} + U x_t with W = " + list_text(M) + ", do gradients vanish or explode over long sequences?",
     r, v)

M = [[-1.2, 0.3], [0.5, 0.1]]
r, v, _ = radius(M)
calc("W_hh =\n" + rows_text(M) + "\nlinear RNN, spectral radius + explode/vanish?", r, v)

M = [[0.3, -0.8], [0.8, 0.3]]
r, v, _ = radius(M)
calc("Whh = " + torch_text(M) + " in a linear RNN. max |eigenvalue|? explode or vanish?", r, v)

M = [[0.2, 0.1, 0.0, 0.3], [0.1, 0.5, 0.2, 0.0], [0.0, 0.3, 0.4, 0.1], [0.2, 0.0, 0.1, 0.6]]
r, v, _ = radius(M)
calc("4x4 recurrent matrix for a linear rnn:\n" + rows_text(M) + "\nexplode or vanish?", r, v)

M = [[1.2, -0.4], [0.6, 0.3]]
r, v, _ = radius(M)
calc("W_hh = " + matlab_text(M) + " (MATLAB notation). linear recurrence, what's rho and do gradients explode?",
     r, v)

M = [[0.5, 0.5, 0.1], [0.3, 0.7, 0.4], [0.2, 0.4, 0.5]]
r, v, _ = radius(M)
calc("is this recurrent matrix going to give exploding or vanishing gradients (linear rnn)?\n" + rows_text(M), r, v)

M = [[0.85, -0.45], [0.45, 0.85]]
r, v, _ = radius(M)
calc("W_h = " + np_text(M) + "  -- rotation-ish matrix. spectral radius, explode or vanish?", r, v)

M = [[0.25, 0.9], [0.5, 0.15]]
r, v, _ = radius(M)
calc("rnn w/ W_hh " + matlab_text(M) + " and no activation fn. explode or vanish", r, v)

M = [[1.05, 0.1, 0.0], [0.0, 0.8, 0.2], [0.1, 0.0, 0.9]]
r, v, _ = radius(M)
calc("Linear RNN, W_hh = " + list_text(M) + ". Compute the spectral radius (4 dp) and say whether gradients "
     "explode or vanish.", r, v)

# ======================= clarify: a needed value is missing =======================
clarify("how many params in a 3x3 conv layer with 64 filters?")
clarify("output size of a 3x3 conv with stride 2 and padding 1?")
clarify("Conv2D(32, 3) - how many parameters does this layer have?")
clarify("how many tokens does a ViT make with 16x16 patches?")
clarify("what's the QK^T cost in MACs for 512 tokens?")
clarify("will my linear RNN have exploding gradients? hidden size is 128 and W_hh is randomly initialized")
clarify("how many weights in a conv layer going to 256 output channels with 5x5 kernels, no bias")
clarify("nn.MaxPool2d(2) - what shape does it output?")
clarify("ConvTranspose2d k4 s2 p1, what size does it produce")
clarify("attention cost (QK^T MACs) for an RGB image split into 8x8 patches?")
clarify("param count of a depthwise 3x3 conv?")
clarify("my 2x2 recurrent matrix has trace 1.6, do the gradients explode or vanish?")


# ---------------------------------------------------------------- write
def dq(s):
    return json.dumps(s, ensure_ascii=False)


n_calc = sum(c["expect"] == "calculation" for c in cases)
n_clar = sum(c["expect"] == "clarify" for c in cases)
assert n_calc == 80, n_calc
assert n_clar == 12, n_clar
assert len({c["q"] for c in cases}) == len(cases), "duplicate question"

lines = ["# train-12 calculation notations: a blind tuning set written from a description of the calculators only"]
for c in cases:
    lines.append("- q: " + dq(c["q"]))
    lines.append("  expect: " + c["expect"])
    if c["expect"] == "calculation":
        lines.append("  contains: [" + ", ".join(dq(x) for x in c["contains"]) + "]")
with open(OUT, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {OUT}: {len(cases)} cases ({n_calc} calculation, {n_clar} clarify)")
