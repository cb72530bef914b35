#!/usr/bin/env python3
"""eval/train-8.yaml, a TUNING set of hard-to-read calculation notations: its questions and
expected values.

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the five calculators: confusion matrices as grids, tables
and words (with and without a stated layout; `expect: clarify` where none is stated), terse and
glued conv settings, terse patch and RNN questions. The expected values are computed here from
the textbook formulas (plain Python, numpy and fractions; not the service's calculators).

    python3 eval/train_8_values.py   # prints every case with its values, rewrites the YAML
"""
# The questions are kept verbatim as written, one per line: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os
import re
from fractions import Fraction

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-8.yaml")
WARN = []


# ---------------------------------------------------------------- formatting
def fmt4(x):
    """Round to 4 decimals, drop trailing zeros (0.8, 0.85, 0.5294)."""
    if isinstance(x, Fraction):
        scaled = x * 10000
        frac = scaled - math.floor(scaled)
        if abs(frac - Fraction(1, 2)) < Fraction(1, 10**6):
            WARN.append(f"half-way rounding for {x} = {float(x)}")
        r = math.floor(scaled + Fraction(1, 2))
        s = f"{Fraction(r, 10000).numerator / Fraction(r, 10000).denominator:.4f}"
    else:
        scaled = x * 10000
        if abs((scaled - math.floor(scaled)) - 0.5) < 1e-3:
            WARN.append(f"near half-way rounding for {x}")
        s = f"{x:.4f}"
    s = s.rstrip("0").rstrip(".")
    return s


def fmt4_fixed(x):
    """Radius: 4 decimals; we also check there is no trailing zero so the
    string is the same whether or not the tutor strips zeros."""
    s = f"{x:.4f}"
    if s.endswith("0"):
        WARN.append(f"radius {x} has trailing zero at 4 decimals: {s}")
    scaled = x * 10000
    if abs((scaled - math.floor(scaled)) - 0.5) < 2e-3:
        WARN.append(f"radius {x} is near a rounding boundary")
    return s


# ---------------------------------------------------------------- confusion
POS, NEG = "pos", "neg"


def cells_from_grid(grid, rows, row_order, col_order):
    """Generic, semantic mapping.

    rows: 'actual' or 'pred' -- what the row axis means (columns are the other).
    row_order / col_order: tuple of labels, e.g. (POS, NEG) -> first row is positive.
    Returns dict TP, FP, TN, FN.
    """
    out = {"TP": 0, "FP": 0, "TN": 0, "FN": 0}
    for i in range(2):
        for j in range(2):
            r_lab, c_lab = row_order[i], col_order[j]
            if rows == "actual":
                actual, pred = r_lab, c_lab
            elif rows == "pred":
                actual, pred = c_lab, r_lab
            else:
                raise ValueError(rows)
            if actual == POS and pred == POS:
                k = "TP"
            elif actual == NEG and pred == POS:
                k = "FP"
            elif actual == NEG and pred == NEG:
                k = "TN"
            else:
                k = "FN"
            out[k] += grid[i][j]
    return out


# Independent hard-coded tables (cell-name layouts) used as a double check.
NAMED = {
    ("actual", (POS, NEG), (POS, NEG)): [["TP", "FN"], ["FP", "TN"]],
    ("actual", (NEG, POS), (NEG, POS)): [["TN", "FP"], ["FN", "TP"]],   # sklearn
    ("pred", (POS, NEG), (POS, NEG)): [["TP", "FP"], ["FN", "TN"]],
    ("pred", (NEG, POS), (NEG, POS)): [["TN", "FN"], ["FP", "TP"]],
    ("actual", (NEG, POS), (POS, NEG)): [["FP", "TN"], ["TP", "FN"]],
    ("pred", (NEG, POS), (POS, NEG)): [["FN", "TN"], ["TP", "FP"]],
}


def cells_named(grid, names):
    out = {}
    for i in range(2):
        for j in range(2):
            out[names[i][j]] = grid[i][j]
    assert sorted(out) == ["FN", "FP", "TN", "TP"], names
    return out


def metrics(c):
    TP, FP, TN, FN = c["TP"], c["FP"], c["TN"], c["FN"]
    F = Fraction
    return {
        "accuracy": F(TP + TN, TP + TN + FP + FN),
        "precision": F(TP, TP + FP),
        "recall": F(TP, TP + FN),
        "specificity": F(TN, TN + FP),
        "f1": F(2 * TP, 2 * TP + FP + FN),
    }


def asked_vals(c, asked):
    """Format only the asked metrics (so rounding warnings concern asked values)."""
    m = metrics(c)
    return {a: fmt4(m[a]) for a in asked}


CASES = []  # (section, q, expect, contains, info)


def add(section, q, contains, info, expect="calculation"):
    CASES.append((section, q, expect, contains, info))


def cm_grid(q, grid, rows, row_order, col_order, asked):
    c = cells_from_grid(grid, rows, row_order, col_order)
    key = (rows, tuple(row_order), tuple(col_order))
    c2 = cells_named(grid, NAMED[key])
    assert c == c2, (q, c, c2)
    assert sum(c.values()) == sum(sum(r) for r in grid)
    m = asked_vals(c, asked)
    add("cm_layout", q, [m[a] for a in asked], {"cells": c, **m})


def cm_named(q, grid, names, asked):
    """Layout given by cell names, e.g. [[TN, FP], [FN, TP]]."""
    c = cells_named(grid, names)
    m = asked_vals(c, asked)
    add("cm_layout", q, [m[a] for a in asked], {"cells": c, **m})


def cm_cells(q, asked, TP, FP, TN, FN):
    """Counts described in words: cells assigned explicitly by reading the text."""
    c = {"TP": TP, "FP": FP, "TN": TN, "FN": FN}
    m = asked_vals(c, asked)
    add("cm_words", q, [m[a] for a in asked], {"cells": c, **m})


A, P = "actual", "pred"
PN, NP = (POS, NEG), (NEG, POS)

# ---- grids with layout stated in words ----------------------------------
cm_grid("confusion matrix [[62, 8], [11, 119]] with rows = actual (pos, neg) and cols = predicted (pos, neg). precision and recall?",
        [[62, 8], [11, 119]], A, PN, PN, ["precision", "recall"])
cm_named("sklearn confusion_matrix gave [[880, 20], [35, 65]] (so its [[TN, FP], [FN, TP]]). whats the recall",
         [[880, 20], [35, 65]], [["TN", "FP"], ["FN", "TP"]], ["recall"])
cm_grid("cm = [[45, 12],[7, 136]]  rows predicted, cols actual, positive class first. f1?",
        [[45, 12], [7, 136]], P, PN, PN, ["f1"])
cm_grid("rows=pred cols=actual, negative class first: [[210, 14], [9, 67]]. specificity + precision",
        [[210, 14], [9, 67]], P, NP, NP, ["specificity", "precision"])
cm_named("[[TP FN],[FP TN]] = [[33, 17],[6, 144]] accuracy and F1 pls",
         [[33, 17], [6, 144]], [["TP", "FN"], ["FP", "TN"]], ["accuracy", "f1"])
cm_grid("confusion_matrix(y_true, y_pred) from sklearn printed\narray([[412,  38],\n       [ 27, 123]])\nlabels are 0=negative 1=positive (default label order). precision, recall, f1?",
        [[412, 38], [27, 123]], A, NP, NP, ["precision", "recall", "f1"])
cm_grid("2x2 CM, row 1 = actual positive, row 2 = actual negative, col 1 = predicted positive, col 2 = predicted negative: 91 9 / 23 77. compute accuracy, specificity",
        [[91, 9], [23, 77]], A, PN, PN, ["accuracy", "specificity"])
cm_named("matrix is [[TN, FN], [FP, TP]] = [[300, 25], [18, 57]] find recall and precision",
         [[300, 25], [18, 57]], [["TN", "FN"], ["FP", "TP"]], ["recall", "precision"])
cm_grid("conf mat (rows: true label, cols: predicted label, order [positive, negative]) = [[ 7, 3 ], [ 2, 88 ]]  precision? f1?",
        [[7, 3], [2, 88]], A, PN, PN, ["precision", "f1"])
cm_grid("y axis = predicted (pos on top), x axis = actual (pos on the left): [[150, 30],[50, 770]]. f1 and spec",
        [[150, 30], [50, 770]], P, PN, PN, ["f1", "specificity"])
cm_grid("rows are actual in order (neg, pos), columns are predicted in order (pos, neg): [[12, 188], [74, 26]]. precision, recall",
        [[12, 188], [74, 26]], A, NP, PN, ["precision", "recall"])
cm_named("sklearn-style [[tn fp][fn tp]]: [[95 6][15 34]] specificity recall precision",
         [[95, 6], [15, 34]], [["TN", "FP"], ["FN", "TP"]], ["specificity", "recall", "precision"])
cm_grid("transposed layout (rows = predicted, columns = actual), positive first:\n58 | 14\n22 | 406\naccuracy, precision, recall",
        [[58, 14], [22, 406]], P, PN, PN, ["accuracy", "precision", "recall"])
cm_grid("CM in the lecture format: columns actual (P, N), rows predicted (P, N). values row-wise: 120, 40, 30, 310. F1?",
        [[120, 40], [30, 310]], P, PN, PN, ["f1"])
cm_grid("confusion matrix (actual down the side, predicted across the top, class 1 then class 0, class 1 is positive): [[27, 13], [9, 51]] specificity?",
        [[27, 13], [9, 51]], A, PN, PN, ["specificity"])
cm_grid("used sklearn with labels=[1,0] so the cm is rows actual (1,0), cols predicted (1,0): [[64, 16], [20, 100]]. precision recall f1",
        [[64, 16], [20, 100]], A, PN, PN, ["precision", "recall", "f1"])
cm_grid("rows actual / cols predicted, but negative class first: [[523, 41], [19, 117]]  -> F1, accuracy",
        [[523, 41], [19, 117]], A, NP, NP, ["f1", "accuracy"])
cm_grid("pred on rows, truth on columns, ordering (neg, pos) for both: [[60, 5], [10, 25]]. precision + recall",
        [[60, 5], [10, 25]], P, NP, NP, ["precision", "recall"])
cm_grid("columns = actual (pos, neg), rows = predicted (neg, pos): [[6, 81],[44, 9]]  recall? precision?",
        [[6, 81], [44, 9]], P, NP, PN, ["recall", "precision"])
cm_grid("matlab confusionmat output (rows true class, cols predicted class), classes ordered [0 1], 1 = positive: [710 40; 25 225]. precision, recall",
        [[710, 40], [25, 225]], A, NP, NP, ["precision", "recall"])

# ---- text tables with row/column headers (cells read off explicitly) -----
cm_grid("             pred yes   pred no\nactual yes      88        12\nactual no       17       183\nprecision?",
        [[88, 12], [17, 183]], A, PN, PN, ["precision"])
cm_grid("            actual 1   actual 0\npred 1         40         10\npred 0         20        130\nrecall and f1 (1 = positive)",
        [[40, 10], [20, 130]], P, PN, PN, ["recall", "f1"])
cm_grid("           | pred 0 | pred 1\n true 0    |  950   |  30\n true 1    |  12    |  8\nspecificity and precision, 1 is the positive class",
        [[950, 30], [12, 8]], A, NP, NP, ["specificity", "precision"])
cm_grid("         Actual+  Actual-\nTest+      18      176\nTest-       3     9803\nsensitivity (recall)? and precision (ppv)?",
        [[18, 176], [3, 9803]], P, PN, PN, ["recall", "precision"])
cm_grid("Predicted:    spam  ham\nActual spam:   45     5\nActual ham:     3   147\naccuracy, f1 (spam = positive)",
        [[45, 5], [3, 147]], A, PN, PN, ["accuracy", "f1"])
cm_grid("pred\\act  pos  neg\npos       72   17\nneg        9  102\nprecision recall",
        [[72, 17], [9, 102]], P, PN, PN, ["precision", "recall"])
cm_grid("                 really sick   healthy\nflagged sick          42          7\nnot flagged            6        145\nF1?",
        [[42, 7], [6, 145]], P, PN, PN, ["f1"])
cm_grid("| | predicted neg | predicted pos |\n|---|---|---|\n| actual neg | 830 | 70 |\n| actual pos | 25 | 75 |\nspecificity, precision, recall",
        [[830, 70], [25, 75]], A, NP, NP, ["specificity", "precision", "recall"])

# ---- counts in words (cell assignment written out by hand, per text) -----
# "predicted positive and actually positive" = TP; "predicted positive but actually negative" = FP;
# "predicted negative and actually negative" = TN; "predicted negative but actually positive" = FN
cm_cells("predicted positive and actually positive: 62, predicted positive but actually negative: 18, predicted negative and actually negative: 105, predicted negative but actually positive: 15. accuracy + f1",
         ["accuracy", "f1"], TP=62, FP=18, TN=105, FN=15)
# flagged & sick = TP, flagged & healthy = FP, sick missed = FN, healthy cleared = TN
cm_cells("42 cases were flagged and really sick, 9 were flagged but healthy, 6 sick ones were missed and 143 healthy were correctly cleared. precision and recall?",
         ["precision", "recall"], TP=42, FP=9, TN=143, FN=6)
# said spam: 30 real spam (TP), 5 ham (FP); said ham: 10 spam (FN), 155 ham (TN)
cm_cells("the model said spam for 30 real spams and 5 hams, and said ham for 10 spams and 155 hams. precision/recall for spam",
         ["precision", "recall"], TP=30, FP=5, TN=155, FN=10)
# 80 actual pos, caught 68 -> TP=68, FN=12; 120 actual neg, flagged 15 -> FP=15, TN=105
cm_cells("out of 80 actual positives the classifier caught 68; out of 120 actual negatives it wrongly flagged 15. f1 and specificity",
         ["f1", "specificity"], TP=68, FP=15, TN=105, FN=12)
# fraud = positive
cm_cells("fraud detector: 25 frauds flagged correctly, 4 frauds it let through, 40 legit transactions flagged as fraud, 931 legit ones passed. precision, recall, F1",
         ["precision", "recall", "f1"], TP=25, FP=40, TN=931, FN=4)
# signal-detection words: hits=TP, misses=FN, false alarms=FP, correct rejections=TN
cm_cells("correct rejections 270, misses 30, hits 90, false alarms 11 -> specificity and precision",
         ["specificity", "precision"], TP=90, FP=11, TN=270, FN=30)
# labeled cat (positive): 56 cats TP, 14 dogs FP; labeled dog: 9 cats FN, 121 dogs TN
cm_cells("of the images the net labeled 'cat' (cat = positive), 56 were cats and 14 were dogs; of the ones it labeled 'dog', 9 were cats and 121 were dogs. accuracy, recall",
         ["accuracy", "recall"], TP=56, FP=14, TN=121, FN=9)
# counts after labels
cm_cells("positives that were predicted positive = 33, negatives predicted positive = 7, positives predicted negative = 11, negatives predicted negative = 149. precision & f1",
         ["precision", "f1"], TP=33, FP=7, TN=149, FN=11)

# ---- grids with NO layout: clarify ----------------------------------------
CLARIFY = [
    "precision for confusion matrix [[50, 10], [5, 35]]?",
    "cm = [[88, 12], [20, 80]] recall?",
    "F1 of this matrix: 30 5 / 8 57",
    "[[400 25] [15 60]] what's the specificity",
    "confusion matrix\n 45 15\n 10 130\nprecision and recall pls",
    "given the cm [[7, 2],[9, 82]], compute f1",
    "| 70 | 30 |\n| 10 | 90 |\nrecall?",
    "my model's confusion matrix is 2x2: 120, 30, 45, 805. precision?",
    "[ 55 5 ; 20 120 ] sensitivity and specificity",
    "compute precision, recall, F1 from [[33, 17], [6, 144]]",
]
for q in CLARIFY:
    add("cm_clarify", q, None, {}, expect="clarify")


# ---------------------------------------------------------------- conv
def conv_out(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def same_out(n, s):
    return -(-n // s)


def tconv_out(n, k, s=1, p=0, d=1, op=0):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def params(kh, kw, cin, cout, bias=True):
    w = kh * kw * cin * cout
    return w, w + (cout if bias else 0)


def conv_case(q, contains, info):
    add("conv", q, [str(x) for x in contains], info)


def hw(H, W, fn):
    return fn(H), fn(W)


# 1
h, w = hw(32, 32, lambda n: conv_out(n, 3, 2, 1))
conv_case("output size: 32x32 input, k3 s2 p1", [h], {"out": (h, w)})
# 2
h, w = hw(28, 28, lambda n: conv_out(n, 5, 1, 1))
conv_case("k=5,s=1,p=1 on 28x28x1 - out size?", [h], {"out": (h, w)})
# 3
h, w = hw(224, 224, lambda n: conv_out(n, 3, 2, 1))
conv_case("3x3/s2 conv on 224x224, pad 1. output?", [h], {"out": (h, w)})
# 4
h, w = hw(64, 48, lambda n: conv_out(n, 3, 2, 1))
conv_case("3x3 s2 p1 conv, input 64x48 (HxW), out dims?", [h, w], {"out": (h, w)})
# 5
h, w = hw(128, 128, lambda n: conv_out(n, 5, 2, 2))
conv_case("kernel/stride/padding = 5/2/2, img 128x128x3, output HxW?", [h], {"out": (h, w)})
# 6
h, w = hw(56, 56, lambda n: conv_out(n, 3, 1, 1))
wt, tot = params(3, 3, 64, 64)
conv_case("conv3x3-64 (stride 1, pad 1) on a 56x56x64 feature map: params and output size", [tot, h], {"out": (h, w), "w": wt, "tot": tot})
# 7
h, w = hw(65, 65, lambda n: conv_out(n, 3, 2, 1))
conv_case("(k, s, p) = (3, 2, 1), input 65x65. spatial out?", [h], {"out": (h, w)})
# 8
h, w = hw(100, 100, lambda n: conv_out(n, 3, 2, 1))
conv_case("ks=3 st=2 pad=1 on 100x100 -> ?", [h], {"out": (h, w)})
# 9
wt, tot = params(3, 3, 64, 128)
conv_case("in 64 out 128, 3x3 kernel, how many params", [tot, wt], {"w": wt, "tot": tot})
# 10
wt, tot = params(5, 5, 3, 16)
conv_case("c_in 3, c_out 16, k 5 -- # params?", [tot], {"w": wt, "tot": tot})
# 11  Conv2d(in, out, kernel_size, stride, padding)
h, w = hw(32, 32, lambda n: conv_out(n, 3, 2, 1))
wt, tot = params(3, 3, 3, 16)
conv_case("Conv2d(3,16,3,2,1) on 32x32x3 - out shape + params", [h, tot], {"out": (h, w), "w": wt, "tot": tot})
# 12
h, w = hw(63, 63, lambda n: conv_out(n, 3, 2, 0))
conv_case("stride-2 3x3 conv, no padding, on 63x63. output size", [h], {"out": (h, w)})
# 13
h, w = hw(127, 127, lambda n: conv_out(n, 3, 2, 1))
conv_case("a 3-by-3, stride-two conv with padding one on a 127 by 127 image, what comes out", [h], {"out": (h, w)})
# 14
h, w = hw(224, 224, lambda n: conv_out(n, 7, 2, 3))
wt, tot = params(7, 7, 3, 64)
conv_case("7x7 s2 p3 conv, 224x224x3 in, 64 out -> out size and param count", [h, tot], {"out": (h, w), "w": wt, "tot": tot})
# 15
wt, tot = params(1, 1, 256, 64)
conv_case("1x1 conv 256->64 params?", [tot, wt], {"w": wt, "tot": tot})
# 16 dilation
h, w = hw(40, 30, lambda n: conv_out(n, 3, 1, 1, 2))
conv_case("k3 d2 p1 s1 on 40x30", [h, w], {"out": (h, w)})
# 17
h, w = hw(50, 30, lambda n: conv_out(n, 3, 1, 0, 3))
conv_case("dilated conv k=3 dil=3 no pad on 50x30 output?", [h, w], {"out": (h, w)})
# 18 same
h, w = hw(75, 75, lambda n: same_out(n, 2))
conv_case("same padding, k5 s2, input 75x75", [h], {"out": (h, w)})
# 19 valid
h, w = hw(64, 64, lambda n: conv_out(n, 5, 3, 0))
conv_case("'valid' conv 5x5 stride 3 on 64x64", [h], {"out": (h, w)})
# 20
h, w = hw(57, 23, lambda n: same_out(n, 2))
conv_case("padding='same' 3x3 stride 2 on 57x23", [h, w], {"out": (h, w)})
# 21
h, w = hw(225, 225, lambda n: same_out(n, 2))
conv_case("TF same, 3x3/s2, 225x225 -> ?", [h], {"out": (h, w)})
# 22 transposed
h, w = hw(16, 16, lambda n: tconv_out(n, 4, 2, 1))
conv_case("ConvTranspose2d k4 s2 p1 on 16x16 output size", [h], {"out": (h, w)})
# 23
h, w = hw(28, 28, lambda n: tconv_out(n, 3, 2, 1, 1, 1))
conv_case("deconv 3x3 stride 2 pad 1 output_padding 1, input 28x28", [h], {"out": (h, w)})
# 24
h, w = hw(7, 7, lambda n: tconv_out(n, 2, 2, 0))
conv_case("transposed conv k=2,s=2,p=0 on 7x7x512 -> spatial size?", [h], {"out": (h, w)})
# 25 ConvTranspose2d(in, out, kernel_size, stride, padding)
h, w = hw(10, 12, lambda n: tconv_out(n, 5, 3, 2))
conv_case("ConvTranspose2d(64, 32, 5, 3, 2) on 10x12 input, out HxW", [h, w], {"out": (h, w)})
# 26
wt, tot = params(3, 3, 32, 64)
conv_case("nn.Conv2d(in_channels=32, out_channels=64, kernel_size=3, stride=1, padding=1) params?", [tot], {"w": wt, "tot": tot})
# 27
wt, tot = params(5, 5, 6, 16)
conv_case("5x5 conv, 6 -> 16 channels (every output sees all 6 inputs) params", [tot], {"w": wt, "tot": tot})
# 28 bias off
wt, tot = params(3, 3, 128, 256, bias=False)
conv_case("conv k=3 s=1 p=0 bias=False 128->256 params", [wt], {"w": wt, "tot": tot})
# 29
h, w = hw(150, 150, lambda n: conv_out(n, 3, 1, 0))
wt, tot = params(3, 3, 3, 32)
conv_case("3x3 conv w/ 3 in ch & 32 filters on 150x150x3, stride 1 no pad. out + params", [h, tot], {"out": (h, w), "w": wt, "tot": tot})
# 30
h, w = hw(224, 224, lambda n: conv_out(n, 11, 4, 2))
wt, tot = params(11, 11, 3, 96)
conv_case("k=11, s=4, p=2, 224x224x3 -> 96 ch: out & params", [h, tot], {"out": (h, w), "w": wt, "tot": tot})
# 31 rectangular kernel
h, w = conv_out(32, 5, 1, 0), conv_out(32, 3, 1, 0)
wt, tot = params(5, 3, 8, 8)
conv_case("conv w/ 5x3 kernel (kh=5, kw=3), s1 p0, input 32x32, 8->8 ch. out size, params", [h, w, tot], {"out": (h, w), "w": wt, "tot": tot})
# 32
h, w = hw(128, 128, lambda n: conv_out(n, 4, 4, 0))
wt, tot = params(4, 4, 3, 48)
conv_case("img 128x128x3, 4x4 conv stride 4 no padding, 48 filters. output + #params", [h, tot], {"out": (h, w), "w": wt, "tot": tot})
# 33
h, w = hw(96, 96, lambda n: conv_out(n, 5, 2, 0))
conv_case("in: 96x96, k=5, s=2, p=0. out?", [h], {"out": (h, w)})
# 34 tuples (PyTorch docs-style)
h = conv_out(50, 3, 2, 4)
w = conv_out(100, 5, 1, 2)
wt, tot = params(3, 5, 16, 33)
conv_case("Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2)) with input 50x100 (HxW): output size and params", [h, w, tot], {"out": (h, w), "w": wt, "tot": tot})
# 35
h, w = hw(64, 64, lambda n: conv_out(n, 3, 2, 0, 2))
conv_case("3x3 conv, stride 2, pad 0, dilation 2, 64x64 input", [h], {"out": (h, w)})


# ---------------------------------------------------------------- attention
def attn(H, W, C, ph, pw, s=1):
    P = ((H - ph) // s + 1) * ((W - pw) // s + 1)
    d = ph * pw * C
    return {"P": P, "d": d, "dots": P * P, "macs": P * P * d}


def attn_case(q, geom, keys):
    r = attn(*geom)
    add("attention", q, [str(r[k]) for k in keys], r)


attn_case("P for 224x224 img with 16x16 patches stride 16", (224, 224, 3, 16, 16, 16), ["P"])
attn_case("32x32x3 img, p=4, s=4, macs?", (32, 32, 3, 4, 4, 4), ["macs"])
attn_case("# dot products for self-attn over 8x8 patches, stride 8, on a 64x64x3 image", (64, 64, 3, 8, 8, 8), ["dots"])
attn_case("tokens & token dim: 28x28x1, 7x7 patches, s7", (28, 28, 1, 7, 7, 7), ["P", "d"])
attn_case("patch attn: img 32x32x3, patch 8x8, stride 4 -> P, d, MACs", (32, 32, 3, 8, 8, 4), ["P", "d", "macs"])
attn_case("H=W=48, C=3, 16x16 patches, stride 8 - how many tokens and how many dot products?", (48, 48, 3, 16, 16, 8), ["P", "dots"])
attn_case("overlapping patches 5x5 stride 1 on 10x10x1: dot products?", (10, 10, 1, 5, 5, 1), ["dots"])
attn_case("224x224x3 / patch 32 / stride 32 - MACs for the QK^T scores (raw patches, no projections)", (224, 224, 3, 32, 32, 32), ["macs"])
attn_case("img 96x64x3 (HxW), patches 16x16 s16, P and d", (96, 64, 3, 16, 16, 16), ["P", "d"])
attn_case("P? 30x30 image, 4x4 patch, stride 3", (30, 30, 3, 4, 4, 3), ["P"])
attn_case("patch 2x2 stride 2 on 16x16x8 map, token dim and MACs", (16, 16, 8, 2, 2, 2), ["d", "macs"])
attn_case("how many attention scores (dot products) for 256x256x3 w/ 16x16 non-overlapping patches, stride 16", (256, 256, 3, 16, 16, 16), ["P", "dots"])
attn_case("H x W x C = 40 x 60 x 3, h x w = 10 x 10, s = 5. P, d, MACs", (40, 60, 3, 10, 10, 5), ["P", "d", "macs"])
attn_case("P for 384/16, s=16 (384x384 image)", (384, 384, 3, 16, 16, 16), ["P"])
attn_case("image 12x12x3, patch 3x3, stride 1: macs", (12, 12, 3, 3, 3, 1), ["macs"])


# ---------------------------------------------------------------- rnn
def rnn_case(q, W, keys=("rho", "verdict")):
    W = np.array(W, dtype=float)
    assert W.shape[0] == W.shape[1]
    rho = float(np.max(np.abs(np.linalg.eigvals(W))))
    if abs(rho - 1) < 1e-3:
        WARN.append(f"rho too close to 1: {q}")
    verdict = "explode" if rho > 1 else "vanish"
    r = {"rho": fmt4_fixed(rho), "verdict": verdict}
    add("rnn", q, [r[k] for k in keys], {**r, "rho_raw": rho})


rnn_case("W=[0.5 0.2; 0.1 0.9] explode?", [[0.5, 0.2], [0.1, 0.9]])
rnn_case("rho of [[.9,.1],[.2,.7]]", [[0.9, 0.1], [0.2, 0.7]])
rnn_case("W_hh = [[1.1, 0.3],[0.2, 0.4]], identity activation - vanish or explode?", [[1.1, 0.3], [0.2, 0.4]])
rnn_case("rho([[0.4 -0.6],[0.6 0.4]]) + does the grad vanish", [[0.4, -0.6], [0.6, 0.4]])
rnn_case("linear rnn, W = [0.5 0.1 0; 0.2 0.6 0.3; 0 0.4 0.8]. spectral radius & verdict", [[0.5, 0.1, 0], [0.2, 0.6, 0.3], [0, 0.4, 0.8]])
rnn_case("recurrent matrix rows: 1.2 0.5 / -0.3 0.45. gradients blow up or die?", [[1.2, 0.5], [-0.3, 0.45]])
rnn_case("is the gradient gonna blow up w/ W = [[0.3, 1.5], [0.8, 0.2]] (linear rnn)", [[0.3, 1.5], [0.8, 0.2]])
rnn_case("spectral radius [[2, -1], [1, 0.5]]?", [[2, -1], [1, 0.5]])
rnn_case("W=[[0.7,0.2],[0.4,0.1]] no nonlinearity -> explode/vanish", [[0.7, 0.2], [0.4, 0.1]])
rnn_case("3x3 W_hh: [[0.1,0.8,0],[0,0.1,0.8],[0.85,0,0.1]] rho?", [[0.1, 0.8, 0], [0, 0.1, 0.8], [0.85, 0, 0.1]])
rnn_case("eig check: W = [ -0.7 0.4 ; 0.5 0.3 ]", [[-0.7, 0.4], [0.5, 0.3]])
rnn_case("|lambda|max of [[1, 0.25], [0.3, 0.9]] -> exploding?", [[1, 0.25], [0.3, 0.9]])
rnn_case("W = [[0.2,0.1,0,0],[0,0.3,0.1,0],[0,0,0.4,0.1],[0.5,0,0,0.2]] identity act, vanish?", [[0.2, 0.1, 0, 0], [0, 0.3, 0.1, 0], [0, 0, 0.4, 0.1], [0.5, 0, 0, 0.2]])
rnn_case("h_t = W h_{t-1}, W = [[0, 1.3], [0.9, 0]]. explode or vanish", [[0, 1.3], [0.9, 0]])
rnn_case("W_rec =\n| 0.6  0.5 |\n| 0.7  0.2 |\nspectral radius?", [[0.6, 0.5], [0.7, 0.2]], keys=("rho",))


# ---------------------------------------------------------------- checks + write
SECTION_TITLES = {
    "cm_layout": "confusion matrix, layout stated (grids / header tables)",
    "cm_words": "confusion matrix, counts described in words",
    "cm_clarify": "confusion matrix, NO layout stated -> clarify",
    "conv": "conv output size / parameter count, terse notations",
    "attention": "self-attention over patches, terse notations",
    "rnn": "rnn spectral radius / gradient verdict, terse notations",
}

seen_q = set()
for _section, q, expect, contains, _info in CASES:
    assert q not in seen_q, q
    seen_q.add(q)
    if expect == "calculation":
        assert contains, q
        # warn about accidental-match-prone values
        if all(len(c) < 2 for c in contains) or all(len(c) <= 3 and "." in c for c in contains):
            WARN.append(f"only short contains {contains}: {q!r}")
        for c in contains:
            if "." not in c and re.search(r"(?<![\d.])" + re.escape(c) + r"(?![\d.])", q) and len(contains) == 1:
                WARN.append(f"sole contains {c} appears verbatim in question: {q!r}")
        for c in contains:
            if c in ("0", "1"):
                WARN.append(f"trivial contains {c}: {q!r}")

lines = ["# train-8: hard-to-read notations, a tuning set (generated by eval/train_8_values.py)"]
cur = None
counts = {}
for sec, q, expect, contains, info in CASES:
    counts[sec] = counts.get(sec, 0) + 1
    if sec != cur:
        lines.append(f"# --- {SECTION_TITLES[sec]}")
        cur = sec
    lines.append(f"- q: {json.dumps(q)}")
    lines.append(f"  expect: {expect}")
    if contains is not None:
        lines.append(f"  contains: {json.dumps(contains)}")
    print(f"[{sec}] {q!r}\n    -> {info}  contains={contains}")

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")

print("\ncounts:", counts, "total:", len(CASES))
print("warnings:" if WARN else "no warnings")
for w_ in WARN:
    print("  WARN", w_)
