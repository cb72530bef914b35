"""LaTeX maths as Unicode text: the scanner's readings, its script tables, and that no LaTeX
leaves a command or a placeholder behind."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from service.channels.unicode_math import SUBSCRIPTS, SUPERSCRIPTS, latex_to_unicode

MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")


def entry_texts(entry) -> list[str]:
    return [entry.question, entry.answer, entry.explanation, *entry.misconceptions,
            *(entry.choices or ()), *(entry.choice_reasons or ())]


# --- LaTeX to Unicode --------------------------------------------------------------------------


@pytest.mark.parametrize(("latex", "unicode"), [
    (r"\lfloor M/2 \rfloor + 1", "⌊M/2⌋ + 1"),
    ("W_h", "Wₕ"),
    (r"\mathcal{O}", "O"),
    (r"\mathcal{O}(n^2 d)", "O(n² d)"),
    (r"\frac{n + 2p - k}{s}", "(n + 2p - k)/s"),
    (r"\frac{a}{b}", "a/b"),
    (r"\tfrac12", "1/2"),
    (r"h_{t-1}", "hₜ₋₁"),
    (r"W_h^\top", "Wₕᵀ"),
    (r"p_{data}", "p_data"),
    (r"\sigma_1^2", "σ₁²"),
    (r"\|W_h\|_2 \le 1", "‖Wₕ‖₂ ≤ 1"),
    (r"\sqrt{d_k}", "√dₖ"),
    (r"\sqrt{\sigma^2 + \epsilon}", "√(σ² + ϵ)"),
    (r"2\,\mathrm{JS}(p\|q) - \log 4", "2 JS(p‖q) - log 4"),
    (r"\mathbb{E}_{x \sim p}[\log D(x)]", "𝔼_(x ∼ p)[log D(x)]"),
    (r"\text{out} = \left\lceil \frac{n}{s} \right\rceil", "out = ⌈n/s⌉"),
    (r"a \quad b", "a   b"),
    (r"q^*", "q∗"),
    (r"\$5", "$5"),
])
def test_latex_reads_as_unicode(latex, unicode):
    assert latex_to_unicode(latex) == unicode


def test_every_math_span_in_the_knowledge_base_converts_without_commands(knowledge_base):
    spans = [match.group(1) or match.group(2)
             for entry in knowledge_base.entries.values() for text in entry_texts(entry)
             for match in MATH_SPAN.finditer(text)]
    assert len(spans) > 500  # the real knowledge base, not an empty one
    for span in spans:
        text = latex_to_unicode(span)
        assert "\\" not in text, (span, text)
        assert not PRIVATE_USE.search(text), (span, text)
        assert text.strip() or not span.strip(), span



# Unicode has no superscript Greek α, ε, ι, φ: its modifier letters for them fold to the Latin
# letters drawn the same way.
LOOKALIKES = str.maketrans({"ɑ": "α", "ɛ": "ε", "ɩ": "ι", "ɸ": "φ", "ϵ": "ε", "ϕ": "φ",
                            "−": "-"})  # and the scripts' minus sign folds to U+2212


def fold(text: str) -> str:
    """Compatibility-fold sub- and superscripts back to the letters they raise or lower."""
    return unicodedata.normalize("NFKC", text).translate(LOOKALIKES)


def test_the_script_tables_are_unicodes_own_sub_and_superscripts():
    """NFKC folds a sub- or superscript letter back to its letter: an independent check."""
    for table, kind in ((SUBSCRIPTS, "<sub>"), (SUPERSCRIPTS, "<super>")):
        for plain, script in table.items():
            if plain == "⊤":
                continue  # the transpose sign is written as a superscript T
            assert fold(script) == fold(plain), (plain, script)
            assert unicodedata.decomposition(script).startswith(kind), (plain, script)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from("xWhσ"), script=st.text(alphabet="0123456789+-=aehijklmnoprstuvx",
                                                    min_size=1, max_size=6),
       mark=st.sampled_from("_^"))
def test_sub_and_superscripts_fold_back_to_what_was_written(base, script, mark):
    assume(mark == "_" or all(c in SUPERSCRIPTS for c in script))
    text = latex_to_unicode(f"{base}{mark}{{{script}}}")
    assert fold(text) == fold(base + script)
    assert text.startswith(base) and "_" not in text and "^" not in text


def _expression():
    """(LaTeX, exact value) of random arithmetic with \\frac, \\cdot, + and -."""
    leaf = st.integers(1, 9).map(lambda n: (str(n), Fraction(n)))

    def grow(children):
        def combine(args):
            op, (a, x), (b, y) = args
            if op == "frac":
                assume(y != 0)
                return rf"\frac{{{a}}}{{{b}}}", x / y
            if op == "paren":
                return rf"\left({a}\right)", x
            symbol, value = {"+": ("+", x + y), "-": ("-", x - y), "cdot": (r"\cdot", x * y)}[op]
            wrap = op == "cdot" or op == "-"  # keep LaTeX's own precedence out of the question
            left = rf"\left({a}\right)" if wrap else a
            right = rf"\left({b}\right)" if wrap else b
            return f"{left} {symbol} {right}", value
        return st.tuples(st.sampled_from(["frac", "+", "-", "cdot", "paren"]), children,
                         children).map(combine)

    return st.recursive(leaf, grow, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(_expression())
def test_fractions_keep_their_meaning(expression):
    """Python evaluates the Unicode reading to the same number the LaTeX denotes."""
    latex, value = expression
    text = latex_to_unicode(latex).replace("·", "*")
    python = re.sub(r"\d+", lambda m: f"Fraction({m.group()})", text)
    assert eval(python, {"Fraction": Fraction}) == value, (latex, text)  # noqa: S307


LATEXISH = st.lists(st.sampled_from([
    r"\frac", r"\sqrt", "{", "}", "_", "^", r"\left", r"\right", r"\|", r"\text", r"\mathcal",
    r"\begin{pmatrix}", r"\end{pmatrix}", r"\\", "&", "$", "$$", r"\log", r"\foo", "\\", "x",
    "1", " ", "(", ")", r"\alpha", r"\,", r"\quad", r"\hat", r"\underbrace", r"\operatorname",
    "*", "**", "`", "<", "%", "~", "\n", r"\$", r"\sum", r"\int", r"\lVert", r"\tfrac",
]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(LATEXISH)
def test_any_latex_converts_without_raising_or_leaving_commands(latex):
    text = latex_to_unicode(latex)
    assert "\\" not in text and not PRIVATE_USE.search(text)
