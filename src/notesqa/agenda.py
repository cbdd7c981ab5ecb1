"""Days and tasks: which passages are of which day, and which are tasks in which state.

A question that names a day ("what did I do yesterday?", "what is due on 11 December?", "in
October"), asks what is overdue, or asks for tasks by state ("which tasks are still open?", "what
did I finish?", "my high priority tasks") has every such passage among its candidates, not only the
ones its words found: a task rarely says "due" or "open", and a daily note does not name its own day.
"""

from __future__ import annotations

import bisect
import calendar
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from datetime import date, timedelta
from pathlib import PurePosixPath

import numpy as np

from . import clock
from .chunking import (Chunk, due_day, month_cell, month_line, priority, row_cells, task_days, task_state,
                       without_task_mark)
from .metadata import MONTH_WORD, SLASHED_DAY, as_date, folder_year, headings_year, month_number, numbers_order, period_week, \
    slashed_day, slashed_days, year_said
from .periods import ANY_WEEKDAY, MONTH_NAME, WEEKDAY_BEFORE, WEEKDAY_REACH, WRITTEN_DAY, day_of, days_named_from, months_said, seasons_named, \
    holiday_named, holiday_opening, nearest_numbered, weekday_number, weekday_numbered_from, \
    weekday_numbered_at, weekday_year_near, weekdays_numbered, whole_season, years_on_weekday

_NONE = np.zeros(0, dtype=np.int64)
_WEEK_TITLE = re.compile(r"(?:^|/)week\s+(\d{1,2})\b", re.IGNORECASE)  # "Week 9 - Distributed File Systems"


# a log's entry opens with its day: "2026-11-24 Cut SMS verification from Alpha v1"
DATED_ENTRY = re.compile(r"(\d{4}-\d\d-\d\d)\b")


def days_of(chunk: Chunk, entry: str | None = None) -> set[str]:
    """The days ("YYYY-MM-DD") a passage is of: its note's date and the day of the log entry it is or is
    under (entry: entry_day's; not for text embedded from another note: its hit goes to that note), and
    the days a task in it is set for."""
    out = task_days(chunk.text)
    if not chunk.origin:
        if chunk.date and len(chunk.date) >= 10:
            out.add(chunk.date[:10])
            out |= _stay_days(chunk)
            out |= _week_row_days(chunk)
        if entry:
            out.add(entry)
    return out


def _week_row_days(chunk: Chunk) -> set[str]:
    """The days of the week a rota's row is of, by its first cell of the week's first day and its weekdays' columns
    ("Week of: 4 Jan | Mon: E | Tue: T | ... | Sat: M" of a month's rota: 4 to 10 January; trial s74 X, "what shift am
    i on saturday" had found daily notes of other days, the row not in ten); else none."""
    if chunk.kind != "table_row" or len(_WEEKDAY_COLUMN.findall(chunk.text)) < 3 \
            or (m := _WEEK_CELL.match(chunk.text)) is None:
        return set()
    written = next(_written(m[1]), None)
    first = (as_date(f"{written[0]}-{written[1]}-{written[2]}") if written[0] else
             nearest_year(chunk.date[:10], written[1], written[2])) if written else None
    if first is None:
        return set()
    monday = date.fromisoformat(first) - timedelta(days=date.fromisoformat(first).weekday())
    return {(monday + timedelta(days=k)).isoformat() for k in range(7)}


_WEEK_CELL = re.compile(r"(?i:week(?:\s+(?:of|commencing|beginning|starting))?|w/?c|wk)\s*:\s*([^|]+?)\s*(?:\||$)")
_WEEKDAY_COLUMN = re.compile(r" \| (?i:" + ANY_WEEKDAY + r")\.?: ")  # (a weekday's name, not "| Monkey: ")


# a span of days a line opens with, as a bookings list writes a stay: "Fri 11th - Sun 13th", "23rd - 27th", "Fri 18th -
# Mon 21st: Xmas shoppers", "7-11 Dec"
# (a weekday before a day, a month after it, nothing else: "4 Dec - physio 4 (Fri)" is no span, the review)
_WEEKDAY = r"(?:(?:" + ANY_WEEKDAY + r")\.?,?\s+)"  # a weekday before a day ("Fri 11th", "Sat, 12"): _SPAN_FROM's too
_SPAN_MONTH = r"(?:\s+" + MONTH_NAME + r"\.?)?"
# (its last day with its weekday, its ending or its month: "Fri 20 — 8.5h" of a log of hours is no span, the rescore)
_SPAN_END = (r"(?:" + _WEEKDAY + r"([0-3]?\d)(?:st|nd|rd|th)?|([0-3]?\d)(?:st|nd|rd|th)|"
             r"([0-3]?\d)(?=\s+" + MONTH_NAME + r"))\b(?![.:]\d)")
_SPAN = re.compile(r"\s*" + _WEEKDAY + r"?([0-3]?\d)(?:st|nd|rd|th)?" + _SPAN_MONTH
                   + r"\s*(?:[-–—]|to|till|until)\s*" + _SPAN_END, re.IGNORECASE)


def _stay_days(chunk: Chunk) -> set[str]:
    """The days after its first of the span of days the passage, or the entry it is under, opens with, where the
    passage is of that first day (trial s73 F: "Fri 11th - Sun 13th" > "Bass Rock: Linda Crawford" had been of the 11th
    only, "Nothing dated" for "who's in bass rock this weekend"); none for another."""
    first = date.fromisoformat(chunk.date[:10])
    for line in (chunk.text, *chunk.parents[-1:]):
        m = _SPAN.match(line)
        if m is not None and int(m[1]) == first.day:
            last = int(m[2] or m[3] or m[4])
            # (an end before its first is of the next month: "Hogmanay 30th - 2nd Jan")
            month = first.replace(day=1) if last > first.day else \
                (first.replace(day=1) + timedelta(days=32)).replace(day=1)
            end = as_date(f"{month.isoformat()[:8]}{last:02d}")
            days = (date.fromisoformat(end) - first).days if end else 0
            return {(first + timedelta(days=i)).isoformat() for i in range(1, days + 1)} if days <= SPAN_DAYS else set()
    return set()


MONTH_ASKED_DAYS = 14  # days of a month asked that find its passages of the month only, its first day not asked


def month_only(chunk: Chunk) -> bool:
    """Is the passage dated the first of a month only because it, its headings or its note name that month or a
    season ("Dec 2026 return -> by 15 Jan", "## Current wines (Dec 2026)", "Winter feeding 2026", "2026-12.md"), not
    the first day itself? It is of that month, not of its first day (trial s71 D: "what did i do last tuesday", the
    1st, had put "Dec 2026 return" first, the day's journal second)."""
    from .metadata import months_with_years, period_start, season_named

    day = chunk.date
    if not day or len(day) < 10 or day[8:10] != "01" or chunk.origin:
        return False
    stem = PurePosixPath(chunk.path).stem
    where = (chunk.title, stem, *chunk.heading, *chunk.parents, chunk.text)
    if not (any(day[:10] in months_with_years(w) for w in where) or day[:10] in (period_start(stem), season_named(stem))
            or season_named(chunk.title) == day[:10] or _under_month_label(chunk, int(day[5:7]))
            or chunk.kind == "table_row" and month_cell(chunk.text) == day[:10]  # ("| Dec 25 |" of a month's column)
            or month_line(chunk.text) == day[:10]):  # (... or "Dec 26: 84%" beside "Nov 26: 89%")
        return False
    return not any(day[:10] in days_written(w, day) or day[:10] in slashed_days(w, None) for w in where) \
        and not _opens_with_the_first(chunk.text, day[:10])


def _opens_with_the_first(text: str, day: str) -> bool:
    """Does a line or a table row's first cell open with the month's first day by its number, its weekday before it
    or not ("Date: Fri 1st | Bramble: 1006" of a month's weights, trial s74 AD: of the month only, "brambles weight on
    new years day" had found no passage of it)?"""
    m = _THE_FIRST.match(text)
    return m is not None and (not m[1] or weekday_number(m[1]) == date.fromisoformat(day).weekday())


# ("Fri 1st", "Fri 1", "1st", "1 -"; not a count, "1 new starter")
_THE_FIRST = re.compile(r"\s*(?:[^|:\n]{1,20}:\s*)?(?:(" + ANY_WEEKDAY + r")\.?,?\s+0?1(?:st)?\b|0?1st\b|0?1(?=\s*[:–—-]\s))"
                        r"(?![:./]\d)", re.IGNORECASE)


def _holiday_named(chunk: Chunk) -> bool:
    """Is the passage dated by its note's name of a holiday and its year only ("Christmas 2026 bookings"), its text
    and headings saying no day (not under "# Mother's Day - Sun 7 March 2027": trial s75 AA in the s77 rescore)?"""
    day = (chunk.date or "")[:10]
    return holiday_named(PurePosixPath(chunk.path).stem) == day and \
        day not in days_written("\n".join((*chunk.heading, chunk.text)), day)


_MONTH_AND_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)\b")


def _month_year_in(texts: Sequence[str]) -> str | None:
    """The year written after a month's name in texts (a heading's "Count Oct 2025"), the one year they write so, else
    None."""
    from .metadata import month_number

    years = {m[2] for t in texts for m in _MONTH_AND_YEAR.finditer(t) if month_number(m[1].lower())}
    return years.pop() if len(years) == 1 else None


def _under_month_label(chunk: Chunk, month: int) -> bool:
    """Is the passage under a heading or a parent that is that month's name alone ("## December" of "Deadlines Q4
    2026", trial s71 P), or with its year's two digits ("## Dec 26" of a register, trial s71 Q)?"""
    from .metadata import month_number

    labels = [m for h in (*chunk.heading, *chunk.parents) if (m := _MONTH_LABEL.fullmatch(h.strip()))]
    # ... or a line that opens with it as its label ("Dec: 29, 30, 31 Dec" of "Leave 2026", trial s71 V)
    labels += [m] if (m := _MONTH_OPENS.match(chunk.text)) else []
    return any(month_number(m[1].lower()) == month for m in labels)


_MONTH_LABEL = re.compile(r"([A-Za-z]{3,9})\.?(?:\s+\d\d)?\s*:?")  # "December", "Dec 26", "Dec:"
_MONTH_OPENS = re.compile(r"\s*([A-Za-z]{3,9})\.?(?:\s+\d\d)?\s*:\s")


def days_told(chunk: Chunk, entry: str | None = None, order: str | None = None, weeks: bool = True,
              bare: str | None = None) -> frozenset[str]:
    """The days a passage says in its text, of the days it is not of (days_said: "readout on [[Dec 14th, 2026]]", a
    Logseq page's "close-date:: [[Jan 15th, 2027]]", "readout on Dec 14" in the journal of 1 December); none of a
    code block (a log's timestamps) nor of text embedded from another note. order: how the vault writes a day in
    numbers that may be either of two ("dmy": "DRA listed 08/12/26", metadata.slashed_order); bare: the order it reads
    those without their year in (weekday_slashed), its own where it has none (named_bare_order)."""
    if chunk.origin or chunk.kind == "code":
        return frozenset()
    own = entry or chunk.date or ""
    # (a month's column's row says no day by its first cell: "Month: Dec 26 | Income: £3,180" is December 2026's, not
    # of Boxing Day; trial s74 D)
    text = chunk.text.partition(" | ")[2] if chunk.kind == "table_row" and month_cell(chunk.text) else chunk.text
    if chunk.date and chunk.date[8:10] == "01" and month_line(text) == chunk.date[:10]:  # ("Dec 26: 84%" of December
        # 2026, trial s74 B; a month's first only: month_line reads no other day)
        text = text[_month_line_end(text):]
    said = days_said(text, own, weeks) | _span_above(chunk, own)
    # ("08/12/26" of a vault that writes "14/02/25": 8 December; trial s57 LA, a hearing so written had not been of it)
    if not (order or bare):
        return said
    # ("Tue 12/1 6pm - Priya" of a plan written on 7 January: the 12th, trial s74 E; not a day it no longer holds)
    held = still_held(chunk.text)
    led = {d for md in weekday_slashed(held, order or bare) if own and (d := nearest_year(own[:10], *md.split("-")))}
    return said | (slashed_days(held, order) if order else frozenset()) | led


def weekday_opening(text: str) -> int | None:
    """The weekday (Monday 0) a line opens with, after a label or not, a time after it or words, not a day's number
    ("Sat 09:15, small pool", "Tuesdays: choir 7pm"; not "Sat 12 Dec", "Sat 12th"), else None."""
    m = _WEEKDAY_OPENING.match(without_task_mark(text))
    return weekday_number(m[1].removesuffix("s") if m[1] else m[2]) if m else None


def _weekdays_named(text: str) -> set[int]:
    """The weekdays (Monday 0) a line that writes a week by its first day ("w/c 28 Jun") names, the days of that week it
    says ("| Tue: Yasso 800s | Thu: 12k tempo | Sun long run: 29k": its Tuesday, Thursday and Sunday); of none it names,
    none: "delivery w/c 1 March", "T4 check w/c 28 June" are of one day of the week, not every one (the s76 rescore:
    "what race is next wednesday" had found a plan's row of no Wednesday, "whos reading in maths next thurs" a
    delivery's week)."""
    return {weekday_number(m[1]) for m in _WEEKDAY_NAMED.finditer(text)}


# (a cell's or the line's first word: "| Tue: Yasso 800s | Sun long run: 29k"; not "SATs week, sun cream", the review)
_WEEKDAY_NAMED = re.compile(r"(?:^|\|)\s*(mon|tue|wed|thu|fri|sat|sun)(?:days?|s?day|nesday|rsday|urday|rs?|s)?\b(?!['’])",
                            re.IGNORECASE | re.MULTILINE)
LOOSE_WEEKDAYS = 3  # weekdays a section's lines open with by their short names, at least, to be a rota's (not "Sun cream",
# "Sat nav charger" of a packing list: the review)
_SHORT_WEEKDAY_WORD = re.compile(r"\s*(mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?\s+[a-z]", re.IGNORECASE)
# (a weekday in full, or shortened before a mark or a time: "Sat nav broken", "Sun cream", "SATs (Y2)" are none)
_WEEKDAY_OPENING = re.compile(r"\s*(?:\*\*|__)?(?:((?:mon|tues|wednes|thurs|fri|satur|sun)days?)(?:\*\*|__)?(?!\w)"
                              r"(?!\s*(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\b(?![:.]\d|\s*(?:am|pm)\b))|"
                              r"(mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?(?:\*\*|__)?(?=\s*[:–—,-]|\s+(?:\*\*|__)?\d{1,2}"
                              r"(?:[:.]\d\d|\s*(?:am|pm)\b)|\s*$))", re.IGNORECASE)


def months_in_numbers(text: str) -> frozenset[str]:
    """The months ("YYYY-MM") text writes in numbers with their year: "renewal due 03/2027", "expiry 09/2027" (trials
    s74 O, P: a DBS renewal's had been of no month, "whose dbs runs out in march" not finding it)."""
    if "/" not in text:
        return frozenset()
    return frozenset(f"{m[2]}-{int(m[1]):02d}" for m in _MONTH_IN_NUMBERS.finditer(text))


_MONTH_IN_NUMBERS = re.compile(r"(?<![\d/.])(0?[1-9]|1[0-2])/((?:19|20)\d\d)(?![\d/])")


def _month_line_end(text: str) -> int:
    """Where a line's opening month and two digits end ("Dec 26: 84%": after "Dec 26")."""
    return re.match(r"\s*\S+\s+\S+", text).end()


def _listed_under_month(chunk: Chunk) -> bool:
    """Is a passage dated its month's first by its nearest heading or parent that names the month ("## January
    2027", "Jan:"), not only by its note's name ("AB14 re-tender Jan 2027": its tasks are the tender's, the s72
    rescore)?"""
    from .metadata import months_with_years

    month = (chunk.date or "")[:7]
    return any(f"{month}-01" in months_with_years(h) for h in (*chunk.heading[-1:], *chunk.parents[-1:])) \
        or _under_month_label(chunk, int(month[5:7]))


def _month_end(month: str) -> str:
    """The last day of a month ("YYYY-MM"), ISO."""
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1]).isoformat()


def _span_above(chunk: Chunk, own: str) -> frozenset[str]:
    """The days of the span its nearest heading or parent writes that its own day is of ("### Tue 24 - Fri 27 Nov" >
    "Hallam plots snagging, 3 days", of the 27th by its heading's last day: trial s74 C, "what did i do on wed 25 nov"
    had not found it), else none; none of a passage that writes its own day ("Fri 2 | Chalford" of "# Week of 28 June
    - 4 July" is of the 2nd alone: trial s76 C, each row of the week had been of "this saturday")."""
    if len(own) >= 10 and own[:10] in days_written(chunk.text, own) | weekday_numbered_from(
            chunk.text, date.fromisoformat(own[:10])):
        return frozenset()
    for above in (*chunk.heading[-1:], *chunk.parents[-1:]):
        # (not a week's first day's: "# w/c Mon 5 July" over "**Thu 8th**" > "11:35 TEST", trial s76 V, had said every
        # day of the week to each day's lines)
        if own[:10] in (span := _spans_written(above, own, weeks=False)):
            return span
    return frozenset()


@lru_cache(maxsize=1 << 16)
def days_said(text: str, own: str, weeks: bool = True) -> frozenset[str]:
    """The days a passage of text is of or says: its own day (own: a heading's, its note's: a meeting dated by its
    file name, the review), a task's day, a written day (days_written: "Next steerco: 14 Jan" in a note of 1 December
    is of the next year). Read once a passage, not once a question."""
    # ("next Tues: dentist" in the daily note of 3 December: the 8th; "Tue 8th" in the week note of 30 November)
    day = date.fromisoformat(own[:10]) if len(own) >= 10 else None
    if "~~" in text:  # (not a day struck out: "Kev coming back ~~Fri 14th~~ Mon 17th", trial s78 AE, had been of the 14th)
        text = _STRUCK.sub(lambda m: " " * len(m[0]), text)
    text = still_held(text)
    named = days_named_from(text, day) | weekday_numbered_from(text, day) | {own[:10]} if day else frozenset()
    return frozenset(task_days(text)) | days_written(text, own) | named | _spans_written(text, own, weeks)


_STRUCK = re.compile(r"~~[^~\n]+~~")


def still_held(text: str) -> str:
    """text without the days it says no longer hold, blanked: a table's "Was: Fri 29 June | Now: Fri 8 June",
    "originally Fri 29 June" (trial s87 K: the launch moved to the 8th had been on for "whats on 29 june")."""
    if "riginal" in text or ": " in text and "|" in text or "was " in text or "Was " in text:
        return _NO_LONGER.sub(lambda m: " " * len(m[0]), text)
    return text


# (the verbs of a thing moved to another day, written once: ranking's _SET_AGAIN too)
MOVED = (r"(?:changed|changing|moved|moving|rescheduled|re-?booked|re-?arranged|postponed|put\s+back|brought\s+forward|"
         r"switched|swapped|pushed(?:\s+back)?)")
# (moved to a day, or "now" and a day: "moved to Mon 11 Mar", "now Tue 5 Mar", "changed to the 14th")
_MOVED_TO = (r"(?:(?i:now)\s+(?:(?i:on)\s+)?|(?i:" + MOVED + r")\s+(?i:to|till|until)\s+(?:(?i:the)\s+)?)"
             r"(?=(?i:mon|tue|wed|thu|fri|sat|sun)|\d)")
_A_DAY = (r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?"
          r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)")
# (a cell of a column of what was, "Was: Fri 29 June"; the one day after "originally", "originally 29 June now Fri 8
# June" saying the 8th still: the review)
# (... or after "was" in brackets, or before a move or "now" in its sentence: "Ship: Tue 12 March (was Thu 7 March)",
# "Dentist — was Mon 4 Mar 08:30, moved to Mon 11 Mar", trial s90 G, the dentist on for "what's on next week" by its
# old day; not "the party was Sat 3 Feb", a day it was on)
_NO_LONGER = re.compile(r"(?:^|(?<=\| ))(?i:was|old|previous|original|old\s+date)\s*:\s*[^|\n]*"
                        r"|\b(?i:originally)(?:\s+(?i:on|for|set\s+for|planned\s+for|due|booked\s+for))?\s+(?:\*\*)?"
                        + _A_DAY +
                        r"|(?<=\()(?i:was)\s+" + _A_DAY
                        # (... "was booked for Thu 7th but moved because of World Book Day", trial s90 T: options
                        # evening had come first for "what's on next thursday")
                        # (the move to a day or "now" and a day: not "Gran's hip op was Tue 5 March, moving her to
                        # Ashfield ward", "Car tax was due Fri 1 March, now overdue!", the review)
                        + r"|\b(?i:was)\s+(?:" + _A_DAY + r")(?=[^.;\n]{0,40}?\b" + _MOVED_TO + r")"
                        + r"|\b(?i:was)\s+(?i:booked|set|planned|scheduled|arranged)\s+(?:(?i:for|on)\s+)?(?:"
                        + _A_DAY + r"|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d{1,2}(?:st|nd|rd|th)?\b)"
                        + r"(?=[^.;\n]{0,40}?\b(?:" + _MOVED_TO + r"|(?i:but\s+)" + MOVED + r"\b))"
                        # (... or after a move: "moved! was Thu 7 March, hospital rang 22 Feb", trial s90 X)
                        + r"|\b(?i:" + MOVED + r")\b[^.;\n\w]{0,3}\s*(?i:was)\s+" + _A_DAY)


@lru_cache(maxsize=1 << 16)
def days_written(text: str, own: str) -> frozenset[str]:
    """The days a text writes (WRITTEN_DAY), of the year it says, else of the year nearest its own day (own) in which
    the weekday written before it falls on it (_weekday_year)."""
    return frozenset(filter(None, (_iso(year or _weekday_year(text, m, month, day, own), month, day, own)
                                   for m, (year, month, day) in _written_at(text))))


def _weekday_year(text: str, m: re.Match, month: int | str, day: int | str, own: str) -> str | None:
    """The year of a day written without one after its weekday ("Sun 28 Mar") where that weekday is not the day's in
    the year nearest own (nearest_year) but is in the year before or after it, and text writes that year: "Last Easter
    (2027): Bateman-Cole on Sun 28 Mar" in a note of March 2028 is 28 March 2027, a Sunday (trial s83 I: it had been
    Tuesday 28 March 2028, first for "what did i do last tuesday"), or of none the year after, where the nearest is
    before own; else None (a weekday typed wrong stays a slip of the year nearest)."""
    if not own or (w := WEEKDAY_BEFORE.search(text, max(0, m.start() - WEEKDAY_REACH), m.start())) is None:
        return None
    near = nearest_year(own[:10], month, day)
    if near is None or date.fromisoformat(near).weekday() == (wanted := weekday_number(w[1])):
        return None
    years = years_on_weekday(int(month), int(day), wanted, (int(near[:4]) - 1, int(near[:4]) + 1))
    written = [y for y in years if re.search(rf"(?<![\d/.-]){y}(?![\d/.-])", text)]
    if len(written) == 1:
        return str(written[0])
    # ... or, no year written, the next one where the nearest is before the passage's own day: a plan's day to come
    # ("Final £119 by Fri 20 April" in a note of October 2028 is Friday 20 April 2029, trial s86 B: it had been
    # Thursday 20 April 2028, and "what payments are due in april" found none)
    later = int(near[:4]) + 1
    return str(later) if not written and later in years and near < own[:10] else None


def day_written_before(text: str) -> str | None:
    """The first day text writes with its year, where a day it writes without one comes after it, its days all of one
    year ("Summer: Mon 13 Apr – Wed 22 Jul 2026. Half term 25–29 May": 2026-07-22, its half term the May nearest it,
    2026's; "Last service 14 Nov 2026. Next service 14 May": 2027's, the review); None for another text, or one of a
    day every year ("MOT due: 14 Dec every year. Last MOT 9 Dec 2026": the 14th of any year)."""
    if not any(ch.isdigit() for ch in text) or _EVERY_YEAR.search(text):
        return None
    found = list(_written_at(text))
    dated = [(m.start(), _iso(*day, "")) for m, day in found if day[0]]
    if len({iso[:4] for _, iso in dated if iso}) != 1:
        return None
    at, first = min((at, iso) for at, iso in dated if iso)
    return first if any(m.start() > at for m, (year, _, _) in found if not year) else None


_EVERY_YEAR = re.compile(r"\b(?:every|each)\s+year\b|\bannual(?:ly)?\b|\byearly\b", re.IGNORECASE)


def _iso(year: str | None, month: int | str, day: int | str, own: str) -> str | None:
    """A written day's ISO form: of its year, else of the year nearest own (its passage's day), else None."""
    return as_date(f"{year}-{month}-{day}") if year else nearest_year(own[:10], month, day) if own else None


_NUMBERED_THINGS = ("day", "week", "wk", "no", "part", "round", "stage", "phase", "level", "session", "lesson", "term",
                    "step", "room", "pitch", "table", "page", "grade", "year", "yr", "block", "unit", "plot")
SPAN_DAYS = 31  # a span of days a passage writes says each of them, of this many days at most
TOLD_SPAN = 7  # ... and for a day or a week asked (WEEK_ASKED), those inside one of this many days at most
WEEK_ASKED = 7  # the days of a week asked, at most
# a day a thing was moved from, before the day it is moved to: "changed from Wed 16 May to Wed 23 May" is no span (trial
# s87 V: Mrs Jenkins's lesson had been of every day between, first for "what's on this sunday")
# (... "from" right after it, or after a few words of no place it moves to: "moved the MOT from 3 June to 10 June"; not
# "moved to the leisure centre from Mon 14 May to Fri 25 May", a span still: the review)
_MOVED_FROM = re.compile(r"\b" + MOVED + r"\b(?:\s+(?!(?:to|into|till|until|at|in|on)\b)[\w'’-]+){0,3}?\s+from\s+"
                         r"(?:[a-z]{3,9}\.?,?\s+)?$", re.IGNORECASE)
# ("23 Dec - 6 Jan", or a table row's "On: 2026-12-23 | Off: 2027-01-06")
_SPAN_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|thru|through"
                        r"|\|\s*(?:off|to|end|ends|until|till|back|returns?)\s*:)\s*"
                        # (the last day's weekday: "Thu 2 Apr - Tue 7 Apr 2026", trial s78 T, had said the 7th alone)
                        r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?", re.IGNORECASE)
# (a weekday before the last day too: "Sat 12 – Sun 13 Dec 2026", trial s62 WG-010 in the s64 rescore)
# (not a thing's number: "Day 2 — Sat 19 Dec" is no span of the 2nd to the 19th, the s72 rescore; nor a code's, "booked
# for F4 – Thurs 11 March": trial s75 F, it had said the 4th to the 11th, first for "what's on" any of those days; nor
# a meeting's number, "prod meeting #3 – Tue 9 Mar 2027", trial s75 T)
_SPAN_FROM = re.compile(r"(?<![\w.:/,#№])" + "".join(f"(?<!\\b{w} )" for w in _NUMBERED_THINGS)
                        + r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*" + _WEEKDAY + "?$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _days_alone(text: str, own: str) -> frozenset[str]:
    """The days text writes on their own, not as a span's ends ("fitting Sat 11 Sep" of "window 1-17 Sep; fitting Sat
    11 Sep")."""
    written = [(m, _iso(year or _weekday_year(text, m, month, number, own), month, number, own))
               for m, (year, month, number) in _written_at(text)]
    return frozenset(d for i, (m, d) in enumerate(written) if d
                     and not (i and _SPAN_JOIN.fullmatch(text, written[i - 1][0].end(), m.start()))
                     and not (i + 1 < len(written) and _SPAN_JOIN.fullmatch(text, m.end(), written[i + 1][0].start()))
                     and not _SPAN_FROM.search(text, 0, m.start()))


def _spans_written(text: str, own: str, weeks: bool = True, inside_longer_than: int | None = None) -> frozenset[str]:
    """Every day of each span of days text writes, of a month at most ("23 Dec - 6 Jan: Christmas + New Year onboard",
    "wants 4-15 Jan 2027": trial s63 V, "am i on over xmas" had found no passage of Christmas Day). inside_longer_than:
    only the days inside spans longer than that many days, not their first and last."""
    found = list(_written_at(text))
    written = [(m, _iso(*day, own)) for m, day in found]
    out: set[str] = set()
    for i, (m, end) in enumerate(written):
        if end is None:
            continue
        start = None
        if i and _SPAN_JOIN.fullmatch(text, written[i - 1][0].end(), m.start()) \
                and not _MOVED_FROM.search(text, max(0, written[i - 1][0].start() - 60), written[i - 1][0].start()):
            # (its first day of no year, of the year of its last, in a passage of no day: "on leave 26 Jul – 13 Aug
            # 2027", trial s76 U, had said the 13th alone)
            # (... whenever its last says its year and the first none: in a journal of December too, the review)
            start = nearest_year(end, *found[i - 1][1][1:]) if found[i][1][0] and not found[i - 1][1][0] \
                else written[i - 1][1]
        elif (f := _SPAN_FROM.search(text, 0, m.start())) and int(f[1]) < int(end[8:]):
            start = as_date(f"{end[:8]}{int(f[1]):02d}")
        if inside_longer_than is not None:
            if start and start < end and inside_longer_than < (date.fromisoformat(end) - date.fromisoformat(start)).days \
                    <= SPAN_DAYS:
                first = date.fromisoformat(start)
                out.update((first + timedelta(days=k)).isoformat()
                           for k in range(1, (date.fromisoformat(end) - first).days))
            continue
        if start is None and weeks and _WEEK_COMMENCING.search(text, 0, m.start()) and not (
                i + 1 < len(written) and _SPAN_JOIN.fullmatch(text, m.end(), written[i + 1][0].start())):
            # a week's first day and no last, the weekdays of it the line names: "w/c 28 Jun | Sun long run: 29k"
            # (trial s76 P: of the 28th alone, "long run this sunday" had not found it)
            first, named = date.fromisoformat(end), _weekdays_named(text)
            out.update((first + timedelta(days=k)).isoformat() for k in range(7)
                       if (first + timedelta(days=k)).weekday() in named)
        elif start and start < end:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
            if (last - first).days <= SPAN_DAYS:
                out.update((first + timedelta(days=k)).isoformat() for k in range((last - first).days + 1))
        # ... and the days listed before it of its month: "closed 25, 26, 28 Dec" (trial s64 AE: "are we open boxing
        # day" had found nothing of the 26th)
        elif (listed := _LISTED_BEFORE.search(text, 0, m.start())) is not None:
            out.update(filter(None, (as_date(f"{end[:8]}{int(n):02d}") for n in re.findall(r"\d{1,2}", listed[1]))))
    return frozenset(out)


# the words before a week's first day: "w/c 28 Jun", "W/c: 28 Jun", "week commencing 28 June", "wk beginning 5/7"
_WEEK_COMMENCING = re.compile(r"(?<![\w/])(?:w/[cb]|wc|(?:week|wk)\s+(?:commencing|beginning|starting|of))\s*[:.-]?\s*"
                              r"(?:(?:mon|monday)\.?,?\s+)?(?:the\s+)?$", re.IGNORECASE)
# (each with its weekday too, or set apart by a slash: "Sat 12 / Sun 13 June 2027", trial s67 C)
_LISTED_BEFORE = re.compile(r"(?<![\d.:/,£$€#])((?:" + _WEEKDAY + r"?[0-3]?\d(?:st|nd|rd|th)?\s*(?:,|&|\+|\band\b|\s/)\s*)+)"
                            + _WEEKDAY + "?$", re.IGNORECASE)


_LOGSEQ_SET = re.compile(r"^(?:SCHEDULED|DEADLINE):\s*<(\d{4}-\d\d-\d\d)", re.MULTILINE)
_DUE_WORD = re.compile(r"\bdue\b", re.IGNORECASE)
_DEADLINE_WORD = re.compile(r"\bdeadlines?\b", re.IGNORECASE)
# a note or a section of deadlines: "deadlines 2027", "## Due dates" (its lines, "- 7 Jul: VAT stagger 3", are due the
# day they open with: trial s76 S, "whats due next wednesday" had not found them; not "key dates", of results days too)
_OF_DEADLINES = re.compile(r"\b(?:deadlines|due\s+dates)\b", re.IGNORECASE)


def _listed_deadline(chunk: Chunk, year: str | None) -> str | None:
    """The day a line of a note or section of deadlines (_OF_DEADLINES) opens with ("7 Jul: VAT stagger 3"), of the year
    it writes, else of its note's (year), else None."""
    if not _OF_DEADLINES.search(" ".join((chunk.title, *chunk.heading))) or \
            chunk.kind == "table_row" and _DUE_WORD.search(chunk.text):  # (a row of a due column: row_due's, the review)
        return None
    own = chunk.date or (f"{year}-07-01" if year else "")  # (mid-year: of that year, nearest it)
    return _one(days_written(chunk.text[:OPENING_DAY_CHARS], own)) if own else None


DUE_WORDS_AFTER = 30  # characters after "due" its day is written in ("due to HM 11 Dec", "due back fri 11/12")


def _due_near_own(chunk: Chunk, order: str | None = None) -> str | None:
    """The day a passage's words say it is due without its year or weekday, of the year nearest its own day or the
    middle of its title's or folder's year (_year_own), else None."""
    m = _DUE_WORD.search(chunk.text)
    if m is None or _WEEKDAY_AFTER_DUE.match(chunk.text, m.end()) or _BECAUSE_OF.match(chunk.text, m.end()):
        return None  # (a weekday said: due_on_weekday's, on that weekday only; "closed due to flooding until 14 Jan" is
        # no day due, the review)
    own = _year_own(chunk)
    return due_in_words(chunk.text, own, order) if own else None


_BECAUSE_OF = re.compile(r"\s+to\s+(?:the\s+|a\s+|an\s+)?[a-z]")  # ("due to rain", lower case; "due to HM 11 Dec" kept,
# a person's)
_WEEKDAY_AFTER_DUE = re.compile(r"\W*(?:on\s+|by\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


def _year_own(chunk: Chunk) -> str:
    """The day a passage's words of a day without its year are read near, for what it says is due: its own day, else
    the middle of the year its title or folder says ("balance due 2 July!!" of "personal/2027/summer holiday
    cornwall.md": the s78 rescore, s76 AA-27, not due); "" for a passage of neither, or of a day every year."""
    if _EVERY_YEAR.search(chunk.text):
        return ""
    if chunk.date:
        return chunk.date[:10]
    year = passage_year(chunk)
    return f"{year}-07-01" if year else ""


def _one_year_titled(title: str) -> bool:
    """Does a title say one year alone, no span of two ("2026/27", "2026-27") nor a winter's, that runs into the next?"""
    return len(_A_YEAR_IN.findall(title)) == 1 and not _TWO_YEARS.search(title)


_A_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TWO_YEARS = re.compile(r"(?:19|20)\d\d\s*[/–-]\s*\d\d|\bwinter\b", re.IGNORECASE)


def due_in_words(text: str, own: str, order: str | None = None) -> str | None:
    """The day an open task's words say it is due ("☐ Ch5 detailed plan (due to HM 11 Dec)": trial s58 PD-011, "not
    due" on the 11th), of the year it says, else of the one nearest its own day (own; "": only a day written with its
    year, "Payment on account due 31 Jan 2027", not "MOT due 18 Mar each year"); written in numbers without its year
    ("due 14/8"), read in the vault's order (order: "dmy", "mdy"); None unless one day is said."""
    # (not a day it was due: "(was due the 28th)" of a note of 30 July, trial s81 Q, had been due 28 August; a "now due"
    # after it is, the review)
    m = next((m for m in _DUE_WORD.finditer(text) if not _WAS.search(text, 0, m.start())), None)
    if m is None:
        return None
    after = text[m.end():m.end() + DUE_WORDS_AFTER]
    if own and (part := _DUE_PART.match(after)) and (month := month_number(part[2])):
        # ("due mid Aug, I'm away 31 Jul-7 Aug!": the 15th, not the 31st of July, trial s76 C)
        # (of the year the day itself is nearest in: the review; the one written after it, "due end of March 2031")
        return _part_day(part[1], month, own, _YEAR_AFTER.match(after, part.end()))
    if (said := _one(days_written(after, own))) or not own:
        return said
    if (slashed := _DUE_SLASHED.match(after)) and (order := order or numbers_order([slashed])):
        # ("☐ send Okafor balance invoice - due 14/8": trial s81 C, "Not due" for "what's due this month")
        return _one(_slashed_alone(f"{slashed[1]}/{slashed[2]}", order, own[:10]))
    if (number := _DUE_ORDINAL.match(after)) is None:
        return None
    return _next_numbered(int(number[1]), own)  # ("☐ van MOT (due 19th)": trial s75 D, due no day)


_WAS = re.compile(r"\b(?:was|were|had\s+been)\s+$", re.IGNORECASE)
_DUE_SLASHED = re.compile(r"\s*(?:on\s+|by\s+)?(\d{1,2})/(\d{1,2})(?![/\d])")  # ("due 14/8", not "due 14/8/27": days_written's)


def deadline_said(text: str) -> str | None:
    """The day a line gives after "deadline" and a few words and a mark, written with its year ("Sign-up deadline for
    the ICB LES pack: **30 April 2027**", trial s80 AA-20: "what paperwork is due end of this month" had not found
    it); else None."""
    m = _DEADLINE_SAID.search(text)
    after = text[m.end():m.end() + DUE_WORDS_AFTER].replace("*", "") if m else ""
    # (not a day it was: "Deadline extended — was 30 April 2027, now 14 May", "TBC (was 30 April 2027)", the review)
    return _one(days_written(after, "")) if after and not _WAS_DAY.search(after) else None


_DEADLINE_SAID = re.compile(r"\bdeadline\b[^.\n:–—]{0,40}?(?:[:–—]|\s-)\s*", re.IGNORECASE)
_WAS_DAY = re.compile(r"\bwas\b|\(", re.IGNORECASE)


def due_on_weekday(text: str, own: str) -> str | None:
    """The day a line says it is due with its weekday and no year, the one nearest own (its note's day, else today)
    where that day is that weekday ("school photo money due Fri 22 Oct (£12)" of an undated note: trial s77 C,
    "Nothing is due this week"; of a journal of 2021, 2021's, not this year's of the same calendar: the review); else
    None."""
    m = _DUE_WORD.search(text)
    return _one(weekday_dated(text[m.end():m.end() + DUE_WORDS_AFTER], own)) if m else None


# a part of a month: "mid Aug", "the end of March" (its part, its month)
_PART_OF_MONTH = r"(?:the\s+)?(mid|middle of|early|end of|late)[\s-]+(" + MONTH_NAME + r")\b"
_DUE_PART = re.compile(r"\s*(?:by\s+)?" + _PART_OF_MONTH, re.IGNORECASE)  # "due mid Aug", "due end of March"
_PART_DAY = {"mid": 15, "middle": 15, "early": 7}  # (the end of a month, late in it: its last day)


def deadline_opening(text: str, year: str | None) -> str | None:
    """The day a line opens with as its label before "deadline" ("**21 March** — deadline to apply for access
    arrangements online", of "JCQ key dates 2027": trial s75 AB, due no day, "what's the AA deadline this month" not
    finding it), of the year it writes, else of year (its note's title's); else None."""
    m = _DEADLINE_OPENING.match(text)
    if m is None:
        return None
    return _one(days_written(m[1], f"{year}-07-01" if year else ""))  # (mid-year: of that year, nearest it)


_DEADLINE_OPENING = re.compile(r"\s*(?:\*\*|__)?([^—–:\n]{3,30}?)(?:\*\*|__)?\s*[—–:-]\s*(?:the\s+|final\s+)?deadline\b",
                               re.IGNORECASE)


# a line's word that it is done, set apart: "(done - see 2029_12_13)", "- done", "DONE 12/12", "✅"
_SAID_DONE = re.compile(r"(?:[(\[]|\s[-–—]|[.;,]\s)\s*(?:done|completed?|finished|sorted)\b(?![-\w])"
                        r"(?=\s*(?:$|[)\].,;:!]|[-–—]|\d|(?:on|by|at|today|yesterday|early|late|already)\b))"
                        r"|[\u2705\u2714](?=\s*(?:$|\d))", re.IGNORECASE)


def said_done(text: str) -> bool:
    """Does a line say it is done after a day it writes ("by 31 Dec (done - see 2029_12_13)", "by 31 Dec — DONE 12
    Nov", "pay by 30 Sept ✅"), not of something else ("✅ booked", "done deal", "sorted childcare", "Boiler service -
    done. Next service due 3 Jan 2030": the review)?"""
    m = _SAID_DONE.search(text)
    return m is not None and any(ch.isdigit() for ch in text[:m.start()])


def _due_to_come(chunk: Chunk, order: str | None, today_iso: str) -> str | None:
    """The day to come a line of no task says it is due or to be done by, read near its own day (a day's weekday,
    "deadline", a day its entry's order writes without a year, a label's deadline, "by Fri 10 Sept"); else None."""
    own = chunk.date or (_year_own(chunk) if _one_year_titled(chunk.title) else "") or today_iso
    day = (due_on_weekday(chunk.text, (chunk.date or today_iso)[:10])
           or deadline_said(chunk.text)
           or _due_near_own(chunk, order)
           or deadline_opening(chunk.text, year_said(chunk.title))
           # (of its note's year, if its title says one alone: "Harvest 2026" > "everything in by 21 August", trial
           # s81 A, had been due next week; not "Winter 2026", "2026/27", the review)
           or _by_day(chunk.text, own[:10], numbered=False))
    return day if day and day >= today_iso else None


def _next_numbered(number: int, own: str) -> str | None:
    """The first day numbered number on or after own (ISO): this month's, else the next one's."""
    start = date.fromisoformat(own[:10])
    for ahead in range(0, 62):
        day = start + timedelta(days=ahead)
        if day.day == number:
            return day.isoformat()
    return None


# a table row's column of when its item is due ("due: 11 Dec", "deadline: Fri 18 Dec", "due date: 2026-12-11"), and a
# cell that says the item is done, whenever it was due ("status: DONE - not collected", "delivered 26 Nov")
_DUE_COLUMN = re.compile(r"\s*(?:due(?:\s+(?:date|by|on|back))?|deadline|date\s+due|wanted\s+by)\s*", re.IGNORECASE)
_DONE_CELL = re.compile(r"\s*(?:done|collected|delivered|completed?|cancell?ed|finished|paid|closed|returned|"
                        r"[\u2705\u2611\u2714])(?!\w)", re.IGNORECASE)


def row_due(text: str, year: str | None, today: str, order: str | None = None) -> str | None:
    """The day a table row says its item is due, in a column named so ("due: 11 Dec" in "Order book Oct-Dec 2026":
    trial s69 B, "what orders are due next week" had found the rows due the 11th and 12th "Not due"), of the year it
    writes, else of the one nearest today in its note's title's year (year), else nearest today; None for a row one of
    whose cells says it is done, or of no such column. order: how the vault writes a day in numbers that may be either
    of two ("Due: 08/12/2026" of a CP12 list, trial s71 J, had been due no day; metadata.slashed_order)."""
    cells = [(column, value) for column, value in row_cells(text) if column is not None]
    if any(_DONE_CELL.match(value) for _, value in cells):
        return None
    own = f"{year}{today[4:10]}" if year else today
    days = [days_written(value, own) | (slashed_days(value, order) | _slashed_alone(value, order, own) if order
                                        else frozenset())
            for column, value in cells if _DUE_COLUMN.fullmatch(column)]
    return _one(days[0]) if len(days) == 1 else None


def _slashed_alone(value: str, order: str, own: str) -> frozenset[str]:
    """The day a cell is in numbers without its year ("10/03"), read in order, of the year nearest own."""
    m = _DAY_MONTH_NUMBERS.fullmatch(value)
    if m is None:
        return frozenset()
    day, month = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
    return frozenset({d} if (d := nearest_year(own, month, day)) else ())


_DAY_MONTH_NUMBERS = re.compile(r"\s*(\d{1,2})/(\d{1,2})\s*")  # a cell's "10/03", "28/3"
_CELL_NUMBERS = re.compile(r"(?<=: )(\d{1,2})/(\d{1,2})(?=\s*(?:\||$))")  # ... as a table row's text writes it


def open_task_due(text: str, own: str, order: str | None = None) -> str | None:
    """The day an open task is due: the day it is set for (📅, DEADLINE, due::), else the one its words say it is due
    ("(due to HM 11 Dec)"), a weekday and a day's number ("☐ line clean Tue 8th") or a weekday, a day and a month
    ("☐ gas checks Wed 9 Dec", trial s66 CAR-033), each of the year nearest own (its passage's day, else today's)."""
    if due := due_day(text) or due_in_words(text, own, order) or _by_day(text, own) or _by_part(text, own) \
            or _dash_day(text, own):
        return due
    # (not a day it runs from, where it says another: "chase Marek for rent – short £80 from Fri 20th, said he'll pay
    # Wed 25 Oct", trial s85 K, had been due the 20th, "Nothing ... is due on 2028-10-25" over it first for "what's due
    # wednesday"; "☐ pick up the new glasses from Fri 27 Oct" is due the 27th, the review)
    lower = text.lower()
    if "from" in lower or "since" in lower or "starting" in lower:
        rest = _FROM_DAY.sub(lambda m: " " * len(m[0]), text)
        if due := _weekday_due(rest, own):
            return due
    return _weekday_due(text, own) or _weekday_alone(text, own)


def _weekday_alone(text: str, own: str) -> str | None:
    """The day an open task is to be done by a weekday alone ("☐ pick up Welloxon from Sally's before Thursday", "☐
    send the May invoice – do it Wednesday"): the first such day from own (its passage's day, the Monday of the week
    its heading says, else today), trial s91 S: due no day, out of "what's due this week"."""
    m = _WEEKDAY_ALONE.search(text) if own else None
    if m is None:
        return None
    start = date.fromisoformat(own[:10])
    return (start + timedelta(days=(weekday_number(m[1]) - start.weekday()) % 7)).isoformat()


# (not a weekday with a day's number after it, "by Fri 12th": _by_day's, a time after it all the same, "by Friday 5pm";
# nor "next Thursday": days_named_from's; nor a word that opens like one, "by month end", "before sunset", nor
# "Tuesdays", a habit: the review; nor after "on", a day gone as often as one to come, "was off sick on Monday")
_WEEKDAY_ALONE = re.compile(r"\b(?:by|before|do\s+it|due|till|until)\s+(?:this\s+)?"
                            r"((?:mon|tues|wednes|thurs|fri|satur|sun)day|tues|weds|thurs?|"
                            # (a weekday's short name only before a mark, the line's end, a part of the day or a time:
                            # not "by sat nav", "before SATs", the second review)
                            r"(?:mon|tue|wed|thu|fri|sat|sun)(?=\s*(?:[.,;:!?)\]–—-]|$|morning|afternoon|evening|night|"
                            r"am\b|pm\b|\d)))"
                            r"\b(?!\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:am|pm)\b|[:.]\d))", re.IGNORECASE)


def _week_heading(chunk: Chunk) -> str | None:
    """The Monday of the week a passage's innermost heading says ("## This week (w/c 27 May)", chunking.week_headed's
    forms), else None."""
    from .chunking import week_headed

    if not chunk.heading:
        return None
    today = clock.today()  # (of the year nearest today: "w/c 6 Jan" on 28 December is next January's, the review)
    mondays = [m for y in (today.year - 1, today.year, today.year + 1) if (m := week_headed(chunk.heading[-1:], str(y)))]
    return min(mondays, key=lambda m: abs((date.fromisoformat(m) - today).days)) if mondays else None


def _dash_day(text: str, own: str) -> str | None:
    """The day an open task closes with after a dash, with its month ("☐ balance payments - 28 June", "☐ First Aid
    course – Sat 22 June"), of the year it says, else of the one nearest own (trial s91 F: due no day, "Not due on
    June 28" for "whats due on 28 june"); None for another ending ("☐ book the hall - 3 quotes")."""
    text = text.rstrip(" \t.!")  # (its closing mark: "☐ balance payments - 28 June.", the review)
    m = _DASH_DAY.search(text) if own and ("-" in text or "–" in text or "—" in text) else None
    return _one(days_written(m[0], own)) if m and WRITTEN_DAY.fullmatch(text, m.start(1), m.end(1)) else None


_DASH_DAY = re.compile(r"\s[-–—]\s+(?:(?:" + ANY_WEEKDAY + r")\w*\.?,?\s+)?(\S+(?:\s+\S+){0,2}?)[\s.!]*$", re.IGNORECASE)


def _by_part(text: str, own: str) -> str | None:
    """The day an open task is to be done by a part of a month ("by end of March", "by mid April"): of the year nearest
    own, as due_in_words reads "due end of March" (trial s90 S: "☐ write to the Pughs - by end of March" had been due
    no day, missing from "what's due by end of march")."""
    m = _BY_PART.search(text) if own and "by" in text.lower() else None
    if m is None or (month := month_number(m[2])) is None:
        return None
    return _part_day(m[1], month, own, _YEAR_AFTER.match(text, m.end()))


def _part_day(part: str, month: int, own: str, year: re.Match | None) -> str | None:
    """The day a part of a month is due by ("end of" its last day, "mid" the 15th), of the year written after the month
    (year: _YEAR_AFTER's match; "by end of March 2031", the review), else of the one nearest own."""
    of_year = int(year[1]) if year else int(own[:4])
    day = _PART_DAY.get(part.split()[0].lower()) or calendar.monthrange(of_year, month)[1]
    return as_date(f"{of_year}-{month:02d}-{day:02d}") if year else nearest_year(own[:10], month, day)


_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)\b")


_BY_PART = re.compile(r"\bby\s*" + _PART_OF_MONTH, re.IGNORECASE)


def _weekday_due(text: str, own: str) -> str | None:
    return _one(weekday_numbered_from(text, date.fromisoformat(own[:10]))) or _one(weekday_dated(text, own))


_FROM_DAY = re.compile(r"\b(?:from|since|starting)\s+(?:the\s+)?(?:" + ANY_WEEKDAY + r")\w*\.?,?\s+(?:the\s+)?"
                       r"\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?" + MONTH_NAME + r")?\b", re.IGNORECASE)


# "by" and the day a task is to be done by ("☐ Holt – final letter (owed £780) by 12 Dec", "by Fri 18th Dec"): trial
# s69 K, listed "Not due from 2026-12-07 to 2026-12-13" for "what's due next week"
# (... or "before" it, an open task's: "☐ clean out & lime calving boxes before 20 Aug", trial s81 S, due no day)
_BY_DAY = re.compile(r"\b(by|before)\s+(?:the\s+)?(?=(?:(?:" + ANY_WEEKDAY + r")\w*\.?,?\s+)?\d)", re.IGNORECASE)
BY_DAY_CHARS = 20  # characters after "by" its day is written in ("Fri 18th December")


def _by_day(text: str, own: str, numbered: bool = True) -> str | None:
    """The one day an open task says it is to be done by, written right after "by" with its month, of the year it
    says, else of the one nearest own; or (numbered) a day's number with its ending alone ("☐ Holt letter by 12th"), the
    next such day from own (its note's day); None for none (a number alone: "by 15", "by bay 2"). (Not numbered: a
    line of no task, "invoicing: monthly, on their portal by the 5th", is a rule of every month, the rescore.)"""
    lower = text.lower()
    m = _BY_DAY.search(text) if "by" in lower or "before" in lower else None
    if m is None or not numbered and (m[1].lower() == "before" or _DONE_BEFORE.search(text, 0, m.start())):
        return None  # (a line of what was done by then: "21 paid by 9 Sept", the rescore, s79 M; of no task, "before")
    after = text[m.end():m.end() + BY_DAY_CHARS]
    # (before a day's number alone, a thing's: "sand down before 2nd coat", the review)
    if (said := _one(days_written(after, own))) or not numbered or m[1].lower() == "before":
        return said
    if own and (first := weekday_numbered_at(after)):  # ("payroll by Sat 27th for Wed 31st payday": the 27th, trial
        # s86 V, due no day, two days said; not a time, "by Monday 10:00", the review)
        return _one(weekday_numbered_from(first, date.fromisoformat(own[:10])))
    if (number := _ORDINAL_ALONE.match(after)) is None:
        return None
    return _next_numbered(int(number[1]), own)


# a past form right before "by", of what was done by then ("21 paid by 9 Sept"); not a passive deadline, "forms to be
# signed by", "must be submitted by", "kit needed by" (the review)
# (... "sold out" too: "brewed 13 Feb 2029, sold out by 10 March" under "## 2029 batch", trial s90 W, had been to
# come, 2nd for "what's due this month")
_DONE_BEFORE = re.compile(r"(?<!\bbe )(?<!\bbeen )\b(?:paid|done|sent|sold(?:\s+out)?|received|delivered|finished|"
                          r"completed|arrived|collected|returned|made|got|gone|taken|given|written|spent|bought|had|"
                          r"was|were)\s+$",
                          re.IGNORECASE)  # (not "sent off", "paid off", "taken back": deadlines still, the review)
_ORDINAL_ALONE = re.compile(r"([0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE)  # (a month after it: days_written's)
# ... after "due", no word after it ("due 19th - do it the week before"; not "due 2nd instalment", "due 3rd week of
# March": the review)
_DUE_ORDINAL = re.compile(r"\s*(?:on\s+)?(?:the\s+)?" + _ORDINAL_ALONE.pattern + r"(?!\s*[^\W\d])", re.IGNORECASE)


def _last_of(day: str, today: str) -> str:
    """The last day ("YYYY-MM-DD") on or before today (ISO) of a day of no year ("MM-DD"; 29 February: its last)."""
    year = int(today[:4]) - (day > today[5:])
    while not as_date(f"{year}-{day}"):
        year -= 1
    return f"{year}-{day}"


def done_days(text: str, order: str | None) -> frozenset[str]:
    """The days ("MM-DD") text says a thing was done on, written right after a word of its doing: "£500 paid 4/1/30",
    "deposit received Tue 14 Feb" (trial s90 Q: an undated supplier page's invoice line had not been of January for
    "what did we pay in january"); read in order where its numbers may be either of two."""
    out: set[str] = set()
    for m in _DONE_ON.finditer(text):
        start = _BEFORE_DONE_DAY.match(text, m.end()).end()
        if (w := WRITTEN_DAY.match(text, start)) is not None and 1 <= int((day := day_of(w))[1]) <= 12:
            out.add(f"{int(day[1]):02d}-{int(day[2]):02d}")
        elif order and (n := SLASHED_DAY.match(text, start)) is not None and (d := slashed_day(n[0], order)):
            out.add(d[5:])
    return frozenset(out)


# a word of a thing done, right before its day ("paid 4/1/30", "received on 14 Feb"); not "due", "booked", "by"
_DONE_ON = re.compile(r"\b(?:paid|sent|received|delivered|completed|arrived|collected|returned|bought|spent|"
                      r"refunded|banked|cleared|settled)\b(?!\s+(?:by|before|until|till)\b)", re.IGNORECASE)
_BEFORE_DONE_DAY = re.compile(r"\s*(?:on\s+)?(?:the\s+)?(?:(?:" + ANY_WEEKDAY + r")\w*\.?,?\s+)?", re.IGNORECASE)


def weekday_dated(text: str, own: str) -> frozenset[str]:
    """The days text writes with their weekday before them ("Wed 9 Dec", "Sat, 12th December 2026"), each of the
    year it says, else of the one nearest own (its passage's day) in which that day is that weekday; none where it is
    not."""
    out: set[str] = set()
    for m, (year, month, day) in _written_at(text):
        w = WEEKDAY_BEFORE.search(text[max(0, m.start() - WEEKDAY_REACH):m.start()])
        if w is None or not (iso := _iso(year, month, day, own)):
            continue
        if date.fromisoformat(iso).weekday() == weekday_number(w[1]):
            out.add(iso)
    return frozenset(out)


OPENING_DAY_CHARS = 12  # characters a line opens with its day in ("Fri 11 - ", "Mon 14th: ")
_OPENS_WEEKDAY = re.compile(r"\s*(?:\*\*|__)?(?:" + ANY_WEEKDAY + ")", re.IGNORECASE)


def _opens_due(text: str, own: str | None) -> str | None:
    """The day a line of a dated note opens with, a weekday and its number, when the line says "due" ("Fri 11 - Ahmed
    completion payment due" in the diary of 4 December: the 11th), else None."""
    due = _DUE_WORD.search(text) or _DEADLINE_WORD.search(text)  # ("Wed 7 Jul: VAT stagger 3 deadline", trial s76 S)
    if not own or len(own) < 10 or due is None or _OPENS_WEEKDAY.match(text) is None \
            or _A_DAY_AFTER.match(text, due.end()):
        return None  # (nor "Mon 7 — post Kane 458 for cal (due 9th)": the day after "due" is its own, the review)
    opening = text[:OPENING_DAY_CHARS]
    # (its month too: "Wed 7 Jul: VAT stagger 3 deadline", trial s76 S)
    return _one(weekday_numbered_from(opening, date.fromisoformat(own[:10]))) or _one(days_written(opening, own))


def _due_under_its_day(chunk: Chunk) -> str | None:
    """The day of the heading a line is right under ("## Fri 31 May" > "camp deposits deadline - chase Max T", "## Fri
    28 Jun" > "camp balance due"), where the line says a deadline or that a thing is due and writes no day of its own
    (trial s91 F: not due, "what's due this week" had not found it in twenty); else None."""
    text, own = chunk.text, chunk.date or ""
    if len(own) < 10 or not chunk.heading or not (said := _DEADLINE_WORD.search(text) or _due_word(text)):
        return None
    # (a thing's few words right before it, "camp balance due"; not a sentence about one, "Stressed about the thesis
    # deadline", "Sophie's baby is due any day now!": the review)
    before = text[:said.start()].split()
    if len(before) > LABEL_WORDS or not before and not said[0].lower().startswith("deadline") \
            or any(w.lower().strip(".,;:!") in _NO_LABEL_WORDS for w in before) or _DUE_SOMETIME.match(text, said.end()):
        return None
    if any(ch.isdigit() for ch in text) or _SAID_DONE.search(text):  # (a day of its own, or a number: "due in 30 days")
        return None
    heading = chunk.heading[-1]
    named = days_written(heading, own) | weekday_numbered_from(heading, date.fromisoformat(own[:10]))
    return own[:10] if own[:10] in named else None


_DUE_SOMETIME = re.compile(r"\s+(?:any\s+day|any\s+time|soon|in\s+\d|in\s+(?:a|two|three|four)\b)", re.IGNORECASE)


def _due_word(text: str) -> re.Match | None:
    """Where text says a thing is due ("balance due", "due Friday"), not "due to the rain"; else None."""
    m = _DUE_WORD.search(text)
    return m if m is not None and not _BECAUSE_OF.match(text, m.end()) else None


LABEL_WORDS = 5  # words of a thing's name before "deadline" or "due" on a day's line, at most
_NO_LABEL_WORDS = frozenset("about any some i we he she they so very was were been feel felt stressed worried".split())


_A_DAY_AFTER = re.compile(r"\s*(?:on\s+|by\s+)?(?:\d|(?:" + ANY_WEEKDAY + r")\w*\s+\d)", re.IGNORECASE)


def _one(days: frozenset[str]) -> str | None:
    """The day of days when there is one, else None."""
    return next(iter(days)) if len(days) == 1 else None


def _months_labelling(text: str) -> frozenset[str]:
    """The months ("MM") a passage's label names: its words up to a colon, five at most, ending with a month ("Paid in
    September: gas £2,380", "Sep: £300") or opening with one before a word of what it holds ("Sept gas actual:
    £2,212"); or, in a line that says a sum, a month it opens with so ("September bill was £1,388.40")."""
    label, colon, _ = text.partition(":")
    if colon and len(label.split()) <= 5 and (said := _months_of_label(label) | _months_opening(label)):
        return said
    # (... each of the sums a line sets side by side so: "Jan total £160 · Feb total £160", trial s90 D, had been
    # January's alone, 6th for "how much did i make tutoring in february")
    whole = _months_opening(text) if _SUM.search(text, 0, 60) else frozenset()
    return whole.union(*(_months_opening(part) for part in _SIDE_BY_SIDE.split(text)[1:] if _SUM.search(part, 0, 60)))


_SIDE_BY_SIDE = re.compile(r"\s+[·•|;]\s+|;\s+|\.\s+(?=[A-Z])")


# a month's name or abbreviation a label opens with, a word of what it holds after it: "September bill", "Sept gas
# actual" (not a person's name, "April Jones paid £250", "Jan rang", the review; nor "May be", "March on": words too)
_MONTH_OPENING = re.compile(r"\s*(january|february|april|june|july|august|september|october|november|december|jan|feb|"
                            r"apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?:bills?|gas|electric(?:ity)?|water|phone|"
                            r"broadband|rent|actuals?|totals?|spend(?:ing)?|costs?|takings|income|wages|pay(?:ment)?s?|"
                            r"paid|invoices?|payroll|insurance|fuel|oil|direct\s+debits?|dds?|mortgage|council|energy|"
                            r"statement|outgoings)\b", re.IGNORECASE)
# ... or a label that ends with it, after "in", "for", "of" or a word of what it holds, or is it alone: "Paid in
# September:", "Total Sept:", "Sep:"
# (... or a dash between: "Supplier bills paid – February", trial s90 V, its lines 21st for "what did we pay suppliers
# in february")
_MONTH_ENDING = re.compile(r"(?:^|.*\b(?:in|for|of|totals?|paid|spent|spend(?:ing)?|bills?|takings|income|costs?|"
                           r"outgoings)(?:\s+[–—-])?\s+)(january|february|march|april|may|june|july|august|september|"
                           r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*",
                           re.IGNORECASE)


_SUM = re.compile(r"[£$€]\s?\d")


def _heading_labelling(chunk: Chunk) -> frozenset[str]:
    """The month a line of a sum's innermost heading ends with, its year after it or not ("What we actually paid in
    August 2029", "Bills paid in August": _MONTH_ENDING), or opens with before a word of what it holds ("November
    payments (approved 13 Nov)": trial s89 L, "what did we pay out in november" had found its payments 15th; an aside in
    brackets after it left out), else none."""
    if not chunk.heading or not _SUM.search(chunk.text):
        return frozenset()
    label = _YEAR_CLOSING.sub("", _ASIDE_CLOSING.sub("", chunk.heading[-1]))
    return _months_of_label(label) or _months_opening(label)


_YEAR_CLOSING = re.compile(r"[\s,]+(?:19|20)\d\d\s*$")
_ASIDE_CLOSING = re.compile(r"\s*\([^()]*\)\s*$")


def _month_columns(chunk: Chunk, year: str | None) -> frozenset[str]:
    """The months ("YYYY-MM", or "MM" of no year known) a table row's columns are headed by, a month and its year or
    the month alone of year (its note's), where the row has a value in them: "Jan 2030: £1,104 | Feb 2030: £1,236" of
    a monthly bills table holds a figure of each month."""
    if chunk.kind != "table_row":
        return frozenset()
    months = set()
    for column, value in row_cells(chunk.text):
        m = _MONTH_COLUMN.fullmatch(column.strip()) if column and value.strip() else None
        if m is not None and (number := month_number(m[1])) is not None:
            of_year = m[2] or year
            months.add(f"{of_year}-{number:02d}" if of_year else f"{number:02d}")
    return frozenset(months)


_MONTH_COLUMN = re.compile(r"([A-Za-z]{3,9})\.?(?:\s+((?:19|20)\d\d))?")


def _months_of_label(label: str) -> frozenset[str]:
    """The month a label ends with (_MONTH_ENDING), else none."""
    m = _MONTH_ENDING.fullmatch(label.strip())
    return frozenset({f"{month_number(m[1]):02d}"}) if m else frozenset()


def _months_opening(text: str) -> frozenset[str]:
    """The month text opens with before a word of what it holds (_MONTH_OPENING), else none."""
    m = _MONTH_OPENING.match(text)
    return frozenset({f"{month_number(m[1]):02d}"}) if m else frozenset()


def _opening(text: str) -> str:
    """The first two words of a passage's text ("Feb: quiet", "March - VAT return")."""
    return " ".join(text.split(None, 2)[:2])


def days_of_any_year(text: str, weeks: bool = True) -> frozenset[str]:
    """The days a text writes without a year, "MM-DD": a passage of no day of its own says a day of any year ("Xmas
    fair Fri 11 Dec 3.30" on the school's page, for "what's happening on 11 dec": trial s55 had found nothing); and
    those listed or spanned before one of its month ("booked in for Mon 21st & Tue 22nd Dec", "4-6 Dec": trial s73
    H, "what have i got on the 21st" had found the 22nd only)."""
    out: set[str] = set()
    before: tuple[re.Match, date] | None = None  # the day written before, of no year (in 2000)
    for m, (year, month, day) in _written_at(text):
        if year or not as_date(f"2000-{month}-{day}"):  # (2000: a leap year's, 29 February a day)
            before = None
            continue
        days = [int(day)]
        this = date.fromisoformat(as_date(f"2000-{month}-{day}"))
        if before is not None and _SPAN_JOIN.fullmatch(text, before[0].end(), m.start()):
            # ... and the days between two it spans ("21 Dec to 2 Jan", over new year: trial s73 L)
            end = this if this >= before[1] else this.replace(year=2001)
            if (end - before[1]).days <= SPAN_DAYS:
                out.update((before[1] + timedelta(days=k)).strftime("%m-%d") for k in range((end - before[1]).days))
        elif (listed := _LISTED_BEFORE.search(text, 0, m.start())) is not None:
            days += [int(n) for n in re.findall(r"\d{1,2}", listed[1])]
        elif (f := _SPAN_FROM.search(text, 0, m.start())) and int(f[1]) < int(day):
            days += range(int(f[1]), int(day))
        elif weeks and _WEEK_COMMENCING.search(text, 0, m.start()):  # ("w/c 28 Jun | Sun long run: 29k", s76 P)
            # (of no year, its weekday unknown: a week commencing is a Monday's; counted in a year of no 29 February)
            first, named = this.replace(year=2001) if (this.month, this.day) != (2, 29) else this, _weekdays_named(text)
            out.update((first + timedelta(days=k)).strftime("%m-%d") for k in range(1, 7) if k in named)
        out.update(f"{int(month):02d}-{n:02d}" for n in days if as_date(f"2000-{month}-{n}"))
        before = (m, this)
    return frozenset(out)


def _written(text: str, labels: bool = True) -> Iterator[tuple[str | None, int | str, str]]:
    """(year or None, month, day) of each day text writes (WRITTEN_DAY, periods.day_of); labels: with the year of a
    label before one of none ("2026: 25 Oct")."""
    return (day for _, day in _written_at(text, labels))


def _month_year_label(text: str) -> str | None:
    """The month ("YYYY-MM") a line opens with, with its year, as what it is of: "Dec 2025 takings total £11,940", or
    ends its label with ("Takings Dec 2026: £12,655"); else None."""
    m = _MONTH_YEAR_LABEL.match(text) if any(ch.isdigit() for ch in text) else None
    return f"{m[2]}-{n:02d}" if m and (n := month_number(m[1])) else None


# (the month's name capitalised: "may", "march" are words too)
# (a label before it only with a colon after it: "sold in Dec 2026 for £20" is prose; no span, "Mar 2026 – Feb 2027")
_MONTH_YEAR_LABEL = re.compile(r"\s*(?:[^:\n\d]{1,30}\s(?=[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d\s*:))?([A-Z][a-z]{2,8})\.?"
                               r"\s+((?:19|20)\d\d)(?:\s*:\s|\s+(?![\d/–—-]))")


def _year_beside(text: str, day: str) -> int | None:
    """The year of a day text writes without it ("MM-DD") by the days it writes with theirs, the one year in which that
    day falls YEAR_BESIDE_DAYS or fewer from one of them ("| Due: 7 Mar 2026 | Paid: £2,904.11, 3 Mar |": 3 March
    2026; trial s75 C, it had been "of the days asked" for a question of this week in March 2027), else None."""
    years, now = set(), clock.today().year
    for _, (year, month, number) in _written_at(text):
        # (not a year long gone: "Mum b. 14 Mar 1956 - party Sat 16 Mar", "since 12 Feb 2019 - subs due 1 Mar", the
        # review)
        if year and int(year) >= now - YEAR_BESIDE_BACK and (written := as_date(f"{year}-{month}-{number}")):
            near = date.fromisoformat(written)
            years.update(y for y in (near.year - 1, near.year, near.year + 1) if (iso := as_date(f"{y}-{day}"))
                         and abs((date.fromisoformat(iso) - near).days) <= YEAR_BESIDE_DAYS)
    return years.pop() if len(years) == 1 else None


def _year_of_weekday(text: str, day: str) -> int | None:
    """The year of a day text writes without it ("MM-DD") after its weekday ("INSET day Fri 1 Dec – no run" of a school
    contract's term dates): the one of last year, this year and next that it is on that weekday (trial s85 K: of any
    year, no day of the next year "when is the next inset day" reads, the past one of 4 September first), else None."""
    for m, (year, month, number) in _written_at(text):
        if year or f"{int(month):02d}-{int(number):02d}" != day:
            continue
        if (w := WEEKDAY_BEFORE.search(text, max(0, m.start() - WEEKDAY_REACH), m.start())) is None:
            return None
        return weekday_year_near(int(month), int(number), weekday_number(w[1]))
    return None


YEAR_BESIDE_DAYS = 62
YEAR_BESIDE_BACK = 2  # years before today's a day written with its year may be to give its year to one beside it


def _written_at(text: str, labels: bool = True) -> Iterator[tuple[re.Match, tuple[str | None, int | str, str]]]:
    """_written's days, each with its match in text (where it is written); none struck out ("~~Fri 14th~~")."""
    if "~~" in text:
        text = _STRUCK.sub(lambda m: " " * len(m[0]), text)
    for m in WRITTEN_DAY.finditer(text) if any(ch.isdigit() for ch in text) else ():
        if _MAY_THE_VERB.match(text, m.end()) and m.group(0).rstrip()[-3:] in ("may", "mar"):
            continue  # "room 4 may be free": a verb, not the 4th of May (the review)
        year, month, day = day_of(m)
        yield m, (year or _two_digit_year(text, m, month, day) or (_year_label(text, m) if labels else None), month,
                  day)


# a year as a label before a day of none: "2025: 26 Oct. 2026: 25 Oct. 2027: Sun 31 Oct." (trial s77 K: each had been
# of any year, 25 October "of the days asked" for next Monday, 25 October 2027)
# (a label: a line's first, or after a sentence's end, not "Ref 2045 - 12 Nov", "Train 1930 - 25 Oct": the review)
# (... a quarter's too, the day in brackets: "Q1 2027 (Mar 17th): 100%", trial s78 AG, of no day)
_YEAR_LABEL = re.compile(r"(?:^|(?<=[.;!?]\s)|(?<=\n))[ \t]*(?:[-*+][ \t]+)?(?:Q[1-4]\s+)?((?:19|20)\d\d)\s*[:–—(-]\s*(?:(?:" + ANY_WEEKDAY
                         + r")\w*\.?,?\s+)?$", re.IGNORECASE)
YEAR_LABEL_REACH = 18  # characters before a day its year's label is written in
# ... or a year the day is written in brackets after, whatever before it: "Last year — Easter 2027 (28 March)" (trial
# s84 H: of the note's year, 28 March 2028)
# (not a sum: "Paid deposit £2000 (Tue 28 March)", the review; nor a year its weekday rules out, nor one of the last
# century with none, "Sold 1950 (28 March)": _year_label)
_YEAR_BRACKETED = re.compile(r"(?<![\d/.,£$€-])(?<![£$€]\s)((?:19|20)\d\d)\s*\(\s*(?:(" + ANY_WEEKDAY + r")\w*\.?,?\s+)?$",
                             re.IGNORECASE)


# ... or that opens a bracket, a few words of it before the day: "Last Easter (2027, Easter was 28 March)" (trial s83 B:
# of the note's year, 2028, "of the days asked" for "what did i do on tuesday", the 28th)
_YEAR_ASIDE = re.compile(r"\(((?:19|20)\d\d),\s+[^.;:!?()\d\n]{0,30}$")  # (its comma: not "(2019 model, collected
# 14 March)", the review)
YEAR_ASIDE_REACH = 45  # characters before a day such a year is written in


def _year_label(text: str, m: re.Match) -> str | None:
    """The year a label before a day written without one says ("2026: 25 Oct"), or an aside that opens with it ("(2027,
    Easter was 28 March)"), or one the day is in brackets after ("Easter 2027 (28 March)"), else None."""
    label = _YEAR_LABEL.search(text, max(0, m.start() - YEAR_LABEL_REACH), m.start()) \
        or _YEAR_ASIDE.search(text, max(0, m.start() - YEAR_ASIDE_REACH), m.start())
    if label is None and (label := _YEAR_BRACKETED.search(text, max(0, m.start() - YEAR_LABEL_REACH), m.start())) \
            and (not _on_weekday(label[1], m, label[2]) if label[2] else label[1] < "2000"):
        return None  # (a weekday the year does not hold it on, "£1999 (Tue 28 March)"; a count, "Sold 1950 (28 March)":
        # the review)
    return label[1] if label else None


def _on_weekday(year: str, m: re.Match, weekday: str) -> bool:
    """Is the day m writes (of no year) on weekday in year?"""
    _, month, day = day_of(m)
    iso = as_date(f"{year}-{month}-{day}")
    return iso is not None and date.fromisoformat(iso).weekday() == weekday_number(weekday)


# a year's two digits after a day and its month: "Fri 12 Mar 27?", "Booked Thurs 21 Jan 27, 3.30"
# (not a time: "Sat 6 Feb 10am - collection" had been of 2010, a Saturday then too: trial s74 E)
_TWO_DIGIT_YEAR = re.compile(r"\s+(\d\d)(?![\d:.%/-]|\s*(?:people|pupils|kids|children|of|x|mins?|hrs?|am|pm|h|a\.m|p\.m)\b)",
                             re.IGNORECASE)


def _two_digit_year(text: str, m: re.Match, month: int | str, day: str) -> str | None:
    """The year a day written with its weekday before it says in two digits after it ("Fri 12 Mar 27": Friday 12
    March 2027), where that day is that weekday in that year only (trial s71 G: it had been of 2025, "27" unread);
    or, of no weekday, that ends a table's cell or the text ("Date: 10 Dec 25 | Speaker: members", trial s71 T: it
    had been the coming 10 December, a next meeting for "when's the next kvas meeting"); else None."""
    after = _TWO_DIGIT_YEAR.match(text, m.end())
    if after is None:
        return None
    w = WEEKDAY_BEFORE.search(text[max(0, m.start() - WEEKDAY_REACH):m.start()])
    if w is None:
        return f"20{after[1]}" if _CELL_END.match(text, after.end()) and as_date(f"20{after[1]}-{month}-{day}") \
            else None
    iso = as_date(f"20{after[1]}-{month}-{day}")
    return f"20{after[1]}" if iso and date.fromisoformat(iso).weekday() == weekday_number(w[1]) else None


_CELL_END = re.compile(r"\s*(?:\||$)")


_MAY_THE_VERB = re.compile(r"\s+(?:be|not|have|need|want|take|get|come|go|help|look|work)\b")  # (not "14 may or 15 may")


def weekday_slashed(text: str, order: str | None) -> frozenset[str]:
    """The days, "MM-DD", a text writes in numbers without their year after a weekday ("Tue 12/1 6pm - Priya") or a
    word of when ("measured on 24/5"), before a weekday in brackets ("approved by 11/6 (Tue)"), or in a list of three or
    more ("fortnightly: 9/4, 23/4, 7/5, 21/5"; trials s91 I, L, O: each had been of no day), read in order ("dmy",
    "mdy": the vault's, metadata.slashed_order); none without one."""
    if not order or "/" not in text:
        return frozenset()
    # (after a word of when, not what may be a share or a score: "reduced by 1/2", "by 1/3", "on 1/4 tsp", the review)
    pairs = [(m[1], m[2]) for m in _WEEKDAY_SLASHED.finditer(text)
             if _WEEKDAY_WORD.match(m[0]) or not _MEASURE_AFTER.match(text, m.end())]
    pairs += [(m[1], m[2]) for m in _SLASHED_WEEKDAY.finditer(text)]
    out = set()
    for a, b in pairs:
        day, month = (a, b) if order == "dmy" else (b, a)
        if as_date(f"2000-{month}-{day}"):  # (2000: a leap year's, 29 February a day)
            out.add(f"{int(month):02d}-{int(day):02d}")
    for m in _SLASHED_LIST.finditer(text):
        listed_pairs = _SLASHED_PAIR.findall(m[0])
        listed = [f"{int(month):02d}-{int(day):02d}" for a, b in listed_pairs
                  for day, month in [(a, b) if order == "dmy" else (b, a)]]
        # (days in order, each of the calendar: not scores, "3/5, 4/5, 2/5", out of one number, "6/10, 7/10, 9/10": the
        # review)
        scores = len({b for _, b in listed_pairs}) == 1 and int(listed_pairs[0][1]) in (5, 10, 20, 100)
        if all(as_date(f"2000-{d}") for d in listed) and all(x < y for x, y in zip(listed, listed[1:])) and not scores:
            out.update(listed)
    return frozenset(out)


# (not after "by" or "due": a day a thing is due, _DUE_SLASHED's, told as on it had come before a wedding's own note for
# "what's on this weekend", the s91 rescore, s81 C-37)
_WEEKDAY_SLASHED = re.compile(r"(?:\b(?:" + ANY_WEEKDAY + r")\.?,?|\b(?:on|from|since|until|till|before|after|dated)"
                              r"|(?<![\w/])w/?c)\s+(?:the\s+)?(\d{1,2})/(\d{1,2})(?![/\d])(?!\s+of\b)",
                              re.IGNORECASE)  # (not a share: "before 3/4 of them")
_SLASHED_WEEKDAY = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})\s*\((?:" + ANY_WEEKDAY + r")\w*\.?\)", re.IGNORECASE)
_SLASHED_LIST = re.compile(r"(?<![\w/.])\d{1,2}/\d{1,2}(?:\s*,\s*\d{1,2}/\d{1,2}){2,}(?![/\d])")
_SLASHED_PAIR = re.compile(r"(\d{1,2})/(\d{1,2})")
_WEEKDAY_WORD = re.compile(r"(?:" + ANY_WEEKDAY + r")", re.IGNORECASE)
# a measure after numbers, a share's ("on 1/4 tsp salt", "after 1/2 hour"), not a day's
_MEASURE_AFTER = re.compile(r"\s*(?:tsp|tbsp|teaspoons?|tablespoons?|cups?|pints?|hours?|hrs?|mins?|minutes?|miles?|inch|"
                            r"inches|of|an?\b|litres?|liters?|lbs?|kg|g|oz|ml)\b", re.IGNORECASE)


def named_bare_order(texts: Iterable[str]) -> str | None:
    """The order texts write days with a month's name in, by far the most ("9 Jan": "dmy"; "Jan 9": "mdy"), else None:
    the order of their days in numbers of no year where none says it (Agenda.asked_order's rule)."""
    from .metadata import named_orders

    first, second = named_orders(texts)
    return "dmy" if first >= 3 and first > 3 * second else "mdy" if second >= 3 and second > 3 * first else None


def _numbered_in_month(text: str, pair: tuple[int, int], today: str) -> str | None:
    """The day (ISO) a weekday and a day's number (pair: weekday, Monday 0, and number) are in the one month text names
    by its name, of the year nearest today in which that day is that weekday; None where it names none, or several."""
    months = {month_number(m[0]) for m in _NAMED_MONTH.finditer(text)} - {None}
    if len(months) != 1:
        return None
    month, (weekday, number) = months.pop(), pair
    year = int(today[:4])
    found = years_on_weekday(month, number, weekday, (year - 1, year, year + 1))
    return min((f"{y}-{month:02d}-{number:02d}" for y in found), key=lambda d: abs(date.fromisoformat(d)
                                                                                    - date.fromisoformat(today)),
               default=None)


_NAMED_MONTH = re.compile(r"(?<![A-Za-z])" + MONTH_WORD + r"(?![A-Za-z])")


def nearest_year(own: str, month: int | str, day: int | str) -> str | None:
    """The day of a month and day a passage of its own day (own) says without a year: of own's year, or the next
    year's half a year or more before own ("Next steerco: 14 Jan" in the journal of 1 December), the last year's
    when 300 days or more after it ("the party on 28 Dec" in the journal of 5 January); not the next year's a week
    before it ("overdue since 18 Nov" in the journal of 25 November: trial s54 had read 2027-11-18)."""
    iso = as_date(f"{own[:4]}-{month}-{day}")
    if iso is None:
        return None
    gap = (date.fromisoformat(iso) - date.fromisoformat(own)).days
    year = int(own[:4]) + (1 if gap < -183 else -1 if gap > 300 else 0)
    return as_date(f"{year}-{month}-{day}")


def _seasons_of(chunk: Chunk) -> frozenset[tuple[str, int | None]]:
    """The seasons a passage's title, headings or parent name, or its text as a time (periods.seasons_named); one of
    no year of the year its title says, if any ("Jobs 2025" > "## Winter")."""
    named = seasons_named(" | ".join((chunk.title, *chunk.heading, *chunk.parents[-1:]))) \
        | seasons_named(chunk.text, in_text=True)
    titled = passage_year(chunk)
    return frozenset((name, year if year or not titled else int(titled)) for name, year in named)


def _years_written(chunks: Iterable[Chunk]) -> dict[str, set[str]]:
    """"MM-DD" -> the years a note's passages (chunks) write that day with ("Deadline 31 January 2027")."""
    out: dict[str, set[str]] = {}
    for c in chunks:
        if c.origin or c.kind == "code" or not any(ch.isdigit() for ch in c.text):
            continue
        for year, month, day in _written(c.text, labels=False):  # (a label's year is its line's only, as an opening
            if year and (iso := as_date(f"{year}-{month}-{day}")):  # year is: passage_year)
                out.setdefault(iso[5:], set()).add(iso[:4])
    return out


def passage_year(chunk: Chunk) -> str | None:
    """The year a passage opens with ("2026: 8 Jan, 19 Feb, 2 Apr" of a horse's shoeing dates: trial s73 A, January's
    first for "what's on in january" of 2027) or its heading or parent of a year alone is, else the year its note's
    title says, else the folder of a year it is in ("quotes/2025/Q-2025-044 wright ev.md": trial s71 M, its "booked 9
    Dec" had been of next week's Wednesday)."""
    m = _YEAR_OPENING.match(chunk.text)
    return m[1] if m else headings_year((*chunk.heading, *chunk.parents)) or _season_year(chunk) \
        or _holiday_year(chunk) or year_said(chunk.title) or folder_year(chunk.path)


def _holiday_year(chunk: Chunk) -> str | None:
    """The year of the innermost heading that opens with a holiday and its year ("## Christmas 2027 (for comparison)"
    of "Christmas opening hours 2028": trial s85 E, its "Kingsmoor shut 24 Dec – 4 Jan" had been of this Christmas's
    days, first for "is kingsmoor open between christmas and new year"; not "## Ideas from Christmas 2027", nor a
    parent bullet's "Hip's been bad since Christmas 2027": the review), else None."""
    return next((day[:4] for h in reversed(chunk.heading) if (day := holiday_opening(h))), None)


# a season and its year's last two digits, which no day's number can be: "New starters autumn 26" (trial s73 G: its
# "Sept: Kath Dunne, Lucy Tran" had been of any September, first for "who were the new starters in sept last year")
_SEASON_SHORT_YEAR = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+['’]?(\d\d)\b(?![:./-]?\d)", re.IGNORECASE)


def _season_year(chunk: Chunk) -> str | None:
    """The year the innermost heading or parent that names a season with its year's last two digits says, else None."""
    return next((f"20{m[1]}" for h in reversed((*chunk.heading, *chunk.parents)) if (m := _SEASON_SHORT_YEAR.search(h))),
                None)


_YEAR_OPENING = re.compile(r"\s*((?:19|20)\d\d)\s*[:–—-]\s")  # "2026: 8 Jan, ..." (not "2026-01-08", nor "2026/27:")


def entry_day(chunk: Chunk, parent_day: str | None) -> str | None:
    """The day of the log entry a passage is ("2026-11-24 Cut SMS ...") or is under ("Decided by: Maria")."""
    m = DATED_ENTRY.match(chunk.text) if chunk.kind == "bullet" else None  # not a code block of log lines
    return m.group(1) if m else parent_day


def _first_days(wanted: set[int], asked: set[str], tables: tuple[dict, ...]) -> dict[int, str]:
    """Each of the rows wanted that tables (a day -> its rows) hold under one of the days asked: the first of them."""
    first: dict[int, str] = {}
    for day in sorted(asked):
        for table in tables:
            for row in table.get(day, ()):
                if int(row) in wanted:
                    first.setdefault(int(row), day)
    return first


class Agenda:
    """An index's passages by day, and its tasks by state, with the day each open one is due: read from
    the chunks for the first question that names a day or asks for tasks (most never do; a one-off
    `notesqa ask` does not wait for it)."""

    def __init__(self, chunks: list[Chunk]):
        self._chunks = chunks
        self._read = False
        self._lock = threading.Lock()

    def _ensure(self) -> None:
        with self._lock:  # two questions at once: one reads the chunks, the other waits for it
            if not self._read:
                self._build(self._chunks)
                self._read = True

    def _build(self, chunks: list[Chunk]) -> None:
        by_day: dict[str, list[int]] = defaultdict(list)
        told: dict[str, list[int]] = defaultdict(list)  # a day -> the rows that say it, not of it (days_told)
        done_on: dict[str, list[int]] = defaultdict(list)  # ... of those, the rows that say a thing was done then
        told_weeks: dict[str, list[int]] = defaultdict(list)  # ... as one of a week after its first day ("w/c 28 Jun")
        told_spans: dict[str, list[int]] = defaultdict(list)  # ... inside a span of more than a week
        any_year_weeks: dict[str, list[int]] = defaultdict(list)  # ... of no year ("MM-DD")
        named_months: dict[str, list[int]] = defaultdict(list)  # "MM" -> the rows of no day that name that month
        labelled_months: dict[str, list[int]] = defaultdict(list)  # "MM" -> the rows of no day a month labels
        any_year: dict[str, list[int]] = defaultdict(list)  # "MM-DD" -> the rows of no day that say it without a year
        seasons: dict[tuple[str, int | None], list[int]] = defaultdict(list)  # a season named -> the rows of no day
        weekly: dict[int, list[int]] = defaultdict(list)  # a weekday (Monday 0) -> the rows of no day that open with it
        loose: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # (note, headings) -> (weekday, row) of "Mon break"
        # (a weekday, a day's number) -> the rows of no day that write them, no month ("☐ ring Mick Mon 8th")
        numbered: dict[tuple[int, int], list[int]] = defaultdict(list)
        tasks: dict[str, list[int]] = defaultdict(list)
        due: list[tuple[str, int]] = []
        entries: dict[tuple[str, int], str | None] = {}  # (path, seq) -> the day of the entry it is or is under
        self._priority: dict[int, int] = {}  # an open task's row -> its priority (chunking.priority), when not 0
        self._note_rows: dict[str, tuple[str, list[int]]] = {}  # a dated note's path -> (its day, its rows)
        self._task_rows: set[int] = set()  # the open tasks due a day
        self._month_only: dict[int, str] = {}  # a passage dated a month's first only by its month -> "YYYY-MM"
        self._days_besides: dict[int, frozenset[str]] = {}  # ... -> the other days it is of, a task's
        self._due_months: dict[str, list[int]] = defaultdict(list)  # "YYYY-MM" -> the open tasks listed under it
        self._month_rows: dict[str, list[int]] = defaultdict(list)  # ... and the other way
        self._plans: dict[int, frozenset[str]] = {}  # a passage of a holiday to come by its note's name -> the days
        # its text writes
        today_iso = clock.today().isoformat()  # (a task of no day: its words' day nearest today)
        from .metadata import entries_order, slashed_order

        # (or as its lines open with days without their year: "Sat 27/3 - Hannah final", trial s74 E)
        order = slashed_order(c.text for c in chunks) or entries_order(c.text for c in chunks)
        self._order = order
        # (days in numbers of no year after a word of when, "approved by 11/6 (Tue)", in the order the notes write days
        # with a month's name where they write none in numbers so: trial s91 O, of no day)
        bare = self._bare = order or named_bare_order(c.text for c in chunks)
        # (each note's read when a passage of it needs it: a pass over every passage had doubled the agenda's reading)
        self._rows_of: dict[str, list[int]] = defaultdict(list)
        for row, chunk in enumerate(chunks):
            self._rows_of[chunk.path].append(row)
        self._written_years: dict[str, dict[str, set[str]]] = {}
        self._table_orders: dict[tuple[str, tuple[str, ...]], str | None] = {}  # (_table_order's)
        for row, chunk in enumerate(chunks):
            if chunk.date and len(chunk.date) >= 10 and not chunk.origin:
                self._note_rows.setdefault(chunk.path, (chunk.date[:10], []))[1].append(row)
            entry = entry_day(chunk, entries.get((chunk.path, chunk.parent)) if chunk.parent is not None else None)
            entries[(chunk.path, chunk.seq)] = entry
            own = days_of(chunk, entry)
            if chunk.date and chunk.date[:10] in own and month_only(chunk):
                self._month_only[row] = chunk.date[:7]
                self._month_rows[chunk.date[:7]].append(row)
                if own - {chunk.date[:10]}:  # (its task's day is its own all the same: "☐ Book Kev 📅 2027-01-08" of
                    self._days_besides[row] = frozenset(own - {chunk.date[:10]})  # "2027-01 Hussain kitchen", s74 H)
            elif chunk.date and chunk.date[:10] > today_iso and _holiday_named(chunk):
                # (a plan for a holiday to come is of no day of it yet but those it writes: "Christmas 2026 bookings"
                # had filled "hector nightly rate this christmas", trial s71 U; "Wed 23 Dec - collect gammon" of a
                # Christmas plan is of the 23rd; last Christmas's note is of its day, and so is today's: "Burns Night
                # 2029" on the night had been of no day, "Nothing dated on 2029-01-25" over it, trial s86 X)
                self._plans[row] = days_written(chunk.text, chunk.date[:10])
                for day in self._plans[row] - own:
                    by_day[day].append(row)
                    by_day[day[5:]].append(row)
            for day in own:
                by_day[day].append(row)
                by_day[day[5:]].append(row)  # "on 12 March": any year's
            said = days_told(chunk, entry, order, weeks=False, bare=bare)
            # (a day inside a span longer than a week, "Kit order window 1-17 Sep", is told for a longer period asked
            # only: trial s79 AA, "says 2027-09-11" first for "where do we meet on sat")
            inside = _spans_written(chunk.text, entry or chunk.date or "", False, TOLD_SPAN) \
                if said - own and not chunk.origin and chunk.kind != "code" and any(ch in chunk.text for ch in "-–—") \
                else frozenset()  # (read only where it says a day it is not of: most passages say none)
            # (not a day it writes on its own too: "Kit order window 1-17 Sep; fitting Sat 11 Sep", the review)
            inside = inside - _days_alone(chunk.text, entry or chunk.date or "") if inside else inside
            # (not a day to come of a line that says it is done: "Safeguarding refresher online by 31 Dec — DONE 12
            # Nov", trial s89 T, first for "what's on next week")
            done = bool(said - own) and said_done(chunk.text)
            if done:
                said = frozenset(d for d in said if d[:10] <= today_iso or len(d) < 10)
            for day in said - own:
                (told_spans if day in inside else told)[day].append(row)
                if day not in inside:
                    told[day[5:]].append(row)
            done_then = done_days(chunk.text, order) if (said - own or not own) and not chunk.origin else frozenset()
            for day in said - own:
                if day[5:] in done_then:
                    done_on[day].append(row)
            # (a week's other days after its first, "w/c 28 Jun": for a question of a week or less only, not "who is off
            # in august" of "w/c 26 July", trial s76 R)
            for day in days_told(chunk, entry, order, bare=bare) - said - own:
                if not (done and day > today_iso):
                    told_weeks[day].append(row)
            if (labelled := _month_year_label(chunk.text)) is not None:  # (of a day or none: "Takings Dec 2026: £12,655"
                named_months[labelled].append(row)  # in a rota's lines after "Back Fri 2 Jan", trial s75 P)
            if not own and not chunk.origin and chunk.kind != "code":
                titled = passage_year(chunk)  # ("Stocktake Jan 2026" > "done Mon 19 Jan": 2026's)
                # ("Xmas fair Fri 11 Dec" of an undated page, trial s55; "Tue 12/1 6pm - Priya" of a vault that writes
                # "17/10/25", trial s74 E)
                held = still_held(chunk.text)
                written = days_of_any_year(held, weeks=False) | weekday_slashed(held, bare)
                for day in written:
                    # (of the year its note writes that day with: "due 31 Jan" of "Self assessment 2025-26", whose
                    # "Deadline 31 January 2027" says it, trial s74 I: it had been "of the days asked" last January)
                    year = (self._year_written(chunk.path, day) or titled
                            or _year_beside(chunk.text, day)  # ("| Due: 7 Mar 2026 | Paid: 3 Mar |", trial s75 C)
                            or _year_of_weekday(chunk.text, day))  # ("INSET day Fri 1 Dec", trial s85 K)
                    (told[f"{year}-{day}"] if year else any_year[day]).append(row)
                    if day in done_then:  # (of no year: the last such day, a thing done being gone, "paid 14 Feb")
                        done_on[f"{year}-{day}" if year else _last_of(day, today_iso)].append(row)
                    if year:  # (and asked without its year, "on the 17th oct": trial s76 AC, "Nothing ... dated")
                        told[day].append(row)
                for day in days_of_any_year(held) - written:
                    year = self._year_written(chunk.path, day) or titled
                    (told_weeks[f"{year}-{day}"] if year else any_year_weeks[day]).append(row)
                for pair in weekdays_numbered(chunk.text, words_too=False):
                    # (of a month the line names, where it is that weekday: "| 15–18 Apr | Easter hols (Good Fri 19th)
                    # |" is 19 April, not the next Friday 19th, July's; trial s91 G, on for "anything on in july")
                    if (of_month := _numbered_in_month(chunk.text, pair, today_iso)) is not None:
                        told[of_month].append(row)
                        told[of_month[5:]].append(row)
                    else:
                        numbered[pair].append(row)
                # ... and a month its heading or parent names, or its text opens with: a part about it ("Don't ring in
                # Feb" over a callout, trial s55), not one said in passing ("he wants 4 days from jan")
                # (of the year its note's title says: "## Oct-Dec" of "Jobs 2025 second half" is no December 2026's,
                # trial s58 OC)
                # (not the months of its heading where its text says its own days: "Holiday blocked out: 15–19 Feb" under
                # "Upcoming bookings – Jan to Mar 2027" is no March's, trial s74 L)
                above = () if written else (*chunk.heading[-1:], *chunk.parents[-1:])
                # (nor of any year's, where it says the month with its year: "Dec 2025 takings total ...")
                # (... of the year its heading writes beside the month: "## Count Oct 2025" is no October 2027's,
                # trial s77 AB: "of the days asked" for "what's due this month")
                of_year = titled or _month_year_in(above)
                for month in months_said(" ".join((_opening(chunk.text), *above))) - {(labelled or "")[5:]}:
                    named_months[f"{of_year}-{month}" if of_year else month].append(row)
                for month in months_in_numbers(chunk.text):  # ("| Jenny Okafor | 03/2024 | 03/2027 |", trial s74 O)
                    named_months[month].append(row)
                for month in _months_labelling(chunk.text):  # ("Paid in September: gas £2,380", trial s85 J)
                    labelled_months[f"{titled}-{month}" if titled else month].append(row)
                for month in _month_columns(chunk, titled):  # ("Tool: Intercom | Jan 2030: £1,104 | Feb 2030: £1,236",
                    labelled_months[month].append(row)  # trial s90 G: "what did intercom cost us in february", 8th)
                # ... or its heading labels, a line of a sum under it ("## What we actually paid in August 2029" >
                # "Electric £162.40": trial s88 F, "Nothing dated ... matches" for "what did we pay for electric in
                # august")
                for month in _heading_labelling(chunk):  # (the year its heading writes first: the review)
                    year = _month_year_in(chunk.heading[-1:]) or titled
                    labelled_months[f"{year}-{month}" if year else month].append(row)
                for season in _seasons_of(chunk):
                    seasons[season].append(row)
                if (weekday := weekday_opening(chunk.text)) is not None:  # ("Sat 09:15, small pool" of a weekly
                    weekly[weekday].append(row)  # timetable: every Saturday's, trial s74 M)
                elif (m := _SHORT_WEEKDAY_WORD.match(without_task_mark(chunk.text))) is not None:
                    loose[(chunk.path, tuple(chunk.heading))].append((weekday_number(m[1]), row))
            state = task_state(chunk.text) if chunk.kind == "bullet" and not chunk.origin else None
            if state is None:
                # (a Logseq block set for a day is due then, task or not: its journal lists it under "Scheduled and
                # deadline"; trial s63 A's course "SCHEDULED: <2026-12-12 Sat>" had not been due next week)
                # ... and so is a line that opens with its day and says it is due ("- Fri 11 - Ahmed completion
                # payment due" in the diary of 4 December: trial s66 N, "Not due" for "whats due next week")
                if chunk.kind == "bullet" and not chunk.origin and \
                        (day := m[1] if (m := _LOGSEQ_SET.search(chunk.text)) else
                         _opens_due(chunk.text, chunk.date) or _due_under_its_day(chunk)):
                    due.append((day, row))
                # ... and one that says it is due a day, of a year it writes ("Payment on account due 31 Jan 2027":
                # trial s68 C, "Not due" for "tax payment due in january"), gone or to come ("due:: 2029-08-29 pay
                # the football club": trial s88 H, "Nothing in your notes is due on August 29" over it); never overdue
                # (... or to be done by a day to come, as an open task is: "TW to email HoDs re late fee policy - by Fri
                # 10 Sept", "pay by 30 Sept", trial s79 I and C, "nothing is due" over them)
                # (a day to come, not where it says it is done: "published on the website by 31 Dec (done - see
                # 2029_12_13)", trial s89 A, had been due next week, first for "whats due next week")
                elif chunk.kind in ("bullet", "paragraph") and not chunk.origin and \
                        (day := due_in_words(chunk.text, "") or _due_to_come(chunk, order, today_iso)) and \
                        (day <= today_iso or not said_done(chunk.text)):
                    due.append((day, row))
                # ... and a line of a note of deadlines that opens with a day to come ("- 7 Jul: VAT stagger 3")
                elif chunk.kind in ("bullet", "table_row") and not chunk.origin and \
                        (day := _listed_deadline(chunk, year_said(chunk.title))) and day >= today_iso:
                    due.append((day, row))
                # ... and a table row whose "due" column says a day to come, as that line does
                elif chunk.kind == "table_row" and not chunk.origin and "ue" in chunk.text \
                        and (day := row_due(chunk.text, year_said(chunk.title), today_iso,
                                            order or self._table_order(row))) and day >= today_iso:
                    due.append((day, row))
                continue
            tasks[state].append(row)
            if state == "doing":  # under way is open too
                tasks["open"].append(row)
            rank = priority(chunk.text) if state in ("open", "doing") else 0
            if rank:
                self._priority[row] = rank
            if rank >= 2:
                tasks["high"].append(row)
            if chunk.text.startswith("LATER"):  # Logseq's other workflow: "my LATER tasks" asks for these
                tasks["later"].append(row)
            day = open_task_due(chunk.text, chunk.date or _week_heading(chunk) or today_iso, order) \
                if state in ("open", "doing") else None
            if day is None and state in ("open", "doing") and row in self._month_only and _listed_under_month(chunk):
                # (a to-do listed under its month, "## January 2027" > "☐ Chase DAC about the faculty", is due by its
                # end: trial s74 O, "what's due this month" had found one of seven; due in the month, not on its last
                # day: no answer to "deadline for new year's eve", the s72 rescore)
                day = _month_end(self._month_only[row])
                self._due_months[self._month_only[row]].append(row)
            if day:
                due.append((day, row))
                self._task_rows.add(row)
        self._by_day = {d: np.array(rows, dtype=np.int64) for d, rows in by_day.items()}
        self._told = {d: np.array(rows, dtype=np.int64) for d, rows in told.items()}
        self._told_spans = {d: np.array(rows, dtype=np.int64) for d, rows in told_spans.items()}
        self._done_on = {d: np.array(rows, dtype=np.int64) for d, rows in done_on.items()}
        self._named_months = {m: np.array(rows, dtype=np.int64) for m, rows in named_months.items()}
        self._labelled_months = {m: np.array(rows, dtype=np.int64) for m, rows in labelled_months.items()}
        self._any_year = {d: np.array(rows, dtype=np.int64) for d, rows in any_year.items()}
        self._told_weeks = {d: np.array(rows, dtype=np.int64) for d, rows in told_weeks.items()}
        self._any_year_weeks = {d: np.array(rows, dtype=np.int64) for d, rows in any_year_weeks.items()}
        self._numbered = {k: np.array(rows, dtype=np.int64) for k, rows in numbered.items()}
        self._seasons = {k: np.array(rows, dtype=np.int64) for k, rows in seasons.items()}
        # (a weekday's short name before a word, "Mon break – Y9 yard", only among lines of others: a rota's, trial s76 I;
        # not "Sat nav broken", "Sun cream")
        for found in loose.values():
            if len({w for w, _ in found}) >= LOOSE_WEEKDAYS:
                for w, row in found:
                    weekly[w].append(row)
        self._weekly = {k: np.array(sorted(rows), dtype=np.int64) for k, rows in weekly.items()}
        notes = {c.path: c.title for c in chunks}
        self._weeks = frozenset(filter(None, (period_week(PurePosixPath(p).stem) for p in notes)))
        titled: dict[str, set[int]] = defaultdict(set)
        for path, title in notes.items():
            m = _WEEK_TITLE.search(title or "")
            if m and period_week(PurePosixPath(path).stem) is None:
                titled[str(PurePosixPath(path).parent)].add(int(m[1]))
        self._week_titled = {folder: frozenset(weeks) for folder, weeks in titled.items()}
        self._tasks = {s: np.array(sorted(rows), dtype=np.int64) for s, rows in tasks.items()}
        # (by day, a day's tasks before the lines said due then: "☐ VAT return 📅 2026-12-07" before "VAT return Oct
        # quarter due 7 Dec 2026!!", the s68 rescore)
        due.sort(key=lambda d: (d[0], d[1] not in self._task_rows, d[1]))
        self._due_days = [d for d, _ in due]
        self._due_rows = np.array([r for _, r in due], dtype=np.int64)
        # (overdue: the tasks' only; a line due a day, no task, is not left undone when its day goes: trial s68 C)
        late = [(d, r) for d, r in due if r in self._task_rows]
        self._late_days, self._late_rows = [d for d, _ in late], np.array([r for _, r in late], dtype=np.int64)
        self._due_on: dict[str, list[int]] = defaultdict(list)
        in_months = {r for rows in self._due_months.values() for r in rows}
        for day, row in due:
            if row not in in_months:
                self._due_on[day].append(row)
            self._due_on[day[5:]].append(row)  # "due on 4 December": any year's

    def of_days(self, asked: set[str]) -> np.ndarray:
        """The rows of the passages of the days asked ("YYYY-MM-DD", or "MM-DD" for any year's)."""
        if not asked:
            return _NONE
        self._ensure()
        found = [self._by_day[d] for d in asked if d in self._by_day]
        found += [np.array(self._month_rows[m], dtype=np.int64) for m in self._months_asked(asked)]
        rows = np.unique(np.concatenate(found)) if found else _NONE
        if not (self._month_only or self._plans) or not rows.size:
            return rows
        # (a passage of a month only by its name is of days asked that reach past its first: "in December", not "on
        # Tuesday 1 December")
        return np.array([r for r in rows.tolist() if (r not in self._plans or self._plans[r] & asked)
                         and ((m := self._month_only.get(r)) is None or f"{m}-28" in asked or f"{m[5:]}-28" in asked
                              or self._days_besides.get(r, frozenset()) & asked)],
                        dtype=np.int64)

    def _months_asked(self, asked: set[str]) -> list[str]:
        """The months ("YYYY-MM") of passages of a month only whose first day is not asked but most of it is: "which
        trip is happening this month" asked on the 6th, the days left of it (trial s72 F: "Y3 pantomime Dec 2026" had
        not been found)."""
        if not self._month_rows:
            return []
        return [m for m in self._month_rows if f"{m}-28" in asked and f"{m}-01" not in asked
                and sum(d.startswith(m) for d in asked) >= MONTH_ASKED_DAYS]

    def numbers_order(self) -> str | None:
        """The order the notes write days in numbers in ("dmy": "14/02/2026"; "mdy"), None where they say neither."""
        self._ensure()
        return self._order

    def asked_order(self) -> str | None:
        """The order a question's day in numbers is read in ("on 3/12"): the notes' in numbers (numbers_order), else
        the one they write days with a month's name in, by far the most ("Fri 3 Dec", not "Dec 3, 2027": trial s82 B,
        a vault of no day in numbers had "what happened on 3/12" read as no day); None where they say neither."""
        self._ensure()
        return self._bare  # (the notes' order in numbers, else named_bare_order's: _build)

    def year_written(self, path: str, day: str) -> str | None:
        """The one year a note writes a day of no year ("MM-DD") with elsewhere ("Deadline 31 January 2027" of its "due
        31 Jan"), else None."""
        self._ensure()
        return self._year_written(path, day)

    def _year_written(self, path: str, day: str) -> str | None:
        """year_written's, the note's days read once (_years_written)."""
        if path not in self._written_years:
            self._written_years[path] = _years_written(self._chunks[r] for r in self._rows_of.get(path, ()))
        years = self._written_years[path].get(day)
        return next(iter(years)) if years and len(years) == 1 else None

    def telling(self, asked: set[str], today: str | None = None) -> np.ndarray:
        """The rows of the passages that say one of the days asked ("YYYY-MM-DD", or "MM-DD" for any year's) in their
        text, not of it: "readout
        on [[Dec 14th, 2026]]" for "anything planned for december 14th?" (trial s53: nothing had been set for then)."""
        if not asked:
            return _NONE
        self._ensure()
        found = [self._told[d] for d in asked if d in self._told]
        # a passage of no day that says a day without its year ("Xmas fair Fri 11 Dec", "booked for next tuesday (8
        # dec)": trial s55) says any year's, or the one of the half year either side of today (today: ISO)
        today = date.fromisoformat(today) if today else clock.today()
        of_any_year = [d for d in asked if len(d) == 5 or abs((date.fromisoformat(d) - today).days) <= 183]
        found += [self._any_year[d[-5:]] for d in of_any_year if d[-5:] in self._any_year]
        if len(asked) <= WEEK_ASKED:  # (a week's days after its first: for a day or a week asked)
            found += [self._told_weeks[d] for d in asked if d in self._told_weeks]
            found += [self._any_year_weeks[d[-5:]] for d in of_any_year if d[-5:] in self._any_year_weeks]
        else:  # (... the days inside a longer span: for a longer period asked)
            found += [self._told_spans[d] for d in asked if d in self._told_spans]
        # ... and one that says a weekday and a day's number, no month, the nearest such day to today ("☐ Hi-Rise - ring
        # Mick Mon 8th" of an undated to-do list: trial s75 C, "whats on monday" had not found it)
        # (... that one alone: "again Sun 11th" is 11 February on 25 January, not 11 March too, trial s86 P)
        found += [self._numbered[key] for d in asked if len(d) == 10
                  and (key := ((day := date.fromisoformat(d)).weekday(), day.day)) in self._numbered
                  and nearest_numbered(today, *key) == day]
        return np.unique(np.concatenate(found)) if found else _NONE

    def _table_order(self, row: int) -> str | None:
        """The order a table's cells write days in numbers without their year ("| 06/01 | ... | 13/01 |": "dmy"), by all
        its rows (trial s75 J: an invoice list's "due: 10/03" had been due no day, "which invoices are due this month"
        finding it 8th); read once a table."""
        c = self._chunks[row]
        key = (c.path, tuple(c.heading))
        if key not in self._table_orders:
            rows = [self._chunks[r].text for r in self._rows_of.get(c.path, ()) if self._chunks[r].kind == "table_row"
                    and self._chunks[r].heading == c.heading]
            self._table_orders[key] = numbers_order(m for text in rows for m in _CELL_NUMBERS.finditer(text))
        return self._table_orders[key]

    def done_then(self, asked: set[str]) -> np.ndarray:
        """The rows of the passages that say a thing was done on one of the days asked ("YYYY-MM-DD"), not of it: "£500
        paid 4/1/30" of an undated supplier page (done_days)."""
        if not asked:
            return _NONE
        self._ensure()
        found = [self._done_on[d] for d in asked if d in self._done_on]
        return np.unique(np.concatenate(found)) if found else _NONE

    def of_or_telling_between(self, first: str, last: str) -> np.ndarray:
        """The rows of the passages of, or that say, a day from first to last (ISO, both in), of their year."""
        self._ensure()
        found = [rows for by in (self._by_day, self._told) for d, rows in by.items()
                 if len(d) == 10 and first <= d <= last]
        return np.unique(np.concatenate(found)) if found else _NONE

    def of_weekday(self, weekday: int) -> np.ndarray:
        """The rows of the passages of no day that open with a weekday (Monday 0), a time or a label after it, not a
        day's number: every such weekday's ("Sat 09:15, small pool, teacher Josh" for "what time is alfie's swimming
        on saturday", trial s74 M)."""
        self._ensure()
        return self._weekly.get(weekday, _NONE)

    def naming_month(self, month: str) -> np.ndarray:
        """The rows of the passages of no day that name a month ("YYYY-MM") by its name, in their text or heading, in
        a note whose title says that year or none: "Don't ring in Feb" for "dont ring priya in feb" (trial s55: the
        client's callout had come after four passages of February that said nothing of it)."""
        self._ensure()
        return np.union1d(self._named_months.get(month[5:], _NONE), self._named_months.get(month, _NONE))

    def labelling_month(self, month: str) -> np.ndarray:
        """The rows of the passages of no day that a month ("YYYY-MM") labels (_months_labelling), in a note whose title
        says that year or none: "Paid in September: gas £2,380" for "what did we pay for gas in september" (trial s85
        J: a September journal's payroll query had come first)."""
        self._ensure()
        return np.union1d(self._labelled_months.get(month[5:], _NONE), self._labelled_months.get(month, _NONE))

    def naming_season(self, asked: set[str]) -> np.ndarray:
        """The rows of the passages of no day that name the season the days asked are (periods.whole_season), of its
        year or of none, in their title, headings, parent or as a time in their text: "## Winter 2026/27 plan", "usage
        32 bales/wk in winter" for "where are the mares going out this winter" (trial s66 A: journal lines of December
        had come first)."""
        season = whole_season(asked)
        if season is None:
            return _NONE
        self._ensure()
        return np.union1d(self._seasons.get(season, _NONE), self._seasons.get((season[0], None), _NONE))

    def of_month(self, month: str) -> np.ndarray:
        """The rows of the passages of a month ("YYYY-MM")."""
        self._ensure()
        return self.of_days({d for d in self._by_day if len(d) == 10 and d.startswith(month)})

    def dated_notes(self) -> dict[str, tuple[str, list[int]]]:
        """Each dated note's path -> (its day, "YYYY-MM-DD", and the rows of its passages of that day)."""
        self._ensure()
        return self._note_rows

    def months(self) -> frozenset[str]:
        """The months ("YYYY-MM") that passages are of, or say a day of ("small filling 12 May" in the line of 28 April
        2027: trial s77 U, "in may" had been read as May 2025, "nothing of a later one"): "in June" with no year is a
        June the notes have."""
        self._ensure()
        return frozenset(d[:7] for d in (*self._by_day, *self._told) if len(d) == 10)

    def weeks(self) -> frozenset[str]:
        """The weeks ("YYYY-Www") the notes have a weekly note of ("Reviews/2024-W38.md"): "in week 38" with no year
        is such a week."""
        self._ensure()
        return self._weeks

    def week_titled(self, folder: str) -> frozenset[int]:
        """The numbers of the notes titled "Week N ..." in a folder ("CS 6200/Week 9 - Distributed File Systems",
        a Logseq "STAT 545/Week 1"), weekly notes aside: a course's weeks, which "week 9" may name."""
        self._ensure()
        return self._week_titled.get(folder, frozenset())

    def due_on(self, asked: set[str]) -> np.ndarray:
        """The rows of the open tasks due (a deadline, else a scheduled day) on the days asked (YYYY-MM-DD, or
        MM-DD for any year's):
        "what's due this week?" asks for them, not for an undated task in this week's journal."""
        if not asked:
            return _NONE
        self._ensure()
        found = [r for d in asked for r in self._due_on.get(d, ())]
        # (and those listed under a month most of whose days are asked: "what's due this month")
        found += [r for m, rows in self._due_months.items() if sum(d.startswith(m) for d in asked) >= MONTH_ASKED_DAYS
                  for r in rows]
        return np.unique(np.array(found, dtype=np.int64)) if found else _NONE

    def due_other_days(self, asked: set[str]) -> np.ndarray:
        """The rows of the passages due (a deadline, else a scheduled day) on days none of which is asked (YYYY-MM-DD):
        a task written this week, due at the month's end, is not what "what's due this week" asks (trial s76 M)."""
        self._ensure()
        dues: dict[int, set[str]] = defaultdict(set)
        for d, r in zip(self._due_days, self._due_rows.tolist()):
            dues[r].add(d)
        return np.array(sorted(r for r, ds in dues.items() if not any(d in asked or d[5:] in asked for d in ds)),
                        dtype=np.int64)

    def in_order(self, rows: np.ndarray) -> list[int]:
        """The open tasks with a due day among rows, as a list of them reads: by priority (high, medium, none,
        low: trial s36b's 🔼 had come after tasks of none), then by due day (the earliest first)."""
        self._ensure()
        wanted = set(rows.tolist())
        by_day = [int(r) for r in self._due_rows if int(r) in wanted]  # _due_rows are by due day
        return sorted(by_day, key=lambda r: -self._priority.get(r, 0))  # stable: by day among each

    def first_days(self, rows: list[int], asked: set[str]) -> dict[int, str]:
        """Each of rows that is of, says or is due one of the days asked: the first of them."""
        self._ensure()
        return _first_days(set(rows), asked, (self._by_day, self._told, self._due_on))

    def open_by_day(self, rows: np.ndarray, asked: set[str]) -> list[int]:
        """The open tasks among rows that are of the days asked (a week plan's "☐ deliveries north" under "Thu 10"),
        by the first of those days each is of."""
        self._ensure()
        first = _first_days(set(rows.tolist()) & set(self._tasks.get("open", _NONE).tolist()), asked, (self._by_day,))
        return sorted(first, key=first.__getitem__)

    def overdue(self, today: date | None = None) -> np.ndarray:
        """The rows of the open tasks due before today (chunking.due_day: a deadline, else a scheduled day)."""
        return np.sort(self._late(today))

    def overdue_order(self, today: date | None = None) -> dict[int, float]:
        """For "what's overdue?": each overdue task's row -> 1 for the most overdue, down towards 0 for the
        one due yesterday; 2 more for each step of priority (chunking.priority: a medium-priority task 2, a high
        4, a low -2), so that each priority's tasks come before the next's, as the answer says (trial U: at 1 more,
        a task due three days ago came after eight unprioritised ones)."""
        late = self._late(today)  # by due day, the earliest first
        n = max(1, len(late))
        return {int(r): 1 - i / n + 2 * self._priority.get(int(r), 0) for i, r in enumerate(late)}

    def _late(self, today: date | None) -> np.ndarray:
        """The rows of the open tasks due before today, by due day."""
        cut = (today or clock.today()).isoformat()
        self._ensure()
        return self._late_rows[:bisect.bisect_left(self._late_days, cut)]

    def tasks(self, state: str) -> np.ndarray:
        """The rows of the tasks in a state: "open" (under way too), "doing" (under way), "done", "cancelled",
        "high" (open, high priority) or "later" (Logseq's LATER)."""
        self._ensure()
        return self._tasks.get(state, _NONE)
