"""A question as written -> the words to search for and the filters to apply.

    text, filters = parse_query("tag:aws path:work/* after:2024-01-01 what did Werner say?")

The filter grammar (`name:value`, the value quoted or up to the next space) is written
here once; the chat's follow-ups (conversation.py) read filters with it too.
"""

from __future__ import annotations

import bisect
import fnmatch
import os
import posixpath
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

import numpy as np

from . import dendron
from .chatter import without_chatter
from .chunking import Chunk, has_words
from .errors import ArgumentError, QueryError
from .metadata import as_date
from .notefiles import nfc, readable_path
from .wording import counted, in_quotes

FILTER_NAMES = ("tag", "path", "after", "before")
# name:value at the start of a word; "name:: value" is a Logseq property pasted in, text, not a filter
_NAMED = r"(?<!\S)({names}):(?!:)(\"[^\"]*\"|“[^”]*”|\S+)"  # (a value in quotes, straight or curly as a Mac types them)
_ANY_NAMED = re.compile(_NAMED.format(names=r"\w+"))  # also typos of a filter name, URLs, 10:30
# group 1: name, 2: value; with a dash before it, one that leaves notes out ("-path:Daily")
FILTER = re.compile("(?<!\\S)(?:-(?=(?:tag|path):))?" + _NAMED.format(names="|".join(FILTER_NAMES))[len("(?<!\\S)"):],
                    re.IGNORECASE)
# a filter with its value cut off by a space: at the start of the question ("tag: maths what is a
# group"), or a date filter before a date anywhere ("keynotes after: 2024-01-01"); elsewhere "path:"
# is a word of the question ("what is the critical path: the longest chain")
_LOOSE = re.compile(r"^\s*(tag|path):\s+(\"[^\"]*\"|\S+)", re.IGNORECASE)
_LOOSE_DATE = re.compile(r"(?<!\S)(after|before):\s+(\d{4}-\d{1,2}-\d{1,2})\b", re.IGNORECASE)
# a filter's name alone (trial s33: "tag:"), or tag:, after: or before: with nothing after it ending a question
# ("slugs tag:"; not path:, "what is a critical path:")
_BARE = re.compile(r"^\s*(tag|path|after|before):\s*$|(?<!\S)(tag|after|before):\s*$", re.IGNORECASE)
_EXAMPLE = {"tag": "tag:car", "path": "path:Garden/", "after": "after:2024-01-01", "before": "before:2024-12-31"}
# words in quotes (straight, curly as a Mac or phone types them, German or French) must be said in that
# order: "shuffle sharding"; a filter's quoted value (tag:"my tag") is taken before
# each with one group, what it holds
# (of at most QUOTE_MAX characters: an unclosed quote mark is not sought to the end from each of a long run of them,
# the fuzz's 10,000 “ having taken seconds)
QUOTE_MAX = 500
_QUOTE_FORMS = tuple(f.replace("*", "{0,%d}" % QUOTE_MAX) for f in (r'"([^"\n]*)"', r"“([^”\n]*)”", r"„([^“”\n]*)[“”]",
                                                                   r"«([^»\n]*)»"))
_QUOTED = re.compile("|".join(_QUOTE_FORMS))

TOP_LEVEL = "."  # as a path filter: the notes directly in the notes folder, not in a subfolder
TOP_LEVEL_NAME = "(top level)"  # that folder, as the chat and breadcrumbs name it


def folder_of(path: str, hierarchy: str = "") -> str:
    """Where a note is, as its app shows it: its folder, and in a Dendron vault its hierarchy too
    ("dev.airflow" of dev.airflow.gotchas.md); "" for a note at the top."""
    folder = posixpath.dirname(path)
    return f"{folder}/{hierarchy}" if folder and hierarchy else folder or hierarchy

YEAR = r"(?:1[89]|2[01])\d\d"  # what a year looks like (1800-2199), here and in conversation.py
# a year the question asks about, not one after "since"/"after"/"before"/... (a starting point)
_YEAR = re.compile(r"(?<![\d.])(?<!since )(?<!after )(?<!before )(?<!until )(?<!till )(?<!pre-)"
                   r"(?<!post-)(?<!\w-)" + YEAR + r"(?![\d.])", re.IGNORECASE)  # "Touché-2020" is a name


# a version: 0.10.2, v1.2.3 (three or more dotted parts, not part of a longer number or word)
_VERSION = re.compile(r"(?<![\w.])(v?)(\d+\.\d+(?:\.\d+)+)(?!\w|\.\d)")


# a code: pieces joined by "-" or "_", letters and digits among them ("vit-s-024", "INC-2291", "COVID-19"; not a date)
_CODE = re.compile(r"(?<![\w.-])(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_]+(?:[-_][^\W_]+)+(?![\w-])")


def codes(text: str) -> set[str]:
    """The codes text names, in lower case: a run's, a ticket's, a part's ID ("vit-s-024", "INC-2291")."""
    return {m.group(0).lower() for m in _CODE.finditer(text)} if "-" in text or "_" in text else set()


def versions(text: str) -> set[str]:
    """The versions text names ("0.10.2" in "what changed in 0.10.2?"; "3.5" is no version; 127.0.0.1
    is an address, v1.2.3.4 a version)."""
    return {number for v, number in _VERSION.findall(text) if v or not _address(number)}


def _address(number: str) -> bool:
    parts = number.split(".")
    return len(parts) == 4 and all(int(p) <= 255 for p in parts)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_NUMBER = r"([0-3]?\d)(?:st|nd|rd|th)?"
# a day: 2025-03-14 (2025_03_14, as Logseq names journals), 14 March (2025), March 14th(, 2025), and 22/03/2025,
# 22.03.2025 or 3/22/2025 when only one order makes a day (trial s39: a British vault's "what happened on 22/03/2025"
# had found 3 March; 03/04/2025 stays words: the 3rd of April or the 4th of March?)
# (22.03.2025 is day first, as Europe dots it; a month first only with slashes, as the US writes it: 1.22.2025 may be
# a version)
_OVER_12, _UP_TO_12 = r"(1[3-9]|2\d|3[01])", r"(0?[1-9]|1[0-2])"
_NUMBERED = r"(?<![\w./:-]){0}(?=/\d{{1,2}}/|\.\d{{1,2}}\.){2}{1}{2}({3})(?![\w/:-]|\.\d)"  # (one separator: not 22/03.2025)
_DAYS = re.compile(rf"(?<![\d_-])({YEAR})[-_]([01]\d)[-_]([0-3]\d)(?![\d_-])|(?<![\w.:/]){_DAY_NUMBER}(?:\s+of)?\s+{_MONTH}\b"
                   rf"(?:,?\s+({YEAR})\b)?|\b{_MONTH}\s+{_DAY_NUMBER}(?![\w.:/])(?:,?\s+({YEAR})\b)?|"
                   + _NUMBERED.format(_OVER_12, _UP_TO_12, "[/.]", YEAR) + "|" + _NUMBERED.format(_UP_TO_12, _OVER_12, "/", YEAR),
                   re.IGNORECASE)  # not the end of a time or a number: "10:30 March 3rd" is the 3rd


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CALENDAR_WORD = re.compile(_MONTH + "|(?:" + "|".join(_WEEKDAYS) + ")s?", re.IGNORECASE)


def is_calendar_word(word: str) -> bool:
    """Is word a month's or a weekday's name ("February", "Sept", "Tuesday")? Notes are dated by their file names
    and 2026-02-17 headings: that none says the name does not make a question about that time about something else."""
    return _CALENDAR_WORD.fullmatch(word) is not None
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_N = r"(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten)"
# a day named from today: today, (the day before) yesterday, (the day after) tomorrow, 3 days ago, in 3
# days, the last 5 days, last/this/next/past week, weekend or month, last/this/next/on Tuesday. Not "the
# last two days of the conference", nor a weekday alone or in a name ("Monday Night Live")
_RELATIVE = re.compile(
    r"\b(?:(today|tonight|this morning)|(the day before yesterday|yesterday|the day after tomorrow|tomorrow)"
    rf"|{_N} days? ago|in {_N} days|(last|this|past|previous|next|coming) (week|weekend|month)"
    rf"|(?:the )?(?:last|past) {_N} days(?! of)|(last|this|on|past|next|coming|for|by) (" + "|".join(_WEEKDAYS) + r")"
    # a weekday in a name ("Monday Night Live", "on Friday Harbor?": capitalised words after it, to the end or
    # two of them) is no day; "on Monday Priya said" is (s42's left-overs: the day had been lost); "I" is no name
    r"(?!\s+(?-i:[A-Z][a-z])\w*(?:\s+(?-i:[A-Z])|[?.!,;:]*\s*$)))\b", re.IGNORECASE)
# a question about what is to come: "on Friday" is the coming one ("what is due on Friday?")
_AHEAD = re.compile(r"\b(due|deadlines?|will|upcoming|coming|scheduled|planned|plans?|going to|have to|need to|should)\b",
                    re.IGNORECASE)


_PAST = re.compile(r"\b(was|were|did|had|happened|went|spent)\b", re.IGNORECASE)  # "what was due on Friday?" looks back
# a month: "in December", "during October 2025", "this March", "next May"; "may" and "march" only as names
# ("in May"). Not "for June" (a name), nor "since October" (a range from it, not the month).
# a day's number after a month's name: "for December 3" names a day, not the month (trial s37)
_DAY_AFTER = r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![\d:.])"
# ... and a month with its year, written without "in" ("what about May 2024?"), not a day's ("14 March 2024")
# a month's name as a question writes it: "may" and "march" are words too, so only "May", "March" (and "MAY")
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?-i:Mar(?:ch)?|May|MARCH|MAY))")
_IN_MONTH = re.compile(r"\b(?:(in|during|this|last|next|coming)\s+|(?<!\d )(?<!(?:st|nd|rd|th) )(?<!\d\. )"
                       r"(?<!\d of )(?<!(?:st|nd|rd|th) of )"  # "the 6th of February 2025" is a day (trial s42)
                       r"(?=" + _MONTH + r",?\s+" + YEAR + r"\b))"
                       r"(" + MONTH_NAME + r")\b(?!['’]|" + _DAY_AFTER + r")(?:,?\s+(" + YEAR + r"))?", re.IGNORECASE)


# ... after "for", in a question for what is due or scheduled (the same groups as _IN_MONTH's); not "March Madness"
_FOR_MONTH = re.compile(r"\b(for)\s+()(" + MONTH_NAME + r")\b(?!['’]|\s+(?-i:[A-Z])|" + _DAY_AFTER + r")"
                        r"(?:,?\s+(" + YEAR + r"))?", re.IGNORECASE)


def _looks_ahead(text: str) -> bool:
    """Does a question look ahead ("what is due on Friday?"), not back ("what was due on Friday?")?"""
    return _AHEAD.search(text) is not None and _PAST.search(text) is None


# a week by its number and year: "week 37 of 2024", "week 37, 2024", "2024-W37" (trial s36b: only the year had been
# read); not a week without its year ("week 3 of the course")
_WEEK_NUMBER = re.compile(r"\bweek\s+(\d{1,2}),?\s+(?:of\s+|in\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-W(\d\d)\b",
                          re.IGNORECASE)


# a week by its number alone: "in week 38", "week 38's review"; not one with its year ("week 38 of 2024",
# _WEEK_NUMBER's), of something ("week 3 of the course", "week 3 in CS 6200"), nor a span ("week 3-4")
_WEEK_ALONE = re.compile(r"\bweek\s+(\d{1,2})\b(?![.,]?\d|\s*[-–]\s*\d|,?\s+(?:of|in)\b|,?\s*(?:19|20)\d\d)",
                         re.IGNORECASE)


def _week_numbered(m: re.Match) -> list[date]:
    """The days of the ISO week m names."""
    week, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:  # "week 54"
        return []
    return [monday + timedelta(days=i) for i in range(7)]


def relative_days(text: str, today: date | None = None) -> set[str]:
    """The days text names from today, "YYYY-MM-DD" ("what did I do yesterday?", "last Tuesday",
    "last week": its Monday to Sunday); "on Tuesday" is the last one before today, or the coming one
    when the question looks ahead ("what is due on Tuesday?"). Not in quotes: '"Yesterday"' is words."""
    text = _quotes_blanked(text)
    today = today or date.today()
    ahead = _looks_ahead(text)
    out: set[date] = set()
    back = _PAST.search(text) is not None
    dated = _names_a_period(text)
    for m in _RELATIVE.finditer(text):
        if dated and m.group(6):
            continue  # "the plan for next week in my week 16 review": a heading's words, not the coming week (trial s42)
        out.update(_relative_span(m, today, ahead, back))
    for m in _WEEK_OF_DAY.finditer(text):
        named = _day_named(text, m.end())
        if named is not None:  # "the week of 2026-02-30" names no week
            monday = named[1] - timedelta(days=named[1].weekday())
            out.update(monday + timedelta(days=i) for i in range(7))
    for m in _WEEK_NUMBER.finditer(text):
        out.update(_week_numbered(m))
    for m in _IN_MONTH.finditer(text):
        if not (m.group(1) and not m.group(4) and _NAME_AFTER.match(text, m.end())):  # "in June Carter's class"
            out.update(_month_named(m, today, ahead))
    for m in _WEEKS_AWAY.finditer(text):  # "two weeks ago", "in 3 weeks": that week, Monday to Sunday
        if m[2] and not ahead:
            continue  # "how much weight did I lose in 3 weeks?": how long, not when (the second review)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_count(m[2]) if m[2] else -_count(m[1]))
        out.update(monday + timedelta(days=i) for i in range(7))
    if asks_due(text):  # "what is scheduled for January?" (trial F); not "a gift for June", a name
        for m in _FOR_MONTH.finditer(text):
            out.update(_month_named(m, today, ahead))
    for m in _HOLIDAY.finditer(text):
        if re.search(r"\bfor\s+$", text[:m.start()], re.IGNORECASE) and not (m.group(1) or m.group(3) or ahead
                                                                               or back or asks_due(text)):
            continue  # what it is for, not a day: "when does school break up for Christmas?" (trial s36b)
        out.add(_holiday(m, today, ahead))
    for m in _SEASON.finditer(text):
        out.update(_season(m, today, ahead))
    if _UPCOMING.search(text):  # "which deadlines are coming up?": the next two weeks
        out.update(today + timedelta(days=i) for i in range(UPCOMING_DAYS))
    return {d.isoformat() for d in out}


UPCOMING_DAYS = 14
_DUE_WORD = r"(?:deadlines?|due(?!\s+to\b)|tasks?|to-?dos?)"
_UPCOMING = re.compile(rf"\b(?:upcoming|coming up)\b(?=.*\b{_DUE_WORD}\b)|\b{_DUE_WORD}\b.*\b(?:upcoming|coming up)\b",
                       re.IGNORECASE)


def _names_a_period(text: str) -> bool:
    """Does text name a week or a month by its year ("week 16 of 2025", "2025-W16", "March 2025")? Then "next week"
    or "last month" beside it is a heading's words ("## Next week" of a weekly review), not counted from today; a
    day beside it is not ("what changed between 14 March 2025 and last week?", the review)."""
    return _WEEK_NUMBER.search(text) is not None or any(m.group(4) for m in _IN_MONTH.finditer(text))


def _day_named(text: str, at: int) -> tuple[re.Match, date] | None:
    """(its match, the day) of a day with its year text names at at ("2025-02-10", "10 February 2025", "February 10th,
    2025"), if any."""
    m = _DAYS.match(text, at)
    day = _dated(m) if m is not None else None
    return (m, day) if day is not None else None


def _dated(m: re.Match) -> date | None:
    """The day of a _DAYS match that says its year, if it is one of the calendar."""
    year, month, day = _day_of(m)
    return _iso(f"{year}-{int(month):02d}-{int(day):02d}") if year and 1 <= int(month) <= 12 else None


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _month_named(m: re.Match, today: date, ahead: bool) -> list[date]:
    """The days of an _IN_MONTH match: "next May" the coming one, "last May" the one before, "in May" either
    as the question looks ahead or back."""
    when = (m.group(1) or "in").lower()
    month = _MONTHS.index(m.group(3)[:3].lower()) + 1
    step = 1 if when in ("next", "coming") else -1 if when == "last" else 0 if when == "this" else None
    return _month(month, m.group(4), today, ahead, step)


def _holiday(m: re.Match, today: date, ahead: bool) -> date:
    """The day a _HOLIDAY match names: of its year; "last" the one before today, "next" the one after, "this"
    this year's; else the last one up to today, or the coming one when the question looks ahead."""
    month, day = _HOLIDAYS[re.sub(r"[^a-z ]", "", " ".join(m.group(2).lower().split()))]  # (as the keys write it)
    when = (m.group(1) or "").lower()
    if m.group(3) or when == "this":
        return date(int(m.group(3)) if m.group(3) else today.year, month, day)
    this_year = date(today.year, month, day)
    if when in ("next", "coming") or (not when and ahead):
        return this_year if this_year > today or (not when and this_year == today) else this_year.replace(
            year=today.year + 1)
    return this_year if this_year < today or (not when and this_year == today) else this_year.replace(
        year=today.year - 1)


def _season(m: re.Match, today: date, ahead: bool) -> list[date]:
    """The days of a _SEASON match: of its year (winter 2023: December 2023 to February 2024); "last" the last
    one over before today, "this" this year's, "next" the next to begin; else the last one begun, or the
    coming one when the question looks ahead."""
    when = (m.group(1) or "").lower()
    name = (m.group(2) or m.group(4) or m.group(6)).lower()
    year = m.group(3) or m.group(5) or m.group(7)
    start_month = _SEASON_START[name]

    def start(y: int) -> date:
        return date(y, start_month, 1)

    def end(y: int) -> date:  # the day after it ends
        return date(y + 1, 3, 1) if start_month == 12 else date(y, start_month + 3, 1)

    if year:
        y = int(year)
    elif when == "this":
        y = today.year if start_month != 12 or today.month == 12 else today.year - 1
    elif when in ("next", "coming") or (when != "last" and ahead):
        y = today.year if start(today.year) > today else today.year + 1
    elif when == "last":
        y = today.year if end(today.year) <= today else today.year - 1
    else:
        y = today.year if start(today.year) <= today else today.year - 1
    first = start(y)
    return [first + timedelta(days=i) for i in range((end(y) - first).days)]


_WEEKS_AWAY = re.compile(rf"\b(?:{_N} weeks? ago|in {_N} weeks?)\b", re.IGNORECASE)
_WEEK_OF = re.compile(r"\bthe week of (\d{4}-\d\d-\d\d)\b", re.IGNORECASE)  # what shift_period writes
_WEEK_OF_DAY = re.compile(r"\bthe week of\s+", re.IGNORECASE)  # ... and as people say it: "the week of 10 February 2025"
# a holiday of a fixed day: "on New Year's Eve 2023", "last Christmas", "Christmas Eve" (trial D's diarist)
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
             "new years eve": (12, 31), "new years day": (1, 1), "valentines day": (2, 14), "halloween": (10, 31)}
_HOLIDAY = re.compile(r"\b(?:(last|this|next|coming)\s+)?(christmas\s+eve|christmas(?:\s+day)?|boxing\s+day|"
                      r"new\s+year['’]?s\s+(?:eve|day)|valentine['’]?s\s+day|hallowe['’]?en)(?:,?\s+(" + YEAR + r"))?\b"
                      # (not a thing of it: "the Christmas card list", "Christmas tree lights")
                      r"(?!\s+(?:cards?|trees?|lights|lists?|movies?|films?|songs?|music|decorations|jumpers?|"
                      r"sweaters?|markets?|specials?|costumes?|candy|pumpkins?|presents?|gifts?|shopping|"
                      r"parties|party|cake|pudding)\b)", re.IGNORECASE)
# a season: "last summer", "this winter", "summer 2024", "in the autumn of 2023"; after "in", "during" or "over"
# only where the season ends the phrase ("in the fall?", "in summer when ..."), not where it names something
# ("in Spring Boot", "in the fall of Rome", "in the summer release", "in the summer of 69")
_SEASON_ENDS = (r"(?=\s*(?:[?.!,;:)]|$)|\s+(?:and|or|when|while|before|after|because|i|we|you|he|she|they|it|my|our|"
                r"months?|holidays?|break|vacation|semester|term|quarter|season|time)\b)")
_SEASONS = r"(spring|summer|autumn|fall|winter)"
_SEASON = re.compile(r"\b(?:(this|last|next|coming)\s+" + _SEASONS + r"(?:\s+(?:of\s+)?(" + YEAR + r"))?"
                     r"|(?:in|during|over)\s+(?:the\s+)?" + _SEASONS +
                     r"(?:\s+(?:of\s+)?(" + YEAR + r")\b|" + _SEASON_ENDS + r")"
                     r"|" + _SEASONS + r"\s+(?:of\s+)?(" + YEAR + r"))\b", re.IGNORECASE)
# the months a season begins in (the northern hemisphere's, as meteorologists count them), and how many it has
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# the phrases that name days from today, or a week or a month: "on Tuesday", "in October", "the week of 2026-11-16"
_FROM_TODAY = (_RELATIVE, _IN_MONTH, _WEEK_OF, _WEEKS_AWAY, _HOLIDAY, _SEASON)
_DAY_PHRASES = (*_FROM_TODAY, _WEEK_NUMBER, _DAYS)  # ... and a week by its number, a day of the calendar
_WEEK = re.compile(r"\b(?:(last|this|past|previous|next|coming) week|the week of (\d{4}-\d\d-\d\d))\b", re.IGNORECASE)
_MONTH_REL = re.compile(r"\b(last|this|previous|next|coming) month\b", re.IGNORECASE)
_OWNED = re.compile(r"['’]s\s+([^?.!,;]+?)(?=\s*(?:[?.!,;]|$))")  # "last week's pricing council": what the week has


def shift_period(text: str, unit: str, by: int, today: date | None = None) -> str | None:
    """text with the one week, month or year it names moved by `by` of them ("what did we decide last week?",
    -1 -> "... the week of 2026-11-16?"; "in October" -> "in September 2026"; a year: "in October" -> "in
    October 2025", "in 2024" -> "in 2023"), or None if it names none."""
    today = today or date.today()
    if unit == "year":  # "in October" a year before, or the year itself ("in 2024" -> "in 2023")
        moved = shift_period(text, "month", 12 * by, today)
        found = list(_YEAR.finditer(text))
        if moved is not None or len(found) != 1:
            return moved
        return f"{text[:found[0].start()]}{int(found[0].group(0)) + by}{text[found[0].end():]}"
    if unit == "week":
        found = list(_WEEK.finditer(text))
        if len(found) != 1:
            return _week_number_moved(text, by)
        m = found[0]
        if m.group(2):
            start = _iso(m.group(2))
            if start is None:
                return None
        else:
            step = {"this": 0, "next": 7, "coming": 7}.get(m.group(1).lower(), -7)
            start = today - timedelta(days=6) if m.group(1).lower() == "past" else today + timedelta(days=step)
        week = _week_of(start, by)
        before = re.sub(r"\bthe\s*$", "", text[:m.start()])  # "the past week": not "the the week of"
        owned = _OWNED.match(text, m.end())
        if owned:  # "at last week's pricing council" -> "at the pricing council in the week of ..." (trial B)
            what = "" if re.search(r"\b(?:the|my|our|a|an|his|her|their)\s*$", before) else "the "
            return f"{before}{what}{owned.group(1)} in {week}{text[owned.end():]}"
        return f"{before}{week}{text[m.end():]}"
    found = list(_IN_MONTH.finditer(text)) + list(_MONTH_REL.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    # the month as the whole question reads it ("what is due in October?" looks ahead)
    first = min(_month_named(m, today, _looks_ahead(text)) if m.re is _IN_MONTH
                else _period(m.group(1).lower(), "month", today))
    month, year = first.month - 1 + by, first.year
    year, month = year + month // 12, month % 12 + 1
    return f"{text[:m.start()]}in {date(year, month, 1).strftime('%B')} {year}{text[m.end():]}"


# a week by its number, whatever of ("week 38", a course's "week 3 of CS 6200"): what "the week after" moves, and
# what a follow-up's "and week 4?" takes the place of (conversation.py)
WEEK_BY_NUMBER = re.compile(r"\bweek\s+(\d{1,2})\b(?![.,]?\d)", re.IGNORECASE)


def _week_of(day: date, by: int) -> str:
    """"the week of" the Monday `by` weeks from day's week, as shift_period writes a week."""
    return f"the week of {(day - timedelta(days=day.weekday()) + timedelta(weeks=by)).isoformat()}"


def _week_number_moved(text: str, by: int) -> str | None:
    """text with the one week it names by its number or a day of it moved by `by` weeks ("what went well in week
    38?", 1 -> "... in week 39?"; "week 52 of 2024" -> "week 1 of 2025"; "the week of 10 February 2025" -> "the week
    of 2025-02-17"), or None if it names none."""
    said = [(m, named) for m in _WEEK_OF_DAY.finditer(text) if (named := _day_named(text, m.end())) is not None]
    if len(said) == 1:  # "the week of 10 February 2025": the week of its Monday moved, as shift_period writes it
        m, (written, day) = said[0]
        return f"{text[:m.start()]}{_week_of(day, by)}{text[written.end():]}"
    found = list(_WEEK_NUMBER.finditer(text)) or list(WEEK_BY_NUMBER.finditer(text))
    if not found:  # a day ("what did I do on 12 March 2025?"): the week before or after its week (the smoke test)
        dated = [(m, day) for m in _DAYS.finditer(text) if (day := _dated(m)) is not None]
        if len(dated) != 1:
            return None
        m, day = dated[0]
        start = re.search(r"\b(?:on|for)\s+(?:the\s+)?$", text[:m.start()], re.IGNORECASE)
        return f"{text[:start.start() if start else m.start()]}{_week_of(day, by)}{text[m.end():]}"
    if len(found) != 1:
        return None
    m = found[0]
    if m.re is WEEK_BY_NUMBER:  # "week 38", a course's "week 3 of CS 6200"
        week = int(m[1]) + by
        return f"{text[:m.start()]}week {week}{text[m.end():]}" if 1 <= week <= 53 else None
    days = _week_numbered(m)
    if not days:
        return None
    year, week, _ = (days[0] + timedelta(weeks=by)).isocalendar()
    return f"{text[:m.start()]}week {week} of {year}{text[m.end():]}"


def _month(month: int, year: str | None, today: date, ahead: bool, step: int | None = None) -> list[date]:
    """The days of a month the question names: of its year, or without one the last such month up to this
    one (this month's too), or the coming one when the question looks ahead; step 1, -1 or 0 ("next",
    "last", "this"): the next one after this month, the last one before it, this year's."""
    if year:
        y = int(year)
    elif step == 0:
        y = today.year
    elif step == 1:
        y = today.year if month > today.month else today.year + 1
    elif step == -1:
        y = today.year if month < today.month else today.year - 1
    elif ahead:
        y = today.year if month >= today.month else today.year + 1
    else:
        y = today.year if month <= today.month else today.year - 1
    first = date(y, month, 1)
    return [first + timedelta(days=i) for i in range(((first + timedelta(days=32)).replace(day=1) - first).days)]


_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")  # "June Carter": the month is a name's first word ("I" is none)


def with_noted_year(text: str, noted: Callable[[], frozenset[str]], today: date | None = None,
                    weeks: Callable[[], frozenset[str]] | None = None) -> str:
    """text with a month it names without a year ("what happened with my knee in June?") given the year of the
    last such month the notes have passages of, when the one up to today has none (trial s37: a journal
    of 2024 was asked of June 2026, and said to have nothing). noted(): the months ("YYYY-MM") passages
    are of, asked only for such a month. "next June", "last June" and a question looking ahead stay. A week
    named by its number alone ("what went well in week 38?") is the last such week the notes have a weekly
    note of (weeks(): "YYYY-Www"), if any: "week 38 of 2024" (_with_week_year)."""
    text = _with_week_year(text, weeks, today) if weeks is not None else text
    today = today or date.today()
    ahead = _looks_ahead(text)
    out, at, months, spans = [], 0, None, None
    for m in _IN_MONTH.finditer(text):
        if m.group(4) or (m.group(1) or "in").lower() not in ("in", "during") or ahead \
                or _NAME_AFTER.match(text, m.end()):
            continue  # a year, a step, looking ahead; "in June Carter's class", a name (the review)
        spans = _quoted_spans(text) if spans is None else spans
        if _inside(spans, m.start()):
            continue  # inside a quoted phrase, a filter's words
        first = _month_named(m, today, ahead)[0]
        months = noted() if months is None else months
        if f"{first:%Y-%m}" in months:
            continue
        year = max((int(y[:4]) for y in months if y[5:] == f"{first:%m}" and int(y[:4]) < first.year), default=None)
        if year is not None:
            out += [text[at:m.end()], f" {year}"]
            at = m.end()
    return "".join(out) + text[at:]


def _with_week_year(text: str, weeks: Callable[[], frozenset[str]], today: date | None) -> str:
    """text with a week it names by its number alone given the year of the last weekly note of that number
    (one begun by today, if any is): trial s41's weekly reviews, "2024-W38.md", asked "what went well in week
    38?", had been matched by the words "week 38" only. A vault with no weekly notes reads no week in it
    (a course's "week 3")."""
    today = today or date.today()
    spans = _quoted_spans(text)
    found = [m for m in _WEEK_ALONE.finditer(text) if not _inside(spans, m.start())]
    named = weeks() if found else frozenset()
    asked = asked_years(text, today)  # "what went well in 2024 week 38?": that year's, if the notes have it (the review)
    out, at = [], 0
    for m in found:
        years = [int(w[:4]) for w in named if int(w[6:]) == int(m[1]) and (not asked or w[:4] in asked)]
        begun = [y for y in years if date.fromisocalendar(y, int(m[1]), 1) <= today]
        if years:
            out += [text[at:m.end()], f" of {max(begun or years)}"]
            at = m.end()
    return "".join(out) + text[at:]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of text's quoted phrases (straight or curly quotes) and filters' values ('tag:"week 38"'), read once
    a text (the second review: read again for each week or month it names, a long question took a minute)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(m.span() for rx in (_QUOTED, _ANY_NAMED) for m in rx.finditer(text)):
        if merged and start < merged[-1][1]:  # (a filter's quoted value is a quoted phrase too: one span)
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Is at inside one of spans (_quoted_spans: apart, in order)?"""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _without(text: str, phrases) -> str:
    """text without what phrases match, but in quotes (words to find as written: '"last week"')."""
    for rx in phrases:
        spans = [m.span() for m in _QUOTED.finditer(text)]
        text = rx.sub(lambda m: m.group(0) if _inside(spans, m.start()) else " ", text)
    return text


def _quotes_blanked(text: str) -> str:
    """text with its quoted phrases blanked (as many spaces): what it says besides the words to find as written
    ('the song "Yesterday"' names no day: s42's left-overs)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


# what a question for a day's record says besides the day: "what did I do on 2024-03-06?", "what happened
# yesterday?", "my journal for March 3rd"
_ONLY_THE_DAY = frozenset("what did do does doing done happen happened happening write wrote written work worked "
                          "on in at for my the a of i we day journal log diary entry entries notes note say said "
                          "get got up to was were is are".split())


def asks_only_the_day(text: str) -> bool:
    """Does the question ask for what a day holds and nothing else ("what did I do on 2024-03-06?")? Its
    passages then read best in the order they were written."""
    if not days(text):
        return False
    rest = _without(text, _DAY_PHRASES)
    return all(w in _ONLY_THE_DAY for w in re.findall(r"[a-z']+", rest.lower()))


def without_relative_days(text: str) -> str:
    """text without the days it names from today ("what happened on Tuesday?" -> "what happened ?", "in
    October", "the week of 2026-11-16"), or text itself when that would leave no words."""
    rest = _without(_steps_as_words(text), tuple(rx for rx in _FROM_TODAY if rx is not _RELATIVE))
    return rest if rest != text and re.search(r"\w", rest) else text


def _steps_as_words(text: str) -> str:
    """text without the days it names from today by _RELATIVE, but "next week" or "last month" beside a period
    named by its year: the words of a heading ("## Next week" of the 2025-W16 review), not a day (relative_days)."""
    dated = _names_a_period(text)
    return _RELATIVE.sub(lambda m: m.group(0) if dated and m.group(6) else " ", text)


def without_days(text: str) -> str:
    """text without any day, week or month it names ("what is due this week?" -> "what is due ?"): for a
    follow-up that names its own ("and next week?")."""
    return " ".join(_without(text, _DAY_PHRASES).split())


def on_the_calendar(phrase: str) -> bool:
    """Does a day phrase name a month or a date ("in March", "15 March"), not a day from today ("next week")?"""
    return _IN_MONTH.search(phrase) is not None or _DAYS.search(phrase) is not None


def day_phrases(text: str) -> list[str]:
    """The day, week and month phrases text says ("in April", "on 15 March", "next week"), in order; not in quotes."""
    found = [(m.start(), m.group(0)) for rx in _DAY_PHRASES for m in rx.finditer(_quotes_blanked(text))]
    return [phrase for _, phrase in sorted(found)]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


def _relative_span(m: re.Match, today: date, ahead: bool, back: bool = False) -> list[date]:
    now, near, ago, within, which, unit, last_n, when, weekday = (g.lower() if g else None for g in m.groups())
    if now:
        return [today]
    if near:
        step = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1, "the day after tomorrow": 2}[near]
        return [today + timedelta(days=step)]
    if ago or within:
        return [today + timedelta(days=-_count(ago) if ago else _count(within))]
    if last_n:
        return [today - timedelta(days=i) for i in range(_count(last_n))]
    if weekday:
        return [_weekday(today, _WEEKDAYS.index(weekday), when, ahead)]
    if which == "this" and unit == "weekend" and back and today.weekday() < 5:
        which = "last"  # "what did I do this weekend?" on a Monday: the one just gone
    return _period(which, unit, today)


def _weekday(today: date, wanted: int, when: str, ahead: bool) -> date:
    """last/past Tuesday: the last one before today; next/coming Tuesday: the next one after it; this
    Tuesday: this week's; on Tuesday: the last one, or the next one for a question that looks ahead; for or
    by Tuesday ("scheduled for Wednesday", "due by Friday"): the next one, today's if it is that day."""
    if when == "this":
        return today + timedelta(days=wanted - today.weekday())
    if when in ("for", "by"):
        return today + timedelta(days=(wanted - today.weekday()) % 7)
    if when in ("next", "coming") or when == "on" and ahead:
        return today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)
    return today - timedelta(days=(today.weekday() - wanted - 1) % 7 + 1)


def _period(which: str, unit: str, today: date) -> list[date]:
    """The days of last/this/next/past week, weekend or month (this one: all of it, the days to come too)."""
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    if which == "past" and unit != "weekend":  # the past week, the past month: the days up to today
        start, end = today - timedelta(days=6 if unit == "week" else 29), today
    elif unit == "month":
        first = today.replace(day=1)
        for _ in range(abs(step)):
            first = (first - timedelta(days=1)).replace(day=1) if step < 0 else (first + timedelta(days=32)).replace(day=1)
        start, end = first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    else:
        start = today - timedelta(days=today.weekday()) + timedelta(days=7 * step)
        end = start + timedelta(days=6)
        if unit == "weekend":
            start = start + timedelta(days=5)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _day_of(m: re.Match) -> tuple[str | None, int | str, str]:
    """(year or None, month, day) of a _DAYS match: 2025-03-14, 14 March (2025), March 14th(, 2025), 22/03/2025,
    3/22/2025."""
    g = m.groups()
    if g[0]:
        return g[0], g[1], g[2]
    if g[3]:
        return g[5], _MONTHS.index(g[4][:3].lower()) + 1, g[3]
    if g[6]:
        return g[8], _MONTHS.index(g[6][:3].lower()) + 1, g[7]
    if g[9]:
        return g[11], int(g[10]), g[9]  # day first
    return g[14], int(g[12]), g[13]  # month first


def shift_day(text: str, by: int, today: date | None = None) -> str | None:
    """text with the one day it names moved by `by` days ("what did I do on 14 November?", -1 -> "... on
    13 November?"; "yesterday" -> the day before's date), or None if it names no single day."""
    today = today or date.today()
    plain = FILTER.sub(lambda f: " " * len(f.group(0)), text)  # a filter's date is not the question's day
    named = list(_DAYS.finditer(plain))
    if len(named) > 1 or named and _RELATIVE.search(plain):
        return None
    m = named[0] if named else None
    if m is not None:
        year, month, day = _day_of(m)
        try:
            moved = date(int(year or today.year), int(month), int(day)) + timedelta(days=by)
        except ValueError:
            return None
        said = moved.isoformat() if m.group(1) else f"{moved.day} {moved.strftime('%B')}" + (
            f" {moved.year}" if year else "")
        return text[:m.start()] + said + text[m.end():]
    found = relative_days(plain, today)
    m = _RELATIVE.search(plain)
    if len(found) != 1 or m is None:
        return None
    moved = date.fromisoformat(next(iter(found))) + timedelta(days=by)
    return text[:m.start()] + f"on {moved.isoformat()}" + text[m.end():]


def days(text: str, today: date | None = None) -> set[str]:
    """The days text names, "YYYY-MM-DD", or "MM-DD" without a year ("what did I do on 12 March?"), and
    those it names from today ("yesterday", relative_days)."""
    out: set[str] = relative_days(text, today)
    for m in _DAYS.finditer(_quotes_blanked(text)):
        year, month, day = _day_of(m)
        # a day that can be (29 February without a year may be a leap year's)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and _iso(f"{year or 2024}-{int(month):02d}-{int(day):02d}"):
            out.add(f"{year}-{int(month):02d}-{int(day):02d}" if year else f"{int(month):02d}-{int(day):02d}")
    return out


# open tasks past their day: "what's overdue?", "which tasks are past due?", "what deadlines did I miss?"
_OVERDUE = re.compile(r"\b(overdue|past[- ]due|past (?:its|their|the) (?:deadlines?|due dates?)|late tasks?|"
                      r"missed (?:the |my |a )?deadlines?|deadlines? (?:I|we) (?:missed|have missed)|"
                      r"deadlines? did (?:I|we) miss|(?:am I|are we) (?:late|behind) (?:on|with))\b", re.IGNORECASE)


def asks_due(text: str) -> bool:
    """Does the question ask what is due or scheduled ("what's due this week?", "deadlines on Friday")?"""
    return bool(_DUE.search(text) or _DEADLINE.search(text) or _SCHEDULED.search(text))


# the words of a question for tasks of a time or state that say how it asks, not what about
_TASK_LIST_WORDS = frozenset("""what whats s is are was were which do does did i we my our me have has got there any
    all show list tell give the a an and for on in by at of from to between this that these next coming upcoming up
    until before today tomorrow week month due overdue past deadline deadlines miss task tasks todo todos to-do to-dos item items
    action open still left pending outstanding remaining scheduled late missed behind need needs to anything else
    soon""".split())


def lists_only_tasks(text: str) -> bool:
    """Does a question for what is due or overdue say nothing else ("what's due this week?", "what's
    overdue?"), as against "what's due this week for the SSO project?"?"""
    words = re.findall(r"[\w'’-]+", without_days(text).lower().replace("’", "'"))
    return all(w in _TASK_LIST_WORDS or w.split("'")[0] in _TASK_LIST_WORDS for w in words)


def asks_overdue(text: str) -> bool:
    """Does the question ask for open tasks past the day they were set for ("what's overdue?")? Not when
    it is about something else that is overdue ("how do we handle overdue invoices?", "which invoices are
    overdue after day 14?": trial F's billing team)."""
    m = _OVERDUE.search(text)
    if m is None:
        return False
    if _TASK_WORD.search(text):  # "overdue high priority tasks", "which bills are overdue tasks"
        return True
    after = _NEXT_WORD.match(text, m.end())
    before = _OVERDUE_SUBJECT.search(text[:m.start()])
    return not (after and after.group(1).lower() not in _NOT_A_THING) and \
        not (before and before.group(1).lower() not in _NOT_A_THING)


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)", re.IGNORECASE)  # the word right after "overdue": "invoices"
_OVERDUE_SUBJECT = re.compile(r"\b([a-z][\w-]*)\s+(?:are|is|were|was|get|gets|got|go|goes|went|become|became)\s+$",
                              re.IGNORECASE)  # "invoices are overdue"
# ... what may stand there when the question asks for overdue tasks: "overdue tasks", "what's overdue this week",
# "which tasks are overdue", "anything overdue?"
_NOT_A_THING = frozenset("task tasks todo todos to-do to-dos item items action chores chore thing things work stuff "
                         "deadline deadlines what which anything something everything nothing this today now "
                         "for in on at since from by and or right yet still already here there me i we".split())


# tasks asked for by state: "which tasks are still open?", "my todos", "what did I finish last week?",
# "my high priority tasks"
_TASK = r"(?:tasks?|to-?dos?|action items?|chores?)"  # not "to do": "what do I need to do to open ..."
_TASK_WORD = re.compile(rf"\b{_TASK}\b", re.IGNORECASE)  # "overdue billing tasks" asks for tasks (asks_overdue)
_STATE_GAP = r"\b.{0,25}?\b"  # "tasks are still open", "which tasks did I finish"; not across a sentence
_LATER_TASKS = re.compile(rf"\blater\s+{_TASK}\b", re.IGNORECASE)  # Logseq's LATER: "show my LATER tasks"
# "which things to buy are still unchecked?": a checkbox's state, whatever the list is of (not "unchecked
# exceptions")
_UNTICKED = (r"(?:are|is) (?:still |yet )?(?:unchecked|unticked|not (?:yet )?(?:checked|ticked)(?: off)?)"
             r"(?= *(?:[?.!,;]|$| (?:yet|in|on|from|of|at)\b))|"
             r"(?:unchecked|unticked) (?:items?|boxes|checkboxes|things|ones)")
_OPEN_TASKS = re.compile(rf"\b(?:(?:open|pending|outstanding|unfinished|incomplete|remaining|undone|todo|waiting)"
                         rf"\s+{_TASK}|"
                         rf"{_TASK}{_STATE_GAP}(?:open|pending|outstanding|unfinished|incomplete|remaining|left|"
                         rf"not (?:yet )?done)|to-?dos|(?:my|the) to-?do list|left to do|still (?:have|need) to do|"
                         rf"(?:what|which) {_TASK} (?:do I have|have I got|are there)|on my plate|"
                         rf"(?:upcoming|coming) (?:deadlines?|{_TASK})|(?:deadlines?|{_TASK}) (?:are |is )?coming up|"
                         rf"{_UNTICKED})\b", re.IGNORECASE)
_DONE_TASKS = re.compile(rf"\b(?:(?:done|finished|completed|closed)\s+{_TASK}|{_TASK}{_STATE_GAP}(?:done|finished|"
                         rf"completed|closed|ticked off|checked off)|(?:are|is|have been) (?:already )?(?:ticked|checked) off|"
                         rf"(?:what (?:{_TASK} )?|which {_TASK} )(?:did|have) I (?:finish|complete|"
                         r"close|get done|got done|tick off|check off)\w*)\b", re.IGNORECASE)
# "which tasks did I cancel?", "my cancelled todos", "tasks I dropped" (trial s36: a day's TODO came first); with
# the word for tasks only ("what did I drop off at the dry cleaner?" asks no such thing: the review)
_CANCELLED_TASKS = re.compile(rf"\b(?:(?:cancell?ed|dropped|abandoned)\s+{_TASK}|{_TASK}{_STATE_GAP}(?:cancell?ed|"
                              rf"dropped|abandoned)|{_TASK}{_STATE_GAP}(?:did|have) I (?:cancel|drop|abandon)\w*)\b",
                              re.IGNORECASE)
# "what's done?", "and what's still open?" as whole questions (not "what is done by the garbage collector?")
_STATE_ALONE = re.compile(r"^\s*(?:and\s+)?what(?:'s|’s| is) (?:already |still )?(done|open)\W*$", re.IGNORECASE)
_DOING_TASKS = re.compile(rf"\b(?:(?:am I|are we|I'm|we're|I am|we are) (?:currently |now )?working on|"
                          rf"(?:what(?:'s|’s| is| are)|which {_TASK} (?:is|are)) (?:currently |now )?(?:in progress|"
                          rf"under ?way)|{_TASK} (?:in progress|under ?way)|doing (?:right )?now|"
                          rf"(?:now|doing) {_TASK})\b",
                          re.IGNORECASE)
# "what is due?", "due on Friday"; not "due to", "due diligence"; a deadline with a day ("deadlines in
# December"), not "deadlines in distributed systems"
# (not "overdue", which asks_overdue reads: "overdue invoices" are no tasks)
_DUE = re.compile(r"(?<![\w-])due\b(?!\s+(?:to|diligence|process|care|course|respect|regard)\b)", re.IGNORECASE)
_DEADLINE = re.compile(r"\bdeadlines?\b", re.IGNORECASE)
_SCHEDULED = re.compile(r"\bscheduled\b", re.IGNORECASE)
_HIGH_TASKS = re.compile(rf"\b(?:high[- ]priority|urgent|important|top[- ]priority)\s+(?:open\s+)?{_TASK}\b|"
                         rf"\b{_TASK}\s+(?:with|of|at|marked)\s+(?:high|top)\s+priority\b|"
                         rf"\b{_TASK}\s+(?:that\s+)?(?:are|is)\s+(?:urgent|high[- ]priority|important)\b|"
                         rf"^\s*(?:and\s+)?what(?:'s|’s| is) urgent\W*$|(?-i:\bpriority A\b)", re.IGNORECASE)


_HOW_OR_WHY = re.compile(r"\s*(how|why)\b", re.IGNORECASE)
# "when is the promo packet due?": the day of one thing, found by its words; not the open tasks
_WHEN_OF_A_THING = re.compile(rf"\s*(?:and\s+)?when(?:'s|’s)?\b(?!.*\b{_TASK}\b)", re.IGNORECASE)


def task_state_words(text: str) -> set[str]:
    """The words (lower case) with which a question that asks for tasks says which ("still unchecked",
    "overdue", "ticked off"): how it asks, not what about; none if it asks for no tasks."""
    if asks_for_tasks(text) is None:
        return set()
    rules = (_OPEN_TASKS, _DONE_TASKS, _DOING_TASKS, _HIGH_TASKS, _LATER_TASKS, _CANCELLED_TASKS, _OVERDUE)
    return {w.lower() for rule in rules for m in rule.finditer(text) for w in re.findall(r"\w+", m.group(0))}


def asks_for_tasks(text: str) -> str | None:
    """The tasks a question asks for: "high" (open and high priority), "doing" (under way), "later" (Logseq's
    LATER), "open", "done", "cancelled", or None (also for "how do I mark a task as done?" and "how does the scheduler
    stop a high priority task ...": they ask how or why, not for tasks; and for "when is the promo packet
    due?", which asks the day of one thing, not what is due)."""
    if asks_how(text) or _HOW_OR_WHY.match(text) or _WHEN_OF_A_THING.match(text):
        return None
    if _HIGH_TASKS.search(text) and not _DONE_TASKS.search(text):
        return "high"
    if _DOING_TASKS.search(text):
        return "doing"
    if _LATER_TASKS.search(text):
        return "later"
    if _DUE.search(text) or asks_overdue(text) or _DEADLINE.search(text) and days(text):  # "what is due this week?": open tasks
        return "open"  # first, those set for that week most
    if _CANCELLED_TASKS.search(text):
        return "cancelled"
    alone = _STATE_ALONE.match(text)
    if _DONE_TASKS.search(text) or alone and alone.group(1).lower() == "done":
        return "done"
    return "open" if _OPEN_TASKS.search(text) or alone else None


# the latest of something dated: "our last 1:1", "the most recent standup", "my latest review"
_MEETING = (r"\b(?:(?:my|our|the)\s+)?(?:last|latest|most recent|newest)\s+(?:1:1|one-on-one|meeting|call|sync|standup|"
            r"check-in|session|review|retro|visit|appointment|catch-up|conversation|chat|talk|interview|demo)s?\b")
_LAST_MEETING = re.compile(_MEETING, re.IGNORECASE)  # "our last 1:1": of the person the question names, if any
_LATEST = re.compile(_MEETING + r"|\b(?:(?:my|our|the)\s+)?(?:last|latest|most recent|newest)\s+(?:entry|journal|note|"
                     r"update|trip|post)s?\b|\b(?:last|latest|most recent|newest)\s+"
                     r"entries\b"
                     # "when did I last do a parkrun?", "the last time I saw the dentist" (trial s37)
                     r"|\bwhen\s+(?:did|was|were|have|had)\s+(?:I|we)\s+last\b|\b(?:the\s+)?last\s+time\s+(?:I|we)\b"
                     r"|\bwhen\s+(?:did|was|have)\s+(?:I|we)\s+(?:\w+\s+)?most\s+recently\b", re.IGNORECASE)


def asks_last_meeting(text: str) -> bool:
    """Does the question ask for the latest meeting ("what did Grace say in our last 1:1?"): of the person it names?"""
    return _LAST_MEETING.search(text) is not None


def asks_latest(text: str) -> bool:
    """Does the question ask for the latest of something dated ("what did we say in our last 1:1?")?"""
    return _LATEST.search(text) is not None


# (not "since last year", "over the last year": a span to today; the second review)
YEAR_FROM_TODAY = re.compile(r"\b(?<!since )(?<!the )(last|this|previous|next) year\b", re.IGNORECASE)


def years(text: str) -> set[str]:
    """The years text names ("2023" in "Werner's 2023 keynote"; not in "since 2023" or "v2.2019")."""
    return set(_YEAR.findall(text))


def asked_years(text: str, today: date | None = None) -> set[str]:
    """The years a question asks about: those it names (years), and "last year", "this year" from today's (the
    question fuzz: read as no year). Not for a note's text, whose "last year" is of its own day."""
    found = years(text)
    for m in YEAR_FROM_TODAY.finditer(text):
        step = {"last": -1, "previous": -1, "next": 1}.get(m.group(1).lower(), 0)
        found.add(str((today or date.today()).year + step))
    return found


# "notes created in 2023", "what did I add last November?", "which pages did I write in March?": a question
# for the notes of a time, with no other words; it lists them (as filters alone do)
_LISTING_WORDS = frozenset("""what which show list all any my the of from in during on did do i me were was is are
have has had and notes note pages page entries entry created create written write wrote added add made make new""".split())
_LISTING_VERB = re.compile(r"\b(?:notes?|pages?|entries|entry|created|written|wrote|write|added|add|made)\b",
                           re.IGNORECASE)


def listing_period(text: str, today: date | None = None) -> tuple[str, str] | None:
    """(first day, last day) of the time a question asks for the notes of ("notes created in 2023":
    2023-01-01, 2023-12-31; "what did I add last November?"), or None when it asks for something in them
    too, or for one day (a day's question finds that day's passages: ranking's day evidence)."""
    rest = _YEAR.sub(" ", YEAR_FROM_TODAY.sub(" ", without_days(text)))
    words = re.findall(r"[a-z]+", rest.lower())
    if not _LISTING_VERB.search(rest) or any(w not in _LISTING_WORDS for w in words) or re.search(r"\d", rest):
        return None
    named = sorted(d for d in days(text, today) if len(d) == 10)  # "12 March" without a year is no span
    asked = asked_years(text, today)
    span = (named[0], named[-1]) if named else (f"{min(asked)}-01-01", f"{max(asked)}-12-31") if asked else None
    return span if span and span[0] != span[1] else None


@dataclass(frozen=True)
class Filters:
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    after: str | None = None
    before: str | None = None
    phrases: tuple[str, ...] = ()  # words a hit must say in this order (phrases.py), as quoted in the question
    excluded: tuple[str, ...] = ()  # words a hit must not say: "-antibiotics" in the question
    # tag: filters of the question searched as its words, as written ("tag:latest" of a docker image: a tag no
    # note has, NotesIndex.parsed); no filter
    as_words: tuple[str, ...] = ()
    # notes left out: -tag:aws, -path:Archive (as Obsidian's search writes it)
    not_tags: tuple[str, ...] = ()
    not_paths: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.of_notes or self.phrases or self.excluded)

    @property
    def of_notes(self) -> bool:
        """Does it filter by what the notes are (tags, folders, dates), not by what a passage says?"""
        return bool(self.tags or self.paths or self.after or self.before or self.not_tags or self.not_paths)


def parse_date(value, name: str) -> str | None:
    """value (YYYY-MM-DD text, a date or None) as an ISO date; a QueryError naming name if it is not one."""
    if value is None or value == "":
        return None
    iso = as_date(value) if not isinstance(value, str) or _DAY.fullmatch(value) else _written_day(value)
    if iso is None:
        if isinstance(value, str) and _AMBIGUOUS.fullmatch(value.strip()):
            raise QueryError(f"{name}: {value.strip()} may be either order of day and month; give it as YYYY-MM-DD.")
        if isinstance(value, str) and _DAY.fullmatch(value):  # "2026-11-31": the right shape, no such day
            raise QueryError(f"{name}: there is no day {str(value).strip()}; give a date of the calendar as YYYY-MM-DD.")
        raise QueryError(f"{name}: wants a date as YYYY-MM-DD, got {in_quotes(str(value))}.")
    return iso


_DAY = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*")
_AMBIGUOUS = re.compile(r"(0?[1-9]|1[0-2])[/.](0?[1-9]|1[0-2])[/.]\d{4}")  # 03/04/2025: April or March?


def _written_day(value: str) -> str | None:
    """The day a filter's value names as a question may (22/03/2025, 3/22/2025, 14-March-2025 not: _DAYS), with its
    year; None for any other (trial s39: after:22/03/2025 had been refused in a vault of such days)."""
    m = _DAYS.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day = _day_of(m)
    return as_date(f"{year}-{int(month):02d}-{int(day):02d}") if year else None


def _as_tuple(value, name: str) -> tuple[str, ...]:
    """A filter given as one value or several: each a string (a folder may be a path)."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (os.fspath(value),)
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise ArgumentError(f"{name} must be text or a list of texts, got {value!r}.")
    values = tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)
    bad = next((v for v in values if not isinstance(v, str)), None)
    if bad is not None:
        raise ArgumentError(f"{name} must be text or a list of texts, got {bad!r} in it.")
    return values


# Names people type for filters in other tools: given one of these (or a near-miss of a real
# filter name), a `name:value` is an error rather than words, so a typo is never silently
# ignored. Any other `word:word` ("re:Invent", "10:30") stays part of the question.
_FILTERISH = {"tags", "title", "file", "folder", "dir", "date", "since", "until", "from", "to", "type", "kind",
              "in", "is", "has", "year", "note", "notes", "paths", "heading", "category", "categories", "notebook",
              "notebooks", "stack"}
_FOLDERISH = {"folder", "dir", "notebook", "notebooks", "stack"}  # an Evernote notebook is a folder once exported
# what to write instead, for the filters other tools have (trial s39: date:, title:, file: had named no way)
_BY_NAME = 'a note by its name is path:"*{value}*" (in any folder; or ask for it by name)'
_FILTER_HINTS = {"date": "a day is after:{day} before:{day}", "since": "since a day is after:{day}",
                 "until": "until a day is before:{day}", "year": "a year is after:{value}-01-01 before:{value}-12-31",
                 "title": _BY_NAME, "file": _BY_NAME, "note": _BY_NAME, "notes": _BY_NAME, "tags": "a tag is tag:{value}",
                 "paths": "a folder is path:{value}"}
# a path: value that is a file outside any notes folder ("/etc/wireguard/wg0.conf"): text, not a filter
_OUTSIDE_FILE = re.compile(r"^(?:/|~/|[A-Za-z]:[\\/])(?:[^/\\]+[/\\])*[^/\\.]+\.(?!md$|markdown$)\w+$", re.IGNORECASE)


def _near(name: str) -> bool:
    import difflib

    return name in _FILTERISH or bool(difflib.get_close_matches(name, FILTER_NAMES, n=1, cutoff=0.75))


MAX_QUESTION = 100_000  # characters: a passage of many pages to find related notes for; 2 MB had blocked a server


# zero-width: pasted from a web page (not ZWNJ nor ZWJ, which Persian, Hindi and emoji spell with: the second review)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a terminal's escapes: a log line pasted with its colours


def visible(question: str) -> str:
    """The question without characters no one sees (the question fuzz: "tag:aws\u200b" had said "No note is tagged
    aws", and an escape sequence in a question went to the terminal in the notices)."""
    return _CONTROL.sub(" ", _INVISIBLE.sub("", question))


def check_question(question) -> str:
    """The question, if it is one: a front end asked something empty, or too long to be a question or a
    passage, is told so (QueryError)."""
    if not isinstance(question, str) or not visible(question).strip():
        raise QueryError("The question is empty: write what you want to find in your notes, in your own words.")
    if len(question) > MAX_QUESTION:
        raise QueryError(f"The question is {len(question):,} characters long: ask in at most {MAX_QUESTION:,} "
                         "(for notes related to a long text, send its main part).")
    return question


def parse_query(question: str, flags: tuple[str, ...] = (), tags_as_words: tuple[str, ...] = ()) -> tuple[str, Filters]:
    """Split `tag:aws path:work/* after:2024-01-01 before:... rest` into text and filters.

    A filter-like `name:value` whose name is not a filter but looks like one (tags:,
    afer:, date:) is an error so a typo is not silently ignored; other `word:word`
    text such as re:Invent or 10:30 and URLs stay in the question. "-word" leaves out what says word,
    unless it is one of flags (casefolded; the notes write it so: "find -name"): it stays in the question.
    A tag: of tags_as_words (a tag no note has: NotesIndex.parsed) stays in the question too, as a path: to a
    file outside the notes does ("what does tag:latest mean for docker images": Filters.as_words).
    """
    question = visible(nfc(question))
    worded = {tag_key(t) for t in tags_as_words}
    as_words: list[str] = []
    tags: list[str] = []
    paths: list[str] = []
    dates: dict[str, str | None] = {}  # after, before: the last one written
    problems: list[str] = []

    def take(m: re.Match) -> str:
        quoted, value = _unquoted_value(m.group(2))
        name = m.group(1).lower()
        if quoted and name in FILTER_NAMES and not value.strip():  # tag:"" (the question fuzz: "No note is tagged  ")
            raise QueryError(f"{name}: needs a value between the quotes, as {_EXAMPLE[name]}.")
        if value.startswith("//"):  # a URL such as https://...
            return m.group(0)
        # a tag, path or day without a sentence's mark after it ("what about cold starts tag:aws?": the review; "what
        # did I do path:journal?" had said "No note is in journal?.", the question fuzz)
        if not quoted:
            value = value.rstrip("?!.,;:") or value
        if name == "tag" and tag_key(value) in worded:  # (unquoted: a quoted one asks for a phrase)
            as_words.append(f"{m.group(1)}:{value}")
            return as_words[-1]
        elif name == "tag":
            tags.append(value)
        elif name == "path" and _OUTSIDE_FILE.match(value):  # "Path:/etc/wireguard/wg0.conf not found", a log line
            return m.group(0)
        elif name == "path":
            paths.append(value)
        elif name in ("after", "before"):
            day = parse_date(value, name)
            if dates.get(name) not in (None, day):  # (the question fuzz: the first had been dropped without a word)
                raise QueryError(f"{name}: is given twice, {dates[name]} and {day}: keep the one you mean.")
            dates[name] = day
        elif (m.group(1).islower() or m.group(1).istitle()) and _near(name):
            problems.append(name)
            return m.group(0)
        else:
            return m.group(0)
        return " "

    question, not_tags, not_paths = _left_out_notes(question)
    _check_not_dated(question)
    _check_bare(question)
    loose = _LOOSE.search(question) or _LOOSE_DATE.search(question)
    if loose:
        name = loose.group(1).lower()
        raise QueryError(f"{name}: needs its value right after the colon, as {name}:{loose.group(2)} (no space).")
    text = _ANY_NAMED.sub(take, question)
    if text != question:
        _check_bare(text)  # "after:2024-01-01 tag:": the name left alone once the other filters are taken
    if problems:
        folder = next((m.group(2) for m in _ANY_NAMED.finditer(question) if m.group(1).lower() == problems[0]), "")
        if problems[0] in _FOLDERISH:  # "notebook:Travel": the folder it was exported to
            raise QueryError(f"Unknown filter {problems[0]}: in the question; a folder (an exported notebook) is "
                             f"path:{folder} (quote the text to search for it as words).")
        hint = _FILTER_HINTS.get(problems[0])
        value = next((m.group(2).strip('"“”') for m in _ANY_NAMED.finditer(question) if m.group(1).lower() == problems[0]),
                     "")
        day = as_date(value) if _DAY.fullmatch(value) else _written_day(value)
        raise QueryError(f"Unknown filter {problems[0]}: in the question"
                         + (f": {hint.format(value=value, day=day or 'YYYY-MM-DD')}. Filters are " if hint else
                            "; filters are ")
                         + ", ".join(f"{n}:" for n in FILTER_NAMES) + " (quote the text to search for it as words).")
    text, excluded = _minus(text, flags)
    text, phrases = _unquoted(text)
    text = text if phrases else _chatter_out(text)  # (words in quotes are asked for as written: "remind me" app)
    return " ".join(text.split()), Filters(tuple(tags), tuple(paths), dates.get("after"),
                                                             dates.get("before"), phrases, excluded, tuple(as_words),
                                                             not_tags, not_paths)


# a filter of notes to leave out: "-tag:aws", "-path:Archive", '-tag:"my tag"' (Obsidian's search writes them so; the
# question fuzz: "-tag:aws" had been searched as the words "tag" left out and "aws", ranking the notes tagged aws first)
_NOT_DATED = re.compile(r"(?<!\S)-(after|before):(?!:)\S", re.IGNORECASE)
_NOT_NAMED = re.compile(r"(?<!\S)-(tag|path):(?!:)(\"[^\"]*\"|“[^”]*”|\S+)", re.IGNORECASE)


def _unquoted_value(value: str) -> tuple[bool, str]:
    """(is it quoted, a filter's value without its quotes): tag:"my tag", tag:“my tag”; one with no closing quote
    loses its opening one only (the second review: tag:"aws had been "aw")."""
    if value[:1] in ('"', "“"):
        closed = len(value) > 1 and value[-1] == {'"': '"', "“": "”"}[value[0]]
        return True, value[1:-1] if closed else value[1:]
    return False, value


def _left_out_notes(question: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(question without its -tag: and -path: filters, the tags and the folders they leave out)."""
    out: dict[str, list[str]] = {"tag": [], "path": []}

    def take(m: re.Match) -> str:
        name = m.group(1).lower()
        quoted, value = _unquoted_value(m.group(2))
        value = value if quoted else value.rstrip("?!.,;:") or value
        if not value.strip():
            raise QueryError(f"-{name}: needs a value, as -{_EXAMPLE[name]}.")
        out[name].append(value.lstrip("#") if name == "tag" else value)
        return " "

    rest = _NOT_NAMED.sub(take, question)
    return rest, tuple(dict.fromkeys(out["tag"])), tuple(dict.fromkeys(out["path"]))


def _chatter_out(text: str) -> str:
    """text without what it says about the asking (chatter.py), unless that is what asks for a note ("where did I
    write down the serial numbers?": which note, not the serial numbers' passages); "hey, which note has ..." asks
    for one without its greeting."""
    plain = without_chatter(text)
    return plain if seeks_note(plain) or not seeks_note(text) else text


def tag_key(tag: str) -> str:
    """A tag as a filter compares it with the notes' (theirs are read so): no "#", case and NFC aside."""
    return nfc(tag).lstrip("#").casefold()


def _check_not_dated(text: str) -> None:
    """A QueryError for a date filter with a dash, "-after:2024-01-01" (the question fuzz: it had been a question
    about that day), saying what to write."""
    dashed = _NOT_DATED.search(text)
    if dashed:
        name = dashed.group(1).lower()
        other = "before" if name == "after" else "after"
        raise QueryError(f"-{name}: is no filter; to leave out the notes dated {name} a day, ask for the others with "
                         f"{other}:YYYY-MM-DD.")


def _check_bare(text: str) -> None:
    """A QueryError for a filter's name with no value (_BARE; trial s33: "tag:" had searched for the word "tag")."""
    bare = _BARE.search(text)
    if bare:
        name = (bare.group(1) or bare.group(2)).lower()
        raise QueryError(f"{name}: needs a value right after the colon, as {_EXAMPLE[name]}.")


def _minus(text: str, flags: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """text without its words to leave out ("-antibiotics", not inside quotes, not one of flags), and those
    words; a question of only such words ("-name") is left as it is."""
    words: list[str] = []

    def take(m: re.Match) -> str:
        if m.group(1) is None or m.group(1).casefold() in flags:
            return m.group(0)  # a quoted phrase keeps its dashes; a flag stays a word
        words.append(m.group(1))
        return " "

    rest = _QUOTED_OR_MINUS.sub(take, text)
    if not words or not has_words(rest):
        return text, ()
    return rest, tuple(dict.fromkeys(words))


def _unquoted(text: str) -> tuple[str, tuple[str, ...]]:
    """text with its quotes taken out (their words stay words of the question), and the quoted phrases
    that hold a word, each once."""
    phrases: list[str] = []

    def take(m: re.Match) -> str:
        inner = " ".join(next(g for g in m.groups() if g is not None).split())
        if _HAS_WORD.search(inner) and inner not in phrases:
            phrases.append(inner)
        return f" {inner} "

    return _QUOTED.sub(take, text), tuple(phrases)


_HAS_WORD = re.compile(r"\w")
# a word to leave out, as search engines and Obsidian read it: "-antibiotics" (a letter after the dash and
# two more: "-v", "-rf" and "--force" are flags); written so in the notes, it is a flag of theirs ("find -name"):
# NotesIndex.parsed puts it back as a word
_MINUS = r"(?<![^\s(])-([^\W\d_][\w'’]{2,})(?![\w-])"
# a quoted phrase (its group not captured) or a word to leave out (group 1)
_QUOTED_OR_MINUS = re.compile("|".join(f.replace("(", "(?:", 1) for f in _QUOTE_FORMS) + "|" + _MINUS)


def with_listing_period(text: str, f: Filters) -> tuple[Filters, bool]:
    """f with the time a question asks for the notes of (listing_period) as after: and before: (unless f
    has dates of its own), and whether it asks for the notes the filters let through and nothing else."""
    period = listing_period(text) if not (f.after or f.before) else None
    if period:
        return merge_filters(f, after=period[0], before=period[1]), True
    # "which notes are tagged health?" (a tag in words: tag:health) asks for the notes the filter lets through, as the
    # filter alone does (the smoke test, s42: "Nothing in your notes matches this closely")
    words = re.findall(r"[a-z]+", text.lower())
    listing = bool(f.tags or f.paths) and bool(words) and _LISTING_VERB.search(text) is not None \
        and all(w in _LISTING_WORDS for w in words)
    return f, listing


def merge_filters(f: Filters, tags=None, paths=None, after=None, before=None) -> Filters:
    """f with the filters given as arguments added (a date given as an argument wins)."""
    merged = Filters(
        tags=f.tags + _as_tuple(tags, "tags"),
        paths=f.paths + _as_tuple(paths, "paths"),
        after=parse_date(after, "after") or f.after,
        before=parse_date(before, "before") or f.before,
        phrases=f.phrases,
        excluded=f.excluded,
        as_words=f.as_words,
        not_tags=f.not_tags,
        not_paths=f.not_paths,
    )
    if merged.after and merged.before and merged.after > merged.before:
        raise QueryError(f"after: {merged.after} is later than before: {merged.before}, so no note can match: "
                         "swap them?")
    return merged


def filter_mask(chunks: list[Chunk], f: Filters) -> np.ndarray | None:
    """Which chunks pass the filters of notes (None: none, all pass); what a passage must say (quoted
    phrases) is phrases.py's to check."""
    if not f.of_notes:
        return None
    want_tags = {tag_key(t) for t in f.tags}
    mask = np.ones(len(chunks), dtype=bool)
    in_paths: dict[tuple[str, str], bool] = {}  # a note's chunks share its path: matched once a note

    def passes_paths(c: Chunk) -> bool:
        key = (c.path, c.hierarchy)
        if key not in in_paths:
            in_paths[key] = any(_path_match(c.path, p, c.hierarchy) for p in f.paths)
        return in_paths[key]

    not_tags = {tag_key(t) for t in f.not_tags}
    out_paths: dict[tuple[str, str], bool] = {}

    def left_out(c: Chunk) -> bool:
        key = (c.path, c.hierarchy)
        if key not in out_paths:
            out_paths[key] = any(_path_match(c.path, p, c.hierarchy) for p in f.not_paths)
        return out_paths[key]

    for i, c in enumerate(chunks):
        if not_tags.intersection(c.tags) or f.not_paths and left_out(c):
            mask[i] = False
        elif want_tags and not want_tags.intersection(c.tags):
            mask[i] = False
        elif f.paths and not passes_paths(c):
            mask[i] = False
        elif (f.after or f.before) and (
            c.date is None or (f.after and c.date < f.after) or (f.before and c.date > f.before)
        ):
            mask[i] = False
    return mask


def unmatched(chunks: list[Chunk], f: Filters) -> str | None:
    """Why no note passes the filters: one filter alone matches no note (a tag no note has, a folder
    that is not there, a date range no note is in), or no note passes them all together (a tagged page
    with no date, and a date range); None when some note passes them."""
    if f.tags and not filter_mask(chunks, Filters(tags=f.tags)).any():
        first: dict[str, str] = {}  # each tag once (given as --tag and as tag: too), as first written
        for t in f.tags:
            first.setdefault(tag_key(t), t.lstrip("#"))
        want = list(first.values())
        return f"No note is tagged {' or '.join(want)}{_tags_like(want[0], {t for c in chunks for t in c.tags})}."
    if f.paths and not filter_mask(chunks, Filters(paths=f.paths)).any():
        where = [p if posixpath.normpath(p) not in (TOP_LEVEL, "/") else "the notes folder itself (path:.)"
                 for p in f.paths]
        near = _folders_like(f.paths[0], {folder_of(c.path, c.hierarchy) for c in chunks})  # a namespace too
        return f"No note is in {' or '.join(where)}" + (f" (folders like it: {', '.join(near)})." if near else ".")
    if (f.after or f.before) and not filter_mask(chunks, Filters(after=f.after, before=f.before)).any():
        span = " and ".join(x for x in (f.after and f"on or after {f.after}", f.before and f"on or before {f.before}")
                            if x)
        return f"No note is dated {span}{_dated_near(chunks, f)}{_undated(chunks)}."
    mask = filter_mask(chunks, f)
    if mask is not None and not mask.any() and (f.not_tags or f.not_paths):
        kept = filter_mask(chunks, replace(f, not_tags=(), not_paths=()))
        if kept is None or kept.any():  # the other filters let notes through: -tag: and -path: left them all out
            where = [p if posixpath.normpath(p) not in (TOP_LEVEL, "/") else "the notes folder itself (path:.)"
                     for p in f.not_paths]
            out = ([f"tagged {' or '.join(f.not_tags)}"] if f.not_tags else []) + \
                ([f"in {' or '.join(where)}"] if where else [])
            which = "Every note the other filters let through" if kept is not None else "Every note"
            return f"{which} is {' or '.join(out)}, which the question leaves out."
    if mask is not None and not mask.any():
        return "No note passes these filters together (each alone matches some notes): try fewer of them."
    return None


def _tags_like(tag: str, known: set[str] | frozenset[str]) -> str:
    """" (tags like it: ...)" of the notes' tags (known) a tag no note has may have meant, "" if none: a nested tag
    that ends with it (trial A: tag:acme for client/acme), then tags it begins (trial F: tag:inc for incident, not
    finance), then tags spelt like it."""
    import difflib

    asked, known = tag.casefold(), sorted(known)
    near = [t for t in known if t.endswith("/" + asked)][:3] or [t for t in known if t.startswith(asked)][:3] \
        or difflib.get_close_matches(asked, known, n=3, cutoff=0.6)
    return f" (tags like it: {', '.join(near)})" if near else ""


def left_out_none(f: Filters, known: set[str] | frozenset[str]) -> str | None:
    """What every front end says of a -tag: no note has (known: the notes' tags, as tag_key reads them), or None:
    it leaves nothing out, which a typo would not show otherwise (the second review: "-tag:awz")."""
    none = [t for t in f.not_tags if tag_key(t) not in known]
    if not none:
        return None
    return f"No note is tagged {' or '.join(in_quotes(t) for t in none)}{_tags_like(none[0], known)}, so " \
           f"{' and '.join(in_quotes('-tag:' + t) for t in none)} leaves nothing out."


def as_words_said(f: Filters, known: set[str] | frozenset[str]) -> str | None:
    """What every front end says of f's tag: filters searched as words (known: the notes' tags), or None: "No note
    is tagged “latest”; searched “tag:latest” as words." (a tag's near misses said too: a typo of one is seen)."""
    if not f.as_words:
        return None
    tags = [w.split(":", 1)[1].lstrip("#") for w in f.as_words]
    return f"No note is tagged {' or '.join(in_quotes(t) for t in tags)}{_tags_like(tags[0], known)}; searched " \
           f"{' and '.join(in_quotes(w) for w in f.as_words)} as words."


def _dated_near(chunks: list[Chunk], f: Filters) -> str:
    """The days of the notes nearest f's date range, before it and after it, among those its other filters let
    through, to ask again with ("" if none is dated): "what did I note in March?" is this year's March, and the notes
    may be of an earlier one (trial s33)."""
    after, before = f.after, f.before
    others = filter_mask(chunks, Filters(tags=f.tags, paths=f.paths, not_tags=f.not_tags, not_paths=f.not_paths))
    dated = {c.date[:10] for i, c in enumerate(chunks) if c.date and (others is None or others[i])}
    earlier = max((d for d in dated if after and d < after), default=None)
    later = min((d for d in dated if before and d > before), default=None)
    near = [d for d in (earlier, later) if d]
    if not near:
        return ""
    return f": the nearest day with notes is {near[0]}" if len(near) == 1 else \
        f": the nearest days with notes are {near[0]} and {near[1]}"


def _undated(chunks: list[Chunk]) -> str:
    """How many notes have no date at all, which a date filter leaves out ("" if none): a Bear export dates
    no note (trial T), and "No note is dated in 2023" alone reads as if the notes of 2023 were gone."""
    notes = {c.path for c in chunks}
    n = len(notes - {c.path for c in chunks if c.date is not None})
    if not n:
        return ""
    return f" ({n} of {counted(len(notes), 'note')} {'has' if n == 1 else 'have'} no date: a date filter leaves " \
           f"{'it' if n == 1 else 'them'} out)"


def _folders_like(pattern: str, note_dirs: set[str]) -> list[str]:
    """Folders a path filter that matched nothing may have meant: a folder of that name deeper down
    ("Meetings" -> Clients/Acme/Meetings), or one spelt nearly so; at most 3."""
    import difflib

    # a Notion export's folders by the names Notion shows, without their ids (trial s38: "Meeting" for "Meetings <id>")
    folders = sorted({readable_path("/".join(d.split("/")[:i])) for d in note_dirs if d
                      for i in range(1, d.count("/") + 2)} - {""})
    want = nfc(pattern).strip("/").casefold()
    if not want or any(ch in want for ch in "*?["):
        return []
    deeper = [f for f in folders if f.casefold().endswith("/" + want)]
    if deeper:
        return deeper[:3]
    # a folder by its path and by each end of it: "Book 1" and "Drafts/Book 1" both, "course/stats" for a Logseq
    # namespace's pages/course/statistics (trial s37)
    by_name: dict[str, list[str]] = {}
    for f in sorted(folders, key=lambda f: f.count("/")):  # the shallowest first
        parts = f.casefold().split("/")
        for name in dict.fromkeys("/".join(parts[i:]) for i in range(len(parts))):
            by_name.setdefault(name, []).append(f)
    near = sorted(difflib.get_close_matches(want, list(by_name), n=3, cutoff=0.75),
                  key=lambda n: (-difflib.SequenceMatcher(None, want, n).ratio(), n))  # ties: "Book 1" first
    return list(dict.fromkeys(f for n in near for f in by_name[n]))[:3]


def _path_match(path: str, pattern: str, hierarchy: str = "") -> bool:
    # a folder macOS named in NFD matches the name as typed, and "archive/globex" finds Archive/Globex
    # (as tags, folder names are told apart by more than their case only on Linux)
    path, pattern = nfc(path).casefold(), nfc(pattern).casefold()
    pattern = posixpath.normpath(pattern) if pattern else pattern  # "./work//" -> "work", "./." -> "."
    if pattern in (TOP_LEVEL, "/"):
        return "/" not in path
    if pattern == ".." or pattern.startswith("../"):
        return False  # outside the notes folder: no note is there
    pattern = pattern.lstrip("/")
    if _glob_match(path, pattern, hierarchy):
        return True
    # a Notion page's folder by its name, without its id, as Notion shows it: "Interviews" (or "Journal*") is
    # the folder "Interviews 023c87b8295f4780ce47de47b22ae1e7" wherever the export nests it
    readable = readable_path(path)
    if readable == path:
        return False
    parts = readable.split("/")
    return any(_glob_match("/".join(parts[i:]), pattern) for i in range(len(parts) - 1))


def _glob_match(path: str, pattern: str, hierarchy: str = "") -> bool:
    """Does the path match the glob? A folder name or prefix without wildcards matches everything under it,
    and a Dendron note is in its hierarchy as in a folder (path:ops, path:dev.spark), a Logseq page in its
    namespace (path:runbooks)."""
    if fnmatch.fnmatchcase(path, pattern):
        return True
    if any(ch in pattern for ch in "*?["):  # a Logseq page's name in its namespace too: path:runbooks/*
        return bool(hierarchy) and "/" in hierarchy + pattern and fnmatch.fnmatchcase(
            f"{nfc(hierarchy).casefold()}/{posixpath.basename(path)}", pattern)
    pattern = pattern.rstrip("/")
    if not hierarchy:
        return path.startswith(pattern + "/") or path == pattern
    hierarchy = nfc(hierarchy).casefold()
    return path.startswith(pattern + "/") or path == pattern or dendron.under(folder_of(path, hierarchy), pattern) \
        or dendron.under(hierarchy, pattern)


# "which note covers ...", "which page lists ...", "where are my notes on ...", "where did I write ...":
# the question asks for a note, not for a passage ("where do I click ..." asks how, not where a note is;
# "where is the office moving?" asks for a place, not for a note)
_NOTE_NOUN = r"(?:notes?|pages?|posts?|articles?|entry|entries|docs?|documents?|outlines?|drafts?|chapters?)"
_SEEKS_NOTE = re.compile(
    r"^\s*(?:(?:which\s+(?:\w+\s+){0,2}|what\s+)" + _NOTE_NOUN +
    # ... then what the note does: "which note covers", "which page is about", "which post did I ...",
    # and for several notes "which notes cover", "which pages mention", "which posts are about"
    r"\s+(?:\w+s|is|was|did|do|has|have|had|about|on|for|that|where|with|i|my|(?:are|were)\s+(?:about|on|my)|"
    r"cover|mention|talk|discuss|describe|explain|list|contain|include|deal|touch|refer|reference)\b"
    r"|where\s+(?:are|is)\s+(?:my|the)\s+(?:\w+\s+){0,2}" + _NOTE_NOUN + r"\b|where\s+(?:did|have)\s+i\b|where\s+do\s+i\s+(?:mention|refer|talk)"
    # "where is my upper/lower gym split written down?" (trial s37)
    # (my: "where is the sensor data recorded?" asks where in the world, the review)
    r"|where\s+(?:are|is)\s+my\s+[^?]{1,60}?\s+(?:written(?:\s+down)?|noted(?:\s+down)?|recorded|documented)\b"
    r"|(?:find|show)\s+(?:me\s+)?(?:my|the)\s+(?:notes?|pages?)\s+(?:on|about)\b)", re.IGNORECASE)


# a question for what a thing is: "what is a hypervisor?", "what's SRD?", "define bagging", "who was Dijkstra"
_IS = r"(?:\s+(?:is|are|was|were)|'s|’s)"
DEFINING = re.compile(rf"^\s*(?:(?:what|who){_IS}|define|meaning\s+of)\b", re.IGNORECASE)
ASKS_WHO = re.compile(rf"^\s*who{_IS}\b", re.IGNORECASE)  # ... who someone is: "who is Olu?"


def seeks_note(question: str) -> bool:
    """Does the question ask which note holds something, rather than for the passage itself?"""
    return _SEEKS_NOTE.search(question) is not None


_NOTE_NOUN_WORD = re.compile(r"\b" + _NOTE_NOUN + r"\b", re.IGNORECASE)


def without_asked_noun(question: str) -> str:
    """A question for a note without the word that asks for one: "which note has my parents' address?" looks for
    the address, not for passages that say "note" (a note called "First note")."""
    m = _SEEKS_NOTE.search(question)
    if m is None:
        return question
    asked = _NOTE_NOUN_WORD.sub("", m.group(0), count=1)
    return question[:m.start()] + asked + question[m.end():]


# ... for notes that mention or refer to a thing: each note shown where it does, not from its opening
_SEEKS_MENTION = re.compile(r"\b(?:mention(?:s|ed|ing)?|refer(?:s|red)?\s+to|references?|cites?|"
                            r"talk(?:s|ed)?\s+about)\b", re.IGNORECASE)


def seeks_mentions(question: str) -> bool:
    """Does a question for notes ask which notes mention something ("which notes mention Avalara?")?"""
    return seeks_note(question) and _SEEKS_MENTION.search(question) is not None


# "when did I first mention Tom?", "the last time I wrote about the allotment", "earliest mention of Biscuit"
_MENTION_ORDER = re.compile(
    r"\b(?:when\s+did\s+(?:i|we)\s+(first|last)\s+|(?:the\s+)?(first|last)\s+time\s+(?:i|we)\s+)"
    r"(?:mention(?:ed)?|wr(?:i|o)te\s+about|talk(?:ed)?\s+about|note(?:d)?|hear(?:d)?\s+(?:about|of))"
    r"\s+(.+?)\s*[?.!]*$|\b(first|last|earliest|latest)\s+mention\s+of\s+(.+?)\s*[?.!]*$", re.IGNORECASE)


def mention_order(question: str) -> tuple[str, str] | None:
    """("first" or "last", what) for a question for when the notes first or last say something ("when did I
    first mention Tom?": the dated passages that say "Tom", oldest first); None for another question."""
    m = _MENTION_ORDER.search(question)
    if m is None:
        return None
    which = (m.group(1) or m.group(2) or m.group(4)).lower()
    return ("first" if which in ("first", "earliest") else "last"), (m.group(3) or m.group(5)).strip()


def mention_subject(question: str) -> str:
    """What a "which notes mention X" question asks about: the words after "mention", "refer to", ..."""
    m = _SEEKS_MENTION.search(question) if seeks_mentions(question) else None
    return question[m.end():].strip(" ?.!") if m else ""


# "which notes link to the spacing effect note?", "what links to 202103151022?", "backlinks of Interleaving"
_SEEKS_LINKS = re.compile(r"^\s*(?:(?:which|what)\s+(?:notes?|pages?|entries)\s+(?:\w+\s+)?(?:links?|linked|point(?:s|ed)?)"
                          r"\s+to|what\s+(?:links|points)\s+to|"
                          r"(?:show\s+(?:me\s+)?)?(?:the\s+)?backlinks?\s+(?:of|to|for))\s+(.+?)\s*[?.!]*\s*$",
                          re.IGNORECASE)


def links_subject(question: str) -> str | None:
    """The note a question asks the backlinks of ("the spacing effect note" of "which notes link to the
    spacing effect note?"), or None."""
    m = _SEEKS_LINKS.match(question)
    if m is None:
        return None
    subject = re.sub(r"^(?:the|my|our)\s+|\s+(?:note|page)$", "", m.group(1).strip(), flags=re.IGNORECASE)
    return subject.strip("\"'“”[] ") or None


_ASKS_HOW = re.compile(r"^\s*(?:how\s+(?:do|can|should|would)\s+(?:i|you|we)|how\s+to|(?:what'?s|what\s+is|which|what)"
                       r"\s+(?:the\s+)?command)\b", re.IGNORECASE)


def asks_how(question: str) -> bool:
    """Does the question ask how to do something ("how do I restart ...?", "what's the command for ...")?"""
    return _ASKS_HOW.search(question) is not None


# ... anywhere in it, or for the steps ("I deleted a note, how do I get it back?", "what are the steps to ...")
_ASKS_STEPS = re.compile(r"\b(?:how\s+(?:do|can|should|would|did)\s+(?:i|you|we)|how\s+to|steps?|instructions|procedure|"
                         r"walk\s+me\s+through)\b", re.IGNORECASE)


def asks_steps(question: str) -> bool:
    """Does the question ask for the steps of doing something, wherever it says so? (A question that asks how
    gets numbered steps shown from the first: snippets.)"""
    return asks_how(question) or _ASKS_STEPS.search(question) is not None


def mid_sentence(text: str, at: int) -> bool:
    """Is the word at text[at] written inside a sentence, not first nor after a sentence's end, an opening quote
    or bracket? A capital there is a name's ("what did Grace say?"; not "Mark the PR as ready")."""
    before = _char_before(text, at)
    return bool(before) and before not in ".!?:;\"'“‘("


def _char_before(text: str, at: int) -> str:
    """The last character before text[at] that is not white space ("" at the start): looked up, not by
    copying all the text before each word (a pasted passage of 100k characters had taken a gigabyte)."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


# a question's own words: at its start (a wh-word or an auxiliary, "is uv faster than poetry"), or a wh-word anywhere
# ("proxmox vs esxi why", "dhcp what info do you get")
_ASKING = re.compile(r"^\s*(?:what|how|why|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|should"
                     r"|would|will|has|have|had)\b", re.I)
_WH = re.compile(r"\b(?:what|how|why|which|when|where|who)\b", re.I)


def as_asked(text: str) -> str:
    """A question as the model reads questions, with its question mark: "how does shuffle sharding work" as "...
    work?" (a user trial: questions typed without it, as most are, had found less: the Obsidian vault's typed
    questions hit@1 0.583, 0.667 with it); not words that ask nothing ("shuffle sharding"), nor a question that ends
    on other punctuation."""
    t = text.rstrip()
    return t + "?" if t and t[-1].isalnum() and (_ASKING.match(t) or _WH.search(t)) else text
