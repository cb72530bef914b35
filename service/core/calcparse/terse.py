"""Settings written tersely, spelt out in the forms the slot patterns read.

"3x3 s2 p1 conv", "k3 d2 p1 s1", "kernel/stride/padding = 5/2/2", "stride-two", "a 3-by-3",
"dil=3", "ks=3 st=2", "-> 96 ch", "w/ 3 in ch", "conv3x3-64", "conv3x3", "k3s2p1", "3x3/2
conv", "ViT-B/16", "TF same", "c_in 3, k 5": how
students type a layer in a hurry. Each is rewritten into
"s=2", "kernel=5, stride=2, padding=2", "stride 2", "3 by 3", "dilation=3", "96 channels" before
the slots are read, so that the slot table keeps one pattern per setting. A letter glued to a
number ("s2", "p1") is read as a setting only where the message is about a layer or patches,
or has two of them ("k3 s2"): "s2" alone is as likely a season or a slide.
"""

from __future__ import annotations

import re

# "s2", "p1", "k3", "d2": a setting's letter glued to its number (standing alone, not "conv3x3",
# nor a layer's label: LeNet's "S2 is 2x2 average pooling")
_GLUED = re.compile(r"(?<![\w.=])([kspd])(\d{1,4}+)(?!\w|\.\d|\s++(?:is|was)\b)")
# LeNet's layer names, C1 to C5 and S2, S4 beside them: there "s4" is a layer, not a stride
_LENET_LABELS = re.compile(r"\bc[1-7]\b.*?\bs[2-6]\b|\bs[2-6]\b.*?\bc[1-7]\b")
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
# "conv3x3", "maxpool2x2": the layer named with its kernel, glued
_GLUED_LAYER = re.compile(r"\b(conv|maxpool|avgpool|pool)(\d{1,2}+)x(\d{1,2}+)\b")
# "maxpool2", "avgpool3", and "conv3" between arrows or commas: a layer and its kernel glued
# ("pool1" is a layer's name, not a window of one, which pools nothing: the layer word alone)
_GLUED_POOL = re.compile(r"\b(maxpool|avgpool|pool)(\d)\b")
_GLUED_CONV = re.compile(r"\bconv([2-9])(?=\s*+(?:->|,|\)|$))")
# "k3s2p1", "k7s2p3": several settings glued into one word
_GLUED_RUN = re.compile(r"(?<![\w.=])((?:[kspd]\d{1,4}+){2,4}+)(?![\w.])")
_GLUED_SETTING = re.compile(r"([kspd])(\d{1,4}+)")
# "ViT-B/16": a vision transformer named by its patch size, which is also its stride (its
# patches do not overlap)
_VIT_NAME = re.compile(r"\bvit-?[a-z]{0,2}+/(\d{1,3}+)\b")
# "3x3/2 conv": a kernel over its stride, as papers' layer tables write it
_KERNEL_OVER_STRIDE = re.compile(r"(?<![\w.])(\d{1,2}+\s*+x\s*+\d{1,2}+)\s*+/\s*+(\d)(?![\w.])"
                                 r"(?=\s*+(?:conv|max|avg|pool|deconv|transposed|layer|kernel|"
                                 r"filter))")
# "96 ch", "3 in ch": channels (only after a number or "in"/"out", never the word alone)
_CH = re.compile(r"(?<=\d|n|t)\s++ch\b\.?+")


def spell_out(text: str) -> str:
    """The prepared text with terse settings written out (see the module docstring)."""
    text = _WITH.sub("with", text)
    text = _VGG.sub(r"\1x\2 conv with \3 filters", text)
    text = _GLUED_LAYER.sub(r"\2x\3 \1", text)
    text = _GLUED_POOL.sub(lambda m: m[1] if m[2] == "1" else f"{m[2]}x{m[2]} {m[1]}", text)
    text = _GLUED_CONV.sub(r"\1x\1 conv", text)
    text = _GLUED_RUN.sub(lambda m: " ".join(f"{k}={v}" for k, v in
                                             _GLUED_SETTING.findall(m.group(1))), text)
    text = _KERNEL_OVER_STRIDE.sub(r"\1 stride \2", text)
    text = _VIT_NAME.sub(r"vit with \1x\1 patches, stride \1,", text)
    text = _NAMES_SLASHED.sub(_names_slashed, text)
    text = _NAME_HYPHEN.sub(r"\1 ", text)
    text = _HYPHEN_BY.sub(" by ", text)
    text = _ABBREVIATIONS.sub(lambda m: _SPELT[m.group(1)], text)
    text = _CH.sub(" channels", text)
    text = _FRAMEWORK_SAME.sub(r"\1 padding", text)
    glued = _GLUED.findall(text)
    about_a_layer = _LAYER_WORDS.search(text) is not None
    if glued and (len(glued) > 1 or about_a_layer) and not _LENET_LABELS.search(text):
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
