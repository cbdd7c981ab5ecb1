"""Scoring by the shared rules, and the note-level figures (evaluation.py)."""

import pytest

from notesqa.evaluation import format_row, note_rank, score

QUESTIONS = [
    {"id": "a", "question": "?", "file": "n/A.md", "answer": ["the [answer](x) *here*"], "kind": "k"},
    {"id": "b", "question": "?", "file": "B.md", "answer": ["b text"], "kind": "k", "note_level": True},
    {"id": "c", "question": "?", "file": "C.md", "answer": ["never shown"], "kind": "j", "note_level": True},
]
RESULTS = {
    "a": [{"path": "other.md", "text": "x"}, {"path": "n/A.md", "text": "so the answer here, it is"}],
    "b": [{"path": "B.md", "text": "b text"}],
    "c": [{"path": "X.md", "text": "1"}, {"path": "X.md", "text": "2"}, {"path": "C.md", "text": "3"}],
}


def test_passage_figures_follow_the_shared_rules():
    s = score(QUESTIONS, RESULTS)
    assert s["hit@1"] == pytest.approx(1 / 3) and s["recall@5"] == pytest.approx(2 / 3)
    assert s["mrr@10"] == pytest.approx((1 / 2 + 1) / 3)
    assert s["misses"] == ["c"]


def test_note_level_figures_rank_notes_by_their_first_hit():
    assert note_rank(QUESTIONS[2], RESULTS["c"]) == 2  # X.md twice is one note
    notes = score(QUESTIONS, RESULTS)["note-level"]
    assert notes["n"] == 2 and notes["hit@1"] == 0.5
    assert notes["mrr@10"] == pytest.approx((1 + 1 / 2) / 2)
    assert notes["ndcg@5"] == pytest.approx((1 + 1 / 1.5849625) / 2, rel=1e-6)
    assert "note-level (n=2)" in format_row("notesqa", score(QUESTIONS, RESULTS))
    assert "note-level" not in score(QUESTIONS[:1], RESULTS)  # only questions marked note_level
