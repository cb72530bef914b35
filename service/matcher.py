"""Rank knowledge-base entries for a free-text question, with a confidence that means something.

Two signals, both in 0..1: *coverage*, the IDF-weighted share of the question's content words
that the entry knows (so "pool table dimensions" scores low on pooling: two of its three words
are foreign to the course), and *similarity*, rapidfuzz's best token-sort ratio between the
question and one of the entry's phrasings. An inverted index picks candidates, so the cost grows
with the postings of the question's words rather than with the size of the knowledge base.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from service.knowledge import Entry
from service.textnorm import Message, as_message, content_tokens, words

STRONG, WEAK = 1.0, 0.35   # weight of a word in an entry's phrasings vs in its answer text
CANDIDATES = 25            # entries, by coverage, whose phrasings are compared with the question
FINALISTS = 8              # of those, by coverage and overlap, the ones rapidfuzz re-scores
# The score mixes three signals in 0..1: coverage, the IDF-weighted Dice overlap with the
# closest phrasing, and rapidfuzz's token-sort ratio with it. Weights chosen on the dev set.
COVERAGE_WEIGHT, OVERLAP_WEIGHT, SIMILARITY_WEIGHT = 0.5, 0.2, 0.3
FULL_COVERAGE = 0.6
TYPO_CUTOFF = 80           # rapidfuzz ratio for a word to count as a misspelling of a known one
MIN_TYPO_LENGTH = 5
MAX_TYPO_LENGTH = 24       # longer "words" are not misspellings of a course term
# The work per question is bounded: the first distinct content words are read (a question has
# a dozen; a pasted page is not a question), and only so many unknown ones are spell-checked.
MAX_QUERY_TOKENS = 48
MAX_TYPO_LOOKUPS = 12


@dataclass(frozen=True)
class Match:
    """One ranked entry: its id, canonical question and score in 0..1."""

    entry_id: str
    question: str
    score: float

    def to_dict(self) -> dict:
        return {"entry_id": self.entry_id, "question": self.question, "score": self.score}




class Matcher:
    """An index over entries' questions, alternates, keywords and answers."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: list[Entry] = list(entries)
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.phrasings: list[list[str]] = []
        # per entry: token -> indices of the entry's phrasings that contain it
        self._token_phrasings: list[dict[str, tuple[int, ...]]] = []
        phrasing_tokens: list[list[list[str]]] = []
        for index, entry in enumerate(self.entries):
            strong_texts = [entry.id.replace("-", " "), entry.question, *entry.alternates,
                            *entry.keywords, *(entry.choices or ())]
            token_lists = [content_tokens(words(text)) for text in strong_texts]
            where: dict[str, list[int]] = defaultdict(list)
            for number, tokens in enumerate(token_lists):
                for token in tokens:
                    where[token].append(number)
            # A word in most of an entry's phrasings says more about it than one said in passing.
            for token, numbers in where.items():
                postings[token][index] = STRONG * min(1.0, 0.5 + len(numbers) / len(token_lists))
            for text in (entry.answer, entry.explanation, *entry.misconceptions):
                for token in content_tokens(words(text)):
                    postings[token].setdefault(index, WEAK)
            self.phrasings.append([" ".join(tokens) for tokens in token_lists])
            self._token_phrasings.append({t: tuple(n) for t, n in where.items()})
            phrasing_tokens.append(token_lists)
        count = max(len(self.entries), 1)
        self.idf = {t: math.log(1 + count / len(p)) for t, p in postings.items()}
        # A word the knowledge base never uses is as telling as its rarest word.
        self.unknown_idf = math.log(1 + count)
        self._by_question = {tuple(content_tokens(words(e.question))): e for e in self.entries}
        self._phrasing_weights = [[sum(self.idf[t] for t in tokens) for tokens in lists]
                                  for lists in phrasing_tokens]
        # Postings as arrays, so that scoring a common word is one vectorised addition.
        self.postings = {t: (np.fromiter(p.keys(), np.int64, len(p)),
                             np.fromiter(p.values(), np.float64, len(p)))
                         for t, p in postings.items()}
        self._vocabulary_by_length: dict[int, list[str]] = defaultdict(list)
        for token in self.postings:
            if token.isalpha():
                self._vocabulary_by_length[len(token)].append(token)

    def correct_typos(self, tokens: list[str]) -> list[str]:
        """Replace tokens the knowledge base does not know by a close known one, if one exists.

        At most MAX_TYPO_LOOKUPS words are looked up; the rest are kept as written.
        """
        corrected = []
        lookups = 0
        for word in tokens:
            if word in self.postings or not MIN_TYPO_LENGTH <= len(word) <= MAX_TYPO_LENGTH \
                    or not word.isalpha() or lookups >= MAX_TYPO_LOOKUPS:
                corrected.append(word)
                continue
            lookups += 1
            pool = [w for n in range(len(word) - 2, len(word) + 3)
                    for w in self._vocabulary_by_length.get(n, ())]
            best = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
            corrected.append(best[0] if best else word)
        return corrected

    def query_tokens(self, query: Message | str) -> list[str]:
        """The content tokens of a question (the first MAX_QUERY_TOKENS distinct ones), typos
        corrected and synonyms applied."""
        tokens = list(as_message(query).tokens)[:MAX_QUERY_TOKENS]
        return list(dict.fromkeys(self.correct_typos(tokens)))

    def search(self, query: Message | str, limit: int = 5) -> list[Match]:
        """Return up to `limit` entries, best first, each with a score in 0..1."""
        tokens = self.query_tokens(query)
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
        # Cheap signals for every candidate, rapidfuzz only for the few that can still win.
        partial = sorted(((self._lexical(i, coverage[i] / total, tokens, weights, total), i)
                          for i in touched.tolist()),
                         key=lambda pair: -(COVERAGE_WEIGHT * pair[0][0]
                                            + OVERLAP_WEIGHT * pair[0][1]))[:FINALISTS]
        scored = []
        for (covered, overlap), index in partial:
            similarity = process.extractOne(query, self.phrasings[index],
                                            scorer=fuzz.token_sort_ratio)[1] / 100
            # Phrasing similarity counts fully only once the entry covers the question's words:
            # without that gate, any short question resembles some short phrasing.
            gate = min(1.0, covered / FULL_COVERAGE) ** 0.5
            score = COVERAGE_WEIGHT * covered + gate * (OVERLAP_WEIGHT * overlap
                                                        + SIMILARITY_WEIGHT * similarity)
            scored.append((score, index))
        scored.sort(key=lambda pair: (-pair[0], self.entries[pair[1]].id))
        return [Match(self.entries[i].id, self.entries[i].question.strip(), round(float(s), 4))
                for s, i in scored[:limit]]

    def entry_asked(self, query: Message | str) -> Entry | None:
        """The entry whose canonical question this text is (as a suggestion button sends it)."""
        return self._by_question.get(as_message(query).tokens)

    def _lexical(self, index: int, covered: float, tokens: list[str],
                 weights: dict[str, float], total: float) -> tuple[float, float]:
        """Coverage, and the IDF-weighted Dice overlap with the entry's closest phrasing."""
        shared: dict[int, float] = defaultdict(float)
        token_phrasings = self._token_phrasings[index]
        for token in tokens:
            for number in token_phrasings.get(token, ()):
                shared[number] += weights[token]
        sizes = self._phrasing_weights[index]
        overlap = max((2 * w / (total + sizes[n]) for n, w in shared.items()), default=0.0)
        return covered, overlap
