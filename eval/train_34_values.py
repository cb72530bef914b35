#!/usr/bin/env python3
"""train-34: confusion-matrix word stories for the tutor chatbot, a blind tuning set written
(2026-12-04) by a helper who read only the seed and the API contract; on arrival 29.4% worked
out right, 1.2% with other numbers, all 15 incomplete ones asked back (the story reader's
lexicon read a third of stories written by someone else). Fixes to the reader came in the
commit that added it, measured on it and on every earlier story set.

Writes train-34.yaml beside itself (85 `calculation` cases + 15 `clarify` cases):
    .venv/bin/python eval/train_34_values.py

Every calculation case gives the confusion matrix derived from the story
(tp, fp, fn, tn written as arithmetic on the numbers in the story; None where
the story does not fix a cell and the asked metric does not need it), the
metrics asked for, and the values worked by hand (comment + `hand=` dict).
The script recomputes each metric with the textbook helpers below and asserts
it equals the hand value.

Number format in `contains`: the metrics endpoint of API_CONTRACT.md returns
plain float ratios (e.g. 0.75), with no stated rounding, so every expected
value was chosen to be exact to at most 3 decimals and is printed as the
shortest decimal ratio (0.8, 0.75, 0.625), never as a percentage.

Needs only python3 + PyYAML.
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import math
import os
import sys

import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-34.yaml")
HEADER = ("# train-34: calculation tuning set of confusion-matrix word stories, "
          "written blind to the knowledge base, the code and every other eval set, "
          "by a helper who read only the seed and the API contract\n")


# ---------------------------------------------------------------- textbook helpers
def accuracy(tp, fp, fn, tn):
    return (tp + tn) / (tp + fp + fn + tn)


def precision(tp, fp):
    return tp / (tp + fp)


def recall(tp, fn):            # = sensitivity = true positive rate
    return tp / (tp + fn)


def specificity(tn, fp):       # = true negative rate
    return tn / (tn + fp)


def fpr(fp, tn):               # false positive rate = 1 - specificity
    return fp / (fp + tn)


def f1(tp, fp, fn):            # harmonic mean of precision and recall
    p, r = precision(tp, fp), recall(tp, fn)
    return 2 * p * r / (p + r)


METRIC = {
    "accuracy": lambda c: accuracy(c["tp"], c["fp"], c["fn"], c["tn"]),
    "precision": lambda c: precision(c["tp"], c["fp"]),
    "recall": lambda c: recall(c["tp"], c["fn"]),
    "specificity": lambda c: specificity(c["tn"], c["fp"]),
    "fpr": lambda c: fpr(c["fp"], c["tn"]),
    "f1": lambda c: f1(c["tp"], c["fp"], c["fn"]),
}


def fmt(v):
    """Shortest decimal of a ratio that is exact to <= 3 decimals."""
    assert 0 < v < 1, v                       # 0 and 1 would be useless substrings
    assert abs(v * 1000 - round(v * 1000)) < 1e-9, f"not exact to 3 decimals: {v}"
    return f"{round(v, 3):.3f}".rstrip("0").rstrip(".")


CASES = []


def calc(q, tp, fp, fn, tn, hand, total=None):
    cm = {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    for k, v in cm.items():
        assert v is None or (isinstance(v, int) and v >= 0), (q, k, v)
    if total is not None:
        assert None not in cm.values() and sum(cm.values()) == total, (q, cm, total)
    contains = []
    for metric, hand_value in hand.items():
        got = METRIC[metric](cm)
        assert math.isclose(got, hand_value, abs_tol=1e-12), (q, metric, got, hand_value)
        contains.append(fmt(got))
    assert len(set(contains)) == len(contains), (q, contains)
    CASES.append({"q": q, "expect": "calculation", "contains": contains})


def clarify(q, missing):
    # `missing` documents (for the reviewer) which count the story lacks.
    assert missing
    CASES.append({"q": q, "expect": "clarify"})


def pct(n, p, per=100):
    """p percent (or p per `per`) of n, asserted to be a whole count."""
    assert (n * p) % per == 0, (n, p, per)
    return n * p // per


# ---------------------------------------------------------------- calculation cases
# 1  spam 2000/100; TP=72, FP=80-72=8, FN=100-72=28, TN=1900-8=1892
#    P=72/80=0.9  R=72/100=0.72
calc("Out of 2000 emails in our test set, 100 are spam. The filter moves 80 emails to the "
     "spam folder and 72 of those are actually spam. What are the precision and recall of the filter?",
     tp=72, fp=80 - 72, fn=100 - 72, tn=2000 - 100 - (80 - 72),
     hand={"precision": 0.9, "recall": 0.72}, total=2000)

# 2  TP=32, FP=50-32=18, FN=40-32=8, TN=460-18=442; sens=32/40=0.8
calc("A screening test is given to 500 patients; 40 of them have the disease. The test comes back "
     "positive for 50 patients, 32 of whom actually have the disease. What is the sensitivity of the test?",
     tp=32, fp=50 - 32, fn=40 - 32, tn=500 - 40 - (50 - 32),
     hand={"recall": 0.8}, total=500)

# 3  TP=40, FN=10; recall=40/50=0.8
calc("Our fraud model caught 40 of the 50 fraud cases in the test month. What's its recall?",
     tp=40, fp=None, fn=50 - 40, tn=None, hand={"recall": 0.8})

# 4  TP=120-30=90, FP=30, FN=10; P=90/120=0.75  R=90/100=0.9
calc("The intrusion detection system raised 120 alarms last week, 30 of them were false. "
     "It also missed 10 real intrusions. Compute precision and recall.",
     tp=120 - 30, fp=30, fn=10, tn=None, hand={"precision": 0.75, "recall": 0.9})

# 5  infected=4% of 2500=100, TP=90% of 100=90, healthy=2400, FP=2.5% of 2400=60
#    P=90/150=0.6
calc("In a town, 2500 people were tested and 4% of them are infected. The rapid test detects 90% of "
     "infected people and gives a false positive for 2.5% of the uninfected ones. If someone tests "
     "positive, what is the probability they are really infected (the precision)?",
     tp=pct(pct(2500, 4), 90), fp=pct(2500 - pct(2500, 4), 25, 1000),
     fn=pct(2500, 4) - pct(pct(2500, 4), 90), tn=2400 - pct(2400, 25, 1000),
     hand={"precision": 0.6}, total=2500)

# 6  TP=140, FP=160-140=20, FN=200-140=60, TN=600-20=580; P=140/160=0.875 R=140/200=0.7
calc("800 imgs, 200 cats, model says cat 160 times, 140 right. precision + recall?",
     tp=140, fp=160 - 140, fn=200 - 140, tn=800 - 200 - 20,
     hand={"precision": 0.875, "recall": 0.7}, total=800)

# 7  good=950, FP=64-45=19, TN=950-19=931; spec=931/950=0.98
calc("On our production line we inspected 1000 parts and 50 of them were defective. The vision system "
     "rejected 64 parts, 45 of which were truly defective. What is the specificity of the inspection?",
     tp=45, fp=64 - 45, fn=50 - 45, tn=950 - (64 - 45),
     hand={"specificity": 0.98}, total=1000)

# 8  TP=120, FN=30, TN=230, FP=250-230=20; acc=(120+230)/400=350/400=0.875
calc("A dog-vs-not-dog classifier is tested on 400 images, 150 of which contain dogs. It correctly "
     "finds 120 of the dogs and correctly rejects 230 of the non-dog images. What is its accuracy?",
     tp=120, fp=250 - 230, fn=150 - 120, tn=230, hand={"accuracy": 0.875}, total=400)

# 9  TP=30, FP=10, FN=60-30=30, TN=240-10=230; F1=2*30/(60+10+30)=60/100=0.6
calc("Our plagiarism checker flagged 40 of the 300 submitted essays. After manual review, 30 of the "
     "flagged essays were really plagiarised, and we know 60 essays in total were plagiarised. "
     "What is the F1 score of the checker?",
     tp=30, fp=40 - 30, fn=60 - 30, tn=300 - 60 - 10, hand={"f1": 0.6}, total=300)

# 10 TP=35, FP=15, FN=40-35=5; P=35/50=0.7 R=35/40=0.875
calc("The storm warning system issued 50 warnings over the year and 35 of them were followed by an "
     "actual storm. There were 40 storms in total. What are its precision and recall?",
     tp=35, fp=50 - 35, fn=40 - 35, tn=None, hand={"precision": 0.7, "recall": 0.875})

# 11 defaulted=400, ok=4000; TP=300, FP=500-300=200, TN=4000-200=3800; FPR=200/4000=0.05
calc("Our credit model was tested on 4400 loans, 400 of which defaulted. The model predicted default "
     "for 500 borrowers and 300 of them actually defaulted. What is the false positive rate?",
     tp=300, fp=500 - 300, fn=400 - 300, tn=4000 - 200, hand={"fpr": 0.05}, total=4400)

# 12 TP=180, FP=20, FN=250-180=70, TN=1750-20=1730; R=180/250=0.72 P=180/200=0.9
calc("A camera-trap classifier processed 2000 photos; 250 of them actually show a lynx. It labelled "
     "200 photos as lynx, and 180 of those really were lynx. Find the recall and the precision.",
     tp=180, fp=200 - 180, fn=250 - 180, tn=1750 - 20,
     hand={"recall": 0.72, "precision": 0.9}, total=2000)

# 13 TP=285, FP=330-285=45, FN=15, TN=300-45=255; acc=(285+255)/600=540/600=0.9
calc("I have face classifier, test set is 600 picture, 300 with face and 300 without. It say face for "
     "330 picture and 285 of them are really face. How much is the accuracy?",
     tp=285, fp=330 - 285, fn=300 - 285, tn=300 - 45, hand={"accuracy": 0.9}, total=600)

# 14 TP=15, FP=5, FN=25-15=10; P=15/20=0.75 R=15/25=0.6
calc("A search query returns 20 documents, 15 of which are relevant. The collection contains 25 "
     "relevant documents for this query. What are the precision and recall of the search?",
     tp=15, fp=20 - 15, fn=25 - 15, tn=None, hand={"precision": 0.75, "recall": 0.6})

# 15 ham=700, FP=14, TN=686; spec=686/700=0.98
calc("Spam filter evaluation: 300 spam and 700 ham messages. The filter caught 270 of the spam and "
     "wrongly marked 14 ham messages as spam. What's the specificity?",
     tp=270, fp=14, fn=30, tn=700 - 14, hand={"specificity": 0.98}, total=1000)

# 16 TP=45, FN=5, FP=30, TN=170; sens=45/50=0.9 spec=170/200=0.85
calc("In a biopsy dataset of 250 tumours, 50 are malignant and 200 benign. The model labels 45 of the "
     "malignant tumours as malignant and 30 of the benign ones as malignant. Compute the sensitivity "
     "and the specificity.",
     tp=45, fp=30, fn=50 - 45, tn=200 - 30,
     hand={"recall": 0.9, "specificity": 0.85}, total=250)

# 17 F1=2*60/(120+20+20)=120/160=0.75
calc("Our confusion matrix has 60 true positives, 20 false positives, 20 false negatives and 100 true "
     "negatives. what's the f1?",
     tp=60, fp=20, fn=20, tn=100, hand={"f1": 0.75}, total=200)

# 18 TP=45 FN=5 FP=15 TN=135; acc=180/200=0.9  P=45/60=0.75
calc("For the actually positive samples the model predicted positive 45 times and negative 5 times. "
     "For the actually negative samples it predicted positive 15 times and negative 135 times. "
     "What are the accuracy and the precision?",
     tp=45, fp=15, fn=5, tn=135, hand={"accuracy": 0.9, "precision": 0.75}, total=200)

# 19 TP=64, FN=16, FP=23, TN=920-23=897; sens=64/80=0.8 spec=897/920=0.975
calc("We ran 1000 antigen tests against PCR as the reference. PCR found 80 positives. The antigen "
     "test was positive in 64 of those 80 and in 23 of the 920 PCR-negative people. What are the "
     "sensitivity and specificity of the antigen test?",
     tp=64, fp=23, fn=80 - 64, tn=920 - 23,
     hand={"recall": 0.8, "specificity": 0.975}, total=1000)

# 20 attacks=200, normal=8000, TP=180, FP=220-180=40; FPR=40/8000=0.005
calc("Out of 8200 network connections, 200 were attacks. The IDS flagged 220 connections, including "
     "180 of the attacks. What is the false positive rate?",
     tp=180, fp=220 - 180, fn=200 - 180, tn=8000 - 40, hand={"fpr": 0.005}, total=8200)

# 21 TP=85 FN=15 FP=15; F1=170/(170+15+15)=170/200=0.85
calc("The fraud detector missed 15 fraudulent transactions and correctly caught 85. It also raised "
     "15 false alarms on legit transactions. What is the F1 score?",
     tp=85, fp=15, fn=15, tn=None, hand={"f1": 0.85})

# 22 sick=10% of 10000=1000, TP=900, healthy=9000, FP=2.5% of 9000=225; P=900/1125=0.8
calc("10% of the 10000 women in a mammography study have breast cancer. The screening detects 90% of "
     "them and has a false positive rate of 2.5% among the healthy women. What is the precision "
     "(positive predictive value)?",
     tp=pct(1000, 90), fp=pct(9000, 25, 1000), fn=1000 - 900, tn=9000 - 225,
     hand={"precision": 0.8}, total=10000)

# 23 TP=90, FP=60, FN=120-90=30, TN=880-60=820; acc=(90+820)/1000=0.91
calc("We predict which patients get readmitted within 30 days. Test set: 1000 patients, 120 were "
     "readmitted. The model flagged 150 patients, of which 90 were actually readmitted. What is the accuracy?",
     tp=90, fp=150 - 90, fn=120 - 90, tn=880 - 60, hand={"accuracy": 0.91}, total=1000)

# 24 TP=36, FP=4, FN=56-36=20, TN=344-4=340; P=36/40=0.9  F1=72/(72+4+20)=72/96=0.75
calc("Churn model test: 400 customers, 56 of them actually churned. The model predicted churn for 40 "
     "customers and 36 of these really churned. What's the precision and the F1?",
     tp=36, fp=40 - 36, fn=56 - 36, tn=344 - 4,
     hand={"precision": 0.9, "f1": 0.75}, total=400)

# 25 bad=100 good=1900; TP=95 FP=19 FN=5 TN=1881; R=95/100=0.95 spec=1881/1900=0.99
calc("Quality control: 2000 welds were checked. 100 are bad welds and the rest pass. The ultrasonic "
     "check failed 114 welds: 95 bad ones and 19 good ones. What is the recall for bad welds, and the "
     "specificity?",
     tp=95, fp=19, fn=100 - 95, tn=1900 - 19,
     hand={"recall": 0.95, "specificity": 0.99}, total=2000)

# 26 TP=40, FP=10; P=40/50=0.8
calc("ham 950 spam 50, filter: 40 spam caught, 10 ham lost to spam folder. precision?",
     tp=40, fp=10, fn=10, tn=940, hand={"precision": 0.8}, total=1000)

# 27 TP=90-10=80, FN=100-80=20; recall=80/100=0.8
calc("In our clinic we make 400 covid test. 100 persons really has covid. The test say positive for 90 "
     "persons, and 10 of this are not sick. What is the recall of the test?",
     tp=90 - 10, fp=10, fn=100 - 80, tn=300 - 10, hand={"recall": 0.8}, total=400)

# 28 healthy=800, TN=760; spec=760/800=0.95
calc("A TB test was given to 1000 people, 200 of whom actually had TB. The test correctly cleared 760 "
     "of the healthy people. What is its specificity?",
     tp=None, fp=800 - 760, fn=None, tn=760, hand={"specificity": 0.95})

# 29 frost=65, no-frost=300; TP=60, FP=15, TN=285; P=60/75=0.8  FPR=15/300=0.05
calc("Our frost alarm was evaluated over 365 nights; there was frost on 65 of them. The alarm went off "
     "on 75 nights and there was frost on 60 of those. What are the precision and the false positive "
     "rate (share of frost-free nights with an alarm)?",
     tp=60, fp=75 - 60, fn=65 - 60, tn=300 - 15,
     hand={"precision": 0.8, "fpr": 0.05}, total=365)

# 30 pos=25% of 1200=300, TP=80% of 300=240; neg=900, TN=90% of 900=810; acc=1050/1200=0.875
calc("A sentiment classifier is tested on 1200 reviews, 25% of which are positive. It gets 80% of the "
     "positive reviews right and 90% of the negative reviews right. What's its accuracy?",
     tp=pct(300, 80), fp=900 - 810, fn=300 - 240, tn=pct(900, 90),
     hand={"accuracy": 0.875}, total=1200)

# 31 TP=80-12=68; P=68/80=0.85
calc("The smoke detector network raised 80 alarms this year, 12 of them false. What is its precision?",
     tp=80 - 12, fp=12, fn=None, tn=None, hand={"precision": 0.85})

# 32 TP=57, FN=3; R=57/60=0.95
calc("The tumour detector found 57 tumours and missed 3. Recall?",
     tp=57, fp=None, fn=3, tn=None, hand={"recall": 0.95})

# 33 legit=5000, FP=150, TN=4850; spec=4850/5000=0.97
calc("legit txns 5000, fraud 100; model flagged 150 legit ones by mistake. specificity?",
     tp=None, fp=150, fn=None, tn=5000 - 150, hand={"specificity": 0.97})

# 34 errors=60+40=100; acc=(2000-100)/2000=0.95
calc("On 2000 test images my cat/dog classifier (cat = positive class) made 60 false positives and "
     "40 false negatives. What's the accuracy?",
     tp=1000, fp=60, fn=40, tn=900,   # any tp+tn=1900 gives the same accuracy 1900/2000=0.95
     hand={"accuracy": 0.95}, total=2000)

# 35 TP=200, FP=50, FN=50; F1=400/(400+50+50)=0.8
calc("Our AOI machine inspected 5000 PCBs and flagged 250 boards. Engineers found 200 of the flagged "
     "boards really faulty, and another 50 faulty boards that were not flagged. What is the F1 score?",
     tp=200, fp=250 - 200, fn=50, tn=5000 - 250 - 50, hand={"f1": 0.8}, total=5000)

# 36 ped=400, none=600; TP=360, FP=390-360=30, FN=40, TN=570
#    acc=(360+570)/1000=0.93  spec=570/600=0.95
calc("Dashcam pedestrian detector on 1000 frames: pedestrians are present in 400. The detector fires "
     "on 390 frames and 360 of these really contain a pedestrian. Accuracy and specificity?",
     tp=360, fp=390 - 360, fn=400 - 360, tn=600 - 30,
     hand={"accuracy": 0.93, "specificity": 0.95}, total=1000)

# 37 TP=90% of 300=270, FP=90; P=270/360=0.75
calc("Retina screening AI: the test set has 300 eyes with diabetic retinopathy and 1700 without. The "
     "sensitivity is 90% and it mislabels 90 healthy eyes as diseased. What's the precision?",
     tp=pct(300, 90), fp=90, fn=30, tn=1700 - 90, hand={"precision": 0.75}, total=2000)

# 38 phishing=2% of 4000=80, TP=75% of 80=60, flagged 75 -> FP=15; P=60/75=0.8
calc("Of 4000 emails, 2% are phishing. The detector flags 75 emails and catches 75% of the phishing "
     "emails. What is its precision?",
     tp=pct(pct(4000, 2), 75), fp=75 - 60, fn=80 - 60, tn=3920 - 15,
     hand={"precision": 0.8}, total=4000)

# 39 TP=90, FP=20, FN=10, TN=150-20=130; acc=220/250=0.88
calc("Out of 250 audio clips, 100 contain a woodpecker. The model says 'woodpecker' for 110 clips and "
     "gets 90 of them right. What is the accuracy?",
     tp=90, fp=110 - 90, fn=100 - 90, tn=150 - 20, hand={"accuracy": 0.88}, total=250)

# 40 doped=40 clean=960; TP=30, FP=54-30=24, TN=936; R=30/40=0.75 spec=936/960=0.975
calc("Anti-doping study: 1000 athletes tested, 40 were actually doped. The test was positive for 54 "
     "athletes, including 30 of the dopers. What are the recall and the specificity?",
     tp=30, fp=54 - 30, fn=40 - 30, tn=960 - 24,
     hand={"recall": 0.75, "specificity": 0.975}, total=1000)

# 41 TP=120, FP=30, FN=30, TN=270; P=120/150=0.8 spec=270/300=0.9
calc("My model for detect sick leafs: 150 sick leaf and 300 healthy leaf in test. It find 120 sick "
     "correct and say 30 healthy leaf are sick. Please calculate precision and specificity.",
     tp=120, fp=30, fn=150 - 120, tn=300 - 30,
     hand={"precision": 0.8, "specificity": 0.9}, total=450)

# 42 acc=(30+140)/200=0.85  P=30/40=0.75
calc("TP 30, FP 10, FN 20, TN 140. acc, prec?",
     tp=30, fp=10, fn=20, tn=140, hand={"accuracy": 0.85, "precision": 0.75}, total=200)

# 43 TP=140, FN=60, FP=35; P=140/175=0.8 R=140/200=0.7
calc("We tested 1000 x-rays. The model correctly identified 140 fractures, missed 60 fractures and "
     "raised 35 false alarms. Precision and recall?",
     tp=140, fp=35, fn=60, tn=1000 - 140 - 60 - 35,
     hand={"precision": 0.8, "recall": 0.7}, total=1000)

# 44 errors=30+10=40; acc=960/1000=0.96
calc("1000 messages: 800 ham and 200 spam. The filter let 30 spam through to the inbox and sent 10 ham "
     "messages into the spam folder. Accuracy?",
     tp=200 - 30, fp=10, fn=30, tn=800 - 10, hand={"accuracy": 0.96}, total=1000)

# 45 legit=20000 fraud=100; TP=80, FP=580-80=500, FN=20; FPR=500/20000=0.025 R=80/100=0.8
calc("Bank test data: 20000 legitimate and 100 fraudulent transactions. The model alerted on 580 "
     "transactions, catching 80 of the frauds. What are the false positive rate and the recall?",
     tp=80, fp=580 - 80, fn=100 - 80, tn=20000 - 500,
     hand={"fpr": 0.025, "recall": 0.8}, total=20100)

# 46 default=10% of 2000=200, TP=70%=140; ok=1800, TN=95%=1710; acc=1850/2000=0.925
calc("Credit scoring on 2000 applicants: 10% default. The model identifies 70% of the defaulters and "
     "correctly approves 95% of the non-defaulters. What is the accuracy?",
     tp=pct(200, 70), fp=1800 - 1710, fn=200 - 140, tn=pct(1800, 95),
     hand={"accuracy": 0.925}, total=2000)

# 47 F1=100/(100+10+15)=100/125=0.8
calc("cat clf: 50 tp, 10 fp, 15 fn. f1?",
     tp=50, fp=10, fn=15, tn=None, hand={"f1": 0.8})

# 48 TP=170 FN=30 TN=760 FP=40; sens=170/200=0.85 spec=760/800=0.95
calc("Among 200 patients with pneumonia, the model said 'pneumonia' for 170. Among 800 normal patients "
     "it said 'normal' for 760. Sensitivity and specificity?",
     tp=170, fp=800 - 760, fn=200 - 170, tn=760,
     hand={"recall": 0.85, "specificity": 0.95}, total=1000)

# 49 TP=240-40=200, FN=250-200=50; R=200/250=0.8
calc("The antivirus scanned 5000 files, 250 of which were malicious. It quarantined 240 files, and 40 "
     "of those turned out to be clean. What is its recall?",
     tp=240 - 40, fp=40, fn=250 - 200, tn=4750 - 40, hand={"recall": 0.8}, total=5000)

# 50 TP=12, FP=6, FN=3, TN=105-6=99; acc=111/120=0.925
calc("120 theses were checked, 15 of them plagiarised. The tool flagged 18, including 12 plagiarised "
     "ones. What is the accuracy of the tool?",
     tp=12, fp=18 - 12, fn=15 - 12, tn=105 - 6, hand={"accuracy": 0.925}, total=120)

# 51 TP=20, FP=5, FN=12; P=20/25=0.8 R=20/32=0.625
calc("Over 10 years the earthquake early-warning system issued 25 alerts; 20 corresponded to real "
     "significant quakes. There were 32 significant quakes in total. Precision and recall?",
     tp=20, fp=25 - 20, fn=32 - 20, tn=None, hand={"precision": 0.8, "recall": 0.625})

# 52 dry=150, FP=60-45=15, TN=135; spec=135/150=0.9
calc("Over 200 days it rained on 50. The model predicted rain on 60 days and was right on 45 of them. "
     "What is the specificity?",
     tp=45, fp=60 - 45, fn=50 - 45, tn=150 - 15, hand={"specificity": 0.9}, total=200)

# 53 TP=64, FP=120-64=56, FN=80-64=16; F1=128/(128+56+16)=128/200=0.64
calc("A résumé filter marks candidates as 'qualified'. Of 400 applicants, 80 are really qualified. "
     "It marked 120 as qualified, and 64 of those are really qualified. What is the F1 score?",
     tp=64, fp=120 - 64, fn=80 - 64, tn=320 - 56, hand={"f1": 0.64}, total=400)

# 54 animals=600 empty=2400; FP=60, TP=600-60=540, FN=60, TN=2340
#    R=540/600=0.9 spec=2340/2400=0.975
calc("Camera traps: 3000 images, 600 contain animals and 2400 are empty. The classifier marks 600 "
     "images as 'animal', and 60 of those are empty. What are the recall and the specificity?",
     tp=600 - 60, fp=60, fn=600 - 540, tn=2400 - 60,
     hand={"recall": 0.9, "specificity": 0.975}, total=3000)

# 55 FP=20/4000=0.005, TP=950/1000=0.95
calc("Face unlock was tested with 1000 genuine attempts and 4000 impostor attempts. It accepted 950 "
     "genuine and 20 impostor attempts. What's the false positive rate (false accept rate) and the recall?",
     tp=950, fp=20, fn=50, tn=4000 - 20,
     hand={"fpr": 0.005, "recall": 0.95}, total=5000)

# 56 cracked=4% of 5000=200; TP=150, FP=30, FN=50, TN=4800-30=4770; acc=4920/5000=0.984
calc("Bottle inspection line: 4% of 5000 bottles are cracked. The camera rejects 180 bottles, of which "
     "150 are cracked. What's the accuracy?",
     tp=150, fp=180 - 150, fn=pct(5000, 4) - 150, tn=4800 - 30,
     hand={"accuracy": 0.984}, total=5000)

# 57 TP=30, FP=10, FN=10; F1=60/80=0.75
calc("For one query, the search engine returned 40 documents and 30 were relevant. There are 40 "
     "relevant documents in the whole index. What's the F1?",
     tp=30, fp=40 - 30, fn=40 - 30, tn=None, hand={"f1": 0.75})

# 58 TP=7, FP=3, FN=7; P=7/10=0.7 R=7/14=0.5
calc("The top 10 results contain 7 relevant documents, and 14 relevant documents exist for the query. "
     "Precision and recall of these 10 results?",
     tp=7, fp=3, fn=14 - 7, tn=None, hand={"precision": 0.7, "recall": 0.5})

# 59 TP=95 FN=5 FP=20 TN=380; acc=475/500=0.95
calc("Test on 500 people, 100 are covid positive realy. The test finds 95 of them, and 20 of the "
     "negative people also test positive. accuracy is?",
     tp=95, fp=20, fn=5, tn=400 - 20, hand={"accuracy": 0.95}, total=500)

# 60 TP=60-12=48, FP=12, FN=80-48=32; R=48/80=0.6 P=48/60=0.8
calc("Vibration anomaly detector on 720 hours of machine logs: 80 hours had real faults. It raised "
     "alarms in 60 hours, 12 of which were false. Recall and precision?",
     tp=60 - 12, fp=12, fn=80 - 48, tn=640 - 12,
     hand={"recall": 0.6, "precision": 0.8}, total=720)

# 61 FPR=19/9500=0.002  R=475/500=0.95
calc("Wake-word detector: the test has 500 utterances of the wake word and 9500 other utterances. It "
     "woke up 475 times on the wake word and 19 times on other speech. Recall and false positive rate?",
     tp=475, fp=19, fn=25, tn=9500 - 19,
     hand={"recall": 0.95, "fpr": 0.002}, total=10000)

# 62 TP=90, FP=125-90=35, FN=10; P=90/125=0.72 F1=180/(180+35+10)=180/225=0.8
calc("Toxicity classifier on 1000 comments, 100 of them toxic. It predicted 'toxic' 125 times, with 90 "
     "true positives. Precision and F1?",
     tp=90, fp=125 - 90, fn=100 - 90, tn=900 - 35,
     hand={"precision": 0.72, "f1": 0.8}, total=1000)

# 63 TP=50, FP=150; P=50/200=0.25
calc("The hospital sepsis alert fired 200 times in a month, but only 50 of those alerts were real "
     "sepsis. What is its precision?",
     tp=50, fp=200 - 50, fn=None, tn=None, hand={"precision": 0.25})

# 64 TP=64-8=56; R=56/64=0.875
calc("There were 64 glaucoma patients in the study and the test missed 8 of them. What is the sensitivity?",
     tp=64 - 8, fp=None, fn=8, tn=None, hand={"recall": 0.875})

# 65 not pregnant=200, FP=6, TN=194; spec=194/200=0.97
calc("A home pregnancy test was used by 300 women, 100 of them pregnant. It was positive for 98 of the "
     "pregnant ones and for 6 of the others. What's the specificity?",
     tp=98, fp=6, fn=2, tn=200 - 6, hand={"specificity": 0.97}, total=300)

# 66 TP=60 FN=20 FP=30 TN=90; acc=150/200=0.75 FPR=30/120=0.25
calc("Polygraph study: 80 liars and 120 truthful people. It flagged 60 liars and 30 truthful people as "
     "lying. Accuracy and false positive rate?",
     tp=60, fp=30, fn=80 - 60, tn=120 - 30,
     hand={"accuracy": 0.75, "fpr": 0.25}, total=200)

# 67 TP=45, FP=30, FN=15; P=45/75=0.6 R=45/60=0.75
calc("Dropout prediction: 60 of 300 students dropped out. The model flagged 75 students and 45 of them "
     "dropped out. What are the precision and recall?",
     tp=45, fp=75 - 45, fn=60 - 45, tn=240 - 30,
     hand={"precision": 0.6, "recall": 0.75}, total=300)

# 68 husky=200 other=800; TP=90 FP=20 FN=110 TN=780; spec=780/800=0.975 R=90/200=0.45
calc("Husky detector: 1000 dog photos, 200 of them huskies. It labeled 110 photos 'husky', 90 of them "
     "correctly. Specificity and recall?",
     tp=90, fp=110 - 90, fn=200 - 90, tn=800 - 20,
     hand={"specificity": 0.975, "recall": 0.45}, total=1000)

# 69 TP=80, FP=125-80=45, FN=20, TN=900-45=855; P=80/125=0.64 spec=855/900=0.95
calc("Loan default model (default = positive). Test: 900 good borrowers and 100 bad ones. It flagged "
     "125 borrowers as risky, including 80 bad ones. Precision and specificity?",
     tp=80, fp=125 - 80, fn=100 - 80, tn=900 - 45,
     hand={"precision": 0.64, "specificity": 0.95}, total=1000)

# 70 TP=270, FP=367-270=97, FN=30, TN=9700-97=9603; R=270/300=0.9 FPR=97/9700=0.01
calc("Chip test, 'fail' is the positive class. 10000 chips: 300 are actually faulty and 9700 good. "
     "The tester failed 367 chips, 270 of them faulty. Recall and false positive rate?",
     tp=270, fp=367 - 270, fn=300 - 270, tn=9700 - 97,
     hand={"recall": 0.9, "fpr": 0.01}, total=10000)

# 71 fraud=4% of 10000=400, TP=90%=360, legit=9600, FP=1.25%=120; P=360/480=0.75
calc("4% of 10000 card transactions are fraud. The model catches 90% of the fraud and wrongly flags "
     "1.25% of the legit transactions. What's the precision?",
     tp=pct(400, 90), fp=pct(9600, 125, 10000), fn=40, tn=9600 - 120,
     hand={"precision": 0.75}, total=10000)

# 72 TP=0.8*150=120, TN=0.9*850=765; acc=885/1000=0.885
calc("A pneumonia model has sensitivity 0.8 and specificity 0.9 on a test set of 150 pneumonia and 850 "
     "normal X-rays. What is the accuracy?",
     tp=pct(150, 80), fp=850 - 765, fn=30, tn=pct(850, 90),
     hand={"accuracy": 0.885}, total=1000)

# 73 TP=42, FN=8, FP=13; F1=84/(84+13+8)=84/105=0.8
calc("The OCR error detector found 42 of the 50 real typos and also flagged 13 correct words. F1?",
     tp=42, fp=13, fn=50 - 42, tn=None, hand={"f1": 0.8})

# 74 TP=384, FP=480-384=96, FN=16, TN=9600-96=9504; spec=9504/9600=0.99 R=384/400=0.96
calc("Over one day there were 9600 benign sessions and 400 malicious ones. The IDS raised 480 alerts, "
     "384 of them on malicious sessions. Specificity and recall?",
     tp=384, fp=480 - 384, fn=400 - 384, tn=9600 - 96,
     hand={"specificity": 0.99, "recall": 0.96}, total=10000)

# 75 TP=120-20=100, FN=125-100=25; R=100/125=0.8
calc("Our pothole detector is tested on 500 road images, from them 125 have pothole. The detector say "
     "pothole on 120 images, but 20 of them is wrong. Recall please.",
     tp=120 - 20, fp=20, fn=125 - 100, tn=375 - 20, hand={"recall": 0.8}, total=500)

# 76 acc=(80+370)/500=450/500=0.9
calc("n=500, tp 80 tn 370. acc?",
     tp=80, fp=25, fn=25, tn=370,   # fp+fn=50 in any split; accuracy=450/500=0.9 either way
     hand={"accuracy": 0.9}, total=500)

# 77 TP=160 FN=40 FP=40 TN=760; P=160/200=0.8 spec=760/800=0.95
calc("Drowsiness detector in a car: 200 drowsy episodes and 800 alert episodes. It beeped during 160 "
     "of the drowsy episodes and 40 of the alert ones. Precision and specificity?",
     tp=160, fp=40, fn=40, tn=800 - 40,
     hand={"precision": 0.8, "specificity": 0.95}, total=1000)

# 78 TP=270 FN=30 FP=30 TN=170; F1=540/(540+30+30)=540/600=0.9
calc("Dog classifier (dog = positive) on 300 dogs and 200 cats: it called 270 of the dogs 'dog' and "
     "also called 30 of the cats 'dog'. What is the F1 score?",
     tp=270, fp=30, fn=300 - 270, tn=200 - 30, hand={"f1": 0.9}, total=500)

# 79 TP=0, FN=10, FP=0, TN=9990; acc=9990/10000=0.999
calc("A rare disease affects 10 out of 10000 people in our test set. A lazy model predicts 'healthy' "
     "for everyone. What's its accuracy?",
     tp=0, fp=0, fn=10, tn=9990, hand={"accuracy": 0.999}, total=10000)

# 80 sens=36/40=0.9  FPR=50/1000=0.05
calc("Seizure detector: the EEG test data has 40 seizure windows and 1000 non-seizure windows. It "
     "detected 36 of the seizures and made 50 false detections. Sensitivity and false positive rate?",
     tp=36, fp=50, fn=4, tn=1000 - 50,
     hand={"recall": 0.9, "fpr": 0.05}, total=1040)

# 81 fake=40 genuine=1960; TP=38 FP=12 FN=2 TN=1948; acc=(38+1948)/2000=1986/2000=0.993
calc("The banknote checker saw 2000 notes, 40 of them fake. It rejected 50 notes: 38 fakes and 12 "
     "genuine ones. What is the accuracy?",
     tp=38, fp=12, fn=40 - 38, tn=1960 - 12, hand={"accuracy": 0.993}, total=2000)

# 82 TP=72% of 250=180; R=180/200=0.9
calc("1000 patients, 200 of them diabetic. The test is positive for 250 patients, 72% of whom are "
     "diabetic. What is the recall?",
     tp=pct(250, 72), fp=250 - 180, fn=200 - 180, tn=800 - 70,
     hand={"recall": 0.9}, total=1000)

# 83 TP=95 FP=5 FN=40 TN=860; acc=(95+860)/1000=0.955  P=95/100=0.95
calc("Of the 900 emails that landed in my inbox, 40 were spam. The spam folder got 100 emails, 95 of "
     "them spam. Accuracy and precision of the filter?",
     tp=95, fp=100 - 95, fn=40, tn=900 - 40,
     hand={"accuracy": 0.955, "precision": 0.95}, total=1000)

# 84 FPR=19/950=0.02  R=45/50=0.9
calc("Airport bird radar: 50 real bird-strike risks and 950 harmless events. The radar alarmed on 45 "
     "of the risks and on 19 harmless events. False positive rate and recall?",
     tp=45, fp=19, fn=5, tn=950 - 19,
     hand={"fpr": 0.02, "recall": 0.9}, total=1000)

# 85 sarcastic=600/3=200, normal=400; TP=120, FP=30, TN=370; spec=370/400=0.925
calc("Sarcasm detector on 600 tweets, a third of them sarcastic. It labelled 150 tweets sarcastic, of "
     "which 120 truly were. Specificity?",
     tp=120, fp=150 - 120, fn=200 - 120, tn=400 - 30, hand={"specificity": 0.925}, total=600)

N_CALC = len(CASES)

# ---------------------------------------------------------------- clarify cases
clarify("The spam filter flagged 60 emails and 45 of them were spam. What's the recall?",
        "number of spam emails (FN)")
clarify("The test catches 90 of the sick patients, and 100 patients are sick. What is the specificity?",
        "anything about healthy patients (TN, FP)")
clarify("Our fraud model caught 40 of the 50 fraud cases. What's the precision?",
        "number of false alarms (FP)")
clarify("Our IDS raised 120 alarms, 30 were false. What's the recall?",
        "number of missed intrusions (FN)")
clarify("1000 imgs, model says cat 80 times, 70 right. accuracy?",
        "number of cats (FN, so TN)")
clarify("Factory line: 50 defective parts, and the inspection caught 45 of them. What's the F1 score?",
        "number of good parts rejected (FP)")
clarify("Covid test: 5% of 2000 people are infected and the test detects 90% of them. What is the precision?",
        "false positive rate among the healthy (FP)")
clarify("The weather alarm went off 40 times, 30 storms happened, and the alarm was right 25 times. "
        "What's the specificity?",
        "number of storm-free days (TN)")
clarify("The face detector found 180 faces and made 20 mistakes. What's the accuracy?",
        "total count and what the mistakes are")
clarify("Camera trap: 300 of 2000 photos show a deer, and the model flagged 250 photos as deer. Precision?",
        "how many flagged photos really show a deer (TP)")
clarify("The plagiarism checker correctly cleared 900 honest essays. There are 30 plagiarised essays. "
        "What is its specificity?",
        "number of honest essays or wrongly flagged honest essays (FP)")
clarify("Credit model: 400 defaulters out of 5000 customers. The model predicted 500 defaults. F1?",
        "how many predicted defaults were real (TP)")
clarify("My classifier has 85 true positives and 15 false negatives. What is the false positive rate?",
        "FP and TN")
clarify("The test say positive for 70 people and 10 of them is healthy. How much is the sensitivity?",
        "number of sick people the test missed (FN)")
clarify("Search returned 20 docs, 15 relevant. recall?",
        "total number of relevant documents (FN)")

N_CLARIFY = len(CASES) - N_CALC


def main():
    assert N_CALC == 85, N_CALC
    assert N_CLARIFY == 15, N_CLARIFY
    qs = [c["q"] for c in CASES]
    assert len(set(qs)) == len(qs), "duplicate question"
    os.makedirs(OUT_DIR, exist_ok=True)
    body = yaml.safe_dump(CASES, sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)
    with open(OUT_YAML, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write(body)
    # round-trip check
    with open(OUT_YAML, encoding="utf-8") as fh:
        text = fh.read()
    assert text.startswith(HEADER)
    loaded = yaml.safe_load(text)
    assert loaded == CASES
    for c in loaded:
        assert c["expect"] in ("calculation", "clarify")
        if c["expect"] == "calculation":
            assert c["contains"] and all(isinstance(x, str) for x in c["contains"])
        else:
            assert "contains" not in c
    from collections import Counter
    print(f"wrote {OUT_YAML}: {len(loaded)} cases "
          f"({N_CALC} calculation, {N_CLARIFY} clarify)", file=sys.stderr)
    print("values:", dict(Counter(v for c in loaded for v in c.get("contains", []))), file=sys.stderr)


if __name__ == "__main__":
    main()
