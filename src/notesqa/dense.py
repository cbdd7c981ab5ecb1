"""Inner-product search over the chunks' normalised vectors: exact or approximate by size.

Two backends behind one interface (size, scores, all_scores): FLAT scores every chunk
in one matrix product; HNSW, above EXACT_MAX vectors, is a graph over 8-bit scalar-
quantised vectors that keeps a million chunks under 1 GB and answers in milliseconds.
The build picks the kind (kind_for) and records it in the manifest's `dense_index`;
loading takes the backend from that record. FAISS is imported only when one is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

FLAT = "flat"
HNSW = "hnsw-sq8"
EXACT_MAX = 100_000  # exact search up to this many vectors


class DenseIndex(Protocol):
    exact: bool  # all_scores gives every chunk's score

    @property
    def size(self) -> int: ...

    def scores(self, query: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores) of the best n chunks, best first."""

    def all_scores(self, query: np.ndarray) -> np.ndarray | None:
        """Every chunk's score, or None if the backend cannot give them cheaply."""


def kind_for(n: int) -> str:
    """The backend for an index of n vectors."""
    return FLAT if n <= EXACT_MAX else HNSW


def _expect(index, faiss_type, kind: str) -> None:
    if not isinstance(index, faiss_type):
        raise ValueError(f"the dense index is a {type(index).__name__}, not the {kind!r} index the manifest names")


def _empty() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)


class _Faiss:
    """What both backends share: the FAISS index and its size."""

    index: object

    @property
    def size(self) -> int:
        return int(self.index.ntotal)


class FlatDense(_Faiss):
    """Exact: a flat FAISS index is just the matrix, so every chunk is scored in one product."""

    exact = True

    def __init__(self, index):
        import faiss

        _expect(index, faiss.IndexFlatIP, FLAT)
        self.index = index
        self._matrix = faiss.vector_to_array(index.codes).view(np.float32).reshape(index.ntotal, index.d)

    @staticmethod
    def build(vectors: np.ndarray):
        import faiss

        n, dim = vectors.shape if vectors.ndim == 2 else (0, 0)
        index = faiss.IndexFlatIP(dim)
        if n:
            index.add(vectors)
        return index

    @property
    def matrix(self) -> np.ndarray:
        """Every chunk's vector, row by row (the index holds them as they are)."""
        return self._matrix

    def scores(self, query: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        if self.size == 0:
            return _empty()
        n = min(n, self.size)
        sims = self.all_scores(query)
        top = np.argpartition(-sims, n - 1)[:n] if n < self.size else np.arange(self.size)
        top = top[np.argsort(-sims[top], kind="stable")]
        return top.astype(np.int64), sims[top]

    def all_scores(self, query: np.ndarray) -> np.ndarray:
        return self._matrix @ query.astype(np.float32)


class HnswDense(_Faiss):
    """Approximate: FAISS HNSW over 8-bit scalar-quantised vectors."""

    exact = False

    def __init__(self, index):
        import faiss

        _expect(index, faiss.IndexHNSW, HNSW)
        self.index = index

    @staticmethod
    def build(vectors: np.ndarray):
        import faiss

        index = faiss.IndexHNSWSQ(vectors.shape[1], faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.train(vectors)
        index.add(vectors)
        return index

    def scores(self, query: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, self.size)
        if n == 0:
            return _empty()
        self.index.hnsw.efSearch = max(64, n)
        scores, ids = self.index.search(query.reshape(1, -1).astype(np.float32), n)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def all_scores(self, query: np.ndarray) -> None:
        return None


_BACKENDS = {FLAT: FlatDense, HNSW: HnswDense}


def _backend(kind: str | None):
    try:
        return _BACKENDS[kind]
    except KeyError:
        raise ValueError(f"unknown dense index kind {kind!r}") from None


def build(vectors: np.ndarray, kind: str):
    """The FAISS index of that kind over vectors (normalised, float), ready to write."""
    return _backend(kind).build(np.ascontiguousarray(vectors, dtype=np.float32))


def wrap(index, kind: str) -> DenseIndex:
    """A FAISS index of that kind, as a DenseIndex."""
    return _backend(kind)(index)


def write(path: Path, vectors: np.ndarray, kind: str) -> None:
    import faiss

    faiss.write_index(build(vectors, kind), str(path))


def exact_vectors(path: Path) -> np.ndarray:
    """The vectors an exact (flat) index file holds, row by row; a ValueError for any other index."""
    import faiss

    try:
        index = faiss.read_index(str(path))
    except RuntimeError as exc:  # FAISS reports a damaged file so
        raise ValueError(f"{path.name} could not be read: damaged") from exc
    if not isinstance(index, faiss.IndexFlatIP):
        raise ValueError(f"{path.name} is an approximate index: it keeps no exact vectors")
    return FlatDense(index).matrix


def load(path: Path, kind: str) -> DenseIndex:
    import faiss

    return wrap(faiss.read_index(str(path)), kind)
