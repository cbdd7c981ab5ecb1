"""How a question marks its parts: filters (`name:value`, the value in quotes or up to the next space) and phrases
in quotes. Written once: query.py reads a question's filters and phrases with it, periods.py leaves the words in
quotes alone, conversation.py carries a question's filters over to its follow-up.
"""

from __future__ import annotations

import bisect
import re


FILTER_NAMES = ("tag", "path", "after", "before")
# name:value at the start of a word; "name:: value" is a Logseq property pasted in, text, not a filter
_NAMED = r"(?<!\S)({names}):(?!:)(\"[^\"]*\"|“[^”]*”|\S+)"  # (a value in quotes, straight or curly as a Mac types them)
ANY_NAMED = re.compile(_NAMED.format(names=r"\w+"))  # also typos of a filter name, URLs, 10:30
# group 1: name, 2: value; with a dash before it, one that leaves notes out ("-path:Daily")
FILTER = re.compile("(?<!\\S)(?:-(?=(?:tag|path):))?" + _NAMED.format(names="|".join(FILTER_NAMES))[len("(?<!\\S)"):],
                    re.IGNORECASE)
# words in quotes (straight, curly as a Mac or phone types them, German or French) must be said in that
# order: "shuffle sharding"; a filter's quoted value (tag:"my tag") is taken before
# each with one group, what it holds
# (of at most QUOTE_MAX characters: an unclosed quote mark is not sought to the end from each of a long run of them,
# the fuzz's 10,000 “ having taken seconds)
QUOTE_MAX = 500
QUOTE_FORMS = tuple(f.replace("*", "{0,%d}" % QUOTE_MAX) for f in (r'"([^"\n]*)"', r"“([^”\n]*)”", r"„([^“”\n]*)[“”]",
                                                                   r"«([^»\n]*)»"))
QUOTED = re.compile("|".join(QUOTE_FORMS))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of text's quoted phrases (straight or curly quotes) and filters' values ('tag:"week 38"'), read once
    a text (the second review: read again for each week or month it names, a long question took a minute)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(m.span() for rx in (QUOTED, ANY_NAMED) for m in rx.finditer(text)):
        if merged and start < merged[-1][1]:  # (a filter's quoted value is a quoted phrase too: one span)
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Is at inside one of spans (quoted_spans: apart, in order)?"""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]
