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
    "Traceback"; "PyTorch" of "PyTorch warns '...'"), or of the code whose default or argument
    it asks for or that it says fails ("what is the default initialisation of nn.Linear":
    "nn.Linear"), or None."""
    pieces = text.split()
    named = _default_asked(pieces) or _message_quoted(pieces) or _argument_or_failure(pieces)
    if named is not None:
        return named
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


def _default_asked(pieces: list[str]) -> str | None:
    """The code a question (its `pieces` between spaces) asks the default of ("the default
    momentum in nn.BatchNorm2d", "from_logits=... what's the default"): a library's setting,
    which the course does not teach; "pytorch uses some kaiming init by default" names no
    code."""
    if not any(piece.strip(".,;:?!()`'\"").lower() in ("default", "defaults")
               for piece in pieces):
        return None
    return next((code for piece in pieces if (code := _code(piece)) is not None), None)


# what a question says of a piece of code when it asks about the library rather than the idea:
# that it fails ("nn.Conv2d padding='same' throws an error when stride=2"), or what one of its
# arguments named in snake case does ("restore_best_weights, what does that argument do";
# "`bidirectional=True` in nn.LSTM, what does that flag do" asks about the idea)
_FAILS = frozenset("throws raises crashes errors".split())
_ARGUMENT = frozenset("argument arguments arg args kwarg kwargs flag".split())
# "error" after one of these is the code's failure (not a mean squared or reconstruction error)
_BEFORE_A_FAILURE = frozenset("an this that got get getting gives giving throwing".split())


def _argument_or_failure(pieces: list[str]) -> str | None:
    """The code a question (its `pieces` between spaces) asks an argument of or says fails, or
    None ("why does clip_grad_norm_ fix exploding gradients?" asks about the idea)."""
    words = [piece.strip(".,;:?!()[]`'\"").lower() for piece in pieces[:MAX_PIECES]]
    # the names from code are read only when a word asks for them (most questions have none)
    codes = (code for piece in pieces[:MAX_PIECES] if (code := _code(piece)) is not None)
    if any(word in _FAILS or word == "error" and number and words[number - 1] in
           _BEFORE_A_FAILURE for number, word in enumerate(words)):
        return next(codes, None)
    if any(word in _ARGUMENT for word in words):
        return next((code for code in codes if _snake_case(code)), None)
    return None


def _snake_case(name: str) -> bool:
    """A library's argument ("restore_best_weights", "batch_first"), not a formula's symbol
    with a subscript ("W_h", "d_k"): words of two letters or more joined by underscores."""
    parts = name.split("_")
    return len(parts) > 1 and all(len(part) >= 2 for part in parts)


def _code(piece: str) -> str | None:
    """A name from code in a piece of text between spaces: letters joined by a dot or an
    underscore ("nn.Linear", "batch_first=True", "F.dropout(x,"), without what follows it."""
    name = _CODE_NAME.match(piece.strip("`'\"("))
    return name.group() if name is not None else None


_CODE_NAME = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z]++(?:[._][A-Za-z][A-Za-z0-9]*+)++")


# what a library is said to do with a message ("PyTorch warns '...'", "nn.Embedding gives '...'")
_PRINTING = frozenset("warns raises throws says gives prints complains shows outputs returns "
                      "reports errors".split())
_QUOTES = "'\"`"
# libraries and tools by name (lower case)
_LIBRARIES = frozenset("""
pytorch torch keras tensorflow tf sklearn scikit jax flax numpy np pandas huggingface hf
lightning fairseq xformers albumentations torchvision torchaudio timm colab cuda cudnn openai
matplotlib scipy opencv cv2 onnx tensorboard wandb
""".split())


def _message_quoted(pieces: list[str]) -> str | None:
    """The library or code a question (its `pieces` between spaces) says printed a quoted
    message ("PyTorch warns 'Detected call of lr_scheduler.step() ...'", "nn.LSTM ... raises
    'Expected hidden[0] size ...'"), or None: a verb of printing right before a quote, after a
    library's name or a name from code. ("The classifier says 'cat' for 120 images", "everyone
    says 'attention is all you need'": no library.) One pass: the first library or code named
    so far is the one a quote after a verb of printing is said of."""
    named = None
    for number, piece in enumerate(pieces[:MAX_PIECES]):
        if named is not None and number and piece[0] in _QUOTES and \
                pieces[number - 1].lower() in _PRINTING:
            return named
        if named is None:
            bare = piece.strip(".,;:?!()[]`'\"")
            named = bare if bare.lower() in _LIBRARIES else _code(piece)
    return None


MAX_PIECES = 60   # words read for a quoted message: it comes near the start of a question
