#!/usr/bin/env python3
"""Independently recompute every `expect: calculation` item of train-51.yaml
(in file order) from the course formulas and compare with its `contains` list.
Exit status 1 on any mismatch, wrong count, or a value on a rounding boundary."""
import math
import os
import sys
from fractions import Fraction

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
YAML_PATH = os.path.join(HERE, "train-51.yaml")

problems = []


# ---------------------------------------------------------------- formatting
def sz(h, w):
    return f"{h} \\times {w}"


def fmt_ratio(num, den):
    """str(round(x, 4)), or the integer when the ratio is whole."""
    fr = Fraction(num, den)
    if fr.denominator == 1:
        return str(fr.numerator)
    scaled = fr * 10000
    rest = scaled - math.floor(scaled)
    if abs(rest - Fraction(1, 2)) < Fraction(1, 10000):
        problems.append(f"ratio {num}/{den} is on a rounding boundary")
    return str(round(num / den, 4))


def fmt_float(x):
    scaled = abs(x) * 10000
    if abs(scaled - math.floor(scaled) - 0.5) < 1e-3:
        problems.append(f"value {x!r} is on a rounding boundary")
    if abs(x - round(x)) < 1e-12:
        return str(int(round(x)))
    return str(round(x, 4))


# ---------------------------------------------------------------- 1. sizes
def out(n, k, s=1, p=0, d=1):
    """PyTorch: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def same(n, s):
    """TensorFlow padding='same': ceil(n/s)."""
    return -(-n // s)


def stack(n, layers):
    """layers: tuples (k, s, p, d) or ('same', s)."""
    for L in layers:
        if L[0] == "same":
            n = same(n, L[1])
        else:
            n = out(n, *L)
    return n


def stack2(h, w, layers):
    return sz(stack(h, layers), stack(w, layers))


# ---------------------------------------------------------------- 2. params
def conv_p(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


def lin_p(i, o, bias=True):
    return i * o + (o if bias else 0)


# ---------------------------------------------------------------- 3. eigen
def _eigs_fallback(M):
    import cmath
    n = len(M)
    if n == 1:
        return [complex(M[0][0])]
    if n == 2:
        (a, b), (c, d) = M
        tr, det = a + d, a * d - b * c
        r = cmath.sqrt(tr * tr - 4 * det)
        return [(tr + r) / 2, (tr - r) / 2]
    if n == 3:
        a = M
        tr = a[0][0] + a[1][1] + a[2][2]
        m2 = (a[0][0] * a[1][1] - a[0][1] * a[1][0]
              + a[0][0] * a[2][2] - a[0][2] * a[2][0]
              + a[1][1] * a[2][2] - a[1][2] * a[2][1])
        det = (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
               - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
               + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
        f = lambda z: z ** 3 - tr * z ** 2 + m2 * z - det
        roots = [complex(0.4, 0.9) ** i for i in range(3)]
        for _ in range(500):  # Durand-Kerner
            new = []
            for i, z in enumerate(roots):
                den = 1
                for j, w in enumerate(roots):
                    if i != j:
                        den *= (z - w)
                new.append(z - f(z) / den)
            roots = new
        return roots
    raise ValueError("fallback only handles up to 3x3")


def spectral(M):
    try:
        import numpy as np
        return float(max(abs(np.linalg.eigvals(np.array(M, dtype=float)))))
    except ImportError:
        return max(abs(z) for z in _eigs_fallback(M))


def eig(M):
    r = spectral(M)
    if abs(r - 1) < 1e-9:
        return ["1", "stable"]
    return [fmt_float(r), "explode" if r > 1 else "vanish"]


# ---------------------------------------------------------------- 4. attention
def patches(H, W, C, h, w, s):
    P = ((H - h) // s + 1) * ((W - w) // s + 1)
    return P, P * P, P * P * h * w * C


def seq(n, d):
    return n * n, n * n * d


# ---------------------------------------------------------------- 5. metrics
def metrics(tp, fp, tn, fn, *names):
    res = []
    for nm in names:
        if nm == "acc":
            res.append(fmt_ratio(tp + tn, tp + fp + tn + fn))
        elif nm == "prec":
            res.append(fmt_ratio(tp, tp + fp))
        elif nm == "rec":
            res.append(fmt_ratio(tp, tp + fn))
        elif nm == "spec":
            res.append(fmt_ratio(tn, tn + fp))
        elif nm == "fpr":
            res.append(fmt_ratio(fp, fp + tn))
        elif nm == "f1":
            P = Fraction(tp, tp + fp)
            R = Fraction(tp, tp + fn)
            f1 = 2 * P * R / (P + R) if P + R else Fraction(0)
            res.append(fmt_ratio(f1.numerator, f1.denominator))
        else:
            raise KeyError(nm)
    return res


def story(total, positives, tp, fp, *names):
    """Counts derived from a story: totals, real positives, caught, false alarms."""
    fn = positives - tp
    tn = total - positives - fp
    assert min(tp, fp, tn, fn) >= 0
    return metrics(tp, fp, tn, fn, *names)


def pct(p, n):
    v = Fraction(p, 100) * n
    assert v.denominator == 1, (p, n)
    return int(v)


# ================================================================ expected, in file order
S = "same"
EXPECTED = [
    # ---- output sizes (35)
    ("size", [sz(out(64, 5), out(64, 5))]),
    ("size", [sz(out(227, 11, 4), out(227, 11, 4))]),
    ("size", [sz(out(256, 3, 2, 1), out(256, 3, 2, 1))]),
    ("size", [sz(out(480, 7, 2, 3), out(640, 7, 2, 3))]),
    ("size", [sz(out(50, 3, 1, 0, 2), out(50, 3, 1, 0, 2))]),
    ("size", [sz(same(75, 2), same(75, 2))]),
    ("size", [sz(out(99, 5, 2), out(99, 5, 2))]),
    ("size", [sz(out(100, 4, 3, 2), out(100, 4, 3, 2))]),
    ("size", [sz(out(28, 3), out(28, 3))]),
    ("size", [sz(out(60, 3, 1, 1), out(90, 5, 2, 2))]),
    ("size", [sz(out(37, 2, 2), out(37, 2, 2))]),
    ("size", [sz(out(112, 3, 2), out(112, 3, 2))]),
    ("size", [sz(same(15, 2), same(15, 2))]),
    ("size", [sz(out(28, 3, 1, 1), out(20, 3, 1, 1))]),
    ("size", [sz(out(64, 3, 3), out(48, 3, 3))]),
    ("size", [str(out(100, 5))]),
    ("size", [str(out(1000, 3, 2, 1))]),
    ("size", [str(same(250, 3))]),
    ("size", [str(out(128, 3, 1, 0, 4))]),
    ("size", [str(stack(8000, [(80, 4, 0, 1), (4, 4, 0, 1)]))]),
    ("size", [stack2(64, 64, [(3, 1, 1, 1), (2, 2, 0, 1)] * 2)]),
    ("size", [stack2(32, 32, [(5, 1, 0, 1), (2, 2, 0, 1)] * 2)]),
    ("size", [stack2(224, 224, [(11, 4, 2, 1), (3, 2, 0, 1), (5, 1, 2, 1), (3, 2, 0, 1)])]),
    ("size", [stack2(224, 224, [(7, 2, 3, 1), (3, 2, 1, 1)])]),
    ("size", [stack2(120, 160, [(3, 1, 0, 1), (2, 2, 0, 1)] * 2)]),
    ("size", [stack2(150, 150, [(S, 1), (2, 2, 0, 1), (3, 1, 0, 1), (2, 2, 0, 1), (S, 2)])]),
    ("size", [stack2(100, 100, [(3, 2, 1, 1)] * 3)]),
    ("size", [stack2(96, 96, [(5, 1, 0, 1), (2, 2, 0, 1), (3, 1, 0, 1), (2, 2, 0, 1), (3, 1, 0, 1)])]),
    ("size", [stack2(64, 64, [(3, 1, 1, 1), (3, 1, 2, 2), (3, 1, 0, 4)])]),
    ("size", [stack2(200, 200, [(5, 2, 0, 1)]),
              stack2(200, 200, [(5, 2, 0, 1), (2, 2, 0, 1)])]),
    ("size", [stack2(224, 224, [(3, 1, 1, 1), (3, 1, 1, 1), (2, 2, 0, 1)] * 5)]),
    ("size", [stack2(1080, 1920, [(3, 2, 1, 1)] * 2)]),
    ("size", [str(out(51, 2, 2))]),
    ("size", [sz(out(81, 3, 3), out(243, 3, 3))]),
    ("size", [sz(out(7, 3, 2), out(7, 3, 2))]),
    # ---- parameter counts (25)
    ("params", [str(conv_p(3, 3, 3, 64))]),
    ("params", [str(conv_p(3, 3, 64, 128, bias=False))]),
    ("params", [str(conv_p(3, 3, 256, 256))]),
    ("params", [str(conv_p(1, 1, 256, 64))]),
    ("params", [str(conv_p(1, 7, 16, 32))]),
    ("params", [str(conv_p(5, 5, 6, 16))]),
    ("params", [str(lin_p(784, 128))]),
    ("params", [str(lin_p(64 * 7 * 7, 10))]),
    ("params", [str(conv_p(3, 3, 1, 32) + conv_p(3, 3, 32, 64))]),
    ("params", [str(conv_p(3, 3, 1, 16) + conv_p(3, 3, 16, 32)
                    + lin_p(32 * stack(28, [(3, 1, 1, 1), (2, 2, 0, 1)] * 2) ** 2, 10))]),
    ("params", [str(conv_p(3, 3, 3, 32, False) + conv_p(3, 3, 32, 32, False))]),
    ("params", [str(lin_p(784, 256) + lin_p(256, 128) + lin_p(128, 10))]),
    ("params", [str(lin_p(5 * 5 * 16, 1))]),
    ("params", [str(conv_p(7, 7, 3, 64, bias=False))]),
    ("params", [str(conv_p(5, 5, 3, 32))]),
    ("params", [str(conv_p(3, 3, 128, 256))]),
    ("params", [str(conv_p(3, 3, 64, 128))]),
    ("params", [str(conv_p(5, 5, 3, 16)), sz(out(32, 5), out(32, 5))]),
    ("params", [str(3 * conv_p(3, 3, 256, 256))]),
    ("params", [str(lin_p(4096, 4096))]),
    ("params", [str(lin_p(512, 1000, bias=False))]),
    ("params", [str(conv_p(3, 3, 3, 32) + conv_p(3, 3, 32, 64)
                    + lin_p(stack(64, [(3, 1, 0, 1)] * 2) ** 2 * 64, 10))]),
    ("params", [str(conv_p(3, 1, 3, 8) + conv_p(1, 3, 8, 8))]),
    ("params", [str(lin_p(100, 20) + lin_p(20, 100))]),
    ("params", [str(conv_p(5, 5, 1, 20))]),
    # ---- eigenvalues (10)
    ("eig", eig([[1.1, 0.4], [0.2, 0.5]])),
    ("eig", eig([[1.2, 0.3], [0.0, 0.7]])),
    ("eig", eig([[0.6, 0.2], [0.2, 0.6]])),
    ("eig", eig([[0, -1.1], [1.1, 0]])),
    ("eig", eig([[0.9, 0.5], [0.5, 0.9]])),
    ("eig", eig([[1, 0], [0, 0.5]])),
    ("eig", eig([[0.5, 0.1, 0], [0, 0.7, 0.2], [0, 0, 0.3]])),
    ("eig", eig([[0.8, 0.6], [-0.6, 0.8]])),
    ("eig", eig([[0.3, 0.9], [0.4, 0.2]])),
    ("eig", eig([[1.05]])),
    # ---- attention (15)
    ("attn", [str(v) for v in patches(224, 224, 3, 16, 16, 16)[0::2]]),
    ("attn", [str(v) for v in patches(32, 32, 3, 4, 4, 4)]),
    ("attn", [str(v) for v in patches(8, 8, 1, 3, 3, 1)[0::2]]),
    ("attn", [str(v) for v in patches(64, 128, 3, 8, 8, 8)[0::2]]),
    ("attn", [str(v) for v in patches(32, 32, 3, 4, 4, 2)[0::2]]),
    ("attn", [str(v) for v in seq(512, 64)]),
    ("attn", [str(seq(1024, 768)[1])]),
    ("attn", [str(v) for v in seq(100, 64)]),
    ("attn", [str(v) for v in patches(224, 224, 3, 14, 14, 14)[0::2]]),
    ("attn", [str(v) for v in patches(96, 96, 3, 12, 12, 12)[0::2]]),
    ("attn", [str(v) for v in patches(28, 28, 1, 7, 7, 7)[0::2]]),
    ("attn", [str(v) for v in patches(28, 28, 1, 7, 7, 3)[0::2]]),
    ("attn", [str(patches(384, 384, 3, 16, 16, 16)[1])]),
    ("attn", [str(v) for v in patches(30, 30, 3, 4, 4, 4)[0::2]]),
    ("attn", [str(v) for v in seq(4096, 128)]),
    # ---- metrics (25): 10 from counts, 15 from stories
    ("metric", metrics(40, 10, 45, 5, "acc", "prec", "rec", "f1")),
    ("metric", metrics(90, 30, 870, 10, "prec", "rec")),
    ("metric", metrics(20, 50, 950, 5, "spec", "fpr")),
    ("metric", metrics(30, 20, 940, 10, "f1")),
    # sklearn [[TN, FP], [FN, TP]] = [[50, 10], [5, 35]]
    ("metric", metrics(35, 10, 50, 5, "acc", "prec", "rec")),
    ("metric", metrics(12, 3, 79, 6, "f1")),
    ("metric", metrics(45, 10, 40, 5, "acc")),
    ("metric", metrics(70, 30, 100, 0, "prec", "rec")),
    ("metric", metrics(0, 5, 85, 10, "prec", "acc")),
    ("metric", metrics(48, 7, 193, 2, "fpr", "spec")),
    # stories: story(total, real positives, TP, FP, ...)
    ("story", story(10000, 100, 80, 150 - 80, "acc", "prec", "rec", "f1")),
    ("story", story(2000, pct(5, 2000), 90, 171, "rec", "spec", "prec")),
    ("story", story(500, 40, 36, 45 - 36, "prec", "rec", "f1")),
    ("story", story(1200, 300, 270, 24, "prec", "rec", "acc")),
    ("story", story(1000, pct(10, 1000), pct(95, pct(10, 1000)),
                    pct(2, 1000 - pct(10, 1000)), "prec", "acc")),
    ("story", story(250, 50, 45, 60 - 45, "rec", "f1")),
    ("story", story(4000, 40, 40 - 6, 120, "rec", "prec", "fpr")),
    ("story", story(800, pct(25, 800), 150, 180 - 150, "acc", "prec", "rec", "f1")),
    ("story", story(5000, pct(1, 5000), 45, pct(4, 5000) - 45, "prec", "rec", "spec")),
    ("story", story(10000, pct(2, 10000), 190, 250 - 190, "prec", "rec", "f1")),
    ("story", story(5000, 50, 0, 0, "acc", "rec")),
    ("story", story(100, 60, 50, 5, "acc", "prec", "rec", "f1")),
    ("story", story(400, 120, 130 - 20, 20, "rec", "spec", "acc")),
    ("story", story(2500, pct(4, 2500), pct(75, pct(4, 2500)),
                    pct(3, 2500 - pct(4, 2500)), "prec", "acc", "f1")),
    ("story", story(600, 90, 100 - 15, 15, "prec", "rec", "spec")),
]


def main():
    with open(YAML_PATH, encoding="utf-8") as fh:
        items = yaml.safe_load(fh)
    assert isinstance(items, list)

    kinds = {}
    for i, it in enumerate(items):
        assert set(it) <= {"q", "expect", "contains"}, (i, it)
        assert isinstance(it.get("q"), str) and it["q"].strip(), i
        e = it.get("expect")
        kinds[e] = kinds.get(e, 0) + 1
        if e == "calculation":
            if not it.get("contains"):
                problems.append(f"item {i}: calculation without contains")
        elif e in ("clarify", "not-calculation"):
            if "contains" in it:
                problems.append(f"item {i}: {e} must not have contains")
        else:
            problems.append(f"item {i}: unknown expect {e!r}")

    calcs = [it for it in items if it.get("expect") == "calculation"]
    if len(calcs) != len(EXPECTED):
        problems.append(f"{len(calcs)} calculations in YAML, {len(EXPECTED)} in script")

    topics = {}
    for n, (it, (topic, exp)) in enumerate(zip(calcs, EXPECTED), 1):
        topics[topic] = topics.get(topic, 0) + 1
        got = [str(x) for x in it["contains"]]
        if got != exp:
            problems.append(f"calc #{n}: yaml {got} != computed {exp}\n    q: {it['q'][:90]!r}")

    qs = [it["q"] for it in items]
    if len(set(qs)) != len(qs):
        problems.append("duplicate questions")

    print("kinds:", kinds)
    print("calculation topics:", topics)
    want = {"calculation": 110, "clarify": 25, "not-calculation": 20}
    if kinds != want:
        problems.append(f"kind counts {kinds} != {want}")
    want_t = {"size": 35, "params": 25, "eig": 10, "attn": 15, "metric": 10, "story": 15}
    if topics != want_t:
        problems.append(f"topic counts {topics} != {want_t}")

    if problems:
        print("FAIL")
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print(f"OK: all {len(calcs)} calculations match")


if __name__ == "__main__":
    main()
