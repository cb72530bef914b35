"""Independent check of every expected value in train-42.yaml.

Written on 2026-12-04 by a helper who read only the seed and API_CONTRACT.md (neither the
knowledge base, the code, nor any evaluation set): a tuning set, taken as written.

    .venv/bin/python eval/train_42_values.py   # recomputes the values and checks train-42.yaml

Each of the 90 calculation cases (in file order) gets its expected contains
strings recomputed here from the formulas; the script fails if any differ.
"""
import math
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------- formulas
def conv_out(n, k, s=1, p=0, d=1):
    """PyTorch Conv2d / MaxPool2d: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    out = (n + 2 * p - d * (k - 1) - 1) // s + 1
    assert out > 0
    return out


def same_out(n, s):
    """TensorFlow padding='same': ceil(n / s)."""
    return math.ceil(n / s)


def valid_out(n, k, s=1):
    """TensorFlow padding='valid'."""
    return (n - k) // s + 1


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    """PyTorch ConvTranspose2d: (n-1)s - 2p + d(k-1) + output_padding + 1."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_params(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


def linear_params(fin, fout, bias=True):
    return fin * fout + (fout if bias else 0)


def spectral_radius(m):
    return float(max(abs(np.linalg.eigvals(np.array(m, dtype=float)))))


def verdict(m, tol=1e-9):
    r = spectral_radius(m)
    return "explode" if r > 1 + tol else "vanish" if r < 1 - tol else "stable"


def n_patches(h, w, ph, pw, sh, sw):
    return ((h - ph) // sh + 1) * ((w - pw) // sw + 1)


def attention(h, w, c, ph, pw, sh, sw):
    p = n_patches(h, w, ph, pw, sh, sw)
    dim = ph * pw * c
    return {"P": p, "dim": dim, "dots": p * p, "macs": p * p * dim}


def metrics(tp, fp, tn, fn):
    def div(a, b):
        return None if b == 0 else a / b
    prec, rec = div(tp, tp + fp), div(tp, tp + fn)
    return {
        "acc": (tp + tn) / (tp + fp + tn + fn),
        "prec": prec,
        "rec": rec,
        "spec": div(tn, tn + fp),
        "f1": div(2 * tp, 2 * tp + fp + fn),
    }


def r4(x):
    """Ratio formatted as Python's round(x, 4) prints it."""
    return str(round(x, 4))


def size(h, w=None):
    return f"{h} \\times {h if w is None else w}"


def sq(n):
    return size(n, n)


# ---------------------------------------------------------------- expected, in case order
E = []
add = E.append

# conv / pooling output sizes
add([sq(conv_out(224, 3, 2, 1))])                                   # 1  -> 112
add([sq(same_out(64, 2))])                                          # 2  -> 32
add([sq(conv_out(32, 3, 2, 1))])                                    # 3  -> 16
add([sq(conv_out(28, 5, 1, 0))])                                    # 4  -> 24
add([sq(conv_out(55, 2, 2))])                                       # 5  -> 27
add([sq(conv_out(227, 11, 4, 0))])                                  # 6  -> 55
add([sq(conv_out(112, 3, 2, 1))])                                   # 7  -> 56
add([sq(conv_out(56, 3, 1, 2, 2))])                                 # 8  -> 56
add([sq(conv_out(50, 3, 1, 0, 4))])                                 # 9  -> 42
add([size(conv_out(7, 3, 2, 1), conv_out(9, 5, 2, 2))])             # 10 -> 4 x 5
add([sq(valid_out(65, 3, 2))])                                      # 11 -> 32
add([sq(same_out(100, 3))])                                         # 12 -> 34
add([sq(conv_out(256, 7, 2, 3))])                                   # 13 -> 128
add([sq(conv_out(30, 4, 4))])                                       # 14 -> 7
n = 32
for _ in range(3):
    n = conv_out(n, 3)
add([sq(n)])                                                        # 15 -> 26
add([sq(conv_out(conv_out(28, 5), 2, 2))])                          # 16 -> 12
n = conv_out(conv_out(conv_out(conv_out(32, 5), 2, 2), 5), 2, 2)
add([sq(n)])                                                        # 17 -> 5
add([sq(conv_out(15, 4, 3, 0))])                                    # 18 -> 4
add([sq(conv_out(13, 3, 2, 0, 2))])                                 # 19 -> 5
add([size(conv_out(16, 3, 1, 1), conv_out(40, 5, 2, 2))])           # 20 -> 16 x 20
add([str(conv_out(200, 7, 3, 1))])                                  # 21 -> 66
n = 81
for _ in range(3):
    n = conv_out(n, 3, 3)
add([sq(n)])                                                        # 22 -> 3
add([sq(conv_out(33, 1, 2))])                                       # 23 -> 17
add([sq(same_out(75, 2))])                                          # 24 -> 38
add([sq(valid_out(45, 2, 2))])                                      # 25 -> 22

# transposed convs
add([sq(tconv_out(16, 4, 2, 1))])                                   # 26 -> 32
add([sq(tconv_out(7, 3, 2, 1, op=1))])                              # 27 -> 14
add([sq(tconv_out(8, 3, 2))])                                       # 28 -> 17
add([sq(tconv_out(10, 5, 3, 2))])                                   # 29 -> 28
add([sq(tconv_out(4, 2, 2, 0))])                                    # 30 -> 8
add([sq(tconv_out(20, 3, 1, 1, d=2))])                              # 31 -> 22
add([sq(tconv_out(1, 4, 1, 0))])                                    # 32 -> 4

# parameter counts
add([str(conv_params(5, 5, 16, 1))])                                # 33 -> 401
add([str(conv_params(3, 3, 3, 64))])                                # 34 -> 1792
add([str(conv_params(5, 5, 1, 32))])                                # 35 -> 832
add([str(conv_params(3, 3, 64, 128, bias=False))])                  # 36 -> 73728
add([str(conv_params(1, 1, 256, 64))])                              # 37 -> 16448
add([str(linear_params(512, 10))])                                  # 38 -> 5130
add([str(linear_params(784, 100))])                                 # 39 -> 78500
add([str(conv_params(3, 3, 16, 32, bias=False))])                   # 40 -> 4608
add([str(conv_params(7, 7, 3, 64, bias=False))])                    # 41 -> 9408
add([str(conv_params(3, 3, 3, 10, bias=False))])                    # 42 -> 270
add([str(conv_params(5, 5, 1, 6))])                                 # 43 -> 156
add([str(conv_params(5, 5, 6, 16))])                                # 44 -> 2416
add([str(conv_params(3, 3, 32, 32))])                               # 45 -> 9248
add([str(linear_params(120, 84))])                                  # 46 -> 10164
add([str(linear_params(64, 1))])                                    # 47 -> 65
add([str(linear_params(4096, 4096, bias=False))])                   # 48 -> 16777216
add([str(conv_params(1, 7, 128, 192))])                             # 49 -> 172224
add([str(conv_params(3, 3, 64, 64))])                               # 50 -> 36928

# small stacks
n = conv_out(conv_out(conv_out(conv_out(32, 3, 1, 1), 2, 2), 3, 1, 1), 2, 2)
feat = n * n * 32
add([str(feat)])                                                    # 51 -> 2048
add([str(conv_params(3, 3, 3, 16) + conv_params(3, 3, 16, 32)
         + linear_params(feat, 10))])                               # 52 -> 25578
n = conv_out(conv_out(conv_out(conv_out(32, 5), 2, 2), 5), 2, 2)
add([str(n * n * 16)])                                              # 53 -> 400
add([str(conv_params(3, 3, 3, 8) + conv_params(3, 3, 8, 16))])      # 54 -> 1392
n = valid_out(valid_out(valid_out(valid_out(28, 3), 2, 2), 3), 2, 2)
add([str(n * n * 64)])                                              # 55 -> 1600
add([str(linear_params(784, 256) + linear_params(256, 10))])        # 56 -> 203530
add([sq(conv_out(conv_out(64, 5), 5))])                             # 57 -> 56
n = conv_out(conv_out(64, 3, 2, 1), 3, 2, 1)
add([str(n * n * 64)])                                              # 58 -> 16384
add([str(conv_params(3, 3, 64, 128) + conv_params(3, 3, 128, 128))])  # 59 -> 221440

# RNN spectral radius (identity activation)
SEED = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]
add([r4(spectral_radius(SEED)), verdict(SEED)])                     # 60 -> 1.1512 explode
add([r4(spectral_radius([[0.5, 0.2], [0.1, 0.4]]))])                # 61 -> 0.6
add([verdict([[1.2, 0], [0, 0.5]])])                                # 62 -> explode
add([r4(spectral_radius([[0.9, 0.5], [-0.5, 0.9]]))])               # 63 -> 1.0296
add([verdict([[2, 1], [1, 2]])])                                    # 64 -> explode
add([r4(spectral_radius([[0.3, -0.7], [0.7, 0.3]]))])               # 65 -> 0.7616
add([r4(spectral_radius([[0.5, 0.1, 0], [0, 0.7, 0.2], [0, 0, 0.95]]))])  # 66 -> 0.95
add([r4(spectral_radius([[1.1, 0.3], [0.2, 0.4]]))])                # 67 -> 1.1772
add([r4(spectral_radius([[0.25, 0.5], [0.5, 0.25]]))])              # 68 -> 0.75
add([r4(spectral_radius([[-1.4, 0.3], [0.2, 0.5]]))])               # 69 -> 1.4311

# attention / patches
add([str(n_patches(224, 224, 16, 16, 16, 16))])                     # 70 -> 196
a = attention(32, 32, 3, 4, 4, 4, 4)
add([str(a["P"]), str(a["macs"])])                                  # 71 -> 64, 196608
a = attention(8, 8, 1, 3, 3, 1, 1)
add([str(a["P"]), str(a["dots"])])                                  # 72 -> 36, 1296
add([str(196 * 196)])                                               # 73 -> 38416
a = attention(28, 28, 1, 7, 7, 7, 7)
add([str(a["P"]), str(a["macs"])])                                  # 74 -> 16, 12544
a = attention(64, 64, 3, 8, 8, 8, 8)
add([str(a["P"]), str(a["dim"])])                                   # 75 -> 64, 192
a = attention(10, 10, 3, 4, 4, 2, 2)
add([str(a["P"]), str(a["dots"])])                                  # 76 -> 16, 256
add([str(n_patches(224, 224, 14, 14, 14, 14))])                     # 77 -> 256
add([str(attention(12, 12, 2, 3, 3, 1, 1)["macs"])])                # 78 -> 180000
a = attention(384, 384, 3, 16, 16, 16, 16)
add([str(a["P"]), str(a["dots"])])                                  # 79 -> 576, 331776

# classification metrics
m = metrics(40, 10, 45, 5)
add([r4(m["acc"]), r4(m["prec"]), r4(m["rec"]), r4(m["f1"])])       # 80
m = metrics(30, 10, 150, 10)
assert r4(m["prec"]) == r4(m["rec"])
add([r4(m["prec"]), r4(m["spec"])])                                 # 81 -> 0.75, 0.9375
add([r4(metrics(90, 30, 870, 10)["spec"])])                         # 82 -> 0.9667
add([r4(metrics(7, 3, 85, 5)["f1"])])                               # 83 -> 0.6364
tp, fp = 20, 50 - 20
fn = 40 - tp
tn = 200 - tp - fp - fn
m = metrics(tp, fp, tn, fn)
add([r4(m["acc"]), r4(m["prec"]), r4(m["rec"])])                    # 84 -> 0.75, 0.4, 0.5
m = metrics(120, 30, 800, 50)
add([r4(m["rec"]), r4(m["spec"])])                                  # 85 -> 0.7059, 0.9639
tp, fn, fp = 8, 2, 40
tn = 1000 - tp - fn - fp
m = metrics(tp, fp, tn, fn)
add([r4(m["prec"]), r4(m["rec"]), r4(m["acc"])])                    # 86 -> 0.1667, 0.8, 0.958
add([r4(metrics(55, 5, 25, 15)["f1"])])                             # 87 -> 0.8462
m = metrics(45, 8, 41, 6)
add([r4(m["acc"]), r4(m["prec"])])                                  # 88 -> 0.86, 0.8491
m = metrics(30, 15, 60, 20)
add([r4(m["rec"]), r4(m["spec"])])                                  # 89 -> 0.6, 0.8
m = metrics(3, 1, 2, 4)
add([r4(m["acc"]), r4(m["prec"]), r4(m["rec"]), r4(m["spec"]), r4(m["f1"])])  # 90

# hand-checked literal values (the same numbers worked out on paper)
HAND = [
    ["112 \\times 112"], ["32 \\times 32"], ["16 \\times 16"], ["24 \\times 24"],
    ["27 \\times 27"], ["55 \\times 55"], ["56 \\times 56"], ["56 \\times 56"],
    ["42 \\times 42"], ["4 \\times 5"], ["32 \\times 32"], ["34 \\times 34"],
    ["128 \\times 128"], ["7 \\times 7"], ["26 \\times 26"], ["12 \\times 12"],
    ["5 \\times 5"], ["4 \\times 4"], ["5 \\times 5"], ["16 \\times 20"], ["66"],
    ["3 \\times 3"], ["17 \\times 17"], ["38 \\times 38"], ["22 \\times 22"],
    ["32 \\times 32"], ["14 \\times 14"], ["17 \\times 17"], ["28 \\times 28"],
    ["8 \\times 8"], ["22 \\times 22"], ["4 \\times 4"],
    ["401"], ["1792"], ["832"], ["73728"], ["16448"], ["5130"], ["78500"], ["4608"],
    ["9408"], ["270"], ["156"], ["2416"], ["9248"], ["10164"], ["65"], ["16777216"],
    ["172224"], ["36928"],
    ["2048"], ["25578"], ["400"], ["1392"], ["1600"], ["203530"], ["56 \\times 56"],
    ["16384"], ["221440"],
    ["1.1512", "explode"], ["0.6"], ["explode"], ["1.0296"], ["explode"], ["0.7616"],
    ["0.95"], ["1.1772"], ["0.75"], ["1.4311"],
    ["196"], ["64", "196608"], ["36", "1296"], ["38416"], ["16", "12544"], ["64", "192"],
    ["16", "256"], ["256"], ["180000"], ["576", "331776"],
    ["0.85", "0.8", "0.8889", "0.8421"], ["0.75", "0.9375"], ["0.9667"], ["0.6364"],
    ["0.75", "0.4", "0.5"], ["0.7059", "0.9639"], ["0.1667", "0.8", "0.958"], ["0.8462"],
    ["0.86", "0.8491"], ["0.6", "0.8"], ["0.5", "0.75", "0.4286", "0.6667", "0.5455"],
]


def near_rounding_boundary(x):
    """True if x sits within 1e-9 of a 4-decimal rounding edge (format would be fragile)."""
    frac = x * 10**4 - math.floor(x * 10**4)
    return abs(frac - 0.5) < 1e-6


def main():
    cases = yaml.safe_load((HERE / "train-42.yaml").read_text())
    header = (HERE / "train-42.yaml").read_text().splitlines()[0]
    errors = []
    if header != ("# train-42: calculations in students' notations, written blind from the "
                  "seed and API_CONTRACT.md: 90 calculations, 25 conceptual with numbers, "
                  "25 incomplete"):
        errors.append("header comment missing or different")

    calc = [c for c in cases if c["expect"] == "calculation"]
    counts = {k: sum(c["expect"] == k for c in cases)
              for k in ("calculation", "not-calculation", "clarify")}
    if counts != {"calculation": 90, "not-calculation": 25, "clarify": 25} or len(cases) != 140:
        errors.append(f"wrong counts: {counts}, total {len(cases)}")
    if cases[:90] != calc:
        errors.append("calculations are not the first 90 cases")
    if len(E) != 90 or len(HAND) != 90:
        errors.append(f"computed {len(E)} / hand {len(HAND)} expectations, want 90")

    for i, (case, exp, hand) in enumerate(zip(calc, E, HAND, strict=True), 1):
        got = case.get("contains")
        if got != exp:
            errors.append(f"case {i}: yaml {got} != computed {exp}  ({case['q'][:60]})")
        if exp != hand:
            errors.append(f"case {i}: computed {exp} != hand {hand}")
        for s in got or []:
            if s.replace(" \\times ", "").replace(".", "").isdigit() is False and s not in (
                    "explode", "vanish", "stable"):
                errors.append(f"case {i}: odd contains string {s!r}")
            if "," in s:
                errors.append(f"case {i}: thousands separator in {s!r}")

    for c in cases[90:]:
        if "contains" in c:
            errors.append(f"non-calculation case has contains: {c['q'][:60]}")

    qs = [c["q"] for c in cases]
    if len(set(qs)) != len(qs):
        errors.append("duplicate questions")

    # ratio values must not sit on a rounding edge
    for m in (SEED, [[0.9, 0.5], [-0.5, 0.9]], [[0.3, -0.7], [0.7, 0.3]],
              [[1.1, 0.3], [0.2, 0.4]], [[-1.4, 0.3], [0.2, 0.5]]):
        if near_rounding_boundary(spectral_radius(m)):
            errors.append(f"spectral radius of {m} is on a rounding edge")

    if errors:
        print("FAIL")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print(f"OK: {len(cases)} cases ({counts}); all 90 calculations match the formulas")


if __name__ == "__main__":
    main()
