"""Classification metrics against an independent reference: counting labels one by one."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.calculators import classification_metrics, f1_from_rates, metrics_from_some_counts
from service.calculators.common import fmt_real
from service.calculators.metrics import NEEDS
from service.errors import CalculationError

pairs = st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=200)


def by_counting(labels: list[tuple[bool, bool]]) -> dict:
    """Each metric as its definition reads, over (true label, prediction) pairs."""
    def share(selected, of):
        chosen = [pair for pair in labels if of(pair)]
        return sum(1 for pair in chosen if selected(pair)) / len(chosen) if chosen else None

    precision = share(lambda p: p[0], lambda p: p[1])
    recall = share(lambda p: p[1], lambda p: p[0])
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {"accuracy": share(lambda p: p[0] == p[1], lambda p: True),
            "precision": precision, "recall": recall,
            "specificity": share(lambda p: not p[1], lambda p: not p[0]), "f1": f1}


def counts_of(labels):
    return {"tp": sum(t and p for t, p in labels), "fp": sum(p and not t for t, p in labels),
            "tn": sum(not t and not p for t, p in labels),
            "fn": sum(t and not p for t, p in labels)}


@given(pairs)
def test_every_metric_matches_counting_the_labels(labels):
    result = classification_metrics(**counts_of(labels))
    expected = by_counting(labels)
    for name, value in expected.items():
        if value is None and name == "f1":
            # F1 from the counts, 2TP / (2TP + FP + FN), exists whenever some example was
            # positive in truth or in prediction; it is 0 when TP = 0
            counts = counts_of(labels)
            assert result["f1"] == (0.0 if counts["fp"] + counts["fn"] else None)
        elif value is None:
            assert result[name] is None and name in result["undefined"]
        else:
            assert result[name] == pytest.approx(value, abs=1e-12), name


@given(pairs)
def test_the_specificity_step_gives_the_false_positive_rate_beside_it(labels):
    counts = counts_of(labels)
    step = next(s for s in classification_metrics(**counts)["steps"] if "specificity" in s)
    if counts["fp"] + counts["tn"]:
        rate = counts["fp"] / (counts["fp"] + counts["tn"])
        assert "false positive rate" in step and step.endswith(f"= {fmt_real(rate)}$")
    else:
        assert "false positive rate" not in step   # 0/0: undefined, said once


def test_the_worked_example_in_the_steps():
    result = classification_metrics(tp=40, fp=10, tn=45, fn=5)
    assert (result["accuracy"], result["precision"]) == (0.85, 0.8)
    assert result["recall"] == pytest.approx(40 / 45)
    assert result["f1"] == pytest.approx(80 / 95)
    steps = "\n".join(result["steps"])
    for shown in ("= 0.85$", "= 0.8$", "= 0.8889$", "= 0.8182$", "= 0.8421$"):
        assert shown in steps
    assert result["undefined"] == {}


@pytest.mark.parametrize(("counts", "undefined"), [
    ({"tp": 0, "fp": 0, "tn": 50, "fn": 5}, {"precision"}),
    ({"tp": 0, "fp": 5, "tn": 50, "fn": 0}, {"recall"}),
    ({"tp": 5, "fp": 0, "tn": 0, "fn": 5}, {"specificity"}),
    ({"tp": 0, "fp": 0, "tn": 9, "fn": 0}, {"precision", "recall", "f1"}),
])
def test_a_ratio_with_a_zero_denominator_is_null_with_the_reason_never_zero(counts, undefined):
    result = classification_metrics(**counts)
    assert {name for name in ("precision", "recall", "specificity", "f1")
            if result[name] is None} == undefined
    assert set(result["undefined"]) == undefined
    assert all("0/0" in reason for reason in result["undefined"].values())
    assert "undefined" in "\n".join(result["steps"])


@pytest.mark.parametrize(("counts", "field"), [
    ({"tp": -1, "fp": 0, "tn": 1, "fn": 0}, "tp"),
    ({"tp": 1.5, "fp": 0, "tn": 1, "fn": 0}, "tp"),
    ({"tp": 1, "fp": True, "tn": 1, "fn": 0}, "fp"),
    ({"tp": 0, "fp": 0, "tn": 0, "fn": 0}, "tn"),
    ({"tp": 10**13, "fp": 0, "tn": 0, "fn": 0}, "tp"),
])
def test_impossible_counts_are_refused_by_name(counts, field):
    with pytest.raises(CalculationError) as raised:
        classification_metrics(**counts)
    assert field in raised.value.fields


def test_the_explanation_says_when_accuracy_misleads():
    imbalanced = classification_metrics(tp=1, fp=1, tn=990, fn=8)["explanation"]
    assert "always predicting negative would already score an accuracy of 0.991" in imbalanced
    assert "imbalanced" in imbalanced
    assert not math.isnan(classification_metrics(tp=1, fp=0, tn=0, fn=0)["accuracy"])


# --- F1 from a precision and a recall ----------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(tp=st.integers(1, 500), fp=st.integers(0, 500), fn=st.integers(0, 500))
def test_f1_from_the_rates_is_the_f1_of_the_counts(tp, fp, fn):
    counts = classification_metrics(tp, fp, 0, fn)
    rates = f1_from_rates(counts["precision"], counts["recall"])
    assert rates["f1"] == pytest.approx(2 * tp / (2 * tp + fp + fn))
    assert rates["f1"] <= rates["arithmetic_mean"] + 1e-12     # the harmonic mean is below


def test_f1_of_the_rates_shows_its_working_and_names_what_cannot_be_worked_out():
    result = f1_from_rates(0.75, 0.5)
    assert result["f1"] == pytest.approx(0.6) and "0.625" in result["explanation"]
    assert result["steps"][-1].endswith("= 0.6$")
    assert f1_from_rates(0, 0)["f1"] is None and "0/0" in f1_from_rates(0, 0)["undefined"]["f1"]


@pytest.mark.parametrize(("call", "field"), [
    ({"precision": 80, "recall": 0.6}, "precision"),          # a percent, not a share
    ({"precision": 0.8, "recall": True}, "recall"),
    ({"precision": float("nan"), "recall": 0.6}, "precision"),
    ({"precision": 0.8, "recall": float("inf")}, "recall"),
    ({"precision": "0.8", "recall": 0.6}, "precision"),
])
def test_f1_refuses_rates_that_are_no_share(call, field):
    with pytest.raises(CalculationError) as raised:
        f1_from_rates(**call)
    assert field in raised.value.fields


@settings(max_examples=200, deadline=None)
@given(tp=st.integers(0, 300), fp=st.integers(0, 300), tn=st.integers(0, 300),
       fn=st.integers(0, 300), left_out=st.sampled_from(["tp", "fp", "tn", "fn"]))
def test_metrics_from_some_counts_are_the_full_ones_that_do_not_read_the_count_left_out(
        tp, fp, tn, fn, left_out):
    counts = {"tp": tp, "fp": fp, "tn": tn, "fn": fn}
    if not any(counts.values()):
        return
    full = classification_metrics(**counts)
    given = {name: value for name, value in counts.items() if name != left_out}
    some = metrics_from_some_counts(**given)   # three counts always settle one metric
    for name, value in some["values"].items():
        assert value == full[name]
        assert left_out not in NEEDS[name]
    assert all(left_out in lacking for lacking in some["needs"].values())


def test_counts_that_settle_no_metric_are_refused():
    with pytest.raises(CalculationError):
        metrics_from_some_counts(tp=5)
