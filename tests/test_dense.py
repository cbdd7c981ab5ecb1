"""The dense index: a flat and an HNSW backend behind one interface, chosen by the manifest."""

from __future__ import annotations

import numpy as np
import pytest

from notesqa import dense, store
from notesqa.embedding.hashing import HashEmbedder
from notesqa.indexing import build_index
from notesqa.search import NotesIndex


def _vectors(n: int = 200, dim: int = 16) -> np.ndarray:
    v = np.random.default_rng(0).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_the_kind_follows_the_size():
    assert dense.kind_for(0) == dense.kind_for(dense.EXACT_MAX) == dense.FLAT
    assert dense.kind_for(dense.EXACT_MAX + 1) == dense.HNSW


def test_flat_scores_every_vector_exactly():
    v = _vectors()
    flat = dense.wrap(dense.build(v, dense.FLAT), dense.FLAT)
    assert flat.exact and flat.size == len(v)
    assert np.allclose(flat.all_scores(v[3]), v @ v[3])
    ids, scores = flat.scores(v[3], 5)
    assert ids.tolist() == np.argsort(-(v @ v[3]), kind="stable")[:5].tolist() and ids[0] == 3
    assert list(scores) == sorted(scores, reverse=True)
    assert len(flat.scores(v[3], 10_000)[0]) == len(v)  # never more than it holds


def test_hnsw_finds_the_same_best_vectors_without_all_scores():
    v = _vectors()
    hnsw = dense.wrap(dense.build(v, dense.HNSW), dense.HNSW)
    assert not hnsw.exact and hnsw.size == len(v) and hnsw.all_scores(v[0]) is None
    ids, scores = hnsw.scores(v[7], 3)
    assert ids[0] == 7 and len(ids) == 3 and scores[0] == pytest.approx(1.0, abs=0.02)


def test_an_empty_index_answers_nothing():
    empty = dense.wrap(dense.build(np.zeros((0, 8), dtype=np.float32), dense.FLAT), dense.FLAT)
    ids, scores = empty.scores(np.ones(8, dtype=np.float32), 5)
    assert empty.size == 0 and len(ids) == len(scores) == 0


def test_a_file_of_another_kind_than_the_manifest_names_is_refused():
    flat = dense.build(_vectors(), dense.FLAT)
    with pytest.raises(ValueError, match="not the 'hnsw-sq8' index"):
        dense.wrap(flat, dense.HNSW)
    with pytest.raises(ValueError, match="unknown dense index kind"):
        dense.wrap(flat, "ivf")


def test_a_generation_loads_the_backend_its_manifest_names(built, monkeypatch):
    notes, index, _ = built
    assert store.read_manifest(index)[1].dense_index == dense.FLAT
    assert isinstance(store.load_generation(index).dense, dense.FlatDense)
    monkeypatch.setattr(dense, "EXACT_MAX", 0)  # as a vault of more than EXACT_MAX chunks
    build_index(notes, index, embedder=HashEmbedder(256), rebuild=True)
    assert store.read_manifest(index)[1].dense_index == dense.HNSW
    assert isinstance(store.load_generation(index).dense, dense.HnswDense)
    hit = NotesIndex.open(index, embedder=HashEmbedder(256)).search("shuffle sharding", k=1)[0]
    assert hit.path == "aws-2024.md"
