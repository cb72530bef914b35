"""Fit the matcher's ranking weights, its calibration and the dialogue's thresholds.

    .venv/bin/python eval/fit_matcher.py [--write]

Tuning data: ../shared/eval/dev.yaml and eval/train-*.yaml (written blind to the knowledge base
and to every holdout). Holdouts are never read here.

1. Ranking: for every in-scope question whose right entry is among the finalists, each pair
   (right entry, another finalist) is a training example for a logistic model of the signal
   differences (pairwise learning to rank), with L2 regularisation.
2. Calibration: the best candidate's ranked score, its margin over the runner-up, the share of
   the question the course knows, the question's length, the share of its words the course
   never uses, whether the best candidate also has the phrasing closest to the question, its
   word-vector similarity and whether that is the finalists' highest too, fitted by logistic
   regression to whether answering the best candidate is right (out-of-scope questions count
   as wrong).
3. Thresholds: answer at or above the lowest confidence that keeps confidently wrong answers at
   most 2% of in-scope questions and out-of-scope questions answered at most 1%; suggest ("did
   you mean") at or above the confidence that 98% of out-of-scope questions stay under.

Prints the constants and the figures they reach on the tuning data; with --write, puts the
constants into service/core/matcher.py and service/config.py.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.core import matcher as matcher_module  # noqa: E402
from service.core.evaluation import load_cases  # noqa: E402
from service.knowledge.loading import load_knowledge_base  # noqa: E402

# train-18 holds 212 questions just outside the course (Fixup, InfoNCE, grouped-query
# attention...): tuned on by hand (topics not covered), but kept out of the fit. Held to 1%
# answered like every other file, it takes the answer threshold to where about 78% of in-scope
# questions are answered (each file left out in turn) instead of 93%. train-23 (282 near
# misses, two per entry) does the same: with it, 78.2% instead of 93.3%. train-33 (three near
# misses per second-round entry), train-37 (two per entry), train-40 (170 of five kinds) and
# train-43 (180 of four kinds) are of the same kind and kept out for the same reason.
NOT_FITTED = {"train-18.yaml", "train-23.yaml", "train-33.yaml", "train-37.yaml",
              "train-40.yaml", "train-43.yaml"}
TUNING = [ROOT.parent / "shared" / "eval" / "dev.yaml",
          *sorted(p for p in (ROOT / "eval").glob("train-*.yaml") if p.name not in NOT_FITTED)]
MAX_WRONG, MAX_OOS_ANSWERED, OOS_REFUSED = 0.02, 0.01, 0.98
CLOSEST = matcher_module.CLOSEST_PHRASING
EMBEDDING = matcher_module.EMBEDDING
OUTSIDE = "OUTSIDE:"  # marks, in the ids, the topics the course does not cover


def logistic(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 4000,
             rate: float = 0.5, bias: bool = True) -> np.ndarray:
    """Weights of a logistic regression by gradient descent (the bias, if any, first)."""
    if bias:
        x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    penalty = np.r_[0.0, np.ones(x.shape[1] - 1)] if bias else np.ones(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * penalty * w)
    return w


def collect(matcher, paths) -> list[tuple[object, list]]:
    """(case, finalists) for every in-scope and out-of-scope case of `paths`."""
    found = []
    for path in paths:
        for case in load_cases(path):
            if case.category in ("in-scope", "out-of-scope"):
                found.append((case, matcher.rank(case.question)))
    return found


def fit(data, ids: list[str], l2: float, sources=None):
    """The ranking weights, the calibration and the two thresholds fitted on `data`. `ids`
    holds the course's entries, then the topics it does not cover (`OUTSIDE:`-prefixed):
    ranked first, those are never answered. `sources` numbers the file each case comes from
    (None: one file)."""
    # 1. ranking
    pairs, labels = [], []
    for case, ranked in data:
        if case.category != "in-scope":
            continue
        right = [c for c in ranked if ids[c.index] in case.expect]
        if not right:
            continue
        for other in ranked:
            if ids[other.index] in case.expect:
                continue
            difference = np.array(right[0].signals) - np.array(other.signals)
            pairs += [difference, -difference]
            labels += [1.0, 0.0]
    weights = logistic(np.array(pairs), np.array(labels), l2, bias=False)
    weights = weights / weights[0] * 0.5  # the same scale as before: coverage weighs 0.5

    # 2. calibration over the re-ranked candidates
    x, y, in_scope, answerable = features(data, ids, weights)
    # fitted on the questions whose best candidate is an entry: only those can be answered
    calibration = logistic(x[answerable], y[answerable], 1e-3, iterations=20000, rate=1.0)
    confidence = answering_confidences(x, answerable, calibration)

    # 3. thresholds
    sources = np.zeros(len(data), dtype=int) if sources is None else np.asarray(sources)
    answer, suggest = thresholds(confidence, y == 1, in_scope, answerable, sources)
    return weights, calibration, answer, suggest


def thresholds(confidence: np.ndarray, right: np.ndarray, in_scope: np.ndarray,
               answerable: np.ndarray, sources: np.ndarray) -> tuple[float, float]:
    """The answer and did-you-mean thresholds for the best candidates' confidences (`right`:
    answering is right; `sources`: the file each case comes from).

    Answer at or above the lowest threshold that keeps confidently wrong answers at MAX_WRONG
    of the in-scope questions and, in every file, answered off-topic questions at
    MAX_OOS_ANSWERED of that file's (rounded up); suggest at or above the level that
    OOS_REFUSED of every file's off-topic questions stay under. The off-topic targets hold per
    set: pooled, a file of many easy off-topic questions lowered the bar for the others (200
    more took the answer threshold from 0.75 to 0.63). Off-topic questions that a topic not
    covered already refuses (not `answerable`) say nothing about where the others' confidence
    lies.
    """
    oos = ~in_scope
    files = [(sources == source) & oos for source in np.unique(sources)]
    answer = next(t for t in np.arange(0.30, 0.99, 0.01)
                  if ((confidence >= t) & ~right & in_scope).sum() <= MAX_WRONG * in_scope.sum()
                  and all(((confidence >= t) & file).sum()
                          <= math.ceil(MAX_OOS_ANSWERED * file.sum()) for file in files))
    suggest = min(answer, max(
        (float(np.quantile(confidence[file & answerable], OOS_REFUSED))
         for file in files if (file & answerable).any()), default=0.0) + 0.005)
    return float(answer), suggest


def confidences(x: np.ndarray, calibration: np.ndarray) -> np.ndarray:
    """The calibrated confidence of each row of features (the bias first in `calibration`)."""
    return 1 / (1 + np.exp(-(calibration[0] + x @ calibration[1:])))


def answering_confidences(x: np.ndarray, answerable: np.ndarray,
                          calibration: np.ndarray) -> np.ndarray:
    """`confidences`, with 0 where the best candidate is a topic not covered: such a question is
    refused whatever its confidence."""
    return np.where(answerable, confidences(x, calibration), 0.0)


def features(data, ids: list[str], weights):
    """Per case, the calibration's features of its best re-ranked candidate; whether answering
    that candidate is right; whether the case is in scope; whether that candidate is an entry
    (not a topic the course does not cover)."""
    rows, outcome, in_scope, answerable = [], [], [], []
    for case, ranked in data:
        rescored = sorted((c._replace(score=float(np.dot(weights, c.signals))) for c in ranked),
                          key=lambda c: (-c.score, ids[c.index]))
        if not rescored:
            rows.append([0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0])
        else:
            top = rescored[0]
            margin = top.score - (rescored[1].score if len(rescored) > 1 else 0.0)
            closest = top.signals[CLOSEST] >= max(c.signals[CLOSEST] for c in rescored)
            nearest = top.signals[EMBEDDING] >= max(c.signals[EMBEDDING] for c in rescored)
            rows.append([top.score, margin, top.known, math.log1p(top.tokens), top.unknown,
                         float(closest), top.signals[EMBEDDING], float(nearest)])
        outcome.append(1.0 if case.category == "in-scope" and rescored and
                       ids[rescored[0].index] in case.expect else 0.0)
        in_scope.append(case.category == "in-scope")
        answerable.append(bool(rescored) and not ids[rescored[0].index].startswith(OUTSIDE))
    return np.array(rows), np.array(outcome), np.array(in_scope), np.array(answerable)


def figures(data, ids, weights, calibration, answer: float, suggest: float) -> str:
    x, y, in_scope, answerable = features(data, ids, weights)
    confidence = answering_confidences(x, answerable, calibration)
    oos = ~in_scope
    answered = (confidence >= answer) & in_scope
    return (f"top-1 {100 * y[in_scope].mean():.1f}%, answered right "
            f"{100 * (answered & (y == 1)).sum() / in_scope.sum():.1f}%, confidently wrong "
            f"{100 * (answered & (y == 0)).sum() / in_scope.sum():.1f}%, out-of-scope refused "
            f"{100 * (confidence[oos] < suggest).mean():.1f}% ({in_scope.sum()} in scope, "
            f"{oos.sum()} out of scope)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--l2", type=float, default=0.003)
    parser.add_argument("--hold-out", type=Path, action="append", default=[],
                        help="a tuning file left out of the fit and scored with its result "
                             "(to check a change on questions the fit did not see)")
    args = parser.parse_args()
    kb = load_knowledge_base(ROOT / "knowledge")
    matcher = matcher_module.Matcher(kb.entries.values(), kb.outside.values())
    ids = [e.id for e in matcher.entries[:matcher.outside_from]] + [
        OUTSIDE + e.id for e in matcher.entries[matcher.outside_from:]]
    held = {p.resolve() for p in args.hold_out}
    per_file = [collect(matcher, [p]) for p in TUNING if p.resolve() not in held]
    data = [case for found in per_file for case in found]
    sources = [number for number, found in enumerate(per_file) for _ in found]
    weights, calibration, answer, suggest = fit(data, ids, args.l2, sources)
    print("ranking weights:", dict(zip(matcher_module.SIGNALS, np.round(weights, 4),
                                                strict=True)))
    print("calibration:", np.round(calibration, 4).tolist())
    print(f"thresholds: answer {answer:.2f}, suggest {suggest:.2f}")
    print("tuning figures:", figures(data, ids, weights, calibration, answer, suggest))
    for path in args.hold_out:
        print(f"{path.name} (left out of the fit):",
              figures(collect(matcher, [path]), ids, weights, calibration, answer, suggest))
    if args.write:
        if held:
            sys.exit("--write fits on every tuning file: leave out --hold-out")
        write(weights, calibration, answer, suggest)


def write(weights, calibration, answer: float, suggest: float) -> None:
    """Put the fitted constants into the source, where a reviewer reads them."""
    path = ROOT / "service" / "core" / "matcher.py"
    text = path.read_text()
    text = re.sub(r"RANKING_WEIGHTS = \([^)]*\)", "RANKING_WEIGHTS = (\n    " + ", ".join(
        f"{w:.4f}" for w in weights) + ")", text)
    names = ("bias", *matcher_module.CALIBRATION_FEATURES)
    text = re.sub(r"CALIBRATION = \{[^}]*\}", "CALIBRATION = {\n" + "".join(
        f'    "{n}": {v:.4f},\n' for n, v in zip(names, calibration, strict=True)) + "}", text)
    path.write_text(text)
    config = ROOT / "service" / "config.py"
    text = config.read_text()
    text = re.sub(r"ANSWER_THRESHOLD = [0-9.]+", f"ANSWER_THRESHOLD = {answer:.2f}", text)
    text = re.sub(r"SUGGEST_THRESHOLD = [0-9.]+", f"SUGGEST_THRESHOLD = {suggest:.2f}", text)
    config.write_text(text)
    print("written to service/core/matcher.py and service/config.py")


if __name__ == "__main__":
    main()
