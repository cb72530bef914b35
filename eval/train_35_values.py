#!/usr/bin/env python3
"""train-35: confusion-matrix word stories for the DL-course tutor, a blind tuning set written
2026-12-04 by a helper who read only the seed and the API contract. Taken when it arrived, after
the story work train-34 led to: 46.2% right, 5.0% worked out with other numbers (23.8% and 8.8%
at that session's start); its four misreads were then fixed.
Writes train-35.yaml beside itself: .venv/bin/python eval/train_35_values.py

Written blind: the author read only /work/shared/API_CONTRACT.md and
/work/shared/seed/. Every expected number is
  1. worked by hand (comment beside each case, literal in `hand=`),
  2. recomputed here from the story's raw numbers with small textbook
     helpers (exact fractions), and
  3. asserted equal.
Then the script checks that every asked value is exact to <= 3 decimals,
is not 0 or 1, and is not a substring of another metric of the same matrix
(so `contains` cannot be satisfied by a wrong metric), and writes
train-35.yaml.

Textbook definitions (positive class = the thing being detected):
  accuracy    = (TP + TN) / (TP + FP + FN + TN)
  precision   = TP / (TP + FP)
  recall      = TP / (TP + FN)          (= sensitivity, true positive rate)
  specificity = TN / (TN + FP)
  fpr         = FP / (FP + TN)          (= 1 - specificity)
  f1          = 2 TP / (2 TP + FP + FN) (= harmonic mean of P and R)

Run:  python3 train_35_values.py
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, B905
import os
import re
import sys
from fractions import Fraction as F

import yaml

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_YAML = os.path.join(OUT_DIR, "train-35.yaml")
HEADER = ("# train-35: calculation tuning set of confusion-matrix word stories, "
          "written blind to the knowledge base, the code and every other eval set, "
          "by a helper who read only the seed and the API contract\n")


# ---------------------------------------------------------------- helpers
def _int(x, what):
    x = F(x)
    assert x.denominator == 1 and x >= 0, f"{what} is not a whole count: {x}"
    return int(x)


def cm(tp, fp, fn, tn=None):
    """A confusion matrix; tn=None when the story gives no total."""
    return {"tp": _int(tp, "tp"), "fp": _int(fp, "fp"), "fn": _int(fn, "fn"),
            "tn": None if tn is None else _int(tn, "tn")}


def from_flags(total, pos, flagged, correct):
    """Total, actual positives, how many the model flagged, how many flagged were right."""
    tp = correct
    fp = flagged - correct
    fn = pos - correct
    tn = (total - pos) - fp
    return cm(tp, fp, fn, tn)


def from_classes_flags(pos, neg, flagged, correct):
    return from_flags(pos + neg, pos, flagged, correct)


def from_alarms(flagged, false_alarms, missed):
    """No total: alarms raised, how many of them false, how many real cases missed."""
    return cm(flagged - false_alarms, false_alarms, missed, None)


def from_sens_spec(pos, neg, sens, spec):
    """Class sizes with sensitivity and specificity (fractions)."""
    tp = F(pos) * F(sens)
    tn = F(neg) * F(spec)
    return cm(tp, neg - tn, pos - tp, tn)


def from_prevalence(total, prev, sens, fpr):
    """Total, prevalence, share of positives caught, share of negatives wrongly flagged."""
    pos = F(total) * F(prev)
    neg = F(total) - pos
    tp = pos * F(sens)
    fp = neg * F(fpr)
    return cm(tp, fp, pos - tp, neg - fp)


def from_flag_share(total, prev, flag_share, ppv):
    """Total, prevalence, share of ALL items flagged, share of flagged items that were right."""
    pos = F(total) * F(prev)
    flagged = F(total) * F(flag_share)
    tp = flagged * F(ppv)
    return from_flags(total, pos, flagged, tp)


def pct(x):
    return F(str(x)) / 100


def ratio(num, den):
    return None if den == 0 else F(num, den)


def accuracy(m):
    if m["tn"] is None:
        return None
    return ratio(m["tp"] + m["tn"], m["tp"] + m["fp"] + m["fn"] + m["tn"])


def precision(m):
    return ratio(m["tp"], m["tp"] + m["fp"])


def recall(m):
    return ratio(m["tp"], m["tp"] + m["fn"])


def specificity(m):
    return None if m["tn"] is None else ratio(m["tn"], m["tn"] + m["fp"])


def fpr(m):
    return None if m["tn"] is None else ratio(m["fp"], m["fp"] + m["tn"])


def f1(m):
    return ratio(2 * m["tp"], 2 * m["tp"] + m["fp"] + m["fn"])


METRICS = {"accuracy": accuracy, "precision": precision, "recall": recall,
           "specificity": specificity, "fpr": fpr, "f1": f1}


def dec(x):
    """Exact fraction with at most 3 decimals -> shortest decimal string."""
    assert (x * 1000).denominator == 1, f"{x} = {float(x)} is not exact to 3 decimals"
    s = f"{float(x):.3f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


def renderings(x):
    """Ways a tutor might print a ratio it was not asked for."""
    out = {f"{float(x):.3f}", f"{float(x):.4f}", str(float(x))}
    if (x * 1000).denominator == 1:
        out.add(dec(x))
    return out


CASES = []
CLARIFY = []


def C(cid, cat, q, m, hand):
    CASES.append({"id": cid, "cat": cat, "q": q, "cm": m, "hand": hand})


def K(cid, q, ask, completions, note):
    """Incomplete story: two matrices both consistent with the story, giving different answers."""
    CLARIFY.append({"id": cid, "q": q, "ask": ask, "completions": completions, "note": note})


# =====================================================================
# (a) total + class sizes, then what the model flagged and how many were right
# =====================================================================

# tp=60 fp=96-60=36 fn=80-60=20 tn=320-36=284; P=60/96=0.625, R=60/80=0.75
C("a01", "a",
  "Our ER triage model was tested on 400 patients, 80 of whom really needed urgent care. "
  "It flagged 96 patients as urgent, and 60 of the flagged ones actually were urgent. "
  "What are the precision and the recall of the urgent flag?",
  from_flags(400, 80, 96, 60), {"precision": "0.625", "recall": "0.75"})

# tp=190 fp=60 fn=10 tn=800-60=740; P=190/250=0.76, acc=(190+740)/1000=930/1000=0.93
C("a02", "a",
  "I evaluated a fake-news detector on 1,000 articles. 200 of them are actually fake. "
  "The detector labelled 250 articles as fake, and 190 of those really were fake. "
  "Can you compute the precision and the accuracy?",
  from_flags(1000, 200, 250, 190), {"precision": "0.76", "accuracy": "0.93"})

# tp=48 fp=16 fn=2 tn=2000-16=1984; R=48/50=0.96, FPR=16/2000=0.008
C("a03", "a",
  "Out of 2,050 chips inspected on the line, 50 had a defect. The vision system rejected "
  "64 chips, and 48 of the rejected chips were actually defective. What are the recall "
  "and the false positive rate of the vision system?",
  from_flags(2050, 50, 64, 48), {"recall": "0.96", "fpr": "0.008"})

# tp=102 fp=18 fn=23 tn=375-18=357; P=102/120=0.85, R=102/125=0.816
C("a04", "a",
  "hi, for my wildlife project a camera-trap classifier looked at 500 photos. 125 photos "
  "really contain a lynx. The model said 'lynx' on 120 photos and 102 of those were "
  "correct. What is the precision and recall for the lynx class?",
  from_flags(500, 125, 120, 102), {"precision": "0.85", "recall": "0.816"})

# tp=225 fp=15 fn=25 tn=1000-15=985; spec=985/1000=0.985, acc=(225+985)/1250=1210/1250=0.968
C("a05", "a",
  "Our test set has 1,250 emails, 250 of which are spam. The filter moved 240 emails to "
  "the spam folder, and 225 of those were really spam. What are the specificity and the "
  "accuracy of the filter?",
  from_flags(1250, 250, 240, 225), {"specificity": "0.985", "accuracy": "0.968"})

# tp=38 fp=16 fn=2 tn=800-16=784; sens=38/40=0.95, spec=784/800=0.98
C("a06", "a",
  "An anti-doping lab screened 840 athletes; 40 of them were actually doping. The "
  "screening test came back positive for 54 athletes, 38 of whom were actually doping. "
  "What are the sensitivity and the specificity of the screening test?",
  from_flags(840, 40, 54, 38), {"recall": "0.95", "specificity": "0.98"})

# tp=27 fp=18 fn=3 tn=570-18=552; F1=2*27/(54+18+3)=54/75=0.72
C("a07", "a",
  "The online exam proctoring AI watched 600 students, 30 of whom actually cheated. It "
  "flagged 45 students, and 27 of the flagged students had really cheated. What's the "
  "F1 score of the proctoring AI?",
  from_flags(600, 30, 45, 27), {"f1": "0.72"})

# tp=84 fp=16 fn=56 tn=860-16=844; P=84/100=0.84, F1=168/(168+16+56)=168/240=0.7
C("a08", "a",
  "Of 1,000 loan applicants in our hold-out set, 140 later defaulted. The model predicted "
  "'will default' for 100 applicants, and 84 of those actually defaulted. Please give me "
  "the precision and the F1 score for the default class.",
  from_flags(1000, 140, 100, 84), {"precision": "0.84", "f1": "0.7"})

# tp=36 fp=4 fn=14 tn=200-4=196; R=36/50=0.72, acc=(36+196)/250=232/250=0.928
C("a09", "a",
  "We have 250 satellite image tiles and 50 of them contain a ship. The ship detector "
  "fired on 40 tiles, and 36 of those tiles really had a ship. What are the recall and "
  "the accuracy?",
  from_flags(250, 50, 40, 36), {"recall": "0.72", "accuracy": "0.928"})

# tp=42 fp=6 fn=8 tn=270-6=264; P=42/48=0.875, R=42/50=0.84
C("a10", "a",
  "Bird song app evaluation: 320 recordings, 50 of them have a nightingale singing. The "
  "app said 'nightingale' for 48 recordings and was right for 42 of them. Precision and "
  "recall for nightingale?",
  from_flags(320, 50, 48, 42), {"precision": "0.875", "recall": "0.84"})

# tp=75 fp=50 fn=25 tn=400-50=350; FPR=50/400=0.125, R=75/100=0.75
C("a11", "a",
  "Our code review bot checked 500 pull requests. 100 of them actually contained a bug. "
  "The bot flagged 125 PRs, and 75 of the flagged PRs had a bug. What's the bot's false "
  "positive rate, and its recall?",
  from_flags(500, 100, 125, 75), {"fpr": "0.125", "recall": "0.75"})

# tp=80 fp=48 fn=45 tn=9875-48=9827; P=80/128=0.625, R=80/125=0.64
C("a12", "a",
  "Fraud model on 10,000 card transactions, 125 of which were fraudulent. It flagged 128 "
  "transactions, 80 of them were real fraud. What precision and recall does it have?",
  from_flags(10000, 125, 128, 80), {"precision": "0.625", "recall": "0.64"})

# tp=45 fp=14 fn=5 tn=200-14=186; acc=(45+186)/250=231/250=0.924, spec=186/200=0.93
C("a13", "a",
  "A CNN classifies 250 chest X-rays: 50 show pneumonia and 200 are normal. It calls 59 "
  "X-rays 'pneumonia', and 45 of those calls are correct. What are the accuracy and the "
  "specificity?",
  from_flags(250, 50, 59, 45), {"accuracy": "0.924", "specificity": "0.93"})

# tp=153 fp=47 fn=27 tn=720-47=673; sens=153/180=0.85, P=153/200=0.765
C("a14", "a",
  "Diabetic retinopathy screening: 900 retinal scans, 180 of them with the disease. The "
  "model was positive on 200 scans, 153 of which were really diseased. Give me the "
  "sensitivity and the precision.",
  from_flags(900, 180, 200, 153), {"recall": "0.85", "precision": "0.765"})

# tp=468 fp=52 fn=32 tn=1500-52=1448; acc=(468+1448)/2000=1916/2000=0.958, R=468/500=0.936
C("a15", "a",
  "Network intrusion detection: 2,000 connections in the test capture, 500 of them "
  "malicious. The IDS raised an alert on 520 connections, and 468 of those were actually "
  "malicious. What's the accuracy and the recall?",
  from_flags(2000, 500, 520, 468), {"accuracy": "0.958", "recall": "0.936"})

# tp=300 fp=160 fn=200 tn=4500-160=4340; F1=600/(600+160+200)=600/960=0.625,
# acc=(300+4340)/5000=4640/5000=0.928
C("a16", "a",
  "Customer churn model: 5,000 customers, 500 of them churned. The model predicted churn "
  "for 460 customers, and 300 of those actually churned. What are the F1 score and the "
  "accuracy?",
  from_flags(5000, 500, 460, 300), {"f1": "0.625", "accuracy": "0.928"})

# =====================================================================
# (b) no total: alarms / hits / false alarms / misses; P, R or F1 only
# =====================================================================

# tp=40-10=30 fp=10 fn=18; P=30/40=0.75, R=30/48=0.625
C("b01", "b",
  "The fire alarm went off 40 times this year, 10 of those were false alarms, and it "
  "missed 18 real fires. What are its precision and recall?",
  from_alarms(40, 10, 18), {"precision": "0.75", "recall": "0.625"})

# tp=20 fp=5 fn=12; P=20/25=0.8, R=20/32=0.625
C("b02", "b",
  "The store's AI camera raised 25 shoplifting alerts last month; 5 of them turned out "
  "to be nothing. Going through the footage, security found 12 shoplifters it never "
  "alerted on. What are the precision and recall of the camera?",
  from_alarms(25, 5, 12), {"precision": "0.8", "recall": "0.625"})

# tp=90 fp=50 fn=10; F1=180/(180+50+10)=180/240=0.75, R=90/100=0.9
C("b03", "b",
  "Our phishing classifier caught 90 phishing emails, while 10 phishing emails slipped "
  "through. It also wrongly marked 50 legitimate emails as phishing. What's the F1 score "
  "and the recall?",
  cm(90, 50, 10), {"f1": "0.75", "recall": "0.9"})

# tp=48 fp=64-48=16 fn=60-48=12; P=48/64=0.75, R=48/60=0.8
C("b04", "b",
  "Lesion detector on a batch of brain MRI scans: it made 64 detections, 48 of which "
  "matched a real lesion and the rest were false. The radiologists counted 60 lesions in "
  "total in that batch. Precision and recall?",
  cm(48, 16, 12), {"precision": "0.75", "recall": "0.8"})

# tp=20 fp=5 fn=32-20=12; P=20/25=0.8, R=20/32=0.625
C("b05", "b",
  "My search system returned 25 documents for a query, and 20 of them are relevant. The "
  "whole collection contains 32 relevant documents for that query. What are precision "
  "and recall?",
  cm(20, 5, 12), {"precision": "0.8", "recall": "0.625"})

# tp=120-24=96 fp=24 fn=40; F1=192/(192+24+40)=192/256=0.75
C("b06", "b",
  "A pothole detector app reported 120 potholes on a road survey, but 24 of those were "
  "not actually potholes. The survey team also found 40 potholes that the app did not "
  "report. What is the app's F1 score?",
  from_alarms(120, 24, 40), {"f1": "0.75"})

# tp=180 fp=20 fn=100; P=180/200=0.9, F1=360/(360+20+100)=360/480=0.75
C("b07", "b",
  "The weeding robot sprayed 200 plants it thought were weeds. 180 of them really were "
  "weeds, the other 20 were crop plants. It also skipped 100 weeds. Precision and F1 of "
  "the weed detector, please.",
  from_alarms(200, 20, 100), {"precision": "0.9", "f1": "0.75"})

# tp=12 fp=4 fn=3; R=12/15=0.8, P=12/16=0.75
C("b08", "b",
  "The plagiarism checker flagged 16 essays, and 12 of them were actually plagiarised. "
  "Later we found 3 more plagiarised essays that it didn't flag. What's its recall and "
  "precision?",
  cm(12, 4, 3), {"recall": "0.8", "precision": "0.75"})

# tp=216 fp=24 fn=250-216=34; P=216/240=0.9, R=216/250=0.864
C("b09", "b",
  "In the test video there were 250 pedestrians. Our detector produced 240 boxes: 216 "
  "were true pedestrians and 24 were false detections. What's the precision and the "
  "recall of the detector?",
  cm(216, 24, 34), {"precision": "0.9", "recall": "0.864"})

# tp=75-15=60 fp=15 fn=25; F1=120/(120+15+25)=120/160=0.75, P=60/75=0.8
C("b10", "b",
  "Antivirus scan on a file share (no idea how many files in total). It quarantined 75 "
  "files, 15 of which were false positives, and it missed 25 malware files. What are the "
  "F1 score and the precision?",
  from_alarms(75, 15, 25), {"f1": "0.75", "precision": "0.8"})

# tp=42 fp=8 fn=14; P=42/50=0.84, R=42/56=0.75
C("b11", "b",
  "Weld inspection model: of the welds it called defective, 42 were real defects and 8 "
  "were fine. It missed 14 defective welds. Compute precision and recall.",
  cm(42, 8, 14), {"precision": "0.84", "recall": "0.75"})

# tp=60-12=48 fp=12 fn=75-48=27; P=48/60=0.8, R=48/75=0.64
C("b12", "b",
  "Our voice assistant woke up 60 times during the day, and 12 of those were accidental "
  "wake-ups where nobody said the wake word. The user actually said the wake word 75 "
  "times. What are the precision and recall of the wake-word detector?",
  cm(48, 12, 27), {"precision": "0.8", "recall": "0.64"})

# tp=340 fp=60 fn=600-340=260; P=340/400=0.85, F1=680/(680+60+260)=680/1000=0.68
C("b13", "b",
  "My NER model predicted 400 person names in the test corpus, 340 of them correct. The "
  "gold annotation has 600 person names. What are the precision and the F1 for the PERSON "
  "type?",
  cm(340, 60, 260), {"precision": "0.85", "f1": "0.68"})

# tp=21 fp=9 fn=28-21=7; R=21/28=0.75
C("b14", "b",
  "The seizure detector raised 30 alarms over one week and 21 of them were real "
  "seizures. The patient had 28 seizures that week. What is the detector's recall?",
  cm(21, 9, 7), {"recall": "0.75"})

# tp=64 fp=16 fn=56; F1=128/(128+16+56)=128/200=0.64, P=64/80=0.8
C("b15", "b",
  "A deepfake detector flagged 80 videos as deepfakes and 64 of them truly were. It let "
  "56 deepfakes through as if they were genuine. F1 score and precision please.",
  cm(64, 16, 56), {"f1": "0.64", "precision": "0.8"})

# tp=135 fp=15 fn=45; P=135/150=0.9, R=135/180=0.75
C("b16", "b",
  "The toxic comment filter removed 150 comments. Moderators checked them: 135 were "
  "actually toxic. Users also reported 45 toxic comments that the filter did not remove. "
  "What are precision and recall?",
  cm(135, 15, 45), {"precision": "0.9", "recall": "0.75"})

# =====================================================================
# (c) percentages of a stated total, or sensitivity/specificity with class sizes
# =====================================================================

# pos=5%*2000=100, tp=90, fn=10; neg=1900, fp=2%*1900=38, tn=1862;
# acc=(90+1862)/2000=1952/2000=0.976
C("c01", "c",
  "In our factory 5% of 2,000 parts are defective. The camera catches 90% of the "
  "defective parts and wrongly rejects 2% of the good parts. What's the accuracy of the "
  "camera?",
  from_prevalence(2000, pct(5), pct(90), pct(2)), {"accuracy": "0.976"})

# pos=1000, tp=900, fn=100; neg=4000, tn=85%*4000=3400, fp=600;
# P=900/1500=0.6, acc=(900+3400)/5000=4300/5000=0.86
C("c02", "c",
  "A disease affects 20% of a group of 5,000 people. The test has a sensitivity of 90% "
  "and a specificity of 85%. If someone tests positive, what's the probability they "
  "actually have the disease (the precision)? And what's the test's accuracy?",
  from_sens_spec(1000, 4000, pct(90), pct(85)), {"precision": "0.6", "accuracy": "0.86"})

# tp=72%*200=144, fn=56; tn=94%*800=752, fp=48; acc=(144+752)/1000=896/1000=0.896, P=144/192=0.75
C("c03", "c",
  "A rapid antigen test was evaluated on 200 infected and 800 non-infected people. Its "
  "sensitivity is 72% and its specificity is 94%. What are the accuracy and the "
  "precision?",
  from_sens_spec(200, 800, pct(72), pct(94)), {"accuracy": "0.896", "precision": "0.75"})

# pos=4%*10000=400, tp=96%*400=384, fn=16; neg=9600, fp=1.5%*9600=144, tn=9456;
# acc=(384+9456)/10000=9840/10000=0.984
C("c04", "c",
  "Airport scanner: out of 10,000 bags, 4% contain a prohibited item. The scanner catches "
  "96% of those bags, and it also flags 1.5% of the clean bags. What is the scanner's "
  "accuracy?",
  from_prevalence(10000, pct(4), pct(96), pct("1.5")), {"accuracy": "0.984"})

# pos=200; flagged=25%*1000=250; tp=76%*250=190; fp=60; fn=10; tn=800-60=740;
# acc=(190+740)/1000=0.93, R=190/200=0.95
C("c05", "c",
  "There are 1,000 loan applications and 20% of them would default. The model rejects 25% "
  "of all applications, and 76% of the rejected applications are indeed defaulters. What "
  "are the accuracy and the recall for defaulters?",
  from_flag_share(1000, pct(20), pct(25), pct(76)), {"accuracy": "0.93", "recall": "0.95"})

# tp=84%*300=252, fn=48; tn=93%*1200=1116, fp=84; P=252/336=0.75, acc=(252+1116)/1500=1368/1500=0.912
C("c06", "c",
  "A mammography AI has sensitivity 0.84 and specificity 0.93. It is run on 300 women "
  "with cancer and 1,200 women without cancer. What are its precision and its accuracy on "
  "this group?",
  from_sens_spec(300, 1200, F(84, 100), F(93, 100)), {"precision": "0.75", "accuracy": "0.912"})

# pos=20%*2000=400; flagged=24%*2000=480; tp=70%*480=336; fp=144; fn=64; neg=1600; tn=1456;
# FPR=144/1600=0.09, R=336/400=0.84
C("c07", "c",
  "In a 2,000-image dataset, 20% of the images are cats. The model labels 24% of all "
  "images as 'cat', and 70% of the images it labels 'cat' really are cats. What's the "
  "false positive rate, and the recall for cats?",
  from_flag_share(2000, pct(20), pct(24), pct(70)), {"fpr": "0.09", "recall": "0.84"})

# tp=85%*1000=850, fn=150; fp=2.3%*50000=1150; P=850/(850+1150)=850/2000=0.425
C("c08", "c",
  "Our bank has 1,000 fraudulent and 50,000 legitimate transactions in the test month. "
  "The fraud model catches 85% of the fraudulent ones and has a false positive rate of "
  "2.3%. What fraction of the flagged transactions are actually fraud?",
  from_sens_spec(1000, 50000, pct(85), 1 - pct("2.3")), {"precision": "0.425"})

# tp=94%*150=141, fn=9; tn=82%*850=697, fp=153; acc=(141+697)/1000=838/1000=0.838
C("c09", "c",
  "A landmine detector was tested on a field with 150 real landmines and 850 harmless "
  "metal objects. Its detection rate (sensitivity) is 94% and its specificity is 82%. "
  "What's the overall accuracy?",
  from_sens_spec(150, 850, pct(94), pct(82)), {"accuracy": "0.838"})

# pos=15%*800=120; flagged=12.5%*800=100; tp=90%*100=90; fp=10; fn=30; tn=680-10=670;
# R=90/120=0.75, acc=(90+670)/800=760/800=0.95
C("c10", "c",
  "Of 800 ICU patients, 15% developed sepsis. The early-warning alert fired for 12.5% of "
  "all patients, and 90% of the alerts were correct. What are the sensitivity and the "
  "accuracy of the alert?",
  from_flag_share(800, pct(15), pct("12.5"), pct(90)), {"recall": "0.75", "accuracy": "0.95"})

# tp=0.75*120=90, fn=30; tn=0.9*180=162, fp=18; acc=(90+162)/300=252/300=0.84
C("c11", "c",
  "A voice-based Parkinson's test has sensitivity 0.75 and specificity 0.9. We try it on "
  "120 patients with Parkinson's and 180 healthy controls. What accuracy should we "
  "expect?",
  from_sens_spec(120, 180, F(3, 4), F(9, 10)), {"accuracy": "0.84"})

# pos=20%*4000=800, tp=720, fn=80; neg=3200, fp=3%*3200=96, tn=3104;
# acc=(720+3104)/4000=3824/4000=0.956
C("c12", "c",
  "Bottling plant: of 4,000 bottles, 20% are underfilled. The fill sensor catches 90% of "
  "the underfilled bottles and wrongly flags 3% of the properly filled ones. What's the "
  "sensor's accuracy?",
  from_prevalence(4000, pct(20), pct(90), pct(3)), {"accuracy": "0.956"})

# pos=25%*80=20; flagged=15%*80=12; tp=75%*12=9; fp=3; fn=11; tn=60-3=57;
# R=9/20=0.45, acc=(9+57)/80=66/80=0.825
C("c13", "c",
  "In a class of 80 students, 25% actually cheated on the exam. The proctoring software "
  "flagged 15% of the class, and 75% of the flagged students had cheated. What are the "
  "recall and the accuracy of the software?",
  from_flag_share(80, pct(25), pct(15), pct(75)), {"recall": "0.45", "accuracy": "0.825"})

# pos=4%*5000=200, tp=90%*200=180, fn=20; neg=4800, fp=1.25%*4800=60, tn=4740;
# P=180/240=0.75, acc=(180+4740)/5000=4920/5000=0.984
C("c14", "c",
  "Ship detection in SAR images: 4% of 5,000 image chips contain a ship. The detector has "
  "a recall of 90% and a false positive rate of 1.25%. What are its precision and "
  "accuracy?",
  from_prevalence(5000, pct(4), pct(90), pct("1.25")), {"precision": "0.75", "accuracy": "0.984"})

# pos=20%*25000=5000, tp=95%=4750, fn=250; neg=20000, tn=99%=19800, fp=200;
# acc=(4750+19800)/25000=24550/25000=0.982
C("c15", "c",
  "20% of the 25,000 accounts on our platform are bots. The bot classifier has a "
  "sensitivity of 95% and a specificity of 99%. What is its accuracy?",
  from_prevalence(25000, pct(20), pct(95), pct(1)), {"accuracy": "0.982"})

# pos=40%*1500=600, tp=90%=540, fn=60; neg=900, fp=20%=180, tn=720;
# P=540/720=0.75, acc=(540+720)/1500=1260/1500=0.84
C("c16", "c",
  "Drone wildlife survey: 1,500 warm blobs in the thermal images, 40% of them are deer. "
  "The classifier recognises 90% of the deer, but also labels 20% of the non-deer blobs "
  "as deer. What are the precision and the accuracy for 'deer'?",
  from_prevalence(1500, pct(40), pct(90), pct(20)), {"precision": "0.75", "accuracy": "0.84"})

# =====================================================================
# (d) negative class has its own name; positive class is a domain word
# =====================================================================

# forgery positive: tp=48 fp=64-48=16 fn=60-48=12 tn=240-16=224; P=48/64=0.75, R=48/60=0.8
C("d01", "d",
  "Signature verification: the test set has 300 signatures, 60 forgeries and 240 "
  "genuine. The model called 64 signatures forgeries, and 48 of those really were "
  "forgeries. Treat 'forgery' as the positive class. What are precision and recall?",
  from_classes_flags(60, 240, 64, 48), {"precision": "0.75", "recall": "0.8"})

# spam positive: fp=32 ham in spam folder, fn=40 spam in inbox, tp=360, tn=1568;
# FPR=32/1600=0.02, acc=(360+1568)/2000=1928/2000=0.964
C("d02", "d",
  "Our spam filter processed 2,000 messages: 1,600 ham and 400 spam. 32 ham messages "
  "ended up in the spam folder, and 40 spam messages got into the inbox. With spam as "
  "the positive class, what are the false positive rate and the accuracy?",
  cm(400 - 40, 32, 40, 1600 - 32), {"fpr": "0.02", "accuracy": "0.964"})

# malignant positive: tp=90 fp=30 fn=10 tn=400-30=370; spec=370/400=0.925, P=90/120=0.75
C("d03", "d",
  "500 biopsies: 100 malignant, 400 benign. The AI called 120 of them malignant, and 90 "
  "of those were really malignant. What are the specificity and the precision?",
  from_classes_flags(100, 400, 120, 90), {"specificity": "0.925", "precision": "0.75"})

# cheater positive: tp=36 fp=4 fn=14 tn=950-4=946; R=36/50=0.72, F1=72/(72+4+14)=72/90=0.8
C("d04", "d",
  "Online chess site: we reviewed 1,000 accounts, 50 were cheaters and the rest fair "
  "players. The anti-cheat system banned 40 accounts, 36 of which were actual cheaters. "
  "What are the recall and the F1 score for catching cheaters?",
  from_flags(1000, 50, 40, 36), {"recall": "0.72", "f1": "0.8"})

# bot positive: tp=84 fp=16 fn=36 tn=400-16=384; P=84/100=0.84, spec=384/400=0.96
C("d05", "d",
  "Bot account detection, 'bot' is the positive class. Sample: 120 bot accounts and 400 "
  "real human accounts. The classifier said 'bot' for 100 accounts, and 84 of those "
  "were bots. What are the precision and the specificity?",
  from_classes_flags(120, 400, 100, 84), {"precision": "0.84", "specificity": "0.96"})

# counterfeit positive: tp=38 fp=2 fn=12 tn=948; P=38/40=0.95, R=38/50=0.76
C("d06", "d",
  "A banknote checking machine was tested on 1,000 notes: 50 counterfeit and 950 "
  "genuine. It rejected 40 notes, and 38 of the rejected notes were counterfeit. What "
  "are the precision and recall for detecting counterfeits?",
  from_classes_flags(50, 950, 40, 38), {"precision": "0.95", "recall": "0.76"})

# fail positive: tp=80 fp=10 fn=20 tn=500-10=490; spec=490/500=0.98, acc=(80+490)/600=570/600=0.95
C("d07", "d",
  "Automated visual inspection of PCBs, where 'fail' is the positive class. 600 boards: "
  "500 pass and 100 fail. The system said 'fail' for 90 boards, 80 of them correctly. "
  "What are the specificity and the accuracy?",
  from_classes_flags(100, 500, 90, 80), {"specificity": "0.98", "accuracy": "0.95"})

# diabetic positive: tp=40 fp=5 fn=10 tn=200-5=195; FPR=5/200=0.025, acc=(40+195)/250=235/250=0.94
C("d08", "d",
  "Diabetes risk model on 250 people: 50 are diabetic, 200 are healthy. It predicted "
  "'diabetic' for 45 people, 40 of whom really are diabetic. What's the false positive "
  "rate and the accuracy?",
  from_classes_flags(50, 200, 45, 40), {"fpr": "0.025", "accuracy": "0.94"})

# anomaly positive: tp=171 fp=19 fn=79 tn=4750-19=4731; R=171/250=0.684, FPR=19/4750=0.004
C("d09", "d",
  "Sensor anomaly detection: 5,000 time windows, 4,750 normal and 250 anomalous. The "
  "detector flagged 190 windows, and 171 of them were real anomalies. What are the recall "
  "and the false positive rate?",
  from_classes_flags(250, 4750, 190, 171), {"recall": "0.684", "fpr": "0.004"})

# poisonous positive: tp=154 fp=21 fn=46 tn=200-21=179; P=154/175=0.88, R=154/200=0.77
C("d10", "d",
  "Mushroom ID app (positive = poisonous). We tested it on 400 mushrooms: 200 poisonous "
  "and 200 edible. It said 'poisonous' for 175 mushrooms, and 154 of those really were "
  "poisonous. Precision and recall?",
  from_classes_flags(200, 200, 175, 154), {"precision": "0.88", "recall": "0.77"})

# fraud positive: tp=60 fp=90 fn=40 tn=1900-90=1810; F1=120/(120+90+40)=120/250=0.48,
# acc=(60+1810)/2000=1870/2000=0.935
C("d11", "d",
  "Insurance claims: 2,000 claims, 100 fraudulent and 1,900 legit. The model flagged 150 "
  "claims for investigation and 60 of those turned out to be fraud. What are the F1 "
  "score and the accuracy?",
  from_classes_flags(100, 1900, 150, 60), {"f1": "0.48", "accuracy": "0.935"})

# healthy is POSITIVE here: tp=120 (said healthy & healthy) fp=5 (said healthy but sick)
# fn=150-120=30 tn=50-5=45; P=120/125=0.96, acc=(120+45)/200=165/200=0.825
C("d12", "d",
  "For once we treat 'healthy' as the positive class (the model is used to clear people "
  "for work). 200 people: 150 healthy, 50 sick. The model said 'healthy' for 125 people, "
  "and 120 of them were truly healthy. What are the precision for 'healthy' and the "
  "accuracy?",
  from_classes_flags(150, 50, 125, 120), {"precision": "0.96", "accuracy": "0.825"})

# AI-generated (fake) positive: tp=342 fp=38 fn=58 tn=600-38=562;
# R=342/400=0.855, acc=(342+562)/1000=904/1000=0.904
C("d13", "d",
  "Face dataset of 1,000 images: 400 AI-generated and 600 real. Our detector called 380 "
  "faces fake, and 342 of those were indeed AI-generated. What are the recall for fakes "
  "and the accuracy?",
  from_classes_flags(400, 600, 380, 342), {"recall": "0.855", "accuracy": "0.904"})

# malicious positive: tp=378 fp=42 fn=22 tn=1200-42=1158; FPR=42/1200=0.035, R=378/400=0.945
C("d14", "d",
  "URL filter test: 1,600 URLs, 400 malicious and 1,200 benign. The filter blocked 420 "
  "URLs, 378 of which were malicious. What are the false positive rate and the recall?",
  from_classes_flags(400, 1200, 420, 378), {"fpr": "0.035", "recall": "0.945"})

# ship positive: tp=153 fp=27 fn=47 tn=600-27=573; P=153/180=0.85, FPR=27/600=0.045
C("d15", "d",
  "Satellite radar: 800 candidate detections, of which 200 are ships and 600 are sea "
  "clutter. The classifier labelled 180 candidates as 'ship' and 153 of those were ships. "
  "With ship as the positive class, what are the precision and the false positive rate?",
  from_classes_flags(200, 600, 180, 153), {"precision": "0.85", "fpr": "0.045"})

# arrhythmia positive: tp=380 fp=20 fn=120 tn=9500-20=9480; R=380/500=0.76,
# acc=(380+9480)/10000=9860/10000=0.986
C("d16", "d",
  "ECG beat classifier: 10,000 beats, 9,500 normal and 500 arrhythmic. The model flagged "
  "400 beats as arrhythmic, 380 of them correctly. What are the sensitivity for "
  "arrhythmia and the accuracy?",
  from_classes_flags(500, 9500, 400, 380), {"recall": "0.76", "accuracy": "0.986"})

# =====================================================================
# (e) terse notes and second-language English
# =====================================================================

# tp=45 fp=15 fn=5 tn=435; P=45/60=0.75
C("e01", "e",
  "test 500 people, 50 sick, test say positive 60 people, 45 of them really sick. precision?",
  from_flags(500, 50, 60, 45), {"precision": "0.75"})

# tp=84 fp=36 fn=16 tn=864; R=84/100=0.84
C("e02", "e",
  "model: 1000 img, 100 cat. predict cat 120, of them 84 correct. recall pls",
  from_flags(1000, 100, 120, 84), {"recall": "0.84"})

# tp=36 fp=14 fn=4 tn=146; F1=72/(72+14+4)=72/90=0.8
C("e03", "e",
  "Hello, I have a question. In my homework the classifier see 200 mails, 40 is spam. It "
  "put 50 mails in spam folder, only 36 is real spam. What is the F1 score?",
  from_flags(200, 40, 50, 36), {"f1": "0.8"})

# tp=102 fn=18 fp=19 tn=361; sens=102/120=0.85, spec=361/380=0.95
C("e04", "e",
  "sens + spec? 120 patients w/ disease, detector found 102 of them. 380 w/o disease, "
  "19 false alarms",
  cm(102, 19, 18, 361), {"recall": "0.85", "specificity": "0.95"})

# tp=60 fp=20 fn=10 tn=330-20=310; acc=(60+310)/400=370/400=0.925
C("e05", "e",
  "pls help, accuracy of: 400 samples, positive class 70, model say positive 80, right 60 of them",
  from_flags(400, 70, 80, 60), {"accuracy": "0.925"})

# tp=152 fp=48 fn=8 tn=1792; R=152/160=0.95, P=152/200=0.76
C("e06", "e",
  "In my country we test 2000 fruit for worm. 160 have worm. The machine say worm for "
  "200 fruit, 152 have worm truly. What is recall and precision?",
  from_flags(2000, 160, 200, 152), {"recall": "0.95", "precision": "0.76"})

# tp=80-16=64 fp=16 fn=36; P=64/80=0.8, R=64/100=0.64
C("e07", "e",
  "alarm ring 80 times, 16 times no intruder. alarm miss 36 intruder. precision recall?",
  from_alarms(80, 16, 36), {"precision": "0.8", "recall": "0.64"})

# tp=45 fp=5 fn=25 tn=135; F1=90/(90+5+25)=90/120=0.75
C("e08", "e",
  "45 caught, 5 wrong alarm, 25 miss, 135 correct ignore. f1?",
  cm(45, 5, 25, 135), {"f1": "0.75"})

# fp=35 tn=965; spec=965/1000=0.965
C("e09", "e",
  "quick q: specificity if 1000 healthy ppl and model wrongly says sick for 35 of them?",
  cm(0, 35, 0, 965), {"specificity": "0.965"})

# tp=288 fp=32 fn=112 tn=800-32=768; FPR=32/800=0.04
C("e10", "e",
  "We have 1200 Bilder, 400 show a defect and the others are okay. The model marks 320 "
  "as defect, from these 288 have the defect really. How big is the false positive rate?",
  from_flags(1200, 400, 320, 288), {"fpr": "0.04"})

# tp=81 fp=9 fn=19 tn=150-9=141; acc=(81+141)/250=222/250=0.888, spec=141/150=0.94
C("e11", "e",
  "Q: 250 tweets, 100 hate speech. model says hate for 90 tweets, 81 of them correct. accuracy + "
  "specificity?",
  from_flags(250, 100, 90, 81), {"accuracy": "0.888", "specificity": "0.94"})

# tp=27 fn=9 fp=3; R=27/36=0.75, P=27/30=0.9
C("e12", "e",
  "recall=? detector find 27 of the 36 tumors, also give 3 false one. precision also",
  cm(27, 3, 9), {"recall": "0.75", "precision": "0.9"})

# tp=72 fp=18 fn=28 tn=4900-18=4882; P=72/90=0.8, R=72/100=0.72
C("e13", "e",
  "Hi, my model for detect fraud: of 5000 transactions 100 is fraud. The model say fraud "
  "for 90 transaction and 72 is fraud real. I need the precision and the recall.",
  from_flags(5000, 100, 90, 72), {"precision": "0.8", "recall": "0.72"})

# tp=0.9*100=90 fn=10; tn=0.8*400=320 fp=80; acc=(90+320)/500=410/500=0.82
C("e14", "e",
  "sens 0.9 spec 0.8, 100 sick 400 healthy. acc?",
  from_sens_spec(100, 400, F(9, 10), F(8, 10)), {"accuracy": "0.82"})

# tp=60 fp=10 fn=30; F1=120/(120+10+30)=120/160=0.75
C("e15", "e",
  "need F1. 60 correct detections, 10 false detections, 30 objects not detected",
  cm(60, 10, 30), {"f1": "0.75"})

# tp=40-6=34 fp=6 fn=50-34=16; R=34/50=0.68, P=34/40=0.85
C("e16", "e",
  "bird app, class 'crow'. there was 50 real crow sounds. app say crow 40 times, 6 times "
  "wrong. recall for crow? and precision",
  cm(34, 6, 16), {"recall": "0.68", "precision": "0.85"})

# =====================================================================
# incomplete stories -> expect clarify (two consistent completions that disagree)
# =====================================================================

K("k01",
  "Our spam filter flagged 120 emails and 90 of them were actually spam. What's the "
  "recall?",
  "recall", [cm(90, 30, 10), cm(90, 30, 60)],
  "number of spam emails (or missed spam) not given")

K("k02",
  "Out of 1,000 patients, the model flagged 80 as high risk, and 60 of them really were "
  "high risk. What's the accuracy?",
  "accuracy", [cm(60, 20, 0, 920), cm(60, 20, 40, 880)],
  "how many patients were really high risk is not given (FN vs TN split)")

K("k03",
  "The fire alarm went off 40 times, 10 were false alarms. What is the F1 score?",
  "f1", [cm(30, 10, 0), cm(30, 10, 10)],
  "missed fires not given")

K("k04",
  "The test has 95% sensitivity and 90% specificity. What's its precision?",
  "precision", [from_sens_spec(100, 900, pct(95), pct(90)),
                from_sens_spec(500, 500, pct(95), pct(90))],
  "prevalence / class sizes not given")

K("k05",
  "Our detector caught 45 of the 50 ships in the satellite images. What's the "
  "specificity?",
  "specificity", [cm(45, 10, 5, 90), cm(45, 10, 5, 190)],
  "nothing about non-ship images")

K("k06",
  "We have 300 genuine and 60 forged signatures, and the model caught 48 of the "
  "forgeries. What is the precision?",
  "precision", [cm(48, 0, 12, 300), cm(48, 12, 12, 288)],
  "how many genuine signatures were called forgeries is not given")

K("k07",
  "Bird app test: 200 recordings, the app says 'owl' 50 times and 40 of those are right. "
  "What is the recall for owl?",
  "recall", [cm(40, 10, 10, 140), cm(40, 10, 40, 110)],
  "number of real owl recordings not given")

K("k08",
  "My loan default model has precision 0.8 on 500 applicants. What's the recall?",
  "recall", [cm(80, 20, 20, 380), cm(80, 20, 80, 320)],
  "number of real defaulters / missed defaulters not given")

K("k09",
  "test 400 ppl, 60 positive. accuracy?",
  "accuracy", [cm(60, 0, 0, 340), cm(30, 30, 30, 310)],
  "no way to tell how many predictions were right")

K("k10",
  "The code review bot flagged 30 PRs and 6 of them were false positives. What's its "
  "false positive rate?",
  "fpr", [cm(24, 6, 0, 94), cm(24, 6, 0, 194)],
  "number of bug-free PRs not given")

K("k11",
  "2% of 5,000 parts are defective, and the camera rejects 150 parts. What's the "
  "precision of the camera?",
  "precision", [from_flags(5000, 100, 150, 100), from_flags(5000, 100, 150, 90)],
  "how many rejected parts were defective is not given")

K("k12",
  "doping test on 1000 athletes: 20 cheaters were caught and 5 clean athletes wrongly "
  "flagged. sensitivity?",
  "recall", [cm(20, 5, 0, 975), cm(20, 5, 5, 970)],
  "how many dopers tested negative is not given")


# ---------------------------------------------------------------- checks
def check_and_build():
    problems = []
    out = []
    ids = set()
    for c in CASES:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        m = c["cm"]
        computed = {k: fn(m) for k, fn in METRICS.items()}
        contains = []
        for metric, hand in c["hand"].items():
            v = computed[metric]
            assert v is not None, f"{c['id']}: {metric} undefined for {m}"
            assert v == F(hand), f"{c['id']}: {metric} computed {v} = {float(v)} != hand {hand}"
            s = dec(v)
            assert s == hand, f"{c['id']}: hand value {hand} not in shortest form {s}"
            if v in (0, 1):
                problems.append(f"{c['id']}: asked {metric} is {s}")
            contains.append(s)
        # an asked value must not hide inside another metric's printout
        for metric, s in zip(c["hand"], contains):
            for other, v in computed.items():
                if other == metric or v is None or v == F(s):
                    continue
                for r in renderings(v):
                    if s in r:
                        problems.append(f"{c['id']}: asked {metric}={s} is inside {other}={r}")
        # ... nor inside a ratio the student already gave (a tutor echoes them)
        given = re.findall(r"\b0\.\d+", c["q"])
        given += [str(F(x) / 100) if F(x) / 100 >= 1 else str(float(F(x) / 100))
                  for x in re.findall(r"(\d+(?:\.\d+)?)\s*%", c["q"])]
        for metric, s in zip(c["hand"], contains):
            for g in given:
                if s in g:
                    problems.append(f"{c['id']}: asked {metric}={s} is inside given ratio {g}")
        if len(contains) == 2:
            a, b = contains
            if a in b or b in a:
                problems.append(f"{c['id']}: asked values {a} / {b} overlap")
        out.append({"q": c["q"], "expect": "calculation", "contains": contains})
    for k in CLARIFY:
        assert k["id"] not in ids, k["id"]
        ids.add(k["id"])
        vals = [METRICS[k["ask"]](m) for m in k["completions"]]
        assert vals[0] != vals[1], f"{k['id']}: completions agree ({vals}) - story is not incomplete"
        out.append({"q": k["q"], "expect": "clarify"})
    return out, problems


def main():
    out, problems = check_and_build()
    for p in problems:
        print("PROBLEM:", p)
    assert not problems, f"{len(problems)} problems"
    n_calc = sum(1 for c in out if c["expect"] == "calculation")
    n_clar = sum(1 for c in out if c["expect"] == "clarify")
    assert n_calc == 80 and n_clar == 12, (n_calc, n_clar)
    body = yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=100000,
                          default_flow_style=False)
    with open(OUT_YAML, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write(body)
    # round trip
    with open(OUT_YAML, encoding="utf-8") as fh:
        back = yaml.safe_load(fh)
    assert back == out
    for item in back:
        for s in item.get("contains", []):
            assert isinstance(s, str) and s.startswith("0.") and "%" not in s
    cats = {}
    for c in CASES:
        cats[c["cat"]] = cats.get(c["cat"], 0) + 1
    print(f"wrote {OUT_YAML}: {len(out)} cases ({n_calc} calculation, {n_clar} clarify); "
          f"by category {dict(sorted(cats.items()))}")


if __name__ == "__main__":
    sys.exit(main())
