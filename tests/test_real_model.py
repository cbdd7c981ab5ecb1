"""A few tests with the real default model on the sample notes (a few seconds each)."""

import json
import subprocess
import sys

import pytest

from conftest import SAMPLE_NOTES, copy_sample_notes

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    from notesqa import build_index

    index = tmp_path_factory.mktemp("real") / "index"
    report = build_index(SAMPLE_NOTES, index)
    assert report.notes == len(list(SAMPLE_NOTES.rglob("*.md")))
    return index


def test_shuffle_sharding_first_with_breadcrumb(sample_index):
    from notesqa import retrieve

    hits = retrieve("what is shuffle sharding for?", k=5, index_dir=sample_index)
    top = hits[0]
    assert top.match == "Shuffle sharding to map customers to cells"
    assert "Organize into cells" in top.breadcrumb
    assert top.path == "aws-reinvent-2024.md"
    line = (SAMPLE_NOTES / top.path).read_text().splitlines()[top.line - 1]
    assert "Shuffle sharding to map customers to cells" in line


def test_context_finds_nested_bullet_by_its_parents(sample_index):
    from notesqa import retrieve

    hits = retrieve("how do cells get their customers in Werner's simplexity lessons?", k=5, index_dir=sample_index)
    # shown in one of the first three hits, as the match or under a parent that took it over
    assert any("- Shuffle sharding to map customers to cells" in h.text or h.match == "Shuffle sharding to map customers to cells"
               for h in hits[:3])


def test_other_sample_notes_answer(sample_index):
    from notesqa import retrieve

    hits = retrieve("how should I order the columns of a composite index?", k=3, index_dir=sample_index)
    assert hits[0].path == "work/postgres-performance.md"
    assert "equality columns first" in hits[0].text


def test_a_question_the_notes_cannot_answer_is_flagged(sample_index):
    from notesqa import retrieve
    from notesqa.hits import WEAK_SCORE

    for q in ("who won the 1998 world cup?", "what is the capital of France?"):
        assert retrieve(q, k=1, index_dir=sample_index)[0].score < WEAK_SCORE, q
    for q in ("what is shuffle sharding for?", "how do I make sourdough?", "how should I order index columns?"):
        assert retrieve(q, k=1, index_dir=sample_index)[0].score >= WEAK_SCORE, q
    out = subprocess.run([sys.executable, "-m", "notesqa.cli", "ask", "-k", "1", "--index", str(sample_index),
                          "who won the 1998 world cup?"], capture_output=True, text=True, timeout=300)
    assert out.stdout.startswith("Nothing in your notes matches this closely")


def test_cli_ask_json(sample_index):
    out = subprocess.run([sys.executable, "-m", "notesqa.cli", "ask", "--json", "-k", "2", "--index",
                          str(sample_index), "what is shuffle sharding for?"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["match"] == "Shuffle sharding to map customers to cells"
    assert hits[0]["source"].startswith("aws-reinvent-2024.md:")


def test_onnx_matches_sentence_transformers():
    import numpy as np

    from notesqa.embedding import OnnxEmbedder, SentenceTransformerEmbedder

    texts = ["Shuffle sharding to map customers to cells", "Bake in a preheated Dutch oven at 250°C"]
    a = OnnxEmbedder().encode(texts)
    b = SentenceTransformerEmbedder().encode(texts)
    assert np.allclose(a, b, atol=1e-4)
    # the reference pipeline's embedder (sentence-transformers as written) loads offline too
    from notesqa.evaluation import PlainSentenceTransformer

    assert np.allclose(PlainSentenceTransformer("all-MiniLM-L6-v2").encode(texts), b, atol=1e-5)


def test_onnx_build_path_matches_sentence_transformers():
    """The fused graph, run by parallel one-thread sessions over length-sorted batches, gives
    the vectors sentence-transformers gives, in input order, long texts truncated the same way."""
    import numpy as np

    from notesqa import embedding
    from notesqa.embedding import OnnxEmbedder, SentenceTransformerEmbedder

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
    assert q.identity()["onnx_export"] == embedding.ONNX_EXPORT and "onnx_export" not in onnx.identity()
    qa = q.encode(texts)
    cos = (qa * a).sum(axis=1)
    assert cos.min() > 0.95 and cos.mean() > 0.985
    # int8 activations are quantised per run, so each text runs alone: its vector is the
    # same in a full build as in a re-index of one note
    assert q.identity()["int8_batch"] == 1
    assert np.array_equal(q.encode(texts[3:5])[1], qa[4]) and np.array_equal(q.encode([texts[4]])[0], qa[4])


def test_token_budget_batches():
    from notesqa.embedding import MAX_BATCH_TOKENS, OnnxEmbedder

    e = OnnxEmbedder(batch_size=32)
    lengths = [5] * 100 + [200] * 100 + [256] * 3
    batches = e._batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 32 and len(b) * max(lengths[i] for i in b) <= MAX_BATCH_TOKENS
        assert max(lengths[i] for i in b) - min(lengths[i] for i in b) <= 195  # sorted: little padding


def test_copy_of_sample_notes_reindexes_only_changed(tmp_path):
    from notesqa import build_index

    notes = copy_sample_notes(tmp_path / "notes")
    index = tmp_path / "index"
    first = build_index(notes, index)
    with open(notes / "home/sourdough.md", "a") as f:
        f.write("* Add seeds to the crust for crunch\n")
    second = build_index(notes, index)
    assert second.updated == 1 and second.unchanged == first.notes - 1
    assert 1 <= second.embedded <= 3
