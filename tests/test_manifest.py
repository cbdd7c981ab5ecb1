"""manifest.json read and written through typed values, byte for byte as the format has it."""

from __future__ import annotations

import json

import pytest

from notesqa import store
from notesqa.embedding.hashing import HashEmbedder
from notesqa.indexing import build_index
from notesqa.manifest import Counts, Manifest, NoteEntry, SkippedEntry
from notesqa.notefiles import Problem
from notesqa.search import NotesIndex

from conftest import write


def _text(index) -> str:
    return (index / store.read_current(index) / store.MANIFEST).read_text(encoding="utf-8")


def test_a_built_manifest_reads_and_writes_back_byte_for_byte(built):
    notes, index, _ = built
    (notes / "empty.md").write_bytes(b"")  # a skipped file, with its file state
    write(notes / "fm.md", "---\ntitle: [unclosed\n---\n\n* body\n")  # a repaired note
    build_index(notes, index, embedder=HashEmbedder(256))
    text = _text(index)
    manifest = Manifest.from_json(json.loads(text))
    assert manifest.dumps() == text
    assert list(json.loads(text)) == ["format_version", "notesqa_version", "built_at", "scanned_at_ns", "notes_dir",
                                      "model", "fingerprint", "dim", "keyword_tokenizer", "dense_index", "counts",
                                      "problems", "notes", "skipped", "files", "read_as"]
    assert manifest.skipped["empty.md"].reason == "empty file" and manifest.skipped["empty.md"].size == 0
    assert manifest.notes["fm.md"].repaired and manifest.notes["fm.md"].repaired[0].startswith("broken YAML")
    assert manifest.counts == Counts(notes=4, chunks=manifest.counts.chunks, skipped=1, repaired=1)
    assert manifest.dense_index == "flat" and manifest.dim == manifest.fingerprint["dim"] == 256


def test_note_entry_writes_only_what_it_has_in_the_format_order():
    entry = NoteEntry(5, 10, "ab", None, 0)
    assert entry.to_json() == {"mtime_ns": 5, "size": 10, "sha256": "ab", "title": None, "chunks": 0}
    full = NoteEntry(5, 10, "ab", "T", 2, chars=9, indexed=8, lost=("x",), cut=("y",), deps=("d.md",),
                     aliases=("A",), repaired=("r",), credits=("Ann Lee",), properties=("status: Done",))
    assert list(full.to_json()) == ["mtime_ns", "size", "sha256", "title", "chunks", "chars", "indexed", "lost", "cut",
                                    "deps", "aliases", "repaired", "credits", "properties"]
    assert NoteEntry.from_json(full.to_json()) == full
    assert SkippedEntry(None, None, "broken symlink").to_json() == {"reason": "broken symlink"}


def test_an_older_manifest_without_the_later_keys_still_loads(built):
    """Format 1 manifests written before scanned_at_ns, skipped, coverage and deps were kept."""
    notes, index, _ = built
    path = index / store.read_current(index) / store.MANIFEST
    data = json.loads(path.read_text())
    for key in ("scanned_at_ns", "skipped"):
        del data[key]
    for entry in data["notes"].values():
        for key in ("chars", "indexed", "lost", "cut", "deps", "aliases"):
            entry.pop(key, None)
    path.write_text(json.dumps(data, indent=1))
    _, manifest = store.read_manifest(index)
    assert manifest.scanned_at_ns == 0 and manifest.skipped == {}
    assert manifest.notes["aws-2024.md"].chars is None
    hit = NotesIndex.open(index, embedder=HashEmbedder(256)).search("shuffle sharding", k=1)[0]
    assert hit.path == "aws-2024.md"


def test_precision_and_problems_are_typed():
    m = Manifest.from_json({"format_version": 1, "model": "m", "fingerprint": {"precision": "int8"}, "counts": {},
                            "notes": {}, "problems": [{"path": "a.md", "action": "skipped", "reason": "empty file"}]})
    assert m.precision == "int8" and m.problems == (Problem("a.md", "skipped", "empty file"),)
    assert Manifest(1).precision is None and Manifest(1).counts == Counts()


@pytest.mark.parametrize("missing", ["model", "fingerprint", "counts", "notes"])
def test_a_manifest_without_what_every_build_writes_is_malformed(missing):
    d = {"format_version": 1, "model": "m", "fingerprint": {}, "counts": {}, "notes": {}}
    del d[missing]
    with pytest.raises(ValueError, match=missing):
        Manifest.from_json(d)
