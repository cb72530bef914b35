#!/usr/bin/env python3
"""Check train-53.yaml: recompute every calculation item's `contains` from the
intended confusion-matrix counts, and check the counts against the numbers the
story states (totals, class sizes, rates). Exits non-zero on any mismatch."""
import os
import sys
from fractions import Fraction as F

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
YAML_PATH = os.path.join(HERE, "train-53.yaml")

# (TP, FP, TN, FN, metrics asked in order, stated numbers in the story)
# TN is None when the story gives no total (precision/recall/F1 only).
# Stated keys: all, P (actual positives), N (actual negatives), PP (predicted
# positive), PN (predicted negative), TP, FP, TN, FN, prev (P/all), sens
# (TP/P), spec (TN/N), fpr (FP/N), ppv (TP/PP), ppfrac (PP/all).
ITEMS = [
    (126, 14, 436, 24, ["prec", "rec"], dict(all=600, P=150, PP=140, TP=126)),            # 1 fox
    (72, 46, 874, 8, ["spec", "f1"], dict(P=80, N=920, TP=72, FP=46)),                     # 2 pneumonia
    (45, 30, 920, 5, ["acc"], dict(TP=45, FN=5, FP=30, TN=920)),                           # 3 fraud hits
    (180, 36, 1764, 20, ["prec"], dict(all=2000, prev=F(1, 10), sens=F(9, 10), fpr=F(1, 50))),  # 4 spam
    (48, 12, 928, 12, ["rec", "acc"], dict(PP=60, TP=48, PN=940, FN=12)),                  # 5 parts
    (160, 40, 240, 60, ["f1"], dict(all=500, P=220, PP=200, TP=160)),                      # 6 basketball
    (58, 22, 270, 15, ["acc", "fpr"], dict(all=365, P=73, PP=80, TP=58)),                  # 7 rain
    (40, 160, 9790, 10, ["prec", "rec"], dict(all=10000, P=50, PP=200, TP=40)),            # 8 IDS
    (150, 20, 100, 30, ["spec"], dict(all=300, P=180, PP=170, TP=150)),                    # 9 rejected
    (30, 36, 324, 10, ["f1"], dict(all=400, P=40, sens=F(3, 4), FP=36)),                   # 10 dropout
    (40, 5, 195, 10, ["rec"], dict(all=250, P=50, PP=45, TP=40)),                          # 11 leaf
    (24, 12, 1158, 6, ["acc", "prec"], dict(all=1200, P=30, TP=24, FP=12)),                # 12 exoplanet
    (120, 17, 833, 30, ["rec", "spec"], dict(P=150, TP=120, N=850, FP=17)),                # 13 toxic
    (20, 5, None, 20, ["prec", "rec"], dict(PP=25, TP=20, P=40)),                          # 14 IR
    (190, 980, 8820, 10, ["prec"], dict(all=10000, prev=F(2, 100), sens=F(95, 100), spec=F(9, 10))),  # 15 covid
    (7, 70, 922, 1, ["spec"], dict(all=1000, P=8, TP=7, FP=70)),                           # 16 cancer
    (20, 10, 465, 5, ["prec", "f1"], dict(all=500, P=25, PP=30, TP=20)),                   # 17 bottles
    (40, 60, 4890, 10, ["fpr"], dict(all=5000, P=50, PP=100, TP=40)),                      # 18 credit card
    (190, 14, 586, 10, ["acc"], dict(all=800, P=200, TP=190, FP=14)),                      # 19 deer
    (90, 30, 860, 20, ["prec", "rec"], dict(PP=120, TP=90, PN=880, FN=20)),                # 20 churn
    (140, 60, 780, 20, ["acc"], dict(all=1000, PP=200, ppv=F(7, 10), FN=20)),              # 21 malware
    (80, 40, 440, 40, ["rec", "spec"], dict(P=120, N=480, sens=F(2, 3), fpr=F(1, 12))),    # 22 x-ray
    (9, 6, 42, 3, ["f1"], dict(all=60, P=12, PP=15, TP=9)),                                # 23 hamstring
    (30, 10, 455, 5, ["acc"], dict(PP=40, FP=10, FN=5, all=500)),                          # 24 hail
    (97, 20, 880, 3, ["rec", "fpr"], dict(all=1000, P=100, FN=3, FP=20)),                  # 25 impostor
    (15, 10, 160, 15, ["spec"], dict(all=200, P=30, PP=25, TP=15)),                        # 26 attrition
    (8, 4, 77, 1, ["prec", "acc"], dict(all=90, P=9, PP=12, TP=8)),                        # 27 plagiarism
    (95, 15, 285, 5, ["fpr"], dict(all=400, P=100, PP=110, TP=95)),                        # 28 weeds
    (80, 45, 1855, 20, ["prec"], dict(all=2000, prev=F(5, 100), sens=F(8, 10), FP=45)),    # 29 galaxy
    (225, 75, 4675, 25, ["acc", "f1"], dict(all=5000, P=250, PP=300, TP=225)),             # 30 NSFW
    (35, 15, None, 35, ["f1"], dict(PP=50, TP=35, P=70)),                                  # 31 retrieval
    (120, 68, 782, 30, ["acc", "prec"], dict(P=150, N=850, TP=120, FP=68)),                # 32 diabetes
    (12, 20, 3614, 4, ["prec", "rec"], dict(TP=12, FN=4, FP=20, TN=3614)),                 # 33 earthquake
    (90, 20, 2380, 10, ["spec", "rec"], dict(all=2500, prev=F(4, 100), PP=110, TP=90)),    # 34 wafer
    (30, 30, 510, 30, ["f1"], dict(all=600, P=60, ppfrac=F(1, 10), ppv=F(1, 2))),          # 35 insurance
    (285, 15, 665, 35, ["acc", "rec"], dict(PP=300, TP=285, PN=700, FN=35)),               # 36 spam folder
    (42, 18, 1374, 6, ["spec"], dict(all=1440, P=48, PP=60, TP=42)),                       # 37 owl
    (10, 10, 38, 6, ["acc"], dict(all=64, P=16, PP=20, TP=10)),                            # 38 tennis
    (15, 6, 66, 3, ["f1", "acc"], dict(all=90, P=18, FN=3, FP=6)),                         # 39 frost
    (88, 12, 880, 20, ["prec", "fpr"], dict(TP=88, FP=12, TN=880, FN=20)),                 # 40 phishing
    (30, 10, 440, 20, ["rec"], dict(all=500, P=50, PP=40, TP=30)),                         # 41 promotion
    (32, 18, 142, 8, ["prec", "spec"], dict(all=200, P=40, PP=50, TP=32)),                 # 42 fail
    (260, 20, 680, 40, ["acc"], dict(all=1000, P=300, PP=280, TP=260)),                    # 43 apples
    (45, 15, 4935, 5, ["prec"], dict(all=5000, prev=F(1, 100), PP=60, sens=F(9, 10))),     # 44 asteroid
    (340, 180, 3420, 60, ["f1"], dict(P=400, N=3600, sens=F(85, 100), fpr=F(5, 100))),    # 45 hate
    (120, 280, 9520, 80, ["prec", "rec"], dict(all=10000, P=200, PP=400, TP=120)),         # 46 ads
    (56, 14, 117, 13, ["acc", "rec"], dict(PP=70, TP=56, PN=130, TN=117)),                 # 47 alzheimer
    (80, 170, 19730, 20, ["rec", "prec"], dict(all=20000, P=100, PP=250, TP=80)),          # 48 fraud typos
    (48, 6, 234, 12, ["acc"], dict(P=60, all=300, PP=54, TP=48)),                          # 49 sms words
    (60, 30, 1395, 15, ["f1", "spec"], dict(all=1500, P=75, PP=90, TP=60)),                # 50 welds
    (540, 30, 2370, 60, ["fpr"], dict(all=3000, P=600, PP=570, TP=540)),                   # 51 elephants
    (64, 8, 312, 16, ["rec", "acc"], dict(all=400, P=80, PP=72, FP=8)),                    # 52 offside
    (60, 140, None, 15, ["prec", "rec"], dict(PP=200, TP=60, FN=15)),                      # 53 tornado
    (90, 38, 1862, 10, ["spec", "prec"], dict(all=2000, prev=F(1, 20), FN=10, FP=38)),     # 54 apps
    (24, 16, 194, 6, ["f1"], dict(all=240, prev=F(1, 8), PP=40, TP=24)),                   # 55 no-show
    (90, 40, 360, 10, ["fpr", "acc"], dict(all=500, P=100, PP=130, TP=90)),                # 56 review
    (18, 4, 56, 2, ["spec"], dict(all=80, prev=F(1, 4), PP=22, TP=18)),                    # 57 soil
    (1440, 360, 14040, 160, ["acc"], dict(all=16000, P=1600, sens=F(9, 10), ppv=F(8, 10))),  # 58 pulsar
    (32, 8, 944, 16, ["prec", "rec"], dict(PP=40, TP=32, PN=960, FN=16)),                  # 59 ban
    (300, 50, 580, 70, ["acc", "f1"], dict(all=1000, P=370, PP=350, TP=300)),              # 60 duplicates
    (45, 15, 185, 5, ["rec", "spec"], dict(all=250, P=50, PP=60, TP=45)),                  # 61 tumor
    (170, 398, 39402, 30, ["prec"], dict(all=40000, prev=F(5, 1000), sens=F(85, 100), fpr=F(1, 100))),  # 62 bank
    (117, 9, 861, 13, ["rec", "acc"], dict(all=1000, P=130, N=870, TP=117, FP=9)),         # 63 sms ham
    (45, 15, 935, 5, ["prec"], dict(TP=45, FN=5, FP=15, TN=935)),                          # 64 bolts
    (270, 35, 665, 30, ["f1"], dict(P=300, TP=270, N=700, TN=665)),                        # 65 bats
    (6, 6, 386, 2, ["spec", "prec"], dict(all=400, P=8, PP=12, TP=6)),                     # 66 doping
    (56, 14, 226, 4, ["rec", "acc"], dict(all=300, prev=F(1, 5), PP=70, ppv=F(8, 10))),    # 67 fog
    (35, 15, 1945, 5, ["acc", "fpr"], dict(all=2000, P=40, PP=50, TP=35)),                 # 68 weapon
    (150, 50, 910, 90, ["prec", "rec"], dict(all=1200, P=240, PP=200, TP=150)),            # 69 shortlist
    (24, 12, 78, 6, ["f1", "spec"], dict(all=120, P=30, PP=36, TP=24)),                    # 70 A grade
    (150, 32, 448, 10, ["acc"], dict(all=640, P=160, TP=150, FP=32)),                      # 71 aphids
    (117, 13, 362, 8, ["rec"], dict(all=500, P=125, PP=130, FP=13)),                       # 72 GRB
    (60, 20, 880, 40, ["rec", "spec"], dict(all=1000, P=100, PP=80, TP=60)),               # 73 fake reviews
    (270, 60, 2640, 30, ["f1"], dict(all=3000, P=300, PP=330, TP=270)),                    # 74 safe search
    (50, 60, 480, 10, ["prec"], dict(P=60, N=540, sens=F(5, 6), fpr=F(1, 9))),             # 75 sepsis
    (930, 10, 40, 20, ["prec", "spec"], dict(all=1000, P=950, PP=940, TP=930)),            # 76 legit
    (360, 40, 1560, 40, ["acc", "f1"], dict(P=400, TP=360, N=1600, FP=40)),                # 77 spam non-native
    (190, 310, 9490, 10, ["spec", "prec"], dict(all=10000, P=200, PP=500, TP=190)),        # 78 PCB
    (90, 10, 870, 30, ["f1"], dict(all=1000, P=120, PP=100, TP=90)),                       # 79 seals
    (117, 63, 146, 54, ["acc"], dict(all=380, PP=180, TP=117, P=171)),                     # 80 home wins
    (45, 15, None, 30, ["rec", "prec"], dict(TP=45, FP=15, FN=30)),                        # 81 lightning
    (400, 600, 48900, 100, ["fpr", "rec"], dict(all=50000, prev=F(1, 100), PP=1000, TP=400)),  # 82 logins
    (25, 10, 150, 15, ["spec", "f1"], dict(TP=25, FN=15, FP=10, TN=150)),                  # 83 high performer
    (400, 50, 1450, 100, ["acc"], dict(all=2000, P=500, PP=450, TP=400)),                  # 84 admission
    (40, 10, 125, 5, ["fpr", "prec"], dict(all=180, P=45, PP=50, TP=40)),                  # 85 drought
    (200, 50, 4700, 50, ["rec", "acc"], dict(PP=250, TP=200, PN=4750, FN=50)),             # 86 variable stars
    (240, 80, 820, 60, ["prec", "f1"], dict(all=1200, P=300, TP=240, FP=80)),              # 87 misinformation
    (30, 10, None, 90, ["prec", "rec"], dict(PP=40, TP=30, P=120)),                        # 88 cat images
    (90, 891, 9009, 10, ["prec", "acc"], dict(all=10000, prev=F(1, 100), sens=F(9, 10), spec=F(91, 100))),  # 89 mammogram
    (70, 995, 18905, 30, ["prec"], dict(all=20000, P=100, fpr=F(5, 100), TP=70)),          # 90 card 5%
    (140, 50, 800, 10, ["f1", "spec"], dict(TP=140, FN=10, FP=50, TN=800)),                # 91 spam log
    (36, 14, 746, 4, ["rec", "fpr"], dict(all=800, P=40, PP=50, TP=36)),                   # 92 NG
    (18, 12, 1968, 2, ["acc"], dict(all=2000, P=20, PP=30, TP=18)),                        # 93 gunshot
    (16, 24, 128, 32, ["spec", "prec"], dict(P=48, sens=F(1, 3), FP=24, N=152)),           # 94 injury thirds
    (9, 5, 85, 1, ["f1", "fpr"], dict(all=100, P=10, PP=14, TP=9)),                        # 95 flood
]

EXPECTED_CALC = 95
EXPECTED_CLARIFY = 25


def metric(name, tp, fp, tn, fn):
    if name == "acc":
        return F(tp + tn, tp + fp + tn + fn)
    if name == "prec":
        return F(tp, tp + fp)
    if name == "rec":
        return F(tp, tp + fn)
    if name == "spec":
        return F(tn, tn + fp)
    if name == "fpr":
        return F(fp, fp + tn)
    if name == "f1":
        return F(2 * tp, 2 * tp + fp + fn)
    raise ValueError(name)


def fmt(x):
    if x.denominator == 1:
        return str(x.numerator)
    return str(round(float(x), 4))


def on_boundary(x):
    # x*10^4 has a fractional part of exactly (or almost) one half
    scaled = x * 10000
    frac = scaled - (scaled.numerator // scaled.denominator)
    return abs(frac - F(1, 2)) < F(1, 10**6)


def derived(tp, fp, tn, fn):
    d = dict(TP=tp, FP=fp, FN=fn, P=tp + fn, PP=tp + fp)
    if tn is not None:
        d.update(TN=tn, N=tn + fp, PN=tn + fn, all=tp + fp + tn + fn)
    return d


def stated_value(key, d):
    if key in d:
        return d[key]
    if key == "prev":
        return F(d["P"], d["all"])
    if key == "sens":
        return F(d["TP"], d["P"])
    if key == "spec":
        return F(d["TN"], d["N"])
    if key == "fpr":
        return F(d["FP"], d["N"])
    if key == "ppv":
        return F(d["TP"], d["PP"])
    if key == "ppfrac":
        return F(d["PP"], d["all"])
    raise KeyError(key)


def main():
    errors = []
    with open(YAML_PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        print("YAML top level is not a list")
        return 1
    calc = [it for it in data if it.get("expect") == "calculation"]
    clar = [it for it in data if it.get("expect") == "clarify"]
    other = [it for it in data if it.get("expect") not in ("calculation", "clarify")]
    if other:
        errors.append(f"{len(other)} items with unknown expect")
    if len(calc) != EXPECTED_CALC:
        errors.append(f"calculation items: {len(calc)} != {EXPECTED_CALC}")
    if len(clar) != EXPECTED_CLARIFY:
        errors.append(f"clarify items: {len(clar)} != {EXPECTED_CLARIFY}")
    if len(ITEMS) != len(calc):
        errors.append(f"ITEMS has {len(ITEMS)} entries, YAML has {len(calc)} calculation items")
    for it in clar:
        if "contains" in it:
            errors.append(f"clarify item has contains: {it['q'][:60]}")
    qs = [it["q"] for it in data]
    if len(set(qs)) != len(qs):
        errors.append("duplicate questions")

    for i, (item, spec) in enumerate(zip(calc, ITEMS), start=1):
        tp, fp, tn, fn, metrics, stated = spec
        q = item["q"][:70]
        counts = [c for c in (tp, fp, tn, fn) if c is not None]
        if any(c < 0 for c in counts):
            errors.append(f"#{i} negative count: {q}")
        if tn is None and any(m in ("acc", "spec", "fpr") for m in metrics):
            errors.append(f"#{i} metric needs TN but story has no total: {q}")
        vals = [metric(m, tp, fp, tn, fn) for m in metrics]
        for m, v in zip(metrics, vals):
            if v.denominator != 1 and on_boundary(v):
                errors.append(f"#{i} {m}={float(v)} on a rounding boundary: {q}")
        want = [fmt(v) for v in vals]
        got = item.get("contains")
        if got != want:
            errors.append(f"#{i} contains {got} != recomputed {want}: {q}")
        if len(set(want)) != len(want):
            errors.append(f"#{i} duplicate metric values {want}: {q}")
        d = derived(tp, fp, tn, fn)
        for key, val in stated.items():
            try:
                actual = stated_value(key, d)
            except KeyError:
                errors.append(f"#{i} cannot check stated {key}: {q}")
                continue
            if F(actual) != F(val):
                errors.append(f"#{i} stated {key}={val} but counts give {actual}: {q}")

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(calc)} calculation + {len(clar)} clarify items; all contains lists and stated numbers match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
