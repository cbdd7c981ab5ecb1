"""Flashcards written for card plugins, read as cards: "question → answer".

Obsidian's Spaced Repetition plugin writes a card of several lines as its question's lines, a line of only
"?" ("??": a card both ways), then its answer's; its one-line cards ("front::back") are read in units.card.
The Obsidian_to_Anki plugin writes a note type and fields between START and END lines, and its settings as
"TARGET DECK" and "FILE TAGS" lines: none of those markers is text. An Anki cloze ({{c1::answer}}) is read as
its answer (liquid.py and markup.Inline.render). Both rewrites keep every line where it was (a marker becomes an empty
line), so each card's passage points at its line.
"""

from __future__ import annotations

import re

from .markup import outside_code

# a line of only "?" or "??" between a card's question and its answer (the plugin's default separators)
_SEPARATOR = re.compile(r"(?<=\S)([ \t]*\n[ \t]*)(\?\??)[ \t]*(?=\n[ \t]*\S)")
_DIRECTIVE = re.compile(r"^(TARGET DECK|FILE TAGS)\b[ \t]*(:?)(.*)$")  # "TARGET DECK: Med::Pharm", or the deck below
_FIELD = re.compile(r"^(Front|Back|Text|Extra|Back Extra)[ \t]*:[ \t]*", re.IGNORECASE)
_NOT_TEXT = re.compile(r"^(?:Tags:.*|DELETE|<!--ID:[^>]*-->)[ \t]*$")
MAX_CARD_LINES = 50  # a START without its END this close after it is text, not a card


def read_cards(text: str) -> str:
    """text with its card plugins' markup read as the cards say it, outside code, each line where it was."""
    if not (_SEPARATOR.search(text) or "START" in text or "TARGET DECK" in text or "FILE TAGS" in text):
        return text
    return outside_code(text, _part)


def _part(text: str) -> str:
    text = _SEPARATOR.sub(_separator, text)
    if "START" in text or "TARGET DECK" in text or "FILE TAGS" in text:
        text = "\n".join(_anki_lines(text.split("\n")))
    return text


def _separator(m: re.Match) -> str:
    """A multi-line card's "?" as the arrow its one-line cards read with: "question ... → answer"."""
    return f"{m.group(1)}{'↔' if m.group(2) == '??' else '→'}"


def _anki_lines(lines: list[str]) -> list[str]:
    out = list(lines)
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        directive = _DIRECTIVE.match(line)
        if directive:  # the setting, and the line that holds its value when the marker's own line does not
            out[i] = ""
            if not directive.group(2) and not directive.group(3).strip() and i + 1 < len(lines):
                out[i + 1] = ""
                i += 1
        elif line == "START":
            end = next((j for j in range(i + 2, min(len(lines), i + MAX_CARD_LINES)) if lines[j].strip() == "END"),
                       None)
            if end is not None:
                out[i:end + 1] = _card(lines[i + 1].strip(), lines[i + 2:end])
                i = end
        i += 1
    return out


def _card(kind: str, fields: list[str]) -> list[str]:
    """The lines of an Obsidian_to_Anki card from START (its note type on the next line) to END: markers empty,
    a Back field on from "→" ("↔" for a card both ways), an extra on from "—"."""
    both = "reverse" in kind.lower()
    read = []
    for line in fields:
        if _NOT_TEXT.match(line.strip()):
            read.append("")
            continue
        field = _FIELD.match(line.strip())
        name = field.group(1).lower() if field else ""
        rest = line.strip()[field.end():] if field else line
        read.append(f"{'↔' if both else '→'} {rest}" if name == "back" else f"— {rest}" if "extra" in name else rest)
    return ["", "", *read, ""]
