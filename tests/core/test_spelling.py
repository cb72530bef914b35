"""Near words by lookup: exactly the words a scan of the whole vocabulary finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from service.core.spelling import NearWords, deletions

EDITS = {length: 2 if length >= 6 else 1 for length in range(3, 13)}
letters = st.text(alphabet="abcde", min_size=1, max_size=14)


def scan(vocabulary: list[str], word: str) -> set[tuple[str, int]]:
    """The reference: the distance from the word to every known word, kept if close enough."""
    edits = EDITS.get(len(word), 0)
    if not edits:
        return set()
    return {(known, OSA.distance(word, known)) for known in vocabulary
            if OSA.distance(word, known) <= edits}


@settings(max_examples=400, deadline=None)
@given(vocabulary=st.lists(letters, max_size=40), word=letters)
def test_finds_exactly_what_a_scan_of_the_vocabulary_finds(vocabulary, word):
    # a five-letter alphabet makes near words common, swaps and repeated letters included
    assert set(NearWords(vocabulary, EDITS).within(word)) == scan(vocabulary, word)


@settings(max_examples=200, deadline=None)
@given(word=st.text(alphabet="abcdefgh", min_size=6, max_size=12), data=st.data())
def test_finds_a_word_two_edits_away_whatever_the_edits(word, data):
    # two random edits (insert, delete, substitute, swap) of a known word
    edited = word
    for _ in range(2):
        position = data.draw(st.integers(0, len(edited) - 1))
        kind = data.draw(st.sampled_from(["insert", "delete", "substitute", "swap"]))
        letter = data.draw(st.sampled_from("abcdefgh"))
        if kind == "insert":
            edited = edited[:position] + letter + edited[position:]
        elif kind == "delete" and len(edited) > 1:
            edited = edited[:position] + edited[position + 1:]
        elif kind == "substitute":
            edited = edited[:position] + letter + edited[position + 1:]
        elif position + 1 < len(edited):
            edited = (edited[:position] + edited[position + 1] + edited[position]
                      + edited[position + 2:])
    near = dict(NearWords([word, "unrelated"], EDITS).within(edited))
    if edited != word and EDITS.get(len(edited), 0) >= OSA.distance(edited, word):
        assert near.get(word) == OSA.distance(edited, word)


def test_a_length_outside_the_table_is_not_looked_up():
    assert NearWords(["cat", "cart"], EDITS).within("ca") == []
    assert NearWords(["x" * 20], EDITS).within("x" * 19) == []


def test_deletions_include_the_word_and_every_shorter_form():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletions("abc", 2) == {"abc", "bc", "ac", "ab", "a", "b", "c"}
    assert deletions("ab", 0) == {"ab"}
