"""Greetings, thanks, "help", "never mind" and "are you ChatGPT?": replies that need no
knowledge base.

They are small talk (Reply.small_talk): the records and the fallback rate leave them out.
"""

from __future__ import annotations

import re

_HELP = re.compile(r"^(?:help|\?++|what can you do|what do you do|"
                   r"how do (?:i|you) use (?:this|you)|commands|menu|options|"
                   r"what can i ask(?: you)?|how does this work)"
                   r"(?: (?:me|here|please))?\s*+[?!.]*+$")
_NEVER_MIND = re.compile(r"^(?:never ?mind|nvm|cancel|forget (?:it|that)|no thanks)\s*+[!.]*+$")
_GREETING = re.compile(r"^(?:hi+|hello+|hey+|hiya|howdy|yo|good (?:morning|afternoon|evening)|"
                       r"greetings)(?: there| tutor| bot)?\s*+[!.?]*+$")
# "are you chatgpt?", "r u a bot", "who are you", "are you a real person"
_WHO = re.compile(r"^(?:(?:are|r) (?:you|u)(?: (?:just|really|actually))?(?: an?)?(?: real)? "
                  r"(?:chat ?gpt|gpt(?:-?\d)?|bot|robot|chatbot|human|person|ai|llm|"
                  r"language model|real|teacher|ta)|who (?:are|r) (?:you|u)|what are you|"
                  r"who (?:made|built|wrote) (?:you|this))\s*+[?!.]*+$")
# "test", "testing 1 2 3", "is this working?": someone trying the widget or the Slack app out
# (a lone "test" is not a question about the test set)
_TEST = re.compile(r"^(?:(?:test(?:ing)?|ping)(?: (?:test(?:ing)?|\d++))*+|"
                   r"(?:is )?this (?:thing )?(?:working|on)|can you hear me|anyone there)"
                   r"\s*+[?!.]*+$")
_THANKS = re.compile(r"^(?:thanks?(?: you)?|thx|ty|cheers|great|cool|nice|perfect|got it)"
                     r"(?: (?:so much|a lot|mate|tutor))?\s*+[!.]*+$")

HELP = (
    "I can **explain** anything in the course (convolutions, VAEs, GANs, RNNs, attention and "
    "Transformers, and the example exam questions): ask *what is a GAN?* or *why divide by "
    "sqrt(d) in attention?*, then *why?*, *show the formula* or *related*.\n\n"
    "I can **work things out** with the steps: *output size of a 28x28 input with a 5x5 "
    "kernel, stride 2*, *params of nn.Conv2d(256, 64, 1, bias=False)*, *params of an MLP "
    "784 -> 256 -> 10*, *params of nn.LSTM(32, 64)*, *does [[0.5, 0.2], "
    "[0.1, 1.3]] explode?*, *attention cost for a 32x32x3 image with 4x4 patches*, *QK^T cost "
    "for 512 tokens with d = 64*, *sizes through k7 s2 p3 -> k3 s2 p1 on 224x224*, *precision "
    "and recall if TP=40, FP=10, TN=45, FN=5* (or the counts told in words); then *what about "
    "stride 1?*\n\n"
    "I can **quiz you**: *quiz me on GANs*, *give me a conv question*.\n\n"
    "And I **draw** graphical models from factorisations such as "
    "*p(x,z) = p(z)p(x|z) and q(z|x) = q(z|x)*."
)
GREETING = (
    "Hi! I'm the course's tutor. Ask me about anything in the course (convolutions, VAEs, GANs, "
    "RNNs, attention and Transformers, or any of the example exam questions), or give me numbers "
    "to work out, for example *output size of a 28x28 input with a 5x5 kernel, stride 2*, "
    "*params of a 3x3 conv from 64 to 128 channels*, *does [[0.5, 0.2], [0.1, 1.3]] explode?* "
    "or *attention cost for a 32x32x3 image with 4x4 patches*."
)

OTHER_LANGUAGE = (
    "Sorry, I can only read questions in English. Ask me in English and I'll do my best, for "
    "example *what is a GAN?* Say *help* for what I can do.")
# ... when its course terms name an entry, offered as a button
OTHER_LANGUAGE_OFFER = (
    "Sorry, I can only read questions in English, but yours names something the course covers: "
    "*{question}* is below. Or ask me in English; say *help* for what I can do.")
THANKS = "You're welcome! Ask me anything else about the course."
WHO = (
    "I'm the course's tutor: a program, not a person and not ChatGPT. I use no language model: I "
    "answer from the course's own material (its exam questions and core concepts), work out "
    "calculations with the steps, and say so when I don't know. For anything else, ask on the "
    "course forum or in a TA's office hours.")
NEVER_MIND = "No problem. Ask me anything else about the course."
TEST = ("I'm here and working. Ask me about the course, for example *what is a GAN?* or "
        "*output size of a 28x28 input with a 5x5 kernel*; say *help* for what I can do.")


def asks_for_help(text: str) -> bool:
    """Whether a prepared message asks what the tutor can do."""
    return bool(_HELP.match(text))


def small_talk(text: str) -> str | None:
    """The reply to a greeting, a request for help, thanks, "never mind", a question about
    what the tutor is or a test message; else None."""
    for pattern, reply in ((_GREETING, GREETING), (_HELP, HELP), (_THANKS, THANKS),
                           (_NEVER_MIND, NEVER_MIND), (_WHO, WHO), (_TEST, TEST)):
        if pattern.match(text):
            return reply
    return None
