"""A model pasted as code whose forward pass gives the order of its layers.

PyTorch models define each layer once and call them in `forward`, a pool often twice:
"conv1 = nn.Conv2d(3, 6, 5), pool = nn.MaxPool2d(2, 2), conv2 = nn.Conv2d(6, 16, 5) ...
forward: pool(relu(conv1(x))) -> pool(relu(conv2(x)))". Read in the order they are defined,
the second pool is lost (1600 values flattened instead of 400), and a forward written as
"conv1 -> relu -> conv2 -> pool" reads as layers without kernels. So the definitions are read
by name and written out once per call, in the order forward calls them: nested calls from the
innermost out, arrows from left to right. One pass over the text, no backtracking.
"""

from __future__ import annotations

import re

# "self.conv1 = nn.conv2d(3, 6, 5)", "pool = nn.maxpool2d(2, 2)" (the prepared text: lower case)
_DEFINITION = re.compile(
    r"(?<![\w.])(?:self\s*+\.\s*+)?([a-z_][a-z0-9_]{0,39}+)\s*+=\s*+(?:nn\s*+\.\s*+)?"
    r"((?:conv|maxpool|avgpool)[123]d\s*+\([^()]{0,120}+\))")
_FORWARD = re.compile(r"\bforward\b")
# a name; a name, an opening or a closing bracket
_NAME = re.compile(r"[a-z_][a-z0-9_]*+")
_PIECE = re.compile(_NAME.pattern + r"|[()]")
MAX_FORWARD_CALLS = 40   # layers called in a forward pass read (a model's stack is capped lower)


def in_forward_order(text: str) -> str:
    """`text` with its layer definitions written out in the order its forward pass calls them,
    and the forward pass without their names; `text` unchanged when it has no forward pass
    that calls two or more of the layers it defines."""
    found = _FORWARD.search(text)
    if found is None:
        return text
    definitions = list(_DEFINITION.finditer(text, 0, found.start()))
    layers = {match.group(1): match.group(2) for match in definitions}
    if len(layers) < 2:
        return text
    order = _calls(text[found.end():], layers)
    if len(order) < 2:
        return text
    # the definitions out, the layers in their order where the first one was
    before = text[:definitions[0].start()]
    between = " ".join(text[a.end():b.start()] for a, b in zip(definitions, definitions[1:],
                                                                   strict=False))
    rest = text[definitions[-1].end():found.start()]
    # the forward pass without the layers' names: what else it says ("-> flatten -> fc1")
    called = _NAME.sub(lambda m: "" if m.group() in layers else m.group(), text[found.end():])
    return (f"{before}{' -> '.join(layers[name] for name in order)} {between} {rest} "
            f"forward{called}")


def _calls(forward: str, layers: dict[str, str]) -> list[str]:
    """The names of `layers` that `forward` calls, in the order they apply: a call's arguments
    before the call ("pool(relu(conv1(x)))": conv1, relu, pool), names in a row as written."""
    order: list[str] = []
    opened: list[str | None] = []   # per open bracket, the name called with it
    previous = None
    for piece in _PIECE.finditer(forward):
        token = piece.group()
        if token == "(":
            opened.append(previous)
            if previous is not None and order and order[-1] is previous and \
                    previous in layers:
                order.pop()   # a call: it applies when its bracket closes
        elif token == ")":
            name = opened.pop() if opened else None
            if name in layers:
                order.append(name)
        elif token in layers:
            order.append(token)
        previous = token if token not in ("(", ")") else None
        if len(order) > MAX_FORWARD_CALLS:
            return []
    return order
