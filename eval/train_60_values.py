"""train-60: intended confusion-matrix counts for every computable item in train-60.yaml.

Usage:
  python3 values.py --write   # (re)generate train-60.yaml from the items below
  python3 values.py           # check train-60.yaml against the counts below

Checks per computable item:
 (a) every story number, computed from (tp, fp, tn, fn), appears in the message text,
     and the message contains no number that is not one of those story numbers;
 (b) `contains` equals the asked metrics recomputed from the counts, rounded to 4 decimals,
     trailing zeros stripped (1 for 1.0).
"""
import json
import os
import re
import sys
import yaml

HEADER = ("# train-60: blind tuning set of confusion-matrix stories (whole counts), "
          "written without seeing the tutor's code or other sets\n"
          "# Taken as written. On arrival (code of 192cc29): 47.8% of the stories worked out "
          "right, 3.3% (three) with other numbers, 100% of the incomplete ones asked back.\n")
YAML_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-60.yaml")

ALL6 = ["accuracy", "precision", "recall", "specificity", "f1", "fpr"]
PRF = ["precision", "recall", "f1"]

# story shapes: functions of (tp, fp, tn, fn) -> numbers that must appear in the text
A = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp + fn, tp + fp, tp]   # total, actual pos, flagged, flagged-correct
B = lambda tp, fp, tn, fn: [tp + fn, tp, tn + fp, fp]                  # pos & caught, neg & falsely flagged
C = lambda tp, fp, tn, fn: [tp + fp, fp, fn]                           # flagged, wrong among flagged, missed
C2 = lambda tp, fp, tn, fn: [tp + fp, tp, fn]                          # flagged, right among flagged, missed
C3 = lambda tp, fp, tn, fn: [tp + fp, tp, tp + fn]                     # retrieved, relevant retrieved, all relevant
D = lambda tp, fp, tn, fn: [tp + fp, tp, tn + fn, tn]                  # per predicted label
E = lambda tp, fp, tn, fn: [tp, fn, fp, tn]                            # hits/misses/false alarms/correct rejections
F = lambda tp, fp, tn, fn: [tp, fp, tn, fn]                            # raw TP FP TN FN
F3 = lambda tp, fp, tn, fn: [tp, fp, fn]                               # raw TP FP FN (no TN)
G = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp + fp, fp, fn]        # total, flagged, false alarms, missed
H = lambda tp, fp, tn, fn: [tp + fn, tn + fp, tp, tn]                  # pos, neg, correct on each
H5 = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp + fn, tn + fp, tp, tn]
B4 = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp + fn, tp, fp]       # total, pos, caught, false alarms
AM = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp + fn, fn, fp]       # total, pos, missed, false alarms
FT = lambda tp, fp, tn, fn: [tp + fp + tn + fn, tp, fp, fn, tn]        # total + raw counts


def it(q, tp, fp, tn, fn, asks, story):
    return dict(q=q, tp=tp, fp=fp, tn=tn, fn=fn, asks=asks, story=story)


ITEMS = [
    it("we tested a screening model on 1000 patients, 65 actually had the disease. the model flagged 60 as positive and 45 of those were really sick. can someone compute accuracy, precision, recall, specificity, F1 and FPR?",
       45, 15, 920, 20, ALL6, A),
    it("My spam filter test: 200 emails were actually spam and it caught 180 of them. Out of 800 legit emails it wrongly sent 12 to the spam folder. What's the precision, recall and F1? and accuracy too",
       180, 12, 788, 20, ["precision", "recall", "f1", "accuracy"], B),
    it("fraud model flagged 50 transactions, 16 of them were fine actually. it also missed 6 real frauds. precision recall f1 pls",
       34, 16, None, 6, PRF, C),
    it("Our vision system on the assembly line labelled 72 parts as defective, and 54 of those really were defective. It labelled the other 328 as OK and 319 of them were actually OK. Need accuracy, precision, recall and specificity.",
       54, 18, 319, 9, ["accuracy", "precision", "recall", "specificity"], D),
    it("Camera trap classifier for lynx: 38 hits, 7 misses, 25 false alarms and 1430 correct rejections. what is the sensitivity, specificity and false positive rate?",
       38, 25, 1430, 7, ["recall", "specificity", "fpr"], E),
    it("my model predicts if a free throw will be a make. 240 shots in the test, 110 were makes. it predicted make on 100 and 78 of those went in. accuracy precision recall f1?",
       78, 22, 108, 32, ["accuracy", "precision", "recall", "f1"], A),
    it("Rain model check: there were 120 rainy days and 245 dry days in the test. It correctly predicted rain on 96 of the rainy days and correctly predicted dry on 210 of the dry days. What are accuracy, specificity, false positive rate and precision?",
       96, 35, 210, 24, ["accuracy", "specificity", "fpr", "precision"], H),
    it("Hello, I have question about IDS model. In test there was 9970 connections, from them 30 was real attacks. System give alarm for 167 connections, and 27 from these was real attack. Please how to calculate precision, recall and false positive rate?",
       27, 140, 9800, 3, ["precision", "recall", "fpr"], A),
    it("search engine returned 40 docs for a query, 28 were relevant. there are 35 relevant docs in total in the collection. precision and recall and F1?",
       28, 12, None, 7, PRF, C3),
    it("attrition model confusion matrix: TP 42, FP 18, TN 310, FN 30. can u give all metrics (accuracy, precision, recall, specificity, f1, fpr)",
       42, 18, 310, 30, ALL6, F),
    it("Dropout early-warning: 600 students in the cohort, the model flagged 90 as at risk. 35 of the flagged ones were false alarms, and it missed 20 students who actually dropped out. Can I get accuracy, precision, recall and specificity?",
       55, 35, 490, 20, ["accuracy", "precision", "recall", "specificity"], G),
    it("We built a model that predicts no-shows at our clinic. Of 2,400 appointments, 310 were no-shows. The model predicted 280 no-shows, of which 190 were correct. What's the precision, recall, specificity and accuracy?",
       190, 90, 2000, 120, ["precision", "recall", "specificity", "accuracy"], A),
    it("Tennis upset predictor: it predicted an upset for 45 matches and 18 were actually upsets. For the other 255 matches it predicted no upset and 231 of those were indeed not upsets. accuracy, precision, recall, F1?",
       18, 27, 231, 24, ["accuracy", "precision", "recall", "f1"], D),
    it("spam clf: 50 spam in test, 44 caught. 450 ham, 9 flagged wrongly. accuracy?",
       44, 9, 441, 6, ["accuracy"], B),
    it("Credit card fraud detector results: true positives 88, false negatives 12, false positives 240, true negatives 19660. Precision is so low?? what are precision, recall, specificity and FPR exactly",
       88, 240, 19660, 12, ["precision", "recall", "specificity", "fpr"], E),
    it("We have a sensor that should warn before a machine breaks down. Over the trial we logged 500 shifts. In 40 of them there actually was a breakdown. The sensor raised a warning in 52 shifts. When I matched them up, 32 of the warnings were in shifts where a breakdown really happened. My boss wants accuracy and the F1, and I'd like to know recall too.",
       32, 20, 440, 8, ["accuracy", "f1", "recall"], A),
    it("bird call detector: 150 clips contain a nightjar and the detector found 123 of them. 850 clips have no nightjar, it said nightjar for 34 of those. precision, recall, specificity and f1 please",
       123, 34, 816, 27, ["precision", "recall", "specificity", "f1"], B),
    it("hail forcast model: total 800 storms, 60 had hail. model predicted hail for 75 storms and 45 of thse were correct. whats the precison and recal",
       45, 30, 710, 15, ["precision", "recall"], A),
    it("phishing detector flagged 120 emails, 30 were false alarms, and users reported 15 phishing mails it missed. Precision, recall, F1?",
       90, 30, None, 15, PRF, C),
    it("image retrieval test: tp 64 fp 16 fn 36 tn 884, need f1 and accuracy",
       64, 16, 884, 36, ["f1", "accuracy"], F),
    it("Our recruiting tool predicts which candidates will be no-shows for interviews. It said no-show for 60 candidates; 39 of them indeed didn't show. It said they'd show for 440 candidates and 418 of them showed up. Could you work out accuracy, precision, recall, specificity, F1 and false positive rate?",
       39, 21, 418, 22, ALL6, D),
    it("plagiarism checker on 300 essays, 24 were actually plagiarised. it flagged 30 essays and 20 of the flagged ones were real plagiarism. sensitivity and specificity please",
       20, 10, 266, 4, ["recall", "specificity"], A),
    it("Rapid antigen test evaluation: 250 persons PCR positive, antigen test is positive for 205 of them. 750 persons PCR negative, antigen test positive for 6 of them. Sensitivity, specificity, PPV?",
       205, 6, 744, 45, ["recall", "specificity", "precision"], B),
    it("insurance claims: 1200 claims, 70 were fraudulent. the model missed 20 of the fraudulent ones and falsely flagged 30 honest ones. precision, recall, F1, accuracy?",
       50, 30, 1100, 20, ["precision", "recall", "f1", "accuracy"], AM),
    it("The weld inspector AI looks for rejects. Results: 64 hits, 16 misses, 11 false alarms, 909 correct rejections. Accuracy, precision, recall, F1",
       64, 11, 909, 16, ["accuracy", "precision", "recall", "f1"], E),
    it("Injury risk model for our football squad data: there were 40 players who got injured and 160 who didn't. The model correctly identified 28 of the injured and correctly cleared 136 of the healthy ones. What are the recall, specificity and precision?",
       28, 24, 136, 12, ["recall", "specificity", "precision"], H),
    it("frost model: predicted frost 90 nights, 72 right. predicted no frost 210 nights, 201 right. f1?",
       72, 18, 201, 9, ["f1"], D),
    it("Our antivirus model scanned 5000 files. 400 of them were malware. It flagged 420 files as malicious and 380 of those were actually malware. I need accuracy, precision, recall and the false positive rate.",
       380, 40, 4560, 20, ["accuracy", "precision", "recall", "fpr"], A),
    it("web spam classifier: out of the 75 pages it labelled spam, 9 were wrongly labelled. It let 21 spam pages through. precision/recall/F1",
       66, 9, None, 21, PRF, C),
    it("resume screener shortlisted 50 applicants and 35 of them were eventually rated good hires. In total there were 45 good-hire candidates in the pool of 400. precision, recall, specificity, accuracy?",
       35, 15, 340, 10, ["precision", "recall", "specificity", "accuracy"], A),
    it("Truancy predictor: hits = 22, misses = 8, false alarms = 15, correct rejections = 355. accuracy, precision, recall, specificity, F1 and FPR please",
       22, 15, 355, 8, ALL6, E),
    it("melanoma classifier. 90 melanomas, it got 81. 910 benign, called 73 of them melanoma. sens spec?",
       81, 73, 837, 9, ["recall", "specificity"], B),
    it("My SMS classifier predict spam for 140 messages, among them 126 are really spam. It predict ham for 860 messages, among them 850 are really ham. Can you help me compute precision, recall and accuracy?",
       126, 14, 850, 10, ["precision", "recall", "accuracy"], D),
    it("Test set of 3000 orders, 90 ended up as chargebacks. Our model predicted chargeback for 120 orders and was right on 60 of them. precision, recall, F1 and FPR?",
       60, 60, 2850, 30, ["precision", "recall", "f1", "fpr"], A),
    it("quality model checked 2000 chips and flagged 150 as faulty. 45 of the flagged were actually fine, and 15 faulty chips slipped through unflagged. give me all six: accuracy, precision, recall, specificity, f1, fpr",
       105, 45, 1835, 15, ALL6, G),
    it("acoustic gunshot detector for anti-poaching. it raised 48 alerts, 30 were real gunshots, and rangers logged 10 gunshots it never alerted on. precision recall f1?",
       30, 18, None, 10, PRF, C2),
    it("my xG thing predicted goal for 55 shots and 31 of them were goals. predicted no goal for 445 shots and 421 of them were not goals. precision, recall, accuracy, specificity?",
       31, 24, 421, 24, ["precision", "recall", "accuracy", "specificity"], D),
    it("tornado warnings: 18 hits, 6 misses, 54 false alarms, 922 correct rejections. whats the false alarm rate i mean FPR, and the precision",
       18, 54, 922, 6, ["fpr", "precision"], E),
    it("1000 logins in the test, 25 were account takeovers and 975 were legit. model caught 20 of the takeovers and correctly passed 950 of the legit ones. precision, recall, specificity, f1?",
       20, 25, 950, 5, ["precision", "recall", "specificity", "f1"], H5),
    it("duplicate detector on 600 question pairs: TP=150, FP=30, FN=50, TN=370. Accuracy, precision, recall, F1?",
       150, 30, 370, 50, ["accuracy", "precision", "recall", "f1"], FT),
    it("Expense audit model mark 64 reports as suspicious, but 24 of them are ok. Also 8 fraud reports it did not mark. Precision and recall please?",
       40, 24, None, 8, ["precision", "recall"], C),
    it("proctoring software watched 450 exam sessions. 12 students really cheated. it flagged 40 sessions and 10 of the flagged were the cheaters. precision, recall, specificity, accuracy?",
       10, 30, 408, 2, ["precision", "recall", "specificity", "accuracy"], A),
    it("I'm doing the ML in healthcare module and trying to evaluate a sepsis early-warning score. In the validation cohort there were 1500 admissions, of which 120 developed sepsis. The score fired for 200 admissions. Of the 120 sepsis cases, it fired for 96. I need sensitivity, specificity, PPV and F1.",
       96, 104, 1276, 24, ["recall", "specificity", "precision", "f1"], A),
    it("tested on 700 mails. filter put 110 in spam, 10 of those were not spam. 25 spams landed in inbox. accuracy, precision, recall?",
       100, 10, 565, 25, ["accuracy", "precision", "recall"], G),
    it("the mule-account model said mule for 35 accounts, 21 were mules; it said clean for 965 accounts and 957 were clean. precision, recall, f1, specificity?",
       21, 14, 957, 8, ["precision", "recall", "f1", "specificity"], D),
    it("predicting scrap parts. tp 17 fn 3 fp 8 tn 172. accuracy and specificity",
       17, 8, 172, 3, ["accuracy", "specificity"], F),
    it("Of 60 photos that really show a wolf, the model said wolf for 51. Of the 540 photos showing dogs or other animals, it said wolf for 27. What's the accuracy, precision, recall and false positive rate?",
       51, 27, 513, 9, ["accuracy", "precision", "recall", "fpr"], B),
    it("model predicting comebacks in esports matches: 200 matches, 30 comebacks. predicted comeback in 25 matches, 15 correct. precision recall f1",
       15, 10, 160, 15, PRF, A),
    it("We make fog prediction for airport. In test period is 240 mornings, fog was in 36 mornings. Model say fog for 40 mornings, and in 30 of them fog was really. Which is accuracy, recall, specificity?",
       30, 10, 194, 6, ["accuracy", "recall", "specificity"], A),
    it("tailgating detection at the door: 14 hits, 2 misses, 9 false alarms, 375 correct rejections. precision + recall + f1 pls",
       14, 9, 375, 2, PRF, E),
    it("CTR model predicted click for 500 impressions, 60 were clicked. predicted no-click for 9500, 9460 had no click. precision, recall, accuracy, fpr?",
       60, 440, 9460, 40, ["precision", "recall", "accuracy", "fpr"], D),
    it("leaver model: flagged 45 people as likely to quit, 27 actually quit. 18 other people quit that it didn't flag. what's precision, recall, F1?",
       27, 18, None, 18, PRF, C2),
    it("80 essays needed a re-mark, 320 didn't. the tool flagged 60 of the 80 and left alone 300 of the 320. all metrics pls - accuracy precision recall specificity f1 fpr",
       60, 20, 300, 20, ALL6, H),
    it("Dear tutor, our retinopathy grading model was evaluated on 2,000 fundus images. 300 images showed referable retinopathy. The model referred 330 images, 270 of which were truly referable. Could you please compute the accuracy, precision, recall, specificity, F1 score and false positive rate?",
       270, 60, 1640, 30, ALL6, A),
    it("comment spam bot - hits 140, misses 35, false alarms 20, correct rejectoins 805. accuarcy and f1?",
       140, 20, 805, 35, ["accuracy", "f1"], E),
    it("Fake review detector, we have 800 reviews, 100 of them are fake. Detector is saying fake for 90 reviews, 72 of them are really fake. Please calculate F1 and specificity.",
       72, 18, 682, 28, ["f1", "specificity"], A),
    it("pipeline leak detection: 360 pipe segments inspected, the model flagged 40. 12 of the flagged ones had no leak, and 4 leaking segments were not flagged. precision, recall, specificity, accuracy?",
       28, 12, 316, 4, ["precision", "recall", "specificity", "accuracy"], G),
    it("drone nest detector marked 95 spots as nests; 19 were just clumps of grass. We found 14 nests it had missed. Precision, recall, F1?",
       76, 19, None, 14, PRF, C),
    it("Doping test question: of the 30 athletes who were doping, the test caught 24. Of the 970 clean athletes, it falsely accused 5. What are precision, recall, specificity and FPR?",
       24, 5, 965, 6, ["precision", "recall", "specificity", "fpr"], B),
    it("heatwave warnings: predicted yes 20 days (16 correct), predicted no 180 days (174 correct). accuracy precision recall",
       16, 4, 174, 6, ["accuracy", "precision", "recall"], D),
    it("bot detector on 10,000 sessions, 800 were bots. It flagged 900 sessions; 720 of those were bots. Please give accuracy, precision, recall, specificity, F1 and FPR.",
       720, 180, 9020, 80, ALL6, A),
    it("ranking eval: relevant retrieved 45, non-relevant retrieved 15, relevant not retrieved 30. precision and recall and f1",
       45, 15, None, 30, PRF, F3),
    it("toxicity model said toxic for 80 messages, 60 of which were toxic; said fine for 920, of which 900 were fine. precision, recall, f1, fpr?",
       60, 20, 900, 20, ["precision", "recall", "f1", "fpr"], D),
    it("model for predict repeaters. 500 students, 40 repeaters. Model is predicting 50 repeaters, of these 30 correct. I need recall and precision and accuracy.",
       30, 20, 440, 10, ["recall", "precision", "accuracy"], A),
    it("fracture AI: 57 true positives, 3 false negatives, 22 false positives, 418 true negatives. sensitivity? specificity? also accuracy",
       57, 22, 418, 3, ["recall", "specificity", "accuracy"], E),
    it("call screening app saw 1500 calls and labelled 130 as scam. 10 of those were legit calls (incl my mom lol), and 20 scam calls got through. precision, recall, accuracy, specificity?",
       120, 10, 1350, 20, ["precision", "recall", "accuracy", "specificity"], G),
    it("duplicate invoice checker: of 120 real duplicates it caught 102; of the 2880 unique invoices it flagged 48 by mistake. precision, recall, f1, accuracy?",
       102, 48, 2832, 18, ["precision", "recall", "f1", "accuracy"], B),
    it("predicting paper jams. said jam 44 times, 33 were jams. said no jam 956 times, 950 were right. recall, specificity, f1",
       33, 11, 950, 6, ["recall", "specificity", "f1"], D),
    it("sonar classifier to pick out salmon among fish passing a weir: 1,600 fish passed, 400 were salmon. it called 380 fish salmon and 342 of those really were salmon. accuracy, precision, recall, f1?",
       342, 38, 1162, 58, ["accuracy", "precision", "recall", "f1"], A),
    it("ref assist flagged 26 fouls as red-card worthy, 8 werent. missed 6 red cards. p/r/f1?",
       18, 8, None, 6, PRF, C),
    it("We're evaluating a lightning nowcast over grid cells. 250 cells had lightning, 4750 didn't. The nowcast got 200 of the lightning cells right and 4500 of the no-lightning cells right. Precision, recall, specificity, FPR and accuracy please.",
       200, 250, 4500, 50, ["precision", "recall", "specificity", "fpr", "accuracy"], H),
    it("ddos detector hits 90 misses 10 false alarms 45 correct rejections 4855. fpr, recall, precision?",
       90, 45, 4855, 10, ["fpr", "recall", "precision"], E),
    it("Query intent classifier: it predicted 'shopping' for 210 queries and 168 of them were shopping queries; it predicted 'not shopping' for 790 and 748 were indeed not shopping. Accuracy, precision, recall, specificity, F1, FPR?",
       168, 42, 748, 42, ALL6, D),
    it("We have 70 candidates who ghosted us, the model found 49 of them. Also 330 candidates not ghosting, model wrongly said 33 would ghost. precision, recall, f1, specificity?",
       49, 33, 297, 21, ["precision", "recall", "f1", "specificity"], B),
    it("dyslexia screener given to 900 kids. 54 have dyslexia. screener flagged 81 kids, 45 of whom do have dyslexia. recall, specificity, precision, accuracy?",
       45, 36, 810, 9, ["recall", "specificity", "precision", "accuracy"], A),
    it("Pneumonia model on 400 x-rays: it said pneumonia for 130, 20 of them was wrong. And 10 pneumonia it was not detecting. Calculate all metrics please (accuracy, precision, recall, specificity, F1, FPR)",
       110, 20, 260, 10, ALL6, G),
    it("spam filter eval -> TP:310 FP:25 TN:1640 FN:25. acc / prec / rec?",
       310, 25, 1640, 25, ["accuracy", "precision", "recall"], F),
    it("the fraud model said fraud 150 times and was right 45 times; it said legit 4850 times and was right 4835 times. precision, recall, fpr, accuracy?",
       45, 105, 4835, 15, ["precision", "recall", "fpr", "accuracy"], D),
    it("crack detector on 1,000 concrete images, 200 with cracks. It found 180 of those and raised alarms on 40 clean ones. accuracy, precision, recall, f1, specificity?",
       180, 40, 760, 20, ["accuracy", "precision", "recall", "f1", "specificity"], B4),
    it("invasive plant spotter: hits 66, mises 14, false alarms 30, correct rejections 390. precsion and recal?",
       66, 30, 390, 14, ["precision", "recall"], E),
    it("wicket predictor on 1200 deliveries, 60 wickets fell. it predicted wicket for 50 deliveries, got 20 right. precision, recall, f1, accuracy",
       20, 30, 1110, 40, ["precision", "recall", "f1", "accuracy"], A),
    it("flood alerts: sent 35 alerts, 14 false. 7 floods had no alert. precision recall f1",
       21, 14, None, 7, PRF, C),
    it("In our data is 15 insiders and 2985 normal employees. Model is catching 12 insiders and correctly says normal for 2925 normal employees. Please give me precision, recall, specificity and F1.",
       12, 60, 2925, 3, ["precision", "recall", "specificity", "f1"], H),
    it("spellcheck trigger model on 800 queries: it triggered on 100, of which 25 didn't need correction; it also failed to trigger on 15 queries that did need it. accuracy, precision, recall, specificity, F1, FPR?",
       75, 25, 685, 15, ALL6, G),
    it("our burnout risk flag said 'at risk' for 120 employees; 84 were later confirmed burnout cases. It said 'not at risk' for 680 employees and 650 of them were fine. Accuracy, precision, recall, specificity, F1?",
       84, 36, 650, 30, ["accuracy", "precision", "recall", "specificity", "f1"], D),
    it("predicting late homework. 1000 submissions, 150 late. model said late for 100, 80 of them were late. recall and fpr",
       80, 20, 830, 70, ["recall", "fpr"], A),
    it("In our radiology reader study the AI produced 46 hits, 4 misses, 95 false alarms and 1855 correct rejections. What are its sensitivity, specificity and precision?",
       46, 95, 1855, 4, ["recall", "specificity", "precision"], E),
    it("bot account detection, 2500 accounts, 250 bots. model flag 300 accounts, 200 are bots. i need all: accuracy precision recall specificity f1 fpr",
       200, 100, 2150, 50, ALL6, A),
    it("refund abuse model: 88 flagged, 66 truly abusive, plus 44 abusers we caught by hand that it missed. need precision, recall and F1",
       66, 22, None, 44, PRF, C2),
    it("battery packs: 45 overheats and 955 normal runs. the thermal model predicted 36 of the overheats and called 940 of the normal runs normal. accuracy, precision, recall, f1, fpr?",
       36, 15, 940, 9, ["accuracy", "precision", "recall", "f1", "fpr"], H),
]

CLARIFY = [
    "my model flagged 40 out of 500 emails as spam. what's the precision?",
    "fraud detector flagged 120 transactions and 90 were actually fraud. what's the specificity?",
    "we tested on 1000 patients and the model was right 930 times. precision and recall?",
    "The classifier caught 45 of the defective parts. What is the recall?",
    "screening test: 200 people, 30 sick. what's sensitivity and specificity?",
    "spam filter: 60 false alarms and 20 misses. compute F1",
    "can you compute accuracy for my wildlife camera model? it detected 85 deer.",
    "our model predicted 70 upsets out of 300 matches. how good is it? precision recall f1",
    "My tutor said my model has 12 false positives. what's my FPR?",
    "Model give 150 positive prediction, and 30 is wrong. Please calculate recall and specificity.",
    "intrusion system: 10000 connections, 50 attacks. it raised 80 alarms. precision?",
    "hits 40, false alarms 10. what's accuracy and recall?",
    "weather model predicted rain on 90 days and it rained on 75 days in total, out of 300 days. accuracy?",
    "search returned 20 docs and 15 were relevant. recall?",
    "no-show predictor: 400 appointments, it missed 12 no-shows. what are precision and recall?",
    "HR model: TP 30, FP 10. F1?",
    "dropout model had 85 correct predictions and 15 wrong ones. sensitivity, specificity?",
    "fraud: of 2000 transactions, 1940 were predicted legit. specificity and recall pls",
    "makes predictor: 150 shots, 60 makes, model correct on 120 shots. precision?",
    "my cancer classifier has TP=50 and TN=900. what's precision, recall, specificity?",
]


def metric(name, tp, fp, tn, fn):
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
    if name == "fpr":
        return fp / (fp + tn)
    raise KeyError(name)


def fmt(x):
    s = f"{round(x, 4):.4f}".rstrip("0").rstrip(".")
    return s


NUM_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+")


def numbers_in(text):
    return [int(m.replace(",", "")) for m in NUM_RE.findall(text)]


def expected_contains(item):
    return [fmt(metric(a, item["tp"], item["fp"], item["tn"], item["fn"])) for a in item["asks"]]


def write():
    # q as JSON-style double-quoted strings (valid YAML), contains as a flow list
    lines = [HEADER]
    for item in ITEMS:
        lines.append(f"- q: {json.dumps(item['q'], ensure_ascii=False)}\n")
        lines.append("  expect: calculation\n")
        lines.append(f"  contains: {json.dumps(expected_contains(item))}\n")
    for q in CLARIFY:
        lines.append(f"- q: {json.dumps(q, ensure_ascii=False)}\n")
        lines.append("  expect: clarify\n")
    with open(YAML_PATH, "w") as f:
        f.write("".join(lines))


def check():
    with open(YAML_PATH) as f:
        text = f.read()
    assert text.startswith(HEADER), "header comment missing"
    data = yaml.safe_load(text)
    calc = [d for d in data if d["expect"] == "calculation"]
    clar = [d for d in data if d["expect"] == "clarify"]
    assert len(calc) == len(ITEMS) == 90, (len(calc), len(ITEMS))
    assert len(clar) == len(CLARIFY) == 20, len(clar)
    assert len(data) == 110
    errors = []
    for i, (d, item) in enumerate(zip(calc, ITEMS), 1):
        q = d["q"]
        tp, fp, tn, fn = item["tp"], item["fp"], item["tn"], item["fn"]
        if q != item["q"]:
            errors.append(f"#{i}: yaml q differs from values.py q")
        if tn is None:
            if not set(item["asks"]) <= set(PRF):
                errors.append(f"#{i}: no TN in story but asks {item['asks']}")
            tn_for_story = 0
        else:
            tn_for_story = tn
        story = item["story"](tp, fp, tn_for_story, fn)
        found = numbers_in(q)
        for n in story:
            if n not in found:
                errors.append(f"#{i}: story number {n} not in text: {q}")
        extra = [n for n in found if n not in story]
        if extra:
            errors.append(f"#{i}: numbers {extra} in text are not story numbers {story}")
        if set(d) != {"q", "expect", "contains"}:
            errors.append(f"#{i}: keys {sorted(d)}")
        if d.get("contains") != expected_contains(item):
            errors.append(f"#{i}: contains {d.get('contains')} != {expected_contains(item)}")
        if len(item["asks"]) != len(set(item["asks"])):
            errors.append(f"#{i}: duplicate asks")
        if "%" in q or re.search(r"\d\s*/\s*\d", q) or re.search(r"\d\.\d", q):
            errors.append(f"#{i}: percent or fraction-looking text")
    for j, d in enumerate(clar, 1):
        if set(d) != {"q", "expect"}:
            errors.append(f"clarify #{j}: keys {sorted(d)}")
        if d["q"] != CLARIFY[j - 1]:
            errors.append(f"clarify #{j}: text differs")
    qs = [d["q"] for d in data]
    if len(set(qs)) != len(qs):
        errors.append("duplicate messages")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"OK: {len(calc)} computable items, {len(clar)} clarify items, {len(data)} total")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    check()
