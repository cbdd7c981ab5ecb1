"""A build embeds only new text, reuses what the fingerprint allows, and says why it rebuilds.

Every test uses the fake HashEmbedder (or model "hash-256" through the CLI), so embedded
chunks are counted exactly: report.embedded and CountingEmbedder.encoded.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from notesqa import chunking, store
from notesqa.cli import main
from notesqa.embedding.hashing import HashEmbedder
from notesqa.errors import ModelMismatchError
from notesqa.indexing import _reuse_policy, build_index, fingerprint
from notesqa.search import NotesIndex

from conftest import CountingEmbedder, write


def fresh():
    return CountingEmbedder(256)


def age(folder: Path, seconds: float = 100) -> None:
    """Set every note's mtime into the past, as for notes not edited just now."""
    t = time.time() - seconds
    for p in folder.rglob("*.md"):
        os.utime(p, (t, t))


def append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


# --------------------------------------------------------------------------- incremental by content


def test_edit_embeds_only_the_changed_chunk(built):
    notes, index, first = built
    assert first.new == 3 and first.embedded == first.chunks
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")
    emb = fresh()
    r = build_index(notes, index, embedder=emb)
    assert (r.new, r.updated, r.unchanged, r.removed, r.skipped) == (0, 1, 2, 0, 0)
    assert r.embedded == 1 and emb.encoded == 1
    assert r.reused == r.chunks - 1 == first.chunks
    assert r.full_rebuild_reason is None
    hit = NotesIndex.open(index, embedder=emb).search("kombucha scoby", k=1)[0]
    assert hit.path == "aws-2024.md" and hit.match.startswith("Kombucha")


def test_a_refresh_writes_the_same_files_as_a_build_from_nothing(built, tmp_path):
    """A refresh writes the chunks it keeps as they were read and takes the keyword tokens of texts it has seen
    (a big vault's edit had spent most of its time on both): the files a build from nothing writes, in the same process
    (bm25s orders its words by their hash), byte for byte."""
    notes, index, _ = built
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")
    (notes / "new-note.md").write_text("# Sourdough\n\n- feed the starter twice a day\n", encoding="utf-8")
    build_index(notes, index, embedder=fresh())
    fresh_index = tmp_path / "from-nothing"
    build_index(notes, fresh_index, embedder=fresh())

    def files(index_dir):
        gen = store.load_generation(index_dir).path
        return {p.relative_to(gen).as_posix(): p.read_bytes() for p in sorted(gen.rglob("*"))
                if p.is_file() and p.name not in (store.MANIFEST, store.DENSE)}  # (vectors: reused as stored)

    refreshed, from_nothing = files(index), files(fresh_index)
    counts = "vocabulary/counts.json"  # the same counts; a refresh's new words come after the others
    assert json.loads(refreshed.pop(counts)) == json.loads(from_nothing.pop(counts))
    assert refreshed == from_nothing
    assert "keywords/tokens/ids.npy" in refreshed


def test_second_build_without_changes_embeds_nothing(built):
    notes, index, first = built
    emb = fresh()
    r = build_index(notes, index, embedder=emb)
    assert (r.new, r.updated, r.unchanged, r.removed) == (0, 0, 3, 0)
    assert r.embedded == 0 and emb.calls == 0 and r.reused == r.chunks == first.chunks


def test_unchanged_notes_are_not_even_read(notes, tmp_path, monkeypatch):
    import notesqa.indexing as indexing

    age(notes)
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    reads = []
    real = indexing.read_note
    monkeypatch.setattr(indexing, "read_note", lambda path, rel: reads.append(rel) or real(path, rel))
    r = build_index(notes, index, embedder=fresh())
    assert reads == [] and r.unchanged == 3
    append(notes / "aws-2024.md", "* one more\n")
    r = build_index(notes, index, embedder=fresh())
    assert reads == ["aws-2024.md"] and r.updated == 1 and r.embedded == 1


def test_racy_edit_with_same_size_and_mtime_is_still_seen(notes, tmp_path):
    """An edit in the same timestamp tick as the build, same size: size/mtime alone would miss it."""
    index = tmp_path / "index"
    path = notes / "aws-2024.md"
    build_index(notes, index, embedder=fresh())  # the notes were written just now: racily clean
    st = path.stat()
    text = path.read_text()
    path.write_text(text.replace("Cell based architecture", "Cell based architectur!"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    r = build_index(notes, index, embedder=fresh())
    assert r.updated == 1 and r.embedded == 1


def test_an_edit_whose_mtime_was_put_back_is_seen_by_its_ctime(notes, tmp_path):
    """trial s39: a same-size edit with its mtime restored (cp -p, rsync -t, a backup) had been missed for good."""
    from notesqa.status import changes_since_build

    index = tmp_path / "index"
    path = notes / "aws-2024.md"
    old = time.time_ns() - 3_600 * 10**9  # an hour ago: not racily clean
    os.utime(path, ns=(old, old))
    build_index(notes, index, embedder=fresh())
    assert build_index(notes, index, embedder=fresh()).unchanged == 3  # (its ctime now kept)
    time.sleep(0.01)
    path.write_text(path.read_text().replace("Cell based architecture", "Cell based architectur!"))
    os.utime(path, ns=(old, old))
    manifest = store.read_manifest(index)[1]
    assert changes_since_build(notes, manifest).changed == ("aws-2024.md",)
    r = build_index(notes, index, embedder=fresh())
    assert r.updated == 1 and r.embedded == 1
    # ... while a note touched, its text the same, is read again and unchanged
    os.utime(notes / "2023-12-11-aws-2023.md")
    assert build_index(notes, index, embedder=fresh()).updated == 0
    # ... and a note that embeds one so edited shows its new text (the review)
    write(notes / "embeds.md", "# Embeds\n\n![[aws-2024]]\n")
    build_index(notes, index, embedder=fresh())
    time.sleep(0.01)
    path.write_text(path.read_text().replace("architectur!", "architectu?!"))
    os.utime(path, ns=(old, old))
    build_index(notes, index, embedder=fresh())
    chunks = store.load_chunks(store.read_manifest(index)[0])
    assert any("architectu?!" in c.text for c in chunks if c.path == "embeds.md")


def test_notes_touched_not_edited_get_a_new_manifest_over_the_same_files(built):
    # trial s39: a touch (a sync, a checkout) had cost a refresh as long as an edit's, the whole index written again
    notes, index, _ = built
    before = store.read_manifest(index)[0]
    for path in notes.rglob("*.md"):
        os.utime(path)
    r = build_index(notes, index, embedder=fresh())
    assert r.unchanged == 3 and r.embedded == 0 and r.updated == 0
    gen, manifest = store.read_manifest(index)
    assert gen != before and not before.exists()  # a new generation, the old one gone
    assert (gen / store.CHUNKS).stat().st_nlink == 1 and (gen / store.CHUNKS).stat().st_size > 0
    assert manifest.notes["aws-2024.md"].mtime_ns == (notes / "aws-2024.md").stat().st_mtime_ns
    assert NotesIndex.open(index, embedder=fresh()).search("shuffle sharding", k=1)[0].path == "aws-2024.md"
    # ... linked, not written: the next touch's generation shares its files' inodes
    inode = (gen / store.CHUNKS).stat().st_ino
    os.utime(notes / "aws-2024.md")
    build_index(notes, index, embedder=fresh())
    assert (store.read_manifest(index)[0] / store.CHUNKS).stat().st_ino == inode


def test_deleted_and_renamed_notes_drop_their_chunks(built):
    notes, index, first = built
    (notes / "cooking/2024-02-01-bread.md").unlink()
    (notes / "2023-12-11-aws-2023.md").rename(notes / "conferences-2023.md")
    emb = fresh()
    r = build_index(notes, index, embedder=emb)
    # the renamed note, its text the same, is moved: not new and removed (trial A: a folder renamed had been
    # "new 300, removed 300")
    assert (r.new, r.updated, r.unchanged, r.removed, r.moved) == (0, 0, 1, 1, 1)
    assert "removed 1, moved 1, skipped 0" in r.summary()
    # the renamed note has a front-matter title, so its embedding inputs did not change
    assert r.embedded == 0 and emb.calls == 0
    paths = {c.path for c in NotesIndex.open(index, embedder=emb).chunks}
    assert paths == {"aws-2024.md", "conferences-2023.md"}


def test_identical_texts_are_embedded_once(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "todo.md", "# Todo\n\n* check this\n* check this\n* something else\n")
    emb = fresh()
    r = build_index(notes, tmp_path / "index", embedder=emb)
    assert r.chunks == 3 and r.embedded == 2 == emb.encoded


def test_note_without_chunks_is_not_updated_every_build(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "meta-only.md", "---\ntitle: Nothing here yet\n---\n")
    write(notes / "real.md", "* a bullet\n")
    build_index(notes, tmp_path / "index", embedder=fresh())
    r = build_index(notes, tmp_path / "index", embedder=fresh())
    assert (r.new, r.updated, r.unchanged) == (0, 0, 2)


def test_cli_index_reports_counts_as_json(notes, tmp_path):
    index = tmp_path / "index"
    args = ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256", "--json"]
    runner = CliRunner()
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output
    first = json.loads(res.stdout)
    assert (first["new"], first["embedded"]) == (3, first["chunks"])
    append(notes / "aws-2024.md", "* one more bullet\n")
    (notes / "cooking/2024-02-01-bread.md").unlink()
    (notes / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    for key in ("new", "updated", "unchanged", "removed", "skipped", "embedded", "reused", "problems"):
        assert key in rep
    assert (rep["new"], rep["updated"], rep["unchanged"], rep["removed"], rep["skipped"]) == (0, 1, 1, 1, 1)
    assert rep["embedded"] == 1
    assert rep["problems"][0]["path"] == "binary.md"
    # the human form says the same
    append(notes / "aws-2024.md", "* and another\n")
    res = runner.invoke(main, args[:-1] + ["-q"])
    assert res.exit_code == 0
    assert "updated 1, unchanged 1, removed 0, skipped 1" in res.stdout
    assert "embedded 1 chunk," in res.stdout
    # said at the last build: counted, not named again (a new one is named, the old ones counted after it)
    # (not counted: one of them may be a folder of many notes, trial G)
    assert res.stderr.strip() == ("The same files as at the last build were skipped, repaired or excluded "
                                  "(`notesqa status` lists them)")
    (notes / "other.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    res = runner.invoke(main, args[:-1] + ["-q"])
    assert res.stderr.splitlines() == ["  skipped: other.md: binary file (contains NUL bytes)",
                                       "  ... and 1 more skipped, repaired or excluded (`notesqa status` lists them)"]


def test_progress_bars_count_from_the_first_report(tmp_path, notes):
    """The embed stage reports 0 before any work, and a bar starts at its stage's first
    report, so its rate covers only work it timed; later reports move it to the total."""
    from notesqa.cli import _TqdmProgress

    reports = []
    build_index(notes, tmp_path / "index", embedder=fresh(), progress=lambda *a: reports.append(a))
    embeds = [r for r in reports if r[0] == "embed"]
    assert embeds[0][1] == 0 and embeds[-1][1] == embeds[-1][2] > 0

    p = _TqdmProgress(enabled=True)
    p("embed", 256, 1000)
    assert p.bar.n == 256 and p.bar.format_dict["initial"] == 256
    p("embed", 700, 1000)
    p("embed", 1000, 1000)
    assert p.bar.n == 1000 and p.bar.total == 1000
    p("write", 0, 1)
    assert p.stage == "write" and p.bar.n == 0
    p.close()


def test_off_a_terminal_a_long_stage_says_how_far_it_is(capsys):
    from notesqa.cli import _TqdmProgress

    p = _TqdmProgress(enabled=True, bars=False)  # a log file: lines, no bar
    for done in range(0, 5001, 100):
        p("embed", done, 5000)
    p("write", 0, 1)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "embedding: 5000 chunks" and lines[1] == "embedding: 500 of 5,000 chunks (10%)"
    assert len(lines) == 12 and lines[-1] == "writing index"  # a line at each tenth, not at each batch
    # a batch that jumps past a tenth says where it is (trial HV: "256 of 1,531 chunks (10%)" was 16%)
    p("embed", 0, 1531)
    p("embed", 256, 1531)
    assert capsys.readouterr().err.splitlines()[-1] == "embedding: 256 of 1,531 chunks (16%)"
    # the notes' words, some 20 times faster a word: one line for a thousand (trial s35: six for a second's work)
    for done in range(0, 1136, 256):
        p("words", done, 1135)
    assert capsys.readouterr().err.splitlines() == ["embedding the notes' words: 1135 words"]


def test_a_build_says_each_stage_once_in_order(tmp_path):
    # trial s35: a log had said "writing index" before the notes' words were embedded, and again after them
    class Meaning(CountingEmbedder):
        knows_meaning = True  # (so the notes' words are embedded too)

    stages = []
    write(tmp_path / "n" / "a.md", "# A\n\n- Shuffle sharding maps customers to cells\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=Meaning(),
                progress=lambda stage, done, total: stages.append(stage) if stage not in stages[-1:] else None)
    assert stages == ["scan", "parse", "embed", "words", "write"]


# --------------------------------------------------------------------------- fingerprint


def test_model_change_rebuilds_everything_and_says_why(built):
    notes, index, first = built
    emb = CountingEmbedder(128)
    r = build_index(notes, index, embedder=emb)
    assert "model changed from 'hash-256' to 'hash-128'" in r.full_rebuild_reason
    assert r.embedded == r.chunks == emb.encoded and r.reused == 0
    assert store.read_manifest(index)[1].fingerprint["dim"] == 128
    assert NotesIndex.open(index, embedder=emb).search("shuffle sharding", k=1)


def test_chunker_version_change_rechunks_every_note_but_reuses_same_text(built, monkeypatch):
    notes, index, first = built
    monkeypatch.setattr(chunking, "CHUNKER_VERSION", "999")
    import notesqa.indexing as indexing

    calls = []
    real_chunk_note = indexing.chunk_note
    monkeypatch.setattr(indexing, "chunk_note", lambda *a, **k: calls.append(1) or real_chunk_note(*a, **k))
    emb = fresh()
    r = build_index(notes, index, embedder=emb)
    assert len(calls) == first.notes  # every note was chunked again
    assert "chunker changed" in r.full_rebuild_reason and "999" in r.full_rebuild_reason
    assert r.unchanged == first.notes and r.updated == 0  # re-chunked, but the notes' text is the same
    assert r.embedded == 0 and r.reused == r.chunks  # the same texts came out: no vector recomputed
    assert store.read_manifest(index)[1].fingerprint["chunker"] == "999"


def test_embedding_template_change_rebuilds_everything(built, monkeypatch):
    notes, index, _ = built
    real = chunking.embed_input
    monkeypatch.setattr(chunking, "embed_input", lambda *a, **k: "passage: " + real(*a, **k))
    r = build_index(notes, index, embedder=fresh())
    assert "embed_template" in r.full_rebuild_reason
    assert r.embedded == r.chunks


class _Revised(HashEmbedder):
    """Same model name, other model files (a new revision of the weights)."""

    def identity(self):
        return {"model": self.name, "model_files": "rev2"}


def test_model_revision_change_rebuilds_and_querying_old_index_is_refused(built):
    notes, index, _ = built
    with pytest.raises(ModelMismatchError, match="notesqa index --rebuild"):
        NotesIndex.open(index, embedder=_Revised(256))
    r = build_index(notes, index, embedder=_Revised(256))
    assert "model_files None -> 'rev2'" in r.full_rebuild_reason and r.embedded == r.chunks


def test_vector_dimension_change_is_caught(built):
    notes, index, _ = built
    odd = HashEmbedder(128)
    odd.name = "hash-256"  # same identity, other dimension
    append(notes / "aws-2024.md", "* new bullet\n")
    r = build_index(notes, index, embedder=odd)
    assert "dimension changed from 256 to 128" in r.full_rebuild_reason
    assert r.embedded == r.chunks and store.load_vectors(store.read_manifest(index)[0]).shape[1] == 128


def test_rebuild_flag(built):
    notes, index, _ = built
    r = build_index(notes, index, embedder=fresh(), rebuild=True)
    assert r.full_rebuild_reason == "a full rebuild was asked for" and r.embedded == r.chunks


def test_fingerprint_names_what_shapes_vectors(embedder):
    fp = fingerprint(embedder)
    assert fp["model"] == "hash-256" and fp["chunker"] == chunking.CHUNKER_VERSION
    assert fp["embed_template"] == "{title} > {heading} > {parent}: {text}"


def test_reuse_policy_names_what_a_build_takes_from_the_previous_index(embedder):
    fp = fingerprint(embedder)
    assert _reuse_policy(fp, fp, rebuild=False) == (True, True, None)
    assert _reuse_policy(fp, fp, rebuild=True) == (False, False, "a full rebuild was asked for")
    vectors, notes, why = _reuse_policy({**fp, "chunker": "0"}, fp, rebuild=False)
    assert (vectors, notes) == (True, False) and why.startswith("the chunker changed (0 -> ")
    vectors, notes, why = _reuse_policy({**fp, "model": "other"}, fp, rebuild=False)
    assert (vectors, notes) == (False, False) and "the model changed from 'other'" in why
    # the vector dimension is kept in the fingerprint, but is checked against the vectors themselves
    assert _reuse_policy({**fp, "dim": 7}, fp, rebuild=False) == (True, True, None)


def test_opening_with_another_model_raises(built):
    _, index, _ = built
    with pytest.raises(ModelMismatchError) as exc:
        NotesIndex.open(index, model="hash-128")
    assert "'hash-256'" in str(exc.value) and "hash-128" in str(exc.value)
    with pytest.raises(ModelMismatchError):
        NotesIndex.open(index, embedder=HashEmbedder(128))


def test_cli_ask_with_another_model_says_so(built):
    notes, index, _ = built
    res = CliRunner().invoke(main, ["ask", "shuffle", "sharding", "--index", str(index), "--notes", str(notes),
                                    "--model", "hash-128"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert "built with model 'hash-256', not 'hash-128'" in res.stderr
    assert "--model hash-256" in res.stderr and "notesqa index --model hash-128" in res.stderr
    ok = CliRunner().invoke(main, ["ask", "shuffle", "sharding", "--index", str(index), "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)[0]["path"] == "aws-2024.md"


# --------------------------------------------------------------------------- the model an index keeps


def test_commands_without_notes_use_the_folder_the_index_was_built_from(notes, tmp_path, monkeypatch):
    monkeypatch.delenv("NOTESQA_NOTES", raising=False)
    cwd = tmp_path / "cwd"
    write(cwd / "notes" / "unrelated.md", "* unrelated\n")
    monkeypatch.chdir(cwd)  # a ./notes that is not the vault: the vault's index must never be refilled from it
    index = tmp_path / "vault-index"
    runner = CliRunner()
    res = runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256", "-q"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["status", "--index", str(index), "--json"])
    info = json.loads(res.stdout)
    assert Path(info["notes_dir"]).resolve() == notes.resolve()
    assert info["changes"] == {"new": [], "changed": [], "deleted": []}
    append(notes / "aws-2024.md", "* one more bullet\n")
    res = runner.invoke(main, ["index", "--index", str(index), "--json"])
    rep = json.loads(res.stdout)
    assert (rep["new"], rep["updated"], rep["removed"]) == (0, 1, 0) and rep["unchanged"] > 0
    # a vault folder that is gone is reported, and the index is not refilled from ./notes
    notes.rename(tmp_path / "unmounted")
    res = runner.invoke(main, ["index", "--index", str(index), "-q"])
    assert res.exit_code == 1 and str(notes) in res.output and "does not exist" in res.output
    assert json.loads(runner.invoke(main, ["status", "--index", str(index), "--json"]).stdout)["notes"] == 3
    (tmp_path / "unmounted").rename(notes)
    # $NOTESQA_NOTES and --notes still win
    other = tmp_path / "other"
    write(other / "x.md", "* x\n")
    monkeypatch.setenv("NOTESQA_NOTES", str(other))
    assert json.loads(runner.invoke(main, ["status", "--index", str(index), "--json"]).stdout)["notes_dir"] == str(other)


def test_reindex_without_model_keeps_the_index_model(notes, tmp_path, monkeypatch):
    monkeypatch.delenv("NOTESQA_MODEL", raising=False)
    index = tmp_path / "ix"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256",
                                "-q"]).exit_code == 0
    append(notes / "aws-2024.md", "* one more bullet\n")
    rep = json.loads(runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--json"]).stdout)
    assert rep["model"] == "hash-256" and not rep["full_rebuild_reason"] and rep["embedded"] == 1
    from notesqa import build_index

    assert build_index(notes, index).model == "hash-256"


def test_an_open_index_follows_a_rebuild_with_another_model(notes, tmp_path):
    from notesqa import build_index
    from notesqa.search import NotesIndex

    index = tmp_path / "ix"
    build_index(notes, index, "hash-256")
    idx = NotesIndex.open(index)  # no model given: the index's own
    assert idx.embedder.name == "hash-256"
    write(notes / "birds.md", "* pelicans fish in groups\n")
    build_index(notes, index, "hash-128", rebuild=True)
    assert idx.search("pelicans", k=1)[0].path == "birds.md"
    assert idx.embedder.name == "hash-128" and idx.stale_reason is None
    # asked for a model by name: a rebuild with another one is reported, not followed
    pinned = NotesIndex.open(index, model="hash-128")
    build_index(notes, index, "hash-256", rebuild=True)
    pinned.search("pelicans", k=1)
    assert "hash-256" in pinned.stale_reason


def _gen(index: Path) -> Path:
    return index / store.read_current(index)


def _truncate(path: Path, keep: float = 0.5) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def test_build_over_damaged_previous_index_says_why(built):
    notes, index, _ = built
    _truncate(_gen(index) / store.MANIFEST)
    r = build_index(notes, index, embedder=fresh())
    assert "previous index could not be used" in r.full_rebuild_reason and r.embedded == r.chunks
    assert "--rebuild" not in r.full_rebuild_reason  # it is being rebuilt: no advice to do it


def test_build_over_damaged_vectors_reembeds(built):
    notes, index, _ = built
    # an exact index keeps its vectors once, in the FAISS file: a later build reuses them from there
    assert not (_gen(index) / store.VECTORS).exists()
    _truncate(_gen(index) / store.DENSE, 0.3)
    r = build_index(notes, index, embedder=fresh())
    assert "vectors could not be read" in r.full_rebuild_reason and r.embedded == r.chunks
    # an older generation's vector file, not an array at all: said damaged, not with numpy's advice to
    # load it "unsafely"
    (_gen(index) / store.VECTORS).write_bytes(b"garbage\n")
    r = build_index(notes, index, embedder=fresh(), rebuild=False)
    assert "damaged" in r.full_rebuild_reason and "pickle" not in r.full_rebuild_reason


def test_damaged_keyword_tokens_are_tokenized_again_and_no_damage_of_the_index(built):
    """The token rows only save a build time: the index answers without them, and a build makes them anew."""
    notes, index, _ = built
    tokens = _gen(index) / store.KEYWORDS / "tokens"
    _truncate(tokens / "ids.npy")
    live = store.load_generation(index)
    store.check_files(index, live.path, live.manifest)  # (status: no damage said)
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")
    r = build_index(notes, index, embedder=fresh())
    assert not r.full_rebuild_reason
    hit = NotesIndex.open(index, embedder=fresh()).search("kombucha scoby", k=1)[0]
    assert hit.match.startswith("Kombucha")
    assert (_gen(index) / store.KEYWORDS / "tokens" / "ids.npy").stat().st_size > 128


def test_a_later_build_reuses_an_exact_index_own_vectors_as_they_are(built):
    notes, index, _ = built
    gen = store.load_generation(index)
    before = {c.hash: gen.dense.matrix[i].copy() for i, c in enumerate(gen.chunks)}
    (notes / "new.md").write_text("# New\n\n- a bullet about nothing else\n", encoding="utf-8")
    r = build_index(notes, index, embedder=fresh())
    assert r.reused == len(before) and not r.full_rebuild_reason
    after = store.load_generation(index)
    for i, c in enumerate(after.chunks):  # float32 as embedded, not rounded through float16
        assert c.hash not in before or np.abs(after.dense.matrix[i] - before[c.hash]).max() < 1e-6


def test_a_build_that_finds_nothing_new_keeps_the_live_generation(notes, tmp_path):
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    first = store.read_current(index)
    r = build_index(notes, index, embedder=fresh())
    assert store.read_current(index) == first and r.unchanged == r.notes and r.embedded == 0  # nothing to reload
    os.utime(notes / "aws-2024.md")  # touched, not changed: its recorded stat is new, so a new generation
    build_index(notes, index, embedder=fresh())
    second = store.read_current(index)
    assert second != first
    (index / second / store.DENSE).unlink()  # damage the manifest does not show: repaired, not kept
    build_index(notes, index, embedder=fresh())
    assert store.read_current(index) != second and store.load_generation(index).dense.size > 0


def test_an_empty_note_skipped_again_keeps_the_live_generation(notes, tmp_path):
    # trial V: every Syncthing folder has an empty Untitled.md; each `notesqa index` had written a new generation
    (notes / "Untitled.md").write_text("")
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    first = store.read_current(index)
    r = build_index(notes, index, embedder=fresh())
    assert r.skipped == 1 and store.read_current(index) == first


def test_the_notes_that_hold_most_of_the_index_are_named(tmp_path, monkeypatch):
    from notesqa import indexing

    monkeypatch.setattr(indexing, "LARGE_CHUNKS", 20)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pick data.md").write_text("".join(f"- SKU-{i},Dayton,{i * 7} units\n" for i in range(60)))
    (notes / "kickoff.md").write_text("# Kickoff\n\n- Acme runs 14 warehouses\n- Phase 1: Dayton and Toledo\n")
    r = build_index(notes, tmp_path / "index", embedder=fresh())
    # trial V: a pasted CSV and a chat export held 83% of an index, and nothing said so
    assert r.largest == [("pick data.md", 60)] and json.loads(json.dumps(r.to_dict()))["largest"] == [["pick data.md", 60]]
    assert "pick data.md holds 60 of the 62 chunks (96% of the index; each edit of it is re-read whole)" in r.summary()


class StoppedEmbedder(CountingEmbedder):
    """Stopped (Ctrl-C) at its calls-th call to encode."""

    def __init__(self, calls: int):
        super().__init__(256)
        self.stop_at = calls

    def encode(self, texts, progress=None):
        if self.calls + 1 == self.stop_at:
            raise KeyboardInterrupt
        return super().encode(texts, progress)


def test_a_stopped_build_keeps_what_it_embedded_for_the_next_one(tmp_path, monkeypatch):
    # trial A: Ctrl-C at 60% of a first build had kept nothing, and the next build embedded all 62,748 again
    monkeypatch.setattr("notesqa.indexing.SAVE_EVERY", 4)
    notes = tmp_path / "notes"
    for i in range(5):
        write(notes / f"n{i}.md", "".join(f"- fact {i}.{j} about topic {i * 10 + j}\n" for j in range(3)))
    index = tmp_path / "index"
    with pytest.raises(KeyboardInterrupt):
        build_index(notes, index, embedder=StoppedEmbedder(3))  # two parts of 4 saved, stopped at the third
    assert store.read_current(index) is None and store.embedded_count(index) == 8
    counting = fresh()
    report = build_index(notes, index, embedder=counting)
    assert (report.resumed, report.embedded, counting.encoded) == (8, 7, 7)
    assert "8 embedded by a build that was stopped" in report.summary()
    assert not (index / store.EMBEDDED_SO_FAR).exists()  # the generation has them now
    again = tmp_path / "again"
    build_index(notes, again, embedder=fresh())  # the same vectors as a build never stopped
    assert np.array_equal(store.load_vectors(store.read_manifest(index)[0]),
                          store.load_vectors(store.read_manifest(again)[0]))
    # vectors of another model are not reused
    with pytest.raises(KeyboardInterrupt):
        build_index(notes, tmp_path / "third", embedder=StoppedEmbedder(3))
    other = CountingEmbedder(128)
    report = build_index(notes, tmp_path / "third", embedder=other, rebuild=True)
    assert report.resumed == 0 and other.encoded == 15


def test_ctrl_c_in_a_build_says_what_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr("notesqa.indexing.SAVE_EVERY", 4)
    notes = tmp_path / "notes"
    for i in range(5):
        write(notes / f"n{i}.md", "".join(f"- fact {i}.{j}\n" for j in range(3)))
    monkeypatch.setattr("notesqa.indexing.embedder_for", lambda *a, **k: StoppedEmbedder(3))
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(tmp_path / "ix"), "-q"])
    assert res.exit_code == 130
    assert ("Stopped: the index was not changed; the 8 chunks embedded so far are kept in "
            f"{tmp_path / 'ix'}/, and the next `notesqa index` goes on from there.") in res.stderr
    with pytest.raises(Exception, match="a stopped build left 8 chunks embedded there, which it goes on from"):
        store.read_manifest(tmp_path / "ix")
    monkeypatch.setattr("notesqa.indexing.embedder_for", lambda *a, **k: StoppedEmbedder(1))
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(tmp_path / "ix"), "-q", "--rebuild"])
    assert "the next `notesqa index --rebuild` goes on from there." in res.stderr  # a plain build would not


def test_why_every_note_is_read_again_is_said_before_the_build_reads_them(built):
    # trial s38: a damaged index was re-embedded for 7 minutes, and why was said only at the end
    notes, index, _ = built
    chunks = index / store.read_current(index) / store.CHUNKS
    data = bytearray(chunks.read_bytes())
    data[:40] = b"x" * 40  # garbled, the same size
    chunks.write_bytes(bytes(data))
    events = []
    build_index(notes, index, embedder=HashEmbedder(256), notice=lambda text: events.append(text),
                progress=lambda stage, done, total: events.append(stage))
    assert events[0].startswith("the previous index's chunks could not be read")
    assert sum(1 for e in events if e.startswith("the previous index")) == 1
    assert build_index(notes, index, embedder=HashEmbedder(256), notice=events.append).full_rebuild_reason is None
    assert sum(1 for e in events if e.startswith("the previous index")) == 1  # an ordinary refresh says nothing


def test_index_says_why_it_reads_every_note_again_once(built):
    notes, index, _ = built
    chunks = index / store.read_current(index) / store.CHUNKS
    chunks.write_bytes(b"x" * 40 + chunks.read_bytes()[40:])
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256"])
    assert res.exit_code == 0, res.output
    assert res.stdout.count("Full rebuild: the previous index's chunks could not be read") == 1
