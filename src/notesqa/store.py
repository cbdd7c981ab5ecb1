"""The on-disk index: plain files, a format version, atomic generations, a build lock.

    index/
      CURRENT              name of the live generation (switched with os.replace)
      .lock                held by the one build that may write
      gen-<time>-<rand>/   one complete index
        manifest.json      format version, model, fingerprint, counts, per-note state
        chunks.jsonl       one chunk's metadata a line
        dense.faiss        FAISS index of the normalised vectors (inner product; see dense.py); an exact
                           (flat) one holds them as they are, row i = chunk i: later builds reuse them
        vectors.npy        float16 vectors, row i = chunk i, for an approximate (HNSW) index only
        keywords/          BM25 index (bm25s, numpy + json); tokens/: each row's tokens by its text (tokenrows.py)
        vocabulary/        the vault's words and their vectors (vocabulary.py)

A build writes a whole new generation beside the live one and then switches
CURRENT in one rename, so a crash at any moment leaves the previous index whole.
No pickle anywhere.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import errno
import gc
import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import dense, tokenrows
from .chunking import RARE_FIELDS, Chunk
from .dense import DenseIndex
from .config import MARKDOWN_SUFFIXES
from .errors import (BuildLockedError, IndexCorruptError, IndexFolderError, IndexNotFoundError, IndexUnreadableError,
                     IndexVersionError, IndexWriteError, NotesQAError)
from .manifest import Manifest

FORMAT_VERSION = 1
CURRENT = "CURRENT"
LOCK = ".lock"
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.npy"
DENSE = "dense.faiss"
KEYWORDS = "keywords"
VOCABULARY = "vocabulary"

def rebuild_hint(index_dir: Path) -> str:
    notes = _built_from(Path(index_dir)) or "NOTES_DIR"
    return f"run `notesqa index --rebuild --notes {notes} --index {index_dir}` to build it again from your notes"


def _built_from(index_dir: Path) -> str | None:
    """The notes folder a (maybe damaged) index says it was built from, if its manifest still says so: the advice
    to rebuild names it (trial s37: "NOTES_DIR" had stood for a folder the index knew)."""
    # (not read_current: its errors give this hint, which would ask it again)
    try:
        gen = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
        found = json.loads((index_dir / gen / MANIFEST).read_text(encoding="utf-8")).get("notes_dir") \
            if _GEN_NAME.match(gen) else None
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) and found else None


def without_rebuild_hint(message: str, index_dir: Path) -> str:
    """A damaged index's message without its advice to rebuild (for the build that is doing it)."""
    return message.replace(f"; {rebuild_hint(index_dir)}", "").rstrip(".")


# --------------------------------------------------------------------------- generations


@dataclass(frozen=True)
class Generation:
    """One complete index on disk, as loaded for searching."""

    path: Path
    manifest: Manifest
    chunks: list[Chunk]
    dense: DenseIndex
    keywords: object  # KeywordIndex
    vocabulary: object | None = None  # Vocabulary; None in a generation written before it (the next build writes it)


_GEN_NAME = re.compile(r"^gen-[0-9A-Za-z]+-[0-9a-f]+$")


def no_permission(exc: BaseException) -> bool:
    """An error of reading what this user may not read: Python's PermissionError, or faiss's words for it."""
    return isinstance(exc, PermissionError) or "Permission denied" in str(exc)


def unreadable(index_dir: Path, what: str) -> IndexUnreadableError:
    """The error of an index part this user may not read (the error-path audit, s43: it had read as damage, and
    advised a rebuild, which does not give the permission)."""
    return IndexUnreadableError(f"The index in {index_dir}/ cannot be read by this user ({what}: permission denied); "
                                f"it is not damaged: give this user read access to {index_dir}/ (its owner can run "
                                f"`chmod -R u+rwX {index_dir}`), or use another --index.")


def _check_folder(index_dir: Path) -> None:
    if index_dir.exists() and not index_dir.is_dir():
        raise NotesQAError(f"{index_dir} is a file, not an index folder: pass --index with a folder "
                           "(notesqa creates it).")


def check_index_dir(index_dir: Path, notes_dir: Path) -> None:
    """Raises IndexFolderError for an index folder that is the notes folder, or an existing folder of
    notes that holds no index: --notes and --index swapped, or a typo, must not fill a vault with
    index files (nor build an index of some other folder into it)."""
    index_dir = Path(index_dir)
    if not index_dir.is_dir():
        return
    if index_dir.resolve() == Path(notes_dir).resolve():
        raise IndexFolderError(f"The index folder {index_dir}/ is the notes folder: give --index a folder of its own "
                               "(a new one is made).")
    if (index_dir / CURRENT).exists() or any(_GEN_NAME.match(p.name) for p in index_dir.iterdir()):
        return
    note = _a_note_in(index_dir)
    if note is not None:
        raise IndexFolderError(f"{index_dir}/ holds markdown files ({note.relative_to(index_dir).as_posix()}) and no "
                               "index: give --index a new or empty folder for the index (and --notes the folder of "
                               "your notes).")


def check_built_from(index_dir: Path, notes_dir: Path, serving: bool = False) -> None:
    """Raises IndexFolderError when index_dir holds the index of another notes folder that still exists:
    a mistyped --notes must not replace it (and every vector be embedded again on the way back), nor a
    server (serving) answer from it. A notes folder that moved (its old path gone) is the same notes."""
    try:
        _, manifest = read_manifest(index_dir)
    except NotesQAError:
        return  # no index, or a damaged one: the build says so
    built = of_other_notes(manifest, notes_dir)
    if built:
        where = other_notes_said(index_dir, built, notes_dir)
        raise IndexFolderError(
            f"{where}: {other_notes_ways(built, notes_dir)}, or run `notesqa index --notes {notes_dir} --index "
            f"{index_dir} --rebuild` to replace it." if serving else
            f"{where}: {other_notes_ways(built, notes_dir)}, or add --rebuild to replace it (in Python: "
            "build_index(..., rebuild=True)).")


def other_notes_said(index_dir: Path, built: str, notes_dir: Path) -> str:
    """That an index is of another notes folder than the one given: one wording for every front end."""
    return f"The index in {index_dir}/ is of the notes in {built}/, not {notes_dir}/"


def other_notes_ways(built: str, notes_dir: Path) -> str:
    """The two ways on from an index of another notes folder."""
    return f"pass --notes {built}, or give --index another folder for an index of {notes_dir}/"


def of_other_notes(manifest: Manifest, notes_dir: Path) -> str | None:
    """The notes folder an index was built from, if not notes_dir and it still exists (else it moved)."""
    built = manifest.notes_dir
    return built if built and Path(built) != Path(notes_dir).resolve() and Path(built).is_dir() else None


def _a_note_in(folder: Path) -> Path | None:
    """A markdown file in folder or one of its folders (a Logseq graph keeps its notes in pages/), if any."""
    try:
        entries = sorted(folder.iterdir())
        for p in entries:
            if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file():
                return p
        for sub in (p for p in entries if p.is_dir() and not p.name.startswith(".")):
            note = next((p for p in sorted(sub.iterdir()) if p.suffix.lower() in MARKDOWN_SUFFIXES), None)
            if note is not None:
                return note
    except OSError:
        return None  # an unreadable folder: writing the index there says what is wrong
    return None


def read_current(index_dir: Path) -> str | None:
    """Name of the live generation, or None if no build has finished yet."""
    index_dir = Path(index_dir)
    _check_folder(index_dir)
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        if no_permission(exc):
            raise unreadable(index_dir, CURRENT) from exc
        raise IndexCorruptError(f"Cannot read {index_dir / CURRENT} ({exc}); {rebuild_hint(index_dir)}.") from exc
    if not name:
        return None
    if not _GEN_NAME.match(name):
        raise IndexCorruptError(f"{index_dir / CURRENT} is damaged (it does not name a generation); "
                                f"{rebuild_hint(index_dir)}.")
    return name


def read_manifest(index_dir: Path, name: str | None = None) -> tuple[Path, Manifest]:
    """The live generation's folder and manifest (or generation `name`'s); raises a clear error if there is none."""
    index_dir = Path(index_dir)
    if name is None:
        name = read_current(index_dir)
    if name is None:
        running = build_running(index_dir)
        if running is not None:  # trial A: "run notesqa index" had been said while its first build ran
            who = f" (pid {running})" if running else ""
            raise IndexNotFoundError(f"The first index in {index_dir}/ is being built{who}: ask again when it is "
                                     "done (`notesqa status` says when there is one).")
        kept = embedded_count(index_dir)
        so_far = f" (a stopped build left {kept:,} chunks embedded there, which it goes on from)" if kept else ""
        raise IndexNotFoundError(
            f"No index in {index_dir}/ yet: run `notesqa index --notes NOTES_DIR --index {index_dir}` to build one"
            f"{so_far}."
        )
    gen = index_dir / name
    data = _manifest_json(index_dir, gen)
    _check_version(data.get("format_version"), index_dir)
    try:
        return gen, Manifest.from_json(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise IndexCorruptError(f"The index manifest in {index_dir}/ is damaged ({type(exc).__name__}: {exc}); "
                                f"{rebuild_hint(index_dir)}.") from exc


def _manifest_json(index_dir: Path, gen: Path) -> dict:
    try:
        data = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"The index in {index_dir}/ is incomplete ({gen.name}/{MANIFEST} is missing); "
                                f"{rebuild_hint(index_dir)}.") from exc
    except (OSError, ValueError) as exc:
        if no_permission(exc):
            raise unreadable(index_dir, f"{gen.name}/{MANIFEST}") from exc
        raise IndexCorruptError(f"The index manifest in {index_dir}/ is damaged ({exc}); "
                                f"{rebuild_hint(index_dir)}.") from exc
    if not isinstance(data, dict):
        raise IndexCorruptError(f"The index manifest in {index_dir}/ is damaged (not an object); "
                                f"{rebuild_hint(index_dir)}.")
    return data


def _check_version(version, index_dir: Path) -> None:
    """Only format FORMAT_VERSION is read. Format 1 is the first, so there is nothing older to
    migrate from (a table of migrations would be empty): an older number is refused like a newer one.
    When format 2 comes, the step from 1 goes here."""
    if not isinstance(version, int):
        raise IndexCorruptError(f"The index manifest in {index_dir}/ has no format version; {rebuild_hint(index_dir)}.")
    if version > FORMAT_VERSION:
        raise IndexVersionError(
            f"The index in {index_dir}/ was written by a newer notesqa (format {version}, this one reads "
            f"{FORMAT_VERSION}): upgrade notesqa, or {rebuild_hint(index_dir)}."
        )
    if version < FORMAT_VERSION:
        raise IndexVersionError(f"The index in {index_dir}/ uses old format {version}; {rebuild_hint(index_dir)}.")


def load_chunks(gen: Path, lines: dict[int, tuple[Chunk, str]] | None = None) -> list[Chunk]:
    """The generation's chunks; lines, when given, gets each one with its line as written, by the chunk's id(): a
    build writes the chunks it keeps as they were read (a third of writing a big vault's index was making their
    JSON)."""
    chunks = []
    # no garbage collection while a vault's chunks are made: it would walk all of them again and again, and none
    # is garbage (a third of a cold `ask` on 67,593 chunks)
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(gen / CHUNKS, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    chunks.append(Chunk.from_json(json.loads(line)))
                    if lines is not None:
                        lines[id(chunks[-1])] = (chunks[-1], line if line.endswith("\n") else line + "\n")
    finally:
        if collecting:
            gc.enable()
    return chunks


def load_vectors(gen: Path, mmap: bool = True, rows: int | None = None) -> np.ndarray:
    """The generation's vectors: its vector file, or an exact index's own matrix (a generation written
    since the file was left out for them); with rows, a ValueError unless there is one vector per chunk."""
    if not (gen / VECTORS).exists() and (gen / DENSE).exists():
        vectors = dense.exact_vectors(gen / DENSE)
    else:
        try:
            vectors = np.load(gen / VECTORS, mmap_mode="r" if mmap else None, allow_pickle=False)
        except ValueError as exc:  # numpy's own words would advise loading it "unsafely"
            raise ValueError(f"{VECTORS} is not an array file: damaged") from exc
    if rows is not None and (vectors.ndim != 2 or len(vectors) != rows):
        raise ValueError(f"{len(vectors)} vectors for {rows} chunks")
    return vectors


def load_generation(index_dir: Path) -> Generation:
    """Load the live generation whole (nothing stays memory-mapped, so a later build may delete it).

    A build that finishes while this runs may switch CURRENT and delete the generation
    being read: then the newer one is loaded instead of reporting damage.
    """
    index_dir = Path(index_dir)
    name = read_current(index_dir)
    for _attempt in range(5):
        try:
            return _load_named(index_dir, name)
        except IndexCorruptError:
            newer = read_current(index_dir)
            if newer == name:
                raise
            name = newer
    return _load_named(index_dir, name)


def _load_named(index_dir: Path, name: str | None) -> Generation:
    from .chunking import sections
    from .keywords import TOKENIZER_VERSION, KeywordIndex

    gen, manifest = read_manifest(index_dir, name)
    part = CHUNKS  # the part being read: a damaged one is named (the error-path audit, s43: only the library's words)
    try:
        chunks = load_chunks(gen)
        part = DENSE
        dense_index = dense.load(gen / DENSE, manifest.dense_index)
        part = KEYWORDS
        keywords = KeywordIndex.load(gen / KEYWORDS)
        part = VOCABULARY
        vocabulary = load_vocabulary(gen, manifest.dim)
        part = CHUNKS  # (the keyword side rebuilt from the chunks below)
        if manifest.keyword_tokenizer not in (None, TOKENIZER_VERSION):
            # written by an older notesqa, whose words differ from what questions are cut into now: the
            # keyword side again from the chunks (a second or two; the next build writes it)
            keywords = KeywordIndex.build([c.keywords for c in chunks], *sections(chunks), keep_rows=False)
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"The index in {index_dir}/ is missing {Path(exc.filename or '?').name}; "
                                f"{rebuild_hint(index_dir)}.") from exc
    except Exception as exc:  # noqa: BLE001 - any damage becomes the same actionable message
        if no_permission(exc):
            raise unreadable(index_dir, f"{gen.name}/{part}") from exc
        raise IndexCorruptError(f"The index in {index_dir}/ is damaged ({gen.name}/{part} cannot be read: "
                                f"{damage_said(exc)}); {rebuild_hint(index_dir)}.") from exc
    expected = manifest.counts.chunks
    if expected is not None and not (len(chunks) == expected == dense_index.size == keywords.size):
        raise IndexCorruptError(
            f"The index in {index_dir}/ is inconsistent ({len(chunks)} chunks, {dense_index.size} vectors, "
            f"{keywords.size} keyword rows, manifest says {expected}); {rebuild_hint(index_dir)}."
        )
    return Generation(gen, manifest, chunks, dense_index, keywords, vocabulary)


def damage_said(exc: Exception) -> str:
    """What a damaged file's error says, short: faiss's C++ assertion ("Error in void faiss::read_xb_vector(...) at
    .../index_read.cpp:276: Error: 'ret == (size)' failed: read error in ...") from what follows "failed:"
    (trial s38: the whole of it had been printed)."""
    text = (str(exc).strip().splitlines() or [""])[-1]
    if "faiss" in text and "failed: " in text:
        return text.split("failed: ", 1)[1].removesuffix(" (Success)")
    if "faiss" in text:  # "Error in std::unique_ptr<faiss::Index> faiss::read_index_up(...) at ...: Index type ..."
        return "not a vector index that can be read"
    if "allow_pickle" in text or "pickled" in text:  # numpy's advice to load it unsafely is none to give
        return "not a plain array file"
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _os_error_in(text: str) -> str | None:
    """The operating system's error a message ends with, "(No space left on device)", if any."""
    m = re.search(r"\(([A-Z][a-z][^()]*)\)\s*$", text.strip())
    return m.group(1) if m and m.group(1) != "Success" else None


def load_vocabulary(gen: Path, dim: int | None = None, any_version: bool = False):
    """The generation's Vocabulary (vectors of width dim), or None if it has none that can be used: written
    before it, of another version (unless any_version) or damaged. It is optional: without it a question brings
    no related words, and the next build writes it again (indexing._same_content)."""
    from .vocabulary import Vocabulary

    folder = gen / VOCABULARY
    try:
        return Vocabulary.load(folder, dim, any_version) if folder.is_dir() else None
    except (OSError, ValueError, KeyError, IndexError, EOFError):  # (an empty vectors.npy: EOFError)
        return None


def vectors_of(gen: Generation) -> np.ndarray:
    """Every chunk's vector: the exact index's own matrix, else read from the generation's file
    (memory-mapped: use it and let it go, a later build may delete the file). Raises IndexCorruptError."""
    if gen.dense.exact:
        return gen.dense.matrix
    index_dir = gen.path.parent
    try:
        return load_vectors(gen.path, rows=len(gen.chunks))
    except Exception as exc:  # noqa: BLE001 - missing, cut short or too few: the same actionable message
        if no_permission(exc):
            raise unreadable(index_dir, f"{gen.path.name}/{VECTORS}") from exc
        raise IndexCorruptError(f"The index in {index_dir}/ is damaged (its vectors: {damage_said(exc)}); "
                                f"{rebuild_hint(index_dir)}.") from exc


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(path: Path) -> None:
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                fd = os.open(os.path.join(root, name), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        _fsync_dir(Path(root))


def write_generation(index_dir: Path, manifest: Manifest, chunks: list[Chunk] = (), vectors: np.ndarray | None = None,
                     keywords=None, vocabulary=None, *, same_as: Path | None = None,
                     lines: dict[int, tuple[Chunk, str]] | None = None) -> Path:
    """Write a complete generation, then make it live. Returns its folder.

    lines: chunks' lines as a previous generation has them, by id() (load_chunks): written as they are.

    same_as: a generation whose files (but its manifest) are the new one's, linked (or copied) rather than written
    again: the notes touched, not edited (a sync, a checkout), which only their states in the manifest say.
    If writing fails (disk full, permissions) the partial generation is removed, the live
    one is untouched, and IndexWriteError says so.
    """
    index_dir = Path(index_dir)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    gen = index_dir / f"gen-{stamp}-{secrets.token_hex(3)}"
    tmp = index_dir / f".tmp-{gen.name}"
    cur_tmp = index_dir / f".{CURRENT}.{os.getpid()}.tmp"

    def switched_or_discarded() -> bool:
        """True if the new generation is live; else remove everything this build wrote."""
        live = None
        with contextlib.suppress(NotesQAError):
            live = read_current(index_dir)
        if live == gen.name:
            return True
        for p in (tmp, gen):  # not switched: nothing of this build may stay behind
            shutil.rmtree(p, ignore_errors=True)
        with contextlib.suppress(OSError):
            cur_tmp.unlink()
        return False

    try:
        fill = (lambda folder: _link_files(same_as, folder)) if same_as is not None else \
            (lambda folder: _write_files(folder, manifest, chunks, vectors, keywords, vocabulary, lines or {}))
        _write_and_switch(index_dir, gen, tmp, cur_tmp, manifest, fill)
    except KeyboardInterrupt:  # Ctrl+C while writing: no half-written folder left on disk
        switched_or_discarded()
        raise
    except (OSError, RuntimeError) as exc:  # faiss reports I/O errors as RuntimeError
        if switched_or_discarded():  # the switch happened: the new index is complete and live
            return gen
        if isinstance(exc, OSError) and exc.strerror:
            why = exc.strerror
        else:  # faiss's C++ assertion said short: "... (No space left on device)" (trial s39 had the whole of it)
            last = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
            why = _os_error_in(last) or (damage_said(exc) if "faiss" in last else last)
        raise IndexWriteError(
            f"Could not write the new index in {index_dir}/ ({why}); the previous index is unchanged. "
            "Free some disk space or fix the folder's permissions, then run `notesqa index` again."
        ) from exc
    return gen


def _write_and_switch(index_dir, gen, tmp, cur_tmp, manifest, fill) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp.mkdir()
    fill(tmp)
    # The manifest goes last: a generation with a manifest is a complete one.
    manifest = dataclasses.replace(manifest, files=_sizes(tmp))
    (tmp / MANIFEST).write_text(manifest.dumps(), encoding="utf-8")
    _fsync_tree(tmp)
    os.replace(tmp, gen)
    _fsync_dir(index_dir)
    cur_tmp.write_text(gen.name + "\n", encoding="utf-8")
    with open(cur_tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(cur_tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def _link_files(source: Path, folder: Path) -> None:
    """source's files but its manifest, hard-linked into folder (copied where a link cannot be made)."""
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if not path.is_file() or rel.as_posix() == MANIFEST:
            continue
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, folder / rel)
        except OSError:
            shutil.copy2(path, folder / rel)


def _write_files(tmp: Path, manifest: Manifest, chunks, vectors, keywords, vocabulary,
                 lines: dict[int, tuple[Chunk, str]]) -> None:
    names = list(Chunk.__dataclass_fields__)
    with open(tmp / CHUNKS, "w", encoding="utf-8") as f:
        for c in chunks:
            read = lines.get(id(c))
            if read is not None and read[0] is c:  # (the very chunk read: an id is only one while it lives)
                f.write(read[1])
                continue
            # Chunk fields are flat (str, int, lists of str): a shallow dict is the same JSON as
            # dataclasses.asdict, many times faster on large indexes.
            row = {n: getattr(c, n) for n in names}
            for key in RARE_FIELDS:
                if not row[key]:
                    del row[key]  # (as Chunk.to_json: written only when set)
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if manifest.dense_index != dense.FLAT:  # an exact index holds the vectors itself: not twice on disk
        np.save(tmp / VECTORS, vectors.astype(np.float16), allow_pickle=False)
    dense.write(tmp / DENSE, vectors, manifest.dense_index)
    keywords.save(tmp / KEYWORDS)
    if vocabulary is not None:
        vocabulary.save(tmp / VOCABULARY)


def _sizes(gen: Path) -> dict[str, int]:
    """Each file under a generation folder (its path in it, with "/") -> its size in bytes."""
    return {p.relative_to(gen).as_posix(): p.stat().st_size for p in sorted(gen.rglob("*")) if p.is_file()}


def check_files(index_dir: Path, gen: Path, manifest: Manifest) -> None:
    """Raises IndexCorruptError when a file of the generation is missing or not the size it was written with
    (a disk full, a copy cut short): `status` says so, as a question would, without loading the index (trial
    s37: a truncated dense.faiss had read as a healthy index in status, MCP's index_status and /api/status)."""
    for name, size in manifest.files.items():
        if name.startswith(f"{VOCABULARY}/") or f"/{tokenrows.FOLDER}/" in name:
            continue  # optional: an index without them answers (the next build writes them)
        path = gen / name
        try:
            now = path.stat().st_size if path.is_file() else None
        except PermissionError as exc:  # (a folder this user may not look into)
            raise unreadable(index_dir, f"{gen.name}/{name}") from exc
        if now != size:
            what = "is missing" if now is None else f"is {now:,} bytes, {size:,} when it was written"
            raise IndexCorruptError(f"The index in {index_dir}/ is damaged ({gen.name}/{name} {what}); "
                                    f"{rebuild_hint(index_dir)}.")


def remove_stale(index_dir: Path, keep: set[str], grace_seconds: float = 0.0) -> None:
    """Delete generations and temp folders that are not live (call with the build lock held)."""
    index_dir = Path(index_dir)
    now = time.time()
    for p in index_dir.iterdir():
        if p.name in keep or not (p.name.startswith("gen-") or p.name.startswith(".tmp-") or p.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            if now - p.stat().st_mtime < grace_seconds:
                continue
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink()


# --------------------------------------------------------------------------- embedded so far


# Vectors a build has embedded so far, saved every so often while it embeds: a build stopped (Ctrl-C, a crash,
# a laptop lid) leaves them for the next build to reuse rather than embed again (trial A: a first build stopped
# at 60% of 62,748 chunks had kept nothing). Plain files: the vectors' shaping (model, precision, ...) as JSON,
# then parts, each a .npy of float32 rows (no pickle) and the text hashes of its rows, one a line.
EMBEDDED_SO_FAR = "embedded-so-far"


def save_embedded(index_dir: Path, shaping: dict, hashes: list[str], vectors: np.ndarray) -> None:
    """Add one part (hashes and their vectors) to the index folder's vectors embedded so far; parts saved
    with another shaping are dropped first."""
    folder = Path(index_dir) / EMBEDDED_SO_FAR
    meta = folder / "shaping.json"
    if _json_or_none(meta) != shaping:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        _write_atomic(meta, json.dumps(shaping, sort_keys=True).encode())
    name = f"part-{len(list(folder.glob('part-*.npy'))):05d}"
    _write_atomic(folder / f"{name}.hashes", "\n".join(hashes).encode())
    with open(folder / f".{name}.npy.tmp", "wb") as f:
        np.save(f, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
    os.replace(folder / f".{name}.npy.tmp", folder / f"{name}.npy")  # last: a part without it is not read


def load_embedded(index_dir: Path, shaping: dict) -> dict[str, np.ndarray]:
    """The vectors embedded so far by a stopped build with the same shaping, by text hash ({} if none)."""
    folder = Path(index_dir) / EMBEDDED_SO_FAR
    if _json_or_none(folder / "shaping.json") != shaping:
        return {}
    out: dict[str, np.ndarray] = {}
    for npy in sorted(folder.glob("part-*.npy")):
        with contextlib.suppress(OSError, ValueError):
            hashes = npy.with_suffix(".hashes").read_text(encoding="utf-8").split("\n")
            vectors = np.load(npy, allow_pickle=False)
            if len(hashes) == len(vectors):
                out.update(zip(hashes, vectors))
    return out


def embedded_count(index_dir: Path) -> int:
    """How many vectors index_dir holds embedded so far by a build that did not finish."""
    folder = Path(index_dir) / EMBEDDED_SO_FAR
    with contextlib.suppress(OSError):
        return sum(len(npy.with_suffix(".hashes").read_text(encoding="utf-8").split("\n"))
                   for npy in folder.glob("part-*.npy") if npy.with_suffix(".hashes").is_file())
    return 0


def clear_embedded(index_dir: Path) -> None:
    """Drop the vectors embedded so far (a build that finished has them in its generation)."""
    shutil.rmtree(Path(index_dir) / EMBEDDED_SO_FAR, ignore_errors=True)


def _json_or_none(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- build lock


def build_running(index_dir: Path) -> str | None:
    """The pid ("" if unknown) of a build holding index_dir's lock, or None when no build is running."""
    import fcntl

    try:
        fd = os.open(Path(index_dir) / LOCK, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return BuildLock._holder(fd)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


_HELD = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK)  # what flock says of a lock another holds


def _lock_within(fd: int, seconds: float) -> bool:
    """Take the exclusive lock on fd within seconds, trying every tenth of one; False if it stays held."""
    import fcntl
    import time

    end = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in _HELD:
                raise
            if time.monotonic() >= end:
                return False
            time.sleep(0.1)


class BuildLock:
    """An exclusive lock on an index folder, released by the OS if the holder dies (even by SIGKILL).

    Without wait, a second build fails at once with BuildLockedError naming the holder's
    pid; with wait, it calls on_wait(pid) once and blocks until the holder is done (wait a number: for that many
    seconds at most, then fails so).
    """

    def __init__(self, index_dir: Path, wait: bool | float = False, on_wait=None):
        self.path = Path(index_dir) / LOCK
        self.wait = wait
        self.on_wait = on_wait
        self._fd = None

    @staticmethod
    def _holder(fd: int) -> str:
        with contextlib.suppress(OSError, ValueError):
            return os.pread(fd, 64, 0).decode().strip()
        return ""

    def __enter__(self) -> "BuildLock":
        import fcntl

        _check_folder(self.path.parent)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise IndexWriteError(f"Cannot create or lock the index folder {self.path.parent}/ "
                                  f"({exc.strerror or exc}): pass --index with a folder you can write to.") from exc
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in _HELD:
                    raise
                holder = self._holder(fd)
                who = f" (pid {holder})" if holder else ""
                if not self.wait:
                    raise BuildLockedError(
                        f"Another build is running on {self.path.parent}/{who}: wait for it to finish, "
                        "or run `notesqa index --wait` to queue behind it."
                    ) from exc
                if self.on_wait is not None:
                    self.on_wait(holder)
                if self.wait is True:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                elif not _lock_within(fd, float(self.wait)):
                    raise BuildLockedError(
                        f"Another build is still running on {self.path.parent}/{who} after {self.wait:g} s: run "
                        "`notesqa index --wait` to queue behind it until it is done."
                    ) from exc
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        import fcntl

        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
