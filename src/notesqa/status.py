"""The index's status: one value that every front end shows.

`read_status` builds it once from the manifest, the notes changed since the build and the
coverage; `notesqa status` prints it as text or JSON (`to_dict`), the chat's status panel
renders it as Markdown, and the MCP server and HTTP API return `to_dict` with what the
serving process adds (a build running, a newer index it cannot use).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import joplin
from .coverage import Coverage
from .errors import NotesQAError
from .notefiles import EXCLUDED, FOLDER, NOT_READ, discover_notes, file_sha, folder_prefix, read_note, without_app_exclusions

if TYPE_CHECKING:
    from .manifest import Manifest


@dataclass(frozen=True)
class Changes:
    """Notes new, changed or deleted since the index was built."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    # only a search's hits' notes were checked (a folder too big to scan at each question): the counts are of
    # those, so front ends mark the hits and say nothing of the whole folder
    among_hits: bool = field(default=False, compare=False)
    # notes the index holds an earlier version of, their file unreadable at the build (grown past MAX_NOTE_BYTES, no
    # permission, binary): a build keeps that version, so they are no change to pick up, but a hit of one is out of
    # date (trial s39: a note grown past 5 MB had answered with its old fact, unmarked)
    kept: tuple[str, ...] = field(default=(), compare=False)
    # indexed notes the app's settings now leave out (Obsidian's Excluded files): not deleted (trial s39 had them so)
    excluded: tuple[str, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.deleted or self.excluded)

    def marks_hits(self) -> bool:
        """Does a hit of some note need saying what became of it (became): a change, or a note kept at an earlier
        version, which no build picks up?"""
        return bool(self) or bool(self.kept)

    def summary(self) -> str:
        """"1 new, 2 changed, 0 deleted" (", 5 excluded in the vault's settings"), as every front end says it."""
        excluded = f", {len(self.excluded)} excluded in the vault's settings" if self.excluded else ""
        return f"{len(self.new)} new, {len(self.changed)} changed, {len(self.deleted)} deleted{excluded}"

    def became(self, path: str) -> str:
        """What became of an indexed note since the build, as a hit of it says (stale_said): "deleted or moved",
        "changed", KEPT (unreadable at the build, an earlier version indexed) or ""."""
        return "deleted or moved" if path in self.deleted else "changed" if path in self.changed else \
            "excluded in the vault's settings" if path in self.excluded else KEPT if path in self.kept else ""

    def counts(self) -> dict[str, int]:
        """The kinds that have any, and how many: {"new": 1, "changed": 2}."""
        return {kind: len(paths) for kind, paths in self.to_dict().items() if paths}

    def to_dict(self) -> dict[str, list[str]]:
        out = {"new": list(self.new), "changed": list(self.changed), "deleted": list(self.deleted)}
        if self.excluded:
            out["excluded"] = list(self.excluded)
        return out


KEPT = "kept"  # Changes.became of a note the index holds an earlier version of


def stale_said(became: str) -> str:
    """What a hit of a note that became so since the build says (the CLI's and the chat's words)."""
    if became == KEPT:  # (no refresh picks it up: the review had found it said "changed", "refreshed in a few seconds")
        return "the note could not be read at the last build: an earlier version of it"
    return f"the note was {became} since the index was built"


@dataclass(frozen=True)
class Status:
    index: str
    generation: str
    built_at: str | None
    model: str | None
    precision: str | None  # of an ONNX model: "int8" or "fp32"; None for other embedders
    format_version: int | None
    notes: int | None
    chunks: int | None
    skipped: int | None
    # files left out at the build, and why, in path order (they show up as changes again only once edited)
    skipped_files: tuple[tuple[str, str | None], ...]
    # notes read with a repair (broken front matter, a legacy encoding), and what was done, in path order
    repaired_files: tuple[tuple[str, str], ...]
    # how much of the notes' text is indexed, and the notes where some could not be read as text
    coverage: Coverage
    notes_dir: str
    changes: Changes | None  # None: the notes folder is not there
    # folders the vault's settings leave out (Obsidian's "Excluded files", its templates folder), and why
    excluded: tuple[tuple[str, str], ...] = ()
    # files of a kind not read (".csv"), counted: ("12 .csv files", "only .md, .markdown and .canvas notes are")
    not_read: tuple[tuple[str, str], ...] = ()
    read_by_older: bool = False  # built by an older notesqa that read notes otherwise: the next build reads them anew
    # notes indexed with nothing to search: only a title, front matter, a query or embeds of files (in path order)
    no_text: tuple[str, ...] = ()
    of_notes: str = ""  # the notes folder the index was built from when it is not notes_dir (then no changes)
    read_as: str = ""  # "a Logseq graph" (read as outlines of blocks), "an Obsidian vault" (its settings read), or ""
    read_as_built: str = ""  # ... as the build read them, when it said so and that is not read_as: the next build re-reads
    # the notes' words kept for related words (vocabulary.py); None: none usable (an index written before them,
    # by an older notesqa, or damaged: the next build writes them)
    related_words: int | None = 0
    related_words_damage: str = ""  # what is damaged of them, when they are ("vectors.npy cannot be read")

    def to_dict(self) -> dict:
        """What `notesqa status --json` prints."""
        out = {
            "index": self.index, "generation": self.generation, "built_at": self.built_at, "model": self.model,
            "precision": self.precision, "format_version": self.format_version, "notes": self.notes,
            "chunks": self.chunks, "skipped": self.skipped, "skipped_files": dict(self.skipped_files),
            "repaired_files": dict(self.repaired_files),
            "coverage": self.coverage.to_dict(), "notes_dir": self.notes_dir,
        }
        if self.changes is not None:
            out["changes"] = self.changes.to_dict()
        # always there, empty when nothing is (trial s37: a script reading d["excluded"] failed on a vault without)
        out["excluded"] = dict(self.excluded)
        out["not_read"] = dict(self.not_read)
        out["read_by_older"] = self.read_by_older
        out["no_text"] = list(self.no_text)
        if self.of_notes:
            out["of_notes"] = self.of_notes
        out["read_as"] = self.read_as
        if self.read_as_built:
            out["read_as_built"] = self.read_as_built
        out["related_words"] = self.related_words
        out["related_words_damage"] = self.related_words_damage
        return out


def read_status(notes_dir, index_dir) -> Status:
    """The status of index_dir and of notes_dir since it was built. Raises IndexNotFoundError etc."""
    from .coverage import coverage
    from .errors import IndexCorruptError
    from .store import check_files, of_other_notes, read_manifest
    from .vault import app_of

    gen, manifest = read_manifest(index_dir)
    here = Path(notes_dir).is_dir()
    # (its changes against another folder mean nothing; a folder not there is said so)
    other = of_other_notes(manifest, Path(notes_dir)) if here else None
    try:
        check_files(Path(index_dir), gen, manifest)
    except IndexCorruptError:  # a build that switched generations meanwhile (and removed this one) damaged nothing
        again = read_manifest(index_dir)
        if again[0] == gen:
            raise
        gen, manifest = again
        check_files(Path(index_dir), gen, manifest)
    changes = changes_since_build(notes_dir, manifest, Path(index_dir)) if here and not other else None
    read_as = app_of(Path(notes_dir), _found(manifest))
    related_words, words_damage = _words_kept(gen)
    return Status(
        index=str(index_dir), generation=gen.name, built_at=manifest.built_at, model=manifest.model,
        precision=manifest.precision, format_version=manifest.format_version,
        notes=manifest.counts.notes, chunks=manifest.counts.chunks, skipped=manifest.counts.skipped,
        # files, and what is no file (a symlink loop, a folder that could not be listed)
        skipped_files=tuple(sorted([(rel, v.reason) for rel, v in manifest.skipped.items()] + [
            (p.path, p.reason) for p in manifest.problems if p.action == "skipped" and p.path not in manifest.skipped])),
        excluded=tuple((p.path, p.reason) for p in manifest.problems if p.action == EXCLUDED),
        not_read=tuple((p.path, p.reason) for p in manifest.problems if p.action == NOT_READ),
        repaired_files=tuple((rel, "; ".join(v.repaired)) for rel, v in sorted(manifest.notes.items()) if v.repaired),
        coverage=coverage(manifest.notes), notes_dir=str(notes_dir), changes=changes,
        read_by_older=read_by_older(manifest), read_as=read_as,
        read_as_built=manifest.read_as if here and manifest.read_as not in (None, read_as) else "",
        no_text=tuple(sorted(rel for rel, entry in manifest.notes.items() if entry.chunks == 0)), of_notes=other or "",
        related_words=related_words, related_words_damage=words_damage)


def _words_kept(gen: Path) -> tuple[int | None, str]:
    """(how many of the notes' words the generation keeps, or None; what is damaged of them, or "")."""
    from .store import VOCABULARY
    from .vocabulary import Vocabulary

    try:
        return Vocabulary.words_kept(gen / VOCABULARY), ""
    except ValueError as exc:
        return None, f"{VOCABULARY}/{exc}"


def read_by_older(manifest: Manifest) -> bool:
    """Was the index built by a notesqa that read notes otherwise (another chunker version)? Its next build
    reads every note anew, reusing the vectors of the text that did not change."""
    from .chunking import CHUNKER_VERSION

    built = manifest.fingerprint.get("chunker")
    return built is not None and str(built) != CHUNKER_VERSION


def read_otherwise(manifest: Manifest, notes_dir) -> bool:
    """Are the notes read otherwise now than the build read them (a dendron.yml added, a logseq/ folder)? The next
    build reads every note again (the review: status and the chat's watcher had not said so)."""
    from .vault import app_of

    return manifest.read_as is not None and Path(notes_dir).is_dir() and \
        manifest.read_as != app_of(Path(notes_dir), _found(manifest))


def _found(manifest: Manifest) -> list[str]:
    """The notes the build found, as it names how it read them (vault.app_of): those indexed and those skipped (a
    Joplin sync folder of encrypted notes only is still one)."""
    return [*manifest.notes, *manifest.skipped]


def needs_build(notes_dir, index_dir) -> bool:
    """Has a note been added, changed or deleted since the index was built? A file skipped at the
    build as bad input does not count until it changes again (else a bad file would rebuild forever)."""
    from .store import read_manifest

    if not Path(notes_dir).is_dir():
        return False
    try:
        _, manifest = read_manifest(Path(index_dir))
    except NotesQAError:
        return False
    return read_by_older(manifest) or read_otherwise(manifest, notes_dir) or \
        pending(changes_since_build(notes_dir, manifest, Path(index_dir)), manifest)


# A folder of more notes than this is not scanned whole after each question: the scan would take longer
# than the answer (about 0.15 s per 3,000 notes); only the hits' notes are checked. `notesqa status` checks any size.
STALE_CHECK_MAX = 3000


def stale_since_build(notes_dir, manifest: Manifest, index_dir: Path, hits: Iterable[str] = ()) -> Changes | None:
    """The changes a build would pick up, for a front end to say its hits may be out of date; None
    when there are none. A vault too big to scan at each search (STALE_CHECK_MAX) has only the notes of
    its hits (their paths) checked (trial A: an edited note's old text had been shown unmarked)."""
    if not Path(notes_dir).is_dir():
        return None
    if len(manifest.notes) > STALE_CHECK_MAX:
        changes = hits_changed(notes_dir, manifest, hits)
        return changes if changes.marks_hits() else None
    changes = changes_since_build(notes_dir, manifest, index_dir)
    return changes if pending(changes, manifest) or changes.kept else None


def hits_changed(notes_dir, manifest: Manifest, paths: Iterable[str]) -> Changes:
    """The notes among paths (a search's hits) edited or deleted since the build: a stat each (a read for one
    of the same size), at any size of vault."""
    changed, deleted, paths = [], [], list(paths)
    for rel in dict.fromkeys(paths):
        old = manifest.notes.get(rel)
        if old is None:
            continue
        path = Path(notes_dir) / rel
        try:
            st = path.stat()
        except OSError:
            deleted.append(rel)
            continue
        if _edited(path, rel, old, st):
            changed.append(rel)
    return Changes((), tuple(changed), tuple(deleted), among_hits=True, kept=kept_earlier(manifest, paths))


def pending(changes: Changes, manifest: Manifest) -> bool:
    """Would a build pick up any of these changes? A new file skipped as bad input at the build
    does not count until it changes again (else a bad file would rebuild forever): one skipped with
    its file state is reported only once that changed (changes_since_build), so it counts then (an
    empty note an editor made, then wrote in); one without is not known to have changed."""
    known_bad = {p.path for p in manifest.problems
                 if p.path not in manifest.skipped or manifest.skipped[p.path].mtime_ns is None}
    return bool(changes.changed or changes.deleted or changes.excluded or set(changes.new) - known_bad)


def _showing_edited(notes_dir: Path, excluded: list[Path], manifest: Manifest) -> list[str]:
    """Indexed notes that show (embed) a note the vault's settings exclude, edited since the build: not
    indexed itself, it changes what they show."""
    edited: set[str] = set()
    for path in excluded if manifest.scanned_at_ns else ():  # (an index that did not record its scan time)
        try:
            if path.stat().st_mtime_ns > manifest.scanned_at_ns:
                edited.add(path.relative_to(notes_dir).as_posix())
        except OSError:
            continue
    return sorted(rel for rel, entry in manifest.notes.items() if edited.intersection(entry.deps)) if edited else []


# Notes found touched but not edited, path -> (mtime, ctime, size, the indexed text's sha): a server's watcher
# checks every few seconds, and need not read them again until they change (one entry a note at most)
_SAME_TEXT: dict[str, tuple[int, int, int, str]] = {}


def _edited(path: Path, rel: str, old, st) -> bool:
    """Has a note changed since the build: its size, or its mtime and its text (a note touched by a sync
    or a checkout is the same note)?"""
    if old.same_file(st):
        return False
    if old.size != st.st_size or not old.sha256:
        return True
    seen = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, old.sha256)
    if _SAME_TEXT.get(str(path)) == seen:
        return False
    text, _ = read_note(path, rel)
    if text is None or file_sha(text) != old.sha256:
        _SAME_TEXT.pop(str(path), None)
        return True
    _SAME_TEXT[str(path)] = seen
    return False


def changes_since_build(notes_dir, manifest: Manifest, index_dir: Path | None = None) -> Changes:
    """Notes new, changed or deleted since the index was built (a cheap size/mtime scan; a note of the
    same size is read to tell a touched note, from a sync or a checkout, from an edited one).

    Files skipped as bad input at the build are reported only once they change again
    (as "changed" if an earlier version of them is indexed, else as "new").
    """
    notes_dir = Path(notes_dir)
    prev, skipped = manifest.notes, manifest.skipped
    files, problems = discover_notes(notes_dir, exclude=[index_dir] if index_dir else [], app_settings=False)
    files, excluded = without_app_exclusions(notes_dir, files, problems)
    files, sync_folders = joplin.without_items(notes_dir, files, problems)
    # a folder that cannot be listed: its notes are not known to be gone (a build keeps them)
    unlisted = tuple(folder_prefix(p.path) for p in problems if p.kind == FOLDER)
    new, changed, seen = [], list(_showing_edited(notes_dir, excluded, manifest)), set()
    # a Joplin note given a tag, or its notebook renamed: its file is the same, its place is not
    changed += sorted(rel for rel in joplin.stale(prev, sync_folders) if rel not in changed)
    for path in files:
        rel = path.relative_to(notes_dir).as_posix()
        seen.add(rel)
        try:
            st = path.stat()
        except OSError:
            st = None
        now = (st.st_mtime_ns, st.st_size) if st is not None else (None, None)
        if rel in skipped:
            if now == (skipped[rel].mtime_ns, skipped[rel].size):
                continue
            if st is not None and st.st_size == skipped[rel].size and read_note(path, rel)[0] is None:
                continue  # touched (a sync, a checkout), and still no note: binary, empty
        elif st is None:
            continue
        old = prev.get(rel)
        if old is None:
            new.append(rel)
        elif rel not in changed and (rel in skipped or _edited(path, rel, old, st)):
            changed.append(rel)
    # a file the scan itself leaves out since the build (a sync conflict copy made since): new, for a build to
    # name it (trial W: the running server had not said so until some other change)
    said = {(p.path, p.reason) for p in manifest.problems}
    new += [p.path for p in problems if p.action == "skipped" and p.kind != FOLDER and (p.path, p.reason) not in said
            and p.path not in seen]
    left_out = {path.relative_to(notes_dir).as_posix() for path in excluded}
    gone = sorted(rel for rel in prev if rel not in seen and not rel.startswith(unlisted))
    return Changes(tuple(new), tuple(changed), tuple(rel for rel in gone if rel not in left_out),
                   kept=kept_earlier(manifest, seen), excluded=tuple(rel for rel in gone if rel in left_out))


def with_hits(changes: Changes | None, hits: Changes) -> Changes | None:
    """changes (a scan of the folder, a little while ago, or None) with what hits_changed found of the hits' notes
    now; None when neither has any."""
    if changes is None:
        return hits if hits.marks_hits() else None
    if not hits:
        return changes
    return replace(changes, changed=tuple(dict.fromkeys(changes.changed + hits.changed)),
                   deleted=tuple(dict.fromkeys(changes.deleted + hits.deleted)))


def kept_earlier(manifest: Manifest, paths: Iterable[str]) -> tuple[str, ...]:
    """Of paths, the notes the index holds an earlier version of (skipped at the build, their earlier version kept)."""
    return tuple(sorted(rel for rel in set(paths) if rel in manifest.skipped and rel in manifest.notes))
