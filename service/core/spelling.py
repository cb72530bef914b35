"""Known words within one or two edits of a misspelt one, found by lookup instead of a scan.

Two words within k edits (insertions, deletions, substitutions, or swaps of adjacent letters:
the optimal-string-alignment distance) can both be cut down to one common string by deleting
at most k letters from each: a substitution is one deletion on each side, an insertion one
deletion from the longer word, a swap of two letters the same letter deleted from both. So
every known word is stored under each string its deletions make, and a misspelt word's own
deletions look up the only words that can be close; the distance is then checked exactly.
This is the symmetric-delete method of SymSpell (Garbe, 2012). It finds exactly the words a
scan of the whole vocabulary would, in a few dozen dictionary lookups instead of thousands of
distance computations (about 0.13 ms per unknown word with the scan).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz.distance import OSA


def deletions(word: str, depth: int) -> set[str]:
    """The word and every string made by deleting up to `depth` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class NearWords:
    """The known words within a few edits of a word, by lookup.

    `edits_for_length` maps each length a looked-up word may have to the edits allowed for it;
    each known word is indexed deep enough for every such length that can reach it (a word of
    length L with k edits reaches known words of length L - k to L + k), and not at all when
    none can.
    """

    def __init__(self, known: Iterable[str], edits_for_length: Mapping[int, int]):
        self.edits_for_length = dict(edits_for_length)
        reach = max(self.edits_for_length.values(), default=0)
        longest = max(self.edits_for_length, default=0) + reach
        depth_for_length = [
            max((edits for length, edits in self.edits_for_length.items()
                 if abs(length - known_length) <= edits), default=0)
            for known_length in range(longest + 1)]
        # a deletion string -> the word it comes from, or a list of them when several share it
        # (one in eight does; a string per entry keeps building the index quick)
        self._by_deletion: dict[str, str | list[str]] = {}
        for word in dict.fromkeys(known):
            depth = depth_for_length[len(word)] if len(word) <= longest else 0
            for variant in deletions(word, depth) if depth else ():
                words = self._by_deletion.get(variant)
                if words is None:
                    self._by_deletion[variant] = word
                elif isinstance(words, str):
                    self._by_deletion[variant] = [words, word]
                else:
                    words.append(word)

    def within(self, word: str) -> list[tuple[str, int]]:
        """The known words at most `edits_for_length[len(word)]` edits away from `word` (none
        for a length not in the table), each with its distance."""
        edits = self.edits_for_length.get(len(word), 0)
        if not edits:
            return []
        candidates = set()
        for variant in deletions(word, edits):
            words = self._by_deletion.get(variant)
            if isinstance(words, str):
                candidates.add(words)
            elif words:
                candidates.update(words)
        close = []
        for known in candidates:
            distance = OSA.distance(word, known, score_cutoff=edits)
            if distance <= edits:
                close.append((known, distance))
        return close
