"""Replies as safe HTML for browsers: Markdown rendered, `$...$` LaTeX as MathML, sanitised.

The tutor's text is Markdown with `$...$` and `$$...$$` LaTeX. A browser widget cannot show
that as it is, and shipping a TeX engine to the course site (or loading one from a CDN) is
what we avoid: Chromium, Firefox and Safari all render MathML Core natively, so the server
converts each formula with latex2mathml and the widget only has to insert elements.

Order matters. Formulas are cut out before Markdown sees them (Markdown would read the `_`
and `*` in `$x_i * w_i$` as emphasis), replaced by placeholders that Markdown leaves alone,
and put back as MathML afterwards. Everything then passes through nh3 with an allowlist, so
whatever the knowledge base or a converter emits, only known tags and attributes reach a page.
"""

from __future__ import annotations

import html
import logging
import re
from functools import lru_cache
from urllib.parse import quote

import nh3
from latex2mathml.converter import convert as latex_to_mathml
from markdown_it import MarkdownIt

log = logging.getLogger(__name__)

MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"

# `$$...$$` first, then `$...$`; a backslash-escaped dollar is a literal dollar, as the
# knowledge base's validator (service.knowledge.unbalanced_math) reads it.
_MATH = re.compile(r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|(?<!\\)\$(?P<inline>.+?)(?<!\\)\$",
                   re.DOTALL)
# Private-use characters: Markdown treats them as ordinary letters and never produces them.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

# LaTeX that latex2mathml passes through as a literal command; rewritten into what it knows.
_LATEX_REWRITES = [
    (re.compile(r"\\arg(?![A-Za-z])"), r"\\operatorname{arg}"),
    # A sized delimiter before \| ("\Big\|"): the sizing works, the \| would stay literal.
    (re.compile(r"(\\[Bb]igg?[lrm]?)\\\|"), "\\1\u2016"),
]
_MTEXT = re.compile(r"(<mtext[^>]*>)(.*?)(</mtext>)", re.DOTALL)

# Browsers do not line-break inside a <math> element, so a long inline formula would stick out
# of a phone-width chat bubble. Cutting it after its top-level relations ("a = b = c" becomes
# "a =", "b =", "c", each its own <math>) lets the line break there, as TeX itself does.
SPLIT_INLINE_LONGER_THAN = 30
_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|[=<>]|[^\\{}=<>]+", re.DOTALL)
_RELATIONS = {"=", "<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\ne", r"\neq",
              r"\approx", r"\equiv", r"\sim", r"\simeq", r"\propto", r"\to",
              r"\Rightarrow", r"\implies", r"\iff"}
_PIECE_START = re.compile(r"^(<math[^>]*><mrow>)")
_OPENERS = {"{", r"\left", r"\begin"}
_CLOSERS = {"}", r"\right", r"\end"}

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
    return _PLACEHOLDER.sub(lambda m: formula_mathml(*formulas[int(m.group(1))]), rendered)


@lru_cache(maxsize=4096)
def formula_mathml(latex: str, display: bool = False) -> str:
    """Return one LaTeX formula (without its dollars) as a MathML `<math>` element.

    The knowledge base's formulas are fixed, so conversions are cached. A formula the
    converter cannot read comes back as its LaTeX source in `<code>` (logged), which is
    still readable, rather than failing the whole reply.
    """
    source = latex.strip()
    for pattern, replacement in _LATEX_REWRITES:
        source = pattern.sub(replacement, source)
    pieces = [source]
    if not display and len(source) > SPLIT_INLINE_LONGER_THAN:
        pieces = split_at_relations(source)
    try:
        mathml = [latex_to_mathml(piece, display="block" if display else "inline")
                  for piece in pieces]
    except Exception:  # latex2mathml raises a zoo of its own and built-in errors
        log.warning("could not convert a formula to MathML: %r", latex)
        return f'<code class="tex">{html.escape(latex)}</code>'
    if len(mathml) > 1:
        # A piece such as "\text{weights} =" is text and one operator, which MathML counts
        # as an "embellished operator" as a whole and spaces outside the text instead of
        # around the "=". An empty <mi> (never space-like) keeps the "=" an operator of its own.
        mathml = [_PIECE_START.sub(r"\1<mi></mi>", piece, count=1) for piece in mathml]
    # latex2mathml copies \text{...} into <mtext> unescaped; make it text, not markup.
    return "<wbr>".join(
        _MTEXT.sub(lambda m: m.group(1) + html.escape(html.unescape(m.group(2)), quote=False)
                   + m.group(3), piece) for piece in mathml)


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
