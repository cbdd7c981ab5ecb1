"""The operations every front end offers on one notes folder and index, as JSON-able dicts.

`NotesService` holds the loaded index and model (opened lazily, once, and kept: a rebuilt
index is picked up on the next call, as NotesIndex does) and the in-process build lock.
The browser chat (`ui.chat.ChatService`) is one, and so are the MCP server (`mcp_server.py`) and
the HTTP API (`http_api.py`), so `notesqa serve` answers the chat and /api/* from one
loaded index.

    search(question, k, tags, paths, after, before)  -> the hits as `notesqa ask --json`, plus what was searched
    read_note(path, line, context)                   -> the passage around a line, or the whole note if small
    status()                                         -> what `notesqa status --json` says
    refresh()                                        -> an incremental build's report (refused while one runs)

`validate(op, args)` checks a request's arguments strictly (unknown names, types, ranges)
for both front ends. Every problem is a NotesQAError whose message says what to do; the
front ends turn it into an error result, never a traceback. Importing this module is light.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import re
import time
import threading
from collections.abc import Mapping
from pathlib import Path

from .errors import (ArgumentError, BuildLockedError, IndexNotFoundError, ModelMismatchError, NoteNotFoundError,
                     NotesQAError, NoteUnreadableError)
from . import joplin
from .canvas import is_canvas, readable
from .config import K_MAX, NOTE_SUFFIXES
from .notefiles import NOTES_READ, inside_notes, logseq_settings, nfc, readable_path

log = logging.getLogger("notesqa.service")

CONTEXT_DEFAULT = 15  # lines shown each side of a line by read_note
CONTEXT_MAX = 200
WHOLE_MAX = 300  # a note of at most this many lines is returned whole when no line is given
PASSAGE_MAX = 60  # read_note around a line shows the passage that starts there to its end, up to this many lines


# --------------------------------------------------------------------------- arguments

# op -> {name: (kind, required)}; kind: "text", "texts" (a string or a list of strings), "int", "date"
OPERATIONS: dict[str, dict[str, tuple[str, bool]]] = {
    "search": {"question": ("text", True), "k": ("int", False), "tags": ("texts", False),
               "paths": ("texts", False), "after": ("date", False), "before": ("date", False),
               "explain": ("flag", False)},
    "read_note": {"path": ("text", True), "line": ("int", False), "context": ("int", False)},
    "status": {},
    "refresh": {},
}
RANGES = {"k": (1, K_MAX), "line": (1, 10**9), "context": (0, CONTEXT_MAX)}


def validate(op: str, args: Mapping | None, *, names: Mapping[str, str] | None = None,
             from_text: bool = False) -> dict:
    """args checked for operation op: a dict of the known arguments given, or ArgumentError.

    names maps the front end's argument names to op's (HTTP's q -> question); messages use the
    front end's names. from_text: values arrive as text (a query string) and ints are parsed."""
    spec = OPERATIONS[op]
    names = dict(names or {})
    outer = {inner: out for out, inner in names.items()}  # op's name -> the front end's name
    if args is None:
        args = {}
    if not isinstance(args, Mapping):
        raise ArgumentError("Arguments must be an object of named values.")
    allowed = sorted(outer.get(n, n) for n in spec)
    out: dict = {}
    for given, value in args.items():
        name = names.get(given, given)
        if name not in spec or (given == name and name in outer):  # op's own name where the front end renames it
            hint = ("it takes " + ", ".join(allowed)) if allowed else "it takes no arguments"
            raise ArgumentError(f"Unknown argument {given!r}: {hint}.")
        out[name] = _check(name, outer.get(name, name), spec[name][0], value, from_text)
    for name, (_, required) in spec.items():
        if required and out.get(name) is None:
            raise ArgumentError(f"Missing argument {outer.get(name, name)!r}: it is required.")
    return {k: v for k, v in out.items() if v is not None}


def _check(name: str, shown: str, kind: str, value, from_text: bool):
    """value checked as kind; messages name the argument as the caller knows it (shown)."""
    if value is None:
        return None
    if from_text and isinstance(value, list) and kind != "texts":
        if len(value) != 1:
            raise ArgumentError(f"{shown} was given {len(value)} times: give it once.")
        value = value[0]
    if kind in ("text", "date"):
        if not isinstance(value, str):
            raise ArgumentError(f"{shown} must be text, got {_kind(value)}.")
        if kind == "date":
            from .query import parse_date

            return parse_date(value.strip(), shown) if value.strip() else None
        return value
    if kind == "flag":
        return _flag(shown, value, from_text)
    if kind == "texts":
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ArgumentError(f"{shown} must be a list of text values (or one text), got {_kind(value)}.")
        values = [v.strip() for v in values if v.strip()]
        return values or None
    lo, hi = RANGES[name]
    if from_text and isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,12}\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(f"{shown} must be a whole number from {lo} to {hi}, got {_kind(value)}.")
    if not lo <= value <= hi:
        raise ArgumentError(f"{shown} must be from {lo} to {hi}, got {value}.")
    return value


def _flag(shown: str, value, from_text: bool) -> bool:
    """A true/false argument: JSON's true and false, or in a query string true/false, 1/0, yes/no."""
    if isinstance(value, bool):
        return value
    if from_text and isinstance(value, str) and value.strip().lower() in _FLAGS:
        return _FLAGS[value.strip().lower()]
    raise ArgumentError(f"{shown} must be true or false, got {_kind(value)}.")


_FLAGS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _kind(value) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "...")
    return {bool: "true/false", list: "a list", dict: "an object", float: "a fraction"}.get(type(value),
                                                                                           type(value).__name__)


# --------------------------------------------------------------------------- the service


STALE_EVERY = 2.0  # seconds a search's check for notes changed since the build holds (a scan of the folder)


class NotesService:
    """One notes folder and its index, loaded once; the operations the front ends share."""

    def __init__(self, notes_dir, index_dir, model: str | None = None, embedder=None, first_build: bool = True):
        self.notes_dir = Path(notes_dir)
        self.index_dir = Path(index_dir)
        self._stale: tuple = (None, None, None)  # (when, of which manifest, the changes found): _say_stale
        self.model = model or (embedder.name if embedder is not None else None)  # a given embedder is asked for
        self._embedder = embedder
        self._index = None
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.build_error: str | None = None
        self.building = False
        self.rebuilding = False  # the build running is a full rebuild (the chat's Refresh says so, not queued)
        self.first_build = first_build  # a search with no index yet builds it first (as `notesqa ask` does)
        self._vault = None  # (the index build it is for, Vault)

    # -- the index

    def index(self):
        """The loaded NotesIndex (opened on first use, then kept)."""
        from .search import NotesIndex

        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = NotesIndex.open(self.index_dir, model=self.model, embedder=self._embedder)
                    if self._embedder is None:
                        self._embedder = self._index.embedder
        return self._index

    def loaded(self) -> bool:
        """Is the index loaded and current (a question answers in milliseconds, with no build, model or
        generation load first)?"""
        return self._index is not None and self._index.is_current()

    @property
    def stale_reason(self) -> str | None:
        """Why a newer index on disk is not used (damaged, another model), while the loaded one answers."""
        return self._index.stale_reason if self._index is not None else None

    def wait_for_build(self, timeout: float) -> bool:
        """Wait until no build runs (at most timeout seconds); True if none runs now."""
        if not self._build_lock.acquire(timeout=timeout):
            return False
        self._build_lock.release()
        return True

    def has_index(self) -> bool:
        from .store import read_current

        try:
            return read_current(self.index_dir) is not None
        except NotesQAError:
            return False

    def _models(self) -> tuple[str | None, str]:
        """(the model the index was built with, None without a readable index; the model a build uses: config.
        choose_model's, as the CLI's)."""
        from .config import choose_model
        from .store import read_manifest

        try:
            built_with = read_manifest(self.index_dir)[1].model
        except NotesQAError:
            built_with = None  # no index yet (or unreadable): the build says so, or builds the first one
        return built_with, choose_model(self.model, built_with)

    def _build_embedder(self):
        """The embedder for a build: _models()'s, the one in use if it is that model."""
        from .indexing import embedder_for

        model = self._models()[1]
        if self._embedder is None or self._embedder.name != model:
            self._embedder = embedder_for(self.index_dir, model)
        return self._embedder

    def _keeps_model(self) -> None:
        """Raises ModelMismatchError when a build would re-embed every note with another model than the index's:
        a refresh (an assistant's refresh_index, POST /api/refresh, the chat's watcher or Refresh button) is no
        rebuild (trial s37's MCP refresh_index had replaced a whole index's vectors); a rebuild is asked for."""
        built_with, model = self._models()
        if built_with is not None and model != built_with:
            raise ModelMismatchError(
                f"The index in {self.index_dir}/ was built with model '{built_with}', and this server was started "
                f"with '{model}': a refresh would re-embed every note with it. To keep the index's model, start the "
                f"server without --model (and without $NOTESQA_MODEL); to change it, rebuild: notesqa index --notes "
                f"{self.notes_dir} --index {self.index_dir} --model {model} --rebuild")

    def build(self, progress=None, rebuild: bool = False, wait: bool = True):
        """Build or refresh the index; progress(fraction, message). Raises NotesQAError.

        wait=False: refused with BuildLockedError if a build is running (here or in another process)."""
        from .indexing import build_index

        def report(stage, done, total):
            if progress is None:
                return
            # the bar is each step's own share, so the percent shown beside the label is the label's count's
            # (trial V: "Reading notes 32/485 - 0.7%", the whole build's share, had read as a wrong sum)
            part = done / max(total, 1)
            label = {"parse": f"Step 1 of 3, reading notes: {done} of {total}",
                     "embed": f"Step 2 of 3, embedding: {done} of {total} passages",
                     "words": f"Step 3 of 3, writing the index: the notes' words, {done} of {total}",
                     "write": "Step 3 of 3, writing the index",
                     # (trial s39: a refresh queued behind a build of another process had said "Looking for notes")
                     "wait": "Waiting for another build of this index (from another process) to finish"
                     }.get(stage, "Looking for notes")
            progress(min(part, 1.0), label)

        if not rebuild:
            self._keeps_model()
        if not self._build_lock.acquire(blocking=wait):
            raise BuildLockedError(f"An index build of {self.index_dir}/ is already running in this server: "
                                   "wait for it to finish (the index status says when it is done), then try again.")
        try:
            self.building, self.rebuilding = True, rebuild
            index = self._index
            with index.loaded_after() if index is not None else contextlib.nullcontext():
                rep = build_index(self.notes_dir, self.index_dir, embedder=self._build_embedder(), rebuild=rebuild,
                                  wait=wait, progress=report)
            if self._index is not None and self._index is not index:  # opened by a question while it ran
                self._index.refresh()
            self.build_error = None
            return rep
        except BuildLockedError:
            raise  # another build is running: nothing failed
        except NotesQAError as exc:
            self.build_error = str(exc)
            raise
        except Exception as exc:  # noqa: BLE001 - reported as one line, logged in full on the server
            log.exception("index build failed")
            # a bug, or notesqa updated under a running server: the log has the traceback
            self.build_error = (f"an unexpected error ({type(exc).__name__}); the server log has the details. If "
                                "notesqa was updated while this server ran, restart it")
            raise NotesQAError(f"The index could not be built: {self.build_error}.") from exc
        finally:
            self.building = self.rebuilding = False
            self._build_lock.release()
            _return_freed_memory()

    def _ready_index(self):
        """The index for a question: with none yet, the first one is built (as `notesqa ask` does)."""
        if not self.has_index() and self.first_build and self.notes_dir.is_dir():
            log.info("No index in %s/ yet: building it from %s/ first.", self.index_dir, self.notes_dir)
            self.build(wait=True)
        idx = self.index()
        idx.refresh()
        return idx

    # -- paths

    def resolve_note(self, path: str) -> Path:
        """The note file for an indexed path; nothing outside the notes folder, nothing not indexed.

        The path is checked before anything is read: no absolute paths, drive letters, backslashes
        or "..", and it must be a note of the loaded index; a file link out of the folder is refused (a
        note in a folder linked into it is inside, as the build reads it)."""
        bad = (not isinstance(path, str) or not path or "\x00" in path or "\\" in path or path.startswith("/")
               or re.match(r"^[A-Za-z]:", path) or ".." in path.split("/"))
        if bad:
            raise NoteNotFoundError("That is not a note in the index: give a path relative to the notes folder, "
                               "as search results show it (for example projects/plan.md).")
        idx = self.index()
        idx.refresh()
        path = self._as_indexed(idx.manifest, path)
        if path not in idx.manifest.notes:
            raise NoteNotFoundError(self._not_indexed(idx.manifest, path))
        if not inside_notes(self.notes_dir, path):
            raise NoteNotFoundError(f"{path} is outside the notes folder: only notes inside it can be read.")
        return (self.notes_dir / path).resolve()

    @staticmethod
    def _as_indexed(manifest, path: str) -> str:
        """The index's own spelling of a path typed as "./work/a.md", without its ".md" (a note's name, as
        Dendron and an assistant write it: "proj.ingest.onboarding"), in the other Unicode form (a macOS
        file name), or as the chat shows a Notion page's (without its ids)."""
        path = posixpath.normpath(path) if path.startswith("./") else path
        if path in manifest.notes:
            return path
        for named in (f"{path}.md", f"{path}.txt"):  # a plain-text note's name too
            if named in manifest.notes:
                return named
        want = nfc(path)
        if not path.isascii() and (same := next((rel for rel in manifest.notes if nfc(rel) == want), None)):
            return same
        # a Notion page by the path the chat shows it at, without the ids ("UX Research Hub/Journal/March 4, 2024.md")
        shown = [rel for rel in manifest.notes if readable_path(rel) in (want, f"{want}.md")]
        return shown[0] if len(shown) == 1 else path

    def _not_indexed(self, manifest, path: str) -> str:
        """Why a path is not a note of the index, and what to do: skipped at the build, excluded by the
        vault's settings, or not there (yet)."""
        from .notefiles import app_exclusions

        if path in manifest.skipped:
            return f"{path} was skipped at the last build: {manifest.skipped[path].reason}."
        excluded = next((why for prefix, why in app_exclusions(self.notes_dir).items()
                         if path == prefix or path.startswith(prefix.rstrip("/") + "/")), None)
        if excluded:
            return f"{path} is not indexed: {excluded}."
        if not inside_notes(self.notes_dir, path):
            return f"{path} is not a note in the index: it leads outside the notes folder, whose notes alone are read."
        hidden = next((part for part in path.split("/") if part.startswith(".") and part != "."), None)
        if hidden and (self.notes_dir / path).exists():
            # .trash, .obsidian, .git: what the app keeps beside the notes, never indexed (a refresh won't help)
            what = "a hidden file" if hidden == path.rsplit("/", 1)[-1] else f"in a hidden folder ({hidden}/)"
            return f"{path} is not indexed: it is {what}, and those are not read as notes."
        parts = path.split("/")
        if any(logseq_settings(self.notes_dir.joinpath(*parts[:i + 1])) for i in range(len(parts) - 1)):
            return (f"{path} is not indexed: it is in a Logseq graph's settings and backups folder (logseq/), which is "
                    "not read as notes.")
        if (self.notes_dir / path).is_file():
            if posixpath.splitext(path)[1].lower() not in NOTE_SUFFIXES:
                return f"{path} is not a note: {NOTES_READ}."
            return f"{path} is not in the index yet: refresh the index to include it."
        return f"{path} is not a note in the index: use a path from a search result."

    def vault(self):
        """The Vault of the indexed notes (their names, ids and embeds), made once per index build."""
        from .vault import Vault

        idx = self.index()
        key = idx.manifest.built_at, len(idx.manifest.notes)
        if self._vault is None or self._vault[0] != key:
            self._vault = (key, Vault(self.notes_dir, idx.manifest.notes.keys()))
        return self._vault[1]

    def current_chunks(self, path: str, text: str) -> list:
        """The chunks of indexed note `path` whose file now holds `text`: the index's while the file is
        as it was indexed, else the text chunked again as a build would (for a note edited since)."""
        from .chunking import chunk_note, make_token_splitter
        from .notefiles import file_sha
        from .parsing import parse_note

        idx = self.index()
        entry = idx.manifest.notes.get(path)
        if entry is not None and entry.sha256 == file_sha(text):
            return idx.note_chunks(path)
        model = idx.embedder
        # the vault reads links, block references and embeds as the build did; the model's window cuts
        # long paragraphs into the same runs of sentences
        split = make_token_splitter(model.count_tokens, model.max_tokens)
        return chunk_note(parse_note(text, path, self.vault()), split)

    # -- the operations

    def search(self, question: str, k: int = 5, tags=None, paths=None, after=None, before=None,
               explain: bool = False) -> dict:
        """The k best hits as `notesqa ask --json` gives them, best first, and what was searched; each hit's
        `explain` (why it ranked there) only with explain=True, as `--json` gives it only with `--explain`
        (an assistant's every word costs, and an editor's request should be small)."""
        from .hits import no_match
        from .query import check_question, merge_filters, parse_query

        check_question(question)
        if not 1 <= int(k) <= K_MAX:
            raise ArgumentError(f"k must be from 1 to {K_MAX}, got {k}.")
        merge_filters(parse_query(question)[1], tags, paths, after, before)  # a misspelt filter: an error here
        idx = self._ready_index()
        text, filters = idx.parsed(question, tags, paths, after, before)  # "-name" a flag of the notes: a word
        spelling = idx.spelling(question)
        hits = idx.search(question, k=int(k), tags=tags or None, paths=paths or None, after=after, before=before)
        out = {
            "question": question,
            # the words searched: a typo as the notes' word it was searched as (then "spelled": "shufle", "shuffle")
            "searched": {"text": spelling.text, "k": int(k), "tags": list(filters.tags), "paths": list(filters.paths),
                         "after": filters.after, "before": filters.before, "phrases": list(filters.phrases),
                         "excluded": list(filters.excluded), "not_tags": list(filters.not_tags),
                         "not_paths": list(filters.not_paths)},
            "hits": [{key: v for key, v in h.to_dict().items() if explain or key != "explain"} for h in hits],
        }
        if spelling.fixes:
            out["searched"]["spelled"] = [{"typed": f.typed, "searched": f.searched} for f in spelling.fixes]
        if filters.as_words:  # a tag no note has, searched as words of the question ("tag:latest")
            out["searched"]["as_words"] = list(filters.as_words)
        if hits:
            said = idx.notice(hits, question)  # (the question, not its parsed words: what a dash left out is said)
        else:
            why = idx.why_nothing(question, tags=tags, paths=paths, after=after, before=before)
            said = no_match(bool(filters), why)
        if said:
            out["message"] = said
        others = idx.others_from(hits, question)
        if others is not None:  # "what is due this week?": hits from this position on are not of this week
            out["others_from"] = {"hit": others[0] + 1, "message": others[1]}
        self._say_stale(idx, out)
        return out

    def _say_stale(self, idx, out: dict) -> None:
        """Notes added, edited or deleted since the build: say so, and mark the hits from notes edited or
        deleted (their text or line may have moved), for an assistant that has no watcher to rely on."""
        changes = self.changes_since_build(idx, [hit["path"] for hit in out["hits"]])
        if changes is None:
            return
        for hit in out["hits"]:
            if changes.became(hit["path"]):
                hit["stale"] = True  # (a note kept at an earlier version too: its file could not be read)
        if not changes:
            return
        said = f"{changes.summary()} notes" if not changes.among_hits else \
            f"{len(changes.changed) + len(changes.deleted)} of these hits' notes changed or deleted"
        out["stale"] = {"new": len(changes.new), "changed": len(changes.changed), "deleted": len(changes.deleted),
                        **({"excluded": len(changes.excluded)} if changes.excluded else {}),
                        "message": f"{said} since the index was built: these hits may be out of "
                                   "date. Refresh the index (refresh_index, POST /api/refresh) to include them."}

    def changes_since_build(self, idx, hits: list[str] = ()):
        """The notes added, edited or deleted since idx was built (status.stale_since_build), scanned at most
        every STALE_EVERY seconds; None when there are none. In a folder too big to scan at each question,
        the hits' notes (their paths) are checked, each time (a few stats)."""
        from .status import STALE_CHECK_MAX, hits_changed, stale_since_build, with_hits

        if len(idx.manifest.notes) > STALE_CHECK_MAX:
            return stale_since_build(self.notes_dir, idx.manifest, self.index_dir, hits)
        now, (at, manifest, changes) = time.monotonic(), self._stale
        if at is None or manifest is not idx.manifest or now - at > STALE_EVERY:
            changes = stale_since_build(self.notes_dir, idx.manifest, self.index_dir)
            self._stale = (now, idx.manifest, changes)
        elif hits:  # the folder's scan is kept a while; the hits' own notes are checked now (trial s39: a note saved a
            # second before had been shown unmarked for 2-3 s)
            changes = with_hits(changes, hits_changed(self.notes_dir, idx.manifest, hits))
        return changes

    def read_note(self, path: str, line: int | None = None, context: int | None = None) -> dict:
        """The passage around line (context lines each side), or the whole note if small."""
        context = CONTEXT_DEFAULT if context is None else int(context)
        text = self.note_text(path)
        path = self._as_indexed(self.index().manifest, path)
        lines = joplin.without_block(text.replace("\r\n", "\n").replace("\r", "\n"), path).split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        total = len(lines)
        title = self.note_title(path)
        if line is not None and not 1 <= line <= max(total, 1):
            raise ArgumentError(f"line {line} is past the end of {path}, which has {total} lines.")
        if line is None:
            start, end = 1, min(total, WHOLE_MAX)
        else:  # ... and the whole passage that starts there (a Logseq card's answer under its properties)
            start, end = max(1, line - context), min(total, self._passage_end(path, line) + context)
        out = {"path": path, "title": title, "line": line, "start_line": start, "end_line": end,
               "total_lines": total, "whole": start == 1 and end == total,
               "text": "\n".join(lines[start - 1:end])}
        if is_canvas(path):  # its JSON is no reading: the text of its cards at those lines, in reading order
            start, end = (1, total) if line is None else (start, end)
            out.update(start_line=start, end_line=end, whole=start == 1 and end == total,
                       text=readable(text, lambda at: start <= at <= end)[0],
                       message="A canvas: the text of its cards, in reading order, as markdown (the lines are the "
                               "canvas file's).")
        else:
            if line is None and end < total:
                out["message"] = (f"The note has {total} lines; the first {end} are shown. Pass line (and "
                                  "context) to read around a passage.")
            out.update(self._references(path, lines, start, end))
        return out

    def _references(self, path: str, lines: list[str], start: int, end: int) -> dict:
        """{"references": [...]}: what the embeds and block references on the lines shown read as (their text is
        not in the note's source), or {} when they hold none."""
        from dataclasses import asdict

        from .vault import references

        found = references(self.vault(), lines, start, end, path)
        return {"references": [asdict(r) for r in found]} if found else {}

    def _passage_end(self, path: str, line: int) -> int:
        """The last line of the indexed passage that starts at line, with the blocks under it (a card's answer) or
        the rest of the long paragraph or code block it begins, up to PASSAGE_MAX lines on; line itself where no
        passage starts."""
        chunks = self.index().note_chunks(path)
        at = next((i for i, c in enumerate(chunks) if c.line == line), None)
        if at is None:
            return line
        end, under, group = chunks[at].end_line or line, {chunks[at].seq}, chunks[at].group
        for c in chunks[at + 1:]:
            if c.parent not in under and (group is None or c.group != group):  # (a long code block's next piece)
                break
            under.add(c.seq)
            end = max(end, c.end_line or c.line)
        return min(end, line + PASSAGE_MAX)

    def status(self) -> dict:
        """What `notesqa status --json` says, notes changed since the build included."""
        from .status import read_status

        info = read_status(self.notes_dir, self.index_dir).to_dict()
        info["building"] = self.building
        if self.stale_reason:
            info["stale_reason"] = self.stale_reason
        return info

    def refresh(self, rebuild: bool = False) -> dict:
        """An incremental build (only new or changed text is embedded); refused while another build runs, and
        when it would re-embed every note with another model than the index's (build)."""
        rep = self.build(wait=False, rebuild=rebuild)
        out = rep.to_dict()
        out["summary"] = rep.summary()
        return out

    def notes(self) -> list[dict]:
        """The indexed notes (with a note of only a title or front matter: it holds no passage, but is a
        note all the same): path and title, in path order."""
        idx = self.index()
        idx.refresh()
        return [{"path": p, "title": self.note_title(p)} for p in sorted(idx.manifest.notes)]

    def note_title(self, path: str) -> str:
        """An indexed note's title as the build read it (its path, if it has none)."""
        entry = self.index().manifest.notes.get(path)
        return entry.title if entry is not None and entry.title else path

    def note_text(self, path: str, readable_canvas: bool = False) -> str:
        """A whole indexed note's text (its path checked: resolve_note), as read_note reads it; with
        readable_canvas, a canvas as its cards' markdown (canvas.readable), not its JSON."""
        from .notefiles import read_note

        full = self.resolve_note(path)
        text, problem = read_note(full, path)
        if text is None and not os.path.lexists(full):
            raise NoteNotFoundError(f"{path} was deleted or moved since the index was built: refresh the index "
                                    "(its hits then go too).")
        if text is None:
            raise NoteUnreadableError(f"{path} cannot be read now: {problem.reason if problem else 'unreadable'} "
                                      "(the index keeps its last readable version).")
        return readable(text)[0] if readable_canvas and is_canvas(path) else text

    def call(self, op: str, args: Mapping | None = None, **validate_kw) -> dict:
        """Validate args for op and run it."""
        kwargs = validate(op, args, **validate_kw)
        return getattr(self, op)(**kwargs)


def no_index_hint(exc: NotesQAError, how: str) -> str:
    """An IndexNotFoundError's message with the front end's own way to build one."""
    msg = str(exc)
    if isinstance(exc, IndexNotFoundError):
        msg = f"{msg} Or {how}."
    return msg


def _return_freed_memory() -> None:
    """Give the memory a build freed back to the system. glibc keeps freed heap in its arenas, so a
    server stayed at its last build's size (trial L: 335 MB before an edit, 438 MB after). Linux only."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl): nothing to give back this way
        pass
