"""Static word embeddings: a text as the normalised mean of its subword vectors.

A second view of closeness beside the words the course uses: "why is my val loss climbing"
and "overfitting" share few words but lie near each other. The vectors are WordLlama's (a
Llama-2 token-embedding table distilled for sentence similarity, 256 dimensions of which the
first 128 are used), whose weights and tokenizer ship inside the `wordllama` wheel from PyPI,
so nothing is downloaded. Only those two files are read: the table with numpy (the safetensors
layout is a length, a JSON header and the raw array) and the tokenizer by the byte-pair merges
below, so neither the package's code nor its dependencies (tokenizers, huggingface-hub,
pydantic: about 45 MB more) are needed; the package is installed without them.
"""

from __future__ import annotations

import importlib.util
import json
import math
import struct
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
# WordLlama is trained so that any leading slice of a vector is itself an embedding (Matryoshka
# learning); on the tuning sets 128 of the 256 dimensions did as well as all of them, in half
# the memory and time.
DIMENSIONS = 128
WORD_START = "\u2581"      # SentencePiece's mark of a word's first piece
# The work per text is bounded (a hostile message of long random words costs a few ms):
MAX_WORD_LENGTH = 20       # characters of a word that are split into pieces
MAX_WORDS = 32             # words of a text that are embedded (a question has a dozen)
CACHED_WORDS = 16384       # words whose pieces are remembered
_DTYPES = {"F16": np.float16, "F32": np.float32}


class SubwordTokenizer:
    """Llama-2's byte-pair tokenizer as the `tokenizers` library runs it on this vocabulary
    (a word-start mark before every word, merges lowest rank first, bytes for unknown
    characters). No piece of this vocabulary spans two words, so each word is split on its own
    and remembered."""

    def __init__(self, config: dict):
        model = config["model"]
        self.vocabulary: dict[str, int] = model["vocab"]
        self.ranks = {tuple(merge.split(" ") if isinstance(merge, str) else merge): rank
                      for rank, merge in enumerate(model["merges"])}
        self.pieces = lru_cache(maxsize=CACHED_WORDS)(self._pieces)

    @cached_property
    def whole_words(self) -> frozenset[str]:
        """The vocabulary's pieces that are whole lowercase words ("weather", "london"): about
        10,800 of the commonest English words (and some of other languages). Built once: the
        tokenizer is one per process, a matcher one per reload."""
        return frozenset(piece[1:].lower() for piece in self.vocabulary
                         if piece.startswith(WORD_START) and piece[1:].isascii()
                         and piece[1:].isalpha())

    def ids(self, text: str) -> list[int]:
        """The ids of a text's pieces, word by word (words are split on whitespace)."""
        found: list[int] = []
        for word in text.split()[:MAX_WORDS]:
            found.extend(self.pieces(word[:MAX_WORD_LENGTH]))
        return found

    def _pieces(self, word: str) -> tuple[int, ...]:
        symbols = [WORD_START, *word]
        while True:  # merge the adjacent pair of lowest rank (the leftmost of equals)
            ranked = [(rank, number) for number in range(len(symbols) - 1)
                      if (rank := self.ranks.get((symbols[number], symbols[number + 1])))
                      is not None]
            if not ranked:
                break
            _, number = min(ranked)
            symbols[number:number + 2] = [symbols[number] + symbols[number + 1]]
        ids: list[int] = []
        for symbol in symbols:
            if symbol in self.vocabulary:
                ids.append(self.vocabulary[symbol])
            else:  # byte fallback: a character the vocabulary lacks, as its UTF-8 bytes
                ids.extend(self.vocabulary.get(f"<0x{byte:02X}>", 0)
                           for byte in symbol.encode("utf-8"))
        return tuple(ids)


def read_safetensors(path: Path, name: str) -> np.ndarray:
    """One array of a .safetensors file: an 8-byte little-endian header length, a JSON header
    giving each array's dtype, shape and byte range, then the data."""
    with path.open("rb") as file:
        (length,) = struct.unpack("<Q", file.read(8))
        header = json.loads(file.read(length))
        info = header[name]
        begin, end = info["data_offsets"]
        file.seek(8 + length + begin)
        data = file.read(end - begin)
    return np.frombuffer(data, dtype=_DTYPES[info["dtype"]]).reshape(info["shape"])


class Embedder:
    """Unit vectors for texts: the normalised mean of their subword vectors."""

    def __init__(self, folder: Path):
        # the leading DIMENSIONS only, in single precision (16 MB)
        self.vectors = np.ascontiguousarray(read_safetensors(
            folder / WEIGHTS, "embedding.weight")[:, :DIMENSIONS], dtype=np.float32)
        self.tokenizer = SubwordTokenizer(
            json.loads((folder / TOKENIZER).read_text(encoding="utf-8")))

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text (a row of zeros for a text with no piece)."""
        rows = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for number, text in enumerate(texts):
            rows[number] = self.embed_one(text)
        return rows

    def embed_one(self, text: str) -> np.ndarray:
        """A text's unit vector (the mean's direction: the mean itself need not be taken)."""
        ids = self.tokenizer.ids(text)
        if not ids:
            return np.zeros(self.vectors.shape[1], dtype=np.float32)
        total = self.vectors[ids].sum(axis=0)
        norm = math.sqrt(float(total @ total))
        return total / norm if norm > 0 else total


@lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The embedder, read once per process from the installed `wordllama` package (found
    without importing it)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {PACKAGE} package, which holds the word vectors, is not "
                           "installed: run `python3 dev.py test` or pip install it (--no-deps)")
    return Embedder(Path(next(iter(spec.submodule_search_locations))))
