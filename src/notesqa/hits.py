"""What a question returns: a Hit, the text shown and where it lives, and its breadcrumb.

The breadcrumb rule here is the one every front end shows (CLI, chat, MCP, HTTP).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Sequence

from . import clock
from .breadcrumbs import near_parents
from .folding import folded
from .markup import CODE_SPAN, without_tags
from .wording import in_quotes

if TYPE_CHECKING:
    from .ranking import Explanation

# Below this fused score the best hit is rarely an answer (all-MiniLM-L6-v2 on the dev set:
# the best hit of every question scores 0.37 or more; questions the notes cannot answer, 0.08-0.38).
WEAK_SCORE = 0.30
# ... and below this one when no hit holds any word of the question ("shuffle sharding" in a vault that
# never says either word, answered by a Bloom filter's page at 0.33): on the four question sets, every
# question has a hit sharing one of its words
WEAK_NO_WORDS = 0.5
WEAK_MATCH = "Nothing in your notes matches this closely; the nearest passages:"  # what every front end says then
# what front ends say beside a hit of the note the question names, shown whatever its score (trial s64 K: "the note
# named" had read as cryptic)
NAMED_NOTE = "the note your question names"


@dataclass(frozen=True)
class Nothing:
    """Why a search found nothing (NotesIndex.nothing_found): what to say, and where to open, if anywhere."""

    why: str | None = None  # a filter no note passes, ...; None: nothing in the question explains it
    where: str | None = None  # "path:line" of a quoted phrase said only in a note's text not indexed


def no_match(filtered: bool, why: str | None = None) -> str:
    """What every front end says when a question finds nothing (why: a filter no note passes,
    NotesIndex.why_nothing)."""
    if why:
        return why
    return "No matching notes. Try other words" + (", or fewer filters." if filtered else ".")
_WORDS = re.compile(r"[^\W_]+[+#]*")  # "C++" and "C#" are not "C"
_ITEM = re.compile(r"\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[.\]\s+)?")  # a shown line's indent, list marker, box
_ASIDE = re.compile(r"\s*[^\w\s&+'’]")  # what may follow a shortened name: " (Kleppmann)", ": a guide", " - notes"
# (not " & matched funding": "Gift aid" under "Gift Aid & matched funding" is a section, trial s62 C)


@dataclass(frozen=True)
class Hit:
    """One answer: a unit from the notes, where it lives, and how well it matched."""

    # what is shown: the matched unit, then what follows it under the same parent; for a note asked for
    # ("which page explains ..."), the note's opening, then "… (line N)" (", Heading" when under another, ", Title"
    # under none) and
    # the passage that matched
    text: str
    path: str  # relative to the notes folder, forward slashes
    line: int  # 1-based line of the first unit shown (for a note asked for, its opening)
    heading: tuple[str, ...]  # heading path, outermost first
    score: float  # what the hits are ordered by (the match, plus note-level, year and day evidence; may pass 1),
    # except that a note the question is the name of comes first
    title: str = ""
    parents: tuple[str, ...] = ()  # parent bullets, outermost first
    match: str = ""  # the unit that matched (or its parent or paragraph start shown with it, which took it over)
    kind: str = "bullet"
    tags: tuple[str, ...] = ()
    date: str | None = None
    explain: Explanation | None = None
    folder: str = ""  # the note's folder, when another note in the index has the same title; a Notion subpage's parent page
    origin: str = ""  # embedded text: "path:line" of the passage in the note it comes from
    match_score: float | None = None  # the passage's own match (dense and keyword fused); None: as score
    code: str = ""  # the code that ends text, if the hit shows code (the chat shows it as code)
    code_lang: str = ""  # that code's language as its fence names it ("python"); "" when it names none
    # every code block it shows, in order: (code, its language, the row of text it is shown from or after); code: the last
    codes: tuple[tuple[str, str, int], ...] = ()
    end_line: int = 0  # the last line of what is shown (an editor marks line..end_line); 0: as line
    match_line: int = 0  # the line of match when the hit shows it after other lines (a list shown from its
    # lead-in, a parent bullet over it); 0: it is the first shown (line)
    # retrieve(): what became of the note since the index was built ("changed", "deleted or moved", status.KEPT ...,
    # as status.stale_said says it); "": as indexed, or not checked (NotesIndex.search leaves it to its caller)
    stale: str = ""

    @property
    def breadcrumb(self) -> list[str]:
        """[Folder >] note title > headings > parent bullets, a part that repeats the one before shown
        once, the fuller of the two (see _repeats). The folder tells apart two notes of the same name in different
        folders (a Notion subpage's is its parent page). A
        last parent the hit's text opens with is left to the text (code inside a block, after the line
        that introduces it)."""
        crumbs = [_crumb(p, self.tags) for p in near_parents(self.parents)]
        if crumbs and _opens(self.text, crumbs[-1], self.tags):
            crumbs.pop()
        out: list[str] = []
        for part in (self.folder, self.title, *self.heading, *crumbs):
            if out and out[-1] == self.title and self.heading and part == self.heading[0] and part.strip() \
                    and (_as_written(part, out[-1]) or _fuller_name(part, out[-1]) or _day_and_more(part, out[-1])):
                out[-1] = part  # its first heading, as written there: the title again, or it and more after a dash
                continue  # ("santas grotto" > "Santa's grotto - how we do it", trial s62 C)
            if not part.strip() or out and (_repeats(out[-1], part) or _same_day_name(part, out[-1])
                                            or _same_day_as(out[-1], part)
                                            or out[-1] == self.title and self.heading and part == self.heading[0]
                                            and (_said_by(out[-1], part) or _after_dash(out[-1], part)
                                                 or _after_day(out[-1], part))):
                continue
            if out and (_repeats(part, out[-1]) or _ends_with(part, out[-1]) or _same_day_name(out[-1], part)
                        or out[-1] == self.title and self.heading and part == self.heading[0]
                        and _says_in_order(part, out[-1])):  # says the part before and more:
                out[-1] = part  # "... Outage (INC-2291)", "Khattab & Zaharia 2020 — ColBERT: ..."
            else:
                out.append(part)
        return out

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}"

    def pieces(self) -> list[tuple[str, str, str | None, int]]:
        """The text cut into its prose and the code blocks it shows, in order, each (text, or code on lines of its
        own, without the line breaks that part them): (kind, "text" or "code", text, the code's language or None, the
        row of text, split at its line breaks, it starts at). After a code block may come a later step and its
        code (trial s50: only a hit's last code block had been shown as code, step 1's as plain lines)."""
        blocks = self.codes or ((self.code, self.code_lang, 0),)
        text, at, out = self.text, 0, []
        for code, lang, *row in blocks:
            code = code.strip("\n")
            found = _whole_lines(text, code, max(at, _row_start(text, row[0] if row else 0))) if code.strip() else None
            if found is None:
                continue
            if text[at:found].strip("\n"):
                out.append(("text", text[at:found].strip("\n"), None, _row(text, at)))
            out.append(("code", code, lang, text.count("\n", 0, found)))
            at = found + len(code) + 1
        if text[at:].strip("\n") or not out:
            out.append(("text", text[at:].strip("\n") if out else text, None, _row(text, at) if out else 0))
        return out

    @property
    def match_row(self) -> int | None:
        """The index of the line of text where match starts, when the hit shows other lines before it (a list
        shown from its lead-in, a parent bullet over it): the line a front end marks. None: match is first."""
        if not self.match_line or self.match_line == self.line or not self.match.strip():
            return None
        first = self.match.strip().splitlines()[0].strip()
        rows = self.text.split("\n")
        found = [i for i in range(1, len(rows)) if first in rows[i] and _ITEM.fullmatch(rows[i].partition(first)[0])]
        # a line that is all of it before one that starts with it ("Call Ana" in "Call Ana about the lease"), then
        # the one nearest its place in the note (a line said twice)
        gap = self.match_line - self.line
        return min(found, key=lambda i: (_ITEM.sub("", rows[i], count=1).strip() != first, abs(i - gap)), default=None)

    def to_dict(self) -> dict:
        d = asdict(self)
        if not d["stale"]:
            del d["stale"]  # (set by retrieve() only; each JSON front end checks the folder itself: "stale": true)
        d["breadcrumb"] = self.breadcrumb
        d["source"] = self.source
        return d


CRUMB_CHARS = 80  # a parent bullet in a breadcrumb: where the hit is, not a second passage
# a Logseq task's day set for it, a line of its own under it (its text in a parent's line: not where the hit is; trial
# s74 A, "courses/APLS > TODO Finish the pre-course e-learning modules (6 of them) DEADLINE: <2027-01-27 …")
_PLANNED = re.compile(r"\s*\b(?:SCHEDULED|DEADLINE):\s*<[^<>\n]*>")


def _crumb(parent: str, tags=()) -> str:
    """A parent bullet as a breadcrumb part: its first line (a Logseq block's "Dec 2nd, 2022", not the
    release notes under it) without its #tags (they are the note's tags, not where the hit is) and its code
    spans' backticks (a path of plain text: trial s36b), cut at a word near CRUMB_CHARS."""
    first = next((line.strip() for line in parent.splitlines() if line.strip()), "")
    first = " ".join(without_tags(_PLANNED.sub("", first), tags).split()) or first
    first = CODE_SPAN.sub(r"\2", first) if "`" in first else first
    if len(first) <= CRUMB_CHARS:
        return first
    return first[:CRUMB_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def crumb_cut(parent: str) -> bool:
    """Does a breadcrumb show the parent bullet cut (_crumb), not all it says?"""
    return _crumb(parent).endswith(" …")


def quoted_words(words: list[str]) -> str:
    """Up to three words in quotes (wording.in_quotes), "or" between them."""
    return " or ".join(in_quotes(w) for w in words[:3])


def with_spelling(fixes: Sequence, excluded: Sequence[str], said: str | None,
                  as_words: str | None = None, not_the: Sequence[str] = ()) -> str | None:
    """said (a notice, or None) after what was searched other than as typed: filters searched as words (as_words:
    query.as_words_said, "No note is tagged “latest”; searched “tag:latest” as words."), the words a question's typos
    were searched as (spelling.Fix each: "No note says “shufle”; searched for “shuffle” instead.", as a search engine
    says it), and the words after a dash whose passages were left out (trial s39: a pasted "-previous" had dropped
    the answer without a word), or of the one the question says it is not (not_the: "..., not the modern one")."""
    lines = [as_words] if as_words else []
    typos = [f for f in fixes if not f.tag]
    if typos:
        searched = " and ".join(in_quotes(f.searched) for f in typos[:3])
        lines.append(f"No note says {quoted_words([f.typed for f in typos])}; searched for {searched} instead.")
    for f in [f for f in fixes if f.tag][:3]:  # (a tag's word the notes' text writes apart: "bookfair", spelling.py)
        lines.append(f"Only a tag says {in_quotes(f.typed)}; searched for {in_quotes(f.searched)}, as the notes write "
                     "it.")
    dashed = [w for w in excluded if w not in not_the]
    if dashed:
        lines.append(f"Left out what says {quoted_words(dashed)} (a word after a dash); to search for it, "
                     "write it without the dash.")
    if not_the:  # ("..., not the modern one": query._NOT_THE_ONE)
        lines.append(f"Left out what says {quoted_words(list(not_the))}, as the question says it is not that one.")
    return " ".join([*lines, said] if said else lines) or None


def weak(hits: list[Hit]) -> bool:
    """Hits whose best match is below WEAK_SCORE, or below WEAK_NO_WORDS with none holding a word of the
    question: the notes likely do not answer; say so (WEAK_MATCH). Not when a hit is from a day the
    question names, or a task it asks for ("what did I do yesterday?", "what's overdue?" have few words
    to match: the day's notes, the tasks are the answer), nor when the question is all a note's name or
    ID ("202103151022"): that note is the answer."""
    if not hits or any(h.explain is not None and (h.explain.day_match or h.explain.task_match > 0
                                                  or h.explain.name_match >= 1.0 or h.explain.listed
                                                  or h.explain.links or h.explain.property or h.explain.mention)
                       for h in hits):
        return False
    # (a word of the notes related to one of the question's is one of its words in other words: "Oscar" for "Academy
    # Award", vocabulary.py)
    no_words = all(h.explain is not None and h.explain.keyword_score == 0 and not h.explain.related for h in hits)
    return best_match(hits) < (WEAK_NO_WORDS if no_words else WEAK_SCORE)


def notice(hits: list[Hit], question: str, unmentioned: Sequence[str] = (), tasks: int | None = None,
           dated_then: bool = False, words_said: bool = False, tasks_shown: int | None = None,
           days_read: bool = True, year_written: bool | None = None, both_kinds: bool | None = None) -> str | None:
    """What every front end says before hits, if anything: that nothing is dated the day the question
    names (or overdue; dated_then: some notes are, but none of their passages is among the hits), or that no
    note says a rare word of the question (unmentioned: NotesIndex.unmentioned), the hits being the nearest
    passages; how many tasks are overdue or due then when the hits show only some (tasks: NotesIndex.task_count;
    tasks_shown: how many the hits show, NotesIndex.tasks_shown, else a task a hit of those days); or
    that none matches closely (weak; not when the first hit says the one word searched or the words quoted,
    words_said: a search box's "compartment", '"answer in one line"' match by their words, however low the score); or,
    days_read (not where a front end says the year it read them in), the days asked its hits are of, unless the
    question writes their year (year_written; when not given, does the question as given write one). both_kinds: are
    some of the things due then only scheduled and some due (when not given, as the hits show them)."""
    if hits and all(h.explain is not None and (h.explain.listed or h.explain.links or h.explain.property
                                               or h.explain.mention) for h in hits):
        return None  # the notes of the time or filters asked for, or that say what is asked: nothing to add
    when = _days_asked(question)
    # (a weak hit that says the weekday asked is no answer of it: "Nothing ... dated" says more than "nothing matches
    # closely", trial s74 F's "what's on this saturday" over a weekly "Saturday — Tobacco Factory market")
    if hits and when is not None and not any(_of_days(h) for h in hits) \
            and (not _says_the_period(hits, question) or weak(hits)):
        if not when:
            # (a task, as "overdue" is read: "who owes us money overdue" had read "Nothing ... is overdue" over the
            # overdue invoices it found, trial s64 I)
            return "No open task in your notes is overdue; the nearest passages:"
        if dated_then:  # trial U: "Nothing is dated" had been said of a week five daily notes were of
            return f"Nothing dated {when} matches the question closely; the nearest passages:"
        return f"Nothing in your notes is dated {when}, nor set for then; the nearest passages:"
    shown = tasks_shown if tasks_shown is not None else sum(_of_days(h) for h in hits)
    if hits and tasks and tasks > shown:
        return _tasks_said(tasks, when, question, [h for h in hits if _of_days(h)], shown, both_kinds)
    if hits and unmentioned:
        return f"No note mentions {quoted_words(unmentioned)}; the nearest passages:"
    from .periods import asks_due, unclear_day, years

    if hits and when is None and (unclear := unclear_day(question)):
        return f"{unclear}; the nearest passages:"
    if hits and when and tasks == 0 and asks_due(question) and _of_days(hits[0]):
        # (not "Due ...:" over what was written then, due another day or none: trial s76 M)
        return f"Nothing in your notes is due {when}; passages dated then:"
    # the days read, said, of a question that names no year (trials s64 A, D: "what did i do last week" had shown one
    # journal's day, not which week it was read as)
    if hits and when and days_read and _of_days(hits[0]) \
            and not (year_written if year_written is not None else years(question)):
        return f"{'Due' if asks_due(question) else 'Dated'} {when}:"
    return WEAK_MATCH if weak(hits) and not words_said else None


def _tasks_said(n: int, when: str, question: str, shown: list[Hit], count: int, both_kinds: bool | None = None) -> str:
    """"11 open tasks are overdue, 5 of them here; ..." for hits that show only some of them (shown), and in which
    order they come (ranking: in a list's order when the question says nothing else, the highest priority first where
    one has a priority, else the closest to it first); count: how many of them they show."""
    from .asking import lists_only_tasks
    from .chunking import only_scheduled, priority

    # ("things" due: a Logseq block SCHEDULED then, a line that says it is due then, as well as tasks; trial s68 C's
    # "3 open tasks are due" had counted "Payment on account due 31 Jan 2027"; overdue, the open tasks only)
    what = f"{n} open tasks are overdue" if not when else f"{n} things are due {when}"
    what += f", {count} of them here"
    prioritised = any(priority(h.text) for h in shown)
    if not lists_only_tasks(question):
        return f"{what}; those closest to the question first:"
    order = "longest overdue" if not when else "earliest"
    if when and not prioritised and (both_kinds if both_kinds is not None
                                     else len({only_scheduled(h.text) for h in shown}) == 2):  # (ranking._listed_first)
        return f"{what}; those due first, then those only scheduled, the earliest first:"
    return f"{what}; the highest priority and the {order} first:" if prioritised else f"{what}; the {order} first:"


# (not "spring" nor "fall": a framework, a verb, as often as seasons in notes)
_PERIOD_WORDS = re.compile(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday|christmas|xmas|easter|summer|autumn|winter|bonfire|"
                           r"fireworks|halloween|hallowe['’]en)\b",
                           re.IGNORECASE)
_SEASONS = frozenset("summer autumn winter".split())
# a holiday's words, said in a passage's title or headings too ("when is bonfire night": "Fri 5 Nov. Options:" under "#
# Bonfire night", trials s79 E, J, U, W: "Nothing dated on 2027-11-05 matches the question closely" over it)
_HOLIDAY_WORDS = {"xmas": "christmas", "fireworks": "bonfire", "hallowe'en": "halloween", "hallowe’en": "halloween"}
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
# "what did I do in August?", "where were we at Easter?": what happened then, which a passage that plans it ("booked
# the lake house for August") does not say
_WHAT_HAPPENED = re.compile(r"\b(?:did|have|had|was|were)\s+(?:i|we)\b", re.IGNORECASE)


def _period_word(word: str) -> str:
    """A month's name as its first three letters ("February", "Feb" -> "feb"); a holiday's as its name ("xmas" ->
    "christmas"); any other period word as it is."""
    w = word.lower()
    return w[:3] if w[:3] in _MONTHS else _HOLIDAY_WORDS.get(w, w)


def _says_the_period(hits: list[Hit], question: str) -> bool:
    """Does one of the first three hits say the month, weekday or season the question names ("who hosts book group
    in January?": "Month: January | Host: Helen"; "when do I prune in winter?": "Prune in summer ONLY (silver leaf
    risk in winter)"; "sow: Feb")? Then the period is a word of what was asked, not only a date. Not for a question
    about what happened then; a month or weekday counts written as a name ("May", not "may", "march")."""
    if _WHAT_HAPPENED.search(question):
        return False
    asked = {_period_word(w) for w in _PERIOD_WORDS.findall(question)}
    if not asked:
        return False
    for h in hits[:3]:
        said = {_period_word(w) for w in _PERIOD_WORDS.findall(h.text) if w[0].isupper() or w.lower() in _SEASONS}
        said |= {w for w in map(_period_word, _PERIOD_WORDS.findall(" ".join((h.title, *h.heading))))
                 if w in _HOLIDAYS}
        if asked & said:
            return True
    return False


_HOLIDAYS = frozenset("christmas easter bonfire halloween".split())


def others_from(hits: list[Hit], question: str) -> tuple[int, str] | None:
    """For a question about days ("what is due this week?", "what's overdue?") whose first hits are of those
    days, and the rest not: (the position of the first of the rest, what front ends say before it)."""
    when = _days_asked(question)
    if when is None or not hits or not _of_days(hits[0]):
        return None
    at = next((i for i, h in enumerate(hits) if not _of_days(h)), None)
    if at is None or any(_of_days(h) for h in hits[at:]):
        return None  # (a hit of those days after the line would be said not to be of them: the second review)
    from .periods import asks_due

    # (of a question for what is due, "not due" then: trial s51's "Not dated from 2026-11-30 to 2026-12-06" had stood
    # above a to-do written that week, due no day)
    said = "due" if asks_due(question) else "dated"
    if when and said == "dated" and _dated_in(hits[at:], question):
        # (one of them is dated then, set apart as far from the question: trial s89 E, "Not dated on 2029-12-31" over
        # a hit labelled "dated 2029-12-31")
        return at, "Other passages near the question:"
    return at, ("Not overdue, but near the question:" if not when else f"Not {said} {when}, but near the question:")


def _dated_in(hits: list[Hit], question: str) -> bool:
    """Is one of hits dated one of the days the question asks (days_asked, as the line over them reads them)?"""
    asked = days_asked(question)
    return any(dated_then(h, asked) for h in hits)


def dated_then(hit: Hit, asked: frozenset[str]) -> bool:
    """Is a hit dated one of the days asked ("YYYY-MM-DD", or "MM-DD" of any year's)?"""
    return bool(hit.date) and (hit.date[:10] in asked or hit.date[5:10] in asked)


def days_asked(question: str) -> frozenset[str]:
    """The days a question asks about ("YYYY-MM-DD", or "MM-DD" of any year): an after: filter's date is none."""
    from .grammar import FILTER
    from .periods import days

    return frozenset(days(FILTER.sub(" ", question)))


def _days_asked(question: str) -> str | None:
    """The days a question asks about (days_asked), said ("on 2026-11-02", "from 2026-11-02 to 2026-11-08"); "" for
    "what's overdue?"; None for a question about no day."""
    from .asking import asks_overdue

    asked = days_asked(question)
    if asked:
        return " or ".join(f"on {_day_said(a)}" if a == b else f"from {_day_said(a)} to {_day_said(b)}"
                           for a, b in _runs_of(sorted(asked)))
    return "" if asks_overdue(question) else None


def _runs_of(days: list[str]) -> list[tuple[str, str]]:
    """(first, last) of each run of days that follow one another ("YYYY-MM-DD", in order); a year's days of any
    year ("MM-DD") one run from the first to the last."""
    import datetime as _dt

    if any(len(d) != 10 for d in days):
        return [(days[0], days[-1])]
    runs = [[days[0], days[0]]]
    for d in days[1:]:
        if _dt.date.fromisoformat(d) - _dt.date.fromisoformat(runs[-1][1]) == _dt.timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return [(a, b) for a, b in runs]


def _day_said(day: str) -> str:
    """A day as asked: "2026-12-04", or "December 4" for any year's ("12-04")."""
    if len(day) != 5:
        return day
    import calendar

    return f"{calendar.month_name[int(day[:2])]} {int(day[3:])}"


def _of_days(hit: Hit) -> bool:
    """Is the hit of the days asked, or of every such weekday as the one asked (ranking's weekly)?"""
    return bool(hit.explain and (hit.explain.day_match or hit.explain.weekly))


def weekly_label(asked: frozenset[str]) -> str:
    """What front ends say of a hit of no day that opens with the weekday of the one day asked (ranking's weekly):
    "every Saturday"."""
    from datetime import date

    from .periods import weekday_called

    day = next((d for d in asked if len(d) == 10), None)
    return f"every {weekday_called(date.fromisoformat(day).weekday())}" if day else "every such weekday"


def best_match(hits: list[Hit]) -> float:
    """The best match score among hits (a hit's own match, not the note-level evidence ranking adds)."""
    return max(h.score if h.match_score is None else h.match_score for h in hits)


_STEP_NUMBER = re.compile(r"^\s*\d{1,9}[.)]\s+")  # a numbered step's "2. " before its text (its parent's crumb has none)


def _opens(text: str, crumb: str, tags=()) -> bool:
    """Is text's first line (a numbered step's without its number) the parent crumb is of, as _crumb makes a crumb
    (trial s47 and the review: a step with a `code span` or a #tag had been said again in the breadcrumb)?"""
    first = _STEP_NUMBER.sub("", next((line for line in text.splitlines() if line.strip()), ""), count=1)
    return bool(crumb.strip()) and _crumb(first, tags).casefold() == crumb.strip().casefold()


def _ends_with(part: str, before: str) -> bool:
    """Does part end with the part before, after a dash or a colon ("Khattab & Zaharia 2020 — ColBERT: Efficient
    ..." after the title "ColBERT: Efficient ...")?"""
    b, p = _WORDS.findall(before.casefold()), part.casefold().rstrip()
    if not b:
        return False
    # where the part before's first word starts a word of part ("Memory" in "Bjork 1994 — Memory and
    # metamemory ...", not inside "metamemory"), and part reads on as the part before to its end
    return any(_WORDS.findall(p[m.start():]) == b and re.search(r"[—–:-]\s*$", p[:m.start()]) is not None
               for m in re.finditer(r"(?<!\w)" + re.escape(b[0]), p) if m.start() > 0)


def _said_by(title: str, heading: str) -> bool:
    """Is a note's first heading its title's day or month, the title's first or last words ("2024-01-16 Yuki" of its
    "# 2024-01-16", "2025年1月 日記" of "# 2025年1月": trial s48's breadcrumbs had said the day twice)? (Not a section
    named like the title's start, "Tools vs Solutions" > "Tools".)"""
    h, t = _loose(heading), _loose(title)
    # (a day, a week, a month: it says a year, and not a year alone, "2024" of "2024 vs 2023 budget" a section, the
    # review; "2023.04.18", "2024-W17", "January 2025", "2025年1月" all are, the second review)
    return _YEARISH.search(heading) is not None and not _YEARISH.fullmatch(heading.strip()) and len(h) < len(t) \
        and h in (t[:len(h)], t[len(t) - len(h):])


_DASH = re.compile(r"\s[-–—:]\s|:\s")


def _after_day(title: str, heading: str) -> bool:
    """Is a note's first heading what its title says after the day or month it opens with ("Mrs J.H" of "2026-12 Mrs
    J.H", trial s65 F's family files: "2026-12 Mrs J.H > Mrs J.H > Paperwork")?"""
    m = _DAY_FIRST.match(title)
    return m is not None and bool(_loose(heading)) and _loose(m.group(1)) == _loose(heading)


_DAY_FIRST = re.compile(r"\s*(?:\d{4}[-_.]\d\d(?:[-_.]\d\d)?|\d{4}-W\d\d)[\s_-]+(\S.*)$")


def _as_written(heading: str, title: str) -> bool:
    """Is a note's first heading its title in lower case as a file is named, written with its capitals ("Gift Aid &
    matched funding" of "gift aid and matched funding", "Lease + landlord" of "lease and landlord": trial s63 F)?"""
    return title == title.lower() and heading != heading.lower() and bool(_loose(title)) \
        and _loose(heading) == _loose(title)


def _fuller_name(heading: str, title: str) -> bool:
    """Is a note's first heading its title, then a dash or a colon and more ("Santa's grotto - how we do it" of
    "santas grotto", apostrophes aside)?"""
    m = _DASH.search(heading)
    bare = str.maketrans("", "", "'’")
    return m is not None and bool(_loose(title)) and _loose(heading[:m.start()].translate(bare)) == \
        _loose(title.translate(bare))


def _day_and_more(heading: str, title: str) -> bool:
    """Is a daily note's first heading its title's day and more ("2026-10-31 Sat – Halloween" of "2026-10-31": trial
    s68 W's breadcrumb had said the day twice, "2026-10-31 > 2026-10-31 Sat – Halloween")?"""
    return _ISO_DAY.fullmatch(title) is not None and heading.startswith(title) and heading[len(title):len(title) + 1] \
        in (" ", ",", ":") and bool(heading[len(title) + 1:].strip())


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _after_dash(title: str, heading: str) -> bool:
    """Is a note's first heading what its title says after a dash or a colon ("Update Proxmox" of "Runbook - Update
    Proxmox": trial s61 XA's runbooks had said it twice, "Runbook - Update Proxmox > Update Proxmox > ...")?"""
    parts = _DASH.split(title)
    return len(parts) > 1 and bool(_loose(heading)) and _loose(parts[-1]) == _loose(heading)


def _says_in_order(heading: str, title: str) -> bool:
    """Does a note's first heading say every word of its title, in order, and more, not after the whole title
    ("Commander Ulric Haskard" for "Ulric Haskard", "Ch 07 — Tar and Feathers (draft 1)" for "Ch 07 draft")? It
    names the note more fully. (One that goes on after the title, "Python packaging" in "Python", is a part.)"""
    h, t = _loose(heading), _loose(title)
    words = iter(h)
    # (each word found after the one before it: `in` runs the iterator on)
    # (a title of one word is no name a section's heading says more fully: "Prices" > "Full groom prices (from 2 Feb
    # 2026)" is a section of the note, trial s65 M, its breadcrumb had lost "Prices")
    return len(t) >= 2 and h[:len(t)] != t and all(w in words for w in t)


def matched_day(hit: Hit, asked: frozenset[str] = frozenset()) -> str:
    """What front ends say of a hit its day put where it is: "dated 2026-12-03", its own day (trial s58 OC: "dated
    then" beside every hit of a question about days had sent the user to each note to see which); of one a day it
    says put there, that day: "due 2026-12-08" (a task's; "done 2026-11-20", the day one was done), "says 2026-12-08"
    ("next Tues: dentist" in the note of 3 December; trials s59: "dated then" had read as cryptic); else "of the days
    asked". asked: the days the question asks about ("YYYY-MM-DD" or "MM-DD", NotesIndex.days_asked), when known:
    a hit of its own day asked says so, not a task's other days ("☐ book staff Xmas meal – Sat 10 Jan 📅 2026-12-12"
    under "Thu 24:" for "whos in on xmas eve" had said "due 2026-12-12, says 2027-01-10", trial s67 J), and of the
    days it says, the one asked ("Sun 13 Dec: U12 v Corbett Lane (rearranged from 1 Nov)", trial s67 C)."""
    from datetime import date

    from .agenda import days_of_any_year, days_said, open_task_due, row_due
    from .chunking import only_scheduled, start_days, task_days, task_state, without_set_days

    from .metadata import slashed_days, year_said

    day = (hit.date or "")[:10]
    text = hit.match or hit.text
    due = task_days(text)
    if not due and task_state(text) in ("open", "doing"):  # (an open task by the day it is due, as the agenda reads
        # it: "☐ book Vivaro MOT – due 9 Dec" in todo.md had said "of the days asked", trial s67 G)
        said_due = open_task_due(text, day if len(day) == 10 else clock.today().isoformat())
        due = {said_due} if said_due else due
    elif not due and " | " in text and "ue" in text:  # (a table row by the day its "due" column says, as the agenda
        # reads it: "due: 11 Dec" of an order book had said "of the days asked", trial s69 B)
        said_due = row_due(text, year_said(hit.title), clock.today().isoformat())
        due = {said_due} if said_due else due

    def of_asked(d: str) -> bool:
        return d in asked or d[5:] in asked
    if due and len(day) == 10 and of_asked(day) and not any(of_asked(d) for d in due):
        return f"dated {day}"
    # (a task by the days it is set for or was done on, not its note's: "TODO final numbers from Amir", DEADLINE 11
    # December, in the note of the party on the 18th had said "dated 2026-12-18" for "what deadlines are coming up?"
    # and "due 2026-12-11" for "what's due next week?", trial s61 XB)
    if len(day) == 10 and not (hit.explain is not None and hit.explain.task_day) and not due:
        # (a month or a season it says, of no day of it: "Spring Menu 2026" had said "dated 2026-03-01", trial s61 XB)
        # (an open task by the one day its words say, not its note's: "☐ float from the bank Thurs 10 Dec" in the
        # Christmas fair's note had said "dated 2026-12-12", trial s64 M)
        if task_state(text) in ("open", "doing") and len(own := days_said(without_set_days(text), day) - {day}) == 1:
            return f"says {next(iter(own))}"
        shown = "\n".join((hit.path, *hit.breadcrumb, hit.text))
        return "of the days asked" if day.endswith("-01") and _says_month(shown, day[:7]) else f"dated {day}"
    # (a day in numbers either way round: "last one 21/10/25, next 9/12/26" says several, not "says 2025-10-21", trial
    # s59 TC-020)
    # (a task that says another day too may be here by that one: "book train for the readout, 10 Dec 📅 2026-12-05"
    # for "next Thursday" had said "due 2026-12-05", trial s60 VA-021)
    unset = without_set_days(text)
    other = (days_said(unset, day) | slashed_days(text, "dmy") | slashed_days(text, "mdy")) - {day} - due
    said = due | other
    # (the day a task was done is no day it is due: "☑ print the voucher ✅ 2026-11-20", trial s60 UD)
    # (nor is the day it starts: a rotation's "start:: 2025-12-03" had said "due", trial s65 J)
    word = "says" if not due else "done" if due <= task_days(unset) else "starts" if due <= start_days(text) else "due"
    if word == "due" and task_state(text) == "done":  # (a task done is due no more: "DONE accept grant in writing",
        word = "set for"  # SCHEDULED the 15th, done the 4th, had said "due 2027-01-15", trial s74 AB)
    elif word == "due" and only_scheduled(text):  # (one only scheduled then, as its app says: "☐ sort the loft ⏳
        word = "scheduled"  # 2027-08-23" had said "due 2027-08-23", trial s81 B)
    if len(due) == 1 and of_asked(next(iter(due))) and not any(of_asked(d) for d in other):
        return f"{word} {next(iter(due))}"  # (its other days not asked: "book first aid course - St John 16 Jan or 6
        # Feb", SCHEDULED the 7th, had said "of the days asked" for "whats due next week", trial s67 V)
    if len(due) == 1 and len(other) == 1:
        # (either may be the day asked: both, not "of the days asked" beside "TODO ask Fran for final numbers for 16
        # Dec", DEADLINE 9 Dec, among tasks each said due its day, trial s65 D)
        return f"{word} {next(iter(due))}, says {next(iter(other))}"
    if not due and len(said) > 1 and len(inside := {d for d in said if of_asked(d)}) == 1:
        return f"says {next(iter(inside))}"
    # (... or the one day asked it writes of no year, where those it writes with one are not asked: "MOT due 12 April
    # 2028. Booked in at Kwik Fit for Mon 3 April" had said "says 2028-04-12" for "whats on next week", 3-9 April,
    # trial s83 D; A)
    if not due and said and not any(of_asked(d) for d in said) and \
            len(inside := {a for a in asked if len(a) == 10 and a[5:] in days_of_any_year(unset)}) == 1:
        return f"says {next(iter(inside))}"
    if len(said) != 1:
        return "of the days asked"
    return f"{word} {next(iter(said))}"


def unsaid_day(hit: Hit) -> str | None:
    """The day a hit is of ("YYYY-MM-DD": its note's front matter, a heading's day), when neither its file's name,
    its breadcrumb nor its text says that day: front ends show it beside the hit (trial s53: "when did we play the
    fort vellin session" had shown the session's fields, its "date: 2026-08-28" a field no one is shown)."""
    from .metadata import note_date
    from .periods import WRITTEN_DAY, written_day

    day = (hit.date or "")[:10]
    if len(day) < 10 or hit.origin or note_date(None, hit.path) == day:
        return None  # (a file name that says it, as a daily note's is read: "2023-12-11-aws-2023.md", "20260828.md",
        # "28.08.2026.md", the review)
    shown = "\n".join((hit.path, *hit.breadcrumb, hit.text))
    if any((d := written_day(m)) is not None and d.isoformat() == day for m in WRITTEN_DAY.finditer(shown)):
        return None
    from .chunking import task_days

    if task_days(hit.match or hit.text):
        return None  # a task says its own days: its note's ("dates:: 18-20 March 2027" of a trip's plan) would read as
        # the task's (trial s60 WA: "☑ book ferry ✅ 2026-10-02 ... dated 2027-03-18")
    if _says_slashed(shown, day) or day.endswith("-01") and _says_month(shown, day[:7]):
        return None  # ("01/04/25", a day either way round; "2026-03", "Mar 2026", "Spring Menu 2026": a month's row, a
        # season's menu, dated its first day, no day of it; trials s61 XB, YB, YC had read "dated 2026-03-01")
    return day


def _says_slashed(text: str, day: str) -> bool:
    """Does text write day in numbers with slashes, read either way round ("01/04/25" for 2025-04-01)?"""
    from .metadata import slashed_days

    return day in slashed_days(text, "dmy") or day in slashed_days(text, "mdy")


def _says_month(text: str, month: str) -> bool:
    """Does text name month ("YYYY-MM") as a month with its year, "2026-03", "Mar 2026", "March, 2026", "Sept '26", the
    season that month starts, a few words before its year ("Spring Menu 2026"), or a line of its name alone in text
    that says its year ("Notes 2025" > "Jul"), or a table row's first cell of its name alone there?"""
    from .periods import MONTH_NAMES, SEASON_START

    year, number = month[:4], int(month[5:])
    name = MONTH_NAMES[number - 1]
    names = rf"{name[:3]}(?:{name[3:]}{'|t' if number == 9 else ''})?"  # ("Sept" too)
    said = rf"(?<![\d-]){month}(?![\d-])|\b{month}\b(?!-\d)|\b{names}\.?,?\s*[’']?(?:{year}|{year[2:]})\b"
    seasons = "|".join(s for s, m in SEASON_START.items() if m == number)
    if seasons:
        said += rf"|\b(?:{seasons})\b(?:\s+[\w&-]+){{0,3}}\s+{year}\b"
    # ... or a heading of its name alone, the year said elsewhere ("Notes 2025 > Jul", trial s62 G)
    said += rf"|(?s:^(?=.*\b{year}\b).*^\s*{names}\.?\s*$)"
    # ... or a table row's first cell of it ("Month: Jan | Takings: £14,820" of "Takings 2026", trial s67 B)
    said += rf"|(?s:^(?=.*\b{year}\b).*^[^:|\n]{{1,30}}:\s*{names}\.?\s*(?:\||$))"
    return re.search(said, text, re.IGNORECASE | re.MULTILINE) is not None


def _same_day_name(a: str, b: str) -> bool:
    """Do a and b name the same day, and b all of a's other words, and more ("2026-11-20 1-1 Sofia" and
    "1:1 with Sofia — 2026-11-20": a dated note's file name and its first heading; "2026-06-20 v Smarden Vale" and
    "v Smarden Vale (A) — Sat 20 Jun 2026 — TIED", its day written out: trial s64 C)?"""
    day = _DAY.search(a)
    if day is None:
        return False
    if day.group(0) not in b:
        from .periods import WRITTEN_DAY, written_day

        if not any(str(written_day(m)) == day.group(0) for m in WRITTEN_DAY.finditer(b)):
            return False
        rest_a, rest_b = (set(_dayless(_WORDS.findall(x.replace(day.group(0), " ").casefold()))) for x in (a, b))
        return bool(rest_a) and rest_a < rest_b
    def rest(text: str) -> set[str]:
        return set(_WORDS.findall(text.replace(day.group(0), " ").casefold()))
    return bool(rest(a)) and rest(a) < rest(b)


def _same_day_as(day: str, part: str) -> bool:
    """Is part only the day that day (a daily note's title, "2025-01-15") is, written another way (its heading
    "15-01-2025", "Wed 15 Jan 2025": trial s46 had shown "2025-01-15 > 15-01-2025")?"""
    from .metadata import heading_day

    day = day.strip()
    if not _DAY.fullmatch(day):
        return False
    part = _WEEKDAY_BESIDE.sub("", part).strip()  # ("Fri 27/11/26", "01/12/26 Tue": trial s57 LA)
    if heading_day(part) == day or heading_day(f"{part} {day[:4]}") == day:  # ("Wed 2 Dec": of the note's year)
        return True
    y, m, d = day.split("-")
    numbers = sorted(int(n) for n in re.findall(r"\d+", part))
    return _DIGITS_DAY.fullmatch(part) is not None and numbers in (sorted(map(int, (y, m, d))),
                                                                  sorted(map(int, (y[2:], m, d))))


_DIGITS_DAY = re.compile(r"\s*\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d\d)\s*")  # "15-01-2025", "15.01.2025", "27/11/26"
_WEEKDAY_BESIDE = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|"
                             r"\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _loose(text: str) -> list[str]:
    """text's words, "&" read as "and", without "the", "a" and "an", "Ch10" or "Ch. 07" read as "chapter 10" and
    "chapter 7": how a title and its note's first heading may differ while saying the same (trial E; trial s37:
    every hit of a novel's chapter read "Ch10 - The Cistern > Chapter 10 — The Cistern")."""
    text = _CHAPTER.sub(lambda m: f"chapter {int(m.group(1))}", text.casefold().replace("&", " and ")
                        .replace(" + ", " and "))  # ("Lease + landlord", trial s63 F)
    return [w for w in _WORDS.findall(text) if w not in ("the", "a", "an")]


_CHAPTER = re.compile(r"\b(?:ch|chap|chapter)\.?\s*(\d+)\b")


_DAY_WORD = re.compile(r"\d{1,2}(?:st|nd|rd|th)?|\d{4}|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:rs?|rsday)?|"
                       r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
                       r"june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")


def _dayless(words: list[str]) -> list[str]:
    """words without those that write a day (a weekday, a month, a day's number, a year)."""
    return [w for w in words if not _DAY_WORD.fullmatch(w)]


_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def _repeats(before: str, part: str) -> bool:
    """Does part say again what the part before it says? The same words (a first heading that is the
    title), or the part before without its aside ("Designing Data-Intensive Applications (Kleppmann)" >
    "Designing Data-Intensive Applications"). A part that says more ("Python" > "Python packaging") or
    names a section of its own ("Tools vs Solutions" > "Tools") is new."""
    # case and accents aside throughout: "Ana Sofia Castillo" (a file name) > "Ana Sofía Castillo" (its heading)
    # ... and apostrophes inside a word, which a file's name leaves out ("Womens 4x 2026" > "Women's 4x — 2026", s63 G)
    # ... and "&" for "and" ("Fees and terms" > "Fees & terms (2026)", trial s63 W)
    before, part = (_INNER_APOSTROPHE.sub("", folded(x)).replace("&", " and ") for x in (before, part))
    b, p = _WORDS.findall(before), _WORDS.findall(part)
    if b == p:  # punctuation aside: "Bayes Theorem" > "Bayes' Theorem", a file name without its colon
        return bool(b)
    # (a month written short in one: "Rota - Dec 2026" > "Rota – December 2026", trial s65 U)
    if len(b) == len(p) and _months_written_out(b) == _months_written_out(p):
        return True
    if len(b) > 1 and sorted(b) == sorted(p) and [w for w in b if w.isdigit()] == [w for w in p if w.isdigit()]:
        return True  # in another order, its numbers in theirs: "2023-10-05 Advisor meeting" > "Advisor meeting
        # 2023-10-05" (trial s36: every meeting's breadcrumb said its name twice); not "Lecture 2 Part 3"
    if _loose(before) == _loose(part):  # "... Conquer and the Master Theorem" > "... Conquer & Master Theorem"
        return bool(b)
    from .metadata import dated_name

    # "2026-11-26 Pricing council" > "Pricing council" (trials A, B), "Lesson 2023.04.18" > "Lesson" (the s48 review)
    if (named := dated_name(before.strip())) and _WORDS.findall(named[1]) == p:
        return bool(p)
    # ... and its day written out ("2026-12-12 Hollow Rooks Xmas show" > "Hollow Rooks – Xmas show – Sat 12 Dec 2026",
    # trial s63 L)
    if named and (rest := _dayless(_WORDS.findall(named[1]))) and _dayless(p) == rest:
        return True
    if not p or len(b) <= len(p) or b[:len(p)] != p:
        return False
    end = [m.end() for m in _WORDS.finditer(before)][len(p) - 1]
    return _ASIDE.match(before, end) is not None


def _months_written_out(words: list[str]) -> list[str]:
    """words (lower case) with the months and weekdays written short written out ("dec": "december")."""
    from .keywords import FULL_NAMES

    return [FULL_NAMES.get(w, w) for w in words]


def _whole_lines(text: str, code: str, start: int) -> int | None:
    """Where code stands on lines of its own in text, from start on; None if it does not."""
    at = text.find(code, start)
    while at >= 0:
        if (at == 0 or text[at - 1] == "\n") and (at + len(code) == len(text) or text[at + len(code)] == "\n"):
            return at
        at = text.find(code, at + 1)
    return None


def _row(text: str, at: int) -> int:
    """The row (text split at its line breaks) of the first line with words from at on."""
    while at < len(text) and text[at] == "\n":
        at += 1
    return text.count("\n", 0, at)


def _row_start(text: str, row: int) -> int:
    """Where the row (text split at its line breaks) starts in text."""
    at = 0
    for _ in range(row):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at
