"""Today: the day a question's "last tuesday", "this week" and "overdue" are counted from.

The machine's day, unless a day is set: `notesqa eval --today 2026-12-05` scores questions written on that day as
they were meant (a question set of "what did I do yesterday?" read a day later asks of another day), and
$NOTESQA_TODAY (YYYY-MM-DD) sets it for any command.
"""

from __future__ import annotations

import datetime as _dt
import os

from .errors import NotesQAError

_set: _dt.date | None = None


def today() -> _dt.date:
    """The day set for this process (set_today), else $NOTESQA_TODAY's, else the machine's."""
    if _set is not None:
        return _set
    value = os.environ.get("NOTESQA_TODAY", "").strip()
    return parse_day(value, "NOTESQA_TODAY") if value else _dt.date.today()


def set_today(day: _dt.date | None) -> None:
    """Count questions' days from day (None: from the machine's day again)."""
    global _set
    _set = day


def parse_day(value: str, what: str = "the day") -> _dt.date:
    """A day written YYYY-MM-DD; else an error that says how to write it."""
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise NotesQAError(f"{what} {value!r} is no day: write it as YYYY-MM-DD, e.g. 2026-12-05.") from None
