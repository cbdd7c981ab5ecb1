"""The days, weeks, months and years a question names, as the days they are: "yesterday", "last week", "on
Monday", "in March", "the 6th of February 2025", "week 38", "the week of 10 February 2025", "last year", "this
summer"; a question with its day moved ("and the day after?"), or given the year of the notes' last such month
or weekly note ("in June" of a 2024 journal).

    days("what did I do last Tuesday?", today)  ->  {"2026-11-24"}
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Iterable

from . import clock
from .grammar import FILTER, QUOTED, inside, quoted_spans


YEAR = r"(?:1[89]|2[01])\d\d"  # what a year looks like (1800-2199), here and in conversation.py
# a year the question asks about, not one after "since"/"after"/"before"/... (a starting point)
ASKED_YEAR = re.compile(r"(?<![\d.])(?<!since )(?<!after )(?<!before )(?<!until )(?<!till )(?<!pre-)"
                   r"(?<!post-)(?<!\w-)" + YEAR + r"(?!\d|\.\d|[-/](?!(?:19|20)\d\d(?!\d))\d{3})", re.IGNORECASE)  # "Touché-2020" is a name;
# "2027." ends a sentence, "2027.1" is a version, "PO 2028-114" a number of that year's series (trial s83 C: every
# passage of 2028 had been lifted as of the year asked)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# (English's whatever the locale: calendar.month_name is the locale's)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_NUMBER = r"([0-3]?\d)(?:st|nd|rd|th)?"
# a day: 2025-03-14 (2025_03_14, as Logseq names journals), 14 March (2025), March 14th(, 2025), and 22/03/2025,
# 22.03.2025 or 3/22/2025 when only one order makes a day (trial s39: a British vault's "what happened on 22/03/2025"
# had found 3 March; 03/04/2025 stays words: the 3rd of April or the 4th of March?)
# (22.03.2025 is day first, as Europe dots it; a month first only with slashes, as the US writes it: 1.22.2025 may be
# a version)
_OVER_12, _UP_TO_12 = r"(1[3-9]|2\d|3[01])", r"(0?[1-9]|1[0-2])"
# ... its year of two digits too, with slashes: "21/2/24" (trial s47), its century as century() gives it; not dotted,
# a version's ("docker 20.10.24", "electron 28.2.10": the review)
_YEARS = YEAR + r"|(?<=/)\d\d"
# (one separator: not 22/03.2025; a colon after it only as a label's, "Tax+NI due 31/01/2027: £3,180", trial s70 F)
_NUMBERED = r"(?<![\w./:-]){0}(?=/\d{{1,2}}/|\.\d{{1,2}}\.){2}{1}{2}({3})(?![\w/-]|:(?!\s|$)|\.\d)"
WRITTEN_DAY = re.compile(rf"(?<![\d_-])({YEAR})[-_]([01]\d)[-_]([0-3]\d)(?![\d_-])|(?<![\w.:/]){_DAY_NUMBER}(?:\s+of)?\s+{_MONTH}\b"
                   rf"(?:,?\s+({YEAR})\b)?|\b{_MONTH}\s+{_DAY_NUMBER}(?![\w.:/])(?:,?\s+({YEAR})\b)?|"
                   + _NUMBERED.format(_OVER_12, _UP_TO_12, "[/.]", _YEARS) + "|" + _NUMBERED.format(_UP_TO_12, _OVER_12, "/", _YEARS)
                   # (dotted with its whole year, day first whatever its numbers, as front matter's: "01.03.2024", trial s47)
                   + "|" + _NUMBERED.format(_UP_TO_12, _UP_TO_12, r"\.", YEAR),
                   re.IGNORECASE)  # not the end of a time or a number: "10:30 March 3rd" is the 3rd
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_NAMES = "|".join(_WEEKDAYS) + r"|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun"  # a weekday, as people shorten it too
CALENDAR_WORD = _MONTH + "|(?:" + "|".join(_WEEKDAYS) + ")s?"  # a month's or a weekday's name
_CALENDAR_WORD = re.compile(CALENDAR_WORD, re.IGNORECASE)


def is_calendar_word(word: str) -> bool:
    """Is word a month's or a weekday's name ("February", "Sept", "Tuesday"), or a weekday's mistyped (weekday_typo)?
    Notes are dated by their file names and 2026-02-17 headings: that none says the name does not make a question
    about that time about something else."""
    return _CALENDAR_WORD.fullmatch(word) is not None or weekday_typo(word) is not None


# words of "day" that are no weekday mistyped: "midday" is one letter from "monday" but for two
_DAY_WORDS = frozenset({"today", "yesterday", "holiday", "holidays", "birthday", "birthdays", "someday", "everyday",
                        "midday", "payday", "paydays", "mayday", "weekday", "weekdays", "doomsday", "heyday", "workday",
                        "workdays", "noonday", "sundae", "sundaes", "friday", "fridays", "saturday", "saturdays",
                        "sunday", "sundays", "monday", "mondays", "tuesday", "tuesdays", "wednesday", "wednesdays",
                        "thursday", "thursdays", "gameday", "matchday", "matchdays", "raceday", "racedays", "schoolday",
                        "schooldays", "nowaday", "nowadays", "twoday", "oneday", "halfday", "fullday"})


@lru_cache(maxsize=1024)
def weekday_typo(word: str) -> str | None:
    """The weekday a word of "day" types with a letter or two wrong, left out, added or swapped ("wedensday",
    "wensday", "thrusday", "tuseday", "firday": trial s74 I, "whats happening next wedensday" had been read as no
    day), its first letter right; None for another word, or a weekday written right."""
    lower = word.lower()
    if not lower.endswith(("day", "days", "dya")) or lower in _DAY_WORDS or not 5 <= len(lower) <= 11:
        return None
    typed = lower.removesuffix("s") if lower.endswith("days") else lower
    near = sorted((_typed_apart(typed, w), w) for w in _WEEKDAYS if w[0] == lower[0])
    near = [(n, w) for n, w in near if n <= 2]
    return near[0][1] if near and (len(near) == 1 or near[0][0] < near[1][0]) else None  # (the one nearest)


def _typed_apart(a: str, b: str) -> int:
    """The letters typed wrong, left out, added or swapped between a and b (optimal string alignment distance)."""
    d = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


_DAYISH = re.compile(r"\b[a-z]{2,8}(?:day|dya)s?\b", re.IGNORECASE)


def weekdays_typed_right(text: str) -> str:
    """text with each weekday mistyped (weekday_typo) written right ("next wedensday": "next wednesday")."""
    if "day" not in text.lower() and "dya" not in text.lower():
        return text
    return _DAYISH.sub(lambda m: weekday_typo(m[0]) or m[0], text)


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a couple of": 2, "a couple": 2, "couple of": 2}
_N = r"(\d{1,3}|a\s+couple(?:\s+of)?|couple\s+of|a|one|two|three|four|five|six|seven|eight|nine|ten)"  # ("a couple of
# weeks ago": two, trial s60 VC-023)
# a day named from today: today, (the day before) yesterday, (the day after) tomorrow, 3 days ago, in 3
# days, the last 5 days, last/this/next/past week, weekend or month, last/this/next/on Tuesday. Not "the
# last two days of the conference", nor a weekday alone or in a name ("Monday Night Live")
# after "on", "for" or "by", a weekday in a name ("Monday Night Live", "on Friday Harbor?": capitalised words after it,
# to the end or two of them) is no day; "on Monday Priya said" is (s42's left-overs: the day had been lost); "I" is no
# name. After "last", "next" ... it is a day: "and last Friday Tom?" (s43's left-overs)
_NO_NAME = r"(?!\s+(?:" + "|".join(_WEEKDAYS) + r")\s+(?-i:[A-Z][a-z])\w*(?:\s+(?-i:[A-Z])|[?.!,;:]*\s*$))"
# ... nor a weekday that the day and month after it say ("on tuesday 19 november 2024", "on Tuesday, Nov 19", "on
# tuesday the 19th of november": trial s49's had been read as last Tuesday too, the days from 2024's to it); a time
# or a day's number alone after it leaves the weekday the day ("on Tuesday 10:30", "last Friday 3 pm", "on Friday the
# 5th")
# (nor a part of it every week: "who runs thursday nights", "on saturday mornings", trial s64 P)
_NO_DAY_AFTER = (r"(?!,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH.replace("(", "(?:", 1) + r"\b|,?\s+"
                 + _MONTH.replace("(", "(?:", 1) + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![:.]\d)"
                 + r"|\s+(?:nights|mornings|afternoons|evenings|lunchtimes)\b)")
# a weekday's name, or as people shorten it ("next tues", "this fri": trial s59 RA-021's "next Tues: dentist"; not "sat",
# "sun", "wed": words too)
_WEEKDAY_WORDS = "|".join(_WEEKDAYS) + r"|mon|tues?|thu(?:rs?)?|fri"
# ... and "sat", "sun", "wed" (words too: "I last sat", "the sun") after "next", "this", "coming" ("the rooks xmas gig
# next sat", "next wed": trials s63 SND-010, S)
_WEEKDAY_WORDS += r"|(?:(?<=next )|(?<=this )|(?<=coming ))(?:sat|sun|weds?)"
# ... and after "last" where no one sat, at the end ("pick rufus up last sat", trial s71 N; not "when I last sat the exam")
_WEEKDAY_WORDS += (r"|(?:(?<=last )(?<!\bi last )(?<!\bwe last )(?<!\bhe last )(?<!\bshe last )(?<!\bthey last ))"
                   r"(?:sat|sun|weds?)(?=\s*[?.!]*\s*$)")  # (at the question's end: "last sat on the bench" is words)
# ... and after "on", "by" at the end ("whats on sat", trial s77 V: of no day; not "sat on the sofa")
_WEEKDAY_WORDS += r"|(?:(?<=\bon )|(?<=\bby ))(?:sat|sun|weds?)(?=\s*[?.!]*\s*$)"  # (not "good for sun": the review)
# tomorrow typed short ("what exam has ellie got tmrw", trial s78 AC; not "tmw", a name's initials too: "tmw sic
# codes", the rescore)
_TOMORROW_TYPED = r"tmrw|tmoz|tomoz|2moro|2morrow"
_RELATIVE = re.compile(
    # ("last night" is yesterday's, not "the last night" of a show's run: trial s58 OB)
    # ("whats on this afternoon": trial s73 N, of no day)
    r"\b(?:(today|tonight|this morning|this afternoon|this evening|this arvo)"
    r"(?:(?<=day)s(?=\s+(?!(?:and|or|in|of|at|on|to|for)\b)[a-z]))?"
    r"|(the day before yesterday|yesterday|(?<!the )last night|the day after tomorrow"
    r"|tomorrow|" + _TOMORROW_TYPED + ")"
    # (a day's without its apostrophe before what it is of: "how was yesterdays workshop", trial s72 J)
    r"(?:(?<=day|row)s(?=\s+(?!(?:and|or|in|of|at|on|to|for)\b)[a-z]))?"
    # ("last months bar stock count", a month's without its apostrophe: trial s64 CIN-020; not "the last months", many)
    rf"|{_N} days? ago|in {_N} days|(last|this|past|previous|next|coming) (week|weekend|month|wk)(?:s(?=\s+\w))?"
    # (not "the last week of March": a week of that month, _WEEK_OF_MONTH)
    r"(?!\s+of\s+" + _MONTH.replace("(", "(?:", 1) + r"\b)"
    rf"|(?:the )?(?:last|past) {_N} days(?! of)|(last|this|past|next|coming|(?:on|for|by)" + _NO_NAME + ") ("
    # (a weekday's without its apostrophe before what it is of: "at last saturdays shoot", trial s70 P GK-022)
    + _WEEKDAY_WORDS + r")" + _NO_DAY_AFTER + r"(?:s(?=\s+(?!(?:and|or|in|of|at|on|to|for)\b)[a-z]))?)\b",
    re.IGNORECASE)
# a question about what is to come: "on Friday" is the coming one ("what is due on Friday?")
# (and a present that goes on, "who is working christmas eve", "what are we doing for new year": trial s51's had been
# read as last year's)
# (a verb's -ing after a person, not a noun's: "what is the thing i wrote", "jo's wedding", "the building code": the review)
# ("what needs doing in january", asked in December: the coming one, trial s52)
# ("which deals close in january", "the lease expires in march": a thing set for a month, the coming one; trial s53)
# (the verb: after a plural, "deals close"; not a noun or an adjective, "the close of the quarter", "close reading in
# october", "close calls in march": the review)
_NOT_RECALL = r"(?!\s*(?:not\s+)?(?:remember|recall|see|find|think|believe|check|look|tell|show|work\s+out)\b)"
_AHEAD = re.compile(r"\b(due|deadlines?|will|upcoming|coming|scheduled|planned|plans?|going to|have to|need to|should|"
                    # ("who has leo on tuesday": a rota's, the coming one; trial s77 AF, last Tuesday's)
                    r"(?<=who )has(?!\s+(?:been|had|done|gone|got|seen|said|made|taken|given|\w+ed)\b)|"
                    # ("how much tax have i got to pay hmrc end of jan" on 9 December, trial s73 C: last January's)
                    r"(?:have|has|['’]ve)\s+(?:\w+\s+)?got\s+to|"
                    # ("whos next to calve this week": trial s75 N, the week's days gone too, yesterday's calving first;
                    # not "next to the door", nor "who sat next to priya": the review)
                    r"\b(?:who|what|which)(?:['’]?s|\s+is|\s+are)?\s+next\s+to\s+"
                    r"(?!(?:the|a|an|my|our|your|his|her|their|its|it|me|him|them|us|you)\b)[a-z]+|"
                    # ("whose dbs runs out in january": trial s73 J, last January's)
                    r"(?:closes|renews|expires|runs\s+out)|"
                    r"(?<=[^s\W]s )(?<!\bthis )(?<!\bhis )(?<!\bits )(?<!\bis )(?<!\bwas )"
                    r"(?<!\bas )(?<!\bhas )(?<!\bus )(?:close|renew|expire)\b(?!\s+(?:call|friend|reading|look))|"
                    r"\b(?:does|do|will)\s+(?:\w+\s+){1,3}?(?:close|renew|expire)\b|starts|begins|launches|"
                    r"kicks\s+off|"
                    # ("what needs paying by mid jan": trial s73 R, read as last January's)
                    r"needs?\s+(?:doing|to\s+be\s+done|(?!ing\b)\w+ing)\b|"
                    # "what's on tuesday?", "who is on friday night?": what is planned (trial s61 YC: last Tuesday's)
                    r"(?<![\w'’])(?:what|who)(?:['’]?s|\s+is|\s+are)\s+on\b"
                    r"(?!\s+(?:it|them|the\s+list|my|your|our)\b)|"
                    # "what have i got on monday?", "have we got anything on friday?" (trial s62 N: last Monday's)
                    # ... "what exam has ellie got on monday" (trial s78 AA: last Monday's), "what have the kids got
                    # on monday", "what's ellie got on monday"; not how one got on ("how has ellie got on at swimming",
                    # the review)
                    r"(?<!\bhow\s)\b(?:have|has|'ve|['’]s)\s+(?:(?:i|we|you|they|he|she|(?:the\s+)?[a-z]+(?<!\bthey)"
                    r"(?<!\bthere))\s+)?got\s+(?:anything\s+|much\s+)?on\b(?!\s+(?:at|with|in|ok|okay|alright|well)\b)|"
                    # ... "whats happening on monday", "anything on monday?" (trial s68 I CHS-021: last Monday's)
                    # ... "anything at the hall on monday" (trial s78 AF: last Monday's)
                    r"\bhappening\b|^\s*(?:is\s+there\s+)?anything\s+(?:else\s+)?(?:(?:at|in|for)\s+(?:the\s+)?(?:\w+\s+){1,2})?on\b|"
                    # ... "how much to hire merlin in august", what it costs to do then (trial s71 F: last August's)
                    r"\bhow\s+much\s+(?:is\s+it\s+|does\s+it\s+cost\s+|would\s+it\s+(?:be|cost)\s+)?to\s+\w+|"
                    # ... "where am i on wednesday", "who am i with on friday" (trial s71 C: a rota's last Wednesday)
                    r"\b(?:where|who)\s+(?:am\s+i|are\s+(?:we|you|they))\b(?=(?:\s+\w+){0,2}\s+on\b)|"
                    # ... what is booked for then: "anything booked for october half term" (trial s79 AB: last year's)
                    r"\bbooked\s+(?:in\s+)?for\b|"
                    # ... what one can or can't do then: "why cant i move the heather hives on saturday" (trial s79 D:
                    # last Saturday's), "can we go on monday", "i can't do friday"
                    # (not what one can recall or look at: "i can't remember what we ate on tuesday", "can i see the
                    # notes from friday", the review)
                    r"(?<![\w'’])(?:can|cant|can['’]t|cannot)\s+(?:i|we|you|they|he|she|it)\b" + _NOT_RECALL + "|"
                    r"\b(?:i|we|you|they|he|she|who)\s+(?:can|cant|can['’]t|cannot)\s+" + _NOT_RECALL + "|"
                    # ... "what have i got to do on thursday", "what do i need to do on friday" (trial s63 PMD-012)
                    r"\b(?:got|have|need)\s+to\s+do\s+on\b|"
                    # ... "what time is the violin tutor in on tuesday": a timetable's (trial s63 MUS-033)
                    r"\bwhat\s+time\s+(?:is|are|does|do)\b|"
                    r"(?:(?:is|are|am|['’]re|['’]m)\s+(?:(?:i|we|you|they|he|she|it)\s+)?|who['’]s\s+)"
                    r"(?!(?:some|no|every|any)?thing\b|meeting\b|morning\b|evening\b|building\b|wedding\b|"
                    r"string\b|spring\b|reading\b|ceiling\b|king\b|ring\b)\w{2,}ing)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(was|were|did|had|happened|went|spent|(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!['’]ve )"
                   r"got\s+\w+ed)\b", re.IGNORECASE)  # "what was due on Friday?" looks back ("what got poured on the
# 24th", trial s72 J: the coming 24th; not "what have i got lined up")
# a month: "in December", "during October 2025", "this March", "next May"; "may" and "march" only as names
# ("in May"). Not "for June" (a name), nor "since October" (a range from it, not the month).
# a day's number after a month's name: "for December 3" names a day, not the month (trial s37)
_DAY_AFTER = r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![\d:.])"
# ... and a month with its year, written without "in" ("what about May 2024?"), not a day's ("14 March 2024")
# a month's name as a question writes it: "may" and "march" are words too, so only "May", "March" (and "MAY")
# ... or typed in lower case after "in", "during", "of", "from" and before its year: "in march 2024"
# (trial s46: a runner's weights of March 2024 asked so; "so it may 2024 be" is still a word)
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?-i:Mar(?:ch)?|May|MARCH|MAY)|"
              r"(?:(?<=\bin )|(?<=\bduring )|(?<=\bof )|(?<=\bfrom ))(?:mar(?:ch)?|may)(?=,?\s+(?:19|20)\d\d\b)|"
              # ... or ending the question after "in" or "during": "what did we do in may?" (trial s47), or after
              # "last", "next", "this", or a part's after "in", or "end of" ("what did we plant in early may?", "the
              # big job end of march", trial s62; not "early may" alone)
              # (... or "for", what is planned or due then: "anything planned for may", the s84 trials' "what was castle's
              # bill for may" had found that "may" read as no month)
              r"(?:" + "|".join(rf"(?<=\b{w})" for w in ("in ", "during ", "last ", "next ", "this ", "in early ",
                                                         "in late ", "mid-", "mid ", "end of ", "start of ",
                                                         "beginning of ", "middle of ", "for "))
              # (... or before the year it is of from today: "the shop end of march this year", trial s66 GAM-010)
              + r")(?:march|may)(?=\s*[?.!]*\s*$|(?:\s+of)?\s+(?:last|this|next)\s+(?:year|yr)\b)"
              # ... or after "last", "next", "this", "in", "during" before other words, not a verb's ("last march about
              # fire safety", trial s67 T; "the heating callout in march cost", trial s74 B; not "this may be", "what
              # i put in may be wrong")
              # (... or "end of", "start of": "whats due end of may for the thesis", trial s78 U, of no day)
              r"|(?:(?<=\blast )|(?<=\bnext )|(?<=\bthis )|(?<=\bin )|(?<=\bduring )|(?<=\bend of )|(?<=\bstart of )"
              r"|(?<=\bbeginning of )|(?<=\bmiddle of ))(?:march|may)\b(?!\s+(?:be|not|have|need|want|take|get|"
              r"come|go|help|look|work|well|also|still|just|i|we|you|he|she|they)\b)"
              # ... or after "in" or "during" before a break that sets the rest apart: "oakley in march - anything
              # medical happen", "in may, who came" (trial s65 D: read as no day)
              r"|(?:(?<=\bin )|(?<=\bduring ))(?:march|may)(?=\s*(?:[,;:]|\s[-–—]\s))"
              # ... or after a week of ("first week of march", trial s67 G)
              r"|(?<=\bweek of )(?:march|may)\b)")
# ... and a part of one: "in mid-July", "early July", "at the end of June", read as the month (trial s44: no day had
# been read); with its year after "for", the thing's month, not when it was noted: "the invoice for December 2024"
_PART_OF = r"(?:(?:the\s+)?(?:early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of)[-\s]+)"
_PART = re.compile(_PART_OF, re.IGNORECASE)
# a week of a month by its place: "the second week of April", "the last week of March 2025" (trial s44: read as no
# day, or "last week" from today, or the whole month); the first is its days 1 to 7, the last its last seven
_WEEK_OF_MONTH = re.compile(r"\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(" + MONTH_NAME
                            + r")\b(?:,?\s+(" + YEAR + r"))?", re.IGNORECASE)
_WEEK_PLACE = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
# (a month with its year after a part's words is read with them, or not at all after "for": "for mid-December 2024")
_NOT_A_PART = "".join(f"(?<!{w})" for w in ("mid-", "mid ", "early ", "late ", "end of ", "start of ", "beginning of ",
                                             "middle of ", "week of "))
_IN_MONTH = re.compile(r"\b(?:(in|during|this|last|next|coming)\s+" + _PART_OF + r"?|(?<!\d )(?<!(?:st|nd|rd|th) )"
                       r"(?<!\d\. )(?<!\d of )(?<!(?:st|nd|rd|th) of )"  # "the 6th of February 2025" is a day (s42)
                       r"(?<!\bfor )" + _NOT_A_PART + r"(?=" + _MONTH + r",?\s+" + YEAR + r"\b)|"
                       r"(?<!\bfor )(?<!\bthe )" + _PART_OF + r"(?=" + MONTH_NAME
                       + r"\b(?!\s+(?-i:[A-Z]))))"  # (not "the end of March Madness", "late June Carter": the review)
                       # (not a month's bank holiday: "last august bank holiday" is its day, trial s79 F, all of August)
                       r"(" + MONTH_NAME + r")\b(?!['’]|\s+(?:quarter|qtr)s?\b|\s+bank\s+hol|" + _DAY_AFTER + r")"
                       r"(?:,?\s+(" + YEAR + r"))?",
                       re.IGNORECASE)
# ... before a meeting or a report that comes round every month, as people name one: "the october committee meeting",
# "minutes from the October trustees meeting", "the november pricing review" (trials s52, s53, s54: an earlier one had
# come first; "our april 1:1", trial s59); not a thing that happened once, "the October outage" (the same groups as
# _IN_MONTH's)
_MONTHS_EVENT = re.compile(r"\b(?:the|our|my)\s+()()(" + MONTH_NAME + r"|march|may)(?:\s+(" + YEAR + r"))?"
                           # (not a day: "the april 25 review" is no month's, trial s68 G FOS-015: "Dated from April 25
                           # to 2026-04-30")
                           r"(?!\s+\d{1,2}(?:st|nd|rd|th)?\b(?![:/-]))\s+(?:[\w&'’-]+\s+){0,2}?"
                           r"(?:meeting|committee|board|review|retro|retrospective|session|minutes|newsletter|report|"
                           r"call|standup|stand-up|catch-?up|check-?in|update|payroll|statement|sprint|offsite|all-hands|"
                           r"1:1|1-1|one-on-one|inspection|visit|service)s?\b", re.IGNORECASE)
# ... after "for", in a question for what is due or scheduled (the same groups as _IN_MONTH's); not "March Madness"
# (not a quarter a month names, "vat return for dec quarter when due", trial s65 Z: read as due in December)
_FOR_MONTH = re.compile(r"\b(for)\s+()(" + MONTH_NAME + r")\b(?!['’]|\s+(?-i:[A-Z])|\s+(?:quarter|qtr)s?\b|" + _DAY_AFTER
                        + r")"
                        r"(?:,?\s+(" + YEAR + r"))?", re.IGNORECASE)


# ... after "for" in a question for what is planned, booked or on then
_PLANNED = re.compile(r"\b(?:plann?ed|plans|booked|lined\s+up|arranged|coming\s+up|(?:what['’]?s|anything)\s+on)\s+for\b",
                      re.IGNORECASE)


_WHEN_FOR = re.compile(r"\s*when\b", re.IGNORECASE)  # "when does school break up for Christmas 2024?": the day asked is
# another's, the holiday what it is for


def looks_back(text: str) -> bool:
    """Does a question look back ("what did I do in Feb?"), in the past tense?"""
    return _PAST.search(text) is not None


# a month a passage names by its name ("Don't ring in Feb", "MOT due every March"): "may" and "march" capitalised
# ... after "in", "every", "during", ... or before a mark, a number or the end, not a name ("Jan Novak", "April
# Smith") nor a sentence's first word ("May need a skip": the review)
_A_MONTH = (r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
            r"nov(?:ember)?|dec(?:ember)?)|Mar(?:ch)?|May|MARCH|MAY)\b")
_MONTH_SAID = re.compile(r"(?:(?<=\bin )|(?<=\bduring )|(?<=\bevery )|(?<=\beach )|(?<=\bof )|(?<=\buntil )|(?<=\btill )"
                         r"|(?<=\bby )|(?<=\bfrom )|(?<=\bbefore )|(?<=\bafter )|(?<=\bthrough ))" + _A_MONTH
                         + r"|\b" + _A_MONTH + r"(?=\s*[:–—-]|\s*$|\s+\d)"
                         # ... or before another ("Jan/Feb: drop to 5kg", "Jan & Feb", trial s75 AA: January unread)
                         + r"|\b" + _A_MONTH + r"(?=\s*(?:/|&|\+)\s*" + _A_MONTH + ")")


def months_said(text: str) -> frozenset[str]:
    """The months ("MM") text names by name, of no year and not as a day's ("readout Dec 14th, 2026" says a day, not
    the month: trial s53): "02" of "Don't ring in Feb"."""
    text = WRITTEN_DAY.sub(" ", text) if any(ch.isdigit() for ch in text) else text
    return frozenset(f"{_MONTHS.index(m[0][:3].lower()) + 1:02d}" for m in _MONTH_SAID.finditer(text))


def looks_ahead(text: str) -> bool:
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


# "what did i cook wednesday just gone", "the saturday just gone": the last one (trial s71 X: of no day)
_JUST_GONE = re.compile(r"\b(?:the\s+)?(" + "|".join(_WEEKDAYS) + r"|weekend|week)\s+(?:just\s+)?(?:gone|passed)\b",
                        re.IGNORECASE)  # ("what happened friday gone", as it is said: trial s73 T, of no day)


# a weekday's before what it is of, "sunday's handover", "what was friday's takings", read as "on sunday" (trial s75 O:
# "what did i put in sundays handover" had been of no day, the handover checklist's lines all ten); without its
# apostrophe where the question looks back, after "in", "at", ... ("in sundays handover": what was, not every Sunday's;
# not "who covered mondays when sam was off": the review)
_WEEKDAY_OWNING = re.compile(r"(?<![\w'’])(?<!on )(?<!last )(?<!this )(?<!next )(?<!every )(?<!coming )"
                             r"((?:in|at|from|for|of)\s+(?:the\s+)?)?(" + "|".join(_WEEKDAYS) + r")(['’]s|s)"
                             r"(?=\s+(?!(?:and|or|in|of|at|on|to|for|is|are|was|were|ago|before|after|gone|just|week|"
                             r"when|with|like|during|last|this|that|cost|costs)\b)[a-z])", re.IGNORECASE)


def _weekdays_own(text: str) -> str:
    """text with a weekday's before what it is of written "on" the weekday (_WEEKDAY_OWNING)."""
    if "s " not in text.lower():
        return text
    back = _PAST.search(text) is not None
    return _WEEKDAY_OWNING.sub(lambda m: f"{m[1] or ''}on {m[2]} " if m[3] != "s" or back and (
        m[1] or _HOW_WAS_BEFORE.search(text, 0, m.start())) else m[0], text)


# ... or right after "how did", "what was" ("how did mondays rehearsal go": trial s77 L, of no day)
_HOW_WAS_BEFORE = re.compile(r"\b(?:how|what|why)\s+(?:did|was|were)\s+(?:the\s+)?$", re.IGNORECASE)


# asked whether a place is open or shut on a weekday, any such one: "is plumb center open saturday", "are they closed
# on mondays" (trial s76 C: read as the coming Saturday, its opening hours not in ten); not "this saturday", "next
# monday", nor a day its number says ("open sat 3rd"); "what time does the shop open on sunday" is the coming one's
# (trial s63 MUS-033, a timetable's)
# (not who opens or closes up a day, a shift's: "who is opening on friday"; nor one day it was: "was shut on friday")
# (... or a bank holiday, any: "is city plumbing open bank hol monday", trial s78 Y, had put the coming one's passages
# first, "Closed bank hols." 4th)
_OPEN_ON = re.compile(r"\b(?:is|are|isn['’]?t|aren['’]?t)\s+(?:\S+\s+){0,4}?(?:open|closed|shut)\s+(?:on\s+)?(?:(?:"
                      + "|".join(_WEEKDAYS) + r"|tues|thurs|weds|sat|sun)s?|bank\s+hol(?:iday|s)?s?(?:\s+mon(?:day)?s?)?)"
                      # (nor one of a week said after it: "is the pool open on thursday this week", trial s91 V, read
                      # as the whole week, Monday's "Pool closed" first)
                      r"\b(?!\s*(?:the\s+)?\d|\s+(?:this|next|coming)\s+week\b)", re.IGNORECASE)


# ... and the weekdays one does, each such one: "which gp at elm tree only does tues and thurs" (trial s77 I: the coming
# Thursday's passages had come first)
_WEEKDAY_NAME = r"(?:" + _DAY_NAMES + r")s?"
_DOES_WEEKDAYS = re.compile(r"(?<=\w\s)does\s+(?:only\s+)?" + _WEEKDAY_NAME + r"(?:\s*(?:,|and|&|or|\+|/)\s*"
                            + _WEEKDAY_NAME + r")*\b(?!\s*(?:the\s+)?\d|['’])", re.IGNORECASE)  # (not "does tuesday's rota")


# a weekday a question opens with, its part of the day or a mark after it: "thursday evening what am i doing", "friday -
# what have i got" (trial s77 Y: of no day), read as "on thursday"
_LEADING_WEEKDAY = re.compile(r"^\s*((?:" + "|".join(_WEEKDAYS) + r"|mon|tues?|weds?|thu(?:rs?)?|fri)\b"
                              r"(?:\s+(?:morning|afternoon|evening|night|am|pm))?)\s*[-–—:,]?\s+(?=(?:what\S*|whos|who['’]?s|"
                              r"who|where|when|how|any|anything|is|are|am|did|do|have)\b)", re.IGNORECASE)


def _weekday_last(text: str) -> str:
    """text with a weekday it opens with (_LEADING_WEEKDAY) after what it asks, "on" before it: "thursday evening what
    am i doing" read as "what am i doing on thursday evening" ("friday - what have i got" as "what have i got on
    friday", the coming one: the review)."""
    m = _LEADING_WEEKDAY.match(text)
    return f"{text[m.end():].rstrip(' ?.!')} on {m[1]}" if m else text


# "at the weekend", "over the weekend": this week's, the one just gone when asked of in the past on a weekday (trial
# s79 P: "what did we do at the weekend" had been of no day); not "the weekend before last", "the weekend of the 4th"
_THE_WEEKEND = re.compile(r"\b(at|over|on|during)\s+the\s+weekend\b(?!\s+(?:before|after|of|when|that)\b)",
                          re.IGNORECASE)


def relative_days(text: str, today: date | None = None) -> set[str]:
    """The days text names from today, "YYYY-MM-DD" ("what did I do yesterday?", "last Tuesday",
    "last week": its Monday to Sunday); "on Tuesday" is the last one before today, or the coming one
    when the question looks ahead ("what is due on Tuesday?"). Not in quotes: '"Yesterday"' is words."""
    text = _weekday_last(_JUST_GONE.sub(r"last \1", _quotes_blanked(text)))
    text = _THE_WEEKEND.sub(r"\1 this weekend", text) if "weekend" in text.lower() else text
    text = _DOES_WEEKDAYS.sub(lambda m: " " * len(m[0]), _OPEN_ON.sub(lambda m: " " * len(m[0]), text))
    if any(ch.isdigit() for ch in text):  # (the hours after a weekday: "what's on wednesday 6 till 7" is Wednesday's)
        text = _hours_blanked(text)
    today = today or clock.today()
    ahead = looks_ahead(text)
    out: set[date] = set()
    text = _this_time_last(text, today, out)
    text = _day_of_month_from_today(text, today, out)
    text = _ago_today(text, today, out)
    text = _weekday_of_week(text, today, out)
    text = _weekdays_own(text)  # (after "tuesday's standup this week", its week's)
    text = _week_on(text, today, out)
    text = _weekday_by_holiday(text, today, out)
    text = _half_terms(text, today, out)
    text = _school_holidays(text, today, out)
    text = _month_ranges(text, today, ahead, out)
    back = _PAST.search(text) is not None
    text = _weekday_the_number(text, today, back, out, ahead)
    text = _after_weekday(text, today, back, out)
    present = not back and _PRESENT.search(text) is not None
    for m in _DAY_NUMBER_ALONE.finditer(text):  # "what's on the 10th?": of this month, or the next or last one
        # (of no tense, a day of this month gone a week or less: "spa ph out on the 6th" on the 7th, trial s74 X, had
        # been of the next month's)
        gone = _iso(f"{today.year}-{today.month:02d}-{int(m[2]):02d}")
        lately = not ahead and not present and gone is not None and 0 < (today - gone).days <= 7
        if (day := _day_of_number(int(m[2]), today, back or lately)) is not None:
            out.update(_after(day) if m[1].lower() == "after" and not back else (day,))
    dated = _names_a_period(text)
    for m in _RELATIVE.finditer(text):
        if dated and m.group(6):
            continue  # "the plan for next week in my week 16 review": a heading's words, not the coming week (trial s42)
        if (m.group(1) or "").lower() == "today" and _NOWADAYS.search(text, 0, m.start()):
            continue  # "the provider we use today": these days, not the day (trial s60 UB-008)
        if m.group(6) and m[0][-1] in "sS" and text[:m.start()].lower().endswith("the "):
            continue  # "the last months of the year": many, no period
        # (a weekday asked of in the present, the coming one: "who's lead chaperone on friday" on a Wednesday, trial
        # s73 D, had been last Friday's; not with a verb of what was, "what is it I wrote down on tuesday", nor of what
        # one does every week, "what does murphy do on thurs")
        on_day = present and (m.group(8) or "").lower() == "on" and _TENSED.search(text) is None \
            and _DOES_DO.search(text) is None
        span = _relative_span(m, today, ahead or on_day, back)
        if (m.group(5) or "").lower() == "this" and m.group(6) and ahead and not back:
            rest = [d for d in span if d >= today]  # "whats coming up this week" on a Saturday: the days left of it,
            # not Monday's gone (trial s71 I); what is due this week, the days gone too (overdue by now); on a Sunday,
            # today and the week to come, what is due then as well (trial s72 B: "what's due this week" had been
            # Monday's; Q, R, T: the two weeks it was next had read as odd)
            if m.group(6).lower() in ("week", "wk") and len(rest) <= 1:
                span = rest + _period("next", "week", today)
            elif not asks_due(text):
                span = rest
        out.update(span)
    for m in _WEEK_OF_DAY.finditer(text):
        named = _day_named(text, m.end()) or _day_near(text, m.end(), today, ahead, back)
        if named is not None:  # "the week of 2026-02-30" names no week
            monday = named[1] - timedelta(days=named[1].weekday())
            out.update(monday + timedelta(days=i) for i in range(7))
    for m in _WEEKEND_OF_DAY.finditer(text):
        if (day := _day_of_weekend(text, m.end(), today, back)) is not None:
            out.update(_weekend_of(day))
    for m in _WEEK_NUMBER.finditer(text):
        out.update(_week_numbered(m))
    # (a month's meeting asked when it is, "when's the september council meeting" in July: the coming one, as meetings
    # are set ahead, trial s76 M, had been last September's; a month soon asked of in the present, the coming one too;
    # not "when is the MOT in March", months away, which may be last March's)
    when_is = present and _WHEN_IS_ASKED.search(text) is not None
    for m in _MONTHS_EVENT.finditer(text):
        out.update(_month_named(m, today, ahead or when_is or present and _soon_month(m, today, nearer=True)))
    # (a month weeks ahead asked of in the present tense, the coming one: "when is Jake off in January?" on 4 December,
    # trial s55, had been read as last January)
    for m in _IN_MONTH.finditer(text):
        if _after_since(text, m.start()):
            continue  # "since March 2024", "before last May": a span from it or up to it, not its days (trial s46)
        if not (m.group(1) and not m.group(4) and _NAME_AFTER.match(text, m.end())):  # "in June Carter's class"
            out.update(_part_of_month(text, m, _month_named(m, today, ahead or present and _soon_month(m, today, nearer=True))))
            if not (ahead or back or present or _TENSED.search(text)) and _soon_month(m, today):
                # a question of no tense: the coming one too, when soon ("weddings in november" on 9 September, trial
                # s79 O, had been of last November alone), as a holiday's
                out.update(_part_of_month(text, m, _month_named(m, today, True)))
    for m in _WEEK_OF_MONTH.finditer(text):  # "the second week of April": its days 8 to 14
        month = _week_month(m, today, ahead)
        place = _WEEK_PLACE.get(m.group(1).lower())
        out.update(month[-7:] if place is None else month[7 * place:7 * place + 7])
    for m in _WEEKDAYS_AGO.finditer(text):  # "two saturdays ago": the one before last Saturday
        out.add(_weekday(today, weekday_number(m[2]), "last", False) - timedelta(days=7 * (_count(m[1]) - 1)))
    for m in _WEEKDAY_BEFORE_LAST.finditer(text):
        if m[1].lower() == "week":
            out.update(d - timedelta(days=7) for d in _period("last", "week", today))
        else:
            out.add(_weekday(today, weekday_number(m[1]), "last", False) - timedelta(days=7))
    for m in _WEEKS_AWAY.finditer(text):  # "two weeks ago", "in 3 weeks": that week, Monday to Sunday
        if m[2] and not ahead:
            continue  # "how much weight did I lose in 3 weeks?": how long, not when (the second review)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_count(m[2]) if m[2] else -_count(m[1]))
        # ... "a couple of weeks ago": about then, the week either side too (trial s70 S BB-023: the Monday after
        # the week two weeks before had been left out)
        vague = 1 if "couple" in (m[1] or m[2] or "").lower() else 0
        out.update(monday + timedelta(days=i) for i in range(-7 * vague, 7 * (1 + vague)))
    # "what is scheduled for January?" (trial F), "anything planned for january" (trial s63 C); not "a gift for June"
    planned = _PLANNED.search(text) is not None
    if asks_due(text) or planned:
        for m in _FOR_MONTH.finditer(text):  # (what is booked for a month is of the coming one, unless it says it was)
            out.update(_month_named(m, today, ahead or planned and not back))
    # "in the new year", "after new year": the first month of the year to come, this one's in January (trial s69 D
    # PNT-035: "when am i back at ashdale in the new year" had been read as no day, last January's visit first)
    if _IN_THE_NEW_YEAR.search(text):
        year = today.year if today.month == 1 else today.year + 1
        out.update(date(year, 1, 1) + timedelta(days=i) for i in range(31))
    # "between christmas and new year": its days, Christmas Day to New Year's Day (trial s65 T: read as 25 December)
    between = _CHRISTMAS_TO_NEW_YEAR.search(text)
    if between and (xmas := _HOLIDAY.match(text, between.start(1))) is not None:
        first = _holiday(xmas, today, ahead, back or not present)
        out.update(first + timedelta(days=i) for i in range(8))
    for m in _HOLIDAY.finditer(text):  # (present: not back and in the present tense, as above)
        if between and between.start() <= m.start() < between.end():
            continue
        which = m.group(1) or m.group(3) or m.group(4)  # "last christmas", "christmas 2024", "easter last year"
        if re.search(r"\bfor\s+$", text[:m.start()], re.IGNORECASE) \
                and (not which and (out or not (ahead or back or asks_due(text)))
                     or _WHEN_FOR.match(text) and not asks_due(text)):
            continue  # what it is for, not a day: "when does school break up for Christmas?" (trial s36b), of any
            # year: "... for christmas 2024" (trial s49, "nothing dated on 2024-12-25"); in a question that names its
            # time, "what did I book for christmas last week?" (trial s61: read as last Christmas's too)
        if _holiday_name(m).startswith("bank holiday") and _IN_MONTH.search(text):
            continue  # "takings for the bank holiday week in august": the month's (its days), not the nearest one
        if _holiday_name(m).startswith("clocks") and _ASKS_WHICH_DAY.match(text):
            continue  # "when do the clocks go back": the day asked, not one to read the notes of
        if _FIRST_BEFORE.search(text, 0, m.start()):
            continue  # "at the first halloween": of the earliest year of it (asking.asks_earliest), not the last one
        if _after_since(text, m.start()):
            continue  # "the last day of term before xmas": a span to it, not it (trial s52: "nothing dated on 2025-12-25")
        if _THE_BEFORE.search(text, 0, m.start()) and not which and _NOUN_AFTER.match(text, m.end()):
            continue  # "my notes on the xmas minis": a thing of it, named, not its day (trial s53: read as 2025-12-25)
        # ("photos from christmas", "since christmas": one gone, the review)
        gone = re.search(r"\b(?:from|since)\s+(?:the\s+)?$", text[:m.start()], re.IGNORECASE) is not None
        # (of a year the question says apart from it: "christmas day price this year", "what happened on bonfire night
        # in 2025": trials s77 B, H, read as last Christmas and last Bonfire Night)
        said = None if which else _one_year_said(text, today)
        name = _holiday_name(m)
        held = _holiday_of_year(name, said, today) if said else _holiday(m, today, ahead, back or gone or not present)
        out.update(_holiday_days(m, held))
        if name == "may bank holiday" and (said or m.group(3) or m.group(4)):
            # (of a year said, both of May's: "the may bank holiday 2026", the review)
            out.update(d for d in bank_holidays(held.year) if _ANY_BANK_HOLIDAY[name](d))
        if not said and not (back or gone or present or _TENSED.search(text)):
            # a question of no tense: the coming one too, when soon ("cellar door xmas opening days" on 5 December,
            # trial s62 F, had been of last Christmas alone)
            out.update(_holiday_days(m, _holiday(m, today, ahead, False)))
    # (... or what anyone may do, in the present: "can guests take the dog on harlyn beach in summer", trial s80 S, read
    # as last summer's; not "can anyone remember what we did in the summer", the review)
    advice = _ADVICE.match(text) is not None or _MAY_DO.match(text) is not None and not _PAST.search(text) \
        and not _TENSED.search(text)
    for m in _SEASON.finditer(text):
        if advice and not (m[1] or m[3] or m[5] or m[6]):
            continue  # "how do I stop the archtop drying out over the winter?": when to do it, not a period (trial s60)
        if (fell := _FALL_DONE.search(text, 0, m.end() + 16)) and fell.end() == m.end():
            continue  # "when did mum last fall": a fall, no autumn (trial s89 U: only 2029's autumn had been searched)
        if not _after_since(text, m.start()):  # "since last spring": from it, as a month's
            out.update(_season(m, today, ahead, present))
    for m in _SPAN.finditer(text):  # "in the next two weeks": today and the 13 days after it; "the past two weeks"
        if m[1] and not _PLANS.search(text) and _FOR_BEFORE.search(text[:m.start()]):
            continue  # "what should I avoid for the next two weeks?": how long, not when (the second review)
        span = _count(m[2] or m[5]) * _UNIT_DAYS[(m[3] or m[6]).lower()]
        out.update(today + timedelta(days=i if m[1] else -i) for i in range(span))
    if _UPCOMING.search(text):  # "which deadlines are coming up?": the next two weeks
        out.update(today + timedelta(days=i) for i in range(UPCOMING_DAYS))
    # a weekday alone at a question's end: "what am i doing tuesday" the coming one, "what did i do tuesday" the last
    # (trial s64 CAR-006: last week's "Tue 24: dentist" had come first); of one in the present, the coming one ("who's
    # in the shop wednesday", "what have i got to do monday": trial s72 L, of no day); not of one of no tense ("notes
    # tuesday")
    if not out and (ahead or back or present or _GOT_TO.search(text)) and (m := _END_WEEKDAY.search(text)) is not None \
            and (before := text[:m.start()].split()) and before[-1].lower() not in _NAMED_DAY_FIRST \
            and not _a_kind_of_day(before) and not _ON_A.search(" ".join(before[-4:])):  # (nor "on a riverside friday", "on a typical busy saturday",
        out.add(_weekday(today, weekday_number(m[1] or m[2]), "on", not back))  # any such one: trial s75 A)
    return {d.isoformat() for d in out}


_ON_A = re.compile(r"\bon\s+an?\s+\S+(?:\s+\S+)?$", re.IGNORECASE)  # "on a" and a word or two: any such day
_DOES_DO = re.compile(r"\b(?:does|do)\s+(?:\w+\s+){1,2}?do\b", re.IGNORECASE)  # "what does murphy do", "what do we do"
_GOT_TO = re.compile(r"\b(?:have|has|['’]ve)\s+(?:\w+\s+)?got\b|\bgot\s+to\b", re.IGNORECASE)  # "what have i got to do"


# the first word of a day named with a weekday ("remembrance sunday", "good friday", "black friday": the rescore)
_NAMED_DAY_FIRST = frozenset("remembrance easter palm mothering good black ash maundy cyber super holy whit shrove low "
                             "holiday hol "
                             "trinity advent plough fat giving small".split())
# ... and any one of them ("what time do the trades have to finish on a saturday": trial s73 U, read as the 12th)
_NAMED_DAY_FIRST |= frozenset("a an any every each".split())
# (a part of the day after it too: "what happened friday night", trial s71 L, had been of no day)
# (not "that saturday": one the notes say, not the last or the next, trial s78 S: "why did tidewater's checkout break that
# saturday" had been last Saturday's)
# (... short too: "what am i doing fri"; "sat", "sun", "wed" words too, before a part of the day only, "what am i doing
# sat morning", trial s79 Q, of no day)
_DAY_PART = r"\s+(?:night|evening|morning|afternoon|lunch(?:time)?|teatime)"
_END_WEEKDAY = re.compile(r"(?<![\w'’-])(?<!\bthe\s)(?<!\bthat\s)(?:(" + "|".join(_WEEKDAYS) + r"|tues?|thu(?:rs?)?|mon|fri)"
                          r"(?:" + _DAY_PART + r")?|(sat|sun|weds?)" + _DAY_PART + r")\s*[?!.]*\s*$", re.IGNORECASE)


UPCOMING_DAYS = 14
_DUE_WORD = r"(?:deadlines?|due(?!\s+to\b)|tasks?|to-?dos?)"
# a question of only what is coming up: "what's coming up?", "anything coming up soon?" (trial s48: a done task of
# last year had come first)
# ("what have i got coming up", "what do we have coming up": trial s52's had found the fuse box's labels)
COMING_UP = (r"^\W*(?:so\W+)?(?:what(?:['’]?s|\s+is)?|what\s+(?:have\s+(?:i|we)(?:\s+got)?|do\s+(?:i|we)\s+have|"
             r"(?:i|we)['’]ve\s+got)|anything|is\s+(?:there\s+)?anything)\s+(?:else\s+(?:is\s+)?)?"
             r"coming\s+up"
             r"(?:\s+(?:for\s+me|soon|next))?(?=\W*$)")
_UPCOMING = re.compile(rf"\b(?:upcoming|coming up)\b(?=.*\b{_DUE_WORD}\b)|\b{_DUE_WORD}\b.*\b(?:upcoming|coming up)\b|"
                       + COMING_UP, re.IGNORECASE)


# a weekday named by the word before it after "the next", "the last" ("when is the next patch tuesday": trial s83 O, read
# as the coming Tuesday); not a week's ("next week tuesday")
_KIND_BEFORE = frozenset("next last first every".split())
_WEEK_WORDS = frozenset("week wk weekend month thing".split())  # ("first thing monday": the review)


def _a_kind_of_day(before: list[str]) -> bool:
    return len(before) >= 2 and before[-2].lower() in _KIND_BEFORE and before[-1].lower() not in _WEEK_WORDS


def _names_a_period(text: str) -> bool:
    """Does text name a week or a month by its year ("week 16 of 2025", "2025-W16", "March 2025")? Then "next week"
    or "last month" beside it is a heading's words ("## Next week" of a weekly review), not counted from today; a
    day beside it is not ("what changed between 14 March 2025 and last week?", the review)."""
    return _WEEK_NUMBER.search(text) is not None or any(m.group(4) for m in _IN_MONTH.finditer(text)) \
        or any(m.group(3) or m.group(6) for m in _MONTH_RANGE.finditer(text))


def _day_named(text: str, at: int) -> tuple[re.Match, date] | None:
    """(its match, the day) of a day with its year text names at at ("2025-02-10", "10 February 2025", "February 10th,
    2025"), if any."""
    m = WRITTEN_DAY.match(text, at)
    day = written_day(m) if m is not None else None
    return (m, day) if day is not None else None


def _day_near(text: str, at: int, today: date, ahead: bool, back: bool) -> tuple[re.Match, date] | None:
    """(its match, the day) of a day without its year text names at at ("w/c 14 dec"): the coming one for a question
    that looks ahead, the last one for one that looks back ("what did we do the week of 3 jan"), else the nearest."""
    m = WRITTEN_DAY.match(text, at)
    if m is None:
        return None
    year, month, day = day_of(m)
    if year or not 1 <= int(month) <= 12:
        return None
    near = [d for y in (today.year - 1, today.year, today.year + 1)
            if (d := _iso(f"{y}-{int(month):02d}-{int(day):02d}")) is not None]
    if ahead or back:
        near = [d for d in near if (d >= today - timedelta(days=6)) == ahead] or near  # (a week begun is still on)
    else:  # of no tense: a week of the next two months, else the last one, as a month of no tense is (the review)
        near = [d for d in near if d <= today + timedelta(days=61)] or near
    return (m, min(near, key=lambda d: abs((d - today).days))) if near else None


def written_day(m: re.Match) -> date | None:
    """The day of a WRITTEN_DAY match that says its year, if it is one of the calendar."""
    year, month, day = day_of(m)
    return _iso(f"{year}-{int(month):02d}-{int(day):02d}") if year and 1 <= int(month) <= 12 else None


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


_WHEN_IS_ASKED = re.compile(r"\bwhen(?:['’]?s\b|\s+(?:is|are)\b)", re.IGNORECASE)  # "when's", "whens", "when is"
# a month asked of in the present tense that begins this many days from today or less is the coming one, nearer than
# the last (trial s73 K: "where do i get eggs in feb" on 9 December had been last February's; a holiday's: _SOON)
_SOON_MONTH = 75


def _soon_month(m: re.Match, today: date, nearer: bool = False) -> bool:
    """Does an _IN_MONTH match without a year or a step name a month that begins _SOON_MONTH days from today or less?"""
    if m.group(4) or m.group(1) and m.group(1).lower() != "in":
        return False
    month = _MONTHS.index(m.group(3)[:3].lower()) + 1
    first = date(today.year + (month <= today.month), month, 1)
    # (... or, asked of in the present, nearer than the last one's end: "am i off in august" on 15 April, trial s80 L,
    # had been last August's)
    last_end = date(first.year - 1, month, calendar.monthrange(first.year - 1, month)[1])
    return (first - today).days <= max(_SOON_MONTH, (today - last_end).days if nearer else 0)


_SOON_SEASON = 100  # days from today a season asked of in the present tense begins in, at most, to be the coming one


def _season_soon(start: Callable[[int], date], today: date) -> bool:
    """Does the season that starts (a year -> its first day) begin _SOON_SEASON days from today or less?"""
    first = start(today.year) if start(today.year) > today else start(today.year + 1)
    return (first - today).days <= _SOON_SEASON


# the days of a month's part, from its first day: its first half, its middle (over the halves), its second half
_PARTS = {"early": (0, 15), "beginning": (0, 15), "start": (0, 15), "mid": (5, 25), "middle": (5, 25), "late": (15, 31),
          "end": (15, 31)}


def _part_of_month(text: str, m: re.Match, days: list[date]) -> list[date]:
    """days, a month an _IN_MONTH match names, or the part of them its part says ("in early March": 1 to 15)."""
    part = _PART.search(text, m.start(), m.start(3))
    if part is None:
        return days
    word = re.search(r"early|beginning|start|mid|middle|late|end", part[0], re.IGNORECASE)
    first, last = _PARTS[word[0].lower()]
    return days[first:last]


def _month_named(m: re.Match, today: date, ahead: bool) -> list[date]:
    """The days of an _IN_MONTH match: "next May" the coming one, "last May" the one before, "in May" either
    as the question looks ahead or back."""
    when = (m.group(1) or "in").lower()
    month = _MONTHS.index(m.group(3)[:3].lower()) + 1
    step = 1 if when in ("next", "coming") else -1 if when == "last" else 0 if when == "this" else None
    return _month(month, m.group(4), today, ahead, step)


# a holiday this close ahead, asked of in no past tense, is the coming one ("where are we at christmas" on 4 December:
# trial s55 had read last year's)
_SOON = 75  # (Christmas in late October: trials s77 Q, V, "is kev off over christmas" had been last year's)
# a verb of what was, beside _PAST's: a question that says none of these nor _PRESENT's words asks of no tense
_TENSED = re.compile(r"\b(?:\w+ed|bought|got|made|gave|took|said|told|sent|paid|ate|saw|met|won|lost|wrote|"
                     r"sold|left|came|ran|brought|thought|found|kept|held|sang|drank|read|ago|last|"
                     r"broke|rang|began|chose|drove|flew|forgot|froze|knew|meant|spoke|stole|stood|threw|woke|wore)\b",
                     re.IGNORECASE)
# a question in the present tense ("when's", "what's" too; not a possessive, "Jake's"; "what do we do at christmas?":
# trial s61 XD's "does" had been read as last year's)
# ... "what happens on 2 nov" (trial s77 F)
# ... what one has got: "what weddings have i got in october" (trial s79 O: last October's)
_PRESENT = re.compile(r"\b(?:are|is|am|does|do|happens)\b|['’]re\b|\b(?:what|when|where|who|how|there|it|that)['’]s\b"
                      r"|\b(?:whats|whens|wheres|whos|hows)\b"  # (typed without the mark: "whens")
                      r"|\b(?:have|has)\s+(?:i|we|you|they|he|she|it)\s+got\b|\b(?:i|we|you|they)['’]?ve\s+got\b",
                      re.IGNORECASE)


def asks_soon_day(text: str, day: date, today: date) -> bool:
    """Is day (a day the question names without its year, of the coming days) one it asks of as the coming one: in
    the present tense, _SOON days ahead or less ("what happens on 2 nov" on 21 October: trial s77 F, 2026's 2
    November had come first)?"""
    return 0 < (day - today).days <= _SOON and _PAST.search(text) is None and _PRESENT.search(text) is not None


def _holiday(m: re.Match, today: date, ahead: bool, back: bool = False) -> date:
    """The day a _HOLIDAY match names: of its year; "last" the one before today, "next" the one after, "this"
    this year's; else the last one up to today, or the coming one when the question looks ahead, or when it is
    _SOON days ahead or less and the question does not look back (back: it says "did", "was", or no "is", "are")."""
    name = _holiday_name(m)
    when = (m.group(1) or "").lower()
    if name in _ANY_BANK_HOLIDAY and not (m.group(3) or m.group(4)):
        return _near_bank_holiday(_ANY_BANK_HOLIDAY[name], when, today, ahead, back)
    if m.group(4):  # "at Easter last year" (trial s58 OD-025's, read as this year's once Easter was read, s61)
        return _holiday_of_year(name, today.year + _YEAR_STEP[m.group(4).lower()], today)
    if when == "this" and not m.group(3) and 0 < (today - (last := _holiday_in(name, today.year - 1))).days <= 31:
        return last  # ("poinsettia sales this christmas" on 7 January: the one just gone, trial s74 V, not 2027's)
    if m.group(3) or when == "this":
        return _holiday_of_year(name, int(m.group(3)) if m.group(3) else today.year, today)
    this_year = _holiday_in(name, today.year)
    coming = this_year if this_year > today else _holiday_in(name, today.year + 1)  # (new year's day: next year's)
    # (... or nearer than the last: "which days are we shut over xmas" on 9 September, trial s79 X, Q, had been last
    # Christmas's)
    last = this_year if this_year < today else _holiday_in(name, today.year - 1)
    ahead = ahead or not back and 0 < (coming - today).days <= max(_SOON, (today - last).days)
    if when in ("next", "coming") or (not when and ahead):
        return this_year if not when and this_year == today else coming
    return this_year if this_year < today or (not when and this_year == today) else _holiday_in(name, today.year - 1)


def _holiday_of_year(name: str, year: int, today: date) -> date:
    """The day of a holiday (as _holiday_key writes it) in a year; of "bank holiday", any of them, the one of that year
    nearest today's day of the year ("the bank holiday weekend last year" in May: last May's)."""
    if name not in _ANY_BANK_HOLIDAY:
        return _holiday_in(name, year)
    near = date(year, today.month, min(today.day, 28))
    return min((d for d in bank_holidays(year) if _ANY_BANK_HOLIDAY[name](d)), key=lambda d: abs((d - near).days))


def bank_holidays(year: int) -> list[date]:
    """England's bank holidays of a year, each moved to the next weekday free when it falls at a weekend (Christmas
    on a Saturday: Monday 27 and Tuesday 28 December)."""
    named = ("new years day", "good friday", "easter monday", "early may bank holiday", "spring bank holiday",
             "summer bank holiday", "christmas day", "boxing day")
    out: list[date] = []
    for name in named:
        day = _holiday_in(name, year)
        while day.weekday() >= 5 or day in out:
            day += timedelta(days=1)
        out.append(day)
    return sorted(out + list(_EXTRA_BANK_HOLIDAYS.get(year, ())))


# the one-off bank holidays (a royal wedding's, jubilees', a state funeral's, the Coronation's; the review), and the
# days a usual one was moved to that year (_holiday_in)
_EXTRA_BANK_HOLIDAYS = {2011: (date(2011, 4, 29),), 2012: (date(2012, 6, 5),), 2022: (date(2022, 6, 3), date(2022, 9, 19)),
                        2023: (date(2023, 5, 8),)}
_MOVED_BANK_HOLIDAYS = {("early may bank holiday", 2020): date(2020, 5, 8), ("spring bank holiday", 2012): date(2012, 6, 4),
                        ("spring bank holiday", 2022): date(2022, 6, 2)}


def _near_bank_holiday(which: Callable[[date], bool], when: str, today: date, ahead: bool, back: bool) -> date:
    """The bank holiday "the bank holiday" names (any of them, bank_holidays; which: those it can be):
    "last" the one before today, "next" the one after; else today's, or the coming one when the question looks ahead
    or (not back) is _SOON_BANK days away or less, else the last one."""
    days = [d for y in (today.year - 1, today.year, today.year + 1) for d in bank_holidays(y) if which(d)]
    coming = min(d for d in days if d > today)
    last = max(d for d in days if d < today)
    if when in ("next", "coming"):
        return coming
    if when == "last":
        return last
    if today in days:
        return today
    return coming if when == "this" or ahead or not back and (coming - today).days <= _SOON_BANK else last


# ... and "the may bank holiday" either of May's (trials s76 A, G, U: the spring one, 31 May, asked of in July)
# ("bank holiday monday": one on a Monday, not New Year's Day on a Friday)
_ANY_BANK_HOLIDAY: dict[str, Callable[[date], bool]] = {
    "bank holiday": lambda d: True, "bank holiday monday": lambda d: d.weekday() == 0,  # (a substitute one too, the review)
    "may bank holiday": lambda d: d.month == 5}
_SOON_BANK = 21  # (bank holidays come a month or two apart: "the bank holiday" three weeks off is the coming one)


def _one_year_said(text: str, today: date) -> int | None:
    """The one year a question names or says from today ("in 2025", "this year"), else None."""
    found = asked_years(text, today)
    return int(next(iter(found))) if len(found) == 1 else None


def holiday_named(name: str) -> str | None:
    """The day of the holiday a note's name says with its year ("Christmas 2025", "Xmas 2026 presents", "Easter 2026":
    trial s71 P, "what did i get dad last christmas" had found its note third, "nothing dated on 2025-12-25"), else
    None."""
    m = _HOLIDAY.search(name)
    if m is None or not m.group(3) or _holiday_name(m) in _ANY_BANK_HOLIDAY:  # (which of a year's: no day)
        return None
    return _holiday_in(_holiday_name(m), int(m.group(3))).isoformat()


@lru_cache(maxsize=1 << 12)
def holiday_opening(text: str) -> str | None:
    """The day of the holiday a heading opens with, with its year ("Christmas 2027 (for comparison)", "Xmas 2027 - what
    we did"), else None: not one said after other words ("Ideas from Christmas 2027", "Playing up since Easter 2027":
    the review)."""
    if not any(ch.isdigit() for ch in text) or (opened := _holiday_opened(text)) is None:
        return None
    name, year, _ = opened
    return _holiday_in(name, year).isoformat()


def holiday_year_entry(text: str) -> str | None:
    """The day of the holiday a line opens with as its label, with its year ("Mothering Sunday 2027 — 7 March: took
    her to the garden centre" of a person's page: trial s80 E, of no day), else None. Not a season's name ("Christmas
    2026: 300 A5 programmes £96" of a printer's prices is the Christmas concert's, the s80 rescore: s79 M-33)."""
    if (opened := _holiday_opened(text)) is None:
        return None
    name, year, end = opened
    return _holiday_in(name, year).isoformat() if name not in _SEASON_NAMES and _LABEL_AFTER.match(text, end) else None


def _holiday_opened(text: str) -> tuple[str, int, int] | None:
    """The holiday text opens with and its year (not a bank holiday, which of a year's is not said), and where they end
    in text; None for another text."""
    m = _HOLIDAY.match(text, len(text) - len(text.lstrip(" *_")))
    if m is None or not m[3] or m[1] or (name := _holiday_name(m)) in _ANY_BANK_HOLIDAY:
        return None
    return name, int(m[3]), m.end()


_SEASON_NAMES = frozenset(("christmas", "easter"))  # (a holiday's name that is a season's too)


_LABEL_AFTER = re.compile(r"(?:\*\*|__)?\s*(?:\([^()]*\))?\s*[:–—-]\s*\S")


def holiday_of_name_alone(name: str) -> str | None:
    """holiday_of_name's day, where name is the holiday's and its year alone ("Burns Night 2028"; not "Christmas maths
    quiz 2027", an event of its season: the rescore)."""
    return holiday_of_name(name) if _HOLIDAY.fullmatch(name.strip()) else None


def holiday_of_name(name: str) -> str | None:
    """The day of the holiday a note's name says with its year, whatever words are between them ("Christmas rota
    2026", "Easter opening hours 2027"), else None. (Not a note's date: "Christmas rota 2026" is of its days, trial
    s72 G.)"""
    if (day := holiday_named(name)) is not None:
        return day
    m = _HOLIDAY_THEN_YEAR.search(name)
    return _holiday_in(_holiday_key(m[1]), int(m[2])).isoformat() if m else None


_HOLIDAY_THEN_YEAR = re.compile(r"\b((?:christ|x)mas|easter|hallowe['’]?en|hogmanay)\b(?:[ _-]+[^\W\d]+){1,3}[ _-]+(" + YEAR + r")\b",
                                re.IGNORECASE)


# a holiday's day's name as a line or a heading writes it, in bold or not
# (short, and with its day's number: "## Good Friday 26th", "Easter Sun 28th — egg hunt", trials s80 C and H)
_HOLIDAY_DAY = (r"\s*(?:\*\*|__)?((?:christ|x)mas\s+(?:eve|day)|boxing\s+day|new\s+year['’]?s\s+(?:eve|day)|"
                r"good\s+fri(?:day)?|easter\s+(?:sun|mon)(?:day)?|hogmanay)(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:\*\*|__)?")
# a line that opens with a holiday's name as its label: "Christmas Day: G does am + pm", "New Year's Eve - Ben"
# (a word or two of what it is before its mark: "Boxing Day shift: 3 admissions", trial s74 A)
_HOLIDAY_LABEL = re.compile(_HOLIDAY_DAY + r"(?:\s+[a-z]+){0,2}\s*[:–—-]\s*\S", re.IGNORECASE)
_HOLIDAY_ALONE = re.compile(_HOLIDAY_DAY + r"\s*", re.IGNORECASE)  # ... a heading of its name alone
HOLIDAY_ENTRY_BEFORE = 7  # days before its note's day (or month) a holiday a line is labelled by may be


def holiday_alone(text: str, start: str) -> str | None:
    """The day of the holiday a heading is the name of alone ("## Christmas Eve", "## Boxing Day" of a diary: trial s75
    V, of no day), the first on or after a week before start (ISO: the day of the heading above), else None."""
    m = _HOLIDAY_ALONE.fullmatch(text)
    return _holiday_from(m[1], start, m[2]) if m else None


def holiday_entry(text: str, start: str | None) -> str | None:
    """The day of the holiday a line opens with as its label ("Christmas Day: G does am + pm" of a rota of December
    2026, trial s72 T: of the month's first), the first on or after a week before start (ISO: its note's day or month,
    "New Year's Day" of a December's rota is January's), else None."""
    m = _HOLIDAY_LABEL.match(text) if start else None
    return _holiday_from(m[1], start, m[2]) if m else None


def _holiday_from(written: str, start: str, number: str | None = None) -> str | None:
    """The day of the holiday written ("Boxing Day") first on or after HOLIDAY_ENTRY_BEFORE days before start (ISO);
    None if it is not the day's number written with it ("Good Friday 26th" of a year whose is the 18th)."""
    name = _holiday_key(written)
    begin = date.fromisoformat(start[:10]) - timedelta(days=HOLIDAY_ENTRY_BEFORE)
    day = next(d for year in (begin.year, begin.year + 1) if (d := _holiday_in(name, year)) >= begin)
    return day.isoformat() if number is None or int(number) == day.day else None


def _holiday_name(m: re.Match) -> str:
    """A _HOLIDAY match's holiday as _HOLIDAYS and _EASTER_DAYS write it ("xmas 2024": "christmas")."""
    return _holiday_key(m.group(2))


_SHORT_DAYS = {"fri": "friday", "sun": "sunday", "mon": "monday"}


def _holiday_key(words: str) -> str:
    """A holiday's name as written ("Xmas", "New Year's Day") as _HOLIDAYS and _EASTER_DAYS write it ("christmas",
    "new years day")."""
    name = re.sub(r"^xmas", "christmas", " ".join(words.lower().split()))  # ("xmas 2024", trial s49)
    name = re.sub(r"^(good|easter) (fri|sun|mon)$", lambda m: f"{m[1]} {_SHORT_DAYS[m[2]]}", name)  # ("Good Fri")
    name = re.sub(r"^remem\w*", "remembrance", name)  # (as often misspelt: "rememberance")
    name = re.sub(r"^clocks .*(back|forward).*", r"clocks \1", name)  # ("clocks went back": "clocks back")
    if (bank := _BANK_HOLIDAY_KEY.match(name)) is not None:  # ("late may bank hol monday": "spring bank holiday")
        return _BANK_HOLIDAY_KIND.get(bank[1] or bank[3] or "", "bank holiday monday" if bank[2] else "bank holiday")
    return re.sub(r"[^a-z ]", "", name)


_BANK_HOLIDAY_KEY = re.compile(r"(?:(early may|late may|may day|may|spring|whitsun|whit|august|aug|summer|easter|christmas|"
                               r"xmas|boxing day|new years?)\s*)?bank hol(?:iday)?( mon(?:day)?)?$|(whit) monday$")
_BANK_HOLIDAY_KIND = {"early may": "early may bank holiday", "may day": "early may bank holiday",
                      "may": "may bank holiday", "late may": "spring bank holiday", "spring": "spring bank holiday",
                      "whitsun": "spring bank holiday", "whit": "spring bank holiday",
                      "august": "summer bank holiday", "aug": "summer bank holiday", "summer": "summer bank holiday",
                      "easter": "easter monday", "christmas": "christmas day", "xmas": "christmas day",
                      "boxing day": "boxing day", "new years": "new years day", "new year": "new years day"}


def _holiday_in(name: str, year: int) -> date:
    """The day of a holiday in a year: a fixed day, or one that moves with Easter (Good Friday 2026: 3 April)."""
    if name in _EASTER_DAYS:
        from dateutil.easter import easter  # (lazily: periods is read by every note's dates)

        return easter(year) + timedelta(days=_EASTER_DAYS[name])
    if name in _NTH_SUNDAYS:
        month, nth = _NTH_SUNDAYS[name]
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    if name in _LAST_SUNDAYS:
        last = date(year, _LAST_SUNDAYS[name], 31)
        return last - timedelta(days=(last.weekday() + 1) % 7)
    if (name, year) in _MOVED_BANK_HOLIDAYS:
        return _MOVED_BANK_HOLIDAYS[name, year]
    if name in _BANK_MONDAYS:
        month, nth = _BANK_MONDAYS[name]
        if nth == 1:
            first = date(year, month, 1)
            return first + timedelta(days=-first.weekday() % 7)
        last = date(year, month, 31)
        return last - timedelta(days=last.weekday())
    month, day = _HOLIDAYS[name]
    return date(year, month, day)


def _holiday_days(m: re.Match, day: date) -> list[date]:
    """The days a _HOLIDAY match names from its day: Easter alone its long weekend, Good Friday to Easter Monday
    ("how many covers did we do over Easter?"), any other its day."""
    if _holiday_name(m) == "easter":
        return [day + timedelta(days=i) for i in range(-2, 2)]
    if _BANK_WORD.search(m.group(2)) and _WEEKEND_AFTER.match(m.string, m.end(2)) and day.weekday() == 0:
        return [day + timedelta(days=i) for i in range(-2, 1)]  # "the bank holiday weekend": Saturday to the Monday
    # ... and Christmas asked "over" of, its days to the new year (trials s75 R, X: "who checked the caves over
    # christmas", "how much did i make over christmas 2026" had been of 25 December alone)
    # (... or asked what was done or happened then: "what did we do last christmas", trial s84 E, had been 25 December's
    # bank holiday opening hours alone)
    if _holiday_name(m) == "christmas" and (_OVER.search(m.string, 0, m.start(2)) or _WHAT_WAS_DONE.search(m.string)
                                            and not _DAY_PART_AFTER.match(m.string, m.end(2))):
        return [day + timedelta(days=i) for i in range(-2, 8)]
    return [day]


_WEEKEND_AFTER = re.compile(r"\s+weekend\b", re.IGNORECASE)
_DAY_PART_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night|eve|day|lunch|dinner|dinnertime)\b", re.IGNORECASE)  # (the
# review: "what did we do christmas morning" is the day's)
_BANK_WORD = re.compile(r"\bbank\s+hol", re.IGNORECASE)  # ("the easter bank holiday weekend": Saturday to Monday)
_OVER = re.compile(r"\b(?:over|during|across|through|thru)\s+(?:the\s+)?$", re.IGNORECASE)


def _season(m: re.Match, today: date, ahead: bool, present: bool = False) -> list[date]:
    """The days of a _SEASON match: of its year (winter 2023: December 2023 to February 2024); "last" the last
    one over before today, "this" this year's, "next" the next to begin; else the last one begun, or the
    coming one when the question looks ahead, or asks of it in the present tense and it begins _SOON_SEASON days from
    today or less ("when's the lamda exam in spring" on 5 December, trial s67 S)."""
    when = (m.group(1) or "").lower()
    name = (m.group(2) or m.group(4) or m.group(6)).lower()
    year = m.group(3) or m.group(5) or m.group(7)
    year = f"20{year}" if year and len(year) == 2 else year  # ("winter 24/25": its first year's)
    start_month = SEASON_START[name]
    if _TERM_AFTER.match(m.string, m.end()) or m[0].lower().endswith("term"):
        start, end = _school_term(name)
    else:
        def start(y: int) -> date:
            return date(y, start_month, 1)

        def end(y: int) -> date:  # the day after it ends
            return date(y + 1, 3, 1) if start_month == 12 else date(y, start_month + 3, 1)

    if year:
        y = int(year)
    elif when == "this":  # (a winter: the one it is now, else from June the coming one, "the hornet talk this winter"
        # on 9 September, trial s79 D, had been last winter's; in the spring, or asked of in the past, the one just
        # over: "how many hives did we lose this winter" in June, the review)
        back = _PAST.search(m.string) is not None
        # (... in December the one begun, whatever the tense: "what did we do this winter" on 27 December, the s89
        # review, had been the winter before)
        y = today.year if start_month != 12 or today.month == 12 or today.month >= 6 and not back else today.year - 1
    elif when in ("next", "coming") or (when != "last" and (ahead or present and _season_soon(start, today))):
        now = next((y for y in (today.year - 1, today.year) if start(y) <= today < end(y)), None)
        # (the one it is now, not "next": "whats happening over the summer holidays" on 1 July had been next year's,
        # trial s76 L)
        y = now if now is not None and when not in ("next", "coming") else \
            today.year if start(today.year) > today else today.year + 1
    elif when == "last":
        y = today.year if end(today.year) <= today else today.year - 1
    else:
        y = today.year if start(today.year) <= today else today.year - 1
    first = start(y)
    return [first + timedelta(days=i) for i in range((end(y) - first).days)]


_TERM_AFTER = re.compile(r"\s+term\b", re.IGNORECASE)


def _school_term(name: str) -> tuple[Callable[[int], date], Callable[[int], date]]:
    """The first day of an English school's term of a season's name in a year, and the day after it ends: the autumn
    term September to Christmas, the spring term January to Easter, the summer term Easter to late July (trial s80 F:
    "what did noah get in the spring term" had been March to May, its badges of February not among them)."""
    def easter_day(y: int) -> date:
        return _holiday_in("easter sunday", y)

    if name == "spring":
        return (lambda y: date(y, 1, 1)), (lambda y: easter_day(y) - timedelta(days=1))
    if name == "summer":
        return (lambda y: easter_day(y) + timedelta(days=1)), (lambda y: date(y, 7, 25))
    return (lambda y: date(y, 9, 1)), (lambda y: date(y, 12, 24))  # (autumn; a winter term none in England)


# "two saturdays ago": the weekday that many back, the last one the first (trial s59 SA-025)
_WEEKDAYS_AGO = re.compile(rf"\b{_N}\s+({'|'.join(_WEEKDAYS)})s?\s+ago\b", re.IGNORECASE)
# ... "the saturday before last", "the monday before last": the one before last Saturday (trials s73 Q, R: of no day)
# (... "the" left out too: "what happened with the cold room monday before last", trial s79 G, of no day)
_WEEKDAY_BEFORE_LAST = re.compile(r"\b(?:the\s+)?(" + _DAY_NAMES + r"|week)\s+"
                                  # (not before a time of year: "a week before last christmas", the review)
                                  r"before\s+last\b(?!\s+(?:christmas|xmas|easter|halloween|bonfire|summer|autumn|"
                                  r"winter|spring|year|month|term|half|" + MONTH_NAME + r")\b)", re.IGNORECASE)
# (and "the week before last": its days)
_WEEKS_AWAY = re.compile(rf"\b(?:{_N} weeks? ago|in {_N} weeks?)\b", re.IGNORECASE)
_WEEK_OF = re.compile(r"\bthe week of (\d{4}-\d\d-\d\d)\b", re.IGNORECASE)  # what shift_period writes
# ... and as people say it: "the week of 10 February 2025", "w/c 14 Dec", "week commencing 14 December" (trial s54)
# (... or without "the": "whats millie got week of 10th may", trial s80 O, read as the 10th alone)
_WEEK_OF_DAY = re.compile(r"\b(?:the\s+)?week of\s+|(?<![\w/])w/c\s+|\bweek\s+(?:commencing|beginning|starting)\s+"
                          r"(?:on\s+)?", re.IGNORECASE)
# ... and a weekend's: "anything on the weekend of the 24th" (trial s80 J-05: of no day)
_WEEKEND_OF_DAY = re.compile(r"\bweekend\s+of\s+(?:the\s+)?", re.IGNORECASE)
_NTH_ALONE = re.compile(r"(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?" + MONTH_NAME + r")", re.IGNORECASE)


def _day_of_weekend(text: str, at: int, today: date, back: bool) -> date | None:
    """The day text names at at for a weekend of it: a day and its month (_day_near), or a day's number alone ("the
    24th"), the next one from today (the last one asked of in the past)."""
    if (near := _day_named(text, at) or _day_near(text, at, today, not back, back)) is not None:
        return near[1]
    if (m := _NTH_ALONE.match(text, at)) is None:
        return None
    months = [(today.year + (today.month - 1 + i) // 12, (today.month - 1 + i) % 12 + 1) for i in range(-2, 3)]
    found = [d for y, mo in months if (d := _iso(f"{y}-{mo:02d}-{int(m[1]):02d}"))]
    found = [d for d in found if (d < today if back else d >= today - timedelta(days=1))]
    return (max(found) if back else min(found)) if found else None


def _weekend_of(day: date) -> list[date]:
    """The Saturday and Sunday of the weekend a day is of, a Friday to a Monday (with the Friday or the Monday: a bank
    holiday's); none for a Tuesday to a Thursday (the review: no weekend's)."""
    if day.weekday() == 0:
        return [day - timedelta(days=2), day - timedelta(days=1), day]
    if day.weekday() < 4:
        return []
    saturday = day + timedelta(days=1) if day.weekday() == 4 else day - timedelta(days=day.weekday() - 5)
    return ([day] if day.weekday() == 4 else []) + [saturday, saturday + timedelta(days=1)]
# a holiday of a fixed day: "on New Year's Eve 2023", "last Christmas", "Christmas Eve" (trial D's diarist)
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
             "new years eve": (12, 31), "new years day": (1, 1), "valentines day": (2, 14), "halloween": (10, 31),
             # (trial s63 SCT-021: "what did we do on bonfire night at cubs" had been read as no day)
             "bonfire night": (11, 5), "guy fawkes night": (11, 5), "fireworks night": (11, 5), "burns night": (1, 25),
             "st patricks day": (3, 17),
             "remembrance day": (11, 11),
             "hogmanay": (12, 31)}  # (Scotland's new year's eve: trial s75 B, "last hogmanay" had been of no day)
# ... and those that move with Easter, days from Easter Sunday (trial s61 XB: "how many covers did we do over Easter on
# good friday?" had been read as no day; the journal of 3 April 2026 said "good friday 102 covers")
_EASTER_DAYS = {"good friday": -2, "easter saturday": -1, "easter sunday": 0, "easter day": 0, "easter": 0,
                "easter monday": 1, "shrove tuesday": -47, "pancake day": -47, "mothering sunday": -21,
                "mothers day": -21}  # (the UK's Mother's Day)
# ... and those on a month's nth Sunday
_NTH_SUNDAYS = {"remembrance sunday": (11, 2), "fathers day": (6, 3)}
_LAST_SUNDAYS = {"clocks back": 10, "clocks forward": 3}  # (the UK's clocks change at the ends of October and March)
# ... and England's bank holidays on a month's first or last Monday
_BANK_MONDAYS = {"early may bank holiday": (5, 1), "spring bank holiday": (5, -1), "summer bank holiday": (8, -1)}
# a holiday's name, as _HOLIDAY reads it (asking: "the first halloween")
HOLIDAY_WORDS = (r"(?:(?:christ|x)mas|hallowe['’]?en|easter|hogmanay|(?:bonfire|guy\s+fawkes|fireworks|burns)\s+night|"
                 r"new\s+year['’]?s|valentine['’]?s|boxing\s+day|good\s+friday|shrove\s+tuesday|pancake\s+day|"
                 r"remem\w*\s+(?:sunday|day)|mothering\s+sunday|(?:mother|father)['’]?s\s+day|"
                 r"clocks\s+(?:go(?:es|ing)?|went|gone)\s+(?:back|forwards?)|bank\s+hol(?:iday|s)?)\b")
# the words that may follow a day's name in a question ("bank holiday weekend", "... last year", "... when we"), not
# a thing of it ("bank holiday pay")
_WORDS_AFTER_A_DAY = (r"(?:weekend|week|morning|afternoon|evening|night|and|or|last|this|next|of|is|was|were|are|be|at|"
                      r"in|on|with|we|i|you|they|he|she|so|but|to|for|from|until|till|when|then|will|would|can|could|"
                      r"should|just|gone|what|where|who|how|if|as|the|a|my|our|me|us|did|do|does|plans?|rota)")
_HOLIDAY = re.compile(r"\b(?<!father )(?<!mother )"  # (not "Father Christmas", a person: trial s62 A)
                      # (nor a part of a code: "UR-XMAS-7734", trial s89 P, had been "Dated on 2029-12-25")
                      r"(?<!(?-i:[A-Z0-9])-)"
                      r"(?:(last|this|next|coming)\s+)?("
                      # a day's name, whatever follows it ("xmas eve opening hours this year" is of the 24th: trial s68
                      # F CLW-036, read as no day)
                      r"(?:christ|x)mas\s+(?:eve|day)\b|boxing\s+day|new\s+year['’]?s\s+(?:eve|day)|"
                      r"valentine['’]?s\s+day|good\s+friday|easter\s+(?:saturday|sunday|day|monday)|shrove\s+tuesday|"
                      r"pancake\s+day|st\.?\s+patrick['’]?s\s+day|"
                      # (trial s77 N: "who's ringing on rememberance sunday" had been this Sunday's)
                      r"remem(?:be)?b?rance\s+(?:sunday|day)|mothering\s+sunday|mother['’]?s\s+day|father['’]?s\s+day|"
                      # (the last Sundays of October and March: "when do the clocks go back this year", trial s77)
                      r"clocks\s+(?:go(?:es|ing)?|went|gone)\s+(?:back|forwards?)|"
                      # (England's bank holidays: "the may bank holiday", "spring bank hol", "bank holiday monday")
                      # (... a holiday's own: "the easter bank holiday weekend", "christmas bank holiday", the review;
                      # not a thing of one, "bank holiday pay", nor "bank hols", any of them)
                      r"(?:(?:(?:early|late)\s+may|may(?:\s+day)?|spring|whit(?:sun)?|august|aug|summer|easter|"
                      r"(?:christ|x)mas|boxing\s+day|new\s+year['’]?s?)\s+)?"
                      # (... but after "next", "last", "this": "when's the next bank hol bootcamp", trial s78 O)
                      r"bank\s+hol(?:iday)?(?:\s+mon(?:day)?)?\b(?!s)(?(1)|(?!\s+(?!" + _WORDS_AFTER_A_DAY
                      + r"\b)[a-z]+\b))|whit\s+monday|"
                      r"(?:(?:christ|x)mas|hallowe['’]?en|easter|hogmanay|(?:bonfire|guy\s+fawkes|fireworks|burns)\s+night)"
                      # (... a feast's or a night's, not a thing of it ("bonfire night ideas"), a word after it that is
                      # no time of it nor a word that goes on the question: "the Christmas card list", "the christmas
                      # do", "christmas test 10c", trial s49; "the volunteers christmas night out", trial s60; "easter
                      # egg hunt ideas", trial s61 XD; "which dogs cant have the turkey xmas dinner", "xmas hamper
                      # extras", "when is the club christmas dinner", trials s64 P, s65 I: each read as 25 December,
                      # its ranges put first; "xmas do awards list" a party's, trial s64 RUN-038)
                      r"(?!\s+(?!(?:morning|afternoon|evening|night|week|weekend|period|time|season|and|or|"
                      r"last|this|next|of|is|was|were|are|be|at|in|on|with|we|i|you|they|he|she|so|but|to|for|from|"
                      r"until|till|when|then|will|would|can|could|should|just|gone|mum|dad|what|where|"
                      r"who|how|if|as|the|a|my|our|me|us)\b)[a-z]+\b)(?!\s+nights?\s+out\b))"
                      # (its year after "weekend": "easter weekend last year", trial s76 A, had been this year's)
                      r"(?:(?:\s+weekend)?(?:,?\s+(" + YEAR + r")|\s+(last|this|next)\s+year))?\b(?!-\d{3})",
                      re.IGNORECASE)
_IN_THE_NEW_YEAR = re.compile(r"\b(?:in|after|early\s+in)\s+the\s+new\s+year\b(?!['’]?s)|\bafter\s+new\s+year\b(?!['’]?s)",
                              re.IGNORECASE)
_CHRISTMAS_TO_NEW_YEAR = re.compile(r"\bbetween\s+((?:christ|x)mas)\s+(?:and|&)\s+(?:the\s+)?new\s+year(?:['’]?s)?\b",
                                    re.IGNORECASE)
# ... "the" before it and a word or two after it that end the question: "my notes on the xmas minis", "who won the
# christmas raffle?" (not "the christmas of 2019", "the christmas mum was ill", "the christmas weekend", "the christmas
# just gone", "the christmas morning walk": the review)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_ASKS_WHICH_DAY = re.compile(r"\s*(?:when|what\s+(?:day|date|night|weekend|sunday))\b", re.IGNORECASE)
_FIRST_BEFORE = re.compile(r"\b(?:the|our|my)\s+(?:very\s+)?first\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|before|after|and|or|when|that|this|just|weekend|morning|afternoon|evening|night|"
                         r"week|period|season|time)\b)[a-z]+(?:\s+[a-z]+)?\s*(?:[?.!]\s*)?$", re.IGNORECASE)  # (spaces split one way: the review)
# a season: "last summer", "this winter", "summer 2024", "in the autumn of 2023"; after "in", "during" or "over"
# only where the season ends the phrase ("in the fall?", "in summer when ..."), not where it names something
# ("in Spring Boot", "in the fall of Rome", "in the summer release", "in the summer of 69")
_SEASON_ENDS = (r"(?=\s*(?:[?.!,;:)]|$)|\s+(?:and|or|when|while|before|after|because|i|we|you|he|she|they|it|my|our|"
                r"months?|holidays?|break|vacation|semester|term|quarter|season|time)\b)")
_SEASONS = r"(spring|summer|autumn|fall|winter)"
# (its year, or the two a winter spans, "winter 24/25", "winter 2024-25": trial s64 PHD-005 had been read as the last)
_SEASON_YEAR = r"(" + YEAR + r"|\d\d(?=[/-]\d\d\b))(?:[/-](?:19|20)?\d\d(?!\d))?"
# ("this winters jobs list", its apostrophe left out: trial s65 L, read as no days while "this winter" was)
_SEASON = re.compile(r"\b(?:(this|last|next|coming)\s+" + _SEASONS + r"s?(?:\s+(?:of\s+)?" + _SEASON_YEAR + r")?"
                     r"|(?:in|during|over)\s+(?:the\s+)?" + _SEASONS +
                     r"(?:\s+(?:of\s+)?" + _SEASON_YEAR + r"\b|" + _SEASON_ENDS + r")"
                     r"|" + _SEASONS + r"\s+(?:of\s+)?" + _SEASON_YEAR + r")\b", re.IGNORECASE)
# "fall" the verb after a subject of one word, or a name after "my", "the" ..., and "last": "when did mum last fall",
# "when did my dad last fall", "mum's last fall"; not "what did we do last fall"
_FALL_DONE = re.compile(r"(?:\b(?:did|does|do|will|would|could|might)\s+(?:(?:my|our|his|her|the|their|your|mr|mrs|ms|miss|"
                        r"dr|(?-i:[A-Z][a-z]+))\.?\s+)?(?!(?:do|go|see|get|have|make)\b)[\w'’]+|\b\w+['’]s)\s+last\s+fall"
                        r"(?=\s*(?:$|[?.!,]|(?:over|down|off|again|out|in|at|on|this|during|and|while|when)\b))",
                        re.IGNORECASE)


def says_a_fall(text: str) -> bool:
    """Does text say "last fall" of a fall, not of autumn ("when did mum last fall", "mum's last fall": _FALL_DONE)?"""
    return "fall" in text.lower() and _FALL_DONE.search(text) is not None


# the months a season begins in (the northern hemisphere's, as meteorologists count them), and how many it has
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_MAY_DO = re.compile(r"\s*(?:can|could)\s+(?!i\b|we\b|you\b)(?:the\s+)?[a-z][\w'’-]*\s+[a-z]", re.IGNORECASE)
# a question for what to do ("how do I ...", "what should we ..."): a season it names is when, no period of notes
# ... or what one may do: "can i prune the plum trees in winter" (trial s66 ORC)
_ADVICE = re.compile(r"\s*(?:how\s+(?:do|can|should|would)|(?:what|when)\s+(?:should|can|do)|should|do|can|could)"
                     r"\s+(?:i|we|you)\b"
                     # ... or what there is then: "is there still a heating surcharge in winter" (trial s64 VHB-016)
                     r"|\s*(?:is|are)\s+there\b"
                     # ... or of what is so every year, in the present: "why do beardies eat grit in the autumn?" (trial
                     # s61 ZD: last autumn's sightings had come first)
                     # ... "which days does sion work in winter" (trial s66 MAR-015)
                     # ... "how warm does the cellar get in summer" (trial s74 K: read as last summer's, the answer 9th)
                     # ... "what time does the cafe shut on sundays in winter" (trial s77 M: this winter's rota first)
                     r"|\s*(?:why|where|when|what(?:\s+\w+)?|how(?:\s+\w+)?|which(?:\s+\w+)?)\s+(?:do|does)\s+(?!i\b|we\b|you\b)\w+"
                     # ... "which tree cant we prune in winter", "which cheese maker has no milk over winter" (trial s69
                     # H ORC-010, Q: read as this winter's notes, the answers not in ten)
                     r"|\s*(?:which|what|who)(?:\s+[\w'’-]+){0,2}?\s+(?:can['’]?t|cannot|won['’]?t|wont|don['’]?t|dont|"
                     r"doesn['’]?t|doesnt|can\s+(?:i|we|you)|(?:has|have|hasn['’]?t|hasnt)\s+(?:no|a|an|any|\d))\b",
                     re.IGNORECASE)
# the phrases that name days from today, or a week or a month: "on Tuesday", "in October", "the week of 2026-11-16"
# the days from today to some weeks on, or back: "in the next two weeks", "over the coming 10 days", "the past two
# weeks", "the last 3 months" (trial s45: "what's due in the next two weeks?" had been read as no days); the last N
# days are _RELATIVE's
_SPAN = re.compile(rf"\b(?:(next|coming)\s+{_N}\s+(days|weeks|months)|(last|past|previous)\s+{_N}\s+(weeks|months))\b"
                   r"(?!\s+of\b)", re.IGNORECASE)
_UNIT_DAYS = {"days": 1, "weeks": 7, "months": 30}
# ... after "for", only in a question of plans: "what's planned for the next two weeks?", "tasks for the coming 10 days"
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_PLANS = re.compile(r"\b(?:due|deadlines?|plann\w*|plans?|schedul\w*|agenda|tasks?|to-?dos?|coming up|upcoming|calendar|"
                    r"booked)\b", re.IGNORECASE)
# a day's number alone after "on", "for" or "by the": "what's on the 10th?", "by the 3rd" (trial s57 MB had read none);
# not a floor or an item ("on the 2nd floor"), nor a day its month says ("the 10th of January": WRITTEN_DAY's)
# (... "about" too: "whats the in-service on the 11th about", trial s74 X, had been of no day)
_DAY_NUMBER_ALONE = re.compile(r"\b(on|for|by|after)\s+the\s+([0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:[?.!,]|$|\s+(?:at|in|for|"
                               r"and|or|too|then|please|about|morning|afternoon|evening|night)\b))", re.IGNORECASE)


# two months and those between them, or both of them: "from January to March 2026", "jan-mar 2026", "between jan and
# feb", "in january and march" (the two); "may" and "march" in lower case only after a word that makes them months
# (session 57: "in january and february 2026" had been January alone, "from january to february 2026" February alone,
# "january to march 2026" no day)
_RANGE_TO = r"\s*(-|–|—|to|till|until|through|thru|and|&)\s*"
_MONTH_RANGE = re.compile(r"\b(?:(from|between|in|during|over)\s+)?" + _MONTH + r"\.?(?:,?\s+(" + YEAR + r"))?"
                          + _RANGE_TO + _MONTH + r"\b\.?(?!['’]|" + _DAY_AFTER + r")(?:,?\s+(" + YEAR + r"))?",
                          re.IGNORECASE)
# a day a week on from a coming weekday, today or tomorrow, as it is said in Britain: "a week on saturday", "saturday
# week", "the saturday after next", "a week today", "a week tomorrow" (trial s74 J: "who's got the hall a week on
# saturday" had been last Saturday's, "the saturday after next" of no day)
_WEEK_ON = re.compile(r"\b(?:a\s+week\s+(?:on\s+|from\s+)?(?:(" + _DAY_NAMES + r")|(today|tomorrow))|(" + _DAY_NAMES
                      + r")\s+week(?!\s*\d)|the\s+(" + _DAY_NAMES + r")\s+after\s+next)\b", re.IGNORECASE)  # (not "tuesday week 4" of a
# menu's rota)


_WEEK_AFTER_NEXT = re.compile(r"\b(?:the\s+)?week\s+after\s+next\b", re.IGNORECASE)


_FROM_TODAY = (_MONTH_RANGE, _DAY_NUMBER_ALONE, _RELATIVE, _IN_MONTH, _WEEK_OF, _WEEKDAYS_AGO, _WEEKS_AWAY, _HOLIDAY, _SEASON,
               _WEEK_OF_MONTH, _SPAN)
# ... and a week by its number, a day of the calendar, a week or a day a week on ("what's on the week after next":
# trial s84 D, its words had been read as what it asks of the week, the week's passages none of them, "Nothing dated")
_DAY_PHRASES = (_WEEK_AFTER_NEXT, _WEEK_ON, *_FROM_TODAY, _WEEK_NUMBER, WRITTEN_DAY)
_WEEK = re.compile(r"\b(?:(last|this|past|previous|next|coming) week|the week of (\d{4}-\d\d-\d\d))\b", re.IGNORECASE)
_MONTH_REL = re.compile(r"\b(last|this|previous|next|coming) month\b", re.IGNORECASE)
_OWNED = re.compile(r"['’]s\s+([^?.!,;]+?)(?=\s*(?:[?.!,;]|$))")  # "last week's pricing council": what the week has


def shift_period(text: str, unit: str, by: int, today: date | None = None) -> str | None:
    """text with the one week, month or year it names moved by `by` of them ("what did we decide last week?",
    -1 -> "... the week of 2026-11-16?"; "in October" -> "in September 2026"; a year: "in October" -> "in
    October 2025", "in 2024" -> "in 2023"), or None if it names none."""
    today = today or clock.today()
    if unit == "year":  # "in October" a year before, or the year itself ("in 2024" -> "in 2023")
        moved = shift_period(text, "month", 12 * by, today)
        found = list(ASKED_YEAR.finditer(text))
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
    first = min(_month_named(m, today, looks_ahead(text)) if m.re is _IN_MONTH
                else _period(m.group(1).lower(), "month", today))
    month, year = first.month - 1 + by, first.year
    year, month = year + month // 12, month % 12 + 1
    moved = f"{date(year, month, 1).strftime('%B')} {year}"
    if m.re is _IN_MONTH and _PART.search(text, m.start(), m.start(3)):  # "the end of June" -> "the end of May 2026"
        return f"{text[:m.start(3)]}{moved}{text[m.end():]}"  # (the review: "at in May 2026" had been asked)
    return f"{text[:m.start()]}in {moved}{text[m.end():]}"


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
        dated = [(m, day) for m in WRITTEN_DAY.finditer(text) if (day := written_day(m)) is not None]
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


# "since last March": from it; "fees up from January 2026", "effective from May" too (trial s58 PC-033: read as
# January's days, a ledger's rows of January first); not "notes from January", "photos from christmas" (of it), nor
# "from January to March", a range read before (_MONTH_RANGE)
_SINCE_BEFORE = re.compile(r"\b(?:since|after|before|until|till|(?:up|down|on|rise[sd]?|rising|increase[sd]?|increasing|"
                           r"start(?:s|ed|ing)?|effective|valid|appl(?:y|ies|ied|ying)|chang(?:e[sd]?|ing)|going|onwards?)"
                           r"\s+from)\s+$", re.IGNORECASE)


def _after_since(text: str, at: int) -> bool:
    """Does a period named at text[at] follow "since", "after", "before" ...: a span from it, not it?"""
    return _SINCE_BEFORE.search(text[max(0, at - 24):at]) is not None


# a month of the year named from today: "in March last year", "June of this year", "last year in March" (trial s45:
# "the power cut in March last year" had been read as this March)
# ("yr" too: "what went wrong with the heating in december last yr" had been this December, trial s64 LIB-030)
_MONTH_THEN = re.compile(r"\b(" + MONTH_NAME + r")(?:\s+of)?\s+(last|this|next)\s+(?:year|yr)\b|"
                         r"\b(last|this|next)\s+(?:year|yr)\s+in\s+(" + MONTH_NAME + r")\b", re.IGNORECASE)
_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def with_years_from_today(text: str, today: date | None = None) -> str:
    """text with a month or a day of a year it names from today as that month or day and year ("in March last year":
    "in March 2025"): the year the question gives itself, not one read from the notes."""
    return _month_of_year_from_today(text, today or clock.today())


def _month_of_year_from_today(text: str, today: date) -> str:
    """text with a month or a day of a year named from today as that month or day and year ("in March last year": "in
    March 2025", "Nov 29 last year": "Nov 29 2025")."""
    def year_of(which: str) -> str:
        return str(today.year + _YEAR_STEP[which.lower()])

    text = _MONTH_THEN.sub(lambda m: f"{m[1]} {year_of(m[2])}" if m[1] else f"in {m[4]} {year_of(m[3])}", text)
    text = _month_of_short_year(text, today)
    out, at = [], 0
    for m in WRITTEN_DAY.finditer(text):  # ... and a day of one: "around Nov 29 last year"
        step = _YEAR_STEP_AFTER.match(text, m.end())
        if step is not None and day_of(m)[0] is None:
            out += [text[at:m.end()], f" {year_of(step[1])}"]
            at = step.end()
    return "".join(out) + text[at:]


# a month and a year of two digits ("eho inspection sept 26", "boys worm count oct 25", "ye mar 26", "sept '26"): of
# the trials' questions written so, each asked of a month (trials s68 V, s69 H: "sept 26" had been 26 September); not
# a day after "on" ("on march 17"), nor with its day's ending or a time ("oct 25th", "dec 24 7pm"), nor after
# a day's number ("26 sept 26": a day of a year)
_MONTH_SHORT_YEAR = re.compile(r"(?<!\bon\s)(?<!\d\s)(?<![\d\w])" + _MONTH
                               + r"\.?\s+(?:['’](\d\d)|(\d\d))\b(?!\s*(?:st|nd|rd|th|[:.]\d|/|-\d|am\b|pm\b|h\b|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b|,?\s*"
                                 r"(?:19|20)\d\d\b))",
                               re.IGNORECASE)
SHORT_YEARS_BACK, SHORT_YEARS_AHEAD = 6, 2  # the years from today a month's two digits may be ("oct 25" a year ago)


def _month_of_short_year(text: str, today: date) -> str:
    """text with a month and a year of two digits (_MONTH_SHORT_YEAR) as that month and its year in full ("sept 26":
    "sept 2026"), a year of SHORT_YEARS_BACK before today's to SHORT_YEARS_AHEAD after; another number as it was (a
    day: "march 17")."""
    def year(m: re.Match) -> str:
        yy = int(m[2] or m[3])
        full = today.year // 100 * 100 + yy
        if m[2] is None and not -SHORT_YEARS_BACK <= full - today.year <= SHORT_YEARS_AHEAD:
            return m[0]
        return f"{m[1]} {full}"
    return _MONTH_SHORT_YEAR.sub(year, text) if any(ch.isdigit() for ch in text) else text


_YEAR_STEP_AFTER = re.compile(r",?\s+(?:of\s+)?(last|this|next)\s+(?:year|yr)\b(?!['’])", re.IGNORECASE)


# a day in numbers a question asks of ("what did i do on 3/8", "whats on 30/8", "tue 3/8"), after a word that puts a
# day after it (not "1/2 cup"), no year after it (days_written's)
# (not after "for", "to", "by": "rest the dough for 1/2 hour", "reduce the dose to 1/2", the review)
_SLASHED_ASKED = re.compile(r"\b(on|from|since|until|till|til|due|" + _DAY_NAMES
                            + r")(\s+(?:the\s+)?)(\d{1,2})/(\d{1,2})\b(?![/.-]\d)", re.IGNORECASE)


# ... or one that closes the question without a word before it ("what happened 19/2", "19/02": trial s90 R, read as no
# day); not a share within it ("1/2 price"), nor one that may be a fraction ("reduce the dose to 1/2", "3/4")
# (... alone, or after a word of what happened or was written: not "which shops are open 24/7", "who won 2/1", "i scored
# 11/12", the review)
_SLASHED_CLOSING = re.compile(r"(^\s*|\b(?:happened|happen|happening|did|do|done|doing|was|were|wrote|written|diary|"
                              r"journal|entry|notes|note|meeting)\s+)()(?!(?:1/[2-9]|1/1[0-6]|[2-9]/(?:[3-9]|1[0-6])|24/7)\b)"
                              r"(\d{1,2})/(\d{1,2})(?=\s*[?.!]*\s*$)", re.IGNORECASE)


# "before" and what a period ends with ("the last fortnight before lambing": _FINAL_OF)
_BEFORE_A_THING = r"(?:before|until|till|ahead\s+of|prior\s+to|leading\s+up\s+to)\b"
# a fortnight, as two weeks or 14 days: "a fortnight ago", "in a fortnight('s time)", "the last/past/next fortnight"
# (trial s82 L: "what was wrong with the heater a fortnight ago" had been read as no day, "two weeks ago" as that week)
_FORTNIGHT = re.compile(r"\b(?:(a|one)\s+fortnight\s+ago|in\s+(?:a|one)\s+fortnight(?:['’]s\s+time)?|"
                        r"(?:the\s+)?(last|past|next|coming)\s+fortnight(?:['’]s)?(?!\s+of\b|\s+" + _BEFORE_A_THING + r"))\b",
                        re.IGNORECASE)


def with_fortnights(text: str) -> str:
    """text with a fortnight from today said in weeks or days (_FORTNIGHT): "a fortnight ago" -> "two weeks ago", "in a
    fortnight" -> "in two weeks", "the last fortnight" -> "the last 14 days"."""
    if "fortnight" not in text.lower():
        return text

    def said(m: re.Match) -> str:
        if m[1]:
            return "two weeks ago"
        if m[2]:
            return f"the {'last' if m[2].lower() in ('last', 'past') else 'next'} 14 days"
        return "in two weeks"
    return _FORTNIGHT.sub(said, text)


def with_slashed_days(text: str, order: Callable[[], str | None]) -> str:
    """text with each day it asks of in numbers ("on 3/8") written with its month's name ("on 3 Aug"), read in the
    order the notes write theirs (order(): "dmy", "mdy", asked only for such a day), else as the only reading it can
    have ("30/8"); else as it was (trials s81 B, C, F, H: "what did i do on 3/8" had been read as no day, "3 Bisley Rd"
    first)."""
    if "/" not in text or not (_SLASHED_ASKED.search(text) or _SLASHED_CLOSING.search(text)):
        return text
    written = order()

    def spelled(m: re.Match) -> str:
        a, b = int(m[3]), int(m[4])
        only = "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else None  # (the one reading its numbers allow)
        for reading in dict.fromkeys((written, only)):
            day, month = (a, b) if reading == "dmy" else (b, a)
            if reading is not None and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]:
                return f"{m[1]}{m[2]}{day} {calendar.month_abbr[month]}"
        return m[0]
    return _SLASHED_CLOSING.sub(spelled, _SLASHED_ASKED.sub(spelled, text))


def with_noted_year(text: str, noted: Callable[[], frozenset[str]], today: date | None = None,
                    weeks: Callable[[], frozenset[str]] | None = None,
                    best: Callable[[list[str]], str | None] | None = None) -> str:
    """text with a month it names without a year ("what happened with my knee in June?") given the year of the
    last such month the notes have passages of, when the one up to today has none (trial s37: a journal
    of 2024 was asked of June 2026, and said to have nothing). noted(): the months ("YYYY-MM") passages
    are of, asked only for such a month; "last June" too, read "in June 2024" then (the trial of one big file: a
    journal of 2023-2024 asked "what happened last March?" had been said to have nothing of March 2026). "next June",
    "this June" and a question looking ahead stay. A week
    named by its number alone ("what went well in week 38?") is the last such week the notes have a weekly
    note of (weeks(): "YYYY-Www"), if any: "week 38 of 2024" (_with_week_year). best(months): of several such months
    ("YYYY-MM"), the one whose passages say what the question asks, if one does ("why did the certs expire in
    january?": the January they did, not the last one the notes have, trial s50)."""
    today = today or clock.today()
    text = _with_week_year(text, weeks, today) if weeks is not None else text
    text = _month_of_year_from_today(text, today)
    ahead = looks_ahead(text)
    out, at, months, spans = [], 0, None, None
    for m in _IN_MONTH.finditer(text):
        if m.group(4) or (m.group(1) or "in").lower() not in ("in", "during", "last") or ahead \
                or _NAME_AFTER.match(text, m.end()) or _after_since(text, m.start()):
            continue  # a year, a step, looking ahead; "in June Carter's class", a name; "since last March" (reviews)
        spans = quoted_spans(text) if spans is None else spans
        if inside(spans, m.start()):
            continue  # inside a quoted phrase, a filter's words
        months = noted() if months is None else months
        # ("last March" is the last one; "in March" the one whose notes say what is asked, if one does)
        year = _noted_year(_month_named(m, today, ahead)[0], months,
                           None if (m.group(1) or "").lower() == "last" else best)
        if year is not None:  # ("last March": "in March 2024", the year's own words)
            start = m.start(1) if (m.group(1) or "").lower() == "last" else m.end()
            out += [text[at:start], f"in {m.group(3)} {year}" if start < m.end() else f" {year}"]
            at = m.end()
    return _with_season_year(_with_month_week_year("".join(out) + text[at:], noted, today, ahead), noted, today, ahead)


def _noted_year(first: date, months: frozenset[str], best: Callable[[list[str]], str | None] | None = None
                ) -> int | None:
    """For a month read as first's ("in June": June 2026), when the notes have no passage of it: the year of the last
    such month before it they have ("YYYY-MM" months), or of the one of them best(them) chooses, if any; None when
    they have it, or none before."""
    if f"{first:%Y-%m}" in months:
        return None
    earlier = sorted(y for y in months if y[5:] == f"{first:%m}" and int(y[:4]) < first.year)
    chosen = best(earlier) if best is not None and len(earlier) > 1 else None
    return int((chosen or earlier[-1])[:4]) if earlier else None


_MONTH_WORD = re.compile(r"\b" + _MONTH + r"\b\.?", re.IGNORECASE)


def without_months(text: str) -> str:
    """text without the months it names: what it asks of them."""
    return _MONTH_WORD.sub(" ", text)


def _week_month(m: re.Match, today: date, ahead: bool) -> list[date]:
    """The days of the month a _WEEK_OF_MONTH match names (of its year, else as "in April" reads)."""
    return _month(_MONTHS.index(m.group(2)[:3].lower()) + 1, m.group(3), today, ahead)


def _with_month_week_year(text: str, noted: Callable[[], frozenset[str]], today: date, ahead: bool) -> str:
    """text with a week of a month it names without a year ("the second week of April") given the year of the last
    such month the notes have, when the one it reads as has none, as a month is (with_noted_year)."""
    out, at, months = [], 0, None
    for m in _WEEK_OF_MONTH.finditer(text):
        if m.group(3) or ahead:
            continue
        months = noted() if months is None else months
        year = _noted_year(_week_month(m, today, ahead)[0], months)
        if year is not None:
            out += [text[at:m.end()], f" {year}"]
            at = m.end()
    return "".join(out) + text[at:]


def _with_season_year(text: str, noted: Callable[[], frozenset[str]], today: date, ahead: bool) -> str:
    """text with a season it names without a year ("what did I do last summer?", "in the spring") given the year of
    the last such season the notes have passages of, when the one it reads as has none, as a month is
    (with_noted_year; trial s44: a vault that ends in 2025 had been asked of spring 2026)."""
    if ahead or not _SEASON.search(text):
        return text
    spans = quoted_spans(text)
    out, at, months = [], 0, None
    for m in _SEASON.finditer(text):
        when = (m.group(1) or "").lower()
        if m.group(3) or m.group(5) or m.group(7) or when in ("this", "next", "coming") or inside(spans, m.start()) \
                or _after_since(text, m.start()):
            continue
        name = (m.group(2) or m.group(4) or m.group(6)).lower()
        months = noted() if months is None else months
        first = _season(m, today, ahead)[0]
        if _season_months(name, first.year) & months:
            continue
        year = max((y for y in range(first.year - 1, first.year - 30, -1) if _season_months(name, y) & months),
                   default=None)
        if year is not None:
            out += [text[at:m.start()], f"in {m.group(0).split()[-1]} {year}" if when == "last" else
                    f"{m.group(0).rstrip()} of {year}"]
            at = m.end()
    return "".join(out) + text[at:]


# a season a heading, a title or a line names, with its year after it if any ("Winter 2026/27 plan", "Winter jobs
# 2026-27"): in a line's text only as a time ("in winter", "all winter") or opening it, not a thing ("a coil
# spring") nor what comes round ("every spring": no more of this spring than of any); autumn called fall only beside
# its year ("the fall of Rome")
# (its year in brackets too: "## Last winter (2027-28)" of a heating note, trial s85 P, had been of any winter, "of the
# days asked" for "keeping the workshop warm this winter")
_SEASON_NAMED = re.compile(r"\b" + _SEASONS + r"s?\b(?:\s+(?:[a-z&+'’]+\s+){0,2}?(?:of\s+)?" + _SEASON_YEAR
                           + r"|\s*\(\s*(?P<bracketed>" + YEAR + r")(?:[/-](?:19|20)?\d\d(?!\d))?)?", re.IGNORECASE)
_AS_A_TIME = re.compile(r"(?:^\W*|\b(?:in|over|during|for|this|next|all|through|by|til|till|until)\s+(?:the\s+)?)$",
                        re.IGNORECASE)  # (or opening the line: "Winter heating surcharge dropped", trial s64 VHB-016)
_A_NOUN_AFTER = re.compile(r"\s+(?:water|tank|onion|roll|rolls|balance|clip|clips|clean|coil|bolt|loaded|board|"
                           r"mattress|lamb|lambs|greens|bulb|bulbs|wheat|barley|term|semester|release|sale)\b",
                           re.IGNORECASE)


def seasons_named(text: str, in_text: bool = False) -> frozenset[tuple[str, int | None]]:
    """The seasons text names (_SEASON_NAMED), each (its name, the year it begins in or None); in_text: text is a
    line's, which names one only as a time (_AS_A_TIME)."""
    out: set[tuple[str, int | None]] = set()
    for m in _SEASON_NAMED.finditer(text):
        name, year = m[1].lower(), m[2] or m["bracketed"]
        if name == "fall" and not year or (in_text and not year and not _AS_A_TIME.search(text, 0, m.start())):
            continue
        if not year and _A_NOUN_AFTER.match(text, m.end()):
            continue  # "spring water", "summer term": a thing of its own
        out.add(("autumn" if name == "fall" else name, int(f"20{year}" if len(year) == 2 else year) if year else None))
    return frozenset(out)


def whole_season(asked: set[str]) -> tuple[str, int] | None:
    """The season (its name and the year it begins in) whose every day, and none other, the days asked are."""
    if not asked or any(len(d) != 10 for d in asked):
        return None
    first, last = date.fromisoformat(min(asked)), date.fromisoformat(max(asked))
    if first.day != 1 or len(asked) != (last - first).days + 1 or (last + timedelta(days=1)).day != 1:
        return None
    months = {d[:7] for d in asked}
    return next(((name, first.year) for name in ("spring", "summer", "autumn", "winter")
                 if _season_months(name, first.year) == months), None)


def _season_months(name: str, year: int) -> set[str]:
    """The months ("YYYY-MM") of the season of that name that begins in year (winter: its December, then the next
    year's January and February)."""
    start = SEASON_START[name]
    return {f"{year + (start + i - 1) // 12}-{(start + i - 1) % 12 + 1:02d}" for i in range(3)}


def _with_week_year(text: str, weeks: Callable[[], frozenset[str]], today: date | None) -> str:
    """text with a week it names by its number alone given the year of the last weekly note of that number
    (one begun by today, if any is): trial s41's weekly reviews, "2024-W38.md", asked "what went well in week
    38?", had been matched by the words "week 38" only. A vault with no weekly notes reads no week in it
    (a course's "week 3")."""
    today = today or clock.today()
    spans = quoted_spans(text)
    found = [m for m in _WEEK_ALONE.finditer(text) if not inside(spans, m.start())]
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


def _without(text: str, phrases) -> str:
    """text without what phrases match, but in quotes (words to find as written: '"last week"')."""
    for rx in phrases:
        spans = [m.span() for m in QUOTED.finditer(text)]
        text = rx.sub(lambda m: m.group(0) if inside(spans, m.start()) else " ", text)
    return text


def _quotes_blanked(text: str) -> str:
    """text with its quoted phrases blanked (as many spaces): what it says besides the words to find as written
    ('the song "Yesterday"' names no day: s42's left-overs)."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


# what a question for a day's record says besides the day: "what did I do on 2024-03-06?", "what happened
# yesterday?", "my journal for March 3rd"
_ONLY_THE_DAY = frozenset("what did do does doing done happen happened happening write wrote written work worked "
                          "on in at for my the a of i we day journal log diary entry entries notes note say said "
                          "get got up to was were is are "
                          # ("whats the job this saturday", "what's the plan for friday": trial s77 AA, a file named for
                          # the day had been out of ten, undated lines that say "job" first)
                          "job jobs plan plans "
                          # ("what's happening over half term", "what happened over christmas": trial s78 O, the days'
                          # passages far from its words cut, a timetable's code block first)
                          "over during across throughout half term".split())
_WHATS_THE = re.compile(r"^\W*what(?:['’]?s|\s+is)\s+the\b", re.IGNORECASE)  # ("whats the job": "what job")


# a question for what was done or what happened on the days it names ("what did I do to the hives in March?", "what
# happened with the boiler last winter?"): the days' entries answer it whatever their words
# (... a doing of the period and nothing else: "what did i teach in march", trial s68 J, its March journals left out)
# (... "what was i doing last march", "what were we up to in aug 2025": the rescore of s70's off-period rule)
_WHAT_WAS_DONE = re.compile(r"^\W*what\s+(?:did\s+(?:i|we)\s+(?:do|get\s+done|work\s+on|[a-z]+(?=\s+(?:in|during|over|"
                            r"last|this)\b))|(?:was\s+i|were\s+we)\s+(?:doing|up\s+to|working\s+on)|happened|"
                            r"went\s+on)\b",
                            re.IGNORECASE)


def asks_what_was_done(text: str) -> bool:
    """Does a question about days ask what was done or what happened then?"""
    return _WHAT_WAS_DONE.search(text) is not None and bool(days(text))


# what is on then: "what gigs have i got in july", "what's on in july", "what am i doing in august" (trial s76 W: July's
# gigs, none of them saying "gig", had been held back as far from the question, "Nothing dated ... matches")
# (the period right after it: not "what have i got to pay the taxman this month", the s74 rescore)
# (... "what's happening in may", "what's going on next week", "what's coming up in april": trial s83 G, "what's happening
# in may" had said "Nothing dated ... matches" where "what's on in may" listed five)
_WHAT_IS_ON = re.compile(r"^\W*(?:what\s+(?:[\w'’-]+\s+){0,2}?(?:have|has)\s+(?:i|we)\s+got(?:\s+on)?|"
                         r"what(?:['’]?s|\s+is|\s+are)\s+(?:on|happening|going\s+on|coming\s+up)|"
                         r"what\s+(?:am\s+i|are\s+we)\s+doing)\b(?=\s+(?:in|on|this|next|over|during|at|end|start|"
                         r"beginning|middle|early|mid|late|w/?c|the\s+(?:week|weekend|days?|month|end|start|beginning|"
                         r"middle|rest|next|last|first|\d))\b)",  # (not "what's on the shopping list": the review)
                         re.IGNORECASE)


def asks_what_is_on(text: str) -> bool:
    """Does a question about days ask what is on then (_WHAT_IS_ON)?"""
    return _WHAT_IS_ON.search(text) is not None and bool(days(text))


def asks_only_the_day(text: str) -> bool:
    """Does the question ask for what a day holds and nothing else ("what did I do on 2024-03-06?")? Its
    passages then read best in the order they were written."""
    if not days(text):
        return False
    rest = _WHATS_THE.sub("what", _without(text, _DAY_PHRASES))
    return all(w in _ONLY_THE_DAY for w in re.findall(r"[a-z']+", rest.lower()))


def without_relative_days(text: str) -> str:
    """text without the days it names from today ("what happened on Tuesday?" -> "what happened ?", "in
    October", "the week of 2026-11-16"), or text itself when that would leave no words."""
    # (a holiday's name stays a word too: "Christmas do: Fri 18 Dec" says it, trial s49 had found it 14th; and a
    # season's, without its year or "this": "Autumn specials 2026", trial s59 RD-030 had found it by no word)
    seasons = _SEASON.sub(lambda m: f" {m[2] or m[4] or m[6]} ", text)
    rest = _without(_steps_as_words(seasons), tuple(rx for rx in _FROM_TODAY if rx not in (_RELATIVE, _HOLIDAY, _SEASON)))
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
    return _IN_MONTH.search(phrase) is not None or WRITTEN_DAY.search(phrase) is not None


def day_phrases(text: str) -> list[str]:
    """The day, week and month phrases text says ("in April", "on 15 March", "next week"), in order; not in quotes."""
    found = sorted({(m.start(), -m.end()) for rx in _DAY_PHRASES for m in rx.finditer(_quotes_blanked(text))})
    out, end = [], -1
    for start, neg_end in found:  # (a phrase inside a longer one is its part: "in january" of "in january and march")
        if -neg_end > end:
            out.append(text[start:-neg_end])
            end = -neg_end
    return out


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[" ".join(word.lower().split())]  # ("the Next Two Weeks": the review)


# a weekday of last, this or next week: "Friday next week", "next week Friday", "the Tuesday of last week", "next week's
# Monday" (trial s55: "What's due Friday next week?" had been read as all of next week, "on friday next week" as last
# Friday and next week)
_DAY_NAME = "(" + _DAY_NAMES + ")"  # ("wed next week", s63 MUS-006)
_WEEK_WHICH = r"(last|this|next|coming|previous)\s+week"
_RANGE_ON = r"(?!\s*(?:-|–|—|to|through|thru|till|until|and|&|or)\s*(?:" + "|".join(w[:3] for w in _WEEKDAYS) + r"))"
# (a part of the day between: "tuesday morning next week", trial s76 J, had been all of next week)
_WEEKDAY_OF_WEEK = re.compile(r"\b(?:(?:on|for|by|the)\s+)?" + _DAY_NAME + r"(?:\s+(?:morning|afternoon|evening|night|"
                              r"lunchtime|am|pm))?(?:\s+of)?\s+(?:the\s+)?" + _WEEK_WHICH
                              + r"\b|\b" + _WEEK_WHICH + r"(?:['’]s|,)?\s+(?:on\s+)?(?:the\s+)?" + _DAY_NAME + r"\b"
                              + _RANGE_ON, re.IGNORECASE)  # (not "next week monday to wednesday": the review)


# ... a few words apart: the weekday's thing of that week, "tuesday's standup this week", "last week's standup on monday"
_WEEKDAY_THING_OF_WEEK = re.compile(r"\b" + _DAY_NAME + r"['’]s\s+(?:[\w-]+\s+){1,3}?" + _WEEK_WHICH + r"\b|\b"
                                    + _WEEK_WHICH + r"['’]s\s+(?:[\w-]+\s+){1,3}?on\s+" + _DAY_NAME + r"\b" + _RANGE_ON,
                                    re.IGNORECASE)


# a thing someone uses these days, its clause ending before "today": "the provider we use today" (not "the meeting we
# have today", a day's)
_NOWADAYS = re.compile(r"\bthe\s+[\w-]+\s+(?:(?:that|which)\s+)?(?:we|i|you|they)\s+(?:still\s+)?(?:use|pay|run|rely\s+on|"
                       r"work\s+with|buy\s+from|bank\s+with|go\s+with|host\s+with)\s+$", re.IGNORECASE)


def _weekday_of_week(text: str, today: date, out: set[date]) -> str:
    """text with each weekday of last, this or next week it names blanked, that day added to out."""
    def take(m: re.Match) -> str:
        day, which = (m[1], m[2]) if m[1] else (m[4], m[3])
        monday = _period(which.lower(), "week", today)[0]
        out.add(monday + timedelta(days=weekday_number(day)))
        return " " * len(m[0])
    if "week" not in text.lower():
        return text
    return _WEEKDAY_THING_OF_WEEK.sub(take, _WEEKDAY_OF_WEEK.sub(take, text))




def _week_on(text: str, today: date, out: set[date]) -> str:
    """text with each day a week on from a coming weekday, today or tomorrow it names (_WEEK_ON) blanked, that day
    added to out; and "the week after next", its days (trial s74 R: of no day)."""
    if "after next" in text.lower() and (m := _WEEK_AFTER_NEXT.search(text)):
        out.update(d + timedelta(days=7) for d in _period("next", "week", today))
        text = text[:m.start()] + " " * len(m[0]) + text[m.end():]
    def take(m: re.Match) -> str:
        if m[2]:
            out.add(today + timedelta(days=7 if m[2].lower() == "today" else 8))
        else:
            out.add(_weekday(today, weekday_number(m[1] or m[3] or m[4]), "next", True) + timedelta(days=7))
        return " " * len(m[0])
    return _WEEK_ON.sub(take, text) if "week" in text.lower() or "after next" in text.lower() else text


# an English school's half term: "may half term", "feb half-term last year", "october half term 2026", "over half
# term" (trial s76 N, C: "what did i do in may half term" had been all of May, "may half term last year" no day): the
# week of its Monday (February's the first on or after the 12th; May's the spring bank holiday, the last of May;
# October's the last of October), Saturday before to Sunday after; one of no month, the last gone (or, asked of what is
# to come, the next)
# (not asked when it is, "when is february half term", "half term dates": a term-dates page answers; nor "spring half
# term", a teaching term's half too)
_HALF_TERM = re.compile(r"\b(?:(feb(?:ruary)?|may|whitsun|oct(?:ober)?)\s+|(?:over|during|in|at|for|of|the|this|(last|next)|"
                        r"(?<=\bweek\s)(?:after|before))"
                        r"\s+)half[\s-]?term\b(?=\s*(?:[?.!,;:)]|$)|\s+(?:week|holidays?|hols|break|last|this|next|"
                        r"(?:19|20)\d\d|and|or|when|while|with|i|we|you|he|she|they|it|my|our|at|in|to|for|from|"
                        r"what|who|where|did|was|were)\b)"  # (not "the half term sports camp", trial s76 T: a camp's)
                        r"(?:,?\s+(" + YEAR + r")\b|\s+(last|this|next)\s+year\b)?", re.IGNORECASE)
_HALF_TERM_MONTH = {"feb": 2, "february": 2, "may": 5, "whitsun": 5, "oct": 10, "october": 10}


def _half_term_monday(month: int, year: int) -> date:
    """The Monday an English school's half term of that month starts (_HALF_TERM): October's the last week whose
    Thursday is in October (2028's the 23rd, not the 30th: trial s85 F, asked on the Tuesday of it, had been of May's;
    2029's the 22nd, not the 29th: trials s88 L, Q, R, their notes' "22-26 Oct"; as 2018's was, 2024's the 28th)."""
    if month == 2:
        first = date(year, 2, 12)
        return first + timedelta(days=-first.weekday() % 7)
    last = date(year, month, 31)
    monday = last - timedelta(days=last.weekday())
    return monday - timedelta(days=7) if month == 10 and monday + timedelta(days=3) > last else monday


# "the tuesday of half term", "on the wednesday in half term" (trials s77 G, L: of no day)
_WEEKDAY_OF_HALF_TERM = re.compile(r"\b(?:the\s+)?(" + _DAY_NAMES + r")\s+(?=(?:of|in)\s+(?:the\s+|this\s+|last\s+|next\s+)?"
                                   r"(?:(?:feb(?:ruary)?|may|whitsun|oct(?:ober)?)\s+)?half[\s-]?term\b)", re.IGNORECASE)


_WEEK_BESIDE = re.compile(r"\bweek\s+$", re.IGNORECASE)
_WEEK_BESIDE_MONTH = re.compile(r"\bweek\s+(after|before)\s+(?:the\s+)?$", re.IGNORECASE)  # ("... feb half term")
_OF_IT = re.compile(r"(?:(?:of|in)\s+(?:the\s+|this\s+|last\s+|next\s+)?)?", re.IGNORECASE)  # (between the two)


# an English school's Easter or Christmas holidays: "what did we do in the easter hols", "over the christmas holidays
# last year" (trial s80 W-18: of no day; the Easter holidays the weeks either side of Easter, as schools' terms fall)
# (not a thing of them: "the easter holiday club", "christmas holiday rota", "opening hours", the review)
_SCHOOL_HOLIDAYS = re.compile(r"\b(?:(last|this|next)\s+)?(easter|christmas|xmas)\s+(?:school\s+)?(?:holidays?|hols|break)\b"
                              r"(?!\s+(?:club|clubs|rota|rotas|hours|opening|camp|camps|cover|scheme|pay|list|work|job|"
                              r"jobs|let|lets|booking|bookings)\b)"
                              r"(?:\s+(last|this|next)\s+year|,?\s+(?:in\s+|of\s+)?(" + YEAR + r"))?", re.IGNORECASE)


LATE_EASTER = 14  # an Easter Sunday on this day of April or later is a late one: the schools' holidays are before it


def _school_holidays(text: str, today: date, out: set[date]) -> str:
    """text with each school holiday it names (_SCHOOL_HOLIDAYS) blanked, its days added to out: of the year said, else
    the last one begun, or the coming one where the question looks ahead or asks in the present tense."""
    def days_of(name: str, year: int) -> tuple[date, date]:  # (its first day, its last)
        if name == "easter":  # (the weeks either side of Easter or after it, as schools take them: nine days before
            # it to a fortnight after; of a late Easter, from mid April, the two weeks before Easter Monday or either
            # side: the Saturday two weeks before to the Sunday after, trials s90 B, E, the schools' 8-19 April of
            # Easter 2030 (21 April) had been missed; not of an early one, 2027's, whose weeks after it are the
            # holidays, the review)
            sunday = _holiday_in("easter sunday", year)
            if sunday >= date(year, 4, LATE_EASTER):
                return sunday - timedelta(days=15), sunday + timedelta(days=7)
            return sunday - timedelta(days=9), sunday + timedelta(days=14)
        return date(year, 12, 20), date(year + 1, 1, 4)

    def take(m: re.Match) -> str:
        name = "easter" if m[2].lower() == "easter" else "christmas"
        step = {"last": -1, "next": 1}.get((m[1] or m[3] or "").lower())
        if m[4]:
            year = int(m[4])
        elif step is not None and m[3]:  # ("... last year": of that year)
            year = today.year + step
        elif (m[1] or m[3] or "").lower() == "this":
            year = today.year
        else:  # (the one it is now, else "next" the coming, "last" the last; else by the question's tense, the nearer
            begun = max(y for y in (today.year - 1, today.year) if days_of(name, y)[0] <= today)
            now, back = days_of(name, begun)[1] >= today, _PAST.search(text) is not None
            coming = (days_of(name, begun + 1)[0] - today).days < (today - days_of(name, begun)[1]).days
            ahead = step == 1 or step is None and not back and (looks_ahead(text) or _PRESENT.search(text) is not None
                                                               or coming)
            year = begun + 1 if ahead and not now else begun - 1 if step == -1 and now else begun
        first, last = days_of(name, year)
        out.update(first + timedelta(days=i) for i in range((last - first).days + 1))
        return " " * len(m[0])
    return _SCHOOL_HOLIDAYS.sub(take, text) if re.search(r"hol|break", text, re.IGNORECASE) else text


def _half_terms(text: str, today: date, out: set[date]) -> str:
    """text with each half term it names (_HALF_TERM) blanked, its days added to out; of a weekday of it ("the
    tuesday of half term"), that day."""
    weekday_at: dict[int, int] = {}  # where a half term a weekday is asked of is named -> that weekday

    def weekday_of(m: re.Match) -> str:
        weekday_at[m.end()] = weekday_number(m[1])
        return " " * len(m[0])

    def take(m: re.Match) -> str:
        months = [_HALF_TERM_MONTH[m[1].lower()]] if m[1] else [2, 5, 10]
        if m[3] or m[4]:
            years = [int(m[3]) if m[3] else today.year + {"last": -1, "next": 1}.get(m[4].lower(), 0)]
        else:
            years = [today.year - 1, today.year, today.year + 1]
        mondays = [_half_term_monday(n, y) for n in months for y in years]
        gone, to_come = [d for d in mondays if d <= today], [d for d in mondays if d > today]
        # (... or soon, asked in the present tense: "who's having the kids on the tuesday of half term" four days before
        # it, trial s77 G, had been of May's)
        soon = bool(to_come) and (min(to_come) - today).days <= _SOON and _PRESENT.search(text) is not None
        ahead = (m[2] or "").lower() == "next" or not m[2] and (looks_ahead(text) or soon) and not _PAST.search(text)
        # (... not when it is half term now, unless the next is asked: "who has the kids wednesday of half term" on its
        # Tuesday, trial s85 A, had been February's)
        now = bool(gone) and (today - max(gone)).days <= 6 and (m[2] or "").lower() not in ("next", "last")
        monday = min(to_come) if to_come and (ahead and not now or not gone) else max(gone)
        if (m[2] or "").lower() == "last" and (today - monday).days <= 6 and len(gone) > 1:  # (the one before it, asked
            monday = sorted(gone)[-2]  # "last" while it is half term: the review)
        # ... of no tense ("may half term" in mid May, "over half term photos"), the coming one too when soon, as a
        # holiday's (trial s78: last year's alone)
        untensed = not (m[2] or m[3] or m[4]) and bool(to_come) and \
            (min(to_come) - today).days <= _SOON and not (_PAST.search(text) or _PRESENT.search(text)
                                                          or _TENSED.search(text) or looks_ahead(text))
        mondays = {monday, min(to_come)} if untensed else {monday}
        weekday = next((w for at, w in weekday_at.items() if _OF_IT.fullmatch(m.string, at, m.start())), None)
        # ... "the week after half term", "the week before half term": that week, Monday to Sunday (trial s77 Z: of
        # half term itself)
        said = m[0].lower() if _WEEK_BESIDE.search(m.string, 0, m.start()) else \
            (w[1].lower() if (w := _WEEK_BESIDE_MONTH.search(m.string, 0, m.start())) else "")
        for monday in mondays:
            if said.startswith(("after", "before")):
                first = monday + timedelta(days=7 if said.startswith("after") else -7)
                out.update(first + timedelta(days=k) for k in range(7))
            else:
                out.update((monday + timedelta(days=weekday),) if weekday is not None else
                           (monday + timedelta(days=k) for k in range(-2, 7)))
        return " " * len(m[0])
    if "term" not in text.lower() or _WHEN_IS.search(text):
        return text
    return _HALF_TERM.sub(take, _WEEKDAY_OF_HALF_TERM.sub(weekday_of, text))


_WHEN_IS = re.compile(r"\bwhen(?:['’]?s|\s+(?:is|are|does|do|did))\b|\bhalf[\s-]?term\s+dates\b|\bdates\s+of\b",
                      re.IGNORECASE)


# a weekday or the week before or after a holiday: "the sunday after xmas", "the tuesday before christmas", "the week
# after christmas" (trials s74 F, K, Y: of no day), of the holiday nearest today
# (of a year it names: "the thursday before easter 2025", trial s76 D, had been of this year's; the day before or after
# one: "the day before christmas 2025")
# ("the day before christmas eve", "the day after easter monday": of those days, the review)
# (... a bank holiday too, "the day after the bank holiday", "the saturday before bank holiday": trials s79 R, J, of
# the holiday itself or of no day)
_WEEKDAY_BY_HOLIDAY = re.compile(r"\bthe\s+(" + _DAY_NAMES + r"|week|day)\s+(before|after)\s+(?:the\s+)?("
                                 r"(?:(?:early\s+may|late\s+may|may|spring|august|aug|summer)\s+)?bank\s+hol(?:iday)?"
                                 r"(?:\s+mon(?:day)?)?|(?:christ|x)mas(?:\s+(?:day|eve))?|"
                                 r"boxing\s+day|new\s+year['’]?s(?:\s+(?:day|eve))?|easter(?:\s+(?:sunday|monday|saturday))?)\b"
                                 r"(?:,?\s+(" + YEAR + r")\b)?", re.IGNORECASE)


def _weekday_by_holiday(text: str, today: date, out: set[date]) -> str:
    """text with each weekday before or after a holiday it names (_WEEKDAY_BY_HOLIDAY) blanked, that day added to
    out."""
    def take(m: re.Match) -> str:
        name = _holiday_key(m[3])
        name = {"christmas": "christmas day", "new years": "new years day", "easter": "easter sunday"}.get(name, name)
        years = (int(m[4]),) if m[4] else (today.year - 1, today.year, today.year + 1)
        held = _held_near((d for y in years for d in bank_holidays(y) if _ANY_BANK_HOLIDAY[name](d))
                          if name in _ANY_BANK_HOLIDAY else (_holiday_in(name, y) for y in years), today, back, ahead)
        after = m[2].lower() == "after"
        if m[1].lower() in ("week", "day"):  # ("the week after christmas": its seven days, trial s74 Y)
            out.update(held + timedelta(days=k if after else -k) for k in range(1, 8 if m[1].lower() == "week" else 2))
            return " " * len(m[0])
        wanted = weekday_number(m[1])
        step = (wanted - held.weekday()) % 7 or 7 if after else -((held.weekday() - wanted) % 7 or 7)
        out.add(held + timedelta(days=step))
        return " " * len(m[0])
    if " the " not in f" {text.lower()}":
        return text
    # ("what broke ...": what was; not "what jobs have we got ...")
    back = bool(_PAST.search(text) or _TENSED.search(text) and not _PRESENT.search(text))
    ahead = looks_ahead(text)
    return _WEEKDAY_BY_HOLIDAY.sub(take, text)


def _held_near(held: Iterable[date], today: date, back: bool, ahead: bool) -> date:
    """Of the days a holiday is held: the last up to today for a question of what was ("what jobs did i do the day after
    the bank holiday" on 9 December: August's, not Christmas's, trial s79 R), the next for one that looks ahead, else
    the one nearest today."""
    days = sorted(held)
    if back and (gone := [d for d in days if d <= today]):
        return gone[-1]
    if ahead and (coming := [d for d in days if d >= today]):
        return coming[0]
    return min(days, key=lambda d: abs((d - today).days))


# a weekday as it is written anywhere, short too ("wed", "weds", "sat", "sun" alone): the one rule agenda's and units'
# patterns use
ANY_WEEKDAY = _WEEKDAY_WORDS + r"|weds?|sat|sun"
# "last" before a period and what it ends ("the last week before lambing", "last month of the pregnancy", "last week
# of term"): its final one, not the one before this (trial s86 Q: "twins nuts last fortnight before lambing" had been of
# the last 14 days)
_FINAL_OF = re.compile(r"\blast(?=\s+(?:(?:week|fortnight|month|weekend|day|night)s?\s+(?:of\s+(?!(?:the\s+|this\s+|next\s+)?"
                       r"(?:year|month|" + MONTH_NAME + r")\b)|" + _BEFORE_A_THING + r")|(?:" + ANY_WEEKDAY
                       + r")\w*\s+(?:of|before)\b))", re.IGNORECASE)  # (not "the last week of january": read as such,
# below; a weekday's too: "Last Tuesday of 2028 - carols" of a journal of 19 December, trial s86 T, had been the 12th)
# a weekday right before a day that follows it: "Wed 9 Dec", "Saturday, 12th December", "Tue Dec 8"
WEEKDAY_BEFORE = re.compile(r"\b(" + ANY_WEEKDAY + r")\.?,?\s+(?:the\s+)?$", re.IGNORECASE)
WEEKDAY_REACH = 16  # characters before a day its weekday is written in ("wednesday the ")


# a weekday and a day's number, no month: "Saturday the 12th", "Sat 14th"
_HOUR = r"(?:1[0-2]|0?[1-9])(?!\d)"  # an hour of a clock's face
_WEEKDAY_THE_NUMBER = re.compile(r"\b(" + ANY_WEEKDAY + r")\.?\s+(?:the\s+)?([0-3]?\d)"
                                 # (its ending may be left out: "tue 15", trial s62 M; not a time, "tue 8pm", "8:30";
                                 # with its ending, a day whatever follows: "Thu 10th am", trial s72 V)
                                 r"(?:(?:st|nd|rd|th)\b|\b(?![:.]\d|\s*(?:am|pm|a\.m|p\.m|h|hrs?|mins?|o['’]clock)\b"
                                 # (nor an hour a span of hours opens: "what's on wednesday 6 till 7", trial s78 P, read
                                 # as 6 January)
                                 # (a dash between spaces is no span: "Tue 8 - 2pm Burnage" is the 8th at 2pm)
                                 # (hours: 1 to 12, a word between or a dash and "am" or "pm" after: not "Sat 22-23",
                                 # "wed 9 to 10 june", days, the review)
                                 r"|(?<![2-9]\d)(?<!1[3-9])(?:\s*(?:till|til|until|to)\s*" + _HOUR + r"(?:[:.]\d\d)?\s*(?:am|pm)?"
                                 r"|[-–]" + _HOUR + r"(?:[:.]\d\d)?\s*(?:am|pm))(?!\d|\s*(?:st|nd|rd|th)\b"
                                 r"|\s*(?:of\s+)?" + _MONTH.replace("(", "(?:", 1) + r"\b)))"
                                 r"(?!\s+(?:of\s+)?" + _MONTH.replace("(", "(?:", 1) + r"\b)"
                                 # (nor one of two days of a month after the second: "Sat 12 / Sun 13 June", s67 C)
                                 # ("Fri 12 + Mon 15 March", trial s74 A: Friday 12 February)
                                 r"(?!(?:st|nd|rd|th)?\s*(?:/|&|\+|\band\b|\bor\b|-|–|—)\s*(?:(?:" + ANY_WEEKDAY
                                 + r")\.?,?\s+)?(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
                                 + _MONTH.replace("(", "(?:", 1) + r"\b)", re.IGNORECASE)


# the hours after a weekday: "wednesday 6 till 7", "tuesday 7pm", "sat 10-12" (trial s78 P: "what's on wednesday 6 till
# 7" had been of 6 January, "who's on air tuesday 7pm" of no day); not its day's number ("tue 15 - thu 17", "wed 6-7 may")
_HOURS_AFTER_WEEKDAY = re.compile(r"\b(" + ANY_WEEKDAY + r"\w*\.?)\s+(?:at\s+)?" + _HOUR + r"(?:[:.]\d\d)?\s*(?:(?:am|pm)\b\s*)?"
                                  r"(?:(?<=\s)(?:till|til|until|to)\s*" + _HOUR + r"(?:[:.]\d\d)?\s*(?:am|pm)?\b"
                                  r"|(?<=\d)[-–]" + _HOUR + r"(?:[:.]\d\d)?\s*(?:am|pm)\b|(?<=m)|(?<=m\s))"
                                  r"(?!\s*(?:st|nd|rd|th)\b|\s*(?:-|–|to)?\s*(?:" + ANY_WEEKDAY + r")|\s*(?:of\s+)?"
                                  + _MONTH.replace("(", "(?:", 1) + r"\b)", re.IGNORECASE)


def _hours_blanked(text: str) -> str:
    """text with the hours after each weekday blanked (_HOURS_AFTER_WEEKDAY), the weekday kept."""
    return _HOURS_AFTER_WEEKDAY.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), text)


# a span from a weekday to come: "when's the next survey after friday" (trial s73 B: "after friday" had been read as
# Friday, its surveys first, the Tuesday after out of ten)
_AFTER_WEEKDAY = re.compile(r"\bafter\s+(?:(this|next|coming)\s+)?" + _DAY_NAME + r"\b(?!\s*\d)", re.IGNORECASE)


def _after(day: date) -> list[date]:
    """The days a question of what is to come means after a day ("after friday", "after the 20th"): UPCOMING_DAYS from
    the day after. (Before one: _due_by's.)"""
    return [day + timedelta(days=i) for i in range(1, UPCOMING_DAYS + 1)]


def _after_weekday(text: str, today: date, back: bool, out: set[date]) -> str:
    """text with each span after a coming weekday it names blanked, the span's days added to out (_after). Not in a
    question of days gone ("what did I do after friday")."""
    def take(m: re.Match) -> str:
        which = (m[1] or "for").lower()
        day = _weekday(today, weekday_number(m[2]), "next" if which in ("next", "coming") else "for", True)
        out.update(_after(day))
        return " " * len(m[0])
    if back or "after" not in text.lower():
        return text
    return _AFTER_WEEKDAY.sub(take, text)


# "this time last year": the days about today's a year (a month) ago, not the whole of last year (trial s72 L: "what
# was i up to this time last year" had been of no day)
_THIS_TIME_LAST = re.compile(r"\b(?:(?:about|around)\s+)?(?:this|the\s+same)\s+time\s+last\s+(year|month)\b", re.IGNORECASE)
THIS_TIME_DAYS = 3  # days either side of that day
# ... "this week last year", "this month last year": that week (Monday to Sunday) or month of a year ago (trial s75 B:
# "what was i up to this week last year" had been this week's)
# ... and "this day last year", "today last year": that one day (trial s76 H: of no day)
_THIS_PERIOD_LAST_YEAR = re.compile(r"\b(?:(?:this|the\s+same)\s+(week|month|day|date)|(today))\s+last\s+year\b",
                                    re.IGNORECASE)


# "3 weeks ago today", "a month ago today", "a year ago today": that one day (trial s73 E: "what was i doing 3 weeks
# ago today" had been that week and today, today's note first)
_AGO_TODAY = re.compile(rf"\b{_N}\s+(week|month|year)s?\s+ago\s+(?:today|tonight)\b", re.IGNORECASE)


def _ago_today(text: str, today: date, out: set[date]) -> str:
    """text with each "N weeks (months, years) ago today" blanked, that day added to out."""
    def take(m: re.Match) -> str:
        n = _count(m[1])
        if m[2].lower() == "week":
            out.add(today - timedelta(weeks=n))
        else:
            months = today.year * 12 + today.month - 1 - n * (12 if m[2].lower() == "year" else 1)
            first = date(months // 12, months % 12 + 1, 1)
            last = ((first + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
            out.add(first.replace(day=min(today.day, last)))
        return " " * len(m[0])
    return _AGO_TODAY.sub(take, text) if "ago" in text.lower() else text


# "the 17th of next month", "the 3rd of last month", "the 17th next month" (trial s77 L: read as all of November)
_DAY_OF_MONTH_FROM_TODAY = re.compile(r"\bthe\s+([0-3]?\d)(?:st|nd|rd|th)\s+(?:of\s+)?(next|last|this)\s+month\b",
                                      re.IGNORECASE)


def _day_of_month_from_today(text: str, today: date, out: set[date]) -> str:
    """text with each "the 17th of next month" blanked, that day added to out (none where the month has no such day)."""
    def take(m: re.Match) -> str:
        first = today.replace(day=1)
        step = {"next": 1, "last": -1}.get(m[2].lower(), 0)
        month = (first + timedelta(days=32)).replace(day=1) if step > 0 else \
            (first - timedelta(days=1)).replace(day=1) if step < 0 else first
        if 1 <= int(m[1]) <= calendar.monthrange(month.year, month.month)[1]:
            out.add(month.replace(day=int(m[1])))
        return " " * len(m[0])
    return _DAY_OF_MONTH_FROM_TODAY.sub(take, text) if "month" in text.lower() else text


def _this_time_last(text: str, today: date, out: set[date]) -> str:
    """text with each "this time last year" (or month) blanked, the week about that day added to out."""
    def take(m: re.Match) -> str:
        if m[1].lower() == "year":
            then = _a_year_before(today)
        else:
            month_ago = today.replace(day=1) - timedelta(days=1)
            then = month_ago.replace(day=min(today.day, month_ago.day))
        out.update(then + timedelta(days=i) for i in range(-THIS_TIME_DAYS, THIS_TIME_DAYS + 1))
        return " " * len(m[0])

    def take_period(m: re.Match) -> str:
        then = _a_year_before(today)
        if m[2] or m[1].lower() in ("day", "date"):
            out.add(then)
        elif m[1].lower() == "week":
            monday = then - timedelta(days=then.weekday())
            out.update(monday + timedelta(days=i) for i in range(7))
        else:
            first = then.replace(day=1)
            out.update(first + timedelta(days=i) for i in range(calendar.monthrange(then.year, then.month)[1]))
        return " " * len(m[0])
    if "last year" in text.lower():
        text = _THIS_PERIOD_LAST_YEAR.sub(take_period, text)
    return _THIS_TIME_LAST.sub(take, text)


def _a_year_before(day: date) -> date:
    """The same day a year before (29 February's: the 28th)."""
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def _weekday_the_number(text: str, today: date, back: bool, out: set[date], ahead: bool = False) -> str:
    """text with each weekday and day's number it names blanked ("Saturday the 12th"), the nearest day numbered so on
    that weekday, in the year before today or after it, added to out: a day gone for a question that looks back (trial
    s60 UA-022: "what gig is on Saturday the 12th?" had been read as last Saturday, 28 November); one to come, if one
    is WEEKDAY_NUMBERED_AFTER days off or fewer, for a question that looks ahead (trial s75 J: "whats on thurs 18th" on
    2 March had been 18 February's, 12 days gone, not 18 March's)."""
    def take(m: re.Match) -> str:
        n, weekday = int(m[2]), weekday_number(m[1])
        near = [d for k in range(-12, 13) if (d := _nth_of_month(today, k, n)) is not None and d.weekday() == weekday
                and (d <= today if back else True)]
        coming = [d for d in near if ahead and 0 <= (d - today).days <= WEEKDAY_NUMBERED_AFTER]
        if near:
            out.add(min(coming or near, key=lambda d: (abs((d - today).days), d < today)))
        return " " * len(m[0])
    return _WEEKDAY_THE_NUMBER.sub(take, text)


def weekday_numbered_from(text: str, day: date) -> frozenset[str]:
    """The days a note written on day names by a weekday and a day's number, no month ("☐ line clean Tue 8th" in the
    week note of 30 November: 8 December; trial s63 PUB-020), each the nearest so numbered on that weekday from two
    weeks before day to two months after."""
    return frozenset(near.isoformat() for weekday, n in weekdays_numbered(text)
                     if (near := nearest_numbered(day, weekday, n)) is not None)


def nearest_numbered(day: date, weekday: int, n: int) -> date | None:
    """The day numbered n on weekday (Monday 0) nearest day, from WEEKDAY_NUMBERED_BEFORE days before it to
    WEEKDAY_NUMBERED_AFTER after, if one is."""
    near = [d for k in (-1, 0, 1, 2) if (d := _nth_of_month(day, k, n)) is not None and d.weekday() == weekday
            and -WEEKDAY_NUMBERED_BEFORE <= (d - day).days <= WEEKDAY_NUMBERED_AFTER]
    return min(near, key=lambda d: abs((d - day).days)) if near else None


WEEKDAY_NUMBERED_BEFORE, WEEKDAY_NUMBERED_AFTER = 14, 62  # days from its day such a day may be


def weekday_numbered_at(text: str) -> str | None:
    """The weekday and day's number text opens with (_WEEKDAY_THE_NUMBER's: "Sat 27th for Wed 31st" -> "Sat 27th";
    not a time, "Monday 10:00"), else None."""
    m = _WEEKDAY_THE_NUMBER.match(text)
    return m[0] if m else None


def weekdays_numbered(text: str, words_too: bool = True) -> frozenset[tuple[int, int]]:
    """The weekdays (Monday 0) and days' numbers text writes together, no month ("ring Mick Mon 8th": (0, 8)); not
    words_too: "sat" and "sun" in lower case only with the number's ending ("Maya sat 3 GCSEs", "we sat 2 hours" in a
    note of no day: the review)."""
    if not any(ch.isdigit() for ch in text):
        return frozenset()
    return frozenset((weekday_number(m[1]), int(m[2])) for m in _WEEKDAY_THE_NUMBER.finditer(text)
                     if words_too or m[1] not in ("sat", "sun") or _ORDINAL_AT.match(text, m.start(2)))


_ORDINAL_AT = re.compile(r"\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)


def _nth_of_month(today: date, k: int, n: int) -> date | None:
    """The day numbered n of the month k months from today's, if it has one."""
    month = today.month - 1 + k
    return _iso(f"{today.year + month // 12}-{month % 12 + 1:02d}-{n:02d}")


def _day_of_number(n: int, today: date, back: bool) -> date | None:
    """The day numbered n of this month, or of the next when it is gone (the last when the question looks back)."""
    months = [(today.year, today.month), (today.year + (today.month == 12), today.month % 12 + 1)] if not back else \
        [(today.year, today.month), (today.year - (today.month == 1), (today.month - 2) % 12 + 1)]
    for year, month in months:
        day = _iso(f"{year}-{month:02d}-{n:02d}")
        if day is not None and (day <= today if back else day >= today):
            return day
    return None


def _month_ranges(text: str, today: date, ahead: bool, out: set[date]) -> str:
    """text with each range of months it names blanked (_MONTH_RANGE), their days added to out."""
    def take(m: re.Match) -> str:
        months = _months_of_range(m, today, ahead)
        if months is None:
            return m[0]
        if not months:
            return " " * len(m[0])
        for first in months:
            out.update(_month(first.month, str(first.year), today, ahead))
        return " " * len(m[0])
    return _MONTH_RANGE.sub(take, text)


def _months_of_range(m: re.Match, today: date, ahead: bool) -> list[date] | None:
    """The first days of the months a _MONTH_RANGE match names, or None where it names none: a day's month ("3
    january to ..."), "may" or "march" as words, neither after a word that makes them months nor before a year ("I
    may and June"); [] for a thing's months, after "for"."""
    said, first_name, first_year, to, last_name, last_year = m.groups()
    before = m.string[:m.start(2)]
    if re.search(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", before) or not (said or first_year or last_year) and any(
            w in ("may", "mar", "march") for w in (first_name, last_name)):
        return None
    # (a thing's months after "for", as a month's is, not when it was written: "gift aid % for apr-jun" of a claim sent
    # in July, trial s79 AC, out of ten; unless planned or due then)
    if _FOR_BEFORE.search(before) and not (_PLANNED.search(m.string) or DUE.search(m.string)):
        return []  # (none of its months read either: "for sep-dec 2025" is no December 2025)
    first, last = (_MONTHS.index(w[:3].lower()) + 1 for w in (first_name, last_name))
    if last_year:
        end = date(int(last_year), last, 1)
    elif first_year:
        end = date(int(first_year) + (last < first), last, 1)
    else:
        end = _month(last, None, today, ahead)[0]
    start = date(int(first_year) if first_year else end.year - (first > last), first, 1)
    if not start <= end or (end.year - start.year) * 12 + end.month - start.month > 11:
        return None
    if to.lower() in ("and", "&") and (said or "").lower() != "between":  # "in january and march": the two
        return [start, end]
    return [date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
            for i in range((end.year - start.year) * 12 + end.month - start.month + 1)]


# a word every phrase _RELATIVE reads says: "today", "yesterday", "3 days ago", "next week", "on Friday", "next tues"
_FROM_A_DAY = re.compile(r"\b(?:today|tonight|morning|yesterday|night|tomorrow|" + _TOMORROW_TYPED + r"|days?|week|weekend|month|"
                         + _WEEKDAY_WORDS + r")\b", re.IGNORECASE)


_CLAUSE_START = re.compile(r"[.;!?\n]|\s[-–—]\s")
_TOOK = re.compile(r"\b(?:sold|took|did|done|was|were|had|got|went|ran|made|came|spent|lost|won|paid|grew|fell|"
                   r"finished|used|drank|ate)\b", re.IGNORECASE)


def days_named_from(text: str, day: date) -> frozenset[str]:
    """The days a note written on day names from it, one or two each ("next Tues: dentist", "tomorrow", "on
    Friday": the coming one, as a note plans): trial s59 RA-021's daily note of 3 December, "next Tues: Hollis chase +
    dentist", had been of no day for "what have I got on next Tuesday?". Not a week or a month ("next week")."""
    out: set[str] = set()
    if _FROM_A_DAY.search(text) is None:  # (a cheap look first: most passages name no day from theirs)
        return frozenset()
    # (not in quotes: 'Priya wants more "what's on this weekend" lists' names no weekend, trial s78 L, it had been "of
    # the days asked", first for "anything on this saturday")
    text = _quotes_blanked(text) if '"' in text or "“" in text else text
    text = _FINAL_OF.sub("    ", text) if "last" in text.lower() else text  # ("Last Tuesday of 2028": no day gone)
    # (a weekday with its day's number is that day, weekday_numbered_from's: "by Fri 11th" is no coming Friday)
    # (... and so is the same weekday said after "for" or "on" beside it: "two bank files (Fri 24th + Mon 27th) — the
    # second run for Monday's", trial s91 G, had been of the coming Monday)
    numbered = {weekday_number(m[1]) for m in _WEEKDAY_THE_NUMBER.finditer(text)} \
        if any(ch.isdigit() for ch in text) else set()
    text = _WEEKDAY_THE_NUMBER.sub(lambda m: " " * len(m[0]), text) if numbered else text
    text = _a_week_on(text, day, out)
    for m in _RELATIVE.finditer(text):
        if m.group(4) and _TOOK.search(_CLAUSE_START.split(text[:m.start()])[-1]):
            continue  # how long it took, not a day to come: "sold 26 in 4 days" (trial s63 F)
        if numbered and (said := _FOR_WEEKDAY.match(m[0])) and weekday_number(said[1]) in numbered:
            continue
        span = _relative_span(m, day, ahead=True)
        if len(span) <= 2:
            out.update(d.isoformat() for d in span)
    return frozenset(out)


_FOR_WEEKDAY = re.compile(r"(?:on|for|by)\s+(?:\w+\s+)?(" + _DAY_NAMES + r")", re.IGNORECASE)


# "a week on Saturday", "a week Saturday": the Saturday after the coming one (trial s79 AJ: "Sam leaves for Sheffield a
# week on Saturday (18th)" in the journal of the 9th had said the 11th)
_A_WEEK_ON = re.compile(r"\ba\s+week\s+(?:on\s+)?(" + _DAY_NAMES + r")\b", re.IGNORECASE)


def _a_week_on(text: str, day: date, out: set[str]) -> str:
    """text with each "a week on Saturday" blanked, that day (of the week after the coming one from day) added to
    out."""
    def take(m: re.Match) -> str:
        out.add((_weekday(day, weekday_number(m[1]), "next", True) + timedelta(days=7)).isoformat())
        return " " * len(m[0])
    return _A_WEEK_ON.sub(take, text) if "week" in text.lower() else text


def weekday_number(word: str) -> int:
    """A weekday's number (Monday 0) from its name or a shortening of it ("tues", "thurs", "fri")."""
    return next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(word.lower()[:3]))


def weekday_called(number: int) -> str:
    """A weekday's name as it is shown ("Saturday") from its number (Monday 0)."""
    return _WEEKDAYS[number].capitalize()


def _relative_span(m: re.Match, today: date, ahead: bool, back: bool = False) -> list[date]:
    now, near, ago, within, which, unit, last_n, when, weekday = (g.lower() if g else None for g in m.groups())
    unit = "week" if unit == "wk" else unit  # ("what did i do last wk", trial s71 N)
    if now:
        return [today]
    if near:
        step = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1,
                "the day after tomorrow": 2}.get(near, 1)  # (a short "tmrw" is tomorrow)
        return [today + timedelta(days=step)]
    if ago or within:
        return [today + timedelta(days=-_count(ago) if ago else _count(within))]
    if last_n:
        return [today - timedelta(days=i) for i in range(_count(last_n))]
    if weekday:
        # ("how many tickets had we sold by tuesday": the last one, trial s76 Q, had been the coming one)
        day = _weekday(today, weekday_number(weekday), "on" if when == "by" and back and not ahead else when, ahead)
        if when == "this" and day < today and not back:  # "whats on this thurs" on a Saturday: the coming one (trial
            return [day + timedelta(days=7)] if ahead else [day, day + timedelta(days=7)]  # s64 KYK-032); untensed both
        # "last Thursday" said on a Friday may be yesterday or the week before's, "next Saturday" tomorrow or the
        # week after's: both (trial s57 LB had meant the week before's)
        step = {"last": -7, "next": 7}.get(when) if abs((day - today).days) == 1 else None
        return [day] if step is None else [day, day + timedelta(days=step)]
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


# a day in slashed numbers either of whose orders may be meant, "6/4/2024" (6 April or 4 June): no day is searched
# (WRITTEN_DAY reads only those whose order a number over 12 makes sure of), which is said (trial s48: nothing had been)
_EITHER_ORDER = re.compile(_NUMBERED.format(_UP_TO_12, _UP_TO_12, "/", _YEARS))


def unclear_day(text: str) -> str | None:
    """What to say of the first day text writes in numbers that may be either of two days ("“6/4/2024” may be 6 April or
    4 June; write it as YYYY-MM-DD to search that day"), None for text of no such day."""
    for m in _EITHER_ORDER.finditer(text):
        first, second = int(m[1]), int(m[2])
        if first != second:
            year = century(m[3])
            return (f"“{m[0]}” may be {first} {MONTH_NAMES[second - 1]} or {second} {MONTH_NAMES[first - 1]}; write "
                    f"it as {year}-{second:02d}-{first:02d} or {year}-{first:02d}-{second:02d} to search that day")
    return None


def day_of(m: re.Match) -> tuple[str | None, int | str, str]:
    """(year or None, month, day) of a WRITTEN_DAY match: 2025-03-14, 14 March (2025), March 14th(, 2025), 22/03/2025,
    3/22/2025."""
    g = m.groups()
    if g[0]:
        return g[0], g[1], g[2]
    if g[3]:
        return g[5], _MONTHS.index(g[4][:3].lower()) + 1, g[3]
    if g[6]:
        return g[8], _MONTHS.index(g[6][:3].lower()) + 1, g[7]
    if g[9]:
        return century(g[11]), int(g[10]), g[9]  # day first
    if g[15]:
        return g[17], int(g[16]), g[15]  # dotted, day first
    return century(g[14]), int(g[12]), g[13]  # month first


def century(year: str) -> str:
    """A year of a day written in numbers, of four digits, as Python's strptime gives a year of two: 00-68 this
    century, 69-99 the last ("24" -> "2024", "98" -> "1998")."""
    return year if len(year) == 4 else f"{20 if int(year) < 69 else 19}{year}"


def shift_day(text: str, by: int, today: date | None = None) -> str | None:
    """text with the one day it names moved by `by` days ("what did I do on 14 November?", -1 -> "... on
    13 November?"; "yesterday" -> the day before's date), or None if it names no single day."""
    today = today or clock.today()
    plain = FILTER.sub(lambda f: " " * len(f.group(0)), text)  # a filter's date is not the question's day
    named = list(WRITTEN_DAY.finditer(plain))
    if len(named) > 1 or named and _RELATIVE.search(plain):
        return None
    m = named[0] if named else None
    if m is not None:
        year, month, day = day_of(m)
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
    return set(_days(text, today or clock.today()))


@lru_cache(maxsize=8)
def _days(text: str, today: date) -> frozenset[str]:
    """days(), kept for the last few texts: a search reads its question's days three times or more (search,
    ranking's _of_day, query's listing_period, asks_only_the_day), a tenth of a millisecond each."""
    text = _month_end_named(weekdays_typed_right(text), today)
    if "last" in text.lower():  # ("the last week before lambing": its final week, _FINAL_OF)
        text = _FINAL_OF.sub("    ", text)
    if any(ch.isdigit() for ch in text):  # (the hours after a weekday: "what's on wednesday 6 till 7" is Wednesday's)
        text = _hours_blanked(text)
    if _WEEKDAYS_COMPARED.search(text):  # (two weekdays compared name no day: "gala on friday vs saturday which was
        text = _WEEKDAYS_COMPARED.sub(lambda m: " " * len(m[0]), text)  # better", trial s65 W: last Friday's)
    if (m := _WHEN_DUE.match(text)) is not None:  # ("when's the oct-dec vat return due": a name's months, trial s67 D)
        text = text[:m.start(1)] + " " * len(m[1]) + text[m.end(1):]
    named = _named_days(text, today)
    return _weekdays_of(text, _due_by(text, today, named) or named)


# a weekday asked of among a period's days: "which saturday am i on in may", "the tuesdays in june", "every friday in
# march" (trial s80 I-39: all of May's rows had come first, "Tue 25 May | English Lang", its Saturday rota's line absent)
# (... or weekend: "which weekend in may am i off", its Saturdays and Sundays)
_WEEKDAYS_ASKED = re.compile(rf"\b(?:(?:which|what|every|each)\s+({ANY_WEEKDAY}|weekend)\b|({ANY_WEEKDAY}|weekend)s\s+"
                             r"(?:in|of|during)\b)", re.IGNORECASE)


def _weekdays_of(text: str, found: frozenset[str]) -> frozenset[str]:
    """found, or of a period longer than a week, its days of the weekday text asks which of (_WEEKDAYS_ASKED)."""
    if len(found) <= 7 or any(len(d) != 10 for d in found) or (m := _WEEKDAYS_ASKED.search(text)) is None:
        return found
    asked = (m[1] or m[2]).lower()
    wanted = {5, 6} if asked == "weekend" else {weekday_number(asked)}
    return frozenset(d for d in found if date.fromisoformat(d).weekday() in wanted) or found


# the end of this month or the next, said without its name: "by the end of the month", "end of next month", "month end"
# (trial s74 T: "what have i got to pay by the end of the month" had been of no day)
_MONTH_END = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:(the|this|next)\s+)?month|(this\s+|next\s+)?month[-\s]end)\b",
                        re.IGNORECASE)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


def _month_end_named(text: str, today: date) -> str:
    """text with the end of this month or the next said by its month's name ("by the end of the month" on 7 January:
    "by the end of january"), as _PART_OF reads it."""
    back = _PAST.search(text) is not None and today.day < 16  # (what happened at the end of the month: the last one's)

    def named(m: re.Match) -> str:
        step = 1 if (m[1] or m[2] or "").strip().lower() == "next" else -1 if back else 0
        return f"the end of {_MONTH_NAMES[(today.month - 1 + step) % 12]}"
    return _MONTH_END.sub(named, text) if "end" in text.lower() else text


# a question of when something is due: the words between are its name, no days of it
_WHEN_DUE = re.compile(r"^\W*when(?:['’]?s|\s+(?:is|are|was|were|will|does|do|did))\b(.*?)(?<![\w-])due\b", re.IGNORECASE)


_WEEKDAYS_COMPARED = re.compile(rf"\b(?:{ANY_WEEKDAY})s?\s+(?:vs\.?|versus|v\.?)\s+(?:{ANY_WEEKDAY})s?\b",
                                re.IGNORECASE)


# a question of what is due by a day: "what's due by Friday?", "anything due before the 14th?"
_DUE_BY = re.compile(r"\b(by|before|until|till|no\s+later\s+than)\s+(?=\S)", re.IGNORECASE)
_DUE_BY_LONGEST = 62  # days from today: further off, the day or period itself
# ... or of what is to be done by a day the word right after names ("anything i need to pay before the 18th", "anything
# i need to chase before friday": trials s73 G, H), not by a thing ("what have i got to sort before the gig next sat")
_END_OF = re.compile(r"(?:the\s+)?end\s+of\b", re.IGNORECASE)
_A_DAY_NEXT = re.compile(r"(?:the\s+[0-3]?\d(?:st|nd|rd|th)\b|\d|tomorrow\b|(?:this|next|coming)\s|" + _END_OF.pattern + "|"
                         r"(?:mid|early|late)[\s-]|"
                         r"(?:" + ANY_WEEKDAY + r")\b|" + _MONTH + r"\b)", re.IGNORECASE)


def _due_by(text: str, today: date, said: frozenset[str]) -> frozenset[str] | None:
    """For a question of what is due by or before a day to come, or what is to be done by then (looks_ahead): today
    up to that day, as a to-do list's "due before" reads (trial s62: "due before the 14th" had been read as no day,
    "due by Friday" as Friday alone). said: the days text names (_named_days), which "by" reads as they are."""
    if _PAST.search(text) or (m := _DUE_BY.search(text)) is None or \
            not (asks_due(text) or looks_ahead(text) and _A_DAY_NEXT.match(text, m.end())):
        return None
    if m[1].lower() != "by":  # ("before the 14th" read as "by the 14th" names the 14th)
        said = _named_days(text[:m.start()] + "by " + text[m.end():], today)
    named = sorted(_coming(d, today) for d in said)
    if named and named[0] < today <= named[-1] and _END_OF.match(text, m.end()):
        # (by the end of a month begun, from today: "what's due by the end of this month" on 30 March, trial s83 D, had
        # been read as 16-31 March, the month's end as a part of it)
        named = [d for d in named if d >= today]
    if not named or (named[-1] - named[0]).days >= len(named) or named[0] < today:
        return None  # no day, days apart, or gone
    # (before a day, up to it, what is due then too: "anything i need to pay before the 18th", trial s73 G, its
    # deadline the 18th; before a week, up to its first day)
    # (... but before the end of a month, by its end: "what do i need to register for before end of jan", trial s74 AE,
    # had been up to the 15th)
    before = m[1].lower() == "before" and not _END_OF.match(text, m.end())
    last = named[0] - timedelta(days=1) if before and len(named) > 1 else named[-1]
    if not 0 <= (last - today).days <= _DUE_BY_LONGEST:
        return None
    return frozenset((today + timedelta(days=i)).isoformat() for i in range((last - today).days + 1))


def _coming(day: str, today: date) -> date:
    """A day "YYYY-MM-DD", or "MM-DD" of any year read as the next one from today."""
    if len(day) == 10:
        return date.fromisoformat(day)
    this = _iso(f"{today.year}-{day}") or date(today.year, 3, 1)  # (29 February of a year without one)
    return this if this >= today else _iso(f"{today.year + 1}-{day}") or this


def _named_days(text: str, today: date) -> frozenset[str]:
    """The days text names (days())."""
    out: set[str] = relative_days(text, today)
    text = _ordinal_days(_quotes_blanked(text))
    weeks = {w.end() for w in (*_WEEK_OF_DAY.finditer(text), *_WEEKEND_OF_DAY.finditer(text))}
    said = [m for m in WRITTEN_DAY.finditer(text) if m.start() not in weeks]  # (the day a week starts, read as its
    # week's by relative_days: "w/c 14 dec" is no 14 Dec of any year; nor a weekend's)
    for m in said:
        year, month, day = day_of(m)
        # a day that can be (29 February without a year may be a leap year's)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and _iso(f"{year or 2024}-{int(month):02d}-{int(day):02d}"):
            year = year or _year_of_weekday(text[max(0, m.start() - WEEKDAY_REACH):m.start()], int(month), int(day),
                                            today)
            out.add(f"{year}-{int(month):02d}-{int(day):02d}" if year else f"{int(month):02d}-{int(day):02d}")
    for ends in _day_ranges(text, said):
        between = _days_between(*ends)
        out.difference_update(d[5:] for d in between if len(d) == 10)  # (an end read without the year the range has)
        out.update(between)
    return frozenset(out)


def _year_of_weekday(before: str, month: int, day: int, today: date) -> int | None:
    """The year, of the one before today's to the one after, in which a day written without its year is on the weekday
    written right before it (before: the text before it), the nearest to today: "sat 3rd april" on 2 March 2027 is 3
    April 2027 (trial s75 I: it had been any year's, "Dated on April 3"); else None."""
    w = WEEKDAY_BEFORE.search(before)
    if w is None:
        return None
    fits = years_on_weekday(month, day, weekday_number(w[1]), (today.year - 1, today.year, today.year + 1))
    return min(fits, key=lambda y: abs((date(y, month, day) - today).days)) if fits else None


def weekday_year_near(month: int, day: int, weekday: int, ahead: int | None = None) -> int | None:
    """The one year of last year, this year and next in which the day (month, day) is on weekday (Monday 0), if one is;
    ahead: not a day further than that many days from today (an old note's "Thu 7 Mar" is no day six years off)."""
    today = clock.today()
    years = [y for y in years_on_weekday(month, day, weekday, (today.year - 1, today.year, today.year + 1))
             if ahead is None or (date(y, month, day) - today).days <= ahead]
    return years[0] if len(years) == 1 else None


def years_on_weekday(month: int, day: int, weekday: int, years: Iterable[int]) -> list[int]:
    """Those of years in which the day (month, day) is on weekday (Monday 0): the years a day written after its weekday
    without its own may be of (29 February only in leap years)."""
    return [y for y in years if (d := _iso(f"{y}-{month:02d}-{day:02d}")) is not None and d.weekday() == weekday]


_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
# a day's number in words: 1-31 ("first", "twenty-third", "thirty first")
_ORDINAL_NUMBERS = {**{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 10 for i, w in enumerate(_TEENS)},
                    "twentieth": 20, "thirtieth": 30, **{f"twenty{sep}{w}": 21 + i for i, w in enumerate(_UNITS)
                                                         for sep in ("-", " ", "")},
                    **{f"thirty{sep}first": 31 for sep in ("-", " ", "")}}
_ORDINAL = "|".join(sorted(map(re.escape, _ORDINAL_NUMBERS), key=len, reverse=True))
# ... before "of" and a month ("the first of december") or after a month ("march the third"), as people say a day
# (trial s61 XA: "what was I fixing on the first of december?" had been read as no day; "december 1st" was)
_ORDINAL_DAY = re.compile(rf"\b(?:(?P<before>{_ORDINAL})(?=\s+of\s+{_MONTH}\b)|"
                          rf"(?P<month>{_MONTH.replace('(', '(?:', 1)})\s+(?:the\s+)?(?P<after>{_ORDINAL}))\b",
                          re.IGNORECASE)


def _ordinal_days(text: str) -> str:
    """text with a day's number in words before "of" and a month or after a month written in numbers: "the 1st of
    december", "march 3rd"."""
    def number(m: re.Match) -> str:
        words = m["before"] or m["after"]
        n = _ORDINAL_NUMBERS[" ".join(words.lower().split())]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}" if m["before"] else f"{m['month']} {n}{suffix}"
    return _ORDINAL_DAY.sub(number, text)


_DAY_TO = re.compile(_RANGE_TO + r"(?:the\s+)?$", re.IGNORECASE)  # what stands between a range's two days
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# the day's number of a range before its day ("5-9 January", "between 5 and 9 January"), or after it ("January 5-9,
# 2026", "jan 5th - 9th")
_NUMBER_BEFORE = re.compile(r"(?<![\w.:/-])([0-3]?\d)(?:st|nd|rd|th)?" + _RANGE_TO + r"(?:the\s+)?$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(_RANGE_TO + r"(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)?\b(?![\d.:/-])(?!\s+(?:of\s+)?"
                           + _MONTH.replace("(", "(?:", 1) + r"\b)(?:,?\s+(" + YEAR + r"))?", re.IGNORECASE)
_Ends = tuple[tuple[str | None, int, int], tuple[str | None, int, int]]


def _day_ranges(text: str, said: list[re.Match]) -> list[_Ends]:
    """The (year or None, month, day) of the first and the last day of each range of days text names: two days
    ("from 3 January to 10 February 2026", "between 2026-01-05 and 2026-01-09") or a day's number beside a day
    ("5-9 January 2026", "January 5-9, 2026"); "and" only after "between" ("on 5 and 9 January" is the two)."""
    out: list[_Ends] = []
    def joined(to: str, before: int) -> bool:
        return to.lower() not in ("and", "&") or _BETWEEN.search(text, 0, before) is not None
    for m, n in zip(said, said[1:]):
        gap = _DAY_TO.match(text[m.end():n.start()])
        if gap and joined(gap[1], m.start()):
            out.append((_ymd(m), _ymd(n)))
    for m in said:
        year, month, day = _ymd(m)
        if m.group(4) and (b := _NUMBER_BEFORE.search(text, 0, m.start())):  # "5-9 January", "5 and 9 January"
            first = (year, month, int(b[1]))
            out.append((first, (year, month, day)) if joined(b[2], b.start()) else (first, first))
        elif m.group(7) and not year and (a := _NUMBER_AFTER.match(text, m.end())):  # "January 5-9, 2026"
            last = (a[3], month, int(a[2]))
            first = (a[3], month, day)
            out += [(first, last)] if joined(a[1], m.start()) else [(first, first), (last, last)]
    return out


def _ymd(m: re.Match) -> tuple[str | None, int, int]:
    year, month, day = day_of(m)
    return year, int(month), int(day)


RANGE_DAYS = 366  # the longest range of days read as its days


def _days_between(first: tuple[str | None, int, int], last: tuple[str | None, int, int]) -> list[str]:
    """The days from first to last (one day, or a range's ends), each "YYYY-MM-DD" (or "MM-DD" where neither says its
    year: counted in a leap year, 29 February one of them): an end without its year takes the other's, the first the
    year before when its day comes later in the year."""
    (y1, m1, d1), (y2, m2, d2) = first, last
    if y2 and not y1:
        y1 = str(int(y2) - ((m1, d1) > (m2, d2)))
    elif y1 and not y2:
        y2 = str(int(y1) + ((m1, d1) > (m2, d2)))
    start = _iso(f"{y1 or 2024}-{m1:02d}-{d1:02d}") if 1 <= m1 <= 12 else None
    end = _iso(f"{y2 or (2024 + ((m1, d1) > (m2, d2)))}-{m2:02d}-{d2:02d}") if 1 <= m2 <= 12 else None
    if start is None or end is None or not 0 <= (end - start).days <= RANGE_DAYS:
        return []
    span = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [d.isoformat() if y1 else d.isoformat()[5:] for d in span]


def asks_due(text: str) -> bool:
    """Does the question ask what is due or scheduled ("what's due this week?", "deadlines on Friday")?"""
    return bool(DUE.search(text) or DEADLINE.search(text) or _SCHEDULED.search(text))


# "what is due?", "due on Friday"; not "due to", "due diligence"; a deadline with a day ("deadlines in
# December"), not "deadlines in distributed systems"
# (not "overdue", which asks_overdue reads: "overdue invoices" are no tasks)
DUE = re.compile(r"(?<![\w-])due\b(?!\s+(?:to|diligence|process|care|course|respect|regard)\b)"
                 # ... "due to" whom, asked of first: "whats due to my supervisors next week" (trial s62 E)
                 r"|^\W*(?:what(?:['’]?s|\s+is|\s+are)|anything|is\s+(?:there\s+)?anything)\s+due\s+to\b",
                 re.IGNORECASE)
DEADLINE = re.compile(r"\bdeadlines?\b", re.IGNORECASE)
_SCHEDULED = re.compile(r"\bscheduled\b", re.IGNORECASE)
# (not "since last year", "over the last year": a span to today; the second review)
# ("last years fair": a year's without its apostrophe, trial s62 C)
YEAR_FROM_TODAY = re.compile(r"\b(?<!since )(?<!the )(last|this|previous|next) (?:year|yr)s?\b", re.IGNORECASE)


def years(text: str) -> set[str]:
    """The years text names ("2023" in "Werner's 2023 keynote"; not in "since 2023" or "v2.2019"), both of a season
    written with the second's last two digits ("2024/25", "2024-25")."""
    named = set(ASKED_YEAR.findall(text))
    for m in _SEASON_OF_YEARS.finditer(text) if named else ():
        if int(m[2]) == (int(m[1]) + 1) % 100 and m[1] in named:
            named.add(f"{int(m[1]) + 1}")
    for m in _SHORT_SEASON.finditer(text):  # ("25/26": the tax year 2025-26, trial s67 X; both over 12: no month)
        if int(m[2]) == int(m[1]) + 1 and int(m[1]) > 12:
            named.update({f"20{m[1]}", f"20{m[2]}"})
    return named


_SEASON_OF_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d\d)(?!\d)")
# (with a dash only beside "season": "pages 24-25" is no year)
# ("-" beside "season", or after "for", "in", "of", "the", "fy", "tax": "pay back to the icb for 24-25", trial s68 N
# DNP-012 had been of no year; not "pages 24-25")
_SHORT_SEASON = re.compile(r"(?<![\d/.:£$€-])(\d\d)(?:/|-(?=\d\d\s+season\b)|(?:(?<=\bfor \d\d)|(?<=\bin \d\d)"
                           r"|(?<=\bof \d\d)|(?<=\bthe \d\d)|(?<=\bfy \d\d)|(?<=\btax \d\d))-)(\d\d)(?![\d/.:%-])"
                           r"(?!\s*(?:st|nd|rd|th)?\s*" + _MONTH + r"\b)", re.IGNORECASE)


# a year of the tax or the school calendar named from today: "last tax year", "this financial year", "next academic
# year" (trial s73 M: "turnover last tax year" had been of no year, a September 2025 log line first); the month it
# begins in (April, September; a tax year's 6 April read as its month)
_SEASON_FROM_TODAY = re.compile(r"\b(last|this|previous|next|current)\s+(tax|financial|fiscal|academic|school)\s+"
                                r"(?:year|yr)\b", re.IGNORECASE)
_SEASON_BEGINS = {"tax": 4, "financial": 4, "fiscal": 4, "academic": 9, "school": 9}


def asked_years(text: str, today: date | None = None) -> set[str]:
    """The years a question asks about: those it names (years), and "last year", "this year" from today's (the
    question fuzz: read as no year). Not for a note's text, whose "last year" is of its own day; not in quotes
    ('the song "1999"': the review)."""
    text = _quotes_blanked(text)
    found = years(text)
    this = (today or clock.today()).year
    for first in _seasons_from_today(text, today or clock.today()):  # "last tax year": both years of 2025-26 on 9
        found.update((str(first), str(first + 1)))  # December 2026
    for m in YEAR_FROM_TODAY.finditer(text):
        step = {"last": -1, "previous": -1, "next": 1}.get(m.group(1).lower(), 0)
        found.add(str(this + step))
        # ... and this one, compared with it ("did we do better in the audit than last yr": trial s69 L, 2025's
        # passages had been lifted over 2026's audit, "of another year")
        if step and _COMPARED_WITH.search(text, 0, m.start()):
            found.add(str(this))
    return found


def asked_seasons(text: str, today: date | None = None) -> set[str]:
    """The tax or school years a question asks about, each as "2028-29": those it names ("turnover 2028-29", "28/29")
    and those named from today ("last tax year": 2028-29 on 16 May 2029), for passages that name another ("tax_year:
    2029-30" for "what was my turnover last tax year", trial s87 P)."""
    text = _quotes_blanked(text)
    found = set(two_year_seasons(text))
    found.update(f"{first}-{(first + 1) % 100:02d}" for first in _seasons_from_today(text, today or clock.today()))
    return found


def _seasons_from_today(text: str, now: date) -> list[int]:
    """The first year of each tax or school year text names from today (_SEASON_FROM_TODAY: "last tax year" is
    2028-29's 2028 on 16 May 2029)."""
    out = []
    for m in _SEASON_FROM_TODAY.finditer(text):
        current = now.year if now.month >= _SEASON_BEGINS[m[2].lower()] else now.year - 1  # (its first year)
        out.append(current + {"last": -1, "previous": -1, "next": 1}.get(m[1].lower(), 0))
    return out


def two_year_seasons(text: str) -> list[str]:
    """The seasons of two years text writes, each as "2028-29" ("2028-29", "2028/2029", "2028–29"; "28/29", "tax 28-29"
    as years() reads them: the review, a passage's "Turnover 28/29" had been of another tax year)."""
    found = [f"{m[1]}-{m[2][-2:]}" for m in _SEASON_WRITTEN.finditer(text)
             if int(m[2][-2:]) == (int(m[1]) + 1) % 100 and (len(m[2]) == 2 or m[2][:2] == m[1][:2] or m[2] == "2000")]
    return found + [f"20{m[1]}-{m[2]}" for m in _SHORT_SEASON.finditer(text.replace(":", " "))
                    if int(m[2]) == int(m[1]) + 1 and int(m[1]) > 12]


_SEASON_WRITTEN = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)\s?[-/–]\s?((?:19|20)?\d\d)(?![\d/.-])")


_COMPARED_WITH = re.compile(r"\b(?:than|vs\.?|versus|compar(?:e|ed|ing)\s+(?:it\s+)?(?:to|with)|up\s+on|down\s+on|against)\s+$",
                            re.IGNORECASE)
