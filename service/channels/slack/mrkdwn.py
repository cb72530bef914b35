"""Slack's mrkdwn both ways: a user's message read as plain text (`message_text`), and the
tutor's Markdown written as mrkdwn with Unicode maths (`to_mrkdwn`, `escape`).

Text only: laying it out in blocks and buttons is blocks.py's, and the maths itself is
`service.channels.unicode_math`'s, which other channels read too.
"""

from __future__ import annotations

import re

from service.channels.unicode_math import MATH_SPAN, latex_to_unicode, strip_commands

# --- reading Slack's text ----------------------------------------------------------------------

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


# --- Markdown to Slack mrkdwn ------------------------------------------------------------------

_CODE = re.compile(r"```(?:[^`]|`(?!``))*+```|`[^`\n]++`")
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
# Pieces set aside (code, converted maths) are single characters from another private-use
# plane, so that even when one lands inside maths the LaTeX scanner moves it about whole.
_KEPT_BASE = 0x100000
_KEPT = re.compile("[\U00100000-\U0010FFFD]")
_BOLD = "\ue004"


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters in message text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    text = MATH_SPAN.sub(maths, text)
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
