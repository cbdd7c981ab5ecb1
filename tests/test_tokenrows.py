"""Keyword rows' tokens kept by text key, so a refresh tokenizes only texts it has not seen."""

from __future__ import annotations

import json

import numpy as np

from notesqa.tokenrows import TokenRows, text_key


def saved(tmp_path, rows=(["shuffl", "shard"], ["cell", "shard"], ["\u2205"]), texts=("a", "b", "c"), version="7"):
    TokenRows.save(tmp_path, [text_key(t) for t in texts], [list(r) for r in rows], version)
    return tmp_path


def test_the_tokens_of_a_saved_text_come_back_by_its_key(tmp_path):
    rows = TokenRows.load(saved(tmp_path), "7")
    assert len(rows) == 3
    assert rows.tokens(text_key("b")) == ["cell", "shard"]
    assert rows.tokens(text_key("c")) == ["\u2205"]
    assert rows.tokens(text_key("not saved")) is None


def test_a_text_key_is_the_same_in_every_process_and_differs_by_text():
    assert text_key("café") == text_key("café")
    assert text_key("café") != text_key("cafe")
    assert text_key("cafe") == int.from_bytes(__import__("hashlib").blake2b(b"cafe", digest_size=8).digest(), "little")
    assert 0 <= text_key("x") < 2 ** 64


def test_rows_of_another_tokenizer_version_are_not_used(tmp_path):
    assert TokenRows.load(saved(tmp_path), "8") is None


def test_missing_or_damaged_rows_are_not_used(tmp_path):
    assert TokenRows.load(tmp_path / "none", "7") is None
    folder = saved(tmp_path)
    np.save(folder / "ids.npy", np.asarray([0, 1, 7], dtype=np.int32))  # a position past the words
    assert TokenRows.load(folder, "7") is None
    folder = saved(tmp_path / "cut")
    (folder / "starts.npy").write_bytes((folder / "starts.npy").read_bytes()[:-8])  # cut short
    assert TokenRows.load(folder, "7") is None
    folder = saved(tmp_path / "count")
    (folder / "notesqa.json").write_text(json.dumps({"tokenizer": "7", "rows": 4}))
    assert TokenRows.load(folder, "7") is None
    folder = saved(tmp_path / "words")
    (folder / "words.json").write_text("{not json")
    assert TokenRows.load(folder, "7") is None
