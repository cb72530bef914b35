"""The four counts of a confusion matrix from a story told in words.

"42 were flagged and really sick, 9 flagged but healthy, 6 sick ones were missed and 143
healthy were correctly cleared"; "of 90 sick patients 76 tested positive; of 900 healthy people
47 tested positive"; "Out of 200 emails, 60 were spam. The filter caught 51 of the spam and
flagged 12 legit ones". Each number is read as a sum of cells: the class it is about (what the
cases really are: *sick*, *spam*, *legit*) and what the model said (*flagged*, *missed*, *said
ham*, *tested positive*), either of which it may leave open (60 spam = TP + FN; 200 emails =
all four). A number that says only one of the two takes the other from the number before it
in its sentence ("said spam for 30 real spams and 5 hams": 5 hams said spam), and "right" or
"wrongly" ties the truth to the prediction. The numbers make a system of linear equations in
TP, FP, TN, FN, solved exactly; the counts are returned only when the system has exactly one
solution, in whole non-negative numbers, that every number read agrees with. Anything less
is None, and the dialogue asks for the counts by name: a metric worked out from a misread
story would be confidently wrong.

Words only, no patterns over the whole text: the message is split into tokens once, and
every rule looks at a few tokens around a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from service.core.textnorm import STOPWORDS

POS, NEG = "pos", "neg"
CELLS = ("tp", "fp", "tn", "fn")
MAX_NUMBERS = 12          # a story of a confusion matrix has four to eight numbers
MAX_COUNT = 10_000_000

_TOKEN = re.compile(r"\d++-[a-z]++|\d++(?:\.\d++)?+|[a-z]++\d*+(?:\.\d++)*+|[.;:!?,=()/%]")
_SENTENCE_END = frozenset(".;:!?")
_CLAUSE_END = _SENTENCE_END | {","}
_JOINERS = frozenset({"and", "but", "while", "whereas", "plus"})
_NEW_SUBJECT = frozenset({"it", "they", "we", "the", "which", "its", "our", "my"})

# Words that name the positive class (what a detector looks for) and the negative one. A class
# named in the message ("cat = positive", "treating defective as positive") is added to these.
POSITIVE_WORDS = frozenset("""
positive positives positve positves postive postives sick ill diseased disease infected spam
spams fraud frauds fraudulent
defective defect defects malware attack attacks intruder intruders intrusion intrusions phishing
relevant pregnant cancer cancerous malignant toxic fake liar liars lying rotten cracked crack cracks
doping active
default defaulted defaulter defaulters incident incidents pedestrian pedestrians glaucoma
glaucomatous diabetes diabetic diabetics septic sepsis covid virus tb anomalies anomaly
anomalous bad churn churned churner churners present hateful hate retinopathy dopers doper
malicious prohibited doped faulty pneumonia plagiarised plagiarized plagiarism sarcastic injured
injury injuries
drowsy readmitted compromised
""".split())
NEGATIVE_WORDS = frozenset("""
negative negatives negatve negatves healthy ham hams legit legitimate clean good fine normal
benign uninfected irrelevant controls unarmed innocent genuine inactive stayed retained absent
background stay
""".split())
# A test's outcome rather than a class of cases: "tested positive"
_OUTCOMES = frozenset({"positive", "positives", "positve", "positves", "postive", "postives"})
_NEGATIVE_OUTCOMES = frozenset({"negative", "negatives", "negatve", "negatves"})
# ... and words for any positive class: "a test for celiac disease" still looks for celiac
_GENERIC_POSITIVE = _OUTCOMES | {"disease", "diseased", "ill", "sick", "defect", "defects",
                                 "defective", "anomaly", "anomalies", "anomalous", "incident",
                                 "incidents", "present", "bad"}
# "not spam", "non-toxic", "without tb": the other class
_NEGATORS = frozenset({"not", "non", "without", "no"})
# What the model said, by a verb that means one answer
PREDICTED_POSITIVE = frozenset("""
flagged flag flags caught catch catches detected detect detects rejected rejects referred
alerted alerts fired beeped quarantined retrieved returned recalled accused kicked threw
returns retrieves
identified triggered alert fire fires thrown blocked block blocks finds find
shortlisted shortlists removed removes deleted banned
""".split())
PREDICTED_NEGATIVE = frozenset("""
missed miss misses passed pass cleared ignored unflagged overlooked accepted
""".split())
# Who says the truth: "the radiologists say 120 of them show pneumonia" is no prediction
_TRUTH_TELLERS = frozenset({"radiologists", "radiologist", "doctors", "doctor", "experts",
                            "expert", "annotators", "annotator", "pathologists", "pathologist",
                            "labellers", "labelers", "reviewers", "moderators", "humans",
                            "clinicians", "biopsy", "biopsies", "inspectors", "auditors"})
# What the model is called before a verb that says what it said only of a model ("it found 230")
_THE_MODEL = frozenset({"it", "model", "detector", "classifier", "system", "filter", "scanner",
                        "network", "algorithm", "ai", "app", "tool", "net"})
# Verbs that also say what the cases were: only a positive can be missed or caught
_TRUTH_OF_VERB = {"missed": POS, "miss": POS, "misses": POS, "overlooked": POS, "caught": POS,
                  "catch": POS, "catches": POS}
# "let through", "got through", "slipped through": said negative
_THROUGH = frozenset({"let", "got", "slipped", "lets", "gets", "slips", "slip", "get", "sneak",
                      "sneaked", "snuck"})
# What the model said, by a verb followed by the class it said ("said spam", "labelled cat",
# "tested positive", "came back negative", "gave a positive result")
_SAID = frozenset("""
said says say saying labelled labeled labels predicted predicts predict classified called calls
graded
tested came gave marked mark marks
""".split())
# The truth, said outright ("really sick", "actually spam", "turned out to be bad")
_TRUTH = frozenset({"actual", "actually", "really", "real", "truly", "true", "reality", "turned",
                    "confirmed", "had", "have", "has", "with", "actualy", "realy"})
_TRUTH_TOLD = frozenset({"actually", "really", "truly", "actualy", "realy"})
# A test's outcome: "was negative for 131", "76 test positive", "came back positive"
_OUTCOME_BEFORE = frozenset({"was", "were", "is", "are", "test", "tests", "tested", "came", "back",
                             "comes", "returned"})
RIGHT = frozenset({"correctly", "correct", "right", "rightly", "accurately"})
WRONG = frozenset({"wrongly", "wrong", "incorrectly", "falsely", "mistakenly", "erroneously",
                   "misclassifies", "misclassified", "misclassify", "mislabels", "mislabeled",
                   "mislabelled", "misidentified", "misses"})
# A number about everyone: "1000 patients in total", "out of 200 emails"
_ALL = frozenset({"total", "overall", "altogether", "all", "whole", "entire", "collection",
                  "corpus", "dataset", "population", "samples", "cases"})
_GROUP_START = frozenset({"of", "among", "from"})
# words after a number that do not make it a count of everyone
_NOT_EVERYONE = frozenset({"times", "time", "percent", "fps", "days", "minutes", "hours", "were",
                           "was", "are", "is", "had", "have", "of", "did", "false", "true"})
_FILLER = frozenset({"a", "an", "the", "as", "it", "them", "to", "be", "for", "back", "was",
                     "were", "result", "results", "of"})
# ... and after these, before its number
_TASK_VERBS = frozenset({"predicting", "forecasting", "spotting", "flagging", "classifying"})
# A class word before these names the task, not the cases: "a spam filter", "a covid test"
_TASK_NOUNS = frozenset("""
test tests filter filters detector detectors detection model models classifier classifiers
screening screener alert alerts system systems app scanner cutoff study scan screen rules rule
engine alarm warning dataset datasets corpus classifer classifyer detecter predictor checker
checkers spotter finder forecast forecasts nowcast
""".split())
# A class word before these is what the model said: "45 wrong positive calls", "a positive
# result"
_PREDICTION_NOUNS = frozenset("""
call calls prediction predictions result results detection detections label labels output
outputs answer answers verdict verdicts classification classifications folder folders bin queue
""".split())
# Verbs of putting cases where the model says they belong: "the filter put 110 in spam"
_PUTTING = frozenset({"put", "puts", "moved", "moves", "sent", "sends", "placed", "routed"})
# Where a model puts what it says is negative: "30 spam got into the inbox"
_NEGATIVE_PLACES = frozenset({"inbox", "inboxes"})
# "7 false detections", "88 true cases": a cell, or the positive class
_FALSE_THINGS = frozenset({"detections", "detection", "alerts", "flags", "hits", "positives",
                           "alarms", "alarm"})
_CASES = frozenset({"cases", "case", "instances", "examples", "events", "positives"})
# "raised false positives on 48 clean files": a cell named before its number
_NAMED_CELLS = {("false", "positive"): (NEG, POS), ("false", "negative"): (POS, NEG),
                ("true", "positive"): (POS, POS), ("true", "negative"): (NEG, NEG)}
# Nouns that name a cell outright: "62 hits, 18 misses, 109 correct rejections" ("11 false
# alarms" are _FALSE_THINGS)
_CELL_NOUNS = {"hits": (POS, POS), "hit": (POS, POS), "misses": (POS, NEG),
               "rejections": (NEG, NEG), "rejection": (NEG, NEG)}
# ... while alarms without "false" are what the model said ("raised 120 alarms, 30 of them
# false"): positive
_ALARMS = frozenset({"alarms", "alarm", "alerts", "alert", "warnings", "warning"})
# Two classes named as a pair: "cat vs dog", "malignant or benign", "spam/ham"
_PAIRS = frozenset({"vs", "versus", "or"})
# Years and names are not counts: "in 2021", "my 2023 project", "model v2"
_NOT_A_COUNT_BEFORE = frozenset({"v", "epoch", "epochs", "line", "lot", "version", "top",
                                 "step", "every", "within"})
# ("for every one of": no count; "readmitted within 30 days": a time, no count)
_YEAR_BEFORE = frozenset({"in", "since", "my", "our", "during", "trained"})
# ... a year when one of these follows within three words ("the 2023 test split", "(2022
# MIT-BIH split)")
_YEAR_AFTER = frozenset({"dataset", "project", "model", "data", "study", "season", "paper",
                         "split", "cohort", "catalogue", "catalog", "edition", "release",
                         "challenge", "competition", "benchmark", "census", "survey"})
# "in 2021 we ...": after "in", a year (not "in 2000 log windows", a count)
_AFTER_A_YEAR = frozenset({"we", "i", "our", "my", "the", "they", "it"})
_HOLDING = frozenset({"contains", "contain", "containing", "has", "holds", "comprises"})
# "a pothole detector", "seizure detection", "plagiarism checker": the word before names
# the positive class; "a test for strep", "screening for glaucoma": the word after "for"
_DETECTING = frozenset({"detector", "detectors", "detection", "checker", "checkers",
                        "finder", "spotter", "spotting", "warning", "warnings", "alarm",
                        "alert", "filter", "filters", "blocker"})
# a "spam filter" looks for spam, a "résumé filter" sorts résumés: what a filter is named by is
# looked for only when the story counts it again ("NSFW filter ... 250 were NSFW")
_FILTERING = frozenset({"filter", "filters", "blocker"})
# "false alarm", "early warning", "a real alert": no class before these
_NOT_LOOKED_FOR = frozenset({"false", "true", "real", "correct", "wrong", "early", "many",
                             "fake", "missed", "first", "last", "one", "single"})
_DETECTING_WHAT = frozenset({"test", "screening", "screen", "checking", "scanning"})
_NOT_A_CLASS = frozenset({"object", "objects", "sound", "face", "edge", "the", "a", "an", "my",
                          "our", "your", "this", "that", "fault", "error", "outlier", "change",
                          "language", "keyword", "event", "events", "activity", "motion"})
_STEM_FROM = 6   # a looked-for word this long also matches by its stem ("arrhythm*")
_DECIMAL = re.compile(r"\d++(?:\.\d++)?+")
# "1 in 20" as `_with_fractions_counted` writes it: a share
_ONE_IN = re.compile(r"(?<!\d)\d++/\d++")
# "3% of 2000 parts are defective", "27 of the 30 flagged were spam": the verb after a whole
# starts what is said of its part
_TAIL_VERBS = frozenset({"are", "were", "is", "was", "have", "has", "had", "as"})
# A share named by the rate it is: the cells it counts and the group it is a part of, each as
# (actual, predicted) with None for either ("a sensitivity of 90%", "5% false positive rate")
_RATES = {
    "sensitivity": ((POS, POS), (POS, None)), "sensitive": ((POS, POS), (POS, None)),
    "recall": ((POS, POS), (POS, None)), "tpr": ((POS, POS), (POS, None)),
    "specificity": ((NEG, NEG), (NEG, None)), "specific": ((NEG, NEG), (NEG, None)),
    "tnr": ((NEG, NEG), (NEG, None)), "fpr": ((NEG, POS), (NEG, None)),
    "fnr": ((POS, NEG), (POS, None)), "precision": ((POS, POS), (None, POS)),
    "ppv": ((POS, POS), (None, POS)), "prevalence": ((POS, None), (None, None)),
}
_RATE_PHRASES = {("false", "positive", "rate"): "fpr", ("false", "alarm", "rate"): "fpr",
                 ("false", "negative", "rate"): "fnr", ("miss", "rate"): "fnr",
                 ("detection", "rate"): "recall", ("hit", "rate"): "recall",
                 ("true", "positive", "rate"): "recall", ("true", "negative", "rate"): "tnr"}
_ALWAYS = frozenset({"always", "only"})
# "over ten years of days": how long, not how many cases
_SPANS_OF_TIME = frozenset({"years", "year", "months", "month", "weeks", "week", "decades",
                            "decade", "seasons"})
# "give me all 6: accuracy, ...", "all 4 metrics": how many metrics are asked, no count
_METRICS_FOLLOW = frozenset({":", "", "metrics", "metric", "numbers", "measures", "scores",
                             "stats", "?"})
# "predicts 'negative' for every one", "... for everything"
_EVERY = frozenset({"every", "everything", "everyone", "everybody", "anything", "anyone"})
# "two thirds of them", "a quarter of the 400 images", "half of those": a share, as "25%" is
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
# "of those", "of them", "of whom", "of which": the number is part of the group just named
_REFERRING = frozenset({"those", "them", "whom", "which", "these", "this"})  # "10 of this"


@dataclass
class _Number:
    value: int
    sentence: int
    actual: str | None = None
    predicted: str | None = None
    everyone: bool = False
    truth_from_prediction: str | None = None   # "right" or "wrong"
    part_of: int | None = None   # "27 of 30 intruders": the index of the whole
    whole: bool = False          # the 30 of "27 of 30 intruders"
    clause: int = 0
    joined: bool = False         # its words start with "and"/"but" ("and 5 hams")
    referring: bool = False      # "of those", "of them": part of the group before it
    header: bool = False         # "of 900 healthy people, 47 ...": the group of its sentence
    said_unknown: bool = False   # "predicted dog" with no class for dog: nothing to carry over
    implied_actual: str | None = None   # "missed 10": only positives are missed
    said_before: bool = False    # "called 62 negative reviews positive": a verb of saying first
    doubtful: bool = False       # "all but 1 of", "20 of the dopers": not read, so nothing is
    alone: bool = False          # "and 5 hams": "and" and the number's own nouns only
    truth_told: bool = False     # "48 were actually hateful": what the cases really were
    opens_with_were: bool = False   # ", 30 were real gunshots": its clause is "N were ..."
    were_not: bool = False       # "flagged 26 fouls, 8 weren't": its clause is "N weren't"
    share: Fraction | None = None   # "5% have the disease": a part of a group, not a count
    base: tuple[str, ...] | None = None   # the cells of the group a share is a part of
    the_others: bool = False     # "and 1700 without", "6 of the others": the other class
    found_by_verb: bool = False  # "it found 230": the verb of what was said right before it
    elided_truth: bool = False   # "30 of those actually were": the class said, left unsaid


def counts_from_story(text: str) -> dict[str, int] | None:
    """TP, FP, TN and FN from a prepared text that tells them in words, or None (see the
    module docstring)."""
    counts = counts_settled_by_story(text)
    return counts if counts is not None and len(counts) == len(CELLS) else None


def counts_settled_by_story(text: str) -> dict[str, int] | None:
    """The counts a story settles, all four or some of them: "the system raised 120 alarms, 30
    of them false, and missed 10 real intrusions" settles TP, FP and FN (precision and recall)
    but no TN. Every number must still be read and agree with one solution; None otherwise,
    or when fewer than two counts are settled. A story of the commonest shape whose class no
    word names is read by its shape (`_told_in_four_numbers`)."""
    tokens = _with_ok_as_a_class(
        _with_parts_listed(_with_fractions_counted(_TOKEN.findall(text))))
    # the classes are the story's, read once; each reading reads its own numbers (what one
    # carries over between them, the other must not find done)
    positive, negative = _class_words(tokens)
    told = _without_naming_asides(tokens)
    return _settled(tokens, told, positive, negative) or \
        _told_in_four_numbers(tokens, told, positive, negative)


# What says the part of the model's picks "K of them ..." is the class looked for: the truth
# said outright, or right; or a verb standing for what was said of the class ("7 of them did")
_RIGHT_SAID = frozenset({"actually", "really", "truly", "indeed", "correct", "correctly",
                         "right", "confirmed"})
_STANDING_FOR = frozenset({"did", "do", "were", "was", "had", "have"})
_WRONG_SAID = frozenset({"wrong", "wrongly", "false", "falsely",
                                                "incorrect", "incorrectly", "mistake",
                                                "mistakes", "not", "but"})
_OF_THEM = frozenset({"of", "them", "those", "which", "whom", "these", "this", "the",
                      "flagged", "ones"})


def _told_in_four_numbers(tokens: list[str], told: list[str], positive: set[str],
                          negative: set[str]) -> dict[str, int] | None:
    """"Over 90 mornings we had fog on 18. The model predicted fog on 20 mornings but only 12 of
    those were actually foggy": everyone (T), a part of it (P), what the model picked (M) and
    the part of those that is the class (K), read as TP = K, FP = M - K, FN = P - K and
    TN = T - P - M + K, when the class no word list knows is told again of the K by the truth
    ("actually", "correct"), by the words said of the P ("8 got injured ... 6 of them got
    injured") or by a verb standing for them ("7 of them did"); None for any other story.
    (`told`: the tokens without asides that name things; `positive`, `negative`: the classes'
    words.)"""
    numbers = _numbers(told, positive, negative)
    if numbers is None or len(numbers) != 4 or \
            any(number.share is not None or number.doubtful for number in numbers):
        return None
    _carry_over(numbers)
    everyone, part, picked, right = numbers
    if not everyone.everyone or part.predicted is not None or part.actual == NEG or \
            picked.predicted != POS or picked.actual is not None or not right.referring or \
            right.actual == NEG or right.truth_from_prediction == "wrong" or \
            right.predicted not in (None, POS):
        return None
    t, p, m, k = (number.value for number in numbers)
    if not (k <= m and k <= p and p < t and m < t and t - p - m + k >= 0):
        return None
    said_of_part = _words_after(tokens, numbers, 1)
    said_of_right = [w for w in _words_after(tokens, numbers, 3) if w not in _OF_THEM]
    if any(w in _WRONG_SAID for w in said_of_right):
        return None
    content = {w for w in said_of_part if w.isalpha() and w not in STOPWORDS}
    told = any(w in _RIGHT_SAID for w in said_of_right) or \
        len(said_of_right) == 1 and said_of_right[0] in _STANDING_FOR or \
        bool(content & set(said_of_right))
    return {"tp": k, "fp": m - k, "fn": p - k, "tn": t - p - m + k} if told else None


def _words_after(tokens: list[str], numbers: list[_Number], which: int) -> list[str]:
    """The words after the `which`-th number of a story up to the end of its clause (the
    numbers found in order in the tokens)."""
    at = -1
    for number in numbers[:which + 1]:
        at = next((k for k in range(at + 1, len(tokens)) if tokens[k] == str(number.value)),
                  len(tokens))
    end = next((k for k in range(at + 1, len(tokens)) if tokens[k] in _CLAUSE_END), len(tokens))
    return tokens[at + 1:end]


def _settled(tokens: list[str], told: list[str], positive: set[str],
             negative: set[str]) -> dict[str, int] | None:
    """counts_settled_by_story on the story's tokens, by the words of its numbers (arguments as
    for `_told_in_four_numbers`)."""
    numbers = _numbers(told, positive, negative)
    always = _always_said(tokens, positive, negative)
    if numbers is None or len(numbers) + (2 if always else 0) < 3 and not (
            len(numbers) == 2 and (numbers[0].part_of == 1 or numbers[1].referring)):
        # two numbers are read only as a part of a whole ("caught 40 of the 50 frauds", "fired
        # 200 times, only 50 of those real"); two said apart ("found 57 and missed 3") leave a
        # misreading nothing to disagree with
        return None
    if any(number.doubtful for number in numbers):
        return None
    _carry_over(numbers)
    facts: list = [((cell,), 0) for cell in CELLS if always and cell[1] != always[0]]
    unplaced = []
    for n, number in enumerate(numbers):
        cells = _cells(number)
        if number.share is not None:
            base = _base(number, numbers[:n], numbers)
            if cells is None or base is None or not set(cells) < set(base):
                return None   # a part of a group the reader could not place
            coefficients = {cell: Fraction(1) for cell in cells}
            for cell in base:
                coefficients[cell] = coefficients.get(cell, Fraction(0)) - number.share
            facts.append((coefficients, 0))
        elif cells is not None:
            facts.append((cells, number.value))
        else:
            unplaced.append(number.value)
    counts = _solve(facts)
    if counts is None or len(counts) < 2:
        return None
    if len(counts) < len(CELLS):
        # some counts open: a number the reader could not place cannot be checked against them
        return None if any(value > 1 for value in unplaced) else counts
    # A number the story tells but the reader could not place must still be some group of
    # the counts found ("147 from patients" = TP + FN); one that is none ("2022 MIT-BIH
    # split" taken for everyone, the 1,400 segments left over) says the story was misread.
    sums = {sum(counts[c] for c in group) for size in range(1, 5)
            for group in combinations(CELLS, size)}
    if any(value > 1 and value not in sums for value in unplaced):
        return None
    return counts


def _with_parts_listed(tokens: list[str]) -> list[str]:
    """The tokens with the parts a colon lists of a group the model said marked as its parts
    ("it rejected 50 notes: 38 fakes and 12 genuine ones" as "... 38 of them fakes and 12 of
    them genuine ones"), when they add up to it; the first such list only."""
    for n, token in enumerate(tokens):
        if token != ":":
            continue
        group = next((t for t in reversed(tokens[max(0, n - 3):n]) if t.isdigit()), None)
        said = any(t in PREDICTED_POSITIVE or t in PREDICTED_NEGATIVE
                   for t in tokens[max(0, n - 6):n])
        if group is None or not said:
            continue   # (a group the model did not say, "tested on 400: 200 x and 200 y", is
            # everyone, which its parts already are parts of)
        end = next((k for k in range(n + 1, len(tokens)) if tokens[k] in _SENTENCE_END),
                   len(tokens))
        parts = [k for k in range(n + 1, end) if tokens[k].isdigit()]
        if len(parts) < 2 or sum(int(tokens[k]) for k in parts) != int(group):
            continue
        marked = list(tokens[:n + 1])
        for k in range(n + 1, len(tokens)):
            marked.append(tokens[k])
            if k in parts:
                marked += ["of", "them"]
        return marked
    return tokens


# "labelled the other 328 as OK", "319 of them were actually ok": the OK class
_BEFORE_OK = frozenset({"as", "were", "was", "are", "is", "actually", "really", "truly", "be",
                        "said", "called", "labelled", "labeled", "marked"})


def _with_ok_as_a_class(tokens: list[str]) -> list[str]:
    """The tokens with "ok" that names what the cases are or were called written as "fine" (a
    word of the negative class); "ok so my model ..." is left alone."""
    return [("fine" if token in ("ok", "okay") and n and tokens[n - 1] in _BEFORE_OK else token)
            for n, token in enumerate(tokens)]


def _with_fractions_counted(tokens: list[str]) -> list[str]:
    """The tokens with a fraction's "a" or "half" counted ("a third of them" -> "1 third",
    "half of those" -> "1 half"), so that it is read as a share like "2 thirds"; "half" without
    "of" ("half an hour") is no share."""
    out: list[str] = []
    for n, token in enumerate(tokens):
        following = tokens[n + 1] if n + 1 < len(tokens) else ""
        if token in ("a", "one") and following in _FRACTIONS and \
                tokens[n + 2:n + 3] and (tokens[n + 2] == "of" or tokens[n + 2] in _TAIL_VERBS):
            out.append("1")   # "a third of them", "a fifth had defects"
        elif token == "half" and following == "of" and not (out and out[-1].isdigit()):
            out += ["1", "half"]
        elif token == "in" and out and out[-1].isdigit() and following.isdigit() and \
                tokens[n + 2:n + 3] and (tokens[n + 2] in _TAIL_VERBS or tokens[n + 2] == "of") \
                and 0 < int(out[-1]) < int(following) <= MAX_COUNT:
            out[-1] = f"{out[-1]}/{following}"   # "1 in 20 is malicious": a share, 1/20
        elif out and "/" in out[-1] and n and tokens[n - 1] == "in":
            continue   # the 20 of "1 in 20", taken into the share
        else:
            out.append(token)
    return out


def _class_words(tokens: list[str]) -> tuple[set[str], set[str]]:
    """The words of each class: the usual ones, and a class the message names as positive
    ("cat = positive", "'no mask' is the positive class", "treating defective as positive")."""
    positive, negative = set(POSITIVE_WORDS), set(NEGATIVE_WORDS)
    for n, token in enumerate(tokens):
        if token not in ("positive", "negative") or n == 0:
            continue
        named = None
        before = tokens[n - 1]
        if before in ("=", "(") and n >= 2 and tokens[n - 2].isalpha():
            named = tokens[n - 2]
        elif before in ("the", "my", "our") and n >= 3 and tokens[n - 2] == "is":
            named = tokens[n - 3]   # "fail is the positive class", "dog is my positive class"
        elif before == "as" and n >= 2 and tokens[n - 2].isalpha():
            named = tokens[n - 2]   # "treating defective as positive"
        elif before == "the" and n >= 3 and tokens[n - 2] == "as" and tokens[n - 3].isalpha():
            named = tokens[n - 3]   # "we treat healthy as the positive class"
        elif before == "is" and n >= 2 and tokens[n - 2].isalpha() and \
                (n + 1 == len(tokens) or not tokens[n + 1].isalpha()):
            named = tokens[n - 2]   # "(ripe is positive)"
        elif before.isalpha() and before not in STOPWORDS and _paired_class(tokens, n):
            named = before   # "husky (positive) vs wolf (negative)", its brackets read away
        if named and named not in ("class", "is", "as", "the") and named not in _RATES and \
                not (n >= 3 and tokens[n - 3] in ("positive", "negative")):
            (positive if token == "positive" else negative).add(named)
            (negative if token == "positive" else positive).discard(named)
            # "we treat healthy as the positive class": the usual words of that side go to
            # the other (sick is then negative), the outcome words ("tested positive") aside
            if token == "positive" and named in NEGATIVE_WORDS:
                usual = POSITIVE_WORDS - _OUTCOMES
                positive, negative = positive - usual, negative | usual
            elif token == "negative" and named in POSITIVE_WORDS:
                usual = NEGATIVE_WORDS - _NEGATIVE_OUTCOMES
                positive, negative = positive | usual, negative - usual
    # what a detector looks for is the positive class: "a pothole detector", "seizure
    # detection", "a test for strep", "detecting fake reviews"; a long word also in its other
    # forms ("arrhythmia detector" ... "200 arrhythmic"), by its stem marked with a final *
    # ... unless the story names a class the usual words know ("the banknote checker ... 40
    # fakes": the banknotes are what is checked, the fakes what is looked for)
    known_positive = any(_class_of(t, positive, set()) == POS for t in tokens
                         if t.isalpha() and t not in _GENERIC_POSITIVE)
    for n, token in enumerate(tokens if not known_positive else ()):
        looked_for = None
        if token in _DETECTING and n and tokens[n - 1].isalpha():
            looked_for = tokens[n - 1]
        elif token in _DETECTING_WHAT and n + 2 < len(tokens) and tokens[n + 1] == "for":
            looked_for = tokens[n + 2]      # "a test for strep", "screening for glaucoma"
        elif token in ("detecting", "detect") and n + 1 < len(tokens):
            looked_for = tokens[n + 1]      # "a model for detecting fake reviews"
        if looked_for is None or not looked_for.isalpha() or looked_for in _NOT_A_CLASS or \
                looked_for in STOPWORDS or looked_for in _NOT_LOOKED_FOR or \
                _class_of(looked_for, positive, negative) is not None:
            continue
        if sum(1 for t in tokens[n + 1:] if _class_of(t, {looked_for}, set())) == 0 and (
                token in _FILTERING or _said_class(tokens, positive, negative) is not None):
            continue   # (a "bird call detector" that said "nightjar": the nightjar is looked for)
        positive.add(looked_for)
        if len(looked_for) >= _STEM_FROM:
            positive.add(looked_for[:-2] + "*")
    # "recall for the cat class": the class a metric is asked for is the positive one
    for n in range(len(tokens) - 2):
        if tokens[n] != "for":
            continue
        named = tokens[n + 1:n + 4]
        if named[:1] == ["the"]:
            named = named[1:]
        if named[1:2] == ["class"] and named[0].isalpha() and named[0] not in STOPWORDS and \
                _class_of(named[0], positive, negative) is None:
            positive.add(named[0])
    # no class word of any kind, but one said by the model and told as the truth again ("model
    # is saying cat for 70 of them ... 60 is really cat", "labelled 200 photos as lynx ... 180
    # really were lynx"): the class looked for is positive
    if not _names_a_positive_class(tokens, positive, negative):
        word = _said_class(tokens, positive, negative)
        if word is not None:
            positive.add(word)
    # "caught 20 of the takeovers", "missed 6 of the frauds": only the class looked for is
    # caught or missed
    if not _names_a_positive_class(tokens, positive, negative):
        caught = {tokens[n + 4] for n in range(len(tokens) - 4)
                  if tokens[n] in _TRUTH_OF_VERB and tokens[n + 1].isdigit() and
                  tokens[n + 2:n + 4] == ["of", "the"] and tokens[n + 4].isalpha() and
                  tokens[n + 4] not in STOPWORDS and tokens[n + 4] not in _CASES and
                  _class_of(tokens[n + 4], positive, negative) is None}
        if len(caught) == 1:
            positive.add(caught.pop())
    # "250 cells had lightning, 4750 didn't": what one group had and the other lacked
    for n in range(3, len(tokens)):
        if tokens[n] in ("didn", "didnt") and tokens[n - 1].isdigit() and \
                tokens[n - 2] in (",", "and") and tokens[n - 3].isalpha() and \
                tokens[n - 3] not in STOPWORDS and \
                _class_of(tokens[n - 3], positive, negative) is None and \
                any(t.isdigit() for t in tokens[max(0, n - 8):n - 3]):
            positive.add(tokens[n - 3])
    # still no class looked for, but one thing the cases really are ("150 flagged, of which 90
    # were actually readmitted"): that is the positive class
    if not any(_class_of(t, positive, negative) == POS for t in tokens if t.isalpha()):
        told = set()
        for n, token in enumerate(tokens[:-1]):
            if token in _TRUTH_TOLD or token == "real" and n and tokens[n - 1] in _TAIL_VERBS:
                word = next((t for t in tokens[n + 1:n + 4] if t not in _TAIL_VERBS and
                             t not in _FILLER), None)
                if word is not None and word.isalpha() and word not in STOPWORDS and \
                        word not in RIGHT and word not in WRONG and \
                        _class_of(word, positive, negative) is None:
                    told.add(word)
        if len(told) == 1:
            word = told.pop()
            positive.add(word)
            if len(word) >= _STEM_FROM and word.endswith("ed"):
                positive.add(word[:-2] + "*")   # "really cheated" ... "were the cheaters"
        else:
            # the count of what the model said, named by its class: "we predicted 20 upsets"
            word = _said_class(tokens, positive, negative, after_counts=True)
            if word is not None:
                positive.add(word)
    # a class named positive and another counted or said beside it the same way is the other
    # class: "250 dogs and 250 cats", "predicted 'cat' for 130 ... predicted 'dog' for 170"
    named_positive = positive - POSITIVE_WORDS
    if named_positive:
        said = [tokens[n + 1] for n in range(len(tokens) - 1) if tokens[n] in _SAID]
        counted = [tokens[n + 1] for n in range(len(tokens) - 1)
                   if tokens[n].isdigit() and n >= 2 and tokens[n - 1] == "and" and
                   tokens[n - 2].isalpha() and _class_of(tokens[n - 2], named_positive, set())]
        saids = {_class_of(w, named_positive, set()) for w in said if w.isalpha()}
        others = counted + (said if POS in saids else [])
        others = {w for w in others if w.isalpha() and w not in STOPWORDS and
                  _class_of(w, positive, negative) is None}
        if len(others) == 1:
            negative.add(others.pop())
    # "80 liars and 120 truthful people": a count of the class looked for and another joined to
    # it are of the other class (not the other way round: in "1000 genuine attempts and 4000
    # impostor attempts" the impostors need not be what is looked for)
    for n in range(3, len(tokens) - 1):
        if tokens[n].isdigit() and tokens[n - 1] == "and" and tokens[n - 3].isdigit() and \
                tokens[n - 2].isalpha() and _class_of(tokens[n - 2], positive, negative) == POS:
            other = tokens[n + 1]
            if other.isalpha() and other not in STOPWORDS and \
                    _class_of(other, positive, negative) is None:
                negative.add(other)
    # "it said 'defective' for 112 welds ... it said 'ok' for the other welds": two answers
    # said the same way, one of them the positive class, the other is the negative one
    said_for = {tokens[n + 1] for n in range(len(tokens) - 2)
                if tokens[n] in _SAID and tokens[n + 2] == "for" and tokens[n + 1].isalpha()}
    if any(_class_of(w, positive, negative) == POS for w in said_for):
        others = {w for w in said_for if _class_of(w, positive, negative) is None and
                  w not in STOPWORDS}
        if len(others) == 1:
            negative.add(others.pop())
    # "a dog-vs-not-dog classifier", "spam or not spam": the class looked for is positive
    for n in range(1, len(tokens) - 2):
        if tokens[n] in _PAIRS and tokens[n + 1] in _NEGATORS and \
                tokens[n + 2] == tokens[n - 1] and tokens[n - 1].isalpha() and \
                _class_of(tokens[n - 1], positive, negative) is None:
            positive.add(tokens[n - 1])
    # a pair with one class known: the other word is the other class
    for n, token in enumerate(tokens):
        if token not in _PAIRS and token != "/" or n == 0 or n + 1 == len(tokens):
            continue
        left = tokens[n - 1] if tokens[n - 1] != ")" or n < 4 else tokens[n - 3]
        right = tokens[n + 1]
        for known, other in ((left, right), (right, left)):
            kind = _class_of(known, positive, negative)
            if kind and other.isalpha() and _class_of(other, positive, negative) is None \
                    and other not in _NEGATORS:
                (negative if kind == POS else positive).add(other)
    # "60 of 300 students dropped out. The model flagged 75, and 45 of them dropped out": what
    # is said of a part of the group the model flagged, said before of a part of everyone, is
    # the class looked for
    repeated = _said_again_of_the_flagged(tokens, positive, negative)
    if repeated is not None:
        positive.add(repeated)
    return positive, negative


def _said_class(tokens: list[str], positive: set[str], negative: set[str],
                after_counts: bool = False) -> str | None:
    """The one class no word list knows that the model is said to say ("said nightjar for 34",
    "labelled 200 photos as lynx"; with `after_counts`, "we predicted 20 upsets") and that the
    story names again, or None."""
    if after_counts:
        said = {tokens[n] for n in range(2, len(tokens))
                if tokens[n - 1].isdigit() and tokens[n - 2] in _SAID and
                _unknown_word(tokens[n], positive, negative)}
    else:
        said = {tokens[n] for n in range(1, len(tokens))
                if (tokens[n - 1] in _SAID or tokens[n - 1] in ("a", "an") and n >= 2 and
                    tokens[n - 2] in _SAID or tokens[n - 1] == "as" and
                    any(w in _SAID for w in tokens[max(0, n - 5):n - 1])) and
                _unknown_word(tokens[n], positive, negative)}
    if len(said) != 1:
        return None
    word = said.pop()
    return word if sum(1 for t in tokens if t == word or t == word + "s") >= 2 else None


def _names_a_positive_class(tokens: list[str], positive: set[str], negative: set[str]) -> bool:
    """Whether a word of the story names the positive class (a metric asked for, "false positive
    rate", names none)."""
    return any(_class_of(t, positive, negative) == POS for t in tokens
               if t.isalpha() and t not in _GENERIC_POSITIVE)


def _unknown_word(word: str, positive: set[str], negative: set[str]) -> bool:
    return word.isalpha() and word not in STOPWORDS and word not in _FILLER and \
        _class_of(word, positive, negative) is None


# Words between "of them" and what is said of them ("45 of them really dropped out")
_BEFORE_THE_PREDICATE = frozenset({"were", "was", "are", "is", "really", "actually", "truly",
                                   "had", "have", "did", "in", "fact", "turned", "out", "to"})
_OF_THE_GROUP = frozenset({"them", "those", "these", "which"})


def _said_again_of_the_flagged(tokens: list[str], positive: set[str],
                               negative: set[str]) -> str | None:
    """The word said of "K of them" right after it that the story also says right after an
    earlier number's words ("60 of 300 students dropped out"), when no class word is there;
    else None."""
    for n in range(2, len(tokens) - 1):
        if tokens[n] not in _OF_THE_GROUP or tokens[n - 1] != "of" or not tokens[n - 2].isdigit():
            continue
        k = n + 1
        while k < len(tokens) and tokens[k] in _BEFORE_THE_PREDICATE:
            k += 1
        if k == len(tokens) or not tokens[k].isalpha() or tokens[k] in STOPWORDS or \
                _class_of(tokens[k], positive, negative) is not None:
            return None
        word = tokens[k]
        # said earlier within a few words after a number
        earlier = any(tokens[m] == word and any(t.isdigit() for t in tokens[max(0, m - 4):m])
                      for m in range(n - 2))
        return word if earlier else None
    return None


def _without_naming_asides(tokens: list[str]) -> list[str]:
    """The tokens without an aside that names the classes ("predicted 'cat' (cat is the
    positive class) for 130 images": the cat there is no truth about the 130)."""
    out: list[str] = []
    aside: list[str] | None = None
    for token in tokens:
        if token == "(" and aside is None:
            aside = [token]
        elif aside is not None:
            aside.append(token)
            if token == ")":
                names = any(t in ("positive", "negative") for t in aside) and \
                    not any(t.isdigit() for t in aside)
                if not names:
                    out += aside
                aside = None
        else:
            out.append(token)
    return out + (aside or [])


_PAIRING = frozenset({"vs", "versus", ",", "and", "/"})


def _paired_class(tokens: list[str], n: int) -> bool:
    """Whether "positive" or "negative" at `n` is one of a pair of classes named each with its
    side: "husky positive vs wolf negative" (the other side two words on, or two words back)."""
    other = "negative" if tokens[n] == "positive" else "positive"
    ahead = tokens[n + 1:n + 4]
    back = tokens[max(0, n - 4):n - 1]
    return len(ahead) == 3 and ahead[0] in _PAIRING and ahead[1].isalpha() and \
        ahead[2] == other or len(back) == 3 and back[2] in _PAIRING and back[1].isalpha() and \
        back[0] == other


def _class_of(word: str, positive: set[str], negative: set[str]) -> str | None:
    """The class a word names, in the singular or plural ("spams", "huskies", "wolves") or as
    a verb ("rained", "defaulting"); "un" before a positive class ("unripe") names the negative
    one."""
    if word.startswith("un") and len(word) > 4 and word[2:] in positive:
        return NEG
    # a looked-for word's stem, kept as "arrhythm*": the word's own prefixes are looked up
    if any(word[:length] + "*" in positive for length in range(_STEM_FROM - 2, len(word) + 1)):
        return POS
    # a class learnt from the story in its plural ("18 were actually upsets") is also said in
    # the singular ("predicted an upset")
    forms = [word, word + "s", word + "es"]
    if word.endswith("s"):
        forms += [word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "f"]
    elif word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]   # "it rained on 100 days", "it snowed"
    elif word.endswith("ing") and len(word) > 5:
        forms += [word[:-3], word[:-3] + "e"]   # "90 of them ended up defaulting"
    for form in forms:
        if form in positive:
            return POS
        if form in negative:
            return NEG
    return None


def _numbers(tokens: list[str], positive: set[str], negative: set[str]) -> list[_Number] | None:
    """Every whole number with what its own words say of it; None for a text with too many.

    A number's words run back to the start of its clause and on to its end (commas and
    sentence ends close a clause); words between two numbers of one clause are split at the
    first "and"/"but" ("30 real spams and 5 hams"), else at the first word that starts a new
    subject ("80 actual positives | the model caught 68"); "27 of 30 intruders" ties the 27
    to the 30's class."""
    places = [n for n, token in enumerate(tokens) if token.isdigit() or
              _DECIMAL.fullmatch(token) and tokens[n + 1:n + 2] in (["%"], ["percent"]) or
              _ONE_IN.fullmatch(token)]
    if len(places) > MAX_NUMBERS:
        return None
    is_place = set(places).__contains__
    # "3% of 2000 parts are defective": what follows the whole's own words ("are defective")
    # is said of the part
    tails: dict[int, list[str]] = {}
    bounds = [0] * len(places)   # where each number's words before it start
    ends = [len(tokens)] * len(places)
    sentence_start_at = []   # per token, where its sentence starts: one pass, not one per number
    current = 0
    for k, token in enumerate(tokens):
        sentence_start_at.append(current)
        if token in _SENTENCE_END:
            current = k + 1
    for i, n in enumerate(places):
        start = n
        while start > 0 and not is_place(start - 1) and tokens[start - 1] not in _SENTENCE_END:
            start -= 1
        if start and is_place(start - 1):
            # not the sentence's first number: its words start at its clause
            start = n
            while start > 0 and not is_place(start - 1) and tokens[start - 1] not in _CLAUSE_END:
                start -= 1
        end = n + 1
        while end < len(tokens) and not is_place(end) and tokens[end] not in _CLAUSE_END:
            end += 1
        bounds[i], ends[i] = start, end
        if i and start == places[i - 1] + 1:
            # two numbers in one clause: split the words between them
            between = range(places[i - 1] + 1, n)
            split = next((k for k in between if tokens[k] in _JOINERS), None)
            if split is None:
                split = next((k for k in between if tokens[k] in _NEW_SUBJECT), n)
            ends[i - 1], bounds[i] = split, split
    for i in range(len(places) - 1):
        if _part_of_next(tokens, places[i], places[i + 1]):
            whole = places[i + 1]
            # ... or a class said as a verb after the whole's noun ("60 of 300 students dropped
            # out"; not "45 of the 50 diseased patients", whose class is the whole's)
            verb = next((k for k in range(whole + 1, ends[i + 1]) if tokens[k] in _TAIL_VERBS or
                         k > whole + 1 and tokens[k].endswith("ed") and
                         _class_of(tokens[k], positive, negative) is not None), None)
            if verb is not None:
                tails[i] = tokens[verb:ends[i + 1]]
                ends[i + 1] = verb
    found: list[_Number] = []
    sentence = clause = 0
    last = 0
    for i, n in enumerate(places):
        sentence += sum(1 for token in tokens[last:n] if token in _SENTENCE_END)
        clause += sum(1 for token in tokens[last:n] if token in _CLAUSE_END)
        last = n
        following_token = tokens[n + 1] if n + 1 < len(tokens) else ""
        share = None
        if _ONE_IN.fullmatch(tokens[n]):
            share = Fraction(*map(int, tokens[n].split("/")))   # "1 in 20"
        elif following_token in ("%", "percent"):
            share = Fraction(tokens[n]) / 100
            if not 0 < share < 1:
                continue
        elif following_token in _FRACTIONS and (
                tokens[n + 2:n + 3] == ["of"] or
                tokens[n + 2:n + 3] and tokens[n + 2] in _TAIL_VERBS and tokens[n] == "1"):
            share = Fraction(int(tokens[n]), _FRACTIONS[following_token])
            if not 0 < share < 1:
                return None   # "3 halves of": no share of a group, and no count either
        value = 0 if share is not None else int(tokens[n])
        if following_token in ("k", "thousand") and share is None:
            value *= 1000   # "10k accounts", "ten thousand connections"
        elif following_token == "million" and share is None:
            value *= 1_000_000
        if share is None and (
                value > MAX_COUNT or (n > 0 and tokens[n - 1] in _NOT_A_COUNT_BEFORE) or
                following_token in _SPANS_OF_TIME or
                n > 0 and tokens[n - 1] == "all" and following_token in _METRICS_FOLLOW or
                1950 <= value <= 2100 and (
                    n > 0 and tokens[n - 1] in _YEAR_BEFORE and
                    (not following_token.isalpha() or following_token in _AFTER_A_YEAR) or
                    any(t in _YEAR_AFTER for t in tokens[n + 1:n + 4]))):
            continue
        following = places[i + 1] if i + 1 < len(places) else None
        number = _Number(value, sentence, clause=clause, share=share)
        before, after = tokens[bounds[i]:n], tokens[n + 1:ends[i]] + tails.get(i, [])
        _read_words(number, before, after, positive, negative, found[-1] if found else None)
        if share is not None and not _read_share(number, tokens, n, before, after):
            continue
        number.joined = bool(before) and before[0] in _JOINERS
        number.alone = len(before) == 1
        words = [*before, *after]
        number.referring = tokens[n - 1:n] != ["("] and (any(
            a in ("of", "among", "from") and b in _REFERRING
            for a, b in zip(words, words[1:], strict=False)) or
            "including" in before[-2:])
        sentence_start = sentence_start_at[n]
        number.header = bounds[i] == sentence_start and \
            tokens[sentence_start:sentence_start + 1] in (["of"], ["out"], ["among"]) and \
            following is not None and not any(t in _SENTENCE_END for t in tokens[n:following])
        named_again = before in (["in", "these"], ["in", "those"], ["of", "these"],
                                 ["of", "those"]) and share is None
        same = next((m for m in reversed(found) if m.value == value), None) if named_again \
            else None
        if same is not None and number.actual is None and number.predicted is None:
            # "The model say pothole in 140 frames. In these 140, 98 ...": the group named again
            number.actual, number.predicted = same.actual, same.predicted
            number.everyone = same.everyone
            number.header = following is not None and \
                not any(t in _SENTENCE_END for t in tokens[n:following])
        if number.actual is None and number.predicted is None and after and \
                (after[0].isalpha() or "-" in after[0]) and after[0] not in _FILLER and \
                after[0] not in _NOT_EVERYONE and \
                (not found or n > 0 and tokens[n - 1] in _HOLDING):
            # the story's first number, or one a whole holds ("the faq contains 200 entries"),
            # of things with no class: everyone
            number.everyone = True
        elif share is None and number.actual is None and number.predicted is None and (
                not found and before[-1:] in (["over"], ["across"]) or
                before[-2:] in (["there", "were"], ["there", "are"]) and after[:1] != ["of"]):
            # "tested over 365 days", "there were 10,000 transactions": the whole the story
            # counts in
            number.everyone = True
        if following is not None and _part_of_next(tokens, n, following):
            number.part_of = len(found) + 1   # "27 of 30 intruders", "13 alarms out of 970"
        found.append(number)
    for number in found:
        if number.part_of is not None and number.part_of < len(found):
            whole = found[number.part_of]
            whole.whole = True
            if whole.actual is None and whole.predicted is None:
                whole.everyone = True   # "45 chips out of a batch of 3200"
            number.actual = number.actual or whole.actual
            number.predicted = number.predicted or whole.predicted
    return found


def _read_words(number: _Number, before: list[str], after: list[str], positive: set[str],
                negative: set[str], previous: _Number | None = None) -> None:
    """What a number's own words say: the class (the truth) and the model's answer."""
    words = [*before, *after]
    number.truth_told = any(w in _TRUTH_TOLD for w in words)
    number.opens_with_were = not before and after[:1] in (["were"], ["was"], ["had"])
    number.were_not = not before and after in (["werent"], ["weren", "t"], ["were", "not"],
                                               ["wasnt"], ["wasn", "t"], ["was", "not"])
    number.found_by_verb = bool(before) and (before[-1] in PREDICTED_POSITIVE or
                                             before[-1] == "found")
    number.elided_truth = after[-2:] in (["actually", "were"], ["really", "were"],
                                         ["truly", "were"], ["actually", "did"],
                                         ["really", "did"], ["actually", "was"])
    if len(before) >= 2 and before[-2] in _SAID and before[-1] in ("yes", "no"):
        number.predicted = POS if before[-1] == "yes" else NEG   # "predicted yes 20 days"
    for k, word in enumerate(words):
        # "let through", "let 150 legit ones through" (the number is not among the words)
        if word == "through" and any(w in _THROUGH for w in words[max(0, k - 3):k]):
            number.predicted = number.predicted or NEG
        elif word == "found" and k and words[k - 1] in _THE_MODEL:
            number.predicted = number.predicted or POS   # "it found 230" (people find truth)
        elif word in ("passed", "pass") and k == len(before) + 1 and after[0].isalpha() and \
                after[0] not in _TAIL_VERBS:
            continue   # "1,600 fish passed a weir": what the cases did, not the model
        elif word in PREDICTED_POSITIVE or word in PREDICTED_NEGATIVE:
            said = POS if word in PREDICTED_POSITIVE else NEG
            negated = bool(k) and words[k - 1] in ("not", "never", "t") or \
                k >= 2 and words[k - 1] == "to" and words[k - 2] in ("failed", "fails", "failing")
            if negated:
                said = NEG if said == POS else POS
            number.predicted = number.predicted or said
            if word in _TRUTH_OF_VERB and not negated:
                number.implied_actual = _TRUTH_OF_VERB[word]
        elif word in RIGHT:
            number.truth_from_prediction = "right"
        elif word in WRONG:
            number.truth_from_prediction = "wrong"
        elif word in _ALL and not (word == "all" and k and words[k - 1] == "at"):
            number.everyone = True   # ("weren't flagged at all": no whole)
        elif word in _NEGATIVE_PLACES:
            number.predicted = number.predicted or NEG
    # a class word: said by the model after a verb of saying ("said spam for 30", "tested
    # positive", "labelled 35 emails as spam"), else the truth ("30 real spams", "6 sick
    # ones"); after the number, only "as" or a verb of saying there makes it what was said
    # ("labelled 51 huskies": the huskies are the cases)
    # "called 62 negative reviews positive", "and 38 positive reviews negative"
    joined = previous is not None and before == ["and"]
    said_before = bool(before) and (before[-1] in _SAID or joined and previous.said_before) and \
        not (len(before) >= 2 and before[-2] in _TRUTH_TELLERS)
    number.said_before = said_before
    qualified = any(w in RIGHT or w in WRONG for w in words) or \
        joined and previous.truth_from_prediction is not None
    after_classes = sum(1 for w in after if _class_of(w, positive, negative))
    for part, marks in ((before, _SAID), (after, _SAID | {"as"})):
        classes_seen = 0
        for k, word in enumerate(part):
            kind = _class_of(word, positive, negative)
            if word == "genuine" and k + 1 < len(part) and \
                    _class_of(part[k + 1], positive, negative) is not None:
                continue   # "30 of the flags are genuine takeovers": really takeovers
            # "detected potholes in 126 images": right after the verb, the class it said
            said = _after_saying(part, k, marks) or \
                part is before and k >= 1 and part[k - 1] in PREDICTED_POSITIVE or \
                part is after and k >= 1 and part[k - 1] in ("in", "into", "to") and \
                before[-1:] and before[-1] in _PUTTING   # "put 110 in spam"
            if kind is None:
                if said and word.isalpha() and word not in _FILLER:
                    number.said_unknown = True
                continue
            if any(w in _TASK_NOUNS for w in part[k + 1:k + 3]) and \
                    part[k + 1:k + 2] not in (["ones"], ["one"]) or \
                    k >= 2 and part[k - 1] == "for" and part[k - 2] in _TASK_NOUNS or \
                    k >= 3 and part[k - 1] in ("a", "an") and part[k - 2] == "for" and \
                    part[k - 3] in _TASK_NOUNS or \
                    _names_a_pair_task(part, k):
                continue   # "a spam filter", "my toxic comment classifier", "a test for tb"
            if part is before and k and part[k - 1] in _TASK_VERBS:
                continue   # "predicting upsets in 64 matches": the task, not the 64's class
            if k and part[k - 1] in _NEGATORS or \
                    k >= 2 and part[k - 1] in _TRUTH and part[k - 2] in _NEGATORS:
                kind = NEG if kind == POS else POS   # "non-toxic", "did not have sepsis"
            # "was negative for 131", "135 were positive", "negative in 500 non-diabetics": a
            # test's outcome, unless it describes the cases ("412 positive reviews")
            outcome = word in ("positive", "negative") and (
                k and part[k - 1] in _OUTCOME_BEFORE or
                part is before and (k + 1 == len(part) or not part[k + 1].isalpha() or
                                    part[k + 1] in ("in", "for", "on", "among")))
            # "called 296 malignant": the one class after the number is what was said,
            # unless right or wrong says the words name the cases ("labeled 51 huskies")
            second = part is after and said_before and (
                classes_seen == 1 or after_classes == 1 and not qualified)
            classes_seen += 1
            # "54 of those really were defective": the truth, past its verb
            truth = k and part[k - 1] in _TRUTH or \
                k >= 2 and part[k - 1] in _TAIL_VERBS and part[k - 2] in _TRUTH_TOLD
            # "a positive result", "45 positive calls"; not "were legit calls", nor "20 scam calls
            # got through" (what was said, said by the verb)
            said_as_noun = k + 1 < len(part) and part[k + 1] in _PREDICTION_NOUNS and \
                number.predicted is None and not (k and part[k - 1] in _TAIL_VERBS)
            if (said or outcome or second or said_as_noun) and not truth:
                number.predicted = number.predicted or kind
            else:
                number.actual = number.actual or kind
    # "all but 1 of the infected": a count the other way round; "20 of the dopers": a part of a
    # group whose class is not known. Either would be read as something else, so the story
    # is not read at all.
    if before[-2:] == ["all", "but"]:
        number.doubtful = True
    group = [w for w in after[:3] if w not in ("of", "the", "those", "these", "its", "their") and
             w not in _TRUTH_TOLD]   # "180 of those really were lynx", "20 of its labels"
    if after[:1] == ["of"] and group and group[0].isalpha() and \
            _class_of(group[0], positive, negative) is None and group[0] not in _REFERRING and \
            group[0] not in _CASES and group[0] not in _ALL and group[0] not in _TAIL_VERBS and \
            group[0] not in PREDICTED_POSITIVE:   # "35 of the flagged ones": the model's picks
        number.doubtful = number.actual is None and number.predicted is not None
    # "the rest of the 1000 were fine": the 1000 is everyone, the rest the class it names
    if before[-3:] == ["rest", "of", "the"] or before[-2:] == ["rest", "of"]:
        number.actual = number.predicted = None
        number.everyone = True
    # "6 of the others", "9500 other utterances", "1700 without": the class other than the
    # one just counted
    # "40 players who got injured and 160 who didn't": the others, by the verb they lack
    if number.actual is None and (any(w in ("other", "others") for w in after[:4]) or
                                  after[:1] == ["without"] and len(after) == 1 or
                                  after in (["who", "didn", "t"], ["that", "didn", "t"],
                                            ["didn", "t"], ["who", "did", "not"])):
        number.the_others = True
    # "76 of the people without it": the negative class, named by its absence
    if number.actual is None and any(a == "without" and b in ("it", "them")
                                     for a, b in zip(words, words[1:], strict=False)):
        number.actual = NEG
    # the cell named outright ("18 misses", "11 false alarms"), right after the number
    first = after[0] if after else ""
    if first in _ALARMS or before[-2:-1] and before[-2] in _ALARMS and before[-1] == "for":
        number.predicted = number.predicted or POS   # "12 alarms", "gave an alarm for 167"
    cell = _CELL_NOUNS.get(first) or \
        _CELL_NOUNS.get(after[1] if len(after) > 1 and after[0] in ("false", "correct") else "")
    if len(after) > 1 and after[0] == "false" and after[1] in _PREDICTION_NOUNS | _FALSE_THINGS:
        cell = (NEG, POS)                 # "7 false detections"
    named_before = [_NAMED_CELLS.get((a, b.rstrip("s"))) for a, b in zip(before, before[1:],
                                                                          strict=False)]
    cell = cell or next((c for c in reversed(named_before) if c), None)
    if cell is None and not after and before:
        # "hits 140, misses 35, false alarms 20, correct rejections 805": a label, then its count
        if before[-1] in _CELL_NOUNS and (len(before) == 1 or before[-2] not in _NOT_LOOKED_FOR
                                          or before[-2] == "correct"):
            cell = _CELL_NOUNS[before[-1]]
        elif before[-2:-1] == ["false"] and before[-1] in _FALSE_THINGS:
            cell = (NEG, POS)
    if any(a in ("were", "was") and b == "false" for a, b in zip(words, words[1:], strict=False)):
        number.truth_from_prediction = "wrong"   # "17 of those triggers were false"
    if cell:
        number.actual, number.predicted = cell
    elif len(after) > 1 and (after[0], after[1].rstrip("s")) in _NAMED_CELLS:
        number.actual, number.predicted = _NAMED_CELLS[(after[0], after[1].rstrip("s"))]
    elif len(after) > 1 and after[0] == "true" and after[1] in _CASES:
        number.actual = POS               # "88 true cases detected"
    elif (later := next((_NAMED_CELLS[pair] for pair in
                         ((a, b.rstrip("s")) for a, b in zip(after, after[1:], strict=False))
                         if pair in _NAMED_CELLS), None)) is not None:
        number.actual, number.predicted = later   # "22 of them got a false positive"


def _names_a_pair_task(words: list[str], k: int) -> bool:
    """Whether the class word at k opens a pair that names a task: "a dog vs not dog
    classifier", "a cat / dog model"."""
    j = k + 1
    while j < len(words) and j <= k + 4 and (words[j] in _PAIRS or words[j] in _NEGATORS or
                                             words[j] in ("/", words[k])):
        j += 1
    return j > k + 1 and j < len(words) and words[j] in _TASK_NOUNS


# "flagged 45 people as likely to quit": what was said, hedged
_HEDGES = frozenset({"likely", "probable", "probably", "possible", "potential", "suspected",
                     "would", "will"})


def _after_saying(words: list[str], k: int, marks: frozenset[str]) -> bool:
    """Whether the word at k follows a verb of saying (or another of `marks`), past a few
    filler words; "ended up as", "turned out as" tell the truth instead."""
    j = k - 1
    while j >= 0 and (words[j] in _FILLER or words[j] in _NEGATORS or words[j] in _HEDGES) and \
            words[j] not in marks:
        j -= 1
    return j >= 0 and words[j] in marks and not (
        words[j] == "as" and j and words[j - 1] in ("up", "out"))


def _smaller_than_a_class_is_the_other(numbers: list[_Number]) -> None:
    """A group read as everyone, no larger than a group of one class the story counts apart, is
    the other class: "4 people carried weapons ... 996 unarmed people" (no word said what the
    4 were, but everyone cannot be fewer than the unarmed, nor just as many)."""
    for number in numbers:
        if not number.everyone or number.actual is not None or number.predicted is not None:
            continue
        larger = [m for m in numbers if m is not number and m.value >= number.value and
                  m.actual is not None and m.predicted is None and not m.referring and
                  m.part_of is None]
        if larger and len({m.actual for m in larger}) == 1:
            number.everyone, number.actual = False, _other(larger[0].actual)


def _carry_over(numbers: list[_Number]) -> None:
    """What a number leaves open comes from the number it goes with: the one before it in its
    clause ("said spam for 30 real spams and 5 hams": the 5 were said spam too), the group
    its sentence opened with ("of 900 healthy people, 47 tested positive"), or the group it
    says it is part of ("it quarantined 95 files, 88 of them malware"). "Right" and "wrongly"
    tie the truth to the prediction, and carry over only to a number joined by "and"."""
    _smaller_than_a_class_is_the_other(numbers)
    # "Of 60 photos that really show a wolf, ... Of the 540 photos showing dogs ...": a group
    # a sentence opens with, after one of a class, is of the other class
    headers = [number for number in numbers if number.header]
    for first, second in zip(headers, headers[1:], strict=False):
        if first.actual is not None and first.predicted is None and second.actual is None and \
                second.predicted is None and not second.everyone and \
                second.sentence != first.sentence:
            second.actual = _other(first.actual)
    header = None
    for n, number in enumerate(numbers):
        previous = numbers[n - 1] if n else None
        if number.the_others and number.actual is None:
            counted = next((m for m in reversed(numbers[:n]) if m.actual is not None), None)
            if counted is not None:
                number.actual = _other(counted.actual)
        if previous is not None and previous.sentence != number.sentence:
            header = None
        source = None
        if number.referring and previous is not None and previous.sentence == number.sentence \
                and previous.everyone and previous.actual is None and previous.predicted is None:
            pass   # "the collection has 200 documents, 35 of them relevant": part of everyone
        elif number.referring:
            source = next((m for m in reversed(numbers[:n])
                           if m.actual is not None or m.predicted is not None), None)
            listed = numbers[n - 2] if n >= 2 else None
            if source is previous and listed is not None and source.predicted is None and \
                    source.sentence != number.sentence and listed.sentence == source.sentence \
                    and listed.predicted is None and listed.actual == _other(source.actual):
                # "100 malignant, 400 benign. The AI called 120 of them malignant": both
                # classes were just listed, so "them" is everyone
                source = None
        elif number.joined and number.part_of is not None and previous is not None and \
                previous.whole and n >= 2 and numbers[n - 2].part_of == n - 1 and \
                numbers[n - 2].sentence == number.sentence:
            # "flagged 45 of the 50 sick and 30 of the 950 healthy": the part joined goes with
            # the part before (its verb), not with that part's whole
            source = numbers[n - 2]
        elif previous is not None and previous.sentence == number.sentence and \
                (previous.clause == number.clause or previous is header or
                 number.truth_from_prediction and number.actual is None and
                 number.predicted is None and previous.predicted is not None):
            # "said cat 160 times, 140 right": right or wrong of the answers just counted
            source = previous
        if number.joined and number.alone and source is previous and previous is not None and \
                number.truth_from_prediction is None and number.predicted is None:
            number.truth_from_prediction = previous.truth_from_prediction  # "and 33 wolves"
        # the group just counted by what the model said, and a part of it in the next clause
        after_said = previous is not None and previous.sentence == number.sentence and \
            previous.actual is None and previous.predicted is not None
        part_next = after_said and number.value <= previous.value and \
            previous.clause + 1 == number.clause
        if after_said and number.predicted is None and number.actual is not None and \
                (number.truth_told or number.opens_with_were and part_next) and \
                not number.everyone and not number.whole:
            # "it flagged 64 posts, 48 were actually hateful", "said jam 44 times, 33 were
            # jams": the truth about that group
            number.predicted = previous.predicted
        if part_next and number.were_not and number.actual is None and \
                number.predicted is None:
            # "flagged 26 fouls as red-card worthy, 8 weren't": what the model said was wrong
            number.predicted, number.actual = previous.predicted, _other(previous.predicted)
        if number.truth_from_prediction and source is not None and \
                number.actual is None and number.predicted is None:
            number.predicted = source.predicted   # "and was right 120 times"
        if number.truth_from_prediction:
            right = number.truth_from_prediction == "right"
            if number.predicted and number.actual and (number.predicted == number.actual) != right:
                # "correctly rejects 230 of the non-dog images": the class and right or wrong
                # say what was answered; a verb of two senses ("rejects") does not
                number.predicted = number.actual if right else _other(number.actual)
            if number.predicted and number.actual is None:
                number.actual = number.predicted if right else _other(number.predicted)
            elif number.actual and number.predicted is None:
                number.predicted = number.actual if right else _other(number.actual)
        if number.header:
            header = number
        if number.actual is None and number.implied_actual is not None:
            number.actual = number.implied_actual
        if source is None or number.everyone or number.whole:
            continue
        if number.referring:
            number.actual = number.actual or source.actual
            number.predicted = number.predicted or source.predicted
            continue
        if number.predicted is None and source.predicted is not None and \
                number.actual is not None and not number.said_unknown:
            number.predicted = source.predicted
        if number.actual is None and source.actual is not None and \
                number.predicted is not None and not number.truth_from_prediction:
            number.actual = source.actual
    # "40 contained forbidden items. The scanner missed 6 of them": a group of no class known,
    # then a part of it that only the positive class can be
    for group, part in zip(numbers, numbers[1:], strict=False):
        if part.referring and part.implied_actual is not None and group.actual is None and \
                group.predicted is None and not group.everyone and group.share is None:
            group.actual = part.implied_actual
    # "the model said fox on 140 of them and 126 of those really were foxes": the second part is
    # the truth of the first, so the first is of everyone the model looked at (not of the foxes
    # counted before it)
    for picked, right in zip(numbers, numbers[1:], strict=False):
        if picked.referring and picked.predicted == POS and picked.actual == POS and \
                right.referring and right.truth_told and right.actual == POS and \
                right.predicted == POS and right.sentence == picked.sentence and \
                right.truth_from_prediction is None and picked.truth_from_prediction is None:
            picked.actual = None
    # "model predicted 'promoted' for 40 employees, 30 of those actually were": the class said;
    # "out of 200 emails flagged as spam, 180 really were": a part of its sentence's group
    for number, previous in zip(numbers[1:], numbers, strict=False):
        if number.elided_truth and number.referring and number.actual is None and \
                previous.predicted is not None and number.predicted == previous.predicted:
            number.actual = previous.predicted
        elif number.elided_truth and previous.header and number.actual is None and \
                number.predicted is None and previous.predicted is not None and \
                previous.actual is None and number.sentence == previous.sentence and \
                number.value <= previous.value:
            number.actual = number.predicted = previous.predicted
    # "spam mails 400, it find 360": what the model said of a class just counted in the sentence,
    # fewer than the class holds
    for group, part in zip(numbers, numbers[1:], strict=False):
        if part.actual is None and part.predicted is not None and part.found_by_verb and \
                group.actual is not None and group.predicted is None and not group.everyone and \
                group.sentence == part.sentence and part.value < group.value and \
                group.share is None and part.share is None:
            part.actual = group.actual
    # "it found 230 and missed 20": what was found and what was missed are of one class, the one
    # only a miss can be of
    for found, missed in zip(numbers, numbers[1:], strict=False):
        if found.actual is None and found.predicted == POS and found.found_by_verb and \
                missed.joined and \
                missed.implied_actual is not None and missed.predicted == NEG and \
                found.sentence == missed.sentence and missed.actual == missed.implied_actual:
            found.actual = missed.implied_actual


def _part_of_next(tokens: list[str], n: int, following: int) -> bool:
    """Whether the number at n is a part of the one at `following`: "27 of 30 intruders",
    "3% of the 2000 parts", "13 alarms out of 970", "75 frauds in total among the 5000"."""
    return not any(t in _CLAUSE_END for t in tokens[n + 1:following]) and (
        tokens[following - 1] in ("of", "among") or
        tokens[following - 2:following] in (["of", "the"], ["among", "the"]))


def _read_share(number: _Number, tokens: list[str], n: int, before: list[str],
                after: list[str]) -> bool:
    """What group a share ("5%", "90 percent") is a part of, kept on the number as `base`
    (the cells, or a marker `_base` resolves); False for a share to leave out: a rate asked
    about rather than told ("is the precision 80%?")."""
    words = [*before[-4:], *after[:4]]   # "a false positive rate of 2.3%"
    rate = next((_RATE_PHRASES[p] for size in (3, 2) for k in range(len(words) - size + 1)
                 if (p := tuple(words[k:k + size])) in _RATE_PHRASES), None) or \
        next((w for w in words if w in _RATES), None)
    if rate is not None:
        end = next((t for t in tokens[n:] if t in _SENTENCE_END), "")
        if end == "?":
            return False
        (number.actual, number.predicted), (actual, predicted) = _RATES[rate]
        number.base = _cells_of(actual, predicted)
        return True
    if tokens[n + 2:n + 3] != ["of"]:
        number.base = CELLS           # "5% have the disease": a share of everyone
        return True
    group = [w for w in tokens[n + 3:n + 7] if w not in ("the", "all")][:3]
    if group and (group[0].isdigit() or _DECIMAL.fullmatch(group[0])):
        number.base = ("whole",)      # "3% of 2000 parts": the number after it
    elif group and group[0] in _REFERRING:
        number.base = ("referring",)  # "90% of them": the group just named
    elif group and (group[0] in PREDICTED_POSITIVE or group[0] in PREDICTED_NEGATIVE or
                    len(group) == 3 and group[1] in ("it", "they") and (
                        group[2] in PREDICTED_POSITIVE or group[2] in PREDICTED_NEGATIVE)):
        # "76% of the rejected applications are defaulters", "20% of the scans it flagged were
        # false alarms": a share of what the model said
        said = group[0] if len(group) < 3 or group[1] not in ("it", "they") else group[2]
        number.predicted = POS if said in PREDICTED_POSITIVE else NEG
        number.base = _cells_of(None, number.predicted)
    elif number.actual is not None and group and \
            group[0] not in _CASES and group[0] not in _ALL and group[0].isalpha():
        # "detects 90% of the sick", "flags 5% of the healthy": a share of a class, its own
        # words naming that class
        number.base = _cells_of(number.actual, None)
    else:
        number.base = CELLS           # "2% of transactions"
    return True


def _base(number: _Number, before: list[_Number], numbers: list[_Number]
          ) -> tuple[str, ...] | None:
    """The cells of the group a share is a part of (see `_read_share`)."""
    if number.base == ("whole",):
        whole = numbers[number.part_of] if number.part_of is not None and \
            number.part_of < len(numbers) else None
        return _cells(whole) if whole is not None and whole.share is None else None
    if number.base == ("referring",):
        source = next((m for m in reversed(before)
                       if m.actual is not None or m.predicted is not None), None)
        if source is None and any(m.everyone for m in before):
            return CELLS   # "2,500 people, 4% of whom have the disease"
        return _cells(source) if source is not None else None
    return number.base


def _always_said(tokens: list[str], positive: set[str], negative: set[str]) -> str | None:
    """The one answer of a model that always gives it ("always predicts 'negative'", "a
    detector that always flags", "predicts 'negative' for every one of 1000 cases"), or None."""
    for n, token in enumerate(tokens[:-3]):
        # ("for all the other welds", "for each of the 30" are parts, not every case)
        everything = tokens[n + 3] in _EVERY or tokens[n + 3] == "all" and (
            n + 4 == len(tokens) or tokens[n + 4] not in ("the", "other", "of", "but"))
        if token in _SAID and tokens[n + 2] == "for" and everything:
            kind = _class_of(tokens[n + 1], positive, negative)
            if kind is not None:
                return kind
        if token in _SAID and tokens[n + 1] in _NEGATORS and n + 4 < len(tokens) and \
                tokens[n + 3] == "for" and tokens[n + 4] in _EVERY | {"all"}:
            kind = _class_of(tokens[n + 2], positive, negative)   # "predicts not fraud for every"
            if kind is not None:
                return _other(kind)
    for n, token in enumerate(tokens):
        if token not in _ALWAYS or n + 1 >= len(tokens):
            continue
        verb = tokens[n + 1]
        if verb in PREDICTED_POSITIVE:
            return POS
        if verb in PREDICTED_NEGATIVE:
            return NEG
        if verb in _SAID or verb in ("outputs", "output", "guesses", "answers", "returns"):
            said = next((t for t in tokens[n + 2:n + 5] if t not in _FILLER), None)
            kind = _class_of(said, positive, negative) if said else None
            if kind is not None:
                return kind
    return None


def _other(kind: str) -> str:
    return NEG if kind == POS else POS


def _cells(number: _Number) -> tuple[str, ...] | None:
    """The cells a number adds up, or None for a number that says nothing of either."""
    if number.actual is None and number.predicted is None:
        return CELLS if number.everyone else None
    return _cells_of(number.actual, number.predicted)


_CELL_OF = {(POS, POS): "tp", (NEG, POS): "fp", (NEG, NEG): "tn", (POS, NEG): "fn"}


def _cells_of(actual: str | None, predicted: str | None) -> tuple[str, ...]:
    """The cells of a class and an answer, either of them open (None: both, so all four)."""
    return tuple(cell for (a, p), cell in _CELL_OF.items()
                 if (actual is None or a == actual) and (predicted is None or p == predicted))


def _solve(facts: list[tuple[tuple[str, ...] | dict[str, Fraction], int]]
           ) -> dict[str, int] | None:
    """The counts the facts (each: the cells that add up to a value, or each cell's
    coefficient in a sum that makes the value) settle, in whole non-negative numbers, not all
    zero: all four when the facts have one solution, else those every solution shares (the
    others left out); None for facts that disagree. Gauss-Jordan elimination over
    fractions."""
    rows = [[Fraction(cells.get(cell, 0)) if isinstance(cells, dict) else
             Fraction(int(cell in cells)) for cell in CELLS] + [Fraction(value)]
            for cells, value in facts]
    pivots = []
    for column in range(len(CELLS)):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue   # a count the facts do not settle on its own
        row = len(pivots)
        rows[row], rows[pivot] = rows[pivot], rows[row]
        rows[row] = [x / rows[row][column] for x in rows[row]]
        for r in range(len(rows)):
            if r != row and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [x - factor * y for x, y in zip(rows[r], rows[row], strict=True)]
        pivots.append(column)
    if any(row[-1] != 0 for row in rows[len(pivots):]):
        return None   # numbers that disagree: something was misread
    # a pivot's count is settled when no open count is left in its row
    counts = {CELLS[column]: rows[n][-1] for n, column in enumerate(pivots)
              if all(rows[n][c] == 0 for c in range(len(CELLS)) if c != column)}
    if any(v.denominator != 1 or v < 0 for v in counts.values()) or \
            not any(counts.values()):
        return None
    return {cell: int(v) for cell, v in counts.items()}
