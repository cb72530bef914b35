"""Calculations in the conversation: which calculator a request names, the worked reply with
its steps and verdict, what an answer offers to compute, and whether a follow-up ("stride 1?")
holds values for the last calculation."""

from __future__ import annotations

import re
from dataclasses import replace

from service import calculators
from service.core import calc_why
from service.core.calcparse import (
    DOT_PRODUCTS_ONLY,
    PATCHES_ONLY,
    SOME_METRICS,
    TOGETHER,
    CalcRequest,
)
from service.errors import CalculationError

TITLES = {
    "conv": "Output size",
    "params": "Parameter count",
    "eigen": "Gradient check for a recurrent weight matrix",
    "attention": "Self-attention over image patches",
    "sequence_attention": "Self-attention over a sequence",
    "stack": "Output size through the layers",
    "network": "The network, layer by layer",
    "metrics": "Classification metrics",
    "f1": "F1 from precision and recall",
}

# An answer whose entry has a calculator offers to compute it, with an example to copy.
COMPUTE_OFFERS = {
    "/calc/conv": "output size for a 28x28 input, 5x5 kernel, stride 2",
    "/calc/params": "params of a 3x3 conv from 64 to 128 channels",
    "/calc/eigen": "does [[0.5, 0.2], [0.1, 1.3]] explode?",
    "/calc/attention": "attention cost for a 32x32x3 image with 4x4 patches",
    "/calc/sequence-attention": "attention cost for 512 tokens with d = 64",
    "/calc/metrics": "precision and recall if TP=40, FP=10, TN=45, FN=5",
}

_VALUE = re.compile(r"\d|\b(?:same|valid|tanh|sigmoid|relu|identity|linear)\b|"
                    r"\b(?:no|without|with|w/o)\s++(?:an?\s++|any\s++)?bias(?:es)?\b|\bbias\s*+=")
_VALUE_TOKEN = re.compile(r"\d++|[a-z]++|\S")
# The words of a message made only of settings ("stride 1?", "padding same", "3x3 kernel"):
# checked token by token rather than by one pattern repeating alternatives, which can read
# the same digits in many ways.
_SETTING_WORDS = frozenset("""
stride padding pad kernel dilation input patch head heads channel channels activation tanh
sigmoid relu same valid no and with x by tp fp tn fn bias biases without , = : ?
""".split())


def run_calculation(request: CalcRequest) -> dict:
    """Call the calculator a request names; raises CalculationError for impossible numbers."""
    return calculators.run(request.calculator, request.args)


def _settled_patch_count(request: CalcRequest) -> dict | None:
    """The patch count of a self-attention request that lacks only the image's channels (P does
    not depend on them), or None for any other request or impossible sizes (the full request
    will say what is wrong once it has its channels)."""
    args = request.args
    if request.calculator != "attention" or request.missing != ["channels"] or \
            "patch" not in args or "input" not in args:
        return None
    try:
        return calculators.patch_count(args["input"], args["patch"], args.get("stride", 1))
    except CalculationError:
        return None


def partial_steps(request: CalcRequest) -> list[str] | None:
    """The worked part of an incomplete request that its values already settle, or None.

    So far one case: self-attention over patches without the image's channels still has its
    patch count P, which does not depend on them; a student who asked only for P has the
    answer (`settled_alone`), and one who asked for the cost sees where it is going while
    asked for C.
    """
    result = _settled_patch_count(request)
    return result["steps"] if result else None


def settled_alone(request: CalcRequest, asks: str) -> tuple[str, dict] | None:
    """The reply text and calculation for an incomplete request whose question the values
    given already settle (`request.asks`: the number of patches without the channels, a
    sequence's dot products without d, the metrics some counts settle); None for any other
    request. `asks` says what the rest would still need: the request stays pending, so the
    next message can give it."""
    worked_out = _SETTLED.get(request.asks)
    return worked_out(request, asks) if worked_out else None


def _patch_count_alone(request: CalcRequest, asks: str) -> tuple[str, dict] | None:
    """The number of patches, which the image and patch sizes settle without the channels."""
    result = _settled_patch_count(request)
    if result is None:
        return None
    lines = _worked("Patches of the image", request, result)
    for other in request.also:
        other_result = _settled_patch_count(other)
        if other.title and other_result:
            lines += _another_reading(other, other_result)
    lines.append(f"_For the attention cost (token dimension, dot products, MACs), give me "
                 f"{asks}._")
    args = {k: v for k, v in request.args.items() if k in ("input", "patch", "stride")}
    return "\n\n".join(lines), {"calculator": "patch_count", "request": args, "result": result}


def _some_metrics_alone(request: CalcRequest, asks: str) -> tuple[str, dict] | None:
    """The metrics the counts given settle when one or more is missing (precision, recall and
    F1 need no TN), then what the others would need; None for impossible counts."""
    try:
        result = calculators.metrics_from_some_counts(**request.args)
    except CalculationError:
        return None
    lines = _worked("Classification metrics", request, result)
    if not request.assumed:   # counts read from a story are said as assumed instead
        lines[0] += " from the counts you gave"
    needs = ", ".join(f"{'F1' if name == 'f1' else name} needs "
                      f"{' and '.join(c.upper() for c in counts)}"
                      for name, counts in result["needs"].items())
    lines.append(f"_For the others ({needs}), give me {asks}._")
    calculation = {"calculator": "metrics_from_some_counts", "request": dict(request.args),
                   "result": result}
    return "\n\n".join(lines), calculation


def _dot_products_alone(request: CalcRequest, asks: str) -> tuple[str, dict] | None:
    """The dot products of self-attention over a sequence without its dimension (n^2 per head),
    with another length's beside them and how many times more, or over an image's patches
    without its channels (P^2); None for impossible values."""
    if request.calculator == "attention":
        return _patch_dot_products_alone(request, asks)
    try:
        results = [calculators.sequence_dot_products(r.args["tokens"], r.args.get("heads", 1))
                   for r in (request, *request.also)]
    except (CalculationError, KeyError):
        return None
    lines = []
    for result in results:
        lines += [f"**Dot products for {result['num_tokens']} tokens**",
                  "\n".join(f"- {step}" for step in result["steps"])]
    if len(results) == 2:
        first, second = (r["dot_products"] for r in results)
        ratio = second / first
        lines.append(f"From {results[0]['num_tokens']} to {results[1]['num_tokens']} tokens the "
                     f"dot products grow {ratio:g} times: the square of "
                     f"{results[1]['num_tokens'] / results[0]['num_tokens']:g}, since every "
                     "token is compared with every other one.")
    lines.append(f"_They do not depend on the dimension; for the multiply-adds, give me {asks}._")
    calculation = {"calculator": "sequence_dot_products", "request": dict(request.args),
                   "result": results[0]}
    return "\n\n".join(lines), calculation


def _patch_dot_products_alone(request: CalcRequest, asks: str) -> tuple[str, dict] | None:
    """The patches of an image and the P^2 dot products between them (the attention matrix's
    entries), which the channels do not change."""
    result = _settled_patch_count(request)
    if result is None:
        return None
    patches = result["num_patches"]
    lines = _worked("Patches of the image", request, result)
    lines.append(f"**Dot products:** $P^2 = {patches}^2 = {patches * patches}$: every patch's "
                 f"query meets every patch's key, so the attention matrix is ${patches} \\times "
                 f"{patches}$.")
    lines.append(f"_They do not depend on the channels; for the multiply-adds, give me {asks}._")
    args = {k: v for k, v in request.args.items() if k in ("input", "patch", "stride")}
    return "\n\n".join(lines), {"calculator": "patch_count", "request": args,
                                 "result": {**result, "dot_products": patches * patches}}


_SETTLED = {PATCHES_ONLY: _patch_count_alone, DOT_PRODUCTS_ONLY: _dot_products_alone,
            SOME_METRICS: _some_metrics_alone}


def render_calculation(title: str, request: CalcRequest, result: dict,
                       also: list[tuple[CalcRequest, dict]] = ()) -> str:
    """The worked reply: the steps, the verdict or explanation, then the calculations the
    message also asked for (`also`), and a hint for what to ask next."""
    lines = [*_worked(title, request, result)]
    for other, other_result in also:
        if other.title:
            lines += _another_reading(other, other_result)
        elif request.asks == TOGETHER:
            # layers added up: what the first layer assumed is said once, for all of them
            lines += _worked(TITLES[other.calculator], replace(other, assumed=[]), other_result)
        else:
            lines += _worked(TITLES[other.calculator], other, other_result)
    if request.asks == TOGETHER:
        totals = layer_totals(result, also)
        lines.append(f"**Together:** ${' + '.join(map(str, totals))} = {sum(totals)}$ "
                     f"parameters in the {len(totals)} layers.")
    shown = tuple(other.args.get("stride") for other in request.also if other.title)
    hint = calc_why.change_hint(request.calculator, request.args, shown)
    if request.asks == TOGETHER:
        # one layer's value would recount that layer alone; a bias applies to all of them
        hint = "what about no bias?" if request.args.get("bias", True) else \
            "what about with bias?"
    lines.append(f"_Ask *why?*, or change a value: *{hint}*_")
    return "\n\n".join(lines)


def layer_totals(result: dict, also: list[tuple[CalcRequest, dict]]) -> list[int]:
    """Each layer's parameters, when a message writes out several layers (TOGETHER)."""
    return [result["total"], *(other_result["total"] for _, other_result in also)]


def _another_reading(other: CalcRequest, result: dict) -> list[str]:
    """Another reading of the same message (`other.title`): its steps, not the explanation
    again."""
    return [f"**{other.title}**", "\n".join(f"- {step}" for step in result["steps"])]


def _worked(title: str, request: CalcRequest, result: dict) -> list[str]:
    lines = [f"**{title}**"]
    if request.assumed:
        lines.append("_Assuming " + ", ".join(request.assumed) + "._")
    lines.append("\n".join(f"- {step}" for step in result["steps"]))
    if "verdict" in result:
        lines.append(f"**Verdict: {result['verdict'].replace('_', ' ')}.** "
                     f"{result.get('reasoning', '')}".strip())
    elif result.get("explanation"):
        lines.append(result["explanation"])
    return lines


def has_values(text: str) -> bool:
    """Whether a message names a value a calculation could use (a number, a mode, an activation)."""
    return bool(_VALUE.search(text))


def only_values(text: str) -> bool:
    """A message made only of settings and numbers ("stride 1?", "padding same", "3x3")."""
    return all(token.isdigit() or token in _SETTING_WORDS
               for token in _VALUE_TOKEN.findall(text))
