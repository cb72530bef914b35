#!/usr/bin/env python3
"""eval/train-14.yaml, a TUNING set of layer stacks (layers in turn, the final size asked).

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the calculators.

Each calculation question carries the layers as intended (C = conv, P = pooling,
S = TF/Keras "same" padding), the input size (H, W), which sizes to report, and a
hand-worked answer that the computed sizes are asserted against.

Formulas:
  out = floor((n + 2p - d(k-1) - 1) / s) + 1   (s=1, p=0, d=1 by default)
  pooling stride defaults to its kernel size
  "same" padding: ceil(n / s)
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "train-14.yaml")


def pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def axis(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


class C:
    """Conv (or any layer with explicit stride): kernel, stride=1, pad=0, dilation=1."""

    def __init__(self, k, s=1, p=0, d=1):
        self.k, self.s, self.p, self.d = pair(k), pair(s), pair(p), pair(d)

    def __call__(self, hw):
        return tuple(axis(n, k, s, p, d) for n, k, s, p, d in zip(hw, self.k, self.s, self.p, self.d, strict=True))


class P(C):
    """Pooling: stride defaults to the kernel size."""

    def __init__(self, k, s=None, p=0):
        super().__init__(k, k if s is None else s, p, 1)


class S:
    """TF/Keras padding='same': ceil(n / s)."""

    def __init__(self, s=1):
        self.s = pair(s)

    def __call__(self, hw):
        return tuple(-(-n // s) for n, s in zip(hw, self.s, strict=True))


def trace(inp, layers):
    hw = pair(inp)
    sizes = []
    for layer in layers:
        hw = layer(hw)
        sizes.append(hw)
    return sizes


def fmt(hw):
    h, w = hw
    return [str(h)] if h == w else [str(h), str(w)]


# (message, input, layers, report, hand)
#   report: list of layer indices whose output goes in `contains` (-1 = final);
#   hand:   the same sizes worked out by hand, as (H, W) or int.
CALC = [
    ("Input is 224x224. conv k7 s2 p3 -> maxpool 3x3 s2 p1. What is the spatial size after the conv and after the pool?",
     224, [C(7, 2, 3), P(3, 2, 1)], [0, -1], [112, 56]),

    ("i have a 32x32 image, conv 5x5 no padding then maxpool 2x2 then conv 5x5 then maxpool 2x2. final size?",
     32, [C(5), P(2), C(5), P(2)], [-1], [5]),

    ("For LeNet-5 on a 32x32 input: C1 is a 5x5 conv with 6 filters, S2 is 2x2 average pooling with stride 2, C3 is a 5x5 conv with 16 filters, S4 is 2x2 average pooling with stride 2. What is the spatial size of the feature maps going into C5?",
     32, [C(5), P(2, 2), C(5), P(2, 2)], [-1], [5]),

    ("AlexNet's first layers on a 227x227x3 input: conv 11x11 stride 4 with 96 filters, maxpool 3x3 stride 2, conv 5x5 pad 2 with 256 filters, maxpool 3x3 stride 2. What's the size after conv1, and what's the final size?",
     227, [C(11, 4), P(3, 2), C(5, 1, 2), P(3, 2)], [0, -1], [55, 13]),

    ("VGG16 has 5 blocks, each one is convs 3x3 with pad 1 (two or three of them) then a 2x2 maxpool with stride 2. Starting from 224x224, what's the spatial size after the fifth block?",
     224, [C(3, 1, 1), C(3, 1, 1), P(2)] * 2 + [C(3, 1, 1), C(3, 1, 1), C(3, 1, 1), P(2)] * 3, [-1], [7]),

    ("What shape comes out of this?\n\nmodel = nn.Sequential(\n    nn.Conv2d(3, 16, kernel_size=3, padding=1),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n    nn.Conv2d(16, 32, kernel_size=3),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n)\nx = torch.randn(8, 3, 64, 64)\nout = model(x)",
     64, [C(3, 1, 1), P(2), C(3), P(2)], [-1], [15]),

    ("What is the output shape right before Flatten?\n\nmodel = Sequential([\n    Conv2D(32, (3,3), activation='relu', input_shape=(28,28,1)),\n    MaxPooling2D((2,2)),\n    Conv2D(64, (3,3), activation='relu'),\n    MaxPooling2D((2,2)),\n])",
     28, [C(3), P(2), C(3), P(2)], [-1], [5]),

    ("model.add(Conv2D(32, 3, strides=2, padding='same', input_shape=(100, 100, 3)))\nmodel.add(Conv2D(64, 3, strides=2, padding='same'))\nmodel.add(Conv2D(128, 3, strides=2, padding='same'))\n\nwhat's the height/width of the last layer's output?",
     100, [S(2), S(2), S(2)], [-1], [13]),

    ("My input is 64x128 (height x width). I apply conv 3x3 pad 1, then maxpool 2x2, then conv 3x3 pad 1, then maxpool 2x2. What's the output size?",
     (64, 128), [C(3, 1, 1), P(2), C(3, 1, 1), P(2)], [-1], [(16, 32)]),

    ("32x32 input, first a 3x3 conv with dilation 2 and no padding, then a 3x3 conv with dilation 4 and no padding. Size after each?",
     32, [C(3, 1, 0, 2), C(3, 1, 0, 4)], [0, -1], [28, 20]),

    ("Input is 56x56. Three 3x3 convs with padding 1, then a 3x3 conv with stride 2 and padding 1. What's the final feature map size?",
     56, [C(3, 1, 1)] * 3 + [C(3, 2, 1)], [-1], [28]),

    ("2x (conv3x3 s1 p0) -> maxpool2, input 48x48. output?",
     48, [C(3), C(3), P(2)], [-1], [22]),

    ("Input 96x96. Conv 5x5 stride 1 pad 0, then average pooling 2x2 stride 2, then conv 3x3 stride 1 pad 0, then average pooling 3x3 stride 3. What's the final spatial size?",
     96, [C(5), P(2, 2), C(3), P(3, 3)], [-1], [14]),

    ("I have a 28x28x192 feature map. I apply a 1x1 conv with 64 filters, then a 3x3 conv with padding 1, then a 3x3 max pool with stride 2. What's the spatial size at the end?",
     28, [C(1), C(3, 1, 1), P(3, 2)], [-1], [13]),

    ("x = torch.randn(1, 3, 32, 32)\nnet = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.MaxPool2d(3), nn.Conv2d(8, 16, 3))\nwhat's net(x).shape? I didn't give the maxpool a stride",
     32, [C(3, 1, 1), P(3), C(3)], [-1], [8]),

    ("inputs = Input(shape=(81, 81, 3))\nx = Conv2D(16, 3, padding='same')(inputs)\nx = MaxPooling2D(3)(x)\nx = Conv2D(32, 3, padding='same')(x)\nx = MaxPooling2D(3)(x)\n\nWhat's the spatial shape of x at the end?",
     81, [S(1), P(3), S(1), P(3)], [-1], [9]),

    ("For a ResNet stem on a 480x640 image (H x W): 7x7 conv stride 2 padding 3, followed by 3x3 max pool stride 2 padding 1. What's the output height and width?",
     (480, 640), [C(7, 2, 3), P(3, 2, 1)], [-1], [(120, 160)]),

    ("wat is the otput size if i do conv 3x3 stride 2 no pad on 129x129 then again conv 3x3 stride 2 no pad",
     129, [C(3, 2), C(3, 2)], [-1], [31]),

    ("Input: 1x150x150 grayscale\n1. conv 5x5, stride 1, padding 2\n2. max pool 2x2\n3. conv 5x5, stride 1, padding 0\n4. max pool 2x2\n5. conv 3x3, stride 1, padding 1\nWhat's the size after each layer? Especially after layer 3 and at the end.",
     150, [C(5, 1, 2), P(2), C(5), P(2), C(3, 1, 1)], [2, -1], [71, 35]),

    ("input 64x64 -> conv k3 d2 p2 -> conv k3 d4 p4 -> conv k3 d8 p8 -> maxpool 2x2. final size?",
     64, [C(3, 1, 2, 2), C(3, 1, 4, 4), C(3, 1, 8, 8), P(2)], [-1], [32]),

    ("My DCGAN discriminator takes 64x64 images and has four conv layers, each 4x4 kernel, stride 2, padding 1. What spatial size comes out of the last one?",
     64, [C(4, 2, 1)] * 4, [-1], [4]),

    ("small question: a 7x7 feature map goes through conv 3x3 s2 p1, then another conv 3x3 s2 p1. what size do i end with?",
     7, [C(3, 2, 1), C(3, 2, 1)], [-1], [2]),

    ("inputs = Input(shape=(128, 64, 3))\nx = Conv2D(32, (5,5), strides=(2,2))(inputs)\nx = MaxPooling2D((2,2))(x)\nx = Conv2D(64, (3,3))(x)\nWhat are the height and width of x?",
     (128, 64), [C(5, 2), P(2), C(3)], [-1], [(29, 13)]),

    ("Input is 40x100. First nn.Conv2d(1, 8, kernel_size=(3, 7), padding=(1, 3)), then nn.MaxPool2d((2, 4)). What's the output H and W?",
     (40, 100), [C((3, 7), 1, (1, 3)), P((2, 4))], [-1], [(20, 25)]),

    ("torchvision's AlexNet features on a 224x224 input: conv 11x11 stride 4 pad 2 -> maxpool 3 stride 2 -> conv 5x5 pad 2 -> maxpool 3 stride 2 -> three conv 3x3 pad 1 -> maxpool 3 stride 2. What's the spatial size at the end of features?",
     224, [C(11, 4, 2), P(3, 2), C(5, 1, 2), P(3, 2)] + [C(3, 1, 1)] * 3 + [P(3, 2)], [-1], [6]),

    ("GoogLeNet stem on 224x224: conv 7x7 stride 2 pad 3, maxpool 3x3 stride 2 pad 1, conv 1x1, conv 3x3 pad 1, maxpool 3x3 stride 2 pad 1. What's the size going into the first inception block?",
     224, [C(7, 2, 3), P(3, 2, 1), C(1), C(3, 1, 1), P(3, 2, 1)], [-1], [28]),

    ("28x28 -> conv3 -> conv3 -> pool2 -> conv3 -> conv3 -> pool2 ? no padding anywhere",
     28, [C(3), C(3), P(2), C(3), C(3), P(2)], [-1], [4]),

    ("Input 17x17. Average pool 3x3 stride 1 pad 1, then a 1x1 conv, then average pool 3x3 stride 2 with no padding. Output size?",
     17, [P(3, 1, 1), C(1), P(3, 2)], [-1], [8]),

    ("In the Inception-v3 stem a 299x299 input goes through a 3x3 conv with stride 2 and no padding, followed by a 3x3 conv with stride 1 (no padding), followed by a 3x3 conv with padding 1, followed by a 3x3 max pool with stride 2. What size comes out?",
     299, [C(3, 2), C(3), C(3, 1, 1), P(3, 2)], [-1], [73]),

    ("net = nn.Sequential(\n  nn.Conv2d(1, 8, 3, stride=1, padding=0, dilation=2),\n  nn.Conv2d(8, 16, 3, stride=2, padding=1),\n  nn.AvgPool2d(2),\n)\ninput of shape (1, 1, 50, 50). output spatial size?",
     50, [C(3, 1, 0, 2), C(3, 2, 1), P(2)], [-1], [11]),

    ("Keras, Input(shape=(90, 160, 3)), then Conv2D(16, 3, strides=2, padding='same'), Conv2D(32, 3, strides=2, padding='same'), MaxPooling2D(2). What is the final height x width?",
     (90, 160), [S(2), S(2), P(2)], [-1], [(11, 20)]),

    ("U-Net contracting path, input 572x572: each step is two unpadded 3x3 convs then 2x2 maxpool stride 2, done 4 times, then two more unpadded 3x3 convs at the bottom. What's the size after the first maxpool, and at the very bottom?",
     572, [C(3), C(3), P(2)] * 4 + [C(3), C(3)], [2, -1], [284, 28]),

    ("inpt 227x227x3 , conv1 11x11 stride 4 no pading , pool 3x3 stride 2, whats the size after pool",
     227, [C(11, 4), P(3, 2)], [-1], [27]),

    ("cifar 32x32, [conv3x3 p1 x2 -> maxpool2] x3. final size?",
     32, [C(3, 1, 1), C(3, 1, 1), P(2)] * 3, [-1], [4]),

    ("MobileNet start on 224x224: conv 3x3 stride 2 pad 1, then depthwise 3x3 stride 1 pad 1, pointwise 1x1, then depthwise 3x3 stride 2 pad 1, pointwise 1x1. What's the spatial size after all that?",
     224, [C(3, 2, 1), C(3, 1, 1), C(1), C(3, 2, 1), C(1)], [-1], [56]),

    ("spectrogram input 32x256 (freq x time). conv 3x3 pad 1, nn.MaxPool2d((2, 4)), conv 3x3 pad 1, nn.MaxPool2d((2, 4)). what shape at the end?",
     (32, 256), [C(3, 1, 1), P((2, 4)), C(3, 1, 1), P((2, 4))], [-1], [(8, 16)]),

    ("56x56 input, maxpool 3x3 stride 2 (no pad), then conv 3x3 pad 1, then avgpool 3x3 stride 2. final?",
     56, [P(3, 2), C(3, 1, 1), P(3, 2)], [-1], [13]),

    ("model = Sequential()\nmodel.add(Conv2D(8, 3, padding='same', input_shape=(25, 25, 1)))\nmodel.add(MaxPooling2D(2, padding='same'))\nmodel.add(Conv2D(16, 3, padding='same'))\nmodel.add(MaxPooling2D(2))\nWhat is the output shape of the last layer?",
     25, [S(1), S(2), S(1), P(2)], [-1], [6]),

    ("x = torch.randn(4, 3, 96, 128)\nmodel = nn.Sequential(\n    nn.Conv2d(3, 32, 5, stride=2, padding=2),\n    nn.MaxPool2d(2, 2),\n    nn.Conv2d(32, 64, 3, padding=1),\n    nn.MaxPool2d(2),\n)\nWhat's model(x).shape?",
     (96, 128), [C(5, 2, 2), P(2, 2), C(3, 1, 1), P(2)], [-1], [(12, 16)]),

    ("In a ResNet downsampling block the input is 56x56. A 1x1 conv with stride 2 (no padding) is followed by a 3x3 conv with padding 1. What's the output size?",
     56, [C(1, 2), C(3, 1, 1)], [-1], [28]),

    ("k3s1p0 -> k3s1p0 -> maxpool k2s2 -> k3s1p0 -> maxpool k2s2, input 64. final spatial?",
     64, [C(3), C(3), P(2, 2), C(3), P(2, 2)], [-1], [14]),

    ("input 100x100, conv k5 dilation 3 no padding, then conv k3 dilation 2 stride 2 no padding. output size??",
     100, [C(5, 1, 0, 3), C(3, 2, 0, 2)], [-1], [42]),

    ("Input 31x31. conv 4x4 stride 3 pad 1, then conv 3x3 stride 3 pad 0. What are the sizes after each?",
     31, [C(4, 3, 1), C(3, 3)], [0, -1], [10, 3]),

    ("64x48 image (H x W), a 5x5 conv with no padding then avg pool 2x2 twice. whats the final size",
     (64, 48), [C(5), P(2), P(2)], [-1], [(15, 11)]),

    ("ZFNet on 224x224: conv1 is 7x7 stride 2 pad 1, then 3x3 max pool stride 2 pad 1. Size after conv1 and after the pool?",
     224, [C(7, 2, 1), P(3, 2, 1)], [0, -1], [110, 55]),

    ("inputs = Input(shape=(64, 64, 3))\nx = Conv2D(32, 3, padding='same')(inputs)\nx = Conv2D(32, 3, padding='same')(x)\nx = MaxPooling2D()(x)\nx = Conv2D(64, 3)(x)\nx = MaxPooling2D()(x)\nwhat's the spatial size here?",
     64, [S(1), S(1), P(2), C(3), P(2)], [-1], [15]),

    ("If I stack 10 conv layers, each 3x3 with no padding and stride 1, on a 32x32 input, what's the output size?",
     32, [C(3)] * 10, [-1], [12]),

    ("one block = conv 3x3 stride 2 pad 1 followed by maxpool 2x2. input 224, i repeat the block 3 times. final size?",
     224, [C(3, 2, 1), P(2)] * 3, [-1], [3]),

    ("SqueezeNet-style start on 224x224: conv 7x7 stride 2 with no padding, then maxpool 3x3 stride 2, then a 1x1 conv and a 3x3 conv with pad 1, then maxpool 3x3 stride 2. What's the final spatial size?",
     224, [C(7, 2), P(3, 2), C(1), C(3, 1, 1), P(3, 2)], [-1], [26]),

    ("input 48x80 -> conv 3x3 dilation 2 padding 2 -> conv 3x3 stride 2 padding 1 -> maxpool 2. H and W at the end?",
     (48, 80), [C(3, 1, 2, 2), C(3, 2, 1), P(2)], [-1], [(12, 20)]),
]

CLARIFY = [
    "If I stack conv 3x3 pad 1, maxpool 2x2, conv 3x3 pad 1, maxpool 2x2, what's the output size?",
    "nn.Sequential(nn.Conv2d(3, 16, 5), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.MaxPool2d(2)) - what spatial size comes out the end?",
    "input 64x64, conv stride 2 pad 1, then maxpool 2x2. final size?",
    "keras: Conv2D(32, 3) -> MaxPooling2D(2) -> Conv2D(64, 3). what spatial dims do i get before flatten",
    "i have 128x128 images, first layer is a conv with 32 filters stride 2 no padding, then a 3x3 conv. size after both?",
    "What do I get after three 3x3 convs with stride 2 and padding 1 in a row?",
    "Input 100x100. Layers:\n1) conv 5x5 s1 p0\n2) conv with 64 filters, stride 2, no padding\n3) conv 3x3 p1\nWhat's the final size?",
    "model.add(Conv2D(16, kernel_size=3, activation='relu'))\nmodel.add(MaxPooling2D(2))\nmodel.add(Conv2D(32, kernel_size=3))\nhow big is the feature map at the end?",
    "x = torch.randn(1, 3, 32, 32) goes through nn.Conv2d(3, 8, stride=2, padding=1) then nn.MaxPool2d(2). size after?",
    "after conv(k=3,s=1,p=0) -> conv(k=3,s=2,p=1) -> avgpool(2) how many pixels wide is the output?",
]


def main():
    assert len(CALC) == 50, len(CALC)
    assert len(CLARIFY) == 10, len(CLARIFY)
    lines = ["# train-14: layer stacks, a blind tuning set written from a description of the calculators only"]
    for i, (q, inp, layers, report, hand) in enumerate(CALC, 1):
        sizes = trace(inp, layers)
        got = [sizes[j] for j in report]
        want = [pair(h) for h in hand]
        assert got == want, (i, q[:60], got, want, sizes)
        contains = []
        for hw in got:
            for s in fmt(hw):
                if s not in contains:
                    contains.append(s)
        print(f"{i:2d} in={pair(inp)} -> " + " ".join(f"{h}x{w}" for h, w in sizes) + f"  contains={contains}")
        lines.append(f"- q: {json.dumps(q)}")
        lines.append("  expect: calculation")
        lines.append(f"  contains: {json.dumps(contains)}")
    for q in CLARIFY:
        lines.append(f"- q: {json.dumps(q)}")
        lines.append("  expect: clarify")
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(CALC)} calculation + {len(CLARIFY)} clarify")


if __name__ == "__main__":
    main()
