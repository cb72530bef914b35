"""Replies as HTML: Markdown rendered, every formula MathML, nothing outside the allowlist."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from latex2mathml.converter import convert as latex_to_mathml

from service import create_app
from service.channels.web.rendering import (
    ATTRIBUTES,
    HTML_TAGS,
    MATHML_NAMESPACE,
    MATHML_TAGS,
    THIN_SPACE,
    formula_mathml,
    inline_html,
    reply_html,
    space_operator_names,
    split_at_relations,
    with_html,
)

FORMULA = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")


class Page(HTMLParser):
    """Python's own HTML parser, as an independent reading of what we produce."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


def texts_of(value) -> list[str]:
    """Every string inside a nested structure of dicts and lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts_of(item)]
    return []


def assert_allowlisted(markup: str) -> None:
    for tag, attributes in Page(markup).tags:
        assert tag in HTML_TAGS | MATHML_TAGS, tag
        for name, value in attributes.items():
            allowed = ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            assert name in allowed, (tag, name)
            if name == "href":
                assert re.match(r"(?:https?|mailto):", value or ""), value


@pytest.fixture(scope="module")
def replies(knowledge_base):
    """What the tutor says to every entry's question and its follow-ups, and to calculations."""
    app = create_app({"TESTING": True, "SESSION_DB": ":memory:"})
    tutor = app.extensions["tutor"]
    said = []
    for entry in knowledge_base.entries.values():
        first = tutor.respond(entry.question)
        said.append(first.to_dict())
        for follow_up in ("why?", "show the formula", "related"):
            said.append(tutor.respond(follow_up, first.session_id).to_dict())
    for message in ("output size of a 28x28 input with a 5 by 5 kernel, stride two, same padding",
                    "params of a 3x3 conv from 64 to 128 channels",
                    "does [[0.5, 0.2], [0.1, 1.3]] explode?",
                    "attention cost for a 32x32x3 image with 4x4 patches",
                    "output size with a 5x5 kernel and stride 2", "hello", "what is love?"):
        first = tutor.respond(message)
        said.append(first.to_dict())
        said.append(tutor.respond("show the formula", first.session_id).to_dict())
    return said


def test_every_formula_in_the_knowledge_base_becomes_mathml(knowledge_base):
    formulas = {(match.group(1) is not None, match.group(1) or match.group(2))
                for entry in knowledge_base.entries.values()
                for text in texts_of(entry.to_dict())
                for match in FORMULA.finditer(text)}
    assert len(formulas) > 500
    for display, latex in formulas:
        mathml = formula_mathml(latex, display)
        assert mathml.startswith(('<span class="math-display"><math', "<math")), latex
        assert "<code" not in mathml, latex
        assert not LATEX_COMMAND.search(Page(mathml).visible), (latex, Page(mathml).visible)


def test_every_reply_renders_without_latex_source_on_screen(replies):
    for reply in replies:
        rendered = with_html(reply)
        visible = Page(rendered["reply_html"]).visible
        assert visible.count("$") == reply["reply"].count("\\$"), reply["reply"]
        assert not LATEX_COMMAND.search(visible), reply["reply"]
        assert_allowlisted(rendered["reply_html"])
        for suggestion in rendered["suggestions"]:
            visible = Page(suggestion["question_html"]).visible
            assert "$" not in visible and not LATEX_COMMAND.search(visible), suggestion


def test_with_html_only_adds_fields(replies):
    reply = next(r for r in replies if r["suggestions"])
    rendered = with_html(reply)
    assert set(rendered) == set(reply) | {"reply_html"}
    assert {k: v for k, v in rendered.items() if k not in {"reply_html", "suggestions"}} == {
        k: v for k, v in reply.items() if k != "suggestions"}
    assert [{k: v for k, v in s.items() if k != "question_html"}
            for s in rendered["suggestions"]] == reply["suggestions"]


def test_with_html_points_to_the_drawing_of_every_entry_that_has_one(knowledge_base):
    drawn = 0
    for entry in knowledge_base.entries.values():
        reply = {"kind": "answer", "reply": "text", "entry_id": entry.id, "suggestions": []}
        rendered = with_html(reply, knowledge_base)
        if entry.graph:
            drawn += 1
            assert rendered["graph"] == {**entry.graph,
                                         "svg_url": f"/kb/entries/{entry.id}/graph.svg"}
        else:
            assert "graph" not in rendered
        for kind in ("calculation", "clarify", "fallback"):
            assert "graph" not in with_html({**reply, "kind": kind}, knowledge_base)
        assert "graph" not in with_html(reply)  # no knowledge base, nothing to look up
    assert drawn >= 1


def test_with_html_renders_the_statements_of_a_practice_question():
    choices = ["$\\mathrm{KL}[q \\| p] \\ge 0$ always", "**bold** <b>claim</b>"]
    reply = {"kind": "clarify", "reply": "text", "entry_id": None, "suggestions": [],
             "practice": {"id": "t", "kind": "choice", "choices": choices}}
    rendered = with_html(reply)
    assert rendered["practice"]["choices"] == choices
    first, second = rendered["practice"]["choices_html"]
    assert first.startswith("<math") and "\\" not in first
    assert second == "<strong>bold</strong> &lt;b&gt;claim&lt;/b&gt;"
    numeric = {**reply, "practice": {"id": "t", "kind": "numeric"}}
    assert with_html(numeric)["practice"] == numeric["practice"]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("**bold** and *italic*", "<p><strong>bold</strong> and <em>italic</em></p>"),
    ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"),
    ("use `stride=2`", "<p>use <code>stride=2</code></p>"),
    ("costs \\$5 and \\$6", "<p>costs $5 and $6</p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("[notes](javascript:alert(1))", "<p>[notes](javascript:alert(1))</p>"),
    ("[notes](https://example.edu/dl)",
     '<p><a href="https://example.edu/dl" rel="noopener noreferrer nofollow">notes</a></p>'),
])
def test_markdown(markdown, expected):
    assert reply_html(markdown).strip() == expected


def test_math_is_cut_out_before_markdown_reads_underscores_and_stars():
    rendered = reply_html("the sum $x_i * w_i$ over _all_ $i$")
    assert "<em>all</em>" in rendered
    assert rendered.count("<em>") == 1  # nothing inside the formula became emphasis
    assert rendered.count("<msub>") == 2


def test_display_and_inline_math():
    rendered = reply_html("inline $a^2$ and\n$$\\frac{1}{2}$$")
    assert rendered.count('display="inline"') == 1
    assert rendered.count('display="block"') == 1
    assert "<mfrac>" in rendered


def test_text_in_a_formula_is_text_not_markup():
    rendered = reply_html(r"$\text{<img src=x onerror=alert(1)>} + x$")
    assert "<img" not in rendered
    assert "onerror=alert(1)" in Page(rendered).visible
    assert_allowlisted(rendered)


def test_a_formula_the_converter_cannot_read_stays_readable_and_says_so(caplog):
    rendered = reply_html(r"broken $\frac{1}{$ here")
    assert '<code class="tex">\\frac{1}{</code>' in rendered
    assert "could not convert" in caplog.text


def test_suggested_questions_are_inline():
    rendered = inline_html(r"How many parameters does a $3 \times 3$ filter have?")
    assert not rendered.startswith("<p>")
    assert "<math" in rendered


def test_long_inline_formulas_may_break_after_their_relations():
    latex = r"p_h = p_w = \max((14 - 1) \cdot 2 + 5 - 28, 0) = 3"
    assert split_at_relations(latex) == [
        "p_h =", " p_w =", r" \max((14 - 1) \cdot 2 + 5 - 28, 0) =", " 3"]
    assert formula_mathml(latex).count("<math") == 4
    assert formula_mathml("a = b").count("<math") == 1  # short ones stay whole


def test_long_displayed_formulas_wrap_after_their_relations_as_one_block():
    latex = r"p_h = p_w = \max((14 - 1) \cdot 2 + 5 - 28, 0) = 3"
    displayed = formula_mathml(latex, display=True)
    assert displayed.startswith('<span class="math-display"><math')
    assert displayed.count("<math") == displayed.count('displaystyle="true"') == 4
    assert 'display="block"' not in displayed
    assert displayed.count("<wbr>") == 3
    short = formula_mathml(r"\frac{1}{2} = 0.5", display=True)
    assert short.startswith("<math") and short.count('display="block"') == 1


@pytest.mark.parametrize("latex", [
    r"\left( a = b \right) = c",
    r"\frac{a = b}{c} = d",
    r"\begin{pmatrix} a = 1 \\ b \end{pmatrix} = M",
])
def test_nothing_is_cut_inside_a_group(latex):
    assert len(split_at_relations(latex)) == 2


LATEX_PIECES = st.sampled_from(["a", "b_1", "x^{2}", "=", "<", r"\le", r"\frac{1}{2}", "{", "}",
                                r"\left(", r"\right)", "+", " ", r"\alpha", "(", ")", r"\to"])


def balanced(latex: str) -> bool:
    """Whether braces and \\left...\\right pair up, never closing what is not open."""
    depth = 0
    for token in re.findall(r"\\left|\\right|[{}]", latex):
        depth += 1 if token in ("{", r"\left") else -1
        if depth < 0:
            return False
    return depth == 0


@given(st.lists(LATEX_PIECES, max_size=30).map("".join))
def test_splitting_loses_nothing_and_keeps_groups_whole(latex):
    pieces = split_at_relations(latex)
    assert "".join(pieces) == latex
    if balanced(latex):
        assert all(balanced(piece) for piece in pieces), pieces


MARKDOWNISH = st.lists(st.sampled_from(list("ab $\\_*`[]()<>&\"'=/:\n-#|!") + [
    "javascript:", "<script>", "<img src=x onerror=alert(1)>", "\\frac{1}{2}", "<math>",
    "<a href='javascript:x'>", "onclick=", "<svg><script>", "$$", "\ue000", "\ue001"]),
    max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_whatever_the_text_only_allowlisted_markup_comes_out(text):
    for rendered in (reply_html(text), inline_html(text)):
        assert_allowlisted(rendered)
        # (a fenced block's language may say "javascript:" in a class; only addresses matter)
        assert "javascript:" not in " ".join(
            value or "" for _, attributes in Page(rendered).tags
            for name, value in attributes.items() if name in {"href", "src"})


# --- operator names and punctuation ---------------------------------------------------------

OPERATOR_NAMES = [r"\log", r"\exp", r"\max", r"\min", r"\sin", r"\cos", r"\tanh", r"\det",
                  r"\lim", r"\sup", r"\arg", r"\operatorname{softmax}", r"\operatorname{Attn}"]
ORDINARY = ["p", "x_i", r"\theta", "2", r"\frac{a}{b}", r"p_\theta", r"\mathcal{L}", r"\sqrt{x}",
            r"\mathrm{KL}", "|x|"]
OPENING = ["(", "[", r"\{", r"\lfloor"]
NON_ORDINARY = ["+", "-", "=", ",", r"\le", ")", r"\,", r"\quad", r"\ "]


def math_children(mathml: str) -> list[ElementTree.Element]:
    """The children of a `<math>` element's top-level row."""
    root = ElementTree.fromstring(mathml.replace(f' xmlns="{MATHML_NAMESPACE}"', ""))
    return list(root[0] if len(root) == 1 and root[0].tag == "mrow" else root)


def is_name(element: ElementTree.Element) -> bool:
    while element.tag in {"msub", "msup", "msubsup", "munder", "mover", "munderover"}:
        element = element[0]
    return element.tag in {"mi", "mo"} and bool(re.fullmatch(r"[A-Za-z]{2,}",
                                                              element.text or ""))


def is_thin_space(element: ElementTree.Element) -> bool:
    return element.tag == "mspace" and element.get("width") == THIN_SPACE


def plain_mathml(latex: str) -> str:
    return latex_to_mathml(latex)


@given(st.sampled_from(OPERATOR_NAMES), st.sampled_from(["", "_D", "^2", "_{n}"]),
       st.sampled_from(ORDINARY))
def test_an_operator_name_and_an_ordinary_atom_after_it_get_a_thin_space(name, script,
                                                                          ordinary):
    children = math_children(formula_mathml(f"{name}{script} {ordinary}"))
    [position] = [i for i, child in enumerate(children) if is_name(child)]
    assert position == 0  # no space before a name that starts the formula
    assert is_thin_space(children[1]), ElementTree.tostring(children[1])
    assert not is_thin_space(children[2])


@given(st.sampled_from(OPERATOR_NAMES), st.sampled_from(OPENING + NON_ORDINARY))
def test_no_space_before_a_bracket_or_an_operator_that_spaces_itself(name, follower):
    children = math_children(formula_mathml(f"{name}{follower} x"))
    assert is_name(children[0])
    assert not is_thin_space(children[1]), follower


@given(st.sampled_from(ORDINARY + [")"]), st.sampled_from(OPERATOR_NAMES))
def test_an_ordinary_atom_or_closing_bracket_before_an_operator_name_is_spaced(before, name):
    children = math_children(formula_mathml(f"{before} {name}(x)"))
    [position] = [i for i, child in enumerate(children) if is_name(child)]
    assert is_thin_space(children[position - 1])
    assert not is_thin_space(children[position - 2])


def test_log_p_reads_log_p_and_log_of_x_stays_tight():
    assert "<mi>log</mi><mspace" in formula_mathml(r"\log p")
    assert "<mi>log</mi><mo" in formula_mathml(r"\log(x)")
    # \max is an <mo>: the operator dictionary's spacing goes, limits go under it in display
    maximum = formula_mathml(r"\max_D V(D)", display=True)
    assert '<munder><mo lspace="0" rspace="0" movablelimits="true">max</mo>' in maximum
    assert "<msub><mo" in formula_mathml(r"\operatorname{Attn}_i X")  # not a limits name


NAMED_LATEX = st.lists(st.sampled_from([*OPERATOR_NAMES, *ORDINARY, *OPENING, *NON_ORDINARY,
                                        "_D", "^2", "{", "}", r"\sum_i", " "]),
                       max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAMED_LATEX)
def test_spacing_operator_names_adds_spaces_and_nothing_else(latex):
    try:
        plain = plain_mathml(latex)
    except Exception:  # noqa: BLE001 - what latex2mathml cannot read is not spaced either
        return
    spaced = space_operator_names(plain)
    assert Page(spaced).visible == Page(plain).visible
    if spaced == plain:
        return
    root = ElementTree.fromstring(spaced.replace(f' xmlns="{MATHML_NAMESPACE}"', ""))
    for row in root.iter():
        children = list(row)
        for left, right in zip(children, children[1:], strict=False):
            assert not (is_thin_space(left) and is_thin_space(right)), spaced
        spaces = [i for i, child in enumerate(children) if is_thin_space(child)]
        for i in spaces:  # every space added sits next to an operator name, inside the row
            assert 0 < i < len(children) - 1, spaced
            assert is_name(children[i - 1]) or is_name(children[i + 1]), spaced
    assert_allowlisted(reply_html(f"${latex}$"))


PUNCTUATION = st.sampled_from([".", ",", ";", ":", "?", "!", ")", "),", ".)", "'", "&"])


@settings(max_examples=200, deadline=None)
@given(st.lists(LATEX_PIECES, min_size=1, max_size=20).map("".join).filter(str.strip),
       PUNCTUATION, st.booleans())
def test_punctuation_after_inline_math_stays_with_it(latex, punctuation, bracket):
    latex = latex.replace("$", "")
    text = f"we have {'(' if bracket else ''}${latex}${punctuation} and so on"
    for rendered in (reply_html(text), inline_html(text)):
        spans = re.findall(r'<span class="nobreak">(.*?)</span>(?! *<wbr>)', rendered, re.S)
        escaped = html.escape(punctuation, quote=False)
        assert any(span.endswith(("</math>" + escaped, "</code>" + escaped))
                   for span in spans), rendered
        if bracket:
            assert any(span.startswith(("(<math", "(<code")) for span in spans), rendered
        assert_allowlisted(rendered)
        visible = Page(rendered).visible.strip()
        assert visible.startswith("we have ") and visible.endswith(f"{punctuation} and so on")


def test_a_formula_with_nothing_touching_it_gets_no_span():
    assert "nobreak" not in reply_html("so $x$ and $y$ here")
    assert reply_html("so $x$, and") .count('class="nobreak"') == 1
    # a cut formula keeps only its last piece with the comma: it may still break at "="
    cut = reply_html(r"so $p_h = p_w = \max((14 - 1) \cdot 2 + 5 - 28, 0) = 3$, and")
    assert re.search(r'<wbr><span class="nobreak"><math[^>]*><mrow><mi></mi><mn>3</mn>'
                     r'</mrow></math>,</span>', cut), cut


@pytest.mark.parametrize("latex", [r"\ge 0", "= 3", r"\le \log p(x)", r"\to 0"])
def test_an_operator_opening_a_formula_has_no_space_on_its_left(latex):
    assert '<mrow><mo lspace="0">' in formula_mathml(latex)
