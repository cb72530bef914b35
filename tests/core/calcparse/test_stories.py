"""Confusion-matrix counts told as a story: read only when every number agrees with one
reading, never guessed (`counts_from_story`)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.core.calcparse import SOME_METRICS, parse_calculation
from service.core.calcparse.stories import (
    MAX_NUMBERS,
    _solve,
    counts_from_story,
    counts_settled_by_story,
)
from service.core.textnorm import prepare

# Story shapes, each with the counts it tells in its own way: each cell in its own clause,
# totals of a class with the part the model caught, groups by what the model said, a header
# group per sentence, and everyone with the parts. {tp} etc. are the cells; {p}, {n}, {pp},
# {pn} and {all} the sums a story may give instead.
SHAPES = [
    "{tp} were flagged and really sick, {fp} were flagged but healthy, {fn} sick ones were "
    "missed and {tn} healthy ones were correctly cleared. precision?",
    "the model said spam for {tp} real spams and {fp} hams, and said ham for {fn} spams and "
    "{tn} hams. recall?",
    "of {p} sick patients {tp} tested positive; of {n} healthy people {fp} tested positive. "
    "sensitivity and specificity?",
    "out of {p} actual positives the classifier caught {tp}; out of {n} actual negatives it "
    "wrongly flagged {fp}. f1?",
    "Out of {all} emails, {p} were spam. The filter caught {tp} of the spam and flagged {fp} "
    "legit ones. precision and recall?",
    "my spam filter labelled {pp} emails as spam, {tp} of them actually were spam and {fp} "
    "were ham. of the {pn} it labelled ham, {fn} were actually spam. accuracy?",
    "in a signal detection task there were {tp} hits, {fn} misses, {fp} false alarms and "
    "{tn} correct rejections. specificity?",
    "cat vs dog classifier (cat = positive): it correctly labeled {tp} cats and {tn} dogs. "
    "there were {p} cats and {n} dogs. precision?",
    "the ids caught {tp} intruders, missed {fn}, raised {fp} false alarms and cleared {tn} "
    "normal users. recall?",
    # the commonest shape, its class named by no word list: read by its shape when the part of
    # the model's picks is told again by the truth, by the same words, or by a verb for them
    "over {all} mornings we had fog on {p}. the fog model predicted fog on {pp} mornings but "
    "only {tp} of those were actually foggy. accuracy?",
    "{all} players, {p} got injured. the model flagged {pp} players as high-risk; {tp} of them "
    "got injured. precision?",
    "{all} kids trialled, {p} made it pro later. the model predicted pro for {pp} kids; {tp} of "
    "them did. precision?",
    # a class no word list knows, said as a verb of a part of everyone and again of a part of
    # what the model flagged
    "{p} of {all} students dropped out. the model flagged {pp} students and {tp} of them "
    "dropped out. precision and recall?",
    # a class no word list knows, counted beside one it knows, is the other class
    "polygraph study: {p} liars and {n} truthful people. it flagged {tp} liars and {fp} "
    "truthful people as lying. accuracy?",
    # the parts a colon lists of a group the model said
    "the checker saw {all} notes, {p} of them fake. it rejected {pp} notes: {tp} fakes and {fp} "
    "genuine ones. accuracy?",
    # a part joined after a part of a whole: the verb of the part before
    "the test flagged {tp} of the {p} sick patients and {fp} of the {n} healthy ones. "
    "precision and specificity?",
    # the class between "let" and "through"
    "out of {all} emails my spam filter correctly flagged {tp} spam, wrongly flagged {fp} legit "
    "ones as spam, let {tn} legit through and missed {fn} spam. precision?",
    "out of {p} malignant scans it called {tp} malignant; out of {n} benign scans it called "
    "{fp} malignant. f1?",
    "of the emails it let through, {fn} were spam and {tn} were ham; of those it flagged, {tp} "
    "were spam and {fp} were ham. precision?",
    "the screener had {tp} true cases flagged, {fn} true cases missed, {fp} false detections "
    "and {tn} negatives correctly cleared. f1?",
    "the collection contains {all} documents. the engine retrieved {pp}, {tp} of them "
    "relevant, and {p} documents are relevant in all. precision and recall?",
    "a screening test for tb was given to {all} people, {p} of whom have tb. it was positive "
    "for {tp} of the people with tb and for {fp} of the people without it. specificity?",
    "the detector flagged {pp} posts, {tp} were actually toxic. it failed to flag {fn} toxic "
    "posts. there were {all} posts in total. f1?",
    "lab report (ripe is positive): it said ripe for {pp} bananas and was right about {tp} of "
    "those. it said unripe for {pn} and was right about {tn}. accuracy?",
    "the scanner raised false positives on {fp} clean files, caught {tp} malicious ones, "
    "missed {fn} and cleared {tn} clean files. precision?",
    "the alarm fired {pp} times; {fp} of those alarms were false. it missed {fn} real "
    "fires, and {all} events were logged in all. recall?",
    "fraud detection: {all} transactions, {p} of them really fraudulent. the model catches "
    "{tp} of the frauds (the other {fn} slip through), and of the {n} legit ones it wrongly "
    "flags {fp}. f1?",
    # the positive class is what a detector looks for, in any of its forms
    "my pothole detector was run on {all} road images, {p} of which have potholes. it "
    "detected potholes in {pp} images, {tp} of which actually had potholes. accuracy?",
    "arrhythmia detector (2022 MIT-BIH split): {all} segments, {p} of them arrhythmic. it "
    "classified {pp} segments as arrhythmic, {tp} of them correctly. precision?",
    "a diagnostic test for strep was given to {all} children, {p} of whom have strep. it was "
    "positive for {tp} of the children with strep and for {fp} of the children without it. f1?",
    # a version is not a count; "of them" after everyone is a part of everyone
    "Toxic comment classifier v2.1: of {all} comments, {p} are toxic. It labelled {tp} of the "
    "toxic comments as toxic and {fp} clean comments as toxic. f1?",
    "a search engine returned {pp} documents, {tp} of which were relevant. the collection has "
    "{all} documents, {p} of them relevant. recall?",
    # the other class named by its place beside the positive one, and asides that only name
    "Dog is my positive class. Test set: {p} dogs and {n} cats. It classified {tp} of the dogs "
    "as dogs and {fp} of the cats as dogs. f1?",
    "my model predicted 'cat' (cat is the positive class) for {pp} images and {tp} of them were "
    "actually cats. it predicted 'dog' for {pn} images and {fn} of those were actually cats. "
    "accuracy?",
    "Weld inspection: {all} welds. The test said 'defective' for {pp} welds; {tp} of those were "
    "actually defective. It said 'sound' for all the other welds, {fn} of which were actually "
    "defective. recall?",
    "The bank's fraud rules let through {pn} of {all} transactions and blocked the other {pp}. "
    "Of the blocked ones, {tp} were really fraud. Of those let through, {fn} turned out to be "
    "fraud. f1?",
    # the class a "X vs not X" task looks for; a verb of two senses ("rejects") that right
    # and the class overrule
    "A dog-vs-not-dog classifier is tested on {all} images, {p} of which contain dogs. It "
    "correctly finds {tp} of the dogs and correctly rejects {tn} of the non-dog images. "
    "accuracy?",
    # a spam folder is what the filter said; the one thing the cases "actually" are is the
    # positive class; a time is no count; cells named after their number
    "Out of {all} emails in our test set, {p} are spam. The filter moves {pp} emails to the "
    "spam folder and {tp} of those are actually spam. precision?",
    "We predict which patients get readmitted within 30 days. Test set: {all} patients, {p} "
    "were readmitted. The model flagged {pp} patients, of which {tp} were actually "
    "readmitted. accuracy?",
    "Toxicity classifier on {all} comments, {p} of them toxic. It predicted 'toxic' {pp} "
    "times, with {tp} true positives. precision?",
    # "the others", "without": the class other than the one just counted; "10 of this"
    "A home pregnancy test was used by {all} women, {p} of them pregnant. It was positive for "
    "{tp} of the pregnant ones and for {fp} of the others. specificity?",
    "Retina screening: the test set has {p} eyes with diabetic retinopathy and {n} without. "
    "It flags {tp} of the diseased eyes and {fp} healthy eyes. precision?",
    "In our clinic we make {all} covid test. {p} persons really has covid. The test say "
    "positive for {pp} persons, and {fp} of this are not sick. recall?",
    # "of them" after both classes were listed is everyone; after one group, that group
    "{all} biopsies: {p} malignant, {n} benign. The AI called {pp} of them malignant, and {tp} "
    "of those were really malignant. precision?",
    "An antigen test was evaluated on {p} infected people, {tp} of whom tested positive, and "
    "{n} uninfected people, {tn} of whom tested negative. f1?",
    # "the sick ones test positive" is no "sick test"; a false positive named after its number
    "medical test scenario: {all} patients, {p} have the disease. {tp} of the sick ones test "
    "positive; among the {n} healthy ones, {fp} test positive anyway. precision?",
    "COVID antigen study: {p} infected people, the test caught {tp} of them. {n} uninfected "
    "people, {fp} of them got a false positive. sensitivity and specificity?",
    # found and missed: of one class; background windows: the negative class
    "pedestrian detector eval: {p} pedestrians in the test windows, it found {tp} and missed "
    "{fn}. among {n} background windows it fired on {fp}. precision, recall and F1?",
    # a group of no class known, then a part of it only the positive class can be
    "Airport security: out of {all} bags, {p} contained forbidden items. The scanner missed "
    "{fn} of them and raised {fp} false alarms on clean bags. Recall?",
    # what experts say is the truth; "its labels" is what the model said
    "A hospital AI reads {all} chest X-rays. The radiologists say {p} of them show pneumonia. "
    "The AI labels {pp} X-rays as pneumonia, and {fp} of its pneumonia labels are wrong. "
    "accuracy?",
    "toxic comment filter over {all} comments: {p} were toxic. the filter removed {pp} "
    "comments, {tp} of which were toxic. precision?",
    # what the model said of a class just counted, fewer than it holds
    "Sir my classifier of spam have this: spam mails {p}, it find {tp}. normal mails {n}, it say "
    "spam wrongly on {fp}. What is accuracy and F1 please?",
    # a task named with a typo; the model's picks "of them" told true "of those": of everyone;
    # the class said left unsaid ("actually were")
    "leaf disease classifer tested on {all} leafs, {p} are diseased. it said diseased for {pp} "
    "leafs, {tp} correct. whats the recall",
    "our wildlife cam took {all} pics, {p} actually had a fox. the model said fox on {pp} of them "
    "and {tp} of those really were foxes. precision n recall??",
    "promotion prediction: {p} of {all} employees got promoted. model predicted 'promoted' for "
    "{pp} employees, {tp} of those actually were. recall?",
    # the part of a sentence's group whose class is left unsaid ("really were")
    "our spam filter: out of {pp} emails flagged as spam, {tp} really were; it missed {fn} spam "
    "emails; {all} emails total. precision, recall, F1?",
    # "N were ..." right after what the model said: a part of that group ("of them" left out)
    "the buzzer said jam {pp} times, {tp} were jams. it said no jam {pn} times, {tn} were "
    "right. accuracy?",
    # a class the story says the model said and tells again; "OK" as the other class
    "the lab robot labelled {pp} samples as contaminated, and {tp} of those really were "
    "contaminated. It labelled the other {pn} as OK and {tn} of them were actually OK. give me "
    "all 4: accuracy, precision, recall, specificity",
    # "from these", "gave an alarm for"
    "In the log there were {all} sessions, from them {p} were real intrusions. The monitor gave "
    "an alarm for {pp} sessions, and {tp} from these were real intrusions. recall?",
    # "of the flagged ones"; the others, by the verb they lack; "ended up as"
    "{all} students in the cohort, the model flagged {pp} as at risk. {fp} of the flagged ones "
    "were false alarms, and it missed {fn} students who actually dropped out. accuracy?",
    "there were {p} players who got injured and {n} who didn't. The model correctly identified "
    "{tp} of the injured and correctly cleared {tn} of the healthy ones. precision?",
    "{all} orders in the test set, {p} ended up as chargebacks. The model predicted chargeback "
    "for {pp} orders and was right on {tp} of them. f1?",
    # only the class looked for is caught; the class said beats the detector's own name
    "the checker saw {all} logins, {p} were account takeovers and {n} were legit. it caught "
    "{tp} of the takeovers and correctly passed {tn} of the legit ones. precision?",
    "bird song detector: {p} clips contain a nightjar and the detector found {tp} of them. {n} "
    "clips have no nightjar, it said nightjar for {fp} of those. f1?",
    # a sentence's group after one of a class is of the other class; a metric asked for
    # ("false positive rate") names no class
    "Of {p} photos that really show a lynx, the camera said lynx for {tp}. Of the {n} photos "
    "showing foxes or other animals, it said lynx for {fp}. What's the false positive rate?",
    # where the model puts what it says; a class told as a verb, then by another form of it
    "checked {all} mails. the filter put {pp} in spam, {fp} of those were not spam. {fn} spams "
    "landed in the inbox. accuracy?",
    "the auction audit covered {all} bidders. {p} bidders really colluded. it flagged {pp} "
    "bidders and {tp} of the flagged were colluders. specificity?",
    # "predicted yes/no", cells labelled before their counts, what one group had and the
    # other lacked, cases called "calls"
    "frost alerts: predicted yes {pp} nights ({tp} correct), predicted no {pn} nights ({tn} "
    "correct). accuracy?",
    "tally for the detector: hits {tp}, misses {fn}, false alarms {fp}, correct rejections "
    "{tn}. f1?",
    "{p} fields had blight, {n} didn't. The drone got {tp} of the blight fields right and {tn} "
    "of the no-blight fields right. accuracy?",
    "the app labelled {pp} calls as scam. {fp} of those were legit calls, and {fn} scam calls "
    "got through. {all} calls in all. precision?",
    # a span of time is no count; a forecast names the task; "would stay" is what was said;
    # the class named by the count of what the model said
    "quake alarm over 10 years of days: {tp} hits, {fn} misses, {fp} false alarms, {tn} correct "
    "rejections. precision?",
    "hail forecast tested over {all} days. it hailed on {p} days. the model predicted hail on "
    "{pp} days and it actually hailed on {tp} of those. accuracy?",
    "the renewal model flagged {pp} members as churners, {tp} actually churned. of the {pn} it "
    "said would stay, {fn} churned anyway. accuracy?",
    "predicting comebacks in {all} games: {p} comebacks happened, we predicted {pp} comebacks "
    "and got {tp} of them right. accuracy?",
    # what the cases did is no prediction ("fish passed")
    "sonar at a weir: {all} fish passed, {p} were salmon. it called {pp} fish salmon and {tp} "
    "of those really were salmon. accuracy?",
]
# Stories that settle some counts only (no total, or two numbers a part of one another): the
# counts they settle, for the metrics that need no more
PARTIAL_SHAPES = [
    ("The intrusion detection system raised {pp} alarms last week, {fp} of them were false. "
     "It also missed {fn} real intrusions. precision and recall?", ("tp", "fp", "fn")),
    ("The storm warning system issued {pp} warnings over the year and {tp} of them were "
     "followed by an actual storm. There were {p} storms in total. precision and recall?",
     ("tp", "fp", "fn")),
    ("A search query returns {pp} documents, {tp} of which are relevant. The collection "
     "contains {p} relevant documents for this query. precision and recall?",
     ("tp", "fp", "fn")),
    ("Our fraud model caught {tp} of the {p} fraud cases in the test month. recall?",
     ("tp", "fn")),
    ("The hospital sepsis alert fired {pp} times in a month, but only {tp} of those alerts "
     "were real sepsis. precision?", ("tp", "fp")),
    ("the umpire aid flagged {pp} serves as faults, {fp} werent. missed {fn} faults. precision "
     "and recall?", ("tp", "fp", "fn")),
    ("the model flagged {pp} patients as likely to relapse, {tp} actually relapsed. {fn} other "
     "patients relapsed that it didn't flag. precision and recall?", ("tp", "fp", "fn")),
    ("the microphone raised {pp} alerts, {tp} were real gunshots, and rangers logged {fn} "
     "gunshots it never alerted on. precision and recall?", ("tp", "fp", "fn")),
]


def _story(shape: str, tp: int, fp: int, tn: int, fn: int) -> str:
    return shape.format(tp=tp, fp=fp, tn=tn, fn=fn, p=tp + fn, n=fp + tn, pp=tp + fp,
                        pn=tn + fn, all=tp + fp + tn + fn)


counts = st.integers(1, 3000)


@settings(max_examples=300, deadline=None)
@given(shape=st.sampled_from(SHAPES), tp=counts, fp=counts, tn=counts, fn=counts)
def test_every_shape_of_story_gives_back_its_counts(shape, tp, fp, tn, fn):
    story = _story(shape, tp, fp, tn, fn)
    assert counts_from_story(prepare(story)) == {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


@settings(max_examples=200, deadline=None)
@given(shape=st.sampled_from(PARTIAL_SHAPES), tp=counts, fp=counts, tn=counts, fn=counts)
def test_a_story_that_settles_some_counts_gives_back_those_and_no_others(shape, tp, fp, tn, fn):
    text, settled = shape
    story = prepare(_story(text, tp, fp, tn, fn))
    cells = {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    assert counts_settled_by_story(story) == {cell: cells[cell] for cell in settled}
    assert counts_from_story(story) is None


def test_two_numbers_said_apart_are_not_read():
    # "found 57 and missed 3": 57 may be every tumour or those found; a misreading would have
    # nothing to disagree with
    assert counts_settled_by_story(prepare("The tumour detector found 57 tumours and missed 3. "
                                           "Recall?")) is None


def test_counts_settled_by_a_story_are_worked_out_for_the_metrics_they_settle():
    request = parse_calculation("The intrusion detection system raised 120 alarms last week, "
                                "30 of them were false. It also missed 10 real intrusions. "
                                "Compute precision and recall.")
    assert request.args == {"tp": 90, "fp": 30, "fn": 10}
    assert request.asks == SOME_METRICS


def test_a_story_read_is_worked_out_in_chat_saying_how_it_was_read():
    request = parse_calculation("42 cases were flagged and really sick, 9 were flagged but "
                                "healthy, 6 sick ones were missed and 143 healthy were "
                                "correctly cleared. precision and recall?")
    assert request.args == {"tp": 42, "fp": 9, "tn": 143, "fn": 6} and request.complete
    assert "TP = 42, FP = 9, TN = 143, FN = 6, as I read your description" in request.assumed


# Stories with shares: a percentage is a part of a group (everyone, a class, the group just
# named, or the number after "of"), or a rate named by its metric. {k} scales the story so that
# every share is a whole count: {all} = 100k people, {q}% of them positive.
SHARE_SHAPES = [
    "Of {all} patients, {q}% have the disease; the test finds {tp} of them and wrongly flags "
    "{fp} healthy ones. What are the recall and the precision?",
    "{q}% of {all} parts are defective; inspection flags {pp} parts, {tp} of which are "
    "actually defective. recall?",
    "{q}% of {all} transactions are fraudulent. The model catches {tp} of the frauds and flags "
    "{fp} legitimate ones as fraud. Precision?",
    "Of {all} test images, {q}% are cats. The classifier says 'cat' for {pp} images, {tp} of "
    "which really are cats. Recall and precision for the cat class?",
]


@st.composite
def _shared_out(draw):
    k, q = draw(st.integers(1, 40)), draw(st.integers(1, 99))
    everyone, positives = 100 * k, q * k
    tp = draw(st.integers(0, positives))
    fp = draw(st.integers(0, everyone - positives))
    return k, q, tp, fp, everyone - positives - fp, positives - tp


@settings(max_examples=200, deadline=None)
@given(shape=st.sampled_from(SHARE_SHAPES), counts=_shared_out())
def test_a_share_of_a_group_is_a_count_of_that_group(shape, counts):
    k, q, tp, fp, tn, fn = counts
    if tp + fp == 0:
        return   # "flags 0 parts, 0 of which ...": no story anyone tells
    story = shape.format(q=q, all=100 * k, tp=tp, fp=fp, pp=tp + fp)
    assert counts_from_story(prepare(story)) == {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


@settings(max_examples=200, deadline=None)
@given(k=st.integers(1, 5), prevalence=st.integers(1, 99), sensitivity=st.integers(1, 99),
       specificity=st.integers(1, 99))
def test_rates_named_by_their_metric_settle_the_counts(k, prevalence, sensitivity, specificity):
    everyone = 10_000 * k
    positives, negatives = 100 * k * prevalence, 100 * k * (100 - prevalence)
    tp, tn = positives * sensitivity // 100, negatives * specificity // 100
    story = (f"Screening {everyone} people for a condition with {prevalence}% prevalence. The "
             f"test has a sensitivity of {sensitivity}% and {specificity}% specificity. If "
             "someone tests positive, what is the probability they are sick?")
    assert counts_from_story(prepare(story)) == {
        "tp": tp, "fp": negatives - tn, "tn": tn, "fn": positives - tp}


def test_a_share_of_a_class_and_a_wrong_flag_are_read_as_the_rates_they_are():
    story = ("Screening 10,000 people for a condition with 1% prevalence. The test detects 90% "
             "of the sick and falsely flags 5% of the healthy. If someone tests positive, what "
             "is the probability they are sick?")
    assert counts_from_story(prepare(story)) == {"tp": 90, "fp": 495, "tn": 9405, "fn": 10}


def test_a_rate_asked_about_is_no_part_of_the_story():
    told = "out of 500 scans, 100 were sick. the test flagged 90, 80 of them sick."
    counts = {"tp": 80, "fp": 10, "tn": 390, "fn": 20}
    assert counts_from_story(prepare(told + " is the precision 80%?")) == counts
    assert counts_from_story(prepare(told + " the precision is 80%.")) is None  # not 80/90


def test_a_model_that_always_gives_one_answer_never_gives_the_other():
    assert counts_from_story(prepare(
        "A model that always predicts 'negative' on a test set of 990 negatives and 10 "
        "positives. Accuracy? Recall?")) == {"tp": 0, "fp": 0, "tn": 990, "fn": 10}
    # the one answer said as "not" the other
    assert counts_from_story(prepare(
        "lol our fraud model just predicts 'not fraud' for every one of the 5000 transactions. "
        "50 of them were fraud. what's its accuracy and its recall?")) == {
        "tp": 0, "fp": 0, "tn": 4950, "fn": 50}
    # "for everything": it had been left to the matcher
    assert counts_from_story(prepare(
        "my model just predicts 'negative' for everything. test set has 95 negatives and 5 "
        "positives. what's the accuracy?")) == {"tp": 0, "fp": 0, "tn": 95, "fn": 5}


def test_what_follows_a_whole_is_said_of_its_part():
    # "as spam" and "were defective" belong to the 30 and the 45, not to the 900 and the 2000
    assert counts_from_story(prepare(
        "Out of 100 spam emails our filter caught 90. It also flagged 30 of the 900 legit "
        "emails as spam. What are the precision and recall?")) == \
        {"tp": 90, "fp": 30, "tn": 870, "fn": 10}
    assert counts_from_story(prepare(
        "45 of the 2000 parts were defective. inspection flagged 50 parts, 40 of which were "
        "actually defective. recall?")) == {"tp": 40, "fp": 10, "tn": 1945, "fn": 5}


def test_shares_of_what_the_model_said_and_rates_named_before_their_value_are_placed():
    # 76% of the rejected (not of the defaulters): 250 rejected, 190 of them defaulters
    assert counts_from_story(prepare(
        "There are 1,000 loan applications and 20% of them would default. The model rejects "
        "25% of all applications, and 76% of the rejected applications are indeed defaulters. "
        "What are the accuracy and the recall for defaulters?")) == {
        "tp": 190, "fp": 60, "tn": 740, "fn": 10}
    # a false positive rate is a share of the negatives (50,000), not of everyone
    assert counts_from_story(prepare(
        "Our bank has 1,000 fraudulent and 50,000 legitimate transactions. The fraud model "
        "catches 85% of the fraudulent ones and has a false positive rate of 2.3%. "
        "Precision?")) == {"tp": 850, "fp": 1150, "tn": 48850, "fn": 150}


def test_a_class_treated_as_the_positive_one_is_so_even_when_it_is_usually_negative():
    assert counts_from_story(prepare(
        "For once we treat 'healthy' as the positive class. 200 people: 150 healthy, 50 sick. "
        "The model said 'healthy' for 125 people, and 120 of them were truly healthy. "
        "precision?")) == {"tp": 120, "fp": 5, "tn": 45, "fn": 30}


def test_the_others_are_the_class_other_than_the_one_just_counted():
    # once asked back ("classes the reader does not know"): "other bags" beside bags with
    # prohibited items are the bags without
    assert counts_from_story(prepare(
        "the scanner flagged 14 bags with prohibited items and 86 other bags. 3 bags with "
        "prohibited items got through, 2897 other bags passed. precision?")) == {
        "tp": 14, "fp": 86, "tn": 2897, "fn": 3}


def test_a_class_said_and_then_told_as_the_truth_is_the_positive_one():
    assert counts_from_story(prepare(
        "We have 200 images. Model is saying cat for 70 of them, and among these 60 is really "
        "cat. In total there is 80 cat images. Please what is the recall and precision?")) == \
        {"tp": 60, "fp": 10, "tn": 110, "fn": 20}


_FRACTION_WORDS = {2: ("1", "half"), 3: ("2", "thirds"), 4: ("3", "quarters"),
                   5: ("4", "fifths"), 10: ("7", "tenths")}


@settings(max_examples=100, deadline=None)
@given(denominator=st.sampled_from(sorted(_FRACTION_WORDS)), k=st.integers(1, 50),
       fp=st.integers(0, 500), tn=st.integers(1, 5000))
def test_a_fraction_in_words_is_a_share_never_its_numerator(denominator, k, fp, tn):
    # "it caught two thirds of them" was read as 2 caught
    count, name = _FRACTION_WORDS[denominator]
    positives = denominator * k
    tp = positives * int(count) // denominator
    everyone = positives + fp + tn
    story = (f"our detector looked at {everyone} transactions, {positives} were fraud. it "
             f"caught {count} {name} of them. it also flagged {fp} legit transactions. "
             "precision?")
    assert counts_from_story(prepare(story)) == {"tp": tp, "fp": fp, "tn": tn,
                                                 "fn": positives - tp}


def test_a_third_or_half_of_a_group_is_its_share():
    story = ("our detector looked at 300 transactions, 90 were fraud. it caught {} of them. it "
             "also flagged 21 legit transactions. precision?")
    assert counts_from_story(prepare(story.format("a third"))) == {
        "tp": 30, "fp": 21, "tn": 189, "fn": 60}
    assert counts_from_story(prepare(story.format("half"))) == {
        "tp": 45, "fp": 21, "tn": 189, "fn": 45}


def test_the_rest_of_a_whole_is_the_other_class_and_the_whole_is_everyone():
    # "the rest of the 1000 were fine" was read as 1000 fine welds
    assert counts_from_story(prepare(
        "Weld inspection: 80 welds were bad, the rest of the 1000 were fine. The vision model "
        "caught 72 of the bad welds. It flagged 90 welds in total. accuracy + recall")) == {
        "tp": 72, "fp": 18, "tn": 902, "fn": 8}


def test_two_classes_named_each_with_its_side_are_the_positive_and_negative_class():
    # the brackets of "husky (positive) vs wolf (negative)" are read away before the story
    story = ("Binary classifier: husky (positive) vs wolf (negative). Test set has 60 huskies and "
             "40 wolves. It correctly labeled 51 huskies and 33 wolves. accuracy, precision?")
    assert counts_from_story(prepare(story)) == {"tp": 51, "fp": 7, "tn": 33, "fn": 9}


@settings(max_examples=200, deadline=None)
@given(tp=counts, fp=counts, tn=counts, fn=counts)
def test_a_group_no_word_names_smaller_than_a_class_counted_apart_is_the_other_class(
        tp, fp, tn, fn):
    # "4 people carried weapons ... 996 unarmed people": the 4 cannot be everyone
    if tp + fn > fp + tn:
        tp, fp, tn, fn = fp, tp, fn, tn   # the unnamed group is the smaller one, or as large
    story = (f"Security checkpoint: {tp + fn} people carried weapons and the metal detector "
             f"beeped for {tp} of them. {fp + tn} unarmed people also went through and it beeped "
             f"for {fp} of them. sensitivity?")
    assert counts_from_story(prepare(story)) == {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


def test_genuine_before_a_class_says_really_that_class():
    # "genuine users" are the negative class, "genuine takeovers" really are takeovers
    assert counts_from_story(prepare(
        "Account-takeover detector: the evaluation set has 4,000 sessions, 1% of them "
        "takeovers. It flags 50 sessions; 30 of the flags are genuine takeovers. F1?")) == {
        "tp": 30, "fp": 20, "tn": 3940, "fn": 10}


def test_a_share_of_what_the_model_said_in_a_relative_clause_is_placed():
    # 20% of the flagged scans, not of all 2,000
    assert counts_from_story(prepare(
        "Cancer screening AI: 2,000 scans, 5% show cancer. It detected 80% of the cancers. "
        "20% of the scans it flagged were false alarms. specificity?")) == {
        "tp": 80, "fp": 20, "tn": 1880, "fn": 20}


@pytest.mark.parametrize(("story", "counts"), [
    # a class "in total among" everyone: the whole after "among the"
    ("The model flagged 50 claims as fraud, of which 40 were really fraud. There were 45 "
     "fraudulent claims in total among the 2000 we checked. f1?",
     {"tp": 40, "fp": 10, "tn": 1945, "fn": 5}),
    # the class as a verb in the past, the whole "over" the period
    ("snow model, run over 200 days. It snowed on 30 days. The model predicted snow on 25 days "
     "and was right on 20 of them. accuracy?", {"tp": 20, "fp": 5, "tn": 165, "fn": 10}),
    # the whole told on its own: "there were N ..."
    ("the fraud model missed 5 fraudulent transactions and caught 45. It also flagged 20 legit "
     "ones. There were 5,000 transactions. precision?",
     {"tp": 45, "fp": 20, "tn": 4930, "fn": 5}),
    # what a filter is named by, counted again
    ("NSFW filter: out of 1,000 uploads, 100 were NSFW. The filter blocked 90 uploads, among "
     "them 80 NSFW. recall?", {"tp": 80, "fp": 10, "tn": 890, "fn": 20}),
    # a count in thousands, "a fifth had ...", "weren't flagged at all" (no whole)
    ("bot detection: 10k accounts, 1000 of them are bots. the detector flagged 900 accounts "
     "as bots, 800 of them really bots. recall?", {"tp": 800, "fp": 100, "tn": 8900, "fn": 200}),
    ("Of 250 castings, a fifth had defects. The model caught 45 of those and flagged 15 good "
     "castings. precision?", {"tp": 45, "fp": 15, "tn": 185, "fn": 5}),
    ("Out of 500 emails, 40 were spam. The filter flagged 30 of the spam. Of the 460 legit "
     "emails, 450 weren't flagged at all. precision?",
     {"tp": 30, "fp": 10, "tn": 450, "fn": 10}),
    # "a spam dataset" is data for the task, not a count of spam
    ("We have a spam dataset of 1000 messages where 200 are spam. The filter caught 180 spam "
     "and flagged 20 ham. accuracy?", {"tp": 180, "fp": 20, "tn": 780, "fn": 20}),
    # the class as a verb in -ing
    ("We ran the model on 500 loans. 60 of them ended up defaulting. It predicted default for "
     "50 loans, 40 of those actually defaulted. recall?",
     {"tp": 40, "fp": 10, "tn": 430, "fn": 20}),
    # "a test for a disease" names what is looked for, not the class of everyone tested
    ("A screening test for a disease is applied to 800 patients, 40 of whom have the disease. "
     "The test is positive for 36 of the diseased patients and for 76 of the healthy patients. "
     "precision?", {"tp": 36, "fp": 76, "tn": 684, "fn": 4}),
    ("Hiring tool: out of 300 applicants, 30 were actually qualified. The tool shortlisted 40 "
     "people, 24 of them qualified. What's the recall for 'qualified'?",
     {"tp": 24, "fp": 16, "tn": 254, "fn": 6}),
    # counts in thousands written in words, read whole
    ("the scanner checked twenty thousand parcels, eighty of them held contraband. it flagged "
     "three hundred parcels and sixty of the flagged were real contraband. accuracy?",
     {"tp": 60, "fp": 240, "tn": 19680, "fn": 20}),
    # "In these 140, 98 ...": the group named again by its number opens its sentence (the 140
    # the model said pothole for, not a group of no class)
    ("There is 1,000 frames. The model say pothole in 140 frames. In these 140, 98 frames "
     "have pothole really, the others not. In the frames where model say no pothole, there "
     "are 14 with pothole. accuracy?", {"tp": 98, "fp": 42, "tn": 846, "fn": 14}),
])
def test_wholes_and_classes_students_name_in_their_own_ways(story, counts):
    assert counts_from_story(prepare(story)) == counts


def test_what_a_filter_sorts_is_no_class_unless_the_story_counts_it_again():
    # "a résumé filter" sorts résumés; the qualified ones are what it looks for
    assert counts_from_story(prepare(
        "A résumé filter marks candidates as 'qualified'. Of 400 applicants, 80 are really "
        "qualified. It marked 120 as qualified, and 64 of those are really qualified. F1?")) == \
        {"tp": 64, "fp": 56, "tn": 264, "fn": 16}


def test_a_story_word_with_two_letters_swapped_is_read_as_meant():
    assert parse_calculation(
        "cat vs dog (cat=positive) got 88 cats rihgt, called 12 cats dogs, called 9 dogs cats "
        "and got 91 dogs right. f1?").args == {"tp": 88, "fp": 9, "tn": 91, "fn": 12}


@pytest.mark.parametrize("story", [
    # a count the story never settles: asked, not guessed
    "the test caught 90 of 100 sick patients. what is the specificity?",
    "fraud model: 60 frauds caught, 25 false alarms. f1 score?",
    # numbers that disagree (the parts add up to more than the whole)
    "out of 50 actual positives the model caught 68; of 120 negatives it wrongly flagged 15. "
    "f1?",
    # classes the reader does not know: nothing is read rather than a guess
    "the sorter put 14 red apples and 86 green apples in bin A, 3 red apples and 2897 green "
    "ones in bin B. precision and recall?",
    # not a story of counts at all
    "my model gets 95% accuracy at epoch 10 with batch size 32 and lr 3, is that good?",
])
def test_a_story_that_does_not_settle_every_count_is_not_read(story):
    assert counts_from_story(prepare(story)) is None


def test_a_number_that_is_no_group_of_the_counts_found_stops_the_reading():
    # the 1,234 frames are placed nowhere and are no sum of cells: something was misread
    told = "out of 500 scans, 100 were sick. the test flagged 90, 80 of them sick. precision?"
    assert counts_from_story(prepare(told)) == {"tp": 80, "fp": 10, "tn": 390, "fn": 20}
    assert counts_from_story(prepare(told + " 1234 frames were logged.")) is None
    # one that is a group of them (TP + FN) is no reason to doubt
    assert counts_from_story(prepare(told + " 100 frames were logged.")) is not None


def test_a_story_with_more_numbers_than_a_confusion_matrix_needs_is_not_read():
    numbers = ", ".join(f"{n} were flagged and sick" for n in range(2, MAX_NUMBERS + 3))
    assert counts_from_story(prepare(numbers)) is None


def test_the_solver_settles_the_counts_every_whole_non_negative_solution_shares():
    tp, fp, tn, fn = ("tp",), ("fp",), ("tn",), ("fn",)
    cells = ("tp", "fp", "tn", "fn")
    assert _solve([(tp, 1), (fp, 2), (tn, 3), (fn, 4)]) == {"tp": 1, "fp": 2, "tn": 3, "fn": 4}
    # totals instead of cells, and one number more that agrees
    assert _solve([(("tp", "fn"), 10), (tp, 7), (("fp", "tn"), 20), (fp, 5), (cells, 30)]) == \
        {"tp": 7, "fp": 5, "tn": 15, "fn": 3}
    assert _solve([(("tp", "fn"), 10), (tp, 7), (("fp", "tn"), 20), (fp, 5),
                   (cells, 31)]) is None                             # one that disagrees
    # TN not settled: the three that are, for the metrics that need no TN
    assert _solve([(("tp", "fn"), 10), (tp, 7), (fp, 5)]) == {"tp": 7, "fp": 5, "fn": 3}
    assert _solve([(("tp", "fn"), 10), (("fp", "tn"), 20)]) is None    # nothing settled
    assert _solve([(("tp", "fp"), 10), (tp, 4), (("tn", "fn"), 6)]) == {"tp": 4, "fp": 6}
    assert _solve([(("tp", "fn"), 5), (tp, 7), (fp, 1), (tn, 1)]) is None   # FN = -2
    assert _solve([(("tp", "fp"), 3), (("tp", "fn"), 3), (("fp", "fn"), 3),
                   (tn, 1)]) is None                                 # halves
    assert _solve([(tp, 0), (fp, 0), (tn, 0), (fn, 0)]) is None     # nothing counted


def test_a_share_of_everyone_and_one_answer_for_every_case_are_read():
    assert counts_from_story(prepare(
        "A test is run on 2,500 people, 4% of whom have the disease. Sensitivity is 80% and "
        "specificity is 95%. How many true positives and false positives?")) == \
        {"tp": 80, "fp": 120, "tn": 2280, "fn": 20}
    assert counts_from_story(prepare(
        "My model predicts 'negative' for every one of 1000 test cases; 50 of them are actually "
        "positive. accuracy and recall?")) == {"tp": 0, "fp": 0, "tn": 950, "fn": 50}


def test_a_model_that_predicts_one_class_for_all_is_read():
    assert counts_from_story(prepare("dataset 990 negative 10 positive, my model just predicts "
                                     "negative for all. accuracy and recall?")) == \
        {"tp": 0, "fp": 0, "tn": 990, "fn": 10}


def test_a_class_counted_beside_one_that_is_not_looked_for_is_not_made_the_positive_one():
    # "genuine" is a negative word, but here the accepted genuine attempts are the positives:
    # taking the impostors for the class looked for gave the counts of the other reading
    assert counts_from_story(prepare(
        "Face unlock was tested with 1000 genuine attempts and 4000 impostor attempts. It "
        "accepted 950 genuine and 20 impostor attempts. What's the false positive rate and the "
        "recall?")) is None


def test_a_story_of_that_shape_whose_part_is_not_told_again_is_not_read():
    # "30 of this is real news": the part of the picks that is wrong, in words no list knows
    assert counts_from_story(prepare(
        "my model for detect fake news. test: 500 news, 200 are fake. model say fake to 180 "
        "news, but 30 of this is real news. what is recall?")) is None


def test_one_in_so_many_is_a_share_of_everyone():
    # "1 in 20" had been two counts, and a wrong precision worked out
    assert counts_from_story(prepare(
        "2000 apps, 1 in 20 is malicious. the scanner misses 10 of the malicious apps and flags "
        "38 clean ones. specificity & precision?")) == {"tp": 90, "fp": 38, "tn": 1862, "fn": 10}


def test_what_the_model_said_of_a_class_just_counted_is_of_that_class():
    # "it find 360" had been everything said spam, and a wrong F1 worked out
    assert counts_from_story(prepare(
        "Sir my classifier of spam have this: spam mails 400, it find 360. normal mails 1600, it "
        "say spam wrongly on 40. What is accuracy and F1 please?")) == {
        "tp": 360, "fp": 40, "tn": 1560, "fn": 40}


def test_ok_is_a_class_only_where_it_names_what_the_cases_are():
    story = ("my model predicted 'cat' (cat is the positive class) for 130 images and 117 of them "
             "were actually cats. it predicted 'dog' for 170 images and 9 of those were actually "
             "cats. accuracy?")
    counts = {"tp": 117, "fp": 13, "tn": 161, "fn": 9}
    assert counts_from_story(prepare(story)) == counts
    assert counts_from_story(prepare("ok so " + story)) == counts
    assert counts_from_story(prepare(
        "the scanner labelled 40 parts as defective, 30 of those really were defective. it "
        "labelled the other 160 as ok and 150 of them were actually ok. recall?")) == \
        {"tp": 30, "fp": 10, "tn": 150, "fn": 10}
