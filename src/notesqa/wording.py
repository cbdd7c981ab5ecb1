"""How things are written in messages: counted ("1 note", "3 notes"), quoted ("“staging”")."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """n and noun, plural unless n is 1: counted(2, "hit") == "2 hits"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


QUOTED_CHARS = 80  # a word or phrase a message quotes is cut here ("…"): a pasted page is no message


def in_quotes(text: str) -> str:
    """text in curly quotes, cut at QUOTED_CHARS (trial s38: a 5,000-letter word had been quoted whole)."""
    return f"\u201c{text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + '…'}\u201d"
