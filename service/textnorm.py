"""Text normalisation shared by the matcher and the calculation parser: case, Unicode, LaTeX,
punctuation, number words, and the course's abbreviations and synonyms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# LaTeX commands that only format: dropped. Others become their name as a word (\sigma -> sigma).
_LATEX_FORMATTING = {
    "mathcal", "mathbf", "boldsymbol", "mathrm", "text", "textbf", "textit", "operatorname",
    "mathbb", "displaystyle", "left", "right", "big", "bigg", "Big", "quad", "qquad", "frac",
    "dfrac", "tfrac", "begin", "end", "pmatrix", "bmatrix", "cdot", "cdots", "ldots", "dots",
    "hat", "tilde", "bar", "mid", "vert", "lVert", "rVert", "langle", "rangle",
}
_LATEX_WORDS = {"times": "x", "lfloor": "floor", "rfloor": "floor", "lceil": "ceil",
                "rceil": "ceil", "nabla": "gradient", "top": "transpose", "infty": "infinity"}

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "single": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
_NUMBER_WORD = re.compile(
    r"\b(?:(?P<tens>" + "|".join(TENS) + r")(?:[\s-]+(?P<unit>" + "|".join(list(UNITS)[1:10])
    + r"))?|(?P<alone>" + "|".join(UNITS) + r"))\b")



def number_words_as_digits(text: str) -> str:
    """Write number words as digits: "thirty-two by thirty-two" -> "32 by 32"."""
    return _NUMBER_WORD.sub(_number_word, text)


def _number_word(match: re.Match) -> str:
    """The digits for one matched number word ("thirty-two" -> "32")."""
    if match.group("alone"):
        return str(UNITS[match.group("alone")])
    return str(TENS[match.group("tens")] + UNITS.get(match.group("unit") or "zero", 0))



# Canonical form: the phrasings that collapse to it (as words, plurals added automatically),
# so that "convolutional neural network", "cnn" and "conv" all match each other.
_SYNONYMS: dict[str, list[str]] = {
    "conv": ["convolutional neural network", "convolutional neural net", "conv net", "convnet",
             "cnn", "convolution", "convolutional", "conv"],
    "vae": ["variational autoencoder", "variational auto encoder", "vae"],
    "gan": ["generative adversarial network", "generative adversarial net", "gan"],
    "rnn": ["recurrent neural network", "recurrent neural net", "rnn"],
    "lstm": ["long short term memory", "long short term memory network", "lstm"],
    "gru": ["gated recurrent unit", "gru"],
    "bptt": ["backpropagation through time", "back propagation through time",
             "backprop through time", "back prop through time", "bptt"],
    "backprop": ["backpropagation", "back propagation", "backprop", "back prop",
                 "backpropogation", "backpropagate", "backpropagating", "backpropagated",
                 "back propagate", "back propagating", "back propagated"],
    "autoencoder": ["autoencoder", "auto encoder"],
    "kl": ["kullback leibler", "kullback leibler divergence", "kl divergence", "kld", "kl"],
    "elbo": ["evidence lower bound", "variational lower bound", "elbo"],
    "vit": ["vision transformer", "vit"],
    "jensen shannon": ["jensen shannon", "jensen shannon divergence", "jsd", "js divergence"],
    "batchnorm": ["batch norm", "batchnorm", "batch normalisation", "batch normalization", "bn"],
    "layernorm": ["layer norm", "layernorm", "layer normalisation", "layer normalization"],
    "sgd": ["stochastic gradient descent", "sgd"],
    "maxpool": ["max pool", "maxpool", "max pooling", "maxpooling", "max pooled"],
    "avgpool": ["average pool", "average pooling", "avg pool", "avg pooling", "avgpool",
                "mean pool", "mean pooling"],
    "pool": ["pooling"],
    "eigenvalue": ["eigenvalue", "eigen value"],
    "eigenvector": ["eigenvector", "eigen vector"],
    "parameter": ["param", "parameter", "no of weights"],
    "hyperparameter": ["hyperparameter", "hyper parameter"],
    "gradient": ["grad", "gradient"],
    "multiplechoice": ["multiple choice", "mcq", "multi choice"],
    "position": ["positional", "position"],
    "encoding": ["encoding", "embedding"],
    "self attention": ["self attention", "selfattention"],
    "multihead": ["multi head", "multihead", "multi headed"],
    "reparameterise": [
        "reparameterisation", "reparameterization", "reparametrisation", "reparametrization",
        "reparameterise", "reparameterize", "reparameterised", "reparameterized",
        "reparameterising", "reparameterizing", "re parameterisation", "re parameterization",
        "reparametrize", "reparametrise", "reparametrized", "reparametrised", "reparam"],
    "conv2d": ["conv2d", "conv 2d"],
    "1x1": ["one by one", "1 by 1", "1 x 1", "1x1", "pointwise", "point wise"],
    "softmax": ["softmax", "soft max"],
    "crossentropy": ["cross entropy", "crossentropy"],
    "share": ["tying", "tied", "tie"],
    "wasserstein": ["wasserstein", "wgan", "w gan", "earth mover", "earth movers"],
    "orthogonal": ["orthonormal", "orthogonal"],
    "nonsaturating": ["non saturating", "nonsaturating"],
    "tn": ["true negative"], "tp": ["true positive"],
    "fn": ["false negative"], "fp": ["false positive"],
    "generator discriminator": ["g and d", "d and g"],
    "query key value": ["q k v", "q k and v", "qkv", "queries keys and values",
                        "queries keys values", "query key and value"],
}
_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {}
for _canonical, _phrasings in _SYNONYMS.items():
    for _phrase in _phrasings:
        _words = tuple(_phrase.split())
        _PHRASES[_words] = tuple(_canonical.split())
        if not _words[-1].endswith("s") and not _words[-1][-1].isdigit():
            _PHRASES[(*_words[:-1], _words[-1] + "s")] = tuple(_canonical.split())
# Longest phrasing per first word: most words start none, and are passed over in one look-up.
_LONGEST_FROM: dict[str, int] = {}
for _words in _PHRASES:
    _LONGEST_FROM[_words[0]] = max(_LONGEST_FROM.get(_words[0], 0), len(_words))
_QUESTION_NUMBER = re.compile(r"^[qa](\d{1,2})$")
_TOKEN = re.compile(r"[a-z0-9]+")
# A one-letter symbol with a subscript is one name: W_h -> Wh, h_{t-1} -> ht, d_k -> dk.
_SUBSCRIPT = re.compile(r"(?<![A-Za-z])([A-Za-z])_\{?([A-Za-z0-9]{1,3})")
_SIZE_TIMES = re.compile(r"(\d+)\s*(?:x|×|\*|by)\s*(?=\d)")  # "3 x 3", "3×3" -> "3x3"
# Greek letters as students type them, read as the names LaTeX gives them.
_GREEK = str.maketrans({"α": " alpha ", "β": " beta ", "γ": " gamma ", "δ": " delta ",
                        "ε": " epsilon ", "η": " eta ", "θ": " theta ", "λ": " lambda ",
                        "μ": " mu ", "π": " pi ", "ρ": " rho ", "σ": " sigma ", "τ": " tau ",
                        "φ": " phi ", "ω": " omega ", "∇": " gradient ", "²": "^2"})


def fold(text: str) -> str:
    """Lowercase, strip accents and turn LaTeX into plain words (`$W_h$` -> `w h`)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_GREEK))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\\([a-zA-Z]+)", _latex_word, text)
    text = _SUBSCRIPT.sub(r"\1\2", text)
    return text.casefold()


def _latex_word(match: re.Match) -> str:
    name = match.group(1)
    if name in _LATEX_FORMATTING:
        return " "
    return " " + _LATEX_WORDS.get(name, name) + " "


def words(text: str) -> list[str]:
    """Split folded text into lowercase alphanumeric words, number words as digits."""
    text = _SIZE_TIMES.sub(r"\1x", number_words_as_digits(fold(text)))
    return _TOKEN.findall(text)


def canonical(words_: list[str], stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Apply the synonym table, drop stopwords and one-letter words, stem the rest."""
    return [stem(w) for w in _synonyms(words_) if (len(w) > 1 or w.isdigit())
            and w not in stopwords]


def _synonyms(words_: list[str]) -> list[str]:
    """Replace the longest known phrasing at each position by its canonical form.

    Question references become one token: "q1", "a4" (the seed's answer 4), "question 12".
    """
    out: list[str] = []
    i, count = 0, len(words_)
    while i < count:
        for length in range(min(_LONGEST_FROM.get(words_[i], 0), count - i), 0, -1):
            replacement = _PHRASES.get(tuple(words_[i:i + length]))
            if replacement:
                out.extend(replacement)
                i += length
                break
        else:
            word = words_[i]
            number = _QUESTION_NUMBER.match(word)
            if number:
                out.append("q" + number.group(1))
            elif word in ("q", "question", "answer") and i + 1 < count and \
                    words_[i + 1].isdigit() and len(words_[i + 1]) <= 2:
                out.append("q" + words_[i + 1])
                i += 1
            else:
                out.append(word)
            i += 1
    return out


_STEMMER = snowballstemmer.stemmer("english")
_BRITISH = re.compile(r"(?<=\w{3})is(ation|ations|e|ed|es|ing|er|ers)$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball-stem a word after spelling British -ise as -ize (`normalising` -> `normal`)."""
    return _STEMMER.stemWord(_BRITISH.sub(r"iz\1", word))


def normalise(text: str) -> list[str]:
    """Return the canonical tokens of `text`, as the matcher compares them."""
    return canonical(words(text))
