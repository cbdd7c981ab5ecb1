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
from .chunking import Chunk, chunk_note, make_token_splitter
from .config import default_index_dir
from .embedding import Embedder, load_embedder
from .errors import IndexCorruptError, IndexNotFoundError, IndexVersionError, NotesFolderError
from .keywords import TOKENIZER_VERSION, KeywordIndex
from .parsing import Problem, discover_notes, parse_note, read_note

# progress(stage, done, total); stages: "scan", "parse", "embed", "write"
ProgressFn = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    notes: int = 0
    chunks: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    repaired: int = 0
    embedded: int = 0  # chunks whose vectors were computed in this build
    reused: int = 0  # chunks whose vectors came from the previous index
    seconds: float = 0.0
    embed_seconds: float = 0.0
    full_rebuild_reason: str | None = None
    model: str = ""
    index_dir: str = ""
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["problems"] = [asdict(p) for p in self.problems]
        return d

    def summary(self) -> str:
        parts = [f"{self.notes} notes, {self.chunks} chunks",
                 f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, removed {self.removed}, "
                 f"skipped {self.skipped}" + (f", repaired {self.repaired}" if self.repaired else ""),
                 f"embedded {self.embedded} chunks, reused {self.reused}, in {self.seconds:.1f}s"]
        return "; ".join(parts)


def fingerprint(embedder: Embedder) -> dict:
    """Everything that shapes the vectors. Any change means every vector is recomputed."""
    return {
        **embedder.identity(),
        "chunker": chunking.CHUNKER_VERSION,
        "embed_template": "title > headings > parents: text",
        "normalized": True,
    }


def fingerprint_diff(old: dict, new: dict) -> str:
    keys = sorted(set(old) | set(new))
    changed = [k for k in keys if old.get(k) != new.get(k)]
    if "model" in changed:
        return f"the model changed from {old.get('model')!r} to {new.get('model')!r}"
    return "changed: " + ", ".join(f"{k} {old.get(k)!r} -> {new.get(k)!r}" for k in changed)


def _file_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _previous(index_dir: Path):
    """(gen, manifest, reason) of the live index, or (None, None, why not usable)."""
    try:
        gen, manifest = store.read_manifest(index_dir)
        return gen, manifest, None
    except IndexNotFoundError:
        return None, None, None
    except (IndexCorruptError, IndexVersionError) as exc:
        return None, None, f"the previous index could not be used ({exc})"


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

    Only new or changed text is embedded. Raises BuildLockedError when another build
    holds the folder (or waits for it with wait=True).
    """
    t0 = time.perf_counter()
    notes_dir = Path(notes_dir)
    index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
    if not notes_dir.is_dir():
        raise NotesFolderError(f"Notes folder {notes_dir}/ does not exist: create it and put .md notes in it, "
                               "or pass --notes with your notes folder.")
    embedder = embedder or load_embedder(model)
    report = BuildReport(model=embedder.name, index_dir=str(index_dir))
    progress = progress or (lambda stage, done, total: None)

    with store.BuildLock(index_dir, wait=wait):
        fp = fingerprint(embedder)
        gen, manifest, reason = _previous(index_dir)
        if manifest is not None and manifest.get("fingerprint") != fp:
            reason = f"{fingerprint_diff(manifest.get('fingerprint') or {}, fp)}; rebuilding every vector"
            gen = manifest = None
        if rebuild and manifest is not None:
            reason = "a full rebuild was asked for"
            gen = manifest = None
        report.full_rebuild_reason = reason

        prev_notes: dict = (manifest or {}).get("notes", {})
        prev_chunks: list[Chunk] = []
        if gen is not None:
            try:
                prev_chunks = store.load_chunks(gen)
            except (OSError, ValueError) as exc:
                report.full_rebuild_reason = f"the previous index's chunks could not be read ({exc})"
                prev_chunks, prev_notes, gen = [], {}, None
        old_by_path: dict[str, list[Chunk]] = {}
        for c in prev_chunks:
            old_by_path.setdefault(c.path, []).append(c)

        files, problems = discover_notes(notes_dir, exclude=[index_dir])
        report.problems.extend(problems)
        progress("scan", len(files), len(files))
        split_long = make_token_splitter(embedder.count_tokens, embedder.max_tokens)

        chunks: list[Chunk] = []
        notes_state: dict[str, dict] = {}
        seen: set[str] = set()
        for i, path in enumerate(files):
            rel = path.relative_to(notes_dir).as_posix()
            seen.add(rel)
            old = prev_notes.get(rel)
            try:
                st = path.stat()
            except OSError as exc:
                report.problems.append(Problem(rel, "skipped", f"cannot read ({exc.strerror or exc})"))
                continue
            if old and old.get("mtime_ns") == st.st_mtime_ns and old.get("size") == st.st_size and rel in old_by_path:
                note_chunks = old_by_path[rel]
                notes_state[rel] = old
                report.unchanged += 1
            else:
                text, problem = read_note(path, rel)
                if problem:
                    report.problems.append(problem)
                if text is None:
                    if old and rel in old_by_path and path.exists():
                        # An unreadable edit must not lose what was indexed before.
                        note_chunks = old_by_path[rel]
                        notes_state[rel] = old
                        report.problems[-1] = Problem(rel, "skipped", f"{problem.reason}; kept the previous version")
                    else:
                        continue
                else:
                    sha = _file_sha(text)
                    if old and old.get("sha256") == sha and rel in old_by_path:
                        note_chunks = old_by_path[rel]
                        report.unchanged += 1
                    else:
                        note = parse_note(text, rel)
                        if note.problem:
                            report.problems.append(note.problem)
                        note_chunks = chunk_note(note, split_long)
                        if old:
                            report.updated += 1
                        else:
                            report.new += 1
                    notes_state[rel] = {"mtime_ns": st.st_mtime_ns, "size": st.st_size, "sha256": sha,
                                        "title": note_chunks[0].title if note_chunks else None,
                                        "chunks": len(note_chunks)}
                    if not note_chunks:
                        notes_state[rel]["title"] = parse_note(text, rel).title
            chunks.extend(note_chunks)
            progress("parse", i + 1, len(files))
        report.removed = sum(1 for rel in prev_notes if rel not in seen)
        report.notes = len(notes_state)
        report.skipped = sum(1 for p in report.problems if p.action == "skipped")
        report.repaired = sum(1 for p in report.problems if p.action == "repaired")

        vectors = _vectors_for(chunks, gen, prev_chunks, embedder, report, progress)

        progress("write", 0, 1)
        keywords = KeywordIndex.build([c.keywords for c in chunks])
        report.chunks = len(chunks)
        new_manifest = {
            "format_version": store.FORMAT_VERSION,
            "notesqa_version": _version(),
            "built_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "notes_dir": str(notes_dir.resolve()),
            "model": embedder.name,
            "fingerprint": fp,
            "dim": int(vectors.shape[1]),
            "keyword_tokenizer": TOKENIZER_VERSION,
            "dense_index": "flat" if len(chunks) <= store.EXACT_MAX else "hnsw-sq8",
            "counts": {"notes": report.notes, "chunks": report.chunks, "skipped": report.skipped,
                       "repaired": report.repaired},
            "problems": [asdict(p) for p in report.problems],
            "notes": notes_state,
        }
        new_gen = store.write_generation(index_dir, new_manifest, chunks, vectors, keywords)
        store.remove_stale(index_dir, keep={new_gen.name})
        progress("write", 1, 1)
    report.seconds = time.perf_counter() - t0
    return report


def _vectors_for(chunks, gen, prev_chunks, embedder, report, progress) -> np.ndarray:
    """Reuse every vector the previous index has for the same text; embed the rest once."""
    prev_rows: dict[str, int] = {}
    prev_vectors = None
    if gen is not None and prev_chunks:
        try:
            prev_vectors = store.load_vectors(gen)
            if prev_vectors.shape[0] == len(prev_chunks):
                prev_rows = {c.hash: i for i, c in enumerate(prev_chunks)}
            else:
                prev_vectors = None
        except (OSError, ValueError):
            prev_vectors = None
    todo: dict[str, str] = {}
    for c in chunks:
        if c.hash not in prev_rows and c.hash not in todo:
            todo[c.hash] = c.embed
    t = time.perf_counter()
    fresh = {}
    if todo:
        texts = list(todo.values())
        vecs = embedder.encode(texts, progress=lambda d, n: progress("embed", d, n))
        fresh = {h: vecs[i] for i, h in enumerate(todo)}
    report.embed_seconds = time.perf_counter() - t
    dim = next(iter(fresh.values())).shape[0] if fresh else (prev_vectors.shape[1] if prev_vectors is not None
                                                              else embedder.dim)
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    for i, c in enumerate(chunks):
        if c.hash in fresh:
            out[i] = fresh[c.hash]
            report.embedded += 1
        else:
            out[i] = prev_vectors[prev_rows[c.hash]]
            report.reused += 1
    # float16 storage of reused vectors loses a little length: renormalise
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- freshness


def changes_since_build(notes_dir: str | os.PathLike, manifest: dict, index_dir: Path | None = None) -> dict:
    """Notes new, changed or deleted since the index was built (a cheap size/mtime scan)."""
    notes_dir = Path(notes_dir)
    prev = manifest.get("notes", {})
    files, _ = discover_notes(notes_dir, exclude=[index_dir] if index_dir else [])
    new, changed, seen = [], [], set()
    for path in files:
        rel = path.relative_to(notes_dir).as_posix()
        seen.add(rel)
        old = prev.get(rel)
        try:
            st = path.stat()
        except OSError:
            continue
        if old is None:
            new.append(rel)
        elif old.get("mtime_ns") != st.st_mtime_ns or old.get("size") != st.st_size:
            changed.append(rel)
    deleted = sorted(rel for rel in prev if rel not in seen)
    return {"new": new, "changed": changed, "deleted": deleted}
