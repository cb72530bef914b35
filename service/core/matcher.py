"""Rank knowledge-base entries for a free-text question, with a confidence that means something.

The main signals, all in 0..1: *coverage*, the IDF-weighted share of the question's content
words that the entry knows (so "pool table dimensions" scores low on pooling: two of its three
words are foreign to the course); *overlap* and *similarity*, how close the question is to the
entry's closest phrasing (IDF-weighted Dice, and rapidfuzz's token-sort and token-set ratios);
a naive-Bayes *posterior*, how likely the question's words are to come from this entry's
phrasings rather than another's; and *embedding*, how close the question lies to the entry's
closest phrasing in a space of static word vectors (a view that needs no shared word). An
inverted index picks candidates, so the cost grows with the postings of the question's words
rather than with the size of the knowledge base.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from service.core.embedding import load_embedder
from service.core.spelling import NearWords
from service.core.textnorm import (
    MAX_QUESTION_WORDS,
    STOPWORDS,
    SYNONYM_WORDS,
    Message,
    as_message,
    content_tokens,
    words,
)
from service.knowledge.loading import Entry, OutsideTopic

STRONG, WEAK = 1.0, 0.35   # weight of a word in an entry's phrasings vs in its answer text
CANDIDATES = 25            # entries, by coverage, whose phrasings are compared with the question
FINALISTS = 6              # of those, by coverage and overlap, the ones rapidfuzz re-scores
# The score mixes three signals in 0..1: coverage, the IDF-weighted Dice overlap with the
# closest phrasing, and rapidfuzz's token-sort ratio with it. Weights chosen on the dev set.
COVERAGE_WEIGHT, OVERLAP_WEIGHT, SIMILARITY_WEIGHT = 0.5, 0.2, 0.3
FULL_COVERAGE = 0.6
# A word the knowledge base does not know is read as a known word one edit away (a letter
# added, dropped, changed, or two swapped: "teh", "recurent", "postion"), or two edits away
# for long words; the more frequent candidate wins.
MIN_TYPO_LENGTH = 3
MAX_TYPO_LENGTH = 24       # longer "words" are not misspellings of a course term
LONG_WORD = 8              # from this length two edits are allowed
# The work per question is bounded: the first distinct content words are read (a question has
# a dozen; a pasted page is not a question), and only so many unknown ones are spell-checked.
MAX_QUERY_TOKENS = 48
SHORT_QUESTION = 3   # content words; "what is a GAN" has one
QUESTION_PHRASING = 1  # an entry's phrasings: its id's words, then its canonical question, ...
# Entries that answer the plain "what is X" question and point to the detailed ones.
OVERVIEWS = frozenset({"mlp-basics", "cnn-overview", "vae-overview", "gan-overview",
                       "attention-mechanism", "transformer-architecture"})
MAX_TYPO_LOOKUPS = 12
# A topic not covered that a question names by a word of its own, which the course never uses
# ("physics lab", "neuroscience", "css"), ranks first when its score is at least this share of
# the best entry's: otherwise the course's words around that one word ("accuracy and precision")
# won. Below it the word is the question's setting, not its subject ("BERT for movie reviews",
# "my GAN super-resolution project": at most 0.43 of the entry's in every tuning set, the
# off-topic questions so found from 0.22 up).
OUTSIDE_WORD_SHARE = 0.45
# An entry whose id the question names whole, and whose id holds the whole id of the first
# entry and more, is the question's subject when it scores at least this share of the first's:
# "relative position encodings" asks relative-positional-encoding, not positional-encoding.
SPECIFIC_SHARE = 0.7
# An exam item is put after an entry scoring at least this share of it, for a question that
# asks neither about the exam nor in its "which ..." way (0.8 and 0.9 tried on the tuning files:
# 0.8 lost "would switching my simple rnn to a gru help with vanishing gradients", a question
# about one of the remedies item's statements)
EXAM_ITEM_SHARE = 0.85
# ... and a general entry before a more specific one whose extra words the question never names
GENERAL_SHARE = 0.95
# A foreign term is at least this long: shorter unknown words are abbreviations and noise
FOREIGN_TERM_LENGTH = 4
_INFLECTIONS = ("s", "es", "ed", "ing")  # an English word with one of these is spelt right
# Endings of English words that name no method ("squeezing", "wobbly", "stiffness"): a word
# with one is no foreign term, though the embedder's ~10,800 whole words leave it out
# ("admissible", "distillation" can name what the course does not cover)
_ENGLISH_ENDINGS = ("ing", "ed", "ly", "ness")
# Phrasings in all above which the closest-phrasing overlap is read for the candidates only
# (the course's 5,000 are read in one pass faster than the candidates' are picked out)
GATHER_ABOVE = 20_000
# The knowledge base's own typos (see _respellings): used at most this often, and the right
# spelling at least this many times as often.
RARE_IN_COURSE = 5
RESPELL_RATIO = 10
# A word the course's own texts use at least this often is a right spelling a typo is read as.
COMMON_IN_COURSE = 20
# A misspelt word corrected to a word used at least this often (or a curated one, counted
# 1000 more) is not counted as foreign to the course.
KNOWN_IN_COURSE = 5
# Add-one-half smoothing of the naive-Bayes word likelihoods (chosen by leaving each tuning
# set out of the fit in turn; 0.25 to 2 did about as well).
BAYES_SMOOTHING = 0.5
# An exam item (an entry with `choices`) answers questions about its statements, not "what is
# a GAN": the words that say the student means the exam question (the signals
# exam_item_unasked and exam_item_asked weigh an exam item by them)
EXAM_CUES = frozenset("""
statement statements true false option options choice choices mcq tick ticked exam multiple
""".split())
# Names ("ELMo", "FactorVAE", "xLSTM", "FSQ"): the letters of the words of a text, the
# parts of a name by its capitals ("LLaVA": l, la, va), the ends of sentences, and the words
# after which a name is the setting of a question rather than its subject.
_LETTERS = re.compile(r"[A-Za-z]+")
_CASE_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_SENTENCE_END = re.compile(r"[.!?]\s")
_SETTING_BEFORE = frozenset(
    "on in with for from using via of by at to into like than about".split())
# Abbreviations of chat, in capitals as often as not ("WTF is a VAE", "ELI5"): no names.
_CHAT_ABBREVIATIONS = frozenset(
    "afaik asap btw eli fyi idk iirc imho imo lmao lol nvm omg pls plz rofl tbh tldr wtf".split())
# A heading a question starts with: at most this many words, within this many characters
HEADING_WORDS, HEADING_CHARS = 6, 60
_QUESTION_REFERENCE = re.compile(r"^[qa]\d{1,2}$")


SIGNALS = ("covered", "covered_strong", "overlap", "similarity", "set_similarity",
           "question_similarity", "id_share", "exam_item_unasked", "exam_item_asked",
           "overview_short", "bayes_posterior", "embedding")
# Weights of the signals in a candidate's ranking score, and of the calibration that turns the
# best candidate's score, its margin over the runner-up, how much of the question the knowledge
# base knows and the question's length into the probability that the answer is right. Fitted
# by eval/fit_matcher.py on the dev set and the training sets (never on a holdout).
RANKING_WEIGHTS = (
    0.5000, 0.5390, 0.8762, 0.6474, 0.6823, 0.3190, 0.3993, -0.1187, 0.0402, 0.1994, 1.2167, 0.7722)
CALIBRATION_FEATURES = ("score", "margin", "known", "log_tokens", "unknown", "closest",
                        "embedding", "embedding_closest")
# The signal that says how close an entry's closest phrasing is to the question (gated overlap)
CLOSEST_PHRASING = SIGNALS.index("overlap")
EMBEDDING = SIGNALS.index("embedding")
CALIBRATION = {
    "bias": -12.5252,
    "score": 2.1541,
    "margin": 0.6791,
    "known": 1.7074,
    "log_tokens": 1.2125,
    "unknown": -1.8930,
    "closest": 0.8455,
    "embedding": 1.0016,
    "embedding_closest": 0.7365,
}


class Candidate(NamedTuple):
    """An entry in the running for a question: its ranking score, the signals it comes from,
    and its calibrated confidence (the probability that answering it is right). A named tuple:
    one is made per finalist of every question, and a frozen dataclass took longer to build
    than the score did."""

    index: int
    score: float
    signals: tuple[float, ...]
    known: float        # share of the question's IDF mass the knowledge base knows at all
    tokens: int         # content words in the question
    unknown: float      # share of the question's words the knowledge base does not spell so
    confidence: float = 0.0


@dataclass(frozen=True)
class Match:
    """One ranked entry: its id, canonical question and score in 0..1; or, with `outside`, a
    topic the course does not cover (its id, name and score)."""

    entry_id: str
    question: str
    score: float
    outside: bool = False

    def to_dict(self) -> dict:
        return {"entry_id": self.entry_id, "question": self.question, "score": self.score}




class Matcher:
    """An index over entries' questions, alternates, keywords and answers."""

    def __init__(self, entries: Iterable[Entry], outside: Iterable[OutsideTopic] = ()):
        self.entries: list[Entry] = list(entries)
        # Topics the course does not cover are ranked as entries after the real ones, but their
        # words are not the course's: they count neither as known nor as right spellings.
        self.outside_from = len(self.entries)
        course = [_EntryWords.read(entry) for entry in self.entries]
        outside = list(outside)
        self.entries += [_stand_in(topic) for topic in outside]
        texts = course + [_EntryWords.read_outside(topic) for topic in outside]
        frequency = Counter(w for read in course for found in (*read.phrasings, *read.prose)
                            for w in found if w.isalpha())
        self._embedder = load_embedder()
        self._english = self._embedder.tokenizer.whole_words
        self._respelled = _respellings(course, frequency, self._english)
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.phrasings: list[list[str]] = []
        self._sorted_phrasings: list[list[str]] = []
        # per entry: token -> indices of the entry's phrasings that contain it
        self._token_phrasings: list[dict[str, tuple[int, ...]]] = []
        phrasing_tokens: list[list[list[str]]] = []
        self._strong: list[dict[str, float]] = []   # per entry: token -> strength in phrasings
        self._id_tokens: list[tuple[str, ...]] = []
        self._course_words: set[str] = set()
        # the words of the course's questions: what it covers. Its explanations mention more in
        # passing ("unlike diffusion models", "RLHF"), which a topic not covered may claim.
        self._covered_words: set[str] = set()
        # Adjacent words of the course's phrasings; a topic not covered may be named by two of
        # the course's words the course never puts together ("neural architecture search",
        # "conditional random field"), which then stand for it as one token (`_pair_token`).
        course_pairs: set[tuple[str, str]] = set()
        self._course_pairs = course_pairs   # kept: a name made of them is the course's own
        self._outside_pairs: set[tuple[str, str]] = set()
        word_tokens: dict[str, list[str]] = {}   # each word's tokens, read once
        for index, read in enumerate(texts):
            if index == self.outside_from:
                self._course_words = set(postings)
            token_lists = [content_tokens(self._respell(found)) for found in read.phrasings]
            if index < self.outside_from:
                for found in read.phrasings:
                    course_pairs.update(_adjacent_pairs(self._respell(found), word_tokens))
            else:
                # the topic's phrasings, not its id (the first: "human memory attention" is no
                # name)
                topic_pairs = {
                    (a, b) for found in read.phrasings[1:]
                    for a, b in _adjacent_pairs(self._respell(found), word_tokens)
                    if a in self._covered_words and b in self._covered_words and
                    (a, b) not in course_pairs}
                self._outside_pairs |= topic_pairs
            where: dict[str, list[int]] = defaultdict(list)
            for number, tokens in enumerate(token_lists):
                for token in tokens:
                    where[token].append(number)
            if index < self.outside_from:
                self._covered_words.update(where)
            # A word in most of an entry's phrasings says more about it than one said in passing.
            strong: dict[str, float] = {}
            for token, numbers in where.items():
                if index >= self.outside_from and token in self._covered_words:
                    # a topic not covered is found by its own words ("linux"), never by the
                    # course's alone: "what is a kernel" is the course's question
                    continue
                strong[token] = STRONG * min(1.0, 0.5 + len(numbers) / len(token_lists))
                postings[token][index] = strong[token]
            if index >= self.outside_from:
                # a pair that names the topic counts towards finding it like a word of its own,
                # without changing its phrasings (which the question's other words are scored on)
                for pair in topic_pairs:
                    strong[_pair_token(*pair)] = STRONG
                    postings[_pair_token(*pair)][index] = STRONG
            self._strong.append(strong)
            self._id_tokens.append(token_lists[0])
            for found in read.prose:
                for token in content_tokens(found):
                    postings[token].setdefault(index, WEAK)
            self.phrasings.append([" ".join(tokens) for tokens in token_lists])
            # token_sort_ratio is ratio on the words sorted: sorted once here, not per question
            self._sorted_phrasings.append([" ".join(sorted(tokens)) for tokens in token_lists])
            self._token_phrasings.append({t: tuple(n) for t, n in where.items()})
            phrasing_tokens.append(token_lists)
        count = max(len(self.entries), 1)
        self.idf = {t: math.log(1 + count / len(p)) for t, p in postings.items()}
        if self.outside_from == len(self.entries):
            self._course_words = set(postings)
        # A word the knowledge base never uses is as telling as its rarest word.
        self.unknown_idf = math.log(1 + count)
        self._by_question = {tuple(content_tokens(words(e.question))): e
                             for e in self.entries[:self.outside_from]}
        self._index_of = {e.id: n for n, e in enumerate(self.entries[:self.outside_from])}
        # Every entry's phrasings in one row, so that the overlap with all of them is a few
        # vectorised additions: per token, the positions of the phrasings that contain it.
        starts, sizes, containing = [], [], defaultdict(list)
        for index, lists in enumerate(phrasing_tokens):
            starts.append(len(sizes))
            sizes.extend(sum(self.idf[t] for t in tokens) for tokens in lists)
            for token, numbers in self._token_phrasings[index].items():
                containing[token].extend(starts[-1] + n for n in numbers)
        self._phrasing_starts = np.array(starts, dtype=np.int64)
        self._phrasing_counts = np.diff(self._phrasing_starts, append=len(sizes))
        # Every phrasing as a unit vector, for the embedding signal: per entry, a view of its
        # phrasings' rows.
        vectors = self._embedder.embed(
            [" ".join(found) for read in texts for found in read.phrasings])
        self._phrasing_vectors = [vectors[start:start + len(read.phrasings)]
                                  for start, read in zip(starts, texts, strict=True)]
        self._phrasing_sizes = np.array(sizes)
        self._phrasings_with = {t: np.array(p, dtype=np.int64) for t, p in containing.items()}
        # Postings as arrays, so that scoring a common word is one vectorised addition.
        self.postings = {t: (np.fromiter(p.keys(), np.int64, len(p)),
                             np.fromiter(p.values(), np.float64, len(p)))
                         for t, p in postings.items()}
        self._word_likelihoods()
        # Spelling: every word of the knowledge base (and the function words students misspell
        # as often as course terms), with how often it is used.
        for word in STOPWORDS | SYNONYM_WORDS:
            frequency[word] += 1000
        self.word_frequency = frequency
        # Words spelt right though the course never uses them: English words ("movies",
        # "weather") and the words of the topics not covered ("optimus"). Read as typos of the
        # course's words, they made "how many transformers movies" a question about "move".
        self._spelt_elsewhere = {w for read in texts[self.outside_from:]
                                 for found in read.phrasings for w in found if w.isalpha()}
        self._near_words = NearWords(frequency, {
            length: 2 if length >= LONG_WORD else 1
            for length in range(MIN_TYPO_LENGTH, MAX_TYPO_LENGTH + 1)})

    def _word_likelihoods(self) -> None:
        """A naive-Bayes model of which entry a question's words come from, learnt from the
        phrasings: P(word | entry) is the share of the entry's phrasing words that are this
        word, add-BAYES_SMOOTHING smoothed over the course's vocabulary. Stored as a base
        log-probability per entry (any word, unseen) and, per word, the entries that use it
        with the log-factor by which they do: scoring a question is then one vectorised
        addition per word, as for coverage."""
        counts: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        totals = np.zeros(len(self.entries))
        for index, where in enumerate(self._token_phrasings):
            for token, numbers in where.items():
                if index >= self.outside_from and token in self._covered_words:
                    continue  # a topic not covered is told by its own words only
                counts[token][0].append(index)
                counts[token][1].append(len(numbers))
                totals[index] += len(numbers)
        # every word the course uses (a pair naming a topic not covered is two of them)
        vocabulary = max(len(self.postings) - len(self._outside_pairs), 1)
        self._unseen_log_likelihood = np.log(
            BAYES_SMOOTHING / (totals + BAYES_SMOOTHING * vocabulary))
        self._log_likelihood_factor = {
            token: (np.array(indices, dtype=np.int64),
                    np.log1p(np.array(used, dtype=np.float64) / BAYES_SMOOTHING))
            for token, (indices, used) in counts.items()}

    def _entry_posterior(self, tokens: list[str]) -> np.ndarray:
        """Per entry, the naive-Bayes probability that the question's words come from it (a
        uniform prior; words the course never uses say nothing and are left out)."""
        known = [t for t in tokens if t in self.postings]
        log_posterior = len(known) * self._unseen_log_likelihood
        for token in known:
            if token in self._log_likelihood_factor:
                indices, factors = self._log_likelihood_factor[token]
                log_posterior[indices] += factors
        posterior = np.exp(log_posterior - log_posterior.max())
        return posterior / posterior.sum()

    def correct_typos(self, raw_words: list[str]) -> list[str]:
        """Replace words the knowledge base does not know by a known word one edit away (two
        for long words), the most frequent such word; others are kept as written.

        At most MAX_TYPO_LOOKUPS words are looked up.
        """
        corrected = []
        lookups = 0
        for word in raw_words:
            if word in self._respelled:
                corrected.append(self._respelled[word])  # a typo the course's alternates copy
                continue
            if word in self.word_frequency or not MIN_TYPO_LENGTH <= len(word) <= MAX_TYPO_LENGTH \
                    or not word.isalpha() or lookups >= MAX_TYPO_LOOKUPS \
                    or self._spelt_right(word):
                corrected.append(word)
                continue
            lookups += 1
            close = self._near_words.within(word)
            if len(word) <= 4:
                # short words: the first letter is rarely the one mistyped, and a short
                # unknown word is more often an abbreviation or noise than a misspelt term,
                # so only function words are guessed ("teh", "waht")
                close = [c for c in close if c[0][0] == word[0] and c[0] in STOPWORDS] or [
                    (doubled, 1) for doubled in _doublings(word)
                    if self.word_frequency[doubled] >= KNOWN_IN_COURSE] or [  # "ful", "los"
                    # a four-letter word with two letters after the first swapped, into a
                    # word the course uses often ("layer nrom vs batch norm"), unless English
                    # knows the word as written (three letters are more often a name: "gpa")
                    (swapped, 1) for swapped in _swaps(word) if swapped[0] == word[0]
                    and len(word) == 4 and self.word_frequency[swapped] >= COMMON_IN_COURSE
                    and word not in self._english]
            else:
                # two edits that include the first letter make another word, not a typo
                # ("carpooling" is not "maxpooling")
                close = [c for c in close if c[1] < 2 or c[0][0] == word[0]]
            if close:
                nearest = min(c[1] for c in close)
                word = max((c for c in close if c[1] == nearest),
                           key=lambda c: (self.word_frequency[c[0]], c[0]))[0]
            corrected.append(word)
        return corrected

    def foreign_terms(self, query: Message | str) -> list[str]:
        """The words of a question that are neither the course's, nor English, nor within a
        typo of a course word: names of what the course does not cover ("instructgpt", "kliep",
        "kalchbrenner"). At most MAX_TYPO_LOOKUPS words are looked up."""
        found, lookups = [], 0
        for word in as_message(query).words[:MAX_QUERY_TOKENS]:
            if len(word) < FOREIGN_TERM_LENGTH or not word.isalpha() or word in STOPWORDS or \
                    word in SYNONYM_WORDS or word in self.word_frequency or \
                    self._spelt_right(word) or word.endswith(_ENGLISH_ENDINGS) or \
                    lookups >= MAX_TYPO_LOOKUPS:
                continue
            lookups += 1
            if not self._near_words.within(word):
                found.append(word)
        return found

    def unknown_names(self, query: Message | str, entry_id: str) -> list[str]:
        """What the question is about that the entry `entry_id` does not cover, however many of
        its words the question shares: names in mixed case or acronyms in the sentence that asks
        ("how does ELMo combine ...", "FactorVAE penalises ...", "DeLong test:", "why does FSQ
        ...") that neither the course nor English knows and the entry does not mention, or else
        a heading whose course term carries a qualifier the course does not use ("Diverse beam
        search: how do the penalties work?"). A name after a preposition ("blurry samples on
        CelebA") is the setting, one in an earlier sentence ("StyleGAN papers report FID. What
        does FID measure?") context, one made of course words the course puts side by side
        ("LeakyReLU") the course's own. Read word by word: no pattern runs over the whole
        text."""
        index = self._index_of.get(entry_id)
        if index is None:
            return []
        text = as_message(query).text
        sentences = _SENTENCE_END.split(text)
        sentence = sentences[-1]
        found = []
        previous = ""
        for number, match in enumerate(_LETTERS.finditer(sentence)):
            if number == MAX_QUERY_TOKENS:
                break
            word = match.group()
            if _is_name(word) and previous.lower() not in _SETTING_BEFORE and \
                    not _in_code(sentence, match.start(), match.end()) and \
                    not self._known_name(word, index):
                found.append(word)
            previous = word
        heading = _heading(text)
        if heading and not found:
            said = words(heading)
            if any(self._unknown_qualifier(word, following, index)
                   for word, following in zip(said, said[1:], strict=False)):
                found.append(heading)
        return found

    def _unknown_qualifier(self, word: str, following: str, index: int) -> bool:
        """Whether `word` qualifies the course term `following` as something the course does
        not cover ("Diverse beam search", "professor forcing", "grouped-query attention"): a
        word spelt right or foreign that the course's texts hardly use and the entry at
        `index` does not mention, before a word the course uses often."""
        if not word.isalpha() or len(word) < FOREIGN_TERM_LENGTH or word in STOPWORDS or \
                word in SYNONYM_WORDS or self.word_frequency[word] >= KNOWN_IN_COURSE:
            return False
        if not following.isalpha() or following in STOPWORDS or not (
                following in SYNONYM_WORDS or self.word_frequency[following] >= COMMON_IN_COURSE):
            return False
        if not self._spelt_right(word) and self._near_words.within(word):
            return False   # a typo of a course word ("recurent networks")
        tokens = content_tokens([word])
        return not (tokens and index in self._mentions(tokens[0]))

    def _known_name(self, name: str, index: int) -> bool:
        """Whether a name is known: a course word (or its plural, "MLPs"), an
        English one ("GloVe"), one the entry at `index` mentions, or course words the course
        puts side by side."""
        word = name.lower()
        if len(word) > MAX_TYPO_LENGTH:
            return True   # no name: a run of letters pasted in
        if self._course_word(word) or (word.endswith("s") and self._course_word(word[:-1])):
            return True
        tokens = content_tokens([word])
        if tokens and index in self._mentions(tokens[0]):
            return True
        parts = [part.lower() for part in _CASE_PARTS.findall(name)]
        if len(parts) < 2 or not all(self._course_word(part) for part in parts):
            return False
        read = [content_tokens([part]) for part in parts]
        return all(len(a) == 1 and len(b) == 1 and (a[0], b[0]) in self._course_pairs
                   for a, b in zip(read, read[1:], strict=False))

    def _course_word(self, word: str) -> bool:
        return self.word_frequency[word] >= KNOWN_IN_COURSE or word in self._english

    def _mentions(self, token: str) -> np.ndarray:
        """The entries whose texts use `token`, phrasings or prose."""
        found = self.postings.get(token)
        return found[0] if found is not None else np.empty(0, dtype=np.int64)

    def _spelt_right(self, word: str) -> bool:
        """Whether a word the course does not use is spelt right: a word of a topic not covered,
        or an English word of five letters or more, perhaps with an -s, -es, -ed or -ing (short
        ones, "los" for "loss", are more often typos than foreign words)."""
        if word in self._spelt_elsewhere:
            return True
        if len(word) <= 4:
            return False  # short words are corrected only to function words or a doubling
        if word in self._english:
            return True
        for ending in _INFLECTIONS:
            if word.endswith(ending):
                root = word[:-len(ending)]
                # "moves", "saved" (save + d), "cropping" (crop + ping)
                if root in self._english or root + "e" in self._english or (
                        len(root) > 3 and root[-1] == root[-2] and root[:-1] in self._english):
                    return True
        return False

    def _respell(self, raw_words: list[str]) -> list[str]:
        """The words with the knowledge base's own typos respelt (see `_respellings`)."""
        return [self._respelled.get(word, word) for word in raw_words]

    def query_tokens(self, query: Message | str) -> list[str]:
        """The content tokens of a question (the first MAX_QUERY_TOKENS distinct ones), typos
        corrected and synonyms applied."""
        return self._read_query(as_message(query))[1]

    def _read_query(self, message: Message) -> tuple[list[str], list[str]]:
        """The question's first MAX_QUESTION_WORDS words with typos corrected, and its content
        tokens (see `query_tokens`)."""
        raw = list(message.words[:MAX_QUESTION_WORDS])
        corrected = self.correct_typos(raw)
        # with nothing corrected, these are the message's own tokens, computed once per message
        tokens = message.tokens if corrected == raw else content_tokens(corrected)
        tokens = list(tokens[:MAX_QUERY_TOKENS])
        # words side by side are tokens side by side: most questions have no such pair at all,
        # and only those that do are read word by word
        if not any(pair in self._outside_pairs for pair in zip(tokens, tokens[1:], strict=False)):
            return corrected, tokens
        return corrected, tokens + [_pair_token(a, b) for a, b in _adjacent_pairs(corrected, {})
                                    if (a, b) in self._outside_pairs]

    def search(self, query: Message | str, limit: int = 5, outside: bool = False) -> list[Match]:
        """Return up to `limit` entries, best first, each with a score in 0..1; with `outside`,
        topics the course does not cover too, where they rank."""
        ranked = [c for c in self.rank(query) if outside or c.index < self.outside_from]
        return [Match(self.entries[c.index].id, self.entries[c.index].question.strip(),
                      round(float(c.confidence), 4), c.index >= self.outside_from)
                for c in ranked[:limit]]

    def rank(self, query: Message | str) -> list[Candidate]:
        """The finalists for a question, best first, with the signals behind their scores."""
        message = as_message(query)
        corrected, tokens = self._read_query(message)
        about_the_exam = _names_the_exam(message.words)
        # a word is foreign to the course unless the course uses it, or it is a misspelling of
        # one of the course's common words ("divergnce")
        content = [(raw, right) for raw, right in zip(message.words, corrected, strict=False)
                   if raw.isalpha() and raw not in STOPWORDS and raw not in SYNONYM_WORDS]
        unknown = (sum(1 for raw, right in content if raw not in self.word_frequency and
                       self.word_frequency[right] < KNOWN_IN_COURSE) / len(content)
                   if content else 0.0)
        if not self.entries or all(t.isdigit() for t in tokens):
            return []  # numbers alone ("1=1") say nothing about which entry is meant
        weights = {t: self.idf.get(t, self.unknown_idf) for t in tokens}
        total = sum(weights.values())
        coverage = np.zeros(len(self.entries))
        for token in tokens:
            if token in self.postings:
                indices, strengths = self.postings[token]
                coverage[indices] += weights[token] * strengths
        touched = np.flatnonzero(coverage)
        if touched.size == 0:
            return []
        if touched.size > CANDIDATES:
            touched = touched[np.argpartition(-coverage[touched], CANDIDATES)[:CANDIDATES]]
        query = " ".join(tokens)
        sorted_query = " ".join(sorted(tokens))
        # Cheap signals for every candidate, rapidfuzz only for the few that can still win.
        covered = coverage[touched] / total
        shared = self._shared_weights(tokens, weights)
        overlap = self._closest_overlap(shared, total, touched)
        order = np.argsort(-(COVERAGE_WEIGHT * covered + OVERLAP_WEIGHT * overlap),
                           kind="stable")[:FINALISTS]
        partial = [((float(covered[n]), float(overlap[n])), int(touched[n])) for n in order]
        known = sum(w for t, w in weights.items() if t in self._course_words) / total
        short = len(tokens) <= SHORT_QUESTION
        posterior = self._entry_posterior(tokens)
        query_vector = self._embedder.embed_one(" ".join(corrected))
        scored = []
        for (covered, overlap), index in partial:
            sorted_ratios, set_similarity = self._similarities(index, query, sorted_query, shared)
            # Phrasing similarity counts fully only once the entry covers the question's words:
            # without that gate, any short question resembles some short phrasing.
            gate = min(1.0, covered / FULL_COVERAGE) ** 0.5
            strong = self._strong[index]
            covered_strong = sum(weights[t] * strong[t] for t in tokens if t in strong) / total
            id_tokens = self._id_tokens[index]
            entry = self.entries[index]
            signals = (
                covered, covered_strong, gate * overlap, gate * float(sorted_ratios.max()) / 100,
                gate * set_similarity / 100,
                float(sorted_ratios[QUESTION_PHRASING]) / 100,
                sum(1 for t in id_tokens if t in weights) / len(id_tokens) if id_tokens else 0.0,
                1.0 if entry.choices and not about_the_exam else 0.0,
                1.0 if entry.choices and about_the_exam else 0.0,
                1.0 if short and entry.id in OVERVIEWS else 0.0,
                float(posterior[index]),
                self._embedding_similarity(index, query_vector))
            scored.append((index, signals))
        scores = (np.array([signals for _, signals in scored]) @ RANKING_WEIGHTS).tolist()
        scored = sorted(((score, index, signals) for score, (index, signals)
                         in zip(scores, scored, strict=True)),
                        key=lambda s: (-s[0], self.entries[s[1]].id))
        # Each candidate's margin is over the best other one: the runner-up for the first. Only
        # the first is credited with having the closest phrasing too (the calibration is fitted
        # on first candidates), so that confidence falls with the rank, as the margin does.
        closest = max(signals[CLOSEST_PHRASING] for _, _, signals in scored)
        nearest = max(signals[EMBEDDING] for _, _, signals in scored)
        ranked = [Candidate(index, score, signals, known, len(tokens), unknown,
                          self._confidence(score, score - (
                              scored[1][0] if number == 0 and len(scored) > 1 else
                              scored[0][0] if number else 0.0), known, len(tokens), unknown,
                              number == 0 and signals[CLOSEST_PHRASING] >= closest,
                              signals[EMBEDDING],
                              number == 0 and signals[EMBEDDING] >= nearest))
                  for number, (score, index, signals) in enumerate(scored)]
        ranked = self._most_specific_first(ranked, tokens)
        ranked = self._general_first_when_unasked(ranked, tokens)
        if not about_the_exam and message.words[:1] != ("which",):
            ranked = self._exam_item_unasked_second(ranked)
        return self._named_outside_first(ranked, tokens)

    def _exam_item_unasked_second(self, ranked: list[Candidate]) -> list[Candidate]:
        """`ranked` with an exam item (an entry with choices) first put second when the best of
        the next two entries is no exam item and scores EXAM_ITEM_SHARE of it or more, taking
        its confidence: for a question that names neither the exam nor its statements ("what
        is softplus" was answered with the remedies item, softplus being one of its options).
        The caller leaves out questions that start with "which", the exam's own way of asking
        ("which fixes help exploding gradients")."""
        if len(ranked) < 2 or ranked[0].index >= self.outside_from or \
                not self.entries[ranked[0].index].choices:
            return ranked
        for number, candidate in enumerate(ranked[1:3], start=1):
            if candidate.index >= self.outside_from or self.entries[candidate.index].choices:
                continue
            if candidate.score >= EXAM_ITEM_SHARE * ranked[0].score:
                return _put_first(ranked, number)
            break
        return ranked

    def _most_specific_first(self, ranked: list[Candidate], tokens: list[str]) -> list[Candidate]:
        """`ranked` with an entry put first whose id the question names whole and whose id
        holds the whole id of the first entry and more, scoring SPECIFIC_SHARE of the first's
        or more ("how do relative position encodings differ from absolute ones" names
        relative-positional-encoding, not only positional-encoding)."""
        if len(ranked) < 2 or ranked[0].index >= self.outside_from:
            return ranked
        named = set(tokens)
        first = set(self._id_tokens[ranked[0].index])
        if not first or not first <= named:
            return ranked
        for number, candidate in enumerate(ranked[1:], start=1):
            if candidate.index >= self.outside_from:
                continue
            own = set(self._id_tokens[candidate.index])
            if first < own <= named and candidate.score >= SPECIFIC_SHARE * ranked[0].score:
                return _put_first(ranked, number)
        return ranked

    def _general_first_when_unasked(self, ranked: list[Candidate],
                                    tokens: list[str]) -> list[Candidate]:
        """`ranked` with the runner-up put first when its id is the first's without the words
        that make the first more specific, none of which the question names, and it scores
        GENERAL_SHARE of the first's or more ("encoder decoder rnn for machine translation, how
        does it work" asks about seq2seq, not attention-in-seq2seq)."""
        if len(ranked) < 2 or ranked[0].index >= self.outside_from or \
                ranked[1].index >= self.outside_from:
            return ranked
        first = set(self._id_tokens[ranked[0].index])
        runner_up = set(self._id_tokens[ranked[1].index])
        if runner_up and runner_up < first and not (first - runner_up) & set(tokens) and \
                ranked[1].score >= GENERAL_SHARE * ranked[0].score:
            return _put_first(ranked, 1)
        return ranked

    def _named_outside_first(self, ranked: list[Candidate], tokens: list[str]) -> list[Candidate]:
        """`ranked` with the first topic not covered put first when the question names it by a
        word of its own and it scores OUTSIDE_WORD_SHARE of the best entry or more."""
        if not ranked or ranked[0].index >= self.outside_from or ranked[0].score <= 0:
            return ranked
        own = [t for t in tokens if t not in self._course_words]
        if not own:
            return ranked
        topic = next((n for n, c in enumerate(ranked) if c.index >= self.outside_from), None)
        if topic is None or ranked[topic].score < OUTSIDE_WORD_SHARE * ranked[0].score or \
                not any(t in self._strong[ranked[topic].index] for t in own):
            return ranked
        return [ranked[topic], *ranked[:topic], *ranked[topic + 1:]]

    @staticmethod
    def _confidence(score: float, margin: float, known: float, tokens: int,
                    unknown: float, closest: bool, embedding: float,
                    embedding_closest: bool) -> float:
        """The probability that a candidate is the right answer, from its score, its margin
        over the best other candidate, how much of the question the course knows, and whether
        it also has the phrasing closest to the question of all the finalists, by shared words
        and by word vectors (views agreeing)."""
        z = (CALIBRATION["bias"] + CALIBRATION["score"] * score
             + CALIBRATION["margin"] * margin + CALIBRATION["known"] * known
             + CALIBRATION["log_tokens"] * math.log1p(tokens)
             + CALIBRATION["unknown"] * unknown + CALIBRATION["closest"] * closest
             + CALIBRATION["embedding"] * embedding
             + CALIBRATION["embedding_closest"] * embedding_closest)
        return 1 / (1 + math.exp(-z))

    def entry_asked(self, query: Message | str) -> Entry | None:
        """The entry whose canonical question this text is (as a suggestion button sends it)."""
        return self._by_question.get(as_message(query).tokens)

    def _embedding_similarity(self, index: int, query_vector: np.ndarray) -> float:
        """The cosine of the question's vector with that of the entry's closest phrasing (0
        for opposite directions: only closeness counts)."""
        return max(0.0, float((self._phrasing_vectors[index] @ query_vector).max()))

    def _shared_weights(self, tokens: list[str], weights: dict[str, float]) -> np.ndarray:
        """Per phrasing of every entry, the IDF weight of the question's words it contains."""
        shared = np.zeros(len(self._phrasing_sizes))
        for token in tokens:
            positions = self._phrasings_with.get(token)
            if positions is not None:
                # a token's positions are distinct (an entry's phrasing lists each token once)
                shared[positions] += weights[token]
        return shared

    def _closest_overlap(self, shared: np.ndarray, total: float,
                         candidates: np.ndarray) -> np.ndarray:
        """Per candidate entry, the IDF-weighted Dice overlap of the question with its closest
        phrasing. In a large knowledge base only the candidates' phrasings are read (reading
        every entry's was a third of the matching time at 10,000 entries); in a small one,
        reading all of them in one pass costs less than picking the candidates' out."""
        if len(self._phrasing_sizes) <= GATHER_ABOVE:
            return np.maximum.reduceat(2 * shared / (total + self._phrasing_sizes),
                                       self._phrasing_starts)[candidates]
        counts = self._phrasing_counts[candidates]
        ends = np.cumsum(counts)
        # the positions of the candidates' phrasings, one run per candidate, in one array
        positions = np.repeat(self._phrasing_starts[candidates] - (ends - counts), counts) \
            + np.arange(ends[-1])
        dice = 2 * shared[positions] / (total + self._phrasing_sizes[positions])
        return np.maximum.reduceat(dice, ends - counts)

    def _similarities(self, index: int, query: str, sorted_query: str,
                      shared: np.ndarray) -> tuple[np.ndarray, float]:
        """The question's token-sort ratio with each of an entry's phrasings, and its best
        token-set ratio with any of them.

        Two texts with no word in common have a token-set ratio equal to the ratio of their
        sorted words (the intersection is empty, so what is compared is the two whole sorted
        texts), and the sorted ratios are needed anyway: token_set_ratio, which splits and
        sorts every phrasing it is given, runs only on the phrasings that share a word with
        the question (about a third of a finalist's).
        """
        sorted_ratios = process.cdist([sorted_query], self._sorted_phrasings[index],
                                      scorer=fuzz.ratio, dtype=np.float64)[0]
        start = self._phrasing_starts[index]
        sharing = shared[start:start + len(sorted_ratios)] > 0
        disjoint = sorted_ratios[~sharing]
        set_similarity = float(disjoint.max()) if disjoint.size else 0.0
        if sharing.any():
            phrasings = self.phrasings[index]
            best = process.extractOne(query, [phrasings[n] for n in np.flatnonzero(sharing)],
                                      scorer=fuzz.token_set_ratio)[1]
            set_similarity = max(set_similarity, best)
        return sorted_ratios, set_similarity


def _put_first(ranked: list[Candidate], number: int) -> list[Candidate]:
    """`ranked` with its candidate at `number` first and the first second. The words that made
    the first likely make the candidate put before it as likely: it takes the first's
    confidence, and the first the lower of the two."""
    first, candidate = ranked[0], ranked[number]
    return [candidate._replace(confidence=first.confidence),
            first._replace(confidence=min(first.confidence, candidate.confidence)),
            *ranked[1:number], *ranked[number + 1:]]


class _EntryWords(NamedTuple):
    """An entry's texts as words, read once when the index is built."""

    phrasings: list[list[str]]    # id's words, question (QUESTION_PHRASING), alternates, ...
    alternates: range             # which of the phrasings are the alternates
    prose: list[list[str]]        # answer, explanation, misconceptions

    @classmethod
    def read_outside(cls, topic: OutsideTopic) -> _EntryWords:
        phrasings = [topic.id.replace("-", " "), *topic.phrasings]
        return cls([words(text) for text in phrasings], range(2, len(phrasings)), [])

    @classmethod
    def read(cls, entry: Entry) -> _EntryWords:
        phrasings = [entry.id.replace("-", " "), entry.question, *entry.alternates,
                     *entry.keywords, *(entry.choices or ())]
        return cls([words(text) for text in phrasings], range(2, 2 + len(entry.alternates)),
                   [words(text) for text in (entry.answer, entry.explanation,
                                             *entry.misconceptions)])


def _pair_token(first: str, second: str) -> str:
    """The token that two course words side by side stand for in a topic not covered."""
    return f"{first}_{second}"


def _adjacent_pairs(words_: list[str], read: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The content tokens of words side by side in a text ("conditional random field": two
    pairs; "memory and attention": none, a word between), each word read on its own (and kept
    in `read`, so that the words of many texts are each read once)."""
    tokens = []
    for word in words_:
        if word not in read:
            read[word] = content_tokens([word])
        tokens.append(read[word])
    return [(a[0], b[0]) for a, b in zip(tokens, tokens[1:], strict=False)
            if len(a) == 1 and len(b) == 1]


def _stand_in(topic: OutsideTopic) -> Entry:
    """An entry-shaped stand-in for a topic not covered, so that ranking treats it as one; its
    question is the topic's name (a Match shows it)."""
    return Entry(id=topic.id, topic="outside", question=topic.name,
                 alternates=topic.phrasings, answer="", explanation="", misconceptions=(),
                 source=topic.source)


def _respellings(texts: list[_EntryWords], frequency: Counter[str],
                 english: frozenset[str]) -> dict[str, str]:
    """The typos the knowledge base's alternates make on purpose, each with its right spelling
    (`frequency`: how often the knowledge base uses each word).

    Alternates imitate students, typos included ("waht is ...", "recurent nets"), and a word
    the knowledge base uses counted as spelt right: a student's "recurent" was never corrected,
    so the synonym table did not make "recurrent neural network" an RNN, and "waht" became a
    content word. A typo here is a word that only alternates use and that is one edit from a
    curated word (a function word, a course term of the synonym table, or a word the course's
    own texts use at least COMMON_IN_COURSE times): for words of five letters or more, used at
    most RARE_IN_COURSE times, an edit to a word at least as long with the same first letter
    that the course uses at least RESPELL_RATIO times as often ("halve" is not "have"); for
    shorter words, two letters swapped into a function word, however often ("teh", "waht";
    "dim" and "bce" stay), or, for a word English does not know (`english`), a letter left out
    of a curated word used RESPELL_RATIO times as often ("trik"; "tick" stays).
    """
    prose = {w for read in texts   # the words of every text but the alternates
             for number, found in enumerate((*read.phrasings, *read.prose))
             if number not in read.alternates for w in found if w.isalpha()}
    curated = {w for w in STOPWORDS | SYNONYM_WORDS if w.isalpha()} | {
        w for w in prose if frequency[w] >= COMMON_IN_COURSE}
    near = NearWords(curated, {length: 1 for length in range(5, MAX_TYPO_LENGTH + 1)})
    respelled = {}
    for word, count in frequency.items():
        if word in prose or word in curated or len(word) < 3:
            continue
        if len(word) < 5:
            close = [c for c in _swaps(word) if c in STOPWORDS] or ([
                c for c in _insertions(word) if c in curated and
                frequency[c] >= RESPELL_RATIO * count] if word not in english else [])
            # ("trik" is "trick"; "tick", an English word, is not)
        elif count <= RARE_IN_COURSE:
            # a letter left out or two swapped, rather than one too many ("recal" is "recall",
            # not "real"; "slide" is not "side"), and not just the last letter ("stats")
            close = [c for c, _ in near.within(word) if c[0] == word[0]
                     and frequency[c] >= RESPELL_RATIO * count and len(c) >= len(word)
                     and c[:-1] != word[:-1]]
        else:
            continue
        if close:
            respelled[word] = max(close, key=lambda c: (frequency[c], c))
    return respelled


def _insertions(word: str) -> set[str]:
    """`word` with one letter added after its first ("trik": "trick", "treik", ...)."""
    return {word[:i] + letter + word[i:] for i in range(1, len(word) + 1)
            for letter in "abcdefghijklmnopqrstuvwxyz"}


def _doublings(word: str) -> list[str]:
    """The word with one of its letters doubled: a short word's commonest typo is a letter
    of a pair left out ("ful" for "full", "los" for "loss")."""
    return [word[:i + 1] + word[i:] for i in range(len(word))]


def _swaps(word: str) -> set[str]:
    """The word with two adjacent letters swapped, each way it can be."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def _heading(text: str) -> str | None:
    """The heading a question starts with ("Diverse beam search: how do ...", "Fixup init -
    how ..."): a few words before a colon or a dash near the start, with a question after."""
    head = text[:HEADING_CHARS]
    ends = [n for n in (head.find(":"), head.find(" - "), head.find(" – "), head.find(" — "))
            if n > 0]
    if not ends:
        return None
    end = min(ends)
    heading = text[:end].strip()
    rest = text[end + 1:].strip(" -–—")
    if not rest or "?" in heading or len(heading.split()) > HEADING_WORDS:
        return None
    return heading


def _is_name(word: str) -> bool:
    """Written as a name: in mixed case, a lower-case letter before a capital ("DeLong",
    "xLSTM") or two capitals before a lower-case letter ("LLaVA"), or an acronym of three
    capitals or more ("FSQ", "KLIEP"; the course's own, "GAN", are known words); not a word
    capitalised ("Adam") nor an abbreviation of chat ("WTF")."""
    if len(word) > 2 and word.isupper():
        return word.lower() not in _CHAT_ABBREVIATIONS
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)) or (
        len(word) > 2 and word[0].isupper() and word[1].isupper() and
        any(c.islower() for c in word[2:]))


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] is part of code or notation: an identifier with a
    digit, a bracket or an underscore after it or a dot before it ("nn.AdaptiveAvgPool2d((1, 1))",
    "model.fit"), or sizes in letters ("MxN", "HxWxC")."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start else ""
    word = text[start:end]
    return (after.isdigit() or after in ("(", "_", "[") or before in (".", "_") or
            (len(word) >= 3 and len(word) % 2 == 1 and
             all(letter in "xX" for letter in word[1::2])))


def _names_the_exam(raw_words: tuple[str, ...]) -> bool:
    """Whether a question is about an exam item: its statements, options, true or false, or a
    question number ("q8", "question 12")."""
    for number, word in enumerate(raw_words):
        if word in EXAM_CUES or _QUESTION_REFERENCE.match(word):
            return True
        if word == "question" and number + 1 < len(raw_words) and raw_words[number + 1].isdigit():
            return True
    return False
