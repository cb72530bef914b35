"""Messages a library printed, pasted into a question: "RuntimeError: Trying to backward
through the graph a second time ... how do I fix it?", "UserWarning: Detected call of
`lr_scheduler.step()` before `optimizer.step()`, is this a bug?". The course explains ideas; it
does not debug code, and the words of a pasted message (graph, backward, scheduler) are the
library's, not the student's question. Read word by word: no pattern runs over the whole text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]++")
_KINDS = ("Error", "Exception", "Warning")
# what a library prints before its message, other than a class of exception or warning
_PRINTED = (("Traceback", "most"), ("WARNING", "tensorflow"), ("CUDA", "error"),
            ("cuDNN", "error"))
# where a pasted message ends and the student's own words begin
_ASK_START = re.compile(r"[.!?](?=\s)|\n|\s--?\s|\s-\s|\s{2,}+")
_QUOTED = re.compile(r"'[^'\n]{0,300}+'|\"[^\"\n]{0,300}+\"|`[^`\n]{0,300}+`")


def library_message(text: str) -> str | None:
    """The name of the library's message a question quotes ("RuntimeError", "UserWarning",
    "Traceback"), or None."""
    words = list(_WORD.finditer(text))
    for number, match in enumerate(words):
        word = match.group()
        if word[0].isupper() and any(word.endswith(kind) and len(word) > len(kind) + 1
                                     for kind in _KINDS):
            return word
        following = words[number + 1].group() if number + 1 < len(words) else ""
        if (word, following) in _PRINTED:
            return word if word != "CUDA" else "CUDA error"
    return None


def asking_part(text: str) -> str:
    """The student's own words after a pasted message: the last sentence or line, quoted text
    left out ("how do I fix 'RuntimeError: ...' in my GAN loop?" -> "how do I fix in my GAN
    loop?")."""
    parts = [part.strip() for part in _ASK_START.split(text)]
    ask = next((part for part in reversed(parts) if part), "")
    return " ".join(_QUOTED.sub(" ", ask).split())
