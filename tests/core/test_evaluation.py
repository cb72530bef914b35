"""The matcher's figures on the evaluation sets may not drop below floors set just under what
it reaches (see the README for the figures). Ceilings for what must stay low (confidently wrong
answers). The holdouts are only reported and guarded here, never tuned on."""

from __future__ import annotations

import pytest

from service.core.dialogue import Thresholds, Tutor
from service.core.evaluation import Case, evaluate_cases, load_cases
from service.core.sessions import MemorySessionStore
from tests.paths import REPO_ROOT

ROOT = REPO_ROOT
DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
HOLDOUT = ROOT / "eval" / "holdout.yaml"
HOLDOUT_2 = ROOT / "eval" / "holdout-2.yaml"
HOLDOUT_NEW = ROOT / "eval" / "holdout-new.yaml"
HOLDOUT_CALCULATIONS = ROOT / "eval" / "holdout-calc.yaml"
HOLDOUT_CALCULATIONS_2 = ROOT / "eval" / "holdout-calc-2.yaml"
HOLDOUT_CALCULATIONS_3 = ROOT / "eval" / "holdout-calc-3.yaml"
HOLDOUT_CALCULATIONS_4 = ROOT / "eval" / "holdout-calc-4.yaml"
HOLDOUT_CALCULATIONS_5 = ROOT / "eval" / "holdout-calc-5.yaml"
# tuning sets of calculations only, written blind to the code and every other set
TRAIN_CALCULATIONS = ROOT / "eval" / "train-3.yaml"
TRAIN_CALCULATIONS_2 = ROOT / "eval" / "train-4.yaml"
TRAIN_CALCULATIONS_3 = ROOT / "eval" / "train-7.yaml"
# hard notations: grids, tables and words for confusion matrices, terse conv settings
TRAIN_NOTATIONS = ROOT / "eval" / "train-8.yaml"
# framework calls, shorthand, patches and sequences; confusion matrices told as stories
TRAIN_NOTATIONS_2 = ROOT / "eval" / "train-12.yaml"
TRAIN_STORIES = ROOT / "eval" / "train-13.yaml"
TRAIN_STACKS = ROOT / "eval" / "train-14.yaml"
TRAIN_STORIES_2 = ROOT / "eval" / "train-15.yaml"
TRAIN_ATTENTION = ROOT / "eval" / "train-16.yaml"
# notations, incomplete ones, and questions about the idea that hold numbers
TRAIN_NOTATIONS_3 = ROOT / "eval" / "train-20.yaml"
TRAIN_NOTATIONS_4 = ROOT / "eval" / "train-21.yaml"
TRAIN_NOTATIONS_5 = ROOT / "eval" / "train-22.yaml"
TRAIN_NOTATIONS_6 = ROOT / "eval" / "train-24.yaml"
# homework sheets (parts, tables, LaTeX), powers, diagonal matrices, stories with percentages
TRAIN_NOTATIONS_7 = ROOT / "eval" / "train-25.yaml"
# keyword arguments, non-square sizes, Unicode and LaTeX, heads, matrices and counts in words
TRAIN_NOTATIONS_8 = ROOT / "eval" / "train-26.yaml"
# near misses, two per entry, and in-scope questions beside them
TRAIN_NEAR_MISSES = ROOT / "eval" / "train-23.yaml"
# recurrent layers' parameters, PyTorch's attention arguments, formulas given values, stories
TRAIN_NOTATIONS_9 = ROOT / "eval" / "train-27.yaml"
# two questions per entry of the whole course in students' styles, and 80 out of scope
TRAIN_WHOLE_COURSE = ROOT / "eval" / "train-28.yaml"
# homework in parts, models' totals, disputes, recurrent layers in three notations
TRAIN_NOTATIONS_10 = ROOT / "eval" / "train-29.yaml"
# out of scope but sounding like the course, with in-scope neighbours beside them
TRAIN_SOUNDS_LIKE_THE_COURSE = ROOT / "eval" / "train-30.yaml"
# terse and second-language English, results checked, framework errors and printouts
TRAIN_NOTATIONS_11 = ROOT / "eval" / "train-31.yaml"
# the five calculators of the contract, to holdout-calc-5's brief by another writer
TRAIN_NOTATIONS_12 = ROOT / "eval" / "train-32.yaml"
# to holdout-new's brief: two questions and three near misses per second-round entry
TRAIN_SECOND_ROUND = ROOT / "eval" / "train-33.yaml"
# confusion-matrix stories by another writer, with and without a total
TRAIN_STORIES_3 = ROOT / "eval" / "train-34.yaml"
# stories by a third writer: with shares, rates, no total, classes with their own names
TRAIN_STORIES_4 = ROOT / "eval" / "train-35.yaml"
# models and layers as code, printouts and LaTeX
TRAIN_CODE = ROOT / "eval" / "train-36.yaml"
# one in-scope question and two near misses for every entry of the course
TRAIN_EVERY_ENTRY = ROOT / "eval" / "train-37.yaml"
# stories by a fourth writer: fractions in words, typos, tables, label 0 the positive class
TRAIN_STORIES_5 = ROOT / "eval" / "train-38.yaml"
# libraries' errors and arguments, in-scope questions that mention code, pasted layers
TRAIN_LIBRARIES = ROOT / "eval" / "train-39.yaml"
# near misses of five kinds (later methods, libraries, neighbouring fields, everyday senses,
# careers) beside in-scope questions
TRAIN_NEAR_MISSES_3 = ROOT / "eval" / "train-40.yaml"
# off-topic of six kinds (course words in other senses, machine learning the course leaves out,
# logistics, other languages, gibberish, other subjects) beside in-scope questions
TRAIN_OFF_TOPIC_KINDS = ROOT / "eval" / "train-41.yaml"
# calculations in students' notations, questions about the idea with numbers, incomplete ones
TRAIN_NOTATIONS_13 = ROOT / "eval" / "train-42.yaml"
# near misses of four kinds (methods by name, the same described, the course's words for
# practice it does not teach, neighbouring fields) beside in-scope questions
TRAIN_NEAR_MISSES_4 = ROOT / "eval" / "train-43.yaml"
# off-topic of five kinds (practice, methods beyond the course, other senses, administration,
# other languages) beside in-scope questions, written after train-43's topics to check them
TRAIN_OFF_TOPIC_KINDS_2 = ROOT / "eval" / "train-44.yaml"
# a semester of students: what forty of them type, in scope and not
TRAIN_SEMESTER = ROOT / "eval" / "train-45.yaml"
# homework-style calculations: word problems, lists of values, LaTeX, tables, printouts
TRAIN_HOMEWORK = ROOT / "eval" / "train-46.yaml"
# two questions per entry in six styles (terse, typos, symptoms, ELI5, a neighbour named, exam)
TRAIN_STYLES = ROOT / "eval" / "train-47.yaml"
# calculations written from the API contract alone (its words for the values)
TRAIN_CONTRACT = ROOT / "eval" / "train-48.yaml"
# students on a phone or in Slack: three questions per second-round entry, one per seed and
# concept entry, neighbours, and off-topic with the course's words
TRAIN_PHONE = ROOT / "eval" / "train-49.yaml"
# calculations as whole chat messages: context, asides, framework names, shapes and stories
TRAIN_CHAT_CALCULATIONS = ROOT / "eval" / "train-50.yaml"
# calculations from a description of the calculators: revision notes, homework, code, stories
TRAIN_DESCRIBED_CALCULATIONS = ROOT / "eval" / "train-51.yaml"
# a TA's three years of forum posts: project context, half-remembered names, misconceptions
TRAIN_FORUM = ROOT / "eval" / "train-52.yaml"
# confusion matrices told as stories by a fifth writer, 95 complete and 25 to ask back
TRAIN_STORIES_6 = ROOT / "eval" / "train-53.yaml"
# off-topic of five kinds (near misses, logistics, other languages, gibberish, everyday) beside
# the second-round entries typed on a phone
TRAIN_OFF_TOPIC_KINDS_3 = ROOT / "eval" / "train-54.yaml"
# neighbouring entries told apart: overview, detail, comparison and exam item
TRAIN_NEIGHBOURS = ROOT / "eval" / "train-55.yaml"
# near misses from topics no entry covers, and in-scope questions near the course's edge
TRAIN_EDGE = ROOT / "eval" / "train-56.yaml"
# calculations in students' notations, 26 per calculator, incomplete ones and ideas with numbers
TRAIN_NOTATIONS_PER_CALCULATOR = ROOT / "eval" / "train-57.yaml"
# written to the new holdout's brief: every id, terse to symptom, symbolic seed questions, pairs
TRAIN_HOLDOUT_BRIEF = ROOT / "eval" / "train-58.yaml"
# whole small networks: code, summaries, tables, chains and words; sizes, flatten lengths, totals
TRAIN_WHOLE_MODELS = ROOT / "eval" / "train-59.yaml"
# confusion-matrix stories in whole counts, a fresh blind set (classes no word list knows)
TRAIN_STORIES_7 = ROOT / "eval" / "train-60.yaml"
# ... and another, taken after the nineteenth session's story work (42% on arrival)
TRAIN_STORIES_8 = ROOT / "eval" / "train-61.yaml"

FLOORS = {
    DEV: {"in-scope top-1": 0.95, "in-scope answered": 0.95, "out-of-scope rejection": 0.98,
          "calculation accuracy": 1.0, "in-scope MRR@3": 0.95},
    HOLDOUT: {"in-scope top-1": 0.99, "in-scope answered": 0.97, "out-of-scope rejection": 0.98,
              "calculation accuracy": 0.98, "in-scope MRR@3": 0.97},
    HOLDOUT_2: {"in-scope top-1": 0.96, "in-scope answered": 0.95,
                "out-of-scope rejection": 0.98, "calculation accuracy": 0.94,
                "in-scope MRR@3": 0.96},
    HOLDOUT_NEW: {"in-scope top-1": 0.945, "in-scope answered": 0.92,
                  "out-of-scope rejection": 0.91, "calculation accuracy": 0.86,
                  "in-scope MRR@3": 0.96},
    HOLDOUT_CALCULATIONS: {"calculation accuracy": 0.98},
    HOLDOUT_CALCULATIONS_2: {"calculation accuracy": 0.97,
                             "incomplete calculation not computed": 1.0},
    HOLDOUT_CALCULATIONS_3: {"calculation accuracy": 0.71,
                             "incomplete calculation not computed": 0.9},
    HOLDOUT_CALCULATIONS_4: {"calculation accuracy": 0.94,
                             "incomplete calculation not computed": 1.0,
                             "conceptual with numbers not computed": 0.95},
    HOLDOUT_CALCULATIONS_5: {"calculation accuracy": 0.9,
                             "incomplete calculation not computed": 1.0,
                             "conceptual with numbers not computed": 1.0},
    TRAIN_CALCULATIONS: {"calculation accuracy": 1.0},
    TRAIN_CALCULATIONS_2: {"calculation accuracy": 1.0},
    TRAIN_CALCULATIONS_3: {"calculation accuracy": 1.0},
    TRAIN_NOTATIONS: {"calculation accuracy": 0.97, "incomplete calculation not computed": 1.0},
    TRAIN_NOTATIONS_2: {"calculation accuracy": 0.98,
                        "incomplete calculation not computed": 1.0},
    TRAIN_STORIES: {"calculation accuracy": 0.71, "incomplete calculation not computed": 1.0},
    TRAIN_STACKS: {"calculation accuracy": 0.92, "incomplete calculation not computed": 1.0},
    TRAIN_STORIES_2: {"calculation accuracy": 0.68, "incomplete calculation not computed": 1.0},
    TRAIN_ATTENTION: {"calculation accuracy": 0.92, "incomplete calculation not computed": 1.0},
    TRAIN_NOTATIONS_3: {"calculation accuracy": 0.98, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_4: {"calculation accuracy": 0.96, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_5: {"calculation accuracy": 0.92, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_6: {"calculation accuracy": 1.0, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NEAR_MISSES: {"in-scope answered": 0.98, "out-of-scope rejection": 0.93},
    TRAIN_NOTATIONS_7: {"calculation accuracy": 0.88, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_8: {"calculation accuracy": 0.97, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_9: {"calculation accuracy": 0.97, "incomplete calculation not computed": 1.0,
                        "conceptual with numbers not computed": 1.0},
    TRAIN_WHOLE_COURSE: {"in-scope top-1": 0.96, "in-scope answered": 0.94,
                         "out-of-scope rejection": 1.0, "calculation accuracy": 1.0},
    TRAIN_NOTATIONS_10: {"calculation accuracy": 0.86, "incomplete calculation not computed": 1.0,
                         "conceptual with numbers not computed": 1.0},
    TRAIN_SOUNDS_LIKE_THE_COURSE: {"in-scope top-1": 0.96, "in-scope answered": 0.9,
                                   "out-of-scope rejection": 0.99},
    TRAIN_NOTATIONS_11: {"calculation accuracy": 0.94, "incomplete calculation not computed": 1.0,
                         "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_12: {"calculation accuracy": 1.0, "incomplete calculation not computed": 1.0,
                         "conceptual with numbers not computed": 1.0},
    TRAIN_SECOND_ROUND: {"in-scope top-1": 0.98, "in-scope answered": 0.96,
                         "out-of-scope rejection": 0.93},
    TRAIN_STORIES_3: {"calculation accuracy": 0.62, "incomplete calculation not computed": 1.0},
    TRAIN_STORIES_4: {"calculation accuracy": 0.63, "incomplete calculation not computed": 1.0},
    TRAIN_CODE: {"calculation accuracy": 0.68, "incomplete calculation not computed": 1.0,
                 "conceptual with numbers not computed": 1.0},
    TRAIN_EVERY_ENTRY: {"in-scope top-1": 0.98, "in-scope answered": 0.97,
                        "out-of-scope rejection": 0.90},
    TRAIN_STORIES_5: {"calculation accuracy": 0.6, "incomplete calculation not computed": 1.0},
    TRAIN_NEAR_MISSES_3: {"in-scope top-1": 0.97, "in-scope answered": 0.97,
                          "out-of-scope rejection": 0.945, "calculation accuracy": 1.0},
    TRAIN_LIBRARIES: {"in-scope top-1": 0.96, "in-scope answered": 0.8,
                      "out-of-scope rejection": 0.92, "calculation accuracy": 0.75},
    TRAIN_OFF_TOPIC_KINDS: {"in-scope top-1": 1.0, "in-scope answered": 1.0,
                            "out-of-scope rejection": 0.98},
    TRAIN_NEAR_MISSES_4: {"in-scope top-1": 1.0, "in-scope answered": 0.99,
                          "out-of-scope rejection": 0.87},
    TRAIN_OFF_TOPIC_KINDS_2: {"in-scope top-1": 0.99, "in-scope answered": 0.99,
                              "out-of-scope rejection": 0.94},
    TRAIN_SEMESTER: {"in-scope top-1": 0.98, "in-scope answered": 0.95,
                     "out-of-scope rejection": 0.98},
    TRAIN_HOMEWORK: {"calculation accuracy": 0.9, "incomplete calculation not computed": 1.0,
                     "conceptual with numbers not computed": 1.0},
    TRAIN_STYLES: {"in-scope top-1": 0.95, "in-scope answered": 0.9},
    TRAIN_CONTRACT: {"calculation accuracy": 0.98, "incomplete calculation not computed": 1.0,
                     "conceptual with numbers not computed": 1.0},
    TRAIN_NOTATIONS_13: {"calculation accuracy": 0.92, "incomplete calculation not computed": 0.96,
                         "conceptual with numbers not computed": 1.0},
    TRAIN_PHONE: {"in-scope top-1": 0.96, "in-scope answered": 0.93,
                  "out-of-scope rejection": 1.0},
    TRAIN_CHAT_CALCULATIONS: {"calculation accuracy": 0.83,
                              "incomplete calculation not computed": 0.8,
                              "conceptual with numbers not computed": 0.85},
    TRAIN_DESCRIBED_CALCULATIONS: {"calculation accuracy": 0.82,
                                   "incomplete calculation not computed": 0.8,
                                   "conceptual with numbers not computed": 0.9},
    TRAIN_FORUM: {"in-scope top-1": 0.93, "in-scope answered": 0.92, "out-of-scope rejection": 1.0},
    TRAIN_STORIES_6: {"calculation accuracy": 0.46, "incomplete calculation not computed": 0.96},
    TRAIN_OFF_TOPIC_KINDS_3: {"in-scope answered": 0.95, "out-of-scope rejection": 0.99},
    TRAIN_NEIGHBOURS: {"in-scope answered": 0.95, "calculation accuracy": 1.0},
    TRAIN_EDGE: {"in-scope answered": 0.84, "out-of-scope rejection": 0.98,
                 "calculation accuracy": 1.0},
    TRAIN_NOTATIONS_PER_CALCULATOR: {"calculation accuracy": 0.99,
                                     "incomplete calculation not computed": 1.0,
                                     "conceptual with numbers not computed": 1.0},
    TRAIN_HOLDOUT_BRIEF: {"in-scope answered": 0.96, "out-of-scope rejection": 1.0,
                          "calculation accuracy": 1.0},
    TRAIN_WHOLE_MODELS: {"calculation accuracy": 0.43, "conceptual with numbers not computed": 1.0},
    TRAIN_STORIES_7: {"calculation accuracy": 0.74, "incomplete calculation not computed": 1.0},
    TRAIN_STORIES_8: {"calculation accuracy": 0.43, "incomplete calculation not computed": 1.0},
}
CEILINGS = {
    DEV: {"in-scope confidently wrong": 0.026},
    HOLDOUT: {"in-scope confidently wrong": 0.01},
    HOLDOUT_2: {"in-scope confidently wrong": 0.028},
    HOLDOUT_NEW: {"in-scope confidently wrong": 0.033},
    # what is not computed is asked or refused, never worked out with numbers of its own
    HOLDOUT_CALCULATIONS: {"calculation computed wrong": 0.0},
    HOLDOUT_CALCULATIONS_2: {"calculation computed wrong": 0.0},
    HOLDOUT_CALCULATIONS_3: {"calculation computed wrong": 0.03},
    HOLDOUT_CALCULATIONS_4: {"calculation computed wrong": 0.0},
    HOLDOUT_CALCULATIONS_5: {"calculation computed wrong": 0.016},
    TRAIN_NOTATIONS: {"calculation computed wrong": 0.0},
    # a stack's parameters asked with its size
    TRAIN_NOTATIONS_2: {"calculation computed wrong": 0.013},
    TRAIN_STORIES: {"calculation computed wrong": 0.0},
    TRAIN_STACKS: {"calculation computed wrong": 0.0},
    TRAIN_NOTATIONS_6: {"calculation computed wrong": 0.0},
    TRAIN_NEAR_MISSES: {"in-scope confidently wrong": 0.0},
    # questions in parts, "(a) ... (b) ...", answered in part
    TRAIN_NOTATIONS_7: {"calculation computed wrong": 0.025},
    TRAIN_NOTATIONS_8: {"calculation computed wrong": 0.0},
    TRAIN_NOTATIONS_9: {"calculation computed wrong": 0.0},
    TRAIN_WHOLE_COURSE: {"in-scope confidently wrong": 0.027},
    # a pooling's floor asked beside its ceil_mode, a part whose part before was not read
    TRAIN_NOTATIONS_10: {"calculation computed wrong": 0.025},
    TRAIN_SOUNDS_LIKE_THE_COURSE: {"in-scope confidently wrong": 0.037,
                                   "out-of-scope with suggestions": 0.02},
    # a Keras model.summary() whose 896 was read as a kernel
    TRAIN_NOTATIONS_11: {"calculation computed wrong": 0.015},
    TRAIN_STORIES_2: {"calculation computed wrong": 0.0},
    # a ViT at two resolutions: the first worked out, the second not
    TRAIN_ATTENTION: {"calculation computed wrong": 0.02},
    TRAIN_NOTATIONS_3: {"calculation computed wrong": 0.0},
    TRAIN_NOTATIONS_4: {"calculation computed wrong": 0.0},
    TRAIN_NOTATIONS_5: {"calculation computed wrong": 0.0},
    TRAIN_SECOND_ROUND: {"in-scope confidently wrong": 0.019},
    TRAIN_STORIES_3: {"calculation computed wrong": 0.0},
    TRAIN_STORIES_4: {"calculation computed wrong": 0.0},
    # an LSTM's fc asked after its in_features is mended, a Dense after a missing Flatten, a
    # model.summary() row asked by its blank
    TRAIN_CODE: {"calculation computed wrong": 0.05},
    TRAIN_EVERY_ENTRY: {"in-scope confidently wrong": 0.009},
    TRAIN_STORIES_5: {"calculation computed wrong": 0.0},
    # a Conv1d's parameters given without the output length also asked
    TRAIN_LIBRARIES: {"in-scope confidently wrong": 0.0, "calculation computed wrong": 0.05},
    # RoPE answered with the sinusoidal encoding
    TRAIN_NEAR_MISSES_3: {"in-scope confidently wrong": 0.011},
    TRAIN_OFF_TOPIC_KINDS: {"in-scope confidently wrong": 0.0},
    TRAIN_NOTATIONS_13: {"calculation computed wrong": 0.012},
    TRAIN_NEAR_MISSES_4: {"in-scope confidently wrong": 0.0},
    # REINFORCE for a VAE's encoder answered with the reparameterisation trick
    TRAIN_OFF_TOPIC_KINDS_2: {"in-scope confidently wrong": 0.01},
    # "what is softplus" answered with the exam item that has softplus as an option
    TRAIN_SEMESTER: {"in-scope confidently wrong": 0.006},
    TRAIN_HOMEWORK: {"calculation computed wrong": 0.0},
    TRAIN_CONTRACT: {"calculation computed wrong": 0.0},
    TRAIN_STYLES: {"in-scope confidently wrong": 0.026},
    # a label given to the discriminator answered with the unconditional optimal one
    TRAIN_PHONE: {"in-scope confidently wrong": 0.005},
    TRAIN_CHAT_CALCULATIONS: {"calculation computed wrong": 0.0},
    # a dilated stack's first layer alone; "ResNet-50" read as a 50 x 50 kernel; 64*7*7 as 64*7;
    # one of two things asked
    TRAIN_DESCRIBED_CALCULATIONS: {"calculation computed wrong": 0.01},
    # neighbours: the overview for what a GAN is, GPT for BERT, self-attention for Q, K and V
    TRAIN_FORUM: {"in-scope confidently wrong": 0.035},
    TRAIN_STORIES_6: {"calculation computed wrong": 0.022},
    TRAIN_OFF_TOPIC_KINDS_3: {"in-scope confidently wrong": 0.008},
    # neighbours: simple-rnn for a stacked one, the exam's Q7 for a conditional GAN, the
    # stride-2 exam item for a transposed convolution's formula
    TRAIN_NEIGHBOURS: {"in-scope confidently wrong": 0.024},
    TRAIN_EDGE: {"in-scope confidently wrong": 0.0, "calculation computed wrong": 0.0},
    TRAIN_NOTATIONS_PER_CALCULATOR: {"calculation computed wrong": 0.0},
    TRAIN_HOLDOUT_BRIEF: {"in-scope confidently wrong": 0.004, "calculation computed wrong": 0.0},
    # most of them partly worked out: a size without the flatten length or the total
    TRAIN_WHOLE_MODELS: {"calculation computed wrong": 0.27},
    TRAIN_STORIES_7: {"calculation computed wrong": 0.012},
    TRAIN_STORIES_8: {"calculation computed wrong": 0.01},
}


@pytest.fixture(scope="module")
def tutor(knowledge_base, app):
    config = app.config
    thresholds = Thresholds(config["ANSWER_THRESHOLD"], config["SUGGEST_THRESHOLD"],
                            config["AMBIGUITY_MARGIN"])
    return Tutor(knowledge_base, MemorySessionStore(), thresholds)


@pytest.mark.parametrize("cases_file", list(FLOORS),
                         ids=["dev", "holdout", "holdout-2", "holdout-new", "holdout-calc",
                              "holdout-calc-2", "holdout-calc-3", "holdout-calc-4",
                              "holdout-calc-5", "train-3",
                              "train-4",
                              "train-7", "train-8", "train-12", "train-13", "train-14",
                              "train-15", "train-16", "train-20", "train-21",
                              "train-22", "train-24", "train-23", "train-25", "train-26",
                              "train-27", "train-28", "train-29", "train-30", "train-31",
                              "train-32", "train-33", "train-34", "train-35", "train-36",
                              "train-37", "train-38", "train-39", "train-40", "train-41",
                              "train-42", "train-43", "train-44", "train-45", "train-46",
                              "train-47", "train-48", "train-49",
                              "train-50", "train-51", "train-52",
                              "train-53", "train-54", "train-55", "train-56",
                              "train-57", "train-58", "train-59", "train-60",
                              "train-61"])
def test_figures_stay_above_their_floors(tutor, cases_file):
    if not cases_file.exists():
        pytest.skip(f"{cases_file} is not there (shared/ sits beside the repository in CI)")
    figures = evaluate_cases(tutor, load_cases(cases_file)).figures()
    for name, floor in FLOORS[cases_file].items():
        assert figures[name] >= floor, (name, figures[name])
    for name, ceiling in CEILINGS.get(cases_file, {}).items():
        assert figures[name] <= ceiling, (name, figures[name])


def test_a_question_about_the_idea_counts_as_right_only_when_nothing_is_computed_or_asked(tutor):
    cases = [Case("why does dilation=2 grow the receptive field without adding parameters?",
                  ("not-calculation",)),
             Case("output size of a 3x3 conv with stride 2 on a 32x32 image", ("not-calculation",)),
             Case("output size of a 3x3 conv with stride 2?", ("not-calculation",))]
    report = evaluate_cases(tutor, cases)
    # worked out, or its values asked for: both misread a question about the idea
    assert report.figures()["conceptual with numbers not computed"] == pytest.approx(1 / 3)
    assert [f.case.question for f in report.failures] == [c.question for c in cases[1:]]


def test_an_incomplete_calculation_counts_as_right_only_when_nothing_is_worked_out(tutor):
    cases = [Case("output size of a 3x3 conv with stride 2?", ("clarify",)),
             Case("what's the f1 for the confusion matrix [[12, 3], [4, 20]]", ("clarify",)),
             Case("output size of a 3x3 conv with stride 2 on a 32x32 image", ("clarify",))]
    report = evaluate_cases(tutor, cases)
    # the last one has every value it needs, so working it out is the miss
    assert report.figures()["incomplete calculation not computed"] == pytest.approx(2 / 3)
    assert [f.case.question for f in report.failures] == [cases[2].question]
