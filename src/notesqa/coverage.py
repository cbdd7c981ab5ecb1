"""How much of each note's text is indexed, and which notes lost some, and why.

A build records, per note, the characters of its text (markup and white space not
counted), the characters its chunks hold, and what the parser could not read as notes
text (an indented block read as code, an HTML block, a reference or embed not found).
The build report and `notesqa status` both read it from the manifest through here. What
counts as a character of notes text is textchars.py's rule.
"""

from __future__ import annotations

import math

from dataclasses import asdict, dataclass
from typing import Mapping

from .manifest import NoteEntry
from .wording import counted

# A note whose chunks hold less than this share of its text is named even without a reason
# (markup such as links and maths makes a fully indexed note read a little under 1).
LOW_SHARE = 0.75
MIN_CHARS = 200  # a note this short is not named for its share alone


@dataclass(frozen=True)
class NoteCoverage:
    path: str
    chars: int  # characters of notes text in the file
    indexed: int  # of those, held by its chunks
    reasons: tuple[str, ...]  # what could not be read as notes text

    @property
    def share(self) -> float:
        return min(1.0, self.indexed / self.chars) if self.chars else 1.0

    def to_dict(self) -> dict:
        return {**asdict(self), "reasons": list(self.reasons), "share": round(self.share, 3)}


@dataclass(frozen=True)
class Coverage:
    chars: int
    indexed: int
    flagged: tuple[NoteCoverage, ...]  # notes with text not read, worst first
    notes: tuple[NoteCoverage, ...] = ()  # every note, in path order

    @property
    def share(self) -> float:
        return min(1.0, self.indexed / self.chars) if self.chars else 1.0

    @property
    def percent(self) -> str:
        """The share as a person reads it, "99.4%": rounded down, so text not all indexed never reads 100.0%
        (trial s37: "100.0% ...; 1 note with text not indexed")."""
        return f"{math.floor(self.share * 1000) / 10:.1f}%"

    def to_dict(self) -> dict:
        return {"chars": self.chars, "indexed": self.indexed, "share": math.floor(self.share * 10_000) / 10_000,
                "flagged": [n.to_dict() for n in self.flagged],
                "notes": {n.path: {"chars": n.chars, "indexed": n.indexed, "share": round(n.share, 3)}
                          for n in self.notes}}

    def summary(self) -> str:
        n = len(self.flagged)
        named = f"; {counted(n, 'note')} with text not indexed" if n else ""
        return f"text indexed {self.percent} ({self.indexed:,} of {self.chars:,} characters){named}"


def coverage(notes: Mapping[str, NoteEntry]) -> Coverage:
    """Coverage of a manifest's notes (an index built before coverage was kept counts nothing)."""
    total = done = 0
    flagged: list[NoteCoverage] = []
    every: list[NoteCoverage] = []
    for rel, entry in notes.items():
        if entry.chars is None:
            continue
        lost = tuple(dict.fromkeys(entry.lost))  # once each, in order
        # a chunk may repeat text (a table row carries its header): never more than the note holds
        note = NoteCoverage(rel, int(entry.chars), min(int(entry.indexed or 0), int(entry.chars)), lost)
        total += note.chars
        done += note.indexed
        every.append(note)
        # long code indexed by its start and end is by design, but a note that loses much by it is named,
        # with why (trial Q: a post-mortem's pasted log, 24% of the note indexed, was not)
        low = note.chars >= MIN_CHARS and note.share < LOW_SHARE
        if lost or low:
            reasons = lost + entry.cut
            if low and not reasons:
                reasons = (f"only {100 * note.share:.0f}% of its text is indexed",)
            flagged.append(NoteCoverage(rel, note.chars, note.indexed, reasons))
    flagged.sort(key=lambda n: (n.share, n.path))
    return Coverage(total, done, tuple(flagged), tuple(sorted(every, key=lambda n: n.path)))
