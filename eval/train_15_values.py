#!/usr/bin/env python3
"""eval/train-15.yaml, a second TUNING set of confusion matrices told in prose.

Written on 2026-12-04 by a helper who saw neither the knowledge base, the code, nor any
evaluation set (nor train-13), only a description of the metrics calculator: homework word
problems and students' own results, 70 told in full and 10 missing a count.
Each entry: (message, (TP, FP, TN, FN), [metrics asked]).

    python3 eval/train_15_values.py   # rewrites eval/train-15.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import math
from fractions import Fraction as F
from pathlib import Path

OUT = Path(__file__).with_name("train-15.yaml")

Q = [
 ("A screening test for disease X is given to 1,000 people, 50 of whom actually have the disease. The test comes back positive for 45 of the people with the disease and for 76 of the people without it. What are the sensitivity and specificity of the test?",
  (45, 76, 874, 5), ["recall", "specificity"]),
 ("my spam filter results: out of 400 emails, 120 were actually spam. it flagged 110 emails as spam in total and 100 of those really were spam. whats the precision and recall??",
  (100, 10, 270, 20), ["precision", "recall"]),
 ("For my lab report: our fraud classifier was run on 2,500 transactions from the 2023 test split. It caught 38 of the fraudulent ones and missed 12. It also flagged 64 legitimate transactions as fraud. What are the F1 score and the accuracy?",
  (38, 64, 2386, 12), ["f1", "accuracy"]),
 ("A quality inspection camera checks 800 parts. Of the 60 parts that are truly defective, it rejects 51. Of the parts that are fine, it wrongly rejects 22. Compute the precision and the specificity of the camera.",
  (51, 22, 718, 9), ["precision", "specificity"]),
 ("ok so my model predicted 'cat' (cat is the positive class) for 130 images and 117 of them were actually cats. it predicted 'dog' for 170 images and 9 of those were actualy cats. accuracy and recall pls",
  (117, 13, 161, 9), ["accuracy", "recall"]),
 ("In a biopsy study, 240 tumors were malignant and 560 were benign. The classifier labelled 216 of the malignant tumors as malignant and 532 of the benign tumors as benign. What are the accuracy, sensitivity and specificity?",
  (216, 28, 532, 24), ["accuracy", "recall", "specificity"]),
 ("Loan default model: in the holdout set of 3,000 loans, 450 borrowers defaulted and the rest repaid. Our model predicted default for 390 loans; 270 of those actually defaulted. What's the precision, recall and F1 for the default class?",
  (270, 120, 2430, 180), ["precision", "recall", "f1"]),
 ("churn prediction for my capstone: we had 1,200 customers, 180 churned and 1,020 stayed. the model said 'churn' for 150 people who actually churned and for 85 who stayed. what's the precision?",
  (150, 85, 935, 30), ["precision"]),
 ("An intrusion detection system monitored 5,000 sessions. It raised an alert on 140 sessions, of which 98 were real intruders. Of the sessions it didn't alert on, 7 were intruders. Find the recall and the specificity.",
  (98, 42, 4853, 7), ["recall", "specificity"]),
 ("Toxic comment classifier v2.1, threshold 0.5: of 900 comments, 150 are toxic and the rest are clean. It labelled 126 of the toxic comments as toxic, and it labelled 48 clean comments as toxic. What's the F1 score for the toxic class?",
  (126, 48, 702, 24), ["f1"]),
 ("Information retrieval homework: a search engine returned 40 documents for a query, 28 of which were relevant. The collection has 200 documents, 35 of them relevant to the query. Compute precision and recall.",
  (28, 12, 153, 7), ["precision", "recall"]),
 ("COVID rapid antigen test, 2021 data: 300 people were tested and 75 were actually infected according to PCR. 60 of the infected people tested positive, and 6 of the uninfected people tested positive. What's the sensitivity and the accuracy?",
  (60, 6, 219, 15), ["recall", "accuracy"]),
 ("my smoke detector model fired 52 times during testing. 39 of those were actual fires, the rest were false alarms. there were 45 fires total and 955 non-fire events. whats the specificity",
  (39, 13, 942, 6), ["specificity"]),
 ("Tumor presence classifier: out of 450 scans it predicted 'present' for 95 and 'absent' for 355. Among the 'present' predictions 81 were correct; among the 'absent' predictions 340 were correct. Give me the accuracy and the precision.",
  (81, 14, 340, 15), ["accuracy", "precision"]),
 ("Admissions model (accepted is the positive class): of 620 applicants, the model accepted 140. 112 of the ones it accepted were actually admitted by the committee. The committee admitted 150 applicants in total. What are the recall and F1?",
  (112, 28, 442, 38), ["recall", "f1"]),
 ("We evaluated our model on 1,500 chest X-rays. It missed 18 cases of pneumonia, gave 41 false alarms on healthy X-rays, and correctly identified 162 pneumonia cases. Everything else was correctly called normal. What are the accuracy and specificity?",
  (162, 41, 1279, 18), ["accuracy", "specificity"]),
 ("hey so for my nlp project the sarcasm detector got 88 sarcastic tweets right, missed 32 sarcastic ones, called 40 normal tweets sarcastic, and got 340 normal ones right. whats the f1",
  (88, 40, 340, 32), ["f1"]),
 ("A mammography program screens 2,000 women; 16 of them have breast cancer. The screen comes back positive for 14 of the women with cancer and for 190 of the women without cancer. What's the precision (PPV) of a positive screen, and what's the specificity?",
  (14, 190, 1794, 2), ["precision", "specificity"]),
 ("Bird sound detector: across 600 audio clips, it detected a bird in 210 clips. Of those, 189 really had a bird in them. There were 230 clips with a bird in total. What are the precision, recall and accuracy?",
  (189, 21, 349, 41), ["precision", "recall", "accuracy"]),
 ("my defect detector on the assembly line: 75 bad parts, it caught 69 of them. 925 good parts and it let through 910 of them (rejected the rest). whats the specificity and the precison",
  (69, 15, 910, 6), ["specificity", "precision"]),
 ("Among 350 ICU patients who had sepsis, our early-warning score triggered for 301. Among the 1,650 who did not have sepsis, it triggered for 198. What are the sensitivity and specificity?",
  (301, 198, 1452, 49), ["recall", "specificity"]),
 ("Homework: A classifier is tested on 250 positive and 750 negative examples. It correctly classifies 205 of the positives and misclassifies 60 of the negatives. Find the accuracy and the F1 score.",
  (205, 60, 690, 45), ["accuracy", "f1"]),
 ("Our face-mask detector (YOLOv8, epoch 50) was run on 480 faces. It said 'mask' for 300 faces, and 276 of those were really wearing a mask. It said 'no mask' for the remaining faces, and 22 of them were actually masked. Precision and recall for the mask class?",
  (276, 24, 158, 22), ["precision", "recall"]),
 ("The email gateway let through 1,870 messages and quarantined 130 in one week. Security review found that 104 of the quarantined messages were phishing and 8 of the ones let through were phishing. What's the recall and the accuracy of the gateway for phishing?",
  (104, 26, 1862, 8), ["recall", "accuracy"]),
 ("A pregnancy test study included 120 pregnant women and 280 women who were not pregnant. 114 of the pregnant women tested positive; 7 of the non-pregnant women tested positive. Compute sensitivity and specificity.",
  (114, 7, 273, 6), ["recall", "specificity"]),
 ("Fake news classifier results: it correctly flagged 430 fake articles and correctly cleared 1,215 real ones. It wrongly flagged 90 real articles and failed to flag 65 fake ones. Calculate accuracy, precision, and recall.",
  (430, 90, 1215, 65), ["accuracy", "precision", "recall"]),
 ("quick q, hate speech model on the 2024 dataset. it flagged 64 posts, 48 were actually hateful. 1000 posts total and 80 hateful overall. f1 score?",
  (48, 16, 904, 32), ["f1"]),
 ("Diabetic retinopathy: 500 retina images were graded by ophthalmologists and 125 showed retinopathy. The AI called 140 images positive, including 110 of the true retinopathy images. What's the specificity of the AI?",
  (110, 30, 345, 15), ["specificity"]),
 ("QA rejected 45 chips out of a batch of 3,200. Later testing showed 36 of the rejected chips were truly defective, and 12 defective chips had been accepted. Compute the precision, recall, and accuracy of the QA step for detecting defective chips.",
  (36, 9, 3143, 12), ["precision", "recall", "accuracy"]),
 ("Sentiment model, positive review = positive class: 1,000 reviews, 620 of them positive. The model predicted positive for 600 reviews, and 540 of those were truly positive. What's the accuracy?",
  (540, 60, 320, 80), ["accuracy"]),
 ("An airport scanner flagged 27 bags out of 4,000. Only 3 of the flagged bags actually contained prohibited items. In follow-up checks, 2 bags with prohibited items turned out to have been cleared. What's the precision and recall of the scanner?",
  (3, 24, 3971, 2), ["precision", "recall"]),
 ("Pedestrian detection for my robotics class: of 220 frames with a pedestrian, the detector found one in 198. Of 380 frames with no pedestrian, it hallucinated one in 19. What are the F1 and the accuracy?",
  (198, 19, 361, 22), ["f1", "accuracy"]),
 ("Credit card fraud: test set of 4,800 transactions. The model fired on 70 of them. Of those 70, 52 were fraud. Of the ones it didn't fire on, 13 were fraud. Precision, recall, F1?",
  (52, 18, 4717, 13), ["precision", "recall", "f1"]),
 ("Parkinson's voice classifier, leave-one-out: 147 patients with PD and 48 healthy controls. It said PD for 139 of the patients and for 11 of the controls. What are the accuracy, sensitivity and specificity?",
  (139, 11, 37, 8), ["accuracy", "recall", "specificity"]),
 ("hi, my image classifier for ripe vs unripe bananas (ripe is positive). tested on 160 bananas. it said ripe for 90 and was right about 81 of those. it said unripe for 70 and was right about 58. what is the recal",
  (81, 9, 58, 12), ["recall"]),
 ("Malware detection: the antivirus scanned 2,400 files, 300 of which were malicious. It detected 285 of the malicious files and raised false positives on 48 clean files. What are the precision and specificity?",
  (285, 48, 2052, 15), ["precision", "specificity"]),
 ("Drug test: 600 athletes were tested; 24 of them were actually doping. 20 of the dopers came back positive, and 9 clean athletes also came back positive. Accuracy and precision?",
  (20, 9, 567, 4), ["accuracy", "precision"]),
 ("Wildfire smoke detection from satellite images: the model triggered on 85 images. 17 of those triggers were false. It missed 10 images that did have smoke. There were 1,000 images in total. What are recall and specificity?",
  (68, 17, 905, 10), ["recall", "specificity"]),
 ("Exam question: A diagnostic test for strep throat is applied to 180 children, 60 of whom have strep. The test is positive in 51 children with strep and negative in 112 children without strep. Calculate the F1 score and the specificity.",
  (51, 8, 112, 9), ["f1", "specificity"]),
 ("anomaly detection on server logs: there were 40 real anomalys in 2000 log windows. my isolation forest flagged 100 windows and caught 30 of the real anomalies. precision and recall?",
  (30, 70, 1890, 10), ["precision", "recall"]),
 ("Resume screening model: 500 applications, the recruiters accepted 90 (accepted = positive). The model accepted 80, of which 60 had also been accepted by the recruiters. What are the accuracy and F1?",
  (60, 20, 390, 30), ["accuracy", "f1"]),
 ("Lie detector, psych class assignment: 50 participants lied and 150 told the truth. The polygraph said 'lie' for 38 of the liars and for 27 of the truth-tellers. What's the sensitivity and the precision?",
  (38, 27, 123, 12), ["recall", "precision"]),
 ("i built a pothole detector for a CV course. out of 700 road images 140 have potholes. it detected potholes in 126 images, 119 of which actualy had potholes. accuracy, precision, recall pls",
  (119, 7, 553, 21), ["accuracy", "precision", "recall"]),
 ("A COVID antigen test was evaluated on 90 infected people, 66 of whom tested positive, and 410 uninfected people, 402 of whom tested negative. What's the F1 score?",
  (66, 8, 402, 24), ["f1"]),
 ("My Naive Bayes spam filter from lecture 4, tested on 1,000 emails: it put 210 into the spam folder and 12 of those were actually ham. Of the 790 left in the inbox, 27 were spam. Give me the specificity and the F1 for spam.",
  (198, 12, 763, 27), ["specificity", "f1"]),
 ("Arrhythmia detector on ECG segments (2022 MIT-BIH split): 1,400 segments, 200 of them arrhythmic. It classified 180 segments as arrhythmic, 165 of them correctly. Precision, recall, accuracy?",
  (165, 15, 1185, 35), ["precision", "recall", "accuracy"]),
 ("The bank's fraud rules let through 2,950 of 3,000 transactions and blocked the other 50. Of the blocked ones, 20 were really fraud. Of those let through, 5 turned out to be fraud. What are the accuracy and F1?",
  (20, 30, 2945, 5), ["accuracy", "f1"]),
 ("Dog is my positive class. Test set: 250 dogs and 250 cats. It classified 230 of the dogs as dogs and 35 of the cats as dogs. precision and f1?",
  (230, 35, 215, 20), ["precision", "f1"]),
 ("Glaucoma screening: 2,000 people were screened, and 40 of them have glaucoma. The test missed 8 of them and gave a positive result to 152 people without glaucoma. What are the sensitivity and precision?",
  (32, 152, 1808, 8), ["recall", "precision"]),
 ("Plagiarism checker: of 300 essays, 45 were plagiarized. The tool flagged 52 essays, 40 of which were plagiarized. What are the specificity and accuracy?",
  (40, 12, 243, 5), ["specificity", "accuracy"]),
 ("ok dumb question but my model for detecting fake product reviews labelled 330 as fake and 1,670 as genuine. turns out 297 of the 'fake' ones really were fake and 1,610 of the 'genuine' ones really were genuine. whats the recall",
  (297, 33, 1610, 60), ["recall"]),
 ("HIV ELISA exam question: 5,000 blood donors, 25 of them HIV positive. The test is positive in all but one of the infected donors and in 60 uninfected donors. What are the precision and specificity?",
  (24, 60, 4915, 1), ["precision", "specificity"]),
 ("Seizure detection from EEG: there were 60 seizure windows and 940 non-seizure windows. The detector caught 54 seizures and raised 47 false alarms. Compute F1 and specificity.",
  (54, 47, 893, 6), ["f1", "specificity"]),
 ("bot detection on twitter accounts: 800 accounts, model said bot for 160. of those 160, 128 were actually bots. there were 150 bots total. precision recall f1",
  (128, 32, 618, 22), ["precision", "recall", "f1"]),
 ("Land-mine detection field test: 30 mines and 470 empty spots. The detector beeped over 28 of the mines and over 94 of the empty spots. Compute precision and accuracy.",
  (28, 94, 376, 2), ["precision", "accuracy"]),
 ("Lung nodule CAD: 400 CT scans, radiologists confirmed nodules in 100 of them. The CAD system returned positive on 130 scans, and 95 of the scans with nodules were among those. What are the specificity and F1?",
  (95, 35, 265, 5), ["specificity", "f1"]),
 ("Student dropout prediction (dropped out = positive): 1,100 students, 132 of whom dropped out. The model flagged 99 students as at-risk, and 66 of them did drop out. recall, precision?",
  (66, 33, 935, 66), ["recall", "precision"]),
 ("structural crack detection for my civil eng project: drone took 900 photos of a bridge. the model flagged 75 photos as cracked. the engineer confirmed 60 of these had cracks, and also found 15 more cracked photos that the model had cleared. acurracy and f1?",
  (60, 15, 810, 15), ["accuracy", "f1"]),
 ("Medical test for celiac disease: 40 patients with celiac, 36 of them tested positive. 160 patients without celiac, 8 of them tested positive. Precision, sensitivity, specificity?",
  (36, 8, 152, 4), ["precision", "recall", "specificity"]),
 ("Deepfake detector v3 at threshold 0.7: 1,250 videos, 500 of them deepfakes. It called 460 videos deepfake, and 430 of those were deepfakes. What are the accuracy and specificity?",
  (430, 30, 720, 70), ["accuracy", "specificity"]),
 ("so my keyword spotting model ('hey jarvis' is positive): 200 clips with the wake word, it triggered on 176. 1800 clips without it, it triggered on 29. whats the precision and f1?",
  (176, 29, 1771, 24), ["precision", "f1"]),
 ("Weld inspection: 1,600 welds. The ultrasonic test said 'defective' for 112 welds; 84 of those were actually defective. It said 'ok' for all the other welds, 21 of which were actually defective. Accuracy, recall, specificity?",
  (84, 28, 1467, 21), ["accuracy", "recall", "specificity"]),
 ("Heart disease dataset (UCI, 303 patients): 165 have heart disease. My logistic regression predicted disease for 150 patients, 132 of whom really have it. precision and recall?",
  (132, 18, 120, 33), ["precision", "recall"]),
 ("Relevance judgments: our retrieval system retrieved 25 documents for the query and 15 were judged relevant. Out of the 1,000-document collection, 60 documents are relevant. What are the F1 and precision?",
  (15, 10, 930, 45), ["f1", "precision"]),
 ("A visa-fraud screening model (fraudulent application = positive) reviewed 2,200 applications. It rejected 154. 110 of the rejected applications were indeed fraudulent, while 22 fraudulent applications were accepted. What are the specificity and accuracy?",
  (110, 44, 2024, 22), ["specificity", "accuracy"]),
 ("anemia classifier from blood smear pics: tested 320 ppl, 80 were anemic. it got 72 of the anemic ones right and 229 of the non anemic ones right. acuracy and f1?",
  (72, 11, 229, 8), ["accuracy", "f1"]),
 ("Earthquake early warning (2019-2023 catalogue): the system issued alerts for 45 events. 36 of the alerts matched real M5+ quakes. There were 40 real M5+ quakes and 1,960 non-events in the evaluation windows. Recall, precision, accuracy?",
  (36, 9, 1951, 4), ["recall", "precision", "accuracy"]),
 ("A pneumonia classifier is evaluated on 624 chest X-rays: 390 pneumonia and 234 normal. It misclassified 10 pneumonia X-rays as normal and 74 normal X-rays as pneumonia. What are the accuracy and precision?",
  (380, 74, 160, 10), ["accuracy", "precision"]),
 ("atm skimmer detection: 500 atms were inspected and the model flagged 14. inspectors found 9 skimmers among the flagged atms and 1 among the unflagged ones. precison and recall",
  (9, 5, 485, 1), ["precision", "recall"]),
 ("my dog/cat classifier again (dog = positive this time): 400 test images, it said dog for 210 and cat for 190. 14 of the 'cat' predictions were actually dogs and 186 of the 'dog' predictions were actually dogs. sensitivity and specificity",
  (186, 24, 176, 14), ["recall", "specificity"]),
]

CLARIFY = [
 "My spam filter flagged 80 emails and 64 of them really were spam. What's the recall?",
 "A test for disease X was given to 500 people and 40 of them tested positive. What is the sensitivity of the test?",
 "our fraud model caught 45 fraud cases and had 30 false alarms, out of 2000 transactions. whats the recall",
 "Of 300 healthy people, 270 tested negative on the new assay. What's the precision of the test?",
 "My classifier got 92 out of 100 positive examples right. What's the F1 score?",
 "The defect detector rejected 60 parts out of 1,000, and we know 50 parts were actually defective. What's the precision?",
 "the intrusion detector raised 200 alerts over 10,000 sessions, and there were 30 real intrusions. accuracy?",
 "We tried a covid test on 150 infected and 350 uninfected people and got 140 positive results overall. What's the specificity?",
 "Churn model: 120 customers churned and the model missed 20 of them. What's the precision?",
 "the toxicity classifier labelled 70 comments toxic and 430 clean, 500 comments total. what's the accuracy?",
]

FUNCS = {
 "accuracy": lambda tp, fp, tn, fn: F(tp + tn, tp + fp + tn + fn),
 "precision": lambda tp, fp, tn, fn: F(tp, tp + fp),
 "recall": lambda tp, fp, tn, fn: F(tp, tp + fn),
 "specificity": lambda tp, fp, tn, fn: F(tn, tn + fp),
 "f1": lambda tp, fp, tn, fn: F(2 * tp, 2 * tp + fp + fn),
}


def fmt(v):
    scaled = v * 10000
    frac = scaled - math.floor(scaled)
    if abs(frac - F(1, 2)) < F(1, 20):
        raise ValueError(f"{float(v)} within 0.000005 of a rounding boundary")
    if v == 0 or v == 1:
        raise ValueError("value is exactly 0 or 1")
    k = math.floor(scaled + F(1, 2))
    s = f"{k // 10000}.{k % 10000:04d}".rstrip("0").rstrip(".")
    return s


def main():
    assert len(Q) == 70, len(Q)
    assert len(CLARIFY) == 10, len(CLARIFY)
    lines = ["# train-15: confusion matrices told in prose, a blind tuning set written from a description of the calculator only"]
    errors = []
    for i, (text, counts, metrics) in enumerate(Q, 1):
        assert all(1 <= c <= 5000 for c in counts), (i, counts)
        assert 1 <= len(metrics) <= 3
        for bad in ("TP", "FP", "TN", "FN", "%", "percent"):
            assert bad not in text, (i, bad)
        vals = []
        for m in metrics:
            try:
                vals.append(fmt(FUNCS[m](*counts)))
            except ValueError as e:
                errors.append((i, m, str(e)))
        lines.append(f"- q: {json.dumps(text)}")
        lines.append("  expect: calculation")
        lines.append(f"  contains: {json.dumps(vals)}")
        print(i, counts, dict(zip(metrics, vals, strict=True)))
    for text in CLARIFY:
        lines.append(f"- q: {json.dumps(text)}")
        lines.append("  expect: clarify")
    if errors:
        for e in errors:
            print("ERROR", e)
        raise SystemExit(1)
    OUT.write_text("\n".join(lines) + "\n")
    print("wrote", OUT, len(Q) + len(CLARIFY), "entries")


if __name__ == "__main__":
    main()
