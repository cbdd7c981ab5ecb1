"""Notes folder -> index on disk, incrementally by content.

Each chunk's embedding input is hashed; a build reuses the vector of every hash the
previous index already has and embeds only new text. Notes whose size and mtime are
unchanged are not even re-read. A change of model or chunker (the fingerprint)
rebuilds everything, and says why.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping

import numpy as np

from . import chunking, dense, joplin, store
from .chunking import Chunk, chunk_note, indexed_chars, make_token_splitter
from .config import MARKDOWN_SUFFIXES, choose_model, choose_precision, default_index_dir
from .embedding import Embedder, load_embedder
from .errors import (ArgumentError, IndexCorruptError, IndexNotFoundError, IndexVersionError, NotesFolderError,
                     NotesQAError)
from .keywords import TOKENIZER_VERSION, KeywordIndex
from .coverage import Coverage, coverage
from .manifest import Counts, Manifest, NoteEntry, SkippedEntry
from .notefiles import (EMPTY, FOLDER, GONE, Problem, discover_notes, file_sha, folder_prefix, read_note,
                        without_app_exclusions)
from .vault import MISSING, Vault, app_of, is_note_dep
from .vocabulary import Vocabulary, WordCounts
from .wording import counted

# progress(stage, done, total); stages: "scan", "parse", "embed", "words" (the vault's words, vocabulary.py), "write"
ProgressFn = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    notes: int = 0  # notes in the index after this build
    chunks: int = 0
    new: int = 0  # notes not in the previous index
    updated: int = 0  # notes whose text changed, or the text of a note they embed or reference
    unchanged: int = 0  # notes whose text did not change (their chunks and vectors are reused)
    removed: int = 0  # notes of the previous index that are gone (deleted, or renamed with other text)
    moved: int = 0  # notes renamed or moved with their text (a folder renamed): neither new nor removed
    skipped: int = 0  # files (or folders) not indexed this time, each with a Problem saying why
    repaired: int = 0  # notes indexed after a repair (encoding fallback, broken front matter)
    kept: int = 0  # skipped notes whose previous version stays in the index
    embedded: int = 0  # texts embedded in this build (new or changed chunk inputs)
    reused: int = 0  # chunks whose vectors came from the previous index
    resumed: int = 0  # texts whose vectors a stopped build had embedded (store.save_embedded), not embedded again
    seconds: float = 0.0  # the build itself, without waiting for another build to finish
    embed_seconds: float = 0.0
    wait_seconds: float = 0.0  # waiting for another build's lock (--wait)
    full_rebuild_reason: str | None = None
    model: str = ""
    index_dir: str = ""
    problems: list[Problem] = field(default_factory=list)
    coverage: Coverage | None = None  # how much of the notes' text is indexed; notes that lost some
    # the notes that hold most of the index (a pasted table, a chat export): (path, chunks), largest first
    largest: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["problems"] = [p.to_dict() for p in self.problems]
        d["coverage"] = self.coverage.to_dict() if self.coverage is not None else None
        for key in ("seconds", "embed_seconds", "wait_seconds"):
            d[key] = round(d[key], 3)
        return d

    def summary(self) -> str:
        parts = [f"{counted(self.notes, 'note')}, {counted(self.chunks, 'chunk')}",
                 f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, removed {self.removed}, "
                 + (f"moved {self.moved}, " if self.moved else "") +
                 f"skipped {self.skipped}" + (f", repaired {self.repaired}" if self.repaired else ""),
                 f"embedded {counted(self.embedded, 'chunk')}, reused {self.reused}"
                 + (f", {self.resumed} embedded by a build that was stopped" if self.resumed else "")
                 + f", in {self.seconds:.1f}s"
                 + (f" (after waiting {self.wait_seconds:.1f}s for another build)" if self.wait_seconds >= 0.1 else "")]
        if self.coverage is not None and self.coverage.chars:
            parts.append(self.coverage.summary())
        parts += [f"{path} holds {n:,} of the {self.chunks:,} chunks ({100 * n // max(1, self.chunks)}% of the index; each "
                  "edit of it is re-read whole)" for path, n in self.largest]
        return "; ".join(parts)


LARGE_SHARE, LARGE_CHUNKS = 0.25, 1000  # a note holding this share of the index, and this many chunks, is named


def largest_notes(notes: Mapping[str, NoteEntry], chunks: int) -> list[tuple[str, int]]:
    """The notes that hold LARGE_SHARE of the chunks or more (and LARGE_CHUNKS), largest first: where the build's
    time and memory go (trial V: a pasted CSV and a chat export held 83% of an index, unnamed)."""
    big = [(path, e.chunks) for path, e in notes.items()
           if e.chunks and e.chunks >= LARGE_CHUNKS and e.chunks >= LARGE_SHARE * chunks]
    return sorted(big, key=lambda pn: -pn[1])


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


def embedder_for(index_dir: Path, model: str | None = None, precision: str | None = None) -> Embedder:
    """The embedder to build index_dir with: the model and precision config.choose_model and
    config.choose_precision pick, given the ones the index was built with."""
    try:
        _, manifest = store.read_manifest(Path(index_dir))
    except NotesQAError:
        manifest = None
    built_with = manifest.model if manifest is not None else None
    model = choose_model(model, built_with)
    precision = choose_precision(precision, model, built_with, manifest.precision if manifest is not None else None)
    return load_embedder(model, precision=precision)


# RACY_NS: a note whose mtime was this close to (or after) the previous build's scan is
# re-read even if its size and mtime look unchanged: an edit within the same timestamp
# tick would otherwise be missed (git's "racily clean" problem). Re-reading only costs a hash.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class _Previous:
    """What a build may take from the live index, and why it may not take more.

    reuse_vectors: reuse the previous vectors (by text hash); reuse_notes: also skip
    re-reading notes that did not change. A new chunker re-chunks every note, but text that
    comes out the same keeps its vector: the hash covers the whole embedding input. The
    previous chunks are kept even when the vectors are not reused: a note that became
    unreadable keeps its chunks (re-embedded with the current model).
    """

    gen: Path | None = None
    notes: Mapping[str, NoteEntry] = field(default_factory=dict)
    chunks: list[Chunk] = field(default_factory=list)
    by_path: Mapping[str, list[Chunk]] = field(default_factory=dict)
    scanned_at_ns: int = 0
    reuse_vectors: bool = False
    reuse_notes: bool = False
    reason: str | None = None  # why not everything is reused (the report's full_rebuild_reason)
    manifest: Manifest | None = None  # the live index's, when its chunks could be read
    lines: Mapping[int, tuple[Chunk, str]] = field(default_factory=dict)  # chunk, line as read, by id(chunk): written as is

    def chunks_of(self, rel: str) -> list[Chunk]:
        return self.by_path.get(rel, [])

    def has(self, rel: str) -> bool:
        """Does the previous index hold every chunk of rel?"""
        old = self.notes.get(rel)
        return old is not None and len(self.chunks_of(rel)) == old.chunks

    def same_file(self, rel: str, st) -> bool:
        """Same size and mtime as at the previous build, and not racily so."""
        old = self.notes.get(rel)
        return (old is not None and old.same_file(st)
                and st.st_mtime_ns < self.scanned_at_ns - RACY_NS and self.has(rel))


def _previous(index_dir: Path, fp: dict, rebuild: bool) -> _Previous:
    """The live index, as far as a build with fingerprint fp may use it."""
    try:
        gen, manifest = store.read_manifest(index_dir)
    except IndexNotFoundError:
        return _Previous()
    except (IndexCorruptError, IndexVersionError) as exc:
        return _Previous(reason=f"the previous index could not be used ({store.without_rebuild_hint(str(exc), index_dir)})")
    reuse_vectors, reuse_notes, reason = _reuse_policy(manifest.fingerprint, fp, rebuild)
    lines: dict[int, tuple[Chunk, str]] = {}
    try:
        chunks = store.load_chunks(gen, lines)
    except Exception as exc:  # noqa: BLE001 - damaged chunks: rebuild from the notes
        return _Previous(scanned_at_ns=manifest.scanned_at_ns, reuse_notes=reuse_notes,
                         reason=f"the previous index's chunks could not be read ({exc})")
    by_path: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_path.setdefault(c.path, []).append(c)
    return _Previous(gen, manifest.notes, chunks, by_path, manifest.scanned_at_ns, reuse_vectors, reuse_notes, reason,
                     manifest, lines)


def _reuse_policy(old_fp: Mapping, fp: dict, rebuild: bool) -> tuple[bool, bool, str | None]:
    """(reuse_vectors, reuse_notes, why not) over an index built with old_fp."""
    if rebuild:
        return False, False, "a full rebuild was asked for"
    if _vector_shaping(old_fp) != _vector_shaping(fp):
        return False, False, f"{fingerprint_diff(old_fp, fp)}; rebuilding every vector"
    if old_fp.get("chunker") != fp.get("chunker"):
        return True, False, (f"the chunker changed ({old_fp.get('chunker')} -> {fp.get('chunker')}): every note is "
                             "chunked again; vectors of unchanged text are reused")
    return True, True, None


def _check_folder_argument(value, name: str) -> None:
    """A folder given as something that is no path (None, a number): ArgumentError, saying which (the error-path audit,
    s43: build_index(None) had raised Python's TypeError)."""
    if isinstance(value, bool) or not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        raise ArgumentError(f"{name} must be a folder's path (text or a Path), got {value!r}.")


def build_index(
    notes_dir: str | os.PathLike,
    index_dir: str | os.PathLike | None = None,
    model: str | None = None,
    *,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    wait: bool | float = False,
    progress: ProgressFn | None = None,
    notice: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build or refresh the index of notes_dir in index_dir; returns what was done.

    Only new or changed text is embedded. A bad file never stops the build: it is
    skipped (or repaired) with a Problem naming it, and a note that was indexed before
    keeps its previous chunks. Raises BuildLockedError when another build holds the
    folder (or waits for it with wait=True, or for wait seconds at most; progress("wait", 0, 1) is called first).
    notice(reason): told at once why a build reads every note again, before it does (the report's
    full_rebuild_reason says it too).
    """
    t0 = time.perf_counter()
    _check_folder_argument(notes_dir, "notes_dir")
    if index_dir is not None:
        _check_folder_argument(index_dir, "index_dir")
    notes_dir = Path(notes_dir)
    index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
    check_notes_dir(notes_dir)
    store.check_index_dir(index_dir, notes_dir)
    if not rebuild:
        store.check_built_from(index_dir, notes_dir)
    embedder = embedder or embedder_for(index_dir, model)
    report = BuildReport(model=embedder.name, index_dir=str(index_dir))
    progress = progress or (lambda stage, done, total: None)

    t_lock = time.perf_counter()
    with store.BuildLock(index_dir, wait=wait, on_wait=lambda holder: progress("wait", 0, 1)):
        report.wait_seconds = time.perf_counter() - t_lock
        _build_locked(notes_dir, index_dir, embedder, rebuild, report, progress, notice)
    report.seconds = time.perf_counter() - t0 - report.wait_seconds
    return report


def check_notes_dir(notes_dir: Path) -> None:
    """Raises NotesFolderError, saying what to do, unless notes_dir is a folder."""
    if notes_dir.exists() and not notes_dir.is_dir():
        raise NotesFolderError(f"{notes_dir} is a file, not a folder: pass --notes with the folder your notes "
                               "are in.")
    if not notes_dir.is_dir():
        here = _notes_beside(notes_dir)
        raise NotesFolderError(f"Notes folder {notes_dir}/ does not exist: create it and put .md notes in it, "
                               "or pass --notes with your notes folder"
                               + (f" ({here[0]} holds {counted(here[1], 'note')}: --notes {here[0]})." if here else "."))


def _notes_beside(notes_dir: Path) -> tuple[str, int] | None:
    """(the folder notes_dir would be in, how many .md notes it holds itself) when it holds some: run from a
    vault's own folder, `notesqa ask` looks for notes/ in it (trial Q: a Dendron vault's root)."""
    parent = notes_dir.parent
    try:
        n = sum(1 for p in parent.iterdir() if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file())
    except OSError:
        return None
    return (str(parent), n) if n else None


def _build_locked(notes_dir: Path, index_dir: Path, embedder: Embedder, rebuild: bool, report: BuildReport,
                  progress: ProgressFn, notice: Callable[[str], None] | None = None) -> None:
    """The build, with the lock held: scan the notes, embed what is new, write a generation."""
    fp = fingerprint(embedder)
    prev = _previous(index_dir, fp, rebuild)
    report.full_rebuild_reason = prev.reason
    if prev.reason and notice is not None:  # (trial s38: a damaged index re-embedded for 7 minutes, said at the end)
        notice(prev.reason)
    scanned_at = time.time_ns()
    scan = _Scan(notes_dir, prev, embedder, report, progress, notice)
    scan.run(index_dir)
    gone = [rel for rel in prev.notes if rel not in scan.seen or rel in scan.emptied]
    report.removed = len(gone)
    report.moved = _moved(gone, prev.notes, scan.notes)
    report.new -= report.moved
    report.removed -= report.moved
    report.coverage = coverage(scan.notes)
    report.notes = len(scan.notes)
    report.skipped = sum(1 for p in report.problems if p.action == "skipped")
    report.repaired = sum(1 for p in report.problems if p.action == "repaired")

    vectors = _vectors_for(scan.chunks, prev.gen if prev.reuse_vectors else None, prev.chunks, embedder, report,
                           progress, index_dir, _vector_shaping(fp))

    report.chunks = len(scan.chunks)
    report.largest = largest_notes(scan.notes, report.chunks)
    manifest = _manifest(notes_dir, embedder, fp, int(vectors.shape[1]), scanned_at, report, scan)
    if _same_content(index_dir, prev, manifest, scan.chunks, report):
        # the live index already is this one: no new generation for running servers to load; or notes were
        # touched, not edited: the live files under a new manifest (the notes' new file states)
        kept = prev.gen if _same_manifest(manifest, prev.manifest) else \
            store.write_generation(index_dir, manifest, same_as=prev.gen)
        store.remove_stale(index_dir, keep={kept.name})  # (what killed builds left, and the one replaced)
        store.clear_embedded(index_dir)
        progress("write", 1, 1)
        return
    # the live index's tokens of the texts it has (but on a rebuild, which starts from nothing)
    known = prev.gen / store.KEYWORDS if prev.gen is not None and not rebuild else None
    keywords = KeywordIndex.build([c.keywords for c in scan.chunks], *chunking.sections(scan.chunks), previous=known)
    vocabulary = _vocabulary(scan.chunks, keywords, embedder, prev, rebuild, progress)
    progress("write", 0, 1)  # (after the words: a log says "writing index" once)
    new_gen = store.write_generation(index_dir, manifest, scan.chunks, vectors, keywords, vocabulary, lines=prev.lines)
    # Leftovers of builds that were killed, and the generation just replaced.
    store.remove_stale(index_dir, keep={new_gen.name})
    store.clear_embedded(index_dir)
    progress("write", 1, 1)


def _vocabulary(chunks: list[Chunk], keywords: KeywordIndex, embedder: Embedder, prev: _Previous, rebuild: bool,
                progress: ProgressFn) -> Vocabulary:
    """The vault's words and their vectors (vocabulary.py): of prose, not code nor embedded copies; the previous
    generation's vectors reused for the words it has, when it was made with the same model."""
    # the previous generation's, of any version (its vectors are the model's, by word), of this model's width
    previous = store.load_vocabulary(prev.gen, embedder.dim, any_version=True) \
        if prev.gen is not None and prev.reuse_vectors else None

    def encode(words: list[str]) -> np.ndarray:
        if not getattr(embedder, "knows_meaning", True):  # (the hash embedder of tests and dry runs)
            # the words, for mending a question's typos (spelling.py), with no meaning: zero vectors relate no word
            return np.zeros((len(words), embedder.dim), dtype=np.float32)
        progress("words", 0, len(words))
        return embedder.encode(words, progress=lambda done, total: progress("words", done, total))

    return Vocabulary.build(_word_counts(chunks, prev, rebuild), keywords.knows, encode, previous)


def _is_prose(c: Chunk) -> bool:
    return c.kind != "code" and not c.origin


def _word_counts(chunks: list[Chunk], prev: _Previous, rebuild: bool) -> WordCounts:
    """The words of the chunks' prose: the live index's counts, less its chunks not kept, plus the new ones (the
    chunks kept are its very objects), when it has counts; else counted from all."""
    before = WordCounts.load(prev.gen / store.VOCABULARY) if prev.gen is not None and not rebuild else None
    if before is not None:
        now, then = {id(c) for c in chunks}, {id(c) for c in prev.chunks}
        gone = Counter(c.text for c in prev.chunks if id(c) not in now and _is_prose(c))
        new = Counter(c.text for c in chunks if id(c) not in then and _is_prose(c))
        # (a note read again says most of its texts again: only the texts it lost or gained are counted, not all of
        # a 1 MB journal's twice for one edited bullet)
        kept = before.minus(WordCounts.of((gone - new).elements()))
        if kept is not None:
            return kept.plus(WordCounts.of((new - gone).elements()))
    return WordCounts.of(c.text for c in chunks if _is_prose(c))


def _same_manifest(manifest: Manifest, live: Manifest) -> bool:
    """Does the new manifest say what the live one says, but for the build's own time?"""
    # (the files' sizes are recorded as the generation is written)
    same_times = {"built_at": None, "scanned_at_ns": 0, "notesqa_version": None, "files": {}}
    return replace(manifest, **same_times) == replace(live, **same_times)


def _same_content(index_dir: Path, prev: _Previous, manifest: Manifest, chunks: list[Chunk],
                  report: BuildReport) -> bool:
    """Would the new generation's files be the live one's (the same chunks and vectors, read the same way), whatever
    its manifest says of the notes' files (touched by a sync or a checkout, their text the same), and does the live
    one load whole? Its files are then linked, not written again (trial s39: a touch had cost a whole write)."""
    if prev.manifest is None or not prev.reuse_vectors or report.embedded or report.full_rebuild_reason:
        return False
    same = ("fingerprint", "keyword_tokenizer", "dense_index", "model", "format_version")
    if any(getattr(manifest, key) != getattr(prev.manifest, key) for key in same) or chunks != prev.chunks:
        return False
    try:
        live = store.load_generation(index_dir)  # damage the manifest cannot show (a lost dense or keyword file)
        store.check_files(index_dir, live.path, live.manifest)  # ... or a file cut short
    except NotesQAError:
        return False
    return live.vocabulary is not None  # (none, of an older version or damaged: the build writes it)


def _manifest(notes_dir: Path, embedder: Embedder, fp: dict, dim: int, scanned_at: int, report: BuildReport,
              scan: _Scan) -> Manifest:
    return Manifest(
        format_version=store.FORMAT_VERSION,
        notesqa_version=_version(),
        built_at=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        scanned_at_ns=scanned_at,
        notes_dir=str(notes_dir.resolve()),
        model=embedder.name,
        fingerprint={**fp, "dim": dim},
        dim=dim,
        keyword_tokenizer=TOKENIZER_VERSION,
        dense_index=dense.kind_for(len(scan.chunks)),
        counts=Counts(report.notes, report.chunks, report.skipped, report.repaired),
        problems=tuple(report.problems),
        notes=scan.notes,
        skipped=scan.skipped,
        read_as=scan.read_as,
    )


class _Scan:
    """One pass over the notes: each note's chunks and manifest entry, reused or made anew.

    Counts and problems go to the report as they are found.
    """

    def __init__(self, notes_dir: Path, prev: _Previous, embedder: Embedder, report: BuildReport,
                 progress: ProgressFn, notice: Callable[[str], None] | None = None):
        self.notes_dir, self.prev, self.report, self.progress = notes_dir, prev, report, progress
        self.notice = notice  # told why every note is read again, before it is (build_index's notice)
        self.read_as = ""  # how the notes are read (vault.app_of)
        self.split_long = _lazy_splitter(embedder)
        self.chunks: list[Chunk] = []
        self.notes: dict[str, NoteEntry] = {}
        self.skipped: dict[str, SkippedEntry] = {}
        self.seen: set[str] = set()  # notes found (not those deleted while the build ran)
        self.emptied: set[str] = set()  # notes indexed before and emptied since: removed from the index
        self.vault: Vault | None = None
        self.touched: set[str] = set()
        self.sync_folders: dict[str, joplin.SyncFolder] = {}  # Joplin's (joplin.without_items)

    def run(self, index_dir: Path) -> None:
        files, problems = discover_notes(self.notes_dir, exclude=[index_dir], app_settings=False)
        files, excluded = without_app_exclusions(self.notes_dir, files, problems)
        files, self.sync_folders = joplin.without_items(self.notes_dir, files, problems)  # its notebooks, tags, ...
        self.report.problems.extend(problems)
        self.progress("scan", len(files), len(files))
        rels = [path.relative_to(self.notes_dir).as_posix() for path in files]
        # an excluded note is not indexed, but an embed of it still shows it (as in Obsidian); with no
        # state of its own kept, a note showing one is read again each build
        hidden = [path.relative_to(self.notes_dir).as_posix() for path in excluded]
        self.vault = Vault(self.notes_dir, rels + hidden, sync_folders=self.sync_folders)
        self._reading(app_of(self.notes_dir, rels + hidden))
        self.touched = _through_embeds(self._changed(rels, hidden), self.prev.notes)
        for i, path in enumerate(files):
            self.progress("parse", i + 1, len(files))
            self._note(path, rels[i])
        for problem in problems:
            if problem.kind == FOLDER:
                self._keep_folder(problem)

    def _changed(self, rels: list[str], hidden: list[str]) -> set[str]:
        """What changed for the notes that show other notes' text: the notes new, changed or gone (_touched), the
        excluded ones (no state kept), and the names, blocks and ids (as dependencies) that may now be found
        otherwise: a missing one there now, a note beside a namesake, a block id written again; and the place of a
        Joplin note when it is another now (its notebook renamed, a tag given: joplin.stale)."""
        touched = _touched(self.notes_dir, rels, self.prev.notes) | set(hidden)
        touched |= set(joplin.stale(self.prev.notes, self.sync_folders).values())  # (its values: dependencies)
        present = set(rels + hidden)
        deps = {d for entry in self.prev.notes.values() for d in entry.deps}
        # a note shown elsewhere and gone, one the index had no state of too (excluded by the vault's settings)
        touched |= {d for d in deps if is_note_dep(d) and d not in present}
        changed = touched & present
        if not changed:
            return touched
        # the ids the changed notes' text writes: read only when a note shows a block or misses something
        by_text = any(not is_note_dep(d) for d in deps)
        ids = self.vault.ids_written(text for rel in changed if (text := read_note(self.notes_dir / rel, rel)[0])) \
            if by_text else set()
        return touched | ids | _found_again(self.vault, deps, ids) | self.vault.namesakes(changed)

    def _reading(self, read_as: str) -> None:
        """Every note is read again when the notes are read otherwise than at the last build (trial s38: a
        dendron.yml added had left the notes under it read as plain notes until each changed); vectors of unchanged
        text are reused."""
        self.read_as = read_as
        before = self.prev.manifest.read_as if self.prev.manifest is not None else None
        if not self.prev.reuse_notes or before is None or before == read_as:
            return
        why = f"the notes are read as {read_as} now, {before} before: every note is read again; vectors of " \
              "unchanged text are reused"
        self.prev = replace(self.prev, reuse_notes=False, reason=why)
        self.report.full_rebuild_reason = why
        if self.notice is not None:
            self.notice(why)

    def _keep_folder(self, problem: Problem) -> None:
        """A folder that could not be listed (no permission): its notes are not deleted, they keep
        their previous versions."""
        prefix = folder_prefix(problem.path)  # the notes folder itself: every note
        kept = [rel for rel in self.prev.notes if rel.startswith(prefix) and rel not in self.seen]
        for rel in kept:
            self.seen.add(rel)
            self._keep(rel, self.prev.notes[rel])
        if kept:
            self.report.kept += len(kept)
            at = self.report.problems.index(problem)
            self.report.problems[at] = replace(problem, reason=f"{problem.reason}; kept the previous versions of "
                                                              f"{counted(len(kept), 'note')} in it")

    def _note(self, path: Path, rel: str) -> None:
        try:
            st = path.stat()
        except OSError as exc:
            if not os.path.lexists(path):  # listed a moment ago, gone now: deleted while the build runs
                self.report.problems.append(Problem(rel, "skipped", "deleted while the build ran"))
                return
            self.seen.add(rel)
            why = ("broken symlink (its target does not exist)" if isinstance(exc, FileNotFoundError)
                   else f"cannot read ({exc.strerror or exc})")
            self._skip(rel, Problem(rel, "skipped", why), None)
            return
        self.seen.add(rel)
        old = self.prev.notes.get(rel)
        # a note that shows text of a note that changed (an embed, a block reference) is read again
        depends = old is not None and _shows(old, self.touched)
        if self.prev.reuse_notes and not depends and self.prev.same_file(rel, st):
            self.report.problems.extend(Problem(rel, "repaired", r) for r in old.repaired)
            self.report.unchanged += 1
            self._keep(rel, old if old.ctime_ns is not None else replace(old, ctime_ns=st.st_ctime_ns))
            return
        text, problem = read_note(path, rel)
        if text is None:
            if problem.kind == GONE and not os.path.lexists(path):
                self.seen.discard(rel)
                self.report.problems.append(Problem(rel, "skipped", "deleted while the build ran"))
            else:
                self._skip(rel, problem, st)
            return
        self._read(rel, st, text, problem, depends)

    def _read(self, rel: str, st, text: str, problem: Problem | None, depends: bool) -> None:
        """A note read: its previous chunks if its text is the same, else parsed and chunked again; a Joplin note
        encrypted skipped, saying what to do."""
        locked = joplin.encrypted(text, rel) if self.vault.in_joplin(rel) else None
        if locked is not None:
            self._skip(rel, Problem(rel, "skipped", locked), st)
            return
        old = self.prev.notes.get(rel)
        sha = file_sha(text)
        if self.prev.reuse_notes and old is not None and not depends and old.sha256 == sha and self.prev.has(rel):
            entry = replace(old, mtime_ns=st.st_mtime_ns, size=st.st_size, ctime_ns=st.st_ctime_ns)
            note_chunks = self.prev.chunks_of(rel)
            self.report.unchanged += 1
        else:
            try:
                note = self.vault.parse(rel, text)
                note_chunks = chunk_note(note, self.split_long)
            except Exception as exc:  # noqa: BLE001 - one odd note must not stop the build
                self._skip(rel, Problem(rel, "skipped", f"could not be parsed ({type(exc).__name__}: {exc})"), st)
                return
            entry = self._entry(rel, st, sha, note, note_chunks, problem)
            self._count(rel, old, sha, depends, note_chunks)
        self.report.problems.extend(Problem(rel, "repaired", r) for r in entry.repaired)
        self.notes[rel] = entry
        self.chunks.extend(note_chunks)

    def _entry(self, rel: str, st, sha: str, note, note_chunks: list[Chunk], problem: Problem | None) -> NoteEntry:
        return NoteEntry(
            st.st_mtime_ns, st.st_size, sha, note.title, len(note_chunks), ctime_ns=st.st_ctime_ns,
            chars=note.text_chars, indexed=indexed_chars(note), lost=tuple(note.lost),
            cut=tuple(chunking.truncated(note)), deps=tuple(sorted(self.vault.deps.get(rel) or ())),
            aliases=tuple(note.names),
            repaired=tuple(p.reason for p in (problem, note.problem) if p is not None), credits=tuple(note.credits),
            properties=tuple(note.properties))

    def _count(self, rel: str, old: NoteEntry | None, sha: str, depends: bool, note_chunks: list[Chunk]) -> None:
        if old is None:
            self.report.new += 1
        elif old.sha256 == sha and (not depends or _same_chunks(note_chunks, self.prev.chunks_of(rel))):
            self.report.unchanged += 1  # same text (re-read for a full rebuild, or for what it embeds)
        else:
            self.report.updated += 1

    def _keep(self, rel: str, entry: NoteEntry) -> None:
        self.notes[rel] = entry
        self.chunks.extend(self.prev.chunks_of(rel))

    def _skip(self, rel: str, problem: Problem, st) -> None:
        """An unusable file: keep what the index had for it, if anything (not for a note emptied: its
        text is gone on purpose, as a person clears what should no longer be found); remember its stat."""
        self.skipped[rel] = SkippedEntry(st.st_mtime_ns if st is not None else None,
                                         st.st_size if st is not None else None, problem.reason)
        if problem.kind == EMPTY and self.prev.has(rel):
            problem = replace(problem, reason=f"{problem.reason}; what it held before is no longer indexed")
            self.emptied.add(rel)
        elif self.prev.has(rel):
            problem = Problem(rel, "skipped", f"{problem.reason}; kept its previous version")
            self._keep(rel, self.prev.notes[rel])
            self.report.kept += 1
        self.report.problems.append(problem)


def _moved(gone: list[str], prev: Mapping[str, NoteEntry], now: Mapping[str, NoteEntry]) -> int:
    """How many notes are new only in name: a note gone whose very text a new note has (a folder renamed)."""
    left = Counter(prev[rel].sha256 for rel in gone)
    moved = 0
    for rel, entry in now.items():
        if rel not in prev and left[entry.sha256] > 0:
            left[entry.sha256] -= 1
            moved += 1
    return moved


def _touched(notes_dir: Path, rels: list[str], prev_notes: Mapping[str, NoteEntry]) -> set[str]:
    """Notes new, changed (by size, mtime or ctime) or gone since the previous build: a note that
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
        if old is None or not old.same_file(st):  # (an edit whose mtime was put back too: the review)
            touched.add(rel)
    return touched


def _found_again(vault: Vault, deps: set[str], ids: set[str]) -> set[str]:
    """The missing notes or blocks of deps ("?name" dependencies, for _shows) that are there now, as the vault names
    notes (Vault.found_again; ids: those the changed notes write): the notes showing one are read again. Not all of
    them at every edit: they had been (15 notes of the 1,023-note vault read at each edit)."""
    return {d for d in deps if d[:1] == MISSING and vault.found_again(d, ids)}


def _same_chunks(new: list[Chunk], old: list[Chunk]) -> bool:
    """Do a note's chunks read the same, and are they found by the same filters (a Joplin note given a tag, its
    notebook renamed: its text is the same, what finds it is not)?"""
    def read(chunks: list[Chunk]) -> list[tuple]:
        return [(c.hash, c.text, tuple(c.tags), c.hierarchy) for c in chunks]

    return read(new) == read(old)


def _shows(entry: NoteEntry, touched: set[str]) -> bool:
    """Does the note (its manifest entry) show text of a touched note, or miss one that is there now ("?name" in
    touched: _found_again)?"""
    return any(d in touched for d in entry.deps)


def _through_embeds(touched: set[str], prev_notes: Mapping[str, NoteEntry]) -> set[str]:
    """touched, and every note that shows text of a touched note, however many embeds away."""
    touched = set(touched)
    while True:
        more = {rel for rel, entry in prev_notes.items() if rel not in touched and _shows(entry, touched)}
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


# texts embedded between two saves of what a build has embedded so far (store.save_embedded): about 15 s of
# the default model on two cores, a few MB
SAVE_EVERY = 2048


def _vectors_for(chunks, gen, prev_chunks, embedder, report, progress, index_dir: Path | None = None,
                 shaping: dict | None = None) -> np.ndarray:
    """Reuse every vector the previous index has for the same text, and those a stopped build had embedded
    (index_dir's embedded so far, when of the same shaping); embed the rest once, saving them as it goes.

    gen is None when the previous vectors must not be reused (full rebuild).
    """
    prev_vectors, prev_rows = _previous_vectors(gen, prev_chunks, report)
    todo: dict[str, str] = {}
    for c in chunks:
        if c.hash not in prev_rows and c.hash not in todo:
            todo[c.hash] = c.embed
    t = time.perf_counter()
    fresh: dict[str, np.ndarray] = {}
    if todo:
        fresh = _embedded(todo, embedder, progress, index_dir, shaping, report)
        dims = next(iter(fresh.values())).shape[0]
        if prev_vectors is not None and dims != prev_vectors.shape[1]:
            # The model gives vectors of another size than the index holds: nothing can be mixed.
            report.full_rebuild_reason = (f"the vector dimension changed from {prev_vectors.shape[1]} to "
                                          f"{dims}; rebuilding every vector")
            return _vectors_for(chunks, None, prev_chunks, embedder, report, progress, index_dir, shaping)
    report.embedded = len(todo) - report.resumed
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


def _embedded(todo: dict[str, str], embedder, progress, index_dir: Path | None, shaping: dict | None,
              report: BuildReport) -> dict[str, np.ndarray]:
    """The vectors of todo's texts (hash -> embedding input): those a stopped build saved, then the rest
    embedded SAVE_EVERY at a time, each part saved in index_dir (when given) until the build writes them."""
    saved = store.load_embedded(index_dir, shaping) if index_dir is not None else {}
    fresh = {h: saved[h] for h in todo if h in saved}
    report.resumed = len(fresh)
    rest = [h for h in todo if h not in fresh]
    progress("embed", len(fresh), len(todo))
    for start in range(0, len(rest), SAVE_EVERY):
        part = rest[start:start + SAVE_EVERY]
        vecs = embedder.encode([todo[h] for h in part],
                               progress=lambda d, n, base=len(fresh): progress("embed", base + d, len(todo)))
        fresh.update(zip(part, vecs))
        if index_dir is not None and start + SAVE_EVERY < len(rest):  # the last part goes into the generation
            store.save_embedded(index_dir, shaping, part, vecs)
    return fresh


def _previous_vectors(gen, prev_chunks: list[Chunk], report: BuildReport) -> tuple[np.ndarray | None, dict[str, int]]:
    """The previous index's vectors and the row of each text hash, or (None, {}) if there are none to reuse."""
    if gen is None or not prev_chunks:
        return None, {}
    try:
        vectors = store.load_vectors(gen, rows=len(prev_chunks))
    except (OSError, ValueError) as exc:
        report.full_rebuild_reason = f"the previous index's vectors could not be read ({exc}); re-embedding all"
        return None, {}
    return vectors, {c.hash: i for i, c in enumerate(prev_chunks)}


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- freshness
