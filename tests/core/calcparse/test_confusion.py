"""A pasted confusion matrix: read by the layout the message states, asked about otherwise.

The reference is built here independently: counts are drawn, laid out in a grid by the stated
rows/columns and class order, written the way students write the statement, and the parser
must give the counts back.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.core.calcparse import COUNTS_BY_NAME, parse_calculation
from tests.core.calcparse.helpers import FAST

COUNTS = st.integers(0, 999) | st.integers(0, 1)


def grid(counts: dict, rows_actual: bool, row_positive_first: bool,
         column_positive_first: bool) -> list[list[int]]:
    """The 2x2 grid of `counts` in the given layout, from the definitions of the four counts."""
    def count(actual: str, predicted: str) -> int:
        return counts[("t" if actual == predicted else "f") + predicted]

    rows = ["p", "n"] if row_positive_first else ["n", "p"]
    columns = ["p", "n"] if column_positive_first else ["n", "p"]
    return [[count(r, c) if rows_actual else count(c, r) for c in columns] for r in rows]


ORDER = {True: ["(pos, neg)", "positive class first", "(1, 0)"],
         False: ["(neg, pos)", "negative class first", "(0, 1)"]}


@FAST
@given(tp=COUNTS, fp=COUNTS, tn=COUNTS, fn=COUNTS, rows_actual=st.booleans(),
       positive_first=st.booleans(), wording=st.integers(0, 2), data=st.data())
def test_a_grid_with_its_layout_stated_gives_the_counts_back(tp, fp, tn, fn, rows_actual,
                                                             positive_first, wording, data):
    counts = {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    if not any(counts.values()):
        return
    rows, columns = ("actual", "predicted") if rows_actual else ("predicted", "actual")
    order = ORDER[positive_first][wording]
    first, second = ("positive", "negative") if positive_first else ("negative", "positive")
    statement = data.draw(st.sampled_from([
        f"rows = {rows}, cols = {columns}, {order}",
        f"rows are {rows} {order}, columns are {columns} {order}",
        f"{rows} on rows, {columns} on columns, ordering {order} for both",
        f"row 1 = {rows} {first}, row 2 = {rows} {second}, col 1 = {columns} {first}, "
        f"col 2 = {columns} {second}",
    ]))
    matrix = grid(counts, rows_actual, positive_first, positive_first)
    request = parse_calculation(f"precision and recall for the confusion matrix {matrix}, "
                                f"{statement}")
    assert request.calculator == "metrics" and request.args == counts


def test_the_grid_itself_is_not_read_as_an_order_of_classes():
    # "[1, 0]" is a row of counts here, not "class 1 then class 0"
    request = parse_calculation("precision for the confusion matrix [[1, 0], [3, 4]], actual on "
                                "rows, predicted on columns, ordering (neg, pos) for both")
    assert request.args == {"tn": 1, "fp": 0, "fn": 3, "tp": 4}


@FAST
@given(tp=COUNTS, fp=COUNTS, tn=COUNTS, fn=COUNTS)
def test_each_axis_may_state_its_own_order(tp, fp, tn, fn):
    counts = {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    if not any(counts.values()):
        return
    matrix = grid(counts, True, False, True)
    request = parse_calculation(f"f1 for {matrix}: rows are actual in order (neg, pos), "
                                "columns are predicted in order (pos, neg)")
    assert request.args == counts


@pytest.mark.parametrize(("message", "counts"), [
    # cells named: "[[TN, FP], [FN, TP]] = ..."
    ("[[TP FN],[FP TN]] = [[33, 17],[6, 144]] accuracy and F1",
     {"tp": 33, "fn": 17, "fp": 6, "tn": 144}),
    ("sklearn-style [[tn fp][fn tp]]: [[95 6][15 34]] specificity",
     {"tn": 95, "fp": 6, "fn": 15, "tp": 34}),
    # scikit-learn's own layout (rows actual, negatives first) when it is named as the source
    ("sklearn confusion_matrix gave [[880, 20], [35, 65]], whats the recall",
     {"tn": 880, "fp": 20, "fn": 35, "tp": 65}),
    ("used sklearn with labels=[1,0], cm [[64, 16], [20, 100]], precision",
     {"tp": 64, "fn": 16, "fp": 20, "tn": 100}),
    # label 0 made the positive class: scikit-learn's first row and column are the positives
    ("sklearn confusion matrix for labels [0, 1] where 0 = 'defective' and 1 = 'ok' "
     "(positive = defective):\n[[ 40 10]\n [ 5 145]]\nprecision and recall?",
     {"tp": 40, "fn": 10, "fp": 5, "tn": 145}),
    ("sklearn confusion_matrix with pos_label=0: [[40, 10], [5, 145]] precision?",
     {"tp": 40, "fn": 10, "fp": 5, "tn": 145}),
    ("sklearn cm, labels [0, 1], 1 = malware: [[912, 18], [25, 45]] recall?",
     {"tn": 912, "fp": 18, "fn": 25, "tp": 45}),
    # the axis named right before it
    ("confusion matrix (actual down the side, predicted across the top, positive first): "
     "[[27, 13], [9, 51]] specificity?", {"tp": 27, "fn": 13, "fp": 9, "tn": 51}),
    # the order said as "order neg, pos"
    ("confusion matrix (rows = actual, cols = predicted, order neg, pos):\n[[50, 10],\n [5, 35]]"
     "\nrecall and accuracy?", {"tn": 50, "fp": 10, "fn": 5, "tp": 35}),
])
def test_layouts_students_state(message, counts):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.args == counts


@pytest.mark.parametrize("message", [
    "precision for the confusion matrix [[40, 10], [5, 45]]",      # nothing said
    "recall for [[40, 10], [5, 45]], rows = actual",                # no class order
    "recall for [[40, 10], [5, 45]], rows = actual, cols = actual, positive first",
    "precision of [[40.5, 10], [5, 45]], rows = actual, cols = predicted, positive first",
])
def test_a_grid_whose_layout_is_not_settled_is_asked_about(message):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.missing == [COUNTS_BY_NAME]


def test_a_recurrent_weight_matrix_after_a_matrix_of_names_is_still_found():
    # the first bracketed matrix with numbers is the one read
    request = parse_calculation("W_h = [[a, b], [c, d]] = [[0.5, 0.2], [0.1, 0.9]], explode?")
    assert request.calculator == "eigen" and request.args["matrix"] == [[0.5, 0.2], [0.1, 0.9]]


@pytest.mark.parametrize(("message", "counts"), [
    # tables with labelled rows and columns (the parser sees them with whitespace collapsed)
    ("confusion matrix:\n           predicted yes   predicted no\nactual yes      50     "
     "10\nactual no        5     35\nprecision?", {"tp": 50, "fn": 10, "fp": 5, "tn": 35}),
    ("         actual 0   actual 1\npred 0       35        10\npred 1        5        50\n"
     "recall (1 = positive)", {"tn": 35, "fn": 10, "fp": 5, "tp": 50}),
    ("| | predicted neg | predicted pos |\n|---|---|---|\n| actual neg | 35 | 5 |\n"
     "| actual pos | 10 | 50 |\nspecificity?", {"tn": 35, "fp": 5, "fn": 10, "tp": 50}),
    ("Predicted: spam ham\nActual spam: 50 10\nActual ham: 5 35\nf1 (spam = positive)",
     {"tp": 50, "fn": 10, "fp": 5, "tn": 35}),
    # four counts in a row after a stated layout
    ("rows = predicted, columns = actual, positive first:\n50 | 5\n10 | 35\nprecision",
     {"tp": 50, "fp": 5, "fn": 10, "tn": 35}),
    ("columns actual (P, N), rows predicted (P, N). values row-wise: 50, 5, 10, 35. F1?",
     {"tp": 50, "fp": 5, "fn": 10, "tn": 35}),
    # each axis's first class named where the axis is: "row 1 = actual negative"
    ("row 1 = actual negative, row 2 = actual positive, column 1 = predicted negative: "
     "50 10 / 5 35, precision?", {"tn": 50, "fp": 10, "fn": 5, "tp": 35}),
    # classes named by their words, one of them said to be positive (first or second)
    ("cat = positive class.\n| | predicted cat | predicted dog |\n| actual cat | 70 | 30 |\n"
     "| actual dog | 20 | 80 |\naccuracy, precision, recall, F1?",
     {"tp": 70, "fn": 30, "fp": 20, "tn": 80}),
    ("dog is the positive class.\n| | predicted cat | predicted dog |\n| actual cat | 70 | 30 |"
     "\n| actual dog | 20 | 80 |\nprecision?", {"tn": 70, "fp": 30, "fn": 20, "tp": 80}),
])
def test_tables_and_rows_of_counts_with_their_layout(message, counts):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.args == counts


@pytest.mark.parametrize("message", [
    # which class is positive is not said, and neither label is a yes/no, 1/0, +/- or pos/neg
    "Predicted: spam ham\nActual spam: 50 10\nActual ham: 5 35\nf1",
    # both axes the prediction
    "          pred yes  pred no\npred yes    50     10\npred no      5     35\nprecision?",
])
def test_a_table_that_does_not_settle_its_layout_is_asked_about(message):
    request = parse_calculation(message)
    assert request.calculator == "metrics" and request.missing == [COUNTS_BY_NAME]


@FAST
@given(pairs=st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), min_size=1, max_size=60),
       zero_positive=st.booleans())
def test_counts_are_counted_from_label_lists(pairs, zero_positive):
    # scikit-learn's inputs pasted as they are: y_true and y_pred, 1 positive unless said
    true, predicted = [t for t, _ in pairs], [p for _, p in pairs]
    message = (f"y_true = {true}\ny_pred = {predicted}\n"
               f"{'0 is the positive class. ' if zero_positive else ''}precision and recall?")
    positive = 0 if zero_positive else 1
    expected = {"tp": sum(t == positive and p == positive for t, p in pairs),
                "fp": sum(t != positive and p == positive for t, p in pairs),
                "tn": sum(t != positive and p != positive for t, p in pairs),
                "fn": sum(t == positive and p != positive for t, p in pairs)}
    request = parse_calculation(message)
    assert (request.calculator, request.args) == ("metrics", expected)


@pytest.mark.parametrize("message", [
    "y_true = [1, 0, 1]\ny_pred = [1, 0]\nprecision?",          # lists of different lengths
    "y_true = [2, 0, 1]\ny_pred = [1, 0, 1]\nprecision?",       # more than two classes
])
def test_label_lists_that_do_not_pair_up_are_not_counted(message):
    request = parse_calculation(message)
    assert request is None or request.missing


@pytest.mark.parametrize("message", [
    "TP = 120, FP = 30, FN = 80, TN = 760",          # the counts alone: every metric
    "A classifier achieves TP = 120, FP = 30, FN = 80, TN = 760. Compute the true positive "
    "rate and the true negative rate.",
])
def test_four_counts_named_are_worked_out_whatever_the_metrics_are_called(message):
    # both were "I don't know that one": no metric word the reader knew
    request = parse_calculation(message)
    assert request.calculator == "metrics"
    assert request.args == {"tp": 120, "fp": 30, "tn": 760, "fn": 80}
