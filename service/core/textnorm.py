"""Text normalisation shared by the matcher and the calculation parser: case, Unicode, LaTeX,
punctuation, number words, and the course's abbreviations and synonyms.

A chat message is read once, at the door, into a `Message` (`read_message`): valid Unicode, at
most `MAX_MESSAGE_LENGTH` characters, whitespace runs collapsed, and the normal forms the core
compares computed at most once each. Every pattern in the core runs in linear time (tests/
test_linear_time.py checks each one), so the work per message is bounded by its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

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
_DIGIT_WORDS = "|".join(list(UNITS)[1:10])
_BELOW_HUNDRED = (r"(?:(?P<tens{n}>" + "|".join(TENS) + r")(?:[\s-]++(?P<unit{n}>" + _DIGIT_WORDS
                  + r"))?|(?P<alone{n}>" + "|".join(UNITS) + r"))")
# the hundreds counted from one to nineteen: "two hundred", "twelve hundred"
_HUNDREDS_WORDS = "|".join([*list(UNITS)[10:20], *list(UNITS)[1:10]])
# "thirty-two", "seven", "one hundred twenty-eight", "two hundred and fifty-six"
_NUMBER_WORD = re.compile(
    r"\b(?:(?P<hundreds>" + _HUNDREDS_WORDS + r")[\s-]++hundred(?:[\s-]++(?:and[\s-]++)?"
    + _BELOW_HUNDRED.format(n=1) + r")?|" + _BELOW_HUNDRED.format(n=0) + r")\b")


def number_words_as_digits(text: str) -> str:
    """Write number words as digits: "thirty-two by thirty-two" -> "32 by 32"."""
    return _NUMBER_WORD.sub(_number_word, text)


def _number_word(match: re.Match) -> str:
    """The digits for one matched number word ("thirty-two" -> "32", "one hundred
    twenty-eight" -> "128")."""
    hundreds = match.group("hundreds")
    n = 1 if hundreds else 0
    if match.group(f"alone{n}"):
        below = UNITS[match.group(f"alone{n}")]
    elif match.group(f"tens{n}"):
        below = TENS[match.group(f"tens{n}")] + UNITS.get(match.group(f"unit{n}") or "zero", 0)
    else:
        below = 0
    return str(100 * UNITS[hundreds] + below if hundreds else below)



# Canonical form: the phrasings that collapse to it (as words, plurals added automatically),
# so that "convolutional neural network", "cnn" and "conv" all match each other.
_SYNONYMS: dict[str, list[str]] = {
    # the network and the operation are different questions ("what is a CNN" is not "what is
    # a convolution"), so they are two canonical words
    "cnn": ["convolutional neural network", "convolutional neural net", "convolutional network",
            "convolutional net", "conv net", "convnet", "cnn"],
    "conv": ["convolution", "convolutional", "conv"],
    "vae": ["variational autoencoder", "variational auto encoder", "vae"],
    "gan": ["generative adversarial network", "generative adversarial net", "gan"],
    "rnn": ["recurrent neural network", "recurrent neural net", "rnn"],
    "lstm": ["long short term memory", "long short term memory network", "lstm"],
    "gru": ["gated recurrent unit", "gru"],
    "bptt": ["backpropagation through time", "back propagation through time",
             "backprop through time", "back prop through time", "bptt",
             "backpropagation thru time", "backprop thru time", "back prop thru time"],
    "bidirectional rnn": ["birnn", "bi rnn", "bi directional rnn", "bidirectional rnn",
                          "bidirectional recurrent neural network", "bilstm", "bi lstm"],
    "fgan": ["f gan", "fgan"],
    # the verb is the mechanism only with what is attended ("attending over the encoder
    # states"; "attend the lecture" is another matter)
    "attention": ["attn", "attention", "attentions"] + [
        f"{verb} {to}" for verb in ("attend", "attends", "attending", "attended")
        for to in ("to", "over")],
    "multihead attention": ["mha", "multi head attention", "multihead attention",
                            "multi headed attention"],
    "position encoding": ["pe", "positional encoding", "position encoding",
                          "positional encodings", "position encodings"],
    "masked language model": ["mlm", "masked language model", "masked language modelling",
                              "masked language modeling"],
    "large language model": ["llm", "large language model"],
    "feed forward": ["ffn", "ff", "feed forward", "feedforward", "position wise feed forward"],
    "rope": ["rope", "rotary", "rotary position embedding", "rotary positional embedding",
             "rotary embeddings"],
    "fdivergence": ["f divergence", "fdivergence"],
    "data augmentation": ["data aug", "data augmentation", "data augmentations"],
    "learning rate": ["lr", "learning rate", "learning rates"],
    "gradient descent": ["gd", "gradient descent"],
    "tpr": ["tpr", "true positive rate"],
    "fpr": ["fpr", "false positive rate"],
    "backprop": ["backpropagation", "back propagation", "backprop", "back prop",
                 "backpropogation", "backpropagate", "backpropagating", "backpropagated",
                 "back propagate", "back propagating", "back propagated"],
    "autoencoder": ["autoencoder", "auto encoder"],
    "kl": ["kullback leibler", "kullback leibler divergence", "kl divergence", "kld", "kl"],
    "elbo": ["evidence lower bound", "variational lower bound", "elbo"],
    "vit": ["vision transformer", "vit"],
    "jensen shannon": ["jensen shannon", "jensen shannon divergence", "jsd", "js divergence"],
    "batchnorm": ["batch norm", "batchnorm", "batch normalisation", "batch normalization", "bn"],
    "layernorm": ["layer norm", "layernorm", "layer normalisation", "layer normalization", "ln"],
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
    "share": ["tying", "tied"],  # not "tie": "how to tie a tie" is not weight sharing
    "wasserstein": ["wasserstein", "wgan", "w gan", "earth mover", "earth movers"],
    "orthogonal": ["orthonormal", "orthogonal"],
    "nonsaturating": ["non saturating", "nonsaturating"],
    "tn": ["true negative"], "tp": ["true positive"],
    "fn": ["false negative"], "fp": ["false positive"],
    "generator discriminator": ["g and d", "d and g"],
    # a GAN's players by their letters: "optimal D", "D loss"
    "optimal discriminator": ["optimal d"], "discriminator loss": ["d loss"],
    "generator loss": ["g loss"],
    # how students ask for the big picture: "gan in a nutshell" is "gan overview" (number
    # words are digits by now: "in one sentence" is "in 1 sentence")
    "overview": ["overview", "nutshell", "in a nutshell", "big picture", "in short", "high level",
                 "tldr", "tl dr", "rundown", "crash course", "intro", "introduction",
                 "in a sentence", "in 1 sentence", "in a few sentences", "in 2 sentences",
                 "in 3 sentences", "in a paragraph", "in 1 paragraph", "in plain words",
                 "in plain english", "in simple words", "in simple terms"],
    "qlearning": ["q learning", "qlearning", "deep q learning", "deep q network", "dqn"],
    # terms named with a letter, which alone is dropped: "p-value" was "value" (of the
    # queries, keys and values)
    "pvalue": ["p value", "pvalue"], "ttest": ["t test", "ttest"], "kmeans": ["k means", "kmeans"],
    # the course's own name says nothing about which entry is meant ("when is the deep learning
    # exam" is not about attention "in deep learning"); "deep" alone still means depth
    "deep": ["deep learning"],
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
# Every word of a synonym's phrasings: known to the spelling corrector, which leaves them alone
# ("data aug" is not a misspelling of "auc").
SYNONYM_WORDS = frozenset(word for phrase in _PHRASES for word in phrase)
# Longest phrasing per first word: most words start none, and are passed over in one look-up.
_LONGEST_FROM: dict[str, int] = {}
for _words in _PHRASES:
    _LONGEST_FROM[_words[0]] = max(_LONGEST_FROM.get(_words[0], 0), len(_words))
_QUESTION_NUMBER = re.compile(r"^[qa](\d{1,2})$")
_TOKEN = re.compile(r"[a-z0-9]+")
# A one-letter symbol with a subscript is one name: W_h -> Wh, h_{t-1} -> ht, d_k -> dk,
# C_{out} -> Cout (its brace closed with it).
_SUBSCRIPT = re.compile(r"(?<![A-Za-z])([A-Za-z])_\{?([A-Za-z0-9]{1,3})\}?")
# "3 x 3", "3×3" -> "3x3"; starts only where a run of digits starts, so a long run is read once
_SIZE_TIMES = re.compile(r"(?<!\d)(\d++)\s*+(?:x|×|\*|by)\s*+(?=\d)")
_LATEX_COMMAND = re.compile(r"\\([a-zA-Z]++)")
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
    text = _LATEX_COMMAND.sub(_latex_word, text)
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


# Words that say nothing about which entry is meant; the matcher ignores them.
STOPWORDS = frozenset("""
a an the and or but if then so of in on at to for from by with without into onto over under
about as is are was were be been being am do does did doing done have has had having i me my we
our you your he she it its they them their this that these those there here what which who whom
whose when where why how can could would should will shall may might must not no yes any some
all each every both either neither much many more most less least very just only also too than
get got give gives given use used using uses make makes made let lets say says said tell know
please thanks thank hi hello hey ok okay really actually basically simply one s t ve ll re d m
explain explanation mean means meaning understand understanding question answer exam course
lecture help quick thing things stuff like right wrong true false vs versus
hey wondering wonder curious confused confusing stuck exactly actually really bit kind sort
someone anyone people ppl guys u ur ya yo gonna wanna kinda sorta whats wat wats thats heres
theres isnt doesnt dont cant wont arent didnt im ive youre pls plz thx also anyway okay still
intuition intuitive intuitively idea concept simple simply terms eli5 example examples
understand understood meant mean difference diff differ between compared comparison
work works working worked happen happens happening
hw dose dosent dosnt doesent
""".split())


def content_tokens(raw_words: list[str]) -> tuple[str, ...]:
    """The distinct canonical, stemmed content words of a text, in order."""
    return tuple(dict.fromkeys(canonical(raw_words, STOPWORDS)))


def normalise(text: str) -> list[str]:
    """Return the canonical tokens of `text`, as the matcher compares them."""
    return canonical(words(text))


# --- the calculation reader's form -----------------------------------------------------------

_TIMES_COMMAND = re.compile(r"\\times(?![A-Za-z])")
# Keras writes Conv2D(filters, kernel_size), PyTorch Conv2d(in, out, kernel): only the case of
# the D tells them apart, and folding loses it, so Keras's calls are marked first.
_KERAS_CONV = re.compile(r"\bConv([123])D(Transpose)?\s*+\(")
# "1,024" and "50,000": a number's thousands; not "(128,128,3)" or "(224,224)", a shape
_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}+(?:,\d{3}+)++(?![\d,])")
# "1 024 x 1 024 px", "10 000 transactions": thousands set off by a space, read only before a
# size's "x" or a count's noun (two numbers in a row are otherwise two numbers)
_SPACED_THOUSANDS = re.compile(
    r"(?<![\d.,])(\d{1,3}+) (\d{3}+)(?![\d.,])(?=\s*+(?:x\b|\*|px\b|pixels|tokens?|words|"
    r"transactions|images|samples|examples|emails|patients|people|parameters|params|features|"
    r"units|cases|rows|users|documents|reviews|files|inputs))")
_QUOTES = re.compile(r"[\"'`$]")
_ZERO_PADDING = re.compile(r"\bzero[\s-]*+(?=padd)")
# Powers of two and of ten with an exponent of at most 30 (2^30 is about a billion): sizes, never
# a learning rate ("10^-3" has its sign)
_POWER = re.compile(r"(?<![\w.^])(2|10)\s*+\^\s*+([1-9]|[12]\d|30)(?![\w.^])")
_THOUSAND_TOKENS = re.compile(r"(?<![\w.])(\d{1,3}+)k(?=\s++(?:tokens?|words|positions|frames)\b)")
# "2k tokens (2048 exactly)", "1k tokens (exactly 1024)": the exact number said beside it
_ROUGH_THEN_EXACT = re.compile(r"(?<![\w.])\d{1,3}+k(\s++(?:tokens?|words|positions|frames))\s*+"
                               r"\(\s*+(?:(\d{1,7}+)\s++exactly|exactly\s++(\d{1,7}+))\s*+\)")
_POINTWISE = re.compile(r"\bpoint[\s-]?wise\b")


def _without_separators(match: re.Match) -> str:
    """A number's digits without its thousands commas, unless it stands in brackets alone."""
    text, start, end = match.string, match.start(), match.end()
    if start and text[start - 1] in "([" and text[end:end + 1] in (")", "]"):
        return match.group(0)
    return match.group(0).replace(",", "")


def prepare(text: str) -> str:
    """Fold case, accents and LaTeX, turn number words into digits and x-symbols into 'x'.

    The calculation reader's form of a message; whitespace runs come out as single spaces.
    """
    # fold drops \times as formatting, which would turn "$3 \times 3$" into two numbers
    text = _TIMES_COMMAND.sub(" x ", text)
    text = _KERAS_CONV.sub(lambda m: f"kerasconv{m.group(1)}d{'transpose' if m.group(2) else ''}(",
                           text)
    text = fold(text).replace("×", "x").replace("→", "->").replace("−", "-")
    text = _THOUSANDS.sub(_without_separators, text)  # 1,024 -> 1024
    text = _SPACED_THOUSANDS.sub(r"\1\2", text)      # 1 024 x 1 024 -> 1024 x 1024
    text = _QUOTES.sub(" ", text)  # padding='same' -> padding= same; $3 x 3$ -> 3 x 3
    # "zero padding" is a padding mode here, not the number 0 (see calcparse.readers._conv_request)
    text = _ZERO_PADDING.sub("zero", text)
    text = _POINTWISE.sub("1x1", text)  # a pointwise convolution has a 1x1 kernel
    text = number_words_as_digits(text)
    # "2^10 tokens", "10^3 inputs", "2^8 x 2^8": powers of two and ten written out; "1k tokens"
    text = _POWER.sub(lambda m: str(int(m[1]) ** int(m[2])), text)
    text = _ROUGH_THEN_EXACT.sub(lambda m: f"{m[2] or m[3]}{m[1]}", text)
    text = _THOUSAND_TOKENS.sub(r"\g<1>000", text)
    return " ".join(text.split())


# --- the door ---------------------------------------------------------------------------------

MAX_MESSAGE_LENGTH = 2000  # characters; service.config.MAX_MESSAGE_LENGTH defaults to this
# Words of a message the matcher reads: a question has a few dozen; the rest of a pasted page is
# not part of the question, and reading it would only cost time.
MAX_QUESTION_WORDS = 200
REPLACEMENT = "\ufffd"
# Lone surrogates (JSON's "\ud800" decodes to one) are not Unicode text; control characters
# other than tab and newlines are not text a student types.
_NOT_TEXT = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def invalid_characters(text: str) -> list[str]:
    """The characters of `text` that are not valid text (lone surrogates, control characters),
    each written as U+XXXX, at most three; [] for valid text."""
    found = dict.fromkeys(f"U+{ord(m.group()):04X}" for m in _NOT_TEXT.finditer(text))
    return list(found)[:3]


def valid_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD and control characters by spaces."""
    return _NOT_TEXT.sub(lambda m: REPLACEMENT if m.group() >= "\ud800" else " ", text)


@dataclass(frozen=True)
class Message:
    """A student's message as the core reads it, normalised once at the door.

    `raw` is valid Unicode of bounded length (what records keep); `text` has its whitespace
    runs collapsed (what the dialogue's and practice's patterns read). The other forms are
    computed on first use, once: `lower` for phrase patterns, `prepared` for the calculation
    reader, `words` for the matcher.
    """

    raw: str
    text: str

    @cached_property
    def lower(self) -> str:
        """Lower case, typographic apostrophes as ASCII ones."""
        return self.text.lower().replace("’", "'")

    @cached_property
    def prepared(self) -> str:
        """The calculation reader's form (see `prepare`)."""
        return prepare(self.text)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Lowercase alphanumeric words, number words as digits (see `words`)."""
        return tuple(words(self.text))

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """The distinct content tokens of the first MAX_QUESTION_WORDS words, as the matcher
        compares them (synonyms applied, stopwords dropped, stemmed)."""
        return content_tokens(list(self.words[:MAX_QUESTION_WORDS]))


def read_message(raw: str, limit: int = MAX_MESSAGE_LENGTH) -> Message:
    """Read a message at the door: invalid characters replaced, cut to `limit` characters,
    whitespace runs collapsed (rows of numbers on lines of their own kept as rows, see
    `_rows_as_matrix`). Channels refuse longer messages before this; the cut bounds the work
    whatever a caller forgets."""
    raw = valid_text(raw[:limit])
    return Message(raw, " ".join(_rows_as_matrix(raw).split()))


# A line that is only a row of numbers: "0.6 0.4 0", "-1.2, 0.3"
_NUMBER_ROW = re.compile(r"(?<![\d.])[-+]?(?:\d++\.?\d*+|\.\d++)(?:(?:[ \t]*+,[ \t]*+|[ \t]++)"
                         r"[-+]?(?:\d++\.?\d*+|\.\d++)){1,7},?")
_ROW_NUMBER = re.compile(r"[-+]?(?:\d++\.?\d*+|\.\d++)")


def _rows_as_matrix(raw: str) -> str:
    """Two or more lines in a row that are only numbers, as many on each, written as MATLAB
    writes a matrix ("[0.6 0.4; 0.1 0.5]"): collapsing the whitespace would otherwise lose
    where one row ends, and with it the matrix a student pasted."""
    if "\n" not in raw:
        return raw
    out: list[str] = []
    run: list[tuple[list[str], str]] = []   # the rows read so far, each with its line
    for line in [*raw.split("\n"), ""]:
        row = _ROW_NUMBER.findall(line) if _NUMBER_ROW.fullmatch(line.strip()) else None
        if row and (not run or len(row) == len(run[0][0])):
            run.append((row, line))
            continue
        if len(run) >= 2:
            out.append("[" + "; ".join(" ".join(numbers) for numbers, _ in run) + "]")
        else:
            out += [line for _, line in run]
        run = [(row, line)] if row else []
        if not row:
            out.append(line)
    return "\n".join(out[:-1])


def as_message(value: Message | str) -> Message:
    """A Message for either a Message or a plain string (tests and tools pass strings)."""
    return value if isinstance(value, Message) else read_message(value)
