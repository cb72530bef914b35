"""Static word embeddings: the tokenizer against the reference library's output, the vectors,
and the bound on the work per text."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.core import embedding
from service.core.embedding import load_embedder, read_safetensors

# Ids the `tokenizers` library (the reference implementation of this vocabulary's byte-pair
# merges) gave for these texts; see the file's "source".
REFERENCE = json.loads((Path(__file__).parent / "data" / "subword_ids.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def embedder():
    return load_embedder()


@pytest.mark.parametrize("case", REFERENCE["cases"], ids=lambda c: c["text"][:40])
def test_splits_text_into_the_pieces_the_reference_tokenizer_gives(embedder, case,
                                                                    monkeypatch):
    monkeypatch.setattr(embedding, "MAX_WORD_LENGTH", 1000)  # the whole text, as the reference
    monkeypatch.setattr(embedding, "MAX_WORDS", 1000)
    embedder.tokenizer.pieces.cache_clear()
    try:
        assert embedder.tokenizer.ids(case["text"]) == case["ids"]
    finally:
        embedder.tokenizer.pieces.cache_clear()


def test_unknown_characters_fall_back_to_their_utf8_bytes(embedder):
    vocabulary = embedder.tokenizer.vocabulary
    rare = "\U0001d54f"  # a double-struck X: not in the vocabulary
    assert rare not in vocabulary and "\u2581" + rare not in vocabulary
    ids = embedder.tokenizer.ids("x" + rare)
    byte_ids = [vocabulary[f"<0x{b:02X}>"] for b in rare.encode("utf-8")]
    assert ids[-len(byte_ids):] == byte_ids


def test_reads_one_array_of_a_safetensors_file(tmp_path):
    array = np.arange(12, dtype=np.float16).reshape(3, 4)
    other = np.ones(5, dtype=np.float32)
    header = json.dumps({
        "__metadata__": {},
        "other": {"dtype": "F32", "shape": [5], "data_offsets": [0, 20]},
        "table": {"dtype": "F16", "shape": [3, 4], "data_offsets": [20, 44]},
    }).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + other.tobytes()
                     + array.tobytes())
    assert np.array_equal(read_safetensors(path, "table"), array)
    assert np.array_equal(read_safetensors(path, "other"), other)


def test_a_text_is_the_normalised_mean_of_its_piece_vectors(embedder):
    ids = embedder.tokenizer.ids("vanishing gradients")
    expected = embedder.vectors[ids].astype(np.float64).mean(axis=0)
    expected /= np.linalg.norm(expected)
    assert np.allclose(embedder.embed(["vanishing gradients"])[0], expected, atol=1e-5)


def test_paraphrases_lie_closer_than_unrelated_texts(embedder):
    a, b, c = embedder.embed(["my validation loss keeps going up while training loss falls",
                              "the model is overfitting the training data",
                              "what is the weather like in london"])
    assert a @ b > a @ c


@given(st.text(max_size=300))
def test_any_text_gives_a_unit_vector_or_zero(text):
    vector = load_embedder().embed([text])[0]
    norm = float(np.linalg.norm(vector))
    assert np.isfinite(vector).all()
    assert norm == pytest.approx(1.0, abs=1e-4) or norm == 0.0


def test_empty_text_is_the_zero_vector(embedder):
    assert not embedder.embed(["", "   "]).any()


def test_the_work_per_text_is_bounded(embedder):
    long_word = "x" * 5000
    many_words = " ".join(f"w{n}" for n in range(5000))
    assert len(embedder.tokenizer.ids(long_word)) <= embedding.MAX_WORD_LENGTH + 1  # and "▁"
    assert embedder.tokenizer.ids(many_words) == embedder.tokenizer.ids(
        " ".join(f"w{n}" for n in range(embedding.MAX_WORDS)))
