"""A Joplin sync folder (or a "RAW - Joplin Export Directory"), read the way Joplin shows it.

Joplin writes one file per item, `<32 hex id>.md` (BaseItem.serialize): the item's title on the first line, a
blank line, its body (a note's markdown), then after the last blank line a block of `key: value` lines that
ends with `type_: N`. Only notes (type 1) are notes; notebooks (2), attachments (4), tags (5), the tags given
to notes (6), keys, revisions and the rest are not, and are read only for what they say of the notes: a note
is shown in its notebook (folder titles through parent_id) under its title, tagged by its note_tag items, dated
by user_created_time. Its metadata block is never text. An encrypted item (end-to-end encryption) cannot be
read here; a conflict copy is a note, in Joplin's Conflicts folder. A folder is read so when most of its .md
files are named as items and one of them is one; each file is then read as an item when it is one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping
from urllib.parse import quote

from .config import MARKDOWN_SUFFIXES
from .notefiles import NOT_READ, Problem
from .wording import counted

if TYPE_CHECKING:
    from .manifest import NoteEntry
    from .units import ParsedNote
    from .vault import Vault

ITEM_NAME = re.compile(r"^([0-9a-f]{32})\.md$")
NOTE, NOTEBOOK, RESOURCE, TAG, NOTE_TAG = 1, 2, 4, 5, 6
KINDS = {NOTEBOOK: "notebook", RESOURCE: "attachment", TAG: "tag", NOTE_TAG: "tag link", 9: "master key",
         13: "revision"}  # what the items that are not notes are, as the build report counts them
CONFLICTS = "Conflicts"  # the folder Joplin shows conflict copies in
TAIL_BYTES = 16384  # of a file, what is read to know its item (the block is at the end; a big note's body is not)
CONTEXT_DEP = "((joplin "  # a note's dependency on its notebook path and tags: "((joplin <digest>))"
FILE_DEP = CONTEXT_DEP + "file "  # ... on an attachment's name: "((joplin file <id> <digest>))"
_LINKED = re.compile(r"\]\(:/([0-9a-f]{32})(?=[)#\s])")  # [label](:/<id>), ![alt](:/<id>): a note or an attachment
ENCRYPTED = ("encrypted by Joplin's end-to-end encryption: its text cannot be read here; decrypt it in Joplin "
             "(or export the notebook as Markdown) and index that")
_FIELD = re.compile(r"^([A-Za-z_][\w]*):(.*)$")


def is_item_path(rel: str) -> bool:
    """Is a file named as a Joplin item, `<32 hex>.md`?"""
    return ITEM_NAME.match(posixpath.basename(rel)) is not None


# --------------------------------------------------------------------------- one item


@dataclass(frozen=True)
class Item:
    """One Joplin item: its id, its type_, its title (the first line; "" when its file was read only in part) and
    its metadata block's values."""

    id: str
    type: int
    title: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def flag(self, key: str) -> bool:
        return self.fields.get(key, "0").strip() not in ("", "0")


def metadata_block(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """(the `key: value` lines after the last blank line, the index of the first of them), or None when lines do not
    end with such a block with an id and a type_ (as Joplin's unserialize reads it, trailing blank lines let be)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    values: dict[str, str] = {}
    start = end
    while start and lines[start - 1].strip():
        m = _FIELD.match(lines[start - 1].strip())
        if m is None:
            return None  # a line of text: no block
        values.setdefault(m.group(1), m.group(2).strip())
        start -= 1
    if not re.fullmatch(r"\d+", values.get("type_", "")) or not re.fullmatch(r"[0-9a-f]{32}", values.get("id", "")):
        return None
    return values, start


def item_of(text: str, rel: str) -> Item | None:
    """The item a file's text is, or None: not named as an item, or no block naming its own id."""
    m = ITEM_NAME.match(posixpath.basename(rel))
    if m is None:
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    found = metadata_block(lines)
    if found is None or found[0]["id"] != m.group(1):
        return None
    values, start = found
    title = lines[0].strip() if start > 0 else ""  # (a note_tag has no title: its block is all there is)
    return Item(values["id"], int(values["type_"]), title, values)


def read_item(path: Path, rel: str) -> Item | None:
    """The item of a file, read from its end when it is long (a big note: only its block is needed; an encrypted
    item's block, whose cipher is one long line, whole); None when the file is no item or cannot be read. Kept by
    the file's state: a search's check of changes reads no item again (the review: 0.55 s an ask on 9,000 items)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _READ:
        if len(_READ) > MAX_KEPT:
            _READ.clear()
        _READ[key] = _read_item(path, rel, st.st_size)
    return _READ[key]


_READ: dict[tuple[str, int, int], "Item | None"] = {}
MAX_KEPT = 200_000  # items kept (a few hundred bytes each)
WHOLE_BYTES = 8 << 20  # an item read whole when its tail is no block (an encrypted one): up to this size


def _read_item(path: Path, rel: str, size: int) -> Item | None:
    try:
        with open(path, "rb") as f:
            if size > TAIL_BYTES:
                f.seek(size - TAIL_BYTES)
            data = f.read(TAIL_BYTES)
            item = item_of(_tail(data, size), rel)
            if item is None and TAIL_BYTES < size <= WHOLE_BYTES:
                f.seek(0)
                item = item_of(f.read().decode("utf-8", errors="replace"), rel)
    except OSError:
        return None
    return item


def _tail(data: bytes, size: int) -> str:
    text = data.decode("utf-8", errors="replace")
    return "\n" + text.partition("\n")[2] if size > TAIL_BYTES else text  # (cut: its first line, the title, not there)


# --------------------------------------------------------------------------- a sync folder


@dataclass(frozen=True)
class Place:
    """Where Joplin shows a note (its id) and how it tags it: its notebook path ("Work/Projects"; "Conflicts" for a
    conflict copy) and its tags."""

    note: str
    notebook: str
    tags: tuple[str, ...]

    def dep(self) -> str:
        """The note's dependency on its place: another place (a notebook renamed, a tag given) reads it again (its
        id in it: a note of the same place is not read again with it)."""
        digest = hashlib.sha256(json.dumps([self.note, self.notebook, self.tags]).encode()).hexdigest()[:16]
        return f"{CONTEXT_DEP}{digest}))"


@dataclass(frozen=True)
class SyncFolder:
    """The items of one Joplin sync folder ("" the notes folder), by id."""

    folder: str
    items: Mapping[str, Item]
    tag_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # note id -> its tags' ids

    def notebook(self, parent_id: str) -> str:
        """The notebook path of a folder id, its titles from the top ("Work/Projects"); "" for none found."""
        names, seen = [], set()
        while parent_id and parent_id not in seen:
            seen.add(parent_id)
            item = self.items.get(parent_id)
            if item is None or item.type != NOTEBOOK:
                break
            names.append(item.title.replace("/", "∕") or "Untitled")  # ("/" is the path's own)
            parent_id = item.fields.get("parent_id", "")
        return "/".join(reversed(names))

    def file_name(self, id_: str) -> str | None:
        """The file name of an attachment (a resource item: its title, with its extension), "" for one not found
        (not synced yet); None for a note's id."""
        item = self.items.get(id_)
        if item is None or item.type != RESOURCE:
            return None if item is not None else ""
        name = item.title.strip() or item.fields.get("filename", "").strip() or id_
        ext = item.fields.get("file_extension", "").strip().lstrip(".")
        return name if not ext or name.lower().endswith("." + ext.lower()) else f"{name}.{ext}"

    def place(self, note: Item) -> Place:
        """Where Joplin shows the note and its tags."""
        tags = sorted({t.title for tid in self.tag_ids.get(note.id, ()) if (t := self.items.get(tid)) is not None
                       and t.type == TAG and t.title and not _deleted(t)}, key=str.casefold)
        notebook = CONFLICTS if note.flag("is_conflict") else self.notebook(note.fields.get("parent_id", ""))
        return Place(note.id, notebook, tuple(tags))


def _deleted(item: Item) -> bool:
    """Is the item in Joplin's trash (deleted_time set, Joplin 3)?"""
    return item.fields.get("deleted_time", "0").strip() not in ("", "0")


PROBED = 5  # files named as items read to tell a sync folder: one of them an item (its own id in its block)


def sync_folders(notes_dir: Path, rels: Iterable[str]) -> frozenset[str]:
    """The folders of rels ("" the notes folder) that are Joplin sync folders: most of their .md files named as
    items, and one of the first of those (PROBED) one."""
    found = set()
    for folder in sorted({posixpath.dirname(r) for r in rels if is_item_path(r)}):
        try:
            names = [n for n in os.listdir(Path(notes_dir) / folder)
                     if not n.startswith(".") and n.lower().endswith(MARKDOWN_SUFFIXES)]
        except OSError:
            continue
        items = sorted(n for n in names if ITEM_NAME.match(n))
        if 2 * len(items) > len(names) and any(read_item(Path(notes_dir) / folder / n, n) is not None
                                               for n in items[:PROBED]):
            found.add(folder)
    return frozenset(found)


def read_sync_folder(notes_dir: Path, folder: str) -> SyncFolder:
    """The items of a sync folder, each file read from its end (its block)."""
    base = Path(notes_dir) / folder
    try:
        names = sorted(n for n in os.listdir(base) if ITEM_NAME.match(n))
    except OSError:
        names = []
    items = {}
    for name in names:
        item = read_item(base / name, name)
        if item is not None:
            items[item.id] = item
    tag_ids: dict[str, list[str]] = {}
    for item in items.values():
        if item.type == NOTE_TAG and not _deleted(item):
            tag_ids.setdefault(item.fields.get("note_id", ""), []).append(item.fields.get("tag_id", ""))
    return SyncFolder(folder, items, {k: tuple(v) for k, v in tag_ids.items()})


def read_sync_folders(notes_dir: Path, rels: Iterable[str]) -> dict[str, SyncFolder]:
    return {f: read_sync_folder(notes_dir, f) for f in sync_folders(notes_dir, rels)}


def without_items(notes_dir: Path, files: list[Path],
                  problems: list[Problem]) -> tuple[list[Path], dict[str, SyncFolder]]:
    """(files without the Joplin items that are not notes, the sync folders read): a notebook, a tag, an attachment's
    item or a note in Joplin's trash is no note; they are counted in one Problem (NOT_READ) a sync folder, not one a
    file. A file of a sync folder that is no item is a note as any other."""
    rels = [Path(os.path.relpath(p, notes_dir)).as_posix() for p in files]
    folders = read_sync_folders(notes_dir, rels)
    if not folders:
        return files, folders
    kept: list[Path] = []
    left: dict[str, dict[str, int]] = {f: {} for f in folders}
    for path, rel in zip(files, rels):
        folder = posixpath.dirname(rel)
        item = folders[folder].items.get(rel[len(folder) + 1 if folder else 0:-3]) if folder in folders else None
        if item is None or item.type == NOTE and not _deleted(item):
            kept.append(path)
        else:
            kind = "trashed note" if item.type == NOTE else KINDS.get(item.type, "other item")
            left[folder][kind] = left[folder].get(kind, 0) + 1
    for folder, kinds in left.items():
        if kinds:
            said = ", ".join(counted(n, kind) for kind, n in sorted(kinds.items(), key=lambda kn: (-kn[1], kn[0])))
            problems.append(Problem(f"{counted(sum(kinds.values()), 'Joplin item')} in {folder or '.'}/", NOT_READ,
                                    f"not notes ({said}): read for the notes' notebooks and tags"))
    return kept, folders


# --------------------------------------------------------------------------- a note


def encrypted(text: str, rel: str) -> str | None:
    """Why a Joplin note cannot be read (end-to-end encrypted), or None."""
    item = item_of(text, rel)
    return ENCRYPTED if item is not None and item.flag("encryption_applied") else None


def as_markdown(text: str, item: Item, start: int) -> str:
    """A note item's text as markdown, line for line: its title a heading (a to-do's a task item, ticked when
    done, as Joplin shows its box), its body as written, its metadata block (from line start) blank lines."""
    lines = text.split("\n")
    title = _title(item)
    if item.flag("is_todo"):
        lines[0] = f"- [{'x' if item.flag('todo_completed') else ' '}] {title}"
    else:
        lines[0] = f"# {title}"
    return "\n".join(lines[:start] + [""] * (len(lines) - start))


def without_block(text: str, rel: str) -> str:
    """A Joplin item's text without its metadata block (and the blank lines before it), as an assistant reads the
    note; any other text as it is."""
    if not is_item_path(rel) or item_of(text, rel) is None:
        return text
    lines = text.split("\n")
    return "\n".join(lines[:metadata_block(lines)[1]]).rstrip("\n") + "\n"


def _title(item: Item) -> str:
    title = item.title.strip() or "Untitled"
    return f"{title} (conflict)" if item.flag("is_conflict") else title


def parse_item(text: str, rel: str, vault: "Vault | None" = None) -> "ParsedNote | None":
    """A note item as Joplin shows it (see the module's docstring); None when text is no note item."""
    from .metadata import as_tags
    from .units import parse_markdown  # (imported when a note is read: this module stays light for the front ends)

    text = text.replace("\r\n", "\n")
    item = item_of(text, rel)
    if item is None or item.type != NOTE:
        return None
    start = metadata_block(text.split("\n"))[1]
    place = vault.joplin_place(rel, item) if vault is not None else None
    note = parse_markdown(as_markdown(vault.joplin_files(rel, text) if vault is not None else text, item, start),
                          rel, vault)
    day = local_day(item.fields.get("user_created_time") or "") or local_day(item.fields.get("created_time") or "")
    credits = tuple(c for c in (item.fields.get("author", ""),) if c)
    return replace(note, title=_title(item), date=day, credits=credits + note.credits,
                   tags=as_tags({"tags": list(place.tags) if place else []}, note.tags),
                   hierarchy=place.notebook if place else (CONFLICTS if item.flag("is_conflict") else ""),
                   cited_as=(), properties=_properties(item) + note.properties)


def local_day(stamp: str) -> str | None:
    """The day of a Joplin time (UTC, "2022-12-03T23:30:00.000Z") where the notes are read, as Joplin shows it (the
    review: an evening's note in America had been dated the next day)."""
    try:
        return _dt.datetime.fromisoformat(stamp.strip().replace("Z", "+00:00")).astimezone().date().isoformat()
    except ValueError:
        return None


def _properties(item: Item) -> tuple[str, ...]:
    """A note's fields a reader looks up: a to-do's state, the page it was clipped from."""
    out = []
    if item.flag("is_todo"):
        out.append(f"to-do: {'done' if item.flag('todo_completed') else 'open'}")
    if item.fields.get("source_url"):
        out.append(f"source: {item.fields['source_url']}")
    return tuple(out)


def file_dep(id_: str, name: str) -> str:
    """A note's dependency on the name of an attachment it links (renamed, or synced at last: read again)."""
    return f"{FILE_DEP}{id_} {hashlib.sha256(name.encode()).hexdigest()[:12]}))"


def with_file_names(text: str, folder: SyncFolder) -> tuple[str, list[str]]:
    """(text with each link to an attachment by its id, `(:/<id>)`, to its file name instead, as Joplin shows the
    file: a picture is dropped as any, a note of only a scan is "Attached: scan.pdf"; the dependencies on those
    names)."""
    deps: list[str] = []

    def named(m: re.Match) -> str:
        name = folder.file_name(m.group(1))
        if name is None:
            return m.group(0)  # a link to a note reads as its label
        deps.append(file_dep(m.group(1), name))
        return f"]({quote(name, safe='')}" if name else m.group(0)

    return (_LINKED.sub(named, text) if ":/" in text else text), deps


def stale(notes: Mapping[str, "NoteEntry"], folders: Mapping[str, SyncFolder]) -> dict[str, str]:
    """The Joplin notes indexed at another place than theirs now (a tag given or taken, a notebook renamed or
    moved, an attachment it links renamed): path -> a dependency recorded then that is not so now (what reads it
    again)."""
    out = {}
    for rel, entry in notes.items():
        folder = folders.get(posixpath.dirname(rel)) if any(d.startswith(CONTEXT_DEP) for d in entry.deps) else None
        if folder is None:
            continue
        item = folder.items.get(posixpath.basename(rel)[:-3])
        for dep in entry.deps:
            if dep.startswith(FILE_DEP):
                id_ = dep[len(FILE_DEP):].split(" ")[0]
                now = file_dep(id_, folder.file_name(id_) or "")
            elif dep.startswith(CONTEXT_DEP):
                now = folder.place(item).dep() if item is not None and item.type == NOTE else ""
            else:
                continue
            if now != dep:
                out[rel] = dep
                break
    return out


def shown_path(path: str, notebook: str, title: str) -> str | None:
    """A note of a sync folder as a person finds it in Joplin: the sync folder's place in the notes folder, its
    notebook path and its title ("joplin/Personal/Car/Car insurance claim"); None for any other note (no notebook,
    or a file not named as an item): what ask and the chat say of a hit (its path, its folder, its title)."""
    if not notebook or not is_item_path(path):
        return None
    return "/".join(p for p in (posixpath.dirname(path), notebook, title.replace("/", "∕")) if p)
