"""The things a question or a heading numbers: "visit 2", "Production meeting - Arsenic #1", "the second visit".

A question that numbers a thing ("what came out of the second maritime museum visit?", "first Arsenic prod meeting")
asks for the passages under the title or heading that numbers it so ("MMM visit 2 - MDHB records", "Production
meeting - Arsenic #1"), not for those of its other numbers (trial s58 OB, PD: near-duplicate notes of visits and
meetings 1, 2 and 3, the asked one 5th or lower). Each thing is a pair (a word's token, the number): a number
pairs with the few words before it, an ordinal word ("second", "2nd") with the few after it; a month's or weekday's
name, a closed-class word and a number of a date ("17th", "2026") pair with nothing.
"""

from __future__ import annotations

import re

from .keywords import STOPWORDS, tokenize
from .periods import is_calendar_word
from .vocabulary import CLOSED

ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
            "eighth": "8", "ninth": "9", "tenth": "10"}
WORDS_AROUND = 3  # the words a number or an ordinal pairs with

_WORD = r"[^\W\d_][\w'’&]*"
# a number of one or two digits after up to WORDS_AROUND words ("MMM visit 2", "Arsenic #1", "meeting - Arsenic #2"),
# not a day's or a version's ("17th", "2.1") nor a year
# (apart from its word: "v8", "Q3" are names)
_NUMBER_AFTER = re.compile(rf"((?:{_WORD}(?:[ \t]*[-–—:])?[ \t]+){{0,{WORDS_AROUND - 1}}}{_WORD}(?:[ \t]*[-–—:])?[ \t]*"
                           rf"(?<![^\W\d_]))(?:#|(?<=[ \t]))(\d{{1,2}})(?![\w.,/:-]\d|[\w%])")
# an ordinal before up to WORDS_AROUND words ("second maritime museum visit", "2nd visit", "the first one")
_ORDINAL_BEFORE = re.compile(rf"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:[1-9]|10)"
                             rf"(?:st|nd|rd|th))\b((?:[ \t]+{_WORD}){{1,{WORDS_AROUND}}})", re.IGNORECASE)


def numbers_named(text: str) -> frozenset[tuple[str, str]]:
    """The things a title or a heading numbers: (token, number) of each number and the words before it (not a day's:
    "next prod meeting 1 Dec")."""
    if not any(ch.isdigit() for ch in text):
        return frozenset()
    return frozenset((t, m[2].lstrip("0") or "0") for m in _NUMBER_AFTER.finditer(text) if not _dated(text, m)
                     for t in _words(m[1]))


def numbers_asked(text: str) -> frozenset[tuple[str, str]]:
    """The things a question numbers: those numbers_named reads but a count ("visits in 2 weeks": a number before a
    word that is not closed-class), and (token, number) of each ordinal and the words after it ("second maritime
    museum visit": ("visit", "2"), ("museum", "2"), ...)."""
    out = {(t, m[2].lstrip("0") or "0") for m in _NUMBER_AFTER.finditer(text)
           if not _counts(text, m) and not _dated(text, m) for t in _words(m[1])} \
        if any(ch.isdigit() for ch in text) else set()
    for m in _ORDINAL_BEFORE.finditer(text):
        word = m[1].lower()
        number = ORDINALS.get(word) or word[:-2]
        out.update((t, number) for t in _words(m[2]))
    return frozenset(out)


_WORD_AFTER = re.compile(rf"[ \t]+({_WORD})")


def _counts(text: str, m: re.Match) -> bool:
    """Is the number m read a count of the word after it ("2 weeks", "3 eggs"), not a thing's number ("#2", "visit 2
    to")?"""
    after = _WORD_AFTER.match(text, m.end())
    return "#" not in m[0] and after is not None and not _closed(after[1])


def _dated(text: str, m: re.Match) -> bool:
    """Is the number m read a day's, a month's name after it ("1 Dec")?"""
    after = _WORD_AFTER.match(text, m.end())
    return after is not None and is_calendar_word(after[1])


def _words(text: str) -> list[str]:
    """The tokens of text's words that can be numbered: no closed-class word, no month's or weekday's name."""
    return [t for w in re.findall(_WORD, text) if not _closed(w) and not is_calendar_word(w) for t in tokenize(w)]


def _closed(word: str) -> bool:
    return word.lower() in CLOSED or word.lower() in STOPWORDS


def numbered_as(named: frozenset[tuple[str, str]], asked: frozenset[tuple[str, str]]) -> int:
    """1 when a passage's titles and headings number a thing the question numbers as it does (named: numbers_named
    of them), -1 when they number it only otherwise ("visit 1" for "the second visit"), 0 when they number none."""
    if not named or not asked:
        return 0
    if named & asked:
        return 1
    return -1 if {w for w, _ in named} & {w for w, _ in asked} else 0
