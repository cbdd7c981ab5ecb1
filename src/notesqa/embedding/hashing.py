"""`hash-<dim>`: deterministic bag-of-words vectors, no model. For tests and dry runs;
load_embedder imports it only for a `hash` name."""

from __future__ import annotations

import hashlib
import re
from typing import Sequence

import numpy as np

from .base import Progress

_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Shared words, similar vectors."""

    # a word's vector is one hashed dimension: two words match by chance, not by meaning (vocabulary.py relates
    # no words with it)
    knows_meaning = False

    def __init__(self, dim: int = 256):
        self.name = f"hash-{dim}"
        self._dim = dim
        self.max_tokens = 256

    @property
    def dim(self) -> int:
        return self._dim

    def identity(self) -> dict:
        return {"model": self.name}

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in _WORD.findall(text.casefold()):
                hv = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                out[i, hv % self._dim] += 1.0 if (hv >> 32) & 1 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        if progress:
            progress(len(texts), len(texts))
        return out
