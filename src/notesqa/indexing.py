"""Notes folder -> index on disk, incrementally by content.

Each chunk's embedding input is hashed; a build reuses the vector of every hash the
previous index already has and embeds only new text. Notes whose size and mtime are
unchanged are not even re-read. A change of model or chunker (the fingerprint)
rebuilds everything, and says why.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from . import chunking, store
from .chunking import Chunk, chunk_note, indexed_chars, make_token_splitter
from .config import ENV_MODEL, default_index_dir, default_model
from .embedding import Embedder, load_embedder
from .errors import IndexCorruptError, IndexNotFoundError, IndexVersionError, NotesFolderError, NotesQAError
from .keywords import TOKENIZER_VERSION, KeywordIndex
from .coverage import Coverage, coverage, note_state
from .parsing import Problem, discover_notes, read_note
from .vault import MISSING, Vault

# progress(stage, done, total); stages: "scan", "parse", "embed", "write"
ProgressFn = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    notes: int = 0  # notes in the index after this build
    chunks: int = 0
    new: int = 0  # notes not in the previous index
    updated: int = 0  # notes whose text changed, or the text of a note they embed or reference
    unchanged: int = 0  # notes whose text did not change (their chunks and vectors are reused)
    removed: int = 0  # notes of the previous index that are gone (deleted or renamed)
    skipped: int = 0  # files (or folders) not indexed this time, each with a Problem saying why
    repaired: int = 0  # notes indexed after a repair (encoding fallback, broken front matter)
    kept: int = 0  # skipped notes whose previous version stays in the index
    embedded: int = 0  # texts embedded in this build (new or changed chunk inputs)
    reused: int = 0  # chunks whose vectors came from the previous index
    seconds: float = 0.0  # the build itself, without waiting for another build to finish
    embed_seconds: float = 0.0
    wait_seconds: float = 0.0  # waiting for another build's lock (--wait)
    full_rebuild_reason: str | None = None
    model: str = ""
    index_dir: str = ""
    problems: list[Problem] = field(default_factory=list)
    coverage: Coverage | None = None  # how much of the notes' text is indexed; notes that lost some

    def to_dict(self) -> dict:
        d = asdict(self)
        d["problems"] = [asdict(p) for p in self.problems]
        d["coverage"] = self.coverage.to_dict() if self.coverage is not None else None
        for key in ("seconds", "embed_seconds", "wait_seconds"):
            d[key] = round(d[key], 3)
        return d

    def summary(self) -> str:
        parts = [f"{self.notes} notes, {self.chunks} chunks",
                 f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, removed {self.removed}, "
                 f"skipped {self.skipped}" + (f", repaired {self.repaired}" if self.repaired else ""),
                 f"embedded {self.embedded} chunks, reused {self.reused}, in {self.seconds:.1f}s"
                 + (f" (after waiting {self.wait_seconds:.1f}s for another build)" if self.wait_seconds >= 0.1 else "")]
        if self.coverage is not None and self.coverage.chars:
            parts.append(self.coverage.summary())
        return "; ".join(parts)


def fingerprint(embedder: Embedder) -> dict:
    """Everything that shapes the vectors. Any change means every vector is recomputed.

    The vector dimension is added once vectors exist (finding it may mean loading the
    model, which an incremental build with nothing to embed never does); a build that
    gets vectors of another dimension than the previous index re-embeds everything.
    """
    return {
        **embedder.identity(),
        "chunker": chunking.CHUNKER_VERSION,
        # what the embedding input looks like, taken from the code that makes it
        "embed_template": chunking.embed_input("{title}", ["{heading}"], ["{parent}"], "{text}"),
        "normalized": True,
    }


def _shaping(fp: dict) -> dict:
    return {k: v for k, v in fp.items() if k != "dim"}


def _vector_shaping(fp: dict) -> dict:
    """What decides the vector of a given embedding input (the chunker only decides the inputs)."""
    return {k: v for k, v in _shaping(fp).items() if k != "chunker"}


def fingerprint_diff(old: dict, new: dict) -> str:
    old, new = _shaping(old), _shaping(new)
    keys = sorted(set(old) | set(new))
    changed = [k for k in keys if old.get(k) != new.get(k)]
    if "model" in changed:
        return f"the model changed from {old.get('model')!r} to {new.get('model')!r}"
    return "changed: " + ", ".join(f"{k} {old.get(k)!r} -> {new.get(k)!r}" for k in changed)


def file_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embedder_for(index_dir: Path, model: str | None = None, precision: str | None = None) -> Embedder:
    """The embedder to build index_dir with: model, else $NOTESQA_MODEL, else the model the
    index was built with, else the default.

    An index keeps the precision it was built with (fp32 or int8) unless one is asked for
    (precision, or $NOTESQA_BACKEND): a new default must not silently re-embed every note.
    """
    try:
        _, manifest = store.read_manifest(Path(index_dir))
    except NotesQAError:
        manifest = {}
    # An index keeps its model too: a re-index without --model must not re-embed every note
    # with the default one. $NOTESQA_MODEL or model= choose another.
    model = model or os.environ.get(ENV_MODEL) or manifest.get("model") or default_model()
    if precision is None and not os.environ.get("NOTESQA_BACKEND") and manifest.get("model") == model:
        precision = manifest.get("fingerprint", {}).get("precision")
    return load_embedder(model, precision=precision)


def _previous(index_dir: Path):
    """(gen, manifest, reason) of the live index, or (None, None, why not usable)."""
    try:
        gen, manifest = store.read_manifest(index_dir)
        return gen, manifest, None
    except IndexNotFoundError:
        return None, None, None
    except (IndexCorruptError, IndexVersionError) as exc:
        return None, None, f"the previous index could not be used ({exc})"


# A note whose mtime was this close to (or after) the previous build's scan is re-read
# even if its size and mtime look unchanged: an edit within the same timestamp tick would
# otherwise be missed (git's "racily clean" problem). Re-reading only costs a hash.
RACY_NS = 2_000_000_000


def _stat_dict(st) -> dict:
    return {"mtime_ns": st.st_mtime_ns, "size": st.st_size}


def build_index(
    notes_dir: str | os.PathLike,
    index_dir: str | os.PathLike | None = None,
    model: str | None = None,
    *,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    wait: bool = False,
    progress: ProgressFn | None = None,
) -> BuildReport:
    """Build or refresh the index of notes_dir in index_dir; returns what was done.

    Only new or changed text is embedded. A bad file never stops the build: it is
    skipped (or repaired) with a Problem naming it, and a note that was indexed before
    keeps its previous chunks. Raises BuildLockedError when another build holds the
    folder (or waits for it with wait=True; progress("wait", 0, 1) is called first).
    """
    t0 = time.perf_counter()
    notes_dir = Path(notes_dir)
    index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
    if notes_dir.exists() and not notes_dir.is_dir():
        raise NotesFolderError(f"{notes_dir} is a file, not a folder: pass --notes with the folder your notes "
                               "are in.")
    if not notes_dir.is_dir():
        raise NotesFolderError(f"Notes folder {notes_dir}/ does not exist: create it and put .md notes in it, "
                               "or pass --notes with your notes folder.")
    embedder = embedder or embedder_for(index_dir, model)
    report = BuildReport(model=embedder.name, index_dir=str(index_dir))
    progress = progress or (lambda stage, done, total: None)

    t_lock = time.perf_counter()
    with store.BuildLock(index_dir, wait=wait, on_wait=lambda holder: progress("wait", 0, 1)):
        report.wait_seconds = time.perf_counter() - t_lock
        fp = fingerprint(embedder)
        gen, manifest, reason = _previous(index_dir)
        # trust: reuse the previous index's vectors (by text hash); reuse_notes: also skip
        # re-reading notes that did not change. A new chunker re-chunks every note, but text
        # that comes out the same keeps its vector: the hash covers the whole embedding input.
        trust = manifest is not None
        reuse_notes = trust
        old_fp = (manifest or {}).get("fingerprint") or {}
        if manifest is not None and _vector_shaping(old_fp) != _vector_shaping(fp):
            reason = f"{fingerprint_diff(old_fp, fp)}; rebuilding every vector"
            trust = reuse_notes = False
        elif manifest is not None and old_fp.get("chunker") != fp.get("chunker"):
            reason = (f"the chunker changed ({old_fp.get('chunker')} -> {fp.get('chunker')}): every note is "
                      "chunked again; vectors of unchanged text are reused")
            reuse_notes = False
        if rebuild and manifest is not None:
            reason = "a full rebuild was asked for"
            trust = reuse_notes = False
        report.full_rebuild_reason = reason

        # The previous chunks are kept even when the vectors are not trusted: a note that
        # became unreadable keeps its chunks (re-embedded with the current model).
        prev_notes: dict = (manifest or {}).get("notes", {})
        prev_scan = int((manifest or {}).get("scanned_at_ns") or 0)
        prev_chunks: list[Chunk] = []
        if gen is not None:
            try:
                prev_chunks = store.load_chunks(gen)
            except Exception as exc:  # noqa: BLE001 - damaged chunks: rebuild from the notes
                report.full_rebuild_reason = f"the previous index's chunks could not be read ({exc})"
                prev_chunks, prev_notes, gen, trust = [], {}, None, False
        old_by_path: dict[str, list[Chunk]] = {}
        for c in prev_chunks:
            old_by_path.setdefault(c.path, []).append(c)

        def has_previous(rel: str) -> bool:
            old = prev_notes.get(rel)
            return old is not None and len(old_by_path.get(rel, ())) == old.get("chunks", -1)

        scanned_at = time.time_ns()
        files, problems = discover_notes(notes_dir, exclude=[index_dir])
        report.problems.extend(problems)
        progress("scan", len(files), len(files))
        rels = [path.relative_to(notes_dir).as_posix() for path in files]
        vault = Vault(notes_dir, rels)
        touched = _touched(notes_dir, rels, prev_notes)
        if touched:  # a note added or changed may be one an embed or a reference was missing
            touched.add(MISSING)
        touched = _through_embeds(touched, prev_notes)
        split_long = _lazy_splitter(embedder)

        chunks: list[Chunk] = []
        notes_state: dict[str, dict] = {}
        skipped: dict[str, dict] = {}
        seen: set[str] = set()

        def skip(rel: str, problem: Problem, st) -> None:
            """An unusable file: keep what the index had for it, if anything; remember its stat."""
            skipped[rel] = {**(_stat_dict(st) if st is not None else {}), "reason": problem.reason}
            if has_previous(rel):
                problem = Problem(rel, "skipped", f"{problem.reason}; kept its previous version")
                chunks.extend(old_by_path.get(rel, []))
                notes_state[rel] = prev_notes[rel]
                report.kept += 1
            report.problems.append(problem)

        for i, path in enumerate(files):
            progress("parse", i + 1, len(files))
            rel = rels[i]
            old = prev_notes.get(rel)
            # a note that shows text of a note that changed (an embed, a block reference) is read again
            depends = old is not None and _shows(old, touched)
            try:
                st = path.stat()
            except OSError as exc:
                if not os.path.lexists(path):
                    # Listed a moment ago, gone now: deleted while the build runs.
                    report.problems.append(Problem(rel, "skipped", "deleted while the build ran"))
                    continue
                seen.add(rel)
                why = ("broken symlink (its target does not exist)" if isinstance(exc, FileNotFoundError)
                       else f"cannot read ({exc.strerror or exc})")
                skip(rel, Problem(rel, "skipped", why), None)
                continue
            seen.add(rel)
            if (reuse_notes and old is not None and not depends and old.get("mtime_ns") == st.st_mtime_ns
                    and old.get("size") == st.st_size and st.st_mtime_ns < prev_scan - RACY_NS
                    and has_previous(rel)):
                # Same size and mtime, and not racily so: not even read again.
                note_chunks = old_by_path.get(rel, [])
                notes_state[rel] = old
                report.problems.extend(Problem(rel, "repaired", r) for r in old.get("repaired", ()))
                report.unchanged += 1
                chunks.extend(note_chunks)
                continue
            text, problem = read_note(path, rel)
            if text is None:
                if problem.reason == "file disappeared while reading" and not os.path.lexists(path):
                    seen.discard(rel)
                    report.problems.append(Problem(rel, "skipped", "deleted while the build ran"))
                else:
                    skip(rel, problem, st)
                continue
            sha = file_sha(text)
            if reuse_notes and old is not None and not depends and old.get("sha256") == sha and has_previous(rel):
                note_chunks = old_by_path.get(rel, [])
                title = old.get("title")
                repaired = list(old.get("repaired", ()))
                extra = {k: old[k] for k in _NOTE_EXTRAS if k in old}
                report.unchanged += 1
            else:
                try:
                    note = vault.parse(rel, text)
                    note_chunks = chunk_note(note, split_long)
                except Exception as exc:  # noqa: BLE001 - one odd note must not stop the build
                    skip(rel, Problem(rel, "skipped", f"could not be parsed ({type(exc).__name__}: {exc})"), st)
                    continue
                title = note.title
                repaired = [p.reason for p in (problem, note.problem) if p is not None]
                extra = note_state(note.text_chars, indexed_chars(note), note.lost, chunking.truncated(note))
                if vault.deps.get(rel):
                    extra["deps"] = sorted(vault.deps[rel])
                if note.aliases:
                    extra["aliases"] = list(note.aliases)
                if old is None:
                    report.new += 1
                elif old.get("sha256") == sha and (not depends or _same_chunks(note_chunks, old_by_path.get(rel, []))):
                    report.unchanged += 1  # same text (re-read for a full rebuild, or for what it embeds)
                else:
                    report.updated += 1
            report.problems.extend(Problem(rel, "repaired", r) for r in repaired)
            notes_state[rel] = {**_stat_dict(st), "sha256": sha, "title": title, "chunks": len(note_chunks), **extra}
            if repaired:
                notes_state[rel]["repaired"] = repaired
            chunks.extend(note_chunks)
        report.removed = sum(1 for rel in prev_notes if rel not in seen)
        report.coverage = coverage(notes_state)
        report.notes = len(notes_state)
        report.skipped = sum(1 for p in report.problems if p.action == "skipped")
        report.repaired = sum(1 for p in report.problems if p.action == "repaired")

        vectors = _vectors_for(chunks, gen if trust else None, prev_chunks, embedder, report, progress)

        progress("write", 0, 1)
        keywords = KeywordIndex.build([c.keywords for c in chunks], *chunking.sections(chunks))
        report.chunks = len(chunks)
        new_manifest = {
            "format_version": store.FORMAT_VERSION,
            "notesqa_version": _version(),
            "built_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "scanned_at_ns": scanned_at,
            "notes_dir": str(notes_dir.resolve()),
            "model": embedder.name,
            "fingerprint": {**fp, "dim": int(vectors.shape[1])},
            "dim": int(vectors.shape[1]),
            "keyword_tokenizer": TOKENIZER_VERSION,
            "dense_index": "flat" if len(chunks) <= store.EXACT_MAX else "hnsw-sq8",
            "counts": {"notes": report.notes, "chunks": report.chunks, "skipped": report.skipped,
                       "repaired": report.repaired},
            "problems": [asdict(p) for p in report.problems],
            "notes": notes_state,
            "skipped": skipped,
        }
        new_gen = store.write_generation(index_dir, new_manifest, chunks, vectors, keywords)
        # Leftovers of builds that were killed, and the generation just replaced.
        store.remove_stale(index_dir, keep={new_gen.name})
        progress("write", 1, 1)
    report.seconds = time.perf_counter() - t0 - report.wait_seconds
    return report


# what a note's manifest entry keeps besides its file state: coverage (see coverage.py), the
# notes it shows text of, and its other names
_NOTE_EXTRAS = ("chars", "indexed", "lost", "cut", "deps", "aliases")


def _touched(notes_dir: Path, rels: list[str], prev_notes: dict) -> set[str]:
    """Notes new, changed (by size or mtime) or gone since the previous build: a note that
    embeds or references one of them is read again, whatever its own state."""
    present = set(rels)
    touched = {rel for rel in prev_notes if rel not in present}
    for rel in rels:
        old = prev_notes.get(rel)
        try:
            st = (notes_dir / rel).stat()
        except OSError:
            touched.add(rel)
            continue
        if old is None or old.get("mtime_ns") != st.st_mtime_ns or old.get("size") != st.st_size:
            touched.add(rel)
    return touched


def _same_chunks(new: list[Chunk], old: list[Chunk]) -> bool:
    return [(c.hash, c.text) for c in new] == [(c.hash, c.text) for c in old]


def _shows(state: dict, touched: set[str]) -> bool:
    """Does the note (its manifest state) show text of a touched note, or miss one that may now exist?"""
    return any(d in touched or (d[:1] == MISSING and MISSING in touched) for d in state.get("deps", ()))


def _through_embeds(touched: set[str], prev_notes: dict) -> set[str]:
    """touched, and every note that shows text of a touched note, however many embeds away."""
    touched = set(touched)
    while True:
        more = {rel for rel, state in prev_notes.items() if rel not in touched and _shows(state, touched)}
        if not more:
            return touched
        touched |= more


def _lazy_splitter(embedder: Embedder):
    """The token-window splitter, made at the first text to split: reading the model's
    window may load its config, which a build that parses no note never needs."""
    made = None

    def split_long(prefix: str, text: str) -> list[str]:
        nonlocal made
        if made is None:
            made = make_token_splitter(embedder.count_tokens, embedder.max_tokens)
        return made(prefix, text)

    return split_long


def _vectors_for(chunks, gen, prev_chunks, embedder, report, progress) -> np.ndarray:
    """Reuse every vector the previous index has for the same text; embed the rest once.

    gen is None when the previous vectors must not be reused (full rebuild).
    """
    prev_rows: dict[str, int] = {}
    prev_vectors = None
    if gen is not None and prev_chunks:
        try:
            prev_vectors = store.load_vectors(gen)
            if prev_vectors.ndim != 2 or prev_vectors.shape[0] != len(prev_chunks):
                raise ValueError(f"{prev_vectors.shape[0]} vectors for {len(prev_chunks)} chunks")
            prev_rows = {c.hash: i for i, c in enumerate(prev_chunks)}
        except (OSError, ValueError) as exc:
            prev_vectors = None
            report.full_rebuild_reason = f"the previous index's vectors could not be read ({exc}); re-embedding all"
    todo: dict[str, str] = {}
    for c in chunks:
        if c.hash not in prev_rows and c.hash not in todo:
            todo[c.hash] = c.embed
    t = time.perf_counter()
    fresh: dict[str, np.ndarray] = {}
    if todo:
        progress("embed", 0, len(todo))
        vecs = embedder.encode(list(todo.values()), progress=lambda d, n: progress("embed", d, n))
        fresh = {h: vecs[i] for i, h in enumerate(todo)}
        if prev_vectors is not None and vecs.shape[1] != prev_vectors.shape[1]:
            # The model gives vectors of another size than the index holds: nothing can be mixed.
            report.full_rebuild_reason = (f"the vector dimension changed from {prev_vectors.shape[1]} to "
                                          f"{vecs.shape[1]}; rebuilding every vector")
            return _vectors_for(chunks, None, prev_chunks, embedder, report, progress)
    report.embedded = len(todo)
    report.embed_seconds = time.perf_counter() - t
    dim = next(iter(fresh.values())).shape[0] if fresh else (prev_vectors.shape[1] if prev_vectors is not None
                                                              else embedder.dim)
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    reused = 0
    for i, c in enumerate(chunks):
        if c.hash in fresh:
            out[i] = fresh[c.hash]
        else:
            out[i] = prev_vectors[prev_rows[c.hash]]
            reused += 1
    report.reused = reused
    # float16 storage of reused vectors loses a little length: renormalise
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- freshness


def changes_since_build(notes_dir: str | os.PathLike, manifest: dict, index_dir: Path | None = None) -> dict:
    """Notes new, changed or deleted since the index was built (a cheap size/mtime scan).

    Files skipped as bad input at the build are reported only once they change again
    (as "changed" if an earlier version of them is indexed, else as "new").
    """
    notes_dir = Path(notes_dir)
    prev = manifest.get("notes", {})
    skipped = manifest.get("skipped", {})
    files, _ = discover_notes(notes_dir, exclude=[index_dir] if index_dir else [])
    new, changed, seen = [], [], set()
    for path in files:
        rel = path.relative_to(notes_dir).as_posix()
        seen.add(rel)
        try:
            st = path.stat()
        except OSError:
            st = None
        now = _stat_dict(st) if st is not None else {}
        if rel in skipped:
            was = skipped[rel]
            if now.get("mtime_ns") == was.get("mtime_ns") and now.get("size") == was.get("size"):
                continue
        elif st is None:
            continue
        old = prev.get(rel)
        if old is None:
            new.append(rel)
        elif rel in skipped or old.get("mtime_ns") != now["mtime_ns"] or old.get("size") != now["size"]:
            changed.append(rel)
    deleted = sorted(rel for rel in prev if rel not in seen)
    return {"new": new, "changed": changed, "deleted": deleted}
