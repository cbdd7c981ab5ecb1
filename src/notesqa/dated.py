"""Which passages are of which day: the day their note is dated, the days a task is set for.

A question that names a day ("what did I do yesterday?", "what is due on 11 December?", "in
October") or asks what is overdue has every passage of those days among its candidates, not only
the ones its words found: a task rarely says "due", and a daily note does not name its own day.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import date

import numpy as np

from .chunking import Chunk, open_task, task_days


def days_of(chunk: Chunk) -> set[str]:
    """The days ("YYYY-MM-DD") a passage is of: its note's date (not for text embedded from another
    note: its hit goes to that note) and the days a task in it is scheduled for or due."""
    dated = chunk.date[:10] if chunk.date and len(chunk.date) >= 10 and not chunk.origin else None
    return task_days(chunk.text) | ({dated} if dated else set())


class Days:
    """The passages of an index by day, and its open tasks with the first day each is set for."""

    def __init__(self, chunks: list[Chunk]):
        by_day: dict[str, list[int]] = defaultdict(list)
        due: list[tuple[str, int]] = []
        for row, chunk in enumerate(chunks):
            for day in days_of(chunk):
                by_day[day].append(row)
                by_day[day[5:]].append(row)  # "on 12 March": any year's
            set_for = task_days(chunk.text)
            if set_for and open_task(chunk.text):
                due.append((min(set_for), row))
        self._by_day = {d: np.array(rows, dtype=np.int64) for d, rows in by_day.items()}
        due.sort()
        self._due_days = [d for d, _ in due]
        self._due_rows = np.array([r for _, r in due], dtype=np.int64)
        self._n = len(chunks)

    def rows(self, asked: set[str]) -> np.ndarray:
        """The rows of the passages of the days asked ("YYYY-MM-DD", or "MM-DD" for any year's)."""
        found = [self._by_day[d] for d in asked if d in self._by_day]
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def overdue(self, today: date | None = None) -> np.ndarray:
        """The rows of the open tasks set for a day before today."""
        cut = (today or date.today()).isoformat()
        return self._due_rows[:bisect.bisect_left(self._due_days, cut)]

    def mask(self, rows: np.ndarray) -> np.ndarray:
        """rows as a mask over the index's passages."""
        out = np.zeros(self._n, dtype=bool)
        out[rows] = True
        return out
