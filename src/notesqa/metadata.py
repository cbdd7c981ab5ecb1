"""A note's metadata: front matter, tags, aliases, its date and its title from the file name."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import clock
from .markup import code_fence_after
from .notefiles import Problem, nfc, readable_name
from .periods import ANY_WEEKDAY, CALENDAR_WORD, SEASON_START, century, holiday_named

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")  # a Jekyll post: 2024-01-05-my-trip.md


# a template's placeholder as a value ("date: {{date}}", Obsidian's core Templates plugin): text, as the
# template means it, not a YAML mapping that does not parse
_TEMPLATE_VALUE = re.compile(r"^(\s*[^\s#:][^:\n]*:[ \t]+)(\{\{[^\n\"]*\}\})[ \t]*$", re.M)


# links written unquoted as a value, "attendees: [[Priya]], [[Tom]]": not YAML (or a list of lists), but what
# the person means is the links, as the quoted form says them (trial A: 843 meeting notes lost their attendees)
# (and a plain name among them, "[[Marcus Fenwick]], [[Priya Nair]], me": trial s46, the whole field had been lost)
# (a plain item starts and ends with other than a space, so the spaces around a comma can only be the comma's: else a
# line that does not match is tried every way of sharing them out, twice the tries a comma; the review's line of 21
# names took 4 s)
_PLAIN_ITEM = r"[^\s\[\]\n,:#{}\"'&*!|>%@`](?:[^\[\]\n,:#{}\"'&*!|>%@`]*[^\s\[\]\n,:#{}\"'&*!|>%@`])?"
_LINKS_VALUE = re.compile(r"^([ \t]*[^\s#:][^:\n]*:[ \t]+)(\[\[[^\[\]\n]+\]\]"
                          rf"(?:[ \t]*,[ \t]*(?:\[\[[^\[\]\n]+\]\]|{_PLAIN_ITEM}))*[ \t]*,?[ \t]*)$", re.M)
_ONE_ITEM = re.compile(r"\[\[[^\[\]\n]+\]\]|[^,]+")


# ... and a link with words after it, "flat: [[14 Albert Road]] Flat 1" (trial s77 J: the field lost, the line kept raw)
# (a top-level field's, not a line of a block's text nor one with a comment after it: the review)
_LINK_THEN_TEXT = re.compile(r"^([^\s#:\-][^:\n]*:[ \t]+)(\[\[[^\[\]\n]+\]\][ \t]+[^\s,\[\]#][^\n#]*?)[ \t]*$", re.M)


def _quoted_value(m: re.Match) -> str:
    return m.group(1) + '"' + m.group(2).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quoted_links(m: re.Match) -> str:
    items = (item.strip() for item in _ONE_ITEM.findall(m.group(2)))
    return m.group(1) + "[" + ", ".join('"' + item.replace('"', '\\"') + '"' for item in items if item) + "]"


def front_matter(raw: str, rel: str) -> tuple[dict, Problem | None]:
    """A note's front matter as a dict. Links written unquoted (`attendees: [[Priya]], [[Tom]]`, a common
    habit) read as the quoted form does. Broken YAML keeps the fields that read on their own, with a Problem
    naming the ones that do not."""
    import yaml

    raw = _TEMPLATE_VALUE.sub(r'\1"\2"', raw) if "{{" in raw else raw
    raw = _LINK_THEN_TEXT.sub(_quoted_value, _LINKS_VALUE.sub(_quoted_links, raw)) if "[[" in raw else raw
    try:
        data = yaml.load(raw, Loader=_notes_loader()) if raw.strip() else {}
    except (yaml.YAMLError, ValueError) as exc:
        # where the broken part opens ("tags: [lit, nutrition" that "while parsing a flow sequence" names), else
        # where the parser stopped, the line after (trial s51: a bracket never closed was told at the next line)
        context = str(getattr(exc, "context", "") or "")
        opened = context.startswith(("while parsing a flow", "while scanning a quoted"))  # (else the field's own line
        mark = (getattr(exc, "context_mark", None) if opened else None) or getattr(exc, "problem_mark", None)  # is
        # where the parser stopped, not the mapping's first: the review)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        # ValueError: a value YAML reads but cannot make, such as date: 2024-02-30
        what = f"broken YAML front matter{where}" if isinstance(exc, yaml.YAMLError) else \
            f"front matter has an impossible value ({exc})"
        kept, lost, closed = _fields_one_by_one(raw)
        if not kept:
            return {}, Problem(rel, "repaired", f"{what}; indexed the body without it")
        not_kept = f", not {', '.join(lost)}" if lost else ""
        mended = f"; read {', '.join(closed)} as if closed (add the missing {_closers(closed, raw)})" if closed else ""
        return kept, Problem(rel, "repaired", f"{what}{mended}; kept its other fields{not_kept}")
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, Problem(rel, "repaired", "front matter is not a mapping; indexed the body without it")
    # a placeholder is the template's, not a title or a date of the note; a Dataview field typed into it ("status::
    # planning", YAML's key "status:") is the field (trial s58 PA)
    return {k.rstrip(":") if isinstance(k, str) and k.rstrip(":") else k: v for k, v in data.items()
            if not (isinstance(v, str) and v.startswith("{{") and v.endswith("}}"))}, None


_FIELD_START = re.compile(r"^[^\s#-][^:]*:(?:\s|$)")  # "key: value" at the start of a line


_CLOSING_FENCE = re.compile(r"\n---[ \t]*(?:\n|$)")
_FIELD_GOES_ON = re.compile(r"^(?:[ \t]+\S|-[ \t])")  # a field's value on the lines under it: "  - npc", "- npc"


def unclosed_front_matter(text: str, rel: str) -> tuple[dict, str, int, Problem | None]:
    """Front matter opened with "---" and never closed (no "---" line after it, which makes it no front matter to a
    markdown reader): its fields, the run of two "key: value" lines or more after the opening (a key without a value
    the list under it: "tags:", "  - npc"), read as front matter, and text
    with those lines blank, their count, and a Problem saying so (trial s50: "aliases: ..." had been a note's first
    passage without a word). ({}, text, 0, None) for any other note."""
    if text.split("\n", 1)[0].rstrip() != "---" or _CLOSING_FENCE.search(text, 3):
        return {}, text, 0, None
    lines = text.split("\n")
    end, keys, open_key = 1, 0, False
    while end < len(lines):
        if _FIELD_START.match(lines[end]):
            keys += 1
            open_key = not lines[end].split(":", 1)[1].strip()  # "tags:", its values on the lines under it
        elif not (open_key and _FIELD_GOES_ON.match(lines[end])):
            break
        end += 1
    if keys < 2:
        return {}, text, 0, None  # a rule, then the note ("Note: the server moved", the review)
    meta, problem = front_matter("\n".join(lines[1:end]), rel)
    said = f"front matter not closed (no \"---\" line after its fields, lines 2-{end}): read them as its fields"
    problem = Problem(rel, "repaired", f"{said}; {problem.reason}" if problem else f"{said}; add the closing \"---\"")
    return meta, "\n" * end + "\n".join(lines[end:]), end, problem


def _fields_one_by_one(raw: str) -> tuple[dict, list[str], list[str]]:
    """Each top-level field of broken front matter read alone (its key line and the indented or "- " lines
    under it), a one-line field whose bracket or quote is never closed as if closed ("tags: [lit, nutrition": trials
    s51, whose tags had been lost): (the fields that read, the keys of those that do not, of those closed)."""
    entries: list[list[str]] = []
    for line in raw.splitlines():
        if _FIELD_START.match(line) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    kept: dict = {}
    lost: list[str] = []
    closed: list[str] = []
    for entry in entries:
        key = entry[0].split(":", 1)[0].strip()
        data = _read_yaml("\n".join(entry))
        if not isinstance(data, dict) and len(entry) == 1 and (closing := _unclosed(entry[0])) \
                and (key.lower() not in _ONE_VALUE or closing in ('"', "'")):  # a title's quote, not a list
            data = _read_yaml(entry[0] + closing)
            closed += [key] if isinstance(data, dict) else []
        if isinstance(data, dict):
            kept.update(data)
        elif entry[0].strip() and not entry[0].lstrip().startswith("#"):  # a comment is no field
            lost.append(key)
    return kept, [key for key in dict.fromkeys(lost) if key not in kept], closed


_ONE_VALUE = frozenset({"title", "date", "created", "updated", "modified"})  # not a list, however it is written


def _read_yaml(text: str):
    """text read as YAML, None when it does not read."""
    import yaml

    try:
        return yaml.load(text, Loader=_notes_loader())
    except (yaml.YAMLError, ValueError):
        return None


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_BOOL_WORDS = frozenset({"true", "false"})


def _as_written(loader, node):
    """A scalar YAML 1.1 would read otherwise than it is written, kept as written."""
    return loader.construct_scalar(node)


@lru_cache(maxsize=1)
def _notes_loader():
    """PyYAML's safe loader reading scalars as the note's app does (YAML 1.2, as Obsidian's and Logseq's readers
    do): "start: 10:30" is a time, not the number 630 (base 60); "zip: 0700" and "price: 4.80" are as written, not
    448 and 4.8; "vegetarian: yes" is the word, not True; only a plain whole number is a number, and true/false a
    yes or no. Built once, on first use: yaml is imported lazily."""
    import yaml

    class NotesLoader(yaml.SafeLoader):
        pass

    def plain_int(loader, node):
        text = loader.construct_scalar(node)
        return int(text) if _PLAIN_INT.fullmatch(text) else text

    def plain_bool(loader, node):
        text = loader.construct_scalar(node)
        return text.lower() == "true" if text.lower() in _BOOL_WORDS else text

    NotesLoader.add_constructor("tag:yaml.org,2002:int", plain_int)
    NotesLoader.add_constructor("tag:yaml.org,2002:bool", plain_bool)
    NotesLoader.add_constructor("tag:yaml.org,2002:float", _as_written)
    return NotesLoader


_QUOTE_OPENS = re.compile(r"""(?:^|(?<=[\s\[{,:]))["']""")  # a quote at a value's or an item's start, not "we'll"


def _unclosed(line: str) -> str:
    """What a field's line lacks to close its brackets and its quote ("]" for "tags: [lit, nutrition", '"' for
    'title: "Rain [draft'), innermost first; "" when it lacks none. A bracket inside quotes is the quote's text."""
    value = line.split(":", 1)[1] if ":" in line else ""
    opened: list[str] = []
    quote = ""
    for i, ch in enumerate(value):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and _QUOTE_OPENS.match(value, i):
            quote = ch
        elif ch in "[{":
            opened.append("]" if ch == "[" else "}")
        elif ch in "]}" and opened and opened[-1] == ch:
            opened.pop()
    return quote + "".join(reversed(opened))


def _closers(keys: list[str], raw: str) -> str:
    """The closing marks the fields keys lacked, said once each ("]", "\" ]")."""
    lines = {ln.split(":", 1)[0].strip(): ln for ln in raw.splitlines() if _FIELD_START.match(ln)}
    return " ".join(dict.fromkeys(ch for key in keys for ch in _unclosed(lines.get(key, ""))))


def as_date(value) -> str | None:
    """A date, a datetime or text that begins YYYY-M-D as an ISO date; None if it is none of these (or no real day)."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
    return None


# a heading that is a day: "2026-11-26", "2026-11-26 (Thu)", "Nov 26th, 2026" (Logseq's journal links),
# "26 November 2026"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_ANY_WEEKDAY_WORD = r"\b(?:" + ANY_WEEKDAY + r")\b"  # a weekday's word, as periods reads one (not "friends", "Sunil")
# a day as Logseq names its journals: "Nov 26th, 2026" (month, day, year)
JOURNAL_DAY = r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
_ISO_HEADING = re.compile(rf"\s*(\d{{4}}-\d{{1,2}}-\d{{1,2}})(?:,?\s*\(?{_WEEKDAY}\)?)?\s*", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\s*(?:{_WEEKDAY},?\s+)?{JOURNAL_DAY}\s*", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\s*(?:{_WEEKDAY},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+([A-Za-z]{{3}})[a-z]*\.?,?\s+(\d{{4}})\s*",
                        re.IGNORECASE)


# a day as Japanese and Chinese write it, its weekday after it: "2024年6月24日", "6月24日（月）", "6月24号 星期一"
# (trial s48: a Japanese diary's "## 6月24日（月）" had been of no day)
_CJK_WEEKDAY = r"(?:[（(]\s*[月火水木金土日](?:曜日?)?\s*[）)]|[月火水木金土日]曜日?|(?:星期|周)[一二三四五六日天])"
_CJK_DATE = r"(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*" + _CJK_WEEKDAY + "?"
_CJK_DAY = re.compile(r"\s*" + _CJK_DATE + r"\s*")
_CJK_YEAR = re.compile(r"\s*((?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?\s*")  # "## 2025年1月": a year's month


def cjk_day(text: str, year: str | None = None) -> str | None:
    """The day text is when it is only a day written as Japanese and Chinese write it (_CJK_DAY), of the year it
    says or else of year; None for other text or a day of no year known."""
    m = _CJK_DAY.fullmatch(text)
    year = m and m[1] or year
    return as_date(f"{year}-{int(m[2]):02d}-{int(m[3]):02d}") if m and year else None


def heading_day(text: str) -> str | None:
    """The day a heading is, as an ISO date ("Nov 26th, 2026" -> 2026-11-26), when the heading is only a
    day (a running meeting page's "### [[Nov 26th, 2026]]", a log's "## 2026-11-26", "2024年6月24日"); None
    otherwise."""
    if (m := _ISO_HEADING.fullmatch(text)) is not None:
        return as_date(m[1])
    if "月" in text and (day := cjk_day(text)):
        return day
    m = _MONTH_DAY.fullmatch(text)
    month, day, year = (m[1], m[2], m[3]) if m else (None, None, None)
    if m is None and (m := _DAY_MONTH.fullmatch(text)) is not None:
        day, month, year = m[1], m[2], m[3]
    if m is None and (m := _WEEKDAY_DAY_MONTH_YY.fullmatch(text)) is not None:  # "Thu 18 Dec 25" (trial s71 J's log)
        return _on_its_weekday(day, text) if (day := calendar_day(m[2], m[1], century(m[3]))) else None
    return calendar_day(month, day, year) if m is not None else None


# a weekday, a day, its month and its year's two digits: "Thu 18 Dec 25" (the weekday makes sure of the year)
_DAY_MONTH_YY_TEXT = r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d\d)\s*"  # "18 Dec 25"
_WEEKDAY_DAY_MONTH_YY = re.compile(rf"\s*{_WEEKDAY},?\s+" + _DAY_MONTH_YY_TEXT, re.IGNORECASE)


_DAY_MONTH_YY = re.compile(r"\s*" + _DAY_MONTH_YY_TEXT)  # "6 May 26"


def day_month_yy(text: str) -> str | None:
    """The day a heading that is a day, its month and its year's two digits is ("## 6 May 26": trial s77 F's log, of
    no day), else None (not after a word: "Fri 18 Dec 25" is heading_day's, on its weekday)."""
    m = _DAY_MONTH_YY.fullmatch(text)
    return calendar_day(m[2], m[1], century(m[3])) if m else None


# a log of a year's heading, a month's under it and a day's number under that ("# 2022", "## November", "### 14th";
# "## November 2022", "### Mon 14th"): the trial of one big file, whose worklog had been dated nowhere
_DAY_NUMBER = re.compile(rf"\s*(?:{_WEEKDAY},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*", re.IGNORECASE)
_MONTH_ALONE = re.compile(r"\s*([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\s*")
# ... or a month and its year among a few words ("## July 2027 paid", "## One-offs July 2027": trials s81 W, B, T, its
# "- 1 Jul rent £2,150" of July 2028 or of no day)
# (not a thing's day: "## Worcester combi fitted Jun 2019", "## Maya born May 2015", "## Next review due Jan 2028", the
# review)
_MONTH_LABELLED = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?<!ed )(?<!born )(?<!due )(?<!since )(?<!from )"
                             r"(?<!until )(?<!before )(?<!after )(?<!by )(?<!in )(?<!on )(?<!of )(?<!bought )(?<!sold )(?<!got )"
                             r"(?<!built )(?<!made )(?<!began )"
                             r"([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)(?:\s+[^\W\d][\w'’-]*){0,3}\s*:?\s*",
                             re.IGNORECASE)
_YEAR_ALONE = re.compile(r"\s*(\d{4})\s*")
# (not winter's: "Winter 2026" runs into 2027)
_SEASON_ALONE = re.compile(r"\s*(?i:spring|summer|autumn|fall)(?:\s+(?i:term|half[- ]term))?,?\s+(\d{4})\s*")
# ... or among a few words as _MONTH_LABELLED's month: "## Rota autumn 2028" (trial s85 A: its table's "Sat 28 Oct" rows
# had been of no day, "when's the next market" marking December's)
# (not "## Prep for spring 2029", whose "14 Nov: order bulbs" is of the autumn before: the review)
_SEASON_LABELLED = re.compile(_MONTH_LABELLED.pattern.replace(r"([A-Za-z]{3,9})\.?,?\s+",
                                                              r"(?<!for )(?<!to )(?<!til )(?<!until )"
                                                              r"(?:spring|summer|autumn|fall)(?:\s+(?:term|half[- ]term))?,?\s+"),
                              re.IGNORECASE)


# ... and a day whose heading says no year, the year said above it ("# Log 2025" > "## March" > "### Wed 5 Mar", "###
# March 20", "### 18/7") or by its note (trial s45: a café's running log of three years had been dated nowhere); a
# day that opens a heading of more words ("## 17 June 2026 — rating 5"); a month's heading of a known year with no
# day under it, that month's first day, as a monthly note is dated ("## Jan 2025" of a list of price changes)
_DAY_OF_MONTH = re.compile(rf"\s*(?:{_WEEKDAY},?\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+([A-Za-z]{{3,9}})\.?|"
                           rf"([A-Za-z]{{3,9}})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})/(\d{{1,2}}))\s*", re.IGNORECASE)
_OPENING_DAY = re.compile(r"\s*(.{6,24}?)(?:\s*[—–:]|\s+-|(?=\s+\())\s+\S")  # "17 June 2026 — rating 5", "2026-03-12:
# deep clean", "14 Oct 2026 (post wedding)"
# ... or closes a label of a few words ("## Visit 12/12/25", "Site visit 14 Oct 2026", "Call - 3rd March 2026": trial
# s58 PD's archive visits had been of no day)
# (a few words, up to five before a dash or a colon: "Phone call with Marek – 18/06/26"; not a week's: "week of 23/11")
# (a number among its words: "Advent 3 — 13 Dec", trial s69 N)
CLOSING_LABEL = (r"\s*(?![^\d]*\b(?i:week|wk)s?\b)[A-Za-z][A-Za-z'’&]*(?:(?:\s+(?:[A-Za-z'’&]+|\d{1,2}(?=\s*[:–—-])))"
                 r"{0,2}(?:\s*[:–—-])?|(?:\s+[A-Za-z'’&]+){3,4}\s*[:–—-])\s+")
_CLOSING_DAY = re.compile(CLOSING_LABEL + r"((?=\d|(?i:" + CALENDAR_WORD + r")\b|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d)"
                          r".{6,24}?)\s*(?:\([^()]*\))?\s*")
_A_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")


def day_of_month_heading(text: str, year: str | None, near: str | None = None) -> str | None:
    """The day a heading that is only a day of a month without its year ("Nov 29", "Wed 5 Mar", "18/7") is in year
    (near: the first day of the month heading it is under, ISO; of the next or the last year where only that is on its
    weekday and nearer that day: "Wed 3 Jan" under "December 2028", not a weekday slip of its own month's, "Wed 5 Dec");
    None for other text (a month's name alone: "## May" of a team page is a person)."""
    if (n := _NUMBERS_THEN_WEEKDAY.fullmatch(text)) is not None:  # "25/11 Wed" as "Wed 25/11" (trial s71 J's log),
        text = f"{n[2]} {n[1]}"  # "28/11 (Sat)" too (trial s72 C's)
    if year is not None and (w := _WEEKDAY_NUMBERS.fullmatch(text)) is not None and (day := _slashed_on(w, year)):
        return day
    m = _DAY_OF_MONTH.fullmatch(text)
    day = _day_of_month(m, year) if m is not None else None
    if day and near and _on_its_weekday(day, text) is None:
        # (a weekday it is not on in year, but in the next or the last it is: "## Wed 3 Jan" of "diary/2028-12.md" is
        # 2029's, trial s88 V, it had been of a Monday in 2028)
        def off(d: str) -> int:
            return abs((_dt.date.fromisoformat(d) - _dt.date.fromisoformat(near)).days)
        other = [d for y in (int(year) + 1, int(year) - 1) if (d := _day_of_month(m, str(y))) and _on_its_weekday(d, text)]
        return other[0] if other and off(other[0]) < off(day) else day
    return day


_NUMBERS_THEN_WEEKDAY = re.compile(rf"\s*(\d{{1,2}}/\d{{1,2}})\s+\(?({_WEEKDAY})\)?\s*", re.IGNORECASE)
_WEEKDAY_NUMBERS = re.compile(rf"\s*({_WEEKDAY}),?\s+(\d{{1,2}})/(\d{{1,2}})\s*", re.IGNORECASE)


def _slashed_on(m: re.Match, year: str) -> str | None:
    """The one day of "Wed 2/12" (_WEEKDAY_NUMBERS) in year on its weekday, whichever its order: the 2nd of December,
    a Wednesday in 2026, not the 12th of February (trial s72 C: its log's "## Wed 2/12" had been of no day); None if
    both orders or neither fall on it."""
    a, b = int(m[2]), int(m[3])
    days = {d for day, month in ((a, b), (b, a)) if 1 <= month <= 12
            and (d := calendar_day(_MONTH_NAMES[month - 1], str(day), year)) and _on_its_weekday(d, m[0].strip())}
    return days.pop() if len(days) == 1 else None


def headings_day(headings: Sequence[str], year: str | None = None, dated: str | None = None) -> str | None:
    """_headings_day's, else that of the headings with their asides (_ASIDE) left out."""
    day = _headings_day(headings, year, dated)
    if day is None and any("(" in h for h in headings):
        bare = [_ASIDE.sub("", h) if "(" in h else h for h in headings]
        return _headings_day(bare, year, dated) if bare != list(headings) else None
    return day


def _headings_day(headings: Sequence[str], year: str | None = None, dated: str | None = None) -> str | None:
    """The day a passage's headings (outermost first) are: the innermost that is a day (heading_day) or opens with
    one; else a day's number under its month's name, or a day and its month, under its year (a heading that is or
    says one: "2022", "November 2022", "Log 2025"; else year, the one its note's name says; else dated, its note's
    date's), as a log in one file heads its days; else the first day of a month of such a year its innermost heading
    is (not of its note's date's year alone: "## Jan" and "## May" of a team page are people, the review)."""
    for text in reversed(headings):
        if (day := heading_day(text) or day_month_yy(text) or numbered_day(text) or _opening_day(text)
                or _closing_day(text) or _synced_day(text) or _dashed_day(text)) is not None:
            return day
    for at in range(len(headings) - 1, -1, -1):
        said = _year_above(headings[:at]) or year
        known = said or dated
        # a month and its year's last two digits under that year ("### May 25" under "## 2025": May 2025, not the 25th
        # of May; trial s57 MC's learning log had "what did I do on 26 june" find its "Jun 26")
        if said and (m := _MONTH_YY.fullmatch(headings[at])) and m[2] == said[-2:] and month_number(m[1]):
            return calendar_day(m[1], "1", said)
        if day := day_of_month_heading(headings[at], known, near=_month_above(headings[:at])) \
                or _day_before_words(headings[at], known, _month_above(headings[:at])) \
                or _bracketed_day(headings[at], known) or _closing_day_of(headings[at], known):
            return day
        if "月" in headings[at] and (day := cjk_day(headings[at], known)):
            return day
        if (n := _DAY_NUMBER.fullmatch(headings[at])) is not None:
            month = next((m for h in reversed(headings[:at]) if (m := _MONTH_ALONE.fullmatch(h)) and
                          month_number(m[1])), None)
            known = month and (month[2] or known)
            return calendar_day(month[1], n[1], known) if known else None
        if at == len(headings) - 1 and (m := _MONTH_ALONE.fullmatch(headings[at])) and month_number(m[1]):
            said = m[2] or said
            return calendar_day(m[1], "1", said) if said else None
        if at == len(headings) - 1 and (start := _months_start(headings[at])):
            return start
    # ... else the innermost that closes with a day in full after more words (_closing_weekday_day)
    return next((day for text in reversed(headings) if (day := _closing_weekday_day(text, not (year or dated)))), None)


# an aside in brackets of no number in a heading, read past for its day: "## Mon 31 May (bank hol) – OPEN 12–8" (trial s78
# Q: its staff lines had been of the 1st, its note's month)
_ASIDE = re.compile(r"\s*\((?![^()]*\d)[^()]*\)")


# a heading of words and its day in brackets without a year: "Xmas Day (Fri 25 Dec)" of "Christmas + New Year rota 2026"
# (trial s66 E: its rota had been of no day)
_DAY_BRACKETED = re.compile(r"\s*[A-Za-z][^()]*?\s*\(\s*([^()]{3,24}?)\s*\)\s*")


def _bracketed_day(text: str, year: str | None) -> str | None:
    """The day of year, or of the year it says itself ("Autumn 2026 (Fri 27 Nov 26)", trial s71 G: its parents' count
    had been of no day), in brackets after a heading's words (_DAY_BRACKETED), on the weekday it says, if it says one;
    None for another heading."""
    m = _DAY_BRACKETED.fullmatch(text)
    if m is None:
        return None
    # (its own year after it, or before it, "Last Easter (2028, 16 April)", or its words' ("Burns Night 2028 (Tue 25
    # Jan)"), over its note's: trial s86 M, of the note's day)
    words_year = _A_YEAR.search(text, 0, m.start(1))
    if own := _OWN_YEAR.fullmatch(m[1]):
        inner, year = own[1], century(own[2])
    elif own := _YEAR_FIRST.fullmatch(m[1]):
        inner, year = own[2], own[1]
    elif words_year and _OPENING_WEEKDAY.match(m[1]) and (day := day_of_month_heading(m[1], words_year[1])) \
            and _on_its_weekday(day, m[1]):  # (its words' year only where its weekday holds in it: not "Self
        return day  # assessment 2027/28 (31 Jan)", "Honda Jazz 2019 (14 Mar)" of a note of 2029, the review)
    else:
        inner = m[1]
    day = day_of_month_heading(inner, year) if year else None
    return _on_its_weekday(day, m[1]) if day else None


@lru_cache(maxsize=1 << 12)
def span_bracketed(text: str, year: str) -> str | None:
    """The first day, of year, of the span of days a heading writes in brackets after its words ("Feb half term (12–16
    Feb)", "Half term (Mon 12 – Fri 16 Feb)"), on the weekday it says; else None. (Not headings_day's: a line under it
    that writes its own day is of that, chunking._span_heading_day.)"""
    m = _DAY_BRACKETED.fullmatch(text)
    if m is None or not (span := _DAYS_SPAN.fullmatch(m[1])):
        return None
    day = day_of_month_heading(f"{span[1] or ''}{span[2]} {span[3]}", year)
    return _on_its_weekday(day, m[1]) if day else None


_DAYS_SPAN = re.compile(r"(" + _WEEKDAY + r"\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*(?:" + _WEEKDAY
                        + r"\s+)?\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?)", re.IGNORECASE)  # "Mon 12 – Fri 16 Feb"
_YEAR_FIRST = re.compile(r"((?:19|20)\d\d),\s*(.*[A-Za-z].*)")  # "2028, 16 April"
_OWN_YEAR = re.compile(r"(.*[A-Za-z].*?)\s+((?:19|20)\d\d|\d\d)")  # "Fri 27 Nov 26", "27 Nov 2026"


_DAY_THEN_WORDS = re.compile(r"\s*(\S+(?:\s+\S+){0,2}?)\s+[–—-]\s+\S")  # "Sat 17/01 – The Crown, trio"


def _day_before_words(text: str, year: str | None, near: str | None = None) -> str | None:
    """The day of year a heading opens with before a dash and words (day_of_month_heading's: "Sat 17/01 – The Crown,
    trio" under "## January" of "Gig Log 2026", trial s60 UA: its gigs had been of no day; near: its month heading's
    first day, "# January 2030" > "## Mon 31 Dec - New Year's Eve" 2029's, trial s89 S); None for another."""
    m = _DAY_THEN_WORDS.match(text) if year else None
    return day_of_month_heading(m[1], year, near) if m else None


# a heading of months and their year ("Feb - Mar 2026", "Nov 2025 - Jan 2026"), or of words and a month in brackets
# ("Season 2 additions (Nov 2026)"): of the first month's first day (trial s59 SA, SC: a project log's and a lessons
# note's later sections had been of the note's created day)
_MONTH_SPAN = re.compile(r"\s*([A-Za-z]{3,9})\.?(?:\s+((?:19|20)\d\d))?\s*[-–—]\s*([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)\s*")
_MONTH_BRACKETED = re.compile(r".*\S\s*\(\s*([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)\s*\)\s*")


def _months_start(text: str) -> str | None:
    """The first day of the first month a heading of months (_MONTH_SPAN) or a month in brackets after its words
    (_MONTH_BRACKETED) says; None for another heading."""
    if (m := _MONTH_SPAN.fullmatch(text)) is not None:
        first, last = month_number(m[1]), month_number(m[3])
        if first is None or last is None:
            return None
        year = m[2] or (m[4] if first <= last else str(int(m[4]) - 1))
        return f"{year}-{first:02d}-01"
    if (m := _MONTH_BRACKETED.fullmatch(text)) is not None and month_number(m[1]):
        return f"{m[2]}-{month_number(m[1]):02d}-01"
    return None


_MONTH_YY = re.compile(r"([A-Za-z]{3,9})\.?\s+[’']?(\d\d)")  # "May 25", "Sept '25"


# Readwise's heading over the highlights a later sync added: "New highlights added July 7, 2024 at 9:41 AM" (trial s46)
_SYNCED = re.compile(r"\s*New highlights added (.{6,24}?)(?: at \d{1,2}:\d{2}(?:\s*[AP]M)?)?\s*", re.IGNORECASE)


def _synced_day(text: str) -> str | None:
    """The day of a Readwise sync's heading (_SYNCED), None for another."""
    m = _SYNCED.fullmatch(text)
    return heading_day(m[1]) if m else None


def _opening_day(text: str) -> str | None:
    """The day a heading opens with before words of its own ("17 June 2026 — rating 5"; a day in ISO form before a
    space too, "2026-08-11 PBS backups failing"), None for another."""
    if (iso := _ISO_OPENING.match(text)) is not None:
        return as_date(iso[1])
    m = _OPENING_DAY.match(text)
    return heading_day(m[1]) or numbered_day(m[1]) if m else None


# (trial s61 XA: an incident log's "## 2026-08-11 PBS backups failing" had been of no day: "what broke in august 2026?"
# found only the daily note)
_ISO_OPENING = re.compile(r"\s*(\d{4}-\d\d-\d\d)\s+(?=[^\W\d])")


def _dashed_day(text: str) -> str | None:
    """The day one part of a heading set apart by dashes is ("#39 - 21/03/26 - glaze c6", a kiln log's firing: trial
    s61 YB's had been of no day), when one part only is a day; None for another."""
    if " - " not in text and "–" not in text and "—" not in text:
        return None
    parts = _PARTS.split(text)
    days = [d for part in parts if (d := heading_day(part) or numbered_day(part))]
    return days[0] if len(days) == 1 else None if days else _day_of_dashed_year(parts)


def _day_of_dashed_year(parts: list[str]) -> str | None:
    """The day one part of a heading is without its year, in the one year another part says ("Christmas Fair 2025 -
    Fri 5 Dec": trial s62 C's event notes had been of no day, or of their file name's season), on its weekday."""
    # (a title's year, closing its part; not one a sentence says of another thing, after a month, a colon or in an
    # aside, "Lunds' replies: boiler serviced Nov 2028", "the old queen (2027 yellow)": trials s87 H, E, "23 Apr —
    # Lunds' replies: ..." of 2028; "Year 6 leavers assembly and BBQ 2029 - Fri 20 July" of 2029, the review)
    years = {m[1] for part in parts if (m := _TITLE_YEAR.fullmatch(part))}
    if len(years) != 1:
        return None
    year = years.pop()
    days = [(d, part) for part in parts if (d := day_of_month_heading(part, year))]
    if len(days) != 1:
        return None
    return _on_its_weekday(*days[0])


def _on_its_weekday(day: str, text: str) -> str | None:
    """day (ISO), unless text opens with a weekday it is not on ("Sat 5 Dec" of 2025, a Friday: None)."""
    weekday = _OPENING_WEEKDAY.match(text)
    return day if weekday is None or WEEKDAYS[_dt.date.fromisoformat(day).weekday()] == weekday[1].lower() else None


_PARTS = re.compile(r"\s+[-–—]\s+")
_TITLE_YEAR = re.compile(r"(?!.*[:(])(?:.*\s)?(?<!\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s)"
                         r"(?<!\b(?i:sept|june|july)\s)(?<!\b(?i:march|april)\s)(?<!\b(?i:august)\s)"
                         r"(?<!\b(?i:january|october)\s)(?<!\b(?i:february|november|december)\s)(?<!\b(?i:september)\s)"
                         r"((?:19|20)\d\d)\W*")  # (a month's whole name only: "Flat number 2029" is a title's, the review)


def _closing_day(text: str) -> str | None:
    """The day a heading of a few words closes with ("Visit 12/12/25", "Site visit 14 Oct 2026"), None for another."""
    m = _CLOSING_DAY.fullmatch(text)
    return heading_day(m[1]) or numbered_day(m[1]) if m else None


def _closing_weekday_day(text: str, near_today: bool = False) -> str | None:
    """The day a heading of words closes with, written in full with its weekday ("Morecambe Kite festival — May bank
    hol Mon 3 May 2027": trial s78 F, more words than _closing_day's label, of no day), where it is on that weekday;
    near_today (no year known to read it in): of no year, of the one near today it is on; None for another."""
    m = _CLOSING_WEEKDAY_DAY.search(text) if any(ch.isdigit() for ch in text) else None
    if m is None and text[:1].isdigit() and (led := _YEAR_LED_DAY.fullmatch(text)):
        return _on_its_weekday(day, led[2]) if (day := calendar_day(led[4], led[3], led[1])) else None
    if m is None and near_today and (m := _CLOSING_WEEKDAY_NO_YEAR.search(text)) \
            and not _SPAN_BEFORE.search(text, 0, m.start()):
        # (... of no year, of the one near today it is on that weekday: "# Burns Night – Thu 25 Jan", trial s86 N, of
        # no day, its "Taxi back – Cotswold Cars booked for 11.30pm" 6th for "what time is my cab home tonight")
        from .periods import weekday_number, weekday_year_near

        month = month_number(m[3])
        year = weekday_year_near(month, int(m[2]), weekday_number(m[1]), NEAR_AHEAD_DAYS) if month else None
        return calendar_day(m[3], m[2], str(year)) if year else None
    if m is None:
        return None
    if _SPAN_BEFORE.search(text, 0, m.start()):
        return None  # (a span's end or a week's: "Norway — Mon 16 to Thu 26 Aug 2027", "call sheet, week of Mon 23 Nov")
    day = calendar_day(m[3], m[2], m[4])
    return _on_its_weekday(day, m[1]) if day else None


NEAR_AHEAD_DAYS = 183  # a heading's day of no year near today is no further ahead than this (not "Thu 7 Mar" of 2024's
# parents' evening read as 2030's, the review)
# (after a word or a comma: "## 2028 — at Moira's, Tue 25 Jan 2028", trial s86 G, its lines of no day)
_CLOSING_WEEKDAY_DAY = re.compile(r"(?<=[a-z])[,;]?\s+(?:[—–:-]\s+)?(" + _WEEKDAY + r",?\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+"
                                  r"((?:19|20)\d\d))\s*$", re.IGNORECASE)
_CLOSING_WEEKDAY_NO_YEAR = re.compile(r"(?<=[a-z])[,;]?\s+(?:[—–:-]\s+)?(" + _ANY_WEEKDAY_WORD + r")\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
                                      r"([A-Za-z]{3,9})\.?\s*$", re.IGNORECASE)  # (a weekday's word alone: not
# "Dinner with friends 25 Jan", the review)
# ... or a heading led by its year and a dash that writes a day with its weekday among a few words ("## 2029 — at
# ours, Thu 25 Jan, 7pm": trial s86 G)
_YEAR_LED_DAY = re.compile(r"((?:19|20)\d\d)\s*[—–:-]\s+(?:[^\W\d][\w'’]*,?\s+){0,4}?(" + _WEEKDAY
                           + r",?\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\b\.?)(?:,?\s+[^,]{1,12})?\s*", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"(?:\b(?:to|till|until|thru|through|of|commencing|beginning|starting|and)|w/c|\d|&)\s*[—–-]?$",
                          re.IGNORECASE)


def _closing_day_of(text: str, year: str | None) -> str | None:
    """The day of year a heading of a few words closes with, written without its year ("Advent 3 — 13 Dec", "Carol
    service - Sun 20 Dec": trial s69 N, "anthem on the 13th dec" had said nothing was dated then), on the weekday it
    says, if it says one; None for another."""
    m = _CLOSING_DAY.fullmatch(text) if year else None
    day = day_of_month_heading(m[1], year) if m is not None else None
    return _on_its_weekday(day, m[1]) if day else None


_NUMBERED_DAY = re.compile(r"\s*\d{1,4}[./]\d{1,2}[./]\d{2,4}\s*")


# a heading alone that is a day dotted with its year's two digits, day first, as Europe writes a diary's ("## 14.12.26",
# "### 19.7.25": trials s72 Q, s75 R); a dotted triple in running text or front matter may be a version's ("20.10.24")
_DOTTED_YY_DAY = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.([1-4]\d)\s*")
DOTTED_YEARS_BACK = 8  # years before today's a diary's dotted day of two digits may be of


def numbered_day(text: str) -> str | None:
    """The day a heading written in numbers is, as front matter's day is read ("24.03.2025", "14/04/2025",
    "2025/03/24"; "03/04/2025", either of two days, none): trial s46's client log had been dated nowhere; or a
    diary's dotted day of a two-digit year (_DOTTED_YY_DAY)."""
    if m := _DOTTED_YY_DAY.fullmatch(text):
        # (of a year near today's only: "## 1.2.10", "## 1.12.30" are versions, the review)
        year, this_year = int(century(m[3])), clock.today().year
        near = this_year - DOTTED_YEARS_BACK <= year <= this_year + 1
        return as_date(f"{year}-{int(m[2]):02d}-{int(m[1]):02d}") if near else None
    return front_matter_day(text) if _NUMBERED_DAY.fullmatch(text) else None


def year_said(text: str) -> str | None:
    """The year text says ("Log 2025", "2025"; not part of a longer number or a date: "2025-03-14"), else None."""
    y = _A_YEAR.search(text)
    return y[1] if y else None


def _month_above(headings: Sequence[str]) -> str | None:
    """The first day (ISO) of the month and year the innermost of headings that says a year is ("# December 2028"),
    else None (a year's, "## 2028", or none)."""
    said = next((h for h in reversed(headings) if year_said(h)), None)
    # (an aside of no number after it: "# January 2030 (plans)" > "## Mon 31 Dec", trial s89 S, of 2030 had been a
    # Tuesday's)
    m = _MONTH_ALONE.fullmatch(_ASIDE.sub("", said) if "(" in said else said) if said else None
    return calendar_day(m[1], "1", m[2]) if m and m[2] and month_number(m[1]) else None


def _year_above(headings: Sequence[str]) -> str | None:
    """The year the innermost of headings that says one says ("2025", "May 2025", "Log 2025"), else None."""
    return next((y for h in reversed(headings) if (y := year_said(h))), None)


def _day_of_month(m: re.Match, year: str | None) -> str | None:
    """The day _DAY_OF_MONTH read ("5 Mar", "March 20", "18/7": the order a number over 12 makes sure of), in year."""
    if year is None:
        return None
    if m[5]:
        first, second = int(m[5]), int(m[6])
        if (first > 12) == (second > 12):
            return None  # "3/4": the 3rd of April or the 4th of March
        day, month = (first, second) if first > 12 else (second, first)
        return calendar_day(_MONTH_NAMES[month - 1] if 1 <= month <= 12 else "", str(day), year)
    day, month = (m[1], m[2]) if m[1] else (m[4], m[3])
    return calendar_day(month, day, year) if month_number(month) else None


# a line that opens with its day, as a log in one paragraph writes each entry ("**14 May** People directory live",
# "2024-05-14: ...", "May 14 - ...", emphasis aside): trial s44, whose "**2 Apr**" lines had run into one sentence
# (a weekday before it, "Thurs 19th Nov 2026, phone call", "Mon 6th Oct - fitted": trial s55's job logs had been of
# no day)
_LINE_WEEKDAY = r"(?i:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?\s+"
# (after a log's entry number: "#34 Mon 27 Mar — show me / tell me Qs", trial s83 P: of no day, "when did i last have
# a driving lesson" had no newest)
ENTRY_NUMBER = r"#\d{1,4}\s*[-–—:.]?\s"  # a log's entry's number before its day ("#34 Mon 27 Mar", "#34 - Mon 27 Mar")
_LINE_DAY = re.compile(r"^\s*(?:" + ENTRY_NUMBER + r"\s*)?(?:\*\*|__|\*|_)?(?:" + _LINE_WEEKDAY + r")?"
                       r"(?:(\d{4}-\d{1,2}-\d{1,2})|(\d{1,2})(?:st|nd|rd|th)?"
                       # (the first of a span of days: "27–29 Nov – tree festival", trial s62 G)
                       # (... a weekday before its last: "Sat 11 – Sun 12 Sep: camping", the last read of session 79)
                       r"(?:\s*[–-]\s*(?:" + _LINE_WEEKDAY + r")?\d{1,2}(?:st|nd|rd|th)?)?\s+([A-Za-z]{3,9})\.?|"
                      # (month first, its year or a mark after it: "May 5 people joined" is no day's entry; "Nov 17th,
                      # 2026 Drop the Starter tier", as Logseq writes a day's link, is: trial s52's decisions log)
                      r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?=,?\s+(?:19|20)\d\d\b|(?:\*|_|\s*[:–—-]))|"
                      # (in numbers, as front matter's are read: "30/08/2022: node upgrade", trial s47; dotted with its
                      # whole year, "13.2.10: fixed the retry" is a version's)
                      r"(\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4}))"
                      # (its year, a whole one or two digits before a dash or a colon: "12 Jan 26 - measured up", or a
                      # bracket: "**14 Oct 26** (post wedding)", trial s58 QC)
                      # (not hours, "Sat 26 Dec 10 - 4", nor a span of numbers: the review)
                      # (... or a question mark: "Fri 12 Mar 27? Theme: anxiety", trial s71 G, had been of 2025)
                      # (... or a measure after the dash: "10 Jan 26 — 318g sterling → £221.43", trial s72 B)
                      r"(?:,?\s+(\d{4}|\d\d(?=\s*[:–—-]\s+(?!\d{1,2}(?:\b|[:.]|am|pm))|\?\s|(?:\*\*|__)?\s+\((?!\d))))?"
                      r"(?:\*\*|__|\*|_)?"
                      # (... or nothing: a list of days alone, "## 2027 dates" > "- Fri 7 May", trial s80 W-14)
                      r"(?=\s*[:–—,?-]?\s+\S|\s*$)")


# ... a CJK day a line opens with ("1月26日 プリヤと一緒にラーメンを作った", "2024年6月3日：...")
_CJK_LINE = re.compile(r"\s*" + _CJK_DATE + r"(?=\s*[:：、]?\s*\S)")


def line_day(text: str, year: str | None = None, order: str | None = None) -> str | None:
    """The day a line opens with (_LINE_DAY) as an ISO date, of the year it says or else of year; None when it
    opens with no day, or with a day of no year known. A day in numbers that may be either of two ("3/11/23") is read
    in order ("dmy" or "mdy": the note's other days', slashed_order); a month and its year ("March 2024: slipped
    tile", "2021-06 EICR done") is of its first day, as a monthly note is (trial s49: a house log's entries had
    been of no day)."""
    if (cjk := _CJK_LINE.match(text)) is not None:
        return cjk_day(cjk[0], year)
    m = _line_day_match(text)
    if m is None:
        return _ordered_day(text, order) or _line_month(text, year)
    if m[1] or m[6]:
        return as_date(m[1]) if m[1] else front_matter_day(m[6])
    day, month = (m[2], m[3]) if m[2] else (m[5], m[4])
    if m[7]:
        return calendar_day(month, day, century(m[7]))
    return of_its_weekday(text, month, day, year, text[m.end():]) if year else None


def line_day_near(text: str) -> str | None:
    """The day a line opens with, written after its weekday and of no year ("Tue 24 Apr: Nexgard restock"), of the
    one year near today it is on (weekday_year_near, NEAR_AHEAD_DAYS ahead at most), else None: an entry of a log of
    no year known (trial s87 J: "## Order log" of an undated note, its days all read as of none)."""
    from .periods import weekday_number, weekday_year_near

    m = _line_day_match(text)
    weekday = _OPENING_WEEKDAY.match(text)
    if m is None or weekday is None or m[1] or m[6] or m[7]:
        return None
    day, month = (m[2], m[3]) if m[2] else (m[5], m[4])
    year = weekday_year_near(month_number(month), int(day), weekday_number(weekday[1]), NEAR_AHEAD_DAYS)
    return calendar_day(month, day, str(year)) if year else None


_OPENING_WEEKDAY = re.compile(r"\s*(?:\*\*|__|\*|_)?(mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(r"\s*\(?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs?)?\.?\)?"
                            r"(?=\s*[:–—,-]|\s*$)", re.IGNORECASE)


SLIP_YEAR_CHARS = 60  # characters after a day its span's end and year are written in (" → Sat 17 Aug 2029")
# the end of a span of days after a day and its year: " → Sat 17 Aug 2029", " – Saturday 17 August 2029", " – Sat 17 Aug
# (St Ives) 2029"; not a year of something else further on, "— jumble sale, deposit paid Dec 2026" (the reviews)
_SPAN_END_YEAR = (r"(?:\s*(?:[-–—→>]+|to|until|till)\s*(?:[A-Za-z]{3,9}\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?"
                  r"(?:\s*\([^()\n]{0,30}\))?)?,?\s+")  # (or the year right after it, "Sat 10 – Sat 17 August 2029")


def of_its_weekday(text: str, month: str, day: str, year: str, after: str = "") -> str | None:
    """The day of month and day in year, or in the year either side where only that one is the weekday text opens with
    ("Sat 24 Apr — jumble" under "## Bookings already in for 2027" of December 2026's notes: a Friday in 2026, trial
    s64 M), or that follows the day (after: "1st Jan Fri: night" of a Christmas rota 2026, trial s72 G); not where the
    text writes year right after the day (after: what follows it)."""
    found = calendar_day(month, day, year)
    wanted = _OPENING_WEEKDAY.match(text) or _WEEKDAY_AFTER.match(after)
    def weekday(iso: str) -> str:  # (WEEKDAYS: the locale's names aside)
        return WEEKDAYS[_dt.date.fromisoformat(iso).weekday()]

    if found is None or wanted is None or weekday(found) == wanted[1].lower():
        return found
    # (a slip of the weekday where the line writes the year right after it, a span's: "Sat 10 Aug → Sat 17 Aug 2029" of
    # "Cornwall 2029", 10 August 2029 a Friday, trial s91 H: it had been 2030's, last summer's week "Dated from
    # 2030-08-01"; not a year said of another thing further on, "— jumble sale, deposit paid Dec 2026": the review)
    if re.match(_SPAN_END_YEAR + year + r"(?![\d/-]|\.\d)", after[:SLIP_YEAR_CHARS]):
        return found
    for other in (str(int(year) + 1), str(int(year) - 1)):
        if (near := calendar_day(month, day, other)) and weekday(near) == wanted[1].lower():
            return near
    return found


# a month and its year opening a log's line ("March 2024: slipped tile", "Oct 2021 service - ...", "2021-06 EICR")
_LINE_MONTH = re.compile(r"^\s*(?:\*\*|__)?(?:([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-(0[1-9]|1[0-2]))"
                         r"(?:\*\*|__)?(?![\d/.-]\d)(?=\s*[:–—,-]?\s+\S)")


# ... or a month alone as its label ("Jan: 1st on Sat 09/01" under "## 2027", trial s70 C: of no day, and "when am i
# next on call in january" had found nothing of January 2027)
_LINE_MONTH_LABEL = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z]{3,9})\.?(?:\*\*|__)?(?::|\s+[–—-])\s*\S")


def _line_month(text: str, year: str | None = None) -> str | None:
    """The first day of the month a line opens with and its year (_LINE_MONTH), or the month alone as the line's
    label, of year (_LINE_MONTH_LABEL), else None ("may 2024 be good", "may: ask Tom")."""
    m = _LINE_MONTH.match(text)
    if m is None:
        label = _LINE_MONTH_LABEL.match(text) if year else None
        month = month_number(label[1]) if label and not _lowercase_verb(label[1]) else None
        return f"{year}-{month:02d}-01" if month else None
    if m[3]:
        return f"{m[3]}-{m[4]}-01"
    month = month_number(m[1])
    if month is None or _lowercase_verb(m[1]):
        return None
    return f"{m[2]}-{month:02d}-01"


def _lowercase_verb(month: str) -> bool:
    """Is a month's name written in lower case a word of its own as well ("may", "march", "mar")?"""
    return month[0].islower() and month.lower() in ("may", "march", "mar")


SLASHED_DAY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)(?![\d/])")


def slashed_order(texts: Iterable[str]) -> str | None:
    """The order the days written in numbers in texts are in: "dmy" when some can only be day first ("14/02/2023")
    and none only month first ("02/14/2023"), "mdy" the reverse; else, where the numbers say neither, the order its
    days with a month's name are written in ("9 Jan 2026": "dmy", "Jan 9, 2026": "mdy", named_order); else None."""
    texts = list(texts)
    first, second = _which_first(m for text in texts if "/" in text for m in SLASHED_DAY.finditer(text))
    if first != second:
        return "dmy" if first else "mdy"
    return named_order(texts) if not first and any(SLASHED_DAY.search(t) for t in texts if "/" in t) else None


def numbers_order(days: Iterable[re.Match]) -> str | None:
    """The order days in numbers are in (their first two numbers a match's groups 1 and 2): "dmy" where some can only
    be day first and none only month first, "mdy" the reverse, else None."""
    first, second = _which_first(days)
    return ("dmy" if first else "mdy") if first != second else None


def _which_first(days: Iterable[re.Match]) -> tuple[bool, bool]:
    """Of days in numbers (their first two numbers a match's groups 1 and 2): can some only be day first, can some
    only be month first?"""
    first = second = False
    for m in days:
        a, b = int(m[1]), int(m[2])
        first |= 12 < a <= 31 and 1 <= b <= 12
        second |= 12 < b <= 31 and 1 <= a <= 12
    return first, second


def entries_order(texts: Iterable[str]) -> str | None:
    """The order of the days lines open with in numbers without their year, a weekday before them or not ("26/08 -
    Sepsis update", "Sat 27/3 - Hannah final": "dmy"), where some can only be day first and none only month first, or
    the reverse; else None (slashed_order's, of days written without their year)."""
    first, second = _which_first(m for text in texts if (m := _ENTRY_DAY.match(text)) is not None)
    return ("dmy" if first else "mdy") if first != second else None


_ENTRY_DAY = re.compile(r"\s*(?:(?i:" + ANY_WEEKDAY + r")\.?,?\s+)?(\d{1,2})/(\d{1,2})(?![/\d])(?=\s*[:–—-]?\s+[^\d\s])")


# a day and its month's name, day first ("9 Jan", "3rd March 2026") or month first with its year ("Jan 9, 2026": "May
# 5 people came" is no day); the month's name capitalised ("2 may join" is a verb)
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_NAMED_DAY_FIRST = re.compile(rf"(?<![\d/.])\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD}(?![A-Za-z])")
_NAMED_MONTH_FIRST = re.compile(rf"(?<![A-Za-z]){MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")


# a month's name or its abbreviation as a word, not a word that opens as one ("Market", "Decking", "Junior": the review)
_MONTH_NAMED = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
                r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])")
_DAY_THEN_MONTH = re.compile(rf"(?<![\d/.£$€:])\b[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH_NAMED}")
_MONTH_THEN_DAY = re.compile(rf"(?<![A-Za-z]){_MONTH_NAMED}\s+[0-3]?\d(?:st|nd|rd|th)?(?![\d:.])(?!\s*(?:am|pm)\b)")


def named_orders(texts: Iterable[str]) -> tuple[int, int]:
    """How many of texts write a day with a month's name day first ("9 Jan", "Fri 3rd Dec 2027"), and how many month
    first ("Dec 3", "Jan 9, 2026")."""
    first = second = 0
    for t in texts:
        first += _DAY_THEN_MONTH.search(t) is not None
        second += _MONTH_THEN_DAY.search(t) is not None
    return first, second


def named_order(texts: Sequence[str]) -> str | None:
    """"dmy" when texts write days with a month's name only day first ("9 Jan 2026"), "mdy" when only month first
    ("Jan 9, 2026"), else None: a note's "9/1/26" is written as its "9 Jan 2026" is (trial s58 PD: an archive's "##
    Visit 9/1/26" beside "Visited: 12 Dec 2025, 9 Jan 2026" had been of no day)."""
    first = any(_NAMED_DAY_FIRST.search(t) for t in texts)
    second = any(_NAMED_MONTH_FIRST.search(t) for t in texts)
    return "dmy" if first and not second else "mdy" if second and not first else None


def slashed_day(text: str, order: str | None = None) -> str | None:
    """The day text is in numbers with slashes ("14/10/2026", "3/11/23"): read the one way a number over 12 allows,
    else in order ("dmy" or "mdy", slashed_order's); None when it is none, or may be either of two and no order is
    known."""
    n = SLASHED_DAY.fullmatch(text.strip())
    if n is None:
        return None
    a, b = int(n[1]), int(n[2])
    if (a > 12) == (b > 12) and order is None:
        return None
    day, month = (a, b) if a > 12 or (b <= 12 and order == "dmy") else (b, a)
    return as_date(f"{century(n[3])}-{month:02d}-{day:02d}")


def slashed_days(text: str, order: str) -> frozenset[str]:
    """The days text writes in numbers with slashes (slashed_day's), those that may be either of two read in order."""
    return frozenset(d for m in SLASHED_DAY.finditer(text) if (d := slashed_day(m[0], order))) if "/" in text \
        else frozenset()


def _ordered_day(text: str, order: str | None) -> str | None:
    """The day in numbers a line opens with that may be either of two ("3/11/23"), read in order; else None."""
    m = _LINE_DAY.match(text) if order else None
    return slashed_day(m[6], order) if m is not None and m[6] else None


def opens_with_day(line: str) -> bool:
    """Does the line open with a day (line_day's), whatever its year? ("3 people came" does not, nor "2 may join")."""
    # (a CJK day of any year: of 2000, a leap year's, to know "2月29日" is one)
    # (not a day alone, "Mon 25 - Fri 29 Oct 2027", a list's day of no words: its opening no bonus, the s80 rescore,
    # s77 L-13 "Tues: boiler service 8-12" had come 7th under it)
    return (m := _CJK_LINE.match(line)) is not None and cjk_day(m[0], "2000") is not None \
        or (d := _line_day_match(line)) is not None and not _day_alone(line, d)


def opens_dated(line: str) -> bool:
    """Does the line open with a log's day or month: one with its year (line_day's), a day in numbers that may be
    either of two ("3/11/23"), a month and its year ("March 2024: ..."), or a day and a mark after it ("Jan 23:
    physio")? A log's entry, not the next one's context; "2 May bars" of a kit list is none (the review)."""
    m = _LINE_DAY.match(line)
    if m is not None and _day_alone(line, m):  # (a day alone heads the lines after it, a label: the s80 rescore, s77
        return False  # L-13's "Mon 25 - Fri 29 Oct 2027" had lost its week's "Tues: boiler service")
    return line_day(line) is not None or _line_month(line) is not None or bool(m and m[6]) \
        or bool(m and _line_day_match(line) and _MARK_AFTER.match(line, m.end()))


_MARK_AFTER = re.compile(r"\s*[:–—-]\s")


def _day_alone(line: str, m: re.Match) -> bool:
    """Does the line say nothing after the day _LINE_DAY read at its opening (m): a day alone, a list's or a label's?"""
    return not line[m.end():].strip(" *_")


def _line_day_match(text: str) -> re.Match | None:
    """_LINE_DAY's match of text when it is a day: a real date, or a month's name ("May" and "March" capitalised: "may"
    and "march" are words too) and a day's number of 1 to 31."""
    m = _LINE_DAY.match(text)
    if m is None or m[1] or m[6]:
        return m if m is None or (as_date(m[1]) if m[1] else front_matter_day(m[6])) else None
    day, month = (m[2], m[3]) if m[2] else (m[5], m[4])
    known = month_number(month) is not None and (month[0].isupper() or month.lower() not in ("may", "march", "mar"))
    return m if known and 1 <= int(day) <= 31 else None


# the words of what a section of a month or a year holds ("## November spending", "## Payments log 2029")
PERIOD_HOLDS = frozenset("spending spend spent costs cost bills bill expenses income takings sales payments paid totals "
                         "total summary log diary notes plan plans planning review budget orders invoices jobs rota "
                         "schedule calendar events dates fixtures figures stats readings accounts purchases wages "
                         "timesheet timesheets report update goals tasks todo to-do meetings bookings deliveries "
                         "shopping outgoings money finances work overtime hours mileage claims actuals actual".split())
# a year and a word or two of what is listed under it: "## 2027 dates", "## Dates for 2027" (trial s80 W-14: the dates of
# a market's page, "Fri 7 May", of no year)
_YEAR_LABEL = re.compile(r"\s*(?:(?:dates|fixtures|calendar|diary|schedule|bookings|plan|plans)(?:\s+(?:for|in))?\s+"
                         r"((?:19|20)\d\d)|((?:19|20)\d\d)\s+(?:dates|fixtures|calendar|diary|schedule|bookings|plan|plans))"
                         r"\s*:?\s*", re.IGNORECASE)
# ... or a word or two of a log's (PERIOD_HOLDS): "## Payments log 2029" (trial s87 I: its "17/04 - Hamlet Mutual
# insurance £229" had been of no day, out of ten for "what did we pay out in april"), its entries' year as a title's is
_HOLDS = "|".join(re.escape(w) for w in sorted(PERIOD_HOLDS, key=len, reverse=True))
# (... after a word of what it is a log of, its year in brackets too: "## Lesson log (2029)" of a learner driver's rows
# "| Thu 30 Aug | 1h |", trial s88 E: of no day, the lesson of 26 July the newest for "when did i last have a driving
# lesson")
_YEAR_LISTED = re.compile(r"\s*(?:(?:[^\W\d][\w'’&-]*\s+)?(?:(?:" + _HOLDS + r")\s+){1,2}(?:(?:for|in)\s+)?\(?((?:19|20)\d\d)\)?"
                          r"|((?:19|20)\d\d)\s+(?:" + _HOLDS + r")(?:\s+(?:" + _HOLDS + r"))?)\s*:?\s*", re.IGNORECASE)


def listed_year(headings: Sequence[str]) -> str | None:
    """The year of the innermost of headings that is a year and a word or two of what a log of it lists (_YEAR_LISTED:
    "Payments log 2029", "2028 log (short - detail in the daily notes)"), else None."""
    return next((m[1] or m[2] for h in reversed(headings)
                 if (m := _YEAR_LISTED.fullmatch(h) or "(" in h and _YEAR_LISTED.fullmatch(_ASIDE.sub("", h)))), None)


def headings_year(headings: Sequence[str]) -> str | None:
    """The year the innermost heading that is a year, or a month or a season of a year, says ("## 2024", "## May 2024",
    "## Spring 2027": trial s74 A, its list "13/01 - Breaking bad news" had been of no day)."""
    for text in reversed(headings):
        if (cjk := _CJK_YEAR.fullmatch(text) or _SEASON_ALONE.fullmatch(text) or _YEAR_LABEL.fullmatch(text)
                or _SEASON_LABELLED.fullmatch(text)) is not None:
            return next(g for g in cjk.groups() if g)
        m = _YEAR_ALONE.fullmatch(text) or _MONTH_ALONE.fullmatch(text) or _MONTH_LABELLED.fullmatch(text)
        if m is not None and (m.re is _YEAR_ALONE or m[2] and month_number(m[1])):
            return m[1] if m.re is _YEAR_ALONE else m[2]
    return None


def month_number(word: str) -> int | None:
    """A month's number from its name or its first three letters ("Nov", "November", "Sept"); None for another word."""
    word = word.lower()
    return next((i for i, name in enumerate(_MONTH_NAMES, 1) if word in (name, name[:3]) or word == "sept" == name[:4]),
                None)


def calendar_day(month: str, day: str, year: str) -> str | None:
    """A day named by its month's name ("Nov" or "November"), day and year, as an ISO date; None if
    there is no such day."""
    try:
        return _dt.datetime.strptime(f"{month[:3].title()} {day} {year}", "%b %d %Y").date().isoformat()
    except ValueError:
        return None


# a comma between values, not a number's thousands ("£1,862.30": trial s51's takings had been shown "£1, 862.30"), nor
# inside a link ("buying: [[Flat 3, 22 Warwick Road]]": trial s77 E, shown raw)
_LIST_COMMA = re.compile(r"(?:(?<!\d),|,(?!\d{3}(?!\d)))(?![^\[\]\n]*\]\])")


def as_list(value, unique: bool = True) -> tuple[str, ...]:
    """A front-matter value that may be one string, a comma list or a YAML list, as strings (each once, unless not
    unique: a value shown as written, "headcount:: 30, 30, 27")."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = _LIST_COMMA.split(value)
    elif isinstance(value, (list, tuple, set)):
        parts = [str(v) for v in value if v is not None]
    else:
        parts = [str(value)]
    return _unique(parts) if unique else tuple(_cleaned(parts))


_PLACEHOLDER = re.compile(r"<%.*%>|\{\{.*\}\}")  # a template's value not filled in: "<% tp.file.title %>", "{{title}}"


def note_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """A note's aliases as names: not a template's placeholder left unfilled, a tag's "#" not part of one."""
    return tuple(dict.fromkeys(v.lstrip("#").strip() for v in values if not _PLACEHOLDER.search(v) and v.strip("# ")))


# front-matter fields that say who or where a note is from: "papers by Jamie Callan", "the SIGIR 2021 paper"
# the keys of a record's fields, what an exporter or app writes on every note ("Full Title: Deep Work", a
# Readwise note's Metadata; "Category: #books"): what the note is, not what it says
RECORD_KEYS = frozenset({"title", "full title", "category", "categories", "type", "tags", "url", "link", "source",
                         "reference", "asin", "isbn", "cover", "created", "updated", "date", "published", "year",
                         "author", "authors", "document tags", "highlights"})
CREDIT_FIELDS = ("author", "authors", "by", "creator", "creators", "editor", "editors", "speaker", "speakers",
                 "presenter", "host", "hosts", "guest", "guests", "attendees", "participants", "people", "with",
                 "venue", "journal", "conference", "booktitle", "publisher", "source", "company", "organization",
                 "year",
                 # (who made a piece of music, a film, a picture: "composer:: Rachmaninoff", trial s57)
                 "composer", "composers", "arranger", "lyricist", "artist", "artists", "performer", "performers",
                 "director", "directors", "illustrator", "translator", "narrator", "band")


def credits(meta: dict, values: Callable[[Any], tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The values of a note's CREDIT_FIELDS: words it is found by (in the keyword index, not shown).
    values reads one field's value as a list (as_list; a Logseq page's properties: property_list)."""
    values = values or as_list
    return tuple(v for key in CREDIT_FIELDS if meta.get(key) for v in values(meta[key]) if v.strip())


# fields read otherwise (title, tags, days, names, credits) or that are an app's own settings, not what a note is
_NOT_PROPERTIES = frozenset({
    "title", "tags", "tag", "aliases", "alias", "date", "created", "updated", "modified", "last_edited",
    "last-edited", "date created", "date modified", "created_at", "updated_at", "created at", "updated at",
    "last updated at", "creation date", "created on", "source url", "link to original content", "id", "uid",
    "cssclass", "cssclasses", "publish", "permalink", "layout", "kanban-plugin", "excalidraw-plugin", "desc", "description",
    "collapsed", "icon", "banner", "cover", "url", "link", "links", "template", *CREDIT_FIELDS})
_PROPERTY_MARKUP = re.compile(r"^\s*#?\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]\s*$|^\s*#(?=\w)")  # [[Done]], #done


def properties(meta: dict, values: Callable[[Any], tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """A note's other fields with a short value, "key: value" each (key in lower case, one per value of a
    list): "status: Done", "type: book", "draft: true". What "which studies are done?" asks notes by.
    values reads one field's value as a list (as_list; a Logseq page's properties: property_list)."""
    values = values or as_list
    out: dict[str, None] = {}
    for key, value in meta.items():
        key = str(key).strip().lower()
        if key in _NOT_PROPERTIES or value is None or isinstance(value, (dict, _dt.date)):
            continue
        parts = [_PROPERTY_MARKUP.sub(lambda m: m.group(1) or "", str(v)).strip().strip("\"'")
                 for v in ((str(value).lower(),) if isinstance(value, bool) else values(value))]
        if all(len(v) <= 40 and len(v.split()) <= 4 for v in parts):  # not a sentence with commas in it
            out.update((f"{key}: {v}", None) for v in parts if v)
    return tuple(out)


# Front-matter fields that are no property a reader looks up: the note's name, tags and days (its metadata,
# searched and filtered by), and the settings of the app, a theme, a plugin or a site
_UNSHOWN = _NOT_PROPERTIES - {"url", "link", "links", "source url", "link to original content", "description",
                              *CREDIT_FIELDS}
# ... nor what kind of note it is: "which notes are definitions?" finds notes by it (properties), but as a passage
# "type: definition", in 1,020 of a study vault's 1,023 notes, came before the answer in its note (session 35)
NOTE_KINDS = frozenset({"type", "subtype", "kind", "category", "categories", "class"})  # what kind of note it is
_KIND_FIELDS = NOTE_KINDS | {"status", "format"}
_STATE_FIELDS = frozenset({"status"})  # what state a note's thing is in: shown beside other fields
# ... nor a docs site's page settings (Hugo, Jekyll themes, Docusaurus): where the page sits in the site's menus
_SITE_FIELDS = frozenset({"weight", "slug", "lastmod", "nav_order", "parent", "grand_parent", "has_children",
                          "nav_exclude", "sidebar_position", "sidebar_label", "sidebar_class_name", "toc", "toc_label",
                          "toc_sticky", "toc_min_heading_level", "toc_max_heading_level", "classes",
                          "last_modified_at", "hide_title", "hide_table_of_contents", "menu", "pagination_next",
                          "pagination_prev", "custom_edit_url", "sitemap", "search_exclude", "redirect_from",
                          "redirect_to", "excerpt_separator", "comments", "share", "related", "author_profile",
                          "header", "thumbnail", "image", "featured_image", "hero", "publishdate", "expirydate",
                          "linktitle", "translationkey", "outputs", "build", "cascade", "headless", "markup"})
_NOT_SHOWN = _UNSHOWN | _KIND_FIELDS | _SITE_FIELDS
# ... of them, words a note of a person's own says as much ("weight: 78.4" of a runner's day, trial s46; "parent: Harjit
# Sandhu" of a pupil's note, trial s74 I, had been neither shown nor searched): shown but on a site's page
_SITE_WORDS = frozenset({"weight", "parent", "comments", "menu", "header", "build", "share"}) - _UNSHOWN - _KIND_FIELDS
_FILE_VALUE = re.compile(r"^(?:/\S*|\S+\.(?:png|jpe?g|gif|svg|webp|avif|bmp))$", re.IGNORECASE)  # a site's path, a picture
SHOWN_VALUE_CHARS = 300


_KIND_SAYS_MORE = re.compile(r"\d|[()]|\S+\s+\S+\s+\S+\s+\S")  # a number, brackets, four words or more


def _more_than_a_day(value) -> bool:
    """Does a day's value say more than its day: a time, or words after a comma ("Tue 15 June 2027, 5.30pm, library"),
    or no day at all ("after the AGM")?"""
    return isinstance(value, str) and as_date(value) is None and "{{" not in value and (
        _DAY_SAYS_MORE.search(value) is not None
        or heading_day(value.strip()) is None and len(re.findall(r"[A-Za-z]{2,}", value)) >= 2)  # (not "2026-11")


_DAY_THEN_MORE = re.compile(r",|\s+at\s+|\s+\d{1,2}[:.]\d\d|\s+\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)  # (the review: "15 June
# 2027 at 5.30pm" had dated nothing)
_DAY_SAYS_MORE = re.compile(r"\d{1,2}[:.]\d\d\b|\d\s*(?:am|pm)\b|,\s*[A-Za-z]", re.IGNORECASE)


def _more_than_a_kind(value) -> bool:
    """Does a kind's or a status's value say more than a label ("Druid (Circle of Wildfire) 8", not "definition",
    "in progress")?"""
    return isinstance(value, str) and _KIND_SAYS_MORE.search(value) is not None


def shown_fields(meta: dict) -> tuple[str, ...]:
    """The front matter's fields as the app's properties view shows them, "servings: 4", "source: https://...",
    a list's values with commas: those a reader looks up, not the note's name, tags and days, what kind of note
    it is, the settings of the app, a plugin or a site, a checkbox, a picture, a site's path or a list of records
    (trial s35: "how many servings does the chilli make?" had found nothing, its front matter neither shown nor
    searched)."""
    out = []
    not_shown = _NOT_SHOWN if _a_site_page(meta) else _NOT_SHOWN - _SITE_WORDS
    # a job's "status: in progress" beside its client and deadline (trial s52: it had been left out, "status of the
    # siemens job" unanswered); alone, or beside only fields never shown (a checkbox, a plugin's: the review), it says
    # only what state the note is in
    others = any(not _hidden(str(key).strip(), value, not_shown) for key, value in meta.items())
    for key, value in meta.items():
        name = str(key).strip()
        if _hidden(name, value, not_shown) and not (name.lower() in _STATE_FIELDS and others and _a_value(value)):
            continue
        values = [value.isoformat() if isinstance(value, _dt.date) else str(v) for v in
                  ((value,) if isinstance(value, _dt.date) else as_list(_link_labels(value), unique=False))]
        # (every value as written: "headcount:: 30, 30, 27" had been shown "30, 27", trial s68 W)
        values = [_PROPERTY_MARKUP.sub(lambda m: m.group(1) or "", v).strip() for v in values]
        # (links among words: "[[14 Albert Road]] Flat 1", trial s77 J, shown by their names)
        values = [_LINK_IN_VALUE.sub(r"\1", v) if "[[" in v else v for v in values]
        values = [v for v in values if v and not _FILE_VALUE.match(v)]
        line = " ".join(f"{name}: {', '.join(values)}".split())  # a block scalar's lines: one line
        if values:
            out.append(line if len(line) <= SHOWN_VALUE_CHARS else line[:SHOWN_VALUE_CHARS].rsplit(" ", 1)[0] + " …")
    return tuple(out)


_LINK_IN_VALUE = re.compile(r"\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?\]\]")  # (an alias is its name already: _link_labels)


def _a_value(value) -> bool:
    """Is a field's value a word or a number, not a checkbox, a list or a record?"""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _hidden(name: str, value, not_shown: frozenset) -> bool:
    """Is a front matter field one the properties view does not show: the note's name, tags and days, a setting, a
    checkbox, a list of records (shown_fields)?"""
    key = name.lower()
    # (a kind's value that says more is shown: "class: Druid (Circle of Wildfire) 8", "status: rescued (S9)", trial
    # s47, had been hidden as what kind of note it is)
    # (... and a day's that says more than the day: "date:: Tue 15 June 2027, 5.30pm, library", trial s78 Z, its time and
    # place had been lost)
    return key in not_shown and not (key in _KIND_FIELDS and _more_than_a_kind(value)) \
        and not (key in _DAY_KEYS and _more_than_a_day(value)) or key.endswith("-plugin") \
        or isinstance(value, (bool, dict)) or isinstance(value, list) and any(
            isinstance(v, (dict, list)) for v in value)  # a list of records: no one line of it reads


# the settings only a docs site's page has (not "related", "parent", "image", "comments", a person's keys too: the
# review)
_SITE_ONLY = frozenset({"slug", "lastmod", "nav_order", "grand_parent", "has_children", "nav_exclude",
                        "sidebar_position", "sidebar_label", "sidebar_class_name", "menu", "linktitle", "translationkey",
                        "publishdate", "expirydate", "pagination_next", "pagination_prev", "custom_edit_url",
                        "search_exclude", "redirect_from", "toc_sticky", "hide_table_of_contents"})


def _a_site_page(meta: dict) -> bool:
    """Is the front matter a docs site page's, whose "weight: 10" places it in a menu (a setting only a site's page
    has beside it)? Else "weight: 78.4" is what someone weighed (trial s46: a runner's daily weights had all been
    dropped, nothing said)."""
    return bool({str(k).strip().lower() for k in meta} & _SITE_ONLY)


_ALIASED_LINK = re.compile(r"\[\[[^\[\]|\n]*\|([^\[\]\n]+)\]\]")


def _link_labels(value):
    """A field's value with each [[Note|Alias]] as [[Alias]], as the properties view shows a link (the fields
    passage only: a note's credits and citation names keep the note the link names)."""
    if isinstance(value, str):
        return _ALIASED_LINK.sub(r"[[\1]]", value)
    if isinstance(value, list):
        return [_ALIASED_LINK.sub(r"[[\1]]", v) if isinstance(v, str) else v for v in value]
    return value


_CITEKEY_FIELDS = ("citekey", "citation-key", "citation_key", "citationKey", "citationkey")
_NAME_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


def citation_names(meta: dict) -> tuple[str, ...]:
    """The names a literature note is cited by: its citation key without the @ ("bjork1994") and its first
    author's surname with the year ("Bjork 1994"), as "what did Bjork 1994 argue?" names it."""
    names = [key.lstrip("@") for field in _CITEKEY_FIELDS if meta.get(field) for key in as_list(meta[field])]
    authors = as_list(meta.get("author", meta.get("authors")))
    year = as_list(meta.get("year"))
    if authors and year and re.fullmatch(r"\d{4}", year[0].strip()):
        words = [w for w in authors[0].split() if not _NAME_SUFFIX.match(w)]
        if words:
            names.append(f"{words[-1]} {year[0].strip()}")
    return tuple(n for n in names if n.strip())


def _unique(names, fold: bool = False) -> tuple[str, ...]:
    """Names without quotes, [[ ]] or (fold) a leading # and case, once each, in order."""
    return tuple(dict.fromkeys(_cleaned(names, fold)))


def _cleaned(names, fold: bool = False) -> list[str]:
    """Names without quotes, [[ ]] or (fold) a leading # and case, in order, each as often as it comes."""
    out = []
    for name in names:
        name = name.strip().strip('"').strip()
        if fold:
            name = name.lstrip("#").casefold()
        if name.startswith("[[") and name.endswith("]]") and "]]" not in name[2:-2]:  # (one link, not "[[A]] and [[B]]")
            name = name[2:-2]
        if name:
            out.append(name)
    return out


def as_tags(meta: dict, inline_tags=()) -> tuple[str, ...]:
    """Front-matter tags (tags, tag, categories, category), then the #tags in the text. A nested
    a/b tag (in either) is also tag a, as Obsidian's tag search has it."""
    tags: list[str] = []
    for key in ("tags", "tag", "categories", "category"):
        value = meta.get(key)
        if isinstance(value, str):
            tags += re.split(r"[,\s]+", value)
        elif isinstance(value, (list, tuple)):
            tags += [str(v) for v in value if v is not None]
    tags += inline_tags
    return _unique([part for t in _unique(tags, fold=True) for part in _with_parents(t.strip("/"))])


def _with_parents(tag: str) -> list[str]:
    """"home/garden/pests" -> itself, then "home", "home/garden"."""
    parts = [p for p in tag.split("/") if p]
    return [tag] + ["/".join(parts[:i]) for i in range(1, len(parts))] if parts else []


_DATE_STEM = re.compile(r"^(\d{4})[-_](\d{2})[-_](\d{2})$")  # a daily note: 2024-05-01.md, 2024_05_01.md
# a file named by a day and words, the day first ("2025-11-16 Lab meeting", a Jekyll post's "2024-01-05-my-trip",
# "2024-03-05_standup") or last ("Pricing Review 2026-11-17", a phone's "Note 2020-11-03 18.22": a time after it)
# (dotted or with underscores too, one mark throughout: "Lesson 2023.04.18", "2024_03_05 standup": trial s48)
_DAY_FIRST_NAME = re.compile(r"(\d{4})([-._])(\d{2})\2(\d{2})[ _-]+(\S.*)")
_DAY_LAST_NAME = re.compile(r"(.*\S)[ _-]+\(?(\d{4})([-._])(\d{2})\3(\d{2})"
                            r"(?:[ _T]+[0-2]?\d[.:h][0-5]\d(?:[.:][0-5]\d)?)?\)?")
# a day between a name's words, dashed, spaces either side, words after it (not a time): "incident 2025-06-21 postgres
# failover" (trial s57)
_DAY_INSIDE_NAME = re.compile(r"(.*\S) +((?:19|20)\d\d-\d\d-\d\d) +([^\d\s].*)")
_DOTTED_DATE = re.compile(r"(?:^|\.)(\d{4})\.(\d{2})\.(\d{2})$")  # a Dendron journal: daily.journal.2024.03.04.md
# a daily note named without dashes, "20190305.md", "20190306 Pitch.md" (not a longer number: a zettel ID)
_COMPACT_DATE = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?=[ _-]+\S|$)")
# ... or day first, as Europeans write a day, alone: "07.03.2019.md" is 7 March 2019, "15.01.25.md" 15 January 2025 (a
# year of two digits after a day and month of two; with words, dated_name's)
_DAY_FIRST = re.compile(r"^(?:([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)|([0-3]\d)\.([01]\d)\.(\d\d))$")
# a Zettelkasten ID before a note's name: "202103151022 Spaced repetition.md" (a timestamp, YYYYMMDDhhmm[ss]),
# "1a2b Desirable difficulties.md" (Luhmann's numbers and letters, two numbers at least: not "3d printing")
# (or the whole name: "202104021405.md", titled by its heading)
_ZETTEL_ID = re.compile(r"^(?:(\d{4})(\d{2})(\d{2})\d{4}(?:\d{2})?|\d+[a-z]+\d+[a-z\d]*)(?=[ _-]+\S|$)")


# the front-matter keys a note's day is written under, first found first (Yarle writes "Created at", Notion
# "Created", Bear exports "creation date"); the day of the event it is of before the day it was written ("wedding_date:
# 2027-03-20" of a booking, "event_date" of a party's: trials s75 Y, O, a wedding's note of no day, of its title's month)
_DAY_KEYS = ("date", *(f"{what}{sep}date" for what in ("event", "wedding", "meeting", "session", "shoot", "party")
                       for sep in ("_", " ", "-")),
             "created", "created at", "created_at", "date created", "creation date", "created on")


# the fields that say the span of days a note is of: a trip's, an event's ("dates:: 1-8 Aug 2026")
_SPAN_KEYS = ("dates", "date", "when", "trip dates", "travel dates", "holiday dates")
# "1-8 Aug 2026", "1st - 8th August 2026", "1 Aug - 8 Aug 2026", "2026-08-01 to 2026-08-08", "Aug 1-8, 2026"
_DAY_SPAN = re.compile(r"\s*(?:(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–—]|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+"
                       r"((?:19|20)\d\d)|(\S.*?)\s*(?:[-–—]|to)\s*\S.*|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*"
                       r"\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d))\s*$")


def span_start(meta: dict) -> str | None:
    """The first day of the span of days a note's fields say it is of ("dates:: 1-8 Aug 2026": 2026-08-01; a trip's
    page had been of no day, trial s55's "what did we do in august"), else None."""
    keys = {str(k).strip().casefold(): k for k in meta}
    value = next((meta[keys[k]] for k in _SPAN_KEYS if k in keys and isinstance(meta[keys[k]], str)), None)
    value = value if value and len(value) <= 80 else None  # (a span is short: a long value is no span, the review)
    if value and (iso := re.match(r"\s*((?:19|20)\d\d-\d\d-\d\d)\b", value)):
        return as_date(iso[1])
    m = _DAY_SPAN.match(value) if value else None
    if m is None:
        return None
    if m[1]:
        return heading_day(f"{m[1]} {m[2]} {m[3]}")
    if m[5]:
        return heading_day(f"{m[6]} {m[5]} {m[7]}")
    start = m[4].strip()
    if (day := front_matter_day(start)) is not None or (y := _A_YEAR.search(value)) is None:
        return day
    end = front_matter_day(value[m.end(4):].strip(" -–—to").strip())
    # ("Fri 5 – Sat 6 March 2027": the start's month the end's, trial s72 L)
    day = heading_day(f"{start} {y[0]}") or (end and heading_day(f"{start} {_MONTH_NAMES[int(end[5:7]) - 1]} {y[0]}"))
    # ("28 Dec - 3 Jan 2027": the year before the end's, the review)
    return heading_day(f"{start} {int(y[0]) - 1}") if day and end and day > end else day


def created_value(meta: dict):
    """The value of meta's first field that says the note's day (_DAY_KEYS, in any case), or None."""
    keys: dict = {}
    for k in meta:  # (the first of a key in any case: "date" before the "Date" shown beside it, leading_fields)
        keys.setdefault(str(k).strip().casefold(), k)
    return next((meta[keys[k]] for k in _DAY_KEYS if k in keys and meta[keys[k]] not in (None, "")), None)


_YMD_SLASHED = re.compile(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*$")  # 2024/12/03
_DMY_DOTTED = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")  # 03.12.2024, as Europe writes it
_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")  # 25/03/2024 or 03/25/2024
_SHORT_YEAR = re.compile(r"(\s*(\d{1,2})/(\d{1,2})/)(\d\d)\s*$")  # 17/10/23 (not dotted: "20.10.24" is a version's)


def with_century(text: str) -> str:
    """A day in numbers with a year of two digits ("17/10/23", trial s47) with its century (periods.century); only
    when one of its numbers is over 12, a day's; any other text as it is."""
    m = _SHORT_YEAR.match(text)
    if m is None or max(int(m[2]), int(m[3])) <= 12:
        return text
    return f"{m[1]}{century(m[4])}"


_TIME_AFTER = re.compile(r"(?:,?\s+\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:\s*[AP]M)?|T\d\d:?\d\d(?::?\d\d)?(?:\.\d+)?)"
                         r"\s*(?:Z|[+-]\d\d:?\d\d)?\s*$", re.IGNORECASE)  # " 22:14", " 10:14 PM", "T221402Z"
_COMPACT_DAY = re.compile(r"\s*(\d{4})(\d\d)(\d\d)\s*$")  # 20170328 (Yarle's 20170328T221402Z, its time gone)


def front_matter_day(value) -> str | None:
    """The day a front-matter value says, in the forms people write ("2024-12-03", "3 Dec 2024", "December 3,
    2024", "2024/12/03", "03.12.2024", a link to a daily note "[[2024-03-05]]", any of them with a time after it,
    and "25/03/2024" or "03/25/2024" when one of its numbers can only be the day); None for anything else,
    "12/03/2024" among them (12 March or 3 December: trial s36b's were dropped without a word, see
    unreadable_day)."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # date: [[2024-03-05]] unquoted is a list of one
    date = as_date(value)
    if date is not None or not isinstance(value, str):
        return date
    text = _TIME_AFTER.sub("", value.strip().removeprefix("[[").removesuffix("]]"))
    for read in (as_date, heading_day):
        if (day := read(text)) is not None:
            return day
    if m := _YMD_SLASHED.match(text) or _COMPACT_DAY.match(text):
        return as_date(f"{m[1]}-{m[2]}-{m[3]}")
    text = with_century(text)
    if m := _DMY_DOTTED.match(text):
        return as_date(f"{m[3]}-{m[2]}-{m[1]}")
    if (m := _SLASHED.match(text)) and (int(m[1]) > 12 or int(m[2]) > 12 or m[1] == m[2]):
        day, month = (m[1], m[2]) if int(m[1]) > 12 or m[1] == m[2] else (m[2], m[1])
        return as_date(f"{m[3]}-{month}-{day}")
    return None


def unreadable_day(value) -> str | None:
    """What to say of a front-matter day written so that it may be either of two days ("12/03/2024": 12 March or
    3 December), or None (any other value that names no day, a year alone among them, stays as it was)."""
    text = value if isinstance(value, str) else ""
    m = _SLASHED.match(_TIME_AFTER.sub("", text))
    if m is None or front_matter_day(value) is not None or not (1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 12):
        return None
    first, second = (_MONTH_NAMES[int(n) - 1].title() for n in (m[2], m[1]))
    return (f"its date {text!r} may be {int(m[1])} {first} or {int(m[2])} {second}; write it as YYYY-MM-DD to date "
            "the note by it")


def ordered_front_matter_day(value, order: str | None) -> str | None:
    """A front-matter day that may be either of two ("03/12/2026", unreadable_day's) read in order ("dmy" or "mdy":
    the order of the note's other days in numbers, slashed_order's), else None (trial s54: a club's "date:
    03/12/2026" had been of no day though its fixtures table is written day first)."""
    if order is None or unreadable_day(value) is None:
        return None
    return slashed_day(_TIME_AFTER.sub("", value).strip(), order)


def daily_note(rel: str) -> bool:
    """Is the file a daily note, named by its day only ("2024-05-01.md", a Logseq journal's "2024_05_01.md")?"""
    return _DATE_STEM.match(Path(rel).stem) is not None


# ... a European day, dotted, with its whole year, before or after its words ("Standup 14.01.2025", "7.3.2019 Pitch":
# trial s49's inbox notes had been of no day); not a version's numbers ("Router firmware 21.03.01": the review)
_EU_DAY = r"([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)"
_EU_DAY_FIRST_NAME = re.compile(_EU_DAY + r"[ _-]+(\S.*)")
_EU_DAY_LAST_NAME = re.compile(r"(.*\S)[ _-]+" + _EU_DAY)


def dated_name(stem: str) -> tuple[str, str] | None:
    """A file name's day ("YYYY-MM-DD") and its other words, when it is named by a day and words, the day first or
    last ("2026-11-25 Helen": ("2026-11-25", "Helen")); None for another name. The one rule both a note's day
    (note_date) and a series of dated notes (ranking's: "my last meeting w helen") read a name by."""
    if m := _DAY_FIRST_NAME.fullmatch(stem):
        return f"{m[1]}-{m[3]}-{m[4]}", m[5]
    if m := _DAY_LAST_NAME.fullmatch(stem):
        return f"{m[2]}-{m[4]}-{m[5]}", m[1]
    if (m := _DAY_INSIDE_NAME.fullmatch(stem)) and as_date(m[2]):  # "incident 2025-06-21 postgres failover"
        return m[2], f"{m[1]} {m[3]}"
    m = _EU_DAY_FIRST_NAME.fullmatch(stem)
    day, words = (m.groups()[:3], m[4]) if m else (None, None)
    if m is None and (m := _EU_DAY_LAST_NAME.fullmatch(stem)):
        day, words = m.groups()[1:], m[1]
    if day is not None and (iso := as_date(f"{day[2]}-{int(day[1]):02d}-{int(day[0]):02d}")):
        return iso, words
    return None


def note_date(value, rel: str) -> str | None:
    """The note's date: front matter's, else a file name's day before or after its words (dated_name: "Pricing
    Review 2026-11-17", "Lesson 2023.04.18"), a daily note's name (a Dendron journal's "daily.journal.2024.03.04" too, Roam's
    "November 3rd, 2026", "20190305", a European "07.03.2019"), the day of a timestamp zettel ID, or the first
    day of a periodic note's week, month or quarter; else front matter's epoch time (Dendron's "created:
    1709546400000")."""
    date = front_matter_day(value) if value is not None else None
    if date is None:
        stem = Path(rel).stem
        date = _name_date(stem)
        # (... or of a Logseq namespace page's last part: "Match reports___2029-05-12 v Steeple Ashton", page "Match
        # reports/2029-05-12 v Steeple Ashton", trial s87 D, had been of no day; "Rota___December 2027" by its whole
        # name, a month's)
        if date is None and (parts := re.split(r"___|%2[Ff]", stem))[1:]:
            date = _name_date(parts[-1])
    return date or epoch_date(value)


def _name_date(stem: str) -> str | None:
    """The day a note's file name (its stem) says, as note_date reads it, else None."""
    m = _DATE_STEM.match(stem) or _ZETTEL_ID.match(nfc(stem)) or _DOTTED_DATE.search(stem) or _COMPACT_DATE.match(stem)
    if named := dated_name(stem):
        return as_date(named[0])
    if m is None and (day_first := _DAY_FIRST.match(stem)):  # ("15.01.25": a year of two digits, trial s49)
        d, mo, y = day_first.groups()[:3] if day_first[1] else day_first.groups()[3:]
        return as_date(f"{century(y)}-{int(mo):02d}-{int(d):02d}")
    if m and m[1]:
        return as_date(f"{m[1]}-{m[2]}-{m[3]}")
    if m is None:  # a daily page named by its day in words, as Roam names them: "November 3rd, 2026.md"
        return heading_day(nfc(stem)) or period_start(stem) or month_named(stem) or season_named(stem) \
            or holiday_named(stem)
    return None


_MONTH_LAST_NAME = re.compile(r".*\S[ _-]+([A-Za-z]{3,9}\.?[ _-]+(?:19|20)\d\d)")
_ISO_MONTH_LAST = re.compile(r".*[^\W\d][\w.]*[ _-]+((?:19|20)\d\d)-(0[1-9]|1[0-2])")  # "stock count 2026-04"


def month_named(stem: str) -> str | None:
    """The first day of the month and year a file name ends with after its words ("Parents evening Mar 2026", trial
    s58 PA; "stock count 2026-04", trial s71 E), as a monthly note is dated; None for another name."""
    if m := _ISO_MONTH_LAST.fullmatch(stem):
        return f"{m[1]}-{m[2]}-01"
    m = _MONTH_LAST_NAME.fullmatch(stem)
    return month_start(re.sub(r"[ _-]+", " ", m[1])) if m else None


# a name that ends with its year and names a season ("Autumn specials 2026", "Winter menu 2025"; spring and fall, words
# of other things too, just before the year: "Fall 2025", not "Spring Boot notes 2024")
_SEASON_NAMED = re.compile(r"(?i:.*\b(summer|autumn|winter)\b.*|(?:.*\S[ _-]+)?(spring|fall|summer|autumn|winter))"
                           r"[ _-]+((?:19|20)\d\d)")


def season_named(stem: str) -> str | None:
    """The first day of the season a file name names before its year ends it (_SEASON_NAMED), as the questions'
    seasons begin (periods.py), else None."""
    m = _SEASON_NAMED.fullmatch(stem.strip())
    if m is None or len(stem.split()) > 6:
        return None
    return f"{m[3]}-{SEASON_START[(m[1] or m[2]).lower()]:02d}-01"


# a periodic note's name (Obsidian's Periodic Notes, Logseq, Journals): a week "2026-W48", a month "2026-10",
# a quarter "2026-Q4"; not a year alone ("2026" may name anything)
_PERIOD_NAME = re.compile(r"((?:19|20)\d\d)-(?:W(\d\d)|(0[1-9]|1[0-2])|Q([1-4]))", re.IGNORECASE)
_PERIOD_LAST = re.compile(r".*[^\W\d][\w.]*[ _-]+" + _PERIOD_NAME.pattern)  # ... after its words
_NAMED_AFTER = re.compile(r"(?:[ _-]+[^\W\d].*)?")  # nothing after the period, or words: "2023-03 review"
# a week named in words: "2026 week 50 plan", "2026_wk_7" (trial s64 U: its "Thu 10" had been of no day)
_WEEK_IN_WORDS = re.compile(r"((?:19|20)\d\d)[ _-]+(?:week|wk)[ _-]*(\d{1,2})(?!\d)", re.IGNORECASE)


def _period_named(stem: str) -> str:
    """stem with a week it names in words written as ISO writes it ("2026 week 50 plan" -> "2026-W50 plan")."""
    return _WEEK_IN_WORDS.sub(lambda m: f"{m[1]}-W{int(m[2]):02d}", stem.strip(), count=1)


def period_start(stem: str) -> str | None:
    """The first day of the week, month or quarter a periodic note is named by ("2026-W48": the Monday
    2026-11-23; "2023-03 review" too, trial D's monthly reviews), the day date filters and day questions find
    it by; None for another name."""
    stem = _period_named(stem)
    m = _PERIOD_NAME.match(stem)
    if m is None or not _NAMED_AFTER.fullmatch(stem[m.end():]):
        m = _PERIOD_LAST.fullmatch(stem)  # "rota 2027-01" (trial s72 C: its "Sat 9 Jan - Fenwick" had been of the 1st)
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[2]:
            return _dt.date.fromisocalendar(year, int(m[2]), 1).isoformat()
        return _dt.date(year, int(m[3]) if m[3] else 3 * int(m[4]) - 2, 1).isoformat()
    except ValueError:  # "2026-W54"
        return None


# a weekly note's entry that opens with its weekday ("Wed 24, 16:40 UTC: ext-alb-1 5xx spike", "**Monday**: freeze",
# "Tue - deploy"): a mark after it, not "Monday night we ..."
# (or a heading of only its weekday: "## Wed 24")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_END = r"(?:day|sday|nesday|rsday|urday|rs?|s|t)?"  # "Wed", "Weds", "Wednesday", "Thur", "Thurs"...
_WEEKDAY_LEAD = r"^\s*(?:\*\*|__)?(" + "|".join(WEEKDAYS) + ")" + _WEEKDAY_END + r"\.?" \
    r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:\*\*|__)?"
_WEEKDAY_WORD = "(?:" + "|".join(WEEKDAYS) + ")" + _WEEKDAY_END + r"\b"
# (not a span of days, "Mon-Fri: on call", the review; "Tue - Monitoring alerts fixed" is Tuesday's, the second)
_WEEKDAY_ENTRY = re.compile(_WEEKDAY_LEAD + r"(?!\s*[–—-]\s*" + _WEEKDAY_WORD + r")(?=\s*[,:–—-]\s*\S)", re.IGNORECASE)
# (... its month too, of the week's: "## Wed 12 Jun" of "Invigilator Rota/w-c 10 Jun", trial s91 T, of no day)
_WEEKDAY_HEADING = re.compile(_WEEKDAY_LEAD + r"(?:\s+([A-Za-z]{3,9})\.?)?\s*:?\s*$", re.IGNORECASE)


def opens_with_weekday(line: str, empty: bool = False) -> bool:
    """Does the line open with a weekday and a mark after it ("Mon - veggie chilli", "Tue: fish pie"), a day's line
    of a week's plan or log? (empty: or a day with nothing after it, "Wed 22 - ", a free day of the plan.)"""
    return _WEEKDAY_ENTRY.match(line) is not None or empty and _EMPTY_WEEKDAY_ENTRY.match(line) is not None


_EMPTY_WEEKDAY_ENTRY = re.compile(_WEEKDAY_LEAD + r"\s*[,:–—-]?\s*$", re.IGNORECASE)


def weekday_in_week(text: str, monday: str, heading: bool = False) -> str | None:
    """The day (ISO) of the week that starts on monday a weekly note's line opens with ("Wed 24, 16:40 UTC: ..." in
    "2024-W17": 2024-04-24; trial s48's on-call handovers had been of their Monday only), or a heading is; None for
    another line, or one whose day's number is not that weekday's."""
    m = (_WEEKDAY_HEADING if heading else _WEEKDAY_ENTRY).match(text)
    if m is None:
        return None
    day = _dt.date.fromisoformat(monday) + _dt.timedelta(days=WEEKDAYS.index(m[1].lower()))
    if heading and m[3] and (m[2] is None or month_number(m[3]) != day.month):
        return None
    return day.isoformat() if m[2] is None or int(m[2]) == day.day else None


def period_week(stem: str) -> str | None:
    """The ISO week a weekly note is named by ("2024-W38", as the name writes it, upper case), else None: "what
    went well in week 38?" asks for it (periods.with_noted_year)."""
    m = _PERIOD_NAME.match(_period_named(stem))
    if m is None or not m[2] or period_start(stem) is None:
        return None
    return f"{m[1]}-W{m[2]}"


_MONTH_YEAR = re.compile(r"([a-z]{3,9})\.?[ \t]+((?:19|20)\d\d)", re.IGNORECASE)
_MONTH_NAMES = "january february march april may june july august september october november december".split()


def month_start(text: str) -> str | None:
    """The first day of the month text names with its year and nothing else ("Feb 2024", "February 2024",
    "Sept. 2024"), as a monthly note is dated (period_start); None for anything else ("Mayday 2024")."""
    m = _MONTH_YEAR.fullmatch(text.strip())
    month = month_number(m[1]) if m else None  # its name, its first three letters, or "sept" ("Marc" is none)
    return _dt.date(int(m[2]), month, 1).isoformat() if month else None


def months_with_years(text: str) -> set[str]:
    """The first days of the months text names with their years anywhere in it ("Tide times Dec 2026", "2026-12
    LinguaBridge batch": 2026-12-01)."""
    return {_dt.date(int(m[2]), month, 1).isoformat() for m in _MONTH_YEAR.finditer(text)
            if (m.start() == 0 or not text[m.start() - 1].isalnum()) and (month := month_number(m[1]))} \
        | {f"{m[1]}-{m[2]}-01" for m in _ISO_MONTH.finditer(text)}


_ISO_MONTH = re.compile(r"(?<![\w-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\w-])")  # "2026-12", not a day's "2026-12-01"


# (or ends with it after a word: "display-2028/run-of-show.md", trial s85 C, its "# Run of show – Saturday 4 Nov" of no
# day, not found for "what's on saturday 4 nov")
_YEAR_FOLDER = re.compile(r"(?:^|/)((?:[^/]*?[^\w/]|[^/]*?_)?)(?<!\d[-–/])((?:19|20)\d\d)/")


def folder_year(path: str) -> str | None:
    """The year of the folder a note is in ("rotas/2026/coffee rota.md": trial s71 V, its "**Dec**" > "6th: Jean &
    Pam" had been of no day; "quotes/2025/Q-2025-044 wright ev.md", trial s71 M), else None."""
    m = _YEAR_FOLDER.search(path)
    # (a year after a word not one to come, a plan's or a name's: "Vision 2030/", "Acme_2045/", the review)
    return m[2] if m and (not m[1] or int(m[2]) <= clock.today().year + 1) else None


# seconds (10 digits) or milliseconds (13), as Dendron writes them; not a 12-digit 202103151022 (a timestamp)
_EPOCH = re.compile(r"\d{10}|\d{13}")


def epoch_date(value) -> str | None:
    """The day of an epoch time in seconds or milliseconds (1709546400000), in the local time zone, as the
    app that wrote it shows it; None for anything else (a bool, a year, a day number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)) or not _EPOCH.fullmatch(str(value).strip()):
        return None
    digits = str(value).strip()
    seconds = int(digits) / (1000 if len(digits) == 13 else 1)
    try:
        return _dt.datetime.fromtimestamp(seconds).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def zettel_id(rel: str) -> str | None:
    """The Zettelkasten ID a note's file name starts with ("202103151022" of "202103151022 Spaced
    repetition.md"): a name of the note, not part of its title."""
    m = _ZETTEL_ID.match(nfc(Path(rel).stem))
    return m.group(0) if m else None


# a document's number before its name, "ADR-007 Use Temporal for payment workflows", "RFC-12 Retries",
# "INC-2041 Checkout outage": what a team calls it ("which notes link to ADR-007?")
_DOCUMENT_ID = re.compile(r"^([A-Z][A-Z0-9]{1,9}-\d{1,6})(?=[ _:-]+\S)")


# ... or an architecture decision record's number in a folder of them, as adr-tools and MADR name them
# ("doc/adr/0007-use-postgres-logical-replication.md": ADR-0007)
_ADR_NUMBER = re.compile(r"^(\d{3,5})-[^\W\d_]")
_ADR_FOLDERS = frozenset({"adr", "adrs", "decisions", "decision-records", "architecture-decisions"})


def document_id(rel: str) -> str | None:
    """The number a note's file name starts with ("ADR-007" of "ADR-007 Use Temporal for payment
    workflows.md"; "ADR-0007" of "adr/0007-use-postgres-logical-replication.md", trial s48): a name of the note, as
    a zettel ID is; its title keeps it."""
    path = Path(rel)
    if m := _DOCUMENT_ID.match(nfc(path.stem)):
        return m.group(1)
    m = _ADR_NUMBER.match(path.stem)
    return f"ADR-{m.group(1)}" if m and path.parent.name.casefold() in _ADR_FOLDERS else None


# a field that gives the note's own number ("incident:: INC-342", "ticket: OPS-1182", "rfc: RFC-12"): a name of the note,
# as a document's number before its name is (trial s49: "inc-342 root cause" had found another incident's first);
# not a field that points to another ("related:: INC-100", "ref: INC-100", a link "[[OPS-1182]]"), nor a code of
# something else ("code: SHA-256": the review)
_CODE_KEYS = frozenset({"id", "incident", "incident-id", "incident_id", "ticket", "issue", "jira", "case", "bug",
                        "adr", "rfc", "number"})
_CODE_VALUE = re.compile(r"\s*[\"']?([A-Z][A-Z0-9]{1,9}-\d{1,6})[\"']?\s*")


def coded_names(fields: dict) -> tuple[str, ...]:
    """The numbers a note's own fields give it ("INC-342" of "incident:: INC-342"), each a name of the note."""
    return tuple(m.group(1) for key, value in fields.items()
                 if str(key).strip().lower() in _CODE_KEYS and isinstance(value, str)
                 and (m := _CODE_VALUE.fullmatch(value)))


_ESCAPED = re.compile(r"%(?:2F|3F|3A|23|2A|22|3C|3E|7C|25|5C)", re.IGNORECASE)  # / ? : # * " < > | % \


def _unescaped(stem: str) -> str:
    """A file name's %-escapes of the characters a file name cannot hold, as their characters."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(0)[1:], 16)), stem) if "%" in stem else stem


def name_letters(name: str) -> str:
    """A name's letters and digits, casefolded: how a file name and the name it was written from compare when an
    exporter replaced or dropped the characters a file name cannot hold."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def title_from_filename(rel: str) -> str:
    """A note's name from its file: `2024-01-05-my-trip.md` reads "My trip" (a slug), a name
    written with spaces (`Week 1 - Intro.md`, as Obsidian names notes) reads as written, without a
    Zettelkasten ID before it (`202103151022 Spaced repetition.md` reads "Spaced repetition")."""
    day = _DATE_STEM.match(Path(rel).stem)
    if day:
        return f"{day[1]}-{day[2]}-{day[3]}"  # a daily note is named by its date
    # a drawing: "Network Diagram"; a Notion page: "Interview with Dana", without its id; a "/" a file name
    # cannot hold, as Roam and Logseq write it: "Critique%2FCheckout flow v3" is "Critique/Checkout flow v3"
    stem = _DATE_PREFIX.sub("", readable_name(_unescaped(nfc(Path(rel).stem))).removesuffix(".excalidraw"))
    zettel = _ZETTEL_ID.match(stem)
    if zettel and zettel.end() < len(stem):
        stem = stem[zettel.end():].lstrip(" _-")  # "202103151022 Spaced repetition" reads "Spaced repetition"
    if " " in stem.strip() or stem != stem.lower():
        return stem.strip()  # named by hand (Minimax-Q, NP-Complete), not a slug
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else rel


# (after a title heading too: "# Kanji I always forget" then "status:: active", trial s48's fields had been text)
# a field's key and its "::" as a note opens with it: a word ("status::"), or a few before a space ("planning ref::
# x"; not a card's "Koplik spots::Measles")
FIELD_KEY = r"(?:[A-Za-z][\w.\-/?]*|[A-Za-z][\w.\-/?]*(?: [\w.\-/?]+){1,3}(?=::(?:[ \t]|$)))"
_TITLE_LINE = r"#[ \t]+[^\n]*"  # (one rule for both: leading_fields reads the lines fields_on_top blanks, the review)
# ... and a line of only tags between them ("# Bean There catch up" / "#meeting #customer" / "date:: 2025-09-05": trial
# s57 MA's meeting had been of no day)
_TAGS_LINE = r"[ \t]*#[^\s#][^\s]*(?:[ \t]+#[^\s#][^\s]*)*[ \t]*"
_FIELDS_ON_TOP = re.compile(r"\A\ufeff?(?:(?:---\n.*?\n---[ \t]*\n)?)(?:[ \t]*\n)*(?:" + _TITLE_LINE + r"\n"
                            r"(?:(?:[ \t]*\n)*" + _TAGS_LINE + r"\n)?)?"
                            r"((?:[ \t]*" + FIELD_KEY + r"::[^\n]*\n|[ \t]*\n)+)", re.S)
_TITLE_HEADING = re.compile(_TITLE_LINE)
_TAGS_ONLY = re.compile(_TAGS_LINE)


FRONT_MATTER_BLOCK = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)  # a note's front matter
# (a key of a few words too, FIELD_KEY, as Dataview takes it: "planning ref:: UTT/26/2231/FUL", trial s61 ZA, had
# ended the note's fields, its "stage:: 2 → 3" and "status:: active" each a passage after)
_LEADING_FIELD = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(" + FIELD_KEY + r")::[ \t]*(.*?)[ \t]*$")
# (a tag has a letter: "#3" of "IMV #3" is a number, trial s62 O)
_LINKED = re.compile(r"\[\[([^\[\]\n]+)\]\]|#\[\[([^\[\]\n]+)\]\]|#((?=[\w/-]*[^\W\d_])[\w/-]+)")


def property_list(value: str) -> tuple[str, ...]:
    """A field's value as a list, as Logseq, Dataview and Roam read one: `[[a]], [[b c]], #d, e` -> ("a",
    "b c", "d", "e")."""
    items = re.findall(r"\[\[([^\[\]]+)\]\]|#\[\[([^\[\]]+)\]\]|([^,\[\]]+)", value)
    out: dict[str, None] = {}
    for a, b, c in items:
        for part in ([a] if a else [b] if b else [p for p in c.split(",")]):
            part = part.strip().lstrip("#").strip()
            if part:
                out.setdefault(part, None)
    return tuple(out)


_FIELD_ANYWHERE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?([A-Za-z][\w \-/]{0,30}?)::[ \t]+(\S.*?)[ \t]*$", re.M)


def inline_fields(text: str) -> dict:
    """Dataview's "Status:: Done" lines anywhere in a note (outside code), by key in lower case, the first of
    each: fields of the note as a whole, as Dataview reads them."""
    out: dict = {}
    fence = None
    for line in text.split("\n"):
        before, fence = fence, code_fence_after(line, fence)
        if before is None and fence is None and "::" in line and (m := _FIELD_ANYWHERE.match(line)):
            out.setdefault(m.group(1).strip().lower(), m.group(2))
    return out


def leading_fields(text: str) -> dict:
    """The fields a note opens with, after its front matter, that are metadata: Dataview's "date:: 2024-03-04"
    lines, Roam's attribute blocks ("- Date:: [[October 6th, 2026]]", "- Author:: [[Cal Newport]]"): its
    day (ISO), tags, aliases and credits by key in lower case, other fields by key as written. Front matter, where a
    note has it, wins."""
    out: dict = {}
    for _, field in _leading_field_lines(text):
        written, value = field.group(1), field.group(2)
        key = written.lower()
        if key in ("date", "created"):
            plain = _LINKED.sub(_named, value).strip()
            # (its day before a comma too: "date:: Tue 15 June 2027, 5.30pm, library", trial s78 Z)
            if day := as_date(plain) or heading_day(plain) or heading_day(_DAY_THEN_MORE.split(plain)[0].strip()):
                out.setdefault(key, day)
            if _more_than_a_day(plain):  # (... shown, what it says besides the day not lost: its time, its place)
                out.setdefault(written if written != key else written.capitalize(), plain)
        elif key in ("tags", "alias", "aliases") or key in CREDIT_FIELDS:
            out.setdefault(key, list(property_list(value)))
        elif key != "title":  # "status:: #done": a property (properties); not a title Obsidian does not show
            # (its key as written, as Dataview shows it: "AC:: 20" is no "ac: 20", trials s49, s50)
            out.setdefault(written if not any(k.lower() == key for k in out) else key, _LINKED.sub(_as_shown, value).strip())
    return out


def leading_field_names(text: str) -> dict[str, str]:
    """Each field a note opens with (leading_fields), its key in lower case -> as written, the first: a credit's key is
    shown as the note writes it ("Year:: 11" had been shown "year: 11" among "Level: ...", "Target: ...", trial s69
    S)."""
    out: dict[str, str] = {}
    for _, field in _leading_field_lines(text):
        out.setdefault(field.group(1).lower(), field.group(1))
    return out


def leading_fields_lines(text: str) -> tuple[int, int] | None:
    """The first and last line (from 1) of the fields a note opens with (leading_fields), None without any."""
    lines = [at for at, _ in _leading_field_lines(text)]
    return (lines[0], lines[-1]) if lines else None


def _leading_field_lines(text: str) -> Iterator[tuple[int, re.Match]]:
    """(line from 1, its _LEADING_FIELD match) of each field a note opens with, after its front matter and a title
    heading."""
    m = FRONT_MATTER_BLOCK.match(text)
    at = text.count("\n", 0, m.end()) + 1 if m else 1
    seen = titled = tagged = False
    for at, line in enumerate((text[m.end():] if m else text).lstrip("\ufeff").split("\n"), at):
        field = _LEADING_FIELD.match(line)
        if field is None:
            if _TITLE_HEADING.fullmatch(line) and not seen and not titled and not tagged:  # a title heading before them
                titled = True
            elif _TAGS_ONLY.fullmatch(line) and titled and not seen and not tagged:  # ... and a line of tags right
                tagged = True  # under it (_FIELDS_ON_TOP's; not a deck's "#flashcards" over its "front::back" cards)
            elif line.strip():
                return
            continue
        seen = True
        yield at, field


# a day on a line of its own at a note's top, under its title: adr-tools' "Date: 2024-03-05", a template's
# "**Created:** 3 Dec 2024"
_DATE_LINE = re.compile(r"(?:date|created|created on|date created)\s*:\s*(\S.*)", re.IGNORECASE)


def date_line(text: str) -> str | None:
    """The day (ISO) a "Date: ..." line says where a note opens with one, after its front matter and title and
    before any other text (an adr-tools ADR had been undated, trial s47); None for any other note."""
    body = text[m.end():] if (m := FRONT_MATTER_BLOCK.match(text)) else text
    for line in body.lstrip("\ufeff").split("\n", 12)[:12]:
        line = line.strip().replace("*", "")
        if line and not line.startswith("#"):
            m = _DATE_LINE.fullmatch(line)
            return front_matter_day(m[1]) if m else _dateline(line)
    return None


def _dateline(line: str) -> str | None:
    """The day a note's first line of text says with its year, alone or before a comma, as a letter's dateline
    ("Thurs 19th Nov 2026, phone call": trial s55's meeting notes had been of no day); not a log's first entry ("12
    Jan 2026 - measured up")."""
    if len(line) > 200:  # (a dateline is short: a long first line is prose, read no further)
        return None
    if (alone := front_matter_day(line)) is not None:  # ("14 March 2026" alone on its line)
        return alone
    m = _line_day_match(line)
    if m is None or not (m[1] or m[6] or m[7] and len(m[7]) == 4):
        return None
    rest = line[m.end():].lstrip()
    if rest and (not rest.startswith(",") or _line_day_match(rest[1:].lstrip()) or re.search(r"\d{4}", rest)):
        return None  # (not "Mon 4 Jan 2027, Mon 22 Feb 2027 and ... are INSET days", a list of days: the review)
    return line_day(line)


def _named(link: re.Match) -> str:
    """What a [[link]], #[[tag]] or #tag names."""
    return next(g for g in link.groups() if g)


def _as_shown(link: re.Match) -> str:
    """A [[link]], #[[tag]] or #tag as the app shows it: a link by its alias ("[[Sarah O'Neill|Sarah]]": "Sarah";
    trial s52, "Sarah O'Neill|Sarah" had been shown)."""
    return _named(link).rpartition("|")[2].strip()




def fields_on_top(text: str) -> str:
    """`status:: active` lines (Dataview fields) at the top of a note are metadata, not text: blanked,
    every line kept where it was."""
    m = _FIELDS_ON_TOP.match(text) if "::" in text else None
    if m is None or not m.group(1).strip():
        return text
    return text[:m.start(1)] + "\n" * m.group(1).count("\n") + text[m.end(1):]
