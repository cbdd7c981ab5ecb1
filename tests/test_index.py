"""The ONNX embedder's precision and parallel encoding, as the index and status see them.

(The store, indexing, manifest and dense tests are in test_store.py, test_indexing.py,
test_manifest.py and test_dense.py.)
"""

from __future__ import annotations

import json
from dataclasses import replace

from click.testing import CliRunner

from notesqa import store
from notesqa.cli import main
from notesqa.manifest import Manifest


def _status(notes, index) -> dict:
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_new_index_uses_default_precision_and_an_index_keeps_its_precision(tmp_path, monkeypatch):
    """A new ONNX index is int8; an existing fp32 index stays fp32 (a build must not
    re-embed every note because a default changed); --precision or $NOTESQA_BACKEND choose."""
    from notesqa import indexing, store
    from notesqa.embedding import DEFAULT_PRECISION, load_embedder

    monkeypatch.delenv("NOTESQA_BACKEND", raising=False)
    assert DEFAULT_PRECISION == "int8"
    assert indexing.embedder_for(tmp_path / "none").precision == "int8"

    manifest = Manifest(1, model="all-MiniLM-L6-v2", fingerprint={"precision": "fp32"})
    monkeypatch.setattr(store, "read_manifest", lambda d, name=None: (tmp_path, manifest))
    assert indexing.embedder_for(tmp_path).precision == "fp32"
    assert indexing.embedder_for(tmp_path, precision="int8").precision == "int8"
    monkeypatch.setenv("NOTESQA_BACKEND", "onnx-int8")
    assert indexing.embedder_for(tmp_path).precision == "int8"
    monkeypatch.setenv("NOTESQA_BACKEND", "onnx")
    assert load_embedder().precision == "fp32"
    # a question always uses the index's own precision, whatever the backend says
    assert load_embedder(precision="int8").precision == "int8"
    monkeypatch.delenv("NOTESQA_BACKEND")
    manifest = Manifest(1, model="some-other-model", fingerprint={"precision": "fp32"})
    # building with another model: no precision to keep
    assert indexing.embedder_for(tmp_path, "all-MiniLM-L6-v2").precision == "int8"


def test_parallel_encode_reports_a_worker_error_instead_of_hanging(monkeypatch):
    import threading

    import numpy as np

    from notesqa.embedding import OnnxEmbedder

    e = OnnxEmbedder(threads=2, batch_size=4)
    monkeypatch.setattr(e, "_load_session", lambda slot=0: object())
    calls = []

    def run(sess, encs, idx):
        calls.append(len(idx))
        if len(calls) == 3:
            raise RuntimeError("onnxruntime fell over")
        return np.ones((len(idx), 8), dtype=np.float32)

    monkeypatch.setattr(e, "_run", run)
    texts = [f"note text number {i} " * (1 + i % 5) for i in range(60)]
    outcome = {}

    def go():
        try:
            e.encode(texts)
        except RuntimeError as exc:
            outcome["error"] = str(exc)

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "encode hung after a worker failed"
    assert outcome.get("error") == "onnxruntime fell over"

    # without failures every text gets its vector, in order, with progress to the end
    calls.clear()
    monkeypatch.setattr(e, "_run", lambda sess, encs, idx: np.array([[float(i)] * 8 for i in idx], dtype=np.float32))
    seen = []
    out = e.encode(texts, progress=lambda done, total: seen.append((done, total)))
    assert out[:, 0].tolist() == [float(i) for i in range(60)]
    assert seen[-1] == (60, 60)


def test_status_shows_the_index_precision(built, monkeypatch):
    notes, index, _ = built
    real = store.read_manifest

    def with_precision(d, name=None):
        gen, manifest = real(d, name)
        return gen, replace(manifest, fingerprint={**manifest.fingerprint, "precision": "int8"})

    monkeypatch.setattr(store, "read_manifest", with_precision)
    assert _status(notes, index)["precision"] == "int8"
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index)])
    assert "(int8)" in res.stdout
