"""Flashcards written for card plugins, read as cards: "question → answer", each a record of its own.

Obsidian's Spaced Repetition plugin reads cards in a note of cards (tagged #flashcards, as its settings have it by
default; or holding its <!--SR:...--> review comments): one-line cards "front::back" (units.card) and cards of
several lines, the question's lines, a line of only "?" ("??": both ways), then the answer's. The Obsidian_to_Anki
plugin writes a note type and fields between START and END lines (STARTI [Type] ... ENDI on one line), an ID
comment once it has synced one, and its settings as TARGET DECK and FILE TAGS lines: those markers are not text,
and the tags are the note's. An Anki cloze ({{c1::answer}}) reads as its answer (liquid.py, markup.Inline.render).

read_cards rewrites a note's text before it is parsed, every line where it was (a marker becomes an empty line),
and says where each card is (Cards.spans): the walker makes each card a record of its own (Unit.after_rule on
its first unit and on the first unit after it), so a hit of one card is not the next one's, whatever blocks
markdown reads the card as (an answer that is a list, or after an empty line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .markup import code_fence_after

# a line of only "?" or "??" between a card's question and its answer (the plugin's default separators)
_SEPARATOR = re.compile(r"^([ \t]{0,3})(\?\??)[ \t]*$")
# the Spaced Repetition plugin's notes: tagged #flashcards (in front matter too), or reviewed (its comments)
_DECK_TAG = re.compile(r"(?<![\w#/])#flashcards\b|<!--SR:|^tags:.*\bflashcards\b|^[ \t]*-[ \t]+flashcards\b",
                       re.IGNORECASE | re.M)
_ONE_LINE = re.compile(r"^([^:`]{1,200})(?<=\S)(:{2,3})(?=\S)")  # "front::back" (units.card reads it)
# "TARGET DECK: Med::Pharm" or "TARGET DECK" with the deck on the next line; "FILE TAGS" and its tags the same
_SETTING = re.compile(r"^(TARGET DECK|FILE TAGS)[ \t]*(?::[ \t]*(\S.*))?$")
_VALUE = re.compile(r"^[^.!?]{1,60}$")  # a deck's name or a few tags: no sentence
_KNOWN_TYPES = re.compile(r"^(?:Basic(?: \(.*\))?|Cloze)$", re.IGNORECASE)
_FIELD = re.compile(r"^([^\W\d_][\w -]{0,30}?)[ \t]*:[ \t]+(?=\S)")  # "Back: ...", "Definition: ...", "verso: ..."
_TAGS = re.compile(r"^Tags:[ \t]*(.*)$", re.IGNORECASE)
_SYNCED = re.compile(r"^<!--ID:[^>]*-->[ \t]*$")  # the plugin's note of a card it has sent to Anki
_INLINE = re.compile(r"^([ \t]*)STARTI[ \t]*\[([^\]\n]*)\][ \t]*(.+?)[ \t]*ENDI[ \t]*$")
MAX_CARD_LINES = 50  # a START without its END this close after it is text, not a card


@dataclass(frozen=True)
class Cards:
    """A note's text with its cards read, where each card is, and the tags the plugins' settings give it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()  # (first, last) line of each card, 1-based
    tags: tuple[str, ...] = ()  # FILE TAGS and each card's Tags: (Anki's "Med::Renal" as "Med/Renal")

    def holds(self, first: int, last: int) -> bool:
        """Do lines first..last hold (a part of) a card?"""
        return any(a <= last and first <= b for a, b in self.spans)


def deck_note(text: str) -> bool:
    """Is text a note of the Spaced Repetition plugin's cards (tagged #flashcards, or with its review comments)?
    Not one that only says the word ("I made flashcards for Spanish")."""
    return _DECK_TAG.search(text) is not None


def read_cards(text: str, deck: bool) -> Cards:
    """text's cards read as cards (deck: deck_note(text), before its comments are taken out), outside front matter,
    code and display maths, each line where it was."""
    if not ((deck and ("?" in text or "::" in text)) or "START" in text or "TARGET DECK" in text
            or "FILE TAGS" in text):
        return Cards(text)
    lines = text.split("\n")
    read = _Reader(lines, deck)
    read.run()
    return Cards("\n".join(read.out), tuple(read.spans), tuple(dict.fromkeys(read.tags)))


def as_records(units: list, cards: Cards) -> list:
    """units with the first of each card's and the first after it marked as records of their own (after_rule)."""
    if not cards.spans:
        return units
    marks: set[int] = set()
    for first, last in cards.spans:
        inside = next((i for i, u in enumerate(units) if not u.origin and first <= u.line <= last), None)
        after = next((i for i, u in enumerate(units) if not u.origin and u.line > last), None)
        marks.update(i for i in (inside, after) if i is not None)
    return [replace(u, after_rule=True) if i in marks and not u.after_rule else u for i, u in enumerate(units)]


class _Reader:
    """One pass over a note's lines: cards rewritten in out, their spans and the plugins' tags collected."""

    def __init__(self, lines: list[str], deck: bool):
        self.lines, self.deck = lines, deck
        self.out = list(lines)
        self.spans: list[tuple[int, int]] = []
        self.tags: list[str] = []
        self.evidence = any(_SETTING.match(ln.strip()) or _SYNCED.match(ln.strip()) for ln in lines)

    def run(self) -> None:
        skip = _not_text_lines(self.lines)
        i = 0
        while i < len(self.lines):
            if i not in skip:
                i = self._line(i, skip)
            i += 1

    def _line(self, i: int, skip: set[int]) -> int:
        """Read the card or setting at line i (0-based); the last line it took."""
        line = self.lines[i].strip()
        if self.deck and _ONE_LINE.match(line):
            self.spans.append((i + 1, i + 1))
        elif self.deck and _SEPARATOR.match(self.lines[i]) and 0 < i < len(self.lines) - 1 \
                and self.lines[i - 1].strip() and self.lines[i + 1].strip() and {i - 1, i + 1}.isdisjoint(skip):
            self._separator(i)
        elif (inline := _INLINE.match(self.lines[i])) is not None:
            self._inline(i, inline)
        elif (setting := _SETTING.match(line)) is not None:
            return self._setting(i, setting)
        elif line == "START":
            return self._block(i, skip)
        return i

    def _separator(self, i: int) -> None:
        """A multi-line card's "?": "question ... → answer" (its span: the paragraph around it)."""
        sep = _SEPARATOR.match(self.lines[i])
        self.out[i] = sep.group(1) + ("↔" if sep.group(2) == "??" else "→")
        first, last = i - 1, i + 1
        while first > 0 and self.lines[first - 1].strip():
            first -= 1
        while last + 1 < len(self.lines) and self.lines[last + 1].strip() and not self.lines[last + 1].startswith("<!--"):
            last += 1
        self.spans.append((first + 1, last + 1))

    def _inline(self, i: int, m: re.Match) -> None:
        """An Obsidian_to_Anki card on one line, "STARTI [Basic] front Back: back ENDI", as "front → back"."""
        front, sep, back = m.group(3).partition(" Back: ")
        arrow = "↔" if "reverse" in m.group(2).lower() else "→"
        self.out[i] = f"{m.group(1)}{front.strip()} {arrow} {back.strip()}" if sep else m.group(1) + m.group(3)
        self.spans.append((i + 1, i + 1))

    def _setting(self, i: int, m: re.Match) -> int:
        """TARGET DECK or FILE TAGS in the plugin's form (its value on the line or the next): not text."""
        if m.group(2) is not None:
            value, last = m.group(2), i
        elif i + 1 < len(self.lines):
            value, last = self.lines[i + 1].strip(), i + 1
        else:
            return i
        if not _VALUE.match(value):
            return i  # a sentence that starts so ("FILE TAGS: keep the EXIF keywords when ...") is text
        if m.group(1) == "FILE TAGS":
            self.tags.extend(_tags(value))
        self.out[i:last + 1] = [""] * (last + 1 - i)
        return last

    def _block(self, i: int, skip: set[int]) -> int:
        """A START ... END card of a note type: its lines read (_card_lines); any other START is text."""
        end = next((j for j in range(i + 2, min(len(self.lines), i + MAX_CARD_LINES)) if self.lines[j].strip() == "END"),
                   None)
        if end is None or skip.intersection(range(i, end + 1)):
            return i
        kind, body = self.lines[i + 1].strip(), self.lines[i + 2:end]
        known = _KNOWN_TYPES.match(kind) is not None
        if not (known or self.evidence and kind and not kind.endswith((".", ":"))):
            return i  # (a workout's START and END, a PCR run's: no note the plugin wrote)
        self.out[i:end + 1] = ["", "", *_card_lines(kind, body, known, self.tags), ""]
        self.spans.append((i + 3, end))
        return end


def _card_lines(kind: str, body: list[str], known: bool, tags: list[str]) -> list[str]:
    """An Obsidian_to_Anki card's field lines as read: the first field its front, the next on from "→" ("↔": a card
    both ways; "—" for an extra), any more on from "—"; of a type of the user's own, each later field keeps its name
    ("→ Definition: ..."). Its Tags: line and ID comment are not text (the tags go to tags)."""
    arrow = "↔" if "reverse" in kind.lower() else "→"
    out, n = [], 0  # n: fields so far (lines before any name are the first field)
    for line in body:
        text = line.strip()
        field = _FIELD.match(text)
        if _SYNCED.match(text) or text.upper() == "DELETE":
            out.append("")
        elif (named := _TAGS.match(text)) is not None:
            tags.extend(_tags(named.group(1)))
            out.append("")
        elif field is None:
            n = max(n, 1)
            out.append(line)
        else:
            n += 1
            out.append(_field_line(text, field, n, arrow, keep_name=not known))
    return out


def _field_line(text: str, field: re.Match, n: int, arrow: str, keep_name: bool) -> str:
    """The line of a card's n-th field."""
    rest = text if keep_name and n > 1 else text[field.end():]
    if n == 1:
        return text[field.end():]
    lead = "—" if n > 2 or "extra" in field.group(1).lower() else arrow
    return f"{lead} {rest}"


def _tags(value: str) -> list[str]:
    """Anki's tags ("renal nephro", "Med::Renal", "C++") as the note's tags."""
    return [t.replace("::", "/") for t in value.replace(",", " ").split() if any(ch.isalnum() for ch in t)]


_MATHS_FENCE = re.compile(r"^[ \t]*\$\$")


def _not_text_lines(lines: list[str]) -> set[int]:
    """The lines no card is read in: front matter, fenced code, display maths and indented code (0-based)."""
    skip: set[int] = set()
    if lines and lines[0].strip() == "---":
        end = next((j for j in range(1, len(lines)) if lines[j].strip() in ("---", "...")), None)
        if end is not None:
            skip.update(range(end + 1))
    fence, maths = None, False
    for i, line in enumerate(lines):
        if i in skip:
            continue
        after = code_fence_after(line, fence)
        if fence is not None or after is not None:
            skip.add(i)
            fence = after
            continue
        if _MATHS_FENCE.match(line):
            skip.add(i)
            maths = not maths if line.strip().count("$$") == 1 else maths
        elif maths or line.startswith(("    ", "\t")) and not line.lstrip().startswith(("-", "*", "+")):
            skip.add(i)
    return skip
