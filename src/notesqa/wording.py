"""How counted things are written in messages: "1 note", "3 notes"."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """n and noun, plural unless n is 1: counted(2, "hit") == "2 hits"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
