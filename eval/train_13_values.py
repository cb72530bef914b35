#!/usr/bin/env python3
"""eval/train-13.yaml, a TUNING set of confusion-matrix counts described in prose.

Written on 2026-12-03 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the metrics calculator: stories (medical tests, spam,
fraud, inspection, retrieval, named classes) that give the four counts directly, through totals
or grouped by prediction or by truth; `expect: clarify` where a needed count is missing.

Each case: (message, (TP, FP, TN, FN) as the author intends them, [metrics asked]). Metrics
are computed exactly with Fraction and rounded half-up to 4 decimals, trailing zeros dropped.

    python3 eval/train_13_values.py   # rewrites eval/train-13.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import os
from fractions import Fraction as F

CASES = [
    # 1 each count its own clause
    ("In our clinical trial the new test came back positive for 42 patients who really had the disease and for 9 who were healthy. It was negative for 131 healthy patients and 6 sick ones. What's the sensitivity and specificity?",
     (42, 9, 131, 6), ["recall", "specificity"]),
    # 2 grouping by prediction
    ("my spam filter labelled 35 emails as spam, 30 of them actually were spam and 5 were ham. of the 165 it labelled ham, 8 were actually spam. precision and recall pls",
     (30, 5, 157, 8), ["precision", "recall"]),
    # 3 terse
    ("flagged 40 frauds correctly, missed 10, 25 false alarms, 925 clean passed. precision?",
     (40, 25, 925, 10), ["precision"]),
    # 4 totals plus parts
    ("out of 80 actual positives the model caught 68; of 120 negatives it wrongly flagged 15. what's the F1 score and accuracy?",
     (68, 15, 105, 12), ["f1", "accuracy"]),
    # 5 grouping by truth
    ("of 90 sick patients 76 tested positive; of 900 healthy people 47 tested positive. sensitivity, specificity?",
     (76, 47, 853, 14), ["recall", "specificity"]),
    # 6 population totals
    ("Out of 200 emails, 60 were spam. The filter caught 51 of the spam and flagged 12 legit ones. What's the precision, recall and F1?",
     (51, 12, 128, 9), ["precision", "recall", "f1"]),
    # 7 defect inspection
    ("Our vision system on the assembly line inspected 1,000 parts. 50 were actually defective and it rejected 44 of those. It also rejected 17 good parts. Treating 'defective' as the positive class, what's the precision and specificity?",
     (44, 17, 933, 6), ["precision", "specificity"]),
    # 8 named classes
    ("I trained a cat vs dog classifier (cat = positive). On the test set, 230 cat images were predicted cat, 20 cat images were predicted dog, 35 dog images were predicted cat and 215 dog images were predicted dog. What is the accuracy and F1?",
     (230, 35, 215, 20), ["accuracy", "f1"]),
    # 9 retrieval
    ("A search engine returned 25 documents for my query, 18 of which were relevant. There are 30 relevant documents in the whole collection of 500. What are precision and recall?",
     (18, 7, 463, 12), ["precision", "recall"]),
    # 10 signal detection
    ("In a signal detection experiment a participant had 62 hits, 18 misses, 11 false alarms and 109 correct rejections. What's their hit rate (TPR) and specificity?",
     (62, 11, 109, 18), ["recall", "specificity"]),
    # 11 security screening
    ("At airport screening, the scanner flagged 14 bags that actually contained prohibited items and 86 bags that were fine. 3 bags with prohibited items got through unflagged, and 2897 clean bags passed. Precision and recall of the scanner?",
     (14, 86, 2897, 3), ["precision", "recall"]),
    # 12 typos, totals
    ("hey so my modle predicted 120 positves, 96 of them were right. there were 110 actual positives total and 400 samples overall. whats the recal and specifity",
     (96, 24, 266, 14), ["recall", "specificity"]),
    # 13 distractor numbers
    ("For my 2023 project, model v2 at epoch 10 with a 0.5 threshold: 88 true cases detected, 12 true cases missed, 7 false detections, 393 negatives correctly ignored. accuracy?",
     (88, 7, 393, 12), ["accuracy"]),
    # 14 population totals, medical
    ("A rapid COVID test was given to 500 people. 40 of them actually had COVID according to PCR. The rapid test was positive for 34 of the infected and for 6 of the uninfected. What's the sensitivity, specificity, and precision of the rapid test?",
     (34, 6, 454, 6), ["recall", "specificity", "precision"]),
    # 15 grouping by prediction, churn
    ("Our churn model predicted 300 customers would leave. 210 actually did. Among the 1700 customers it predicted would stay, 60 left anyway. Recall and F1?",
     (210, 90, 1640, 60), ["recall", "f1"]),
    # 16 fraud, population
    ("Of the 5000 transactions in the test month, 75 were fraudulent. Our detector flagged 60 of the frauds plus 140 legitimate transactions. How good is it in terms of precision and recall?",
     (60, 140, 4785, 15), ["precision", "recall"]),
    # 17 named classes, mask
    ("Mask detector, 'no mask' is the positive class. It said 'no mask' for 48 people who really weren't wearing one and for 7 people who were. It said 'mask' for 140 people wearing masks and for 5 people without. F1?",
     (48, 7, 140, 5), ["f1"]),
    # 18 pregnancy test
    ("a home pregnancy test was tried on 250 women, 100 of whom were pregnant. it gave a positive result for 97 of the pregnant women and 4 of the non-pregnant women. what is the specificity and accuracy?",
     (97, 4, 146, 3), ["specificity", "accuracy"]),
    # 19 weld inspection, by prediction
    ("The ultrasonic inspection rejected 73 welds. Later teardown showed 61 of the rejected welds really were bad. Of the welds it passed (927 of them), 9 turned out to be bad. Sensitivity of the inspection?",
     (61, 12, 918, 9), ["recall"]),
    # 20 sentiment
    ("positive sentiment = positive class. my classifier got 412 positive reviews right and 388 negative reviews right. it called 62 negative reviews positive and 38 positive reviews negative. precision, recall and f1 please",
     (412, 62, 388, 38), ["precision", "recall", "f1"]),
    # 21 terse intrusion
    ("caught 27 of 30 intruders, 13 false alarms out of 970 normal events. specificity + accuracy",
     (27, 13, 957, 3), ["specificity", "accuracy"]),
    # 22 mammography
    ("In a screening program 2,000 women had mammograms. 12 had breast cancer. The radiologists recalled 10 of the women with cancer and 190 of the women without cancer. Compute the PPV (precision) and specificity.",
     (10, 190, 1798, 2), ["precision", "specificity"]),
    # 23 retrieval
    ("my IR system retrieved 40 docs. 28 relevant ones were retrieved, and 14 relevant ones were not retrieved. the corpus has 1000 docs total. F1 score?",
     (28, 12, 946, 14), ["f1"]),
    # 24 husky vs wolf
    ("Binary classifier: husky (positive) vs wolf (negative). Test set has 60 huskies and 40 wolves. It correctly labeled 51 huskies and 33 wolves. accuracy, precision?",
     (51, 7, 33, 9), ["accuracy", "precision"]),
    # 25 loan default, distractors
    ("Model v3 (trained 2022, threshold 0.35). Among 1200 borrowers in the holdout, 150 defaulted. The model predicted default for 180 borrowers, of whom 105 actually defaulted. What's recall and precision for the default class?",
     (105, 75, 975, 45), ["recall", "precision"]),
    # 26 phishing, by prediction
    ("Of the emails our phishing detector flagged, 45 were real phishing and 15 were legitimate. Of the emails it let through, 5 were phishing and 935 were legitimate. What are precision, recall, and accuracy?",
     (45, 15, 935, 5), ["precision", "recall", "accuracy"]),
    # 27 histology, by truth
    ("Our CNN classifies histology slides as malignant or benign. Out of 320 malignant slides it called 296 malignant; out of 480 benign slides it called 30 malignant. sensitivity and specificity and F1?",
     (296, 30, 450, 24), ["recall", "specificity", "f1"]),
    # 28 newborn hearing
    ("hearing screening of newborns: 18 babies with hearing loss were referred, 2 babies with hearing loss passed the screen, 45 babies with normal hearing were referred, and 1935 normal-hearing babies passed. what's the specificity",
     (18, 45, 1935, 2), ["specificity"]),
    # 29 bottles
    ("Bottle inspection camera: 500 bottles went through. 20 had cracks. the camera kicked out 25 bottles total and 17 of those were cracked. What's the precision and recall?",
     (17, 8, 472, 3), ["precision", "recall"]),
    # 30 spam terse
    ("spam filter results: 180 spam caught, 20 spam got into inbox, 10 ham wrongly sent to spam, 790 ham fine. f1?",
     (180, 10, 790, 20), ["f1"]),
    # 31 pedestrians, distractors
    ("For our self-driving project, the pedestrian detector was run on 1500 frames (30 fps, 2024 dataset). 400 frames actually contain a pedestrian and it fired on 380 of them. It also fired on 22 frames with no pedestrian. accuracy and recall?",
     (380, 22, 1078, 20), ["accuracy", "recall"]),
    # 32 diabetes
    ("We tested an HbA1c cutoff on 750 patients. 210 have diabetes. The test was positive in 189 diabetics and negative in 500 non-diabetics. precision?",
     (189, 40, 500, 21), ["precision"]),
    # 33 toxic comments, by prediction
    ("My toxic comment classifier predicted 'toxic' 150 times and was right 120 times. It predicted 'non-toxic' 850 times and was right 800 times. recall and specificity?",
     (120, 30, 800, 50), ["recall", "specificity"]),
    # 34 metal detector
    ("Security checkpoint: 4 people carried weapons and the metal detector beeped for 3 of them. 996 unarmed people also went through and it beeped for 58 of them. sensitivity, specificity, accuracy?",
     (3, 58, 938, 1), ["recall", "specificity", "accuracy"]),
    # 35 fraud, totals
    ("The dataset has 2500 transactions. The model flagged 100 as fraud. In reality there were 80 frauds, and 64 of them were among the flagged ones. F1 and accuracy?",
     (64, 36, 2384, 16), ["f1", "accuracy"]),
    # 36 robin audio
    ("classifying audio clips as 'robin' (positive) or 'not robin'. 72 robin clips were labelled robin, 8 robin clips labelled not robin, 16 non-robin clips labelled robin, 304 non-robin clips labelled not robin. precision + recall",
     (72, 16, 304, 8), ["precision", "recall"]),
    # 37 polygraph
    ("A polygraph study: 50 liars and 50 truth-tellers. The polygraph said 'lying' for 41 liars and for 12 truth-tellers. what's its accuracy and F1 (liar = positive)",
     (41, 12, 38, 9), ["accuracy", "f1"]),
    # 38 typos, by prediction
    ("sorry if this is dumb. the test said positve for 66 ppl, but only 55 of them actualy had the virus. it said negative for 434 ppl and 5 of those had the virus. sensitivty?",
     (55, 11, 429, 5), ["recall"]),
    # 39 AOI boards, distractors
    ("Lot #4471, inspected on line 3. The AOI machine passed 940 boards and failed 60. Of the failed boards, 48 really had solder defects. Of the passed boards, 4 had defects that were found later at final test. What's the precision, recall and specificity of AOI?",
     (48, 12, 936, 4), ["precision", "recall", "specificity"]),
    # 40 FAQ retrieval
    ("Question retrieval: out of the 12 relevant FAQ entries, our system returned 9. It returned 15 entries in total. The FAQ contains 200 entries. What is the F1 and accuracy, treating 'returned' as a positive prediction?",
     (9, 6, 182, 3), ["f1", "accuracy"]),
    # 41 TB test, by truth
    ("A tuberculosis skin test: among 150 people with TB, 135 were positive; among 850 people without TB, 765 were negative. What is the F1 score of the test?",
     (135, 85, 765, 15), ["f1"]),
    # 42 terse prose
    ("310 correct positive calls, 45 wrong positive calls, 590 correct negative calls, 55 wrong negative calls. accuracy and precision",
     (310, 45, 590, 55), ["accuracy", "precision"]),
    # 43 anomaly windows
    ("We ran the anomaly detector on 2880 five-minute windows from last month. 32 windows had real incidents; the detector raised alerts in 24 of them. It raised alerts in 41 windows where nothing was wrong. specificity and precision?",
     (24, 41, 2807, 8), ["specificity", "precision"]),
    # 44 dog positive, by prediction
    ("dog is the positive class this time. model predicted dog for 140 images: 126 were dogs, the rest cats. predicted cat for 160 images: 150 were cats, the rest dogs. recall?",
     (126, 14, 150, 10), ["recall"]),
    # 45 sepsis alert
    ("Our hospital's sepsis alert fired 210 times last quarter; chart review confirmed sepsis in 63 of those. Another 27 septic patients never triggered the alert. In total 4000 patients were admitted. What is the alert's precision and sensitivity? And accuracy",
     (63, 147, 3763, 27), ["precision", "recall", "accuracy"]),
    # 46 antivirus
    ("Antivirus scan of 1000 files, 100 of which are malware. It quarantined 95 files, 88 of them malware. F1?",
     (88, 7, 893, 12), ["f1"]),
    # 47 hotdog
    ("hotdog/not hotdog app lol. 45 hotdog pics → it said hotdog for 39. 155 not-hotdog pics → it said hotdog for 11. accuracy, precision, recall?",
     (39, 11, 144, 6), ["accuracy", "precision", "recall"]),
    # 48 compound screening, distractor 5%
    ("Using a 5% significance threshold, the screening flagged 250 compounds as active. 50 of those were truly active. Among the 4750 compounds not flagged, 25 were truly active. recall and specificity?",
     (50, 200, 4725, 25), ["recall", "specificity"]),
    # 49 rain predictor
    ("My rain predictor for the 365 days of 2021: it predicted rain on 120 days, and it actually rained on 90 of those. It actually rained on 110 days in total. precision, recall, accuracy?",
     (90, 30, 225, 20), ["precision", "recall", "accuracy"]),
    # 50 doping
    ("anti-doping: 1200 athletes tested, 15 were actually doping. the test caught 12 of them and wrongly accused 6 clean athletes. specificity please",
     (12, 6, 1179, 3), ["specificity"]),
    # 51 face unlock
    ("Face unlock test: the owner tried 200 times and the phone unlocked 188 times. Strangers tried 800 times and it unlocked 4 times. With 'unlock' as the positive prediction and 'owner' as the positive class, what's the precision and TPR?",
     (188, 4, 796, 12), ["precision", "recall"]),
    # 52 fake news, by prediction
    ("fake news detector (fake=positive): says fake to 70 articles, 56 of which are fake. says real to 330 articles, of which 316 are real. accuracy + f1",
     (56, 14, 316, 14), ["accuracy", "f1"]),
    # 53 glaucoma
    ("In the validation cohort of 640 eyes, 160 had glaucoma. The AI graded 144 glaucomatous eyes as referable and 432 healthy eyes as non-referable. sensitivity, specificity, F1?",
     (144, 48, 432, 16), ["recall", "specificity", "f1"]),
    # 54 shoplifting, distractors
    ("The store installed camera v2.1 in 2023. During the 30-day trial, 20 shoplifting incidents occurred and the system alerted on 14. Staff logged 3000 non-incident events and 90 of them triggered false alerts. What's the precision?",
     (14, 90, 2910, 6), ["precision"]),
    # 55 exam fail prediction
    ("predicting which students will fail (fail = positive). 40 students actually failed; we predicted fail for 30 of them. 160 passed; we predicted fail for 10 of them. What's the F1 and specificity",
     (30, 10, 150, 10), ["f1", "specificity"]),
    # 56 terse retrieval
    ("retrieved 50 docs, relevant among retrieved 35, total relevant in the collection 70, collection size 2000. precision, recall, F1?",
     (35, 15, 1915, 35), ["precision", "recall", "f1"]),
    # 57 Parkinson's voice
    ("Our voice-based Parkinson's screener was tested on 195 recordings: 147 from patients, 48 from healthy controls. It missed 7 patients and falsely flagged 10 controls. accuracy?",
     (140, 10, 38, 7), ["accuracy"]),
    # 58 fruit sorting
    ("Fruit sorting machine, rotten = positive. 3000 apples, 240 of them rotten. The machine threw out 228 apples; 12 of the thrown-out ones were actually fine. recall and precision?",
     (216, 12, 2748, 24), ["recall", "precision"]),
    # 59 IDS
    ("Intrusion detection on 4000 network connections, 300 of which were attacks. The IDS raised alerts on 330 connections, 270 of which were attacks. sensitivity, specificity, precision",
     (270, 60, 3640, 30), ["recall", "specificity", "precision"]),
    # 60 wafer test, typos
    ("wafer test: 85 bad dies, 915 good dies. tester rejected 80 bad ones and 25 good ones. whats the accurcy and F1",
     (80, 25, 890, 5), ["accuracy", "f1"]),
]

CLARIFY = [
    "My classifier found 45 of the 50 positive cases and made 10 false positive predictions. What's the accuracy?",
    "The test caught 90 of 100 sick patients. What is the specificity?",
    "Our spam filter flagged 200 emails and 180 of them were actually spam. What's the recall?",
    "Of the 300 healthy people in the study, the test was negative for 270. what's the precision of the test?",
    "fraud model: 60 frauds caught, 25 false alarms. f1 score?",
    "The detector raised 40 false alarms and missed 5 intrusions, and 955 normal connections were correctly passed. accuracy and recall?",
    "Out of 1000 images, our cat classifier labelled 300 as cat and 270 of those were right. what's the specificity?",
    "the test missed 12 sick people, correctly cleared 400 healthy people and wrongly flagged 30 healthy ones. whats the sensitivity?",
]


def metric(name, tp, fp, tn, fn):
    tp, fp, tn, fn = map(F, (tp, fp, tn, fn))
    if name == "accuracy":
        return (tp + tn) / (tp + fp + tn + fn)
    if name == "precision":
        return tp / (tp + fp)
    if name == "recall":
        return tp / (tp + fn)
    if name == "specificity":
        return tn / (tn + fp)
    if name == "f1":
        return 2 * tp / (2 * tp + fp + fn)
    raise ValueError(name)


def fmt(v):
    """Round half-up to 4 decimals, drop trailing zeros; refuse near-boundary values."""
    scaled = v * 10000
    lo = scaled.numerator // scaled.denominator
    rem = scaled - lo
    # near a rounding boundary = within 0.000005 (a tenth of a step) of x.xxxx5
    assert abs(rem - F(1, 2)) >= F(1, 20), f"{float(v)} too close to rounding boundary"
    n = lo + (1 if rem >= F(1, 2) else 0)
    s = f"{n // 10000}.{n % 10000:04d}".rstrip("0").rstrip(".")
    return s


def main():
    assert len(CASES) == 60 and len(CLARIFY) == 8
    out = ["# train-13 confusion in prose: a blind tuning set written from a description of the calculator only"]
    for q, counts, metrics in CASES:
        assert all(0 <= c <= 5000 for c in counts), q
        assert 1 <= len(metrics) <= 3, q
        try:
            vals = [fmt(metric(m, *counts)) for m in metrics]
        except AssertionError as e:
            raise SystemExit(f"{e}: {q}") from None
        assert all(v not in ("0", "1") for v in vals), (q, vals)
        out.append(f"- q: {json.dumps(q, ensure_ascii=False)}")
        out.append("  expect: calculation")
        out.append("  contains: [" + ", ".join(json.dumps(v) for v in vals) + "]")
    for q in CLARIFY:
        out.append(f"- q: {json.dumps(q, ensure_ascii=False)}")
        out.append("  expect: clarify")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-13.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {path}: {len(CASES)} calculation + {len(CLARIFY)} clarify")


if __name__ == "__main__":
    main()
