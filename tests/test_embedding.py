"""Embedders: which one a model name loads, the ONNX runtime path, and the package staying light.

The tests marked `model` run the real default model (the packaged all-MiniLM-L6-v2)."""

import subprocess
import sys
import threading

import numpy as np
import pytest

from notesqa.embedding import DEFAULT_PRECISION, load_embedder
from notesqa.embedding.hashing import HashEmbedder
from notesqa.embedding.onnx import MAX_BATCH_TOKENS, OnnxEmbedder
from notesqa.manifest import Manifest

from conftest import SAMPLE_NOTES


def test_importing_the_package_loads_no_model_library_nor_the_test_embedder():
    code = ("import sys, notesqa.embedding; "
            "print(sorted(m for m in ('torch', 'onnxruntime', 'transformers', 'sentence_transformers', "
            "'tokenizers', 'notesqa.embedding.hashing') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_hash_names_load_the_hash_embedder():
    for name, dim in (("hash", 256), ("hash-64", 64)):
        emb = load_embedder(name)
        assert isinstance(emb, HashEmbedder) and emb.name == f"hash-{dim}" and emb.dim == dim
        assert emb.identity() == {"model": emb.name}
    vecs = emb.encode(["cells and shuffle sharding", "shuffle sharding maps customers to cells", "sourdough bread"])
    assert vecs.shape == (3, 64) and np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    assert float(vecs[0] @ vecs[1]) > 0.5 > float(vecs[0] @ vecs[2])  # shared words, similar vectors
    assert np.array_equal(emb.encode(["cells and shuffle sharding"])[0], vecs[0])  # deterministic


def test_a_hash_embedder_of_no_or_a_huge_dimension_is_a_clear_error():
    from notesqa.errors import ModelLoadError

    for name in ("hash-0", "hash-99999999999"):
        with pytest.raises(ModelLoadError, match="from 1 to 4096"):
            load_embedder(name)


def test_unknown_backend_or_precision_is_a_clear_error(monkeypatch):
    from notesqa.errors import ModelLoadError

    monkeypatch.setenv("NOTESQA_BACKEND", "tpu")
    with pytest.raises(ModelLoadError, match="Unknown backend 'tpu'"):
        load_embedder()
    monkeypatch.delenv("NOTESQA_BACKEND")
    with pytest.raises(ModelLoadError, match="Unknown precision 'fp16'"):
        load_embedder(precision="fp16")


def test_new_index_uses_default_precision_and_an_index_keeps_its_precision(tmp_path, monkeypatch):
    """A new ONNX index is int8; an existing fp32 index stays fp32 (a build must not
    re-embed every note because a default changed); --precision or $NOTESQA_BACKEND choose."""
    from notesqa import indexing, store

    monkeypatch.delenv("NOTESQA_BACKEND", raising=False)
    monkeypatch.delenv("NOTESQA_MODEL", raising=False)
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


def test_an_onnx_file_that_cannot_be_made_is_a_clear_error(tmp_path, monkeypatch):
    from notesqa.embedding import onnx
    from notesqa.errors import ModelLoadError

    def denied(*args):
        raise PermissionError(13, "Permission denied", str(tmp_path / "cache"))

    e = OnnxEmbedder()
    monkeypatch.setattr(e, "_onnx_path", lambda: tmp_path / "cache" / "model.onnx")
    monkeypatch.setattr(onnx, "export", denied)
    with pytest.raises(ModelLoadError, match="NOTESQA_CACHE to a folder you can write to"):
        e._load_session()


def test_parallel_encode_reports_a_worker_error_instead_of_hanging(monkeypatch):
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


# --------------------------------------------------------------------------- the real model


@pytest.mark.model
def test_onnx_matches_sentence_transformers():
    from notesqa.embedding.torch import SentenceTransformerEmbedder

    texts = ["Shuffle sharding to map customers to cells", "Bake in a preheated Dutch oven at 250°C"]
    a = OnnxEmbedder().encode(texts)
    b = SentenceTransformerEmbedder().encode(texts)
    assert np.allclose(a, b, atol=1e-4)
    # the reference pipeline's embedder (sentence-transformers as written) loads offline too
    from notesqa.evaluation import PlainSentenceTransformer

    assert np.allclose(PlainSentenceTransformer("all-MiniLM-L6-v2").encode(texts), b, atol=1e-5)


@pytest.mark.model
def test_onnx_build_path_matches_sentence_transformers():
    """The fused graph, run by parallel one-thread sessions over length-sorted batches, gives
    the vectors sentence-transformers gives, in input order, long texts truncated the same way."""
    from notesqa.embedding.export import ONNX_EXPORT
    from notesqa.embedding.torch import SentenceTransformerEmbedder

    lines = [ln.strip("-* #") for ln in (SAMPLE_NOTES / "aws-reinvent-2024.md").read_text().splitlines()]
    texts = [ln for ln in lines if len(ln) > 3][:150] + ["word " * 400]  # the last one is over 256 tokens
    onnx = OnnxEmbedder(threads=2, batch_size=16)
    assert len(onnx._batches([len(t) for t in texts])) > 4
    a = onnx.encode(texts)
    b = SentenceTransformerEmbedder().encode(texts)
    assert np.allclose(a, b, atol=1e-4)
    assert sorted(onnx._sessions) == [0, 1]  # two workers ran
    assert np.allclose(OnnxEmbedder(threads=1).encode(texts), a, atol=1e-5)

    import onnx as onnx_lib

    graph = onnx_lib.load(str(onnx._onnx_path()), load_external_data=False).graph
    assert any(n.op_type == "Attention" for n in graph.node)  # fused for ONNX Runtime

    q = OnnxEmbedder(quantize=True)
    assert q.identity()["onnx_export"] == ONNX_EXPORT and "onnx_export" not in onnx.identity()
    qa = q.encode(texts)
    cos = (qa * a).sum(axis=1)
    assert cos.min() > 0.95 and cos.mean() > 0.985
    # int8 activations are quantised per run, so each text runs alone: its vector is the
    # same in a full build as in a re-index of one note
    assert q.identity()["int8_batch"] == 1
    assert np.array_equal(q.encode(texts[3:5])[1], qa[4]) and np.array_equal(q.encode([texts[4]])[0], qa[4])


@pytest.mark.model
def test_token_budget_batches():
    e = OnnxEmbedder(batch_size=32)
    lengths = [5] * 100 + [200] * 100 + [256] * 3
    batches = e._batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 32 and len(b) * max(lengths[i] for i in b) <= MAX_BATCH_TOKENS
        assert max(lengths[i] for i in b) - min(lengths[i] for i in b) <= 195  # sorted: little padding


def test_a_model_folder_of_either_sentence_transformers_format_runs_on_onnx(tmp_path):
    import json

    from notesqa.embedding.onnx import onnx_supported

    def folder(name, pooling, modules=("Transformer", "Pooling", "Normalize")):
        d = tmp_path / name
        (d / "1_Pooling").mkdir(parents=True)
        (d / "tokenizer.json").write_text("{}")
        (d / "modules.json").write_text(json.dumps([
            {"idx": i, "name": str(i), "path": {"Pooling": "1_Pooling"}.get(m, ""), "type": f"sentence_transformers.x.{m}"}
            for i, m in enumerate(modules)]))
        (d / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
        return d

    assert onnx_supported(folder("st5", {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}))
    assert onnx_supported(folder("st6", {"embedding_dimension": 384, "pooling_mode": "mean"}))
    assert not onnx_supported(folder("cls6", {"pooling_mode": "cls"}))
    assert not onnx_supported(folder("cls5", {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": True}))
    assert not onnx_supported(folder("dense", {"pooling_mode": "mean"}, ("Transformer", "Pooling", "Dense")))
