"""Flashcards written for card plugins, read as cards: "question → answer".

Obsidian's Spaced Repetition plugin writes a card of several lines as its question's lines, a line of only
"?" ("??": a card both ways), then its answer's, in a note of cards (one tagged #flashcards, or holding the
plugin's <!--SR:...--> review comments); its one-line cards ("front::back") are read in units.card. The
Obsidian_to_Anki plugin writes a note type and fields between START and END lines (STARTI [Type] ... ENDI on
one line), and its settings as "TARGET DECK" and "FILE TAGS" lines: those markers are not text, and its tags
are the note's tags. An Anki cloze ({{c1::answer}}) is read as its answer (liquid.py and markup.Inline.render).

Every rewrite keeps each line where it was (a marker becomes an empty line), so each card's passage points at
its line; a card's arrow is written as CARD_ARROW (CARD_BOTH), which the markdown walker (units.py) reads as
"→" ("↔") and as a card: a hit of its own.
"""

from __future__ import annotations

import re

from .markup import outside_code

CARD_ARROW, CARD_BOTH = "\ue000", "\ue001"  # (private-use characters: never in a note) read as "→" and "↔"
CARD_MARK = "\ue002"  # ... and before a card of no arrow (a cloze's): read as nothing
ARROWS = {CARD_ARROW: "→", CARD_BOTH: "↔", CARD_MARK: ""}

# a line of only "?" or "??" between a card's question and its answer (the plugin's default separators)
_SEPARATOR = re.compile(r"(?<=\S)([ \t]*\n[ \t]*)(\?\??)[ \t]*(?=\n[ \t]*\S)")
# the Spaced Repetition plugin's notes: tagged #flashcards (its default deck tag), or reviewed (its comments)
_DECK_NOTE = re.compile(r"(?:^|[\s\[,'\"])#?flashcards\b|<!--SR:", re.IGNORECASE)
# "TARGET DECK: Med::Pharm" or "TARGET DECK" with the deck on the next line; "FILE TAGS" and its tags the same
_SETTING = re.compile(r"^(TARGET DECK|FILE TAGS)[ \t]*(?::[ \t]*(\S.*))?$")
_VALUE = re.compile(r"^[^.!?]{1,60}$")  # a deck's name or a few tags: no sentence
_KNOWN_TYPES = re.compile(r"^(?:Basic(?: \(.*\))?|Cloze)$", re.IGNORECASE)
_FIELD = re.compile(r"^([A-Z][\w -]{0,30}?)[ \t]*:[ \t]+(?=\S)")  # "Back: ...", "Definition: ..."
_TAGS = re.compile(r"^Tags:[ \t]*(.*)$")
_NOT_TEXT = re.compile(r"^(?:DELETE|<!--ID:[^>]*-->)[ \t]*$")
_INLINE = re.compile(r"^([ \t]*)STARTI[ \t]*\[([^\]\n]*)\][ \t]*(.+?)[ \t]*ENDI[ \t]*$", re.M)
MAX_CARD_LINES = 50  # a START without its END this close after it is text, not a card


def deck_note(text: str) -> bool:
    """Is text a Spaced Repetition note of cards (tagged #flashcards, or with the plugin's review comments)?"""
    return _DECK_NOTE.search(text) is not None


def read_cards(text: str) -> str:
    """text with its card plugins' markup read as the cards say it, outside code, each line where it was."""
    deck = deck_note(text)
    if not ((deck and _SEPARATOR.search(text)) or "START" in text or "TARGET DECK" in text or "FILE TAGS" in text):
        return text
    return outside_code(text, lambda part: _part(part, deck))


def _part(text: str, deck: bool) -> str:
    if deck:
        text = _SEPARATOR.sub(_separator, text)
    if "STARTI" in text:
        text = _INLINE.sub(_inline_card, text)
    if "START" in text or "TARGET DECK" in text or "FILE TAGS" in text:
        text = "\n".join(_anki_lines(text.split("\n")))
    return text


def _separator(m: re.Match) -> str:
    """A multi-line card's "?": "question ... → answer"."""
    return f"{m.group(1)}{CARD_BOTH if m.group(2) == '??' else CARD_ARROW}"


def _inline_card(m: re.Match) -> str:
    """An Obsidian_to_Anki card on one line, "STARTI [Basic] front Back: back ENDI", as "front → back"."""
    kind, body = m.group(2).strip(), m.group(3)
    front, sep, back = body.partition(" Back: ")
    arrow = CARD_BOTH if "reverse" in kind.lower() else CARD_ARROW
    return f"{m.group(1)}{front.strip()} {arrow} {back.strip()}" if sep else f"{m.group(1)}{body}"


def _anki_lines(lines: list[str]) -> list[str]:
    out = list(lines)
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        setting = _SETTING.match(line)
        if setting and setting.group(2) is not None and _VALUE.match(setting.group(2)):
            out[i] = _as_tags(setting.group(2)) if setting.group(1) == "FILE TAGS" else ""
        elif setting and setting.group(2) is None and i + 1 < len(lines) and _VALUE.match(lines[i + 1].strip()):
            out[i], out[i + 1] = "", _as_tags(lines[i + 1]) if setting.group(1) == "FILE TAGS" else ""
            i += 1
        elif line == "START":
            end = next((j for j in range(i + 2, min(len(lines), i + MAX_CARD_LINES)) if lines[j].strip() == "END"),
                       None)
            card = _card(lines[i + 1].strip(), lines[i + 2:end]) if end is not None else None
            if card is not None:
                out[i:end + 1] = card
                i = end
        i += 1
    return out


def _as_tags(value: str) -> str:
    """Anki's tags ("renal nephro", "Med::Renal") as a line of #tags: the note's tags, as Obsidian reads one."""
    return " ".join(f"#{t.replace('::', '/')}" for t in value.replace(",", " ").split())


def _card(kind: str, lines: list[str]) -> list[str] | None:
    """The lines of an Obsidian_to_Anki card from START (its note type on the next line) to END: markers empty, the
    first field the front, the next on from the arrow ("↔" for a card both ways), any more on from "—". None when
    kind is no note type (a known one, or a name without spaces with labelled fields): then it is not a card."""
    fields = [_FIELD.match(ln.strip()) for ln in lines]
    if not (_KNOWN_TYPES.match(kind) or " " not in kind and kind and any(fields)):
        return None
    arrow = CARD_BOTH if "reverse" in kind.lower() else CARD_ARROW
    read, n = [], 0  # n: fields so far (unlabelled lines before any label are the first field)
    mark = CARD_MARK  # on the card's first line of text: a card, whatever it says
    for line, field in zip(lines, fields):
        text = line.strip()
        if _NOT_TEXT.match(text):
            read.append("")
        elif (tags := _TAGS.match(text)) is not None:
            read.append(_as_tags(tags.group(1)))
        elif field is None:
            n = max(n, 1)
            read.append(mark + line)
            mark = ""
        else:
            n += 1
            rest = text[field.end():]
            read.append(mark + (rest if n == 1 else f"{'—' if 'extra' in field.group(1).lower() else arrow} {rest}"
                                if n == 2 else f"— {rest}"))
            mark = ""
    return ["", "", *read, ""]
