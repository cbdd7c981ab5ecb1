"""Backlinks: the notes that link to a note ("which notes link to the spacing effect note?").

A link's target is not in what the index shows ("[[202103151022|spacing effect]]" reads "spacing
effect"), so the notes are read again, as Obsidian's backlinks pane reads them: each [[wikilink]]
and markdown link resolved by the vault's rule (vault.Vault.resolve), outside code, and a Notion page's
relations (notion.py), and a canvas's file cards (canvas.py). This runs only for such a question, over the
notes of the index.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from pathlib import Path
from typing import Iterable

from .canvas import is_canvas, link_texts
from .markup import WIKILINK, outside_code, parse_link
from .notefiles import read_note
from .notion import page_properties, relation_targets

_MD_LINK = re.compile(r"\[[^\]\n]*\]\(<?([^)>\s]+)>?(?:\s+\"[^\"]*\")?\)")  # [label](other%20note.md)
# a Pandoc citation, "[@cepeda2006distributed]", "[see @bjork1994, p. 12; @roediger2006]": a link to the
# literature note of that citekey, for a Zotero user
_CITATION = re.compile(r"\[[^\[\]\n]*?@[\w:.#$%&+?<>~/-]+[^\[\]\n]*\]")
_CITEKEY = re.compile(r"(?<![\w@])@([\w:.#$%&+?<>~/-]*\w)")


def linking_lines(notes_dir: Path, rels: Iterable[str], targets: frozenset[str],
                  citekeys: frozenset[str] = frozenset()) -> dict[str, int]:
    """Each note (of rels, not a target itself) that links to one of targets (or cites one of citekeys, in
    lower case: the targets' literature notes), with the line of its first such link."""
    from .vault import Vault

    rels = list(rels)
    vault = Vault(notes_dir, rels)
    out: dict[str, int] = {}
    for rel in rels:
        if rel in targets:
            continue
        text, _ = read_note(notes_dir / rel, rel)
        if not text or ("[[" not in text and "](" not in text and ".md)" not in text and not is_canvas(rel)
                        and not (citekeys and "@" in text)):
            continue
        line = _canvas_link_line(text, rel, targets, vault) if is_canvas(rel) else _link_line(text, rel, targets, vault,
                                                                                              citekeys)
        if line is not None:
            out[rel] = line
    return out


def _link_line(text: str, rel: str, targets: frozenset[str], vault, citekeys: frozenset[str] = frozenset()) -> int | None:
    at = [a for a in (_first_link(text, rel, targets, vault), _first_citation(text, citekeys)) if a is not None]
    return None if not at else text.count("\n", 0, min(at)) + 1


def _first_citation(text: str, citekeys: frozenset[str]) -> int | None:
    """Where in text (outside code) the first Pandoc citation of one of citekeys starts, or None."""
    if not citekeys or "@" not in text:
        return None
    for m in _CITATION.finditer(_prose_only(text)):
        if any(key.lower() in citekeys for key in _CITEKEY.findall(m.group(0))):
            return m.start()
    return None


def _canvas_link_line(text: str, rel: str, targets: frozenset[str], vault) -> int | None:
    """The line of a canvas's first card that links to one of targets: a file card (a link to its note) or a
    text card with a link in its markdown."""
    return next((line for line, card in link_texts(text) if _first_link(card, rel, targets, vault) is not None), None)


def _prose_only(text: str) -> str:
    """text with its code (fenced blocks, spans) blanked, every character where it was: a link written
    as code is no link."""
    marked = outside_code(text, lambda part: "\x00" * len(part))
    if len(marked) != len(text):
        return text
    return "".join(ch if m == "\x00" or ch == "\n" else " " for ch, m in zip(text, marked))


def _first_link(text: str, rel: str, targets: frozenset[str], vault) -> int | None:
    """Where in text the first link (outside code) to one of targets starts, or None."""
    prose = _prose_only(text)
    found = []
    for m in WIKILINK.finditer(prose):
        target = parse_link(m.group(2), vault.in_dendron(rel)).target
        if target and vault.resolve(target, rel) in targets:
            found.append(m.start())
            break
    props = page_properties(text, rel)  # a Notion page's relations ("Study: Title (../Studies%20<id>/...md)")
    relations = relation_targets(text, props) if props is not None else []
    for at, href in [(m.start(), m.group(1)) for m in _MD_LINK.finditer(prose)] + relations:
        href = urllib.parse.unquote(href.split("#", 1)[0])
        if href and "://" not in href:
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            if linked in targets or vault.resolve(href, rel) in targets:
                found.append(at)
                break
    return min(found) if found else None
