"""Notes -> units: a note read in its dialect. A Logseq page is an outline (logseq.py), an Obsidian
canvas its text cards (canvas.py); anything else is markdown, Obsidian's syntax read the way
Obsidian shows it (units.py).
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from . import joplin, logseq
from .canvas import is_canvas, parse_canvas
from .config import TEXT_NOTE_SUFFIX
from .htmlblocks import furigana
from .markup import code_fence_after
from .metadata import name_letters, title_from_filename
from .units import ParsedNote, parse_markdown
from .vault import LOGSEQ_FOLDERS

if TYPE_CHECKING:
    from .vault import Vault


def parse_note(text: str, rel: str, vault: "Vault | None" = None) -> ParsedNote:
    """Parse a note into a ParsedNote. Never raises on odd markdown.

    A Logseq page (in a Logseq graph, or a note written as one) is read as an outline; a note item of a
    Joplin sync folder as Joplin shows it (joplin.py); anything else as markdown, with Obsidian's syntax
    read the way Obsidian shows it.
    vault resolves links, block references and embeds to other notes (without it they
    read as their names, and references to blocks elsewhere are not found).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_canvas(rel):
        return parse_canvas(text, rel, vault)
    text = furigana(text)  # a word, then its reading
    if joplin.is_item_path(rel) and (vault is None or vault.in_joplin(rel)):
        note = joplin.parse_item(text, rel, vault)  # a note of a Joplin sync folder (None: a file of it that is none)
        if note is not None:
            return note
    if is_outline(text, vault, rel):
        return logseq.parse_page(text, rel, vault)
    if rel.lower().endswith(TEXT_NOTE_SUFFIX):
        text = _lines_as_written(_titled_plain_text(text, rel))
    elif not _MARKUP_START.match(text) and not _CODE_LINE.search(text) and not _SETEXT.search(text):  # a note exported from Apple Notes (or Simplenote) as markdown: its first
        titled = _titled_plain_text(text, rel)  # line its name (no heading), then its lines
        text = _lines_as_written(titled) if titled is not text else text
    return parse_markdown(text, rel, vault)


def _titled_plain_text(text: str, rel: str) -> str:
    """A plain-text note whose first line is its name (nvALT, Simplenote and The Archive name the file by
    it, The Archive after its ID) has that line as its title, a heading, not a passage of its own; the lines
    keep their places."""
    first, newline, rest = text.partition("\n")
    stem = posixpath.basename(rel).rsplit(".", 1)[0]
    if first.strip() and name_letters(first) in (name_letters(stem), name_letters(title_from_filename(rel))):
        return "# " + first.strip() + newline + rest
    return text


def _lines_as_written(text: str) -> str:
    """A plain-text note's lines as its app shows them, line for line: a block of short lines (a packing list,
    a recipe's ingredients, "Mum - 12 April") is a list under its first line when that is a label (trial C: they
    had run into one passage), while hard-wrapped prose stays one paragraph, a line of it that starts "+ " or
    "- " no list item ("+ 19% VAT"). A note of more such lines than LIST_LINES is a dump (a phone's notes.txt):
    its blocks stay paragraphs, read in windows, or its lines, each a passage, would crowd out every other note."""
    lines = text.split("\n")
    blocks, start, fence = [], 0, None
    for i in range(len(lines) + 1):
        if i < len(lines):
            fence = code_fence_after(lines[i], fence)
        # (a heading ends a block too: the title's line, "# Crème brûlée", right above a recipe's lines)
        if i == len(lines) or not lines[i].strip() or fence is not None or _HEADING_LINE.match(lines[i]):
            if i - start >= 2:
                blocks.append((start, i))
            start = i + 1
    kinds = {b: _block_kind(lines[b[0]:b[1]]) for b in blocks}
    for start, end in (b for b, kind in kinds.items() if kind == "prose"):
        for i in range(start + 1, end):  # a line of hard-wrapped prose that starts "+ " is no list item
            lines[i] = _LIST_LIKE.sub(r"\1\\", lines[i], count=1)
    listed = [b for b, kind in kinds.items() if kind == "lines"]
    if sum(end - start for start, end in listed) <= LIST_LINES:
        for start, end in listed:
            _as_list(lines, start, end)
    return "\n".join(lines)


def _block_kind(block: list[str]) -> str:
    """How a block of a plain-text note's lines is written: "prose" (hard-wrapped), "markdown" (The Archive
    renders it), or "lines" (short lines, one thing each)."""
    if _MARKDOWN_BLOCK.match(block[0]):
        return "markdown"
    longest = max(len(ln.rstrip()) for ln in block)
    listed = sum(1 for ln in block[1:] if _MARKDOWN_BLOCK.match(ln))
    if longest >= 50 and all(len(ln.rstrip()) >= 0.7 * longest for ln in block[:-1]) and listed < len(block) - 1:
        return "prose"
    return "markdown" if listed else "lines"


def _as_list(lines: list[str], start: int, end: int) -> None:
    """A block of short lines as a list, under its first line when that is a label ("Birthdays", "Packing list",
    "Ingredients:"), not an item itself ("The Dispossessed - Le Guin")."""
    first = lines[start].strip()
    label = first.endswith(":") or (len(first.split()) <= 2 and not first.endswith((".", "!", "?")))
    for i in range(start + (1 if label else 0), end):
        lines[i] = "- " + lines[i].strip()


LIST_LINES = 40  # more short lines than this in a note: a dump, not lists (its lines each a passage would crowd out the rest)
_HEADING_LINE = re.compile(r"^#{1,6}\s")
_CODE_LINE = re.compile(r"^(?: {4}|\t|```|~~~)", re.M)  # a note with code is written in markdown, not as lines
# ... so is one with a heading of one line underlined ("Invoice PDF service" over "=====": trial s47, its file's
# name, had been read as a plain-text note's title line, its "=====" and "-----" lines as text); a line alone above its
# underline, not the last of lines a "---" sets apart ("milk", "eggs", "---", "Hardware store": the reviews)
_SETEXT = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*\S[^\n]*\n(?:={3,}|-{3,})[ \t]*(?:\n|\Z)")
_MARKUP_START = re.compile(r"\s*(?:#|---|\+\+\+|[-*+>|]|\d+[.)]|<|!\[|\[)")  # a note that opens with markdown
_MARKDOWN_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||```|~~~)")
_LIST_LIKE = re.compile(r"^(\s*)(?=[-+*]\s|\d+[.)]\s)")


def is_outline(text: str, vault: "Vault | None" = None, rel: str = "") -> bool:
    """Is the note read as a Logseq outline? In a Logseq graph yes, in an Obsidian or Dendron vault no,
    else when it is written as one."""
    if vault is not None and vault.logseq and vault.obsidian and rel.split("/", 1)[0] not in LOGSEQ_FOLDERS:
        # a Logseq graph opened in Obsidian (a move from one to the other): its pages and journals are outlines, a
        # note in another folder is Obsidian's (the smoke test, s42: weekly reviews read as outlines, their sections lost)
        return logseq.looks_like_outline(text)
    if vault is not None and (vault.logseq or vault.obsidian or vault.in_dendron(rel)):
        return vault.logseq
    return logseq.looks_like_outline(text)

