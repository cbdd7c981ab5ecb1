"""Words in quotes: a hit must say them, in that order.

    "shuffle sharding" what is it for?

passes only the passages that say "shuffle sharding" in their text, or in the title, headings or parent
bullets shown with them. The match ignores case, accents, punctuation and line breaks ("mg/dL" is said
by "mg / dl"), not the words or their order; a phrase in a script written without spaces (Chinese,
Japanese) matches inside a longer run of it. The keyword index narrows the passages to read to those
that hold every word of the phrase.
"""

from __future__ import annotations

import re

import numpy as np

from .chunking import Chunk
from .folding import folded
from .keywords import SPACELESS, KeywordIndex
from .wording import in_quotes

_WORD = re.compile(r"\w+")


def plain(text: str) -> str:
    """text as phrases are matched: case-folded, accents stripped, its words separated by one space,
    with a space at each end (so " cell " is not said by "cells")."""
    if text.isascii():  # most text: nothing to fold but case
        return " " + " ".join(_WORD.findall(text.lower())) + " "
    return " " + " ".join(_WORD.findall(folded(text))) + " "


def says(chunk: Chunk, phrase: str) -> bool:
    """Does chunk say phrase (already plain()), in its text or in what is shown with it?"""
    wanted = phrase.strip() if SPACELESS.search(phrase) else phrase
    return any(wanted in plain(part) for part in (chunk.text, chunk.title, *chunk.heading, *chunk.parents))


def saying(chunks: list[Chunk], keywords: KeywordIndex, phrases: tuple[str, ...]) -> np.ndarray:
    """Which chunks say every one of phrases."""
    mask = np.ones(len(chunks), dtype=bool)
    for phrase in phrases:
        rows = keywords.rows_holding(phrase)
        rows = range(len(chunks)) if rows is None else rows
        wanted = plain(phrase)
        said = np.zeros(len(chunks), dtype=bool)
        for row in rows:
            if mask[row] and says(chunks[row], wanted):
                said[row] = True
        mask &= said
    return mask


def quoted(phrases: tuple[str, ...]) -> str:
    """The phrases as a message names them: "shuffle sharding" and "cell-based"."""
    return " and ".join(in_quotes(p) for p in phrases)
