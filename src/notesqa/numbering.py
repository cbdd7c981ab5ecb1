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
from functools import lru_cache

from .keywords import STOPWORDS, tokenize
from .periods import is_calendar_word
from .vocabulary import CLOSED

ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
            "eighth": "8", "ninth": "9", "tenth": "10"}
WORDS_AROUND = 3  # the words a number or an ordinal pairs with

_WORD = r"[^\W\d_][\w'’&]*"
# a number of one or two digits after up to WORDS_AROUND words ("MMM visit 2", "Arsenic #1", "meeting - Arsenic #2"),
# not a day's or a version's ("17th", "2.1") nor a year
# (apart from its word: "v8", "Q3" are names); found as the number, then the words just before it (one pattern of
# both had taken 3 ms on a long paragraph, and a question read a few hundred: 97 ms, the s59 review)
_NUMBER = re.compile(r"(#|(?<=[ \t]))(\d{1,2})(?![\w.,/:-]\d|[\w%])")
_WORDS_BEFORE = re.compile(rf"(?<![\w'’&])({_WORD}(?:(?:[ \t]*[-–—:])?[ \t]+{_WORD}){{0,{WORDS_AROUND - 1}}})(?:[ \t]*[-–—:])?[ \t]*\Z")
_BEFORE = 80  # characters before a number its words are looked for in
# an ordinal before up to WORDS_AROUND words ("second maritime museum visit", "2nd visit", "the first one")
_ORDINAL_BEFORE = re.compile(rf"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:[1-9]|10)"
                             rf"(?:st|nd|rd|th))\b((?:[ \t]+{_WORD}){{1,{WORDS_AROUND}}})", re.IGNORECASE)


# ... or a capital letter alone after them ("Zone A", "Plan B": trial s70 A HM-040, "proposed zone a rate 2027" had
# found the Zone B row first), not "I"; a question's in either case ("zone a"), its pronoun "i" none
_LETTER_NAMED = re.compile(r"(?<=[ \t])([A-HJ-Z])(?![\w'’&-]|\.\w)")
_LETTER_ASKED = re.compile(r"(?<=[ \t])([A-HJ-Za-hj-z])(?![\w'’&-]|\.\w)")


@lru_cache(maxsize=1 << 16)
def numbers_named(text: str) -> frozenset[tuple[str, str]]:
    """The things a title or a heading numbers: (token, number) of each number and the words before it (not a day's:
    "next prod meeting 1 Dec"), and of each capital letter alone and the words before it ("Zone A": ("zone", "a")).
    Read once a passage's labels (ranking reads a few hundred of them a question)."""
    return frozenset({(t, number) for words, number, end, _ in _numbers(text) if not _dated(text, end)
                      for t in _words(words)} | _lettered(text, _LETTER_NAMED))


def numbers_asked(text: str) -> frozenset[tuple[str, str]]:
    """The things a question numbers: those numbers_named reads but a count ("visits in 2 weeks": a number before a
    word that is not closed-class), and (token, number) of each ordinal and the words after it ("second maritime
    museum visit": ("visit", "2"), ("museum", "2"), ...)."""
    out = {(t, number) for words, number, end, hashed in _numbers(text)
           if (hashed or not _counts(text, end)) and not _dated(text, end) for t in _words(words)}
    for m in _ORDINAL_BEFORE.finditer(text):
        word = m[1].lower()
        number = ORDINALS.get(word) or word[:-2]
        out.update((t, number) for t in _words(m[2]))
    return frozenset(out | _lettered(text, _LETTER_ASKED))


def _lettered(text: str, letter: re.Pattern) -> set[tuple[str, str]]:
    """(token, the letter in lower case) of each letter alone text says after words ("Zone A", "zone a")."""
    return {(t, m[1].lower()) for words, m in _after_words(text, letter) for t in _words(words)}


def _numbers(text: str) -> list[tuple[str, str, int, bool]]:
    """(the words just before it, the number, where it ends, whether "#" opens it) of each number of one or two digits
    text says after words (_NUMBER, _WORDS_BEFORE); not an hour of the clock ("the pedestal fan died at 11": trial s88
    J; "capped at 20" is a number still, the shared held-out set's ho-004)."""
    return [(words, m[2].lstrip("0") or "0", m.end(), m[1] == "#") for words, m in _after_words(text, _NUMBER)
            if not (_AT_TIME.search(words) and 1 <= int(m[2]) <= 12)]


_AT_TIME = re.compile(r"\b(?:at|by|till|until|til|from|around|about|before|after|past)\Z", re.IGNORECASE)


def _after_words(text: str, pattern: re.Pattern) -> list[tuple[str, re.Match]]:
    """(the words just before it, its match) of each match of pattern that text says after words (_WORDS_BEFORE)."""
    out = []
    for m in pattern.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - _BEFORE), m.start())
        if before is not None:
            out.append((before[1], m))
    return out


_WORD_AFTER = re.compile(rf"[ \t]+({_WORD})")


def _counts(text: str, end: int) -> bool:
    """Is the number that ends at end a count of the word after it ("2 weeks", "3 eggs"), not a thing's number ("visit
    2 to")?"""
    after = _WORD_AFTER.match(text, end)
    return after is not None and not _closed(after[1])


def _dated(text: str, end: int) -> bool:
    """Is the number that ends at end a day's, a month's name after it ("1 Dec")?"""
    after = _WORD_AFTER.match(text, end)
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
