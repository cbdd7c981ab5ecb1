"""Text nested past markdown-it's limit, read at the deepest level it reaches, not dropped.

markdown-it stops reading a container at its nesting limit (`config.MAX_NESTING`, about 74
levels of list) and the lines left in it (and, when that container runs on, every line after it
in the note) yield no token: text lost without a word. Those lines are given the indentation of
the deepest item read, so they are read as its siblings, and the note says which lines were.
"""

from __future__ import annotations

import re

from .config import MAX_NESTING

_INDENT = re.compile(r"[ \t]*")
_LEAVES = ("inline", "fence", "code_block", "html_block", "hr", "math_block", "math_block_eqno")
_LEVELS = (MAX_NESTING - 2) // 2  # of a list: an item takes two (its list and itself)
_ROUNDS = 8  # a limit for texts no flattening helps (quotes nested 80 deep): what is left is said lost


def _unread(tokens, lines: list[str]) -> tuple[int, list[int]] | None:
    """The deepest item's first line and the lines of text inside it no token covers (0-based), if the limit was hit."""
    if not tokens or max(t.level for t in tokens) < MAX_NESTING - 1:
        return None
    covered: set[int] = set()
    for tok in tokens:
        if tok.type in _LEAVES and tok.map:
            covered.update(range(*tok.map))
    # the deepest item whose own first line was read: the lines after it in it were not
    read = [t for t in tokens if t.nesting == 1 and t.map and t.type.endswith("item_open") and t.map[0] in covered]
    if not read:
        return None
    start, end = read[-1].map
    skipped = [i for i in range(start + 1, min(end, len(lines))) if i not in covered and lines[i].strip()]
    return (start, skipped) if skipped else None


def parse_nested(parse, text: str) -> tuple[list, str | None, str | None]:
    """Tokens of text as `parse` reads it, lines past the nesting limit read at its deepest level;
    then which lines were (a repair, for the note's report) and which could still not be read."""
    tokens = parse(text)
    lines = text.split("\n")
    moved: list[int] = []
    for _ in range(_ROUNDS):
        found = _unread(tokens, lines)
        if found is None:
            break
        start, skipped = found
        indent = _INDENT.match(lines[start]).group()
        width = len(indent.expandtabs(4))
        flattened = [i for i in skipped if len(_INDENT.match(lines[i]).group().expandtabs(4)) > width]
        if not flattened:
            break
        for i in flattened:
            lines[i] = indent + lines[i].lstrip(" \t")
        moved += flattened
        tokens = parse("\n".join(lines))
    else:
        found = _unread(tokens, lines)
    left = found[1] if found else []
    repaired = f"{_lines(moved)} nested deeper than {_LEVELS} levels, read at level {_LEVELS}" if moved else None
    return tokens, repaired, f"{_lines(left)} nested deeper than {_LEVELS} levels, not read" if left else None


def _lines(numbers: list[int]) -> str:
    first, last = min(numbers) + 1, max(numbers) + 1
    return f"line {first}" if first == last else f"lines {first}-{last}"
