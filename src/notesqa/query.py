"""A question as written -> the words to search for and the filters to apply.

    text, filters = parse_query("tag:aws path:work/* after:2024-01-01 what did Werner say?")

How a question marks a filter or a phrase is grammar.py's (the chat's follow-ups read filters with it too); the
days a question names are periods.py's, and what else it asks for (tasks, the latest, a note) asking.py's.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from . import dendron
from .asking import seeks_note
from .chatter import without_chatter
from .chunking import Chunk, has_words
from .config import NOTE_SUFFIXES
from .errors import ArgumentError, QueryError
from .grammar import ANY_NAMED, FILTER_NAMES, QUOTE_FORMS, QUOTED
from .metadata import as_date
from .notefiles import nfc, readable_path
from .periods import ASKED_YEAR, WRITTEN_DAY, YEAR_FROM_TODAY, asked_years, day_of, days, without_days
from .wording import counted, in_quotes


# a filter with its value cut off by a space: at the start of the question ("tag: maths what is a
# group"), or a date filter before a date anywhere ("keynotes after: 2024-01-01"); elsewhere "path:"
# is a word of the question ("what is the critical path: the longest chain")
_LOOSE = re.compile(r"^\s*(tag|path):\s+(\"[^\"]*\"|\S+)", re.IGNORECASE)
_LOOSE_DATE = re.compile(r"(?<!\S)(after|before):\s+(\d{4}-\d{1,2}-\d{1,2})\b", re.IGNORECASE)
# a filter's name alone (trial s33: "tag:"), or tag:, after: or before: with nothing after it ending a question
# ("slugs tag:"; not path:, "what is a critical path:")
_BARE = re.compile(r"^\s*(tag|path|after|before):\s*$|(?<!\S)(tag|after|before):\s*$", re.IGNORECASE)
_EXAMPLE = {"tag": "tag:car", "path": "path:Garden/", "after": "after:2024-01-01", "before": "before:2024-12-31"}
TOP_LEVEL = "."  # as a path filter: the notes directly in the notes folder, not in a subfolder
TOP_LEVEL_NAME = "(top level)"  # that folder, as the chat and breadcrumbs name it


def folder_of(path: str, hierarchy: str = "") -> str:
    """Where a note is, as its app shows it: its folder, and in a Dendron vault its hierarchy too
    ("dev.airflow" of dev.airflow.gotchas.md); "" for a note at the top."""
    folder = posixpath.dirname(path)
    return f"{folder}/{hierarchy}" if folder and hierarchy else folder or hierarchy


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
    rest = ASKED_YEAR.sub(" ", YEAR_FROM_TODAY.sub(" ", without_days(text)))
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
_AMBIGUOUS = re.compile(r"(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])/\d{4}")  # 03/04/2025: April or March? (03.04.2025 is day first)


def _written_day(value: str) -> str | None:
    """The day a filter's value names as a question may (22/03/2025, 3/22/2025, 14-March-2025 not: WRITTEN_DAY), with its
    year; None for any other (trial s39: after:22/03/2025 had been refused in a vault of such days)."""
    m = WRITTEN_DAY.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day = day_of(m)
    return as_date(f"{year}-{int(month):02d}-{int(day):02d}") if year else None


def _as_tuple(value, name: str) -> tuple[str, ...]:
    """A filter given as one value or several: each a string (a folder may be a path)."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return _not_empty((os.fspath(value),), name)
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise ArgumentError(f"{name} must be text or a list of texts, got {value!r}.")
    values = tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)
    bad = [v for v in values if not isinstance(v, str)]
    if bad:  # (a list's None too: the error-path audit, s43, had met an AttributeError)
        raise ArgumentError(f"{name} must be text or a list of texts, got {bad[0]!r} in it.")
    return _not_empty(values, name)


def _not_empty(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    """values, if none is empty: an empty tag or folder given (`--path ""`) is an error, not a filter of the notes
    at the top or tagged nothing (the error-path audit, s43: "No note is in the notes folder itself")."""
    if any(not v.strip().lstrip("#").strip() for v in values):  # ("#" too: a tag of no name)
        what = "a tag (without #)" if name.startswith("tag") else "a folder (path:)"
        raise ArgumentError(f"{name} has an empty value: give {what}, or leave it out.")
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
    text = ANY_NAMED.sub(take, question)
    if text != question:
        _check_bare(text)  # "after:2024-01-01 tag:": the name left alone once the other filters are taken
    if problems:
        folder = next((m.group(2) for m in ANY_NAMED.finditer(question) if m.group(1).lower() == problems[0]), "")
        if problems[0] in _FOLDERISH:  # "notebook:Travel": the folder it was exported to
            raise QueryError(f"Unknown filter {problems[0]}: in the question; a folder (an exported notebook) is "
                             f"path:{folder} (quote the text to search for it as words).")
        hint = _FILTER_HINTS.get(problems[0])
        value = next((m.group(2).strip('"“”') for m in ANY_NAMED.finditer(question) if m.group(1).lower() == problems[0]),
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
    if (m := _not_the_one(rest)) is not None:
        words.append(m[1])
        rest = rest[:m.start()]
    if not words or not has_words(rest):
        return text, ()
    return rest, tuple(dict.fromkeys(words))


def not_the(question: str) -> tuple[str, ...]:
    """The word of the one a question says it is not, last ("..., not the modern one": "modern"), left out as a
    word after a dash is; else ()."""
    m = _not_the_one(question)
    return (m[1],) if m is not None else ()


def _not_the_one(text: str) -> re.Match | None:
    """_NOT_THE_ONE's match in text, of a word that names which ("modern"), not a kind ("best")."""
    m = _NOT_THE_ONE.search(text)
    return m if m is not None and m[1].casefold() not in _NOT_A_KIND else None


# the one a question says it is not, last: "the trench that was blank, not the modern one" (trial s62 K); not "not the
# best one", which says which
_NOT_THE_ONE = re.compile(r",\s*(?:but\s+)?not\s+the\s+([^\W\d_][\w-]*)\s+ones?\s*[?.!]*\s*$", re.IGNORECASE)
_NOT_A_KIND = frozenset("""best worst first last same other right wrong new old big small main usual latest
next""".split())


def _unquoted(text: str) -> tuple[str, tuple[str, ...]]:
    """text with its quotes taken out (their words stay words of the question), and the quoted phrases
    that hold a word, each once."""
    phrases: list[str] = []

    def take(m: re.Match) -> str:
        inner = " ".join(next(g for g in m.groups() if g is not None).split())
        if _HAS_WORD.search(inner) and inner not in phrases:
            phrases.append(inner)
        return f" {inner} "

    return QUOTED.sub(take, text), tuple(phrases)


_HAS_WORD = re.compile(r"\w")
# a word to leave out, as search engines and Obsidian read it: "-antibiotics" (a letter after the dash and
# two more: "-v", "-rf" and "--force" are flags); written so in the notes, it is a flag of theirs ("find -name"):
# NotesIndex.parsed puts it back as a word
_MINUS = r"(?<![^\s(])-([^\W\d_][\w'’]{2,})(?![\w-])"
# a quoted phrase (its group not captured) or a word to leave out (group 1)
_QUOTED_OR_MINUS = re.compile("|".join(f.replace("(", "(?:", 1) for f in QUOTE_FORMS) + "|" + _MINUS)


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
    # a note's file name alone, in any folder ("Arsenic and Old Lace.md" of a Logseq graph's pages/: trial s58 OB)
    if "/" not in pattern and pattern.endswith(NOTE_SUFFIXES) \
            and fnmatch.fnmatchcase(posixpath.basename(path), pattern):
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
