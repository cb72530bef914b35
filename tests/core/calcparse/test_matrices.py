"""Matrices in the notations students write, read for the recurrent eigenvalue check."""

import pytest

from service.core.calcparse import find_matrix, parse_calculation
from tests.core.calcparse.helpers import parsed

# --- recurrent weight matrices ----------------------------------------------------------------

EIGEN = [
    ("does [[0.5, 0.2], [0.1, 1.3]] explode?", [[0.5, 0.2], [0.1, 1.3]], None),
    # a multiple of the identity, of the size said (two by two when none is)
    ("W_h = 0.99 * I (the 3x3 identity). spectral radius? vanish or explode as T grows?",
     [[0.99, 0, 0], [0, 0.99, 0], [0, 0, 0.99]], "identity"),
    ("W_h is 1.1 times the identity with tanh, does it explode?", [[1.1, 0], [0, 1.1]], "tanh"),
    # rows named top and bottom, entries joined by "and", decimals said digit by digit
    ("my W_h is two by two: top row point nine and point four, bottom row zero and point nine "
     "five. spectral radius? exploding or vanishing?", [[0.9, 0.4], [0.0, 0.95]], None),
    ("eigenvalues of [[ 0.5 , 0.2 ] , [ 0.1 , 1.3 ]]", [[0.5, 0.2], [0.1, 1.3]], None),
    ("is this rnn stable: [[.5, .2], [.1, 1.3]]", [[0.5, 0.2], [0.1, 1.3]], None),
    ("will gradients vanish for W_h = [[0.5, 0.2], [0.1, 1.3]] with tanh",
     [[0.5, 0.2], [0.1, 1.3]], "tanh"),
    ("rnn with W = [[-0.9, 0], [0, 0.3]] sigmoid", [[-0.9, 0.0], [0.0, 0.3]], "sigmoid"),
    ("check [[1e-3, 2.5E-1], [0.1, -1.2e0]] relu", [[0.001, 0.25], [0.1, -1.2]], "relu"),
    ("[[0.5 0.2] [0.1 1.3]] no nonlinearity", [[0.5, 0.2], [0.1, 1.3]], "identity"),
    ("[[0.5 0.2]; [0.1 1.3]] linear", [[0.5, 0.2], [0.1, 1.3]], "identity"),
    ("recurrent matrix [[0.9, 0.0], [0.0, 0.9]] with identity activation",
     [[0.9, 0.0], [0.0, 0.9]], "identity"),
    ("does the rnn explode with W_h = [[2]]", [[2.0]], None),
    ("does [0.5 0.2; 0.1 1.3] explode", [[0.5, 0.2], [0.1, 1.3]], None),
    (r"$W_h = \begin{bmatrix} 0.5 & 0.2 \\ 0.1 & 1.3 \end{bmatrix}$ with tanh, explode?",
     [[0.5, 0.2], [0.1, 1.3]], "tanh"),
    ("rnn [[0.5, 0.2], [0.1, 1.3]] with a logistic activation", [[0.5, 0.2], [0.1, 1.3]],
     "sigmoid"),
    ("rnn [[0.5, 0.2], [0.1, 1.3]] with a nonlinearity", [[0.5, 0.2], [0.1, 1.3]], None),
    # rows pasted on lines of their own, without brackets or a name
    ("recurrent weight matrix of a linear RNN:\n0.6 0.4 0\n0.1 0.5 0.3\n0.2 0 0.9\nexplode?",
     [[0.6, 0.4, 0.0], [0.1, 0.5, 0.3], [0.2, 0.0, 0.9]], "identity"),
    ("W_hh =\n  -1.2, 0.3\n  0.5, 0.1", [[-1.2, 0.3], [0.5, 0.1]], None),
]


@pytest.mark.parametrize(("message", "matrix", "activation"), EIGEN)
def test_matrix_phrasings_give_the_matrix_and_activation(message, matrix, activation):
    request = parsed(message)
    assert request.calculator == "eigen"
    assert request.args.get("matrix") == matrix
    assert request.args.get("activation") == activation
    assert request.assumed == ([] if activation else ["identity (linear) activation"])


@pytest.mark.parametrize(("text", "matrix"), [
    ("W_h rows 1.1 0.3 / -0.2 0.6 . explode?", [[1.1, 0.3], [-0.2, 0.6]]),
    ("rows: 0.5 0.1; 0.2 0.3", [[0.5, 0.1], [0.2, 0.3]]),
    ("w_h = 0.9 0.3 / -0.2 0.7", [[0.9, 0.3], [-0.2, 0.7]]),
])
def test_rows_split_by_slashes_or_semicolons_after_the_name_or_rows(text, matrix):
    assert find_matrix(text) == matrix


@pytest.mark.parametrize(("text", "matrix"), [
    ("w_rec = | 0.4 0.9 | | 0.8 0.1 | spectral radius?", [[0.4, 0.9], [0.8, 0.1]]),
    ("|1 -0.5 0| |0 0.3 0| |0 0 2e-1| explode?", [[1.0, -0.5, 0.0], [0.0, 0.3, 0.0],
                                                 [0.0, 0.0, 0.2]]),
])
def test_rows_drawn_between_bars_are_a_matrix(text, matrix):
    assert find_matrix(text) == matrix


@pytest.mark.parametrize(("text", "matrix"), [
    ("recurrent weights with rows (-0.4, 0.9) and (0.9, -0.4), no activation fn. explode?",
     [[-0.4, 0.9], [0.9, -0.4]]),
    ("rows: (1, 0, 0.5), (0, 0.3, 0) and (0, 0, 2e-1)", [[1.0, 0.0, 0.5], [0.0, 0.3, 0.0],
                                                       [0.0, 0.0, 0.2]]),
    ("the recurrent matrix has rows [2, 1] and [0, 0.5], no nonlinearity. explode?",
     [[2.0, 1.0], [0.0, 0.5]]),
    ("its rows are [0.9, 0.1] and [0.2, 0.8]", [[0.9, 0.1], [0.2, 0.8]]),
])
def test_rows_in_parentheses_or_brackets_after_the_word_rows_are_a_matrix(text, matrix):
    assert find_matrix(text) == matrix


@pytest.mark.parametrize("text", [
    "| 50 | 10 | | 5 | 35 |",               # a markdown table's cells, one number each
    "| pred yes | pred no |",                # labels, no numbers
    "|0.5 0.2|",                             # one row
])
def test_bars_that_do_not_draw_rows_of_numbers_are_not_a_matrix(text):
    assert find_matrix(text) is None


@pytest.mark.parametrize("text", ["no matrix here", "[[]]", "[[1, 2], []]", "[3, 3]"])
def test_find_matrix_refuses_what_is_not_a_matrix(text):
    assert find_matrix(text) is None



@pytest.mark.parametrize(("text", "matrix"), [
    ("W_h = diag(0.5, 0.9, 0.7), identity activation: vanish or explode?",
     [[0.5, 0, 0], [0, 0.9, 0], [0, 0, 0.7]]),
    (r"$W_h = \mathrm{diag}(-1.3,\ 0.2)$, $\sigma$ = identity: vanishing or exploding?",
     [[-1.3, 0], [0, 0.2]]),
    ("3x3 diagonal W_h with -1.3, 0.2 and 0.5 on the diagonal. linear RNN: explode or vanish?",
     [[-1.3, 0, 0], [0, 0.2, 0], [0, 0, 0.5]]),
])
def test_a_diagonal_matrix_is_read_by_its_entries(text, matrix):
    assert parsed(text).args["matrix"] == matrix


@pytest.mark.parametrize(("text", "matrix"), [
    ("RNN with identity activation, recurrent weight matrix with rows 0.5 0.1 and 0.2 0.4. "
     "spectral radius?", [[0.5, 0.1], [0.2, 0.4]]),
    ("student asks: W_h has first row 0.7, 0.2 and second row 0.3, 0.6, tanh activation. "
     "vanishing or exploding?", [[0.7, 0.2], [0.3, 0.6]]),
    ("W_h has first row (0.5, 0.2) and second row [0.1, 0.3]. does it vanish?",
     [[0.5, 0.2], [0.1, 0.3]]),
    ("upper triangular W_h: first row 0.9, 2, 5; second row 0, -0.95, 1; third row 0, 0, 0.3. "
     "that 5 looks scary - explode?", [[0.9, 2, 5], [0, -0.95, 1], [0, 0, 0.3]]),
    # bracketed rows one per line after the name, with no brackets around them all
    ("W_h =\n[0.2 0.1 0.0]\n[0.3 0.4 0.2]\n[0.1 0.0 0.5]\nidentity activation - exploding or "
     "vanishing gradients?", [[0.2, 0.1, 0], [0.3, 0.4, 0.2], [0.1, 0, 0.5]]),
    # a scalar recurrence is a 1 x 1 matrix
    ("scalar RNN h_t = 1.05 h_{t-1} + x_t. spectral radius? what happens to the gradient over "
     "200 steps, explode or vanish?", [[1.05]]),
])
def test_rows_told_in_words_are_a_matrix(text, matrix):
    assert parsed(text).args["matrix"] == matrix


def test_entries_on_the_diagonal_of_a_matrix_not_said_to_be_diagonal_are_not_the_matrix():
    # the off-diagonal entries are not told: asked, never taken to be 0
    request = parse_calculation("spectral radius of W_h? it's 2x2 with 0.5 and 0.7 on the "
                                "diagonal, does it vanish")
    assert request is None or not request.complete
