#!/usr/bin/env python3
"""train-61: blind tuning set of confusion-matrix stories.

Written without seeing the tutor's code or any other evaluation set.

Each item:
  q      the student's message
  tp, fp, tn, fn   intended counts (None = the story does not determine it)
  ask    metrics the message asks for (space separated):
         acc prec rec spec f1 fpr
  nums   the story's numbers, as expressions of the counts (space separated
         string, or a list mixing expressions and literal ints).  Shorthands:
         N = tp+fp+tn+fn, P = tp+fn (actual positives), NEG = tn+fp
         (actual negatives), PP = tp+fp (predicted positive),
         PN = tn+fn (predicted negative).
  words  {value: "word form"} for numbers written in words
  allow  other numbers the message may contain (percentages, years, ...)

python3 eval/train_61_values.py           -> check every item
python3 eval/train_61_values.py --write   -> check, then write train-61.yaml next to this file
"""
import json
import os
import random
import re
import sys
from fractions import Fraction

HEADER = ("# train-61: blind tuning set of confusion-matrix stories, written "
          "without seeing the tutor's code or other sets\n"
          "# Taken as written. On arrival (code of 19bece2): 42.0% of the stories worked out "
          "right, 2.0% (two) with other numbers, 100% of the incomplete ones asked back "
          "(code of 5dc88cf, before the nineteenth session's story work: 40.0%, 2.0%, 100%).")


def C(q, tp, fp, tn, fn, ask, nums, words=None, allow=None):
    return dict(q=q, tp=tp, fp=fp, tn=tn, fn=fn, ask=ask.split(),
                nums=nums.split() if isinstance(nums, str) else list(nums),
                words=words or {}, allow=allow or [], kind="calculation")


def Q(q, tp, fp, tn, fn, ask, nums, words=None, allow=None):
    d = C(q, tp, fp, tn, fn, ask, nums, words, allow)
    d["kind"] = "clarify"
    return d


# --------------------------------------------------------------------------
# 100 computable stories
# --------------------------------------------------------------------------
COMPUTE = [
    C("ok so my pothole detector on 500 road images. 62 flagged as pothole, 48 of those really were. missed 9 actual potholes. whats precision recall and f1",
      48, 14, 429, 9, "prec rec f1", "N PP tp fn"),
    C("We built a no-show predictor for a dental clinic. Out of 1,200 appointments last quarter, 150 patients actually didn't show up. The model flagged 180 appointments as likely no-shows, and 105 of the flagged ones were real no-shows. Can you compute accuracy, precision, recall and specificity?",
      105, 75, 975, 45, "acc prec rec spec", "N P PP tp"),
    C("Hello, I have question. My model is for predict chargeback. In the test there is 84 chargeback transactions and 3,916 normal transactions. Model say chargeback for 97 transactions, from them 61 is really chargeback. Please give me recall and false alarm rate (FPR).",
      61, 36, 3880, 23, "rec fpr", "P NEG PP tp"),
    C("trying to predict upsets in college basketball (upset = the lower seed wins). of 67 tournament games, 14 were upsets. my model called 11 upsets total but only 6 of them actually happened. accuracy + precision + recall pls",
      6, 5, 48, 8, "acc prec rec", "N P PP tp"),
    C("At the hotel chain where I intern we have 'ghost bookings' — reservations made with stolen cards where nobody ever checks in. Our classifier reviewed 2,450 bookings. It flagged 40, and 31 of those turned out to be ghost bookings; another 12 ghost bookings slipped through unflagged. What are precision, recall and F1, and what's the specificity?",
      31, 9, 2398, 12, "prec rec f1 spec", "N PP tp fn"),
    C("A screening test for gestational diabetes is applied to 800 pregnant women. Of the 96 women who have the condition, the test is positive in 84. Of the women without the condition, the test is negative in 658. Compute the sensitivity, specificity and accuracy of the test.",
      84, 46, 658, 12, "rec spec acc", "N P tp tn"),
    C("In my psych-style detection experiment the network scored 73 hits, 27 misses, 18 false alarms and 382 correct rejections. Can you give me hit rate, false alarm rate and overall accuracy?",
      73, 18, 382, 27, "rec fpr acc", "tp fn fp tn"),
    C("spam filter results on my inbox dump: it put 310 emails in the spam folder, 288 of which were actually spam. the other 1,690 went to the inbox and 45 of those were spam that got through. precision, recall, accuracy?",
      288, 22, 1645, 45, "prec rec acc", "PP tp PN fn"),
    C("Solder defect detection on a PCB line. 350 boards had solder defects and 4,650 were good. The vision system got 322 of the defective boards right and 4,590 of the good ones right. Precision and F1 please (defective = positive).",
      322, 60, 4590, 28, "prec f1", "P NEG tp tn"),
    C("Camera-trap project, lynx classifier, 2,000 images. It predicted 'lynx' on 57 images. Checking by hand: 44 of those really had a lynx, and among the images it didn't label lynx we found 6 more lynxes. recall, precision, FPR?",
      44, 13, 1937, 6, "rec prec fpr", "N PP tp fn"),
    C("Posting on behalf of a student from my section: their model predicts whether a patient gets readmitted within a month of discharge. On the test set of 640 discharges it predicted readmission for 88 patients, and 52 of those were in fact readmitted. Overall the test set had 97 readmissions. They want accuracy, precision, recall and F1.",
      52, 36, 507, 45, "acc prec rec f1", "N PP tp P"),
    C("my fraud model flagged forty transactions and twenty-five of them were actual fraud. there were thirty frauds in total among the five hundred transactions. precision and recall?",
      25, 15, 455, 5, "prec rec", "PP tp P N",
      words={40: "forty", 25: "twenty-five", 30: "thirty", 500: "five hundred"}),
    C("So for context, I'm doing a capstone with a local vineyard — they want to catch powdery mildew early from leaf photos. We labeled a holdout set of 900 leaves, and 120 of them actually had mildew. The model said 'mildew' on 135 leaves. When I cross-checked, it was right about 102 of the leaves it called mildew. My supervisor keeps asking about the false alarm rate (healthy leaves flagged as mildew, as a fraction of all healthy leaves), and I'd also like specificity and F1 for the report. Can you work those out?",
      102, 33, 747, 18, "fpr spec f1", "N P PP tp"),
    C("intrusion detection eval: 10,000 sessions total; 230 were real attacks; the IDS raised alerts on 410 sessions; 198 of the alerted sessions were real attacks. need detection rate, precision and FPR",
      198, 212, 9558, 32, "rec prec fpr", "N P PP tp"),
    C("weather model forecasting hail days. over 365 days there were 21 hail days and it predicted hail on 17 of those. of the rest it wrongly predicted hail on 9. accuracy, specificity, precision?",
      17, 9, 335, 4, "acc spec prec", "N P tp fp"),
    C("Our churn model (test set: 3,000 customers, 420 of whom churned) predicted churn for 500 customers. Of those 500, 290 did churn. What's the F1 and the accuracy?",
      290, 210, 2370, 130, "f1 acc", "N P PP tp"),
    C("exoplanet transit classifier on 1,500 light curves: 75 real transits in there. it labelled 90 curves as transits and 63 of them were real. recall? precision? f1?",
      63, 27, 1398, 12, "rec prec f1", "N P PP tp"),
    C("I'm a law student in an AI & law seminar. We tested a tool that predicts whether an appeal will be overturned (overturned = positive). Among 260 appeals, it predicted 'overturned' for 70, and 45 of those predictions were correct. It predicted 'affirmed' for the other 190, and 172 of those were correct. Compute accuracy, precision, recall and specificity.",
      45, 25, 172, 18, "acc prec rec spec", "N PP tp PN tn"),
    C("dropout early warning sys: 58 students dropped out, the system had flagged 41 of them. it also flagged 77 students who stayed. 1,105 students stayed in total. precision recall spec",
      41, 77, 1028, 17, "prec rec spec", "P tp fp NEG"),
    C("Loss-prevention cameras flagged 64 shoppers last month. Security confirmed that 19 of them were actually shoplifting. From inventory audits we also know of 7 shoplifting incidents the system never flagged. We don't know how many shoppers came in overall. What's the precision and recall?",
      19, 45, None, 7, "prec rec", "PP tp fn"),
    C("exam practice: TP = 140, FP = 25, FN = 35, TN = 800. compute all of them: accuracy, precision, recall, specificity, F1 and FPR",
      140, 25, 800, 35, "acc prec rec spec f1 fpr", "tp fp fn tn"),
    C("My classifier for detecting sarcasm in tweets: 400 tweets, 100 of them sarcastic. It got 350 right overall. It called 90 tweets sarcastic, 70 of them correctly. Accuracy, precision, recall?",
      70, 20, 280, 30, "acc prec rec", "N P tp+tn PP tp"),
    C("bottle cap inspection run, 8,400 caps. 8,260 were fine caps and 8,215 of those passed. of the faulty caps, 121 got rejected. treating faulty as the positive class: precision, recall and F1?",
      121, 45, 8215, 19, "prec rec f1", "N NEG tn tp"),
    C("HR tool that shortlists candidates likely to pass the onsite. 300 applicants; the tool shortlisted 45 and 27 of the shortlisted passed. For the pilot we interviewed the 255 it rejected anyway, and 18 of them would have passed. precision/recall/accuracy please",
      27, 18, 237, 18, "prec rec acc", "N PP tp PN fn"),
    C("tailgating detector at the office doors ran for a week: 12 real tailgating events, it caught 10, plus 31 false alarms. there were 5,400 door entries total. what's precision, recall, FPR, accuracy?",
      10, 31, 5357, 2, "prec rec fpr acc", "P tp fp N"),
    C("rapid test vs PCR in 1,000 people: 80 were PCR positive. the rapid test was positive for 70 people, of whom 62 were PCR positive. sensitivity and specificity (PCR as ground truth)?",
      62, 8, 912, 18, "rec spec", "N P PP tp"),
    C("Weed-vs-crop robot: it sprays whatever it thinks is a weed. In the trial plot there were 600 weeds and 2,400 crop seedlings. It sprayed 570 of the weeds and 96 of the crop seedlings. What's the recall on weeds, the precision of the spraying, and the specificity?",
      570, 96, 2304, 30, "rec prec spec", "P NEG tp fp"),
    C("cnn for pneumonia xrays. test set 234 pneumonia, 390 normal. predicted pneumonia 250 times, 222 right. need acc prec rec f1 thx",
      222, 28, 362, 12, "acc prec rec f1", "P NEG PP tp"),
    C("Card fraud backtest: 1,250,000 transactions, 2,100 of them fraudulent. The rules engine declined 3,400 transactions, 1,530 of which were fraud. Precision, recall, specificity?",
      1530, 1870, 1246030, 570, "prec rec spec", "N P PP tp"),
    C("we try to predict hamstring injuries for a soccer squad over a season: 28 players, 6 got injured. the model flagged 8 players as high risk and 4 of them got injured. accuracy, precision and recall?",
      4, 4, 18, 2, "acc prec rec", "N P PP tp"),
    C("Hi teacher, my model classify the mushrooms poisonous or not. Total 1,624 mushroom. Poisonous is 784. Model say poisonous for 790, and inside these 790 the real poisonous is 776. I need know the recall, precision and the accuracy, thank you.",
      776, 14, 826, 8, "rec prec acc", "N P PP tp"),
    C("A classifier is evaluated on a test set containing 250 positive and 750 negative examples. It correctly classifies 200 of the positive examples and 690 of the negative examples. Calculate its precision, recall, F1 score and FPR.",
      200, 60, 690, 50, "prec rec f1 fpr", "P NEG tp tn"),
    C("Mammography AI, 5,000 screens. Among them, 40 cancers. The AI called back 260 women for further imaging, and among those 260, 34 had cancer. What are the sensitivity, specificity and PPV?",
      34, 226, 4734, 6, "rec spec prec", "N P PP tp"),
    C("my model said 'pothole' 38 times and was wrong 11 of those times. it said 'no pothole' 462 times and was wrong 6 times. so 500 frames total. accuracy precision recall specificity?",
      27, 11, 456, 6, "acc prec rec spec", "PP fp PN fn N"),
    C("Bird-call detector — 720 clips — 180 of them contain a nightingale call — the detector fired on 150 clips — 135 of those had the call. recall + precision + accuracy?",
      135, 15, 525, 45, "rec prec acc", "N P PP tp"),
    C("Quick one: gearbox-failure predictor for wind turbines. Test set is 10,000 turbine-months. 48 of them had a gearbox failure, and the model had raised a warning in 39 of those. It also raised warnings in 210 turbine-months with no failure. Give me precision, recall, specificity and F1.",
      39, 210, 9742, 9, "prec rec spec f1", "N P tp fp"),
    C("sms spam classifier, test set of 1,115 messages: 150 spam, the rest ham. it labelled 139 messages as spam — 136 actually spam, 3 were ham. precision, recall, f1, accuracy?",
      136, 3, 962, 14, "prec rec f1 acc", "N P PP tp fp"),
    C("deepfake video detector tested on 420 clips, exactly half real and half fake. it flagged 230 as fake; 195 of those really were fake. accuracy, precision, recall for the fake class?",
      195, 35, 175, 15, "acc prec rec", "N PP tp"),
    C("plagiarism checker on my class's 180 essays. it flagged 22; I confirmed 14 were actually plagiarized and 8 were false alarms. later I found 3 more plagiarized essays it didn't flag. precision, recall, specificity?",
      14, 8, 155, 3, "prec rec spec", "N PP tp fp fn"),
    C("rain/no-rain nowcast evaluated over 200 hours: it said rain for 48 hours, it actually rained in 55 hours, and 40 hours had both a rain forecast and rain. accuracy, precision, recall, f1",
      40, 8, 137, 15, "acc prec rec f1", "N PP P tp"),
    C("Galaxy merger classifier. Of 3,200 galaxies, volunteers say 160 are mergers. The CNN tags 140 as mergers: 118 correctly, 22 not. What's the recall, precision and FPR?",
      118, 22, 3018, 42, "rec prec fpr", "N P PP tp fp"),
    C("confusion matrix from sklearn (rows = actual, cols = predicted, label order [no, yes]): first row 912, 38; second row 21, 129. precision, recall, f1 and accuracy for 'yes'",
      129, 38, 912, 21, "prec rec f1 acc", "tn fp fn tp"),
    C("Check-forgery detector, 2,500 checks. It got 2,431 right and 69 wrong. Of the 69 wrong, 41 were forgeries it let through and the others were genuine checks it flagged. It flagged 96 checks in total. Precision and recall?",
      68, 28, 2363, 41, "prec rec", "N tp+tn fp+fn fn PP"),
    C("e-commerce return-fraud model for 'wardrobing' (people wear stuff and then return it): 15,000 returns, 600 are wardrobing. the model flagged 900 returns, 480 of which were wardrobing. precision, recall, fpr?",
      480, 420, 13980, 120, "prec rec fpr", "N P PP tp"),
    C("locust swarm early-warning over 52 weeks: swarms happened in 8 weeks, warnings were issued in 11 weeks, and 7 of the warning weeks had a swarm. accuracy, recall, precision, specificity?",
      7, 4, 40, 1, "acc rec prec spec", "N P PP tp"),
    C("my cat detector saw sixty photos with a cat in them and found fifty-one of them. it also said cat on nine photos without any cat. i didnt count the rest so just precision and recall please",
      51, 9, None, 9, "prec rec", "P tp fp",
      words={60: "sixty", 51: "fifty-one", 9: "nine"}),
    C("Sepsis alert in the ICU: 1,840 admissions, 92 developed sepsis. The alert fired for 310 admissions, including 74 of the sepsis cases. Sensitivity, specificity, PPV and accuracy?",
      74, 236, 1512, 18, "rec spec prec acc", "N P PP tp"),
    C("attrition model: among the 95 employees who left, it had predicted 60 would leave. among the 905 who stayed, it had predicted 81 would leave. F1, accuracy, specificity",
      60, 81, 824, 35, "f1 acc spec", "P tp NEG fp"),
    C("phishing URL classifier: 12,400 URLs, 1,860 phishing. it flagged 1,900, and 1,710 of the flagged were phishing. recall, precision, f1, accuracy",
      1710, 190, 10350, 150, "rec prec f1 acc", "N P PP tp"),
    C("weld crack detection on 640 ultrasonic scans, 48 had cracks. the system caught 45 of the cracks but also cried wolf on 26 clean welds. precision, recall, accuracy, specificity?",
      45, 26, 566, 3, "prec rec acc spec", "N P tp fp"),
    C("spam flter: 90 caught, 10 spam missed, 5 legit emials wrongly caught, 895 legit ok. precison recall acc?",
      90, 5, 895, 10, "prec rec acc", "tp fn fp tn"),
    C("E-discovery review: out of 20,000 documents the model marked 1,400 as responsive. Attorneys then reviewed everything — 1,050 of the marked docs were responsive, and 350 responsive docs were among the unmarked ones. What's recall, precision and F1?",
      1050, 350, 18250, 350, "rec prec f1", "N PP tp fn"),
    C("bat call detector on 4,320 audio windows. windows with real bat calls: 610. the detector triggered on 655 windows, 580 of them with real bat calls. precision, recall, specificity, FPR",
      580, 75, 3635, 30, "prec rec spec fpr", "N P PP tp"),
    C("predicting whether a penalty kick gets saved. 240 penalties, 52 saved. model predicted 'saved' for 30 penalties, 21 of which were saved. accuracy, precision, recall?",
      21, 9, 179, 31, "acc prec rec", "N P PP tp"),
    C("our auto-grader flags essays as 'needs human review'. teachers said 130 of the 1,000 essays really needed review. the grader flagged 170, and 110 of the flagged were among those 130. F1 and FPR?",
      110, 60, 810, 20, "f1 fpr", "P N PP tp"),
    C("tornado warnings at county level for a spring season: 3,600 county-days, 45 of which had a tornado. warnings were issued on 140 county-days, and 38 of the tornado county-days had a warning. precision, recall, specificity?",
      38, 102, 3453, 7, "prec rec spec", "N P PP tp"),
    C("Airport baggage scanner test: 50 bags with planted items and 950 clean bags. It alarmed on 47 of the planted bags. It correctly cleared 893 of the clean bags. Compute sensitivity, specificity, precision and accuracy.",
      47, 57, 893, 3, "rec spec prec acc", "P NEG tp tn"),
    C("Model predicted 'default' for 220 loans; of those, 88 actually defaulted. It predicted 'repaid' for 1,780 loans; of those, 1,702 were actually repaid. precision, recall, acc, f1 (default = positive)",
      88, 132, 1702, 78, "prec rec acc f1", "PP tp PN tn"),
    C("Dear tutor, we make model for detect the diabetic retinopathy in fundus image. Test have 1,000 images, 320 with disease. The model find 288 disease images correct, and it say disease wrongly for 45 healthy images. Please calculate sensitivity and specificity and also F1.",
      288, 45, 635, 32, "rec spec f1", "N P tp fp"),
    C("ok this is kind of silly but for my side project I predict dine-and-dashes at my cousin's diner (people leaving without paying). Over the summer there were 2,300 tables served and 23 dine-and-dashes. My model flagged 50 tables as risky, and 15 of those tables actually dashed. So how good is it — precision, recall and accuracy?",
      15, 35, 2242, 8, "prec rec acc", "N P PP tp"),
    C("Landslide susceptibility map: 1,000 grid cells, 75 had landslides. The map marked 210 cells as high susceptibility, and those contained 66 of the landslide cells. recall, precision, spec, acc.",
      66, 144, 781, 9, "rec prec spec acc", "N P PP tp"),
    C("TA here, paraphrasing a midterm problem from last year: a face-mask detector is run on 500 images. 320 images show a person wearing a mask. The detector says 'mask' for 300 images, of which 285 really show a mask. Find accuracy, precision, recall, specificity and F1 for the 'mask' class.",
      285, 15, 165, 35, "acc prec rec spec f1", "N P PP tp"),
    C("radar detection sim: 400 target-present trials and 1,600 target-absent trials. hits: 352. false alarms: 64. give hit rate, false alarm rate, precision.",
      352, 64, 1536, 48, "rec fpr prec", "P NEG tp fp"),
    C("Stockout predictor on 800 SKU-weeks: 64 stockouts happened. The model predicted a stockout for 72 SKU-weeks, 40 of those correctly. What's F1 and accuracy?",
      40, 32, 704, 24, "f1 acc", "N P PP tp"),
    C("Bone fracture detector on wrist X-rays. Fractured wrists: 210 right, 15 wrong. Non-fractured wrists: 530 right, 45 wrong. precision, recall, specificity, accuracy?",
      210, 45, 530, 15, "prec rec spec acc", "tp fn tn fp"),
    C("anomaly detector on server logs: 50 real incidents, 41 detected, 300 alerts total (no idea how many log windows overall). precision + recall?",
      41, 259, None, 9, "prec rec", "P tp PP"),
    C("Insurance claims: out of 4,800 claims, investigators confirmed 96 as fraudulent. Our model sent 240 claims to the investigators, and 72 of the 96 fraud claims were among them. Specificity, precision, recall, F1?",
      72, 168, 4536, 24, "spec prec rec f1", "N P PP tp"),
    C("Out of two hundred parcels, the courier's damage classifier flagged twelve: nine were really damaged, three weren't. It also missed four damaged parcels. accuracy, precision, recall?",
      9, 3, 184, 4, "acc prec rec", "N PP tp fp fn",
      words={200: "two hundred", 12: "twelve", 9: "nine", 3: "three", 4: "four"}),
    C("DDoS detector evaluated on 10,080 minute-long windows: attacks were going on during 144 windows. It alerted in 160 windows, and 132 of the alert windows were during an attack. precision recall fpr",
      132, 28, 9908, 12, "prec rec fpr", "N P PP tp"),
    C("apple sorter that kicks out bruised apples. batch of 5,000 apples, 350 bruised. it kicked out 380: 320 bruised ones and 60 fine ones. precision, recall, specificity?",
      320, 60, 4590, 30, "prec rec spec", "N P PP tp fp"),
    C("ML rule-out score for pulmonary embolism in the ED: 1,200 patients, 60 with PE confirmed on CT. Score positive in 480 patients, including 58 of those with PE. Sensitivity, specificity, precision?",
      58, 422, 718, 2, "rec spec prec", "N P PP tp"),
    C("tennis line-call model, 'out' = positive. 1,800 calls, 260 were actually out. the model called out 250 times; 231 of those were actually out. F1 and accuracy please",
      231, 19, 1521, 29, "f1 acc", "N P PP tp"),
    C("Consider a binary classifier tested on N = 2,000 instances, of which 400 belong to the positive class. The classifier assigns 380 instances to the positive class, and 300 of these assignments are correct. Determine the accuracy, precision, recall, specificity, F1 score and FPR.",
      300, 80, 1520, 100, "acc prec rec spec f1 fpr", "N P PP tp"),
    C("my manager wants to know if our 'flight risk' dashboard is any use. last year we had 1,430 employees and 110 of them quit. the dashboard had tagged 180 people as flight risks at the start of the year, and 66 of those people quit. I want to say something about how many of the quitters it caught and how trustworthy a tag is... I think that's recall and precision? also F1",
      66, 114, 1206, 44, "rec prec f1", "N P PP tp"),
    C("chip wafer inspection — missed 14 defective dies; wrongly rejected 37 good dies; correctly rejected 186 defective; correctly passed 9,763 good. accuracy, precision, recall, specificity, f1?",
      186, 37, 9763, 14, "acc prec rec spec f1", "fn fp tp tn"),
    C("ranger patrol model predicts which grid squares will have snares. 400 squares patrolled, snares found in 36. model predicted snares in 50 squares, and 27 of the snare squares were among those 50. accuracy, precision, recall",
      27, 23, 341, 9, "acc prec rec", "N P PP tp"),
    C("malware classifier: TP 930, FN 70, FP 45, TN 8955. precision, recall, fpr, accuracy",
      930, 45, 8955, 70, "prec rec fpr acc", "tp fn fp tn"),
    C("I am working on the model which predict if the flight will be delayed. In test data we have 5,000 flights and 1,100 are delayed. Model predict delay for 1,300 flights but only 770 from them are delayed really. Can you say me accuracy, precision and recall?",
      770, 530, 3370, 330, "acc prec rec", "N P PP tp"),
    C("strep throat app tested on 150 kids: 45 had strep by culture. app said strep for 50 kids, 38 of whom had it. sensitivity, spec, ppv",
      38, 12, 93, 7, "rec spec prec", "N P PP tp"),
    C("Cherenkov telescope event classifier, gamma vs hadron (gamma is the signal we want). 19,020 events: 12,332 gamma, the rest hadrons. Predicted gamma: 12,100, of which 11,050 are gamma. recall, precision, spec, F1",
      11050, 1050, 5638, 1282, "rec prec spec f1", "N P PP tp"),
    C("dyslexia screener tried on 600 first graders. by later diagnosis, 42 were dyslexic. the screener flagged 70, of which 35 were later diagnosed; of the 530 it didn't flag, 7 were diagnosed later. precision, recall, specificity, accuracy",
      35, 35, 523, 7, "prec rec spec acc", "N P PP tp PN fn"),
    C("the model reviewed 700 insurance-card swipes at the pharmacy; 25 were fraudulent. it blocked 30 swipes: 20 fraudulent, the others legit. precision? recall? fpr?",
      20, 10, 665, 5, "prec rec fpr", "N P PP tp"),
    C("leak test on 2,000 radiators: 80 leakers. 72 hits, 8 misses, 40 false alarms. what are acc, prec, spec",
      72, 40, 1880, 8, "acc prec spec", "N P tp fn fp"),
    C("A spam filter processes 1,000 emails. It correctly identifies 180 spam emails, fails to flag 20 spam emails, incorrectly flags 30 legitimate emails, and correctly passes the remaining legitimate emails. Compute the accuracy, precision, recall, F1 score and specificity.",
      180, 30, 770, 20, "acc prec rec f1 spec", "N tp fn fp"),
    C("'ghost employee' detector (fake payroll entries). audit of 3,750 payroll records found 15 ghosts. the detector flagged 45 records and 12 ghosts were among them. precision/recall/f1/specificity",
      12, 33, 3702, 3, "prec rec f1 spec", "N P PP tp"),
    C("hey 👋 quick q: frost prediction for an orchard, 120 nights, frost on 18 of them. model said frost on 24 nights, correct on 15 of those. what's accuracy / precision / recall / specificity?",
      15, 9, 93, 3, "acc prec rec spec", "N P PP tp"),
    C("My grandma's clinic is piloting an AI that reads ECGs for atrial fibrillation, and I'm trying to understand the report they gave us. It says the AI looked at 2,600 ECGs. Cardiologists found AF in 130 of them. The AI flagged 165 ECGs as AF, and 121 of the AF cases the cardiologists found were among the flagged ones. Could you calculate the sensitivity, specificity and positive predictive value?",
      121, 44, 2426, 9, "rec spec prec", "N P PP tp"),
    C("coupon abuse (duplicate accounts) detector. 900 accounts marked by the model; the audit says 540 of them were duplicate accounts, the rest genuine. there were 600 duplicate accounts in total among 45,000 accounts. precision, recall, FPR, accuracy",
      540, 360, 44040, 60, "prec rec fpr acc", "PP tp P N"),
    C("out of fifty patients the model said sick for twenty, and fifteen of those were sick. of the thirty it said healthy, two were sick. accuracy, precision, recall, specificity",
      15, 5, 28, 2, "acc prec rec spec", "N PP tp PN fn",
      words={50: "fifty", 20: "twenty", 15: "fifteen", 30: "thirty", 2: "two"}),
    C("got tp=57 fp=13 fn=22 tn=408. whats the F1 and specificity",
      57, 13, 408, 22, "f1 spec", "tp fp fn tn"),
    C("I have 212 true positives, 38 false positives and 51 false negatives. No idea about true negatives (it's object detection). precision, recall and F1?",
      212, 38, None, 51, "prec rec f1", "tp fp fn"),
    C("The lab report says 88 true positives, 12 false negatives, 9 false positives and 391 true negatives. What's the sensitivity, specificity and accuracy?",
      88, 9, 391, 12, "rec spec acc", "tp fn fp tn"),
    C("ok so the confusion matrix is TN 1,430 | FP 70 / FN 45 | TP 455. need precision, recall, FPR and accuracy",
      455, 70, 1430, 45, "prec rec fpr acc", "tn fp fn tp"),
    C("In a study, a diagnostic model yields 45 true positives, 5 false positives, 930 true negatives and 20 false negatives. Find the F1 score and the false positive rate.",
      45, 5, 930, 20, "f1 fpr", "tp fp tn fn"),
    C("pred yes 75 (60 right) pred no 425 (400 right). acc prec rec?",
      60, 15, 400, 25, "acc prec rec", "PP tp PN tn"),
    C("contract clause classifier that finds auto-renewal clauses. 1,900 clauses, 95 of them auto-renewal. it tagged 101 clauses, 88 correctly. recall precision f1 specificity",
      88, 13, 1792, 7, "rec prec f1 spec", "N P PP tp"),
    C("fog forecasts for an airport over 730 mornings: fog was observed on 62. the forecast said fog on 80 mornings and fog actually occurred on 49 of those. hit rate, false alarm rate (share of no-fog mornings that got a fog forecast), accuracy",
      49, 31, 637, 13, "rec fpr acc", "N P PP tp"),
    C("near-earth asteroid candidate vetting: 5,200 tracklets, 260 real NEO candidates. the pipeline promoted 300 tracklets, 240 of which were real. precision recall and accuracy",
      240, 60, 4880, 20, "prec rec acc", "N P PP tp"),
    C("cassava leaf disease app (brown streak = positive). 1,000 leaves: 400 brown streak, 600 other. got 360 of the brown-streak leaves right and 540 of the other leaves right. F1, precision, recall, accuracy",
      360, 60, 540, 40, "f1 prec rec acc", "N P NEG tp tn"),
    C("Good evening. In my project the model detect potholes in video frames. There is 1,000 frames. The model say pothole in 140 frames. In these 140, 98 frames have pothole really, the others not. In the frames where model say no pothole, there are 14 with pothole. Please give specificity and FPR and accuracy.",
      98, 42, 846, 14, "spec fpr acc", "N PP tp fn"),
]

# --------------------------------------------------------------------------
# 20 stories that lack a count needed for what they ask (tutor must ask back)
# --------------------------------------------------------------------------
CLARIFY = [
    Q("my model flagged 40 emails as phishing and 30 of them really were phishing. what's the recall?",
      30, 10, None, None, "rec", "PP tp"),
    Q("fraud model caught 90% of the frauds and had 12 false alarms. precision and F1?",
      None, 12, None, None, "prec f1", "fp", allow=[90]),
    Q("pothole detector: 48 correct detections, 14 false alarms, 9 potholes missed. what's the accuracy?",
      48, 14, None, 9, "acc", "tp fp fn"),
    Q("no-show model: of the 150 actual no-shows it flagged 105. what's its specificity?",
      105, None, None, 45, "spec", "P tp"),
    Q("our churn model predicted 500 churners and 290 of them churned. accuracy, precision, recall?",
      290, 210, None, None, "acc prec rec", "PP tp"),
    Q("spam filter got 95% accuracy on 2,000 emails. what are its precision and recall?",
      None, None, None, None, "prec rec", [2000], allow=[95]),
    Q("defect detector on 1,000 parts flagged 80, and 60 of those were actually defective. recall and F1?",
      60, 20, None, None, "rec f1", [1000, "PP", "tp"]),
    Q("wildlife camera: 200 images with deer, the model found most of them, with 15 false alarms. recall?",
      None, 15, None, None, "rec", [200, "fp"]),
    Q("the model was right 870 times out of 1,000 and flagged 100 items. precision?",
      None, None, None, None, "prec", [870, 1000, 100]),
    Q("mammo screening: 5,000 women screened, 260 called back, and 226 of the callbacks were false alarms. what's the sensitivity and specificity?",
      34, 226, None, None, "rec spec", [5000, "PP", "fp"]),
    Q("upset predictor: 67 games, it called 11 upsets and 6 happened. accuracy?",
      6, 5, None, None, "acc", [67, "PP", "tp"]),
    Q("ids missed 32 attacks and raised 212 false alarms. F1?",
      None, 212, None, 32, "f1", "fn fp"),
    Q("hail model this season: predicted hail on 26 days, 17 of them correct; overall it was right on 352 days. what's the accuracy and recall?",
      17, 9, 335, None, "acc rec", "PP tp tp+tn"),
    Q("crack detector flagged 71 welds, 45 really had cracks, and supposedly it catches about 90% of cracks. specificity and accuracy?",
      45, 26, None, None, "spec acc", "PP tp", allow=[90]),
    Q("My model predict the loan default. It predict default for 220 loans and 88 is correct. How much is recall and accuracy?",
      88, 132, None, None, "rec acc", "PP tp"),
    Q("A classifier labels 50 test instances as positive, of which 45 are correct. Compute its recall and F1 score.",
      45, 5, None, None, "rec f1", "PP tp"),
    Q("of 400 tweets 100 were sarcastic. the model called 90 tweets sarcastic. precision recall?",
      None, None, None, None, "prec rec", [400, 100, 90]),
    Q("flight delay model got 770 delays right and missed 330. precision?",
      770, None, None, 330, "prec", "tp fn"),
    Q("HR shortlist tool: from 300 applicants it shortlisted 45, and 27 of the shortlisted passed the onsite. we never interviewed the rejected ones. precision, recall and accuracy?",
      27, 18, None, None, "prec rec acc", [300, "PP", "tp"]),
    Q("rain nowcast: it rained in 55 hours and the model forecast rain in 48 hours. recall and precision?",
      None, None, None, None, "rec prec", [55, 48]),
]

# --------------------------------------------------------------------------
# checking machinery
# --------------------------------------------------------------------------
NEEDS = {"acc": ("tp", "fp", "tn", "fn"), "prec": ("tp", "fp"),
         "rec": ("tp", "fn"), "spec": ("tn", "fp"),
         "f1": ("tp", "fp", "fn"), "fpr": ("fp", "tn")}


def metric(name, tp, fp, tn, fn):
    F = Fraction
    if name == "acc":
        return F(tp + tn, tp + fp + tn + fn)
    if name == "prec":
        return F(tp, tp + fp)
    if name == "rec":
        return F(tp, tp + fn)
    if name == "spec":
        return F(tn, tn + fp)
    if name == "f1":
        return F(2 * tp, 2 * tp + fp + fn)
    if name == "fpr":
        return F(fp, fp + tn)
    raise ValueError(name)


def fmt(x):
    """Round a Fraction to 4 decimals (half up), strip trailing zeros."""
    n = (x * 10000 + Fraction(1, 2)).__floor__()
    s = "%d.%04d" % (n // 10000, n % 10000)
    s = s.rstrip("0").rstrip(".")
    return s


def namespace(it):
    ns = {k: it[k] for k in ("tp", "fp", "tn", "fn")}
    tp, fp, tn, fn = ns["tp"], ns["fp"], ns["tn"], ns["fn"]
    known = lambda *v: all(x is not None for x in v)
    if known(tp, fp, tn, fn):
        ns["N"] = tp + fp + tn + fn
    if known(tp, fn):
        ns["P"] = tp + fn
    if known(tn, fp):
        ns["NEG"] = tn + fp
    if known(tp, fp):
        ns["PP"] = tp + fp
    if known(tn, fn):
        ns["PN"] = tn + fn
    return ns


NUM_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
NUMBER_WORDS = ("two three four five six seven eight nine ten eleven twelve "
                "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                "twenty thirty forty fifty sixty seventy eighty ninety hundred "
                "thousand million dozen").split()
WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")
TERM_RE = re.compile(r"\b(TP|FP|TN|FN)\b|\b(true|false)[ -](positive|negative)s?\b",
                     re.I)


def digits_in(text):
    t = re.sub(r"(?i)\bf-?1\b", " ", text)
    out = []
    for m in NUM_RE.finditer(t):
        s = m.group(0).replace(",", "")
        out.append(Fraction(s) if "." in s else int(s))
    return out


def check_item(i, it):
    errs = []
    q = it["q"]
    ns = namespace(it)
    counts = [it[k] for k in ("tp", "fp", "tn", "fn")]
    for c in counts:
        if c is not None and (not isinstance(c, int) or c <= 0):
            errs.append("count not a positive int: %r" % (c,))
    # story numbers
    values = []
    for e in it["nums"]:
        if isinstance(e, int):
            values.append(e)
            continue
        try:
            v = eval(e, {"__builtins__": {}}, ns)
        except Exception as ex:  # unknown count in expression
            errs.append("cannot evaluate story number %r: %s" % (e, ex))
            continue
        values.append(v)
    found = digits_in(q)
    found_set = set(found)
    low = q.lower()
    for v in values:
        if v in found_set:
            continue
        w = it["words"].get(v)
        if w and re.search(r"(?<![a-z-])" + re.escape(w.lower()) + r"(?![a-z-])", low):
            continue
        errs.append("story number %s not in text" % v)
    allowed = set(values) | set(it["allow"])
    for v in found:
        if v not in allowed:
            errs.append("unexpected number %s in text" % v)
    rest = low
    for w in sorted(it["words"].values(), key=len, reverse=True):
        rest = rest.replace(w.lower(), " ")
    for m in WORD_RE.finditer(rest):
        errs.append("unexpected number word %r in text" % m.group(0))
    # metrics
    for a in it["ask"]:
        if a not in NEEDS:
            errs.append("unknown metric %r" % a)
    vals = []
    if it["kind"] == "calculation":
        for a in it["ask"]:
            miss = [k for k in NEEDS.get(a, ()) if it[k] is None]
            if miss:
                errs.append("metric %s needs unknown %s" % (a, miss))
                continue
            m = metric(a, *counts) * 10000
            if m - m.__floor__() == Fraction(1, 2):
                errs.append("metric %s is an exact rounding tie" % a)
            vals.append(fmt(metric(a, *counts)))
        if any(c is None for c in (it["tp"], it["fp"], it["fn"])):
            errs.append("computable item must know tp, fp, fn")
        if "." in "".join(re.findall(r"\d+\.\d+", q)):
            errs.append("computable item with a decimal number")
        if "%" in q:
            errs.append("computable item with a percentage")
    else:
        missing = [a for a in it["ask"]
                   if any(it[k] is None for k in NEEDS.get(a, ()))]
        if not missing:
            errs.append("clarify item but every asked metric is computable")
    contains = []
    for v in vals:
        if v not in contains:
            contains.append(v)
    it["contains"] = contains
    return errs


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def ordered_items():
    items = [dict(x) for x in COMPUTE] + [dict(x) for x in CLARIFY]
    random.Random(61).shuffle(items)
    return items


def main():
    items = ordered_items()
    bad = 0
    for i, it in enumerate(items):
        errs = check_item(i, it)
        if errs:
            bad += 1
            print("FAIL item: %s" % it["q"][:90])
            for e in errs:
                print("    -", e)
    n_calc = sum(1 for it in items if it["kind"] == "calculation")
    n_clar = sum(1 for it in items if it["kind"] == "clarify")
    n_terms = sum(1 for it in items if TERM_RE.search(it["q"]))
    qs = [it["q"] for it in items]
    problems = []
    if n_calc != 100:
        problems.append("expected 100 calculation items, got %d" % n_calc)
    if n_clar != 20:
        problems.append("expected 20 clarify items, got %d" % n_clar)
    if n_terms > 10:
        problems.append("%d items use TP/FP/TN/FN wording (max 10)" % n_terms)
    if len(set(qs)) != len(qs):
        problems.append("duplicate messages")
    for p in problems:
        print("FAIL:", p)
    print("items: %d calculation, %d clarify; %d use TP/FP-style terms; %d failing"
          % (n_calc, n_clar, n_terms, bad))
    if bad or problems:
        return 1
    print("all checks passed")
    if "--write" in sys.argv:
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-61.yaml")
        lines = [HEADER]
        for it in items:
            lines.append("- q: " + yaml_str(it["q"]))
            lines.append("  expect: " + it["kind"])
            if it["kind"] == "calculation":
                lines.append("  contains: [" + ", ".join(yaml_str(c) for c in it["contains"]) + "]")
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("wrote", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
