"""Independent recomputation of every `contains` string of every
`expect: calculation` item in train-57.yaml, in file order.

Written by helper session 57 from /work/shared/API_CONTRACT.md and
/work/shared/seed/000_1dd97005a3e8f371.txt only.  Every number below is
recomputed from the textbook formulas (numpy only for eigenvalues); nothing is
copied from the YAML.  Run:  python3 train_57_values.py
"""
import math
import os
import sys

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
YAML_PATH = os.path.join(HERE, "train-57.yaml")

# The tutor prints a size as LaTeX "H \times W" (one backslash in the reply;
# written "H \\times W" inside YAML double quotes).
TIMES = " \\times "


# ---------------------------------------------------------------- formatting
def sz(h, w=None):
    w = h if w is None else w
    return f"{h}{TIMES}{w}"


def ratio(x):
    """str(round(x, 4)), but exactly 1 -> "1" and exactly 0 -> "0"."""
    if x == 1:
        return "1"
    if x == 0:
        return "0"
    # guard: no value in this set may sit on a rounding boundary or round to 1/0
    scaled = x * 10 ** 4
    assert abs(scaled - math.floor(scaled) - 0.5) > 1e-3, x
    r = round(x, 4)
    assert r not in (0.0, 1.0), x
    return str(r)


def radius_str(M):
    ev = np.linalg.eigvals(np.array(M, dtype=float))
    r = float(np.max(np.abs(ev)))
    scaled = r * 100
    assert abs(scaled - math.floor(scaled) - 0.5) > 1e-3, r   # not a .xx5 tie
    s = f"{r:.2f}"
    assert not s.endswith("0"), s          # "1.10" vs "1.1" would be ambiguous
    assert abs(r - 1) > 1e-6, r            # no "stable" cases here
    return s


# ---------------------------------------------------------------- conv sizes
def conv(n, k, s=1, p=0, d=1):
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out > 0
    return out


def same(n, s):
    return -(-n // s)  # ceil(n / s)


def tconv(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


# ---------------------------------------------------------------- params
def conv_p(k, cin, cout, bias=True, groups=1):
    kh, kw = (k, k) if isinstance(k, int) else k
    assert cin % groups == 0 and cout % groups == 0
    return kh * kw * (cin // groups) * cout + (cout if bias else 0)


def lin(i, o, bias=True):
    return i * o + (o if bias else 0)


def rnn_cell(i, h, gates):
    # PyTorch: W_ih (gates*h x i), W_hh (gates*h x h), b_ih and b_hh
    return gates * (h * (i + h) + 2 * h)


def stacked(i, h, layers, gates):
    total = 0
    for layer in range(layers):
        total += rnn_cell(i if layer == 0 else h, h, gates)
    return total


def lstm(i, h, layers=1):
    return stacked(i, h, layers, 4)


def gru(i, h, layers=1):
    return stacked(i, h, layers, 3)


def rnn(i, h, layers=1):
    return stacked(i, h, layers, 1)


# ---------------------------------------------------------------- attention
def patches(H, W, h, w, sh=1, sw=1):
    return ((H - h) // sh + 1) * ((W - w) // sw + 1)


def att(H, W, C, h, w=None, stride=1):
    """[num_patches, P^2, P^2 * h*w*C] as strings."""
    w = h if w is None else w
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    P = patches(H, W, h, w, sh, sw)
    return [str(P), str(P * P), str(P * P * h * w * C)]


def seq(n, d):
    return str(n * n * d)


# ---------------------------------------------------------------- metrics
def metrics(tp, fp, tn, fn):
    tot = tp + fp + tn + fn
    m = {"acc": (tp + tn) / tot}
    m["prec"] = tp / (tp + fp) if tp + fp else None
    m["rec"] = tp / (tp + fn) if tp + fn else None
    m["spec"] = tn / (tn + fp) if tn + fp else None
    m["f1"] = 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else None
    return m


def met(tp, fp, tn, fn, *keys):
    m = metrics(tp, fp, tn, fn)
    return [ratio(m[k]) for k in keys]


# ======================================================== expected, in order
E = []

# ---- (1) conv / pool / transposed output sizes -------------------------------
E.append([sz(conv(224, 3, 1, 1))])                                   # Conv2d(3,64,3,1,1) @224
E.append([sz(conv(32, 5))])                                          # torch.Size([1,3,32,32]) Conv2d(3,16,5)
E.append([sz(conv(57, 3, 2, 1))])                                    # k3 s2 p1 @57
E.append([sz(conv(28, 5))])                                          # words: 28x28, 5x5, no pad
E.append([sz(same(75, 2))])                                          # Keras same, s2 @75
E.append([sz(conv(75, 3, 2, 0))])                                    # Keras valid k3 s2 @75
E.append([sz(conv(32, 3, 1, 1, 2))])                                 # dilation 2, p1 @32
E.append([sz(conv(480, 7, 2, 3), conv(640, 7, 2, 3))])               # (4,3,480,640) k7 s2 p3
E.append([sz(conv(55, 3, 2))])                                       # MaxPool2d(3, stride=2) @55
E.append([sz(conv(227, 11, 4))])                                     # AlexNet conv1
h = conv(32, 3, 1, 1); h = conv(h, 2, 2); h14 = conv(h, 3); h7 = conv(h14, 2, 2)
E.append([sz(h7), sz(h14)])                                          # small stack @32
E.append([sz(tconv(16, 4, 2, 1))])                                   # ConvTranspose2d(64,32,4,2,1) @16
E.append([sz(tconv(7, 3, 2, 1, op=1))])                              # ConvT k3 s2 p1 op1 @7
E.append([sz(tconv(10, 3, 3))])                                      # ConvT k3 s3 @10
E.append([sz(conv(100, 5, 3, 2))])                                   # LaTeX n=100 k=5 s=3 p=2
E.append([sz(conv(129, 3, 2, 1))])                                   # hw 129 k3 s2 p1
a = conv(224, 3, 2, 1); b = conv(a, 3, 2, 1); c = conv(b, 3, 2, 1)
E.append([sz(c), sz(b)])                                             # 3x (k3 s2 p1) @224
E.append([sz(conv(17, 5, 1, 2))])                                    # typo 5x5 s1 p2 @17
E.append([sz(same(50, 4), same(70, 4))])                             # same s4 @50x70
E.append([sz(conv(15, 2, 2))])                                       # AvgPool2d(2,2) @15
E.append([sz(conv(28, 2, 2))])                                       # MaxPool2d(2) (stride defaults to k) @28
E.append([sz(conv(20, 3, 2, 1), conv(30, 5, 2, 2))])                 # k(3,5) s2 p(1,2) @20x30
E.append([sz(conv(96, 5, 2))])                                       # 96, k5 s2 p0
E.append([sz(conv(64, 3, 1, 0, 3))])                                 # dilation 3 @64
u = tconv(28, 2, 2); v = conv(u, 3)
E.append([sz(u), sz(v)])                                             # ConvT(2,2) then conv3 @28
s1 = conv(224, 7, 2, 3); s2 = conv(s1, 3, 2, 1); s3 = conv(s2, 3, 1, 1)
E.append([sz(s3), sz(s1)])                                           # ResNet stem table

# ---- (2) parameter counts -----------------------------------------------------
E.append([str(conv_p(3, 32, 1, bias=False)), str(conv_p(3, 32, 1))])  # seed-like single filter
E.append([str(conv_p(3, 3, 64))])                                    # Conv2d(3,64,3)
E.append([str(conv_p(3, 64, 128, bias=False))])                      # Conv2d(64,128,3,bias=False)
E.append([str(conv_p(5, 1, 32))])                                    # Keras Conv2D(32,(5,5)) on 28x28x1
E.append([str(lin(784, 256))])                                       # Linear(784,256)
E.append([str(lin(784, 256) + lin(256, 10))])                        # 784-256-10
E.append([str(lin(784, 512) + lin(512, 256) + lin(256, 10))])        # 784-512-256-10
E.append([str(conv_p(3, 32, 32, groups=32))])                        # depthwise 32
E.append([str(conv_p(3, 64, 128, groups=4))])                        # groups=4
E.append([str(conv_p(3, 64, 64, groups=64) + conv_p(1, 64, 128)),
          str(conv_p(3, 64, 128))])                                  # dw-sep vs standard
E.append([str(conv_p(3, 32, 32, bias=False, groups=32) + conv_p(1, 32, 64, bias=False))])
E.append([str(lstm(10, 20))])                                        # nn.LSTM(10,20)
E.append([str(lstm(128, 256, 2))])                                   # nn.LSTM(128,256,2)
E.append([str(gru(50, 100))])                                        # nn.GRU(50,100)
E.append([str(rnn(8, 16))])                                          # nn.RNN(8,16)
E.append([str(lstm(300, 128) + lin(128, 5))])                        # LSTM(300,128)+Linear(128,5)
E.append([str(conv_p(3, 1, 32) + conv_p(3, 32, 64) + lin(1600, 10))])  # small CNN
E.append([str(conv_p(5, 1, 6) + conv_p(5, 6, 16) + lin(400, 120) + lin(120, 84) + lin(84, 10))])  # LeNet
E.append([str(conv_p(1, 256, 64))])                                  # 1x1 conv 256->64
E.append([str(conv_p((1, 7), 16, 32))])                              # kernel (1,7)
E.append([str(gru(32, 64, 2))])                                      # GRU 2 layers
E.append([str(rnn(64, 128))])                                        # RNN 64->128
E.append([str(lin(7 * 7 * 64, 10))])                                 # Flatten(7,7,64)->Dense(10)
E.append([str(lin(1024, 512))])                                      # W in R^{512x1024} + b
E.append([str(conv_p(11, 3, 96))])                                   # AlexNet conv1
E.append([str(lstm(100, 200)), str(gru(100, 200))])                  # LSTM vs GRU

# ---- (3) spectral radius ---------------------------------------------------------
E.append([radius_str([[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]])])
E.append([radius_str([[0.9, 0.25], [0.1, 0.8]])])
E.append([radius_str([[0.5, -0.8], [0.8, 0.5]])])
E.append([radius_str([[1.05, 0], [0, 0.3]])])
E.append([radius_str([[0.6, 2.0], [0, 0.85]])])
E.append([radius_str([[1.03]])])
E.append([radius_str([[1.1, 0.4], [-0.4, 0.2]])])
E.append([radius_str([[0.2, 0.5, 0.1], [0.4, 0.3, 0.6], [0.1, 0.7, 0.2]])])
E.append([radius_str([[0, 1.3], [0.9, 0]])])
E.append([radius_str([[0, -0.77], [0.77, 0]])])
E.append([radius_str([[0.52, 0.31], [0.31, 0.52]])])
E.append([radius_str([[0.1, 0.4, -0.3, 0.2], [0.5, 0.2, 0.1, -0.4],
                      [-0.2, 0.3, 0.6, 0.1], [0.3, -0.1, 0.2, 0.5]])])
E.append([radius_str([[-1.25, 0.1], [0.05, 0.3]])])
E.append([radius_str([[0.3, 0.2, 0.0], [0.1, 0.5, 0.3], [0.4, 0.0, 0.6]])])
E.append([radius_str([[0.8, 0.3], [-0.5, 0.9]])])
E.append([radius_str([[0.3, -1.15], [0.9, 0.4]])])
E.append([radius_str([[0.9, 0.4], [0, 0.95]])])
E.append([radius_str(0.99 * np.eye(3))])
E.append([radius_str([[1.01, 5], [0, 0.2]])])
E.append([radius_str([[0, 0, 1.15], [1.15, 0, 0], [0, 1.15, 0]])])
E.append([radius_str([[0.5, 0.3, 0.2], [0.3, 0.4, 0.1], [0.2, 0.1, 0.6]])])
E.append([radius_str([[0.4, 1.5, -2], [0, -0.93, 0.7], [0, 0, 0.6]])])
E.append([radius_str([[0.7, 0.62], [0.62, 0.7]])])
E.append([radius_str([[0.25, -0.6], [0.45, 0.25]])])
E.append([radius_str([[1.2, -0.5, 0.3], [0.4, 0.9, -0.2], [-0.1, 0.3, 0.8]])])
E.append([radius_str([[0.92, 0.06], [0.06, 0.92]])])

# ---- (4) attention cost -----------------------------------------------------------
E.append(att(32, 32, 3, 4))                                          # stride 1
E.append(att(224, 224, 3, 16, stride=16))                            # ViT-B/16
E.append([seq(512, 64)])
E.append([seq(1024, 768)])
E.append(att(28, 28, 1, 7, stride=7))
E.append(att(28, 28, 1, 7))
E.append(att(64, 48, 3, 8))
E.append(att(96, 64, 3, 16, 8, stride=(16, 8)))
E.append(att(32, 32, 3, 4, stride=4))
E.append(att(16, 16, 8, 3))
E.append(att(64, 64, 3, 8, stride=8))
E.append([seq(128, 64)])
E.append([att(32, 32, 3, 8)[1], att(32, 32, 3, 8, stride=8)[1]])     # stride 1 vs non-overlap
E.append(att(20, 20, 1, 5)[1:])
E.append(att(224, 224, 3, 14, stride=14)[1:])                        # ViT-L/14
E.append(att(384, 384, 3, 16, stride=16))
E.append([seq(4096, 128)])
E.append(att(10, 10, 3, 2))
E.append(att(48, 48, 3, 6, stride=6))                                # (8,3,48,48), batch ignored
E.append(att(28, 28, 1, 4, stride=4))
E.append([seq(256, 512)])
E.append(att(12, 12, 16, 3))
E.append(att(64, 64, 3, 5))
E.append([seq(50, 300)])
E.append(att(128, 256, 3, 16, stride=16))
E.append(att(40, 40, 3, 4))

# ---- (5) classification metrics ---------------------------------------------------
E.append(met(180, 20, 760, 40, "prec", "rec", "f1"))                 # spam story
E.append(met(45, 15, 135, 5, "prec", "rec", "f1"))                   # table
E.append(met(90, 50, 850, 10, "rec", "spec", "prec"))                # medical story
E.append(met(35, 10, 50, 5, "acc", "prec", "rec"))                   # sklearn [[TN,FP],[FN,TP]]
E.append(met(30, 0, 60, 10, "prec", "rec", "f1"))                    # precision exactly 1
E.append(met(30, 10, 9940, 20, "acc", "prec", "rec"))                # fraud
E.append(met(0, 0, 95, 5, "acc"))                                    # all-negative model
E.append(met(120, 30, 830, 20, "prec", "rec", "f1"))                 # LaTeX
E.append(met(80, 20, 90, 10, "acc", "rec", "f1"))                    # words
E.append(met(62, 11, 109, 18, "prec", "rec", "spec"))                # pasted table
E.append(met(100, 10, 170, 20, "prec", "rec", "f1"))                 # dog detector
E.append(met(7, 3, 9, 1, "prec", "rec"))                             # typos
E.append(met(40, 50, 450, 60, "spec", "acc"))                        # specificity
E.append(met(25, 5, 55, 15, "f1"))                                   # F1 only
E.append(met(70, 20, 80, 30, "acc", "prec", "f1"))                   # [[TP,FN],[FP,TN]]
E.append(met(85, 15, 875, 25, "f1", "acc"))                          # second language
E.append(met(40, 20, 140, 0, "rec", "prec", "spec"))                 # recall exactly 1
E.append(met(180, 90, 1710, 20, "rec", "spec", "prec"))              # covid story
E.append(met(12, 4, 82, 2, "acc"))                                   # slack quick one
E.append(met(430, 70, 380, 120, "acc", "rec", "f1"))
E.append(met(33, 12, 148, 7, "acc", "spec", "f1"))                   # homework all five
E.append(met(0, 8, 80, 12, "acc", "spec"))                           # TP = 0
E.append(met(9500, 500, 88500, 1500, "acc", "rec", "f1"))
E.append(met(28, 12, 918, 42, "prec", "rec", "f1"))                  # retrieval story
E.append(met(64, 16, 104, 16, "acc", "spec"))
E.append(met(136, 24, 326, 14, "prec", "rec", "f1"))                 # cats story


# ======================================================== compare with the YAML
def main():
    with open(YAML_PATH, encoding="utf-8") as fh:
        items = yaml.safe_load(fh)
    assert isinstance(items, list), "top level must be a list"
    for it in items:
        assert set(it) <= {"q", "expect", "contains"}, it
        assert isinstance(it["q"], str) and it["q"].strip(), it
        assert it["expect"] in ("calculation", "clarify", "not-calculation"), it
        if it["expect"] == "calculation":
            c = it.get("contains")
            assert isinstance(c, list) and 1 <= len(c) <= 3, it
            assert all(isinstance(x, str) for x in c), it
        else:
            assert "contains" not in it, it
    calc = [it for it in items if it["expect"] == "calculation"]
    if "--print" in sys.argv:
        for i, e in enumerate(E):
            print(i, e)
    assert len(calc) == len(E), (len(calc), len(E))
    bad = 0
    for i, (it, exp) in enumerate(zip(calc, E)):
        if it["contains"] != exp:
            bad += 1
            print(f"MISMATCH calc item #{i}: yaml={it['contains']} computed={exp}\n   q={it['q'][:90]!r}")
    assert bad == 0, f"{bad} mismatches"
    counts = {}
    for it in items:
        counts[it["expect"]] = counts.get(it["expect"], 0) + 1
    print(f"OK: {len(calc)} calculation items match; totals by expect: {counts}")


if __name__ == "__main__":
    main()
