#!/usr/bin/env python3
"""train-22: calculation tuning set for the course tutor.

Written blind: only the course's example exam questions and the API contract
were read. Every expected number is computed here from the formulas and
asserted against a value worked out by hand, then train-22.yaml is written.

Student styles used on purpose: non-native English, terse phone messages,
long rambling messages with context first, formal exam wording, notebook
code quoted verbatim, and irrelevant numbers (batch size, epochs, learning
rate, year, GPU memory, dataset size) placed next to the relevant ones.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set): a tuning set.

    .venv/bin/python eval/train_22_values.py   # rewrites eval/train-22.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
import math
import os

import numpy as np
import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-22.yaml")
HEADER = ("# train-22: calculation tuning set, written blind to the knowledge "
          "base, the code and every other eval set")


# ---------------------------------------------------------------- formulas
def conv(n, k, s=1, p=0, d=1):
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out >= 1, (n, k, s, p, d)
    return out


def same(n, s=1):
    return math.ceil(n / s)


def pool(n, k, s=None, p=0):
    return conv(n, k, k if s is None else s, p)


def tconv(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True, groups=1):
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def depthwise_params(kh, kw, c, bias=True, mult=1):
    return kh * kw * c * mult + (c * mult if bias else 0)


def dense_params(nin, nout, bias=True):
    return nin * nout + (nout if bias else 0)


def spectral_radius(m):
    return float(max(abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def n_patches(H, W, h, w, sh, sw):
    return ((H - h) // sh + 1) * ((W - w) // sw + 1)


def attention(H, W, C, h, w, sh=None, sw=None):
    sh = h if sh is None else sh
    sw = w if sw is None else sw
    P = n_patches(H, W, h, w, sh, sw)
    dim = h * w * C
    return {"P": P, "dim": dim, "dots": P * P, "macs": P * P * dim}


def seq_attention(n, d):
    return {"scores": n * n, "macs": n * n * d}


def metrics(tp, fp, tn, fn):
    def r(a, b):
        return None if b == 0 else a / b
    return {"accuracy": r(tp + tn, tp + tn + fp + fn),
            "precision": r(tp, tp + fp), "recall": r(tp, tp + fn),
            "specificity": r(tn, tn + fp), "f1": r(2 * tp, 2 * tp + fp + fn)}


def counts_from_lists(y_true, y_pred, pos=1):
    tp = sum(t == pos and p == pos for t, p in zip(y_true, y_pred, strict=False))
    fp = sum(t != pos and p == pos for t, p in zip(y_true, y_pred, strict=False))
    tn = sum(t != pos and p != pos for t, p in zip(y_true, y_pred, strict=False))
    fn = sum(t == pos and p != pos for t, p in zip(y_true, y_pred, strict=False))
    return tp, fp, tn, fn


def fmt(x):
    """Integers plain; others rounded to 4 decimals, trailing zeros dropped."""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    x = round(float(x), 4)
    if x == int(x):
        return str(int(x))
    return (f"{x:.4f}").rstrip("0").rstrip(".")


ITEMS = []


def calc(q, computed, hand):
    got = [fmt(v) for v in computed]
    assert got == hand, (q[:70], got, hand)
    ITEMS.append({"q": q, "expect": "calculation", "contains": got})


def clarify(q):
    ITEMS.append({"q": q, "expect": "clarify"})


def idea(q):
    ITEMS.append({"q": q, "expect": "not-calculation"})


# ===================================================== conv / pooling sizes
calc("conv out size?? in 32x32 k5 s1 p0",
     [conv(32, 5)], ["28"])

calc("Hello sir, I have image 224 x 224 and I apply one convolution with "
     "kernel 7, stride 2 and padding 3. Which size is the output please? "
     "My batch size is 64 and I train for 90 epochs.",
     [conv(224, 7, 2, 3)], ["112"])

calc("ok so some context first: I'm re-implementing a ResNet-ish backbone "
     "for my MSc project (due in 2 weeks, panic), and after the stem my "
     "feature map is 112 by 112. The next thing is a max pooling with a 3x3 "
     "window, stride 2 and padding 1. I keep getting confused by the "
     "padding in pooling, so: what spatial size comes out of that pooling "
     "layer? lr is 0.1 with cosine schedule if that matters.",
     [pool(112, 3, 2, 1)], ["56"])

calc("from my notebook:\nconv = nn.Conv2d(3, 16, kernel_size=3, stride=2, "
     "padding=1)\nx = torch.randn(8, 3, 65, 65)\ny = conv(x)\nwhat is "
     "y.shape? I expected 32 but not sure",
     [conv(65, 3, 2, 1)], ["33"])

calc("dilated conv question: input 64x64, kernel 3x3, dilation 2, no "
     "padding, stride 1. output spatial size?",
     [conv(64, 3, 1, 0, 2)], ["60"])

calc("Me and my friend disagree. Input feature map is 50 x 50, we use "
     "conv with 3x3 kernel, dilation rate 4, padding 2 and stride 1. How "
     "big is output? (we have 12 GB GPU, batch 16)",
     [conv(50, 3, 1, 2, 4)], ["46"])

calc("decoder in my notebook:\nup = nn.ConvTranspose2d(64, 16, "
     "kernel_size=4, stride=2, padding=1)\ninput is (4, 64, 16, 16). what "
     "height/width does up(x) give?",
     [tconv(16, 4, 2, 1)], ["32"])

calc("Transposed convolution: input 7x7, kernel 3, stride 2, padding 1, "
     "output_padding 1. Output size?",
     [tconv(7, 3, 2, 1, 1, 1)], ["14"])

calc("pls help, i do deconvolution (transposed conv) on 5x5 map, the "
     "kernel is 5x5 and stride is 3, without padding. what is the size "
     "after?",
     [tconv(5, 5, 3)], ["17"])

calc("keras:\nx = layers.Input(shape=(75, 75, 3))\nx = layers.Conv2D(32, 5, "
     "strides=2, padding='same')(x)\nwhat is the spatial output shape?",
     [same(75, 2)], ["38"])

calc("tf.keras.layers.Conv2D(10, (3, 3), strides=3, padding='valid') "
     "applied to a 100x100x1 input, trained with Adam lr=1e-3 for 20 "
     "epochs. output height and width?",
     [conv(100, 3, 3)], ["33"])

calc("Input image is 120 (height) x 160 (width). Conv layer with 3x3 "
     "kernel, stride 2, no padding. What are output height and width?",
     [conv(120, 3, 2), conv(160, 3, 2)], ["59", "79"])

calc("A convolutional layer with a non-square kernel of height 5 and width "
     "3 is applied to a 28 x 28 input with stride 2 vertically and stride 1 "
     "horizontally and no padding. Give the output dimensions.",
     [conv(28, 5, 2), conv(28, 3, 1)], ["12", "26"])

calc("my tiny net: 36x36 input -> conv 3x3 pad 1 -> maxpool 2x2 -> conv 3x3 "
     "pad 1 -> maxpool 2x2. final spatial size? (50000 train imgs, batch "
     "128)",
     [pool(conv(pool(conv(36, 3, 1, 1), 2), 3, 1, 1), 2)], ["9"])

calc("Long question sorry. For the reading group we are going through the "
     "2012 AlexNet paper and I want to check the shapes by hand. Input is "
     "227x227x3. First layer: conv 11x11, stride 4, no padding. Then max "
     "pool 3x3 stride 2. Then conv 5x5 with padding 2, stride 1. Then "
     "another max pool 3x3 stride 2. The paper trained on 2 GPUs with 3 GB "
     "each for about 90 epochs. What spatial size do I have after the "
     "second pooling?",
     [pool(conv(pool(conv(227, 11, 4), 3, 2), 5, 1, 2), 3, 2)], ["13"])

calc("model = nn.Sequential(\n    nn.Conv2d(1, 32, 3),\n    nn.ReLU(),\n"
     "    nn.Conv2d(32, 64, 3),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n"
     "    nn.Conv2d(64, 64, 3, stride=2),\n)\nfor MNIST 28x28 input, what "
     "is the spatial size at the end?",
     [conv(pool(conv(conv(28, 3), 3), 2), 3, 2)], ["5"])

calc("inp = keras.Input((64, 64, 3))\nx = layers.Conv2D(16, 3, "
     "padding='same')(inp)\nx = layers.MaxPooling2D(2)(x)\nx = "
     "layers.Conv2D(32, 3, strides=2, padding='same')(x)\nx = "
     "layers.Conv2D(64, 3, padding='valid')(x)\nfinal feature map H and W?",
     [conv(same(pool(same(64, 1), 2), 2), 3)], ["14"])

calc("nn.MaxPool2d(kernel_size=3) on a 50x50 feature map, what size comes "
     "out? I did not set the stride",
     [pool(50, 3)], ["16"])

calc("avg pooling 2x2 stride 2 on a 15x15 map -> ?",
     [pool(15, 2, 2)], ["7"])

calc("Consider a convolutional layer receiving an input of spatial size "
     "97 x 97. The layer uses a 7 x 7 kernel, a stride of 3 and zero "
     "padding of 2 on each side. Determine the spatial size of its output.",
     [conv(97, 7, 3, 2)], ["32"])

calc("224 in, conv k3 stride 3 'same' padding (tf) -> out?",
     [same(224, 3)], ["75"])

calc("So in 2023 I got a 24 GB GPU and started playing with segmentation "
     "on 512x512 satellite tiles, dataset is about 8000 tiles. Somebody "
     "suggested atrous convolution so I put a 9x9 kernel with dilation 2 "
     "and stride 2 and no padding at all. What output size do I get from "
     "that layer?",
     [conv(512, 9, 2, 0, 2)], ["248"])

calc("DCGAN generator starts from 4x4x256, then three "
     "ConvTranspose2d layers each with kernel 4, stride 2, padding 1 "
     "(channels 256->128->64->3). what is the final image size?",
     [tconv(tconv(tconv(4, 4, 2, 1), 4, 2, 1), 4, 2, 1)], ["32"])

calc("transposed conv, input 10x10, kernel 3, stride 1, no padding, "
     "dilation 2. output?",
     [tconv(10, 3, 1, 0, 2)], ["14"])

calc("input is 31 x 31 , filter is 4x4 , stride 3 , padding 1 . what is "
     "the output size ? thank you very much",
     [conv(31, 4, 3, 1)], ["10"])

calc("nn.Conv2d(3, 8, kernel_size=(3, 7), padding=(0, 2)) on a 40x60 "
     "image (H x W). output H and W?",
     [conv(40, 3, 1, 0), conv(60, 7, 1, 2)], ["38", "58"])

# ========================================================= parameter counts
calc("how many params in nn.Conv2d(3, 64, kernel_size=3)?",
     [conv_params(3, 3, 3, 64)], ["1792"])

calc("params conv 5x5, 16 in 32 out? w/ bias",
     [conv_params(5, 5, 16, 32)], ["12832"])

calc("layer = nn.Conv2d(128, 256, 3, padding=1, bias=False)\nsum(p.numel() "
     "for p in layer.parameters()) gives what?",
     [conv_params(3, 3, 128, 256, bias=False)], ["294912"])

calc("model.add(Conv2D(32, (5, 5), input_shape=(28, 28, 1))) -> how many "
     "trainable parameters does this layer have? batch_size=256, "
     "epochs=15",
     [conv_params(5, 5, 1, 32)], ["832"])

calc("Depthwise convolution with 3x3 kernel on 64 channels (one filter per "
     "channel), bias included. How many parameters?",
     [depthwise_params(3, 3, 64)], ["640"])

calc("Depthwise separable conv: 3x3 depthwise on 32 input channels, then "
     "1x1 pointwise to 64 output channels, both with bias. Total "
     "parameters?",
     [depthwise_params(3, 3, 32) + conv_params(1, 1, 32, 64)], ["2432"])

calc("nn.Conv2d(64, 128, kernel_size=3, groups=4) how many parameters "
     "including bias?",
     [conv_params(3, 3, 64, 128, groups=4)], ["18560"])

calc("I stack 3 identical conv layers, each 3x3, 64 channels in and 64 "
     "out, with bias. How many parameters in total for the 3 layers?",
     [3 * conv_params(3, 3, 64, 64)], ["110784"])

calc("My small CNN has conv1: 3->32 channels 3x3, conv2: 32->64 channels "
     "3x3, conv3: 64->128 channels 3x3, all with bias. I train it on 10000 "
     "images for 30 epochs at lr 0.01. Total number of conv parameters?",
     [conv_params(3, 3, 3, 32) + conv_params(3, 3, 32, 64)
      + conv_params(3, 3, 64, 128)], ["93248"])

calc("After the last conv block my feature map is 7x7x64, then Flatten() "
     "and Dense(10). How many parameters in that Dense layer?",
     [dense_params(7 * 7 * 64, 10)], ["31370"])

calc("nn.Linear(512, 1000) number of parameters",
     [dense_params(512, 1000)], ["513000"])

calc("hi, a 1x1 convolution that take 256 channel and give 64 channel, "
     "with bias, how much parameter it have?",
     [conv_params(1, 1, 256, 64)], ["16448"])

calc("Compute the number of learnable parameters of a convolutional layer "
     "with a 1 x 7 kernel, 128 input channels and 128 output channels, "
     "bias terms included.",
     [conv_params(1, 7, 128, 128)], ["114816"])

calc("Background: I'm porting the ResNet-50 stem to JAX and I want to "
     "double check my parameter bookkeeping before I launch the 90 epoch "
     "run on ImageNet (1.28M images, batch 256, lr 0.1). The very first "
     "layer is a 7x7 conv, stride 2, padding 3, from 3 RGB channels to 64 "
     "channels, and it has no bias because batch norm follows. How many "
     "weights does that first conv have?",
     [conv_params(7, 7, 3, 64, bias=False)], ["9408"])

calc("model = keras.Sequential([\n    layers.Conv2D(16, 3, "
     "activation='relu', input_shape=(64, 64, 3)),\n    layers.Conv2D(32, "
     "3, activation='relu'),\n])\nhow many trainable params in total "
     "(model.summary)?",
     [conv_params(3, 3, 3, 16) + conv_params(3, 3, 16, 32)], ["5088"])

calc("layers.DepthwiseConv2D(kernel_size=5) on an input with 40 channels, "
     "default depth_multiplier and bias. param count?",
     [depthwise_params(5, 5, 40)], ["1040"])

calc("Input volume is 100 x 100 x 12. One single 5x5 filter sliding over "
     "it, plus its bias: how many numbers must be learned?",
     [conv_params(5, 5, 12, 1)], ["301"])

calc("MLP for MNIST: 784 -> 256 -> 10, both layers with bias. total "
     "params? (I use 60000 train images, 10 epochs)",
     [dense_params(784, 256) + dense_params(256, 10)], ["203530"])

# =================================================== RNN spectral radius
calc("linear RNN, W_h = [[0.3, 0.4], [0.2, 0.1]]. for long sequences does "
     "the gradient vanish or explode?",
     [spectral_radius([[0.3, 0.4], [0.2, 0.1]])], ["0.5"])

calc("W_h = [1 0.5; 0.5 1] (matlab notation), identity activation, "
     "T -> infinity. explode or vanish?",
     [spectral_radius([[1, 0.5], [0.5, 1]])], ["1.5"])

calc("Recurrent matrix of my linear RNN is\n1.2  -0.5\n0.5   1.2\n"
     "trained with seq length 200, batch 32. Will the gradients blow up?",
     [spectral_radius([[1.2, -0.5], [0.5, 1.2]])], ["1.3"])

calc("For a recurrent network with identity activation and recurrent "
     "weight matrix W_h with rows (0.1, 0.6, 0), (0.6, 0.1, 0) and "
     "(0, 0, -0.4), determine whether the gradient vanishes or explodes as "
     "T tends to infinity, and justify.",
     [spectral_radius([[0.1, 0.6, 0], [0.6, 0.1, 0], [0, 0, -0.4]])],
     ["0.7"])

calc("W = np.array([[0.0, 1.0], [-0.5, 1.0]])\nthis is W_h of a linear "
     "rnn, vanishing or exploding?",
     [spectral_radius([[0, 1], [-0.5, 1]])], ["0.7071"])

calc("Wh = \\begin{pmatrix} 0.8 & 0.4 \\\\ 0.4 & 0.8 \\end{pmatrix}, "
     "linear activation. what happen to gradient for very long sequence?",
     [spectral_radius([[0.8, 0.4], [0.4, 0.8]])], ["1.2"])

calc("my prof gave W_h = [[-1.1, 0.2], [0.9, 0.1]] in the 2022 exam, "
     "identity activation. explode or vanish??",
     [spectral_radius([[-1.1, 0.2], [0.9, 0.1]])], ["1.2348"])

calc("Some context: I'm training a small linear RNN (no nonlinearity, "
     "hidden size 3) on sensor data sampled at 100 Hz, sequences of 5000 "
     "steps, and the loss goes weird after a few epochs. My recurrent "
     "weights are W_h = \\begin{bmatrix} 0.4 & 0 & 0.5 \\\\ 0 & -0.2 & 0 "
     "\\\\ 0.5 & 0 & 0.4 \\end{bmatrix}. Is the gradient going to vanish "
     "or explode here?",
     [spectral_radius([[0.4, 0, 0.5], [0, -0.2, 0], [0.5, 0, 0.4]])],
     ["0.9"])

# ============================================================ attention
a = attention(32, 32, 3, 4, 4)
assert (a["P"], a["dim"], a["dots"]) == (64, 48, 4096)
calc("ViT on CIFAR: 32x32x3 images cut into non-overlapping 4x4 patches. "
     "single head, identity projections. how many multiply-adds for QK^T?",
     [a["P"], a["macs"]], ["64", "196608"])

a = attention(224, 224, 3, 16, 16)
calc("self-attention over 224x224x3 image with 16x16 patches, "
     "non-overlapping (stride 16). Number of patches and number of "
     "multiply-adds in the dot products? batch 64, 300 epochs",
     [a["P"], a["macs"]], ["196", "29503488"])

a = attention(10, 10, 1, 3, 3, 1, 1)
calc("Image 10x10 with 1 channel. Patches 3x3, overlapping with stride 1, "
     "no padding. How many patches and how many dot products for "
     "self-attention?",
     [a["P"], a["dots"]], ["64", "4096"])

a = attention(28, 28, 1, 4, 4, 2, 2)
assert (a["P"], a["dim"], a["dots"]) == (169, 16, 28561)
calc("mnist 28x28x1, patches 4x4 with stride 2 (so they overlap), single "
     "head attention with identity W_q W_k. cost of QK^T in MACs?",
     [a["P"], a["macs"]], ["169", "456976"])

a = attention(48, 80, 3, 8, 8)
calc("Images are 48 high and 80 wide with 3 channels, split into "
     "non-overlapping 8x8 patches. How many tokens, and how many "
     "multiply-accumulates does computing all pairwise dot products take?",
     [a["P"], a["macs"]], ["60", "691200"])

s = seq_attention(512, 64)
calc("seq len 512, d=64, one head. how many attention scores + MACs for "
     "Q K^T?",
     [s["scores"], s["macs"]], ["262144", "16777216"])

s = seq_attention(100, 768)
calc("For a sentence of 100 tokens with embedding dimension 768, how many "
     "multiply-adds are needed for the QK^T product in one attention head "
     "(identity projections)? Vocabulary is 30000 words.",
     [s["macs"]], ["7680000"])

a = attention(20, 30, 2, 5, 10)
calc("input 20x30x2 (HxWxC), non overlapping patches of 5x10 (h x w). "
     "self-attention dot products, how many and total MACs?",
     [a["dots"], a["macs"]], ["144", "14400"])

a = attention(16, 16, 8, 4, 4, 2, 2)
calc("An input of size 16 x 16 x 8 is divided into 4 x 4 x 8 patches "
     "taken with stride 2 and no padding. With a single attention head "
     "and identity projection matrices, compute the number of patches and "
     "the number of multiply-add operations required for the dot-product "
     "scores.",
     [a["P"], a["macs"]], ["49", "307328"])

s = seq_attention(1024, 128)
calc("Bit of a ramble: I'm writing a tiny GPT for my thesis, context "
     "length 1024 tokens, head dimension 128, trained on 2 billion tokens "
     "on an A100 with 40 GB. For ONE head with the projections ignored, how "
     "many multiply-adds does the Q K^T score matrix cost per sequence?",
     [s["macs"]], ["134217728"])

# ============================================================== metrics
m = metrics(tp=45, fp=5, tn=40, fn=10)
calc("TP=45, FP=5, TN=40, FN=10. give me accuracy, precision, recall, "
     "specificity and F1",
     [m["accuracy"], m["precision"], m["recall"], m["specificity"],
      m["f1"]], ["0.85", "0.9", "0.8182", "0.8889", "0.8571"])

m = metrics(tp=30, fp=10, tn=140, fn=20)
calc("tp 30 fp 10 fn 20 tn 140 precision recall?",
     [m["precision"], m["recall"]], ["0.75", "0.6"])

m = metrics(tp=70, fp=20, tn=880, fn=30)
calc("Confusion matrix (rows = actual, columns = predicted):\n"
     "| | pred positive | pred negative |\n"
     "| actual positive | 70 | 30 |\n"
     "| actual negative | 20 | 880 |\n"
     "Compute accuracy and F1.",
     [m["accuracy"], m["f1"]], ["0.95", "0.7368"])

m = metrics(tp=40, fp=20, tn=130, fn=10)
calc("My spam filter was tested on 200 emails, 50 of them are really "
     "spam. The filter flagged 60 emails as spam and 40 of those flagged "
     "ones really were spam. What are its precision and recall?",
     [m["precision"], m["recall"]], ["0.6667", "0.8"])

y_true = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
y_pred = [1, 0, 0, 1, 0, 1, 1, 0, 1, 1]
assert counts_from_lists(y_true, y_pred) == (4, 2, 3, 1)
m = metrics(*counts_from_lists(y_true, y_pred))
calc("y_true = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]\ny_pred = [1, 0, 0, 1, 0, "
     "1, 1, 0, 1, 1]\npositive class is 1. accuracy, precision, recall, "
     "F1?",
     [m["accuracy"], m["precision"], m["recall"], m["f1"]],
     ["0.7", "0.6667", "0.8", "0.7273"])

m = metrics(tp=80, fp=100, tn=900, fn=20)
calc("In my medical test the true negative is 900, false positive is 100, "
     "true positive is 80 and false negative is 20. Please what is the "
     "specificity and the sensitivity?",
     [m["specificity"], m["recall"]], ["0.9", "0.8"])

m = metrics(tp=0, fp=0, tn=95, fn=5)
assert m["precision"] is None
calc("classifier predicts everything negative: TP=0, FP=0, TN=95, FN=5. "
     "accuracy and specificity?",
     [m["accuracy"], m["specificity"]], ["0.95", "1"])

m = metrics(tp=120, fp=50, tn=300, fn=30)
calc("A binary classifier is evaluated on 500 test samples, giving "
     "TP = 120, FN = 30, FP = 50 and TN = 300. Compute its precision, "
     "recall and F1 score.",
     [m["precision"], m["recall"], m["f1"]], ["0.7059", "0.8", "0.75"])

m = metrics(tp=512, fp=64, tn=9296, fn=128)
calc("Long story: I fine-tuned a ResNet-18 (11M params) on 60000 training "
     "images with batch size 128, lr 3e-4, 12 epochs, on my laptop GPU with "
     "8 GB. On the 10000 test images I count TP = 512, FP = 64, FN = 128 "
     "and TN = 9296. My supervisor only cares about F1, what is it?",
     [m["f1"]], ["0.8421"])

m = metrics(tp=35, fp=10, tn=50, fn=5)
calc("sklearn confusion_matrix(y_true, y_pred) printed\n[[50 10]\n [ 5 "
     "35]]\nlabels [0, 1], rows are true and columns predicted, positive "
     "class is 1. what is precision and recall?",
     [m["precision"], m["recall"]], ["0.7778", "0.875"])

m = metrics(tp=88, fp=25, tn=75, fn=12)
calc("FN=12 TP=88 TN=75 FP=25 f1?",
     [m["f1"]], ["0.8263"])

m = metrics(tp=15, fp=10, tn=970, fn=5)
calc("Fraud model check: out of 1000 transactions, 20 were actually "
     "fraudulent. The model flagged 25 transactions, and 15 of the flagged "
     "ones were real fraud. Accuracy, precision and recall please.",
     [m["accuracy"], m["precision"], m["recall"]],
     ["0.985", "0.6", "0.75"])

m = metrics(tp=42, fp=6, tn=44, fn=8)
calc("cat vs dog, cat is the positive class.\n"
     "actual cat: predicted cat 42, predicted dog 8\n"
     "actual dog: predicted cat 6, predicted dog 44\n"
     "specificity and accuracy?",
     [m["specificity"], m["accuracy"]], ["0.88", "0.86"])

m = metrics(tp=7, fp=3, tn=85, fn=5)
calc("true positive 7, false positive 3, true negative 85, false negative "
     "5, what is recall and specificity of this",
     [m["recall"], m["specificity"]], ["0.5833", "0.9659"])

# ============================================================== clarify
clarify("output size of a conv with kernel 3, stride 2, padding 1?")
clarify("input 64x64, stride 2, padding 1, batch 32 -> what is the output "
        "size of the conv layer?")
clarify("how many parameters has a conv layer with 3x3 kernels and 64 "
        "filters, bias included?")
clarify("Params of a Conv2d with 32 input channels and 64 output channels "
        "please, trained for 50 epochs")
clarify("precision = ? we have TP=40 and FN=10")
clarify("my model got 30 true positives and 50 true negatives on the test "
        "set, what is the accuracy?")
clarify("Is the gradient going to explode for my linear RNN? W_h is a 3x3 "
        "matrix, sequence length 1000, hidden size 3.")
clarify("self-attention on a 64x64x3 image split into overlapping patches "
        "with stride 2. how many dot products?")
clarify("How many multiply-adds does QK^T need for one head with embedding "
        "dimension 512? batch size is 16.")
clarify("ConvTranspose2d on a 16x16 input, stride 2, padding 1, what size "
        "comes out?")
clarify("maxpool on a 55x55 feature map with stride 2, output size?")
clarify("Flatten of a 7x7 feature map followed by Dense(10). How many "
        "params does the Dense layer have?")
clarify("Stack: 128x128 input, conv 5x5 stride 1 no padding, then a "
        "pooling layer, then conv 3x3 no padding. Final spatial size?")
clarify("we have 90 true positives, what is the recall? (dataset of 2000 "
        "images)")
clarify("depthwise separable conv with 3x3 depthwise on 32 input channels, "
        "how many parameters in total with bias?")

# ======================================================= not-calculation
idea("why do people use 3x3 kernels everywhere instead of 7x7 ones? VGG "
     "from 2014 only uses 3x3")
idea("What is the point of a 1x1 convolution? it only sees 1 pixel, so "
     "why is it useful in networks like GoogLeNet?")
idea("If the largest eigenvalue of W_h is bigger than 1, why does that "
     "make the gradient explode? I want the intuition, not a number.")
idea("difference between downsampling with stride 2 conv and with 2x2 max "
     "pooling? which one is better?")
idea("Conceptually, why is self-attention quadratic in sequence length? "
     "My model with 4096 tokens runs out of 16 GB memory and I want to "
     "understand the reason.")
idea("My classifier gets 99% accuracy but only 1% of the data is "
     "positive. Why is accuracy a misleading metric in this case?")
idea("why does precision usually go down when I lower the decision "
     "threshold from 0.5 to 0.3?")
idea("Why does padding 1 with a 3x3 kernel keep the spatial size the same? "
     "I want to understand the idea, not plug numbers.")
idea("Explain why initialising W_h as an orthonormal matrix (all "
     "|eigenvalues| = 1) does not fully prevent vanishing gradients when "
     "the activation is tanh.")
idea("why do transformers need positional encoding? my model already has "
     "8 heads and 6 layers")
idea("Why does a dilation of 2 enlarge the receptive field without adding "
     "any parameters?")
idea("Why is F1 the harmonic mean of precision and recall and not the "
     "normal average? e.g. with precision 0.9 and recall 0.1 the average "
     "looks fine but F1 does not.")
idea("we use truncated BPTT with 35 steps in the language model lab. why "
     "does truncation help against exploding gradients?")
idea("Why do transposed convolutions with kernel 3 and stride 2 give "
     "checkerboard artifacts in generated images?")
idea("why does the number of parameters of a 3x3 conv layer not depend "
     "on the image being 256x256 or 1024x1024?")
idea("my GAN trained 200 epochs on MNIST and it only generates the digit "
     "1. what is mode collapse and why does it happen?")
idea("Is the attention matrix symmetric? say for 10 tokens, is a_ij equal "
     "to a_ji in general?")
idea("revision question from a 2021 past paper: what do we gain from "
     "putting 2x2 max pooling layers between the conv layers of a CNN?")
idea("why max pooling gives some translation invariance? if i shift the "
     "image by 1 pixel the output is same?")
idea("Why would a GRU help with vanishing gradients on sequences of 500 "
     "steps compared to a vanilla RNN?")


# ================================================================= output
def yq(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + s + '"'


def main():
    lines = [HEADER]
    for it in ITEMS:
        lines.append("- q: " + yq(it["q"]))
        lines.append("  expect: " + it["expect"])
        if it["expect"] == "calculation":
            lines.append("  contains: [" + ", ".join(yq(c) for c in
                                                     it["contains"]) + "]")
    with open(OUT_YAML, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    with open(OUT_YAML, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert [d["q"] for d in data] == [it["q"] for it in ITEMS]
    assert len({d["q"] for d in data}) == len(data), "duplicate question"
    kinds = {}
    for d in data:
        kinds[d["expect"]] = kinds.get(d["expect"], 0) + 1
    print("items:", len(data), kinds)
    for d in data:
        if d["expect"] == "calculation":
            for c in d["contains"]:
                if c in d["q"]:
                    print("note: expected", c, "also appears in q:",
                          d["q"][:60].replace("\n", " "))


if __name__ == "__main__":
    main()
