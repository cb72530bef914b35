"""Reading factorisations as students write them: the first step of drawing a directed graphical
model (the graph is made in `model`, drawn in `drawing`).

`p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)` says that every variable has one factor and
that the variables right of a factor's bar are its parents, so each factor p(a | b, c) becomes
the arrows b -> a and c -> a. The generative model p is drawn with solid arrows and the
inference model q with dashed ones, as in the lecture notes.

Which nodes are observed (shaded): the variables that q conditions on in its left-hand side
(`q(z1,z2|x1,x2)`: x1 and x2 are the data the encoder sees). With only p given, the variables
that have parents but no children (what the model generates last: the data). Everything else
is latent. Latents are drawn on the top row, observed variables on the bottom row.

LaTeX-ish input is read too: `x_1`, `x_{1}`, `\\mid`, `\\vert`, `\\left(`, `\\right)`,
`\\mathbf{x}`, `p_\\theta`, `q_{\\phi}`, `\\cdot`, `$...$`; `x_1` and `x1` are the same variable.
Pure Python (no Graphviz binary, no Flask); malformed input raises FactorisationError, which
says which factorisation, which factor and which character is at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.errors import TutorError

MAX_FACTORISATIONS = 20
MAX_CHARACTERS = 2000
DISTRIBUTIONS = {"p": "solid", "q": "dashed"}
ROLES = {"p": "generative model", "q": "inference model"}

OBSERVED_RULE = (
    "A variable is observed (shaded) when q conditions on it in its left-hand side, as x in "
    "q(z|x); with only p given, when it has parents in p but no children. All others are latent."
)


class FactorisationError(TutorError):
    """A factorisation that cannot be read or does not describe a directed acyclic graph."""

    status = 422
    code = "validation_error"


# --- reading --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    """One piece of a factorisation: a name, a bracket, a bar, a comma or '='."""

    kind: str    # "name", "(", ")", "|", ",", "=", "sub"
    value: str
    position: int  # 1-based character position in the factorisation as written


@dataclass(frozen=True)
class Factor:
    """One distribution term: ``dist(heads | conditions)`` and where it was written."""

    dist: str
    heads: tuple[str, ...]
    conditions: tuple[str, ...]
    position: int

    def __str__(self) -> str:
        inner = ",".join(self.heads)
        if self.conditions:
            inner += "|" + ",".join(self.conditions)
        return f"{self.dist}({inner})"


@dataclass(frozen=True)
class Factorisation:
    """``lhs = factors[0] factors[1] ...`` for one distribution (p or q)."""

    lhs: Factor
    factors: tuple[Factor, ...]

    def __str__(self) -> str:
        return f"{self.lhs} = " + "".join(str(f) for f in self.factors)


# Formatting that carries no meaning here: spaces, LaTeX spacing and products, math delimiters.
_SKIP = re.compile(r"\s++|\$|\\[,;:! ]|\\q?quad\b|\\cdot\b|\\times\b|\\left\b|\\right\b"
                   r"|\\big[lr]?\b|\\Big[lr]?\b|[*·.;]|\\displaystyle\b")
_BAR = re.compile(r"\||\\mid\b|\\vert\b")
# \mathbf{x}, \boldsymbol{z}, \bm{x}, \mathrm{x}: the letter inside is the name.
_WRAPPED = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|vec|hat|tilde|bar)\s*+"
                      r"\{\s*+(\\?[A-Za-z]++)\s*+\}")
_NAME = re.compile(r"\\?[A-Za-z][A-Za-z0-9]*+")
# x_1, x_{1}, h_{t-1}, z_\theta: what is inside braces is read as a whole and checked after, so
# spaces inside are never shared between two parts of the pattern.
_SUBSCRIPT = re.compile(r"_\s*+(?:\{([A-Za-z0-9+\-\\ ]{1,24}+)\}|(\\?[A-Za-z]++|[0-9]))")
_BRACKETS = {"(": ")", "{": "}", "[": "]"}


def fail(index: int, message: str, position: int | None = None) -> None:
    where = f"factorisation {index + 1}" + (f", character {position}" if position else "")
    raise FactorisationError(f"{where[0].upper()}{where[1:]}: {message}",
                             {f"factorisations.{index}": [message if position is None else
                                                          f"character {position}: {message}"]})


def _check_brackets(text: str, index: int) -> None:
    """Raise naming the first bracket that is never closed or closes nothing."""
    stack: list[tuple[str, int]] = []
    for position, char in enumerate(text, start=1):
        if char in _BRACKETS:
            stack.append((char, position))
        elif char in _BRACKETS.values():
            if not stack:
                fail(index, f"unbalanced brackets: this {char!r} closes nothing", position)
            opened, at = stack.pop()
            if _BRACKETS[opened] != char:
                fail(index, f"unbalanced brackets: the {opened!r} at character {at} is closed "
                             f"by {char!r}", position)
    if stack:
        opened, at = stack[-1]
        fail(index, f"unbalanced brackets: this {opened!r} is never closed", at)


def _canonical(base: str, subscript: str | None) -> str:
    """``x`` + ``1`` -> "x1"; ``h`` + ``t`` -> "h_t"; LaTeX backslashes dropped."""
    base = base.lstrip("\\")
    if subscript is None:
        return base
    subscript = subscript.replace("\\", "").replace(" ", "")
    return base + subscript if subscript.isdigit() else f"{base}_{subscript}"


def _tokens(text: str, index: int) -> list[Token]:
    """Split one factorisation into tokens; raises naming an unexpected character."""
    tokens: list[Token] = []
    at = 0
    while at < len(text):
        skipped = _SKIP.match(text, at)
        if skipped and skipped.end() > at:
            at = skipped.end()
            continue
        char = text[at]
        bar = _BAR.match(text, at)
        if bar:
            tokens.append(Token("|", "|", at + 1))
            at = bar.end()
            continue
        if char in "(),=":
            tokens.append(Token(char, char, at + 1))
            at += 1
            continue
        wrapped = _WRAPPED.match(text, at)
        name = wrapped or _NAME.match(text, at)
        if name:
            base = name.group(1) if wrapped else name.group(0)
            end = name.end()
            subscript = _SUBSCRIPT.match(text, end)
            sub = None
            if subscript:
                sub = (subscript.group(1) or subscript.group(2)).strip()
                end = subscript.end()
            tokens.append(Token("name", _canonical(base, sub), at + 1))
            at = end
            continue
        fail(index, f"unexpected {char!r}; write factors like p(x1|z1,z2)", at + 1)
    return tokens


class _Parser:
    """Recursive descent over one factorisation's tokens: ``factor = factor factor ...``."""

    def __init__(self, tokens: list[Token], index: int, length: int):
        self.tokens, self.index, self.at, self.length = tokens, index, 0, length

    def peek(self) -> Token | None:
        """The next token, or None at the end."""
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expect(self, kind: str, what: str) -> Token:
        """Consume a token of `kind`; raise naming `what` was expected and where."""
        token = self.peek()
        if token is None or token.kind != kind:
            found = "the end" if token is None else repr(token.value)
            position = token.position if token else self.length
            fail(self.index, f"expected {what} but found {found}", position)
        self.at += 1
        return token

    def names(self, what: str) -> list[str]:
        """Read ``a, b, c``: one or more variable names separated by commas."""
        names = [self.expect("name", what).value]
        while (token := self.peek()) is not None and token.kind == ",":
            self.at += 1
            names.append(self.expect("name", "a variable after ','").value)
        return names

    def factor(self) -> Factor:
        """Read ``p(heads | conditions)``, the conditions optional."""
        dist = self.expect("name", "a distribution such as p(...) or q(...)")
        letter = dist.value.split("_")[0].lower()
        if letter not in DISTRIBUTIONS:
            fail(self.index, f"{dist.value!r} is not a distribution: use p for the generative "
                              "model and q for the inference model", dist.position)
        self.expect("(", f"'(' after {letter}")
        heads = self.names("a variable")
        conditions: list[str] = []
        if (token := self.peek()) is not None and token.kind == "|":
            self.at += 1
            conditions = self.names("a variable after '|'")
        self.expect(")", "')' or ','")
        return Factor(letter, tuple(heads), tuple(conditions), dist.position)

    def factorisation(self) -> Factorisation:
        """Read ``lhs = factor factor ...`` to the end of the text."""
        lhs = self.factor()
        self.expect("=", "'=' after the left-hand side")
        factors = [self.factor()]
        while self.peek() is not None:
            factors.append(self.factor())
        return Factorisation(lhs, tuple(factors))


def parse_factorisation(text: str, index: int = 0) -> Factorisation:
    """Read one factorisation and check it describes a DAG; raises FactorisationError.

    Checks, each reported with the factor (and character) at fault: balanced brackets; the
    shape ``d(...) = d(...)d(...)...``; one distribution letter throughout; no variable listed
    twice in a term or on both sides of a bar (conditioned on itself); exactly one variable left
    of each factor's bar; every variable of a factor in the left-hand side; each variable left
    of the left-hand side's bar given exactly one factor, and none of those it conditions on;
    no directed cycle among the factors.
    """
    _check_brackets(text, index)
    tokens = _tokens(text, index)
    if not tokens:
        fail(index, "the factorisation is empty")
    result = _Parser(tokens, index, len(text)).factorisation()
    _check_terms(result, index)
    _check_cycles(result, index)
    return result


def _check_terms(result: Factorisation, index: int) -> None:
    lhs = result.lhs
    joint = set(lhs.heads) | set(lhs.conditions)
    for term in (lhs, *result.factors):
        label = "the left-hand side" if term is lhs else f"factor {term}"
        if term.dist != lhs.dist:
            fail(index, f"{label} is a {term.dist} inside a factorisation of {lhs.dist}; write "
                         "p and q as separate factorisations", term.position)
        for side in (term.heads, term.conditions):
            twice = sorted({v for v in side if side.count(v) > 1})
            if twice:
                fail(index, f"{label} lists {twice[0]} twice", term.position)
        itself = sorted(set(term.heads) & set(term.conditions))
        if itself:
            fail(index, f"{label} conditions {itself[0]} on itself", term.position)
    owner: dict[str, Factor] = {}
    for factor in result.factors:
        if len(factor.heads) != 1:
            fail(index, f"factor {factor} has {len(factor.heads)} variables left of the bar; "
                         "give each variable its own factor (by the chain rule, e.g. "
                         f"{factor.dist}({factor.heads[0]}|...){factor.dist}({factor.heads[1]}|"
                         f"{factor.heads[0]},...))", factor.position)
        outside = [v for v in (*factor.heads, *factor.conditions) if v not in joint]
        if outside:
            fail(index, f"factor {factor} uses {outside[0]}, which is not in {lhs}",
                  factor.position)
        head = factor.heads[0]
        if head in lhs.conditions:
            fail(index, f"factor {factor} gives a distribution for {head}, but {lhs} "
                         f"conditions on {head}", factor.position)
        if head in owner:
            fail(index, f"{head} has two factors, {owner[head]} and {factor}; each variable "
                         "gets exactly one", factor.position)
        owner[head] = factor
    missing = [v for v in lhs.heads if v not in owner]
    if missing:
        fail(index, f"{missing[0]} is in {lhs} but has no factor", lhs.position)


def _check_cycles(result: Factorisation, index: int) -> None:
    """Raise naming a directed cycle among the factors (a DAG has none)."""
    parents = {f.heads[0]: f for f in result.factors}
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        factor = parents.get(node)
        for parent in factor.conditions if factor else ():
            if state.get(parent) == "open":
                cycle = path[path.index(parent):] + [parent]
                arrows = " -> ".join(reversed(cycle))
                factors = ", ".join(str(parents[v]) for v in cycle[:-1] if v in parents)
                fail(index, f"the factors {factors} form a cycle {arrows}; a factorisation "
                             "of a directed graphical model has none", parents[node].position)
            if parent not in state:
                visit(parent, path + [parent])
        state[node] = "done"

    for head in parents:
        if head not in state:
            visit(head, [head])


# --- in chat --------------------------------------------------------------------------------

# Where a distribution term starts: p( or q(, maybe with a subscript (p_\theta) or \left(.
_CALL = re.compile(r"(?<![A-Za-z\\])[pq](?:_\{[^{}]*+\}|_\\?[A-Za-z0-9]++)?\s*+(?:\\left\s*+)?\(")
# A left-hand side: a whole term, '=', and the start of another term.
_LHS = re.compile(rf"{_CALL.pattern}[^()=]*+\)[\s$]*+=(?=[\s$]*+{_CALL.pattern})")


def find_factorisations(message: str) -> list[str]:
    """Return the factorisations written in a chat message ("p(x,z) = p(z)p(x|z) ..."), if any.

    A factorisation starts at a term p(...) or q(...) followed by '=' and another term, and runs
    to the next one (or the end of the message), less any prose after its last ')'. Returns []
    when the message holds none, so "p(x) = 0.5" or ordinary questions are not drawings.
    """
    if "=" not in message or len(message) > MAX_CHARACTERS:
        return []
    starts = [m.start() for m in _LHS.finditer(message)]
    found = []
    for n, start in enumerate(starts):
        segment = message[start: starts[n + 1] if n + 1 < len(starts) else len(message)]
        close = segment.rfind(")")
        if "(" not in segment[close + 1:]:  # keep an unclosed '(' for the parser to point at
            segment = segment[:close + 1]
        found.append(segment.strip())
    return found
