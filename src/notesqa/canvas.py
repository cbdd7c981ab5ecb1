"""Obsidian Canvas files (`.canvas`, the JSON Canvas format) read as notes.

A canvas is JSON: cards ("nodes") on a plane, some inside groups. A text card holds markdown,
read as a note's text is (units.parse_markdown), under the labels of the groups it is in (as
headings in the breadcrumb). Cards are read as a person reads the canvas: a group's cards
together, in the group's place, top to bottom, then left to right. A file card is a link to its
note (backlinks count it), not text; a link card is a web address. Each passage points at the line
of the file where its card's "text" is (pretty-printed JSON: a line of its own; compact JSON: line 1).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

from .config import CANVAS_SUFFIX

if TYPE_CHECKING:
    from .units import EmbedSource, ParsedNote

TEXT, FILE, LINK, GROUP = "text", "file", "link", "group"  # Card.kind, as the format names them


@dataclass(frozen=True)
class Card:
    """One node of a canvas: where it is and what it says."""

    kind: str  # TEXT, FILE, LINK or GROUP
    text: str  # a text card's markdown, a group's label, a file card's path (#subpath kept), a link's address
    x: float
    y: float
    width: float
    height: float
    line: int  # the line of the file its text (or label, file, address) is at

    @property
    def area(self) -> float:
        return self.width * self.height

    def holds(self, other: "Card") -> bool:
        """Is other's centre inside this group (as Obsidian moves a card with the group it sits in)?"""
        cx, cy = other.x + other.width / 2, other.y + other.height / 2
        return self.kind == GROUP and self.x <= cx <= self.x + self.width and self.y <= cy <= self.y + self.height


def is_canvas(rel: str) -> bool:
    return rel.lower().endswith(CANVAS_SUFFIX)


def unreadable(text: str) -> str | None:
    """Why text is not a canvas notesqa can read (not JSON, not a JSON object), or None."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        return (f"not a readable canvas: its JSON is broken{where} ({getattr(exc, 'msg', exc)}); "
                "open it in Obsidian or fix it to index it")
    if not isinstance(data, dict):
        return "not a readable canvas: its JSON is not an object with \"nodes\"; open it in Obsidian or fix it"
    return None


# where a card's value is written: "text": "...", "label": "...", "file": "...", "url": "..."
_VALUE_KEYS = {TEXT: "text", GROUP: "label", FILE: "file", LINK: "url"}


def cards(text: str) -> list[Card]:
    """The canvas's cards, in the file's order; a node of no known kind or no text is left out."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    nodes = data.get("nodes") if isinstance(data, dict) else None
    out: list[Card] = []
    lines = _value_lines(text)
    for node in nodes if isinstance(nodes, list) else ():
        kind = node.get("type") if isinstance(node, dict) else None
        value = node.get(_VALUE_KEYS[kind]) if kind in _VALUE_KEYS else None
        if not isinstance(value, str):
            continue
        line = lines(_VALUE_KEYS[kind], value)
        if kind == FILE and isinstance(node.get("subpath"), str):
            value += node["subpath"]  # "#Heading" or "#^block"
        out.append(Card(kind, value, *(_number(node.get(k)) for k in ("x", "y", "width", "height")), line=line))
    return out


def _number(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _value_lines(text: str) -> Callable[[str, str], int]:
    """line(key, value): the line of the next "key": value in text, in the file's order, as cards() asks for
    them; 1 when it is not found (a canvas written in a way this does not read)."""
    decoder = json.JSONDecoder()
    at: dict[str, int] = {}

    def line(key: str, value: str) -> int:
        for m in re.finditer(rf'"{key}"\s*:\s*(?=")', text[at.get(key, 0):]):
            start = at.get(key, 0) + m.end()
            try:
                found, end = decoder.raw_decode(text, start)
            except ValueError:
                continue
            if found == value:
                at[key] = end
                return text.count("\n", 0, start) + 1
        return 1

    return line


def reading_order(all_cards: list[Card]) -> list[tuple[tuple[Card, ...], Card]]:
    """Every card but the groups, each with the groups it is in (outermost first), as a person reads the
    canvas: a group's cards together, in its place, top to bottom, then left to right."""
    groups = [(i, c) for i, c in enumerate(all_cards) if c.kind == GROUP]

    def inside(rank: int, card: Card) -> Card | None:  # the innermost group holding card (a larger one, or the earlier)
        holding = [g for i, g in groups if i != rank and g.holds(card)
                   and (g.area > card.area or g.area == card.area and i < rank)]
        return min(holding, key=lambda g: g.area, default=None)

    children: dict[int | None, list[Card]] = {}
    for rank, card in enumerate(all_cards):
        parent = inside(rank, card)
        children.setdefault(None if parent is None else id(parent), []).append(card)
    out: list[tuple[tuple[Card, ...], Card]] = []

    def read(parent: int | None, chain: tuple[Card, ...]) -> None:
        for card in sorted(children.get(parent, ()), key=lambda c: (c.y, c.x)):
            if card.kind == GROUP:
                read(id(card), (*chain, card))
            else:
                out.append((chain, card))

    read(None, ())
    return out


def parse_canvas(text: str, rel: str, vault: "EmbedSource | None" = None) -> "ParsedNote":
    """A canvas as a note: its text cards' units (each card's markdown read as a note's), under its groups'
    labels, at the line of the card's text; titled by its file's name."""
    from .metadata import note_date, title_from_filename
    from .textchars import visible_chars
    from .units import ParsedNote, Unit, parse_markdown

    units: list[Unit] = []
    block_ids: dict[str, int] = {}
    tags: list[str] = []
    lost: list[str] = []
    chars = heading_chars = 0
    labels_counted: set[int] = set()
    for groups, card in reading_order(cards(text)):
        if card.kind != TEXT or not card.text.strip():
            continue
        labels = tuple(" ".join(g.text.split()) for g in groups if g.text.strip())
        note = parse_markdown(card.text, rel, vault)
        base = len(units)
        units += [replace(u, line=card.line, end_line=card.line, heading=(*labels, *u.heading),
                          parent=None if u.parent is None else u.parent + base) for u in note.units]
        for key, idx in note.block_ids.items():
            block_ids.setdefault(key, idx + base)
        tags += note.tags
        lost += [f"{why} (in the card at line {card.line})" for why in note.lost]
        chars, heading_chars = chars + note.text_chars, heading_chars + note.heading_chars
        for g in groups:  # a group's label is text of the canvas, indexed as a heading of its cards
            if g.text.strip() and id(g) not in labels_counted and note.units:
                labels_counted.add(id(g))
                chars, heading_chars = chars + visible_chars(g.text), heading_chars + visible_chars(g.text)
    return ParsedNote(rel, title_from_filename(rel), tuple(dict.fromkeys(tags)), note_date(None, rel), units,
                      block_ids=block_ids, lost=tuple(lost), text_chars=chars, heading_chars=heading_chars)


def link_texts(text: str) -> list[tuple[int, str]]:
    """(line, markdown) of each card that may link to a note, in reading order: a text card's markdown, a
    file card as the [[link]] it is (what backlinks read)."""
    out = []
    for _, card in reading_order(cards(text)):
        if card.kind == TEXT:
            out.append((card.line, card.text))
        elif card.kind == FILE:
            out.append((card.line, f"[[{card.text}]]"))
    return out


def readable(text: str, shown: Callable[[int], bool] = lambda line: True) -> tuple[str, dict[int, tuple[int, int]]]:
    """The canvas as markdown a person reads (the chat's note view, read_note): its cards in reading order,
    each group's label a heading over its cards, a file card a [[link]], cards apart by a rule; and where
    each card's line of the file is in it (first and last line). shown(line): only the cards at those lines."""
    out: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    open_groups: tuple[Card, ...] = ()
    for groups, card in reading_order(cards(text)):
        if not shown(card.line) or not card.text.strip():
            continue
        same = next((i for i, (a, b) in enumerate(zip(open_groups, groups)) if a is not b), min(len(open_groups),
                                                                                                 len(groups)))
        new = [g for g in groups[same:] if g.text.strip()]
        if out and not new:
            out += ["---", ""]  # the next card of the same group: apart, as on the canvas
        for depth, g in enumerate(groups[same:], same + 1):
            if g.text.strip():
                out += [f"{'#' * min(depth, 6)} {' '.join(g.text.split())}", ""]
        open_groups = groups
        body = {FILE: f"[[{card.text}]]", LINK: f"<{card.text}>"}.get(card.kind, card.text.strip())
        where.setdefault(card.line, (len(out) + 1, len(out) + body.count("\n") + 1))
        out += [*body.split("\n"), ""]
    return "\n".join(out), where
