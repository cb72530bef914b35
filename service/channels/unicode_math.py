"""LaTeX maths as plain Unicode text, for every place that cannot show MathML: the terminal
(`tutor ask`, `tutor kb list`), Slack's mrkdwn and button labels, the instructors' dashboard.

Channel-neutral, so that no channel imports another to read maths the same way: each adds its
own markup around what `latex_to_unicode`, `math_text` and `plain_label` return.
"""

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

# --- LaTeX to readable Unicode -----------------------------------------------------------------
#
# pylatexenc does the symbol work (Greek letters, operators, accents, environments); a small
# scanner in front of it takes over the constructs that pylatexenc renders ambiguously or
# unreadably: fractions ("a + b/c" for \frac{a+b}{c}), sub- and superscripts ("h_t-1"),
# \mathcal{O}, norms, and the spacing around operators and function names ("≈log"). Each
# construct it handles becomes a private-use placeholder that pylatexenc passes through
# untouched, filled in afterwards.

SUBSCRIPTS = dict(zip("0123456789+-=()aehijklmnoprstuvxβγρφϕχ",
                      "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵩᵪ", strict=True))
SUPERSCRIPTS = dict(zip(
    "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεϵθιφϕχ⊤",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᵋᶿᶥᶲᶲᵡᵀ",
    strict=True))
OPERATORS = {
    "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
    "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "implies": "⟹",
    "iff": "⟺", "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
    "times": "×", "cdot": "·", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "pm": "±", "mp": "∓",
    "mid": "|", "perp": "⊥", "ll": "≪", "gg": "≫", "circ": "∘", "star": "⋆", "ast": "∗",
    "setminus": "∖", "cup": "∪", "cap": "∩", "div": "÷", "land": "∧", "lor": "∨",
}
FUNCTIONS = {"log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "max", "min",
             "sup", "inf", "lim", "arg", "argmax", "argmin", "det", "dim", "ker", "Pr"}
SIZING = {"left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
          "Bigr", "biggl", "biggr", "displaystyle", "textstyle", "limits", "nolimits"}
TEXT_FONTS = {"text", "textrm", "textit", "textbf", "textsf", "texttt", "mbox"}
PLAIN_FONTS = {"mathbf", "boldsymbol", "bm", "mathit", "mathsf", "mathtt", "mathrm",
               "mathnormal", "operatorname"}
BIG_OPERATORS = {"sum": "∑", "prod": "∏", "int": "∫", "iint": "∬", "oint": "∮"}
FRACTIONS = {"frac", "tfrac", "dfrac", "cfrac"}
# \mathcal letters with a letterlike symbol in the Basic Multilingual Plane; the others
# (\mathcal{O}, \mathcal{N}) read best as the plain capital, as plain-text maths writes them.
SCRIPT_LETTERS = {"L": "ℒ", "H": "ℋ", "F": "ℱ", "E": "ℰ", "B": "ℬ", "M": "ℳ", "R": "ℛ", "I": "ℐ"}
# Commands that take arguments: read whole when they are a sub- or superscript.
_WITH_ARGUMENTS = (TEXT_FONTS | PLAIN_FONTS | FRACTIONS | {
    "mathcal", "mathbb", "mathfrak", "hat", "widehat", "tilde", "widetilde", "bar", "overline",
    "vec", "dot", "ddot", "sqrt"})
_OPENS_SOMETHING = _WITH_ARGUMENTS | {"begin", "end"}
_BINARY = set("+-−=<>≤≥≈∼≠,/·×⊙→←∈")
_WIDE_SPACE = "\ue006"  # \quad: kept apart from ordinary spaces, which get collapsed
# One character per placeholder, from a private-use plane: pylatexenc treats it as a letter, so
# an accent or a group around it stays outside it.
_PIECES = 0xF0000
_PLACEHOLDER = re.compile("[\U000F0000-\U000FFFFD]")
_COMMAND = re.compile(r"\\([A-Za-z]++|.?)", re.S)
_BRACES_AND_TABS = re.compile(r"[{}&]")
_SPACE_THEN_SYMBOL = re.compile(r"(?<!\s)\s++[^\w\\]")
# What may stand between a command and the word it is followed by: spaces and sizing commands.
_SPACING = re.compile(r"(?:\s|\\(?:left|right|[bB]igg?[lr]?|!|,)(?![A-Za-z]))*+")
_COMMAND_WORD = re.compile(r"\\(?!r(?:floor|ceil|Vert|angle)\b)[A-Za-z]")
_LATEX = LatexNodes2Text(math_mode="text")


def latex_to_unicode(latex: str) -> str:
    """Return LaTeX maths (without its dollars) as readable Unicode text, on one line.

    `\\lfloor M/2 \\rfloor + 1` reads `⌊M/2⌋ + 1`, `W_h` reads `Wₕ`, `\\frac{a+b}{c}` reads
    `(a + b)/c`. Never raises: LaTeX that does not parse comes out as well as pylatexenc's
    tolerant parser reads it, and no backslash command survives.
    """
    return _unicode(latex).replace(_WIDE_SPACE, "   ")


def _unicode(latex: str) -> str:
    """latex_to_unicode, keeping \\quad's wide space marked (outer calls collapse spaces)."""
    return _tidy(_MathScanner(latex).convert()).strip()


_SPACES = re.compile(r"\s++")
_SPACE_AFTER_OPENING = re.compile(r"([(\[⌊⌈]) ")
_SPACE_BEFORE_CLOSING = re.compile(r" ([)\]⌋⌉,;])")
_SPACE_BEFORE_STOP = re.compile(r" \.(?=\s|$)")
_SPACE_AFTER_NABLA = re.compile(r"([∂∇]) (?!(?:" + "|".join(FUNCTIONS) + r")\b)(?=\w)")
_AROUND_WIDE_SPACE = re.compile(f" ?{_WIDE_SPACE} ?")
_BACKSLASHES = re.compile(r"\\++([A-Za-z]*+)")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _SPACE_AFTER_OPENING.sub(r"\1", text)
    text = _SPACE_BEFORE_CLOSING.sub(r"\1", text)
    text = _SPACE_BEFORE_STOP.sub(".", text)
    text = _SPACE_AFTER_NABLA.sub(r"\1", text)
    text = _AROUND_WIDE_SPACE.sub(_WIDE_SPACE, text)
    text = text.replace("*", "∗")  # the maths asterisk; a plain one would start Slack's bold
    return strip_commands(text)


def strip_commands(text: str) -> str:
    """Drop any backslash left before a command name (or alone): the last line of defence."""
    return _BACKSLASHES.sub(r"\1", text)


def _is_atom(text: str) -> bool:
    """Whether `text` reads unambiguously beside "/" without parentheses ("2PR", "(a + b)")."""
    depth = 0
    for char in text:
        if char in "([{⌊⌈":
            depth += 1
        elif char in ")]}⌋⌉":
            depth -= 1
        elif depth == 0 and (char.isspace() or char in _BINARY):
            return False
    return bool(text)


def _script(text: str, table: dict[str, str], mark: str) -> str:
    """`text` in Unicode sub- or superscripts where all exist, else `_x`, `_data`, `^(x+y)`."""
    if not text:
        return ""
    if all(char in table for char in text):
        return "".join(table[char] for char in text)
    if mark == "^" and text in ("∗", "′", "″", "'"):
        return text
    if len(text) == 1 or (text.isascii() and text.isalpha()):
        return mark + text
    return f"{mark}({text})"


class _MathScanner:
    """One pass over a LaTeX string: the constructs it handles become placeholders, the rest is
    copied for pylatexenc. Arguments of handled constructs are converted recursively."""

    def __init__(self, latex: str):
        self.source = latex
        self.position = 0
        self.out: list[str] = []
        self.pieces: list[str] = []

    def convert(self) -> str:
        while self.position < len(self.source):
            self._step()
        latex = "".join(self.out)
        try:
            rendered = _LATEX.latex_to_text(latex)
        except Exception:  # pylatexenc trips on some malformed input (an empty matrix)
            rendered = strip_commands(_BRACES_AND_TABS.sub(" ", latex))
        return _PLACEHOLDER.sub(lambda m: self.pieces[ord(m.group()) - _PIECES], rendered)

    def _emit(self, text: str) -> None:
        self.out.append(chr(_PIECES + len(self.pieces)))
        self.pieces.append(text)

    def _peek(self) -> str:
        return self.source[self.position:self.position + 1]

    def _skip_spaces(self) -> None:
        while self._peek() and self._peek().isspace():
            self.position += 1

    def _command(self) -> str:
        """Read a backslash command: a word (`\\frac`) or a single symbol (`\\,`)."""
        match = _COMMAND.match(self.source, self.position)
        self.position = match.end()
        return match.group(1)

    def _argument(self) -> str:
        """Read one argument as raw LaTeX: a {group}, a command with its arguments, or a char."""
        self._skip_spaces()
        char = self._peek()
        if char == "{":
            return self._group()
        if char == "\\":
            start = self.position
            name = self._command()
            if name in _WITH_ARGUMENTS:
                for _ in range(2 if name in FRACTIONS else 1):
                    self._argument()
            return self.source[start:self.position]
        self.position += len(char)
        return char

    def _group(self) -> str:
        """Read a balanced {group} and return what is inside the braces (to the end if open)."""
        depth, start = 0, self.position
        while self.position < len(self.source):
            char = self.source[self.position]
            if char == "\\":
                self.position += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            self.position += 1
            if depth == 0:
                return self.source[start + 1:self.position - 1]
        return self.source[start + 1:]

    def _step(self) -> None:
        char = self._peek()
        if char in ("_", "^"):
            self.position += 1
            inner = _unicode(self._argument())
            self._emit(_script(inner, SUBSCRIPTS if char == "_" else SUPERSCRIPTS, char))
        elif char == "\\":
            self._macro()
        elif char == "-":  # a placeholder, or pylatexenc reads "--" as an en dash
            self.position += 1
            self._emit("-")
        else:
            self.position += 1
            self.out.append(" " if char == "~" else char)

    def _macro(self) -> None:
        start = self.position
        name = self._command()
        if name in FRACTIONS:
            parts = [_unicode(self._argument()) for _ in range(2)]
            self._emit("/".join(p if _is_atom(p) or not p else f"({p})" for p in parts)
                       + (" " if self._word_follows("([") else ""))
        elif name == "sqrt":
            self._skip_spaces()
            if self._peek() == "[":  # \sqrt[n]{x}: the root's degree is dropped
                end = self.source.find("]", self.position)
                self.position = end + 1 if end >= 0 else len(self.source)
            inner = _unicode(self._argument())
            self._emit("√" + (inner if _is_atom(inner) or not inner else f"({inner})"))
        elif name == "mathcal":
            inner = _unicode(self._argument())
            self._emit("".join(SCRIPT_LETTERS.get(char, char) for char in inner))
        elif name == "operatorname":
            self._emit(self._function(_unicode(self._argument())))
        elif name in PLAIN_FONTS:
            self._emit(_unicode(self._argument()))
        elif name in TEXT_FONTS:  # keep the spaces at the ends: \text{if } x
            self._emit(_tidy(_MathScanner(self._argument()).convert()))
        elif name == "underbrace":
            body = _unicode(self._argument())
            self._skip_spaces()
            if self._peek() == "_":
                self.position += 1
                body += f" ({_unicode(self._argument())})"
            self._emit(body)
        elif name in SIZING:
            self._skip_spaces()
            if self._peek() == ".":  # \left. is an invisible delimiter
                self.position += 1
        elif name in ("|", "Vert", "lVert", "rVert"):
            if name != "|":
                self._skip_spaces()  # as TeX does after a command word: "‖w‖", not "‖ w‖"
            self._emit("‖")
        elif name in BIG_OPERATORS:
            self._emit(BIG_OPERATORS[name] + (" " if self._word_follows() else ""))
        elif name in OPERATORS:
            self._emit(f" {OPERATORS[name]} ")
        elif name in FUNCTIONS:
            self._emit(self._function(name))
        elif name in ("quad", "qquad"):
            self._emit(_WIDE_SPACE)
        elif name in (",", ";", ":", " ", ">"):
            self._emit(" ")  # a placeholder: pylatexenc would drop a space after a command
        elif name in ("$", "%", "&", "#", "_", "{", "}"):
            self._emit(name)
        elif name != "!":
            self.out.append(self.source[start:self.position])
            if name.isalpha() and name not in _OPENS_SOMETHING and \
                    _SPACE_THEN_SYMBOL.match(self.source, self.position):
                self.out.append("{}")  # or pylatexenc eats the space before "=": "γ= x"

    def _word_follows(self, also: str = "") -> bool:
        """Whether a letter, digit or command comes next (past sizing commands and spaces)."""
        at = _SPACING.match(self.source, self.position).end()  # read in place, never copied
        following = self.source[at:at + 1]
        if following.isalnum() or (following and following in also):
            return True
        return bool(_COMMAND_WORD.match(self.source, at))

    def _function(self, name: str) -> str:
        """A function name with the spaces LaTeX would set around it: "2 log x", "log(x)"."""
        before = self.out[-1] if self.out else ""
        placeholder = _PLACEHOLDER.fullmatch(before)
        before = (self.pieces[ord(before) - _PIECES] if placeholder else before)[-1:]
        space_before = " " if before.isalnum() or before in (")", "]") else ""
        return space_before + name + (" " if self._word_follows() else "")


# --- maths in Markdown -------------------------------------------------------------------------

# A maths span runs to the next unescaped dollar: no "$" inside, "\$" kept as a character.
_MATH = re.compile(r"\$\$((?:[^$\\]|\\.)++)\$\$|(?<!\\)\$((?:[^$\\]|\\.)++)\$", re.S)
MATH_SPAN = _MATH  # public: Slack's mrkdwn and `tutor` find maths as here (group 1: $$)
_EMPHASIS_MARK = re.compile(r"\*\*|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


def math_text(markdown: str) -> str:
    """Replace every `$...$` / `$$...$$` span of `markdown` with its Unicode reading."""
    text = _MATH.sub(lambda m: latex_to_unicode(m.group(1) or m.group(2)), markdown)
    return strip_commands(text.replace("\\$", "$"))


def plain_label(markdown: str, limit: int) -> str:
    """A one-line plain-text label (a Slack button's, a line in the terminal or the dashboard)
    for Markdown with maths, cut to `limit`."""
    text = math_text(markdown)
    text = " ".join(_EMPHASIS_MARK.sub("", text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
