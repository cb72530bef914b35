"""Directed graphical models from factorisations as students write them, drawn as DOT and SVG.

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

import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

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


def _fail(index: int, message: str, position: int | None = None) -> None:
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
                _fail(index, f"unbalanced brackets: this {char!r} closes nothing", position)
            opened, at = stack.pop()
            if _BRACKETS[opened] != char:
                _fail(index, f"unbalanced brackets: the {opened!r} at character {at} is closed "
                             f"by {char!r}", position)
    if stack:
        opened, at = stack[-1]
        _fail(index, f"unbalanced brackets: this {opened!r} is never closed", at)


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
        _fail(index, f"unexpected {char!r}; write factors like p(x1|z1,z2)", at + 1)
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
            _fail(self.index, f"expected {what} but found {found}", position)
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
            _fail(self.index, f"{dist.value!r} is not a distribution: use p for the generative "
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
        _fail(index, "the factorisation is empty")
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
            _fail(index, f"{label} is a {term.dist} inside a factorisation of {lhs.dist}; write "
                         "p and q as separate factorisations", term.position)
        for side in (term.heads, term.conditions):
            twice = sorted({v for v in side if side.count(v) > 1})
            if twice:
                _fail(index, f"{label} lists {twice[0]} twice", term.position)
        itself = sorted(set(term.heads) & set(term.conditions))
        if itself:
            _fail(index, f"{label} conditions {itself[0]} on itself", term.position)
    owner: dict[str, Factor] = {}
    for factor in result.factors:
        if len(factor.heads) != 1:
            _fail(index, f"factor {factor} has {len(factor.heads)} variables left of the bar; "
                         "give each variable its own factor (by the chain rule, e.g. "
                         f"{factor.dist}({factor.heads[0]}|...){factor.dist}({factor.heads[1]}|"
                         f"{factor.heads[0]},...))", factor.position)
        outside = [v for v in (*factor.heads, *factor.conditions) if v not in joint]
        if outside:
            _fail(index, f"factor {factor} uses {outside[0]}, which is not in {lhs}",
                  factor.position)
        head = factor.heads[0]
        if head in lhs.conditions:
            _fail(index, f"factor {factor} gives a distribution for {head}, but {lhs} "
                         f"conditions on {head}", factor.position)
        if head in owner:
            _fail(index, f"{head} has two factors, {owner[head]} and {factor}; each variable "
                         "gets exactly one", factor.position)
        owner[head] = factor
    missing = [v for v in lhs.heads if v not in owner]
    if missing:
        _fail(index, f"{missing[0]} is in {lhs} but has no factor", lhs.position)


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
                _fail(index, f"the factors {factors} form a cycle {arrows}; a factorisation "
                             "of a directed graphical model has none", parents[node].position)
            if parent not in state:
                visit(parent, path + [parent])
        state[node] = "done"

    for head in parents:
        if head not in state:
            visit(head, [head])


# --- the graph ------------------------------------------------------------------------------

def build_graph(factorisations: list[str]) -> dict:
    """Return the graphical model of the factorisations: nodes, edges, DOT and SVG.

    Returns a JSON-ready dict: ``nodes`` [{name, observed}] (latents first, each group in the
    order the variables first appear), ``edges`` [{from, to, distribution, style, factor}],
    ``distributions`` [{name, role, style, factorisation}], ``observed_rule``, ``dot``, ``svg``.

    Raises FactorisationError naming the factorisation (and character) at fault: none given,
    more than MAX_FACTORISATIONS or MAX_CHARACTERS, anything parse_factorisation refuses, or the
    same distribution factorised twice.
    """
    if not factorisations:
        raise FactorisationError("Give at least one factorisation.",
                                 {"factorisations": ["Give at least one factorisation."]})
    if len(factorisations) > MAX_FACTORISATIONS:
        problem = f"At most {MAX_FACTORISATIONS} factorisations (got {len(factorisations)})."
        raise FactorisationError(problem, {"factorisations": [problem]})
    total = sum(len(text) for text in factorisations)
    if total > MAX_CHARACTERS:
        problem = f"At most {MAX_CHARACTERS} characters in all (got {total})."
        raise FactorisationError(problem, {"factorisations": [problem]})
    parsed: list[Factorisation] = []
    for index, text in enumerate(factorisations):
        result = parse_factorisation(text, index)
        earlier = next((i for i, p in enumerate(parsed) if p.lhs.dist == result.lhs.dist), None)
        if earlier is not None:
            _fail(index, f"{result.lhs.dist} is already factorised in factorisation "
                         f"{earlier + 1}; give each distribution once")
        parsed.append(result)
    graph = graph_of(parsed)
    graph["distributions"] = [
        {"name": p.lhs.dist, "role": ROLES[p.lhs.dist], "style": DISTRIBUTIONS[p.lhs.dist],
         "factorisation": str(p)} for p in parsed]
    graph["observed_rule"] = OBSERVED_RULE
    graph["dot"] = to_dot(graph["nodes"], graph["edges"])
    graph["svg"] = to_svg(graph["nodes"], graph["edges"])
    return graph


def graph_of(parsed: list[Factorisation]) -> dict:
    """Return {"nodes", "edges"} for parsed factorisations, deciding which nodes are observed."""
    order: list[str] = []
    for factorisation in parsed:
        for term in (factorisation.lhs, *factorisation.factors):
            for name in (*term.heads, *term.conditions):
                if name not in order:
                    order.append(name)
    edges = [{"from": parent, "to": factor.heads[0], "distribution": factor.dist,
              "style": DISTRIBUTIONS[factor.dist], "factor": str(factor)}
             for factorisation in parsed for factor in factorisation.factors
             for parent in factor.conditions]
    q = next((p for p in parsed if p.lhs.dist == "q"), None)
    if q is not None:
        observed = set(q.lhs.conditions)
    else:
        has_parent = {e["to"] for e in edges}
        has_child = {e["from"] for e in edges}
        observed = has_parent - has_child
    nodes = ([{"name": n, "observed": False} for n in order if n not in observed]
             + [{"name": n, "observed": True} for n in order if n in observed])
    return {"nodes": nodes, "edges": edges}


# --- drawing --------------------------------------------------------------------------------

def _split_name(name: str) -> tuple[str, str]:
    """"x1" -> ("x", "1"); "h_t" -> ("h", "t"); "mu" -> ("mu", "")."""
    letters = name.rstrip("0123456789")
    if letters != name and letters.isalpha():
        return letters, name[len(letters):]
    base, _, sub = name.partition("_")
    return base, sub


def to_dot(nodes: list[dict], edges: list[dict]) -> str:
    """Return Graphviz DOT: latents ranked above observed nodes, q's edges dashed and unranked."""
    def label(name: str) -> str:
        base, sub = _split_name(name)
        text = escape(base) + (f"<sub>{escape(sub)}</sub>" if sub else "")
        return f"<<i>{text}</i>>"

    def quoted(name: str) -> str:
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph graphical_model {", "  node [shape=circle, fontname=\"Times-Italic\"];"]
    for observed in (False, True):
        row = [quoted(n["name"]) for n in nodes if n["observed"] is observed]
        if row:
            lines.append("  { rank=same; " + "; ".join(row) + "; }")
    for node in nodes:
        shade = ", style=filled, fillcolor=\"#d0d0d0\"" if node["observed"] else ""
        lines.append(f"  {quoted(node['name'])} [label={label(node['name'])}{shade}];")
    for edge in edges:
        extra = ", constraint=false" if edge["style"] == "dashed" else ""
        lines.append(f"  {quoted(edge['from'])} -> {quoted(edge['to'])} "
                     f"[style={edge['style']}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


RADIUS = 26
SPACING = 120       # between neighbouring nodes of a row
ROW_GAP = 150       # between the latent and the observed row
MARGIN = 50
CURVE = 22          # how far a dashed (q) edge bows to its right, so opposite edges part
SPAN_CURVE = 36     # extra bow per skipped node when an edge runs along a row


def _positions(nodes: list[dict], min_width: float) -> tuple[dict, float, float]:
    """Return ({name: (x, y, row)}, width, height): latents on row 0, observed on row 1, centred."""
    rows = [row for row in ([n["name"] for n in nodes if not n["observed"]],
                            [n["name"] for n in nodes if n["observed"]]) if row]
    widest = max((len(row) for row in rows), default=1)
    width = max(2 * MARGIN + 2 * RADIUS + SPACING * (widest - 1), min_width)
    positions = {}
    for r, row in enumerate(rows):
        start = width / 2 - SPACING * (len(row) - 1) / 2
        for c, name in enumerate(row):
            positions[name] = (start + SPACING * c, MARGIN + RADIUS + ROW_GAP * r, r)
    height = 2 * MARGIN + 2 * RADIUS + ROW_GAP * (max(len(rows), 1) - 1)
    return positions, width, height


def _edge_path(start: tuple[float, float, int], end: tuple[float, float, int],
               dashed: bool, rows: int) -> str:
    """Return an SVG path from circle edge to circle edge: straight, or a gentle curve."""
    (x0, y0, r0), (x1, y1, r1) = start, end
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length  # the normal to the right of the direction of travel
    bow = CURVE if dashed else 0.0
    skipped = round(abs(dx) / SPACING) - 1 if r0 == r1 else 0
    if skipped > 0:
        # along a row, bow away from the other row so the edge clears the nodes it passes
        outward = -1.0 if r0 == 0 and rows > 1 else 1.0
        sign = 1.0 if ny * outward > 0 else -1.0
        bow = sign * (SPAN_CURVE * skipped + abs(bow))
    cx = (x0 + x1) / 2 + nx * bow * 2
    cy = (y0 + y1) / 2 + ny * bow * 2

    def rim(x: float, y: float, tx: float, ty: float) -> tuple[float, float]:
        d = math.hypot(tx - x, ty - y) or 1.0
        return x + (tx - x) / d * RADIUS, y + (ty - y) / d * RADIUS

    sx, sy = rim(x0, y0, cx, cy)
    ex, ey = rim(x1, y1, cx, cy)
    if bow == 0:
        return f"M {sx:.1f} {sy:.1f} L {ex:.1f} {ey:.1f}"
    return f"M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"


def _label(name: str, x: float, y: float) -> str:
    base, sub = _split_name(name)
    inner = escape(base)
    if sub:
        inner += f'<tspan baseline-shift="sub" font-size="14">{escape(sub)}</tspan>'
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="central" '
            f'font-family="Times New Roman, serif" font-style="italic" font-size="22">'
            f"{inner}</text>")


def to_svg(nodes: list[dict], edges: list[dict]) -> str:
    """Return a standalone SVG drawing of the graph.

    Latents on the top row, observed nodes (shaded) on the bottom row; p's edges solid and
    straight, q's dashed and bowed slightly to the right of their direction, so that an edge
    and its opposite never overlap; a legend names the conventions used.
    """
    dists = [d for d in DISTRIBUTIONS if any(e["distribution"] == d for e in edges)]
    legend_items = len(dists) + (1 if any(n["observed"] for n in nodes) else 0)
    positions, width, graph_height = _positions(nodes, 300 if legend_items else 0)
    rows = len({p[2] for p in positions.values()}) or 1
    height = graph_height + (28 * legend_items + 10 if legend_items else 0)
    names = ", ".join(n["name"] for n in nodes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Directed graphical model over {escape(names)}">',
        f"<title>Graphical model: {escape(names)}</title>",
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#222"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    for edge in edges:
        dashed = edge["style"] == "dashed"
        path = _edge_path(positions[edge["from"]], positions[edge["to"]], dashed, rows)
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        parts.append(f'<path class="edge {escape(edge["distribution"])}" d="{path}" fill="none" '
                     f'stroke="#222" stroke-width="1.6"{dash} marker-end="url(#arrowhead)">'
                     f"<title>{escape(edge['from'])} to {escape(edge['to'])} "
                     f"({escape(edge['distribution'])})</title></path>")
    for node in nodes:
        x, y, _ = positions[node["name"]]
        fill = "#d0d0d0" if node["observed"] else "#ffffff"
        kind = "observed" if node["observed"] else "latent"
        parts.append(f'<g class="node {kind}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" '
                     f'fill="{fill}" stroke="#222" stroke-width="1.6"/>'
                     f'{_label(node["name"], x, y)}</g>')
    y = graph_height
    for dist in dists:
        dash = ' stroke-dasharray="7 5"' if DISTRIBUTIONS[dist] == "dashed" else ""
        parts.append(f'<path d="M 20 {y:.0f} L 60 {y:.0f}" stroke="#222" stroke-width="1.6"'
                     f'{dash} marker-end="url(#arrowhead)"/>'
                     f'<text x="70" y="{y:.0f}" dominant-baseline="central" '
                     f'font-family="sans-serif" font-size="13">{dist}: {ROLES[dist]} '
                     f"({DISTRIBUTIONS[dist]})</text>")
        y += 28
    if any(n["observed"] for n in nodes):
        parts.append(f'<circle cx="40" cy="{y:.0f}" r="9" fill="#d0d0d0" stroke="#222" '
                     f'stroke-width="1.2"/><text x="70" y="{y:.0f}" dominant-baseline="central" '
                     'font-family="sans-serif" font-size="13">observed (shaded)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


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


def describe(graph: dict) -> str:
    """Return the graph in words (Markdown): each distribution's arrows, and the shaded nodes."""
    lines = []
    for dist in graph.get("distributions", []):
        arrows = [f"${_latex(e['from'])} \\to {_latex(e['to'])}$" for e in graph["edges"]
                  if e["distribution"] == dist["name"]]
        lines.append(f"- **{dist['name']}** ({dist['role']}, {dist['style']} arrows): "
                     + (", ".join(arrows) if arrows else "no arrows"))
    observed = [f"${_latex(n['name'])}$" for n in graph["nodes"] if n["observed"]]
    latent = [f"${_latex(n['name'])}$" for n in graph["nodes"] if not n["observed"]]
    lines.append(f"- Observed (shaded, bottom row): {', '.join(observed) or 'none'}; "
                 f"latent (top row): {', '.join(latent) or 'none'}.")
    return "\n".join(lines)


def _latex(name: str) -> str:
    base, sub = _split_name(name)
    return f"{base}_{{{sub}}}" if sub else base
