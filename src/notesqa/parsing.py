"""Notes -> units: a note read in its dialect. A Logseq page is an outline (logseq.py), an Obsidian
canvas its text cards (canvas.py); anything else is markdown, Obsidian's syntax read the way
Obsidian shows it (units.py).
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from . import logseq
from .canvas import is_canvas, parse_canvas
from .config import TEXT_NOTE_SUFFIX
from .units import ParsedNote, parse_markdown

if TYPE_CHECKING:
    from .vault import Vault


def parse_note(text: str, rel: str, vault: "Vault | None" = None) -> ParsedNote:
    """Parse a note into a ParsedNote. Never raises on odd markdown.

    A Logseq page (in a Logseq graph, or a note written as one) is read as an outline;
    anything else as markdown, with Obsidian's syntax read the way Obsidian shows it.
    vault resolves links, block references and embeds to other notes (without it they
    read as their names, and references to blocks elsewhere are not found).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_canvas(rel):
        return parse_canvas(text, rel, vault)
    if is_outline(text, vault):
        return logseq.parse_page(text, rel, vault)
    if rel.lower().endswith(TEXT_NOTE_SUFFIX):
        text = _titled_plain_text(text, rel)
    return parse_markdown(text, rel, vault)


def _titled_plain_text(text: str, rel: str) -> str:
    """A plain-text note whose first line is its name (nvALT, Simplenote and The Archive name the file by
    it) has that line as its title, a heading, not a passage of its own; the lines keep their places."""
    first, newline, rest = text.partition("\n")
    if first.strip() and _plain(first) == _plain(posixpath.basename(rel).rsplit(".", 1)[0]):
        return "# " + first.strip() + newline + rest
    return text


def _plain(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def is_outline(text: str, vault: "Vault | None" = None) -> bool:
    """Is the note read as a Logseq outline? In a Logseq graph yes, in an Obsidian or Dendron vault no,
    else when it is written as one."""
    if vault is not None and (vault.logseq or vault.obsidian or vault.dendron):
        return vault.logseq
    return logseq.looks_like_outline(text)
