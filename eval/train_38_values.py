"""train-38: counts behind every story, the metrics asked, and a check of train-38.yaml.

Written on 2026-12-04 by a helper who read only the seed and the API contract (neither the
knowledge base, the code, nor any evaluation set): a tuning set. One change after review: the
helper was asked for values rounded to 3 decimals, while the tutor prints 4, so `fmt` rounds to
4 (the counts and questions are as written). On arrival 35.6% worked out right, 6.7% wrong.

    .venv/bin/python eval/train_38_values.py --write   # rewrites eval/train-38.yaml
    .venv/bin/python eval/train_38_values.py           # checks every `contains` against
                                                       # the counts intended for each story
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
YAML_PATH = HERE / "train-38.yaml"
HEADER = ("# train-38: calculation tuning set of confusion-matrix word stories, written blind "
          "to the knowledge base, the code and every other eval set, by a helper who read only "
          "the seed and the API contract")

# (question, TP, FP, TN, FN, metrics asked)
CALC = [
    ("TP=45 FP=5 TN=40 FN=10, precision and recall?",
     45, 5, 40, 10, ["precision", "recall"]),
    ("Our pneumonia detector was tested on 200 chest X-rays, 60 of which actually show pneumonia. It correctly flagged 48 of the pneumonia cases and wrongly flagged 14 of the healthy ones. What's the sensitivity and specificity?",
     48, 14, 126, 12, ["recall", "specificity"]),
    ("The fraud model flagged 80 transactions as fraud, of which 60 were really fraud. There were 75 fraudulent transactions in total among the 5000 we tested. What's the accuracy and the F1?",
     60, 20, 4905, 15, ["accuracy", "f1"]),
    ("so my spam filter... out of 1,000 emails, 300 were spam. it caught 270 of them but also sent 21 legit emails to the spam folder. whats the precision??",
     270, 21, 679, 30, ["precision"]),
    ("Defect detector results on the line:\n|                  | predicted defective | predicted OK |\n| actually defective | 34 | 6 |\n| actually OK        | 11 | 449 |\nF1 score?",
     34, 11, 449, 6, ["f1"]),
    ("A model predicts whether a basketball shot goes in. Over 120 shots, 50 went in. It predicted 'make' for 55 shots, 40 of which went in. Accuracy and precision?",
     40, 15, 55, 10, ["accuracy", "precision"]),
    ("Camera-trap classifier for lynx vs no lynx. 400 images, a quarter of them contain a lynx. It found 90 of the lynx images and raised 12 false alarms on the empty ones. Recall and false positive rate?",
     90, 12, 288, 10, ["recall", "fpr"]),
    ("Hello, I have intrusion detection system. In test there was 150 attacks and 850 normal connection. System detect 120 attacks correct, and say 'attack' for 30 normal connection. Please how to calculate the specificity?",
     120, 30, 820, 30, ["specificity"]),
    ("Resume screener: out of 250 applicants, 40 were actually qualified. The tool shortlisted 50 people, 30 of them qualified. What's the recall and precision of the tool for 'qualified'?",
     30, 20, 190, 10, ["recall", "precision"]),
    ("rain forecast model, tested over 365 days. It rained on 100 days. The model predicted rain on 110 days and was right on 80 of them. accuracy?",
     80, 30, 235, 20, ["accuracy"]),
    ("A dropout-risk model flagged 24 students, 18 of whom actually dropped out. It missed 6 dropouts. There were 300 students in total. F1 and specificity?",
     18, 6, 270, 6, ["f1", "specificity"]),
    ("toxic comment classifier run on 2000 comments. it flagged 150 comments and 10% of the flagged ones were actually fine. 180 comments were truly toxic. recall and accuracy?",
     135, 15, 1805, 45, ["recall", "accuracy"]),
    ("Our fruit sorter classifies tomatoes as ripe or unripe. We count 'ripe' as the positive class. Of 500 tomatoes, 320 were ripe; the sorter called 304 of the ripe ones ripe and 24 of the unripe ones ripe. Precision and recall for ripe?",
     304, 24, 156, 16, ["precision", "recall"]),
    ("There were forty sick cows and one hundred sixty healthy ones. The model said sick for thirty-two of the sick cows and for eight of the healthy ones. What's the accuracy?",
     32, 8, 152, 8, ["accuracy"]),
    ("confusion matrix from sklearn (labels=[0,1], 1 = malware):\n[[912  18]\n [ 25  45]]\nprecision and recall pls",
     45, 18, 912, 25, ["precision", "recall"]),
    ("Face verification test, and we treat 'impostor' as the positive class. 1000 attempts: 900 by genuine users, 100 by impostors. The system rejected 85 of the impostors and also rejected 27 genuine users. What are the F1 and the specificity?",
     85, 27, 873, 15, ["f1", "specificity"]),
    ("We ran the classifier on 600 loan applications. 90 of them ended up defaulting.\nIt predicted default for 70 applications, 50 of those actually defaulted. Default is the positive class btw. recall and accuracy?",
     50, 20, 490, 40, ["recall", "accuracy"]),
    ("A diagnostic test for a disease is applied to 1,000 patients, 50 of whom have the disease. The test is positive for 45 of the diseased patients and for 95 of the healthy patients. Compute the precision (positive predictive value) and the specificity.",
     45, 95, 855, 5, ["precision", "specificity"]),
    ("my clasifier for cat vs dog (cat=positive) got 88 cats rihgt, called 12 cats dogs, called 9 dogs cats and got 91 dogs right. whats teh f1",
     88, 9, 91, 12, ["f1"]),
    ("the fraud model missed 12 fraudulent transactions and caught 48. It also flagged 32 legit ones. There were 10,000 transactions. Specificity and precision?",
     48, 32, 9908, 12, ["specificity", "precision"]),
    ("Weld inspection: 80 welds were bad, the rest of the 1000 were fine. The vision model caught 72 of the bad welds. It flagged 90 welds in total. accuracy + recall",
     72, 18, 902, 8, ["accuracy", "recall"]),
    ("Bird call detector for the nightingale: 240 audio clips, 60 had the nightingale. Detector said yes on 66 clips, 54 of them correct. hit rate and false positive rate?",
     54, 12, 168, 6, ["recall", "fpr"]),
    ("Cancer screening AI: 2,000 scans, 5% show cancer. It detected 80% of the cancers. 20% of the scans it flagged were false alarms. What's the specificity and the accuracy?",
     80, 20, 1880, 20, ["specificity", "accuracy"]),
    ("phishing URL detector: TP 230, FN 20, FP 45, TN 1715. what's the FPR and accuracy",
     230, 45, 1715, 20, ["fpr", "accuracy"]),
    ("ok so hr is using this ai to predict who'll quit in the first year. last year 500 hires, 75 quit. the model had predicted 60 would quit, and 42 of those did. how good is it at catching quitters (recall) and what's the f1?",
     42, 18, 407, 33, ["recall", "f1"]),
    ("Hail nowcasting model. Hail events: 30. Model hail alarms: 45. Hits: 24. Total forecast periods: 1000. Accuracy, precision?",
     24, 21, 949, 6, ["accuracy", "precision"]),
    ("A plagiarism checker looked at 180 essays. 24 were plagiarised. It flagged 25 essays; 5 of the flagged essays were original work. sensitivity and specificity?",
     20, 5, 151, 4, ["recall", "specificity"]),
    ("NSFW filter: out of 5,000 uploads, 250 were NSFW. The filter blocked 260 uploads, among them 230 NSFW. Precision and F1?",
     230, 30, 4720, 20, ["precision", "f1"]),
    ("leaf blight classifier, 'diseased' vs 'healthy'. test set 320 leaves, half of them diseased. It labelled 152 leaves diseased, 140 correctly. accuracy and specificity?",
     140, 12, 148, 20, ["accuracy", "specificity"]),
    ("In my project we predict if customer will churn. Dataset have 1200 customers, 300 churn. Model predict churn for 250 customers and from them 200 really churn. What is precision and recall?",
     200, 50, 850, 100, ["precision", "recall"]),
    ("                 actual spam   actual ham\npredicted spam       410            15\npredicted ham         40           535\naccuracy and recall of spam?",
     410, 15, 535, 40, ["accuracy", "recall"]),
    ("Out of two hundred patients, fifty had diabetes. The model correctly identified forty-five of them and wrongly labeled fifteen non-diabetics as diabetic. F1?",
     45, 15, 135, 5, ["f1"]),
    ("Injury-risk model for a football squad over a season: 30 players, 8 got injured. The model flagged 10 players as high-risk; 6 of them got injured. precision + specificity",
     6, 4, 18, 2, ["precision", "specificity"]),
    ("Gunshot detector in a wildlife reserve. There are 1440 one-minute windows in a day and 12 had gunshots. It fired in 20 windows, 10 of those were real gunshots. Recall and FPR?",
     10, 10, 1418, 2, ["recall", "fpr"]),
    ("Anomaly detector on logins: of 3,000 logins, 60 were from compromised accounts. It raised alerts on 150 logins and caught 45 of the compromised ones. Precision and specificity?",
     45, 105, 2835, 15, ["precision", "specificity"]),
    ("A classifier achieves TP = 120, FP = 30, FN = 80, TN = 760. Compute the true positive rate and the true negative rate.",
     120, 30, 760, 80, ["recall", "specificity"]),
    ("Rapid antigen test vs PCR. PCR positive: 120; PCR negative: 880. Antigen positive among the PCR positive: 84. Antigen positive among the PCR negative: 9. Sensitivity, specificity?",
     84, 9, 871, 36, ["recall", "specificity"]),
    ("our credit card fraud detector looked at 9,000 transactions, 90 were fraud. it caught two thirds of them. it also flagged 40 legit transactions. what's the precision? and accuracy?",
     60, 40, 8870, 30, ["precision", "accuracy"]),
    ("The filter moved 400 emails to junk, and 5% of those were actually legit. There were 420 spam emails in the 2,000 we tested. Recall and specificity?",
     380, 20, 1560, 40, ["recall", "specificity"]),
    ("wafer defect classifier. 2000 chips, 50 defective, caught 40, false alarms 60. F1",
     40, 60, 1890, 10, ["f1"]),
    ("It labelled 70 scans 'normal' that were in fact normal and 10 scans 'normal' that actually had a tumour. It labelled 15 scans 'tumour' correctly and 5 scans 'tumour' that were normal. Taking tumour as positive, what's the recall and the precision?",
     15, 5, 70, 10, ["recall", "precision"]),
    ("Weed vs crop detector for a spraying robot (weed = positive, it gets sprayed). 1,500 plants, 300 weeds. It sprayed 310 plants and 20 of the sprayed ones were crops. Recall and false positive rate?",
     290, 20, 1180, 10, ["recall", "fpr"]),
    ("I make model to predict home team win. 380 matches, home team win in 170. Model say 'home win' 200 times, and from these 200 it is correct 130 times. What accuracy?",
     130, 70, 140, 40, ["accuracy"]),
    ("hate speech clasifier resutls: caught 64 hateful posts, missed 16, 20 false flags, 900 clean posts correcty left alone. precison and recal?",
     64, 20, 900, 16, ["precision", "recall"]),
    ("Auto-grader for coding interviews predicts 'pass' or 'fail' (pass = positive). Results: TP 55 | FP 15 | FN 5 | TN 125. F1 and accuracy",
     55, 15, 125, 5, ["f1", "accuracy"]),
    ("frost warning model over 200 nights. There was frost on 40 nights. the model warned on 52 nights and missed 4 frost nights. specificity and precision?",
     36, 16, 144, 4, ["specificity", "precision"]),
    ("Proctoring software flagged 35 out of 700 students for cheating. Later review: 21 of the flagged ones really cheated, and 7 cheaters weren't flagged at all. Precision and recall?",
     21, 14, 658, 7, ["precision", "recall"]),
    ("Sepsis alert: 1,000 ICU admissions, 8% developed sepsis. The alert fired for 100 patients, 60 of whom developed sepsis. Sensitivity and specificity?",
     60, 40, 880, 20, ["recall", "specificity"]),
    ("An antivirus engine scans 10,000 files, of which 200 are malicious. It raises 230 detections; 190 of them are correct. Compute the precision and the false positive rate.",
     190, 40, 9760, 10, ["precision", "fpr"]),
    ("Salmon vs trout classifier at a fish ladder (salmon = positive). 600 fish passed: 420 salmon, the rest trout. Predicted salmon: 430, of which 400 correct. Accuracy and specificity?",
     400, 30, 150, 20, ["accuracy", "specificity"]),
    ("hey, quick one - our smoke detector ML thing: 50 real fires, it detected 49. 1000 non-fire events, it triggered on 30 of them. whats the false positive rate and the precision",
     49, 30, 970, 1, ["fpr", "precision"]),
    ("pred:     yes  no\ntrue yes   27   3\ntrue no     9  61\n(yes = patient readmitted within 30 days). recall and F1?",
     27, 9, 61, 3, ["recall", "f1"]),
    ("Of the twelve hundred insurance claims we checked, sixty were fraudulent. The model flagged eighty claims and forty-five of those were fraud. Accuracy and recall?",
     45, 35, 1105, 15, ["accuracy", "recall"]),
    ("Bottle fill-level checker, 'underfilled' is the positive class. Tested on 800 bottles. It rejected 44 bottles, 4 of which were actually fine. It let through 6 underfilled bottles. Precision and F1?",
     40, 4, 750, 6, ["precision", "f1"]),
    ("In a validation cohort of 500 women, 25 had breast cancer confirmed by biopsy. The AI reader flagged 20 of those 25.\nAmong the women without cancer, the AI reader flagged 45. What is the precision and the specificity?",
     20, 45, 430, 5, ["precision", "specificity"]),
    ("Please help. My model for detect fake news. Test: 500 news, 200 are fake. Model say fake to 180 news, but 30 of this is real news. What is recall and accuracy?",
     150, 30, 270, 50, ["recall", "accuracy"]),
    ("cracks in concrete images: TN=1200, FP=50, FN=30, TP=220. f1 and specificity?",
     220, 50, 1200, 30, ["f1", "specificity"]),
    ("acc? 90 TP 10 FP 880 TN 20 FN",
     90, 10, 880, 20, ["accuracy"]),
    ("A binary classifier is evaluated on 400 examples, of which 100 belong to the positive class. The classifier predicts positive for 120 examples, of which 80 are correct. Calculate the F1 score.",
     80, 40, 260, 20, ["f1"]),
    ("Anti-doping screening of 2,500 athlete samples. 25 were actually doped. The screen came back positive on 40 samples, and it missed 5 of the doped ones. Precision and specificity?",
     20, 20, 2455, 5, ["precision", "specificity"]),
    ("Drone survey for elephants: 5,000 image tiles, elephants are in 150 of them. The model flagged 140 tiles, 126 of which had elephants. Recall and precision?",
     126, 14, 4836, 24, ["recall", "precision"]),
    ("Our face-verification gate: positive means 'accepted as the genuine passport holder'. In testing there were 950 genuine travellers and 50 impostors. It accepted 912 of the genuine ones and 4 impostors. Specificity and precision?",
     912, 4, 46, 38, ["specificity", "precision"]),
    ("so we tried an ML model to flag 'strong hire' candidates. pool of 80. 16 were actually strong hires according to the panel. the model tagged 20 as strong, 12 correctly, the rest were tagged not strong. accuracy & specificity pls",
     12, 8, 56, 4, ["accuracy", "specificity"]),
    ("A tornado warning model issued 50 warnings, 15 of which were followed by a tornado. 5 tornadoes happened with no warning. The model ran on 2,000 storm cells in total. F1 and false positive rate?",
     15, 35, 1945, 5, ["f1", "fpr"]),
    ("Auto-marker predicts whether a student's answer is correct (correct = positive). 250 answers; 150 were actually correct. It marked 140 answers correct, and 10 of those were actually wrong. Recall and specificity?",
     130, 10, 90, 20, ["recall", "specificity"]),
    ("bot detection on our platform: 10k accounts, 1000 of them are bots. the detector labelled 900 accounts as bots, and one in nine of those was a real human. recall and accuracy?",
     800, 100, 8900, 200, ["recall", "accuracy"]),
    ("Egg candling model: fertile vs infertile, fertile is the positive class. 1000 eggs, 850 fertile. It said infertile for 170 eggs; 130 of those were really infertile. Precision and specificity?",
     810, 20, 130, 40, ["precision", "specificity"]),
    ("A depression screening questionnaire: of 300 people, 60 were diagnosed with depression by a psychiatrist. Screener positive: 72, including 48 of the depressed. Sensitivity and specificity?",
     48, 24, 216, 12, ["recall", "specificity"]),
    ("fraud modle: 1200 trnsactions. 36 fraud. it cought 30. flaged 50 total. what is the f1 score",
     30, 20, 1144, 6, ["f1"]),
    ("We have SMS spam dataset, 5574 messages where 747 is spam. Our model detect 700 spam correct and make 14 mistake where ham predicted like spam. Please give precision and accuracy.",
     700, 14, 4813, 47, ["precision", "accuracy"]),
    ("Of 250 castings, a fifth had porosity defects. The X-ray model found 45 of those, and flagged 15 good castings. Accuracy and precision?",
     45, 15, 185, 5, ["accuracy", "precision"]),
    ("Confusion matrix for our DDoS detector (positive = attack):\nTN 9500, FP 100\nFN 40, TP 360\nwhat's the TNR and the precision?",
     360, 100, 9500, 40, ["specificity", "precision"]),
    ("Tennis line-calling AI, 'out' is the positive class. 1,000 close calls: 300 balls were out. The AI called 'out' on 290 balls, of which 270 really were out. Accuracy and F1?",
     270, 20, 680, 30, ["accuracy", "f1"]),
    ("Tested on 150 dermoscopy images, the model said benign for 100 and malignant for 50. Of the 'benign' calls, 8 were actually malignant; of the 'malignant' calls, 35 were right. For melanoma detection (malignant = positive), what are the sensitivity and specificity?",
     35, 15, 92, 8, ["recall", "specificity"]),
    ("Account-takeover detector: the evaluation set has 4,000 sessions, 1% of them takeovers. It flags 50 sessions; 30 of the flags are genuine takeovers. Compute F1 and specificity.",
     30, 20, 3940, 10, ["f1", "specificity"]),
    ("Invasive-frog call detector: TP=17, FN=3, FP=8, TN=172. precision and recall?",
     17, 8, 172, 3, ["precision", "recall"]),
    ("Over 90 mornings we had fog on 18. The fog model predicted fog on 20 mornings but only 12 of those were actually foggy. Accuracy and recall?",
     12, 8, 64, 6, ["accuracy", "recall"]),
    ("Background-check model flags 'risky' candidates. 2,000 applicants, 40 of them risky. It flagged 100 and caught 32 of the risky ones. Precision and specificity?",
     32, 68, 1892, 8, ["precision", "specificity"]),
    ("lol our teacher made us build a model predicting who fails the final. 120 students, 18 failed. we predicted 15 fails and 9 were right. whats our accuracy and recall \U0001F605",
     9, 6, 96, 9, ["accuracy", "recall"]),
    ("We labelled 1,000 posts. 120 were misinformation and the rest were fine. Our classifier flagged 100 of the misinformation posts and also 30 of the fine ones. False positive rate and F1?",
     100, 30, 850, 20, ["fpr", "f1"]),
    ("Irrigation-need classifier (needs water = positive) for 600 field plots. Truth: 240 plots needed water. The classifier said 'needs water' for 260 plots and 'fine' for the others. 20 of the 'fine' calls were wrong. Precision and specificity?",
     220, 40, 320, 20, ["precision", "specificity"]),
    ("actual,predicted,count\nsick,sick,88\nsick,healthy,12\nhealthy,sick,25\nhealthy,healthy,385\nwhat's the precision and specificity for 'sick'?",
     88, 25, 385, 12, ["precision", "specificity"]),
    ("An email-gateway classifier labels messages as 'phishing' or 'benign'. Of 800 benign messages, 784 were labelled benign. Of 200 phishing messages, 150 were labelled phishing. Compute the accuracy and the F1 score for the phishing class.",
     150, 16, 784, 50, ["accuracy", "f1"]),
    ("Talent-ID model for our academy: 60 kids trialled, 12 made it pro later. The model predicted 'pro' for 10 kids; 7 of them did. Hit rate and precision?",
     7, 3, 45, 5, ["recall", "precision"]),
    ("In factory we use camera to find scratches on phone screen. We test 1000 screens. 100 has scratch. Camera find 95 scratch screens correct, but also say 'scratch' on 45 good screens. What is F1 and specificity?",
     95, 45, 855, 5, ["f1", "specificity"]),
    ("Whale-call detector on hydrophone recordings: 800 clips, 200 with whale calls. It detected half of the whale clips and marked 12 noise clips as whale. Accuracy and precision?",
     100, 12, 588, 100, ["accuracy", "precision"]),
    ("TB screening of 1,500 people. 30 actually had TB. The screening came back negative for 1,440 people, and 6 of those negatives had TB. Specificity and precision?",
     24, 36, 1434, 6, ["specificity", "precision"]),
    ("Check-fraud model: 20,000 checks processed, 100 of them fraudulent. It flagged 300 checks, 80 of which were fraud. I need the false positive rate and the recall.",
     80, 220, 19680, 20, ["fpr", "recall"]),
    ("spam filter confusion matrix: TP 95, FN 5, FP 2, TN 898 - specificity?",
     95, 2, 898, 5, ["specificity"]),
    ("sklearn confusion matrix for labels [0, 1] where 0 = 'defective' and 1 = 'ok'; we care about detecting defective parts (positive = defective):\n[[ 40  10]\n [  5 145]]\nprecision and recall?",
     40, 5, 145, 10, ["precision", "recall"]),
]

# stories that lack a count the asked metric needs
CLARIFY = [
    "Our fraud model flagged 120 transactions and 90 of them were actual fraud. What's the accuracy?",
    "Spam filter caught 450 spam emails and missed 50. What's its precision?",
    "Tumour detector: 80 true positives, 20 false negatives, 15 false positives. specificity?",
    "We tested a defect classifier on 1,000 parts. It flagged 60 as defective and 45 of those really were. What's the recall?",
    "the deer classifier on our trail cam correctly identified 180 deer images and raised 20 false alarms. f1 score?",
    "A COVID test had 95 true positives and 900 true negatives. What's the sensitivity?",
    "the toxicity classifier flagged 300 comments, 10% of them wrongly. There were 5,000 comments overall. What's the specificity?",
    "hiring model: of the 40 qualified candidates it shortlisted 30. accuracy and precision?",
    "Rain model over 365 days: it predicted rain on 100 days and it rained on 120 days. accuracy?",
    "My model for detect crop disease have 50 false positive and 30 false negative in 1000 leaves. What is F1?",
]


def metric(name, tp, fp, tn, fn):
    return {
        "accuracy": (tp + tn) / (tp + fp + tn + fn),
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "specificity": tn / (tn + fp),
        "f1": 2 * tp / (2 * tp + fp + fn),
        "fpr": fp / (fp + tn),
    }[name]


def fmt(x):
    return str(round(x, 4))  # as the tutor prints a ratio


def expected_items():
    items = []
    for q, tp, fp, tn, fn, asks in CALC:
        items.append({"q": q, "expect": "calculation",
                      "contains": [fmt(metric(a, tp, fp, tn, fn)) for a in asks]})
    for q in CLARIFY:
        items.append({"q": q, "expect": "clarify"})
    return items


def write():
    lines = [HEADER]
    for it in expected_items():
        lines.append("- q: " + json.dumps(it["q"], ensure_ascii=False))
        lines.append("  expect: " + it["expect"])
        if "contains" in it:
            lines.append("  contains: [" + ", ".join(json.dumps(c) for c in it["contains"]) + "]")
    YAML_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check():
    import yaml
    text = YAML_PATH.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    data = yaml.safe_load(text)
    want = expected_items()
    assert isinstance(data, list) and len(data) == len(want), (len(data), len(want))
    problems = 0
    for i, (got, exp) in enumerate(zip(data, want, strict=True), 1):
        if got != exp:
            problems += 1
            print("MISMATCH", i, got, exp)
    for i, (_, tp, fp, tn, fn, asks) in enumerate(CALC, 1):
        assert min(tp, fp, tn, fn) >= 0
        for a in asks:
            x = metric(a, tp, fp, tn, fn)
            s = fmt(x)
            frac = x * 10000 - math.floor(x * 10000)
            if abs(frac - 0.5) < 1e-6:
                problems += 1
                print("HALFWAY", i, a, x)
            if s in ("0.0", "1.0", "0", "1"):
                problems += 1
                print("DEGENERATE", i, a, x)
            if s.endswith("0") and "." in s and len(s) > 3:
                problems += 1
                print("TRAILING ZERO", i, a, s)
    kinds = {}
    for it in data:
        kinds[it["expect"]] = kinds.get(it["expect"], 0) + 1
    print("items:", kinds, "problems:", problems)
    return problems


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    sys.exit(1 if check() else 0)
