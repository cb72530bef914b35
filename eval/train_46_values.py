"""train-46: the expected numbers of its 100 calculations, worked out independently, and a
check that train-46.yaml holds them, case by case, in order.

Written on 2026-12-04 by a helper who read only the seed and API_CONTRACT.md (neither the
knowledge base, the code, nor any evaluation set): a tuning set, taken as written.

    .venv/bin/python eval/train_46_values.py   # recomputes the values and checks train-46.yaml
"""
# ruff: noqa: E501, E702, E731, B905
import math
import os
import sys

import numpy as np
import yaml


# ---------- helpers ----------
def conv_out(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def same_out(n, s):  # TensorFlow "same"
    return math.ceil(n / s)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


def linear_params(i, o, bias=True):
    return i * o + (o if bias else 0)


def rnn_params(x, h, gates=1, biases=1):
    return gates * (h * x + h * h + biases * h)


def lstm_params(x, h, biases=1):
    return rnn_params(x, h, 4, biases)


def gru_params(x, h, biases=1):
    return rnn_params(x, h, 3, biases)


def radius(m):
    return float(np.max(np.abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def verdict(r, tol=1e-9):
    return "stable" if abs(r - 1) < tol else ("explode" if r > 1 else "vanish")


def attention(H, W, C, ph, pw=None, sh=1, sw=None):
    pw = ph if pw is None else pw
    sw = sh if sw is None else sw
    P = ((H - ph) // sh + 1) * ((W - pw) // sw + 1)
    dim = ph * pw * C
    return P, P * P, P * P * dim


def metrics(tp, fp, tn, fn):
    div = lambda a, b: None if b == 0 else a / b
    prec, rec = div(tp, tp + fp), div(tp, tp + fn)
    return dict(
        accuracy=(tp + tn) / (tp + fp + tn + fn),
        precision=prec,
        recall=rec,
        specificity=div(tn, tn + fp),
        f1=div(2 * tp, 2 * tp + fp + fn),
    )


def r4(x):
    return str(round(x, 4))


def sz(h, w=None):
    return f"{h} \\times {h if w is None else w}"


# ---------- expected values, in YAML order ----------
E = []
add = E.append

# conv output sizes
n = conv_out(128, 5, 2, 0); add([sz(n)])
add([sz(conv_out(64, 3, 2, 1))])
add([sz(conv_out(32, 3, 1, 0))])
add([sz(conv_out(56, 3, 1, 2, 2))])
add([sz(conv_out(100, 5), conv_out(60, 3))])
add([sz(conv_out(224, 7, 2, 3))])
add([sz(conv_out(33, 5, 2, 2), conv_out(27, 3, 2, 1))])
assert conv_out(33, 5, 2, 2) == 33 // 2 + 1 and conv_out(27, 3, 2, 1) == 27 // 2 + 1  # seed A1 formula
add([sz(conv_out(40, 3, 1, 1)), sz(conv_out(40, 3, 2, 1))])
add([sz(conv_out(96, 4, 2, 1))])
add([sz(same_out(75, 2))])
add([sz(conv_out(100, 5, 3, 0))])
add([sz(conv_out(227, 11, 4, 0)), str(conv_params(11, 11, 3, 96))])
add([sz(conv_out(65, 3, 2, 0, 4))])
add([sz(conv_out(48, 3, 2, 0), conv_out(80, 3, 2, 1))])
add([sz(conv_out(15, 1, 2))])
add([sz(conv_out(28, 7))])
add([sz(conv_out(199, 5, 3, 2))])
add([sz(conv_out(254, 6, 4, 1))])
add([sz(conv_out(300, 7, 2, 3))])
# pooling (same formula)
add([sz(conv_out(37, 2, 2))])
add([sz(conv_out(55, 3, 2))])
add([sz(conv_out(112, 3, 2, 1))])
add([sz(conv_out(30, 4, 4))])
add([sz(conv_out(10, 3, 1))])
# transposed
add([sz(tconv_out(16, 4, 2, 1))])
add([sz(tconv_out(7, 3, 2, 1, op=1))])
n = tconv_out(1, 4, 1, 0)
for _ in range(3):
    n = tconv_out(n, 4, 2, 1)
add([sz(n)])
add([sz(tconv_out(10, 5, 3, 2))])
add([sz(tconv_out(30, 3, 1, 0))])
add([sz(tconv_out(14, 2, 2), tconv_out(20, 2, 2))])
add([sz(tconv_out(5, 3, 2, 0, 2, 0))])
# stacks / flatten
n = conv_out(conv_out(conv_out(conv_out(32, 5), 2, 2), 5), 2, 2); add([str(n * n * 16)])
n = 64
for _ in range(3):
    n = conv_out(conv_out(n, 3, 1, 1), 2, 2)
add([str(n * n * 128)])
n = conv_out(conv_out(conv_out(conv_out(28, 5), 2, 2), 5), 2, 2); add([str(n * n * 20)])
add([sz(conv_out(conv_out(224, 3, 2, 1), 3, 2, 1))])
n = 224
for _ in range(5):
    n = conv_out(conv_out(n, 3, 1, 1), 2, 2)
add([str(n * n * 512)])
add([sz(conv_out(conv_out(256, 7, 2, 3), 3, 2, 1))])
n = conv_out(conv_out(conv_out(100, 3, 1, 0), 3, 2, 0), 3, 2, 0); add([str(n * n * 32)])
n = 64
for d in (1, 2, 4):
    n = conv_out(n, 3, 1, 0, d)
add([sz(n)])
b = conv_out(conv_out(32, 4, 2, 1), 4, 2, 1)
add([sz(b), sz(tconv_out(tconv_out(b, 4, 2, 1), 4, 2, 1))])
h = conv_out(conv_out(conv_out(conv_out(120, 5), 2, 2), 3), 2, 2)
w = conv_out(conv_out(conv_out(conv_out(160, 5), 2, 2), 3), 2, 2)
add([str(h * w * 32)])
# conv params
add([str(conv_params(3, 3, 32, 1))])
add([str(conv_params(5, 5, 64, 1))])
add([str(conv_params(3, 3, 3, 64))])
add([str(conv_params(3, 3, 64, 128, False))])
add([str(conv_params(5, 5, 32, 64))])
add([str(conv_params(1, 1, 256, 64))])
add([str(conv_params(3, 1, 128, 128))])
add([str(conv_params(5, 5, 64, 64, False)), str(2 * conv_params(3, 3, 64, 64, False))])
add([str(conv_params(7, 7, 3, 64, False))])
add([str(conv_params(3, 3, 16, 16, False)), str(conv_params(3, 3, 16, 16))])
add([str(conv_params(5, 5, 1, 6))])
# linear / models
add([str(linear_params(400, 120) + linear_params(120, 84) + linear_params(84, 10))])
add([str(linear_params(784, 256) + linear_params(256, 128) + linear_params(128, 10))])
add([str(linear_params(7 * 7 * 512, 4096))])
n = conv_out(conv_out(conv_out(conv_out(28, 3, 1, 1), 2, 2), 3, 1, 1), 2, 2)
add([str(conv_params(3, 3, 1, 8) + conv_params(3, 3, 8, 16) + linear_params(n * n * 16, 10))])
n = conv_out(conv_out(conv_out(conv_out(32, 5), 2, 2), 5), 2, 2)
add([str(conv_params(5, 5, 1, 6) + conv_params(5, 5, 6, 16) + linear_params(n * n * 16, 120)
         + linear_params(120, 84) + linear_params(84, 10))])
add([str(linear_params(512, 1000, False))])
# recurrent
add([str(rnn_params(10, 20))])
add([str(lstm_params(100, 128))])
add([str(gru_params(50, 64))])
add([str(lstm_params(32, 64, biases=2))])
add([str(lstm_params(16, 32)), str(lstm_params(16, 32) + linear_params(32, 1))])
add([str(rnn_params(8, 16) + rnn_params(16, 16))])
add([str(gru_params(10, 20, biases=2))])
# eigen
SEED = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]
r = radius(SEED); assert verdict(r) == "explode" and abs(r - 1.15) < 0.01; add([r4(r)])
r = radius([[0.7, 0.2], [0.1, 0.6]]); assert verdict(r) == "vanish"; add([r4(r)])
r = radius([[1.0, 0.5], [0.5, 1.0]]); assert verdict(r) == "explode"; add([r4(r)])
add([verdict(radius([[0.6, -0.8], [0.8, 0.6]]))])
r = radius([[1.2, -0.5], [0.5, 1.2]]); assert verdict(r) == "explode"; add([r4(r)])
r = radius(np.diag([0.3, -0.7, 0.5])); assert verdict(r) == "vanish"; add([r4(r)])
add([verdict(radius([[0.5, 0.5], [0.5, 0.5]]))])
r = radius([[0.9, 0.4], [0.4, 0.3]]); assert verdict(r) == "explode"; add([r4(r)])
r = radius([[-1.5, 0], [0, 0.2]]); assert verdict(r) == "explode"; add([r4(r)])
r = radius([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.1, 0.6, 0.4]]); assert verdict(r) == "vanish"; add([r4(r)])
r = radius([[1.05]]); assert verdict(r) == "explode"; add([r4(r)])
r = radius([[0, 1], [-1.44, 0]]); assert verdict(r) == "explode"; add([r4(r)])
# attention
P, D, M = attention(8, 8, 3, 3); assert P == 36; add([str(D), str(M)])
P, D, M = attention(224, 224, 3, 16, sh=16); assert P == 196; add([str(D), str(M)])
P, D, M = attention(224, 224, 3, 14, sh=14); add([str(P), str(D), str(M)])
P, D, M = attention(384, 384, 3, 32, sh=32); add([str(P), str(D), str(M)])
n, d = 512, 64; add([str(n * n), str(n * n * d)])
add([str(1024 ** 2), str(2048 ** 2)])
P, D, M = attention(32, 32, 3, 4, sh=2); add([str(P), str(D), str(M)])
P, D, M = attention(64, 128, 3, 16, sh=16); assert P == 32; add([str(D), str(M)])
P, D, M = attention(16, 16, 1, 4, sh=1); add([str(P), str(D), str(M)])
P, D, M = attention(96, 96, 3, 8, sh=8); add([str(P), str(D), str(M)])
P, D, M = attention(28, 28, 1, 7, sh=7); assert P == 16; add([str(D), str(M)])
# metrics
m = metrics(tp=45, fp=30, tn=920, fn=5); add([r4(m["accuracy"]), r4(m["specificity"]), r4(m["f1"])])
m = metrics(tp=35, fp=10, tn=50, fn=5); add([r4(m["precision"]), r4(m["recall"]), r4(m["f1"])])
m = metrics(tp=50, fp=20, tn=900, fn=30); add([r4(m["precision"]), r4(m["recall"]), r4(m["f1"])])
m = metrics(tp=80, fn=20, fp=10, tn=90); add([r4(m["precision"]), r4(m["f1"])])
m = metrics(tp=170, fn=30, fp=24, tn=776); add([r4(m["accuracy"]), r4(m["precision"]), r4(m["f1"])])
m = metrics(tp=0, fp=0, fn=7, tn=93); assert m["precision"] is None and m["recall"] == 0; add([r4(m["accuracy"])])
m = metrics(tp=800, fn=200, fp=4000, tn=1_000_000 - 1000 - 4000)
add([r4(m["accuracy"]), r4(m["precision"]), r4(m["f1"])])
m = metrics(tp=42, fp=8, fn=12, tn=138); add([r4(m["f1"]), r4(m["recall"])])
m = metrics(tn=70, fp=30, fn=15, tp=85); add([r4(m["accuracy"]), r4(m["precision"]), r4(m["f1"])])
m = metrics(tp=120, fn=15, fp=8, tn=857); add([r4(m["specificity"]), r4(m["recall"])])
tp, fp, fn = 45, 60 - 45, 75 - 45
m = metrics(tp=tp, fp=fp, fn=fn, tn=500 - tp - fp - fn)
add([r4(m["precision"]), r4(m["specificity"]), r4(m["f1"])])
a = metrics(tp=40, fp=10, fn=20, tn=130); b = metrics(tp=50, fp=30, fn=10, tn=110)
assert a["f1"] > b["f1"]; add([r4(a["f1"]), r4(b["f1"])])


# ---------- check against the YAML ----------
def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-46.yaml")
    cases = yaml.safe_load(open(path, encoding="utf-8"))
    calcs = [c for c in cases if c["expect"] == "calculation"]
    counts = {k: sum(c["expect"] == k for c in cases) for k in ("calculation", "not-calculation", "clarify")}
    assert counts == {"calculation": 100, "not-calculation": 20, "clarify": 20}, counts
    assert len(E) == len(calcs) == 100, (len(E), len(calcs))
    bad = 0
    for i, (c, exp) in enumerate(zip(calcs, E), 1):
        if c.get("contains") != exp:
            bad += 1
            print(f"MISMATCH case {i}: yaml={c.get('contains')} computed={exp}\n  q={c['q'][:100]}")
    for c in cases:
        if c["expect"] != "calculation":
            assert "contains" not in c, c
    if bad:
        sys.exit(f"{bad} mismatches")
    print("OK: 100 calculations match; 20 not-calculation; 20 clarify")


if __name__ == "__main__":
    main()
