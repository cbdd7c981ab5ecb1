"""The notes folder as a whole: which note a [[name]] means, what a ((ref)) or an embed shows.

Obsidian and Logseq resolve links by note name, not by path: `[[Hypervisor]]` is the note
called Hypervisor wherever it lives (the nearest one when several share the name), a
Logseq `[[a/b]]` is the page stored as `a___b.md`. A block reference or an embed needs the
other note parsed; a Vault parses each note once per build and remembers which notes each
note took text from, so a later build re-reads a note when a note it embeds has changed.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from . import dendron, joplin
from .canvas import is_canvas
from .config import LINKED_SUFFIXES
from .markup import (BLOCK_REF, CODE_SPAN, MACRO, WIKILINK, Inline, Link, code_fence_after, macro_parts, parse_link,
                     strip_comments)
from .metadata import title_from_filename, zettel_id
from .notefiles import nfc, read_note
from .units import Embedded, Unit, code_span, inline_text, md_parser

MISSING = "?"  # a dependency on a note not found: "?name"
MAX_EMBED_UNITS = 40  # a whole note embedded shows its start; its own hits are in the note itself
MAX_EMBED_DEPTH = 4  # an embed of an embed of ... stops here (and a loop stops at once)
_TITLE_LINE = re.compile(r"^(?:title::|title:)[ \t]*(\S.*?)[ \t]*$", re.M)
_ALIAS_LINE = re.compile(r"^alias(?:es)?::[ \t]*(\S.*?)[ \t]*$", re.M)  # as logseq.py reads them
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*$", re.S | re.M)
_UUID_LINE = re.compile(r"^[ \t]*id::[ \t]*([0-9a-fA-F-]{36})[ \t]*$", re.M)


LOGSEQ_FOLDERS = ("pages", "journals")  # where a Logseq graph keeps its pages


def is_logseq_graph(notes_dir: Path) -> bool:
    """A Logseq graph: a logseq/ settings folder, or pages/ and journals/ side by side."""
    notes_dir = Path(notes_dir)
    return (notes_dir / "logseq").is_dir() or all((notes_dir / folder).is_dir() for folder in LOGSEQ_FOLDERS)


def app_of(notes_dir: Path, rels: Iterable[str] = ()) -> str:
    """What app's folder the notes are, as they are read: "a Logseq graph" (outlines of blocks, properties,
    journals), "an Obsidian vault" (its settings: excluded files, line breaks), or "a folder of markdown notes"
    (each note read by what it holds: a Logseq page or a Dendron note is still read as one; trial s36b had found
    status silent about it); with the Dendron vaults and Joplin sync folders in folders of the notes at rels (as a
    build reads them), or "a Joplin sync folder" when the notes folder is one."""
    notes_dir = Path(notes_dir)
    if not notes_dir.is_dir():
        return ""
    app = "a Logseq graph" if is_logseq_graph(notes_dir) else "an Obsidian vault" if (notes_dir / ".obsidian").is_dir() \
        else "a Dendron vault" if dendron.is_vault(notes_dir) else "a folder of markdown notes"
    rels = list(rels)
    synced = joplin.sync_folders(notes_dir, rels)
    app = "a Joplin sync folder" if "" in synced else app
    inside = sorted(dendron.vault_folders(notes_dir, rels) - {""})
    if inside:
        app += f", with {'a Dendron vault' if len(inside) == 1 else 'Dendron vaults'} in " \
               f"{', '.join(f + '/' for f in inside)}"
    synced = sorted(synced - {""})
    if synced:
        app += f", with {'a Joplin sync folder' if len(synced) == 1 else 'Joplin sync folders'} in " \
               f"{', '.join(f + '/' for f in synced)}"
    return app


def block_dep(uuid: str) -> str:
    """A note's dependency on the block of that id, wherever it is: "((uuid))"."""
    return f"(({uuid.lower()}))"


def is_note_dep(dep: str) -> bool:
    """Is a dependency a note's path (not a missing name, "?name", nor a block's id, "((uuid))")?"""
    return not dep.startswith((MISSING, "(("))


class Vault:
    """Name lookups and cross-note text for one build (or one source view) of a notes folder."""

    def __init__(self, notes_dir: Path, rels: Iterable[str], logseq: bool | None = None,
                 sync_folders: dict[str, joplin.SyncFolder] | None = None):
        self.notes_dir = Path(notes_dir)
        self.rels = sorted(rels)
        self.logseq = is_logseq_graph(self.notes_dir) if logseq is None else logseq
        self.obsidian = (self.notes_dir / ".obsidian").is_dir()  # its notes are never Logseq pages
        # nor are a Dendron vault's notes; its links read label first. A workspace may be a folder of the notes
        # (trial s38: dendron/ with its dendron.yml beside other apps' exports)
        self._dendron_dirs = dendron.vault_folders(self.notes_dir, self.rels)
        self._titles: dict[str, str | None] = {}
        self.deps: dict[str, set[str]] = {}  # note -> what it shows of others (_depends)
        self._names: dict[str, list[str]] | None = None
        self._parsed: dict[str, object] = {}
        self._parsing: list[str] = []
        self._cut: set[str] = set()
        self._uuids: dict[str, str] | None = None
        self._sync_folders = sync_folders  # Joplin's, by folder (read at the first note of one, unless given)

    def in_dendron(self, rel: str) -> bool:
        """Is the note in a Dendron vault, the notes folder or a folder in it (read as Dendron writes)?"""
        return dendron.in_vault(rel, self._dendron_dirs)

    def in_joplin(self, rel: str) -> bool:
        """Is the note in a Joplin sync folder (its files read as Joplin's items)?"""
        return joplin.is_item_path(rel) and posixpath.dirname(rel) in self._joplin()

    def joplin_place(self, rel: str, item: joplin.Item) -> joplin.Place | None:
        """Where Joplin shows a note of a sync folder, and its tags (None for a note of no sync folder): read from
        the folder's other items, so the note depends on them (joplin.stale)."""
        folder = self._joplin().get(posixpath.dirname(rel))
        if folder is None:
            return None
        place = folder.place(item)
        self._depends(rel, place.dep())
        return place

    def joplin_files(self, rel: str, text: str) -> str:
        """A note of a sync folder with its links to attachments by their file names (joplin.with_file_names)."""
        folder = self._joplin().get(posixpath.dirname(rel))
        if folder is None:
            return text
        text, deps = joplin.with_file_names(text, folder)
        for dep in deps:
            self._depends(rel, dep)
        return text

    def _joplin(self) -> dict[str, joplin.SyncFolder]:
        if self._sync_folders is None:
            self._sync_folders = joplin.read_sync_folders(self.notes_dir, self.rels)
        return self._sync_folders

    # -- names

    def _name_index(self) -> dict[str, list[str]]:
        if self._names is None:
            from .logseq import page_name

            names: dict[str, list[str]] = {}
            for rel in self.rels:
                # a canvas is linked with its suffix ([[Plan.canvas]]), as Obsidian links it: [[Plan]] is Plan.md
                stem_path = nfc(rel if is_canvas(rel) else rel.rsplit(".", 1)[0])
                keys = {stem_path.casefold(), posixpath.basename(stem_path).casefold()}
                zettel = zettel_id(rel)
                if zettel:  # [[202103151022]] names "202103151022 Spaced repetition.md", as Zettlr links by ID,
                    # and [[Spaced repetition]] too, as The Archive links by title (trial C)
                    keys |= {zettel.casefold(), nfc(title_from_filename(rel)).casefold()}
                if self.logseq:
                    keys.add(page_name(rel).casefold())
                    keys |= {nfc(name).casefold() for name in self._page_names(rel)}
                for key in keys:
                    names.setdefault(key, []).append(rel)
            self._names = names
        return self._names

    def _page_names(self, rel: str) -> list[str]:
        """A Logseq page's other names: its title:: (or front-matter title:) and alias:: values."""
        from .metadata import property_list

        try:
            with open(self.notes_dir / rel, encoding="utf-8", errors="replace") as f:
                head = f.read(4096)
        except OSError:
            return []
        names = [m.group(1).strip() for m in _TITLE_LINE.finditer(head)]
        for m in _ALIAS_LINE.finditer(head):
            names += property_list(m.group(1))
        return [n.strip('"') for n in names if n.strip('"')]

    def resolve(self, target: str, from_path: str = "") -> str | None:
        """The note a link's target names, or None. Several notes of that name: the one in the
        linking note's folder, else the one with the shortest path (as Obsidian picks). A target of no note
        with a "/" in it (Bear's "Note/Heading") names the note before the "/"."""
        key = nfc(target).strip().strip("/").casefold()
        if key.endswith(LINKED_SUFFIXES):
            key = key.rsplit(".", 1)[0]
        found = self._name_index().get(key)
        if not found and "/" in key and not self.logseq:
            # Bear's link to a heading, [[Year 9 poetry unit/Week plan]]: the note before the last "/"
            found = self._name_index().get(key.rpartition("/")[0])
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        here = posixpath.dirname(from_path)
        same = [r for r in found if posixpath.dirname(r) == here]
        return (same or sorted(found, key=lambda r: (r.count("/"), len(r), r)))[0]

    def title(self, target: str, from_path: str = "") -> str | None:
        """The front-matter title of the note a link names (what Dendron shows for the link), or None."""
        rel = self.resolve(target, from_path)
        if rel is None:
            return None
        if rel not in self._titles:
            self._titles[rel] = None
            try:
                with open(self.notes_dir / rel, encoding="utf-8", errors="replace") as f:
                    head = f.read(4096)
            except OSError:
                head = ""
            top = _FRONT_MATTER.match(head.replace("\r\n", "\n"))
            found = _TITLE_LINE.search(top.group(1)) if top else None
            self._titles[rel] = found.group(1).strip().strip("\"'").strip() or None if found else None
        return self._titles[rel]

    # -- other notes' text

    def parse(self, rel: str, text: str):
        """rel's ParsedNote from its text, parsed once per build."""
        from .parsing import parse_note

        note = self._parsed.get(rel)
        if note is None:
            self._parsing.append(rel)
            try:
                note = parse_note(text, rel, self)
            finally:
                self._parsing.pop()
            if rel in self._cut:
                self._cut.discard(rel)  # an embed in it was cut short by a loop: not the note as it is
            else:
                self._parsed[rel] = note
        return note

    def parsed(self, rel: str):
        """rel's ParsedNote, read and parsed once; None for an unreadable note or an embed loop."""
        if rel in self._parsed:
            return self._parsed[rel]
        if rel in self._parsing or len(self._parsing) > MAX_EMBED_DEPTH:
            self._cut.update(self._parsing)  # each note on the way is parsed again when asked for alone
            return None

        text, _ = read_note(self.notes_dir / rel, rel)
        try:
            if text is not None:
                return self.parse(rel, text)  # cached there, unless an embed loop cut it short
        except Exception:  # noqa: BLE001 - a note that fails to parse is reported by its own build step
            pass
        self._parsed[rel] = None
        return None

    def namesakes(self, rels: set[str]) -> set[str]:
        """The other notes that share a name with one of rels, as resolve() reads names (a file's name, a Logseq
        title:: or alias::): a note added or renamed may be what their links name now (a root X.md beside
        general/X.md), so a build reads the notes showing them again (the fuzz test)."""
        found: set[str] = set()
        for named in self._name_index().values():
            if len(named) > 1 and not rels.isdisjoint(named):
                found.update(r for r in named if r not in rels)
        return found

    @staticmethod
    def ids_written(texts: Iterable[str]) -> set[str]:
        """The block ids texts write (`id::`), as the dependencies of the notes that show those blocks (block_dep):
        an id written again elsewhere (a block copied in a text editor) may be the one a reference finds now."""
        return {block_dep(m.group(1)) for t in texts if "id::" in t for m in _UUID_LINE.finditer(t)}

    def found_again(self, dep: str, ids: set[str]) -> bool:
        """Is what a missing dependency ("?name", missing()) names there now, as this vault's notes are: a note of
        that name (a note added, renamed, a Logseq title:: or alias:: written: the same rule as resolve()), or a
        block of an id the notes' new text writes (ids: ids_written)?"""
        target = dep[len(MISSING):]
        return self.resolve(target) is not None or block_dep(target) in ids

    def missing(self, from_path: str, target: str) -> None:
        """from_path embeds a note that is not there (yet): a build that adds notes reads it again."""
        self._depends(from_path, MISSING + target.casefold())

    def uses(self, from_path: str, rel: str) -> None:
        """from_path shows something of rel (its text, or its name for an embed in a sentence): a build that
        changes, renames or deletes rel reads from_path again."""
        if rel != from_path:
            self._depends(from_path, rel)

    def _depends(self, from_path: str, dep: str) -> None:
        """from_path depends on dep: a note's path, a missing name ("?name") or a block's id ("((uuid))")."""
        self.deps.setdefault(from_path, set()).add(dep)

    def block_text(self, uuid: str, from_path: str) -> str | None:
        """The text of the Logseq block whose id:: is uuid, as the block reference shows it."""
        found = self.block_reference(uuid, from_path)
        return found[1] if found is not None else None

    def block_reference(self, uuid: str, from_path: str) -> tuple[str, str] | None:
        """(the title of its note, its text as the reference shows it) of the Logseq block whose id:: is uuid; the
        title "" when the block is read from its file (a note being parsed), None when no block has that id."""
        found = self._block(uuid.lower(), from_path)
        if found is None:
            line = self._block_line(uuid.lower())
            return ("", line[2]) if line is not None else None
        note, idx = found
        if idx is None:
            return note.title, note.id_titles[uuid.lower()]
        return note.title, " ".join(_reference_text(note.units[i]) for i in _own_content(note.units, idx))

    def block_origin(self, uuid: str, from_path: str) -> tuple[str, int] | None:
        """(note, line) of the Logseq block whose id:: is uuid, for a block that only refers to it: a copy of its text
        whose hit is that block's, as an embed's is (trial s41: a journal's "- ((uuid))" had been an unmarked
        second hit of the same text, above its source); None when it is not found or read yet."""
        found = self._block(uuid.lower(), from_path)
        if found is None or found[1] is None:
            return None
        note, idx = found
        return note.path, note.units[idx].line

    def _block_line(self, uuid: str) -> tuple[str, int, str] | None:
        """(note, line, text) of the first line of the block whose id:: is uuid, read from the
        file: a reference to a block of the page being parsed (or of a page that embeds it back)
        cannot wait for that page's units."""
        from .logseq import BULLET

        rel = self._uuid_index().get(uuid)
        if rel is None or rel not in self._parsing:
            return None
        text, _ = read_note(self.notes_dir / rel, rel)
        lines = (text or "").replace("\r\n", "\n").split("\n")
        at = next((i for i, line in enumerate(lines) if uuid in line.lower() and _UUID_LINE.match(line)), None)
        for j in range(at - 1 if at is not None else -1, -1, -1):
            m = BULLET.match(lines[j])
            if m:
                first = re.sub(r"^#{1,6}[ \t]+", "", m.group(2) or "")
                shown = "".join(inline_text(tok, Inline().render) for tok in md_parser().parseInline(first))
                return (rel, j + 1, " ".join(shown.split())) if shown.strip() else None
        return None

    def _block_as_line(self, uuid: str):
        """An embed of a block of the page being parsed: its first line (its children are on that
        page, where its own hit is)."""

        found = self._block_line(uuid)
        if found is None:
            return None
        rel, line, text = found
        return Embedded(rel.rsplit("/", 1)[-1].rsplit(".", 1)[0], (Unit("bullet", text, line, line, (), (),
                                                                         origin=(rel, line)),))

    def _block(self, uuid: str, from_path: str):
        rel = self._uuid_index().get(uuid)
        if rel is None:
            return None
        self.uses(from_path, rel)
        self._depends(from_path, block_dep(uuid))  # (another note may write the id too)
        note = self.parsed(rel)
        if note is None or (uuid not in note.block_ids and uuid not in note.id_titles):
            return None
        return note, note.block_ids.get(uuid)  # None: a heading block, known by its title

    def _uuid_index(self) -> dict[str, str]:
        """uuid -> note, from a scan of every note's `id::` lines (made at the first reference)."""
        if self._uuids is None:
    
            self._uuids = {}
            for rel in self.rels:
                text, _ = read_note(self.notes_dir / rel, rel)
                text = (text or "").replace("\r\n", "\n")
                if "id::" in text:
                    for m in _UUID_LINE.finditer(text):
                        self._uuids.setdefault(m.group(1).lower(), rel)
        return self._uuids

    def embed(self, spec: str, from_path: str):
        """What an embed shows: `note`, `note#heading`, `note#^id` (Obsidian, between ![[ ]]) or
        `[[page]]`, `((uuid))` (Logseq's {{embed ...}}). None when its note is not found."""

        ref = BLOCK_REF.fullmatch(spec.strip())
        if ref is not None:
            found = self._block(ref.group(1).lower(), from_path)
            if found is None:
                return self._block_as_line(ref.group(1).lower())
            note, idx = found
            if idx is None:  # a heading block: its section, the blocks under it (trial s60 VB: its title alone)
                return _heading_block_section(note, note.id_titles.get(ref.group(1).lower(), ""))
            return Embedded(note.title, _copies(note, _subtree(note.units, idx)))
        inner = WIKILINK.fullmatch(spec.strip())
        link = parse_link(inner.group(2) if inner else spec, self.in_dendron(from_path))
        if link.is_attachment:
            return Embedded(link.target, ())  # a picture or an attachment: nothing to read
        rel = self.resolve(link.target, from_path) if link.target else from_path
        if rel is None:
            self.missing(from_path, link.target)
            return None
        self.uses(from_path, rel)
        note = self.parsed(rel) if rel != from_path or link.target else None
        if note is None:
            return None
        got = _section(note, link, self.in_dendron(from_path))
        if got is None and link.heading and not link.heading_end and self._has_heading(rel, link.heading):
            # a heading with no text under it, only a picture ("## Floor plan" over "![[plan.png]]"): nothing to
            # read, no heading missing (trial s66 O: said on every build)
            return Embedded(f"{note.title} > {link.heading}", ())
        return got

    def _has_heading(self, rel: str, heading: str) -> bool:
        """Does the note at rel write a heading of that name, outside code (a markdown one, or a Logseq heading
        block's)?"""
        text, _ = read_note(self.notes_dir / rel, rel)
        if text is None:
            return False
        want, fence = heading.casefold().strip(), None
        for line in text.splitlines():
            after = code_fence_after(line, fence)  # (markup's fences: not a "## ..." inside code)
            if fence is None and after is None and (m := _HEADING_LINE.fullmatch(line)) and m[1].casefold() == want:
                return True
            fence = after
        return False


_HEADING_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]+)?#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*")


def _section(note, link: Link, slugs: bool = False):
    """What an embed of link shows of note: a block, a heading's section (slugs: or a range of them, named
    as Dendron names them, #check-lag for "Check lag"), or the whole note."""
    if link.block:
        key = link.block if link.block in note.block_ids else link.block.lower()
        idx = note.block_ids.get(key)
        if idx is None:
            return None
        end = note.block_ends.get(key)  # a whole list, table or callout
        return Embedded(note.title, _copies(note, list(range(idx, end)) if end else _subtree(note.units, idx)))
    if link.heading:
        found = _heading_at(note, link.heading, slugs)
        if found is None:
            return None
        start, depth = found
        prefix, picked = _section_at(note, start, depth)
        shown = prefix[-1] if slugs else link.heading  # Dendron: the heading as written, not its slug
        end = _heading_at(note, link.heading_end, slugs, start) if link.heading_end else None
        if end is not None:  # a range: on to the end of the last heading's section
            last = note.units[end[0]].heading[:end[1]]
            picked = list(range(start, next((i for i in range(end[0], len(note.units))
                                             if note.units[i].heading[:end[1]] != last), len(note.units))))
            prefix = prefix[:-1]
        elif link.heading_end:
            return None
        return Embedded(f"{note.title} > {shown}", _copies(note, picked, prefix))
    return Embedded(note.title, _copies(note, list(range(len(note.units))), ()))  # (all its headings: not a block's)


def _heading_block_section(note, title: str):
    """What an embed of a Logseq heading block titled title shows: the blocks of its section; None (a reference then)
    when it has none."""
    found = _heading_at(note, title, False) if title else None
    if found is None:
        return None
    prefix, picked = _section_at(note, *found)
    return Embedded(f"{note.title} > {title}", _copies(note, picked, prefix)) if picked else None


def _section_at(note, start: int, depth: int) -> tuple[tuple, list[int]]:
    """(the heading path to depth of the unit at start, the units of that heading's section from start on)."""
    prefix = note.units[start].heading[:depth]
    return prefix, [i for i in range(start, len(note.units)) if note.units[i].heading[:depth] == prefix]


def _heading_at(note, heading: str, slugs: bool, start: int = 0) -> tuple[int, int] | None:
    """(the first unit under heading, from start on; the heading's depth), or None. A heading is named as
    written, in any case; slugs: also as Dendron names it (dendron.anchor)."""
    want = heading.casefold().strip()

    def named(h: str) -> bool:
        return h.casefold() == want or slugs and dendron.anchor(h) == dendron.anchor(want)

    for i in range(start, len(note.units)):
        for depth, h in enumerate(note.units[i].heading, 1):
            if named(h):
                return i, depth
    return None


def _own_content(units, idx: int) -> list[int]:
    """A block's unit and what else the block itself says (a #+BEGIN_NOTE, a second paragraph, its code: the units
    under it right after it that are no blocks of their own), as a reference to it shows it whole in Logseq."""
    picked = [idx]
    for j in range(idx + 1, len(units)):
        # (a child block of only code, a quote or properties is under it too, one level deeper: the review)
        unit = units[j]
        if unit.parent != idx or unit.kind == "bullet" or unit.origin or unit.depth != units[idx].depth:
            break
        picked.append(j)
    return picked


def _reference_text(unit) -> str:
    """A unit's text on one line, as a reference shows it in a sentence; code as code (its "key::" or "{{" lines had
    read as the referencing block's markup); a task's SCHEDULED: and DEADLINE: lines not (Logseq shows the block's
    words: trial s69 H, "“Town council end of grant report DEADLINE: <2026-12-19 Sat>”")."""
    if unit.kind == "code":
        return code_span(" ".join(unit.text.split()))
    return " ".join(_SET_DAY_LINE.sub("", unit.text).split())


_SET_DAY_LINE = re.compile(r"^[ \t]*(?:SCHEDULED|DEADLINE):[ \t]*<[^<>\n]*>[ \t]*$", re.MULTILINE)


def _subtree(units, idx: int) -> list[int]:
    """A block and the blocks under it (a Logseq block of only code has no bullet of its own to be their parent: the
    blocks nested deeper right after it are its)."""
    picked = [idx]
    inside = {idx}
    code = units[idx].kind == "code"
    own = (*units[idx].parents, units[idx].text)  # (a table in the block: its rows under its text, trial s60 WB)
    for j in range(idx + 1, len(units)):
        if units[j].parent in inside or code and units[j].depth > units[idx].depth \
                or units[j].kind == "table_row" and j - 1 in inside and units[j].parents == own:
            picked.append(j)
            inside.add(j)
        elif units[j].depth <= units[idx].depth:
            break
    return picked


def _copies(note, picked: list[int], heading_prefix: tuple | None = None) -> tuple:
    """The picked units as an embed shows them: depth and parents relative to the first, headings
    below the embedded one as parents, each marked with the note and line it comes from. A heading below the
    embedded one is shown as the app shows it, a line over its section's units (_heading_copy; trials s64 T, s65 A:
    an embedded checklist's "## 8 weeks before" had gone, its timings with it, and a window of a plan's "Stock" went
    on into its "Table centres" under "Stock"); not the note's title (its embed is labelled so) nor, for a block's
    embed (heading_prefix None), the headings over the block."""

    picked = picked[:MAX_EMBED_UNITS]
    if not picked:
        return ()
    first = note.units[picked[0]]
    base_depth = min(note.units[i].depth for i in picked)
    base_chain = first.parents
    if heading_prefix is None:
        heading_prefix = first.heading
    inner = {idx: _inner(note.units[idx].heading, heading_prefix) for idx in picked}
    lines = {idx: _heading_lines(heads, note.title) for idx, heads in inner.items()}
    shift = _section_shifts(note, picked, lines, base_depth)
    out: list[Unit] = []
    pos: dict[int, int] = {}
    open_headings: list[int] = []  # positions in out of the heading lines over the unit being copied
    for idx in picked:
        u = note.units[idx]
        heads, shown = inner[idx], lines[idx]
        kept = 0
        while kept < min(len(shown), len(open_headings)) and out[open_headings[kept]].text == shown[kept]:
            kept += 1
        del open_headings[kept:]
        for level in range(kept, len(shown)):
            open_headings.append(len(out))
            out.append(_heading_copy(note, heads[:len(heads) - len(shown)], shown, level, u.line,
                                     open_headings[-2] if level else None))
        parents = u.parents[len(base_chain):] if u.parents[:len(base_chain)] == base_chain else u.parents
        parent = pos.get(u.parent) if u.parent is not None else None
        if parent is None and open_headings:
            parent = open_headings[-1]
        pos[idx] = len(out)
        out.append(Unit(u.kind, u.text, u.line, u.end_line, (), (*heads, *parents),
                        depth=u.depth - base_depth + shift[shown], parent=parent,
                        intro=u.intro, marker=u.marker, keep_lines=u.keep_lines, thin=u.thin,
                        origin=u.origin or (note.path, u.line)))
    return tuple(out)


def _inner(heading: tuple, prefix: tuple) -> tuple:
    """A unit's headings below an embedded heading (prefix): those its embed shows."""
    return heading[len(prefix):] if heading[:len(prefix)] == prefix else ()


def _heading_lines(heads: tuple, title: str) -> tuple:
    """The headings of heads an embed shows as lines: not a first heading that is the note's title."""
    return heads[1:] if heads and heads[0].casefold() == title.casefold() else heads


def _section_shifts(note, picked: list[int], lines: dict, base_depth: int) -> dict[tuple, int]:
    """How much deeper each section's units go under its heading lines: a markdown section's list is at its own
    depth 0, so one level a heading; a Logseq heading block's children are a level deeper than it already."""
    least: dict[tuple, int] = {}
    for idx in picked:
        least[lines[idx]] = min(least.get(lines[idx], 1 << 30), note.units[idx].depth - base_depth)
    return {heads: max(0, len(heads) - depth) for heads, depth in least.items()}


def _heading_copy(note, above: tuple, shown: tuple, level: int, line: int, parent: int | None) -> Unit:
    """The line an embed shows for heading shown[level] (above: the headings over it it shows no line of) over a
    section whose first unit is at line: few words, weak evidence by itself (thin)."""
    return Unit("bullet", shown[level], line, line, (), (*above, *shown[:level]), depth=level, parent=parent,
                thin=True, origin=(note.path, line))


# --------------------------------------------------------------------------- what a passage's references show

REFERENCE_TEXT_MAX = 1500  # characters of what one embed shows, given beside a note's lines
REFERENCES_MAX = 20  # embeds and block references of one passage resolved (each may parse another note)


@dataclass(frozen=True)
class Reference:
    """An embed or a ((block reference)) on a line of a note, and what the app shows in its place."""

    line: int  # 1-based line of the note that holds it
    written: str  # as written: "![[Pizza dough#Method]]", "((64f1…))", "{{embed [[Page]]}}"
    source: str  # where the text comes from: "Pizza dough > Method"
    text: str  # what it shows, a line per block (nested blocks indented by two spaces), cut at REFERENCE_TEXT_MAX


def references(vault: Vault, lines: list[str], start: int, end: int, from_path: str) -> list[Reference]:
    """The embeds and block references on lines start..end (from 1) of a note, outside code, each with the text
    it shows (a picture or an attachment, or a reference to nothing found, left out): what an assistant reading
    the note's source would otherwise see only as syntax."""
    out: list[Reference] = []
    fence = None
    # (an embed in a %% comment shows nothing: the whole note read for them, a comment may close past end)
    lines = strip_comments("\n".join(lines)).split("\n")[:end]
    for at, line in enumerate(lines, 1):
        before, fence = fence, code_fence_after(line, fence)
        if at < start or before is not None or fence is not None and before is None:
            continue
        for written, spec, embeds in _references_in(line):
            found = _reference(vault, spec, embeds, from_path)
            if found is not None:
                out.append(Reference(at, written, *found))
            if len(out) >= REFERENCES_MAX:
                return out
    return out


def _references_in(line: str) -> list[tuple[str, str, bool]]:
    """(as written, what it names, whether it embeds) of each embed and block reference on line, outside code
    spans, in their order."""
    prose = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line
    found: list[tuple[int, str, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for m in MACRO.finditer(prose):
        taken.append((m.start(), m.end()))
        name, arg = macro_parts(m)
        if name == "embed" and arg:
            found.append((m.start(), m.group(0), arg, True))
    outside = [m for m in (*WIKILINK.finditer(prose), *BLOCK_REF.finditer(prose))
               if not any(a <= m.start() < b for a, b in taken)]
    found += [(m.start(), m.group(0), m.group(2), True) for m in outside if m.re is WIKILINK and m.group(1)]
    found += [(m.start(), m.group(0), m.group(1), False) for m in outside if m.re is BLOCK_REF]
    return [(written, spec, embeds) for _, written, spec, embeds in sorted(found)]


def _lines_of(u: Unit) -> str:
    """A unit of an embed as its lines, indented by its depth: code and a callout with their line breaks (two
    commands stay two), anything else on one line."""
    indent = "  " * u.depth
    if u.kind == "code" or u.keep_lines:
        return "\n".join(indent + line for line in u.text.split("\n"))
    return indent + " ".join(u.text.split())


def _own_section(vault: Vault, spec: str, from_path: str):
    """What an embed of a heading or block of its own note shows (`![[#Local]]`, `![[#^id]]`): read here, where
    the note is not being parsed (an embed while parsing it would be a loop)."""
    note = vault.parsed(from_path)
    slugs = vault.in_dendron(from_path)
    return _section(note, parse_link(spec, slugs), slugs) if note is not None else None


def _reference(vault: Vault, spec: str, embeds: bool, from_path: str) -> tuple[str, str] | None:
    """(where it comes from, the text it shows) for an embed or a block reference, or None: nothing found, or
    nothing to read (a picture)."""
    if not embeds:
        found = vault.block_reference(spec, from_path)
        return found if found is not None and found[1] else None
    got = vault.embed(spec, from_path) if not spec.strip().startswith("#") else _own_section(vault, spec, from_path)
    if got is None and (ref := BLOCK_REF.fullmatch(spec.strip())):  # an embed of a heading block: its title, as
        return _reference(vault, ref.group(1), False, from_path)  # a reference shows it
    if got is None:
        return None
    shown = "\n".join(_lines_of(u) for u in got.units if u.text.strip())
    if len(shown) > REFERENCE_TEXT_MAX:
        shown = shown[:REFERENCE_TEXT_MAX].rstrip() + "…"
    return (got.label, shown) if shown else None
