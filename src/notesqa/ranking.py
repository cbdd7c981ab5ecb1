"""Candidates for a question, best first: dense and keyword scores fused, then note-level evidence.

Dense (cosine over context-prefixed units) and BM25 keyword scores are fused with a
weighted sum of normalised scores over an over-fetched candidate pool (`gather`, then
`fuse`). The order adds, for ranking only, a year the question names and evidence about
whole notes (notelevel.py); each candidate carries an Explanation of its place.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, fields, replace
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Callable

import numpy as np

from . import clock
from .agenda import MOVED, WEEK_ASKED, Agenda, days_of_any_year, days_said, days_told, days_written, passage_year, day_written_before
from .chunking import (LIST_ITEM_SPLIT, Chunk, days_before, field_key, field_line, names_someone, only_scheduled, row_cells, step_of,
                       table_rows, task_days, task_state, without_set_days, without_task_mark)
from .abbreviations import abbreviated, other_form_tokens, short_forms
from .keywords import name_token, tokenize, word_count, word_pairs, written_apart
from .metadata import RECORD_KEYS, as_date, daily_note, dated_name, opens_with_day, opens_with_weekday
from .notefiles import archived, retired, template_note
from .asking import (DEFINING, LETTERS_DIGITS, lists_only_plans, tasks_of, asks_amount, asks_clock, says_clock, asks_coming, asks_rate, asks_for_tasks, asks_to_do, asks_how, asks_earliest, asks_latest, asks_list, asks_measure,
                     asks_code_alone, asks_next, asks_overdue, asks_steps, asks_time, codes, last_meeting_word, lists_only_tasks, negated,
                     seeks_note, states_amount, states_measure, turned_words, versions, without_asked_noun,
                     without_how_many, without_newest)
from .periods import (ANY_WEEKDAY, DEADLINE, DUE, HOLIDAY_WORDS, WRITTEN_DAY, written_day, asks_due, asks_soon_day, asks_only_the_day, asks_what_was_done, asks_what_is_on, days, looks_ahead, looks_back,
                      months_said, relative_days, without_days, weekday_number, without_relative_days, years, asked_years, asked_seasons, two_year_seasons)
from .units import ATTACHED, LONG_NUMBER, POINTER_WORDS, states_contact

if TYPE_CHECKING:
    from .store import Generation
    from .vocabulary import Related

DENSE_WEIGHT = 0.8  # share of the dense side in the fused score
# A chunk matching two thirds of what the question's words can score counts as a full keyword match.
KEYWORD_FULL = 2 / 3
# The keyword share of a chunk's whole section (note + heading path) added to its own:
# words of the question around an answer, not in it, still count a little.
SECTION_SHARE = 0.15
# candidates fetched from each side before fusion, at 10 hits or fewer: the same however many are shown (trial s47: at
# -k 5, of 100, a passage 5th at -k 10 had not been among them, a worse one shown in its place), and as measured
POOL = 200
# Added, for ranking only, to a chunk whose note date, title, headings or text name a year the
# question names: "Werner's 2023 keynote" is answered from the 2023 note, not from a 2025 note on
# the same talk that the model finds a little closer. About a tenth of a typical top score. The
# hit's score stays the match score, so a year does not make a weak match look strong.
YEAR_BONUS = 0.08
OTHER_YEAR = 0.04  # taken from a passage whose note is of another year than the question names
# The same, more, for a note dated the day the question names ("what did I write on 2025-03-14?", "on
# 12 March", "in October") or a task set for it, and for an open task past its day ("what's overdue?"):
# a daily note is about its day, whatever its words, and the question has few others (agenda.py).
DAY_BONUS = 0.3
WEEKLY_BONUS = 0.15  # ... to a line of no day that opens with the one weekday asked (_every_weekday): after its day's
# For "our last 1:1", "the latest update": this much to the passages of the newest day among the best dated
# matches (RECENT_AMONG of them), which had come after an older meeting's closer words.
RECENT_BONUS = 0.1
RECENT_AMONG = 40
# ... of those that match nearly as well as the best of them: "when did we last change the furnace filter?" is the
# newest of the filter's changes, not a newer grocery list's "filters (didn't get them last time)" (trial s45)
RECENT_NEAR = 0.75
NEXT_NEAR = 0.6  # ... and for the next of a thing, where all those say days gone: this near
# (... or none that day: "Tue 16 Feb | half term - NO REHEARSAL", trial s74 Q, first for "when's the next rehearsal")
_CALLED_OFF = re.compile(r"\b(?:cancell?ed|called\s+off|postponed|not\s+running|no\s+(?:class|rehearsal|session|lesson|"
                         r"meeting|practice|training|match|game|fixture|service|club|market|quiz|choir|band|swimming|"
                         r"school)e?s?"
                         # (... or a free day: "May Day weekend (1-3 May) - nothing booked", trial s80 AE, first for
                         # "when's my next wedding" over the "Sat 8 May" row of the weddings booked)
                         r"|nothing\s+booked|no\s+bookings?"
                         # (... or one skipped: "Sat 14 Aug | Who helps: skip - extraction", trial s81 L, first for "when
                         # is the next ledbury market" over "Sat 28 Aug | Who helps: Rob", its days said all gone)
                         # (not a skip collected, a skipping workshop, a coach "not going via the M5": the review)
                         r"|(?<=[:|] )skip(?=\s*(?:$|[-–—,;.(|]))|skipped|not\s+going(?!\s+(?:to|via|by|through|with|ahead|well|anywhere|"
                         r"near|past|round|around|over|into)\b))\b",
                         re.IGNORECASE)
# ... unless set for another day: "~~Tue 24 April 2029~~ - they cancelled ... Moved to Thu 31 May 2029" (trial s87 U)
_SET_AGAIN = re.compile(r"\b" + MOVED + r"\s+(?:to|for|till|until)\b|\bnew\s+(?:date|day)\s*[:-]?", re.IGNORECASE)


def _day_set_again(c: Chunk, today: str) -> str | None:
    """The first day from today a passage of a thing called off sets it for again (_set_again), else None."""
    after = _set_again(c.text)
    return _first_day_from(replace(c, text=after), today) if after is not None else None


def _set_again(text: str) -> str | None:
    """The text after the words that set a thing called off for another day, where a day follows them ("... cancelled,
    moved to Fri 1 June": " Fri 1 June"), else None ("postponed until further notice", "new date TBC": the review)."""
    for m in _SET_AGAIN.finditer(text):
        if days_of_any_year(text[m.end():], weeks=False) or days_written(text[m.end():], ""):
            return text[m.end():]
    return None


# The same for a task in the state a question asks for ("which tasks are still open?", "what did I finish?",
# "my high priority tasks"), and as much off a task in another state: done tasks had come before open ones,
# their words being as close. At 0.2, a NOW task of few words came after a journal's "Saturday: long run"
# for "what's in progress?" (trial O): such a question has no words to match, only a state.
TASK_BONUS = 0.3
# For "what's overdue?", whose words say nothing of which task: up to this much for a high-priority task, and
# as much again for the most overdue (a task due yesterday gets almost none of it)
OVERDUE_ORDER = 0.2
# The same, for a version the question names (0.10.2): a changelog's entries sit under their version.
VERSION_BONUS = 0.08
CODE_ALONE_BONUS = 0.3  # ... more for a question that is the code alone: where it is written is what is asked
# "the second maritime museum visit", "first Arsenic prod meeting": the passages under the title or heading that
# numbers the thing so ("MMM visit 2", "Production meeting - Arsenic #1") up, those that number it otherwise down
# (numbering.py; trial s58 OB-016, PD-020: near-duplicate meetings and visits, the one asked 5th or lower)
NUMBER_BONUS = 0.08
OTHER_NUMBER = 0.04
# A passage that names the numbered thing asked only to say it is not it ("NOT 3 Mill Lane (the Doyles, chimney 2025).
# This is further up, Mrs Carole Finch" of 7 Mill Lane's note, trial s73 S: first for "what was wrong at 3 mill lane").
NOT_THIS_PENALTY = 0.1
FIRST_LINE = 120  # characters of a passage's first line read for what it numbers (a label's, not a paragraph's)
# Note-level evidence, for ranking only (see notelevel.py; the settings around these give the same
# figures, benchmarks/README.md): a chunk of a note the question names (its title, an alias) is
# lifted by NAME_BONUS times how fully it is named; AGREE times the fused score of a note's
# second-best passage lifts a note whose passages agree with the question over a hub note with one
# passing line (a note of one passage agrees with itself: all of it is about what matched, so its
# passage counts as its second best too); a passage that only asks a question (an exam-prep list)
# drops by ASK_PENALTY.
NAME_BONUS = 0.05
# ... and more for a passage under the heading the question names of the note it names in full: "what's my
# hypothesis for chapter 3?" is the "## Hypotheses" of "Chapter 3 - Hot moments", whatever the model makes of its
# words (trial s45: a meeting note about chapter 2 had come first, the hypotheses 7th)
SECTION_NAMED_BONUS = 0.1
AGREE = 0.1
# How close the question is to the passage's note as a whole (cosine to the normalised mean of its
# passages' vectors, at least 0), times NOTE_SIM: a note about the topic outranks a hub note (a
# changelog, a glossary) with one close line, whose mean vector is diffuse.
NOTE_SIM = 0.1
ASK_PENALTY = 0.05
# A note's opening paragraph (a post's introduction, a page's description) says what the whole note is about,
# so it is near every question about the note; for a question that asks something in it (not what a thing is,
# nor which note), it is weaker evidence than the passage that says that thing (dev: "Why did my age matter
# for the timing of my retirement?" had been answered by the post's opening). Within its note only: it gives
# its place to another passage of its note that ranks within this of it; not in a note the question names
# (a question about it as a whole).
OPENING_MARGIN = 0.06
# A passage that is only a link or a picture, or of FEW_WORDS words or fewer ("Wikipedia", "NEED TO
# REVIEW THIS!"): its vector is its note's title and headings, so it says which note, not what the
# answer is. It drops by THIN_PENALTY, and below every other candidate of its own note.
THIN_PENALTY = 0.05
FEW_WORDS = 4
OWN_WORDS = 0.5  # ... unless its own text says this share of the question's words (weighted by rarity)
# A passage that says the question's words in the question's order ("battery drain", "Monday Night
# Live"), where BM25 sees only a bag of words: PHRASE_BONUS times the share of the question's word
# pairs it holds, each pair weighted by its words' rarity. For ranking only.
TEMPLATE_PENALTY = 0.5  # a template's passage, for a question for no template: its empty fields and placeholders
# ("Archive:", "words:", '"" (p. )') after the notes' own words (trial s58 PD, QD: they had come 5th and 9th); one
# that says something of its own (a checklist's "charge batteries, test mics") only as an archived note's (trial s59
# SC-033: a producer's recording-day checklist in templates/, their real procedure, had been out of the top 50)
# A question of what holds now ("who's injured right now", "which kit is currently out"): a passage under a section of
# what holds now ("## Current", "Active", "Ongoing") this much higher, one under a section of what held once
# ("## Recovered", "Past", "Former", "Done") this much lower (trial s64 RUN-031: "Injuries > Recovered" had come first).
NOW_SECTION = 0.05
ARCHIVE_PENALTY = 0.05  # a note in an archive folder (archive/, PARA's "4 Archive/"): its old drafts come after
PHRASE_BONUS = 0.05
EXPAND_WEIGHT = 0.5  # a vault word related to a question's word counts this much (times its cosine) on the keyword side
# A passage whose own words (with its context line) make a full keyword match (KEYWORD_FULL of what the question's
# words can score): the keyword side is capped at 1, so it could lift such a passage by at most 1 - DENSE_WEIGHT
# over one the model finds a little closer that says few of them (held-out ho-024 "picomatch stuck at 4.0.3 under
# vite" 3rd -> 1st; trial s41's graph, three questions 2nd -> 1st). Not for a question that asks for a note, whose
# notes are ranked by what they are about. For ranking only.
SAYS_ALL_BONUS = 0.05
# A section whose heading says the question's thing turned ("What didn't go well" for "what went well in week
# 38?"), in a note whose other section says it as asked ("What went well"): a weekly review's two lists share
# their words, and the model hardly reads a "not" (a helper's weekly notes: the wrong list had come first).
TURNED_PENALTY = 0.05
# A passage that says a value gone, of last year or before it ("Last year's was `fellwalker2027`", "the old code was
# 4471"), and not the one now, for a question that does not look back (trial s84 N: "wifi password" had last year's
# first, this year's "password `fellwalker2028`" second).
GONE_VALUE_PENALTY = 0.05
# A question that asks how to do something ("how do I restart the billing api?"): the runbook's commands
# are likelier the answer than the prose around them. For ranking only.
HOWTO_CODE_BONUS = 0.05
# ... and one for the steps of the note it names ("steps of my weekly review"): the note's numbered steps, which
# need not say "step" (trial s49: a line "I do only step 1" had come first, the steps nowhere in the ten best)
STEPS_BONUS = 0.10
# A question for a sum of money ("how much did I bill Northwind in 2023?", "what's my day rate?"): a passage that says
# one is likelier the answer than one that talks of the same client or rate (trial s44: "Biggest client: Northwind"
# had come before "2023 total: £17,160"; trial s50: "€189.90" 8th for "how much did the replacement disk cost", after
# the disk's serials and warranty, at 0.03). For ranking only; of the sums, the other signals choose.
AMOUNT_BONUS = 0.06
# A question for the most or least of a list's or a table's items ("which quiz night made the most money", "which
# insurer is cheapest"): the item that holds the extreme sum, or the extreme number of the column the question names
# (trials s65 W, E: the rows had come in the file's order, the user left to compare them by eye).
SUPERLATIVE_BONUS = 0.05
# ... and for a phone number or an email address ("whats ruths phone no", "mick coffee engineer phone no"): a passage
# that holds one (trial s65: the accountant's "ruth@... / 01539 722418" 3rd behind her note's other lines, a Logseq
# page's "engineer: Mick @ Northern Espresso" with no number first, B-001, P-025, I-014)
CONTACT_BONUS = 0.05
# A number the question gives that falls inside a range a passage states ("if k is 2.8": a sliding scale's "2.6 – 3.0"
# row, trial s63 VET-005, not in the ten best; "a 75 kg dog": "60-90 kg"): that row, not the rows either side that
# say the same words. A number with a decimal point or of 10 or more, no year (a span of years: the year's own rules).
RANGE_BONUS = 0.1
# (not a code's number before a dash, "LT1 — 97": trial s87 M, "holds 32 in its range" for "failed with 32")
# (nor a span of clock times, "Long day 08:00–20:30": trial s89 E, "holds 6.8 in its range" for "k is 6.8 what do i
# give first")
_RANGE = re.compile(r"(?<![\w.,:])(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)(?![\d,]|\.\d|:\d)")
# ... nor of numbered things, for a number asked without its measure: "Wk 5–8", "pages 10-20" (trial s89 E; "12.5
# weeks" in "Weeks 11 - 14", "Potassium levels 6.5 - 7.0" still: the review)
_NUMBERED_BEFORE = re.compile(r"\b(?:wks?|weeks?|days?|nos?|pages?|pp?|ch|chapters?|rows?|steps?|years?|yrs?|q|lessons?|"
                              r"sessions?|rounds?)\.?\s*$", re.IGNORECASE)
_NUMBER_ASKED = re.compile(r"(?<![\w.,/-])(\d+(?:\.\d+)?)(?![\w,/-]|\.\d)(\s*(?:-\s*)?(?:kg|kilos?|g|mg|mcg|ml|l|lbs?|"
                           r"yrs?|years?|months?|cm|mm|m|km|mph|%)\b)?", re.IGNORECASE)
# A question for the day of one thing that names no day ("when is the Y10 mock?", "when did Sian pass her ECT?"): a
# passage that says a day is likelier the answer than one about the same thing that says none (trial s46: "Y10 mocks
# this week" had come before "Y10 mocks: week commencing 8th June 2027"). For ranking only; small (AMOUNT_BONUS was
# as small).
DAY_SAID_BONUS = 0.03
# Of the passages that say a day asked (of a week at most), not of it by their note's day, one that opens with it is that
# day's entry, as a plan's or a log's line is ("Tue 8 - 2pm Burnage - fit Ultion Plus", "☐ Tue 8 Dec 2pm - fit ..."):
# before one that says it in passing (trial s64 LCK-018: "what have i got on tuesday" had put an order row's "arrived:
# not yet - due ~8 Dec" and a lead time's "-> ~8 Dec" first). For ranking only; small.
DAY_OPENS_BONUS = 0.05
DAY_OPENS_CHARS = 16  # the characters of a passage's first line (after a task's box or keyword) its day is written in
# ... and, for a question of a weekday that names no day ("who's on saturdays at the book shop", "who does kingsway
# wednesday afternoons"), a line or a table's row that opens with that weekday, a rota's for it ("Sat: Siobhan (opens),
# Leo Marsh", "Day: Wed | Afternoon: Jade Rutherford": trial s73 J, 3rd and 2nd after lines of other days). As much.
# ... more when the person asks when they did it ("when did i plant the garlic last year"): what they did is in a log of
# days, not in a note of how to (trial s51: the garlic note's "plant Oct-Nov" had come first, the log's day 5th)
_DID_I = re.compile(r"\s*when\s+did\s+(?:i|we)\b", re.IGNORECASE)
_DID_I_TIMES = 2
# ... where a task's day to be done by is no day it was done ("DONE submit on MarkUs DEADLINE: <2026-10-02 Fri>" for
# "when did i submit a2": trial s51, the journal's "submitted ... at 3am" had come 6th; chunking.without_set_days)
# "who wrote the Elastic Replay paper?": the authors field of the note the question names is the answer, though its
# vector (names, a year, a citation key) is far from the question's (trial s36: 12th, after every other passage)
AUTHORS_BONUS = 0.15
# "who came to the steering meeting in may?": the attendees field of the meeting asked about (its day's or the note
# the question names) is the answer; its vector is names, far from "came" (s49: second, after the meeting's bullets)
ATTENDEES_BONUS = 0.15


# A table row that says the question's word only in its columns' names ("Swapped?: Boxing day ugh" for "how do i swap
# an on call shift", trial s70 C MW-016: first, before the line that says how): its table has the word, not it
COLUMNS_ONLY_PENALTY = 0.05
TABLE_SPREAD = 0.15  # a table's later rows come after the passages of other notes within this much of their score
# (snippets.spread_tables)


@dataclass(frozen=True)
class Explanation:
    """Why a hit ranked where it did."""

    dense_rank: int | None
    dense_score: float
    keyword_rank: int | None
    keyword_score: float  # the chunk's own BM25 score for the question's words
    fused_score: float
    section_share: float = 0.0  # 0..1: how much of the question its section's words match
    year_match: bool = False  # the question names a year this chunk's note or text names (ranked YEAR_BONUS higher)
    version_match: bool = False  # the question names a version this chunk's headings or text name (VERSION_BONUS)
    code_alone: bool = False  # ... and is that code alone (CODE_ALONE_BONUS more)
    numbering: int = 0  # 1: its title or headings number a thing as the question does (NUMBER_BONUS); -1: otherwise
    name_match: float = 0.0  # how fully the question names this chunk's note (title, alias, file name)
    agreement: float = 0.0  # the fused score of the note's second-best passage: the note agrees, not one line
    note_sim: float = 0.0  # cosine of the question to the note's mean passage vector (ranked NOTE_SIM times it)
    asks: bool = False  # the passage asks a question rather than answering one
    thin: bool = False  # the passage is only a link or a picture, or a few words
    rank: float = 0.0  # what hits are ordered by: fused_score with the year and note-level evidence
    day_match: bool = False  # of the day the question names, or an overdue task it asks for (DAY_BONUS)
    task_day: bool = False  # of the day asked by a task's day (scheduled, due) only, not by its note's day
    phrase: float = 0.0  # 0..1: the share of the question's word pairs the passage says in order (PHRASE_BONUS)
    howto_code: bool = False  # code, for a question that asks how to do something (HOWTO_CODE_BONUS)
    amount: bool = False  # says a sum of money, for a question that asks for one (AMOUNT_BONUS)
    contact: bool = False  # holds a phone number or an email address, for a question that asks for one (CONTACT_BONUS)
    extreme: bool = False  # the most or least of its list or table, as asked (SUPERLATIVE_BONUS)
    in_range: str = ""  # the number the question gives, inside a range the passage states (RANGE_BONUS)
    day_said: float = 0.0  # what it gains saying a day, for a question that asks when one thing is or was (DAY_SAID_BONUS)
    day_opens: bool = False  # opens with a day asked it says, not of it by its note's day (DAY_OPENS_BONUS)
    weekday_opens: bool = False  # opens with the weekday a question of no day names (DAY_OPENS_BONUS)
    weekly: bool = False  # of no day, opens with the one weekday of the day asked: every such weekday's (WEEKLY_BONUS)
    next_first: bool = False  # the soonest to come of the thing asked the next of, where the best are all gone: first
    not_this: bool = False  # says the numbered thing asked is not what it is of (NOT_THIS_PENALTY)
    says_all: bool = False  # its own words make a full keyword match (SAYS_ALL_BONUS)
    task_match: int = 0  # 1: a task in the state the question asks for (+TASK_BONUS); -1: in another (-TASK_BONUS)
    recent: float = 0.0  # 1: of the newest day among the best dated matches, for "our last 1:1" (RECENT_BONUS)
    ordinal: str = ""  # "first" or "last": the earliest (latest) dated row of its table, as asked (RECENT_BONUS)
    ahead: bool = False  # of a day to come, for "when did i last ..." (-RECENT_BONUS)
    coming: float = 0.0  # 1: says the soonest day from today on among the best, for "the next steerco", or a day to
    # come beside one of days gone, for "when is packing day" (RECENT_BONUS); -1: its days all gone, or
    later: bool = False  # ... a later day to come than the soonest (trial s89 L: "Tue 12 Feb 2030" had been "all gone")
    overdue: float = 0.0  # 0..3: for "what's overdue?", how high its priority and how long overdue (OVERDUE_ORDER)
    listed: bool = False  # no words to match ("tag:status/seedling"): a note the filters let through, newest first
    links: bool = False  # it links to the note the question asks the backlinks of
    archived: bool = False  # its note is in an archive folder (ranked ARCHIVE_PENALTY lower)
    now_section: int = 0  # asked what holds now: 1 under a section of now, -1 under one of what held once (NOW_SECTION)
    template: bool = False  # ... a template, for a question for none (ranked TEMPLATE_PENALTY lower instead)
    opening: bool = False  # its note's opening paragraph, after another passage of its note (OPENING_MARGIN)
    property: str = ""  # its note has the property the question asks notes by ("status: done"): shown first
    mention: str = ""  # "first" or "last": it says what "when did I first mention X?" asks, oldest (newest) first
    heading_named: bool = False  # its section's heading says what the question asks (its list is shown whole)
    label_named: bool = False  # ... or its list's label, a short parent bullet ("Out (for v1)": the label and list shown)
    compares: bool = False  # a table row, of a table two of whose columns the question names (shown whole)
    section_table: bool = False  # a row of a table under the heading the question names, naming none of its rows
    listing: bool = False  # an item of a list or a table's row, for a question for all of a list's items (shown whole)
    step: bool = False  # an item of numbered steps, for a question that asks how (the steps shown from the first)
    named_step: bool = False  # ... of the note the question names (STEPS_BONUS)
    opened: bool = False  # its note is what the question names ("the Ashborn", an alias): first, whatever its score
    related: tuple[str, ...] = ()  # the vault's words related to the question's that it holds (vocabulary.py)
    related_score: float = 0.0  # what they add to keyword_score on the keyword side
    authors: bool = False  # its note's authors, for "who wrote ...?" of the note the question names (AUTHORS_BONUS)
    attendees: bool = False  # its meeting's attendees, for "who came ...?" of the day or note asked (ATTENDEES_BONUS)
    other_year: bool = False  # the question names a year; this chunk's note is of another (ranked OTHER_YEAR lower)
    older_edition: bool = False  # ... or of an older year than its name's latest note's, whose same entry it comes after
    turned: bool = False  # its heading says the question's thing turned, beside one that says it as asked
    gone_value: bool = False  # it says a value of last year's or before, not now's, asked of none (GONE_VALUE_PENALTY)
    spread: bool = False  # a later row of its table or its note's tables: shown after other passages near its score

    @classmethod
    def of(cls, given) -> "Explanation":
        """An Explanation of the fields given (a dict, or (name, value) pairs; the rest their defaults), set as they
        are, not through the frozen dataclass's __init__, a setattr a field: fuse makes one for each of a question's
        160 candidates or so, and that had been a fifth of its time (as Chunk.from_json)."""
        exp = object.__new__(cls)
        exp.__dict__.update(_EXPLANATION_DEFAULTS)
        exp.__dict__.update(given)
        return exp

    def __str__(self) -> str:
        asked = f"its note has {self.property}, as asked; " if self.property else ""
        if self.listed and asked:
            return f"{asked}no passage of it matches the words (newest first)"
        if self.listed:
            return "listed: a note the filters let through, newest first (no words to match)"
        if self.links:
            return "links to the note asked about (its first link), newest note first"
        if self.mention:
            return f"says what is asked about, {'oldest' if self.mention == 'first' else 'newest'} dated note first"
        if self.opened:
            asked = "the note the question names, first (opened where it says that name); " + asked
        d = f"#{self.dense_rank}" if self.dense_rank else "-"
        k = f"#{self.keyword_rank}" if self.keyword_rank else "-"
        sec = f", section {self.section_share:.2f}" if self.section_share else ""
        dated = f", year +{YEAR_BONUS:.2f} to rank" if self.year_match else \
            f", of another year -{OTHER_YEAR:.2f} to rank" if self.other_year else ""
        if self.day_match:
            dated += f", of the day asked +{DAY_BONUS:.2f} to rank"
        if self.ordinal:
            dated += f", the {self.ordinal} of its table's days, as asked +{RECENT_BONUS:.2f} to rank"
        if self.recent:
            dated += f", the newest +{RECENT_BONUS * self.recent:.2f} to rank"
        if self.ahead:
            dated += f", of a day to come, asked when last -{RECENT_BONUS:.2f} to rank"
        if self.coming > 0:
            dated += f", a day to come +{RECENT_BONUS * self.coming:.2f} to rank"
        elif self.coming < 0:
            what = "a later one than the next" if self.later else "its days all gone"
            dated += f", {what} -{RECENT_BONUS * -self.coming:.2f} to rank"
        if self.task_match:
            dated += f", a task {'as asked +' if self.task_match > 0 else 'not as asked -'}{TASK_BONUS:.2f} to rank"
        if self.overdue:
            dated += f", high priority or long overdue +{OVERDUE_ORDER * self.overdue:.2f} to rank"
        if self.version_match:
            dated += f", version or code +{VERSION_BONUS + CODE_ALONE_BONUS * self.code_alone:.2f} to rank"
        if self.numbering:
            dated += f", numbered as asked +{NUMBER_BONUS:.2f} to rank" if self.numbering > 0 else \
                f", numbered otherwise than asked -{OTHER_NUMBER:.2f} to rank"
        note = f", names its note ({self.name_match:.2f}: +{NAME_BONUS * self.name_match:.3f})" \
            if self.name_match else ""
        if self.agreement:
            note += f", its note agrees (+{AGREE * self.agreement:.3f})"
        if self.note_sim:
            note += f", its note as a whole {self.note_sim:.2f} (+{NOTE_SIM * self.note_sim:.3f})"
        if self.phrase:
            note += f", its words in order ({self.phrase:.2f}: +{PHRASE_BONUS * self.phrase:.3f})"
        if self.howto_code:
            note += f", code for a how-to question (+{HOWTO_CODE_BONUS:.2f})"
        if self.named_step:
            note += f", a step of the note it names, asked for its steps (+{STEPS_BONUS:.2f})"
        if self.amount:
            note += f", says a sum, as asked (+{AMOUNT_BONUS:.2f})"
        if self.contact:
            note += f", holds a phone number, a long number, a reference or an email address, as asked (+{CONTACT_BONUS:.2f})"
        if self.extreme:
            note += f", the most or least of its list or table, as asked (+{SUPERLATIVE_BONUS:.2f})"
        if self.in_range:
            note += f", holds {self.in_range} in its range (+{RANGE_BONUS:.2f})"
        if self.day_said:
            note += f", says a day or a time, as asked (+{self.day_said:.2f})"
        if self.day_opens:
            note += f", opens with the day asked (+{DAY_OPENS_BONUS:.2f})"
        if self.weekday_opens:
            note += f", opens with the weekday asked (+{DAY_OPENS_BONUS:.2f})"
        if self.weekly:
            note += f", of every such weekday as the day asked (+{WEEKLY_BONUS:.2f})"
        if self.next_first:
            note += ", the next to come of what is asked, where its best passages are all gone: first"
        if self.not_this:
            note += f", says it is not the one asked (-{NOT_THIS_PENALTY:.2f})"
        if self.says_all:
            note += f", says the question's words (+{SAYS_ALL_BONUS:.2f})"
        if self.authors:
            note += f", the authors of the note asked who wrote (+{AUTHORS_BONUS:.2f})"
        if self.attendees:
            note += f", the attendees of the meeting asked who came (+{ATTENDEES_BONUS:.2f})"
        if self.asks:
            note += f", asks a question (-{ASK_PENALTY:.2f})"
        if self.template:
            note += f", a template's, not the notes' own (-{TEMPLATE_PENALTY:.2f})"
        elif self.archived:
            note += f", of a template, an archive folder or older docs (-{ARCHIVE_PENALTY:.2f})"
        if self.now_section:
            note += (f", of what holds now (+{NOW_SECTION:.2f})" if self.now_section > 0 else
                     f", of what held once (-{NOW_SECTION:.2f})")
        if self.older_edition:
            note += ", after the same entry of the latest year's note of its name (or of the year asked's note or section)"
        if self.turned:
            note += f", under a heading that says the question's thing turned (-{TURNED_PENALTY:.2f})"
        if self.gone_value:
            note += f", says a value gone, last year's or an old one (-{GONE_VALUE_PENALTY:.2f})"
        if self.opening:
            note += (f", its note's opening, which says what all of it is about: after the passage of its note that "
                     f"says the thing, within {OPENING_MARGIN:.2f} of it")
        if self.thin:
            note += f", only a link, a picture or a few words (-{THIN_PENALTY:.2f}, after its note's other passages)"
        if self.heading_named:
            note += ", under the heading the question names"  # (a short list there is shown whole)
            if self.name_match >= 1.0:
                note += f" of the note it names (+{SECTION_NAMED_BONUS:.2f})"
        if self.label_named:
            note += ", an item of the list whose label the question names (shown whole if small)"
        if self.section_table:
            # (the table shown whole when it has few rows and fits the hit: trial s48 had read "shown whole" of a
            # 12-row table shown as one row)
            note += ", a row of a table there the question names no row of (shown whole if small)"
        if self.compares:
            note += ", a row of a table two of whose columns the question names (shown whole if small)"
        if self.listing:
            note += ", an item of a list, for a question for all of them (shown whole if small)"
        if self.spread:
            # (trial s61: a row of 0.947 had been shown after a passage of 0.823, and nothing said why)
            note += (f", a later row of its table or of its note's tables: shown after other passages within "
                     f"{TABLE_SPREAD:.2f} of its score")
        words = f" + {self.related_score:.2f} from related words {', '.join(self.related)}" if self.related else ""
        return (f"{asked}dense {d} ({self.dense_score:.3f}), keyword {k} ({self.keyword_score:.2f}{words}{sec}){dated}{note}, "
                f"fused {self.fused_score:.3f}, ranked by {self.rank:.3f}")


_EXPLANATION_DEFAULTS = {f.name: f.default for f in fields(Explanation) if f.default is not MISSING}


class Candidate:
    """A chunk that may answer the question, with the score it is ordered by: row, the chunk's row in the generation;
    rank, the match score (explain.fused_score) plus year and note-level evidence; explain, why. fuse gives its
    candidates their explanations as columns, each made when first read: a question ranks 300 candidates or so, and
    a search reads the explanations of a few dozen (making them all had been a tenth of fuse's time)."""

    __slots__ = ("row", "rank", "_explain", "_columns", "_at")

    def __init__(self, row: int, rank: float, explain: Explanation | None = None,
                 columns: "tuple[tuple[str, ...], list[list]] | None" = None, at: int = 0):
        self.row, self.rank, self._explain, self._columns, self._at = row, rank, explain, columns, at

    @property
    def explain(self) -> Explanation:
        columns = self._columns  # (read once: two threads may fill it, each the same)
        if self._explain is None and columns is not None:
            names, values = columns
            self._explain = Explanation.of(zip(names, [column[self._at] for column in values]))
            self._columns = None
        return self._explain

    def fact(self, name: str):
        """One field of its explanation, read from fuse's columns without making the rest (the s50 review: "our last
        1:1" read the newest mark of all 400 candidates); None when it has no explanation."""
        columns = self._columns
        if columns is not None:
            return columns[1][columns[0].index(name)][self._at]
        return getattr(self._explain, name) if self._explain is not None else None

    def with_explain(self, explain: Explanation) -> "Candidate":
        return Candidate(self.row, self.rank, explain)

    def __eq__(self, other) -> bool:
        return isinstance(other, Candidate) and (self.row, self.rank, self.explain) == \
            (other.row, other.rank, other.explain)

    def __hash__(self) -> int:
        return hash((self.row, self.rank))

    def __repr__(self) -> str:
        return f"Candidate(row={self.row!r}, rank={self.rank!r}, explain={self.explain!r})"


@dataclass(frozen=True)
class Scores:
    """Both sides' scores for every chunk of a generation."""

    dense: np.ndarray  # cosine per chunk; NaN where an approximate index did not fetch it
    dense_floor: float | None  # approximate index: the lowest fetched score, for unfetched candidates
    keyword: np.ndarray  # BM25 per chunk, with what related words add
    keyword_ceiling: float  # what the question's words can score at most (see KeywordIndex.search)
    section: np.ndarray | None  # 0..1 keyword share of each chunk's section, None without sections
    note: np.ndarray | None = None  # cosine of the question to each chunk's note as a whole (NoteVectors)
    alone: np.ndarray | None = None  # True for a chunk that is its note's only passage (NoteVectors)
    words: dict[str, float] | None = None  # the question's indexed words, each weighted by its rarity
    related: tuple[tuple["Related", np.ndarray], ...] = ()  # the vault's words the question's brought, and their rows
    related_score: np.ndarray | None = None  # what they add to keyword, per chunk (None: none brought)


@dataclass(frozen=True)
class NoteVectors:
    """Each note as one direction: the normalised mean of its passages' vectors, built once per generation."""

    note_of: np.ndarray  # row -> note number
    vectors: np.ndarray  # note number -> unit vector

    @cached_property
    def alone(self) -> np.ndarray:
        """Row -> is it its note's only passage? (worked out at the first question)"""
        return (np.bincount(self.note_of) == 1)[self.note_of] if len(self.note_of) else np.zeros(0, dtype=bool)

    @classmethod
    def build(cls, chunks: list[Chunk], vectors: np.ndarray) -> "NoteVectors":
        ids: dict[str, int] = {}
        note_of = np.fromiter((ids.setdefault(c.path, len(ids)) for c in chunks), dtype=np.int64, count=len(chunks))
        dim = vectors.shape[1] if vectors.ndim == 2 else 0
        sums = np.zeros((len(ids), dim), dtype=np.float32)
        if len(chunks):
            # a note's chunks are consecutive rows: sum each run at once, then the runs into their notes
            starts = np.flatnonzero(np.r_[True, note_of[1:] != note_of[:-1]])
            np.add.at(sums, note_of[starts], np.add.reduceat(np.asarray(vectors, dtype=np.float32), starts, axis=0))
        return cls(note_of, sums / np.maximum(1e-6, np.linalg.norm(sums, axis=1, keepdims=True)))

    def similarity(self, qvec: np.ndarray) -> np.ndarray:
        """Each row's note's cosine to the question, at least 0."""
        return np.maximum(0.0, self.vectors @ qvec.astype(np.float32))[self.note_of]


class Passages:
    """What fuse reads of a generation's passages that no question changes: does one ask a question (_asks), is it its
    note's opening (_opening), thin or a few words, a field of names, a field of a person (names_someone). Read for a
    passage the first time it is a candidate and kept for the generation (a search passes its index's): each of a
    question's 160 candidates or so had been read again for each question, about 0.5 ms of fuse's 4.5 on the blog
    index."""

    def __init__(self, chunks: list[Chunk], properties: Mapping[str, tuple[tuple[str, str], ...]] | None = None):
        self.chunks = chunks
        self._properties = properties or {}  # path -> its properties (NoteNames.properties), for retired
        self._retired: frozenset[str] | None = None  # the notes marked no longer in use (retired)
        self._leads: dict[str, int] | None = None  # a note's path -> the row of its first passage of text (lead)
        self._read = np.zeros(len(chunks), dtype=bool)
        # asks, opening, thin or short, names, someone, a field that says when, a label of what follows
        self._facts = np.zeros((len(chunks), 7), dtype=bool)
        # the words a passage's innermost heading and a table row's caption say that its title does not, and its
        # heading's words besides its "not" (_turned_key), each as an id in words (-1: none), and is that heading a
        # "not"; for _heading_named and _turned, read as the facts above are
        self._heads = np.full((len(chunks), 3), -1, dtype=np.int64)
        self._turned = np.zeros(len(chunks), dtype=bool)
        self.words: list[frozenset[str]] = []
        self._word_ids: dict[frozenset[str], int] = {}
        self._titles: dict[str, str] | None = None
        self._openings: frozenset[str] | None = None  # (title_openings')
        self._newest: dict[str, tuple[str, ...]] | None = None  # a title without its year -> its years (_editions)
        self._year_titles: list[tuple[str, str, str]] | None = None  # the names that name a year (without_year_titles)
        self._in_use: frozenset[str] | None = None  # the archived notes and templates a note in use names (in_use)

    def superseded(self, title: str) -> bool:
        """Is a note of this title one of a later year's note of the same name ("Rates 2025" beside "Rates 2026"), not a
        work's (a paper's, its authors said: "Knapp 2019" beside "Knapp 2020"), nor a day's or a month's (_edition)? A
        year to come supersedes none: next year's "Pricing 2027" is not this year's yet (trial s65 X, the s66 rescore)."""
        named = _edition(title)
        return named is not None and self._editions().get(named[0], (named[1],))[-1] > named[1]

    def latest_edition(self, title: str) -> bool:
        """Is a note of this title the latest of its name's notes of a year up to this one, with an older one beside it
        ("Rates 2026" beside "Rates 2025")?"""
        named = _edition(title)
        years = self._editions().get(named[0], ()) if named is not None else ()
        return len(years) > 1 and years[-1] == named[1]

    def _editions(self) -> dict[str, tuple[str, ...]]:
        """A title without its year -> the years of its notes up to this one, oldest first (superseded), read on first
        use."""
        if self._newest is None:
            works = {c.title for c in self.chunks if _WORK_FIELD.search(c.text)}
            this_year, found = str(clock.today().year), {}
            for title in {c.title for c in self.chunks} - works:
                if (named := _edition(title)) is not None and named[1] <= this_year:
                    found.setdefault(named[0], set()).add(named[1])
            self._newest = {name: tuple(sorted(years)) for name, years in found.items()}
        return self._newest

    def without_year_titles(self, text: str, own: str) -> str:
        """text without the titles it says of other notes that name a year ("Hobby goals 2026"), or their file names,
        as a link writes them ("see [[2026 season bookings summary]]" of the note "# 2026 season – bookings summary":
        trial s65 L, "Prices 2027" had been of 2026 by it), read on first use. own: the passage's note's path."""
        if self._year_titles is None:  # (name, its folded form, its note's path), the longest first
            # (not a file name that opens or ends with its day, a journal's or a post's: link text is its title, and a
            # blog of 183 dated posts had doubled the names read for each passage: the latency)
            names = {(n, c.path) for c in self.chunks
                     for n in (c.title, _stem_named(c.path)) if n and _year_named(n)}
            self._year_titles = [(n, n.casefold(), path) for n, path in sorted(names, key=lambda x: len(x[0]),
                                                                                reverse=True)]
        folded = text.casefold()
        for _, low, path in self._year_titles:
            if path != own and low in folded:
                folded = folded.replace(low, " ")
        return folded

    def in_use(self, path: str) -> bool:
        """Is the note at path (a template or an archived note) named by its title in a passage of a note in use,
        neither a template nor archived ("cash up process: see Templates/Daily note template", trial s59 RD: a café's
        cash-up steps were kept in its template)? Read for every such note once a generation."""
        if self._in_use is None:
            self._in_use = _named_from_use(self.chunks)
        return path in self._in_use

    def retired(self, path: str) -> bool:
        """Is the note at path marked no longer in use by its properties or the heading over all its text
        (notefiles.retired: "status: superseded", "# Price list 2027 (OLD)")? Read for every note once a generation."""
        if self._retired is None:
            over: dict[str, str | None] = {}  # path -> the first heading of all its headed passages, None if not one
            for c in self.chunks:  # (a passage of text under no heading is under none: the review)
                if c.heading or not c.thin:
                    first = c.heading[0] if c.heading else None
                    over[c.path] = first if over.get(c.path, first) == first else None
            paths = over.keys() | self._properties.keys()
            self._retired = frozenset(p for p in paths if retired(self._properties.get(p, ()), over.get(p) or ""))
        return path in self._retired

    def lead(self, path: str) -> int | None:
        """The row of the note's first passage of text at its top (a paragraph, bullet or quote under no parent and
        no heading but its title's, not thin: "Iwan Pugh's gang again ..." after a Logseq page's properties), else
        None; read for every note once a generation."""
        if self._leads is None:
            self._leads = {}
            for row, c in enumerate(self.chunks):
                if c.path not in self._leads and c.kind in ("paragraph", "bullet", "quote") and not c.thin \
                        and not c.parents and len(c.heading) <= 1 and not c.origin:
                    self._leads[c.path] = row
        return self._leads.get(path)

    def title_openings(self) -> frozenset[str]:
        """The first words (any case) of the notes' titles of two words or more; read on first use."""
        if self._openings is None:
            self._openings = frozenset(words[0] for c in self.chunks if len(words := c.title.casefold().split()) >= 2)
        return self._openings

    def note_titled(self, text: str) -> str | None:
        """The path of the note whose title text is (as written, any case), else None; read on first use."""
        if self._titles is None:
            self._titles = {}
            for c in self.chunks:
                self._titles.setdefault(c.title.casefold(), c.path)
        return self._titles.get(text.strip().casefold())

    def of(self, cand: np.ndarray) -> tuple[np.ndarray, ...]:
        """(asks, opening, thin or short, names, someone, says when, labels) for each candidate (row numbers)."""
        self._read_new(cand)
        return tuple(self._facts[cand].T)

    def heads(self, cand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each candidate: (the ids in words of its heading's own words, its caption's and its heading's words but
        its "not", -1 for none: an (n, 3) array; is its heading a "not")."""
        self._read_new(cand)
        return self._heads[cand], self._turned[cand]

    def _read_new(self, cand: np.ndarray) -> None:
        new = cand[~self._read[cand]]
        if len(new):
            rows = new.tolist()
            self._facts[new] = [self._facts_of(i) for i in rows]
            self._heads[new] = [self._heads_of(self.chunks[i]) for i in rows]
            self._turned[new] = [negated(_innermost(self.chunks[i])) for i in rows]
            self._read[new] = True

    def _heads_of(self, c: Chunk) -> tuple[int, int, int]:
        heading = _innermost(c)
        caption = _own_words(c.parents[-1], c.title, first=False) if c.kind == "table_row" and c.parents else None
        own = _own_words(heading, c.title, first=len(c.heading) == 1) if heading else None
        return self._word_id(own), self._word_id(caption), self._word_id(_turned_key(heading) or None)

    def _word_id(self, words: frozenset[str] | None) -> int:
        if words is None:
            return -1
        if words not in self._word_ids:
            self._word_ids[words] = len(self.words)
            self.words.append(words)
        return self._word_ids[words]

    def _facts_of(self, row: int) -> tuple[bool, ...]:
        c = self.chunks[row]
        return (_asks(c), _opening(self.chunks, row), c.thin or _few_words(c), _names_field(c), names_someone(c),
                _field_says_when(c.text), _labels(self.chunks, row))


_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<%.*?%>|\bN{2,}\b|\bX{2,}\b|_{3,}")


def _blank(text: str) -> bool:
    """Is a template's passage its blanks: fields with no value ("Archive:", "Total: £", a table row of empty cells),
    placeholders ("{{title}}", '"" (p. )'), or fewer than three words? Half its parts or more so, it is."""
    parts = [p.strip() for line in text.split("\n") for p in line.split(" | ") if p.strip()]
    if not parts or len(re.findall(r"[^\W\d_]{2,}", text)) < 3:
        return True
    empty = sum(p.endswith((":", "£", "$", "€")) or _PLACEHOLDER.search(p) is not None
                or not re.search(r"[^\W\d_]", p) for p in parts)
    return empty * 2 >= len(parts)


@lru_cache(maxsize=1 << 16)
def _stem_named(path: str) -> str:
    """A note's file name as a link writes it, "" for one named by its day and words ("2024-12-20-aws-reinvent-2024")."""
    from .metadata import dated_name

    stem = posixpath.splitext(posixpath.basename(path))[0]
    return "" if dated_name(stem) else stem


def _named_from_use(chunks: list[Chunk]) -> frozenset[str]:
    """The paths of the templates and archived notes (notefiles.archived) whose title of two words or more a passage
    of a note in use says, as words of its own (not of one: a template "Daily" is no note a journal's "daily" names,
    trial s59 TD). (Each passage's words looked up by the titles' first words: a vault's
    thousand archived notes over 15,000 passages had taken 4 s as one pattern of every title.)"""
    by_first: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for c in chunks:
        if archived(c.path) and len(words := tuple(_WORD.findall(c.title.casefold()))) >= 2:
            by_first.setdefault(words[0], {}).setdefault(words, set()).add(c.path)
    if not by_first:
        return frozenset()
    found: set[str] = set()
    for c in chunks:
        if archived(c.path):
            continue
        low = c.text.casefold()
        words = _WORD.findall(low)
        for i, w in enumerate(words):
            for title, paths in by_first.get(w, {}).items():
                if tuple(words[i:i + len(title)]) == title and (f"/{w}" in low or _POINTS_TO.search(low)):
                    found |= paths
    return frozenset(found)


# a passage that points to a note by its title: by its folder ("Templates/Daily note template") or a word that points
# ("see", "as in the template"); not one that says its words of its own ("send Amira the timeline + shot list", trial
# s71 B: a template "Shot list" had been in use, its generic advice first for three questions of one wedding)
_POINTS_TO = re.compile(r"\b(?:see|templates?|archived?)\b|→|->")


_WORD = re.compile(r"\w+")


def keyword_share(scores: np.ndarray, ceiling: float, clip: bool = True) -> np.ndarray:
    """BM25 scores as a 0..1 share of the query's ceiling (see KeywordIndex.search)."""
    if ceiling <= 0:
        return np.zeros(len(scores), dtype=np.float32)
    share = (scores / (KEYWORD_FULL * ceiling)).astype(np.float32)
    return np.minimum(1.0, share) if clip else share


def gather(gen: Generation, text: str, qvec: np.ndarray, mask: np.ndarray | None, pool: int,
           notes: NoteVectors | None = None, encode: Callable[[list[str]], np.ndarray] | None = None,
           synonyms: Callable[[str], list[tuple[str, str]]] | None = None) -> Scores:
    """Both sides' scores of every chunk of gen for the question's text and vector (and, with notes,
    of each chunk's note as a whole). A day named from today ("on Tuesday", "last week") is a day, not
    words to find: the keyword side leaves it out ("Friday update" is no answer to "what is due on Friday?").
    With encode (the index's model) and the generation's vocabulary, the vault's words related to the
    question's add to the keyword side (vocabulary.py), and so do a note's other names for one the question says
    (synonyms: NoteNames.synonyms, "WB" for "western")."""
    n = len(gen.chunks)
    text = without_how_many(without_newest(without_asked_noun(without_relative_days(text))))
    dense_all = gen.dense.all_scores(qvec)
    floor = None
    if dense_all is None:  # approximate index: over-fetch, then post-filter
        fetch = pool if mask is None else min(n, pool * 10)
        ids, sc = gen.dense.scores(qvec, fetch)
        dense_all = np.full(n, np.nan, dtype=np.float32)
        dense_all[ids] = sc
        floor = float(sc.min()) if len(sc) else 0.0
    kw_all, kw_ceiling = gen.keywords.search(text)
    related = _related(gen, text, encode, synonyms)
    added = np.zeros(n, dtype=np.float32) if related else None
    for r, rows, bm25 in related:  # a related word lifts a passage, by its similarity; the question's ceiling stays
        added[rows] += EXPAND_WEIGHT * r.similarity * bm25
    sec = gen.keywords.section_search(text) if kw_ceiling > 0 else None
    return Scores(dense_all, floor, kw_all if added is None else kw_all + added, kw_ceiling,
                  keyword_share(*sec) if sec is not None else None,
                  notes.similarity(qvec) if notes is not None else None, notes.alone if notes is not None else None,
                  gen.keywords.weights(text) if kw_ceiling > 0 else None,
                  tuple((r, rows) for r, rows, _ in related), added)


def _related(gen: Generation, text: str, encode, synonyms=None) -> list[tuple["Related", np.ndarray, np.ndarray]]:
    """The vault's words related to the question's, each with the rows that hold it and its BM25 score there: two
    words the notes write as one, another name of a note the question names, and the words near one in meaning
    (none without a vocabulary)."""
    from .vocabulary import Related

    # "cut over": the notes' "cutover", as the question says it (a related word of the same meaning)
    joined = [Related(*apart, 1.0) for apart in written_apart(text, gen.keywords.knows, said_as_one(gen))]
    named = [Related(asked, other, name_token(other), 1.0) for asked, other in synonyms(text)] if synonyms else []
    # "bigquery", "annual general meeting": the notes' "BQ", "AGM" (abbreviations.py)
    short = [Related(*found, 1.0) for found in abbreviated(text, gen.keywords.knows, _together_in(gen),
                                                           _in_capitals_in(gen))]
    short += [Related(*found, 1.0) for found in short_forms(text, gen.keywords.knows)]  # "week": the notes' "wk"
    near = [] if encode is None or getattr(gen, "vocabulary", None) is None else gen.vocabulary.related(text, encode)
    once: dict[str, Related] = {}  # each word once, as the first brings it (the review: "western blot" had brought
    for r in (*joined, *named, *short, *near):  # "WB" twice, by "western" and by "western blot")
        once.setdefault(r.stem, r)
    names = {r.stem for r in named}
    return [(r, *(_outside_its_note(gen, r.stem) if r.stem in names else gen.keywords.token_rows(r.stem)))
            for r in once.values()]


def _outside_its_note(gen: Generation, stem: str) -> tuple[np.ndarray, np.ndarray]:
    """The rows that hold a note's other name (a synonym) and their scores, but those of the notes it names: they are
    lifted by the name the question says already (trial s61 XD: "CB550" for "the Honda" had lifted the bike's own note
    "Honda CB550 (1974)" further over the oil note's "## CB550" section)."""
    rows, scores = gen.keywords.token_rows(stem)
    titles = [gen.chunks[r].title for r in rows.tolist()]
    says = {t: stem in tokenize(t) for t in set(titles)}  # (each title read once: a note's passages share it)
    keep = np.array([not says[t] for t in titles], dtype=bool)
    return (rows[keep], scores[keep]) if len(rows) else (rows, scores)


TOGETHER_READ = 200  # passages that hold all of a run's words read for the words together


def _together_in(gen: Generation) -> Callable[[list[str]], bool]:
    """Does a passage of the generation say words (a run's, as asked) together, in their order, a few words apart at
    most ("player ... match" of "player of the match"; not a squad list's "Player" column in a match report: trial s59
    SD, the notes' "POTM" had been no word of "who was player of the match")?"""
    def together(words: list[str]) -> bool:
        rows = None
        for t in dict.fromkeys(tokenize(" ".join(words))):
            held = gen.keywords.token_rows(t)[0]
            rows = held if rows is None else np.intersect1d(rows, held, assume_unique=True)
            if not len(rows):
                return False
        if rows is None:
            return False
        near = re.compile(r"(?<!\w)" + r"\w{0,3}\W+(?:\w+\W+){0,2}?".join(map(re.escape, words)) + r"\w{0,3}(?!\w)",
                          re.IGNORECASE)
        return any(near.search(gen.chunks[r].text) for r in rows[:TOGETHER_READ].tolist())
    return together


def said_as_two(gen: Generation) -> Callable[[str, str], bool]:
    """Do the notes write two words one after the other, with a space or a dash ("load in", "load-in"), in a passage
    of the first that holds the rarer of them (of the first TOGETHER_READ)? What a word typed as one is split by
    (spelling.spelled: "loadin")."""
    def said(a: str, b: str) -> bool:
        held = [gen.keywords.token_rows(t)[0] for t in tokenize(f"{a} {b}")]
        if not held:
            return False
        rows = min(held, key=len)[:TOGETHER_READ].tolist()
        apart = re.compile(rf"(?<!\w){re.escape(a)}[ -]{re.escape(b)}(?!\w)", re.IGNORECASE)
        return any(apart.search(gen.chunks[r].text) for r in rows)
    return said


def said_as_one(gen: Generation) -> Callable[[str, str, str], bool]:
    """Do the notes write two words as one, or with a dash ("epipen", "sign-on"; or its plural), in a passage, title or
    heading of the first TOGETHER_READ that hold its token? What two words of a question are joined by (keywords.
    written_apart): not "who led" as "wholed", a token of "whole" (trial s67 A)."""
    def said(a: str, b: str, token: str) -> bool:
        rows = gen.keywords.token_rows(token)[0][:TOGETHER_READ].tolist()
        written = re.compile(rf"(?<!\w){re.escape(a)}-?{re.escape(b)}(?:e?s)?(?!\w)", re.IGNORECASE)
        return any(written.search(gen.chunks[r].keywords or gen.chunks[r].text) for r in rows)
    return said


CAPITALS_READ = 20  # passages read to tell how the notes write a word


def in_capitals(form: str) -> re.Pattern:
    """form ("BQ", "STEP") as a word written so, in capitals, its plural too ("T&Cs", "PRs")."""
    return re.compile(rf"(?<![\w&-]){re.escape(form)}s?(?![\w&-])")


def _in_capitals_in(gen: Generation) -> Callable[[str, str], bool]:
    """Do the passages that hold a token write it as form (in capitals: "BQ"), half of them at least, in their text,
    their headings or their note's title?"""
    def in_capitals_(token: str, form: str) -> bool:
        rows = gen.keywords.token_rows(token)[0][:CAPITALS_READ]
        written = in_capitals(form)
        said = sum(written.search("\n".join((c.title, *c.heading, c.text))) is not None
                   for c in (gen.chunks[int(r)] for r in rows))  # (its note's title or a heading may hold it)
        return len(rows) > 0 and 2 * said >= len(rows)
    return in_capitals_


def fuse(chunks: list[Chunk], scores: Scores, text: str, named: dict[str, float], mask: np.ndarray | None,
         pool: int, agenda: Agenda | None = None, passages: Passages | None = None) -> list[Candidate]:
    """The pool best of each side (among the chunks mask lets through), and of the passages of a day or
    the tasks the question asks for (agenda: the index's Agenda), ranked by their fused score plus the
    year's and the note-level evidence, best first. named: notes the question names (NoteNames.named)."""
    # keyword side: the chunk's share of the question's words, plus a little of its section's
    kw_side = keyword_share(scores.keyword, scores.keyword_ceiling, clip=False)
    if scores.section is not None:
        kw_side = kw_side + SECTION_SHARE * scores.section
    agenda = agenda if agenda is not None else Agenda(chunks)  # (tests; a search passes its index's)
    of_day, (tasks, not_asked) = _of_day(agenda, text), _tasks(agenda, text)
    every = _every_weekday(agenda, text)
    asked, meeting_word = frozenset(tokenize(text)), last_meeting_word(text)
    last_meeting = meeting_word is not None
    today = clock.today().isoformat()  # (one day for every rule of this question: the s51 diff read)
    series = _newest_of_series(agenda, asked, today) if last_meeting else np.zeros(0, dtype=np.int64)
    titled = _newest_titled(agenda, chunks, meeting_word, asked - MEETING_FRAME - set(tokenize(meeting_word)),
                            today, said_only=not set(tokenize(meeting_word)) <= asked) if last_meeting else {}
    next_of = _next_of(agenda, chunks, scores, text, today)
    d_top, k_top, cand = _candidates(scores, kw_side, mask, pool,
                                     (of_day, tasks, series, np.array(sorted(titled), dtype=np.int64), every, next_of))
    if len(cand) == 0:
        return []
    ids = cand.tolist()
    of = [chunks[i] for i in ids]  # the candidates' chunks (a numpy row number read and converted once, not a rule)
    passages = passages if passages is not None else Passages(chunks)  # (tests; a search passes its index's)
    p_asks, p_opening, p_short, p_names, p_someone, p_says_when, p_labels = passages.of(cand)
    dense = scores.dense[cand]
    if scores.dense_floor is not None:
        dense = np.where(np.isnan(dense), scores.dense_floor, dense)
    kw = np.minimum(1.0, kw_side[cand])
    fused = DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * kw
    own = scores.keyword[cand] - (scores.related_score[cand] if scores.related_score is not None else 0.0)  # (not
    # what related words add: the review)
    says_all = keyword_share(own, scores.keyword_ceiling, clip=False) >= 1.0 if not seeks_note(text) \
        else np.zeros(len(cand), dtype=bool)
    years_asked = asked_years(text) or (_first_year(of, fused) if asks_earliest(text) else set())
    year = _year_match(chunks, cand, years_asked, passages)
    other_year = _other_year(chunks, cand, text, years_asked, passages) & ~year
    if seasons := asked_seasons(text):  # (a tax or school year asked: not one a passage names beside it)
        other = _of_other_season(of, seasons)
        year &= ~other
        other_year |= other
    day = np.isin(cand, of_day)
    weekly = np.isin(cand, every) & ~day
    # a passage that says a day asked in its text and the question's words is of it too ("planted 15 Oct 2026" of a
    # garlic page for "what did I plant in mid october": trial s58 OA-023, 15th)
    day |= _says_the_day(agenda, text, cand, own, scores.keyword_ceiling, day, of)
    off = _off_the_period(text, dense, kw, scores.keyword_ceiling, [c.path for c in of], day, of, scores.words, own)
    # (a task due then is what is asked, whatever its words: trial s63 T; and asked what needs doing by a day, trial
    # s76 U: "what needs doing by the 12th" had put three tasks due by then under "Not dated")
    if off.any() and (asks_due(text) or asks_to_do(text)):
        off &= ~np.isin(cand, agenda.due_on(days(text)))
    day &= ~off
    day &= ~_opens_with_other_day(of, day, text)
    day &= ~_of_another_year_told(of, day, text)
    day &= ~_changes_then(of, day, text)
    day &= ~_cell_elsewhere(of, day, text, asked)
    task_day = _of_task_day(of, day, text)
    day_opens = _opens_with_day(of, day, text)
    weekday_opens = _opens_with_weekday(of, text)
    not_this = _not_the_one_asked(of, asked)
    now_section = _now_sections(of, text, passages, fused)
    if any(task_day) and (far := _far_task_days(text, of, task_day, dense, kw)).any():
        day &= ~far
        task_day = [t and not f for t, f in zip(task_day, far.tolist())]
    late = agenda.overdue_order() if asks_overdue(text) else {}  # "what's overdue?": the high and the oldest first
    overdue = np.array([late.get(i, 0.0) for i in ids], dtype=np.float32)
    task = np.isin(cand, tasks).astype(np.float32) - np.isin(cand, not_asked)
    version = _version_match(chunks, cand, text)
    code_alone = version & asks_code_alone(text)
    number = _numbering(of, text)
    note_sim = scores.note[cand] if scores.note is not None else np.zeros(len(cand), dtype=np.float32)
    name = np.array([named.get(c.path, 0.0) for c in of], dtype=np.float32)
    asks = p_asks if not ASKS_FOR_QUESTIONS.search(text) \
        else np.zeros(len(cand), dtype=bool)
    phrase = _phrase_share(chunks, cand, text, scores.words, fused)
    named_heading = _heading_named(passages, cand, scores.words, numbered(text))
    named_label = _label_named(chunks, cand, scores.words)
    turned = _turned(chunks, passages, cand, text)
    gone_value = np.array([_says_gone_value(c.text) for c in of], dtype=bool) if not looks_back(text) \
        and not asked_years(text) and not _ASKS_GONE.search(text) else np.zeros(len(cand), dtype=bool)
    compares = _compares(chunks, cand, text)
    listing = np.array([c.kind in ("bullet", "table_row") for c in of], dtype=bool) if asks_list(text) \
        else np.zeros(len(cand), dtype=bool)
    section_table = _names_no_row(chunks, cand, text, named_heading | (name >= 1.0), scores.words)
    by_columns = _by_its_columns(of, text, scores.words) & ~compares
    step = np.array([step_of(chunks, i) is not None for i in cand.tolist()], dtype=bool) if asks_steps(text) \
        else np.zeros(len(cand), dtype=bool)
    named_step = step & (name > 0)
    howto = np.array([c.kind == "code" for c in of], dtype=bool) if asks_how(text) \
        else np.zeros(len(cand), dtype=bool)
    # (a share says the rate or the interest asked for: "8% judgment rate", trial s57 LA)
    shares = asks_rate(text) or _INTEREST.search(text) is not None
    amount = np.array([states_amount(c.text) or shares and _PERCENT.search(c.text) is not None for c in of],
                      dtype=bool) if asks_amount(text) else np.zeros(len(cand), dtype=bool)
    in_range = _in_range(of, text)
    did_i = _DID_I.match(text) is not None
    # (a time of day, for "what time ...": "what time do i need to ring the butcher by" had lifted the minutes that say
    # a day, trial s65 B)
    at_clock = asks_clock(text)
    day_said = np.array([says_clock(c.text) if at_clock else (_says_day_gone(without_set_days(c.text)) if did_i
                                                            else _says_day(c.text)) or _under_day(c) for c in of],
                        dtype=bool) \
        if (asks_time(text) or at_clock) and not day.any() else np.zeros(len(cand), dtype=bool)
    day_said = DAY_SAID_BONUS * day_said * (1 + _DID_I_TIMES * did_i)
    # a link, properties or a few words that say the question's own words ("1 tin coconut milk" for "which
    # recipe uses coconut milk?", "plate: KN19 XPT") say more than their note's name: not thin
    # the question's own words; "who ...?" asks for names, which a field of them gives ("who was at the council?")
    who = _ASKS_WHO.search(text) is not None
    looks = (p_short | p_names & (not who)).tolist()  # thin, a few words, or names unless it asks who
    thin = np.array([looks[j] and _says_little(c, scores.words, asked, who) for j, c in enumerate(of)],
                    dtype=bool) & (task <= 0)  # "TODO Renew passport"
    # ... nor is a few words under the heading the question names ("Root cause" > "connection pool exhausted"), nor
    # a few that say the sum a question asks for ("2023 total: £17,160")
    # (not a year or a number alone: "2025" over a table of counts, under "## Counts" of the note named: trial s58 OD)
    lettered = np.array([any(ch.isalpha() for ch in c.text) for c in of], dtype=bool)
    thin &= ~(named_heading & lettered) & ~amount
    if asks_rate(text):  # ... nor a line that gives a share, asked for a rate ("registered subbie 20%" for "what are the
        thin &= ~np.array([_PERCENT.search(c.text) is not None for c in of], dtype=bool)  # CIS rates?", trial s55)
    if asks_measure(text):  # ... nor a line that says how much of a thing ("1 tsp baking powder"), asked how much
        thin &= ~np.array([states_measure(c.text) for c in of], dtype=bool)
    # ... nor a log's entry of the day asked that opens with it ("Fri 8 - Brayfield iPort" for "what job have i got
    # tomorrow": trial s74 R, it had come after its month's other lines, out of ten)
    thin &= ~(day & np.array([_DAY_ENTRY.match(c.text) is not None for c in of], dtype=bool))
    attendees = _attendees(chunks, cand, text) & ((name > 0) | day)  # ... nor who came, asked who came
    thin &= ~attendees
    asks_phone, asks_contact = _ASKS_PHONE.search(text) is not None, _ASKS_CONTACT.search(text) is not None
    holds_contact = np.array([states_contact(c.text) for c in of], dtype=bool) if asks_phone or asks_contact \
        else np.zeros(len(cand), dtype=bool)  # (read once for both rules below)
    contact = holds_contact if asks_phone else np.zeros(len(cand), dtype=bool)
    # (... or a long number that says a word of the question, asked for a thing's number: "nspcc number", "my dbs cert
    # number", trial s73 O, had had a line that mentions the number before "NSPCC helpline 0808 800 5000"; not a phone
    # number of another thing, for "premises licence number"; a number's digits, not an email address: "BeeBase:
    # registered, user = owen@..." had come before "beebase-apiary: HR3-0098", the rescore)
    # (... or a reference of letters and digits: "PO-61207", "beebase-apiary: HR3-0098", "NE/027/0033/019")
    if not asks_phone and _ASKS_NUMBER.search(text):
        named = asked - _NUMBER_WORDS
        contact = np.array([(h and _LONG_NUMBER.search(c.text) is not None or _REFERENCE.search(c.text) is not None)
                            and bool(named & _words_of(c.text)) for h, c in zip(holds_contact.tolist(), of)],
                           dtype=bool)
    extreme = _extremes(of, text)
    if asks_contact:  # ... nor an email address or a number, asked for one ("sams email wired": trial s60 UC-036,
        thin &= ~holds_contact  # "sokonjo@wired.co.uk" had come last)
    # ... nor a field that says when, asked when ("deadline: Dec 11th, 2026" of a Logseq page's properties for "when is
    # the nur301 essay due", "when: Wednesdays 18:00" for "when does study group meet": trial s52, 34th and 10th)
    says_when = (p_short | p_names & (not who)) & p_says_when if asks_time(text) else np.zeros(len(cand), dtype=bool)
    thin &= ~says_when
    # ... nor a day alone, asked when or what is next ("- 2027-01-19" under "## Next collections" for "when's the next
    # clinical waste collection": trial s65 E, 7th behind "- 2026-11-24 done")
    # (a day and a mark, "- 2026-02-28 ✔", stays thin: a log's entries, shown from the first, trial s62 WG-020)
    if asks_time(text) or asks_next(text):
        thin &= ~np.array([len(c.text) <= ONLY_A_DAY and _only_a_day(c.text) for c in of], dtype=bool)
    # ... nor a few words of the note the question names in full, where they are what it holds (trial s52: a glossary
    # note's "- torque" had come 5th for "how do i translate Drehmoment", dense #2, keyword #1); a link, its
    # properties or a label of what follows stay thin
    thin &= ~((name >= 1.0) & np.array([not c.thin for c in of], dtype=bool) & ~p_labels & lettered)
    # ... nor, for "who ...?", a field of people of a note the question names ("who teaches linear algebra?": the
    # course page's "lecturer: Henrik Dahl", trial s37)
    if who:
        thin &= ~((name > 0) & p_someone)
    authors = _authors(chunks, cand, asked, who) & (name > 0)
    # a note that is one link ("Wikipedia") does not agree with the question by itself
    agree = _second_best(chunks, cand, fused, None if scores.alone is None else scores.alone[cand] & ~thin)
    # (of the note the question names for "our last 1:1" with Grace; "when did I last upgrade Docker?" is of any note)
    # (... or a series of notes of dated names the question names without their day: "2026-11-25 Helen")
    meeting = np.maximum(name, np.maximum(_series_named(chunks, cand, asked), _in_titled(chunks, cand, titled))) \
        if last_meeting else np.zeros_like(name)
    # (asked when a thing was last done, a passage of a day to come is none: "Mon 3 Apr 5-6pm" of the lessons booked
    # had come first for "when did i last have a driving lesson", trial s83 P; K, "when did i last do pitchside")
    last_done = _ASKS_LAST_DONE.search(text) is not None and asks_latest(text)
    ahead = np.array([_ahead(c, today) for c in of], dtype=bool) if last_done else np.zeros(len(cand), dtype=bool)
    # (... nor says a day as asked: "next groom Tue 2 April" of a client's card had come first for "when did i last
    # groom hector", trial s90 N, the diary's 19 February 0.001 below it)
    day_said = np.where(ahead, 0.0, day_said)
    recent, newest_among = _recency(chunks, cand, fused, meeting, alone=bool(titled), today=today, named_any=name,
                                    worded=_words_said(of, asked, scores.words) * (own > 0),
                                    ahead=ahead if last_done else None) \
        if asks_latest(text) \
        else (_last_of_any_year(of, day, text, today), {})
    ordinal = _ordinal_rows(of, fused, text)
    of_next = np.isin(cand, next_of)  # (the candidates _next_of lists)
    coming = _soonest(chunks, cand, fused, today, np.flatnonzero(of_next).tolist(), asked,
                      frozenset(tokenize(text)) - next_frame(text)) if asks_next(text) else \
        _not_gone(chunks, cand, fused, today) if asks_coming(text) else np.zeros(len(cand), dtype=np.float32)
    # (a template or an archived note a note in use names is in use itself: _named_from_use)
    old = np.array([(archived(c.path, text, c.template) or passages.retired(c.path)) and not passages.in_use(c.path)
                    for c in of], dtype=bool)
    # (archived: a template not asked for; its blanks, not what it says: _blank)
    # ... and any of its passages for a question of days or of when a thing comes (a template's "☐ Minibus booked" is
    # no next expedition's: trial s76 Y, 2nd for "when's the next expedition")
    of_time = bool(days(text)) or asks_next(text) or asks_coming(text)
    template = old & np.array([(c.template or template_note(c.path)) and (of_time or _blank(c.text)) for c in of],
                              dtype=bool)
    # ... not of a note the question names ("guarantee of strict consistency" and the note Strict consistency)
    opening = p_opening & (name == 0) if not (DEFINING.match(text) or seeks_note(text)) \
        else np.zeros(len(cand), dtype=bool)
    # ... nor the note's fields when the question asks for one of them ("what room is 10b in?": "room: S4", trial s49,
    # had yielded to every other passage of the class's note)
    opening &= ~np.array([bool(o) and _asked_field(c, asked) for o, c in zip(opening.tolist(), of)], dtype=bool)
    opening &= ~says_when
    rank = (fused + YEAR_BONUS * year - OTHER_YEAR * other_year + DAY_BONUS * day + WEEKLY_BONUS * weekly + TASK_BONUS * task + OVERDUE_ORDER * overdue
            + VERSION_BONUS * version + CODE_ALONE_BONUS * code_alone + NUMBER_BONUS * (number > 0) - OTHER_NUMBER * (number < 0)
            + NAME_BONUS * name + SECTION_NAMED_BONUS * ((name >= 1.0) & named_heading)
            + AGREE * agree + NOTE_SIM * note_sim + PHRASE_BONUS * phrase
            + HOWTO_CODE_BONUS * howto + STEPS_BONUS * named_step + AMOUNT_BONUS * amount + CONTACT_BONUS * contact + SUPERLATIVE_BONUS * extreme + SAYS_ALL_BONUS * says_all
            + RANGE_BONUS * np.array([bool(r) for r in in_range], dtype=np.float32)
            + RECENT_BONUS * (recent + np.array([bool(o) for o in ordinal], dtype=np.float32) - ahead) + AUTHORS_BONUS * authors + ATTENDEES_BONUS * attendees - ASK_PENALTY * asks
            + day_said + DAY_OPENS_BONUS * (day_opens | weekday_opens) + RECENT_BONUS * coming + NOW_SECTION * now_section
            - THIN_PENALTY * thin - COLUMNS_ONLY_PENALTY * by_columns - NOT_THIS_PENALTY * not_this
            - ARCHIVE_PENALTY * (old & ~template) - TEMPLATE_PENALTY * template - TURNED_PENALTY * turned
            - GONE_VALUE_PENALTY * gone_value)
    rank, opening = _opening_yields(chunks, cand, rank, opening)
    rank = _opening_leads(of, cand, rank, name, text, asked, passages)
    rank, older_edition = _older_edition_yields(chunks, cand, rank, other_year & ~year, passages, asks_latest(text),
                                                frozenset(years_asked))  # ("this year" too: trial s76 E)
    rank, other_section = _section_asked_first(of, rank, frozenset(years_asked))
    older_edition |= other_section
    rank = _thin_last(chunks, cand, rank, thin)
    if _ASKS_LAST_DONE.search(text):  # (not what holds now: "what's brigade's perm fee now" is no newest mention's,
        rank = _newest_first(of, rank, recent, newest_among, today, fused, asked)  # the s83 rescore)
    # (not of a list question: a setlist's "7. [[Sex on Fire]]" is what was played, the trials; but one that points, an
    # arrow or "see" before it, whatever is asked: trial s63 MUS-022)
    rank = _pointers_after(chunks, cand, rank, passages, seeks_note(text))
    d_rank = {int(c): r + 1 for r, c in enumerate(d_top)}
    k_rank = {int(c): r + 1 for r, c in enumerate(k_top)}
    order = np.argsort(-rank, kind="stable")
    next_first = _next_first(chunks, cand, of, order, rank, fused, coming, of_next, asked, today) \
        if len(next_of) else np.zeros(0, dtype=np.int64)
    order = np.concatenate([next_first, order[~np.isin(order, next_first)]])
    next_first = np.isin(np.arange(len(cand)), next_first)
    if asks_due(text) or asks_overdue(text) or asks_to_do(text):
        order = _listed_first(agenda, cand, order, of_day, lists_only_tasks(text), days(text), _saying(of, tasks_of(text)),
                              _with_deadline(of) if DEADLINE.search(text) else None,
                              (lambda j: only_scheduled(of[j].text)) if DUE.search(text) else None)
    elif day.any() and asks_only_the_day(text):  # "what did I write today?": the day's entry, whatever it says
        # (of a day asked without its year, its last one's first: "what did i do on 3 aug" on 12 August 2027 is that
        # month's diary's, not last August's Cornwall week, trial s81 F)
        last = day & (recent > 0) if not asks_latest(text) else np.zeros(len(cand), dtype=bool)
        # ... and its passages dated so by their own line, heading or note's name before those only their note's front
        # matter dates (the day "Bank holiday weekend plan" was written is no day of its lines: trial s81 Q, 2nd)
        whole = np.array([c.note_day for c in of], dtype=bool)
        firsts = (last & ~whole, day & ~last & ~whole, last & whole, day & ~last & whole, ~day)
        order = np.concatenate([order[first[order]] for first in firsts])
    elif day.any() and looks_ahead(text) and lists_only_plans(text) and len(days(text)) <= PERIOD_DAYS:
        order = _by_day(agenda, cand, order, day, days(text), of)  # (a week at most: a month's, by rank, the rescore)
    # which candidates hold each related word (kind="table": the rows are a vault's, a lookup a row, not a sort)
    held = [np.isin(cand, rows, kind="table").tolist() for _, rows in scores.related]
    # (as Python lists once: a numpy scalar read and converted for each field of each candidate had been a fifth of
    # a question's ranking time)
    more = scores.related_score[cand].tolist() if scores.related_score is not None else [0.0] * len(cand)
    own_kw = (scores.keyword[cand].astype(np.float64) - np.asarray(more, dtype=np.float64)).tolist()
    related = [r.word for r, _ in scores.related]
    words = [tuple(w for w, has in zip(related, holds) if has) for holds in zip(*held)] if held else [()] * len(cand)
    floats, bools = (lambda a: np.asarray(a).tolist()), (lambda a: np.asarray(a, dtype=bool).tolist())
    given = {  # each Explanation field, its values for the candidates in cand's order
        "dense_rank": [d_rank.get(c) for c in ids], "dense_score": floats(dense),
        "keyword_rank": [k_rank.get(c) for c in ids], "keyword_score": own_kw, "fused_score": floats(fused),
        "section_share": scores.section[cand].tolist() if scores.section is not None else [0.0] * len(cand),
        "year_match": bools(year), "version_match": bools(version), "code_alone": bools(code_alone), "numbering": number.tolist(), "name_match": floats(name),
        "agreement": floats(agree), "note_sim": floats(note_sim), "asks": bools(asks), "thin": bools(thin),
        "rank": floats(rank), "day_match": bools(day), "task_day": task_day, "phrase": floats(phrase),
        "howto_code": bools(howto), "amount": bools(amount), "contact": bools(contact), "extreme": bools(extreme), "in_range": in_range, "says_all": bools(says_all), "task_match": task.astype(np.int64).tolist(), "recent": floats(recent), "ordinal": ordinal, "ahead": bools(ahead),
        "day_said": floats(day_said), "day_opens": bools(day_opens), "weekday_opens": bools(weekday_opens),
        "not_this": bools(not_this), "weekly": bools(weekly), "next_first": bools(next_first),
        "coming": floats(coming),
        "later": [bool(coming[j] < 0 and _first_day_from(c, today)) for j, c in enumerate(of)],
        "now_section": now_section.tolist(),
        "overdue": floats(overdue), "archived": bools(old), "template": bools(template), "opening": bools(opening),
        "heading_named": bools(named_heading), "label_named": bools(named_label), "compares": bools(compares), "section_table": bools(section_table),
        "listing": bools(listing),
        "step": bools(step), "named_step": bools(named_step), "related": words, "related_score": more, "authors": bools(authors),
        "attendees": bools(attendees),
        "other_year": bools(other_year), "older_edition": bools(older_edition), "turned": bools(turned),
        "gone_value": bools(gone_value)}
    # ... each candidate's made from its row of them when first read (Candidate.explain)
    columns, ranks = (tuple(given), list(given.values())), given["rank"]
    return [Candidate(ids[j], ranks[j], columns=columns, at=j)
            for j in (order.tolist() if isinstance(order, np.ndarray) else order)]


def _in_range(of: list[Chunk], text: str) -> list[str]:
    """For each candidate: the number the question gives (RANGE_BONUS) inside a range its text states, else ""."""
    # (a count below 10 only with its measure: "an 8 yr old" in "6-12 yrs", not "week 3" in "weeks 1-4")
    # (... nor a day of a month the question writes: "what happened on 12 march", trial s87 A, had lifted "Easter hols
    # 2-13 April"; a measure still, "a 25 kg dog in may": the review)
    dated = {m[1] or m[2] for m in _DAY_OF_MONTH_ASKED.finditer(text)}
    asked = [(w, float(w)) for w, unit in _NUMBER_ASKED.findall(text)
             if ("." in w or unit or 10 <= float(w) and not _a_year(w)) and (unit or w not in dated)]
    if not asked:
        return [""] * len(of)
    measured = any(unit for _, unit in _NUMBER_ASKED.findall(text))
    out = []
    for c in of:
        spans = [(float(m[1]), float(m[2])) for m in _RANGE.finditer(c.text)
                 if not (_a_year(m[1]) or _a_year(m[2]) or _a_code(m)
                         or not measured and _NUMBERED_BEFORE.search(c.text, max(0, m.start() - 12), m.start()))] \
            if any(ch.isdigit() for ch in c.text) else []
        out.append(next((w for w, q in asked for lo, hi in spans if lo < hi and lo <= q <= hi), ""))
    return out


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_OF_MONTH_ASKED = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"|\b" + _MONTH_WORD
                                 + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE)


def _a_code(m: re.Match) -> bool:
    """Is a range (_RANGE) rather a part number or a reference, two whole numbers of 10 or more joined by a dash alone
    whose digits differ by two or more ("57-4668", a layshaft bearing's: trial s68 L, "holds 400 in its range" had
    lifted a gearbox's parts for "400 four")?"""
    a, b = m[1], m[2]
    return a.isdigit() and b.isdigit() and int(a) >= 10 and m[0] == f"{a}-{b}" and abs(len(a) - len(b)) >= 2


def _a_year(number: str) -> bool:
    """Is a number a year ("2024")?"""
    return _A_YEAR.fullmatch(number) is not None


def _next_first(chunks: list[Chunk], cand: np.ndarray, of: list[Chunk], order: np.ndarray, rank: np.ndarray,
                fused: np.ndarray, coming: np.ndarray, of_next: np.ndarray, asked: frozenset[str], today: str
                ) -> np.ndarray:
    """For the next of a thing (of_next: the candidates _next_of lists): the places of the soonest to come of those
    that name it, the best of each note, best first, to come first where the best of all says only days gone, or a later
    day and no "next" of it itself ("the wedding fair next year will be Sun 3 Oct 2027" for "when is my next wedding":
    a wedding's note of 11 September in "weddings/" second, trial s79 O; not over "Next PCC: Sunday 21 November 2027",
    the rescore, s77 N); else none. The soonest of those that name it, not of every candidate ("working party Sat 25th"
    is no next committee meeting, trial s79 S)."""
    top = order[0]
    # (... or says no day at all where an event's own note of a day to come is of it: "back up THAT NIGHT" of a
    # wedding-day checklist had come first for "when is my next wedding", trial s87 C, this Friday's wedding's note out
    # of ten)
    if not (coming[top] < 0 or coming[top] == 0 and not _says_next_of(of[top], asked)
            and (_first_day_from(of[top], today) is not None
                 or not _said_days(of[top], today) and any(_of_event_named(of[j], asked, today)
                                                           for j in np.flatnonzero(of_next).tolist()))):
        return np.zeros(0, dtype=np.int64)
    # (... and those of a day to come that say they are its next, "next one Wed 28 Jun" under "Steering group every
    # other Wednesday" of a client's page, trial s84 G: a meeting's action "move the member comms to w/c 19 June" first)
    told = np.array([coming[j] > 0 and _says_next_of(of[j], asked) for j in range(len(cand))], dtype=bool)
    named = np.flatnonzero(of_next | told)
    soonest = named[_soonest(chunks, cand[named], fused[named], today, list(range(len(named))), asked) > 0]
    soonest = soonest[np.argsort(-rank[soonest], kind="stable")]
    # (the best of each note: a wedding's note of that day is one answer, not the top ten)
    return soonest[np.sort(np.unique([of[j].path for j in soonest.tolist()], return_index=True)[1])] \
        if len(soonest) else soonest


def _by_day(agenda: Agenda, cand: np.ndarray, order: np.ndarray, day: np.ndarray, asked: set[str],
            of: list[Chunk]) -> list[int]:
    """For "what have i got on next week?": the passages of the days asked by the first of them each is of or says, as
    a diary reads (trials s63 B, s64 P: Thu 10, Sat 12, a task due the 7th, ...), each day's by rank; then the rest."""
    rows = [int(j) for j in order if day[j]]
    first = agenda.first_days([int(cand[j]) for j in rows], asked)
    rows.sort(key=lambda j: first.get(int(cand[j]), "~"))
    # (a note's passages of a day past its first DAY_NOTE_ROWS after the other days' and notes': a meeting's eleven
    # agenda lines of the 14th had filled the week's first sixteen, trial s79 AF, its Saturday's two events 24th, 25th;
    # and a day's past its first DAY_ROWS after the other days': eleven lines of Monday 4 March, its tasks and spans
    # begun before it, had filled the week's first ten, trial s90 A, World Book Day on the Thursday 14th; the days'
    # others after them as before, by day and rank: a day's notes taking turns, or a note's fourth line after the other
    # notes' of its day, lost more of the kept "what's on" answers than they brought, the review's rescore)
    seen: dict[tuple[str, str], int] = {}  # (a note, a day) -> its passages so far: a week's plan's days each count
    of_day: dict[str, int] = {}  # a day -> its passages kept so far
    kept, later = [], []
    for j in rows:
        first_day = first.get(int(cand[j]), "")
        key = (of[j].path, first_day)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= DAY_NOTE_ROWS and of_day.get(first_day, 0) < DAY_ROWS:
            of_day[first_day] = of_day.get(first_day, 0) + 1
            kept.append(j)
        else:
            later.append(j)
    return kept + later + [int(j) for j in order if not day[j]]


DAY_NOTE_ROWS = 3  # a note's passages of a day asked listed with that day's, for "what's on next week"
DAY_ROWS = 3  # ... and a day's passages listed before the next day's


def _saying(of: list[Chunk], words: str) -> Callable[[int], bool]:
    """Does the passage of[j], its note's title or its headings say one of words (their tokens)? Read for the passages
    asked about only (the tasks listed, not every candidate: a tokenizing each)."""
    asked = frozenset(tokenize(words))
    # (asked what to pay: a sum or a bill says so, "balance due 2 July" of "Cost: £1,680 (...)", trial s78 W, the s78
    # rescore: s76 AA-27 "what do i need to pay tomorrow" had put "☐ rewrite Q5 outcomes" first)
    pays = "pay" in asked
    return lambda j: bool(asked) and (not asked.isdisjoint(tokenize(of[j].keywords or of[j].text))
                                      or pays and _A_PAYMENT.search(of[j].text) is not None)


_A_PAYMENT = re.compile(r"[£$€]\s?\d|\b(?i:balance|deposit|invoice|fee|rent|owe[sd]?)\b|\bbills?\b")  # (not "ring Bill",
# nor a team's "subs": the review)


def _with_deadline(of: list[Chunk]) -> Callable[[int], bool]:
    """Is of[j] set a deadline ("DEADLINE: <2026-12-18 Fri>", "deadline 18 Dec"), not only scheduled?"""
    return lambda j: _DEADLINE_SET.search(of[j].text) is not None


_DEADLINE_SET = re.compile(r"\bdeadline\b", re.IGNORECASE)


def _listed_first(agenda: Agenda, cand: np.ndarray, order: np.ndarray, rows: np.ndarray, plain: bool,
                  asked: set[str] = frozenset(), says: Callable[[int], bool] | None = None,
                  deadline: Callable[[int], bool] | None = None,
                  scheduled: Callable[[int], bool] | None = None) -> list[int]:
    """For "what's due this week?" and "what's overdue?": the open tasks due then (among rows) before every other
    candidate, a task due then being the answer whatever its words (trial B: a high-priority task due that
    day had come after undated tasks closer in words). When the question says nothing else (plain), they
    come as a list of them reads: the high-priority ones first, then by due day; else those that say its other words
    (says) by rank, then the rest as a list reads (all by rank where none says them). Where none is due
    then, the open tasks of the days asked (asked) come so, by their day (trial s64 I: a week plan's tasks under "Mon
    7" to "Fri 11" had come Tue, Thu, Mon, Fri, Wed)."""
    listed = agenda.in_order(rows)
    if not listed and plain and asked:
        listed = agenda.open_by_day(rows, asked)
    place = {row: i for i, row in enumerate(listed)}
    listed = [int(j) for j in order if int(cand[j]) in place]
    if not listed:
        return order.tolist()
    if plain:  # (for "any deadlines this month", those set a deadline first: trial s71 A's came after five scheduled)
        # (... and for "what's due", those due before those only scheduled: a Logseq "DEADLINE: <2027-04-22 Thu>" had
        # come tenth after nine "SCHEDULED:" tasks of the days before it, trial s80 Y-09; by day alike, s81 A-36 and
        # D-39 had lost theirs under tomorrow's scheduled tasks: the notice says which come first, search._both_kinds)
        listed.sort(key=lambda j: (deadline is not None and not deadline(j), scheduled is not None and scheduled(j),
                                   place[int(cand[j])]))
    elif says is not None and any((found := {j: says(j) or deadline is not None and deadline(j)
                                             for j in listed}).values()):
        # (those that say the question's other words by rank, then the rest as a list reads: "what's due next week for
        # the accountant" had listed mince pies due the 12th before a brewery's proposal due the 10th, trial s67 B;
        # where none says them, all by rank, the model's reading of them; a deadline's too, asked for one: "what's the
        # AA deadline this month", trial s75 AB, had listed "21 March — deadline to apply for ..." 15th)
        listed.sort(key=lambda j: (not found[j], place[int(cand[j])] if not found[j] else 0))
    return listed + [int(j) for j in order if int(cand[j]) not in place]


def _opening_yields(chunks: list[Chunk], cand: np.ndarray, rank: np.ndarray,
                    opening: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A note's opening paragraph gives its place to the best other passage of its note (of prose: not code nor
    a table row) that ranks within OPENING_MARGIN of it, and takes that one's: the note keeps its place.
    (the ranks, which openings gave their place)."""
    yielded = np.zeros(len(cand), dtype=bool)
    if not opening.any():
        return rank, yielded
    rank = rank.copy()
    best: dict[str, int] = {}  # note -> its best candidate of prose that is not its opening
    rows = cand.tolist()
    for j in np.argsort(-rank, kind="stable").tolist():
        c = chunks[rows[j]]
        if not opening[j] and c.kind in ("paragraph", "bullet", "quote"):
            best.setdefault(c.path, j)
    for j in np.flatnonzero(opening).tolist():
        other = best.get(chunks[rows[j]].path)
        if other is not None and rank[j] > rank[other] >= rank[j] - OPENING_MARGIN:
            rank[j], rank[other] = rank[other], rank[j]
            yielded[j] = True
    return rank, yielded


# a question of a few words that names a note and asks nothing of it: "shearing plans this year", "spring clean progress"
_TOPIC_WORDS = 5
# the words besides a note's title that ask for it as a whole: "spring clean progress", "our worming policy", "shearing
# plans this year" (not "stollen oven temp and time", "jade hourly rate": a thing of it, the s83 rescore)
# (nor "boiler status", "wifi setup steps", "passport renewal checklist": a part of it, the review)
_WHOLE_NOTE_WORDS = frozenset(tokenize("plan plans planning progress policy policies notes note info overview summary "
                                       "everything all about our my the this year years"))
_A_YEAR_DAYS = 365
# ... nor a part of it asked ("spring clean checklist", "boiler status", "wifi setup steps": the s83 review)
_PART_WORDS = frozenset(tokenize("checklist checklists status steps step list lists price prices cost costs code codes "
                                 "number numbers date dates time times address phone contact password"))
_ORDER_WORDS = re.compile(r"\b(?:first|last|next|latest|newest|earliest|previous)\b", re.IGNORECASE)
_ASKS_SOMETHING = re.compile(r"^\W*(?:what|whats|what's|when|whens|when's|who|whos|who's|where|wheres|where's|why|how|"
                             r"which|is|are|was|were|do|does|did|can|could|should|will|would|has|have|had)\b|\?",
                             re.IGNORECASE)


def _opening_leads(of: list[Chunk], cand: np.ndarray, rank: np.ndarray, name: np.ndarray, text: str,
                   asked: frozenset[str], passages: Passages) -> np.ndarray:
    """rank with the lead (Passages.lead) of the note a question of a few words names in full and asks nothing of
    (_TOPIC_WORDS, _ASKS_SOMETHING, nor the next or the last) put first of its note's passages, where its words
    besides the title's ask for the note as a whole (_WHOLE_NOTE_WORDS: "spring clean progress": the note "Spring
    clean"'s opening "Doing a room a weekend-ish ...", not its "☐ mow first time when it dries up"; trials s83 A, H:
    "shearing plans this year" 5th). Its note keeps its place: the two swap. Not for a question of days short of a
    year, nor of a thing of the note ("spring clean patio", "stollen oven temp")."""
    if len(text.split()) > _TOPIC_WORDS or _ASKS_SOMETHING.search(text) or asks_next(text) or asks_latest(text) \
            or 0 < len(days(text)) < _A_YEAR_DAYS:  # (a year's may be its title's: "shearing plans this year")
        return rank
    best = int(np.argmax(rank))
    row = passages.lead(of[best].path)
    at = np.flatnonzero(cand == row) if row is not None else ()
    # (... or half its words or more its title's, one word besides at most, no number: "camping rules for ashfest" of
    # "Camping", "our waste licence" of "Waste carrier licence", "club gala plan" of "Club gala 2028", trials s84 C, F,
    # E, a line of each note first, not its opening; 30 more firsts of the 72 trials' 2,880 questions than it lost)
    titled = _words_of(f"{of[best].title} {PurePosixPath(of[best].path).stem.replace('_', ' ')}")
    besides = asked - titled - _WHOLE_NOTE_WORDS
    # (... not where the best passage says that word itself: "spring clean patio" is its patio's line, the s83 review;
    # nor of the first, last or next of it: "ellas last exam")
    named = name[best] >= 1.0 and not besides or 2 * len(asked & titled) >= len(asked) and len(besides) <= 1 \
        and not besides & (_words_of(" ".join((of[best].text, *of[best].parents, *of[best].heading))) | _PART_WORDS) \
        and not any(ch.isdigit() for ch in text) \
        and not _ORDER_WORDS.search(text)
    if not len(at) or at[0] == best or not named:
        return rank
    rank = rank.copy()
    rank[at[0]], rank[best] = rank[best], rank[at[0]]
    return rank


def _older_edition_yields(chunks: list[Chunk], cand: np.ndarray, rank: np.ndarray, older: np.ndarray,
                          passages: Passages, now: bool = False, asked: frozenset[str] = frozenset()
                          ) -> tuple[np.ndarray, np.ndarray]:
    """A passage of an older year's note (older: "Rate card 2025" beside "Rate card 2026", Passages.superseded, the
    question naming no year) that says the same thing as one of the latest note of that name (the same row's first
    cell, the same label: "Crew + van: 3 men + Iveco | Per hour: £99") comes just after it, however closer its words
    (trial s72 C: "hourly rate 3 men + iveco" had shown last year's £99 first, this year's £105 second); for a
    question of what holds now (now: "large deshed price now"), whatever it says, after the best of the latest note
    (trial s73 P: last year's list's "deshed: £60" under "Large" first, this year's table's row 3rd). (The ranks,
    which yielded.)"""
    yielded = np.zeros(len(cand), dtype=bool)
    if not older.any():
        return rank, yielded
    if asked:
        return _edition_asked_first(chunks, cand, rank, older, asked)
    rows = cand.tolist()
    latest: dict[tuple[str, str], int] = {}  # (name without its year, key) -> the best candidate of the latest note
    for j in np.argsort(-rank, kind="stable").tolist():
        c = chunks[rows[j]]
        if not older[j] and (named := _edition(c.title)) and (key := "" if now else _entry_key(c.text)) is not None \
                and passages.latest_edition(c.title):
            latest.setdefault((named[0], key), j)
    if not latest:
        return rank, yielded
    rank = rank.copy()
    for j in np.flatnonzero(older).tolist():
        c = chunks[rows[j]]
        named, key = _edition(c.title), "" if now else _entry_key(c.text)
        other = latest.get((named[0], key)) if named and key is not None else None
        if other is not None and rank[j] >= rank[other]:
            rank[j], yielded[j] = rank[other] - 1e-4, True
    return rank, yielded


def _entry_key(text: str) -> str | None:
    """What an entry is of: a table row's first cell, or the label before a colon of a line ("Crew + van: 3 men +
    Iveco", "Kiln firing"), folded; None for another passage."""
    first = text.split("\n", 1)[0]
    if " | " in first:
        key = first.split(" | ", 1)[0]
    elif ":" in first[:60]:
        key = first.split(":", 1)[0]
    else:
        return None
    key = " ".join(key.casefold().split())
    return key if len(key) >= 3 else None


def _opening(chunks: list[Chunk], row: int) -> bool:
    """Is the passage its note's opening paragraph, in a note with more after it (OPENING_MARGIN)?"""
    c = chunks[row]
    return (c.seq == 0 and c.kind == "paragraph" and not c.origin and row + 1 < len(chunks)
            and chunks[row + 1].path == c.path)


def _candidates(scores: Scores, kw_side: np.ndarray, mask: np.ndarray | None, pool: int,
                asked: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the pool best by dense score, by keyword share, and all candidates: those and the pool best by
    dense score of each set of rows asked for, a day's passages or the tasks asked for), among mask."""
    valid = np.ones(len(kw_side), dtype=bool) if mask is None else mask
    dense = np.nan_to_num(scores.dense, nan=-1.0)
    d_top = _top(dense, valid & ~np.isnan(scores.dense), pool)
    k_top = _top(kw_side, valid & (kw_side > 0), pool)
    extra = [rows[_top(dense[rows], valid[rows], pool)] for rows in asked]
    return d_top, k_top, np.unique(np.concatenate([d_top, k_top, *extra]))


def _top(scores: np.ndarray, valid: np.ndarray, pool: int) -> np.ndarray:
    """The rows of the pool best valid scores, best first."""
    s = np.where(valid, scores, -np.inf)
    m = min(pool, int(valid.sum()))
    if m <= 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.argpartition(-s, m - 1)[:m]
    return idx[np.argsort(-s[idx], kind="stable")]


HISTORY = "1990"  # a year a question names before this is one of history, no note's day (_other_year)
_TITLE_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?:[-/](\d\d))?(?![\w/.-])")


# a work's fields: its authors, where it came out ("Knapp 2019" and "Knapp 2020" are two papers, not a yearly note's
# editions: trial s59 SB-012; not a venue's: "Winter Concert 2025" of "venue:: St Aidan's" is last year's, s57 LB)
_WORK_FIELD = re.compile(r"^(?:authors?|creators?|editors?|journal|publisher|booktitle):\s*\S",
                         re.MULTILINE | re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _year_named(title: str) -> tuple[str, str] | None:
    """(a title without its one year, that year) of a title naming one year as a word ("Rates 2025"; not a day's,
    "2025-03-12 Standup"), of words besides it, a season's first ("subs 2025-26": 2025, trial s67 I); else None."""
    years_in = [y for y, second in _TITLE_YEAR.findall(title) if not second or int(second) == (int(y) + 1) % 100]
    if len(years_in) != 1:
        return None
    rest = " ".join(_TITLE_YEAR.sub(" ", title).casefold().split())
    return (rest, years_in[0]) if re.search(r"[^\W\d_]", rest) else None


EDITION_NEAR = 0.1  # how far below a passage of another year's edition one of the year asked comes before it


def _edition_asked_first(chunks: list[Chunk], cand: np.ndarray, rank: np.ndarray, other: np.ndarray,
                         asked: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """For a question that names a year (asked): a passage of another year's note of a name (other: "summer fete
    2026") comes after the best of that name's note of the year asked ("summer fete 2025"), whatever it says (trial
    s74 O: "fete 2025 net profit" had shown 2026's "Net | £2,555" first, 2025's "Net £2,930" second). (The ranks, which
    yielded.)"""
    rows = cand.tolist()
    of_year: dict[str, list[float]] = {}  # an edition's name -> the ranks of its note of the year asked's candidates
    for j in range(len(rows)):
        for name, year in _editions_of(chunks[rows[j]]):
            if year in asked:
                of_year.setdefault(name, []).append(float(rank[j]))
    yielded = np.zeros(len(cand), dtype=bool)
    if not of_year:
        return rank, yielded
    new = rank.copy()
    for j in np.flatnonzero(other).tolist():
        # (after each of them ranked near it or above: the best may be shown inside another, trial s74 O's)
        near = [r for name, _ in _editions_of(chunks[rows[j]]) for r in of_year.get(name, ()) if r >= rank[j] - EDITION_NEAR]
        if near and min(near) - 1e-4 < rank[j]:  # (lowered only: never lifted to just below them, the s76 rescore)
            new[j], yielded[j] = min(near) - 1e-4, True
    return new, yielded


SECTION_NEAR = 0.25  # how far below a passage of another year's section of its note one of the year asked comes first


def _section_asked_first(of: list[Chunk], rank: np.ndarray, asked: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """For a question that names a year (asked): a passage under a section of its note headed by another year ("##
    2027") comes after the best under the section of the year asked ("## 2025"), SECTION_NEAR below it or less (trial
    s77 C: "how much were bonfire tickets in 2025" had shown 2027's tickets first, 2025's "£6 adult, kids £3" second).
    of: the candidates' chunks. (The ranks, which yielded.)"""
    yielded = np.zeros(len(of), dtype=bool)
    if not asked:
        return rank, yielded
    sections: dict[tuple, list[tuple[int, bool]]] = {}
    for j, c in enumerate(of):
        if not c.origin and (found := _year_heading(c)):
            sections.setdefault((c.path, tuple(c.heading[:found[0]])), []).append((j, str(found[1]) in asked))
    new = rank
    for found in sections.values():
        best = max((float(rank[j]) for j, of_asked in found if of_asked), default=None)
        for j, of_asked in found:
            if best is not None and not of_asked and best - 1e-4 < rank[j] <= best + SECTION_NEAR:
                new = new.copy() if new is rank else new
                new[j], yielded[j] = best - 1e-4, True
    return new, yielded


def _editions_of(c: Chunk) -> set[tuple[str, str]]:
    """The editions (name, year) a passage's note is by its title and by its file's name ("Fete 2026" of "summer fete
    2026.md": both "fete" and "summer fete" of 2026), and by a dated file's name ("2027-10-31 greenway halloween" of
    2027: trial s77 S, "what time is the greenway disco this year" had shown 2026's and 2025's first)."""
    return {e for e in (_edition(c.title), *_path_editions(c.path)) if e is not None}


@lru_cache(maxsize=1 << 14)
def _path_editions(path: str) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The editions a note's file name is, by a year in it ("summer fete 2026") and by its day ("2027-10-31 greenway
    halloween"): each once a note, not once a candidate (a question of a year had spent 12 ms on them)."""
    stem = PurePosixPath(path).stem
    dated = dated_name(stem)
    by_day = (" ".join(dated[1].casefold().split()), dated[0][:4]) if dated and _LETTER.search(dated[1]) else None
    return _edition(stem), by_day


@lru_cache(maxsize=1 << 14)
def _edition(title: str) -> tuple[str, str] | None:
    """_year_named of a title that names a thing's edition of a year ("Rates 2025"), not a day's nor a month's ("Dec
    3rd, 2025", "Rota - Dec 2025": of their time, no older edition of "Dec 3rd, 2026")."""
    named = _year_named(title)
    return named if named is not None and not any(ch.isdigit() for ch in named[0]) and not months_said(named[0]) \
        else None


def _other_year(chunks: list[Chunk], cand: np.ndarray, text: str, named: set[str], passages: Passages) -> np.ndarray:
    """For each candidate: is its note of another year than the one the question names, by its date or its title
    ("werner vogels keynote 2024" and the note "AWS re:Invent 2025": trial s39, it had come first)? Not of a year
    before HISTORY: "the 1911 census" names a year of history, not when a note was written (trial s55: a family
    historian's research log of 2024 had been put after; not "before any note's year": a table row of 1911 is one).
    For a question of no year, of an older year than a note of the same name ("how much for a home visit?": this
    year's "Rates 2026", not "Rates 2025", trial s56; Passages.superseded), unless it looks back ("why did dryland not
    work last season": "Season Plan 2025-26" beside "2026-27" is as it is, the s67 rescore). named: the years asked
    (_first_year's too)."""
    if not named:
        if looks_back(text):
            return np.zeros(len(cand), dtype=bool)
        # ... or under a note's section of an older year than another of its sections ("## 2026 prices (for ref)"
        # beside "## 2027 prices": trial s76 V, "price for a ten hour block" had shown 2026's £340 first)
        older = _year_sections([chunks[i] for i in cand.tolist()])
        return np.array([passages.superseded(chunks[i].title) or older.get(j) == -1 for j, i in enumerate(cand.tolist())],
                        dtype=bool)
    asked = {y for y in named if y >= HISTORY}
    out = np.zeros(len(cand), dtype=bool)
    if not asked:
        return out
    for j, i in enumerate(cand.tolist()):
        c = chunks[i]
        of = _years_of(c)
        out[j] = bool(of) and of.isdisjoint(asked)
    return out


def _of_other_season(of: list[Chunk], asked: set[str]) -> np.ndarray:
    """For each candidate (of: their chunks): does it name a tax or school year, none of them one asked ("tax_year:
    2029-30" for "turnover last tax year" on 16 May 2029, 2028-29's: trial s87 P, of "year" with it)?"""
    return np.array([bool(said := set(two_year_seasons(_says_of_itself(c)))) and said.isdisjoint(asked) for c in of],
                    dtype=bool)


def _first_year(of: list[Chunk], fused: np.ndarray) -> set[str]:
    """For "the first year" of a thing (asking.asks_earliest): the earliest year of the best candidates of a year
    (RECENT_NEAR of the best's fused score or more, RECENT_AMONG at most; of: their chunks), by their day, their note's
    title or their section ("## 2025" of a market's page, "christmas fairs 2025" beside "... 2026": trials s74 N, s75
    R), if they are of more than one; else none."""
    found: list[tuple[float, str]] = []
    for j in np.argsort(-fused, kind="stable").tolist():
        c = of[j]
        of_year = set() if c.thin else _years_of(c)
        if len(of_year) == 1:
            found.append((float(fused[j]), next(iter(of_year))))
    found = [(f, y) for f, y in found if f >= RECENT_NEAR * found[0][0]][:RECENT_AMONG] if found else found
    return {min(y for _, y in found)} if len({y for _, y in found}) > 1 else set()


def _years_of(c: Chunk) -> set[str]:
    """The years a passage is of: its day's, else its note's title's, else its section's (a copy: not its note's; "##
    2025 (6–12 Apr)" of a field course's page for "which practicals did i run at millport in 2026", trial s76 G, had
    come first)."""
    return set() if c.origin else {c.date[:4]} if c.date else _title_years(c.title) or _section_year(c)


def _section_year(c: Chunk) -> set[str]:
    """The year of the innermost of a passage's headings that opens with one ("## 2025 (6–12 Apr)"), else none."""
    found = _year_heading(c)
    if found is None and c.heading and _heads_gone(c.heading[-1]):
        # (... or of a section of what held once, the year it writes: "## Last year (2028)" > "600 hot dogs", trial s88
        # D, of no year for "how many hot dogs for bonfire this year")
        return set(years(c.heading[-1]))
    return {str(found[1])} if found else set()


def _year_heading(c: Chunk, up_to: int | None = None) -> tuple[int, int] | None:
    """(where among its headings, its year) of the innermost of a passage's headings that opens with a year (up to
    up_to, if given), else None."""
    for at in range(len(c.heading) - 1, -1, -1):
        if (m := _YEAR_HEADING.match(c.heading[at])) and (up_to is None or int(m[1]) <= up_to):
            return at, int(m[1])
    return None


_YEAR_SPAN = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)?\d\d)(?![\w/.-])")


def _title_years(title: str) -> set[str]:
    """The years a note's title names, a span's every year ("Term dates 2026-27": 2026 and 2027, trial s57 MD; "Tax
    2024/2025")."""
    found = years(title)
    for m in _YEAR_SPAN.finditer(title):
        end = int(m[2] if len(m[2]) == 4 else m[1][:2] + m[2])
        if int(m[1]) < end <= int(m[1]) + 10:
            found |= {str(y) for y in range(int(m[1]), end + 1)}
    return found


def _year_match(chunks: list[Chunk], cand: np.ndarray, asked: set[str], passages: Passages | None = None) -> np.ndarray:
    """For each candidate: does its note's date, title, headings, parents or text name a year asked (the question's,
    periods.asked_years, or _first_year's), not only inside another note's title ("Carry over to Hobby goals 2026" of
    "Hobby goals 2025" is of no 2026: trial s62 H, it had come first for "my hobby resolutions page for this year")?"""
    out = _names(chunks, cand, asked, years, by_date=True)
    if passages is None or not out.any():
        return out
    for j in np.flatnonzero(out):
        c = chunks[int(cand[j])]
        if not _dated_in(c, asked) and (c.origin or asked.isdisjoint(years(c.title))):
            said = passages.without_year_titles(_says_of_itself(c, title=False), c.path)
            out[j] = not asked.isdisjoint(years(said))
    return out


def _dated_in(c: Chunk, asked: set[str]) -> bool:
    """Is the passage dated in a year of asked? Not a copy embedded from another note by the day of the note it is
    copied into (trial s62 A: a block of 2024 in the journal of 2026-12-05 had been of 2026)."""
    return bool(c.date) and c.date[:4] in asked and not c.origin


def _says_of_itself(c: Chunk, title: bool = True) -> str:
    """What a passage says of itself for a year or a version asked: its note's title, its headings, parents and text; a
    copy embedded from another note its own parents and text only, not the headings and title of the note it is in."""
    if c.origin:
        return " ".join((*c.parents, c.text))
    return " ".join((*((c.title,) if title else ()), *c.heading, *c.parents, c.text))


# a question of a period longer than this many days that says more than the period asks about those words: a passage
# of the period far from them by meaning (this much below the best candidate's dense score) that says few of them
# (less than this keyword share) is not lifted by its day (trial s56 KB: "how much per month was winter storage at
# Noss last winter?" had put a February journal's insurance quote, dense 27th and no word of it, first by its day, over
# the marina's "storage Nov-Mar: £98/month"; trial s57 LD: "what caused the stretched stars in one corner last
# summer?", an August star party's "3 nights, clear for 2", dense 31st); a day's or a week's passages are all of it,
# whatever they say (a journal is about its day)
DAY_SAID_WORDS = 0.5  # the share of the question's words a passage that says a day asked says, to be of it


_FOR_REASONS = re.compile(r"^\W*why\b|\breasons?\b", re.IGNORECASE)


def _says_the_day(agenda: Agenda, text: str, cand: np.ndarray, own: np.ndarray, ceiling: float,
                  day: np.ndarray, of: list[Chunk] = ()) -> np.ndarray:
    """For each candidate: does its text say a day asked (Agenda.telling), or name the whole month asked (of: the
    candidates' chunks; "agreed he takes a full week off in aug" for "did Tomas take that week off in August?", trial
    s60 UB-019), and DAY_SAID_WORDS of the question's own words (own: their BM25, not related words'), where no passage
    of those days (day) says as many? Not of a question of no words but its days ("what did I do in March?": a month's
    every mention of a day of it, trial s53), nor beside a passage of the day that answers ("re-ordered the death
    cert" of 2 December's log, before a to-do's "done 2 Dec" for "what did I order earlier this week?": trial s55
    JD-022)."""
    none = np.zeros(len(cand), dtype=bool)
    # (of what was, or of days the question names, not for reasons: "reasons colonies die over winter" asks of no days,
    # s58, nor "why plant in mid october"; "which horses need flu jabs next month" of January's, its tracker's "next
    # due: 18/01/27 flu", trial s72 T)
    if ceiling <= 0 or not (looks_back(text) or relative_days(text) and not _FOR_REASONS.search(text)):
        return none
    says = keyword_share(own, ceiling) >= DAY_SAID_WORDS
    if (says & day).any():
        return none
    asked = days(text)
    said = np.isin(cand, agenda.telling(asked))
    if (month := _whole_month(asked)) and len(of):
        named = _names_month(int(month[5:]))
        # (not where the text says another year only: "24 Feb 2026 | ... before perf exams" is no February 2025's,
        # trial s63 K; nor its note's title: "month: Jul | ... heatwave" of "Takings 2025" is no July 2026's, trial
        # s68 I)
        # (nor a passage of that month of another year by its own day: "12 Feb – rained off pm" of a job's diary of
        # February 2026, trial s73 S, first for "whos off in february" of 2027)
        # (nor one under a heading of another year: "## New starters autumn 26" > "Sept: Kath Dunne" for "who were the
        # new starters in sept last year", trial s73 G)
        said |= np.array([_names_month_of(c.text, named, month[:4]) and _of_the_year(c.title, month[:4])
                          and not (c.date and c.date[5:7] == month[5:7] and c.date[:4] != month[:4])
                          and passage_year(c) in (None, month[:4]) and not _written_of_another_year(agenda, c, month)
                          for c in of], dtype=bool)
    return said & says


def _written_of_another_year(agenda: Agenda, c: Chunk, month: str) -> bool:
    """Are the days of the month asked ("YYYY-MM") a passage writes without a year all of another year its note writes
    them with ("due 31 Jan" of "Self assessment 2025-26", whose "Deadline 31 January 2027" says it: trial s74 I, first
    for "what did i pay hmrc last january")?"""
    said = [d for d in days_of_any_year(c.text) if d[:2] == month[5:7]]
    years = {agenda.year_written(c.path, d) for d in said}
    return bool(said) and None not in years and month[:4] not in years


_A_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]|\d)")


_YEAR_AFTER = re.compile(r"\s*,?\s*((?:19|20)\d\d)\b")


def _names_month_of(text: str, named: re.Pattern, year: str) -> bool:
    """Does text name the month (named: _names_month's) of year: with that year after it, or with none after it in a
    text of that year or of no year (_of_the_year)? Not "avg 2025: 11 ppl ... the Feb 2026 planting day" for February
    2025 (trial s66 ORC-026)."""
    for m in named.finditer(text):
        after = _YEAR_AFTER.match(text, m.end())
        if after[1] == year if after else _of_the_year(text, year):
            return True
    return False


def _of_the_year(text: str, year: str) -> bool:
    """Does text say year, or no year at all?"""
    said = _A_YEAR.findall(text)
    return not said or year in said


@lru_cache(maxsize=12)
def _names_month(month: int) -> re.Pattern:
    """A month's name or its abbreviation as a word ("aug", "August"; "May" with its capital only: "may" is a verb)."""
    name = calendar.month_name[month]
    if month == 5:
        return re.compile(r"\bMay\b")
    return re.compile(rf"\b(?:{name}|{name[:3]}{'t?' if month == 9 else ''}\.?)(?!\w)", re.IGNORECASE)


PERIOD_DAYS = 9  # a week, or a school's half term and its weekends (trial s78 O: "what's happening over half term")
DAY_FAR = 0.2
DAY_FEW_WORDS = 0.25
DAY_FAR_NO_WORDS = 0.1  # ... and this far below for one that says none of the question's words


def _off_the_period(text: str, dense: np.ndarray, kw: np.ndarray, ceiling: float, paths: list[str],
                    day: np.ndarray, of: list[Chunk] | None = None, words: dict[str, float] | None = None,
                    own: np.ndarray | None = None) -> np.ndarray:
    """For each candidate (its dense score, keyword share, note, whether it is of the days asked): is it a passage no
    day of a long period asked can lift (PERIOD_DAYS, DAY_FAR, DAY_FEW_WORDS)? Not where another passage of its note
    of those days is near the question: that day's entry is about it ("decision: cutting Zadok", dense 180th, beside
    "Sure on This Shining Night also dropped" for "which piece did we drop at the start of March?", trial s57 LB).
    A passage that says only the words that name the period (of: the candidates' chunks; words: the question's indexed
    words) is near by none ("rape drilling plan this autumn": trial s81 A, a seed order's rows under "Seed Order Autumn
    2027" and a school's "Autumn term starts" had come before the plan, 9th)."""
    # (none for a question of what the period holds and nothing else: "what happened over christmas", trials s84 E, F,
    # K, had shown the one line that says "Christmas", the diary's days off of none of its words held back)
    if ceiling <= 0 or not len(dense) or asks_only_the_day(text):
        return np.zeros(len(dense), dtype=bool)
    if len(days(text)) <= PERIOD_DAYS:
        return _off_the_day(text, dense, kw if own is None else own, paths, day, of, words)
    none = kw <= 0  # (says none of its words, the period's neither)
    if of is not None and words:
        kw = kw * _says_besides_the_period(text, of, words)
    # a question for what was done then, and none of the period near it: they are what it holds ("what did I do to the
    # hives in March?", a day of floors swapped on hives named: trial s58 OD-024; not "how much was winter storage
    # last winter?", whose period's passages of none of its words had come first, s56 KB-014)
    done = asks_what_was_done(text) or asks_what_is_on(text)
    # (... and one of none of its words a tenth below the best: "Wed 7 July 2027, 12.30" of a practice meeting, dense
    # 0.26, had come first for "what was the energy bill in july" over the money page's Octopus row, 0.45, trial s81 J;
    # not for what was done or is on then, "what did i do in july 2026" every journal of it, the review)
    off = (kw < DAY_FEW_WORDS) & (dense < dense.max() - DAY_FAR) \
        | none & (dense < dense.max() - DAY_FAR_NO_WORDS) & (not done)
    if done and not (day & ~off).any():
        return np.zeros(len(dense), dtype=bool)
    # (near by a word of the question too, unless it asks what was done then: a panto's page dated by its first night
    # in January, none of whose passages says "subs", had filled "what are subs going up to in jan" by one passage's
    # meaning, trial s70 G; "what did i do with the sixth formers last march" finds a journal's "Y12" by it)
    near = _of_near_notes(paths, off, day, [done or k > 0 for k in kw.tolist()])
    # (a table's row by its own words: "Marek off 24–26 Dec" near "why is marek not working over christmas" makes no
    # row of the rota under it near, trial s82 D, its ten rows first; a day's entry is about what its note's near one is)
    rows = np.array([of is not None and of[j].kind == "table_row" and not done for j in range(len(paths))], dtype=bool)
    return off & ~(near & ~rows)


def _of_near_notes(paths: list[str], off: np.ndarray, day: np.ndarray, says: list[bool]) -> np.ndarray:
    """For each candidate: has its note another passage of the days asked (day) that no rule put off (off) and that
    says a word of the question (says)? Its day's entry is then about the question."""
    near = {p for p, o, d, s in zip(paths, off.tolist(), day.tolist(), says) if d and not o and s}
    return np.array([p in near for p in paths], dtype=bool)


DAY_ASKED_WORDS = 2  # a question of a day or a week this many words besides it asks a thing of it, not what it holds
_HOLIDAY_NAMED = re.compile(r"\b" + HOLIDAY_WORDS, re.IGNORECASE)


def _off_the_day(text: str, dense: np.ndarray, own: np.ndarray, paths: list[str], day: np.ndarray,
                 of: list[Chunk] | None, words: dict[str, float] | None) -> np.ndarray:
    """For each candidate, for a question of a day or a week at most that asks a thing of it in DAY_ASKED_WORDS words
    or more (not what it holds, is on or was done, nor what is due): is it a passage of none of its words a tenth
    below the best (DAY_FAR_NO_WORDS) that no day asked lifts? ("why does kwame want to finish early on the 24th":
    trial s82 C, five lines of 24 December of none of its words, "Fri 24 Dec - thank you post", had come before the
    meeting's "Kwame: wants the 24th finished by 9 ...", dense and keyword first, 7th.) Not where a passage of its note
    of those days says a word of it, as _off_the_period."""
    none = np.zeros(len(dense), dtype=bool)
    if of is None or not words or asks_what_was_done(text) or asks_what_is_on(text) or asks_only_the_day(text) \
            or asks_due(text) or asks_to_do(text) or asks_next(text):
        return none
    # (a day gone is what its passages were written on: "pricing recap email on 2026-11-24" is that day's first, the
    # closer match of the 25th after it; a day to come is the thing's, written of on other days)
    today = clock.today().isoformat()
    if not any(len(d) < 10 or d >= today for d in days(text)):
        return none
    period = set(tokenize(text)) - set(tokenize(without_days(text)))
    # (a holiday named asks of a thing of it in a word: "christmas day price", "what am i getting mum for xmas", trials
    # s82 J, N: the day's bin collection and library closure had come first)
    least = 1 if _HOLIDAY_NAMED.search(text) else DAY_ASKED_WORDS
    if len([w for w in words if w not in period]) < least:
        return none
    # (of none of its words but the period's: "Christmas: no collection Sat 25 – Tue 28" for "christmas day price")
    none = (own <= 0) | (_says_besides_the_period(text, of, words) <= 0)
    off = none & (dense < dense.max() - DAY_FAR_NO_WORDS) & day
    return off & ~_of_near_notes(paths, off, day, (~none).tolist())


def _says_besides_the_period(text: str, of: list[Chunk], words: dict[str, float]) -> np.ndarray:
    """For each candidate (of: their chunks): 1.0 where its title, headings or text say a word of the question (words:
    its indexed words) besides those that name the period it asks of ("autumn" of "this autumn"), or it names none;
    else 0.0."""
    period = set(tokenize(text)) - set(tokenize(without_days(text)))
    others = frozenset(w for w in words if w not in period)
    if not period or not others or period.isdisjoint(words):
        return np.ones(len(of), dtype=np.float32)
    return np.array([bool(others & _words_of(" ".join((c.title, *c.heading, *c.parents[-1:], c.text)))) for c in of],
                    dtype=np.float32)


def _far_task_days(text: str, of: list[Chunk], task_day: list[bool], dense: np.ndarray, kw: np.ndarray) -> np.ndarray:
    """For each candidate: is it a task of the day asked by its own day only, far from the question by meaning
    (DAY_FAR below the best) and saying few of its words (DAY_FEW_WORDS), for a question of days gone that asks for no
    tasks nor what was done? Not lifted by that day ("how long did I spend training on tuesday?": "☐ send Nov invoices
    📅 2026-12-01", dense 36th, had come first; trial s60 VD-021). (Not a field's day, "released: 2026-11-30" of an
    episode for "which episode went out this Monday?", nor a day to come, whatever the tense: the rescore.)"""
    asked = days(text)
    if asks_for_tasks(text) or looks_ahead(text) or asks_what_was_done(text) or not asked \
            or max(asked) >= clock.today().isoformat():
        return np.zeros(len(task_day), dtype=bool)
    tasks = np.array([t and task_state(c.text) is not None for t, c in zip(task_day, of)], dtype=bool)
    return tasks & (kw < DAY_FEW_WORDS) & (dense < dense.max() - DAY_FAR)


_ASKS_NOW = re.compile(r"\b(?:right\s+now|currently|at\s+the\s+moment|atm|at\s+present|these\s+days|"
                       # ... "now we have the alarm", "now that she's left" (trial s68 B CHW-019)
                       r"now\s+(?:that\s+)?(?:i|we|they|he|she|it)\b|"
                       r"(?:is|are|'s|’s)\b[^?.!\n]{1,60}?\bnow)\b"
                       # ... or a thing asked for as it is now: "invig hourly rate now", "current rate" (trial s65 N)
                       r"|\bnow\s*[?.!]*\s*$|^\s*(?:what(?:'s|’s|s|\s+is)\s+(?:the\s+|our\s+|my\s+)?)?current\b"
                       r"|\b(?:on|in|under)\s+(?:the\s+|our\s+|my\s+)?current\b",
                       re.IGNORECASE)
# a line that says it no longer holds: "old: 2021-2024 licence fee was £2,400/yr" (trial s65 G: first for "how much is
# the council beach licence per year"), after the others unless the question asks of what was
_ASKS_PAST = re.compile(r"\b(?:was|were|did|used\s+to|old|older|previous(?:ly)?|before|formerly|ago|history|last|"
                        r"(?:19|20)\d\d)\b", re.IGNORECASE)
_HELD_ONCE = re.compile(r"\s*(?:\(?(?:old|previous(?:ly)?|formerly|was|prev)\)?\s*[:\-–—]|\((?:old|previous)\)"
                        # ... or an old thing that was: "old contract (2023-24) was 9.4p/kWh" (trial s65 Q, first for "gas
                        # unit rate on current contract")
                        r"|old\s+(?:[\w-]+\s+){1,3}?(?:\([^()]{1,20}\)\s+)?(?:was|were)\b)", re.IGNORECASE)
_SECTION_NOW = frozenset("current currently now active ongoing live present open".split())
_SECTION_GONE = frozenset("old previous former superseded outdated".split())  # (what a value held once: not "done")
# ... alone, or before its year, an aside or a word of what values it holds ("## Old (2028)", "### Old prices"; not "Old
# Trafford tour", "Previous owners": the review)
_GONE_REST = re.compile(r"\s*(?:$|\(|(?:19|20)\d\d\b|(?:prices?|rates?|fees?|charges?|costs?|values?|figures|numbers|"
                        r"terms|pricing|version|list|details)\b)", re.IGNORECASE)


def _under_gone_section(c: Chunk) -> bool:
    """Is a passage under a section of what a value replaced: its innermost heading or parent that opens with a word of
    _SECTION_GONE, then nothing, an aside, a year or a word of values (_GONE_REST)?"""
    return any(_heads_gone(part) for part in [*c.heading, *c.parents])


def _heads_gone(part: str) -> bool:
    """Does a heading or parent head a section of what a value replaced (_under_gone_section)?"""
    m = _WORD.match(part.strip().casefold())
    # (... or "last year", "last season": "## Last year (2028)" > "600 hot dogs, £3 each", first for "how many hot dogs
    # for bonfire this year" over "## This year plan" > "750 hot dogs": trial s88 D; whatever follows, "Last year –
    # what we did", "Last year: 2028", "Last year's supper": the review)
    return bool(m and m[0] in _SECTION_GONE and _GONE_REST.match(part.strip()[m.end():])) \
        or _SECTION_LAST.match(part.strip()) is not None


_SECTION_LAST = re.compile(r"(?:last|previous)\s+(?:year|season|term|time)(?:'s|’s)?(?![\w-])", re.IGNORECASE)
_SECTION_ONCE = frozenset("past previous former old history archive archived recovered resolved closed done "
                          "completed finished ended expired retired superseded outdated".split())


def _now_sections(of: list[Chunk], text: str, passages: Passages, fused: np.ndarray | None = None) -> np.ndarray:
    """For each candidate, asked what holds now (_ASKS_NOW): 1 under a section of what holds now, its heading's or
    parent's first word one (_SECTION_NOW: "## Current", "Active members"), or the newest of a table's dated rows
    (_newest_rows), or of the best passages of dated notes (_newest_dated, by fused); -1 under one of what held once
    (_SECTION_ONCE: "## Recovered", "Past members"), an older row or dated passage, or a line that says it held once
    ("old: ...", _HELD_ONCE); else 0 (NOW_SECTION). Asked nothing of the past, such a line -1 too."""
    out = np.zeros(len(of), dtype=np.int64)
    if _ASKS_NOW.search(text) is None:
        if _ASKS_PAST.search(text) is None:
            # (... or under a section of what it replaced, "## Old (2028)" > "Adults £8", first for "adult match fee"
            # over "## 2029 match fees" > "Adults £10": trial s87 D, K's "### Old" day rate)
            out[[j for j, c in enumerate(of) if _HELD_ONCE.match(c.text) or _under_gone_section(c)]] = -1
        # ... and asked of "the new" one, its sections' headings alone, where a section headed so is among them ("how
        # much did the new boiler cost": "## New one" over "## Old boiler history", trial s77 P; not "## Old boiler
        # (Baxi, 2009)" alone, whose story of its replacement is the answer, trial s76 X in the s77 rescore)
        if _ASKS_NEW.search(text):
            new = [_section_now(c, _SECTION_NEW) for c in of]
            if 1 in new:
                out = np.array([n or o for n, o in zip(new, out.tolist())], dtype=np.int64)
        return out
    # (a table's rows by their days, the best dated passages by theirs: both, another note's table among the
    # candidates had hidden the passages', trial s80 T-10)
    newest = {**(_newest_dated(of, fused) if fused is not None else {}), **_newest_rows(of)}
    by_year = _year_sections(of)
    for j, c in enumerate(of):
        if _HELD_ONCE.match(c.text):
            out[j] = -1
            continue
        if (edition := _edition_now(c, passages)) != 0:
            out[j] = edition
            continue
        if j in newest:
            out[j] = newest[j]
            continue
        if j in by_year:
            out[j] = by_year[j]
            continue
        out[j] = _section_now(c)
    return out


def _section_now(c: Chunk, now: frozenset[str] | None = None) -> int:
    """1 under a section of what holds now (its innermost heading or parent of four words or fewer that opens with
    one of now, _SECTION_NOW's), -1 under one of what held once (_SECTION_ONCE), else 0."""
    now = now or _SECTION_NOW
    for part in reversed([*c.heading, *c.parents]):
        first = _WORD.findall(part.casefold())[:1]
        if first and (first[0] in now or first[0] in _SECTION_ONCE) and len(part.split()) <= 4:
            return 1 if first[0] in now else -1
    return 0


_ASKS_NEW = re.compile(r"\b(?:the|our|my)\s+new\b(?!\s+(?:year|years|one\s+of)\b)", re.IGNORECASE)
_SECTION_NEW = _SECTION_NOW | {"new"}


# (not "at most", "at least", bounds; nor "the most recent", the latest)
_MOST = re.compile(r"\b(?:(?<!\bat\s)most(?!\s+recent)|highest|biggest|largest|greatest|max(?:imum)?|dearest|priciest|"
                   r"longest)\b", re.IGNORECASE)
_LEAST = re.compile(r"\b(?:cheapest|lowest|(?<!\bat\s)least|smallest|fewest|min(?:imum)?|shortest)\b", re.IGNORECASE)
_OF_MONEY = re.compile(r"\b(?:cheap\w*|dear\w*|pric\w*|money|cost\w*|paid|raised|made|spent|quotes?|fees?|"
                       r"earn\w*|profit\w*|takings|income)\b", re.IGNORECASE)
# ... of an item asked for: "which ...", "what ...", "who ...", or opening with it and a thing, "highest rated board
# games i own"; not "why didnt we go with the cheapest roofer", a reason, nor "cheapest i'm willing to sell a bottle",
# a bound (the rescore: both had lost their answer's place)
_ASKS_WHICH_ITEM = re.compile(r"^(?!\s*(?:why|how)\b)(?:.*\b(?:which|what|who)\b|\s*(?:the\s+)?(?:most|highest|biggest|"
                              r"largest|greatest|dearest|priciest|longest|cheapest|lowest|least|smallest|fewest|shortest)"
                              r"\s+(?!(?:i|i'm|im|we|you|it|is|are|can|do|did)\b)[a-z])", re.IGNORECASE | re.DOTALL)
_SUM = re.compile(r"[£€$]\s?(\d[\d,]*(?:\.\d+)?)\s?(k\b)?", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def _extremes(of: list[Chunk], text: str) -> np.ndarray:
    """For each candidate: is it the item of its list or table (its note's items under one heading and parent) that
    holds the most or the least the question asks for (_MOST, _LEAST): of money (_OF_MONEY), its first sum; else, of a
    table's rows, the number in the column whose header says a word of the question? Only where two items or more
    of the group hold one, and they differ."""
    out = np.zeros(len(of), dtype=bool)
    most, least = _MOST.search(text) is not None, _LEAST.search(text) is not None
    if most == least or not _ASKS_WHICH_ITEM.search(text):
        return out  # (neither, or both: "most and least"; or no item asked for)
    money = _OF_MONEY.search(text) is not None
    asked = set(tokenize(text))
    groups: dict[tuple, list[tuple[float, int]]] = {}
    for j, c in enumerate(of):
        if c.kind not in ("bullet", "table_row") or c.origin:
            continue
        value = _item_value(c, money, asked)
        if value is not None:
            groups.setdefault((c.path, tuple(c.heading), c.parent, c.kind), []).append((value, j))
    for items in groups.values():
        values = {v for v, _ in items}
        if len(items) >= 2 and len(values) >= 2:
            best = max(values) if most else min(values)
            out[[j for v, j in items if v == best]] = True
    return out


def _item_value(c: Chunk, money: bool, asked: set[str]) -> float | None:
    """The value a superlative compares an item by (_extremes): its first sum of money, asked of money; else a table
    row's number in a column whose header says a word of the question; None."""
    if money:
        m = _SUM.search(c.text)
        return float(m[1].replace(",", "")) * (1000 if m[2] else 1) if m else None
    if c.kind != "table_row":
        return None
    for column, value in row_cells(c.text):
        if column and asked & _words_of(column) and (n := _NUMBER.search(value)) is not None:
            return float(n[0].replace(",", ""))
    return None


_ARCHIVE_TAGS = frozenset("archive archived old superseded outdated".split())


def _edition_now(c: Chunk, passages: Passages) -> int:
    """Asked what holds now: -1 for a passage of a note tagged archived or of an older year than a note of its name
    (Passages.superseded), 1 for one of the latest such note (Passages.latest_edition), else 0 (trial s66 LIV-001: the
    2024 price list, "tags:: archive", had been first for "how much is full livery a week now", the 2026 one second).
    Asked nothing of now, a note's year is _other_year's: a conference's "re:Invent 2022" is no old version of 2024's
    (the s66 held-out ho-012), an archived pupil's page what "who got taken off the sen register" asks (s64 SEN-038)."""
    if _ARCHIVE_TAGS.intersection(t.casefold() for t in c.tags) or passages.superseded(c.title):
        return -1
    return 1 if passages.latest_edition(c.title) else 0


NOW_NEAR = 0.9  # of the best's fused score: the passages of dated notes asked of now that say much the same thing


def _newest_dated(of: list[Chunk], fused: np.ndarray) -> dict[int, int]:
    """Of the best candidates (NOW_NEAR of the best's fused score or more, RECENT_AMONG at most) that are of dated notes
    of days gone, where they are of two days or more: 1 for those of the newest day, -1 for the others, asked what holds
    now ("who is on the committee now after agm": the AGM minutes of November, not September's "standing down ...",
    trial s68 M ALT-014)."""
    if not len(fused):
        return {}
    today = clock.today().isoformat()
    floor = NOW_NEAR * float(fused.max())
    best = [int(j) for j in np.argsort(-fused, kind="stable")[:RECENT_AMONG] if fused[j] >= floor]
    # (not a draft's: "Pricing 2027 (draft)" of November is no price now, the s80 rescore, s73 X-39)
    dated = {j: of[j].date[:10] for j in best if of[j].date and not of[j].origin and of[j].date[:10] <= today
             and not _DRAFT.search(" ".join((of[j].title, *of[j].heading)))}
    if len(set(dated.values())) < 2:
        return _dated_says_now(of, fused, today) if len(dated) < len(best) else {}
    newest = max(dated.values())
    return {j: 1 if day == newest else -1 for j, day in dated.items()}


_DRAFT = re.compile(r"\b(?:draft|proposed|provisional)\b", re.IGNORECASE)


def _dated_says_now(of: list[Chunk], fused: np.ndarray, today: str) -> dict[int, int]:
    """Of the best candidates (SAYS_NOW_NEAR of the best's fused score or more), 1 for the one of a day gone that says
    what holds now, beside passages of no day ("Rang Inkwell: 20 x A3 — Maggie says £25 now (was £24)" of 14 April,
    trial s80 T-10: second under the supplier's "A3 posters | £24.00" row), where there is one such; else none."""
    floor = SAYS_NOW_NEAR * float(fused.max())
    says = [int(j) for j in np.argsort(-fused, kind="stable")[:RECENT_AMONG] if fused[j] >= floor
            and of[j].date and not of[j].origin and of[j].date[:10] <= today and _SAYS_NOW.search(of[j].text)]
    return {says[0]: 1} if len(says) == 1 else {}


SAYS_NOW_NEAR = 0.85  # of the best's fused score: a dated passage that says what holds now, to be the newest
_SAYS_NOW = re.compile(r"\bnow\b(?!\s+(?:and\s+then|on)\b)|\((?:was|up\s+from|down\s+from)\b", re.IGNORECASE)


# (not "## 1990s", "## 2000m repeats", "## 2027-28": the review)
_YEAR_HEADING = re.compile(r"\s*((?:19|20)\d\d)(?![\w/.-])")  # "## 2026 (from 1 March 2026)", "## 2025"


_HEADING_EDITION = re.compile(r"\s*([^\W\d][^\d\n]*?)\s+((?:19|20)\d\d)(?:\s*[-–/]\s*(?:19|20)?\d\d)?(?![\w/.-])")


def _heading_edition(c: Chunk, up_to: int) -> tuple[int, str, int] | None:
    """(where among its headings, the name, its year) of the innermost of a passage's headings that names a thing's
    edition of a year up to up_to ("Fees 2027-28 (from Sept 27)": "fees", 2027), else None."""
    for at in range(len(c.heading) - 1, -1, -1):
        if (m := _HEADING_EDITION.match(c.heading[at])) and int(m[2]) <= up_to:
            return at, " ".join(m[1].casefold().split()), int(m[2])
    return None


def _year_sections(of: list[Chunk]) -> dict[int, int]:
    """Of the candidates of no day under sections of a note headed by their year ("## 2025", "## 2026 (from 1 March)"),
    1 for those of the newest year up to this one and -1 for the older: asked what holds now, the newest first (trial
    s76 K: "how much is a medium box now" had shown 2025's "medium £17" first, 2027's "medium £19" third); asked no
    year, the older superseded (_other_year)."""
    sections: dict[tuple, list[tuple[int, int]]] = {}
    this_year = clock.today().year
    for j, c in enumerate(of):
        if not (c.date or c.origin) and (found := _year_heading(c, this_year)):
            at, year = found
            sections.setdefault((c.path, tuple(c.heading[:at])), []).append((j, year))
        # ... or by a name and its year ("## Fees 2027-28 (from Sept 27)" beside "## Fees 2026-27": trial s77 W, "how
        # much is an hour class per term now" had shown 2026-27's £98 first)
        elif not (c.date or c.origin) and (named := _heading_edition(c, this_year)):
            at, name, year = named
            sections.setdefault((c.path, tuple(c.heading[:at]), name), []).append((j, year))
    return _newest_of_each(sections.values())


def _newest_of_each(groups: Iterable[list[tuple[int, object]]]) -> dict[int, int]:
    """Of groups of (a candidate's place, what orders it: a year, a day), each group of two values or more: 1 for its
    newest, -1 for the older."""
    out: dict[int, int] = {}
    for found in groups:
        if len({key for _, key in found}) > 1:
            latest = max(key for _, key in found)
            out.update({j: 1 if key == latest else -1 for j, key in found})
    return out


def _newest_rows(of: list[Chunk]) -> dict[int, int]:
    """Of the candidates that are dated rows of one table (a note's rows under one heading), 1 for the newest and -1
    for the older, asked what holds now ("from: Apr 2026 | rate/hr: £13.10" over "from: Apr 2025 | £12.60" for "invig
    hourly rate now": trial s65 N had shown the older first)."""
    tables: dict[tuple, list[tuple[int, str]]] = {}
    for j, c in enumerate(of):
        if c.kind == "table_row" and c.date and not c.origin:
            tables.setdefault((c.path, tuple(c.heading)), []).append((j, c.date[:10]))
    return {**_newest_year_rows(of), **_newest_of_each(tables.values())}


_YEAR_CELL = re.compile(r"((?:19|20)\d\d)(?:\s*[-–/]\s*(?:19|20)?\d\d)?")  # "2027–28", "2027/28", "2027"


def _newest_year_rows(of: list[Chunk]) -> dict[int, int]:
    """Of the candidates that are rows of one table whose first cell is a year or a year's span ("Year: 2027–28 |
    Hourly rate: £21.40"), 1 for the newest begun by this year and -1 for the older: asked what holds now, this year's
    (trial s77 U: "hourly pay for seminars now" had shown 2026–27's £20.65 first)."""
    tables: dict[tuple, list[tuple[int, int]]] = {}
    this_year = clock.today().year
    for j, c in enumerate(of):
        if c.kind == "table_row" and not c.origin and (m := _YEAR_CELL.fullmatch(row_cells(c.text)[0][1].strip())) \
                and int(m[1]) <= this_year:
            tables.setdefault((c.path, tuple(c.heading)), []).append((j, int(m[1])))
    return _newest_of_each(tables.values())


def _opens_with_day(of: list[Chunk], day: np.ndarray, text: str) -> np.ndarray:
    """For each candidate of the days asked (day; a week at most, today or to come): is it that day's own, a task set for
    it or a line that opens with it (DAY_OPENS_CHARS; "Mon: Tom off" under "## Next week"), where its note is of none of
    them (DAY_OPENS_BONUS)?"""
    out = np.zeros(len(of), dtype=bool)
    asked = _days_soon(day, text)
    if asked is None:
        return out  # (of days gone, their journal is their own: a plan's line for them is no better)
    of_year = {d[-5:] for d in asked}  # (a passage of the days is of them already: its day's month and number say it)
    for j in np.flatnonzero(day).tolist():
        c = of[j]
        own = (c.date or "")[:10]
        first = _first_line_opening(c)
        if own in asked or own[5:] in asked:
            # (dated by the weekday it opens with: "Tue: Pickle recheck" under "## Next week", the chunker's day)
            m = _OPENING_WEEKDAY.match(first)
            out[j] = m is not None and weekday_number(m[1]) == _dt.date.fromisoformat(own).weekday()
            continue
        opening = replace(c, text=first)
        said = {d[-5:] for d in days_told(opening) - {own}} if own else days_of_any_year(opening.text)
        out[j] = bool((said | {d[-5:] for d in task_days(c.text)}) & of_year)
    return out


def _opens_with_other_day(of: list[Chunk], day: np.ndarray, text: str) -> np.ndarray:
    """For each candidate of the days asked by its note's day (day; a week at most, today or to come): does its first
    line open with another day, none of them asked (today's journal's "Plan for July" > "Sat 3 Jul - shop" is no
    answer to "what's on today": trial s76 AC)? Not of the days asked then."""
    out = np.zeros(len(of), dtype=bool)
    asked = _days_soon(day, text)
    if asked is None:
        return out
    for j in np.flatnonzero(day).tolist():
        c = of[j]
        own = (c.date or "")[:10]
        if not own or own not in asked or task_days(c.text):
            continue
        said = days_told(replace(c, text=_first_line_opening(c))) - {own}
        out[j] = bool(said) and not said & asked
    return out


_A_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _of_another_year_told(of: list[Chunk], day: np.ndarray, text: str) -> np.ndarray:
    """For each candidate of the days asked by its note's day alone (Chunk.note_day): does it say other days with their
    year, none of them asked ("Last year it was Sat 12 Dec 2026 and freezing." of the carols' note of Sat 11 Dec 2027,
    trial s82 F: 2nd for "whats on this saturday")? Not of the days asked then."""
    out = np.zeros(len(of), dtype=bool)
    asked = days(text)
    for j in np.flatnonzero(day).tolist():
        c = of[j]
        if not c.note_day or not _A_YEAR_WRITTEN.search(c.text):
            continue
        told = {d for d in days_said(c.text, "") if len(d) == 10}  # (as written: not its own day unless it says it)
        # (... nor one that writes a day asked without its year: "Carols Sat 11 Dec, same as on Sat 12 Dec 2026", the
        # review)
        out[j] = bool(told) and not told & asked and not days_written(c.text, c.date or "") & asked
    return out


def _days_soon(day: np.ndarray, text: str) -> set[str] | None:
    """The days a question asks, where some candidate is of them (day) and they are a week at most, today or to come
    (none gone); else None."""
    if not day.any() or len(asked := days(text)) > PERIOD_DAYS \
            or any(len(d) == 10 and d < clock.today().isoformat() for d in asked):
        return None
    return asked


def _first_line_opening(c: Chunk) -> str:
    """A passage's first line, its task mark left out, as far as a day it opens with is written (DAY_OPENS_CHARS)."""
    return without_task_mark(c.text.split("\n", 1)[0].lstrip())[:DAY_OPENS_CHARS]


# a weekday a question names as such: "saturdays", "wednesday afternoons", "thurs"; "sat" and "sun" only in full
_ASKED_WEEKDAY = re.compile(r"\b(?:(mon)(?:days?)?|(tue)(?:s|sdays?)?|(wed)(?:s|nesdays?)?|(thu)(?:rs?|rsdays?)?|"
                            r"(fri)(?:days?)?|(sat)urdays?|(sun)days?)\b", re.IGNORECASE)
# ... and one a line opens with, after a label of a table's first cell ("Day: Wed | ..."): not a day's ("Sat 12 Dec")
# (a weekday's name, plural too: "Tuesdays: choir"; not a word that begins like one, "Sundries: £12")
_OPENING_WEEKDAY = re.compile(r"\s*(?:[^\W\d][\w ]{0,15}:\s*)?(" + ANY_WEEKDAY + r")s?\.?(?![\w.])(?!\s*\d)",
                              re.IGNORECASE)


def _every_weekday(agenda: Agenda, text: str) -> np.ndarray:
    """The rows of the lines of no day that open with the one weekday a question of that one day names, of every such
    weekday: "Sat 09:15, small pool" for "what time is alfie's swimming on saturday" (trial s74 M: the coming
    Saturday's other passages had come first; WEEKLY_BONUS); not of what was done then."""
    if len(days(text)) != 1 or looks_back(text) or len(named := _weekdays_asked(text)) != 1:
        return np.zeros(0, dtype=np.int64)
    return agenda.of_weekday(named.pop())


def _weekdays_asked(text: str) -> set[int]:
    """The weekdays (Monday 0) a question names as such (_ASKED_WEEKDAY)."""
    return {weekday_number(next(g for g in m.groups() if g)) for m in _ASKED_WEEKDAY.finditer(text)}


def _opens_with_weekday(of: list[Chunk], text: str) -> np.ndarray:
    """For each candidate, for a question that names one weekday and no day (days()): does its first line open with
    that weekday (DAY_OPENS_BONUS)?"""
    out = np.zeros(len(of), dtype=bool)
    named = _weekdays_asked(text)
    if len(named) != 1 or days(text):
        return out
    for j, c in enumerate(of):
        m = _OPENING_WEEKDAY.match(without_task_mark(c.text.split("\n", 1)[0]))
        out[j] = m is not None and weekday_number(m[1]) in named
    return out


_NOT_THIS = re.compile(r"\bnot\s+(?:no\.?\s*)?(\d+\w?(?:\s+[^\W\d_]+){1,2})", re.IGNORECASE)  # "NOT 3 Mill Lane"


def _not_the_one_asked(of: list[Chunk], asked: frozenset[str]) -> np.ndarray:
    """For each candidate: does its text say "not" before a number and a name the question says, all of them ("NOT 3
    Mill Lane" for "what was wrong at 3 mill lane"): the numbered thing asked is not what it is of (NOT_THIS_PENALTY)?"""
    out = np.zeros(len(of), dtype=bool)
    if not any(w[:1].isdigit() for w in asked):
        return out
    for j, c in enumerate(of):
        for m in _NOT_THIS.finditer(c.text) if "ot " in c.text or "OT " in c.text else ():
            if set(tokenize(m[1])) <= asked:
                out[j] = True
                break
    return out


def _of_task_day(of: list[Chunk], day: np.ndarray, text: str) -> list[bool]:
    """For each candidate: is it of the day asked by a task's day only, not its note's (a task scheduled in the
    journal of 20 November for 15 December: shown alone, not with its note's day's list; snippets)?"""
    if not day.any():
        return [False] * len(of)
    asked = days(text)
    return [bool(d) and not (c.date and (c.date[:10] in asked or c.date[5:10] in asked))
            for c, d in zip(of, day.tolist())]


# days to come asked of, this many at most, whose passages that say one of them are of them: a week, or a school's half
# term and its weekends (trial s78 O: "what's happening over half term" had left out "due Fri 4 June 2027", "timekeeper
# Sat 5 June 2027" of notes of no day)
TELLING_DAYS = PERIOD_DAYS


def _of_day(agenda: Agenda, text: str) -> np.ndarray:
    """The rows of the passages of the days the question names (periods.days: with or without a year):
    its note is dated that day or it is a task set for it, and for a question that looks a day or a week ahead
    ("anything planned for december 14th?") or of days nothing is dated, a passage that says the day (Agenda.telling;
    trial s53); for
    "what's overdue?", the open tasks set for a day before today."""
    asked = days(text)
    # what is due then, if any (asked what is to be done by then too: "what have i got to get done by friday", trial
    # s74 AC, had missed "☐ send Chadwick final measurements ... by Fri 8th")
    due = agenda.due_on(asked) if asks_due(text) or asks_to_do(text) else np.zeros(0, dtype=np.int64)
    rows = due if len(due) else agenda.of_days(asked)
    if not len(due) and asks_due(text):  # (nothing due then: not what is written then but due another day, trial s76 M)
        rows = np.setdiff1d(rows, agenda.due_other_days(asked))
    # (a day or a week ahead: "anything planned for december 14th"; not a month's every mention of a day of it, trial
    # s53's "whos making the quiz in december" had gone to two lines of a December day)
    # (... or one that asks when: "when is Jake off in January?" is answered by "Jake - wants 4-15 Jan 2027", trial s55)
    # (... or days after today, whatever the tense: "what hearing have I got next Tuesday?", trial s57 LA)
    today = clock.today().isoformat()
    ahead = looks_ahead(text) or not looks_back(text) and bool(asked) and all(len(d) == 10 for d in asked) \
        and min(asked) > today
    # (... or a month to come asked of what is coming: "whats coming up in january", the to-do's "Standards check 14
    # Jan", trial s63 DRV-013)
    to_come = looks_ahead(text) and _whole_month(asked) is not None and min(asked) > today
    # (... or this month, of its days to come: "school stuff this month", a school note's "Thu 27 Sep: Tomos class
    # assembly" of no year written, trial s88 C, out of ten under the diary's lines of September)
    this_month = _whole_month(asked) == today[:7] and not looks_back(text) and not _ASKS_DONE.search(text)
    # (... or of no tense, a month of days to come, the last year's too: "respite week in july" in May, its note's
    # "away Sat 20 – Sat 27 July" had been "Not dated ... in July", trial s91 X; not asked who, a person's line about
    # it, "whos making the quiz in december", trial s53)
    ahead_month = {d for d in asked if len(d) == 10 and d > today} \
        if not len(due) and not looks_back(text) and not to_come and not this_month and not asks_time(text) \
        and not _WHO_ASKED.search(text) and _whole_months(asked) and _MONTH_NAMED.search(text) else set()
    if ahead_month and _whole_months(ahead_month):
        rows = np.union1d(rows, agenda.telling(ahead_month))
    if not len(due) and (ahead and len(asked) <= TELLING_DAYS or to_come or not len(rows) or asks_time(text)):
        rows = np.union1d(rows, agenda.telling(asked))
    elif not len(due) and this_month:
        rows = np.union1d(rows, agenda.telling({d for d in asked if d >= today}))
    elif not len(due) and not looks_back(text) and not _whole_months(asked) \
            and 1 < len(coming := {d for d in asked if len(d) == 10 and d > today}) <= TELLING_DAYS:
        # (... or, of days some gone and some to come, a passage that says one to come: "teenager sessions over feb
        # half term", last year's and this year's, had "(Mon 12 - Fri 16 Feb 2029)" of an event page out of its days,
        # under a Valentine's line dated the 14th: trial s86 D; not a month's, above, nor a day's: "christmas on call
        # rota", last Christmas's and this one's, had had every line saying 25 December over the rota's opening, the
        # rescore: s82 D-23)
        rows = np.union1d(rows, agenda.telling(coming))
    # "dont ring priya in feb": a passage of no day about February is of it too (trial s55); not for "when ...?", which
    # a day answers
    if not looks_back(text) and not asks_time(text):
        for month in _whole_months(asked):  # (each of two or three: "how much coffee do we get in jan and feb", trial
            rows = np.union1d(rows, agenda.naming_month(month))  # s75 AA, "Jan/Feb: drop to 5kg" not in ten)
        # ... and one of no day that names the season asked: "## Winter 2026/27 plan" (trial s66 A LIV-019)
        rows = np.union1d(rows, agenda.naming_season(asked))
    elif not asks_time(text):  # ... of a month gone, one a month labels: "Paid in September: gas £2,380" (trial s85 J)
        for month in _whole_months(asked):
            rows = np.union1d(rows, agenda.labelling_month(month))
        # ... and, of more than a week gone, one that says a thing was done on one of its days: "£500 paid 4/1/30"
        # (trial s90 Q); not for a day or a week, whose own notes tell it ("delivered Fri 3 Dec" of a note of no day had
        # come over the diary's Friday for "what did i do last friday")
        if len(asked) > WEEK_ASKED:
            rows = np.union1d(rows, agenda.done_then(asked))
    return np.union1d(rows, agenda.overdue()) if asks_overdue(text) else rows


_PERCENT = re.compile(r"\d\s*%|\d\s*per\s*cent\b", re.IGNORECASE)
_INTEREST = re.compile(r"\binterest\b(?!s)", re.IGNORECASE)  # money's, not a person's ("his interests")


# a question of what was done ("what have we paid out this month", "what did we spend"): not of days to come (the
# review: "Car insurance renewal £412, goes out 28 Sep" had come first for the payments of this month)
_ASKS_DONE = re.compile(r"\b(?:did|was|were|(?:have|has|'ve|’ve)\s+(?:\w+\s+){0,2}?(?:\w+ed|paid|done|spent|made|sold|"
                        r"got|bought|taken|had|seen|sent|gone|been|put|given|won|lost))\b", re.IGNORECASE)


def _whole_months(asked: set[str]) -> list[str]:
    """The months ("YYYY-MM"), three at most, the days asked are all of, every day of each ("in jan and feb")."""
    months = sorted({d[:7] for d in asked})
    if not 1 <= len(months) <= WHOLE_MONTHS or any(len(d) != 10 for d in asked):
        return []
    days = sum(calendar.monthrange(int(m[:4]), int(m[5:]))[1] for m in months)
    return months if len(asked) == days else []


WHOLE_MONTHS = 3


def _whole_month(asked: set[str]) -> str | None:
    """The month ("YYYY-MM") the days asked are all of, every one of them ("in feb"), else None."""
    months = _whole_months(asked)
    return months[0] if len(months) == 1 else None


# a task in a state the question does not ask for is not its answer ("what's in progress?": not a done task);
# the agenda files tasks under way under "open" too, so a "done" question counts NOW and DOING tasks out
_OTHER_STATES = {"open": ("done", "cancelled"), "doing": ("done", "cancelled"), "high": ("done", "cancelled"),
                 "later": ("done", "cancelled", "doing"), "done": ("open", "cancelled"), "cancelled": ("open", "done")}


def _tasks(agenda: Agenda, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(the rows of the tasks in the state the question asks for (asking.asks_for_tasks), the rows of the
    tasks in a state it does not), if it asks for tasks."""
    state = asks_for_tasks(text)
    if not state:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return agenda.tasks(state), np.concatenate([agenda.tasks(s) for s in _OTHER_STATES[state]])


COMMON_WORD = float(np.log1p(20))  # the rarity (KeywordIndex.weights) of a word of every 20th passage

PHRASE_READ = 40  # candidates read for the question's word pairs: the best by match (the bonus is small)


def _phrase_share(chunks: list[Chunk], cand: np.ndarray, text: str, words: dict[str, float] | None,
                  fused: np.ndarray) -> np.ndarray:
    """For each candidate: the share of the question's word pairs its own text says in order, each pair
    weighted by its words' rarity (a word the index does not know counts 1); read for the PHRASE_READ
    best matches only (0 for the rest: +0.05 does not lift them into the hits)."""
    asked = word_pairs(text)
    out = np.zeros(len(cand), dtype=np.float32)
    if not asked:
        return out
    words = words or {}
    weight = {p: words.get(p[0], 1.0) + words.get(p[1], 1.0) for p in asked}
    total = sum(weight.values())
    for j in np.argsort(-fused, kind="stable")[:PHRASE_READ]:
        said = asked & word_pairs(chunks[int(cand[j])].text)
        if said:
            out[j] = sum(weight[p] for p in said) / total
    return out


def _compares(chunks: list[Chunk], cand: np.ndarray, text: str) -> np.ndarray:
    """For each candidate: is it a row of a table whose columns (the names its rows' cells are shown with,
    "linearizability: yes | serializability: no") the question names two of ("linearizability vs
    serializability")?"""
    asked = set(tokenize(text))
    return _by_table(chunks, cand, np.ones(len(cand), dtype=bool),
                     lambda rows: sum(bool(_words_of(col) & asked) for col in _table_columns(chunks, rows)) >= 2)


def _by_its_columns(of: list[Chunk], text: str, words: dict[str, float] | None = None) -> np.ndarray:
    """For each candidate (of: their chunks): is it a table row that says a word of the question (not one of the
    vault's every 20th passage or more) only in its columns' names, none in its cells ("Date: Sat 26/12 | Swapped?:
    Boxing day ugh" for "how do i swap an on call shift")? Its table has the word, each of its rows alike, not it."""
    asked = _uncommon_asked(text, words)
    out = np.zeros(len(of), dtype=bool)
    for j, c in enumerate(of):
        if c.kind == "table_row" and asked:
            columns = _words_of(" ".join(column for column, _ in row_cells(c.text) if column))
            out[j] = bool(asked & columns) and not asked & _words_of(_values(c.text))
    return out


def _uncommon_asked(text: str, words: dict[str, float] | None) -> set[str]:
    """The question's tokens but a word of the vault's every 20th passage or more (words: the question's, by rarity;
    None: every token)."""
    return {w for w in tokenize(text) if words is None or words.get(w, COMMON_WORD) >= COMMON_WORD}


def _names_no_row(chunks: list[Chunk], cand: np.ndarray, text: str, among: np.ndarray,
                  words: dict[str, float] | None = None) -> np.ndarray:
    """For each candidate of among: is it a table row, of a table none of whose rows the question names by a word of
    its cells that no other row says ("how do I install it on Linux?" for the rows AppImage, Flatpak and .deb under
    "## Linux"; not "how much did I spend at Halfords?" for a row of shops, nor "the finance manager's
    extension?" for a row of a staff list, by its role)? A word of the vault's every 20th passage or more (words:
    the question's, by rarity) names none: trial s53's "what did the party loot in the crypt" had taken the loot
    table's "party stash" row for the one named, and shown two rows of five."""
    asked = _uncommon_asked(text, words)

    def names_no_row(rows: range) -> bool:
        c = chunks[rows.start]  # (the words of its note's title and headings name the table, no row of it)
        own = asked - _words_of(" ".join((c.title, *c.heading, *c.parents[-1:])))
        rows_saying = Counter(w for i in rows for w in _words_of(_values(chunks[i].text)) & own)
        return 1 not in rows_saying.values()

    return _by_table(chunks, cand, among, names_no_row)


def _by_table(chunks: list[Chunk], cand: np.ndarray, among: np.ndarray, judge: Callable[[range], bool]) -> np.ndarray:
    """For each candidate of among that is a table row: judge(its table's rows), each table judged once (trial
    s38: a table of 7,000 rows read again for each of 189 candidate rows had taken 10 s)."""
    out = np.zeros(len(cand), dtype=bool)
    judged: list[tuple[range, bool]] = []
    for j, i in enumerate(cand.tolist()):
        if not among[j] or chunks[i].kind != "table_row":
            continue
        found = next((v for rows, v in judged if i in rows), None)
        if found is None:
            rows = table_rows(chunks, i)
            found = bool(judge(rows))
            judged.append((rows, found))
        out[j] = found
    return out


def _values(row: str) -> str:
    """A table row's cells as shown, without their columns' names."""
    return " ".join(value for _, value in row_cells(row))


def _table_columns(chunks: list[Chunk], rows: range) -> set[str]:
    """The column names the rows of a table show their cells with: read from every row, as a row with a blank
    cell does not show that column."""
    return {column for i in rows for column, _ in row_cells(chunks[i].text) if column is not None}


HEADING_NAMED = 0.3  # the share of the question's words (by rarity) a section's own heading says to name it


def _heading_named(passages: "Passages", cand: np.ndarray, words: dict[str, float] | None,
                   numbers: frozenset[tuple[str, str]] = frozenset()) -> np.ndarray:
    """For each candidate: does its innermost heading (not its note's title, nor a first heading that says the
    title and more: "# Marta – portfolio site notes" of "Portfolio site notes", trial s44, whose whole note had been
    shown as the list under the heading named), or a table row's caption, say HEADING_NAMED of the question's words,
    weighted by rarity, that the title does not ("known limitations" of "### Limitations and Known Issues" in the note
    "Undo and Redo"; "recovery keys" of the caption "Manual fallback: the recovery keys ... Holders:", trial s48)?
    (Each heading's words read once for the generation: Passages.heads.)"""
    if not words:
        return np.zeros(len(cand), dtype=bool)
    ids = passages.heads(cand)[0][:, :2]
    least = HEADING_NAMED * sum(words.values())
    named = [i for i in np.unique(ids[ids >= 0]).tolist()
             if sum(w for t, w in words.items() if t in passages.words[i]) >= least
             and not _other_number(numbers, passages.words[i])]
    return np.isin(ids, named).any(axis=1) if named else np.zeros(len(cand), dtype=bool)


LABEL_WORDS = 4  # words: a parent bullet this short labels its list ("Pros:", "Out (for v1)")


def _label_named(chunks: list[Chunk], cand: np.ndarray, words: dict[str, float] | None) -> np.ndarray:
    """For each candidate: is it a bullet under a parent bullet of LABEL_WORDS words or fewer that says HEADING_NAMED
    of the question's words, weighted by rarity: the label of the list the question asks for ("Out (for v1)" for "what
    did we leave out of auto-match v1?", trial s59 RB-032: one of its three items had been shown alone)?"""
    out = np.zeros(len(cand), dtype=bool)
    if not words:
        return out
    least = HEADING_NAMED * sum(words.values())
    for j, i in enumerate(cand.tolist()):
        c = chunks[i]
        if c.kind != "bullet" or c.parent is None:
            continue
        head = chunks[i - (c.seq - c.parent)]
        if head.kind == "bullet" and word_count(head.text) <= LABEL_WORDS:
            said = _words_of(head.text)
            out[j] = sum(w for t, w in words.items() if t in said) >= least
    return out


def _other_number(asked: frozenset[tuple[str, str]], heading: frozenset[str]) -> bool:
    """Does a heading say a thing the question numbers (asked: numbered's), with a number and not the question's?
    "## Chapter 2" is not named by "what is chapter 3 about" (trial s51: Chapter 2's and 4's bullets had come before
    Chapter 3's), "Section 2.4" not by "section 2.3"; "Step 1: connect the monitors" is by "set up 2 monitors" (the
    review: any number had counted)."""
    return any(word in heading and number not in heading and any(t[:1].isdigit() for t in heading)
               for word, number in asked)


# (from a word's start only, at most 40 letters: a pasted run of 20,000 letters had taken 24 s, tried from each)
_NUMBERED = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,40})(?![^\W\d_])\s*[-#]?\s*(\d+(?:\.\d+)*)(?![\w.])")


def numbered(text: str) -> frozenset[tuple[str, str]]:
    """The things a question numbers, each (its word's token, the number): "chapter 3" -> ("chapter", "3")."""
    out = set()
    for m in _NUMBERED.finditer(text):
        word = tokenize(m.group(1))
        if word:
            out.add((word[0], m.group(2).lstrip("0") or "0"))
    return frozenset(out)


def _innermost(c: Chunk) -> str:
    """A passage's innermost heading, "" when it has none but its note's title."""
    return c.heading[-1] if c.heading and c.heading[-1] != c.title else ""


def _own_words(name: str, title: str, first: bool) -> frozenset[str] | None:
    """The words a heading or caption (name) says that its note's title does not; None when it is its note's first
    heading (first) and says the whole title and more: it names nothing."""
    heading, titled = _words_of(name), _words_of(title)
    return None if first and titled <= heading else heading - titled


# "last year's was", "the old code", "previously", "used to be"; not where the line says the one now too ("Used to be £18,
# now £20", "new code 4471")
_GONE_VALUE = re.compile(r"\b(?:last\s+(?:year|yr|season)['’]?s?\b(?=[^.;]*\bwas\b)|the\s+old\s+\w+\s+(?:was|is)\b|"
                         r"used\s+to\s+be\b|formerly\b)", re.IGNORECASE)  # (not "previously": "Password: x (previously
# y)", "as previously agreed", the review)
_ASKS_GONE = re.compile(r"\b(?:old|previous|former|last\s+(?:year|yr|season)['’]?s?|used\s+to)\b", re.IGNORECASE)  # ("old
# door code": the value gone is asked, the review)
_NOW_VALUE = re.compile(r"\b(?:now|new|current|currently|this\s+year['’]?s?)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _says_gone_value(text: str) -> bool:
    """Does a passage say a value gone (_GONE_VALUE) as what a sentence of it opens with, not in brackets, and not the
    one now (_NOW_VALUE)? Not an aside of the one now: "Cost: £65 per cub (last year was £58)", "the code is 4471
    (changed Oct — the old one was 1993)", the s84 rescore."""
    low = text.lower()  # (read per candidate per search: the words first, the patterns only where they are)
    if not ("last" in low or "old" in low or "used to" in low or "formerly" in low) or _NOW_VALUE.search(text):
        return False
    for m in _GONE_VALUE.finditer(text):
        before = text[:m.start()]
        if before.count("(") == before.count(")") and not re.search(r"[^\s.;!?]\s*$", before):
            return True
    return False


def _turned(chunks: list[Chunk], passages: "Passages", cand: np.ndarray, text: str) -> np.ndarray:
    """For each candidate: does its innermost heading say what the question says turned ("What didn't go well" for
    "what went well?", "Things that worked" for "what did not work?"), while another candidate of its note is under a
    heading of the same words said as the question says them (TURNED_PENALTY)? A question that says less than the
    heading's words ("tell me about the migration") turns nothing."""
    out = np.zeros(len(cand), dtype=bool)
    heads, nots = passages.heads(cand)
    keys = heads[:, 2]
    about = turned_words(text)
    inside = [i for i in np.unique(keys[keys >= 0]).tolist() if passages.words[i] <= about]
    if not inside:
        return out
    wanted = negated(text)
    at = np.flatnonzero(np.isin(keys, inside)).tolist()
    sides: dict[tuple[str, int], set[bool]] = {}
    for j in at:
        sides.setdefault((chunks[int(cand[j])].path, int(keys[j])), set()).add(bool(nots[j]))
    for j in at:
        out[j] = len(sides[(chunks[int(cand[j])].path, int(keys[j]))]) == 2 and bool(nots[j]) != wanted
    return out


@lru_cache(maxsize=65536)
def _turned_key(heading: str) -> frozenset[str]:
    """A heading's words besides its "not" (asking.turned_words; asked of every candidate: kept)."""
    return turned_words(heading) if heading else frozenset()


@lru_cache(maxsize=65536)
def _words_of(text: str) -> frozenset[str]:
    """A heading's or title's words, as the keyword side reads them (asked of every candidate: kept)."""
    return frozenset(tokenize(text))


def _version_match(chunks: list[Chunk], cand: np.ndarray, text: str) -> np.ndarray:
    """For each candidate: does its note title, headings, parents or text name a version (0.10.2) or a code
    ("vit-s-024": trial s37's run came 4th, after "run-id: vit-s-034") the question names, whole?"""
    found = _names(chunks, cand, versions(text), versions)
    asked = codes(text)
    if not asked:
        return found
    for j, cid in enumerate(cand):
        c = chunks[int(cid)]
        parts = " ".join((c.title, *c.heading, *c.parents, c.text))
        if any(a in parts.lower() for a in asked):  # (the pattern runs on the few that say one: not "vit-s-0245")
            found[j] |= _says_whole(parts, asked)
    return found


def _says_whole(text: str, asked: set[str]) -> bool:
    """Does text say one of the codes asked (in lower case) whole, in any case ("Forge01" for "FORGE01": the review)?
    (Every code asking.codes finds in a text it says so: its patterns' edges are these or narrower.)"""
    return any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text, re.IGNORECASE) for a in asked)


def _numbering(of: list[Chunk], text: str) -> np.ndarray:
    """For each candidate (of: their chunks), numbering.numbered_as of its title, headings, parent bullets and first
    line ("Grade 2 - exam Thurs 19 Nov" over its pieces) and the question: 1 when they number a thing as the question
    does, -1 when only otherwise, else 0."""
    from .numbering import numbered_as, numbers_asked, numbers_named

    asked = numbers_asked(text)
    if not asked:
        return np.zeros(len(of), dtype=np.int64)
    read: dict[tuple[str, ...], int] = {}  # (each passage's labels read once: a note's passages share them)
    out = []
    for c in of:
        key = (c.title, *c.heading, *c.parents, c.text[:FIRST_LINE].split("\n", 1)[0])
        if key not in read:
            read[key] = numbered_as(numbers_named("\n".join(key)), asked)
        out.append(read[key])
    return np.array(out, dtype=np.int64)


def _names(chunks: list[Chunk], cand: np.ndarray, asked: set[str], found, by_date: bool = False) -> np.ndarray:
    """For each candidate: does found() find one of asked in what it says of itself (_says_of_itself), or, by_date, is
    it dated in an asked year (_dated_in)?"""
    out = np.zeros(len(cand), dtype=bool)
    if not asked:
        return out
    for j, cid in enumerate(cand):
        c = chunks[int(cid)]
        if by_date and _dated_in(c, asked):
            out[j] = True
            continue
        parts = _says_of_itself(c)
        # a plain substring test first: the regex (not "v2.2019" for 2019, not 0.10.25 for 0.10.2) runs on few
        if any(a in parts for a in asked):
            out[j] = not asked.isdisjoint(found(parts))
    return out


def _recency(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray, name: np.ndarray, alone: bool = False,
             today: str | None = None, named_any: np.ndarray | None = None, worded: np.ndarray | None = None,
             ahead: np.ndarray | None = None) -> tuple[np.ndarray, dict[int, str]]:
    """For each candidate: 1 for those of the newest day among the best dated candidates (RECENT_NEAR of the best's
    fused score or more, RECENT_AMONG at most: trial s45's newest staff meeting had not been among the ten best), 0 for
    the others (a copy embedded from another note is not of its note's day): "our last 1:1" is the newest
    one, not a newer one (trial B: a scale from oldest to newest had left the 1:1 before it first). Among
    those of the notes the question names (name > 0), if any are dated: "our last 1:1" with Grace is the
    newest section of her page, not a newer journal that mentions her. alone: the notes named are the last of a series
    already (_newest_titled), their day the newest even when it is the only one. today: ISO, else the clock's.
    named_any: the notes the question names, for a question of no meeting: the newest of the dated passages that say
    a word of their title, NEXT_NEAR of the best of those or more ("when did i last go to the allotment", of a page
    "Allotment": trial s81 G, a results day's "Clearing Plus matches go live" had been the newest match). worded: for
    each candidate, how many of the question's words it says (_words_said): of the best dated, those that say the most,
    where any says one ("when did i last ring holt's": trial s81 R, a journal of none of its words had been the newest
    match; "when did i last do breakfast club": trial s83 D, "the kids made breakfast" of a day after the club's).
    ahead: for each candidate, is it of a day to come (_ahead), where the caller has read it; else read here.
    (Those of the newest day, the dated candidates they were found among, each with its day: _day_done's.)"""
    out = np.zeros(len(cand), dtype=np.float32)
    today = today or clock.today().isoformat()
    # (not a note's fields, a link, a picture: "session: 36" is no answer to "what happened last session?", trial s47;
    # nor a note of a day to come: the last board meeting is not the next one's page, trial s50)
    # (... nor a task still open set for a day to come: "☐ Buy foam for the week 📅 2027-12-08" of today's note is no
    # last time it was bought, trial s82 P, first for "when did i last buy shaving foam"; a meeting's open action is
    # of it, "actions from my last meeting w helen")
    # (... nor a table's row dated only by its note's front matter, the day the table was written: "Materials | To end
    # Feb: £23,870 | mostly CEF" of "Expenses 2027-28", "date: 2028-03-28", is no day "when was i last at cef" asks,
    # trial s83 B)
    # (... an entry of no year of an undated note's log, of its day's last one: "## Runs" > "Sun 23 Dec – mixers, ice"
    # of the page "Booker", trial s89 B: "when did i last go to booker" had put "2 Nov – crisps" first)
    day_of = {j: d for j in range(len(cand)) if (d := _day_done(chunks[int(cand[j])], today))}
    dated = [j for j in np.argsort(-fused, kind="stable")
             if j in day_of and not (c := chunks[int(cand[j])]).origin and not c.thin
             and not (_ahead(c, today) if ahead is None else ahead[j])
             and not (c.note_day and c.kind == "table_row")
             and not (task_state(c.text) in ("open", "doing") and any(d > today for d in task_days(c.text)))]
    named, said_alone = [j for j in dated if name[j] > 0], False
    if named:  # any of the notes it names, however many and however weak its best line (trial s47, the review)
        dated = named
    else:
        by_any = named_any is not None and not name.any()
        saying = _saying_names(chunks, cand, dated, named_any if by_any else name)
        fewer = False  # (do some of them say less of the question than the rest: below)
        if saying and by_any:  # (... or are of it: "when did i last get the car serviced", "Car" > "Service log" >
            # "19 Mar 2027: full service", the s81 rescore)
            says = set(saying)
            saying = [j for j in dated if named_any[j] > 0 or j in says]
        if saying and worded is not None:  # (... those of them that say the most of the question: "Kev came to service
            # the coolroom", not a later "Rang Kev - coolroom door not closing", of the page "Coolroom"; the s83 rescore)
            most = max(worded[j] for j in saying)
            fewer = any(worded[j] < most for j in saying)
            saying = [j for j in saying if worded[j] == most]
        most = max((worded[j] for j in dated), default=0) if worded is not None and not saying else 0
        said = [j for j in dated if worded[j] == most] if most else []
        # (... the newest of those that say it, of however many, where other dated passages came near)
        said_alone = bool(saying and (by_any or fewer) or said) and len({day_of[j] for j in dated}) > 1
        # (... as near for those that say the most of the question's words: "Darren from Tarka rang - the 100gsm envelope
        # stock is delayed" of 20 October, 0.67 of the best, for "when did i last speak to darren", trial s85 O)
        near = NEXT_NEAR if saying and by_any or said else RECENT_NEAR
        dated = saying or said or dated
        dated = [j for j in dated if fused[j] >= near * fused[dated[0]]][:RECENT_AMONG] if dated else dated
        if by_any and len({day_of[j] for j in dated if named_any[j] > 0}) > 1:
            # (... where the note it names keeps a log of it, another note's passage only as near as the newest of any
            # question's: "Piano: the Yamaha needs tuning" of a walk-round, 0.66 of the best, had been the last tuning
            # over the page "Piano tuning"'s "2029-08-20 – tuning, £85", trial s88 X-36; "Crackers from Booker" of
            # Christmas lunch over the page "Booker"'s runs, trial s89 B)
            dated = [j for j in dated if named_any[j] > 0 or fused[j] >= RECENT_NEAR * fused[dated[0]]]
    days_ = {day_of[j] for j in dated}
    if len(days_) > 1 or (alone and named or said_alone) and days_:
        newest = max(days_)
        for j in dated:
            out[j] = float(day_of[j] == newest)
    for j in _newest_of_tables(chunks, cand, dated):
        out[j] = 1.0
    return out, {j: day_of[j] for j in dated}


def _newest_first(of: list[Chunk], rank: np.ndarray, recent: np.ndarray, among: dict[int, str], today: str,
                  fused: np.ndarray, asked: frozenset[str] = frozenset()) -> np.ndarray:
    """rank with the candidates of the newest day _recency found (recent) just above the best of those it found them
    among, of older days (trial s83 A: "when did powells last collect" had put the 15 March journal's "Powell's
    collected" 0.808 first, the 29 March one, the newest match, 0.797 second), and above the passages of no day, which
    cannot say when (the s83 rescore: "when did we last grit the car park", the gritting how-to's lines before "Rob
    gritted paths + car park 6.30am"). today: ISO. Only a newest RECENT_NEAR of the best match of all or nearer: a far
    one is the newest of weak matches ("Room 3 + 5: empty" for "when was the septic tank at nettleham last emptied",
    the s83 rescore); or one that says every word of the question (asked: its words) but those that ask when (trial
    s90 E: "Monthly CD check: oxycodone 5mg caps -2 → found in the returns tub ..." of 4 February, a long line, dense
    20th, had come 4th for "when did we last do the monthly cd check", January's first)."""
    if not among:
        return rank
    day_of = {j: d for j, d in among.items() if recent[j] > 0}
    newest = [j for j, d in day_of.items() if d == max(day_of.values(), default="")]
    what = asked - _WHEN_WORDS
    if not newest or max(fused[j] for j in newest) < RECENT_NEAR * float(fused.max()) \
            and not (len(what) >= 2 and any(what <= frozenset(tokenize(of[j].keywords or of[j].text)) for j in newest)):
        return rank
    over = list(among) + [j for j in range(len(of)) if not of[j].date and not _said_days(of[j], today)]
    lift = max(rank[j] for j in over) - max(rank[j] for j in newest)
    if lift <= 0:
        return rank
    rank = rank.copy()
    for j in newest:
        rank[j] += lift + 1e-4
    return rank


# the words of a question of the last time that ask when, not what ("when did i last ...", "the most recent"), and its
# light verbs ("get the car serviced": "get there by 9:15; parking at the NT car park" said two words of it, the s83
# rescore)
_WHEN_WORDS = frozenset(tokenize("last latest recent recently most time ever previous previously get got getting go "
                                 "went going gone do did doing done have had having make made see saw seen take took "
                                 "taken come came put"))


def _day_done(c: Chunk, today: str) -> str | None:
    """The day a passage is of, for when a thing was last done, today or before: its own, else, for a line of no day
    that opens with a day of no year (a log's "2 Nov – crisps, nuts" of an undated note), that day's last one up to
    today (ISO); else None."""
    if c.date:
        return c.date[:10] if c.date[:10] <= today else None
    if c.kind not in ("bullet", "paragraph") or c.origin or not _opens_dated(c.text):
        return None
    return max((d[:10] for d in days_written(c.text[:DAY_OPENING], today) if len(d) >= 10 and d[:10] <= today),
               default=None)


DAY_OPENING = 24  # characters of a line a day it opens with is in ("Sun 23 Dec – ", "14/12/29: ")


def _ahead(c: Chunk, today: str) -> bool:
    """Is the passage of a day to come: its own, or, of none, every day it says, each within AHEAD_DAYS of today (a
    fixtures table's "Sat 15 April" of no year: trial s83 K, first for "when did i last do pitchside"; not one of a
    day gone read as next year's)?"""
    if c.origin:
        return False
    if c.date and c.date[:10] > today:
        return True
    if c.date and c.date[:10] < days_before(today, AHEAD_DAYS):
        return False  # (a line of long ago says days long gone: read no further, per candidate, the review)
    if c.date:  # (... or a line of a day gone or today that opens with a day to come, "Sat 17: allotment watering"
        # under today's note's "## Weekend": trial s84 M, the newest for "when did we last go to the allotment")
        # (not one that opens with its own day and says days to come after it: "Fri 3 Dec – B2 E133 again ... coming
        # Thu 9 Dec", the s84 rescore)
        if not _opens_dated(c.text) or c.date[:10] in days_written(c.text, c.date):
            return False
        later = {d[:10] for d in days_said(c.text, c.date) if len(d) >= 10} - {c.date[:10]}
        return bool(later) and min(later) > today
    said = _said_days(c, today)
    last = (_dt.date.fromisoformat(today) + _dt.timedelta(days=AHEAD_DAYS)).isoformat()
    return bool(said) and all(today < d[:10] <= last for d in said if len(d) >= 10) and any(len(d) >= 10 for d in said)


AHEAD_DAYS = 62


# "when did i last ...", "when was the last time ...": of days gone
_ASKS_LAST_DONE = re.compile(r"\bwhen\s+(?:did|was|were|have|had)\b.*\blast\b|\blast\s+time\b|\bmost\s+recent\b|"
                             r"\bhow\s+long\s+(?:since|ago)\b|\b(?:date|day)\s+of\s+(?:my|our|the)\s+last\b", re.IGNORECASE)


def _words_said(of: list[Chunk], asked: frozenset[str], weights: dict[str, float] | None = None) -> np.ndarray:
    """For each candidate (of: their chunks), the question's words (asked, as tokenize reads them) but those that ask
    when (_WHEN_WORDS) that its text, parent bullets, heading and title say ("Dentist 2:30" > "numb face for 3 hours";
    "## Physio with Sam at 12:15" > "Diagnosis: ..."; "Car" > "19 Mar 2027: full service"), each by its rarity
    (weights: Scores.words; a word not in it, 1.0): "get ... car park" says less of "when did i last get the car
    serviced" than the service log's line (the s83 rescore)."""
    asked = asked - _WHEN_WORDS
    weights = weights or {}
    return np.array([round(sum(weights.get(w, 1.0) for w in asked & _words_of(" ".join((c.text, *c.parents,
                                                                                       *c.heading[-1:], c.title)))), 6)
                     for c in of], dtype=np.float64)


def _ordinal_rows(of: list[Chunk], fused: np.ndarray, text: str) -> list[str]:
    """For a question of the first or the last of a thing ("when is ella's first gcse", "ellie's last maths paper"):
    "first" ("last") for the earliest (latest) dated row of the table, or list under one heading, of the best dated
    candidate among its rows ORDINAL_NEAR of its score or more, where they are of two days or more (trials s80 L-19,
    O-4, AC-21: "Thu 13 May — history paper 1" had come before "Mon 10 May"); else "" for each."""
    out = [""] * len(of)
    if (asked := _ORDINAL_ASKED.search(text)) is None or not len(fused) or asks_latest(text):
        return out  # (the last of those gone asked so, "our last 1:1", is _recency's)
    within = days(text)  # (of the days asked, where it asks some: "the first committee meeting in may")
    dated = [int(j) for j in np.argsort(-fused, kind="stable") if of[j].date and not of[j].origin
             and (not within or of[j].date[:10] in within)]
    if not dated:
        return out
    best = of[dated[0]]
    rows = [j for j in dated if of[j].path == best.path and of[j].heading == best.heading
            and fused[j] >= ORDINAL_NEAR * fused[dated[0]]]
    if len({of[j].date[:10] for j in rows}) < 2:
        return out
    first = asked[1].lower() in ("first", "earliest")
    if not first and looks_back(text):  # ("what did we play at the last gala": of those gone)
        rows = [j for j in rows if of[j].date[:10] <= clock.today().isoformat()] or rows
    pick = (min if first else max)(rows, key=lambda j: of[j].date[:10])
    out[pick] = "first" if first else "last"
    return out


ORDINAL_NEAR = 0.8  # of the best dated candidate's fused score: its table's rows among which the first or last is found
# (not a time: "last year", "the first week", "last tuesday"; nor "last name", "first aid")
_ORDINAL_ASKED = re.compile(r"\b(first|last|final|earliest|latest)\s+(?!(?:times?|years?|yrs?|weeks?|wks?|months?|"
                            r"weekends?|nights?|days?|few|one|couple|two|three|things?|bit|minutes?|name|aid|class|earl(?:y|ies)|"
                            r"half|term|quarter|season|" + ANY_WEEKDAY + r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                            r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                            r"dec(?:ember)?|christmas|xmas|easter|halloween|resort|choice|of|in|on|at|to|for|from|with|"
                            r"and|or|is|was|were|see|saw|seen|did|came|went|met|spoke|heard)\b)[a-z]", re.IGNORECASE)


_DAY_ENTRY = re.compile(r"\s*(?:(?:" + ANY_WEEKDAY + r")\.?,?\s+)?[0-3]?\d(?:st|nd|rd|th)?\b(?![:.]\d)"
                        r"(?:\s+[A-Za-z]{3,9}\.?)?\s*[:–—-]\s*\S", re.IGNORECASE)  # "Fri 8 - ", "14 Jan: "


def _last_of_any_year(of: list[Chunk], day: np.ndarray, text: str, today: str) -> np.ndarray:
    """For a question of a day asked without its year ("what happened on 29 dec" on 7 January): 1 for the passages
    of that day's last one, of the candidates of the day (day), else 0 (trial s74 T: 29 December 2025's journal had
    come before 2026's); of a day soon asked in the present tense, or asked ahead, its coming one's
    (periods.asks_soon_day, looks_ahead)."""
    out = np.zeros(len(of), dtype=np.float32)
    asked = days(text)
    if not day.any() or not asked or any(len(d) != 5 for d in asked):
        return out
    # (asked what is on, its coming one's: "whats on 3rd nov" on 21 October, trial s77 Y, had put 2026's "paid 3rd
    # Nov" first)
    last = {_coming(d, _dt.date.fromisoformat(today)) if looks_ahead(text) else
            _last_or_soon(d, text, _dt.date.fromisoformat(today)) for d in asked}
    for j in np.flatnonzero(day).tolist():
        # (a passage of no day by the day it says of that year: "paid 3rd Nov" under "Oct 2026", a task set for it)
        own = {of[j].date[:10]} if of[j].date else {d for d in _said_days(of[j], today) if d[5:] in asked}
        out[j] = float(bool(own & last))
    return out if out.any() and not out[day].all() else np.zeros(len(of), dtype=np.float32)


def _coming(month_day: str, today: _dt.date) -> str:
    """The day ("YYYY-MM-DD") a month's day of no year ("11-02") next is, today or after (29 February the next leap
    year's)."""
    return next(d for y in range(today.year, today.year + 9)
                if (d := as_date(f"{y}-{month_day}")) and d >= today.isoformat())


def _last(month_day: str, today: _dt.date) -> str:
    """The day ("YYYY-MM-DD") a month's day of no year last was, today or before (29 February the last leap year's)."""
    return next(d for y in range(today.year, today.year - 9, -1)
                if (d := as_date(f"{y}-{month_day}")) and d <= today.isoformat())


def _last_or_soon(month_day: str, text: str, today: _dt.date) -> str:
    """The day ("YYYY-MM-DD") a month's day of no year ("11-02") asked of is: its coming one, soon and asked in the
    present (periods.asks_soon_day), else its last one, today or before."""
    coming = _dt.date.fromisoformat(_coming(month_day, today))
    return coming.isoformat() if coming > today and asks_soon_day(text, coming, today) else _last(month_day, today)


def _newest_of_tables(chunks: list[Chunk], cand: np.ndarray, dated: list[int]) -> list[int]:
    """Of dated (candidates' places), the newest row of each table two rows or more of another day are among: the
    last of its log ("when did we last do a fire drill": the drills table's 17/12/2026 row, trial s74 D, had come 6th
    after its rows of July and August, a journal of the 18th the newest of all)."""
    tables: dict[tuple, list[int]] = {}
    for j in dated:
        if (c := chunks[int(cand[j])]).kind == "table_row":
            tables.setdefault((c.path, *c.heading), []).append(j)
    out = []
    for rows in tables.values():
        days_ = [chunks[int(cand[j])].date[:10] for j in rows]
        if len(set(days_)) > 1:
            out.append(rows[days_.index(max(days_))])
    return out


_LETTER = re.compile(r"[^\W\d_]")  # a name's words, not a number alone ("2024-01-05-2")


@lru_cache(maxsize=1 << 16)
def _series_words(path: str) -> frozenset[str]:
    """The words of a dated file's name without its day (metadata.dated_name: "2026-11-25 Helen": {"helen"}), none
    for another name."""
    named = dated_name(PurePosixPath(path).stem)
    return frozenset(tokenize(named[1])) if named and _LETTER.search(named[1]) else frozenset()


def _newest_of_series(agenda: Agenda, asked: frozenset[str], today: str | None = None) -> np.ndarray:
    """The rows of the newest note of the series of dated notes the question names ("2026-11-25 Helen" of "my last
    meeting w helen"), candidates however many older ones match better (the second review: of 150 weekly meetings
    the newest had not been among the candidates). asked: the question's words (tokenize); today: ISO."""
    today = today or clock.today().isoformat()
    series = [(day, rows) for path, (day, rows) in agenda.dated_notes().items()
              if (words := _series_words(path)) and words <= asked and day <= today]
    return np.array(max(series)[1], dtype=np.int64) if series else np.zeros(0, dtype=np.int64)


def _newest_titled(agenda: Agenda, chunks: list[Chunk], meeting: str, asked: frozenset[str] = frozenset(),
                   today: str | None = None, said_only: bool = False) -> dict[int, str]:
    """The rows of the newest dated section of each running page titled by the meeting a question asks the latest of
    ("1on1 Marta", dated sections of its 1:1s, for "what did we say in my last 1:1?": trial s49, whose newest had not
    been among the candidates), each with its page's path; {} for none. A note of one day ("2024-03-05 Team
    meeting") is no running page: "our last meeting" is of any topic's (the review); but of a series of notes of one
    day titled first by the meeting ("Session 40 - ..."), the newest is the last (_newest_named). said_only: of the
    pages and notes whose title says another word the question says only, for a meeting the question does not name
    ("when did i last speak to karen about the loos": trial s81 E, a page "Meeting dates 2027" had been its newest)."""
    word = tokenize(meeting)[:1]
    today = today or clock.today().isoformat()  # (a meeting to come is not the last: trial s50, the next board
    # meeting's page)
    running: list[tuple[str, str, list[int]]] = []  # running pages: (path, their newest day, its rows)
    series: list[tuple[str, str, list[int]]] = []  # notes of one day titled by the meeting: (day, path, rows)
    foldered: list[tuple[str, str, list[int]]] = []  # notes of one day in a folder named by it ("Gigs/2026-11-28 ...")
    for path, (day, rows) in agenda.dated_notes().items():
        if word and word[0] in _words_of(_top_folder(path)) and day <= today:
            foldered.append((day, path, rows))
        days_ = {d for r in rows if (d := chunks[r].date[:10]) <= today}
        if not word or word[0] not in _title_words(chunks[rows[0]].title) \
                and not (len(days_) <= 1 and word[0] in _first_heading_words(chunks, rows)):
            continue
        if len(days_) > 1:
            newest = max(days_)
            running.append((path, newest, [r for r in rows if chunks[r].date[:10] == newest]))
        elif day <= today:
            series.append((day, path, rows))
    if running:  # of the pages whose title says another word the question says, if any does ("1on1 Priya" of "my last
        # 1on1 with priya", not Dana's newer one: trial s50)
        said = [p for p in running if _says_other_title_words(chunks, p[2][0], asked, word[0])]
        if said or not said_only:
            return {r: path for path, _, rows in (said or running) for r in rows}
    # a series: the notes whose title says another word the question says ("Board meeting 2026-Q3" of "the last board
    # meeting"), else those titled first by the meeting ("Session 40 - ...")
    # (... a note of the folder named by the meeting among them: "Meetings/2026-10-21 David Ellis" of "our last meeting
    # with David", whose heading does not say "meeting", trial s55)
    in_series = {s[1] for s in series}
    said = [s for s in (*series, *(f for f in foldered if f[1] not in in_series))
            if _says_other_title_words(chunks, s[2][0], asked, word[0])]
    first = [s for s in series if tokenize(chunks[s[2][0]].title)[:1] == word] if not said_only else []
    if said or len(first) > 1:
        return {r: path for _, path, rows in _newest_named(said or first, bool(said)) for r in rows}
    if len(foldered) > 1 and not said_only:  # ... else the notes of a folder named by it ("what went wrong at the last gig?": trial s50)
        return {r: path for _, path, rows in _newest_named(foldered, False) for r in rows}
    return {}


def _first_heading_words(chunks: list[Chunk], rows: list[int]) -> frozenset[str]:
    """The words of the first heading of a note (its first rows'): a note of one day whose file is named by its day and
    a name ("2026-10-21 David Ellis") is titled by its heading too ("# David catch up Oct 26": trial s55, "latest David
    catch up" had shown an older one whose heading the question says whole)."""
    return next((_title_words(chunks[r].heading[0]) for r in rows[:4] if chunks[r].heading), frozenset())


def _says_other_title_words(chunks: list[Chunk], row: int, asked: frozenset[str], meeting: str) -> bool:
    """Does the question (asked: its words) say a word of the row's note's title besides the meeting and numbers
    ("priya" of "1on1 Priya", "board" of "Board meeting 2026-Q3")?"""
    return bool({w for w in _title_words(chunks[row].title) if w != meeting and not w.isdigit()} & asked)


def _newest_named(series: list[tuple[str, str, list[int]]], said: bool) -> list[tuple[str, str, list[int]]]:
    """The last of a series of notes of one day each (day, path, rows), titled by a meeting ("Session 40 - The Drowned
    God Stirs", "Standup 2024-05-01", for "what happened last session?": trial s50, whose newest had not been among
    the candidates): the newest of those the question names (said: "1on1 Marta" of "my last 1on1 with marta"), else
    the two newest: the newest is the last as it is newer than the one before it (_recency). The series is the notes
    of the top folder that holds most of them ("Sessions/", its years' folders too, not the newer "Prep/Session 41
    Prep")."""
    folders = Counter(_top_folder(path) for _, path, _ in series)
    most = max(folders.values())
    series = sorted(s for s in series if folders[_top_folder(s[1])] == most)
    return series[-1:] if said else series[-2:]


def _top_folder(path: str) -> str:
    parts = PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else ""


# the words of a question for the latest meeting that name none of them ("what happened in the last session?")
MEETING_FRAME = frozenset(tokenize("last latest recent newest previous most happen happened discuss discussed say "
                                    "said talk talked decide decided do did go went cover covered write wrote"))


def _in_titled(chunks: list[Chunk], cand: np.ndarray, titled: dict[int, str]) -> np.ndarray:
    """For each candidate: 1 if its note is one of those _newest_titled found, else 0."""
    paths = set(titled.values())
    return np.array([float(chunks[i].path in paths) for i in cand.tolist()], dtype=np.float32)


def _series_named(chunks: list[Chunk], cand: np.ndarray, asked: frozenset[str]) -> np.ndarray:
    """For each candidate: 1 if its note's file name is a day and words the question all says (asked: its words,
    tokenize's; "2026-11-25 Helen" for "my last meeting w helen": one of a series of meetings, trial s47, which had
    named none of ten), else 0."""
    out = np.zeros(len(cand), dtype=np.float32)
    for j, i in enumerate(cand.tolist()):
        words = _series_words(chunks[i].path)
        out[j] = float(bool(words) and words <= asked)
    return out


def _next_of(agenda: Agenda, chunks: list[Chunk], scores: Scores, text: str, today: str) -> np.ndarray:
    """For a question of the next of a thing and no day ("when's the next newark"): the rows of the passages of or
    that say a day from today on, NEXT_DAYS at most, that hold every word of the question but its frame's (in their
    text, heading or parents; in their note's title only where they are of a day to come themselves: "moderation: Thu
    10 Dec" of "Dept meeting 2026-11-25" is no next dept meeting, the s72 rescore), no task (a to-do about it, "☐ book
    Newark April before 12 March", is not it): candidates (the pool best of them by dense score), read for the soonest
    whatever their scores (trial s75 D: "| Newark (IACF) | Thu 8 - Fri 9 Apr |" of a calendar of 2027 had been no
    candidate, the past fairs' notes all ten); else none."""
    if not asks_next(text) or days(text) or not (words := frozenset(tokenize(text)) - next_frame(text)):
        return _NONE_ROWS
    rows = agenda.of_or_telling_between(today, (_dt.date.fromisoformat(today) + _dt.timedelta(days=NEXT_DAYS)).isoformat())
    def names_it(c: Chunk, keyword: float) -> bool:
        coming = (c.date or "")[:10] >= today  # (of a day to come itself, not only telling of one)
        # (not in an aside only: "Next recording: Thu 9 Sept (moved from 2 Sept because of the TB test week)" is no
        # next TB test, the s85 rescore: s81 S-36 2nd, "Due by 17 Sept 2027" of the TB testing note 1st before)
        said = replace(c, text=_ASIDE.sub(" ", c.text)) if "(" in c.text else c
        return (task_state(c.text) is None and (keyword > 0 or coming and bool(words & _folder_words(c.path)))
                and _holds_words(said, words, coming) and not _says_none_of(c.text, words))

    return np.array([r for r in rows.tolist() if names_it(chunks[r], scores.keyword[r])], dtype=np.int64)


# an aside in brackets that gives a reason or a change, or points to another note ("Voted at the June meeting
# (2028-06-07 Practice meeting > 3. Summer)" is no next practice meeting, the s85 rescore: s84 J-40); not "(INSET day)"
# of "Thu 9 Nov: school shut (INSET day)" (the review)
# (... or names a note of a day: "Agreed at the November committee (Meetings/Committee 2029-11-14): rates go up on 1
# January 2030" is no next committee meeting, trial s89 D, it had come first over the committee's dates)
_ASIDE = re.compile(r"\((?:[^()]*?\b(?:because|due\s+to|as\s+of)\b|\s*(?:moved|was|were|postponed|rescheduled|changed|"
                    r"cancelled|canceled|not|after|before|since|instead|see)\b|[^()]*\s>\s|[^()]*?\b\d{4}-\d\d-\d\d\b)[^()]*\)",
                    re.IGNORECASE)


def _says_none_of(text: str, words: frozenset[str]) -> bool:
    """Does text say there is none of a word asked ("Sat 17 Apr | no wedding — deep clean" under "## Weddings" of a
    venue's rota: trial s80 H, first for "when is the next wedding")?"""
    return any((said := set(tokenize(m[1]))) and said <= words for m in _NONE_OF.finditer(text))


# (the word set apart after it, not "no wedding cake": the review)
_NONE_OF = re.compile(r"\b(?:no|not\s+an?|without)\s+((?:[^\W\d][\w'’-]*\s+){0,2}[^\W\d][\w'’-]*)"
                      r"(?=\s*(?:[—–,;:.)!|-]|$))", re.IGNORECASE)


def _says_next_of(c: Chunk, asked: frozenset[str]) -> bool:
    """Does a passage write "next" and then the question's words alone up to a mark, a number or a weekday ("Next PCC:
    Sunday 21 November", "next mtg 7 Oct"), the next of it? Not "Next wedding fair:" for a wedding (the review)."""
    other = other_form_tokens()
    # (... or of a heading right over it: "## Next meeting" > "Mon 11 March, 7.30pm" of February's minutes, trial s90 F:
    # the March agenda's "Date of next meeting - Mon 8 April" had come first for "when's the next committee meeting")
    heading = [m] if c.heading and c.parent is None and (m := _NEXT_NAMED.match(c.heading[-1].strip())) else []
    for m in [*_NEXT_NAMED.finditer(c.text), *heading]:
        said = tokenize(m[1])
        if said and all(w in asked or other.get(w, frozenset()) & asked for w in said):
            return True
    # ... or "Next:" and a day on a page of it ("Next: Thu 17th Dec 14:00" of the JNCC page, the rescore: s72 G-40): its
    # words before the label, not after it ("next: before the Sept run — book for w/c 3 Sept? no weddings midweek" of
    # a camera's sensor cleans is no next wedding, trial s87 C: it had come first, this Friday's wedding out of ten)
    # (... its first few, what the line is of: "Second-hand uniform rail ..., PTA run a sale the first Friday of each
    # half term - next one Fri 8 June" is no next half term, trial s87 T, it had come first; "Dentist appointment every
    # six months with Dr Shah ... Next: Tue 12 June" a next dentist's, the review)
    label = _NEXT_LABEL.search(c.text)
    first = " ".join(c.text[:label.start()].split()[:_LABEL_WORDS]) if label is not None else ""
    return label is not None and _holds_words(replace(c, text=first), asked - _NEXT_FRAME, True)


_LABEL_WORDS = 8  # the words a line opens with before "next:" that may name what it is the next of


# ("Next:", "next one Wed 28 Jun" under "Steering group every other Wednesday": trial s84 G)
# ("... every other Tuesday, next 25 Sep" of a tutor meeting's line: trial s88 A, "when is the next tutor meeting" had
# found a survey's "Opens Mon 17 Sep" of tutor time first)
# (a month's name or its short form whole, not "marking", "mayor"; a day in numbers not a count's, "the next 2/3 weeks";
# month first, "next Sep 25", and "next on 25 Sep" too: the review)
_MONTH_WHOLE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![\w-])")  # (not _MONTH_WORD's any word after "mar")
_NEXT_LABEL = re.compile(r"\bnext(?:\s*[:–—-]\s*\S|\s+one\s+(?:is\s+|on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|\d)"
                         r"|\s+(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*"
                         r"(?:/\s*\d{1,2}(?!\s*[^\W\d])|(?:of\s+)?" + _MONTH_WHOLE + r")|" + _MONTH_WHOLE
                         + r"\s+\d{1,2}(?:st|nd|rd|th)?\b))", re.IGNORECASE)
_NEXT_NAMED = re.compile(r"\bnext\s+([^\W\d][\w'’&-]*(?:\s+[^\W\d][\w'’&-]*){0,2}?)(?=\s*[:(,;–—-]|\s+\d|\s+(?:on|at|"
                         r"is|was|will|be|mon|tue|wed|thu|fri|sat|sun)\w*\b|\s*$)", re.IGNORECASE)


def _holds_words(c: Chunk, words: frozenset[str], titled: bool) -> bool:
    """Does a passage hold every one of words, in its text, heading or parents, or (titled) its note's title and
    folders too (and a first heading that says the title and more, "# Science dept meeting — 25 Nov 2026" of "Dept
    meeting 2026-11-25", as its title; "weddings/2027/2027-09-11 Aisha & Ben.md" is a wedding's, trial s79 O, "when is
    my next wedding" had found wedding fairs)?"""
    named = {w for w in _words_of(c.title) if not w.isdigit()}  # (its words, not its day's numbers)
    heading = c.heading[1:] if c.heading and named and not titled and named <= _words_of(c.heading[0]) else c.heading
    held = _words_of(" ".join((c.text, *heading, *c.parents, *((c.title,) if titled else ()))))
    held = held | _folder_words(c.path) if titled else held
    # (a word written short holds it too: "Next mtg: Thurs 7 Oct" for "when's the next committee meeting", trial s79 S)
    other = other_form_tokens()
    return all(w in held or other.get(w, frozenset()) & held for w in words)


def _folder_words(path: str) -> frozenset[str]:
    """The words of the folders a note is in ("weddings/2027/x.md": "wedding", "2027"), as the keyword side reads
    them."""
    return _words_of(path.rpartition("/")[0].replace("/", " "))


NEXT_DAYS = 366
_NEXT_FRAME = frozenset(tokenize("next when what who which whats whens date day time"))
_DAY_OFF = re.compile(r"\bdays?\s+(?:off|out)\b", re.IGNORECASE)


def next_frame(text: str) -> frozenset[str]:
    """The words of a question of the next of a thing that ask when, not what (_NEXT_FRAME): "day" too, but in "day off"
    ("when's my next day off": "Fri 7 June — day off (Jess's wedding)", not "Priya off all week", trial s91 B)."""
    return _NEXT_FRAME - _DAY_WORD if _DAY_OFF.search(text) else _NEXT_FRAME


_DAY_WORD = frozenset(tokenize("day"))
_NONE_ROWS = np.zeros(0, dtype=np.int64)
_DUE_ASKED = frozenset(tokenize("due"))


def _soonest(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray, today: _dt.date | str | None = None,
             also: list[int] | tuple[int, ...] = (), asked: frozenset[str] = frozenset(),
             words: frozenset[str] = frozenset()) -> np.ndarray:
    """For each candidate: 1 for those that say the soonest day from today on (in their text, or a task's day) among
    the best that say one (RECENT_NEAR of the best's fused score or more, RECENT_AMONG at most), -1 for those of them
    whose days are all gone, 0 for the others: "when is the next steerco?" is the one on the 10th, not the first of the
    year (trial s46), nor the "Next: 12 May" of January's (trial s67 A). also: candidates (their places in cand) read
    whatever their scores (_next_of's); words: the question's words of what is asked (not its frame's, next_frame)."""
    out = np.zeros(len(cand), dtype=np.float32)
    said = _days_from(chunks, cand, fused, today, rows_too=True)
    # (the best all of days gone: the next is further down, a plan's, "Sat 12 June - Midnight Walk" of a calendar of
    # 2027 for "when is the next midnight walk", trial s73 J, 7th after the walks of 2025 and 2026)
    wider = bool(said) and not any(said.values())
    said = _days_from(chunks, cand, fused, today, rows_too=True, near=NEXT_NEAR if wider else RECENT_NEAR, also=also,
                      asked=asked)
    # (not a deadline before it: "TODO write 20 quiz questions DEADLINE: <2026-12-08>" is no next meeting, trial s71 T)
    said = {j: day for j, day in said.items() if not _DEADLINE_SET.search(chunks[int(cand[j])].text)}
    # (... nor, asked when the next is due, a task only scheduled: "☐ ask Kerry why Jan says 13 days ⏳ 2030-03-04" had
    # come before "☐ pay March invoice through TFC 📅 2030-03-05" for "when is the next nursery payment due", trial
    # s90 U)
    if _DUE_ASKED <= asked:
        said = {j: day for j, day in said.items() if not only_scheduled(chunks[int(cand[j])].text)}
    # (nor one called off: "Sun 27 Dec — cancelled (Christmas)" is no next class, trial s73 X, it had come first for
    # "when's the next restorative", "Sun 31 Jan 2027" 2nd)
    # (... unless set for another day: "~~Tue 24 April~~ - they cancelled ... Moved to Thu 31 May", trial s87 U, its
    # days read as all gone; that day, not the one called off)
    today_ = str(today)[:10] if today else clock.today().isoformat()
    said = {j: _day_set_again(c, today_) if day and (_CALLED_OFF.search((c := chunks[int(cand[j])]).text)
                                                    or _says_none_of(c.text, asked)) else day
            for j, day in said.items()}
    # (nor a day a thing is on until: "early bird £52 till 31 Oct" is no next workshop, trial s77 G, its 27 Nov 4th)
    # (... nor the day a change holds from: "pay rises from 1 April" is no next payroll cut-off, trial s83 G, first for
    # "when's the next payroll cut off" once the table's row was read by its "Cut-off" column)
    said = {j: _first_day_from(replace(c, text=_CHANGE_FROM.sub(" ", _UNTIL_DAY.sub(" ", c.text))), today_)
            if day and (_UNTIL_DAY.search((c := chunks[int(cand[j])]).text) or _changes_from(c.text)) else day
            for j, day in said.items()}
    coming = {j: day for j, day in said.items() if day}
    if coming:
        # (the soonest of those that say they are the next of it, where any does: "next one Wed 28 Jun" under a
        # steering group's line, not a meeting's action "move the member comms to w/c 19 June", trial s84 G, 8th)
        # (a line that says the thing and a day to come of another thing is no next of it: "Moorside steering (Teams):
        # ... go-live moves to Tue 27 June", the s84 rescore; left: a sooner one so written, "Dentist appointment moved
        # forward to <3 days on>", comes after a page's "Next: <four months on> check-up", the review)
        told = [day for j, day in coming.items() if asked and _says_next_of(chunks[int(cand[j])], asked)]
        # (... else of those that hold every word asked, where any does (also: _next_of's): "Fri 7 June — day off", not
        # "Priya off all week ... Fri 31st" for "when's my next day off", trial s91 B)
        held = [day for j, day in coming.items() if words and _holds_words(chunks[int(cand[j])], words, True)]
        soonest = min(told or held or coming.values())
        # (a later day of the soonest's own note is no next either: a schedule's "Date: 20 July", "Date: 6 July", a few
        # words nearer the question, had come before its "25 May" for "when's the next greenway visit", trial s78 C)
        # (... unless it says a word of the question the soonest does not, nor its note's title and headings: a table of
        # many things' days, the review; not "phase meetings" beside "science subject leader" of "staff meetings")
        def says(c: Chunk) -> frozenset[str]:
            return (asked & frozenset(tokenize(c.text))) - frozenset(tokenize(" ".join((c.title, *c.heading))))
        first = {_schedule(c): says(c) for j, day in coming.items()
                 if day == soonest and _schedule(c := chunks[int(cand[j])]) is not None}
        for j, day in said.items():
            out[j] = float(day == soonest) if day else -1.0
            c = chunks[int(cand[j])]
            if day and day > soonest and (key := _schedule(c)) in first and not says(c) - first[key]:
                out[j] = -1.0
        # ... and a passage of no day of a note of years gone ("Started at the market Apr 2025" of "Market takings
        # 2025": trial s76 K, first for "when is the next market" over the log's "Sat 10 Jul — market")
        year = today_[:4]
        for j in range(len(cand)):
            c = chunks[int(cand[j])]
            if j not in said and not c.date and (titled := _title_years(c.title)) and max(titled) < year:
                out[j] = -1.0
    return out


def _schedule(c: Chunk) -> tuple | None:
    """The list of days c is one of: a table's row (its note and headings), or a list's item that opens with a day
    ("25 May — phase meetings": its note, headings and parent); None for another passage."""
    if c.kind == "table_row":
        return (c.path, tuple(c.heading))
    return (c.path, tuple(c.heading), c.parent) if c.kind == "bullet" and opens_with_day(c.text) else None


# a day a thing is on until ("early bird £52 till 31 Oct"; not one to be done by, "papers needed by Wed 13 Jan" of the
# meeting on the 20th: the s77 rescore, trial s74 B 3rd -> 5th, tasks due the 13th the soonest then)
_UNTIL_DAY = re.compile(r"\b(?:till|til|until|ends?|closes?)\s+(?:the\s+)?(?:\d{4}-\d\d-\d\d\b|(?:(?:" + ANY_WEEKDAY
                        + r")\w*\.?,?\s+)?[0-3]?\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Za-z]{3,9}\b\.?)?)", re.IGNORECASE)


# a day a change holds from: "pay rises from 1 April", "Adult subs £36 -> £40 from 1 April 2028", "new rates from 6th"
_CHANGE_FROM = re.compile(r"\b(?:from|wef|w\.e\.f\.?|effective)\s+(?:the\s+)?(?:\d{4}-\d\d-\d\d\b|(?:(?:" + ANY_WEEKDAY
                          + r")\w*\.?,?\s+)?[0-3]?\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Za-z]{3,9}\b\.?)?(?:\s+(?:19|20)\d\d)?)"
                          # (not a span's first day: "Scout camp from Sat 1 April to Mon 3 April", the review)
                          r"(?!\s*(?:-|–|—|to|until|till)\s+\w)", re.IGNORECASE)
# ... and, in a passage of a change, a day it is bounded by: "bookings made before 1 April keep the old price"
_CHANGE_BOUND = re.compile(_CHANGE_FROM.pattern.replace(r"(?:from|wef|", r"(?:from|before|after|wef|", 1), re.IGNORECASE)
# (a price by the hour, the session or the month, "£20 per session", "£46 an hour"; not a sum of a thing on, "Easter fair
# from 1 April, rides £2", "£40 each": the review)
_CHANGE = re.compile(r"\b(?:ris(?:e|es|ing)|goes\s+up|going\s+up|up\s+to|increas\w*|new\s+(?:rates?|prices?|fees?)|"
                     r"rates?|prices?|fees?|subs|changes?)\b|->|→|£\s?\d+(?:\.\d\d)?\s*(?:/\s*|\s+(?:per|an?)\s+)"
                     r"(?:hour|hr|h|session|month|mo|week|wk|year|yr|day|class|visit|lesson)\b", re.IGNORECASE)


def _changes_then(of: list[Chunk], day: np.ndarray, text: str) -> np.ndarray:
    """For each candidate of the days asked (day): does it say them only as the day a change holds from, and its own
    day is none of them ("Adult subs £36 -> £40 from 1 April 2028", "from 1 April 2028: £46 an hour" for "whats on this
    weekend", Saturday 1 April: trials s83 F, K, four such lines before the Sunday's race)? Not for a question of a
    change itself ("what do the subs go up to on saturday")."""
    out = np.zeros(len(of), dtype=bool)
    if not day.any() or _CHANGE.search(text):
        return out
    asked = days(text)
    for j in np.flatnonzero(day).tolist():
        c = of[j]
        # (a change its text says, or its heading or title: "## Prices from 1 April 2028" > "Follow-up | 2027/28: £50 |
        # From 1 Apr 2028: £55", trial s83 K)
        if not (_CHANGE_FROM.search(c.text) and (_CHANGE.search(c.text) or _CHANGE.search(" ".join((c.title, *c.heading))))):
            continue
        own = (c.date or "")[:10]
        # (its own day asked, only where a heading or its title says it is when the change holds: "## Prices from 1
        # April 2028" > "Follow-up | 2027/28: £50 | From 1 Apr 2028: £55", trial s83 K; not a day's "Sat 1 Apr — NEW
        # PRICES live")
        if (own in asked or own[5:] in asked) and not any(_CHANGE_FROM.search(h) for h in (c.title, *c.heading)) \
                and not (_CHANGE_FROM.search(c.text) and own not in days_said(_CHANGE_BOUND.sub(" ", c.text), "")):
            continue
        said = days_said(_CHANGE_BOUND.sub(" ", c.text), own) - {own}
        out[j] = not (said & asked or {d[5:] for d in said} & asked)
    return out


def _cell_elsewhere(of: list[Chunk], day: np.ndarray, text: str, asked: frozenset[str]) -> np.ndarray:
    """For each candidate of the days asked (day): is it a table's row whose one column the question names says days,
    none of them asked ("Quarter: Q4 | Period: Jan–Mar 2028 | Due: 7 May 2028" for "whats due this month" in March:
    trial s83 O, "due 2028-05-07", of the days asked by its period)?"""
    out = np.zeros(len(of), dtype=bool)
    if not day.any():
        return out
    wanted = days(text)
    for j in np.flatnonzero(day).tolist():
        c = of[j]
        if c.kind == "table_row" and (cell := _cell_asked(c.text, asked)) is not None:
            said = days_said(cell, (c.date or "")[:10]) - {(c.date or "")[:10]}
            out[j] = bool(said) and not (said & wanted or {d[5:] for d in said} & wanted)
    return out


def _changes_from(text: str) -> bool:
    """Does text say a change that holds from a day (_CHANGE_FROM: "pay rises from 1 April", "£36 -> £40 from 1 April")?"""
    return _CHANGE_FROM.search(text) is not None and _CHANGE.search(text) is not None


def _not_gone(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray, today: _dt.date | str | None = None
              ) -> np.ndarray:
    """For each candidate: 1 for those of the best that say a day from today on (as _soonest reads them), where
    another of the best says days all gone, -1 for those, 0 for the others: "when is packing day?" is this year's, not
    last year's "Sat 20 Dec 2025" (trial s53), nor last December's journal's "xmas do tonight" (trial s68 D MTH-035);
    not the soonest of them, which may be a deadline before it ("pre-read due Jan 8" of an offsite on the 14th, the
    trials)."""
    out = np.zeros(len(cand), dtype=np.float32)
    said = _days_from(chunks, cand, fused, today)
    if None in said.values() and any(said.values()):
        for j, day in said.items():
            out[j] = 1.0 if day is not None else -1.0
    return out


def _days_from(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray, today: _dt.date | str | None,
               rows_too: bool = False, near: float = RECENT_NEAR, also: list[int] | tuple[int, ...] = (),
               asked: frozenset[str] = frozenset()) -> dict[int, str | None]:
    """Of the best candidates that say a day (near of the best's fused score or more, RECENT_AMONG at most): the first
    day each says from today on, None for one whose days are all gone. rows_too: where the best of all is a table row,
    the other rows of its table near it too (_table_near); also: those candidates too (their places in cand). asked:
    the question's words, a table row's days those of the one column they name, if one (_cell_asked)."""
    today_ = today if isinstance(today, str) else (today or clock.today()).isoformat()
    out: dict[int, str | None] = {}
    if not len(cand):
        return out
    floor = near * float(fused.max())  # of the best match of all, not of the best that says a day (the review:
    best = []  # a lone car MOT's date had been lifted for "my next dentist appointment"; the few best only: every
    for j in np.argsort(-fused, kind="stable")[:RECENT_AMONG]:  # candidate read had cost)
        if fused[j] < floor:
            break
        best.append(int(j))
    for j in best + (_table_near(chunks, cand, fused, best) if rows_too else []) + [j for j in also if j not in best]:
        c = chunks[int(cand[j])]
        if c.kind == "table_row" and asked and (cell := _cell_asked(c.text, asked)) is not None:
            c = replace(c, text=cell)
        if _of_today_only(c, today_):
            continue  # (today's note's "☐ Physio exercises" is no next physio, trial s71 H: "Next: Thu 10 Dec" had lost)
        if asked and _of_event_named(c, asked, today_):  # (... or the day it is moved to: "Rebooked: moved to Tue 22
            # May" in a note of 20 June, the review)
            out[int(j)] = _day_set_again(c, today_) or c.date[:10]
        elif day := _first_day_from(c, today_):
            out[int(j)] = day
        elif _said_days(c, today_):
            out[int(j)] = None
    return out


def _of_event_named(c: Chunk, asked: frozenset[str], today: str) -> bool:
    """Is a passage of a note named by its own day to come whose title or folders hold the question's words (the
    event's own note, "weddings/2029/2029-06-02 Hollie & Matt.md" for "when is my next wedding")? Then it is of that
    day, whatever days it writes (its "balance due 5 May — still NOT paid as of 16 May", trial s87 C, had made it the
    next wedding on the 16th, this Friday's out of ten)."""
    from .metadata import note_date

    words = asked - _NEXT_FRAME
    day = (c.date or "")[:10]
    # (not today's note that writes a day to come: a letter of today booking it, "Gas safety check – Tue 6 Feb" of
    # "letters/2029-01-25-gas-access-cardigan.md", the s87 rescore: s86 S-37 2nd -> 9th, read as a check today)
    # (... unless its folders name the thing: "weddings/2029/<today> Hollie & Matt" is today's wedding whatever later
    # day it writes, "Album to them by Tue 30 Oct": the review)
    if day == today and any(d > today for d in days_written(c.text, today)) \
            and not words <= _folder_words(c.path):
        return False
    return bool(words) and day >= today and note_date(None, c.path) == day \
        and _holds_words(replace(c, text="", heading=[], parents=[]), words, True)


def _cell_asked(row: str, asked: frozenset[str]) -> str | None:
    """The one cell of a table row whose column the question names and that writes a day ("Cut-off to Ledgerline: Tue
    18 April" for "when's the next payroll cut off": trial s83 G, the March row's pay day tomorrow had made it the next,
    its cut-off of the 17th gone), else None."""
    cells = [f"{column}: {value}" for column, value in row_cells(row)
             if column and asked & _words_of(column) and any(ch.isdigit() for ch in value)]
    return cells[0] if len(cells) == 1 else None


def _of_today_only(c: Chunk, today: str) -> bool:
    """Is the passage of today by its note's day only, its text saying no day nor a time of day?"""
    return (c.date or "")[:10] == today and _said_days(c, today) <= {today} and not days_written(c.text, today) \
        and not says_clock(c.text)


TABLE_NEAR = 0.25  # how far below the best a row of its table is read for the next of what the table lists


def _table_near(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray, best: list[int]) -> list[int]:
    """The candidates not in best that are rows of the table of the best table row among best, within TABLE_NEAR of
    it: "when's the next kvas meeting" is the programme's next row ("Wed 9 Dec 26 | members | Christmas social",
    trial s71 T, 38th), not its best match ("Wed 14 Apr 27 | tbc | tbc")."""
    first = next((j for j in best if chunks[int(cand[j])].kind == "table_row"), None)
    if first is None:
        return []
    rows, taken = table_rows(chunks, int(cand[first])), set(best)
    return [j for j in range(len(cand)) if j not in taken and int(cand[j]) in rows
            and fused[j] >= fused[first] - TABLE_NEAR]


def _opens_dated(text: str) -> bool:
    """Does text open with a day or a weekday ("Fri 24 - Grainger job", "14 Sep: ...")?"""
    return opens_with_day(text) or opens_with_weekday(text)


def _first_day_from(c: Chunk, today: str) -> str | None:
    """The first day a passage is of or says on or after today (_said_days), or None."""
    return min((d for d in _said_days(c, today) if d >= today), default=None)


def _said_days(c: Chunk, today: str) -> frozenset[str]:
    """The days a passage is of or says (agenda.days_said); a day of no year in a passage of no day, of the year its
    title, heading or opening says (agenda.passage_year: "FY17 BXE Okafor - 14 Dec" of "MOT reminders 2027", trial s73
    M, had been the next MOT, on the 14th), else the next one from today ("packing day: Sat 19 Dec" on an undated
    event page)."""
    if c.date:
        said = days_said(c.text, c.date)
        # (not its note's day where it writes days to come of its own: "Open days: Sat 18 Sept, Sat 16 Oct" of the
        # minutes of the 15th is no open day on the 15th, the rescore: s79 E-12, it had come first for "when is the next
        # open day")
        # (... unless it opens with its own day: "Fri 24 - Grainger job, balance due 1 Oct" is the 24th's, the review)
        written = days_written(c.text, c.date)
        if c.date[:10] in written or not any(d > c.date[:10] for d in written) or _opens_dated(c.text):
            return said
        return said - {c.date[:10]}
    # (a day of that year nearest its middle: "28 Jan" of 2027's list is January 2027's; else of the one year the
    # passage writes its other days with: "Summer: Mon 13 Apr – Wed 22 Jul 2026. Half term 25–29 May", trial s78 W,
    # had been the coming half term, first for "when is half term" over the new term dates)
    year = passage_year(c)
    near = f"{year}-07-01" if year else day_written_before(c.text) or today
    return days_said(c.text, "") | days_written(c.text, near)


def _labels(chunks: list[Chunk], row: int) -> bool:
    """Is the passage at row a label of what follows it ("topics we care about:", a "TRIAGE" block with its steps
    under it), not what its note holds?"""
    c = chunks[row]
    return c.text.rstrip().endswith(":") or row + 1 < len(chunks) and chunks[row + 1].path == c.path \
        and chunks[row + 1].parent == c.seq


# a weekday or a time of day a field's value says ("Wednesdays 18:00", "tue 3pm"); "sat" and "sun" as weekdays only
# written so, not "light: full sun", "exam: SAT" (the review)
_WHEN_VALUE = re.compile(r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri)(?:s|days?|\.)?|(?:satur|sun)days?|(?-i:Sat|Sun)\.?)\b|"
                         r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|"
                         r"\b\d{1,2}:\d\d\b", re.IGNORECASE)


def _field_says_when(text: str) -> bool:
    """Is a line of a passage a field whose value says a day or a time ("deadline: Dec 11th, 2026", "when:
    Wednesdays 18:00")? (A fact of Passages.)"""
    for line in text.split("\n"):
        if field_line(line):
            value = line.split(":", 1)[1]
            if WRITTEN_DAY.search(value) or _WHEN_VALUE.search(value):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _says_day(text: str) -> bool:
    """Does a passage say a day (WRITTEN_DAY)? Read once a passage, not once a question."""
    return WRITTEN_DAY.search(text) is not None


def _says_day_gone(text: str) -> bool:
    """Does a passage say a day that may be gone, asked when a thing was ("when did i ...")? Not only days to come, of
    the year they write (a concert hall's season rows "Date: 2027-03-06" for "when did i start doing the concert hall":
    trial s69 D PNT-022, "says a day, as asked" over the journal of the first job); a day of no year may be."""
    today = clock.today()
    return any((d := written_day(m)) is None or d <= today for m in WRITTEN_DAY.finditer(text)) \
        if any(ch.isdigit() for ch in text) else False


ONLY_A_DAY = 40  # characters: a passage longer says more than a day (and its day regex not read: the latency)


def _only_a_day(text: str) -> bool:
    """Is a passage a day alone ("2027-01-19", "Tue 19 Jan"), or after its year's label ("2027: Sun 20 June" under
    "Father's Day": trial s78 A, thin, a hit's breadcrumb only, for "when is fathers day this year")?"""
    m = WRITTEN_DAY.search(text)
    return m is not None and not (_YEAR_LABEL_ONLY.sub("", text[:m.start()]) + text[m.end():]).strip(" .,;:()-–—")


_YEAR_LABEL_ONLY = re.compile(r"^\s*(?:(?:19|20)\d\d\s*[:–—-]\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
                              re.IGNORECASE)  # (and its weekday: "Tue 19 Jan")


def _under_day(c: Chunk) -> bool:
    """Is a passage under a heading or a bullet that opens with a day, as a log's entry is ("## 2025-10-25", "### 5
    Jul", "Mon 12 Mar": trial s51, "when did i plant the garlic last year" had come after the garlic note's how-to)?
    Not its title, wherever it is (a note of no H1's first heading is a heading: the review), nor a heading that says
    a day in passing ("Sow indoors after 15 February": the review)."""
    return any(WRITTEN_DAY.match(_WEEKDAY_FIRST.sub("", h.strip())) for h in (*c.heading, *c.parents)
               if h != c.title and h[:1].isalnum())


_WEEKDAY_FIRST = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def _saying_names(chunks: list[Chunk], cand: np.ndarray, among: list[int], name: np.ndarray) -> list[int]:
    """Of among, the candidates that say a word of the title of a note the question names (name > 0): "our last
    1:1" with Dana, whose page is undated, is the newest journal line that says "Dana", not the newest journal
    (the chat trial, s42: yesterday's "Focus block 9-11" had come first)."""
    words = frozenset(w for j in np.flatnonzero(name > 0) for w in _words_of(chunks[int(cand[j])].title))
    if not words:
        return []
    return [j for j in among if words & _words_of(" ".join((chunks[int(cand[j])].text, *chunks[int(cand[j])].parents)))]


def _second_best(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray,
                 alone: np.ndarray | None = None) -> np.ndarray:
    """For each candidate, the fused score of the second-best candidate of its note (0 if none); for
    a candidate alone in its note (alone: per candidate), its own score."""
    best: dict[str, list[float]] = {}
    paths = [chunks[i].path for i in cand.tolist()]
    for path, f in zip(paths, fused.tolist()):
        top = best.setdefault(path, [0.0, 0.0])
        if f > top[0]:
            top[0], top[1] = f, top[0]
        elif f > top[1]:
            top[1] = f
    out = np.array([best[path][1] for path in paths], dtype=np.float32)
    if alone is not None:
        out = np.where(alone, fused, out).astype(np.float32)
    return out


def _thin_last(chunks: list[Chunk], cand: np.ndarray, rank: np.ndarray, thin: np.ndarray) -> np.ndarray:
    """rank with each thin candidate moved just below the lowest other candidate of its note, if it has one."""
    if not thin.any() or thin.all():
        return rank
    lowest: dict[str, float] = {}
    rows, ranks = cand.tolist(), rank.tolist()
    for j in np.flatnonzero(~thin).tolist():
        path = chunks[rows[j]].path
        lowest[path] = min(lowest.get(path, np.inf), ranks[j])
    out = rank.copy()
    for j in np.flatnonzero(thin).tolist():
        floor = lowest.get(chunks[rows[j]].path)
        if floor is not None and out[j] >= floor:
            out[j] = floor - 1e-4
    return out


def _pointers_after(chunks: list[Chunk], cand: np.ndarray, rank: np.ndarray, passages: Passages,
                    note: bool = True) -> np.ndarray:
    """rank with each candidate that is only a link to another note (a thin line reading as that note's title: a
    Logseq contents page's "- [[events/Hamper Drive 2026]]", a map of content's "- [[Boiler]]"), for a question that
    asks for a note (note), or after an arrow or "see" for any, just below the best candidate of the note it points
    to, if that note has one: the note is the answer, the link only names it (trial s53: a contents page had come first
    for "my notes on the hamper drive")."""
    rows = cand.tolist()
    pointers = [(j, path, np.inf) for j, row in enumerate(rows)
                if (named := _pointer_of(chunks[row], note)) and (path := passages.note_titled(named)) is not None
                and path != chunks[row].path]
    taken = {j for j, _, _ in pointers}
    # (... a hub's line, or one that says where the detail is, only as near: a survey note's "Ref LP-2904-23 ... notes
    # in 2029-04-11 surveyor call" is the answer to "LP-2904-23", the call's note far below it, the s91 rescore)
    pointers += [(j, path, POINTER_NEAR) for j, row in enumerate(rows)
                 if j not in taken and ((path := _hub_line_of(chunks, row, passages)) is not None
                                        or (named := _detail_in(chunks[row])) and (path := passages.note_titled(named))
                                        is not None and path != chunks[row].path)]
    if not pointers:
        return rank
    best: dict[str, float] = {}
    for j, row in enumerate(rows):
        best[chunks[row].path] = max(best.get(chunks[row].path, -np.inf), float(rank[j]))
    out = rank.copy()
    for j, path, near in pointers:
        if path in best and out[j] >= best[path] >= out[j] - near:
            out[j] = best[path] - 1e-4
    return out


POINTER_NEAR = 0.2  # a hub's line of a note's name goes below that note's best passage this near it, whatever is asked


def _hub_line_of(chunks: list[Chunk], row: int, passages: Passages) -> str | None:
    """The path of the note a list item names as a hub's or an index's line does, its whole text (a link alone), or
    its opening words before a few more that say what it is (_only_names_it: "Toy Appeal with the fire station",
    "Schools Collections reverse advent calendars") where another item of its list names a note so too, a title of
    two words or more; else None. (Trial s82 G: the hub's lines had come first for "the fire station toy thing",
    "school reverse advent calendars", "where is the volunteer party", the notes they name second; not a journal's
    "Dentist appointment moved to next friday", news of the note it names, the review.)"""
    c = chunks[row]
    if c.kind != "bullet":
        return None
    if c.thin and (path := passages.note_titled(c.text)) is not None:
        return path if path != c.path else None
    path = _named_first(c, passages)
    # (one line, not a journal's: its lines are its day's news)
    if path is None or path == c.path or "\n" in c.text.strip() or daily_note(c.path):
        return None
    near = range(max(0, row - HUB_SIBLINGS), min(len(chunks), row + HUB_SIBLINGS + 1))
    return path if any(o != row and (s := chunks[o]).path == c.path and s.parent == c.parent and s.heading == c.heading
                       and s.kind == "bullet" and (s.thin and passages.note_titled(s.text) or _named_first(s, passages))
                       for o in near) else None


HUB_SIBLINGS = 8  # how far either side in its note a hub's line looks for another item of its list that names a note


def _named_first(c: Chunk, passages: Passages) -> str | None:
    """The path of the note whose title of two words or more a line opens with before a few more words of what it is
    (_only_names_it), else None."""
    words = c.text.split()
    # (a line of a title's first word and a few more only: a question's 300 candidates each read so had cost 8 ms)
    if not 3 <= len(words) <= 6 + POINTER_LABEL_WORDS or words[0].casefold() not in passages.title_openings():
        return None
    for n in range(min(len(words) - 1, 6), 1, -1):
        if _only_names_it(rest := " ".join(words[n:])) and not _SAYS_NEWS.search(rest) \
                and (path := passages.note_titled(" ".join(words[:n]))) is not None:
            return path
    return None


# words that say what happened to a thing, not what it is ("moved to next friday", "cancelled again", "is off")
_SAYS_NEWS = re.compile(r"\b(?:\w{2,}ed|is|was|are|were|has|had|will|needs?|got|went|done|off|back)\b", re.IGNORECASE)


_POINTS = re.compile(r"\s*(?:→|->|=>|⇒|➜|➔|see(?:\s+also)?\b:?|cf\.)\s*", re.IGNORECASE)


def _pointed(text: str) -> str | None:
    """What an arrow or "see" points to at a line's start ("→ 2026 Holm on the Home Front"), else None."""
    m = _POINTS.match(text)
    return text[m.end():] if m and m.end() < len(text) else None


_POINTS_AT_END = re.compile(r"(?:→|->|⇒|➜|➔)\s*([^→\n]+?)\s*$")


def _pointer_of(c: Chunk, note: bool) -> str | None:
    """The name a passage points to: after a label and "see"; a thin line's that is a link or an arrow or "see" before
    one; asked for a note (note), a thin line's whole text, or what a line ends pointing to ("Group kit (tents, stoves,
    maps) → Group kit and stores", trial s63 GEO-030), else None."""
    # (a label, then "see" and the note: "Gate code + what3words: see Coldharbour Vineyard", trial s71 D, first for
    # "whats the number for the gate", the code 3rd)
    if m := _SEE_AFTER_LABEL.fullmatch(c.text):
        return m[1]
    # (a thin line of a pointer's label and a link: "last year: [[Summer Fete 2029]]", trial s91 L, first for "last
    # year's fete" over that note's opening, 11th)
    if c.thin and (m := _LABEL_THEN_NAME.fullmatch(c.text)):
        return m[1]
    if c.thin and (pointed := _pointed(c.text) or (c.text if note else None)):
        return pointed
    m = _POINTS_AT_END.search(c.text)
    # (asked for no note, only after a few words that say what the note is for: "How to wipe one → [[Reset iPad via
    # Jamf]]", trial s64 ITT-029; what a line says before its arrow may be the answer, "Group kit (tents, stoves) → ...")
    if m and (note or _only_names_it(c.text[:m.start()])):
        return m[1]
    # ... or a label of what the note is for, then a colon and the note ("Adding to PaperCut: [[Add printer
    # PaperCut]]", "Background: [[T-1251 ...]]", trial s64 ITT-011, ITT-038); not a field's, "Owner: [[Jo Hussain]]"
    m = _FOR_LABEL.fullmatch(c.text)
    return m[2] if m and _only_names_it(m[1]) and m[1].split()[0].lower() not in _ING_NOUNS else None


def _detail_in(c: Chunk) -> str | None:
    """The name of the note a line says the detail is in ("Callum read the draft - feedback in [[Grant/Case for
    support]]. Fair.", "Notes for next year are in [Christmas 2029 review]": trials s91 O, K, each first over the note
    it names), else None."""
    m = _DETAIL_IN.search(c.text) if " in " in c.text or " on " in c.text else None
    return m[1] if m else None


_DETAIL_IN = re.compile(r"\b(?i:feedback|notes?|details?|write-?up|minutes|more|the\s+rest|everything)\s+"
                        r"(?i:for\s+[\w\s]{1,20}?)?(?i:(?:are|is)\s+)?(?i:in|on)\s+([A-Z0-9][^.;,()\n]{2,60}?)\s*(?:[.;,()]|$)")
_LABEL_THEN_NAME = re.compile(r"\s*" + POINTER_WORDS + r"\s*:\s*([^:\n]+?)\s*", re.IGNORECASE)
_SEE_AFTER_LABEL = re.compile(r"\s*[^:\n]{1,60}:\s*see(?:\s+also)?\s+([^:\n]+?)\s*", re.IGNORECASE)
# (not a thing's name that ends so: "Building: [[Block C]]", "Meeting: ...")
_ING_NOUNS = frozenset("thing things something nothing anything everything spring king ring ceiling building wedding "
                       "morning evening pudding string wing sibling during meeting".split())
# a label that says what a note it points to is for: a doing ("Adding to PaperCut", "how to wipe one") or a word of
# such ("background", "details", "steps")
_FOR_LABEL = re.compile(r"\s*((?:how\b|[A-Za-z]+ing\b|background\b|details?\b|more\b|related\b|guide\b|steps\b|"
                        r"instructions\b|process\b|procedure\b|method\b|info\b|write-?up\b)[^:\n]{0,40}):\s*([^:\n]+?)\s*",
                        re.IGNORECASE)


POINTER_LABEL_WORDS = 5


def _only_names_it(label: str) -> bool:
    """Is label a few words (POINTER_LABEL_WORDS at most) of no number nor list, as a line that points to a note says
    what the note is for?"""
    return 0 < len(label.split()) <= POINTER_LABEL_WORDS and not any(ch.isdigit() or ch in ",;(" for ch in label)


def _says_little(c: Chunk, words: dict[str, float] | None, asked: frozenset[str], who: bool) -> bool:
    """Of a passage that looks thin (only a link, a picture, a page's properties, a few words, or a field of names
    unless the question asks who: Passages), is it thin: not saying half the question's words itself ("plate: KN19
    XPT" for "what is my number plate?"), nor a field the question asks for ("Owner: Priya Raman" for "who owns
    Atlas?"; asked: the question's words)?"""
    return (_own_share(c, words) < OWN_WORDS and not _asked_field(c, asked)
            and not (_asks_authors(asked, who) and _says_authors(c.text)))


# (a month asked by its name, not a holiday's: "surcharge if records come in after new year", the s91 rescore, s82 E-09)
_MONTH_NAMED = re.compile(r"\b(?:in|during|for|over|through|until|till|this|next|from|between|and|to)\s+"
                          r"(?:early\s+|late\s+|mid[\s-])?"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_WHO_ASKED = re.compile(r"\b(?:who|whom|whose|whos|who['’]s)\b", re.IGNORECASE)  # ("whos making ...", typed so)
_ASKS_WHO = re.compile(r"\b(?:who|whom|whose)\b", re.IGNORECASE)
_ASKS_CONTACT = re.compile(r"\b(?:e-?mails?|phone|mobile|number|tel|contact|whatsapp)\b", re.IGNORECASE)
# ... a phone number or an email address, not a number of another thing ("licence number", "locker number")
# (not "on the phone", a way of working: "how much extra do staff get for doing nights on the phone", trial s65 F)
_NUMBER_WORDS = frozenset(tokenize("number no nos num"))
_LONG_NUMBER = re.compile(LONG_NUMBER)
# letters and digits joined by "-" or "/" ("PO-61207", "TMBC/C/1140"), or letters then three digits or more ("UL7F3K"):
# a reference's; not a day's ("2026-12-09", all digits) nor a measure's ("500ml")
_REFERENCE = re.compile(r"(?<![\w/.-])(?=[\w/-]*\d)(?=[\w/-]*[^\W\d_])[^\W_]+(?:[-/][^\W_]+)+(?![\w/-])|"
                        + LETTERS_DIGITS)
# a question for a thing's number: "nspcc number", "cert no.", "number for the engineer"
_ASKS_NUMBER = re.compile(r"\b(?:number|no|nos|num)\.?\s*[?.!]*\s*$|\b(?:number|no)\s+for\b", re.IGNORECASE)
_ASKS_PHONE = re.compile(r"\b(?:e-?mail(?:\s+address)?|(?<!on the )phone(?!\s+(?:calls?|bills?|contracts?|cases?|appointments?|appts?|consults?|consultations?|"
                         r"system|lines?|triage|interviews?|reviews?))|mobile(?!\s+(?:app|signal|data|coverage))|"
                         r"tel|whatsapp"
                         # ... "accountant contact details", "how do i get hold of mick" (trial s66 MAS-036)
                         r"|contact\s+(?:details|info|information|no|nos|numbers?)"
                         r"|(?:contact|get\s+hold\s+of)\s+(?=\w)(?!(?:back|about|lens|lenses)\b))\b", re.IGNORECASE)


def _asked_field(c: Chunk, asked: frozenset[str]) -> bool:
    """Is the passage one field ("Owner: Priya Raman", "sleep: 7h"), or a note's fields a line each (its front
    matter's, a Logseq page's properties), one of whose keys the question says, or a form of it ("owns",
    "slept", "attended" for "Attendees": the question's own words, asked, whether or not the notes say them)?
    A daily note's "mood: 8/10" is no answer to "what did I write that day?" (trial W), but is to "what was my
    mood?" ("servings: 6" to "how many servings does the chilli make?", trial s35); a record's fields
    (RECORD_KEYS: "Full Title") never are."""
    if not asked:
        return False
    return any(_asked_key(line, asked) for line in (c.text.split("\n") if c.thin else (c.text,)))


def _asked_key(text: str, asked: frozenset[str]) -> bool:
    key = field_key(text)
    if not key or not field_line(text):
        return False
    if _words_of(text.split(":", 1)[1]) <= asked:  # "session: 41" for "what should I prep for session 41?" says
        return False  # what the question says, not what it asks (trial s50: it had come before the prep list)
    asked = asked | {k for w in asked & _FIELD_ASKED.keys() for k in _FIELD_ASKED[w]}
    return key not in RECORD_KEYS and any(_same_start(k, w) for k in tokenize(key.replace("_", " ")) for w in asked)


_PHONE_KEYS = "phone mobile cell tel telephone landline whatsapp signal"
# the field a question's word asks for by another name: "how old is Tobiah?" asks for his "age: 41" (trial s37), "how
# tall", his height
_FIELD_ASKED = {tokenize(w)[0]: tuple(tokenize(k)) for w, k in (("old", "age born birthday"), ("tall", "height"),
                                                                  ("born", "birthday birth"),
                                                                  ("birthday", "born birth"),
                                                                  # "when is the essay due?": its "deadline:" (s52)
                                                                  ("due", "deadline"), ("deadline", "due"),
                                                                  # "ruiz phone number": her "Mobile: 07700 ..."
                                                                  # (trial s54: dense #1, shown 46th as thin)
                                                                  ("phone", _PHONE_KEYS), ("call", _PHONE_KEYS),
                                                                  ("ring", _PHONE_KEYS), ("text", _PHONE_KEYS),
                                                                  ("contact", _PHONE_KEYS + " email"),
                                                                  # "how do i get hold of grace", "reach" her (s54)
                                                                  ("hold", _PHONE_KEYS + " email"),
                                                                  ("reach", _PHONE_KEYS + " email"),
                                                                  ("email", "mail"))}


# "who wrote the Elastic Replay paper?", "who is the author of ...?", "who authored ...?" ask for its authors (trial
# s36: the front matter's "authors: Anja Kessler, ..." had been weak, never shown); a record's too ("Author:")
_WRITE_WORDS = frozenset(tokenize("wrote written write writer author authored"))
_AUTHOR_KEYS = frozenset(tokenize("author creator writer written"))  # "authors:", "Written by:"


def _asks_authors(asked: frozenset[str], who: bool) -> bool:
    """Does a question (asked: its words; who: it asks who) ask who wrote something?"""
    return who and bool(asked & _WRITE_WORDS)


@lru_cache(maxsize=1 << 16)
def _says_authors(text: str) -> bool:
    """Does a passage say who wrote it, a field of authors on a line of its own ("authors: Anja Kessler, ...")?"""
    return any(_AUTHOR_KEYS.intersection(tokenize(key)) for key in _field_keys(text))


def _field_keys(text: str) -> list[str]:
    """The keys (lower case) of a passage's lines that are each a field ("authors: ...", "Attendees: ...")."""
    return [key for line in text.split("\n") if (key := field_key(line)) and field_line(line)]


def _authors(chunks: list[Chunk], cand: np.ndarray, asked: frozenset[str], who: bool) -> np.ndarray:
    """For each candidate, when the question asks who wrote something: does it say who (_says_authors)?"""
    if not _asks_authors(asked, who):
        return np.zeros(len(cand), dtype=bool)
    return np.array([_says_authors(chunks[i].text) for i in cand.tolist()], dtype=bool)


# "who came to ...?", "who was at ...?", "who attended ...?" ask for a meeting's attendees ("with: Ana, Ben" too); not
# "who was on call", "who was in charge" (the review)
_ASKS_WHO_CAME = re.compile(r"\bwho\s+(?:came|comes|attended|joined|showed\s+up|turned\s+up|"
                            r"(?:was|were|is|are)\s+(?:at|there|present|invited)\b)", re.IGNORECASE)
_ATTENDEE_KEYS = frozenset("attendees attendee attendance attending attended participants participant present people "
                           "with who guests invited invitees".split())


def _attendees(chunks: list[Chunk], cand: np.ndarray, text: str) -> np.ndarray:
    """For each candidate, when the question asks who came to something: is it a field of who did
    ("attendees: Ana Ruiz, Ben Okafor")?"""
    if _ASKS_WHO_CAME.search(text) is None:
        return np.zeros(len(cand), dtype=bool)
    return np.array([_says_attendees(chunks[i].text) for i in cand.tolist()], dtype=bool)


@lru_cache(maxsize=1 << 16)
def _says_attendees(text: str) -> bool:
    """Does a passage say who came, a field of attendees on a line of its own ("Attendees: Ana, Ben", "with: Ana")?"""
    return any(_ATTENDEE_KEYS.intersection(key.split()) for key in _field_keys(text))


def _names_field(c: Chunk) -> bool:
    """Is the passage one field whose value is a list of names ("Attendees: Dana, Raj, Anika, Tom")? Its vector
    is mostly its note's title and headings (trial B: it came first for "what was decided at the pricing
    council?"): a list of names is weak evidence for its note, unless the question asks for that field."""
    if c.kind not in ("bullet", "paragraph") or not field_line(c.text):
        return False
    items = [i.split() for i in LIST_ITEM_SPLIT.split(c.text.split(":", 1)[1]) if i.strip()]
    return len(items) >= 2 and all(len(i) <= 3 and all(w[0].isupper() for w in i) for i in items)



def _same_start(a: str, b: str) -> bool:
    """Do two words begin alike, as a word and its forms do ("own" and "owner"): their first 3 or 4 letters,
    as many as the shorter has; a word of two letters the same word ("ic: Tomasz Nowak" for "who was IC for ...?",
    trial s51)."""
    n = min(len(a), len(b), 4)
    return n >= 3 and a[:n] == b[:n] or n == 2 and a == b


def _few_words(c: Chunk) -> bool:
    """A passage of FEW_WORDS words or fewer ("NEED TO REVIEW THIS!", "Pros"): its vector is mostly its
    note's title and headings, so it matches a question about the note without saying anything. A term
    and its gloss ("die Frist — deadline", "TTL = time to live") says what the term means: not few."""
    return c.kind in ("bullet", "paragraph", "quote") and word_count(c.text) <= FEW_WORDS and not is_gloss(c.text) \
        and not c.text.startswith(ATTACHED)  # a note of only a scanned manual: its file is all it says


# a term, a long dash, an equals sign or an arrow, and what it means in words; not a hyphen or a colon, which
# a changelog's "New handbook #8524 - Documentation" and a "download link: https://..." line have too
_GLOSS = re.compile(r"^\s*[^\s—–=→][^—–=→]*?[—–=→]\s*(?!https?:|www\.)\w", re.UNICODE)


def is_gloss(text: str) -> bool:
    """Is text a term and what it means ("die Frist — deadline", "TTL = time to live", "Koplik spots → Measles")?"""
    return _GLOSS.match(text) is not None


def _own_share(c: Chunk, words: dict[str, float] | None) -> float:
    """How much of the question's words (weighted by rarity) the passage's own text says: not its
    note's title, headings or parents, which every passage of the note has for the keyword side; for a thin
    passage, not the title's words it repeats either (trial s37: a list of links to a Logseq namespace's pages,
    "course/linear-algebra/svd", had said "linear algebra" of the question, and come first for "who teaches
    linear algebra?")."""
    if not words:
        return 0.0
    said = _words_of(c.text) - _title_words(c.title) if c.thin else _words_of(c.text)
    return sum(w for t, w in words.items() if t in said) / sum(words.values())


@lru_cache(maxsize=1 << 16)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(tokenize(title))


# a question that asks for questions ("open questions for Billing v2?", "what questions did I have about the
# lease?"): the passages that ask them are its answer, not weaker than one that answers (trial s42)
ASKS_FOR_QUESTIONS = re.compile(r"\b(?:questions|(?:open|research) question)\b", re.IGNORECASE)


def _asks(c: Chunk) -> bool:
    """A passage that is a question (an exam-prep list, a to-do of questions), not an answer: it ends with a
    question mark, or under a heading or bullet that says it lists questions ("Questions from old exams") each
    of its sentences asks or sets a task ("6. Write the attention formula and explain why we divide by
    sqrt(d_k).", "What is the difference between L1 and L2? Draw the constraint regions." in trial E; not an
    answer written there, "The gauge should read 1 to 1.5 bar.")."""
    if c.kind not in ("bullet", "paragraph"):
        return False
    text = c.text.rstrip()
    if text.endswith("?"):
        return True
    if "\n" in text or not any(_lists_questions(h) for h in (*c.heading[1:], *c.parents)):
        return False
    return all(s.endswith("?") or _TASK_VERB.match(s) for s in _SENTENCES.split(text) if s.strip())


@lru_cache(maxsize=65536)
def _lists_questions(heading: str) -> bool:
    """Does a heading or label say it lists questions (_QUESTIONS)? (Asked of every candidate: kept.)"""
    return _QUESTIONS.search(heading) is not None


# a heading or label over questions to answer, not answers: "Questions from old exams", "Exercises", "Quiz"
# (not "Frequently asked questions", whose items answer them)
_QUESTIONS = re.compile(r"(?<!asked )\b(?:(?:exam|review|practice|test|old|open)\s+)?(?:questions|exercises|quiz|fragen)\b",
                        re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# what an exam or exercise sets: "Derive ...", "Explain ...", "Compare Q-learning and SARSA."
_TASK_VERB = re.compile(r"(?:derive|explain|write|show|describe|compare|prove|define|draw|discuss|state|list|name|give|"
                        r"calculate|compute|sketch|outline|justify|contrast|evaluate|estimate|determine|find|solve|"
                        r"implement|analy[sz]e|summari[sz]e)\b", re.IGNORECASE)
