"""Settings written tersely, spelt out in the forms the slot patterns read.

"3x3 s2 p1 conv", "k3 d2 p1 s1", "kernel/stride/padding = 5/2/2", "stride-two", "a 3-by-3",
"dil=3", "ks=3 st=2", "-> 96 ch", "w/ 3 in ch", "conv3x3-64", "TF same", "c_in 3, k 5": how
students type a layer in a hurry. Each is rewritten into
"s=2", "kernel=5, stride=2, padding=2", "stride 2", "3 by 3", "dilation=3", "96 channels" before
the slots are read, so that the slot table keeps one pattern per setting. A letter glued to a
number ("s2", "p1") is read as a setting only where the message is about a layer or patches,
or has two of them ("k3 s2"): "s2" alone is as likely a season or a slide.
"""

from __future__ import annotations

import re

# "s2", "p1", "k3", "d2": a setting's letter glued to its number (standing alone, not "conv3x3")
_GLUED = re.compile(r"(?<![\w.=])([kspd])(\d{1,4}+)(?![\w.])")
_LAYER_WORDS = re.compile(r"conv|kernel|filter|stride|padd|pool|dilat|patch|deconv|transpose|"
                          r"\bc_?(?:in|out)\b")
# "k 5" in a message about a layer: the kernel, spaced out ("k 2 s 2" is read as a pair by the
# slot table)
_SPACED_K = re.compile(r"(?<![\w.=])k\s++(?=\d{1,2}+(?![\w.])(?!\s*+,?\s*+s\s++\d))")
# TensorFlow's padding mode named by its framework: "TF same", "tensorflow same"
_FRAMEWORK_SAME = re.compile(r"\b(?:tf|tensorflow|keras)\s++(same|valid)\b(?!\s*+padd)")
# "kernel/stride/padding = 5/2/2", "k/s/p: 3/2/1": names and values, each joined by slashes
_NAMES_SLASHED = re.compile(
    r"(?<![\w/])([a-z_]{1,12}+(?:\s*+/\s*+[a-z_]{1,12}+){1,4})\s*+(?:=|:|are|is)\s*+"
    r"(\d{1,7}+(?:\s*+/\s*+\d{1,7}+){1,4})(?![\w/])")
# "stride-2" (number words are digits by now: "stride-two" too), "3-by-3"
_NAME_HYPHEN = re.compile(r"\b(stride|padding|dilation|kernel|pad)-(?=\d)")
_HYPHEN_BY = re.compile(r"(?<=\d)\s*+-\s*+by\s*+-\s*+(?=\d)")
# abbreviations of setting names, only where a value follows
_ABBREVIATIONS = re.compile(r"\b(dil|st|ks)(?=\s*+[=:]|\s++\d)")
_SPELT = {"dil": "dilation", "st": "stride", "ks": "kernel"}
# "w/ 3 in channels": with (not the symbol w over 3); "conv3x3-64": VGG's name for a layer
_WITH = re.compile(r"\bw/(?=\s)")
_VGG = re.compile(r"\bconv(\d{1,2}+)x(\d{1,2}+)-(\d{1,5}+)\b")
# "96 ch", "3 in ch": channels (only after a number or "in"/"out", never the word alone)
_CH = re.compile(r"(?<=\d|n|t)\s++ch\b\.?+")


def spell_out(text: str) -> str:
    """The prepared text with terse settings written out (see the module docstring)."""
    text = _WITH.sub("with", text)
    text = _VGG.sub(r"\1x\2 conv with \3 filters", text)
    text = _NAMES_SLASHED.sub(_names_slashed, text)
    text = _NAME_HYPHEN.sub(r"\1 ", text)
    text = _HYPHEN_BY.sub(" by ", text)
    text = _ABBREVIATIONS.sub(lambda m: _SPELT[m.group(1)], text)
    text = _CH.sub(" channels", text)
    text = _FRAMEWORK_SAME.sub(r"\1 padding", text)
    glued = _GLUED.findall(text)
    about_a_layer = _LAYER_WORDS.search(text) is not None
    if glued and (len(glued) > 1 or about_a_layer):
        text = _GLUED.sub(r"\1=\2", text)
    if about_a_layer:
        text = _SPACED_K.sub("k=", text)
    return text


def _names_slashed(match: re.Match) -> str:
    """"k/s/p = 3/2/1" -> "k=3, s=2, p=1"; left alone when the counts differ."""
    names = [n.strip() for n in match.group(1).split("/")]
    values = [v.strip() for v in match.group(2).split("/")]
    if len(names) != len(values):
        return match.group(0)
    return ", ".join(f"{name}={value}" for name, value in zip(names, values, strict=True))
