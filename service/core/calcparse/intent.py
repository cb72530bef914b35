"""Which calculator a message asks for, from its words alone, and the signs that it asks for none.

`wants` picks the calculator; the patterns after it tell a request for numbers from a question
about the idea (symbols for sizes, "the formula", "why does ..."), which `parse_calculation`
(parse.py) leaves to the knowledge base. Kept apart: it reads words, not values.
"""

from __future__ import annotations

import itertools
import re

from service.core.calcparse.confusion import cell_names, has_table
from service.core.calcparse.matrices import find_matrix
from service.core.calcparse.recurrent import TORCH_CALL, recurrent_cell
from service.core.calcparse.slots import TORCH_CONV
from service.core.calcparse.stories import counts_settled_by_story

_WANTS = {
    "eigen": re.compile(r"eigen|spectral|explod|vanish|blow|radius|recurrent|rnn|\bw_?h++\b|"
                        r"stable|gradient|hidden|\bw\s*+=|\brho\b|relu|tanh|sigmoid|activation|"
                        r"\bcheck\b|linear|identity"),
    "attention": re.compile(r"patch|token|attention|transformer|\bvit\b|dot products?|qk|"
                            r"\bq\s*+k\b|score matrix"),
    "params": re.compile(r"param|weights|how many weights|number of weights|learnable|trainable|"
                         # (no leading \b: a literal first keeps the scan fast)
                         r"summary\s*+\(\s*+\)|count(?:ing)?\s++(?:the\s++)?bias|"
                         r"numbers?\s++to\s++learn|weights\s*+\+\s*+biases|"
                         r"\b(?:be|are|get|gets) learn(?:ed|t)\b"),
    "metrics": re.compile(r"ac+ura|\bacc\b|\bprec\b|precis|recal|specif|sensitiv|\bf1\b|\bf-1\b|"
                          r"\bf[\s-]?score|\bf[\s-]?measure|\btpr\b|\bfpr\b|\btnr\b|metrics|"
                          r"confusion|(?:false|true) (?:positive|negative|alarm|accept) rate|"
                          # the four counts named with their values, nothing else asked: all of
                          # the metrics ("TP = 120, FP = 30, FN = 80, TN = 760")
                          r"\btp\s*+[=:]\s*+\d[^.?!]{0,80}?\bfp\s*+[=:]|"
                          r"\bppv\b|\bnpv\b|hit rate|prevalen|"
                          # "if someone tests positive, what is the probability they are sick?"
                          r"probability\b[^.?!]{0,40}+\b(?:sick|ill|positive|infected)\b"),
    "conv": re.compile(r"output|out size|spatial|resolution|dims?\b|shape|size|what do i get|"
                       r"out(?<![a-z]out)\b(?=\s*+\?)|"   # "is it 112 or 113 out?"
                       r"->|flops|macs|multiply|feature map|comes? out"),
}
# A message that is a matrix and little else ("[[0.5, 0.2], [0.1, 0.9]]?"): the weight matrix
# of the course's recurrent-gradient check
_ONLY_A_MATRIX = re.compile(r"[^a-z]*+(?:(?:what about|and|now|ok|so)\b[^a-z]*+)?+")
# "how do i make it accept any size?", "what should i change": advice, not a number, unless a
# quantity is asked for as well
ADVICE = re.compile(r"\bhow (?:do|can|should|would) (?:i|we|you) (?:make|get it to|fix|handle|"
                    r"avoid|stop|prevent|change|support|deal)\b|\bhow to (?:make|fix|handle|"
                    r"avoid|stop|prevent|support)\b|\bwhat should (?:i|we) (?:do|use|change)\b|"
                    # "attention is way too slow for 20k tokens, what are my options?"
                    r"\bwhat (?:are|r) (?:my|the|our) (?:options|alternatives|choices)\b|"
                    r"\bwhat can (?:i|we) do\b|\bany (?:tips|ideas|alternatives|suggestions)\b|"
                    r"\bwhat (?:would|do) you (?:recommend|suggest)\b")
ASKS_A_QUANTITY = re.compile(r"\bhow (?:many|big|large|wide)\b|\b(?:output|out) (?:size|shape|"
                             r"dim)|\bwhat (?:is|are|s) the\b|\bcompute|\bcalculate|\bwork out")


def asks_for_advice(text: str) -> bool:
    """Whether a lower-case text asks what to do ("how do i fix it?") rather than for a number
    ("... how do i fix it, and what is the output size?")."""
    return ADVICE.search(text) is not None and ASKS_A_QUANTITY.search(text) is None
# Words that ask for a size (what the output-size calculator gives); SIZE_ASKED without the
# arrow, which in a parameter count joins channels ("64->64->64") rather than asks for a size
SIZE_WORDS = _WANTS["conv"]
# (Keras's input_shape= is given; PyTorch's kernel_size= names an argument)
SIZE_ASKED = re.compile(SIZE_WORDS.pattern.replace("|->|", "|")
                        .replace("|shape|", "|(?<!input_)shape|").replace("|size|", "|(?<!_)size|"))
CONV_WORDS = re.compile(r"conv|kernel|filter|stride|padd|pool|dilat|deconv|transposed|depthwise|"
                        r"\bwindow|\bpad\b|"
                         r"\b[ksfp]\s*+=\s*+[\d(\[]")
LINEAR = re.compile(r"\b(?:dense|fully[\s-]connected|fc|mlp|multi[\s-]?layer perceptron)\b|"
                    r"\blinear\s*+\d{1,6}+\s*+->|\b\d{1,6}+\s++output\s++(?:neurons|units)\b|"
                    r"\blinear\s+layer|\blinear\s*\(|\bhidden\s++(?:layers?|units|neurons)\b|"
                    r"\b(?:network|net)\s++\d{1,6}+(?:\s*+(?:->|-)\s*+\d{1,6}+){2,}+|"
                    # the layer as its map: "a layer computes y = Wx + b"
                    r"\by\s*+=\s*+(?:w\s*+x|x\s*+w)\b")
# A recurrent network's hidden layers are no fully connected ones (their count is another)
RECURRENT = re.compile(r"\b(?:rnn|lstm|gru|recurrent)")
# Letters for sizes ("M x N image"), or a formula ("(n - k + 2p)/s + 1", "padding (m-1)/2",
# "floor(M/2)+1"): a concept, not numbers. The digits in a formula are never sizes.
SYMBOLIC = re.compile(r"\b[mnhwc]\s*+(?:x|\*|by)\s*+[mnhwc]\b|\b[mn]/2|\(h\s*+-\s*+h|"
                       r"\bh\s*+x\s*+w|(?<!\w)[a-z]\s*+[-+]\s*+\d*+[a-z](?!\w)|"
                       r"(?<![\w.-])[mnhwkspcd]\s*+[-+/]\s*+\d++(?![\w.])|"
                       r"(?<![\w.])\d++[mnhwkspcd](?![\w.])(?!\s*+(?:params?|parameters|weights|"
                       r"tokens|images|samples|examples|rows|users|conv\w*+|cnns?|pool\w*+|case|"
                       r"signals?|sequences?|inputs?|layers?|tensors?|context|vocab\w*+)\b)|"
                       r"\b(?:floor|ceil)\s*+\(\s*+[a-z]\b")
# Naming an exam question, or asking for the formula or the general case: the entry answers
# it (and offers to compute), unless every number a calculation needs is there too.
ABOUT_THE_QUESTION = re.compile(
    r"\b(?:q|question|exercise|problem)\s*+[.#]?\s*+\d{1,2}\b|\bexam question\b|\bformula\b|"
    r"\bin general\b|\bgeneral (?:case|form|rule)\b|\bexpression for\b|\bderiv(?:e|ation)\b|"
    r"\b(?:an? )?(?:odd|even)[\s-]+(?:sized?|size|image|input|filter|kernel)")
# Asking what a setting is for or how two differ ("what is the point of dilation 2 instead of a
# 5x5 kernel?", "the difference between the two conceptually?"): the idea, unless a number is
# asked for too (NUMBER_ASKED)
ASKS_THE_IDEA = re.compile(r"\bconceptual(?:ly)?\b|\bintuitively\b|"
                           # "what does 'same' mean?"
                           r"\bwhat\s++does\b[^?.]{0,40}+(?<=\bmean)\b|"
                           r"\bwhat(?:\s++is|\s*+s)?\s++the\s++(?:point|purpose|intuition|"
                           r"difference|advantage|benefit)s?\s++(?:of|between|behind)\b|"
                           # "... but only 1 bias - why only 1 bias per filter?", "196 patch
                           # tokens, why do I need ...?", "what are the pros and cons?", "so
                           # what is the point?"
                           r"(?:[.!?;,]|\s[-\u2013\u2014])\s*+why\b|\bpros\s++and\s++cons\b|"
                           r"\bwhat(?:\s++is|\s*+s)?\s++the\s++point\s*+(?:[?.]|$)|"
                           # "what decides the depth of the output", "does the 256 matter at
                           # all?", "is the bias 1 per filter or 1 per input channel?"
                           r"\bwhat\s++(?:decides|determines)\b|\bdoes\b[^?.]{0,30}+\bmatter\b|"
                           r"\bper\s++\w++(?:\s++\w++)?\s++or\s++(?:1\s++)?per\b|"
                           # "why does ConvTranspose2d need output_padding? is it because with
                           # stride 2 both 13x13 and 14x14 map to 7x7?": a why without numbers
                           # first, the numbers a guess at the reason
                           r"^why\b[^\d?]{0,200}+\?|\bis\s++(?:it|that|this)\s++because\b")
NUMBER_ASKED = re.compile(r"\bhow (?:many|much|big|large|wide|long|tall)\b|"
                          r"\b(?:output|out|final) (?:size|shape|dims?)\b|\bcalculate|\bcompute|"
                          r"\bwork (?:it |that |this )?out\b|\bnumber of\b|=\s*+\?")
# Calculations the calculators do not do; the knowledge base explains them instead.
# The receptive field, by name or by what it is ("how many input pixels can one output unit
# see?"): no calculator works it out
NOT_CALCULATED = re.compile(r"receptive field|\b(?:pixels?|units?|neurons?|values?)\s++"
                            r"(?:can|does|do)\s++(?:\w++\s++){0,3}?(?:see|sees|look at)\b")
# "512 tokens", "seq len 1024", "sequence of length 4096", "n=2048", "context window of 8192",
# "tokens: 8192", "T=50 timesteps", "1500 audio frames", "a 1000-word document", "365 daily
# readings" (a unit other than tokens in the plural, or joined: "IBM model 1 word alignment" has
# no sequence), "n from 800 to 400", "the context from 1024 to 2048" (only read in a message about
# attention: the intent has picked the calculator first)
SEQUENCE_LENGTH = re.compile(
    r"(?<![\w.])(\d{1,7}+)(?:\s*+(?:(?:input|text|word|audio|video|daily)\s++)?"
    r"(?:tokens?|words|frames|time[\s-]?steps|timesteps|readings|positions)|"
    r"-(?:token|word|frame|step|timestep|position))\b|"
    r"\b(?:seq(?:uence)?(?:\s*+len(?:gth)?)?|context(?:\s++(?:length|window))?|tokens)\s*+"
    r"(?:of\s++|from\s++)?(?:length\s++)?(?:(?:=|:|is)\s*+)?(\d{1,7}+)(?!\w|\.\d)|"
    r"(?<![\w.])[nt]\s*+(?:=|\bfrom\b)\s*+(\d{1,7}+)(?!\w|\.\d)")
_PATCH_OR_TOKEN = re.compile(r"patch|token|\bh\s*+=\s*+w\s*+=|\bseq(?:uence)?s?\b|\bseqlen|"
                             r"\bcontext (?:length|window)|(?<![\w.])n\s*+=\s*+\d")
# Asking for the number of patches ("P?", "how many tokens") and for nothing that needs the
# image's channels (the token dimension, the cost): the image and patch sizes settle it.
PATCH_COUNT = re.compile(r"\bhow many (?:patch|token)|\bnumber of (?:patch|token)|"
                         r"\b(?:patch|token) count|\bsequence length|"
                         r"(?<![\w.=])p\s*+(?:\?|=\s*+\?|for\b)|\bpatches\s*+\?")
NEEDS_CHANNELS = re.compile(r"\bcost|\bmacs?\b|\bflops?\b|\bdot products?|\bcomplexity|"
                            r"\bdimension|\bdim\b|\bd\b|\boperations|\bmemory|\bmatri")
# What students write before the question itself: "hey so, i was wondering why ...", "ok quick
# question: does ...". Each piece ends at a non-word character, so the repetition is
# unambiguous, and at most six are read, so a pattern that tries it at every clause stays linear.
PREAMBLE = (r"\W*+(?:(?:hey|hi|hello|ok|okay|so|um|uh|hmm|also|and|but|sorry|quick question|"
            r"question|i was wondering|i wonder|i m wondering|just wondering|i m curious|"
            r"i m confused|can (?:you|someone) (?:tell|explain to) me|please|pls)\W++){0,6}+")
# A question about why or whether, rather than a request to compute
CONCEPTUAL = re.compile(rf"^{PREAMBLE}(?:why|how (?:does|do|come|is|are|wide|big|large)|does|"
                         r"do|is|are|should|when|what happens|what does .{0,60}?\bcost)\b")


_COUNT_WORD = re.compile(r"\b(?:tp|fp|tn|fn)s?\b|\b(?:true|false)[\s-]++(?:pos|neg)|"
                         r"\bfalse alarms?\b|\bcorrect rejections?\b|"
                         r"\bpredicted (?:positive|negative) (?:and|but|&) actual|"
                         r"\b(?:positive|negative)s (?:that were )?predicted (?:positive|negative)")



# A whole number that could be a count: not a size's side, a decimal, a percentage or a name's
# ("v2"); a message asking for a metric with three of them describes a confusion matrix
_COUNT_NUMBER = re.compile(r"(?<![\w.#/])\d{1,7}+(?![\w%/]|\.\d|\s*+(?:%|percent|x\s*+\d))")
COUNTS_IN_A_DESCRIPTION = 3
# Words of a layer, for telling a confusion matrix told in words from a layer's sizes (not
# "filter": a spam filter is a classifier)
_LAYER = re.compile(r"conv|kernel|stride|padd|pool|dilat|deconv|transposed|depthwise")


# scikit-learn's y_true = [...] pasted with a metric's name: the labels to count (the readers
# read the list after it; notation.read_shapes has put "list" before its bracket, so that no
# tuple reader takes three or four labels for a shape)
TRUE_LABELS_START = r"\by_?(?:true|test|actual|gold)\s*+=\s*+(?:list)?\["
_LABEL_LIST = re.compile(TRUE_LABELS_START)


# "precision is 0.75", "recall = 50%", "a precision of .8": a rate given (as a share or a percent)
_RATE_VALUE = r"\s*+(?:is|=|:|of|at)?\s*+(\d?\.\d{1,6}+|[01](?!\.\d)|\d{1,3}+(?:\.\d{1,6}+)?+\s*+%)"
# ... and "P=.75, R=.5" (read only beside an F1 asked: p is a padding elsewhere)
PRECISION_GIVEN = re.compile(rf"\bprecision{_RATE_VALUE}|\bp\s*+=\s*+(\d?\.\d{{1,6}}+)")
RECALL_GIVEN = re.compile(rf"\b(?:recall|sensitivity){_RATE_VALUE}|\br\s*+=\s*+(\d?\.\d{{1,6}}+)")
F1_ASKED = re.compile(r"\bf1\b|\bf-1\b|\bf[\s-]?score|\bf[\s-]?measure|harmonic")



# a story of counts tells at least two numbers
_TWO_NUMBERS = re.compile(r"\d[^\d]*+\d")


def counts_in_words(text: str) -> bool:
    """Whether a message holds at least three whole numbers that could be counts."""
    return len(list(itertools.islice(_COUNT_NUMBER.finditer(text),
                                     COUNTS_IN_A_DESCRIPTION))) == COUNTS_IN_A_DESCRIPTION


# A count the student or someone else got for a layer: "i got 73856 for", "my friend says 73728"
_COUNT_CLAIMED = re.compile(r"\b(?:i|we|you)\s++(?:got|get|calculated|computed|counted)\s++"
                            r"\d{2,9}+\b|\bsays?\s++(?:it\s*+s\s++|it\s++is\s++)?\d{2,9}+\b")


def wants(text: str) -> str | None:
    """Which calculator a prepared text asks for, from its words alone (None: no calculation)."""
    if find_matrix(text) is not None:
        # a pasted matrix with words about metrics is a confusion matrix, and one with words of
        # recurrence or gradients a weight matrix; "is [[1,2],[2,4]] invertible" is neither
        if _WANTS["metrics"].search(text):
            return "metrics"
        return "eigen" if _WANTS["eigen"].search(text) or _ONLY_A_MATRIX.fullmatch(text) \
            else None
    if PRECISION_GIVEN.search(text) and RECALL_GIVEN.search(text) and F1_ASKED.search(text):
        return "metrics"   # F1 from a precision and a recall
    if _WANTS["metrics"].search(text) and (_COUNT_WORD.search(text) or has_table(text) or
                                          _LABEL_LIST.search(text) or
                                          cell_names(text) is not None or
                                          counts_in_words(text) and not _LAYER.search(text) or
                                          _TWO_NUMBERS.search(text) and
                                          counts_settled_by_story(text) is not None):
        return "metrics"
    if _WANTS["attention"].search(text) and (_PATCH_OR_TOKEN.search(text) or
                                            SEQUENCE_LENGTH.search(text)):
        return "attention"
    if _WANTS["params"].search(text) and CONV_WORDS.search(text + " "):
        return "params"
    if TORCH_CONV.search(text) and _COUNT_CLAIMED.search(text) and \
            not _WANTS["conv"].search(text):
        return "params"   # "I got 73856 for nn.Conv2d(64, 128, 3), my friend says 73728"
    if (_WANTS["params"].search(text) or TORCH_CALL.search(text)) and recurrent_cell(text):
        return "params"   # an RNN, LSTM or GRU layer's parameters ("and nn.RNN(50, 100)?")
    if LINEAR.search(text) and _WANTS["params"].search(text) and not RECURRENT.search(text):
        return "params"
    if CONV_WORDS.search(text) and _WANTS["conv"].search(text):
        return "conv"
    return None
