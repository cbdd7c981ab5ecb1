"""The index stays fresh, never re-embeds unchanged text, survives crashes, and says what to do when damaged.

Every test uses the fake HashEmbedder (or model "hash-256" in subprocesses), so embedded
chunks are counted exactly: report.embedded and CountingEmbedder.encoded.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from notesqa import chunking, store
from notesqa.cli import main
from notesqa.embedding.hashing import HashEmbedder
from notesqa.errors import BuildLockedError, IndexCorruptError, ModelMismatchError
from notesqa.indexing import build_index, changes_since_build, fingerprint
from notesqa.search import NotesIndex

from conftest import CountingEmbedder, write

PY = sys.executable


def fresh():
    return CountingEmbedder(256)


def age(folder: Path, seconds: float = 100) -> None:
    """Set every note's mtime into the past, as for notes not edited just now."""
    t = time.time() - seconds
    for p in folder.rglob("*.md"):
        os.utime(p, (t, t))


def leftovers(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name not in (store.CURRENT, store.LOCK))


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


def test_deleted_and_renamed_notes_drop_their_chunks(built):
    notes, index, first = built
    (notes / "cooking/2024-02-01-bread.md").unlink()
    (notes / "2023-12-11-aws-2023.md").rename(notes / "conferences-2023.md")
    emb = fresh()
    r = build_index(notes, index, embedder=emb)
    assert (r.new, r.updated, r.unchanged, r.removed) == (1, 0, 1, 2)
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
    assert "embedded 1 chunks" in res.stdout
    assert "skipped: binary.md: binary file" in res.stderr


# --------------------------------------------------------------------------- fingerprint


def test_model_change_rebuilds_everything_and_says_why(built):
    notes, index, first = built
    emb = CountingEmbedder(128)
    r = build_index(notes, index, embedder=emb)
    assert "model changed from 'hash-256' to 'hash-128'" in r.full_rebuild_reason
    assert r.embedded == r.chunks == emb.encoded and r.reused == 0
    assert store.read_manifest(index)[1]["fingerprint"]["dim"] == 128
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
    assert store.read_manifest(index)[1]["fingerprint"]["chunker"] == "999"


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


# --------------------------------------------------------------------------- crash safety


def _make_corpus(folder: Path, notes: int, bullets: int, seed: int = 0) -> None:
    import random

    rnd = random.Random(seed)
    words = [f"w{i}" for i in range(2000)]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(notes):
        lines = [f"# Generated note {seed}-{n}", ""]
        for h in range(bullets // 20 or 1):
            lines.append(f"## Section {h}")
            for _ in range(10):
                lines.append("* " + " ".join(rnd.choices(words, k=10)))
                lines.append("  * " + " ".join(rnd.choices(words, k=8)))
        (folder / f"gen-{seed}-{n:04d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


class _Build:
    """`notesqa index` in a real subprocess, its stderr (progress bars) collected as it runs."""

    def __init__(self, notes: Path, index: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "80"}
        self.proc = subprocess.Popen(
            [PY, "-m", "notesqa.cli", "index", "--notes", str(notes), "--index", str(index), "--model", "hash-256"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.err = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        while True:
            data = self.proc.stderr.read1(4096)
            if not data:
                return
            self.err += data

    def wait_for(self, predicate, timeout: float = 60) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            if self.proc.poll() is not None:
                return False
            time.sleep(0.005)
        return False

    def kill(self) -> int:
        self.proc.send_signal(signal.SIGKILL)
        rc = self.proc.wait(30)
        self._reader.join(5)
        return rc


def test_sigkill_at_any_moment_leaves_previous_index_answering(tmp_path):
    """Kill -9 a real `notesqa index` at several points; the previous index must load and answer."""
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "kombucha.md", "# Brewing\n\n* Kombucha needs a scoby and two weeks of patience\n")
    _make_corpus(notes, 10, 40, seed=1)
    first = build_index(notes, index, embedder=fresh())
    live = store.read_current(index)
    server = NotesIndex.open(index, embedder=fresh())  # a running `serve`, opened before everything else

    # Grow the notes so that a build takes a few seconds, and add the note questions will look for.
    _make_corpus(notes, 60, 100, seed=2)  # ~6000 chunks: a build of about 3 s
    write(notes / "sourdough.md", "# Baking\n\n* Sourdough starter is fed twice a day with rye flour\n")

    def tmp_exists():
        return any(p.name.startswith(".tmp-") for p in index.iterdir())

    kill_points = {
        "while reading notes": lambda b: b"reading notes" in b.err,
        "while embedding": lambda b: b"embedding" in b.err,
        "while writing the new generation": lambda b: tmp_exists() and (index / next(
            p.name for p in index.iterdir() if p.name.startswith(".tmp-")) / store.CHUNKS).exists(),
    }
    delays = [0.6, 1.6]
    seen_killed = 0
    finished = False  # a build that outran its kill indexed everything
    for label, when in list(kill_points.items()) + [(f"after {d}s", d) for d in delays]:
        build = _Build(notes, index)
        if callable(when):
            reached = build.wait_for(lambda: when(build))
            assert reached or build.proc.poll() is not None, f"never reached: {label}"
        else:
            build.wait_for(lambda: False, timeout=when)
        # Questions asked while the build runs come from the previous index.
        if build.proc.poll() is None:
            during = NotesIndex.open(index, embedder=fresh())
            assert during.manifest["counts"]["notes"] == first.notes
            assert not during.search("sourdough starter rye", k=1, min_score=0.5)
        rc = build.kill()
        if rc == -signal.SIGKILL:
            seen_killed += 1
            assert store.read_current(index) == live, f"killed {label}: the live index changed"
        # Whatever the moment, the index folder loads and answers.
        idx = NotesIndex.open(index, embedder=fresh())
        assert idx.search("kombucha scoby", k=1)[0].path == "kombucha.md", label
        assert server.search("kombucha scoby", k=1)[0].path == "kombucha.md"
        if rc != -signal.SIGKILL:  # the build won the race and finished: start over from it
            live = store.read_current(index)
            finished = True
    assert seen_killed >= 4  # the stage-based kills at least land mid-build

    # A killed build leaves its temp folder behind; the next build succeeds and cleans up.
    done = subprocess.run([PY, "-m", "notesqa.cli", "index", "--notes", str(notes), "--index", str(index),
                           "--model", "hash-256", "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rep = json.loads(done.stdout)
    assert rep["notes"] == 72 and rep["unchanged"] == (72 if finished else first.notes)
    assert leftovers(index) == [store.read_current(index)]
    # The running server picks up the rebuilt index on its next question, without a restart.
    assert server.search("sourdough starter rye", k=1)[0].path == "sourdough.md"


class _Crash(Exception):
    pass


def _crash(*args, **kwargs):
    raise _Crash()


@pytest.mark.parametrize("step", ["vectors", "dense", "keywords", "before-switch", "after-switch"])
def test_crash_at_each_write_step_keeps_a_loadable_index(built, monkeypatch, step):
    """A build dying at each step of writing a generation (deterministic complement to the SIGKILL test)."""
    import numpy as np

    from notesqa.keywords import KeywordIndex

    notes, index, _ = built
    old = store.read_current(index)
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")
    with monkeypatch.context() as m:
        if step == "vectors":
            m.setattr(np, "save", _crash)
        elif step == "dense":
            m.setattr(store, "build_dense", _crash)
        elif step == "keywords":
            m.setattr(KeywordIndex, "save", _crash)
        elif step == "before-switch":  # the new generation is complete and renamed, CURRENT not yet switched
            m.setattr(store, "_fsync_dir", _crash)
        elif step == "after-switch":  # switched, old generation not yet removed
            m.setattr(store, "remove_stale", _crash)
        with pytest.raises(_Crash):
            build_index(notes, index, embedder=fresh())
    assert len(leftovers(index)) == 2  # the live generation and the dead build's folder
    idx = NotesIndex.open(index, embedder=fresh())
    has_new = bool(idx.search("kombucha scoby", k=1, min_score=0.5))
    assert (store.read_current(index) == old) == (step != "after-switch")
    assert has_new == (step == "after-switch")
    assert idx.search("shuffle sharding", k=1)[0].path == "aws-2024.md"
    # the lock was released, the next build succeeds and removes what the dead one left
    r = build_index(notes, index, embedder=fresh())
    assert leftovers(index) == [store.read_current(index)]
    assert r.embedded == (0 if step == "after-switch" else 1)


def test_ctrl_c_while_writing_leaves_no_half_written_folder(built, monkeypatch):
    notes, index, _ = built
    old = store.read_current(index)
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(store, "build_dense", interrupt)
        with pytest.raises(KeyboardInterrupt):
            build_index(notes, index, embedder=fresh())
    assert leftovers(index) == [old] and store.read_current(index) == old
    assert NotesIndex.open(index, embedder=fresh()).search("shuffle sharding", k=1)[0].path == "aws-2024.md"


@pytest.mark.parametrize("where", ["vectors", "dense"])
def test_disk_full_while_writing_is_a_clear_error_and_leaves_nothing(built, monkeypatch, where):
    import errno

    import numpy as np

    notes, index, _ = built
    old = store.read_current(index)
    append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")

    def full(*a, **k):
        if where == "dense":
            raise RuntimeError("Error in faiss::FileIOWriter: write failed\nNo space left on device")
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "vectors":
        monkeypatch.setattr(np, "save", full)
    else:
        import faiss

        monkeypatch.setattr(faiss, "write_index", full)
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256", "-q"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert "No space left on device" in res.stderr and "previous index is unchanged" in res.stderr
    assert "notesqa index" in res.stderr
    assert store.read_current(index) == old and leftovers(index) == [old]
    assert NotesIndex.open(index, embedder=fresh()).search("shuffle sharding", k=1)


def test_index_folder_that_cannot_be_created_is_a_clear_error(notes, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(blocker / "index"),
                                    "--model", "hash-256", "-q"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert "Cannot create or lock the index folder" in res.stderr


def test_chunk_rows_are_the_same_json_as_to_json(built):
    _, index, _ = built
    gen, _ = store.read_manifest(index)
    rows = [json.loads(line) for line in (gen / store.CHUNKS).read_text().splitlines()]
    assert rows == [c.to_json() for c in store.load_chunks(gen)]


# --------------------------------------------------------------------------- concurrency


def test_second_build_is_refused_while_one_runs(built):
    notes, index, _ = built
    with store.BuildLock(index):
        with pytest.raises(BuildLockedError, match=f"pid {os.getpid()}.*notesqa index --wait"):
            build_index(notes, index, embedder=fresh())
        res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(index),
                                        "--model", "hash-256", "-q"])
        assert res.exit_code == 1 and "Another build is running" in res.stderr


def test_wait_queues_behind_the_running_build(built):
    notes, index, _ = built
    stages, result = [], {}
    lock = store.BuildLock(index)
    lock.__enter__()

    def second():
        result["report"] = build_index(notes, index, embedder=fresh(), wait=True,
                                       progress=lambda stage, d, n: stages.append(stage))

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.5)
    assert stages == ["wait"] and t.is_alive()  # told it waits, and does not touch the index
    lock.__exit__(None, None, None)
    t.join(30)
    assert not t.is_alive() and result["report"].unchanged == 3
    # the time reported is the build's own; the wait is reported apart
    rep = result["report"]
    assert rep.wait_seconds >= 0.5 and rep.seconds < rep.wait_seconds
    assert f"(after waiting {rep.wait_seconds:.1f}s for another build)" in rep.summary()


def test_cli_wait_says_it_waits_then_builds(built):
    notes, index, _ = built
    lock = store.BuildLock(index)
    lock.__enter__()
    threading.Timer(0.5, lock.__exit__, (None, None, None)).start()
    res = CliRunner().invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256",
                                    "--wait", "-q"])
    assert res.exit_code == 0 and "waiting for it to finish" in res.stderr and "unchanged 3" in res.stdout


def test_ask_waits_for_a_first_build_already_running(tmp_path, notes):
    index = tmp_path / "ix"
    index.mkdir()
    lock = store.BuildLock(index)
    lock.__enter__()

    threading.Timer(0.5, lock.__exit__, (None, None, None)).start()  # the other build ends
    res = CliRunner().invoke(main, ["ask", "--notes", str(notes), "--index", str(index), "--model", "hash-256",
                                    "shuffle sharding"])
    assert res.exit_code == 0, res.output
    assert "waiting for it to finish" in res.stderr and "Shuffle sharding" in res.stdout


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


def test_questions_during_a_build_come_from_the_previous_index(built):
    notes, index, _ = built
    server = NotesIndex.open(index, embedder=fresh())
    write(notes / "kombucha.md", "* Kombucha needs a scoby and two weeks\n")
    answers = []

    def progress(stage, done, total):
        if stage in ("embed", "write") and stage not in [a[0] for a in answers]:
            fresh_open = NotesIndex.open(index, embedder=fresh())
            answers.append((stage, bool(server.search("kombucha scoby", k=1, min_score=0.5)),
                            bool(fresh_open.search("kombucha scoby", k=1, min_score=0.5))))

    build_index(notes, index, embedder=fresh(), progress=progress)
    assert answers == [("embed", False, False), ("write", False, False)]
    assert server.search("kombucha scoby", k=1)[0].path == "kombucha.md"  # picked up without reopening


def test_open_survives_a_build_replacing_the_generation_it_is_loading(built, monkeypatch):
    """Reader reads CURRENT, then a build switches and deletes that generation before the files are read."""
    notes, index, _ = built
    real = store._load_named
    calls = []

    def racing(index_dir, name):
        if not calls:
            append(notes / "aws-2024.md", "* Kombucha brewing needs a scoby\n")
            build_index(notes, index, embedder=fresh())  # removes generation `name`
            assert not (index / name).exists()
        calls.append(name)
        return real(index_dir, name)

    monkeypatch.setattr(store, "_load_named", racing)
    idx = NotesIndex.open(index, embedder=fresh())
    assert len(calls) == 2 and calls[0] != calls[1]
    assert idx.search("kombucha scoby", k=1)[0].path == "aws-2024.md"


# --------------------------------------------------------------------------- freshness


def _status(notes, index) -> dict:
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


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


def test_status_lists_new_changed_and_deleted_notes(built):
    notes, index, _ = built
    assert _status(notes, index)["changes"] == {"new": [], "changed": [], "deleted": []}
    write(notes / "new.md", "* fresh\n")
    append(notes / "aws-2024.md", "* edited\n")
    (notes / "cooking/2024-02-01-bread.md").unlink()
    assert _status(notes, index)["changes"] == {"new": ["new.md"], "changed": ["aws-2024.md"],
                                                "deleted": ["cooking/2024-02-01-bread.md"]}
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index)])
    assert "1 new, 1 changed, 1 deleted" in res.stdout and "notesqa index" in res.stdout
    build_index(notes, index, embedder=fresh())
    assert _status(notes, index)["changes"] == {"new": [], "changed": [], "deleted": []}


def test_skipped_files_are_not_reported_new_until_they_change(built):
    notes, index, _ = built
    (notes / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    (notes / "empty.md").write_bytes(b"")
    r = build_index(notes, index, embedder=fresh())
    assert r.skipped == 2
    gen, manifest = store.read_manifest(index)
    assert set(manifest["skipped"]) == {"photo.md", "empty.md"}
    assert changes_since_build(notes, manifest, index) == {"new": [], "changed": [], "deleted": []}
    (notes / "empty.md").write_text("* now it has a bullet\n")
    assert changes_since_build(notes, manifest, index)["new"] == ["empty.md"]


def test_note_kept_after_becoming_unreadable_is_reported_only_when_it_changes(built):
    notes, index, _ = built
    path = notes / "aws-2024.md"
    path.write_bytes(b"\x00\x01\x02 binary now")
    r = build_index(notes, index, embedder=fresh())
    assert r.kept == 1
    _, manifest = store.read_manifest(index)
    assert changes_since_build(notes, manifest, index) == {"new": [], "changed": [], "deleted": []}
    path.write_text("* readable again\n")
    assert changes_since_build(notes, manifest, index)["changed"] == ["aws-2024.md"]


# --------------------------------------------------------------------------- damaged index folder


def _gen(index: Path) -> Path:
    return index / store.read_current(index)


def _truncate(path: Path, keep: float = 0.5) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


DAMAGE = {
    "manifest missing": lambda ix: (_gen(ix) / store.MANIFEST).unlink(),
    "manifest truncated": lambda ix: _truncate(_gen(ix) / store.MANIFEST),
    "chunks truncated": lambda ix: _truncate(_gen(ix) / store.CHUNKS, 0.7),
    "chunks missing": lambda ix: (_gen(ix) / store.CHUNKS).unlink(),
    "dense missing": lambda ix: (_gen(ix) / store.DENSE).unlink(),
    "dense truncated": lambda ix: _truncate(_gen(ix) / store.DENSE),
    "keywords missing": lambda ix: __import__("shutil").rmtree(_gen(ix) / store.KEYWORDS),
    "keywords truncated": lambda ix: [_truncate(p) for p in (_gen(ix) / store.KEYWORDS).iterdir() if p.is_file()],
    "generation missing": lambda ix: __import__("shutil").rmtree(_gen(ix)),
    "CURRENT garbage": lambda ix: (ix / store.CURRENT).write_bytes(b"\xff\xfe../../etc"),
    "future format": lambda ix: (_gen(ix) / store.MANIFEST).write_text(
        json.dumps({**json.loads((_gen(ix) / store.MANIFEST).read_text()), "format_version": 99})),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_index_says_what_to_run_not_a_traceback(built, damage):
    notes, index, _ = built
    DAMAGE[damage](index)
    runner = CliRunner()
    for args in (["ask", "shuffle", "sharding"], ["status"]):
        res = runner.invoke(main, [*args, "--index", str(index), "--notes", str(notes)])
        if args[0] == "status" and damage in ("chunks truncated", "chunks missing", "dense missing",
                                              "dense truncated", "keywords missing", "keywords truncated"):
            assert res.exit_code == 0  # status reads only the manifest
            continue
        assert res.exit_code == 1, (damage, args, res.output)
        assert isinstance(res.exception, SystemExit), (damage, res.exception)  # handled, not raised
        assert "notesqa index" in res.stderr and "Traceback" not in res.output
    if damage == "future format":
        assert "newer notesqa" in res.stderr
    # and `notesqa index` does repair it
    r = build_index(notes, index, embedder=fresh())
    assert r.full_rebuild_reason is None or "could not" in r.full_rebuild_reason
    assert NotesIndex.open(index, embedder=fresh()).search("shuffle sharding", k=1)[0].path == "aws-2024.md"


def test_damaged_index_in_a_real_process(built):
    notes, index, _ = built
    _truncate(_gen(index) / store.DENSE)
    env = {**os.environ, "NOTESQA_INDEX": str(index), "NOTESQA_NOTES": str(notes)}
    res = subprocess.run([PY, "-m", "notesqa.cli", "ask", "shuffle sharding"], capture_output=True, text=True,
                         env=env, timeout=60)
    assert res.returncode == 1
    assert "notesqa index" in res.stderr and "Traceback" not in res.stderr + res.stdout


def test_build_over_damaged_previous_index_says_why(built):
    notes, index, _ = built
    _truncate(_gen(index) / store.MANIFEST)
    r = build_index(notes, index, embedder=fresh())
    assert "previous index could not be used" in r.full_rebuild_reason and r.embedded == r.chunks


def test_build_over_damaged_vectors_reembeds(built):
    notes, index, _ = built
    _truncate(_gen(index) / store.VECTORS, 0.3)
    r = build_index(notes, index, embedder=fresh())
    assert "vectors could not be read" in r.full_rebuild_reason and r.embedded == r.chunks


def test_no_index_yet_says_what_to_run(tmp_path):
    with pytest.raises(Exception, match="notesqa index"):
        NotesIndex.open(tmp_path / "nothing", embedder=fresh())
    res = CliRunner().invoke(main, ["status", "--index", str(tmp_path / "nothing")])
    assert res.exit_code == 1 and "notesqa index" in res.stderr


def test_corrupt_error_is_raised_for_damage(built):
    _, index, _ = built
    _truncate(_gen(index) / store.CHUNKS, 0.7)
    with pytest.raises(IndexCorruptError, match="notesqa index --rebuild"):
        store.load_generation(index)


def test_status_shows_the_index_precision(built, monkeypatch):
    notes, index, _ = built
    real = store.read_manifest

    def with_precision(d, name=None):
        gen, manifest = real(d, name)
        manifest = {**manifest, "fingerprint": {**manifest.get("fingerprint", {}), "precision": "int8"}}
        return gen, manifest

    monkeypatch.setattr(store, "read_manifest", with_precision)
    assert _status(notes, index)["precision"] == "int8"
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index)])
    assert "(int8)" in res.stdout
