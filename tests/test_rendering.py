"""Replies as HTML: Markdown rendered, every formula MathML, nothing outside the allowlist."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service import create_app
from service.rendering import (
    ATTRIBUTES,
    HTML_TAGS,
    MATHML_TAGS,
    formula_mathml,
    inline_html,
    reply_html,
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
        assert mathml.startswith("<math"), latex
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
    assert formula_mathml(latex, display=True).count("<math") == 1
    assert formula_mathml("a = b").count("<math") == 1  # short ones stay whole


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
        assert "javascript:" not in " ".join(
            value or "" for _, attributes in Page(rendered).tags for value in attributes.values())
