"""Classification metrics from a confusion matrix (the seed's Q4): accuracy, precision, recall,
specificity and F1, each with its formula, and an honest `null` where a ratio is 0/0."""

from __future__ import annotations

from fractions import Fraction

from service.calculators.common import as_int, fmt_real
from service.errors import CalculationError

COUNTS = ("tp", "fp", "tn", "fn")
MAX_COUNT = 10**12  # examples in a test set; far beyond any real one, small enough to be exact

# name: (numerator counts, denominator counts, LaTeX formula, what it answers)
RATIOS = {
    "accuracy": (("tp", "tn"), ("tp", "fp", "tn", "fn"),
                 r"\frac{TP + TN}{TP + FP + TN + FN}",
                 "the share of all predictions that are right"),
    "precision": (("tp",), ("tp", "fp"), r"\frac{TP}{TP + FP}",
                  "the share of predicted positives that really are positive"),
    "recall": (("tp",), ("tp", "fn"), r"\frac{TP}{TP + FN}",
               "the share of real positives that are found (sensitivity, the true positive "
               "rate)"),
    "specificity": (("tn",), ("tn", "fp"), r"\frac{TN}{TN + FP}",
                    "the share of real negatives recognised as negative (the true negative "
                    "rate)"),
}
# Why a ratio has no value; the `undefined` map adds ", so the ratio is 0/0".
UNDEFINED_BECAUSE = {
    "precision": "no example was predicted positive (TP + FP = 0)",
    "recall": "there are no positive examples (TP + FN = 0)",
    "specificity": "there are no negative examples (TN + FP = 0)",
    "f1": "TP, FP and FN are all 0: every example is a true negative",
}
SYMBOLS = {"tp": "TP", "fp": "FP", "tn": "TN", "fn": "FN"}


def classification_metrics(tp, fp, tn, fn) -> dict:
    """Accuracy, precision, recall, specificity and F1 of a binary classifier's counts.

    F1 is computed from the counts, 2TP / (2TP + FP + FN), which is the harmonic mean of
    precision and recall whenever both exist. A ratio whose denominator is 0 is None, and
    ``undefined`` says why. Returns a JSON-ready dict with the five values, ``undefined``,
    ``counts``, ``steps`` and ``explanation``.

    Raises CalculationError naming the count at fault: negative, not a whole number, beyond
    MAX_COUNT, or all four 0 (nothing was classified).
    """
    counts = {name: as_int(value, name, minimum=0, maximum=MAX_COUNT)
              for name, value in zip(COUNTS, (tp, fp, tn, fn), strict=True)}
    if not any(counts.values()):
        problem = "all four counts are 0: nothing was classified, so there is nothing to measure"
        raise CalculationError(problem, fields={name: [problem] for name in COUNTS})
    values, worked = _settled(counts)
    steps = [r"Confusion matrix: $TP = {tp}$, $FP = {fp}$, $TN = {tn}$, $FN = {fn}$ "
             r"($n = {n}$)".format(n=sum(counts.values()), **counts), *worked]
    undefined = {name: UNDEFINED_BECAUSE[name] + ", so the ratio is 0/0"
                 for name, value in values.items() if value is None}
    return {**values, "undefined": undefined, "counts": counts, "steps": steps,
            "explanation": _explanation(counts, values)}


# The counts each metric reads
NEEDS = {**{name: set(top) | set(bottom) for name, (top, bottom, _, _) in RATIOS.items()},
         "f1": {"tp", "fp", "fn"}}


def metrics_from_some_counts(**given) -> dict:
    """The metrics that the counts given settle, when one or more of the four is not known:
    precision, recall and F1 need no TN; specificity needs only TN and FP. Returns
    ``values`` (each metric worked out, None for 0/0), ``needs`` (each other metric and the
    counts it lacks), ``steps``. Raises CalculationError naming a count that is not a whole
    number from 0, or when the counts given settle no metric.
    """
    counts = {name: as_int(value, name, minimum=0, maximum=MAX_COUNT)
              for name, value in given.items() if name in COUNTS and value is not None}
    values, steps = _settled(counts)
    if not values:
        problem = "these counts settle no metric: give the four counts"
        raise CalculationError(problem, fields={name: [problem] for name in COUNTS})
    needs = {name: sorted(NEEDS[name] - counts.keys(), key=COUNTS.index)
             for name in (*RATIOS, "f1") if name not in values}
    return {"values": values, "needs": needs, "counts": counts, "steps": steps}


def _settled(counts: dict[str, int]) -> tuple[dict[str, float | None], list[str]]:
    """Each metric the counts settle (all five when all four counts are given) with its worked
    step, in the order of RATIOS, then F1."""
    values: dict[str, float | None] = {}
    steps = []
    for name, (top, bottom, formula, _meaning) in RATIOS.items():
        if NEEDS[name] <= counts.keys():
            values[name], step = _ratio(name, formula, top, bottom, counts)
            steps.append(step)
    if NEEDS["f1"] <= counts.keys():
        values["f1"], step = _f1(counts)
        steps.append(step)
    return values, steps


def _ratio(name: str, formula: str, top: tuple[str, ...], bottom: tuple[str, ...],
           counts: dict[str, int]) -> tuple[float | None, str]:
    """One ratio and its worked step: the formula, the counts substituted, the value."""
    numerator = sum(counts[c] for c in top)
    denominator = sum(counts[c] for c in bottom)
    label = rf"\text{{{name}}}"
    substituted = (r"\frac{" + " + ".join(str(counts[c]) for c in top) + "}{"
                   + " + ".join(str(counts[c]) for c in bottom) + "}")
    if denominator == 0:
        return None, (f"${label} = {formula} = {substituted} = \\frac{{0}}{{0}}$: undefined, "
                      f"{UNDEFINED_BECAUSE[name]}")
    value = Fraction(numerator, denominator)
    step = f"${label} = {formula} = {substituted} = {_shown(value)}$"
    if name == "specificity":
        # its complement is asked as often, under its own name (the x axis of a ROC curve)
        step += (rf", so the false positive rate $\frac{{FP}}{{FP + TN}} = 1 - "
                 rf"\text{{specificity}} = {_shown(1 - value)}$")
    return float(value), step


def _f1(counts: dict[str, int]) -> tuple[float | None, str]:
    """F1 from the counts, with its worked step."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    formula = r"F_1 = \frac{2\,TP}{2\,TP + FP + FN}"
    substituted = rf"\frac{{2 \cdot {tp}}}{{2 \cdot {tp} + {fp} + {fn}}}"
    if 2 * tp + fp + fn == 0:
        return None, (f"${formula} = {substituted} = \\frac{{0}}{{0}}$: undefined, "
                      f"{UNDEFINED_BECAUSE['f1']}")
    value = Fraction(2 * tp, 2 * tp + fp + fn)
    step = f"${formula} = {substituted} = {_shown(value)}$"
    if tp + fp and tp + fn:
        step += " (the harmonic mean of precision and recall)"
    return float(value), step


def _shown(value: Fraction) -> str:
    """A ratio for display: 4 decimals without trailing zeros (0.8, 0.8889)."""
    return fmt_real(float(value))


def _explanation(counts: dict[str, int], values: dict[str, float | None]) -> str:
    """What each number tells, and whether accuracy is misleading for these counts."""
    n = sum(counts.values())
    positives = counts["tp"] + counts["fn"]
    majority = max(positives, n - positives) / n
    parts = [f"Accuracy is {RATIOS['accuracy'][3]}; precision is {RATIOS['precision'][3]}; "
             f"recall is {RATIOS['recall'][3]}; specificity is {RATIOS['specificity'][3]}; "
             "F1 is the harmonic mean of precision and recall, high only when both are."]
    if majority >= 0.8:
        kind = "negative" if n - positives >= positives else "positive"
        parts.append(
            f"Here {_shown(Fraction(max(positives, n - positives), n))} of the examples are "
            f"{kind}, so always predicting {kind} would already score an accuracy of "
            f"{_shown(Fraction(max(positives, n - positives), n))}: with classes this "
            "imbalanced, accuracy says little, and precision, recall and F1 (or the "
            "precision-recall curve) tell more.")
    else:
        parts.append("Accuracy misleads when one class dominates (always predicting the "
                     "majority class scores the majority's share); precision, recall and F1 "
                     "do not reward that.")
    if values["precision"] is None or values["recall"] is None:
        parts.append("An undefined ratio is reported as null, not as 0: 0/0 has no value, and "
                     "libraries that print 0 there (with a warning) choose a convention.")
    return " ".join(parts)


def f1_from_rates(precision, recall) -> dict:
    """F1 from a precision and a recall (each in 0..1): their harmonic mean, 2PR / (P + R).

    Returns a JSON-ready dict: ``precision``, ``recall``, ``f1`` (None when both are 0, with
    ``undefined`` saying why), ``arithmetic_mean`` (what F1 is not), ``steps``,
    ``explanation``. Raises CalculationError naming the field of a value that is not a number
    in 0..1 (a bool, a string, infinity, 80 for 80%).
    """
    rates = {}
    for name, value in (("precision", precision), ("recall", recall)):
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not 0 <= value <= 1:
            raise CalculationError(f"{name} must be a number from 0 to 1 (got {value!r})",
                                   fields={name: ["A number from 0 to 1 (0.8 for 80%)."]})
        rates[name] = Fraction(value).limit_denominator(10**9)
    p, r = rates["precision"], rates["recall"]
    steps = [r"$F_1 = \frac{2PR}{P + R}$, the harmonic mean of precision and recall"]
    mean = float((p + r) / 2)
    if p + r == 0:
        steps.append("$P = R = 0$: $F_1 = 0/0$, undefined")
        return {"precision": float(p), "recall": float(r), "f1": None,
                "undefined": {"f1": "precision and recall are both 0, so F1 is 0/0"},
                "arithmetic_mean": mean, "steps": steps,
                "explanation": "With precision and recall both 0 there is nothing to average: "
                               "F1 is undefined (libraries report 0 by convention)."}
    f1 = 2 * p * r / (p + r)
    steps.append(f"$F_1 = \\frac{{2 \\cdot {fmt_real(float(p))} \\cdot {fmt_real(float(r))}}}"
                 f"{{{fmt_real(float(p))} + {fmt_real(float(r))}}} = {fmt_real(float(f1))}$")
    if p == r:
        explanation = (f"F1 is {fmt_real(float(f1))}: with precision and recall equal, their "
                       "harmonic mean is that same value. It falls below the plain average as "
                       "soon as they differ, pulled towards the smaller one.")
    else:
        explanation = (
            f"F1 is {fmt_real(float(f1))}, below the plain average {fmt_real(mean)}: the "
            "harmonic mean is pulled towards the smaller of the two, so a classifier cannot "
            "make up for a poor recall with a high precision, or the other way round.")
    return {"precision": float(p), "recall": float(r), "f1": float(f1),
            "arithmetic_mean": mean, "steps": steps, "explanation": explanation}
