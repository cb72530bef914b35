"""Slack as a channel: verify what Slack sends, read it, and answer in Block Kit with Unicode math.

Nothing here imports Flask: `service.channels.slack.routes` hands over the raw body and headers
and gets back what to acknowledge with. Whatever might outlast Slack's three seconds (posting
through `chat.postMessage` or a `response_url`) runs on a `Background` executor after the ack.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import wait as wait_for
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs

from marshmallow import Schema, ValidationError
from pylatexenc.latex2text import LatexNodes2Text
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.signature import Clock, SignatureVerifier
from slack_sdk.webhook import WebhookClient

from service.channels.slack import schemas
from service.core.sessions import SWEEP_BATCH, SqliteConnections
from service.errors import TutorError, flatten_messages
from service.knowledge.loading import KnowledgeBase

log = logging.getLogger(__name__)

ACK_SECONDS = 2.0  # Slack gives up at 3 s; what is not ready by then is posted afterwards
SEEN_TTL_SECONDS = 3600  # Slack retries an event for about half an hour at most
SECTION_LIMIT = 3000  # characters in one section block's text
BLOCK_LIMIT = 50  # blocks in one message
BUTTON_LABEL_LIMIT = 75
MAX_SUGGESTIONS = 3


# --- errors ------------------------------------------------------------------------------------


class SlackSignatureError(TutorError):
    """The request is not provably from Slack: unsigned, wrongly signed, stale or replayed."""

    status = 401
    code = "invalid_signature"


class SlackBodyError(TutorError):
    """A correctly signed body, or a field in it, that is not the JSON it should be."""

    status = 400
    code = "invalid_json"


class SlackFormError(TutorError):
    """A correctly signed body that is not form data (slash commands, clicks)."""

    status = 400
    code = "bad_request"


class SlackValidationError(TutorError):
    """A correctly signed body that lacks fields we need or has malformed ones."""

    status = 422
    code = "validation_error"


# --- verification ------------------------------------------------------------------------------


class _CallableClock(Clock):
    """slack_sdk's clock interface over a plain `time.time`-like function (tests inject one)."""

    def __init__(self, now: Callable[[], float]):
        self._now = now

    def now(self) -> float:
        return self._now()


_UNIX_TIME = re.compile(r"\d{1,12}")


CHANNEL = "slack"  # the dialogue's name for this channel; its session ids start "slack:"


class RequestVerifier:
    """Checks Slack's v0 signature with slack_sdk's `SignatureVerifier` (constant-time compare,
    five-minute window) and, where asked, refuses a signature it has already accepted."""

    SIGNATURE = "X-Slack-Signature"
    TIMESTAMP = "X-Slack-Request-Timestamp"
    WINDOW_SECONDS = 5 * 60  # slack_sdk's window; only used to say *why* a request was refused

    def __init__(self, signing_secret: str, clock: Callable[[], float] = time.time,
                 seen: SeenStore | None = None):
        self.clock = clock
        self.seen = seen
        self._verifier = SignatureVerifier(signing_secret, clock=_CallableClock(clock))

    def verify(self, body: bytes, headers: Mapping[str, str], once: bool = False) -> None:
        """Return when `body` was signed by Slack within the window; raise SlackSignatureError.

        With `once`, a signature seen before is a replay and refused too. Events do not use it:
        an event that arrives twice is acknowledged again and answered once (by event id).
        """
        signature = headers.get(self.SIGNATURE)
        timestamp = headers.get(self.TIMESTAMP)
        if not signature or not timestamp:
            missing = [name for name, value in ((self.SIGNATURE, signature),
                                                (self.TIMESTAMP, timestamp)) if not value]
            raise SlackSignatureError("The request is not signed by Slack.",
                                      {name: ["Missing."] for name in missing})
        if not _UNIX_TIME.fullmatch(timestamp):
            raise SlackSignatureError("The request's timestamp is not a Unix time.",
                                      {self.TIMESTAMP: ["Not a Unix time in seconds."]})
        if not self._verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
            if abs(self.clock() - int(timestamp)) > self.WINDOW_SECONDS:
                raise SlackSignatureError("The request is too old (or from the future).",
                                          {self.TIMESTAMP: ["Not within five minutes of now."]})
            raise SlackSignatureError("The request's signature does not match.",
                                      {self.SIGNATURE: ["Does not match the body."]})
        if once and self.seen is not None and not self.seen.first_time("sig:" + signature):
            raise SlackSignatureError("The request has been received before (a replay).",
                                      {self.SIGNATURE: ["Already used."]})


# --- reading what Slack sends ------------------------------------------------------------------


def load(schema: Schema, data: Any, prefix: str = "") -> dict:
    """Validate `data` with `schema`; raise SlackValidationError naming the fields at fault."""
    try:
        return schema.load(data)
    except ValidationError as error:
        fields = flatten_messages(error.messages, prefix)
        summary = "; ".join(f"{name}: {' '.join(problems)}" for name, problems in fields.items())
        raise SlackValidationError(f"The request is not valid: {summary}", fields) from None


def read_form(body: bytes) -> dict[str, str]:
    """Return a form-encoded body as {name: first value}; raise SlackFormError if it is not one."""
    try:
        text = body.decode("utf-8")
        pairs = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text),
                         max_num_fields=100, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise SlackFormError("The request body is not form data.",
                             {"_schema": ["Not application/x-www-form-urlencoded."]}) from None
    return {name: values[0] for name, values in pairs.items()}


def read_json(body: bytes | str, field: str = "_schema") -> dict:
    """Return a JSON object; raise SlackBodyError (naming `field`) for anything else."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise SlackBodyError("The request body is not a JSON object.",
                             {field: ["Not a JSON object."]})
    return data


# Slack writes a literal "<" in user text as "&lt;", so markup never contains one: stopping at
# the next "<" keeps each unclosed "<" from scanning the rest of the text.
_MENTION = re.compile(r"<[@!][^<>]*+>")
_LINK = re.compile(r"<([^<>|]++)(?:\|([^<>]*+))?>")


def message_text(slack_text: str) -> str:
    """A user's Slack message as the plain text the tutor reads.

    Drops mentions (the bot's own among them) and broadcasts, shows links and channels by
    their label, and undoes Slack's escaping of &, < and >.
    """
    text = _MENTION.sub(" ", slack_text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1).lstrip("#"), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


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


# --- Markdown to Slack mrkdwn ------------------------------------------------------------------

_CODE = re.compile(r"```(?:[^`]|`(?!``))*+```|`[^`\n]++`")
# A maths span runs to the next unescaped dollar: no "$" inside, "\$" kept as a character.
_MATH = re.compile(r"\$\$((?:[^$\\]|\\.)++)\$\$|(?<!\\)\$((?:[^$\\]|\\.)++)\$", re.S)
MATH_SPAN = _MATH  # public: the `tutor` command finds maths as this channel does (group 1: $$)
_LIST_DASH = re.compile(r"(?m)^([ \t]*+)[-*] ")
_HEADING = re.compile(r"(?m)^#{1,6} ++(.+)$")
_STRONG = re.compile(r"\*\*((?:[^*]|\*(?!\*))++)\*\*")
# An italic span is at most a line of a few hundred characters: a lone "_" then looks that far
# for its partner and no further.
_ITALIC_UNDERSCORE = re.compile(r"(?<!\w)_(\S[^\n]{0,300}?)_(?!\w)")
_ITALIC_STAR_INSIDE = re.compile(r"\*([^*\n]++)\*")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(\S[^*\n]*?)\*(?![\w*])")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]++)\]\((https?://[^()\s]++)\)")
_BLANK_LINES = re.compile(r"\n{3,}")
_EMPHASIS_MARK = re.compile(r"\*\*|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
# Pieces set aside (code, converted maths) are single characters from another private-use
# plane, so that even when one lands inside maths the LaTeX scanner moves it about whole.
_KEPT_BASE = 0x100000
_KEPT = re.compile("[\U00100000-\U0010FFFD]")
_BOLD = "\ue004"


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters in message text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def math_text(markdown: str) -> str:
    """Replace every `$...$` / `$$...$$` span of `markdown` with its Unicode reading."""
    text = _MATH.sub(lambda m: latex_to_unicode(m.group(1) or m.group(2)), markdown)
    return strip_commands(text.replace("\\$", "$"))


def to_mrkdwn(markdown: str) -> str:
    """Return the tutor's Markdown (with `$...$` LaTeX) as Slack mrkdwn with Unicode maths.

    Display maths becomes a preformatted block of its own; `**bold**` becomes `*bold*`,
    `*italic*` `_italic_`, list dashes bullets; &, < and > are escaped; and no backslash
    command is left outside code.
    """
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return chr(_KEPT_BASE + len(kept) - 1)

    def maths(match: re.Match) -> str:
        if match.group(1) is not None:
            return "\n" + keep("```" + escape(latex_to_unicode(match.group(1))) + "```") + "\n"
        return keep(escape(latex_to_unicode(match.group(2))))

    text = _CODE.sub(lambda m: keep(escape(m.group(0))), markdown)
    text = _MATH.sub(maths, text)
    text = escape(strip_commands(text.replace("\\$", "$")))
    text = _LIST_DASH.sub("\\1• ", text)
    text = _HEADING.sub(_BOLD + r"\1" + _BOLD, text)
    text = _STRONG.sub(_BOLD + r"\1" + _BOLD, text)
    # Italics inside italics (`_Ask *why?*_`) cannot nest in Slack: the inner ones get quotes.
    text = _ITALIC_UNDERSCORE.sub(
        lambda m: "_" + _ITALIC_STAR_INSIDE.sub("“\\1”", m.group(1)) + "_", text)
    text = _ITALIC_STAR.sub(r"_\1_", text)
    text = _MARKDOWN_LINK.sub(r"<\2|\1>", text)
    text = text.replace(_BOLD, "*")
    for _ in range(len(kept) + 1):  # kept pieces can hold others (a "$" inside code)
        if not _KEPT.search(text):
            break
        text = _KEPT.sub(lambda m: kept[ord(m.group()) - _KEPT_BASE], text)
    # Backticks inside maths can pair up differently once the maths is gone: check again.
    parts = _CODE.split(text)
    codes = _CODE.findall(text)
    text = "".join(strip_commands(part) + (codes[i] if i < len(codes) else "")
                   for i, part in enumerate(parts))
    return _BLANK_LINES.sub("\n\n", text).strip()


def plain_label(markdown: str, limit: int = BUTTON_LABEL_LIMIT) -> str:
    """A one-line plain-text label (a button's) for Markdown with maths, cut to `limit`."""
    text = math_text(markdown)
    text = " ".join(_EMPHASIS_MARK.sub("", text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --- Block Kit ---------------------------------------------------------------------------------

_STEPS = "\ue005"


def render_reply(reply: Any, note: str | None = None) -> dict:
    """Return a dialogue `Reply` as a Slack message: {"text": ..., "blocks": [...]}.

    The answer comes first (calculations with their worked steps as a preformatted block),
    then "Explain more" / "Related", practice choices when the reply has any, and up to three
    suggestions; every button carries the session id, so a click continues this conversation.
    `note` is a context line above the answer (who clicked what).
    """
    body = _body_mrkdwn(reply)
    blocks: list[dict] = []
    if note:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    sections = _sections(body)
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": s}} for s in sections]
    follow_ups = []
    if reply.kind in ("answer", "calculation"):
        follow_ups.append(_button("tutor_more", "Explain more", reply.session_id,
                                  message="explain more"))
    if reply.kind == "answer" and reply.entry_id:
        follow_ups.append(_button("tutor_related", "Related", reply.session_id,
                                  message="related"))
    if follow_ups:
        blocks.append({"type": "actions", "block_id": "tutor_follow_ups",
                       "elements": follow_ups})
    practice = getattr(reply, "practice", None) or {}
    if practice.get("choices") and "result" not in practice:  # a question not yet answered
        blocks.append({"type": "actions", "block_id": "tutor_practice", "elements": [
            _button(f"tutor_practice_{n}", f"{n}. {choice}", reply.session_id, message=str(n))
            for n, choice in enumerate(practice["choices"][:25], start=1)]})
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": (
            "A button answers with that one statement; if several are true, reply with all "
            "their numbers, e.g. “1, 3”.")}]})
    suggestions = list(reply.suggestions or [])[:MAX_SUGGESTIONS]
    if suggestions:
        if reply.kind in ("answer", "calculation"):
            blocks.append({"type": "context", "elements": [
                {"type": "mrkdwn", "text": "You could also ask:"}]})
        blocks.append({"type": "actions", "block_id": "tutor_suggestions", "elements": [
            _button(f"tutor_suggestion_{n}", s.question, reply.session_id, entry=s.entry_id)
            for n, s in enumerate(suggestions, start=1)]})
    return {"text": _fallback_text(sections), "blocks": _fit(blocks)}


def _body_mrkdwn(reply: Any) -> str:
    text = reply.reply
    steps = ((getattr(reply, "calculation", None) or {}).get("result") or {}).get("steps")
    listing = "\n".join(f"- {step}" for step in steps or ())
    if steps and listing in text:
        text = text.replace(listing, _STEPS)
        block = "```" + "\n".join(escape(math_text(step)) for step in steps) + "```"
        return to_mrkdwn(text).replace(_STEPS, block)
    return to_mrkdwn(text)


def _sections(mrkdwn: str) -> list[str]:
    """Split text into section-sized pieces at paragraph breaks (never inside a code block)."""
    sections: list[str] = []
    for paragraph in mrkdwn.split("\n\n"):
        while len(paragraph) > SECTION_LIMIT:  # one enormous paragraph: cut at a line or space
            cut = max(paragraph.rfind("\n", 0, SECTION_LIMIT), paragraph.rfind(" ", 0,
                                                                             SECTION_LIMIT))
            cut = cut if cut > 0 else SECTION_LIMIT
            sections.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        if sections and len(sections[-1]) + 2 + len(paragraph) <= SECTION_LIMIT:
            sections[-1] += "\n\n" + paragraph
        elif paragraph:
            sections.append(paragraph)
    return sections or ["…"]


def _fit(blocks: list[dict]) -> list[dict]:
    """Keep within Slack's 50 blocks by dropping the answer's last sections, never the buttons."""
    excess = len(blocks) - BLOCK_LIMIT
    if excess <= 0:
        return blocks
    sections = [i for i, block in enumerate(blocks) if block["type"] == "section"]
    drop = set(sections[-excess - 1:-1] if len(sections) > excess else sections[:excess])
    return [block for i, block in enumerate(blocks) if i not in drop]


def _fallback_text(sections: list[str]) -> str:
    """The message's `text`: what notifications and screen readers without blocks show."""
    text = sections[0]
    return text if len(text) <= SECTION_LIMIT else text[:SECTION_LIMIT - 1] + "…"


def _button(action_id: str, label: str, session_id: str, *, message: str | None = None,
            entry: str | None = None) -> dict:
    value = {"s": session_id, **({"m": message} if message else {"e": entry})}
    return {"type": "button", "action_id": action_id,
            "text": {"type": "plain_text", "text": plain_label(label), "emoji": False},
            "value": json.dumps(value, separators=(",", ":"))}


# --- state shared by the workers ---------------------------------------------------------------


class SeenStore(Protocol):
    """Remembers keys (event ids, signatures) for a while, across every worker."""

    def first_time(self, key: str) -> bool: ...


class MemorySeenStore:
    """Seen keys in this process only: for a single process (tests, `tutor serve` with one
    worker)."""

    def __init__(self, ttl_seconds: float = SEEN_TTL_SECONDS, clock=time.time):
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless it was recorded within the TTL."""
        now = self.clock()
        with self._lock:
            seen = self._seen.get(key)
            if seen is not None and now - seen <= self.ttl_seconds:
                return False
            self._seen.pop(key, None)
            self._seen[key] = now  # kept in the order seen: the expired ones are at the front
            for _ in range(SWEEP_BATCH):
                oldest = next(iter(self._seen))
                if now - self._seen[oldest] <= self.ttl_seconds:
                    break
                del self._seen[oldest]
            return True


class SqliteSeenStore:
    """Seen keys in a SQLite table (in the session database), so that the first worker to
    insert an event id wins and every other worker sees it: INSERT OR IGNORE is atomic."""

    def __init__(self, path: str | Path, ttl_seconds: float = SEEN_TTL_SECONDS, clock=time.time):
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._connection = SqliteConnections(
            self.path, "CREATE TABLE IF NOT EXISTS slack_seen ("
                       "key TEXT PRIMARY KEY, seen REAL NOT NULL);"
                       "CREATE INDEX IF NOT EXISTS slack_seen_by_time ON slack_seen (seen);").get

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless some worker recorded it within the TTL. Each new
        key also deletes up to SWEEP_BATCH expired ones, through the index on their time."""
        now = self.clock()
        db = self._connection()
        db.execute("DELETE FROM slack_seen WHERE key = ? AND seen < ?",
                   (key, now - self.ttl_seconds))
        inserted = db.execute("INSERT OR IGNORE INTO slack_seen (key, seen) VALUES (?, ?)",
                              (key, now)).rowcount == 1
        if inserted:
            db.execute("DELETE FROM slack_seen WHERE key IN (SELECT key FROM slack_seen "
                       "WHERE seen < ? ORDER BY seen LIMIT ?)",
                       (now - self.ttl_seconds, SWEEP_BATCH))
        return inserted


class RedisSeenStore:
    """Seen keys in Redis, for replicas that share no disk: SET NX is atomic, so exactly one
    worker of one replica records a key first, and Redis forgets it after the TTL (PX).

    A Redis error is raised, not guessed around: Slack then gets a 500 and retries the event
    later, which is better than answering it twice or accepting a replayed signature.
    """

    def __init__(self, client, ttl_seconds: float = SEEN_TTL_SECONDS, prefix: str = "tutor:"):
        self.client = client
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix + "seen:"

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless some worker recorded it within the TTL."""
        return bool(self.client.set(self.prefix + key, b"1", nx=True,
                                    px=max(1, round(self.ttl_seconds * 1000))))


# --- posting -----------------------------------------------------------------------------------


class Background:
    """A small thread pool for work done after the ack; `wait` lets tests join it."""

    def __init__(self, workers: int = 4):
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack")
        self._pending: set[Future] = set()
        self._lock = threading.Lock()

    def submit(self, function: Callable, *args) -> Future:
        """Run `function(*args)` soon; failures are logged, never raised into the request."""
        future = self._executor.submit(self._run, function, *args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    @staticmethod
    def _run(function: Callable, *args):
        try:
            return function(*args)
        except Exception:
            log.exception("Slack background job %s failed", getattr(function, "__name__", "?"))
            return None

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait(self, timeout: float = 10) -> bool:
        """Wait until every job submitted so far (and any they submit) is done; True if all."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = set(self._pending)
            if not pending:
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            wait_for(pending, timeout=remaining)

    def shutdown(self) -> None:
        """Finish queued jobs and stop the threads."""
        self._executor.shutdown(wait=True)


class Poster:
    """Sends messages to Slack: `chat.postMessage` with the bot token through slack_sdk's
    WebClient (its base URL configurable, so tests aim it at a stand-in), and response URLs."""

    def __init__(self, token: str | None, base_url: str = "https://slack.com/api/",
                 timeout: int = 10):
        self.timeout = timeout
        self.client = WebClient(token=token, base_url=base_url, timeout=timeout) if token else None

    def post_message(self, channel: str, message: dict, thread_ts: str | None = None) -> bool:
        """Post `message` to `channel` (in the thread `thread_ts`); False if it did not go."""
        if self.client is None:
            log.warning("No SLACK_BOT_TOKEN: cannot post to Slack")
            return False
        try:
            self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
        except SlackApiError as error:
            log.warning("chat.postMessage failed: %s", error.response.get("error"))
            return False
        except (SlackClientError, OSError) as error:
            log.warning("chat.postMessage failed: %s", type(error).__name__)
            return False
        return True

    def respond(self, response_url: str, message: dict) -> bool:
        """Send `message` to a slash command's or click's `response_url`, visible to the user
        alone and without replacing the message clicked; False if it did not go."""
        try:
            response = WebhookClient(response_url, timeout=self.timeout).send(
                response_type="ephemeral", replace_original=False, **message)
        except (SlackClientError, OSError) as error:
            log.warning("response_url failed: %s", type(error).__name__)
            return False
        if response.status_code != 200:
            log.warning("response_url answered %s", response.status_code)
        return response.status_code == 200


# --- the channel -------------------------------------------------------------------------------


class SlackChannel:
    """The tutor in Slack: verifies and reads each request, acks it, and answers.

    Session ids: a thread is one conversation (`slack:T:C:thread_ts`), a direct-message channel
    outside threads is one (`slack:T:D`), and a user's slash commands in a channel are one
    (`slack:T:C:U`). Buttons carry the session id of the message they sit on.
    """

    def __init__(self, tutor, knowledge_base: KnowledgeBase, verifier: RequestVerifier,
                 seen: SeenStore, poster: Poster, background: Background | None = None,
                 max_message_length: int = 2000, ack_seconds: float = ACK_SECONDS):
        self.tutor = tutor
        self.knowledge_base = knowledge_base
        self.verifier = verifier
        self.seen = seen
        self.poster = poster
        self.background = background or Background()
        self.max_message_length = max_message_length
        self.ack_seconds = ack_seconds

    # --- slash commands -------------------------------------------------------------------

    def handle_command(self, body: bytes, headers: Mapping[str, str]) -> dict | None:
        """Answer `/tutor <text>`: the ack's body (ephemeral Block Kit), or None for Slack's
        `ssl_check`. The answer goes in the ack when ready within `ack_seconds`, otherwise
        the ack says so and the answer follows through the `response_url`."""
        self.verifier.verify(body, headers, once=True)
        form = read_form(body)
        if form.get("ssl_check") == "1":
            return None
        command = load(schemas.SlashCommandSchema(), form)
        session_id = f"slack:{command['team_id']}:{command['channel_id']}:{command['user_id']}"
        future = self.background.submit(self._message_for, message_text(command["text"]),
                                        session_id)
        try:
            message = future.result(timeout=self.ack_seconds)
        except FutureTimeout:
            self.background.submit(self._respond_late, future, command["response_url"])
            return {"response_type": "ephemeral", "text": "Working on it…"}
        if message is None:
            return {"response_type": "ephemeral",
                    "text": "Sorry, something went wrong on my side. Please try again."}
        return {"response_type": "ephemeral", **message}

    def _respond_late(self, future: Future, response_url: str) -> None:
        message = future.result()
        if message is not None:
            self.poster.respond(response_url, message)

    # --- events ---------------------------------------------------------------------------

    def handle_event(self, body: bytes, headers: Mapping[str, str]) -> dict | None:
        """Acknowledge an Events API request: {"challenge"} for `url_verification`, else None.

        An `app_mention`, or a user's direct message, is answered afterwards in its thread
        through `chat.postMessage`; an event id already seen (Slack's retries) is not."""
        self.verifier.verify(body, headers)
        envelope = load(schemas.EventEnvelopeSchema(), read_json(body))
        if envelope["type"] == "url_verification":
            return {"challenge": envelope["challenge"]}
        if envelope["type"] != "event_callback":
            return None
        question = self._question(envelope)
        if question is not None and self.seen.first_time("event:" + envelope["event_id"]):
            self.background.submit(self._answer_in_slack, *question)
        return None

    def _question(self, envelope: dict) -> tuple[str, str, str, str | None] | None:
        """(text, session id, channel, thread_ts) of an event to answer, None to ignore it."""
        event = envelope["event"]
        bots = {a["user_id"] for a in envelope["authorizations"] if "user_id" in a}
        if "bot_id" in event or "subtype" in event or event.get("user") in bots:
            return None  # never answer a bot, ourselves above all: that way lie loops
        if event["type"] == "app_mention" and not event.get("channel", "").startswith("D"):
            load(schemas.AnsweredEventSchema(), event, "event")
            thread = event.get("thread_ts") or event["ts"]  # always answer in a thread
            session_id = f"slack:{envelope['team_id']}:{event['channel']}:{thread}"
        elif event["type"] == "message" and event.get("channel_type") == "im":
            load(schemas.AnsweredEventSchema(), event, "event")
            thread = event.get("thread_ts")  # a direct message is answered in line
            session_id = ":".join(filter(None, ("slack", envelope["team_id"], event["channel"],
                                                thread)))
        else:
            return None
        return message_text(event["text"]), session_id, event["channel"], thread

    def _answer_in_slack(self, text: str, session_id: str, channel: str,
                         thread_ts: str | None, note: str | None = None) -> None:
        message = self._message_for(text, session_id, note)
        self.poster.post_message(channel, message, thread_ts)

    # --- interactions ---------------------------------------------------------------------

    def handle_interaction(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Acknowledge a button click; the follow-up it asks for is posted afterwards, in the
        clicked message's thread (or through the response URL for an ephemeral message)."""
        self.verifier.verify(body, headers, once=True)
        form = read_form(body)
        if "payload" not in form:
            raise SlackValidationError("The request is not valid: payload: Missing.",
                                       {"payload": ["Missing data for required field."]})
        payload = load(schemas.InteractionSchema(), read_json(form["payload"], "payload"),
                       "payload")
        action = next((a for a in payload["actions"] if a["action_id"].startswith("tutor_")),
                      None)
        if payload["type"] != "block_actions" or action is None:
            return
        value = load(schemas.ButtonValueSchema(), read_json(action["value"], "payload.actions"),
                     "payload.actions.value")
        _check_conversation(value["s"], (payload.get("team") or {}).get("id"))
        text = value.get("m") or self._entry_question(value["e"], action)
        user = payload.get("user", {}).get("id")
        label = plain_label((action.get("text") or {}).get("text") or text, 200)
        note = f"<@{user}> asked: {escape(label)}" if user else None
        container, message = payload["container"], payload.get("message")
        if container["is_ephemeral"] or message is None:
            if "response_url" not in payload:
                raise SlackValidationError("The request is not valid: payload.response_url: "
                                           "Missing.", {"payload.response_url": ["Missing."]})
            self.background.submit(self._answer_by_url, text, value["s"],
                                   payload["response_url"], note)
            return
        channel = payload.get("channel", {}).get("id") or container.get("channel_id")
        if channel is None:
            raise SlackValidationError("The request is not valid: payload.channel: Missing.",
                                       {"payload.channel": ["Missing."]})
        thread = message.get("thread_ts") or container.get("thread_ts")
        self.background.submit(self._answer_in_slack, text, value["s"], channel, thread, note)

    def _entry_question(self, entry_id: str, action: dict) -> str:
        """The question of a suggested entry (the button's label if the entry is gone)."""
        entry = self.knowledge_base.entries.get(entry_id)
        if entry is not None:
            return entry.question.strip()
        return (action.get("text") or {}).get("text") or entry_id

    def _answer_by_url(self, text: str, session_id: str, response_url: str,
                       note: str | None) -> None:
        self.poster.respond(response_url, self._message_for(text, session_id, note))

    # --- the tutor ------------------------------------------------------------------------

    def _message_for(self, text: str, session_id: str, note: str | None = None) -> dict:
        """The tutor's reply to `text` in `session_id`, rendered for Slack."""
        if len(text) > self.max_message_length:
            return {"text": f"That message is longer than {self.max_message_length} "
                            "characters; please ask a shorter question."}
        # A bare mention or `/tutor` alone is a hello: the tutor's greeting says what it can do.
        reply = self.tutor.respond(text or "hi", session_id, channel=CHANNEL)
        return render_reply(reply, note)


def _check_conversation(session_id: str, team_id: str | None) -> None:
    """Refuse a button whose conversation is not a Slack one of the clicking team's.

    Our buttons only ever carry their own conversation's id; anything else was not made by us
    and must not reach another conversation (the id names a team, a channel and a thread).
    """
    if not session_id.startswith(f"{CHANNEL}:") or (
            team_id is not None and not session_id.startswith(f"{CHANNEL}:{team_id}:")):
        problem = "Not a conversation of this Slack team."
        raise SlackValidationError(f"The request is not valid: payload.actions.value: {problem}",
                                   {"payload.actions.value": [problem]})
