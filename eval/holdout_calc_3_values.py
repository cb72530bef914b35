#!/usr/bin/env python3
"""eval/holdout-calc-3.yaml, a blind HOLDOUT of calculations (reported, never tuned on).

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the calculators: 30 confusion matrices told in prose, 20
conv questions in framework calls, shorthand and stacks of layers, 20 attention costs over
sequences and image patches, and 10 that lack a value. Every expected number is computed here
from the values each message was written to contain.

    python3 eval/holdout_calc_3_values.py   # rewrites eval/holdout-calc-3.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import os
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout-calc-3.yaml")


# ---------------------------------------------------------------- metrics
def fmt_metric(fr):
    """Round half-up to 4 decimals, drop trailing zeros; refuse near-boundary values."""
    scaled = fr * 10000
    frac = scaled - math.floor(scaled)
    assert abs(frac - Fraction(1, 2)) >= Fraction(5, 100), ("near rounding boundary", fr)
    q = math.floor(scaled + Fraction(1, 2))
    s = f"{q // 10000}.{q % 10000:04d}".rstrip("0").rstrip(".")
    assert s not in ("0", "1"), ("degenerate metric", fr)
    return s


def metrics(tp, fp, fn, tn):
    n = tp + fp + fn + tn
    return {
        "accuracy": Fraction(tp + tn, n),
        "precision": Fraction(tp, tp + fp),
        "recall": Fraction(tp, tp + fn),
        "specificity": Fraction(tn, tn + fp),
        "f1": Fraction(2 * tp, 2 * tp + fp + fn),
    }


# (text, (TP, FP, FN, TN), asked metrics)
CONFUSION = [
    ("A mammography screening program checked 1000 women. 40 of them actually had breast cancer and the test flagged 34 of those. Among the 960 healthy women, 88 were also flagged positive. What are the sensitivity and specificity of the test?",
     (34, 88, 6, 872), ["recall", "specificity"]),
    ("ok so my spam filter results: it correctly flagged 102 spam emails, wrongly flagged 18 normal emails as spam, missed 23 spam emails, and correctly let through 657 normal ones. whats the precision and recall",
     (102, 18, 23, 657), ["precision", "recall"]),
    ("Our fraud model flagged 80 transactions out of 5000. Of the 80 it flagged, 60 were actually fraudulent. Of the 4920 it didn't flag, 15 turned out to be fraud anyway. Can you compute precision, recall and F1?",
     (60, 20, 15, 4905), ["precision", "recall", "f1"]),
    ("Of 50 sick patients, 45 tested positive. Of 150 healthy patients, 12 tested positive. What's the sensitivity, specificity and accuracy of this test?",
     (45, 12, 5, 138), ["recall", "specificity", "accuracy"]),
    ("A vision system on our production line inspected 2000 parts. 150 of the parts were actually defective. The system rejected 170 parts in total, and 130 of the rejected ones were truly defective. What's the accuracy and the precision (defective = positive)?",
     (130, 40, 20, 1810), ["accuracy", "precision"]),
    ("For one query my search engine returned 40 documents, and 28 of the returned documents were relevant. The collection has 1000 documents in total and 36 of them are relevant to the query. What are precision and recall?",
     (28, 12, 8, 952), ["precision", "recall"]),
    ("we tested a face unlock system: 300 attempts by the real owner, 276 of them were accepted. 700 attempts by impostors, 14 of those got accepted. treating 'accept' as the positive outcome, compute recall, specificity and precision",
     (276, 14, 24, 686), ["recall", "specificity", "precision"]),
    ("Camera trap classifier: 500 images, of which 120 contain a lynx. The model said 'lynx' on 110 images, and 95 of those really had a lynx. What's the F1 score for the lynx class?",
     (95, 15, 25, 365), ["f1"]),
    ("A plagiarism checker was run on 400 essays. It flagged 45 essays, and 36 of the flagged ones were really plagiarized. Among the essays it did not flag, 12 were plagiarized anyway. what is the precision, recall and accuracy",
     (36, 9, 12, 343), ["precision", "recall", "accuracy"]),
    ("Credit default model evaluated on 1200 borrowers: 90 of them actually defaulted. The model predicted default for 110 borrowers, 63 of whom really defaulted. Give me the recall and the specificity.",
     (63, 47, 27, 1063), ["recall", "specificity"]),
    ("In a study of a rapid antigen test, 85 infected people tested positive and 15 infected people tested negative. Among the uninfected people, 8 tested positive and 392 tested negative. Sensitivity and specificity please.",
     (85, 8, 15, 392), ["recall", "specificity"]),
    ("phising detector: out of 250 phishing emails it cought 230. out of 4750 normal emails it wrongly flaged 95 as phishing. what's the precision and f1",
     (230, 95, 20, 4655), ["precision", "f1"]),
    ("Our weld inspection AI labeled 300 welds as 'bad' and 1700 as 'good'. Of the ones it labeled bad, 240 really were bad. Of the ones it labeled good, 1660 really were good. Accuracy, precision and recall for detecting bad welds?",
     (240, 60, 40, 1660), ["accuracy", "precision", "recall"]),
    ("an MRI classifier was tested on 64 scans with tumors and 136 scans without. it detected 56 of the tumor scans, and gave a false alarm on 17 of the tumor-free scans. what's the F1 score?",
     (56, 17, 8, 119), ["f1"]),
    ("We ran a churn predictor on 850 customers. 120 of them actually churned. The model predicted churn for 100 customers, and 70 of those actually churned. What's the accuracy and the recall?",
     (70, 30, 50, 700), ["accuracy", "recall"]),
    ("There were 40 fraudulent transactions and 9960 legitimate ones in the test set. The model caught 31 of the frauds, and raised alarms on 249 of the legitimate transactions. What is its precision? And its specificity?",
     (31, 249, 9, 9711), ["precision", "specificity"]),
    ("radiology AI on 200 chest scans: it says positive on 50, and 42 of those positives are correct. it says negative on 150, and 144 of those negatives are correct. sensitivity and specificity?",
     (42, 8, 6, 144), ["recall", "specificity"]),
    ("My dog vs cat classifier, treating dog as the positive class: there were 500 dog images and 500 cat images in the test set. it called 460 of the dog images dogs, and called 35 of the cat images dogs. Accuracy and precision pls",
     (460, 35, 40, 465), ["accuracy", "precision"]),
    ("Antivirus test: 1000 files, 100 of them malicious. The scanner flagged 95 files in total; 5 of the flagged ones were actually clean. Compute recall, precision and F1.",
     (90, 5, 10, 895), ["recall", "precision", "f1"]),
    ("diabetes screenign: 30 of the 40 diabetic patients got a positive result, and 48 of the 360 non-diabetic ones also got a positive. sensitivity and specifity?",
     (30, 48, 10, 312), ["recall", "specificity"]),
    ("A camera checks bottle caps. During one shift it checked 5000 caps. It rejected 60, and 45 of the rejected ones were truly faulty. Afterwards a manual audit found 25 more faulty caps among the ones it had accepted. What are the precision, recall and accuracy of the reject decision?",
     (45, 15, 25, 4915), ["precision", "recall", "accuracy"]),
    ("For a query, my retrieval system returned the top 20 results, 13 of them relevant. there are 25 relevant docs in the whole 500-doc corpus. what's the f1 of this retrieval?",
     (13, 7, 12, 468), ["f1"]),
    ("A pedestrian detector was evaluated on 1000 image crops: it correctly detected 412 pedestrians, missed 38 pedestrians, raised 27 false alarms on background crops, and correctly rejected all the remaining background crops. Precision, recall, accuracy?",
     (412, 27, 38, 523), ["precision", "recall", "accuracy"]),
    ("Loan default model: it predicted 'will default' for 75 people and 'won't default' for 925. In reality 50 of the 75 defaulted, and 30 of the 925 defaulted too. Taking default as positive, what is the precision and the recall?",
     (50, 25, 30, 895), ["precision", "recall"]),
    ("An HIV test was given to 10000 people, of whom 100 were infected. The test came back positive for 99 of the infected people and for 198 of the uninfected people. What's the precision (positive predictive value) and the specificity?",
     (99, 198, 1, 9702), ["precision", "specificity"]),
    ("sentiment model on 300 reviews: 180 positive reviews and 120 negative. it labeled 170 of the positive reviews as positive and 30 of the negative reviews as positive too. accuracy and F1 (positive sentiment = positive class)?",
     (170, 30, 10, 90), ["accuracy", "f1"]),
    ("camera traps in the park took 2400 photos. The 'animal present' detector fired on 650 of them; when we checked by hand, 590 of those actually had an animal. Of all 2400 photos, 642 had an animal in them. recall and specificity?",
     (590, 60, 52, 1698), ["recall", "specificity"]),
    ("Driver drowsiness detector tested over 1500 one-minute clips. The driver was actually drowsy in 210 clips and the detector raised an alert in 180 of those. It also raised alerts in 66 clips where the driver was fully alert. What are the accuracy and precision?",
     (180, 66, 30, 1224), ["accuracy", "precision"]),
    ("tested our plagiarism tool on 120 copied assignments and 380 original ones. It marked 102 of the copied ones as plagiarised, and 19 original ones got marked as plagiarised by mistake. recall, precision and F1 pls",
     (102, 19, 18, 361), ["recall", "precision", "f1"]),
    ("A fruit-sorting machine processed 3000 apples and sent 240 of them to the reject bin. Inspectors found that 200 of the rejected apples were really bruised, and that 40 bruised apples slipped through into the accepted pile. Treating 'bruised' as positive, what are the specificity and F1?",
     (200, 40, 40, 2720), ["specificity", "f1"]),
]

# Stated totals that each story relies on (checked against the four counts).
CONFUSION_TOTALS = {0: 1000, 2: 5000, 4: 2000, 5: 1000, 8: 400, 9: 1200, 14: 850,
                    16: 200, 17: 1000, 18: 1000, 20: 5000, 21: 500, 22: 1000,
                    23: 1000, 24: 10000, 25: 300, 26: 2400, 27: 1500, 28: 500,
                    29: 3000}


# ---------------------------------------------------------------- conv
def conv_out(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def same_out(n, s):
    return -(-n // s)


def run_stack(n, layers):
    for layer in layers:
        if layer[0] == "same":
            n = same_out(n, layer[1])
        else:
            _, k, s, p, d = layer
            n = conv_out(n, k, s, p, d)
        assert n > 0
    return n


def C(k, s=1, p=0, d=1):
    return ("conv", k, s, p, d)


def S(s):
    return ("same", s)


def params(kh, kw, cin, cout, bias=True):
    return kh * kw * cin * cout + (cout if bias else 0)


# (text, list of expected values as ints) — computed below
CONV = [
    ("x = torch.randn(8, 3, 224, 224)\nconv = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)\nwhat's the output shape of conv(x)?",
     [run_stack(224, [C(7, 2, 3)])]),
    ("nn.MaxPool2d(kernel_size=3, stride=2, padding=1) applied to a tensor of shape (1, 64, 112, 112) - what's the output spatial size?",
     [run_stack(112, [C(3, 2, 1)])]),
    ("My first layer is Conv2D(32, (5,5), strides=2, padding='valid', input_shape=(127,127,3)). What's the output shape and how many params does it have?",
     [run_stack(127, [C(5, 2, 0)]), params(5, 5, 3, 32)]),
    ("Conv2D(64, 3, strides=2, padding='same') applied to an input of shape (None, 75, 75, 32). what are the output height and width?",
     [run_stack(75, [S(2)])]),
    ("input 57x57, conv k5s2p2 - what size comes out?",
     [run_stack(57, [C(5, 2, 2)])]),
    ("3x3/2 conv with no padding on a 67x67 feature map, depth 32, 64 filters. output size and # of params?",
     [run_stack(67, [C(3, 2, 0)]), params(3, 3, 32, 64)]),
    ("what does nn.Conv2d(16, 16, kernel_size=3, dilation=2, padding=0) output for an input of shape (4, 16, 50, 50)?",
     [run_stack(50, [C(3, 1, 0, 2)])]),
    ("how many parameters are in nn.Conv2d(128, 256, kernel_size=3, padding=1, bias=False)?",
     [params(3, 3, 128, 256, bias=False)]),
    ("Conv2D(96, (1,1)) with input (None, 28, 28, 192) - how many trainable params does that layer have?",
     [params(1, 1, 192, 96)]),
    ("MaxPooling2D(pool_size=(3,3)) on an input of (None, 100, 100, 16), what's the output shape?",
     [run_stack(100, [C(3, 3, 0)])]),
    ("if i do nn.MaxPool2d(2) on a (1, 32, 75, 75) tensor whats the shape after",
     [run_stack(75, [C(2, 2, 0)])]),
    ("nn.Conv2d(3, 16, kernel_size=(3,5), stride=(1,2), padding=(1,2)) on an input of 1x3x48x101. output H and W?",
     [run_stack(48, [C(3, 1, 1)]), run_stack(101, [C(5, 2, 2)])]),
    # ---- stacks
    ("input 200x200 → conv 7x7/2 pad 3 → maxpool 3x3/2 pad 1 → conv 3x3/1 pad 1. final spatial size?",
     [run_stack(200, [C(7, 2, 3), C(3, 2, 1), C(3, 1, 1)])]),
    ("nn.Sequential(nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2)) with a 96x96 grayscale input, what's the spatial size at the end? need it to size my Linear layer",
     [run_stack(96, [C(5), C(2, 2), C(5), C(2, 2)])]),
    ("model = Sequential([Conv2D(32, 3, activation='relu', input_shape=(150,150,3)), MaxPooling2D(2), Conv2D(64, 3, activation='relu'), MaxPooling2D(2)]) -- what's the final feature map size?",
     [run_stack(150, [C(3), C(2, 2), C(3), C(2, 2)])]),
    ("I have a 64x64 input, then a conv 5x5 stride 1 no padding, then a conv 3x3 stride 2 no padding, then maxpool 2x2. what's the final size?",
     [run_stack(64, [C(5), C(3, 2), C(2, 2)])]),
    ("Keras: input (None, 250, 250, 3) -> Conv2D(16, 3, strides=2, padding='same') -> Conv2D(32, 3, strides=2, padding='same') -> MaxPooling2D(2). what's the output H x W?",
     [run_stack(250, [S(2), S(2), C(2, 2)])]),
    ("stack: k3s1p0 -> k3s2p1 -> k3s1p0 on a 99x99 input, what's the output?",
     [run_stack(99, [C(3, 1, 0), C(3, 2, 1), C(3, 1, 0)])]),
    ("x has shape (2, 8, 64, 64).\nlayer1 = nn.Conv2d(8, 16, 3, padding=2, dilation=2)\nlayer2 = nn.Conv2d(16, 16, 3, stride=2, padding=4, dilation=4)\nwhat's the shape after layer2(layer1(x))?",
     [run_stack(64, [C(3, 1, 2, 2), C(3, 2, 4, 4)])]),
    ("227x227 input -> conv 11x11 stride 4 (no pad) -> maxpool 3x3 stride 2 -> conv 5x5 pad 2 -> maxpool 3x3 stride 2. final spatial dims?",
     [run_stack(227, [C(11, 4), C(3, 2), C(5, 1, 2), C(3, 2)])]),
]


# ---------------------------------------------------------------- attention
def seq_cost(n, d):
    return [n * n, n * n * d]


def img_cost(H, W, Cc, h, w, s):
    P = ((H - h) // s + 1) * ((W - w) // s + 1)
    return [P, P * P * h * w * Cc]


# (text, expected ints, which indices to require)
ATTN = [
    ("2048 tokens, d_model 256: how many MACs does Q K^T take?", seq_cost(2048, 256), [1]),
    ("n=300, d=64. how many dot products and how many multiply-adds to get the attention score matrix?", seq_cost(300, 64), [0, 1]),
    ("sequence of 512 tokens, each embedded in 768 dims. what's the cost of computing QK^T in MACs?", seq_cost(512, 768), [1]),
    ("context of 1000 tokens with head dim 64 - how many multiply-accumulates for the attention scores?", seq_cost(1000, 64), [1]),
    ("a sentence of 50 tokens with d=512: number of dot products in self attention, and the MAC count?", seq_cost(50, 512), [0, 1]),
    ("4096 tokens with embedding dim 1024, how expensive is Q K transpose (in MACs)?", seq_cost(4096, 1024), [1]),
    ("self-attention over n = 196 tokens, d = 768. how many dot products and MACs for QK^T?", seq_cost(196, 768), [0, 1]),
    ("For a protein sequence of 1500 residues with embedding size 320, how many MACs are needed for the attention scores?", seq_cost(1500, 320), [1]),
    ("audio transformer with 3000 frames and d_model=384, what's the MAC count of QK^T?", seq_cost(3000, 384), [1]),
    ("128 tokens, d 32 -- count the dot products and MACs in Q K^T", seq_cost(128, 32), [0, 1]),
    ("ViT-B/16 on a 224x224 RGB image (16x16 patches, stride 16): how many patch tokens are there and how many MACs does QK^T take if the tokens are the raw flattened patches?",
     img_cost(224, 224, 3, 16, 16, 16), [0, 1]),
    ("ViT-L/14 at 224x224, i.e. non-overlapping 14x14 patches of an RGB image. How many MACs for the attention scores over the raw patches?",
     img_cost(224, 224, 3, 14, 14, 14), [0, 1]),
    ("grayscale 28x28 image cut into 7x7 non-overlapping patches. how many tokens and what's the QK^T cost in MACs?",
     img_cost(28, 28, 1, 7, 7, 7), [0, 1]),
    ("image 64x64x3, patches of 8x8 taken with stride 4. How many tokens, and how many MACs for self-attention scores over them?",
     img_cost(64, 64, 3, 8, 8, 4), [0, 1]),
    ("ViT-B/16 fine-tuned at 384x384 RGB (16x16 patches, stride 16). How many patches and how many MACs in QK^T?",
     img_cost(384, 384, 3, 16, 16, 16), [0, 1]),
    ("a 100x120 RGB image, 15x15 patches with stride 8. number of patches and attention MACs?",
     img_cost(100, 120, 3, 15, 15, 8), [0, 1]),
    ("an image of 480x640 RGB split into 32x32 patches with no overlap - how many MACs does self-attention's QK^T cost?",
     img_cost(480, 640, 3, 32, 32, 32), [0, 1]),
    ("100x100 grayscale image, 10x10 patches, stride 5. how many tokens and MACs for the attention score matrix?",
     img_cost(100, 100, 1, 10, 10, 5), [0, 1]),
    ("satellite image 256x256 with 4 bands (RGB + NIR), 16x16 patches at stride 16. attention cost in MACs?",
     img_cost(256, 256, 4, 16, 16, 16), [0, 1]),
    ("ViT-B/32 (32x32 patches, non-overlapping) on a 224x224 RGB image: tokens and QK^T MACs?",
     img_cost(224, 224, 3, 32, 32, 32), [0, 1]),
]

CLARIFY = [
    "our spam filter flagged 90 emails as spam and 72 of those were really spam. what's the recall?",
    "a covid test was positive for 45 of the infected people in our study. what's the specificity?",
    "what's the output size of nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)?",
    "how many MACs does QK^T take over 1024 tokens?",
    "I put a Conv2D with 64 filters of size 3x3 on my feature map, how many params does it have?",
    "self-attention over patches of a 256x256 RGB image: how many tokens and MACs?",
    "fraud model: there were 30 frauds in the test set and it caught 24 of them. there were also some false alarms. what's the precision?",
    "maxpool 2x2 stride 2 after a conv 3x3 pad 1, what's the final size?",
    "face recognition test: 200 genuine attempts, 180 of them accepted; 20 impostor attempts also got in. What's the accuracy?",
    "self-attention with d_model=512, how many dot products are in QK^T?",
]


def main():
    items = []
    for i, (text, (tp, fp, fn, tn), asked) in enumerate(CONFUSION):
        if i in CONFUSION_TOTALS:
            assert tp + fp + fn + tn == CONFUSION_TOTALS[i], i
        m = metrics(tp, fp, fn, tn)
        vals = []
        for name in asked:
            v = fmt_metric(m[name])
            if v not in vals:
                vals.append(v)
        items.append((text, "calculation", vals))
    for text, vals in CONV:
        items.append((text, "calculation", [str(v) for v in dict.fromkeys(vals)]))
    for text, vals, idx in ATTN:
        items.append((text, "calculation", [str(vals[j]) for j in idx]))
    for text in CLARIFY:
        items.append((text, "clarify", None))

    assert len(CONFUSION) == 30 and len(CONV) == 20 and len(ATTN) == 20 and len(CLARIFY) == 10
    assert len({t for t, _, _ in items}) == len(items)

    lines = ["# holdout-calc-3: a blind holdout of calculations, written from a description of the calculators only"]
    for text, expect, vals in items:
        lines.append(f"- q: {json.dumps(text, ensure_ascii=False)}")
        lines.append(f"  expect: {expect}")
        if vals is not None:
            lines.append("  contains: [" + ", ".join(json.dumps(v) for v in vals) + "]")
        lines.append("")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {OUT}: {len(items)} items "
          f"({sum(e == 'calculation' for _, e, _ in items)} calculation, "
          f"{sum(e == 'clarify' for _, e, _ in items)} clarify)")


if __name__ == "__main__":
    main()
