"""manifest.json: what one index generation holds, what built it, and each note's state.

The build writes it last (a generation with a manifest is a complete one); everything
else reads it through these types. from_json/to_json are the format: to_json writes the
keys in the order this file lists them, and from_json takes any manifest format 1 ever
wrote (older builds left out some keys; a missing key reads as its default here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Mapping

from .notefiles import Problem


def _strings(value) -> tuple[str, ...]:
    return tuple(value or ())


@dataclass(frozen=True)
class NoteEntry:
    """One indexed note: its file state when read, and what its chunks hold of it."""

    mtime_ns: int | None
    size: int | None
    sha256: str | None
    title: str | None
    chunks: int | None  # how many chunks it has in chunks.jsonl
    chars: int | None = None  # characters of notes text (None: built before coverage was kept)
    indexed: int | None = None  # of those, held by its chunks
    lost: tuple[str, ...] = ()  # text the parser could not read as notes text, and why
    cut: tuple[str, ...] = ()  # text chunking leaves out by design (the end of a long code block)
    deps: tuple[str, ...] = ()  # notes it shows text of (embeds, block references)
    aliases: tuple[str, ...] = ()  # its other names
    repaired: tuple[str, ...] = ()  # repairs made reading it (encoding fallback, broken front matter)
    credits: tuple[str, ...] = ()  # who or where it is from (front matter authors, attendees, venue)
    properties: tuple[str, ...] = ()  # its other short fields, "status: Done" ("which studies are done?")
    # the file's ctime when read: an edit whose mtime was put back (cp -p, rsync -t, a backup restored) changes it
    # (None: built before it was kept)
    ctime_ns: int | None = None

    @classmethod
    def from_json(cls, d: dict) -> "NoteEntry":
        return cls(d.get("mtime_ns"), d.get("size"), d.get("sha256"), d.get("title"), d.get("chunks"),
                   d.get("chars"), d.get("indexed"), _strings(d.get("lost")), _strings(d.get("cut")),
                   _strings(d.get("deps")), _strings(d.get("aliases")), _strings(d.get("repaired")),
                   _strings(d.get("credits")), _strings(d.get("properties")), d.get("ctime_ns"))

    def same_file(self, st) -> bool:
        """Is st (os.stat_result) the file as it was read: its size and mtime, and its ctime when kept?"""
        return (self.mtime_ns, self.size) == (st.st_mtime_ns, st.st_size) and \
            self.ctime_ns in (None, st.st_ctime_ns)

    def to_json(self) -> dict:
        d = {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256, "title": self.title,
             "chunks": self.chunks}
        for key in ("ctime_ns", "chars", "indexed"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        for key in ("lost", "cut", "deps", "aliases", "repaired", "credits", "properties"):  # written only when there are any
            if getattr(self, key):
                d[key] = list(getattr(self, key))
        return d


@dataclass(frozen=True)
class SkippedEntry:
    """A file left out of the build, with its file state if it had one (a broken symlink has none)."""

    mtime_ns: int | None
    size: int | None
    reason: str | None

    @classmethod
    def from_json(cls, d: dict) -> "SkippedEntry":
        return cls(d.get("mtime_ns"), d.get("size"), d.get("reason"))

    def to_json(self) -> dict:
        stat = {"mtime_ns": self.mtime_ns, "size": self.size} if self.mtime_ns is not None else {}
        return {**stat, "reason": self.reason}


@dataclass(frozen=True)
class Counts:
    notes: int | None = None
    chunks: int | None = None
    skipped: int | None = None
    repaired: int | None = None

    @classmethod
    def from_json(cls, d: dict) -> "Counts":
        return cls(d.get("notes"), d.get("chunks"), d.get("skipped"), d.get("repaired"))

    def to_json(self) -> dict:
        return {"notes": self.notes, "chunks": self.chunks, "skipped": self.skipped, "repaired": self.repaired}


@dataclass(frozen=True)
class Manifest:
    format_version: int
    notesqa_version: str | None = None
    built_at: str | None = None  # ISO time, to the second
    scanned_at_ns: int = 0  # when the build listed the notes (0: not recorded)
    notes_dir: str | None = None  # the folder it was built from, resolved
    model: str | None = None
    fingerprint: Mapping = field(default_factory=dict)  # everything that shapes the vectors (indexing.fingerprint)
    # Written for the format and for people reading the file: the dimension the code compares is
    # fingerprint["dim"]; a keyword tokenizer other than today's has the keyword side rebuilt at load
    # (store.py), and by the next build.
    dim: int | None = None
    keyword_tokenizer: str | None = None
    dense_index: str | None = None  # the dense backend (dense.FLAT or dense.HNSW): chosen at load by this
    counts: Counts = Counts()
    problems: tuple[Problem, ...] = ()
    notes: Mapping[str, NoteEntry] = field(default_factory=dict)  # path -> entry, in the build's order
    skipped: Mapping[str, SkippedEntry] = field(default_factory=dict)
    # each file of the generation (its path in it) -> its size in bytes when written: `status` tells a damaged
    # index by them without loading it (empty: written before they were recorded)
    files: Mapping[str, int] = field(default_factory=dict)
    # how the notes were read (vault.app_of: "a folder of markdown notes, with a Dendron vault in dendron/"): a build
    # that reads them otherwise reads every note again (None: written before it was recorded)
    read_as: str | None = None

    @property
    def precision(self) -> str | None:
        """The embedder precision the vectors were made with (fp32, int8), if the model has one."""
        return self.fingerprint.get("precision")

    @classmethod
    def from_json(cls, d: dict) -> "Manifest":
        """Raises TypeError, ValueError, KeyError or AttributeError on a malformed manifest: one
        without the model, fingerprint, counts and notes every build writes is one."""
        for key, kind in (("model", str), ("fingerprint", dict), ("counts", dict), ("notes", dict)):
            if not isinstance(d.get(key), kind):
                raise ValueError(f"{key!r} is missing or not a {kind.__name__}")
        return cls(
            format_version=d["format_version"],
            notesqa_version=d.get("notesqa_version"),
            built_at=d.get("built_at"),
            scanned_at_ns=int(d.get("scanned_at_ns") or 0),
            notes_dir=d.get("notes_dir"),
            model=d.get("model"),
            fingerprint=dict(d.get("fingerprint") or {}),
            dim=d.get("dim"),
            keyword_tokenizer=d.get("keyword_tokenizer"),
            dense_index=d.get("dense_index"),
            counts=Counts.from_json(d.get("counts") or {}),
            problems=tuple(Problem(p["path"], p["action"], p["reason"]) for p in d.get("problems") or ()),
            notes={rel: NoteEntry.from_json(e) for rel, e in (d.get("notes") or {}).items()},
            skipped={rel: SkippedEntry.from_json(e) for rel, e in (d.get("skipped") or {}).items()},
            files={str(name): int(size) for name, size in (d.get("files") or {}).items()},
            read_as=d.get("read_as"),
        )

    def to_json(self) -> dict:
        return {
            "format_version": self.format_version,
            "notesqa_version": self.notesqa_version,
            "built_at": self.built_at,
            "scanned_at_ns": self.scanned_at_ns,
            "notes_dir": self.notes_dir,
            "model": self.model,
            "fingerprint": dict(self.fingerprint),
            "dim": self.dim,
            "keyword_tokenizer": self.keyword_tokenizer,
            "dense_index": self.dense_index,
            "counts": self.counts.to_json(),
            "problems": [p.to_dict() for p in self.problems],
            "notes": {rel: e.to_json() for rel, e in self.notes.items()},
            "skipped": {rel: e.to_json() for rel, e in self.skipped.items()},
            "files": dict(self.files),
            "read_as": self.read_as,
        }

    def dumps(self) -> str:
        """The text of manifest.json."""
        return json.dumps(self.to_json(), indent=1, ensure_ascii=False)
