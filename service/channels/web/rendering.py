"""Replies as safe HTML for browsers: Markdown rendered, `$...$` LaTeX as MathML, sanitised.

The tutor's text is Markdown with `$...$` and `$$...$$` LaTeX. A browser widget cannot show
that as it is, and shipping a TeX engine to the course site (or loading one from a CDN) is
what we avoid: Chromium, Firefox and Safari all render MathML Core natively, so the server
converts each formula with latex2mathml and the widget only has to insert elements.

Order matters. Formulas are cut out before Markdown sees them (Markdown would read the `_`
and `*` in `$x_i * w_i$` as emphasis), replaced by placeholders that Markdown leaves alone,
and put back as MathML afterwards. Everything then passes through nh3 with an allowlist, so
whatever the knowledge base or a converter emits, only known tags and attributes reach a page.

Two classes carry layout the widget styles: `nobreak` (an inline formula with the
punctuation that touches it, so "$x$," never leaves its comma on the next line) and
`math-display` (a long displayed formula cut after its relations, shown as a centred block
whose pieces wrap like words).
"""

from __future__ import annotations

import html
import logging
import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from urllib.parse import quote

import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown_it import MarkdownIt

log = logging.getLogger(__name__)

MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"

# `$$...$$` first, then `$...$`; a backslash-escaped dollar is a literal dollar, as the
# knowledge base's validator (service.knowledge.loading.unbalanced_math) reads it.
_MATH = re.compile(r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|(?<!\\)\$(?P<inline>.+?)(?<!\\)\$",
                   re.DOTALL)
# Private-use characters: Markdown treats them as ordinary letters and never produces them.
_OPEN, _CLOSE = "\ue000", "\ue001"
# A placeholder with the punctuation touching it on either side (an entity counts as one
# character): "($x$)," keeps its brackets and comma on the formula's line.
# At most a few: a run of punctuation is not read from every place it could start.
_TOUCHING = f"(?:&#?\\w{{1,10}};|[^\\w\\s<>&{_OPEN}{_CLOSE}]){{0,4}}+"
_PLACEHOLDER = re.compile(f"(?P<before>{_TOUCHING}){_OPEN}(?P<index>\\d+){_CLOSE}"
                          f"(?P<after>{_TOUCHING})")

# LaTeX that latex2mathml passes through as a literal command; rewritten into what it knows.
_LATEX_REWRITES = [
    (re.compile(r"\\arg(?![A-Za-z])"), r"\\operatorname{arg}"),
    # A sized delimiter before \| ("\Big\|"): the sizing works, the \| would stay literal.
    (re.compile(r"(\\[Bb]igg?[lrm]?)\\\|"), "\\1\u2016"),
]
_MTEXT = re.compile(r"(<mtext[^>]*>)(.*?)(</mtext>)", re.DOTALL)

# Browsers do not line-break inside a <math> element, so a long formula would stick out of a
# phone-width chat bubble. Cutting it after its top-level relations ("a = b = c" becomes
# "a =", "b =", "c", each its own <math>) lets the line break there, as TeX itself does
# inline. A displayed formula cut so becomes a `math-display` span of display-style pieces.
SPLIT_LONGER_THAN = 30
_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|[=<>]|[^\\{}=<>]+", re.DOTALL)
_RELATIONS = {"=", "<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\ne", r"\neq",
              r"\approx", r"\equiv", r"\sim", r"\simeq", r"\propto", r"\to",
              r"\Rightarrow", r"\implies", r"\iff"}
_PIECE_START = re.compile(r"^(<math[^>]*><mrow>)")
_MATH_START = re.compile(r"^(<math[^>]*)>")
_LEADING_OPERATOR = re.compile(r"^(<math[^>]*><mrow>)<mo>")
_OPERATOR_NAME_TEXT = re.compile(r"<m[io][^>]*>\s*[A-Za-z]{2,}\s*</m[io]>")
_OPENERS = {"{", r"\left", r"\begin"}
_CLOSERS = {"}", r"\right", r"\end"}

# Operator names. latex2mathml writes \log as <mi>log</mi> (set tight: "logp") and \max or
# \operatorname{softmax} as <mo> (spaced by the operator dictionary's default, a thick space
# on both sides). TeX puts a thin space between an operator name and an ordinary atom on
# either side, and none next to brackets, punctuation or operators that bring their own:
# "log p", "2 log x", "log(x)", "max_D V(D)", "arg min".
THIN_SPACE = "0.1667em"
_OPERATOR_NAME = re.compile(r"[A-Za-z]{2,}")  # single letters are variables, not names
_ROWS = {"math", "mrow", "mstyle", "msqrt", "mtd", "mpadded", "mphantom", "menclose", "merror"}
_SCRIPTED = {"msub", "msup", "msubsup", "munder", "mover", "munderover"}
# Names TeX sets with limits under them in a display (\max_D): scripts become under/over.
_LIMITS = {"max", "min", "lim", "sup", "inf", "det", "Pr", "gcd", "liminf", "limsup"}
_AS_LIMITS = {"msub": "munder", "msup": "mover", "msubsup": "munderover"}
_OPENING = set("([{\u27e8\u2329\u230a\u2308")
_CLOSING = set(")]}\u27e9\u232a\u230b\u2309")
_ORDINARY_MO = set("|\u2016\u2225\u221e")  # bars and infinity are ordinary atoms in TeX
_LARGE_OPERATORS = set("\u2211\u220f\u2210\u222b\u222c\u222d\u222e\u22c3\u22c2\u22c1\u22c0")

HTML_TAGS = {
    "p", "br", "wbr", "strong", "em", "b", "i", "code", "pre", "ul", "ol", "li", "blockquote", "a",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "s", "sub", "sup", "span",
    "table", "thead", "tbody", "tr", "th", "td",
}
MATHML_TAGS = {
    "math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msub", "msup", "msubsup",
    "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd",
    "mstyle", "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts",
    "none", "semantics",
}
_MATHML_COMMON = {"mathvariant", "displaystyle", "scriptlevel", "dir"}
ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
    "span": {"class"},
    "code": {"class"},
    "math": {"display", "xmlns"} | _MATHML_COMMON,
    "mo": {"stretchy", "fence", "form", "minsize", "maxsize", "separator", "lspace", "rspace",
           "largeop", "movablelimits", "symmetric"} | _MATHML_COMMON,
    "mover": {"accent"} | _MATHML_COMMON,
    "munder": {"accentunder"} | _MATHML_COMMON,
    "munderover": {"accent", "accentunder"} | _MATHML_COMMON,
    "mspace": {"width", "height", "depth"},
    "mpadded": {"width", "height", "depth", "lspace", "voffset"},
    "mfrac": {"linethickness"} | _MATHML_COMMON,
    "mtable": {"columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines",
               "rowlines", "frame"} | _MATHML_COMMON,
    "mtr": {"columnalign", "rowalign"},
    "mtd": {"columnalign", "rowalign", "columnspan", "rowspan"},
    "menclose": {"notation"},
    **{tag: set(_MATHML_COMMON) for tag in ("mi", "mn", "mrow", "mstyle", "mtext", "msub",
                                            "msup", "msubsup", "msqrt", "mroot")},
}
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable(["table", "strikethrough"])


def reply_html(text: str) -> str:
    """Return the Markdown-with-LaTeX `text` as sanitised HTML, formulas as MathML."""
    source, formulas = _extract_math(text)
    return _sanitise(_restore_math(_markdown.render(source), formulas))


def inline_html(text: str) -> str:
    """Return one line of Markdown-with-LaTeX (a suggested question) as sanitised inline HTML."""
    source, formulas = _extract_math(text)
    return _sanitise(_restore_math(_markdown.renderInline(source), formulas))


def with_html(reply: dict, knowledge_base=None) -> dict:
    """Return a `/chat` reply dict with what a browser needs to show it added.

    Always `reply_html` and each suggestion's `question_html`; a practice question's
    statements as `practice.choices_html` (the widget turns them into checkboxes); and, given
    the `knowledge_base`, `graph` for an answer whose entry has a drawing (the Q5 entry): its
    nodes and edges (the widget's alt text) and `svg_url`, the service-relative address of the
    SVG. Only fields are added, never changed, so a client reading `reply` sees what it always did.
    """
    suggestions = [{**s, "question_html": inline_html(s["question"])}
                   for s in reply["suggestions"]]
    rendered = {**reply, "reply_html": reply_html(reply["reply"]), "suggestions": suggestions}
    practice = reply.get("practice")
    if practice and practice.get("choices"):
        rendered["practice"] = {**practice,
                                "choices_html": [inline_html(c) for c in practice["choices"]]}
    graph = entry_graph(reply, knowledge_base) if knowledge_base is not None else None
    if graph is not None:
        rendered["graph"] = graph
    return rendered


def entry_graph(reply: dict, knowledge_base) -> dict | None:
    """Return {nodes, edges, svg_url} when `reply` answers an entry that has a graph, else None.

    Only answers: a calculation or a question back names no entry to draw.
    """
    entry = knowledge_base.entries.get(reply.get("entry_id") or "")
    if reply.get("kind") != "answer" or entry is None or not entry.graph:
        return None
    return {"nodes": entry.graph["nodes"], "edges": entry.graph["edges"],
            "svg_url": f"/kb/entries/{quote(entry.id, safe='')}/graph.svg"}


def _extract_math(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """Replace every formula by a placeholder; return the text and (latex, display) pairs."""
    formulas: list[tuple[str, bool]] = []

    def keep(match: re.Match) -> str:
        display = match.group("display") is not None
        formulas.append((match.group("display" if display else "inline"), display))
        return f"{_OPEN}{len(formulas) - 1}{_CLOSE}"

    return _MATH.sub(keep, text.replace(_OPEN, "").replace(_CLOSE, "")), formulas


def _restore_math(rendered: str, formulas: list[tuple[str, bool]]) -> str:
    def restore(match: re.Match) -> str:
        latex, display = formulas[int(match.group("index"))]
        mathml = formula_mathml(latex, display)
        before, after = match.group("before"), match.group("after")
        if display or not (before or after):
            return before + mathml + after
        # Only the first and last pieces of a cut formula hold on to their punctuation: the
        # line may still break between the pieces.
        pieces = mathml.split("<wbr>")
        if len(pieces) == 1:
            return f'<span class="nobreak">{before}{mathml}{after}</span>'
        first = f'<span class="nobreak">{before}{pieces[0]}</span>' if before else pieces[0]
        last = f'<span class="nobreak">{pieces[-1]}{after}</span>' if after else pieces[-1]
        return "<wbr>".join([first, *pieces[1:-1], last])

    return _PLACEHOLDER.sub(restore, rendered)


@lru_cache(maxsize=4096)
def formula_mathml(latex: str, display: bool = False) -> str:
    """Return one LaTeX formula (without its dollars) as MathML.

    Usually one `<math>` element. A formula longer than `SPLIT_LONGER_THAN` characters is cut
    after its top-level relations into several, joined by `<wbr>`; a displayed one so cut is
    wrapped in `<span class="math-display">`, its pieces in display style. The knowledge
    base's formulas are fixed, so conversions are cached. A formula the converter cannot read
    comes back as its LaTeX source in `<code>` (logged), which is still readable, rather than
    failing the whole reply.
    """
    source = latex.strip()
    for pattern, replacement in _LATEX_REWRITES:
        source = pattern.sub(replacement, source)
    pieces = [source]
    if len(source) > SPLIT_LONGER_THAN:
        pieces = split_at_relations(source)
    cut = len(pieces) > 1
    try:
        mathml = [latex_to_mathml(piece, display="block" if display and not cut else "inline")
                  for piece in pieces]
    except Exception:  # latex2mathml raises a zoo of its own and built-in errors
        log.warning("could not convert a formula to MathML: %r", latex)
        return f'<code class="tex">{html.escape(latex)}</code>'
    # latex2mathml copies \text{...} into <mtext> unescaped; make it text, not markup.
    mathml = [space_operator_names(_MTEXT.sub(
        lambda m: m.group(1) + html.escape(html.unescape(m.group(2)), quote=False) + m.group(3),
        piece)) for piece in mathml]
    # An operator that opens a formula ("KL $\ge 0$") has nothing on its left to keep apart
    # from: as in TeX, no space there (browsers would add the dictionary's, text space or not).
    mathml = [_LEADING_OPERATOR.sub(r'\1<mo lspace="0">', piece, count=1) for piece in mathml]
    if cut:
        # A piece such as "\text{weights} =" is text and one operator, which MathML counts
        # as an "embellished operator" as a whole and spaces outside the text instead of
        # around the "=". An empty <mi> (never space-like) keeps the "=" an operator of its own.
        mathml = [_PIECE_START.sub(r"\1<mi></mi>", piece, count=1) for piece in mathml]
    if display and cut:
        mathml = [_MATH_START.sub(r'\1 displaystyle="true">', piece, count=1)
                  for piece in mathml]
        return f'<span class="math-display">{"<wbr>".join(mathml)}</span>'
    return "<wbr>".join(mathml)


def space_operator_names(mathml: str) -> str:
    """Return one `<math>` element with its operator names spaced as TeX spaces them.

    A thin `<mspace>` goes between an operator name (`\\log`, `\\max_D`,
    `\\operatorname{...}`) and an ordinary neighbour, a name set as `<mo>` loses the operator
    dictionary's spacing, and a limits-style name (`\\max`, `\\lim`) takes its scripts under
    it in display style as TeX does. MathML without operator names, or that is not well-formed
    XML, comes back unchanged.
    """
    if "<!" in mathml or not _OPERATOR_NAME_TEXT.search(mathml):
        return mathml
    namespace = f' xmlns="{MATHML_NAMESPACE}"'
    try:
        root = ElementTree.fromstring(mathml.replace(namespace, "", 1))
    except ElementTree.ParseError:
        return mathml
    rows = [element for element in root.iter() if element.tag in _ROWS]
    if not any(_space_row(row) for row in rows):
        return mathml
    attributes = dict(root.attrib)
    root.attrib.clear()
    root.set("xmlns", MATHML_NAMESPACE)
    root.attrib.update(attributes)
    return ElementTree.tostring(root, encoding="unicode", short_empty_elements=False)


def _space_row(row: ElementTree.Element) -> bool:
    """Space the operator names among `row`'s children; return whether there were any."""
    children = list(row)
    spaced: list[ElementTree.Element] = []
    found = False
    for index, child in enumerate(children):
        if _atom(child) != "name":
            spaced.append(child)
            continue
        found = True
        name = _base(child)
        if name.tag == "mo":
            name.set("lspace", "0")
            name.set("rspace", "0")
            if child.tag in _AS_LIMITS and name.text.strip() in _LIMITS:
                child.tag = _AS_LIMITS[child.tag]
                name.set("movablelimits", "true")
        before = _atom(children[index - 1]) if index else None
        after = _atom(children[index + 1]) if index + 1 < len(children) else None
        if before in ("ord", "close", "inner"):  # a name before this one spaced itself
            spaced.append(_thin_space())
        spaced.append(child)
        if after in ("ord", "inner", "name", "large"):
            spaced.append(_thin_space())
    if found:
        row[:] = spaced
    return found


def _base(node: ElementTree.Element) -> ElementTree.Element:
    """The innermost base of a scripted element (`x` of `x_i^2`), else `node` itself."""
    while node.tag in _SCRIPTED and len(node):
        node = node[0]
    return node


def _atom(node: ElementTree.Element) -> str:
    """What TeX would call `node` for spacing next to an operator name.

    "name" (an operator name, scripted or not), "space" (spacing the author wrote), "open",
    "close", "inner" (a \\left...\\right group), "large" (a sum or integral sign), "operator"
    (any other <mo>, spaced by the operator dictionary) or "ord".
    """
    base = _base(node)
    text = (base.text or "").strip()
    if base.tag in ("mi", "mo") and len(base) == 0 and _OPERATOR_NAME.fullmatch(text):
        return "name"
    if base.tag == "mspace" or (base.tag == "mtext" and not text):
        return "space"
    if base.tag == "mrow" and len(base) and base[0].get("fence") == "true":
        return "inner"
    if base.tag in ("mi", "mo") and text in _OPENING:  # \lfloor comes as an <mi>
        return "open"
    if base.tag in ("mi", "mo") and text in _CLOSING:
        return "close"
    if base.tag != "mo":
        return "ord"
    if text in _LARGE_OPERATORS:
        return "large"
    return "ord" if text in _ORDINARY_MO else "operator"


def _thin_space() -> ElementTree.Element:
    return ElementTree.Element("mspace", {"width": THIN_SPACE})


def split_at_relations(latex: str) -> list[str]:
    """Cut `latex` after each relation (=, <, \\le, ...) outside braces and \\left...\\right.

    Every piece is itself valid LaTeX: nothing is cut inside a group. A relation that ends
    the formula stays where it is.
    """
    pieces, current, depth = [], "", 0
    for token in _LATEX_TOKEN.findall(latex):
        current += token
        if token in _OPENERS:
            depth += 1
        elif token in _CLOSERS:
            depth = max(depth - 1, 0)
        elif token in _RELATIONS and depth == 0:
            pieces.append(current)
            current = ""
    if current.strip() or not pieces:
        pieces.append(current)
    else:
        pieces[-1] += current
    return [piece for piece in pieces if piece.strip()] or [latex]


def _sanitise(markup: str) -> str:
    return nh3.clean(markup, tags=HTML_TAGS | MATHML_TAGS, attributes=ATTRIBUTES,
                     url_schemes=URL_SCHEMES, url_relative="deny",
                     link_rel="noopener noreferrer nofollow",
                     strip_comments=True)
